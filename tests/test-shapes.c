/* test-shapes.c: the shapes real collections of notes have open with one entry per question.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/decks/shapes/ holds one folder a shape (see issue "Real notes"):
 *  a: one README, a table of contents, level-1 topics, level-2 questions
 *     numbered across topics, level-3 sub-points numbered 1, 2, 3;
 *  b: a <!-- TOC --> block, parts, sections, level-3 questions numbered
 *     across sections, some unanswered, one only a link;
 *  c: one level-2 title, level-4 questions `题目001：`;
 *  d: level-2 questions whose answers have their own numbered headings;
 *  e: one file a topic, level-2 sections, level-3 sub-points;
 *  f: a tree of folders with an index README, images, a table, a task
 *     list, front matter, a hidden folder and node_modules.
 */
#include "config.h"

#include <string.h>

#include "core-harness.h"
#include "pyprep-deck.h"
#include "pyprep-render.h"

/* One line a topic, `# group | title`, then one line an entry,
 * `number. title` with ` (unanswered)` and ` [card]` as they apply. */
static char *
outline (PyprepDeck *deck)
{
  GListModel *topics = pyprep_deck_get_topics (deck);
  GString *out = g_string_new (NULL);

  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, t);
      GListModel *entries = pyprep_topic_get_entries (topic);

      g_string_append_printf (out, "# %s%s%s\n", pyprep_topic_get_group_title (topic) != NULL
                                                 ? pyprep_topic_get_group_title (topic) : "",
                              pyprep_topic_get_group (topic) != NULL ? " | " : "",
                              pyprep_topic_get_title (topic));
      for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
        {
          g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, e);

          if (pyprep_entry_get_number (entry) != NULL)
            g_string_append_printf (out, "%s. ", pyprep_entry_get_number (entry));
          g_string_append (out, pyprep_entry_get_title (entry));
          if (pyprep_entry_is_unanswered (entry))
            g_string_append (out, " (unanswered)");
          if (pyprep_entry_get_card (entry) != NULL)
            g_string_append (out, " [card]");
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

static PyprepDeck *
load_shape (const char *name)
{
  g_autofree char *path = g_build_filename ("shapes", name, NULL);
  PyprepDeck *deck = load_test_deck (path, NULL);

  g_assert_cmpuint (pyprep_deck_get_problems (deck)->len, ==, 0);
  return deck;
}

/* The note `--check` shows for @file. */
static const char *
note_for (PyprepDeck *deck,
          const char *file)
{
  GPtrArray *notes = pyprep_deck_get_notes (deck);
  g_autofree char *prefix = g_strconcat (file, ": ", NULL);

  for (guint i = 0; i < notes->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (notes, i), prefix))
      return g_ptr_array_index (notes, i);
  return NULL;
}

/* What each shape checks beyond its outline and note. */

static void
check_shape_a (PyprepDeck *deck)
{
  /* The sub-points stay in their answer. */
  g_assert_nonnull (strstr (pyprep_entry_get_body (find_entry_by_title (deck, "装饰器")), "类装饰器"));
  g_assert_cmpstr (pyprep_deck_get_language (deck), ==, "zh_CN");
}

static void
check_shape_b (PyprepDeck *deck)
{
  PyprepEntry *link;
  GPtrArray *warnings;

  /* A question that is only a link: the link is its reading. */
  link = find_entry_by_title (deck, "Why are default arguments evaluated once?");
  g_assert_false (pyprep_entry_is_unanswered (link));
  g_assert_cmpuint (pyprep_entry_get_n_links (link), ==, 1);
  g_assert_true (g_str_has_prefix (pyprep_entry_get_link (link, 0)->url, "https://docs.python.org/"));

  /* Unanswered questions are warnings, never errors. */
  warnings = pyprep_deck_get_warnings (deck);
  g_assert_cmpuint (warnings->len, ==, 4);
  g_assert_cmpstr (((GError *) g_ptr_array_index (warnings, 0))->message, ==,
                   "README.md:24: “What is a generator?” has no answer in these notes yet");
  g_assert_cmpstr (((GError *) g_ptr_array_index (warnings, 3))->message, ==,
                   "README.md:52: topic “Part Two: Systems · Storage” holds a single entry");
}

static void
check_shape_c (PyprepDeck *deck)
{
  g_assert_nonnull (strstr (pyprep_entry_get_body (find_entry_by_title (deck, "打印九九乘法表")), "for i in range(1, 10):"));
}

static void
check_shape_d (PyprepDeck *deck)
{
  /* The answer keeps its own headings, sub-points and all. */
  const char *body = pyprep_entry_get_body (find_entry_by_title (deck, "What are the key features of Python?"));

  g_assert_true (g_str_has_prefix (body, "### 1"));
  g_assert_nonnull (strstr (body, "Interpreted"));
  g_assert_nonnull (strstr (body, "#### Example"));
  g_assert_nonnull (strstr (body, "Garbage collected"));
}

static void
check_shape_f (PyprepDeck *deck)
{
  GPtrArray *folders = pyprep_deck_get_folders (deck);

  /* The index README orders the folders and names the deck; python's
   * README names its group, other folders are named as they are; hidden
   * folders and node_modules are not read. */
  g_assert_cmpstr (pyprep_deck_get_title (deck), ==, "My Study Vault");
  g_assert_cmpstr (pyprep_deck_get_description (deck), ==, "Notes I keep in a notes app, one folder a subject.");
  {
    g_autoptr(PyprepTopic) gil = g_list_model_get_item (pyprep_deck_get_topics (deck), 1);

    g_assert_cmpstr (pyprep_topic_get_group (gil), ==, "python/advanced");
    g_assert_cmpstr (pyprep_topic_get_file (gil), ==, "python/advanced/gil.md");
  }

  /* Images keep their paths, relative to their file. */
  g_assert_nonnull (strstr (pyprep_entry_get_body (find_entry_by_title (deck, "What is the GIL?")),
                            "![](../../assets/diagram.png)"));
  g_assert_nonnull (strstr (pyprep_entry_get_body (find_entry_by_title (deck, "What is the difference between a list "
                                                               "and a tuple?")),
                            "![How a list is laid out](images/list.png)"));
  /* Front matter is cut; its line count keeps the lines right. */
  g_assert_cmpint (pyprep_entry_get_line (find_entry_by_title (deck, "Why is str immutable?")), ==, 24);
  g_assert_cmpstr (note_for (deck, "os/process.md"), ==,
                   "os/process.md: questions are the level-3 headings, as its front matter states; "
                   "2 topics, 4 entries");
  /* The folders read, for live reload. */
  g_assert_cmpuint (folders->len, ==, 6);
}

/* One shape: its folder, the outline it opens as, the note `--check`
 * shows for one of its files (when the shape checks one) and the rest of
 * what it checks. */
typedef struct
{
  const char *path;
  const char *folder;
  const char *outline;
  const char *note_file;
  const char *note;
  void (*check) (PyprepDeck *deck);
} Shape;

static const Shape shapes[] = {
  { "/pyprep/shapes/a-one-readme", "a",
    "# 语言特性\n"
    "1. 可变与不可变类型 [card]\n"
    "2. is 和 == 有什么区别 [card]\n"
    "3. 装饰器 [card]\n"
    "# 操作系统\n"
    "4. 进程与线程 [card]\n"
    "5. 僵尸进程 [card]\n"
    "# 数据库\n"
    "6. 事务的四个特性 [card]\n"
    "7. 索引为什么用 B+ 树 [card]\n",
    "README.md",
    "README.md: questions are the level-2 headings (numbered across their parents); "
    "3 topics, 7 entries",
    check_shape_a },
  { "/pyprep/shapes/b-parts-sections", "b",
    "# Part One: Python · Basics\n"
    "1. What does *args collect? [card]\n"
    "2. What is a generator? (unanswered)\n"
    "3. Why are default arguments evaluated once? [card]\n"
    "# Part One: Python · Concurrency\n"
    "4. What does the GIL protect? [card]\n"
    "5. When do threads still help? (unanswered)\n"
    "6. What is asyncio's event loop? [card]\n"
    "# Part Two: Systems · Networking\n"
    "7. What happens in a TCP handshake? [card]\n"
    "8. Why does TIME_WAIT exist? (unanswered)\n"
    "# Part Two: Systems · Storage\n"
    "9. What is write amplification? [card]\n",
    "README.md",
    "README.md: questions are the level-3 headings (numbered across their parents); "
    "4 topics, 9 entries, 3 unanswered",
    check_shape_b },
  { "/pyprep/shapes/c-deep-questions", "c",
    "# Python 练习一百题\n"
    "1. 有 1、2、3、4 四个数字，能组成多少个互不相同且无重复数字的三位数？ [card]\n"
    "2. 输入一个年份，判断它是不是闰年 [card]\n"
    "3. 打印九九乘法表 [card]\n"
    "4. 将一个列表逆序 [card]\n"
    "5. 统计字符串中每个字符出现的次数 [card]\n",
    NULL, NULL,
    check_shape_c },
  { "/pyprep/shapes/d-structured-answers", "d",
    "# Python Interview Questions\n"
    "1. What are the key features of Python? [card]\n"
    "2. What is the difference between a list and a tuple? [card]\n"
    "3. How is memory managed in Python? [card]\n",
    NULL, NULL,
    check_shape_d },
  { "/pyprep/shapes/e-file-per-topic", "e",
    "# 操作系统 - 内存管理\n"
    "分页 [card]\n"
    "虚拟内存 [card]\n"
    "# 操作系统 - 进程管理\n"
    "进程的状态 [card]\n"
    "进程调度算法 [card]\n",
    "操作系统 - 进程管理.md",
    "操作系统 - 进程管理.md: entries are the level-2 sections (no level reads as "
    "questions); 1 topics, 2 entries",
    NULL },
  { "/pyprep/shapes/f-folder-tree", "f",
    "# Python | Python basics\n"
    "What is the difference between a list and a tuple? [card]\n"
    "Which containers have I revised? [card]\n"
    "Why is str immutable? (unanswered)\n"
    "# advanced | GIL\n"
    "What is the GIL? [card]\n"
    "How do you work around the GIL? [card]\n"
    "# os | Basics\n"
    "fork [card]\n"
    "exec [card]\n"
    "# os | Signals\n"
    "SIGTERM [card]\n"
    "SIGKILL [card]\n",
    "README.md",
    "README.md: about the folder, not notes; its links order the topics",
    check_shape_f },
};

static void
test_shape (gconstpointer data)
{
  const Shape *shape = data;
  g_autoptr(PyprepDeck) deck = load_shape (shape->folder);
  g_autofree char *text = outline (deck);

  g_assert_cmpstr (text, ==, shape->outline);
  if (shape->note_file != NULL)
    g_assert_cmpstr (note_for (deck, shape->note_file), ==, shape->note);
  if (shape->check != NULL)
    shape->check (deck);
}

/* The page shows a question's number apart, and says when the notes do
 * not answer it. */
static void
test_shape_pages (void)
{
  g_autoptr(PyprepDeck) deck = load_shape ("b");
  g_autofree char *answered = pyprep_render_entry (find_entry_by_title (deck, "What does *args collect?"), "en", 0);
  g_autofree char *unanswered = pyprep_render_entry (find_entry_by_title (deck, "What is a generator?"), "en", 0);

  g_assert_nonnull (strstr (answered, "<h1><span class=\"number\">1</span>What does *args collect?</h1>"));
  g_assert_null (strstr (answered, "class=\"unanswered\""));
  g_assert_nonnull (strstr (unanswered, "<p class=\"unanswered\">No answer in these notes yet."));
  /* No card to review for a question without an answer. */
  g_assert_null (strstr (unanswered, "Recall Card"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    g_test_add_data_func (shapes[i].path, &shapes[i], test_shape);
  g_test_add_func ("/pyprep/shapes/pages", test_shape_pages);

  return g_test_run ();
}
