/* pyprep-merge-folder.c: the synced study folder: each device's change records and review log, read and merged.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A folder that the user's sync tool (Syncthing, Nextcloud, Dropbox, a
 * network drive) carries between machines. Each device writes only its own
 * folder, devices/<device-id>/, so two machines never write one file:
 *
 * - changes.jsonl: a change record per line, appended at each save
 *   (pyprep_merge_change_line(): a record or a tombstone, with its stamp);
 * - snapshot.jsonl.gz: change records older than PYPREP_SYNC_COMPACT_DAYS,
 *   folded to the last one per record, gzip-compressed
 *   (pyprep_sync_folder_compact()); snapshot.jsonl, plain, from an older
 *   Pyprep, is read too;
 * - review-log.jsonl: this device's answers, appended;
 * - reviews-YYYY-MM-DD.jsonl.gz: its answers of a week that ended more
 *   than PYPREP_SYNC_COMPACT_DAYS ago, moved out of the review log
 *   (pyprep-merge-archive.c), read like it.
 *
 * Reading merges every device's files into the local document, last
 * writer wins by stamp, and collects review log lines not seen before
 * (pyprep_sync_folder_merge()). A line that does not parse (a file copied
 * halfway) is skipped alone; it comes back when the copy completes. Files
 * that sync tools make in a conflict are read too, their lines appended
 * to this device's own files so nothing in them is lost, and then they
 * are removed (only when every line of them was read).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pyprep-merge-folder.h"

#include "pyprep-hlc.h"
#include "pyprep-merge-archive.h"
#include "pyprep-review-log.h"

struct _PyprepSyncFolder
{
  char *path;
  char *device;
  GHashTable *seen;            /* path -> identity of the version merged */
};

static const char * const file_names[] = {
  [PYPREP_SYNC_FILE_NONE] = NULL,
  [PYPREP_SYNC_FILE_CHANGES] = PYPREP_SYNC_CHANGES,
  [PYPREP_SYNC_FILE_SNAPSHOT] = PYPREP_SYNC_SNAPSHOT,
  [PYPREP_SYNC_FILE_PACKED_SNAPSHOT] = PYPREP_SYNC_PACKED_SNAPSHOT,
  [PYPREP_SYNC_FILE_REVIEWS] = PYPREP_SYNC_REVIEWS,
  [PYPREP_SYNC_FILE_ARCHIVE] = NULL,
};

/* Removes from @name the mark a sync tool gives a conflicted copy:
 * "x (conflicted copy 2026-12-07 103000).jsonl", "x (Laptop's conflicted
 * copy 2026-12-07).jsonl" (Dropbox, Nextcloud),
 * "x.sync-conflict-20261207-103000-ABCDEFG.jsonl" (Syncthing), "x.jsonl~1".
 * Returns whether there was one. */
static gboolean
strip_conflict_mark (GString *name)
{
  const char *mark = strstr (name->str, "conflicted copy");
  const char *syncthing = strstr (name->str, ".sync-conflict-");
  gsize len = name->len;

  if (mark != NULL)
    {
      const char *open = g_strrstr_len (name->str, mark - name->str, " (");
      const char *close = strchr (mark, ')');

      if (open == NULL || close == NULL)
        return FALSE;
      g_string_erase (name, open - name->str, close + 1 - open);
      return TRUE;
    }
  if (syncthing != NULL)
    {
      const char *dot = strchr (syncthing + 1, '.');
      gsize start = syncthing - name->str;

      g_string_erase (name, start, (dot != NULL ? (gsize) (dot - name->str) : name->len) - start);
      return TRUE;
    }
  while (len > 0 && g_ascii_isdigit (name->str[len - 1]))
    len--;
  if (len < name->len && len > 0 && name->str[len - 1] == '~')
    {
      g_string_truncate (name, len - 1);
      return TRUE;
    }
  return FALSE;
}

/**
 * pyprep_sync_file_classify:
 * @name: the name of a file in a device's folder
 * @conflict: (out) (optional): whether it is a sync tool's conflicted copy
 *
 * Returns: what the file holds, or %PYPREP_SYNC_FILE_NONE for anything
 *   else (a temporary file, a file of the user's)
 */
PyprepSyncFile
pyprep_sync_file_classify (const char *name,
                           gboolean   *conflict)
{
  g_autoptr(GString) base = g_string_new (name);
  gboolean marked = strip_conflict_mark (base);

  if (conflict != NULL)
    *conflict = marked;
  for (guint i = PYPREP_SYNC_FILE_CHANGES; i < G_N_ELEMENTS (file_names); i++)
    if (g_strcmp0 (base->str, file_names[i]) == 0)
      return (PyprepSyncFile) i;
  if (pyprep_sync_archive_name_valid (base->str))
    return PYPREP_SYNC_FILE_ARCHIVE;
  return PYPREP_SYNC_FILE_NONE;
}

/**
 * pyprep_sync_folder_new:
 * @path: the synced folder
 * @device_id: this device's ID, the name of the only folder it writes
 *
 * Returns: (transfer full): the folder, not read yet
 */
PyprepSyncFolder *
pyprep_sync_folder_new (const char *path,
                        const char *device_id)
{
  PyprepSyncFolder *self;

  g_return_val_if_fail (path != NULL && device_id != NULL, NULL);

  self = g_new0 (PyprepSyncFolder, 1);
  self->path = g_strdup (path);
  self->device = g_strdup (device_id);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
pyprep_sync_folder_free (PyprepSyncFolder *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_free (self->device);
  g_hash_table_unref (self->seen);
  g_free (self);
}

/**
 * pyprep_sync_folder_get_path:
 *
 * Returns: the synced folder
 */
const char *
pyprep_sync_folder_get_path (PyprepSyncFolder *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

/**
 * pyprep_sync_folder_dup_device_dir:
 *
 * Returns: (transfer full): the folder this device writes
 */
char *
pyprep_sync_folder_dup_device_dir (PyprepSyncFolder *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_build_filename (self->path, PYPREP_SYNC_DEVICES, self->device, NULL);
}

static char *
own_file (PyprepSyncFolder *self,
          PyprepSyncFile    what)
{
  g_autofree char *dir = pyprep_sync_folder_dup_device_dir (self);

  return g_build_filename (dir, file_names[what], NULL);
}

/**
 * pyprep_sync_folder_append:
 * @what: %PYPREP_SYNC_FILE_CHANGES or %PYPREP_SYNC_FILE_REVIEWS
 * @lines: (element-type JsonObject): change records or review log lines
 * @error: the return location for a #G_IO_ERROR
 *
 * Appends @lines to this device's file, durably.
 *
 * Returns: %TRUE on success
 */
gboolean
pyprep_sync_folder_append (PyprepSyncFolder  *self,
                           PyprepSyncFile     what,
                           GPtrArray         *lines,
                           GError           **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (what == PYPREP_SYNC_FILE_CHANGES || what == PYPREP_SYNC_FILE_REVIEWS, FALSE);

  if (lines->len == 0)
    return TRUE;
  path = own_file (self, what);
  return pyprep_review_log_append_lines (path, lines, error);
}

/**
 * pyprep_sync_file_identity:
 * @path: a file
 *
 * What tells one version of a file from another: its device, inode, size
 * and change time. Saves replace a file (a new inode), appends change its
 * size.
 *
 * Returns: (transfer full) (nullable): the identity, or %NULL when the
 *   file is not there
 */
char *
pyprep_sync_file_identity (const char *path)
{
  struct stat st;

  if (g_stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%ju:%ju:%jd:%jd.%09ld", (uintmax_t) st.st_dev, (uintmax_t) st.st_ino,
                          (intmax_t) st.st_size, (intmax_t) st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

typedef struct
{
  PyprepSyncFolder *self;
  JsonObject *root;
  GHashTable *known_reviews;
  GPtrArray *new_reviews;
  PyprepMergeChangedFunc changed;
  gpointer user_data;
  guint n_changed;
} MergeRun;

static void
count_changed_cb (const char *kind,
                  const char *id,
                  gpointer    user_data)
{
  MergeRun *run = user_data;

  run->n_changed++;
  if (run->changed != NULL)
    run->changed (kind, id, run->user_data);
}

/* Merges one file's lines. Returns whether every line was read. */
static gboolean
merge_file (MergeRun       *run,
            const char     *path,
            PyprepSyncFile  what,
            GPtrArray     **lines_out)
{
  gboolean complete = TRUE;
  gboolean answers = what == PYPREP_SYNC_FILE_REVIEWS || what == PYPREP_SYNC_FILE_ARCHIVE;
  g_autoptr(GPtrArray) lines = pyprep_sync_read_lines (path, &complete);

  for (guint i = 0; i < lines->len; i++)
    {
      JsonObject *line = g_ptr_array_index (lines, i);

      if (answers)
        {
          char *identity = pyprep_review_log_line_identity (line);

          if (g_hash_table_add (run->known_reviews, identity))
            g_ptr_array_add (run->new_reviews, json_object_ref (line));
        }
      else if (!pyprep_merge_offer_line (run->root, line, count_changed_cb, run))
        complete = FALSE;
    }
  *lines_out = g_steal_pointer (&lines);
  return complete;
}

/* A conflicted copy: its lines go to this device's own file, so that the
 * copy can go without losing any. Returns whether it went. */
static gboolean
absorb_conflict (MergeRun       *run,
                 const char     *path,
                 PyprepSyncFile  what)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  gboolean complete = merge_file (run, path, what, &lines);
  PyprepSyncFile own = what == PYPREP_SYNC_FILE_REVIEWS || what == PYPREP_SYNC_FILE_ARCHIVE
                       ? PYPREP_SYNC_FILE_REVIEWS : PYPREP_SYNC_FILE_CHANGES;

  if (!pyprep_sync_folder_append (run->self, own, lines, &error))
    {
      g_debug ("Cannot keep the lines of %s: %s", path, error->message);
      return FALSE;
    }
  /* A copy cut short stays until it is whole: its torn line may exist
   * nowhere else. */
  if (!complete)
    return FALSE;
  if (g_unlink (path) != 0)
    {
      g_debug ("Cannot remove %s: %s", path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static void
merge_device (MergeRun   *run,
              const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *identity = NULL;
      g_autoptr(GPtrArray) lines = NULL;
      gboolean conflict = FALSE;
      PyprepSyncFile what = pyprep_sync_file_classify (name, &conflict);

      if (what == PYPREP_SYNC_FILE_NONE)
        continue;
      identity = pyprep_sync_file_identity (path);
      if (identity == NULL
          || g_strcmp0 (g_hash_table_lookup (run->self->seen, path), identity) == 0)
        continue;
      /* A conflicted copy kept (cut short) is not read again until it
       * changes. */
      if (conflict && absorb_conflict (run, path, what))
        continue;
      if (!conflict)
        merge_file (run, path, what, &lines);
      g_hash_table_insert (run->self->seen, g_steal_pointer (&path), g_steal_pointer (&identity));
    }
}

/**
 * pyprep_sync_folder_merge:
 * @root: the local document, with mutable containers and tombstones
 * @known_reviews: (element-type utf8): the identities
 *   (pyprep_review_log_line_identity()) of the review log lines the local
 *   log holds; the new ones are added
 * @new_reviews: (element-type JsonObject): where the review log lines
 *   not in @known_reviews are added, to append to the local log
 * @changed: (nullable) (scope call): called for each record of @root
 *   changed
 *
 * Reads every device's files that changed since the last merge, and
 * conflicted copies, and merges them into @root.
 *
 * Returns: how many records of @root changed
 */
guint
pyprep_sync_folder_merge (PyprepSyncFolder       *self,
                          JsonObject             *root,
                          GHashTable             *known_reviews,
                          GPtrArray              *new_reviews,
                          PyprepMergeChangedFunc  changed,
                          gpointer                user_data)
{
  MergeRun run = { self, root, known_reviews, new_reviews, changed, user_data, 0 };
  g_autofree char *devices = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;

  g_return_val_if_fail (self != NULL && root != NULL, 0);

  devices = g_build_filename (self->path, PYPREP_SYNC_DEVICES, NULL);
  d = g_dir_open (devices, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *dir = g_build_filename (devices, name, NULL);

      if (g_file_test (dir, G_FILE_TEST_IS_DIR))
        merge_device (&run, dir);
    }
  return run.n_changed;
}

static gboolean
older_than (JsonObject *line,
            gint64      before)
{
  gint64 wall = G_MAXINT64;

  pyprep_hlc_parse (json_object_get_string_member_with_default (line, PYPREP_MERGE_STAMP, NULL),
                    &wall, NULL);
  return wall < before;
}

/* Folds the change records older than @before of @changes into @snapshot.
 * Returns the records to keep in the change file, or %NULL when none is
 * old enough to fold. */
static GPtrArray *
fold (GPtrArray  *changes,
      GPtrArray  *snapshot,
      gint64      before,
      GPtrArray **folded)
{
  g_autoptr(JsonObject) root = pyprep_merge_new_document ();
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  guint n_old = 0;

  for (guint i = 0; i < snapshot->len; i++)
    pyprep_merge_offer_line (root, g_ptr_array_index (snapshot, i), NULL, NULL);
  for (guint i = 0; i < changes->len; i++)
    {
      JsonObject *line = g_ptr_array_index (changes, i);

      if (older_than (line, before) && pyprep_merge_offer_line (root, line, NULL, NULL))
        n_old++;
      else if (!older_than (line, before))
        g_ptr_array_add (keep, json_object_ref (line));
    }
  if (n_old == 0)
    return NULL;
  *folded = pyprep_merge_dup_change_lines (root);
  return g_steal_pointer (&keep);
}

/* Folds this device's change records older than @before into its
 * snapshot, gzip-compressed; the plain snapshot of an older Pyprep is
 * read, folded in and then removed. */
static gboolean
compact_changes (PyprepSyncFolder  *self,
                 gint64             before,
                 GError           **error)
{
  g_autofree char *changes_path = own_file (self, PYPREP_SYNC_FILE_CHANGES);
  g_autofree char *plain_path = own_file (self, PYPREP_SYNC_FILE_SNAPSHOT);
  g_autofree char *snapshot_path = own_file (self, PYPREP_SYNC_FILE_PACKED_SNAPSHOT);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) snapshot = NULL;
  g_autoptr(GPtrArray) keep = NULL;
  g_autoptr(GPtrArray) folded = NULL;
  gboolean ok = TRUE;
  int fd;

  fd = pyprep_sync_lock (changes_path);
  if (fd < 0)
    return TRUE;
  changes = pyprep_review_log_read_lines (changes_path, NULL);
  snapshot = pyprep_sync_read_lines (snapshot_path, NULL);
  g_ptr_array_extend_and_steal (snapshot, pyprep_review_log_read_lines (plain_path, NULL));
  keep = fold (changes, snapshot, before, &folded);
  if (keep != NULL)
    {
      ok = pyprep_sync_write_gzip_lines (snapshot_path, folded, error)
           && pyprep_sync_write_lines (changes_path, keep, error);
      if (ok && g_unlink (plain_path) != 0 && errno != ENOENT)
        g_debug ("Cannot remove %s: %s", plain_path, g_strerror (errno));
    }
  close (fd);
  return ok;
}

/**
 * pyprep_sync_folder_compact:
 * @before: the wall time (microseconds since the epoch) before which
 *   change records fold into the snapshot, and whole weeks of answers
 *   move to archives
 * @error: the return location for a #G_IO_ERROR or #G_FILE_ERROR
 *
 * Folds this device's change records older than @before into its
 * snapshot, the last one of each record (tombstones included, so a
 * device offline for months still sees the delete), and leaves the newer
 * ones in the change file. The snapshot is written first: a reader in
 * between sees some records twice, which merges the same, and never
 * misses one. Appends wait on the same lock. Then moves the answers of
 * its review log older than @before to archives
 * (pyprep_sync_compact_reviews()).
 *
 * Returns: %TRUE unless a file could not be written
 */
gboolean
pyprep_sync_folder_compact (PyprepSyncFolder  *self,
                            gint64             before,
                            GError           **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!compact_changes (self, before, error))
    return FALSE;
  dir = pyprep_sync_folder_dup_device_dir (self);
  return pyprep_sync_compact_reviews (dir, before, error);
}

/**
 * pyprep_sync_folder_dup_own_answers:
 *
 * Returns: (transfer full) (element-type JsonObject): the lines of this
 *   device's review log in the synced folder and of its archives
 */
GPtrArray *
pyprep_sync_folder_dup_own_answers (PyprepSyncFolder *self)
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) d = NULL;
  g_autofree char *log = NULL;
  GPtrArray *lines;
  const char *name;

  g_return_val_if_fail (self != NULL, NULL);

  dir = pyprep_sync_folder_dup_device_dir (self);
  log = g_build_filename (dir, PYPREP_SYNC_REVIEWS, NULL);
  lines = pyprep_review_log_read_lines (log, NULL);
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      gboolean conflict = FALSE;

      if (pyprep_sync_file_classify (name, &conflict) == PYPREP_SYNC_FILE_ARCHIVE && !conflict)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);

          g_ptr_array_extend_and_steal (lines, pyprep_sync_read_lines (path, NULL));
        }
    }
  return lines;
}
