/* test-quiz.c: a review session answered with the keyboard only.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pyprep-quiz-view.h"
#include "ui-harness.h"

static char *
review_log_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "pyprep", PYPREP_STORE_REVIEW_LOG, NULL);
}

static void
forget_user_data (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "pyprep", NULL);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
}

static guint
log_lines (void)
{
  g_autofree char *path = review_log_path ();
  g_autofree char *text = NULL;
  guint n = 0;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return 0;
  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* Presses a key the way GTK delivers it to the view's key controller. */
static void
press (GtkWidget       *view,
       guint            keyval,
       GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  g_assert_true (handled);
  spin (50);
}

/* The text of every label under @widget, joined by newlines. */
static void
gather_text (GtkWidget *widget,
             GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gather_text (child, out);
}

static void
check_review_session (Fixture *f)
{
  PyprepQuizView *view = PYPREP_QUIZ_VIEW (pyprep_window_get_quiz_view (f->window));
  PyprepStore *store = pyprep_application_get_store (f->app);
  PyprepEntry *reading = pyprep_reader_get_entry (pyprep_window_get_reader (f->window));
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *expected = NULL;
  g_autofree char *first_id = NULL;
  guint n_cards, answered = 0, correct = 0;
  gboolean shot_card = FALSE;

  g_assert_nonnull (reading);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review", NULL);
  spin (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pyprep_window_get_main_stack (f->window)), ==, "quiz");
  n_cards = pyprep_quiz_view_get_n_cards (view);
  g_assert_cmpuint (n_cards, >=, 3);

  /* Ctrl+Z takes the first answer back: the card is new again. */
  {
    const PyprepCardRef *ref = pyprep_quiz_view_get_current (view);

    first_id = g_strdup (ref->card_id);
    g_assert_null (pyprep_store_get_card_state (store, first_id));
    if (pyprep_card_ref_is_recall (ref))
      {
        press (GTK_WIDGET (view), GDK_KEY_space, 0);
        press (GTK_WIDGET (view), GDK_KEY_4, 0);
      }
    else
      {
        press (GTK_WIDGET (view), GDK_KEY_a, 0);
        press (GTK_WIDGET (view), GDK_KEY_Return, 0);
        press (GTK_WIDGET (view), GDK_KEY_Return, 0);
      }
    g_assert_cmpuint (pyprep_quiz_view_get_position (view), ==, 1);
    g_assert_nonnull (pyprep_store_get_card_state (store, first_id));
    press (GTK_WIDGET (view), GDK_KEY_z, GDK_CONTROL_MASK);
    g_assert_cmpuint (pyprep_quiz_view_get_position (view), ==, 0);
    g_assert_null (pyprep_store_get_card_state (store, first_id));
    g_assert_cmpuint (log_lines (), ==, 2);
  }

  /* Every card, by keyboard: recall cards alternate Good and Again;
   * questions are answered right, then wrong, in turn. */
  for (guint i = 0; i < n_cards; i++)
    {
      const PyprepCardRef *ref = pyprep_quiz_view_get_current (view);

      g_assert_nonnull (ref);
      g_assert_cmpuint (pyprep_quiz_view_get_position (view), ==, i);
      if (pyprep_card_ref_is_recall (ref))
        {
          gboolean good = answered % 2 == 0;

          press (GTK_WIDGET (view), GDK_KEY_space, 0);
          if (!shot_card)
            {
              spin (300);
              save_screenshot (f, "quiz-card.png");
              shot_card = TRUE;
            }
          press (GTK_WIDGET (view), good ? GDK_KEY_3 : GDK_KEY_1, 0);
          correct += good;
        }
      else
        {
          const PyprepQuestion *question = pyprep_entry_get_question (ref->entry, ref->question);
          gboolean right = answered % 2 == 0;
          gboolean chose_any = FALSE;

          for (guint c = 0; c < question->choices->len; c++)
            {
              gboolean correct_choice = ((PyprepChoice *) g_ptr_array_index (question->choices, c))->correct;

              if (correct_choice == right)
                {
                  press (GTK_WIDGET (view), GDK_KEY_1 + c, 0);
                  chose_any = TRUE;
                }
            }
          g_assert_true (chose_any);
          press (GTK_WIDGET (view), GDK_KEY_Return, 0);
          spin (200);
          save_screenshot (f, "quiz-feedback.png");
          press (GTK_WIDGET (view), GDK_KEY_Return, 0);
          correct += right;
        }
      answered++;
      g_assert_nonnull (pyprep_store_get_card_state (store, ref->card_id));
    }

  /* The store and the log hold every answer, the summary the counts. */
  g_assert_true (pyprep_quiz_view_get_finished (view));
  g_assert_cmpuint (pyprep_quiz_view_get_n_correct (view), ==, correct);
  g_assert_cmpuint (log_lines (), ==, 2 + n_cards);
  spin (300);
  gather_text (GTK_WIDGET (view), summary);
  expected = g_strdup_printf ("%u answered, %u correct", n_cards, correct);
  g_assert_nonnull (strstr (summary->str, expected));
  g_assert_nonnull (strstr (summary->str, "Missed"));
  save_screenshot (f, "quiz-summary.png");

  /* Leaving the session finds the reader as it was. */
  press (GTK_WIDGET (view), GDK_KEY_Escape, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pyprep_window_get_main_stack (f->window)), ==, "library");
  g_assert_true (pyprep_reader_get_entry (pyprep_window_get_reader (f->window)) == reading);

  /* Nothing is due right after: the session says so. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review", NULL);
  spin (300);
  g_assert_cmpuint (pyprep_quiz_view_get_n_cards (view), ==, 0);
}

static void
test_quiz_review_session (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", "good", NULL);

  forget_user_data ();
  run_app (path, check_review_session, NULL);
}

static void
check_new_card_limit (Fixture *f)
{
  PyprepQuizView *view = PYPREP_QUIZ_VIEW (pyprep_window_get_quiz_view (f->window));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review", NULL);
  spin (200);
  g_assert_cmpuint (pyprep_quiz_view_get_n_cards (view), ==, 2);
  press (GTK_WIDGET (view), GDK_KEY_Escape, 0);
}

/* New Cards a Day in Preferences limits the session. */
static void
test_quiz_new_card_limit (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", "good", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");

  forget_user_data ();
  g_settings_set_uint (settings, "new-cards-per-day", 2);
  run_app (path, check_new_card_limit, NULL);
  g_settings_reset (settings, "new-cards-per-day");
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "en"))
    return g_test_run ();

  g_test_add_func ("/pyprep/ui/quiz/review-session", test_quiz_review_session);
  g_test_add_func ("/pyprep/ui/quiz/new-card-limit", test_quiz_new_card_limit);

  return g_test_run ();
}
