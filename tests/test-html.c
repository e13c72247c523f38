/* test-html.c: the HTML escaping helper.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-html.h"

static const struct
{
  const char *input;
  const char *expected;
} cases[] = {
  { "", "" },
  { "plain text", "plain text" },
  { "a < b && c > d", "a &lt; b &amp;&amp; c &gt; d" },
  { "\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;" },
  { "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;" },
  { "\" onerror=\"alert(1)", "&quot; onerror=&quot;alert(1)" },
  { "&amp; stays escaped", "&amp;amp; stays escaped" },
  { "中文 <标题>", "中文 &lt;标题&gt;" },
  { "bad \xff byte", "bad \xef\xbf\xbd byte" },
};

static void
test_html_escape_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = pyprep_html_escape (cases[i].input);

      g_assert_cmpstr (escaped, ==, cases[i].expected);
    }
}

static void
test_html_escape_null (void)
{
  g_autofree char *escaped = pyprep_html_escape (NULL);
  GString *out = g_string_new ("x");

  g_assert_cmpstr (escaped, ==, "");
  pyprep_html_append_escaped (out, NULL);
  g_assert_cmpstr (out->str, ==, "x");
  g_string_free (out, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/html/escape-table", test_html_escape_table);
  g_test_add_func ("/pyprep/html/escape-null", test_html_escape_null);

  return g_test_run ();
}
