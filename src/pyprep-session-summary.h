/* pyprep-session-summary.h: the end of a session: the score, the time, results per topic, cards missed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-review-session.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_SESSION_SUMMARY (pyprep_session_summary_get_type ())

G_DECLARE_FINAL_TYPE (PyprepSessionSummary, pyprep_session_summary, PYPREP, SESSION_SUMMARY, GtkWidget)

void pyprep_session_summary_show (PyprepSessionSummary *self,
                                  PyprepReviewSession  *session);

G_END_DECLS
