/* pyprep-search-provider.c: entries found from GNOME's Activities overview.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * org.gnome.Shell.SearchProvider2 on the app's own bus name, at its object
 * path + /SearchProvider (the search-provider .ini file in data/ says so to the Shell).
 * Queries use the same index as the app's search, built off the main
 * thread from the open decks the first time a query comes, and again when
 * the decks change; a query that comes meanwhile is answered once the
 * index is there. Activating a result opens the app at that entry;
 * "more results" opens its search. The signal "load-library" asks the
 * application to load its decks when the Shell started it for a query.
 */
#include "config.h"

#include "pyprep-search-provider.h"
#include "pyprep-search.h"
#include "pyprep-window.h"

/* The Shell shows a handful; more would only cost time. */
#define MAX_RESULTS 20

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

struct _PyprepSearchProvider
{
  GObject parent_instance;

  GtkApplication *app;         /* weak: the app owns the provider */
  PyprepLibrary *library;
  PyprepStore *store;
  GDBusConnection *connection;
  guint registration;

  PyprepSearchIndex *index;
  gboolean stale;
  GCancellable *building;
  GPtrArray *waiting;          /* GDBusMethodInvocation, for the index */
};

G_DEFINE_FINAL_TYPE (PyprepSearchProvider, pyprep_search_provider, G_TYPE_OBJECT)

enum {
  SIGNAL_LOAD_LIBRARY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The entry IDs that match @terms, best first, each once. */
static GVariant *
results_for (PyprepSearchProvider *self,
             const char * const   *terms)
{
  g_autofree char *query = g_strjoinv (" ", (char **) terms);
  g_autoptr(GListModel) results = pyprep_search_index_query (self->index, query);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));
  for (guint i = 0; i < g_list_model_get_n_items (results) && g_hash_table_size (seen) < MAX_RESULTS; i++)
    {
      g_autoptr(PyprepSearchResult) result = g_list_model_get_item (results, i);
      const char *id = pyprep_entry_get_id (pyprep_search_result_get_entry (result));

      if (g_hash_table_add (seen, (gpointer) id))
        g_variant_builder_add (&builder, "s", id);
    }
  return g_variant_new ("(as)", &builder);
}

static void
answer_query (PyprepSearchProvider  *self,
              GDBusMethodInvocation *invocation)
{
  GVariant *parameters = g_dbus_method_invocation_get_parameters (invocation);
  g_autofree const char **terms = NULL;

  if (g_str_equal (g_dbus_method_invocation_get_method_name (invocation), "GetSubsearchResultSet"))
    g_variant_get (parameters, "(^a&s^a&s)", NULL, &terms);
  else
    g_variant_get (parameters, "(^a&s)", &terms);
  g_dbus_method_invocation_return_value (invocation, results_for (self, terms));
  /* Held since the call came: a service may exit once it is idle again. */
  g_application_release (G_APPLICATION (self->app));
}

static void build_index (PyprepSearchProvider *self);

static void
index_built_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PyprepSearchProvider *self = user_data;
  g_autoptr(GError) error = NULL;
  PyprepSearchIndex *index = pyprep_search_index_new_finish (result, &error);

  if (index == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot build the search index: %s", error->message);
      g_object_unref (self);
      return;
    }
  g_clear_object (&self->building);
  g_clear_object (&self->index);
  self->index = index;
  if (self->stale)
    build_index (self);
  else
    while (self->waiting->len > 0)
      {
        g_autoptr(GDBusMethodInvocation) invocation = g_ptr_array_steal_index (self->waiting, 0);

        answer_query (self, invocation);
      }
  g_object_unref (self);
}

static void
build_index (PyprepSearchProvider *self)
{
  self->stale = FALSE;
  g_cancellable_cancel (self->building);
  g_clear_object (&self->building);
  self->building = g_cancellable_new ();
  pyprep_search_index_new_async (self->library, self->store, self->building, index_built_cb, g_object_ref (self));
}

/* The decks changed: the next query waits for a new index. */
static void
decks_changed_cb (PyprepSearchProvider *self)
{
  if (self->building != NULL)
    self->stale = TRUE;
  else
    g_clear_object (&self->index);
}

static void
query (PyprepSearchProvider  *self,
       GDBusMethodInvocation *invocation)
{
  if (self->index != NULL && self->building == NULL)
    {
      answer_query (self, invocation);
      return;
    }
  g_ptr_array_add (self->waiting, g_object_ref (invocation));
  /* Started by the Shell, the app has not loaded its decks yet. */
  if (g_list_model_get_n_items (pyprep_library_get_decks (self->library)) == 0)
    g_signal_emit (self, signals[SIGNAL_LOAD_LIBRARY], 0);
  if (pyprep_library_get_loading (self->library))
    return;
  if (self->building == NULL)
    build_index (self);
}

/* Loading finished: the waiting queries can have their index. */
static void
loading_changed_cb (PyprepSearchProvider *self)
{
  if (!pyprep_library_get_loading (self->library) && self->waiting->len > 0 && self->building == NULL)
    build_index (self);
}

static GVariant *
metas_for (PyprepSearchProvider *self,
           const char * const   *ids)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      PyprepEntry *entry = pyprep_library_lookup_entry (self->library, ids[i]);
      PyprepTopic *topic;
      g_autofree char *description = NULL;

      if (entry == NULL)
        continue;
      topic = pyprep_entry_get_topic (entry);
      description = topic == NULL ? g_strdup ("")
                    : g_strdup_printf ("%s · %s", pyprep_deck_get_title (pyprep_topic_get_deck (topic)),
                                       pyprep_topic_get_title (topic));
      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&builder, "{sv}", "id", g_variant_new_string (ids[i]));
      g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (pyprep_entry_get_title (entry)));
      g_variant_builder_add (&builder, "{sv}", "description", g_variant_new_string (description));
      g_variant_builder_close (&builder);
    }
  return g_variant_new ("(aa{sv})", &builder);
}

/* The app's window, made if there is none, in front. */
static PyprepWindow *
present_window (PyprepSearchProvider *self,
                guint32               timestamp)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self->app));
  window = gtk_application_get_active_window (self->app);
  /* GTK 4.14 reads the activation token on its own. */
  gtk_window_present (window);
  return PYPREP_WINDOW (window);
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  PyprepSearchProvider *self = user_data;

  if (g_str_equal (method_name, "GetInitialResultSet") || g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_application_hold (G_APPLICATION (self->app));
      query (self, invocation);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autofree const char **ids = NULL;

      g_variant_get (parameters, "(^a&s)", &ids);
      g_dbus_method_invocation_return_value (invocation, metas_for (self, ids));
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id;
      guint32 timestamp;
      PyprepEntry *entry;
      PyprepWindow *window;

      g_variant_get (parameters, "(&sasu)", &id, NULL, &timestamp);
      window = present_window (self, timestamp);
      entry = pyprep_library_lookup_entry (self->library, id);
      if (entry != NULL)
        pyprep_window_show_entry (window, entry);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autofree const char **terms = NULL;
      g_autofree char *text = NULL;
      guint32 timestamp;

      g_variant_get (parameters, "(^a&su)", &terms, &timestamp);
      text = g_strjoinv (" ", (char **) terms);
      pyprep_window_search (present_window (self, timestamp), text);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);
}

static const GDBusInterfaceVTable vtable = { method_call_cb, NULL, NULL, { 0 } };

/**
 * pyprep_search_provider_export:
 * @connection: the app's bus connection
 * @object_path: where to answer
 *
 * Returns: %FALSE with @error set when the object could not be exported
 */
gboolean
pyprep_search_provider_export (PyprepSearchProvider *self,
                               GDBusConnection      *connection,
                               const char           *object_path,
                               GError              **error)
{
  g_autoptr(GDBusNodeInfo) info = NULL;

  g_return_val_if_fail (PYPREP_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (self->registration == 0, FALSE);

  info = g_dbus_node_info_new_for_xml (introspection_xml, error);
  if (info == NULL)
    return FALSE;
  self->registration = g_dbus_connection_register_object (connection, object_path, info->interfaces[0], &vtable,
                                                          self, NULL, error);
  if (self->registration == 0)
    return FALSE;
  self->connection = g_object_ref (connection);
  /* Started by D-Bus for a search: stay a moment for the next keystroke. */
  if (g_application_get_flags (G_APPLICATION (self->app)) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (G_APPLICATION (self->app), 10000);
  return TRUE;
}

void
pyprep_search_provider_unexport (PyprepSearchProvider *self)
{
  g_return_if_fail (PYPREP_IS_SEARCH_PROVIDER (self));

  if (self->registration != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration);
  self->registration = 0;
  g_clear_object (&self->connection);
}

/**
 * pyprep_search_provider_new:
 * @app: the application; the provider must not outlive it
 * @library: the decks searched
 * @store: (nullable): the user's data, whose annotations are searched too
 */
PyprepSearchProvider *
pyprep_search_provider_new (GtkApplication *app,
                            PyprepLibrary  *library,
                            PyprepStore    *store)
{
  PyprepSearchProvider *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (PYPREP_IS_LIBRARY (library), NULL);

  self = g_object_new (PYPREP_TYPE_SEARCH_PROVIDER, NULL);
  self->app = app;
  self->library = g_object_ref (library);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  g_signal_connect_object (pyprep_library_get_decks (library), "items-changed",
                           G_CALLBACK (decks_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (library, "notify::loading", G_CALLBACK (loading_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

static void
pyprep_search_provider_dispose (GObject *object)
{
  PyprepSearchProvider *self = PYPREP_SEARCH_PROVIDER (object);

  pyprep_search_provider_unexport (self);
  g_cancellable_cancel (self->building);
  g_clear_object (&self->building);
  g_clear_object (&self->index);
  g_clear_object (&self->store);
  g_clear_object (&self->library);
  if (self->waiting != NULL)
    for (guint i = 0; i < self->waiting->len; i++)
      {
        g_dbus_method_invocation_return_error (g_ptr_array_index (self->waiting, i), G_IO_ERROR,
                                               G_IO_ERROR_CANCELLED, "Pyprep is quitting");
        g_application_release (G_APPLICATION (self->app));
      }
  g_clear_pointer (&self->waiting, g_ptr_array_unref);

  G_OBJECT_CLASS (pyprep_search_provider_parent_class)->dispose (object);
}

static void
pyprep_search_provider_class_init (PyprepSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pyprep_search_provider_dispose;

  /**
   * PyprepSearchProvider::load-library:
   *
   * A query came before any deck was loaded.
   */
  signals[SIGNAL_LOAD_LIBRARY] = g_signal_new ("load-library", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pyprep_search_provider_init (PyprepSearchProvider *self)
{
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
}
