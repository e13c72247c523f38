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
 * @what: "bookmark", "annotation", "reading", "card" or "import"
 *
 * Returns: how many changes of @what no save has written yet (those of a
 *   save under way included)
 */
guint
pyprep_store_count_unsaved (PyprepStore *self,
                            const char  *what)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), 0);

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
 * For tests only: makes every save fail with @error_number, as the disk
 * would, until set back to 0.
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

  return job;
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
      g_clear_error (&self->save_error);
      self->retry_ms = 0;
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
  if (!self->dirty && !self->saving)
    return TRUE;
  if (!pyprep_store_check_writable (self, error))
    return FALSE;

  job = prepare_save (self);
  ok = pyprep_store_save_job_run (job, &local_error);
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
