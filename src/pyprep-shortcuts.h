/* pyprep-shortcuts.h: the keyboard shortcuts of the application and its windows, in one table.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The keyboard shortcuts window (data/gtk/help-overlay.ui), away from the
 * path where GtkApplication would build it with every window. */
#define PYPREP_SHORTCUTS_RESOURCE "/io/github/pyprep/Pyprep/ui/help-overlay.ui"

void pyprep_shortcuts_install    (GtkApplication       *application);
void pyprep_shortcuts_name_pages (GtkApplicationWindow *window);
void pyprep_shortcuts_add_help_overlay (GtkApplicationWindow *window);

G_END_DECLS
