/* pyprep-window-actions.c: the main window's actions and their keys.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-anki.h"
#include "pyprep-interview-dialog.h"
#include "pyprep-study-sheet.h"
#include "pyprep-topic-header.h"
#include "pyprep-window-private.h"

/* Reading --------------------------------------------------------------------- */

static void
new_annotation_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  pyprep_reader_page_new_annotation (PYPREP_WINDOW (widget)->reader_page);
}

/* The annotation whose row has the focus becomes a recall card. */
static void
make_card_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  if (!pyprep_reader_page_make_card (PYPREP_WINDOW (widget)->reader_page))
    gtk_widget_error_bell (widget);
}

/* Back and forward through the entries read. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  if (g_str_equal (action_name, "win.go-back"))
    _pyprep_window_go_back (self);
  else
    pyprep_reader_go_forward (self->reader);
}

/* The entry before or after the one shown, in deck and topic order. */
static void
step_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  PyprepEntry *current = pyprep_reader_get_entry (self->reader);
  PyprepEntry *next;

  if (current == NULL)
    return;
  next = pyprep_sidebar_get_neighbour (self->sidebar, current,
                                       g_str_equal (action_name, "win.previous-entry") ? -1 : 1);
  if (next != NULL)
    pyprep_window_show_entry (self, next);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
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
    gtk_widget_activate_action (GTK_WIDGET (self), "win.go-back", NULL);
  else if (button == 9)
    pyprep_reader_go_forward (self->reader);
}

/* Find in the entry: open the bar, or step through the matches (which
 * opens the bar when it is closed). */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  if (g_str_equal (action_name, "win.find-previous"))
    pyprep_find_bar_previous (self->find_bar);
  else if (g_str_equal (action_name, "win.find-next"))
    pyprep_find_bar_next (self->find_bar);
  else
    pyprep_find_bar_open (self->find_bar);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  pyprep_reader_print (PYPREP_WINDOW (widget)->reader);
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

/* Review and practice ------------------------------------------------------- */

/* Review: the quiz takes the whole window; the reader stays where it was. */
static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  PyprepQuizView *quiz = _pyprep_window_get_quiz_view (self);

  _pyprep_window_show_page (self, "quiz");
  pyprep_sidebar_refresh_due_counts (self->sidebar);
  pyprep_quiz_view_set_readiness (quiz, pyprep_sidebar_get_readiness (self->sidebar));
  pyprep_quiz_view_start (quiz, self->library, self->store);
}

/* A mock interview: its first page asks for the length and the topics. */
static void
mock_interview_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  PyprepMockView *mock = _pyprep_window_get_mock_view (self);

  pyprep_mock_view_set_store (mock, self->store);
  pyprep_mock_view_setup (mock, self->library);
  _pyprep_window_show_page (self, "mock");
}

/* The interview date, from the menu, the review page or the progress page. */
static void
interview_date_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  adw_dialog_present (pyprep_interview_dialog_new (self->library, self->store,
                                                   g_settings_get_double (self->settings, "interview-target")),
                      GTK_WIDGET (self));
}

static void
progress_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  PyprepStatsView *stats = _pyprep_window_get_stats_view (self);

  pyprep_stats_view_set_readiness (stats, pyprep_sidebar_get_readiness (self->sidebar));
  pyprep_stats_view_refresh (stats, pyprep_sidebar_get_due_counts (self->sidebar));
  pyprep_readiness_update (pyprep_sidebar_get_readiness (self->sidebar));
  _pyprep_window_show_page (self, "stats");
}

/* Practice: @topic for a topic's cards, else the bookmarked entries or the
 * cards missed lately across every deck. */
void
_pyprep_window_start_practice (PyprepWindow       *self,
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

  _pyprep_window_show_page (self, "quiz");
  pyprep_quiz_view_start_practice (_pyprep_window_get_quiz_view (self), self->store, queue, title,
                                   empty);
}

/* The predict questions of the entry read: a practice session over them,
 * from the reader, which shows their programs without the outputs. */
static void
predict_output_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  PyprepEntry *entry = pyprep_reader_get_entry (self->reader);
  g_autoptr(GPtrArray) queue = NULL;
  g_autofree char *title = NULL;

  if (entry == NULL || pyprep_entry_get_n_predicts (entry) == 0)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("This entry has no programs whose output to predict")));
      return;
    }
  queue = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_card_ref_free);
  for (guint i = 0; i < pyprep_entry_get_n_predicts (entry); i++)
    g_ptr_array_add (queue, pyprep_card_ref_new_predict (entry, i));
  /* Translators: the header of a practice session over the predict
   * questions of one entry; %s is the entry's title */
  title = g_strdup_printf (_("Predict the Output: %s"), pyprep_entry_get_title (entry));
  _pyprep_window_show_page (self, "quiz");
  pyprep_quiz_view_start_practice (_pyprep_window_get_quiz_view (self), self->store, queue, title,
                                   NULL);
}

static void
practice_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  const char *what = g_variant_get_string (parameter, NULL);

  if (g_strcmp0 (what, "bookmarked") == 0)
    _pyprep_window_start_practice (self, PYPREP_PRACTICE_BOOKMARKED, NULL);
  else if (g_strcmp0 (what, "missed") == 0)
    _pyprep_window_start_practice (self, PYPREP_PRACTICE_MISSED, NULL);
  else if (g_strcmp0 (what, "topic") == 0)
    {
      PyprepEntry *entry = pyprep_reader_get_entry (self->reader);
      PyprepTopic *topic = entry != NULL ? pyprep_entry_get_topic (entry) : NULL;

      if (topic != NULL)
        _pyprep_window_start_practice (self, PYPREP_PRACTICE_ALL, topic);
      else
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("Open an entry first: its topic is the one practised")));
    }
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
  { "win.export-anki", N_("Export Cards for Anki"), "pyprep-anki.txt",
    N_("Anki text file"), "text/plain", "txt", pyprep_window_export_anki_to },
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

static void
show_toast (PyprepWindow *self,
            const char   *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
_pyprep_window_show_error (PyprepWindow *self,
                           const char   *heading,
                           const char   *body)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
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
    _pyprep_window_show_error (self, _("Could Not Export Your Data"), error->message);
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
      _pyprep_window_show_error (self, _("Could Not Import the File"), error->message);
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
    _pyprep_window_show_error (self, _("Could Not Export the Annotations"), error->message);
  else
    show_toast (self, _("Annotations exported"));
}

/**
 * pyprep_window_export_anki_to:
 * @file: the file the user chose
 *
 * Writes the cards of the shown entry's deck (else of the first deck) to
 * @file as a text file for Anki's import (docs/anki-export.md).
 */
void
pyprep_window_export_anki_to (PyprepWindow *self,
                              GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PyprepEntry *entry;
  PyprepTopic *topic;
  PyprepDeck *deck = NULL;
  g_autoptr(PyprepDeck) first = NULL;
  g_autofree char *done = NULL;

  g_return_if_fail (PYPREP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  entry = pyprep_reader_get_entry (self->reader);
  topic = entry != NULL ? pyprep_entry_get_topic (entry) : NULL;
  if (topic != NULL)
    deck = pyprep_topic_get_deck (topic);
  if (deck == NULL)
    deck = first = g_list_model_get_item (pyprep_library_get_decks (self->library), 0);
  if (deck == NULL)
    {
      _pyprep_window_show_error (self, _("Could Not Export the Cards"), _("No deck is open."));
      return;
    }

  text = pyprep_anki_export (deck, NULL);
  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      _pyprep_window_show_error (self, _("Could Not Export the Cards"), error->message);
      return;
    }
  /* Translators: %s is a deck's title. */
  done = g_strdup_printf (_("Cards of “%s” exported for Anki"), pyprep_deck_get_title (deck));
  show_toast (self, done);
}

/* Installs the window's actions; the window's class properties come first,
 * for the property actions. Their keys are application accelerators
 * (pyprep-shortcuts.c), so that they act from any focus. */
void
_pyprep_window_class_actions_init (PyprepWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_property_action (widget_class, "win.bookmark", "bookmarked");
  gtk_widget_class_install_property_action (widget_class, "win.filter", "filter");
  gtk_widget_class_install_property_action (widget_class, "win.show-annotations", "show-annotations");
  gtk_widget_class_install_action (widget_class, "win.new-annotation", NULL, new_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.make-card", NULL, make_card_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.previous-entry", NULL, step_entry_action);
  gtk_widget_class_install_action (widget_class, "win.next-entry", NULL, step_entry_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "win.progress", NULL, progress_action);
  gtk_widget_class_install_action (widget_class, "win.mock-interview", NULL, mock_interview_action);
  gtk_widget_class_install_action (widget_class, "win.interview-date", NULL, interview_date_action);
  gtk_widget_class_install_action (widget_class, "win.practice", "s", practice_action);
  gtk_widget_class_install_action (widget_class, "win.predict-output", NULL, predict_output_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  for (guint i = 0; i < G_N_ELEMENTS (file_actions); i++)
    gtk_widget_class_install_action (widget_class, file_actions[i].action, NULL, file_action_cb);
}

/* The keys and mouse buttons that are not key bindings. */
void
_pyprep_window_actions_init (PyprepWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *mouse = gtk_gesture_click_new ();

  g_signal_connect (keys, "key-pressed", G_CALLBACK (window_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  /* Buttons 8 and 9 are the mouse's back and forward. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (mouse), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (mouse), GTK_PHASE_CAPTURE);
  g_signal_connect (mouse, "pressed", G_CALLBACK (mouse_button_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (mouse));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-forward", FALSE);
}
