/* pyprep-store-save.c: when the user's data is written: debounced saves in a worker thread, and flushes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A change schedules a save PYPREP_STORE_SAVE_DELAY_MS later, so a burst
 * of edits is one write. The save takes a snapshot of the document on the
 * main thread and writes it in a worker (pyprep-store-file.c). A flush
 * writes at once, in the calling thread, for every ending of the app.
 *
 * A save that fails (a full disk, a read-only folder) keeps the changes,
 * remembers why (pyprep_store_get_save_error(), for the window's banner)
 * and tries again later, waiting twice as long each time up to a minute,
 * with one message in the log rather than one a try. Until a save
 * succeeds the store counts what is unwritten, by kind, so that quitting
 * can say what would be lost.
 *
 * Review log lines are appended at once; one that cannot be written is
 * kept in memory, in order, shown like a failed save, and appended before
 * anything else at the next try.
 */
#include "config.h"

#include <string.h>

#include "pyprep-store-private.h"

#include "pyprep-time.h"

/* The longest wait between two tries of a failing save. */
#define MAX_RETRY_MS (60 * 1000)

static const char * const kinds[PYPREP_STORE_N_KINDS] = {
  "bookmark", "annotation", "reading", "card", "import",
};

/**
 * pyprep_store_count_change:
 * @what: the kind of change
 *
 * Counts one change of @what as unwritten until a save holds it.
 */
void
pyprep_store_count_change (PyprepStore *self,
                           const char  *what)
{
  for (guint i = 0; i < PYPREP_STORE_N_KINDS; i++)
    if (g_strcmp0 (what, kinds[i]) == 0)
      self->unsaved[i]++;
}

/**
 * pyprep_store_count_unsaved:
 * @what: "bookmark", "annotation", "reading", "card", "import", or
 *   "review" for review log lines
 *
 * Returns: how many changes of @what no save has written yet (those of a
 *   save under way included)
 */
guint
pyprep_store_count_unsaved (PyprepStore *self,
                            const char  *what)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), 0);

  if (g_strcmp0 (what, "review") == 0)
    return self->pending_reviews->len;
  for (guint i = 0; i < PYPREP_STORE_N_KINDS; i++)
    if (g_strcmp0 (what, kinds[i]) == 0)
      return self->unsaved[i] + self->in_save[i];
  return 0;
}

/**
 * pyprep_store_get_save_error:
 *
 * Returns: (nullable) (transfer none): why the last save failed, or %NULL
 *   when it succeeded (or none was made)
 */
const GError *
pyprep_store_get_save_error (PyprepStore *self)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  return self->save_error;
}

/**
 * pyprep_store_set_fault:
 * @error_number: an errno value such as `ENOSPC`, or 0
 *
 * For tests only: makes every save and review log append fail with
 * @error_number, as the disk would, until set back to 0.
 */
void
pyprep_store_set_fault (PyprepStore *self,
                        int          error_number)
{
  g_return_if_fail (PYPREP_IS_STORE (self));
  self->fault = error_number;
}

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
  job->fault = self->fault;
  for (guint i = 0; i < PYPREP_STORE_N_KINDS; i++)
    {
      self->in_save[i] += self->unsaved[i];
      self->unsaved[i] = 0;
    }
  job->backup_dir = pyprep_store_file_backups_dir (self);
  if (g_strcmp0 (today, self->last_backup_day) != 0)
    {
      job->today = g_strdup (today);
      g_free (self->last_backup_day);
      self->last_backup_day = g_steal_pointer (&today);
    }
  self->dirty = FALSE;
  pyprep_store_sync_prepare (self, job);

  return job;
}

static void finish_save (PyprepStore  *self,
                         const GError *error);

/**
 * pyprep_store_error_from_io:
 * @error: a #G_IO_ERROR of an append
 *
 * Returns: (transfer full): @error as a store error, its code saying what
 *   the user can do about it, like a failed save's
 */
GError *
pyprep_store_error_from_io (const GError *error)
{
  PyprepStoreError code = PYPREP_STORE_ERROR_IO;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    code = PYPREP_STORE_ERROR_NO_SPACE;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    code = PYPREP_STORE_ERROR_READ_ONLY_FOLDER;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    code = PYPREP_STORE_ERROR_PERMISSION;
  return g_error_new_literal (PYPREP_STORE_ERROR, code, error->message);
}

/* Appends the review log lines kept in memory, oldest first, stopping at
 * the first that fails. */
static gboolean
write_pending_reviews (PyprepStore  *self,
                       GError      **error)
{
  while (self->pending_reviews->len > 0)
    {
      g_autoptr(GError) local_error = NULL;

      if (self->fault != 0)
        g_set_error (&local_error, G_IO_ERROR, g_io_error_from_errno (self->fault),
                     "cannot append to the review log: %s", g_strerror (self->fault));
      else if (pyprep_review_log_append (self->folder, g_ptr_array_index (self->pending_reviews, 0),
                                         &local_error))
        pyprep_store_sync_append_review (self, g_ptr_array_index (self->pending_reviews, 0),
                                         &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, pyprep_store_error_from_io (local_error));
          return FALSE;
        }
      g_ptr_array_remove_index (self->pending_reviews, 0);
    }
  return TRUE;
}

/**
 * pyprep_store_append_review:
 * @review: one answer: card, rating, time, duration
 *
 * Appends @review as one line to the review log, durably. When the line
 * cannot be written (a full disk), it is kept in memory and written at the
 * next try, like a failed save: #PyprepStore::saved tells the failure and
 * pyprep_store_count_unsaved() counts it as a "review".
 *
 * Returns: %TRUE unless the store is read-only: the answer is recorded,
 *   on disk or, for now, in memory
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
  g_ptr_array_add (self->pending_reviews, json_object_ref (review));
  if (!write_pending_reviews (self, &local_error))
    {
      /* Shown like a failed save, and tried again with the next one. */
      self->dirty = TRUE;
      finish_save (self, local_error);
    }
  return TRUE;
}

/* After a save, on the main thread: what it wrote is written, or it is
 * unwritten again and the next try waits longer. */
static void
finish_save (PyprepStore  *self,
             const GError *error)
{
  if (error == NULL)
    {
      memset (self->in_save, 0, sizeof self->in_save);
      /* The review log's failure stands until its lines are written. */
      if (self->pending_reviews->len == 0)
        {
          g_clear_error (&self->save_error);
          self->retry_ms = 0;
        }
    }
  else
    {
      for (guint i = 0; i < PYPREP_STORE_N_KINDS; i++)
        {
          self->unsaved[i] += self->in_save[i];
          self->in_save[i] = 0;
        }
      self->dirty = TRUE;
      /* Once a failing streak: the banner tells the user, not the log. */
      if (self->save_error == NULL)
        g_message ("Could not save your data: %s", error->message);
      g_clear_error (&self->save_error);
      self->save_error = g_error_copy (error);
      self->retry_ms = CLAMP (self->retry_ms * 2, PYPREP_STORE_SAVE_DELAY_MS, MAX_RETRY_MS);
    }

  pyprep_store_emit_saved (self, error);
  if (self->dirty)
    pyprep_store_schedule_save (self);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PyprepStore *self = PYPREP_STORE (object);
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  pyprep_store_sync_saved (self, g_task_get_task_data (G_TASK (result)), error == NULL);
  finish_save (self, error);
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

  if (self->pending_reviews->len > 0)
    {
      g_autoptr(GError) error = NULL;

      if (!write_pending_reviews (self, &error))
        {
          self->dirty = TRUE;
          finish_save (self, error);
          return G_SOURCE_REMOVE;
        }
    }

  self->saving = TRUE;
  task = g_task_new (self, NULL, save_done_cb, NULL);
  g_task_set_source_tag (task, save_timeout_cb);
  g_task_set_task_data (task, prepare_save (self), (GDestroyNotify) pyprep_store_save_job_free);
  g_task_run_in_thread (task, save_thread);

  return G_SOURCE_REMOVE;
}

/**
 * pyprep_store_schedule_save:
 *
 * Saves a moment after the last change, unless the store is read-only.
 */
void
pyprep_store_schedule_save (PyprepStore *self)
{
  if (self->read_only)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (self->save_error != NULL ? self->retry_ms : PYPREP_STORE_SAVE_DELAY_MS,
                                     save_timeout_cb, self);
}

/**
 * pyprep_store_flush:
 *
 * Writes pending changes now, in the calling thread. A save under way in
 * a worker thread may not have reached the disk yet, and its result comes
 * back through a main loop that may never run again, so its document is
 * written here too (the write lock puts this write after it). Call it when
 * the app ends, whatever ends it, and to try again at once after a
 * failure (the user's Try Again). Emits #PyprepStore::saved when it
 * writes.
 *
 * Returns: %TRUE when nothing is left unsaved
 */
gboolean
pyprep_store_flush (PyprepStore  *self,
                    GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  PyprepStoreSaveJob *job;
  gboolean ok;

  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty && !self->saving && self->pending_reviews->len == 0)
    return TRUE;
  if (!pyprep_store_check_writable (self, error))
    return FALSE;
  if (!write_pending_reviews (self, &local_error))
    {
      finish_save (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  job = prepare_save (self);
  ok = pyprep_store_save_job_run (job, &local_error);
  pyprep_store_sync_saved (self, job, ok);
  pyprep_store_save_job_free (job);
  finish_save (self, local_error);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));

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
  return self->dirty || self->saving || self->pending_reviews->len > 0;
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
