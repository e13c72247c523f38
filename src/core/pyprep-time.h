/* pyprep-time.h: times in the user data: ISO 8601 text, calendar days, JSON members.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char      *pyprep_format_time      (gint64       usec);
gboolean   pyprep_parse_time       (const char  *text,
                                    gint64      *usec);

GDateTime *pyprep_time_to_utc      (gint64       usec);
GDateTime *pyprep_time_to_local    (gint64       usec);
char      *pyprep_time_format_utc  (gint64       usec,
                                    const char  *format);
int        pyprep_time_local_day   (gint64       usec);

gboolean   pyprep_time_get_member  (JsonObject  *object,
                                    const char  *name,
                                    gint64      *usec);
void       pyprep_time_set_member  (JsonObject  *object,
                                    const char  *name,
                                    gint64       usec);

G_END_DECLS
