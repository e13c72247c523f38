/* pyprep-annotation-row.c: one annotation in the side panel, shown or edited in place.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The panel's list view recycles rows: each is given an annotation to show
 * with pyprep_annotation_row_set_annotation(), and another later.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-annotation-row.h"
#include "pyprep-card-dialog.h"
#include "pyprep-pango.h"

struct _PyprepAnnotationRow
{
  AdwBin parent_instance;

  /* template children */
  GtkLabel *quote_label;
  GtkLabel *missing_label;
  GtkStack *stack;
  GtkLabel *text_label;
  GtkTextView *editor;
  GtkLabel *date_label;
  GtkLabel *card_label;
  GtkButton *card_button;
  GtkButton *edit_button;
  GtkButton *delete_button;

  /* owned */
  PyprepStore *store;
  PyprepAnnotation *annotation;
};

G_DEFINE_FINAL_TYPE (PyprepAnnotationRow, pyprep_annotation_row, ADW_TYPE_BIN)

enum {
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
accessible_label (PyprepAnnotationRow *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->text_label)) ? gtk_label_get_text (self->text_label)
                                                                 : gtk_label_get_text (self->quote_label);
}

/* Whether the annotation is a card, and what its front says. */
static void
show_card (PyprepAnnotationRow *self)
{
  const PyprepAnnotation *annotation = self->annotation;

  if (annotation->has_card)
    {
      /* Translators: under an annotation made a recall card; %s is the
       * card's front, the note or the question typed for it. */
      g_autofree char *text = g_strdup_printf (_("Recall card: %s"), pyprep_annotation_get_card_front (annotation));

      gtk_label_set_label (self->card_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->card_label), annotation->has_card);
  gtk_widget_set_visible (GTK_WIDGET (self->card_button), pyprep_annotation_can_be_card (annotation));
  gtk_button_set_label (self->card_button, annotation->has_card ? _("Edit Card") : _("Make a Card"));
}

static void
show_annotation (PyprepAnnotationRow *self)
{
  g_autofree char *markup = pyprep_markdown_to_pango (self->annotation->text);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (self->annotation->modified / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  /* Translators: a date and time in strftime() format, as in "21 Nov 2026, 14:05". */
  g_autofree char *date = g_date_time_format (local, _("%e %b %Y, %H:%M"));

  gtk_label_set_markup (self->text_label, markup);
  /* A note may be just a quote. */
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), *markup != '\0');
  gtk_label_set_label (self->date_label, g_strstrip (date));

  if (self->annotation->quote != NULL)
    {
      g_autofree char *text = pyprep_annotation_dup_quote_text (self->annotation->quote);
      g_autofree char *quote = g_strdup_printf ("“%s”", text);

      gtk_label_set_label (self->quote_label, quote);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->quote_label), self->annotation->quote != NULL);
  show_card (self);

  /* A screen reader names the row by the note, or by its quote. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, gtk_label_get_text (self->date_label),
                                  -1);
}

/* Links in annotations go to the browser; anything else was never made a link. */
static gboolean
activate_link_cb (PyprepAnnotationRow *self,
                  const char          *uri)
{
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL, NULL);
  return TRUE;
}

static void
edit_clicked_cb (PyprepAnnotationRow *self)
{
  pyprep_annotation_row_edit (self);
}

static void
cancel_clicked_cb (PyprepAnnotationRow *self)
{
  gtk_stack_set_visible_child_name (self->stack, "view");
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->edit_button));
}

static void
save_clicked_cb (PyprepAnnotationRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->editor);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *id = g_strdup (self->annotation->id);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  /* Out of the editor first: the store's change makes the panel show the
   * annotation anew in this row, which must not keep the edit as a draft. */
  cancel_clicked_cb (self);
  if (*text == '\0')
    {
      /* An emptied annotation is a deletion, which can be undone. */
      g_signal_emit (self, signals[DELETE_REQUESTED], 0);
      return;
    }

  pyprep_store_update_annotation (self->store, id, text);
}

static void
delete_clicked_cb (PyprepAnnotationRow *self)
{
  g_signal_emit (self, signals[DELETE_REQUESTED], 0);
}

static void
card_clicked_cb (PyprepAnnotationRow *self,
                 GtkButton           *button)
{
  pyprep_annotation_row_make_card (self);
}

static gboolean
editor_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       PyprepAnnotationRow   *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK))
    {
      save_clicked_cb (self);
      return TRUE;
    }
  if (keyval == GDK_KEY_Escape)
    {
      cancel_clicked_cb (self);
      return TRUE;
    }
  return FALSE;
}

static void
pyprep_annotation_row_dispose (GObject *object)
{
  PyprepAnnotationRow *self = PYPREP_ANNOTATION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_ANNOTATION_ROW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pyprep_annotation_row_parent_class)->dispose (object);
}

static void
pyprep_annotation_row_finalize (GObject *object)
{
  PyprepAnnotationRow *self = PYPREP_ANNOTATION_ROW (object);

  g_clear_pointer (&self->annotation, pyprep_annotation_free);

  G_OBJECT_CLASS (pyprep_annotation_row_parent_class)->finalize (object);
}

static void
pyprep_annotation_row_class_init (PyprepAnnotationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_annotation_row_dispose;
  object_class->finalize = pyprep_annotation_row_finalize;

  /**
   * PyprepAnnotationRow::delete-requested:
   *
   * The user asked to delete the annotation.
   */
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/Pyprep/ui/pyprep-annotation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationRow, missing_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationRow, stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationRow, editor);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationRow, card_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationRow, card_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationRow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, card_clicked_cb);

  /* Named by its note, a row is a group a screen reader can name. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pyprep_annotation_row_init (PyprepAnnotationRow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (editor_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->editor), keys);
  g_signal_connect_swapped (self->text_label, "activate-link", G_CALLBACK (activate_link_cb), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Annotation"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Annotation"), -1);
}

/**
 * pyprep_annotation_row_new:
 * @annotation: (nullable): the annotation to show, or %NULL to set later
 *
 * Returns: (transfer floating): a row showing @annotation
 */
GtkWidget *
pyprep_annotation_row_new (PyprepStore            *store,
                           const PyprepAnnotation *annotation)
{
  PyprepAnnotationRow *self;

  g_return_val_if_fail (PYPREP_IS_STORE (store), NULL);

  self = g_object_new (PYPREP_TYPE_ANNOTATION_ROW, NULL);
  self->store = g_object_ref (store);
  if (annotation != NULL)
    pyprep_annotation_row_set_annotation (self, annotation);

  return GTK_WIDGET (self);
}

/**
 * pyprep_annotation_row_set_annotation:
 * @annotation: the annotation to show
 *
 * Shows @annotation, leaving the editor of the one shown before.
 */
void
pyprep_annotation_row_set_annotation (PyprepAnnotationRow    *self,
                                      const PyprepAnnotation *annotation)
{
  g_return_if_fail (PYPREP_IS_ANNOTATION_ROW (self));
  g_return_if_fail (annotation != NULL);

  g_clear_pointer (&self->annotation, pyprep_annotation_free);
  self->annotation = pyprep_annotation_copy (annotation);
  gtk_stack_set_visible_child_name (self->stack, "view");
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), FALSE);
  show_annotation (self);
}

/**
 * pyprep_annotation_row_get_annotation:
 *
 * Returns: (transfer none): the annotation shown
 */
const PyprepAnnotation *
pyprep_annotation_row_get_annotation (PyprepAnnotationRow *self)
{
  g_return_val_if_fail (PYPREP_IS_ANNOTATION_ROW (self), NULL);
  return self->annotation;
}

/**
 * pyprep_annotation_row_set_missing:
 * @missing: whether the quoted passage is not in the entry any more
 */
void
pyprep_annotation_row_set_missing (PyprepAnnotationRow *self,
                                   gboolean             missing)
{
  g_return_if_fail (PYPREP_IS_ANNOTATION_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->missing_label),
                          missing && self->annotation != NULL && self->annotation->quote != NULL);
}

/**
 * pyprep_annotation_row_get_missing:
 *
 * Returns: whether the row says its quoted passage is gone from the entry
 */
gboolean
pyprep_annotation_row_get_missing (PyprepAnnotationRow *self)
{
  g_return_val_if_fail (PYPREP_IS_ANNOTATION_ROW (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->missing_label));
}

/**
 * pyprep_annotation_row_edit:
 *
 * Switches the row to its editor, holding the annotation's Markdown.
 */
void
pyprep_annotation_row_edit (PyprepAnnotationRow *self)
{
  g_return_if_fail (PYPREP_IS_ANNOTATION_ROW (self));
  g_return_if_fail (self->annotation != NULL);

  pyprep_annotation_row_edit_draft (self, self->annotation->text);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
}

/**
 * pyprep_annotation_row_edit_draft:
 * @draft: the text to edit: what pyprep_annotation_row_dup_draft() kept
 *   of an edit not saved yet
 *
 * Switches the row to its editor holding @draft, without taking the focus.
 */
void
pyprep_annotation_row_edit_draft (PyprepAnnotationRow *self,
                                  const char          *draft)
{
  g_return_if_fail (PYPREP_IS_ANNOTATION_ROW (self));
  g_return_if_fail (draft != NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->editor), draft, -1);
  gtk_stack_set_visible_child_name (self->stack, "edit");
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), FALSE);
}

/**
 * pyprep_annotation_row_name_item:
 * @item: the list's item holding the row
 *
 * Gives @item the row's accessible name and description: a screen reader
 * says the list's item, which holds the row.
 */
void
pyprep_annotation_row_name_item (PyprepAnnotationRow *self,
                                 GtkListItem         *item)
{
  g_return_if_fail (PYPREP_IS_ANNOTATION_ROW (self));
  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  gtk_list_item_set_accessible_label (item, accessible_label (self));
  gtk_list_item_set_accessible_description (item, gtk_label_get_text (self->date_label));
}

/**
 * pyprep_annotation_row_dup_draft:
 *
 * Returns: (transfer full) (nullable): the text in the editor while the
 *   row is being edited, else %NULL
 */
char *
pyprep_annotation_row_dup_draft (PyprepAnnotationRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (PYPREP_IS_ANNOTATION_ROW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "edit") != 0)
    return NULL;
  buffer = gtk_text_view_get_buffer (self->editor);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * pyprep_annotation_row_make_card:
 *
 * Asks how to make the annotation a recall card (or to change or remove
 * its card); an annotation quoting no passage cannot be one, and the row
 * says so with the error bell.
 */
void
pyprep_annotation_row_make_card (PyprepAnnotationRow *self)
{
  g_return_if_fail (PYPREP_IS_ANNOTATION_ROW (self));

  if (self->annotation == NULL || !pyprep_annotation_can_be_card (self->annotation)
      || pyprep_store_get_read_only (self->store))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  adw_dialog_present (pyprep_card_dialog_new (self->store, self->annotation), GTK_WIDGET (self));
}
