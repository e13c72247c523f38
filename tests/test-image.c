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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/image/load", test_image_load);
  g_test_add_func ("/pyprep/image/bad-paths", test_image_bad_paths);
  g_test_add_func ("/pyprep/image/hostile-files", test_image_hostile_files);
  g_test_add_func ("/pyprep/image/uri", test_image_uri);

  return g_test_run ();
}
