/* bench-core.c: the benchmark's measurements that need no window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage:
 *   pyprep-bench-core render FOLDER LANGUAGE OUT.html
 *       writes the page of the deck's first entry, as the reader would
 *       show it in the light style, and prints `entry ID`
 *   pyprep-bench-core search FOLDER LANGUAGE RUNS QUERY...
 *       types each query one character at a time, RUNS times, timing the
 *       search after every keystroke
 *   pyprep-bench-core deck FOLDER LANGUAGE RUNS
 *       times loading the deck in this thread
 *   pyprep-bench-core store FOLDER RUNS ANNOTATIONS
 *       times saving and loading user data with that many annotations,
 *       in a fresh subfolder of FOLDER for each run
 *
 * Results are lines `sample NAME VALUE` (milliseconds), for
 * tests/bench/run-bench.py to gather, and `info NAME VALUE`. This is no
 * test: nothing here has a time limit.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "pyprep-render.h"
#include "pyprep-search.h"
#include "pyprep-store.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static PyprepDeck *
load_deck (const char  *path,
           const char  *language,
           GError     **error)
{
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (path);
  const char *languages[] = { language, NULL };

  return pyprep_deck_load (folder, languages, NULL, error);
}

static PyprepEntry *
first_entry (PyprepDeck *deck)
{
  GListModel *topics = pyprep_deck_get_topics (deck);

  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, t);
      GListModel *entries = pyprep_topic_get_entries (topic);

      if (g_list_model_get_n_items (entries) > 0)
        {
          g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, 0);

          /* The deck keeps its entries alive. */
          return entry;
        }
    }

  return NULL;
}

static int
render (const char  *folder,
        const char  *language,
        const char  *out,
        GError     **error)
{
  g_autoptr(PyprepDeck) deck = load_deck (folder, language, error);
  g_autofree char *html = NULL;
  PyprepEntry *entry;

  if (deck == NULL)
    return 1;
  entry = first_entry (deck);
  if (entry == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "the deck has no entries");
      return 1;
    }

  html = pyprep_render_entry (entry, pyprep_deck_get_language (deck), 0);
  if (!g_file_set_contents (out, html, -1, error))
    return 1;
  g_print ("entry %s\n", pyprep_entry_get_id (entry));
  return 0;
}

/* What a search field holds after each keystroke of @query. */
static GPtrArray *
keystrokes (const char *query)
{
  GPtrArray *prefixes = g_ptr_array_new_with_free_func (g_free);

  for (const char *p = query; *p != '\0';)
    {
      p = g_utf8_next_char (p);
      g_ptr_array_add (prefixes, g_strndup (query, p - query));
    }

  return prefixes;
}

static int
search (const char  *folder,
        const char  *language,
        guint        runs,
        char       **queries,
        GError     **error)
{
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  g_autoptr(PyprepSearchIndex) index = NULL;
  g_autoptr(PyprepDeck) deck = NULL;
  gint64 start;

  start = g_get_monotonic_time ();
  deck = load_deck (folder, language, error);
  if (deck == NULL)
    return 1;
  g_print ("info entries %u\n", pyprep_deck_get_n_entries (deck));
  g_print ("info load-ms %.2f\n", ms_since (start));
  pyprep_library_add_deck (library, deck);

  start = g_get_monotonic_time ();
  index = pyprep_search_index_new (library, NULL);
  g_print ("info index-ms %.2f\n", ms_since (start));

  for (guint run = 0; run < runs; run++)
    {
      double slowest = 0;

      for (guint q = 0; queries[q] != NULL; q++)
        {
          g_autoptr(GPtrArray) typed = keystrokes (queries[q]);

          for (guint k = 0; k < typed->len; k++)
            {
              g_autoptr(GListModel) results = NULL;
              double elapsed;

              start = g_get_monotonic_time ();
              results = pyprep_search_index_query (index, g_ptr_array_index (typed, k));
              /* The sidebar asks for the first rows at once. */
              for (guint i = 0; i < MIN (20, g_list_model_get_n_items (results)); i++)
                g_object_unref (g_list_model_get_item (results, i));
              elapsed = ms_since (start);
              slowest = MAX (slowest, elapsed);
              g_print ("sample keystroke %.3f\n", elapsed);
              if (run == 0)
                g_print ("info results “%s” %u\n", (char *) g_ptr_array_index (typed, k),
                         g_list_model_get_n_items (results));
            }
        }
      g_print ("sample slowest-keystroke %.3f\n", slowest);
    }

  return 0;
}

static int
deck (const char  *folder,
      const char  *language,
      guint        runs,
      GError     **error)
{
  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(PyprepDeck) loaded = NULL;
      gint64 start = g_get_monotonic_time ();

      loaded = load_deck (folder, language, error);
      if (loaded == NULL)
        return 1;
      g_print ("sample load %.2f\n", ms_since (start));
    }

  return 0;
}

typedef struct
{
  gint64 last_tick;
  gint64 longest_gap;
  gint64 saved_at;
  gboolean saved;
  gboolean failed;
} Watch;

static gboolean
tick_cb (gpointer user_data)
{
  Watch *watch = user_data;
  gint64 now = g_get_monotonic_time ();

  watch->longest_gap = MAX (watch->longest_gap, now - watch->last_tick);
  watch->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
saved_cb (PyprepStore  *store,
          const GError *error,
          Watch        *watch)
{
  watch->saved_at = g_get_monotonic_time ();
  watch->saved = TRUE;
  watch->failed = error != NULL;
}

static void
add_annotations (PyprepStore *store,
                 guint        count)
{
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *entry = g_strdup_printf ("bench/t%02u/e%05u", i % 20, i % 500);
      g_autofree char *text = g_strdup_printf ("Annotation %u: remember the *details* of this "
                                               "entry, and how it relates to the others.", i);
      g_autofree char *id = pyprep_store_add_annotation (store, entry, text, "a quoted passage",
                                                         "before ", " after");
    }
}

static int
store (const char  *path,
       guint        runs,
       guint        count,
       GError     **error)
{
  for (guint run = 0; run < runs; run++)
    {
      g_autofree char *name = g_strdup_printf ("run-%u", run);
      g_autoptr(GFile) parent = g_file_new_for_commandline_arg (path);
      g_autoptr(GFile) folder = g_file_get_child (parent, name);
      g_autoptr(PyprepStore) saver = pyprep_store_new (folder);
      g_autoptr(PyprepStore) loader = pyprep_store_new (folder);
      g_autofree char *extra = NULL;
      Watch watch = { 0 };
      guint source;
      gint64 changed_at, start;

      if (!pyprep_store_load (saver, error))
        return 1;
      add_annotations (saver, count);

      /* As in the app: the change schedules a save, which snapshots on
       * this thread and writes on a worker. The 1 ms timeout measures how
       * long this thread is kept from its other work meanwhile. */
      g_signal_connect (saver, "saved", G_CALLBACK (saved_cb), &watch);
      changed_at = g_get_monotonic_time ();
      watch.last_tick = changed_at;
      source = g_timeout_add (1, tick_cb, &watch);
      while (!watch.saved)
        g_main_context_iteration (NULL, TRUE);
      g_source_remove (source);
      if (watch.failed)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the background save failed");
          return 1;
        }
      g_print ("sample background-save %.2f\n",
               (watch.saved_at - changed_at) / 1000.0 - PYPREP_STORE_SAVE_DELAY_MS);
      g_print ("sample save-stall %.2f\n", watch.longest_gap / 1000.0);

      /* The whole save in one thread, as when the app closes. */
      extra = pyprep_store_add_annotation (saver, "bench/t00/e00000", "One more.", NULL, NULL, NULL);
      start = g_get_monotonic_time ();
      if (!pyprep_store_flush (saver, error))
        return 1;
      g_print ("sample flush %.2f\n", ms_since (start));

      start = g_get_monotonic_time ();
      if (!pyprep_store_load (loader, error))
        return 1;
      g_print ("sample load %.2f\n", ms_since (start));
      {
        g_autoptr(GPtrArray) all = pyprep_store_dup_annotations (loader, NULL);

        if (all->len != count + 1)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "loaded %u annotations, not %u",
                         all->len, count + 1);
            return 1;
          }
      }
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status = 2;

  setlocale (LC_ALL, "");

  if (argc == 5 && g_str_equal (argv[1], "render"))
    status = render (argv[2], argv[3], argv[4], &error);
  else if (argc >= 6 && g_str_equal (argv[1], "search"))
    status = search (argv[2], argv[3], (guint) atoi (argv[4]), argv + 5, &error);
  else if (argc == 5 && g_str_equal (argv[1], "deck"))
    status = deck (argv[2], argv[3], (guint) atoi (argv[4]), &error);
  else if (argc == 5 && g_str_equal (argv[1], "store"))
    status = store (argv[2], (guint) atoi (argv[3]), (guint) atoi (argv[4]), &error);
  else
    g_printerr ("Usage: %s render FOLDER LANGUAGE OUT.html\n"
                "       %s search FOLDER LANGUAGE RUNS QUERY...\n"
                "       %s deck FOLDER LANGUAGE RUNS\n"
                "       %s store FOLDER RUNS ANNOTATIONS\n",
                argv[0], argv[0], argv[0], argv[0]);

  if (error != NULL)
    g_printerr ("%s: %s\n", argv[0], error->message);
  return status;
}
