/* pyprep-search-private.h: what the search's files share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *_pyprep_search_clean_markdown (const char *text);
glong  _pyprep_search_clean_offset   (const char *clean,
                                      glong       norm_offset);

G_END_DECLS
