/* fuzz-deck.c: fuzz target for loading a deck folder: deck.json and its topic Markdown.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An input is up to four files joined by PYPREP_FUZZ_SEPARATOR lines:
 * deck.json, en/a.md, en/b.md and zh_CN/a.md. A missing part is a missing
 * file. The seed manifests name the topics "a" and "b", so mutations of
 * either side meet the other.
 */
#include "config.h"

#include "fuzz-common.h"
#include "pyprep-deck.h"

static const char *files[] = { "deck.json", "en/a.md", "en/b.md", "zh_CN/a.md" };

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) parts = pyprep_fuzz_split (data, size, G_N_ELEMENTS (files));
  g_autoptr(GFile) folder = NULL;
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GError) error = NULL;
  const char *languages[] = { "en", NULL };

  pyprep_fuzz_clear ();
  for (guint i = 0; i < parts->len; i++)
    pyprep_fuzz_write (files[i], g_ptr_array_index (parts, i));

  folder = g_file_new_for_path (pyprep_fuzz_scratch ());
  deck = pyprep_deck_load (folder, languages, NULL, &error);
  if (deck == NULL)
    {
      /* A refused deck says which file and line. */
      g_assert_true (error != NULL && error->domain == PYPREP_DECK_ERROR);
      g_assert_true (g_str_has_prefix (error->message, "deck.json:"));
    }
  else
    pyprep_fuzz_check_deck (deck);

  return 0;
}
