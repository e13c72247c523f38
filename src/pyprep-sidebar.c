/* pyprep-sidebar.c: the sidebar: the review button, the search field, the filters and the entries of every topic.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar lists every entry of every open deck, one section per
 * topic (a subfolder's topics under its name), filtered to the
 * bookmarked, annotated or unanswered ones on request, and keeps the
 * entry the reader shows selected and in view. It says which
 * entry the user picks; the window decides what to show.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-sidebar-private.h"

static const char *filter_names[] = { "all", "bookmarked", "annotated", "unanswered" };

G_DEFINE_FINAL_TYPE (PyprepSidebar, pyprep_sidebar, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_STORE,
  PROP_FILTER,
  PROP_N_DUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ENTRY_SELECTED,
  SIGNAL_ENTRY_ACTIVATED,
  SIGNAL_RESULT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The filter hides everything: say what would show up here. */
static void
explain_no_matches (PyprepSidebar *self)
{
  if (self->filter_mode == FILTER_UNANSWERED)
    {
      adw_status_page_set_icon_name (self->filter_status, "object-select-symbolic");
      adw_status_page_set_title (self->filter_status, _("Every Question Has an Answer"));
      adw_status_page_set_description (self->filter_status,
                                       _("No question in these notes is left without an answer."));
    }
  else if (self->filter_mode == FILTER_BOOKMARKED)
    {
      adw_status_page_set_icon_name (self->filter_status, "starred-symbolic");
      adw_status_page_set_title (self->filter_status, _("No Bookmarks"));
      adw_status_page_set_description (self->filter_status,
                                       _("Press Ctrl+D or the star to bookmark the entry you are reading."));
    }
  else
    {
      adw_status_page_set_icon_name (self->filter_status, "document-edit-symbolic");
      adw_status_page_set_title (self->filter_status, _("No Annotations"));
      adw_status_page_set_description (self->filter_status,
                                       _("Press Ctrl+N to write a note on the entry you are reading."));
    }
}

static void
update_state (PyprepSidebar *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  gboolean has_entries = pyprep_library_get_first_entry (self->library) != NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *page;

  if (*query != '\0' && has_entries)
    page = "search";
  else if (n > 0)
    page = "entries";
  else if (has_entries)
    {
      explain_no_matches (self);
      page = "no-matches";
    }
  else if (pyprep_library_get_loading (self->library))
    page = "loading";
  else
    page = "empty";
  gtk_stack_set_visible_child_name (self->sidebar_stack, page);
}

static void
entries_changed_cb (PyprepSidebar *self)
{
  update_state (self);
  if (self->shown != NULL)
    _pyprep_sidebar_sync_selection (self);
}

static void
selection_changed_cb (PyprepSidebar *self)
{
  PyprepEntry *entry = gtk_single_selection_get_selected_item (self->selection);

  if (entry == NULL || self->syncing_selection)
    return;

  g_signal_emit (self, signals[SIGNAL_ENTRY_SELECTED], 0, entry);
  /* On a narrow window the sidebar covers the reader: a click on an entry
   * moves on to it. Keyboard focus alone (arrow keys, the focus landing in
   * the list) does not; Enter does, through list_activate_cb(). */
  if (g_get_monotonic_time () - self->last_click < 500 * G_TIME_SPAN_MILLISECOND)
    g_signal_emit (self, signals[SIGNAL_ENTRY_ACTIVATED], 0);
}

static void
list_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 PyprepSidebar   *self)
{
  self->last_click = g_get_monotonic_time ();
}

static void
list_activate_cb (PyprepSidebar *self,
                  guint          position)
{
  g_signal_emit (self, signals[SIGNAL_ENTRY_ACTIVATED], 0);
}

/* The unanswered filter is offered when there is something to list. */
static void
decks_changed_cb (PyprepSidebar *self)
{
  gtk_widget_set_visible (self->unanswered_button, _pyprep_sidebar_list_has_unanswered (self));
}

/* The bookmarks or annotations listed changed. */
static void
store_changed_cb (PyprepSidebar *self)
{
  if (self->filter_mode != FILTER_ALL)
    _pyprep_sidebar_list_refilter (self);
}

/* Search ------------------------------------------------------------------ */

static void
search_changed_cb (PyprepSidebar *self)
{
  gtk_widget_set_visible (self->filter_box, *pyprep_search_panel_get_query (self->search_panel) == '\0');
  update_state (self);
}

static void
result_activated_cb (PyprepSidebar *self,
                     PyprepEntry   *entry,
                     const char    *term)
{
  g_signal_emit (self, signals[SIGNAL_RESULT_ACTIVATED], 0, entry, term);
}

static void
search_stop_cb (PyprepSidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->entry_list));
}

/* Due counts: per topic in the section headers, the total on the review
 * button, both from one PyprepDueCounts, which the progress page shares.
 * Cards due now, from every open deck. */
static void
show_n_due (PyprepSidebar *self,
            guint          total)
{
  g_autofree char *tooltip = NULL;
  g_autofree char *label = NULL;
  g_autofree char *count = g_strdup_printf ("%u", total);

  gtk_label_set_text (self->due_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), total > 0);
  if (total > 0)
    {
      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Review Cards: %u due (Ctrl+R)",
                                              "Review Cards: %u due (Ctrl+R)", total), total);
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Review Cards, %u due", "Review Cards, %u due", total), total);
    }
  else
    {
      tooltip = g_strdup (_("Review Cards (Ctrl+R)"));
      label = g_strdup (_("Review Cards"));
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->review_button), tooltip);
  /* Screen readers hear the count too. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->review_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (self->n_due != total)
    {
      self->n_due = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DUE]);
    }
}

static gboolean
refresh_due_counts_cb (gpointer data)
{
  PyprepSidebar *self = data;

  self->due_source = 0;
  pyprep_sidebar_refresh_due_counts (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_due_counts (PyprepSidebar *self)
{
  if (self->due_source == 0)
    self->due_source = g_timeout_add (250, refresh_due_counts_cb, self);
}

static gboolean
due_timer_cb (gpointer data)
{
  schedule_due_counts (data);
  return G_SOURCE_CONTINUE;
}

static void
due_counts_changed_cb (PyprepSidebar *self)
{
  show_n_due (self, pyprep_due_counts_get_total (self->due_counts));
}

/* The plan follows the scheduler's retention from Preferences. */
static void
pyprep_sidebar_set_retention (PyprepSidebar *self)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");
  PyprepFsrsParams params;

  pyprep_fsrs_params_init (&params);
  params.desired_retention = g_settings_get_double (settings, "desired-retention");
  pyprep_readiness_set_params (self->readiness, &params);
}

/* Once the library and the store are both known. */
static void
setup_models (PyprepSidebar *self)
{
  /* Before the list, whose topic headers show its counts. */
  self->due_counts = pyprep_due_counts_new (self->library, self->store);
  self->readiness = pyprep_readiness_new (self->library, self->store);
  pyprep_sidebar_set_retention (self);
  g_signal_connect_swapped (self->due_counts, "changed", G_CALLBACK (due_counts_changed_cb), self);
  _pyprep_sidebar_list_init (self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (entries_changed_cb), self);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->library, "notify::loading", G_CALLBACK (update_state), self);
  g_signal_connect_swapped (pyprep_library_get_decks (self->library), "items-changed",
                            G_CALLBACK (schedule_due_counts), self);
  g_signal_connect_swapped (pyprep_library_get_decks (self->library), "items-changed",
                            G_CALLBACK (decks_changed_cb), self);
  g_signal_connect_swapped (self->store, "changed::bookmark", G_CALLBACK (store_changed_cb), self);
  g_signal_connect_swapped (self->store, "changed::annotation", G_CALLBACK (store_changed_cb), self);
  g_signal_connect_swapped (self->store, "changed::import", G_CALLBACK (store_changed_cb), self);
  /* After every answer, the counts follow, even while a review session
   * covers the sidebar: the progress page shares them. */
  g_signal_connect_swapped (self->store, "changed::card", G_CALLBACK (schedule_due_counts), self);
  g_signal_connect_swapped (self->store, "changed::import", G_CALLBACK (schedule_due_counts), self);
  g_signal_connect_swapped (self->store, "changed::interview", G_CALLBACK (schedule_due_counts), self);
  pyprep_search_panel_set_library (self->search_panel, self->library);
  pyprep_search_panel_set_store (self->search_panel, self->store);

  decks_changed_cb (self);
  schedule_due_counts (self);
  self->due_timer = g_timeout_add_seconds (300, due_timer_cb, self);
  update_state (self);
}

/* GObject ----------------------------------------------------------------- */

static void
pyprep_sidebar_dispose (GObject *object)
{
  PyprepSidebar *self = PYPREP_SIDEBAR (object);

  _pyprep_sidebar_list_dispose (self);
  g_clear_handle_id (&self->due_source, g_source_remove);
  g_clear_handle_id (&self->due_timer, g_source_remove);
  if (self->library != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->library, self);
      g_signal_handlers_disconnect_by_data (pyprep_library_get_decks (self->library), self);
    }
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_SIDEBAR);
  g_clear_object (&self->shown);
  if (self->due_counts != NULL)
    g_signal_handlers_disconnect_by_data (self->due_counts, self);
  g_clear_object (&self->due_counts);
  g_clear_object (&self->readiness);
  g_clear_object (&self->library);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pyprep_sidebar_parent_class)->dispose (object);
}

static void
pyprep_sidebar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PyprepSidebar *self = PYPREP_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FILTER:
      g_value_set_string (value, pyprep_sidebar_get_filter (self));
      break;
    case PROP_N_DUE:
      g_value_set_uint (value, self->n_due);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_sidebar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PyprepSidebar *self = PYPREP_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      pyprep_sidebar_set_library (self, g_value_get_object (value));
      break;
    case PROP_STORE:
      pyprep_sidebar_set_store (self, g_value_get_object (value));
      break;
    case PROP_FILTER:
      pyprep_sidebar_set_filter (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_signals (PyprepSidebarClass *klass)
{
  /**
   * PyprepSidebar::entry-selected:
   * @entry: the entry
   *
   * The user chose @entry in the list.
   */
  signals[SIGNAL_ENTRY_SELECTED] =
    g_signal_new ("entry-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PYPREP_TYPE_ENTRY);
  /**
   * PyprepSidebar::entry-activated:
   *
   * The user clicked an entry, or pressed Enter on it: on a narrow window
   * the reader should come into view.
   */
  signals[SIGNAL_ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * PyprepSidebar::result-activated:
   * @entry: the entry of the result
   * @term: (nullable): the first word searched for, to find in its page
   *
   * The user opened a search result.
   */
  signals[SIGNAL_RESULT_ACTIVATED] =
    g_signal_new ("result-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, PYPREP_TYPE_ENTRY, G_TYPE_STRING);
}

static void
pyprep_sidebar_class_init (PyprepSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_sidebar_dispose;
  object_class->get_property = pyprep_sidebar_get_property;
  object_class->set_property = pyprep_sidebar_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PYPREP_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PYPREP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PyprepSidebar:filter:
   *
   * Which entries are listed: "all", "bookmarked" (newest first),
   * "annotated" or "unanswered" (questions the notes do not answer).
   */
  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PyprepSidebar:n-due:
   *
   * How many cards the review button says are due.
   */
  properties[PROP_N_DUE] =
    g_param_spec_uint ("n-due", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  install_signals (klass);

  g_type_ensure (PYPREP_TYPE_SEARCH_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/Pyprep/ui/pyprep-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, review_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, due_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, filter_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, unanswered_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, entry_list);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, search_panel);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, filter_status);
  gtk_widget_class_bind_template_child (widget_class, PyprepSidebar, sidebar_status);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
}

static void
pyprep_sidebar_init (PyprepSidebar *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (list_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry_list), GTK_EVENT_CONTROLLER (click));
}

/**
 * pyprep_sidebar_get_library:
 *
 * Returns: (transfer none) (nullable): the open decks listed
 */
PyprepLibrary *
pyprep_sidebar_get_library (PyprepSidebar *self)
{
  g_return_val_if_fail (PYPREP_IS_SIDEBAR (self), NULL);
  return self->library;
}

/**
 * pyprep_sidebar_set_library:
 * @library: the open decks
 *
 * Sets the decks to list, once; the list fills when the store is set too.
 */
void
pyprep_sidebar_set_library (PyprepSidebar *self,
                            PyprepLibrary *library)
{
  g_return_if_fail (PYPREP_IS_SIDEBAR (self));
  g_return_if_fail (PYPREP_IS_LIBRARY (library));
  g_return_if_fail (self->library == NULL || self->library == library);

  if (!g_set_object (&self->library, library))
    return;
  if (self->store != NULL)
    setup_models (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

/**
 * pyprep_sidebar_get_store:
 *
 * Returns: (transfer none) (nullable): the user's data the marks and filters come from
 */
PyprepStore *
pyprep_sidebar_get_store (PyprepSidebar *self)
{
  g_return_val_if_fail (PYPREP_IS_SIDEBAR (self), NULL);
  return self->store;
}

/**
 * pyprep_sidebar_set_store:
 * @store: the user's data
 *
 * Sets the user's data, once; the list fills when the library is set too.
 */
void
pyprep_sidebar_set_store (PyprepSidebar *self,
                          PyprepStore   *store)
{
  g_return_if_fail (PYPREP_IS_SIDEBAR (self));
  g_return_if_fail (PYPREP_IS_STORE (store));
  g_return_if_fail (self->store == NULL || self->store == store);

  if (!g_set_object (&self->store, store))
    return;
  if (self->library != NULL)
    setup_models (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
pyprep_sidebar_get_filter (PyprepSidebar *self)
{
  g_return_val_if_fail (PYPREP_IS_SIDEBAR (self), NULL);
  return filter_names[self->filter_mode];
}

/**
 * pyprep_sidebar_set_filter:
 * @filter: "all", "bookmarked", "annotated" or "unanswered"
 *
 * Chooses which entries the sidebar lists.
 */
void
pyprep_sidebar_set_filter (PyprepSidebar *self,
                           const char    *filter)
{
  Filter mode = FILTER_ALL;

  g_return_if_fail (PYPREP_IS_SIDEBAR (self));

  for (guint i = 0; i < G_N_ELEMENTS (filter_names); i++)
    if (g_strcmp0 (filter, filter_names[i]) == 0)
      mode = i;

  if (mode == self->filter_mode)
    return;
  self->filter_mode = mode;

  if (self->selection != NULL)
    {
      _pyprep_sidebar_list_set_filter (self, mode);
      update_state (self);
      _pyprep_sidebar_sync_selection (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

guint
pyprep_sidebar_get_n_due (PyprepSidebar *self)
{
  g_return_val_if_fail (PYPREP_IS_SIDEBAR (self), 0);
  return self->n_due;
}

/**
 * pyprep_sidebar_refresh_due_counts:
 *
 * Counts the cards due now, per topic and in all, and shows the counts.
 */
void
pyprep_sidebar_refresh_due_counts (PyprepSidebar *self)
{
  g_return_if_fail (PYPREP_IS_SIDEBAR (self));

  g_clear_handle_id (&self->due_source, g_source_remove);
  if (self->due_counts != NULL)
    pyprep_due_counts_update (self->due_counts);
  if (self->readiness != NULL)
    pyprep_readiness_update (self->readiness);
}

/**
 * pyprep_sidebar_get_due_counts:
 *
 * Returns: (transfer none) (nullable): the counts the sidebar shows, once
 *   it has a library and a store
 */
PyprepDueCounts *
pyprep_sidebar_get_due_counts (PyprepSidebar *self)
{
  g_return_val_if_fail (PYPREP_IS_SIDEBAR (self), NULL);
  return self->due_counts;
}

/**
 * pyprep_sidebar_select_entry:
 * @entry: (nullable): the entry the reader shows
 *
 * Selects @entry and scrolls it into view, without emitting
 * #PyprepSidebar::entry-selected; the selection follows it when the
 * list changes.
 */
void
pyprep_sidebar_select_entry (PyprepSidebar *self,
                             PyprepEntry   *entry)
{
  g_return_if_fail (PYPREP_IS_SIDEBAR (self));
  g_return_if_fail (entry == NULL || PYPREP_IS_ENTRY (entry));

  g_set_object (&self->shown, entry);
  if (self->selection != NULL)
    _pyprep_sidebar_sync_selection (self);
}

/**
 * pyprep_sidebar_focus_search:
 *
 * Moves the keyboard focus to the search field.
 */
void
pyprep_sidebar_focus_search (PyprepSidebar *self)
{
  g_return_if_fail (PYPREP_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * pyprep_sidebar_search:
 * @text: what to search for
 *
 * Searches for @text as if the user had typed it in the search field.
 */
void
pyprep_sidebar_search (PyprepSidebar *self,
                       const char    *text)
{
  g_return_if_fail (PYPREP_IS_SIDEBAR (self));
  g_return_if_fail (text != NULL);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}

/**
 * pyprep_sidebar_set_load_error:
 * @message: (nullable): why the notes could not be opened
 *
 * Says why there is nothing to list, when there is nothing.
 */
void
pyprep_sidebar_set_load_error (PyprepSidebar *self,
                               const char    *message)
{
  g_return_if_fail (PYPREP_IS_SIDEBAR (self));

  adw_status_page_set_description (self->sidebar_status, message);
  if (self->selection != NULL)
    update_state (self);
}

/**
 * pyprep_sidebar_get_readiness:
 *
 * Returns: (transfer none) (nullable): the readiness for the interview
 *   date the topic headers show, which the review and progress pages
 *   share; %NULL before the library and the store are set
 */
PyprepReadiness *
pyprep_sidebar_get_readiness (PyprepSidebar *self)
{
  g_return_val_if_fail (PYPREP_IS_SIDEBAR (self), NULL);
  return self->readiness;
}
