/* pyprep-reader.h: the reader, the one place that configures and drives WebKit.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-library.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_READER (pyprep_reader_get_type ())

#define PYPREP_READER_MIN_ZOOM 0.5
#define PYPREP_READER_MAX_ZOOM 3.0

G_DECLARE_FINAL_TYPE (PyprepReader, pyprep_reader, PYPREP, READER, AdwBin)

PyprepLibrary *pyprep_reader_get_library (PyprepReader  *self);
void           pyprep_reader_set_library (PyprepReader  *self,
                                          PyprepLibrary *library);
PyprepEntry   *pyprep_reader_get_entry   (PyprepReader  *self);
void           pyprep_reader_show_entry  (PyprepReader  *self,
                                          PyprepEntry   *entry);
void           pyprep_reader_show_entry_at (PyprepReader *self,
                                            PyprepEntry  *entry,
                                            double        scroll);
void           pyprep_reader_replace_entry (PyprepReader *self,
                                            PyprepEntry  *entry);
gboolean       pyprep_reader_go_back     (PyprepReader  *self);
gboolean       pyprep_reader_go_forward  (PyprepReader  *self);
gboolean       pyprep_reader_get_can_go_back    (PyprepReader *self);
gboolean       pyprep_reader_get_can_go_forward (PyprepReader *self);
double         pyprep_reader_get_zoom_level (PyprepReader *self);
void           pyprep_reader_set_zoom_level (PyprepReader *self,
                                             double        zoom);
GtkWidget     *pyprep_reader_get_view    (PyprepReader  *self);
void           pyprep_reader_get_selection_async  (PyprepReader         *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean       pyprep_reader_get_selection_finish (PyprepReader         *self,
                                                   GAsyncResult         *result,
                                                   char                **quote,
                                                   char                **prefix,
                                                   char                **suffix,
                                                   GError              **error);
void           pyprep_reader_set_passages (PyprepReader *self,
                                           GPtrArray    *annotations);
void           pyprep_reader_reveal_passage (PyprepReader *self,
                                             const char   *annotation_id);
void           pyprep_reader_find         (PyprepReader *self,
                                           const char   *text);
void           pyprep_reader_find_next    (PyprepReader *self);
void           pyprep_reader_find_previous (PyprepReader *self);
void           pyprep_reader_print        (PyprepReader *self);

G_END_DECLS
