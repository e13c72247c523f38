/* pyprep-reader.c: the reader, the one place that configures and drives WebKit.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages come only from the `pyprep:` URI scheme, rendered by the core from
 * deck Markdown that we treat as untrusted. The defences, all set up here:
 *  - page scripts are off (enable-javascript-markup) and every page carries
 *    a Content-Security-Policy without scripts or remote sources, sent both
 *    as a response header and in the page;
 *  - a content filter blocks every load that is not `pyprep:` or `data:`,
 *    so nothing leaves the machine even if a page asked for it;
 *  - navigation is refused except to our own pages; web and mail links are
 *    handed to the user's browser through GtkUriLauncher;
 *  - an ephemeral network session keeps no cookies or cache on disk;
 *  - storage, WebGL, media and the like are switched off.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <webkit/webkit.h>

#include "pyprep-bench.h"
#include "pyprep-image.h"
#include "pyprep-reader.h"
#include "pyprep-render.h"
#include "pyprep-store.h"

struct _PyprepReader
{
  AdwBin parent_instance;

  /* owned */
  WebKitWebContext *context;
  WebKitNetworkSession *session;
  WebKitUserContentManager *content_manager;
  PyprepLibrary *library;
  PyprepEntry *entry;
  GCancellable *cancellable;
  char *pending_uri;
  char *passages;              /* JSON array of the quotes to mark */
  GPtrArray *back;             /* entry IDs, most recent last */
  GPtrArray *forward;

  /* borrowed: the child of the bin */
  WebKitWebView *view;

  /* state */
  gboolean filter_ready;
  guint generation;
  double restore_scroll;       /* where to scroll once the page loads, or < 0 */
  gboolean loading;
  char *pending_find;          /* what to find once the page loads */
};

G_DEFINE_FINAL_TYPE (PyprepReader, pyprep_reader, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_ENTRY,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  PROP_ZOOM_LEVEL,
  N_PROPS
};

enum {
  PAINTED,
  PASSAGES_MARKED,
  SCROLLED,
  FOUND,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define FILTER_ID "pyprep-block-remote"

/* Block everything, then let our own scheme and inline images through. */
static const char filter_rules[] =
  "["
  "{\"trigger\":{\"url-filter\":\".*\"},\"action\":{\"type\":\"block\"}},"
  "{\"trigger\":{\"url-filter\":\"^pyprep:\"},\"action\":{\"type\":\"ignore-previous-rules\"}},"
  "{\"trigger\":{\"url-filter\":\"^data:\"},\"action\":{\"type\":\"ignore-previous-rules\"}},"
  "{\"trigger\":{\"url-filter\":\"^about:blank\"},\"action\":{\"type\":\"ignore-previous-rules\"}}"
  "]";

static PyprepPageStyle
current_page_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  PyprepPageStyle style = 0;

  if (adw_style_manager_get_dark (manager))
    style |= PYPREP_PAGE_STYLE_DARK;
  if (adw_style_manager_get_high_contrast (manager))
    style |= PYPREP_PAGE_STYLE_HIGH_CONTRAST;

  return style;
}

static const char *
entry_language (PyprepEntry *entry)
{
  PyprepTopic *topic = entry != NULL ? pyprep_entry_get_topic (entry) : NULL;
  PyprepDeck *deck = topic != NULL ? pyprep_topic_get_deck (topic) : NULL;

  return deck != NULL ? pyprep_deck_get_language (deck) : NULL;
}

static void
finish_request (WebKitURISchemeRequest *request,
                GBytes                 *bytes,
                const char             *content_type)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(WebKitURISchemeResponse) response = NULL;
  SoupMessageHeaders *headers;

  response = webkit_uri_scheme_response_new (stream, g_bytes_get_size (bytes));
  webkit_uri_scheme_response_set_content_type (response, content_type);
  webkit_uri_scheme_response_set_status (response, 200, NULL);

  headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  soup_message_headers_append (headers, "Content-Security-Policy", pyprep_render_csp ());
  soup_message_headers_append (headers, "X-Content-Type-Options", "nosniff");
  webkit_uri_scheme_response_set_http_headers (response, headers);

  webkit_uri_scheme_request_finish_with_response (request, response);
}

static void
scheme_request_cb (WebKitURISchemeRequest *request,
                   gpointer                user_data)
{
  PyprepReader *self = PYPREP_READER (user_data);
  const char *uri = webkit_uri_scheme_request_get_uri (request);
  g_autofree char *entry_id = NULL;
  g_autofree char *html = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PyprepEntry *entry = NULL;

  /* Images of a notes folder; pyprep-image.c decides what may be served. */
  if (g_str_has_prefix (uri, PYPREP_IMAGE_URI_PREFIX) && self->library != NULL)
    {
      g_autoptr(GError) error = NULL;
      const char *type = NULL;

      bytes = pyprep_image_load_uri (self->library, uri, &type, &error);
      if (bytes == NULL)
        webkit_uri_scheme_request_finish_error (request, error);
      else
        finish_request (request, bytes, type);
      return;
    }

  entry_id = pyprep_entry_id_from_uri (uri);
  if (entry_id == NULL)
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                             "No such page: %s", uri);

      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  if (self->library != NULL)
    entry = pyprep_library_lookup_entry (self->library, entry_id);

  if (entry != NULL)
    html = pyprep_render_entry (entry, entry_language (entry), current_page_style ());
  else
    html = pyprep_render_message (_("Entry Not Found"),
                                  _("No open deck has this entry. It may have been removed or renamed."),
                                  NULL, current_page_style ());

  bytes = g_bytes_new_take (html, strlen (html));
  html = NULL;
  finish_request (request, bytes, "text/html; charset=utf-8");
}

static void
launch_uri_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error)
      && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_message ("Could not open the link: %s", error->message);
}

static void
open_externally (PyprepReader *self,
                 const char   *uri)
{
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                           NULL, launch_uri_cb, NULL);
}

static gboolean
decide_policy_cb (WebKitWebView            *view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  PyprepReader             *self)
{
  WebKitNavigationPolicyDecision *navigation;
  WebKitNavigationAction *action;
  const char *uri;
  g_autofree char *scheme = NULL;
  g_autofree char *entry_id = NULL;
  gboolean clicked;

  switch (type)
    {
    case WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION:
    case WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION:
      break;
    case WEBKIT_POLICY_DECISION_TYPE_RESPONSE:
    default:
      return FALSE;
    }

  navigation = WEBKIT_NAVIGATION_POLICY_DECISION (decision);
  action = webkit_navigation_policy_decision_get_navigation_action (navigation);
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));
  clicked = webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED
            || type == WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION;
  scheme = g_uri_parse_scheme (uri);
  entry_id = pyprep_entry_id_from_uri (uri);

  if (entry_id != NULL)
    {
      /* A link to another entry goes through show_entry() so the reader's
       * entry, and with it the sidebar, follows. */
      if (clicked)
        {
          PyprepEntry *entry = self->library != NULL
                               ? pyprep_library_lookup_entry (self->library, entry_id) : NULL;

          webkit_policy_decision_ignore (decision);
          if (entry != NULL)
            pyprep_reader_show_entry (self, entry);
          return TRUE;
        }
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  if (g_strcmp0 (uri, "about:blank") == 0)
    {
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  /* Everything else stays out of the reader. Web and mail links the user
   * clicked open in their browser; anything else (file:, javascript:, a
   * redirect, a page's own navigation) is refused. */
  webkit_policy_decision_ignore (decision);
  if (clicked && scheme != NULL
      && (g_ascii_strcasecmp (scheme, "https") == 0
          || g_ascii_strcasecmp (scheme, "http") == 0
          || g_ascii_strcasecmp (scheme, "mailto") == 0))
    open_externally (self, uri);

  return TRUE;
}

static gboolean
context_menu_cb (WebKitWebView       *view,
                 WebKitContextMenu   *menu,
                 WebKitHitTestResult *hit,
                 PyprepReader        *self)
{
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));

  /* Keep copying and selecting; drop reload, inspector, open-in-new-window
   * and friends, which make no sense for generated pages. */
  for (GList *l = items; l != NULL; l = l->next)
    {
      WebKitContextMenuItem *item = l->data;

      WebKitContextMenuAction action = webkit_context_menu_item_get_stock_action (item);

      if (action != WEBKIT_CONTEXT_MENU_ACTION_COPY
          && action != WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL
          && action != WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD)
        webkit_context_menu_remove (menu, item);
    }
  g_list_free (items);

  return webkit_context_menu_get_n_items (menu) == 0;
}

static void
after_paint_cb (GdkFrameClock *clock,
                PyprepReader  *self)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);

  if (self->entry == NULL)
    return;
  /* For build-aux/dev.sh run and the benchmark, when they ask for it. */
  pyprep_bench_log ("painted", pyprep_entry_get_id (self->entry));
  g_signal_emit (self, signals[PAINTED], 0, self->entry);
}

static gboolean
next_frame_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  PyprepReader *self = PYPREP_READER (widget);

  /* This frame holds the page's first rendering; once GTK has painted it,
   * the entry is on screen. */
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));

  return G_SOURCE_REMOVE;
}

/* Scripts the reader runs in its own script world. They never contain text
 * from a deck or from the user: such text is passed as an argument, as
 * JSON, and parsed on the other side. */

/* The selected text, with some text around it to find it again later. */
static const char get_selection_script[] =
  "const sel = window.getSelection ();\n"
  "const main = document.querySelector ('main');\n"
  "if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !main) return '';\n"
  "const range = sel.getRangeAt (0);\n"
  "if (!main.contains (range.commonAncestorContainer)) return '';\n"
  "const before = document.createRange ();\n"
  "before.setStart (main, 0);\n"
  "before.setEnd (range.startContainer, range.startOffset);\n"
  "const after = document.createRange ();\n"
  "after.setStart (range.endContainer, range.endOffset);\n"
  "after.setEnd (main, main.childNodes.length);\n"
  "return JSON.stringify ({ exact: range.toString (),\n"
  "                         prefix: before.toString ().slice (-32),\n"
  "                         suffix: after.toString ().slice (0, 32) });";

/* Wraps each quoted passage in <mark class="annotation">; where a passage
 * occurs several times, the one after the remembered prefix wins. Returns
 * the IDs found. */
static const char mark_passages_script[] =
  "const main = document.querySelector ('main');\n"
  "if (!main) return '[]';\n"
  "for (const m of main.querySelectorAll ('mark.annotation')) m.replaceWith (...m.childNodes);\n"
  "main.normalize ();\n"
  "const nodes = [];\n"
  "let text = '';\n"
  "const walker = document.createTreeWalker (main, NodeFilter.SHOW_TEXT);\n"
  "while (walker.nextNode ()) { nodes.push ([walker.currentNode, text.length]); text += walker.currentNode.data; }\n"
  "const found = [];\n"
  "const segments = [];\n"
  "for (const q of JSON.parse (passages)) {\n"
  "  if (!q.exact) continue;\n"
  "  let best = -1;\n"
  "  for (let at = text.indexOf (q.exact); at >= 0; at = text.indexOf (q.exact, at + 1)) {\n"
  "    if (best < 0) best = at;\n"
  "    if (q.prefix && text.slice (Math.max (0, at - q.prefix.length), at) === q.prefix) { best = at; break; }\n"
  "  }\n"
  "  if (best < 0) continue;\n"
  "  found.push (q.id);\n"
  "  const end = best + q.exact.length;\n"
  "  for (const [node, start] of nodes) {\n"
  "    const from = Math.max (best, start), to = Math.min (end, start + node.data.length);\n"
  "    if (from < to) segments.push ([node, from - start, to - start, q.id]);\n"
  "  }\n"
  "}\n"
  "segments.sort ((a, b) => a[0] === b[0] ? b[1] - a[1] : (a[0].compareDocumentPosition (b[0]) & Node.DOCUMENT_POSITION_FOLLOWING ? 1 : -1));\n"
  "for (const [node, from, to, id] of segments) {\n"
  "  if (to < node.data.length) node.splitText (to);\n"
  "  const middle = from > 0 ? node.splitText (from) : node;\n"
  "  const mark = document.createElement ('mark');\n"
  "  mark.className = 'annotation';\n"
  "  mark.dataset.annotation = id;\n"
  "  middle.replaceWith (mark);\n"
  "  mark.appendChild (middle);\n"
  "}\n"
  "return JSON.stringify (found);";

/* Tells the reader, a moment after the user stops scrolling, how far down
 * the page is, as a fraction from 0 to 1. A user script in our own world:
 * the page itself runs no scripts. */
static const char scroll_tracker_script[] =
  "(() => {\n"
  "  let timer = 0;\n"
  "  addEventListener ('scroll', () => {\n"
  "    clearTimeout (timer);\n"
  "    timer = setTimeout (() => {\n"
  "      const room = document.documentElement.scrollHeight - innerHeight;\n"
  "      webkit.messageHandlers.scroll.postMessage (room > 0 ? scrollY / room : 0);\n"
  "    }, 250);\n"
  "  }, { passive: true });\n"
  "}) ();";

static const char scroll_to_script[] =
  "const room = document.documentElement.scrollHeight - innerHeight;\n"
  "scrollTo (0, Math.round (Math.max (0, Math.min (1, fraction)) * room));\n"
  "return true;";

static GStrv
parse_id_array (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv result;
  JsonNode *root;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL)
      && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }

  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

static void
passages_marked_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PyprepReader) self = user_data;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) found = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (value == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Cannot mark the quoted passages: %s", error->message);
      return;
    }

  json = jsc_value_to_string (value);
  found = parse_id_array (json);
  g_signal_emit (self, signals[PASSAGES_MARKED], 0, found);
}

static void
mark_passages (PyprepReader *self)
{
  GVariantDict arguments;

  if (self->entry == NULL || webkit_web_view_is_loading (self->view))
    return;

  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "passages", "s", self->passages != NULL ? self->passages : "[]");
  webkit_web_view_call_async_javascript_function (self->view, mark_passages_script, -1,
                                                  g_variant_dict_end (&arguments), "pyprep", NULL,
                                                  self->cancellable, passages_marked_cb,
                                                  g_object_ref (self));
}

typedef struct
{
  PyprepReader *self;
  guint generation;
} PaintWait;

static void
page_rendered_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PaintWait *wait = user_data;
  g_autoptr(PyprepReader) self = wait->self;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;
  gboolean current = wait->generation == self->generation;

  g_free (wait);
  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object),
                                                                 result, &error);
  if (value == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Cannot tell when the page is drawn: %s", error->message);
      return;
    }

  /* A newer load has started meanwhile; its own wait will report it. */
  if (!current)
    return;

  gtk_widget_add_tick_callback (GTK_WIDGET (self), next_frame_cb, NULL, NULL);
}

/* Two animation frames after the load, the web process has handed the
 * page's first rendering over. It runs in our own script world, apart from
 * the page (which runs no scripts of its own anyway). */
static const char wait_for_frames[] =
  "return await new Promise (done => requestAnimationFrame (() => requestAnimationFrame (() => done (true))));";

static void
load_changed_cb (WebKitWebView   *view,
                 WebKitLoadEvent  event,
                 PyprepReader    *self)
{
  PaintWait *wait;

  if (event == WEBKIT_LOAD_STARTED)
    self->generation++;

  if (event != WEBKIT_LOAD_FINISHED || self->entry == NULL)
    return;

  self->loading = FALSE;
  pyprep_bench_log ("load-finished", NULL);
  mark_passages (self);
  if (self->pending_find != NULL)
    {
      g_autofree char *text = g_steal_pointer (&self->pending_find);

      pyprep_reader_find (self, text);
    }
  if (self->restore_scroll > 0)
    {
      GVariantDict arguments;

      g_variant_dict_init (&arguments, NULL);
      g_variant_dict_insert (&arguments, "fraction", "d", self->restore_scroll);
      webkit_web_view_call_async_javascript_function (view, scroll_to_script, -1,
                                                      g_variant_dict_end (&arguments), "pyprep",
                                                      NULL, self->cancellable, NULL, NULL);
    }
  self->restore_scroll = -1;

  /* Knowing when a page is on screen costs a round trip to the web
   * process, so it is only worked out when someone asks: tests, dev.sh
   * run and the benchmark. */
  if (!g_signal_has_handler_pending (self, signals[PAINTED], 0, FALSE)
      && g_getenv ("PYPREP_PAINTED_LOG") == NULL)
    return;

  wait = g_new0 (PaintWait, 1);
  wait->self = g_object_ref (self);
  wait->generation = self->generation;
  webkit_web_view_call_async_javascript_function (view, wait_for_frames, -1, NULL, "pyprep", NULL,
                                                  self->cancellable, page_rendered_cb, wait);
}

static void
found_text_cb (WebKitFindController *controller,
               guint                 count,
               PyprepReader         *self)
{
  g_signal_emit (self, signals[FOUND], 0, count);
}

static void
failed_to_find_cb (WebKitFindController *controller,
                   PyprepReader         *self)
{
  g_signal_emit (self, signals[FOUND], 0, 0);
}

static void
scroll_message_cb (WebKitUserContentManager *manager,
                   JSCValue                 *value,
                   PyprepReader             *self)
{
  if (self->entry != NULL && jsc_value_is_number (value))
    g_signal_emit (self, signals[SCROLLED], 0, CLAMP (jsc_value_to_double (value), 0.0, 1.0));
}

static gboolean
web_process_terminated_cb (WebKitWebView                     *view,
                           WebKitWebProcessTerminationReason  reason,
                           PyprepReader                      *self)
{
  g_warning ("The page renderer stopped (reason %d); showing the entry again", reason);
  if (self->entry != NULL)
    webkit_web_view_reload (view);
  return TRUE;
}

static void
update_background (PyprepReader *self)
{
  GdkRGBA color;

  /* The view's own background shows before the page paints; keeping it the
   * page's colour avoids a white flash in dark mode. */
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    gdk_rgba_parse (&color, "#1d1d20");
  else
    gdk_rgba_parse (&color, "#ffffff");
  webkit_web_view_set_background_color (self->view, &color);
}

static void
style_changed_cb (PyprepReader *self)
{
  update_background (self);
  /* Pages carry their colours in their markup, so render them again. */
  if (self->entry != NULL)
    webkit_web_view_reload (self->view);
}

static void
load_uri (PyprepReader *self,
          const char   *uri)
{
  /* Until the content filter is in place, nothing is loaded at all. */
  if (!self->filter_ready)
    {
      g_free (self->pending_uri);
      self->pending_uri = g_strdup (uri);
      return;
    }

  pyprep_bench_log ("load-uri", NULL);
  webkit_web_view_load_uri (self->view, uri);
}

static void
filter_ready (PyprepReader            *self,
              WebKitUserContentFilter *filter)
{
  webkit_user_content_manager_add_filter (self->content_manager, filter);
  self->filter_ready = TRUE;
  pyprep_bench_log ("filter-ready", NULL);

  if (self->pending_uri != NULL)
    {
      g_autofree char *uri = g_steal_pointer (&self->pending_uri);

      load_uri (self, uri);
    }
}

static void
filter_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PyprepReader) self = user_data;
  g_autoptr(WebKitUserContentFilter) filter = NULL;
  g_autoptr(GError) error = NULL;

  filter = webkit_user_content_filter_store_save_finish (WEBKIT_USER_CONTENT_FILTER_STORE (object),
                                                         result, &error);
  if (filter == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_critical ("Cannot compile the filter that blocks remote loads: %s", error->message);
      return;
    }

  filter_ready (self, filter);
}

/* The filter's identifier in the store names its rules, so a filter
 * compiled by an earlier start is used only if the rules are the same. */
static char *
filter_id (void)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, filter_rules, -1);

  return g_strdup_printf ("%s-%.16s", FILTER_ID, hash);
}

static void
filter_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PyprepReader) self = user_data;
  WebKitUserContentFilterStore *store = WEBKIT_USER_CONTENT_FILTER_STORE (object);
  g_autoptr(WebKitUserContentFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) rules = NULL;
  g_autofree char *id = NULL;

  filter = webkit_user_content_filter_store_load_finish (store, result, &error);
  if (filter != NULL)
    {
      filter_ready (self, filter);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Not compiled yet (or unreadable): compile it now, which takes a while
   * on the first start, and keep it for the next. */
  id = filter_id ();
  rules = g_bytes_new_static (filter_rules, sizeof filter_rules - 1);
  webkit_user_content_filter_store_save (store, id, rules, self->cancellable,
                                         filter_saved_cb, g_object_ref (self));
}

static void
setup_filter (PyprepReader *self)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "pyprep", "content-filters", NULL);
  g_autoptr(WebKitUserContentFilterStore) store = webkit_user_content_filter_store_new (path);
  g_autofree char *id = filter_id ();

  pyprep_bench_log ("filter-load", NULL);
  webkit_user_content_filter_store_load (store, id, self->cancellable,
                                         filter_loaded_cb, g_object_ref (self));
}

static WebKitSettings *
create_settings (void)
{
  return g_object_new (WEBKIT_TYPE_SETTINGS,
                       /* No scripts from pages; the app may still run its own. */
                       "enable-javascript-markup", FALSE,
                       "javascript-can-open-windows-automatically", FALSE,
                       "javascript-can-access-clipboard", FALSE,
                       "allow-file-access-from-file-urls", FALSE,
                       "allow-universal-access-from-file-urls", FALSE,
                       "allow-modal-dialogs", FALSE,
                       "enable-html5-database", FALSE,
                       "enable-html5-local-storage", FALSE,
                       "enable-page-cache", FALSE,
                       "enable-webaudio", FALSE,
                       "enable-webgl", FALSE,
                       "enable-webrtc", FALSE,
                       "enable-media", FALSE,
                       "enable-media-capabilities", FALSE,
                       "enable-encrypted-media", FALSE,
                       "enable-mediasource", FALSE,
                       "enable-site-specific-quirks", FALSE,
                       "enable-back-forward-navigation-gestures", FALSE,
                       "enable-developer-extras", FALSE,
                       "enable-write-console-messages-to-stdout", FALSE,
                       "media-playback-requires-user-gesture", TRUE,
                       "default-charset", "utf-8",
                       NULL);
}

static void
pyprep_reader_dispose (GObject *object)
{
  PyprepReader *self = PYPREP_READER (object);

  g_cancellable_cancel (self->cancellable);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_clear_object (&self->entry);
  g_clear_object (&self->content_manager);
  g_clear_object (&self->session);
  self->view = NULL;

  G_OBJECT_CLASS (pyprep_reader_parent_class)->dispose (object);

  /* The context last: the view that used it is gone with the bin's child. */
  g_clear_object (&self->context);
}

static void
pyprep_reader_finalize (GObject *object)
{
  PyprepReader *self = PYPREP_READER (object);

  g_free (self->pending_uri);
  g_free (self->passages);
  g_free (self->pending_find);
  g_clear_pointer (&self->back, g_ptr_array_unref);
  g_clear_pointer (&self->forward, g_ptr_array_unref);

  G_OBJECT_CLASS (pyprep_reader_parent_class)->finalize (object);
}

static void
pyprep_reader_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PyprepReader *self = PYPREP_READER (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, self->back->len > 0);
      break;
    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, self->forward->len > 0);
      break;
    case PROP_ZOOM_LEVEL:
      g_value_set_double (value, webkit_web_view_get_zoom_level (self->view));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_reader_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PyprepReader *self = PYPREP_READER (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      pyprep_reader_set_library (self, g_value_get_object (value));
      break;
    case PROP_ZOOM_LEVEL:
      pyprep_reader_set_zoom_level (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_reader_class_init (PyprepReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_reader_dispose;
  object_class->finalize = pyprep_reader_finalize;
  object_class->get_property = pyprep_reader_get_property;
  object_class->set_property = pyprep_reader_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PYPREP_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, PYPREP_TYPE_ENTRY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PyprepReader:zoom-level:
   *
   * The size of the page's text, 1 being normal.
   */
  properties[PROP_ZOOM_LEVEL] =
    g_param_spec_double ("zoom-level", NULL, NULL, PYPREP_READER_MIN_ZOOM, PYPREP_READER_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PyprepReader::painted:
   * @entry: the entry on screen
   *
   * Emitted once an entry's page has been drawn on screen.
   */
  signals[PAINTED] =
    g_signal_new ("painted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PYPREP_TYPE_ENTRY);

  /**
   * PyprepReader::passages-marked:
   * @found: (array zero-terminated=1): the IDs of the annotations whose
   *   quoted passage was found and marked in the page
   *
   * Emitted after each load and after pyprep_reader_set_passages().
   */
  /**
   * PyprepReader::scrolled:
   * @fraction: how far down the page is, from 0 to 1
   *
   * Emitted a moment after the user stops scrolling.
   */
  signals[SCROLLED] =
    g_signal_new ("scrolled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);

  /**
   * PyprepReader::found:
   * @count: how many times the text searched for occurs in the page
   *
   * Emitted after pyprep_reader_find() and each step through the matches.
   */
  signals[FOUND] =
    g_signal_new ("found", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  signals[PASSAGES_MARKED] =
    g_signal_new ("passages-marked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);

  gtk_widget_class_set_css_name (widget_class, "reader");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* WebKit keeps a text view of its own inside the web view, never shown (it
 * only turns key presses into editing commands). Screen readers would still
 * list it as an unnamed text field: hide it from them, once GTK has set the
 * widget states that mapping sets. */
static void
hide_key_translator_cb (GtkWidget *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (view);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TEXT_VIEW (child))
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
    }
}

static void
pyprep_reader_init (PyprepReader *self)
{
  g_autoptr(WebKitSettings) settings = create_settings ();
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->cancellable = g_cancellable_new ();
  self->back = g_ptr_array_new_with_free_func (g_free);
  self->forward = g_ptr_array_new_with_free_func (g_free);
  self->restore_scroll = -1;

  /* Our own context, so the pyprep: scheme and its handler belong to this
   * reader alone. */
  self->context = webkit_web_context_new ();
  webkit_web_context_set_cache_model (self->context, WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
  webkit_web_context_register_uri_scheme (self->context, PYPREP_URI_SCHEME,
                                          scheme_request_cb, self, NULL);
  webkit_security_manager_register_uri_scheme_as_secure (
    webkit_web_context_get_security_manager (self->context), PYPREP_URI_SCHEME);

  self->session = webkit_network_session_new_ephemeral ();
  self->content_manager = webkit_user_content_manager_new ();
  {
    g_autoptr(WebKitUserScript) tracker =
      webkit_user_script_new_for_world (scroll_tracker_script, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                        WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_END, "pyprep", NULL, NULL);

    webkit_user_content_manager_add_script (self->content_manager, tracker);
    webkit_user_content_manager_register_script_message_handler (self->content_manager, "scroll", "pyprep");
    g_signal_connect (self->content_manager, "script-message-received::scroll",
                      G_CALLBACK (scroll_message_cb), self);
  }

  self->view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                             "web-context", self->context,
                             "network-session", self->session,
                             "user-content-manager", self->content_manager,
                             "settings", settings,
                             "hexpand", TRUE,
                             "vexpand", TRUE,
                             NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Entry"),
                                  -1);
  g_signal_connect (self->view, "map", G_CALLBACK (hide_key_translator_cb), NULL);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->view));

  g_signal_connect (self->view, "decide-policy", G_CALLBACK (decide_policy_cb), self);
  g_signal_connect (self->view, "context-menu", G_CALLBACK (context_menu_cb), self);
  g_signal_connect (self->view, "load-changed", G_CALLBACK (load_changed_cb), self);
  g_signal_connect (self->view, "web-process-terminated", G_CALLBACK (web_process_terminated_cb), self);
  g_signal_connect (webkit_web_view_get_find_controller (self->view), "found-text",
                    G_CALLBACK (found_text_cb), self);
  g_signal_connect (webkit_web_view_get_find_controller (self->view), "failed-to-find-text",
                    G_CALLBACK (failed_to_find_cb), self);

  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (style_changed_cb), self);
  g_signal_connect_swapped (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self);
  update_background (self);

  setup_filter (self);
}

/**
 * pyprep_reader_get_library:
 *
 * Returns: (transfer none) (nullable): the library entries are looked up in
 */
PyprepLibrary *
pyprep_reader_get_library (PyprepReader *self)
{
  g_return_val_if_fail (PYPREP_IS_READER (self), NULL);
  return self->library;
}

void
pyprep_reader_set_library (PyprepReader  *self,
                           PyprepLibrary *library)
{
  g_return_if_fail (PYPREP_IS_READER (self));
  g_return_if_fail (library == NULL || PYPREP_IS_LIBRARY (library));

  if (g_set_object (&self->library, library))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/**
 * pyprep_reader_get_entry:
 *
 * Returns: (transfer none) (nullable): the entry shown
 */
PyprepEntry *
pyprep_reader_get_entry (PyprepReader *self)
{
  g_return_val_if_fail (PYPREP_IS_READER (self), NULL);
  return self->entry;
}

static void
load_entry (PyprepReader *self,
            PyprepEntry  *entry,
            double        scroll)
{
  g_autofree char *uri = pyprep_entry_uri (pyprep_entry_get_id (entry));

  g_set_object (&self->entry, entry);
  self->restore_scroll = scroll;
  self->loading = TRUE;
  load_uri (self, uri);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}

static void
notify_history (PyprepReader *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_FORWARD]);
}

/**
 * pyprep_reader_show_entry:
 * @entry: the entry to show
 *
 * Loads @entry's page and remembers the entry shown before, for
 * pyprep_reader_go_back(). Showing the entry already shown does nothing.
 */
void
pyprep_reader_show_entry (PyprepReader *self,
                          PyprepEntry  *entry)
{
  pyprep_reader_show_entry_at (self, entry, 0.0);
}

/**
 * pyprep_reader_show_entry_at:
 * @entry: the entry to show
 * @scroll: where to scroll to once it is loaded, from 0 (top) to 1
 *
 * Like pyprep_reader_show_entry(), returning to a reading position.
 */
void
pyprep_reader_show_entry_at (PyprepReader *self,
                             PyprepEntry  *entry,
                             double        scroll)
{
  g_return_if_fail (PYPREP_IS_READER (self));
  g_return_if_fail (PYPREP_IS_ENTRY (entry));

  if (self->entry == entry)
    return;

  if (self->entry != NULL)
    g_ptr_array_add (self->back, g_strdup (pyprep_entry_get_id (self->entry)));
  g_ptr_array_set_size (self->forward, 0);
  load_entry (self, entry, scroll);
  notify_history (self);
}

/**
 * pyprep_reader_replace_entry:
 * @entry: an entry with the same ID as the one shown, from a reloaded deck
 *
 * Shows @entry in place of the entry shown, without a step in the history.
 */
void
pyprep_reader_replace_entry (PyprepReader *self,
                             PyprepEntry  *entry)
{
  g_return_if_fail (PYPREP_IS_READER (self));
  g_return_if_fail (PYPREP_IS_ENTRY (entry));

  load_entry (self, entry, 0.0);
}

/* Moves one step through the history, skipping entries that are gone. */
static gboolean
step (PyprepReader *self,
      GPtrArray    *from,
      GPtrArray    *to)
{
  while (from->len > 0)
    {
      g_autofree char *id = g_ptr_array_steal_index (from, from->len - 1);
      PyprepEntry *entry = self->library != NULL ? pyprep_library_lookup_entry (self->library, id) : NULL;

      if (entry == NULL)
        continue;
      if (self->entry != NULL)
        g_ptr_array_add (to, g_strdup (pyprep_entry_get_id (self->entry)));
      load_entry (self, entry, 0.0);
      notify_history (self);
      return TRUE;
    }

  notify_history (self);
  return FALSE;
}

/**
 * pyprep_reader_go_back:
 *
 * Returns: %TRUE when there was an entry to go back to
 */
gboolean
pyprep_reader_go_back (PyprepReader *self)
{
  g_return_val_if_fail (PYPREP_IS_READER (self), FALSE);
  return step (self, self->back, self->forward);
}

/**
 * pyprep_reader_go_forward:
 *
 * Returns: %TRUE when there was an entry to go forward to
 */
gboolean
pyprep_reader_go_forward (PyprepReader *self)
{
  g_return_val_if_fail (PYPREP_IS_READER (self), FALSE);
  return step (self, self->forward, self->back);
}

gboolean
pyprep_reader_get_can_go_back (PyprepReader *self)
{
  g_return_val_if_fail (PYPREP_IS_READER (self), FALSE);
  return self->back->len > 0;
}

gboolean
pyprep_reader_get_can_go_forward (PyprepReader *self)
{
  g_return_val_if_fail (PYPREP_IS_READER (self), FALSE);
  return self->forward->len > 0;
}

double
pyprep_reader_get_zoom_level (PyprepReader *self)
{
  g_return_val_if_fail (PYPREP_IS_READER (self), 1.0);
  return webkit_web_view_get_zoom_level (self->view);
}

/**
 * pyprep_reader_set_zoom_level:
 * @zoom: the text size, 1 being normal
 */
void
pyprep_reader_set_zoom_level (PyprepReader *self,
                              double        zoom)
{
  g_return_if_fail (PYPREP_IS_READER (self));

  zoom = CLAMP (zoom, PYPREP_READER_MIN_ZOOM, PYPREP_READER_MAX_ZOOM);
  if (G_APPROX_VALUE (zoom, webkit_web_view_get_zoom_level (self->view), 0.001))
    return;
  webkit_web_view_set_zoom_level (self->view, zoom);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_LEVEL]);
}

/**
 * pyprep_reader_get_view:
 *
 * Returns: (transfer none): the #WebKitWebView, for tests
 */
GtkWidget *
pyprep_reader_get_view (PyprepReader *self)
{
  g_return_val_if_fail (PYPREP_IS_READER (self), NULL);
  return GTK_WIDGET (self->view);
}

static void
selection_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JSCValue) value = NULL;
  GError *error = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (value == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, jsc_value_to_string (value), g_free);
}

/**
 * pyprep_reader_get_selection_async:
 *
 * Asks the page for the text the user selected.
 */
void
pyprep_reader_get_selection_async (PyprepReader        *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PYPREP_IS_READER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pyprep_reader_get_selection_async);
  webkit_web_view_call_async_javascript_function (self->view, get_selection_script, -1, NULL,
                                                  "pyprep", NULL, cancellable, selection_cb, task);
}

/**
 * pyprep_reader_get_selection_finish:
 * @quote: (out) (optional) (nullable): the selected text, or %NULL when none
 * @prefix: (out) (optional) (nullable): text just before it
 * @suffix: (out) (optional) (nullable): text just after it
 *
 * Returns: %TRUE unless the page could not be asked
 */
gboolean
pyprep_reader_get_selection_finish (PyprepReader  *self,
                                    GAsyncResult  *result,
                                    char         **quote,
                                    char         **prefix,
                                    char         **suffix,
                                    GError       **error)
{
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object = NULL;
  JsonNode *root;

  g_return_val_if_fail (PYPREP_IS_READER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  json = g_task_propagate_pointer (G_TASK (result), error);
  if (json == NULL)
    return FALSE;

  if (*json != '\0' && json_parser_load_from_data (parser, json, -1, NULL)
      && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    object = json_node_get_object (root);

#define TAKE(out, key) \
  if (out != NULL) \
    *out = object != NULL ? g_strdup (json_object_get_string_member_with_default (object, key, NULL)) : NULL
  TAKE (quote, "exact");
  TAKE (prefix, "prefix");
  TAKE (suffix, "suffix");
#undef TAKE

  if (quote != NULL && *quote != NULL && **quote == '\0')
    g_clear_pointer (quote, g_free);

  return TRUE;
}

/**
 * pyprep_reader_set_passages:
 * @annotations: (element-type PyprepAnnotation): the annotations of the
 *   entry shown; those quoting a passage get it marked in the page
 *
 * #PyprepReader::passages-marked tells which passages were found.
 */
void
pyprep_reader_set_passages (PyprepReader *self,
                            GPtrArray    *annotations)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_if_fail (PYPREP_IS_READER (self));

  json_builder_begin_array (builder);
  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      const PyprepAnnotation *annotation = g_ptr_array_index (annotations, i);

      if (annotation->quote == NULL)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, annotation->id);
      json_builder_set_member_name (builder, "exact");
      json_builder_add_string_value (builder, annotation->quote);
      json_builder_set_member_name (builder, "prefix");
      json_builder_add_string_value (builder, annotation->prefix != NULL ? annotation->prefix : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  g_free (self->passages);
  self->passages = json_generator_to_data (generator, NULL);

  mark_passages (self);
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
      g_signal_emit (self, signals[FOUND], 0, 0);
      return;
    }
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

/**
 * pyprep_reader_print:
 *
 * Opens the print dialog for the entry shown.
 */
void
pyprep_reader_print (PyprepReader *self)
{
  g_autoptr(WebKitPrintOperation) operation = NULL;
  GtkRoot *root;

  g_return_if_fail (PYPREP_IS_READER (self));

  if (self->entry == NULL)
    return;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  operation = webkit_print_operation_new (self->view);
  webkit_print_operation_run_dialog (operation, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}
