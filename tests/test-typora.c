/* test-typora.c: notes written in Typora keep their pictures, and raw HTML stays harmless.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/decks/typora/ is a course kept the way Typora users keep one: a
 * Markdown file a day, pictures in res/ (and one in assets/), every picture
 * an <img> tag: relative, `./` and `../` paths, with and without zoom, a
 * width only, upper case, each quoting style, centred, inline and in a
 * list. The hostile cases are built in a temporary folder, since they need
 * a link out of it, a file outside it and a 200 MB file.
 */
#include "config.h"

#include <string.h>

#include "core-harness.h"
#include "pyprep-deck.h"
#include "pyprep-html-tag.h"
#include "pyprep-image.h"
#include "pyprep-render.h"

#define TYPORA_URI "pyprep://image/typora/"
#define HOSTILE_URI "pyprep://image/hostile/"

static PyprepDeck *
load_deck (const char *path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PyprepDeck *deck = pyprep_deck_load (folder, NULL, NULL, &error);

  g_assert_no_error (error);
  return deck;
}

/* The entry's rendered text: what is inside <div class="body">. */
static char *
render_body (PyprepDeck *deck,
             const char *title)
{
  g_autofree char *html = pyprep_render_entry (find_entry_by_title (deck, title), "zh_CN", 0);
  const char *start = strstr (html, "<div class=\"body\">\n");
  const char *end = strstr (html, "<section class=\"study");

  g_assert_nonnull (start);
  start += strlen ("<div class=\"body\">\n");
  if (end == NULL)
    end = strstr (start, "</main>");
  g_assert_nonnull (end);
  /* The text, then "</div>" closing the body. */
  while (end > start && end[-1] == '\n')
    end--;
  g_assert_cmpmem (end - 6, 6, "</div>", 6);
  for (end -= 6; end > start && end[-1] == '\n'; end--)
    ;
  return g_strndup (start, end - start);
}

/* Every tag of @html is one the renderer makes, with only the attributes
 * it gives: images only from our scheme, with a source, a description
 * and a size; links with an address and a title; the centring wrapper. */
static void
assert_clean (const char *html,
              const char *uri_prefix)
{
  static const char *const plain[] = { "p", "ul", "li", "code", "em", "strong", "h3", "pre", NULL };
  PyprepHtmlTag *next;
  gsize pos = 0;

  while ((next = pyprep_html_tag_next (html, strlen (html), &pos)) != NULL)
    {
      g_autoptr(PyprepHtmlTag) tag = next;
      const char *allowed = "";

      g_assert_true (g_strv_contains (plain, tag->name) || g_str_equal (tag->name, "img")
                     || g_str_equal (tag->name, "a") || g_str_equal (tag->name, "div"));
      /* End tags have no attributes. */
      if (tag->closing)
        continue;
      if (g_str_equal (tag->name, "img"))
        {
          allowed = " src alt width height ";
          g_assert_true (g_str_has_prefix (pyprep_html_tag_get (tag, "src"), uri_prefix));
          g_assert_nonnull (pyprep_html_tag_get (tag, "alt"));
        }
      else if (g_str_equal (tag->name, "a"))
        {
          g_autofree char *href = g_ascii_strdown (pyprep_html_tag_get (tag, "href"), -1);

          allowed = " href title ";
          g_assert_false (g_str_has_prefix (href, "javascript:"));
          g_assert_false (g_str_has_prefix (href, "data:"));
        }
      else if (g_str_equal (tag->name, "div"))
        {
          allowed = " class ";
          g_assert_cmpstr (pyprep_html_tag_get (tag, "class"), ==, "center");
        }

      for (guint i = 0; i < tag->attributes->len; i += 2)
        {
          g_autofree char *word = g_strdup_printf (" %s ", (char *) g_ptr_array_index (tag->attributes, i));

          if (strstr (allowed, word) == NULL)
            g_error ("<%s> keeps the attribute %s in:\n%s", tag->name, word, html);
        }
    }
}

static const struct
{
  const char *title;
  const char *body;
} fixtures[] = {
  /* A relative path and Typora's zoom: half the picture's 400 pixels. */
  { "Python 现在有多流行？",
    "<p>TIOBE 编程语言排行榜上，Python 排在最前面：</p>\n"
    "<p><img src=\"" TYPORA_URI "res/day01/tiobe_index.png\" alt=\"\" width=\"200\" /></p>" },
  /* `./`, no size, a description. */
  { "Python 有哪些特点？",
    "<p><img src=\"" TYPORA_URI "res/day01/features.png\" alt=\"Python 的五个特点\" /></p>\n"
    "<p>简单易学、免费开源、可移植、解释执行、库丰富。</p>" },
  /* A centred paragraph around an image with a width and a height. */
  { "图片怎样居中？",
    "<div class=\"center\">\n"
    "<p><img src=\"" TYPORA_URI "res/day01/features.png\" alt=\"\" width=\"200\" height=\"100\" /></p>\n"
    "</div>\n"
    "<p>图片放在 <code>&lt;p align=&quot;center&quot;&gt;</code> 里就会居中。</p>" },
  /* A width only. */
  { "列表是什么？",
    "<p>列表是可变的序列，元素按顺序存放：</p>\n"
    "<p><img src=\"" TYPORA_URI "res/day02/list.png\" alt=\"\" width=\"150\" /></p>" },
  /* Upper case, zoom 67% of 120 pixels. */
  { "字典是什么？",
    "<p>字典是键值对的集合：</p>\n"
    "<p><img src=\"" TYPORA_URI "res/day02/dict.png\" alt=\"字典\" width=\"80\" /></p>" },
  /* Single quotes, and none with a self-closing end. */
  { "引号可以怎样写？",
    "<p><img src=\"" TYPORA_URI "res/day02/list.png\" alt=\"单引号\" width=\"100\" /></p>\n"
    "<p><img src=\"" TYPORA_URI "res/day02/dict.png\" alt=\"无引号\" width=\"60\" /></p>" },
  /* Inline in a paragraph: a quarter of 200 pixels. */
  { "行内的图片怎样显示？",
    "<p>列表如图 <img src=\"" TYPORA_URI "res/day02/list.png\" alt=\"\" width=\"50\" /> "
    "所示，元素按顺序存放。</p>" },
  /* In list items: inline, and a block of its own. */
  { "列表里的图片怎样显示？",
    "<ul>\n"
    "<li>\n<p>列表 <img src=\"" TYPORA_URI "res/day02/list.png\" alt=\"\" width=\"50\" /></p>\n</li>\n"
    "<li>\n<p>字典：</p>\n<p><img src=\"" TYPORA_URI "res/day02/dict.png\" alt=\"\" width=\"60\" /></p>\n</li>\n"
    "</ul>" },
  /* `../` from a subfolder. */
  { "上一级文件夹的图片怎样引用？",
    "<p><img src=\"" TYPORA_URI "assets/logo.png\" alt=\"\" width=\"48\" /></p>" },
  /* A centred <div> around Markdown, as READMEs write it. */
  { "Markdown 图片怎样居中？",
    "<!-- raw HTML omitted -->\n"
    "<div class=\"center\">\n"
    "<p><img src=\"" TYPORA_URI "assets/logo.png\" alt=\"标志\" /></p>\n"
    "<p>标志居中。</p>\n"
    "</div>\n"
    "<!-- raw HTML omitted -->" },
  /* <center>, and a zoom of 33% of 300 pixels. */
  { "center 标签有什么用？",
    "<div class=\"center\">\n"
    "<p><img src=\"" TYPORA_URI "res/day01/features.png\" alt=\"\" width=\"99\" /></p>\n"
    "</div>" },
};

static void
test_typora_fixtures (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", "typora", NULL);
  g_autoptr(PyprepDeck) deck = load_deck (path);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *body = render_body (deck, fixtures[i].title);

      g_test_message ("entry: %s", fixtures[i].title);
      g_assert_cmpstr (body, ==, fixtures[i].body);
      assert_clean (body, TYPORA_URI);
    }
}

static const struct
{
  const char *html;
  const char *body;
} hostile[] = {
  { "<img src=x onerror=alert(1)>",
    "<p><a href=\"x\">Image not loaded: x</a></p>" },
  { "<img src=\"javascript:alert(1)\" alt=\"js\">",
    "<p><a href=\"\">Image not loaded: js</a></p>" },
  { "<img src=\"jav&#x61;script:alert(1)\" alt=\"entity\">",
    "<p><a href=\"\">Image not loaded: entity</a></p>" },
  { "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\" alt=\"data\">",
    "<p><a href=\"\">Image not loaded: data</a></p>" },
  { "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"png data\">",
    "<p><a href=\"\">Image not loaded: png data</a></p>" },
  { "<img src=\"../../outside.png\" alt=\"up\">",
    "<p><a href=\"../../outside.png\">Image not loaded: up</a></p>" },
  { "<img src=\"res/../../outside.png\" alt=\"up\">",
    "<p><a href=\"res/../../outside.png\">Image not loaded: up</a></p>" },
  { "<img src=\"/etc/x.png\" alt=\"absolute\">",
    "<p><a href=\"/etc/x.png\">Image not loaded: absolute</a></p>" },
  { "<img src=\"file:///etc/x.png\" alt=\"file\">",
    "<p><a href=\"\">Image not loaded: file</a></p>" },
  { "<img src=\"http://127.0.0.1:9/x.png\" alt=\"remote\">",
    "<p><a href=\"pyprep://web/http%3A%2F%2F127.0.0.1%3A9%2Fx.png\">Image not loaded: remote</a></p>" },
  { "<img src=\"pyprep://image/other/x.png\" alt=\"scheme\">",
    "<p><a href=\"pyprep://image/other/x.png\">Image not loaded: scheme</a></p>" },
  { "<img src=\"res/link.png\" alt=\"link\">",
    "<p><a href=\"res/link.png\">Image not loaded: link</a></p>" },
  { "<img src=\"res/evil.svg\" alt=\"script\">",
    "<p><a href=\"res/evil.svg\">Image not loaded: script</a></p>" },
  { "<img src=\"res/huge.png\" alt=\"huge\">",
    "<p><a href=\"res/huge.png\">Image not loaded: huge</a></p>" },
  { "<img src=\"res/fake.png\" alt=\"fake\">",
    "<p><a href=\"res/fake.png\">Image not loaded: fake</a></p>" },
  { "<img src=\"res%2F..%2F..%2Foutside.png\" alt=\"escaped\">",
    "<p><a href=\"res%2F..%2F..%2Foutside.png\">Image not loaded: escaped</a></p>" },
  /* Every attribute but the source, the description and a size goes. */
  { "<img src=\"res/good.png\" alt=\"good\" onerror=\"alert(1)\" onload=alert(2) class=x id=y "
    "style=\"zoom:50%; background:url(http://127.0.0.1:9/bg)\" title=t srcset=\"http://127.0.0.1:9/2x.png 2x\" "
    "loading=lazy usemap=#m>",
    "<p><img src=\"" HOSTILE_URI "res/good.png\" alt=\"good\" width=\"100\" /></p>" },
  { "<img src=\"res/good.png\" alt='\"><script>alert(1)</script>'>",
    "<p><img src=\"" HOSTILE_URI "res/good.png\" alt=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\" /></p>" },
  { "<img src=\"res/good.png\" width=\"99999\" height=\"-5\" style=\"zoom:0\">",
    "<p><img src=\"" HOSTILE_URI "res/good.png\" alt=\"\" /></p>" },
  { "<img src=\"res/clean.svg\" style=\"zoom:50%\">",
    "<p><img src=\"" HOSTILE_URI "res/clean.svg\" alt=\"\" width=\"60\" /></p>" },
  /* Tags in a script, in a comment or cut off are no images; the raw HTML
   * stays dropped between the text around it. */
  { "before\n\n<script>document.write('<img src=\"res/good.png\">')</script>\n\nafter",
    "<p>before</p>\n<!-- raw HTML omitted -->\n<p>after</p>" },
  { "before\n\n<!-- <img src=\"res/good.png\"> -->\n\nafter",
    "<p>before</p>\n<!-- raw HTML omitted -->\n<p>after</p>" },
  { "before\n\n<div><img src=\"res/good.png\" alt=\"cut\n\nafter",
    "<p>before</p>\n<!-- raw HTML omitted -->\n<p>after</p>" },
  { "before\n\n<img alt=\"no source\">\n\nafter",
    "<p>before</p>\n<!-- raw HTML omitted -->\n<p>after</p>" },
  /* Other elements stay blocked, even holding a local image. */
  { "before\n\n<iframe src=\"res/good.png\"></iframe>\n<object data=\"res/good.png\"></object>\n"
    "<embed src=\"res/good.png\">\n<svg><image href=\"res/good.png\"/></svg>\n\nafter",
    "<p>before</p>\n<!-- raw HTML omitted -->\n<p>after</p>" },
  { "<picture><source srcset=\"http://127.0.0.1:9/a.png\"><img src=\"res/good.png\" alt=\"p\"></picture>",
    "<p><!-- raw HTML omitted --><!-- raw HTML omitted --><img src=\"" HOSTILE_URI "res/good.png\" alt=\"p\" />"
    "<!-- raw HTML omitted --></p>" },
  { "see <img src=x onerror=alert(1)> and <img src=\"res/good.png\" onclick=alert(1)>",
    "<p>see <a href=\"x\">Image not loaded: x</a> and <img src=\"" HOSTILE_URI "res/good.png\" alt=\"\" /></p>" },
};

static void
test_typora_hostile (void)
{
  GString *markdown = g_string_new ("# Hostile\n\n");
  g_autoptr(PyprepDeck) deck = NULL;
  HostileFolder h;

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    g_string_append_printf (markdown, "## case %u?\n\n%s\n\n", i, hostile[i].html);
  hostile_folder_make (&h, markdown->str);
  g_string_free (markdown, TRUE);
  deck = load_deck (h.deck);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *title = g_strdup_printf ("case %u?", i);
      g_autofree char *body = render_body (deck, title);

      g_test_message ("hostile: %s", hostile[i].html);
      g_assert_cmpstr (body, ==, hostile[i].body);
      assert_clean (body, HOSTILE_URI);
    }
  hostile_folder_remove (&h);
}

/* 10,000 tags in one entry: each a block that leaves a centred <div>
 * open, and each an inline image of a file that is not there. */
static void
test_typora_many (void)
{
  GString *markdown = g_string_new ("# Many\n\n## blocks?\n\n");
  g_autoptr(PyprepDeck) deck = NULL;
  g_autofree char *blocks = NULL;
  g_autofree char *inlines = NULL;
  HostileFolder h;

  for (guint i = 0; i < 10000; i++)
    g_string_append (markdown, "<div align=\"center\"><img src=\"res/good.png\" style=\"zoom:50%\">\n\n");
  g_string_append (markdown, "## inline?\n\nsee");
  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (markdown, " <img src=\"res/missing-%u.png\" alt=\"m%u\">", i, i);
  g_string_append (markdown, "\n");
  hostile_folder_make (&h, markdown->str);
  g_string_free (markdown, TRUE);
  deck = load_deck (h.deck);

  blocks = render_body (deck, "blocks?");
  g_assert_cmpuint (count_occurrences (blocks, "<img src=\"" HOSTILE_URI "res/good.png\" alt=\"\" width=\"100\" />"),
                    ==, 10000);
  g_assert_cmpuint (count_occurrences (blocks, "<img"), ==, 10000);
  g_assert_cmpuint (count_occurrences (blocks, "<div class=\"center\">"),
                    ==, count_occurrences (blocks, "</div>"));
  assert_clean (blocks, HOSTILE_URI);

  inlines = render_body (deck, "inline?");
  g_assert_cmpuint (count_occurrences (inlines, "\">Image not loaded: m"), ==, 10000);
  g_assert_true (strstr (inlines, "<a href=\"res/missing-9999.png\">Image not loaded: m9999</a></p>") != NULL);
  g_assert_cmpuint (count_occurrences (inlines, "<img"), ==, 0);
  hostile_folder_remove (&h);
}

/* What the reader is told, and what it would be served, agree. */
static void
test_typora_probe (void)
{
  static const struct
  {
    const char *path;
    gboolean served;
    int width;
    int height;
  } cases[] = {
    { "res/good.png", TRUE, 200, 100 },
    { "res/clean.svg", TRUE, 120, 60 },
    { "res/evil.svg", FALSE, 0, 0 },
    { "res/link.png", FALSE, 0, 0 },
    { "res/huge.png", FALSE, 0, 0 },
    { "res/fake.png", FALSE, 0, 0 },
    { "res/missing.png", FALSE, 0, 0 },
    { "notes.md", FALSE, 0, 0 },
  };
  g_autoptr(GFile) folder = NULL;
  HostileFolder h;

  hostile_folder_make (&h, "# T\n");
  folder = g_file_new_for_path (h.deck);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) load_error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      const char *type = NULL;
      int width = -1, height = -1;
      gboolean served = pyprep_image_probe (folder, cases[i].path, &width, &height, &error);

      g_test_message ("probe: %s", cases[i].path);
      g_assert_cmpint (served, ==, cases[i].served);
      g_assert_true (served == (error == NULL));
      g_assert_cmpint (width, ==, cases[i].width);
      g_assert_cmpint (height, ==, cases[i].height);
      bytes = pyprep_image_load (folder, cases[i].path, &type, &load_error);
      g_assert_cmpint (bytes != NULL, ==, served);
    }
  hostile_folder_remove (&h);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/typora/fixtures", test_typora_fixtures);
  g_test_add_func ("/pyprep/typora/hostile", test_typora_hostile);
  g_test_add_func ("/pyprep/typora/many", test_typora_many);
  g_test_add_func ("/pyprep/typora/probe", test_typora_probe);

  return g_test_run ();
}
