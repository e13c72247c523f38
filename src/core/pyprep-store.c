/* pyprep-store.c: the user's data: bookmarks, annotations, reading state and card states.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One JSON document, user-data.json (docs/user-data.md describes it), kept
 * in memory as json-glib nodes (pyprep-store-document.c). A change
 * replaces a record and schedules a save; the save takes a snapshot on the
 * main thread and a worker thread writes it (pyprep-store-file.c).
 *
 * This file holds the object, loading, save scheduling, bookmarks, reading
 * state and card states. pyprep-store-private.h lists the other files of
 * the store.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pyprep-store.h"
#include "pyprep-store-private.h"
#include "pyprep-time.h"
#include "pyprep-trace.h"

G_DEFINE_FINAL_TYPE (PyprepStore, pyprep_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (pyprep-store-error-quark, pyprep_store_error)

enum {
  CHANGED,
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
real_clock (gpointer user_data)
{
  return g_get_real_time ();
}

/* Loading ----------------------------------------------------------------- */

/**
 * pyprep_store_newer_message:
 *
 * Returns: what the user is told when the data comes from a newer Pyprep
 */
const char *
pyprep_store_newer_message (void)
{
  return _("Your data was saved by a newer version of Pyprep. It is shown, but changes "
           "cannot be saved until you update Pyprep.");
}

/**
 * pyprep_store_load:
 * @error: the return location for an error that left the store empty
 *
 * Loads user-data.json. A missing file is a fresh start. A corrupt or
 * invalid file is renamed aside (never overwritten) and the newest good
 * backup is loaded; pyprep_store_get_recovery_message() then says what
 * happened. A file from a newer Pyprep is loaded read-only.
 *
 * Returns: %TRUE unless nothing could be loaded from a file that exists
 */
gboolean
pyprep_store_load (PyprepStore  *self,
                   GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);

  g_clear_pointer (&self->recovery_message, g_free);
  g_clear_pointer (&self->set_aside_path, g_free);
  self->read_only = FALSE;

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      pyprep_store_document_reset (self);
      return TRUE;
    }

  root = pyprep_store_file_read (self->path, &local_error);
  if (root != NULL)
    {
      if (pyprep_store_document_adopt (self, root))
        self->recovery_message = g_strdup (pyprep_store_newer_message ());
      return TRUE;
    }

  if (g_error_matches (local_error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_IO))
    {
      /* Unreadable (permissions, I/O): touch nothing and save nothing. */
      pyprep_store_document_reset (self);
      self->read_only = TRUE;
      self->recovery_message = g_strdup_printf (_("Your data could not be read (%s). Pyprep will "
                                                  "not save until this is fixed."),
                                                local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Corrupt or invalid: keep the bytes, aside, under a telling name. */
  pyprep_store_file_recover (self, local_error);
  return TRUE;
}

/* Saving ------------------------------------------------------------------ */

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (pyprep_store_save_job_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static PyprepStoreSaveJob *
prepare_save (PyprepStore *self)
{
  PyprepStoreSaveJob *job = g_new0 (PyprepStoreSaveJob, 1);
  g_autofree char *today = pyprep_time_format_utc (pyprep_store_now (self), "%Y-%m-%d");

  job->document = pyprep_store_document_snapshot (self);
  job->path = g_strdup (self->path);
  job->backup_dir = pyprep_store_file_backups_dir (self);
  if (g_strcmp0 (today, self->last_backup_day) != 0)
    {
      job->today = g_strdup (today);
      g_free (self->last_backup_day);
      self->last_backup_day = g_steal_pointer (&today);
    }
  self->dirty = FALSE;

  return job;
}

static void schedule_save (PyprepStore *self);

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PyprepStore *self = PYPREP_STORE (object);
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Keep the changes and try again later. */
      g_warning ("Could not save your data: %s", error->message);
      self->dirty = TRUE;
    }

  g_signal_emit (self, signals[SAVED], 0, error);

  if (self->dirty)
    schedule_save (self);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  PyprepStore *self = PYPREP_STORE (user_data);
  g_autoptr(GTask) task = NULL;

  self->save_source = 0;
  if (self->saving)
    {
      /* One write at a time; the change is picked up when it finishes. */
      return G_SOURCE_REMOVE;
    }

  self->saving = TRUE;
  task = g_task_new (self, NULL, save_done_cb, NULL);
  g_task_set_source_tag (task, save_timeout_cb);
  g_task_set_task_data (task, prepare_save (self), (GDestroyNotify) pyprep_store_save_job_free);
  g_task_run_in_thread (task, save_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (PyprepStore *self)
{
  if (self->read_only)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (PYPREP_STORE_SAVE_DELAY_MS, save_timeout_cb, self);
}

/**
 * pyprep_store_changed:
 * @what: the kind of change, the detail of #PyprepStore::changed
 * @id: (nullable): the entry, annotation or card that changed
 *
 * Marks the store dirty, schedules a save and tells the listeners.
 */
void
pyprep_store_changed (PyprepStore *self,
                      const char  *what,
                      const char  *id)
{
  self->dirty = TRUE;
  schedule_save (self);
  /* The endings test waits for this mark to stop the app inside the save
   * delay, so it is written out at once rather than when the loop is idle. */
  pyprep_trace_mark ("store-changed", what);
  pyprep_trace_flush ();
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (what), what, id);
}

/**
 * pyprep_store_check_writable:
 * @error: the return location for a %PYPREP_STORE_ERROR_READ_ONLY error
 *
 * Returns: %TRUE unless the store is read-only (a newer or unreadable file)
 */
gboolean
pyprep_store_check_writable (PyprepStore  *self,
                             GError      **error)
{
  if (!self->read_only)
    return TRUE;
  g_set_error_literal (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_READ_ONLY,
                       _("Changes cannot be saved: the data file is read-only for this version"));
  return FALSE;
}

/**
 * pyprep_store_flush:
 *
 * Writes pending changes now, in the calling thread. A save under way in
 * a worker thread may not have reached the disk yet, and its result comes
 * back through a main loop that may never run again, so its document is
 * written here too (the write lock puts this write after it). Call it when
 * the app ends, whatever ends it.
 *
 * Returns: %TRUE when nothing is left unsaved
 */
gboolean
pyprep_store_flush (PyprepStore  *self,
                    GError      **error)
{
  PyprepStoreSaveJob *job;
  gboolean ok;

  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty && !self->saving)
    return TRUE;
  if (!pyprep_store_check_writable (self, error))
    return FALSE;

  job = prepare_save (self);
  ok = pyprep_store_save_job_run (job, error);
  pyprep_store_save_job_free (job);
  if (!ok)
    self->dirty = TRUE;

  return ok;
}

/**
 * pyprep_store_get_dirty:
 *
 * Returns: whether there are changes not yet written
 */
gboolean
pyprep_store_get_dirty (PyprepStore *self)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);
  return self->dirty || self->saving;
}

/**
 * pyprep_store_to_data:
 * @length: (out) (optional): the length of the result
 *
 * Returns: (transfer full): the whole document as JSON, as it would be saved
 */
char *
pyprep_store_to_data (PyprepStore *self,
                      gsize       *length)
{
  g_autoptr(JsonNode) document = NULL;

  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);

  document = pyprep_store_document_snapshot (self);
  return pyprep_store_file_to_data (document, length);
}

/* GObject ----------------------------------------------------------------- */

static void
pyprep_store_dispose (GObject *object)
{
  PyprepStore *self = PYPREP_STORE (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (pyprep_store_parent_class)->dispose (object);
}

static void
pyprep_store_finalize (GObject *object)
{
  PyprepStore *self = PYPREP_STORE (object);

  g_clear_pointer (&self->root, json_object_unref);
  g_free (self->path);
  g_free (self->recovery_message);
  g_free (self->set_aside_path);
  g_free (self->last_backup_day);

  G_OBJECT_CLASS (pyprep_store_parent_class)->finalize (object);
}

static void
pyprep_store_class_init (PyprepStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pyprep_store_dispose;
  object_class->finalize = pyprep_store_finalize;

  /**
   * PyprepStore::changed:
   * @what: "bookmark", "annotation", "reading" or "card"
   * @id: (nullable): the entry, annotation or card that changed
   *
   * Emitted after every change, with the kind as detail.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * PyprepStore::saved:
   * @error: (nullable): why the save failed
   *
   * Emitted when a background save finishes.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
pyprep_store_init (PyprepStore *self)
{
  self->clock = real_clock;
  self->cancellable = g_cancellable_new ();
  pyprep_store_document_reset (self);
}

/**
 * pyprep_store_new:
 * @folder: the folder of the data, usually `$XDG_DATA_HOME/pyprep`
 *
 * Returns: (transfer full): an empty store; call pyprep_store_load()
 */
PyprepStore *
pyprep_store_new (GFile *folder)
{
  PyprepStore *self;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (PYPREP_TYPE_STORE, NULL);
  self->folder = g_object_ref (folder);
  dir = g_file_get_path (folder);
  self->path = g_build_filename (dir, PYPREP_STORE_FILE, NULL);

  return self;
}

/**
 * pyprep_store_get_folder:
 *
 * Returns: (transfer none): the folder of the data files
 */
GFile *
pyprep_store_get_folder (PyprepStore *self)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  return self->folder;
}

/**
 * pyprep_store_get_recovery_message:
 *
 * Returns: (nullable): what the user should be told about the last load:
 *   a damaged file set aside and a backup loaded, or a read-only file
 */
const char *
pyprep_store_get_recovery_message (PyprepStore *self)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  return self->recovery_message;
}

/**
 * pyprep_store_get_set_aside_path:
 *
 * Returns: (nullable): where a damaged data file was moved at the last load
 */
const char *
pyprep_store_get_set_aside_path (PyprepStore *self)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  return self->set_aside_path;
}

/**
 * pyprep_store_get_read_only:
 *
 * Returns: whether changes are kept in memory only (a newer or unreadable file)
 */
gboolean
pyprep_store_get_read_only (PyprepStore *self)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);
  return self->read_only;
}

/**
 * pyprep_store_set_clock:
 * @clock: (nullable): the clock, or %NULL for the real one
 *
 * Replaces the clock, so tests run at fixed times.
 */
void
pyprep_store_set_clock (PyprepStore     *self,
                        PyprepClockFunc  clock,
                        gpointer         user_data)
{
  g_return_if_fail (PYPREP_IS_STORE (self));

  self->clock = clock != NULL ? clock : real_clock;
  self->clock_data = user_data;
}

/**
 * pyprep_store_now:
 *
 * Returns: the time by the store's clock (see pyprep_store_set_clock()),
 *   in microseconds since the epoch
 */
gint64
pyprep_store_now (PyprepStore *self)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), 0);
  return self->clock (self->clock_data);
}

/* Bookmarks --------------------------------------------------------------- */

/**
 * pyprep_store_get_bookmarked:
 * @entry_id: an entry
 *
 * Returns: whether @entry_id is bookmarked
 */
gboolean
pyprep_store_get_bookmarked (PyprepStore *self,
                             const char  *entry_id)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry_id != NULL, FALSE);

  return json_object_has_member (self->bookmarks, entry_id);
}

/**
 * pyprep_store_set_bookmarked:
 * @entry_id: an entry
 * @bookmarked: whether it is to be bookmarked
 *
 * Bookmarks @entry_id (now) or removes its bookmark. Nothing changes, and
 * #PyprepStore::changed is not emitted, when it already is as asked.
 */
void
pyprep_store_set_bookmarked (PyprepStore *self,
                             const char  *entry_id,
                             gboolean     bookmarked)
{
  g_return_if_fail (PYPREP_IS_STORE (self));
  g_return_if_fail (entry_id != NULL);

  if (bookmarked == pyprep_store_get_bookmarked (self, entry_id))
    return;

  if (bookmarked)
    {
      JsonObject *record = json_object_new ();

      pyprep_time_set_member (record, "created", pyprep_store_now (self));
      json_object_set_member (self->bookmarks, entry_id, pyprep_store_seal_object (record));
    }
  else
    json_object_remove_member (self->bookmarks, entry_id);

  pyprep_store_changed (self, "bookmark", entry_id);
}

/**
 * pyprep_store_get_bookmark_time:
 *
 * Returns: when @entry_id was bookmarked (microseconds since the epoch), or
 *   0 when it is not
 */
gint64
pyprep_store_get_bookmark_time (PyprepStore *self,
                                const char  *entry_id)
{
  JsonNode *node;
  gint64 created = 0;

  g_return_val_if_fail (PYPREP_IS_STORE (self), 0);
  g_return_val_if_fail (entry_id != NULL, 0);

  node = json_object_get_member (self->bookmarks, entry_id);
  if (node != NULL)
    pyprep_time_get_member (json_node_get_object (node), "created", &created);
  return created;
}

typedef struct
{
  const char *id;
  gint64 time;
} Dated;

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const Dated *x = a;
  const Dated *y = b;

  if (x->time != y->time)
    return x->time > y->time ? -1 : 1;
  return g_strcmp0 (x->id, y->id);
}

/**
 * pyprep_store_dup_bookmarks:
 *
 * Returns: (transfer full): the bookmarked entry IDs, newest first
 */
GStrv
pyprep_store_dup_bookmarks (PyprepStore *self)
{
  g_autoptr(GArray) dated = g_array_new (FALSE, FALSE, sizeof (Dated));
  GStrvBuilder *builder = g_strv_builder_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  GStrv result;

  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);

  json_object_iter_init (&iter, self->bookmarks);
  while (json_object_iter_next (&iter, &key, &member))
    {
      Dated d = { key, 0 };

      pyprep_time_get_member (json_node_get_object (member), "created", &d.time);

      g_array_append_val (dated, d);
    }
  g_array_sort (dated, newest_first);
  for (guint i = 0; i < dated->len; i++)
    g_strv_builder_add (builder, g_array_index (dated, Dated, i).id);

  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

/* Reading state ----------------------------------------------------------- */

static void
update_reading_entry (PyprepStore *self,
                      const char  *entry_id,
                      gboolean     read,
                      gboolean     set_scroll,
                      double       scroll)
{
  JsonNode *old = json_object_get_member (self->reading_entries, entry_id);
  JsonObject *record = pyprep_store_record_from (old);

  if (read)
    pyprep_time_set_member (record, "read", pyprep_store_now (self));
  if (set_scroll)
    json_object_set_double_member (record, "scroll", CLAMP (scroll, 0.0, 1.0));
  json_object_set_member (self->reading_entries, entry_id, pyprep_store_seal_object (record));
}

/**
 * pyprep_store_set_last_entry:
 * @entry_id: the entry on screen
 * @scroll: how far down it is scrolled, from 0 (top) to 1 (bottom)
 */
void
pyprep_store_set_last_entry (PyprepStore *self,
                             const char  *entry_id,
                             double       scroll)
{
  g_return_if_fail (PYPREP_IS_STORE (self));
  g_return_if_fail (entry_id != NULL);

  if (g_strcmp0 (pyprep_store_get_last_entry (self), entry_id) == 0
      && G_APPROX_VALUE (pyprep_store_get_scroll (self, entry_id), scroll, 0.001))
    return;

  json_object_set_string_member (self->reading, "last_entry", entry_id);
  update_reading_entry (self, entry_id, FALSE, TRUE, scroll);
  pyprep_store_changed (self, "reading", entry_id);
}

/**
 * pyprep_store_get_last_entry:
 *
 * Returns: (nullable): the entry read last
 */
const char *
pyprep_store_get_last_entry (PyprepStore *self)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  return json_object_get_string_member_with_default (self->reading, "last_entry", NULL);
}

/**
 * pyprep_store_get_scroll:
 * @entry_id: an entry
 *
 * Returns: how far down @entry_id was last scrolled, from 0 (top, also
 *   for an entry never read) to 1 (bottom)
 */
double
pyprep_store_get_scroll (PyprepStore *self,
                         const char  *entry_id)
{
  JsonNode *node;

  g_return_val_if_fail (PYPREP_IS_STORE (self), 0.0);
  g_return_val_if_fail (entry_id != NULL, 0.0);

  node = json_object_get_member (self->reading_entries, entry_id);
  if (node == NULL)
    return 0.0;
  return json_object_get_double_member_with_default (json_node_get_object (node), "scroll", 0.0);
}

/**
 * pyprep_store_mark_read:
 * @entry_id: an entry
 *
 * Marks @entry_id read, now. An entry read before keeps its first time.
 */
void
pyprep_store_mark_read (PyprepStore *self,
                        const char  *entry_id)
{
  g_return_if_fail (PYPREP_IS_STORE (self));
  g_return_if_fail (entry_id != NULL);

  if (pyprep_store_get_read (self, entry_id))
    return;

  update_reading_entry (self, entry_id, TRUE, FALSE, 0.0);
  pyprep_store_changed (self, "reading", entry_id);
}

/**
 * pyprep_store_get_read:
 * @entry_id: an entry
 *
 * Returns: whether @entry_id was ever marked read
 */
gboolean
pyprep_store_get_read (PyprepStore *self,
                       const char  *entry_id)
{
  JsonNode *node;

  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry_id != NULL, FALSE);

  node = json_object_get_member (self->reading_entries, entry_id);
  return node != NULL && json_object_has_member (json_node_get_object (node), "read");
}

/* Card states ------------------------------------------------------------- */

/**
 * pyprep_store_get_card_state:
 *
 * Returns: (transfer none) (nullable): the scheduler's state of @card_id,
 *   immutable; replace it with pyprep_store_set_card_state()
 */
JsonObject *
pyprep_store_get_card_state (PyprepStore *self,
                             const char  *card_id)
{
  JsonNode *node;

  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  g_return_val_if_fail (card_id != NULL, NULL);

  node = json_object_get_member (self->cards, card_id);
  return node != NULL ? json_node_get_object (node) : NULL;
}

/**
 * pyprep_store_set_card_state:
 * @state: (nullable) (transfer none): the new state, or %NULL to forget it
 */
void
pyprep_store_set_card_state (PyprepStore *self,
                             const char  *card_id,
                             JsonObject  *state)
{
  g_return_if_fail (PYPREP_IS_STORE (self));
  g_return_if_fail (card_id != NULL);

  if (state == NULL)
    json_object_remove_member (self->cards, card_id);
  else
    json_object_set_member (self->cards, card_id, pyprep_store_seal_object (json_object_ref (state)));
  pyprep_store_changed (self, "card", card_id);
}

/**
 * pyprep_store_append_review:
 * @review: one answer: card, rating, time, duration
 *
 * Appends @review as one line to the review log, durably.
 *
 * Returns: %TRUE on success
 */
gboolean
pyprep_store_append_review (PyprepStore  *self,
                            JsonObject   *review,
                            GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);

  if (!pyprep_store_check_writable (self, error))
    return FALSE;
  if (!pyprep_review_log_append (self->folder, review, &local_error))
    {
      g_set_error_literal (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_IO, local_error->message);
      return FALSE;
    }

  return TRUE;
}
