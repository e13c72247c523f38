/* pyprep-question-card.c: a multiple-choice question: the choices, then what was right and why.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The choices come from the deck, so their rows are made here, one check
 * button and one feedback label each; the rest is the template. Check
 * Answer and Continue act through the quiz view's actions (quiz.check,
 * quiz.continue), and the view toggles choices for its keys.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pyprep-pango.h"
#include "pyprep-question-card.h"

/* Keys 1–9 and A–I pick the first nine choices. */
#define N_KEYED_CHOICES 9

struct _PyprepQuestionCard
{
  GtkWidget parent_instance;

  /* template children */
  GtkLabel *question_label;
  GtkLabel *hint_label;
  GtkBox *choices_box;
  GtkWidget *check_button;
  GtkLabel *verdict_label;
  GtkLabel *explanation_label;
  GtkWidget *continue_button;

  /* borrowed: the entry that holds the question outlives the card's use */
  const PyprepQuestion *question;

  /* state */
  GPtrArray *choice_buttons;    /* GtkCheckButton */
  GPtrArray *feedback_labels;   /* GtkLabel */
  gboolean checked;
};

G_DEFINE_FINAL_TYPE (PyprepQuestionCard, pyprep_question_card, GTK_TYPE_WIDGET)

static GtkWidget *
markdown_label (const char *markdown)
{
  g_autofree char *markup = pyprep_markdown_to_pango (markdown != NULL ? markdown : "");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static void
set_markdown (GtkLabel   *label,
              const char *markdown)
{
  g_autofree char *markup = pyprep_markdown_to_pango (markdown != NULL ? markdown : "");

  gtk_label_set_markup (label, markup);
}

/* The hint names the keys there are: "keys 1–3 or A–C" for three
 * choices, at most 1–9 and A–I. */
static char *
dup_hint (const PyprepQuestion *question)
{
  guint n_correct = 0;
  guint n_keys = MIN (question->choices->len, N_KEYED_CHOICES);
  char last = (char) ('A' + MAX (n_keys, 1) - 1);

  for (guint i = 0; i < question->choices->len; i++)
    n_correct += ((PyprepChoice *) g_ptr_array_index (question->choices, i))->correct;
  if (n_correct > 1)
    /* Translators: %u is the last number key, %c the last letter key */
    return g_strdup_printf (_("Choose every right answer (keys 1–%u or A–%c)"), MAX (n_keys, 1), last);
  /* Translators: %u is the last number key, %c the last letter key */
  return g_strdup_printf (_("Choose the right answer (keys 1–%u or A–%c)"), MAX (n_keys, 1), last);
}

static void
clear_choices (PyprepQuestionCard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->choices_box))) != NULL)
    gtk_box_remove (self->choices_box, child);
  g_ptr_array_set_size (self->choice_buttons, 0);
  g_ptr_array_set_size (self->feedback_labels, 0);
}

static void
add_choice (PyprepQuestionCard *self,
            guint               index,
            const PyprepChoice *choice)
{
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *feedback = markdown_label ("");
  g_autofree char *markup = pyprep_markdown_to_pango (choice->text);
  g_autofree char *labelled = g_strdup_printf ("%c. %s", 'A' + (int) index, markup);

  gtk_label_set_markup (GTK_LABEL (text), labelled);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  /* A long choice wraps at the card's width, not at the label's guess. */
  gtk_widget_set_hexpand (text, TRUE);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), text);
  gtk_label_set_selectable (GTK_LABEL (feedback), TRUE);
  gtk_widget_add_css_class (feedback, "caption");
  gtk_widget_set_margin_start (feedback, 30);
  gtk_widget_set_visible (feedback, FALSE);
  g_ptr_array_add (self->choice_buttons, button);
  g_ptr_array_add (self->feedback_labels, feedback);
  gtk_box_append (self->choices_box, button);
  gtk_box_append (self->choices_box, feedback);
}

/* Focus goes where the next key is wanted: Check Answer, then Continue. */
static gboolean
pyprep_question_card_grab_focus (GtkWidget *widget)
{
  PyprepQuestionCard *self = PYPREP_QUESTION_CARD (widget);

  return gtk_widget_grab_focus (self->checked ? self->continue_button : self->check_button);
}

static void
pyprep_question_card_dispose (GObject *object)
{
  PyprepQuestionCard *self = PYPREP_QUESTION_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PYPREP_TYPE_QUESTION_CARD);
  g_clear_pointer (&self->choice_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->feedback_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (pyprep_question_card_parent_class)->dispose (object);
}

static void
pyprep_question_card_class_init (PyprepQuestionCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_question_card_dispose;
  widget_class->grab_focus = pyprep_question_card_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pyprep/Pyprep/ui/pyprep-question-card.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionCard, question_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionCard, hint_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionCard, choices_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionCard, check_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionCard, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionCard, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepQuestionCard, continue_button);
}

static void
pyprep_question_card_init (PyprepQuestionCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->choice_buttons = g_ptr_array_new ();
  self->feedback_labels = g_ptr_array_new ();
}

/**
 * pyprep_question_card_set_question:
 * @question: the question; it must stay alive while the card shows it
 *
 * Shows @question with its choices, none chosen.
 */
void
pyprep_question_card_set_question (PyprepQuestionCard   *self,
                                   const PyprepQuestion *question)
{
  g_autofree char *hint = NULL;

  g_return_if_fail (PYPREP_IS_QUESTION_CARD (self));
  g_return_if_fail (question != NULL);

  self->question = question;
  self->checked = FALSE;
  set_markdown (self->question_label, question->question);
  hint = dup_hint (question);
  gtk_label_set_text (self->hint_label, hint);
  clear_choices (self);
  for (guint i = 0; i < question->choices->len; i++)
    add_choice (self, i, g_ptr_array_index (question->choices, i));
  gtk_widget_set_visible (self->check_button, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), FALSE);
  gtk_widget_set_visible (self->continue_button, FALSE);
}

/**
 * pyprep_question_card_toggle_choice:
 * @index: the choice, from 0
 *
 * Ticks the choice, or unticks it; nothing once the answer is checked or
 * when there is no such choice.
 */
void
pyprep_question_card_toggle_choice (PyprepQuestionCard *self,
                                    guint               index)
{
  GtkCheckButton *button;

  g_return_if_fail (PYPREP_IS_QUESTION_CARD (self));

  if (self->checked || index >= self->choice_buttons->len)
    return;
  button = g_ptr_array_index (self->choice_buttons, index);
  gtk_check_button_set_active (button, !gtk_check_button_get_active (button));
}

/**
 * pyprep_question_card_get_chosen:
 * @right: (out) (optional): whether exactly the correct choices are ticked
 *
 * Returns: whether any choice is ticked
 */
gboolean
pyprep_question_card_get_chosen (PyprepQuestionCard *self,
                                 gboolean           *right)
{
  gboolean all_right = TRUE;
  gboolean any = FALSE;

  g_return_val_if_fail (PYPREP_IS_QUESTION_CARD (self), FALSE);

  for (guint i = 0; i < self->choice_buttons->len; i++)
    {
      const PyprepChoice *choice = g_ptr_array_index (self->question->choices, i);
      gboolean chosen = gtk_check_button_get_active (g_ptr_array_index (self->choice_buttons, i));

      any |= chosen;
      all_right &= chosen == choice->correct;
    }
  if (right != NULL)
    *right = all_right;
  return any;
}

/* Deck authors often start a choice's explanation with its verdict
 * ("Right: …", "错误：…"). The mark before it already says whether the
 * choice was right, so the verdict is left out rather than said twice. */
static const char *
skip_verdict (const char *explanation,
              gboolean    correct)
{
  static const char *right_words[] = { "Right", "Correct", "正确" };
  static const char *wrong_words[] = { "Wrong", "Incorrect", "错误" };
  const char **words = correct ? right_words : wrong_words;
  guint n_words = correct ? G_N_ELEMENTS (right_words) : G_N_ELEMENTS (wrong_words);

  for (guint i = 0; i < n_words; i++)
    {
      gsize length = strlen (words[i]);
      const char *rest = explanation + length;

      if (g_ascii_strncasecmp (explanation, words[i], length) != 0)
        continue;
      if (g_str_has_prefix (rest, ":"))
        rest += 1;
      else if (g_str_has_prefix (rest, "："))
        rest += strlen ("：");
      else
        continue;
      while (g_ascii_isspace (*rest))
        rest++;
      return rest;
    }
  return explanation;
}

/* What the user did with a choice, in its mark's words and style. */
static void
describe_choice (gboolean     chosen,
                 gboolean     correct,
                 const char **mark,
                 const char **style)
{
  if (chosen && correct)
    {
      *mark = _("Right choice");
      *style = "success";
    }
  else if (!chosen && !correct)
    {
      *mark = _("Correctly left out");
      *style = "success";
    }
  else if (chosen)
    {
      *mark = _("Wrongly ticked");
      *style = "error";
    }
  else
    {
      /* Translators: a right choice the user did not tick */
      *mark = _("Missed");
      *style = "warning";
    }
}

static void
show_choice_feedback (GtkWidget          *label,
                      gboolean            chosen,
                      const PyprepChoice *choice)
{
  static const char *styles[] = { "success", "error", "warning" };
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  const char *mark = NULL;
  const char *style = NULL;

  describe_choice (chosen, choice->correct, &mark, &style);
  escaped = g_markup_escape_text (mark, -1);
  if (choice->explanation != NULL && *choice->explanation != '\0')
    {
      g_autofree char *markup = pyprep_markdown_to_pango (skip_verdict (choice->explanation,
                                                                        choice->correct));

      /* Translators: a choice's mark, then why the choice is right or wrong */
      text = g_strdup_printf (_("<b>%s:</b> %s"), escaped, markup);
    }
  else
    text = g_strdup_printf ("<b>%s</b>", escaped);

  gtk_label_set_markup (GTK_LABEL (label), text);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (label, styles[i]);
  gtk_widget_add_css_class (label, style);
  gtk_widget_set_visible (label, TRUE);
}

/**
 * pyprep_question_card_show_feedback:
 *
 * Shows, under each choice, what the user did with it (a right choice,
 * correctly left out, wrongly ticked or missed) and why, and whether the
 * answer as a whole was right; the choices can no longer change. The
 * focus moves to Continue.
 */
void
pyprep_question_card_show_feedback (PyprepQuestionCard *self)
{
  gboolean right = FALSE;

  g_return_if_fail (PYPREP_IS_QUESTION_CARD (self));

  pyprep_question_card_get_chosen (self, &right);
  self->checked = TRUE;
  for (guint i = 0; i < self->choice_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->choice_buttons, i);

      gtk_widget_set_sensitive (button, FALSE);
      show_choice_feedback (g_ptr_array_index (self->feedback_labels, i),
                            gtk_check_button_get_active (GTK_CHECK_BUTTON (button)),
                            g_ptr_array_index (self->question->choices, i));
    }

  gtk_label_set_text (self->verdict_label, right ? _("Correct") : _("Not quite"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), right ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), right ? "success" : "error");
  gtk_widget_set_visible (GTK_WIDGET (self->verdict_label), TRUE);
  if (self->question->explanation != NULL)
    {
      set_markdown (self->explanation_label, self->question->explanation);
      gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), TRUE);
    }
  gtk_widget_set_visible (self->check_button, FALSE);
  gtk_widget_set_visible (self->continue_button, TRUE);
  gtk_widget_grab_focus (self->continue_button);
}
