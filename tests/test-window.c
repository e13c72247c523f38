/* test-window.c: the main window on a virtual display, driven like a user would.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <webkit/webkit.h>

#include "pyprep-render.h"
#include "pyprep-shortcuts.h"
#include "ui-harness.h"

static void
check_window_opens (Fixture *f)
{
  PyprepReader *reader = window_reader (f);
  PyprepEntry *entry;
  GtkSingleSelection *selection = window_entries (f);
  PyprepLibrary *library = pyprep_application_get_library (f->app);
  g_autoptr(PyprepDeck) deck = g_list_model_get_item (pyprep_library_get_decks (library), 0);
  GListModel *topics = pyprep_deck_get_topics (deck);
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  guint start, end;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  /* Three topics, one sidebar section each, in manifest order. */
  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, 3);
  end = 0;
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, i);
      g_autoptr(PyprepEntry) first = NULL;

      gtk_section_model_get_section (GTK_SECTION_MODEL (selection), end, &start, &end);
      first = g_list_model_get_item (G_LIST_MODEL (selection), start);
      g_assert_true (pyprep_entry_get_topic (first) == topic);
      g_assert_cmpuint (end - start, ==,
                        g_list_model_get_n_items (pyprep_topic_get_entries (topic)));
    }
  g_assert_cmpuint (end, ==, g_list_model_get_n_items (G_LIST_MODEL (selection)));

  /* What the user sees: the first topic's heading above its entries. */
  spin (100);
  collect_labels (GTK_WIDGET (window_entry_list (f)), "heading", headers);
  g_assert_cmpuint (headers->len, >=, 1);
  {
    g_autoptr(PyprepTopic) first_topic = g_list_model_get_item (topics, 0);

    g_assert_cmpstr (g_ptr_array_index (headers, 0), ==, pyprep_topic_get_title (first_topic));
  }

  /* At start the first entry is shown. */
  entry = pyprep_reader_get_entry (reader);
  g_assert_nonnull (entry);
  g_assert_true (entry == pyprep_library_get_first_entry (library));

  /* Choosing another entry loads its page; its title is the entry's. */
  entry = select_and_wait (f, 1);
  g_assert_cmpstr (webkit_web_view_get_title (WEBKIT_WEB_VIEW (pyprep_reader_get_view (reader))),
                   ==, pyprep_entry_get_title (entry));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);

  save_screenshot (f, "window.png");
}

static void
check_sample_entry (Fixture *f)
{
  PyprepReader *reader = window_reader (f);
  WebKitWebView *view = WEBKIT_WEB_VIEW (pyprep_reader_get_view (reader));
  GtkSingleSelection *selection = window_entries (f);
  AdwStyleManager *style = adw_style_manager_get_default ();
  PaintWatch watch;
  PyprepEntry *entry;
  g_autofree char *classes = NULL;
  g_autofree char *clicked = NULL;

  entry = select_and_wait (f, 0);
  g_assert_cmpstr (pyprep_entry_get_id (entry), ==, "sample/basics/list");
  g_assert_cmpstr (webkit_web_view_get_title (view), ==, "What is a list?");
  g_assert_cmpstr (webkit_web_view_get_uri (view), ==, "pyprep://entry/sample/basics/list");
  save_screenshot (f, "sample-entry.png");

  entry = select_and_wait (f, 2);
  g_assert_cmpstr (pyprep_entry_get_id (entry), ==, "sample/more/gil");
  g_assert_cmpstr (webkit_web_view_get_title (view), ==, "The GIL");

  /* A link to another entry opens it in the reader, and the sidebar follows. */
  watch_paint (f, &watch);
  clicked = run_script (view, "document.querySelector ('a[href=\"pyprep://entry/sample/basics/list\"]').click (); 'clicked'");
  g_assert_cmpstr (clicked, ==, "clicked");
  wait_paint (&watch, "sample/basics/list");
  g_assert_cmpstr (pyprep_entry_get_id (pyprep_reader_get_entry (reader)), ==, "sample/basics/list");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  g_assert_cmpstr (adw_navigation_page_get_title (adw_navigation_split_view_get_content (window_child (f, "split_view"))),
                   ==, "What is a list?");

  /* A web link leaves the reader where it is (it goes to the browser). */
  g_free (run_script (view, "document.querySelector ('a[href=\"pyprep://web/https%3A%2F%2Fdocs.python.org%2F3%2F\"]').click ()"));
  spin (300);
  g_assert_cmpstr (webkit_web_view_get_uri (view), ==, "pyprep://entry/sample/basics/list");

  /* Anything else is refused outright. */
  webkit_web_view_load_uri (view, "file:///etc/hostname");
  spin (300);
  g_assert_cmpstr (webkit_web_view_get_uri (view), ==, "pyprep://entry/sample/basics/list");
  g_assert_cmpstr (webkit_web_view_get_title (view), ==, "What is a list?");

  /* The page follows libadwaita's dark style. */
  classes = run_script (view, "document.documentElement.className");
  g_assert_cmpstr (classes, ==, "light");
  watch_paint (f, &watch);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_paint (&watch, "sample/basics/list");
  g_clear_pointer (&classes, g_free);
  classes = run_script (view, "document.documentElement.className");
  g_assert_cmpstr (classes, ==, "dark");
  save_screenshot (f, "sample-entry-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Every entry of the deck opens, paints and shows its study blocks. */
static void
check_every_entry (Fixture *f)
{
  const char *language = f->data;
  PyprepReader *reader = window_reader (f);
  WebKitWebView *view = WEBKIT_WEB_VIEW (pyprep_reader_get_view (reader));
  GListModel *entries = G_LIST_MODEL (window_entries (f));
  PyprepEntry *first = g_list_model_get_item (entries, 0);
  PyprepDeck *deck = pyprep_topic_get_deck (pyprep_entry_get_topic (first));
  PaintWatch watch;
  int table_entry = -1;
  int code_entry = -1;
  int longest_code = 0;

  g_object_unref (first);
  g_assert_cmpstr (pyprep_deck_get_language (deck), ==, language);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      PyprepEntry *entry = select_and_wait (f, i);
      g_autofree char *heading = run_script (view, "document.querySelector ('h1').textContent");
      g_autofree char *questions = run_script (view, "document.querySelectorAll ('section.quiz li.question').length");
      g_autofree char *cards = run_script (view, "document.querySelectorAll ('section.card').length");
      g_autofree char *tables = run_script (view, "document.querySelectorAll ('table').length");
      g_autofree char *code = run_script (view, "Math.max (0, ...Array.from (document.querySelectorAll ('pre'), p => p.textContent.split ('\\n').length))");
      g_autofree char *n_questions = g_strdup_printf ("%u", pyprep_entry_get_n_questions (entry));
      g_autofree char *name = g_strdup_printf ("entry-%s-%02u-%s.png", language, i,
                                               pyprep_entry_get_local_id (entry));

      g_assert_cmpstr (webkit_web_view_get_title (view), ==, pyprep_entry_get_title (entry));
      g_assert_cmpstr (heading, ==, pyprep_entry_get_title (entry));
      g_assert_cmpstr (questions, ==, n_questions);
      g_assert_cmpstr (cards, ==, "1");
      if (table_entry < 0 && atoi (tables) > 0)
        table_entry = i;
      if (atoi (code) > longest_code)
        {
          longest_code = atoi (code);
          code_entry = i;
        }
      save_screenshot (f, name);
    }

  /* A table and the longest code block, in the dark style. */
  g_assert_cmpint (table_entry, >=, 0);
  g_assert_cmpint (code_entry, >=, 0);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  {
    const struct { int position; const char *script; const char *name; } views[] = {
      { table_entry, "document.querySelector ('table').scrollIntoView (); 'ok'", "table" },
      { code_entry, "Array.from (document.querySelectorAll ('pre')).sort ((a, b) => b.textContent.length - a.textContent.length)[0].scrollIntoView (); 'ok'", "code" },
    };

    for (guint v = 0; v < G_N_ELEMENTS (views); v++)
      {
        g_autofree char *name = g_strdup_printf ("dark-%s-%s.png", views[v].name, language);
        g_autofree char *done = NULL;
        g_autofree char *classes = NULL;

        g_autoptr(PyprepEntry) target = g_list_model_get_item (entries, views[v].position);

        watch_paint (f, &watch);
        if (pyprep_reader_get_entry (reader) == target)
          webkit_web_view_reload (view);
        else
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (window_entries (f)),
                                           views[v].position, TRUE);
        wait_paint (&watch, pyprep_entry_get_id (target));
        classes = run_script (view, "document.documentElement.className");
        g_assert_cmpstr (classes, ==, "dark");
        done = run_script (view, views[v].script);
        g_assert_cmpstr (done, ==, "ok");
        spin (200);
        save_screenshot (f, name);
      }
  }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
check_about (Fixture *f)
{
  AdwDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "about", NULL);
  /* Past the dialog's opening animation. */
  spin (800);
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f->window));
  g_assert_true (ADW_IS_ABOUT_DIALOG (dialog));
  g_assert_cmpstr (adw_about_dialog_get_version (ADW_ABOUT_DIALOG (dialog)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_dialog_get_license_type (ADW_ABOUT_DIALOG (dialog)), ==, GTK_LICENSE_GPL_3_0);
  /* The app's icon is found, installed or not. */
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                          adw_about_dialog_get_application_icon (ADW_ABOUT_DIALOG (dialog))));
  save_screenshot (f, "about.png");
  adw_dialog_force_close (dialog);
}

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

/* "<Control>k" → "107:4", so accelerators compare whatever their spelling. */
static char *
key_name (guint           keyval,
          GdkModifierType mods)
{
  return g_strdup_printf ("%u:%u", gdk_keyval_to_lower (keyval), mods & gtk_accelerator_get_default_mod_mask ());
}

static char *
action_key (const char *name,
            GVariant   *target)
{
  g_autofree char *printed = target != NULL ? g_variant_print (target, FALSE) : NULL;

  return g_strconcat (name, printed != NULL ? "::" : "", printed, NULL);
}

/* Adds the keys of @accelerator to @listed: one key, or each key of a
 * range such as "1...4", as the shortcuts dialog shows ranges. */
static void
add_listed_keys (GHashTable *listed,
                 const char *accelerator)
{
  g_auto(GStrv) ends = g_strsplit (accelerator, "...", 2);
  guint first, last;
  GdkModifierType mods, last_mods;

  g_assert_true (gtk_accelerator_parse (ends[0], &first, &mods));
  last = first;
  last_mods = mods;
  if (ends[1] != NULL)
    g_assert_true (gtk_accelerator_parse (ends[1], &last, &last_mods));
  g_assert_cmpuint (mods, ==, last_mods);
  g_assert_cmpuint (first, <=, last);
  for (guint keyval = first; keyval <= last; keyval++)
    g_hash_table_add (listed, key_name (keyval, mods));
}

/* Adds to @bound each action that a key binding of @widget activates,
 * with its keys. Returns how many bindings there are. */
static guint
add_bound_keys (GHashTable *bound,
                GtkWidget  *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n_shortcuts = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *shortcut_action = gtk_shortcut_get_action (shortcut);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *name = NULL;

          if (!GTK_IS_NAMED_ACTION (shortcut_action) || !GTK_IS_KEYVAL_TRIGGER (trigger))
            continue;
          name = action_key (gtk_named_action_get_action_name (GTK_NAMED_ACTION (shortcut_action)),
                             gtk_shortcut_get_arguments (shortcut));
          if (!g_hash_table_contains (bound, name))
            g_hash_table_insert (bound, g_strdup (name), g_string_new (NULL));
          {
            g_autofree char *key = key_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                             gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));

            g_string_append_printf (g_hash_table_lookup (bound, name), " %s", key);
          }
          n_shortcuts++;
        }
    }
  return n_shortcuts;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* The dialog fits a screen 800 px tall, as a laptop's. */
static void
check_shortcuts_fit (Fixture *f)
{
  GtkShortcutsWindow *dialog;

  /* Not built until first shown. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window)));
  /* GtkShortcutsWindow lays out one of its own labels with a negative
   * minimum width ("GtkLabel … reported min width -2") whatever it lists,
   * a warning of GTK's: while the dialog shows, warnings are not fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  dialog = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window));
  g_assert_nonnull (dialog);
  wait_until (is_mapped, dialog, "the shortcuts dialog");
  wait_until (window_allocated, dialog, "the shortcuts dialog to be laid out");
  spin (300);
  g_test_message ("shortcuts dialog: %d × %d",
                  gtk_widget_get_width (GTK_WIDGET (dialog)), gtk_widget_get_height (GTK_WIDGET (dialog)));
  save_screenshot (f, "shortcuts.png");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (dialog)), <=, 760);
  gtk_window_close (GTK_WINDOW (dialog));
  spin (100);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* The shortcuts dialog (Ctrl+?) lists every shortcut the app and the window
 * really have: each bound action shows in it by name or by one of its keys;
 * and it fits the screen. */
static void
check_shortcuts_listed (Fixture *f)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (PYPREP_SHORTCUTS_RESOURCE);
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_string);
  g_auto(GStrv) app_actions = gtk_application_list_action_descriptions (GTK_APPLICATION (f->app));
  GHashTableIter iter;
  gpointer action, keys;
  guint n_shortcuts = 0;

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *action_name = NULL;
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) accels = NULL;

      if (g_strcmp0 (G_OBJECT_TYPE_NAME (l->data), "GtkShortcutsShortcut") != 0)
        continue;
      g_object_get (l->data, "action-name", &action_name, "accelerator", &accelerator, NULL);
      /* A shortcut named by its action shows the application's
       * accelerators for it: a key binding of a widget would show none. */
      if (action_name != NULL)
        {
          g_auto(GStrv) app_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app),
                                                                             action_name);

          if (app_accels[0] == NULL)
            g_error ("the shortcuts dialog would show no key for %s", action_name);
          g_hash_table_add (listed, g_strdup (action_name));
        }
      accels = g_strsplit (accelerator != NULL ? accelerator : "", " ", -1);
      for (guint i = 0; accels[i] != NULL; i++)
        if (accels[i][0] != '\0')
          add_listed_keys (listed, accels[i]);
    }

  /* Application accelerators: Ctrl+O, Ctrl+Q, Ctrl+W, Ctrl+comma… */
  for (guint i = 0; app_actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app), app_actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint keyval;
          GdkModifierType mods;

          g_assert_true (gtk_accelerator_parse (accels[j], &keyval, &mods));
          /* Menus show the first key: "Ctrl++", not "Ctrl+KP +". */
          if (j == 0)
            g_assert_null (strstr (accels[j], "KP_"));
          if (!g_hash_table_contains (bound, app_actions[i]))
            g_hash_table_insert (bound, g_strdup (app_actions[i]), g_string_new (NULL));
          {
            g_autofree char *key = key_name (keyval, mods);

            g_string_append_printf (g_hash_table_lookup (bound, app_actions[i]), " %s", key);
          }
          n_shortcuts++;
        }
    }

  /* The window's key bindings (Ctrl+D, Ctrl+F, Alt+1…), the quiz's
   * (Space, 1–4, Ctrl+Z…) and the progress page's (Escape). */
  n_shortcuts += add_bound_keys (bound, GTK_WIDGET (f->window));
  n_shortcuts += add_bound_keys (bound, window_child (f, "quiz_view"));
  n_shortcuts += add_bound_keys (bound, window_child (f, "stats_view"));
  g_assert_cmpuint (n_shortcuts, >=, 25);

  g_hash_table_iter_init (&iter, bound);
  while (g_hash_table_iter_next (&iter, &action, &keys))
    {
      g_auto(GStrv) names = g_strsplit (g_strstrip (((GString *) keys)->str), " ", -1);
      gboolean found = g_hash_table_contains (listed, action);

      for (guint i = 0; !found && names[i] != NULL; i++)
        found = g_hash_table_contains (listed, names[i]);
      if (!found)
        g_error ("%s (keys %s) is missing from the shortcuts dialog", (char *) action, ((GString *) keys)->str);
    }

  check_shortcuts_fit (f);
}

static void
test_window_shortcuts_listed (void)
{
  g_autofree char *path = test_deck_path ("good");

  run_app (path, check_shortcuts_listed, NULL);
}

static void
check_size_restored (Fixture *f)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");
  int width, height;

  /* The window opens at the size kept in the settings... */
  wait_until (window_allocated, f->window, "the window to be laid out");
  gtk_window_get_default_size (GTK_WINDOW (f->window), &width, &height);
  g_assert_cmpint (width, ==, g_settings_get_int (settings, "window-width"));
  g_assert_cmpint (height, ==, g_settings_get_int (settings, "window-height"));
  /* The window's widget includes the frame of its client-side decoration. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), >=, width - 40);

  /* ...and closing writes its size back; mark the settings to see that. */
  g_settings_set_int (settings, "window-width", 1);
  g_settings_set_int (settings, "window-height", 1);
}

static gboolean
load_finished (gpointer data)
{
  return !webkit_web_view_is_loading (WEBKIT_WEB_VIEW (data));
}

static void
check_remote_image_blocked (Fixture *f)
{
  LoopbackServer *server = f->data;
  PyprepReader *reader = window_reader (f);
  WebKitWebView *view = WEBKIT_WEB_VIEW (pyprep_reader_get_view (reader));
  g_autofree char *html = NULL;

  select_and_wait (f, 0);
  spin (500);
  g_assert_cmpuint (server->connections, ==, 0);
  save_screenshot (f, "remote-image-blocked.png");

  /* Even a page that skipped the renderer's rewriting and the CSP cannot
   * reach the network: the reader's content filter blocks the load. */
  html = g_strdup_printf ("<html><body><img src=\"http://127.0.0.1:%u/direct.png\">"
                          "<link rel=stylesheet href=\"http://127.0.0.1:%u/x.css\"></body></html>",
                          server->port, server->port);
  webkit_web_view_load_html (view, html, "pyprep://entry/remote/t/images");
  spin (100);
  wait_until (load_finished, view, "the raw page to load");
  spin (500);
  g_assert_cmpuint (server->connections, ==, 0);
}

static void
test_window_remote_image_blocked (void)
{
  LoopbackServer server = { NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-remote-XXXXXX", &error);
  g_autofree char *markdown = NULL;

  g_assert_no_error (error);
  loopback_server_start (&server);

  write_file (dir, "deck.json",
              "{\"format\": 1, \"id\": \"remote\", \"title\": \"Remote\", "
              "\"languages\": [\"en\"], \"topics\": [{\"id\": \"t\"}]}");
  markdown = g_strdup_printf ("# T\n\n## Images {#images}\n\n"
                              "![diagram](http://127.0.0.1:%u/markdown.png)\n\n"
                              "<img src=\"http://127.0.0.1:%u/raw.png\">\n",
                              server.port, server.port);
  write_file (dir, "en/t.md", markdown);

  run_app (dir, check_remote_image_blocked, &server);

  loopback_server_stop (&server);
}

static void
test_window_opens (void)
{
  run_app (NULL, check_window_opens, NULL);
}

static void
test_window_every_entry (void)
{
  const char *languages[] = { "zh_CN", "en" };
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  /* The deck follows the user's languages (g_get_language_names()). */
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_setenv ("LANGUAGE", languages[i], TRUE);
      run_app (NULL, check_every_entry, (gpointer) languages[i]);
    }

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static void
check_seeds (Fixture *f)
{
  PyprepEntry *entry = select_and_wait (f, 0);

  g_assert_cmpstr (pyprep_entry_get_title (entry), ==, "什么是python GIL?");
  save_screenshot (f, "seeds-links-notes.png");
  entry = select_and_wait (f, 11);
  g_assert_cmpstr (pyprep_entry_get_title (entry), ==, "多进程和多线程");
  save_screenshot (f, "seeds-prose-notes.png");
}

/* The user's own notes (../shared/seeds), opened as they are. */
static void
test_window_seeds (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "seeds", NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared/seeds is absent");
      return;
    }
  run_app (path, check_seeds, NULL);
}

static void
test_window_about (void)
{
  g_autofree char *path = test_deck_path ("good");

  run_app (path, check_about, NULL);
}

/* The window's size outlives the app (GSettings is in memory for tests, so
 * runs in one process share it). */
static void
test_window_size_remembered (void)
{
  g_autofree char *path = test_deck_path ("good");

  g_autoptr(GSettings) settings = g_settings_new ("io.github.pyprep.Pyprep");
  const int sizes[][2] = { { 720, 540 }, { 820, 600 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_settings_set_int (settings, "window-width", sizes[i][0]);
      g_settings_set_int (settings, "window-height", sizes[i][1]);
      run_app (path, check_size_restored, NULL);
      g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, sizes[i][0]);
      g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, sizes[i][1]);
    }
}

static void
test_window_sample_entry (void)
{
  g_autofree char *path = test_deck_path ("good");

  run_app (path, check_sample_entry, NULL);
}

/* The review, the mock interview and the progress page are not built with
 * the window; the first time their shortcut is pressed builds the page,
 * which works as it always did: shown, running, and closed by Escape. */
static void
check_pages_built_when_shown (Fixture *f)
{
  static const struct { const char *accel; const char *page; } pages[] = {
    { "<Control>r", "quiz" },
    { "<Control><Shift>m", "mock" },
    { "<Control><Shift>r", "stats" },
  };
  GtkStack *stack = window_child (f, "main_stack");

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_assert_null (gtk_stack_get_child_by_name (stack, pages[i].page));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (f->app),
                                                                     pages[i].accel);
      GtkWidget *page;

      g_assert_cmpuint (g_strv_length (actions), ==, 1);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), actions[0], NULL));
      spin (300);
      page = gtk_stack_get_child_by_name (stack, pages[i].page);
      g_assert_nonnull (page);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, pages[i].page);
      g_assert_true (gtk_widget_get_mapped (page));
      if (g_str_equal (pages[i].page, "quiz"))
        {
          g_autoptr(GObject) session = NULL;

          /* The review started: the deck's new cards are due. */
          g_object_get (page, "session", &session, NULL);
          g_assert_nonnull (session);
        }
      /* The page's own signals reach the window: Escape leaves it. */
      press (page, GDK_KEY_Escape, 0);
      spin (300);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "library");
      /* Built once: a second opening shows the same page. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), actions[0], NULL));
      spin (100);
      g_assert_true (gtk_stack_get_child_by_name (stack, pages[i].page) == page);
      press (page, GDK_KEY_Escape, 0);
      spin (300);
    }
}

static void
test_window_pages_built_when_shown (void)
{
  g_autofree char *path = test_deck_path ("good");

  run_app (path, check_pages_built_when_shown, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, NULL))
    return g_test_run ();

  g_test_add_func ("/pyprep/ui/window/opens", test_window_opens);
  g_test_add_func ("/pyprep/ui/window/sample-entry", test_window_sample_entry);
  g_test_add_func ("/pyprep/ui/window/about", test_window_about);
  g_test_add_func ("/pyprep/ui/window/shortcuts-listed", test_window_shortcuts_listed);
  g_test_add_func ("/pyprep/ui/window/seeds", test_window_seeds);
  g_test_add_func ("/pyprep/ui/window/every-entry", test_window_every_entry);
  g_test_add_func ("/pyprep/ui/window/size-remembered", test_window_size_remembered);
  g_test_add_func ("/pyprep/ui/window/remote-image-blocked", test_window_remote_image_blocked);
  g_test_add_func ("/pyprep/ui/window/pages-built-when-shown", test_window_pages_built_when_shown);

  return g_test_run ();
}
