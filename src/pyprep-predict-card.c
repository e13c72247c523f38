/* pyprep-predict-card.c: a predict-the-output question: the program, the user's prediction, then the real output and a diff.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card never runs the program: the output it shows is the one the
 * deck records. Check and Continue, and the buttons that grade the answer
 * differently, act through the quiz view's actions (quiz.check-output,
 * quiz.continue, quiz.rate); the view records the grade.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-predict.h"
#include "pyprep-predict-card.h"

/* A diff longer than this shows its first lines and says how many more. */
#define MAX_DIFF_LABELS 200

struct _PyprepPredictCard
{
  GtkWidget parent_instance;

  /* template children */
  GtkLabel *code_label;
  GtkTextView *answer_view;
  GtkWidget *check_button;
  GtkWidget *result_box;
  GtkLabel *verdict_label;
  GtkLabel *output_label;
  GtkWidget *diff_heading;
  GtkBox *diff_box;
  GtkLabel *grade_label;
  GtkWidget *continue_button;

  /* borrowed: the entry that holds the question outlives the card's use */
  const PyprepPredict *predict;

  /* state */
  gboolean checked;
};

G_DEFINE_FINAL_TYPE (PyprepPredictCard, pyprep_predict_card, GTK_TYPE_WIDGET)

static const char *
rating_name (PyprepRating rating)
{
  switch (rating)
    {
    case PYPREP_RATING_AGAIN:
      return _("Again");
    case PYPREP_RATING_HARD:
      return _("Hard");
    case PYPREP_RATING_GOOD:
      return _("Good");
    case PYPREP_RATING_EASY:
    default:
      return _("Easy");
    }
}

static void
add_diff_line (PyprepPredictCard    *self,
               const PyprepDiffLine *line)
{
  /* The diff turns the answer into the real output, and its marks say so
   * without colour: "+" a line of the output the answer lacks, "−" a line
   * of the answer the output does not have. */
  const char *mark = line->kind == PYPREP_DIFF_MISSING ? "+" : line->kind == PYPREP_DIFF_EXTRA ? "−" : " ";
  g_autofree char *text = g_strdup_printf ("%s %s", mark, line->text);
  GtkWidget *label = gtk_label_new (text);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  /* A wrapped line of code gets no hyphen that is not in it. */
  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
  gtk_label_set_attributes (GTK_LABEL (label), attributes);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "monospace");
  if (line->kind == PYPREP_DIFF_MISSING)
    gtk_widget_add_css_class (label, "diff-missing");
  else if (line->kind == PYPREP_DIFF_EXTRA)
    gtk_widget_add_css_class (label, "diff-extra");
  gtk_box_append (self->diff_box, label);
}

static void
fill_diff (PyprepPredictCard *self,
           const char        *answer)
{
  g_autoptr(GPtrArray) diff = pyprep_predict_diff (self->predict->output, answer);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->diff_box))) != NULL)
    gtk_box_remove (self->diff_box, child);
  for (guint i = 0; i < MIN (diff->len, MAX_DIFF_LABELS); i++)
    add_diff_line (self, g_ptr_array_index (diff, i));
  if (diff->len > MAX_DIFF_LABELS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more line",
                                                            "… and %u more lines",
                                                            diff->len - MAX_DIFF_LABELS),
                                               diff->len - MAX_DIFF_LABELS);

      gtk_box_append (self->diff_box, gtk_label_new (more));
    }
}

/* The focus goes where the keys are wanted: to the answer while it is
 * typed, then to Continue. */
static gboolean
pyprep_predict_card_grab_focus (GtkWidget *widget)
{
  PyprepPredictCard *self = PYPREP_PREDICT_CARD (widget);

  return gtk_widget_grab_focus (self->checked ? self->continue_button : GTK_WIDGET (self->answer_view));
}

static void
pyprep_predict_card_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), PYPREP_TYPE_PREDICT_CARD);
  /* The template's unnamed children (the title, the answer's scrolled
   * window) are not its to drop. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pyprep_predict_card_parent_class)->dispose (object);
}

static void
pyprep_predict_card_class_init (PyprepPredictCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_predict_card_dispose;
  widget_class->grab_focus = pyprep_predict_card_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pyprep/Pyprep/ui/pyprep-predict-card.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepPredictCard, code_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepPredictCard, answer_view);
  gtk_widget_class_bind_template_child (widget_class, PyprepPredictCard, check_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepPredictCard, result_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepPredictCard, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepPredictCard, output_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepPredictCard, diff_heading);
  gtk_widget_class_bind_template_child (widget_class, PyprepPredictCard, diff_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepPredictCard, grade_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepPredictCard, continue_button);
  gtk_widget_class_set_css_name (widget_class, "predictcard");
}

static void
pyprep_predict_card_init (PyprepPredictCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pyprep_predict_card_set_predict:
 * @predict: the question, which must outlive the card's use
 *
 * Shows @predict's program and an empty answer.
 */
void
pyprep_predict_card_set_predict (PyprepPredictCard   *self,
                                 const PyprepPredict *predict)
{
  g_autofree char *code = NULL;

  g_return_if_fail (PYPREP_IS_PREDICT_CARD (self));
  g_return_if_fail (predict != NULL);

  self->predict = predict;
  self->checked = FALSE;
  code = g_strchomp (g_strdup (predict->code));
  gtk_label_set_text (self->code_label, code);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->answer_view), "", -1);
  gtk_text_view_set_editable (self->answer_view, TRUE);
  gtk_text_view_set_cursor_visible (self->answer_view, TRUE);
  gtk_widget_set_visible (self->check_button, TRUE);
  gtk_widget_set_visible (self->result_box, FALSE);
}

/**
 * pyprep_predict_card_dup_answer:
 *
 * Returns: (transfer full): what the user typed
 */
char *
pyprep_predict_card_dup_answer (PyprepPredictCard *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (PYPREP_IS_PREDICT_CARD (self), NULL);

  buffer = gtk_text_view_get_buffer (self->answer_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * pyprep_predict_card_is_right:
 *
 * Returns: whether the answer typed is the question's output, as
 *   pyprep_predict_matches() compares them
 */
gboolean
pyprep_predict_card_is_right (PyprepPredictCard *self)
{
  g_autofree char *answer = NULL;

  g_return_val_if_fail (PYPREP_IS_PREDICT_CARD (self), FALSE);
  g_return_val_if_fail (self->predict != NULL, FALSE);

  answer = pyprep_predict_card_dup_answer (self);
  return pyprep_predict_matches (self->predict->output, answer);
}

/**
 * pyprep_predict_card_show_result:
 * @rating: the grade the answer was given
 *
 * Shows whether the answer was right, the real output, the diff of the
 * answer against it when it was wrong, and the grade; the answer can no
 * longer be edited. Called again, it shows another grade.
 */
void
pyprep_predict_card_show_result (PyprepPredictCard *self,
                                 PyprepRating       rating)
{
  g_autofree char *answer = NULL;
  g_autofree char *output = NULL;
  g_autofree char *grade = NULL;
  gboolean right;

  g_return_if_fail (PYPREP_IS_PREDICT_CARD (self));
  g_return_if_fail (self->predict != NULL);

  answer = pyprep_predict_card_dup_answer (self);
  right = pyprep_predict_matches (self->predict->output, answer);
  output = pyprep_predict_normalize (self->predict->output);

  gtk_label_set_text (self->verdict_label, right ? _("Right: that is what it prints.")
                                                 : _("Not quite: it prints something else."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), right ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), right ? "success" : "error");
  if (*output == '\0')
    {
      gtk_label_set_text (self->output_label, _("(nothing: the program prints no output)"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->output_label), "monospace");
    }
  else
    gtk_label_set_text (self->output_label, output);

  gtk_widget_set_visible (self->diff_heading, !right);
  gtk_widget_set_visible (GTK_WIDGET (self->diff_box), !right);
  if (!right)
    fill_diff (self, answer);

  /* Translators: %s is a grade: Again, Hard, Good or Easy */
  grade = g_strdup_printf (_("Graded %s. To grade it differently, press 1–4 or a button below."),
                           rating_name (rating));
  gtk_label_set_text (self->grade_label, grade);

  self->checked = TRUE;
  gtk_text_view_set_editable (self->answer_view, FALSE);
  gtk_text_view_set_cursor_visible (self->answer_view, FALSE);
  gtk_widget_set_visible (self->check_button, FALSE);
  gtk_widget_set_visible (self->result_box, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/**
 * pyprep_predict_card_get_checked:
 *
 * Returns: whether the answer has been checked
 */
gboolean
pyprep_predict_card_get_checked (PyprepPredictCard *self)
{
  g_return_val_if_fail (PYPREP_IS_PREDICT_CARD (self), FALSE);

  return self->checked;
}
