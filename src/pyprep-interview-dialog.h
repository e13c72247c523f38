/* pyprep-interview-dialog.h: the interview date: the day, the topics it covers and the recall wanted.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-library.h"
#include "pyprep-store.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_INTERVIEW_DIALOG (pyprep_interview_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PyprepInterviewDialog, pyprep_interview_dialog, PYPREP, INTERVIEW_DIALOG, AdwDialog)

AdwDialog *pyprep_interview_dialog_new (PyprepLibrary *library,
                                        PyprepStore   *store,
                                        double         default_target);

G_END_DECLS
