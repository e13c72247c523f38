/* pyprep-window-private.h: what the UI tests reach inside the window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-annotation-panel.h"
#include "pyprep-reader.h"
#include "pyprep-window.h"

G_BEGIN_DECLS

PyprepReader       *pyprep_window_get_reader     (PyprepWindow *self);
GtkListView        *pyprep_window_get_entry_list (PyprepWindow *self);
GtkSingleSelection *pyprep_window_get_selection  (PyprepWindow *self);
AdwNavigationSplitView *pyprep_window_get_split_view (PyprepWindow *self);
PyprepAnnotationPanel *pyprep_window_get_annotation_panel (PyprepWindow *self);
AdwBanner          *pyprep_window_get_banner     (PyprepWindow *self);
AdwBanner          *pyprep_window_get_problems_banner (PyprepWindow *self);
AdwToastOverlay    *pyprep_window_get_toast_overlay (PyprepWindow *self);
GtkSearchEntry     *pyprep_window_get_find_entry (PyprepWindow *self);
GtkSearchEntry     *pyprep_window_get_search_entry (PyprepWindow *self);
GListModel         *pyprep_window_get_results    (PyprepWindow *self);
gboolean            pyprep_window_get_search_ready (PyprepWindow *self);
GtkLabel           *pyprep_window_get_find_count (PyprepWindow *self);
GtkStack           *pyprep_window_get_main_stack (PyprepWindow *self);
GtkWidget          *pyprep_window_get_quiz_view  (PyprepWindow *self);
GtkWidget          *pyprep_window_get_stats_view (PyprepWindow *self);
guint               pyprep_window_get_n_due      (PyprepWindow *self);
void                pyprep_window_export_data_to (PyprepWindow *self,
                                                  GFile        *file);
void                pyprep_window_import_data_from (PyprepWindow *self,
                                                    GFile        *file);
void                pyprep_window_export_annotations_to (PyprepWindow *self,
                                                         GFile        *file);

G_END_DECLS
