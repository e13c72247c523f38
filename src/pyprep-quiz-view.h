/* pyprep-quiz-view.h: a review session over the due and new cards, in the whole window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-library.h"
#include "pyprep-readiness.h"
#include "pyprep-review-session.h"
#include "pyprep-store.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_QUIZ_VIEW (pyprep_quiz_view_get_type ())

G_DECLARE_FINAL_TYPE (PyprepQuizView, pyprep_quiz_view, PYPREP, QUIZ_VIEW, GtkWidget)

GtkWidget   *pyprep_quiz_view_new           (void);
void         pyprep_quiz_view_start         (PyprepQuizView *self,
                                             PyprepLibrary  *library,
                                             PyprepStore    *store);
void         pyprep_quiz_view_start_practice (PyprepQuizView *self,
                                             PyprepStore    *store,
                                             GPtrArray      *queue,
                                             const char     *title,
                                             const char     *empty_description);
void         pyprep_quiz_view_set_readiness (PyprepQuizView  *self,
                                             PyprepReadiness *readiness);

G_END_DECLS
