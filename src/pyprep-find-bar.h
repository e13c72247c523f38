/* pyprep-find-bar.h: find in the entry shown: the field, the match count, next and previous.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-reader.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_FIND_BAR (pyprep_find_bar_get_type ())

G_DECLARE_FINAL_TYPE (PyprepFindBar, pyprep_find_bar, PYPREP, FIND_BAR, GtkWidget)

PyprepReader *pyprep_find_bar_get_reader   (PyprepFindBar *self);
void          pyprep_find_bar_set_reader   (PyprepFindBar *self,
                                            PyprepReader  *reader);
void          pyprep_find_bar_open         (PyprepFindBar *self);
void          pyprep_find_bar_search       (PyprepFindBar *self,
                                            const char    *text);
void          pyprep_find_bar_next         (PyprepFindBar *self);
void          pyprep_find_bar_previous     (PyprepFindBar *self);

G_END_DECLS
