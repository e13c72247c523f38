/* test-html-tag.c: the tags of raw HTML, read as a browser reads them.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pyprep-html-tag.h"

/* Every tag of @html, one word each: `name[attr=value|…]`, a '/' before
 * the name of an end tag and after a self-closing tag. */
static char *
read_all (const char *html)
{
  GString *out = g_string_new (NULL);
  PyprepHtmlTag *next;
  gsize pos = 0;
  gsize last = 0;

  while ((next = pyprep_html_tag_next (html, strlen (html), &pos)) != NULL)
    {
      g_autoptr(PyprepHtmlTag) tag = next;

      /* The reader always moves on. */
      g_assert_cmpuint (pos, >, last);
      last = pos;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s%s", tag->closing ? "/" : "", tag->name);
      for (guint i = 0; i < tag->attributes->len; i += 2)
        g_string_append_printf (out, "%s%s=%s", i == 0 ? "[" : "|",
                                (char *) g_ptr_array_index (tag->attributes, i),
                                (char *) g_ptr_array_index (tag->attributes, i + 1));
      if (tag->attributes->len > 0)
        g_string_append_c (out, ']');
      if (tag->self_closing)
        g_string_append_c (out, '/');
    }
  g_assert_cmpuint (pos, ==, strlen (html));
  return g_string_free (out, FALSE);
}

static const struct
{
  const char *html;
  const char *tags;
} cases[] = {
  /* Typora's own. */
  { "<img src=\"res/a.png\" style=\"zoom:50%;\" />", "img[src=res/a.png|style=zoom:50%;]/" },
  { "<img src=\"res/a.png\" style=\"zoom:50%;\">", "img[src=res/a.png|style=zoom:50%;]" },
  /* Case: names are lower-cased, values kept. */
  { "<IMG SRC='A.PNG' Alt=Pic>", "img[src=A.PNG|alt=Pic]" },
  /* Quotes: double, single, none; each holding the others. */
  { "<img src='a.png' alt=\"it's\">", "img[src=a.png|alt=it's]" },
  { "<img alt='say \"hi\"' src=a.png>", "img[alt=say \"hi\"|src=a.png]" },
  { "<img src=a.png alt=x>", "img[src=a.png|alt=x]" },
  /* An unquoted value keeps a '/': this is not self-closing. */
  { "<img src=a.png/>", "img[src=a.png/]" },
  { "<img src=\"a.png\"/>", "img[src=a.png]/" },
  { "<img src=\"a.png\" alt='x'/ >", "img[src=a.png|alt=x]" },
  /* Spaces and line breaks anywhere between the parts. */
  { "<img\n\tsrc = \"a.png\"\n  alt =x\n/>", "img[src=a.png|alt=x]/" },
  { "<img src=\"a.png\"alt=\"x\">", "img[src=a.png|alt=x]" },
  /* No value, an empty value, a repeated name, a name starting with '='. */
  { "<img hidden src=\"a.png\">", "img[hidden=|src=a.png]" },
  { "<img src=>", "img[src=]" },
  { "<img src=\"a.png\" src=\"b.png\" SRC=c.png>", "img[src=a.png]" },
  { "<img =x src=a.png>", "img[=x=|src=a.png]" },
  /* Character references in values. */
  { "<img src=\"a&amp;b.png\" alt=\"&lt;&#x41;&#66;&quot;&apos;&unknown;&#0;&#xD800;&#\">",
    "img[src=a&b.png|alt=<AB\"'&unknown;\xef\xbf\xbd\xef\xbf\xbd&#]" },
  /* Wrappers and end tags; an end tag's attributes mean nothing. */
  { "<p align=\"center\"><img src=a.png></p>", "p[align=center] img[src=a.png] /p" },
  { "</div foo=bar>", "/div" },
  /* Text, comments and declarations are passed over. */
  { "a < b > c <1> <img src=a.png>", "img[src=a.png]" },
  { "<!-- <img src=a.png> --><img src=b.png>", "img[src=b.png]" },
  { "<!--><img src=a.png>", "img[src=a.png]" },
  { "<!---><img src=a.png>", "img[src=a.png]" },
  { "<!-- a --!><img src=b.png>", "img[src=b.png]" },
  { "<!DOCTYPE html><?xml version=\"1.0\"?></><img src=a.png>", "img[src=a.png]" },
  { "</ x><img src=a.png>", "img[src=a.png]" },
  /* The text of <script>, <style> or <textarea> holds no tags. */
  { "<script><img src=a.png></script><img src=b.png>", "script /script img[src=b.png]" },
  { "<textarea><img src=a.png></TEXTAREA ><img src=b.png>", "textarea /textarea img[src=b.png]" },
  { "<script>x = '</scriptx>'; y = '<img src=a.png>'</script>", "script /script" },
  { "<style><img src=a.png>", "style" },
  /* What the end of the text cuts off is dropped, with all after it. */
  { "<img src=\"a.png", "" },
  { "<img src=a.png><img src=\"b.png", "img[src=a.png]" },
  { "<img src=a.png alt=", "" },
  { "<img src=a.png", "" },
  { "<!-- <img src=a.png>", "" },
  { "<", "" },
  { "", "" },
};

static void
test_html_tag_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tags = read_all (cases[i].html);

      g_test_message ("html: %s", cases[i].html);
      g_assert_cmpstr (tags, ==, cases[i].tags);
    }
}

/* The reader stops at the length it is given, NUL or not. */
static void
test_html_tag_length (void)
{
  static const char html[] = "<img src=a.png><img src=b.png>";
  gsize pos = 0;
  g_autoptr(PyprepHtmlTag) first = pyprep_html_tag_next (html, 15, &pos);
  g_autoptr(PyprepHtmlTag) second = pyprep_html_tag_next (html, 15, &pos);
  g_autoptr(PyprepHtmlTag) cut = NULL;

  g_assert_nonnull (first);
  g_assert_cmpstr (pyprep_html_tag_get (first, "src"), ==, "a.png");
  g_assert_null (second);
  g_assert_cmpuint (pos, ==, 15);

  pos = 0;
  cut = pyprep_html_tag_next (html, 14, &pos);
  g_assert_null (cut);
  g_assert_cmpuint (pos, ==, 14);
}

static void
test_html_tag_is (void)
{
  gsize pos = 0;
  g_autoptr(PyprepHtmlTag) open = pyprep_html_tag_next ("<IMG SRC=a.png>", 15, &pos);
  g_autoptr(PyprepHtmlTag) close = NULL;

  g_assert_true (pyprep_html_tag_is (open, "img", FALSE));
  g_assert_false (pyprep_html_tag_is (open, "img", TRUE));
  g_assert_false (pyprep_html_tag_is (open, "p", FALSE));
  g_assert_null (pyprep_html_tag_get (open, "alt"));

  pos = 0;
  close = pyprep_html_tag_next ("</P>", 4, &pos);
  g_assert_true (pyprep_html_tag_is (close, "p", TRUE));
}

/* 10,000 tags are read in turn; of a tag with 10,000 attributes, the
 * first 64 are kept. */
static void
test_html_tag_many (void)
{
  GString *html = g_string_new (NULL);
  g_autofree char *tags = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append (html, "<img src=a.png>");
  tags = read_all (html->str);
  g_assert_cmpuint (strlen (tags), ==, 10000 * strlen ("img[src=a.png] ") - 1);

  g_string_assign (html, "<img");
  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (html, " a%u=%u", i, i);
  g_string_append (html, ">");
  {
    gsize pos = 0;
    g_autoptr(PyprepHtmlTag) tag = pyprep_html_tag_next (html->str, html->len, &pos);

    g_assert_nonnull (tag);
    g_assert_cmpuint (tag->attributes->len, ==, 128);
    g_assert_cmpstr (pyprep_html_tag_get (tag, "a63"), ==, "63");
    g_assert_null (pyprep_html_tag_get (tag, "a64"));
    g_assert_cmpuint (pos, ==, html->len);
  }
  g_string_free (html, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/html-tag/cases", test_html_tag_cases);
  g_test_add_func ("/pyprep/html-tag/length", test_html_tag_length);
  g_test_add_func ("/pyprep/html-tag/is", test_html_tag_is);
  g_test_add_func ("/pyprep/html-tag/many", test_html_tag_many);

  return g_test_run ();
}
