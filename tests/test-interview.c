/* test-interview.c: readiness, the plan and its forecast, against FSRS.md by hand.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Default weights, no learning or relearning steps, every planned answer
 * Good. The expected figures follow FSRS.md's formulas step by step; each
 * case says how.
 */
#include "config.h"

#include "core-harness.h"
#include "pyprep-interview.h"

#define DAY G_TIME_SPAN_DAY
/* 2026-03-02 00:00 UTC: any fixed time will do. */
#define NOW ((gint64) 1772409600 * G_USEC_PER_SEC)

static PyprepCardMemory
reviewed (double stability,
          double difficulty,
          int    last_review_days_ago,
          int    due_in_days)
{
  return card_in_review (stability, difficulty, NOW - last_review_days_ago * DAY, NOW + due_in_days * DAY);
}

/* One answered card, S = 10, D = 5, reviewed 5 days ago and due in 5; the
 * interview in 25 days, 30 after that review. */
static void
test_interview_reviewed_card (void)
{
  PyprepFsrsParams params;
  PyprepCardMemory card = reviewed (10, 5, 5, 5);
  PyprepInterviewPlan plan;
  double share;

  fsrs_params_exact (&params);
  pyprep_interview_plan_compute (&params, &card, 1, NOW, NOW + 25 * DAY, 0.9, &plan, &share);

  g_assert_cmpuint (plan.days_left, ==, 25);
  g_assert_cmpuint (plan.n_cards, ==, 1);
  g_assert_cmpuint (plan.n_new, ==, 0);
  g_assert_cmpuint (plan.new_per_day, ==, 0);
  /* Without more study: R(30, 10) = 0.8094 (FSRS.md's own example). */
  g_assert_cmpfloat_with_epsilon (plan.readiness, 0.80939, 1e-4);
  g_assert_cmpfloat_with_epsilon (share, 0.80939, 1e-4);
  /* The plan: Good when due, at t = 10 (R = 0.9): S' = 32.0267, next in 32
   * days, on day 37, past the interview; so again on day 24, t = 19,
   * S'' = 71.2463; on the day R(1, 71.2463) = 0.99789. */
  g_assert_cmpfloat_with_epsilon (plan.planned_recall, 0.99789, 1e-4);
  g_assert_true (plan.reachable);
  g_assert_cmpuint (plan.reviews_per_day, ==, 1);
  /* The forecast: today R(5, 10) = 0.94034 either way; on the day the
   * two differ as above. */
  g_assert_cmpuint (plan.n_forecast, ==, 26);
  g_assert_cmpfloat_with_epsilon (plan.with_plan[0], 0.94034, 1e-4);
  g_assert_cmpfloat_with_epsilon (plan.without_plan[0], 0.94034, 1e-4);
  g_assert_cmpfloat_with_epsilon (plan.with_plan[25], 0.99789, 1e-4);
  g_assert_cmpfloat_with_epsilon (plan.without_plan[25], 0.80939, 1e-4);
  for (guint d = 1; d < plan.n_forecast; d++)
    g_assert_cmpfloat (plan.without_plan[d], <=, plan.without_plan[d - 1]);
}

/* A new card, the interview in 10 days. */
static void
test_interview_new_card (void)
{
  PyprepFsrsParams params;
  PyprepCardMemory card;
  PyprepInterviewPlan plan;

  fsrs_params_exact (&params);
  pyprep_card_memory_init (&card, NOW);
  pyprep_interview_plan_compute (&params, &card, 1, NOW, NOW + 10 * DAY, 0.9, &plan, NULL);

  g_assert_cmpuint (plan.n_new, ==, 1);
  g_assert_cmpuint (plan.new_per_day, ==, 1);
  /* Started today, Good: S0 = w[2] = 2.3065, D = 2.1181, due in 2 days;
   * Good then (R = 0.9): S = 10.9643, due on day 13, so capped to day 9,
   * t = 7: S = 36.1236; on day 10, R(1, 36.1236) = 0.99588. The new
   * card's readiness is what the plan brings it to. */
  g_assert_cmpfloat_with_epsilon (plan.planned_recall, 0.99588, 1e-4);
  g_assert_cmpfloat_with_epsilon (plan.readiness, 0.99588, 1e-4);
  g_assert_cmpuint (plan.reviews_per_day, ==, 1);
  /* Without study a new card is not recalled at all. */
  g_assert_cmpfloat (plan.without_plan[10], ==, 0);
  g_assert_cmpfloat_with_epsilon (plan.with_plan[1], 0.94685, 1e-4);
}

/* Two new cards and the interview tomorrow: one a day leaves the second
 * unstarted (recall (0.94685 + 0) / 2 = 0.47342 < 0.9), so both today. */
static void
test_interview_tomorrow (void)
{
  PyprepFsrsParams params;
  PyprepCardMemory cards[2];
  PyprepInterviewPlan plan;
  double shares[2];

  fsrs_params_exact (&params);
  pyprep_card_memory_init (&cards[0], NOW);
  pyprep_card_memory_init (&cards[1], NOW);
  pyprep_interview_plan_compute (&params, cards, 2, NOW, NOW + DAY, 0.9, &plan, shares);

  g_assert_cmpuint (plan.days_left, ==, 1);
  g_assert_cmpuint (plan.new_per_day, ==, 2);
  /* R(1, 2.3065) = 0.94685 for each; no review before the day. */
  g_assert_cmpfloat_with_epsilon (plan.planned_recall, 0.94685, 1e-4);
  g_assert_cmpfloat_with_epsilon (shares[1], 0.94685, 1e-4);
  g_assert_cmpuint (plan.reviews_per_day, ==, 0);
  g_assert_true (plan.reachable);

  /* A target no plan reaches: everything today, and said so. */
  pyprep_interview_plan_compute (&params, cards, 2, NOW, NOW + DAY, 0.97, &plan, NULL);
  g_assert_cmpuint (plan.new_per_day, ==, 2);
  g_assert_false (plan.reachable);
}

/* The date is past: no plan, and the readiness is the recall that day. */
static void
test_interview_past (void)
{
  PyprepFsrsParams params;
  PyprepCardMemory cards[2];
  PyprepInterviewPlan plan;

  fsrs_params_exact (&params);
  cards[0] = reviewed (10, 5, 5, 5);
  pyprep_card_memory_init (&cards[1], NOW);
  pyprep_interview_plan_compute (&params, cards, 2, NOW, NOW - 3 * DAY, 0.9, &plan, NULL);

  g_assert_cmpuint (plan.days_left, ==, 0);
  g_assert_cmpuint (plan.new_per_day, ==, 0);
  g_assert_false (plan.reachable);
  /* Two days after the review: R(2, 10) = 0.97277, and 0 for the new card. */
  g_assert_cmpfloat_with_epsilon (plan.readiness, 0.97277 / 2, 1e-4);
  g_assert_cmpuint (plan.n_forecast, ==, 1);

  /* No cards at all. */
  pyprep_interview_plan_compute (&params, NULL, 0, NOW, NOW + 5 * DAY, 0.9, &plan, NULL);
  g_assert_cmpuint (plan.n_cards, ==, 0);
  g_assert_cmpfloat (plan.readiness, ==, 0);
  g_assert_false (plan.reachable);
}

/* The last days' rule: nothing is due after the interview without a
 * review the day before. */
static void
test_interview_cap_due (void)
{
  PyprepCardMemory m = reviewed (30, 5, 0, 30);
  gint64 interview = NOW + 10 * DAY;

  g_assert_cmpint (pyprep_interview_cap_due (&m, NOW, interview), ==, interview - DAY);
  /* Due before the interview: unchanged. */
  m.due = NOW + 4 * DAY;
  g_assert_cmpint (pyprep_interview_cap_due (&m, NOW, interview), ==, NOW + 4 * DAY);
  /* Answered on the day before already: it may run past. */
  m.due = NOW + 40 * DAY;
  g_assert_cmpint (pyprep_interview_cap_due (&m, interview - DAY + G_TIME_SPAN_HOUR, interview), ==,
                   NOW + 40 * DAY);
}

/* More cards than one a day can start in time need more a day, and the
 * plan never asks for more than it must. */
static void
test_interview_pace (void)
{
  PyprepFsrsParams params;
  PyprepCardMemory cards[30];
  PyprepInterviewPlan plan;
  PyprepInterviewPlan slower;

  fsrs_params_exact (&params);
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    pyprep_card_memory_init (&cards[i], NOW);
  pyprep_interview_plan_compute (&params, cards, 30, NOW, NOW + 10 * DAY, 0.9, &plan, NULL);

  /* 30 cards in the 10 days before: at least 3 a day to start them all. */
  g_assert_cmpuint (plan.new_per_day, ==, 3);
  g_assert_true (plan.reachable);
  g_assert_cmpfloat (plan.planned_recall, >=, 0.9);

  /* The target is on the average: in 7 days, 4 a day start 28 cards, each
   * above 0.94 on the day (at least 28 * 0.94 / 30 = 0.877 before their
   * reviews lift them past 0.9); 3 a day start 21, under 21 / 30 = 0.7. */
  pyprep_interview_plan_compute (&params, cards, 30, NOW, NOW + 7 * DAY, 0.9, &slower, NULL);
  g_assert_cmpuint (slower.new_per_day, ==, 4);
  g_assert_true (slower.reachable);
  g_assert_cmpfloat (slower.planned_recall, <, plan.planned_recall);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/interview/reviewed-card", test_interview_reviewed_card);
  g_test_add_func ("/pyprep/interview/new-card", test_interview_new_card);
  g_test_add_func ("/pyprep/interview/tomorrow", test_interview_tomorrow);
  g_test_add_func ("/pyprep/interview/past", test_interview_past);
  g_test_add_func ("/pyprep/interview/cap-due", test_interview_cap_due);
  g_test_add_func ("/pyprep/interview/pace", test_interview_pace);

  return g_test_run ();
}
