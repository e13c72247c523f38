/* pyprep-window-private.h: what the UI tests reach inside the window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-annotation-panel.h"
#include "pyprep-reader.h"
#include "pyprep-window.h"

G_BEGIN_DECLS

PyprepReader       *pyprep_window_get_reader     (PyprepWindow *self);
GtkSingleSelection *pyprep_window_get_selection  (PyprepWindow *self);
guint               pyprep_window_get_n_due      (PyprepWindow *self);
void                pyprep_window_export_data_to (PyprepWindow *self,
                                                  GFile        *file);
void                pyprep_window_import_data_from (PyprepWindow *self,
                                                    GFile        *file);
void                pyprep_window_export_annotations_to (PyprepWindow *self,
                                                         GFile        *file);

G_END_DECLS
