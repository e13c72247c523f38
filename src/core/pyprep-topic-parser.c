/* pyprep-topic-parser.c: turns one topic's Markdown file into entries.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is parsed once with cmark and walked at the top level:
 *
 *   # Topic title
 *   ## Entry title {#entry-id}
 *   body Markdown ...
 *   ```card / ```quiz / ```reading / ```followups fenced blocks
 *   ```python {predict} blocks, each with the ```output block after it
 *
 * The entry body is kept as the author's own source lines (minus the study
 * blocks), so rendering and later search see exactly what was written.
 * docs/deck-format.md is the reference for deck authors.
 */
#include "config.h"

#include <string.h>

#include "pyprep-entry-private.h"
#include "pyprep-followups.h"
#include "pyprep-id.h"
#include "pyprep-markdown.h"
#include "pyprep-parsers-private.h"
#include "pyprep-passage.h"
#include "pyprep-predict.h"

typedef struct
{
  const char *deck_id;
  const char *topic_id;
  const char *file;
  PyprepProblems *problems;

  /* Start offsets of every line of the file, 1-based: lines[1] is line 1. */
  GArray *lines;
  const char *text;
  gsize length;

  PyprepTopic *topic;
  GHashTable *seen_ids;        /* local id -> line, as GINT_TO_POINTER */

  /* The entry being collected, or NULL while skipping a broken one. */
  PyprepEntry *entry;
  gboolean in_entry;
  int body_start;              /* first line after the entry heading */
  GArray *excluded;            /* pairs of (first, last) lines of study blocks */
  GPtrArray *passages;         /* PendingPassage: resolved once the body is known */
} Parser;

/* A card's or question's passage, named before the entry's text is whole. */
typedef struct
{
  char **slot;                 /* the card's or question's passage field */
  char *name;
  int line;
} PendingPassage;

static void
pending_passage_free (PendingPassage *pending)
{
  g_free (pending->name);
  g_free (pending);
}

static void
add_pending (Parser      *p,
             char       **slot,
             const char  *name,
             int          line)
{
  PendingPassage *pending;

  if (name == NULL)
    return;
  pending = g_new0 (PendingPassage, 1);
  pending->slot = slot;
  pending->name = g_strdup (name);
  pending->line = line;
  g_ptr_array_add (p->passages, pending);
}

/* Each passage named by the entry's blocks becomes the element showing it. */
static void
resolve_passages (Parser     *p,
                  const char *body)
{
  for (guint i = 0; i < p->passages->len; i++)
    {
      PendingPassage *pending = g_ptr_array_index (p->passages, i);
      g_autoptr(GError) error = NULL;

      *pending->slot = pyprep_passage_resolve (body, pyprep_entry_get_title (p->entry),
                                               pending->name, &error);
      if (*pending->slot == NULL)
        pyprep_problems_add_error (p->problems, PYPREP_DECK_ERROR_PASSAGE, p->file, pending->line,
                                   "%s", error->message);
    }
  g_ptr_array_set_size (p->passages, 0);
}

static int
n_lines (Parser *p)
{
  return (int) p->lines->len - 1;
}

/* Appends lines first..last (inclusive) of the file to @out. */
static void
append_lines (Parser  *p,
              GString *out,
              int      first,
              int      last)
{
  gsize start, end;

  first = MAX (first, 1);
  last = MIN (last, n_lines (p));
  if (first > last)
    return;

  start = g_array_index (p->lines, gsize, first);
  end = last < n_lines (p) ? g_array_index (p->lines, gsize, last + 1) : p->length;
  g_string_append_len (out, p->text + start, end - start);
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
}

/* Removes leading and trailing whitespace (blank lines included). */
static char *
strip_owned (GString *s)
{
  char *str = g_string_free (s, FALSE);

  return g_strstrip (str);
}

/* Splits "Title {#id}" into its parts. Returns FALSE when there is no ID. */
static gboolean
split_heading_id (const char  *text,
                  char       **title,
                  char       **id)
{
  const char *open = g_strrstr (text, "{#");
  const char *close;
  g_autofree char *rest = NULL;

  if (open == NULL)
    return FALSE;
  close = strchr (open, '}');
  if (close == NULL)
    return FALSE;

  rest = g_strstrip (g_strdup (close + 1));
  if (*rest != '\0')
    return FALSE;

  *id = g_strndup (open + 2, close - open - 2);
  *title = g_strstrip (g_strndup (text, open - text));
  return TRUE;
}

static gboolean
is_separator_line (const char *line)
{
  g_autofree char *copy = g_strstrip (g_strdup (line));
  gsize n = strlen (copy);

  if (n < 3)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (copy[i] != '-')
      return FALSE;
  return TRUE;
}

static void
parse_card (Parser     *p,
            cmark_node *block,
            const char *passage)
{
  const char *literal = cmark_node_get_literal (block);
  int line = cmark_node_get_start_line (block);
  g_auto(GStrv) rows = g_strsplit (literal != NULL ? literal : "", "\n", -1);
  GString *prompt = g_string_new (NULL);
  GString *answer = g_string_new (NULL);
  g_autofree char *prompt_text = NULL;
  g_autofree char *answer_text = NULL;
  gboolean after = FALSE;
  PyprepCard *card;

  for (guint i = 0; rows[i] != NULL; i++)
    {
      if (!after && is_separator_line (rows[i]))
        {
          after = TRUE;
          continue;
        }
      g_string_append (after ? answer : prompt, rows[i]);
      g_string_append_c (after ? answer : prompt, '\n');
    }

  prompt_text = strip_owned (prompt);
  answer_text = strip_owned (answer);

  if (pyprep_entry_get_card (p->entry) != NULL)
    {
      pyprep_problems_add_error (p->problems, PYPREP_DECK_ERROR_CARD, p->file, line,
                                 "entry “%s” has a second card block; only the first is used",
                                 pyprep_entry_get_local_id (p->entry));
      return;
    }
  if (!after)
    {
      pyprep_problems_add_error (p->problems, PYPREP_DECK_ERROR_CARD, p->file, line,
                                 "card block has no “---” line between the prompt and the answer");
      return;
    }
  if (*prompt_text == '\0' || *answer_text == '\0')
    {
      pyprep_problems_add_error (p->problems, PYPREP_DECK_ERROR_CARD, p->file, line,
                                 "card block has an empty %s",
                                 *prompt_text == '\0' ? "prompt" : "answer");
      return;
    }

  card = g_new0 (PyprepCard, 1);
  card->id = g_strconcat (pyprep_entry_get_id (p->entry), "#card", NULL);
  card->prompt = g_steal_pointer (&prompt_text);
  card->answer = g_steal_pointer (&answer_text);
  pyprep_entry_take_card (p->entry, card);
  add_pending (p, &card->passage, passage, line);
}

/* Reads the "[x] " or "[ ] " marker that starts a choice's source line. */
static gboolean
read_choice_marker (const char *line,
                    gboolean   *correct)
{
  const char *s = line;

  while (*s == ' ' || *s == '\t')
    s++;
  /* the list marker: "-", "*", "+" or "1." / "1)" */
  if (*s == '-' || *s == '*' || *s == '+')
    s++;
  else
    {
      while (g_ascii_isdigit (*s))
        s++;
      if (*s == '.' || *s == ')')
        s++;
    }
  while (*s == ' ' || *s == '\t')
    s++;

  /* s[1] before s[2]: a line that ends in "[" has nothing after it. */
  if (s[0] != '[' || (s[1] != ' ' && s[1] != 'x' && s[1] != 'X') || s[2] != ']')
    return FALSE;

  *correct = s[1] != ' ';
  return TRUE;
}

/* Removes the rendered "[x] " marker from the start of a choice's CommonMark. */
static char *
strip_choice_marker (const char *md)
{
  const char *s = md;

  if (*s == '\\')
    s++;
  if (*s == '[')
    s++;
  if (*s == ' ' || *s == 'x' || *s == 'X')
    s++;
  if (*s == '\\')
    s++;
  if (*s == ']')
    s++;

  return g_strstrip (g_strdup (s));
}

/* One choice of a quiz block, or NULL after a problem. */
static PyprepChoice *
parse_choice (Parser      *p,
              cmark_node  *item,
              char       **rows,
              int          base)
{
  /* Inner line n is file line base + n: the fence line comes first. */
  int inner = cmark_node_get_start_line (item);
  int line = base + inner;
  cmark_node *first = cmark_node_first_child (item);
  g_autoptr(PyprepChoice) choice = NULL;
  g_autofree char *md = NULL;
  g_autofree char *rest = NULL;
  char *newline;
  gboolean correct = FALSE;

  if (inner < 1 || (guint) inner > g_strv_length (rows)
      || !read_choice_marker (rows[inner - 1], &correct)
      || first == NULL || cmark_node_get_type (first) != CMARK_NODE_PARAGRAPH)
    {
      pyprep_problems_add_error (p->problems, PYPREP_DECK_ERROR_QUIZ, p->file, line,
                                 "choice does not start with “[x]” (correct) or “[ ]” (wrong)");
      return NULL;
    }

  /* The choice is the first line of the item; whatever follows, on
   * the next lines of the same paragraph or in further blocks, explains
   * it. */
  md = pyprep_markdown_commonmark_range (first, cmark_node_next (first));
  newline = strchr (md, '\n');
  rest = pyprep_markdown_commonmark_range (cmark_node_next (first), NULL);
  choice = g_new0 (PyprepChoice, 1);
  choice->correct = correct;
  if (newline != NULL)
    {
      *newline = '\0';
      choice->explanation = *rest != '\0'
                            ? g_strconcat (g_strstrip (newline + 1), "\n\n", rest, NULL)
                            : g_strdup (g_strstrip (newline + 1));
    }
  else
    choice->explanation = g_steal_pointer (&rest);
  choice->text = strip_choice_marker (md);
  if (*choice->text == '\0')
    {
      pyprep_problems_add_error (p->problems, PYPREP_DECK_ERROR_QUIZ, p->file, line,
                                 "choice has no text after its marker");
      return NULL;
    }
  if (*choice->explanation == '\0')
    g_clear_pointer (&choice->explanation, g_free);
  return g_steal_pointer (&choice);
}

static void
parse_quiz (Parser     *p,
            cmark_node *block,
            const char *explicit_id,
            const char *passage)
{
  const char *literal = cmark_node_get_literal (block);
  int base = cmark_node_get_start_line (block);
  g_auto(GStrv) rows = g_strsplit (literal != NULL ? literal : "", "\n", -1);
  g_autoptr(cmark_node) doc = NULL;
  g_autoptr(PyprepQuestion) question = NULL;
  g_autofree char *qid = NULL;
  cmark_node *list = NULL;
  guint n_correct = 0;

  doc = cmark_parse_document (literal != NULL ? literal : "",
                              literal != NULL ? strlen (literal) : 0,
                              CMARK_OPT_DEFAULT);

  for (cmark_node *cur = cmark_node_first_child (doc); cur != NULL; cur = cmark_node_next (cur))
    {
      if (cmark_node_get_type (cur) == CMARK_NODE_LIST)
        {
          list = cur;
          break;
        }
    }

  if (list == NULL)
    {
      pyprep_problems_add_error (p->problems, PYPREP_DECK_ERROR_QUIZ, p->file, base,
                                 "quiz block has no list of choices");
      return;
    }

  if (explicit_id != NULL && !pyprep_id_is_valid (explicit_id))
    {
      pyprep_problems_add_error (p->problems, PYPREP_DECK_ERROR_QUIZ, p->file, base,
                                 "quiz ID “%s” may only use a-z, 0-9, “-” and “_”", explicit_id);
      return;
    }
  qid = explicit_id != NULL
        ? g_strdup (explicit_id)
        : g_strdup_printf ("q%u", pyprep_entry_get_n_questions (p->entry) + 1);

  question = g_new0 (PyprepQuestion, 1);
  question->id = g_strdup_printf ("%s#%s", pyprep_entry_get_id (p->entry), qid);
  question->line = base;
  question->question = pyprep_markdown_commonmark_range (cmark_node_first_child (doc), list);
  question->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_choice_free);
  question->explanation = pyprep_markdown_commonmark_range (cmark_node_next (list), NULL);

  if (*question->question == '\0')
    {
      pyprep_problems_add_error (p->problems, PYPREP_DECK_ERROR_QUIZ, p->file, base,
                                 "quiz block has no question before its choices");
      return;
    }

  for (cmark_node *item = cmark_node_first_child (list); item != NULL; item = cmark_node_next (item))
    {
      PyprepChoice *choice = parse_choice (p, item, rows, base);

      if (choice == NULL)
        return;
      n_correct += choice->correct ? 1 : 0;
      g_ptr_array_add (question->choices, choice);
    }

  if (question->choices->len < 2)
    {
      pyprep_problems_add_error (p->problems, PYPREP_DECK_ERROR_QUIZ, p->file, base,
                                 "quiz block needs at least two choices");
      return;
    }
  if (n_correct == 0)
    {
      pyprep_problems_add_error (p->problems, PYPREP_DECK_ERROR_QUIZ, p->file, base,
                                 "quiz block marks no choice as correct with “[x]”");
      return;
    }
  if (*question->explanation == '\0')
    g_clear_pointer (&question->explanation, g_free);

  for (guint i = 0; i < pyprep_entry_get_n_questions (p->entry); i++)
    {
      if (g_str_equal (pyprep_entry_get_question (p->entry, i)->id, question->id))
        {
          pyprep_problems_add_error (p->problems, PYPREP_DECK_ERROR_DUPLICATE_ID, p->file, base,
                                     "quiz ID “%s” is used twice in entry “%s”",
                                     qid, pyprep_entry_get_local_id (p->entry));
          return;
        }
    }

  add_pending (p, &question->passage, passage, base);
  pyprep_entry_take_question (p->entry, g_steal_pointer (&question));
}

static void
parse_reading (Parser     *p,
               cmark_node *block)
{
  const char *literal = cmark_node_get_literal (block);
  g_autoptr(cmark_node) doc = NULL;
  g_autoptr(cmark_iter) iter = NULL;
  cmark_event_type ev;
  guint found = 0;

  doc = cmark_parse_document (literal != NULL ? literal : "",
                              literal != NULL ? strlen (literal) : 0,
                              CMARK_OPT_DEFAULT);
  iter = cmark_iter_new (doc);
  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);
      g_autofree char *title = NULL;
      const char *url;

      if (ev != CMARK_EVENT_ENTER || cmark_node_get_type (cur) != CMARK_NODE_LINK)
        continue;

      url = cmark_node_get_url (cur);
      if (url == NULL || *url == '\0')
        continue;
      title = pyprep_markdown_plain_text (cur);
      pyprep_entry_add_link (p->entry, title, url);
      found++;
    }

  if (found == 0)
    pyprep_problems_add_error (p->problems, PYPREP_DECK_ERROR_READING, p->file,
                               cmark_node_get_start_line (block),
                               "reading block holds no links");
}

static void
finish_entry (Parser *p,
              int     last_line)
{
  GString *body;
  int line;

  if (p->entry == NULL)
    {
      p->in_entry = FALSE;
      return;
    }

  /* The body is every source line of the entry outside its study blocks. */
  body = g_string_new (NULL);
  line = p->body_start;
  for (guint i = 0; i < p->excluded->len; i += 2)
    {
      int first = g_array_index (p->excluded, int, i);
      int last = g_array_index (p->excluded, int, i + 1);

      append_lines (p, body, line, first - 1);
      line = last + 1;
    }
  append_lines (p, body, line, last_line);
  pyprep_entry_take_body (p->entry, strip_owned (body));
  resolve_passages (p, pyprep_entry_get_body (p->entry));

  pyprep_topic_add_entry (p->topic, p->entry);
  g_clear_object (&p->entry);
  g_array_set_size (p->excluded, 0);
  p->in_entry = FALSE;
}

static void
start_entry (Parser     *p,
             cmark_node *heading)
{
  int line = cmark_node_get_start_line (heading);
  g_autofree char *text = pyprep_markdown_plain_text (heading);
  g_autofree char *title = NULL;
  g_autofree char *local_id = NULL;
  g_autofree char *id = NULL;
  gpointer first_line;

  p->in_entry = TRUE;
  p->body_start = cmark_node_get_end_line (heading) + 1;

  if (!split_heading_id (text, &title, &local_id))
    {
      pyprep_problems_add_error (p->problems, PYPREP_DECK_ERROR_NO_ID, p->file, line,
                                 "entry “%s” has no ID: end its heading with {#an-id}", text);
      return;
    }
  if (!pyprep_id_is_valid (local_id))
    {
      pyprep_problems_add_error (p->problems, PYPREP_DECK_ERROR_NO_ID, p->file, line,
                                 "entry ID “%s” may only use a-z, 0-9, “-” and “_”", local_id);
      return;
    }
  if (g_hash_table_lookup_extended (p->seen_ids, local_id, NULL, &first_line))
    {
      pyprep_problems_add_error (p->problems, PYPREP_DECK_ERROR_DUPLICATE_ID, p->file, line,
                                 "duplicate entry ID “%s” (first used at line %d); this entry is skipped",
                                 local_id, GPOINTER_TO_INT (first_line));
      return;
    }
  if (*title == '\0')
    {
      g_free (title);
      title = g_strdup (local_id);
    }

  g_hash_table_insert (p->seen_ids, g_strdup (local_id), GINT_TO_POINTER (line));
  id = g_strdup_printf ("%s/%s/%s", p->deck_id, p->topic_id, local_id);
  p->entry = pyprep_entry_new (id, local_id, title, p->file, line);
}

/* A predict block stays in the entry's text, where the reader shows the
 * program; its output block leaves the text, so the reader does not give
 * the answer away. */
static void
handle_predict (Parser     *p,
                cmark_node *node)
{
  cmark_node *next = cmark_node_next (node);
  g_autofree char *kind = NULL;
  g_autofree char *unused_id = NULL;
  g_autofree char *unused_passage = NULL;
  const char *output = NULL;
  int first, last;

  if (next != NULL && cmark_node_get_type (next) == CMARK_NODE_CODE_BLOCK)
    {
      /* The kind is read even from attributes that are not right. */
      pyprep_passage_parse_info (cmark_node_get_fence_info (next), &kind, &unused_id, &unused_passage, NULL);
      /* cmark gives an empty block no literal: an empty output is "" */
      if (g_str_equal (kind, "output"))
        output = cmark_node_get_literal (next) != NULL ? cmark_node_get_literal (next) : "";
    }
  pyprep_predict_parse (p->entry, cmark_node_get_fence_info (node), cmark_node_get_literal (node),
                        cmark_node_get_start_line (node), output,
                        p->file, p->problems);
  if (output == NULL)
    return;
  first = cmark_node_get_start_line (next);
  last = cmark_node_get_end_line (next);
  g_array_append_val (p->excluded, first);
  g_array_append_val (p->excluded, last);
}

static void
handle_block (Parser     *p,
              cmark_node *node)
{
  g_autofree char *kind = NULL;
  g_autofree char *explicit_id = NULL;
  g_autofree char *passage = NULL;
  g_autoptr(GError) error = NULL;
  gboolean study;
  int first, last;

  /* Only fenced blocks have an info string, so indented code is never a
   * study block. */
  if (cmark_node_get_type (node) != CMARK_NODE_CODE_BLOCK)
    return;

  if (pyprep_predict_is_predict_info (cmark_node_get_fence_info (node)))
    {
      handle_predict (p, node);
      return;
    }

  study = pyprep_passage_parse_info (cmark_node_get_fence_info (node), &kind, &explicit_id,
                                     &passage, &error);
  if (!study && (g_str_equal (kind, "card") || g_str_equal (kind, "quiz")))
    pyprep_problems_add_error (p->problems,
                               g_str_equal (kind, "card") ? PYPREP_DECK_ERROR_CARD : PYPREP_DECK_ERROR_QUIZ,
                               p->file, cmark_node_get_start_line (node), "%s; the block is skipped",
                               error->message);
  else if (g_str_equal (kind, "card"))
    parse_card (p, node, passage);
  else if (g_str_equal (kind, "quiz"))
    parse_quiz (p, node, explicit_id, passage);
  else if (g_str_equal (kind, "reading"))
    parse_reading (p, node);
  else if (g_str_equal (kind, "followups"))
    pyprep_followups_parse (p->entry, cmark_node_get_literal (node), p->deck_id, p->topic_id, p->file,
                            cmark_node_get_start_line (node), p->problems);
  else
    return;

  first = cmark_node_get_start_line (node);
  last = cmark_node_get_end_line (node);
  g_array_append_val (p->excluded, first);
  g_array_append_val (p->excluded, last);
}

static int
line_of_offset (const char *text,
                gsize       offset)
{
  int line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      line++;
  return line;
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

/* Front matter is no Markdown: a copy of @text with it blanked, so that
 * lines keep their numbers, or NULL when there is none. */
static char *
blank_front_matter (const char *text,
                    gsize       length)
{
  gsize front = pyprep_markdown_front_matter (text, length, NULL);
  char *blanked;

  if (front == 0)
    return NULL;
  blanked = g_strndup (text, length);
  for (gsize i = 0; i < front; i++)
    if (blanked[i] != '\n')
      blanked[i] = ' ';
  return blanked;
}

/*
 * pyprep_topic_parse:
 * Returns: (transfer full): the topic with every entry that parsed; problems
 *   go to @problems and never stop the rest of the file from loading.
 */
PyprepTopic *
pyprep_topic_parse (const char *deck_id,
                    const char *topic_id,
                    const char *file,
                    const char *text,
                    gsize           length,
                    PyprepProblems *problems)
{
  g_autoptr(PyprepTopic) topic = pyprep_topic_new (topic_id, file);
  g_autoptr(cmark_node) doc = NULL;
  const char *bad = NULL;
  g_autofree char *blanked = NULL;
  gboolean have_title = FALSE;
  Parser p = { 0 };

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length > PYPREP_DECK_MAX_FILE_SIZE)
    {
      pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_TOO_LARGE, file, 1,
                                 "file is %" G_GSIZE_FORMAT " MiB, over the limit of %d MiB",
                                 length / (1024 * 1024), PYPREP_DECK_MAX_FILE_SIZE / (1024 * 1024));
      return g_steal_pointer (&topic);
    }
  if (!g_utf8_validate_len (text, length, &bad))
    {
      gsize offset = bad - text;

      if (*bad == '\0')
        pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_ENCODING, file,
                                   line_of_offset (text, offset),
                                   "file contains a NUL byte: is it a binary file?");
      else
        pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_ENCODING, file,
                                   line_of_offset (text, offset),
                                   "file is not valid UTF-8 (byte 0x%02x); the file is skipped",
                                   (guchar) *bad);
      return g_steal_pointer (&topic);
    }
  if (is_blank (text, length))
    {
      pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_EMPTY, file, 1, "file is empty");
      return g_steal_pointer (&topic);
    }

  blanked = blank_front_matter (text, length);
  if (blanked != NULL)
    text = blanked;

  p.deck_id = deck_id;
  p.topic_id = topic_id;
  p.file = file;
  p.problems = problems;
  p.text = text;
  p.length = length;
  p.topic = topic;
  p.seen_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p.excluded = g_array_new (FALSE, FALSE, sizeof (int));
  p.passages = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_passage_free);
  p.lines = pyprep_markdown_index_lines (text, length);

  doc = cmark_parse_document (text, length, CMARK_OPT_DEFAULT);

  for (cmark_node *node = cmark_node_first_child (doc); node != NULL; node = cmark_node_next (node))
    {
      if (cmark_node_get_type (node) == CMARK_NODE_HEADING && cmark_node_get_heading_level (node) <= 2)
        {
          if (p.in_entry)
            finish_entry (&p, cmark_node_get_start_line (node) - 1);

          if (cmark_node_get_heading_level (node) == 2)
            start_entry (&p, node);
          else if (!have_title)
            {
              g_autofree char *title = pyprep_markdown_plain_text (node);

              if (*title != '\0')
                pyprep_topic_set_title (topic, title);
              have_title = TRUE;
            }
          else
            pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_BAD_VALUE, file,
                                       cmark_node_get_start_line (node),
                                       "a topic file has one level-one heading; this one is ignored");
          continue;
        }

      if (p.entry != NULL)
        handle_block (&p, node);
    }
  if (p.in_entry)
    finish_entry (&p, n_lines (&p));

  if (!have_title)
    pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_BAD_VALUE, file, 1,
                               "topic file has no level-one heading (“# Title”); using the ID “%s”",
                               topic_id);
  if (g_list_model_get_n_items (pyprep_topic_get_entries (topic)) == 0)
    pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_EMPTY, file, 1,
                               "topic file has no entries (“## Title {#id}” headings)");

  g_hash_table_unref (p.seen_ids);
  g_array_unref (p.excluded);
  g_ptr_array_unref (p.passages);
  g_array_unref (p.lines);

  return g_steal_pointer (&topic);
}
