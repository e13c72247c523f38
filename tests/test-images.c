/* test-images.c: pictures of a notes folder are painted; nothing outside it is fetched.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens tests/decks/typora, a course written in Typora, and looks at its
 * pictures as the reader paints them (light, dark, and in a narrow
 * window). Then opens a hostile folder whose notes point at a file outside
 * it, a link out of it, a 200 MB file, a scripted SVG, a web server and
 * 10,000 pictures in one entry: only the picture inside is painted, the
 * server sees no connection and no file outside the folder is opened.
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <webkit/webkit.h>

#include "core-harness.h"
#include "ui-harness.h"

/* Where the entry titled @title is in the sidebar's list. */
static guint
position_of (Fixture    *f,
             const char *title)
{
  GListModel *entries = G_LIST_MODEL (window_entries (f));

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, i);

      if (g_str_equal (pyprep_entry_get_title (entry), title))
        return i;
    }
  g_error ("no entry “%s” in the sidebar", title);
}

static PyprepEntry *
select_title (Fixture    *f,
              const char *title)
{
  return select_and_wait (f, position_of (f, title));
}

static gboolean
images_loaded (gpointer data)
{
  g_autofree char *done = run_script (WEBKIT_WEB_VIEW (data),
                                      "Array.from (document.images).every (i => i.complete) ? 'yes' : 'no'");

  return g_str_equal (done, "yes");
}

/* The page's first image: whether it is decoded, its own width and the
 * width it is shown at. */
static char *
first_image (WebKitWebView *view)
{
  wait_until (images_loaded, view, "the page's images to load");
  return run_script (view, "(() => { const i = document.images[0];"
                           " return i.src + ' ' + i.naturalWidth + ' ' + i.getBoundingClientRect ().width; }) ()");
}

typedef struct
{
  GdkTexture *texture;
  gboolean done;
} Snapshot;

static void
snapshot_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  Snapshot *snapshot = data;
  g_autoptr(GError) error = NULL;

  snapshot->texture = webkit_web_view_get_snapshot_finish (WEBKIT_WEB_VIEW (object), result, &error);
  g_assert_no_error (error);
  snapshot->done = TRUE;
}

static gboolean
snapshot_done (gpointer data)
{
  return ((Snapshot *) data)->done;
}

/* How many pixels of the page, as WebKit paints it, have the colour
 * 0xRRGGBB (give or take 2 a channel). */
static guint
count_colour (WebKitWebView *view,
              guint32        rgb)
{
  Snapshot snapshot = { NULL, FALSE };
  g_autoptr(GdkTextureDownloader) downloader = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *data;
  gsize stride = 0;
  guint n = 0;

  webkit_web_view_get_snapshot (view, WEBKIT_SNAPSHOT_REGION_VISIBLE, WEBKIT_SNAPSHOT_OPTIONS_NONE,
                                NULL, snapshot_cb, &snapshot);
  wait_until (snapshot_done, &snapshot, "a snapshot of the page");
  downloader = gdk_texture_downloader_new (snapshot.texture);
  gdk_texture_downloader_set_format (downloader, GDK_MEMORY_R8G8B8A8);
  bytes = gdk_texture_downloader_download_bytes (downloader, &stride);
  data = g_bytes_get_data (bytes, NULL);
  for (int y = 0; y < gdk_texture_get_height (snapshot.texture); y++)
    for (int x = 0; x < gdk_texture_get_width (snapshot.texture); x++)
      {
        const guint8 *p = data + y * stride + 4 * x;

        if (ABS (p[0] - (int) (rgb >> 16 & 0xff)) <= 2 && ABS (p[1] - (int) (rgb >> 8 & 0xff)) <= 2
            && ABS (p[2] - (int) (rgb & 0xff)) <= 2)
          n++;
      }
  g_object_unref (snapshot.texture);
  return n;
}

/* The chart's bars cover 26,452 of its 400 × 200 pixels; at zoom 50% a
 * quarter of them, about 6,600, are painted in its blue. */
#define CHART_BLUE 0x3584e4
#define CHART_BAR_PIXELS 26452

static void
check_typora (Fixture *f)
{
  WebKitWebView *view = window_view (f);
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *image = NULL;
  g_autofree char *centred = NULL;
  guint blue;
  PaintWatch watch;

  select_title (f, "Python 现在有多流行？");
  image = first_image (view);
  g_assert_cmpstr (image, ==, "pyprep://image/typora/res/day01/tiobe_index.png 400 200");
  blue = count_colour (view, CHART_BLUE);
  g_test_message ("blue pixels: %u", blue);
  g_assert_cmpuint (blue, >, CHART_BAR_PIXELS / 4 * 8 / 10);
  g_assert_cmpuint (blue, <, CHART_BAR_PIXELS / 4 * 12 / 10);
  save_screenshot (f, "typora-zoom.png");

  watch_paint (f, &watch);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_paint (&watch, pyprep_entry_get_id (shown_entry (f)));
  blue = count_colour (view, CHART_BLUE);
  g_test_message ("blue pixels, dark: %u", blue);
  g_assert_cmpuint (blue, >, CHART_BAR_PIXELS / 4 * 8 / 10);
  g_assert_cmpuint (blue, <, CHART_BAR_PIXELS / 4 * 12 / 10);
  save_screenshot (f, "typora-zoom-dark.png");

  /* Centred, sized by the author, in a list: as Typora showed them. */
  select_title (f, "图片怎样居中？");
  g_free (first_image (view));
  centred = run_script (view, "(() => { const i = document.images[0].getBoundingClientRect ();"
                              " const b = document.querySelector ('.body').getBoundingClientRect ();"
                              " return Math.abs ((i.left - b.left) - (b.right - i.right)) <= 1"
                              " ? 'centred' : 'not centred'; }) ()");
  g_assert_cmpstr (centred, ==, "centred");
  save_screenshot (f, "typora-centred-dark.png");
  select_title (f, "列表里的图片怎样显示？");
  g_free (first_image (view));
  save_screenshot (f, "typora-list-dark.png");

  watch_paint (f, &watch);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  wait_paint (&watch, pyprep_entry_get_id (shown_entry (f)));
  save_screenshot (f, "typora-list.png");
  select_title (f, "Markdown 图片怎样居中？");
  g_free (first_image (view));
  save_screenshot (f, "typora-markdown-centred.png");
}

static void
test_images_typora (void)
{
  g_autofree char *path = test_deck_path ("typora");

  run_app (path, check_typora, NULL);
}

/* In a window 360 pixels wide, a picture wider than the page shrinks to
 * fit it, keeping its proportions (both are 2:1). */
static void
check_narrow (Fixture *f)
{
  static const char *const titles[] = { "Python 有哪些特点？", "图片怎样居中？" };
  AdwNavigationSplitView *split = window_child (f, "split_view");
  WebKitWebView *view = window_view (f);

  wait_until (window_allocated, f->window, "the window to be laid out");
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *fits = NULL;
      g_autofree char *name = g_strdup_printf ("typora-narrow-%u.png", i);
      PaintWatch watch;
      guint position = position_of (f, titles[i]);

      /* On a narrow window an entry is opened from the list, which the
       * reader then covers. */
      watch_paint (f, &watch);
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (window_entries (f)), position, TRUE);
      g_signal_emit_by_name (window_entry_list (f), "activate", position);
      wait_paint (&watch, pyprep_entry_get_id (shown_entry (f)));
      g_assert_true (adw_navigation_split_view_get_show_content (split));
      g_free (first_image (view));
      fits = run_script (view, "(() => { const i = document.images[0].getBoundingClientRect ();"
                               " const b = document.querySelector ('.body').getBoundingClientRect ();"
                               " return (i.width <= b.width + 0.5) + ' '"
                               " + (Math.abs (i.width / i.height - 2) < 0.05); }) ()");
      save_screenshot (f, name);
      g_assert_cmpstr (fits, ==, "true true");
      adw_navigation_split_view_set_show_content (split, FALSE);
      spin (300);
    }
}

static void
test_images_narrow (void)
{
  g_autofree char *path = test_deck_path ("typora");

  forget_user_data ();
  run_app_sized (path, 360, 640, check_narrow, NULL);
}

/* A loopback HTTP server that the page must never reach, and a watch on
 * the files outside the notes folder. */
typedef struct
{
  LoopbackServer server;
  int inotify;
} Hostile;

/* Whether any file of the outside folder was opened or read since the
 * last call. */
static gboolean
outside_touched (Hostile *h)
{
  char buffer[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  gboolean touched = FALSE;
  ssize_t n;

  while ((n = read (h->inotify, buffer, sizeof buffer)) > 0)
    for (char *p = buffer; p < buffer + n;
         p += sizeof (struct inotify_event) + ((struct inotify_event *) p)->len)
      {
        const struct inotify_event *event = (const struct inotify_event *) p;

        /* Folders are opened to be listed: the notes folder is in @top. */
        if ((event->mask & (IN_OPEN | IN_ACCESS)) && !(event->mask & IN_ISDIR))
          touched = TRUE;
      }
  return touched;
}

static void
check_hostile (Fixture *f)
{
  Hostile *h = f->data;
  WebKitWebView *view = window_view (f);
  g_autofree char *image = NULL;
  g_autofree char *placeholders = NULL;
  g_autofree char *many = NULL;

  select_title (f, "images?");
  image = first_image (view);
  g_assert_cmpstr (image, ==, "pyprep://image/hostile/res/good.png 200 100");
  /* In the entry's text (its recall card, folded, repeats the first). */
  placeholders = run_script (view, "document.querySelectorAll ('.body img').length + ' '"
                                   " + Array.from (document.querySelectorAll ('.body a'))"
                                   ".filter (a => a.textContent.startsWith ('Image not loaded')).length");
  g_assert_cmpstr (placeholders, ==, "1 6");
  save_screenshot (f, "hostile-images.png");

  select_title (f, "many?");
  wait_until (images_loaded, view, "10,000 images to load");
  many = run_script (view, "document.querySelectorAll ('.body img').length + ' '"
                           " + Array.from (document.querySelectorAll ('.body img'))"
                           ".filter (i => i.naturalWidth == 200).length");
  g_assert_cmpstr (many, ==, "10000 10000");

  spin (500);
  g_assert_cmpuint (h->server.connections, ==, 0);
  g_assert_false (outside_touched (h));
}

static void
test_images_hostile (void)
{
  Hostile h = { { NULL } };
  HostileFolder folder;
  g_autofree char *secret = NULL;
  g_autofree char *svg = NULL;
  GString *markdown = g_string_new ("# Hostile\n\n## images?\n\n");
  int fd;

  loopback_server_start (&h.server);

  g_string_append_printf (markdown,
                          "<img src=\"res/good.png\" style=\"zoom:50%%;\" onerror=alert(1)>\n\n"
                          "<img src=\"../outside.png\" alt=\"outside\">\n\n"
                          "<img src=\"res/link.png\" alt=\"link\">\n\n"
                          "<img src=\"res/huge.png\" alt=\"huge\">\n\n"
                          "<img src=\"res/evil.svg\" alt=\"script\">\n\n"
                          "<img src=\"http://127.0.0.1:%u/remote.png\" alt=\"remote\">\n\n"
                          "<img src=x onerror=alert(1)>\n\n## many?\n\n", h.server.port);
  for (guint i = 0; i < 10000; i++)
    g_string_append (markdown, "<img src=\"res/good.png\" width=\"4\"> ");
  g_string_append_c (markdown, '\n');
  hostile_folder_make (&folder, markdown->str);
  g_string_free (markdown, TRUE);
  /* The scripted SVG calls this test's server. */
  svg = g_strdup_printf ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                         "<script>fetch ('http://127.0.0.1:%u/svg')</script>"
                         "<image href=\"http://127.0.0.1:%u/svg.png\"/></svg>", h.server.port, h.server.port);
  write_file (folder.deck, "res/evil.svg", svg);

  /* The watch sees a file opened: open one to prove it, then start. */
  secret = g_build_filename (folder.outside, "secret.png", NULL);
  h.inotify = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  g_assert_cmpint (h.inotify, >=, 0);
  g_assert_cmpint (inotify_add_watch (h.inotify, folder.outside, IN_OPEN | IN_ACCESS), >=, 0);
  g_assert_cmpint (inotify_add_watch (h.inotify, folder.top, IN_OPEN | IN_ACCESS), >=, 0);
  fd = open (secret, O_RDONLY);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (outside_touched (&h));

  run_app (folder.deck, check_hostile, &h);

  close (h.inotify);
  loopback_server_stop (&h.server);
  hostile_folder_remove (&folder);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, NULL))
    return g_test_run ();

  g_test_add_func ("/pyprep/ui/images/typora", test_images_typora);
  g_test_add_func ("/pyprep/ui/images/narrow", test_images_narrow);
  g_test_add_func ("/pyprep/ui/images/hostile", test_images_hostile);

  return g_test_run ();
}
