/* pyprep-render-table.c: pipe tables, which CommonMark does not know.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/design-notes.md says why this pass is ours rather than cmark-gfm's.
 */
#include "config.h"

#include <string.h>

#include "pyprep-render-private.h"

/* Pipe tables are not CommonMark, so cmark does not know them. Before
 * parsing, each table is cut out of the Markdown and replaced by a
 * placeholder paragraph; after parsing, the placeholder becomes a custom
 * block holding the table's HTML, whose cells went through cmark and the
 * escaping helper like everything else. */
#define TABLE_PLACEHOLDER "PYPREP-TABLE-"

typedef enum
{
  ALIGN_NONE,
  ALIGN_LEFT,
  ALIGN_CENTER,
  ALIGN_RIGHT,
} Align;

static GPtrArray *
split_row (const char *line)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *copy = g_strstrip (g_strdup (line));
  GString *cell = g_string_new (NULL);
  const char *p = copy;

  if (*p == '|')
    p++;
  for (; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] == '|')
        {
          g_string_append_c (cell, '|');
          p++;
        }
      else if (*p == '|')
        {
          g_ptr_array_add (cells, g_strstrip (g_string_free (cell, FALSE)));
          cell = g_string_new (NULL);
        }
      else
        g_string_append_c (cell, *p);
    }
  /* Text after the last bar is a cell only when the row does not end in one. */
  if (cell->len > 0 && *g_strstrip (cell->str) != '\0')
    g_ptr_array_add (cells, g_strstrip (g_string_free (cell, FALSE)));
  else
    g_string_free (cell, TRUE);

  return cells;
}

static gboolean
parse_delimiter_row (const char *line,
                     guint       n_columns,
                     Align      *aligns)
{
  g_autoptr(GPtrArray) cells = split_row (line);

  if (cells->len != n_columns)
    return FALSE;

  for (guint i = 0; i < cells->len; i++)
    {
      const char *c = g_ptr_array_index (cells, i);
      gsize n = strlen (c);
      gboolean left, right;

      if (n == 0)
        return FALSE;
      left = c[0] == ':';
      right = c[n - 1] == ':';
      for (gsize j = left ? 1 : 0; j < (right ? n - 1 : n); j++)
        if (c[j] != '-')
          return FALSE;
      if ((gsize) (left + right) >= n)
        return FALSE;
      aligns[i] = left && right ? ALIGN_CENTER : right ? ALIGN_RIGHT : left ? ALIGN_LEFT : ALIGN_NONE;
    }

  return TRUE;
}

static gboolean
is_table_line (const char *line)
{
  const char *p = line;
  int indent = 0;

  while (*p == ' ' && indent < 4)
    {
      p++;
      indent++;
    }
  /* GitHub's rows need no bar at their start: `a | b` is a row too. */
  return indent < 4 && strchr (p, '|') != NULL;
}

static void append_inline_markdown (GString    *out,
                                    const char *markdown,
                                    const PyprepRenderSource *src);

static char *
render_table (char      **lines,
              guint       n_lines,
              const PyprepRenderSource *src)
{
  g_autoptr(GPtrArray) header = split_row (lines[0]);
  g_autofree Align *aligns = g_new0 (Align, header->len);
  static const char *align_attr[] = { "", " align=\"left\"",
                                      " align=\"center\"",
                                      " align=\"right\"" };
  GString *out = g_string_new ("<table>\n<thead>\n<tr>");

  parse_delimiter_row (lines[1], header->len, aligns);
  for (guint i = 0; i < header->len; i++)
    {
      g_string_append_printf (out, "<th%s>", align_attr[aligns[i]]);
      append_inline_markdown (out, g_ptr_array_index (header, i), src);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr>\n</thead>\n<tbody>\n");
  for (guint r = 2; r < n_lines; r++)
    {
      g_autoptr(GPtrArray) cells = split_row (lines[r]);

      g_string_append (out, "<tr>");
      for (guint i = 0; i < header->len; i++)
        {
          g_string_append_printf (out, "<td%s>", align_attr[aligns[i]]);
          if (i < cells->len)
            append_inline_markdown (out, g_ptr_array_index (cells, i), src);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");

  return g_string_free (out, FALSE);
}

/* Returns the Markdown with tables replaced by placeholders; their HTML goes
 * to @tables in order. Lines inside fenced code blocks are left alone. */
char *
pyprep_render_extract_tables (const char *markdown,
                const PyprepRenderSource *src,
                GPtrArray  *tables)
{
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  guint n = g_strv_length (lines);
  GString *out = g_string_new (NULL);
  char fence_char = 0;
  gsize fence_len = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *line = lines[i];
      const char *t = line;
      gsize run = 0;

      while (*t == ' ')
        t++;
      if (*t == '`' || *t == '~')
        while (t[run] == *t)
          run++;

      if (fence_char != 0)
        {
          if (run >= fence_len && t[0] == fence_char)
            fence_char = 0;
        }
      else if (run >= 3)
        {
          fence_char = *t;
          fence_len = run;
        }
      else if (i + 1 < n && is_table_line (line) && is_table_line (lines[i + 1]))
        {
          g_autoptr(GPtrArray) header = split_row (line);
          g_autofree Align *aligns = g_new0 (Align, MAX (header->len, 1));

          if (header->len > 0 && parse_delimiter_row (lines[i + 1], header->len, aligns))
            {
              guint end = i + 2;

              while (end < n && is_table_line (lines[end]))
                end++;
              g_ptr_array_add (tables, render_table (lines + i, end - i, src));
              g_string_append_printf (out, "\n%s%u\n\n", TABLE_PLACEHOLDER, tables->len - 1);
              i = end - 1;
              continue;
            }
        }

      g_string_append (out, line);
      if (i + 1 < n)
        g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

void
pyprep_render_insert_tables (cmark_node *doc,
               GPtrArray  *tables)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  if (tables->len == 0)
    return;

  for (cmark_node *node = cmark_node_first_child (doc); node != NULL; node = cmark_node_next (node))
    {
      cmark_node *text = cmark_node_first_child (node);
      const char *literal;

      if (cmark_node_get_type (node) != CMARK_NODE_PARAGRAPH || text == NULL
          || cmark_node_next (text) != NULL || cmark_node_get_type (text) != CMARK_NODE_TEXT)
        continue;
      literal = cmark_node_get_literal (text);
      if (literal != NULL && g_str_has_prefix (literal, TABLE_PLACEHOLDER))
        g_ptr_array_add (found, node);
    }

  for (guint i = 0; i < found->len; i++)
    {
      cmark_node *paragraph = g_ptr_array_index (found, i);
      const char *literal = cmark_node_get_literal (cmark_node_first_child (paragraph));
      guint64 index = 0;

      if (!g_ascii_string_to_unsigned (literal + strlen (TABLE_PLACEHOLDER), 10, 0,
                                       tables->len - 1, &index, NULL))
        continue;

      {
        cmark_node *block = cmark_node_new (CMARK_NODE_CUSTOM_BLOCK);

        cmark_node_set_on_enter (block, g_ptr_array_index (tables, index));
        cmark_node_set_on_exit (block, "");
        cmark_node_replace (paragraph, block);
        cmark_node_free (paragraph);
      }
    }
}

/* A table cell: one paragraph's worth of Markdown, without the <p>. */
static void
append_inline_markdown (GString    *out,
                        const char *markdown,
                        const PyprepRenderSource *src)
{
  g_autofree char *html = NULL;
  gsize n;

  if (markdown == NULL || *markdown == '\0')
    return;

  html = pyprep_render_markdown_from (markdown, src);
  g_strchomp (html);
  n = strlen (html);
  if (g_str_has_prefix (html, "<p>") && g_str_has_suffix (html, "</p>")
      && strstr (html + 3, "<p>") == NULL)
    g_string_append_len (out, html + 3, n - 7);
  else
    g_string_append (out, html);
}
