/* pyprep-annotation-panel.c: the side panel listing an entry's annotations.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-annotation-panel.h"
#include "pyprep-annotation-row.h"

struct _PyprepAnnotationPanel
{
  AdwBin parent_instance;

  /* template children */
  GtkRevealer *composer;
  GtkLabel *composer_quote;
  GtkTextView *composer_view;
  AdwStatusPage *empty_page;
  GtkListBox *list;

  /* owned */
  PyprepStore *store;
  PyprepEntry *entry;
  char *quote;
  char *prefix;
  char *suffix;
  GStrv found;
};

G_DEFINE_FINAL_TYPE (PyprepAnnotationPanel, pyprep_annotation_panel, ADW_TYPE_BIN)

enum {
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_missing (PyprepAnnotationPanel *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const PyprepAnnotation *annotation;

      if (!PYPREP_IS_ANNOTATION_ROW (child))
        continue;
      annotation = pyprep_annotation_row_get_annotation (PYPREP_ANNOTATION_ROW (child));
      /* Until the page has been searched, nothing is called missing. */
      pyprep_annotation_row_set_missing (PYPREP_ANNOTATION_ROW (child),
                                         self->found != NULL
                                         && !g_strv_contains ((const char * const *) self->found,
                                                              annotation->id));
    }
}

static void
row_delete_requested_cb (PyprepAnnotationPanel *self,
                         PyprepAnnotationRow   *row)
{
  g_autoptr(PyprepAnnotation) removed = NULL;

  removed = pyprep_store_remove_annotation (self->store,
                                            pyprep_annotation_row_get_annotation (row)->id);
  if (removed != NULL)
    g_signal_emit (self, signals[DELETED], 0, removed);
}

static void
rebuild (PyprepAnnotationPanel *self)
{
  g_autoptr(GPtrArray) annotations = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->store != NULL && self->entry != NULL)
    annotations = pyprep_store_dup_annotations (self->store, pyprep_entry_get_id (self->entry));

  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      GtkWidget *row = pyprep_annotation_row_new (self->store, g_ptr_array_index (annotations, i));

      g_signal_connect_swapped (row, "delete-requested", G_CALLBACK (row_delete_requested_cb), self);
      gtk_list_box_append (self->list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list), annotations != NULL && annotations->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page),
                          (annotations == NULL || annotations->len == 0)
                          && !gtk_revealer_get_reveal_child (self->composer));
  update_missing (self);
}

static void
store_changed_cb (PyprepAnnotationPanel *self,
                  const char            *what,
                  const char            *id)
{
  rebuild (self);
}

static void
close_composer (PyprepAnnotationPanel *self)
{
  gtk_revealer_set_reveal_child (self->composer, FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->composer_view), "", -1);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->suffix, g_free);
  rebuild (self);
}

static void
composer_cancel_cb (PyprepAnnotationPanel *self)
{
  close_composer (self);
}

static void
composer_save_cb (PyprepAnnotationPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->composer_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;

  if (self->store == NULL || self->entry == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  /* A quote alone is a fine annotation; an empty note without one is not. */
  if (*text == '\0' && self->quote == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  id = pyprep_store_add_annotation (self->store, pyprep_entry_get_id (self->entry), text,
                                    self->quote, self->prefix, self->suffix);
  close_composer (self);
}

static gboolean
composer_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         PyprepAnnotationPanel *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK))
    {
      composer_save_cb (self);
      return TRUE;
    }
  if (keyval == GDK_KEY_Escape)
    {
      close_composer (self);
      return TRUE;
    }
  return FALSE;
}

static void
pyprep_annotation_panel_dispose (GObject *object)
{
  PyprepAnnotationPanel *self = PYPREP_ANNOTATION_PANEL (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_ANNOTATION_PANEL);
  g_clear_object (&self->store);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (pyprep_annotation_panel_parent_class)->dispose (object);
}

static void
pyprep_annotation_panel_finalize (GObject *object)
{
  PyprepAnnotationPanel *self = PYPREP_ANNOTATION_PANEL (object);

  g_free (self->quote);
  g_free (self->prefix);
  g_free (self->suffix);
  g_strfreev (self->found);

  G_OBJECT_CLASS (pyprep_annotation_panel_parent_class)->finalize (object);
}

static void
pyprep_annotation_panel_class_init (PyprepAnnotationPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_annotation_panel_dispose;
  object_class->finalize = pyprep_annotation_panel_finalize;

  /**
   * PyprepAnnotationPanel::deleted:
   * @annotation: the annotation the user deleted, to offer undo
   */
  signals[DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PYPREP_TYPE_ANNOTATION);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/Pyprep/ui/pyprep-annotation-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationPanel, composer);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationPanel, composer_quote);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationPanel, composer_view);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, composer_cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, composer_save_cb);
}

static void
pyprep_annotation_panel_init (PyprepAnnotationPanel *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (composer_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->composer_view), keys);
  rebuild (self);
}

void
pyprep_annotation_panel_set_store (PyprepAnnotationPanel *self,
                                   PyprepStore           *store)
{
  g_return_if_fail (PYPREP_IS_ANNOTATION_PANEL (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_swapped (store, "changed::annotation", G_CALLBACK (store_changed_cb), self);
      g_signal_connect_swapped (store, "changed::import", G_CALLBACK (store_changed_cb), self);
    }
  rebuild (self);
}

/**
 * pyprep_annotation_panel_set_entry:
 * @entry: (nullable): the entry whose annotations to list
 */
void
pyprep_annotation_panel_set_entry (PyprepAnnotationPanel *self,
                                   PyprepEntry           *entry)
{
  g_return_if_fail (PYPREP_IS_ANNOTATION_PANEL (self));

  if (!g_set_object (&self->entry, entry))
    return;

  /* A note half written for another entry would be saved to the wrong one. */
  gtk_revealer_set_reveal_child (self->composer, FALSE);
  g_clear_pointer (&self->found, g_strfreev);
  close_composer (self);
}

/**
 * pyprep_annotation_panel_compose:
 * @quote: (nullable): the passage to quote, selected in the page
 * @prefix: (nullable): text before it
 * @suffix: (nullable): text after it
 *
 * Opens the editor for a new annotation and focuses it.
 */
void
pyprep_annotation_panel_compose (PyprepAnnotationPanel *self,
                                 const char            *quote,
                                 const char            *prefix,
                                 const char            *suffix)
{
  g_return_if_fail (PYPREP_IS_ANNOTATION_PANEL (self));

  g_free (self->quote);
  self->quote = g_strdup (quote);
  g_free (self->prefix);
  self->prefix = g_strdup (prefix);
  g_free (self->suffix);
  self->suffix = g_strdup (suffix);

  if (quote != NULL)
    {
      g_autofree char *shown = g_strdup_printf ("“%s”", quote);

      gtk_label_set_label (self->composer_quote, shown);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->composer_quote), quote != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), FALSE);
  gtk_revealer_set_reveal_child (self->composer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->composer_view));
}

/**
 * pyprep_annotation_panel_set_found:
 * @found: the annotations whose passage the page shows
 *
 * Annotations quoting a passage not in @found say so.
 */
void
pyprep_annotation_panel_set_found (PyprepAnnotationPanel *self,
                                   const char * const    *found)
{
  g_return_if_fail (PYPREP_IS_ANNOTATION_PANEL (self));

  g_strfreev (self->found);
  self->found = g_strdupv ((GStrv) found);
  update_missing (self);
}
