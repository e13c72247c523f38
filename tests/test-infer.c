/* test-infer.c: folders of notes without deck.json become decks.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <unistd.h>

#include <cmark.h>
#include <glib/gstdio.h>

#include "core-harness.h"
#include "pyprep-deck.h"
#include "pyprep-id.h"
#include "pyprep-render.h"

static PyprepDeck *
load (const char *path,
      GError    **error)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);

  return pyprep_deck_load (folder, NULL, NULL, error);
}

static PyprepEntry *
entry_at (PyprepDeck *deck,
          guint       topic_index,
          guint       entry_index)
{
  g_autoptr(PyprepTopic) topic = g_list_model_get_item (pyprep_deck_get_topics (deck), topic_index);
  g_autoptr(PyprepEntry) entry = g_list_model_get_item (pyprep_topic_get_entries (topic), entry_index);

  /* The deck keeps its entries alive. */
  return entry;
}

static const char *
topic_title (PyprepDeck *deck,
             guint       index)
{
  g_autoptr(PyprepTopic) topic = g_list_model_get_item (pyprep_deck_get_topics (deck), index);

  return pyprep_topic_get_title (topic);
}

static void
test_infer_rules (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", "notes", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepDeck) deck = load (path, &error);
  GPtrArray *problems;
  PyprepEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpstr (pyprep_deck_get_id (deck), ==, "notes");
  /* The README asks nothing: it describes the folder. */
  g_assert_cmpstr (pyprep_deck_get_title (deck), ==, "Python notes");
  g_assert_cmpstr (pyprep_deck_get_description (deck), ==, "My notes on Python, one file a subject.");

  /* A file of sections: one topic, titled by its H1, sections as entries. */
  g_assert_cmpstr (topic_title (deck, 0), ==, "Python basics");
  entry = entry_at (deck, 0, 0);
  g_assert_cmpstr (pyprep_entry_get_id (entry), ==, "notes/basics/what-is-a-list");
  g_assert_cmpstr (pyprep_entry_get_title (entry), ==, "What is a list?");
  g_assert_cmpstr (pyprep_entry_get_body (entry), ==, "A dynamic array of references.\n\nMore detail here.");
  g_assert_cmpstr (pyprep_entry_get_card (entry)->prompt, ==, "What is a list?");
  g_assert_cmpstr (pyprep_entry_get_card (entry)->answer, ==, "A dynamic array of references.");
  g_assert_cmpuint (pyprep_entry_get_n_questions (entry), ==, 0);

  /* A file of question lists: each section a topic, each item an entry. */
  g_assert_cmpstr (topic_title (deck, 1), ==, "Concurrency");
  g_assert_cmpstr (topic_title (deck, 2), ==, "Memory");
  entry = entry_at (deck, 1, 0);
  g_assert_cmpstr (pyprep_entry_get_title (entry), ==, "What is the GIL?");
  g_assert_true (g_str_has_prefix (pyprep_entry_get_body (entry), "A lock in CPython."));
  g_assert_nonnull (strstr (pyprep_entry_get_body (entry), "It lets one thread run bytecode at a time."));
  g_assert_cmpstr (pyprep_entry_get_card (entry)->answer, ==, "A lock in CPython.");

  /* Answered only by links: a note says so; the links are its reading,
   * and a link-only item that is no question joins them. */
  entry = entry_at (deck, 1, 1);
  g_assert_cmpstr (pyprep_entry_get_title (entry), ==, "How does join work?");
  g_assert_true (g_str_has_prefix (pyprep_entry_get_body (entry), "*These notes answer this question only with links"));
  g_assert_cmpuint (pyprep_entry_get_n_links (entry), ==, 3);
  g_assert_cmpstr (pyprep_entry_get_link (entry, 0)->url, ==, "https://example.com/join");
  g_assert_cmpstr (pyprep_entry_get_link (entry, 2)->title, ==, "The threading docs");
  g_assert_true (g_str_has_prefix (pyprep_entry_get_card (entry)->answer, "- [A post about join](https://example.com/join)"));

  /* Chinese questions; a link phrased as a question is an entry itself. */
  entry = entry_at (deck, 2, 0);
  g_assert_cmpstr (pyprep_entry_get_title (entry), ==, "什么是引用计数？");
  g_assert_cmpstr (pyprep_entry_get_body (entry), ==, "> 每个对象记录被引用的次数。");
  entry = entry_at (deck, 2, 1);
  g_assert_cmpstr (pyprep_entry_get_title (entry), ==, "什么时候会触发垃圾回收？");
  g_assert_cmpuint (pyprep_entry_get_n_links (entry), ==, 1);
  g_assert_cmpstr (pyprep_deck_get_language (deck), ==, "zh_CN");

  /* Broken files are refused, each with its reason. */
  problems = pyprep_deck_get_problems (deck);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (((GError *) g_ptr_array_index (problems, 0))->message, ==,
                   "binary.md:1: file contains a NUL byte: is it a binary file?");
  g_assert_cmpstr (((GError *) g_ptr_array_index (problems, 1))->message, ==,
                   "broken.md:3: file is not valid UTF-8; the file is skipped");
  g_assert_cmpuint (g_list_model_get_n_items (pyprep_deck_get_topics (deck)), ==, 3);
}

static void
test_infer_stable_ids (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", "notes", NULL);
  g_autoptr(PyprepDeck) a = load (path, NULL);
  g_autoptr(PyprepDeck) b = load (path, NULL);

  /* The same notes give the same IDs, Chinese ones included. */
  g_assert_cmpstr (pyprep_entry_get_id (entry_at (a, 2, 0)), ==, pyprep_entry_get_id (entry_at (b, 2, 0)));
  g_assert_true (g_regex_match_simple ("^notes/questions-memory/[0-9a-f]{8}$",
                                       pyprep_entry_get_id (entry_at (a, 2, 0)), 0, 0));
}

static void
test_infer_empty_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-empty-XXXXXX", &error);
  g_autoptr(PyprepDeck) deck = NULL;

  deck = load (dir, &error);
  g_assert_null (deck);
  g_assert_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_EMPTY);
  /* The message names the folder, not a deck.json it does not have. */
  g_assert_true (g_str_has_prefix (error->message, dir));
  g_assert_null (strstr (error->message, "deck.json:"));
  g_rmdir (dir);
}

/* Huge files and pathological nesting are refused file by file, quickly;
 * the good file beside them still opens. */
static void
test_infer_hostile_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-hostile-XXXXXX", &error);
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *huge = NULL;
  GPtrArray *problems;

  write_file (dir, "a-good.md", "# Good\n\n## What is a tuple?\n\nAn immutable sequence.\n");

  /* 9 MiB: over the 8 MiB limit. */
  huge = g_malloc0 (9 * 1024 * 1024 + 1);
  memset (huge, 'x', 9 * 1024 * 1024);
  write_file (dir, "b-huge.md", huge);

  /* 100 000 nested block quotes on line 3. */
  g_string_append (text, "# Deep\n\n");
  for (int i = 0; i < 100000; i++)
    g_string_append (text, "> ");
  g_string_append (text, "down here\n");
  write_file (dir, "c-quotes.md", text->str);

  /* Lists nested 100 levels deep. */
  g_string_truncate (text, 0);
  for (int i = 0; i < 100; i++)
    {
      for (int j = 0; j < i; j++)
        g_string_append (text, "  ");
      g_string_append (text, "- item\n");
    }
  write_file (dir, "d-lists.md", text->str);

  /* 50 000 nested emphasis and link brackets. */
  g_string_truncate (text, 0);
  for (int i = 0; i < 50000; i++)
    g_string_append (text, "*[");
  g_string_append (text, "x");
  for (int i = 0; i < 50000; i++)
    g_string_append (text, "](u)*");
  g_string_append (text, "\n");
  write_file (dir, "e-inline.md", text->str);

  deck = load (dir, &error);
  g_assert_no_error (error);
  problems = pyprep_deck_get_problems (deck);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((GError *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, >=, 3);
  g_assert_cmpstr (((GError *) g_ptr_array_index (problems, 0))->message, ==,
                   "b-huge.md:1: file is over 8 MiB; the file is skipped");
  g_assert_cmpstr (((GError *) g_ptr_array_index (problems, 1))->message, ==,
                   "c-quotes.md:3: blocks are nested more than 64 levels deep; the file is skipped");
  g_assert_true (g_str_has_prefix (((GError *) g_ptr_array_index (problems, 2))->message,
                                   "d-lists.md:"));
  g_assert_cmpuint (g_list_model_get_n_items (pyprep_deck_get_topics (deck)), >=, 1);
  g_assert_cmpstr (topic_title (deck, 0), ==, "Good");
  g_assert_cmpstr (pyprep_entry_get_title (entry_at (deck, 0, 0)), ==, "What is a tuple?");

  remove_tree (dir);
}

static const char *
message_at (GPtrArray *errors,
            guint      index)
{
  g_assert_cmpuint (index, <, errors->len);
  return ((GError *) g_ptr_array_index (errors, index))->message;
}

/* Links that loop or leave the folder are not followed; each says so. */
static void
test_infer_hostile_links (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-links-XXXXXX", &error);
  g_autofree char *outside = g_dir_make_tmp ("pyprep-outside-XXXXXX", &error);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *loop = g_build_filename (sub, "loop", NULL);
  g_autofree char *away = g_build_filename (dir, "away", NULL);
  g_autofree char *away_file = g_build_filename (dir, "away.md", NULL);
  g_autofree char *secret = g_build_filename (outside, "secret.md", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.md", NULL);
  g_autoptr(PyprepDeck) deck = NULL;
  GPtrArray *warnings;

  g_assert_no_error (error);
  g_mkdir (sub, 0755);
  write_file (dir, "a.md", "# A\n\n## What is a?\n\nA letter.\n");
  write_file (sub, "b.md", "# B\n\n## What is b?\n\nAnother.\n");
  write_file (outside, "secret.md", "# Secret\n\n## What is private?\n\nThis.\n");
  g_assert_cmpint (symlink ("..", loop), ==, 0);
  g_assert_cmpint (symlink (outside, away), ==, 0);
  g_assert_cmpint (symlink (secret, away_file), ==, 0);
  g_assert_cmpint (symlink ("nowhere.md", dangling), ==, 0);

  deck = load (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pyprep_deck_get_problems (deck)->len, ==, 0);
  g_assert_cmpuint (pyprep_deck_get_n_entries (deck), ==, 2);
  warnings = pyprep_deck_get_warnings (deck);
  g_assert_cmpuint (warnings->len, ==, 4);
  g_assert_cmpstr (message_at (warnings, 0), ==, "away:1: the link leads outside the folder; it is not read");
  g_assert_cmpstr (message_at (warnings, 1), ==, "away.md:1: the link leads outside the folder; it is not read");
  g_assert_true (g_str_has_prefix (message_at (warnings, 2), "dangling.md:1: the link leads nowhere"));
  g_assert_cmpstr (message_at (warnings, 3), ==,
                   "sub/loop:1: this folder was read already (a link loops back); it is not read again");

  remove_tree (dir);
  remove_tree (outside);
}

/* A section that holds a whole chapter is one entry, with a warning that
 * it looks like many questions. */
static void
test_infer_large_entry (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-large-XXXXXX", &error);
  g_autoptr(GString) text = g_string_new ("# Chapter\n\n## Everything\n\n");
  g_autoptr(PyprepDeck) deck = NULL;
  GPtrArray *warnings;

  g_assert_no_error (error);
  for (guint i = 0; i < 14; i++)
    g_string_append_printf (text, "### part %c\n\nText.\n\n", 'a' + i);
  g_string_append (text, "## Else\n\nMore.\n");
  write_file (dir, "chapter.md", text->str);

  deck = load (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pyprep_deck_get_n_entries (deck), ==, 2);
  warnings = pyprep_deck_get_warnings (deck);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpstr (message_at (warnings, 0), ==,
                   "chapter.md:3: entry “Everything” may be many questions: it holds 14 headings and 1 KB of text");
  remove_tree (dir);
}

/* 10,000 subfolders and a 64-level tree: clear problems, no hang. */
static void
test_infer_hostile_trees (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-trees-XXXXXX", &error);
  g_autofree char *wide = g_build_filename (dir, "wide", NULL);
  g_autoptr(GString) deep = g_string_new (dir);
  g_autoptr(PyprepDeck) deck = NULL;
  GPtrArray *problems;

  g_assert_no_error (error);
  write_file (dir, "top.md", "# Top\n\n## What is on top?\n\nThis.\n");
  g_mkdir (wide, 0755);
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/%05u", wide, i);

      g_assert_cmpint (g_mkdir (name, 0755), ==, 0);
    }
  g_string_append (deep, "/deep");
  for (guint i = 0; i < 64; i++)
    g_string_append_printf (deep, "/%u", i);
  g_assert_cmpint (g_mkdir_with_parents (deep->str, 0755), ==, 0);
  write_file (deep->str, "bottom.md", "# Bottom\n\n## What is down here?\n\nNothing.\n");

  deck = load (dir, &error);
  g_assert_no_error (error);
  problems = pyprep_deck_get_problems (deck);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (message_at (problems, 0), ==,
                   "deep/0/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15:1: folders nested more than 16 levels deep "
                   "are not read");
  g_assert_true (g_str_has_suffix (message_at (problems, 1),
                                   ":1: the notes hold more than 2000 folders; this one and the rest are not read"));
  g_assert_cmpuint (pyprep_deck_get_n_entries (deck), ==, 1);

  remove_tree (dir);
}

/* The seeds' section 多进程和多线程 has a flat list of three points, two
 * of them with unindented continuation lines: the entry must keep it flat,
 * as cmark reads the same lines. */
static void
check_flat_list (const char  *folder,
                 PyprepEntry *entry)
{
  g_autofree char *file = g_build_filename (folder, "prose-notes.md", NULL);
  g_autofree char *text = NULL;
  g_autofree char *section = NULL;
  g_autofree char *rendered = NULL;
  char *own_html;
  const char *start, *end;

  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  start = strstr (text, "### 多进程和多线程\n");
  g_assert_nonnull (start);
  start = strchr (start, '\n') + 1;
  end = strstr (start, "\n### ");
  section = end != NULL ? g_strndup (start, end - start) : g_strdup (start);
  own_html = cmark_markdown_to_html (section, strlen (section), CMARK_OPT_DEFAULT);
  rendered = pyprep_render_markdown (pyprep_entry_get_body (entry), pyprep_entry_get_id (entry));

  g_assert_cmpuint (count_occurrences (own_html, "<ul>"), ==, 1);
  g_assert_cmpuint (count_occurrences (own_html, "<li>"), ==, 3);
  g_assert_cmpuint (count_occurrences (rendered, "<ul>"), ==, count_occurrences (own_html, "<ul>"));
  g_assert_cmpuint (count_occurrences (rendered, "<li>"), ==, count_occurrences (own_html, "<li>"));
  free (own_html);
}

/* The user's own notes, when they are beside the project (../shared/seeds). */
static void
test_infer_seeds (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "seeds", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepDeck) deck = NULL;
  GListModel *topics;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/seeds is absent");
      return;
    }

  deck = load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pyprep_deck_get_problems (deck)->len, ==, 0);
  topics = pyprep_deck_get_topics (deck);

  /* links-notes.md: its three sections are topics, its questions entries. */
  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, 4);
  g_assert_cmpstr (topic_title (deck, 0), ==, "operation system");
  g_assert_cmpstr (topic_title (deck, 1), ==, "数据结构");
  g_assert_cmpstr (topic_title (deck, 2), ==, "python其他");
  g_assert_cmpstr (pyprep_entry_get_title (entry_at (deck, 0, 0)), ==, "什么是python GIL?");
  g_assert_cmpuint (pyprep_entry_get_n_links (entry_at (deck, 0, 0)), ==, 5);
  g_assert_cmpstr (pyprep_entry_get_title (entry_at (deck, 2, 2)), ==, "什么是monkey patch");
  g_assert_cmpuint (pyprep_entry_get_n_links (entry_at (deck, 2, 2)), ==, 2);
  /* The one answered in prose keeps its prose. */
  g_assert_nonnull (strstr (pyprep_entry_get_body (entry_at (deck, 2, 0)), "字节码"));

  /* prose-notes.md: one topic, its sections the entries. */
  {
    g_autoptr(PyprepTopic) prose = g_list_model_get_item (topics, 3);

    g_assert_cmpuint (g_list_model_get_n_items (pyprep_topic_get_entries (prose)), ==, 7);
    g_assert_cmpstr (pyprep_entry_get_title (entry_at (deck, 3, 1)), ==, "多进程和多线程");
    check_flat_list (path, entry_at (deck, 3, 1));
  }
}

/* IDs made from long or odd text are still IDs: at most 64 bytes of
 * a-z, 0-9, "-" and "_", so URIs and JSON keys can name them. */
static void
test_infer_long_ids (void)
{
  static const char *texts[] = {
    "What happens when a very long question heading keeps going with many more short words a b c d e f g h i j k l m n o p q r s t u v w x y z",
    "Topic 二 GIL](https://blog.csdn.net/weixin_4 — — — — — — — — — — — — — — — — — — — —",
    "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z-0-1-2-3-4-5-6-7-8-9",
    "????",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *id = pyprep_id_from_text (texts[i]);

      g_test_message ("“%s” → %s", texts[i], id);
      g_assert_true (pyprep_id_is_valid (id));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/infer/rules", test_infer_rules);
  g_test_add_func ("/pyprep/infer/stable-ids", test_infer_stable_ids);
  g_test_add_func ("/pyprep/infer/empty-folder", test_infer_empty_folder);
  g_test_add_func ("/pyprep/infer/hostile-files", test_infer_hostile_files);
  g_test_add_func ("/pyprep/infer/large-entry", test_infer_large_entry);
  g_test_add_func ("/pyprep/infer/hostile-links", test_infer_hostile_links);
  g_test_add_func ("/pyprep/infer/hostile-trees", test_infer_hostile_trees);
  g_test_add_func ("/pyprep/infer/seeds", test_infer_seeds);
  g_test_add_func ("/pyprep/infer/long-ids", test_infer_long_ids);

  return g_test_run ();
}
