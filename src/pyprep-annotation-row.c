/* pyprep-annotation-row.c: one annotation in the side panel, shown or edited in place.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-annotation-row.h"
#include "pyprep-pango.h"

struct _PyprepAnnotationRow
{
  GtkListBoxRow parent_instance;

  /* template children */
  GtkLabel *quote_label;
  GtkLabel *missing_label;
  GtkStack *stack;
  GtkLabel *text_label;
  GtkTextView *editor;
  GtkLabel *date_label;
  GtkButton *edit_button;
  GtkButton *delete_button;

  /* owned */
  PyprepStore *store;
  PyprepAnnotation *annotation;
};

G_DEFINE_FINAL_TYPE (PyprepAnnotationRow, pyprep_annotation_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

  /* A screen reader names the row by the note, or by its quote. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  *markup != '\0' ? gtk_label_get_text (self->text_label)
                                                  : gtk_label_get_text (self->quote_label),
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

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    {
      /* An emptied annotation is a deletion, which can be undone. */
      g_signal_emit (self, signals[DELETE_REQUESTED], 0);
      return;
    }

  pyprep_store_update_annotation (self->store, self->annotation->id, text);
  cancel_clicked_cb (self);
}

static void
delete_clicked_cb (PyprepAnnotationRow *self)
{
  g_signal_emit (self, signals[DELETE_REQUESTED], 0);
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
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationRow, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
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
 *
 * Returns: (transfer floating): a row showing @annotation
 */
GtkWidget *
pyprep_annotation_row_new (PyprepStore            *store,
                           const PyprepAnnotation *annotation)
{
  PyprepAnnotationRow *self;

  g_return_val_if_fail (PYPREP_IS_STORE (store), NULL);
  g_return_val_if_fail (annotation != NULL, NULL);

  self = g_object_new (PYPREP_TYPE_ANNOTATION_ROW, NULL);
  self->store = g_object_ref (store);
  self->annotation = pyprep_annotation_copy (annotation);
  show_annotation (self);

  return GTK_WIDGET (self);
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
                          missing && self->annotation->quote != NULL);
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

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->editor), self->annotation->text, -1);
  gtk_stack_set_visible_child_name (self->stack, "edit");
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->editor));
}
