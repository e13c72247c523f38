/* pyprep-stats-view.c: the progress page: what is due, how reviews went, practice and decks.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything shown comes from pyprep_review_stats_compute(),
 * pyprep_review_dup_topic_progress() and the PyprepDueCounts the sidebar
 * shows too, so the page, the review button and the topics agree; the page's
 * figures, its topic rows and its deck switches are made again each time
 * it is shown. Charts carry their figures as text for screen readers.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "pyprep-chart.h"
#include "pyprep-due-counts.h"
#include "pyprep-review.h"
#include "pyprep-stats-view.h"
#include "pyprep-topic-header.h"

struct _PyprepStatsView
{
  GtkWidget parent_instance;

  /* template children */
  GtkWidget *back_button;
  GtkLabel *due_today_label;
  GtkLabel *due_today_caption;
  PyprepBarChart *forecast_chart;
  PyprepBarChart *history_chart;
  GtkLabel *retention_label;
  GtkLabel *mock_label;
  AdwPreferencesGroup *interview_group;
  AdwActionRow *readiness_row;
  GtkLabel *readiness_label;
  GtkWidget *interview_forecast_box;
  PyprepLineChart *interview_chart;
  AdwPreferencesGroup *topics_group;
  AdwComboRow *practice_row;
  GtkStringList *practice_choices;
  AdwPreferencesGroup *decks_group;

  /* owned */
  GSettings *settings;
  PyprepDueCounts *due_counts;  /* shared with the sidebar */
  PyprepReadiness *readiness;   /* shared with the sidebar */
  GPtrArray *practice_topics;   /* PyprepTopic, in the combo's order after the fixed rows */
  GPtrArray *topic_rows;        /* the rows of topics_group */
  GPtrArray *deck_rows;         /* the rows of decks_group */
};

G_DEFINE_FINAL_TYPE (PyprepStatsView, pyprep_stats_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CLOSED,
  SIGNAL_REVIEW,
  SIGNAL_PRACTICE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The practice combo's first rows; topics follow. */
enum {
  PRACTICE_BOOKMARKED,
  PRACTICE_MISSED,
  PRACTICE_N_FIXED
};

static char *
day_label (int offset)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, offset);
  /* Translators: a day on a chart axis, see g_date_time_format() */
  /* xgettext:no-c-format */
  g_autofree char *text = g_date_time_format (day, _("%e %b"));

  return g_strdup (g_strstrip (text));
}

static void
review_clicked_cb (PyprepStatsView *self)
{
  g_signal_emit (self, signals[SIGNAL_REVIEW], 0);
}

static void
practice_clicked_cb (PyprepStatsView *self)
{
  guint selected = adw_combo_row_get_selected (self->practice_row);
  PyprepTopic *topic = NULL;
  PyprepPracticeKind kind;

  if (selected == PRACTICE_BOOKMARKED)
    kind = PYPREP_PRACTICE_BOOKMARKED;
  else if (selected == PRACTICE_MISSED)
    kind = PYPREP_PRACTICE_MISSED;
  else if (selected - PRACTICE_N_FIXED < self->practice_topics->len)
    {
      kind = PYPREP_PRACTICE_ALL;
      topic = g_ptr_array_index (self->practice_topics, selected - PRACTICE_N_FIXED);
    }
  else
    return;
  g_signal_emit (self, signals[SIGNAL_PRACTICE], 0, kind, topic);
}

static void
deck_switch_cb (AdwSwitchRow    *row,
                GParamSpec      *pspec,
                PyprepStatsView *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "deck-id");
  g_auto(GStrv) skipped = g_settings_get_strv (self->settings, "review-skip-decks");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; skipped[i] != NULL; i++)
    if (g_strcmp0 (skipped[i], id) != 0)
      g_strv_builder_add (builder, skipped[i]);
  if (!adw_switch_row_get_active (row))
    g_strv_builder_add (builder, id);
  result = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "review-skip-decks", (const char * const *) result);
}

/* Takes the rows made at the last refresh out of @group. */
static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         GtkWidget           *row)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

/* The cards due now, as the review button counts them, and those that
 * fall due later today. */
static void
show_today (PyprepStatsView         *self,
            const PyprepReviewStats *stats)
{
  guint now = pyprep_due_counts_get_total (self->due_counts);
  guint later = stats->due_today > now ? stats->due_today - now : 0;
  g_autofree char *count = g_strdup_printf ("%u", now);
  g_autofree char *caption = NULL;

  if (later > 0)
    caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "due now, %u more later today",
                                            "due now, %u more later today", later), later);
  else
    caption = g_strdup (g_dngettext (GETTEXT_PACKAGE, "card due now", "cards due now", now));
  gtk_label_set_text (self->due_today_label, count);
  gtk_label_set_text (self->due_today_caption, caption);
}

static void
show_forecast (PyprepStatsView         *self,
               const PyprepReviewStats *stats)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *last = day_label (PYPREP_REVIEW_FORECAST_DAYS - 1);
  guint total = 0;

  for (guint i = 0; i < PYPREP_REVIEW_FORECAST_DAYS; i++)
    total += stats->forecast[i];
  g_string_append_printf (text, _("%u due today, %u in the next 30 days."), stats->due_today, total);
  for (guint i = 1; i < PYPREP_REVIEW_FORECAST_DAYS; i++)
    {
      g_autofree char *day = NULL;

      if (stats->forecast[i] == 0)
        continue;
      day = day_label (i);
      g_string_append_c (text, ' ');
      /* Translators: a day and how many cards fall due on it */
      g_string_append_printf (text, _("%s: %u."), day, stats->forecast[i]);
    }

  pyprep_bar_chart_set_values (self->forecast_chart, stats->forecast, PYPREP_REVIEW_FORECAST_DAYS,
                               _("Today"), last, text->str);
}

static void
show_history (PyprepStatsView         *self,
              const PyprepReviewStats *stats)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *first = day_label (1 - PYPREP_REVIEW_HISTORY_DAYS);
  guint total = 0, days = 0, best = 0, best_index = 0;

  for (guint i = 0; i < PYPREP_REVIEW_HISTORY_DAYS; i++)
    {
      total += stats->reviews_per_day[i];
      days += stats->reviews_per_day[i] > 0;
      if (stats->reviews_per_day[i] > best)
        {
          best = stats->reviews_per_day[i];
          best_index = i;
        }
    }
  g_string_append_printf (text, _("%u answers in the last 12 weeks, on %u days; %u today."),
                          total, days, stats->reviews_per_day[PYPREP_REVIEW_HISTORY_DAYS - 1]);
  if (best > 0)
    {
      g_autofree char *day = day_label ((int) best_index - (PYPREP_REVIEW_HISTORY_DAYS - 1));

      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Most in one day: %u, on %s."), best, day);
    }

  pyprep_bar_chart_set_values (self->history_chart, stats->reviews_per_day,
                               PYPREP_REVIEW_HISTORY_DAYS, first, _("Today"), text->str);
}

static void
show_retention (PyprepStatsView         *self,
                const PyprepReviewStats *stats)
{
  g_autofree char *text = NULL;

  if (stats->retention < 0)
    text = g_strdup (_("No reviews yet"));
  else
    /* Translators: retention; the first number is a percentage */
    text = g_strdup_printf (_("%.0f%% (%u of %u)"), stats->retention * 100,
                            stats->retention_recalled, stats->retention_reviews);
  gtk_label_set_text (self->retention_label, text);
}

static void
show_mock (PyprepStatsView         *self,
           const PyprepReviewStats *stats)
{
  /* Translators: mock interview questions in the last 30 days, and how many were missed */
  g_autofree char *text = g_strdup_printf (_("%u (%u missed)"), stats->mock_answers, stats->mock_missed);

  gtk_label_set_text (self->mock_label, text);
}

/* The forecast as text, for screen readers: the first day, every week,
 * and the day itself. */
static char *
dup_forecast_text (const PyprepInterviewPlan *plan)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint d = 0; d < plan->n_forecast; d++)
    {
      g_autofree char *day = NULL;

      if (d != 0 && d % 7 != 0 && d + 1 != plan->n_forecast)
        continue;
      day = day_label ((int) d);
      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* Translators: a day, then the predicted recall with the plan and without more study */
      g_string_append_printf (text, _("%s: %.0f%% with the plan, %.0f%% without."), day,
                              floor (plan->with_plan[d] * 100), floor (plan->without_plan[d] * 100));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* While a date is set: the readiness, what to do, and the forecast;
 * otherwise what a date would bring. */
static void
show_interview (PyprepStatsView *self)
{
  const PyprepInterviewStatus *status = self->readiness != NULL
                                        ? pyprep_readiness_get_status (self->readiness) : NULL;
  g_autofree char *heading = NULL;
  g_autofree char *advice = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *chart_text = NULL;
  g_autofree char *last = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->readiness_row), status != NULL);
  gtk_widget_set_visible (self->interview_forecast_box, status != NULL && status->plan.n_forecast > 1);
  if (status == NULL)
    {
      adw_preferences_group_set_description (self->interview_group,
                                             _("Set the day of your interview to see how ready you "
                                               "are for it and a plan that gets you there."));
      return;
    }
  adw_preferences_group_set_description (self->interview_group, NULL);
  heading = pyprep_interview_status_dup_heading (status);
  advice = pyprep_interview_status_dup_advice (status);
  percent = g_strdup_printf (_("%.0f%%"), floor (status->plan.readiness * 100));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->readiness_row), heading);
  adw_action_row_set_subtitle (self->readiness_row, advice);
  gtk_label_set_text (self->readiness_label, percent);
  chart_text = dup_forecast_text (&status->plan);
  last = day_label ((int) status->plan.n_forecast - 1);
  pyprep_line_chart_set_values (self->interview_chart, status->plan.with_plan, status->plan.without_plan,
                                status->plan.n_forecast, status->target, _("Today"), last, chart_text);
}

/**
 * pyprep_stats_view_set_readiness:
 * @readiness: (nullable): the readiness for the interview date to show
 */
void
pyprep_stats_view_set_readiness (PyprepStatsView *self,
                                 PyprepReadiness *readiness)
{
  g_return_if_fail (PYPREP_IS_STATS_VIEW (self));

  if (pyprep_readiness_follow (&self->readiness, readiness, G_CALLBACK (show_interview), self))
    show_interview (self);
}

/* A row per topic: its cards new, learning, known and due now. */
static void
show_topics (PyprepStatsView *self,
             GPtrArray       *progress)
{
  remove_rows (self->topics_group, self->topic_rows);
  for (guint i = 0; i < progress->len; i++)
    {
      PyprepTopicProgress *topic = g_ptr_array_index (progress, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = topic->topic != NULL ? pyprep_topic_header_dup_title (pyprep_due_counts_get_library (self->due_counts), topic->topic)
                                                    : g_strdup (_("Other"));
      guint n_due = topic->topic != NULL ? pyprep_due_counts_get_for_topic (self->due_counts, topic->topic)
                                         : topic->n_due;
      g_autofree char *subtitle = NULL;

      /* Translators: card counts of a topic */
      subtitle = g_strdup_printf (_("%u new · %u learning · %u known · %u due"),
                                  topic->n_new, topic->n_learning, topic->n_known, n_due);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 pyprep_stack_bar_new (topic->n_new, topic->n_learning, topic->n_known));
      add_row (self->topics_group, self->topic_rows, row);
    }
}

/* The combo's rows: a label, and the same text as the row's accessible
 * name (GTK gives list items none of their own). */
static void
choice_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
choice_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
  gtk_list_item_set_accessible_label (item, text);
}

/* What to practise: bookmarked entries, cards missed lately, a topic. */
static void
show_practice (PyprepStatsView *self,
               GPtrArray       *progress)
{
  g_autoptr(GStrvBuilder) choices = g_strv_builder_new ();
  g_auto(GStrv) strings = NULL;
  g_autofree char *missed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Cards missed in the last %d day",
                                                          "Cards missed in the last %d days",
                                                          PYPREP_REVIEW_MISSED_DAYS),
                                             PYPREP_REVIEW_MISSED_DAYS);

  g_ptr_array_set_size (self->practice_topics, 0);
  g_strv_builder_add (choices, _("Bookmarked entries"));
  g_strv_builder_add (choices, missed);
  for (guint i = 0; i < progress->len; i++)
    {
      PyprepTopicProgress *topic = g_ptr_array_index (progress, i);
      g_autofree char *title = NULL;

      if (topic->topic == NULL)
        continue;
      title = pyprep_topic_header_dup_title (pyprep_due_counts_get_library (self->due_counts), topic->topic);
      g_strv_builder_add (choices, title);
      g_ptr_array_add (self->practice_topics, g_object_ref (topic->topic));
    }
  strings = g_strv_builder_end (choices);
  gtk_string_list_splice (self->practice_choices, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->practice_choices)),
                          (const char * const *) strings);
  adw_combo_row_set_selected (self->practice_row, PRACTICE_BOOKMARKED);
}

/* A switch per deck, to leave it out of reviews; with one deck there is
 * nothing to choose. */
static void
show_decks (PyprepStatsView *self,
            GListModel      *decks)
{
  g_auto(GStrv) skipped = g_settings_get_strv (self->settings, "review-skip-decks");

  remove_rows (self->decks_group, self->deck_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->decks_group), g_list_model_get_n_items (decks) >= 2);
  if (g_list_model_get_n_items (decks) < 2)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (decks); i++)
    {
      g_autoptr(PyprepDeck) deck = g_list_model_get_item (decks, i);
      const char *id = pyprep_deck_get_id (deck);
      GtkWidget *row = adw_switch_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pyprep_deck_get_title (deck));
      adw_switch_row_set_active (ADW_SWITCH_ROW (row), !g_strv_contains ((const char * const *) skipped, id));
      g_object_set_data_full (G_OBJECT (row), "deck-id", g_strdup (id), g_free);
      g_signal_connect (row, "notify::active", G_CALLBACK (deck_switch_cb), self);
      add_row (self->decks_group, self->deck_rows, row);
    }
}

/**
 * pyprep_stats_view_refresh:
 * @due_counts: the counts of cards due, which hold the open decks and the
 *   user's data; the sidebar shows the same
 *
 * Counts again and shows the figures.
 */
void
pyprep_stats_view_refresh (PyprepStatsView *self,
                           PyprepDueCounts *due_counts)
{
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  PyprepLibrary *library;
  PyprepStore *store;
  PyprepFsrsParams params;
  PyprepReviewStats stats;
  gint64 now;

  g_return_if_fail (PYPREP_IS_STATS_VIEW (self));
  g_return_if_fail (PYPREP_IS_DUE_COUNTS (due_counts));

  g_set_object (&self->due_counts, due_counts);
  library = pyprep_due_counts_get_library (due_counts);
  store = pyprep_due_counts_get_store (due_counts);
  now = pyprep_store_now (store);
  pyprep_fsrs_params_init (&params);
  params.desired_retention = g_settings_get_double (self->settings, "desired-retention");
  entries = pyprep_review_collect_entries (pyprep_library_get_decks (library));
  pyprep_review_stats_compute (entries, store, &params, now, &stats);
  progress = pyprep_review_dup_topic_progress (entries, store, &params, now);
  /* The review button and the topics' headers follow this update too. */
  pyprep_due_counts_update (due_counts);

  show_today (self, &stats);
  show_forecast (self, &stats);
  show_history (self, &stats);
  show_retention (self, &stats);
  show_mock (self, &stats);
  show_interview (self);
  show_topics (self, progress);
  show_practice (self, progress);
  show_decks (self, pyprep_library_get_decks (library));
  gtk_widget_grab_focus (self->back_button);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_CLOSED], 0);
}

GtkWidget *
pyprep_stats_view_new (void)
{
  return g_object_new (PYPREP_TYPE_STATS_VIEW, NULL);
}

static void
pyprep_stats_view_dispose (GObject *object)
{
  PyprepStatsView *self = PYPREP_STATS_VIEW (object);
  GtkWidget *child;

  pyprep_stats_view_set_readiness (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_STATS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->settings);
  g_clear_object (&self->due_counts);
  g_clear_pointer (&self->practice_topics, g_ptr_array_unref);
  g_clear_pointer (&self->topic_rows, g_ptr_array_unref);
  g_clear_pointer (&self->deck_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pyprep_stats_view_parent_class)->dispose (object);
}

static void
pyprep_stats_view_class_init (PyprepStatsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_stats_view_dispose;

  /**
   * PyprepStatsView::closed:
   * The user left the page.
   */
  signals[SIGNAL_CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * PyprepStatsView::review:
   * The user asked for a review session.
   */
  signals[SIGNAL_REVIEW] = g_signal_new ("review", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * PyprepStatsView::practice:
   * @kind: a #PyprepPracticeKind
   * @topic: (nullable): the topic, for %PYPREP_PRACTICE_ALL
   * The user asked for a practice session.
   */
  signals[SIGNAL_PRACTICE] = g_signal_new ("practice", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                           G_TYPE_INT, PYPREP_TYPE_TOPIC);

  g_type_ensure (PYPREP_TYPE_BAR_CHART);
  g_type_ensure (PYPREP_TYPE_LINE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pyprep/Pyprep/ui/pyprep-stats-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepStatsView, back_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatsView, due_today_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatsView, due_today_caption);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatsView, forecast_chart);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatsView, history_chart);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatsView, mock_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatsView, interview_group);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatsView, readiness_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatsView, readiness_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatsView, interview_forecast_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatsView, interview_chart);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatsView, retention_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatsView, topics_group);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatsView, practice_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatsView, practice_choices);
  gtk_widget_class_bind_template_child (widget_class, PyprepStatsView, decks_group);
  gtk_widget_class_bind_template_callback (widget_class, review_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, practice_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, choice_bind_cb);

  gtk_widget_class_install_action (widget_class, "stats.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "stats.close", NULL);

  gtk_widget_class_set_css_name (widget_class, "statsview");
}

static void
pyprep_stats_view_init (PyprepStatsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new ("io.github.pyprep.Pyprep");
  self->practice_topics = g_ptr_array_new_with_free_func (g_object_unref);
  self->topic_rows = g_ptr_array_new ();
  self->deck_rows = g_ptr_array_new ();
}
