/* pyprep-store.h: the user's data: bookmarks, annotations, reading state and card states.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pyprep-annotation.h"
#include "pyprep-review-log.h"
#include "pyprep-time.h"

G_BEGIN_DECLS

#define PYPREP_STORE_SCHEMA_VERSION 1
#define PYPREP_STORE_FILE "user-data.json"
#define PYPREP_STORE_REVIEW_LOG PYPREP_REVIEW_LOG_FILE
#define PYPREP_STORE_BACKUPS "backups"
#define PYPREP_STORE_KEEP_BACKUPS 7
/* Saves wait this long after the last change, so a burst of edits is one write. */
#define PYPREP_STORE_SAVE_DELAY_MS 500

#define PYPREP_STORE_ERROR (pyprep_store_error_quark ())

/**
 * PyprepStoreError:
 * @PYPREP_STORE_ERROR_CORRUPT: a data file is not valid JSON or not a valid document
 * @PYPREP_STORE_ERROR_NEWER: the data file comes from a newer Pyprep
 * @PYPREP_STORE_ERROR_READ_ONLY: the store is read-only and cannot save
 * @PYPREP_STORE_ERROR_IO: a file could not be read or written
 * @PYPREP_STORE_ERROR_NO_SPACE: a file could not be written: the disk is
 *   full (or the user's quota, or a size limit, reached)
 * @PYPREP_STORE_ERROR_READ_ONLY_FOLDER: a file could not be written: the
 *   folder is on a read-only file system
 * @PYPREP_STORE_ERROR_PERMISSION: a file could not be written: no
 *   permission
 */
typedef enum
{
  PYPREP_STORE_ERROR_CORRUPT,
  PYPREP_STORE_ERROR_NEWER,
  PYPREP_STORE_ERROR_READ_ONLY,
  PYPREP_STORE_ERROR_IO,
  PYPREP_STORE_ERROR_NO_SPACE,
  PYPREP_STORE_ERROR_READ_ONLY_FOLDER,
  PYPREP_STORE_ERROR_PERMISSION,
} PyprepStoreError;

/**
 * PyprepImportSummary:
 *
 * What an import merged into the store.
 */
typedef struct
{
  guint bookmarks_added;
  guint annotations_added;
  guint annotations_updated;
  guint annotations_kept;
  guint cards_updated;
  guint entries_read;
  gboolean interview_updated;
} PyprepImportSummary;

/**
 * PyprepClockFunc:
 * @user_data: data given with the clock
 *
 * Returns: the current time, in microseconds since the epoch (UTC)
 */
typedef gint64 (*PyprepClockFunc) (gpointer user_data);

#define PYPREP_TYPE_STORE (pyprep_store_get_type ())

G_DECLARE_FINAL_TYPE (PyprepStore, pyprep_store, PYPREP, STORE, GObject)

GQuark            pyprep_store_error_quark        (void);

PyprepStore      *pyprep_store_new                (GFile            *folder);
GFile            *pyprep_store_get_folder         (PyprepStore      *self);
gboolean          pyprep_store_load               (PyprepStore      *self,
                                                   GError          **error);
const char       *pyprep_store_get_recovery_message (PyprepStore    *self);
const char       *pyprep_store_get_set_aside_path (PyprepStore      *self);
const char       *pyprep_store_get_offered_backup (PyprepStore      *self);
gboolean          pyprep_store_use_backup         (PyprepStore      *self,
                                                   GError          **error);
gboolean          pyprep_store_get_read_only      (PyprepStore      *self);
void              pyprep_store_set_clock          (PyprepStore      *self,
                                                   PyprepClockFunc   clock,
                                                   gpointer          user_data);
gint64            pyprep_store_now                (PyprepStore      *self);

gboolean          pyprep_store_get_bookmarked     (PyprepStore      *self,
                                                   const char       *entry_id);
void              pyprep_store_set_bookmarked     (PyprepStore      *self,
                                                   const char       *entry_id,
                                                   gboolean          bookmarked);
GStrv             pyprep_store_dup_bookmarks      (PyprepStore      *self);
gint64            pyprep_store_get_bookmark_time  (PyprepStore      *self,
                                                   const char       *entry_id);

char             *pyprep_store_add_annotation     (PyprepStore      *self,
                                                   const char       *entry_id,
                                                   const char       *text,
                                                   const char       *quote,
                                                   const char       *prefix,
                                                   const char       *suffix);
gboolean          pyprep_store_update_annotation  (PyprepStore      *self,
                                                   const char       *id,
                                                   const char       *text);
PyprepAnnotation *pyprep_store_remove_annotation  (PyprepStore      *self,
                                                   const char       *id);
void              pyprep_store_restore_annotation (PyprepStore      *self,
                                                   const PyprepAnnotation *annotation);
PyprepAnnotation *pyprep_store_dup_annotation     (PyprepStore      *self,
                                                   const char       *id);
GPtrArray        *pyprep_store_dup_annotations    (PyprepStore      *self,
                                                   const char       *entry_id);
guint             pyprep_store_count_annotations  (PyprepStore      *self,
                                                   const char       *entry_id);
GStrv             pyprep_store_dup_annotation_ids (PyprepStore      *self,
                                                   const char       *entry_id);
gboolean          pyprep_store_make_annotation_card (PyprepStore    *self,
                                                     const char     *id,
                                                     const char     *question);
PyprepAnnotation *pyprep_store_remove_annotation_card (PyprepStore  *self,
                                                       const char   *id);
PyprepAnnotation *pyprep_store_remove_annotation_keep_card (PyprepStore *self,
                                                            const char  *id);
GPtrArray        *pyprep_store_dup_annotation_cards (PyprepStore    *self);

void              pyprep_store_set_last_entry     (PyprepStore      *self,
                                                   const char       *entry_id,
                                                   double            scroll);
const char       *pyprep_store_get_last_entry     (PyprepStore      *self);
double            pyprep_store_get_scroll         (PyprepStore      *self,
                                                   const char       *entry_id);
void              pyprep_store_mark_read          (PyprepStore      *self,
                                                   const char       *entry_id);
gboolean          pyprep_store_get_read           (PyprepStore      *self,
                                                   const char       *entry_id);

JsonObject       *pyprep_store_get_card_state     (PyprepStore      *self,
                                                   const char       *card_id);
void              pyprep_store_set_card_state     (PyprepStore      *self,
                                                   const char       *card_id,
                                                   JsonObject       *state);
gboolean          pyprep_store_append_review      (PyprepStore      *self,
                                                   JsonObject       *review,
                                                   GError          **error);

gboolean          pyprep_store_get_dirty          (PyprepStore      *self);
guint             pyprep_store_count_unsaved      (PyprepStore      *self,
                                                   const char       *what);
const GError     *pyprep_store_get_save_error     (PyprepStore      *self);
void              pyprep_store_set_fault          (PyprepStore      *self,
                                                   int               error_number);
/**
 * PyprepStoreTemporaryFunc:
 * @path: a temporary file a save just created
 * @user_data: what pyprep_store_set_temporary_hook() was given
 */
typedef void (*PyprepStoreTemporaryFunc) (const char *path,
                                          gpointer    user_data);
void              pyprep_store_set_temporary_hook (PyprepStoreTemporaryFunc func,
                                                   gpointer         user_data);
gboolean          pyprep_store_flush              (PyprepStore      *self,
                                                   GError          **error);
char             *pyprep_store_to_data            (PyprepStore      *self,
                                                   gsize            *length);
gboolean          pyprep_store_export             (PyprepStore      *self,
                                                   GFile            *file,
                                                   GError          **error);
gboolean          pyprep_store_import             (PyprepStore      *self,
                                                   GFile            *file,
                                                   PyprepImportSummary *summary,
                                                   GError          **error);

/* Merging and the synced study folder (pyprep-store-sync.c, docs/sync.md) */
const char       *pyprep_store_get_device_id      (PyprepStore      *self);
void              pyprep_store_set_fsrs_params    (PyprepStore      *self,
                                                   const PyprepFsrsParams *params);
gboolean          pyprep_store_set_sync_folder    (PyprepStore      *self,
                                                   GFile            *folder,
                                                   GError          **error);
GFile            *pyprep_store_dup_sync_folder    (PyprepStore      *self);
guint             pyprep_store_merge_now          (PyprepStore      *self);
void              pyprep_store_set_watched        (PyprepStore      *self,
                                                   gboolean          watched);
gboolean          pyprep_store_compact            (PyprepStore      *self,
                                                   guint             days,
                                                   GError          **error);

G_END_DECLS
