/* pyprep-application-folders.c: the folders of notes the user opened: loaded, watched, remembered.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A folder is remembered for the next start only once it has opened. One
 * the user has just chosen that cannot be opened is reported in a dialog
 * and forgotten; a remembered one that cannot be opened (a folder since
 * deleted, a disk not plugged in) is reported in the window's banner, with
 * Remove and Try Again, instead of a dialog at every start.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pyprep-application-private.h"
#include "pyprep-window.h"

/* A folder of notes the user opened, watched for changes. */
typedef struct
{
  PyprepApplication *app;      /* borrowed */
  GFile *folder;
  GPtrArray *monitors;
  GHashTable *watched;         /* URIs of the folders monitored */
  PyprepDeck *deck;            /* borrowed: the library owns it */
  char *show_file;             /* a file whose first entry to show once loaded */
  char *failure;               /* why it did not open, for the banner */
  guint reload_source;
  gboolean show_when_loaded;
  gboolean remembered;         /* in the settings: it opened once */
} OpenFolder;


static void
open_folder_free (OpenFolder *of)
{
  g_clear_handle_id (&of->reload_source, g_source_remove);
  g_clear_pointer (&of->monitors, g_ptr_array_unref);
  g_clear_pointer (&of->watched, g_hash_table_unref);
  g_clear_object (&of->folder);
  g_free (of->show_file);
  g_free (of->failure);
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

/* The message of a failed load without the folder's name in front, which
 * the title or the banner already says. */
static const char *
strip_folder_name (GFile      *folder,
                   const char *message)
{
  g_autofree char *name = g_file_get_parse_name (folder);
  size_t len = strlen (name);

  if (strncmp (message, name, len) == 0 && g_str_has_prefix (message + len, ": "))
    return message + len + 2;
  return message;
}

/* The banner tells about the first remembered folder that did not open. */
static void
update_banner (PyprepApplication *self)
{
  OpenFolder *failed = NULL;
  g_autofree char *uri = NULL;

  for (guint i = 0; i < self->folders->len && failed == NULL; i++)
    if (((OpenFolder *) g_ptr_array_index (self->folders, i))->failure != NULL)
      failed = g_ptr_array_index (self->folders, i);
  if (failed != NULL)
    uri = g_file_get_uri (failed->folder);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (PYPREP_IS_WINDOW (l->data))
      pyprep_window_set_folder_failure (l->data, uri, failed != NULL ? failed->failure : NULL);
}

static void
folder_failed (OpenFolder *of,
               const char *message)
{
  PyprepApplication *self = of->app;
  g_autofree char *name = g_file_get_parse_name (of->folder);
  const char *reason = strip_folder_name (of->folder, message);
  PyprepWindow *window = active_window (self);

  if (of->remembered)
    {
      g_free (of->failure);
      /* Translators: a banner; the folder, then why it did not open. */
      of->failure = g_strdup_printf (_("Cannot open “%s”: %s"), name, reason);
      update_banner (self);
      return;
    }

  /* The user has just chosen it: say why at once, and forget it. The
   * title names it by its own name: a whole path does not wrap. */
  if (window != NULL)
    {
      g_autofree char *path = g_file_get_path (of->folder);
      g_autofree char *base = path != NULL ? g_filename_display_basename (path) : g_strdup (name);
      g_autofree char *title = g_strdup_printf (_("Cannot Open “%s”"), base);
      g_autofree char *body = g_strdup_printf ("%c%s", g_ascii_toupper (*reason), reason + (*reason != '\0'));

      pyprep_window_report (window, title, body);
    }
  g_ptr_array_remove (self->folders, of);
}

static gboolean
is_in_file (PyprepTopic *topic,
            PyprepEntry *entry,
            gpointer     user_data)
{
  const char *file = user_data;

  return file == NULL || g_str_has_prefix (pyprep_topic_get_file (topic), file);
}

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
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        folder_failed (of, error->message);
      return;
    }

  if (!of->remembered)
    {
      of->remembered = TRUE;
      remember_folder (self, of->folder);
    }
  g_clear_pointer (&of->failure, g_free);
  update_banner (self);
  of->deck = deck;
  /* A folder of notes: every subfolder it read, new ones included. */
  for (guint i = 0; pyprep_deck_get_folders (deck) != NULL && i < pyprep_deck_get_folders (deck)->len; i++)
    watch (of, g_ptr_array_index (pyprep_deck_get_folders (deck), i));
  if (of->show_when_loaded && window != NULL)
    {
      /* The file the user opened, else the deck's first entry. */
      PyprepEntry *entry = pyprep_deck_foreach_entry (deck, is_in_file, (gpointer) of->show_file);

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
 * start once it has opened, and reloads it whenever its files change.
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
    }

  g_free (of->show_file);
  of->show_file = g_strdup (show_file);
  of->show_when_loaded = TRUE;
  load_folder (of);
}

/* Folders removed from the settings (in Preferences, or the banner's
 * Remove) leave the library; those still opening for the first time are
 * not in the settings yet. */
void
_pyprep_application_folders_changed (PyprepApplication *self)
{
  g_auto(GStrv) folders = g_settings_get_strv (self->settings, "folders");

  for (guint i = self->folders->len; i > 0; i--)
    {
      OpenFolder *of = g_ptr_array_index (self->folders, i - 1);
      g_autofree char *uri = g_file_get_uri (of->folder);

      if (!of->remembered || g_strv_contains ((const char * const *) folders, uri))
        continue;
      if (of->deck != NULL)
        pyprep_library_remove_deck (self->library, of->deck);
      g_ptr_array_remove_index (self->folders, i - 1);
    }
  update_banner (self);
}

static OpenFolder *
find_folder (PyprepApplication *self,
             const char        *uri)
{
  g_autoptr(GFile) folder = g_file_new_for_uri (uri);

  for (guint i = 0; i < self->folders->len; i++)
    if (g_file_equal (((OpenFolder *) g_ptr_array_index (self->folders, i))->folder, folder))
      return g_ptr_array_index (self->folders, i);
  return NULL;
}

/* Each remembered folder, missing ones included: those that do not open
 * are told about in the banner. */
void
_pyprep_application_open_remembered (PyprepApplication *self)
{
  g_auto(GStrv) folders = g_settings_get_strv (self->settings, "folders");

  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (folders[i]);
      OpenFolder *of;

      pyprep_application_open_folder (self, folder, NULL);
      of = find_folder (self, folders[i]);
      of->show_when_loaded = FALSE;
      of->remembered = TRUE;
    }
}

/* app.remove-folder(URI): the banner's Remove, as Preferences removes. */
void
_pyprep_application_remove_folder (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  PyprepApplication *self = user_data;
  const char *uri = g_variant_get_string (parameter, NULL);
  g_auto(GStrv) folders = g_settings_get_strv (self->settings, "folders");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; folders[i] != NULL; i++)
    if (!g_str_equal (folders[i], uri))
      g_strv_builder_add (builder, folders[i]);
  kept = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "folders", (const char * const *) kept);
}

/* app.reload-folder(URI): the banner's Try Again. The banner goes while
 * the folder loads, and comes back if it fails again. */
void
_pyprep_application_reload_folder (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  PyprepApplication *self = user_data;
  OpenFolder *of = find_folder (self, g_variant_get_string (parameter, NULL));

  if (of == NULL)
    return;
  g_clear_pointer (&of->failure, g_free);
  update_banner (self);
  watch_folder (of);
  load_folder (of);
}

/* The folders of self->folders. */
GPtrArray *
_pyprep_application_folders_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) open_folder_free);
}
