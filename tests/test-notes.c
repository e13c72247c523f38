/* test-notes.c: real notes in the window: subfolder groups, unanswered questions and the user's answers.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The folders are the shapes of tests/decks/shapes (see test-shapes.c).
 */
#include "config.h"

#include <string.h>

#include "pyprep-annotation-panel.h"
#include "pyprep-entry-row.h"
#include "pyprep-quiz-view.h"
#include "pyprep-reader-page.h"
#include "pyprep-recall-card.h"
#include "pyprep-review-session.h"
#include "pyprep-sidebar.h"
#include "pyprep-topic-header.h"
#include "ui-harness.h"

static char *
shape_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "decks", "shapes", name, NULL);
}

static int
by_top (gconstpointer a,
        gconstpointer b)
{
  GtkWidget *x = *(GtkWidget **) a;
  GtkWidget *y = *(GtkWidget **) b;
  graphene_point_t px, py;

  g_assert_true (gtk_widget_compute_point (x, gtk_widget_get_parent (x), &GRAPHENE_POINT_INIT (0, 0), &px));
  g_assert_true (gtk_widget_compute_point (y, gtk_widget_get_parent (y), &GRAPHENE_POINT_INIT (0, 0), &py));
  return px.y < py.y ? -1 : px.y > py.y;
}

/* What the sidebar shows, top to bottom, one line a row: `== group` for a
 * group's heading, `# topic` for a topic's, and each entry's title. */
static char *
sidebar_rows (Fixture *f)
{
  GtkWidget *list = GTK_WIDGET (window_entry_list (f));
  g_autoptr(GPtrArray) children = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_child_visible (child) && gtk_widget_get_first_child (child) != NULL)
      g_ptr_array_add (children, child);
  g_ptr_array_sort (children, by_top);

  for (guint i = 0; i < children->len; i++)
    {
      GtkWidget *content = gtk_widget_get_first_child (g_ptr_array_index (children, i));

      if (PYPREP_IS_TOPIC_HEADER (content))
        {
          GtkLabel *group = template_child (content, PYPREP_TYPE_TOPIC_HEADER, "group_label");
          GtkLabel *title = template_child (content, PYPREP_TYPE_TOPIC_HEADER, "title_label");

          if (gtk_widget_get_visible (GTK_WIDGET (group)))
            g_string_append_printf (out, "== %s\n", gtk_label_get_label (group));
          g_string_append_printf (out, "# %s\n", gtk_label_get_label (title));
        }
      else if (PYPREP_IS_ENTRY_ROW (content))
        {
          GtkLabel *title = template_child (content, PYPREP_TYPE_ENTRY_ROW, "title_label");

          g_string_append_printf (out, "%s\n", gtk_label_get_text (title));
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
list_laid_out (gpointer data)
{
  Fixture *f = data;
  GListModel *entries = G_LIST_MODEL (window_entries (f));
  g_autofree char *rows = sidebar_rows (f);
  guint n = 0;

  for (const char *p = rows; *p != '\0'; p++)
    n += *p == '\n';
  return g_list_model_get_n_items (entries) > 0 && n > g_list_model_get_n_items (entries);
}

/* Once the sidebar is laid out, its rows are @expected. */
static void
assert_rows (Fixture    *f,
             const char *expected)
{
  g_autofree char *rows = NULL;

  wait_until (list_laid_out, f, "the sidebar to be laid out");
  rows = sidebar_rows (f);
  g_assert_cmpstr (rows, ==, expected);
}

static gboolean
is_shown (gpointer data)
{
  void **pair = data;

  return shown_entry (pair[0]) == pair[1];
}

/* Shape F: each subfolder is a group of topics, named above its first
 * topic; the folder's own topics have no group. Up and Down go from entry
 * to entry across the headings. */
static void
check_groups (Fixture *f)
{
  GtkListView *list = window_entry_list (f);
  GtkSingleSelection *selection = window_entries (f);
  g_autoptr(PyprepEntry) gil = NULL;
  void *pair[2] = { f, NULL };

  assert_rows (f, "== Python\n"
                "# Python basics\n"
                "What is the difference between a list and a tuple?\n"
                "Which containers have I revised?\n"
                "Why is str immutable?\n"
                "== Python / advanced\n"
                "# GIL\n"
                "What is the GIL?\n"
                "How do you work around the GIL?\n"
                "== os\n"
                "# Basics\n"
                "fork\n"
                "exec\n"
                "# Signals\n"
                "SIGTERM\n"
                "SIGKILL\n");
  save_screenshot (f, "notes-groups.png");

  /* Down from the last entry of a group lands on the first entry of the
   * next, never on a heading. */
  select_and_wait (f, 2);
  gtk_list_view_scroll_to (list, 2, GTK_LIST_SCROLL_FOCUS, NULL);
  spin (50);
  press (GTK_WIDGET (list), GDK_KEY_Down, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 3);
  gil = g_list_model_get_item (G_LIST_MODEL (selection), 3);
  g_assert_cmpstr (pyprep_entry_get_title (gil), ==, "What is the GIL?");
  pair[1] = gil;
  wait_until (is_shown, pair, "the entry below to be shown");
  press (GTK_WIDGET (list), GDK_KEY_Up, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
}

/* A folder that holds only folders has no topic to take a title from:
 * its name stands in the path. */
static void
check_nested_groups (Fixture *f)
{
  assert_rows (f, "== docs / guide\n"
                "# Basics\n"
                "What is a list?\n"
                "What is a tuple?\n");
}

static void
test_notes_groups (void)
{
  g_autofree char *path = shape_path ("f");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-notes-XXXXXX", &error);

  g_assert_no_error (error);
  forget_user_data ();
  run_app_sized (path, 1000, 780, check_groups, NULL);

  write_file (dir, "docs/guide/basics.md",
              "# Basics\n\n## What is a list?\n\nA sequence.\n\n## What is a tuple?\n\nA fixed one.\n");
  forget_user_data ();
  run_app (dir, check_nested_groups, NULL);
  remove_tree (dir);
}

static GtkWidget *
sidebar_part (Fixture    *f,
              const char *name)
{
  return template_child (window_child (f, "sidebar"), PYPREP_TYPE_SIDEBAR, name);
}

/* The titles the sidebar lists, one a line. */
static char *
listed_titles (Fixture *f)
{
  GListModel *entries = G_LIST_MODEL (window_entries (f));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, i);

      g_string_append_printf (out, "%s\n", pyprep_entry_get_title (entry));
    }
  return g_string_free (out, FALSE);
}

/* Shape B leaves three questions unanswered: the filter lists them, and
 * only them, under their topics. */
static void
check_unanswered_filter (Fixture *f)
{
  GtkWidget *button = sidebar_part (f, "unanswered_button");
  g_autofree char *titles = NULL;

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Questions the notes do not answer (Alt+4)");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter", "s", "unanswered"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  titles = listed_titles (f);
  g_assert_cmpstr (titles, ==,
                   "What is a generator?\n"
                   "When do threads still help?\n"
                   "Why does TIME_WAIT exist?\n");
  assert_rows (f, "# Part One: Python · Basics\n"
                "2  What is a generator?\n"
                "# Part One: Python · Concurrency\n"
                "5  When do threads still help?\n"
                "# Part Two: Systems · Networking\n"
                "8  Why does TIME_WAIT exist?\n");
  save_screenshot (f, "notes-unanswered.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter", "s", "all"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window_entries (f))), ==, 9);
}

/* Shape A answers every question: the filter is not offered, and asked
 * for all the same (Alt+4) it says so. */
static void
check_no_unanswered (Fixture *f)
{
  AdwStatusPage *status = ADW_STATUS_PAGE (sidebar_part (f, "filter_status"));

  g_assert_false (gtk_widget_get_visible (sidebar_part (f, "unanswered_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter", "s", "unanswered"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window_entries (f))), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (sidebar_part (f, "sidebar_stack"))), ==,
                   "no-matches");
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Every Question Has an Answer");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter", "s", "all"));
}

static void
test_notes_unanswered_filter (void)
{
  g_autofree char *b = shape_path ("b");
  g_autofree char *a = shape_path ("a");

  forget_user_data ();
  run_app_sized (b, 1000, 780, check_unanswered_filter, NULL);
  forget_user_data ();
  run_app (a, check_no_unanswered, NULL);
}

static gboolean
composer_open (gpointer data)
{
  Fixture *f = data;
  GtkWidget *composer = template_child (window_annotation_panel (f), PYPREP_TYPE_ANNOTATION_PANEL,
                                        "composer_view");

  return gtk_widget_has_focus (composer);
}

/* Shape B's "What is a generator?" has no answer: the reader offers to
 * write one, and the annotation written becomes a recall card that the
 * review shows, question in front, the user's answer behind. */
static void
check_own_answer (Fixture *f)
{
  AdwBanner *banner = template_child (window_child (f, "reader_page"), PYPREP_TYPE_READER_PAGE, "answer_banner");
  PyprepStore *store = pyprep_application_get_store (f->app);
  PyprepQuizView *view = window_child (f, "quiz_view");
  PyprepEntry *entry;
  PyprepReviewSession *session;
  g_autofree char *card_id = NULL;
  GtkWidget *card;
  guint n_cards;

  entry = select_and_wait (f, 0);
  g_assert_false (pyprep_entry_is_unanswered (entry));
  g_assert_false (adw_banner_get_revealed (banner));
  entry = select_and_wait (f, 1);
  g_assert_cmpstr (pyprep_entry_get_title (entry), ==, "What is a generator?");
  g_assert_true (adw_banner_get_revealed (banner));
  save_screenshot (f, "notes-no-answer.png");

  /* The banner's button opens the annotation editor. */
  click_button (GTK_WIDGET (banner), "_Write Answer");
  wait_until (composer_open, f, "the annotation editor");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (
                              template_child (window_annotation_panel (f), PYPREP_TYPE_ANNOTATION_PANEL,
                                              "composer_view")),
                            "A function that yields its values one at a time.", -1);
  click_button (GTK_WIDGET (window_annotation_panel (f)), "_Add");
  g_assert_cmpuint (pyprep_store_count_annotations (store, pyprep_entry_get_id (entry)), ==, 1);
  g_assert_false (adw_banner_get_revealed (banner));

  /* The review brings the card; answer the others until it comes. */
  card_id = g_strconcat (pyprep_entry_get_id (entry), "#card", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review", NULL);
  spin (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (f, "main_stack")), ==, "quiz");
  session = session_of (view);
  n_cards = pyprep_review_session_get_n_cards (session);
  g_assert_cmpuint (n_cards, ==, 7);
  for (guint i = 0; i < n_cards && !g_str_equal (pyprep_review_session_get_current (session)->card_id, card_id); i++)
    {
      press (GTK_WIDGET (view), GDK_KEY_space, 0);
      press (GTK_WIDGET (view), GDK_KEY_3, 0);
    }
  g_assert_cmpstr (pyprep_review_session_get_current (session)->card_id, ==, card_id);
  card = adw_bin_get_child (template_child (view, PYPREP_TYPE_QUIZ_VIEW, "card_bin"));
  g_assert_true (PYPREP_IS_RECALL_CARD (card));
  g_assert_cmpstr (gtk_label_get_text (template_child (card, PYPREP_TYPE_RECALL_CARD, "prompt_label")), ==,
                   "What is a generator?");
  press (GTK_WIDGET (view), GDK_KEY_space, 0);
  spin (200);
  g_assert_cmpstr (gtk_label_get_text (template_child (card, PYPREP_TYPE_RECALL_CARD, "answer_label")), ==,
                   "A function that yields its values one at a time.");
  save_screenshot (f, "notes-own-answer-card.png");
  press (GTK_WIDGET (view), GDK_KEY_3, 0);
  g_assert_nonnull (pyprep_store_get_card_state (store, card_id));
}

static void
test_notes_own_answer (void)
{
  g_autofree char *path = shape_path ("b");

  forget_user_data ();
  run_app (path, check_own_answer, NULL);
}

/* At 360 px the sidebar fills the window: the group heading, the four
 * filters and the rows fit; the reader, opened on a question without an
 * answer, shows the offer to write one. */
static void
check_narrow (Fixture *f)
{
  AdwNavigationSplitView *split = window_child (f, "split_view");
  GtkWidget *filters = template_child (window_child (f, "sidebar"), PYPREP_TYPE_SIDEBAR, "filter_box");
  AdwBanner *banner = template_child (window_child (f, "reader_page"), PYPREP_TYPE_READER_PAGE, "answer_banner");
  g_autofree char *rows = NULL;
  PaintWatch watch;

  g_assert_true (adw_navigation_split_view_get_collapsed (split));
  g_assert_false (adw_navigation_split_view_get_show_content (split));
  wait_until (list_laid_out, f, "the sidebar to be laid out");
  rows = sidebar_rows (f);
  g_assert_true (g_str_has_prefix (rows, "== Python\n# Python basics\n"));
  g_assert_cmpint (gtk_widget_get_width (filters), <=, gtk_widget_get_width (GTK_WIDGET (f->window)));
  save_screenshot (f, "notes-narrow-sidebar.png");

  watch_paint (f, &watch);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (window_entries (f)), 2, TRUE);
  g_signal_emit_by_name (window_entry_list (f), "activate", 2);
  g_assert_cmpstr (pyprep_entry_get_title (shown_entry (f)), ==, "Why is str immutable?");
  wait_paint (&watch, pyprep_entry_get_id (shown_entry (f)));
  g_assert_true (adw_navigation_split_view_get_show_content (split));
  g_assert_true (adw_banner_get_revealed (banner));
  save_screenshot (f, "notes-narrow-no-answer.png");
}

static void
test_notes_narrow (void)
{
  g_autofree char *path = shape_path ("f");

  forget_user_data ();
  run_app_sized (path, 360, 640, check_narrow, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "en"))
    return g_test_run ();

  g_test_add_func ("/pyprep/ui/notes/groups", test_notes_groups);
  g_test_add_func ("/pyprep/ui/notes/unanswered-filter", test_notes_unanswered_filter);
  g_test_add_func ("/pyprep/ui/notes/own-answer", test_notes_own_answer);
  g_test_add_func ("/pyprep/ui/notes/narrow", test_notes_narrow);

  return g_test_run ();
}
