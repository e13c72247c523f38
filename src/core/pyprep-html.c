/* pyprep-html.c: the one helper that escapes text for HTML.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every string that reaches a page without going through cmark (titles,
 * topic names, link labels, URLs, labels) passes through here. Quotes are
 * escaped too, so the result is safe inside attribute values as well as in
 * element content.
 */
#include "config.h"

#include "pyprep-html.h"

/**
 * pyprep_html_append_escaped:
 * @out: the string to append to
 * @text: (nullable): UTF-8 text; %NULL appends nothing
 *
 * Appends @text to @out with `&`, `<`, `>`, `"` and `'` replaced by entities.
 * Invalid UTF-8 is replaced by U+FFFD so the page stays well formed.
 */
void
pyprep_html_append_escaped (GString    *out,
                            const char *text)
{
  g_autofree char *valid = NULL;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&#39;");
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }
}

/**
 * pyprep_html_escape:
 * @text: (nullable): UTF-8 text
 *
 * Returns: (transfer full): @text escaped for use in HTML content and
 *   attribute values; an empty string for %NULL
 */
char *
pyprep_html_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  pyprep_html_append_escaped (out, text);

  return g_string_free (out, FALSE);
}
