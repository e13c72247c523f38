/* bench-app.c: the app as the benchmark drives it, outside the shipped program.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pyprep-bench-app is the app (the same UI library the shipped `pyprep`
 * links) with a driver that build-aux/dev.sh bench steers through these
 * environment variables:
 *
 *  PYPREP_TRACE_FILE=FILE    the app's trace marks go to FILE
 *                            (src/core/pyprep-trace.c); the reader marks
 *                            `painted ENTRY_ID` whenever an entry is really
 *                            on screen, and the driver marks its steps too.
 *  PYPREP_BENCH_OPEN=FOLDER  once the first entry is painted, opens FOLDER
 *                            as the command line would, logging
 *                            `open-start`, `open-listed` when its deck joins
 *                            the library, `stall-loading USEC` then, and
 *                            `opened ENTRY_ID` and `stall USEC` when its
 *                            first entry is painted.
 *  PYPREP_BENCH_ANNOTATIONS=1  after the first paint, shows the entry's
 *                            annotations panel, logging `annotations-start`
 *                            and, once the panel is painted,
 *                            `annotations-shown` and `stall-annotations USEC`;
 *                            then adds one annotation to the entry, logging
 *                            `annotation-change` and, once painted,
 *                            `stall-annotation-change USEC`.
 *  PYPREP_BENCH_SWITCHES=N   then moves N times to the next entry of the
 *                            sidebar (in the opened folder, if any), as the
 *                            Down key does, logging `switch ENTRY_ID` just
 *                            before each move and `stall-switch USEC` when
 *                            it is painted.
 *
 * A stall is the longest time the main loop went without running a 1 ms
 * timeout, which runs from the start: `stall-start USEC` is logged at the
 * first paint.
 *
 * `done` ends the log once all of it has happened. Settings live in memory
 * only, so opening a folder here never changes the user's settings.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pyprep-application.h"
#include "pyprep-reader-page.h"
#include "pyprep-sidebar.h"
#include "pyprep-trace.h"
#include "pyprep-window.h"

/* Time for the window to settle between steps, so one step's leftovers
 * (sidebar scrolling, passages, saving) are not timed as the next one. */
#define SETTLE_MS 300

typedef enum
{
  PHASE_START,
  PHASE_OPENING,
  PHASE_SWITCHING,
  PHASE_DONE,
} Phase;

typedef struct
{
  /* borrowed: the bench lives as long as the window */
  PyprepWindow *window;
  PyprepLibrary *library;
  PyprepDeck *opened_deck;

  /* owned */
  GFile *folder;

  /* state */
  gboolean show_annotations;    /* PYPREP_BENCH_ANNOTATIONS: the panel is still to show */
  gboolean change_annotation;   /* and then one annotation is still to add */
  gulong paint_handler;
  gulong decks_handler;
  Phase phase;
  guint switches_left;
  char *switched_to;
  guint step_source;
  guint watch_source;
  gint64 last_tick;
  gint64 longest_gap;
} Bench;

/* The bench works the window as a user does, through its parts: the list
 * of entries and the reader, found where the templates put them. */
static GtkSingleSelection *
bench_selection (PyprepWindow *window)
{
  GObject *sidebar = gtk_widget_get_template_child (GTK_WIDGET (window), PYPREP_TYPE_WINDOW, "sidebar");
  GObject *list = gtk_widget_get_template_child (GTK_WIDGET (sidebar), PYPREP_TYPE_SIDEBAR, "entry_list");

  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
}

static PyprepReader *
bench_reader (PyprepWindow *window)
{
  GObject *page = gtk_widget_get_template_child (GTK_WIDGET (window), PYPREP_TYPE_WINDOW, "reader_page");

  return pyprep_reader_page_get_reader (PYPREP_READER_PAGE (page));
}

static void
bench_free (Bench *bench)
{
  g_clear_handle_id (&bench->step_source, g_source_remove);
  g_clear_handle_id (&bench->watch_source, g_source_remove);
  if (bench->paint_handler != 0 && gtk_widget_get_frame_clock (GTK_WIDGET (bench->window)) != NULL)
    g_clear_signal_handler (&bench->paint_handler, gtk_widget_get_frame_clock (GTK_WIDGET (bench->window)));
  if (bench->library != NULL)
    g_clear_signal_handler (&bench->decks_handler, pyprep_library_get_decks (bench->library));
  g_clear_object (&bench->folder);
  g_free (bench->switched_to);
  g_free (bench);
}

static gboolean
watch_tick_cb (gpointer user_data)
{
  Bench *bench = user_data;
  gint64 now = g_get_monotonic_time ();

  bench->longest_gap = MAX (bench->longest_gap, now - bench->last_tick);
  bench->last_tick = now;

  return G_SOURCE_CONTINUE;
}

/* The longest stall since the last call (the one going on included), as
 * a mark; the next phase starts counting afresh. */
static void
mark_stall (Bench      *bench,
            const char *name)
{
  gint64 now = g_get_monotonic_time ();
  g_autofree char *gap = g_strdup_printf ("%" G_GINT64_FORMAT, MAX (bench->longest_gap, now - bench->last_tick));

  pyprep_trace_mark (name, gap);
  bench->longest_gap = 0;
}

static void
decks_changed_cb (GListModel *decks,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Bench      *bench)
{
  g_autoptr(PyprepDeck) deck = NULL;

  if (bench->phase != PHASE_OPENING || bench->opened_deck != NULL || added == 0)
    return;

  deck = g_list_model_get_item (decks, position);
  bench->opened_deck = deck;
  pyprep_trace_mark ("open-listed", pyprep_deck_get_id (deck));
  /* The longest the main loop waited while the deck loaded, up to and
   * including the sidebar's handlers of the new deck (this one runs after
   * them). What follows is showing it: the first layout and the page. */
  mark_stall (bench, "stall-loading");
}

static void
start_open (Bench *bench)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (bench->window));
  GObject *sidebar = gtk_widget_get_template_child (GTK_WIDGET (bench->window), PYPREP_TYPE_WINDOW, "sidebar");

  bench->phase = PHASE_OPENING;
  bench->library = pyprep_sidebar_get_library (PYPREP_SIDEBAR (sidebar));
  bench->decks_handler = g_signal_connect (pyprep_library_get_decks (bench->library), "items-changed",
                                           G_CALLBACK (decks_changed_cb), bench);
  pyprep_trace_mark ("open-start", NULL);
  mark_stall (bench, "stall-settled");
  /* As `pyprep FOLDER` does. */
  g_application_open (G_APPLICATION (app), &bench->folder, 1, "");
}

static void
switch_entry (Bench *bench)
{
  GtkSingleSelection *selection = bench_selection (bench->window);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (selection));
  guint position = gtk_single_selection_get_selected (selection);
  g_autoptr(PyprepEntry) next = NULL;

  position = position == GTK_INVALID_LIST_POSITION || position + 1 >= n ? 0 : position + 1;
  next = g_list_model_get_item (G_LIST_MODEL (selection), position);
  if (next == NULL)
    return;
  g_free (bench->switched_to);
  bench->switched_to = g_strdup (pyprep_entry_get_id (next));
  pyprep_trace_mark ("switch", bench->switched_to);
  mark_stall (bench, "stall-settled");
  gtk_single_selection_set_selected (selection, position);
}

static void settle_then_step (Bench *bench);

static GtkWidget *
bench_annotation_panel (PyprepWindow *window)
{
  GObject *page = gtk_widget_get_template_child (GTK_WIDGET (window), PYPREP_TYPE_WINDOW, "reader_page");

  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), PYPREP_TYPE_READER_PAGE,
                                                    "annotation_panel"));
}

/* The first frame painted with the panel on screen, rows and all. */
static void
annotations_painted_cb (GdkFrameClock *clock,
                        Bench         *bench)
{
  if (!gtk_widget_get_mapped (bench_annotation_panel (bench->window)))
    return;
  g_clear_signal_handler (&bench->paint_handler, clock);
  pyprep_trace_mark ("annotations-shown", "panel");
  mark_stall (bench, "stall-annotations");
  settle_then_step (bench);
}

static void
show_annotations (Bench *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));

  bench->show_annotations = FALSE;
  pyprep_trace_mark ("annotations-start", "panel");
  mark_stall (bench, "stall-settled");
  bench->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (annotations_painted_cb), bench);
  g_object_set (bench->window, "show-annotations", TRUE, NULL);
}

/* The first frame painted after one annotation was added to the many. */
static void
annotation_change_painted_cb (GdkFrameClock *clock,
                              Bench         *bench)
{
  g_clear_signal_handler (&bench->paint_handler, clock);
  mark_stall (bench, "stall-annotation-change");
  settle_then_step (bench);
}

static void
change_annotation (Bench *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));
  PyprepApplication *app = PYPREP_APPLICATION (gtk_window_get_application (GTK_WINDOW (bench->window)));
  PyprepEntry *entry = pyprep_reader_get_entry (bench_reader (bench->window));
  g_autofree char *id = NULL;

  bench->change_annotation = FALSE;
  if (entry == NULL)
    {
      settle_then_step (bench);
      return;
    }
  pyprep_trace_mark ("annotation-change", pyprep_entry_get_id (entry));
  mark_stall (bench, "stall-settled");
  bench->paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (annotation_change_painted_cb), bench);
  id = pyprep_store_add_annotation (pyprep_application_get_store (app), pyprep_entry_get_id (entry),
                                    "One more, added by the bench.", NULL, NULL, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
}

static gboolean
step_cb (gpointer user_data)
{
  Bench *bench = user_data;

  bench->step_source = 0;
  if (bench->show_annotations)
    show_annotations (bench);
  else if (bench->change_annotation)
    change_annotation (bench);
  else if (bench->folder != NULL && bench->phase == PHASE_START)
    start_open (bench);
  else if (bench->switches_left > 0)
    {
      bench->phase = PHASE_SWITCHING;
      bench->switches_left--;
      switch_entry (bench);
    }
  else
    {
      bench->phase = PHASE_DONE;
      pyprep_trace_mark ("done", NULL);
    }

  return G_SOURCE_REMOVE;
}

static void
settle_then_step (Bench *bench)
{
  if (bench->step_source == 0)
    bench->step_source = g_timeout_add (SETTLE_MS, step_cb, bench);
}

static void
painted_cb (PyprepReader *reader,
            PyprepEntry  *entry,
            Bench        *bench)
{
  PyprepTopic *topic = pyprep_entry_get_topic (entry);

  switch (bench->phase)
    {
    case PHASE_START:
      mark_stall (bench, "stall-start");
      settle_then_step (bench);
      break;

    case PHASE_OPENING:
      if (bench->opened_deck == NULL || topic == NULL
          || pyprep_topic_get_deck (topic) != bench->opened_deck)
        break;
      pyprep_trace_mark ("opened", pyprep_entry_get_id (entry));
      mark_stall (bench, "stall");
      bench->phase = PHASE_SWITCHING;
      settle_then_step (bench);
      break;

    case PHASE_SWITCHING:
      if (g_strcmp0 (pyprep_entry_get_id (entry), bench->switched_to) != 0)
        break;
      mark_stall (bench, "stall-switch");
      settle_then_step (bench);
      break;

    case PHASE_DONE:
    default:
      break;
    }
}

/* The first window gets the driver, once its parts are built. */
static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  const char *switches = g_getenv ("PYPREP_BENCH_SWITCHES");
  const char *folder = g_getenv ("PYPREP_BENCH_OPEN");
  Bench *bench;

  if (!PYPREP_IS_WINDOW (window) || g_object_get_data (G_OBJECT (window), "pyprep-bench") != NULL)
    return;

  bench = g_new0 (Bench, 1);
  bench->window = PYPREP_WINDOW (window);
  bench->switches_left = switches != NULL ? (guint) g_ascii_strtoull (switches, NULL, 10) : 0;
  bench->show_annotations = g_strcmp0 (g_getenv ("PYPREP_BENCH_ANNOTATIONS"), "1") == 0;
  bench->change_annotation = bench->show_annotations;
  if (folder != NULL && *folder != '\0')
    bench->folder = g_file_new_for_commandline_arg (folder);
  g_object_set_data_full (G_OBJECT (window), "pyprep-bench", bench, (GDestroyNotify) bench_free);

  g_signal_connect (bench_reader (bench->window), "painted", G_CALLBACK (painted_cb), bench);
  /* High priority, so a busy but responsive loop still runs it on time. */
  bench->last_tick = g_get_monotonic_time ();
  bench->watch_source = g_timeout_add_full (G_PRIORITY_HIGH, 1, watch_tick_cb, bench, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PyprepApplication) app = NULL;
  const char *localedir = g_getenv ("PYPREP_LOCALEDIR");

  /* Whatever the environment says: the driver must not touch real settings. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_application_name (_("Pyprep"));

  app = pyprep_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
