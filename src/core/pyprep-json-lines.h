/* pyprep-json-lines.h: JSON helpers for the deck manifest: object lines, translated strings.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _PyprepJsonLines PyprepJsonLines;

PyprepJsonLines *pyprep_json_lines_new         (JsonParser      *parser);
void             pyprep_json_lines_free        (PyprepJsonLines *self);
int              pyprep_json_lines_get         (PyprepJsonLines *self,
                                                JsonObject      *object);
const char      *pyprep_json_localized_string  (JsonNode        *node,
                                                const char      *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepJsonLines, pyprep_json_lines_free)

G_END_DECLS
