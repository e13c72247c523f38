/* test-mock-interview.c: the order of a mock interview's questions, its clock and its report.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-deck.h"
#include "pyprep-mock-interview.h"
#include "pyprep-review.h"

#define NOW ((gint64) 1772409600 * G_USEC_PER_SEC)
#define MINUTE G_TIME_SPAN_MINUTE

static const char *english[] = { "en", NULL };

static GListModel *
load_entries (PyprepDeck **deck_out)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", "mock", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) decks = g_list_store_new (PYPREP_TYPE_DECK);
  PyprepDeck *deck = pyprep_deck_load (folder, english, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (pyprep_deck_get_problems (deck)->len, ==, 0);
  g_list_store_append (decks, deck);
  *deck_out = deck;
  return pyprep_review_collect_entries (G_LIST_MODEL (decks));
}

static const char *
topic_of (const PyprepMockQuestion *q)
{
  return pyprep_topic_get_id (pyprep_entry_get_topic (q->entry));
}

/* Every answer missed: each entry's main question, then its follow-ups up
 * to two, then another topic's entry; the entry without a card never. */
static void
test_mock_order (void)
{
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GListModel) entries = load_entries (&deck);
  g_autoptr(PyprepMockInterview) mock = pyprep_mock_interview_new (entries, 30, 7, NOW);
  g_autoptr(GString) order = g_string_new (NULL);
  const PyprepMockQuestion *q;
  guint step = 0;

  while ((q = pyprep_mock_interview_get_current (mock)) != NULL)
    {
      g_string_append_printf (order, "%s%s%s", order->len > 0 ? " " : "",
                              pyprep_entry_get_local_id (q->entry), q->followup < 0 ? "" : "+");
      if (q->followup >= 0)
        g_string_append_printf (order, "%d", q->followup);
      g_assert_cmpint (q->started, ==, NOW + step * MINUTE);
      g_assert_true (pyprep_mock_interview_grade (mock, PYPREP_MOCK_GRADE_MISSED, NULL, NOW + (step + 1) * MINUTE));
      step++;
    }

  g_assert_true (pyprep_mock_interview_get_finished (mock));
  g_assert_cmpuint (pyprep_mock_interview_get_n_asked (mock), ==, 6);
  /* The topics take turns; which goes first depends on the seed. */
  if (g_str_has_prefix (order->str, "dict"))
    g_assert_cmpstr (order->str, ==, "dict dict+0 process process+0 process+1 switch");
  else
    g_assert_true (g_str_equal (order->str, "process process+0 process+1 dict dict+0 switch")
                   || g_str_equal (order->str, "switch dict dict+0 process process+0 process+1"));

  q = pyprep_mock_interview_get_question (mock, 0);
  g_assert_nonnull (q->question);
  g_assert_nonnull (q->key_points);
  g_assert_cmpint (q->answered - q->started, ==, MINUTE);
  /* Grading after the end does nothing. */
  g_assert_false (pyprep_mock_interview_grade (mock, PYPREP_MOCK_GRADE_NAILED, NULL, NOW));
}

/* A nailed follow-up ends the pressing; the main question always gets one. */
static void
test_mock_nailed (void)
{
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GListModel) entries = load_entries (&deck);
  g_autoptr(PyprepMockInterview) mock = pyprep_mock_interview_new (entries, 30, 7, NOW);
  const PyprepMockQuestion *q;
  guint process_followups = 0;

  while ((q = pyprep_mock_interview_get_current (mock)) != NULL)
    {
      if (g_str_equal (pyprep_entry_get_local_id (q->entry), "process") && q->followup >= 0)
        process_followups++;
      pyprep_mock_interview_grade (mock, PYPREP_MOCK_GRADE_NAILED, "said it", NOW + MINUTE);
    }
  g_assert_cmpuint (process_followups, ==, 1);
  g_assert_cmpuint (pyprep_mock_interview_get_n_asked (mock), ==, 5);
  g_assert_cmpstr (pyprep_mock_interview_get_question (mock, 0)->notes, ==, "said it");
}

/* When the time is up, the answer that passes it is the last. */
static void
test_mock_time_up (void)
{
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GListModel) entries = load_entries (&deck);
  g_autoptr(PyprepMockInterview) mock = pyprep_mock_interview_new (entries, 15, 3, NOW);

  g_assert_cmpuint (pyprep_mock_interview_get_minutes (mock), ==, 15);
  g_assert_true (pyprep_mock_interview_grade (mock, PYPREP_MOCK_GRADE_PARTLY, NULL, NOW + 14 * MINUTE));
  g_assert_false (pyprep_mock_interview_get_finished (mock));
  g_assert_true (pyprep_mock_interview_grade (mock, PYPREP_MOCK_GRADE_PARTLY, NULL, NOW + 15 * MINUTE));
  g_assert_true (pyprep_mock_interview_get_finished (mock));
  g_assert_null (pyprep_mock_interview_get_current (mock));
  g_assert_cmpuint (pyprep_mock_interview_get_n_asked (mock), ==, 2);
}

/* Ended early: the question left unanswered is not in the report. */
static void
test_mock_finish_early (void)
{
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GListModel) entries = load_entries (&deck);
  g_autoptr(PyprepMockInterview) mock = pyprep_mock_interview_new (entries, 45, 3, NOW);
  g_autoptr(GListStore) none = g_list_store_new (PYPREP_TYPE_ENTRY);
  g_autoptr(PyprepMockInterview) empty = NULL;

  pyprep_mock_interview_grade (mock, PYPREP_MOCK_GRADE_NAILED, NULL, NOW + MINUTE);
  pyprep_mock_interview_finish (mock, NOW + 2 * MINUTE);
  g_assert_true (pyprep_mock_interview_get_finished (mock));
  g_assert_cmpuint (pyprep_mock_interview_get_n_asked (mock), ==, 1);

  /* Nothing to ask: finished from the start. */
  empty = pyprep_mock_interview_new (G_LIST_MODEL (none), 15, 1, NOW);
  g_assert_true (pyprep_mock_interview_get_finished (empty));
  g_assert_null (pyprep_mock_interview_get_current (empty));
}

/* The report: topics weakest first, and each entry to read again once. */
static void
test_mock_report (void)
{
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GListModel) entries = load_entries (&deck);
  g_autoptr(PyprepMockInterview) mock = pyprep_mock_interview_new (entries, 30, 7, NOW);
  g_autoptr(GArray) scores = NULL;
  g_autoptr(GPtrArray) reread = NULL;
  const PyprepMockQuestion *q;
  const PyprepMockTopicScore *s;

  /* Data structures missed, the first OS question partly, the rest nailed. */
  while ((q = pyprep_mock_interview_get_current (mock)) != NULL)
    {
      PyprepMockGrade grade = PYPREP_MOCK_GRADE_NAILED;

      if (g_str_equal (topic_of (q), "ds"))
        grade = PYPREP_MOCK_GRADE_MISSED;
      else if (g_str_equal (pyprep_entry_get_local_id (q->entry), "process") && q->followup < 0)
        grade = PYPREP_MOCK_GRADE_PARTLY;
      pyprep_mock_interview_grade (mock, grade, NULL, NOW + MINUTE);
    }

  scores = pyprep_mock_interview_dup_topic_scores (mock);
  g_assert_cmpuint (scores->len, ==, 2);
  s = &g_array_index (scores, PyprepMockTopicScore, 0);
  g_assert_cmpstr (pyprep_topic_get_id (s->topic), ==, "ds");
  g_assert_cmpuint (s->n_asked, ==, 2);
  g_assert_cmpfloat (s->score, ==, 0.0);
  s = &g_array_index (scores, PyprepMockTopicScore, 1);
  g_assert_cmpstr (pyprep_topic_get_id (s->topic), ==, "os");
  /* process 0.5, its follow-up 1, switch 1. */
  g_assert_cmpuint (s->n_asked, ==, 3);
  g_assert_cmpfloat_with_epsilon (s->score, 2.5 / 3, 1e-9);

  reread = pyprep_mock_interview_dup_to_reread (mock);
  g_assert_cmpuint (reread->len, ==, 2);
  g_assert_true (g_ptr_array_find (reread, pyprep_deck_lookup_entry (deck, "mock/ds/dict"), NULL));
  g_assert_true (g_ptr_array_find (reread, pyprep_deck_lookup_entry (deck, "mock/os/process"), NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/mock/order", test_mock_order);
  g_test_add_func ("/pyprep/mock/nailed", test_mock_nailed);
  g_test_add_func ("/pyprep/mock/time-up", test_mock_time_up);
  g_test_add_func ("/pyprep/mock/finish-early", test_mock_finish_early);
  g_test_add_func ("/pyprep/mock/report", test_mock_report);

  return g_test_run ();
}
