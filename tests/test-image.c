/* test-image.c: images are served from inside the notes folder only.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pyprep-deck.h"
#include "pyprep-image.h"

static const char png_header[] = "\x89PNG\r\n\x1a\n";

static char *
shape_f (void)
{
  return g_test_build_filename (G_TEST_DIST, "decks", "shapes", "f", NULL);
}

static void
test_image_load (void)
{
  g_autofree char *path = shape_f ();
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *type = NULL;

  bytes = pyprep_image_load (folder, "python/images/list.png", &type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (type, ==, "image/png");
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 8, png_header, 8);
}

/* Paths that climb, absolute paths and other types are refused before any
 * file is opened. */
static void
test_image_bad_paths (void)
{
  static const char *paths[] = {
    "../f/assets/diagram.png", "python/../assets/diagram.png", "/etc/x.png", "./assets/diagram.png",
    "assets//diagram.png", "assets\\diagram.png", "README.md", "", "python/images/missing.png",
  };
  g_autofree char *path = shape_f ();
  g_autoptr(GFile) folder = g_file_new_for_path (path);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      const char *type = NULL;

      g_test_message ("path: %s", paths[i]);
      bytes = pyprep_image_load (folder, paths[i], &type, &error);
      g_assert_null (bytes);
      g_assert_nonnull (error);
    }
}

static void
write_bytes (const char *path,
             const char *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* A link out of the folder, a text file named .png and a huge file. */
static void
test_image_hostile_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-image-XXXXXX", &error);
  g_autofree char *outside = g_dir_make_tmp ("pyprep-outside-XXXXXX", &error);
  g_autofree char *secret = g_build_filename (outside, "secret.png", NULL);
  g_autofree char *link = g_build_filename (dir, "link.png", NULL);
  g_autofree char *fake = g_build_filename (dir, "fake.png", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.png", NULL);
  g_autofree char *good = g_build_filename (dir, "good.png", NULL);
  g_autoptr(GFile) folder = NULL;
  static const char *names[] = { "link.png", "fake.png", "huge.png" };
  FILE *f;

  g_assert_no_error (error);
  folder = g_file_new_for_path (dir);
  write_bytes (secret, png_header, 8);
  write_bytes (good, png_header, 8);
  g_assert_cmpint (symlink (secret, link), ==, 0);
  write_bytes (fake, "<html><script>x</script></html>", -1);
  f = fopen (huge, "wb");
  g_assert_nonnull (f);
  fwrite (png_header, 1, 8, f);
  g_assert_cmpint (ftruncate (fileno (f), PYPREP_IMAGE_MAX_SIZE + 1), ==, 0);
  fclose (f);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      const char *type = NULL;

      bytes = pyprep_image_load (folder, names[i], &type, &local_error);
      g_test_message ("%s: %s", names[i], local_error != NULL ? local_error->message : "served");
      g_assert_null (bytes);
      g_assert_nonnull (local_error);
    }
  {
    const char *type = NULL;
    g_autoptr(GBytes) bytes = pyprep_image_load (folder, "good.png", &type, &error);

    g_assert_no_error (error);
    g_assert_nonnull (bytes);
  }

  g_unlink (link);
  g_unlink (fake);
  g_unlink (huge);
  g_unlink (good);
  g_unlink (secret);
  g_rmdir (dir);
  g_rmdir (outside);
}

/* An SVG that could run anything is no picture: scripts, event handlers,
 * javascript: links, foreign content and entities are refused; a plain
 * drawing is served. */
static void
test_image_svg (void)
{
  static const struct
  {
    const char *svg;
    gboolean served;
  } cases[] = {
    { "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"9\" height=\"9\"/></svg>", TRUE },
    { "<svg><style>rect { fill: red }</style><a href=\"#x\"><rect/></a></svg>", TRUE },
    { "<svg><SCRIPT>alert(1)</SCRIPT></svg>", FALSE },
    { "<svg onload=\"alert(1)\"></svg>", FALSE },
    { "<svg><rect ONCLICK=alert(1) /></svg>", FALSE },
    { "<svg><a xlink:href=\" JavaScript:alert(1)\"><rect/></a></svg>", FALSE },
    { "<svg><foreignObject><div>x</div></foreignObject></svg>", FALSE },
    { "<!DOCTYPE svg [<!ENTITY x \"&#60;script&#62;\">]><svg>&x;</svg>", FALSE },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-svg-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "x.svg", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      const char *type = NULL;

      write_bytes (path, cases[i].svg, -1);
      bytes = pyprep_image_load (folder, "x.svg", &type, &local_error);
      g_test_message ("svg: %s", cases[i].svg);
      g_assert_cmpint (bytes != NULL, ==, cases[i].served);
      g_assert_cmpint (local_error == NULL, ==, cases[i].served);
    }
  g_unlink (path);
  g_rmdir (dir);
}

/* What the reader asks for: a URI naming an open deck. */
static void
test_image_uri (void)
{
  g_autofree char *path = shape_f ();
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *uri = pyprep_image_uri ("f", "python/images/list.png");
  g_autofree char *resolved = pyprep_image_resolve ("python/advanced/gil.md", "../../assets/diagram.png");
  const char *type = NULL;

  deck = pyprep_deck_load (folder, NULL, NULL, &error);
  g_assert_no_error (error);
  pyprep_library_add_deck (library, deck);

  g_assert_cmpstr (uri, ==, "pyprep://image/f/python/images/list.png");
  g_assert_cmpstr (resolved, ==, "assets/diagram.png");
  bytes = pyprep_image_load_uri (library, uri, &type, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (type, ==, "image/png");

  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = pyprep_image_load_uri (library, "pyprep://image/f/%2e%2e/f/assets/diagram.png", &type, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  bytes = pyprep_image_load_uri (library, "pyprep://image/nodeck/assets/diagram.png", &type, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* Each format's size, read from its first bytes. */
static void
test_image_measure (void)
{
  static const guint8 png[] = "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x01\x90\0\0\0\xc8\x08\x02";
  static const guint8 gif[] = "GIF89a\x2c\x01\x96\0";
  static const guint8 bmp[] = "BM\0\0\0\0\0\0\0\0\0\0\0\0\x28\0\0\0\x40\0\0\0\xe0\xff\xff\xff";
  static const guint8 bmp_os2[] = "BM\0\0\0\0\0\0\0\0\0\0\0\0\x0c\0\0\0\x10\0\x08\0\x01\0\x18\0";
  static const guint8 vp8[] = "RIFF\0\0\0\0WEBPVP8 \0\0\0\0\0\0\0\x9d\x01\x2a\x80\x02\xe0\x01";
  static const guint8 vp8l[] = "RIFF\0\0\0\0WEBPVP8L\0\0\0\0\x2f\x63\x40\x0c\0\0\0\0\0\0";
  static const guint8 vp8x[] = "RIFF\0\0\0\0WEBPVP8X\0\0\0\0\0\0\0\0\x1f\x03\0\xdf\x01\0";
  /* A JFIF segment, a comment, then the frame: 200 × 100. */
  static const guint8 jpeg[] = "\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0"
                               "\xff\xfe\0\x04hi\xff\xc4\0\x02\xff\xc0\0\x11\x08\0\x64\0\xc8\x03";
  static const guint8 jpeg_cut[] = "\xff\xd8\xff\xe1\x80\0Exif";
  static const char svg[] = "<?xml version=\"1.0\"?><!-- <svg width=\"1\"> -->"
                            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120px\" height=\"60.4\">";
  static const char svg_relative[] = "<svg width=\"100%\" height=\"2em\" viewBox=\"0 0 10 10\">";
  static const struct
  {
    const char *type;
    const guint8 *data;
    gsize length;
    gboolean known;
    int width;
    int height;
  } cases[] = {
    { "image/png", png, sizeof png - 1, TRUE, 400, 200 },
    { "image/png", png, 20, FALSE, 0, 0 },
    { "image/gif", gif, sizeof gif - 1, TRUE, 300, 150 },
    { "image/bmp", bmp, sizeof bmp - 1, TRUE, 64, 32 },
    { "image/bmp", bmp_os2, sizeof bmp_os2 - 1, TRUE, 16, 8 },
    { "image/webp", vp8, sizeof vp8 - 1, TRUE, 640, 480 },
    { "image/webp", vp8l, sizeof vp8l - 1, TRUE, 100, 50 },
    { "image/webp", vp8x, sizeof vp8x - 1, TRUE, 800, 480 },
    { "image/jpeg", jpeg, sizeof jpeg - 1, TRUE, 200, 100 },
    { "image/jpeg", jpeg_cut, sizeof jpeg_cut - 1, FALSE, 0, 0 },
    { "image/svg+xml", (const guint8 *) svg, sizeof svg - 1, TRUE, 120, 60 },
    { "image/svg+xml", (const guint8 *) svg_relative, sizeof svg_relative - 1, FALSE, 0, 0 },
    { "text/plain", png, sizeof png - 1, FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int width = -1, height = -1;
      gboolean known = pyprep_image_measure (cases[i].type, cases[i].data, cases[i].length, &width, &height);

      g_test_message ("measure: case %u, %s", i, cases[i].type);
      g_assert_cmpint (known, ==, cases[i].known);
      g_assert_cmpint (width, ==, cases[i].width);
      g_assert_cmpint (height, ==, cases[i].height);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/image/load", test_image_load);
  g_test_add_func ("/pyprep/image/bad-paths", test_image_bad_paths);
  g_test_add_func ("/pyprep/image/hostile-files", test_image_hostile_files);
  g_test_add_func ("/pyprep/image/uri", test_image_uri);
  g_test_add_func ("/pyprep/image/measure", test_image_measure);
  g_test_add_func ("/pyprep/image/svg", test_image_svg);

  return g_test_run ();
}
