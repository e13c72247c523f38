/* pyprep-pango.c: turns a user's Markdown (annotations) into safe Pango markup.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Annotations are shown in GTK labels, not in the web view. cmark parses
 * them; every piece of text is escaped with g_markup_escape_text(), and
 * only a fixed set of tags is ever produced, so nothing the user types can
 * become markup. Links become clickable only for web and mail addresses.
 */
#include "config.h"

#include <string.h>

#include <cmark.h>

#include "pyprep-pango.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_node, cmark_node_free)

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;
  escaped = g_markup_escape_text (text, -1);
  g_string_append (out, escaped);
}

static gboolean
is_web_link (const char *url)
{
  return url != NULL
         && (g_ascii_strncasecmp (url, "https://", 8) == 0
             || g_ascii_strncasecmp (url, "http://", 7) == 0
             || g_ascii_strncasecmp (url, "mailto:", 7) == 0);
}

static void render_inlines (GString *out, cmark_node *parent);
static void render_blocks (GString *out, cmark_node *parent, const char *indent);

static void
render_inlines (GString    *out,
                cmark_node *parent)
{
  for (cmark_node *node = cmark_node_first_child (parent); node != NULL; node = cmark_node_next (node))
    {
      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
          /* Inline HTML is shown as the text it is. */
          append_escaped (out, cmark_node_get_literal (node));
          break;
        case CMARK_NODE_CODE:
          g_string_append (out, "<tt>");
          append_escaped (out, cmark_node_get_literal (node));
          g_string_append (out, "</tt>");
          break;
        case CMARK_NODE_SOFTBREAK:
          g_string_append_c (out, ' ');
          break;
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, '\n');
          break;
        case CMARK_NODE_EMPH:
          g_string_append (out, "<i>");
          render_inlines (out, node);
          g_string_append (out, "</i>");
          break;
        case CMARK_NODE_STRONG:
          g_string_append (out, "<b>");
          render_inlines (out, node);
          g_string_append (out, "</b>");
          break;
        case CMARK_NODE_LINK:
          if (is_web_link (cmark_node_get_url (node)))
            {
              g_string_append (out, "<a href=\"");
              append_escaped (out, cmark_node_get_url (node));
              g_string_append (out, "\">");
              render_inlines (out, node);
              g_string_append (out, "</a>");
            }
          else
            render_inlines (out, node);
          break;
        case CMARK_NODE_IMAGE:
          /* Images are not shown; their description is. */
          render_inlines (out, node);
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
        default:
          break;
        }
    }
}

static void
separate (GString *out)
{
  if (out->len > 0 && !g_str_has_suffix (out->str, "\n\n"))
    g_string_append (out, g_str_has_suffix (out->str, "\n") ? "\n" : "\n\n");
}

static void
render_blocks (GString    *out,
               cmark_node *parent,
               const char *indent)
{
  for (cmark_node *node = cmark_node_first_child (parent); node != NULL; node = cmark_node_next (node))
    {
      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_PARAGRAPH:
          separate (out);
          g_string_append (out, indent);
          render_inlines (out, node);
          break;
        case CMARK_NODE_HEADING:
          separate (out);
          g_string_append (out, indent);
          g_string_append (out, "<b>");
          render_inlines (out, node);
          g_string_append (out, "</b>");
          break;
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
          {
            g_autofree char *literal = g_strdup (cmark_node_get_literal (node));

            separate (out);
            g_strchomp (literal);
            g_string_append (out, "<tt>");
            append_escaped (out, literal);
            g_string_append (out, "</tt>");
          }
          break;
        case CMARK_NODE_BLOCK_QUOTE:
          {
            g_autofree char *deeper = g_strconcat (indent, "│ ", NULL);

            render_blocks (out, node, deeper);
          }
          break;
        case CMARK_NODE_LIST:
          {
            int number = cmark_node_get_list_start (node);
            gboolean ordered = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST;

            separate (out);
            for (cmark_node *item = cmark_node_first_child (node); item != NULL; item = cmark_node_next (item))
              {
                g_autofree char *bullet = ordered ? g_strdup_printf ("%d. ", number++) : g_strdup ("• ");
                g_autofree char *deeper = g_strconcat (indent, "   ", NULL);
                GString *item_out = g_string_new (NULL);

                render_blocks (item_out, item, "");
                g_strstrip (item_out->str);
                if (!g_str_has_suffix (out->str, "\n") && out->len > 0)
                  g_string_append_c (out, '\n');
                g_string_append (out, indent);
                g_string_append (out, bullet);
                /* Continuation lines of an item line up under its text. */
                {
                  g_auto(GStrv) lines = g_strsplit (item_out->str, "\n", -1);

                  for (guint i = 0; lines[i] != NULL; i++)
                    {
                      if (i > 0)
                        {
                          g_string_append_c (out, '\n');
                          if (*lines[i] != '\0')
                            g_string_append (out, deeper);
                        }
                      g_string_append (out, lines[i]);
                    }
                }
                g_string_free (item_out, TRUE);
              }
          }
          break;
        case CMARK_NODE_THEMATIC_BREAK:
          separate (out);
          g_string_append (out, "───");
          break;
        case CMARK_NODE_NONE:
        case CMARK_NODE_DOCUMENT:
        case CMARK_NODE_ITEM:
        case CMARK_NODE_CUSTOM_BLOCK:
        case CMARK_NODE_TEXT:
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_CUSTOM_INLINE:
        case CMARK_NODE_EMPH:
        case CMARK_NODE_STRONG:
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
        default:
          break;
        }
    }
}

/**
 * pyprep_markdown_to_pango:
 * @markdown: untrusted Markdown
 *
 * Returns: (transfer full): Pango markup showing @markdown, safe to give to
 *   gtk_label_set_markup()
 */
char *
pyprep_markdown_to_pango (const char *markdown)
{
  g_autoptr(cmark_node) doc = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (markdown != NULL, NULL);

  doc = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8);
  render_blocks (out, doc, "");
  g_strchomp (out->str);
  out->len = strlen (out->str);

  return g_string_free (out, FALSE);
}
