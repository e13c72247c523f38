/* test-trace.c: the trace marks the benchmark and dev.sh run read.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "pyprep-trace.h"

/* Each case runs in a child process: the trace file is chosen once per
 * process, at the first mark. */

static void
test_trace_off (void)
{
  if (g_test_subprocess ())
    {
      g_unsetenv (PYPREP_TRACE_ENV);
      g_assert_false (pyprep_trace_enabled ());
      pyprep_trace_mark ("main", NULL);
      pyprep_trace_flush ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("");
}

static void
test_trace_lines (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      g_setenv (PYPREP_TRACE_ENV, g_getenv ("PYPREP_TEST_TRACE_PATH"), TRUE);
      g_assert_true (pyprep_trace_enabled ());
      pyprep_trace_mark ("main", NULL);
      pyprep_trace_mark ("painted", "deck/topic/entry");
      pyprep_trace_mark ("empty-detail", "");
      /* Written out by the idle flush of the main loop... */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      /* ...and the rest at exit. */
      pyprep_trace_mark ("done", NULL);
      return;
    }

  {
    g_autofree char *contents = NULL;
    g_auto(GStrv) lines = NULL;
    gint64 before = g_get_real_time (), previous = 0;
    const char *expected[][2] = {
      { "main", "-" }, { "painted", "deck/topic/entry" }, { "empty-detail", "-" }, { "done", "-" },
    };

    dir = g_dir_make_tmp ("pyprep-trace-XXXXXX", NULL);
    path = g_build_filename (dir, "trace.log", NULL);
    g_setenv ("PYPREP_TEST_TRACE_PATH", path, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    lines = g_strsplit (contents, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected) + 1);
    g_assert_cmpstr (lines[G_N_ELEMENTS (expected)], ==, "");
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_auto(GStrv) words = g_strsplit (lines[i], " ", -1);
        gint64 when;

        g_assert_cmpuint (g_strv_length (words), ==, 3);
        g_assert_cmpstr (words[0], ==, expected[i][0]);
        g_assert_cmpstr (words[1], ==, expected[i][1]);
        when = g_ascii_strtoll (words[2], NULL, 10);
        /* Wall-clock microseconds, in order. */
        g_assert_cmpint (when, >=, before);
        g_assert_cmpint (when, <=, g_get_real_time ());
        g_assert_cmpint (when, >=, previous);
        previous = when;
      }
  }

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/trace/off", test_trace_off);
  g_test_add_func ("/pyprep/trace/lines", test_trace_lines);

  return g_test_run ();
}
