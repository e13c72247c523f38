/* pyprep-sidebar.h: the sidebar: the review button, the search field, the filters and the entries of every topic.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-due-counts.h"
#include "pyprep-library.h"
#include "pyprep-readiness.h"
#include "pyprep-store.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_SIDEBAR (pyprep_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (PyprepSidebar, pyprep_sidebar, PYPREP, SIDEBAR, AdwNavigationPage)

PyprepLibrary *pyprep_sidebar_get_library        (PyprepSidebar *self);
void           pyprep_sidebar_set_library        (PyprepSidebar *self,
                                                  PyprepLibrary *library);
PyprepStore   *pyprep_sidebar_get_store          (PyprepSidebar *self);
void           pyprep_sidebar_set_store          (PyprepSidebar *self,
                                                  PyprepStore   *store);
const char    *pyprep_sidebar_get_filter         (PyprepSidebar *self);
void           pyprep_sidebar_set_filter         (PyprepSidebar *self,
                                                  const char    *filter);
guint          pyprep_sidebar_get_n_due          (PyprepSidebar *self);
void           pyprep_sidebar_refresh_due_counts (PyprepSidebar *self);
PyprepDueCounts *pyprep_sidebar_get_due_counts   (PyprepSidebar *self);
PyprepReadiness *pyprep_sidebar_get_readiness    (PyprepSidebar *self);
void           pyprep_sidebar_select_entry       (PyprepSidebar *self,
                                                  PyprepEntry   *entry);
PyprepEntry   *pyprep_sidebar_get_neighbour      (PyprepSidebar *self,
                                                  PyprepEntry   *entry,
                                                  int            direction);
void           pyprep_sidebar_focus_search       (PyprepSidebar *self);
void           pyprep_sidebar_search             (PyprepSidebar *self,
                                                  const char    *text);
void           pyprep_sidebar_set_load_error     (PyprepSidebar *self,
                                                  const char    *message);

G_END_DECLS
