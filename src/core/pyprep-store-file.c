/* pyprep-store-file.c: the user data file on disk: reading, durable writes, backups, damaged files.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A save writes the whole document to a temporary file in the same folder,
 * syncs it, renames it over user-data.json and syncs the folder, so that a
 * crash or a power cut leaves the old file or the new one, never a mix.
 * Files are readable by the user only. The first save of each (UTC) day
 * first copies the current file to backups/user-data-YYYY-MM-DD.json; the
 * newest PYPREP_STORE_KEEP_BACKUPS are kept.
 *
 * A file that cannot be parsed or validated is never written over: it is
 * renamed aside, and the newest backup that can be read is loaded instead.
 *
 * Reading and writing work on paths and documents only, so a save can run
 * in a worker thread while the main thread goes on changing the store; only
 * the recovery at the end, part of loading, works on the store itself.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pyprep-store-private.h"

#include "pyprep-time.h"

/* One writer at a time: an async save and a flush must not interleave their
 * renames, or an older snapshot could land last. */
static GMutex write_lock;

/* Sets a PYPREP_STORE_ERROR_IO error "@what @path: <reason>". */
static gboolean
io_error (GError     **error,
          int          saved_errno,
          const char  *what,
          const char  *path)
{
  g_set_error (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_IO,
               "%s %s: %s", what, path, g_strerror (saved_errno));
  return FALSE;
}

/**
 * pyprep_store_file_read:
 * @path: a data file or a backup
 * @error: the return location for a %PYPREP_STORE_ERROR_IO (unreadable) or
 *   %PYPREP_STORE_ERROR_CORRUPT (damaged or invalid) error
 *
 * Parses and validates a data file.
 *
 * Returns: (transfer full) (nullable): its root, sealed
 */
JsonNode *
pyprep_store_file_read (const char  *path,
                        GError     **error)
{
  /* Not json_parser_new_immutable(): json-glib then aborts in
   * json_parser_get_root() on a scalar followed by more text, such as
   * `"entry"{}`, so a damaged file would crash the app instead of being
   * set aside. The root is sealed below instead. */
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  JsonNode *root;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_IO, "%s", local_error->message);
      return NULL;
    }
  if (length == 0)
    {
      g_set_error_literal (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_CORRUPT, _("the file is empty"));
      return NULL;
    }
  if (!g_utf8_validate_len (contents, length, NULL))
    {
      g_set_error_literal (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_CORRUPT,
                           _("the file is not valid UTF-8"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    {
      g_set_error (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_CORRUPT,
                   _("the file is not valid JSON (%s)"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (!pyprep_store_schema_validate (root, error))
    return NULL;

  json_node_seal (root);
  return json_node_ref (root);
}

/**
 * pyprep_store_file_to_data:
 * @document: a document
 * @length: (out) (optional): the length of the result
 *
 * Returns: (transfer full): @document as the data file holds it
 */
char *
pyprep_store_file_to_data (JsonNode *document,
                           gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, document);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  return json_generator_to_data (generator, length);
}

/* Damaged files ------------------------------------------------------------ */

/**
 * pyprep_store_file_set_aside:
 * @path: a damaged data file
 * @now: the time, which names the file
 * @error: the return location for a %PYPREP_STORE_ERROR_IO error, whose
 *   message is the reason alone
 *
 * Renames @path to `@path.corrupt-YYYYMMDD-HHMMSS` (@now in UTC), keeping
 * its bytes for the user to look at.
 *
 * Returns: (transfer full) (nullable): the new path, or %NULL when the
 *   file could not be renamed
 */
char *
pyprep_store_file_set_aside (const char  *path,
                             gint64       now,
                             GError     **error)
{
  g_autofree char *stamp = pyprep_time_format_utc (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.corrupt-%s", path, stamp);

  if (g_rename (path, aside) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_IO, g_strerror (saved_errno));
      return NULL;
    }

  return g_steal_pointer (&aside);
}

/* Backups ------------------------------------------------------------------ */

/* Backup names sort by date: user-data-2026-11-21.json. */
static GPtrArray *
list_backups (const char *dir)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, "user-data-") && g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));

  g_ptr_array_sort_values (names, (GCompareFunc) g_strcmp0);
  return names;
}

/**
 * pyprep_store_file_read_newest_backup:
 * @dir: the folder of the backups
 * @name: (out) (transfer full) (optional): the file name of the backup read
 *
 * Returns: (transfer full) (nullable): the root of the newest backup that
 *   can be read and is valid, or %NULL when there is none
 */
JsonNode *
pyprep_store_file_read_newest_backup (const char  *dir,
                                      char       **name)
{
  g_autoptr(GPtrArray) backups = list_backups (dir);

  for (guint i = backups->len; i > 0; i--)
    {
      const char *backup = g_ptr_array_index (backups, i - 1);
      JsonNode *root = pyprep_store_file_read (backup, NULL);

      if (root == NULL)
        continue;
      if (name != NULL)
        *name = g_path_get_basename (backup);
      return root;
    }

  return NULL;
}

/* Writing ------------------------------------------------------------------ */

static gboolean
fsync_path (const char  *path,
            int          flags,
            GError     **error)
{
  int fd = g_open (path, flags | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      return io_error (error, saved_errno, "cannot sync", path);
    }
  close (fd);
  return TRUE;
}

/* Writes @data to @path atomically and durably, mode 0600. */
static gboolean
write_atomically (const char  *path,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = g_strdup_printf ("%s.XXXXXX", path);
  gsize written = 0;
  int fd;

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return io_error (error, errno, "cannot create a file in", dir);

  while (written < length)
    {
      ssize_t n = write (fd, data + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_unlink (tmp);
          return io_error (error, saved_errno, "cannot write", tmp);
        }
      written += n;
    }

  /* The data must be on disk before the rename makes it the file. */
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      return io_error (error, saved_errno, "cannot sync", tmp);
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      return io_error (error, saved_errno, "cannot replace", path);
    }

  /* And the rename itself must reach the disk. */
  return fsync_path (dir, O_RDONLY | O_DIRECTORY, error);
}

/**
 * pyprep_store_save_job_free:
 * @job: (nullable) (transfer full): a save job
 */
void
pyprep_store_save_job_free (PyprepStoreSaveJob *job)
{
  if (job == NULL)
    return;
  g_clear_pointer (&job->document, json_node_unref);
  g_free (job->path);
  g_free (job->backup_dir);
  g_free (job->today);
  g_free (job);
}

/* The first save of a day copies the current file to a dated backup. */
static void
make_backup (PyprepStoreSaveJob *job)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  gsize length = 0;

  if (job->today == NULL || !g_file_get_contents (job->path, &contents, &length, NULL))
    return;

  if (g_mkdir_with_parents (job->backup_dir, 0700) != 0)
    return;
  name = g_strdup_printf ("user-data-%s.json", job->today);
  backup = g_build_filename (job->backup_dir, name, NULL);
  if (!g_file_test (backup, G_FILE_TEST_EXISTS))
    write_atomically (backup, contents, length, NULL);

  backups = list_backups (job->backup_dir);
  for (guint i = 0; i + PYPREP_STORE_KEEP_BACKUPS < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));
}

/**
 * pyprep_store_save_job_run:
 * @job: what to write where
 * @error: the return location for a %PYPREP_STORE_ERROR_IO error
 *
 * Makes the day's backup when @job says so, then writes the document. May
 * run in any thread; one job writes at a time.
 *
 * Returns: %TRUE when the file holds the document
 */
gboolean
pyprep_store_save_job_run (PyprepStoreSaveJob  *job,
                           GError             **error)
{
  g_autofree char *data = NULL;
  g_autofree char *dir = g_path_get_dirname (job->path);
  gsize length = 0;
  gboolean ok;

  data = pyprep_store_file_to_data (job->document, &length);

  g_mutex_lock (&write_lock);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_mutex_unlock (&write_lock);
      return io_error (error, saved_errno, "cannot create", dir);
    }
  make_backup (job);
  ok = write_atomically (job->path, data, length, error);
  g_mutex_unlock (&write_lock);

  return ok;
}

/* Recovery, on the main thread -------------------------------------------- */

/**
 * pyprep_store_file_backups_dir:
 *
 * Returns: (transfer full): the folder of the store's daily backups
 */
char *
pyprep_store_file_backups_dir (PyprepStore *self)
{
  g_autofree char *folder = g_file_get_path (self->folder);

  return g_build_filename (folder, PYPREP_STORE_BACKUPS, NULL);
}

/**
 * pyprep_store_file_recover:
 * @damage: why the data file cannot be used
 *
 * After @damage made the data file unusable, on loading: sets it aside and
 * loads the newest good backup, or starts empty, and says so in the
 * store's recovery message.
 */
void
pyprep_store_file_recover (PyprepStore  *self,
                           const GError *damage)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) restored = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  gboolean newer;

  self->set_aside_path = pyprep_store_file_set_aside (self->path, pyprep_store_now (self), &error);
  if (self->set_aside_path == NULL)
    {
      pyprep_store_document_reset (self);
      self->read_only = TRUE;
      self->recovery_message = g_strdup_printf (_("Your data file is damaged (%s) and could not be "
                                                  "moved aside (%s). Pyprep will not save over it."),
                                                damage->message, error->message);
      return;
    }

  dir = pyprep_store_file_backups_dir (self);
  restored = pyprep_store_file_read_newest_backup (dir, &name);
  if (restored == NULL)
    {
      pyprep_store_document_reset (self);
      self->recovery_message =
        g_strdup_printf (_("Your data file was damaged (%s) and there is no good backup. It was moved "
                           "to %s; Pyprep starts with empty data."),
                         damage->message, self->set_aside_path);
      return;
    }

  newer = pyprep_store_document_adopt (self, restored);
  self->recovery_message =
    g_strdup_printf (_("Your data file was damaged (%s). It was moved to %s, and the backup %s "
                       "was loaded instead."),
                     damage->message, self->set_aside_path, name);
  if (newer)
    {
      /* A backup from a newer Pyprep is treated like such a data file:
       * shown, never saved over with what this version understands. */
      g_autofree char *damaged = g_steal_pointer (&self->recovery_message);

      self->recovery_message = g_strconcat (damaged, " ", pyprep_store_newer_message (), NULL);
      return;
    }
  /* The restored data becomes the new file at the next save. */
  self->dirty = TRUE;
}
