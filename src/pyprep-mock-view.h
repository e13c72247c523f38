/* pyprep-mock-view.h: a mock interview: choose its length and topics, answer against the clock, then the report.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-library.h"
#include "pyprep-mock-interview.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_MOCK_VIEW (pyprep_mock_view_get_type ())

G_DECLARE_FINAL_TYPE (PyprepMockView, pyprep_mock_view, PYPREP, MOCK_VIEW, GtkWidget)

void                 pyprep_mock_view_setup         (PyprepMockView *self,
                                                     PyprepLibrary  *library);
void                 pyprep_mock_view_set_store     (PyprepMockView *self,
                                                     PyprepStore    *store);
PyprepMockInterview *pyprep_mock_view_get_interview (PyprepMockView *self);

G_END_DECLS
