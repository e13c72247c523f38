/* test-deck.c: loading decks, good and broken.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "core-harness.h"
#include "pyprep-deck.h"
#include "pyprep-id.h"
#include "pyprep-library.h"

static const char *english[] = { "en", NULL };
static const char *chinese[] = { "zh_CN.UTF-8", "zh_CN", "zh", "C", NULL };

static PyprepDeck *
load_sample (const char * const *languages)
{
  return load_test_deck ("good", languages);
}

static void
test_deck_good (void)
{
  g_autoptr(PyprepDeck) deck = load_sample (english);
  GListModel *topics = pyprep_deck_get_topics (deck);
  g_autoptr(PyprepTopic) basics = NULL;
  g_autoptr(PyprepTopic) more = NULL;
  PyprepEntry *list;
  PyprepEntry *dict;
  const PyprepCard *card;
  const PyprepQuestion *q;
  const PyprepChoice *choice;

  g_assert_cmpuint (pyprep_deck_get_problems (deck)->len, ==, 0);
  g_assert_cmpstr (pyprep_deck_get_id (deck), ==, "sample");
  g_assert_cmpstr (pyprep_deck_get_title (deck), ==, "Sample Deck");
  g_assert_cmpstr (pyprep_deck_get_language (deck), ==, "en");
  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, 2);
  g_assert_cmpuint (pyprep_deck_get_n_entries (deck), ==, 3);

  basics = g_list_model_get_item (topics, 0);
  more = g_list_model_get_item (topics, 1);
  g_assert_cmpstr (pyprep_topic_get_id (basics), ==, "basics");
  g_assert_cmpstr (pyprep_topic_get_title (basics), ==, "Basics");
  g_assert_cmpstr (pyprep_topic_get_file (basics), ==, "en/basics.md");
  g_assert_true (pyprep_topic_get_deck (basics) == deck);
  g_assert_cmpuint (g_list_model_get_n_items (pyprep_topic_get_entries (basics)), ==, 2);
  g_assert_cmpstr (pyprep_topic_get_title (more), ==, "More");

  list = pyprep_deck_lookup_entry (deck, "sample/basics/list");
  g_assert_nonnull (list);
  g_assert_cmpstr (pyprep_entry_get_local_id (list), ==, "list");
  g_assert_cmpstr (pyprep_entry_get_title (list), ==, "What is a list?");
  g_assert_cmpstr (pyprep_entry_get_file (list), ==, "en/basics.md");
  g_assert_cmpint (pyprep_entry_get_line (list), ==, 5);
  g_assert_true (pyprep_entry_get_topic (list) == basics);

  /* The body is the author's Markdown without the heading or study blocks. */
  g_assert_true (g_str_has_prefix (pyprep_entry_get_body (list), "A `list` is a **dynamic array**"));
  g_assert_nonnull (strstr (pyprep_entry_get_body (list), "items.append(4)"));
  g_assert_nonnull (strstr (pyprep_entry_get_body (list), "| `append` | O(1) amortised |"));
  g_assert_null (strstr (pyprep_entry_get_body (list), "```card"));
  g_assert_null (strstr (pyprep_entry_get_body (list), "```quiz"));
  g_assert_null (strstr (pyprep_entry_get_body (list), "Growth is proportional"));
  g_assert_null (strstr (pyprep_entry_get_body (list), "This introduction"));

  card = pyprep_entry_get_card (list);
  g_assert_nonnull (card);
  g_assert_cmpstr (card->id, ==, "sample/basics/list#card");
  g_assert_cmpstr (card->prompt, ==, "How is `list` implemented?");
  g_assert_cmpstr (card->answer, ==, "A growable array of pointers with over-allocation.");

  g_assert_cmpuint (pyprep_entry_get_n_questions (list), ==, 2);
  q = pyprep_entry_get_question (list, 0);
  g_assert_cmpstr (q->id, ==, "sample/basics/list#append");
  g_assert_cmpstr (q->question, ==, "What does `append` cost?");
  g_assert_cmpuint (q->choices->len, ==, 2);
  choice = g_ptr_array_index (q->choices, 0);
  g_assert_true (choice->correct);
  g_assert_cmpstr (choice->text, ==, "O(1) amortised");
  g_assert_cmpstr (choice->explanation, ==, "The array grows geometrically, so copies are rare.");
  choice = g_ptr_array_index (q->choices, 1);
  g_assert_false (choice->correct);
  g_assert_cmpstr (choice->text, ==, "O(n) every time");
  g_assert_cmpstr (q->explanation, ==, "Growth is proportional, so the average stays constant.");

  /* Unnamed questions are numbered by position; several may be correct. */
  q = pyprep_entry_get_question (list, 1);
  g_assert_cmpstr (q->id, ==, "sample/basics/list#q2");
  g_assert_cmpuint (q->choices->len, ==, 3);
  g_assert_true (((PyprepChoice *) g_ptr_array_index (q->choices, 0))->correct);
  g_assert_true (((PyprepChoice *) g_ptr_array_index (q->choices, 1))->correct);
  g_assert_false (((PyprepChoice *) g_ptr_array_index (q->choices, 2))->correct);
  g_assert_null (((PyprepChoice *) g_ptr_array_index (q->choices, 0))->explanation);
  g_assert_cmpstr (((PyprepChoice *) g_ptr_array_index (q->choices, 2))->explanation, ==,
                   "Sets have no order.");
  g_assert_null (q->explanation);

  g_assert_cmpuint (pyprep_entry_get_n_links (list), ==, 2);
  g_assert_cmpstr (pyprep_entry_get_link (list, 0)->title, ==, "Python docs: lists");
  g_assert_cmpstr (pyprep_entry_get_link (list, 0)->url, ==,
                   "https://docs.python.org/3/tutorial/datastructures.html");
  g_assert_cmpstr (pyprep_entry_get_link (list, 1)->url, ==, "https://wiki.python.org/moin/TimeComplexity");

  /* Level-three headings stay in the body; an entry without quiz is fine. */
  dict = pyprep_deck_lookup_entry (deck, "sample/basics/dict");
  g_assert_nonnull (dict);
  g_assert_nonnull (strstr (pyprep_entry_get_body (dict), "### Details"));
  g_assert_cmpuint (pyprep_entry_get_n_questions (dict), ==, 0);
  g_assert_cmpuint (pyprep_entry_get_n_links (dict), ==, 0);
  g_assert_nonnull (pyprep_entry_get_card (dict));

  g_assert_null (pyprep_deck_lookup_entry (deck, "sample/basics/missing"));
}

static void
test_deck_language (void)
{
  g_autoptr(PyprepDeck) deck = load_sample (chinese);
  PyprepEntry *list;

  g_assert_cmpuint (pyprep_deck_get_problems (deck)->len, ==, 0);
  g_assert_cmpstr (pyprep_deck_get_language (deck), ==, "zh_CN");
  g_assert_cmpstr (pyprep_deck_get_title (deck), ==, "示例卡组");

  /* Same IDs in every language. */
  list = pyprep_deck_lookup_entry (deck, "sample/basics/list");
  g_assert_nonnull (list);
  g_assert_cmpstr (pyprep_entry_get_title (list), ==, "什么是列表？");
  g_assert_cmpstr (pyprep_entry_get_file (list), ==, "zh_CN/basics.md");
  g_assert_cmpstr (pyprep_entry_get_card (list)->prompt, ==, "`list` 是怎么实现的？");
}

static void
test_deck_pick_language (void)
{
  static const struct
  {
    const char *available[4];
    const char *wanted[5];
    const char *expected;
  } cases[] = {
    { { "zh_CN", "en", NULL }, { "zh_CN.UTF-8", "zh_CN", "zh", "C", NULL }, "zh_CN" },
    { { "zh_CN", "en", NULL }, { "en_US.UTF-8", "en_US", "en", "C", NULL }, "en" },
    { { "zh_CN", "en", NULL }, { "zh_TW.UTF-8", "zh_TW", "zh", "C", NULL }, "zh_CN" },
    { { "zh_CN", "en", NULL }, { "de_DE.UTF-8", "de", "C", NULL }, "en" },
    { { "zh_CN", "en", NULL }, { "C", NULL }, "en" },
    { { "fr", "de", NULL }, { "C", NULL }, "fr" },
    { { "zh_CN", "en", NULL }, { NULL }, "en" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *picked = pyprep_pick_language (cases[i].available, cases[i].wanted);

      g_assert_cmpstr (picked, ==, cases[i].expected);
    }
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_deck_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", "good", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GError) error = NULL;

  pyprep_library_load_deck_async (library, folder, english, NULL, store_result_cb, &result);
  g_assert_true (pyprep_library_get_loading (library));
  g_assert_cmpuint (g_list_model_get_n_items (pyprep_library_get_decks (library)), ==, 0);

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  deck = pyprep_library_load_deck_finish (library, result, &error);
  g_assert_no_error (error);
  g_assert_true (PYPREP_IS_DECK (deck));
  g_assert_false (pyprep_library_get_loading (library));

  g_assert_cmpuint (g_list_model_get_n_items (pyprep_library_get_decks (library)), ==, 1);
  g_assert_nonnull (pyprep_library_lookup_entry (library, "sample/more/gil"));
  g_assert_true (pyprep_library_get_first_entry (library)
                 == pyprep_library_lookup_entry (library, "sample/basics/list"));
}

/* Broken decks, each written into a fresh folder. */

static char *
make_deck (const char *manifest,
           const char *file,
           const char *contents,
           gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pyprep-deck-XXXXXX", &error);

  g_assert_no_error (error);

  if (manifest != NULL)
    {
      g_autofree char *path = g_build_filename (dir, "deck.json", NULL);

      g_file_set_contents (path, manifest, -1, &error);
      g_assert_no_error (error);
    }
  if (file != NULL)
    {
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autofree char *parent = g_path_get_dirname (path);

      g_assert_no_errno (g_mkdir_with_parents (parent, 0755));
      g_file_set_contents (path, contents, length, &error);
      g_assert_no_error (error);
    }

  return dir;
}

#define MANIFEST \
  "{\n  \"format\": 1,\n  \"id\": \"broken\",\n  \"title\": \"Broken\",\n" \
  "  \"languages\": [\"en\"],\n  \"topics\": [\n    { \"id\": \"t\" }\n  ]\n}\n"

/* Loads a deck with @manifest and checks the load fails with @message
 * (or, when @prefix_only, a message starting with it). */
static void
assert_fatal_full (const char *manifest,
                   int         code,
                   const char *message,
                   gboolean    prefix_only)
{
  g_autofree char *dir = make_deck (manifest, NULL, NULL, 0);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepDeck) deck = NULL;

  deck = pyprep_deck_load (folder, english, NULL, &error);
  g_assert_null (deck);
  g_assert_error (error, PYPREP_DECK_ERROR, code);
  if (prefix_only)
    g_assert_true (g_str_has_prefix (error->message, message));
  else
    g_assert_cmpstr (error->message, ==, message);
  remove_tree (dir);
}

#define assert_fatal(manifest, code, message) assert_fatal_full (manifest, code, message, FALSE)

static void
test_deck_manifest_errors (void)
{
  g_autofree char *dir = make_deck (NULL, NULL, NULL, 0);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepDeck) deck = NULL;

  /* No manifest and no notes to infer a deck from. */
  deck = pyprep_deck_load (folder, english, NULL, &error);
  g_assert_null (deck);
  g_assert_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_EMPTY);
  g_assert_true (g_str_has_suffix (error->message, ": the folder has no deck.json and no Markdown notes "
                                   "(.md files), nor have its subfolders"));
  remove_tree (dir);

  /* A required key missing: the line is where its object starts. */
  assert_fatal ("\n{\n  \"format\": 1,\n  \"id\": \"x\",\n  \"title\": \"X\",\n"
                "  \"languages\": [\"en\"]\n}\n",
                PYPREP_DECK_ERROR_MISSING_KEY, "deck.json:2: missing key “topics”");
  assert_fatal ("{\"format\": 1, \"id\": \"x\", \"title\": \"X\", \"languages\": [\"en\"],\n"
                " \"topics\": [\n\n  {\"title\": \"no id\"}]}",
                PYPREP_DECK_ERROR_MISSING_KEY, "deck.json:4: missing key “id”");

  /* Not JSON, not an object, wrong types. */
  assert_fatal_full ("{\n  \"format\": 1,\n  \"id\": \n}", PYPREP_DECK_ERROR_SYNTAX, "deck.json:4:", TRUE);
  assert_fatal ("[1, 2]", PYPREP_DECK_ERROR_BAD_VALUE, "deck.json:1: the manifest must be a JSON object");
  assert_fatal ("{\"format\": 2, \"id\": \"x\", \"title\": \"X\", \"languages\": [\"en\"], \"topics\": []}",
                PYPREP_DECK_ERROR_BAD_VALUE,
                "deck.json:1: “format” must be 1; this deck needs a newer Pyprep");
  assert_fatal ("{\"format\": 1, \"id\": \"Bad ID\", \"title\": \"X\", \"languages\": [\"en\"], \"topics\": []}",
                PYPREP_DECK_ERROR_BAD_VALUE,
                "deck.json:1: “id” must be a string of a-z, 0-9, “-” and “_”");
  assert_fatal ("{\"format\": 1, \"id\": \"x\", \"title\": \"X\", \"languages\": [], \"topics\": []}",
                PYPREP_DECK_ERROR_NO_LANGUAGE,
                "deck.json:1: “languages” must be a non-empty array such as [\"en\"]");
  assert_fatal ("{\"format\": 1, \"id\": \"x\", \"title\": \"X\", \"languages\": [\"../etc\"], \"topics\": []}",
                PYPREP_DECK_ERROR_BAD_VALUE, "deck.json:1: “../etc” is not a language code");
  assert_fatal ("{\"format\": 1, \"id\": \"x\", \"title\": \"X\", \"languages\": [\"en\"],\n"
                "\"topics\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}",
                PYPREP_DECK_ERROR_DUPLICATE_ID, "deck.json:2: duplicate topic ID “a”");
}

/* Loads a deck whose one topic file is @contents and returns its problems. */
static PyprepDeck *
load_topic (const char *contents,
            gssize      length)
{
  g_autofree char *dir = make_deck (MANIFEST, "en/t.md", contents, length);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  PyprepDeck *deck;

  deck = pyprep_deck_load (folder, english, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deck);
  remove_tree (dir);

  return deck;
}

static void
assert_problem (PyprepDeck *deck,
                guint       index,
                int         code,
                const char *message)
{
  GPtrArray *problems = pyprep_deck_get_problems (deck);
  GError *problem;

  g_assert_cmpuint (index, <, problems->len);
  problem = g_ptr_array_index (problems, index);
  g_assert_error (problem, PYPREP_DECK_ERROR, code);
  g_assert_cmpstr (problem->message, ==, message);
}

static void
test_deck_duplicate_id (void)
{
  g_autoptr(PyprepDeck) deck = load_topic ("# T\n\n## One {#same}\n\nFirst.\n\n"
                                           "## Two {#same}\n\nSecond.\n\n## Three {#three}\n\nThird.\n", -1);

  g_assert_cmpuint (pyprep_deck_get_problems (deck)->len, ==, 1);
  assert_problem (deck, 0, PYPREP_DECK_ERROR_DUPLICATE_ID,
                  "en/t.md:7: duplicate entry ID “same” (first used at line 3); this entry is skipped");
  /* The first entry and the one after the duplicate still load. */
  g_assert_cmpuint (pyprep_deck_get_n_entries (deck), ==, 2);
  g_assert_cmpstr (pyprep_entry_get_body (pyprep_deck_lookup_entry (deck, "broken/t/same")), ==, "First.");
  g_assert_nonnull (pyprep_deck_lookup_entry (deck, "broken/t/three"));
}

/* Front matter is skipped, and the lines after it keep their numbers. */
static void
test_deck_front_matter (void)
{
  g_autoptr(PyprepDeck) deck = load_topic ("---\ntags: [os]\ntitle: T\n---\n# T\n\n## One {#one}\n\nFirst.\n\n"
                                           "## No ID\n", -1);

  g_assert_cmpuint (pyprep_deck_get_problems (deck)->len, ==, 1);
  assert_problem (deck, 0, PYPREP_DECK_ERROR_NO_ID,
                  "en/t.md:11: entry “No ID” has no ID: end its heading with {#an-id}");
  g_assert_cmpstr (pyprep_entry_get_body (pyprep_deck_lookup_entry (deck, "broken/t/one")), ==, "First.");
}

static void
test_deck_missing_id (void)
{
  g_autoptr(PyprepDeck) deck = load_topic ("# T\n\n## No ID here\n\nText.\n\n## Bad {#Bad ID}\n\n"
                                           "## Good {#good}\n\nOK.\n", -1);

  g_assert_cmpuint (pyprep_deck_get_problems (deck)->len, ==, 2);
  assert_problem (deck, 0, PYPREP_DECK_ERROR_NO_ID,
                  "en/t.md:3: entry “No ID here” has no ID: end its heading with {#an-id}");
  assert_problem (deck, 1, PYPREP_DECK_ERROR_NO_ID,
                  "en/t.md:7: entry ID “Bad ID” may only use a-z, 0-9, “-” and “_”");
  g_assert_cmpuint (pyprep_deck_get_n_entries (deck), ==, 1);
}

static const struct
{
  const char *block;
  int code;
  const char *message;
} broken_blocks[] = {
  { "```quiz\nNo list here.\n```\n", PYPREP_DECK_ERROR_QUIZ, "en/t.md:7: quiz block has no list of choices" },
  { "```quiz\n- [x] a\n- [ ] b\n```\n", PYPREP_DECK_ERROR_QUIZ,
    "en/t.md:7: quiz block has no question before its choices" },
  { "```quiz\nQ?\n\n- [x] a\n- b\n```\n", PYPREP_DECK_ERROR_QUIZ,
    "en/t.md:11: choice does not start with “[x]” (correct) or “[ ]” (wrong)" },
  { "```quiz\nQ?\n\n- [ ] a\n- [ ] b\n```\n", PYPREP_DECK_ERROR_QUIZ,
    "en/t.md:7: quiz block marks no choice as correct with “[x]”" },
  { "```quiz\nQ?\n\n- [x] only one\n```\n", PYPREP_DECK_ERROR_QUIZ,
    "en/t.md:7: quiz block needs at least two choices" },
  { "```quiz {#Bad}\nQ?\n\n- [x] a\n- [ ] b\n```\n", PYPREP_DECK_ERROR_QUIZ,
    "en/t.md:7: quiz ID “Bad” may only use a-z, 0-9, “-” and “_”" },
  { "```card\nPrompt without answer\n```\n", PYPREP_DECK_ERROR_CARD,
    "en/t.md:7: card block has no “---” line between the prompt and the answer" },
  { "```card\n---\nAnswer\n```\n", PYPREP_DECK_ERROR_CARD, "en/t.md:7: card block has an empty prompt" },
  { "```reading\nNo links at all.\n```\n", PYPREP_DECK_ERROR_READING, "en/t.md:7: reading block holds no links" },
};

static void
test_deck_broken_blocks (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (broken_blocks); i++)
    {
      g_autofree char *text = g_strdup_printf ("# T\n\n## Entry {#e}\n\nBody.\n\n%s\n"
                                               "## Next {#next}\n\nFine.\n",
                                               broken_blocks[i].block);
      g_autoptr(PyprepDeck) deck = load_topic (text, -1);
      PyprepEntry *entry;

      g_test_message ("case %u: %s", i, broken_blocks[i].message);
      g_assert_cmpuint (pyprep_deck_get_problems (deck)->len, ==, 1);
      assert_problem (deck, 0, broken_blocks[i].code, broken_blocks[i].message);

      /* The block is dropped; its entry and the next one are kept. */
      entry = pyprep_deck_lookup_entry (deck, "broken/t/e");
      g_assert_nonnull (entry);
      g_assert_cmpstr (pyprep_entry_get_body (entry), ==, "Body.");
      g_assert_cmpuint (pyprep_entry_get_n_questions (entry), ==, 0);
      g_assert_null (pyprep_entry_get_card (entry));
      g_assert_nonnull (pyprep_deck_lookup_entry (deck, "broken/t/next"));
    }
}

static void
test_deck_invalid_utf8 (void)
{
  static const char text[] = "# T\n\n## Entry {#e}\n\nBad \xc3\x28 byte.\n";
  g_autoptr(PyprepDeck) deck = load_topic (text, sizeof text - 1);

  g_assert_cmpuint (pyprep_deck_get_problems (deck)->len, ==, 1);
  assert_problem (deck, 0, PYPREP_DECK_ERROR_ENCODING,
                  "en/t.md:5: file is not valid UTF-8 (byte 0xc3); the file is skipped");
  g_assert_cmpuint (pyprep_deck_get_n_entries (deck), ==, 0);
  /* The topic itself stays, so the deck keeps its shape. */
  g_assert_cmpuint (g_list_model_get_n_items (pyprep_deck_get_topics (deck)), ==, 1);
}

static void
test_deck_binary (void)
{
  static const char text[] = "# T\n\n\0\x01\x02 binary";
  g_autoptr(PyprepDeck) deck = load_topic (text, sizeof text - 1);

  assert_problem (deck, 0, PYPREP_DECK_ERROR_ENCODING,
                  "en/t.md:3: file contains a NUL byte: is it a binary file?");
}

static void
test_deck_empty (void)
{
  g_autoptr(PyprepDeck) empty = load_topic ("", 0);
  g_autoptr(PyprepDeck) blank = load_topic ("\n  \n\t\n", -1);
  g_autoptr(PyprepDeck) untitled = load_topic ("Just text.\n", -1);

  g_assert_cmpuint (pyprep_deck_get_problems (empty)->len, ==, 1);
  assert_problem (empty, 0, PYPREP_DECK_ERROR_EMPTY, "en/t.md:1: file is empty");
  assert_problem (blank, 0, PYPREP_DECK_ERROR_EMPTY, "en/t.md:1: file is empty");

  g_assert_cmpuint (pyprep_deck_get_problems (untitled)->len, ==, 2);
  assert_problem (untitled, 0, PYPREP_DECK_ERROR_BAD_VALUE,
                  "en/t.md:1: topic file has no level-one heading (“# Title”); using the ID “t”");
  assert_problem (untitled, 1, PYPREP_DECK_ERROR_EMPTY,
                  "en/t.md:1: topic file has no entries (“## Title {#id}” headings)");
}

static void
test_deck_missing_topic_file (void)
{
  g_autofree char *dir = make_deck (MANIFEST, NULL, NULL, 0);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepDeck) deck = NULL;
  GError *problem;

  deck = pyprep_deck_load (folder, english, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pyprep_deck_get_problems (deck)->len, ==, 1);
  problem = g_ptr_array_index (pyprep_deck_get_problems (deck), 0);
  g_assert_error (problem, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_IO);
  g_assert_true (g_str_has_prefix (problem->message, "en/t.md:1: cannot read the topic file"));
  remove_tree (dir);
}

static void
test_deck_second_card (void)
{
  g_autoptr(PyprepDeck) deck = load_topic ("# T\n\n## E {#e}\n\n```card\nA\n---\nB\n```\n\n"
                                           "```card\nC\n---\nD\n```\n", -1);

  assert_problem (deck, 0, PYPREP_DECK_ERROR_CARD,
                  "en/t.md:11: entry “e” has a second card block; only the first is used");
  g_assert_cmpstr (pyprep_entry_get_card (pyprep_deck_lookup_entry (deck, "broken/t/e"))->prompt, ==, "A");
}

static void
test_deck_id_rules (void)
{
  g_assert_true (pyprep_id_is_valid ("gil"));
  g_assert_true (pyprep_id_is_valid ("process-vs-thread"));
  g_assert_true (pyprep_id_is_valid ("q_1"));
  g_assert_true (pyprep_id_is_valid ("3d"));
  g_assert_false (pyprep_id_is_valid (NULL));
  g_assert_false (pyprep_id_is_valid (""));
  g_assert_false (pyprep_id_is_valid ("-x"));
  g_assert_false (pyprep_id_is_valid ("GIL"));
  g_assert_false (pyprep_id_is_valid ("a/b"));
  g_assert_false (pyprep_id_is_valid ("a b"));
  g_assert_false (pyprep_id_is_valid ("中文"));
  g_assert_false (pyprep_id_is_valid ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

/* The deck read at start-up: in its own thread, "loading" meanwhile, and
 * in the library once joined; a folder that is not there is an error. */
static void
test_deck_preload (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", "good", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/deck");
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(PyprepDeck) none = NULL;
  g_autoptr(PyprepLibrary) other = pyprep_library_new ();
  g_autoptr(GError) error = NULL;
  const char *languages[] = { "en", NULL };

  g_assert_false (pyprep_library_get_preloading (library));
  pyprep_library_preload_deck (library, folder, languages);
  g_assert_true (pyprep_library_get_preloading (library));
  g_assert_true (pyprep_library_get_loading (library));
  deck = pyprep_library_join_preload (library, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deck);
  g_assert_false (pyprep_library_get_preloading (library));
  g_assert_false (pyprep_library_get_loading (library));
  g_assert_cmpuint (g_list_model_get_n_items (pyprep_library_get_decks (library)), ==, 1);
  g_assert_true (pyprep_library_get_first_entry (library) != NULL);

  pyprep_library_preload_deck (other, missing, languages);
  none = pyprep_library_join_preload (other, &error);
  g_assert_null (none);
  g_assert_nonnull (error);
  g_assert_false (pyprep_library_get_loading (other));
  g_assert_cmpuint (g_list_model_get_n_items (pyprep_library_get_decks (other)), ==, 0);

  /* A preload never joined ends with its library. */
  pyprep_library_preload_deck (other, folder, languages);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/deck/good", test_deck_good);
  g_test_add_func ("/pyprep/deck/language", test_deck_language);
  g_test_add_func ("/pyprep/deck/pick-language", test_deck_pick_language);
  g_test_add_func ("/pyprep/deck/async", test_deck_async);
  g_test_add_func ("/pyprep/deck/id-rules", test_deck_id_rules);
  g_test_add_func ("/pyprep/deck/manifest-errors", test_deck_manifest_errors);
  g_test_add_func ("/pyprep/deck/duplicate-id", test_deck_duplicate_id);
  g_test_add_func ("/pyprep/deck/missing-id", test_deck_missing_id);
  g_test_add_func ("/pyprep/deck/front-matter", test_deck_front_matter);
  g_test_add_func ("/pyprep/deck/broken-blocks", test_deck_broken_blocks);
  g_test_add_func ("/pyprep/deck/second-card", test_deck_second_card);
  g_test_add_func ("/pyprep/deck/invalid-utf8", test_deck_invalid_utf8);
  g_test_add_func ("/pyprep/deck/binary", test_deck_binary);
  g_test_add_func ("/pyprep/deck/empty", test_deck_empty);
  g_test_add_func ("/pyprep/deck/missing-topic-file", test_deck_missing_topic_file);
  g_test_add_func ("/pyprep/deck/preload", test_deck_preload);

  return g_test_run ();
}
