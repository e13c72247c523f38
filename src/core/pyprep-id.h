/* pyprep-id.h: the IDs of decks, topics, entries and questions.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  pyprep_id_is_valid  (const char *id);
char     *pyprep_id_from_text (const char *text);

G_END_DECLS
