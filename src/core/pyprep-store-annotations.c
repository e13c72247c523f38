/* pyprep-store-annotations.c: the store's annotations, and their JSON form.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In user-data.json an annotation is a record under "annotations", keyed by
 * its ID: {"entry", "text", "quote": {"exact", "prefix", "suffix"},
 * "created", "modified"} (docs/user-data.md). The store keeps the records
 * and hands out PyprepAnnotation copies; this file converts between the
 * two and holds the store's annotation functions (declared in
 * pyprep-store.h).
 */
#include "config.h"

#include "pyprep-annotation.h"
#include "pyprep-json.h"
#include "pyprep-store-private.h"
#include "pyprep-time.h"

/* The record and its JSON form ------------------------------------------- */

static PyprepAnnotation *
annotation_from_node (const char *id,
                      JsonNode   *node)
{
  JsonObject *object = json_node_get_object (node);
  PyprepAnnotation *annotation = g_new0 (PyprepAnnotation, 1);
  JsonNode *quote = json_object_get_member (object, "quote");

  annotation->id = g_strdup (id);
  annotation->entry_id = g_strdup (pyprep_json_get_string (object, "entry"));
  annotation->text = g_strdup (pyprep_json_get_string (object, "text"));
  if (quote != NULL && JSON_NODE_HOLDS_OBJECT (quote))
    {
      JsonObject *q = json_node_get_object (quote);

      annotation->quote = g_strdup (pyprep_json_get_string (q, "exact"));
      annotation->prefix = g_strdup (pyprep_json_get_string (q, "prefix"));
      annotation->suffix = g_strdup (pyprep_json_get_string (q, "suffix"));
    }
  pyprep_time_get_member (object, "created", &annotation->created);
  pyprep_time_get_member (object, "modified", &annotation->modified);

  return annotation;
}

static JsonNode *
annotation_to_node (const PyprepAnnotation *annotation,
                    JsonNode               *old)
{
  JsonObject *record = pyprep_store_record_from (old);

  json_object_set_string_member (record, "entry", annotation->entry_id);
  json_object_set_string_member (record, "text", annotation->text != NULL ? annotation->text : "");
  if (annotation->quote != NULL)
    {
      JsonObject *quote = json_object_new ();

      json_object_set_string_member (quote, "exact", annotation->quote);
      if (annotation->prefix != NULL)
        json_object_set_string_member (quote, "prefix", annotation->prefix);
      if (annotation->suffix != NULL)
        json_object_set_string_member (quote, "suffix", annotation->suffix);
      json_object_set_object_member (record, "quote", quote);
    }
  else
    json_object_remove_member (record, "quote");
  pyprep_time_set_member (record, "created", annotation->created);
  pyprep_time_set_member (record, "modified", annotation->modified);

  return pyprep_store_seal_object (record);
}

/* The store's annotations ------------------------------------------------ */

/**
 * pyprep_store_add_annotation:
 * @entry_id: the entry annotated
 * @text: the annotation, in Markdown
 * @quote: (nullable): the passage quoted from the entry
 * @prefix: (nullable): text before the passage
 * @suffix: (nullable): text after the passage
 *
 * Returns: (transfer full): the new annotation's ID
 */
char *
pyprep_store_add_annotation (PyprepStore *self,
                             const char  *entry_id,
                             const char  *text,
                             const char  *quote,
                             const char  *prefix,
                             const char  *suffix)
{
  PyprepAnnotation annotation = { 0 };
  g_autofree char *id = NULL;

  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  g_return_val_if_fail (entry_id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  id = g_uuid_string_random ();
  annotation.id = id;
  annotation.entry_id = (char *) entry_id;
  annotation.text = (char *) text;
  annotation.quote = (char *) (quote != NULL && *quote != '\0' ? quote : NULL);
  annotation.prefix = (char *) prefix;
  annotation.suffix = (char *) suffix;
  annotation.created = annotation.modified = pyprep_store_now (self);

  json_object_set_member (self->annotations, id, annotation_to_node (&annotation, NULL));
  pyprep_store_changed (self, "annotation", id);

  return g_steal_pointer (&id);
}

/**
 * pyprep_store_update_annotation:
 * @id: the annotation
 * @text: its new text
 *
 * Returns: %FALSE when there is no such annotation
 */
gboolean
pyprep_store_update_annotation (PyprepStore *self,
                                const char  *id,
                                const char  *text)
{
  JsonNode *old;
  g_autoptr(PyprepAnnotation) annotation = NULL;

  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && text != NULL, FALSE);

  old = json_object_get_member (self->annotations, id);
  if (old == NULL)
    return FALSE;

  annotation = annotation_from_node (id, old);
  if (g_strcmp0 (annotation->text, text) == 0)
    return TRUE;
  g_free (annotation->text);
  annotation->text = g_strdup (text);
  annotation->modified = MAX (pyprep_store_now (self), annotation->created);

  json_object_set_member (self->annotations, id, annotation_to_node (annotation, old));
  pyprep_store_changed (self, "annotation", id);

  return TRUE;
}

/**
 * pyprep_store_remove_annotation:
 *
 * Returns: (transfer full) (nullable): the removed annotation, to undo with
 *   pyprep_store_restore_annotation()
 */
PyprepAnnotation *
pyprep_store_remove_annotation (PyprepStore *self,
                                const char  *id)
{
  JsonNode *node;
  PyprepAnnotation *annotation;

  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  node = json_object_get_member (self->annotations, id);
  if (node == NULL)
    return NULL;

  annotation = annotation_from_node (id, node);
  json_object_remove_member (self->annotations, id);
  pyprep_store_changed (self, "annotation", id);

  return annotation;
}

/**
 * pyprep_store_restore_annotation:
 *
 * Puts back an annotation as it was, with its ID and times.
 */
void
pyprep_store_restore_annotation (PyprepStore            *self,
                                 const PyprepAnnotation *annotation)
{
  g_return_if_fail (PYPREP_IS_STORE (self));
  g_return_if_fail (annotation != NULL && annotation->id != NULL && annotation->entry_id != NULL);

  json_object_set_member (self->annotations, annotation->id,
                          annotation_to_node (annotation, json_object_get_member (self->annotations,
                                                                                  annotation->id)));
  pyprep_store_changed (self, "annotation", annotation->id);
}

/**
 * pyprep_store_dup_annotation:
 *
 * Returns: (transfer full) (nullable): the annotation with @id
 */
PyprepAnnotation *
pyprep_store_dup_annotation (PyprepStore *self,
                             const char  *id)
{
  JsonNode *node;

  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  node = json_object_get_member (self->annotations, id);
  return node != NULL ? annotation_from_node (id, node) : NULL;
}

static int
annotation_newest_first (gconstpointer a,
                         gconstpointer b)
{
  const PyprepAnnotation *x = *(PyprepAnnotation **) a;
  const PyprepAnnotation *y = *(PyprepAnnotation **) b;

  if (x->created != y->created)
    return x->created > y->created ? -1 : 1;
  return g_strcmp0 (x->id, y->id);
}

/**
 * pyprep_store_dup_annotations:
 * @entry_id: (nullable): an entry, or %NULL for every annotation
 *
 * Returns: (transfer full) (element-type PyprepAnnotation): the annotations,
 *   newest first
 */
GPtrArray *
pyprep_store_dup_annotations (PyprepStore *self,
                              const char  *entry_id)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_annotation_free);
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  g_return_val_if_fail (PYPREP_IS_STORE (self), result);

  json_object_iter_init (&iter, self->annotations);
  while (json_object_iter_next (&iter, &key, &member))
    if (entry_id == NULL
        || g_strcmp0 (json_object_get_string_member (json_node_get_object (member), "entry"), entry_id) == 0)
      g_ptr_array_add (result, annotation_from_node (key, member));

  g_ptr_array_sort (result, annotation_newest_first);
  return result;
}

/**
 * pyprep_store_count_annotations:
 * @entry_id: an entry
 *
 * Returns: how many annotations @entry_id has
 */
guint
pyprep_store_count_annotations (PyprepStore *self,
                                const char  *entry_id)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  guint n = 0;

  g_return_val_if_fail (PYPREP_IS_STORE (self), 0);
  g_return_val_if_fail (entry_id != NULL, 0);

  json_object_iter_init (&iter, self->annotations);
  while (json_object_iter_next (&iter, &key, &member))
    if (g_strcmp0 (json_object_get_string_member (json_node_get_object (member), "entry"), entry_id) == 0)
      n++;

  return n;
}
