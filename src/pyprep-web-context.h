/* pyprep-web-context.h: the one place that configures WebKit.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <webkit/webkit.h>

#include "pyprep-library.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_WEB_CONTEXT (pyprep_web_context_get_type ())

G_DECLARE_FINAL_TYPE (PyprepWebContext, pyprep_web_context, PYPREP, WEB_CONTEXT, GObject)

PyprepWebContext *pyprep_web_context_new          (void);
void              pyprep_web_context_set_library  (PyprepWebContext *self,
                                                   PyprepLibrary    *library);
WebKitWebView    *pyprep_web_context_create_view  (PyprepWebContext *self);
gboolean          pyprep_web_context_get_ready    (PyprepWebContext *self);
char             *pyprep_web_context_render_entry (PyprepWebContext *self,
                                                   PyprepEntry      *entry);
const char       *pyprep_web_context_get_page_classes (PyprepWebContext *self);

G_END_DECLS
