/* pyprep-due-counts.h: how many cards are due now: in all, per deck and per topic.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-library.h"
#include "pyprep-store.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_DUE_COUNTS (pyprep_due_counts_get_type ())

G_DECLARE_FINAL_TYPE (PyprepDueCounts, pyprep_due_counts, PYPREP, DUE_COUNTS, GObject)

PyprepDueCounts *pyprep_due_counts_new           (PyprepLibrary   *library,
                                                  PyprepStore     *store);
PyprepLibrary   *pyprep_due_counts_get_library   (PyprepDueCounts *self);
PyprepStore     *pyprep_due_counts_get_store     (PyprepDueCounts *self);
void             pyprep_due_counts_update        (PyprepDueCounts *self);
guint            pyprep_due_counts_get_total     (PyprepDueCounts *self);
guint            pyprep_due_counts_get_for_deck  (PyprepDueCounts *self,
                                                  PyprepDeck      *deck);
guint            pyprep_due_counts_get_for_topic (PyprepDueCounts *self,
                                                  PyprepTopic     *topic);

G_END_DECLS
