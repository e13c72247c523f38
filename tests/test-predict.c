/* test-predict.c: predict-the-output questions: the deck's blocks, their problems, the comparison and the diff.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core-harness.h"
#include "pyprep-cli.h"
#include "pyprep-deck.h"
#include "pyprep-predict.h"
#include "pyprep-review.h"

static PyprepDeck *
load_fixture (const char *name,
              const char *language)
{
  const char *languages[] = { language, NULL };

  return load_test_deck (name, languages);
}

/* Both languages give the same questions: same IDs, programs and outputs. */
static void
test_predict_parsed (gconstpointer data)
{
  g_autoptr(PyprepDeck) deck = load_fixture ("predict", data);
  PyprepEntry *closures = pyprep_deck_lookup_entry (deck, "pd/basics/closures");
  PyprepEntry *quiet = pyprep_deck_lookup_entry (deck, "pd/basics/quiet");
  const PyprepPredict *p;
  const char *body;

  g_assert_cmpuint (pyprep_deck_get_problems (deck)->len, ==, 0);
  g_assert_nonnull (closures);
  g_assert_cmpuint (pyprep_entry_get_n_predicts (closures), ==, 2);

  p = pyprep_entry_get_predict (closures, 0);
  g_assert_cmpstr (p->id, ==, "pd/basics/closures#predict-1");
  g_assert_cmpstr (p->code, ==, "funcs = [lambda: i for i in range(3)]\nprint([f() for f in funcs])\n");
  g_assert_cmpstr (p->output, ==, "[2, 2, 2]\n");
  g_assert_cmpint (p->line, ==, 7);

  /* The author's own ID; the count goes on. */
  p = pyprep_entry_get_predict (closures, 1);
  g_assert_cmpstr (p->id, ==, "pd/basics/closures#defaults");
  g_assert_cmpstr (p->output, ==, "[0, 1, 2]\ndone\n");

  /* The text shows the programs and not their outputs. */
  body = pyprep_entry_get_body (closures);
  g_assert_nonnull (strstr (body, "```python {predict}\nfuncs = [lambda: i"));
  g_assert_nonnull (strstr (body, "```python {predict #defaults}"));
  g_assert_null (strstr (body, "```output"));
  g_assert_null (strstr (body, "[2, 2, 2]"));
  g_assert_null (strstr (body, "[0, 1, 2]"));
  g_assert_nonnull (strstr (body, g_str_equal (data, "en") ? "A default argument is read once"
                                                         : "默认参数只在定义函数时求值一次"));

  /* A program that prints nothing has an empty output. */
  g_assert_cmpuint (pyprep_entry_get_n_predicts (quiet), ==, 1);
  g_assert_cmpstr (pyprep_entry_get_predict (quiet, 0)->id, ==, "pd/basics/quiet#predict-1");
  g_assert_cmpstr (pyprep_entry_get_predict (quiet, 0)->output, ==, "");
}

static void
test_predict_problems (void)
{
  g_autoptr(PyprepDeck) deck = load_fixture ("predict-broken", "en");
  GPtrArray *problems = pyprep_deck_get_problems (deck);
  const char *expected[] = {
    "en/broken.md:5: predict block has no “output” block right after it",
    "en/broken.md:17: predict block holds no program",
    "en/broken.md:26: predict block’s info string is not “python {predict}” or “python {predict #id}”",
    "en/broken.md:34: predict ID “BAD” may only use a-z, 0-9, “-” and “_”",
    "en/broken.md:42: predict block’s info string is not",
    "en/broken.md:58: predict ID “twice” is used twice in entry “markers”",
    "en/broken.md:66: predict block has no “output” block right after it",
    "en/broken.md:81: predict ID “shared” is used twice in entry “markers”",
  };
  g_autoptr(GString) all = g_string_new (NULL);
  PyprepEntry *no_output = pyprep_deck_lookup_entry (deck, "pb/broken/no-output");
  PyprepEntry *markers = pyprep_deck_lookup_entry (deck, "pb/broken/markers");

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (all, "%s\n", ((GError *) g_ptr_array_index (problems, i))->message);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (all->str, expected[i]) == NULL)
      g_error ("missing problem: %s\nall problems:\n%s", expected[i], all->str);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));

  /* The broken questions are left out; their entries stay, and an output
   * block that follows no predict block is ordinary text. */
  g_assert_nonnull (no_output);
  g_assert_cmpuint (pyprep_entry_get_n_predicts (no_output), ==, 0);
  g_assert_nonnull (strstr (pyprep_entry_get_body (no_output), "```output\nhi"));
  g_assert_cmpuint (pyprep_entry_get_n_predicts (markers), ==, 1);
  g_assert_cmpstr (pyprep_entry_get_predict (markers, 0)->id, ==, "pb/broken/markers#twice");
  g_assert_cmpstr (pyprep_entry_get_predict (markers, 0)->code, ==, "print(3)\n");
  g_assert_cmpuint (pyprep_entry_get_n_predicts (pyprep_deck_lookup_entry (deck, "pb/broken/empty")), ==, 0);
}

/* `pyprep --check` names a predict block without its output, and counts
 * each good question as a card. */
static void
test_predict_check (void)
{
  const char *english[] = { "en", NULL };
  g_autofree char *broken_path = g_test_build_filename (G_TEST_DIST, "decks", "predict-broken", NULL);
  g_autofree char *good_path = g_test_build_filename (G_TEST_DIST, "decks", "predict", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_cmpint (pyprep_cli_check (broken, english, out), ==, 1);
  g_assert_nonnull (strstr (out->str, "en/broken.md:5: predict block has no “output” block right after it "
                                      "with what the program prints\n"));
  g_assert_nonnull (strstr (out->str, "Checked “Broken predictions”: 1 topic, 3 entries, 2 cards; 8 errors"));

  g_string_truncate (out, 0);
  g_assert_cmpint (pyprep_cli_check (good, english, out), ==, 0);
  g_assert_cmpstr (out->str, ==, "Checked “Predict”: 1 topic, 2 entries, 4 cards\n");
}

static void
test_predict_info (void)
{
  struct { const char *info; gboolean predict; } cases[] = {
    { "python {predict}", TRUE },
    { "  python   {predict #a1}  ", TRUE },
    { "python {predict-me}", TRUE },
    { "python\t{predict}", TRUE },
    { "python", FALSE },
    { "output", FALSE },
    { "py {predict}", FALSE },
    { "pythonic {predict}", FALSE },
    { "{predict} python", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("info “%s”", cases[i].info);
      g_assert_cmpint (pyprep_predict_is_predict_info (cases[i].info), ==, cases[i].predict);
    }
}

/* What counts as the same output. */
static void
test_predict_matches (void)
{
  struct { const char *expected; const char *answer; gboolean same; } cases[] = {
    { "[2, 2, 2]\n", "[2, 2, 2]", TRUE },                 /* a missing last newline */
    { "[2, 2, 2]\n", "[2, 2, 2]\n\n\n", TRUE },           /* extra blank lines at the end */
    { "[2, 2, 2]\n", "[2, 2, 2]  \t\n  \n", TRUE },       /* whitespace at the end */
    { "a\nb\n", "a\r\nb\r\n", TRUE },                     /* CRLF */
    { "a\nb\n", "a\rb", TRUE },                           /* a lone CR */
    { "a  \nb\n", "a\nb", TRUE },                         /* the deck's own trailing spaces */
    { "a\tb\n", "a\tb\t\n", TRUE },                       /* a tab inside counts, at the end not */
    { "a\tb\n", "a    b\n", FALSE },                      /* a tab is no run of spaces */
    { "", "", TRUE },                                     /* empty output */
    { "", "\n \n\t", TRUE },
    { "", "None", FALSE },
    { "x\n", "", FALSE },
    { "\nx\n", "x\n", FALSE },                            /* a blank line at the start counts */
    { "a\n\nb\n", "a\nb\n", FALSE },                      /* and one inside */
    { "  x\n", "x\n", FALSE },                            /* indentation counts */
    { "True\n", "true\n", FALSE },                        /* case counts */
    { "你好，世界\n", "你好，世界\u3000\n", TRUE },       /* an ideographic space at the end */
    { "caf\u00e9\n", "cafe\u0301", TRUE },                /* composed and decomposed é */
    { "naïve\n", "naive\n", FALSE },
    { "[1, 2]\n", "[1,2]\n", FALSE },                     /* spaces inside count */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u: “%s” against “%s”", i, cases[i].expected, cases[i].answer);
      g_assert_cmpint (pyprep_predict_matches (cases[i].expected, cases[i].answer), ==, cases[i].same);
    }
}

static void
test_predict_normalize (void)
{
  g_autofree char *a = pyprep_predict_normalize ("a \r\n\tb\t\r\n\r\n  \n");
  g_autofree char *b = pyprep_predict_normalize (NULL);
  g_autofree char *c = pyprep_predict_normalize ("x\xff" "y\n");

  g_assert_cmpstr (a, ==, "a\n\tb");
  g_assert_cmpstr (b, ==, "");
  /* Bytes that are not UTF-8 become U+FFFD, never a crash. */
  g_assert_cmpstr (c, ==, "x\xef\xbf\xbdy");
}

/* The diff as one string: " same", "-missing", "+extra" per line. */
static char *
diff_string (const char *expected,
             const char *answer)
{
  g_autoptr(GPtrArray) diff = pyprep_predict_diff (expected, answer);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < diff->len; i++)
    {
      const PyprepDiffLine *line = g_ptr_array_index (diff, i);
      char mark = line->kind == PYPREP_DIFF_SAME ? ' ' : line->kind == PYPREP_DIFF_MISSING ? '-' : '+';

      g_string_append_printf (out, "%c%s\n", mark, line->text);
    }
  return g_string_free (out, FALSE);
}

static void
test_predict_diff (void)
{
  struct { const char *expected; const char *answer; const char *diff; } cases[] = {
    { "a\nb\nc\n", "a\nb\nc", " a\n b\n c\n" },
    { "[2, 2, 2]\n", "[0, 1, 2]\n", "-[2, 2, 2]\n+[0, 1, 2]\n" },
    { "a\nb\nc\n", "a\nc\n", " a\n-b\n c\n" },
    { "a\nc\n", "a\nb\nc\n", " a\n+b\n c\n" },
    { "", "x\n", "+x\n" },
    { "x\n", "", "-x\n" },
    { "", "  \n", "" },
    { "1\r\n2  \n", "1\n2\n3\n", " 1\n 2\n+3\n" },
    { "a\nb\n", "b\na\n", "-a\n b\n+a\n" },
    { "你好\n", "你好 \n再见\n", " 你好\n+再见\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *diff = diff_string (cases[i].expected, cases[i].answer);

      g_test_message ("case %u", i);
      g_assert_cmpstr (diff, ==, cases[i].diff);
    }
}

/* Past the limit the whole texts stand against each other. */
static void
test_predict_diff_long (void)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GPtrArray) diff = NULL;

  for (guint i = 0; i <= PYPREP_PREDICT_MAX_DIFF_LINES; i++)
    g_string_append_printf (long_text, "%u\n", i);
  diff = pyprep_predict_diff ("0\n", long_text->str);
  g_assert_cmpuint (diff->len, ==, PYPREP_PREDICT_MAX_DIFF_LINES + 2);
  g_assert_cmpint (((PyprepDiffLine *) g_ptr_array_index (diff, 0))->kind, ==, PYPREP_DIFF_MISSING);
  g_assert_cmpint (((PyprepDiffLine *) g_ptr_array_index (diff, 1))->kind, ==, PYPREP_DIFF_EXTRA);
  g_assert_false (pyprep_predict_matches ("0\n", long_text->str));
  g_assert_true (pyprep_predict_matches (long_text->str, long_text->str));
}

/* A review asks the questions after the entry's card, each a card of its own. */
static void
test_predict_cards (void)
{
  g_autoptr(PyprepDeck) deck = load_fixture ("predict", "en");
  PyprepEntry *closures = pyprep_deck_lookup_entry (deck, "pd/basics/closures");
  g_autoptr(GListStore) entries = g_list_store_new (PYPREP_TYPE_ENTRY);
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(PyprepCardRef) copy = NULL;
  const PyprepCardRef *ref;

  g_list_store_append (entries, closures);
  cards = pyprep_review_collect_cards (G_LIST_MODEL (entries), NULL);
  g_assert_cmpuint (cards->len, ==, 3);
  ref = g_ptr_array_index (cards, 0);
  g_assert_true (pyprep_card_ref_is_recall (ref));
  g_assert_false (pyprep_card_ref_is_predict (ref));

  ref = g_ptr_array_index (cards, 2);
  g_assert_cmpstr (ref->card_id, ==, "pd/basics/closures#defaults");
  g_assert_true (pyprep_card_ref_is_predict (ref));
  g_assert_false (pyprep_card_ref_is_recall (ref));
  g_assert_null (pyprep_card_ref_get_card (ref));
  g_assert_true (ref->predict == pyprep_entry_get_predict (closures, 1));

  copy = pyprep_card_ref_copy (ref);
  g_assert_true (copy->predict == ref->predict);
  g_assert_true (pyprep_card_ref_is_predict (copy));
  g_assert_null (pyprep_card_ref_new_predict (closures, 2));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/pyprep/predict/parsed/en", "en", test_predict_parsed);
  g_test_add_data_func ("/pyprep/predict/parsed/zh_CN", "zh_CN", test_predict_parsed);
  g_test_add_func ("/pyprep/predict/problems", test_predict_problems);
  g_test_add_func ("/pyprep/predict/check", test_predict_check);
  g_test_add_func ("/pyprep/predict/info", test_predict_info);
  g_test_add_func ("/pyprep/predict/matches", test_predict_matches);
  g_test_add_func ("/pyprep/predict/normalize", test_predict_normalize);
  g_test_add_func ("/pyprep/predict/diff", test_predict_diff);
  g_test_add_func ("/pyprep/predict/diff-long", test_predict_diff_long);
  g_test_add_func ("/pyprep/predict/cards", test_predict_cards);

  return g_test_run ();
}
