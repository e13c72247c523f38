/* test-user-data.c: bookmarks and annotations in the real window, kept across restarts.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "pyprep-annotation-row.h"
#include "pyprep-entry-row.h"
#include "pyprep-sidebar.h"
#include "ui-harness.h"

static char *
data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "pyprep", NULL);
}

static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  entry_id)
{
  PyprepEntry *entry;

  if (!PYPREP_IS_ENTRY_ROW (widget))
    return FALSE;
  entry = pyprep_entry_row_get_entry (PYPREP_ENTRY_ROW (widget));
  return entry != NULL && g_str_equal (pyprep_entry_get_id (entry), entry_id);
}

/* The sidebar row showing @entry_id, if it is realized. */
static PyprepEntryRow *
find_row (GtkWidget  *widget,
          const char *entry_id)
{
  return (PyprepEntryRow *) find_widget (widget, is_row_of, entry_id);
}

static gboolean
row_shows_star (PyprepEntryRow *row)
{
  gboolean visible = FALSE;

  /* The star is the row's last child. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (row)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_IMAGE (child))
      visible = gtk_widget_get_visible (child);
  return visible;
}

/* Bookmarks ---------------------------------------------------------------- */

static void
check_bookmark (Fixture *f)
{
  PyprepStore *store = store_of (f);
  GtkListView *list = window_entry_list (f);
  PyprepEntryRow *row;

  g_assert_false (pyprep_store_get_bookmarked (store, "sample/basics/list"));
  g_assert_false (pyprep_window_get_bookmarked (f->window));

  /* Ctrl+D and the star both run win.bookmark. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.bookmark", NULL));
  g_assert_true (pyprep_store_get_bookmarked (store, "sample/basics/list"));
  g_assert_true (pyprep_window_get_bookmarked (f->window));
  spin (100);
  row = find_row (GTK_WIDGET (list), "sample/basics/list");
  g_assert_nonnull (row);
  g_assert_true (row_shows_star (row));
  g_assert_false (row_shows_star (find_row (GTK_WIDGET (list), "sample/basics/dict")));

  /* A second bookmark, later, lists first. */
  select_and_wait (f, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.bookmark", NULL));
  save_screenshot (f, "bookmarked.png");
}

/* A sidebar given its filter before its data lists by that filter from
 * the start. */
static void
check_filter_before_data (Fixture *f)
{
  PyprepSidebar *sidebar = g_object_ref_sink (g_object_new (PYPREP_TYPE_SIDEBAR, "filter", "bookmarked", NULL));
  GtkListView *list = template_child (sidebar, PYPREP_TYPE_SIDEBAR, "entry_list");
  g_autoptr(PyprepEntry) first = NULL;

  pyprep_sidebar_set_library (sidebar, pyprep_application_get_library (f->app));
  pyprep_sidebar_set_store (sidebar, store_of (f));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list)), 0);
  g_assert_cmpstr (pyprep_entry_get_id (first), ==, "sample/more/gil");
  g_assert_null (gtk_list_view_get_header_factory (list));
  g_assert_finalize_object (sidebar);
}

static void
check_still_bookmarked (Fixture *f)
{
  PyprepStore *store = store_of (f);
  GListModel *listed;
  g_autoptr(PyprepEntry) first = NULL;
  g_autoptr(PyprepEntry) second = NULL;

  g_assert_true (pyprep_store_get_bookmarked (store, "sample/basics/list"));
  g_assert_true (pyprep_store_get_bookmarked (store, "sample/more/gil"));
  g_assert_false (pyprep_store_get_bookmarked (store, "sample/basics/dict"));
  /* The app reopened where it was left: the last entry read. */
  g_assert_cmpstr (pyprep_entry_get_id (shown_entry (f)),
                   ==, "sample/more/gil");
  g_assert_true (pyprep_window_get_bookmarked (f->window));

  /* The Bookmarked filter lists exactly them, newest first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter", "s", "bookmarked"));
  listed = G_LIST_MODEL (window_entries (f));
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 2);
  first = g_list_model_get_item (listed, 0);
  second = g_list_model_get_item (listed, 1);
  g_assert_cmpstr (pyprep_entry_get_id (first), ==, "sample/more/gil");
  g_assert_cmpstr (pyprep_entry_get_id (second), ==, "sample/basics/list");
  save_screenshot (f, "bookmarks-filter.png");
  check_filter_before_data (f);

  /* Removing a bookmark takes it out of the list at once. */
  select_and_wait (f, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.bookmark", NULL));
  g_assert_false (pyprep_store_get_bookmarked (store, "sample/basics/list"));
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter", "s", "all"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window_entries (f))), ==, 3);
}

static void
test_bookmarks_survive_restart (void)
{
  g_autofree char *deck = test_deck_path ("good");

  run_app_restarted (deck, check_bookmark, check_still_bookmarked);
}

/* Annotations --------------------------------------------------------------- */

typedef struct
{
  char **found;
} Marked;

static void
marked_cb (PyprepReader *reader,
           GStrv         found,
           Marked       *marked)
{
  g_strfreev (marked->found);
  marked->found = g_strdupv (found);
}

static gboolean
has_marked (gpointer data)
{
  return ((Marked *) data)->found != NULL;
}

/* The panel's editor of new annotations, and its list of annotations. */
static GtkTextView *
annotation_composer (Fixture *f)
{
  return template_child (window_annotation_panel (f), PYPREP_TYPE_ANNOTATION_PANEL, "composer_view");
}

static gboolean
composer_open (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_has_focus (GTK_WIDGET (annotation_composer (f)));
}

static GtkWidget *
first_annotation_row (Fixture *f)
{
  return annotation_row_at (f, 0);
}

/* How many annotations the panel lists. */
static guint
count_rows (Fixture *f)
{
  return g_list_model_get_n_items (window_annotation_ids (f));
}

/* Selects "dynamic array" in the entry shown, as with the mouse, and opens
 * the editor of a new annotation on it. */
static void
annotate_dynamic_array (Fixture *f)
{
  select_strong_text (f, "dynamic array");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-annotation", NULL));
  wait_until (composer_open, f, "the annotation editor");
}

static void
check_annotate (Fixture *f)
{
  PyprepStore *store = store_of (f);
  WebKitWebView *view = window_view (f);
  PyprepAnnotationPanel *panel = window_annotation_panel (f);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *marks = NULL;
  const PyprepAnnotation *a;
  GtkWidget *row;
  Marked marked = { NULL };
  gulong handler;

  /* Select a passage, as with the mouse, and write a note on it. */
  annotate_dynamic_array (f);
  g_assert_true (adw_overlay_split_view_get_show_sidebar (
                   ADW_OVERLAY_SPLIT_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (panel), ADW_TYPE_OVERLAY_SPLIT_VIEW))));

  handler = g_signal_connect (window_reader (f), "passages-marked",
                              G_CALLBACK (marked_cb), &marked);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (annotation_composer (f)),
                            "Growth is **geometric**.", -1);
  click_button (GTK_WIDGET (panel), "_Add");

  annotations = pyprep_store_dup_annotations (store, "sample/basics/list");
  g_assert_cmpuint (annotations->len, ==, 1);
  a = g_ptr_array_index (annotations, 0);
  g_assert_cmpstr (a->text, ==, "Growth is **geometric**.");
  g_assert_cmpstr (a->quote, ==, "dynamic array");
  g_assert_true (g_str_has_suffix (a->prefix, "A list is a "));
  g_assert_true (g_str_has_prefix (a->suffix, " of references."));
  g_assert_cmpuint (count_rows (f), ==, 1);

  /* The page marks the quoted passage. */
  wait_until (has_marked, &marked, "the passages to be marked");
  g_assert_true (g_strv_contains ((const char * const *) marked.found, a->id));
  marks = run_script (view, "Array.from (document.querySelectorAll ('mark.annotation'), m => m.textContent).join ('|')");
  g_assert_cmpstr (marks, ==, "dynamic array");
  /* No selection stays behind, grey, over the marked passage. */
  {
    g_autofree char *collapsed = run_script (view, "String (getSelection ().isCollapsed)");

    g_assert_cmpstr (collapsed, ==, "true");
  }
  g_signal_handler_disconnect (window_reader (f), handler);
  g_strfreev (marked.found);
  save_screenshot (f, "annotation-quote-marked.png");

  /* Edit in place. */
  row = first_annotation_row (f);
  pyprep_annotation_row_edit (PYPREP_ANNOTATION_ROW (row));
  {
    GtkTextView *text = NULL;

    /* The focused editor is somewhere under the row. */
    for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (f->window)); w != NULL; w = gtk_widget_get_parent (w))
      if (GTK_IS_TEXT_VIEW (w))
        text = GTK_TEXT_VIEW (w);
    g_assert_nonnull (text);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "Growth is *geometric*, so append is O(1).", -1);
  }
  click_button (row, "_Save");
  g_clear_pointer (&annotations, g_ptr_array_unref);
  annotations = pyprep_store_dup_annotations (store, "sample/basics/list");
  g_assert_cmpstr (((PyprepAnnotation *) g_ptr_array_index (annotations, 0))->text, ==,
                   "Growth is *geometric*, so append is O(1).");

  /* A second note without a quote; then delete it and undo. */
  g_free (run_script (view, "getSelection ().removeAllRanges ()"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-annotation", NULL));
  wait_until (composer_open, f, "the annotation editor");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (annotation_composer (f)),
                            "To delete", -1);
  click_button (GTK_WIDGET (panel), "_Add");
  g_assert_cmpuint (pyprep_store_count_annotations (store, "sample/basics/list"), ==, 2);
  /* Newest first. */
  click_icon (first_annotation_row (f), "user-trash-symbolic");
  g_assert_cmpuint (pyprep_store_count_annotations (store, "sample/basics/list"), ==, 1);
  g_assert_cmpuint (count_rows (f), ==, 1);
  spin (300);
  click_button (GTK_WIDGET (window_child (f, "toast_overlay")), "_Undo");
  g_assert_cmpuint (pyprep_store_count_annotations (store, "sample/basics/list"), ==, 2);
  g_assert_cmpuint (count_rows (f), ==, 2);

  /* And delete it for good. */
  click_icon (first_annotation_row (f), "user-trash-symbolic");
  g_assert_cmpuint (pyprep_store_count_annotations (store, "sample/basics/list"), ==, 1);
}

static void
check_annotations_kept (Fixture *f)
{
  PyprepStore *store = store_of (f);
  g_autoptr(GPtrArray) annotations = pyprep_store_dup_annotations (store, "sample/basics/list");
  PyprepEntryRow *row;

  g_assert_cmpuint (annotations->len, ==, 1);
  g_assert_cmpstr (((PyprepAnnotation *) g_ptr_array_index (annotations, 0))->text, ==,
                   "Growth is *geometric*, so append is O(1).");

  /* The Annotated filter lists the entry. */
  row = find_row (GTK_WIDGET (window_entry_list (f)), "sample/basics/list");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.filter", "s", "annotated"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window_entries (f))), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-annotations", NULL));
  spin (400);
  g_assert_cmpuint (count_rows (f), ==, 1);
  g_assert_nonnull (first_annotation_row (f));
  save_screenshot (f, "annotations-panel.png");

  /* Export, wipe, import: everything comes back, nothing twice. What the
   * file dialogs return goes through the same functions as here. */
  {
    g_autofree char *dir = g_dir_make_tmp ("pyprep-export-XXXXXX", NULL);
    g_autofree char *json_path = g_build_filename (dir, "data.json", NULL);
    g_autofree char *md_path = g_build_filename (dir, "notes.md", NULL);
    g_autoptr(GFile) json = g_file_new_for_path (json_path);
    g_autoptr(GFile) md = g_file_new_for_path (md_path);
    g_autoptr(PyprepAnnotation) removed = NULL;
    g_autofree char *sheet = NULL;

    pyprep_window_export_data_to (f->window, json);
    g_assert_true (g_file_test (json_path, G_FILE_TEST_EXISTS));
    removed = pyprep_store_remove_annotation (store, ((PyprepAnnotation *) g_ptr_array_index (annotations, 0))->id);
    g_assert_cmpuint (pyprep_store_count_annotations (store, "sample/basics/list"), ==, 0);
    pyprep_window_import_data_from (f->window, json);
    g_assert_cmpuint (pyprep_store_count_annotations (store, "sample/basics/list"), ==, 1);
    pyprep_window_import_data_from (f->window, json);
    g_assert_cmpuint (pyprep_store_count_annotations (store, "sample/basics/list"), ==, 1);

    pyprep_window_export_annotations_to (f->window, md);
    g_assert_true (g_file_get_contents (md_path, &sheet, NULL, NULL));
    g_assert_nonnull (strstr (sheet, "## Basics\n\n### What is a list?\n\n> dynamic array\n\n"
                                     "Growth is *geometric*, so append is O(1).\n"));
    g_unlink (json_path);
    g_unlink (md_path);
    g_rmdir (dir);
  }
}

static void
test_annotations_survive_restart (void)
{
  g_autofree char *deck = test_deck_path ("good");

  run_app_restarted (deck, check_annotate, check_annotations_kept);
}

/* Quoted passages after the deck changes ------------------------------------- */

static void
check_quote_passage (Fixture *f)
{
  PyprepAnnotationPanel *panel = window_annotation_panel (f);

  annotate_dynamic_array (f);
  click_button (GTK_WIDGET (panel), "_Add");
  g_assert_cmpuint (pyprep_store_count_annotations (store_of (f), "sample/basics/list"), ==, 1);
}

/* Reloads the entry and returns whether its one annotation's passage was found. */
static gboolean
passage_found (Fixture *f)
{
  PyprepReader *reader = window_reader (f);
  Marked marked = { NULL };
  gulong handler = g_signal_connect (reader, "passages-marked", G_CALLBACK (marked_cb), &marked);
  gboolean found;

  webkit_web_view_reload (WEBKIT_WEB_VIEW (pyprep_reader_get_view (reader)));
  wait_until (has_marked, &marked, "the passages to be marked");
  g_signal_handler_disconnect (reader, handler);
  found = g_strv_length (marked.found) == 1;
  g_strfreev (marked.found);

  /* The panel agrees with the page; it lists the annotations once shown. */
  g_object_set (f->window, "show-annotations", TRUE, NULL);
  spin (50);
  g_assert_cmpint (pyprep_annotation_row_get_missing (PYPREP_ANNOTATION_ROW (first_annotation_row (f))), ==, !found);
  return found;
}

static void
check_passage_found (Fixture *f)
{
  g_autofree char *marks = NULL;

  g_assert_true (passage_found (f));
  marks = run_script (window_view (f),
                      "document.querySelector ('mark.annotation').textContent");
  g_assert_cmpstr (marks, ==, "dynamic array");
}

static void
check_passage_missing (Fixture *f)
{
  g_assert_false (passage_found (f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-annotations", NULL));
  spin (400);
  save_screenshot (f, "annotation-passage-missing.png");
}

static void
rewrite (const char *path,
         const char *from,
         const char *to)
{
  g_autofree char *text = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  changed = g_string_new (text);
  g_assert_cmpuint (g_string_replace (changed, from, to, 1), ==, 1);
  g_file_set_contents (path, changed->str, -1, &error);
  g_assert_no_error (error);
}

static void
test_passage_follows_deck (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-deck-copy-XXXXXX", &error);
  g_autofree char *source = test_deck_path ("good");
  g_autofree char *cmd = g_strdup_printf ("cp -r '%s/.' '%s/'", source, dir);
  g_autofree char *topic = g_build_filename (dir, "en", "basics.md", NULL);

  g_assert_no_error (error);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
  forget_user_data ();
  run_app (dir, check_quote_passage, NULL);

  /* Text added around the passage: it is found again. */
  rewrite (topic, "A `list` is a **dynamic array**", "In CPython, a `list` object is a **dynamic array**");
  run_app (dir, check_passage_found, NULL);

  /* The passage itself reworded: the annotation says it is gone. */
  rewrite (topic, "**dynamic array**", "**growable vector**");
  run_app (dir, check_passage_missing, NULL);
}

/* A damaged data file -------------------------------------------------------- */

static void
check_banner (Fixture *f)
{
  AdwBanner *banner = window_child (f, "banner");

  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "user-data.json.corrupt-"));
  save_screenshot (f, "damaged-data-banner.png");
}

static void
test_damaged_data_file (void)
{
  g_autofree char *deck = test_deck_path ("good");
  g_autofree char *dir = data_dir ();
  g_autofree char *path = g_build_filename (dir, "user-data.json", NULL);
  g_autoptr(GError) error = NULL;

  forget_user_data ();
  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_file_set_contents (path, "{ not json", -1, &error);
  g_assert_no_error (error);
  run_app (deck, check_banner, NULL);
}

/* A synced study folder -------------------------------------------------- */

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
bookmarked_elsewhere (gpointer data)
{
  Fixture *f = data;

  return pyprep_store_get_bookmarked (store_of (f), "sample/basics/dict");
}

/* Another device's bookmark: a change record in its folder, as its
 * Pyprep writes it. */
static void
write_other_device (const char *folder)
{
  g_autofree char *dir = g_build_filename (folder, "devices", "other-device", NULL);
  const char *line = "{\"hlc\":\"0007000000000000-00000000-other-device\",\"kind\":\"bookmarks\","
                     "\"id\":\"sample/basics/dict\",\"record\":{\"created\":\"2026-12-07T12:00:00.000000Z\"}}\n";

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  write_file (dir, "changes.jsonl", line);
}

static void
check_study_folder (Fixture *f)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "Sync", "pyprep", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GFile) in_use = NULL;
  g_autofree char *device_dir = NULL;
  AdwDialog *dialog;
  AdwActionRow *row;

  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "app.preferences", NULL);
  wait_until (dialog_shown, f, "the preferences");
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  /* In the interface language of the run (LANGUAGE=zh_CN for its screenshots). */
  row = (AdwActionRow *) find_widget (GTK_WIDGET (dialog), is_row_titled,
                                      g_dgettext (GETTEXT_PACKAGE, "Keep Study Data In…"));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, g_dgettext (GETTEXT_PACKAGE, "Only on this computer"));
  /* Scrolled into view for the screenshots. */
  gtk_widget_grab_focus (GTK_WIDGET (row));
  spin (300);
  save_screenshot (f, "study-data-local.png");

  /* What the confirmation's Keep Data There runs. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "app.set-study-folder", "s", uri);
  spin (300);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, folder);
  in_use = pyprep_store_dup_sync_folder (store_of (f));
  g_assert_true (g_file_equal (in_use, file));
  device_dir = g_build_filename (folder, "devices", pyprep_store_get_device_id (store_of (f)), NULL);
  g_assert_true (g_file_test (device_dir, G_FILE_TEST_IS_DIR));
  save_screenshot (f, "study-data-synced.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  spin (300);
  save_screenshot (f, "study-data-synced-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  adw_dialog_force_close (dialog);

  /* Another computer's bookmark lands: it shows without a restart. */
  write_other_device (folder);
  wait_until (bookmarked_elsewhere, f, "the other device's bookmark");
}

static void
test_study_folder (void)
{
  g_autofree char *deck = test_deck_path ("good");

  forget_user_data ();
  run_app (deck, check_study_folder, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, NULL))
    return g_test_run ();

  g_test_add_func ("/pyprep/ui/user-data/bookmarks", test_bookmarks_survive_restart);
  g_test_add_func ("/pyprep/ui/user-data/annotations", test_annotations_survive_restart);
  g_test_add_func ("/pyprep/ui/user-data/passage-follows-deck", test_passage_follows_deck);
  g_test_add_func ("/pyprep/ui/user-data/damaged-file", test_damaged_data_file);
  g_test_add_func ("/pyprep/ui/user-data/study-folder", test_study_folder);

  return g_test_run ();
}
