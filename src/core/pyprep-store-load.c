/* pyprep-store-load.c: loading the user's data, whatever state the data file is in.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pyprep_store_load() first removes the temporary files of saves that a
 * crash cut short, then finds user-data.json in one of these states:
 *
 * - there and whole: loaded (read-only when a newer Pyprep wrote it);
 * - a symbolic link (people keep dotfiles in a repository): followed, and
 *   saves write to its target; a link that leads nowhere (its target is
 *   gone, or it loops) loads nothing and saves nothing, and the newest
 *   backup is offered instead (pyprep_store_use_backup());
 * - missing: a first start, or, when there are backups, a file lost: the
 *   newest backup is loaded;
 * - damaged: set aside, never written over, and the newest good backup
 *   loaded;
 * - unreadable (permissions, I/O): nothing is loaded or saved.
 *
 * Every case but the first start and a whole file leaves a recovery
 * message for the window to show.
 */
#include "config.h"

#include <errno.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pyprep-store-private.h"

#include "pyprep-merge-folder.h"

#include "pyprep-time.h"

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

/* Adopts @restored, a backup, with @message as the recovery message. The
 * restored data becomes the data file at the next save, unless a newer
 * Pyprep wrote it: that is shown, never saved over with what this
 * version understands. */
static void
adopt_backup (PyprepStore *self,
              JsonNode    *restored,
              char        *message)
{
  g_free (self->recovery_message);
  self->recovery_message = message;
  if (pyprep_store_document_adopt (self, restored))
    {
      g_autofree char *first = g_steal_pointer (&self->recovery_message);

      self->recovery_message = g_strconcat (first, " ", pyprep_store_newer_message (), NULL);
      return;
    }
  self->dirty = TRUE;
}

/* After @damage made the data file unusable: sets it aside (the link's
 * target, when it is a link, so the link stays) and loads the newest good
 * backup, or starts empty, and says so. */
static void
recover_damaged (PyprepStore  *self,
                 const char   *target,
                 const GError *damage)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) restored = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;

  self->set_aside_path = pyprep_store_file_set_aside (target, pyprep_store_now (self), &error);
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

  adopt_backup (self, restored,
                g_strdup_printf (_("Your data file was damaged (%s). It was moved to %s, and the backup "
                                   "%s was loaded instead."),
                                 damage->message, self->set_aside_path, name));
}

/* No data file: a first start, unless there are backups. */
static void
load_missing (PyprepStore *self)
{
  g_autofree char *dir = pyprep_store_file_backups_dir (self);
  g_autofree char *name = NULL;
  g_autoptr(JsonNode) restored = pyprep_store_file_read_newest_backup (dir, &name);

  pyprep_store_document_reset (self);
  if (restored == NULL)
    return;
  adopt_backup (self, restored,
                g_strdup_printf (_("Your data file %s was missing, so the newest backup, %s, was "
                                   "loaded."),
                                 self->path, name));
}

/* When the data file is a link that leads nowhere, says so, offers the
 * newest backup, and returns FALSE: nothing is loaded or saved, since the
 * link's target may come back (a repository on a disk not plugged in). */
static gboolean
check_link (PyprepStore *self,
            char       **target)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(JsonNode) restored = NULL;
  g_autofree char *problem = NULL;
  struct stat st;

  *target = pyprep_store_file_resolve (self->path, &error);
  if (*target != NULL && (g_strcmp0 (*target, self->path) == 0 || g_stat (*target, &st) == 0
                          || errno != ENOENT))
    return TRUE;

  if (*target == NULL)
    problem = g_strdup_printf (_("Your data file %s is a link that leads back to itself (%s). "
                                 "Pyprep shows no data and saves nothing until the link is fixed."),
                               self->path, error->message);
  else
    problem = g_strdup_printf (_("Your data file %s is a link to %s, which does not exist. Pyprep "
                                 "shows no data and saves nothing until the link is fixed."),
                               self->path, *target);
  pyprep_store_document_reset (self);
  self->read_only = TRUE;

  dir = pyprep_store_file_backups_dir (self);
  restored = pyprep_store_file_read_newest_backup (dir, &backup);
  if (restored == NULL)
    {
      self->recovery_message = g_steal_pointer (&problem);
      return FALSE;
    }
  self->offered_backup = g_strdup (backup);
  self->recovery_message = g_strdup_printf (_("%s Or load the backup %s instead."), problem, backup);
  return FALSE;
}

/* Leftovers of saves cut short, beside the data file, beside the target
 * of its link, and among the backups. */
static void
remove_leftovers (PyprepStore *self)
{
  g_autofree char *folder = g_file_get_path (self->folder);
  g_autofree char *backups = pyprep_store_file_backups_dir (self);
  g_autofree char *target = pyprep_store_file_resolve (self->path, NULL);
  guint removed;

  removed = pyprep_store_file_remove_leftovers (folder, PYPREP_STORE_FILE);
  if (target != NULL && g_strcmp0 (target, self->path) != 0)
    {
      g_autofree char *dir = g_path_get_dirname (target);
      g_autofree char *base = g_path_get_basename (target);

      removed += pyprep_store_file_remove_leftovers (dir, base);
    }
  removed += pyprep_store_file_remove_leftovers (backups, NULL);
  if (removed > 0)
    g_debug ("Removed %u temporary files left by an earlier crash", removed);
}

static gboolean load_file (PyprepStore  *self,
                           GError      **error);

/**
 * pyprep_store_load:
 * @error: the return location for an error that left the store empty
 *
 * Loads user-data.json, as the top of this file describes;
 * pyprep_store_get_recovery_message() then says what happened when it was
 * anything but a plain load or a first start.
 *
 * Returns: %TRUE unless nothing could be loaded from a file that exists
 */
gboolean
pyprep_store_load (PyprepStore  *self,
                   GError      **error)
{
  g_autofree char *target = NULL;

  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);

  g_clear_pointer (&self->recovery_message, g_free);
  g_clear_pointer (&self->set_aside_path, g_free);
  g_clear_pointer (&self->offered_backup, g_free);
  self->read_only = FALSE;

  remove_leftovers (self);
  if (!check_link (self, &target))
    return TRUE;
  if (!load_file (self, error))
    return FALSE;
  pyprep_store_sync_loaded (self);
  return TRUE;
}

/* Loads the data file, or what takes its place, as pyprep_store_load()
 * says. */
static gboolean
load_file (PyprepStore  *self,
           GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *target = pyprep_store_file_resolve (self->path, NULL);
  g_autofree char *identity = NULL;

  g_clear_pointer (&self->identity, g_free);
  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      load_missing (self);
      return TRUE;
    }

  /* Taken before the read: a save of another process in between is then
   * merged at the first save, not missed. */
  identity = pyprep_sync_file_identity (target);
  root = pyprep_store_file_read (self->path, &local_error);
  if (root != NULL)
    {
      self->identity = g_steal_pointer (&identity);
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
  recover_damaged (self, target, local_error);
  return TRUE;
}

/**
 * pyprep_store_get_offered_backup:
 *
 * Returns: (nullable): the file name of the backup that
 *   pyprep_store_use_backup() would load: when the data file is a link
 *   that leads nowhere and a backup exists
 */
const char *
pyprep_store_get_offered_backup (PyprepStore *self)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  return self->offered_backup;
}

/**
 * pyprep_store_use_backup:
 * @error: the return location for a %PYPREP_STORE_ERROR_IO error
 *
 * Accepts the backup offered for a data file behind a broken link: the
 * link is moved aside (to `user-data.json.link-YYYYMMDD-HHMMSS`, kept for
 * the user to look at), the backup is loaded, and the next save writes a
 * plain data file. Emits #PyprepStore::changed with "import": everything
 * may have changed.
 *
 * Returns: %TRUE when the backup is loaded
 */
gboolean
pyprep_store_use_backup (PyprepStore  *self,
                         GError      **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(JsonNode) restored = NULL;

  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->offered_backup != NULL, FALSE);

  dir = pyprep_store_file_backups_dir (self);
  path = g_build_filename (dir, self->offered_backup, NULL);
  restored = pyprep_store_file_read (path, error);
  if (restored == NULL)
    return FALSE;

  stamp = pyprep_time_format_utc (pyprep_store_now (self), "%Y%m%d-%H%M%S");
  aside = g_strdup_printf ("%s.link-%s", self->path, stamp);
  if (g_rename (self->path, aside) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_IO, _("Cannot move the link %s aside: %s"),
                   self->path, g_strerror (saved_errno));
      return FALSE;
    }

  self->read_only = FALSE;
  g_free (self->set_aside_path);
  self->set_aside_path = g_steal_pointer (&aside);
  adopt_backup (self, restored,
                g_strdup_printf (_("The backup %s was loaded; the broken link was moved to %s."),
                                 self->offered_backup, self->set_aside_path));
  g_clear_pointer (&self->offered_backup, g_free);
  pyprep_store_changed (self, "import", NULL);
  return TRUE;
}
