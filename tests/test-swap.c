/* test-swap.c: the reader shows the next entry in the page already loaded, safely.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-reader-private.h"
#include "pyprep-render.h"
#include "ui-harness.h"

typedef struct
{
  guint started;
  GStrv marked;
} Loads;

static void
load_changed_cb (WebKitWebView   *view,
                 WebKitLoadEvent  event,
                 Loads           *loads)
{
  if (event == WEBKIT_LOAD_STARTED)
    loads->started++;
}

static void
marked_cb (PyprepReader *reader,
           GStrv         found,
           Loads        *loads)
{
  g_strfreev (loads->marked);
  loads->marked = g_strdupv (found);
}

/* What the user sees of the entry @id, and what WebKit says of the page. */
static void
assert_page_shows (Fixture    *f,
                   const char *id,
                   const char *title)
{
  WebKitWebView *view = window_view (f);
  g_autofree char *uri = pyprep_entry_uri (id);
  g_autofree char *heading = run_script (view, "document.querySelector ('main h1').textContent");
  g_autofree char *document_title = run_script (view, "document.title");
  g_autofree char *location = run_script (view, "location.href");
  g_autofree char *headings = run_script (view, "String (document.querySelectorAll ('h1').length)");

  g_assert_nonnull (strstr (heading, title));
  g_assert_cmpstr (headings, ==, "1");
  g_assert_nonnull (strstr (document_title, title));
  g_assert_cmpstr (location, ==, uri);
  g_assert_cmpstr (webkit_web_view_get_uri (view), ==, uri);
  g_assert_cmpstr (webkit_web_view_get_title (view), ==, document_title);
  g_assert_cmpstr (adw_navigation_page_get_title (window_child (f, "reader_page")), ==, title);
}

/* Turns the app dark and waits for the entry shown to be painted so. */
static void
act_and_wait_dark (Fixture *f)
{
  PaintWatch watch;

  watch_paint (f, &watch);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  wait_paint (&watch, pyprep_entry_get_id (shown_entry (f)));
}

static void
check_in_place (Fixture *f)
{
  PyprepReader *reader = window_reader (f);
  WebKitWebView *view = window_view (f);
  PyprepStore *store = pyprep_application_get_store (f->app);
  g_autofree char *annotation = NULL;
  g_autofree char *marks = NULL;
  g_autofree char *kept = NULL;
  Loads loads = { 0 };
  gulong load_handler, marked_handler;

  g_assert_cmpstr (pyprep_entry_get_id (shown_entry (f)), ==, "sample/basics/list");
  /* The first page may have gone before the content filter was in place;
   * a page loaded with it takes every later entry in place. */
  act_and_wait (f, "win.next-entry", "sample/basics/dict");
  g_assert_true (f->window != NULL && !webkit_web_view_is_loading (view));

  annotation = pyprep_store_add_annotation (store, "sample/more/gil", "Only one.",
                                            "One thread runs bytecode", "", " at a time.");
  load_handler = g_signal_connect (view, "load-changed", G_CALLBACK (load_changed_cb), &loads);
  marked_handler = g_signal_connect (reader, "passages-marked", G_CALLBACK (marked_cb), &loads);
  /* Something of the document itself, which only a new document loses. */
  g_free (run_script (view, "document.documentElement.dataset.document = 'kept'"));

  act_and_wait (f, "win.next-entry", "sample/more/gil");
  assert_page_shows (f, "sample/more/gil", "The GIL");
  g_assert_nonnull (loads.marked);
  g_assert_true (g_strv_contains ((const char * const *) loads.marked, annotation));
  marks = run_script (view, "Array.from (document.querySelectorAll ('mark.annotation'), m => m.textContent).join ('|')");
  g_assert_cmpstr (marks, ==, "One thread runs bytecode");

  /* Back and forward are in place too, and keep the reader's history. */
  act_and_wait (f, "win.go-back", "sample/basics/dict");
  assert_page_shows (f, "sample/basics/dict", "How does a dict work?");
  g_assert_true (pyprep_reader_get_can_go_forward (reader));
  {
    g_autofree char *none = run_script (view, "String (document.querySelectorAll ('mark.annotation').length)");

    g_assert_cmpstr (none, ==, "0");
  }
  act_and_wait (f, "win.go-forward", "sample/more/gil");
  assert_page_shows (f, "sample/more/gil", "The GIL");
  g_assert_false (pyprep_reader_get_can_go_forward (reader));
  act_and_wait (f, "win.go-back", "sample/basics/dict");

  /* Every step above was a swap: no page was loaded, the document is the same. */
  g_assert_cmpuint (loads.started, ==, 0);
  kept = run_script (view, "document.documentElement.dataset.document");
  g_assert_cmpstr (kept, ==, "kept");
  save_screenshot (f, "swap-in-place.png");

  /* In the dark style (taken in place: the colours hang on the root), the
   * entries swapped in after it are dark too. */
  act_and_wait_dark (f);
  act_and_wait (f, "win.next-entry", "sample/more/gil");
  {
    g_autofree char *classes = run_script (view, "document.documentElement.className");
    g_autofree char *language = run_script (view, "document.documentElement.lang");

    g_assert_cmpstr (classes, ==, "dark");
    g_assert_cmpstr (language, ==, "en");
  }
  save_screenshot (f, "swap-in-place-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  g_signal_handler_disconnect (view, load_handler);
  g_signal_handler_disconnect (reader, marked_handler);
  g_strfreev (loads.marked);
}

static void
test_swap_in_place (void)
{
  g_autofree char *deck = test_deck_path ("good");

  forget_user_data ();
  run_app (deck, check_in_place, NULL);
}

/* What a page script of a hostile entry would leave behind. */
static void
assert_no_script_ran (WebKitWebView *view)
{
  g_autofree char *pwned = run_script (view, "String (document.documentElement.dataset.pwned)");
  g_autofree char *title = run_script (view, "document.title");

  g_assert_cmpstr (pwned, ==, "undefined");
  g_assert_null (strstr (title, "pwned"));
}

static void
check_hostile (Fixture *f)
{
  PyprepReader *reader = window_reader (f);
  WebKitWebView *view = window_view (f);
  PyprepEntry *entry;
  g_autofree char *page = NULL;
  g_autofree char *hostile_page = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *found = NULL;
  g_auto(GStrv) halves = NULL;
  Loads loads = { 0 };
  PaintWatch watch;
  gulong handler;

  act_and_wait (f, "win.next-entry", "hostile/t/two");
  handler = g_signal_connect (view, "load-changed", G_CALLBACK (load_changed_cb), &loads);

  /* The hostile entry, in place: its markup is the renderer's, safe. */
  act_and_wait (f, "win.next-entry", "hostile/t/three");
  g_assert_cmpuint (loads.started, ==, 0);
  found = run_script (view, "document.querySelector ('main').textContent");
  g_assert_nonnull (strstr (found, "Third"));
  spin (300);
  assert_no_script_ran (view);

  /* Even markup that skipped the renderer's safe mode, swapped in, runs
   * nothing: the swap parses it inert and the page's policy stays. */
  entry = shown_entry (f);
  page = pyprep_render_entry (entry, "en", 0);
  halves = g_strsplit (page, "<main>", 2);
  g_assert_nonnull (halves[1]);
  hostile_page = g_strconcat (halves[0], "<main><p id=\"raw\">raw</p>"
                              "<script>document.documentElement.dataset.pwned = 'script';</script>"
                              "<img src=\"data:,\" onerror=\"document.documentElement.dataset.pwned = 'onerror'\">"
                              "<iframe srcdoc=\"&lt;script&gt;parent.document.title = 'pwned'&lt;/script&gt;\"></iframe>",
                              halves[1], NULL);
  uri = pyprep_entry_uri (pyprep_entry_get_id (entry));
  watch_paint (f, &watch);
  _pyprep_reader_swap_html (reader, hostile_page, uri, 0.0);
  wait_paint (&watch, "hostile/t/three");
  {
    g_autofree char *raw = run_script (view, "document.getElementById ('raw').textContent");

    g_assert_cmpstr (raw, ==, "raw");
  }
  spin (300);
  assert_no_script_ran (view);
  g_assert_cmpuint (loads.started, ==, 0);

  g_signal_handler_disconnect (view, handler);
}

static void
test_swap_hostile (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-hostile-XXXXXX", &error);

  g_assert_no_error (error);
  write_file (dir, "deck.json",
              "{\"format\": 1, \"id\": \"hostile\", \"title\": \"Hostile\", "
              "\"languages\": [\"en\"], \"topics\": [{\"id\": \"t\"}]}");
  write_file (dir, "en/t.md",
              "# T\n\n## One {#one}\n\nFirst.\n\n## Two {#two}\n\nSecond.\n\n"
              "## Three {#three}\n\nThird.\n\n"
              "<script>document.documentElement.dataset.pwned = 'script';</script>\n\n"
              "<img src=\"data:,\" onerror=\"document.documentElement.dataset.pwned = 'onerror'\">\n\n"
              "[click](javascript:document.title='pwned')\n");

  forget_user_data ();
  run_app (dir, check_hostile, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "en"))
    return g_test_run ();

  g_test_add_func ("/pyprep/ui/swap/in-place", test_swap_in_place);
  g_test_add_func ("/pyprep/ui/swap/hostile", test_swap_hostile);

  return g_test_run ();
}
