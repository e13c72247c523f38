/* pyprep-shortcuts.c: the keyboard shortcuts of the application and its windows, in one table.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
  { "win.search", { "<Control>k" } },
  { "win.find", { "<Control>f" } },
  { "win.find-next", { "<Control>g" } },
  { "win.find-previous", { "<Control><Shift>g" } },
  { "win.review", { "<Control>r" } },
  { "win.progress", { "<Control><Shift>r" } },
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
