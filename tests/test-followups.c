/* test-followups.c: the ```followups block: parsing, links, problems, rendering.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-harness.h"
#include "pyprep-deck.h"
#include "pyprep-followups.h"
#include "pyprep-render.h"

static const char *english[] = { "en", NULL };

static PyprepDeck *
load_fixture (void)
{
  return load_test_deck ("followups", english);
}

static void
test_followups_parsed (void)
{
  g_autoptr(PyprepDeck) deck = load_fixture ();
  PyprepEntry *gil = pyprep_deck_lookup_entry (deck, "fu/threads/gil");
  PyprepEntry *races = pyprep_deck_lookup_entry (deck, "fu/threads/races");
  const PyprepFollowup *f;

  g_assert_nonnull (gil);
  g_assert_cmpuint (pyprep_entry_get_n_followups (gil), ==, 2);

  f = pyprep_entry_get_followup (gil, 0);
  g_assert_cmpstr (f->question, ==, "And in the free-threaded build?");
  g_assert_cmpstr (f->answer, ==, "There is no such lock; objects lock themselves.\n[see](entry:memory/refcount)");
  g_assert_cmpstr (f->see, ==, "fu/memory/refcount");
  g_assert_cmpint (f->line, ==, 14);

  /* An answer of two paragraphs; `#id` names an entry of the same topic
   * and is written back as an entry link. */
  f = pyprep_entry_get_followup (gil, 1);
  g_assert_cmpstr (f->question, ==, "What breaks if two threads run `n += 1`?");
  g_assert_cmpstr (f->answer, ==,
                   "Updates are lost: load, add and store can be split.\n\nUse a lock, see [races](entry:races).");
  g_assert_cmpstr (f->see, ==, "fu/threads/races");

  /* The study block is not part of the entry's text. */
  g_assert_null (strstr (pyprep_entry_get_body (gil), "followups"));
  g_assert_null (strstr (pyprep_entry_get_body (gil), "free-threaded"));

  /* Of the broken block, the good items stay. */
  g_assert_nonnull (races);
  g_assert_cmpuint (pyprep_entry_get_n_followups (races), ==, 3);
  g_assert_cmpstr (pyprep_entry_get_followup (races, 0)->question, ==, "Can a race happen with one core?");
  g_assert_null (pyprep_entry_get_followup (races, 0)->see);
  g_assert_cmpstr (pyprep_entry_get_followup (races, 1)->see, ==, "fu/memory/nowhere");
  g_assert_cmpstr (pyprep_entry_get_followup (races, 2)->question, ==, "A link with a bad ID?");
  g_assert_null (pyprep_entry_get_followup (races, 2)->see);

  g_assert_cmpuint (pyprep_entry_get_n_followups (pyprep_deck_lookup_entry (deck, "fu/threads/empty")), ==, 0);
}

static void
test_followups_problems (void)
{
  g_autoptr(PyprepDeck) deck = load_fixture ();
  GPtrArray *problems = pyprep_deck_get_problems (deck);
  const char *expected[] = {
    "en/threads.md:32: follow-up “Only a question, no answer” has no answer; "
      "write it on the lines indented under the question",
    "en/threads.md:33: follow-up links to an entry with an ID that is not valid",
    "en/threads.md:36: followups block holds something other than its list of questions",
    "en/threads.md:43: followups block holds no list of questions",
    "en/threads.md:44: followups block holds something other than its list of questions",
    "en/threads.md:30: follow-up links to “fu/memory/nowhere”, which this deck does not have",
  };
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (all, "%s\n", ((GError *) g_ptr_array_index (problems, i))->message);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (all->str, expected[i]) == NULL)
      g_error ("missing problem: %s\nall problems:\n%s", expected[i], all->str);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
}

static void
test_followups_resolve (void)
{
  struct { const char *reference; const char *id; } cases[] = {
    { "gil", "d/os/gil" },
    { "memory/refcount", "d/memory/refcount" },
    { "other/os/gil", "other/os/gil" },
    { "a/b/c/d", NULL },
    { "Bad ID", NULL },
    { "", NULL },
    { "os//gil", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = pyprep_followups_resolve_see (cases[i].reference, "d", "os");

      g_assert_cmpstr (id, ==, cases[i].id);
    }
}

static void
test_followups_rendered (void)
{
  g_autoptr(PyprepDeck) deck = load_fixture ();
  g_autofree char *html = pyprep_render_entry (pyprep_deck_lookup_entry (deck, "fu/threads/gil"), "en", 0);
  g_autofree char *plain = pyprep_render_entry (pyprep_deck_lookup_entry (deck, "fu/memory/refcount"), "en", 0);
  const char *section = strstr (html, "<section class=\"study followups\">");

  g_assert_nonnull (section);
  g_assert_nonnull (strstr (section, "<h2>Follow-up Questions</h2>"));
  g_assert_nonnull (strstr (section, "And in the free-threaded build?"));
  g_assert_nonnull (strstr (section, "<details class=\"answer\">"));
  /* The answer's links open entries in the reader, like any deck link. */
  g_assert_nonnull (strstr (section, "href=\"pyprep://entry/fu/memory/refcount\""));
  g_assert_nonnull (strstr (section, "href=\"pyprep://entry/fu/threads/races\""));
  /* After the recall card. */
  g_assert_true (strstr (html, "<section class=\"study card\">") < section);
  g_assert_null (strstr (plain, "followups"));
}

/* In notes without a manifest, the questions inside an answer. */
static void
test_followups_inferred (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", "followups-notes", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepDeck) deck = pyprep_deck_load (folder, english, NULL, &error);
  g_autoptr(PyprepTopic) topic = NULL;
  g_autoptr(PyprepEntry) generator = NULL;
  g_autoptr(PyprepEntry) decorator = NULL;
  g_autoptr(PyprepEntry) with = NULL;
  const PyprepFollowup *f;
  g_autofree char *html = NULL;

  g_assert_no_error (error);
  topic = g_list_model_get_item (pyprep_deck_get_topics (deck), 0);
  g_assert_cmpuint (g_list_model_get_n_items (pyprep_topic_get_entries (topic)), ==, 3);
  generator = g_list_model_get_item (pyprep_topic_get_entries (topic), 0);
  decorator = g_list_model_get_item (pyprep_topic_get_entries (topic), 1);
  with = g_list_model_get_item (pyprep_topic_get_entries (topic), 2);
  g_assert_cmpstr (pyprep_entry_get_title (generator), ==, "What is a generator?");

  /* The asking sub-heading with all under it, down to the next heading of
   * its level; the asking list item with an answer. Not the sub-point
   * "Laziness", the item that does not ask, or the one with no answer. */
  g_assert_cmpuint (pyprep_entry_get_n_followups (generator), ==, 2);
  f = pyprep_entry_get_followup (generator, 0);
  g_assert_cmpstr (f->question, ==, "Why not return a list?");
  g_assert_cmpstr (f->answer, ==,
                   "A list holds every item at once; a generator makes one at a time.\n\n"
                   "#### Memory\n\nOne frame, whatever the length.");
  g_assert_true (f->in_body);
  g_assert_cmpint (f->line, ==, 7);
  f = pyprep_entry_get_followup (generator, 1);
  g_assert_cmpstr (f->question, ==, "How do you stop one early?");
  g_assert_cmpstr (f->answer, ==, "Call its `close()` method.");
  g_assert_cmpint (f->line, ==, 19);

  g_assert_cmpuint (pyprep_entry_get_n_followups (decorator), ==, 1);
  g_assert_cmpstr (pyprep_entry_get_followup (decorator, 0)->question, ==,
                   "How is the order of two decorators decided?");
  g_assert_cmpstr (pyprep_entry_get_followup (decorator, 0)->answer, ==,
                   "The one nearest the function applies first.");
  g_assert_cmpuint (pyprep_entry_get_n_followups (with), ==, 0);

  /* They stand in the entry's text already: the reader does not repeat them. */
  html = pyprep_render_entry (generator, "en", 0);
  g_assert_null (strstr (html, "study followups"));
  g_assert_nonnull (strstr (html, "Why not return a list?"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/followups/parsed", test_followups_parsed);
  g_test_add_func ("/pyprep/followups/problems", test_followups_problems);
  g_test_add_func ("/pyprep/followups/resolve", test_followups_resolve);
  g_test_add_func ("/pyprep/followups/rendered", test_followups_rendered);
  g_test_add_func ("/pyprep/followups/inferred", test_followups_inferred);

  return g_test_run ();
}
