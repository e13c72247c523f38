/* pyprep-sidebar-list.c: the sidebar's list: every entry by topic, filtered, sorted, and the selection.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-chunked-model.h"
#include "pyprep-entry-row.h"
#include "pyprep-sidebar-private.h"
#include "pyprep-topic-header.h"

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

/* Every entry of every deck, one section per topic. */
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

static gboolean
filter_entry_cb (gpointer item,
                 gpointer user_data)
{
  PyprepSidebar *self = user_data;
  const char *id = pyprep_entry_get_id (PYPREP_ENTRY (item));

  switch (self->filter_mode)
    {
    case FILTER_BOOKMARKED:
      return pyprep_store_get_bookmarked (self->store, id);
    case FILTER_ANNOTATED:
      return pyprep_store_count_annotations (self->store, id) > 0;
    case FILTER_UNANSWERED:
      return pyprep_entry_is_unanswered (PYPREP_ENTRY (item));
    case FILTER_ALL:
    default:
      return TRUE;
    }
}

static int
sort_entry_cb (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  PyprepSidebar *self = user_data;
  gint64 x, y;

  /* Only bookmarks are sorted, newest first; otherwise deck order stays. */
  if (self->filter_mode != FILTER_BOOKMARKED)
    return GTK_ORDERING_EQUAL;

  x = pyprep_store_get_bookmark_time (self->store, pyprep_entry_get_id (PYPREP_ENTRY ((gpointer) a)));
  y = pyprep_store_get_bookmark_time (self->store, pyprep_entry_get_id (PYPREP_ENTRY ((gpointer) b)));
  return x > y ? GTK_ORDERING_SMALLER : x < y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* A list view places rows it has not measured yet by an estimate, so a
 * scroll to a row far down (at start, or after the model refilled) can
 * stop short of it. Scrolling again for a few frames, once the rows near
 * it are laid out, brings it fully into view. */
#define SCROLL_FRAMES 4

static gboolean
scroll_to_selected_tick (GtkWidget     *widget,
                         GdkFrameClock *clock,
                         gpointer       data)
{
  PyprepSidebar *self = PYPREP_SIDEBAR (data);
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_list_view_scroll_to (self->entry_list, position, GTK_LIST_SCROLL_NONE, NULL);
  if (--self->scroll_frames > 0)
    return G_SOURCE_CONTINUE;
  self->scroll_source = 0;
  return G_SOURCE_REMOVE;
}

/* Selects the entry the reader shows, without telling anyone. */
void
_pyprep_sidebar_sync_selection (PyprepSidebar *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  self->syncing_selection = TRUE;
  for (guint i = 0; self->shown != NULL && i < n; i++)
    {
      g_autoptr(PyprepEntry) item = g_list_model_get_item (model, i);

      if (item == self->shown)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_list_view_scroll_to (self->entry_list, i, GTK_LIST_SCROLL_NONE, NULL);
          self->scroll_frames = SCROLL_FRAMES;
          if (self->scroll_source == 0)
            self->scroll_source = gtk_widget_add_tick_callback (GTK_WIDGET (self->entry_list),
                                                                scroll_to_selected_tick, self, NULL);
          self->syncing_selection = FALSE;
          return;
        }
    }
  /* Filtered out: nothing in the sidebar is the entry shown. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->syncing_selection = FALSE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PyprepSidebar            *self)
{
  GtkWidget *row = g_object_new (PYPREP_TYPE_ENTRY_ROW, NULL);

  pyprep_entry_row_set_store (PYPREP_ENTRY_ROW (row), self->store);
  gtk_list_item_set_child (item, row);
  /* Screen readers speak the list item, not the row inside it: the item
   * carries the entry's title and its marks in words. */
  g_object_bind_property (row, "marks", item, "accessible-description", G_BINDING_SYNC_CREATE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PyprepSidebar            *self)
{
  PyprepEntry *entry = gtk_list_item_get_item (item);

  pyprep_entry_row_set_entry (PYPREP_ENTRY_ROW (gtk_list_item_get_child (item)), entry);
  gtk_list_item_set_accessible_label (item, pyprep_entry_get_title (entry));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PyprepSidebar            *self)
{
  pyprep_entry_row_set_entry (PYPREP_ENTRY_ROW (gtk_list_item_get_child (item)), NULL);
  gtk_list_item_set_accessible_label (item, NULL);
}

/* Topic headers: the topic of a section's first entry. The first topic
 * listed of a group (a subfolder of the notes) names the group too. */
static gboolean
starts_group (GListModel  *model,
              guint        start,
              PyprepTopic *topic)
{
  g_autoptr(PyprepEntry) before = NULL;
  PyprepTopic *previous;

  if (pyprep_topic_get_group (topic) == NULL || start == GTK_INVALID_LIST_POSITION)
    return FALSE;
  if (start == 0)
    return TRUE;
  before = g_list_model_get_item (model, start - 1);
  previous = before != NULL ? pyprep_entry_get_topic (before) : NULL;
  return previous == NULL || pyprep_topic_get_deck (previous) != pyprep_topic_get_deck (topic)
         || g_strcmp0 (pyprep_topic_get_group (previous), pyprep_topic_get_group (topic)) != 0;
}

static void
update_header_group (GtkListHeader *header,
                     PyprepSidebar *self)
{
  GtkWidget *widget = gtk_list_header_get_child (header);
  PyprepTopicHeader *child;
  PyprepTopic *topic;

  /* The list view lets go of its headers after the sidebar's models. */
  if (widget == NULL || self->selection == NULL)
    return;
  child = PYPREP_TOPIC_HEADER (widget);
  topic = pyprep_topic_header_get_topic (child);
  pyprep_topic_header_set_show_group (child, topic != NULL
                                      && starts_group (G_LIST_MODEL (self->selection),
                                                       gtk_list_header_get_start (header), topic));
}

/* What comes before a section can change while the section stays where
 * it is (another filter, a topic reloaded): every header in view looks
 * again. */
static void
update_header_groups (PyprepSidebar *self)
{
  GHashTableIter iter;
  gpointer header;

  g_hash_table_iter_init (&iter, self->bound_headers);
  while (g_hash_table_iter_next (&iter, &header, NULL))
    update_header_group (header, self);
}

static void
header_start_changed_cb (GtkListHeader *header,
                         GParamSpec    *pspec,
                         PyprepSidebar *self)
{
  update_header_group (header, self);
}

static void
setup_header_cb (GtkSignalListItemFactory *factory,
                 GtkListHeader            *header,
                 PyprepSidebar            *self)
{
  gtk_list_header_set_child (header, g_object_new (PYPREP_TYPE_TOPIC_HEADER, "library", self->library,
                                                   "due-counts", self->due_counts,
                                                   "readiness", self->readiness, NULL));
  /* The list view may keep its headers after the sidebar is gone. */
  g_signal_connect_object (header, "notify::start", G_CALLBACK (header_start_changed_cb), self, 0);
}

static void
bind_header_cb (GtkSignalListItemFactory *factory,
                GtkListHeader            *header,
                PyprepSidebar            *self)
{
  PyprepEntry *entry = gtk_list_header_get_item (header);

  pyprep_topic_header_set_topic (PYPREP_TOPIC_HEADER (gtk_list_header_get_child (header)),
                                 entry != NULL ? pyprep_entry_get_topic (entry) : NULL);
  update_header_group (header, self);
  g_hash_table_add (self->bound_headers, header);
}

static void
unbind_header_cb (GtkSignalListItemFactory *factory,
                  GtkListHeader            *header,
                  PyprepSidebar            *self)
{
  g_hash_table_remove (self->bound_headers, header);
  pyprep_topic_header_set_topic (PYPREP_TOPIC_HEADER (gtk_list_header_get_child (header)), NULL);
}

static void
teardown_header_cb (GtkSignalListItemFactory *factory,
                    GtkListHeader            *header,
                    PyprepSidebar            *self)
{
  g_hash_table_remove (self->bound_headers, header);
  g_signal_handlers_disconnect_by_data (header, self);
}

static GtkListItemFactory *
create_factory (GCallback setup,
                GCallback bind,
                GCallback unbind,
                gpointer  user_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, user_data);
  g_signal_connect (factory, "bind", bind, user_data);
  g_signal_connect (factory, "unbind", unbind, user_data);
  return factory;
}

/* Builds the list's models and rows, once the library and the store are known. */
void
_pyprep_sidebar_list_init (PyprepSidebar *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GListModel *chunked;

  self->all_entries = create_entries_model (self->library);
  self->filter = gtk_custom_filter_new (filter_entry_cb, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_entry_cb, self, NULL);
  /* A folder of thousands of entries joins the list a chunk at a time,
   * between frames (pyprep-chunked-model.c); the neighbours and the
   * unanswered count still see every entry at once, in all_entries.
   * Filtering keeps the topic sections; the sorted model (bookmarks,
   * newest first) is one flat list and is used only for bookmarks. */
  chunked = G_LIST_MODEL (pyprep_chunked_model_new (g_object_ref (self->all_entries)));
  self->filtered = gtk_filter_list_model_new (chunked, GTK_FILTER (g_object_ref (self->filter)));
  /* The sorted model follows the filtered one only while bookmarks are
   * listed: otherwise every change to a large deck would sort it for
   * nothing (the benchmark found that). */
  self->sorted = gtk_sort_list_model_new (NULL, GTK_SORTER (g_object_ref (self->sorter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = create_factory (G_CALLBACK (setup_row_cb), G_CALLBACK (bind_row_cb),
                            G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->entry_list, factory);
  self->bound_headers = g_hash_table_new (NULL, NULL);
  self->header_factory = create_factory (G_CALLBACK (setup_header_cb), G_CALLBACK (bind_header_cb),
                                         G_CALLBACK (unbind_header_cb), self);
  g_signal_connect (self->header_factory, "teardown", G_CALLBACK (teardown_header_cb), self);
  gtk_list_view_set_header_factory (self->entry_list, self->header_factory);
  gtk_list_view_set_model (self->entry_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_header_groups), self);
  /* A filter chosen before the list existed. */
  if (self->filter_mode != FILTER_ALL)
    _pyprep_sidebar_list_set_filter (self, self->filter_mode);
}

void
_pyprep_sidebar_list_dispose (PyprepSidebar *self)
{
  if (self->scroll_source != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->entry_list), self->scroll_source);
      self->scroll_source = 0;
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, update_header_groups, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->all_entries);
  if (self->header_factory != NULL)
    g_signal_handlers_disconnect_by_data (self->header_factory, self);
  g_clear_object (&self->header_factory);
  g_clear_pointer (&self->bound_headers, g_hash_table_unref);
}

/* Lists the entries @mode lets through; the selection is left to follow. */
void
_pyprep_sidebar_list_set_filter (PyprepSidebar *self,
                                 Filter         mode)
{
  /* Bookmarks are listed newest first, across topics, so without headers. */
  gtk_list_view_set_header_factory (self->entry_list,
                                    mode == FILTER_BOOKMARKED ? NULL : self->header_factory);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  self->syncing_selection = TRUE;
  if (mode == FILTER_BOOKMARKED)
    gtk_sort_list_model_set_model (self->sorted, G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_model (self->selection,
                                  mode == FILTER_BOOKMARKED ? G_LIST_MODEL (self->sorted)
                                                            : G_LIST_MODEL (self->filtered));
  if (mode != FILTER_BOOKMARKED)
    gtk_sort_list_model_set_model (self->sorted, NULL);
  self->syncing_selection = FALSE;
}

/* The bookmarks or annotations changed: filter and sort again. */
void
_pyprep_sidebar_list_refilter (PyprepSidebar *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/* Whether any entry listed, whatever the filter, is a question the notes
 * leave unanswered. */
gboolean
_pyprep_sidebar_list_has_unanswered (PyprepSidebar *self)
{
  guint n = self->all_entries != NULL ? g_list_model_get_n_items (self->all_entries) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PyprepEntry) entry = g_list_model_get_item (self->all_entries, i);

      if (pyprep_entry_is_unanswered (entry))
        return TRUE;
    }
  return FALSE;
}

/**
 * pyprep_sidebar_get_neighbour:
 * @entry: an entry listed
 * @direction: -1 for the entry before @entry, 1 for the one after
 *
 * Returns: (transfer none) (nullable): the entry before or after @entry in
 *   deck and topic order, whatever the filter; %NULL at either end
 */
PyprepEntry *
pyprep_sidebar_get_neighbour (PyprepSidebar *self,
                              PyprepEntry   *entry,
                              int            direction)
{
  guint n;

  g_return_val_if_fail (PYPREP_IS_SIDEBAR (self), NULL);
  g_return_val_if_fail (PYPREP_IS_ENTRY (entry), NULL);
  g_return_val_if_fail (direction == -1 || direction == 1, NULL);

  if (self->all_entries == NULL)
    return NULL;
  n = g_list_model_get_n_items (self->all_entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PyprepEntry) item = g_list_model_get_item (self->all_entries, i);

      if (item != entry)
        continue;
      if ((direction < 0 && i == 0) || (direction > 0 && i + 1 >= n))
        return NULL;
      {
        g_autoptr(PyprepEntry) next = g_list_model_get_item (self->all_entries, i + direction);

        /* The deck holds a reference, so the borrowed pointer stays valid. */
        return next;
      }
    }
  return NULL;
}
