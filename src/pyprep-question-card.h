/* pyprep-question-card.h: a multiple-choice question: the choices, then what was right and why.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-entry.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_QUESTION_CARD (pyprep_question_card_get_type ())

G_DECLARE_FINAL_TYPE (PyprepQuestionCard, pyprep_question_card, PYPREP, QUESTION_CARD, GtkWidget)

void     pyprep_question_card_set_question  (PyprepQuestionCard   *self,
                                             const PyprepQuestion *question);
void     pyprep_question_card_toggle_choice (PyprepQuestionCard   *self,
                                             guint                 index);
gboolean pyprep_question_card_get_chosen    (PyprepQuestionCard   *self,
                                             gboolean             *right);
void     pyprep_question_card_show_feedback (PyprepQuestionCard   *self);

G_END_DECLS
