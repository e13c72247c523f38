/* pyprep-readiness.h: the interview status of the open decks, kept up to date for the pages that show it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-interview-status.h"
#include "pyprep-library.h"
#include "pyprep-store.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_READINESS (pyprep_readiness_get_type ())

G_DECLARE_FINAL_TYPE (PyprepReadiness, pyprep_readiness, PYPREP, READINESS, GObject)

PyprepReadiness             *pyprep_readiness_new           (PyprepLibrary          *library,
                                                             PyprepStore            *store);
void                         pyprep_readiness_set_params    (PyprepReadiness        *self,
                                                             const PyprepFsrsParams *params);
void                         pyprep_readiness_update        (PyprepReadiness        *self);
const PyprepInterviewStatus *pyprep_readiness_get_status    (PyprepReadiness        *self);
double                       pyprep_readiness_get_for_topic (PyprepReadiness        *self,
                                                             PyprepTopic            *topic);
gboolean                     pyprep_readiness_follow        (PyprepReadiness       **slot,
                                                             PyprepReadiness        *readiness,
                                                             GCallback               changed,
                                                             gpointer                data);

G_END_DECLS
