/* fuzz-render.c: fuzz target for rendering notes, raw HTML and <img> tags included.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An input is one Markdown file, written as notes/1.md beside the pictures
 * a Typora folder has (a.png, res/b.png, res/c.svg) and a file outside
 * the folder (out.png). Every entry is rendered; the page's text must be
 * valid UTF-8 and must hold no element or attribute the renderer does not
 * make: no event handler, no script or frame, and images only from the
 * notes folder, with a source, a description, a title and a size.
 */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "pyprep-deck.h"
#include "pyprep-html-tag.h"
#include "pyprep-render.h"

/* A PNG's signature and header, 16 × 8 pixels: all the renderer reads. */
static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x10\0\0\0\x08\x08\x02\0\0\0";
static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"10\"></svg>";

static void
write_text (const char *relative,
            const char *data,
            gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, length);

  pyprep_fuzz_write (relative, bytes);
}

static void
check_tag (const PyprepHtmlTag *tag)
{
  static const char *const forbidden[] = {
    "script", "iframe", "object", "embed", "style", "link", "meta", "base", "form", "svg", NULL,
  };
  static const char *const image_attributes[] = { "src", "alt", "title", "width", "height", NULL };

  g_assert_false (g_strv_contains (forbidden, tag->name));
  for (guint i = 0; i < tag->attributes->len; i += 2)
    {
      const char *name = g_ptr_array_index (tag->attributes, i);

      g_assert_false (g_str_has_prefix (name, "on"));
      g_assert_cmpstr (name, !=, "style");
      if (g_str_equal (tag->name, "img"))
        g_assert_true (g_strv_contains (image_attributes, name));
    }
  if (g_str_equal (tag->name, "a") && pyprep_html_tag_get (tag, "href") != NULL)
    {
      g_autofree char *href = g_ascii_strdown (pyprep_html_tag_get (tag, "href"), -1);

      g_strstrip (href);
      g_assert_false (g_str_has_prefix (href, "javascript:") || g_str_has_prefix (href, "vbscript:")
                      || g_str_has_prefix (href, "data:"));
    }
  if (g_str_equal (tag->name, "img") && !tag->closing)
    {
      const char *src = pyprep_html_tag_get (tag, "src");

      g_assert_nonnull (src);
      g_assert_true (g_str_has_prefix (src, "pyprep://image/notes/") || *src == '\0'
                     || g_str_has_prefix (src, "data:image/"));
    }
}

static void
check_page (const char *html)
{
  const char *start = strstr (html, "<main>");
  PyprepHtmlTag *next;
  gsize pos;

  g_assert_true (g_utf8_validate (html, -1, NULL));
  g_assert_nonnull (start);
  /* The head is the template's own; the rest comes from the notes. */
  pos = start - html;
  while ((next = pyprep_html_tag_next (html, strlen (html), &pos)) != NULL)
    {
      g_autoptr(PyprepHtmlTag) tag = next;

      check_tag (tag);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) notes = g_bytes_new (data, size);
  g_autofree char *path = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *topics;

  pyprep_fuzz_clear ();
  pyprep_fuzz_write ("notes/1.md", notes);
  write_text ("notes/a.png", png, sizeof png - 1);
  write_text ("notes/res/b.png", png, sizeof png - 1);
  write_text ("notes/res/c.svg", svg, sizeof svg - 1);
  write_text ("out.png", png, sizeof png - 1);

  path = g_build_filename (pyprep_fuzz_scratch (), "notes", NULL);
  folder = g_file_new_for_path (path);
  deck = pyprep_deck_load (folder, NULL, NULL, &error);
  g_assert_no_error (error);

  topics = pyprep_deck_get_topics (deck);
  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, t);
      GListModel *entries = pyprep_topic_get_entries (topic);

      for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
        {
          g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, e);
          g_autofree char *html = pyprep_render_entry (entry, "en", 0);

          check_page (html);
        }
    }
  return 0;
}
