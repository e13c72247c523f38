/* pyprep-interview.h: readiness for an interview date, and the plan that reaches it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pyprep-fsrs.h"

G_BEGIN_DECLS

/* The forecast covers at most this many days before the interview. */
#define PYPREP_INTERVIEW_MAX_DAYS 366

/**
 * PyprepInterviewPlan:
 * @days_left: whole days from now to the interview, the interview day
 *   not counted; 0 when it is today or past
 * @n_cards: the cards planned for
 * @n_new: of them, those never answered
 * @readiness: the predicted recall on the day, averaged over the cards:
 *   for an answered card its retrievability then without further study,
 *   for a new card what it would reach if started at the plan's pace
 * @reachable: whether following the plan reaches the target
 * @planned_recall: the predicted recall on the day when the plan is followed
 * @new_per_day: new cards to start each day
 * @reviews_per_day: the most reviews any day of the plan asks for
 * @n_forecast: the days in @with_plan and @without_plan: today up to the
 *   interview day, both included
 * @with_plan: predicted recall, averaged over the cards, on each day when
 *   the plan is followed
 * @without_plan: the same with no more study
 *
 * What pyprep_interview_plan_compute() finds.
 */
typedef struct
{
  guint days_left;
  guint n_cards;
  guint n_new;
  double readiness;
  gboolean reachable;
  double planned_recall;
  guint new_per_day;
  guint reviews_per_day;
  guint n_forecast;
  double with_plan[PYPREP_INTERVIEW_MAX_DAYS + 1];
  double without_plan[PYPREP_INTERVIEW_MAX_DAYS + 1];
} PyprepInterviewPlan;

void    pyprep_interview_plan_compute (const PyprepFsrsParams *params,
                                       const PyprepCardMemory *cards,
                                       guint                   n_cards,
                                       gint64                  now,
                                       gint64                  interview,
                                       double                  target,
                                       PyprepInterviewPlan    *plan,
                                       double                 *card_readiness);
gint64  pyprep_interview_cap_due      (const PyprepCardMemory *memory,
                                       gint64                  now,
                                       gint64                  interview);

G_END_DECLS
