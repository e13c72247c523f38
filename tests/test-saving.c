/* test-saving.c: the real window when the user's data must be written now or cannot be written.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, NULL))
    return g_test_run ();

  g_test_add_func ("/pyprep/ui/saving/query-end", test_query_end);

  return g_test_run ();
}
