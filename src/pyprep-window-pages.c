/* pyprep-window-pages.c: the main window's pages besides the library, built when first shown.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The review, the mock interview and the progress page are each as big as
 * the sidebar and the reader together, and a start shows none of them:
 * building them with the window would put them on the way to the first
 * entry painted. Each is built, added to the window's stack and wired up
 * the first time something asks for it.
 */
#include "config.h"

#include "pyprep-trace.h"
#include "pyprep-window-private.h"

static void
quiz_closed_cb (PyprepWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "library");
  pyprep_sidebar_refresh_due_counts (self->sidebar);
  _pyprep_window_session_closed (self);
}

static void
quiz_open_entry_cb (PyprepWindow *self,
                    PyprepEntry  *entry)
{
  gtk_stack_set_visible_child_name (self->main_stack, "library");
  pyprep_window_show_entry (self, entry);
}

static void
mock_closed_cb (PyprepWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "library");
  _pyprep_window_session_closed (self);
}

static void
stats_closed_cb (PyprepWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "library");
}

static void
stats_review_cb (PyprepWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.review", NULL);
}

static void
stats_practice_cb (PyprepWindow *self,
                   int           kind,
                   PyprepTopic  *topic)
{
  _pyprep_window_start_practice (self, kind, topic);
}

static void
connect (gpointer      page,
         const char   *signal,
         GCallback     callback,
         PyprepWindow *self)
{
  g_signal_connect_object (page, signal, callback, self, G_CONNECT_SWAPPED);
}

static void
add_page (PyprepWindow *self,
          GtkWidget    *page,
          const char   *name)
{
  gtk_stack_add_named (self->main_stack, page, name);
  pyprep_trace_mark ("page-built", name);
}

/* The review and practice sessions. */
PyprepQuizView *
_pyprep_window_get_quiz_view (PyprepWindow *self)
{
  if (self->quiz_view == NULL)
    {
      self->quiz_view = g_object_new (PYPREP_TYPE_QUIZ_VIEW, NULL);
      connect (self->quiz_view, "closed", G_CALLBACK (quiz_closed_cb), self);
      connect (self->quiz_view, "open-entry", G_CALLBACK (quiz_open_entry_cb), self);
      connect (self->quiz_view, "read-passage", G_CALLBACK (_pyprep_window_session_read_passage), self);
      add_page (self, GTK_WIDGET (self->quiz_view), "quiz");
    }

  return self->quiz_view;
}

/* The mock interview. */
PyprepMockView *
_pyprep_window_get_mock_view (PyprepWindow *self)
{
  if (self->mock_view == NULL)
    {
      self->mock_view = g_object_new (PYPREP_TYPE_MOCK_VIEW, NULL);
      connect (self->mock_view, "closed", G_CALLBACK (mock_closed_cb), self);
      connect (self->mock_view, "open-entry", G_CALLBACK (_pyprep_window_mock_read_passage), self);
      add_page (self, GTK_WIDGET (self->mock_view), "mock");
    }

  return self->mock_view;
}

/* The progress page. */
PyprepStatsView *
_pyprep_window_get_stats_view (PyprepWindow *self)
{
  if (self->stats_view == NULL)
    {
      self->stats_view = g_object_new (PYPREP_TYPE_STATS_VIEW, NULL);
      connect (self->stats_view, "closed", G_CALLBACK (stats_closed_cb), self);
      connect (self->stats_view, "review", G_CALLBACK (stats_review_cb), self);
      connect (self->stats_view, "practice", G_CALLBACK (stats_practice_cb), self);
      add_page (self, GTK_WIDGET (self->stats_view), "stats");
    }

  return self->stats_view;
}

/* Shows the page @name ("quiz", "mock" or "stats"), built first if need be. */
void
_pyprep_window_show_page (PyprepWindow *self,
                          const char   *name)
{
  pyprep_window_get_page (self, name);
  gtk_stack_set_visible_child_name (self->main_stack, name);
}

/**
 * pyprep_window_get_page:
 * @name: "quiz", "mock" or "stats"
 *
 * The window's page @name, built now if it was not yet. The window's own
 * actions show the pages; this is for tests and the benchmark, which look
 * into them.
 *
 * Returns: (transfer none): the page
 */
GtkWidget *
pyprep_window_get_page (PyprepWindow *self,
                        const char   *name)
{
  g_return_val_if_fail (PYPREP_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "quiz"))
    return GTK_WIDGET (_pyprep_window_get_quiz_view (self));
  if (g_str_equal (name, "mock"))
    return GTK_WIDGET (_pyprep_window_get_mock_view (self));
  if (g_str_equal (name, "stats"))
    return GTK_WIDGET (_pyprep_window_get_stats_view (self));
  g_return_val_if_reached (NULL);
}
