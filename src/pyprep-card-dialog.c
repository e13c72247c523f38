/* pyprep-card-dialog.c: makes an annotation a recall card, or changes or removes its card.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card's back is the passage the annotation quotes, shown in the
 * dialog; its front is the note, or the question typed here. The dialog
 * writes to the store itself when the user answers; the annotation panel
 * follows the store.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-card-dialog.h"

struct _PyprepCardDialog
{
  AdwAlertDialog parent_instance;

  /* template children */
  GtkLabel *quote_label;
  GtkEntry *question_entry;

  /* owned */
  PyprepStore *store;
  PyprepAnnotation *annotation;
};

G_DEFINE_FINAL_TYPE (PyprepCardDialog, pyprep_card_dialog, ADW_TYPE_ALERT_DIALOG)

/* A card needs a front: a note, or else a question. */
static void
update_make (PyprepCardDialog *self)
{
  g_autofree char *question = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->question_entry))));
  g_autofree char *note = g_strstrip (g_strdup (self->annotation->text != NULL ? self->annotation->text : ""));

  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (self), "make", *question != '\0' || *note != '\0');
}

static void
question_changed_cb (PyprepCardDialog *self,
                     GtkEditable      *editable)
{
  update_make (self);
}

/* The dialog's own answer to its response signal. */
static void
response_cb (AdwAlertDialog *dialog,
             const char     *response,
             gpointer        user_data)
{
  PyprepCardDialog *self = PYPREP_CARD_DIALOG (dialog);

  if (g_str_equal (response, "make"))
    pyprep_store_make_annotation_card (self->store, self->annotation->id,
                                       gtk_editable_get_text (GTK_EDITABLE (self->question_entry)));
  else if (g_str_equal (response, "remove"))
    pyprep_annotation_free (pyprep_store_remove_annotation_card (self->store, self->annotation->id));
}

static void
pyprep_card_dialog_dispose (GObject *object)
{
  PyprepCardDialog *self = PYPREP_CARD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_CARD_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pyprep_card_dialog_parent_class)->dispose (object);
}

static void
pyprep_card_dialog_finalize (GObject *object)
{
  PyprepCardDialog *self = PYPREP_CARD_DIALOG (object);

  g_clear_pointer (&self->annotation, pyprep_annotation_free);

  G_OBJECT_CLASS (pyprep_card_dialog_parent_class)->finalize (object);
}

static void
pyprep_card_dialog_class_init (PyprepCardDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_card_dialog_dispose;
  object_class->finalize = pyprep_card_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/Pyprep/ui/pyprep-card-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepCardDialog, quote_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepCardDialog, question_entry);
  gtk_widget_class_bind_template_callback (widget_class, question_changed_cb);
}

static void
pyprep_card_dialog_init (PyprepCardDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

/**
 * pyprep_card_dialog_new:
 * @store: the user data
 * @annotation: an annotation quoting a passage
 *
 * A dialog making @annotation a card; for an annotation that is one
 * already, it changes the card's question or removes the card.
 *
 * Returns: (transfer floating): the dialog, to present
 */
AdwDialog *
pyprep_card_dialog_new (PyprepStore            *store,
                        const PyprepAnnotation *annotation)
{
  PyprepCardDialog *self;
  g_autofree char *quote = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (PYPREP_IS_STORE (store), NULL);
  g_return_val_if_fail (annotation != NULL && pyprep_annotation_can_be_card (annotation), NULL);

  self = g_object_new (PYPREP_TYPE_CARD_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->annotation = pyprep_annotation_copy (annotation);

  quote = pyprep_annotation_dup_quote_text (annotation->quote);
  shown = g_strdup_printf ("“%s”", quote);
  gtk_label_set_label (self->quote_label, shown);
  if (annotation->has_card)
    {
      adw_alert_dialog_set_heading (ADW_ALERT_DIALOG (self), _("Edit Card"));
      adw_alert_dialog_set_response_label (ADW_ALERT_DIALOG (self), "make", _("_Save"));
      adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (self), "remove", ADW_RESPONSE_DESTRUCTIVE);
      gtk_editable_set_text (GTK_EDITABLE (self->question_entry),
                             annotation->card_question != NULL ? annotation->card_question : "");
    }
  else
    {
      /* Only a card can be removed. */
      adw_alert_dialog_remove_response (ADW_ALERT_DIALOG (self), "remove");
    }
  update_make (self);

  return ADW_DIALOG (self);
}
