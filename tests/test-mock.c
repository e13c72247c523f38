/* test-mock.c: a mock interview run with the keyboard only, to its report; then the Anki export.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pyprep-mock-view.h"
#include "ui-harness.h"

static GtkWidget *
mock_view (Fixture *f)
{
  return window_child (f, "mock_view");
}

static const char *
page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (template_child (mock_view (f), PYPREP_TYPE_MOCK_VIEW, "stack"));
}

static gboolean
is_list_box (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget);
}

/* The rows shown in one of the view's preference groups. */
static guint
rows_of (Fixture    *f,
         const char *group)
{
  GtkWidget *box = find_widget (template_child (mock_view (f), PYPREP_TYPE_MOCK_VIEW, group), is_list_box, NULL);
  guint n = 0;

  for (GtkWidget *row = box != NULL ? gtk_widget_get_first_child (box) : NULL; row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n += ADW_IS_ACTION_ROW (row) && gtk_widget_get_visible (row);
  return n;
}

static void
check_mock (Fixture *f)
{
  GtkWidget *view;
  PyprepMockInterview *mock;
  GtkWidget *reread;
  GtkWidget *box;
  guint asked = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.mock-interview", NULL));
  spin (100);
  view = mock_view (f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (f, "main_stack")), ==, "mock");
  g_assert_cmpstr (page (f), ==, "setup");
  /* One switch per topic of the deck, every one on. */
  g_assert_cmpuint (rows_of (f, "topics_group"), ==, 2);
  save_screenshot (f, "mock-setup.png");

  press (view, GDK_KEY_Return, 0);
  g_assert_cmpstr (page (f), ==, "question");
  mock = pyprep_mock_view_get_interview (PYPREP_MOCK_VIEW (view));
  g_assert_nonnull (mock);
  g_assert_cmpuint (pyprep_mock_interview_get_minutes (mock), ==, 15);

  /* Grading needs the key points shown first. */
  gtk_widget_activate_action (view, "mock.grade", "i", PYPREP_MOCK_GRADE_MISSED);
  g_assert_cmpint (pyprep_mock_interview_get_current (mock)->grade, ==, PYPREP_MOCK_GRADE_NONE);
  g_assert_cmpuint (pyprep_mock_interview_get_n_asked (mock), ==, 1);
  press (view, GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_true (gtk_widget_get_visible (template_child (view, PYPREP_TYPE_MOCK_VIEW, "key_points_box")));
  save_screenshot (f, "mock-question.png");

  /* Miss every question: each entry's follow-ups come, then the report. */
  while (g_str_equal (page (f), "question"))
    {
      if (!gtk_widget_get_visible (template_child (view, PYPREP_TYPE_MOCK_VIEW, "key_points_box")))
        press (view, GDK_KEY_Return, GDK_CONTROL_MASK);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (template_child (view, PYPREP_TYPE_MOCK_VIEW,
                                                                          "notes_view")), "my notes", -1);
      press (view, GDK_KEY_1, GDK_CONTROL_MASK);
      asked++;
      g_assert_cmpuint (asked, <, 20);
    }
  g_assert_cmpstr (page (f), ==, "report");
  g_assert_cmpuint (asked, ==, 6);
  g_assert_cmpuint (pyprep_mock_interview_get_n_asked (mock), ==, 6);
  g_assert_cmpstr (pyprep_mock_interview_get_question (mock, 0)->notes, ==, "my notes");
  g_assert_cmpuint (rows_of (f, "answers_group"), ==, 6);
  g_assert_cmpuint (rows_of (f, "topics_report_group"), ==, 2);
  g_assert_cmpuint (rows_of (f, "reread_group"), ==, 3);
  save_screenshot (f, "mock-report.png");

  /* "Read these again" opens the entry in the reader. */
  reread = template_child (view, PYPREP_TYPE_MOCK_VIEW, "reread_group");
  box = find_widget (reread, is_list_box, NULL);
  g_signal_emit_by_name (gtk_widget_get_first_child (box), "activated");
  spin (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (f, "main_stack")), ==, "library");
  g_assert_cmpstr (pyprep_entry_get_id (shown_entry (f)), ==,
                   pyprep_entry_get_id (pyprep_mock_interview_get_question (mock, 0)->entry));

  /* The shown entry's deck exports for Anki, as File → Export does. */
  {
    g_autofree char *dir = g_dir_make_tmp ("pyprep-anki-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "cards.txt", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *text = NULL;

    pyprep_window_export_anki_to (f->window, file);
    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "#separator:tab\n#html:true\n#notetype:Basic\n#deck:Mock\n"));
    g_assert_nonnull (strstr (text, "\"mock/os/process#card\"\t\"<p>What is a process?</p>\""));
    g_unlink (path);
    g_rmdir (dir);
  }

  /* Escape leaves a new interview's first page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.mock-interview", NULL));
  spin (50);
  press (mock_view (f), GDK_KEY_Escape, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (f, "main_stack")), ==, "library");
}

static void
test_mock_keys (void)
{
  g_autofree char *deck = test_deck_path ("mock");

  run_app (deck, check_mock, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, NULL))
    return 0;

  g_test_add_func ("/pyprep/mock/keys", test_mock_keys);

  return g_test_run ();
}
