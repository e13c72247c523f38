/* pyprep-quiz-view.c: a review session over the due and new cards, in the whole window.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The queue comes from core (pyprep_review_build_queue: due cards first,
 * then today's new ones); every answer goes through pyprep_review_answer,
 * so the card's schedule and the review log are written at once.
 *
 * A practice session (pyprep_quiz_view_start_practice) goes through a
 * given queue with pyprep_review_answer_practice instead: the log hears
 * of it, the schedule does not change.
 *
 * Keys: Space shows the answer (or goes on), 1–4 rate a recall card or
 * pick a choice (A–D too), Enter checks a multiple-choice answer or goes
 * on, Ctrl+Z takes the last answer back, Escape leaves the session.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-fsrs.h"
#include "pyprep-pango.h"
#include "pyprep-quiz-view.h"
#include "pyprep-review.h"

struct _PyprepQuizView
{
  GtkWidget parent_instance;

  /* template children */
  AdwWindowTitle *title;
  GtkWidget *close_button;
  GtkProgressBar *progress;
  GtkStack *stack;
  GtkBox *card_box;
  GtkBox *summary_box;
  GtkWidget *empty_back_button;
  AdwStatusPage *empty_page;

  /* owned */
  PyprepStore *store;
  GPtrArray *queue;        /* PyprepCardRef */
  GArray *ratings;         /* PyprepRating per queue position, 0 = unanswered */
  PyprepFsrsParams params;
  gboolean practice;       /* a practice session: no schedule changes */

  /* the card on screen */
  guint position;
  gboolean revealed;       /* recall card: answer shown */
  gboolean answered;       /* the card on screen has been answered */
  gint64 shown_at;
  gint64 started_at;
  GtkWidget *answer_box;
  GtkWidget *show_button;
  GtkWidget *check_button;
  GtkWidget *next_button;
  GPtrArray *rate_buttons;   /* GtkButton, Again to Easy */
  GPtrArray *choice_buttons; /* GtkCheckButton */
  GPtrArray *feedback;       /* GtkLabel per choice */
};

G_DEFINE_FINAL_TYPE (PyprepQuizView, pyprep_quiz_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CLOSED,
  SIGNAL_OPEN_ENTRY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *rating_labels[] = {
  N_("_Again"), N_("_Hard"), N_("_Good"), N_("_Easy"),
};

static const PyprepCardRef *
current_ref (PyprepQuizView *self)
{
  if (self->queue == NULL || self->position >= self->queue->len)
    return NULL;
  return g_ptr_array_index (self->queue, self->position);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* Card text is Markdown; GTK labels show it through Pango markup. */
static GtkWidget *
markdown_label (const char *markdown,
                const char *css_class)
{
  g_autofree char *markup = pyprep_markdown_to_pango (markdown != NULL ? markdown : "");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
heading_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void show_card (PyprepQuizView *self);

static void
close_session (PyprepQuizView *self)
{
  g_signal_emit (self, signals[SIGNAL_CLOSED], 0);
}

static void
open_entry_clicked_cb (GtkButton      *button,
                       PyprepQuizView *self)
{
  PyprepEntry *entry = g_object_get_data (G_OBJECT (button), "entry");

  if (entry != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_ENTRY], 0, entry);
}

/* @label is either a mnemonic (`_Open…`) or an entry title, shown as is. */
static GtkWidget *
open_entry_button (PyprepQuizView *self,
                   PyprepEntry    *entry,
                   const char     *label,
                   gboolean        mnemonic)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_button_set_use_underline (GTK_BUTTON (button), mnemonic);

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, pyprep_entry_get_title (entry));
  g_object_set_data_full (G_OBJECT (button), "entry", g_object_ref (entry), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (open_entry_clicked_cb), self);
  return button;
}

static gboolean
record_answer (PyprepQuizView *self,
               PyprepRating    rating)
{
  const PyprepCardRef *ref = current_ref (self);
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time ();

  gboolean saved;

  if (self->practice)
    saved = pyprep_review_answer_practice (self->store, ref->card_id, rating, now,
                                           (now - self->shown_at) / 1000, &error);
  else
    saved = pyprep_review_answer (self->store, &self->params, ref->card_id, rating, now,
                                  (now - self->shown_at) / 1000, &error);
  if (!saved)
    {
      AdwToast *toast = adw_toast_new_format (_("The answer could not be saved: %s"), error->message);
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      else
        g_object_unref (g_object_ref_sink (toast));
      g_warning ("%s", error->message);
      return FALSE;
    }
  g_array_index (self->ratings, PyprepRating, self->position) = rating;
  self->answered = TRUE;
  return TRUE;
}

static void
next_card (PyprepQuizView *self)
{
  self->position++;
  show_card (self);
}

/* Recall cards ------------------------------------------------------- */

static void
rate (PyprepQuizView *self,
      PyprepRating    rating)
{
  if (!self->revealed || self->answered)
    return;
  if (record_answer (self, rating))
    next_card (self);
}

static void
rate_clicked_cb (GtkButton      *button,
                 PyprepQuizView *self)
{
  rate (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "rating")));
}

static void
reveal (PyprepQuizView *self)
{
  if (self->revealed)
    return;
  self->revealed = TRUE;
  gtk_widget_set_visible (self->answer_box, TRUE);
  gtk_widget_set_visible (self->show_button, FALSE);
  gtk_widget_grab_focus (g_ptr_array_index (self->rate_buttons, PYPREP_RATING_GOOD - 1));
}

static void
show_clicked_cb (PyprepQuizView *self)
{
  reveal (self);
}

static void
build_recall (PyprepQuizView *self,
              PyprepEntry    *entry)
{
  const PyprepCard *card = pyprep_entry_get_card (entry);
  g_autoptr(GError) error = NULL;
  PyprepCardMemory memory;
  gint64 due[PYPREP_FSRS_N_RATINGS];
  gint64 now = g_get_real_time ();
  GtkWidget *row;

  gtk_box_append (self->card_box, markdown_label (card->prompt, "title-3"));

  self->show_button = gtk_button_new_with_mnemonic (_("_Show Answer"));
  gtk_widget_set_tooltip_text (self->show_button, _("Show the answer (Space)"));
  gtk_widget_set_halign (self->show_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->show_button, "pill");
  gtk_widget_add_css_class (self->show_button, "suggested-action");
  g_signal_connect_swapped (self->show_button, "clicked", G_CALLBACK (show_clicked_cb), self);
  gtk_box_append (self->card_box, self->show_button);

  self->answer_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_visible (self->answer_box, FALSE);
  gtk_box_append (GTK_BOX (self->answer_box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (self->answer_box), markdown_label (card->answer, NULL));

  /* Each button says when the card would come back. */
  pyprep_review_load_memory (self->store, card->id, now, &memory);
  pyprep_fsrs_preview (&self->params, &memory, now, due);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  for (int i = 0; i < PYPREP_FSRS_N_RATINGS; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *name = gtk_label_new_with_mnemonic (_(rating_labels[i]));
      g_autofree char *interval = pyprep_fsrs_format_interval (MAX (due[i] - now, 0));
      /* Practice does not move the card, so there is no interval to show. */
      GtkWidget *when = gtk_label_new (self->practice ? _("practice") : interval);
      g_autofree char *tooltip = self->practice
                                 ? g_strdup_printf (_("Press %d; the schedule stays as it is"), i + 1)
                                 : g_strdup_printf (_("Press %d; next review in %s"), i + 1, interval);

      gtk_widget_add_css_class (when, "caption");
      gtk_widget_add_css_class (when, "dim-label");
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), when);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_label_set_mnemonic_widget (GTK_LABEL (name), button);
      gtk_widget_set_tooltip_text (button, tooltip);
      if (i == PYPREP_RATING_AGAIN - 1)
        gtk_widget_add_css_class (button, "destructive-action");
      else if (i == PYPREP_RATING_GOOD - 1)
        gtk_widget_add_css_class (button, "suggested-action");
      g_object_set_data (G_OBJECT (button), "rating", GINT_TO_POINTER (i + 1));
      g_signal_connect (button, "clicked", G_CALLBACK (rate_clicked_cb), self);
      g_ptr_array_add (self->rate_buttons, button);
      gtk_box_append (GTK_BOX (row), button);
    }
  gtk_box_append (GTK_BOX (self->answer_box), row);
  gtk_box_append (self->card_box, self->answer_box);
  gtk_widget_grab_focus (self->show_button);
}

/* Multiple-choice questions ------------------------------------------ */

static void
toggle_choice (PyprepQuizView *self,
               guint           index)
{
  GtkCheckButton *button;

  if (self->answered || index >= self->choice_buttons->len)
    return;
  button = g_ptr_array_index (self->choice_buttons, index);
  gtk_check_button_set_active (button, !gtk_check_button_get_active (button));
}

static void
check (PyprepQuizView *self)
{
  const PyprepCardRef *ref = current_ref (self);
  const PyprepQuestion *question = pyprep_entry_get_question (ref->entry, ref->question);
  gboolean right = TRUE;
  gboolean any = FALSE;

  if (self->answered)
    return;
  for (guint i = 0; i < question->choices->len; i++)
    {
      const PyprepChoice *choice = g_ptr_array_index (question->choices, i);
      gboolean chosen = gtk_check_button_get_active (g_ptr_array_index (self->choice_buttons, i));

      any |= chosen;
      right &= chosen == choice->correct;
    }
  if (!any)
    return;
  if (!record_answer (self, pyprep_review_rating_for_choice (right)))
    return;

  /* Feedback: which choices were right, and why. */
  for (guint i = 0; i < question->choices->len; i++)
    {
      const PyprepChoice *choice = g_ptr_array_index (question->choices, i);
      GtkWidget *button = g_ptr_array_index (self->choice_buttons, i);
      GtkWidget *label = g_ptr_array_index (self->feedback, i);
      g_autofree char *markup = pyprep_markdown_to_pango (choice->explanation != NULL ? choice->explanation : "");
      g_autofree char *text = NULL;

      if (choice->explanation != NULL && *choice->explanation != '\0')
        text = g_strdup_printf ("%s %s", choice->correct ? _("Right:") : _("Wrong:"), markup);
      else
        text = g_strdup (choice->correct ? _("A right answer") : _("Not a right answer"));

      gtk_widget_set_sensitive (button, FALSE);
      gtk_label_set_markup (GTK_LABEL (label), text);
      gtk_widget_add_css_class (label, choice->correct ? "success" : "error");
      gtk_widget_set_visible (label, TRUE);
    }
  if (question->explanation != NULL)
    gtk_box_insert_child_after (self->card_box, markdown_label (question->explanation, NULL), self->check_button);
  {
    GtkWidget *verdict = gtk_label_new (right ? _("Correct") : _("Not quite"));

    gtk_widget_add_css_class (verdict, "title-4");
    gtk_widget_add_css_class (verdict, right ? "success" : "error");
    gtk_label_set_xalign (GTK_LABEL (verdict), 0);
    gtk_box_insert_child_after (self->card_box, verdict, self->check_button);
  }
  gtk_widget_set_visible (self->check_button, FALSE);
  gtk_widget_set_visible (self->next_button, TRUE);
  gtk_widget_grab_focus (self->next_button);
}

static void
check_clicked_cb (PyprepQuizView *self)
{
  check (self);
}

static void
next_clicked_cb (PyprepQuizView *self)
{
  if (self->answered)
    next_card (self);
}

static void
build_question (PyprepQuizView *self,
                PyprepEntry    *entry,
                int             index)
{
  const PyprepQuestion *question = pyprep_entry_get_question (entry, index);
  guint n_correct = 0;

  gtk_box_append (self->card_box, markdown_label (question->question, "title-3"));
  for (guint i = 0; i < question->choices->len; i++)
    n_correct += ((PyprepChoice *) g_ptr_array_index (question->choices, i))->correct;
  gtk_box_append (self->card_box,
                  heading_label (n_correct > 1 ? _("Choose every right answer (keys 1–4 or A–D)")
                                               : _("Choose the right answer (keys 1–4 or A–D)")));

  for (guint i = 0; i < question->choices->len; i++)
    {
      const PyprepChoice *choice = g_ptr_array_index (question->choices, i);
      GtkWidget *button = gtk_check_button_new ();
      GtkWidget *text = markdown_label (choice->text, NULL);
      GtkWidget *feedback = markdown_label ("", "caption");
      g_autofree char *key = g_strdup_printf ("%c. ", 'A' + (int) i);
      g_autofree char *markup = pyprep_markdown_to_pango (choice->text);
      g_autofree char *labelled = g_strconcat (key, markup, NULL);

      gtk_label_set_markup (GTK_LABEL (text), labelled);
      gtk_label_set_selectable (GTK_LABEL (text), FALSE);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (button), text);
      gtk_widget_set_margin_start (feedback, 30);
      gtk_widget_set_visible (feedback, FALSE);
      g_ptr_array_add (self->choice_buttons, button);
      g_ptr_array_add (self->feedback, feedback);
      gtk_box_append (self->card_box, button);
      gtk_box_append (self->card_box, feedback);
    }

  self->check_button = gtk_button_new_with_mnemonic (_("_Check Answer"));
  gtk_widget_set_tooltip_text (self->check_button, _("Check the answer (Enter)"));
  gtk_widget_set_halign (self->check_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->check_button, "pill");
  gtk_widget_add_css_class (self->check_button, "suggested-action");
  g_signal_connect_swapped (self->check_button, "clicked", G_CALLBACK (check_clicked_cb), self);
  gtk_box_append (self->card_box, self->check_button);

  self->next_button = gtk_button_new_with_mnemonic (_("C_ontinue"));
  gtk_widget_set_tooltip_text (self->next_button, _("Next card (Enter or Space)"));
  gtk_widget_set_halign (self->next_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->next_button, "pill");
  gtk_widget_set_visible (self->next_button, FALSE);
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);
  gtk_box_append (self->card_box, self->next_button);
  gtk_widget_grab_focus (self->check_button);
}

/* The session -------------------------------------------------------- */

static void show_summary (PyprepQuizView *self);
static void practice_again_cb (PyprepQuizView *self);

static void
show_card (PyprepQuizView *self)
{
  const PyprepCardRef *ref = current_ref (self);
  g_autofree char *subtitle = NULL;
  GtkWidget *topic;

  clear_box (self->card_box);
  self->answer_box = self->show_button = self->check_button = self->next_button = NULL;
  g_ptr_array_set_size (self->rate_buttons, 0);
  g_ptr_array_set_size (self->choice_buttons, 0);
  g_ptr_array_set_size (self->feedback, 0);
  self->revealed = FALSE;
  self->answered = FALSE;

  if (ref == NULL)
    {
      show_summary (self);
      return;
    }

  subtitle = g_strdup_printf (_("Card %u of %u"), self->position + 1, self->queue->len);
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_progress_bar_set_fraction (self->progress, (double) self->position / self->queue->len);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);

  topic = gtk_label_new (ref->topic != NULL ? pyprep_topic_get_title (ref->topic) : NULL);
  gtk_label_set_xalign (GTK_LABEL (topic), 0);
  gtk_widget_add_css_class (topic, "caption-heading");
  gtk_widget_add_css_class (topic, "dim-label");
  gtk_box_append (self->card_box, topic);

  if (pyprep_card_ref_is_recall (ref))
    build_recall (self, ref->entry);
  else
    build_question (self, ref->entry, ref->question);

  gtk_box_append (self->card_box, open_entry_button (self, ref->entry, _("_Open the Entry in the Reader"), TRUE));
  gtk_stack_set_visible_child_name (self->stack, "card");
  self->shown_at = g_get_real_time ();
}

static void
show_summary (PyprepQuizView *self)
{
  g_autoptr(GHashTable) topics = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GPtrArray) topic_order = g_ptr_array_new ();
  g_autofree char *counts = NULL;
  g_autofree char *time = NULL;
  gint64 seconds = (g_get_real_time () - self->started_at) / G_USEC_PER_SEC;
  guint answered = 0, correct = 0;
  GtkWidget *list;
  gboolean any_missed = FALSE;
  GtkWidget *back;

  clear_box (self->summary_box);
  adw_window_title_set_subtitle (self->title, _("Done"));
  gtk_progress_bar_set_fraction (self->progress, 1.0);

  for (guint i = 0; i < self->queue->len; i++)
    {
      const PyprepCardRef *ref = g_ptr_array_index (self->queue, i);
      PyprepRating rating = g_array_index (self->ratings, PyprepRating, i);
      guint *pair;

      if (rating == 0)
        continue;
      answered++;
      correct += rating != PYPREP_RATING_AGAIN;
      if ((pair = g_hash_table_lookup (topics, ref->topic)) == NULL)
        {
          pair = g_new0 (guint, 2);
          g_hash_table_insert (topics, ref->topic, pair);
          g_ptr_array_add (topic_order, ref->topic);
        }
      pair[0]++;
      pair[1] += rating != PYPREP_RATING_AGAIN;
    }

  gtk_box_append (self->summary_box, heading_label (_("Session Complete")));
  gtk_widget_add_css_class (gtk_widget_get_last_child (GTK_WIDGET (self->summary_box)), "title-1");
  counts = g_strdup_printf (_("%u answered, %u correct"), answered, correct);
  time = g_strdup_printf (_("Time: %d min %02d s"), (int) (seconds / 60), (int) (seconds % 60));
  gtk_box_append (self->summary_box, heading_label (counts));
  gtk_box_append (self->summary_box, gtk_label_new (time));
  gtk_widget_set_halign (gtk_widget_get_last_child (GTK_WIDGET (self->summary_box)), GTK_ALIGN_START);

  /* Per topic. */
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  for (guint i = 0; i < topic_order->len; i++)
    {
      PyprepTopic *topic = g_ptr_array_index (topic_order, i);
      guint *pair = g_hash_table_lookup (topics, topic);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *result = g_strdup_printf (_("%u of %u correct"), pair[1], pair[0]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     topic != NULL ? pyprep_topic_get_title (topic) : _("Other"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), result);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_free (pair);
    }
  if (topic_order->len > 0)
    {
      gtk_box_append (self->summary_box, heading_label (_("By Topic")));
      gtk_box_append (self->summary_box, list);
    }
  else
    g_object_unref (g_object_ref_sink (list));

  /* The cards missed, each with a way to read its entry again. */
  for (guint i = 0; i < self->queue->len; i++)
    {
      const PyprepCardRef *ref = g_ptr_array_index (self->queue, i);

      if (g_array_index (self->ratings, PyprepRating, i) != PYPREP_RATING_AGAIN)
        continue;
      if (!any_missed)
        gtk_box_append (self->summary_box, heading_label (_("Missed — Read These Again")));
      any_missed = TRUE;
      gtk_box_append (self->summary_box,
                      open_entry_button (self, ref->entry, pyprep_entry_get_title (ref->entry), FALSE));
    }

  back = gtk_button_new_with_mnemonic (_("_Back to the Notes"));
  gtk_widget_set_halign (back, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (back, "pill");
  if (!any_missed)
    gtk_widget_add_css_class (back, "suggested-action");
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (close_session), self);
  if (any_missed)
    {
      GtkWidget *again = gtk_button_new_with_mnemonic (_("_Practice These Again"));
      /* One above the other: side by side they would not fit 360 px. */
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

      gtk_widget_set_name (again, "practice-again");
      gtk_widget_set_tooltip_text (again, _("Go through the missed cards once more, without changing their schedule"));
      gtk_widget_add_css_class (again, "pill");
      gtk_widget_add_css_class (again, "suggested-action");
      g_signal_connect_swapped (again, "clicked", G_CALLBACK (practice_again_cb), self);
      gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
      gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
      gtk_widget_set_halign (back, GTK_ALIGN_FILL);
      gtk_box_append (GTK_BOX (buttons), again);
      gtk_box_append (GTK_BOX (buttons), back);
      gtk_box_append (self->summary_box, buttons);
      gtk_stack_set_visible_child_name (self->stack, "summary");
      gtk_widget_grab_focus (again);
      return;
    }
  gtk_box_append (self->summary_box, back);

  gtk_stack_set_visible_child_name (self->stack, "summary");
  gtk_widget_grab_focus (back);
}

static void
undo (PyprepQuizView *self)
{
  g_autoptr(GError) error = NULL;
  guint target;

  /* The answer to take back: the card on screen once answered (a checked
   * question), else the one before. */
  if (self->queue == NULL || (!self->answered && self->position == 0))
    return;
  target = self->answered ? self->position : self->position - 1;
  if (!(self->practice ? pyprep_review_undo_practice : pyprep_review_undo) (self->store, g_get_real_time (),
                                                                          NULL, &error))
    {
      g_warning ("Cannot undo the answer: %s", error->message);
      return;
    }
  g_array_index (self->ratings, PyprepRating, target) = 0;
  self->position = target;
  show_card (self);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PyprepQuizView        *self)
{
  const PyprepCardRef *ref = current_ref (self);
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  guint key = gdk_keyval_to_lower (keyval);

  if (key == GDK_KEY_Escape && mods == 0)
    {
      close_session (self);
      return TRUE;
    }
  if (key == GDK_KEY_z && mods == GDK_CONTROL_MASK)
    {
      undo (self);
      return TRUE;
    }
  if (ref == NULL || mods != 0 || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "card") != 0)
    return FALSE;

  if (pyprep_card_ref_is_recall (ref))
    {
      if (key == GDK_KEY_space || key == GDK_KEY_Return || key == GDK_KEY_KP_Enter)
        {
          if (!self->revealed)
            {
              reveal (self);
              return TRUE;
            }
          return FALSE;
        }
      if (self->revealed && key >= GDK_KEY_1 && key <= GDK_KEY_4)
        {
          rate (self, key - GDK_KEY_1 + 1);
          return TRUE;
        }
      return FALSE;
    }

  if (!self->answered)
    {
      if (key >= GDK_KEY_1 && key <= GDK_KEY_9)
        toggle_choice (self, key - GDK_KEY_1);
      else if (key >= GDK_KEY_a && key <= GDK_KEY_i)
        toggle_choice (self, key - GDK_KEY_a);
      else if (key == GDK_KEY_Return || key == GDK_KEY_KP_Enter)
        check (self);
      else
        return FALSE;
      return TRUE;
    }
  if (key == GDK_KEY_Return || key == GDK_KEY_KP_Enter || key == GDK_KEY_space)
    {
      next_card (self);
      return TRUE;
    }
  return FALSE;
}

/* Shows the first card of @queue, or the empty page. */
static void
begin (PyprepQuizView *self,
       GPtrArray      *queue,
       const char     *title,
       const char     *empty_title,
       const char     *empty_description)
{
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  self->queue = queue;
  g_array_set_size (self->ratings, 0);
  g_array_set_size (self->ratings, self->queue->len);
  self->position = 0;
  self->started_at = g_get_real_time ();
  adw_window_title_set_title (self->title, title);

  if (self->queue->len == 0)
    {
      adw_window_title_set_subtitle (self->title, NULL);
      adw_status_page_set_title (self->empty_page, empty_title);
      adw_status_page_set_description (self->empty_page, empty_description);
      gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_widget_grab_focus (self->empty_back_button);
      return;
    }
  show_card (self);
}

static void
practice_again_cb (PyprepQuizView *self)
{
  GPtrArray *queue = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_card_ref_free);

  for (guint i = 0; i < self->queue->len; i++)
    if (g_array_index (self->ratings, PyprepRating, i) == PYPREP_RATING_AGAIN)
      g_ptr_array_add (queue, pyprep_card_ref_copy (g_ptr_array_index (self->queue, i)));
  self->practice = TRUE;
  begin (self, queue, _("Practice"), _("Nothing to Practice"), NULL);
}

/**
 * pyprep_quiz_view_start:
 * @library: the open decks
 * @store: the user's data, where answers go
 *
 * Starts a review session: the cards due now, most overdue first, then
 * today's new cards, topics interleaved, from every deck the user did not
 * leave out of reviews.
 */
void
pyprep_quiz_view_start (PyprepQuizView *self,
                        PyprepLibrary  *library,
                        PyprepStore    *store)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");
  g_autoptr(GListStore) decks = g_list_store_new (PYPREP_TYPE_DECK);
  g_autoptr(GListModel) entries = NULL;
  g_auto(GStrv) skipped = NULL;
  GListModel *all = NULL;
  PyprepReviewLimits limits;

  g_return_if_fail (PYPREP_IS_QUIZ_VIEW (self));
  g_return_if_fail (PYPREP_IS_LIBRARY (library));

  g_set_object (&self->store, store);
  self->practice = FALSE;

  /* The decks chosen on the progress page. */
  all = pyprep_library_get_decks (library);
  skipped = g_settings_get_strv (settings, "review-skip-decks");
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PyprepDeck) deck = g_list_model_get_item (all, i);

      if (!g_strv_contains ((const char * const *) skipped, pyprep_deck_get_id (deck)))
        g_list_store_append (decks, deck);
    }
  entries = pyprep_review_collect_entries (G_LIST_MODEL (decks));

  /* The limits and the retention the user chose in Preferences. */
  limits.new_per_day = g_settings_get_uint (settings, "new-cards-per-day");
  limits.reviews_per_day = g_settings_get_uint (settings, "reviews-per-day");
  self->params.desired_retention = g_settings_get_double (settings, "desired-retention");
  begin (self, pyprep_review_build_queue (entries, store, &self->params, &limits, g_get_real_time ()),
         _("Review"), _("Nothing to Review"),
         _("No card is due and today’s new cards are done. Come back later."));
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
  GPtrArray *copy;

  g_return_if_fail (PYPREP_IS_QUIZ_VIEW (self));
  g_return_if_fail (queue != NULL);

  g_set_object (&self->store, store);
  self->practice = TRUE;
  copy = g_ptr_array_new_full (queue->len, (GDestroyNotify) pyprep_card_ref_free);
  for (guint i = 0; i < queue->len; i++)
    g_ptr_array_add (copy, pyprep_card_ref_copy (g_ptr_array_index (queue, i)));
  begin (self, copy, title, _("Nothing to Practice"), empty_description);
}

/**
 * pyprep_quiz_view_get_practice:
 *
 * Returns: whether the session on screen is a practice session
 */
gboolean
pyprep_quiz_view_get_practice (PyprepQuizView *self)
{
  g_return_val_if_fail (PYPREP_IS_QUIZ_VIEW (self), FALSE);
  return self->practice;
}

guint
pyprep_quiz_view_get_position (PyprepQuizView *self)
{
  g_return_val_if_fail (PYPREP_IS_QUIZ_VIEW (self), 0);
  return self->position;
}

guint
pyprep_quiz_view_get_n_cards (PyprepQuizView *self)
{
  g_return_val_if_fail (PYPREP_IS_QUIZ_VIEW (self), 0);
  return self->queue != NULL ? self->queue->len : 0;
}

guint
pyprep_quiz_view_get_n_correct (PyprepQuizView *self)
{
  guint correct = 0;

  g_return_val_if_fail (PYPREP_IS_QUIZ_VIEW (self), 0);
  for (guint i = 0; self->ratings != NULL && i < self->ratings->len; i++)
    {
      PyprepRating rating = g_array_index (self->ratings, PyprepRating, i);

      correct += rating != 0 && rating != PYPREP_RATING_AGAIN;
    }
  return correct;
}

gboolean
pyprep_quiz_view_get_finished (PyprepQuizView *self)
{
  g_return_val_if_fail (PYPREP_IS_QUIZ_VIEW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "summary") == 0;
}

/**
 * pyprep_quiz_view_get_current:
 *
 * Returns: (nullable): the card on screen
 */
const PyprepCardRef *
pyprep_quiz_view_get_current (PyprepQuizView *self)
{
  g_return_val_if_fail (PYPREP_IS_QUIZ_VIEW (self), NULL);
  return current_ref (self);
}

GtkWidget *
pyprep_quiz_view_new (void)
{
  return g_object_new (PYPREP_TYPE_QUIZ_VIEW, NULL);
}

static void
pyprep_quiz_view_dispose (GObject *object)
{
  PyprepQuizView *self = PYPREP_QUIZ_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_QUIZ_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pyprep_quiz_view_parent_class)->dispose (object);
}

static void
pyprep_quiz_view_finalize (GObject *object)
{
  PyprepQuizView *self = PYPREP_QUIZ_VIEW (object);

  g_array_unref (self->ratings);
  g_ptr_array_unref (self->rate_buttons);
  g_ptr_array_unref (self->choice_buttons);
  g_ptr_array_unref (self->feedback);

  G_OBJECT_CLASS (pyprep_quiz_view_parent_class)->finalize (object);
}

static void
pyprep_quiz_view_class_init (PyprepQuizViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_quiz_view_dispose;
  object_class->finalize = pyprep_quiz_view_finalize;

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

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/Pyprep/ui/pyprep-quiz-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, title);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, close_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, progress);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, card_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, summary_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, empty_back_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuizView, empty_page);
  gtk_widget_class_set_css_name (widget_class, "quizview");
}

static void
pyprep_quiz_view_init (PyprepQuizView *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  pyprep_fsrs_params_init (&self->params);
  self->ratings = g_array_new (FALSE, TRUE, sizeof (PyprepRating));
  self->rate_buttons = g_ptr_array_new ();
  self->choice_buttons = g_ptr_array_new ();
  self->feedback = g_ptr_array_new ();

  /* Before the focused button sees Space or Enter. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (self->close_button, "clicked", G_CALLBACK (close_session), self);
  g_signal_connect_swapped (self->empty_back_button, "clicked", G_CALLBACK (close_session), self);
}
