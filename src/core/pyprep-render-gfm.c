/* pyprep-render-gfm.c: strikethrough, task lists and bare links, as GitHub writes them.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Notes are written for GitHub's Markdown. cmark parses CommonMark; these
 * passes then rewrite its tree: `~~text~~` becomes struck-through text,
 * a list item starting `[ ]` or `[x]` a task with its box, and a bare
 * `https://…` or `www.…` a link. Only our own fixed tags are added; the
 * text stays in text nodes that cmark escapes. docs/design-notes.md says
 * why these passes are ours rather than cmark-gfm's.
 */
#include "config.h"

#include <string.h>

#include "pyprep-render-private.h"

static cmark_node *
text_node (const char *text,
           gsize       length)
{
  cmark_node *node = cmark_node_new (CMARK_NODE_TEXT);
  g_autofree char *copy = g_strndup (text, length);

  cmark_node_set_literal (node, copy);
  return node;
}

/* Replaces @node's text from @start to @end (bytes) by @inner, keeping
 * the text around it; returns the text node after, or NULL. */
static cmark_node *
splice (cmark_node *node,
        gsize       start,
        gsize       end,
        cmark_node *inner)
{
  g_autofree char *literal = g_strdup (cmark_node_get_literal (node));
  gsize length = strlen (literal);
  cmark_node *after = NULL;

  cmark_node_insert_after (node, inner);
  if (end < length)
    {
      after = text_node (literal + end, length - end);
      cmark_node_insert_after (inner, after);
    }
  if (start > 0)
    {
      literal[start] = '\0';
      cmark_node_set_literal (node, literal);
    }
  else
    {
      cmark_node_unlink (node);
      cmark_node_free (node);
    }
  return after;
}

static cmark_node *
tag (const char *enter,
     const char *exit)
{
  cmark_node *node = cmark_node_new (CMARK_NODE_CUSTOM_INLINE);

  cmark_node_set_on_enter (node, enter);
  cmark_node_set_on_exit (node, exit);
  return node;
}

/* `~text~` or `~~text~~`, the text not starting or ending with a space. */
static void
strike (cmark_node *node)
{
  while (node != NULL)
    {
      const char *literal = cmark_node_get_literal (node);
      const char *open = literal != NULL ? strchr (literal, '~') : NULL;
      const char *close;
      gsize run;
      cmark_node *del;

      if (open == NULL)
        return;
      run = open[1] == '~' ? 2 : 1;
      close = strstr (open + run, run == 2 ? "~~" : "~");
      if (close == NULL || close == open + run || g_ascii_isspace (open[run]) || g_ascii_isspace (close[-1])
          || (run == 1 && close[1] == '~'))
        return;
      del = tag ("<del>", "</del>");
      cmark_node_append_child (del, text_node (open + run, close - open - run));
      node = splice (node, open - literal, close + run - literal, del);
    }
}

static gsize
url_length (const char *p)
{
  gsize n = strcspn (p, " \t\n<>\"");
  int open = 0;

  for (gsize i = 0; i < n; i++)
    open += (p[i] == '(') - (p[i] == ')');
  /* Trailing punctuation ends the sentence, not the address. */
  while (n > 0 && (strchr (".,:;!?'*_~", p[n - 1]) != NULL || (p[n - 1] == ')' && open < 0)))
    {
      open += p[n - 1] == ')';
      n--;
    }
  return n;
}

static const char *
find_address (const char *text)
{
  static const char *starts[] = { "https://", "http://", "www.", NULL };
  const char *best = NULL;

  for (guint i = 0; starts[i] != NULL; i++)
    for (const char *p = strstr (text, starts[i]); p != NULL; p = strstr (p + 1, starts[i]))
      if ((p == text || !g_ascii_isalnum (p[-1])) && (best == NULL || p < best))
        {
          best = p;
          break;
        }
  return best;
}

static void
autolink (cmark_node *node)
{
  while (node != NULL)
    {
      const char *literal = cmark_node_get_literal (node);
      const char *at = literal != NULL ? find_address (literal) : NULL;
      g_autofree char *url = NULL;
      cmark_node *link;
      gsize n;

      if (at == NULL)
        return;
      n = url_length (at);
      if (n <= strlen ("www.") || (n <= strlen ("https://") && !g_str_has_prefix (at, "www.")))
        return;
      url = g_str_has_prefix (at, "www.") ? g_strdup_printf ("http://%.*s", (int) n, at) : g_strndup (at, n);
      link = cmark_node_new (CMARK_NODE_LINK);
      cmark_node_set_url (link, url);
      cmark_node_append_child (link, text_node (at, n));
      node = splice (node, at - literal, at - literal + n, link);
    }
}

/* `[ ] ` or `[x] ` at the start of a list item's first paragraph. */
static void
task (cmark_node *item)
{
  cmark_node *para = cmark_node_first_child (item);
  cmark_node *text = para != NULL ? cmark_node_first_child (para) : NULL;
  const char *literal;
  gboolean done;

  if (para == NULL || cmark_node_get_type (para) != CMARK_NODE_PARAGRAPH || text == NULL
      || cmark_node_get_type (text) != CMARK_NODE_TEXT)
    return;
  literal = cmark_node_get_literal (text);
  if (literal == NULL || literal[0] != '[' || strchr (" xX", literal[1]) == NULL || literal[1] == '\0'
      || literal[2] != ']' || (literal[3] != ' ' && literal[3] != '\0'))
    return;
  done = literal[1] != ' ';
  splice (text, 0, literal[3] == ' ' ? 4 : 3,
          tag (done ? "<input type=\"checkbox\" disabled checked> " : "<input type=\"checkbox\" disabled> ", ""));
}

static gboolean
in_link (cmark_node *node)
{
  for (cmark_node *p = cmark_node_parent (node); p != NULL; p = cmark_node_parent (p))
    if (cmark_node_get_type (p) == CMARK_NODE_LINK || cmark_node_get_type (p) == CMARK_NODE_IMAGE)
      return TRUE;
  return FALSE;
}

/* The nodes of @type in @doc, in order. */
static GPtrArray *
collect (cmark_node      *doc,
         cmark_node_type  type)
{
  g_autoptr(cmark_iter) iter = cmark_iter_new (doc);
  GPtrArray *nodes = g_ptr_array_new ();
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type (cmark_iter_get_node (iter)) == type)
      g_ptr_array_add (nodes, cmark_iter_get_node (iter));
  return nodes;
}

/**
 * pyprep_render_gfm:
 * @doc: a parsed document, before it becomes HTML
 *
 * Adds GitHub's task lists, strikethrough and bare links to @doc. Each
 * pass collects its nodes afresh, as the one before may have split or
 * freed text nodes.
 */
void
pyprep_render_gfm (cmark_node *doc)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GPtrArray) plain = NULL;

  /* "[", " " and "]" come as separate text nodes: join them first. */
  cmark_consolidate_text_nodes (doc);
  items = collect (doc, CMARK_NODE_ITEM);
  for (guint i = 0; i < items->len; i++)
    task (g_ptr_array_index (items, i));

  texts = collect (doc, CMARK_NODE_TEXT);
  for (guint i = 0; i < texts->len; i++)
    strike (g_ptr_array_index (texts, i));

  plain = collect (doc, CMARK_NODE_TEXT);
  for (guint i = 0; i < plain->len; i++)
    if (!in_link (g_ptr_array_index (plain, i)))
      autolink (g_ptr_array_index (plain, i));
}
