/* pyprep-endings.h: every way the app can end writes the user's data first.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-store.h"

G_BEGIN_DECLS

typedef struct _PyprepEndings PyprepEndings;

PyprepEndings *pyprep_endings_new   (GApplication  *app,
                                     PyprepStore   *store);
gboolean       pyprep_endings_flush (PyprepEndings *self);
void           pyprep_endings_free  (PyprepEndings *self);

G_END_DECLS
