/* pyprep-review-session.c: one review or practice session: its queue, answers, undo and tallies.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session goes through its queue one card at a time: the card at the
 * current position is answered (pyprep_review_session_answer), then the
 * session moves on (pyprep_review_session_next), so a view can show what
 * was right before the next card. Every answer goes to the store at once
 * (pyprep_review_answer, or pyprep_review_answer_practice in a practice
 * session, which changes no schedule), and undo takes the last one back
 * in the store too.
 *
 * Time comes from the store's clock (pyprep_store_now), so tests run a
 * session on a fixed clock. The limits a review session honours come
 * from its constructor: reading them from the user's settings is the
 * caller's business.
 */
#include "config.h"

#include "pyprep-deck.h"
#include "pyprep-review-session.h"

struct _PyprepReviewSession
{
  GObject parent_instance;

  /* owned */
  PyprepStore *store;
  GPtrArray *queue;             /* PyprepCardRef */
  GArray *ratings;              /* PyprepRating per position, 0 = unanswered */

  /* state */
  PyprepFsrsParams params;
  gboolean practice;            /* answers change no schedule */
  guint position;
  gint64 started_at;
  gint64 shown_at;              /* when the current card came up */
  gint64 finished_at;           /* when the last card was left, 0 before */
};

G_DEFINE_FINAL_TYPE (PyprepReviewSession, pyprep_review_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PRACTICE,
  PROP_N_CARDS,
  PROP_POSITION,
  PROP_ANSWERED,
  PROP_FINISHED,
  PROP_N_ANSWERED,
  PROP_N_CORRECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The properties that answers, moving on and undo change, to notify only
 * those that did. */
typedef struct
{
  guint position;
  gboolean answered;
  gboolean finished;
  guint n_answered;
  guint n_correct;
} Snapshot;

static void
take_snapshot (PyprepReviewSession *self,
               Snapshot            *snapshot)
{
  snapshot->position = self->position;
  snapshot->answered = pyprep_review_session_get_answered (self);
  snapshot->finished = pyprep_review_session_get_finished (self);
  snapshot->n_answered = pyprep_review_session_get_n_answered (self);
  snapshot->n_correct = pyprep_review_session_get_n_correct (self);
}

static void
notify_changes (PyprepReviewSession *self,
                const Snapshot      *before)
{
  Snapshot after;

  take_snapshot (self, &after);
  if (after.position != before->position)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  if (after.answered != before->answered)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWERED]);
  if (after.finished != before->finished)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
  if (after.n_answered != before->n_answered)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANSWERED]);
  if (after.n_correct != before->n_correct)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CORRECT]);
}

static gboolean
is_correct (PyprepRating rating)
{
  return rating != 0 && rating != PYPREP_RATING_AGAIN;
}

static PyprepRating
rating_at (PyprepReviewSession *self,
           guint                position)
{
  return g_array_index (self->ratings, PyprepRating, position);
}

/* A session over @queue (taken), starting now. */
static PyprepReviewSession *
session_new (PyprepStore            *store,
             GPtrArray              *queue,
             const PyprepFsrsParams *params,
             gboolean                practice)
{
  PyprepReviewSession *self = g_object_new (PYPREP_TYPE_REVIEW_SESSION, NULL);

  self->store = g_object_ref (store);
  g_ptr_array_unref (self->queue);
  self->queue = queue;
  g_array_set_size (self->ratings, queue->len);
  if (params != NULL)
    self->params = *params;
  self->practice = practice;
  self->started_at = self->shown_at = pyprep_store_now (store);
  if (queue->len == 0)
    self->finished_at = self->started_at;
  return self;
}

static void
topic_result_free (PyprepTopicResult *result)
{
  g_clear_object (&result->topic);
  g_free (result);
}

static void
missed_entry_free (PyprepMissedEntry *missed)
{
  g_clear_object (&missed->entry);
  g_free (missed->passage);
  g_free (missed);
}

static void
pyprep_review_session_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PyprepReviewSession *self = PYPREP_REVIEW_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PRACTICE:
      g_value_set_boolean (value, self->practice);
      break;
    case PROP_N_CARDS:
      g_value_set_uint (value, pyprep_review_session_get_n_cards (self));
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_ANSWERED:
      g_value_set_boolean (value, pyprep_review_session_get_answered (self));
      break;
    case PROP_FINISHED:
      g_value_set_boolean (value, pyprep_review_session_get_finished (self));
      break;
    case PROP_N_ANSWERED:
      g_value_set_uint (value, pyprep_review_session_get_n_answered (self));
      break;
    case PROP_N_CORRECT:
      g_value_set_uint (value, pyprep_review_session_get_n_correct (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_review_session_dispose (GObject *object)
{
  PyprepReviewSession *self = PYPREP_REVIEW_SESSION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->queue, g_ptr_array_unref);

  G_OBJECT_CLASS (pyprep_review_session_parent_class)->dispose (object);
}

static void
pyprep_review_session_finalize (GObject *object)
{
  PyprepReviewSession *self = PYPREP_REVIEW_SESSION (object);

  g_array_unref (self->ratings);

  G_OBJECT_CLASS (pyprep_review_session_parent_class)->finalize (object);
}

static GParamSpec *
count_property (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static GParamSpec *
flag_property (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
}

static void
pyprep_review_session_class_init (PyprepReviewSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pyprep_review_session_get_property;
  object_class->dispose = pyprep_review_session_dispose;
  object_class->finalize = pyprep_review_session_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PYPREP_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* What a view shows: whether answers change schedules, the card at
   * which position of how many, whether it is answered, whether the
   * session is over, and the running score. */
  properties[PROP_PRACTICE] = flag_property ("practice");
  properties[PROP_N_CARDS] = count_property ("n-cards");
  properties[PROP_POSITION] = count_property ("position");
  properties[PROP_ANSWERED] = flag_property ("answered");
  properties[PROP_FINISHED] = flag_property ("finished");
  properties[PROP_N_ANSWERED] = count_property ("n-answered");
  properties[PROP_N_CORRECT] = count_property ("n-correct");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pyprep_review_session_init (PyprepReviewSession *self)
{
  self->queue = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_card_ref_free);
  self->ratings = g_array_new (FALSE, TRUE, sizeof (PyprepRating));
  pyprep_fsrs_params_init (&self->params);
}

/**
 * pyprep_review_session_new_review:
 * @store: the user data, where answers go
 * @decks: (element-type PyprepDeck): the open decks
 * @limits: (nullable): the daily limits; %NULL for the defaults
 * @params: (nullable): the scheduler's settings (the desired retention);
 *   %NULL for the defaults
 * @skipped_decks: (nullable) (array zero-terminated=1): IDs of decks left
 *   out of reviews
 *
 * Starts a review session: the cards due now, most overdue first, then
 * today's new cards, topics interleaved, from every deck of @decks not in
 * @skipped_decks (see pyprep_review_build_queue()).
 *
 * Returns: (transfer full): the session
 */
PyprepReviewSession *
pyprep_review_session_new_review (PyprepStore              *store,
                                  GListModel               *decks,
                                  const PyprepReviewLimits *limits,
                                  const PyprepFsrsParams   *params,
                                  const char * const       *skipped_decks)
{
  g_autoptr(GListStore) chosen = g_list_store_new (PYPREP_TYPE_DECK);
  g_autoptr(GListModel) entries = NULL;
  PyprepFsrsParams defaults;
  GPtrArray *queue;

  g_return_val_if_fail (PYPREP_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (decks), NULL);

  if (params == NULL)
    {
      pyprep_fsrs_params_init (&defaults);
      params = &defaults;
    }
  for (guint i = 0; i < g_list_model_get_n_items (decks); i++)
    {
      g_autoptr(PyprepDeck) deck = g_list_model_get_item (decks, i);

      if (skipped_decks == NULL || !g_strv_contains (skipped_decks, pyprep_deck_get_id (deck)))
        g_list_store_append (chosen, deck);
    }
  entries = pyprep_review_collect_entries (G_LIST_MODEL (chosen));
  queue = pyprep_review_build_queue (entries, store, params, limits, pyprep_store_now (store));
  return session_new (store, queue, params, FALSE);
}

/**
 * pyprep_review_session_new_practice:
 * @store: the user data; practice answers are logged there
 * @queue: (element-type PyprepCardRef): the cards, in order (copied)
 *
 * Starts a practice session: the cards of @queue whatever their schedule;
 * answers leave every schedule as it was.
 *
 * Returns: (transfer full): the session
 */
PyprepReviewSession *
pyprep_review_session_new_practice (PyprepStore *store,
                                    GPtrArray   *queue)
{
  GPtrArray *copy;

  g_return_val_if_fail (PYPREP_IS_STORE (store), NULL);
  g_return_val_if_fail (queue != NULL, NULL);

  copy = g_ptr_array_new_full (queue->len, (GDestroyNotify) pyprep_card_ref_free);
  for (guint i = 0; i < queue->len; i++)
    g_ptr_array_add (copy, pyprep_card_ref_copy (g_ptr_array_index (queue, i)));
  return session_new (store, copy, NULL, TRUE);
}

/**
 * pyprep_review_session_practice_again:
 *
 * Starts a practice session over the cards of @self answered Again, in
 * their order, with the same settings.
 *
 * Returns: (transfer full): the new session
 */
PyprepReviewSession *
pyprep_review_session_practice_again (PyprepReviewSession *self)
{
  GPtrArray *queue;

  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), NULL);

  queue = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_card_ref_free);
  for (guint i = 0; i < self->queue->len; i++)
    if (rating_at (self, i) == PYPREP_RATING_AGAIN)
      g_ptr_array_add (queue, pyprep_card_ref_copy (g_ptr_array_index (self->queue, i)));
  return session_new (self->store, queue, &self->params, TRUE);
}

PyprepStore *
pyprep_review_session_get_store (PyprepReviewSession *self)
{
  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), NULL);
  return self->store;
}

/**
 * pyprep_review_session_get_params:
 *
 * Returns: the scheduler's settings answers are scheduled with
 */
const PyprepFsrsParams *
pyprep_review_session_get_params (PyprepReviewSession *self)
{
  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), NULL);
  return &self->params;
}

/**
 * pyprep_review_session_get_practice:
 *
 * Returns: whether this is a practice session, whose answers change no
 *   schedule
 */
gboolean
pyprep_review_session_get_practice (PyprepReviewSession *self)
{
  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), FALSE);
  return self->practice;
}

guint
pyprep_review_session_get_n_cards (PyprepReviewSession *self)
{
  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), 0);
  return self->queue->len;
}

/**
 * pyprep_review_session_get_position:
 *
 * Returns: the index of the current card; the number of cards once the
 *   session is finished
 */
guint
pyprep_review_session_get_position (PyprepReviewSession *self)
{
  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), 0);
  return self->position;
}

/**
 * pyprep_review_session_get_current:
 *
 * Returns: (nullable): the current card; %NULL once the session is
 *   finished
 */
const PyprepCardRef *
pyprep_review_session_get_current (PyprepReviewSession *self)
{
  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), NULL);
  return pyprep_review_session_get_card (self, self->position);
}

/**
 * pyprep_review_session_get_card:
 * @position: a position in the queue
 *
 * Returns: (nullable): the card at @position, %NULL past the end
 */
const PyprepCardRef *
pyprep_review_session_get_card (PyprepReviewSession *self,
                                guint                position)
{
  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), NULL);
  if (position >= self->queue->len)
    return NULL;
  return g_ptr_array_index (self->queue, position);
}

/**
 * pyprep_review_session_get_rating:
 * @position: a position in the queue
 *
 * Returns: the rating the card at @position was given, or 0 when it is
 *   not answered (or @position is past the end)
 */
PyprepRating
pyprep_review_session_get_rating (PyprepReviewSession *self,
                                  guint                position)
{
  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), 0);
  if (position >= self->queue->len)
    return 0;
  return rating_at (self, position);
}

/**
 * pyprep_review_session_get_answered:
 *
 * Returns: whether the current card is answered (and the session waits
 *   for pyprep_review_session_next())
 */
gboolean
pyprep_review_session_get_answered (PyprepReviewSession *self)
{
  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), FALSE);
  return pyprep_review_session_get_rating (self, self->position) != 0;
}

/**
 * pyprep_review_session_get_finished:
 *
 * Returns: whether every card has been answered and left
 */
gboolean
pyprep_review_session_get_finished (PyprepReviewSession *self)
{
  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), FALSE);
  return self->position >= self->queue->len;
}

/**
 * pyprep_review_session_answer:
 * @rating: how well the current card was recalled (for a multiple-choice
 *   question, see pyprep_review_rating_for_choice())
 *
 * Answers the current card: the answer goes to the store, with the time
 * since the card came up. The session stays on the card until
 * pyprep_review_session_next().
 *
 * Returns: %TRUE on success; %PYPREP_REVIEW_ERROR_NO_CARD when the
 *   session is finished or the card is answered already, or the store's
 *   error, when nothing changed
 */
gboolean
pyprep_review_session_answer (PyprepReviewSession  *self,
                              PyprepRating          rating,
                              GError              **error)
{
  const PyprepCardRef *ref;
  Snapshot before;
  gint64 now;
  gint64 duration_ms;
  gboolean saved;

  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), FALSE);

  ref = pyprep_review_session_get_current (self);
  if (ref == NULL || pyprep_review_session_get_answered (self))
    {
      g_set_error_literal (error, PYPREP_REVIEW_ERROR, PYPREP_REVIEW_ERROR_NO_CARD,
                           "No card is waiting for an answer");
      return FALSE;
    }

  now = pyprep_store_now (self->store);
  duration_ms = (now - self->shown_at) / 1000;
  if (self->practice)
    saved = pyprep_review_answer_practice (self->store, ref->card_id, rating, now, duration_ms, error);
  else
    saved = pyprep_review_answer (self->store, &self->params, ref->card_id, rating, now,
                                  duration_ms, error);
  if (!saved)
    return FALSE;

  take_snapshot (self, &before);
  g_array_index (self->ratings, PyprepRating, self->position) = rating;
  notify_changes (self, &before);
  return TRUE;
}

/**
 * pyprep_review_session_next:
 *
 * Leaves the current card once it is answered; after the last card the
 * session is finished.
 *
 * Returns: whether the session moved on
 */
gboolean
pyprep_review_session_next (PyprepReviewSession *self)
{
  Snapshot before;

  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), FALSE);

  if (!pyprep_review_session_get_answered (self))
    return FALSE;
  take_snapshot (self, &before);
  self->position++;
  self->shown_at = pyprep_store_now (self->store);
  if (self->position == self->queue->len)
    self->finished_at = self->shown_at;
  notify_changes (self, &before);
  return TRUE;
}

/**
 * pyprep_review_session_can_undo:
 *
 * Returns: whether the session has an answer to take back
 */
gboolean
pyprep_review_session_can_undo (PyprepReviewSession *self)
{
  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), FALSE);
  return pyprep_review_session_get_answered (self) || self->position > 0;
}

/**
 * pyprep_review_session_undo:
 *
 * Takes back the latest answer: that of the current card when it is
 * answered, else that of the card before, which becomes the current card
 * again, unanswered. In the store the card's state before the answer is
 * put back (pyprep_review_undo(), or pyprep_review_undo_practice() in a
 * practice session).
 *
 * Returns: %TRUE on success; %PYPREP_REVIEW_ERROR_NOTHING_TO_UNDO when
 *   no card is answered, or the store's error, when nothing changed
 */
gboolean
pyprep_review_session_undo (PyprepReviewSession  *self,
                            GError              **error)
{
  Snapshot before;
  guint target;
  gint64 now;
  gboolean undone;

  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), FALSE);

  if (!pyprep_review_session_can_undo (self))
    {
      g_set_error_literal (error, PYPREP_REVIEW_ERROR, PYPREP_REVIEW_ERROR_NOTHING_TO_UNDO,
                           "No answer of this session to undo");
      return FALSE;
    }

  target = pyprep_review_session_get_answered (self) ? self->position : self->position - 1;
  now = pyprep_store_now (self->store);
  if (self->practice)
    undone = pyprep_review_undo_practice (self->store, now, NULL, error);
  else
    undone = pyprep_review_undo (self->store, now, NULL, error);
  if (!undone)
    return FALSE;

  take_snapshot (self, &before);
  g_array_index (self->ratings, PyprepRating, target) = 0;
  self->position = target;
  self->shown_at = now;
  self->finished_at = 0;
  notify_changes (self, &before);
  return TRUE;
}

/* How many cards are answered; with @correct_only, not Again. */
static guint
count_answers (PyprepReviewSession *self,
               gboolean             correct_only)
{
  guint n = 0;

  for (guint i = 0; i < self->ratings->len; i++)
    n += correct_only ? is_correct (rating_at (self, i)) : rating_at (self, i) != 0;
  return n;
}

/**
 * pyprep_review_session_get_n_answered:
 *
 * Returns: how many cards are answered
 */
guint
pyprep_review_session_get_n_answered (PyprepReviewSession *self)
{
  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), 0);
  return count_answers (self, FALSE);
}

/**
 * pyprep_review_session_get_n_correct:
 *
 * Returns: how many cards are answered with another rating than Again
 */
guint
pyprep_review_session_get_n_correct (PyprepReviewSession *self)
{
  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), 0);
  return count_answers (self, TRUE);
}

/**
 * pyprep_review_session_get_duration:
 *
 * Returns: the time from the start to the end of the session, or to now
 *   while it is not finished, in microseconds
 */
gint64
pyprep_review_session_get_duration (PyprepReviewSession *self)
{
  gint64 end;

  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), 0);
  end = pyprep_review_session_get_finished (self) ? self->finished_at : pyprep_store_now (self->store);
  return MAX (end - self->started_at, 0);
}

/**
 * pyprep_review_session_dup_topic_results:
 *
 * Returns: (transfer full) (element-type PyprepTopicResult): the answers
 *   per topic, in the order the topics' first answered cards come in the
 *   queue
 */
GPtrArray *
pyprep_review_session_dup_topic_results (PyprepReviewSession *self)
{
  g_autoptr(GHashTable) by_topic = g_hash_table_new (NULL, NULL);
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) topic_result_free);

  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), results);

  for (guint i = 0; i < self->queue->len; i++)
    {
      const PyprepCardRef *ref = g_ptr_array_index (self->queue, i);
      PyprepRating rating = rating_at (self, i);
      PyprepTopicResult *result;

      if (rating == 0)
        continue;
      result = g_hash_table_lookup (by_topic, ref->topic);
      if (result == NULL)
        {
          result = g_new0 (PyprepTopicResult, 1);
          result->topic = ref->topic != NULL ? g_object_ref (ref->topic) : NULL;
          g_hash_table_insert (by_topic, ref->topic, result);
          g_ptr_array_add (results, result);
        }
      result->n_answered++;
      result->n_correct += is_correct (rating);
    }
  return results;
}

/**
 * pyprep_review_session_dup_missed:
 *
 * The entries to read again: those with a card answered Again, each once
 * (one entry's recall card and questions count together, by entry ID),
 * in the order their first miss comes in the queue.
 *
 * Returns: (transfer full) (element-type PyprepMissedEntry): the entries
 *   and how many times each was missed
 */
GPtrArray *
pyprep_review_session_dup_missed (PyprepReviewSession *self)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *missed = g_ptr_array_new_with_free_func ((GDestroyNotify) missed_entry_free);

  g_return_val_if_fail (PYPREP_IS_REVIEW_SESSION (self), missed);

  for (guint i = 0; i < self->queue->len; i++)
    {
      const PyprepCardRef *ref = g_ptr_array_index (self->queue, i);
      const char *id = pyprep_entry_get_id (ref->entry);
      PyprepMissedEntry *entry;

      if (rating_at (self, i) != PYPREP_RATING_AGAIN)
        continue;
      entry = g_hash_table_lookup (by_id, id);
      if (entry == NULL)
        {
          entry = g_new0 (PyprepMissedEntry, 1);
          entry->entry = g_object_ref (ref->entry);
          entry->passage = g_strdup (ref->question >= 0
                                     ? pyprep_entry_get_question (ref->entry, ref->question)->passage
                                     : pyprep_card_ref_get_card (ref) != NULL
                                     ? pyprep_card_ref_get_card (ref)->passage : NULL);
          g_hash_table_insert (by_id, (gpointer) id, entry);
          g_ptr_array_add (missed, entry);
        }
      entry->n_missed++;
    }
  return missed;
}
