/* pyprep-application.c: the application: decks, windows and app-wide actions.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-application.h"
#include "pyprep-bench.h"
#include "pyprep-cli.h"
#include "pyprep-preferences-dialog.h"
#include "pyprep-shortcuts.h"
#include "pyprep-trace.h"
#include "pyprep-window.h"

#define BUNDLED_DECK_URI "resource:///io/github/pyprep/Pyprep/deck"

/* A folder of notes the user opened, watched for changes. */
typedef struct
{
  PyprepApplication *app;      /* borrowed */
  GFile *folder;
  GPtrArray *monitors;
  GHashTable *watched;         /* URIs of the folders monitored */
  PyprepDeck *deck;            /* borrowed: the library owns it */
  char *show_file;             /* a file whose first entry to show once loaded */
  guint reload_source;
  gboolean show_when_loaded;
} OpenFolder;

struct _PyprepApplication
{
  AdwApplication parent_instance;

  /* owned */
  PyprepLibrary *library;
  PyprepStore *store;
  GSettings *settings;
  GFile *deck_folder;
  GCancellable *cancellable;
  GError *load_error;
  GPtrArray *folders;          /* OpenFolder */

  /* state */
  gboolean load_started;
  gboolean review_at_start;    /* pyprep --review */
};

G_DEFINE_FINAL_TYPE (PyprepApplication, pyprep_application, ADW_TYPE_APPLICATION)

static void
show_load_error (PyprepApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (PYPREP_IS_WINDOW (l->data))
      pyprep_window_set_load_error (l->data, self->load_error);
}

static void
deck_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PyprepApplication) self = user_data;
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GError) error = NULL;

  deck = pyprep_library_load_deck_finish (PYPREP_LIBRARY (object), result, &error);
  pyprep_trace_mark ("deck-loaded", NULL);
  if (deck == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Cannot open the deck: %s", error->message);
      g_clear_error (&self->load_error);
      self->load_error = g_steal_pointer (&error);
      show_load_error (self);
      return;
    }

  /* Problems in a deck do not stop it from opening; they are listed for
   * the deck's author (pyprep --check shows them too). */
  for (guint i = 0; i < pyprep_deck_get_problems (deck)->len; i++)
    g_message ("%s: %s", pyprep_deck_get_title (deck),
               ((GError *) g_ptr_array_index (pyprep_deck_get_problems (deck), i))->message);
}

/* The user's choice of deck language, or the interface's languages. */
static void
load_deck (PyprepApplication *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "deck-language");
  const char *chosen[] = { language, NULL };

  pyprep_library_load_deck_async (self->library, self->deck_folder,
                                  *language != '\0' ? chosen : g_get_language_names (),
                                  self->cancellable, deck_loaded_cb, g_object_ref (self));
}

static void
start_loading (PyprepApplication *self)
{
  if (self->load_started)
    return;
  self->load_started = TRUE;

  if (self->deck_folder == NULL)
    self->deck_folder = g_file_new_for_uri (BUNDLED_DECK_URI);

  load_deck (self);
}

static void
deck_language_changed_cb (PyprepApplication *self)
{
  /* The deck comes back in the new language under the same IDs, so the
   * reader and the user's data stay where they were. */
  if (self->load_started)
    load_deck (self);
}

static void
apply_style (PyprepApplication *self)
{
  g_autofree char *style = g_settings_get_string (self->settings, "style");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (style, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (style, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
open_folder_free (OpenFolder *of)
{
  g_clear_handle_id (&of->reload_source, g_source_remove);
  g_clear_pointer (&of->monitors, g_ptr_array_unref);
  g_clear_pointer (&of->watched, g_hash_table_unref);
  g_clear_object (&of->folder);
  g_free (of->show_file);
  g_free (of);
}

static PyprepWindow *
active_window (PyprepApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return PYPREP_IS_WINDOW (window) ? PYPREP_WINDOW (window) : NULL;
}

static void load_folder (OpenFolder *of);

static gboolean
reload_cb (gpointer user_data)
{
  OpenFolder *of = user_data;

  of->reload_source = 0;
  load_folder (of);
  return G_SOURCE_REMOVE;
}

/* A file in the folder changed: reload a moment later, once the editor
 * has finished writing. */
static void
folder_changed_cb (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other,
                   GFileMonitorEvent  event,
                   OpenFolder        *of)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;
  g_clear_handle_id (&of->reload_source, g_source_remove);
  of->reload_source = g_timeout_add (PYPREP_RELOAD_DELAY_MS, reload_cb, of);
}

static void
watch (OpenFolder *of,
       GFile      *dir)
{
  GFileMonitor *monitor;

  if (!g_hash_table_add (of->watched, g_file_get_uri (dir)))
    return;
  monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (monitor == NULL)
    return;
  g_signal_connect (monitor, "changed", G_CALLBACK (folder_changed_cb), of);
  g_ptr_array_add (of->monitors, monitor);
}

/* The folder and its subfolders one level down (a deck's language folders). */
static void
watch_folder (OpenFolder *of)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  watch (of, of->folder);
  children = g_file_enumerate_children (of->folder, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_autoptr(GFile) child = g_file_get_child (of->folder, g_file_info_get_name (info));

          watch (of, child);
        }
      g_object_unref (info);
    }
}

static void
remember_folder (PyprepApplication *self,
                 GFile             *folder)
{
  g_auto(GStrv) folders = g_settings_get_strv (self->settings, "folders");
  g_autofree char *uri = g_file_get_uri (folder);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) updated = NULL;

  if (g_strv_contains ((const char * const *) folders, uri))
    return;
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) folders);
  g_strv_builder_add (builder, uri);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "folders", (const char * const *) updated);
}

typedef struct
{
  PyprepApplication *self;
  GFile *folder;
} Loading;

static void
folder_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Loading *loading = user_data;
  g_autoptr(PyprepApplication) self = loading->self;
  g_autoptr(GFile) loaded = loading->folder;
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GError) error = NULL;
  OpenFolder *of = NULL;
  PyprepWindow *window = active_window (self);

  g_free (loading);
  deck = pyprep_library_load_deck_finish (PYPREP_LIBRARY (object), result, &error);
  for (guint i = 0; i < self->folders->len; i++)
    {
      OpenFolder *candidate = g_ptr_array_index (self->folders, i);

      if (g_file_equal (candidate->folder, loaded))
        of = candidate;
    }
  if (of == NULL)
    return;                    /* removed meanwhile */

  if (deck == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (of->folder);
      g_autofree char *title = g_strdup_printf (_("Cannot Open “%s”"), name);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && window != NULL)
        pyprep_window_report (window, title, error->message);
      return;
    }

  of->deck = deck;
  /* A folder of notes: every subfolder it read, new ones included. */
  for (guint i = 0; pyprep_deck_get_folders (deck) != NULL && i < pyprep_deck_get_folders (deck)->len; i++)
    watch (of, g_ptr_array_index (pyprep_deck_get_folders (deck), i));
  if (of->show_when_loaded && window != NULL)
    {
      PyprepEntry *entry = NULL;
      GListModel *topics = pyprep_deck_get_topics (deck);

      /* The file the user opened, else the deck's first entry. */
      for (guint t = 0; t < g_list_model_get_n_items (topics) && entry == NULL; t++)
        {
          g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, t);
          GListModel *entries = pyprep_topic_get_entries (topic);

          if (g_list_model_get_n_items (entries) == 0)
            continue;
          if (of->show_file == NULL || g_str_has_prefix (pyprep_topic_get_file (topic), of->show_file))
            {
              g_autoptr(PyprepEntry) first = g_list_model_get_item (entries, 0);

              entry = first;
            }
        }
      if (entry != NULL)
        pyprep_window_show_entry (window, entry);
    }
  of->show_when_loaded = FALSE;
}

static void
load_folder (OpenFolder *of)
{
  PyprepApplication *self = of->app;
  Loading *loading = g_new0 (Loading, 1);

  loading->self = g_object_ref (self);
  loading->folder = g_object_ref (of->folder);
  /* Opened folders are read in whatever language their notes are in. */
  pyprep_library_load_deck_async (self->library, of->folder, g_get_language_names (),
                                  self->cancellable, folder_loaded_cb, loading);
}

/**
 * pyprep_application_open_folder:
 * @folder: a folder of notes, with or without deck.json
 * @show_file: (nullable): a file name in it whose first entry to show
 *
 * Opens @folder as a deck beside the others, remembers it for the next
 * start, and reloads it whenever its files change.
 */
void
pyprep_application_open_folder (PyprepApplication *self,
                                GFile             *folder,
                                const char        *show_file)
{
  OpenFolder *of = NULL;

  g_return_if_fail (PYPREP_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (folder));

  for (guint i = 0; i < self->folders->len; i++)
    if (g_file_equal (((OpenFolder *) g_ptr_array_index (self->folders, i))->folder, folder))
      of = g_ptr_array_index (self->folders, i);

  if (of == NULL)
    {
      of = g_new0 (OpenFolder, 1);
      of->app = self;
      of->folder = g_object_ref (folder);
      of->monitors = g_ptr_array_new_with_free_func (g_object_unref);
      of->watched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_ptr_array_add (self->folders, of);
      watch_folder (of);
      remember_folder (self, folder);
    }

  g_free (of->show_file);
  of->show_file = g_strdup (show_file);
  of->show_when_loaded = TRUE;
  load_folder (of);
}

/* Folders removed from the settings (in Preferences) leave the library. */
static void
folders_changed_cb (PyprepApplication *self)
{
  g_auto(GStrv) folders = g_settings_get_strv (self->settings, "folders");

  for (guint i = self->folders->len; i > 0; i--)
    {
      OpenFolder *of = g_ptr_array_index (self->folders, i - 1);
      g_autofree char *uri = g_file_get_uri (of->folder);

      if (g_strv_contains ((const char * const *) folders, uri))
        continue;
      if (of->deck != NULL)
        pyprep_library_remove_deck (self->library, of->deck);
      g_ptr_array_remove_index (self->folders, i - 1);
    }
}

static void
open_remembered_folders (PyprepApplication *self)
{
  g_auto(GStrv) folders = g_settings_get_strv (self->settings, "folders");

  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (folders[i]);

      /* A folder that is gone stays remembered: it may be on a disk that
       * is not plugged in. */
      if (g_file_query_exists (folder, NULL))
        {
          pyprep_application_open_folder (self, folder, NULL);
          ((OpenFolder *) g_ptr_array_index (self->folders, self->folders->len - 1))->show_when_loaded = FALSE;
        }
    }
}

static void
open_folder_chosen_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(PyprepApplication) self = user_data;
  g_autoptr(GFile) folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (folder != NULL)
    pyprep_application_open_folder (self, folder, NULL);
}

static void
open_folder_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  PyprepApplication *self = user_data;
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Open Notes Folder"));
  gtk_file_dialog_select_folder (dialog, gtk_application_get_active_window (GTK_APPLICATION (self)),
                                 NULL, open_folder_chosen_cb, g_object_ref (self));
}

static void
pyprep_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  PyprepApplication *self = PYPREP_APPLICATION (app);

  g_application_activate (app);

  /* pyprep FOLDER, or pyprep NOTES.md: its folder, at that file. */
  for (int i = 0; i < n_files; i++)
    {
      GFileType type = g_file_query_file_type (files[i], G_FILE_QUERY_INFO_NONE, NULL);

      /* A path that does not exist is a folder that is not there, not a
       * file to look for in its parent. */
      if (type == G_FILE_TYPE_DIRECTORY || type == G_FILE_TYPE_UNKNOWN)
        pyprep_application_open_folder (self, files[i], NULL);
      else
        {
          g_autoptr(GFile) parent = g_file_get_parent (files[i]);
          g_autofree char *name = g_file_get_basename (files[i]);

          if (parent != NULL)
            pyprep_application_open_folder (self, parent, name);
        }
    }
}

static void
pyprep_application_activate (GApplication *app)
{
  PyprepApplication *self = PYPREP_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      pyprep_trace_mark ("activate", NULL);
      window = GTK_WINDOW (pyprep_window_new (GTK_APPLICATION (self), self->library, self->store));
      pyprep_trace_mark ("window-built", NULL);
      if (self->load_error != NULL)
        pyprep_window_set_load_error (PYPREP_WINDOW (window), self->load_error);
      /* Only under build-aux/dev.sh bench; otherwise it does nothing. */
      pyprep_bench_attach (PYPREP_WINDOW (window));
    }

  if (!self->load_started)
    {
      start_loading (self);
      open_remembered_folders (self);
    }
  gtk_window_present (window);
  if (self->review_at_start)
    {
      self->review_at_start = FALSE;
      pyprep_window_review_when_loaded (PYPREP_WINDOW (window));
    }
}

/* pyprep --review, or the desktop file's Review Cards action. */
static void
review_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  PyprepApplication *self = user_data;

  self->review_at_start = TRUE;
  g_application_activate (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  PyprepApplication *self = user_data;
  static const char *developers[] = { "The Pyprep developers", NULL };
  AdwDialog *dialog;

  dialog = adw_about_dialog_new ();
  adw_about_dialog_set_application_name (ADW_ABOUT_DIALOG (dialog), _("Pyprep"));
  adw_about_dialog_set_application_icon (ADW_ABOUT_DIALOG (dialog), APPLICATION_ID);
  adw_about_dialog_set_version (ADW_ABOUT_DIALOG (dialog), PACKAGE_VERSION);
  adw_about_dialog_set_developer_name (ADW_ABOUT_DIALOG (dialog), _("The Pyprep developers"));
  adw_about_dialog_set_comments (ADW_ABOUT_DIALOG (dialog),
                                 _("Read Python interview notes and check yourself with recall cards and quizzes"));
  adw_about_dialog_set_website (ADW_ABOUT_DIALOG (dialog), "https://github.com/pyprep/pyprep");
  adw_about_dialog_set_issue_url (ADW_ABOUT_DIALOG (dialog), "https://github.com/pyprep/pyprep/issues");
  adw_about_dialog_set_license_type (ADW_ABOUT_DIALOG (dialog), GTK_LICENSE_GPL_3_0);
  adw_about_dialog_set_copyright (ADW_ABOUT_DIALOG (dialog), _("© 2026 The Pyprep developers"));
  adw_about_dialog_set_developers (ADW_ABOUT_DIALOG (dialog), developers);
  /* Translators: put your names here, one per line. */
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (dialog), _("translator-credits"));
  adw_about_dialog_add_legal_section (ADW_ABOUT_DIALOG (dialog), _("Bundled Deck"),
                                      _("© 2026 The Pyprep developers"),
                                      GTK_LICENSE_CUSTOM,
                                      _("The text of the bundled deck is licensed under the "
                                        "Creative Commons Attribution-ShareAlike 4.0 license "
                                        "(CC BY-SA 4.0)."));

  adw_dialog_present (dialog, GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (self))));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  PyprepApplication *self = user_data;

  adw_dialog_present (pyprep_preferences_dialog_new (),
                      GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (self))));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  PyprepApplication *self = user_data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "open-folder", .activate = open_folder_action },
  { .name = "quit", .activate = quit_action },
  { .name = "review", .activate = review_action },
};

static void
pyprep_application_startup (GApplication *app)
{
  PyprepApplication *self = PYPREP_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  pyprep_trace_mark ("startup", NULL);
  G_APPLICATION_CLASS (pyprep_application_parent_class)->startup (app);
  pyprep_trace_mark ("toolkit-ready", NULL);

  /* The user's data, before any window shows it. Problems are not fatal:
   * the store says what happened and the window shows it. */
  if (!pyprep_store_load (self->store, &error))
    g_message ("Cannot read your data: %s", error->message);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  pyprep_shortcuts_install (GTK_APPLICATION (app));

  self->settings = g_settings_new ("io.github.pyprep.Pyprep");
  g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (apply_style), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::deck-language",
                           G_CALLBACK (deck_language_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::folders",
                           G_CALLBACK (folders_changed_cb), self, G_CONNECT_SWAPPED);
  apply_style (self);
}

static void
pyprep_application_shutdown (GApplication *app)
{
  PyprepApplication *self = PYPREP_APPLICATION (app);

  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (self->cancellable);

  /* Nothing the user did may be lost on the way out. */
  if (!pyprep_store_get_read_only (self->store) && !pyprep_store_flush (self->store, &error))
    g_warning ("Could not save your data: %s", error->message);

  G_APPLICATION_CLASS (pyprep_application_parent_class)->shutdown (app);
}

static void
pyprep_application_dispose (GObject *object)
{
  PyprepApplication *self = PYPREP_APPLICATION (object);

  g_clear_pointer (&self->folders, g_ptr_array_unref);
  g_clear_object (&self->library);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->deck_folder);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pyprep_application_parent_class)->dispose (object);
}

static void
pyprep_application_finalize (GObject *object)
{
  PyprepApplication *self = PYPREP_APPLICATION (object);

  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (pyprep_application_parent_class)->finalize (object);
}

static void
pyprep_application_class_init (PyprepApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = pyprep_application_dispose;
  object_class->finalize = pyprep_application_finalize;

  app_class->activate = pyprep_application_activate;
  app_class->open = pyprep_application_open;
  app_class->startup = pyprep_application_startup;
  app_class->shutdown = pyprep_application_shutdown;
}

static void
pyprep_application_init (PyprepApplication *self)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "pyprep", NULL);
  g_autoptr(GFile) data_folder = g_file_new_for_path (data_dir);

  self->library = pyprep_library_new ();
  self->store = pyprep_store_new (data_folder);
  self->folders = g_ptr_array_new_with_free_func ((GDestroyNotify) open_folder_free);
  self->cancellable = g_cancellable_new ();

  /* pyprep FOLDER and pyprep NOTES.md, for --help. */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FOLDER | FILE.md]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Opens the Markdown notes in FOLDER, or the folder of FILE.md "
                                              "at that file, beside the bundled deck, and opens it again at "
                                              "the next start."));
  g_application_add_main_option (G_APPLICATION (self), "version", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE, _("Print the version and exit"), NULL);
  g_application_add_main_option (G_APPLICATION (self), "review", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE, _("Start with a review session"), NULL);
  /* pyprep_cli_main() runs these three before the application starts;
   * they are declared here for --help. */
  g_application_add_main_option (G_APPLICATION (self), "check", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("Check the deck or notes in FOLDER: print the structure found, each "
                                   "problem as file:line: message, and exit with 1 when there are errors"),
                                 _("FOLDER"));
  g_application_add_main_option (G_APPLICATION (self), "list", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("List the topics and entries of the deck in FOLDER, one ID<TAB>title line an entry"),
                                 _("FOLDER"));
  g_application_add_main_option (G_APPLICATION (self), "json", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE, _("With --list, print a JSON document"), NULL);
}

static int
handle_local_options_cb (GApplication *app,
                         GVariantDict *options,
                         gpointer      user_data)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  /* In the running instance if there is one, else in this one once it
   * has started. */
  if (g_variant_dict_contains (options, "review"))
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        {
          g_action_group_activate_action (G_ACTION_GROUP (app), "review", NULL);
          return 0;
        }
      PYPREP_APPLICATION (app)->review_at_start = TRUE;
    }

  return -1;
}

PyprepApplication *
pyprep_application_new (void)
{
  PyprepApplication *self;

  self = g_object_new (PYPREP_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       /* The Devel profile has its own app ID but the same resources. */
                       "resource-base-path", "/io/github/pyprep/Pyprep",
                       NULL);
  g_signal_connect (self, "handle-local-options", G_CALLBACK (handle_local_options_cb), NULL);

  return self;
}

/**
 * pyprep_application_get_library:
 *
 * Returns: (transfer none): every open deck
 */
PyprepLibrary *
pyprep_application_get_library (PyprepApplication *self)
{
  g_return_val_if_fail (PYPREP_IS_APPLICATION (self), NULL);
  return self->library;
}

/**
 * pyprep_application_set_deck_folder:
 * @folder: a deck folder
 *
 * Opens @folder instead of the bundled deck; call before the app runs.
 */
void
pyprep_application_set_deck_folder (PyprepApplication *self,
                                    GFile             *folder)
{
  g_return_if_fail (PYPREP_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (!self->load_started);

  g_set_object (&self->deck_folder, folder);
}

/**
 * pyprep_application_get_store:
 *
 * Returns: (transfer none): the user's data
 */
PyprepStore *
pyprep_application_get_store (PyprepApplication *self)
{
  g_return_val_if_fail (PYPREP_IS_APPLICATION (self), NULL);
  return self->store;
}
