/* pyprep-endings.c: every way the app can end writes the user's data first.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Closing the last window ends g_application_run(), and the shutdown
 * flushes the store. Other endings would skip that: SIGTERM (logout,
 * `systemctl --user stop`, `kill`), SIGINT (Ctrl+C in a terminal) and
 * SIGHUP (the terminal closed) end the process at once, and the session
 * manager may end it right after asking whether it may (query-end). A
 * change still inside the store's save delay would be lost; here each of
 * them writes the data synchronously first.
 */
#include "config.h"

#include <glib-unix.h>
#include <signal.h>

#include "pyprep-endings.h"

static const int handled[] = { SIGTERM, SIGINT, SIGHUP };

struct _PyprepEndings
{
  GApplication *app;           /* borrowed: it owns this */
  PyprepStore *store;          /* owned */
  guint sources[G_N_ELEMENTS (handled)];
  gulong query_end_handler;
};

/**
 * pyprep_endings_flush:
 *
 * Writes the user's data now, in this thread.
 *
 * Returns: %TRUE when nothing is left unwritten (a read-only store has
 *   nothing to write)
 */
gboolean
pyprep_endings_flush (PyprepEndings *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (pyprep_store_get_read_only (self->store) || pyprep_store_flush (self->store, &error))
    return TRUE;
  g_message ("Could not save your data: %s", error->message);
  return FALSE;
}

static gboolean
signal_cb (gpointer user_data)
{
  PyprepEndings *self = user_data;

  pyprep_endings_flush (self);
  g_application_quit (self->app);
  return G_SOURCE_CONTINUE;
}

static void
query_end_cb (GApplication  *app,
              PyprepEndings *self)
{
  pyprep_endings_flush (self);
}

/**
 * pyprep_endings_new:
 * @app: the application; "query-end" is a #GtkApplication signal, so it
 *   needs #GtkApplication:register-session set
 * @store: the user's data
 *
 * Returns: (transfer full): the watch on @app's endings, until
 *   pyprep_endings_free()
 */
PyprepEndings *
pyprep_endings_new (GApplication *app,
                    PyprepStore  *store)
{
  PyprepEndings *self;

  g_return_val_if_fail (G_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (PYPREP_IS_STORE (store), NULL);

  self = g_new0 (PyprepEndings, 1);
  self->app = app;
  self->store = g_object_ref (store);
  for (guint i = 0; i < G_N_ELEMENTS (handled); i++)
    self->sources[i] = g_unix_signal_add (handled[i], signal_cb, self);
  if (g_signal_lookup ("query-end", G_OBJECT_TYPE (app)) != 0)
    self->query_end_handler = g_signal_connect (app, "query-end", G_CALLBACK (query_end_cb), self);

  return self;
}

/**
 * pyprep_endings_free:
 * @self: (transfer full): the watch
 *
 * Stops watching; the signals end the process again.
 */
void
pyprep_endings_free (PyprepEndings *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->sources); i++)
    g_clear_handle_id (&self->sources[i], g_source_remove);
  g_clear_signal_handler (&self->query_end_handler, self->app);
  g_clear_object (&self->store);
  g_free (self);
}
