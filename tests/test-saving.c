/* test-saving.c: the real window when the user's data must be written now or cannot be written.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ui-harness.h"

static PyprepStore *
store_of (Fixture *f)
{
  return pyprep_application_get_store (f->app);
}

/* The user's data as a second process would find it on disk now. */
static PyprepStore *
store_on_disk (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "pyprep", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  PyprepStore *store = pyprep_store_new (folder);

  g_assert_true (pyprep_store_load (store, NULL));
  return store;
}

/* Logout ------------------------------------------------------------------ */

static void
check_query_end_flushes (Fixture *f)
{
  g_autoptr(PyprepStore) before = NULL;
  g_autoptr(PyprepStore) after = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.bookmark", NULL));
  g_assert_true (pyprep_store_get_dirty (store_of (f)));
  /* Inside the save delay the disk does not have it yet. */
  before = store_on_disk ();
  g_assert_false (pyprep_store_get_bookmarked (before, "sample/basics/list"));

  /* The session manager asks whether the session may end: the data is
   * written before the answer, since the process may be gone right after. */
  g_signal_emit_by_name (f->app, "query-end");
  after = store_on_disk ();
  g_assert_true (pyprep_store_get_bookmarked (after, "sample/basics/list"));
}

static void
test_query_end (void)
{
  g_autofree char *deck = test_deck_path ("good");

  forget_user_data ();
  run_app (deck, check_query_end_flushes, NULL);
}

/* A broken link ---------------------------------------------------------- */

static void
check_backup_offered (Fixture *f)
{
  AdwBanner *banner = window_child (f, "banner");
  PyprepStore *store = store_of (f);

  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "nowhere/user-data.json"));
  g_assert_cmpstr (adw_banner_get_button_label (banner), ==, "_Load Backup");
  g_assert_false (pyprep_store_get_bookmarked (store, "sample/basics/list"));
  save_screenshot (f, "saving-backup-offered.png");

  /* The user takes the backup: its bookmark is back on screen. */
  g_signal_emit_by_name (banner, "button-clicked");
  g_assert_true (pyprep_store_get_bookmarked (store, "sample/basics/list"));
  g_assert_false (pyprep_store_get_read_only (store));
  g_assert_true (pyprep_window_get_bookmarked (f->window));
  g_assert_cmpstr (adw_banner_get_button_label (banner), ==, "_Dismiss");
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "user-data-2026-11-20.json"));
}

static void
test_backup_offered (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "pyprep", NULL);
  g_autofree char *link = g_build_filename (dir, PYPREP_STORE_FILE, NULL);
  g_autofree char *deck = test_deck_path ("good");

  forget_user_data ();
  write_file (dir, "backups/user-data-2026-11-20.json",
              "{\"schema_version\": 1, \"bookmarks\": {\"sample/basics/list\":"
              " {\"created\": \"2026-11-20T08:00:00Z\"}}}");
  g_assert_no_errno (symlink ("/nowhere/user-data.json", link));
  run_app (deck, check_backup_offered, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, NULL))
    return g_test_run ();

  g_test_add_func ("/pyprep/ui/saving/query-end", test_query_end);
  g_test_add_func ("/pyprep/ui/saving/backup-offered", test_backup_offered);

  return g_test_run ();
}
