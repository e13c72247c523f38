/* pyprep-mock-view.c: a mock interview: choose its length and topics, answer against the clock, then the report.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view over a PyprepMockInterview. Its keys are actions with bindings,
 * listed in the shortcuts dialog: mock.start (Enter on the first page),
 * mock.reveal (Ctrl+Enter), mock.grade (Ctrl+1 missed, Ctrl+2 partly,
 * Ctrl+3 nailed), mock.finish (Ctrl+E) and mock.close (Escape). Control
 * keys, because the notes field takes every plain key.
 *
 * A finished interview goes to the review log (pyprep_mock_interview_record())
 * when the user leaves its report, so the report's switch "Also Update My
 * Schedule" can still decide whether the grades change schedules.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-mock-view.h"
#include "pyprep-pango.h"

struct _PyprepMockView
{
  GtkWidget parent_instance;

  /* template children */
  AdwWindowTitle *title;
  GtkStack *stack;
  GtkWidget *finish_button;
  GtkToggleButton *length_15;
  GtkToggleButton *length_30;
  GtkToggleButton *length_45;
  AdwPreferencesGroup *topics_group;
  GtkLabel *kind_label;
  GtkLabel *clock_label;
  GtkLabel *question_label;
  GtkTextView *notes_view;
  GtkWidget *reveal_button;
  GtkWidget *key_points_box;
  GtkLabel *key_points_label;
  GtkWidget *nailed_button;
  AdwPreferencesGroup *answers_group;
  AdwPreferencesGroup *topics_report_group;
  AdwPreferencesGroup *reread_group;
  AdwSwitchRow *schedule_row;
  GtkWidget *done_button;

  /* owned */
  PyprepLibrary *library;
  PyprepStore *store;
  PyprepMockInterview *interview;
  GPtrArray *topic_rows;      /* AdwSwitchRow, with "pyprep-topic" data */
  GPtrArray *report_rows;     /* rows added to the report's groups */
  guint clock_source;
};

G_DEFINE_FINAL_TYPE (PyprepMockView, pyprep_mock_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CLOSED,
  SIGNAL_OPEN_ENTRY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_markdown (GtkLabel   *label,
              const char *markdown)
{
  g_autofree char *markup = pyprep_markdown_to_pango (markdown != NULL ? markdown : "");

  gtk_label_set_markup (label, markup);
}

static char *
format_duration (gint64 usec)
{
  gint64 seconds = MAX (usec, 0) / G_USEC_PER_SEC;

  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", seconds / 60, (int) (seconds % 60));
}

static void
update_actions (PyprepMockView *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean asking = g_str_equal (page, "question");
  gboolean revealed = gtk_widget_get_visible (self->key_points_box);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mock.start", g_str_equal (page, "setup"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mock.reveal", asking && !revealed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mock.grade", asking && revealed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mock.finish", asking);
  gtk_widget_set_visible (self->finish_button, asking);
}

static gboolean
clock_tick_cb (gpointer user_data)
{
  PyprepMockView *self = user_data;
  const PyprepMockQuestion *q = self->interview != NULL ? pyprep_mock_interview_get_current (self->interview) : NULL;
  gint64 now = g_get_real_time ();
  gint64 left;
  g_autofree char *on_question = NULL;
  g_autofree char *remaining = NULL;
  g_autofree char *subtitle = NULL;

  if (q == NULL)
    {
      self->clock_source = 0;
      return G_SOURCE_REMOVE;
    }
  on_question = format_duration (now - q->started);
  gtk_label_set_label (self->clock_label, on_question);
  left = pyprep_mock_interview_get_started (self->interview)
         + (gint64) pyprep_mock_interview_get_minutes (self->interview) * G_TIME_SPAN_MINUTE - now;
  remaining = format_duration (left);
  /* Translators: the time left in the whole interview, such as "12:05 left". */
  subtitle = left > 0 ? g_strdup_printf (_("%s left"), remaining) : g_strdup (_("Time is up: this is the last question"));
  adw_window_title_set_subtitle (self->title, subtitle);
  return G_SOURCE_CONTINUE;
}

static void
clear_report (PyprepMockView *self)
{
  for (guint i = 0; i < self->report_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->report_rows, i);
      AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (row), "pyprep-group");

      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (self->report_rows, 0);
}

static void
add_report_row (PyprepMockView      *self,
                AdwPreferencesGroup *group,
                GtkWidget           *row)
{
  g_object_set_data (G_OBJECT (row), "pyprep-group", group);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->report_rows, row);
}

static const char *
grade_text (PyprepMockGrade grade)
{
  switch (grade)
    {
    case PYPREP_MOCK_GRADE_NAILED:
      return C_("mock interview grade", "Nailed it");
    case PYPREP_MOCK_GRADE_PARTLY:
      return C_("mock interview grade", "Partly");
    case PYPREP_MOCK_GRADE_MISSED:
      return C_("mock interview grade", "Missed");
    case PYPREP_MOCK_GRADE_NONE:
    default:
      return _("Not answered");
    }
}

/* Keeps a finished interview in the review log, once, as the report's
 * switch says: schedules change only when it is on. */
static void
record_interview (PyprepMockView *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  PyprepFsrsParams params;

  if (self->interview == NULL || self->store == NULL
      || !pyprep_mock_interview_get_finished (self->interview)
      || pyprep_mock_interview_get_recorded (self->interview))
    return;
  settings = g_settings_new ("io.github.pyprep.Pyprep");
  pyprep_fsrs_params_init (&params);
  params.desired_retention = g_settings_get_double (settings, "desired-retention");
  /* A line that cannot be written stays in the store's queue and is
   * written at its next save, as a review answer's is. */
  if (!pyprep_mock_interview_record (self->interview, self->store,
                                     adw_switch_row_get_active (self->schedule_row) ? &params : NULL, &error))
    g_message ("Could not keep the mock interview in the review log: %s", error->message);
}

static void
reread_activated_cb (AdwActionRow   *row,
                     PyprepMockView *self)
{
  PyprepEntry *entry = g_object_get_data (G_OBJECT (row), "pyprep-entry");

  record_interview (self);
  g_signal_emit (self, signals[SIGNAL_OPEN_ENTRY], 0, entry);
}

static void
show_answers (PyprepMockView *self)
{
  guint n = pyprep_mock_interview_get_n_asked (self->interview);
  gint64 total = 0;
  g_autofree char *description = NULL;
  g_autofree char *total_text = NULL;

  for (guint i = 0; i < n; i++)
    {
      const PyprepMockQuestion *q = pyprep_mock_interview_get_question (self->interview, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *plain = pyprep_markdown_to_pango (q->question);
      g_autofree char *time = format_duration (q->answered - q->started);
      /* Translators: a question's grade and the time it took, such as "Partly · 2:05";
       * a follow-up's begins with "Follow-up · ". */
      g_autofree char *subtitle = g_strdup_printf (q->followup < 0 ? _("%s · %s") : _("Follow-up · %s · %s"),
                                                   grade_text (q->grade), time);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), plain);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      add_report_row (self, self->answers_group, row);
      total += q->answered - q->started;
    }
  total_text = format_duration (total);
  /* Translators: %u questions, then their time such as "12:40". */
  description = g_strdup_printf (ngettext ("%u question in %s", "%u questions in %s", n), n, total_text);
  adw_preferences_group_set_description (self->answers_group, description);
}

static void
show_report (PyprepMockView *self)
{
  g_autoptr(GArray) scores = pyprep_mock_interview_dup_topic_scores (self->interview);
  g_autoptr(GPtrArray) reread = pyprep_mock_interview_dup_to_reread (self->interview);

  g_clear_handle_id (&self->clock_source, g_source_remove);
  clear_report (self);
  show_answers (self);

  for (guint i = 0; i < scores->len; i++)
    {
      const PyprepMockTopicScore *s = &g_array_index (scores, PyprepMockTopicScore, i);
      GtkWidget *row = adw_action_row_new ();
      /* Translators: a topic's score in the interview, such as "50% of 4 questions". */
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%.0f%% of %u question", "%.0f%% of %u questions",
                                                             s->n_asked),
                                                   s->score * 100, s->n_asked);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pyprep_topic_get_title (s->topic));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      add_report_row (self, self->topics_report_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->topics_report_group), scores->len > 0);

  for (guint i = 0; i < reread->len; i++)
    {
      PyprepEntry *entry = g_ptr_array_index (reread, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pyprep_entry_get_title (entry));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open the entry in the reader"));
      g_object_set_data_full (G_OBJECT (row), "pyprep-entry", g_object_ref (entry), g_object_unref);
      g_signal_connect (row, "activated", G_CALLBACK (reread_activated_cb), self);
      add_report_row (self, self->reread_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reread_group), reread->len > 0);

  adw_window_title_set_subtitle (self->title, _("Report"));
  gtk_stack_set_visible_child_name (self->stack, "report");
  update_actions (self);
  gtk_widget_grab_focus (self->done_button);
}

static void
show_question (PyprepMockView *self)
{
  const PyprepMockQuestion *q = pyprep_mock_interview_get_current (self->interview);
  PyprepTopic *topic;
  g_autofree char *kind = NULL;

  if (q == NULL)
    {
      show_report (self);
      return;
    }
  topic = pyprep_entry_get_topic (q->entry);
  kind = q->followup < 0
         /* Translators: above a question: its number and its topic. */
         ? g_strdup_printf (_("Question %u · %s"), pyprep_mock_interview_get_n_asked (self->interview),
                            topic != NULL ? pyprep_topic_get_title (topic) : "")
         : g_strdup (_("Follow-up"));
  gtk_label_set_label (self->kind_label, kind);
  set_markdown (self->question_label, q->question);
  set_markdown (self->key_points_label, q->key_points);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), "", -1);
  gtk_widget_set_visible (self->key_points_box, FALSE);
  gtk_widget_set_visible (self->reveal_button, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "question");
  update_actions (self);
  clock_tick_cb (self);
  if (self->clock_source == 0)
    self->clock_source = g_timeout_add_seconds (1, clock_tick_cb, self);
  gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
}

static guint
chosen_minutes (PyprepMockView *self)
{
  if (gtk_toggle_button_get_active (self->length_45))
    return 45;
  if (gtk_toggle_button_get_active (self->length_30))
    return 30;
  return 15;
}

typedef struct
{
  GHashTable *topics;
  GListStore *entries;
} Chosen;

static gboolean
add_if_chosen (PyprepTopic *topic,
               PyprepEntry *entry,
               gpointer     user_data)
{
  Chosen *chosen = user_data;

  if (g_hash_table_contains (chosen->topics, topic))
    g_list_store_append (chosen->entries, entry);
  return FALSE;
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PyprepMockView *self = PYPREP_MOCK_VIEW (widget);
  g_autoptr(GHashTable) topics = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GListStore) entries = g_list_store_new (PYPREP_TYPE_ENTRY);
  Chosen chosen = { topics, entries };

  for (guint i = 0; i < self->topic_rows->len; i++)
    {
      AdwSwitchRow *row = g_ptr_array_index (self->topic_rows, i);

      if (adw_switch_row_get_active (row))
        g_hash_table_add (topics, g_object_get_data (G_OBJECT (row), "pyprep-topic"));
    }
  pyprep_decks_foreach_entry (pyprep_library_get_decks (self->library), add_if_chosen, &chosen);
  g_clear_object (&self->interview);
  self->interview = pyprep_mock_interview_new (G_LIST_MODEL (entries), chosen_minutes (self), g_random_int (),
                                               g_get_real_time ());
  show_question (self);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PyprepMockView *self = PYPREP_MOCK_VIEW (widget);

  gtk_widget_set_visible (self->key_points_box, TRUE);
  gtk_widget_set_visible (self->reveal_button, FALSE);
  update_actions (self);
  gtk_widget_grab_focus (self->nailed_button);
}

static void
grade_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PyprepMockView *self = PYPREP_MOCK_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *notes = NULL;
  int grade = g_variant_get_int32 (parameter);

  if (self->interview == NULL || grade < PYPREP_MOCK_GRADE_NAILED || grade > PYPREP_MOCK_GRADE_MISSED)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  pyprep_mock_interview_grade (self->interview, grade, notes, g_get_real_time ());
  show_question (self);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PyprepMockView *self = PYPREP_MOCK_VIEW (widget);

  if (self->interview == NULL)
    return;
  pyprep_mock_interview_finish (self->interview, g_get_real_time ());
  show_report (self);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PyprepMockView *self = PYPREP_MOCK_VIEW (widget);

  g_clear_handle_id (&self->clock_source, g_source_remove);
  record_interview (self);
  g_signal_emit (self, signals[SIGNAL_CLOSED], 0);
}

static void
topic_row_changed_cb (PyprepMockView *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->topic_rows->len && !any; i++)
    any = adw_switch_row_get_active (g_ptr_array_index (self->topic_rows, i));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mock.start", any);
}

/**
 * pyprep_mock_view_setup:
 * @library: the decks whose topics can be chosen
 *
 * Shows the first page: the length and the topics, every topic chosen.
 */
void
pyprep_mock_view_setup (PyprepMockView *self,
                        PyprepLibrary  *library)
{
  GListModel *decks;

  g_return_if_fail (PYPREP_IS_MOCK_VIEW (self));
  g_return_if_fail (PYPREP_IS_LIBRARY (library));

  g_set_object (&self->library, library);
  record_interview (self);
  g_clear_object (&self->interview);
  adw_switch_row_set_active (self->schedule_row, FALSE);
  g_clear_handle_id (&self->clock_source, g_source_remove);
  for (guint i = 0; i < self->topic_rows->len; i++)
    adw_preferences_group_remove (self->topics_group, g_ptr_array_index (self->topic_rows, i));
  g_ptr_array_set_size (self->topic_rows, 0);

  decks = pyprep_library_get_decks (library);
  for (guint d = 0; d < g_list_model_get_n_items (decks); d++)
    {
      g_autoptr(PyprepDeck) deck = g_list_model_get_item (decks, d);
      GListModel *topics = pyprep_deck_get_topics (deck);

      for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
        {
          g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, t);
          GtkWidget *row = adw_switch_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pyprep_topic_get_title (topic));
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          if (g_list_model_get_n_items (decks) > 1)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pyprep_deck_get_title (deck));
          adw_switch_row_set_active (ADW_SWITCH_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "pyprep-topic", g_object_ref (topic), g_object_unref);
          g_signal_connect_swapped (row, "notify::active", G_CALLBACK (topic_row_changed_cb), self);
          adw_preferences_group_add (self->topics_group, row);
          g_ptr_array_add (self->topic_rows, row);
        }
    }

  adw_window_title_set_subtitle (self->title, NULL);
  gtk_stack_set_visible_child_name (self->stack, "setup");
  update_actions (self);
  topic_row_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->length_15));
}

/**
 * pyprep_mock_view_set_store:
 * @store: (nullable): the user data, whose review log keeps the
 *   interviews when the user leaves their report
 */
void
pyprep_mock_view_set_store (PyprepMockView *self,
                            PyprepStore    *store)
{
  g_return_if_fail (PYPREP_IS_MOCK_VIEW (self));
  g_return_if_fail (store == NULL || PYPREP_IS_STORE (store));

  g_set_object (&self->store, store);
}

/**
 * pyprep_mock_view_get_interview:
 *
 * Returns: (transfer none) (nullable): the interview under way or ended
 */
PyprepMockInterview *
pyprep_mock_view_get_interview (PyprepMockView *self)
{
  g_return_val_if_fail (PYPREP_IS_MOCK_VIEW (self), NULL);
  return self->interview;
}

static void
pyprep_mock_view_dispose (GObject *object)
{
  PyprepMockView *self = PYPREP_MOCK_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->clock_source, g_source_remove);
  if (self->schedule_row != NULL)
    record_interview (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_MOCK_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->interview);
  g_clear_object (&self->library);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pyprep_mock_view_parent_class)->dispose (object);
}

static void
pyprep_mock_view_finalize (GObject *object)
{
  PyprepMockView *self = PYPREP_MOCK_VIEW (object);

  g_clear_pointer (&self->topic_rows, g_ptr_array_unref);
  g_clear_pointer (&self->report_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pyprep_mock_view_parent_class)->finalize (object);
}

static void
pyprep_mock_view_class_init (PyprepMockViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const guint enter_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter };

  object_class->dispose = pyprep_mock_view_dispose;
  object_class->finalize = pyprep_mock_view_finalize;

  /**
   * PyprepMockView::closed:
   *
   * The user left the interview.
   */
  signals[SIGNAL_CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * PyprepMockView::open-entry:
   * @entry: the entry to read again
   */
  signals[SIGNAL_OPEN_ENTRY] = g_signal_new ("open-entry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, PYPREP_TYPE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/Pyprep/ui/pyprep-mock-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, title);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, finish_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, length_15);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, length_30);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, length_45);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, topics_group);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, kind_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, clock_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, question_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, notes_view);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, key_points_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, key_points_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, nailed_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, answers_group);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, topics_report_group);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, reread_group);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepMockView, done_button);

  gtk_widget_class_install_action (widget_class, "mock.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "mock.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "mock.grade", "i", grade_action);
  gtk_widget_class_install_action (widget_class, "mock.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "mock.close", NULL, close_action);

  for (guint i = 0; i < G_N_ELEMENTS (enter_keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, enter_keys[i], 0, "mock.start", NULL);
      gtk_widget_class_add_binding_action (widget_class, enter_keys[i], GDK_CONTROL_MASK, "mock.reveal", NULL);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "mock.grade", "i",
                                       PYPREP_MOCK_GRADE_MISSED);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "mock.grade", "i",
                                       PYPREP_MOCK_GRADE_PARTLY);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "mock.grade", "i",
                                       PYPREP_MOCK_GRADE_NAILED);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "mock.finish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "mock.close", NULL);
}

static void
pyprep_mock_view_init (PyprepMockView *self)
{
  self->topic_rows = g_ptr_array_new ();
  self->report_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}
