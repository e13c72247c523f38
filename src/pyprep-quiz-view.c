/* pyprep-quiz-view.c: a review session over the due and new cards, in the whole window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view shows a PyprepReviewSession, which holds the queue, the
 * answers and undo: a recall card or a question card at a time, then the
 * session's summary. The view reads the user's limits from GSettings and
 * gives them to the session it starts.
 *
 * Everything the user does goes through the view's actions, whose key
 * bindings the shortcuts dialog lists: quiz.reveal (Space or Enter),
 * quiz.rate (1–4), quiz.choose (1–9 or A–I), quiz.check (Enter),
 * quiz.continue (Enter or Space), quiz.undo (Ctrl+Z), quiz.read-passage
 * (Alt+R, after a miss) and quiz.close (Escape); a predict-the-output
 * question has quiz.check-output (Ctrl+Enter), and then quiz.rate grades
 * it differently. An action is enabled only when it applies, so a key
 * whose actions are all disabled goes on to the focused widget: while the
 * user types a prediction, keys such as Space, Enter, 1 and Ctrl+Z edit
 * the text.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-due-counts.h"
#include "pyprep-predict-card.h"
#include "pyprep-question-card.h"
#include "pyprep-quiz-view.h"
#include "pyprep-recall-card.h"
#include "pyprep-session-summary.h"

struct _PyprepQuizView
{
  GtkWidget parent_instance;

  /* template children */
  AdwWindowTitle *title;
  GtkProgressBar *progress;
  GtkStack *stack;
  GtkLabel *topic_label;
  AdwBin *card_bin;
  GtkWidget *open_entry_button;
  GtkWidget *passage_button;
  PyprepSessionSummary *summary;
  GtkWidget *empty_back_button;
  AdwStatusPage *empty_page;
  GtkRevealer *interview_revealer;
  GtkLabel *interview_heading;
  GtkLabel *interview_advice;

  /* owned */
  PyprepReviewSession *session;
  PyprepReadiness *readiness;
  PyprepCardRef *missed;        /* the card answered Again last, until the next answer */

  /* borrowed: the card in card_bin, one or none */
  PyprepRecallCard *recall_card;
  PyprepQuestionCard *question_card;
  PyprepPredictCard *predict_card;
};

G_DEFINE_FINAL_TYPE (PyprepQuizView, pyprep_quiz_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CLOSED,
  SIGNAL_OPEN_ENTRY,
  SIGNAL_READ_PASSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The card on screen, when a card is on screen. */
static const PyprepCardRef *
card_on_screen (PyprepQuizView *self)
{
  if (self->session == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "card") != 0)
    return NULL;
  return pyprep_review_session_get_current (self->session);
}

/* The passage a card's answer comes from, when its deck names one. */
static const char *
passage_of (const PyprepCardRef *ref)
{
  const PyprepCard *card;

  if (ref == NULL || pyprep_card_ref_is_predict (ref))
    return NULL;
  if (!pyprep_card_ref_is_recall (ref))
    return pyprep_entry_get_question (ref->entry, ref->question)->passage;
  card = pyprep_card_ref_get_card (ref);
  return card != NULL ? card->passage : NULL;
}

/* After a miss, Read the Passage leads to where the answer is. */
static void
update_passage_button (PyprepQuizView *self)
{
  gboolean shown = passage_of (self->missed) != NULL;

  gtk_widget_set_visible (self->passage_button, shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.read-passage", shown);
  /* A recall card rated Again is gone from the screen: the tooltip says
   * which entry the passage is in. */
  if (shown)
    gtk_widget_set_tooltip_text (self->passage_button, pyprep_entry_get_title (self->missed->entry));
}

static void
update_actions (PyprepQuizView *self)
{
  const PyprepCardRef *ref = card_on_screen (self);
  gboolean recall = ref != NULL && pyprep_card_ref_is_recall (ref);
  gboolean predict = ref != NULL && pyprep_card_ref_is_predict (ref);
  gboolean question = ref != NULL && !recall && !predict;
  gboolean answered = ref != NULL && pyprep_review_session_get_answered (self->session);
  gboolean revealed = recall && self->recall_card != NULL
                      && pyprep_recall_card_get_revealed (self->recall_card);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "quiz.reveal", recall && !revealed);
  gtk_widget_action_set_enabled (widget, "quiz.rate", (revealed && !answered) || (predict && answered));
  gtk_widget_action_set_enabled (widget, "quiz.choose", question && !answered);
  gtk_widget_action_set_enabled (widget, "quiz.check", question && !answered);
  gtk_widget_action_set_enabled (widget, "quiz.check-output", predict && !answered);
  gtk_widget_action_set_enabled (widget, "quiz.continue", (question || predict) && answered);
  /* Ctrl+Z in the prediction's text undoes typing. */
  gtk_widget_action_set_enabled (widget, "quiz.undo", !(predict && !answered));
  update_passage_button (self);
}

static void
show_summary (PyprepQuizView *self)
{
  adw_window_title_set_subtitle (self->title, _("Done"));
  gtk_progress_bar_set_fraction (self->progress, 1.0);
  pyprep_session_summary_show (self->summary, self->session);
  gtk_stack_set_visible_child_name (self->stack, "summary");
  gtk_widget_grab_focus (GTK_WIDGET (self->summary));
  update_actions (self);
}

static void
show_recall (PyprepQuizView      *self,
             const PyprepCardRef *ref)
{
  const PyprepCard *card = pyprep_card_ref_get_card (ref);
  PyprepStore *store = pyprep_review_session_get_store (self->session);
  gint64 due[PYPREP_FSRS_N_RATINGS];
  gint64 now = pyprep_store_now (store);
  PyprepCardMemory memory;

  /* Each rating button says when the card would come back. */
  pyprep_review_load_memory (store, card->id, now, &memory);
  pyprep_fsrs_preview (pyprep_review_session_get_params (self->session), &memory, now, due);
  self->recall_card = g_object_new (PYPREP_TYPE_RECALL_CARD, NULL);
  pyprep_recall_card_set_card (self->recall_card, card,
                               pyprep_review_session_get_practice (self->session) ? NULL : due, now);
  adw_bin_set_child (self->card_bin, GTK_WIDGET (self->recall_card));
}

static void
show_question (PyprepQuizView      *self,
               const PyprepCardRef *ref)
{
  self->question_card = g_object_new (PYPREP_TYPE_QUESTION_CARD, NULL);
  pyprep_question_card_set_question (self->question_card,
                                     pyprep_entry_get_question (ref->entry, ref->question));
  adw_bin_set_child (self->card_bin, GTK_WIDGET (self->question_card));
}

static void
show_predict (PyprepQuizView      *self,
              const PyprepCardRef *ref)
{
  self->predict_card = g_object_new (PYPREP_TYPE_PREDICT_CARD, NULL);
  pyprep_predict_card_set_predict (self->predict_card, ref->predict);
  adw_bin_set_child (self->card_bin, GTK_WIDGET (self->predict_card));
}

/* Shows the session's current card, or its summary once it is over. */
static void
show_card (PyprepQuizView *self)
{
  const PyprepCardRef *ref = pyprep_review_session_get_current (self->session);
  guint n_cards = pyprep_review_session_get_n_cards (self->session);
  guint position = pyprep_review_session_get_position (self->session);
  g_autofree char *subtitle = NULL;

  /* A new card widget for each card, so screen readers meet a new card. */
  self->recall_card = NULL;
  self->question_card = NULL;
  self->predict_card = NULL;
  adw_bin_set_child (self->card_bin, NULL);
  if (ref == NULL)
    {
      show_summary (self);
      return;
    }

  subtitle = g_strdup_printf (_("Card %u of %u"), position + 1, n_cards);
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_progress_bar_set_fraction (self->progress, (double) position / n_cards);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);
  gtk_label_set_text (self->topic_label, ref->topic != NULL ? pyprep_topic_get_title (ref->topic) : NULL);
  gtk_widget_set_tooltip_text (self->open_entry_button, pyprep_entry_get_title (ref->entry));

  if (pyprep_card_ref_is_recall (ref))
    show_recall (self, ref);
  else if (pyprep_card_ref_is_predict (ref))
    show_predict (self, ref);
  else
    show_question (self, ref);
  gtk_stack_set_visible_child_name (self->stack, "card");
  gtk_widget_grab_focus (adw_bin_get_child (self->card_bin));
  update_actions (self);
}

/* Shows the first card of @session (taken), or the empty page. */
static void
begin (PyprepQuizView      *self,
       PyprepReviewSession *session,
       const char          *title,
       const char          *empty_title,
       const char          *empty_description)
{
  g_clear_object (&self->session);
  g_clear_pointer (&self->missed, pyprep_card_ref_free);
  self->session = session;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  adw_window_title_set_title (self->title, title);

  if (pyprep_review_session_get_n_cards (session) == 0)
    {
      adw_window_title_set_subtitle (self->title, NULL);
      adw_status_page_set_title (self->empty_page, empty_title);
      adw_status_page_set_description (self->empty_page, empty_description);
      gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_grab_focus (self->empty_back_button);
      update_actions (self);
      return;
    }
  show_card (self);
}

/* Answers the card on screen; a failure is shown, and the card stays. */
static gboolean
answer (PyprepQuizView *self,
        PyprepRating    rating)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  g_clear_pointer (&self->missed, pyprep_card_ref_free);
  if (rating == PYPREP_RATING_AGAIN)
    self->missed = pyprep_card_ref_copy (pyprep_review_session_get_current (self->session));
  if (pyprep_review_session_answer (self->session, rating, &error))
    return TRUE;
  g_clear_pointer (&self->missed, pyprep_card_ref_free);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 adw_toast_new_format (_("The answer could not be saved: %s"),
                                                       error->message));
  g_warning ("%s", error->message);
  return FALSE;
}

static void
next_card (PyprepQuizView *self)
{
  if (pyprep_review_session_next (self->session))
    show_card (self);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PyprepQuizView *self = PYPREP_QUIZ_VIEW (widget);

  if (self->recall_card == NULL)
    return;
  pyprep_recall_card_reveal (self->recall_card);
  update_actions (self);
}

/* The user grades a checked prediction differently: the grade given
 * on checking is taken back and @rating recorded in its place. */
static void
regrade_prediction (PyprepQuizView *self,
                    PyprepRating    rating)
{
  g_autoptr(GError) error = NULL;

  if (pyprep_review_session_get_rating (self->session, pyprep_review_session_get_position (self->session))
      == rating)
    {
      next_card (self);
      return;
    }
  if (!pyprep_review_session_undo (self->session, &error))
    {
      g_warning ("Cannot take the grade back: %s", error->message);
      return;
    }
  if (answer (self, rating))
    next_card (self);
}

static void
rate_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PyprepQuizView *self = PYPREP_QUIZ_VIEW (widget);
  int rating = g_variant_get_int32 (parameter);

  const PyprepCardRef *ref = card_on_screen (self);

  if (rating < PYPREP_RATING_AGAIN || rating > PYPREP_RATING_EASY || ref == NULL)
    return;
  if (self->predict_card != NULL && pyprep_predict_card_get_checked (self->predict_card))
    {
      regrade_prediction (self, rating);
      return;
    }
  if (answer (self, rating))
    next_card (self);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PyprepQuizView *self = PYPREP_QUIZ_VIEW (widget);
  int index = g_variant_get_int32 (parameter);

  if (self->question_card != NULL && index >= 0)
    pyprep_question_card_toggle_choice (self->question_card, index);
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PyprepQuizView *self = PYPREP_QUIZ_VIEW (widget);
  gboolean right = FALSE;

  /* Nothing ticked: nothing to check yet. */
  if (self->question_card == NULL || !pyprep_question_card_get_chosen (self->question_card, &right))
    return;
  if (!answer (self, pyprep_review_rating_for_choice (right)))
    return;
  pyprep_question_card_show_feedback (self->question_card);
  update_actions (self);
}

static void
check_output_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PyprepQuizView *self = PYPREP_QUIZ_VIEW (widget);
  PyprepRating rating;

  if (self->predict_card == NULL || pyprep_predict_card_get_checked (self->predict_card))
    return;
  rating = pyprep_review_rating_for_choice (pyprep_predict_card_is_right (self->predict_card));
  if (!answer (self, rating))
    return;
  pyprep_predict_card_show_result (self->predict_card, rating);
  update_actions (self);
}

static void
continue_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  next_card (PYPREP_QUIZ_VIEW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PyprepQuizView *self = PYPREP_QUIZ_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || !pyprep_review_session_can_undo (self->session))
    return;
  g_clear_pointer (&self->missed, pyprep_card_ref_free);
  if (!pyprep_review_session_undo (self->session, &error))
    {
      g_warning ("Cannot undo the answer: %s", error->message);
      return;
    }
  show_card (self);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_CLOSED], 0);
}

static void
open_entry_clicked_cb (PyprepQuizView *self)
{
  const PyprepCardRef *ref = card_on_screen (self);

  if (ref != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_ENTRY], 0, ref->entry);
}

static void
read_passage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PyprepQuizView *self = PYPREP_QUIZ_VIEW (widget);
  const char *passage = passage_of (self->missed);

  if (passage != NULL)
    g_signal_emit (self, signals[SIGNAL_READ_PASSAGE], 0, self->missed->entry, passage);
}

static void
summary_read_passage_cb (PyprepQuizView *self,
                         PyprepEntry    *entry,
                         const char     *passage)
{
  g_signal_emit (self, signals[SIGNAL_READ_PASSAGE], 0, entry, passage);
}

static void
practice_again_cb (PyprepQuizView *self)
{
  begin (self, pyprep_review_session_practice_again (self->session),
         _("Practice"), _("Nothing to Practice"), NULL);
}

/* While an interview date is set: on track or behind, and what to do. */
static void
update_interview (PyprepQuizView *self)
{
  const PyprepInterviewStatus *status = self->readiness != NULL
                                        ? pyprep_readiness_get_status (self->readiness) : NULL;
  g_autofree char *heading = NULL;
  g_autofree char *advice = NULL;

  gtk_revealer_set_reveal_child (self->interview_revealer, status != NULL);
  if (status == NULL)
    return;
  heading = pyprep_interview_status_dup_heading (status);
  advice = pyprep_interview_status_dup_advice (status);
  gtk_label_set_label (self->interview_heading, heading);
  gtk_label_set_label (self->interview_advice, advice);
  if (status->behind > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->interview_heading), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->interview_heading), "warning");
}

/**
 * pyprep_quiz_view_set_readiness:
 * @readiness: (nullable): the readiness for the interview date to show
 */
void
pyprep_quiz_view_set_readiness (PyprepQuizView  *self,
                                PyprepReadiness *readiness)
{
  g_return_if_fail (PYPREP_IS_QUIZ_VIEW (self));

  if (pyprep_readiness_follow (&self->readiness, readiness, G_CALLBACK (update_interview), self))
    update_interview (self);
}

/* What the empty review page says: when cards are due in the decks
 * reviewed, today's review limit held them back. */
static char *
dup_nothing_due_text (PyprepLibrary      *library,
                      PyprepStore        *store,
                      const char * const *skipped)
{
  g_autoptr(PyprepDueCounts) counts = pyprep_due_counts_new (library, store);
  GListModel *decks = pyprep_library_get_decks (library);
  guint due = 0;

  pyprep_due_counts_update (counts);
  for (guint i = 0; i < g_list_model_get_n_items (decks); i++)
    {
      g_autoptr(PyprepDeck) deck = g_list_model_get_item (decks, i);

      if (!g_strv_contains (skipped, pyprep_deck_get_id (deck)))
        due += pyprep_due_counts_get_for_deck (counts, deck);
    }
  if (due == 0)
    return g_strdup (_("No card is due and today’s new cards are done. Come back later."));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u card is due, but today’s review limit is reached. "
                                       "Raise it in Preferences or come back tomorrow.",
                                       "%u cards are due, but today’s review limit is reached. "
                                       "Raise it in Preferences or come back tomorrow.", due),
                          due);
}

/**
 * pyprep_quiz_view_start:
 * @library: the open decks
 * @store: the user's data, where answers go
 *
 * Starts a review session: the cards due now, most overdue first, then
 * today's new cards, topics interleaved, from every deck the user did not
 * leave out of reviews, within the limits and with the retention the
 * user chose in Preferences.
 */
void
pyprep_quiz_view_start (PyprepQuizView *self,
                        PyprepLibrary  *library,
                        PyprepStore    *store)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");
  g_auto(GStrv) skipped = NULL;
  g_autofree char *empty = NULL;
  PyprepReviewSession *session;
  PyprepReviewLimits limits;
  PyprepFsrsParams params;

  g_return_if_fail (PYPREP_IS_QUIZ_VIEW (self));
  g_return_if_fail (PYPREP_IS_LIBRARY (library));
  g_return_if_fail (PYPREP_IS_STORE (store));

  /* The decks chosen on the progress page. */
  skipped = g_settings_get_strv (settings, "review-skip-decks");
  limits.new_per_day = g_settings_get_uint (settings, "new-cards-per-day");
  limits.reviews_per_day = g_settings_get_uint (settings, "reviews-per-day");
  pyprep_fsrs_params_init (&params);
  params.desired_retention = g_settings_get_double (settings, "desired-retention");
  session = pyprep_review_session_new_review (store, pyprep_library_get_decks (library), &limits,
                                              &params, (const char * const *) skipped);
  if (pyprep_review_session_get_n_cards (session) == 0)
    empty = dup_nothing_due_text (library, store, (const char * const *) skipped);
  begin (self, session, _("Review"), _("Nothing to Review"), empty);
}

/**
 * pyprep_quiz_view_start_practice:
 * @store: the user's data; practice answers are logged there
 * @queue: (element-type PyprepCardRef): the cards, in order (copied)
 * @title: what is practised, for the header
 * @empty_description: what the page says when @queue is empty
 *
 * Starts a practice session: the cards of @queue whatever their schedule;
 * answers leave every schedule as it was.
 */
void
pyprep_quiz_view_start_practice (PyprepQuizView *self,
                                 PyprepStore    *store,
                                 GPtrArray      *queue,
                                 const char     *title,
                                 const char     *empty_description)
{
  g_return_if_fail (PYPREP_IS_QUIZ_VIEW (self));
  g_return_if_fail (PYPREP_IS_STORE (store));
  g_return_if_fail (queue != NULL);

  begin (self, pyprep_review_session_new_practice (store, queue), title, _("Nothing to Practice"),
         empty_description);
}

GtkWidget *
pyprep_quiz_view_new (void)
{
  return g_object_new (PYPREP_TYPE_QUIZ_VIEW, NULL);
}

static void
pyprep_quiz_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PyprepQuizView *self = PYPREP_QUIZ_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_quiz_view_dispose (GObject *object)
{
  PyprepQuizView *self = PYPREP_QUIZ_VIEW (object);

  GtkWidget *child;

  pyprep_quiz_view_set_readiness (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_QUIZ_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_pointer (&self->missed, pyprep_card_ref_free);

  G_OBJECT_CLASS (pyprep_quiz_view_parent_class)->dispose (object);
}

/* The keys of a session; see the comment at the top. */
static void
add_key_bindings (GtkWidgetClass *widget_class)
{
  guint enter_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter };

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "quiz.reveal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "quiz.continue", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (enter_keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, enter_keys[i], 0, "quiz.reveal", NULL);
      gtk_widget_class_add_binding_action (widget_class, enter_keys[i], 0, "quiz.check", NULL);
      gtk_widget_class_add_binding_action (widget_class, enter_keys[i], 0, "quiz.continue", NULL);
    }
  for (int rating = PYPREP_RATING_AGAIN; rating <= PYPREP_RATING_EASY; rating++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + rating - 1, 0, "quiz.rate", "i", rating);
  for (int i = 0; i < 9; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, 0, "quiz.choose", "i", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a + i, 0, "quiz.choose", "i", i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (enter_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, enter_keys[i], GDK_CONTROL_MASK,
                                         "quiz.check-output", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "quiz.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "quiz.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_ALT_MASK, "quiz.read-passage", NULL);
}

static void
pyprep_quiz_view_class_init (PyprepQuizViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = pyprep_quiz_view_get_property;
  object_class->dispose = pyprep_quiz_view_dispose;

  /**
   * PyprepQuizView:session:
   * The session on screen, or %NULL before the first.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PYPREP_TYPE_REVIEW_SESSION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PyprepQuizView::closed:
   * The user left the session (Escape, the back button, or the summary).
   */
  signals[SIGNAL_CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * PyprepQuizView::open-entry:
   * @entry: the entry of a card
   * The user asked to read a card's entry.
   */
  signals[SIGNAL_OPEN_ENTRY] = g_signal_new ("open-entry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, PYPREP_TYPE_ENTRY);
  /**
   * PyprepQuizView::read-passage:
   * @entry: the entry of a card missed
   * @passage: the passage its answer comes from (see #PyprepCard)
   * The user asked to read the passage a missed card's answer comes from.
   */
  signals[SIGNAL_READ_PASSAGE] = g_signal_new ("read-passage", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 2, PYPREP_TYPE_ENTRY,
                                               G_TYPE_STRING);

  g_type_ensure (PYPREP_TYPE_SESSION_SUMMARY);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/Pyprep/ui/pyprep-quiz-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, title);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, progress);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, topic_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, card_bin);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, open_entry_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, passage_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, summary);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, empty_back_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, interview_revealer);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, interview_heading);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, interview_advice);
  gtk_widget_class_bind_template_callback (widget_class, open_entry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, summary_read_passage_cb);
  gtk_widget_class_bind_template_callback (widget_class, practice_again_cb);

  gtk_widget_class_install_action (widget_class, "quiz.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "quiz.rate", "i", rate_action);
  gtk_widget_class_install_action (widget_class, "quiz.choose", "i", choose_action);
  gtk_widget_class_install_action (widget_class, "quiz.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "quiz.check-output", NULL, check_output_action);
  gtk_widget_class_install_action (widget_class, "quiz.continue", NULL, continue_action);
  gtk_widget_class_install_action (widget_class, "quiz.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "quiz.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "quiz.read-passage", NULL, read_passage_action);
  add_key_bindings (widget_class);

  gtk_widget_class_set_css_name (widget_class, "quizview");
}

static void
pyprep_quiz_view_init (PyprepQuizView *self)
{
  g_autoptr(GListModel) controllers = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);

  /* The view's keys come before the focused widget's own (a focused
   * button's Space or Enter, a check button's Space), as a card's keys
   * work wherever the focus is; keys whose actions are disabled go on to
   * the focused widget. GTK runs class bindings in the bubble phase, so
   * their controller moves to the capture phase. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (self));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller)
          && g_strcmp0 (gtk_event_controller_get_name (controller), "gtk-widget-class-shortcuts") == 0)
        gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
    }
}
