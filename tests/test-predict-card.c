/* test-predict-card.c: predict-the-output questions in a review, answered with the keyboard.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with --chinese, the same cases run with the interface and the deck in
 * Chinese (the test deck has both languages).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pyprep-predict-card.h"
#include "pyprep-quiz-view.h"
#include "pyprep-reader-page.h"
#include "ui-harness.h"
#include "ui-keys.h"

static gboolean chinese = FALSE;

static gboolean
is_predict_card (GtkWidget     *widget,
                 gconstpointer  data)
{
  return PYPREP_IS_PREDICT_CARD (widget);
}

static PyprepPredictCard *
predict_card (PyprepQuizView *view)
{
  GtkWidget *card = find_widget (GTK_WIDGET (view), is_predict_card, NULL);

  g_assert_nonnull (card);
  return PYPREP_PREDICT_CARD (card);
}

static GtkTextBuffer *
answer_buffer (PyprepQuizView *view)
{
  return gtk_text_view_get_buffer (template_child (predict_card (view), PYPREP_TYPE_PREDICT_CARD,
                                                   "answer_view"));
}

static const char *
card_label (PyprepQuizView *view,
            const char     *name)
{
  return gtk_label_get_text (template_child (predict_card (view), PYPREP_TYPE_PREDICT_CARD, name));
}

/* The lines of the diff, as the card shows them. */
static char *
diff_text (PyprepQuizView *view)
{
  GtkWidget *box = template_child (predict_card (view), PYPREP_TYPE_PREDICT_CARD, "diff_box");
  GString *out = g_string_new (NULL);

  if (!gtk_widget_get_visible (box))
    return g_string_free (out, FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
  return g_string_free (out, FALSE);
}

static void
assert_current (PyprepQuizView *view,
                const char     *card_id)
{
  const PyprepCardRef *ref = pyprep_review_session_get_current (session_of (view));

  g_assert_nonnull (ref);
  g_assert_cmpstr (ref->card_id, ==, card_id);
}

static PyprepRating
rating_at (PyprepQuizView *view,
           guint           position)
{
  return pyprep_review_session_get_rating (session_of (view), position);
}

/* Checks the prediction with Ctrl+Enter: a real key press when the
 * display can make one, else the view's own binding. */
static void
press_check (Fixture        *f,
             PyprepQuizView *view)
{
  if (keys_available (GTK_WINDOW (f->window)))
    press_keys (GTK_WINDOW (f->window), "<Control>Return");
  else
    press (GTK_WIDGET (view), GDK_KEY_Return, GDK_CONTROL_MASK);
}

/* While the user types, Space, Enter and the digits are text, not the
 * quiz's keys. */
static void
check_typing_keys (Fixture        *f,
                   PyprepQuizView *view)
{
  g_autofree char *typed = NULL;
  GtkTextIter start, end;

  if (!keys_available (GTK_WINDOW (f->window)))
    {
      g_test_message ("no X11 display with XTEST: typing is not pressed for real");
      return;
    }
  press_keys (GTK_WINDOW (f->window), "1");
  press_keys (GTK_WINDOW (f->window), "space");
  press_keys (GTK_WINDOW (f->window), "Return");
  press_keys (GTK_WINDOW (f->window), "3");
  gtk_text_buffer_get_bounds (answer_buffer (view), &start, &end);
  typed = gtk_text_buffer_get_text (answer_buffer (view), &start, &end, FALSE);
  g_assert_cmpstr (typed, ==, "1 \n3");
  g_assert_false (pyprep_review_session_get_answered (session_of (view)));
  gtk_text_buffer_set_text (answer_buffer (view), "", -1);
}

static void
set_style (const char *style)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");

  g_settings_set_string (settings, "style", style);
  spin (300);
}

static void
shot (Fixture    *f,
      const char *what)
{
  g_autofree char *light = g_strdup_printf ("predict-%s-%s.png", what, chinese ? "zh" : "en");
  g_autofree char *dark = g_strdup_printf ("predict-%s-%s-dark.png", what, chinese ? "zh" : "en");

  save_screenshot (f, light);
  set_style ("dark");
  save_screenshot (f, dark);
  set_style ("system");
}

/* Runs the app on the test deck "predict", as on a first start, in a
 * window @width wide, or at the remembered size for 0. */
static void
run_predict_deck (WindowCheck check,
                  int         width)
{
  g_autofree char *path = test_deck_path ("predict");

  forget_user_data ();
  if (width > 0)
    run_app_sized (path, width, 700, check, NULL);
  else
    run_app (path, check, NULL);
}

static void
check_predict_session (Fixture *f)
{
  PyprepQuizView *view = window_child (f, "quiz_view");
  PyprepStore *store = pyprep_application_get_store (f->app);
  g_autofree char *diff = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review", NULL);
  spin (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (f, "main_stack")), ==, "quiz");
  g_assert_cmpuint (pyprep_review_session_get_n_cards (session_of (view)), ==, 4);

  /* The entry's recall card comes first. */
  assert_current (view, "pd/basics/closures#card");
  press (GTK_WIDGET (view), GDK_KEY_space, 0);
  press (GTK_WIDGET (view), GDK_KEY_3, 0);

  /* The first question: the program, no output, the text to type in. */
  assert_current (view, "pd/basics/closures#predict-1");
  g_assert_cmpstr (card_label (view, "code_label"), ==,
                   "funcs = [lambda: i for i in range(3)]\nprint([f() for f in funcs])");
  g_assert_false (gtk_widget_get_visible (template_child (predict_card (view), PYPREP_TYPE_PREDICT_CARD,
                                                          "result_box")));
  /* Keys the quiz takes on other cards are the answer's here. */
  g_assert_false (press_if_bound (GTK_WIDGET (view), GDK_KEY_space, 0));
  g_assert_false (press_if_bound (GTK_WIDGET (view), GDK_KEY_Return, 0));
  g_assert_false (press_if_bound (GTK_WIDGET (view), GDK_KEY_1, 0));
  g_assert_false (press_if_bound (GTK_WIDGET (view), GDK_KEY_a, 0));
  g_assert_false (press_if_bound (GTK_WIDGET (view), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_false (pyprep_review_session_get_answered (session_of (view)));
  assert_current (view, "pd/basics/closures#predict-1");
  check_typing_keys (f, view);

  /* A wrong prediction: Again, the real output and the diff. */
  gtk_text_buffer_set_text (answer_buffer (view), "[0, 1, 2]\n", -1);
  shot (f, "question");
  press_check (f, view);
  g_assert_true (pyprep_review_session_get_answered (session_of (view)));
  g_assert_cmpint (rating_at (view, 1), ==, PYPREP_RATING_AGAIN);
  g_assert_nonnull (pyprep_store_get_card_state (store, "pd/basics/closures#predict-1"));
  g_assert_cmpstr (card_label (view, "output_label"), ==, "[2, 2, 2]");
  diff = diff_text (view);
  g_assert_cmpstr (diff, ==, "+ [2, 2, 2]\n− [0, 1, 2]\n");
  g_test_message ("grade: %s", card_label (view, "grade_label"));
  g_assert_true (strstr (card_label (view, "grade_label"), chinese ? "重来" : "Again") != NULL);
  g_assert_false (press_if_bound (GTK_WIDGET (view), GDK_KEY_Return, GDK_CONTROL_MASK));
  shot (f, "diff");

  /* Ctrl+Z takes it back; then the right prediction, typed with spaces and
   * blank lines at the end, is Good and shows no diff. */
  press (GTK_WIDGET (view), GDK_KEY_z, GDK_CONTROL_MASK);
  assert_current (view, "pd/basics/closures#predict-1");
  g_assert_false (pyprep_review_session_get_answered (session_of (view)));
  g_assert_null (pyprep_store_get_card_state (store, "pd/basics/closures#predict-1"));
  gtk_text_buffer_set_text (answer_buffer (view), "[2, 2, 2]  \n\n", -1);
  press_check (f, view);
  g_assert_cmpint (rating_at (view, 1), ==, PYPREP_RATING_GOOD);
  g_clear_pointer (&diff, g_free);
  diff = diff_text (view);
  g_assert_cmpstr (diff, ==, "");
  shot (f, "right");
  press (GTK_WIDGET (view), GDK_KEY_Return, 0);

  /* A line missing: Again, and the user grades it Hard instead. */
  assert_current (view, "pd/basics/closures#defaults");
  gtk_text_buffer_set_text (answer_buffer (view), "[0, 1, 2]", -1);
  press_check (f, view);
  g_assert_cmpint (rating_at (view, 2), ==, PYPREP_RATING_AGAIN);
  g_clear_pointer (&diff, g_free);
  diff = diff_text (view);
  g_assert_cmpstr (diff, ==, "  [0, 1, 2]\n+ done\n");
  press (GTK_WIDGET (view), GDK_KEY_2, 0);
  g_assert_cmpint (rating_at (view, 2), ==, PYPREP_RATING_HARD);

  /* A program that prints nothing: nothing typed is right. */
  assert_current (view, "pd/basics/quiet#predict-1");
  press_check (f, view);
  g_assert_cmpint (rating_at (view, 3), ==, PYPREP_RATING_GOOD);
  press (GTK_WIDGET (view), GDK_KEY_space, 0);
  g_assert_true (pyprep_review_session_get_finished (session_of (view)));
  g_assert_cmpuint (pyprep_review_session_get_n_correct (session_of (view)), ==, 4);
}

static void
test_predict_session (void)
{
  run_predict_deck (check_predict_session, 0);
}

/* At 360 px the program and the diff wrap inside the window. */
static void
check_predict_narrow (Fixture *f)
{
  PyprepQuizView *view = window_child (f, "quiz_view");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review", NULL);
  spin (300);
  press (GTK_WIDGET (view), GDK_KEY_space, 0);
  press (GTK_WIDGET (view), GDK_KEY_1, 0);
  assert_current (view, "pd/basics/closures#predict-1");
  gtk_text_buffer_set_text (answer_buffer (view), "[0, 1, 2]\n[2, 2, 2]\n", -1);
  press_check (f, view);
  spin (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (predict_card (view))), <=, 360);
  shot (f, "narrow");
}

static void
test_predict_narrow (void)
{
  run_predict_deck (check_predict_narrow, 360);
}

/* The reader shows the programs without their outputs, and offers the
 * questions, which Ctrl+Shift+P asks in a practice session. */
static void
check_predict_reader (Fixture *f)
{
  PyprepQuizView *view = window_child (f, "quiz_view");
  AdwBanner *banner = template_child (window_child (f, "reader_page"), PYPREP_TYPE_READER_PAGE,
                                      "predict_banner");
  g_autofree char *text = NULL;
  PyprepEntry *entry = select_and_wait (f, 0);

  g_assert_cmpstr (pyprep_entry_get_id (entry), ==, "pd/basics/closures");
  g_assert_true (adw_banner_get_revealed (banner));
  text = run_script (window_view (f), "document.body.innerText");
  g_assert_nonnull (strstr (text, "funcs = [lambda: i for i in range(3)]"));
  g_assert_null (strstr (text, "[2, 2, 2]"));
  g_assert_null (strstr (text, "[0, 1, 2]"));
  shot (f, "reader");

  if (keys_available (GTK_WINDOW (f->window)))
    press_keys (GTK_WINDOW (f->window), "<Control><Shift>p");
  else
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.predict-output", NULL);
  spin (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (f, "main_stack")), ==, "quiz");
  g_assert_true (pyprep_review_session_get_practice (session_of (view)));
  g_assert_cmpuint (pyprep_review_session_get_n_cards (session_of (view)), ==, 2);
  assert_current (view, "pd/basics/closures#predict-1");
  press (GTK_WIDGET (view), GDK_KEY_Escape, 0);
  spin (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (f, "main_stack")), !=, "quiz");

  /* The next entry, whose program prints nothing, is offered too. */
  select_and_wait (f, 1);
  g_assert_cmpstr (pyprep_entry_get_id (shown_entry (f)), ==, "pd/basics/quiet");
  g_assert_true (adw_banner_get_revealed (banner));
}

static void
test_predict_reader (void)
{
  run_predict_deck (check_predict_reader, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* --chinese runs the cases in Chinese; GTK reads the locale from the
   * environment when it starts. */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--chinese"))
      {
        chinese = TRUE;
        memmove (&argv[i], &argv[i + 1], (argc - i) * sizeof (char *));
        argc--;
        break;
      }
  if (chinese)
    {
      /* As main.c does, with the build tree's catalogue. */
      g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PYPREP_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  if (!ui_test_init (&argc, &argv, chinese ? "zh_CN" : "en"))
    return g_test_run ();

  g_test_add_func ("/pyprep/ui/predict/session", test_predict_session);
  g_test_add_func ("/pyprep/ui/predict/narrow", test_predict_narrow);
  g_test_add_func ("/pyprep/ui/predict/reader", test_predict_reader);

  return g_test_run ();
}
