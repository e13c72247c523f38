/* test-study-sheet.c: annotations exported as one Markdown study sheet.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "pyprep-study-sheet.h"

static gint64
fixed_clock (gpointer user_data)
{
  return (*(gint64 *) user_data)++;
}

static void
test_study_sheet (void)
{
  g_autofree char *deck_path = g_test_build_filename (G_TEST_DIST, "decks", "good", NULL);
  g_autoptr(GFile) deck_folder = g_file_new_for_path (deck_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-sheet-XXXXXX", &error);
  g_autoptr(GFile) data_folder = g_file_new_for_path (dir);
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(PyprepStore) store = NULL;
  const char *languages[] = { "en", NULL };
  g_autofree char *sheet = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
  gint64 now = G_GINT64_CONSTANT (1795262400000000);
  const char *expected =
    "# My Notes\n\n"
    "## Basics\n\n"
    "### What is a list?\n\n"
    "> a growable\n> array\n\n"
    "Second note.\n\n"
    "First *note*.\n\n"
    "### How does a dict work?\n\n"
    "Hashing.\n\n"
    "## Other Entries\n\n"
    "### gone/topic/entry\n\n"
    "Kept though the entry is gone.\n\n";

  g_assert_no_error (error);
  deck = pyprep_deck_load (deck_folder, languages, NULL, &error);
  g_assert_no_error (error);
  pyprep_library_add_deck (library, deck);

  store = pyprep_store_new (data_folder);
  pyprep_store_set_clock (store, fixed_clock, &now);
  g_assert_true (pyprep_store_load (store, NULL));
  a = pyprep_store_add_annotation (store, "sample/basics/list", "First *note*.", NULL, NULL, NULL);
  b = pyprep_store_add_annotation (store, "sample/basics/list", "Second note.", "a growable\narray", NULL, NULL);
  c = pyprep_store_add_annotation (store, "sample/basics/dict", "Hashing.", NULL, NULL, NULL);
  d = pyprep_store_add_annotation (store, "gone/topic/entry", "Kept though the entry is gone.", NULL, NULL, NULL);

  /* Deck order for topics and entries; newest first within an entry. */
  sheet = pyprep_study_sheet_new (store, library, "My Notes");
  g_assert_cmpstr (sheet, ==, expected);

  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/study-sheet/grouped", test_study_sheet);

  return g_test_run ();
}
