/* pyprep-search-text.c: the text searches compare, and the text snippets show.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Queries and entries are compared normalized (NFKC, then case folded), one
 * character at a time so that a match found in the normalized text can be
 * placed back in the snippet. Snippets show entries with Markdown's markup
 * taken out where it is markup.
 */
#include "config.h"

#include <string.h>

#include "pyprep-search.h"
#include "pyprep-search-private.h"

/* Appends the normalized form of the character at @p (NFKC, then case
 * folded) and returns how many characters that is. One character at a
 * time, so that an offset in the normalized text leads back to the
 * character it came from (_pyprep_search_clean_offset()): a few become several, such as
 * "…" ("...") or "ß" ("ss"). */
static glong
append_normalized (GString    *out,
                   const char *p)
{
  const char *next = g_utf8_next_char (p);
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;

  gunichar c;

  if ((guchar) *p < 0x80)
    {
      g_string_append_c (out, g_ascii_tolower (*p));
      return 1;
    }
  /* Chinese text is mostly CJK ideographs, which both steps leave alone. */
  c = g_utf8_get_char (p);
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF))
    {
      g_string_append_len (out, p, next - p);
      return 1;
    }
  nfkc = g_utf8_normalize (p, next - p, G_NORMALIZE_NFKC);
  folded = nfkc != NULL ? g_utf8_casefold (nfkc, -1) : g_utf8_casefold (p, next - p);
  g_string_append (out, folded);
  return g_utf8_strlen (folded, -1);
}

/* The offset, in characters of @clean, of the character whose normalized
 * form holds character @norm_offset of pyprep_search_normalize (@clean). */
glong
_pyprep_search_clean_offset (const char *clean,
                             glong       norm_offset)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  glong norm = 0, offset = 0;

  for (const char *p = clean; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      g_string_truncate (scratch, 0);
      norm += append_normalized (scratch, p);
      if (norm > norm_offset)
        return offset;
    }
  return offset;
}

/**
 * pyprep_search_normalize:
 * @text: UTF-8 text (invalid bytes are replaced)
 *
 * Returns: (transfer full): @text in the form searches compare: NFKC, so
 *   full-width Latin letters, digits and punctuation become half-width,
 *   then case-folded
 */
char *
pyprep_search_normalize (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    append_normalized (out, p);
  return g_string_free (out, FALSE);
}

/**
 * pyprep_search_split_query:
 * @query: what the user typed
 *
 * Returns: (transfer full): the normalized terms of @query, longest first
 */
GStrv
pyprep_search_split_query (const char *query)
{
  g_autofree char *norm = pyprep_search_normalize (query != NULL ? query : "");
  g_auto(GStrv) parts = g_strsplit_set (g_strstrip (norm), " \t\n", -1);
  GPtrArray *terms = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (terms, g_strdup (parts[i]));

  /* The rarest term is likely the longest; checking it first rules out
   * most entries at once. */
  for (guint i = 1; i < terms->len; i++)
    for (guint j = i; j > 0 && strlen (g_ptr_array_index (terms, j)) > strlen (g_ptr_array_index (terms, j - 1)); j--)
      {
        gpointer t = terms->pdata[j];

        terms->pdata[j] = terms->pdata[j - 1];
        terms->pdata[j - 1] = t;
      }
  g_ptr_array_add (terms, NULL);

  return (GStrv) g_ptr_array_free (terms, FALSE);
}

/* Whether the `[` at @p opens a link or an image: `[text](target)`. */
static const char *
link_text_end (const char *p)
{
  for (const char *q = p + 1; *q != '\0' && *q != '\n' && *q != '['; q++)
    if (*q == ']')
      return q[1] == '(' ? q : NULL;
  return NULL;
}

/* Markdown's markup out, whitespace collapsed: text a snippet can show.
 * What is markup depends on where it stands: `#`, `>` and table pipes only
 * at the start of a line, `[` only where it opens a link, `**` in pairs, so
 * that code keeps its brackets, comparisons and comments. */
char *
_pyprep_search_clean_markdown (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean space = FALSE, line_start = TRUE, table = FALSE;
  const char *link_end = NULL;

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (c == '\n' || c == '\r' || c == '\t' || c == ' ')
        {
          space = out->len > 0;
          if (c == '\n')
            line_start = TRUE, table = FALSE;
          continue;
        }
      if (line_start)
        {
          line_start = FALSE;
          table = c == '|';
          if (c == '#' || c == '>')
            {
              while (p[1] == c)
                p++;
              continue;
            }
        }
      if (c == '|' && table)
        {
          space = out->len > 0;
          continue;
        }
      /* A link shows its text, not its target; an image its alt text. */
      if (c == '!' && p[1] == '[' && link_text_end (p + 1) != NULL)
        continue;
      if (c == '[' && (link_end = link_text_end (p)) != NULL)
        continue;
      if (p == link_end)
        {
          const char *close = strchr (p, ')');

          link_end = NULL;
          if (close != NULL)
            p = close;
          continue;
        }
      if (c == '`' || ((c == '*' || c == '_') && p[1] == c))
        {
          if (c != '`')
            p++;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, c);
    }

  return g_string_free (out, FALSE);
}
