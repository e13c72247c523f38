/* pyprep-problems-dialog.h: the problems found in the open notes, one line each.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-library.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_PROBLEMS_DIALOG (pyprep_problems_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PyprepProblemsDialog, pyprep_problems_dialog, PYPREP, PROBLEMS_DIALOG, AdwAlertDialog)

AdwDialog *pyprep_problems_dialog_new            (PyprepLibrary *library);
guint      pyprep_problems_dialog_count_problems (PyprepLibrary *library);

G_END_DECLS
