/* test-interview-ui.c: an interview date set with the keyboard, readiness in the sidebar, on track or behind, a mock interview in the log.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys are pressed through the X server (ui-keys.c). The narrow case
 * saves screenshots of the dialog, the review page and the forecast at
 * 360 px, light and dark, in the interface language it runs in (run it
 * with LC_ALL=zh_CN.UTF-8 for the Chinese ones; meson's C.UTF-8 gives
 * English).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pyprep-chart.h"
#include "pyprep-interview-dialog.h"
#include "pyprep-mock-view.h"
#include "pyprep-quiz-view.h"
#include "pyprep-stats-view.h"
#include "pyprep-store-interview.h"
#include "pyprep-topic-header.h"
#include "ui-harness.h"
#include "ui-keys.h"

static AdwDialog *
visible_dialog (Fixture *f)
{
  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
}

static gboolean
dialog_open (gpointer data)
{
  return PYPREP_IS_INTERVIEW_DIALOG (visible_dialog (data));
}

static gboolean
dialog_closed (gpointer data)
{
  return visible_dialog (data) == NULL;
}

static void
get_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

static int
days_from_today (GDateTime *time)
{
  GDate today, day;

  get_today (&today);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (time),
                  (GDateMonth) g_date_time_get_month (time), (GDateYear) g_date_time_get_year (time));
  return g_date_days_between (&today, &day);
}

static gboolean
is_topic_header (GtkWidget     *widget,
                 gconstpointer  data)
{
  return PYPREP_IS_TOPIC_HEADER (widget);
}

/* A topic header of the sidebar showing a readiness such as "87%". */
static gboolean
readiness_shown (gpointer data)
{
  Fixture *f = data;
  GtkWidget *header = find_widget (GTK_WIDGET (f->window), is_topic_header, NULL);
  GtkLabel *label;

  if (header == NULL)
    return FALSE;
  label = template_child (header, PYPREP_TYPE_TOPIC_HEADER, "readiness_label");
  return gtk_widget_get_visible (GTK_WIDGET (label)) && g_str_has_suffix (gtk_label_get_label (label), "%");
}

static const char *
review_heading (Fixture *f)
{
  GtkWidget *quiz = window_child (f, "quiz_view");

  if (!gtk_revealer_get_reveal_child (template_child (quiz, PYPREP_TYPE_QUIZ_VIEW, "interview_revealer")))
    return "";
  return gtk_label_get_label (template_child (quiz, PYPREP_TYPE_QUIZ_VIEW, "interview_heading"));
}

static gboolean
shows_behind (gpointer data)
{
  return g_str_equal (review_heading (data), "Behind by 1 Card");
}

/* The dialog by keys: open it, move the day three on, set it with Enter. */
static void
set_date_by_keys (Fixture *f)
{
  GtkCalendar *calendar;
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) moved = NULL;
  GDate date;

  press_keys (GTK_WINDOW (f->window), "<Control><Shift>i");
  wait_until (dialog_open, f, "the interview date dialog");
  /* The dialog slides in. */
  spin (500);
  calendar = template_child (visible_dialog (f), PYPREP_TYPE_INTERVIEW_DIALOG, "calendar");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                        template_child (visible_dialog (f), PYPREP_TYPE_INTERVIEW_DIALOG,
                                                        "days_row")));
  shown = gtk_calendar_get_date (calendar);
  /* A first date is two weeks ahead. */
  g_assert_cmpint (days_from_today (shown), ==, 14);
  g_assert_false (gtk_widget_get_visible (template_child (visible_dialog (f), PYPREP_TYPE_INTERVIEW_DIALOG,
                                                          "clear_button")));
  save_screenshot (f, "interview-dialog.png");

  /* The days from today take the focus: three days on, by arrows. */
  for (guint i = 0; i < 3; i++)
    press_keys (GTK_WINDOW (f->window), "Up");
  moved = gtk_calendar_get_date (calendar);
  g_assert_cmpint (days_from_today (moved), ==, 17);
  press_keys (GTK_WINDOW (f->window), "Return");
  wait_until (dialog_closed, f, "the dialog to close");

  g_assert_true (pyprep_store_get_interview_date (store_of (f), &date));
  {
    GDate today;

    get_today (&today);
    g_assert_cmpint (g_date_days_between (&today, &date), ==, 17);
  }
  g_assert_cmpfloat_with_epsilon (pyprep_store_get_interview_target (store_of (f)), 0.9, 1e-9);
}

/* One card answered long ago and due three days ago: a review left from
 * earlier days, so one card behind. */
static void
make_overdue (Fixture *f)
{
  g_autoptr(JsonObject) state = json_object_new ();
  g_autofree char *due = NULL;
  g_autofree char *last = NULL;
  gint64 now = g_get_real_time ();

  due = pyprep_format_time (now - 3 * G_TIME_SPAN_DAY);
  last = pyprep_format_time (now - 6 * G_TIME_SPAN_DAY);
  json_object_set_string_member (state, "state", "review");
  json_object_set_double_member (state, "stability", 3);
  json_object_set_double_member (state, "difficulty", 5);
  json_object_set_string_member (state, "due", due);
  json_object_set_string_member (state, "last_review", last);
  pyprep_store_set_card_state (store_of (f), "mock/os/process#card", state);
}

/* A short mock interview by keys, every question missed; leaving its
 * report keeps it in the log. */
static void
run_mock (Fixture *f)
{
  GtkWidget *view;
  GtkStack *stack;
  g_autoptr(GPtrArray) answers = NULL;
  guint asked = 0;

  press_keys (GTK_WINDOW (f->window), "<Control><Shift>m");
  view = window_child (f, "mock_view");
  stack = template_child (view, PYPREP_TYPE_MOCK_VIEW, "stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "setup");
  /* The view's own keys, as test-mock.c presses them: a focused button
   * would take a real Enter. */
  press (view, GDK_KEY_Return, 0);
  while (g_str_equal (gtk_stack_get_visible_child_name (stack), "question") && asked < 3)
    {
      press (view, GDK_KEY_Return, GDK_CONTROL_MASK);
      press (view, GDK_KEY_1, GDK_CONTROL_MASK);
      asked++;
    }
  press (view, GDK_KEY_e, GDK_CONTROL_MASK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "report");
  g_assert_false (adw_switch_row_get_active (template_child (view, PYPREP_TYPE_MOCK_VIEW, "schedule_row")));
  press (view, GDK_KEY_Escape, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (f, "main_stack")), ==, "library");

  answers = pyprep_review_log_read (pyprep_store_get_folder (store_of (f)));
  g_assert_cmpuint (answers->len, ==, 3);
  for (guint i = 0; i < answers->len; i++)
    {
      PyprepReviewLogAnswer *answer = g_ptr_array_index (answers, i);

      g_assert_cmpint (answer->kind, ==, PYPREP_REVIEW_LOG_KIND_MOCK);
      g_assert_cmpint (answer->rating, ==, PYPREP_RATING_AGAIN);
      /* No schedule changed: only the overdue card has a state. */
      if (strcmp (answer->card, "mock/os/process#card") != 0)
        g_assert_null (pyprep_store_get_card_state (store_of (f), answer->card));
    }
}

static void
check_interview (Fixture *f)
{
  if (!keys_available (GTK_WINDOW (f->window)))
    {
      g_test_skip ("no X11 display with the XTEST library to press keys on");
      return;
    }

  set_date_by_keys (f);
  wait_until (readiness_shown, f, "a topic's readiness in the sidebar");

  press_keys (GTK_WINDOW (f->window), "<Control>r");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (f, "main_stack")), ==, "quiz");
  g_assert_cmpstr (review_heading (f), ==, "On Track");
  make_overdue (f);
  wait_until (shows_behind, f, "Behind by 1 Card on the review page");
  press_keys (GTK_WINDOW (f->window), "Escape");

  run_mock (f);

  /* The progress page draws the forecast: today to the day, 18 points. */
  press_keys (GTK_WINDOW (f->window), "<Control><Shift>r");
  g_assert_cmpuint (pyprep_line_chart_get_n_values (template_child (window_child (f, "stats_view"),
                                                                    PYPREP_TYPE_STATS_VIEW,
                                                                    "interview_chart")), ==, 18);
}

static void
test_interview_keys (void)
{
  g_autofree char *deck = test_deck_path ("mock");

  forget_user_data ();
  run_app (deck, check_interview, NULL);
}

/* The dialog, the review page and the forecast at 360 px, light and dark. */
static void
check_narrow (Fixture *f)
{
  static const struct { AdwColorScheme scheme; const char *suffix; } styles[] = {
    { ADW_COLOR_SCHEME_FORCE_LIGHT, "light" },
    { ADW_COLOR_SCHEME_FORCE_DARK, "dark" },
  };
  const char *language = g_getenv ("LANGUAGE") != NULL && g_str_has_prefix (g_getenv ("LANGUAGE"), "zh")
                         ? "zh" : "en";

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autofree char *dialog = g_strdup_printf ("interview-dialog-%s-%s.png", language, styles[i].suffix);
      g_autofree char *review = g_strdup_printf ("interview-review-%s-%s.png", language, styles[i].suffix);
      g_autofree char *stats = g_strdup_printf ("interview-forecast-%s-%s.png", language, styles[i].suffix);

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), styles[i].scheme);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.interview-date", NULL));
      wait_until (dialog_open, f, "the interview date dialog");
      spin (1000);
      save_screenshot (f, dialog);
      gtk_widget_activate (template_child (visible_dialog (f), PYPREP_TYPE_INTERVIEW_DIALOG, "set_button"));
      wait_until (dialog_closed, f, "the dialog to close");
      wait_until (readiness_shown, f, "a topic's readiness in the sidebar");

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review", NULL));
      spin (1000);
      save_screenshot (f, review);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.progress", NULL));
      spin (1000);
      save_screenshot (f, stats);
      gtk_stack_set_visible_child_name (window_child (f, "main_stack"), "library");
    }
}

static void
test_interview_narrow (void)
{
  g_autofree char *deck = test_deck_path ("mock");

  forget_user_data ();
  run_app_sized (deck, 360, 720, check_narrow, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, NULL))
    return 0;
  /* As main.c does, so that a run in Chinese shows Chinese. */
  if (g_getenv ("PYPREP_LOCALEDIR") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PYPREP_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_add_func ("/pyprep/interview-ui/keys", test_interview_keys);
  g_test_add_func ("/pyprep/interview-ui/narrow", test_interview_narrow);

  return g_test_run ();
}
