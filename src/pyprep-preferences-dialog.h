/* pyprep-preferences-dialog.h: style, deck language and text size.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PYPREP_TYPE_PREFERENCES_DIALOG (pyprep_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PyprepPreferencesDialog, pyprep_preferences_dialog, PYPREP, PREFERENCES_DIALOG, AdwPreferencesDialog)

AdwDialog *pyprep_preferences_dialog_new (void);

G_END_DECLS
