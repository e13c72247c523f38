/* ui-harness.c: runs the real app on a virtual display and waits for what a user would see.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <glib/gstdio.h>

#include "pyprep-annotation-row.h"
#include "pyprep-find-bar.h"
#include "pyprep-reader-page.h"
#include "pyprep-search-panel.h"
#include "pyprep-sidebar.h"
#include "ui-harness.h"

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done returns TRUE; fails the test after a minute. */
void
wait_until (gboolean    (*done) (gpointer),
            gpointer      data,
            const char   *what)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &expired);

  while (!done (data) && !expired)
    g_main_context_iteration (NULL, TRUE);

  if (expired)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (id);
}

/* Runs the main loop for @ms milliseconds. */
void
spin (guint ms)
{
  gboolean expired = FALSE;

  g_timeout_add (ms, timeout_cb, &expired);
  while (!expired)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
has_entries (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (G_LIST_MODEL (window_entries (f))) > 0;
}

typedef struct
{
  Fixture *f;
  WindowCheck check;
} Run;

static void
activated_cb (GApplication *app,
              Run          *run)
{
  Fixture *f = run->f;
  AdwNavigationSplitView *split;
  PaintWatch watch;

  /* Activated again while the check runs (app.review does that): the
   * check already has the window. */
  if (f->window != NULL)
    return;

  f->window = PYPREP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (PYPREP_IS_WINDOW (f->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  /* Start as a user does: once the first entry is on screen, or, on a
   * narrow window where the list of entries covers the reader, once the
   * window is laid out. */
  watch_paint (f, &watch);
  wait_until (has_entries, f, "the deck to load");
  g_assert_nonnull (shown_entry (f));
  wait_until (window_allocated, f->window, "the window to be laid out");
  split = window_child (f, "split_view");
  if (adw_navigation_split_view_get_collapsed (split) && !adw_navigation_split_view_get_show_content (split))
    g_signal_handler_disconnect (window_reader (f), watch.handler);
  else
    wait_paint (&watch, pyprep_entry_get_id (shown_entry (f)));

  run->check (f);

  /* Closing the last window ends g_application_run(), as for a user. */
  gtk_window_close (GTK_WINDOW (f->window));
}

/* Runs the real app with @deck_path (the bundled deck when NULL) and calls
 * @check once its window shows the deck. */
void
run_app (const char  *deck_path,
         WindowCheck  check,
         gpointer     data)
{
  Fixture f = { NULL };
  Run run = { &f, check };
  int status;

  f.data = data;
  f.app = pyprep_application_new ();
  if (deck_path != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (deck_path);

      pyprep_application_set_deck_folder (f.app, folder);
    }

  g_signal_connect_after (f.app, "activate", G_CALLBACK (activated_cb), &run);
  status = g_application_run (G_APPLICATION (f.app), 0, NULL);
  g_assert_cmpint (status, ==, 0);

  /* Nothing keeps the app alive once it has quit. */
  g_assert_finalize_object (f.app);
}

/* Runs the app on @deck_path as on a first start, checks it with @before,
 * then starts it again and checks it with @after: what the user did in the
 * first run must still be there. */
void
run_app_restarted (const char  *deck_path,
                   WindowCheck  before,
                   WindowCheck  after)
{
  forget_user_data ();
  run_app (deck_path, before, NULL);
  run_app (deck_path, after, NULL);
}

/* run_app() in a window of @width by @height, as the settings keep it. */
void
run_app_sized (const char  *deck_path,
               int          width,
               int          height,
               WindowCheck  check,
               gpointer     data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");

  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  run_app (deck_path, check, data);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* The path of a test deck under tests/decks. */
char *
test_deck_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "decks", name, NULL);
}

static void
painted_cb (PyprepReader *reader,
            PyprepEntry  *entry,
            PaintedState *state)
{
  state->painted = entry;
}

typedef struct
{
  PaintedState *state;
  PyprepEntry *entry;
} PaintedWait;

static gboolean
entry_painted (gpointer data)
{
  PaintedWait *wait = data;

  return wait->state->painted == wait->entry;
}

/* Selects row @position in the sidebar, as a click would, and waits until
 * the reader has painted that entry. */
PyprepEntry *
select_and_wait (Fixture *f,
                 guint    position)
{
  PyprepReader *reader = window_reader (f);
  GtkSingleSelection *selection = window_entries (f);
  g_autoptr(PyprepEntry) entry = g_list_model_get_item (G_LIST_MODEL (selection), position);
  PaintedState state = { NULL };
  PaintedWait wait = { &state, entry };
  gulong id;

  g_assert_nonnull (entry);
  if (pyprep_reader_get_entry (reader) == entry)
    {
      /* Already on screen: choosing it again changes nothing. */
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (selection), position, TRUE);
      g_assert_true (pyprep_reader_get_entry (reader) == entry);
      return entry;
    }
  id = g_signal_connect (reader, "painted", G_CALLBACK (painted_cb), &state);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (selection), position, TRUE);
  g_assert_true (pyprep_reader_get_entry (reader) == entry);
  wait_until (entry_painted, &wait, "the entry to be painted");
  g_signal_handler_disconnect (reader, id);

  return entry;
}

/* Saves what the screen shows, as the user would see it. The X server's
 * picture is used because a GTK snapshot of the window does not include
 * WebKit's separately composited page. */
void
save_screenshot (Fixture    *f,
                 const char *name)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  /* Let the last frame reach the X server. */
  spin (100);

  dir = g_strdup (g_getenv ("PYPREP_SCREENSHOT_DIR"));
  if (dir == NULL)
    dir = g_build_filename (g_get_tmp_dir (), "pyprep-screenshots", NULL);
  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  path = g_build_filename (dir, name, NULL);

  if (g_find_program_in_path ("import") == NULL)
    {
      g_test_message ("no screenshot: ImageMagick's import is not installed");
      return;
    }

  {
    const char *argv[] = { "import", "-window", "root", path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                  &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_test_message ("screenshot: %s", path);
}

/* The first widget under @root, @root included, depth first, that @match
 * accepts; NULL when none does (or it is not realized yet). */
GtkWidget *
find_widget (GtkWidget    *root,
             gboolean    (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The labels of the realized widgets under @widget with @css_class. */
void
collect_labels (GtkWidget  *widget,
                const char *css_class,
                GPtrArray  *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class))
    g_ptr_array_add (out, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, css_class, out);
}

typedef struct
{
  char *result;
  gboolean done;
} Script;

static void
script_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Script *script = user_data;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, &error);
  g_assert_no_error (error);
  script->result = jsc_value_is_undefined (value) ? NULL : jsc_value_to_string (value);
  script->done = TRUE;
}

static gboolean
script_finished (gpointer data)
{
  return ((Script *) data)->done;
}

/* Runs @code in the page, as a test harness only: pages run no scripts of
 * their own. Returns what it evaluates to, as a string. */
char *
run_script (WebKitWebView *view,
            const char    *code)
{
  Script script = { NULL, FALSE };

  webkit_web_view_evaluate_javascript (view, code, -1, NULL, NULL, NULL, script_done_cb, &script);
  wait_until (script_finished, &script, "a script in the page");
  return script.result;
}

void
watch_paint (Fixture    *f,
             PaintWatch *watch)
{
  watch->f = f;
  watch->state.painted = NULL;
  watch->handler = g_signal_connect (window_reader (f), "painted",
                                     G_CALLBACK (painted_cb), &watch->state);
}

static gboolean
id_painted (gpointer data)
{
  PaintWatch *watch = data;
  const char *id = g_object_get_data (G_OBJECT (window_reader (watch->f)), "test-wanted-id");

  return watch->state.painted != NULL && g_str_equal (pyprep_entry_get_id (watch->state.painted), id);
}

/* Waits until the entry with @id has been painted since watch_paint(). */
void
wait_paint (PaintWatch *watch,
            const char *id)
{
  PyprepReader *reader = window_reader (watch->f);

  g_object_set_data_full (G_OBJECT (reader), "test-wanted-id", g_strdup (id), g_free);
  wait_until (id_painted, watch, id);
  g_signal_handler_disconnect (reader, watch->handler);
}

/* Runs the window's @action and waits until the entry @id is on screen. */
void
act_and_wait (Fixture    *f,
              const char *action,
              const char *id)
{
  PaintWatch watch;

  watch_paint (f, &watch);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
  wait_paint (&watch, id);
  g_assert_cmpstr (pyprep_entry_get_id (shown_entry (f)), ==, id);
}

/* Whether the window (@data is the Fixture) shows a dialog, mapped. */
gboolean
dialog_shown (gpointer data)
{
  Fixture *f = data;
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

gboolean
window_allocated (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

/*
 * ui_test_init:
 * Starts a UI test program: g_test_init(), then libadwaita when there is
 * a display; without one every test is skipped and FALSE returned.
 * @language, when set, is the interface language the tests expect.
 */
gboolean
ui_test_init (int          *argc,
              char       ***argv,
              const char   *language)
{
  g_test_init (argc, argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display: run under xvfb-run (build-aux/dev.sh test does)");
      return FALSE;
    }

  /* To look at a test's screens as other users see them, run its program
   * by hand with PYPREP_TEST_LANGUAGE, LANG and PYPREP_LOCALEDIR (the
   * build's po/) for a translation, and PYPREP_TEST_LOOK=dark for the dark
   * style. Assertions do not stop such a run, since the English ones
   * fail in another language. */
  if (g_getenv ("PYPREP_TEST_LANGUAGE") != NULL)
    {
      language = g_getenv ("PYPREP_TEST_LANGUAGE");
      g_test_set_nonfatal_assertions ();
    }
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  if (g_getenv ("PYPREP_LOCALEDIR") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PYPREP_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  adw_init ();
  if (g_strcmp0 (g_getenv ("PYPREP_TEST_LOOK"), "dark") == 0)
    {
      g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");

      g_settings_set_string (settings, "style", "dark");
    }
  return TRUE;
}

/* Removes the app's data folder, so a case starts as on a first run. */
void
forget_user_data (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "pyprep", NULL);

  remove_tree (dir);
}

typedef struct
{
  const char *label;
  const char *icon;
} ButtonMatch;

static gboolean
is_button (GtkWidget     *widget,
           gconstpointer  data)
{
  const ButtonMatch *match = data;

  if (!GTK_IS_BUTTON (widget))
    return FALSE;
  if (match->label != NULL)
    return gtk_widget_is_sensitive (widget)
           && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), match->label) == 0;
  return gtk_widget_get_visible (widget)
         && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), match->icon) == 0;
}

static void
click_match (GtkWidget         *root,
             const ButtonMatch *match)
{
  GtkWidget *button = find_widget (root, is_button, match);

  if (button == NULL)
    g_error ("no button “%s”", match->label != NULL ? match->label : match->icon);
  g_signal_emit_by_name (button, "clicked");
}

/* Clicks the sensitive button labelled @label under @root. */
void
click_button (GtkWidget  *root,
              const char *label)
{
  ButtonMatch match = { label, NULL };

  click_match (root, &match);
}

/* Clicks the visible button showing @icon under @root. */
void
click_icon (GtkWidget  *root,
            const char *icon)
{
  ButtonMatch match = { NULL, icon };

  click_match (root, &match);
}

/* Presses a key the way GTK's shortcut controllers deliver it: the first
 * of the view's key bindings for it whose action is enabled acts. Returns
 * whether one did; if none did, the key would go on to the focused widget. */
gboolean
press_if_bound (GtkWidget       *view,
                guint            keyval,
                GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !handled; s++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == state)
            handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, view,
                                                    gtk_shortcut_get_arguments (shortcut));
        }
    }
  return handled;
}

/* press_if_bound(), and the key must act. */
void
press (GtkWidget       *view,
       guint            keyval,
       GdkModifierType  state)
{
  g_assert_true (press_if_bound (view, keyval, state));
  spin (50);
}

/* The object the template of @widget_type names @name in @widget; the test
 * fails when there is none. */
gpointer
template_child (gpointer    widget,
                GType       widget_type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), widget_type, name);

  if (child == NULL)
    g_error ("%s has no template child “%s”", g_type_name (widget_type), name);
  return child;
}

gpointer
window_child (Fixture    *f,
              const char *name)
{
  /* The pages built when first shown are found (and built) by their
   * page's name: "quiz_view" is the page "quiz". */
  static const char *pages[] = { "quiz_view", "mock_view", "stats_view" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (name, pages[i]))
      {
        g_autofree char *page = g_strndup (name, strlen (name) - strlen ("_view"));

        return pyprep_window_get_page (PYPREP_WINDOW (f->window), page);
      }
  return template_child (f->window, PYPREP_TYPE_WINDOW, name);
}

/* The part @name of the window's part @parent, of type @parent_type. */
static gpointer
part_child (Fixture    *f,
            const char *parent,
            GType       parent_type,
            const char *name)
{
  return template_child (window_child (f, parent), parent_type, name);
}

#define reader_page_child(f, name) part_child ((f), "reader_page", PYPREP_TYPE_READER_PAGE, (name))
#define sidebar_child(f, name) part_child ((f), "sidebar", PYPREP_TYPE_SIDEBAR, (name))

PyprepReader *
window_reader (Fixture *f)
{
  return reader_page_child (f, "reader");
}

WebKitWebView *
window_view (Fixture *f)
{
  return WEBKIT_WEB_VIEW (pyprep_reader_get_view (window_reader (f)));
}

/* The entry the reader shows. */
PyprepEntry *
shown_entry (Fixture *f)
{
  return pyprep_reader_get_entry (window_reader (f));
}

GtkListView *
window_entry_list (Fixture *f)
{
  return sidebar_child (f, "entry_list");
}

/* What the sidebar lists, and which of it is selected. */
GtkSingleSelection *
window_entries (Fixture *f)
{
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (window_entry_list (f)));
}

PyprepAnnotationPanel *
window_annotation_panel (Fixture *f)
{
  return reader_page_child (f, "annotation_panel");
}

/* The annotation panel's list: the IDs of the entry's annotations, newest
 * first (empty until the panel is first shown for the entry). */
GListModel *
window_annotation_ids (Fixture *f)
{
  GtkListView *list = template_child (window_annotation_panel (f), PYPREP_TYPE_ANNOTATION_PANEL, "list");

  return G_LIST_MODEL (gtk_list_view_get_model (list));
}

static void
collect_annotation_rows (GtkWidget *widget,
                         GPtrArray *out)
{
  if (PYPREP_IS_ANNOTATION_ROW (widget))
    {
      /* A recycled row waiting for an annotation shows none. */
      if (pyprep_annotation_row_get_annotation (PYPREP_ANNOTATION_ROW (widget)) != NULL
          && gtk_widget_get_visible (gtk_widget_get_parent (widget)))
        g_ptr_array_add (out, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_annotation_rows (child, out);
}

/* How many rows showing an annotation the panel has built. */
guint
count_annotation_rows (Fixture *f)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_annotation_rows (GTK_WIDGET (window_annotation_panel (f)), rows);
  return rows->len;
}

typedef struct
{
  Fixture *f;
  const char *id;
  GtkWidget *row;
} RowWait;

static gboolean
row_shown (gpointer data)
{
  RowWait *wait = data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_annotation_rows (GTK_WIDGET (window_annotation_panel (wait->f)), rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (pyprep_annotation_row_get_annotation (g_ptr_array_index (rows, i))->id, wait->id))
      wait->row = g_ptr_array_index (rows, i);
  return wait->row != NULL;
}

/* The row showing the annotation at @position of the panel's list, once
 * the list view has built it. */
GtkWidget *
annotation_row_at (Fixture *f,
                   guint    position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (window_annotation_ids (f), position);
  RowWait wait = { f, NULL, NULL };

  g_assert_nonnull (item);
  wait.id = gtk_string_object_get_string (item);
  wait_until (row_shown, &wait, "the annotation's row");
  return wait.row;
}

GtkSearchEntry *
window_find_entry (Fixture *f)
{
  return template_child (reader_page_child (f, "find_bar"), PYPREP_TYPE_FIND_BAR, "find_entry");
}

GtkLabel *
window_find_count (Fixture *f)
{
  return template_child (reader_page_child (f, "find_bar"), PYPREP_TYPE_FIND_BAR, "find_count");
}

GtkSearchEntry *
window_search_entry (Fixture *f)
{
  return sidebar_child (f, "search_entry");
}

static PyprepSearchPanel *
window_search_panel (Fixture *f)
{
  return sidebar_child (f, "search_panel");
}

/* The search results: a read-only property of the search panel. */
GListModel *
window_results (Fixture *f)
{
  return pyprep_search_panel_get_results (window_search_panel (f));
}

gboolean
window_search_ready (Fixture *f)
{
  return pyprep_search_panel_get_ready (window_search_panel (f));
}

/* How many cards the review button says are due. */
guint
window_n_due (Fixture *f)
{
  return pyprep_sidebar_get_n_due (window_child (f, "sidebar"));
}

/* The store the app keeps the user's data in. */
PyprepStore *
store_of (Fixture *f)
{
  return pyprep_application_get_store (f->app);
}

/* The review session on screen; the view holds it, so the reference the
 * property gives is dropped at once. */
PyprepReviewSession *
session_of (PyprepQuizView *view)
{
  PyprepReviewSession *session = NULL;

  g_object_get (view, "session", &session, NULL);
  g_assert_nonnull (session);
  g_object_unref (session);
  return session;
}

/* Selects the first bold text of the entry shown, as with the mouse, and
 * checks that it reads @expected. */
void
select_strong_text (Fixture    *f,
                    const char *expected)
{
  g_autofree char *selected = NULL;

  selected = run_script (window_view (f), "const r = document.createRange ();"
                                          "r.selectNodeContents (document.querySelector ('.body strong'));"
                                          "getSelection ().removeAllRanges (); getSelection ().addRange (r);"
                                          "getSelection ().toString ()");
  g_assert_cmpstr (selected, ==, expected);
}

static gboolean
loopback_incoming_cb (GSocketService    *service,
                      GSocketConnection *connection,
                      GObject           *source,
                      gpointer           user_data)
{
  LoopbackServer *server = user_data;

  server->connections++;
  return FALSE;
}

static gboolean
loopback_reached (gpointer data)
{
  return ((LoopbackServer *) data)->connections > 0;
}

/* Starts @server on a free port and proves that it counts: a real
 * connection is seen, then the count starts again from zero. */
void
loopback_server_start (LoopbackServer *server)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) probe = NULL;
  g_autoptr(GError) error = NULL;

  server->service = g_socket_service_new ();
  server->port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (server->service),
                                                      NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (server->service, "incoming", G_CALLBACK (loopback_incoming_cb), server);
  g_socket_service_start (server->service);

  probe = g_socket_client_connect_to_host (client, "127.0.0.1", server->port, NULL, &error);
  g_assert_no_error (error);
  wait_until (loopback_reached, server, "the probe connection");
  g_io_stream_close (G_IO_STREAM (probe), NULL, NULL);
  server->connections = 0;
}

void
loopback_server_stop (LoopbackServer *server)
{
  g_socket_service_stop (server->service);
  g_clear_object (&server->service);
}
