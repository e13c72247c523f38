/* test-review.c: quiz queues, answers, undo, practice and statistics, on a fixed clock.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The deck, the store and the clock come from review-harness.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "review-harness.h"

static char *
build_queue (Fixture  *f,
             guint     new_per_day,
             guint     reviews_per_day)
{
  PyprepReviewLimits limits = { new_per_day, reviews_per_day };
  g_autoptr(GPtrArray) queue = pyprep_review_build_queue (f->entries, f->store, &f->params,
                                                           &limits, f->now);

  return queue_to_string (queue);
}

static char *
object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = NULL;

  if (object == NULL)
    return g_strdup ("null");
  node = json_node_init_object (json_node_alloc (), object);
  return json_to_string (node, FALSE);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Card memory <-> JSON ------------------------------------------------------ */

static void
test_memory_round_trip (void)
{
  g_autoptr(JsonObject) previous = json_object_new ();
  g_autoptr(JsonObject) object = NULL;
  PyprepCardMemory memory = {
    PYPREP_CARD_STATE_RELEARNING, 1, 3.25, 6.5, NOW + 10 * MINUTE, NOW - 7, 9, 2
  };
  PyprepCardMemory back;

  json_object_set_string_member (previous, "state", "review");
  json_object_set_string_member (previous, "x-future", "kept");
  object = pyprep_card_memory_to_json (&memory, previous);

  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "relearning");
  g_assert_cmpint (json_object_get_int_member (object, "step"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "due"), ==,
                   "2026-11-21T12:10:00.000000Z");
  g_assert_cmpstr (json_object_get_string_member (object, "last_review"), ==,
                   "2026-11-21T11:59:59.999993Z");
  g_assert_cmpint (json_object_get_int_member (object, "reps"), ==, 9);
  g_assert_cmpint (json_object_get_int_member (object, "lapses"), ==, 2);
  /* Never drop what we do not know. */
  g_assert_cmpstr (json_object_get_string_member (object, "x-future"), ==, "kept");
  /* The previous object is not changed. */
  g_assert_cmpstr (json_object_get_string_member (previous, "state"), ==, "review");

  g_assert_true (pyprep_card_memory_from_json (&back, object, 0));
  g_assert_cmpint (back.state, ==, memory.state);
  g_assert_cmpint (back.step, ==, memory.step);
  g_assert_cmpfloat (back.stability, ==, memory.stability);
  g_assert_cmpfloat (back.difficulty, ==, memory.difficulty);
  g_assert_cmpint (back.due, ==, memory.due);
  g_assert_cmpint (back.last_review, ==, memory.last_review);
  g_assert_cmpuint (back.reps, ==, 9);
  g_assert_cmpuint (back.lapses, ==, 2);
}

static const struct
{
  const char *json;
  gboolean valid;
} bad_memories[] = {
  { "{}", FALSE },
  { "{\"state\": \"bogus\"}", FALSE },
  { "{\"state\": 2}", FALSE },
  { "{\"state\": \"new\", \"stability\": 4}", TRUE },
  { "{\"state\": \"review\", \"difficulty\": 5, \"due\": \"2026-11-21T12:00:00Z\","
    " \"last_review\": \"2026-11-20T12:00:00Z\"}", FALSE },
  { "{\"state\": \"review\", \"stability\": \"3\", \"difficulty\": 5,"
    " \"due\": \"2026-11-21T12:00:00Z\", \"last_review\": \"2026-11-20T12:00:00Z\"}", FALSE },
  { "{\"state\": \"review\", \"stability\": 3, \"difficulty\": 11,"
    " \"due\": \"2026-11-21T12:00:00Z\", \"last_review\": \"2026-11-20T12:00:00Z\"}", FALSE },
  { "{\"state\": \"review\", \"stability\": 3, \"difficulty\": 5,"
    " \"due\": \"yesterday\", \"last_review\": \"2026-11-20T12:00:00Z\"}", FALSE },
  { "{\"state\": \"review\", \"stability\": -1, \"difficulty\": 5,"
    " \"due\": \"2026-11-21T12:00:00Z\", \"last_review\": \"2026-11-20T12:00:00Z\"}", FALSE },
  { "{\"state\": \"review\", \"stability\": 3, \"difficulty\": 5, \"reps\": \"many\","
    " \"due\": \"2026-11-21T12:00:00Z\", \"last_review\": \"2026-11-20T12:00:00Z\"}", TRUE },
  { "{\"state\": \"learning\", \"stability\": 3, \"difficulty\": 5, \"step\": null,"
    " \"due\": \"2026-11-21T12:00:00Z\", \"last_review\": \"2026-11-20T12:00:00Z\"}", TRUE },
};

static void
test_memory_bad (void)
{
  PyprepCardMemory memory;

  g_assert_false (pyprep_card_memory_from_json (&memory, NULL, NOW));
  g_assert_cmpint (memory.state, ==, PYPREP_CARD_STATE_NEW);
  g_assert_cmpint (memory.due, ==, NOW);

  for (guint i = 0; i < G_N_ELEMENTS (bad_memories); i++)
    {
      g_autoptr(JsonObject) object = parse_object (bad_memories[i].json);
      gboolean valid = pyprep_card_memory_from_json (&memory, object, NOW);

      g_test_message ("case %u: %s", i, bad_memories[i].json);
      g_assert_cmpint (valid, ==, bad_memories[i].valid);
      if (!valid || strstr (bad_memories[i].json, "\"new\"") != NULL)
        {
          g_assert_cmpint (memory.state, ==, PYPREP_CARD_STATE_NEW);
          g_assert_cmpint (memory.due, ==, NOW);
          g_assert_cmpint (memory.step, ==, -1);
        }
    }
  /* The last case: a learning card without its step restarts its steps. */
  g_assert_cmpint (memory.state, ==, PYPREP_CARD_STATE_LEARNING);
  g_assert_cmpint (memory.step, ==, 0);
}

/* Queues ------------------------------------------------------------------ */

/* a1 (t/S = 3), a2 (t/S = 2) and b1 (t/S = 1.05) are overdue, a1 the most;
 * a3 is in review but due tomorrow; every other card is new. */
static void
set_up_cards (Fixture *f)
{
  set_review_card (f, "sample/a/a1#card", 5, 15, f->now - 10 * DAY);
  set_review_card (f, "sample/a/a2#card", 2, 4, f->now - 2 * DAY);
  set_review_card (f, "sample/b/b1#card", 20, 21, f->now - 1 * DAY);
  set_review_card (f, "sample/a/a3#card", 20, 1, f->now + 1 * DAY);
}

static void
test_queue_order (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *queue = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  PyprepCardRef *ref;

  set_up_cards (f);
  queue = build_queue (f, 20, 200);
  /* Due first, most overdue first, topics alternating (a, b, a); then the
   * new cards, alternating too: a1#q, b2, a4, b3. a3 is not due. */
  g_assert_cmpstr (queue, ==, "a1#card b1#card a2#card a1#q b2#card a4#card b3#card");

  refs = pyprep_review_build_queue (f->entries, f->store, &f->params, NULL, f->now);
  g_assert_cmpuint (refs->len, ==, 7);
  ref = g_ptr_array_index (refs, 3);
  g_assert_cmpstr (ref->card_id, ==, "sample/a/a1#q");
  g_assert_false (pyprep_card_ref_is_recall (ref));
  g_assert_cmpint (ref->question, ==, 0);
  g_assert_cmpstr (pyprep_entry_get_id (ref->entry), ==, "sample/a/a1");
  g_assert_cmpstr (pyprep_topic_get_id (ref->topic), ==, "a");
  ref = g_ptr_array_index (refs, 1);
  g_assert_true (pyprep_card_ref_is_recall (ref));
  g_assert_cmpstr (pyprep_topic_get_id (ref->topic), ==, "b");
}

static void
test_queue_limits (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *limited = NULL;
  g_autofree char *after = NULL;
  g_autofree char *none = NULL;

  set_up_cards (f);
  /* The review limit keeps the two most overdue cards, the new limit the
   * first new cards of the interleaved order. */
  limited = build_queue (f, 2, 2);
  g_assert_cmpstr (limited, ==, "a1#card a2#card a1#q b2#card");

  /* Today began at 2026-11-20 16:00 UTC. Counted: one new card and one
   * review answered today. Not counted: a new card answered yesterday
   * evening (local), an undone answer and a practice answer. */
  append_answer (f, "1", "sample/x/y#card", 3, f->now - 21 * HOUR, "new", FALSE);
  append_answer (f, "2", "sample/x/y#card", 3, f->now - 19 * HOUR, "new", FALSE);
  append_answer (f, "3", "sample/x/z#card", 3, f->now - 18 * HOUR, "review", FALSE);
  append_answer (f, "4", "sample/x/w#card", 3, f->now - HOUR, "new", FALSE);
  append_log (f, "{\"undo\":\"4\",\"card\":\"sample/x/w#card\",\"time\":\"2026-11-21T11:30:00Z\"}\n");
  append_answer (f, "5", "sample/x/v#card", 1, f->now - HOUR, "new", TRUE);
  append_answer (f, "6", "sample/x/v#card", 1, f->now - HOUR, "review", TRUE);
  after = build_queue (f, 2, 2);
  g_assert_cmpstr (after, ==, "a1#card a1#q");

  /* Limits used up: nothing. */
  none = build_queue (f, 1, 1);
  g_assert_cmpstr (none, ==, "");
}

/* Answers ----------------------------------------------------------------- */

static void
test_answer (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) line = NULL;
  g_autoptr(JsonObject) with_extra = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *queue = NULL;
  g_autofree char *later = NULL;
  JsonObject *state;
  PyprepCardMemory memory;

  g_assert_true (pyprep_review_answer (f->store, &f->params, "sample/b/b2#card",
                                       PYPREP_RATING_GOOD, f->now, 4200, &error));
  g_assert_no_error (error);

  /* Good on the first learning step goes to the second, 10 minutes. */
  state = pyprep_store_get_card_state (f->store, "sample/b/b2#card");
  g_assert_nonnull (state);
  g_assert_cmpstr (json_object_get_string_member (state, "state"), ==, "learning");
  g_assert_cmpint (json_object_get_int_member (state, "step"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (state, "due"), ==,
                   "2026-11-21T12:10:00.000000Z");
  g_assert_cmpstr (json_object_get_string_member (state, "last_review"), ==,
                   "2026-11-21T12:00:00.000000Z");
  g_assert_cmpint (json_object_get_int_member (state, "reps"), ==, 1);

  lines = read_log_lines (f);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  line = parse_object (lines[0]);
  g_assert_cmpstr (json_object_get_string_member (line, "card"), ==, "sample/b/b2#card");
  g_assert_cmpint (json_object_get_int_member (line, "rating"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (line, "time"), ==,
                   "2026-11-21T12:00:00.000000Z");
  g_assert_cmpint (json_object_get_int_member (line, "duration_ms"), ==, 4200);
  g_assert_cmpstr (json_object_get_string_member (line, "state_before"), ==, "new");
  g_assert_true (json_object_get_null_member (line, "due_before"));
  g_assert_cmpstr (json_object_get_string_member (line, "state"), ==, "learning");
  g_assert_cmpstr (json_object_get_string_member (line, "due"), ==,
                   "2026-11-21T12:10:00.000000Z");
  g_assert_nonnull (json_object_get_string_member (line, "id"));

  /* Not due yet, and no longer new: not in the queue. */
  queue = build_queue (f, 20, 200);
  g_assert_null (strstr (queue, "b2#card"));
  /* It comes back the same day, first, and the new limit counts it once. */
  f->now += 10 * MINUTE;
  later = build_queue (f, 4, 200);
  g_assert_cmpstr (later, ==, "b2#card a1#card b1#card a1#q");

  /* Updating keeps what the scheduler does not know. */
  with_extra = pyprep_card_memory_to_json (&(PyprepCardMemory) {
    PYPREP_CARD_STATE_REVIEW, -1, 10, 5, f->now, f->now - 10 * DAY, 4, 0 }, NULL);
  json_object_set_string_member (with_extra, "x-note", "from the future");
  pyprep_store_set_card_state (f->store, "sample/a/a1#card", with_extra);
  g_assert_true (pyprep_review_answer (f->store, &f->params, "sample/a/a1#card",
                                       PYPREP_RATING_AGAIN, f->now, 1000, &error));
  g_assert_no_error (error);
  state = pyprep_store_get_card_state (f->store, "sample/a/a1#card");
  g_assert_cmpstr (json_object_get_string_member (state, "x-note"), ==, "from the future");
  pyprep_review_load_memory (f->store, "sample/a/a1#card", f->now, &memory);
  g_assert_cmpint (memory.state, ==, PYPREP_CARD_STATE_RELEARNING);
  g_assert_cmpuint (memory.lapses, ==, 1);

  /* Multiple choice: right is Good, wrong is Again. */
  g_assert_cmpint (pyprep_review_rating_for_choice (TRUE), ==, PYPREP_RATING_GOOD);
  g_assert_cmpint (pyprep_review_rating_for_choice (FALSE), ==, PYPREP_RATING_AGAIN);

  /* A bad rating is an error, and changes nothing. */
  g_assert_false (pyprep_review_answer (f->store, &f->params, "sample/a/a2#card",
                                        5, f->now, 0, &error));
  g_assert_error (error, PYPREP_REVIEW_ERROR, PYPREP_REVIEW_ERROR_RATING);
  g_assert_null (pyprep_store_get_card_state (f->store, "sample/a/a2#card"));
}

/* The fuzz seed is mixed with the card ID: same history, different cards,
 * different days; same card, same day. */
static void
test_answer_fuzz (Fixture       *f,
                  gconstpointer  data)
{
  const char *ids[] = { "sample/a/a1#card", "sample/a/a2#card", "sample/a/a3#card",
                        "sample/a/a4#card", "sample/b/b1#card", "sample/b/b2#card" };
  g_autoptr(GHashTable) dues = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 first_due = 0;

  f->params.enable_fuzz = TRUE;
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        g_autoptr(GError) error = NULL;
        PyprepCardMemory memory;
        gint64 *due;

        set_review_card (f, ids[i], 100, 100, f->now);
        g_assert_true (pyprep_review_answer (f->store, &f->params, ids[i],
                                             PYPREP_RATING_GOOD, f->now, 0, &error));
        g_assert_no_error (error);
        pyprep_review_load_memory (f->store, ids[i], f->now, &memory);
        if (i == 0 && round == 0)
          first_due = memory.due;
        else if (i == 0)
          g_assert_cmpint (memory.due, ==, first_due);
        due = g_new (gint64, 1);
        *due = memory.due;
        if (round == 0)
          g_hash_table_add (dues, due);
        else
          g_free (due);
      }
  /* Six cards with the same history do not all land on the same day. */
  g_assert_cmpuint (g_hash_table_size (dues), >, 1);
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) undo = NULL;
  g_autofree char *before = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *queue = NULL;
  g_autofree char *card = NULL;
  g_auto(GStrv) lines = NULL;
  PyprepReviewStats stats;

  set_up_cards (f);
  {
    g_autoptr(JsonObject) extra = NULL;

    extra = pyprep_card_memory_to_json (&(PyprepCardMemory) {
      PYPREP_CARD_STATE_REVIEW, -1, 5, 5, f->now - 10 * DAY, f->now - 15 * DAY, 3, 0 },
      pyprep_store_get_card_state (f->store, "sample/a/a1#card"));
    json_object_set_string_member (extra, "x-note", "kept");
    json_object_set_double_member (extra, "stability", 5.000000000000001);
    pyprep_store_set_card_state (f->store, "sample/a/a1#card", extra);
  }
  before = object_to_string (pyprep_store_get_card_state (f->store, "sample/a/a1#card"));

  /* Nothing to undo yet. */
  g_assert_false (pyprep_review_undo (f->store, f->now, NULL, &error));
  g_assert_error (error, PYPREP_REVIEW_ERROR, PYPREP_REVIEW_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  g_assert_true (pyprep_review_answer (f->store, &f->params, "sample/b/b2#card",
                                       PYPREP_RATING_EASY, f->now, 100, &error));
  g_assert_true (pyprep_review_answer (f->store, &f->params, "sample/a/a1#card",
                                       PYPREP_RATING_AGAIN, f->now, 100, &error));
  g_assert_no_error (error);

  f->now += MINUTE;
  g_assert_true (pyprep_review_undo (f->store, f->now, &card, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (card, ==, "sample/a/a1#card");
  restored = object_to_string (pyprep_store_get_card_state (f->store, "sample/a/a1#card"));
  g_assert_cmpstr (restored, ==, before);

  /* The log only grew. */
  lines = read_log_lines (f);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  undo = parse_object (lines[2]);
  g_assert_cmpstr (json_object_get_string_member (undo, "card"), ==, "sample/a/a1#card");
  g_assert_cmpstr (json_object_get_string_member (undo, "time"), ==,
                   "2026-11-21T12:01:00.000000Z");
  {
    g_autoptr(JsonObject) answer = parse_object (lines[1]);

    g_assert_cmpstr (json_object_get_string_member (undo, "undo"), ==,
                     json_object_get_string_member (answer, "id"));
  }

  /* The undone review does not use the review limit; b2's new answer
   * still uses the new limit. */
  queue = build_queue (f, 1, 1);
  g_assert_cmpstr (queue, ==, "a1#card");
  pyprep_review_stats_compute (f->entries, f->store, &f->params, f->now, &stats);
  g_assert_cmpuint (stats.reviews_per_day[PYPREP_REVIEW_HISTORY_DAYS - 1], ==, 1);
  /* The new card's answer counts for retention; the undone one does not. */
  g_assert_cmpuint (stats.retention_reviews, ==, 1);
  g_assert_cmpuint (stats.retention_recalled, ==, 1);

  /* Undo again: the new card's answer; the card has no state again. */
  g_clear_pointer (&card, g_free);
  g_assert_true (pyprep_review_undo (f->store, f->now, &card, &error));
  g_assert_cmpstr (card, ==, "sample/b/b2#card");
  g_assert_null (pyprep_store_get_card_state (f->store, "sample/b/b2#card"));
  g_assert_false (pyprep_review_undo (f->store, f->now, NULL, &error));
  g_assert_error (error, PYPREP_REVIEW_ERROR, PYPREP_REVIEW_ERROR_NOTHING_TO_UNDO);
}

/* Practice ---------------------------------------------------------------- */

static void
test_practice (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) bookmarked = NULL;
  g_autoptr(GPtrArray) missed = NULL;
  g_autofree char *all_text = NULL;
  g_autofree char *bookmarked_text = NULL;
  g_autofree char *missed_text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *queue = NULL;
  PyprepReviewStats stats;

  set_up_cards (f);
  before = object_to_string (pyprep_store_get_card_state (f->store, "sample/a/a1#card"));

  /* Every card, whatever its schedule, topics alternating. */
  all = pyprep_review_build_practice (f->entries, f->store, PYPREP_PRACTICE_ALL, 0, f->now);
  all_text = queue_to_string (all);
  g_assert_cmpstr (all_text, ==,
                   "a1#card b1#card a1#q b2#card a2#card b3#card a3#card a4#card");

  pyprep_store_set_bookmarked (f->store, "sample/b/b3", TRUE);
  pyprep_store_set_bookmarked (f->store, "sample/a/a1", TRUE);
  bookmarked = pyprep_review_build_practice (f->entries, f->store, PYPREP_PRACTICE_BOOKMARKED,
                                             0, f->now);
  bookmarked_text = queue_to_string (bookmarked);
  g_assert_cmpstr (bookmarked_text, ==, "a1#card b3#card a1#q");

  /* Answers in practice change no state and use no limit. */
  g_assert_true (pyprep_review_answer_practice (f->store, "sample/a/a1#card",
                                                PYPREP_RATING_AGAIN, f->now, 500, &error));
  g_assert_true (pyprep_review_answer_practice (f->store, "sample/b/b2#card",
                                                PYPREP_RATING_GOOD, f->now, 500, &error));
  g_assert_no_error (error);
  after = object_to_string (pyprep_store_get_card_state (f->store, "sample/a/a1#card"));
  g_assert_cmpstr (after, ==, before);
  g_assert_null (pyprep_store_get_card_state (f->store, "sample/b/b2#card"));
  queue = build_queue (f, 1, 1);
  g_assert_cmpstr (queue, ==, "a1#card a1#q");
  pyprep_review_stats_compute (f->entries, f->store, &f->params, f->now, &stats);
  g_assert_cmpuint (stats.reviews_per_day[PYPREP_REVIEW_HISTORY_DAYS - 1], ==, 0);
  /* Nor can they be undone: they changed nothing. */
  g_assert_false (pyprep_review_undo (f->store, f->now, NULL, &error));
  g_clear_error (&error);

  /* Missed lately: Again in the last 7 days, in review or practice;
   * not an answer of 8 days ago, not an undone one. */
  append_answer (f, "m1", "sample/b/b3#card", 1, f->now - 2 * DAY, "review", FALSE);
  append_answer (f, "m2", "sample/a/a4#card", 1, f->now - 8 * DAY, "review", FALSE);
  append_answer (f, "m3", "sample/a/a2#card", 1, f->now - DAY, "review", FALSE);
  append_log (f, "{\"undo\":\"m3\",\"card\":\"sample/a/a2#card\",\"time\":\"2026-11-21T11:00:00Z\"}\n");
  append_answer (f, "m4", "sample/a/a3#card", 2, f->now - DAY, "review", FALSE);
  missed = pyprep_review_build_practice (f->entries, f->store, PYPREP_PRACTICE_MISSED, 7, f->now);
  missed_text = queue_to_string (missed);
  g_assert_cmpstr (missed_text, ==, "a1#card b3#card");

  /* A practice session undoes its own answers, newest first, and only
   * those: the review answer m4 stays, and no card state changes. */
  {
    g_autofree char *undone = NULL;
    g_autofree char *undone_again = NULL;
    g_autoptr(GPtrArray) missed_after = NULL;
    g_autofree char *missed_after_text = NULL;
    g_autofree char *a1_before = object_to_string (pyprep_store_get_card_state (f->store, "sample/a/a1#card"));
    g_autofree char *a1_after = NULL;

    g_assert_true (pyprep_review_undo_practice (f->store, f->now, &undone, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (undone, ==, "sample/b/b2#card");
    g_assert_true (pyprep_review_undo_practice (f->store, f->now, &undone_again, &error));
    g_assert_cmpstr (undone_again, ==, "sample/a/a1#card");
    g_assert_false (pyprep_review_undo_practice (f->store, f->now, NULL, &error));
    g_assert_error (error, PYPREP_REVIEW_ERROR, PYPREP_REVIEW_ERROR_NOTHING_TO_UNDO);
    g_clear_error (&error);
    a1_after = object_to_string (pyprep_store_get_card_state (f->store, "sample/a/a1#card"));
    g_assert_cmpstr (a1_after, ==, a1_before);
    g_assert_null (pyprep_store_get_card_state (f->store, "sample/b/b2#card"));
    /* a1's Again is taken back, so a1 is no longer missed. */
    missed_after = pyprep_review_build_practice (f->entries, f->store, PYPREP_PRACTICE_MISSED, 7, f->now);
    missed_after_text = queue_to_string (missed_after);
    g_assert_cmpstr (missed_after_text, ==, "b3#card");
  }
}

/* Statistics -------------------------------------------------------------- */

static void
test_stats (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) progress = NULL;
  PyprepTopicProgress *a;
  PyprepTopicProgress *b;
  PyprepReviewStats stats;
  PyprepCardMemory learning = {
    PYPREP_CARD_STATE_LEARNING, 0, 1, 5, NOW + 10 * MINUTE, NOW - MINUTE, 1, 0
  };
  g_autoptr(JsonObject) learning_object = pyprep_card_memory_to_json (&learning, NULL);

  /* Cards: a1 10 days overdue, a2 2 days overdue, b1 1 day overdue (all
   * due today); a3 due tomorrow at 12:00 UTC (20:00 local); b2 learning,
   * due in 10 minutes (today); b3 due 2026-11-21 17:00 UTC, which is
   * 01:00 tomorrow local time; a4 due in 40 days (beyond the forecast). */
  set_up_cards (f);
  pyprep_store_set_card_state (f->store, "sample/b/b2#card", learning_object);
  set_review_card (f, "sample/b/b3#card", 3, 1, f->now + 5 * HOUR);
  set_review_card (f, "sample/a/a4#card", 40, 1, f->now + 40 * DAY);

  /* The log, oldest first. Retention counts the answers of the last 30
   * days, whatever the card's state: r1 (Good), r2 (Again), r3 (Hard), r4
   * (Good, learning), r5 (Easy) and r7 (Again); not r0 (31 days ago), r6
   * (undone), r8 (practice). 4 of 6 recalled. */
  append_answer (f, "r0", "sample/a/a1#card", 3, NOW - 31 * DAY, "review", FALSE);
  append_answer (f, "r1", "sample/a/a1#card", 3, NOW - 29 * DAY, "review", FALSE);
  append_answer (f, "r2", "sample/a/a2#card", 1, NOW - 10 * DAY, "review", FALSE);
  append_answer (f, "r3", "sample/a/a3#card", 2, NOW - 10 * DAY + HOUR, "review", FALSE);
  append_answer (f, "r4", "sample/b/b2#card", 3, NOW - 10 * DAY + 2 * HOUR, "learning", FALSE);
  /* 2026-11-20 17:00 UTC is 01:00 today, local time. */
  append_answer (f, "r5", "sample/b/b1#card", 4, NOW - 19 * HOUR, "review", FALSE);
  append_answer (f, "r6", "sample/b/b1#card", 1, NOW - 2 * HOUR, "review", FALSE);
  append_log (f, "{\"undo\":\"r6\",\"card\":\"sample/b/b1#card\",\"time\":\"2026-11-21T11:00:00Z\"}\n");
  /* 2026-11-20 15:00 UTC is 23:00 yesterday, local time. */
  append_answer (f, "r7", "sample/a/a2#card", 1, NOW - 21 * HOUR, "review", FALSE);
  append_answer (f, "r8", "sample/a/a2#card", 1, NOW - HOUR, "review", TRUE);
  /* Far too old for the history. */
  append_answer (f, "r9", "sample/a/a2#card", 3, NOW - 100 * DAY, "new", FALSE);

  pyprep_review_stats_compute (f->entries, f->store, &f->params, f->now, &stats);

  g_assert_cmpuint (stats.due_today, ==, 4);
  g_assert_cmpuint (stats.forecast[0], ==, 4);
  g_assert_cmpuint (stats.forecast[1], ==, 2);
  for (guint i = 2; i < PYPREP_REVIEW_FORECAST_DAYS; i++)
    g_assert_cmpuint (stats.forecast[i], ==, 0);

  g_assert_cmpuint (stats.reviews_per_day[83], ==, 1);      /* r5 */
  g_assert_cmpuint (stats.reviews_per_day[82], ==, 1);      /* r7 */
  g_assert_cmpuint (stats.reviews_per_day[73], ==, 3);      /* r2, r3, r4 */
  g_assert_cmpuint (stats.reviews_per_day[54], ==, 1);      /* r1 */
  g_assert_cmpuint (stats.reviews_per_day[52], ==, 1);      /* r0 */
  {
    guint total = 0;

    for (guint i = 0; i < PYPREP_REVIEW_HISTORY_DAYS; i++)
      total += stats.reviews_per_day[i];
    g_assert_cmpuint (total, ==, 7);
  }

  g_assert_cmpuint (stats.retention_reviews, ==, 6);
  g_assert_cmpuint (stats.retention_recalled, ==, 4);
  g_assert_cmpfloat_with_epsilon (stats.retention, 4.0 / 6.0, 1e-12);

  /* Known: in review with R >= 0.9 now. a1 (t/S 3), a2 (t/S 2) and b1
   * (t/S 1.05) are below 0.9; a3 (1/20), b3 (1/3) and a4 (1/40) are
   * known; b2 is learning; a1#q is new. */
  progress = pyprep_review_dup_topic_progress (f->entries, f->store, &f->params, f->now);
  g_assert_cmpuint (progress->len, ==, 2);
  a = g_ptr_array_index (progress, 0);
  b = g_ptr_array_index (progress, 1);
  g_assert_cmpstr (pyprep_topic_get_id (a->topic), ==, "a");
  g_assert_cmpuint (a->n_new, ==, 1);
  g_assert_cmpuint (a->n_learning, ==, 2);
  g_assert_cmpuint (a->n_known, ==, 2);
  g_assert_cmpstr (pyprep_topic_get_id (b->topic), ==, "b");
  g_assert_cmpuint (b->n_new, ==, 0);
  g_assert_cmpuint (b->n_learning, ==, 2);
  g_assert_cmpuint (b->n_known, ==, 1);
  /* Due now: a1 and a2 (overdue) in a; b1 (overdue) in b, not b2 (in 10
   * minutes) nor b3 (in 5 hours). */
  g_assert_cmpuint (a->n_due, ==, 2);
  g_assert_cmpuint (b->n_due, ==, 1);
}

static void
test_stats_empty (Fixture       *f,
                  gconstpointer  data)
{
  PyprepReviewStats stats;

  pyprep_review_stats_compute (f->entries, f->store, &f->params, f->now, &stats);
  g_assert_cmpuint (stats.due_today, ==, 0);
  g_assert_cmpuint (stats.retention_reviews, ==, 0);
  g_assert_cmpfloat (stats.retention, ==, -1);
}

/* A broken line in the middle, and a half-written last line after a
 * crash, are skipped; the good lines still count. */
static void
test_log_corrupt (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *queue = NULL;
  PyprepReviewStats stats;

  append_answer (f, "c1", "sample/x/y#card", 3, f->now - HOUR, "review", FALSE);
  append_log (f, "this is not JSON\n[1, 2]\n{\"card\": 7, \"rating\": 3}\n\n"
              "{\"card\":\"sample/x/y#card\",\"rating\":9,\"time\":\"2026-11-21T11:00:00Z\"}\n"
              "{\"card\":\"sample/x/y#card\",\"rating\":3,\"time\":\"not a time\"}\n");
  append_answer (f, "c2", "sample/x/z#card", 1, f->now - HOUR, "review", FALSE);
  append_log (f, "{\"id\":\"c3\",\"card\":\"sample/x/w#card\",\"rat");

  pyprep_review_stats_compute (f->entries, f->store, &f->params, f->now, &stats);
  g_assert_cmpuint (stats.reviews_per_day[PYPREP_REVIEW_HISTORY_DAYS - 1], ==, 2);
  g_assert_cmpuint (stats.retention_reviews, ==, 2);
  g_assert_cmpuint (stats.retention_recalled, ==, 1);

  /* Answering after the broken line still works and counts. */
  set_up_cards (f);
  queue = build_queue (f, 0, 3);
  g_assert_cmpstr (queue, ==, "a1#card");
  g_assert_true (pyprep_review_answer (f->store, &f->params, "sample/a/a1#card",
                                       PYPREP_RATING_GOOD, f->now, 100, &error));
  g_assert_no_error (error);
  pyprep_review_stats_compute (f->entries, f->store, &f->params, f->now, &stats);
  /* The answer starts a line of its own after the half-written one, so
   * it counts. */
  g_assert_cmpuint (stats.reviews_per_day[PYPREP_REVIEW_HISTORY_DAYS - 1], ==, 3);
  g_assert_nonnull (pyprep_store_get_card_state (f->store, "sample/a/a1#card"));
}

int
main (int   argc,
      char *argv[])
{
  review_test_init (&argc, &argv);

  g_test_add_func ("/pyprep/review/memory/round-trip", test_memory_round_trip);
  g_test_add_func ("/pyprep/review/memory/bad", test_memory_bad);
  review_test_add ("/pyprep/review/queue/order", test_queue_order);
  review_test_add ("/pyprep/review/queue/limits", test_queue_limits);
  review_test_add ("/pyprep/review/answer/state-and-log", test_answer);
  review_test_add ("/pyprep/review/answer/fuzz", test_answer_fuzz);
  review_test_add ("/pyprep/review/undo", test_undo);
  review_test_add ("/pyprep/review/practice", test_practice);
  review_test_add ("/pyprep/review/stats", test_stats);
  review_test_add ("/pyprep/review/stats/empty", test_stats_empty);
  review_test_add ("/pyprep/review/log/corrupt", test_log_corrupt);

  return g_test_run ();
}
