/* test-anki.c: the Anki text file: its headers, its quoting, and every card in it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pyprep-anki.h"
#include "pyprep-deck.h"

static const char *english[] = { "en", NULL };

static PyprepDeck *
load (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", name, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PyprepDeck *deck = pyprep_deck_load (folder, english, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (pyprep_deck_get_problems (deck)->len, ==, 0);
  return deck;
}

/* Reads the file as Anki's importer does: header lines "#key:value" at
 * the top, then records of tab-separated fields, each field either bare
 * or in double quotes (a doubled quote inside), quoted fields spanning
 * lines. Fails the test on anything else. */
static GPtrArray *
parse (const char  *text,
       GHashTable  *headers)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  const char *p = text;

  while (*p == '#')
    {
      const char *end = strchr (p, '\n');
      const char *colon = strchr (p, ':');

      g_assert_nonnull (end);
      g_assert_true (colon != NULL && colon < end);
      g_hash_table_insert (headers, g_strndup (p + 1, colon - p - 1), g_strndup (colon + 1, end - colon - 1));
      p = end + 1;
    }
  while (*p != '\0')
    {
      GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);

      for (;;)
        {
          GString *field = g_string_new (NULL);

          if (*p == '"')
            {
              for (p++; !(p[0] == '"' && p[1] != '"'); p++)
                {
                  g_assert_true (*p != '\0');
                  if (p[0] == '"')
                    p++;
                  g_string_append_c (field, *p);
                }
              p++;
            }
          else
            for (; *p != '\t' && *p != '\n' && *p != '\0'; p++)
              g_string_append_c (field, *p);
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          if (*p == '\t')
            {
              p++;
              continue;
            }
          g_assert_true (*p == '\n');
          p++;
          break;
        }
      g_ptr_array_add (records, fields);
    }
  return records;
}

static const char *
field (GPtrArray *records,
       guint      record,
       guint      column)
{
  GPtrArray *fields = g_ptr_array_index (records, record);

  return g_ptr_array_index (fields, column - 1);
}

static void
test_anki_fixture (void)
{
  g_autoptr(PyprepDeck) deck = load ("anki");
  g_autofree char *text = pyprep_anki_export (deck, NULL);
  g_autoptr(GHashTable) headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) records = parse (text, headers);
  const char *front, *back;

  g_assert_true (g_str_has_prefix (text, "#separator:tab\n#html:true\n#notetype:Basic\n#deck:Anki : Test\n"
                                         "#guid column:1\n#tags column:4\n#columns:GUID\tFront\tBack\tTags\n"));
  g_assert_cmpstr (g_hash_table_lookup (headers, "separator"), ==, "tab");
  g_assert_cmpstr (g_hash_table_lookup (headers, "html"), ==, "true");
  /* "::" would make a sub-deck in Anki. */
  g_assert_cmpstr (g_hash_table_lookup (headers, "deck"), ==, "Anki : Test");
  g_assert_cmpstr (g_hash_table_lookup (headers, "columns"), ==, "GUID\tFront\tBack\tTags");

  /* The recall card, then the question; the entry without either, none. */
  g_assert_cmpuint (records->len, ==, 2);
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (records, i))->len, ==, 4);
  g_assert_cmpstr (field (records, 0, 1), ==, "ak/basics/is#card");
  g_assert_cmpstr (field (records, 0, 4), ==, "ak::basics");
  front = field (records, 0, 2);
  g_assert_cmpstr (front, ==, "<p>What does <code>is</code> compare, and what does &quot;==&quot; compare?</p>");
  back = field (records, 0, 3);
  /* Code keeps its colours inline, and its lines. */
  g_assert_nonnull (strstr (back, "<span style=\"color:#1a5fb4\">print</span>"));
  g_assert_nonnull (strstr (back, "<pre><code class=\"language-python\">a = [<span style=\"color:#c64600\">1</span>]\n"));
  g_assert_null (strstr (back, "class=\"tok-"));
  /* A link to another entry is only its text in Anki. */
  g_assert_nonnull (strstr (back, "See lists."));
  g_assert_null (strstr (back, "pyprep:"));

  g_assert_cmpstr (field (records, 1, 1), ==, "ak/basics/is#q1");
  front = field (records, 1, 2);
  g_assert_true (g_str_has_prefix (front, "<p>Which are true?</p>\n<ol type=\"A\">\n<li>"));
  g_assert_nonnull (strstr (front, "<code>is</code> compares identity."));
  back = field (records, 1, 3);
  g_assert_true (g_str_has_prefix (back, "<p><b>Correct: A</b></p>"));
  g_assert_nonnull (strstr (back, "A (right) <p>Two names for one object.</p>"));
  g_assert_nonnull (strstr (back, "<code>__eq__</code>"));
}

static gboolean
count_cards (PyprepTopic *topic,
             PyprepEntry *entry,
             gpointer     user_data)
{
  *(guint *) user_data += (pyprep_entry_get_card (entry) != NULL) + pyprep_entry_get_n_questions (entry)
                          + pyprep_entry_get_n_predicts (entry);
  return FALSE;
}

/* The bundled deck: one note per card, each GUID once. */
static void
test_anki_bundled (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "deck", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(PyprepDeck) deck = pyprep_deck_load (folder, english, NULL, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) guids = g_hash_table_new (g_str_hash, g_str_equal);
  guint cards = 0;

  g_assert_nonnull (deck);
  text = pyprep_anki_export (deck, NULL);
  records = parse (text, headers);
  pyprep_deck_foreach_entry (deck, count_cards, &cards);
  g_assert_cmpuint (cards, >, 100);
  g_assert_cmpuint (records->len, ==, cards);
  for (guint i = 0; i < records->len; i++)
    {
      g_assert_true (g_hash_table_add (guids, (gpointer) field (records, i, 1)));
      g_assert_cmpstr (field (records, i, 2), !=, "");
      g_assert_cmpstr (field (records, i, 3), !=, "");
      g_assert_true (g_str_has_prefix (field (records, i, 4), "pyprep::"));
    }
}

/* Predict questions: one Basic note each, the question and the coloured
 * program on the front, the recorded output on the back. */
static void
test_anki_predict (void)
{
  g_autoptr(PyprepDeck) deck = load ("predict");
  guint n_notes = 0;
  g_autofree char *text = pyprep_anki_export (deck, &n_notes);
  g_autoptr(GHashTable) headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) records = parse (text, headers);
  guint cards = 0;

  /* The file still reads as Anki's importer wants it. */
  g_assert_true (g_str_has_prefix (text, "#separator:tab\n#html:true\n#notetype:Basic\n#deck:Predict\n"
                                         "#guid column:1\n#tags column:4\n#columns:GUID\tFront\tBack\tTags\n"));
  g_assert_cmpuint (g_hash_table_size (headers), ==, 7);

  /* Closures: two predict questions and a card; quiet: one predict. */
  pyprep_deck_foreach_entry (deck, count_cards, &cards);
  g_assert_cmpuint (cards, ==, 4);
  g_assert_cmpuint (n_notes, ==, 4);
  g_assert_cmpuint (records->len, ==, 4);
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (records, i))->len, ==, 4);

  g_assert_cmpstr (field (records, 0, 1), ==, "pd/basics/closures#card");
  g_assert_cmpstr (field (records, 1, 1), ==, "pd/basics/closures#predict-1");
  g_assert_cmpstr (field (records, 1, 2), ==,
                   "<p>What does this print?</p>\n<pre><code class=\"language-python\">"
                   "funcs = [<span style=\"color:#a51d2d;font-weight:bold\">lambda</span>: i "
                   "<span style=\"color:#a51d2d;font-weight:bold\">for</span> i "
                   "<span style=\"color:#a51d2d;font-weight:bold\">in</span> "
                   "<span style=\"color:#1a5fb4\">range</span>(<span style=\"color:#c64600\">3</span>)]\n"
                   "<span style=\"color:#1a5fb4\">print</span>([f() "
                   "<span style=\"color:#a51d2d;font-weight:bold\">for</span> f "
                   "<span style=\"color:#a51d2d;font-weight:bold\">in</span> funcs])\n</code></pre>");
  g_assert_cmpstr (field (records, 1, 3), ==, "<pre><code>[2, 2, 2]\n</code></pre>");
  g_assert_cmpstr (field (records, 1, 4), ==, "pd::basics");

  /* An author's ID, several lines of output; then a program that prints nothing. */
  g_assert_cmpstr (field (records, 2, 1), ==, "pd/basics/closures#defaults");
  g_assert_cmpstr (field (records, 2, 3), ==, "<pre><code>[0, 1, 2]\ndone\n</code></pre>");
  g_assert_cmpstr (field (records, 3, 1), ==, "pd/basics/quiet#predict-1");
  g_assert_cmpstr (field (records, 3, 3), ==, "<p>(nothing: the program prints no output)</p>");
  g_assert_null (strstr (text, "class=\"tok-"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/anki/fixture", test_anki_fixture);
  g_test_add_func ("/pyprep/anki/bundled", test_anki_bundled);
  g_test_add_func ("/pyprep/anki/predict", test_anki_predict);

  return g_test_run ();
}
