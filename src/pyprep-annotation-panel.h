/* pyprep-annotation-panel.h: the side panel listing an entry's annotations.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-entry.h"
#include "pyprep-store.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_ANNOTATION_PANEL (pyprep_annotation_panel_get_type ())

G_DECLARE_FINAL_TYPE (PyprepAnnotationPanel, pyprep_annotation_panel, PYPREP, ANNOTATION_PANEL, AdwBin)

void        pyprep_annotation_panel_set_store   (PyprepAnnotationPanel *self,
                                                 PyprepStore           *store);
void        pyprep_annotation_panel_set_entry   (PyprepAnnotationPanel *self,
                                                 PyprepEntry           *entry);
void        pyprep_annotation_panel_compose     (PyprepAnnotationPanel *self,
                                                 const char            *quote,
                                                 const char            *prefix,
                                                 const char            *suffix);
void        pyprep_annotation_panel_set_found   (PyprepAnnotationPanel *self,
                                                 const char * const    *found);
gboolean    pyprep_annotation_panel_make_card   (PyprepAnnotationPanel *self);

G_END_DECLS
