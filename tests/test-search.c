/* test-search.c: the search index, with Chinese and English queries.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "core-harness.h"
#include "pyprep-search.h"

/* A library of the one deck @deck. */
static PyprepLibrary *
library_of (PyprepDeck *deck)
{
  PyprepLibrary *library = pyprep_library_new ();

  pyprep_library_add_deck (library, deck);
  return library;
}

static PyprepLibrary *
load_test_library (const char *name,
                   const char *language)
{
  const char *languages[] = { language, NULL };
  g_autoptr(PyprepDeck) deck = load_test_deck (name, languages);

  return library_of (deck);
}

static PyprepLibrary *
load_bundled_library (const char *language)
{
  const char *languages[] = { language, NULL };
  g_autoptr(PyprepDeck) deck = load_bundled_deck (languages);

  return library_of (deck);
}

static GPtrArray *
ids_of (GListModel *results)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PyprepSearchResult) r = g_list_model_get_item (results, i);

      g_ptr_array_add (ids, (gpointer) pyprep_entry_get_id (pyprep_search_result_get_entry (r)));
    }
  return ids;
}

/* Queries on the bundled deck, and the entries that must come first
 * (or, with a leading "!", must be absent). */
static const struct
{
  const char *language;
  const char *query;
  const char *first;
  const char *also;
} bundled[] = {
  { "zh_CN", "锁", NULL, "pyprep/os/gil" },                       /* one character */
  { "zh_CN", "协程", "pyprep/os/coroutines", NULL },               /* two characters, in the title */
  { "zh_CN", "装饰器", "pyprep/data-structures/decorators", NULL },
  { "zh_CN", "猴子补丁", "pyprep/misc/monkey-patching", NULL },
  { "zh_CN", "浅拷贝", "pyprep/data-structures/copy-slicing", NULL },
  { "zh_CN", "ＧＩＬ", "pyprep/os/gil", NULL },                     /* full-width Latin */
  { "zh_CN", "ｐｙｃ", "pyprep/misc/pyc-files", "pyprep/misc/pyc-when-written" },
  { "zh_CN", "垃圾 回收", "pyprep/os/garbage-collection", NULL },   /* every word must match */
  { "en", "gil", "pyprep/os/gil", NULL },                           /* any case */
  { "en", "DECORATOR", "pyprep/data-structures/decorators", NULL },
  { "en", "join daemon", "pyprep/os/thread-join", NULL },
  { "en", "pymalloc arena", "pyprep/os/memory-management", NULL },
  { "en", "monkey patch", "pyprep/misc/monkey-patching", NULL },
  { "en", "IaaS", "pyprep/misc/cloud-service-models", NULL },
  { "en", "getattr", "pyprep/misc/introspection", NULL },
};

static void
test_search_bundled (void)
{
  g_autoptr(PyprepLibrary) zh = load_bundled_library ("zh_CN");
  g_autoptr(PyprepLibrary) en = load_bundled_library ("en");
  g_autoptr(PyprepSearchIndex) zh_index = pyprep_search_index_new (zh, NULL);
  g_autoptr(PyprepSearchIndex) en_index = pyprep_search_index_new (en, NULL);
  g_autoptr(PyprepDeck) zh_deck = g_list_model_get_item (pyprep_library_get_decks (zh), 0);

  /* Every entry is indexed, however many the deck has grown to. */
  g_assert_cmpuint (pyprep_deck_get_n_entries (zh_deck), >=, 17);
  g_assert_cmpuint (pyprep_search_index_get_n_entries (zh_index), ==, pyprep_deck_get_n_entries (zh_deck));

  for (guint i = 0; i < G_N_ELEMENTS (bundled); i++)
    {
      PyprepSearchIndex *index = g_str_equal (bundled[i].language, "en") ? en_index : zh_index;
      g_autoptr(GListModel) results = pyprep_search_index_query (index, bundled[i].query);
      g_autoptr(GPtrArray) ids = ids_of (results);

      g_test_message ("%s: “%s” → %u results", bundled[i].language, bundled[i].query, ids->len);
      g_assert_cmpuint (ids->len, >, 0);
      if (bundled[i].first != NULL)
        g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, bundled[i].first);
      if (bundled[i].also != NULL)
        {
          gboolean found = FALSE;

          for (guint j = 0; j < ids->len; j++)
            found |= g_str_equal (g_ptr_array_index (ids, j), bundled[i].also);
          g_assert_true (found);
        }
    }

  /* Nothing, and nothing for an empty query. */
  {
    g_autoptr(GListModel) none = pyprep_search_index_query (en_index, "zzqqxx");
    g_autoptr(GListModel) empty = pyprep_search_index_query (en_index, "   ");
    g_autoptr(GListModel) half = pyprep_search_index_query (en_index, "gil zzqqxx");

    g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (empty), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (half), ==, 0);
  }
}

static void
test_search_ranking (void)
{
  g_autoptr(PyprepLibrary) library = load_test_library ("good", "en");
  g_autoptr(PyprepSearchIndex) index = pyprep_search_index_new (library, NULL);
  g_autoptr(GListModel) results = pyprep_search_index_query (index, "dict");
  g_autoptr(PyprepSearchResult) first = NULL;
  g_autoptr(PyprepSearchResult) second = NULL;

  /* "dict" is the dict entry's title and only in the list entry's text. */
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  first = g_list_model_get_item (results, 0);
  second = g_list_model_get_item (results, 1);
  g_assert_cmpstr (pyprep_entry_get_id (pyprep_search_result_get_entry (first)), ==, "sample/basics/dict");
  g_assert_cmpint (pyprep_search_result_get_field (first), ==, PYPREP_SEARCH_FIELD_TITLE);
  g_assert_cmpstr (pyprep_entry_get_id (pyprep_search_result_get_entry (second)), ==, "sample/basics/list");
  g_assert_cmpint (pyprep_search_result_get_field (second), ==, PYPREP_SEARCH_FIELD_BODY);
  g_assert_cmpint (pyprep_search_result_get_score (first), >, pyprep_search_result_get_score (second));

  /* The card ranks between the two: "implemented" is only in the list card. */
  {
    g_autoptr(GListModel) card = pyprep_search_index_query (index, "growable");
    g_autoptr(PyprepSearchResult) hit = g_list_model_get_item (card, 0);

    g_assert_cmpint (pyprep_search_result_get_field (hit), ==, PYPREP_SEARCH_FIELD_CARD);
  }
}

static void
test_search_snippet (void)
{
  g_autoptr(PyprepLibrary) library = load_test_library ("good", "en");
  g_autoptr(PyprepSearchIndex) index = pyprep_search_index_new (library, NULL);
  g_autoptr(GListModel) results = pyprep_search_index_query (index, "DYNAMIC");
  g_autoptr(PyprepSearchResult) hit = g_list_model_get_item (results, 0);
  const char *snippet = pyprep_search_result_get_snippet (hit);
  g_autofree char *matched = NULL;

  /* Markdown markers are gone; the match is located in the original case. */
  g_assert_null (strstr (snippet, "**"));
  matched = g_utf8_substring (snippet, pyprep_search_result_get_match_start (hit),
                              pyprep_search_result_get_match_start (hit) + pyprep_search_result_get_match_length (hit));
  g_assert_cmpstr (matched, ==, "dynamic");
  g_assert_true (g_str_has_prefix (snippet, "A list is a dynamic array"));
}

/* Snippets of code keep its brackets, comparisons and comments, and the
 * match is marked where it is, whatever normalizing did before it. */
static void
test_search_snippet_code (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-search-XXXXXX", &error);
  g_autofree char *file = g_build_filename (dir, "notes.md", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(PyprepSearchIndex) index = NULL;
  const struct
  {
    const char *query;
    const char *snippet;
    const char *match;
  } cases[] = {
    { "x[0]", "…data.append([x, x[0]]) # a > b", "x[0]" },
    { "[[1", "…ested lists a = [[1, 2], [3]] b = a[:] ok nested", "[[1" },
    { "copies", "… …… Straße deep copies see the docs too", "copies" },
    { "strasse", "…re the match …… Straße deep copies see the docs too", "Straße" },
  };

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (file,
                                      "# Notes\n\n"
                                      "## Code with brackets\n\n"
                                      "```python\ndata = []\ndef add(x):\n    data.append([x, x[0]])  # a > b\n```\n\n"
                                      "## Nested lists\n\n"
                                      "`a = [[1, 2], [3]]` **b** = `a[:]` [ok](https://example.org) nested\n\n"
                                      "## Normalized before the match\n\n"
                                      "…… Straße **deep copies** see [the docs](https://example.org) too\n",
                                      -1, &error));
  deck = pyprep_deck_load (folder, NULL, NULL, &error);
  g_assert_no_error (error);
  pyprep_library_add_deck (library, deck);
  index = pyprep_search_index_new (library, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GListModel) results = pyprep_search_index_query (index, cases[i].query);
      g_autoptr(PyprepSearchResult) hit = NULL;
      g_autofree char *matched = NULL;
      guint start;

      g_assert_cmpuint (g_list_model_get_n_items (results), >=, 1);
      hit = g_list_model_get_item (results, 0);
      g_assert_cmpstr (pyprep_search_result_get_snippet (hit), ==, cases[i].snippet);
      start = pyprep_search_result_get_match_start (hit);
      matched = g_utf8_substring (pyprep_search_result_get_snippet (hit), start,
                                  start + pyprep_search_result_get_match_length (hit));
      g_assert_cmpstr (matched, ==, cases[i].match);
    }

  g_unlink (file);
  g_rmdir (dir);
}

static void
test_search_normalize (void)
{
  g_autofree char *a = pyprep_search_normalize ("ＧＩＬ（全局锁）");
  g_autofree char *b = pyprep_search_normalize ("Straße");
  g_auto(GStrv) terms = pyprep_search_split_query ("  a　bbb  cc ");

  g_assert_cmpstr (a, ==, "gil(全局锁)");
  g_assert_cmpstr (b, ==, "strasse");
  /* Ideographic spaces split too; longest term first. */
  g_assert_cmpuint (g_strv_length (terms), ==, 3);
  g_assert_cmpstr (terms[0], ==, "bbb");
}

static void
test_search_annotations (void)
{
  g_autoptr(PyprepLibrary) library = load_test_library ("good", "en");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-search-XXXXXX", &error);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(PyprepStore) store = pyprep_store_new (folder);
  g_autoptr(PyprepSearchIndex) index = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(PyprepSearchResult) hit = NULL;
  g_autofree char *id = NULL;

  g_assert_true (pyprep_store_load (store, NULL));
  id = pyprep_store_add_annotation (store, "sample/more/gil", "remember the mnemonic wombat", NULL, NULL, NULL);
  index = pyprep_search_index_new (library, store);
  results = pyprep_search_index_query (index, "wombat");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  hit = g_list_model_get_item (results, 0);
  g_assert_cmpint (pyprep_search_result_get_field (hit), ==, PYPREP_SEARCH_FIELD_ANNOTATION);
  g_assert_cmpstr (pyprep_entry_get_id (pyprep_search_result_get_entry (hit)), ==, "sample/more/gil");
  g_rmdir (dir);
}

static void
index_built_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PyprepSearchIndex **out = user_data;

  *out = pyprep_search_index_new_finish (result, NULL);
}

static void
test_search_async (void)
{
  g_autoptr(PyprepLibrary) library = load_test_library ("good", "en");
  g_autoptr(PyprepSearchIndex) index = NULL;

  pyprep_search_index_new_async (library, NULL, NULL, index_built_cb, &index);
  while (index == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (pyprep_search_index_get_n_entries (index), ==, 3);
}

/* Numbered questions are found by their number, the question itself first. */
static void
test_search_number (void)
{
  g_autoptr(PyprepLibrary) library = load_test_library ("shapes/a", "zh_CN");
  g_autoptr(PyprepSearchIndex) index = pyprep_search_index_new (library, NULL);
  g_autoptr(GListModel) results = pyprep_search_index_query (index, "6.");
  g_autoptr(PyprepSearchResult) first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 1);
  first = g_list_model_get_item (results, 0);
  g_assert_cmpstr (pyprep_entry_get_title (pyprep_search_result_get_entry (first)), ==, "事务的四个特性");
  g_assert_cmpint (pyprep_search_result_get_field (first), ==, PYPREP_SEARCH_FIELD_TITLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/search/bundled", test_search_bundled);
  g_test_add_func ("/pyprep/search/ranking", test_search_ranking);
  g_test_add_func ("/pyprep/search/snippet", test_search_snippet);
  g_test_add_func ("/pyprep/search/snippet-code", test_search_snippet_code);
  g_test_add_func ("/pyprep/search/normalize", test_search_normalize);
  g_test_add_func ("/pyprep/search/annotations", test_search_annotations);
  g_test_add_func ("/pyprep/search/async", test_search_async);
  g_test_add_func ("/pyprep/search/number", test_search_number);

  return g_test_run ();
}
