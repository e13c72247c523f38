/* search-bench.c: times search queries on a deck (not a test: no thresholds).
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: search-bench FOLDER LANGUAGE QUERY...
 * Prints the time to load the deck and build the index, then for each
 * query the median, minimum and maximum of 15 runs, in milliseconds.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "pyprep-search.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  g_autoptr(PyprepSearchIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  const char *languages[2] = { NULL, NULL };
  gint64 start;

  setlocale (LC_ALL, "");
  if (argc < 4)
    {
      g_printerr ("Usage: %s FOLDER LANGUAGE QUERY...\n", argv[0]);
      return 2;
    }

  folder = g_file_new_for_commandline_arg (argv[1]);
  languages[0] = argv[2];
  start = g_get_monotonic_time ();
  deck = pyprep_deck_load (folder, languages, NULL, &error);
  if (deck == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("load: %.1f ms, %u entries\n", (g_get_monotonic_time () - start) / 1000.0,
           pyprep_deck_get_n_entries (deck));
  pyprep_library_add_deck (library, deck);

  start = g_get_monotonic_time ();
  index = pyprep_search_index_new (library, NULL);
  g_print ("index: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  for (int q = 3; q < argc; q++)
    {
      double times[15];
      guint n = 0;

      for (guint i = 0; i < G_N_ELEMENTS (times); i++)
        {
          g_autoptr(GListModel) results = NULL;

          start = g_get_monotonic_time ();
          results = pyprep_search_index_query (index, argv[q]);
          times[i] = (g_get_monotonic_time () - start) / 1000.0;
          n = g_list_model_get_n_items (results);
        }
      qsort (times, G_N_ELEMENTS (times), sizeof times[0], compare_doubles);
      g_print ("query “%s”: median %.2f ms (min %.2f, max %.2f), %u results\n",
               argv[q], times[7], times[0], times[14], n);
    }

  return 0;
}
