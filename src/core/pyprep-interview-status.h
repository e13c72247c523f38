/* pyprep-interview-status.h: where the user stands for the interview date: readiness per topic, the plan, on track or behind.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-interview.h"
#include "pyprep-store.h"
#include "pyprep-topic.h"

G_BEGIN_DECLS

/* In the last days before the interview the queue takes the cards least
 * likely recalled on the day first. */
#define PYPREP_INTERVIEW_LAST_DAYS 3

/**
 * PyprepInterviewStatus:
 * @interview: when the interview day starts, microseconds since the epoch
 * @target: the recall wanted on the day
 * @plan: readiness, the plan and the forecast over the covered cards
 * @n_overdue: covered cards due before today that are still waiting
 * @behind: cards behind the plan: @n_overdue, and when even the plan
 *   falls short of @target, the shortfall counted in cards; 0 on track
 * @last_days: whether the interview is at most
 *   %PYPREP_INTERVIEW_LAST_DAYS days away
 * @passed: whether the interview day is over
 *
 * What pyprep_interview_status_compute() finds.
 */
typedef struct
{
  gint64 interview;
  double target;
  PyprepInterviewPlan plan;
  guint n_overdue;
  guint behind;
  gboolean last_days;
  gboolean passed;

  /*< private >*/
  GArray *topics;
} PyprepInterviewStatus;

PyprepInterviewStatus *pyprep_interview_status_compute        (GListModel                  *entries,
                                                               PyprepStore                 *store,
                                                               const PyprepFsrsParams      *params,
                                                               gint64                       now);
void                   pyprep_interview_status_free           (PyprepInterviewStatus       *status);
double                 pyprep_interview_status_get_topic      (const PyprepInterviewStatus *status,
                                                               PyprepTopic                 *topic);
char                  *pyprep_interview_dup_topic_id          (PyprepTopic                 *topic);
char                  *pyprep_interview_status_dup_heading    (const PyprepInterviewStatus *status);
char                  *pyprep_interview_status_dup_advice     (const PyprepInterviewStatus *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepInterviewStatus, pyprep_interview_status_free)

G_END_DECLS
