/* pyprep-store-document.c: the user data document in memory: containers, sealed records, snapshots.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store holds user-data.json as a json-glib tree. The root and the
 * containers (bookmarks, annotations, reading and its entries, cards) are
 * mutable and belong to the main thread (and so are the clocks of the
 * records, pyprep-merge.c); every record in them is a sealed,
 * immutable node that is replaced, never changed. A snapshot for a save is
 * then cheap even for 10,000 annotations: new containers holding the same
 * record nodes, which the writer thread may read while the main thread goes
 * on changing the store. Members the store does not know, at any level, are
 * kept as they were loaded.
 */
#include "config.h"

#include "pyprep-store-private.h"

#include "pyprep-merge.h"

/* A new object holding the members of @object, shared (not copied): the
 * way a sealed container or record becomes one that can be changed. */
static JsonObject *
share_members (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  if (object == NULL)
    return copy;
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &member))
    json_object_set_member (copy, key, json_node_ref (member));

  return copy;
}

static JsonObject *
ensure_object_member (JsonObject *parent,
                      const char *name)
{
  JsonNode *node = json_object_get_member (parent, name);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || json_node_is_immutable (node))
    {
      /* A container loaded sealed becomes a mutable copy sharing its records. */
      JsonObject *fresh = pyprep_store_record_from (node);

      json_object_set_object_member (parent, name, fresh);
      return fresh;
    }

  return json_node_get_object (node);
}

static void
bind_containers (PyprepStore *self)
{
  self->bookmarks = ensure_object_member (self->root, "bookmarks");
  self->annotations = ensure_object_member (self->root, "annotations");
  self->reading = ensure_object_member (self->root, "reading");
  self->reading_entries = ensure_object_member (self->reading, "entries");
  self->cards = ensure_object_member (self->root, "cards");
  self->clocks = ensure_object_member (self->root, PYPREP_MERGE_CLOCKS);
}

/**
 * pyprep_store_document_reset:
 *
 * Makes the store's document an empty one of the current schema version.
 */
void
pyprep_store_document_reset (PyprepStore *self)
{
  g_clear_pointer (&self->root, json_object_unref);
  self->root = json_object_new ();
  json_object_set_int_member (self->root, "schema_version", PYPREP_STORE_SCHEMA_VERSION);
  bind_containers (self);
}

/**
 * pyprep_store_document_adopt:
 * @root: a loaded document, sealed and valid
 *
 * Makes @root the store's document. A document from a newer Pyprep makes
 * the store read-only. What it holds is shown only when it has the shape
 * this version reads (the getters rely on it: an annotation without
 * "entry" made them fail); otherwise the store is empty, and the file is
 * still never touched.
 *
 * Returns: whether @root comes from a newer Pyprep
 */
gboolean
pyprep_store_document_adopt (PyprepStore *self,
                             JsonNode    *root)
{
  /* The loaded tree is sealed; the root becomes a mutable copy sharing it. */
  g_clear_pointer (&self->root, json_object_unref);
  self->root = share_members (json_node_get_object (root));
  bind_containers (self);

  if (json_object_get_int_member (self->root, "schema_version") <= PYPREP_STORE_SCHEMA_VERSION)
    return FALSE;

  if (!pyprep_store_schema_validate_members (self->root, NULL))
    pyprep_store_document_reset (self);
  self->read_only = TRUE;
  return TRUE;
}

/**
 * pyprep_store_document_snapshot:
 *
 * The document as it is now, as a tree the writer thread may read while
 * the main thread goes on changing the store. Only the containers are
 * copied; the records are sealed and shared.
 *
 * Returns: (transfer full): the snapshot
 */
JsonNode *
pyprep_store_document_snapshot (PyprepStore *self)
{
  JsonNode *node;
  JsonObject *root = json_object_new ();
  JsonObject *reading = share_members (self->reading);
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  json_object_iter_init (&iter, self->root);
  while (json_object_iter_next (&iter, &key, &member))
    {
      if (g_str_equal (key, "bookmarks"))
        json_object_set_object_member (root, key, share_members (self->bookmarks));
      else if (g_str_equal (key, "annotations"))
        json_object_set_object_member (root, key, share_members (self->annotations));
      else if (g_str_equal (key, "cards"))
        json_object_set_object_member (root, key, share_members (self->cards));
      else if (g_str_equal (key, PYPREP_MERGE_CLOCKS))
        json_object_set_object_member (root, key, share_members (self->clocks));
      else if (g_str_equal (key, "reading"))
        {
          json_object_set_object_member (reading, "entries", share_members (self->reading_entries));
          json_object_set_object_member (root, key, json_object_ref (reading));
        }
      else
        {
          /* Top-level members the store does not know: sealed, shared. */
          json_node_seal (member);
          json_object_set_member (root, key, json_node_ref (member));
        }
    }
  json_object_unref (reading);

  node = json_node_init_object (json_node_alloc (), root);
  json_object_unref (root);
  return node;
}

/**
 * pyprep_store_seal_object:
 * @object: (transfer full): a finished record
 *
 * Seals a record so snapshots can share it with the writer thread.
 *
 * Returns: (transfer full): a sealed node holding @object
 */
JsonNode *
pyprep_store_seal_object (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  /* The node holds its own reference; @object's is the caller's to give. */
  json_object_unref (object);
  json_node_seal (node);
  return node;
}

/**
 * pyprep_store_record_from:
 * @old: (nullable): a record, or %NULL for a new one
 *
 * Returns: (transfer full): a new record object starting with every member
 *   of @old, so keys written by a newer Pyprep survive an edit
 */
JsonObject *
pyprep_store_record_from (JsonNode *old)
{
  return share_members (old != NULL && JSON_NODE_HOLDS_OBJECT (old) ? json_node_get_object (old) : NULL);
}
