/* pyprep-search-provider.h: entries found from GNOME's Activities overview.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-library.h"
#include "pyprep-store.h"

G_BEGIN_DECLS

#define PYPREP_SEARCH_PROVIDER_PATH_SUFFIX "/SearchProvider"

#define PYPREP_TYPE_SEARCH_PROVIDER (pyprep_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (PyprepSearchProvider, pyprep_search_provider, PYPREP, SEARCH_PROVIDER, GObject)

PyprepSearchProvider *pyprep_search_provider_new      (GtkApplication       *app,
                                                       PyprepLibrary        *library,
                                                       PyprepStore          *store);
gboolean              pyprep_search_provider_export   (PyprepSearchProvider *self,
                                                       GDBusConnection      *connection,
                                                       const char           *object_path,
                                                       GError              **error);
void                  pyprep_search_provider_unexport (PyprepSearchProvider *self);

G_END_DECLS
