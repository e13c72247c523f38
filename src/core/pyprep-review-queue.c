/* pyprep-review-queue.c: quiz queues: due cards most overdue first, new cards within daily limits, practice.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A queue is a function of the decks' cards, the store's card states,
 * the review log and a clock given by the caller. Cards alternate
 * between topics, so a session mixes subjects instead of drilling one.
 */
#include "config.h"

#include "pyprep-deck.h"
#include "pyprep-interview-status.h"
#include "pyprep-review.h"
#include "pyprep-review-private.h"

/**
 * pyprep_review_limits_init:
 *
 * Sets the default limits: 20 new cards and 200 reviews a day.
 */
void
pyprep_review_limits_init (PyprepReviewLimits *limits)
{
  g_return_if_fail (limits != NULL);

  limits->new_per_day = PYPREP_REVIEW_DEFAULT_NEW_PER_DAY;
  limits->reviews_per_day = PYPREP_REVIEW_DEFAULT_REVIEWS_PER_DAY;
}

static gboolean
append_entry (PyprepTopic *topic,
              PyprepEntry *entry,
              gpointer     user_data)
{
  g_list_store_append (user_data, entry);
  return FALSE;
}

/**
 * pyprep_review_collect_entries:
 * @decks: (element-type PyprepDeck): decks, for example the library's
 *
 * Returns: (transfer full): a list of every #PyprepEntry of @decks, in
 *   deck, topic and entry order
 */
GListModel *
pyprep_review_collect_entries (GListModel *decks)
{
  GListStore *entries = g_list_store_new (PYPREP_TYPE_ENTRY);

  g_return_val_if_fail (G_IS_LIST_MODEL (decks), G_LIST_MODEL (entries));

  pyprep_decks_foreach_entry (decks, append_entry, entries);

  return G_LIST_MODEL (entries);
}

/* The user's own answers to the questions of @entries the notes leave
 * unanswered: entry ID to the text of its newest annotation; NULL when
 * no entry is unanswered, which spares reading every annotation. */
static GHashTable *
dup_own_answers (GListModel  *entries,
                 PyprepStore *store)
{
  g_autoptr(GHashTable) unanswered = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) annotations = NULL;
  GHashTable *answers;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, i);

      if (pyprep_entry_is_unanswered (entry))
        g_hash_table_add (unanswered, (gpointer) pyprep_entry_get_id (entry));
    }
  if (g_hash_table_size (unanswered) == 0)
    return NULL;

  answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  annotations = pyprep_store_dup_annotations (store, NULL);
  for (guint i = 0; i < annotations->len; i++)
    {
      PyprepAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autofree char *text = g_strstrip (g_strdup (annotation->text != NULL ? annotation->text : ""));

      /* Newest first: the first one met is the answer. */
      if (*text != '\0' && g_hash_table_contains (unanswered, annotation->entry_id)
          && !g_hash_table_contains (answers, annotation->entry_id))
        g_hash_table_insert (answers, g_strdup (annotation->entry_id), g_steal_pointer (&text));
    }
  return answers;
}

/* The cards the user made of annotations, by entry ID: a list of
 * annotations each, newest first; NULL when there are none. */
static GHashTable *
dup_annotation_cards (PyprepStore *store)
{
  g_autoptr(GPtrArray) cards = pyprep_store_dup_annotation_cards (store);
  GHashTable *by_entry;

  if (cards->len == 0)
    return NULL;
  by_entry = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  /* Taken from @cards, which then must not free them. */
  g_ptr_array_set_free_func (cards, NULL);
  for (guint i = 0; i < cards->len; i++)
    {
      PyprepAnnotation *annotation = g_ptr_array_index (cards, i);
      GPtrArray *list = g_hash_table_lookup (by_entry, annotation->entry_id);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_annotation_free);
          g_hash_table_insert (by_entry, g_strdup (annotation->entry_id), list);
        }
      g_ptr_array_add (list, annotation);
    }
  return by_entry;
}

/* Appends to @cards the cards made of @entry's annotations, oldest first,
 * as they were made. */
static void
add_annotation_cards (GPtrArray   *cards,
                      PyprepEntry *entry,
                      GHashTable  *annotation_cards)
{
  GPtrArray *list;

  if (annotation_cards == NULL
      || (list = g_hash_table_lookup (annotation_cards, pyprep_entry_get_id (entry))) == NULL)
    return;
  for (guint i = list->len; i > 0; i--)
    g_ptr_array_add (cards, pyprep_card_ref_new_for_annotation (entry, g_ptr_array_index (list, i - 1)));
}

/**
 * pyprep_review_collect_cards:
 * @entries: (element-type PyprepEntry): entries
 * @store: (nullable): the user data, whose annotations answer the
 *   questions the notes leave unanswered
 *
 * An entry the notes leave unanswered has no recall card of its own; with
 * @store, one the user has annotated gets a card whose back is the
 * newest annotation (see pyprep_card_ref_new_answered()). Once the
 * annotations are gone, so is the card; its review history stays in the
 * log. With @store, the cards the user made of annotations come too
 * (pyprep_card_ref_new_for_annotation()), kept cards of deleted
 * annotations included.
 *
 * Returns: (transfer full) (element-type PyprepCardRef): every card of
 *   @entries: of each entry the recall card, then the multiple-choice
 *   questions, the predict-the-output ones, then the cards made of its
 *   annotations
 */
GPtrArray *
pyprep_review_collect_cards (GListModel  *entries,
                             PyprepStore *store)
{
  GPtrArray *cards = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_card_ref_free);
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GHashTable) annotation_cards = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), cards);
  g_return_val_if_fail (store == NULL || PYPREP_IS_STORE (store), cards);

  if (store != NULL)
    {
      answers = dup_own_answers (entries, store);
      annotation_cards = dup_annotation_cards (store);
    }
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, i);
      PyprepCardRef *ref = pyprep_card_ref_new (entry, -1);
      const char *answer;

      if (ref == NULL && answers != NULL
          && (answer = g_hash_table_lookup (answers, pyprep_entry_get_id (entry))) != NULL)
        ref = pyprep_card_ref_new_answered (entry, answer);
      if (ref != NULL)
        g_ptr_array_add (cards, ref);
      for (guint q = 0; q < pyprep_entry_get_n_questions (entry); q++)
        g_ptr_array_add (cards, pyprep_card_ref_new (entry, q));
      for (guint q = 0; q < pyprep_entry_get_n_predicts (entry); q++)
        g_ptr_array_add (cards, pyprep_card_ref_new_predict (entry, q));
      add_annotation_cards (cards, entry, annotation_cards);
    }

  return cards;
}

/* Round-robin over topics, in the order each topic first appears in
 * @cards, keeping the order of the cards within a topic, so a session
 * alternates subjects instead of drilling one at a time. Takes the
 * elements of @cards (which must not free them) into @queue. */
static void
interleave_into (GPtrArray *queue,
                 GPtrArray *cards)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) by_topic = g_hash_table_new (NULL, NULL);
  gboolean taken = TRUE;

  for (guint i = 0; i < cards->len; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (cards, i);
      GPtrArray *group = g_hash_table_lookup (by_topic, ref->topic);

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_ptr_array_add (groups, group);
          g_hash_table_insert (by_topic, ref->topic, group);
        }
      g_ptr_array_add (group, ref);
    }

  for (guint round = 0; taken; round++)
    {
      taken = FALSE;
      for (guint g = 0; g < groups->len; g++)
        {
          GPtrArray *group = g_ptr_array_index (groups, g);

          if (round < group->len)
            {
              g_ptr_array_add (queue, g_ptr_array_index (group, round));
              taken = TRUE;
            }
        }
    }
}

typedef struct
{
  PyprepCardRef *ref;
  double retrievability;
  guint index;
} DueCard;

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const DueCard *x = a;
  const DueCard *y = b;

  if (x->retrievability != y->retrievability)
    return x->retrievability < y->retrievability ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

/* What is left of today's limits: answers given earlier today (today in
 * local time; answers undone, given in practice or in a mock interview do
 * not count) use them up, an answer to a new card as a new card, any
 * other as a review. */
static void
left_today (GPtrArray                *answers,
            const PyprepReviewLimits *limits,
            gint64                    now,
            guint                    *new_left,
            guint                    *reviews_left)
{
  int today = pyprep_time_local_day (now);
  guint new_done = 0;
  guint reviews_done = 0;

  for (guint i = 0; i < answers->len; i++)
    {
      PyprepReviewLogAnswer *answer = g_ptr_array_index (answers, i);

      if (!pyprep_review_log_answer_counts (answer)
          || pyprep_time_local_day (answer->time) != today)
        continue;
      if (answer->state_before == PYPREP_CARD_STATE_NEW)
        new_done++;
      else
        reviews_done++;
    }
  *new_left = new_done < limits->new_per_day ? limits->new_per_day - new_done : 0;
  *reviews_left = reviews_done < limits->reviews_per_day
                  ? limits->reviews_per_day - reviews_done : 0;
}

/* The cards missed in a mock interview (graded Again, the main question
 * or a follow-up) and not answered in a review since: they go first.
 * The keys belong to @answers. */
static GHashTable *
missed_in_mock (GPtrArray *answers)
{
  GHashTable *missed = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < answers->len; i++)
    {
      PyprepReviewLogAnswer *answer = g_ptr_array_index (answers, i);

      if (answer->undone || answer->practice)
        continue;
      if (answer->kind == PYPREP_REVIEW_LOG_KIND_MOCK && answer->rating == PYPREP_RATING_AGAIN)
        g_hash_table_add (missed, (gpointer) answer->card);
      else if (answer->kind == PYPREP_REVIEW_LOG_KIND_REVIEW)
        g_hash_table_remove (missed, answer->card);
    }
  return missed;
}

/* Takes the first @n_left of @refs (interleaved by topic) into @queue and
 * frees the rest. */
static void
take_interleaved (GPtrArray *queue,
                  GPtrArray *refs,
                  guint      n_left)
{
  g_autoptr(GPtrArray) interleaved = g_ptr_array_new ();

  interleave_into (interleaved, refs);
  for (guint i = 0; i < interleaved->len; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (interleaved, i);

      if (i < n_left)
        g_ptr_array_add (queue, ref);
      else
        pyprep_card_ref_free (ref);
    }
}

/* The day's limits: the user's, or while an interview date is ahead the
 * plan's new cards a day, with room for the reviews the plan asks for. */
static void
effective_limits (const PyprepReviewLimits    *limits,
                  const PyprepInterviewStatus *status,
                  PyprepReviewLimits          *effective)
{
  if (limits != NULL)
    *effective = *limits;
  else
    pyprep_review_limits_init (effective);
  if (status == NULL || status->plan.days_left == 0)
    return;
  effective->new_per_day = status->plan.new_per_day;
  effective->reviews_per_day = MAX (effective->reviews_per_day, status->plan.reviews_per_day);
}

/**
 * pyprep_review_build_queue:
 * @entries: (element-type PyprepEntry): the entries to study, for example
 *   from pyprep_review_collect_entries()
 * @store: the user data
 * @params: the scheduler's settings
 * @limits: (nullable): daily limits; %NULL for the defaults
 * @now: the current time, microseconds since the epoch
 *
 * Builds today's review session. First the cards missed in a mock
 * interview and not reviewed since, whatever their schedule; then the
 * cards in learning or review that are due at @now, those most likely
 * forgotten (lowest retrievability) first, at most what is left of the
 * daily review limit; then new cards, at most what is left of the daily
 * new limit. Within each part, cards alternate between topics. Answers
 * given earlier today (today in local time; answers undone, given in
 * practice or in a mock interview do not count) use up the limits: an
 * answer to a new card counts as a new card, any other as a review.
 *
 * While an interview date is set and ahead (pyprep-interview-status.h),
 * the new-card limit is the plan's, and in its last days the due cards
 * least likely recalled on the interview day come first.
 *
 * Returns: (transfer full) (element-type PyprepCardRef): the queue
 */
GPtrArray *
pyprep_review_build_queue (GListModel               *entries,
                           PyprepStore              *store,
                           const PyprepFsrsParams   *params,
                           const PyprepReviewLimits *limits,
                           gint64                    now)
{
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GArray) due = NULL;
  g_autoptr(GPtrArray) first_refs = g_ptr_array_new ();
  g_autoptr(GPtrArray) due_refs = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_refs = g_ptr_array_new ();
  g_autoptr(GHashTable) missed = NULL;
  g_autoptr(PyprepInterviewStatus) status = NULL;
  GPtrArray *queue;
  PyprepReviewLimits effective;
  guint new_left;
  guint reviews_left;

  queue = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_card_ref_free);
  g_return_val_if_fail (G_IS_LIST_MODEL (entries), queue);
  g_return_val_if_fail (PYPREP_IS_STORE (store), queue);
  g_return_val_if_fail (params != NULL, queue);

  answers = pyprep_review_log_read (pyprep_store_get_folder (store));
  status = pyprep_interview_status_compute (entries, store, params, now);
  effective_limits (limits, status, &effective);
  left_today (answers, &effective, now, &new_left, &reviews_left);
  missed = missed_in_mock (answers);

  /* The queue owns the refs; these arrays only order them. */
  cards = pyprep_review_collect_cards (entries, store);
  g_ptr_array_set_free_func (cards, NULL);
  due = g_array_new (FALSE, FALSE, sizeof (DueCard));
  for (guint i = 0; i < cards->len; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (cards, i);
      PyprepCardMemory memory;

      pyprep_review_load_memory (store, ref->card_id, now, &memory);
      if (g_hash_table_contains (missed, ref->card_id))
        {
          g_ptr_array_add (first_refs, ref);
        }
      else if (memory.state == PYPREP_CARD_STATE_NEW)
        {
          g_ptr_array_add (new_refs, ref);
        }
      else if (memory.due <= now)
        {
          /* In the last days, what counts is the recall on the day. */
          gint64 at = status != NULL && status->last_days && status->plan.days_left > 0
                      ? status->interview : now;
          DueCard card = { ref, pyprep_fsrs_retrievability (params, &memory, at), i };

          g_array_append_val (due, card);
        }
      else
        {
          pyprep_card_ref_free (ref);
        }
    }

  interleave_into (queue, first_refs);
  /* The limit takes the most overdue cards; interleaving then mixes
   * their topics, except in an interview's last days, when the order is
   * the point. */
  g_array_sort (due, compare_due);
  for (guint i = 0; i < due->len; i++)
    {
      PyprepCardRef *ref = g_array_index (due, DueCard, i).ref;

      if (i >= reviews_left)
        pyprep_card_ref_free (ref);
      else
        g_ptr_array_add (due_refs, ref);
    }
  if (status != NULL && status->last_days)
    g_ptr_array_extend_and_steal (queue, g_steal_pointer (&due_refs));
  else
    interleave_into (queue, due_refs);
  /* New cards are interleaved first, so the day's new cards come from
   * every topic rather than from the first one. */
  take_interleaved (queue, new_refs, new_left);

  return queue;
}

/**
 * pyprep_review_build_practice:
 * @entries: (element-type PyprepEntry): the entries to practise, for
 *   example those of one topic
 * @store: the user data
 * @kind: which cards of @entries to take
 * @days: for %PYPREP_PRACTICE_MISSED, how many days back to look
 * @now: the current time
 *
 * Builds a practice session: cards are taken whatever their schedule and
 * answering them with pyprep_review_answer_practice() changes no schedule.
 * Cards alternate between topics. %PYPREP_PRACTICE_MISSED takes the cards
 * answered Again, in review or in practice, since @days days before @now.
 *
 * Returns: (transfer full) (element-type PyprepCardRef): the queue
 */
GPtrArray *
pyprep_review_build_practice (GListModel         *entries,
                              PyprepStore        *store,
                              PyprepPracticeKind  kind,
                              guint               days,
                              gint64              now)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GHashTable) missed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) answers = NULL;
  GPtrArray *queue = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_card_ref_free);

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), queue);
  g_return_val_if_fail (PYPREP_IS_STORE (store), queue);

  if (kind == PYPREP_PRACTICE_MISSED)
    {
      gint64 since = now - (gint64) days * G_TIME_SPAN_DAY;

      answers = pyprep_review_log_read (pyprep_store_get_folder (store));
      for (guint i = 0; i < answers->len; i++)
        {
          PyprepReviewLogAnswer *answer = g_ptr_array_index (answers, i);

          if (!answer->undone && answer->rating == PYPREP_RATING_AGAIN
              && answer->time >= since && answer->time <= now)
            g_hash_table_add (missed, (gpointer) answer->card);
        }
    }

  cards = pyprep_review_collect_cards (entries, store);
  g_ptr_array_set_free_func (cards, NULL);
  for (guint i = 0; i < cards->len; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (cards, i);
      gboolean take = TRUE;

      if (kind == PYPREP_PRACTICE_BOOKMARKED)
        take = pyprep_store_get_bookmarked (store, pyprep_entry_get_id (ref->entry));
      else if (kind == PYPREP_PRACTICE_MISSED)
        take = g_hash_table_contains (missed, ref->card_id);

      if (take)
        g_ptr_array_add (chosen, ref);
      else
        pyprep_card_ref_free (ref);
    }
  interleave_into (queue, chosen);

  return queue;
}
