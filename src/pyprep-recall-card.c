/* pyprep-recall-card.c: a recall card: the prompt, then the answer and the four ratings.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The buttons act through the quiz view's actions (quiz.reveal,
 * quiz.rate), so clicks and keys go the same way; the card only shows.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-pango.h"
#include "pyprep-recall-card.h"

struct _PyprepRecallCard
{
  GtkWidget parent_instance;

  /* template children */
  GtkLabel *prompt_label;
  GtkWidget *show_button;
  GtkWidget *answer_box;
  GtkLabel *answer_label;
  GtkWidget *again_button;
  GtkWidget *hard_button;
  GtkWidget *good_button;
  GtkWidget *easy_button;
  GtkLabel *again_label;
  GtkLabel *hard_label;
  GtkLabel *good_label;
  GtkLabel *easy_label;

  /* state */
  gboolean revealed;
};

G_DEFINE_FINAL_TYPE (PyprepRecallCard, pyprep_recall_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_markdown (GtkLabel   *label,
              const char *markdown)
{
  g_autofree char *markup = pyprep_markdown_to_pango (markdown != NULL ? markdown : "");

  gtk_label_set_markup (label, markup);
}

static void
set_revealed (PyprepRecallCard *self,
              gboolean          revealed)
{
  if (self->revealed == revealed)
    return;
  self->revealed = revealed;
  gtk_widget_set_visible (self->answer_box, revealed);
  gtk_widget_set_visible (self->show_button, !revealed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

/* Focus goes where the next key is wanted: Show Answer, then Good. */
static gboolean
pyprep_recall_card_grab_focus (GtkWidget *widget)
{
  PyprepRecallCard *self = PYPREP_RECALL_CARD (widget);

  return gtk_widget_grab_focus (self->revealed ? self->good_button : self->show_button);
}

static void
pyprep_recall_card_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PyprepRecallCard *self = PYPREP_RECALL_CARD (object);

  switch (prop_id)
    {
    case PROP_REVEALED:
      g_value_set_boolean (value, self->revealed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_recall_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PYPREP_TYPE_RECALL_CARD);

  G_OBJECT_CLASS (pyprep_recall_card_parent_class)->dispose (object);
}

static void
pyprep_recall_card_class_init (PyprepRecallCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = pyprep_recall_card_get_property;
  object_class->dispose = pyprep_recall_card_dispose;
  widget_class->grab_focus = pyprep_recall_card_grab_focus;

  /**
   * PyprepRecallCard:revealed:
   * Whether the answer and the ratings are shown.
   */
  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pyprep/Pyprep/ui/pyprep-recall-card.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepRecallCard, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepRecallCard, show_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepRecallCard, answer_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepRecallCard, answer_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepRecallCard, again_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepRecallCard, hard_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepRecallCard, good_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepRecallCard, easy_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepRecallCard, again_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepRecallCard, hard_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepRecallCard, good_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepRecallCard, easy_label);
}

static void
pyprep_recall_card_init (PyprepRecallCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pyprep_recall_card_set_card:
 * @card: the card to show
 * @due: (nullable) (array fixed-size=4): when the card would be due after
 *   each rating, Again to Easy; %NULL in practice, which moves no card
 * @now: the time the intervals are counted from
 *
 * Shows @card's prompt, its answer hidden.
 */
void
pyprep_recall_card_set_card (PyprepRecallCard *self,
                             const PyprepCard *card,
                             const gint64     *due,
                             gint64            now)
{
  GtkWidget *buttons[] = { self->again_button, self->hard_button, self->good_button, self->easy_button };
  GtkLabel *labels[] = { self->again_label, self->hard_label, self->good_label, self->easy_label };

  g_return_if_fail (PYPREP_IS_RECALL_CARD (self));
  g_return_if_fail (card != NULL);

  set_markdown (self->prompt_label, card->prompt);
  set_markdown (self->answer_label, card->answer);
  for (int i = 0; i < PYPREP_FSRS_N_RATINGS; i++)
    {
      g_autofree char *interval = due != NULL ? pyprep_fsrs_format_interval (MAX (due[i] - now, 0)) : NULL;
      g_autofree char *tooltip = NULL;

      if (due != NULL)
        tooltip = g_strdup_printf (_("Press %d; next review in %s"), i + 1, interval);
      else
        tooltip = g_strdup_printf (_("Press %d; the schedule stays as it is"), i + 1);
      /* Practice does not move the card, so there is no interval to show. */
      gtk_label_set_text (labels[i], due != NULL ? interval : _("practice"));
      gtk_widget_set_tooltip_text (buttons[i], tooltip);
    }
  set_revealed (self, FALSE);
}

/**
 * pyprep_recall_card_reveal:
 *
 * Shows the answer and the ratings, and moves the focus to Good.
 */
void
pyprep_recall_card_reveal (PyprepRecallCard *self)
{
  g_return_if_fail (PYPREP_IS_RECALL_CARD (self));

  set_revealed (self, TRUE);
  gtk_widget_grab_focus (self->good_button);
}

gboolean
pyprep_recall_card_get_revealed (PyprepRecallCard *self)
{
  g_return_val_if_fail (PYPREP_IS_RECALL_CARD (self), FALSE);
  return self->revealed;
}
