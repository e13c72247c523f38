/* pyprep-store-save.c: when the user's data is written: debounced saves in a worker thread, and flushes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A change schedules a save PYPREP_STORE_SAVE_DELAY_MS later, so a burst
 * of edits is one write. The save takes a snapshot of the document on the
 * main thread and writes it in a worker (pyprep-store-file.c). A flush
 * writes at once, in the calling thread, for every ending of the app.
 */
#include "config.h"

#include "pyprep-store-private.h"

#include "pyprep-time.h"

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

  pyprep_store_emit_saved (self, error);

  if (self->dirty)
    pyprep_store_schedule_save (self);
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
  self->save_source = g_timeout_add (PYPREP_STORE_SAVE_DELAY_MS, save_timeout_cb, self);
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
