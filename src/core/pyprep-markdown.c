/* pyprep-markdown.c: small cmark helpers that the parsers and the renderer share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pyprep-markdown.h"

/**
 * pyprep_markdown_plain_text:
 * @node: a heading, link, paragraph or any other node
 *
 * Returns: (transfer full): the plain text of @node: literal text and code,
 *   soft breaks as spaces, formatting dropped, ends stripped
 */
char *
pyprep_markdown_plain_text (cmark_node *node)
{
  g_autoptr(cmark_iter) iter = cmark_iter_new (node);
  GString *out = g_string_new (NULL);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);

      if (ev != CMARK_EVENT_ENTER)
        continue;

      switch (cmark_node_get_type (cur))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
          /* Inline HTML in a title is kept as the text the author typed;
           * it is escaped wherever the title is shown. */
          g_string_append (out, cmark_node_get_literal (cur));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, ' ');
          break;
        case CMARK_NODE_NONE:
        case CMARK_NODE_DOCUMENT:
        case CMARK_NODE_BLOCK_QUOTE:
        case CMARK_NODE_LIST:
        case CMARK_NODE_ITEM:
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_CUSTOM_BLOCK:
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
        case CMARK_NODE_THEMATIC_BREAK:
        case CMARK_NODE_CUSTOM_INLINE:
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
        default:
          break;
        }
    }

  return g_strstrip (g_string_free (out, FALSE));
}

/**
 * pyprep_markdown_commonmark:
 * @node: a block
 *
 * Returns: (transfer full): @node written back as CommonMark, ends stripped
 */
char *
pyprep_markdown_commonmark (cmark_node *node)
{
  char *md = cmark_render_commonmark (node, CMARK_OPT_DEFAULT, 0);
  char *copy = g_strdup (md);

  free (md);
  return g_strstrip (copy);
}

/**
 * pyprep_markdown_commonmark_range:
 * @node: (nullable): the first block
 * @stop: (nullable): the sibling to stop before, or %NULL for all the rest
 *
 * Returns: (transfer full): the blocks from @node up to @stop written back
 *   as CommonMark, one after the other, ends stripped; "" for none
 */
char *
pyprep_markdown_commonmark_range (cmark_node *node,
                                  cmark_node *stop)
{
  GString *out = g_string_new (NULL);

  for (cmark_node *cur = node; cur != NULL && cur != stop; cur = cmark_node_next (cur))
    {
      char *md = cmark_render_commonmark (cur, CMARK_OPT_DEFAULT, 0);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, md);
      free (md);
    }

  return g_strstrip (g_string_free (out, FALSE));
}

/* The end of the line starting at @p, past its newline. */
static const char *
line_end (const char *p,
          const char *end)
{
  const char *nl = memchr (p, '\n', end - p);

  return nl != NULL ? nl + 1 : end;
}

/**
 * pyprep_markdown_front_matter:
 * @text: a Markdown file
 * @length: its length in bytes
 * @lines: (out) (optional): how many lines the front matter takes
 *
 * Front matter is a block of YAML that notes tools put at the very top of
 * a file, between two `---` lines (the second may be `...`). CommonMark
 * would read it as a rule and a heading, so it is cut before parsing.
 *
 * Returns: the length in bytes of the front matter, or 0 when there is none
 */
gsize
pyprep_markdown_front_matter (const char *text,
                              gsize       length,
                              int        *lines)
{
  const char *end = text + length;
  const char *p;
  int n = 1;

  if (lines != NULL)
    *lines = 0;
  if (length < 4 || strncmp (text, "---", 3) != 0 || (text[3] != '\n' && text[3] != '\r'))
    return 0;

  for (p = line_end (text, end); p < end; p = line_end (p, end))
    {
      const char *next = line_end (p, end);
      gsize n_chars = next - p;

      n++;
      while (n_chars > 0 && (p[n_chars - 1] == '\n' || p[n_chars - 1] == '\r'))
        n_chars--;
      if ((n_chars == 3 && (strncmp (p, "---", 3) == 0 || strncmp (p, "...", 3) == 0)))
        {
          if (lines != NULL)
            *lines = n;
          return next - text;
        }
    }

  /* No closing line: it was a rule after all. */
  return 0;
}

/**
 * pyprep_markdown_index_lines:
 *
 * Returns: (transfer full) (element-type gsize): where each line of @text
 *   starts: index 1 holds line 1; index 0 is unused
 */
GArray *
pyprep_markdown_index_lines (const char *text,
                             gsize       length)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize zero = 0;

  g_array_append_val (lines, zero);
  g_array_append_val (lines, zero);
  for (gsize i = 0; i + 1 < length; i++)
    if (text[i] == '\n')
      {
        gsize next = i + 1;

        g_array_append_val (lines, next);
      }
  return lines;
}

/**
 * pyprep_markdown_resolve_path:
 * @folder: a folder, relative to a deck folder ("" or "." for the deck folder)
 * @path: a relative path written in Markdown, "/" between names
 *
 * Resolves "." and ".." by their names only (no file is looked at).
 *
 * Returns: (transfer full) (nullable): @path seen from the deck folder, or
 *   %NULL when it climbs out of it or names nothing
 */
char *
pyprep_markdown_resolve_path (const char *folder,
                              const char *path)
{
  g_autofree char *joined = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (folder == NULL || *folder == '\0' || g_str_equal (folder, "."))
    joined = g_strdup (path);
  else
    joined = g_strconcat (folder, "/", path, NULL);
  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        {
          if (kept->len == 0)
            return NULL;
          g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, parts[i]);
    }
  if (kept->len == 0)
    return NULL;
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}
