/* pyprep-web-context.c: the one place that configures WebKit.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages come only from the `pyprep:` URI scheme, rendered by the core from
 * deck Markdown that we treat as untrusted. The defences, all set up here:
 *  - page scripts are off (enable-javascript-markup) and every page carries
 *    a Content-Security-Policy without scripts or remote sources, sent both
 *    as a response header and in the page;
 *  - a content filter blocks every load that is not `pyprep:` or `data:`,
 *    so nothing leaves the machine even if a page asked for it; the web
 *    view it serves loads nothing until the filter is in place (the
 *    "ready" property);
 *  - navigation is refused except to our own pages; web and mail links,
 *    which pages carry as `pyprep://web/` URIs so that WebKit never starts
 *    a connection for them, are handed to the user's browser through
 *    GtkUriLauncher;
 *  - an ephemeral network session keeps no cookies or cache on disk;
 *  - storage, WebGL, media and the like are switched off.
 * The reader's own scripts (the .js files of data/page) run in a script world of their
 * own, "pyprep", apart from the page.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-image.h"
#include "pyprep-render.h"
#include "pyprep-trace.h"
#include "pyprep-web-context.h"

#define FILTER_ID "pyprep-block-remote"

struct _PyprepWebContext
{
  GObject parent_instance;

  /* owned */
  WebKitWebContext *context;
  WebKitNetworkSession *session;
  WebKitUserContentManager *content_manager;
  PyprepLibrary *library;
  GCancellable *cancellable;

  /* state */
  gboolean ready;
};

G_DEFINE_FINAL_TYPE (PyprepWebContext, pyprep_web_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_READY,
  N_PROPS
};

enum {
  ENTRY_ACTIVATED,
  SCROLLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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
  PyprepWebContext *self = PYPREP_WEB_CONTEXT (user_data);
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
    html = pyprep_web_context_render_entry (self, entry);
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
open_externally (WebKitWebView *view,
                 const char    *uri)
{
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (view));

  gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                           NULL, launch_uri_cb, NULL);
}

static gboolean
decide_policy_cb (WebKitWebView            *view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  PyprepWebContext         *self)
{
  WebKitNavigationPolicyDecision *navigation;
  WebKitNavigationAction *action;
  const char *uri;
  g_autofree char *scheme = NULL;
  g_autofree char *entry_id = NULL;
  g_autofree char *web = NULL;
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
      /* A link to another entry goes to whoever shows entries, so that the
       * reader's entry, and with it the sidebar, follows. */
      if (clicked)
        {
          PyprepEntry *entry = self->library != NULL
                               ? pyprep_library_lookup_entry (self->library, entry_id) : NULL;

          webkit_policy_decision_ignore (decision);
          if (entry != NULL)
            g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, entry);
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

  /* A web link of our pages is a URI of our scheme, which WebKit does not
   * connect anywhere for: the address it carries goes to the browser. */
  web = pyprep_render_web_link_target (uri);
  if (web != NULL)
    {
      webkit_policy_decision_ignore (decision);
      if (clicked)
        open_externally (view, web);
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
    open_externally (view, uri);

  return TRUE;
}

static void
copy_web_link_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  gdk_clipboard_set_text (gdk_display_get_clipboard (gdk_display_get_default ()),
                          g_variant_get_string (parameter, NULL));
}

/* A web link's Copy Link copies the address it stands for, not the
 * pyprep://web/ URI the page carries. */
static void
add_copy_web_link (WebKitContextMenu   *menu,
                   WebKitHitTestResult *hit)
{
  const char *uri = webkit_hit_test_result_context_is_link (hit)
                    ? webkit_hit_test_result_get_link_uri (hit) : NULL;
  g_autofree char *web = uri != NULL ? pyprep_render_web_link_target (uri) : NULL;
  g_autoptr(GSimpleAction) action = NULL;

  if (web == NULL)
    return;
  action = g_simple_action_new ("copy-web-link", G_VARIANT_TYPE_STRING);
  g_signal_connect (action, "activate", G_CALLBACK (copy_web_link_cb), NULL);
  webkit_context_menu_append (menu, webkit_context_menu_item_new_from_gaction (G_ACTION (action),
                                                                               _("Copy Link"),
                                                                               g_variant_new_string (web)));
}

static gboolean
context_menu_cb (WebKitWebView       *view,
                 WebKitContextMenu   *menu,
                 WebKitHitTestResult *hit,
                 gpointer             user_data)
{
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));
  gboolean web = webkit_hit_test_result_context_is_link (hit)
                 && g_str_has_prefix (webkit_hit_test_result_get_link_uri (hit), PYPREP_WEB_URI_PREFIX);

  /* Keep copying and selecting; drop reload, inspector, open-in-new-window
   * and friends, which make no sense for generated pages. */
  for (GList *l = items; l != NULL; l = l->next)
    {
      WebKitContextMenuItem *item = l->data;
      WebKitContextMenuAction action = webkit_context_menu_item_get_stock_action (item);

      if (action != WEBKIT_CONTEXT_MENU_ACTION_COPY
          && action != WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL
          && (action != WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD || web))
        webkit_context_menu_remove (menu, item);
    }
  g_list_free (items);
  add_copy_web_link (menu, hit);

  return webkit_context_menu_get_n_items (menu) == 0;
}

static void
scroll_message_cb (WebKitUserContentManager *manager,
                   JSCValue                 *value,
                   PyprepWebContext         *self)
{
  if (jsc_value_is_number (value))
    g_signal_emit (self, signals[SCROLLED], 0, CLAMP (jsc_value_to_double (value), 0.0, 1.0));
}

static void
filter_ready (PyprepWebContext        *self,
              WebKitUserContentFilter *filter)
{
  webkit_user_content_manager_add_filter (self->content_manager, filter);
  self->ready = TRUE;
  pyprep_trace_mark ("filter-ready", NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static void
filter_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PyprepWebContext) self = user_data;
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
  g_autoptr(PyprepWebContext) self = user_data;
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
setup_filter (PyprepWebContext *self)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "pyprep", "content-filters", NULL);
  g_autoptr(WebKitUserContentFilterStore) store = webkit_user_content_filter_store_new (path);
  g_autofree char *id = filter_id ();

  pyprep_trace_mark ("filter-load", NULL);
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
pyprep_web_context_dispose (GObject *object)
{
  PyprepWebContext *self = PYPREP_WEB_CONTEXT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_clear_object (&self->content_manager);
  g_clear_object (&self->session);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pyprep_web_context_parent_class)->dispose (object);
}

static void
pyprep_web_context_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PyprepWebContext *self = PYPREP_WEB_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_web_context_class_init (PyprepWebContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pyprep_web_context_dispose;
  object_class->get_property = pyprep_web_context_get_property;

  /**
   * PyprepWebContext:ready:
   *
   * Whether the content filter is in place; nothing may load before.
   */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PyprepWebContext::entry-activated:
   * @entry: the entry a clicked link leads to
   */
  signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PYPREP_TYPE_ENTRY);

  /**
   * PyprepWebContext::scrolled:
   * @fraction: how far down the page is, from 0 to 1
   *
   * Emitted a moment after the user stops scrolling a page.
   */
  signals[SCROLLED] =
    g_signal_new ("scrolled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);
}

static void
pyprep_web_context_init (PyprepWebContext *self)
{
  g_autofree char *tracker_source = pyprep_render_dup_script ("scroll-tracker.js");
  g_autoptr(WebKitUserScript) tracker = NULL;

  self->cancellable = g_cancellable_new ();

  /* A context of our own, so the pyprep: scheme and its handler belong to
   * this reader alone. */
  self->context = webkit_web_context_new ();
  webkit_web_context_set_cache_model (self->context, WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
  webkit_web_context_register_uri_scheme (self->context, PYPREP_URI_SCHEME,
                                          scheme_request_cb, self, NULL);
  webkit_security_manager_register_uri_scheme_as_secure (
    webkit_web_context_get_security_manager (self->context), PYPREP_URI_SCHEME);

  self->session = webkit_network_session_new_ephemeral ();
  self->content_manager = webkit_user_content_manager_new ();
  tracker = webkit_user_script_new_for_world (tracker_source, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                              WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_END,
                                              "pyprep", NULL, NULL);
  webkit_user_content_manager_add_script (self->content_manager, tracker);
  webkit_user_content_manager_register_script_message_handler (self->content_manager, "scroll", "pyprep");
  g_signal_connect_object (self->content_manager, "script-message-received::scroll",
                           G_CALLBACK (scroll_message_cb), self, 0);

  setup_filter (self);
}

PyprepWebContext *
pyprep_web_context_new (void)
{
  return g_object_new (PYPREP_TYPE_WEB_CONTEXT, NULL);
}

/**
 * pyprep_web_context_set_library:
 * @library: (nullable): where the entries pages show are looked up
 */
void
pyprep_web_context_set_library (PyprepWebContext *self,
                                PyprepLibrary    *library)
{
  g_return_if_fail (PYPREP_IS_WEB_CONTEXT (self));
  g_return_if_fail (library == NULL || PYPREP_IS_LIBRARY (library));

  g_set_object (&self->library, library);
}

/**
 * pyprep_web_context_get_ready:
 *
 * Returns: whether the content filter is in place, so pages may load
 */
gboolean
pyprep_web_context_get_ready (PyprepWebContext *self)
{
  g_return_val_if_fail (PYPREP_IS_WEB_CONTEXT (self), FALSE);
  return self->ready;
}

/**
 * pyprep_web_context_create_view:
 *
 * Returns: (transfer floating): a web view with every defence of this file
 *   in place, for pages of the `pyprep:` scheme
 */
WebKitWebView *
pyprep_web_context_create_view (PyprepWebContext *self)
{
  g_autoptr(WebKitSettings) settings = create_settings ();
  WebKitWebView *view;

  g_return_val_if_fail (PYPREP_IS_WEB_CONTEXT (self), NULL);

  view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                       "web-context", self->context,
                       "network-session", self->session,
                       "user-content-manager", self->content_manager,
                       "settings", settings,
                       "hexpand", TRUE,
                       "vexpand", TRUE,
                       NULL);
  g_signal_connect_object (view, "decide-policy", G_CALLBACK (decide_policy_cb), self, 0);
  g_signal_connect (view, "context-menu", G_CALLBACK (context_menu_cb), NULL);

  return view;
}

/**
 * pyprep_web_context_render_entry:
 * @entry: an entry
 *
 * The page of @entry as this context serves it: in its deck's language
 * and libadwaita's current colours.
 *
 * Returns: (transfer full): the page's HTML
 */
char *
pyprep_web_context_render_entry (PyprepWebContext *self,
                                 PyprepEntry      *entry)
{
  g_return_val_if_fail (PYPREP_IS_WEB_CONTEXT (self), NULL);
  g_return_val_if_fail (PYPREP_IS_ENTRY (entry), NULL);

  return pyprep_render_entry (entry, entry_language (entry), current_page_style ());
}

/**
 * pyprep_web_context_get_page_classes:
 *
 * Returns: the classes of the root element of a page in libadwaita's
 *   current colours, as this context serves pages
 */
const char *
pyprep_web_context_get_page_classes (PyprepWebContext *self)
{
  g_return_val_if_fail (PYPREP_IS_WEB_CONTEXT (self), NULL);

  return pyprep_render_style_classes (current_page_style ());
}
