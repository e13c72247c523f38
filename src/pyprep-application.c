/* pyprep-application.c: the application: decks, windows and app-wide actions.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-application-private.h"
#include "pyprep-cli.h"
#include "pyprep-endings.h"
#include "pyprep-preferences-dialog.h"
#include "pyprep-search-provider.h"
#include "pyprep-shortcuts.h"
#include "pyprep-trace.h"
#include "pyprep-window.h"


G_DEFINE_FINAL_TYPE (PyprepApplication, pyprep_application, ADW_TYPE_APPLICATION)

static void
show_load_error (PyprepApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (PYPREP_IS_WINDOW (l->data))
      pyprep_window_set_load_error (l->data, self->load_error);
}

/* A deck that opened, or why it did not. */
static void
deck_ready (PyprepApplication *self,
            PyprepDeck        *deck,
            GError            *error)
{
  pyprep_trace_mark ("deck-loaded", NULL);
  if (deck == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Cannot open the deck: %s", error->message);
      g_clear_error (&self->load_error);
      self->load_error = g_error_copy (error);
      show_load_error (self);
      return;
    }

  /* Problems in a deck do not stop it from opening; they are listed for
   * the deck's author (pyprep --check shows them too). */
  for (guint i = 0; i < pyprep_deck_get_problems (deck)->len; i++)
    g_message ("%s: %s", pyprep_deck_get_title (deck),
               ((GError *) g_ptr_array_index (pyprep_deck_get_problems (deck), i))->message);
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
  deck_ready (self, deck, error);
}

/* The deck started at start-up, read by now or soon: in the library
 * before the window is built, so that the window starts loading the
 * first entry's page before it is presented. */
static void
join_preload (PyprepApplication *self)
{
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GError) error = NULL;

  if (!pyprep_library_get_preloading (self->library))
    return;
  deck = pyprep_library_join_preload (self->library, &error);
  deck_ready (self, deck, error);
}

/* The user's choice of deck language, or the interface's languages; the
 * first load in a thread of its own, joined before the window is built. */
static void
load_deck (PyprepApplication *self,
           gboolean           first)
{
  g_autofree char *language = g_settings_get_string (self->settings, "deck-language");
  const char *chosen[] = { language, NULL };
  const char * const *languages = *language != '\0' ? chosen : g_get_language_names ();

  if (first)
    pyprep_library_preload_deck (self->library, self->deck_folder, languages);
  else
    pyprep_library_load_deck_async (self->library, self->deck_folder, languages,
                                    self->cancellable, deck_loaded_cb, g_object_ref (self));
}

static void
start_loading (PyprepApplication *self)
{
  if (self->load_started)
    return;
  self->load_started = TRUE;

  if (self->deck_folder == NULL)
    self->deck_folder = g_file_new_for_uri (PYPREP_BUNDLED_DECK_URI);

  load_deck (self, TRUE);
}

static void
deck_language_changed_cb (PyprepApplication *self)
{
  /* The deck comes back in the new language under the same IDs, so the
   * reader and the user's data stay where they were. */
  if (self->load_started)
    {
      /* The first load, still in its thread, would come back in the old language. */
      join_preload (self);
      load_deck (self, FALSE);
    }
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

/* The decks, once: at the first window, or at the first search from
 * GNOME's overview. The bundled deck started loading at start-up. */
static void
ensure_loaded (PyprepApplication *self)
{
  join_preload (self);
  if (self->folders_opened)
    return;
  self->folders_opened = TRUE;
  _pyprep_application_open_remembered (self);
}

static void
pyprep_application_activate (GApplication *app)
{
  PyprepApplication *self = PYPREP_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* The deck has loaded in a thread of its own since start-up, while the
   * toolkit started: in the library before the window is built, its
   * first entry's page starts loading before the window is presented,
   * and the web process works on it while the window is realized. The
   * folders remembered come after, as their failures are told in the
   * window. */
  join_preload (self);
  if (window == NULL)
    {
      pyprep_trace_mark ("activate", NULL);
      window = GTK_WINDOW (pyprep_window_new (GTK_APPLICATION (self), self->library, self->store));
      pyprep_shortcuts_add_help_overlay (GTK_APPLICATION_WINDOW (window));
      pyprep_trace_mark ("window-built", NULL);
      if (self->load_error != NULL)
        pyprep_window_set_load_error (PYPREP_WINDOW (window), self->load_error);
    }

  if (!self->folders_opened)
    {
      self->folders_opened = TRUE;
      _pyprep_application_open_remembered (self);
    }
  gtk_window_present (window);
  pyprep_trace_mark ("presented", NULL);
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
  /* The banner's buttons for a remembered folder that did not open. */
  { .name = "remove-folder", .activate = _pyprep_application_remove_folder, .parameter_type = "s" },
  { .name = "reload-folder", .activate = _pyprep_application_reload_folder, .parameter_type = "s" },
  /* Preferences' Keep Study Data In…, once confirmed. */
  { .name = "set-study-folder", .activate = _pyprep_application_set_study_folder, .parameter_type = "s" },
};

static void
pyprep_application_startup (GApplication *app)
{
  PyprepApplication *self = PYPREP_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  pyprep_trace_mark ("startup", NULL);
  /* The deck first: it loads in a thread of its own while the toolkit
   * starts and the window is built. */
  self->settings = g_settings_new ("io.github.pyprep.Pyprep");
  start_loading (self);
  G_APPLICATION_CLASS (pyprep_application_parent_class)->startup (app);
  pyprep_trace_mark ("toolkit-ready", NULL);

  /* The user's data, before any window shows it. Problems are not fatal:
   * the store says what happened and the window shows it. */
  if (!pyprep_store_load (self->store, &error))
    g_message ("Cannot read your data: %s", error->message);
  self->endings = pyprep_endings_new (G_APPLICATION (self), self->store);

  /* The focus landing on a card's selectable text (a resize during a
   * review moves it there) would select all of it. */
  g_object_set (gtk_settings_get_default (), "gtk-label-select-on-focus", FALSE, NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  pyprep_shortcuts_install (GTK_APPLICATION (app));

  g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (apply_style), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::deck-language",
                           G_CALLBACK (deck_language_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::folders",
                           G_CALLBACK (_pyprep_application_folders_changed), self,
                           G_CONNECT_SWAPPED);
  apply_style (self);
  _pyprep_application_study_start (self);
}

static void
pyprep_application_shutdown (GApplication *app)
{
  PyprepApplication *self = PYPREP_APPLICATION (app);

  g_cancellable_cancel (self->cancellable);
  /* Nothing the user did may be lost on the way out. */
  pyprep_endings_flush (self->endings);
  g_clear_pointer (&self->endings, pyprep_endings_free);

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

/* GNOME's overview: entries found from outside the app. */
static gboolean
pyprep_application_dbus_register (GApplication     *app,
                                  GDBusConnection  *connection,
                                  const char       *object_path,
                                  GError          **error)
{
  PyprepApplication *self = PYPREP_APPLICATION (app);
  g_autofree char *path = g_strconcat (object_path, PYPREP_SEARCH_PROVIDER_PATH_SUFFIX, NULL);

  if (!G_APPLICATION_CLASS (pyprep_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;
  self->search_provider = pyprep_search_provider_new (GTK_APPLICATION (self), self->library, self->store);
  g_signal_connect_swapped (self->search_provider, "load-library", G_CALLBACK (ensure_loaded), self);
  return pyprep_search_provider_export (self->search_provider, connection, path, error);
}

static void
pyprep_application_dbus_unregister (GApplication    *app,
                                    GDBusConnection *connection,
                                    const char      *object_path)
{
  PyprepApplication *self = PYPREP_APPLICATION (app);

  /* Disposing it unexports it. */
  g_clear_object (&self->search_provider);
  G_APPLICATION_CLASS (pyprep_application_parent_class)->dbus_unregister (app, connection, object_path);
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
  app_class->dbus_register = pyprep_application_dbus_register;
  app_class->dbus_unregister = pyprep_application_dbus_unregister;
}

static void
pyprep_application_init (PyprepApplication *self)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "pyprep", NULL);
  g_autoptr(GFile) data_folder = g_file_new_for_path (data_dir);

  self->library = pyprep_library_new ();
  self->store = pyprep_store_new (data_folder);
  self->folders = _pyprep_application_folders_new ();
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
  /* pyprep_cli_main() runs these before the application starts;
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
  g_application_add_main_option (G_APPLICATION (self), "export-anki", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("Write the cards of the deck in FOLDER (or of the bundled deck, for "
                                   "“bundled”) to the file OUT as a text file that Anki imports"),
                                 _("FOLDER OUT"));
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
                       /* For query-end: the session's logout flushes the data. */
                       "register-session", TRUE,
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
