/* pyprep-html.h: the one helper that escapes text for HTML.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  pyprep_html_append_escaped (GString    *out,
                                  const char *text);
char *pyprep_html_escape         (const char *text);

G_END_DECLS
