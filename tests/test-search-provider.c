/* test-search-provider.c: GNOME's overview asks the running app over D-Bus.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-search-provider.h"
#include "ui-harness.h"

#define IFACE "org.gnome.Shell.SearchProvider2"

typedef struct
{
  GVariant *reply;
  GError *error;
  gboolean done;
} Call;

static gboolean
call_done (gpointer data)
{
  return ((Call *) data)->done;
}

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Call *call = user_data;

  call->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &call->error);
  call->done = TRUE;
}

/* Calls @method on the app's provider through the session bus, as the
 * Shell does, and waits for the answer. */
static GVariant *
call (Fixture    *f,
      const char *method,
      GVariant   *parameters)
{
  GApplication *app = G_APPLICATION (f->app);
  g_autofree char *path = g_strconcat (g_application_get_dbus_object_path (app),
                                       PYPREP_SEARCH_PROVIDER_PATH_SUFFIX, NULL);
  Call c = { NULL, NULL, FALSE };

  g_dbus_connection_call (g_application_get_dbus_connection (app), g_application_get_application_id (app),
                          path, IFACE, method, parameters, NULL, G_DBUS_CALL_FLAGS_NONE, 30000, NULL,
                          call_cb, &c);
  wait_until (call_done, &c, method);
  g_assert_no_error (c.error);
  return c.reply;
}

static void
check_provider (Fixture *f)
{
  const char *process[] = { "process", NULL };
  const char *ids[] = { "mock/os/process", "mock/nowhere/none", NULL };
  const char *dict[] = { "dict", NULL };
  g_autoptr(GVariant) results = NULL;
  g_autoptr(GVariant) sub = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(GVariant) meta = NULL;
  g_autoptr(GVariant) none = NULL;
  g_autofree const char **found = NULL;
  const char *name = NULL;
  const char *description = NULL;

  results = call (f, "GetInitialResultSet", g_variant_new ("(^as)", process));
  g_variant_get (results, "(^a&s)", &found);
  g_assert_cmpuint (g_strv_length ((char **) found), >=, 1);
  g_assert_cmpstr (found[0], ==, "mock/os/process");

  sub = call (f, "GetSubsearchResultSet", g_variant_new ("(^as^as)", found, dict));
  g_clear_pointer (&found, g_free);
  g_variant_get (sub, "(^a&s)", &found);
  g_assert_cmpstr (found[0], ==, "mock/ds/dict");

  /* An ID no deck has is left out. */
  metas = call (f, "GetResultMetas", g_variant_new ("(^as)", ids));
  g_assert_cmpuint (g_variant_n_children (g_variant_get_child_value (metas, 0)), ==, 1);
  meta = g_variant_get_child_value (g_variant_get_child_value (metas, 0), 0);
  g_assert_true (g_variant_lookup (meta, "name", "&s", &name));
  g_assert_true (g_variant_lookup (meta, "description", "&s", &description));
  g_assert_cmpstr (name, ==, "What is a process?");
  g_assert_cmpstr (description, ==, "Mock · OS");

  /* Choosing a result opens it in the reader. */
  none = call (f, "ActivateResult", g_variant_new ("(s^asu)", "mock/ds/dict", dict, 0));
  spin (200);
  g_assert_cmpstr (pyprep_entry_get_id (shown_entry (f)), ==, "mock/ds/dict");

  /* "More results" searches in the app. */
  g_clear_pointer (&none, g_variant_unref);
  none = call (f, "LaunchSearch", g_variant_new ("(^asu)", process, 0));
  spin (200);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window_search_entry (f))), ==, "process");
}

static void
test_search_provider (void)
{
  g_autofree char *deck = test_deck_path ("mock");

  run_app (deck, check_provider, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, NULL))
    return 0;

  g_test_add_func ("/pyprep/search-provider/dbus", test_search_provider);

  return g_test_run ();
}
