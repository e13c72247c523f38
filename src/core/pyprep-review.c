/* pyprep-review.c: quiz sessions: card states, review queues, answers, undo and statistics.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is a function of the store, the review log and a clock
 * given by the caller, so the quiz and the statistics can be tested with a
 * fixed time. The review log (review-log.jsonl, see docs/user-data.md) is
 * the history: limits and statistics are counted from it, undo appends a
 * line naming the answer it takes back, and nothing is ever rewritten.
 */
#include "config.h"

#include <string.h>

#include "pyprep-deck.h"
#include "pyprep-json.h"
#include "pyprep-review.h"
#include "pyprep-review-log.h"
#include "pyprep-time.h"

G_DEFINE_QUARK (pyprep-review-error-quark, pyprep_review_error)

G_DEFINE_BOXED_TYPE (PyprepCardRef, pyprep_card_ref, pyprep_card_ref_copy, pyprep_card_ref_free)

/* Times --------------------------------------------------------------- */

/* In card states and the review log, 0 is no time (the last review of a
 * new card) and is written as null. */
static void
set_time_member (JsonObject *object,
                 const char *name,
                 gint64      usec)
{
  if (usec != 0)
    pyprep_time_set_member (object, name, usec);
  else
    json_object_set_null_member (object, name);
}

/* JSON values ----------------------------------------------------------- */

static guint
get_count_member (JsonObject *object,
                  const char *name)
{
  double value;

  if (!pyprep_json_get_number (object, name, &value) || value < 0 || value > G_MAXUINT)
    return 0;
  return (guint) value;
}

/* Copies every member of @from into @to, in @from's order, so a copy
 * written out reads like the original. */
static void
copy_members (JsonObject *to,
              JsonObject *from)
{
  g_autoptr(GList) names = json_object_get_members (from);

  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (to, l->data,
                            json_node_copy (json_object_get_member (from, l->data)));
}

/* Card memory <-> JSON -------------------------------------------------- */

/**
 * pyprep_card_memory_from_json:
 * @memory: (out caller-allocates): the card's memory
 * @object: (nullable): the card's state in the store
 * @now: the time a new card is due at
 *
 * Reads the scheduler's state of a card as written by
 * pyprep_card_memory_to_json(). A missing object, an unknown state or a
 * missing or impossible value makes it a new card: a damaged file costs
 * the card's history, never a crash.
 *
 * Returns: %TRUE when @object held a usable state, %FALSE when @memory was
 *   set to a new card
 */
gboolean
pyprep_card_memory_from_json (PyprepCardMemory *memory,
                              JsonObject       *object,
                              gint64            now)
{
  PyprepCardMemory card;
  PyprepCardState state;
  double step = -1;

  g_return_val_if_fail (memory != NULL, FALSE);

  pyprep_card_memory_init (memory, now);
  if (object == NULL
      || !pyprep_card_state_from_string (pyprep_json_get_string (object, "state"), &state))
    return FALSE;
  if (state == PYPREP_CARD_STATE_NEW)
    return TRUE;

  pyprep_card_memory_init (&card, now);
  card.state = state;
  if (!pyprep_json_get_number (object, "stability", &card.stability)
      || card.stability < PYPREP_FSRS_MIN_STABILITY
      || !pyprep_json_get_number (object, "difficulty", &card.difficulty)
      || card.difficulty < 1 || card.difficulty > 10
      || !pyprep_time_get_member (object, "due", &card.due)
      || !pyprep_time_get_member (object, "last_review", &card.last_review))
    return FALSE;

  if (state == PYPREP_CARD_STATE_LEARNING || state == PYPREP_CARD_STATE_RELEARNING)
    {
      /* A missing step restarts the steps rather than losing the card. */
      if (!pyprep_json_get_number (object, "step", &step) || step < 0
          || step >= PYPREP_FSRS_MAX_STEPS)
        step = 0;
      card.step = (int) step;
    }
  card.reps = get_count_member (object, "reps");
  card.lapses = get_count_member (object, "lapses");

  *memory = card;
  return TRUE;
}

/**
 * pyprep_card_memory_to_json:
 * @memory: the card's memory
 * @previous: (nullable): the card's state in the store so far
 *
 * Writes @memory in the store's format. Members of @previous that are not
 * the scheduler's are copied, so data written by a newer Pyprep or another
 * tool survives an answer.
 *
 * Returns: (transfer full): a new object
 */
JsonObject *
pyprep_card_memory_to_json (const PyprepCardMemory *memory,
                            JsonObject             *previous)
{
  JsonObject *object = json_object_new ();

  g_return_val_if_fail (memory != NULL, object);

  if (previous != NULL)
    copy_members (object, previous);

  json_object_set_string_member (object, "state", pyprep_card_state_to_string (memory->state));
  json_object_set_int_member (object, "step", memory->step);
  json_object_set_double_member (object, "stability", memory->stability);
  json_object_set_double_member (object, "difficulty", memory->difficulty);
  set_time_member (object, "due", memory->due);
  set_time_member (object, "last_review", memory->last_review);
  json_object_set_int_member (object, "reps", memory->reps);
  json_object_set_int_member (object, "lapses", memory->lapses);

  return object;
}

/**
 * pyprep_review_load_memory:
 * @memory: (out caller-allocates): the card's memory
 *
 * Reads the memory of @card_id from @store; see pyprep_card_memory_from_json().
 */
void
pyprep_review_load_memory (PyprepStore      *store,
                           const char       *card_id,
                           gint64            now,
                           PyprepCardMemory *memory)
{
  g_return_if_fail (PYPREP_IS_STORE (store));
  g_return_if_fail (card_id != NULL);
  g_return_if_fail (memory != NULL);

  pyprep_card_memory_from_json (memory, pyprep_store_get_card_state (store, card_id), now);
}

/* Card refs --------------------------------------------------------------- */

/**
 * pyprep_card_ref_new:
 * @entry: the entry
 * @question: the index of a question of @entry, or -1 for its recall card
 *
 * Returns: (transfer full) (nullable): a reference to the card, or %NULL
 *   when @entry has no such card
 */
PyprepCardRef *
pyprep_card_ref_new (PyprepEntry *entry,
                     int          question)
{
  PyprepCardRef *ref;
  const char *id;

  g_return_val_if_fail (PYPREP_IS_ENTRY (entry), NULL);

  if (question < 0)
    {
      const PyprepCard *card = pyprep_entry_get_card (entry);

      if (card == NULL)
        return NULL;
      id = card->id;
      question = -1;
    }
  else if ((guint) question < pyprep_entry_get_n_questions (entry))
    id = pyprep_entry_get_question (entry, question)->id;
  else
    return NULL;

  ref = g_new0 (PyprepCardRef, 1);
  ref->card_id = g_strdup (id);
  ref->entry = g_object_ref (entry);
  ref->topic = pyprep_entry_get_topic (entry);
  if (ref->topic != NULL)
    g_object_ref (ref->topic);
  ref->question = question;
  return ref;
}

PyprepCardRef *
pyprep_card_ref_copy (const PyprepCardRef *ref)
{
  PyprepCardRef *copy;

  g_return_val_if_fail (ref != NULL, NULL);

  copy = g_new0 (PyprepCardRef, 1);
  copy->card_id = g_strdup (ref->card_id);
  copy->entry = ref->entry != NULL ? g_object_ref (ref->entry) : NULL;
  copy->topic = ref->topic != NULL ? g_object_ref (ref->topic) : NULL;
  copy->question = ref->question;
  return copy;
}

void
pyprep_card_ref_free (PyprepCardRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->card_id);
  g_clear_object (&ref->entry);
  g_clear_object (&ref->topic);
  g_free (ref);
}

/**
 * pyprep_card_ref_is_recall:
 *
 * Returns: whether @ref is the entry's recall card rather than a question
 */
gboolean
pyprep_card_ref_is_recall (const PyprepCardRef *ref)
{
  g_return_val_if_fail (ref != NULL, FALSE);

  return ref->question < 0;
}

/* Queues ------------------------------------------------------------------ */

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

  for (guint d = 0; d < g_list_model_get_n_items (decks); d++)
    {
      g_autoptr(PyprepDeck) deck = g_list_model_get_item (decks, d);
      GListModel *topics = pyprep_deck_get_topics (deck);

      for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
        {
          g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, t);
          GListModel *list = pyprep_topic_get_entries (topic);

          for (guint e = 0; e < g_list_model_get_n_items (list); e++)
            {
              g_autoptr(PyprepEntry) entry = g_list_model_get_item (list, e);

              g_list_store_append (entries, entry);
            }
        }
    }

  return G_LIST_MODEL (entries);
}

/**
 * pyprep_review_collect_cards:
 * @entries: (element-type PyprepEntry): entries
 *
 * Returns: (transfer full) (element-type PyprepCardRef): every card of
 *   @entries: of each entry the recall card, then the questions
 */
GPtrArray *
pyprep_review_collect_cards (GListModel *entries)
{
  GPtrArray *cards = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_card_ref_free);

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), cards);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, i);
      PyprepCardRef *ref = pyprep_card_ref_new (entry, -1);

      if (ref != NULL)
        g_ptr_array_add (cards, ref);
      for (guint q = 0; q < pyprep_entry_get_n_questions (entry); q++)
        g_ptr_array_add (cards, pyprep_card_ref_new (entry, q));
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

/**
 * pyprep_review_build_queue:
 * @entries: (element-type PyprepEntry): the entries to study, for example
 *   from pyprep_review_collect_entries()
 * @store: the user data
 * @params: the scheduler's settings
 * @limits: (nullable): daily limits; %NULL for the defaults
 * @now: the current time, microseconds since the epoch
 *
 * Builds today's review session. First the cards in learning or review
 * that are due at @now, those most likely forgotten (lowest
 * retrievability) first, at most what is left of the daily review limit;
 * then new cards, at most what is left of the daily new limit. Within each
 * part, cards alternate between topics. Answers given earlier today
 * (today in local time; answers undone or given in practice do not count)
 * use up the limits: an answer to a new card counts as a new card, any
 * other as a review.
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
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GArray) due = NULL;
  g_autoptr(GPtrArray) due_refs = NULL;
  g_autoptr(GPtrArray) new_refs = NULL;
  g_autoptr(GPtrArray) new_interleaved = NULL;
  GPtrArray *queue;
  PyprepReviewLimits defaults;
  guint new_done = 0;
  guint reviews_done = 0;
  guint new_left;
  guint reviews_left;
  int today;

  queue = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_card_ref_free);
  g_return_val_if_fail (G_IS_LIST_MODEL (entries), queue);
  g_return_val_if_fail (PYPREP_IS_STORE (store), queue);
  g_return_val_if_fail (params != NULL, queue);

  if (limits == NULL)
    {
      pyprep_review_limits_init (&defaults);
      limits = &defaults;
    }

  today = pyprep_time_local_day (now);
  answers = pyprep_review_log_read (pyprep_store_get_folder (store));
  for (guint i = 0; i < answers->len; i++)
    {
      PyprepReviewLogAnswer *answer = g_ptr_array_index (answers, i);

      if (!pyprep_review_log_answer_counts (answer) || pyprep_time_local_day (answer->time) != today)
        continue;
      if (answer->state_before == PYPREP_CARD_STATE_NEW)
        new_done++;
      else
        reviews_done++;
    }
  new_left = new_done < limits->new_per_day ? limits->new_per_day - new_done : 0;
  reviews_left = reviews_done < limits->reviews_per_day
                 ? limits->reviews_per_day - reviews_done : 0;

  /* The queue owns the refs; these arrays only order them. */
  cards = pyprep_review_collect_cards (entries);
  g_ptr_array_set_free_func (cards, NULL);
  due = g_array_new (FALSE, FALSE, sizeof (DueCard));
  new_refs = g_ptr_array_new ();
  for (guint i = 0; i < cards->len; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (cards, i);
      PyprepCardMemory memory;

      pyprep_review_load_memory (store, ref->card_id, now, &memory);
      if (memory.state == PYPREP_CARD_STATE_NEW)
        {
          g_ptr_array_add (new_refs, ref);
        }
      else if (memory.due <= now)
        {
          DueCard card = { ref, pyprep_fsrs_retrievability (params, &memory, now), i };

          g_array_append_val (due, card);
        }
      else
        {
          pyprep_card_ref_free (ref);
        }
    }

  /* The limit takes the most overdue cards; interleaving then mixes
   * their topics. */
  g_array_sort (due, compare_due);
  due_refs = g_ptr_array_new ();
  for (guint i = 0; i < due->len; i++)
    {
      DueCard *card = &g_array_index (due, DueCard, i);

      if (i < reviews_left)
        g_ptr_array_add (due_refs, card->ref);
      else
        pyprep_card_ref_free (card->ref);
    }
  interleave_into (queue, due_refs);

  /* New cards are interleaved first, so the day's new cards come from
   * every topic rather than from the first one. */
  new_interleaved = g_ptr_array_new ();
  interleave_into (new_interleaved, new_refs);
  for (guint i = 0; i < new_interleaved->len; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (new_interleaved, i);

      if (i < new_left)
        g_ptr_array_add (queue, ref);
      else
        pyprep_card_ref_free (ref);
    }

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

  cards = pyprep_review_collect_cards (entries);
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

/* Answers ----------------------------------------------------------------- */

/**
 * pyprep_review_rating_for_choice:
 * @right: whether the learner chose exactly the correct choices
 *
 * Multiple-choice questions have no shades of recall: right is Good,
 * wrong is Again.
 */
PyprepRating
pyprep_review_rating_for_choice (gboolean right)
{
  return right ? PYPREP_RATING_GOOD : PYPREP_RATING_AGAIN;
}

static JsonObject *
new_log_line (const char   *card_id,
              PyprepRating  rating,
              gint64        now,
              gint64        duration_ms)
{
  JsonObject *line = json_object_new ();
  g_autofree char *id = g_uuid_string_random ();

  json_object_set_string_member (line, "id", id);
  json_object_set_string_member (line, "card", card_id);
  json_object_set_int_member (line, "rating", rating);
  set_time_member (line, "time", now);
  json_object_set_int_member (line, "duration_ms", MAX (duration_ms, 0));
  return line;
}

static gboolean
check_rating (PyprepRating   rating,
              GError       **error)
{
  if (rating >= PYPREP_RATING_AGAIN && rating <= PYPREP_RATING_EASY)
    return TRUE;
  g_set_error (error, PYPREP_REVIEW_ERROR, PYPREP_REVIEW_ERROR_RATING,
               "%d is not a rating from 1 to 4", (int) rating);
  return FALSE;
}

/**
 * pyprep_review_answer:
 * @store: the user data
 * @params: the scheduler's settings
 * @card_id: the card answered
 * @rating: how well it was recalled
 * @now: the time of the answer
 * @duration_ms: how long the learner took, in milliseconds
 *
 * Schedules @card_id for @rating, appends the answer to the review log
 * (with the card's whole previous state, so pyprep_review_undo() can put
 * it back exactly) and then stores the new state. The fuzz seed of
 * @params is mixed with the card ID, so cards answered alike still spread
 * out, and the same history always gives the same schedule.
 *
 * Returns: %TRUE on success; on failure the card's state is unchanged
 */
gboolean
pyprep_review_answer (PyprepStore            *store,
                      const PyprepFsrsParams *params,
                      const char             *card_id,
                      PyprepRating            rating,
                      gint64                  now,
                      gint64                  duration_ms,
                      GError                **error)
{
  g_autoptr(JsonObject) line = NULL;
  g_autoptr(JsonObject) after_object = NULL;
  PyprepFsrsParams card_params;
  PyprepCardMemory before;
  PyprepCardMemory after;
  JsonObject *previous;

  g_return_val_if_fail (PYPREP_IS_STORE (store), FALSE);
  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (card_id != NULL, FALSE);

  if (!check_rating (rating, error))
    return FALSE;

  previous = pyprep_store_get_card_state (store, card_id);
  pyprep_card_memory_from_json (&before, previous, now);

  card_params = *params;
  card_params.fuzz_seed ^= g_str_hash (card_id);
  pyprep_fsrs_review (&card_params, &before, rating, now, &after);
  after_object = pyprep_card_memory_to_json (&after, previous);

  line = new_log_line (card_id, rating, now, duration_ms);
  json_object_set_string_member (line, "state_before",
                                 pyprep_card_state_to_string (before.state));
  if (before.state != PYPREP_CARD_STATE_NEW)
    {
      set_time_member (line, "due_before", before.due);
      json_object_set_double_member (line, "stability_before", before.stability);
      json_object_set_double_member (line, "difficulty_before", before.difficulty);
    }
  else
    {
      json_object_set_null_member (line, "due_before");
    }
  json_object_set_string_member (line, "state", pyprep_card_state_to_string (after.state));
  set_time_member (line, "due", after.due);
  json_object_set_double_member (line, "stability", after.stability);
  json_object_set_double_member (line, "difficulty", after.difficulty);
  /* The exact previous object, unknown members and all, for undo. */
  if (previous == NULL)
    {
      json_object_set_null_member (line, "before");
    }
  else
    {
      JsonObject *copy = json_object_new ();

      copy_members (copy, previous);
      json_object_set_object_member (line, "before", copy);
    }

  /* The log first: an answer that cannot be recorded changes nothing. */
  if (!pyprep_store_append_review (store, line, error))
    return FALSE;
  pyprep_store_set_card_state (store, card_id, after_object);

  return TRUE;
}

/**
 * pyprep_review_answer_practice:
 * @store: the user data
 * @card_id: the card answered
 * @rating: how well it was recalled
 * @now: the time of the answer
 * @duration_ms: how long the learner took, in milliseconds
 *
 * Records a practice answer: a review log line marked `"practice": true`,
 * which limits, statistics and undo ignore. The card's schedule is not
 * touched. A practice Again still makes the card "missed" for
 * %PYPREP_PRACTICE_MISSED.
 *
 * Returns: %TRUE on success
 */
gboolean
pyprep_review_answer_practice (PyprepStore   *store,
                               const char    *card_id,
                               PyprepRating   rating,
                               gint64         now,
                               gint64         duration_ms,
                               GError       **error)
{
  g_autoptr(JsonObject) line = NULL;

  g_return_val_if_fail (PYPREP_IS_STORE (store), FALSE);
  g_return_val_if_fail (card_id != NULL, FALSE);

  if (!check_rating (rating, error))
    return FALSE;

  line = new_log_line (card_id, rating, now, duration_ms);
  json_object_set_boolean_member (line, "practice", TRUE);
  return pyprep_store_append_review (store, line, error);
}

/* Takes back the latest answer not undone yet, of a review session or,
 * with @practice, of a practice session. */
static gboolean
undo_latest (PyprepStore  *store,
             gboolean      practice,
             gint64        now,
             char        **card_id,
             GError      **error)
{
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(JsonObject) line = NULL;
  PyprepReviewLogAnswer *last = NULL;

  g_return_val_if_fail (PYPREP_IS_STORE (store), FALSE);

  answers = pyprep_review_log_read (pyprep_store_get_folder (store));
  for (guint i = answers->len; i > 0 && last == NULL; i--)
    {
      PyprepReviewLogAnswer *answer = g_ptr_array_index (answers, i - 1);

      if (answer->undone || answer->id == NULL || answer->practice != practice)
        continue;
      if (practice || json_object_has_member (answer->line, "before"))
        last = answer;
    }
  if (last == NULL)
    {
      g_set_error_literal (error, PYPREP_REVIEW_ERROR, PYPREP_REVIEW_ERROR_NOTHING_TO_UNDO,
                           "There is no answer to undo");
      return FALSE;
    }

  line = json_object_new ();
  json_object_set_string_member (line, "undo", last->id);
  json_object_set_string_member (line, "card", last->card);
  set_time_member (line, "time", now);
  if (!pyprep_store_append_review (store, line, error))
    return FALSE;

  if (!practice)
    {
      JsonNode *before = json_object_get_member (last->line, "before");

      pyprep_store_set_card_state (store, last->card,
                                   JSON_NODE_HOLDS_OBJECT (before)
                                   ? json_node_get_object (before) : NULL);
    }
  if (card_id != NULL)
    *card_id = g_strdup (last->card);

  return TRUE;
}

/**
 * pyprep_review_undo:
 * @store: the user data
 * @now: the time of the undo
 * @card_id: (out) (optional) (transfer full): the card whose answer was undone
 *
 * Takes back the latest answer that is not undone yet (practice answers
 * are skipped): the card's state before that answer is put back exactly,
 * and an undo line naming the answer is appended to the log, which stays
 * append-only. Calling it again undoes the answer before.
 *
 * Returns: %TRUE on success; %PYPREP_REVIEW_ERROR_NOTHING_TO_UNDO when
 *   there is no answer to take back
 */
gboolean
pyprep_review_undo (PyprepStore  *store,
                    gint64        now,
                    char        **card_id,
                    GError      **error)
{
  return undo_latest (store, FALSE, now, card_id, error);
}

/**
 * pyprep_review_undo_practice:
 * @store: the user data
 * @now: the time of the undo
 * @card_id: (out) (optional) (transfer full): the card whose answer was undone
 *
 * Takes back the latest practice answer that is not undone yet, with an
 * undo line in the log. No card state changes: practice never set one.
 *
 * Returns: %TRUE on success; %PYPREP_REVIEW_ERROR_NOTHING_TO_UNDO when
 *   there is no practice answer to take back
 */
gboolean
pyprep_review_undo_practice (PyprepStore  *store,
                             gint64        now,
                             char        **card_id,
                             GError      **error)
{
  return undo_latest (store, TRUE, now, card_id, error);
}

/* Statistics -------------------------------------------------------------- */

/**
 * pyprep_review_stats_compute:
 * @entries: (element-type PyprepEntry): the entries whose cards are counted
 * @store: the user data
 * @params: the scheduler's settings
 * @now: the current time
 * @stats: (out caller-allocates): the statistics
 *
 * Counts what the statistics page shows. Days are local days. Undone and
 * practice answers are not counted.
 */
void
pyprep_review_stats_compute (GListModel             *entries,
                             PyprepStore            *store,
                             const PyprepFsrsParams *params,
                             gint64                  now,
                             PyprepReviewStats      *stats)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  gint64 retention_since = now - (gint64) PYPREP_REVIEW_RETENTION_DAYS * G_TIME_SPAN_DAY;
  int today;

  g_return_if_fail (stats != NULL);
  memset (stats, 0, sizeof *stats);
  stats->retention = -1;
  g_return_if_fail (G_IS_LIST_MODEL (entries));
  g_return_if_fail (PYPREP_IS_STORE (store));
  g_return_if_fail (params != NULL);

  today = pyprep_time_local_day (now);

  cards = pyprep_review_collect_cards (entries);
  for (guint i = 0; i < cards->len; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (cards, i);
      PyprepCardMemory memory;
      int offset;

      pyprep_review_load_memory (store, ref->card_id, now, &memory);
      if (memory.state == PYPREP_CARD_STATE_NEW)
        continue;
      offset = MAX (pyprep_time_local_day (memory.due) - today, 0);
      if (offset < PYPREP_REVIEW_FORECAST_DAYS)
        stats->forecast[offset]++;
    }
  stats->due_today = stats->forecast[0];

  answers = pyprep_review_log_read (pyprep_store_get_folder (store));
  for (guint i = 0; i < answers->len; i++)
    {
      PyprepReviewLogAnswer *answer = g_ptr_array_index (answers, i);
      int ago;

      if (!pyprep_review_log_answer_counts (answer) || answer->time > now)
        continue;

      ago = today - pyprep_time_local_day (answer->time);
      if (ago >= 0 && ago < PYPREP_REVIEW_HISTORY_DAYS)
        stats->reviews_per_day[PYPREP_REVIEW_HISTORY_DAYS - 1 - ago]++;

      if (answer->time > retention_since && answer->state_before == PYPREP_CARD_STATE_REVIEW)
        {
          stats->retention_reviews++;
          if (answer->rating != PYPREP_RATING_AGAIN)
            stats->retention_recalled++;
        }
    }
  if (stats->retention_reviews > 0)
    stats->retention = (double) stats->retention_recalled / stats->retention_reviews;
}

static void
topic_progress_free (PyprepTopicProgress *progress)
{
  g_clear_object (&progress->topic);
  g_free (progress);
}

/**
 * pyprep_review_dup_topic_progress:
 * @entries: (element-type PyprepEntry): the entries whose cards are counted
 * @store: the user data
 * @params: the scheduler's settings
 * @now: the current time
 *
 * Returns: (transfer full) (element-type PyprepTopicProgress): one
 *   record per topic, in the order topics appear in @entries
 */
GPtrArray *
pyprep_review_dup_topic_progress (GListModel             *entries,
                                  PyprepStore            *store,
                                  const PyprepFsrsParams *params,
                                  gint64                  now)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GHashTable) by_topic = g_hash_table_new (NULL, NULL);
  GPtrArray *progress = g_ptr_array_new_with_free_func ((GDestroyNotify) topic_progress_free);

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), progress);
  g_return_val_if_fail (PYPREP_IS_STORE (store), progress);
  g_return_val_if_fail (params != NULL, progress);

  cards = pyprep_review_collect_cards (entries);
  for (guint i = 0; i < cards->len; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (cards, i);
      PyprepTopicProgress *topic = g_hash_table_lookup (by_topic, ref->topic);
      PyprepCardMemory memory;

      if (topic == NULL)
        {
          topic = g_new0 (PyprepTopicProgress, 1);
          topic->topic = ref->topic != NULL ? g_object_ref (ref->topic) : NULL;
          g_hash_table_insert (by_topic, ref->topic, topic);
          g_ptr_array_add (progress, topic);
        }

      pyprep_review_load_memory (store, ref->card_id, now, &memory);
      if (memory.state != PYPREP_CARD_STATE_NEW && memory.due <= now)
        topic->n_due++;
      if (memory.state == PYPREP_CARD_STATE_NEW)
        topic->n_new++;
      else if (memory.state == PYPREP_CARD_STATE_REVIEW
               && pyprep_fsrs_retrievability (params, &memory, now)
                  >= PYPREP_REVIEW_KNOWN_RETRIEVABILITY)
        topic->n_known++;
      else
        topic->n_learning++;
    }

  return progress;
}
