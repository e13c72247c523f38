/* test-render.c: entry pages, and what untrusted Markdown cannot do to them.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "pyprep-deck.h"
#include "pyprep-render.h"

static const char *english[] = { "en", NULL };

static PyprepDeck *
load_deck (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  PyprepDeck *deck;

  deck = pyprep_deck_load (folder, english, NULL, &error);
  g_assert_no_error (error);
  return deck;
}

/* Renders one entry whose Markdown body is @body, in a throwaway deck. */
static char *
render_body (const char *body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-render-XXXXXX", &error);
  g_autofree char *manifest = g_build_filename (dir, "deck.json", NULL);
  g_autofree char *topic_dir = g_build_filename (dir, "en", NULL);
  g_autofree char *topic = g_build_filename (topic_dir, "t.md", NULL);
  g_autofree char *text = g_strdup_printf ("# Topic <T>\n\n## Entry \"<b>\" & co {#e}\n\n%s\n", body);
  g_autoptr(PyprepDeck) deck = NULL;
  char *html;

  g_assert_no_error (error);
  g_file_set_contents (manifest,
                       "{\"format\": 1, \"id\": \"d\", \"title\": \"D\", \"languages\": [\"en\"], "
                       "\"topics\": [{\"id\": \"t\"}]}", -1, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_mkdir (topic_dir, 0755));
  g_file_set_contents (topic, text, -1, &error);
  g_assert_no_error (error);

  deck = load_deck (dir);
  html = pyprep_render_entry (pyprep_deck_lookup_entry (deck, "d/t/e"), "en", 0);

  g_unlink (topic);
  g_rmdir (topic_dir);
  g_unlink (manifest);
  g_rmdir (dir);

  return html;
}

static void
assert_contains (const char *html,
                 const char *needle)
{
  if (strstr (html, needle) == NULL)
    g_error ("expected “%s” in:\n%s", needle, html);
}

static void
assert_lacks (const char *html,
              const char *needle)
{
  g_autofree char *lower = g_ascii_strdown (html, -1);
  g_autofree char *lower_needle = g_ascii_strdown (needle, -1);

  if (strstr (lower, lower_needle) != NULL)
    g_error ("did not expect “%s” in:\n%s", needle, html);
}

static void
test_render_page (void)
{
  g_autofree char *html = render_body ("Some **bold** text.\n\n```python\nprint('hi')\n```\n");

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  assert_contains (html, "<html lang=\"en\" class=\"light\">");
  assert_contains (html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;");
  assert_contains (html, "<style>/* page.css:");
  /* Titles and topic names are escaped, not markup. */
  assert_contains (html, "<title>Entry &quot;&lt;b&gt;&quot; &amp; co</title>");
  assert_contains (html, "<h1>Entry &quot;&lt;b&gt;&quot; &amp; co</h1>");
  assert_contains (html, "<p class=\"topic\">Topic &lt;T&gt;</p>");
  assert_contains (html, "<strong>bold</strong>");
  assert_contains (html, "<pre><code class=\"language-python\"><span class=\"tok-builtin\">print</span>("
                         "<span class=\"tok-str\">&#39;hi&#39;</span>)\n</code></pre>");
  assert_lacks (html, "@CONTENT@");
}

static void
test_render_csp (void)
{
  const char *csp = pyprep_render_csp ();
  g_autofree char *html = render_body ("text");
  g_autofree char *css = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *source = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *start, *end;
  guint8 digest[32];
  gsize length = sizeof digest;

  /* No scripts and nothing remote: the policy names no host at all, and
   * scripts fall under default-src 'none'. */
  g_assert_true (g_str_has_prefix (csp, "default-src 'none';"));
  g_assert_null (strstr (csp, "http"));
  g_assert_null (strstr (csp, "*"));
  g_assert_null (strstr (csp, "unsafe"));
  g_assert_null (strstr (csp, "script-src"));

  /* The one style it allows is the page's own, by hash. */
  start = strstr (html, "<style>");
  end = strstr (html, "</style>");
  g_assert_nonnull (start);
  g_assert_nonnull (end);
  css = g_strndup (start + strlen ("<style>"), end - start - strlen ("<style>"));
  g_checksum_update (checksum, (const guchar *) css, strlen (css));
  g_checksum_get_digest (checksum, digest, &length);
  hash = g_base64_encode (digest, length);
  source = g_strdup_printf ("style-src 'sha256-%s';", hash);
  g_assert_nonnull (strstr (csp, source));
}

static void
test_render_styles (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", "good", NULL);
  g_autoptr(PyprepDeck) deck = load_deck (path);
  PyprepEntry *entry = pyprep_deck_lookup_entry (deck, "sample/basics/list");
  g_autofree char *dark = pyprep_render_entry (entry, "en", PYPREP_PAGE_STYLE_DARK);
  g_autofree char *hc = pyprep_render_entry (entry, "en", PYPREP_PAGE_STYLE_HIGH_CONTRAST);
  g_autofree char *both = pyprep_render_entry (entry, "zh_CN",
                                               PYPREP_PAGE_STYLE_DARK | PYPREP_PAGE_STYLE_HIGH_CONTRAST);

  assert_contains (dark, "class=\"dark\"");
  assert_contains (hc, "class=\"hc\"");
  assert_contains (both, "<html lang=\"zh_CN\" class=\"dark hc\">");

  /* The stylesheet has a palette for each class the pages use. */
  assert_contains (dark, ":root.dark {");
  assert_contains (dark, ":root.hc {");
}

static void
test_render_study_blocks (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", "good", NULL);
  g_autoptr(PyprepDeck) deck = load_deck (path);
  g_autofree char *html = pyprep_render_entry (pyprep_deck_lookup_entry (deck, "sample/basics/list"), "en", 0);

  /* The card: its prompt shown, its answer behind a disclosure. */
  assert_contains (html, "<section class=\"study card\">");
  assert_contains (html, "How is <code>list</code> implemented?");
  assert_contains (html, "<details class=\"answer\">\n<summary>Show Answer</summary>\n"
                         "<p>A growable array of pointers with over-allocation.</p>");
  /* The quiz: choices lettered, the key and the explanations hidden. */
  assert_contains (html, "<section class=\"study quiz\">");
  assert_contains (html, "<ol class=\"choices\" type=\"A\">\n<li><p>O(1) amortised</p>\n</li>");
  assert_contains (html, "<p class=\"key\">Correct: A</p>");
  assert_contains (html, "<p class=\"key\">Correct: A, B</p>");
  assert_contains (html, "<li class=\"wrong\"><span class=\"mark\">B wrong</span>");
  assert_contains (html, "<p>Growth is proportional, so the average stays constant.</p>");
  /* Further reading, with the host named. */
  assert_contains (html, "<a href=\"pyprep://web/https%3A%2F%2Fdocs.python.org%2F3%2Ftutorial%2Fdatastructures.html\">"
                         "Python docs: lists</a> <span class=\"host\">docs.python.org</span>");
  /* Links to entries point at our scheme; the table is a table. */
  assert_contains (html, "<a href=\"pyprep://entry/sample/basics/dict\">the dict entry</a>");
  assert_contains (html, "<table>\n<thead>\n<tr><th>Operation</th><th align=\"right\">Cost</th>");
  assert_contains (html, "<td><code>insert(0, x)</code></td><td align=\"right\">O(n)</td>");
}

static const struct
{
  const char *name;
  const char *markdown;
  const char *forbidden[3];
  const char *expected;
} attacks[] = {
  { "script", "<script>alert('x')</script>\n\nafter", { "<script", "alert('x')" }, "<p>after</p>" },
  { "inline-script", "text <script>alert(1)</script> more", { "<script", NULL }, "more" },
  { "onerror", "<img src=x onerror=\"alert(1)\">\n\nafter", { "onerror", "<img" }, "<p>after</p>" },
  { "onerror-inline", "see <img src=x onerror=alert(1)> here", { "onerror", "<img" }, "here" },
  { "javascript-link", "[click](javascript:alert(1))", { "javascript:", NULL }, "<a href=\"\">click</a>" },
  { "javascript-link-case", "[click](JaVaScRiPt:alert(1))", { "javascript:", NULL }, "<a href=\"\">click</a>" },
  { "vbscript-link", "[click](vbscript:msgbox)", { "vbscript:", NULL }, "<a href=\"\">click</a>" },
  { "file-link", "[passwd](file:///etc/passwd)", { "file:", NULL }, "<a href=\"\">passwd</a>" },
  { "remote-image", "![diagram](https://example.com/x.png \"t\")", { "<img", NULL },
    "<a href=\"pyprep://web/https%3A%2F%2Fexample.com%2Fx.png\" title=\"t\">Image not loaded: diagram</a>" },
  { "iframe", "<iframe src=\"https://example.com\"></iframe>\n\nafter", { "<iframe", NULL }, "<p>after</p>" },
  { "style", "<style>body{display:none}</style>\n\nafter", { "<style", "display:none" }, "<p>after</p>" },
  { "attribute-breakout", "[x](https://a.example/\"onmouseover=\"alert(1))", { "\"onmouseover", NULL }, "%22onmouseover" },
  { "table-cell", "| a |\n| - |\n| <script>x</script> |", { "<script", NULL }, "<td><!-- raw HTML omitted --></td>" },
};

static void
test_render_attacks (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (attacks); i++)
    {
      g_autofree char *html = render_body (attacks[i].markdown);
      g_autofree char *body = NULL;
      const char *start = strstr (html, "<div class=\"body\">");

      g_test_message ("attack: %s", attacks[i].name);
      g_assert_nonnull (start);
      body = g_strndup (start, strstr (start, "</div>") - start);

      for (guint j = 0; j < G_N_ELEMENTS (attacks[i].forbidden) && attacks[i].forbidden[j] != NULL; j++)
        assert_lacks (body, attacks[i].forbidden[j]);
      assert_contains (body, attacks[i].expected);
    }
}

static void
test_render_invalid_utf8 (void)
{
  g_autofree char *html = pyprep_render_markdown ("bad \xff\xfe bytes", NULL);

  g_assert_true (g_utf8_validate (html, -1, NULL));
  assert_contains (html, "bad \xef\xbf\xbd");
}

static void
test_render_entry_links (void)
{
  static const struct
  {
    const char *markdown;
    const char *href;
  } cases[] = {
    { "[a](entry:other)", "pyprep://entry/d/t/other" },
    { "[a](entry:topic2/other)", "pyprep://entry/d/topic2/other" },
    { "[a](entry:deck2/topic2/other)", "pyprep://entry/deck2/topic2/other" },
    { "[a](entry:a/b/c/d)", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = pyprep_render_markdown (cases[i].markdown, "d/t/e");
      g_autofree char *expected = g_strdup_printf ("<a href=\"%s\">a</a>", cases[i].href);

      assert_contains (html, expected);
    }
}

static void
test_render_uris (void)
{
  static const struct
  {
    const char *uri;
    const char *id;
  } cases[] = {
    { "pyprep://entry/pyprep/os/gil", "pyprep/os/gil" },
    { "pyprep://entry/pyprep/os/gil#section", "pyprep/os/gil" },
    { "pyprep://entry/pyprep/os", NULL },
    { "pyprep://entry/pyprep/os/gil/extra", NULL },
    { "pyprep://entry/../os/gil", NULL },
    { "pyprep://style/page.css", NULL },
    { "https://entry/pyprep/os/gil", NULL },
  };
  g_autofree char *uri = pyprep_entry_uri ("pyprep/os/gil");

  g_assert_cmpstr (uri, ==, "pyprep://entry/pyprep/os/gil");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = pyprep_entry_id_from_uri (cases[i].uri);

      g_assert_cmpstr (id, ==, cases[i].id);
    }
}

static void
test_render_message (void)
{
  g_autofree char *html = pyprep_render_message ("Not <found>", "It \"moved\".", NULL,
                                                 PYPREP_PAGE_STYLE_DARK);

  assert_contains (html, "<title>Not &lt;found&gt;</title>");
  assert_contains (html, "<p class=\"message\">It &quot;moved&quot;.</p>");
  assert_contains (html, "class=\"dark\"");
}

/* Images inside the deck folder come from our scheme; any other stays a
 * placeholder link, as remote images always did. */
static void
test_render_images (void)
{
  static const struct
  {
    const char *markdown;
    const char *expected;
    const char *forbidden;
  } cases[] = {
    { "![a](pic.png)", "<img src=\"pyprep://image/d/en/pic.png\" alt=\"a\"", NULL },
    { "![a](./img/../pic.png)", "<img src=\"pyprep://image/d/en/pic.png\"", NULL },
    { "![a](../assets/x.png)", "<img src=\"pyprep://image/d/assets/x.png\"", NULL },
    { "![a](<我的 图.png>)", "<img src=\"pyprep://image/d/en/%E6%88%91%E7%9A%84%20%E5%9B%BE.png\"", NULL },
    { "![a](../../etc/x.png)", "Image not loaded: a", "<img" },
    { "![a](/etc/x.png)", "Image not loaded: a", "<img" },
    { "![a](file:///etc/x.png)", "Image not loaded: a", "<img" },
    { "![a](https://example.com/x.png)", "Image not loaded: a", "<img" },
    { "<img src=\"pic.png\">", "<a href=\"pic.png\">Image not loaded: pic.png</a>", "<img" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = render_body (cases[i].markdown);
      g_autofree char *body = NULL;
      const char *start = strstr (html, "<div class=\"body\">");

      g_test_message ("image: %s", cases[i].markdown);
      body = g_strndup (start, strstr (start, "</div>") - start);
      assert_contains (body, cases[i].expected);
      if (cases[i].forbidden != NULL)
        assert_lacks (body, cases[i].forbidden);
    }
}

/* GitHub's Markdown as notes use it. */
static void
test_render_gfm (void)
{
  static const struct
  {
    const char *markdown;
    const char *expected;
  } cases[] = {
    { "~~gone~~ and ~one~", "<p><del>gone</del> and <del>one</del></p>" },
    { "a ~~ b ~~ c", "<p>a ~~ b ~~ c</p>" },
    { "- [x] done\n- [ ] todo", "<li><input type=\"checkbox\" disabled checked> done</li>\n"
                                "<li><input type=\"checkbox\" disabled> todo</li>" },
    { "see https://example.com/a_(b). ok", "see <a href=\"pyprep://web/https%3A%2F%2Fexample.com%2Fa_%28b%29\">https://example.com/a_(b)</a>. ok" },
    { "(www.python.org)", "(<a href=\"pyprep://web/http%3A%2F%2Fwww.python.org\">www.python.org</a>)" },
    { "[https://a.example](https://b.example)", "<a href=\"pyprep://web/https%3A%2F%2Fb.example\">https://a.example</a>" },
    { "`https://a.example`", "<code>https://a.example</code>" },
    { "~~x~~ <b>y</b>", "<del>x</del> <!-- raw HTML omitted -->" },
    { "name | cost\n--- | ---:\nlist | O(1)", "<tr><th>name</th><th align=\"right\">cost</th></tr>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = pyprep_render_markdown (cases[i].markdown, NULL);

      g_test_message ("gfm: %s", cases[i].markdown);
      assert_contains (html, cases[i].expected);
      assert_lacks (html, "<b>");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/render/page", test_render_page);
  g_test_add_func ("/pyprep/render/csp", test_render_csp);
  g_test_add_func ("/pyprep/render/styles", test_render_styles);
  g_test_add_func ("/pyprep/render/study-blocks", test_render_study_blocks);
  g_test_add_func ("/pyprep/render/attacks", test_render_attacks);
  g_test_add_func ("/pyprep/render/invalid-utf8", test_render_invalid_utf8);
  g_test_add_func ("/pyprep/render/entry-links", test_render_entry_links);
  g_test_add_func ("/pyprep/render/uris", test_render_uris);
  g_test_add_func ("/pyprep/render/message", test_render_message);
  g_test_add_func ("/pyprep/render/images", test_render_images);
  g_test_add_func ("/pyprep/render/gfm", test_render_gfm);

  return g_test_run ();
}
