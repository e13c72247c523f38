/* pyprep-store-annotations.c: the store's annotations, and their JSON form.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In user-data.json an annotation is a record under "annotations", keyed by
 * its ID: {"entry", "text", "quote": {"exact", "prefix", "suffix"},
 * "created", "modified"}, and when it is a recall card too, "card":
 * {"question", "created"}; "card_only" marks an annotation deleted whose
 * card was kept (docs/user-data.md). Being one record, a card goes
 * wherever its annotation goes: saves, backups, export, import, merges. The store keeps the records
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

/* A "card" member that is not an object (a file edited by hand, a later
 * version) is no card; it is kept as it is until the card changes. */
static void
card_from_object (PyprepAnnotation *annotation,
                  JsonObject       *object)
{
  JsonNode *card = json_object_get_member (object, "card");
  JsonNode *only = json_object_get_member (object, "card_only");
  JsonObject *c;

  if (card == NULL || !JSON_NODE_HOLDS_OBJECT (card))
    return;
  c = json_node_get_object (card);
  annotation->has_card = TRUE;
  annotation->card_question = g_strdup (pyprep_json_get_string (c, "question"));
  if (!pyprep_time_get_member (c, "created", &annotation->card_created))
    annotation->card_created = 0;
  annotation->card_only = only != NULL && JSON_NODE_HOLDS_VALUE (only)
                          && json_node_get_value_type (only) == G_TYPE_BOOLEAN
                          && json_node_get_boolean (only);
}

static void
card_to_object (const PyprepAnnotation *annotation,
                JsonObject             *record)
{
  JsonNode *old = json_object_get_member (record, "card");
  JsonObject *card;

  if (!annotation->has_card)
    {
      json_object_remove_member (record, "card");
      json_object_remove_member (record, "card_only");
      return;
    }
  /* Members of the card this version does not know are kept. */
  card = pyprep_store_record_from (old != NULL && JSON_NODE_HOLDS_OBJECT (old) ? old : NULL);
  if (annotation->card_question != NULL && *annotation->card_question != '\0')
    json_object_set_string_member (card, "question", annotation->card_question);
  else
    json_object_remove_member (card, "question");
  pyprep_time_set_member (card, "created", annotation->card_created);
  json_object_set_object_member (record, "card", card);
  if (annotation->card_only)
    json_object_set_boolean_member (record, "card_only", TRUE);
  else
    json_object_remove_member (record, "card_only");
}

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
  card_from_object (annotation, object);

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
  card_to_object (annotation, record);

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
 * Returns: (transfer full) (nullable): the annotation with @id, or the
 *   card kept of it (#PyprepAnnotation.card_only)
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
 * Cards kept after their annotation was deleted are not annotations any
 * more: pyprep_store_dup_annotation_cards() lists them.
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

  if (entry_id != NULL)
    {
      /* The entry's own, from the index: no scan of every annotation. */
      g_autoptr(GPtrArray) ids = pyprep_store_index_list (self, entry_id);

      for (guint i = 0; i < ids->len; i++)
        g_ptr_array_add (result, pyprep_store_dup_annotation (self, g_ptr_array_index (ids, i)));
      return result;
    }

  json_object_iter_init (&iter, self->annotations);
  while (json_object_iter_next (&iter, &key, &member))
    if (!pyprep_store_annotation_is_card_only (member))
      g_ptr_array_add (result, annotation_from_node (key, member));

  g_ptr_array_sort (result, annotation_newest_first);
  return result;
}

/**
 * pyprep_store_dup_annotation_ids:
 * @entry_id: an entry
 *
 * What pyprep_store_dup_annotations() lists, as IDs only: cheap however
 * many there are.
 *
 * Returns: (transfer full): the IDs of the annotations of @entry_id, newest first
 */
GStrv
pyprep_store_dup_annotation_ids (PyprepStore *self,
                                 const char  *entry_id)
{
  g_autoptr(GPtrArray) ids = NULL;
  GStrv result;

  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  g_return_val_if_fail (entry_id != NULL, NULL);

  ids = pyprep_store_index_list (self, entry_id);
  result = g_new (char *, ids->len + 1);
  for (guint i = 0; i < ids->len; i++)
    result[i] = g_strdup (g_ptr_array_index (ids, i));
  result[ids->len] = NULL;
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
  g_return_val_if_fail (PYPREP_IS_STORE (self), 0);
  g_return_val_if_fail (entry_id != NULL, 0);

  return pyprep_store_index_count (self, entry_id);
}

/* Annotations as recall cards ------------------------------------------- */

/* Changes the record of @id with @change; FALSE when there is none. */
static gboolean
change_annotation (PyprepStore *self,
                   const char  *id,
                   void       (*change) (PyprepAnnotation *annotation,
                                         gconstpointer     data,
                                         gint64            now),
                   gconstpointer data)
{
  JsonNode *old = json_object_get_member (self->annotations, id);
  g_autoptr(PyprepAnnotation) annotation = NULL;
  gint64 now;

  if (old == NULL)
    return FALSE;
  annotation = annotation_from_node (id, old);
  now = MAX (pyprep_store_now (self), annotation->created);
  change (annotation, data, now);
  /* A change to the card is a change to the record: the newest wins a merge. */
  annotation->modified = now;
  json_object_set_member (self->annotations, id, annotation_to_node (annotation, old));
  pyprep_store_changed (self, "annotation", id);
  return TRUE;
}

static void
make_card (PyprepAnnotation *annotation,
           gconstpointer     question,
           gint64            now)
{
  g_autofree char *stripped = question != NULL ? g_strstrip (g_strdup (question)) : NULL;

  if (!annotation->has_card)
    annotation->card_created = now;
  annotation->has_card = TRUE;
  g_free (annotation->card_question);
  annotation->card_question = stripped != NULL && *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

/**
 * pyprep_store_make_annotation_card:
 * @id: an annotation quoting a passage
 * @question: (nullable): the question for the card's front; %NULL or
 *   empty makes the note the front
 *
 * Makes the annotation a recall card, or changes its card's question. The
 * card's ID is pyprep_annotation_dup_card_id(): review collects it with
 * the entry's cards (pyprep_review_collect_cards()). A card needs a
 * quoted passage for its back and a note or a question for its front.
 *
 * Returns: %FALSE when there is no such annotation or it cannot be a card
 */
gboolean
pyprep_store_make_annotation_card (PyprepStore *self,
                                   const char  *id,
                                   const char  *question)
{
  g_autoptr(PyprepAnnotation) annotation = NULL;
  g_autofree char *front = NULL;

  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  annotation = pyprep_store_dup_annotation (self, id);
  if (annotation == NULL || annotation->card_only || !pyprep_annotation_can_be_card (annotation))
    return FALSE;
  front = g_strstrip (g_strdup (question != NULL && *question != '\0' ? question
                                : annotation->text != NULL ? annotation->text : ""));
  if (*front == '\0')
    return FALSE;
  return change_annotation (self, id, make_card, question);
}

static void
drop_card (PyprepAnnotation *annotation,
           gconstpointer     data,
           gint64            now)
{
  annotation->has_card = FALSE;
  annotation->card_only = FALSE;
  g_clear_pointer (&annotation->card_question, g_free);
  annotation->card_created = 0;
}

/**
 * pyprep_store_remove_annotation_card:
 * @id: an annotation
 *
 * The annotation stays, no longer a card; a card kept alone after its
 * annotation was deleted goes altogether. The card's review history stays
 * in the log.
 *
 * Returns: (transfer full) (nullable): the annotation as it was, to undo
 *   with pyprep_store_restore_annotation(); %NULL when it had no card
 */
PyprepAnnotation *
pyprep_store_remove_annotation_card (PyprepStore *self,
                                     const char  *id)
{
  g_autoptr(PyprepAnnotation) before = NULL;

  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  before = pyprep_store_dup_annotation (self, id);
  if (before == NULL || !before->has_card)
    return NULL;
  if (before->card_only)
    pyprep_annotation_free (pyprep_store_remove_annotation (self, id));
  else
    change_annotation (self, id, drop_card, NULL);
  return g_steal_pointer (&before);
}

static void
keep_card_only (PyprepAnnotation *annotation,
                gconstpointer     data,
                gint64            now)
{
  /* The front was the note: it stays the card's own text. */
  annotation->card_only = TRUE;
}

/**
 * pyprep_store_remove_annotation_keep_card:
 * @id: an annotation that is a card
 *
 * Deletes the annotation but keeps its card: the record stays, marked
 * #PyprepAnnotation.card_only, with the text its card shows; it no longer
 * lists among the annotations, and review still brings the card. An
 * annotation that is no card is simply removed.
 *
 * Returns: (transfer full) (nullable): the annotation as it was, to undo
 *   with pyprep_store_restore_annotation()
 */
PyprepAnnotation *
pyprep_store_remove_annotation_keep_card (PyprepStore *self,
                                          const char  *id)
{
  g_autoptr(PyprepAnnotation) before = NULL;

  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  before = pyprep_store_dup_annotation (self, id);
  if (before == NULL || before->card_only)
    return NULL;
  if (!before->has_card)
    return pyprep_store_remove_annotation (self, id);
  change_annotation (self, id, keep_card_only, NULL);
  return g_steal_pointer (&before);
}

/**
 * pyprep_store_dup_annotation_cards:
 *
 * Returns: (transfer full) (element-type PyprepAnnotation): every
 *   annotation that is a card, cards kept alone included, newest first
 */
GPtrArray *
pyprep_store_dup_annotation_cards (PyprepStore *self)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_annotation_free);
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  g_return_val_if_fail (PYPREP_IS_STORE (self), result);

  json_object_iter_init (&iter, self->annotations);
  while (json_object_iter_next (&iter, &key, &member))
    if (json_object_has_member (json_node_get_object (member), "card"))
      {
        PyprepAnnotation *annotation = annotation_from_node (key, member);

        if (annotation->has_card)
          g_ptr_array_add (result, annotation);
        else
          pyprep_annotation_free (annotation);
      }

  g_ptr_array_sort (result, annotation_newest_first);
  return result;
}
