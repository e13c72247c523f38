/* pyprep-window.c: the main window: topic sidebar and reader.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-window-private.h"

struct _PyprepWindow
{
  AdwApplicationWindow parent_instance;

  /* template children */
  AdwNavigationSplitView *split_view;
  AdwNavigationPage *content_page;
  GtkStack *sidebar_stack;
  GtkStack *content_stack;
  GtkListView *entry_list;
  AdwStatusPage *sidebar_status;
  PyprepReader *reader;

  /* owned */
  GSettings *settings;
  GtkSingleSelection *selection;

  /* borrowed */
  PyprepLibrary *library;

  /* state */
  gboolean syncing_selection;
};

G_DEFINE_FINAL_TYPE (PyprepWindow, pyprep_window, ADW_TYPE_APPLICATION_WINDOW)

static gpointer
deck_topics_cb (gpointer item,
                gpointer user_data)
{
  g_autoptr(PyprepDeck) deck = item;

  return g_object_ref (pyprep_deck_get_topics (deck));
}

static gpointer
topic_entries_cb (gpointer item,
                  gpointer user_data)
{
  g_autoptr(PyprepTopic) topic = item;

  return g_object_ref (pyprep_topic_get_entries (topic));
}

/* The sidebar shows every entry of every deck, one section per topic. */
static GListModel *
create_entries_model (PyprepLibrary *library)
{
  GListModel *decks = g_object_ref (pyprep_library_get_decks (library));
  GtkMapListModel *topics_per_deck = gtk_map_list_model_new (decks, deck_topics_cb, NULL, NULL);
  GtkFlattenListModel *topics = gtk_flatten_list_model_new (G_LIST_MODEL (topics_per_deck));
  GtkMapListModel *entries_per_topic = gtk_map_list_model_new (G_LIST_MODEL (topics),
                                                               topic_entries_cb, NULL, NULL);

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (entries_per_topic)));
}

static void
update_sidebar_state (PyprepWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "entries");
      gtk_stack_set_visible_child_name (self->content_stack, "reader");
    }
  else if (pyprep_library_get_loading (self->library))
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "loading");
      gtk_stack_set_visible_child_name (self->content_stack, "loading");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "empty");
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }
}

static void
select_entry_in_sidebar (PyprepWindow *self,
                         PyprepEntry  *entry)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PyprepEntry) item = g_list_model_get_item (model, i);

      if (item == entry)
        {
          self->syncing_selection = TRUE;
          gtk_single_selection_set_selected (self->selection, i);
          self->syncing_selection = FALSE;
          gtk_list_view_scroll_to (self->entry_list, i, GTK_LIST_SCROLL_NONE, NULL);
          return;
        }
    }
}

static void
entries_changed_cb (PyprepWindow *self)
{
  update_sidebar_state (self);

  /* The first entry shows as soon as there is one. */
  if (pyprep_reader_get_entry (self->reader) == NULL)
    {
      PyprepEntry *first = pyprep_library_get_first_entry (self->library);

      if (first != NULL)
        pyprep_window_show_entry (self, first);
    }
}

static void
selection_changed_cb (PyprepWindow *self)
{
  PyprepEntry *entry = gtk_single_selection_get_selected_item (self->selection);

  if (entry == NULL || self->syncing_selection)
    return;

  pyprep_reader_show_entry (self->reader, entry);
  /* On a narrow window the sidebar covers the reader; choosing an entry
   * moves on to it. */
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
list_activate_cb (PyprepWindow *self,
                  guint         position)
{
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
reader_entry_changed_cb (PyprepWindow *self)
{
  PyprepEntry *entry = pyprep_reader_get_entry (self->reader);

  if (entry == NULL)
    return;

  adw_navigation_page_set_title (self->content_page, pyprep_entry_get_title (entry));
  select_entry_in_sidebar (self, entry);
}

static void
load_window_state (PyprepWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
close_request_cb (PyprepWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);

  return FALSE;
}

/* Called once the window knows its application, which holds the library. */
static void
setup_library (PyprepWindow  *self,
               PyprepLibrary *library)
{
  GListModel *entries;

  self->library = library;
  pyprep_reader_set_library (self->reader, self->library);

  entries = create_entries_model (self->library);
  self->selection = gtk_single_selection_new (entries);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->entry_list, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (entries_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "notify::loading",
                           G_CALLBACK (update_sidebar_state), self, G_CONNECT_SWAPPED);

  entries_changed_cb (self);
}

static void
pyprep_window_dispose (GObject *object)
{
  PyprepWindow *self = PYPREP_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pyprep_window_parent_class)->dispose (object);
}

static void
pyprep_window_class_init (PyprepWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_window_dispose;

  g_type_ensure (PYPREP_TYPE_READER);
  g_type_ensure (PYPREP_TYPE_ENTRY);
  g_type_ensure (PYPREP_TYPE_TOPIC);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/Pyprep/ui/pyprep-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, entry_list);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, sidebar_status);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, reader);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, reader_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
}

static void
pyprep_window_init (PyprepWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new ("io.github.pyprep.Pyprep");
  load_window_state (self);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

PyprepWindow *
pyprep_window_new (PyprepApplication *application)
{
  PyprepWindow *self;

  g_return_val_if_fail (PYPREP_IS_APPLICATION (application), NULL);

  self = g_object_new (PYPREP_TYPE_WINDOW, "application", application, NULL);
  setup_library (self, pyprep_application_get_library (application));

  return self;
}

/**
 * pyprep_window_set_load_error:
 * @error: (nullable): why the deck could not be opened
 *
 * Shows why there is nothing to read, when there is nothing.
 */
void
pyprep_window_set_load_error (PyprepWindow *self,
                              const GError *error)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));

  adw_status_page_set_description (self->sidebar_status, error != NULL ? error->message : NULL);
  update_sidebar_state (self);
}

/**
 * pyprep_window_show_entry:
 * @entry: the entry to read
 *
 * Shows @entry in the reader and selects it in the sidebar.
 */
void
pyprep_window_show_entry (PyprepWindow *self,
                          PyprepEntry  *entry)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));
  g_return_if_fail (PYPREP_IS_ENTRY (entry));

  pyprep_reader_show_entry (self->reader, entry);
}

PyprepReader *
pyprep_window_get_reader (PyprepWindow *self)
{
  g_return_val_if_fail (PYPREP_IS_WINDOW (self), NULL);
  return self->reader;
}

GtkListView *
pyprep_window_get_entry_list (PyprepWindow *self)
{
  g_return_val_if_fail (PYPREP_IS_WINDOW (self), NULL);
  return self->entry_list;
}

GtkSingleSelection *
pyprep_window_get_selection (PyprepWindow *self)
{
  g_return_val_if_fail (PYPREP_IS_WINDOW (self), NULL);
  return self->selection;
}

AdwNavigationSplitView *
pyprep_window_get_split_view (PyprepWindow *self)
{
  g_return_val_if_fail (PYPREP_IS_WINDOW (self), NULL);
  return self->split_view;
}
