/* pyprep-render-html.c: local <img> tags in raw HTML, as Typora writes them, become images.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cmark's safe mode drops raw HTML, which is right for scripts and remote
 * loads; but notes written in Typora keep every resized picture as raw
 * HTML: `<img src="res/x.png" style="zoom:50%;">`. This pass reads each
 * HTML block and each piece of inline HTML with the tokenizer of
 * pyprep-html-tag.c and puts, for every <img> whose src is a relative path
 * to an image that pyprep-image.c will serve, an element of its own in its
 * place, built from three things only:
 *
 *   <img src="pyprep://image/DECK/PATH" alt="ALT" width="W" height="H" />
 *
 * the address through our scheme, the escaped alt text, and a size in
 * pixels (or percent) from the width and height attributes, scaled by a
 * `zoom` in the style attribute. The style attribute itself never reaches
 * the page, whose Content-Security-Policy would refuse it anyway. Every
 * other <img> becomes the placeholder link that Markdown images get; every
 * other element, and the rest of the raw HTML, stays dropped.
 *
 * A <p> or <div> with align="center", or a <center>, centres the images
 * inside it: in one HTML block, or across the blocks between an HTML block
 * that opens it and one that closes it (GitHub READMEs put Markdown there).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pyprep-html.h"
#include "pyprep-html-tag.h"
#include "pyprep-image.h"
#include "pyprep-render-private.h"

/* Sizes beyond these are not believed; the stylesheet keeps every image
 * within the page's width anyway. */
#define MAX_PIXELS 10000
#define MAX_ZOOM 500

/* Wrappers nested deeper are not followed, so a hostile block cannot make
 * matching its end tags slow. */
#define MAX_WRAPPERS 64

typedef struct
{
  gboolean served;
  int width;
  int height;
} Probe;

typedef struct
{
  const PyprepRenderSource *src;
  GHashTable *probes;          /* path → Probe: each file is looked at once a page */
  GPtrArray *opens;            /* blocks after which a centred wrapper stays open */
  GHashTable *closes;          /* blocks that close a wrapper opened before them */
  GHashTable *centred;         /* the wrappers this pass made */
} Pass;

typedef struct
{
  const char *name;
  gboolean centres;
} Wrapper;

typedef struct
{
  double value;
  gboolean percent;
} Length;

static const Probe *
probe (Pass       *pass,
       const char *path)
{
  Probe *found = g_hash_table_lookup (pass->probes, path);

  if (found == NULL)
    {
      found = g_new0 (Probe, 1);
      found->served = pyprep_image_probe (pass->src->folder, path,
                                          &found->width, &found->height, NULL);
      g_hash_table_insert (pass->probes, g_strdup (path), found);
    }
  return found;
}

/* A number as CSS and HTML write it: digits, maybe a fraction. Returns
 * where it ends, or NULL when @text does not start with a digit. */
static const char *
read_number (const char *text,
             double     *value)
{
  double scale = 0.1;

  if (!g_ascii_isdigit (*text))
    return NULL;
  for (*value = 0; g_ascii_isdigit (*text); text++)
    *value = MIN (*value * 10 + (*text - '0'), 1e9);
  if (*text == '.')
    for (text++; g_ascii_isdigit (*text); text++, scale /= 10)
      *value += (*text - '0') * scale;
  return text;
}

/* HTML's rule for width and height: spaces, a number, then '%' or
 * anything ("300px" is 300). */
static gboolean
read_dimension (const char *text,
                Length     *length)
{
  const char *end;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  end = read_number (text, &length->value);
  if (end == NULL)
    return FALSE;
  length->percent = *end == '%';
  return length->value >= 1 && length->value <= (length->percent ? 100 : MAX_PIXELS);
}

/* The zoom of a style attribute ("zoom:50%;" or "zoom: 0.5"), in percent;
 * 0 when it has none. Other declarations are ignored. */
static double
read_zoom (const char *style)
{
  g_auto(GStrv) declarations = NULL;
  double zoom = 0;

  if (style == NULL)
    return 0;
  declarations = g_strsplit (style, ";", -1);
  for (guint i = 0; declarations[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (declarations[i], ":", 2);
      const char *end;
      double value;

      if (parts[0] == NULL || parts[1] == NULL
          || g_ascii_strcasecmp (g_strstrip (parts[0]), "zoom") != 0)
        continue;
      end = read_number (g_strstrip (parts[1]), &value);
      if (end == NULL)
        continue;
      if (*end == '%')
        end++;
      else
        value *= 100;
      /* As in CSS, the last valid declaration wins. */
      if (*end == '\0' && value >= 1 && value <= MAX_ZOOM)
        zoom = value;
    }
  return zoom;
}

static void
append_length (GString    *out,
               const char *name,
               Length      length,
               double      scale)
{
  if (length.percent)
    g_string_append_printf (out, " %s=\"%d%%\"", name, (int) round (length.value));
  else
    g_string_append_printf (out, " %s=\"%d\"", name,
                            (int) CLAMP (round (length.value * scale), 1, MAX_PIXELS));
}

/* The size the author chose: width and height attributes, each scaled by
 * the zoom; a zoom alone scales the image's own width. */
static void
append_size (GString             *out,
             const PyprepHtmlTag *img,
             const Probe         *image)
{
  double zoom = read_zoom (pyprep_html_tag_get (img, "style"));
  double scale = zoom > 0 ? zoom / 100 : 1;
  Length width, height;
  gboolean has_width = read_dimension (pyprep_html_tag_get (img, "width"), &width);
  gboolean has_height = read_dimension (pyprep_html_tag_get (img, "height"), &height);

  if (!has_width && !has_height && zoom > 0 && image->width > 0)
    {
      width.value = image->width;
      width.percent = FALSE;
      has_width = TRUE;
    }
  if (has_width)
    append_length (out, "width", width, scale);
  if (has_height)
    append_length (out, "height", height, scale);
}

/* Our own element for @img, a placeholder when it does not show an image
 * of the notes folder, or NULL when it names no image at all. */
static cmark_node *
image_node (Pass                *pass,
            const PyprepHtmlTag *img)
{
  const char *alt = pyprep_html_tag_get (img, "alt");
  g_autofree char *url = g_strdup (pyprep_html_tag_get (img, "src"));
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  const Probe *image = NULL;
  cmark_node *node;
  GString *out;

  /* Browsers strip the spaces around a URL. */
  if (url == NULL || *g_strstrip (url) == '\0')
    return NULL;
  if (pass->src->folder != NULL)
    uri = pyprep_render_image_uri (pass->src, url, &path);
  if (uri != NULL)
    image = probe (pass, path);
  if (image == NULL || !image->served)
    return pyprep_render_image_placeholder (url, NULL, alt);

  out = g_string_new ("<img src=\"");
  pyprep_html_append_escaped (out, uri);
  g_string_append (out, "\" alt=\"");
  pyprep_html_append_escaped (out, alt);
  g_string_append_c (out, '"');
  append_size (out, img, image);
  g_string_append (out, " />");

  node = cmark_node_new (CMARK_NODE_CUSTOM_INLINE);
  cmark_node_set_on_enter (node, out->str);
  cmark_node_set_on_exit (node, "");
  g_string_free (out, TRUE);
  return node;
}

static void
replace_inline (Pass       *pass,
                cmark_node *node)
{
  const char *html = cmark_node_get_literal (node);
  gsize pos = 0;
  g_autoptr(PyprepHtmlTag) tag = NULL;
  cmark_node *image;

  /* cmark gives inline HTML one tag at a time. */
  tag = html != NULL ? pyprep_html_tag_next (html, strlen (html), &pos) : NULL;
  image = tag != NULL && pyprep_html_tag_is (tag, "img", FALSE) ? image_node (pass, tag) : NULL;
  if (image == NULL)
    return;
  cmark_node_replace (node, image);
  cmark_node_free (node);
}

static cmark_node *
centre_block (Pass *pass)
{
  cmark_node *block = cmark_node_new (CMARK_NODE_CUSTOM_BLOCK);

  cmark_node_set_on_enter (block, "<div class=\"center\">");
  cmark_node_set_on_exit (block, "</div>\n");
  g_hash_table_add (pass->centred, block);
  return block;
}

/* A paragraph for images, before @node; in a centred wrapper if @centred.
 * Returns the paragraph and sets @block to what was inserted. */
static cmark_node *
insert_paragraph (Pass        *pass,
                  cmark_node  *node,
                  gboolean     centred,
                  cmark_node **block)
{
  cmark_node *paragraph = cmark_node_new (CMARK_NODE_PARAGRAPH);

  *block = paragraph;
  if (centred)
    {
      *block = centre_block (pass);
      cmark_node_append_child (*block, paragraph);
    }
  cmark_node_insert_before (node, *block);
  return paragraph;
}

static const char *
wrapper_name (const PyprepHtmlTag *tag)
{
  static const char *const names[] = { "p", "div", "center" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (tag->name, names[i]))
      return names[i];
  return NULL;
}

static gboolean
centres (const PyprepHtmlTag *tag)
{
  g_autofree char *align = g_strdup (pyprep_html_tag_get (tag, "align"));

  return g_str_equal (tag->name, "center")
         || (align != NULL && g_ascii_strcasecmp (g_strstrip (align), "center") == 0);
}

/* Follows the wrappers that @tag opens or closes; returns FALSE for an
 * end tag that closes none of those opened in this block. */
static gboolean
follow_wrapper (GArray              *stack,
                const PyprepHtmlTag *tag,
                const char          *name)
{
  if (!tag->closing)
    {
      Wrapper wrapper = { name, centres (tag) };

      if (stack->len < MAX_WRAPPERS)
        g_array_append_val (stack, wrapper);
      return TRUE;
    }
  for (guint i = stack->len; i > 0; i--)
    if (g_array_index (stack, Wrapper, i - 1).name == name)
      {
        g_array_set_size (stack, i - 1);
        return TRUE;
      }
  return FALSE;
}

static gboolean
inside_centre (GArray *stack)
{
  for (guint i = 0; i < stack->len; i++)
    if (g_array_index (stack, Wrapper, i).centres)
      return TRUE;
  return FALSE;
}

/* Puts the images of the HTML block @node in its place, grouped in
 * paragraphs, centred as their wrappers say; and notes whether the block
 * leaves a centred wrapper open or closes one opened before it. */
static void
replace_block (Pass       *pass,
               cmark_node *node)
{
  const char *html = cmark_node_get_literal (node);
  gsize length = html != NULL ? strlen (html) : 0;
  gsize pos = 0;
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Wrapper));
  cmark_node *paragraph = NULL;
  cmark_node *first = NULL;
  cmark_node *last = node;
  gboolean centred = FALSE;
  gboolean closes = FALSE;
  PyprepHtmlTag *next;
  cmark_node *image;

  while ((next = pyprep_html_tag_next (html, length, &pos)) != NULL)
    {
      g_autoptr(PyprepHtmlTag) tag = next;
      const char *name = wrapper_name (tag);

      if (name != NULL)
        closes |= !follow_wrapper (stack, tag, name);
      else if (pyprep_html_tag_is (tag, "img", FALSE) && (image = image_node (pass, tag)) != NULL)
        {
          if (paragraph == NULL || inside_centre (stack) != centred)
            {
              centred = inside_centre (stack);
              paragraph = insert_paragraph (pass, node, centred, &last);
              first = first != NULL ? first : last;
            }
          cmark_node_append_child (paragraph, image);
        }
    }

  if (first != NULL)
    {
      /* The raw HTML goes: only our own elements are left of it. */
      cmark_node_unlink (node);
      cmark_node_free (node);
    }
  if (closes)
    g_hash_table_add (pass->closes, first != NULL ? first : node);
  if (inside_centre (stack))
    g_ptr_array_add (pass->opens, last);
}

/* Centres the blocks after each block that leaves a centred wrapper open,
 * up to the block that closes it. A wrapper opened inside another is
 * already centred; skipping it moves every block at most once. */
static void
centre_across_blocks (Pass *pass)
{
  for (guint i = 0; i < pass->opens->len; i++)
    {
      cmark_node *opener = g_ptr_array_index (pass->opens, i);
      cmark_node *wrapper;
      cmark_node *next;

      if (g_hash_table_contains (pass->centred, cmark_node_parent (opener)))
        continue;
      wrapper = centre_block (pass);
      cmark_node_insert_after (opener, wrapper);
      while ((next = cmark_node_next (wrapper)) != NULL
             && !g_hash_table_contains (pass->closes, next))
        if (!cmark_node_append_child (wrapper, next))
          break;
      if (cmark_node_first_child (wrapper) == NULL)
        {
          cmark_node_unlink (wrapper);
          cmark_node_free (wrapper);
        }
    }
}

/*
 * pyprep_render_html_images:
 * @doc: a parsed document
 * @src: where it was written
 *
 * Turns the <img> tags of @doc's raw HTML into images of the notes folder
 * or placeholders, as this file's introduction says.
 */
void
pyprep_render_html_images (cmark_node               *doc,
                           const PyprepRenderSource *src)
{
  g_autoptr(cmark_iter) iter = cmark_iter_new (doc);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new ();
  g_autoptr(GPtrArray) inlines = g_ptr_array_new ();
  cmark_event_type ev;
  Pass pass = { src };

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (ev != CMARK_EVENT_ENTER)
        continue;
      if (cmark_node_get_type (node) == CMARK_NODE_HTML_BLOCK)
        g_ptr_array_add (blocks, node);
      else if (cmark_node_get_type (node) == CMARK_NODE_HTML_INLINE)
        g_ptr_array_add (inlines, node);
    }
  if (blocks->len == 0 && inlines->len == 0)
    return;

  pass.probes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  pass.opens = g_ptr_array_new ();
  pass.closes = g_hash_table_new (NULL, NULL);
  pass.centred = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < inlines->len; i++)
    replace_inline (&pass, g_ptr_array_index (inlines, i));
  for (guint i = 0; i < blocks->len; i++)
    replace_block (&pass, g_ptr_array_index (blocks, i));
  centre_across_blocks (&pass);

  g_hash_table_unref (pass.probes);
  g_ptr_array_unref (pass.opens);
  g_hash_table_unref (pass.closes);
  g_hash_table_unref (pass.centred);
}
