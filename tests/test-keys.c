/* test-keys.c: the window's shortcuts, pressed as real keys, act wherever the focus is.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ui-harness.h"
#include "ui-keys.h"

/* Puts the keyboard focus on the sidebar's list of entries, where a user
 * who walks the entries with Up and Down has it. */
static void
focus_sidebar (Fixture *f)
{
  GtkWidget *list = GTK_WIDGET (window_entry_list (f));
  GtkWidget *focus;

  g_assert_true (gtk_widget_grab_focus (list));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == list || gtk_widget_is_ancestor (focus, list));
}

static gboolean
showing_other_entry (gpointer data)
{
  Fixture *f = data;

  return shown_entry (f) != NULL && shown_entry (f) != g_object_get_data (G_OBJECT (f->window), "before");
}

/* The window's shortcuts act from the sidebar too, with real key presses:
 * the list there has keys of its own (Ctrl+Shift+A unselects all) that
 * must not take the window's. */
static void
check_keys_from_sidebar (Fixture *f)
{
  gboolean shown;

  if (!keys_available (GTK_WINDOW (f->window)))
    {
      g_test_skip ("no X11 display with the XTEST library to press keys on");
      return;
    }

  focus_sidebar (f);
  press_keys (GTK_WINDOW (f->window), "<Control><Shift>a");
  g_object_get (f->window, "show-annotations", &shown, NULL);
  g_assert_true (shown);
  save_screenshot (f, "keys-from-sidebar.png");
  focus_sidebar (f);
  press_keys (GTK_WINDOW (f->window), "<Control><Shift>a");
  g_object_get (f->window, "show-annotations", &shown, NULL);
  g_assert_false (shown);

  focus_sidebar (f);
  press_keys (GTK_WINDOW (f->window), "<Control>d");
  g_assert_true (pyprep_window_get_bookmarked (f->window));
  focus_sidebar (f);
  press_keys (GTK_WINDOW (f->window), "<Control>d");
  g_assert_false (pyprep_window_get_bookmarked (f->window));

  focus_sidebar (f);
  press_keys (GTK_WINDOW (f->window), "<Alt>3");
  {
    g_autofree char *filter = NULL;

    g_object_get (f->window, "filter", &filter, NULL);
    g_assert_cmpstr (filter, ==, "annotated");
  }
  press_keys (GTK_WINDOW (f->window), "<Alt>1");

  focus_sidebar (f);
  g_object_set_data (G_OBJECT (f->window), "before", shown_entry (f));
  press_keys (GTK_WINDOW (f->window), "<Control>Page_Down");
  wait_until (showing_other_entry, f, "Ctrl+Page Down to show the next entry");
}

static void
test_keys_from_sidebar (void)
{
  g_autofree char *path = test_deck_path ("good");

  forget_user_data ();
  run_app (path, check_keys_from_sidebar, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, "en"))
    return g_test_run ();

  g_test_add_func ("/pyprep/ui/keys/from-sidebar", test_keys_from_sidebar);

  return g_test_run ();
}
