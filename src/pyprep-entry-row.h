/* pyprep-entry-row.h: a sidebar row: an entry's title with its bookmark and annotation marks.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-entry.h"
#include "pyprep-store.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_ENTRY_ROW (pyprep_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (PyprepEntryRow, pyprep_entry_row, PYPREP, ENTRY_ROW, GtkWidget)

PyprepEntry *pyprep_entry_row_get_entry (PyprepEntryRow *self);
void         pyprep_entry_row_set_entry (PyprepEntryRow *self,
                                         PyprepEntry    *entry);
const char  *pyprep_entry_row_get_marks (PyprepEntryRow *self);
PyprepStore *pyprep_entry_row_get_store (PyprepEntryRow *self);
void         pyprep_entry_row_set_store (PyprepEntryRow *self,
                                         PyprepStore    *store);

G_END_DECLS
