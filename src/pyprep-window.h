/* pyprep-window.h: the main window: topic sidebar and reader.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-library.h"
#include "pyprep-store.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_WINDOW (pyprep_window_get_type ())

G_DECLARE_FINAL_TYPE (PyprepWindow, pyprep_window, PYPREP, WINDOW, AdwApplicationWindow)

PyprepWindow *pyprep_window_new            (GtkApplication    *application,
                                            PyprepLibrary     *library,
                                            PyprepStore       *store);
void          pyprep_window_set_load_error (PyprepWindow      *self,
                                            const GError      *error);
void          pyprep_window_show_entry     (PyprepWindow      *self,
                                            PyprepEntry       *entry);
gboolean      pyprep_window_show_passage   (PyprepWindow      *self,
                                            const char        *entry_id,
                                            const char        *passage);
gboolean      pyprep_window_get_bookmarked (PyprepWindow      *self);
void          pyprep_window_set_bookmarked (PyprepWindow      *self,
                                            gboolean           bookmarked);
void          pyprep_window_set_filter     (PyprepWindow      *self,
                                            const char        *filter);
void          pyprep_window_report         (PyprepWindow      *self,
                                            const char        *title,
                                            const char        *message);
void          pyprep_window_review_when_loaded (PyprepWindow  *self);
GtkWidget    *pyprep_window_get_page       (PyprepWindow      *self,
                                            const char        *name);
void          pyprep_window_search         (PyprepWindow      *self,
                                            const char        *text);
void          pyprep_window_set_folder_failure (PyprepWindow  *self,
                                                const char    *uri,
                                                const char    *message);
void          pyprep_window_export_data_to (PyprepWindow      *self,
                                            GFile             *file);
void          pyprep_window_import_data_from (PyprepWindow    *self,
                                              GFile           *file);
void          pyprep_window_export_anki_to (PyprepWindow      *self,
                                            GFile             *file);
void          pyprep_window_export_annotations_to (PyprepWindow *self,
                                                   GFile        *file);

G_END_DECLS
