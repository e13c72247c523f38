/* pyprep-session-summary.c: the end of a session: the score, the time, results per topic, cards missed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything shown is the session's tallies. Back to the Notes acts
 * through quiz.close; Practice These Again and the entries missed (which
 * lead to the passage of the first card missed) are signals for the quiz
 * view, which owns the session.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-session-summary.h"

struct _PyprepSessionSummary
{
  GtkWidget parent_instance;

  /* template children */
  GtkLabel *counts_label;
  GtkLabel *time_label;
  GtkWidget *topics_heading;
  GtkListBox *topics_list;
  GtkWidget *missed_heading;
  GtkListBox *missed_list;
  GtkWidget *practice_again_button;
  GtkWidget *back_button;
};

G_DEFINE_FINAL_TYPE (PyprepSessionSummary, pyprep_session_summary, GTK_TYPE_WIDGET)

enum {
  SIGNAL_PRACTICE_AGAIN,
  SIGNAL_READ_PASSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
practice_again_clicked_cb (PyprepSessionSummary *self)
{
  g_signal_emit (self, signals[SIGNAL_PRACTICE_AGAIN], 0);
}

static void
missed_activated_cb (PyprepSessionSummary *self,
                     GtkListBoxRow        *row)
{
  PyprepEntry *entry = g_object_get_data (G_OBJECT (row), "entry");

  g_signal_emit (self, signals[SIGNAL_READ_PASSAGE], 0, entry, g_object_get_data (G_OBJECT (row), "passage"));
}

static void
show_topics (PyprepSessionSummary *self,
             PyprepReviewSession  *session)
{
  g_autoptr(GPtrArray) results = pyprep_review_session_dup_topic_results (session);

  gtk_list_box_remove_all (self->topics_list);
  for (guint i = 0; i < results->len; i++)
    {
      PyprepTopicResult *result = g_ptr_array_index (results, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *text = g_strdup_printf (_("%u of %u correct"), result->n_correct, result->n_answered);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     result->topic != NULL ? pyprep_topic_get_title (result->topic) : _("Other"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      gtk_list_box_append (self->topics_list, row);
    }
  gtk_widget_set_visible (self->topics_heading, results->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->topics_list), results->len > 0);
}

/* Each entry missed, once, with how many of its answers were Again; a
 * row that opens it. */
static void
show_missed (PyprepSessionSummary *self,
             PyprepReviewSession  *session)
{
  g_autoptr(GPtrArray) missed = pyprep_review_session_dup_missed (session);

  gtk_list_box_remove_all (self->missed_list);
  for (guint i = 0; i < missed->len; i++)
    {
      PyprepMissedEntry *item = g_ptr_array_index (missed, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *times = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Missed %u time",
                                                             "Missed %u times", item->n_missed),
                                                item->n_missed);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pyprep_entry_get_title (item->entry));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), times);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, item->passage != NULL ? _("Read the passage the answer comes from")
                                                              : _("Read the entry again"));
      g_object_set_data_full (G_OBJECT (row), "entry", g_object_ref (item->entry), g_object_unref);
      g_object_set_data_full (G_OBJECT (row), "passage", g_strdup (item->passage), g_free);
      gtk_list_box_append (self->missed_list, row);
    }
  gtk_widget_set_visible (self->missed_heading, missed->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->missed_list), missed->len > 0);
  gtk_widget_set_visible (self->practice_again_button, missed->len > 0);
  /* Practising again is what comes next when cards were missed. */
  if (missed->len > 0)
    gtk_widget_remove_css_class (self->back_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->back_button, "suggested-action");
}

/* Focus goes to the suggested button. */
static gboolean
pyprep_session_summary_grab_focus (GtkWidget *widget)
{
  PyprepSessionSummary *self = PYPREP_SESSION_SUMMARY (widget);

  if (gtk_widget_get_visible (self->practice_again_button))
    return gtk_widget_grab_focus (self->practice_again_button);
  return gtk_widget_grab_focus (self->back_button);
}

static void
pyprep_session_summary_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), PYPREP_TYPE_SESSION_SUMMARY);
  /* The heading and the buttons' box are not bound to fields. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pyprep_session_summary_parent_class)->dispose (object);
}

static void
pyprep_session_summary_class_init (PyprepSessionSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_session_summary_dispose;
  widget_class->grab_focus = pyprep_session_summary_grab_focus;

  /**
   * PyprepSessionSummary::practice-again:
   * The user asked to practise the missed cards.
   */
  signals[SIGNAL_PRACTICE_AGAIN] = g_signal_new ("practice-again", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 0);
  /**
   * PyprepSessionSummary::read-passage:
   * @entry: an entry missed
   * @passage: (nullable): the passage the first card missed answers from,
   *   or %NULL to read the whole entry
   * The user asked to read @entry again.
   */
  signals[SIGNAL_READ_PASSAGE] = g_signal_new ("read-passage", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 2, PYPREP_TYPE_ENTRY, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pyprep/Pyprep/ui/pyprep-session-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepSessionSummary, counts_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepSessionSummary, time_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepSessionSummary, topics_heading);
  gtk_widget_class_bind_template_child (widget_class, PyprepSessionSummary, topics_list);
  gtk_widget_class_bind_template_child (widget_class, PyprepSessionSummary, missed_heading);
  gtk_widget_class_bind_template_child (widget_class, PyprepSessionSummary, missed_list);
  gtk_widget_class_bind_template_child (widget_class, PyprepSessionSummary, practice_again_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepSessionSummary, back_button);
  gtk_widget_class_bind_template_callback (widget_class, practice_again_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, missed_activated_cb);
}

static void
pyprep_session_summary_init (PyprepSessionSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pyprep_session_summary_show:
 * @session: a finished session
 *
 * Shows the tallies of @session.
 */
void
pyprep_session_summary_show (PyprepSessionSummary *self,
                             PyprepReviewSession  *session)
{
  g_autofree char *counts = NULL;
  g_autofree char *time = NULL;
  gint64 seconds;

  g_return_if_fail (PYPREP_IS_SESSION_SUMMARY (self));
  g_return_if_fail (PYPREP_IS_REVIEW_SESSION (session));

  seconds = pyprep_review_session_get_duration (session) / G_USEC_PER_SEC;
  counts = g_strdup_printf (_("%u answered, %u correct"),
                            pyprep_review_session_get_n_answered (session),
                            pyprep_review_session_get_n_correct (session));
  time = g_strdup_printf (_("Time: %d min %02d s"), (int) (seconds / 60), (int) (seconds % 60));
  gtk_label_set_text (self->counts_label, counts);
  gtk_label_set_text (self->time_label, time);
  show_topics (self, session);
  show_missed (self, session);
}
