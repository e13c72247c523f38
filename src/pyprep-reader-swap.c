/* pyprep-reader-swap.c: the reader shows the next entry in the page already loaded.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading a page costs a navigation: a new document, its policy checks,
 * the scheme request, parsing the stylesheet and a first layout from
 * nothing. Once one of our entry pages is loaded, the reader shows the next
 * entry by swapping the document's body for the new page's instead
 * (data/page/swap-entry.js, run in the reader's own script world, with the
 * page's HTML passed as an argument, never as script source).
 *
 * The defences of pyprep-web-context.c stay in force: the document keeps
 * the Content-Security-Policy it was loaded with (the same for every page),
 * page scripts stay off, the content filter still blocks every load that
 * is not ours, and the new markup is parsed into an inert document whose
 * scripts are marked never to run. A page loaded before the content filter
 * was in place, a failed load or a page that is not an entry never takes a
 * swap: the next entry is loaded as a new page.
 *
 * The swap replaces the document's address too (history.replaceState), so
 * links, reloads and WebKit's own idea of the page follow the entry shown.
 */
#include "config.h"

#include "pyprep-reader-private.h"
#include "pyprep-render.h"
#include "pyprep-trace.h"

typedef struct
{
  PyprepReader *self;
  guint generation;
  char *uri;
  double scroll;
} Swap;

static void
swap_free (Swap *swap)
{
  g_object_unref (swap->self);
  g_free (swap->uri);
  g_free (swap);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Swap, swap_free)

static void
swapped_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Swap) swap = user_data;
  PyprepReader *self = swap->self;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (value == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A newer swap or load has taken over; it reports for itself. */
  if (swap->generation != self->generation)
    return;

  if (value == NULL || !jsc_value_is_boolean (value) || !jsc_value_to_boolean (value))
    {
      if (error != NULL)
        g_debug ("Cannot show the entry in place: %s", error->message);
      /* This document cannot take it: load the page as a new one. */
      self->swappable = FALSE;
      self->restore_scroll = swap->scroll;
      _pyprep_reader_load_uri (self, swap->uri);
      return;
    }

  pyprep_trace_mark ("swap-finished", NULL);
  _pyprep_reader_page_ready (self);
}

/**
 * _pyprep_reader_swap_html:
 * @html: a whole page, as pyprep_render_entry() makes them
 * @uri: the page's address
 * @scroll: where to scroll to, from 0 (top) to 1
 *
 * Shows @html in place of the page loaded, then does what follows a load
 * (passages, find, #PyprepReader::painted). The caller has checked that
 * the page loaded can take it (self->swappable).
 */
void
_pyprep_reader_swap_html (PyprepReader *self,
                          const char   *html,
                          const char   *uri,
                          double        scroll)
{
  g_autofree char *script = pyprep_render_dup_script ("swap-entry.js");
  GVariantDict arguments;
  Swap *swap;

  /* Like a load, a swap starts a new generation of the page: what waits
   * on the page before it (a paint, an earlier swap) lets it be. */
  self->generation++;
  self->loading = TRUE;
  self->restore_scroll = -1;

  swap = g_new0 (Swap, 1);
  swap->self = g_object_ref (self);
  swap->generation = self->generation;
  swap->uri = g_strdup (uri);
  swap->scroll = scroll;

  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "html", "s", html);
  g_variant_dict_insert (&arguments, "uri", "s", uri);
  g_variant_dict_insert (&arguments, "fraction", "d", CLAMP (scroll, 0.0, 1.0));
  webkit_web_view_call_async_javascript_function (self->view, script, -1, g_variant_dict_end (&arguments),
                                                  "pyprep", NULL, self->cancellable, swapped_cb, swap);
}

/**
 * _pyprep_reader_swap_entry:
 * @entry: the entry to show
 * @uri: its page's address
 * @scroll: where to scroll to, from 0 (top) to 1
 *
 * Shows @entry in the page already loaded, if that page can take it.
 *
 * Returns: %FALSE when the entry must be loaded as a new page
 */
gboolean
_pyprep_reader_swap_entry (PyprepReader *self,
                           PyprepEntry  *entry,
                           const char   *uri,
                           double        scroll)
{
  g_autofree char *html = NULL;

  if (!self->swappable || !pyprep_web_context_get_ready (self->web_context)
      || webkit_web_view_is_loading (self->view) || self->pending_uri != NULL)
    return FALSE;

  pyprep_trace_mark ("swap", pyprep_entry_get_id (entry));
  html = pyprep_web_context_render_entry (self->web_context, entry);
  _pyprep_reader_swap_html (self, html, uri, scroll);
  return TRUE;
}

/* Whatever the page was, it is on its way out. */
void
_pyprep_reader_swap_load_started (PyprepReader *self)
{
  self->swappable = FALSE;
  self->load_filtered = pyprep_web_context_get_ready (self->web_context);
}

/* Only an entry page loaded whole, with every defence in place, takes
 * swaps: the first page may have loaded before the content filter. */
void
_pyprep_reader_swap_load_finished (PyprepReader *self)
{
  const char *uri = webkit_web_view_get_uri (self->view);

  self->swappable = self->load_filtered && uri != NULL && g_str_has_prefix (uri, PYPREP_ENTRY_URI_PREFIX);
}

/* WebKit shows a page of its own for a failed load, which has none of ours'
 * policy: it never takes a swap. A load cancelled by the next one (the
 * empty page of the start, say) leaves that one to say. */
gboolean
_pyprep_reader_swap_load_failed_cb (WebKitWebView   *view,
                                    WebKitLoadEvent  event,
                                    char            *failing_uri,
                                    GError          *error,
                                    PyprepReader    *self)
{
  if (g_error_matches (error, WEBKIT_NETWORK_ERROR, WEBKIT_NETWORK_ERROR_CANCELLED))
    return FALSE;
  self->load_filtered = FALSE;
  self->swappable = FALSE;
  return FALSE;
}
