/* test-folders.c: opening the user's own notes folders, live reload, and removing them.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "pyprep-problems-dialog.h"
#include "pyprep-topic-header.h"
#include "ui-harness.h"

typedef struct
{
  Fixture *f;
  const char *text;
} PageWait;

static gboolean
two_decks (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (pyprep_library_get_decks (pyprep_application_get_library (f->app))) == 2;
}

static gboolean
one_deck (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (pyprep_library_get_decks (pyprep_application_get_library (f->app))) == 1;
}

static gboolean
showing_questions (gpointer data)
{
  Fixture *f = data;
  PyprepEntry *entry = shown_entry (f);

  return entry != NULL && g_str_has_prefix (pyprep_entry_get_id (entry), "notes/questions-concurrency/");
}

/* The sidebar shows the heading of the opened file's topic. */
static gboolean
shows_heading (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GPtrArray) headings = g_ptr_array_new ();

  collect_labels (GTK_WIDGET (window_entry_list (f)), "heading", headings);
  for (guint i = 0; i < headings->len; i++)
    if (g_str_equal (g_ptr_array_index (headings, i), "Python notes · Concurrency"))
      return TRUE;
  return FALSE;
}

static gboolean
page_shows (gpointer data)
{
  PageWait *wait = data;
  WebKitWebView *view = window_view (wait->f);
  g_autofree char *text = NULL;

  spin (100);
  text = run_script (view, "document.body.textContent");
  return text != NULL && strstr (text, wait->text) != NULL;
}

typedef struct
{
  Fixture *f;
  const char *id;
  const char *body;
} EntryWait;

static gboolean
entry_reads (gpointer data)
{
  EntryWait *wait = data;
  PyprepEntry *entry = pyprep_library_lookup_entry (pyprep_application_get_library (wait->f->app), wait->id);

  spin (50);
  return entry != NULL && g_str_equal (pyprep_entry_get_body (entry), wait->body);
}

/* Live reload covers subfolders, new ones included. */
static void
check_subfolder_reload (Fixture    *f,
                        const char *dir)
{
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *file = g_build_filename (sub, "extra.md", NULL);
  EntryWait wait = { f, "notes/sub-extra/what-is-new", "Fresh." };

  g_assert_no_errno (g_mkdir (sub, 0755));
  g_assert_true (g_file_set_contents (file, "# Extra\n\n## What is new?\n\nFresh.\n", -1, NULL));
  wait_until (entry_reads, &wait, "the new subfolder's entry");
  g_assert_true (g_file_set_contents (file, "# Extra\n\n## What is new?\n\nFresher.\n", -1, NULL));
  wait.body = "Fresher.";
  wait_until (entry_reads, &wait, "the subfolder's edited entry");
}

/* The banner's Show Problems lists each problem on a line of its own. */
static void
check_problems_listed (Fixture   *f,
                       AdwBanner *banner)
{
  AdwDialog *dialog;
  GtkLabel *label;
  g_auto(GStrv) lines = NULL;

  g_signal_emit_by_name (banner, "button-clicked");
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  g_assert_true (PYPREP_IS_PROBLEMS_DIALOG (dialog));
  label = template_child (dialog, PYPREP_TYPE_PROBLEMS_DIALOG, "label");
  lines = g_strsplit (gtk_label_get_label (label), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_true (g_str_has_prefix (lines[i], "Python notes: "));
  /* Past the dialog's opening animation, which is slow on a virtual display. */
  spin (1500);
  save_screenshot (f, "problems-dialog.png");
  adw_dialog_force_close (dialog);
}

static void
check_open_folder (Fixture *f)
{
  const char *dir = f->data;
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *uri = g_file_get_uri (folder);
  g_autofree char *path = g_build_filename (dir, "basics.md", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");
  g_auto(GStrv) folders = NULL;
  PyprepLibrary *library = pyprep_application_get_library (f->app);
  PyprepEntry *entry;
  AdwBanner *banner;
  PageWait wait = { f, NULL };

  /* The same call the Open Notes Folder dialog and `pyprep FILE` make. */
  pyprep_application_open_folder (f->app, folder, "questions.md");
  wait_until (two_decks, f, "the folder to open");
  wait_until (showing_questions, f, "the opened file's first entry");

  /* Remembered for the next start. */
  folders = g_settings_get_strv (settings, "folders");
  g_assert_true (g_strv_contains ((const char * const *) folders, uri));

  /* Several decks: sections name their deck. */
  {
    PyprepTopic *topic = pyprep_entry_get_topic (shown_entry (f));
    g_autofree char *section = pyprep_topic_header_dup_title (library, topic);

    /* The folder's README names the deck. */
    g_assert_cmpstr (section, ==, "Python notes · Concurrency");
    wait_until (shows_heading, f, "the topic's heading in the sidebar");
  }

  /* Its broken files are reported, the rest is readable. */
  banner = window_child (f, "problems_banner");
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "2 problems"));
  check_problems_listed (f, banner);
  wait.text = "A lock in CPython.";
  wait_until (page_shows, &wait, "the opened file's first entry to be painted");
  save_screenshot (f, "folder-opened.png");

  /* Live reload: an edit shows up in the entry being read. */
  entry = pyprep_library_lookup_entry (library, "notes/basics/what-is-a-list");
  g_assert_nonnull (entry);
  pyprep_window_show_entry (f->window, entry);
  wait.text = "A dynamic array of references.";
  wait_until (page_shows, &wait, "the entry");
  pyprep_window_set_bookmarked (f->window, TRUE);
  {
    g_autofree char *text = NULL;
    g_autoptr(GString) changed = NULL;

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    changed = g_string_new (text);
    g_string_replace (changed, "A dynamic array of references.", "Edited while reading.", 1);
    g_assert_true (g_file_set_contents (path, changed->str, -1, NULL));
  }
  wait.text = "Edited while reading.";
  wait_until (page_shows, &wait, "the edited entry");
  g_assert_cmpstr (pyprep_entry_get_id (shown_entry (f)),
                   ==, "notes/basics/what-is-a-list");
  /* The user's data is keyed by ID, so the new entry keeps its bookmark. */
  g_assert_true (pyprep_window_get_bookmarked (f->window));

  check_subfolder_reload (f, dir);
}

static void
check_reopened_and_removed (Fixture *f)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");
  const char *empty[] = { NULL };

  /* The folder opens again at start. */
  wait_until (two_decks, f, "the remembered folder");
  g_assert_nonnull (pyprep_library_lookup_entry (pyprep_application_get_library (f->app),
                                                 "notes/basics/what-is-a-list"));

  /* Removing it (Preferences) takes it out of the library. */
  g_settings_set_strv (settings, "folders", empty);
  wait_until (one_deck, f, "the folder to be removed");
  g_assert_null (pyprep_library_lookup_entry (pyprep_application_get_library (f->app),
                                              "notes/basics/what-is-a-list"));
}

static void
test_folders (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_dir_make_tmp ("pyprep-folders-XXXXXX", &error);
  g_autofree char *dir = g_build_filename (parent, "notes", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "decks", "notes", NULL);
  g_autofree char *cmd = g_strdup_printf ("cp -r '%s' '%s'", source, dir);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");

  g_assert_no_error (error);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));

  run_app (NULL, check_open_folder, dir);
  run_app (NULL, check_reopened_and_removed, dir);

  g_settings_reset (settings, "folders");
  remove_tree (parent);
}

static gboolean
has_dialog (gpointer data)
{
  Fixture *f = data;

  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window)) != NULL;
}

static gboolean
folder_banner_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_revealer_get_reveal_child (window_child (f, "folder_banner"));
}

static gboolean
folder_banner_hidden (gpointer data)
{
  return !folder_banner_shown (data);
}

static gboolean
is_remembered (const char *uri)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");
  g_auto(GStrv) folders = g_settings_get_strv (settings, "folders");

  return g_strv_contains ((const char * const *) folders, uri);
}

/* A folder the user chooses that cannot open: a dialog says why, without
 * the folder's path in front (the title names it), and it is not
 * remembered. */
static void
check_failed_folder_forgotten (Fixture *f)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->data);
  g_autofree char *uri = g_file_get_uri (folder);
  g_autofree char *heading = g_strdup_printf ("Cannot Open “%s”", "empty");
  AdwDialog *dialog;

  pyprep_application_open_folder (f->app, folder, NULL);
  wait_until (has_dialog, f, "the dialog about the folder");
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, heading);
  g_assert_cmpstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), ==,
                   "The folder has no deck.json and no Markdown notes (.md files), nor have its subfolders");
  spin (1500);
  save_screenshot (f, "folder-failed-dialog.png");
  adw_dialog_force_close (dialog);
  g_assert_false (is_remembered (uri));
  g_assert_false (folder_banner_shown (f));
}

/* At the next start nothing is said about it. */
static void
check_nothing_reported (Fixture *f)
{
  spin (1000);
  g_assert_false (has_dialog (f));
  g_assert_false (folder_banner_shown (f));
}

typedef struct
{
  char *gone;                  /* a remembered folder that no longer exists */
  char *notes;                 /* one that exists once the test makes it */
} Remembered;

static gboolean
notes_opened (gpointer data)
{
  Fixture *f = data;

  return pyprep_library_lookup_entry (pyprep_application_get_library (f->app),
                                      "later/later/what-is-late") != NULL;
}

/* Remembered folders that do not open are told about in the banner, one
 * at a time, never in a dialog; Try Again and Remove act on the one shown. */
static void
check_remembered_failures (Fixture *f)
{
  Remembered *r = f->data;
  g_autoptr(GFile) gone = g_file_new_for_path (r->gone);
  g_autoptr(GFile) notes = g_file_new_for_path (r->notes);
  g_autofree char *gone_uri = g_file_get_uri (gone);
  g_autofree char *notes_uri = g_file_get_uri (notes);
  g_autofree char *gone_name = g_file_get_parse_name (gone);
  g_autofree char *notes_name = g_file_get_parse_name (notes);
  g_autofree char *expected = NULL;
  GtkLabel *label = window_child (f, "folder_banner_label");

  wait_until (folder_banner_shown, f, "the banner about the remembered folders");
  g_assert_false (has_dialog (f));
  expected = g_strdup_printf ("Cannot open “%s”: there is no such folder", gone_name);
  g_assert_cmpstr (gtk_label_get_label (label), ==, expected);
  spin (500);
  save_screenshot (f, "folder-failed-banner.png");

  /* Try Again, once the notes are there: it opens, and the banner tells
   * about the other folder. */
  write_file (r->gone, "later.md", "# Later\n\n## What is late?\n\nThis.\n");
  gtk_widget_activate (window_child (f, "folder_retry_button"));
  wait_until (notes_opened, f, "the folder to open on Try Again");
  wait_until (folder_banner_shown, f, "the banner about the other folder");
  g_free (expected);
  expected = g_strdup_printf ("Cannot open “%s”: there is no such folder", notes_name);
  g_assert_cmpstr (gtk_label_get_label (label), ==, expected);

  /* Remove forgets it, as Preferences does. */
  gtk_widget_activate (window_child (f, "folder_remove_button"));
  wait_until (folder_banner_hidden, f, "the banner to go");
  g_assert_false (is_remembered (notes_uri));
  g_assert_true (is_remembered (gone_uri));
}

static void
test_failed_folders (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_dir_make_tmp ("pyprep-failed-XXXXXX", &error);
  g_autofree char *empty = g_build_filename (parent, "empty", NULL);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");
  Remembered r = { g_build_filename (parent, "later", NULL), g_build_filename (parent, "unplugged", NULL) };
  g_autofree char *gone_uri = NULL;
  g_autofree char *notes_uri = NULL;

  g_assert_no_error (error);
  g_assert_no_errno (g_mkdir (empty, 0755));
  run_app (NULL, check_failed_folder_forgotten, empty);
  run_app (NULL, check_nothing_reported, NULL);

  /* Remembered earlier, gone since. */
  {
    g_autoptr(GFile) gone = g_file_new_for_path (r.gone);
    g_autoptr(GFile) notes = g_file_new_for_path (r.notes);
    const char *folders[3];

    gone_uri = g_file_get_uri (gone);
    notes_uri = g_file_get_uri (notes);
    folders[0] = gone_uri;
    folders[1] = notes_uri;
    folders[2] = NULL;
    g_settings_set_strv (settings, "folders", folders);
  }
  run_app (NULL, check_remembered_failures, &r);

  g_settings_reset (settings, "folders");
  g_free (r.gone);
  g_free (r.notes);
  remove_tree (parent);
}

int
main (int   argc,
      char *argv[])
{
  /* The bundled deck in English, whatever the test machine's language. */
  if (!ui_test_init (&argc, &argv, "en"))
    return g_test_run ();

  g_test_add_func ("/pyprep/ui/folders/open-reload-remove", test_folders);
  g_test_add_func ("/pyprep/ui/folders/failed", test_failed_folders);

  return g_test_run ();
}
