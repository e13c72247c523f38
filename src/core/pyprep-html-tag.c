/* pyprep-html-tag.c: a small reader for the tags in raw HTML that notes carry.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Notes written in Typora keep their pictures as raw HTML
 * (`<img src="res/x.png" style="zoom:50%;">`), which cmark hands over as
 * plain strings. This file reads the tags out of such a string the way the
 * tokenizer of the HTML standard does, in the parts that matter here: tag
 * and attribute names in any case; values in double, single or no quotes;
 * `/>` endings; character references in values; comments and declarations
 * skipped; and the text of elements such as <script> or <textarea>, which
 * holds no tags, skipped too. A tag cut off by the end of the string is no
 * tag: it and everything after it are dropped, as a browser drops them.
 *
 * Nothing here decides what is safe. The renderer builds elements of its
 * own from the few attribute values it wants, and never passes the
 * original HTML on.
 */
#include "config.h"

#include <string.h>

#include "pyprep-html-tag.h"

/* Attributes past this many are dropped: a picture needs four, and
 * finding repeated names stays cheap. */
#define MAX_ATTRIBUTES 64

typedef struct
{
  const char *p;
  const char *end;
} Cursor;

/* Elements whose content is text, never tags: an `<img` inside a <script>
 * or a <textarea> is not an image. */
static const char *const raw_text_elements[] = {
  "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
};

static const struct
{
  const char *name;
  const char *text;
} named_references[] = {
  { "amp;", "&" },
  { "lt;", "<" },
  { "gt;", ">" },
  { "quot;", "\"" },
  { "apos;", "'" },
  { "nbsp;", "\xc2\xa0" },
};

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void
skip_space (Cursor *c)
{
  while (c->p < c->end && is_space (*c->p))
    c->p++;
}

/* Appends the character reference at @p ('&') to @out and returns what
 * follows it; a '&' that starts no reference is itself. */
static const char *
append_reference (GString    *out,
                  const char *p,
                  const char *end)
{
  const char *q = p + 1;

  if (q < end && *q == '#')
    {
      gboolean hex;
      const char *digits;
      gunichar code = 0;

      q++;
      hex = q < end && (*q == 'x' || *q == 'X');
      if (hex)
        q++;
      for (digits = q; q < end && (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q)); q++)
        if (code <= 0x10FFFF)
          code = code * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*q) : *q - '0');
      if (q == digits)
        {
          g_string_append_c (out, '&');
          return p + 1;
        }
      if (q < end && *q == ';')
        q++;
      /* As the standard says: NUL, surrogates and numbers beyond Unicode
       * become the replacement character. */
      if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        code = 0xFFFD;
      g_string_append_unichar (out, code);
      return q;
    }

  for (guint i = 0; i < G_N_ELEMENTS (named_references); i++)
    {
      gsize n = strlen (named_references[i].name);

      if ((gsize) (end - q) >= n && strncmp (q, named_references[i].name, n) == 0)
        {
          g_string_append (out, named_references[i].text);
          return q + n;
        }
    }
  g_string_append_c (out, '&');
  return p + 1;
}

static char *
decode (const char *start,
        const char *stop)
{
  GString *out = g_string_sized_new (stop - start);

  while (start < stop)
    {
      const char *amp = memchr (start, '&', stop - start);

      if (amp == NULL)
        {
          g_string_append_len (out, start, stop - start);
          break;
        }
      g_string_append_len (out, start, amp - start);
      start = append_reference (out, amp, stop);
    }
  return g_string_free (out, FALSE);
}

/* Reads an attribute's value after its '=' and the spaces after it.
 * Returns FALSE when the string ends first. */
static gboolean
read_value (Cursor  *c,
            char   **value)
{
  const char *start;

  if (c->p >= c->end)
    return FALSE;
  if (*c->p == '"' || *c->p == '\'')
    {
      const char *close = memchr (c->p + 1, *c->p, c->end - c->p - 1);

      if (close == NULL)
        return FALSE;
      *value = decode (c->p + 1, close);
      c->p = close + 1;
      return TRUE;
    }
  /* Unquoted: up to a space or the tag's end; a '/' belongs to it. */
  for (start = c->p; c->p < c->end && !is_space (*c->p) && *c->p != '>'; c->p++)
    ;
  *value = decode (start, c->p);
  return TRUE;
}

static void
add_attribute (PyprepHtmlTag *tag,
               char          *name,
               char          *value)
{
  /* A repeated attribute is ignored, as browsers ignore it. */
  if (tag->attributes->len >= 2 * MAX_ATTRIBUTES || pyprep_html_tag_get (tag, name) != NULL)
    {
      g_free (name);
      g_free (value);
      return;
    }
  g_ptr_array_add (tag->attributes, name);
  g_ptr_array_add (tag->attributes, value != NULL ? value : g_strdup (""));
}

/* Reads a tag's attributes and its end, from just after its name.
 * Returns FALSE when the string ends first. */
static gboolean
read_attributes (Cursor        *c,
                 PyprepHtmlTag *tag)
{
  for (;;)
    {
      const char *start;
      char *name;
      char *value = NULL;

      for (; c->p < c->end && (is_space (*c->p) || *c->p == '/'); c->p++)
        if (*c->p == '/' && c->p + 1 < c->end && c->p[1] == '>')
          {
            tag->self_closing = TRUE;
            c->p += 2;
            return TRUE;
          }
      if (c->p >= c->end)
        return FALSE;
      if (*c->p == '>')
        {
          c->p++;
          return TRUE;
        }

      /* A name's first character may be anything, '=' included. */
      for (start = c->p++; c->p < c->end && !is_space (*c->p) && *c->p != '/' && *c->p != '>'
                           && *c->p != '='; c->p++)
        ;
      name = g_ascii_strdown (start, c->p - start);
      skip_space (c);
      if (c->p < c->end && *c->p == '=')
        {
          c->p++;
          skip_space (c);
          if (!read_value (c, &value))
            {
              g_free (name);
              return FALSE;
            }
        }
      add_attribute (tag, name, value);
    }
}

/* Reads the start or end tag at c->p ("<x" or "</x", x a letter). */
static PyprepHtmlTag *
read_tag (Cursor *c)
{
  g_autoptr(PyprepHtmlTag) tag = g_new0 (PyprepHtmlTag, 1);
  const char *start;

  c->p++;
  if (*c->p == '/')
    {
      tag->closing = TRUE;
      c->p++;
    }
  for (start = c->p; c->p < c->end && !is_space (*c->p) && *c->p != '/' && *c->p != '>'; c->p++)
    ;
  tag->name = g_ascii_strdown (start, c->p - start);
  tag->attributes = g_ptr_array_new_with_free_func (g_free);
  if (!read_attributes (c, tag))
    return NULL;
  if (tag->closing)
    {
      /* An end tag's attributes mean nothing. */
      g_ptr_array_set_size (tag->attributes, 0);
      tag->self_closing = FALSE;
    }
  return g_steal_pointer (&tag);
}

static const char *
find (const char *start,
      const char *end,
      const char *needle)
{
  gsize n = strlen (needle);

  for (const char *q = start; (q = memchr (q, needle[0], end - q)) != NULL; q++)
    if ((gsize) (end - q) >= n && memcmp (q, needle, n) == 0)
      return q;
  return NULL;
}

/* Moves past the comment, declaration or processing instruction at c->p
 * ("<!", "<?" or "</" not followed by a letter); to the end of the string
 * when it is not closed. */
static void
skip_markup (Cursor *c)
{
  const char *close;

  if (c->end - c->p >= 4 && memcmp (c->p, "<!--", 4) == 0)
    {
      const char *body = c->p + 4;
      const char *bang;

      /* `<!-->` and `<!--->` are whole comments. */
      if (body < c->end && *body == '>')
        close = body - 2;
      else if (c->end - body >= 2 && memcmp (body, "->", 2) == 0)
        close = body - 1;
      else
        close = find (body, c->end, "-->");
      bang = find (body, c->end, "--!>");
      if (bang != NULL && (close == NULL || bang < close))
        c->p = bang + 4;
      else
        c->p = close != NULL ? close + 3 : c->end;
      return;
    }
  close = memchr (c->p, '>', c->end - c->p);
  c->p = close != NULL ? close + 1 : c->end;
}

/* Moves to the end tag of the raw-text element @name, or to the end. */
static void
skip_raw_text (Cursor     *c,
               const char *name)
{
  gsize n = strlen (name);

  for (const char *q = c->p; (q = memchr (q, '<', c->end - q)) != NULL; q++)
    if ((gsize) (c->end - q) >= n + 3 && q[1] == '/' && g_ascii_strncasecmp (q + 2, name, n) == 0
        && (is_space (q[n + 2]) || q[n + 2] == '/' || q[n + 2] == '>'))
      {
        c->p = q;
        return;
      }
  c->p = c->end;
}

/**
 * pyprep_html_tag_next:
 * @html: raw HTML
 * @length: its length in bytes
 * @pos: (inout): where to start reading; on return, just after the tag
 *
 * Finds the next start or end tag in @html from @pos, passing over text,
 * comments, declarations and the content of raw-text elements.
 *
 * Returns: (transfer full) (nullable): the tag, or %NULL when no readable
 *   tag is left (@pos is then @length)
 */
PyprepHtmlTag *
pyprep_html_tag_next (const char *html,
                      gsize       length,
                      gsize      *pos)
{
  Cursor c;

  g_return_val_if_fail (html != NULL || length == 0, NULL);
  g_return_val_if_fail (pos != NULL, NULL);

  c.p = html + MIN (*pos, length);
  c.end = html + length;
  while (c.p < c.end && (c.p = memchr (c.p, '<', c.end - c.p)) != NULL)
    {
      char next = c.p + 1 < c.end ? c.p[1] : '\0';
      char after = c.p + 2 < c.end ? c.p[2] : '\0';

      if (g_ascii_isalpha (next) || (next == '/' && g_ascii_isalpha (after)))
        {
          PyprepHtmlTag *tag = read_tag (&c);

          if (tag == NULL)
            break;
          for (guint i = 0; !tag->closing && i < G_N_ELEMENTS (raw_text_elements); i++)
            if (g_str_equal (tag->name, raw_text_elements[i]))
              skip_raw_text (&c, tag->name);
          *pos = c.p - html;
          return tag;
        }
      if (next == '!' || next == '?' || next == '/')
        skip_markup (&c);
      else
        c.p++;
    }

  *pos = length;
  return NULL;
}

/**
 * pyprep_html_tag_get:
 * @tag: a tag
 * @name: an attribute's name, in lower case
 *
 * Returns: (transfer none) (nullable): the attribute's value, "" when it
 *   was written without one, %NULL when @tag does not have it
 */
const char *
pyprep_html_tag_get (const PyprepHtmlTag *tag,
                     const char          *name)
{
  g_return_val_if_fail (tag != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i + 1 < tag->attributes->len; i += 2)
    if (g_str_equal (g_ptr_array_index (tag->attributes, i), name))
      return g_ptr_array_index (tag->attributes, i + 1);
  return NULL;
}

/**
 * pyprep_html_tag_is:
 * @tag: a tag
 * @name: an element's name, in lower case
 * @closing: whether an end tag is meant
 *
 * Returns: whether @tag is the start (or end) tag of @name
 */
gboolean
pyprep_html_tag_is (const PyprepHtmlTag *tag,
                    const char          *name,
                    gboolean             closing)
{
  g_return_val_if_fail (tag != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return tag->closing == closing && g_str_equal (tag->name, name);
}

/**
 * pyprep_html_tag_free:
 * @tag: (nullable): a tag
 */
void
pyprep_html_tag_free (PyprepHtmlTag *tag)
{
  if (tag == NULL)
    return;
  g_free (tag->name);
  g_clear_pointer (&tag->attributes, g_ptr_array_unref);
  g_free (tag);
}
