/* pyprep-store-interview.h: the interview date, the topics it covers and its target, kept in the user data.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-store.h"

G_BEGIN_DECLS

/* The recall wanted on the interview day, unless the user chose another. */
#define PYPREP_INTERVIEW_DEFAULT_TARGET 0.9
#define PYPREP_INTERVIEW_MIN_TARGET 0.7
#define PYPREP_INTERVIEW_MAX_TARGET 0.99

gboolean  pyprep_store_get_interview_date   (PyprepStore        *self,
                                             GDate              *date);
gint64    pyprep_store_get_interview_start  (PyprepStore        *self);
double    pyprep_store_get_interview_target (PyprepStore        *self);
gboolean  pyprep_store_has_interview_target (PyprepStore        *self);
GStrv     pyprep_store_dup_interview_topics (PyprepStore        *self);
void      pyprep_store_set_interview        (PyprepStore        *self,
                                             const GDate        *date,
                                             const char * const *topics,
                                             double              target);
gboolean  pyprep_interview_covers           (const char * const *topics,
                                             const char         *deck_id,
                                             const char         *topic_id);
gint64    pyprep_interview_date_to_start    (const GDate        *date);

G_END_DECLS
