/* test-reading.c: moving around the notes: history, neighbours, zoom, and coming back where you were.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "pyprep-search.h"
#include "ui-harness.h"

static const char *
shown (Fixture *f)
{
  return pyprep_entry_get_id (shown_entry (f));
}

static void
check_history (Fixture *f)
{
  WebKitWebView *view = window_view (f);
  PyprepReader *reader = window_reader (f);
  GtkSingleSelection *selection = window_entries (f);
  PaintWatch watch;

  g_assert_cmpstr (shown (f), ==, "sample/basics/list");
  g_assert_false (pyprep_reader_get_can_go_back (reader));
  /* On a wide window the header names the question itself. */
  g_assert_cmpstr (adw_navigation_page_get_title (window_child (f, "reader_page")), ==, "What is a list?");

  select_and_wait (f, 1);
  select_and_wait (f, 2);
  g_assert_true (pyprep_reader_get_can_go_back (reader));
  g_assert_false (pyprep_reader_get_can_go_forward (reader));

  /* Back twice, forward once; the sidebar follows. */
  act_and_wait (f, "win.go-back", "sample/basics/dict");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
  act_and_wait (f, "win.go-back", "sample/basics/list");
  g_assert_false (pyprep_reader_get_can_go_back (reader));
  g_assert_true (pyprep_reader_get_can_go_forward (reader));
  act_and_wait (f, "win.go-forward", "sample/basics/dict");

  /* Following a link is a step in the history too. */
  act_and_wait (f, "win.go-back", "sample/basics/list");
  watch_paint (f, &watch);
  g_free (run_script (view, "document.querySelector ('a[href=\"pyprep://entry/sample/basics/dict\"]').click ()"));
  wait_paint (&watch, "sample/basics/dict");
  g_assert_false (pyprep_reader_get_can_go_forward (reader));
  act_and_wait (f, "win.go-back", "sample/basics/list");

  /* Neighbours in topic order, across topics. */
  act_and_wait (f, "win.next-entry", "sample/basics/dict");
  act_and_wait (f, "win.next-entry", "sample/more/gil");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-entry", NULL));
  spin (200);
  g_assert_cmpstr (shown (f), ==, "sample/more/gil");
  act_and_wait (f, "win.previous-entry", "sample/basics/dict");
}

static void
test_reading_history (void)
{
  g_autofree char *deck = test_deck_path ("good");

  forget_user_data ();
  run_app (deck, check_history, NULL);
}

/* Back after following a link -------------------------------------------- */

/* Runs the app on the test deck "good" in a window of @width by @height,
 * as on a first start. */
static void
run_good_deck_sized (int         width,
                     int         height,
                     WindowCheck check)
{
  g_autofree char *deck = test_deck_path ("good");

  forget_user_data ();
  run_app_sized (deck, width, height, check, NULL);
}

/* Presses a key as GTK delivers it in its capture phase, from the window
 * down to @focus: the first capture-phase key binding of an ancestor that
 * matches acts, before @focus (a web view, say) sees the key. */
static gboolean
press_captured (GtkWidget       *focus,
                guint            keyval,
                GdkModifierType  state)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();

  for (GtkWidget *w = gtk_widget_get_parent (focus); w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (chain, 0, w);
  for (guint i = 0; i < chain->len; i++)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (g_ptr_array_index (chain, i));

      for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, c);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller)
              || gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
            continue;
          for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

              if (GTK_IS_KEYVAL_TRIGGER (trigger)
                  && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
                  && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == state)
                return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                     g_ptr_array_index (chain, i),
                                                     gtk_shortcut_get_arguments (shortcut));
            }
        }
    }
  return FALSE;
}

/* How far down the page is, in percent. */
static int
scroll_percent (Fixture *f)
{
  g_autofree char *position = run_script (window_view (f),
                                          "String (Math.round (100 * scrollY / "
                                          "(document.documentElement.scrollHeight - innerHeight)))");

  return atoi (position);
}

static gboolean
scrolled_halfway (gpointer data)
{
  return ABS (scroll_percent (data) - 50) <= 2;
}

/* Halfway down the list entry the user follows the link to the dict
 * entry, then presses Alt+Left with the page focused: back to the list,
 * halfway down; Alt+Right goes forward again. */
static void
check_back_from_link (Fixture *f)
{
  WebKitWebView *view = window_view (f);
  PaintWatch watch;

  g_assert_cmpstr (shown (f), ==, "sample/basics/list");
  /* No time for the scroll to be reported on its own before the click. */
  watch_paint (f, &watch);
  g_free (run_script (view, "scrollTo (0, (document.documentElement.scrollHeight - innerHeight) / 2);"
                            "document.querySelector ('a[href=\"pyprep://entry/sample/basics/dict\"]').click ()"));
  wait_paint (&watch, "sample/basics/dict");

  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (view)));
  watch_paint (f, &watch);
  g_assert_true (press_captured (GTK_WIDGET (view), GDK_KEY_Left, GDK_ALT_MASK));
  wait_paint (&watch, "sample/basics/list");
  wait_until (scrolled_halfway, f, "the page to scroll back to where the link was");
  save_screenshot (f, "back-from-link.png");

  watch_paint (f, &watch);
  g_assert_true (press_captured (GTK_WIDGET (view), GDK_KEY_Right, GDK_ALT_MASK));
  wait_paint (&watch, "sample/basics/dict");
}

static void
test_reading_back_from_link (void)
{
  run_good_deck_sized (1000, 500, check_back_from_link);
}

static gboolean
is_history_bar (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_ACTION_BAR (widget);
}

static gboolean
has_dict_link (gpointer data)
{
  g_autofree char *found = run_script (window_view (data),
                                       "String (document.querySelector ('a[href=\"pyprep://entry/sample/basics/dict\"]') !== null)");

  return g_strcmp0 (found, "true") == 0;
}

/* On a phone-sized window back and forward are in a bar at the bottom. */
static void
check_narrow_history (Fixture *f)
{
  AdwNavigationSplitView *split = window_child (f, "split_view");
  GtkWidget *page = window_child (f, "reader_page");
  GtkWidget *bar;
  PaintWatch watch;

  spin (300);
  adw_navigation_split_view_set_show_content (split, TRUE);
  spin (300);
  bar = find_widget (page, is_history_bar, NULL);
  g_assert_nonnull (bar);
  g_assert_true (gtk_widget_get_mapped (bar));
  wait_until (has_dict_link, f, "the list entry on screen");

  watch_paint (f, &watch);
  g_free (run_script (window_view (f),
                      "document.querySelector ('a[href=\"pyprep://entry/sample/basics/dict\"]').click ()"));
  wait_paint (&watch, "sample/basics/dict");
  spin (300);
  save_screenshot (f, "narrow-history.png");
  watch_paint (f, &watch);
  click_icon (bar, "go-previous-symbolic");
  wait_paint (&watch, "sample/basics/list");
  watch_paint (f, &watch);
  click_icon (bar, "go-next-symbolic");
  wait_paint (&watch, "sample/basics/dict");
}

static void
test_reading_narrow_history (void)
{
  run_good_deck_sized (360, 640, check_narrow_history);
}

/* Find in page ------------------------------------------------------------ */

typedef struct
{
  Fixture *f;
  const char *expected;
} LabelWait;

static gboolean
count_shows (gpointer data)
{
  LabelWait *wait = data;

  return g_strcmp0 (gtk_label_get_label (window_find_count (wait->f)), wait->expected) == 0;
}

static void
expect_count (Fixture    *f,
              const char *expected)
{
  LabelWait wait = { f, expected };

  wait_until (count_shows, &wait, expected);
}

static gboolean
count_started (gpointer data)
{
  Fixture *f = data;

  return g_str_has_prefix (gtk_label_get_label (window_find_count (f)), "1 of ");
}

static void
found_text_cb (WebKitFindController *controller,
               guint                 count,
               gboolean             *found)
{
  *found = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Presses Enter in the find field and waits until WebKit has selected
 * the next match. */
static void
step_by_enter (Fixture *f)
{
  WebKitFindController *controller = webkit_web_view_get_find_controller (window_view (f));
  gboolean found = FALSE;
  gulong id = g_signal_connect (controller, "found-text", G_CALLBACK (found_text_cb), &found);

  g_signal_emit_by_name (window_find_entry (f), "activate");
  wait_until (is_true, &found, "the next match");
  g_signal_handler_disconnect (controller, id);
  spin (50);
}

static void
check_find (Fixture *f)
{
  GtkSearchEntry *entry = window_find_entry (f);
  g_autofree char *expected = NULL;
  guint matches;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL));
  spin (100);

  /* Case does not matter; "list" is in the title, the text and the card. */
  {
    WebKitFindController *controller = webkit_web_view_get_find_controller (window_view (f));
    gboolean found = FALSE;
    gulong id = g_signal_connect (controller, "found-text", G_CALLBACK (found_text_cb), &found);

    gtk_editable_set_text (GTK_EDITABLE (entry), "LIST");
    wait_until (count_started, f, "the first match");
    /* The first match selected, before stepping on. */
    wait_until (is_true, &found, "the first match selected");
    g_signal_handler_disconnect (controller, id);
  }
  matches = (guint) g_ascii_strtoull (gtk_label_get_label (window_find_count (f)) + strlen ("1 of "),
                                      NULL, 10);
  g_assert_cmpuint (matches, >=, 3);
  save_screenshot (f, "find-in-page.png");

  /* Enter in the field goes to the next match; once WebKit has selected
   * it, the count still says how many there are. */
  step_by_enter (f);
  expected = g_strdup_printf ("2 of %u", matches);
  g_assert_cmpstr (gtk_label_get_label (window_find_count (f)), ==, expected);
  save_screenshot (f, "find-in-page-next.png");
  /* The current match is the selection, painted in a solid accent that
   * stands out from the yellow of the other matches. */
  {
    g_autofree char *selected = run_script (window_view (f), "window.getSelection ().toString ()");
    g_autofree char *colour = run_script (window_view (f),
                                          "getComputedStyle (document.querySelector ('main'), '::selection')"
                                          ".backgroundColor");

    g_assert_cmpint (g_ascii_strcasecmp (selected, "list"), ==, 0);
    g_assert_cmpstr (colour, ==, "rgb(28, 113, 216)");
  }
  step_by_enter (f);
  g_free (expected);
  expected = g_strdup_printf ("3 of %u", matches);
  g_assert_cmpstr (gtk_label_get_label (window_find_count (f)), ==, expected);

  /* Next, previous, and around the end. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find-previous", NULL));
  g_free (expected);
  expected = g_strdup_printf ("2 of %u", matches);
  expect_count (f, expected);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find-previous", NULL));
  g_free (expected);
  expected = g_strdup_printf ("1 of %u", matches);
  expect_count (f, expected);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find-previous", NULL));
  g_free (expected);
  expected = g_strdup_printf ("%u of %u", matches, matches);
  expect_count (f, expected);

  /* Nothing to find says so. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "no such words anywhere");
  expect_count (f, "No matches");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
}

static void
test_reading_find (void)
{
  g_autofree char *deck = test_deck_path ("good");

  /* Start at the first entry, not where an earlier case left off. */
  forget_user_data ();
  run_app (deck, check_find, NULL);
}

/* A phone-sized window ------------------------------------------------------ */

static void
check_narrow (Fixture *f)
{
  AdwNavigationSplitView *split = window_child (f, "split_view");
  PaintWatch watch;

  wait_until (window_allocated, f->window, "the window to be laid out");
  spin (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 360);
  g_assert_true (adw_navigation_split_view_get_collapsed (split));
  /* At start, on a narrow window, the list of entries comes first. */
  g_assert_false (adw_navigation_split_view_get_show_content (split));
  /* Nothing wider than the window: the sidebar's parts all fit. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window_entry_list (f))), <=, 360);
  save_screenshot (f, "narrow-sidebar.png");

  /* Choosing an entry (Enter, or a click) moves on to the reader, with a
   * way back. */
  watch_paint (f, &watch);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (window_entries (f)), 1, TRUE);
  g_signal_emit_by_name (window_entry_list (f), "activate", 1);
  wait_paint (&watch, "sample/basics/dict");
  g_assert_true (adw_navigation_split_view_get_show_content (split));
  spin (300);
  /* The header names the topic: a question would be cut to a few words;
   * the page's heading shows all of it. */
  g_assert_cmpstr (adw_navigation_page_get_title (window_child (f, "reader_page")), ==, "Basics");
  save_screenshot (f, "narrow-reader.png");
  adw_navigation_split_view_set_show_content (split, FALSE);
  spin (300);
}

static void
test_reading_narrow (void)
{
  g_autofree char *deck = test_deck_path ("good");

  forget_user_data ();
  run_app_sized (deck, 360, 640, check_narrow, NULL);
}

/* Searching the library ------------------------------------------------------ */

static gboolean
search_ready (gpointer data)
{
  return window_search_ready (data);
}

static const char *
result_id (Fixture *f,
           guint    position)
{
  g_autoptr(PyprepSearchResult) result = g_list_model_get_item (window_results (f), position);

  return result != NULL ? pyprep_entry_get_id (pyprep_search_result_get_entry (result)) : NULL;
}

static gboolean
results_contain (Fixture    *f,
                 const char *id)
{
  GListModel *results = window_results (f);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    if (g_strcmp0 (result_id (f, i), id) == 0)
      return TRUE;
  return FALSE;
}

static void
type_query (Fixture    *f,
            const char *query)
{
  /* The entry reports changes after a short delay; emit it now. */
  gtk_editable_set_text (GTK_EDITABLE (window_search_entry (f)), query);
  g_signal_emit_by_name (window_search_entry (f), "search-changed");
}

static void
check_search_chinese (Fixture *f)
{
  PaintWatch watch;

  wait_until (search_ready, f, "the search index");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  spin (50);

  /* One character, two characters, a full-width Latin word. */
  type_query (f, "锁");
  g_assert_true (results_contain (f, "pyprep/os/gil"));
  type_query (f, "协程");
  g_assert_cmpstr (result_id (f, 0), ==, "pyprep/os/coroutines");
  type_query (f, "ＧＩＬ");
  g_assert_cmpstr (result_id (f, 0), ==, "pyprep/os/gil");
  type_query (f, "装饰");
  g_assert_cmpstr (result_id (f, 0), ==, "pyprep/data-structures/decorators");
  spin (200);
  save_screenshot (f, "search-chinese.png");

  /* Opening a result shows the entry with every match highlighted. */
  watch_paint (f, &watch);
  g_signal_emit_by_name (window_search_entry (f), "activate");
  wait_paint (&watch, "pyprep/data-structures/decorators");
  wait_until (count_started, f, "the matches to be highlighted");
  spin (200);
  save_screenshot (f, "search-opened.png");

  /* Nothing found says so; clearing the query brings the list back. */
  type_query (f, "没有这种词语");
  g_assert_cmpuint (g_list_model_get_n_items (window_results (f)), ==, 0);
  type_query (f, "");
}

static void
check_search_english (Fixture *f)
{
  wait_until (search_ready, f, "the search index");
  type_query (f, "Decorator");
  g_assert_cmpstr (result_id (f, 0), ==, "pyprep/data-structures/decorators");
  type_query (f, "join daemon");
  g_assert_cmpstr (result_id (f, 0), ==, "pyprep/os/thread-join");
  type_query (f, "gil zzqqxx");
  g_assert_cmpuint (g_list_model_get_n_items (window_results (f)), ==, 0);
}

static void
test_reading_search (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");

  forget_user_data ();
  g_settings_set_string (settings, "deck-language", "zh_CN");
  run_app (NULL, check_search_chinese, NULL);
  g_settings_set_string (settings, "deck-language", "en");
  run_app (NULL, check_search_english, NULL);
  g_settings_reset (settings, "deck-language");
}

/* Preferences ---------------------------------------------------------------- */

static gboolean
deck_in_chinese (gpointer data)
{
  Fixture *f = data;
  PyprepEntry *entry = shown_entry (f);

  return entry != NULL && g_str_equal (pyprep_entry_get_title (entry), "什么是列表？");
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title);
}

static void
check_preferences (Fixture *f)
{
  WebKitWebView *view = window_view (f);
  AdwDialog *dialog;
  AdwComboRow *style_row = NULL;
  AdwComboRow *language_row = NULL;
  AdwSpinRow *size_row = NULL;
  AdwSpinRow *new_row = NULL;
  AdwSpinRow *retention_row = NULL;
  g_autofree char *classes = NULL;
  PaintWatch watch;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  spin (600);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  g_assert_true (ADW_IS_PREFERENCES_DIALOG (dialog));
  save_screenshot (f, "preferences.png");

  /* Find the rows as a user would: by their titles. */
  style_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), is_row_titled, "Style"));
  language_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), is_row_titled, "Deck Language"));
  size_row = ADW_SPIN_ROW (find_widget (GTK_WIDGET (dialog), is_row_titled, "Text Size"));
  new_row = ADW_SPIN_ROW (find_widget (GTK_WIDGET (dialog), is_row_titled, "New Cards a Day"));
  retention_row = ADW_SPIN_ROW (find_widget (GTK_WIDGET (dialog), is_row_titled, "Desired Retention"));
  g_assert_nonnull (style_row);
  g_assert_nonnull (language_row);
  g_assert_nonnull (size_row);
  g_assert_nonnull (new_row);
  g_assert_nonnull (retention_row);

  /* The review settings, as the quiz reads them. */
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");

    g_assert_cmpfloat_with_epsilon (adw_spin_row_get_value (retention_row), 90, 0.001);
    adw_spin_row_set_value (new_row, 5);
    adw_spin_row_set_value (retention_row, 95);
    g_assert_cmpuint (g_settings_get_uint (settings, "new-cards-per-day"), ==, 5);
    g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "desired-retention"), 0.95, 0.0001);
    g_settings_reset (settings, "new-cards-per-day");
    g_settings_reset (settings, "desired-retention");
  }

  /* Dark style: the page follows. */
  watch_paint (f, &watch);
  adw_combo_row_set_selected (style_row, 2);
  wait_paint (&watch, "sample/basics/list");
  classes = run_script (view, "document.documentElement.className");
  g_assert_cmpstr (classes, ==, "dark");

  /* Text size, in percent. */
  adw_spin_row_set_value (size_row, 150);
  g_assert_cmpfloat_with_epsilon (webkit_web_view_get_zoom_level (view), 1.5, 0.001);

  /* The deck in Chinese: same entry, other language. */
  adw_combo_row_set_selected (language_row, 1);
  wait_until (deck_in_chinese, f, "the deck in Chinese");
  g_assert_cmpstr (pyprep_entry_get_id (shown_entry (f)),
                   ==, "sample/basics/list");
  spin (500);
  save_screenshot (f, "preferences-applied.png");

  adw_dialog_force_close (dialog);
}

static void
test_reading_preferences (void)
{
  g_autofree char *deck = test_deck_path ("good");
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");

  forget_user_data ();
  run_app (deck, check_preferences, NULL);
  g_assert_cmpstr (g_settings_get_string (settings, "style"), ==, "dark");
  g_assert_cmpstr (g_settings_get_string (settings, "deck-language"), ==, "zh_CN");
  g_settings_reset (settings, "style");
  g_settings_reset (settings, "deck-language");
  g_settings_reset (settings, "zoom-level");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* Zoom ------------------------------------------------------------------- */

static double
page_zoom (Fixture *f)
{
  return webkit_web_view_get_zoom_level (window_view (f));
}

static void
check_zoom_in (Fixture *f)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");

  g_assert_cmpfloat_with_epsilon (page_zoom (f), 1.0, 0.001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (page_zoom (f), 1.2, 0.001);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom-level"), 1.2, 0.001);
  spin (200);
  save_screenshot (f, "zoomed.png");
}

static void
check_zoom_kept (Fixture *f)
{
  g_assert_cmpfloat_with_epsilon (page_zoom (f), 1.2, 0.001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (page_zoom (f), 1.1, 0.001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-reset", NULL));
  g_assert_cmpfloat_with_epsilon (page_zoom (f), 1.0, 0.001);
}

static void
test_reading_zoom_persists (void)
{
  g_autofree char *deck = test_deck_path ("good");

  run_app_restarted (deck, check_zoom_in, check_zoom_kept);
}

/* Coming back where you were -------------------------------------------- */

typedef struct
{
  double fraction;
  gboolean seen;
} Scrolled;

static void
scrolled_cb (PyprepReader *reader,
             double        fraction,
             Scrolled     *scrolled)
{
  scrolled->fraction = fraction;
  scrolled->seen = TRUE;
}

static gboolean
was_scrolled (gpointer data)
{
  return ((Scrolled *) data)->seen;
}

static void
check_scroll_away (Fixture *f)
{
  PyprepReader *reader = window_reader (f);
  WebKitWebView *view = WEBKIT_WEB_VIEW (pyprep_reader_get_view (reader));
  PyprepStore *store = pyprep_application_get_store (f->app);
  Scrolled scrolled = { 0 };
  gulong handler;

  /* Read the third entry, half way down. */
  select_and_wait (f, 2);
  handler = g_signal_connect (reader, "scrolled", G_CALLBACK (scrolled_cb), &scrolled);
  g_free (run_script (view, "scrollTo (0, (document.documentElement.scrollHeight - innerHeight) / 2)"));
  wait_until (was_scrolled, &scrolled, "the reader to notice the scrolling");
  g_signal_handler_disconnect (reader, handler);
  g_assert_cmpfloat_with_epsilon (scrolled.fraction, 0.5, 0.02);
  g_assert_cmpstr (pyprep_store_get_last_entry (store), ==, shown (f));
  g_assert_cmpfloat_with_epsilon (pyprep_store_get_scroll (store, shown (f)), 0.5, 0.02);
}

static void
check_scroll_restored (Fixture *f)
{
  WebKitWebView *view = window_view (f);
  g_autofree char *position = NULL;
  g_autofree char *top = NULL;

  g_assert_cmpstr (shown (f), ==, "pyprep/os/process-vs-thread");
  /* The page scrolls back once loaded; give it a frame or two. */
  spin (300);
  position = run_script (view, "String (Math.round (100 * scrollY / (document.documentElement.scrollHeight - innerHeight)))");
  g_assert_cmpint (atoi (position), >=, 48);
  g_assert_cmpint (atoi (position), <=, 52);
  save_screenshot (f, "restored-position.png");

  /* Another entry opens at its top. */
  select_and_wait (f, 0);
  top = run_script (view, "String (scrollY)");
  g_assert_cmpstr (top, ==, "0");
}

static void
test_reading_restores_position (void)
{
  /* The bundled deck: its entries are long enough to scroll. */
  run_app_restarted (NULL, check_scroll_away, check_scroll_restored);
}

/* The entry check_read_last_entry reads, which the next start shows. */
static char *far_entry;

static void
check_read_last_entry (Fixture *f)
{
  GListModel *list = G_LIST_MODEL (window_entries (f));
  PyprepEntry *entry;

  /* Far down the list, but not the last: the list cannot just scroll to
   * its end. Counted from the end, so that new entries do not move it. */
  g_assert_cmpuint (g_list_model_get_n_items (list), >=, 13);
  entry = select_and_wait (f, g_list_model_get_n_items (list) - 2);
  g_free (far_entry);
  far_entry = g_strdup (pyprep_entry_get_id (entry));
  g_assert_cmpstr (pyprep_store_get_last_entry (pyprep_application_get_store (f->app)), ==, far_entry);
}

static gboolean
is_selected (GtkWidget     *widget,
             gconstpointer  list)
{
  return widget != list && (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_SELECTED) != 0;
}

static gboolean
selected_row_in_view (gpointer data)
{
  Fixture *f = data;
  GtkWidget *list = GTK_WIDGET (window_entry_list (f));
  GtkWidget *scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *row = find_widget (list, is_selected, list);
  graphene_rect_t bounds;

  if (row == NULL || !gtk_widget_compute_bounds (row, scroller, &bounds))
    return FALSE;
  return bounds.origin.y >= 0
         && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller) + 0.5;
}

/* At start the sidebar shows the entry read last, even far down the list. */
static void
check_sidebar_follows (Fixture *f)
{
  g_assert_cmpstr (shown (f), ==, far_entry);
  /* A second after the page is painted, as a user would look. */
  spin (1000);
  g_assert_true (selected_row_in_view (f));
}

static void
test_reading_sidebar_follows (void)
{
  /* The size of the screenshots of data/screenshots. */
  forget_user_data ();
  run_app_sized (NULL, 1200, 760, check_read_last_entry, NULL);
  run_app_sized (NULL, 1200, 760, check_sidebar_follows, NULL);
  g_clear_pointer (&far_entry, g_free);
}

int
main (int   argc,
      char *argv[])
{
  /* The bundled deck in English, whatever the test machine's language. */
  if (!ui_test_init (&argc, &argv, "en"))
    return g_test_run ();

  g_test_add_func ("/pyprep/ui/reading/history", test_reading_history);
  g_test_add_func ("/pyprep/ui/reading/back-from-link", test_reading_back_from_link);
  g_test_add_func ("/pyprep/ui/reading/narrow-history", test_reading_narrow_history);
  g_test_add_func ("/pyprep/ui/reading/find", test_reading_find);
  g_test_add_func ("/pyprep/ui/reading/narrow", test_reading_narrow);
  g_test_add_func ("/pyprep/ui/reading/search", test_reading_search);
  g_test_add_func ("/pyprep/ui/reading/preferences", test_reading_preferences);
  g_test_add_func ("/pyprep/ui/reading/zoom-persists", test_reading_zoom_persists);
  g_test_add_func ("/pyprep/ui/reading/restores-position", test_reading_restores_position);
  g_test_add_func ("/pyprep/ui/reading/sidebar-follows", test_reading_sidebar_follows);

  return g_test_run ();
}
