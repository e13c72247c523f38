/* pyprep-predict-card.h: a predict-the-output question: the program, the user's prediction, then the real output and a diff.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-entry.h"
#include "pyprep-fsrs.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_PREDICT_CARD (pyprep_predict_card_get_type ())

G_DECLARE_FINAL_TYPE (PyprepPredictCard, pyprep_predict_card, PYPREP, PREDICT_CARD, GtkWidget)

void      pyprep_predict_card_set_predict (PyprepPredictCard   *self,
                                           const PyprepPredict *predict);
char     *pyprep_predict_card_dup_answer  (PyprepPredictCard   *self);
gboolean  pyprep_predict_card_is_right    (PyprepPredictCard   *self);
void      pyprep_predict_card_show_result (PyprepPredictCard   *self,
                                           PyprepRating         rating);
gboolean  pyprep_predict_card_get_checked (PyprepPredictCard   *self);

G_END_DECLS
