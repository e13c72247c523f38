/* pyprep-store-annotation-index.c: which annotations each entry holds, kept by the store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Counting an entry's annotations, or listing them, was a scan of every
 * annotation in the store: with 10,000 on one entry, every change made the
 * panel, the page and the sidebar scan them again. The index maps each
 * entry to the IDs of its annotations, newest first, and each annotation
 * to its place there. It is built at the first question, and then follows
 * the store's changes one record at a time (pyprep_store_index_note()); a
 * change of many records at once (an import, a document loaded) drops it,
 * to be built again at the next question.
 */
#include "config.h"

#include "pyprep-store-private.h"
#include "pyprep-time.h"

typedef struct
{
  char *id;
  char *entry_id;
  gint64 created;
} IndexItem;

struct _PyprepAnnotationIndex
{
  JsonObject *container;       /* the annotations indexed, held so that its address stays its own */
  GHashTable *entries;         /* entry ID -> GSequence of IndexItem, newest first */
  GHashTable *items;           /* annotation ID (the item's) -> its GSequenceIter */
};

static void
index_item_free (gpointer data)
{
  IndexItem *item = data;

  g_free (item->id);
  g_free (item->entry_id);
  g_free (item);
}

/* Newer first, as pyprep_store_dup_annotations() lists them. */
static int
newest_first (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const IndexItem *x = a;
  const IndexItem *y = b;

  if (x->created != y->created)
    return x->created > y->created ? -1 : 1;
  return g_strcmp0 (x->id, y->id);
}

/**
 * pyprep_store_annotation_is_card_only:
 * @node: an annotation record
 *
 * Returns: whether the record is a card kept after its annotation was deleted
 */
gboolean
pyprep_store_annotation_is_card_only (JsonNode *node)
{
  JsonNode *only = json_object_get_member (json_node_get_object (node), "card_only");

  return only != NULL && JSON_NODE_HOLDS_VALUE (only)
         && json_node_get_value_type (only) == G_TYPE_BOOLEAN && json_node_get_boolean (only);
}

/* The record as an item of the index, or NULL when it lists nowhere. */
static IndexItem *
item_new (const char *id,
          JsonNode   *node)
{
  JsonObject *object;
  const char *entry_id;
  IndexItem *item;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || pyprep_store_annotation_is_card_only (node))
    return NULL;
  object = json_node_get_object (node);
  entry_id = json_object_get_string_member_with_default (object, "entry", NULL);
  if (entry_id == NULL)
    return NULL;

  item = g_new0 (IndexItem, 1);
  item->id = g_strdup (id);
  item->entry_id = g_strdup (entry_id);
  if (!pyprep_time_get_member (object, "created", &item->created))
    item->created = 0;
  return item;
}

static GSequence *
entry_items (PyprepAnnotationIndex *index,
             const char            *entry_id,
             gboolean               create)
{
  GSequence *items = g_hash_table_lookup (index->entries, entry_id);

  if (items == NULL && create)
    {
      items = g_sequence_new (index_item_free);
      g_hash_table_insert (index->entries, g_strdup (entry_id), items);
    }
  return items;
}

/**
 * pyprep_annotation_index_free:
 *
 * Frees an index, as the store drops it.
 */
void
pyprep_annotation_index_free (PyprepAnnotationIndex *index)
{
  if (index == NULL)
    return;
  g_hash_table_unref (index->items);
  g_hash_table_unref (index->entries);
  json_object_unref (index->container);
  g_free (index);
}

static PyprepAnnotationIndex *
index_build (JsonObject *container)
{
  PyprepAnnotationIndex *index = g_new0 (PyprepAnnotationIndex, 1);
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  GHashTableIter entries;
  gpointer items;

  index->container = json_object_ref (container);
  index->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_sequence_free);
  index->items = g_hash_table_new (g_str_hash, g_str_equal);

  json_object_iter_init (&iter, container);
  while (json_object_iter_next (&iter, &key, &member))
    {
      IndexItem *item = item_new (key, member);

      if (item != NULL)
        g_sequence_append (entry_items (index, item->entry_id, TRUE), item);
    }
  /* Sorted once each, then their places noted. */
  g_hash_table_iter_init (&entries, index->entries);
  while (g_hash_table_iter_next (&entries, NULL, &items))
    {
      g_sequence_sort (items, newest_first, NULL);
      for (GSequenceIter *i = g_sequence_get_begin_iter (items); !g_sequence_iter_is_end (i);
           i = g_sequence_iter_next (i))
        g_hash_table_insert (index->items, ((IndexItem *) g_sequence_get (i))->id, i);
    }

  return index;
}

/* The store's index, built when there is none or its document changed. */
static PyprepAnnotationIndex *
index_get (PyprepStore *self)
{
  if (self->annotation_index != NULL && self->annotation_index->container != self->annotations)
    g_clear_pointer (&self->annotation_index, pyprep_annotation_index_free);
  if (self->annotation_index == NULL)
    self->annotation_index = index_build (self->annotations);
  return self->annotation_index;
}

/* The record of @id changed, or went: its item moves, goes or comes. */
static void
index_update (PyprepAnnotationIndex *index,
              const char            *id)
{
  GSequenceIter *place = g_hash_table_lookup (index->items, id);
  IndexItem *item = item_new (id, json_object_get_member (index->container, id));

  if (place != NULL)
    {
      IndexItem *old = g_sequence_get (place);
      g_autofree char *entry_id = g_strdup (old->entry_id);
      GSequence *items = entry_items (index, entry_id, FALSE);

      g_hash_table_remove (index->items, id);
      g_sequence_remove (place);
      if (g_sequence_is_empty (items))
        g_hash_table_remove (index->entries, entry_id);
    }
  if (item != NULL)
    {
      place = g_sequence_insert_sorted (entry_items (index, item->entry_id, TRUE), item, newest_first, NULL);
      g_hash_table_insert (index->items, item->id, place);
    }
}

/**
 * pyprep_store_index_note:
 * @what: the kind of change, as #PyprepStore::changed names it
 * @id: (nullable): what changed
 *
 * Keeps the index true to a change of the store, before its listeners
 * hear of it.
 */
void
pyprep_store_index_note (PyprepStore *self,
                         const char  *what,
                         const char  *id)
{
  PyprepAnnotationIndex *index = self->annotation_index;

  if (index == NULL)
    return;
  if (index->container != self->annotations || g_strcmp0 (what, "import") == 0)
    g_clear_pointer (&self->annotation_index, pyprep_annotation_index_free);
  else if (g_strcmp0 (what, "annotation") == 0 && id != NULL)
    index_update (index, id);
}

/**
 * pyprep_store_index_count:
 * @entry_id: an entry
 *
 * Returns: how many annotations @entry_id holds
 */
guint
pyprep_store_index_count (PyprepStore *self,
                          const char  *entry_id)
{
  GSequence *items = entry_items (index_get (self), entry_id, FALSE);

  return items != NULL ? (guint) g_sequence_get_length (items) : 0;
}

/**
 * pyprep_store_index_list:
 * @entry_id: an entry
 *
 * Returns: (transfer container) (element-type utf8): the IDs of the
 *   annotations @entry_id holds, newest first, owned by the index: valid
 *   until the store next changes
 */
GPtrArray *
pyprep_store_index_list (PyprepStore *self,
                         const char  *entry_id)
{
  GSequence *items = entry_items (index_get (self), entry_id, FALSE);
  GPtrArray *ids = g_ptr_array_sized_new (items != NULL ? g_sequence_get_length (items) : 0);

  if (items == NULL)
    return ids;
  for (GSequenceIter *i = g_sequence_get_begin_iter (items); !g_sequence_iter_is_end (i);
       i = g_sequence_iter_next (i))
    g_ptr_array_add (ids, ((IndexItem *) g_sequence_get (i))->id);
  return ids;
}
