/* pyprep-annotation-panel.c: the side panel listing an entry's annotations.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is a GtkListView over the IDs of the entry's annotations, newest
 * first: only the rows in sight are built, and recycled as the list
 * scrolls, so an entry holding thousands of annotations opens as fast as
 * one holding none. The IDs are read when the panel is first shown for an
 * entry, and each change of the store then inserts, replaces or removes
 * one item. An edit not saved yet outlives the recycling of its row.
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
  GtkWidget *scroller;
  GtkListView *list;

  /* owned */
  PyprepStore *store;
  PyprepEntry *entry;
  GtkStringList *ids;           /* the entry's annotations, newest first */
  GHashTable *rows;             /* the rows showing an annotation now -> their list item */
  GHashTable *drafts;           /* annotation ID -> its unsaved edit, while its row is recycled */
  char *quote;
  char *prefix;
  char *suffix;
  GStrv found;

  /* state */
  gboolean filled;              /* ids holds the entry's annotations */
};

G_DEFINE_FINAL_TYPE (PyprepAnnotationPanel, pyprep_annotation_panel, ADW_TYPE_BIN)

enum {
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
n_annotations (PyprepAnnotationPanel *self)
{
  return self->filled ? g_list_model_get_n_items (G_LIST_MODEL (self->ids)) : 0;
}

static void
update_visibility (PyprepAnnotationPanel *self)
{
  guint n = n_annotations (self);

  gtk_widget_set_visible (self->scroller, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), n == 0 && !gtk_revealer_get_reveal_child (self->composer));
}

static void
set_missing (PyprepAnnotationPanel *self,
             PyprepAnnotationRow   *row)
{
  const PyprepAnnotation *annotation = pyprep_annotation_row_get_annotation (row);

  /* Until the page has been searched, nothing is called missing. */
  pyprep_annotation_row_set_missing (row, self->found != NULL && annotation != NULL
                                          && !g_strv_contains ((const char * const *) self->found,
                                                               annotation->id));
}

static void
update_missing (PyprepAnnotationPanel *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    set_missing (self, row);
}

/* Reads the IDs of the entry's annotations into the list: the store's
 * index has them in order, so no annotation is read but those in sight. */
static void
fill (PyprepAnnotationPanel *self)
{
  g_auto(GStrv) ids = NULL;

  if (self->store != NULL && self->entry != NULL)
    ids = pyprep_store_dup_annotation_ids (self->store, pyprep_entry_get_id (self->entry));

  self->filled = TRUE;
  gtk_string_list_splice (self->ids, 0, g_list_model_get_n_items (G_LIST_MODEL (self->ids)),
                          (const char * const *) ids);
  update_visibility (self);
}

/* Forgets the list; it is read again when the panel is shown. */
static void
reset (PyprepAnnotationPanel *self)
{
  self->filled = FALSE;
  g_hash_table_remove_all (self->drafts);
  gtk_string_list_splice (self->ids, 0, g_list_model_get_n_items (G_LIST_MODEL (self->ids)), NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill (self);
  else
    update_visibility (self);
}

static guint
find_position (PyprepAnnotationPanel *self,
               const char            *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->ids));

  for (guint i = 0; i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (self->ids, i), id))
      return i;
  return G_MAXUINT;
}

/* Whether @a lists before @b: newer first, as the store orders them. */
static gboolean
lists_before (const PyprepAnnotation *a,
              const PyprepAnnotation *b)
{
  if (a->created != b->created)
    return a->created > b->created;
  return g_strcmp0 (a->id, b->id) < 0;
}

/* Where @annotation goes in the list, found by halving. */
static guint
insert_position (PyprepAnnotationPanel  *self,
                 const PyprepAnnotation *annotation)
{
  guint low = 0;
  guint high = g_list_model_get_n_items (G_LIST_MODEL (self->ids));

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(PyprepAnnotation) other = pyprep_store_dup_annotation (self->store,
                                                                       gtk_string_list_get_string (self->ids, middle));

      if (other != NULL && lists_before (other, annotation))
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* An annotation edited keeps its item: the row showing it, if one does,
 * shows it anew, keeping the focus a replaced item's row would lose. */
static void
refresh_row (PyprepAnnotationPanel  *self,
             const PyprepAnnotation *annotation)
{
  GHashTableIter iter;
  gpointer row, item;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &row, &item))
    {
      const PyprepAnnotation *shown = pyprep_annotation_row_get_annotation (row);

      if (shown != NULL && g_str_equal (shown->id, annotation->id))
        {
          pyprep_annotation_row_set_annotation (row, annotation);
          pyprep_annotation_row_name_item (row, item);
          set_missing (self, row);
        }
    }
}

/* One annotation changed: its item is inserted or removed, or its row
 * refreshed. */
static void
update_one (PyprepAnnotationPanel *self,
            const char            *id)
{
  g_autoptr(PyprepAnnotation) annotation = pyprep_store_dup_annotation (self->store, id);
  const char * const one[] = { id, NULL };
  guint position = find_position (self, id);
  gboolean listed = annotation != NULL && !annotation->card_only && self->entry != NULL
                    && g_strcmp0 (annotation->entry_id, pyprep_entry_get_id (self->entry)) == 0;

  if (listed && position != G_MAXUINT)
    refresh_row (self, annotation);
  else if (listed)
    gtk_string_list_splice (self->ids, insert_position (self, annotation), 0, one);
  else if (position != G_MAXUINT)
    gtk_string_list_splice (self->ids, position, 1, NULL);
  update_visibility (self);
}

static void
store_changed_cb (PyprepAnnotationPanel *self,
                  const char            *what,
                  const char            *id)
{
  if (!self->filled)
    return;
  if (g_strcmp0 (what, "annotation") == 0 && id != NULL)
    update_one (self, id);
  else
    reset (self);
}

/* Deleting ---------------------------------------------------------------- */

static void
delete_annotation (PyprepAnnotationPanel *self,
                   const char            *id,
                   gboolean               keep_card)
{
  g_autoptr(PyprepAnnotation) removed = NULL;

  removed = keep_card ? pyprep_store_remove_annotation_keep_card (self->store, id)
                      : pyprep_store_remove_annotation (self->store, id);
  if (removed != NULL)
    g_signal_emit (self, signals[DELETED], 0, removed);
}

static void
delete_card_response_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(PyprepAnnotationPanel) self = user_data;
  const char *response = adw_alert_dialog_choose_finish (ADW_ALERT_DIALOG (object), result);
  const char *id = g_object_get_data (object, "annotation-id");

  if (self->store == NULL || g_str_equal (response, "cancel"))
    return;
  delete_annotation (self, id, g_str_equal (response, "keep"));
}

/* An annotation that is a card asks whether its card goes too. */
static void
row_delete_requested_cb (PyprepAnnotationPanel *self,
                         PyprepAnnotationRow   *row)
{
  const PyprepAnnotation *annotation = pyprep_annotation_row_get_annotation (row);
  AdwDialog *dialog;

  if (annotation == NULL || self->store == NULL)
    return;
  if (!annotation->has_card)
    {
      delete_annotation (self, annotation->id, FALSE);
      return;
    }

  dialog = adw_alert_dialog_new (_("Delete Annotation?"),
                                 _("This annotation is also a recall card. Keep the card for review, "
                                   "with its own text, or delete it with the annotation?"));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "delete", _("_Delete Card"),
                                  "keep", _("_Keep Card"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "keep", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "keep");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "annotation-id", g_strdup (annotation->id), g_free);
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), GTK_WIDGET (self), NULL,
                           delete_card_response_cb, g_object_ref (self));
}

/* The list's rows ----------------------------------------------------------- */

static void
setup_row_cb (PyprepAnnotationPanel    *self,
              GtkListItem              *item,
              GtkSignalListItemFactory *factory)
{
  GtkWidget *row = pyprep_annotation_row_new (self->store, NULL);

  g_signal_connect_object (row, "delete-requested", G_CALLBACK (row_delete_requested_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (PyprepAnnotationPanel    *self,
             GtkListItem              *item,
             GtkSignalListItemFactory *factory)
{
  PyprepAnnotationRow *row = PYPREP_ANNOTATION_ROW (gtk_list_item_get_child (item));
  const char *id = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_autoptr(PyprepAnnotation) annotation = pyprep_store_dup_annotation (self->store, id);
  const char *draft;

  if (annotation == NULL)
    return;
  pyprep_annotation_row_set_annotation (row, annotation);
  pyprep_annotation_row_name_item (row, item);
  set_missing (self, row);
  draft = g_hash_table_lookup (self->drafts, id);
  if (draft != NULL)
    {
      pyprep_annotation_row_edit_draft (row, draft);
      g_hash_table_remove (self->drafts, id);
    }
  g_hash_table_insert (self->rows, row, item);
}

static void
unbind_row_cb (PyprepAnnotationPanel    *self,
               GtkListItem              *item,
               GtkSignalListItemFactory *factory)
{
  PyprepAnnotationRow *row = PYPREP_ANNOTATION_ROW (gtk_list_item_get_child (item));
  const PyprepAnnotation *annotation = pyprep_annotation_row_get_annotation (row);
  char *draft = pyprep_annotation_row_dup_draft (row);

  if (draft != NULL && annotation != NULL)
    g_hash_table_insert (self->drafts, g_strdup (annotation->id), draft);
  else
    g_free (draft);
  g_hash_table_remove (self->rows, row);
}

static void
teardown_row_cb (PyprepAnnotationPanel    *self,
                 GtkListItem              *item,
                 GtkSignalListItemFactory *factory)
{
  g_hash_table_remove (self->rows, gtk_list_item_get_child (item));
}

/* The composer ---------------------------------------------------------------- */

static void
close_composer (PyprepAnnotationPanel *self)
{
  gtk_revealer_set_reveal_child (self->composer, FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->composer_view), "", -1);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->suffix, g_free);
  update_visibility (self);
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

/* The panel ------------------------------------------------------------------- */

/* Shown for the first time since the entry changed: the list is read. */
static void
pyprep_annotation_panel_map (GtkWidget *widget)
{
  PyprepAnnotationPanel *self = PYPREP_ANNOTATION_PANEL (widget);

  if (!self->filled)
    fill (self);
  GTK_WIDGET_CLASS (pyprep_annotation_panel_parent_class)->map (widget);
}

static void
pyprep_annotation_panel_dispose (GObject *object)
{
  PyprepAnnotationPanel *self = PYPREP_ANNOTATION_PANEL (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_ANNOTATION_PANEL);
  g_clear_object (&self->ids);
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
  g_hash_table_unref (self->rows);
  g_hash_table_unref (self->drafts);

  G_OBJECT_CLASS (pyprep_annotation_panel_parent_class)->finalize (object);
}

static void
pyprep_annotation_panel_class_init (PyprepAnnotationPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_annotation_panel_dispose;
  object_class->finalize = pyprep_annotation_panel_finalize;
  widget_class->map = pyprep_annotation_panel_map;

  /**
   * PyprepAnnotationPanel::deleted:
   * @annotation: the annotation the user deleted, as it was, to offer undo
   *
   * Its card, when it was one, may have been kept
   * (#PyprepAnnotation.card_only in the store).
   */
  signals[DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PYPREP_TYPE_ANNOTATION);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/Pyprep/ui/pyprep-annotation-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationPanel, composer);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationPanel, composer_quote);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationPanel, composer_view);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, PyprepAnnotationPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, composer_cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, composer_save_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, teardown_row_cb);
}

static void
pyprep_annotation_panel_init (PyprepAnnotationPanel *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->rows = g_hash_table_new (NULL, NULL);
  self->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->ids = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->ids)))));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (composer_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->composer_view), keys);
  update_visibility (self);
}

/**
 * pyprep_annotation_panel_set_store:
 * @store: (nullable): the user data, set once
 */
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
  reset (self);
}

/**
 * pyprep_annotation_panel_set_entry:
 * @entry: (nullable): the entry whose annotations to list
 *
 * The list is read when the panel is shown, at once if it is.
 */
void
pyprep_annotation_panel_set_entry (PyprepAnnotationPanel *self,
                                   PyprepEntry           *entry)
{
  g_return_if_fail (PYPREP_IS_ANNOTATION_PANEL (self));

  if (!g_set_object (&self->entry, entry))
    return;

  /* A note half written for another entry would be saved to the wrong one. */
  g_clear_pointer (&self->found, g_strfreev);
  close_composer (self);
  reset (self);
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

/**
 * pyprep_annotation_panel_make_card:
 *
 * Asks how to make the annotation whose row has the keyboard focus a
 * recall card (see pyprep_annotation_row_make_card()).
 *
 * Returns: %FALSE when no row has the focus
 */
gboolean
pyprep_annotation_panel_make_card (PyprepAnnotationPanel *self)
{
  GtkRoot *root;
  GtkWidget *focus;
  GtkWidget *row = NULL;

  g_return_val_if_fail (PYPREP_IS_ANNOTATION_PANEL (self), FALSE);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list)))
    return FALSE;
  /* The focus is in a row, or on the list's item holding one. */
  row = gtk_widget_get_ancestor (focus, PYPREP_TYPE_ANNOTATION_ROW);
  if (row == NULL && PYPREP_IS_ANNOTATION_ROW (gtk_widget_get_first_child (focus)))
    row = gtk_widget_get_first_child (focus);
  if (row == NULL)
    return FALSE;
  pyprep_annotation_row_make_card (PYPREP_ANNOTATION_ROW (row));
  return TRUE;
}
