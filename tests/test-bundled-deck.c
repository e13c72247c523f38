/* test-bundled-deck.c: the bundled deck answers every seed question, completely, in both languages.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core-harness.h"
#include "pyprep-deck.h"
#include "pyprep-predict.h"
#include "pyprep-render.h"

static const char *chinese[] = { "zh_CN", NULL };
static const char *english[] = { "en", NULL };

/* Every question of the source notes (../shared/seeds/) and the entry that
 * answers it. */
static const struct
{
  const char *seed_file;
  const char *question;
  const char *entry_id;
} coverage[] = {
  { "links-notes.md", "什么是python GIL?", "pyprep/os/gil" },
  { "links-notes.md", "python中多线程join方法如何理解？", "pyprep/os/thread-join" },
  { "links-notes.md", "python中的垃圾回收机制", "pyprep/os/garbage-collection" },
  { "links-notes.md", "python中list和dict的底层实现", "pyprep/data-structures/list" },
  { "links-notes.md", "python中list和dict的底层实现", "pyprep/data-structures/dict" },
  { "links-notes.md", "装饰器，看这两篇就够了", "pyprep/data-structures/decorators" },
  { "links-notes.md", "__call__方法", "pyprep/data-structures/callable" },
  { "links-notes.md", "什么是.pyc文件和.pyo文件?", "pyprep/misc/pyc-files" },
  { "links-notes.md", "Python什么情况下会生成pyc文件？", "pyprep/misc/pyc-when-written" },
  { "links-notes.md", "什么是monkey patch", "pyprep/misc/monkey-patching" },
  { "links-notes.md", "什么是python的反射", "pyprep/misc/introspection" },
  { "prose-notes.md", "### 1 Python中的装饰器", "pyprep/data-structures/decorators" },
  { "prose-notes.md", "### 多进程和多线程", "pyprep/os/process-vs-thread" },
  { "prose-notes.md", "Python多进程和多线程哪个快?", "pyprep/os/process-vs-thread" },
  { "prose-notes.md", "### 2 python协程", "pyprep/os/coroutines" },
  { "prose-notes.md", "### 3 Python的垃圾回收机制以及内存管理", "pyprep/os/garbage-collection" },
  { "prose-notes.md", "### 3 Python的垃圾回收机制以及内存管理", "pyprep/os/memory-management" },
  { "prose-notes.md", "### 4 IaaS PaaS SaaS", "pyprep/misc/cloud-service-models" },
  { "prose-notes.md", "### os、sys模块不同", "pyprep/misc/os-vs-sys" },
  { "prose-notes.md", "### 切片是浅拷贝", "pyprep/data-structures/copy-slicing" },
};

static const char * const *both_languages[] = { chinese, english };

static gboolean
add_entry (PyprepTopic *topic,
           PyprepEntry *entry,
           gpointer     entries)
{
  g_ptr_array_add (entries, g_object_ref (entry));
  return FALSE;
}

static GPtrArray *
all_entries (PyprepDeck *deck)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);

  pyprep_deck_foreach_entry (deck, add_entry, entries);
  return entries;
}

typedef void (*EntryCheck) (PyprepDeck  *deck,
                            PyprepEntry *entry,
                            const char  *language,
                            gpointer     data);

/* Loads the bundled deck in @languages and calls @check on each of its
 * entries; returns how many there were. */
static guint
each_entry (const char * const *languages,
            EntryCheck          check,
            gpointer            data)
{
  g_autoptr(PyprepDeck) deck = load_bundled_deck (languages);
  g_autoptr(GPtrArray) entries = all_entries (deck);

  for (guint i = 0; i < entries->len; i++)
    check (deck, g_ptr_array_index (entries, i), languages[0], data);
  return entries->len;
}

typedef void (*PairCheck) (PyprepEntry *zh,
                           PyprepEntry *en,
                           gpointer     data);

/* Loads the bundled deck in both languages, which must have no problems
 * and as many entries, and calls @check on each entry with its twin. */
static void
each_entry_pair (PairCheck check,
                 gpointer  data)
{
  g_autoptr(PyprepDeck) zh = load_bundled_deck (chinese);
  g_autoptr(PyprepDeck) en = load_bundled_deck (english);
  g_autoptr(GPtrArray) zh_entries = all_entries (zh);
  g_autoptr(GPtrArray) en_entries = all_entries (en);

  g_assert_cmpuint (pyprep_deck_get_problems (zh)->len, ==, 0);
  g_assert_cmpuint (pyprep_deck_get_problems (en)->len, ==, 0);
  g_assert_cmpuint (zh_entries->len, ==, en_entries->len);
  for (guint i = 0; i < zh_entries->len; i++)
    check (g_ptr_array_index (zh_entries, i), g_ptr_array_index (en_entries, i), data);
}

static void
test_bundled_loads (void)
{
  for (guint l = 0; l < G_N_ELEMENTS (both_languages); l++)
    {
      g_autoptr(PyprepDeck) deck = load_bundled_deck (both_languages[l]);
      GPtrArray *problems = pyprep_deck_get_problems (deck);

      for (guint i = 0; i < problems->len; i++)
        g_test_message ("%s", ((GError *) g_ptr_array_index (problems, i))->message);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpstr (pyprep_deck_get_language (deck), ==, both_languages[l][0]);
      g_assert_cmpuint (g_list_model_get_n_items (pyprep_deck_get_topics (deck)), ==, 3);
    }
}

static void
test_bundled_coverage (void)
{
  g_autoptr(PyprepDeck) zh = load_bundled_deck (chinese);
  g_autoptr(PyprepDeck) en = load_bundled_deck (english);
  g_autofree char *seeds = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "seeds", NULL);
  gboolean have_seeds = g_file_test (seeds, G_FILE_TEST_IS_DIR);

  for (guint i = 0; i < G_N_ELEMENTS (coverage); i++)
    {
      g_test_message ("%s → %s", coverage[i].question, coverage[i].entry_id);
      g_assert_nonnull (pyprep_deck_lookup_entry (zh, coverage[i].entry_id));
      g_assert_nonnull (pyprep_deck_lookup_entry (en, coverage[i].entry_id));

      /* Keep the table honest: each question is really in its seed file. */
      if (have_seeds)
        {
          g_autofree char *path = g_build_filename (seeds, coverage[i].seed_file, NULL);
          g_autofree char *text = NULL;

          g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
          g_assert_nonnull (strstr (text, coverage[i].question));
        }
    }

  if (!have_seeds)
    g_test_message ("../shared/seeds is absent: the table was checked against the deck only");
}

/* Every "### " heading of prose-notes.md and every "- " question of
 * links-notes.md is in the table, so a new seed question fails the test. */
static void
test_bundled_coverage_complete (void)
{
  g_autofree char *seeds = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "seeds", NULL);
  const char *files[] = { "links-notes.md", "prose-notes.md" };

  if (!g_file_test (seeds, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/seeds is absent");
      return;
    }

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = g_build_filename (seeds, files[f], NULL);
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *line = g_strstrip (g_strdup (lines[i]));
          g_autofree char *question = NULL;
          gboolean found = FALSE;

          if (g_str_equal (files[f], "prose-notes.md") && g_str_has_prefix (line, "### "))
            question = g_strdup (line);
          else if (g_str_equal (files[f], "links-notes.md") && g_str_has_prefix (line, "- "))
            {
              /* "- [question](link)" or "- question" */
              const char *q = line + 2;

              if (*q == '[')
                question = g_strndup (q + 1, strcspn (q + 1, "]"));
              else
                question = g_strdup (q);
            }
          if (question == NULL)
            continue;

          for (guint c = 0; c < G_N_ELEMENTS (coverage) && !found; c++)
            found = g_str_equal (coverage[c].seed_file, files[f])
                    && (strstr (question, coverage[c].question) != NULL
                        || strstr (coverage[c].question, question) != NULL);
          if (!found)
            g_error ("seed question not in the coverage table: %s: %s", files[f], question);
        }
    }
}

static void
assert_entry_complete (PyprepDeck  *deck,
                       PyprepEntry *entry,
                       const char  *language,
                       gpointer     data)
{
  const PyprepCard *card = pyprep_entry_get_card (entry);
  const char *id = pyprep_entry_get_id (entry);

  g_test_message ("%s", id);
  g_assert_nonnull (card);
  g_assert_cmpstr (card->prompt, !=, "");
  g_assert_cmpstr (card->answer, !=, "");
  g_assert_cmpuint (strlen (pyprep_entry_get_body (entry)), >, 1000);

  for (guint q = 0; q < pyprep_entry_get_n_questions (entry); q++)
    {
      const PyprepQuestion *question = pyprep_entry_get_question (entry, q);
      guint correct = 0;

      g_assert_cmpuint (question->choices->len, >=, 2);
      for (guint c = 0; c < question->choices->len; c++)
        {
          const PyprepChoice *choice = g_ptr_array_index (question->choices, c);

          correct += choice->correct ? 1 : 0;
          /* Every wrong choice says why it is wrong. */
          if (!choice->correct && choice->explanation == NULL)
            g_error ("%s: choice %c has no explanation", question->id, 'A' + c);
        }
      g_assert_cmpuint (correct, >=, 1);
      g_assert_cmpuint (correct, <, question->choices->len);
      g_assert_nonnull (question->explanation);
    }
}

static void
test_bundled_complete (void)
{
  for (guint l = 0; l < G_N_ELEMENTS (both_languages); l++)
    g_assert_cmpuint (each_entry (both_languages[l], assert_entry_complete, NULL), >=, 17);
}

/* The standard every entry meets (issue 18): a spoken answer under the
 * interview heading, at least four questions, and further reading that
 * includes the Python documentation, a PEP or the CPython source. Every
 * shortfall of every entry is listed before the test fails. */
static const char *official_sites[] = {
  "https://docs.python.org/",
  "https://peps.python.org/",
  "https://github.com/python/cpython/",
};

/* TRUE if @text has the line @heading followed, after blank lines, by a
 * line of text that is not another heading. */
static gboolean
has_section (const char *text,
             const char *heading)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!g_str_equal (g_strstrip (lines[i]), heading))
        continue;
      for (guint j = i + 1; lines[j] != NULL; j++)
        {
          const char *next = g_strstrip (lines[j]);

          if (*next != '\0')
            return *next != '#';
        }
    }
  return FALSE;
}

/* The interview heading every entry of each language has. */
static const char *interview_headings[] = { "### 面试时可以这样说", "### How to say it in an interview" };

static void
check_entry_standard (PyprepDeck  *deck,
                      PyprepEntry *entry,
                      const char  *language,
                      gpointer     data)
{
  GPtrArray *shortfalls = data;
  const char *heading = interview_headings[g_str_equal (language, chinese[0]) ? 0 : 1];
  const char *id = pyprep_entry_get_id (entry);
  gboolean official = FALSE;

  if (!has_section (pyprep_entry_get_body (entry), heading))
    g_ptr_array_add (shortfalls, g_strdup_printf ("%s (%s): no interview section", id, language));
  if (pyprep_entry_get_n_questions (entry) < 4)
    g_ptr_array_add (shortfalls, g_strdup_printf ("%s (%s): %u questions, fewer than 4", id, language,
                                                  pyprep_entry_get_n_questions (entry)));
  if (pyprep_entry_get_n_followups (entry) < 2)
    g_ptr_array_add (shortfalls, g_strdup_printf ("%s (%s): %u follow-ups, fewer than 2", id, language,
                                                  pyprep_entry_get_n_followups (entry)));
  for (guint i = 0; i < pyprep_entry_get_n_links (entry) && !official; i++)
    for (guint site = 0; site < G_N_ELEMENTS (official_sites) && !official; site++)
      official = g_str_has_prefix (pyprep_entry_get_link (entry, i)->url, official_sites[site]);
  if (!official)
    g_ptr_array_add (shortfalls, g_strdup_printf ("%s (%s): no further reading on docs.python.org, "
                                                  "peps.python.org or github.com/python/cpython", id, language));
}

static void
test_bundled_standard (void)
{
  g_autoptr(GPtrArray) shortfalls = g_ptr_array_new_with_free_func (g_free);

  for (guint l = 0; l < G_N_ELEMENTS (both_languages); l++)
    each_entry (both_languages[l], check_entry_standard, shortfalls);

  for (guint i = 0; i < shortfalls->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (shortfalls, i));
  if (shortfalls->len > 0)
    g_test_fail_printf ("%u shortfalls from the standard of every entry", shortfalls->len);
}

/* The two languages have the same entries in the same order, with the same
 * questions and the same correct choices, and the same follow-ups leading to
 * the same entries. */
static void
check_parallel (PyprepEntry *a,
                PyprepEntry *b,
                gpointer     data)
{
  g_assert_cmpstr (pyprep_entry_get_id (a), ==, pyprep_entry_get_id (b));
  g_assert_cmpstr (pyprep_entry_get_card (a)->id, ==, pyprep_entry_get_card (b)->id);
  g_assert_cmpuint (pyprep_entry_get_n_questions (a), ==, pyprep_entry_get_n_questions (b));
  g_assert_cmpuint (pyprep_entry_get_n_followups (a), ==, pyprep_entry_get_n_followups (b));
  for (guint f = 0; f < pyprep_entry_get_n_followups (a); f++)
    g_assert_cmpstr (pyprep_entry_get_followup (a, f)->see, ==, pyprep_entry_get_followup (b, f)->see);
  for (guint q = 0; q < pyprep_entry_get_n_questions (a); q++)
    {
      const PyprepQuestion *qa = pyprep_entry_get_question (a, q);
      const PyprepQuestion *qb = pyprep_entry_get_question (b, q);

      g_assert_cmpstr (qa->id, ==, qb->id);
      g_assert_cmpuint (qa->choices->len, ==, qb->choices->len);
      for (guint c = 0; c < qa->choices->len; c++)
        g_assert_cmpint (((PyprepChoice *) g_ptr_array_index (qa->choices, c))->correct, ==,
                         ((PyprepChoice *) g_ptr_array_index (qb->choices, c))->correct);
    }
}

static void
test_bundled_parallel (void)
{
  each_entry_pair (check_parallel, NULL);
}

/* Every entry with Python code asks at least one predict question, and
 * both languages ask the same ones: same IDs, programs and outputs; only
 * the prose around them differs. */
static void
check_predicts (PyprepEntry *a,
                PyprepEntry *b,
                gpointer     data)
{
  guint *n_predicts = data;

  if (strstr (pyprep_entry_get_body (b), "```python") != NULL && pyprep_entry_get_n_predicts (b) == 0)
    g_test_fail_printf ("%s has Python code but no predict question", pyprep_entry_get_id (b));
  g_assert_cmpuint (pyprep_entry_get_n_predicts (a), ==, pyprep_entry_get_n_predicts (b));
  for (guint p = 0; p < pyprep_entry_get_n_predicts (a); p++)
    {
      const PyprepPredict *pa = pyprep_entry_get_predict (a, p);
      const PyprepPredict *pb = pyprep_entry_get_predict (b, p);

      g_assert_cmpstr (pa->id, ==, pb->id);
      g_assert_cmpstr (pa->code, ==, pb->code);
      g_assert_cmpstr (pa->output, ==, pb->output);
      (*n_predicts)++;
    }
}

static void
test_bundled_predict (void)
{
  guint n_predicts = 0;

  each_entry_pair (check_predicts, &n_predicts);
  g_test_message ("%u predict questions in each language", n_predicts);
  g_assert_cmpuint (n_predicts, >=, 44);
}

/* Every card and question names the passage its answer comes from, a
 * passage the entry has (an unknown one is a load problem, see "loads"),
 * and both languages name the same one. */
static void
check_passages (PyprepEntry *a,
                PyprepEntry *b,
                gpointer     data)
{
  guint *n_named = data;

  g_test_message ("%s", pyprep_entry_get_id (a));
  g_assert_nonnull (pyprep_entry_get_card (a)->passage);
  g_assert_cmpstr (pyprep_entry_get_card (a)->passage, ==, pyprep_entry_get_card (b)->passage);
  (*n_named)++;
  for (guint q = 0; q < pyprep_entry_get_n_questions (a); q++)
    {
      const PyprepQuestion *qa = pyprep_entry_get_question (a, q);
      const PyprepQuestion *qb = pyprep_entry_get_question (b, q);

      g_test_message ("%s", qa->id);
      g_assert_nonnull (qa->passage);
      g_assert_cmpstr (qa->passage, ==, qb->passage);
      (*n_named)++;
    }
}

static void
test_bundled_passages (void)
{
  guint n_named = 0;

  each_entry_pair (check_passages, &n_named);
  g_assert_cmpuint (n_named, >=, 200);
}

/* Collects the targets of `entry:` links in @markdown. */
static void
collect_entry_links (const char *markdown,
                     GPtrArray  *out)
{
  const char *p = markdown;

  while ((p = strstr (p, "](entry:")) != NULL)
    {
      p += strlen ("](entry:");
      g_ptr_array_add (out, g_strndup (p, strcspn (p, ") \"")));
    }
}

static void
check_links_resolve (PyprepDeck  *deck,
                     PyprepEntry *entry,
                     const char  *language,
                     gpointer     data)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *html = NULL;
  const char *p;
  guint n_see_also = 0;

  collect_entry_links (pyprep_entry_get_body (entry), targets);
  /* The follow-ups are out of the body but rendered with their links. */
  for (guint f = 0; f < pyprep_entry_get_n_followups (entry); f++)
    collect_entry_links (pyprep_entry_get_followup (entry, f)->answer, targets);

  /* Follow the links as the reader does: through the rendered page. */
  html = pyprep_render_entry (entry, language, 0);
  p = html;
  while ((p = strstr (p, "href=\"" PYPREP_ENTRY_URI_PREFIX)) != NULL)
    {
      g_autofree char *uri = NULL;
      g_autofree char *target = NULL;

      p += strlen ("href=\"");
      uri = g_strndup (p, strcspn (p, "\""));
      target = pyprep_entry_id_from_uri (uri);
      g_assert_nonnull (target);
      if (pyprep_deck_lookup_entry (deck, target) == NULL)
        g_error ("%s links to %s, which does not exist", pyprep_entry_get_id (entry), target);
      n_see_also++;
    }
  /* Every entry points to related ones, and every entry: link became one. */
  g_assert_cmpuint (n_see_also, >=, 1);
  g_assert_cmpuint (n_see_also, ==, targets->len);
}

static void
test_bundled_links_resolve (void)
{
  for (guint l = 0; l < G_N_ELEMENTS (both_languages); l++)
    each_entry (both_languages[l], check_links_resolve, NULL);
}

/* CommonMark does not close emphasis between CJK punctuation and a letter
 * ("**锁（GIL）**是"); such markup would show its asterisks. */
static void
check_no_stray_markup (PyprepDeck  *deck,
                       PyprepEntry *entry,
                       const char  *language,
                       gpointer     data)
{
  g_autofree char *html = pyprep_render_entry (entry, language, 0);
  g_autoptr(GRegex) code = g_regex_new ("<code[^>]*>.*?</code>|<style>.*?</style>",
                                        G_REGEX_DOTALL, 0, NULL);
  g_autofree char *text = g_regex_replace_literal (code, html, -1, 0, "", 0, NULL);

  if (strstr (text, "**") != NULL)
    {
      const char *at = strstr (text, "**");
      g_autofree char *context = g_strndup (MAX (at - 60, text), 120);

      g_error ("%s (%s): unrendered emphasis near: %s",
               pyprep_entry_get_id (entry), language, context);
    }
}

static void
test_bundled_no_stray_markup (void)
{
  for (guint l = 0; l < G_N_ELEMENTS (both_languages); l++)
    each_entry (both_languages[l], check_no_stray_markup, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/bundled-deck/loads", test_bundled_loads);
  g_test_add_func ("/pyprep/bundled-deck/coverage", test_bundled_coverage);
  g_test_add_func ("/pyprep/bundled-deck/coverage-complete", test_bundled_coverage_complete);
  g_test_add_func ("/pyprep/bundled-deck/complete", test_bundled_complete);
  g_test_add_func ("/pyprep/bundled-deck/parallel", test_bundled_parallel);
  g_test_add_func ("/pyprep/bundled-deck/passages", test_bundled_passages);
  g_test_add_func ("/pyprep/bundled-deck/links-resolve", test_bundled_links_resolve);
  g_test_add_func ("/pyprep/bundled-deck/no-stray-markup", test_bundled_no_stray_markup);
  g_test_add_func ("/pyprep/bundled-deck/standard", test_bundled_standard);
  g_test_add_func ("/pyprep/bundled-deck/predict", test_bundled_predict);

  return g_test_run ();
}
