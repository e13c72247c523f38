/* test-review-session.c: a review session over the sample deck, answered, undone and practised again.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The deck, the store and the clock come from review-harness.c. The
 * session reads the store's clock, so every duration here is exact.
 */
#include "config.h"

#include <string.h>

#include "pyprep-review-session.h"
#include "review-harness.h"

#define SECOND G_USEC_PER_SEC

static PyprepReviewSession *
new_review (Fixture *f,
            guint    new_per_day)
{
  PyprepReviewLimits limits = { new_per_day, 200 };

  return pyprep_review_session_new_review (f->store, pyprep_library_get_decks (f->library),
                                           &limits, &f->params, NULL);
}

static char *
session_queue (PyprepReviewSession *session)
{
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();

  for (guint i = 0; i < pyprep_review_session_get_n_cards (session); i++)
    g_ptr_array_add (queue, (gpointer) pyprep_review_session_get_card (session, i));
  return queue_to_string (queue);
}

/* Waits @seconds, then answers the current card and moves on. */
static void
answer_after (Fixture             *f,
              PyprepReviewSession *session,
              guint                seconds,
              PyprepRating         rating)
{
  g_autoptr(GError) error = NULL;

  f->now += seconds * SECOND;
  g_assert_true (pyprep_review_session_answer (session, rating, &error));
  g_assert_no_error (error);
  g_assert_true (pyprep_review_session_get_answered (session));
  g_assert_true (pyprep_review_session_next (session));
}

/* The ID of the @i-th entry of pyprep_review_session_dup_missed(). */
static const char *
missed_id (GPtrArray *missed,
           guint      i)
{
  return pyprep_entry_get_id (((PyprepMissedEntry *) g_ptr_array_index (missed, i))->entry);
}

static guint
count_lines (Fixture *f)
{
  g_auto(GStrv) lines = read_log_lines (f);

  return g_strv_length (lines);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_answers_and_tallies (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PyprepReviewSession) session = new_review (f, 4);
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GPtrArray) missed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *queue = session_queue (session);
  g_auto(GStrv) lines = NULL;
  PyprepTopicResult *result;
  guint n_correct = G_MAXUINT;
  guint position_notes = 0;
  gboolean practice = TRUE;

  /* The four first new cards, topics alternating. */
  g_assert_cmpstr (queue, ==, "a1#card b1#card a1#q b2#card");
  g_assert_false (pyprep_review_session_get_practice (session));
  g_assert_cmpfloat (pyprep_review_session_get_params (session)->desired_retention, ==,
                     f->params.desired_retention);
  g_assert_cmpuint (pyprep_review_session_get_position (session), ==, 0);
  g_assert_false (pyprep_review_session_get_answered (session));
  g_assert_false (pyprep_review_session_get_finished (session));
  g_signal_connect (session, "notify::position", G_CALLBACK (count_notify_cb), &position_notes);

  /* Nothing moves on before an answer. */
  g_assert_false (pyprep_review_session_next (session));
  g_assert_cmpuint (position_notes, ==, 0);

  /* a1 Good after 5 s, b1 Again after 12 s, the question right after
   * 3 s, b2 Again after 20 s. */
  answer_after (f, session, 5, PYPREP_RATING_GOOD);
  g_assert_cmpuint (position_notes, ==, 1);
  answer_after (f, session, 12, PYPREP_RATING_AGAIN);
  answer_after (f, session, 3, pyprep_review_rating_for_choice (TRUE));
  g_assert_cmpuint (pyprep_review_session_get_n_answered (session), ==, 3);
  g_assert_cmpuint (pyprep_review_session_get_n_correct (session), ==, 2);
  /* While a card is up, the time runs on. */
  f->now += 20 * SECOND;
  g_assert_cmpint (pyprep_review_session_get_duration (session), ==, 40 * SECOND);
  g_assert_true (pyprep_review_session_answer (session, PYPREP_RATING_AGAIN, &error));
  g_assert_no_error (error);
  g_assert_false (pyprep_review_session_get_finished (session));
  g_assert_true (pyprep_review_session_next (session));

  g_assert_true (pyprep_review_session_get_finished (session));
  g_assert_null (pyprep_review_session_get_current (session));
  g_assert_cmpuint (pyprep_review_session_get_position (session), ==, 4);
  g_assert_cmpuint (position_notes, ==, 4);
  g_assert_cmpuint (pyprep_review_session_get_n_answered (session), ==, 4);
  g_assert_cmpuint (pyprep_review_session_get_n_correct (session), ==, 2);
  g_object_get (session, "n-correct", &n_correct, "practice", &practice, NULL);
  g_assert_cmpuint (n_correct, ==, 2);
  g_assert_false (practice);
  /* The time stops with the last card. */
  f->now += 600 * SECOND;
  g_assert_cmpint (pyprep_review_session_get_duration (session), ==, 40 * SECOND);

  /* Per topic, in the order topics came up. */
  topics = pyprep_review_session_dup_topic_results (session);
  g_assert_cmpuint (topics->len, ==, 2);
  result = g_ptr_array_index (topics, 0);
  g_assert_cmpstr (pyprep_topic_get_id (result->topic), ==, "a");
  g_assert_cmpuint (result->n_answered, ==, 2);
  g_assert_cmpuint (result->n_correct, ==, 2);
  result = g_ptr_array_index (topics, 1);
  g_assert_cmpstr (pyprep_topic_get_id (result->topic), ==, "b");
  g_assert_cmpuint (result->n_answered, ==, 2);
  g_assert_cmpuint (result->n_correct, ==, 0);

  missed = pyprep_review_session_dup_missed (session);
  g_assert_cmpuint (missed->len, ==, 2);
  g_assert_cmpstr (missed_id (missed, 0), ==, "sample/b/b1");
  g_assert_cmpstr (missed_id (missed, 1), ==, "sample/b/b2");
  g_assert_cmpuint (((PyprepMissedEntry *) g_ptr_array_index (missed, 1))->n_missed, ==, 1);

  /* Every answer is in the store and the log, with the time it took. */
  lines = read_log_lines (f);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_nonnull (strstr (lines[0], "\"card\":\"sample/a/a1#card\""));
  g_assert_nonnull (strstr (lines[0], "\"duration_ms\":5000"));
  g_assert_nonnull (strstr (lines[3], "\"card\":\"sample/b/b2#card\""));
  g_assert_nonnull (strstr (lines[3], "\"duration_ms\":20000"));
  g_assert_null (strstr (lines[3], "practice"));
  g_assert_nonnull (pyprep_store_get_card_state (f->store, "sample/a/a1#q"));

  /* A finished session takes no answer. */
  g_assert_false (pyprep_review_session_answer (session, PYPREP_RATING_GOOD, &error));
  g_assert_error (error, PYPREP_REVIEW_ERROR, PYPREP_REVIEW_ERROR_NO_CARD);
  g_assert_cmpuint (count_lines (f), ==, 4);
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(PyprepReviewSession) session = new_review (f, 2);
  g_autoptr(GError) error = NULL;

  /* Nothing to undo yet. */
  g_assert_false (pyprep_review_session_can_undo (session));
  g_assert_false (pyprep_review_session_undo (session, &error));
  g_assert_error (error, PYPREP_REVIEW_ERROR, PYPREP_REVIEW_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* The card on screen, once answered: it is new again, still on screen. */
  f->now += 4 * SECOND;
  g_assert_true (pyprep_review_session_answer (session, PYPREP_RATING_EASY, &error));
  g_assert_nonnull (pyprep_store_get_card_state (f->store, "sample/a/a1#card"));
  g_assert_true (pyprep_review_session_can_undo (session));
  g_assert_true (pyprep_review_session_undo (session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pyprep_review_session_get_position (session), ==, 0);
  g_assert_false (pyprep_review_session_get_answered (session));
  g_assert_null (pyprep_store_get_card_state (f->store, "sample/a/a1#card"));
  g_assert_cmpuint (count_lines (f), ==, 2);

  /* The card before: the session goes back to it. */
  answer_after (f, session, 2, PYPREP_RATING_GOOD);
  g_assert_true (pyprep_review_session_undo (session, &error));
  g_assert_cmpuint (pyprep_review_session_get_position (session), ==, 0);
  g_assert_cmpuint (pyprep_review_session_get_n_answered (session), ==, 0);
  g_assert_null (pyprep_store_get_card_state (f->store, "sample/a/a1#card"));

  /* From the end: the last card comes back and the time runs again,
   * counted from the start. */
  answer_after (f, session, 2, PYPREP_RATING_GOOD);
  answer_after (f, session, 3, PYPREP_RATING_AGAIN);
  g_assert_true (pyprep_review_session_get_finished (session));
  g_assert_cmpint (pyprep_review_session_get_duration (session), ==, 11 * SECOND);
  g_assert_true (pyprep_review_session_undo (session, &error));
  g_assert_false (pyprep_review_session_get_finished (session));
  g_assert_cmpuint (pyprep_review_session_get_position (session), ==, 1);
  g_assert_cmpstr (pyprep_review_session_get_current (session)->card_id, ==, "sample/b/b1#card");
  g_assert_null (pyprep_store_get_card_state (f->store, "sample/b/b1#card"));
  g_assert_nonnull (pyprep_store_get_card_state (f->store, "sample/a/a1#card"));
  g_assert_cmpuint (pyprep_review_session_get_n_answered (session), ==, 1);
  g_assert_cmpuint (pyprep_review_session_get_n_correct (session), ==, 1);
  answer_after (f, session, 1, PYPREP_RATING_HARD);
  g_assert_cmpint (pyprep_review_session_get_duration (session), ==, 12 * SECOND);
  g_assert_cmpuint (pyprep_review_session_get_n_correct (session), ==, 2);
}

static char *
card_states (Fixture *f)
{
  g_autoptr(GPtrArray) cards = pyprep_review_collect_cards (f->entries, f->store);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (cards, i);
      JsonObject *state = pyprep_store_get_card_state (f->store, ref->card_id);

      g_string_append_printf (out, "%s=%s\n", ref->card_id,
                              state != NULL ? json_object_get_string_member (state, "due") : "new");
    }
  return g_string_free (out, FALSE);
}

static void
test_practice_again (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PyprepReviewSession) review = new_review (f, 20);
  g_autoptr(PyprepReviewSession) practice = NULL;
  g_autoptr(GPtrArray) missed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *queue = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = pyprep_review_session_get_n_cards (review);

  /* Every new card, Again for the questions and the b cards. */
  g_assert_cmpuint (n, ==, 8);
  for (guint i = 0; i < n; i++)
    {
      const PyprepCardRef *ref = pyprep_review_session_get_current (review);
      gboolean miss = !pyprep_card_ref_is_recall (ref)
                      || g_str_equal (pyprep_topic_get_id (ref->topic), "b");

      answer_after (f, review, 1, miss ? PYPREP_RATING_AGAIN : PYPREP_RATING_GOOD);
    }
  g_assert_cmpuint (pyprep_review_session_get_n_correct (review), ==, 4);
  /* a1's question is missed, so a1 is to read again, after b1. */
  missed = pyprep_review_session_dup_missed (review);
  g_assert_cmpuint (missed->len, ==, 4);
  g_assert_cmpstr (missed_id (missed, 0), ==, "sample/b/b1");
  g_assert_cmpstr (missed_id (missed, 1), ==, "sample/a/a1");

  /* Practice again: the missed cards in queue order, as practice. */
  practice = pyprep_review_session_practice_again (review);
  queue = session_queue (practice);
  g_assert_cmpstr (queue, ==, "b1#card a1#q b2#card b3#card");
  g_assert_true (pyprep_review_session_get_practice (practice));
  g_assert_cmpuint (pyprep_review_session_get_n_answered (practice), ==, 0);

  /* Practice answers are logged, marked, and change no schedule; undo
   * takes one back in the log alone. */
  before = card_states (f);
  answer_after (f, practice, 2, PYPREP_RATING_GOOD);
  g_assert_true (pyprep_review_session_undo (practice, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pyprep_review_session_get_position (practice), ==, 0);
  answer_after (f, practice, 2, PYPREP_RATING_GOOD);
  answer_after (f, practice, 2, PYPREP_RATING_AGAIN);
  answer_after (f, practice, 2, PYPREP_RATING_GOOD);
  answer_after (f, practice, 2, PYPREP_RATING_EASY);
  after = card_states (f);
  g_assert_cmpstr (after, ==, before);
  lines = read_log_lines (f);
  g_assert_cmpuint (g_strv_length (lines), ==, 8 + 6);
  g_assert_nonnull (strstr (lines[8], "\"practice\":true"));
  g_assert_nonnull (strstr (lines[9], "\"undo\""));
  g_assert_nonnull (strstr (lines[13], "\"practice\":true"));

  g_assert_true (pyprep_review_session_get_finished (practice));
  g_assert_cmpuint (pyprep_review_session_get_n_answered (practice), ==, 4);
  g_assert_cmpuint (pyprep_review_session_get_n_correct (practice), ==, 3);
  /* From its start: 2 s, undone, then 4 × 2 s. */
  g_assert_cmpint (pyprep_review_session_get_duration (practice), ==, 10 * SECOND);
  /* The review's tallies stay its own. */
  g_assert_cmpuint (pyprep_review_session_get_n_correct (review), ==, 4);
}

static void
test_limits_and_decks (Fixture       *f,
                       gconstpointer  data)
{
  static const char *skip_sample[] = { "sample", NULL };
  static const char *skip_other[] = { "other", NULL };
  g_autoptr(PyprepReviewSession) skipped = NULL;
  g_autoptr(PyprepReviewSession) kept = NULL;
  g_autoptr(PyprepReviewSession) limited = NULL;
  g_autoptr(PyprepReviewSession) practice = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autofree char *order = NULL;
  PyprepReviewLimits limits = { 20, 1 };
  GListModel *decks = pyprep_library_get_decks (f->library);

  /* A skipped deck gives no card: the session is over at once. */
  skipped = pyprep_review_session_new_review (f->store, decks, NULL, NULL, skip_sample);
  g_assert_cmpuint (pyprep_review_session_get_n_cards (skipped), ==, 0);
  g_assert_true (pyprep_review_session_get_finished (skipped));
  g_assert_false (pyprep_review_session_can_undo (skipped));
  g_assert_cmpint (pyprep_review_session_get_duration (skipped), ==, 0);
  kept = pyprep_review_session_new_review (f->store, decks, NULL, NULL, skip_other);
  g_assert_cmpuint (pyprep_review_session_get_n_cards (kept), ==, 8);

  /* The review limit: of the two due cards, the most overdue. */
  set_review_card (f, "sample/a/a2#card", 2, 4, f->now - 2 * DAY);
  set_review_card (f, "sample/b/b1#card", 20, 21, f->now - DAY);
  limited = pyprep_review_session_new_review (f->store, decks, &limits, &f->params, NULL);
  order = session_queue (limited);
  g_assert_cmpstr (order, ==, "a2#card a1#card b2#card a1#q b3#card a3#card a4#card");

  /* A practice session copies its queue. */
  queue = pyprep_review_build_practice (f->entries, f->store, PYPREP_PRACTICE_ALL, 0, f->now);
  practice = pyprep_review_session_new_practice (f->store, queue);
  g_ptr_array_set_size (queue, 0);
  g_assert_cmpuint (pyprep_review_session_get_n_cards (practice), ==, 8);
  g_assert_true (pyprep_review_session_get_practice (practice));
}

/* Every card missed: each entry comes once, with as many misses as it
 * has cards (a1 has a recall card and a question). */
static void
test_missed_counts (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) queue = pyprep_review_build_practice (f->entries, f->store,
                                                             PYPREP_PRACTICE_ALL, 0, f->now);
  g_autoptr(PyprepReviewSession) practice = pyprep_review_session_new_practice (f->store, queue);
  g_autoptr(GPtrArray) missed = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = pyprep_review_session_get_n_cards (practice);
  guint total = 0;

  g_assert_cmpuint (n, ==, 8);
  for (guint i = 0; i < n; i++)
    answer_after (f, practice, 1, PYPREP_RATING_AGAIN);
  missed = pyprep_review_session_dup_missed (practice);
  g_assert_cmpuint (missed->len, <, n);
  for (guint i = 0; i < missed->len; i++)
    {
      PyprepMissedEntry *entry = g_ptr_array_index (missed, i);

      g_assert_true (g_hash_table_add (seen, (gpointer) missed_id (missed, i)));
      g_assert_cmpuint (entry->n_missed, ==, g_str_equal (missed_id (missed, i), "sample/a/a1") ? 2 : 1);
      total += entry->n_missed;
    }
  g_assert_true (g_hash_table_contains (seen, "sample/a/a1"));
  g_assert_cmpuint (total, ==, n);
}

int
main (int   argc,
      char *argv[])
{
  review_test_init (&argc, &argv);

  review_test_add ("/pyprep/review-session/answers-and-tallies", test_answers_and_tallies);
  review_test_add ("/pyprep/review-session/undo", test_undo);
  review_test_add ("/pyprep/review-session/practice-again", test_practice_again);
  review_test_add ("/pyprep/review-session/limits-and-decks", test_limits_and_decks);
  review_test_add ("/pyprep/review-session/missed-counts", test_missed_counts);

  return g_test_run ();
}
