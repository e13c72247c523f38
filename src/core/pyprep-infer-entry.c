/* pyprep-infer-entry.c: makes entries of questions found in notes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A question comes either from a heading (its answer the blocks under it)
 * or from a list item (its answer the blocks nested in it, or those right
 * after the list). An entry answered only by links says so and lists them;
 * an entry with no answer at all is flagged unanswered and gets no card.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pyprep-id.h"
#include "pyprep-infer-private.h"
#include "pyprep-passage.h"

/* Above either of these, an entry probably holds many questions. */
#define LARGE_ENTRY_BYTES (20 * 1024)
#define LARGE_ENTRY_HEADINGS 12

/* Words that start a question. */
static const char *question_starts[] = {
  "what", "why", "how", "when", "which", "who", "whose", "where", "is ", "are ", "does ", "do ",
  "can ", "could ", "should ", "would ", "will ", "explain", "describe", "compare", "define",
  "difference between", NULL
};
/* Words that ask, anywhere in Chinese text. */
static const char *question_words[] = {
  "什么", "为什么", "为何", "如何", "怎么", "怎样", "哪", "是否", "吗", "区别", "差别", "异同",
  "简述", "谈谈", "说说", "讲讲", "解释一下", NULL
};
/* Labels that mark a numbered question: `题目012：`, `Q12.`, `第3题`. */
static const char *question_labels[] = { "题目", "问题", "第", "question", "q", NULL };

/**
 * pyprep_infer_is_question:
 * @text: a heading or list item, without its number
 *
 * Returns: whether @text reads as a question
 */
gboolean
pyprep_infer_is_question (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  g_strchomp (lower);
  if (g_str_has_suffix (lower, "?") || g_str_has_suffix (lower, "？"))
    return TRUE;
  for (guint i = 0; question_starts[i] != NULL; i++)
    if (g_str_has_prefix (lower, question_starts[i]))
      return TRUE;
  for (guint i = 0; question_words[i] != NULL; i++)
    if (strstr (lower, question_words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Past the digits (and dots between digit groups) at @p; the number goes
 * to @out without leading zeros. */
static const char *
read_number (const char *p,
             GString    *out)
{
  while (g_ascii_isdigit (*p))
    {
      const char *start = p;

      while (*p == '0' && g_ascii_isdigit (p[1]))
        p++;
      while (g_ascii_isdigit (*p))
        g_string_append_c (out, *p++);
      if (p - start > 6)
        return NULL;
      if (*p == '.' && g_ascii_isdigit (p[1]))
        {
          g_string_append_c (out, '.');
          p++;
        }
      else
        break;
    }
  return p;
}

/* Past a separator after a number: ". 、 ) ） : ： -" or white space. */
static const char *
skip_separator (const char *p)
{
  static const char *separators[] = { ".", "、", ")", "）", ":", "：", "-", "题", " ", "\t", NULL };
  gboolean any = FALSE;

  for (gboolean again = TRUE; again;)
    {
      again = FALSE;
      for (guint i = 0; separators[i] != NULL; i++)
        if (g_str_has_prefix (p, separators[i]))
          {
            p += strlen (separators[i]);
            any = again = TRUE;
          }
    }
  return any ? p : NULL;
}

/**
 * pyprep_infer_split_number:
 * @text: a heading
 * @rest: (out): the text after the number, or a copy of @text
 * @labelled: (out) (optional): whether a label such as `题目` or `Q` came first
 *
 * Reads a number prefix such as `12.`, `3.1 `, `题目012：` or `Q7)`.
 *
 * Returns: (nullable): the number without leading zeros, or %NULL when
 *   @text does not start with one (or is only a number)
 */
char *
pyprep_infer_split_number (const char  *text,
                           char       **rest,
                           gboolean    *labelled)
{
  g_autoptr(GString) number = g_string_new (NULL);
  const char *p = text;
  gboolean label = FALSE;

  *rest = g_strdup (text);
  if (labelled != NULL)
    *labelled = FALSE;

  for (guint i = 0; question_labels[i] != NULL; i++)
    if (g_ascii_strncasecmp (p, question_labels[i], strlen (question_labels[i])) == 0
        && g_ascii_isdigit (p[strlen (question_labels[i])]))
      {
        p += strlen (question_labels[i]);
        label = TRUE;
        break;
      }
  if (!g_ascii_isdigit (*p))
    return NULL;

  p = read_number (p, number);
  if (p == NULL || (p = skip_separator (p)) == NULL)
    return NULL;
  while (*p == ' ')
    p++;
  if (*p == '\0')
    return NULL;

  g_free (*rest);
  *rest = g_strdup (p);
  if (labelled != NULL)
    *labelled = label;
  return g_string_free (g_steal_pointer (&number), FALSE);
}

/* Bare addresses in @text are links too. */
static void
collect_addresses (const char *text,
                   GPtrArray  *titles,
                   GPtrArray  *urls)
{
  g_auto(GStrv) words = NULL;

  if (strstr (text, "http://") == NULL && strstr (text, "https://") == NULL)
    return;
  words = g_strsplit_set (text, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (words[i], "http://") || g_str_has_prefix (words[i], "https://"))
      {
        g_ptr_array_add (titles, g_strdup (words[i]));
        g_ptr_array_add (urls, g_strdup (words[i]));
      }
}

/* The links in @node, in order; bare addresses when there are none. */
static void
collect_links (cmark_node *node,
               GPtrArray  *titles,
               GPtrArray  *urls)
{
  g_autoptr(cmark_iter) iter = cmark_iter_new (node);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  cmark_event_type ev;
  guint before = urls->len;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);

      if (ev != CMARK_EVENT_ENTER)
        continue;
      if (cmark_node_get_type (cur) == CMARK_NODE_LINK
          && cmark_node_get_url (cur) != NULL && *cmark_node_get_url (cur) != '\0')
        {
          g_ptr_array_add (titles, pyprep_markdown_plain_text (cur));
          g_ptr_array_add (urls, g_strdup (cmark_node_get_url (cur)));
        }
      else if (cmark_node_get_type (cur) == CMARK_NODE_TEXT && cmark_node_get_literal (cur) != NULL)
        g_ptr_array_add (texts, (gpointer) cmark_node_get_literal (cur));
    }

  if (urls->len > before || cmark_node_get_type (node) == CMARK_NODE_HEADING)
    return;
  for (guint i = 0; i < texts->len; i++)
    collect_addresses (g_ptr_array_index (texts, i), titles, urls);
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
      if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK
                                      || type == CMARK_NODE_IMAGE))
        return FALSE;
    }
  return any;
}

/**
 * pyprep_infer_start_topic:
 * @id_text: the text the topic's ID is made from
 * @title: the topic's title
 *
 * Starts a new topic; the entries added next go to it.
 */
void
pyprep_infer_start_topic (PyprepInferBuilder *b,
                          const char         *id_text,
                          const char         *title)
{
  g_autofree char *base = pyprep_id_from_text (id_text);
  g_autofree char *id = g_strdup (base);
  PyprepTopic *topic;

  for (guint n = 2; g_hash_table_contains (b->topic_ids, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (b->topic_ids, g_strdup (id));

  topic = pyprep_topic_new (id, b->file);
  pyprep_topic_set_title (topic, title);
  g_ptr_array_add (b->topics, topic);
  b->topic = topic;
  b->last = NULL;
}

static char *
unique_local_id (PyprepInferBuilder *b,
                 const char         *question)
{
  g_autofree char *base = pyprep_id_from_text (question);
  char *local = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (b->entry_ids, local); n++)
    {
      g_free (local);
      local = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (b->entry_ids, g_strdup (local));
  return local;
}

/* Appends the source lines from @first's to @last's, ends stripped. */
static void
append_source (PyprepInferBuilder *b,
               GString            *body,
               cmark_node         *first,
               cmark_node         *last)
{
  guint from = (guint) MAX (cmark_node_get_start_line (first), 1);
  guint to = (guint) MAX (cmark_node_get_end_line (last), 1);
  gsize start, end;

  if (from >= b->source_lines->len)
    return;
  start = g_array_index (b->source_lines, gsize, from);
  end = to + 1 < b->source_lines->len ? g_array_index (b->source_lines, gsize, to + 1) : strlen (b->source);
  g_string_append_len (body, b->source + start, end - start);
  g_strstrip (body->str);
  g_string_set_size (body, strlen (body->str));
}

/* The card: the question, and the answer's first paragraph or its links. */
static void
add_card (PyprepInferBuilder *b,
          PyprepEntry        *entry,
          const char         *question,
          const char         *first_answer,
          GPtrArray          *answers,
          gboolean            external,
          GPtrArray          *titles,
          GPtrArray          *urls)
{
  PyprepCard *card = g_new0 (PyprepCard, 1);

  card->id = g_strconcat (pyprep_entry_get_id (entry), "#card", NULL);
  card->prompt = g_strdup (question);
  if (!external && first_answer != NULL)
    card->answer = g_strdup (first_answer);
  else if (!external && answers->len > 0)
    {
      cmark_node *first = g_ptr_array_index (answers, 0);

      if (cmark_node_get_type (first) == CMARK_NODE_BLOCK_QUOTE && cmark_node_first_child (first) != NULL)
        card->answer = pyprep_markdown_commonmark (cmark_node_first_child (first));
      else if (b->source != NULL)
        {
          GString *text = g_string_new (NULL);

          append_source (b, text, first, first);
          card->answer = g_string_free (text, FALSE);
        }
      else
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
  /* The answer's first block is the body's first: the page marks it as
   * the passage a missed card leads to. */
  if (!external && (first_answer != NULL || answers->len > 0))
    card->passage = g_strdup (PYPREP_PASSAGE_FIRST_BLOCK);
  if (card->answer != NULL && *card->answer != '\0')
    pyprep_entry_take_card (entry, card);
  else
    pyprep_card_free (card);
}

/* Warns when the entry's answer looks like many questions. */
static void
check_size (PyprepInferBuilder *b,
            const char         *question,
            GPtrArray          *answers,
            gsize               body_length,
            int                 line)
{
  guint headings = 0;

  for (guint i = 0; i < answers->len; i++)
    headings += cmark_node_get_type (g_ptr_array_index (answers, i)) == CMARK_NODE_HEADING;
  if (body_length > LARGE_ENTRY_BYTES || headings > LARGE_ENTRY_HEADINGS)
    pyprep_problems_add_warning (b->problems, PYPREP_DECK_ERROR_LARGE_ENTRY, b->file, line,
                                 "entry “%s” may be many questions: it holds %u headings and %"
                                 G_GSIZE_FORMAT " KB of text", question, headings,
                                 (body_length + 1023) / 1024);
}

static void
add_followup (PyprepEntry *entry,
              const char  *question,
              char        *answer,
              int          line)
{
  PyprepFollowup *followup;

  if (answer == NULL || *g_strstrip (answer) == '\0')
    {
      g_free (answer);
      return;
    }
  followup = g_new0 (PyprepFollowup, 1);
  followup->question = g_strdup (question);
  followup->answer = answer;
  followup->line = line;
  followup->in_body = TRUE;
  pyprep_entry_take_followup (entry, followup);
}

/* The sub-questions of an answer become the entry's follow-ups: headings
 * that ask, with what stands under them, and list items that ask, with
 * the lines under them. Sub-points that do not ask stay part of the answer. */
static void
add_followups (PyprepInferBuilder *b,
               PyprepEntry        *entry,
               GPtrArray          *answers)
{
  for (guint i = 0; i < answers->len; i++)
    {
      cmark_node *block = g_ptr_array_index (answers, i);
      int line = cmark_node_get_start_line (block) + b->line_offset;

      if (cmark_node_get_type (block) == CMARK_NODE_HEADING)
        {
          g_autofree char *text = pyprep_markdown_plain_text (block);
          g_autofree char *rest = NULL;
          g_autofree char *number = pyprep_infer_split_number (text, &rest, NULL);
          int level = cmark_node_get_heading_level (block);
          guint end = i + 1;

          if (!pyprep_infer_is_question (rest))
            continue;
          while (end < answers->len
                 && !(cmark_node_get_type (g_ptr_array_index (answers, end)) == CMARK_NODE_HEADING
                      && cmark_node_get_heading_level (g_ptr_array_index (answers, end)) <= level))
            end++;
          if (end > i + 1)
            add_followup (entry, rest,
                          pyprep_markdown_commonmark_range (g_ptr_array_index (answers, i + 1),
                                                            end < answers->len ? g_ptr_array_index (answers, end)
                                                            : cmark_node_next (g_ptr_array_index (answers, end - 1))),
                          line);
        }
      else if (cmark_node_get_type (block) == CMARK_NODE_LIST)
        for (cmark_node *item = cmark_node_first_child (block); item != NULL; item = cmark_node_next (item))
          {
            gboolean link_only;
            g_autofree char *rest = NULL;
            g_autofree char *question = pyprep_infer_item_question (item, &link_only, &rest);
            g_autofree char *more = NULL;

            if (link_only || !pyprep_infer_is_question (question))
              continue;
            more = pyprep_markdown_commonmark_range (cmark_node_next (cmark_node_first_child (item)), NULL);
            add_followup (entry, question,
                          rest != NULL && *more != '\0' ? g_strconcat (rest, "\n\n", more, NULL)
                          : rest != NULL ? g_strdup (rest) : g_steal_pointer (&more),
                          cmark_node_get_start_line (item) + b->line_offset);
          }
    }
}

/**
 * pyprep_infer_add_entry:
 * @question: the question, without its number
 * @number: (nullable): its number in the notes
 * @first_answer: (nullable): Markdown answering it before @answers
 * @answers: (element-type cmark_node): the blocks answering it
 * @heading: (nullable): the question's heading, whose links count as answers
 * @line: the question's line in the parsed text
 */
void
pyprep_infer_add_entry (PyprepInferBuilder *b,
                        const char         *question,
                        const char         *number,
                        const char         *first_answer,
                        GPtrArray          *answers,
                        cmark_node         *heading,
                        int                 line)
{
  g_autofree char *local = unique_local_id (b, question);
  g_autofree char *id = g_strdup_printf ("%s/%s/%s", b->deck_id, pyprep_topic_get_id (b->topic), local);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  GString *body = g_string_new (first_answer);
  gboolean external = answers->len > 0 || first_answer != NULL;
  g_autoptr(PyprepEntry) entry = NULL;

  line += b->line_offset;
  if (heading != NULL)
    collect_links (heading, titles, urls);
  external |= urls->len > 0;
  if (first_answer != NULL)
    {
      g_autoptr(cmark_node) doc = cmark_parse_document (first_answer, strlen (first_answer), CMARK_OPT_DEFAULT);

      external &= only_links (doc);
      collect_links (doc, titles, urls);
    }
  for (guint i = 0; i < answers->len; i++)
    {
      cmark_node *block = g_ptr_array_index (answers, i);

      external &= only_links (block);
      collect_links (block, titles, urls);
      if (b->source == NULL)
        {
          g_autofree char *md = pyprep_markdown_commonmark (block);

          if (body->len > 0)
            g_string_append (body, "\n\n");
          g_string_append (body, md);
        }
    }
  if (b->source != NULL && answers->len > 0)
    append_source (b, body, g_ptr_array_index (answers, 0), g_ptr_array_index (answers, answers->len - 1));

  entry = pyprep_entry_new (id, local, question, b->file, line);
  pyprep_entry_set_number (entry, number);
  check_size (b, question, answers, body->len, line);
  if (external)
    {
      /* The notes only point elsewhere: say so, and list where. */
      g_string_truncate (body, 0);
      g_string_append (body, _("*These notes answer this question only with links; read them under "
                               "Further Reading.*"));
    }
  else if (body->len == 0)
    {
      pyprep_entry_set_unanswered (entry, TRUE);
      pyprep_problems_add_warning (b->problems, PYPREP_DECK_ERROR_UNANSWERED, b->file, line,
                                   "“%s” has no answer in these notes yet", question);
      b->n_unanswered++;
    }
  pyprep_entry_take_body (entry, g_string_free (body, FALSE));
  for (guint i = 0; i < urls->len; i++)
    pyprep_entry_add_link (entry, g_ptr_array_index (titles, i), g_ptr_array_index (urls, i));
  add_card (b, entry, question, first_answer, answers, external, titles, urls);
  if (!external)
    add_followups (b, entry, answers);

  pyprep_topic_add_entry (b->topic, entry);
  b->last = entry;
  b->n_entries++;
}

static gboolean
is_list (cmark_node *node)
{
  return node != NULL && cmark_node_get_type (node) == CMARK_NODE_LIST;
}

/**
 * pyprep_infer_item_question:
 * @link_only: (out): whether the item is only a link
 * @rest: (out) (nullable): the item's first paragraph after its first line
 *
 * Returns: (transfer full): the text of a list item's first paragraph
 *   before its first link, or all of it when the item is only a link
 */
char *
pyprep_infer_item_question (cmark_node  *item,
                            gboolean    *link_only,
                            char       **rest)
{
  cmark_node *para = cmark_node_first_child (item);
  GString *text = g_string_new (NULL);

  *link_only = FALSE;
  *rest = NULL;
  if (para == NULL || cmark_node_get_type (para) != CMARK_NODE_PARAGRAPH)
    return g_string_free (text, FALSE);

  for (cmark_node *cur = cmark_node_first_child (para); cur != NULL; cur = cmark_node_next (cur))
    {
      g_autofree char *piece = NULL;

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
      piece = pyprep_markdown_plain_text (cur);
      g_string_append (text, cmark_node_get_type (cur) == CMARK_NODE_TEXT
                               ? cmark_node_get_literal (cur) : piece);
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

/* Adds the links of a list item that is no question to the entry before. */
static void
add_reading (PyprepInferBuilder *b,
             cmark_node         *item)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);

  collect_links (item, titles, urls);
  for (guint i = 0; i < urls->len; i++)
    pyprep_entry_add_link (b->last, g_ptr_array_index (titles, i), g_ptr_array_index (urls, i));
}

/* The answer of one item: links in its paragraph, nested blocks, and, for
 * the list's last item, the blocks after the list. */
static void
add_item (PyprepInferBuilder *b,
          cmark_node         *list,
          cmark_node         *item,
          cmark_node         *stop)
{
  g_autoptr(GPtrArray) answers = g_ptr_array_new ();
  g_autofree char *rest = NULL;
  gboolean link_only;
  g_autofree char *question = pyprep_infer_item_question (item, &link_only, &rest);
  cmark_node *para = cmark_node_first_child (item);

  if (*question == '\0')
    return;

  /* A link that is not a question is reading for the entry before. */
  if (link_only && !pyprep_infer_is_question (question) && b->last != NULL)
    {
      add_reading (b, item);
      return;
    }

  if (link_only)
    g_ptr_array_add (answers, para);
  for (cmark_node *nested = cmark_node_next (para); nested != NULL; nested = cmark_node_next (nested))
    g_ptr_array_add (answers, nested);
  if (cmark_node_next (item) == NULL)
    for (cmark_node *after = cmark_node_next (list); after != NULL && after != stop && !is_list (after);
         after = cmark_node_next (after))
      {
        if (cmark_node_get_type (after) == CMARK_NODE_HEADING)
          break;
        g_ptr_array_add (answers, after);
      }

  pyprep_infer_add_entry (b, question, NULL, rest, answers, NULL, cmark_node_get_start_line (item));
}

/**
 * pyprep_infer_add_question_list:
 * @first: the first block of a section of questions
 * @stop: (nullable): the block after the section
 *
 * A section of questions: list items are entries; the blocks after a list
 * answer its last item.
 *
 * Returns: how many entries it made
 */
guint
pyprep_infer_add_question_list (PyprepInferBuilder *b,
                                cmark_node         *first,
                                cmark_node         *stop)
{
  guint before = b->n_entries;

  for (cmark_node *node = first; node != NULL && node != stop;)
    {
      if (!is_list (node))
        {
          node = cmark_node_next (node);
          continue;
        }

      for (cmark_node *item = cmark_node_first_child (node); item != NULL; item = cmark_node_next (item))
        add_item (b, node, item, stop);

      /* Skip the answers already taken. */
      for (node = cmark_node_next (node); node != NULL && node != stop && !is_list (node)
           && cmark_node_get_type (node) != CMARK_NODE_HEADING; node = cmark_node_next (node))
        ;
    }

  return b->n_entries - before;
}

/**
 * pyprep_infer_is_question_section:
 * @n_items: (out): how many list items the section holds
 * @n_questions: (out): how many of them read as questions
 *
 * Returns: whether the section from @first to @stop is a list of
 *   questions: lists and their answers, no headings
 */
gboolean
pyprep_infer_is_question_section (cmark_node *first,
                                  cmark_node *stop,
                                  guint      *n_items,
                                  guint      *n_questions)
{
  guint items = 0;

  for (cmark_node *node = first; node != NULL && node != stop; node = cmark_node_next (node))
    {
      if (cmark_node_get_type (node) == CMARK_NODE_HEADING)
        return FALSE;
      if (!is_list (node))
        continue;
      for (cmark_node *item = cmark_node_first_child (node); item != NULL; item = cmark_node_next (item))
        {
          g_autofree char *rest = NULL;
          gboolean link_only;
          g_autofree char *question = pyprep_infer_item_question (item, &link_only, &rest);

          items++;
          *n_questions += pyprep_infer_is_question (question);
        }
    }
  *n_items += items;
  return items > 0;
}
