/* pyprep-render-passages.c: the renderer's passages and links: what a page may be scrolled to, and web links that load nothing.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Passages: the passages that an entry's cards and questions name are
 * wrapped in an element of their own, <div class="passage" id="…">, so the
 * reader can scroll to one and mark it; pyprep-passage.c finds them.
 *
 * Web links: WebKit starts connecting to a link's host as soon as a
 * navigation to it begins, before the reader's navigation policy refuses
 * it (issue 24). So no link in a page points at the web: an http, https
 * or mailto link becomes `pyprep://web/<the address, escaped>`, a URI of
 * our own scheme that WebKit hands to the policy without any network
 * work, and the reader gives the address to the user's browser.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pyprep-entry.h"
#include "pyprep-html.h"
#include "pyprep-passage-private.h"
#include "pyprep-render-private.h"

static void
wrap (PyprepPassageSpan *span)
{
  cmark_node *wrapper = cmark_node_new (CMARK_NODE_CUSTOM_BLOCK);
  GString *enter = g_string_new ("<div class=\"passage\" id=\"");
  cmark_node *node = span->first;

  pyprep_html_append_escaped (enter, span->element_id);
  g_string_append (enter, "\">");
  cmark_node_set_on_enter (wrapper, enter->str);
  cmark_node_set_on_exit (wrapper, "</div>");
  g_string_free (enter, TRUE);

  cmark_node_insert_before (span->first, wrapper);
  while (node != NULL)
    {
      cmark_node *next = cmark_node_next (node);
      gboolean done = node == span->last;

      cmark_node_append_child (wrapper, node);
      if (done)
        break;
      node = next;
    }
}

/*
 * pyprep_render_passages:
 * @doc: an entry's parsed text; its `{#anchor}` marks are removed
 * @wanted: the page elements to make, as the entry's cards name them
 *
 * Wraps each passage of @wanted, and each passage with an anchor (a
 * target for the author's own `#anchor` links), in an element of its ID.
 */
void
pyprep_render_passages (cmark_node         *doc,
                        const char * const *wanted)
{
  g_autoptr(GPtrArray) spans = pyprep_passage_spans (doc);
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

  /* The spans come outer first, so a wrapper never takes its own parent. */
  for (guint i = 0; i < spans->len; i++)
    {
      PyprepPassageSpan *span = g_ptr_array_index (spans, i);

      if (g_hash_table_contains (done, span->element_id)
          || (span->anchor == NULL && (wanted == NULL || !g_strv_contains (wanted, span->element_id))))
        continue;
      g_hash_table_add (done, span->element_id);
      wrap (span);
    }
}

static gboolean
is_web (const char *url)
{
  g_autofree char *scheme = url != NULL ? g_uri_parse_scheme (url) : NULL;

  return scheme != NULL && (g_ascii_strcasecmp (scheme, "https") == 0
                            || g_ascii_strcasecmp (scheme, "http") == 0
                            || g_ascii_strcasecmp (scheme, "mailto") == 0);
}

/**
 * pyprep_render_web_link_uri:
 * @url: a link's address
 *
 * Returns: (transfer full) (nullable): the `pyprep://web/…` URI that
 *   stands for @url in a page, or %NULL when @url is no web or mail link
 */
char *
pyprep_render_web_link_uri (const char *url)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  if (!is_web (url))
    return NULL;
  escaped = g_uri_escape_string (url, NULL, FALSE);
  return g_strconcat (PYPREP_WEB_URI_PREFIX, escaped, NULL);
}

/**
 * pyprep_render_web_link_target:
 * @uri: a URI
 *
 * Returns: (transfer full) (nullable): the web or mail address a
 *   `pyprep://web/…` URI stands for, or %NULL when @uri is no such URI
 */
char *
pyprep_render_web_link_target (const char *uri)
{
  g_autofree char *target = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  if (!g_str_has_prefix (uri, PYPREP_WEB_URI_PREFIX))
    return NULL;
  target = g_uri_unescape_string (uri + strlen (PYPREP_WEB_URI_PREFIX), NULL);
  if (target == NULL || !is_web (target))
    return NULL;
  return g_steal_pointer (&target);
}

/*
 * pyprep_render_web_links:
 * @doc: a parsed document, ready to become HTML
 *
 * Turns every web and mail link of @doc into its `pyprep://web/` form.
 */
void
pyprep_render_web_links (cmark_node *doc)
{
  g_autoptr(cmark_iter) iter = cmark_iter_new (doc);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      g_autofree char *uri = NULL;

      if (ev != CMARK_EVENT_ENTER || cmark_node_get_type (node) != CMARK_NODE_LINK)
        continue;
      uri = pyprep_render_web_link_uri (cmark_node_get_url (node) != NULL ? cmark_node_get_url (node) : "");
      if (uri != NULL)
        cmark_node_set_url (node, uri);
    }
}

/*
 * pyprep_render_append_links:
 *
 * Appends the entry's further reading: web links in their `pyprep://web/`
 * form, links to entries, and the rest as text.
 */
void
pyprep_render_append_links (GString     *out,
                            PyprepEntry *entry)
{
  g_string_append (out, "<section class=\"study reading\">\n<h2>");
  pyprep_html_append_escaped (out, _("Further Reading"));
  g_string_append (out, "</h2>\n<ul>\n");
  for (guint i = 0; i < pyprep_entry_get_n_links (entry); i++)
    {
      const PyprepLink *link = pyprep_entry_get_link (entry, i);
      g_autoptr(GUri) uri = g_uri_parse (link->url, G_URI_FLAGS_NONE, NULL);
      g_autofree char *web = pyprep_render_web_link_uri (link->url);

      g_string_append (out, "<li>");
      /* Only web and mail links become links; anything else is shown as
       * text so a deck cannot smuggle in a javascript: or file: URL. */
      if (web != NULL)
        {
          g_string_append (out, "<a href=\"");
          pyprep_html_append_escaped (out, web);
          g_string_append (out, "\">");
          pyprep_html_append_escaped (out, link->title);
          g_string_append (out, "</a>");
          if (uri != NULL && g_uri_get_host (uri) != NULL)
            {
              g_string_append (out, " <span class=\"host\">");
              pyprep_html_append_escaped (out, g_uri_get_host (uri));
              g_string_append (out, "</span>");
            }
        }
      else if (link->url != NULL && g_str_has_prefix (link->url, "entry:"))
        {
          g_autofree char *target = pyprep_render_resolve_entry_link (link->url + strlen ("entry:"),
                                                                      pyprep_entry_get_id (entry));

          g_string_append (out, "<a href=\"");
          pyprep_html_append_escaped (out, target);
          g_string_append (out, "\">");
          pyprep_html_append_escaped (out, link->title);
          g_string_append (out, "</a>");
        }
      else
        {
          pyprep_html_append_escaped (out, link->title);
          g_string_append (out, " <span class=\"host\">");
          pyprep_html_append_escaped (out, link->url);
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n</section>\n");
}
