/* test-passages.c: how study blocks name their passage, and how names become page elements.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "pyprep-deck.h"
#include "pyprep-passage.h"
#include "pyprep-problems.h"
#include "pyprep-render.h"

static const struct
{
  const char *info;
  const char *kind;
  const char *id;
  const char *passage;
} good_infos[] = {
  { "quiz", "quiz", NULL, NULL },
  { "  card  ", "card", NULL, NULL },
  { "quiz {#threads}", "quiz", "threads", NULL },
  { "quiz{#threads}", "quiz", "threads", NULL },
  { "card {passage=#handover}", "card", NULL, "#handover" },
  { "quiz {#t passage=\"How the lock  is\thanded over\"}", "quiz", "t", "How the lock is handed over" },
  { "quiz {passage='Related \"join\"s' #t}", "quiz", "t", "Related \"join\"s" },
  { "card {passage=要点}", "card", NULL, "要点" },
  { "python", "python", NULL, NULL },
  /* Text that is no attribute list is not read, as before. */
  { "quiz some words", "quiz", NULL, NULL },
};

static const struct
{
  const char *info;
  const char *message;
} bad_infos[] = {
  { "quiz {#t passage=\"Key points}", "no closing quote" },
  { "quiz {#t", "do not end with" },
  { "quiz {#t} trailing", "do not end with" },
  { "card {passage=}", "is empty" },
  { "card {passage=\"\"}", "is empty" },
  { "card {passage=#}", "is empty" },
  { "card {passage=#Not_Valid!}", "may only use" },
  { "card {passage=#a passage=#b}", "twice" },
  { "quiz {#a #b}", "two IDs" },
  { "quiz {from=#a}", "unknown attribute “from=#a”" },
  { "quiz {predict}", "unknown attribute" },
};

static void
test_passages_parse_info (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (good_infos); i++)
    {
      g_autofree char *kind = NULL;
      g_autofree char *id = NULL;
      g_autofree char *passage = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", good_infos[i].info);
      g_assert_true (pyprep_passage_parse_info (good_infos[i].info, &kind, &id, &passage, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (kind, ==, good_infos[i].kind);
      g_assert_cmpstr (id, ==, good_infos[i].id);
      g_assert_cmpstr (passage, ==, good_infos[i].passage);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_infos); i++)
    {
      g_autofree char *kind = NULL;
      g_autofree char *id = NULL;
      g_autofree char *passage = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", bad_infos[i].info);
      g_assert_false (pyprep_passage_parse_info (bad_infos[i].info, &kind, &id, &passage, &error));
      g_assert_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_BAD_VALUE);
      g_assert_nonnull (strstr (error->message, bad_infos[i].message));
      g_assert_nonnull (kind);
      g_assert_null (id);
      g_assert_null (passage);
    }
}

static const char body[] =
  "Before any heading.\n\n"
  "**Key points**\n\n"
  "- one\n- two\n\n"
  "### How the lock is handed over {#handover}\n\n"
  "Text.\n\n"
  "### A `code` heading\n\n"
  "A paragraph with an anchor. {#para}\n\n"
  "- an item\n  more of it {#item}\n\n"
  "```python {#snippet}\nprint(1)\n```\n\n"
  "### Twice\n\n### Twice\n";

static const struct
{
  const char *name;
  const char *element;
  const char *message;
} resolutions[] = {
  { "The entry", "section-0", NULL },
  { "Key points", "section-1", NULL },
  { "  Key   points ", "section-1", NULL },
  { "How the lock is handed over", "anchor-handover", NULL },
  { "#handover", "anchor-handover", NULL },
  { "A code heading", "section-3", NULL },
  { "#para", "anchor-para", NULL },
  { "#item", "anchor-item", NULL },
  { "#snippet", "anchor-snippet", NULL },
  { "key points", NULL, "names no heading" },
  { "#nowhere", NULL, "names no anchor" },
  { "Twice", NULL, "names 2 headings" },
  { "Text.", NULL, "names no heading" },
};

static void
test_passages_resolve (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (resolutions); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *element = pyprep_passage_resolve (body, "The entry", resolutions[i].name, &error);

      g_test_message ("%s", resolutions[i].name);
      g_assert_cmpstr (element, ==, resolutions[i].element);
      if (resolutions[i].message == NULL)
        g_assert_no_error (error);
      else
        {
          g_assert_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_PASSAGE);
          g_assert_nonnull (strstr (error->message, resolutions[i].message));
        }
    }
}

static void
write_text (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (parent, 0700);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* A deck's blocks name passages; the loader reports the unknown ones by
 * line and keeps the card, and the page wraps exactly the named ones. */
static void
test_passages_deck (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-passages-XXXXXX", &error);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(PyprepDeck) deck = NULL;
  const char *english[] = { "en", NULL };
  g_autofree char *html = NULL;
  PyprepEntry *entry;
  GPtrArray *problems;

  g_assert_no_error (error);
  write_text (dir, "deck.json", "{\"format\": 1, \"id\": \"d\", \"title\": \"D\", "
                                "\"languages\": [\"en\"], \"topics\": [{\"id\": \"t\"}]}");
  write_text (dir, "en/t.md",
         "# T\n\n## The GIL {#gil}\n\n**Key points**\n\n- A lock.\n\n"
         "### Handing over {#handover}\n\nEvery 5 ms.\n\n"
         "### Unnamed\n\nNobody asks.\n\n"
         "See [the docs](https://docs.python.org/3/).\n\n"
         "```card {passage=\"Key points\"}\nWhat?\n---\nA lock.\n```\n\n"
         "```quiz {#q passage=#handover}\nWhen?\n\n- [x] 5 ms\n- [ ] never\n```\n\n"
         "```quiz {#lost passage=\"Nowhere\"}\nWhat?\n\n- [x] a\n- [ ] b\n```\n\n"
         "```quiz {#broken passage=\"open}\nWhat?\n\n- [x] a\n- [ ] b\n```\n");
  folder = g_file_new_for_path (dir);
  deck = pyprep_deck_load (folder, english, NULL, &error);
  g_assert_no_error (error);

  problems = pyprep_deck_get_problems (deck);
  g_assert_cmpuint (problems->len, ==, 2);
  /* The broken block is reported as it is read, the unknown passage once
   * the entry's text is whole. */
  g_assert_cmpstr (((GError *) g_ptr_array_index (problems, 0))->message, ==,
                   "en/t.md:39: the passage's name has no closing quote; the block is skipped");
  g_assert_cmpstr (((GError *) g_ptr_array_index (problems, 1))->message, ==,
                   "en/t.md:32: passage “Nowhere” names no heading of the entry");
  g_assert_true (g_error_matches (g_ptr_array_index (problems, 1), PYPREP_DECK_ERROR,
                                  PYPREP_DECK_ERROR_PASSAGE));

  entry = pyprep_deck_lookup_entry (deck, "d/t/gil");
  g_assert_cmpstr (pyprep_entry_get_card (entry)->passage, ==, "section-1");
  g_assert_cmpuint (pyprep_entry_get_n_questions (entry), ==, 2);
  g_assert_cmpstr (pyprep_entry_get_question (entry, 0)->passage, ==, "anchor-handover");
  g_assert_null (pyprep_entry_get_question (entry, 1)->passage);

  html = pyprep_render_entry (entry, "en", 0);
  g_assert_nonnull (strstr (html, "<div class=\"passage\" id=\"section-1\">\n<p><strong>Key points</strong></p>\n"
                                  "<ul>\n<li>A lock.</li>\n</ul>\n</div>"));
  g_assert_nonnull (strstr (html, "<div class=\"passage\" id=\"anchor-handover\">\n<h3>Handing over</h3>"));
  g_assert_null (strstr (html, "{#handover}"));
  g_assert_null (strstr (html, "id=\"section-3\""));
  /* Web links carry their address in our scheme, which WebKit loads nothing for. */
  g_assert_nonnull (strstr (html, "<a href=\"pyprep://web/https%3A%2F%2Fdocs.python.org%2F3%2F\">the docs</a>"));
  g_assert_null (strstr (html, "href=\"https:"));
}

static void
test_passages_web_links (void)
{
  const char *web[] = { "https://docs.python.org/3/?q=a b#x", "http://127.0.0.1:9/", "mailto:a@example.com" };
  const char *other[] = { "entry:gil", "file:///etc/passwd", "javascript:alert(1)", "pyprep://entry/a/b/c", "" };

  for (guint i = 0; i < G_N_ELEMENTS (web); i++)
    {
      g_autofree char *uri = pyprep_render_web_link_uri (web[i]);
      g_autofree char *back = pyprep_render_web_link_target (uri);

      g_assert_true (g_str_has_prefix (uri, "pyprep://web/"));
      g_assert_null (strchr (uri + strlen ("pyprep://web/"), '/'));
      g_assert_cmpstr (back, ==, web[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (other); i++)
    {
      g_autofree char *escaped = g_uri_escape_string (other[i], NULL, FALSE);
      g_autofree char *forged = g_strconcat ("pyprep://web/", escaped, NULL);

      g_assert_null (pyprep_render_web_link_uri (other[i]));
      /* A page cannot smuggle another scheme through the web form. */
      g_assert_null (pyprep_render_web_link_target (forged));
    }
  g_assert_null (pyprep_render_web_link_target ("https://docs.python.org/"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/passages/parse-info", test_passages_parse_info);
  g_test_add_func ("/pyprep/passages/resolve", test_passages_resolve);
  g_test_add_func ("/pyprep/passages/deck", test_passages_deck);
  g_test_add_func ("/pyprep/passages/web-links", test_passages_web_links);

  return g_test_run ();
}
