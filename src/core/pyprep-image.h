/* pyprep-image.h: images of a notes folder, served through Pyprep's own scheme.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-library.h"

G_BEGIN_DECLS

#define PYPREP_IMAGE_URI_PREFIX "pyprep://image/"

/* Larger images are not served: notes do not need them, and a hostile
 * folder must not make the reader hold a huge file in memory. */
#define PYPREP_IMAGE_MAX_SIZE (20 * 1024 * 1024)

char    *pyprep_image_resolve  (const char    *entry_file,
                                const char    *url);
char    *pyprep_image_uri      (const char    *deck_id,
                                const char    *path);
GBytes  *pyprep_image_load     (GFile         *folder,
                                const char    *path,
                                const char   **content_type,
                                GError       **error);
GBytes  *pyprep_image_load_uri (PyprepLibrary *library,
                                const char    *uri,
                                const char   **content_type,
                                GError       **error);
gboolean pyprep_image_probe    (GFile         *folder,
                                const char    *path,
                                int           *width,
                                int           *height,
                                GError       **error);

/* pyprep-image-size.c */
gboolean pyprep_image_measure  (const char    *content_type,
                                const guint8  *data,
                                gsize          length,
                                int           *width,
                                int           *height);

G_END_DECLS
