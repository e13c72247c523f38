/* pyprep-reader.c: the reader: shows entries in a web view, and finds in them.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WebKit is configured in one place, pyprep-web-context.c, which also says
 * how untrusted pages are kept in. The reader drives one view: it loads
 * entries, tells when they are painted, restores the reading position,
 * finds text (pyprep-reader-find.c) and zooms; the passages quoted by
 * annotations are marked by pyprep-reader-passages.c; the next entry is
 * shown in place where it can be (pyprep-reader-swap.c), and the page
 * takes a new style in place (pyprep-reader-style.c); back and forward
 * are a PyprepHistory.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-reader-private.h"
#include "pyprep-render.h"
#include "pyprep-trace.h"

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

static GParamSpec *properties[N_PROPS];
guint _pyprep_reader_signals[N_READER_SIGNALS];
#define signals _pyprep_reader_signals

static void
after_paint_cb (GdkFrameClock *clock,
                PyprepReader  *self)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);

  if (self->entry == NULL)
    return;
  /* For build-aux/dev.sh run and the benchmark, when they ask for it. */
  pyprep_trace_mark ("painted", pyprep_entry_get_id (self->entry));
  g_signal_emit (self, signals[PYPREP_READER_SIGNAL_PAINTED], 0, self->entry);
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

/* What follows a page's load, or an entry shown in place
 * (pyprep-reader-swap.c): marks, find, scroll and the paint. */
void
_pyprep_reader_page_ready (PyprepReader *self)
{
  WebKitWebView *view = self->view;

  self->loading = FALSE;
  /* The style changed while the page was on its way. */
  if (self->restyle)
    _pyprep_reader_restyle (self);
  _pyprep_reader_mark_passages (self);
  if (self->pending_find != NULL)
    {
      g_autofree char *text = g_steal_pointer (&self->pending_find);

      pyprep_reader_find (self, text);
    }
  if (self->restore_scroll > 0)
    {
      g_autofree char *scroll_to = pyprep_render_dup_script ("scroll-to.js");
      GVariantDict arguments;

      g_variant_dict_init (&arguments, NULL);
      g_variant_dict_insert (&arguments, "fraction", "d", self->restore_scroll);
      webkit_web_view_call_async_javascript_function (view, scroll_to, -1,
                                                      g_variant_dict_end (&arguments), "pyprep",
                                                      NULL, self->cancellable, NULL, NULL);
    }
  self->restore_scroll = -1;

  _pyprep_reader_wait_for_paint (self);
}

/* Emits #PyprepReader::painted once the page, as the scripts run so far
 * left it, is drawn on screen. */
void
_pyprep_reader_wait_for_paint (PyprepReader *self)
{
  g_autofree char *wait_for_frames = NULL;
  PaintWait *wait;

  /* Knowing when a page is on screen costs a round trip to the web
   * process, so it is only worked out when someone asks: tests, dev.sh
   * run and the benchmark. */
  if (!g_signal_has_handler_pending (self, signals[PYPREP_READER_SIGNAL_PAINTED], 0, FALSE)
      && !pyprep_trace_enabled ())
    return;

  wait_for_frames = pyprep_render_dup_script ("wait-for-frames.js");
  wait = g_new0 (PaintWait, 1);
  wait->self = g_object_ref (self);
  wait->generation = self->generation;
  webkit_web_view_call_async_javascript_function (self->view, wait_for_frames, -1, NULL, "pyprep", NULL,
                                                  self->cancellable, page_rendered_cb, wait);
}

static void
load_changed_cb (WebKitWebView   *view,
                 WebKitLoadEvent  event,
                 PyprepReader    *self)
{
  /* The empty page that starts the web process (pyprep_reader_init) is
   * no entry's: what follows a load is for the entry's page. */
  if (g_strcmp0 (webkit_web_view_get_uri (view), "about:blank") == 0)
    return;

  if (event == WEBKIT_LOAD_STARTED)
    {
      self->generation++;
      _pyprep_reader_swap_load_started (self);
    }

  if (event != WEBKIT_LOAD_FINISHED || self->entry == NULL)
    return;

  _pyprep_reader_swap_load_finished (self);
  pyprep_trace_mark ("load-finished", NULL);
  _pyprep_reader_page_ready (self);
}

static void
scrolled_cb (PyprepReader *self,
             double        fraction)
{
  if (self->entry == NULL)
    return;
  self->scroll = fraction;
  g_signal_emit (self, signals[PYPREP_READER_SIGNAL_SCROLLED], 0, self->scroll);
}

static void
entry_activated_cb (PyprepReader *self,
                    PyprepEntry  *entry)
{
  pyprep_reader_show_entry (self, entry);
}

static gboolean
web_process_terminated_cb (WebKitWebView                     *view,
                           WebKitWebProcessTerminationReason  reason,
                           PyprepReader                      *self)
{
  g_warning ("The page renderer stopped (reason %d); showing the entry again", reason);
  /* The reader's entry, loaded anew where it was read: a reload would
   * load whatever page WebKit last committed (see pyprep-reader-style.c). */
  if (self->entry != NULL)
    {
      g_autofree char *uri = pyprep_entry_uri (pyprep_entry_get_id (self->entry));

      self->generation++;
      self->swappable = FALSE;
      self->loading = TRUE;
      self->restore_scroll = self->scroll;
      _pyprep_reader_load_uri (self, uri);
    }
  return TRUE;
}

void
_pyprep_reader_load_uri (PyprepReader *self,
                         const char   *uri)
{
  /* Until the content filter is in place, nothing is loaded, but for the
   * first page, so that the start does not wait for the filter: it is one
   * of our own pages, and the Content-Security-Policy it carries (in its
   * response header and in the page) forbids every load the filter would
   * block. Every later page has both defences. */
  if (!pyprep_web_context_get_ready (self->web_context))
    {
      if (self->loaded_unfiltered || !g_str_has_prefix (uri, PYPREP_ENTRY_URI_PREFIX))
        {
          g_free (self->pending_uri);
          self->pending_uri = g_strdup (uri);
          return;
        }
      self->loaded_unfiltered = TRUE;
    }

  pyprep_trace_mark ("load-uri", NULL);
  webkit_web_view_load_uri (self->view, uri);
}

static void
web_context_ready_cb (PyprepReader *self)
{
  g_autofree char *uri = g_steal_pointer (&self->pending_uri);

  if (uri != NULL && pyprep_web_context_get_ready (self->web_context))
    _pyprep_reader_load_uri (self, uri);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (g_str_equal (action_name, "reader.go-back"))
    pyprep_reader_go_back (PYPREP_READER (widget));
  else
    pyprep_reader_go_forward (PYPREP_READER (widget));
}

/* The web view takes Alt+Left and Alt+Right for a history of its own,
 * which the reader does not use: the reader's bindings come first, in
 * the capture phase, so the keys step through the entries read while the
 * page has the focus too. They stay enabled with nowhere to go, so that
 * the web view never walks its own history behind the reader's back. */
static void
capture_key_bindings (PyprepReader *self)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (self));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller)
          && g_strcmp0 (gtk_event_controller_get_name (controller), "gtk-widget-class-shortcuts") == 0)
        gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
    }
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
  g_clear_object (&self->history);
  self->view = NULL;

  G_OBJECT_CLASS (pyprep_reader_parent_class)->dispose (object);

  /* The context last: the view that used it is gone with the bin's child. */
  if (self->web_context != NULL)
    g_signal_handlers_disconnect_by_data (self->web_context, self);
  g_clear_object (&self->web_context);
}

static void
pyprep_reader_finalize (GObject *object)
{
  PyprepReader *self = PYPREP_READER (object);

  g_free (self->pending_uri);
  g_free (self->passages);
  g_free (self->show_passage);
  g_free (self->pending_find);

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
      g_value_set_boolean (value, pyprep_history_get_can_go_back (self->history));
      break;
    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, pyprep_history_get_can_go_forward (self->history));
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
  signals[PYPREP_READER_SIGNAL_PAINTED] =
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
  signals[PYPREP_READER_SIGNAL_SCROLLED] =
    g_signal_new ("scrolled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);

  /**
   * PyprepReader::found:
   * @count: how many times the text searched for occurs in the page
   *
   * Emitted after pyprep_reader_find(), once the matches are counted;
   * stepping through them changes nothing.
   */
  signals[PYPREP_READER_SIGNAL_FOUND] =
    g_signal_new ("found", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  signals[PYPREP_READER_SIGNAL_PASSAGES_MARKED] =
    g_signal_new ("passages-marked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);

  _pyprep_reader_passages_class_init (klass);

  gtk_widget_class_install_action (widget_class, "reader.go-back", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "reader.go-forward", NULL, history_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "reader.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "reader.go-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "reader.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Forward, 0, "reader.go-forward", NULL);

  gtk_widget_class_set_css_name (widget_class, "reader");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
history_changed_cb (PyprepReader *self,
                    GParamSpec   *pspec)
{
  g_object_notify (G_OBJECT (self), pspec->name);
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
  self->cancellable = g_cancellable_new ();
  self->restore_scroll = -1;
  capture_key_bindings (self);
  self->history = pyprep_history_new ();
  g_signal_connect_object (self->history, "notify::can-go-back",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-go-forward",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);

  self->web_context = pyprep_web_context_new ();
  g_signal_connect_swapped (self->web_context, "notify::ready", G_CALLBACK (web_context_ready_cb), self);
  g_signal_connect_swapped (self->web_context, "scrolled", G_CALLBACK (scrolled_cb), self);
  g_signal_connect_swapped (self->web_context, "entry-activated", G_CALLBACK (entry_activated_cb), self);

  self->view = pyprep_web_context_create_view (self->web_context);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Entry"),
                                  -1);
  g_signal_connect (self->view, "map", G_CALLBACK (hide_key_translator_cb), NULL);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->view));

  g_signal_connect (self->view, "load-changed", G_CALLBACK (load_changed_cb), self);
  g_signal_connect (self->view, "load-failed", G_CALLBACK (_pyprep_reader_swap_load_failed_cb), self);
  /* WebKit starts the page's web process with the first load: an empty
   * page starts it now, while the window is built and the deck loads,
   * rather than once the first entry is known. */
  webkit_web_view_load_uri (self->view, "about:blank");
  g_signal_connect (self->view, "web-process-terminated", G_CALLBACK (web_process_terminated_cb), self);
  _pyprep_reader_find_init (self);

  _pyprep_reader_style_init (self);
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

  pyprep_web_context_set_library (self->web_context, library);
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
  self->scroll = scroll;
  self->loading = TRUE;
  /* Where it can, the reader swaps the page's content rather than load a
   * new page, which takes several times as long. */
  if (!_pyprep_reader_swap_entry (self, entry, uri, scroll))
    _pyprep_reader_load_uri (self, uri);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
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
    pyprep_history_visit (self->history, pyprep_entry_get_id (self->entry), self->scroll);
  load_entry (self, entry, scroll);
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

static gboolean
entry_exists_cb (const char *entry_id,
                 gpointer    user_data)
{
  PyprepReader *self = user_data;

  return self->library != NULL && pyprep_library_lookup_entry (self->library, entry_id) != NULL;
}

/* Shows the place a step through the history arrived at. */
static gboolean
show_place (PyprepReader *self,
            gboolean      found,
            char         *entry_id,
            double        scroll)
{
  g_autofree char *id = entry_id;

  if (!found)
    return FALSE;
  load_entry (self, pyprep_library_lookup_entry (self->library, id), scroll);
  return TRUE;
}

/**
 * pyprep_reader_go_back:
 *
 * Returns: %TRUE when there was an entry to go back to
 */
gboolean
pyprep_reader_go_back (PyprepReader *self)
{
  char *id = NULL;
  double scroll = 0.0;
  gboolean found;

  g_return_val_if_fail (PYPREP_IS_READER (self), FALSE);

  found = pyprep_history_go_back (self->history,
                                  self->entry != NULL ? pyprep_entry_get_id (self->entry) : NULL,
                                  self->scroll, entry_exists_cb, self, &id, &scroll);
  return show_place (self, found, id, scroll);
}

/**
 * pyprep_reader_go_forward:
 *
 * Returns: %TRUE when there was an entry to go forward to
 */
gboolean
pyprep_reader_go_forward (PyprepReader *self)
{
  char *id = NULL;
  double scroll = 0.0;
  gboolean found;

  g_return_val_if_fail (PYPREP_IS_READER (self), FALSE);

  found = pyprep_history_go_forward (self->history,
                                     self->entry != NULL ? pyprep_entry_get_id (self->entry) : NULL,
                                     self->scroll, entry_exists_cb, self, &id, &scroll);
  return show_place (self, found, id, scroll);
}

gboolean
pyprep_reader_get_can_go_back (PyprepReader *self)
{
  g_return_val_if_fail (PYPREP_IS_READER (self), FALSE);
  return pyprep_history_get_can_go_back (self->history);
}

gboolean
pyprep_reader_get_can_go_forward (PyprepReader *self)
{
  g_return_val_if_fail (PYPREP_IS_READER (self), FALSE);
  return pyprep_history_get_can_go_forward (self->history);
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
