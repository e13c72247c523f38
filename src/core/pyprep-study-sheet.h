/* pyprep-study-sheet.h: every annotation as one Markdown study sheet, grouped by topic.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-library.h"
#include "pyprep-store.h"

G_BEGIN_DECLS

char *pyprep_study_sheet_new (PyprepStore   *store,
                              PyprepLibrary *library,
                              const char    *title);

G_END_DECLS
