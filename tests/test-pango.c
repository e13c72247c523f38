/* test-pango.c: annotations' Markdown becomes safe Pango markup.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-pango.h"

static const struct
{
  const char *markdown;
  const char *markup;
} cases[] = {
  { "plain", "plain" },
  { "**bold** and *it*", "<b>bold</b> and <i>it</i>" },
  { "`x < y`", "<tt>x &lt; y</tt>" },
  { "a & b", "a &amp; b" },
  { "one\n\ntwo", "one\n\ntwo" },
  { "- a\n- b", "• a\n• b" },
  { "1. a\n2. b", "1. a\n2. b" },
  { "# Title", "<b>Title</b>" },
  { "> quoted", "│ quoted" },
  { "```\n<b>code</b>\n```", "<tt>&lt;b&gt;code&lt;/b&gt;</tt>" },
  { "[docs](https://docs.python.org/)", "<a href=\"https://docs.python.org/\">docs</a>" },
  /* Attacks: markup and unsafe links stay text. */
  { "<span foreground=\"red\">x</span>", "&lt;span foreground=&quot;red&quot;&gt;x&lt;/span&gt;" },
  { "<b>raw</b>", "&lt;b&gt;raw&lt;/b&gt;" },
  { "[x](file:///etc/passwd)", "x" },
  { "[x](javascript:alert(1))", "x" },
  { "[x](https://a.example/\"><b>)", "<a href=\"https://a.example/&quot;&gt;&lt;b&gt;\">x</a>" },
  { "![alt text](https://example.com/i.png)", "alt text" },
  { "中文 **粗体**", "中文 <b>粗体</b>" },
};

static gboolean
well_formed (const char *markup)
{
  static const GMarkupParser parser = { NULL, NULL, NULL, NULL, NULL };
  g_autofree char *wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);

  return g_markup_parse_context_parse (context, wrapped, -1, NULL)
         && g_markup_parse_context_end_parse (context, NULL);
}

static void
test_pango_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = pyprep_markdown_to_pango (cases[i].markdown);

      g_test_message ("%s", cases[i].markdown);
      g_assert_cmpstr (markup, ==, cases[i].markup);
      g_assert_true (well_formed (markup));
    }
}

static void
test_pango_invalid_utf8 (void)
{
  g_autofree char *markup = pyprep_markdown_to_pango ("bad \xff byte");

  g_assert_true (g_utf8_validate (markup, -1, NULL));
  g_assert_true (well_formed (markup));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/pango/table", test_pango_table);
  g_test_add_func ("/pyprep/pango/invalid-utf8", test_pango_invalid_utf8);

  return g_test_run ();
}
