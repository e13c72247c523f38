/* pyprep-highlight.c: a Python tokenizer that colours code blocks for the reader.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a parser: it recognises what a reader's eye looks for (keywords,
 * built-ins, strings with every prefix including f-strings and triple
 * quotes, numbers, comments, decorators) and escapes everything else. It
 * never fails: unterminated strings run to the end, invalid UTF-8 is
 * replaced, and the output is always balanced HTML.
 */
#include "config.h"

#include <string.h>

#include "pyprep-highlight.h"
#include "pyprep-html.h"

static const char * const keywords[] = {
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
  "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
  "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
  "return", "try", "while", "with", "yield", NULL
};

/* Soft keywords only count at the start of a statement. */
static const char * const soft_keywords[] = { "match", "case", "type", NULL };

static const char * const builtins[] = {
  "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray",
  "bytes", "callable", "chr", "classmethod", "compile", "complex", "delattr", "dict", "dir",
  "divmod", "enumerate", "eval", "exec", "filter", "float", "format", "frozenset", "getattr",
  "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance",
  "issubclass", "iter", "len", "list", "locals", "map", "max", "memoryview", "min", "next",
  "object", "oct", "open", "ord", "pow", "print", "property", "range", "repr", "reversed",
  "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super",
  "tuple", "type", "vars", "zip", "__import__", "self", "cls", "NotImplemented", "Ellipsis",
  "__name__", "__file__", "__doc__",
  "BaseException", "Exception", "ArithmeticError", "AssertionError", "AttributeError",
  "EOFError", "ImportError", "ModuleNotFoundError", "IndexError", "KeyError",
  "KeyboardInterrupt", "MemoryError", "NameError", "NotImplementedError", "OSError",
  "OverflowError", "RecursionError", "RuntimeError", "StopIteration", "StopAsyncIteration",
  "SyntaxError", "SystemExit", "TypeError", "ValueError", "ZeroDivisionError",
  "FileNotFoundError", "PermissionError", "TimeoutError", "UnicodeError",
  "UnicodeDecodeError", "UnicodeEncodeError", "DeprecationWarning", "Warning",
  "ExceptionGroup", "BaseExceptionGroup", NULL
};

static gboolean
in_list (const char * const *list,
         const char         *word,
         gsize               length)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strlen (list[i]) == length && strncmp (list[i], word, length) == 0)
      return TRUE;
  return FALSE;
}

/* "match x:" is a statement; "match = 2" and "match.group()" are names. */
static gboolean
soft_keyword_here (const char *word,
                   gsize       length,
                   const char *after,
                   const char *end)
{
  const char *q = after;

  if (!in_list (soft_keywords, word, length) || q >= end || (*q != ' ' && *q != '\t'))
    return FALSE;
  while (q < end && (*q == ' ' || *q == '\t'))
    q++;
  if (q >= end || strchr ("=.,):;", *q) != NULL)
    return q + 1 < end && q[0] == '=' && q[1] == '=';
  return TRUE;
}

static gboolean
is_ident_start (char c)
{
  /* Non-ASCII bytes are part of identifiers (PEP 3131). */
  return g_ascii_isalpha (c) || c == '_' || (guchar) c >= 0x80;
}

static gboolean
is_ident_char (char c)
{
  return is_ident_start (c) || g_ascii_isdigit (c);
}

static void
span (GString    *out,
      const char *kind,
      const char *text,
      gsize       length)
{
  g_autofree char *piece = g_strndup (text, length);

  g_string_append_printf (out, "<span class=\"tok-%s\">", kind);
  pyprep_html_append_escaped (out, piece);
  g_string_append (out, "</span>");
}

static void
plain (GString    *out,
       const char *text,
       gsize       length)
{
  g_autofree char *piece = g_strndup (text, length);

  pyprep_html_append_escaped (out, piece);
}

static void highlight_range (GString *out, const char *code, gsize length, gboolean nested);

/* The length of a string prefix (r, b, u, f, t and their pairs) at @p, if a
 * quote follows it; 0 otherwise. */
static gsize
string_prefix (const char *p,
               const char *end)
{
  gsize n = 0;

  while (p + n < end && n < 2 && strchr ("rRbBuUfFtT", p[n]) != NULL)
    n++;
  if (p + n < end && (p[n] == '"' || p[n] == '\''))
    return n;
  return 0;
}

/* Finds where a replacement field {…} of an f-string ends: at the matching
 * brace, skipping nested braces and strings. Returns the offset of '}' or
 * the end. */
static gsize
field_end (const char *s,
           gsize       length)
{
  int depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = s[i];

      if (c == '"' || c == '\'')
        {
          /* A nested string: skip to its closing quote. */
          for (i++; i < length && s[i] != c; i++)
            if (s[i] == '\\')
              i++;
        }
      else if (c == '{' || c == '[' || c == '(')
        depth++;
      else if ((c == '}' || c == ']' || c == ')') && depth > 0)
        depth--;
      else if (c == '}')
        return i;
    }
  return length;
}

/* Emits a string token starting at @p (prefix included); returns its length. */
static gsize
string_token (GString    *out,
              const char *p,
              const char *end)
{
  gsize prefix = string_prefix (p, end);
  gboolean formatted = FALSE;
  const char *q = p + prefix;
  char quote = *q;
  gboolean triple = q + 2 < end && q[1] == quote && q[2] == quote;
  gsize open = triple ? 3 : 1;
  const char *body = q + open;
  const char *cursor = body;
  const char *literal = p;

  for (gsize i = 0; i < prefix; i++)
    {
      formatted |= p[i] == 'f' || p[i] == 'F' || p[i] == 't' || p[i] == 'T';
    }

  while (cursor < end)
    {
      /* A backslash keeps the next character, quotes included, from
       * ending the string; in raw strings too. */
      if (*cursor == '\\' && cursor + 1 < end)
        {
          cursor += 2;
          continue;
        }
      if (!triple && *cursor == '\n')
        break;
      if (*cursor == quote && (!triple || (cursor + 2 < end && cursor[1] == quote && cursor[2] == quote)))
        {
          cursor += triple ? 3 : 1;
          span (out, "str", literal, cursor - literal);
          return cursor - p;
        }
      if (formatted && *cursor == '{')
        {
          if (cursor + 1 < end && cursor[1] == '{')
            {
              cursor += 2;
              continue;
            }
          /* Literal text so far, then the field as code. */
          span (out, "str", literal, cursor + 1 - literal);
          {
            gsize inner = field_end (cursor + 1, end - cursor - 1);

            g_string_append (out, "<span class=\"tok-interp\">");
            highlight_range (out, cursor + 1, inner, TRUE);
            g_string_append (out, "</span>");
            cursor += 1 + inner;
            literal = cursor;
            if (cursor < end)
              cursor++;
          }
          continue;
        }
      cursor++;
    }

  /* Unterminated: the rest of the line (or text) is the string. */
  span (out, "str", literal, cursor - literal);
  return cursor - p;
}

static gsize
number_token (const char *p,
              const char *end)
{
  const char *q = p;

  if (q + 1 < end && q[0] == '0' && strchr ("xXoObB", q[1]) != NULL)
    {
      q += 2;
      while (q < end && (g_ascii_isxdigit (*q) || *q == '_'))
        q++;
      return q - p;
    }

  while (q < end && (g_ascii_isdigit (*q) || *q == '_'))
    q++;
  if (q < end && *q == '.')
    {
      q++;
      while (q < end && (g_ascii_isdigit (*q) || *q == '_'))
        q++;
    }
  if (q < end && (*q == 'e' || *q == 'E')
      && ((q + 1 < end && g_ascii_isdigit (q[1]))
          || (q + 2 < end && (q[1] == '+' || q[1] == '-') && g_ascii_isdigit (q[2]))))
    {
      q += 2;
      while (q < end && (g_ascii_isdigit (*q) || *q == '_'))
        q++;
    }
  if (q < end && (*q == 'j' || *q == 'J'))
    q++;
  return q - p;
}

static void
highlight_range (GString    *out,
                 const char *code,
                 gsize       length,
                 gboolean    nested)
{
  const char *p = code;
  const char *end = code + length;
  gboolean line_start = !nested;
  gboolean after_def = FALSE;

  while (p < end)
    {
      char c = *p;
      gsize prefix;

      if (c == '\n')
        {
          g_string_append_c (out, '\n');
          line_start = TRUE;
          p++;
          continue;
        }
      if (c == ' ' || c == '\t')
        {
          g_string_append_c (out, c);
          p++;
          continue;
        }

      if (c == '#')
        {
          const char *eol = memchr (p, '\n', end - p);
          gsize n = eol != NULL ? (gsize) (eol - p) : (gsize) (end - p);

          span (out, "com", p, n);
          p += n;
          continue;
        }

      if (c == '@' && line_start)
        {
          /* A decorator: @name or @dotted.name at the start of a line. */
          const char *q = p + 1;

          while (q < end && (is_ident_char (*q) || *q == '.'))
            q++;
          span (out, "deco", p, q - p);
          p = q;
          line_start = FALSE;
          continue;
        }

      if ((prefix = string_prefix (p, end)) > 0 || c == '"' || c == '\'')
        {
          p += string_token (out, p, end);
          line_start = FALSE;
          continue;
        }

      if (g_ascii_isdigit (c) || (c == '.' && p + 1 < end && g_ascii_isdigit (p[1])))
        {
          gsize n = number_token (p, end);

          span (out, "num", p, n);
          p += n;
          line_start = FALSE;
          continue;
        }

      if (is_ident_start (c))
        {
          const char *q = p;
          gsize n;

          while (q < end && is_ident_char (*q))
            q++;
          n = q - p;

          if (after_def)
            span (out, "def", p, n);
          else if (in_list (keywords, p, n) || (line_start && soft_keyword_here (p, n, q, end)))
            span (out, "kw", p, n);
          else if (in_list (builtins, p, n) && !(p > code && p[-1] == '.'))
            span (out, "builtin", p, n);
          else
            plain (out, p, n);

          after_def = (n == 3 && strncmp (p, "def", 3) == 0) || (n == 5 && strncmp (p, "class", 5) == 0);
          p = q;
          line_start = FALSE;
          continue;
        }

      plain (out, p, 1);
      after_def = FALSE;
      line_start = FALSE;
      p++;
    }
}

/**
 * pyprep_highlight_python:
 * @code: Python source, untrusted
 *
 * Returns: (transfer full): @code as HTML, escaped, with `<span
 *   class="tok-…">` around keywords, built-ins, strings, numbers,
 *   comments, decorators and defined names
 */
char *
pyprep_highlight_python (const char *code)
{
  g_autofree char *valid = NULL;
  GString *out;

  g_return_val_if_fail (code != NULL, NULL);

  if (!g_utf8_validate (code, -1, NULL))
    code = valid = g_utf8_make_valid (code, -1);

  out = g_string_sized_new (strlen (code) * 2);
  highlight_range (out, code, strlen (code), FALSE);
  return g_string_free (out, FALSE);
}
