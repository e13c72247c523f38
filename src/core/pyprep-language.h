/* pyprep-language.h: picks the language a deck is shown in.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *pyprep_pick_language (const char * const *available,
                            const char * const *wanted);

G_END_DECLS
