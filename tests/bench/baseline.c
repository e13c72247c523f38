/* baseline.c: the benchmark's yardstick, a bare GTK window with one web view.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: pyprep-baseline PAGE.html ENTRY_ID
 *
 * Shows PAGE.html (an entry's page, rendered beforehand by
 * `pyprep-bench-core render`) in a window of Pyprep's default size, and
 * appends `painted ENTRY_ID MICROSECONDS` to $PYPREP_TRACE_FILE once the
 * page is on screen, found out the way the reader does: two animation
 * frames in the web process, then the next frame GTK paints. Whatever
 * Pyprep costs beyond this program is what the benchmark compares.
 */
#include <gtk/gtk.h>
#include <webkit/webkit.h>

typedef struct
{
  GtkWidget *window;
  WebKitWebView *view;
  const char *entry_id;
  gboolean painted;
} Baseline;

static void
log_painted (Baseline *baseline)
{
  const char *path = g_getenv ("PYPREP_TRACE_FILE");
  g_autofree char *line = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;

  if (path == NULL || *path == '\0')
    return;

  line = g_strdup_printf ("painted %s %" G_GINT64_FORMAT "\n", baseline->entry_id,
                          g_get_real_time ());
  file = g_file_new_for_path (path);
  stream = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, NULL);
  if (stream != NULL)
    g_output_stream_write_all (G_OUTPUT_STREAM (stream), line, strlen (line), NULL, NULL, NULL);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Baseline      *baseline)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, baseline);
  if (baseline->painted)
    return;
  baseline->painted = TRUE;
  log_painted (baseline);
}

static gboolean
next_frame_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  Baseline *baseline = user_data;

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), baseline);
  gtk_widget_queue_draw (GTK_WIDGET (baseline->view));

  return G_SOURCE_REMOVE;
}

static void
frames_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Baseline *baseline = user_data;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object),
                                                                 result, &error);
  if (value == NULL)
    {
      g_printerr ("pyprep-baseline: cannot wait for the page's frames: %s\n", error->message);
      return;
    }
  gtk_widget_add_tick_callback (GTK_WIDGET (baseline->view), next_frame_cb, baseline, NULL);
}

/* The same script, in a script world of its own, as the reader runs. */
static const char wait_for_frames[] =
  "return await new Promise (done => requestAnimationFrame (() => requestAnimationFrame (() => done (true))));";

static void
load_changed_cb (WebKitWebView   *view,
                 WebKitLoadEvent  event,
                 Baseline        *baseline)
{
  if (event != WEBKIT_LOAD_FINISHED)
    return;
  webkit_web_view_call_async_javascript_function (view, wait_for_frames, -1, NULL, "baseline",
                                                  NULL, NULL, frames_done_cb, baseline);
}

static void
close_cb (GtkWindow *window,
          gboolean  *running)
{
  *running = FALSE;
  g_main_context_wakeup (NULL);
}

int
main (int   argc,
      char *argv[])
{
  Baseline baseline = { 0 };
  g_autofree char *html = NULL;
  g_autoptr(GError) error = NULL;
  gboolean running = TRUE;

  if (argc != 3)
    {
      g_printerr ("Usage: %s PAGE.html ENTRY_ID\n", argv[0]);
      return 2;
    }
  if (!g_file_get_contents (argv[1], &html, NULL, &error))
    {
      g_printerr ("pyprep-baseline: %s\n", error->message);
      return 1;
    }
  baseline.entry_id = argv[2];

  gtk_init ();

  baseline.window = gtk_window_new ();
  /* Pyprep's default window size (its window-width and window-height keys). */
  gtk_window_set_default_size (GTK_WINDOW (baseline.window), 1000, 720);
  baseline.view = WEBKIT_WEB_VIEW (webkit_web_view_new ());
  gtk_window_set_child (GTK_WINDOW (baseline.window), GTK_WIDGET (baseline.view));
  g_signal_connect (baseline.view, "load-changed", G_CALLBACK (load_changed_cb), &baseline);
  g_signal_connect (baseline.window, "destroy", G_CALLBACK (close_cb), &running);

  webkit_web_view_load_html (baseline.view, html, NULL);
  gtk_window_present (GTK_WINDOW (baseline.window));

  while (running)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}
