/* fuzz-search.c: fuzz target for search queries over the bundled deck.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The index is built once per process, from the bundled deck in Chinese
 * and in English with a few annotations. An input's first byte picks the
 * index, the rest is the query as typed, any bytes at all.
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "pyprep-search.h"

/* The libraries live as long as their indexes: entries only borrow
 * their topics, as in the app. */
static PyprepLibrary *libraries[2];
static PyprepSearchIndex *indexes[2];

static PyprepSearchIndex *
make_index (PyprepLibrary *library,
            const char    *language,
            PyprepStore   *store)
{
  g_autoptr(GFile) folder = g_file_new_for_path (PYPREP_FUZZ_DECK_DIR);
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GError) error = NULL;
  const char *languages[] = { language, NULL };

  deck = pyprep_deck_load (folder, languages, NULL, &error);
  g_assert_no_error (error);
  pyprep_library_add_deck (library, deck);
  return pyprep_search_index_new (library, store);
}

static void
set_up (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path (pyprep_fuzz_scratch ());
  g_autoptr(PyprepStore) store = pyprep_store_new (folder);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_true (pyprep_store_load (store, NULL));
  a = pyprep_store_add_annotation (store, "pyprep/os/gil", "Only one thread runs **bytecode**; ß ﬁ İ",
                                   "GIL", NULL, NULL);
  b = pyprep_store_add_annotation (store, "pyprep/misc/monkey-patching", "猴子补丁 ＡＢＣ ǅ",
                                   NULL, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    {
      libraries[i] = pyprep_library_new ();
      indexes[i] = make_index (libraries[i], i == 0 ? "zh_CN" : "en", store);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *query = NULL;
  g_autoptr(GListModel) results = NULL;
  guint n;

  if (indexes[0] == NULL)
    set_up ();
  if (size == 0)
    return 0;

  query = g_strndup ((const char *) data + 1, size - 1);
  results = pyprep_search_index_query (indexes[data[0] & 1], query);
  n = g_list_model_get_n_items (results);
  g_assert_cmpuint (n, <=, PYPREP_SEARCH_MAX_RESULTS);

  /* Everything the sidebar shows of a result. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PyprepSearchResult) result = g_list_model_get_item (results, i);
      g_autofree char *title = NULL;
      g_autofree char *topic = NULL;
      g_autofree char *markup = NULL;
      const char *snippet = pyprep_search_result_get_snippet (result);

      g_assert_true (g_utf8_validate (snippet, -1, NULL));
      g_assert_cmpuint (pyprep_search_result_get_match_start (result)
                        + pyprep_search_result_get_match_length (result), <=,
                        g_utf8_strlen (snippet, -1));
      g_object_get (result, "title", &title, "topic", &topic, "snippet-markup", &markup, NULL);
      g_assert_true (g_utf8_validate (markup, -1, NULL));
      g_assert_nonnull (pyprep_search_result_get_entry (result));
    }

  return 0;
}
