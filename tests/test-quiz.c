/* test-quiz.c: a review session answered with the keyboard only.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pyprep-chart.h"
#include "pyprep-question-card.h"
#include "pyprep-quiz-view.h"
#include "pyprep-session-summary.h"
#include "pyprep-sidebar.h"
#include "pyprep-stats-view.h"
#include "ui-harness.h"

static char *
review_log_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "pyprep", PYPREP_STORE_REVIEW_LOG, NULL);
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
  PyprepQuizView *view = window_child (f, "quiz_view");
  PyprepStore *store = pyprep_application_get_store (f->app);
  PyprepEntry *reading = shown_entry (f);
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *expected = NULL;
  g_autofree char *first_id = NULL;
  guint n_cards, answered = 0, correct = 0;
  gboolean shot_card = FALSE;

  g_assert_nonnull (reading);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review", NULL);
  spin (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (f, "main_stack")), ==, "quiz");
  n_cards = pyprep_review_session_get_n_cards (session_of (view));
  g_assert_cmpuint (n_cards, >=, 3);

  /* Ctrl+Z takes the first answer back: the card is new again. */
  {
    const PyprepCardRef *ref = pyprep_review_session_get_current (session_of (view));

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
    g_assert_cmpuint (pyprep_review_session_get_position (session_of (view)), ==, 1);
    g_assert_nonnull (pyprep_store_get_card_state (store, first_id));
    press (GTK_WIDGET (view), GDK_KEY_z, GDK_CONTROL_MASK);
    g_assert_cmpuint (pyprep_review_session_get_position (session_of (view)), ==, 0);
    g_assert_null (pyprep_store_get_card_state (store, first_id));
    g_assert_cmpuint (log_lines (), ==, 2);
  }

  /* Every card, by keyboard: recall cards alternate Good and Again;
   * questions are answered right, then wrong, in turn. */
  for (guint i = 0; i < n_cards; i++)
    {
      const PyprepCardRef *ref = pyprep_review_session_get_current (session_of (view));

      g_assert_nonnull (ref);
      g_assert_cmpuint (pyprep_review_session_get_position (session_of (view)), ==, i);
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
  g_assert_true (pyprep_review_session_get_finished (session_of (view)));
  g_assert_cmpuint (pyprep_review_session_get_n_correct (session_of (view)), ==, correct);
  g_assert_cmpuint (log_lines (), ==, 2 + n_cards);
  spin (300);
  gather_text (GTK_WIDGET (view), summary);
  expected = g_strdup_printf ("%u answered, %u correct", n_cards, correct);
  g_assert_nonnull (strstr (summary->str, expected));
  g_assert_nonnull (strstr (summary->str, "Missed"));
  save_screenshot (f, "quiz-summary.png");

  /* Leaving the session finds the reader as it was. */
  press (GTK_WIDGET (view), GDK_KEY_Escape, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (f, "main_stack")), ==, "library");
  g_assert_true (shown_entry (f) == reading);

  /* Nothing is due right after: the session says so. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review", NULL);
  spin (300);
  g_assert_cmpuint (pyprep_review_session_get_n_cards (session_of (view)), ==, 0);
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
  PyprepQuizView *view = window_child (f, "quiz_view");

  /* Through app.review, as `pyprep --review` and the desktop file's
   * action start it. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "review", NULL);
  spin (200);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (f, "main_stack")), ==, "quiz");
  g_assert_cmpuint (pyprep_review_session_get_n_cards (session_of (view)), ==, 2);
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

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
is_mapped_label (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* A row of the progress page's topics: "0 new · 4 learning · 0 known · 2 due". */
static gboolean
is_topic_row (GtkWidget     *widget,
              gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget)
         && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), " known · ") != NULL;
}

static gboolean
is_status_page (GtkWidget     *widget,
                gconstpointer  data)
{
  return ADW_IS_STATUS_PAGE (widget);
}

static gboolean
is_scrolled_window (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_SCROLLED_WINDOW (widget);
}

static char *
card_states (PyprepStore *store,
             GPtrArray   *cards)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (cards, i);
      JsonObject *state = pyprep_store_get_card_state (store, ref->card_id);
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *text = NULL;

      if (state != NULL)
        {
          node = json_node_init_object (json_node_alloc (), state);
          text = json_to_string (node, FALSE);
        }
      g_string_append_printf (out, "%s=%s\n", ref->card_id, text != NULL ? text : "new");
    }
  return g_string_free (out, FALSE);
}

/* Answers the card on screen by keyboard: right (Good) or wrong (Again). */
static void
answer_card (PyprepQuizView *view,
             gboolean        right)
{
  const PyprepCardRef *ref = pyprep_review_session_get_current (session_of (view));

  if (pyprep_card_ref_is_recall (ref))
    {
      press (GTK_WIDGET (view), GDK_KEY_space, 0);
      press (GTK_WIDGET (view), right ? GDK_KEY_3 : GDK_KEY_1, 0);
      return;
    }
  {
    const PyprepQuestion *question = pyprep_entry_get_question (ref->entry, ref->question);
    gboolean chose_any = FALSE;

    for (guint c = 0; c < question->choices->len; c++)
      if (((PyprepChoice *) g_ptr_array_index (question->choices, c))->correct == right)
        {
          press (GTK_WIDGET (view), GDK_KEY_1 + c, 0);
          chose_any = TRUE;
        }
    g_assert_true (chose_any);
    press (GTK_WIDGET (view), GDK_KEY_Return, 0);
    press (GTK_WIDGET (view), GDK_KEY_Return, 0);
  }
}

/* Puts the card @card_id in review, a day overdue at @now. */
static void
set_overdue (PyprepStore *store,
             const char  *card_id,
             gint64       now)
{
  PyprepCardMemory memory = {
    PYPREP_CARD_STATE_REVIEW, -1, 3, 5, now - G_TIME_SPAN_DAY, now - 4 * G_TIME_SPAN_DAY, 3, 0
  };
  g_autoptr(JsonObject) object = pyprep_card_memory_to_json (&memory, NULL);

  pyprep_store_set_card_state (store, card_id, object);
}

static void
check_practice_and_progress (Fixture *f)
{
  PyprepQuizView *view = window_child (f, "quiz_view");
  GtkWidget *stats = window_child (f, "stats_view");
  GtkStack *main_stack = window_child (f, "main_stack");
  PyprepStore *store = pyprep_application_get_store (f->app);
  PyprepLibrary *library = pyprep_application_get_library (f->app);
  g_autoptr(GListModel) entries = pyprep_review_collect_entries (pyprep_library_get_decks (library));
  g_autoptr(GPtrArray) cards = pyprep_review_collect_cards (entries, store);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");
  g_autofree char *states_before = NULL;
  g_autofree char *states_after = NULL;
  GtkWidget *widget;
  PyprepBarChart *chart;
  guint n_cards;
  gint64 now = g_get_real_time ();

  g_assert_cmpuint (cards->len, >=, 3);
  g_assert_cmpuint (window_n_due (f), ==, 0);

  /* A review session answered all wrong. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review", NULL);
  spin (200);
  g_assert_false (pyprep_review_session_get_practice (session_of (view)));
  n_cards = pyprep_review_session_get_n_cards (session_of (view));
  g_assert_cmpuint (n_cards, ==, cards->len);
  for (guint i = 0; i < n_cards; i++)
    answer_card (view, FALSE);
  g_assert_true (pyprep_review_session_get_finished (session_of (view)));
  g_assert_cmpuint (log_lines (), ==, n_cards);

  /* "Practice these again" goes through the missed cards, and practice
   * answers are logged but change no schedule; Ctrl+Z takes one back. */
  widget = find_widget (GTK_WIDGET (view), is_named, "practice-again");
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_mapped (widget));
  states_before = card_states (store, cards);
  g_signal_emit_by_name (widget, "clicked");
  spin (200);
  g_assert_true (pyprep_review_session_get_practice (session_of (view)));
  g_assert_cmpuint (pyprep_review_session_get_n_cards (session_of (view)), ==, n_cards);
  g_assert_cmpuint (pyprep_review_session_get_position (session_of (view)), ==, 0);
  answer_card (view, TRUE);
  g_assert_cmpuint (log_lines (), ==, n_cards + 1);
  press (GTK_WIDGET (view), GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (pyprep_review_session_get_position (session_of (view)), ==, 0);
  g_assert_cmpuint (log_lines (), ==, n_cards + 2);
  for (guint i = 0; i < n_cards; i++)
    answer_card (view, TRUE);
  g_assert_true (pyprep_review_session_get_finished (session_of (view)));
  g_assert_cmpuint (pyprep_review_session_get_n_correct (session_of (view)), ==, n_cards);
  /* Nothing missed: nothing to practise again. */
  g_assert_false (gtk_widget_get_mapped (find_widget (GTK_WIDGET (view), is_named, "practice-again")));
  states_after = card_states (store, cards);
  g_assert_cmpstr (states_after, ==, states_before);
  g_assert_cmpuint (log_lines (), ==, 2 * n_cards + 2);
  press (GTK_WIDGET (view), GDK_KEY_Escape, 0);

  /* Two cards of the first topic a day overdue: the sidebar's section
   * header and the review button count them. */
  for (guint i = 0; i < 2; i++)
    set_overdue (store, ((PyprepCardRef *) g_ptr_array_index (cards, i))->card_id, now);
  spin (500);
  g_assert_cmpuint (window_n_due (f), ==, 2);
  g_assert_cmpuint (pyprep_due_counts_get_for_topic (pyprep_sidebar_get_due_counts (window_child (f, "sidebar")),
                                                     ((PyprepCardRef *) g_ptr_array_index (cards, 0))->topic),
                    ==, 2);
  g_assert_nonnull (find_widget (GTK_WIDGET (f->window), is_mapped_label, "2 due"));
  g_assert_nonnull (find_widget (GTK_WIDGET (f->window), is_mapped_label, "2"));
  save_screenshot (f, "due-counts.png");

  /* The progress page: due today, the forecast, today's answers (the
   * review's, not the practice's) and the figures as text. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.progress", NULL);
  spin (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "stats");
  /* Due today counts the overdue two and the others, which are in
   * learning after Again and come back within minutes: today, unless
   * those minutes cross midnight, when they fall on tomorrow. */
  {
    guint today, tomorrow;
    g_autofree char *count = NULL;
    g_autofree char *text = NULL;

    chart = PYPREP_BAR_CHART (find_widget (stats, is_named, "forecast-chart"));
    g_assert_cmpuint (pyprep_bar_chart_get_n_values (chart), ==, 30);
    today = pyprep_bar_chart_get_value (chart, 0);
    tomorrow = pyprep_bar_chart_get_value (chart, 1);
    g_assert_cmpuint (today, >=, 2);
    g_assert_cmpuint (today + tomorrow, ==, cards->len);
    /* The big figure is the review button's: due now. */
    count = g_strdup_printf ("%u", window_n_due (f));
    widget = find_widget (stats, is_named, "due-today");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget)), ==, count);
    text = g_strdup_printf ("%u due today, %u in the next 30 days.", today, cards->len);
    g_assert_nonnull (strstr (pyprep_bar_chart_get_description (chart), text));
  }
  chart = PYPREP_BAR_CHART (find_widget (stats, is_named, "history-chart"));
  g_assert_cmpuint (pyprep_bar_chart_get_n_values (chart), ==, 84);
  /* Today's, or yesterday's too when the session crossed midnight. */
  g_assert_cmpuint (pyprep_bar_chart_get_value (chart, 82) + pyprep_bar_chart_get_value (chart, 83), ==, n_cards);
  {
    g_autofree char *expected = g_strdup_printf ("%u answers in the last 12 weeks, on", n_cards);

    g_assert_nonnull (strstr (pyprep_bar_chart_get_description (chart), expected));
  }
  widget = find_widget (stats, is_named, "retention");
  /* Every answer of the review was Again; the practice's do not count. */
  {
    g_autofree char *retention = g_strdup_printf ("0%% (0 of %u)", n_cards);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget)), ==, retention);
  }
  /* The topic's row counts its due cards: the two overdue ones at least
   * (the others come back after a minute, which may have passed). */
  {
    const char *subtitle;
    const char *due;

    widget = find_widget (stats, is_topic_row, NULL);
    g_assert_nonnull (widget);
    subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));
    due = g_strrstr (subtitle, " · ");
    g_assert_nonnull (due);
    g_assert_cmpuint (g_ascii_strtoull (due + strlen (" · "), NULL, 10), >=, 2);
    g_assert_true (g_str_has_suffix (subtitle, " due"));
  }
  spin (200);
  save_screenshot (f, "progress.png");
  g_settings_set_string (settings, "style", "dark");
  spin (300);
  save_screenshot (f, "progress-dark.png");
  {
    GtkAdjustment *adjustment;

    widget = find_widget (stats, is_scrolled_window, NULL);
    adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    spin (300);
    save_screenshot (f, "progress-dark-end.png");
  }
  g_settings_reset (settings, "style");

  /* Review from the page; the two due cards come first. */
  g_signal_emit_by_name (stats, "review");
  spin (200);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "quiz");
  g_assert_cmpstr (pyprep_review_session_get_current (session_of (view))->card_id, ==,
                   ((PyprepCardRef *) g_ptr_array_index (cards, 0))->card_id);
  press (GTK_WIDGET (view), GDK_KEY_Escape, 0);

  /* Practice the bookmarked entries: none yet, then one. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.practice", "s", "bookmarked");
  spin (200);
  g_assert_cmpuint (pyprep_review_session_get_n_cards (session_of (view)), ==, 0);
  g_assert_nonnull (find_widget (GTK_WIDGET (view), is_mapped_label, "Nothing to Practice"));
  press (GTK_WIDGET (view), GDK_KEY_Escape, 0);
  {
    PyprepCardRef *ref = g_ptr_array_index (cards, 0);
    guint expected = 0;

    pyprep_store_set_bookmarked (store, pyprep_entry_get_id (ref->entry), TRUE);
    for (guint i = 0; i < cards->len; i++)
      expected += ((PyprepCardRef *) g_ptr_array_index (cards, i))->entry == ref->entry;
    g_signal_emit_by_name (stats, "practice", PYPREP_PRACTICE_BOOKMARKED, NULL);
    spin (200);
    g_assert_true (pyprep_review_session_get_practice (session_of (view)));
    g_assert_cmpuint (pyprep_review_session_get_n_cards (session_of (view)), ==, expected);
    press (GTK_WIDGET (view), GDK_KEY_Escape, 0);

    /* A topic: every card of it. */
    expected = 0;
    for (guint i = 0; i < cards->len; i++)
      expected += ((PyprepCardRef *) g_ptr_array_index (cards, i))->topic == ref->topic;
    g_signal_emit_by_name (stats, "practice", PYPREP_PRACTICE_ALL, ref->topic);
    spin (200);
    g_assert_cmpuint (pyprep_review_session_get_n_cards (session_of (view)), ==, expected);
    press (GTK_WIDGET (view), GDK_KEY_Escape, 0);
  }

  /* Missed lately: every card was answered Again today. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.practice", "s", "missed");
  spin (200);
  g_assert_cmpuint (pyprep_review_session_get_n_cards (session_of (view)), ==, cards->len);
  press (GTK_WIDGET (view), GDK_KEY_Escape, 0);

  /* A deck left out of reviews gives them no cards. */
  {
    const char *skip[] = { "sample", NULL };

    g_settings_set_strv (settings, "review-skip-decks", skip);
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review", NULL);
    spin (200);
    g_assert_cmpuint (pyprep_review_session_get_n_cards (session_of (view)), ==, 0);
    press (GTK_WIDGET (view), GDK_KEY_Escape, 0);
    g_settings_reset (settings, "review-skip-decks");
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review", NULL);
    spin (200);
    g_assert_cmpuint (pyprep_review_session_get_n_cards (session_of (view)), >=, 2);
    press (GTK_WIDGET (view), GDK_KEY_Escape, 0);
  }

  /* The day's reviews used up: the due cards wait, and the empty page
   * says why rather than that nothing is due. */
  {
    const char *description;

    g_settings_set_uint (settings, "reviews-per-day", 0);
    gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review", NULL);
    spin (200);
    g_assert_cmpuint (pyprep_review_session_get_n_cards (session_of (view)), ==, 0);
    widget = find_widget (GTK_WIDGET (view), is_status_page, NULL);
    description = adw_status_page_get_description (ADW_STATUS_PAGE (widget));
    g_assert_nonnull (strstr (description, "cards are due, but today’s review limit is reached."));
    press (GTK_WIDGET (view), GDK_KEY_Escape, 0);
    g_settings_reset (settings, "reviews-per-day");
  }
}

static gboolean
is_selectable_label (GtkWidget    *widget,
                     gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget))
         && gtk_widget_get_mapped (widget);
}

/* A card's text can be selected to copy, but the focus landing on it (as
 * it does when a resize hides the focused button) selects nothing. */
static void
check_text_not_selected (GtkWidget *view)
{
  GtkWidget *label = find_widget (view, is_selectable_label, NULL);
  int start, end;

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_grab_focus (label));
  g_assert_false (gtk_label_get_selection_bounds (GTK_LABEL (label), &start, &end));
}

/* On a phone-sized window the progress page and a session's summary fit. */
static void
check_narrow (Fixture *f)
{
  PyprepQuizView *view = window_child (f, "quiz_view");
  GtkWidget *stats = window_child (f, "stats_view");
  GtkAdjustment *adjustment;
  GtkWidget *scrolled;
  guint n_cards;

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 360);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review", NULL);
  spin (200);
  check_text_not_selected (GTK_WIDGET (view));
  n_cards = pyprep_review_session_get_n_cards (session_of (view));
  for (guint i = 0; i < n_cards; i++)
    answer_card (view, i % 2 == 0);
  g_assert_true (pyprep_review_session_get_finished (session_of (view)));
  spin (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), <=, 360);
  save_screenshot (f, "quiz-summary-narrow.png");
  press (GTK_WIDGET (view), GDK_KEY_Escape, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.progress", NULL);
  spin (300);
  g_assert_cmpint (gtk_widget_get_width (stats), <=, 360);
  save_screenshot (f, "progress-narrow.png");
  scrolled = find_widget (stats, is_scrolled_window, NULL);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  spin (300);
  save_screenshot (f, "progress-narrow-end.png");
}

static void
test_quiz_narrow (void)
{
  g_autofree char *path = test_deck_path ("good");

  forget_user_data ();
  run_app_sized (path, 360, 640, check_narrow, NULL);
}

static void
test_quiz_practice_and_progress (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", "good", NULL);

  forget_user_data ();
  run_app (path, check_practice_and_progress, NULL);
}

/* The hint names the keys a question has: five choices, keys 1–5 and
 * A–E, and each of them ticks its choice. */
static void
test_quiz_question_keys (void)
{
  static const char *texts[] = { "one", "two", "three", "four", "five" };
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_free);
  PyprepQuestion question = { "deck/topic/entry#q", "Which?", choices, NULL, 1 };
  GtkWidget *card = g_object_ref_sink (g_object_new (PYPREP_TYPE_QUESTION_CARD, NULL));
  GtkLabel *hint;
  gboolean right = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      PyprepChoice *choice = g_new0 (PyprepChoice, 1);

      choice->text = (char *) texts[i];
      choice->correct = i == 4;
      g_ptr_array_add (choices, choice);
    }
  pyprep_question_card_set_question (PYPREP_QUESTION_CARD (card), &question);
  hint = GTK_LABEL (gtk_widget_get_template_child (card, PYPREP_TYPE_QUESTION_CARD, "hint_label"));
  g_assert_cmpstr (gtk_label_get_text (hint), ==, "Choose the right answer (keys 1–5 or A–E)");

  g_assert_false (pyprep_question_card_get_chosen (PYPREP_QUESTION_CARD (card), NULL));
  pyprep_question_card_toggle_choice (PYPREP_QUESTION_CARD (card), 4);
  g_assert_true (pyprep_question_card_get_chosen (PYPREP_QUESTION_CARD (card), &right));
  g_assert_true (right);
  pyprep_question_card_toggle_choice (PYPREP_QUESTION_CARD (card), 0);
  g_assert_true (pyprep_question_card_get_chosen (PYPREP_QUESTION_CARD (card), &right));
  g_assert_false (right);

  /* Two right choices ask for every right answer. */
  ((PyprepChoice *) g_ptr_array_index (choices, 0))->correct = TRUE;
  pyprep_question_card_set_question (PYPREP_QUESTION_CARD (card), &question);
  g_assert_cmpstr (gtk_label_get_text (hint), ==, "Choose every right answer (keys 1–5 or A–E)");
  g_object_unref (card);
}

static void
collect_caption_widgets (GtkWidget *widget,
                         GPtrArray *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "caption"))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_caption_widgets (child, out);
}

static gboolean
is_question_card (GtkWidget     *widget,
                  gconstpointer  data)
{
  return PYPREP_IS_QUESTION_CARD (widget);
}

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

/* The @n-th label with the caption style under @card: a choice's mark. */
static GtkWidget *
find_caption (GtkWidget *card,
              guint      n)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_caption_widgets (card, labels);
  g_assert_cmpuint (n, <, labels->len);
  return g_ptr_array_index (labels, n);
}

/* Runs the app on the test deck "good", as on a first start. */
static void
run_good_deck (WindowCheck check)
{
  g_autofree char *path = test_deck_path ("good");

  forget_user_data ();
  run_app (path, check, NULL);
}

/* Adds up the "N due" at the end of the mapped labels under @widget (the
 * sidebar's topic headers) or of the subtitles of topic rows (the
 * progress page). */
static guint
sum_due (GtkWidget *widget)
{
  const char *text = NULL;
  guint sum = 0;

  /* A topic row's subtitle ends in "· N due"; its labels are not
   * counted again. */
  if (is_topic_row (widget, NULL))
    text = g_strrstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), "· ") + strlen ("· ");
  else if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  if (text != NULL && g_ascii_isdigit (*text) && g_str_has_suffix (text, " due"))
    return (guint) g_ascii_strtoull (text, NULL, 10);
  if (is_topic_row (widget, NULL))
    return 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sum += sum_due (child);
  return sum;
}

typedef struct
{
  Fixture *f;
  guint n_due;
} DueWait;

static gboolean
button_says (gpointer data)
{
  DueWait *wait = data;

  return window_n_due (wait->f) == wait->n_due;
}

/* Two recall cards overdue; an answer by keys takes one off the
 * review button's count at once, and after the session the button, the
 * topics' headers and the progress page say the same. */
static void
check_due_counts_agree (Fixture *f)
{
  PyprepQuizView *view = window_child (f, "quiz_view");
  GtkWidget *sidebar = window_child (f, "sidebar");
  GtkWidget *stats = window_child (f, "stats_view");
  PyprepStore *store = pyprep_application_get_store (f->app);
  PyprepLibrary *library = pyprep_application_get_library (f->app);
  g_autoptr(GListModel) entries = pyprep_review_collect_entries (pyprep_library_get_decks (library));
  g_autoptr(GPtrArray) cards = pyprep_review_collect_cards (entries, store);
  gint64 now = pyprep_store_now (store);
  DueWait wait = { f, 0 };
  guint overdue = 0;
  g_autofree char *count = NULL;

  for (guint i = 0; i < cards->len && overdue < 2; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (cards, i);

      if (!pyprep_card_ref_is_recall (ref))
        continue;
      set_overdue (store, ref->card_id, now);
      overdue++;
    }
  g_assert_cmpuint (overdue, ==, 2);
  wait.n_due = 2;
  wait_until (button_says, &wait, "the review button to count 2 due");

  /* The review starts with the overdue cards; Good sends one days away. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.review", NULL);
  spin (200);
  g_assert_true (pyprep_card_ref_is_recall (pyprep_review_session_get_current (session_of (view))));
  press (GTK_WIDGET (view), GDK_KEY_space, 0);
  press (GTK_WIDGET (view), GDK_KEY_3, 0);
  wait.n_due = 1;
  wait_until (button_says, &wait, "the review button to follow the answer");
  press (GTK_WIDGET (view), GDK_KEY_Escape, 0);
  spin (300);

  /* The review button, the topics' headers and the progress page. */
  g_assert_cmpuint (window_n_due (f), ==, 1);
  g_assert_cmpuint (sum_due (sidebar), ==, 1);
  save_screenshot (f, "due-counts-agree.png");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.progress", NULL);
  spin (300);
  count = g_strdup_printf ("%u", window_n_due (f));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_widget (stats, is_named, "due-today"))), ==, count);
  g_assert_cmpuint (sum_due (stats), ==, 1);
  /* One answer today: retention says how it went. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_widget (stats, is_named, "retention"))), ==,
                   "100% (1 of 1)");
  save_screenshot (f, "due-counts-progress.png");
  gtk_widget_activate_action (stats, "stats.close", NULL);
}

static void
test_quiz_due_counts_agree (void)
{
  run_good_deck (check_due_counts_agree);
}

/* Every card of a topic missed: the summary lists each entry once, with
 * how many of its cards were missed. */
static void
check_summary_missed (Fixture *f)
{
  PyprepQuizView *view = window_child (f, "quiz_view");
  GtkWidget *summary = template_child (view, PYPREP_TYPE_QUIZ_VIEW, "summary");
  GtkWidget *list = template_child (summary, PYPREP_TYPE_SESSION_SUMMARY, "missed_list");
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  guint n_cards, n_rows = 0, most = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.practice", "s", "topic"));
  spin (200);
  n_cards = pyprep_review_session_get_n_cards (session_of (view));
  for (guint i = 0; i < n_cards; i++)
    {
      const PyprepCardRef *ref = pyprep_review_session_get_current (session_of (view));
      const char *title = pyprep_entry_get_title (ref->entry);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (expected, title)) + 1;

      g_hash_table_insert (expected, (gpointer) title, GUINT_TO_POINTER (n));
      most = MAX (most, n);
      answer_card (view, FALSE);
    }
  g_assert_cmpuint (most, >, 1);
  spin (200);
  save_screenshot (f, "quiz-summary-missed.png");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      g_autofree char *times = NULL;
      guint n;

      g_assert_true (g_hash_table_contains (expected, title));
      n = GPOINTER_TO_UINT (g_hash_table_lookup (expected, title));
      times = g_strdup_printf (n == 1 ? "Missed %u time" : "Missed %u times", n);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, times);
      /* Once each. */
      g_hash_table_remove (expected, title);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, >, 0);
  g_assert_cmpuint (g_hash_table_size (expected), ==, 0);
  press (GTK_WIDGET (view), GDK_KEY_Escape, 0);
}

static void
test_quiz_summary_missed (void)
{
  run_good_deck (check_summary_missed);
}

/* "Which are sequences?": list and tuple are, set is not. The user ticks
 * list and set with keys 1 and 3 and leaves tuple out: each choice says
 * what the user did with it, once. */
static void
check_choice_feedback (Fixture *f)
{
  PyprepQuizView *view = window_child (f, "quiz_view");
  gboolean seen = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.practice", "s", "topic"));
  spin (200);
  while (!pyprep_review_session_get_finished (session_of (view)))
    {
      const PyprepCardRef *ref = pyprep_review_session_get_current (session_of (view));
      const PyprepQuestion *question;
      GtkWidget *card;
      g_autoptr(GPtrArray) marks = NULL;

      if (pyprep_card_ref_is_recall (ref)
          || !g_str_equal (pyprep_entry_get_question (ref->entry, ref->question)->question,
                           "Which are sequences?"))
        {
          answer_card (view, TRUE);
          continue;
        }
      question = pyprep_entry_get_question (ref->entry, ref->question);
      g_assert_cmpuint (question->choices->len, ==, 3);
      press (GTK_WIDGET (view), GDK_KEY_1, 0);
      press (GTK_WIDGET (view), GDK_KEY_3, 0);
      press (GTK_WIDGET (view), GDK_KEY_Return, 0);
      card = find_widget (GTK_WIDGET (view), is_question_card, NULL);
      marks = g_ptr_array_new ();
      collect_labels (card, "caption", marks);
      g_assert_cmpuint (marks->len, ==, 3);
      g_assert_cmpstr (g_ptr_array_index (marks, 0), ==, "<b>Right choice</b>");
      g_assert_cmpstr (g_ptr_array_index (marks, 1), ==, "<b>Missed</b>");
      g_assert_cmpstr (g_ptr_array_index (marks, 2), ==, "<b>Wrongly ticked:</b> Sets have no order.");
      g_assert_true (gtk_widget_has_css_class (find_caption (card, 1), "warning"));
      g_assert_true (gtk_widget_has_css_class (find_caption (card, 2), "error"));
      spin (200);
      save_screenshot (f, "quiz-choice-feedback.png");
      press (GTK_WIDGET (view), GDK_KEY_Return, 0);
      seen = TRUE;
    }
  g_assert_true (seen);
  press (GTK_WIDGET (view), GDK_KEY_Escape, 0);
}

static void
test_quiz_choice_feedback (void)
{
  run_good_deck (check_choice_feedback);
}

/* A verdict the author wrote is not said twice, a right choice left
 * unticked gets its own mark, and a long choice wraps at the card's
 * full width. */
static void
test_quiz_choice_marks (void)
{
  static const struct { const char *text; gboolean correct; const char *why; const char *mark; } rows[] = {
    { "one", TRUE, "Right: because.", "<b>Right choice:</b> because." },
    { "two", TRUE, "正确：也对。", "<b>Missed:</b> 也对。" },
    { "A long choice that goes on and on, far longer than any label would guess is reasonable, "
      "so that it has to wrap over several lines of the card", FALSE, "Wrong: no.",
      "<b>Wrongly ticked:</b> no." },
    { "four", FALSE, NULL, "<b>Correctly left out</b>" },
  };
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_free);
  PyprepQuestion question = { "deck/topic/entry#q", "Which?", choices, NULL, 1 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *card = g_object_new (PYPREP_TYPE_QUESTION_CARD, NULL);
  g_autoptr(GPtrArray) marks = g_ptr_array_new ();
  GtkWidget *long_text, *long_button;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      PyprepChoice *choice = g_new0 (PyprepChoice, 1);

      choice->text = (char *) rows[i].text;
      choice->correct = rows[i].correct;
      choice->explanation = (char *) rows[i].why;
      g_ptr_array_add (choices, choice);
    }
  pyprep_question_card_set_question (PYPREP_QUESTION_CARD (card), &question);
  gtk_window_set_child (GTK_WINDOW (window), card);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (window_allocated, window, "the card to be laid out");
  spin (100);

  /* The long choice's text takes the width of its row, less the box. */
  long_text = find_widget (card, is_label_starting, "C. A long choice");
  g_assert_nonnull (long_text);
  long_button = gtk_widget_get_parent (long_text);
  g_assert_cmpint (gtk_widget_get_width (long_text), >=, gtk_widget_get_width (long_button) - 40);
  g_assert_cmpint (gtk_widget_get_width (long_button), >=, gtk_widget_get_width (card) - 12);

  pyprep_question_card_toggle_choice (PYPREP_QUESTION_CARD (card), 0);
  pyprep_question_card_toggle_choice (PYPREP_QUESTION_CARD (card), 2);
  pyprep_question_card_show_feedback (PYPREP_QUESTION_CARD (card));
  collect_labels (card, "caption", marks);
  g_assert_cmpuint (marks->len, ==, G_N_ELEMENTS (rows));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpstr (g_ptr_array_index (marks, i), ==, rows[i].mark);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "en"))
    return g_test_run ();

  g_test_add_func ("/pyprep/ui/quiz/review-session", test_quiz_review_session);
  g_test_add_func ("/pyprep/ui/quiz/new-card-limit", test_quiz_new_card_limit);
  g_test_add_func ("/pyprep/ui/quiz/practice-and-progress", test_quiz_practice_and_progress);
  g_test_add_func ("/pyprep/ui/quiz/narrow", test_quiz_narrow);
  g_test_add_func ("/pyprep/ui/quiz/question-keys", test_quiz_question_keys);
  g_test_add_func ("/pyprep/ui/quiz/choice-feedback", test_quiz_choice_feedback);
  g_test_add_func ("/pyprep/ui/quiz/choice-marks", test_quiz_choice_marks);
  g_test_add_func ("/pyprep/ui/quiz/summary-missed", test_quiz_summary_missed);
  g_test_add_func ("/pyprep/ui/quiz/due-counts-agree", test_quiz_due_counts_agree);

  return g_test_run ();
}
