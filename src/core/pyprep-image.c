/* pyprep-image.c: images of a notes folder, served through Pyprep's own scheme.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Notes show pictures kept beside them (`![](images/x.png)`). The renderer
 * turns such a path into `pyprep://image/DECK/PATH`, PATH relative to the
 * deck folder; the reader asks pyprep_image_load_uri() for it. Only files
 * inside the deck folder are served: the path may not climb with "..", its
 * real path (links resolved) must stay inside the folder's, and the file
 * must be an image by its name and by its first bytes, and not too large.
 * Anything else is refused, and the page shows the image's placeholder.
 * pyprep_image_probe() runs the same checks before the page asks, for the
 * renderer of `<img>` tags (pyprep-render-html.c), and says the size.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pyprep-deck.h"
#include "pyprep-html-tag.h"
#include "pyprep-image.h"
#include "pyprep-markdown.h"

/* How much of an image pyprep_image_probe() reads: the size of every
 * format is in its first bytes, a JPEG's after its metadata segments. */
#define PROBE_SIZE (64 * 1024)
#define FIRST_READ 4096

typedef struct
{
  const char *extension;
  const char *content_type;
} ImageType;

static const ImageType image_types[] = {
  { ".png", "image/png" },
  { ".jpg", "image/jpeg" },
  { ".jpeg", "image/jpeg" },
  { ".gif", "image/gif" },
  { ".webp", "image/webp" },
  { ".bmp", "image/bmp" },
  { ".svg", "image/svg+xml" },
};

/* Splits @path at "/" and checks every part: no "..", ".", empty part,
 * backslash or NUL can name a file elsewhere. */
static gboolean
path_is_plain (const char *path)
{
  g_auto(GStrv) parts = NULL;

  if (path == NULL || *path == '\0' || *path == '/' || strchr (path, '\\') != NULL)
    return FALSE;
  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
      return FALSE;
  return TRUE;
}

/**
 * pyprep_image_resolve:
 * @entry_file: the entry's file, relative to the deck folder
 * @url: an image URL as written in the notes
 *
 * Returns: (transfer full) (nullable): the image's path relative to the
 *   deck folder, or %NULL when @url is not a relative path or climbs out
 *   of the deck folder
 */
char *
pyprep_image_resolve (const char *entry_file,
                      const char *url)
{
  g_autofree char *scheme = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  scheme = g_uri_parse_scheme (url);
  if (scheme != NULL || *url == '/' || *url == '#' || *url == '\0' || entry_file == NULL)
    return NULL;
  path = g_uri_unescape_segment (url, url + strcspn (url, "?#"), "/");
  if (path == NULL)
    return NULL;
  dir = g_path_get_dirname (entry_file);
  return pyprep_markdown_resolve_path (dir, path);
}

/**
 * pyprep_image_uri:
 * @deck_id: the deck's ID
 * @path: the image's path relative to the deck folder
 *
 * Returns: (transfer full): `pyprep://image/DECK/PATH`, PATH escaped
 */
char *
pyprep_image_uri (const char *deck_id,
                  const char *path)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (deck_id != NULL && path != NULL, NULL);

  escaped = g_uri_escape_string (path, "/", FALSE);
  return g_strconcat (PYPREP_IMAGE_URI_PREFIX, deck_id, "/", escaped, NULL);
}

static const char *
type_by_name (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (image_types); i++)
    if (g_str_has_suffix (lower, image_types[i].extension))
      return image_types[i].content_type;
  return NULL;
}

/* Is @data of @type, by its first bytes? */
static gboolean
sniff (const char *type,
       const guint8 *data,
       gsize       length)
{
  if (g_str_equal (type, "image/png"))
    return length >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0;
  if (g_str_equal (type, "image/jpeg"))
    return length >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0;
  if (g_str_equal (type, "image/gif"))
    return length >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0);
  if (g_str_equal (type, "image/webp"))
    return length >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0;
  if (g_str_equal (type, "image/bmp"))
    return length >= 2 && memcmp (data, "BM", 2) == 0;
  if (g_str_equal (type, "image/svg+xml"))
    {
      /* A picture the page shows as an image, where its scripts never run;
       * the response's Content-Security-Policy forbids them anyway. */
      g_autofree char *head = g_strndup ((const char *) data, MIN (length, 1024));

      return strstr (head, "<svg") != NULL;
    }
  return FALSE;
}

/* An SVG is a document, and may carry scripts. The page shows it as an
 * image, where they never run; still, a picture needs none, so an SVG
 * with a script, an event handler, a javascript: link, foreign content or
 * entity declarations (which could smuggle any of these past this reader)
 * is refused. */
static gboolean
svg_is_inert (const char *data,
              gsize       length)
{
  static const char *const forbidden[] = { "<script", "<!entity", "foreignobject" };
  g_autofree char *lower = g_ascii_strdown (data, length);
  PyprepHtmlTag *next;
  gsize pos = 0;

  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    if (strstr (lower, forbidden[i]) != NULL)
      return FALSE;
  while ((next = pyprep_html_tag_next (lower, length, &pos)) != NULL)
    {
      g_autoptr(PyprepHtmlTag) tag = next;

      for (guint i = 0; i + 1 < tag->attributes->len; i += 2)
        {
          const char *name = g_ptr_array_index (tag->attributes, i);
          g_autofree char *value = g_strdup (g_ptr_array_index (tag->attributes, i + 1));

          if (g_str_has_prefix (name, "on") || g_str_has_prefix (g_strstrip (value), "javascript:"))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
inside (const char *real,
        const char *root)
{
  gsize n = strlen (root);

  return strncmp (real, root, n) == 0 && (real[n] == '/' || g_str_equal (root, "/"));
}

/* The checks every image passes before a byte of it is read: a plain
 * path, an image's name, a real path (links resolved) inside the folder's,
 * a regular file (no FIFO or device that could block or never end) and no
 * more than PYPREP_IMAGE_MAX_SIZE. Returns the file at its real path. */
static GFile *
open_checked (GFile       *folder,
              const char  *path,
              const char **type,
              GError     **error)
{
  g_autofree char *root = NULL;
  g_autofree char *root_real = NULL;
  g_autofree char *file_path = NULL;
  g_autofree char *file_real = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;

  *type = path != NULL ? type_by_name (path) : NULL;
  if (!path_is_plain (path) || *type == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   "not an image path inside the notes folder: %s", path != NULL ? path : "");
      return NULL;
    }
  root = g_file_get_path (folder);
  root_real = root != NULL ? realpath (root, NULL) : NULL;
  file_path = root != NULL ? g_build_filename (root, path, NULL) : NULL;
  file_real = file_path != NULL ? realpath (file_path, NULL) : NULL;
  if (root_real == NULL || file_real == NULL || !inside (file_real, root_real))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no image %s inside the notes folder", path);
      return NULL;
    }

  file = g_file_new_for_path (file_real);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR
      || g_file_info_get_size (info) > PYPREP_IMAGE_MAX_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s is not a file of at most %d MiB", path, PYPREP_IMAGE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  return g_steal_pointer (&file);
}

/**
 * pyprep_image_load:
 * @folder: a deck folder
 * @path: an image's path relative to @folder, "/" between names
 * @content_type: (out) (transfer none): the image's type
 *
 * Returns: (transfer full) (nullable): the image, or %NULL with @error
 *   set when @path is not a plain path inside @folder, not an image, or
 *   over %PYPREP_IMAGE_MAX_SIZE
 */
GBytes *
pyprep_image_load (GFile       *folder,
                   const char  *path,
                   const char **content_type,
                   GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GFile) file = NULL;
  const char *type = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (content_type != NULL, NULL);

  file = open_checked (folder, path, &type, error);
  if (file == NULL)
    return NULL;
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    return NULL;
  if (length > PYPREP_IMAGE_MAX_SIZE || !sniff (type, (const guint8 *) data, length)
      || (g_str_equal (type, "image/svg+xml") && !svg_is_inert (data, length)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s is not a %s image", path, type);
      return NULL;
    }

  *content_type = type;
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/**
 * pyprep_image_probe:
 * @folder: a deck folder
 * @path: an image's path relative to @folder, "/" between names
 * @width: (out): the image's width in pixels, 0 when its header does not say
 * @height: (out): its height, likewise
 *
 * Checks @path as pyprep_image_load() does, reading only the image's
 * first bytes, so that a page can be told before it asks for the image
 * whether it will be served, and how large it is.
 *
 * Returns: %TRUE when pyprep_image_load() would serve @path
 */
gboolean
pyprep_image_probe (GFile       *folder,
                    const char  *path,
                    int         *width,
                    int         *height,
                    GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree guint8 *head = g_malloc (PROBE_SIZE);
  const char *type = NULL;
  gsize length = 0;
  gsize more = 0;

  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (width != NULL && height != NULL, FALSE);

  *width = *height = 0;
  if (path != NULL && g_strcmp0 (type_by_name (path), "image/svg+xml") == 0)
    {
      /* Whether an SVG is served depends on all of it. */
      g_autoptr(GBytes) svg = pyprep_image_load (folder, path, &type, error);

      if (svg == NULL)
        return FALSE;
      pyprep_image_measure (type, g_bytes_get_data (svg, NULL), g_bytes_get_size (svg),
                            width, height);
      return TRUE;
    }
  file = open_checked (folder, path, &type, error);
  stream = file != NULL ? g_file_read (file, NULL, error) : NULL;
  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), head, FIRST_READ, &length, NULL, error))
    return FALSE;
  if (!sniff (type, head, length))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s is not a %s image", path, type);
      return FALSE;
    }
  /* Most formats say their size in their first bytes; a JPEG or an SVG
   * may say it further on. */
  if (!pyprep_image_measure (type, head, length, width, height) && length == FIRST_READ
      && g_input_stream_read_all (G_INPUT_STREAM (stream), head + length, PROBE_SIZE - length,
                                  &more, NULL, NULL))
    pyprep_image_measure (type, head, length + more, width, height);
  return TRUE;
}

/**
 * pyprep_image_load_uri:
 * @library: the open decks
 * @uri: a `pyprep://image/DECK/PATH` URI
 * @content_type: (out) (transfer none): the image's type
 *
 * Returns: (transfer full) (nullable): the image from the folder of the
 *   deck named in @uri; see pyprep_image_load()
 */
GBytes *
pyprep_image_load_uri (PyprepLibrary *library,
                       const char    *uri,
                       const char   **content_type,
                       GError       **error)
{
  g_autofree char *rest = NULL;
  g_autofree char *path = NULL;
  GListModel *decks;
  const char *slash;

  g_return_val_if_fail (PYPREP_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  if (g_str_has_prefix (uri, PYPREP_IMAGE_URI_PREFIX))
    rest = g_strndup (uri + strlen (PYPREP_IMAGE_URI_PREFIX),
                      strcspn (uri + strlen (PYPREP_IMAGE_URI_PREFIX), "?#"));
  slash = rest != NULL ? strchr (rest, '/') : NULL;
  path = slash != NULL ? g_uri_unescape_string (slash + 1, NULL) : NULL;
  decks = pyprep_library_get_decks (library);
  for (guint i = 0; path != NULL && i < g_list_model_get_n_items (decks); i++)
    {
      g_autoptr(PyprepDeck) deck = g_list_model_get_item (decks, i);

      if (strlen (pyprep_deck_get_id (deck)) == (gsize) (slash - rest)
          && strncmp (pyprep_deck_get_id (deck), rest, slash - rest) == 0)
        return pyprep_image_load (pyprep_deck_get_folder (deck), path, content_type, error);
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no such image: %s", uri);
  return NULL;
}
