/* ui-keys.h: real key presses for UI tests, through the X server of the virtual display.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean keys_available (GtkWindow  *window);
void     press_keys     (GtkWindow  *window,
                         const char *accelerator);

G_END_DECLS
