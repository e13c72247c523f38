/* pyprep-review.c: card states, card references, the review log's answers, answering and undo.
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

#include "pyprep-review.h"
#include "pyprep-entry-private.h"
#include "pyprep-json.h"
#include "pyprep-interview.h"
#include "pyprep-predict.h"
#include "pyprep-review-private.h"
#include "pyprep-store-interview.h"
#include "pyprep-time.h"

G_DEFINE_QUARK (pyprep-review-error-quark, pyprep_review_error)

G_DEFINE_BOXED_TYPE (PyprepCardRef, pyprep_card_ref, pyprep_card_ref_copy, pyprep_card_ref_free)

/* Times --------------------------------------------------------------- */

static void
set_time_member (JsonObject *object,
                 const char *name,
                 gint64      usec)
{
  g_autofree char *text = usec != 0 ? pyprep_format_time (usec) : NULL;

  if (text != NULL)
    json_object_set_string_member (object, name, text);
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

/* A ref to the card @card_id of @entry, whatever its kind. */
static PyprepCardRef *
ref_new (PyprepEntry *entry,
         const char  *card_id)
{
  PyprepCardRef *ref = g_new0 (PyprepCardRef, 1);

  ref->card_id = g_strdup (card_id);
  ref->entry = g_object_ref (entry);
  ref->topic = pyprep_entry_get_topic (entry);
  if (ref->topic != NULL)
    g_object_ref (ref->topic);
  ref->question = -1;
  return ref;
}

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

  ref = ref_new (entry, id);
  ref->question = question;
  return ref;
}

static PyprepCard *
card_new (const char *id,
          const char *prompt,
          const char *answer)
{
  PyprepCard *card = g_new0 (PyprepCard, 1);

  card->id = g_strdup (id);
  card->prompt = g_strdup (prompt);
  card->answer = g_strdup (answer);
  return card;
}

/**
 * pyprep_card_ref_new_answered:
 * @entry: an entry the notes leave unanswered
 * @answer: Markdown of the user's own answer, an annotation on @entry
 *
 * The recall card the user writes for a question the notes do not
 * answer: the question on the front, @answer on the back. Its ID is the
 * one the notes' own card would have, `<entry id>#card`, so its
 * schedule and review history are kept by entry, whichever answered it.
 *
 * Returns: (transfer full): a reference to the card
 */
PyprepCardRef *
pyprep_card_ref_new_answered (PyprepEntry *entry,
                              const char  *answer)
{
  g_autofree char *id = NULL;
  PyprepCardRef *ref;

  g_return_val_if_fail (PYPREP_IS_ENTRY (entry), NULL);
  g_return_val_if_fail (answer != NULL, NULL);

  id = g_strconcat (pyprep_entry_get_id (entry), "#card", NULL);
  ref = ref_new (entry, id);
  ref->card = card_new (id, pyprep_entry_get_title (entry), answer);
  return ref;
}

/**
 * pyprep_card_ref_new_predict:
 * @entry: the entry
 * @index: the index of a predict-the-output question of @entry
 *
 * Returns: (transfer full) (nullable): a reference to the question, or
 *   %NULL when @entry has no such question
 */
PyprepCardRef *
pyprep_card_ref_new_predict (PyprepEntry *entry,
                             guint        index)
{
  PyprepCardRef *ref;

  g_return_val_if_fail (PYPREP_IS_ENTRY (entry), NULL);

  if (index >= pyprep_entry_get_n_predicts (entry))
    return NULL;
  ref = ref_new (entry, pyprep_entry_get_predict (entry, index)->id);
  ref->predict = pyprep_entry_get_predict (entry, index);
  return ref;
}

/**
 * pyprep_card_ref_new_for_annotation:
 * @entry: the entry @annotation is on
 * @annotation: an annotation that is a card (#PyprepAnnotation.has_card)
 *
 * The recall card the user made of an annotation: its front the note or
 * the question typed for it, its back the quoted passage, its ID
 * pyprep_annotation_dup_card_id().
 *
 * Returns: (transfer full): a reference to the card
 */
PyprepCardRef *
pyprep_card_ref_new_for_annotation (PyprepEntry            *entry,
                                    const PyprepAnnotation *annotation)
{
  g_autofree char *id = NULL;
  g_autofree char *back = NULL;
  PyprepCardRef *ref;

  g_return_val_if_fail (PYPREP_IS_ENTRY (entry), NULL);
  g_return_val_if_fail (annotation != NULL && annotation->has_card, NULL);

  id = pyprep_annotation_dup_card_id (annotation);
  back = pyprep_annotation_dup_quote_text (annotation->quote != NULL ? annotation->quote : "");
  ref = ref_new (entry, id);
  ref->card = card_new (id, pyprep_annotation_get_card_front (annotation), back);
  /* After a miss, the passage shown is the annotation's quote. */
  ref->card->passage = g_strdup (annotation->id);
  ref->annotation_id = g_strdup (annotation->id);
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
  /* owned by the entry, which the copy holds too */
  copy->predict = ref->predict;
  if (ref->card != NULL)
    {
      copy->card = card_new (ref->card->id, ref->card->prompt, ref->card->answer);
      copy->card->passage = g_strdup (ref->card->passage);
    }
  copy->annotation_id = g_strdup (ref->annotation_id);
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
  pyprep_card_free (ref->card);
  g_free (ref->annotation_id);
  g_free (ref);
}

/**
 * pyprep_card_ref_is_recall:
 *
 * Returns: whether @ref is the entry's recall card rather than a question
 *   (multiple-choice or predict-the-output)
 */
gboolean
pyprep_card_ref_is_recall (const PyprepCardRef *ref)
{
  g_return_val_if_fail (ref != NULL, FALSE);

  return ref->question < 0 && ref->predict == NULL;
}

/**
 * pyprep_card_ref_is_predict:
 *
 * Returns: whether @ref is a predict-the-output question
 */
gboolean
pyprep_card_ref_is_predict (const PyprepCardRef *ref)
{
  g_return_val_if_fail (ref != NULL, FALSE);

  return ref->predict != NULL;
}

/**
 * pyprep_card_ref_get_card:
 *
 * Returns: (transfer none) (nullable): the recall card @ref stands for:
 *   the user's own for an unanswered entry, else the entry's; %NULL for a
 *   multiple-choice or predict-the-output question
 */
const PyprepCard *
pyprep_card_ref_get_card (const PyprepCardRef *ref)
{
  g_return_val_if_fail (ref != NULL, NULL);

  if (!pyprep_card_ref_is_recall (ref))
    return NULL;
  if (ref->card != NULL)
    return ref->card;
  return ref->entry != NULL ? pyprep_entry_get_card (ref->entry) : NULL;
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

/* Schedules the card of @line_in (which has its card, rating and time),
 * completes the line with the states before and after, appends it to the
 * log and then stores the new state. Takes @line_in. */
static gboolean
answer_scheduled (PyprepStore            *store,
                  const PyprepFsrsParams *params,
                  JsonObject             *line_in,
                  GError                **error)
{
  g_autoptr(JsonObject) line = line_in;
  g_autoptr(JsonObject) after_object = NULL;
  const char *card_id = json_object_get_string_member (line, "card");
  PyprepRating rating = (PyprepRating) json_object_get_int_member (line, "rating");
  gint64 now = 0;
  PyprepFsrsParams card_params;
  PyprepCardMemory before;
  PyprepCardMemory after;
  JsonObject *previous;
  gint64 interview;

  pyprep_time_get_member (line, "time", &now);
  previous = pyprep_store_get_card_state (store, card_id);
  pyprep_card_memory_from_json (&before, previous, now);

  card_params = *params;
  card_params.fuzz_seed ^= g_str_hash (card_id);
  pyprep_fsrs_review (&card_params, &before, rating, now, &after);
  /* With an interview ahead, no interval runs past it without a review
   * the day before. */
  interview = pyprep_store_get_interview_start (store);
  if (interview != 0)
    after.due = pyprep_interview_cap_due (&after, now, interview);
  after_object = pyprep_card_memory_to_json (&after, previous);

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
  g_return_val_if_fail (PYPREP_IS_STORE (store), FALSE);
  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (card_id != NULL, FALSE);

  if (!check_rating (rating, error))
    return FALSE;
  return answer_scheduled (store, params, new_log_line (card_id, rating, now, duration_ms), error);
}

/**
 * pyprep_review_answer_mock:
 * @store: the user data
 * @params: (nullable): the scheduler's settings, to change the card's
 *   schedule as a review answer would; %NULL to leave it as it is
 * @card_id: the card the question belongs to
 * @rating: the user's grade as a rating
 * @now: the time of the answer
 * @duration_ms: how long the user took, in milliseconds
 * @details: (nullable): more members for the line (the grade, the
 *   interview), copied
 *
 * Records a mock interview's question in the review log, as a line of
 * kind "mock", which daily limits, review statistics and undo leave
 * out. With @params the card is also scheduled as by
 * pyprep_review_answer().
 *
 * Returns: %TRUE on success
 */
gboolean
pyprep_review_answer_mock (PyprepStore            *store,
                           const PyprepFsrsParams *params,
                           const char             *card_id,
                           PyprepRating            rating,
                           gint64                  now,
                           gint64                  duration_ms,
                           JsonObject             *details,
                           GError                **error)
{
  g_autoptr(JsonObject) line = NULL;

  g_return_val_if_fail (PYPREP_IS_STORE (store), FALSE);
  g_return_val_if_fail (card_id != NULL, FALSE);

  if (!check_rating (rating, error))
    return FALSE;
  line = new_log_line (card_id, rating, now, duration_ms);
  json_object_set_string_member (line, "kind", pyprep_review_log_kind_to_string (PYPREP_REVIEW_LOG_KIND_MOCK));
  if (details != NULL)
    copy_members (line, details);
  if (params != NULL)
    return answer_scheduled (store, params, g_steal_pointer (&line), error);
  return pyprep_store_append_review (store, line, error);
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

      if (answer->undone || answer->id == NULL || answer->practice != practice
          || answer->kind != PYPREP_REVIEW_LOG_KIND_REVIEW)
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

