/* pyprep-shortcuts.h: the keyboard shortcuts of the application and its windows, in one table.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pyprep_shortcuts_install    (GtkApplication       *application);
void pyprep_shortcuts_name_pages (GtkApplicationWindow *window);

G_END_DECLS
