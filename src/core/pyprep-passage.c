/* pyprep-passage.c: names of passages in study blocks, and the passages of an entry's text.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A card or quiz block names the passage its answer comes from in its
 * info string: ```` ```quiz {#threads passage="How the lock is handed over"} ````
 * (or in single quotes, for a name holding a double one) or
 * `passage=#handover`. A name is the text of a heading of the entry
 * (a bold-only paragraph such as **Key points** counts as one; the entry's
 * own title names the text before its first heading), or an `{#anchor}`
 * that the author put at the end of a heading, a paragraph, a list item's
 * first paragraph, or in a code block's info string.
 *
 * The resolver and the renderer walk the same parsed text with
 * pyprep_passage_spans(), so the element a name resolves to is the element
 * the page has. docs/deck-format.md is the reference for deck authors.
 */
#include "config.h"

#include <string.h>

#include "pyprep-id.h"
#include "pyprep-passage-private.h"
#include "pyprep-problems.h"

void
pyprep_passage_span_free (PyprepPassageSpan *span)
{
  if (span == NULL)
    return;
  g_free (span->element_id);
  g_free (span->heading);
  g_free (span->anchor);
  g_free (span);
}

/* Collapses runs of white space, so that names match however they wrap. */
static char *
normalize (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", " \t\n\r", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

/* Reads the attributes in braces after a block's kind. */
static gboolean
parse_attributes (const char  *text,
                  char       **id,
                  char       **passage,
                  GError     **error)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;
      start = p;
      if (*p == '#')
        {
          while (*p != '\0' && !g_ascii_isspace (*p))
            p++;
          if (*id != NULL)
            {
              g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_BAD_VALUE,
                           "the block has two IDs");
              return FALSE;
            }
          *id = g_strndup (start + 1, p - start - 1);
          continue;
        }
      if (!g_str_has_prefix (p, "passage="))
        {
          g_autofree char *word = g_strndup (p, strcspn (p, " \t"));

          g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_BAD_VALUE,
                       "unknown attribute “%s”: a block takes {#id passage=…}", word);
          return FALSE;
        }
      if (*passage != NULL)
        {
          g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_BAD_VALUE,
                       "the block names its passage twice");
          return FALSE;
        }
      p += strlen ("passage=");
      if (*p == '"' || *p == '\'')
        {
          const char *close = strchr (p + 1, *p);
          g_autofree char *quoted = NULL;

          if (close == NULL)
            {
              g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_BAD_VALUE,
                           "the passage's name has no closing quote");
              return FALSE;
            }
          quoted = g_strndup (p + 1, close - p - 1);
          *passage = normalize (quoted);
          p = close + 1;
        }
      else
        {
          start = p;
          while (*p != '\0' && !g_ascii_isspace (*p))
            p++;
          *passage = g_strndup (start, p - start);
        }
      if (**passage == '\0' || g_str_equal (*passage, "#"))
        {
          g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_BAD_VALUE,
                       "the passage's name is empty");
          return FALSE;
        }
      if (**passage == '#' && !pyprep_id_is_valid (*passage + 1))
        {
          g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_BAD_VALUE,
                       "anchor “%s” may only use a-z, 0-9, “-” and “_”", *passage + 1);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * pyprep_passage_parse_info:
 * @info: (nullable): a fenced block's info string, such as
 *   `quiz {#threads passage="Key points"}`
 * @kind: (out): the block's kind, `quiz`
 * @id: (out) (nullable): its `{#id}`, without the `#`
 * @passage: (out) (nullable): the name of its passage: `#anchor`, or a
 *   heading's text with white space collapsed
 *
 * Text after the kind that does not start with `{` is not read, as for
 * any fenced block.
 *
 * Returns: %FALSE when the braces do not hold `#id` and `passage=…`
 *   attributes alone; @kind is set even then
 */
gboolean
pyprep_passage_parse_info (const char  *info,
                           char       **kind,
                           char       **id,
                           char       **passage,
                           GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (info != NULL ? info : ""));
  g_autofree char *inside = NULL;
  gsize length = strcspn (copy, " \t{");
  const char *rest = copy + length;
  const char *close;

  g_return_val_if_fail (kind != NULL && id != NULL && passage != NULL, FALSE);

  *kind = g_strndup (copy, length);
  *id = NULL;
  *passage = NULL;
  while (g_ascii_isspace (*rest))
    rest++;
  if (*rest != '{')
    return TRUE;

  close = strrchr (rest, '}');
  if (close == NULL || close[1] != '\0')
    {
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_BAD_VALUE,
                   "the block's attributes do not end with “}”");
      return FALSE;
    }
  inside = g_strndup (rest + 1, close - rest - 1);
  if (!parse_attributes (inside, id, passage, error))
    {
      g_clear_pointer (id, g_free);
      g_clear_pointer (passage, g_free);
      return FALSE;
    }
  return TRUE;
}

/* A paragraph holding nothing but bold text stands for a heading in many
 * notes ("**Key points**"). */
static gboolean
is_heading_like (cmark_node *node)
{
  cmark_node *strong = NULL;

  if (cmark_node_get_type (node) == CMARK_NODE_HEADING)
    return TRUE;
  if (cmark_node_get_type (node) != CMARK_NODE_PARAGRAPH)
    return FALSE;
  for (cmark_node *child = cmark_node_first_child (node); child != NULL; child = cmark_node_next (child))
    {
      if (cmark_node_get_type (child) == CMARK_NODE_STRONG && strong == NULL)
        strong = child;
      else if (cmark_node_get_type (child) != CMARK_NODE_TEXT
               || strspn (cmark_node_get_literal (child), " \t") != strlen (cmark_node_get_literal (child)))
        return FALSE;
    }
  return strong != NULL;
}

/* Takes the "{#anchor}" off the end of a heading or paragraph, or reads
 * the "#anchor" in a code block's info string. */
static char *
take_anchor (cmark_node *block)
{
  cmark_node *last = cmark_node_last_child (block);
  const char *literal;
  const char *open;
  g_autofree char *anchor = NULL;
  g_autofree char *kept = NULL;

  if (cmark_node_get_type (block) == CMARK_NODE_CODE_BLOCK)
    {
      g_autofree char *kind = NULL;
      g_autofree char *passage = NULL;

      if (!pyprep_passage_parse_info (cmark_node_get_fence_info (block), &kind, &anchor, &passage, NULL)
          || anchor == NULL || !pyprep_id_is_valid (anchor))
        return NULL;
      return g_steal_pointer (&anchor);
    }

  if (last == NULL || cmark_node_get_type (last) != CMARK_NODE_TEXT)
    return NULL;
  literal = cmark_node_get_literal (last);
  open = g_strrstr (literal, "{#");
  if (open == NULL || !g_str_has_suffix (open, "}"))
    return NULL;
  anchor = g_strndup (open + 2, strlen (open) - 3);
  if (!pyprep_id_is_valid (anchor))
    return NULL;

  kept = g_strndup (literal, open - literal);
  g_strchomp (kept);
  cmark_node_set_literal (last, kept);
  return g_steal_pointer (&anchor);
}

static PyprepPassageSpan *
add_span (GPtrArray  *spans,
          cmark_node *first,
          cmark_node *last,
          char       *anchor,
          const char *element_id)
{
  PyprepPassageSpan *span = g_new0 (PyprepPassageSpan, 1);

  span->first = first;
  span->last = last;
  span->anchor = anchor;
  span->element_id = anchor != NULL ? g_strconcat ("anchor-", anchor, NULL) : g_strdup (element_id);
  g_ptr_array_add (spans, span);
  return span;
}

/* The sections: the text before the first heading, then each heading
 * with the blocks up to the next. */
static void
add_sections (GPtrArray  *spans,
              cmark_node *doc,
              GHashTable *taken)
{
  cmark_node *first = cmark_node_first_child (doc);
  PyprepPassageSpan *open = NULL;
  guint n = 0;

  if (first != NULL && !is_heading_like (first))
    {
      open = add_span (spans, first, first, NULL, "section-0");
      open->intro = TRUE;
    }
  for (cmark_node *node = first; node != NULL; node = cmark_node_next (node))
    {
      g_autofree char *id = NULL;
      char *anchor;

      if (!is_heading_like (node))
        {
          open->last = node;
          continue;
        }
      anchor = take_anchor (node);
      g_hash_table_add (taken, node);
      id = g_strdup_printf ("section-%u", ++n);
      open = add_span (spans, node, node, anchor, id);
      open->heading = pyprep_markdown_plain_text (node);
      g_strstrip (open->heading);
    }
}

/**
 * pyprep_passage_spans:
 * @doc: an entry's parsed text; the `{#anchor}` marks in it are removed
 *
 * Returns: (transfer full) (element-type PyprepPassageSpan): the passages
 *   of @doc, each containing one before those it contains
 */
GPtrArray *
pyprep_passage_spans (cmark_node *doc)
{
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_passage_span_free);
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);
  g_autoptr(cmark_iter) iter = NULL;
  cmark_event_type ev;

  add_sections (spans, doc, taken);

  iter = cmark_iter_new (doc);
  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node *parent = cmark_node_parent (node);
      cmark_node_type type = cmark_node_get_type (node);
      char *anchor;

      if (ev != CMARK_EVENT_ENTER || g_hash_table_contains (taken, node)
          || (type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING && type != CMARK_NODE_CODE_BLOCK)
          || (anchor = take_anchor (node)) == NULL)
        continue;
      /* An anchor ending a list item's first paragraph names the item. */
      if (cmark_node_get_type (parent) == CMARK_NODE_ITEM && cmark_node_first_child (parent) == node)
        add_span (spans, node, cmark_node_last_child (parent), anchor, NULL);
      else
        add_span (spans, node, node, anchor, NULL);
    }
  return g_steal_pointer (&spans);
}

/**
 * pyprep_passage_resolve:
 * @body: the entry's Markdown text
 * @title: (nullable): the entry's title, which names the text before its
 *   first heading
 * @name: a passage's name, as pyprep_passage_parse_info() gives it
 *
 * Returns: (transfer full) (nullable): the ID of the page element that
 *   shows the passage, or %NULL when @body has no such passage or more
 *   than one
 */
char *
pyprep_passage_resolve (const char  *body,
                        const char  *title,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(cmark_node) doc = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *own = NULL;
  PyprepPassageSpan *found = NULL;
  guint n_found = 0;

  g_return_val_if_fail (body != NULL && name != NULL, NULL);

  doc = cmark_parse_document (body, strlen (body), CMARK_OPT_DEFAULT);
  spans = pyprep_passage_spans (doc);
  wanted = normalize (name);
  own = normalize (title);
  for (guint i = 0; i < spans->len; i++)
    {
      PyprepPassageSpan *span = g_ptr_array_index (spans, i);
      g_autofree char *heading = span->heading != NULL ? normalize (span->heading) : NULL;
      gboolean match;

      if (*wanted == '#')
        match = span->anchor != NULL && g_str_equal (span->anchor, wanted + 1);
      else
        match = (span->intro && g_str_equal (own, wanted))
                || (heading != NULL && g_str_equal (heading, wanted));
      if (match && n_found++ == 0)
        found = span;
      /* One anchor may stand twice; the first counts, as in the page. */
      if (match && *wanted == '#')
        break;
    }

  if (n_found == 1)
    return g_strdup (found->element_id);
  if (n_found == 0)
    g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_PASSAGE,
                 *wanted == '#' ? "passage “%s” names no anchor of the entry"
                                : "passage “%s” names no heading of the entry", wanted);
  else
    g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_PASSAGE,
                 "passage “%s” names %u headings of the entry: give one an {#anchor}", wanted, n_found);
  return NULL;
}
