/* pyprep-store-private.h: what the files of PyprepStore share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PyprepStore is one object in several files: pyprep-store.c (the object,
 * bookmarks, reading state, card states), pyprep-store-load.c (loading:
 * damaged, missing and linked data files), pyprep-store-save.c (save
 * scheduling and flushes),
 * pyprep-store-document.c (the document in memory: containers, sealed
 * records, snapshots), pyprep-annotation.c (annotations),
 * pyprep-store-file.c (the file on disk: reading, durable writes, backups,
 * damaged files),
 * pyprep-store-import.c (export and import), pyprep-store-schema.c
 * (validation of the document) and pyprep-store-sync.c (clocks, merging
 * another process's saves, the synced study folder). Nothing outside
 * these files includes this header.
 */
#pragma once

#include "pyprep-hlc.h"
#include "pyprep-store.h"

G_BEGIN_DECLS

/* The kinds of change, as #PyprepStore::changed names them. */
#define PYPREP_STORE_N_KINDS 5

struct _PyprepStore
{
  GObject parent_instance;

  /* owned */
  GFile *folder;
  char *path;
  JsonObject *root;            /* mutable */
  JsonObject *bookmarks;       /* mutable, borrowed from root */
  JsonObject *annotations;
  JsonObject *reading;
  JsonObject *reading_entries;
  JsonObject *cards;
  JsonObject *clocks;          /* "kind:id" -> stamp, pyprep-merge.c */
  char *recovery_message;
  char *set_aside_path;
  char *offered_backup;        /* for a data file behind a broken link */
  GCancellable *cancellable;

  /* state */
  PyprepClockFunc clock;
  gpointer clock_data;
  guint save_source;
  gboolean dirty;
  gboolean saving;
  gboolean read_only;
  char *last_backup_day;
  GError *save_error;          /* why the last save failed */
  guint retry_ms;              /* the wait before the next try after a failure */
  int fault;                   /* for tests: the errno every save fails with */
  guint unsaved[PYPREP_STORE_N_KINDS];  /* changes no save has taken yet */
  guint in_save[PYPREP_STORE_N_KINDS];  /* changes a save under way is writing */
  GPtrArray *pending_reviews;  /* JsonObject: review log lines not written yet */

  /* merging (pyprep-store-sync.c) */
  PyprepHlc *hlc;
  gboolean device_saved;       /* whether the device ID is in the data folder */
  char *identity;              /* the data file as last read or written */
  gint64 generation;           /* its generation */
  GHashTable *outbox;          /* "kind\tid": changes not yet in the sync folder */
  PyprepFsrsParams params;
  struct _PyprepSyncFolder *sync;
  GHashTable *known_reviews;   /* identities of the local review log's lines */
  GFileMonitor *data_monitor;
  GPtrArray *sync_monitors;
  guint merge_source;

  /* pyprep-store-annotation-index.c */
  struct _PyprepAnnotationIndex *annotation_index;
};

/* pyprep-store.c */
void        pyprep_store_changed        (PyprepStore  *self,
                                         const char   *what,
                                         const char   *id);
void        pyprep_store_emit_saved     (PyprepStore  *self,
                                         const GError *error);
gboolean    pyprep_store_check_writable (PyprepStore  *self,
                                         GError      **error);
const char *pyprep_store_newer_message  (void);

void        pyprep_store_emit_changed   (PyprepStore  *self,
                                         const char   *what,
                                         const char   *id);

/* pyprep-store-save.c */
void        pyprep_store_schedule_save     (PyprepStore *self);
void        pyprep_store_count_change      (PyprepStore *self,
                                            const char  *what);
GError     *pyprep_store_error_from_io     (const GError *error);

/* pyprep-store-document.c */
void        pyprep_store_document_reset    (PyprepStore *self);
gboolean    pyprep_store_document_adopt    (PyprepStore *self,
                                            JsonNode    *root);
JsonNode   *pyprep_store_document_snapshot (PyprepStore *self);
JsonObject *pyprep_store_record_from       (JsonNode    *old);
JsonNode   *pyprep_store_seal_object       (JsonObject  *object);

/**
 * PyprepStoreSaveJob:
 * @document: the document to write, sealed or not shared with the main thread
 * @path: the data file
 * @backup_dir: the folder of the daily backups
 * @today: (nullable): today's date (UTC) when the current file is to be
 *   backed up first, %NULL when today's backup exists already
 * @fault: for tests: an errno the write fails with, or 0
 * @identity: (nullable): the data file as the store last read or wrote it
 *   (pyprep_sync_file_identity()); another one was written by another
 *   process, and is merged first
 * @generation: the generation of the document; the write makes it one more
 * @changes: (nullable) (element-type JsonObject): change records to
 *   append to this device's file of the synced folder
 * @changes_path: (nullable): that file
 * @theirs: out: the document another process wrote, which was merged
 * @new_identity: out: the data file as written
 *
 * One save, prepared on the main thread and run in any.
 */
typedef struct
{
  JsonNode *document;
  char *path;
  char *backup_dir;
  char *today;
  int fault;
  char *identity;
  gint64 generation;
  GPtrArray *changes;
  char *changes_path;
  JsonNode *theirs;
  char *new_identity;
} PyprepStoreSaveJob;

/* pyprep-store-annotation-index.c */
typedef struct _PyprepAnnotationIndex PyprepAnnotationIndex;

void       pyprep_annotation_index_free         (PyprepAnnotationIndex *index);
void       pyprep_store_index_note              (PyprepStore           *self,
                                                 const char            *what,
                                                 const char            *id);
guint      pyprep_store_index_count             (PyprepStore           *self,
                                                 const char            *entry_id);
GPtrArray *pyprep_store_index_list              (PyprepStore           *self,
                                                 const char            *entry_id);
gboolean   pyprep_store_annotation_is_card_only (JsonNode              *node);

/* pyprep-store-file.c */
JsonNode *pyprep_store_file_read               (const char          *path,
                                                GError             **error);
char     *pyprep_store_file_to_data            (JsonNode            *document,
                                                gsize               *length);
char     *pyprep_store_file_set_aside          (const char          *path,
                                                gint64               now,
                                                GError             **error);
JsonNode *pyprep_store_file_read_newest_backup (const char          *dir,
                                                char               **name);
gboolean  pyprep_store_save_job_run            (PyprepStoreSaveJob  *job,
                                                GError             **error);
void      pyprep_store_save_job_free           (PyprepStoreSaveJob  *job);
char     *pyprep_store_file_backups_dir        (PyprepStore         *self);
char     *pyprep_store_file_resolve            (const char          *path,
                                                GError             **error);
guint     pyprep_store_file_remove_leftovers   (const char          *dir,
                                                const char          *base);

/* pyprep-store-interview.c */
gboolean pyprep_store_interview_validate (JsonObject  *root,
                                         GError     **error);
gboolean pyprep_store_interview_merge    (PyprepStore *self,
                                         JsonObject  *theirs);

/* pyprep-store-schema.c */
gboolean pyprep_store_schema_validate         (JsonNode    *root,
                                               GError     **error);
gboolean pyprep_store_schema_validate_members (JsonObject  *object,
                                               GError     **error);

/* pyprep-store-watch.c */
void     pyprep_store_watch_start      (PyprepStore         *self);
void     pyprep_store_watch_stop       (PyprepStore         *self);

/* pyprep-store-sync.c */
void     pyprep_store_sync_init        (PyprepStore         *self);
void     pyprep_store_sync_clear       (PyprepStore         *self);
void     pyprep_store_sync_loaded      (PyprepStore         *self);
void     pyprep_store_stamp            (PyprepStore         *self,
                                        const char          *what,
                                        const char          *id);
void     pyprep_store_sync_prepare     (PyprepStore         *self,
                                        PyprepStoreSaveJob  *job);
void     pyprep_store_sync_saved       (PyprepStore         *self,
                                        PyprepStoreSaveJob  *job,
                                        gboolean             ok);
gboolean pyprep_store_sync_append_review (PyprepStore       *self,
                                          JsonObject        *line,
                                          GError           **error);

G_END_DECLS
