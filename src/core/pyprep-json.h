/* pyprep-json.h: reading members of JSON objects that come from files, whatever they hold.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

const char *pyprep_json_get_string (JsonObject *object,
                                    const char *name);
gboolean    pyprep_json_get_number (JsonObject *object,
                                    const char *name,
                                    double     *value);

G_END_DECLS
