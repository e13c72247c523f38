/* pyprep-search-panel.c: searching every open deck: the index, the results and their keys.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The panel shows the results of what is typed in a search field that
 * lives elsewhere (the sidebar's header), as GtkSearchBar does with its
 * entry.
 */
#include "config.h"

#include "pyprep-search-panel.h"
#include "pyprep-search.h"

struct _PyprepSearchPanel
{
  GtkWidget parent_instance;

  /* template children */
  GtkStack *stack;
  GtkListView *results_list;

  /* owned */
  PyprepLibrary *library;
  PyprepStore *store;
  GtkSearchEntry *entry;
  GtkSingleSelection *results;
  PyprepSearchIndex *search_index;
  GCancellable *index_cancellable;
  GtkEventController *entry_keys;

  /* state */
  char *query;
  guint index_source;
  gboolean ready;
};

G_DEFINE_FINAL_TYPE (PyprepSearchPanel, pyprep_search_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_STORE,
  PROP_ENTRY,
  PROP_QUERY,
  PROP_RESULTS,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_RESULT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_ready (PyprepSearchPanel *self)
{
  gboolean ready = self->search_index != NULL && self->index_source == 0;

  if (ready == self->ready)
    return;
  self->ready = ready;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static void
run_search (PyprepSearchPanel *self)
{
  const char *query = self->entry != NULL ? gtk_editable_get_text (GTK_EDITABLE (self->entry)) : "";
  g_autoptr(GListModel) results = NULL;

  if (self->search_index != NULL && *query != '\0')
    results = pyprep_search_index_query (self->search_index, query);
  else
    results = G_LIST_MODEL (g_list_store_new (PYPREP_TYPE_SEARCH_RESULT));

  gtk_single_selection_set_model (self->results, results);
  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (results) > 0
                                                 ? "results" : "no-results");
  if (g_set_str (&self->query, query))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

static void
index_built_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PyprepSearchPanel) self = user_data;
  g_autoptr(PyprepSearchIndex) index = NULL;

  index = pyprep_search_index_new_finish (result, NULL);
  if (index == NULL)
    return;
  g_set_object (&self->search_index, index);
  update_ready (self);
  run_search (self);
}

static gboolean
rebuild_index_cb (gpointer user_data)
{
  PyprepSearchPanel *self = user_data;

  self->index_source = 0;
  g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);
  self->index_cancellable = g_cancellable_new ();
  pyprep_search_index_new_async (self->library, self->store, self->index_cancellable,
                                 index_built_cb, g_object_ref (self));
  update_ready (self);
  return G_SOURCE_REMOVE;
}

/* The index is rebuilt, off the main thread, a moment after the decks or
 * the annotations change; searches meanwhile use the previous one. */
static void
schedule_index (PyprepSearchPanel *self)
{
  if (self->library == NULL || self->store == NULL)
    return;
  g_clear_handle_id (&self->index_source, g_source_remove);
  self->index_source = g_timeout_add (300, rebuild_index_cb, self);
  update_ready (self);
}

static void
open_result (PyprepSearchPanel *self,
             guint              position)
{
  g_autoptr(PyprepSearchResult) result = g_list_model_get_item (G_LIST_MODEL (self->results), position);
  g_auto(GStrv) terms = NULL;

  if (result == NULL)
    return;
  terms = pyprep_search_split_query (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  g_signal_emit (self, signals[SIGNAL_RESULT_ACTIVATED], 0,
                 pyprep_search_result_get_entry (result), terms[0]);
}

static void
result_activate_cb (PyprepSearchPanel *self,
                    guint              position)
{
  open_result (self, position);
}

static void
entry_activate_cb (PyprepSearchPanel *self)
{
  open_result (self, 0);
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      PyprepSearchPanel     *self)
{
  /* Down from the search field walks into the results. */
  if (keyval == GDK_KEY_Down && g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0)
    {
      gtk_list_view_scroll_to (self->results_list, 0, GTK_LIST_SCROLL_FOCUS, NULL);
      return TRUE;
    }
  return FALSE;
}

static void
pyprep_search_panel_dispose (GObject *object)
{
  PyprepSearchPanel *self = PYPREP_SEARCH_PANEL (object);

  pyprep_search_panel_set_entry (self, NULL);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (pyprep_library_get_decks (self->library), self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_handle_id (&self->index_source, g_source_remove);
  g_cancellable_cancel (self->index_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_SEARCH_PANEL);
  g_clear_object (&self->index_cancellable);
  g_clear_object (&self->search_index);
  g_clear_object (&self->results);
  g_clear_object (&self->library);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pyprep_search_panel_parent_class)->dispose (object);
}

static void
pyprep_search_panel_finalize (GObject *object)
{
  PyprepSearchPanel *self = PYPREP_SEARCH_PANEL (object);

  g_free (self->query);

  G_OBJECT_CLASS (pyprep_search_panel_parent_class)->finalize (object);
}

static void
pyprep_search_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PyprepSearchPanel *self = PYPREP_SEARCH_PANEL (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    case PROP_RESULTS:
      g_value_set_object (value, self->results);
      break;
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_search_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PyprepSearchPanel *self = PYPREP_SEARCH_PANEL (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      pyprep_search_panel_set_library (self, g_value_get_object (value));
      break;
    case PROP_STORE:
      pyprep_search_panel_set_store (self, g_value_get_object (value));
      break;
    case PROP_ENTRY:
      pyprep_search_panel_set_entry (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_search_panel_class_init (PyprepSearchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_search_panel_dispose;
  object_class->finalize = pyprep_search_panel_finalize;
  object_class->get_property = pyprep_search_panel_get_property;
  object_class->set_property = pyprep_search_panel_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PYPREP_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PYPREP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PyprepSearchPanel:entry:
   *
   * The search field whose text the panel searches for.
   */
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, GTK_TYPE_SEARCH_ENTRY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PyprepSearchPanel:query:
   *
   * The text the results answer; empty when there is no search.
   */
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PyprepSearchPanel:results:
   *
   * A #GtkSingleSelection of #PyprepSearchResult, best first.
   */
  properties[PROP_RESULTS] =
    g_param_spec_object ("results", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PyprepSearchPanel:ready:
   *
   * Whether the index covers the decks and annotations as they are now.
   */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PyprepSearchPanel::result-activated:
   * @entry: the entry of the result
   * @term: (nullable): the first word searched for, to find in its page
   *
   * The user opened a result.
   */
  signals[SIGNAL_RESULT_ACTIVATED] =
    g_signal_new ("result-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, PYPREP_TYPE_ENTRY, G_TYPE_STRING);

  g_type_ensure (PYPREP_TYPE_SEARCH_RESULT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pyprep/Pyprep/ui/pyprep-search-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepSearchPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepSearchPanel, results_list);
  gtk_widget_class_bind_template_callback (widget_class, result_activate_cb);
}

static void
pyprep_search_panel_init (PyprepSearchPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->query = g_strdup ("");
  self->results = gtk_single_selection_new (G_LIST_MODEL (g_list_store_new (PYPREP_TYPE_SEARCH_RESULT)));
  gtk_single_selection_set_autoselect (self->results, FALSE);
  gtk_list_view_set_model (self->results_list, GTK_SELECTION_MODEL (self->results));
}

/**
 * pyprep_search_panel_get_library:
 *
 * Returns: (transfer none) (nullable): the decks searched
 */
PyprepLibrary *
pyprep_search_panel_get_library (PyprepSearchPanel *self)
{
  g_return_val_if_fail (PYPREP_IS_SEARCH_PANEL (self), NULL);
  return self->library;
}

void
pyprep_search_panel_set_library (PyprepSearchPanel *self,
                                 PyprepLibrary     *library)
{
  g_return_if_fail (PYPREP_IS_SEARCH_PANEL (self));
  g_return_if_fail (library == NULL || PYPREP_IS_LIBRARY (library));

  if (self->library == library)
    return;
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (pyprep_library_get_decks (self->library), self);
  g_set_object (&self->library, library);
  if (library != NULL)
    {
      g_signal_connect_swapped (pyprep_library_get_decks (library), "items-changed",
                                G_CALLBACK (schedule_index), self);
      if (g_list_model_get_n_items (pyprep_library_get_decks (library)) > 0)
        schedule_index (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/**
 * pyprep_search_panel_get_store:
 *
 * Returns: (transfer none) (nullable): the user data whose annotations are searched too
 */
PyprepStore *
pyprep_search_panel_get_store (PyprepSearchPanel *self)
{
  g_return_val_if_fail (PYPREP_IS_SEARCH_PANEL (self), NULL);
  return self->store;
}

void
pyprep_search_panel_set_store (PyprepSearchPanel *self,
                               PyprepStore       *store)
{
  g_return_if_fail (PYPREP_IS_SEARCH_PANEL (self));
  g_return_if_fail (store == NULL || PYPREP_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_swapped (store, "changed::annotation", G_CALLBACK (schedule_index), self);
      g_signal_connect_swapped (store, "changed::import", G_CALLBACK (schedule_index), self);
      if (self->library != NULL && g_list_model_get_n_items (pyprep_library_get_decks (self->library)) > 0)
        schedule_index (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * pyprep_search_panel_get_entry:
 *
 * Returns: (transfer none) (nullable): the search field
 */
GtkSearchEntry *
pyprep_search_panel_get_entry (PyprepSearchPanel *self)
{
  g_return_val_if_fail (PYPREP_IS_SEARCH_PANEL (self), NULL);
  return self->entry;
}

void
pyprep_search_panel_set_entry (PyprepSearchPanel *self,
                               GtkSearchEntry    *entry)
{
  g_return_if_fail (PYPREP_IS_SEARCH_PANEL (self));
  g_return_if_fail (entry == NULL || GTK_IS_SEARCH_ENTRY (entry));

  if (self->entry == entry)
    return;
  if (self->entry != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->entry, self);
      gtk_widget_remove_controller (GTK_WIDGET (self->entry), self->entry_keys);
      self->entry_keys = NULL;
    }
  g_set_object (&self->entry, entry);
  if (entry != NULL)
    {
      g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (run_search), self);
      g_signal_connect_swapped (entry, "activate", G_CALLBACK (entry_activate_cb), self);
      self->entry_keys = gtk_event_controller_key_new ();
      g_signal_connect (self->entry_keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (entry), self->entry_keys);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}

/**
 * pyprep_search_panel_get_query:
 *
 * Returns: (transfer none): the text the results answer, empty without a search
 */
const char *
pyprep_search_panel_get_query (PyprepSearchPanel *self)
{
  g_return_val_if_fail (PYPREP_IS_SEARCH_PANEL (self), NULL);
  return self->query;
}

/**
 * pyprep_search_panel_get_results:
 *
 * Returns: (transfer none): the results, a #GListModel of #PyprepSearchResult
 */
GListModel *
pyprep_search_panel_get_results (PyprepSearchPanel *self)
{
  g_return_val_if_fail (PYPREP_IS_SEARCH_PANEL (self), NULL);
  return G_LIST_MODEL (self->results);
}

/**
 * pyprep_search_panel_get_ready:
 *
 * Returns: whether the index covers the decks and annotations as they are
 */
gboolean
pyprep_search_panel_get_ready (PyprepSearchPanel *self)
{
  g_return_val_if_fail (PYPREP_IS_SEARCH_PANEL (self), FALSE);
  return self->ready;
}
