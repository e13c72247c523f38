/* test-passage.c: a miss leads to its passage and back, an entry quizzes itself, web links load nothing.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "pyprep-quiz-view.h"
#include "pyprep-store.h"
#include "pyprep-review-session.h"
#include "ui-harness.h"
#include "ui-keys.h"

/* An entry long enough that its last sections are far below the top. */
static char *
long_entry_markdown (guint port)
{
  GString *md = g_string_new ("# Threads\n\n## What is the GIL? {#gil}\n\n**Key points**\n\n- A lock.\n\n");

  for (guint i = 1; i <= 12; i++)
    g_string_append_printf (md, "### Filler %u\n\nFiller text to scroll past, paragraph %u, which says "
                                "nothing at all but takes room on the page.\n\n", i, i);
  g_string_append (md, "### How the lock is handed over\n\nEvery five milliseconds the waiting thread asks.\n\n"
                       "### Last words\n\nThe end of the entry. {#last}\n\n");
  g_string_append_printf (md, "Read [the server](http://127.0.0.1:%u/page?q=1) or "
                              "[mail](mailto:someone@example.com).\n\n", port);
  g_string_append (md, "```card {passage=\"How the lock is handed over\"}\nHow is the GIL handed over?\n"
                       "---\nThe waiting thread asks every 5 ms.\n```\n\n"
                       "```quiz {#end passage=#last}\nWhere does the entry end?\n\n"
                       "- [x] At its last words\n- [ ] Never\n```\n\n"
                       "## What is a thread? {#thread}\n\nA line of execution.\n");
  return g_string_free (md, FALSE);
}

static char *
write_deck (guint port)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pyprep-passage-XXXXXX", &error);
  g_autofree char *markdown = long_entry_markdown (port);

  g_assert_no_error (error);
  write_file (dir, "deck.json",
              "{\"format\": 1, \"id\": \"p\", \"title\": \"Passages\", "
              "\"languages\": [\"en\"], \"topics\": [{\"id\": \"t\"}]}");
  write_file (dir, "en/t.md", markdown);
  return dir;
}

typedef struct
{
  gboolean shown;
  gboolean found;
} Shown;

static void
passage_shown_cb (PyprepReader *reader,
                  gboolean      found,
                  Shown        *shown)
{
  shown->shown = TRUE;
  shown->found = found;
}

static gboolean
passage_was_shown (gpointer data)
{
  return ((Shown *) data)->shown;
}

static const char *
visible_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (window_child (f, "main_stack"));
}

static const char *
current_card (Fixture *f)
{
  PyprepReviewSession *session = NULL;
  const PyprepCardRef *ref;

  g_object_get (window_child (f, "quiz_view"), "session", &session, NULL);
  ref = pyprep_review_session_get_current (session);
  g_object_unref (session);
  return ref != NULL ? ref->card_id : NULL;
}

/* The quiz's action named @name stands centred under the card, as its
 * other actions do. */
static void
assert_centred (Fixture    *f,
                const char *name)
{
  GtkWidget *button = template_child (window_child (f, "quiz_view"), PYPREP_TYPE_QUIZ_VIEW, name);
  GtkWidget *box = gtk_widget_get_parent (button);
  graphene_rect_t bounds;
  double middle;

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_compute_bounds (button, box, &bounds));
  middle = bounds.origin.x + bounds.size.width / 2;
  g_assert_cmpfloat (fabs (middle - gtk_widget_get_width (box) / 2.0), <=, 1.0);
}

/* Presses @keys, then waits for the reader to show a passage; the page
 * must have it, scrolled into view and marked. */
static void
press_and_see_passage (Fixture    *f,
                       const char *keys,
                       const char *element,
                       const char *screenshot)
{
  PyprepReader *reader = window_reader (f);
  Shown shown = { FALSE, FALSE };
  gulong handler = g_signal_connect (reader, "passage-shown", G_CALLBACK (passage_shown_cb), &shown);
  g_autofree char *script = NULL;
  g_autofree char *state = NULL;

  press_keys (GTK_WINDOW (f->window), keys);
  wait_until (passage_was_shown, &shown, "the passage to be shown");
  g_signal_handler_disconnect (reader, handler);
  g_assert_true (shown.found);
  g_assert_cmpstr (visible_page (f), ==, "library");

  script = g_strdup_printf ("(e => { const r = e.getBoundingClientRect ();"
                            " return [e.classList.contains ('passage-shown'), scrollY > 0,"
                            " r.top >= 0 && r.top < innerHeight].join (' '); })"
                            " (document.getElementById ('%s'))", element);
  state = run_script (window_view (f), script);
  g_assert_cmpstr (state, ==, "true true true");
  save_screenshot (f, screenshot);
}

static gboolean
scrolled_back (gpointer data)
{
  Fixture *f = data;
  g_autofree char *top = run_script (window_view (f), "String (Math.round (scrollY))");

  return g_strcmp0 (top, "0") == 0;
}

static gboolean
page_is (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (visible_page (f), "library") == 0;
}

/* Quiz Me on This Entry (Ctrl+T), miss both cards, read each passage
 * and come back with Back (Alt+Left) to the same card; closing the
 * session returns to the entry as it was read. */
static void
check_read_passage (Fixture *f)
{
  PyprepEntry *entry;
  const char *before;

  if (!keys_available (GTK_WINDOW (f->window)))
    {
      g_test_skip ("no X11 display with the XTEST library to press keys on");
      return;
    }
  entry = select_and_wait (f, 0);
  g_assert_cmpstr (pyprep_entry_get_card (entry)->passage, ==, "section-14");

  press_keys (GTK_WINDOW (f->window), "<Control>t");
  g_assert_cmpstr (visible_page (f), ==, "quiz");
  g_assert_cmpstr (current_card (f), ==, "p/t/gil#card");
  g_assert_false (gtk_widget_get_visible (template_child (window_child (f, "quiz_view"), PYPREP_TYPE_QUIZ_VIEW,
                                                          "passage_button")));

  /* The recall card, missed: the next card shows, offering the passage. */
  press_keys (GTK_WINDOW (f->window), "space");
  press_keys (GTK_WINDOW (f->window), "1");
  before = current_card (f);
  g_assert_cmpstr (before, ==, "p/t/gil#end");
  g_assert_true (gtk_widget_get_visible (template_child (window_child (f, "quiz_view"), PYPREP_TYPE_QUIZ_VIEW,
                                                         "passage_button")));
  save_screenshot (f, "passage-miss-recall.png");
  assert_centred (f, "passage_button");
  assert_centred (f, "open_entry_button");
  press_and_see_passage (f, "<Alt>r", "section-14", "passage-shown.png");
  g_assert_true (shown_entry (f) == entry);

  /* Back returns to the session, at the card it showed. */
  press_keys (GTK_WINDOW (f->window), "<Alt>Left");
  g_assert_cmpstr (visible_page (f), ==, "quiz");
  g_assert_cmpstr (current_card (f), ==, before);

  /* The question, answered wrong: its passage is an anchor. */
  press_keys (GTK_WINDOW (f->window), "b");
  press_keys (GTK_WINDOW (f->window), "Return");
  save_screenshot (f, "passage-miss-question.png");
  assert_centred (f, "passage_button");
  assert_centred (f, "open_entry_button");
  press_and_see_passage (f, "<Alt>r", "anchor-last", "passage-shown-anchor.png");
  press_keys (GTK_WINDOW (f->window), "<Alt>Left");
  g_assert_cmpstr (visible_page (f), ==, "quiz");
  g_assert_cmpstr (current_card (f), ==, before);

  /* The summary lists the entry, and leads to its first missed passage. */
  press_keys (GTK_WINDOW (f->window), "Return");
  g_assert_null (current_card (f));
  save_screenshot (f, "passage-summary.png");

  /* Closing the session returns to the entry, scrolled back to where
   * it was read (the top) before the passages scrolled it. */
  press_keys (GTK_WINDOW (f->window), "Escape");
  wait_until (page_is, f, "the notes to be back");
  g_assert_true (shown_entry (f) == entry);
  wait_until (scrolled_back, f, "the page to scroll back");
}

static void
test_passage_read (void)
{
  g_autofree char *dir = write_deck (9);

  run_app (dir, check_read_passage, NULL);
}

/* The bundled deck in Chinese, 360 px wide, turned dark while its first
 * entry is still on its way: a miss, its passage, and back, as a user on
 * a narrow window sees them. */
static void
check_narrow_chinese (Fixture *f)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  PyprepReader *reader = window_reader (f);
  Shown shown = { FALSE, FALSE };
  g_autofree char *classes = NULL;
  gulong handler;
  PyprepEntry *entry;

  g_assert_false (adw_style_manager_get_dark (style));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  entry = select_and_wait (f, 0);
  g_assert_cmpstr (pyprep_entry_get_id (entry), ==, "pyprep/os/gil");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.quiz-entry", NULL));
  g_assert_cmpstr (current_card (f), ==, "pyprep/os/gil#card");
  gtk_widget_activate_action (window_child (f, "quiz_view"), "quiz.reveal", NULL);
  gtk_widget_activate_action (window_child (f, "quiz_view"), "quiz.rate", "i", 1);
  save_screenshot (f, "passage-miss-zh-dark-narrow.png");
  assert_centred (f, "open_entry_button");

  handler = g_signal_connect (reader, "passage-shown", G_CALLBACK (passage_shown_cb), &shown);
  gtk_widget_activate_action (window_child (f, "quiz_view"), "quiz.read-passage", NULL);
  wait_until (passage_was_shown, &shown, "the passage to be shown");
  g_signal_handler_disconnect (reader, handler);
  g_assert_true (shown.found);
  classes = run_script (window_view (f), "document.documentElement.className");
  g_assert_cmpstr (classes, ==, "dark");
  /* On a narrow window the reader, not the sidebar, is what shows. */
  g_assert_true (adw_navigation_split_view_get_show_content (window_child (f, "split_view")));
  save_screenshot (f, "passage-shown-zh-dark-narrow.png");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL);
  g_assert_cmpstr (visible_page (f), ==, "quiz");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_passage_narrow_chinese (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  run_app_sized (NULL, 360, 640, check_narrow_chinese, NULL);
  g_setenv ("LANGUAGE", saved != NULL ? saved : "en", TRUE);
}

/* Web links -------------------------------------------------------------- */

typedef struct
{
  LoopbackServer loopback;
  char *launched;               /* the file the stand-in browser writes */
} Server;

static gboolean
browser_launched (gpointer data)
{
  return g_file_test (((Server *) data)->launched, G_FILE_TEST_EXISTS);
}

/* The browser the launcher asks for http: a script that writes down the
 * URI it is given, set as the default for http, https and mailto. */
static void
install_browser (Server *server)
{
  g_autofree char *apps = g_build_filename (g_get_user_data_dir (), "applications", NULL);
  g_autofree char *script = g_build_filename (g_get_user_data_dir (), "browser.sh", NULL);
  g_autofree char *script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s' \"$1\" > '%s.part'\n"
                                                  "mv '%s.part' '%s'\n",
                                                  server->launched, server->launched, server->launched);
  g_autofree char *desktop = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Test Browser\n"
                                              "Exec=%s %%u\nMimeType=x-scheme-handler/http;"
                                              "x-scheme-handler/https;x-scheme-handler/mailto;\n", script);

  write_file (g_get_user_data_dir (), "browser.sh", script_text);
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  write_file (apps, "pyprep-test-browser.desktop", desktop);
  write_file (g_get_user_config_dir (), "mimeapps.list",
              "[Default Applications]\nx-scheme-handler/http=pyprep-test-browser.desktop\n"
              "x-scheme-handler/https=pyprep-test-browser.desktop\n"
              "x-scheme-handler/mailto=pyprep-test-browser.desktop\n");
}

static void
check_web_link (Fixture *f)
{
  Server *server = f->data;
  WebKitWebView *view = window_view (f);
  g_autofree char *clicked = NULL;
  g_autofree char *expected = g_strdup_printf ("http://127.0.0.1:%u/page?q=1", server->loopback.port);
  g_autofree char *launched = NULL;
  g_autofree char *hrefs = NULL;

  select_and_wait (f, 0);
  /* No link of the page names the web: WebKit has nothing to connect to. */
  hrefs = run_script (view, "Array.from (document.querySelectorAll ('a[href]'), a => a.getAttribute ('href'))"
                            ".filter (h => /^(https?|mailto):/i.test (h)).length");
  g_assert_cmpstr (hrefs, ==, "0");

  clicked = run_script (view, "document.querySelector ('a[href^=\"pyprep://web/http\"]').click (); 'clicked'");
  g_assert_cmpstr (clicked, ==, "clicked");
  wait_until (browser_launched, server, "the browser to be asked");
  g_assert_true (g_file_get_contents (server->launched, &launched, NULL, NULL));
  g_assert_cmpstr (launched, ==, expected);
  /* Give a connection WebKit might start meanwhile the time to arrive. */
  spin (300);
  g_assert_cmpuint (server->loopback.connections, ==, 0);
  g_assert_cmpstr (webkit_web_view_get_uri (view), ==, "pyprep://entry/p/t/gil");

  /* Anchors and entry links still work: the page is ours and unchanged. */
  g_assert_true (shown_entry (f) != NULL);
}

static void
test_passage_web_link (void)
{
  Server server = { { NULL } };
  g_autofree char *dir = NULL;

  loopback_server_start (&server.loopback);
  server.launched = g_build_filename (g_get_user_data_dir (), "launched-uri", NULL);
  install_browser (&server);

  dir = write_deck (server.loopback.port);
  run_app (dir, check_web_link, &server);

  loopback_server_stop (&server.loopback);
  g_free (server.launched);
}

/* Style switch ------------------------------------------------------------ */

static char *
page_classes (Fixture *f)
{
  return run_script (window_view (f), "document.documentElement.className");
}

typedef struct
{
  Fixture *f;
  const char *classes;
} ClassesWait;

static gboolean
page_has_classes (gpointer data)
{
  ClassesWait *wait = data;
  g_autofree char *classes = page_classes (wait->f);

  return g_strcmp0 (classes, wait->classes) == 0;
}

/* Turns the style @scheme and waits for the page shown to take it:
 * @classes are its root element's classes in that style. */
static void
switch_style (Fixture        *f,
              AdwColorScheme  scheme,
              const char     *classes)
{
  ClassesWait wait = { f, classes };

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  wait_until (page_has_classes, &wait, classes);
}

/* Chooses the entry at @position in the list, as a tap on a narrow
 * window does, and waits for its page. */
static void
open_entry (Fixture    *f,
            guint       position,
            const char *id)
{
  PaintWatch watch;

  watch_paint (f, &watch);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (window_entries (f)), position, TRUE);
  g_signal_emit_by_name (window_entry_list (f), "activate", position);
  wait_paint (&watch, id);
}

/* The style turns while the entry shown is on its way, as a new page
 * (the first of the window) and swapped in, then once it is settled and
 * out of sight behind a session; each time, Read the Passage on that same
 * entry (Alt+R) scrolls to its passage and marks it. */
static void
check_style_switch (Fixture *f)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  PyprepEntry *entry = shown_entry (f);
  PaintWatch watch;
  g_autofree char *title = NULL;
  g_autofree char *classes = NULL;

  if (!keys_available (GTK_WINDOW (f->window)))
    {
      g_test_skip ("no X11 display with the XTEST library to press keys on");
      return;
    }
  g_assert_false (adw_style_manager_get_dark (style));
  g_assert_cmpstr (pyprep_entry_get_id (entry), ==, "p/t/gil");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  press_keys (GTK_WINDOW (f->window), "<Control>t");
  g_assert_cmpstr (current_card (f), ==, "p/t/gil#card");
  press_keys (GTK_WINDOW (f->window), "space");
  press_keys (GTK_WINDOW (f->window), "1");
  press_and_see_passage (f, "<Alt>r", "section-14", "passage-shown-after-style.png");
  g_assert_true (shown_entry (f) == entry);
  classes = page_classes (f);
  g_assert_cmpstr (classes, ==, "dark");
  press_keys (GTK_WINDOW (f->window), "Escape");
  wait_until (page_is, f, "the notes to be back");

  /* Swapped in: the page WebKit last committed is the other entry's. On
   * a narrow window, the list of entries leads to them. */
  open_entry (f, 1, "p/t/thread");
  watch_paint (f, &watch);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (window_entries (f)), 0, TRUE);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_paint (&watch, pyprep_entry_get_id (entry));
  title = run_script (window_view (f), "document.querySelector ('h1').textContent");
  g_assert_cmpstr (title, ==, "What is the GIL?");
  g_clear_pointer (&classes, g_free);
  classes = page_classes (f);
  g_assert_cmpstr (classes, ==, "light");

  /* Settled, behind the session that leads to it: dark again. */
  press_keys (GTK_WINDOW (f->window), "<Control>t");
  press_keys (GTK_WINDOW (f->window), "space");
  press_keys (GTK_WINDOW (f->window), "1");
  switch_style (f, ADW_COLOR_SCHEME_FORCE_DARK, "dark");
  press_keys (GTK_WINDOW (f->window), "b");
  press_keys (GTK_WINDOW (f->window), "Return");
  press_and_see_passage (f, "<Alt>r", "anchor-last", "passage-shown-after-style-settled.png");
  g_assert_true (shown_entry (f) == entry);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_passage_style_switch (void)
{
  g_autofree char *dir = write_deck (9);

  run_app_sized (dir, 360, 640, check_style_switch, NULL);
}

static void
load_started_cb (WebKitWebView   *view,
                 WebKitLoadEvent  event,
                 guint           *started)
{
  if (event == WEBKIT_LOAD_STARTED)
    (*started)++;
}

static gboolean
find_counted (gpointer data)
{
  Fixture *f = data;

  return g_str_has_prefix (gtk_label_get_label (window_find_count (f)), "1 of ");
}

/* What the page shown carries, in one line: the place read, the zoom, the
 * annotation's marks, the selection (find's match) and the find count. */
static char *
page_state (Fixture *f)
{
  g_autofree char *page = run_script (window_view (f),
                                      "[Math.round (scrollY), document.querySelectorAll ('mark.annotation').length,"
                                      " getSelection ().toString ()].join (' ')");

  return g_strdup_printf ("%s zoom %.2f, %s", page, pyprep_reader_get_zoom_level (window_reader (f)),
                          gtk_label_get_label (window_find_count (f)));
}

/* A style switch keeps all that rides on the page: no page is loaded, so
 * the scroll, the zoom, find's matches and the marks stay, and back and
 * forward still lead through the entries read, in the new style. */
static void
check_style_keeps_page (Fixture *f)
{
  PyprepStore *store = pyprep_application_get_store (f->app);
  WebKitWebView *view = window_view (f);
  PyprepEntry *entry;
  PaintWatch watch;
  guint started = 0;
  gulong handler;
  g_autofree char *annotation = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *marks = NULL;

  select_and_wait (f, 1);
  entry = select_and_wait (f, 0);
  annotation = pyprep_store_add_annotation (store, pyprep_entry_get_id (entry), "Asks often.",
                                            "Every five milliseconds", "", " the waiting thread asks.");
  pyprep_reader_set_zoom_level (window_reader (f), 1.25);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL));
  gtk_editable_set_text (GTK_EDITABLE (window_find_entry (f)), "paragraph 1");
  wait_until (find_counted, f, "the matches to be counted");
  g_signal_emit_by_name (window_find_entry (f), "activate");
  spin (200);
  before = page_state (f);
  g_test_message ("before: %s", before);
  /* Paragraphs 1, 10, 11 and 12 match; the second is below the top. */
  g_assert_true (g_str_has_suffix (before, " 1 paragraph 1 zoom 1.25, 2 of 4"));
  g_assert_false (g_str_has_prefix (before, "0 "));

  handler = g_signal_connect (view, "load-changed", G_CALLBACK (load_started_cb), &started);
  watch_paint (f, &watch);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  wait_paint (&watch, pyprep_entry_get_id (entry));
  after = page_state (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (started, ==, 0);
  g_signal_handler_disconnect (view, handler);
  save_screenshot (f, "style-keeps-page-dark.png");

  /* Back and forward, in the dark style, with the marks. */
  act_and_wait (f, "win.go-back", "p/t/thread");
  g_assert_true (pyprep_reader_get_can_go_forward (window_reader (f)));
  act_and_wait (f, "win.go-forward", "p/t/gil");
  marks = run_script (view, "[document.documentElement.className,"
                            " document.querySelector ('mark.annotation')?.textContent].join (' ')");
  g_assert_cmpstr (marks, ==, "dark Every five milliseconds");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_passage_style_keeps_page (void)
{
  g_autofree char *dir = write_deck (9);

  run_app (dir, check_style_keeps_page, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "en"))
    return g_test_run ();

  g_test_add_func ("/pyprep/ui/passage/read", test_passage_read);
  g_test_add_func ("/pyprep/ui/passage/narrow-chinese", test_passage_narrow_chinese);
  g_test_add_func ("/pyprep/ui/passage/web-link", test_passage_web_link);
  g_test_add_func ("/pyprep/ui/passage/style-switch", test_passage_style_switch);
  g_test_add_func ("/pyprep/ui/passage/style-keeps-page", test_passage_style_keeps_page);

  return g_test_run ();
}
