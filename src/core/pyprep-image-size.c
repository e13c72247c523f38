/* pyprep-image-size.c: an image's size in pixels, read from its first bytes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Typora writes a resized picture as `<img src="x.png" style="zoom:50%;">`.
 * Our pages may not carry style attributes (their Content-Security-Policy
 * allows the one stylesheet only), so the renderer turns the zoom into a
 * width in pixels, and for that it needs the picture's own width. Every
 * format the reader serves says its size near its start; this file reads
 * it from there, never decoding the picture itself.
 */
#include "config.h"

#include <string.h>

#include "pyprep-html-tag.h"
#include "pyprep-image.h"

/* Larger sides are not believed: no screenshot is that large. */
#define MAX_SIDE 100000

static guint
be16 (const guint8 *p)
{
  return (guint) p[0] << 8 | p[1];
}

static guint32
be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static guint
le16 (const guint8 *p)
{
  return (guint) p[1] << 8 | p[0];
}

static guint32
le24 (const guint8 *p)
{
  return (guint32) p[2] << 16 | (guint32) p[1] << 8 | p[0];
}

static guint32
le32 (const guint8 *p)
{
  return (guint32) p[3] << 24 | le24 (p);
}

static gboolean
measure_png (const guint8 *d,
             gsize         n,
             gint64       *w,
             gint64       *h)
{
  if (n < 24 || memcmp (d + 12, "IHDR", 4) != 0)
    return FALSE;
  *w = be32 (d + 16);
  *h = be32 (d + 20);
  return TRUE;
}

static gboolean
measure_gif (const guint8 *d,
             gsize         n,
             gint64       *w,
             gint64       *h)
{
  if (n < 10)
    return FALSE;
  *w = le16 (d + 6);
  *h = le16 (d + 8);
  return TRUE;
}

static gboolean
measure_bmp (const guint8 *d,
             gsize         n,
             gint64       *w,
             gint64       *h)
{
  if (n < 26)
    return FALSE;
  if (le32 (d + 14) == 12)
    {
      *w = le16 (d + 18);
      *h = le16 (d + 20);
      return TRUE;
    }
  if (le32 (d + 14) < 40)
    return FALSE;
  /* A negative height means the rows are stored top-down. */
  *w = (gint32) le32 (d + 18);
  *h = ABS ((gint64) (gint32) le32 (d + 22));
  return TRUE;
}

/* RIFF, then one of three chunks: lossy (VP8), lossless (VP8L) or
 * extended (VP8X), each keeping the size in its own way. */
static gboolean
measure_webp (const guint8 *d,
              gsize         n,
              gint64       *w,
              gint64       *h)
{
  if (n < 30)
    return FALSE;
  if (memcmp (d + 12, "VP8 ", 4) == 0 && d[23] == 0x9d && d[24] == 0x01 && d[25] == 0x2a)
    {
      *w = le16 (d + 26) & 0x3fff;
      *h = le16 (d + 28) & 0x3fff;
      return TRUE;
    }
  if (memcmp (d + 12, "VP8L", 4) == 0 && d[20] == 0x2f)
    {
      guint32 bits = le32 (d + 21);

      *w = (bits & 0x3fff) + 1;
      *h = ((bits >> 14) & 0x3fff) + 1;
      return TRUE;
    }
  if (memcmp (d + 12, "VP8X", 4) == 0)
    {
      *w = (gint64) le24 (d + 24) + 1;
      *h = (gint64) le24 (d + 27) + 1;
      return TRUE;
    }
  return FALSE;
}

/* Walks the segments up to the first start-of-frame, which holds the
 * size; a frame past the bytes read leaves the size unknown. */
static gboolean
measure_jpeg (const guint8 *d,
              gsize         n,
              gint64       *w,
              gint64       *h)
{
  gsize i = 2;

  while (i + 4 <= n)
    {
      guint marker;

      if (d[i] != 0xff)
        return FALSE;
      marker = d[i + 1];
      if (marker == 0xff)
        {
          i++;
          continue;
        }
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8))
        {
          i += 2;
          continue;
        }
      if (marker == 0xd9 || marker == 0xda)
        return FALSE;
      /* C4, C8 and CC are tables and extensions, not frames. */
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (i + 9 > n)
            return FALSE;
          *h = be16 (d + i + 5);
          *w = be16 (d + i + 7);
          return TRUE;
        }
      if (be16 (d + i + 2) < 2)
        return FALSE;
      i += 2 + be16 (d + i + 2);
    }
  return FALSE;
}

/* A length in an SVG's width or height: a number of pixels, "px" or no
 * unit; other units are relative to things an image does not know. */
static gint64
svg_length (const char *text)
{
  char *end = NULL;
  double value;

  if (text == NULL)
    return 0;
  value = g_ascii_strtod (text, &end);
  if (end == text || (*end != '\0' && strcmp (end, "px") != 0)
      || !(value >= 1 && value <= MAX_SIDE))
    return 0;
  return (gint64) (value + 0.5);
}

static gboolean
measure_svg (const guint8 *d,
             gsize         n,
             gint64       *w,
             gint64       *h)
{
  gsize pos = 0;

  for (;;)
    {
      g_autoptr(PyprepHtmlTag) tag = pyprep_html_tag_next ((const char *) d, n, &pos);

      if (tag == NULL)
        return FALSE;
      if (pyprep_html_tag_is (tag, "svg", FALSE))
        {
          *w = svg_length (pyprep_html_tag_get (tag, "width"));
          *h = svg_length (pyprep_html_tag_get (tag, "height"));
          return TRUE;
        }
    }
}

/**
 * pyprep_image_measure:
 * @content_type: the image's type, as pyprep_image_load() gives it
 * @data: the image's first bytes (64 KiB are enough for any but a JPEG
 *   with unusually large metadata)
 * @length: how many
 * @width: (out): its width in pixels
 * @height: (out): its height in pixels
 *
 * Returns: whether @data says the image's size; when it does not,
 *   @width and @height are 0
 */
gboolean
pyprep_image_measure (const char   *content_type,
                      const guint8 *data,
                      gsize         length,
                      int          *width,
                      int          *height)
{
  static const struct
  {
    const char *type;
    gboolean (*measure) (const guint8 *, gsize, gint64 *, gint64 *);
  } formats[] = {
    { "image/png", measure_png },
    { "image/gif", measure_gif },
    { "image/bmp", measure_bmp },
    { "image/webp", measure_webp },
    { "image/jpeg", measure_jpeg },
    { "image/svg+xml", measure_svg },
  };
  gint64 w = 0;
  gint64 h = 0;

  g_return_val_if_fail (content_type != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (width != NULL && height != NULL, FALSE);

  *width = *height = 0;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (content_type, formats[i].type))
      {
        if (!formats[i].measure (data, length, &w, &h)
            || w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE)
          return FALSE;
        *width = (int) w;
        *height = (int) h;
        return TRUE;
      }
  return FALSE;
}
