/* test-interview-queue.c: an interview date in the review queue: the plan's limit, the last days, capped intervals, mock interviews in the log.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sample deck of review-harness.c on its fixed clock: 2026-11-21
 * 20:00 in CST-8. An interview on 2026-11-23 starts at local midnight,
 * 28 hours ahead: two days left, the last days.
 */
#include "config.h"

#include "pyprep-interview-status.h"
#include "pyprep-json.h"
#include "pyprep-mock-interview.h"
#include "pyprep-store-interview.h"
#include "review-harness.h"

static void
set_interview (Fixture            *f,
               int                 year,
               int                 month,
               int                 day,
               const char * const *topics)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  pyprep_store_set_interview (f->store, &date, topics, 0.9);
}

static char *
build_queue (Fixture *f,
             guint    new_per_day)
{
  PyprepReviewLimits limits = { new_per_day, 200 };
  g_autoptr(GPtrArray) queue = pyprep_review_build_queue (f->entries, f->store, &f->params,
                                                           &limits, f->now);

  return queue_to_string (queue);
}

static guint
count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  return *text == '\0' ? 0 : g_strv_length (words);
}

/* The interview day starts at local midnight: 28 hours ahead. */
static void
test_status_dates (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PyprepInterviewStatus) none = NULL;
  g_autoptr(PyprepInterviewStatus) status = NULL;

  none = pyprep_interview_status_compute (f->entries, f->store, &f->params, f->now);
  g_assert_null (none);

  set_interview (f, 2026, 11, 23, NULL);
  g_assert_cmpint (pyprep_store_get_interview_start (f->store), ==, f->now + 28 * HOUR);
  status = pyprep_interview_status_compute (f->entries, f->store, &f->params, f->now);
  g_assert_nonnull (status);
  g_assert_cmpuint (status->plan.days_left, ==, 2);
  g_assert_true (status->last_days);
  /* Every card is new: all eight are covered, none overdue. */
  g_assert_cmpuint (status->plan.n_cards, ==, 8);
  g_assert_cmpuint (status->plan.n_new, ==, 8);
  g_assert_cmpuint (status->n_overdue, ==, 0);
}

/* While a date is set, the day's new cards are the plan's, whatever the
 * user's limit; cleared, the user's limit is back. */
static void
test_plan_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PyprepInterviewStatus) status = NULL;
  g_autofree char *with_20 = NULL;
  g_autofree char *with_1 = NULL;
  g_autofree char *cleared = NULL;
  guint planned;

  set_interview (f, 2026, 12, 11, NULL);
  status = pyprep_interview_status_compute (f->entries, f->store, &f->params, f->now);
  g_assert_cmpuint (status->plan.days_left, ==, 20);
  g_assert_false (status->last_days);
  g_assert_true (status->plan.reachable);
  planned = status->plan.new_per_day;
  /* Eight new cards over 20 days need a few a day, not all at once. */
  g_assert_cmpuint (planned, >=, 1);
  g_assert_cmpuint (planned, <, 8);

  with_20 = build_queue (f, 20);
  with_1 = build_queue (f, 1);
  g_assert_cmpuint (count_words (with_20), ==, planned);
  g_assert_cmpstr (with_20, ==, with_1);

  pyprep_store_set_interview (f->store, NULL, NULL, 0.9);
  cleared = build_queue (f, 1);
  g_assert_cmpstr (cleared, ==, "a1#card");
}

/* An interview covering topic b only plans for b's three cards. */
static void
test_plan_topics (Fixture       *f,
                  gconstpointer  data)
{
  const char * const topics[] = { "sample/b", NULL };
  g_autoptr(PyprepInterviewStatus) status = NULL;
  g_autoptr(PyprepEntry) a1 = g_list_model_get_item (f->entries, 0);
  g_autoptr(PyprepEntry) b1 = g_list_model_get_item (f->entries, 4);

  set_interview (f, 2026, 12, 11, topics);
  status = pyprep_interview_status_compute (f->entries, f->store, &f->params, f->now);
  g_assert_cmpuint (status->plan.n_cards, ==, 3);
  g_assert_cmpstr (pyprep_entry_get_id (b1), ==, "sample/b/b1");
  {
    g_autofree char *id = pyprep_interview_dup_topic_id (pyprep_entry_get_topic (b1));

    g_assert_cmpstr (id, ==, "sample/b");
  }
  g_assert_cmpfloat (pyprep_interview_status_get_topic (status, pyprep_entry_get_topic (a1)), ==, -1);
  /* Topic b's readiness is the plan's: all its cards are b's. */
  g_assert_cmpfloat_with_epsilon (pyprep_interview_status_get_topic (status, pyprep_entry_get_topic (b1)),
                                  status->plan.readiness, 1e-9);
}

/* Two due cards in topic a: X (a1, S 1, seen half a day ago) has a higher
 * recall now than Y (a2, S 10, seen 8 days ago): t/S 0.5 against 0.8. On
 * the interview day, 28 hours on, X's t/S is 1.67 and Y's 0.92: X is the
 * likelier forgotten then. The last days order by that. */
static void
test_last_days_order (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *far = NULL;
  g_autofree char *near = NULL;

  set_review_card (f, "sample/a/a1#card", 1, 0.5, f->now - HOUR);
  set_review_card (f, "sample/a/a2#card", 10, 8, f->now - HOUR);

  set_interview (f, 2026, 12, 31, NULL);
  far = build_queue (f, 0);
  g_assert_true (g_str_has_prefix (far, "a2#card a1#card"));

  set_interview (f, 2026, 11, 23, NULL);
  near = build_queue (f, 0);
  g_assert_true (g_str_has_prefix (near, "a1#card a2#card"));
}

/* With a date set, an answer never schedules past it without a review the
 * day before: S 100 seen 100 days ago, Good, would be months away. */
static void
test_cap_due (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PyprepCardMemory memory;
  gint64 interview;

  set_review_card (f, "sample/b/b1#card", 100, 100, f->now);
  set_interview (f, 2026, 12, 11, NULL);
  interview = pyprep_store_get_interview_start (f->store);
  g_assert_true (pyprep_review_answer (f->store, &f->params, "sample/b/b1#card", PYPREP_RATING_GOOD,
                                       f->now, 1000, &error));
  g_assert_no_error (error);
  pyprep_review_load_memory (f->store, "sample/b/b1#card", f->now, &memory);
  g_assert_cmpint (memory.due, ==, interview - DAY);

  /* Without a date the same answer goes far past it. */
  pyprep_store_set_interview (f->store, NULL, NULL, 0.9);
  set_review_card (f, "sample/b/b2#card", 100, 100, f->now);
  g_assert_true (pyprep_review_answer (f->store, &f->params, "sample/b/b2#card", PYPREP_RATING_GOOD,
                                       f->now, 1000, &error));
  pyprep_review_load_memory (f->store, "sample/b/b2#card", f->now, &memory);
  g_assert_cmpint (memory.due, >, interview + 30 * DAY);
}

/* An interview over topic b only, graded missed, partly, nailed. */
static PyprepMockInterview *
run_mock (Fixture *f)
{
  g_autoptr(GListStore) entries = g_list_store_new (PYPREP_TYPE_ENTRY);
  PyprepMockInterview *mock;
  const PyprepMockGrade grades[] = {
    PYPREP_MOCK_GRADE_MISSED, PYPREP_MOCK_GRADE_PARTLY, PYPREP_MOCK_GRADE_NAILED,
  };

  for (guint i = 0; i < g_list_model_get_n_items (f->entries); i++)
    {
      g_autoptr(PyprepEntry) entry = g_list_model_get_item (f->entries, i);

      if (g_str_has_prefix (pyprep_entry_get_id (entry), "sample/b/"))
        g_list_store_append (entries, entry);
    }
  mock = pyprep_mock_interview_new (G_LIST_MODEL (entries), 15, 7, f->now);
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    g_assert_true (pyprep_mock_interview_grade (mock, grades[i], NULL, f->now + (i + 1) * MINUTE));
  g_assert_true (pyprep_mock_interview_get_finished (mock));
  return mock;
}

/* Mock answers are read back with their kind and grade, change no card,
 * count for no limit or review statistic but their own, and the missed
 * question's card goes first in the next review until it is reviewed. */
static void
test_mock_in_log (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PyprepMockInterview) mock = run_mock (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autofree char *queue = NULL;
  g_autofree char *later = NULL;
  PyprepReviewStats stats;
  const char *missed_card = NULL;

  g_assert_true (pyprep_mock_interview_record (mock, f->store, NULL, &error));
  g_assert_no_error (error);
  /* Recorded once only. */
  g_assert_true (pyprep_mock_interview_record (mock, f->store, NULL, &error));

  answers = pyprep_review_log_read (pyprep_store_get_folder (f->store));
  g_assert_cmpuint (answers->len, ==, 3);
  for (guint i = 0; i < answers->len; i++)
    {
      PyprepReviewLogAnswer *answer = g_ptr_array_index (answers, i);
      const PyprepMockQuestion *q = pyprep_mock_interview_get_question (mock, i);

      g_assert_cmpint (answer->kind, ==, PYPREP_REVIEW_LOG_KIND_MOCK);
      g_assert_false (pyprep_review_log_answer_counts (answer));
      g_assert_cmpstr (answer->card, ==, pyprep_entry_get_card (q->entry)->id);
      g_assert_cmpint (answer->rating, ==, pyprep_mock_interview_grade_to_rating (q->grade));
      g_assert_cmpint (json_object_get_int_member (answer->line, "duration_ms"), ==, 60000);
      g_assert_nonnull (pyprep_json_get_string (answer->line, "interview"));
      /* No schedule changed. */
      g_assert_null (pyprep_store_get_card_state (f->store, answer->card));
    }
  missed_card = ((PyprepReviewLogAnswer *) g_ptr_array_index (answers, 0))->card;
  g_assert_cmpstr (pyprep_json_get_string (((PyprepReviewLogAnswer *) g_ptr_array_index (answers, 0))->line,
                                           "grade"), ==, "missed");

  pyprep_review_stats_compute (f->entries, f->store, &f->params, f->now + HOUR, &stats);
  g_assert_cmpuint (stats.mock_answers, ==, 3);
  g_assert_cmpuint (stats.mock_missed, ==, 1);
  g_assert_cmpuint (stats.retention_reviews, ==, 0);
  g_assert_cmpuint (stats.reviews_per_day[PYPREP_REVIEW_HISTORY_DAYS - 1], ==, 0);

  /* Undo has nothing to take back. */
  g_assert_false (pyprep_review_undo (f->store, f->now + HOUR, NULL, &error));
  g_assert_error (error, PYPREP_REVIEW_ERROR, PYPREP_REVIEW_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* The missed card first, before a1 (the first of the due and new). */
  f->now += HOUR;
  queue = build_queue (f, 1);
  g_assert_true (g_str_has_prefix (queue, strrchr (missed_card, '/') + 1));
  g_assert_cmpuint (count_words (queue), ==, 2);

  /* Reviewed, it is an ordinary card again. */
  g_assert_true (pyprep_review_answer (f->store, &f->params, missed_card, PYPREP_RATING_GOOD, f->now,
                                       1000, &error));
  later = build_queue (f, 1);
  g_assert_false (g_str_has_prefix (later, strrchr (missed_card, '/') + 1));
}

/* Chosen on the report: the main questions' grades also schedule their
 * cards, in lines that still are mock answers. */
static void
test_mock_updates_schedule (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PyprepMockInterview) mock = run_mock (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = NULL;

  g_assert_true (pyprep_mock_interview_record (mock, f->store, &f->params, &error));
  g_assert_no_error (error);
  answers = pyprep_review_log_read (pyprep_store_get_folder (f->store));
  g_assert_cmpuint (answers->len, ==, 3);
  for (guint i = 0; i < answers->len; i++)
    {
      PyprepReviewLogAnswer *answer = g_ptr_array_index (answers, i);
      PyprepCardMemory memory;

      g_assert_cmpint (answer->kind, ==, PYPREP_REVIEW_LOG_KIND_MOCK);
      g_assert_cmpstr (pyprep_json_get_string (answer->line, "state_before"), ==, "new");
      pyprep_review_load_memory (f->store, answer->card, f->now, &memory);
      g_assert_cmpint (memory.state, !=, PYPREP_CARD_STATE_NEW);
      g_assert_cmpint (memory.reps, ==, 1);
    }
}

/* An old line, without a kind, is a review answer. */
static void
test_old_lines (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) answers = NULL;

  append_answer (f, "1", "sample/a/a1#card", 3, f->now - HOUR, "new", FALSE);
  append_log (f, "{\"id\":\"2\",\"card\":\"sample/a/a2#card\",\"rating\":1,"
                 "\"time\":\"2026-11-21T11:00:00Z\",\"kind\":\"mock\"}\n");
  answers = pyprep_review_log_read (pyprep_store_get_folder (f->store));
  g_assert_cmpuint (answers->len, ==, 2);
  g_assert_cmpint (((PyprepReviewLogAnswer *) g_ptr_array_index (answers, 0))->kind, ==,
                   PYPREP_REVIEW_LOG_KIND_REVIEW);
  g_assert_true (pyprep_review_log_answer_counts (g_ptr_array_index (answers, 0)));
  g_assert_cmpint (((PyprepReviewLogAnswer *) g_ptr_array_index (answers, 1))->kind, ==,
                   PYPREP_REVIEW_LOG_KIND_MOCK);
}

int
main (int   argc,
      char *argv[])
{
  review_test_init (&argc, &argv);

  review_test_add ("/pyprep/interview-queue/status/dates", test_status_dates);
  review_test_add ("/pyprep/interview-queue/plan/limit", test_plan_limit);
  review_test_add ("/pyprep/interview-queue/plan/topics", test_plan_topics);
  review_test_add ("/pyprep/interview-queue/last-days/order", test_last_days_order);
  review_test_add ("/pyprep/interview-queue/last-days/cap", test_cap_due);
  review_test_add ("/pyprep/interview-queue/mock/log", test_mock_in_log);
  review_test_add ("/pyprep/interview-queue/mock/schedule", test_mock_updates_schedule);
  review_test_add ("/pyprep/interview-queue/log/old-lines", test_old_lines);

  return g_test_run ();
}
