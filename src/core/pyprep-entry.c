/* pyprep-entry.c: one entry of a deck, with its card, questions and links.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Entries are immutable once the deck loader has filled them, so they can be
 * built in a worker thread and read anywhere afterwards.
 */
#include "config.h"

#include "pyprep-entry-private.h"

struct _PyprepEntry
{
  GObject parent_instance;

  /* owned */
  char *id;
  char *local_id;
  char *title;
  char *body;
  char *file;
  char *number;
  PyprepCard *card;
  GPtrArray *questions;
  GPtrArray *followups;
  GPtrArray *predicts;         /* nullable until the first: most entries have none */
  GPtrArray *links;

  /* borrowed: the topic owns its entries */
  PyprepTopic *topic;

  int line;
  gboolean unanswered;
};

G_DEFINE_FINAL_TYPE (PyprepEntry, pyprep_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_TOPIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pyprep_link_free (PyprepLink *link)
{
  g_free (link->title);
  g_free (link->url);
  g_free (link);
}

void
pyprep_predict_free (PyprepPredict *predict)
{
  if (predict == NULL)
    return;
  g_free (predict->id);
  g_free (predict->code);
  g_free (predict->output);
  g_free (predict);
}

void
pyprep_followup_free (PyprepFollowup *followup)
{
  if (followup == NULL)
    return;
  g_free (followup->question);
  g_free (followup->answer);
  g_free (followup->see);
  g_free (followup);
}

void
pyprep_card_free (PyprepCard *card)
{
  if (card == NULL)
    return;
  g_free (card->id);
  g_free (card->prompt);
  g_free (card->answer);
  g_free (card->passage);
  g_free (card);
}

void
pyprep_choice_free (PyprepChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->text);
  g_free (choice->explanation);
  g_free (choice);
}

void
pyprep_question_free (PyprepQuestion *question)
{
  if (question == NULL)
    return;
  g_free (question->id);
  g_free (question->question);
  g_clear_pointer (&question->choices, g_ptr_array_unref);
  g_free (question->explanation);
  g_free (question->passage);
  g_free (question);
}

static void
pyprep_entry_finalize (GObject *object)
{
  PyprepEntry *self = PYPREP_ENTRY (object);

  g_free (self->id);
  g_free (self->local_id);
  g_free (self->title);
  g_free (self->body);
  g_free (self->file);
  g_free (self->number);
  g_clear_pointer (&self->card, pyprep_card_free);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->followups, g_ptr_array_unref);
  g_clear_pointer (&self->predicts, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);

  G_OBJECT_CLASS (pyprep_entry_parent_class)->finalize (object);
}

static void
pyprep_entry_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PyprepEntry *self = PYPREP_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_TOPIC:
      g_value_set_object (value, self->topic);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_entry_class_init (PyprepEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pyprep_entry_finalize;
  object_class->get_property = pyprep_entry_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TOPIC] =
    g_param_spec_object ("topic", NULL, NULL, pyprep_topic_get_type (),
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pyprep_entry_init (PyprepEntry *self)
{
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_question_free);
  self->followups = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_followup_free);
  self->links = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_link_free);
  self->body = g_strdup ("");
}

PyprepEntry *
pyprep_entry_new (const char *id,
                  const char *local_id,
                  const char *title,
                  const char *file,
                  int         line)
{
  PyprepEntry *self = g_object_new (PYPREP_TYPE_ENTRY, NULL);

  self->id = g_strdup (id);
  self->local_id = g_strdup (local_id);
  self->title = g_strdup (title);
  self->file = g_strdup (file);
  self->line = line;

  return self;
}

void
pyprep_entry_take_body (PyprepEntry *self,
                        char        *body)
{
  g_return_if_fail (PYPREP_IS_ENTRY (self));

  g_free (self->body);
  self->body = body != NULL ? body : g_strdup ("");
}

void
pyprep_entry_take_card (PyprepEntry *self,
                        PyprepCard  *card)
{
  g_return_if_fail (PYPREP_IS_ENTRY (self));

  pyprep_card_free (self->card);
  self->card = card;
}

void
pyprep_entry_take_question (PyprepEntry    *self,
                            PyprepQuestion *question)
{
  g_return_if_fail (PYPREP_IS_ENTRY (self));
  g_return_if_fail (question != NULL);

  g_ptr_array_add (self->questions, question);
}

void
pyprep_entry_take_followup (PyprepEntry    *self,
                            PyprepFollowup *followup)
{
  g_return_if_fail (PYPREP_IS_ENTRY (self));
  g_return_if_fail (followup != NULL);

  g_ptr_array_add (self->followups, followup);
}

void
pyprep_entry_take_predict (PyprepEntry   *self,
                           PyprepPredict *predict)
{
  g_return_if_fail (PYPREP_IS_ENTRY (self));
  g_return_if_fail (predict != NULL);

  if (self->predicts == NULL)
    self->predicts = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_predict_free);
  g_ptr_array_add (self->predicts, predict);
}

void
pyprep_entry_add_link (PyprepEntry *self,
                       const char  *title,
                       const char  *url)
{
  PyprepLink *link;

  g_return_if_fail (PYPREP_IS_ENTRY (self));
  g_return_if_fail (url != NULL);

  link = g_new0 (PyprepLink, 1);
  link->title = g_strdup (title != NULL && *title != '\0' ? title : url);
  link->url = g_strdup (url);
  g_ptr_array_add (self->links, link);
}

void
pyprep_entry_set_topic (PyprepEntry *self,
                        PyprepTopic *topic)
{
  g_return_if_fail (PYPREP_IS_ENTRY (self));

  self->topic = topic;
}

void
pyprep_entry_set_number (PyprepEntry *self,
                         const char  *number)
{
  g_return_if_fail (PYPREP_IS_ENTRY (self));

  g_free (self->number);
  self->number = g_strdup (number);
}

void
pyprep_entry_set_unanswered (PyprepEntry *self,
                             gboolean     unanswered)
{
  g_return_if_fail (PYPREP_IS_ENTRY (self));

  self->unanswered = unanswered;
}

/**
 * pyprep_entry_get_id:
 *
 * Returns: the stable ID `deck/topic/entry`
 */
const char *
pyprep_entry_get_id (PyprepEntry *self)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY (self), NULL);
  return self->id;
}

/**
 * pyprep_entry_get_local_id:
 *
 * Returns: the last part of the ID, as the author wrote it after `{#`
 */
const char *
pyprep_entry_get_local_id (PyprepEntry *self)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY (self), NULL);
  return self->local_id;
}

const char *
pyprep_entry_get_title (PyprepEntry *self)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY (self), NULL);
  return self->title;
}

/**
 * pyprep_entry_get_body:
 *
 * Returns: the Markdown of the entry's text, without its heading and without
 *   its card, quiz and reading blocks
 */
const char *
pyprep_entry_get_body (PyprepEntry *self)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY (self), NULL);
  return self->body;
}

/**
 * pyprep_entry_get_file:
 *
 * Returns: the source file, relative to the deck folder
 */
const char *
pyprep_entry_get_file (PyprepEntry *self)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY (self), NULL);
  return self->file;
}

int
pyprep_entry_get_line (PyprepEntry *self)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY (self), 0);
  return self->line;
}

/**
 * pyprep_entry_get_topic:
 *
 * Returns: (transfer none) (nullable): the topic holding the entry
 */
PyprepTopic *
pyprep_entry_get_topic (PyprepEntry *self)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY (self), NULL);
  return self->topic;
}

/**
 * pyprep_entry_get_card:
 *
 * Returns: (transfer none) (nullable): the recall card, if the author wrote one
 */
const PyprepCard *
pyprep_entry_get_card (PyprepEntry *self)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY (self), NULL);
  return self->card;
}

guint
pyprep_entry_get_n_questions (PyprepEntry *self)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY (self), 0);
  return self->questions->len;
}

/**
 * pyprep_entry_get_question:
 *
 * Returns: (transfer none): the multiple-choice question at @index
 */
const PyprepQuestion *
pyprep_entry_get_question (PyprepEntry *self,
                           guint        index)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY (self), NULL);
  g_return_val_if_fail (index < self->questions->len, NULL);
  return g_ptr_array_index (self->questions, index);
}

guint
pyprep_entry_get_n_followups (PyprepEntry *self)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY (self), 0);
  return self->followups->len;
}

/**
 * pyprep_entry_get_followup:
 * @index: less than pyprep_entry_get_n_followups()
 *
 * Returns: (transfer none): the follow-up question at @index, in the
 *   author's order
 */
const PyprepFollowup *
pyprep_entry_get_followup (PyprepEntry *self,
                           guint        index)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY (self), NULL);
  g_return_val_if_fail (index < self->followups->len, NULL);
  return g_ptr_array_index (self->followups, index);
}

guint
pyprep_entry_get_n_predicts (PyprepEntry *self)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY (self), 0);
  return self->predicts != NULL ? self->predicts->len : 0;
}

/**
 * pyprep_entry_get_predict:
 * @index: less than pyprep_entry_get_n_predicts()
 *
 * Returns: (transfer none): the predict-the-output question at @index, in
 *   the author's order
 */
const PyprepPredict *
pyprep_entry_get_predict (PyprepEntry *self,
                          guint        index)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY (self), NULL);
  g_return_val_if_fail (index < pyprep_entry_get_n_predicts (self), NULL);
  return g_ptr_array_index (self->predicts, index);
}

guint
pyprep_entry_get_n_links (PyprepEntry *self)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY (self), 0);
  return self->links->len;
}

/**
 * pyprep_entry_get_link:
 *
 * Returns: (transfer none): the further-reading link at @index
 */
const PyprepLink *
pyprep_entry_get_link (PyprepEntry *self,
                       guint        index)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY (self), NULL);
  g_return_val_if_fail (index < self->links->len, NULL);
  return g_ptr_array_index (self->links, index);
}

/**
 * pyprep_entry_get_number:
 *
 * Notes often number their questions (`12.`, `题目012：`); the number is
 * kept apart from the title, without leading zeros, so it can be shown
 * beside the title and searched for.
 *
 * Returns: (nullable): the question's number in the notes, such as "12"
 *   or "3.1", or %NULL when it has none
 */
const char *
pyprep_entry_get_number (PyprepEntry *self)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY (self), NULL);
  return self->number;
}

/**
 * pyprep_entry_is_unanswered:
 *
 * A question that the notes ask but do not answer yet: its body is empty
 * and it has no recall card. The user's own annotation can answer it.
 *
 * Returns: whether the notes leave this question unanswered
 */
gboolean
pyprep_entry_is_unanswered (PyprepEntry *self)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY (self), FALSE);
  return self->unanswered;
}
