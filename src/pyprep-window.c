/* pyprep-window.c: the main window: it shows what the sidebar, the reader, a review or the progress page ask for.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-problems-dialog.h"
#include "pyprep-window-private.h"

G_DEFINE_FINAL_TYPE (PyprepWindow, pyprep_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BOOKMARKED,
  PROP_FILTER,
  PROP_SHOW_ANNOTATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The decks changed. */
static void
library_changed_cb (PyprepWindow *self)
{
  /* As soon as there is something to read: the entry read last, where it
   * was left, or else the first entry. */
  if (pyprep_reader_get_entry (self->reader) == NULL)
    {
      const char *last = pyprep_store_get_last_entry (self->store);
      PyprepEntry *entry = last != NULL ? pyprep_library_lookup_entry (self->library, last) : NULL;

      if (entry != NULL)
        pyprep_reader_show_entry_at (self->reader, entry, pyprep_store_get_scroll (self->store, last));
      else if ((entry = pyprep_library_get_first_entry (self->library)) != NULL)
        pyprep_window_show_entry (self, entry);
    }
  else
    {
      PyprepEntry *shown = pyprep_reader_get_entry (self->reader);
      PyprepEntry *now = pyprep_library_lookup_entry (self->library, pyprep_entry_get_id (shown));

      /* A deck reloaded (in another language, say) has new entry objects
       * under the same IDs: show the new one in place. */
      if (now != NULL && now != shown)
        pyprep_reader_replace_entry (self->reader, now);
    }
}

static void
sidebar_entry_selected_cb (PyprepWindow *self,
                           PyprepEntry  *entry)
{
  pyprep_reader_show_entry (self->reader, entry);
}

/* On a narrow window the sidebar covers the reader: a click on an entry,
 * or Enter, moves on to it. */
static void
sidebar_entry_activated_cb (PyprepWindow *self)
{
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

/* The sidebar follows the reader, whatever made it change entry. */
static void
reader_entry_changed_cb (PyprepWindow *self)
{
  PyprepEntry *entry = pyprep_reader_get_entry (self->reader);

  if (entry != NULL)
    pyprep_sidebar_select_entry (self->sidebar, entry);
}

static void
bookmarked_changed_cb (PyprepWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOKMARKED]);
}

/* Opens a result: the entry, scrolled to the first match, every match
 * highlighted, the find bar saying how many. */
static void
result_activated_cb (PyprepWindow *self,
                     PyprepEntry  *entry,
                     const char   *term)
{
  pyprep_window_show_entry (self, entry);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  if (term != NULL)
    pyprep_find_bar_search (self->find_bar, term);
}

static void
history_changed_cb (PyprepWindow *self)
{
  _pyprep_window_update_back (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-forward",
                                 pyprep_reader_get_can_go_forward (self->reader));
}

/* What the store had to do at load time, the user hears about; a data
 * file behind a broken link comes with the offer of a backup. */
static void
update_recovery_banner (PyprepWindow *self)
{
  const char *message = pyprep_store_get_recovery_message (self->store);
  gboolean writable = !pyprep_store_get_read_only (self->store);

  if (message != NULL)
    adw_banner_set_title (self->banner, message);
  adw_banner_set_button_label (self->banner, pyprep_store_get_offered_backup (self->store) != NULL
                                             ? _("_Load Backup") : _("_Dismiss"));
  adw_banner_set_revealed (self->banner, message != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-annotation", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.make-card", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-data", writable);
}

static void
banner_dismissed_cb (PyprepWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (pyprep_store_get_offered_backup (self->store) == NULL)
    {
      adw_banner_set_revealed (self->banner, FALSE);
      return;
    }
  if (!pyprep_store_use_backup (self->store, &error))
    _pyprep_window_show_error (self, _("Could Not Load the Backup"), error->message);
  update_recovery_banner (self);
}

static void
update_problems (PyprepWindow *self)
{
  guint count = pyprep_problems_dialog_count_problems (self->library);
  g_autofree char *title = NULL;

  if (count == 0)
    {
      adw_banner_set_revealed (self->problems_banner, FALSE);
      return;
    }
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The notes have %u problem; what could be read is shown",
                                        "The notes have %u problems; what could be read is shown", count),
                           count);
  adw_banner_set_title (self->problems_banner, title);
  adw_banner_set_revealed (self->problems_banner, TRUE);
}

static void
show_problems_cb (PyprepWindow *self)
{
  adw_dialog_present (pyprep_problems_dialog_new (self->library), GTK_WIDGET (self));
}

/* Window state ------------------------------------------------------------ */

static void
load_window_state (PyprepWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
close_request_cb (PyprepWindow *self)
{
  int width, height;

  /* Unwritten changes that cannot be written: the user decides first. */
  if (!_pyprep_window_saving_may_close (self))
    return TRUE;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);

  return FALSE;
}

/* Called once, with the library and the store the application holds. */
static void
setup_models (PyprepWindow  *self,
              PyprepLibrary *library,
              PyprepStore   *store)
{
  self->library = library;
  self->store = store;
  pyprep_reader_page_set_library (self->reader_page, self->library);
  pyprep_reader_page_set_store (self->reader_page, self->store);
  pyprep_sidebar_set_library (self->sidebar, self->library);
  pyprep_sidebar_set_store (self->sidebar, self->store);

  g_signal_connect_object (pyprep_library_get_decks (self->library), "items-changed",
                           G_CALLBACK (library_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pyprep_library_get_decks (self->library), "items-changed",
                           G_CALLBACK (update_problems), self, G_CONNECT_SWAPPED);

  update_recovery_banner (self);
  _pyprep_window_saving_setup (self);

  library_changed_cb (self);
  update_problems (self);
}

/* GObject ----------------------------------------------------------------- */

static void
pyprep_window_dispose (GObject *object)
{
  PyprepWindow *self = PYPREP_WINDOW (object);

  self->reader = NULL;
  self->find_bar = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_WINDOW);
  g_clear_object (&self->settings);
  _pyprep_window_passage_dispose (self);

  G_OBJECT_CLASS (pyprep_window_parent_class)->dispose (object);
}

static void
pyprep_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PyprepWindow *self = PYPREP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BOOKMARKED:
      g_value_set_boolean (value, pyprep_window_get_bookmarked (self));
      break;
    case PROP_FILTER:
      g_value_set_string (value, self->sidebar != NULL ? pyprep_sidebar_get_filter (self->sidebar) : "all");
      break;
    case PROP_SHOW_ANNOTATIONS:
      g_value_set_boolean (value, self->reader_page != NULL
                                  && pyprep_reader_page_get_show_annotations (self->reader_page));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PyprepWindow *self = PYPREP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BOOKMARKED:
      pyprep_window_set_bookmarked (self, g_value_get_boolean (value));
      break;
    case PROP_FILTER:
      pyprep_window_set_filter (self, g_value_get_string (value));
      break;
    case PROP_SHOW_ANNOTATIONS:
      pyprep_reader_page_set_show_annotations (self->reader_page, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
filter_changed_cb (PyprepWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

static void
show_sidebar_changed_cb (PyprepWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ANNOTATIONS]);
}

static void
pyprep_window_class_init (PyprepWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_window_dispose;
  object_class->get_property = pyprep_window_get_property;
  object_class->set_property = pyprep_window_set_property;

  properties[PROP_BOOKMARKED] =
    g_param_spec_boolean ("bookmarked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_ANNOTATIONS] =
    g_param_spec_boolean ("show-annotations", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PYPREP_TYPE_SIDEBAR);
  g_type_ensure (PYPREP_TYPE_READER_PAGE);
  g_type_ensure (PYPREP_TYPE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/Pyprep/ui/pyprep-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, problems_banner);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, folder_banner);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, folder_banner_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, folder_remove_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, folder_retry_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, reader_page);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_entry_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, banner_dismissed_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_problems_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);

  _pyprep_window_class_actions_init (klass);
  _pyprep_window_saving_class_init (klass);
  _pyprep_window_passage_class_init (klass);
}

static void
pyprep_window_init (PyprepWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->reader = pyprep_reader_page_get_reader (self->reader_page);
  self->find_bar = pyprep_reader_page_get_find_bar (self->reader_page);

  self->settings = g_settings_new ("io.github.pyprep.Pyprep");
  load_window_state (self);
  g_settings_bind (self->settings, "zoom-level", self->reader, "zoom-level", G_SETTINGS_BIND_DEFAULT);
  _pyprep_window_actions_init (self);
  g_signal_connect_object (self->sidebar, "notify::filter",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader_page, "notify::show-annotations",
                           G_CALLBACK (show_sidebar_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader_page, "notify::bookmarked",
                           G_CALLBACK (bookmarked_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "notify::entry",
                           G_CALLBACK (reader_entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "notify::can-go-back",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "notify::can-go-forward",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * pyprep_window_new:
 * @application: the application
 * @library: (transfer none): the open decks, which @application keeps
 * @store: (transfer none): the user's data, which @application keeps
 */
PyprepWindow *
pyprep_window_new (GtkApplication *application,
                   PyprepLibrary  *library,
                   PyprepStore    *store)
{
  PyprepWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PYPREP_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (PYPREP_IS_STORE (store), NULL);

  self = g_object_new (PYPREP_TYPE_WINDOW, "application", application, NULL);
  setup_models (self, library, store);

  return self;
}

/**
 * pyprep_window_set_load_error:
 * @error: (nullable): why the deck could not be opened
 *
 * Shows why there is nothing to read, when there is nothing.
 */
void
pyprep_window_set_load_error (PyprepWindow *self,
                              const GError *error)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));

  pyprep_sidebar_set_load_error (self->sidebar, error != NULL ? error->message : NULL);
}

/**
 * pyprep_window_show_entry:
 * @entry: the entry to read
 *
 * Shows @entry in the reader and selects it in the sidebar.
 */
void
pyprep_window_show_entry (PyprepWindow *self,
                          PyprepEntry  *entry)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));
  g_return_if_fail (PYPREP_IS_ENTRY (entry));

  pyprep_reader_show_entry (self->reader, entry);
}

/**
 * pyprep_window_get_bookmarked:
 *
 * Returns: whether the entry shown is bookmarked
 */
gboolean
pyprep_window_get_bookmarked (PyprepWindow *self)
{
  g_return_val_if_fail (PYPREP_IS_WINDOW (self), FALSE);

  /* The property action asks before the template is built. */
  return self->reader_page != NULL && pyprep_reader_page_get_bookmarked (self->reader_page);
}

void
pyprep_window_set_bookmarked (PyprepWindow *self,
                              gboolean      bookmarked)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));

  pyprep_reader_page_set_bookmarked (self->reader_page, bookmarked);
}

/**
 * pyprep_window_set_filter:
 * @filter: "all", "bookmarked", "annotated" or "unanswered"
 *
 * Chooses which entries the sidebar lists.
 */
void
pyprep_window_set_filter (PyprepWindow *self,
                          const char   *filter)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));

  /* The sidebar's notify::filter tells. */
  pyprep_sidebar_set_filter (self->sidebar, filter);
}

/**
 * pyprep_window_report:
 * @title: what failed
 * @message: why
 *
 * Tells the user about a failure in a dialog.
 */
void
pyprep_window_report (PyprepWindow *self,
                      const char   *title,
                      const char   *message)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));

  _pyprep_window_show_error (self, title, message);
}

static void
review_when_loaded_cb (PyprepWindow *self)
{
  if (pyprep_library_get_loading (self->library))
    return;
  g_signal_handlers_disconnect_by_func (self->library, review_when_loaded_cb, self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.review", NULL);
}

/**
 * pyprep_window_search:
 * @text: what to search for
 *
 * Shows the notes and searches them for @text, as GNOME's overview asks
 * when the user wants more results than it shows.
 */
void
pyprep_window_search (PyprepWindow *self,
                      const char   *text)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  gtk_stack_set_visible_child_name (self->main_stack, "library");
  pyprep_sidebar_search (self->sidebar, text);
}

/**
 * pyprep_window_review_when_loaded:
 *
 * Starts a review session once the decks being opened are there (for
 * `pyprep --review` and the desktop file's Review Cards action).
 */
void
pyprep_window_review_when_loaded (PyprepWindow *self)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));

  if (!pyprep_library_get_loading (self->library))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.review", NULL);
      return;
    }
  g_signal_handlers_disconnect_by_func (self->library, review_when_loaded_cb, self);
  g_signal_connect_object (self->library, "notify::loading",
                           G_CALLBACK (review_when_loaded_cb), self, G_CONNECT_SWAPPED);
}

/**
 * pyprep_window_set_folder_failure:
 * @uri: (nullable): a remembered folder of notes that did not open, or
 *   %NULL when every one opened
 * @message: (nullable): what to tell the user about it
 *
 * Shows or hides the banner about a remembered folder that did not open,
 * whose buttons remove it (app.remove-folder) or load it again
 * (app.reload-folder). libadwaita's AdwBanner holds a single button, so
 * this banner is a revealer styled as one.
 */
void
pyprep_window_set_folder_failure (PyprepWindow *self,
                                  const char   *uri,
                                  const char   *message)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));

  if (uri != NULL)
    {
      GVariant *target = g_variant_ref_sink (g_variant_new_string (uri));

      gtk_label_set_label (self->folder_banner_label, message);
      /* The target first: the actions take the folder's URI. */
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->folder_remove_button), target);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->folder_remove_button), "app.remove-folder");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->folder_retry_button), target);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->folder_retry_button), "app.reload-folder");
      g_variant_unref (target);
    }
  gtk_revealer_set_reveal_child (self->folder_banner, uri != NULL);
}
