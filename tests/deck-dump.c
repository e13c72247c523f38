/* deck-dump.c: prints a deck's problems and its entries, for deck authors and tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: deck-dump FOLDER LANGUAGE
 * Prints each problem as `file:line: message`, then one line per entry:
 * `ID<TAB>questions<TAB>links<TAB>card<TAB>title`. Exits 1 when the deck
 * has problems or cannot be loaded.
 */
#include "config.h"

#include <locale.h>

#include "pyprep-deck.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GError) error = NULL;
  const char *languages[2] = { NULL, NULL };
  GListModel *topics;
  GPtrArray *problems;

  setlocale (LC_ALL, "");

  if (argc != 3)
    {
      g_printerr ("Usage: %s FOLDER LANGUAGE\n", argv[0]);
      return 2;
    }

  folder = g_file_new_for_commandline_arg (argv[1]);
  languages[0] = argv[2];
  deck = pyprep_deck_load (folder, languages, NULL, &error);
  if (deck == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  problems = pyprep_deck_get_problems (deck);
  for (guint i = 0; i < problems->len; i++)
    g_print ("%s\n", ((GError *) g_ptr_array_index (problems, i))->message);

  topics = pyprep_deck_get_topics (deck);
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, i);
      GListModel *entries = pyprep_topic_get_entries (topic);

      for (guint j = 0; j < g_list_model_get_n_items (entries); j++)
        {
          g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, j);

          g_print ("%s\t%u\t%u\t%s\t%s\n",
                   pyprep_entry_get_id (entry),
                   pyprep_entry_get_n_questions (entry),
                   pyprep_entry_get_n_links (entry),
                   pyprep_entry_get_card (entry) != NULL ? "card" : "-",
                   pyprep_entry_get_title (entry));
        }
    }

  return problems->len > 0 ? 1 : 0;
}
