/* pyprep-reader-page.c: the reader's side of the window: the page, its find bar, bookmark and annotations.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page keeps what the reader shows and the user's data in step: the
 * entry read last and how far, what was read, the bookmark button, the
 * annotations panel and the passages the page marks.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-annotation-panel.h"
#include "pyprep-reader-page.h"

struct _PyprepReaderPage
{
  AdwNavigationPage parent_instance;

  /* template children */
  GtkWidget *history_buttons;
  GtkWidget *history_bar;
  GtkWidget *quiz_entry_button;
  GtkToggleButton *bookmark_button;
  PyprepFindBar *find_bar;
  AdwBanner *answer_banner;
  AdwBanner *predict_banner;
  AdwOverlaySplitView *annotation_split;
  PyprepAnnotationPanel *annotation_panel;
  GtkStack *content_stack;
  PyprepReader *reader;

  /* owned */
  PyprepLibrary *library;
  PyprepStore *store;

  /* state: a passage asked for, which may be the quote of a card kept
   * of a deleted annotation, and the entry it is on */
  char *revealed;
  char *revealed_entry_id;
};

G_DEFINE_FINAL_TYPE (PyprepReaderPage, pyprep_reader_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_STORE,
  PROP_READER,
  PROP_BOOKMARKED,
  PROP_SHOW_ANNOTATIONS,
  PROP_COLLAPSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The reader while there is something to read; otherwise why not. */
static void
update_content (PyprepReaderPage *self)
{
  if (self->library == NULL)
    return;
  if (pyprep_library_get_first_entry (self->library) != NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "reader");
  else if (pyprep_library_get_loading (self->library))
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

static void
update_passages (PyprepReaderPage *self)
{
  PyprepEntry *entry = pyprep_reader_get_entry (self->reader);
  g_autoptr(GPtrArray) annotations = NULL;

  if (entry == NULL || self->store == NULL)
    return;
  annotations = pyprep_store_dup_annotations (self->store, pyprep_entry_get_id (entry));
  /* A card kept of a deleted annotation still has its passage to show. */
  if (self->revealed != NULL && g_strcmp0 (self->revealed_entry_id, pyprep_entry_get_id (entry)) == 0)
    {
      PyprepAnnotation *kept = pyprep_store_dup_annotation (self->store, self->revealed);

      if (kept != NULL && kept->card_only)
        g_ptr_array_add (annotations, kept);
      else
        pyprep_annotation_free (kept);
    }
  pyprep_reader_set_passages (self->reader, annotations);
}

/* A question the notes leave unanswered asks for the user's answer, until
 * an annotation gives one (the review takes it as the card's back). */
static void
update_answer_banner (PyprepReaderPage *self)
{
  PyprepEntry *entry = pyprep_reader_get_entry (self->reader);

  adw_banner_set_revealed (self->answer_banner,
                           entry != NULL && self->store != NULL
                           && pyprep_entry_is_unanswered (entry)
                           && pyprep_store_count_annotations (self->store, pyprep_entry_get_id (entry)) == 0);
}

/* An entry with predict questions offers them: the page shows the
 * programs but not what they print. */
static void
update_predict_banner (PyprepReaderPage *self)
{
  PyprepEntry *entry = pyprep_reader_get_entry (self->reader);

  adw_banner_set_revealed (self->predict_banner, entry != NULL && pyprep_entry_get_n_predicts (entry) > 0);
}

static void
annotations_changed_cb (PyprepReaderPage *self)
{
  update_passages (self);
  update_answer_banner (self);
}

static void
update_bookmark (PyprepReaderPage *self)
{
  gboolean bookmarked = pyprep_reader_page_get_bookmarked (self);

  gtk_button_set_icon_name (GTK_BUTTON (self->bookmark_button),
                            bookmarked ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->bookmark_button),
                               bookmarked ? _("Remove Bookmark (Ctrl+D)") : _("Bookmark (Ctrl+D)"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOKMARKED]);
}

static void
store_imported_cb (PyprepReaderPage *self)
{
  annotations_changed_cb (self);
  update_bookmark (self);
}

/* The header's title: the question, or on a narrow window, where the
 * header has room for a few words only, its topic; the page's own heading
 * shows the whole question just below. */
static void
update_title (PyprepReaderPage *self)
{
  PyprepEntry *entry = pyprep_reader_get_entry (self->reader);
  PyprepTopic *topic;

  if (entry == NULL)
    return;
  topic = pyprep_entry_get_topic (entry);
  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self),
                                 pyprep_reader_page_get_collapsed (self) && topic != NULL
                                 ? pyprep_topic_get_title (topic) : pyprep_entry_get_title (entry));
}

static void
entry_changed_cb (PyprepReaderPage *self)
{
  PyprepEntry *entry = pyprep_reader_get_entry (self->reader);

  if (entry == NULL)
    return;

  update_title (self);
  if (g_strcmp0 (self->revealed_entry_id, pyprep_entry_get_id (entry)) != 0)
    {
      g_clear_pointer (&self->revealed, g_free);
      g_clear_pointer (&self->revealed_entry_id, g_free);
    }
  update_predict_banner (self);
  if (self->store != NULL && !pyprep_store_get_read_only (self->store))
    {
      const char *id = pyprep_entry_get_id (entry);

      /* Reopening the app brings the reader back here. */
      if (g_strcmp0 (pyprep_store_get_last_entry (self->store), id) != 0)
        pyprep_store_set_last_entry (self->store, id, pyprep_store_get_scroll (self->store, id));
      pyprep_store_mark_read (self->store, id);
    }
  pyprep_annotation_panel_set_entry (self->annotation_panel, entry);
  annotations_changed_cb (self);
  update_bookmark (self);
}

static void
scrolled_cb (PyprepReaderPage *self,
             double            fraction)
{
  PyprepEntry *entry = pyprep_reader_get_entry (self->reader);

  if (entry != NULL && self->store != NULL && !pyprep_store_get_read_only (self->store))
    pyprep_store_set_last_entry (self->store, pyprep_entry_get_id (entry), fraction);
}

static void
passages_marked_cb (PyprepReaderPage   *self,
                    const char * const *found)
{
  pyprep_annotation_panel_set_found (self->annotation_panel, found);
}

static void
show_sidebar_changed_cb (PyprepReaderPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ANNOTATIONS]);
}

/* Undo of a deleted annotation, in the window's toasts. */
static void
undo_delete_cb (AdwToast         *toast,
                PyprepReaderPage *self)
{
  PyprepAnnotation *annotation = g_object_get_data (G_OBJECT (toast), "annotation");

  pyprep_store_restore_annotation (self->store, annotation);
}

static void
annotation_deleted_cb (PyprepReaderPage *self,
                       PyprepAnnotation *annotation)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;
  g_autoptr(PyprepAnnotation) left = NULL;

  if (overlay == NULL)
    return;
  /* A card kept stays in the store without its annotation. */
  left = pyprep_store_dup_annotation (self->store, annotation->id);
  toast = adw_toast_new (left != NULL && left->card_only ? _("Annotation deleted, its card kept")
                                                         : _("Annotation deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "annotation", pyprep_annotation_copy (annotation),
                          (GDestroyNotify) pyprep_annotation_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
new_annotation_selection_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(PyprepReaderPage) self = user_data;
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  /* Without a selection (or if the page cannot say), the note quotes nothing. */
  if (!pyprep_reader_get_selection_finish (PYPREP_READER (object), result, &quote, &prefix, &suffix, NULL))
    g_clear_pointer (&quote, g_free);

  adw_overlay_split_view_set_show_sidebar (self->annotation_split, TRUE);
  pyprep_annotation_panel_compose (self->annotation_panel, quote,
                                   quote != NULL ? prefix : NULL, quote != NULL ? suffix : NULL);
}

static void
pyprep_reader_page_dispose (GObject *object)
{
  PyprepReaderPage *self = PYPREP_READER_PAGE (object);

  pyprep_reader_page_set_library (self, NULL);
  pyprep_reader_page_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_READER_PAGE);

  G_OBJECT_CLASS (pyprep_reader_page_parent_class)->dispose (object);
}

static void
pyprep_reader_page_finalize (GObject *object)
{
  PyprepReaderPage *self = PYPREP_READER_PAGE (object);

  g_free (self->revealed);
  g_free (self->revealed_entry_id);

  G_OBJECT_CLASS (pyprep_reader_page_parent_class)->finalize (object);
}

static void
pyprep_reader_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PyprepReaderPage *self = PYPREP_READER_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_READER:
      g_value_set_object (value, self->reader);
      break;
    case PROP_BOOKMARKED:
      g_value_set_boolean (value, pyprep_reader_page_get_bookmarked (self));
      break;
    case PROP_SHOW_ANNOTATIONS:
      g_value_set_boolean (value, pyprep_reader_page_get_show_annotations (self));
      break;
    case PROP_COLLAPSED:
      g_value_set_boolean (value, pyprep_reader_page_get_collapsed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_reader_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PyprepReaderPage *self = PYPREP_READER_PAGE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      pyprep_reader_page_set_library (self, g_value_get_object (value));
      break;
    case PROP_STORE:
      pyprep_reader_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_BOOKMARKED:
      pyprep_reader_page_set_bookmarked (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_ANNOTATIONS:
      pyprep_reader_page_set_show_annotations (self, g_value_get_boolean (value));
      break;
    case PROP_COLLAPSED:
      pyprep_reader_page_set_collapsed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_reader_page_class_init (PyprepReaderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_reader_page_dispose;
  object_class->finalize = pyprep_reader_page_finalize;
  object_class->get_property = pyprep_reader_page_get_property;
  object_class->set_property = pyprep_reader_page_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PYPREP_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PYPREP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_READER] =
    g_param_spec_object ("reader", NULL, NULL, PYPREP_TYPE_READER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PyprepReaderPage:bookmarked:
   *
   * Whether the entry shown is bookmarked; setting it bookmarks it.
   */
  properties[PROP_BOOKMARKED] =
    g_param_spec_boolean ("bookmarked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_ANNOTATIONS] =
    g_param_spec_boolean ("show-annotations", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PyprepReaderPage:collapsed:
   *
   * Whether the page is narrow: the annotations then cover the reader,
   * and back and forward move from the header to a bar at the bottom.
   */
  properties[PROP_COLLAPSED] =
    g_param_spec_boolean ("collapsed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PYPREP_TYPE_READER);
  g_type_ensure (PYPREP_TYPE_FIND_BAR);
  g_type_ensure (PYPREP_TYPE_ANNOTATION_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pyprep/Pyprep/ui/pyprep-reader-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepReaderPage, history_buttons);
  gtk_widget_class_bind_template_child (widget_class, PyprepReaderPage, history_bar);
  gtk_widget_class_bind_template_child (widget_class, PyprepReaderPage, quiz_entry_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepReaderPage, bookmark_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepReaderPage, find_bar);
  gtk_widget_class_bind_template_child (widget_class, PyprepReaderPage, answer_banner);
  gtk_widget_class_bind_template_child (widget_class, PyprepReaderPage, predict_banner);
  gtk_widget_class_bind_template_child (widget_class, PyprepReaderPage, annotation_split);
  gtk_widget_class_bind_template_child (widget_class, PyprepReaderPage, annotation_panel);
  gtk_widget_class_bind_template_child (widget_class, PyprepReaderPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepReaderPage, reader);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scrolled_cb);
  gtk_widget_class_bind_template_callback (widget_class, passages_marked_cb);
  gtk_widget_class_bind_template_callback (widget_class, annotation_deleted_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_sidebar_changed_cb);
}

static void
pyprep_reader_page_init (PyprepReaderPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pyprep_reader_page_get_library:
 *
 * Returns: (transfer none) (nullable): the open decks
 */
PyprepLibrary *
pyprep_reader_page_get_library (PyprepReaderPage *self)
{
  g_return_val_if_fail (PYPREP_IS_READER_PAGE (self), NULL);
  return self->library;
}

void
pyprep_reader_page_set_library (PyprepReaderPage *self,
                                PyprepLibrary    *library)
{
  g_return_if_fail (PYPREP_IS_READER_PAGE (self));
  g_return_if_fail (library == NULL || PYPREP_IS_LIBRARY (library));

  if (self->library == library)
    return;
  if (self->library != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->library, self);
      g_signal_handlers_disconnect_by_data (pyprep_library_get_decks (self->library), self);
    }
  g_set_object (&self->library, library);
  if (library != NULL)
    {
      g_signal_connect_swapped (library, "notify::loading", G_CALLBACK (update_content), self);
      g_signal_connect_swapped (pyprep_library_get_decks (library), "items-changed",
                                G_CALLBACK (update_content), self);
      pyprep_reader_set_library (self->reader, library);
      update_content (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/**
 * pyprep_reader_page_get_store:
 *
 * Returns: (transfer none) (nullable): the user's data
 */
PyprepStore *
pyprep_reader_page_get_store (PyprepReaderPage *self)
{
  g_return_val_if_fail (PYPREP_IS_READER_PAGE (self), NULL);
  return self->store;
}

void
pyprep_reader_page_set_store (PyprepReaderPage *self,
                              PyprepStore      *store)
{
  g_return_if_fail (PYPREP_IS_READER_PAGE (self));
  g_return_if_fail (store == NULL || PYPREP_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_swapped (store, "changed::bookmark", G_CALLBACK (update_bookmark), self);
      g_signal_connect_swapped (store, "changed::annotation", G_CALLBACK (annotations_changed_cb), self);
      g_signal_connect_swapped (store, "changed::import", G_CALLBACK (store_imported_cb), self);
      pyprep_annotation_panel_set_store (self->annotation_panel, store);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * pyprep_reader_page_get_reader:
 *
 * Returns: (transfer none): the reader
 */
PyprepReader *
pyprep_reader_page_get_reader (PyprepReaderPage *self)
{
  g_return_val_if_fail (PYPREP_IS_READER_PAGE (self), NULL);
  return self->reader;
}

/**
 * pyprep_reader_page_get_find_bar:
 *
 * Returns: (transfer none): the bar that finds in the entry shown
 */
PyprepFindBar *
pyprep_reader_page_get_find_bar (PyprepReaderPage *self)
{
  g_return_val_if_fail (PYPREP_IS_READER_PAGE (self), NULL);
  return self->find_bar;
}

gboolean
pyprep_reader_page_get_bookmarked (PyprepReaderPage *self)
{
  PyprepEntry *entry;

  g_return_val_if_fail (PYPREP_IS_READER_PAGE (self), FALSE);

  entry = pyprep_reader_get_entry (self->reader);
  return entry != NULL && self->store != NULL
         && pyprep_store_get_bookmarked (self->store, pyprep_entry_get_id (entry));
}

void
pyprep_reader_page_set_bookmarked (PyprepReaderPage *self,
                                   gboolean          bookmarked)
{
  PyprepEntry *entry;

  g_return_if_fail (PYPREP_IS_READER_PAGE (self));

  entry = pyprep_reader_get_entry (self->reader);
  if (entry == NULL || self->store == NULL || pyprep_store_get_read_only (self->store))
    return;

  /* The store's changed::bookmark updates the button and the sidebar. */
  pyprep_store_set_bookmarked (self->store, pyprep_entry_get_id (entry), bookmarked);
}

gboolean
pyprep_reader_page_get_show_annotations (PyprepReaderPage *self)
{
  g_return_val_if_fail (PYPREP_IS_READER_PAGE (self), FALSE);
  return adw_overlay_split_view_get_show_sidebar (self->annotation_split);
}

void
pyprep_reader_page_set_show_annotations (PyprepReaderPage *self,
                                         gboolean          show)
{
  g_return_if_fail (PYPREP_IS_READER_PAGE (self));

  /* The split view's notify::show-sidebar tells. */
  adw_overlay_split_view_set_show_sidebar (self->annotation_split, show);
}

gboolean
pyprep_reader_page_get_collapsed (PyprepReaderPage *self)
{
  g_return_val_if_fail (PYPREP_IS_READER_PAGE (self), FALSE);
  return adw_overlay_split_view_get_collapsed (self->annotation_split);
}

void
pyprep_reader_page_set_collapsed (PyprepReaderPage *self,
                                  gboolean          collapsed)
{
  g_return_if_fail (PYPREP_IS_READER_PAGE (self));

  if (collapsed == pyprep_reader_page_get_collapsed (self))
    return;
  adw_overlay_split_view_set_collapsed (self->annotation_split, collapsed);
  gtk_widget_set_visible (self->history_buttons, !collapsed);
  gtk_widget_set_visible (self->history_bar, collapsed);
  gtk_widget_set_visible (self->quiz_entry_button, !collapsed);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLAPSED]);
}

/**
 * pyprep_reader_page_new_annotation:
 *
 * Opens the annotations with a new one to write, quoting the passage
 * selected in the page if there is one.
 */
void
pyprep_reader_page_new_annotation (PyprepReaderPage *self)
{
  g_return_if_fail (PYPREP_IS_READER_PAGE (self));

  if (pyprep_reader_get_entry (self->reader) == NULL || self->store == NULL
      || pyprep_store_get_read_only (self->store))
    return;

  pyprep_reader_get_selection_async (self->reader, NULL, new_annotation_selection_cb, g_object_ref (self));
}

/**
 * pyprep_reader_page_make_card:
 *
 * Asks how to make the annotation whose row has the keyboard focus a
 * recall card.
 *
 * Returns: %FALSE when no annotation's row has the focus
 */
gboolean
pyprep_reader_page_make_card (PyprepReaderPage *self)
{
  g_return_val_if_fail (PYPREP_IS_READER_PAGE (self), FALSE);

  return pyprep_annotation_panel_make_card (self->annotation_panel);
}

/**
 * pyprep_reader_page_keep_passage:
 * @entry_id: the full ID of the entry @passage is on
 * @passage: a passage about to be shown (pyprep_reader_show_passage())
 *
 * When @passage is the ID of a card kept of a deleted annotation, its
 * quote is marked on @entry_id's page too, until another entry is shown,
 * so that the card's passage can be shown after a miss.
 */
void
pyprep_reader_page_keep_passage (PyprepReaderPage *self,
                                 const char       *entry_id,
                                 const char       *passage)
{
  g_return_if_fail (PYPREP_IS_READER_PAGE (self));
  g_return_if_fail (entry_id != NULL && passage != NULL);

  g_free (self->revealed);
  g_free (self->revealed_entry_id);
  self->revealed = g_strdup (passage);
  self->revealed_entry_id = g_strdup (entry_id);
  update_passages (self);
}
