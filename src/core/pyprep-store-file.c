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
 * A data file that is a symbolic link is followed: the temporary file is
 * made beside the link's target and renamed over it, so the link stays.
 * Temporary files are locked while they exist, so that loading can remove
 * those of saves that a crash cut short, and only those.
 *
 * Everything here works on paths and documents only, so a save can run in
 * a worker thread while the main thread goes on changing the store.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pyprep-store-private.h"

#include "pyprep-merge.h"
#include "pyprep-merge-folder.h"

#include "pyprep-time.h"

/* One writer at a time: an async save and a flush must not interleave their
 * renames, or an older snapshot could land last. */
static GMutex write_lock;

/* For tests: runs once between a temporary file's creation and its lock. */
static PyprepStoreTemporaryFunc created_hook;
static gpointer created_hook_data;

/* Sets an error "@what @path: <reason>", its code saying what the user
 * can do about it: free space, make the folder writable, or else. */
static gboolean
io_error (GError     **error,
          int          saved_errno,
          const char  *what,
          const char  *path)
{
  PyprepStoreError code = PYPREP_STORE_ERROR_IO;

  if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG)
    code = PYPREP_STORE_ERROR_NO_SPACE;
  else if (saved_errno == EROFS)
    code = PYPREP_STORE_ERROR_READ_ONLY_FOLDER;
  else if (saved_errno == EACCES || saved_errno == EPERM)
    code = PYPREP_STORE_ERROR_PERMISSION;
  g_set_error (error, PYPREP_STORE_ERROR, code, "%s %s: %s", what, path, g_strerror (saved_errno));
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

/* Links and leftovers ------------------------------------------------------ */

/* As the kernel's own limit on a chain of links (MAXSYMLINKS). */
#define MAX_LINKS 40

/**
 * pyprep_store_file_resolve:
 * @path: a data file
 * @error: the return location for a %PYPREP_STORE_ERROR_IO error: a link
 *   that leads back to itself, or one that cannot be read
 *
 * Follows @path through symbolic links, relative ones from the folder of
 * each link.
 *
 * Returns: (transfer full) (nullable): the path that is no link: @path
 *   itself when it is no link, the end of the chain otherwise, which may
 *   not exist (a dangling link)
 */
char *
pyprep_store_file_resolve (const char  *path,
                           GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops <= MAX_LINKS; hops++)
    {
      g_autofree char *target = NULL;
      g_autofree char *dir = NULL;
      struct stat st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      target = g_file_read_link (current, NULL);
      if (target == NULL)
        {
          io_error (error, errno, "cannot read the link", current);
          return NULL;
        }
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (target) ? g_steal_pointer (&target)
                                            : g_build_filename (dir, target, NULL);
    }

  io_error (error, ELOOP, "cannot follow", path);
  return NULL;
}

/* Whether @name is a temporary file of a save of @base: `@base.XXXXXX`,
 * as g_mkstemp() makes them. */
static gboolean
is_temporary_of (const char *name,
                 const char *base)
{
  size_t n = strlen (base);

  if (strncmp (name, base, n) != 0 || name[n] != '.' || strlen (name + n + 1) != 6)
    return FALSE;
  for (const char *p = name + n + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

/**
 * pyprep_store_file_remove_leftovers:
 * @dir: a folder where saves write
 * @base: (nullable): the name of the file saved there, or %NULL for any
 *   daily backup (`user-data-*.json`)
 *
 * Removes the temporary files of saves that a crash cut short: a save in
 * progress holds a lock on its temporary file, so only those of dead
 * processes go, however recent.
 *
 * Returns: how many were removed
 */
guint
pyprep_store_file_remove_leftovers (const char *dir,
                                    const char *base)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint removed = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *stem = NULL;
      g_autofree char *path = NULL;
      const char *dot = strrchr (name, '.');
      struct stat st;
      int fd;

      stem = dot != NULL ? g_strndup (name, dot - name) : NULL;
      if (stem == NULL
          || !is_temporary_of (name, base != NULL ? base : stem)
          || (base == NULL && !(g_str_has_prefix (stem, "user-data-") && g_str_has_suffix (stem, ".json"))))
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && flock (fd, LOCK_EX | LOCK_NB) == 0
          && g_unlink (path) == 0)
        removed++;
      close (fd);
    }

  return removed;
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

/**
 * pyprep_store_set_temporary_hook:
 * @func: (nullable): called once, with the path of the next temporary
 *   file a save creates, before the save locks it
 *
 * For tests only: the moment another process's load may take the file
 * for a crash's leftover.
 */
void
pyprep_store_set_temporary_hook (PyprepStoreTemporaryFunc func,
                                 gpointer                 user_data)
{
  created_hook = func;
  created_hook_data = user_data;
}

/* A new temporary file for @path, locked, in *@tmp. Another process's
 * load removes the unlocked ones (pyprep_store_file_remove_leftovers()),
 * and may take this one in the moment between its creation and its lock:
 * a link count of 0 once it is locked says so, and another is made. */
static int
create_temporary (const char  *path,
                  char       **tmp)
{
  for (guint tries = 0; tries < 8; tries++)
    {
      g_autofree char *name = g_strdup_printf ("%s.XXXXXX", path);
      PyprepStoreTemporaryFunc hook = created_hook;
      struct stat st;
      int fd = g_mkstemp_full (name, O_WRONLY | O_CLOEXEC, 0600);

      if (fd < 0)
        return -1;
      created_hook = NULL;
      if (hook != NULL)
        hook (name, created_hook_data);
      /* Waits for a load holding it to let go. */
      while (flock (fd, LOCK_EX) != 0 && errno == EINTR)
        ;
      if (fstat (fd, &st) != 0 || st.st_nlink > 0)
        {
          *tmp = g_steal_pointer (&name);
          return fd;
        }
      close (fd);
    }
  errno = EAGAIN;
  return -1;
}

/* Writes @data to @path atomically and durably, mode 0600. The temporary
 * file is locked while it exists under its temporary name, so that
 * pyprep_store_file_remove_leftovers() in another process leaves it be. */
static gboolean
write_atomically (const char  *path,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmp = NULL;
  gsize written = 0;
  int saved_errno;
  int fd;

  fd = create_temporary (path, &tmp);
  if (fd < 0)
    return io_error (error, errno, "cannot create a file in", dir);

  while (written < length)
    {
      ssize_t n = write (fd, data + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          saved_errno = n < 0 ? errno : EIO;
          g_unlink (tmp);
          close (fd);
          return io_error (error, saved_errno, "cannot write", tmp);
        }
      written += n;
    }

  /* The data must be on disk before the rename makes it the file; the
   * file stays open (and locked) until it has its final name. */
  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      close (fd);
      return io_error (error, saved_errno, "cannot sync", tmp);
    }
  if (g_rename (tmp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      close (fd);
      return io_error (error, saved_errno, "cannot replace", path);
    }
  close (fd);

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
  g_free (job->identity);
  g_clear_pointer (&job->changes, g_ptr_array_unref);
  g_free (job->changes_path);
  g_clear_pointer (&job->theirs, json_node_unref);
  g_free (job->new_identity);
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

/* Another process sharing the data folder: holds the lock file beside
 * @target from before the file is read until it is replaced, so that two
 * processes' read-merge-write never interleave. Returns the lock's
 * descriptor, or -1 when there can be no lock (it is then done without). */
static int
lock_data_file (const char *target)
{
  g_autofree char *path = g_strconcat (target, ".lock", NULL);
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    return -1;
  while (flock (fd, LOCK_EX) != 0)
    if (errno != EINTR)
      break;
  return fd;
}

/* When @target is not the file the store last read or wrote, another
 * process saved since: its document is merged into the job's, record by
 * record (pyprep-merge.c), and kept for the main thread to merge too. */
static void
merge_on_disk (PyprepStoreSaveJob *job,
               const char         *target)
{
  g_autofree char *identity = pyprep_sync_file_identity (target);
  JsonObject *theirs;

  if (identity == NULL || g_strcmp0 (identity, job->identity) == 0)
    return;
  job->theirs = pyprep_store_file_read (target, NULL);
  if (job->theirs == NULL)
    return;
  theirs = json_node_get_object (job->theirs);
  pyprep_merge_document (json_node_get_object (job->document), theirs, NULL, NULL);
  job->generation = MAX (job->generation,
                         json_object_get_int_member_with_default (theirs, PYPREP_MERGE_GENERATION, 0));
}

/* Writes the document, merged with another process's save, one
 * generation on, and notes what the file is now. */
static gboolean
write_document (PyprepStoreSaveJob  *job,
                const char          *target,
                GError             **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  int lock = lock_data_file (target);
  gboolean ok;

  merge_on_disk (job, target);
  json_object_set_int_member (json_node_get_object (job->document), PYPREP_MERGE_GENERATION,
                              ++job->generation);
  data = pyprep_store_file_to_data (job->document, &length);
  ok = write_atomically (target, data, length, error);
  if (ok)
    job->new_identity = pyprep_sync_file_identity (target);
  if (lock >= 0)
    close (lock);
  return ok;
}

/* Appends the job's change records to this device's file of the synced
 * folder. */
static gboolean
write_changes (PyprepStoreSaveJob  *job,
               GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (job->changes == NULL || job->changes->len == 0)
    return TRUE;
  if (pyprep_review_log_append_lines (job->changes_path, job->changes, &local_error))
    return TRUE;
  g_propagate_error (error, pyprep_store_error_from_io (local_error));
  return FALSE;
}

/**
 * pyprep_store_save_job_run:
 * @job: what to write where
 * @error: the return location for a %PYPREP_STORE_ERROR_IO error
 *
 * Makes the day's backup when @job says so, appends the job's change
 * records to the synced folder, then writes the document, to the target
 * of the data file when that is a symbolic link, merged first with what
 * another process saved since the store last read the file. May run in
 * any thread; one job writes at a time.
 *
 * Returns: %TRUE when the file holds the document
 */
gboolean
pyprep_store_save_job_run (PyprepStoreSaveJob  *job,
                           GError             **error)
{
  g_autofree char *dir = g_path_get_dirname (job->path);
  g_autofree char *target = NULL;
  gboolean ok = FALSE;

  g_mutex_lock (&write_lock);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_mutex_unlock (&write_lock);
      return io_error (error, saved_errno, "cannot create", dir);
    }
  make_backup (job);
  /* A data file that is a link (to a dotfiles repository, say) stays one:
   * the new file replaces the link's target, beside it. */
  target = pyprep_store_file_resolve (job->path, error);
  if (target != NULL && job->fault != 0)
    ok = io_error (error, job->fault, "cannot write", target);
  else if (target != NULL)
    ok = write_changes (job, error) && write_document (job, target, error);
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
