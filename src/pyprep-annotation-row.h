/* pyprep-annotation-row.h: one annotation in the side panel, shown or edited in place.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-store.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_ANNOTATION_ROW (pyprep_annotation_row_get_type ())

G_DECLARE_FINAL_TYPE (PyprepAnnotationRow, pyprep_annotation_row, PYPREP, ANNOTATION_ROW, AdwBin)

GtkWidget              *pyprep_annotation_row_new            (PyprepStore            *store,
                                                              const PyprepAnnotation *annotation);
void                    pyprep_annotation_row_set_annotation (PyprepAnnotationRow    *self,
                                                              const PyprepAnnotation *annotation);
const PyprepAnnotation *pyprep_annotation_row_get_annotation (PyprepAnnotationRow    *self);
void                    pyprep_annotation_row_name_item      (PyprepAnnotationRow    *self,
                                                              GtkListItem            *item);
char                   *pyprep_annotation_row_dup_draft      (PyprepAnnotationRow    *self);
void                    pyprep_annotation_row_make_card      (PyprepAnnotationRow    *self);
void                    pyprep_annotation_row_set_missing    (PyprepAnnotationRow    *self,
                                                              gboolean                missing);
gboolean                pyprep_annotation_row_get_missing    (PyprepAnnotationRow    *self);
void                    pyprep_annotation_row_edit           (PyprepAnnotationRow    *self);
void                    pyprep_annotation_row_edit_draft     (PyprepAnnotationRow    *self,
                                                              const char             *draft);

G_END_DECLS
