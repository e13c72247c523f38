/* test-saving.c: the real window when the user's data must be written now or cannot be written.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sys/mount.h>
#include <sys/vfs.h>
#include <linux/magic.h>

#include "ui-harness.h"

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

/* A save that fails -------------------------------------------------------- */

static void
check_save_banner (Fixture *f)
{
  PyprepStore *store = store_of (f);
  GtkRevealer *banner = window_child (f, "save_banner");
  GtkLabel *label = window_child (f, "save_banner_label");
  g_autofree char *folder = g_file_get_parse_name (pyprep_store_get_folder (store));
  g_autoptr(PyprepStore) on_disk = NULL;

  g_assert_false (gtk_revealer_get_reveal_child (banner));

  /* The disk fills up (injected): the bookmark's save fails, and says so. */
  pyprep_store_set_fault (store, ENOSPC);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.bookmark", NULL));
  g_assert_false (pyprep_store_flush (store, NULL));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "full"));
  g_assert_nonnull (strstr (gtk_label_get_text (label), folder));
  spin (400);
  save_screenshot (f, "saving-banner.png");

  /* Try Again while the disk is still full: still there. */
  click_button (GTK_WIDGET (f->window), "_Try Again");
  g_assert_true (gtk_revealer_get_reveal_child (banner));

  /* Space comes back: Try Again writes it, and the banner goes. */
  pyprep_store_set_fault (store, 0);
  click_button (GTK_WIDGET (f->window), "_Try Again");
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  on_disk = store_on_disk ();
  g_assert_true (pyprep_store_get_bookmarked (on_disk, "sample/basics/list"));
}

static void
test_save_banner (void)
{
  g_autofree char *deck = test_deck_path ("good");

  forget_user_data ();
  run_app (deck, check_save_banner, NULL);
}

static AdwAlertDialog *
visible_dialog (Fixture *f)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));

  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  return ADW_ALERT_DIALOG (dialog);
}

static void
check_quit_asks (Fixture *f)
{
  PyprepStore *store = store_of (f);
  AdwAlertDialog *dialog;

  pyprep_store_set_fault (store, ENOSPC);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.bookmark", NULL));

  /* Closing asks; the window stays, the changes with it. */
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  dialog = visible_dialog (f);
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "Changes Not Saved");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "1 bookmark change"));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "full"));
  /* It names the folder, and lists the changes as a sentence does. */
  {
    g_autofree char *folder = g_file_get_parse_name (pyprep_store_get_folder (store));

    g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), folder));
    g_assert_null (strstr (adw_alert_dialog_get_body (dialog), ";"));
  }
  g_assert_cmpstr (adw_alert_dialog_get_default_response (dialog), ==, "retry");
  spin (400);
  save_screenshot (f, "saving-quit-dialog.png");

  /* Try Again on a disk still full: asked again. */
  g_signal_emit_by_name (dialog, "response", "retry");
  adw_dialog_force_close (ADW_DIALOG (dialog));
  spin (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  dialog = visible_dialog (f);
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "1 bookmark change"));
  adw_dialog_force_close (ADW_DIALOG (dialog));

  /* The disk has room again: the window closes (in the harness), saving. */
  pyprep_store_set_fault (store, 0);
}

static void
test_quit_asks (void)
{
  g_autofree char *deck = test_deck_path ("good");
  g_autoptr(PyprepStore) on_disk = NULL;

  forget_user_data ();
  run_app (deck, check_quit_asks, NULL);
  on_disk = store_on_disk ();
  g_assert_true (pyprep_store_get_bookmarked (on_disk, "sample/basics/list"));
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

/* A read-only folder (injected) ----------------------------------------------- */

static void
check_read_only_banner (Fixture *f)
{
  PyprepStore *store = store_of (f);
  GtkRevealer *banner = window_child (f, "save_banner");
  GtkLabel *label = window_child (f, "save_banner_label");
  g_autofree char *folder = g_file_get_parse_name (pyprep_store_get_folder (store));

  pyprep_store_set_fault (store, EROFS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.bookmark", NULL));
  g_assert_false (pyprep_store_flush (store, NULL));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_assert_nonnull (strstr (gtk_label_get_text (label), folder));
  g_assert_null (strstr (gtk_label_get_text (label), "full"));
  spin (400);
  save_screenshot (f, "saving-banner-read-only.png");
  pyprep_store_set_fault (store, 0);
  click_button (GTK_WIDGET (f->window), "_Try Again");
  g_assert_false (gtk_revealer_get_reveal_child (banner));
}

static void
test_read_only_banner (void)
{
  g_autofree char *deck = test_deck_path ("good");

  forget_user_data ();
  run_app (deck, check_read_only_banner, NULL);
}

/* A real full disk and a real read-only folder ----------------------------------- */

/* Whether the data folder is on a tmpfs of at most 1 MiB, as
 * tests/probes/disk.sh mounts one in a private mount namespace. */
static gboolean
data_on_tiny_tmpfs (void)
{
  struct statfs fs;

  return statfs (g_get_user_data_dir (), &fs) == 0 && fs.f_type == TMPFS_MAGIC
         && (guint64) fs.f_blocks * fs.f_bsize <= 1024 * 1024;
}

/* Writes a file until the disk is full; returns its path. */
static char *
fill_disk (void)
{
  char *path = g_build_filename (g_get_user_data_dir (), "filler", NULL);
  g_autofree char *block = g_malloc0 (4096);
  FILE *file = fopen (path, "w");

  g_assert_nonnull (file);
  while (fwrite (block, 1, 4096, file) == 4096 && fflush (file) == 0)
    ;
  fclose (file);
  return path;
}

static void
check_real_failures (Fixture *f)
{
  PyprepStore *store = store_of (f);
  GtkRevealer *banner = window_child (f, "save_banner");
  GtkLabel *label = window_child (f, "save_banner_label");
  g_autofree char *filler = NULL;
  g_autoptr(PyprepStore) on_disk = NULL;
  AdwAlertDialog *dialog;

  g_assert_true (pyprep_store_flush (store, NULL));
  filler = fill_disk ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.bookmark", NULL));
  g_assert_false (pyprep_store_flush (store, NULL));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_test_message ("disk full: %s", gtk_label_get_text (label));
  g_assert_nonnull (strstr (gtk_label_get_text (label), "full"));
  gtk_window_close (GTK_WINDOW (f->window));
  dialog = visible_dialog (f);
  g_test_message ("quitting asks: %s", adw_alert_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "1 bookmark change"));
  adw_dialog_force_close (ADW_DIALOG (dialog));

  /* Space comes back: Try Again writes the bookmark. */
  g_assert_no_errno (g_unlink (filler));
  click_button (GTK_WIDGET (f->window), "_Try Again");
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  on_disk = store_on_disk ();
  g_assert_true (pyprep_store_get_bookmarked (on_disk, "sample/basics/list"));
  g_clear_object (&on_disk);

  /* The folder turns read-only: the bookmark's removal waits, and says so. */
  g_assert_no_errno (mount (NULL, g_get_user_data_dir (), NULL, MS_REMOUNT | MS_RDONLY, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.bookmark", NULL));
  g_assert_false (pyprep_store_flush (store, NULL));
  g_assert_true (gtk_revealer_get_reveal_child (banner));
  g_test_message ("read-only: %s", gtk_label_get_text (label));
  gtk_window_close (GTK_WINDOW (f->window));
  dialog = visible_dialog (f);
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "1 bookmark change"));
  adw_dialog_force_close (ADW_DIALOG (dialog));
  g_assert_no_errno (mount (NULL, g_get_user_data_dir (), NULL, MS_REMOUNT, NULL));
  click_button (GTK_WIDGET (f->window), "_Try Again");
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  on_disk = store_on_disk ();
  g_assert_false (pyprep_store_get_bookmarked (on_disk, "sample/basics/list"));
}

static void
test_real_failures (void)
{
  g_autofree char *deck = NULL;

  if (!data_on_tiny_tmpfs () || geteuid () != 0)
    {
      g_test_skip ("the data folder is no tiny tmpfs of ours: tests/probes/disk.sh runs this case");
      return;
    }
  deck = test_deck_path ("good");
  forget_user_data ();
  run_app (deck, check_real_failures, NULL);
}

/* At 360 px --------------------------------------------------------------------- */

/* Whether @widget has at least the height its content needs at its width
 * and fits the window's width: text cut off fails it. */
static void
assert_fits (Fixture   *f,
             GtkWidget *widget)
{
  int minimum;
  graphene_rect_t bounds;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (widget), &minimum, NULL, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (widget), >=, minimum);
  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (f->window), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (f->window)));
}

static gboolean
allocated (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static void
check_narrow (Fixture *f)
{
  PyprepStore *store = store_of (f);
  GtkLabel *label = window_child (f, "save_banner_label");
  AdwAlertDialog *dialog;

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 360);

  pyprep_store_set_fault (store, ENOSPC);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.bookmark", NULL));
  g_assert_false (pyprep_store_flush (store, NULL));
  wait_until (allocated, label, "the banner's label");
  spin (400);
  assert_fits (f, GTK_WIDGET (label));
  save_screenshot (f, "saving-narrow-banner-full.png");

  /* As Try Again does (found by name, the button is not in Chinese). */
  pyprep_store_set_fault (store, EROFS);
  g_assert_false (pyprep_store_flush (store, NULL));
  spin (400);
  assert_fits (f, GTK_WIDGET (label));
  save_screenshot (f, "saving-narrow-banner-read-only.png");

  gtk_window_close (GTK_WINDOW (f->window));
  dialog = visible_dialog (f);
  spin (400);
  save_screenshot (f, "saving-narrow-quit-dialog.png");
  adw_dialog_force_close (ADW_DIALOG (dialog));
  pyprep_store_set_fault (store, 0);
}

static void
test_narrow (void)
{
  g_autofree char *deck = test_deck_path ("good");

  forget_user_data ();
  run_app_sized (deck, 360, 720, check_narrow, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, NULL))
    return g_test_run ();

  g_test_add_func ("/pyprep/ui/saving/query-end", test_query_end);
  g_test_add_func ("/pyprep/ui/saving/backup-offered", test_backup_offered);
  g_test_add_func ("/pyprep/ui/saving/banner", test_save_banner);
  g_test_add_func ("/pyprep/ui/saving/quit-asks", test_quit_asks);
  g_test_add_func ("/pyprep/ui/saving/read-only-banner", test_read_only_banner);
  g_test_add_func ("/pyprep/ui/saving/real-failures", test_real_failures);
  g_test_add_func ("/pyprep/ui/saving/narrow", test_narrow);

  return g_test_run ();
}
