/* pyprep-interview-dialog.c: the interview date: the day, the topics it covers and the recall wanted.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows what the store holds (pyprep-store-interview.c), or for a first
 * date two weeks from today, every topic and the target from Preferences.
 * Set Date (the default, and Enter wherever the focus does not take it)
 * writes it back; Clear the Date forgets the day but keeps the target.
 * The day is picked on the calendar or, by keys, as a number of days from
 * today, which takes the focus first.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-interview-dialog.h"
#include "pyprep-interview-status.h"
#include "pyprep-store-interview.h"

/* A first date is this many days ahead. */
#define FIRST_DATE_DAYS 14

struct _PyprepInterviewDialog
{
  AdwDialog parent_instance;

  /* template children */
  AdwPreferencesGroup *date_group;
  GtkCalendar *calendar;
  AdwSpinRow *days_row;
  GtkAdjustment *target;
  AdwPreferencesGroup *topics_group;
  GtkWidget *set_button;
  GtkWidget *clear_button;

  /* owned */
  PyprepLibrary *library;
  PyprepStore *store;
  GPtrArray *topic_rows;        /* AdwSwitchRow, with "pyprep-topic-id" data */

  /* state */
  gboolean syncing;             /* the calendar and the days row follow each other */
};

G_DEFINE_FINAL_TYPE (PyprepInterviewDialog, pyprep_interview_dialog, ADW_TYPE_DIALOG)

static void
get_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

static void
get_chosen (PyprepInterviewDialog *self,
            GDate                 *date)
{
  g_autoptr(GDateTime) chosen = gtk_calendar_get_date (self->calendar);

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (chosen),
                  (GDateMonth) g_date_time_get_month (chosen), (GDateYear) g_date_time_get_year (chosen));
}

/* Says how far the chosen day is; only a day after today can be set. */
static void
day_selected_cb (PyprepInterviewDialog *self)
{
  GDate today, chosen;
  int days;
  g_autofree char *text = NULL;

  get_today (&today);
  get_chosen (self, &chosen);
  days = g_date_days_between (&today, &chosen);
  if (!self->syncing && days >= 1)
    {
      self->syncing = TRUE;
      adw_spin_row_set_value (self->days_row, days);
      self->syncing = FALSE;
    }
  if (days >= 1)
    /* Translators: how far the chosen interview day is */
    text = g_strdup_printf (ngettext ("Tomorrow", "In %d days", days), days);
  else
    text = g_strdup (_("Choose a day after today."));
  adw_preferences_group_set_description (self->date_group, text);
  gtk_widget_set_sensitive (self->set_button, days >= 1);
}

static void select_date (PyprepInterviewDialog *self,
                         const GDate           *date);

/* The keyboard's way to the day: a number of days, which the calendar
 * then shows. */
static void
days_changed_cb (PyprepInterviewDialog *self)
{
  GDate date;

  if (self->syncing)
    return;
  get_today (&date);
  g_date_add_days (&date, (guint) adw_spin_row_get_value (self->days_row));
  self->syncing = TRUE;
  select_date (self, &date);
  self->syncing = FALSE;
}

static void
select_date (PyprepInterviewDialog *self,
             const GDate           *date)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                     g_date_get_day (date), 12, 0, 0);

  gtk_calendar_select_day (self->calendar, time);
  day_selected_cb (self);
}

static void
add_topic_rows (PyprepInterviewDialog *self)
{
  g_auto(GStrv) covered = pyprep_store_dup_interview_topics (self->store);
  GListModel *decks = pyprep_library_get_decks (self->library);

  for (guint d = 0; d < g_list_model_get_n_items (decks); d++)
    {
      g_autoptr(PyprepDeck) deck = g_list_model_get_item (decks, d);
      GListModel *topics = pyprep_deck_get_topics (deck);

      for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
        {
          g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, t);
          char *id = pyprep_interview_dup_topic_id (topic);
          GtkWidget *row = adw_switch_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pyprep_topic_get_title (topic));
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          if (g_list_model_get_n_items (decks) > 1)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pyprep_deck_get_title (deck));
          adw_switch_row_set_active (ADW_SWITCH_ROW (row),
                                     pyprep_interview_covers ((const char * const *) covered,
                                                              pyprep_deck_get_id (deck), id));
          g_object_set_data_full (G_OBJECT (row), "pyprep-topic-id", id, g_free);
          adw_preferences_group_add (self->topics_group, row);
          g_ptr_array_add (self->topic_rows, row);
        }
    }
}

/* The topics switched on; none when all are, which also covers decks
 * opened later. */
static GStrv
dup_chosen_topics (PyprepInterviewDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean all = TRUE;

  for (guint i = 0; i < self->topic_rows->len; i++)
    {
      AdwSwitchRow *row = g_ptr_array_index (self->topic_rows, i);

      if (adw_switch_row_get_active (row))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (row), "pyprep-topic-id"));
      else
        all = FALSE;
    }
  return all ? g_new0 (char *, 1) : g_strv_builder_end (builder);
}

static void
set_clicked_cb (PyprepInterviewDialog *self)
{
  g_auto(GStrv) topics = dup_chosen_topics (self);
  GDate chosen;

  get_chosen (self, &chosen);
  pyprep_store_set_interview (self->store, &chosen, (const char * const *) topics,
                              gtk_adjustment_get_value (self->target) / 100);
  adw_dialog_close (ADW_DIALOG (self));
}

/* Enter sets the date wherever it is not taken: the spin row's entry and
 * the calendar do not activate the dialog's default button themselves. */
static void
set_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PyprepInterviewDialog *self = PYPREP_INTERVIEW_DIALOG (widget);

  if (gtk_widget_get_sensitive (self->set_button))
    set_clicked_cb (self);
}

static void
clear_clicked_cb (PyprepInterviewDialog *self)
{
  pyprep_store_set_interview (self->store, NULL, NULL, gtk_adjustment_get_value (self->target) / 100);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
cancel_clicked_cb (PyprepInterviewDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
pyprep_interview_dialog_dispose (GObject *object)
{
  PyprepInterviewDialog *self = PYPREP_INTERVIEW_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_INTERVIEW_DIALOG);
  g_clear_object (&self->library);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pyprep_interview_dialog_parent_class)->dispose (object);
}

static void
pyprep_interview_dialog_finalize (GObject *object)
{
  PyprepInterviewDialog *self = PYPREP_INTERVIEW_DIALOG (object);

  g_clear_pointer (&self->topic_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pyprep_interview_dialog_parent_class)->finalize (object);
}

static void
pyprep_interview_dialog_class_init (PyprepInterviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_interview_dialog_dispose;
  object_class->finalize = pyprep_interview_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pyprep/Pyprep/ui/pyprep-interview-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepInterviewDialog, date_group);
  gtk_widget_class_bind_template_child (widget_class, PyprepInterviewDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, PyprepInterviewDialog, days_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepInterviewDialog, target);
  gtk_widget_class_bind_template_child (widget_class, PyprepInterviewDialog, topics_group);
  gtk_widget_class_bind_template_child (widget_class, PyprepInterviewDialog, set_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepInterviewDialog, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, days_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, set_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_install_action (widget_class, "interview.set", NULL, set_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "interview.set", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "interview.set", NULL);
}

/* The spin button inside @widget, if any. */
static GtkWidget *
find_spin_button (GtkWidget *widget)
{
  if (GTK_IS_SPIN_BUTTON (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_spin_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
pyprep_interview_dialog_init (PyprepInterviewDialog *self)
{
  GtkWidget *spin;

  self->topic_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Enter in the days field, which takes the focus first, commits the
   * number typed and sets the date, as in any dialog with a default
   * button; the row does not offer that itself. */
  spin = find_spin_button (GTK_WIDGET (self->days_row));
  if (spin != NULL)
    gtk_spin_button_set_activates_default (GTK_SPIN_BUTTON (spin), TRUE);
}

/**
 * pyprep_interview_dialog_new:
 * @library: the open decks, whose topics can be chosen
 * @store: the user data holding the interview
 * @default_target: the recall wanted on the day when none was chosen
 *   before (the preference), 0 to 1
 *
 * Returns: (transfer floating): the dialog, to present
 */
AdwDialog *
pyprep_interview_dialog_new (PyprepLibrary *library,
                             PyprepStore   *store,
                             double         default_target)
{
  PyprepInterviewDialog *self;
  GDate date;

  g_return_val_if_fail (PYPREP_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (PYPREP_IS_STORE (store), NULL);

  self = g_object_new (PYPREP_TYPE_INTERVIEW_DIALOG, NULL);
  self->library = g_object_ref (library);
  self->store = g_object_ref (store);

  if (!pyprep_store_get_interview_date (store, &date))
    {
      get_today (&date);
      g_date_add_days (&date, FIRST_DATE_DAYS);
    }
  select_date (self, &date);
  /* The store keeps the target of an earlier date, even a cleared one. */
  gtk_adjustment_set_value (self->target,
                            100 * (pyprep_store_has_interview_target (store)
                                   ? pyprep_store_get_interview_target (store) : default_target));
  gtk_widget_set_visible (self->clear_button, pyprep_store_get_interview_date (store, NULL));
  add_topic_rows (self);
  return ADW_DIALOG (self);
}
