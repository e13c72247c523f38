/* pyprep-pango.h: turns a user's Markdown (annotations) into safe Pango markup.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *pyprep_markdown_to_pango (const char *markdown);

G_END_DECLS
