/* test-endings.c: the real pyprep, ended by a signal inside the save delay, keeps the change.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-endings PYPREP (run by tests/run-test.sh --display)
 *
 * Each case starts the app as its own process on fresh data, waits for
 * the trace mark of its first change (showing the first entry marks it
 * read), and at once sends a signal: the change is then still inside the
 * store's save delay. The app must exit by itself, with status 0, and the
 * data file must hold the change.
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pyprep-store.h"
#include "pyprep-trace.h"

static const char *program;

/* Whether the trace file at @path holds a mark named @name. */
static gboolean
has_mark (const char *path,
          const char *name)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], name) && lines[i][strlen (name)] == ' ')
      return TRUE;
  return FALSE;
}

static void
test_endings_signal (gconstpointer data)
{
  int signum = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("pyprep-endings-XXXXXX", &error);
  g_autofree char *trace = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *data_file = NULL;
  g_autofree char *cmd = NULL;
  g_auto(GStrv) env = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(PyprepStore) store = NULL;
  const char *argv[] = { program, NULL };
  const char *last;
  gboolean saved_before;
  GPid pid;
  int status = 0;

  g_assert_no_error (error);
  trace = g_build_filename (home, "trace", NULL);
  data_dir = g_build_filename (home, "pyprep", NULL);
  data_file = g_build_filename (data_dir, PYPREP_STORE_FILE, NULL);
  env = g_get_environ ();
  env = g_environ_setenv (env, "XDG_DATA_HOME", home, TRUE);
  env = g_environ_setenv (env, PYPREP_TRACE_ENV, trace, TRUE);

  g_spawn_async (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  /* The meson timeout ends a run that never gets there. */
  while (!has_mark (trace, "store-changed"))
    {
      g_assert_cmpint (waitpid (pid, &status, WNOHANG), ==, 0);
      g_usleep (5000);
    }
  saved_before = g_file_test (data_file, G_FILE_TEST_EXISTS);
  g_assert_cmpint (kill (pid, signum), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  /* Without a handler the signal ends the process (WIFSIGNALED) and
   * nothing is written. */
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  if (saved_before)
    g_test_message ("the delayed save had run before the signal; the exit is still checked");

  folder = g_file_new_for_path (data_dir);
  store = pyprep_store_new (folder);
  g_assert_true (pyprep_store_load (store, NULL));
  g_assert_null (pyprep_store_get_recovery_message (store));
  last = pyprep_store_get_last_entry (store);
  g_assert_nonnull (last);
  g_assert_true (pyprep_store_get_read (store, last));

  cmd = g_strdup_printf ("rm -rf '%s'", home);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("Usage: %s PYPREP\n", argv[0]);
      return 2;
    }
  program = argv[1];
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display: run under tests/run-test.sh --display");
      return g_test_run ();
    }

  g_test_add_data_func ("/pyprep/endings/sigterm", GINT_TO_POINTER (SIGTERM), test_endings_signal);
  g_test_add_data_func ("/pyprep/endings/sigint", GINT_TO_POINTER (SIGINT), test_endings_signal);
  g_test_add_data_func ("/pyprep/endings/sighup", GINT_TO_POINTER (SIGHUP), test_endings_signal);

  return g_test_run ();
}
