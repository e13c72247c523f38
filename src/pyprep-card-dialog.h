/* pyprep-card-dialog.h: makes an annotation a recall card, or changes or removes its card.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-store.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_CARD_DIALOG (pyprep_card_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PyprepCardDialog, pyprep_card_dialog, PYPREP, CARD_DIALOG, AdwAlertDialog)

AdwDialog *pyprep_card_dialog_new (PyprepStore            *store,
                                   const PyprepAnnotation *annotation);

G_END_DECLS
