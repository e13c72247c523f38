/* pyprep-merge-archive.h: a device's old answers in the synced folder, folded into weekly gzip archives.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean   pyprep_sync_archive_name_valid (const char  *name);
GPtrArray *pyprep_sync_read_lines         (const char  *path,
                                           gboolean    *complete);
gboolean   pyprep_sync_write_gzip_lines   (const char  *path,
                                           GPtrArray   *lines,
                                           GError     **error);
gboolean   pyprep_sync_compact_reviews    (const char  *dir,
                                           gint64       before,
                                           GError     **error);

G_END_DECLS
