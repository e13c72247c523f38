/* pyprep-window.c: the main window: topic sidebar, reader and annotations.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-problems-dialog.h"
#include "pyprep-quiz-view.h"
#include "pyprep-reader-page.h"
#include "pyprep-stats-view.h"
#include "pyprep-sidebar.h"
#include "pyprep-study-sheet.h"
#include "pyprep-topic-header.h"
#include "pyprep-window.h"

struct _PyprepWindow
{
  AdwApplicationWindow parent_instance;

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwBanner *banner;
  AdwBanner *problems_banner;
  AdwNavigationSplitView *split_view;
  GtkStack *main_stack;
  PyprepQuizView *quiz_view;
  PyprepStatsView *stats_view;
  PyprepSidebar *sidebar;
  PyprepReaderPage *reader_page;

  /* owned */
  GSettings *settings;

  /* borrowed */
  PyprepLibrary *library;
  PyprepStore *store;
  PyprepReader *reader;         /* the reader page's */
  PyprepFindBar *find_bar;      /* the reader page's */
};

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

/* Search ------------------------------------------------------------------ */

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

static gboolean
window_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       PyprepWindow          *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* "/" starts a search, unless the user is typing text somewhere. */
  if (keyval == GDK_KEY_slash && !(state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
      && (focus == NULL || (!GTK_IS_EDITABLE (focus) && !GTK_IS_TEXT_VIEW (focus)
                            && gtk_widget_get_ancestor (focus, GTK_TYPE_EDITABLE) == NULL)))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.search", NULL);
      return TRUE;
    }
  return FALSE;
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  pyprep_sidebar_focus_search (self->sidebar);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pyprep_find_bar_open (PYPREP_WINDOW (widget)->find_bar);
}

/* Review: the quiz takes the whole window; the reader stays where it was. */
static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->main_stack, "quiz");
  pyprep_quiz_view_start (self->quiz_view, self->library, self->store);
}

static void
progress_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  pyprep_stats_view_refresh (self->stats_view, self->library, self->store);
  gtk_stack_set_visible_child_name (self->main_stack, "stats");
}

/* Practice: @topic for a topic's cards, else the bookmarked entries or the
 * cards missed lately across every deck. */
static void
start_practice (PyprepWindow       *self,
                PyprepPracticeKind  kind,
                PyprepTopic        *topic)
{
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autofree char *title = NULL;
  g_autofree char *empty = NULL;

  if (topic != NULL)
    entries = g_object_ref (pyprep_topic_get_entries (topic));
  else
    entries = pyprep_review_collect_entries (pyprep_library_get_decks (self->library));
  queue = pyprep_review_build_practice (entries, self->store, kind, PYPREP_REVIEW_MISSED_DAYS,
                                        g_get_real_time ());

  switch (kind)
    {
    case PYPREP_PRACTICE_BOOKMARKED:
      title = g_strdup (_("Practice: Bookmarked Entries"));
      empty = g_strdup (_("Bookmark entries with the star (Ctrl+D) to practise their cards here."));
      break;
    case PYPREP_PRACTICE_MISSED:
      title = g_strdup (_("Practice: Cards Missed Lately"));
      empty = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "No card was answered Again in the last %d day.",
                                            "No card was answered Again in the last %d days.",
                                            PYPREP_REVIEW_MISSED_DAYS),
                               PYPREP_REVIEW_MISSED_DAYS);
      break;
    case PYPREP_PRACTICE_ALL:
    default:
      {
        g_autofree char *name = topic != NULL ? pyprep_topic_header_dup_title (self->library, topic) : NULL;

        /* Translators: the header of a practice session over one topic */
        title = g_strdup_printf (_("Practice: %s"), name != NULL ? name : _("All Cards"));
        empty = g_strdup (_("This topic has no cards."));
      }
      break;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "quiz");
  pyprep_quiz_view_start_practice (self->quiz_view, self->store, queue, title, empty);
}

static void
practice_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  const char *what = g_variant_get_string (parameter, NULL);

  if (g_strcmp0 (what, "bookmarked") == 0)
    start_practice (self, PYPREP_PRACTICE_BOOKMARKED, NULL);
  else if (g_strcmp0 (what, "missed") == 0)
    start_practice (self, PYPREP_PRACTICE_MISSED, NULL);
  else if (g_strcmp0 (what, "topic") == 0)
    {
      PyprepEntry *entry = pyprep_reader_get_entry (self->reader);
      PyprepTopic *topic = entry != NULL ? pyprep_entry_get_topic (entry) : NULL;

      if (topic != NULL)
        start_practice (self, PYPREP_PRACTICE_ALL, topic);
      else
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("Open an entry first: its topic is the one practised")));
    }
}

static void
quiz_closed_cb (PyprepWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "library");
  pyprep_sidebar_refresh_due_counts (self->sidebar);
}

static void
stats_closed_cb (PyprepWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "library");
}

static void
stats_review_cb (PyprepWindow *self)
{
  review_action (GTK_WIDGET (self), "win.review", NULL);
}

static void
stats_practice_cb (PyprepWindow *self,
                   int           kind,
                   PyprepTopic  *topic)
{
  start_practice (self, kind, topic);
}

static void
quiz_open_entry_cb (PyprepWindow *self,
                    PyprepEntry  *entry)
{
  gtk_stack_set_visible_child_name (self->main_stack, "library");
  pyprep_window_show_entry (self, entry);
}

static void
find_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  if (g_str_equal (action_name, "win.find-previous"))
    pyprep_find_bar_previous (self->find_bar);
  else
    pyprep_find_bar_next (self->find_bar);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  pyprep_reader_print (PYPREP_WINDOW (widget)->reader);
}

static void
history_changed_cb (PyprepWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back",
                                 pyprep_reader_get_can_go_back (self->reader));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-forward",
                                 pyprep_reader_get_can_go_forward (self->reader));
}

static void
banner_dismissed_cb (PyprepWindow *self)
{
  adw_banner_set_revealed (self->banner, FALSE);
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

static void
show_toast (PyprepWindow *self,
            const char   *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
show_error (PyprepWindow *self,
            const char   *heading,
            const char   *body)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* Actions ----------------------------------------------------------------- */

static void
new_annotation_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  pyprep_reader_page_new_annotation (PYPREP_WINDOW (widget)->reader_page);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  pyprep_reader_go_back (PYPREP_WINDOW (widget)->reader);
}

static void
go_forward_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  pyprep_reader_go_forward (PYPREP_WINDOW (widget)->reader);
}

/* The entry before or after the one shown, in deck and topic order. */
static void
step_entry (PyprepWindow *self,
            int           direction)
{
  PyprepEntry *current = pyprep_reader_get_entry (self->reader);
  PyprepEntry *next;

  if (current == NULL)
    return;
  next = pyprep_sidebar_get_neighbour (self->sidebar, current, direction);
  if (next != NULL)
    pyprep_window_show_entry (self, next);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
previous_entry_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  step_entry (PYPREP_WINDOW (widget), -1);
}

static void
next_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  step_entry (PYPREP_WINDOW (widget), 1);
}

/* Zoom steps as in GNOME's other readers. */
static const double zoom_steps[] = { 0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.2, 1.33, 1.5, 1.7, 2.0, 2.4, 3.0 };

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  double zoom = pyprep_reader_get_zoom_level (self->reader);

  if (g_str_equal (action_name, "win.zoom-reset"))
    zoom = 1.0;
  else if (g_str_equal (action_name, "win.zoom-in"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
        if (zoom_steps[i] > zoom + 0.001)
          {
            zoom = zoom_steps[i];
            break;
          }
    }
  else
    {
      for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
        if (zoom_steps[i - 1] < zoom - 0.001)
          {
            zoom = zoom_steps[i - 1];
            break;
          }
    }

  pyprep_reader_set_zoom_level (self->reader, zoom);
}

/* The mouse's back and forward buttons. */
static void
mouse_button_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 PyprepWindow    *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == 8)
    pyprep_reader_go_back (self->reader);
  else if (button == 9)
    pyprep_reader_go_forward (self->reader);
}

/* Export and import through the file chooser (a portal in the Flatpak). */

typedef void (*FileHandler) (PyprepWindow *self,
                             GFile        *file);

typedef struct
{
  const char *action;
  const char *title;
  const char *initial_name;    /* NULL to open a file instead of saving one */
  const char *filter_name;
  const char *mime_type;
  const char *suffix;
  FileHandler handler;
} FileAction;

static const FileAction file_actions[] = {
  { "win.export-data", N_("Export Data"), "pyprep-data.json",
    N_("Pyprep data (JSON)"), "application/json", "json", pyprep_window_export_data_to },
  { "win.import-data", N_("Import Data"), NULL,
    N_("Pyprep data (JSON)"), "application/json", "json", pyprep_window_import_data_from },
  { "win.export-annotations", N_("Export Annotations"), "pyprep-annotations.md",
    N_("Markdown"), "text/markdown", "md", pyprep_window_export_annotations_to },
};

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PyprepWindow) self = user_data;
  const FileAction *action = g_object_get_data (object, "file-action");
  g_autoptr(GFile) file = NULL;

  /* A dismissed dialog is not an error; it just does nothing. */
  if (action->initial_name != NULL)
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);
  if (file != NULL)
    action->handler (self, file);
}

static void
file_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  const FileAction *action = NULL;
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  for (guint i = 0; i < G_N_ELEMENTS (file_actions); i++)
    if (g_str_equal (file_actions[i].action, action_name))
      action = &file_actions[i];
  g_return_if_fail (action != NULL);

  gtk_file_filter_set_name (filter, _(action->filter_name));
  gtk_file_filter_add_mime_type (filter, action->mime_type);
  gtk_file_filter_add_suffix (filter, action->suffix);
  g_list_store_append (filters, filter);

  gtk_file_dialog_set_title (dialog, _(action->title));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  g_object_set_data (G_OBJECT (dialog), "file-action", (gpointer) action);
  if (action->initial_name != NULL)
    {
      gtk_file_dialog_set_initial_name (dialog, action->initial_name);
      gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, file_chosen_cb, g_object_ref (self));
    }
  else
    gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, file_chosen_cb, g_object_ref (self));
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

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);

  return FALSE;
}

/* Called once the window knows its application, which holds the library
 * and the store. */
static void
setup_models (PyprepWindow      *self,
              PyprepApplication *app)
{
  const char *message;

  self->library = pyprep_application_get_library (app);
  self->store = pyprep_application_get_store (app);
  pyprep_reader_page_set_library (self->reader_page, self->library);
  pyprep_reader_page_set_store (self->reader_page, self->store);
  pyprep_sidebar_set_library (self->sidebar, self->library);
  pyprep_sidebar_set_store (self->sidebar, self->store);

  g_signal_connect_object (pyprep_library_get_decks (self->library), "items-changed",
                           G_CALLBACK (library_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pyprep_library_get_decks (self->library), "items-changed",
                           G_CALLBACK (update_problems), self, G_CONNECT_SWAPPED);

  /* What the store had to do at load time, the user hears about. */
  message = pyprep_store_get_recovery_message (self->store);
  if (message != NULL)
    {
      adw_banner_set_title (self->banner, message);
      adw_banner_set_revealed (self->banner, TRUE);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-annotation",
                                 !pyprep_store_get_read_only (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-data",
                                 !pyprep_store_get_read_only (self->store));

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
  g_type_ensure (PYPREP_TYPE_QUIZ_VIEW);
  g_type_ensure (PYPREP_TYPE_STATS_VIEW);
  g_type_ensure (PYPREP_TYPE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/Pyprep/ui/pyprep-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, problems_banner);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, quiz_view);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, stats_view);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, reader_page);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_entry_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, banner_dismissed_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_problems_cb);
  gtk_widget_class_bind_template_callback (widget_class, quiz_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, quiz_open_entry_cb);
  gtk_widget_class_bind_template_callback (widget_class, stats_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stats_review_cb);
  gtk_widget_class_bind_template_callback (widget_class, stats_practice_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "win.bookmark", "bookmarked");
  gtk_widget_class_install_property_action (widget_class, "win.filter", "filter");
  gtk_widget_class_install_property_action (widget_class, "win.show-annotations", "show-annotations");
  gtk_widget_class_install_action (widget_class, "win.new-annotation", NULL, new_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, go_forward_action);
  gtk_widget_class_install_action (widget_class, "win.previous-entry", NULL, previous_entry_action);
  gtk_widget_class_install_action (widget_class, "win.next-entry", NULL, next_entry_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "win.progress", NULL, progress_action);
  gtk_widget_class_install_action (widget_class, "win.practice", "s", practice_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_step_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_step_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  for (guint i = 0; i < G_N_ELEMENTS (file_actions); i++)
    gtk_widget_class_install_action (widget_class, file_actions[i].action, NULL, file_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.bookmark", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-annotations", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-annotation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.review", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.progress", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.go-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.previous-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.next-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.filter", "s", "all");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.filter", "s", "bookmarked");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.filter", "s", "annotated");
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-forward", FALSE);
  {
    GtkEventController *window_keys = gtk_event_controller_key_new ();

    g_signal_connect (window_keys, "key-pressed", G_CALLBACK (window_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), window_keys);
  }
  {
    GtkGesture *mouse = gtk_gesture_click_new ();

    /* Buttons 8 and 9 are the mouse's back and forward. */
    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (mouse), 0);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (mouse), GTK_PHASE_CAPTURE);
    g_signal_connect (mouse, "pressed", G_CALLBACK (mouse_button_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (mouse));
  }
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

PyprepWindow *
pyprep_window_new (PyprepApplication *application)
{
  PyprepWindow *self;

  g_return_val_if_fail (PYPREP_IS_APPLICATION (application), NULL);

  self = g_object_new (PYPREP_TYPE_WINDOW, "application", application, NULL);
  setup_models (self, application);

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
 * @filter: "all", "bookmarked" or "annotated"
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
 * pyprep_window_export_data_to:
 * @file: the file the user chose
 *
 * Writes all user data to @file and tells the user how it went.
 */
void
pyprep_window_export_data_to (PyprepWindow *self,
                              GFile        *file)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PYPREP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!pyprep_store_export (self->store, file, &error))
    show_error (self, _("Could Not Export Your Data"), error->message);
  else
    show_toast (self, _("Data exported"));
}

/**
 * pyprep_window_import_data_from:
 * @file: the file the user chose
 *
 * Merges @file into the user data and says what was merged.
 */
void
pyprep_window_import_data_from (PyprepWindow *self,
                                GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  PyprepImportSummary summary;

  g_return_if_fail (PYPREP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!pyprep_store_import (self->store, file, &summary, &error))
    {
      show_error (self, _("Could Not Import the File"), error->message);
      return;
    }

  /* Translators: a summary after importing data; the numbers are counts. */
  message = g_strdup_printf (_("Imported %u bookmarks, %u new and %u updated annotations, %u card states"),
                             summary.bookmarks_added, summary.annotations_added,
                             summary.annotations_updated, summary.cards_updated);
  show_toast (self, message);
}

/**
 * pyprep_window_export_annotations_to:
 * @file: the file the user chose
 *
 * Writes the Markdown study sheet of all annotations to @file.
 */
void
pyprep_window_export_annotations_to (PyprepWindow *self,
                                     GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet = NULL;

  g_return_if_fail (PYPREP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  sheet = pyprep_study_sheet_new (self->store, self->library, _("My Pyprep Annotations"));
  if (!g_file_replace_contents (file, sheet, strlen (sheet), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    show_error (self, _("Could Not Export the Annotations"), error->message);
  else
    show_toast (self, _("Annotations exported"));
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

  show_error (self, title, message);
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
