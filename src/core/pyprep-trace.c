/* pyprep-trace.c: marks on the timeline of a run, for the benchmark and traces.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When the environment variable PYPREP_TRACE_FILE names a file, every mark
 * is appended to it as one line, `NAME DETAIL MICROSECONDS`, the time being
 * the wall clock so that another process (the benchmark, dev.sh run) can set
 * it against its own. Without the variable a mark costs one branch.
 *
 * The file is opened once, at the first mark, and written through a stdio
 * buffer: a mark on the start-up path copies a few bytes and does no system
 * call. The buffer is written out when the main loop is next idle, so a
 * reader waiting for a line sees it a moment later, and at exit.
 *
 * Built with sysprof-capture (the `sysprof` option), every mark is also a
 * Sysprof mark, group "pyprep", beside GTK's and WebKit's own marks when the
 * app runs under `sysprof-cli`; otherwise that costs nothing either.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#if HAVE_SYSPROF
#include <sysprof-capture.h>
#endif

#include "pyprep-trace.h"

static FILE *trace_file;
static GMutex trace_lock;
static guint flush_source;

static void
flush_at_exit (void)
{
  pyprep_trace_flush ();
}

static FILE *
trace_open (void)
{
  static gsize opened = 0;

  if (g_once_init_enter (&opened))
    {
      const char *path = g_getenv (PYPREP_TRACE_ENV);

      if (path != NULL && *path != '\0')
        {
          trace_file = fopen (path, "ae");
          if (trace_file == NULL)
            g_printerr ("Cannot write the trace file %s: %s\n", path, g_strerror (errno));
          else
            atexit (flush_at_exit);
        }
      g_once_init_leave (&opened, 1);
    }

  return trace_file;
}

/**
 * pyprep_trace_enabled:
 *
 * Returns: whether marks are written anywhere; code that would do extra
 *   work only to place a mark (such as waiting for a paint) asks first
 */
gboolean
pyprep_trace_enabled (void)
{
  return trace_open () != NULL;
}

static gboolean
flush_idle_cb (gpointer user_data)
{
  g_mutex_lock (&trace_lock);
  flush_source = 0;
  g_mutex_unlock (&trace_lock);
  pyprep_trace_flush ();

  return G_SOURCE_REMOVE;
}

/**
 * pyprep_trace_mark:
 * @name: what happened, one word
 * @detail: (nullable): one more word, such as an entry ID
 *
 * Places a mark on the run's timeline. Safe from any thread.
 */
void
pyprep_trace_mark (const char *name,
                   const char *detail)
{
  FILE *file = trace_open ();

  g_return_if_fail (name != NULL);

#if HAVE_SYSPROF
  /* A point on the timeline: no duration, the detail as its message. */
  sysprof_collector_mark (SYSPROF_CAPTURE_CURRENT_TIME, 0, "pyprep", name, detail);
#endif
  if (file == NULL)
    return;

  g_mutex_lock (&trace_lock);
  fprintf (file, "%s %s %" G_GINT64_FORMAT "\n", name,
           detail != NULL && *detail != '\0' ? detail : "-", g_get_real_time ());
  if (flush_source == 0)
    flush_source = g_idle_add_full (G_PRIORITY_LOW, flush_idle_cb, NULL, NULL);
  g_mutex_unlock (&trace_lock);
}

/**
 * pyprep_trace_flush:
 *
 * Writes out the marks still buffered.
 */
void
pyprep_trace_flush (void)
{
  if (trace_file == NULL)
    return;

  g_mutex_lock (&trace_lock);
  fflush (trace_file);
  g_mutex_unlock (&trace_lock);
}
