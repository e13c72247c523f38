/* test-annotation.c: how an annotation's quote is shown.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-annotation.h"

typedef struct
{
  const char *quote;
  const char *shown;
} QuoteCase;

/* A selection keeps the source's line breaks inside a paragraph; the page
 * shows them as spaces, or as nothing inside Chinese text. */
static void
test_quote_text (void)
{
  static const QuoteCase cases[] = {
    { "one line", "one line" },
    { "A list is a dynamic\narray of references.", "A list is a dynamic array of references." },
    { "ends with a break  \n  then goes on", "ends with a break then goes on" },
    { "垃圾回收靠引用\n计数", "垃圾回收靠引用计数" },
    { "CPython 用引用\ncounting", "CPython 用引用 counting" },
    { "First paragraph.\n\nSecond\nparagraph.", "First paragraph.\n\nSecond paragraph." },
    { "\nleading and trailing\n", "leading and trailing" },
    { "windows\r\nline end", "windows line end" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = pyprep_annotation_dup_quote_text (cases[i].quote);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/annotation/quote-text", test_quote_text);

  return g_test_run ();
}
