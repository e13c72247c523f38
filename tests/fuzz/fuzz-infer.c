/* fuzz-infer.c: fuzz target for inferring a deck from a folder of Markdown notes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An input is up to three Markdown files joined by PYPREP_FUZZ_SEPARATOR
 * lines, written as notes/1.md, notes/2.md and notes/3.md, a folder
 * without deck.json; the deck ID comes from the folder's name.
 */
#include "config.h"

#include "fuzz-common.h"
#include "pyprep-deck.h"

static const char *files[] = { "notes/1.md", "notes/2.md", "notes/3.md" };

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) parts = pyprep_fuzz_split (data, size, G_N_ELEMENTS (files));
  g_autofree char *path = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GError) error = NULL;

  pyprep_fuzz_clear ();
  for (guint i = 0; i < parts->len; i++)
    pyprep_fuzz_write (files[i], g_ptr_array_index (parts, i));

  path = g_build_filename (pyprep_fuzz_scratch (), "notes", NULL);
  folder = g_file_new_for_path (path);
  deck = pyprep_deck_load (folder, NULL, NULL, &error);
  /* There are Markdown files, so inference always makes a deck. */
  g_assert_no_error (error);
  g_assert_cmpstr (pyprep_deck_get_id (deck), ==, "notes");
  pyprep_fuzz_check_deck (deck);

  return 0;
}
