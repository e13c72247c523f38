/* pyprep-stats-view.h: the progress page: what is due, how reviews went, practice and decks.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-due-counts.h"
#include "pyprep-library.h"
#include "pyprep-readiness.h"
#include "pyprep-store.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_STATS_VIEW (pyprep_stats_view_get_type ())

G_DECLARE_FINAL_TYPE (PyprepStatsView, pyprep_stats_view, PYPREP, STATS_VIEW, GtkWidget)

GtkWidget *pyprep_stats_view_new     (void);
void       pyprep_stats_view_refresh (PyprepStatsView *self,
                                      PyprepDueCounts *due_counts);
void       pyprep_stats_view_set_readiness (PyprepStatsView *self,
                                            PyprepReadiness *readiness);

G_END_DECLS
