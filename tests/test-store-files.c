/* test-store-files.c: the data file as people leave it: a link, a broken link, leftovers, missing.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "store-harness.h"

static const char one_bookmark[] =
  "{\"schema_version\": 1, \"bookmarks\": {\"d/t/kept\": {\"created\": \"2026-11-20T08:00:00Z\"}}}";

static char *
in_dir (Fixture    *f,
        const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
write_file (const char *path,
            const char *text)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static void
write_backup (Fixture    *f,
              const char *day,
              const char *text)
{
  g_autofree char *name = g_strdup_printf ("user-data-%s.json", day);
  g_autofree char *path = g_build_filename (f->dir, PYPREP_STORE_BACKUPS, name, NULL);

  write_file (path, text);
}

/* Two days of backups, the newest holding one bookmark: the store opened
 * on them must name the newest in its message. */
static PyprepStore *
open_with_backups (Fixture *f)
{
  PyprepStore *store;
  const char *message;

  write_backup (f, "2026-11-19", "{\"schema_version\": 1}");
  write_backup (f, "2026-11-20", one_bookmark);
  store = open_store (f);
  message = pyprep_store_get_recovery_message (store);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "user-data-2026-11-20.json"));
  return store;
}

static gboolean
is_link (const char *path)
{
  struct stat st;

  return g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode);
}

/* The names in @dir that look like a save's temporary file. */
static guint
count_temporaries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      const char *dot = strrchr (name, '.');

      n += dot != NULL && strlen (dot + 1) == 6 && strstr (name, ".json.") != NULL;
    }
  return n;
}

/* A data file kept in a dotfiles repository, reached through a relative
 * link and then an absolute one: loaded, and saved into the target, the
 * links left as they were. */
static void
test_store_files_link (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *target = in_dir (f, "dotfiles/pyprep/user-data.json");
  g_autofree char *middle = in_dir (f, "dotfiles/current.json");
  g_autoptr(PyprepStore) store = NULL;
  g_autoptr(PyprepStore) again = NULL;
  g_autofree char *link_text = NULL;
  g_autofree char *saved = NULL;

  write_file (target, one_bookmark);
  g_assert_no_errno (symlink (target, middle));
  g_assert_no_errno (symlink ("dotfiles/current.json", f->path));

  store = open_store (f);
  g_assert_null (pyprep_store_get_recovery_message (store));
  g_assert_true (pyprep_store_get_bookmarked (store, "d/t/kept"));
  pyprep_store_set_bookmarked (store, "d/t/new", TRUE);
  flush (store);

  g_assert_true (is_link (f->path));
  g_assert_true (is_link (middle));
  link_text = g_file_read_link (f->path, NULL);
  g_assert_cmpstr (link_text, ==, "dotfiles/current.json");
  saved = read_data (target);
  g_assert_nonnull (strstr (saved, "d/t/new"));
  g_assert_cmpuint (count_temporaries (f->dir), ==, 0);

  again = open_store (f);
  g_assert_true (pyprep_store_get_bookmarked (again, "d/t/new"));
  g_assert_true (pyprep_store_get_bookmarked (again, "d/t/kept"));
}

/* A damaged file behind a link: its target is set aside, the link stays
 * and leads to the new file after the next save. */
static void
test_store_files_link_damaged (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *target = in_dir (f, "dotfiles/user-data.json");
  g_autofree char *aside = g_strconcat (target, ".corrupt-20261121-120000", NULL);
  g_autoptr(PyprepStore) store = NULL;

  write_file (target, "garbage");
  g_assert_no_errno (symlink (target, f->path));

  store = open_store (f);
  g_assert_cmpstr (pyprep_store_get_set_aside_path (store), ==, aside);
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));
  pyprep_store_set_bookmarked (store, "d/t/e", TRUE);
  flush (store);
  g_assert_true (is_link (f->path));
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
}

/* A link whose target is gone (the repository moved, the disk not
 * plugged in): nothing loaded, nothing saved over it, the user told; no
 * backup, nothing offered. */
static void
test_store_files_dangling (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *target = in_dir (f, "gone/user-data.json");
  g_autoptr(PyprepStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *message;

  g_assert_no_errno (symlink (target, f->path));
  store = open_store (f);
  message = pyprep_store_get_recovery_message (store);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, target));
  g_assert_true (pyprep_store_get_read_only (store));
  g_assert_null (pyprep_store_get_offered_backup (store));

  pyprep_store_set_bookmarked (store, "d/t/e", TRUE);
  g_assert_false (pyprep_store_flush (store, &error));
  g_assert_error (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_READ_ONLY);
  g_assert_true (is_link (f->path));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* A link that leads back to itself, with a backup beside it: the backup
 * is offered, and taken, the link kept aside for the user to look at. */
static void
test_store_files_looping (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *other = in_dir (f, "other.json");
  g_autofree char *kept_link = g_strconcat (f->path, ".link-20261121-120000", NULL);
  g_autoptr(PyprepStore) store = NULL;
  g_autoptr(PyprepStore) again = NULL;
  g_autoptr(GError) error = NULL;
  guint imports = 0;

  g_assert_no_errno (symlink ("other.json", f->path));
  g_assert_no_errno (symlink (PYPREP_STORE_FILE, other));
  store = open_with_backups (f);
  g_assert_true (pyprep_store_get_read_only (store));
  g_assert_false (pyprep_store_get_bookmarked (store, "d/t/kept"));
  g_assert_cmpstr (pyprep_store_get_offered_backup (store), ==, "user-data-2026-11-20.json");

  g_signal_connect_swapped (store, "changed::import", G_CALLBACK (count_cb), &imports);
  g_assert_true (pyprep_store_use_backup (store, &error));
  g_assert_no_error (error);
  /* Everything may have changed, and the window hears it. */
  g_assert_cmpuint (imports, ==, 1);
  g_assert_true (pyprep_store_get_bookmarked (store, "d/t/kept"));
  g_assert_false (pyprep_store_get_read_only (store));
  g_assert_null (pyprep_store_get_offered_backup (store));
  g_assert_true (is_link (kept_link));
  g_assert_cmpstr (pyprep_store_get_set_aside_path (store), ==, kept_link);
  g_assert_nonnull (strstr (pyprep_store_get_recovery_message (store), kept_link));

  flush (store);
  g_assert_false (is_link (f->path));
  again = open_store (f);
  g_assert_null (pyprep_store_get_recovery_message (again));
  g_assert_true (pyprep_store_get_bookmarked (again, "d/t/kept"));
}

/* The temporary files of saves that crashed go at the next load; one that
 * a live save holds (locked) stays, and so does everything else. */
static void
test_store_files_leftovers (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *stale = in_dir (f, PYPREP_STORE_FILE ".Ab12Cd");
  g_autofree char *live = in_dir (f, PYPREP_STORE_FILE ".Lk00Lk");
  g_autofree char *notes = in_dir (f, PYPREP_STORE_FILE ".notes");
  g_autofree char *corrupt = in_dir (f, PYPREP_STORE_FILE ".corrupt-20261120-100000");
  g_autofree char *other = in_dir (f, "review-log.jsonl.Ab12Cd");
  g_autofree char *backup_tmp = g_build_filename (f->dir, PYPREP_STORE_BACKUPS,
                                                  "user-data-2026-11-20.json.Xy98Zw", NULL);
  g_autofree char *target = in_dir (f, "dotfiles/data.json");
  g_autofree char *target_tmp = in_dir (f, "dotfiles/data.json.Qq11Qq");
  g_autoptr(PyprepStore) store = NULL;
  int held;

  write_file (target, one_bookmark);
  g_assert_no_errno (symlink (target, f->path));
  write_file (stale, "half a save");
  write_file (live, "a save under way");
  write_file (notes, "not ours");
  write_file (corrupt, "kept for the user");
  write_file (other, "not ours either");
  write_file (backup_tmp, "half a backup");
  write_file (target_tmp, "half a save through the link");
  held = g_open (live, O_RDONLY | O_CLOEXEC, 0);
  g_assert_cmpint (held, >=, 0);
  g_assert_no_errno (flock (held, LOCK_EX));

  store = open_store (f);
  g_assert_true (pyprep_store_get_bookmarked (store, "d/t/kept"));
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (backup_tmp, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (target_tmp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (notes, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (corrupt, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  close (held);
}

/* user-data.json deleted, backups beside it: the newest is loaded, the
 * user told, and it becomes the data file again. */
static void
test_store_files_missing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PyprepStore) store = NULL;
  g_autoptr(PyprepStore) again = NULL;

  store = open_with_backups (f);
  g_assert_nonnull (strstr (pyprep_store_get_recovery_message (store), f->path));
  g_assert_true (pyprep_store_get_bookmarked (store, "d/t/kept"));
  g_assert_false (pyprep_store_get_read_only (store));
  g_assert_true (pyprep_store_get_dirty (store));

  flush (store);
  again = open_store (f);
  g_assert_null (pyprep_store_get_recovery_message (again));
  g_assert_true (pyprep_store_get_bookmarked (again, "d/t/kept"));
}

/* Failed saves --------------------------------------------------------------- */

static void
saved_cb (PyprepStore  *store,
          const GError *error,
          GPtrArray    *results)
{
  g_ptr_array_add (results, error != NULL ? g_error_copy (error) : NULL);
}

static void
free_result (gpointer data)
{
  if (data != NULL)
    g_error_free (data);
}

static gboolean
saved_twice (gpointer data)
{
  return ((GPtrArray *) data)->len >= 2;
}

/* A full disk, injected: the changes stay, the error says why, the store
 * counts what is unwritten and tries again by itself; when space returns
 * the next try writes everything and clears the error. No warning on the
 * way (G_DEBUG=fatal-warnings would end the test). */
static void
test_store_files_save_fails (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(PyprepStore) store = open_store (f);
  g_autoptr(PyprepStore) again = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (free_result);
  g_autoptr(GError) error = NULL;

  g_signal_connect (store, "saved", G_CALLBACK (saved_cb), results);
  pyprep_store_set_fault (store, ENOSPC);
  pyprep_store_set_bookmarked (store, "d/t/a", TRUE);
  pyprep_store_set_bookmarked (store, "d/t/b", TRUE);
  g_free (pyprep_store_add_annotation (store, "d/t/a", "a note", NULL, NULL, NULL));
  g_assert_false (pyprep_store_flush (store, &error));
  g_assert_error (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, g_strerror (ENOSPC)));
  g_assert_error (pyprep_store_get_save_error (store), PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_NO_SPACE);
  g_assert_true (pyprep_store_get_dirty (store));
  g_assert_cmpuint (pyprep_store_count_unsaved (store, "bookmark"), ==, 2);
  g_assert_cmpuint (pyprep_store_count_unsaved (store, "annotation"), ==, 1);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));

  /* Space comes back: the store's own next try writes it all. */
  pyprep_store_set_fault (store, 0);
  while (!saved_twice (results))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (g_ptr_array_index (results, 0));
  g_assert_null (g_ptr_array_index (results, 1));
  g_assert_null (pyprep_store_get_save_error (store));
  g_assert_cmpuint (pyprep_store_count_unsaved (store, "bookmark"), ==, 0);
  again = open_store (f);
  g_assert_true (pyprep_store_get_bookmarked (again, "d/t/b"));
  g_assert_cmpuint (pyprep_store_count_annotations (again, "d/t/a"), ==, 1);
}

static JsonObject *
review_line (const char *id)
{
  JsonObject *line = json_object_new ();

  json_object_set_string_member (line, "id", id);
  json_object_set_string_member (line, "card", "d/t/e#card");
  json_object_set_int_member (line, "rating", 3);
  json_object_set_string_member (line, "time", "2026-11-21T12:00:00Z");
  return line;
}

/* A review log line that cannot be written is kept in memory, in order,
 * shown like a failed save, and written with the next try. */
static void
test_store_files_review_kept (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(PyprepStore) store = open_store (f);
  g_autoptr(JsonObject) first = review_line ("r1");
  g_autoptr(JsonObject) second = review_line ("r2");
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (free_result);
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = g_build_filename (f->dir, PYPREP_STORE_REVIEW_LOG, NULL);

  g_signal_connect (store, "saved", G_CALLBACK (saved_cb), results);
  pyprep_store_set_fault (store, ENOSPC);
  g_assert_true (pyprep_store_append_review (store, first, &error));
  g_assert_no_error (error);
  g_assert_true (pyprep_store_append_review (store, second, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (log, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (pyprep_store_count_unsaved (store, "review"), ==, 2);
  g_assert_true (pyprep_store_get_dirty (store));
  g_assert_error (pyprep_store_get_save_error (store), PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_NO_SPACE);
  g_assert_cmpuint (results->len, >=, 1);
  g_assert_nonnull (g_ptr_array_index (results, 0));
  g_assert_false (pyprep_store_flush (store, NULL));

  pyprep_store_set_fault (store, 0);
  g_assert_true (pyprep_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_null (pyprep_store_get_save_error (store));
  g_assert_cmpuint (pyprep_store_count_unsaved (store, "review"), ==, 0);
  answers = pyprep_review_log_read (f->folder);
  g_assert_cmpuint (answers->len, ==, 2);
  g_assert_cmpstr (((PyprepReviewLogAnswer *) g_ptr_array_index (answers, 0))->id, ==, "r1");
  g_assert_cmpstr (((PyprepReviewLogAnswer *) g_ptr_array_index (answers, 1))->id, ==, "r2");
}

/* The real thing, where the test environment allows it (root, or a user
 * namespace): the data folder made read-only, then a tiny tmpfs filled,
 * in a private mount namespace of a child process. */
static void
test_store_files_real_failures (Fixture       *f,
                                gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(PyprepStore) store = NULL;
      g_autoptr(PyprepStore) tiny = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *big = NULL;
      g_autoptr(GFile) tiny_folder = NULL;

      g_assert_no_errno (unshare (CLONE_NEWNS));
      /* Kept from the parent's namespace when it can be; in a chroot "/"
       * is no mount point (EINVAL), and the mounts below are undone anyway. */
      mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
      store = open_store (f);
      g_assert_no_errno (mount (f->dir, f->dir, NULL, MS_BIND, NULL));
      g_assert_no_errno (mount (NULL, f->dir, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL));
      pyprep_store_set_bookmarked (store, "d/t/a", TRUE);
      g_assert_false (pyprep_store_flush (store, &error));
      g_assert_error (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_READ_ONLY_FOLDER);
      g_assert_cmpuint (pyprep_store_count_unsaved (store, "bookmark"), ==, 1);
      g_assert_no_errno (umount (f->dir));
      g_clear_error (&error);

      g_assert_no_errno (mount ("tmpfs", f->dir, "tmpfs", 0, "size=64k"));
      tiny_folder = g_file_new_for_path (f->dir);
      tiny = pyprep_store_new (tiny_folder);
      g_assert_true (pyprep_store_load (tiny, NULL));
      big = g_strnfill (200 * 1024, 'x');
      g_free (pyprep_store_add_annotation (tiny, "d/t/a", big, NULL, NULL, NULL));
      g_assert_false (pyprep_store_flush (tiny, &error));
      g_assert_error (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_NO_SPACE);
      /* Nothing half-written is left behind on the full disk. */
      g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
      g_assert_no_errno (umount (f->dir));
      g_print ("RAN\n");
      return;
    }

  /* Mounting needs root (build-aux/dev.sh runs the tests as root). */
  if (geteuid () != 0)
    {
      g_test_skip ("not root: no private mount namespace; save-fails injects the same failures");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*RAN*");
}

/* Another process loads in the moment a save has created its temporary
 * file but not locked it yet: the load takes it for a crash's leftover and
 * removes it; the save must still write (tests/probes/repeat.sh found
 * "cannot replace user-data.json: No such file or directory" with two
 * processes). */
static void
load_beside (const char *path,
             gpointer    user_data)
{
  Fixture *f = user_data;
  g_autoptr(PyprepStore) other = NULL;

  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  other = open_store (f);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_store_files_leftover_race (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(PyprepStore) store = open_store (f);
  g_autoptr(PyprepStore) after = NULL;
  g_autoptr(GError) error = NULL;

  pyprep_store_set_bookmarked (store, "d/t/raced", TRUE);
  pyprep_store_set_temporary_hook (load_beside, f);
  g_assert_true (pyprep_store_flush (store, &error));
  g_assert_no_error (error);
  pyprep_store_set_temporary_hook (NULL, NULL);

  after = open_store (f);
  g_assert_true (pyprep_store_get_bookmarked (after, "d/t/raced"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pyprep/store-files/link", Fixture, NULL, fixture_set_up, test_store_files_link, fixture_tear_down);
  g_test_add ("/pyprep/store-files/link-damaged", Fixture, NULL, fixture_set_up, test_store_files_link_damaged,
              fixture_tear_down);
  g_test_add ("/pyprep/store-files/dangling", Fixture, NULL, fixture_set_up, test_store_files_dangling,
              fixture_tear_down);
  g_test_add ("/pyprep/store-files/looping", Fixture, NULL, fixture_set_up, test_store_files_looping,
              fixture_tear_down);
  g_test_add ("/pyprep/store-files/leftovers", Fixture, NULL, fixture_set_up, test_store_files_leftovers,
              fixture_tear_down);
  g_test_add ("/pyprep/store-files/save-fails", Fixture, NULL, fixture_set_up, test_store_files_save_fails,
              fixture_tear_down);
  g_test_add ("/pyprep/store-files/review-kept", Fixture, NULL, fixture_set_up, test_store_files_review_kept,
              fixture_tear_down);
  g_test_add ("/pyprep/store-files/real-failures", Fixture, NULL, fixture_set_up,
              test_store_files_real_failures, fixture_tear_down);
  g_test_add ("/pyprep/store-files/missing", Fixture, NULL, fixture_set_up, test_store_files_missing,
              fixture_tear_down);

  g_test_add ("/pyprep/store-files/leftover-race", Fixture, NULL, fixture_set_up,
              test_store_files_leftover_race, fixture_tear_down);

  return g_test_run ();
}
