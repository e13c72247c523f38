/* pyprep-store-import.c: export of all user data to one file, and import of such a file by merging.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An export is user-data.json as the store would save it. An import merges
 * one into the store, record by record: what is missing is added, nothing
 * is duplicated or removed, and where both sides have the same annotation
 * or card state the one changed last wins (docs/user-data.md, "Import").
 * The file is read and validated whole before anything is merged, so a
 * broken file changes nothing.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pyprep-store-private.h"

#include "pyprep-time.h"

/**
 * pyprep_store_export:
 * @file: where to write
 *
 * Writes every piece of user data to @file as one JSON document, in the
 * format of user-data.json.
 *
 * Returns: %TRUE on success
 */
gboolean
pyprep_store_export (PyprepStore  *self,
                     GFile        *file,
                     GError      **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = pyprep_store_to_data (self, &length);
  return g_file_replace_contents (file, data, length, NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

/* A container of a validated document, which may be absent:
 * json_object_get_object_member() would warn about a missing member. */
static JsonObject *
get_container (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The time in member @name of the record @node, or 0 when it has none. */
static gint64
record_time (JsonNode   *node,
             const char *name)
{
  gint64 usec = 0;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    pyprep_time_get_member (json_node_get_object (node), name, &usec);
  return usec;
}

/* Merges one record of theirs, @key holding @theirs, into the store. */
typedef void (*MergeFunc) (PyprepStore         *self,
                           const char          *key,
                           JsonNode            *theirs,
                           PyprepImportSummary *counts);

static void
merge_container (PyprepStore         *self,
                 JsonObject          *container,
                 MergeFunc            merge,
                 PyprepImportSummary *counts)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  if (container == NULL)
    return;
  json_object_iter_init (&iter, container);
  while (json_object_iter_next (&iter, &key, &member))
    merge (self, key, member, counts);
}

/* A bookmark is added; one already here keeps its own time. */
static void
merge_bookmark (PyprepStore         *self,
                const char          *key,
                JsonNode            *theirs,
                PyprepImportSummary *counts)
{
  if (json_object_has_member (self->bookmarks, key))
    return;
  json_object_set_member (self->bookmarks, key, json_node_ref (theirs));
  counts->bookmarks_added++;
}

/* An annotation on both sides: the one modified last wins. */
static void
merge_annotation (PyprepStore         *self,
                  const char          *key,
                  JsonNode            *theirs,
                  PyprepImportSummary *counts)
{
  JsonNode *ours = json_object_get_member (self->annotations, key);

  if (ours == NULL)
    counts->annotations_added++;
  else if (record_time (theirs, "modified") > record_time (ours, "modified"))
    counts->annotations_updated++;
  else
    {
      counts->annotations_kept++;
      return;
    }
  json_object_set_member (self->annotations, key, json_node_ref (theirs));
}

/* Only a read mark comes in: where the user is in an entry stays this
 * machine's. */
static void
merge_read_mark (PyprepStore         *self,
                 const char          *key,
                 JsonNode            *theirs,
                 PyprepImportSummary *counts)
{
  JsonNode *read = json_object_get_member (json_node_get_object (theirs), "read");
  JsonObject *record;

  if (read == NULL || pyprep_store_get_read (self, key))
    return;
  record = pyprep_store_record_from (json_object_get_member (self->reading_entries, key));
  json_object_set_member (record, "read", json_node_ref (read));
  json_object_set_member (self->reading_entries, key, pyprep_store_seal_object (record));
  counts->entries_read++;
}

/* A card state on both sides: the one reviewed last wins. */
static void
merge_card (PyprepStore         *self,
            const char          *key,
            JsonNode            *theirs,
            PyprepImportSummary *counts)
{
  JsonNode *ours = json_object_get_member (self->cards, key);

  if (ours != NULL && record_time (theirs, "last_review") <= record_time (ours, "last_review"))
    return;
  json_object_set_member (self->cards, key, json_node_ref (theirs));
  counts->cards_updated++;
}

/**
 * pyprep_store_import:
 * @file: a file written by pyprep_store_export()
 * @summary: (out caller-allocates) (optional): what was merged
 *
 * Merges @file into the store: what is missing is added, nothing is
 * duplicated, and where both have an annotation or a card the one changed
 * last wins. Nothing is removed.
 *
 * Returns: %TRUE on success; on failure the store is unchanged
 */
gboolean
pyprep_store_import (PyprepStore          *self,
                     GFile                *file,
                     PyprepImportSummary  *summary,
                     GError              **error)
{
  PyprepImportSummary counts = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!pyprep_store_check_writable (self, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_IO,
                           _("The file is not on a local disk"));
      return FALSE;
    }
  root = pyprep_store_file_read (path, error);
  if (root == NULL)
    return FALSE;
  object = json_node_get_object (root);
  if (json_object_get_int_member (object, "schema_version") > PYPREP_STORE_SCHEMA_VERSION)
    {
      g_set_error_literal (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_NEWER,
                           _("The file was exported by a newer version of Pyprep"));
      return FALSE;
    }

  merge_container (self, get_container (object, "bookmarks"), merge_bookmark, &counts);
  merge_container (self, get_container (object, "annotations"), merge_annotation, &counts);
  merge_container (self, get_container (get_container (object, "reading"), "entries"),
                   merge_read_mark, &counts);
  merge_container (self, get_container (object, "cards"), merge_card, &counts);
  counts.interview_updated = pyprep_store_interview_merge (self, object);

  if (summary != NULL)
    *summary = counts;
  pyprep_store_changed (self, "import", NULL);

  return TRUE;
}
