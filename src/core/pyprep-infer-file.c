/* pyprep-infer-file.c: finds the structure of one file of notes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are in docs/deck-format.md ("Folders without a manifest"):
 *
 *  - front matter and tables of contents are cut first;
 *  - top levels that hold a single heading are titles;
 *  - the question level is the first level whose headings read as questions
 *    or carry a numbering that continues across their parents; numbering
 *    that restarts under each parent marks an answer's sub-points;
 *  - else, when the deepest sections hold lists of questions, the sections
 *    are topics and the items entries;
 *  - else a level numbered in order, else the first level below the titles,
 *    holds the entries;
 *  - the levels between the titles and the questions give the topics
 *    ("Part · Section" when there are two).
 */
#include "config.h"

#include <string.h>

#include "pyprep-infer-private.h"

/* Blocks nested deeper than this (quotes in lists in quotes…) are no
 * notes anyone wrote by hand; such a file is refused. */
#define MAX_NOTES_DEPTH 64
/* The front matter key that states a file's question level. */
#define LEVEL_KEY "pyprep-question-level:"

typedef struct
{
  cmark_node *node;
  int level;
  int parent;                  /* index of the enclosing heading, or -1 */
  char *text;
  char *number;                /* nullable */
  char *rest;                  /* the text after the number */
  gboolean labelled;           /* numbered with a question label */
} Heading;

typedef enum
{
  REASON_STATED,
  REASON_CONTINUING,
  REASON_QUESTIONS,
  REASON_LISTS,
  REASON_SEQUENCE,
  REASON_FIRST,
  REASON_NO_HEADINGS,
} Reason;

typedef struct
{
  int level;                   /* the question level, or the list sections' level */
  Reason reason;
  guint title_levels;          /* bit n: level n is a title level */
  gboolean numbered;           /* the question headings carry numbers to split off */
} Structure;

static void
heading_clear (gpointer data)
{
  Heading *h = data;

  g_free (h->text);
  g_free (h->number);
  g_free (h->rest);
}

/**
 * pyprep_infer_front_matter_level:
 *
 * Returns: the question level a file's front matter states with
 *   `pyprep-question-level: N`, or 0
 */
int
pyprep_infer_front_matter_level (const char *text,
                                 gsize       length)
{
  gsize end = pyprep_markdown_front_matter (text, length, NULL);
  g_autofree char *block = g_strndup (text, end);
  g_auto(GStrv) lines = g_strsplit (block, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *value;
      guint64 level = 0;

      if (!g_str_has_prefix (lines[i], LEVEL_KEY))
        continue;
      value = lines[i] + strlen (LEVEL_KEY);
      while (*value == ' ')
        value++;
      if (g_ascii_string_to_unsigned (g_strstrip ((char *) value), 10, 1, 6, &level, NULL))
        return (int) level;
    }
  return 0;
}

/* Nodes that cmark's iterator enters without leaving. */
static gboolean
is_leaf (cmark_node *node)
{
  cmark_node_type type = cmark_node_get_type (node);

  return type == CMARK_NODE_THEMATIC_BREAK || type == CMARK_NODE_CODE_BLOCK
         || type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_TEXT
         || type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK
         || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE;
}

/* The deepest nesting of @doc's nodes, and the line of the first block
 * that reaches it. */
static int
nesting_depth (cmark_node *doc,
               int        *line)
{
  g_autoptr(cmark_iter) iter = cmark_iter_new (doc);
  cmark_event_type event;
  int depth = 0;
  int deepest = 0;

  *line = 1;
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event == CMARK_EVENT_EXIT)
        {
          depth--;
          continue;
        }
      if (depth + 1 > deepest)
        {
          deepest = depth + 1;
          if (cmark_node_get_start_line (node) > 0)
            *line = cmark_node_get_start_line (node);
        }
      if (!is_leaf (node))
        depth++;
    }
  return deepest;
}

/* Tables of contents -------------------------------------------------- */

static gboolean
is_toc_title (cmark_node *heading)
{
  static const char *titles[] = { "目录", "目錄", "contents", "table of contents", "toc", NULL };
  g_autofree char *text = pyprep_markdown_plain_text (heading);
  g_autofree char *lower = g_utf8_strdown (text, -1);

  g_strstrip (lower);
  if (g_str_has_suffix (lower, ":") || g_str_has_suffix (lower, "："))
    lower[strlen (lower) - (g_str_has_suffix (lower, ":") ? 1 : strlen ("："))] = '\0';
  return g_strv_contains (titles, g_strstrip (lower));
}

/* 1 for a comment that opens a table of contents (`<!-- TOC -->`,
 * `<!-- toc -->`, `<!-- START doctoc -->`), 2 for one that closes it. */
static int
toc_marker (cmark_node *node)
{
  g_autofree char *lower = NULL;

  if (cmark_node_get_type (node) != CMARK_NODE_HTML_BLOCK || cmark_node_get_literal (node) == NULL)
    return 0;
  lower = g_ascii_strdown (cmark_node_get_literal (node), -1);
  if (!g_str_has_prefix (g_strchug (lower), "<!--") || strstr (lower, "toc") == NULL)
    return 0;
  if (strstr (lower, "/toc") != NULL || strstr (lower, "tocstop") != NULL
      || strstr (lower, "end doctoc") != NULL || strstr (lower, "toc end") != NULL)
    return 2;
  return 1;
}

/* A list of links to anchors in the same file, and nothing else. */
static gboolean
is_anchor_list (cmark_node *node)
{
  g_autoptr(cmark_iter) iter = NULL;
  cmark_event_type ev;
  guint anchors = 0;
  int in_link = 0;

  if (cmark_node_get_type (node) != CMARK_NODE_LIST)
    return FALSE;
  iter = cmark_iter_new (node);
  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (cur);
      const char *url;

      if (type == CMARK_NODE_LINK)
        {
          in_link += ev == CMARK_EVENT_ENTER ? 1 : -1;
          url = cmark_node_get_url (cur);
          if (ev == CMARK_EVENT_ENTER && (url == NULL || url[0] != '#'))
            return FALSE;
          anchors += ev == CMARK_EVENT_ENTER;
        }
      else if (ev == CMARK_EVENT_ENTER && in_link == 0 && type == CMARK_NODE_TEXT)
        {
          g_autofree char *t = g_strstrip (g_strdup (cmark_node_get_literal (cur)));

          if (*t != '\0')
            return FALSE;
        }
    }
  return anchors >= 2;
}

static void
drop (GPtrArray  *doomed,
      cmark_node *node)
{
  g_ptr_array_add (doomed, node);
}

/**
 * pyprep_infer_remove_tocs:
 * @doc: a parsed file
 *
 * Removes the tables of contents: lists of links to anchors in the same
 * file, blocks between `<!-- TOC -->` comments and sections titled
 * 目录, Contents or Table of Contents.
 */
void
pyprep_infer_remove_tocs (cmark_node *doc)
{
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  cmark_node *node = cmark_node_first_child (doc);

  while (node != NULL)
    {
      cmark_node *next = cmark_node_next (node);

      if (cmark_node_get_type (node) == CMARK_NODE_HEADING && is_toc_title (node))
        {
          int level = cmark_node_get_heading_level (node);

          drop (doomed, node);
          for (; next != NULL && !(cmark_node_get_type (next) == CMARK_NODE_HEADING
                                   && cmark_node_get_heading_level (next) <= level);
               next = cmark_node_next (next))
            drop (doomed, next);
        }
      else if (toc_marker (node) == 1)
        {
          cmark_node *end = next;

          while (end != NULL && toc_marker (end) != 2 && cmark_node_get_type (end) != CMARK_NODE_HEADING)
            end = cmark_node_next (end);
          drop (doomed, node);
          /* Without its closing comment, only the list after it goes. */
          if (end == NULL || toc_marker (end) != 2)
            end = next != NULL && cmark_node_get_type (next) == CMARK_NODE_LIST ? cmark_node_next (next) : next;
          else
            end = cmark_node_next (end);
          for (; next != end; next = cmark_node_next (next))
            drop (doomed, next);
        }
      else if (is_anchor_list (node))
        drop (doomed, node);
      node = next;
    }

  for (guint i = 0; i < doomed->len; i++)
    cmark_node_free (g_ptr_array_index (doomed, i));
}

/* The heading tree ----------------------------------------------------- */

static GArray *
collect_headings (cmark_node *doc)
{
  GArray *headings = g_array_new (FALSE, TRUE, sizeof (Heading));
  int stack[7] = { -1, -1, -1, -1, -1, -1, -1 };

  g_array_set_clear_func (headings, heading_clear);
  for (cmark_node *node = cmark_node_first_child (doc); node != NULL; node = cmark_node_next (node))
    {
      Heading h = { 0 };

      if (cmark_node_get_type (node) != CMARK_NODE_HEADING)
        continue;
      h.node = node;
      h.level = CLAMP (cmark_node_get_heading_level (node), 1, 6);
      h.parent = -1;
      for (int l = h.level - 1; l >= 1 && h.parent < 0; l--)
        h.parent = stack[l];
      h.text = pyprep_markdown_plain_text (node);
      h.number = pyprep_infer_split_number (h.text, &h.rest, &h.labelled);
      stack[h.level] = headings->len;
      for (int l = h.level + 1; l <= 6; l++)
        stack[l] = -1;
      g_array_append_val (headings, h);
    }
  return headings;
}

typedef struct
{
  guint n;
  guint numbered;
  guint questions;
  guint groups;                /* parents with numbered children */
  guint repeats;               /* numbers seen before under another parent */
} LevelStats;

static LevelStats
level_stats (GArray *headings,
             int     level)
{
  g_autoptr(GHashTable) first_parent = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) parents = g_hash_table_new (NULL, NULL);
  LevelStats s = { 0 };

  for (guint i = 0; i < headings->len; i++)
    {
      Heading *h = &g_array_index (headings, Heading, i);
      gpointer seen;

      if (h->level != level)
        continue;
      s.n++;
      s.questions += h->labelled || pyprep_infer_is_question (h->rest);
      if (h->number == NULL)
        continue;
      s.numbered++;
      g_hash_table_add (parents, GINT_TO_POINTER (h->parent + 1));
      if (!g_hash_table_lookup_extended (first_parent, h->number, NULL, &seen))
        g_hash_table_insert (first_parent, h->number, GINT_TO_POINTER (h->parent + 1));
      else if (GPOINTER_TO_INT (seen) != h->parent + 1)
        s.repeats++;
    }
  s.groups = g_hash_table_size (parents);
  return s;
}

static gboolean
restarts (const LevelStats *s)
{
  return s->repeats > 0 && s->repeats * 4 >= s->numbered;
}

static gboolean
mostly_numbered (const LevelStats *s)
{
  return s->numbered >= 2 && s->numbered * 2 >= s->n;
}

/* Levels from the top that hold one heading each are titles, as long as
 * some deeper level holds more. */
static guint
title_levels (GArray *headings,
              guint  *n_at)
{
  guint titles = 0;

  for (int l = 1; l <= 6; l++)
    {
      gboolean deeper = FALSE;

      for (int d = l + 1; d <= 6; d++)
        deeper |= n_at[d] > 0;
      if (n_at[l] == 0)
        continue;
      if (n_at[l] != 1 || !deeper)
        break;
      titles |= 1u << l;
    }
  return titles;
}

/* Do the deepest sections hold lists of questions? */
static gboolean
lists_of_questions (GArray *headings,
                    int     level,
                    gboolean only_level)
{
  guint sections = 0, lists = 0, items = 0, questions = 0;

  for (guint i = 0; i < headings->len; i++)
    {
      Heading *h = &g_array_index (headings, Heading, i);
      cmark_node *stop = i + 1 < headings->len ? g_array_index (headings, Heading, i + 1).node : NULL;

      if (h->level != level)
        continue;
      sections++;
      lists += pyprep_infer_is_question_section (cmark_node_next (h->node), stop, &items, &questions);
    }
  /* Beside other levels, list items must read as questions too: an answer's
   * sub-points are lists as well. */
  return sections > 0 && lists * 2 > sections && (only_level || questions * 3 >= items);
}

static Structure
choose_structure (GArray *headings,
                  int     stated)
{
  guint n_at[7] = { 0 };
  LevelStats stats[7] = { 0 };
  Structure s = { 0, REASON_NO_HEADINGS, 0, FALSE };
  int first = 0, deepest = 0, n_levels = 0;

  for (guint i = 0; i < headings->len; i++)
    n_at[g_array_index (headings, Heading, i).level]++;
  s.title_levels = title_levels (headings, n_at);
  for (int l = 1; l <= 6; l++)
    {
      if (n_at[l] == 0 || (s.title_levels & (1u << l)))
        continue;
      stats[l] = level_stats (headings, l);
      first = first == 0 ? l : first;
      deepest = l;
      n_levels++;
    }

  if (stated > 0 && n_at[stated] > 0)
    s.level = stated, s.reason = REASON_STATED;
  for (int l = first; s.level == 0 && l > 0 && l <= 6; l++)
    if (n_at[l] > 0 && !restarts (&stats[l]))
      {
        if (mostly_numbered (&stats[l]) && stats[l].groups >= 2)
          s.level = l, s.reason = REASON_CONTINUING;
        else if (stats[l].questions * 2 >= stats[l].n && !(s.title_levels & (1u << l)))
          s.level = l, s.reason = REASON_QUESTIONS;
      }
  if (s.level == 0 && deepest > 0 && !restarts (&stats[deepest])
      && lists_of_questions (headings, deepest, n_levels == 1))
    s.level = deepest, s.reason = REASON_LISTS;
  for (int l = first; s.level == 0 && l > 0 && l <= 6; l++)
    if (n_at[l] > 0 && mostly_numbered (&stats[l]) && !restarts (&stats[l]))
      s.level = l, s.reason = REASON_SEQUENCE;
  if (s.level == 0 && first > 0)
    s.level = first, s.reason = REASON_FIRST;

  s.numbered = s.level > 0 && mostly_numbered (&stats[s.level]);
  s.title_levels &= (1u << MAX (s.level, 1)) - 1;
  return s;
}

/* Building ------------------------------------------------------------ */

static char *
file_title (PyprepInferBuilder *b,
            GArray             *headings,
            guint               titles)
{
  const char *slash = strrchr (b->stem, '/');

  for (guint i = 0; i < headings->len; i++)
    {
      Heading *h = &g_array_index (headings, Heading, i);

      if ((titles & (1u << h->level)) && *h->text != '\0')
        return g_strdup (h->text);
    }
  return g_strdup (slash != NULL ? slash + 1 : b->stem);
}

/* The titles of the open topic headings, "Part · Section". */
static char *
topic_key (char **path,
           int    below)
{
  GString *key = g_string_new (NULL);

  for (int l = 1; l < below; l++)
    if (path[l] != NULL && *path[l] != '\0')
      g_string_append_printf (key, "%s%s", key->len > 0 ? " · " : "", path[l]);
  if (key->len == 0)
    {
      g_string_free (key, TRUE);
      return NULL;
    }
  return g_string_free (key, FALSE);
}

static void
start_topic (PyprepInferBuilder *b,
             const char         *key,
             const char         *title)
{
  g_autofree char *id_text = key != NULL ? g_strdup_printf ("%s %s", b->stem, key) : g_strdup (b->stem);

  pyprep_infer_start_topic (b, id_text, key != NULL ? key : title);
}

static void
build_by_headings (PyprepInferBuilder *b,
                   GArray             *headings,
                   const Structure    *s,
                   const char         *title)
{
  char *path[7] = { NULL };
  g_autofree char *current = NULL;
  gboolean started = FALSE;

  for (guint i = 0; i < headings->len; i++)
    {
      Heading *h = &g_array_index (headings, Heading, i);
      g_autoptr(GPtrArray) answers = NULL;
      g_autofree char *key = NULL;

      if (s->title_levels & (1u << h->level) || h->level > s->level)
        continue;
      if (h->level < s->level)
        {
          g_free (path[h->level]);
          path[h->level] = g_strdup (h->text);
          for (int l = h->level + 1; l < 7; l++)
            g_clear_pointer (&path[l], g_free);
          continue;
        }

      key = topic_key (path, s->level);
      if (!started || g_strcmp0 (key, current) != 0)
        {
          start_topic (b, key, title);
          g_free (current);
          current = g_strdup (key);
          started = TRUE;
        }
      answers = g_ptr_array_new ();
      for (cmark_node *cur = cmark_node_next (h->node);
           cur != NULL && !(cmark_node_get_type (cur) == CMARK_NODE_HEADING
                            && cmark_node_get_heading_level (cur) <= s->level);
           cur = cmark_node_next (cur))
        g_ptr_array_add (answers, cur);
      pyprep_infer_add_entry (b, s->numbered && h->number != NULL ? h->rest : h->text,
                              s->numbered ? h->number : NULL, NULL, answers, h->node,
                              cmark_node_get_start_line (h->node));
    }
  for (int l = 0; l < 7; l++)
    g_free (path[l]);
}

static void
build_by_lists (PyprepInferBuilder *b,
                GArray             *headings,
                const Structure    *s,
                const char         *title)
{
  char *path[7] = { NULL };

  for (guint i = 0; i < headings->len; i++)
    {
      Heading *h = &g_array_index (headings, Heading, i);
      cmark_node *stop = i + 1 < headings->len ? g_array_index (headings, Heading, i + 1).node : NULL;
      g_autofree char *key = NULL;

      if (s->title_levels & (1u << h->level))
        continue;
      g_free (path[h->level]);
      path[h->level] = g_strdup (h->text);
      for (int l = h->level + 1; l < 7; l++)
        g_clear_pointer (&path[l], g_free);
      if (h->level != s->level)
        continue;

      key = topic_key (path, s->level + 1);
      start_topic (b, key, title);
      if (pyprep_infer_add_question_list (b, cmark_node_next (h->node), stop) == 0)
        {
          /* A section of prose among lists of questions makes no topic. */
          g_ptr_array_remove_index (b->topics, b->topics->len - 1);
          b->topic = NULL;
        }
    }
  for (int l = 0; l < 7; l++)
    g_free (path[l]);
}

static char *
describe (const Structure *s,
          const char      *stated_by)
{
  switch (s->reason)
    {
    case REASON_STATED:
      return g_strdup_printf ("questions are the level-%d headings, as %s states", s->level, stated_by);
    case REASON_CONTINUING:
      return g_strdup_printf ("questions are the level-%d headings (numbered across their parents)",
                              s->level);
    case REASON_QUESTIONS:
      return g_strdup_printf ("questions are the level-%d headings (they read as questions)", s->level);
    case REASON_LISTS:
      return g_strdup_printf ("questions are the list items under the level-%d headings", s->level);
    case REASON_SEQUENCE:
      return g_strdup_printf ("questions are the level-%d headings (numbered in order)", s->level);
    case REASON_FIRST:
      return g_strdup_printf ("entries are the level-%d sections (no level reads as questions)", s->level);
    case REASON_NO_HEADINGS:
    default:
      return g_strdup ("questions are the items of its lists (no headings)");
    }
}

/* Notes what was chosen, and warns about topics of a single entry. */
static void
report (PyprepInferBuilder *b,
        const Structure    *s,
        const char         *stated_by,
        guint               first_topic)
{
  g_autofree char *how = describe (s, stated_by);

  for (guint i = first_topic; i < b->topics->len; i++)
    {
      PyprepTopic *topic = g_ptr_array_index (b->topics, i);
      GListModel *entries = pyprep_topic_get_entries (topic);

      if (g_list_model_get_n_items (entries) == 1 && b->topics->len - first_topic > 1)
        {
          g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, 0);

          pyprep_problems_add_warning (b->problems, PYPREP_DECK_ERROR_SINGLE_ENTRY, b->file,
                                       pyprep_entry_get_line (entry), "topic “%s” holds a single entry",
                                       pyprep_topic_get_title (topic));
        }
    }
  if (b->n_unanswered > 0)
    pyprep_problems_add_note (b->problems, "%s: %s; %u topics, %u entries, %u unanswered", b->file, how,
                              b->topics->len - first_topic, b->n_entries, b->n_unanswered);
  else
    pyprep_problems_add_note (b->problems, "%s: %s; %u topics, %u entries", b->file, how,
                              b->topics->len - first_topic, b->n_entries);
}

/**
 * pyprep_infer_file:
 * @text: the file, valid UTF-8
 * @question_level: the level a deck.json states for every file, or 0
 *
 * Adds the file's topics and entries to @b.
 */
void
pyprep_infer_file (PyprepInferBuilder *b,
                   const char         *text,
                   gsize               length,
                   int                 question_level)
{
  int front_lines = 0;
  gsize front = pyprep_markdown_front_matter (text, length, &front_lines);
  int stated = pyprep_infer_front_matter_level (text, length);
  g_autoptr(cmark_node) doc = cmark_parse_document (text + front, length - front, CMARK_OPT_DEFAULT);
  g_autoptr(GArray) headings = NULL;
  g_autofree char *title = NULL;
  guint first_topic = b->topics->len;
  Structure s;
  int line;

  b->line_offset = front_lines;
  if (nesting_depth (doc, &line) > MAX_NOTES_DEPTH)
    {
      pyprep_problems_add_error (b->problems, PYPREP_DECK_ERROR_TOO_DEEP, b->file, line + front_lines,
                                 "blocks are nested more than %d levels deep; the file is skipped",
                                 MAX_NOTES_DEPTH);
      return;
    }

  pyprep_infer_remove_tocs (doc);
  headings = collect_headings (doc);
  s = choose_structure (headings, stated > 0 ? stated : question_level);
  title = file_title (b, headings, s.title_levels);

  if (s.reason == REASON_LISTS)
    build_by_lists (b, headings, &s, title);
  else if (s.reason != REASON_NO_HEADINGS)
    {
      g_autoptr(GArray) lines = pyprep_markdown_index_lines (text + front, length - front);

      b->source = text + front;
      b->source_lines = lines;
      build_by_headings (b, headings, &s, title);
      b->source = NULL;
      b->source_lines = NULL;
    }
  else
    {
      start_topic (b, NULL, title);
      if (pyprep_infer_add_question_list (b, cmark_node_first_child (doc), NULL) == 0)
        {
          g_ptr_array_remove_index (b->topics, b->topics->len - 1);
          b->topic = NULL;
        }
    }

  if (b->n_entries == 0)
    {
      pyprep_problems_add_error (b->problems, PYPREP_DECK_ERROR_EMPTY, b->file, 1,
                                 "no entries found: use headings or a list of questions");
      return;
    }
  report (b, &s, stated > 0 ? "its front matter" : "deck.json", first_topic);
}
