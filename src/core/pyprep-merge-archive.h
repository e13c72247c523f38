/* pyprep-merge-archive.h: a device's old answers in the synced folder, folded into weekly gzip archives.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PYPREP_SYNC_DEVICES "devices"
#define PYPREP_SYNC_CHANGES "changes.jsonl"
#define PYPREP_SYNC_SNAPSHOT "snapshot.jsonl"
#define PYPREP_SYNC_PACKED_SNAPSHOT "snapshot.jsonl.gz"
#define PYPREP_SYNC_REVIEWS "review-log.jsonl"
/* Change records older than this many days fold into the snapshot, and
 * answers of weeks that ended that long ago move to archives. */
#define PYPREP_SYNC_COMPACT_DAYS 30

gboolean   pyprep_sync_archive_name_valid (const char  *name);
GPtrArray *pyprep_sync_read_lines         (const char  *path,
                                           gboolean    *complete);
gboolean   pyprep_sync_write_gzip_lines   (const char  *path,
                                           GPtrArray   *lines,
                                           GError     **error);
int        pyprep_sync_lock               (const char  *path);
gboolean   pyprep_sync_write_lines        (const char  *path,
                                           GPtrArray   *lines,
                                           GError     **error);
gboolean   pyprep_sync_compact_reviews    (const char  *dir,
                                           gint64       before,
                                           GError     **error);

G_END_DECLS
