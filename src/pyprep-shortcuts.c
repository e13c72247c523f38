/* pyprep-shortcuts.c: the keyboard shortcuts of the application and its windows, in one table.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-shortcuts.h"

typedef struct
{
  const char *action;
  const char *accels[4];        /* NULL-terminated: unused slots are NULL */
} Shortcut;

/* The first key of each action is the one menus show, so the keypad's
 * keys come last ("Ctrl++", never "Ctrl+KP +"). */
static const Shortcut shortcuts[] = {
  { "app.quit", { "<Control>q" } },
  { "app.preferences", { "<Control>comma" } },
  { "app.open-folder", { "<Control>o" } },
  { "window.close", { "<Control>w" } },
  { "win.bookmark", { "<Control>d" } },
  { "win.show-annotations", { "<Control><Shift>a" } },
  { "win.new-annotation", { "<Control>n" } },
  { "win.make-card", { "<Control>m" } },
  { "win.search", { "<Control>k" } },
  { "win.find", { "<Control>f" } },
  { "win.find-next", { "<Control>g" } },
  { "win.find-previous", { "<Control><Shift>g" } },
  { "win.review", { "<Control>r" } },
  { "win.progress", { "<Control><Shift>r" } },
  { "win.mock-interview", { "<Control><Shift>m" } },
  { "win.interview-date", { "<Control><Shift>i" } },
  { "win.quiz-entry", { "<Control>t" } },
  { "win.predict-output", { "<Control><Shift>p" } },
  { "win.print", { "<Control>p" } },
  { "win.go-back", { "<Alt>Left" } },
  { "win.go-forward", { "<Alt>Right" } },
  { "win.previous-entry", { "<Control>Page_Up" } },
  { "win.next-entry", { "<Control>Page_Down" } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add" } },
  { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract" } },
  { "win.zoom-reset", { "<Control>0", "<Control>KP_0" } },
  { "win.filter::all", { "<Alt>1" } },
  { "win.filter::bookmarked", { "<Alt>2" } },
  { "win.filter::annotated", { "<Alt>3" } },
  { "win.filter::unanswered", { "<Alt>4" } },
  { "win.show-help-overlay", { "<Control>question" } },
};

/**
 * pyprep_shortcuts_install:
 * @application: the application
 *
 * Sets every shortcut of the application and of its windows as an
 * application accelerator. A window runs those before its focused widget
 * sees the key (a key binding of the window itself would come after), so
 * they act wherever the focus is: Ctrl+Shift+A, say, is also the list
 * views' "unselect all", and would never reach the window from the sidebar.
 */
void
pyprep_shortcuts_install (GtkApplication *application)
{
  g_return_if_fail (GTK_IS_APPLICATION (application));

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (application, shortcuts[i].action, shortcuts[i].accels);
}

/* The shortcuts window splits a long section into pages, titled "_1",
 * "_2": the buttons that switch them are shown as "1" and "2", but a
 * screen reader reads the title, underscore and all. They are named
 * again whenever the section lays its pages out anew. */
static void
name_page_buttons (GtkWidget *switcher)
{
  guint n = 0;

  for (GtkWidget *button = gtk_widget_get_first_child (switcher); button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      /* Translators: the name a screen reader gives a page of the
       * keyboard shortcuts window. */
      g_autofree char *label = g_strdup_printf (_("Page %u"), ++n);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}

static void
pages_changed_cb (GListModel *pages,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GtkWidget  *switcher)
{
  name_page_buttons (switcher);
}

static void
watch_page_switchers (GtkWidget *widget)
{
  if (GTK_IS_STACK_SWITCHER (widget))
    {
      GtkStack *stack = gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (widget));
      g_autoptr(GtkSelectionModel) pages = stack != NULL ? gtk_stack_get_pages (stack) : NULL;

      /* After the switcher's own handler, which makes the buttons. */
      if (pages != NULL)
        g_signal_connect_object (pages, "items-changed", G_CALLBACK (pages_changed_cb), widget,
                                 G_CONNECT_AFTER);
      name_page_buttons (widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    watch_page_switchers (child);
}

/**
 * pyprep_shortcuts_name_pages:
 * @window: a window of the application
 *
 * Gives the page buttons of @window's keyboard shortcuts window names a
 * screen reader can say ("Page 1"), instead of their titles ("_1").
 */
void
pyprep_shortcuts_name_pages (GtkApplicationWindow *window)
{
  GtkShortcutsWindow *overlay;

  g_return_if_fail (GTK_IS_APPLICATION_WINDOW (window));

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  overlay = gtk_application_window_get_help_overlay (window);
G_GNUC_END_IGNORE_DEPRECATIONS
  if (overlay != NULL)
    watch_page_switchers (GTK_WIDGET (overlay));
}

static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplicationWindow *window = user_data;
  GtkShortcutsWindow *overlay;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  overlay = gtk_application_window_get_help_overlay (window);
  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (PYPREP_SHORTCUTS_RESOURCE);

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* The window keeps it; this action stays the one that shows it. */
      gtk_application_window_set_help_overlay (window, overlay);
      pyprep_shortcuts_name_pages (window);
    }
G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_window_present (GTK_WINDOW (overlay));
}

/**
 * pyprep_shortcuts_add_help_overlay:
 * @window: a window of the application
 *
 * Gives @window the action win.show-help-overlay (Ctrl+?), which builds
 * the keyboard shortcuts window the first time it shows it. GTK would
 * build it with every window, on the way to the first entry painted, had
 * the file been where GtkApplication looks for it (gtk/help-overlay.ui
 * under the resource base path); it lives at %PYPREP_SHORTCUTS_RESOURCE
 * instead.
 */
void
pyprep_shortcuts_add_help_overlay (GtkApplicationWindow *window)
{
  g_autoptr(GSimpleAction) action = NULL;

  g_return_if_fail (GTK_IS_APPLICATION_WINDOW (window));

  action = g_simple_action_new ("show-help-overlay", NULL);
  g_signal_connect_object (action, "activate", G_CALLBACK (show_help_overlay_cb), window, 0);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
}
