/* pyprep-stats-view.c: the progress page: what is due, how reviews went, practice and decks.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything shown comes from pyprep_review_stats_compute() and
 * pyprep_review_dup_topic_progress(); the page is rebuilt each time it is
 * shown. Charts carry their figures as text for screen readers.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-chart.h"
#include "pyprep-review.h"
#include "pyprep-stats-view.h"
#include "pyprep-topic-header.h"

struct _PyprepStatsView
{
  GtkWidget parent_instance;

  GtkWidget *back_button;
  GtkBox *content;

  /* owned */
  GSettings *settings;
  GPtrArray *practice_topics;   /* PyprepTopic, in the combo's order after the fixed rows */
  AdwComboRow *practice_row;
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

static GtkWidget *
group (const char *title,
       const char *description)
{
  GtkWidget *widget = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (widget), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (widget), description);
  return widget;
}

static GtkWidget *
chart_frame (GtkWidget  *chart,
             const char *name,
             const char *label)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_widget_set_name (chart, name);
  gtk_widget_set_margin_top (chart, 12);
  gtk_widget_set_margin_bottom (chart, 12);
  gtk_widget_set_margin_start (chart, 12);
  gtk_widget_set_margin_end (chart, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_frame_set_child (GTK_FRAME (frame), chart);
  gtk_widget_add_css_class (frame, "card");
  return frame;
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

static void
clear_content (PyprepStatsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  g_ptr_array_set_size (self->practice_topics, 0);
  self->practice_row = NULL;
}

static void
add_today (PyprepStatsView         *self,
           const PyprepReviewStats *stats)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *caption;
  GtkWidget *button;
  g_autofree char *count = g_strdup_printf ("%u", stats->due_today);

  gtk_label_set_text (GTK_LABEL (number), count);
  gtk_widget_set_name (number, "due-today");
  gtk_widget_add_css_class (number, "title-1");
  gtk_widget_add_css_class (number, "numeric");
  caption = gtk_label_new (g_dngettext (GETTEXT_PACKAGE, "card due today", "cards due today",
                                        stats->due_today));
  gtk_widget_add_css_class (caption, "dim-label");
  button = gtk_button_new_with_mnemonic (_("_Review Cards"));
  gtk_widget_set_tooltip_text (button, _("Review the due cards and today’s new ones (Ctrl+R)"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (review_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (self->content, box);
}

static void
add_forecast (PyprepStatsView         *self,
              const PyprepReviewStats *stats)
{
  GtkWidget *chart = pyprep_bar_chart_new ();
  GtkWidget *widget = group (_("Due in the Next 30 Days"), NULL);
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

  pyprep_bar_chart_set_values (PYPREP_BAR_CHART (chart), stats->forecast, PYPREP_REVIEW_FORECAST_DAYS,
                               _("Today"), last, text->str);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (widget),
                             chart_frame (chart, "forecast-chart", _("Cards due on each of the next 30 days")));
  gtk_box_append (self->content, widget);
}

static void
add_history (PyprepStatsView         *self,
             const PyprepReviewStats *stats)
{
  GtkWidget *chart = pyprep_bar_chart_new ();
  GtkWidget *widget = group (_("Reviews per Day, Last 12 Weeks"), NULL);
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

  pyprep_bar_chart_set_values (PYPREP_BAR_CHART (chart), stats->reviews_per_day,
                               PYPREP_REVIEW_HISTORY_DAYS, first, _("Today"), text->str);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (widget),
                             chart_frame (chart, "history-chart", _("Answers on each of the last 84 days")));
  gtk_box_append (self->content, widget);
}

static void
add_retention (PyprepStatsView         *self,
               const PyprepReviewStats *stats)
{
  GtkWidget *widget = group (_("Retention, Last 30 Days"), NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *value = gtk_label_new (NULL);
  g_autofree char *text = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Recalled"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Answers to cards in review that were not Again"));
  if (stats->retention < 0)
    text = g_strdup (_("No reviews yet"));
  else
    /* Translators: retention; the first number is a percentage */
    text = g_strdup_printf (_("%.0f%% (%u of %u)"), stats->retention * 100,
                            stats->retention_recalled, stats->retention_reviews);
  gtk_label_set_text (GTK_LABEL (value), text);
  gtk_widget_set_name (value, "retention");
  gtk_widget_add_css_class (value, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (widget), row);
  gtk_box_append (self->content, widget);
}

static void
add_topics (PyprepStatsView *self,
            PyprepLibrary   *library,
            GPtrArray       *progress)
{
  /* xgettext:no-c-format */
  const char *known = _("Known: the chance of recalling the card today is at least 90%.");
  GtkWidget *widget = group (_("Progress by Topic"), known);

  for (guint i = 0; i < progress->len; i++)
    {
      PyprepTopicProgress *topic = g_ptr_array_index (progress, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = topic->topic != NULL ? pyprep_topic_header_dup_title (library, topic->topic)
                                                    : g_strdup (_("Other"));
      g_autofree char *subtitle = NULL;

      /* Translators: card counts of a topic */
      subtitle = g_strdup_printf (_("%u new · %u learning · %u known · %u due"),
                                  topic->n_new, topic->n_learning, topic->n_known, topic->n_due);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 pyprep_stack_bar_new (topic->n_new, topic->n_learning, topic->n_known));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (widget), row);
    }
  gtk_box_append (self->content, widget);
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

static void
add_practice (PyprepStatsView *self,
              PyprepLibrary   *library,
              GPtrArray       *progress)
{
  GtkWidget *widget = group (_("Practice"),
                             _("Go through cards whatever their schedule; practice answers do not change when cards come back."));
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Practice"));
  g_autofree char *missed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Cards missed in the last %d day",
                                                          "Cards missed in the last %d days",
                                                          PYPREP_REVIEW_MISSED_DAYS),
                                               PYPREP_REVIEW_MISSED_DAYS);

  gtk_string_list_append (choices, _("Bookmarked entries"));
  gtk_string_list_append (choices, missed);
  for (guint i = 0; i < progress->len; i++)
    {
      PyprepTopicProgress *topic = g_ptr_array_index (progress, i);
      g_autofree char *title = NULL;

      if (topic->topic == NULL)
        continue;
      title = pyprep_topic_header_dup_title (library, topic->topic);
      gtk_string_list_append (choices, title);
      g_ptr_array_add (self->practice_topics, g_object_ref (topic->topic));
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Cards"));
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (choice_setup_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (choice_bind_cb), NULL);
    adw_combo_row_set_factory (ADW_COMBO_ROW (row), factory);
  }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Practise the chosen cards"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (practice_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  self->practice_row = ADW_COMBO_ROW (row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (widget), row);
  gtk_box_append (self->content, widget);
}

static void
add_decks (PyprepStatsView *self,
           GListModel      *decks)
{
  g_auto(GStrv) skipped = g_settings_get_strv (self->settings, "review-skip-decks");
  GtkWidget *widget;

  /* With one deck there is nothing to choose. */
  if (g_list_model_get_n_items (decks) < 2)
    return;

  widget = group (_("Decks to Review"), _("Review sessions take cards from the decks turned on here."));
  for (guint i = 0; i < g_list_model_get_n_items (decks); i++)
    {
      g_autoptr(PyprepDeck) deck = g_list_model_get_item (decks, i);
      const char *id = pyprep_deck_get_id (deck);
      GtkWidget *row = adw_switch_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pyprep_deck_get_title (deck));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_switch_row_set_active (ADW_SWITCH_ROW (row), !g_strv_contains ((const char * const *) skipped, id));
      g_object_set_data_full (G_OBJECT (row), "deck-id", g_strdup (id), g_free);
      g_signal_connect (row, "notify::active", G_CALLBACK (deck_switch_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (widget), row);
    }
  gtk_box_append (self->content, widget);
}

/**
 * pyprep_stats_view_refresh:
 * @library: the open decks
 * @store: the user's data
 *
 * Works out the figures again and rebuilds the page.
 */
void
pyprep_stats_view_refresh (PyprepStatsView *self,
                           PyprepLibrary   *library,
                           PyprepStore     *store)
{
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  PyprepFsrsParams params;
  PyprepReviewStats stats;
  gint64 now = g_get_real_time ();

  g_return_if_fail (PYPREP_IS_STATS_VIEW (self));
  g_return_if_fail (PYPREP_IS_LIBRARY (library));
  g_return_if_fail (PYPREP_IS_STORE (store));

  pyprep_fsrs_params_init (&params);
  params.desired_retention = g_settings_get_double (self->settings, "desired-retention");
  entries = pyprep_review_collect_entries (pyprep_library_get_decks (library));
  pyprep_review_stats_compute (entries, store, &params, now, &stats);
  progress = pyprep_review_dup_topic_progress (entries, store, &params, now);

  clear_content (self);
  add_today (self, &stats);
  add_forecast (self, &stats);
  add_history (self, &stats);
  add_retention (self, &stats);
  add_topics (self, library, progress);
  add_practice (self, library, progress);
  add_decks (self, pyprep_library_get_decks (library));
  gtk_widget_grab_focus (self->back_button);
}

static void
close_clicked_cb (PyprepStatsView *self)
{
  g_signal_emit (self, signals[SIGNAL_CLOSED], 0);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PyprepStatsView       *self)
{
  if (keyval == GDK_KEY_Escape && (state & gtk_accelerator_get_default_mod_mask ()) == 0)
    {
      close_clicked_cb (self);
      return TRUE;
    }
  return FALSE;
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

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->practice_topics, g_ptr_array_unref);

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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statsview");
}

static void
pyprep_stats_view_init (PyprepStatsView *self)
{
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->settings = g_settings_new ("io.github.pyprep.Pyprep");
  self->practice_topics = g_ptr_array_new_with_free_func (g_object_unref);

  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back_button, _("Back to the Notes (Escape)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->back_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back to the Notes"), -1);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (close_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->back_button);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Progress"), NULL));
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), header);

  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_margin_top (GTK_WIDGET (self->content), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->content), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->content), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->content), 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->content));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), scrolled);
  gtk_widget_set_parent (toolbar, GTK_WIDGET (self));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
