/* pyprep-search-panel.h: searching every open deck: the index, the results and their keys.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-library.h"
#include "pyprep-store.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_SEARCH_PANEL (pyprep_search_panel_get_type ())

G_DECLARE_FINAL_TYPE (PyprepSearchPanel, pyprep_search_panel, PYPREP, SEARCH_PANEL, GtkWidget)

PyprepLibrary  *pyprep_search_panel_get_library (PyprepSearchPanel *self);
void            pyprep_search_panel_set_library (PyprepSearchPanel *self,
                                                 PyprepLibrary     *library);
PyprepStore    *pyprep_search_panel_get_store   (PyprepSearchPanel *self);
void            pyprep_search_panel_set_store   (PyprepSearchPanel *self,
                                                 PyprepStore       *store);
GtkSearchEntry *pyprep_search_panel_get_entry   (PyprepSearchPanel *self);
void            pyprep_search_panel_set_entry   (PyprepSearchPanel *self,
                                                 GtkSearchEntry    *entry);
const char     *pyprep_search_panel_get_query   (PyprepSearchPanel *self);
GListModel     *pyprep_search_panel_get_results (PyprepSearchPanel *self);
gboolean        pyprep_search_panel_get_ready   (PyprepSearchPanel *self);

G_END_DECLS
