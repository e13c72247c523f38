/* pyprep-infer.c: makes a deck of a folder of Markdown notes that has no deck.json.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People's notes are not written for us, so their shape is inferred; the
 * rules are in docs/deck-format.md ("Folders without a manifest"):
 *
 *  - every .md file is read, in name order;
 *  - when a file's top-level sections hold lists of questions (the items,
 *    with answers in nested blocks or in the blocks right after the list),
 *    each section is a topic and each item an entry;
 *  - otherwise the file is one topic and its top-level sections (or, under
 *    them, their sub-sections) are the entries;
 *  - a list item that is only a link and not phrased as a question is
 *    further reading for the entry before it;
 *  - IDs come from the folder, file and heading or question text, so they
 *    stay the same as long as those do.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pyprep-entry-private.h"
#include "pyprep-id.h"
#include "pyprep-markdown.h"
#include "pyprep-parsers-private.h"

/* Files larger than this are refused before they are read. */
#define MAX_NOTES_FILE (8 * 1024 * 1024)
/* Blocks nested deeper than this (quotes in lists in quotes…) are no
 * notes anyone wrote by hand; such a file is refused. */
#define MAX_NOTES_DEPTH 64

/* Does @text read as a question? */
static gboolean
is_question (const char *text)
{
  static const char *english[] = { "what", "why", "how", "when", "which", "who", "is ", "are ",
                                   "does ", "do ", "can ", NULL };
  static const char *chinese[] = { "什么", "为什么", "如何", "怎么", "怎样", "哪", "是否", "吗", NULL };
  g_autofree char *lower = g_utf8_strdown (text, -1);

  g_strchomp (lower);
  if (g_str_has_suffix (lower, "?") || g_str_has_suffix (lower, "？"))
    return TRUE;
  for (guint i = 0; english[i] != NULL; i++)
    if (g_str_has_prefix (lower, english[i]))
      return TRUE;
  for (guint i = 0; chinese[i] != NULL; i++)
    if (strstr (lower, chinese[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The links in @node, in order. */
static void
collect_links (cmark_node *node,
               GPtrArray  *titles,
               GPtrArray  *urls)
{
  g_autoptr(cmark_iter) iter = cmark_iter_new (node);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);

      if (ev == CMARK_EVENT_ENTER && cmark_node_get_type (cur) == CMARK_NODE_LINK
          && cmark_node_get_url (cur) != NULL && *cmark_node_get_url (cur) != '\0')
        {
          g_ptr_array_add (titles, pyprep_markdown_plain_text (cur));
          g_ptr_array_add (urls, g_strdup (cmark_node_get_url (cur)));
        }
    }

  /* Bare addresses in text are links too. */
  if (urls->len == 0)
    {
      g_autofree char *text = pyprep_markdown_plain_text (node);
      g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);

      for (guint i = 0; words[i] != NULL; i++)
        if (g_str_has_prefix (words[i], "http://") || g_str_has_prefix (words[i], "https://"))
          {
            g_ptr_array_add (titles, g_strdup (words[i]));
            g_ptr_array_add (urls, g_strdup (words[i]));
          }
    }
}

/* Is @node nothing but links (and the quotes or lists around them)? */
static gboolean
only_links (cmark_node *node)
{
  g_autoptr(cmark_iter) iter = cmark_iter_new (node);
  cmark_event_type ev;
  int depth = 0;
  gboolean any = FALSE;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (cur);

      if (type == CMARK_NODE_LINK)
        {
          depth += ev == CMARK_EVENT_ENTER ? 1 : -1;
          any = TRUE;
          continue;
        }
      if (ev == CMARK_EVENT_ENTER && depth == 0 && type == CMARK_NODE_TEXT)
        {
          g_autofree char *t = g_strstrip (g_strdup (cmark_node_get_literal (cur)));

          if (*t != '\0' && !g_str_has_prefix (t, "http"))
            return FALSE;
          any |= g_str_has_prefix (t, "http");
        }
      if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK))
        return FALSE;
    }
  return any;
}

typedef struct
{
  const char *deck_id;
  const char *file;
  PyprepProblems *problems;
  PyprepTopic *topic;
  GHashTable *ids;
  PyprepEntry *last;           /* for further-reading items */
} Builder;

/* Adds an entry titled @question whose answer is the blocks in @answers. */
static void
add_entry (Builder    *b,
           const char *question,
           const char *first_answer,
           GPtrArray  *answers,
           int         line)
{
  g_autofree char *base = pyprep_id_from_text (question);
  g_autofree char *local = g_strdup (base);
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  GString *body = g_string_new (first_answer);
  gboolean external = answers->len > 0 || first_answer != NULL;
  PyprepCard *card;
  PyprepEntry *entry;

  for (guint n = 2; g_hash_table_contains (b->ids, local); n++)
    {
      g_free (local);
      local = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (b->ids, g_strdup (local));
  id = g_strdup_printf ("%s/%s/%s", b->deck_id, pyprep_topic_get_id (b->topic), local);

  if (first_answer != NULL)
    {
      g_autoptr(cmark_node) doc = cmark_parse_document (first_answer, strlen (first_answer), CMARK_OPT_DEFAULT);

      external &= only_links (doc);
      collect_links (doc, titles, urls);
    }
  for (guint i = 0; i < answers->len; i++)
    {
      cmark_node *block = g_ptr_array_index (answers, i);
      g_autofree char *md = pyprep_markdown_commonmark (block);

      external &= only_links (block);
      collect_links (block, titles, urls);
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, md);
    }

  entry = pyprep_entry_new (id, local, question, b->file, line);
  if (external)
    {
      /* The notes only point elsewhere: say so, and list where. */
      g_string_truncate (body, 0);
      g_string_append (body, _("*These notes answer this question only with links; read them under "
                               "Further Reading.*"));
    }
  pyprep_entry_take_body (entry, g_string_free (body, FALSE));
  for (guint i = 0; i < urls->len; i++)
    pyprep_entry_add_link (entry, g_ptr_array_index (titles, i), g_ptr_array_index (urls, i));

  /* The card: the question, and the answer's first paragraph or its links. */
  card = g_new0 (PyprepCard, 1);
  card->id = g_strconcat (id, "#card", NULL);
  card->prompt = g_strdup (question);
  if (!external && first_answer != NULL)
    card->answer = g_strdup (first_answer);
  else if (!external && answers->len > 0)
    {
      cmark_node *first = g_ptr_array_index (answers, 0);

      if (cmark_node_get_type (first) == CMARK_NODE_BLOCK_QUOTE && cmark_node_first_child (first) != NULL)
        first = cmark_node_first_child (first);
      card->answer = pyprep_markdown_commonmark (first);
    }
  else if (urls->len > 0)
    {
      GString *list = g_string_new (NULL);

      for (guint i = 0; i < urls->len; i++)
        g_string_append_printf (list, "- [%s](%s)\n", (char *) g_ptr_array_index (titles, i),
                                (char *) g_ptr_array_index (urls, i));
      card->answer = g_string_free (list, FALSE);
    }
  if (card->answer != NULL && *card->answer != '\0')
    pyprep_entry_take_card (entry, card);
  else
    pyprep_card_free (card);

  pyprep_topic_add_entry (b->topic, entry);
  b->last = entry;
  g_object_unref (entry);
}

static gboolean
is_list (cmark_node *node)
{
  return node != NULL && cmark_node_get_type (node) == CMARK_NODE_LIST;
}

/* The text of a list item's first paragraph before its first link, or all
 * of it when the item is only a link. */
static char *
item_question (cmark_node *item,
               gboolean   *link_only,
               char      **rest)
{
  cmark_node *para = cmark_node_first_child (item);
  GString *text = g_string_new (NULL);

  *link_only = FALSE;
  *rest = NULL;
  if (para == NULL || cmark_node_get_type (para) != CMARK_NODE_PARAGRAPH)
    return g_string_free (text, FALSE);

  for (cmark_node *cur = cmark_node_first_child (para); cur != NULL; cur = cmark_node_next (cur))
    {
      if (cmark_node_get_type (cur) == CMARK_NODE_LINK)
        break;
      if (cmark_node_get_type (cur) == CMARK_NODE_SOFTBREAK
          || cmark_node_get_type (cur) == CMARK_NODE_LINEBREAK)
        {
          /* The question is the item's first line; the lines under it
           * (links, or a first paragraph of answer) answer it. */
          g_autofree char *md = pyprep_markdown_commonmark (para);
          const char *newline = strchr (md, '\n');

          if (newline != NULL)
            *rest = g_strstrip (g_strdup (newline + 1));
          break;
        }
      {
        g_autofree char *piece = pyprep_markdown_plain_text (cur);

        if (cmark_node_get_type (cur) == CMARK_NODE_TEXT || cmark_node_get_type (cur) == CMARK_NODE_CODE)
          g_string_append (text, cmark_node_get_type (cur) == CMARK_NODE_TEXT
                                   ? cmark_node_get_literal (cur) : piece);
        else
          g_string_append (text, piece);
      }
    }
  g_strstrip (text->str);
  text->len = strlen (text->str);

  if (text->len == 0)
    {
      /* Only a link: its text is the question. */
      *link_only = TRUE;
      g_string_free (text, TRUE);
      return pyprep_markdown_plain_text (para);
    }
  return g_string_free (text, FALSE);
}

/* A section of questions: list items are entries; the blocks after a list
 * answer its last item. Returns how many entries it made. */
static guint
add_question_list (Builder    *b,
                   cmark_node *first,
                   cmark_node *stop)
{
  guint made = 0;

  for (cmark_node *node = first; node != NULL && node != stop;)
    {
      if (!is_list (node))
        {
          node = cmark_node_next (node);
          continue;
        }

      for (cmark_node *item = cmark_node_first_child (node); item != NULL; item = cmark_node_next (item))
        {
          g_autoptr(GPtrArray) answers = g_ptr_array_new ();
          g_autofree char *rest = NULL;
          gboolean link_only;
          g_autofree char *question = item_question (item, &link_only, &rest);
          cmark_node *para = cmark_node_first_child (item);

          if (*question == '\0')
            continue;

          /* A link that is not a question is reading for the entry before. */
          if (link_only && !is_question (question) && b->last != NULL)
            {
              g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
              g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);

              collect_links (item, titles, urls);
              for (guint i = 0; i < urls->len; i++)
                pyprep_entry_add_link (b->last, g_ptr_array_index (titles, i), g_ptr_array_index (urls, i));
              continue;
            }

          /* The answer: links in the question's paragraph, nested blocks,
           * and, for the list's last item, the blocks after the list. */
          if (link_only)
            g_ptr_array_add (answers, para);
          for (cmark_node *nested = cmark_node_next (para); nested != NULL; nested = cmark_node_next (nested))
            g_ptr_array_add (answers, nested);
          if (cmark_node_next (item) == NULL)
            for (cmark_node *after = cmark_node_next (node); after != NULL && after != stop && !is_list (after);
                 after = cmark_node_next (after))
              {
                if (cmark_node_get_type (after) == CMARK_NODE_HEADING)
                  break;
                g_ptr_array_add (answers, after);
              }

          add_entry (b, question, rest, answers, cmark_node_get_start_line (item));
          made++;
        }

      /* Skip the answers already taken. */
      for (node = cmark_node_next (node); node != NULL && node != stop && !is_list (node)
           && cmark_node_get_type (node) != CMARK_NODE_HEADING; node = cmark_node_next (node))
        ;
    }

  return made;
}

/* Whether the section from @first to @stop is a list of questions. */
static gboolean
is_question_section (cmark_node *first,
                     cmark_node *stop)
{
  guint items = 0;

  for (cmark_node *node = first; node != NULL && node != stop; node = cmark_node_next (node))
    {
      if (cmark_node_get_type (node) == CMARK_NODE_HEADING)
        return FALSE;
      if (is_list (node))
        for (cmark_node *item = cmark_node_first_child (node); item != NULL; item = cmark_node_next (item))
          items++;
    }
  return items > 0;
}

static int
top_level (cmark_node *doc)
{
  int level = 7;

  for (cmark_node *node = cmark_node_first_child (doc); node != NULL; node = cmark_node_next (node))
    if (cmark_node_get_type (node) == CMARK_NODE_HEADING)
      level = MIN (level, cmark_node_get_heading_level (node));
  return level;
}

static cmark_node *
next_heading (cmark_node *node,
              int         level)
{
  for (node = cmark_node_next (node); node != NULL; node = cmark_node_next (node))
    if (cmark_node_get_type (node) == CMARK_NODE_HEADING && cmark_node_get_heading_level (node) <= level)
      return node;
  return NULL;
}

static PyprepTopic *
new_topic (const char *id_text,
           const char *title,
           const char *file,
           GHashTable *topic_ids)
{
  g_autofree char *base = pyprep_id_from_text (id_text);
  g_autofree char *id = g_strdup (base);
  PyprepTopic *topic;

  for (guint n = 2; g_hash_table_contains (topic_ids, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (topic_ids, g_strdup (id));

  topic = pyprep_topic_new (id, file);
  pyprep_topic_set_title (topic, title);
  return topic;
}

/* Nodes that cmark's iterator enters without leaving. */
static gboolean
is_leaf (cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_TEXT:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
      return TRUE;
    default:
      return FALSE;
    }
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

static void
infer_file (const char *deck_id,
            const char *file,
            const char *text,
            gsize       length,
            GHashTable *topic_ids,
            PyprepProblems *problems,
            GPtrArray  *topics)
{
  g_autoptr(cmark_node) doc = cmark_parse_document (text, length, CMARK_OPT_DEFAULT);
  g_autofree char *stem = g_strndup (file, strlen (file) - 3);
  int level;
  g_autoptr(GHashTable) entry_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Builder b = { deck_id, file, problems, NULL, entry_ids, NULL };
  g_autoptr(PyprepTopic) file_topic = NULL;
  guint sections_as_topics = 0;
  guint sections = 0;
  int line;

  if (nesting_depth (doc, &line) > MAX_NOTES_DEPTH)
    {
      pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_TOO_DEEP, file, line,
                               "blocks are nested more than %d levels deep; the file is skipped",
                               MAX_NOTES_DEPTH);
      return;
    }
  level = top_level (doc);

  /* Are the top-level sections lists of questions (topics), or questions
   * themselves (entries)? */
  for (cmark_node *node = cmark_node_first_child (doc); node != NULL; node = cmark_node_next (node))
    if (cmark_node_get_type (node) == CMARK_NODE_HEADING && cmark_node_get_heading_level (node) == level)
      {
        sections++;
        sections_as_topics += is_question_section (cmark_node_next (node), next_heading (node, level));
      }

  if (sections > 0 && sections_as_topics * 2 > sections)
    {
      for (cmark_node *node = cmark_node_first_child (doc); node != NULL; node = cmark_node_next (node))
        {
          g_autofree char *title = NULL;
          g_autofree char *id_text = NULL;
          g_autoptr(PyprepTopic) topic = NULL;

          if (cmark_node_get_type (node) != CMARK_NODE_HEADING || cmark_node_get_heading_level (node) != level)
            continue;
          title = pyprep_markdown_plain_text (node);
          id_text = g_strdup_printf ("%s %s", stem, title);
          topic = new_topic (id_text, title, file, topic_ids);
          b.topic = topic;
          b.last = NULL;
          add_question_list (&b, cmark_node_next (node), next_heading (node, level));
          g_ptr_array_add (topics, g_steal_pointer (&topic));
        }
      return;
    }

  /* One topic for the file: its sections are the entries; a list of
   * questions outside any section adds entries too. */
  file_topic = new_topic (stem, stem, file, topic_ids);
  b.topic = file_topic;
  for (cmark_node *node = cmark_node_first_child (doc); node != NULL; node = cmark_node_next (node))
    {
      cmark_node *stop;
      g_autoptr(GPtrArray) answers = NULL;
      g_autofree char *title = NULL;

      if (cmark_node_get_type (node) == CMARK_NODE_HEADING && cmark_node_get_heading_level (node) == 1
          && level == 1 && sections == 1)
        {
          /* The file's only level-one heading is its title. */
          g_autofree char *t = pyprep_markdown_plain_text (node);

          pyprep_topic_set_title (file_topic, t);
          level = 2;
          continue;
        }
      if (cmark_node_get_type (node) != CMARK_NODE_HEADING || cmark_node_get_heading_level (node) != level)
        continue;

      title = pyprep_markdown_plain_text (node);
      stop = next_heading (node, level);
      answers = g_ptr_array_new ();
      for (cmark_node *cur = cmark_node_next (node); cur != NULL && cur != stop; cur = cmark_node_next (cur))
        g_ptr_array_add (answers, cur);
      add_entry (&b, title, NULL, answers, cmark_node_get_start_line (node));
    }

  if (g_list_model_get_n_items (pyprep_topic_get_entries (file_topic)) == 0)
    add_question_list (&b, cmark_node_first_child (doc), NULL);

  if (g_list_model_get_n_items (pyprep_topic_get_entries (file_topic)) == 0)
    pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_EMPTY, file, 1,
                             "no entries found: use headings or a list of questions");
  g_ptr_array_add (topics, g_steal_pointer (&file_topic));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/*
 * pyprep_infer_topics:
 * Reads every .md file of @folder and returns its topics, in file order.
 * Problems in files (too large, not UTF-8, binary) go to @problems; the
 * file is skipped.
 */
GPtrArray *
pyprep_infer_topics (const char     *deck_id,
                     GFile          *folder,
                     PyprepProblems *problems,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) topic_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *topics = g_ptr_array_new_with_free_func (g_object_unref);
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (children == NULL)
    {
      g_ptr_array_unref (topics);
      return NULL;
    }
  while ((info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && g_str_has_suffix (name, ".md")
          && g_ascii_strcasecmp (name, "README.md") != 0)
        g_ptr_array_add (names, g_strdup (name));
      g_object_unref (info);
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) file = g_file_get_child (folder, name);
      g_autofree char *contents = NULL;
      g_autoptr(GError) local_error = NULL;
      const char *bad = NULL;
      gsize length = 0;
      g_autoptr(GFileInfo) size_info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                          G_FILE_QUERY_INFO_NONE, cancellable, NULL);

      if (size_info != NULL && g_file_info_get_size (size_info) > MAX_NOTES_FILE)
        {
          pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_TOO_LARGE, name, 1,
                                   "file is over %d MiB; the file is skipped", MAX_NOTES_FILE / (1024 * 1024));
          continue;
        }
      if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
        {
          pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_IO, name, 1,
                                   "cannot read the file: %s", local_error->message);
          continue;
        }
      if (length > MAX_NOTES_FILE)
        {
          pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_TOO_LARGE, name, 1,
                                   "file is over %d MiB; the file is skipped", MAX_NOTES_FILE / (1024 * 1024));
          continue;
        }
      if (!g_utf8_validate_len (contents, length, &bad))
        {
          int line = 1;

          for (const char *p = contents; p < bad; p++)
            line += *p == '\n';
          pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_ENCODING, name, line,
                                   *bad == '\0' ? "file contains a NUL byte: is it a binary file?"
                                                : "file is not valid UTF-8; the file is skipped");
          continue;
        }
      infer_file (deck_id, name, contents, length, topic_ids, problems, topics);
    }

  if (names->len == 0)
    {
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_IO,
                   "deck.json:1: the folder has neither a deck manifest nor Markdown files");
      g_ptr_array_unref (topics);
      return NULL;
    }

  return topics;
}
