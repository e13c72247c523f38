/* pyprep-reader-find.c: the reader's find in page.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-reader-private.h"

/* WebKit reports the number of matches with #WebKitFindController::found-text
 * only when a search starts: a step to the next match reports 1. The count
 * therefore comes from webkit_find_controller_count_matches() alone. */
static void
counted_matches_cb (WebKitFindController *controller,
                    guint                 count,
                    PyprepReader         *self)
{
  g_signal_emit (self, _pyprep_reader_signals[PYPREP_READER_SIGNAL_FOUND], 0, count);
}

static void
failed_to_find_cb (WebKitFindController *controller,
                   PyprepReader         *self)
{
  g_signal_emit (self, _pyprep_reader_signals[PYPREP_READER_SIGNAL_FOUND], 0, 0);
}

void
_pyprep_reader_find_init (PyprepReader *self)
{
  WebKitFindController *find = webkit_web_view_get_find_controller (self->view);

  g_signal_connect (find, "counted-matches", G_CALLBACK (counted_matches_cb), self);
  g_signal_connect (find, "failed-to-find-text", G_CALLBACK (failed_to_find_cb), self);
}

#define FIND_OPTIONS (WEBKIT_FIND_OPTIONS_CASE_INSENSITIVE | WEBKIT_FIND_OPTIONS_WRAP_AROUND)
#define FIND_MAX_MATCHES 1000

/**
 * pyprep_reader_find:
 * @text: what to look for in the page; empty ends the search
 *
 * Highlights every occurrence and selects the first; #PyprepReader::found
 * reports how many there are.
 */
void
pyprep_reader_find (PyprepReader *self,
                    const char   *text)
{
  WebKitFindController *controller;

  g_return_if_fail (PYPREP_IS_READER (self));

  controller = webkit_web_view_get_find_controller (self->view);
  /* A page still loading is searched once it is there. */
  g_clear_pointer (&self->pending_find, g_free);
  if (self->loading && text != NULL && *text != '\0')
    {
      self->pending_find = g_strdup (text);
      return;
    }
  if (text == NULL || *text == '\0')
    {
      webkit_find_controller_search_finish (controller);
      g_signal_emit (self, _pyprep_reader_signals[PYPREP_READER_SIGNAL_FOUND], 0, 0);
      return;
    }
  webkit_find_controller_count_matches (controller, text, FIND_OPTIONS, FIND_MAX_MATCHES);
  webkit_find_controller_search (controller, text, FIND_OPTIONS, FIND_MAX_MATCHES);
}

void
pyprep_reader_find_next (PyprepReader *self)
{
  g_return_if_fail (PYPREP_IS_READER (self));
  webkit_find_controller_search_next (webkit_web_view_get_find_controller (self->view));
}

void
pyprep_reader_find_previous (PyprepReader *self)
{
  g_return_if_fail (PYPREP_IS_READER (self));
  webkit_find_controller_search_previous (webkit_web_view_get_find_controller (self->view));
}
