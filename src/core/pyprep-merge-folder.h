/* pyprep-merge-folder.h: the synced study folder: each device's change records and review log, read and merged.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pyprep-merge.h"
#include "pyprep-merge-archive.h"

G_BEGIN_DECLS

/**
 * PyprepSyncFile:
 * @PYPREP_SYNC_FILE_NONE: not a file of the folder
 * @PYPREP_SYNC_FILE_CHANGES: a device's change records
 * @PYPREP_SYNC_FILE_SNAPSHOT: a device's compacted change records, as an
 *   older Pyprep wrote them
 * @PYPREP_SYNC_FILE_PACKED_SNAPSHOT: a device's compacted change records,
 *   gzip-compressed
 * @PYPREP_SYNC_FILE_REVIEWS: a device's review log
 * @PYPREP_SYNC_FILE_ARCHIVE: a week of a device's old answers, moved out
 *   of its review log (pyprep-merge-archive.c)
 *
 * What a file in a device's folder holds.
 */
typedef enum
{
  PYPREP_SYNC_FILE_NONE,
  PYPREP_SYNC_FILE_CHANGES,
  PYPREP_SYNC_FILE_SNAPSHOT,
  PYPREP_SYNC_FILE_PACKED_SNAPSHOT,
  PYPREP_SYNC_FILE_REVIEWS,
  PYPREP_SYNC_FILE_ARCHIVE,
} PyprepSyncFile;

typedef struct _PyprepSyncFolder PyprepSyncFolder;

PyprepSyncFile    pyprep_sync_file_classify        (const char              *name,
                                                    gboolean                *conflict);
char             *pyprep_sync_file_identity        (const char              *path);
PyprepSyncFolder *pyprep_sync_folder_new           (const char              *path,
                                                    const char              *device_id);
void              pyprep_sync_folder_free          (PyprepSyncFolder        *self);
const char       *pyprep_sync_folder_get_path      (PyprepSyncFolder        *self);
char             *pyprep_sync_folder_dup_device_dir (PyprepSyncFolder       *self);
gboolean          pyprep_sync_folder_append        (PyprepSyncFolder        *self,
                                                    PyprepSyncFile           what,
                                                    GPtrArray               *lines,
                                                    GError                 **error);
guint             pyprep_sync_folder_merge         (PyprepSyncFolder        *self,
                                                    JsonObject              *root,
                                                    GHashTable              *known_reviews,
                                                    GPtrArray               *new_reviews,
                                                    PyprepMergeChangedFunc   changed,
                                                    gpointer                 user_data);
gboolean          pyprep_sync_folder_compact       (PyprepSyncFolder        *self,
                                                    gint64                   before,
                                                    GError                 **error);
GPtrArray        *pyprep_sync_folder_dup_own_answers (PyprepSyncFolder      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepSyncFolder, pyprep_sync_folder_free)

G_END_DECLS
