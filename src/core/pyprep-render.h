/* pyprep-render.h: turns entries into complete, self-contained HTML pages.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pyprep-entry.h"

G_BEGIN_DECLS

/**
 * PyprepPageStyle:
 * @PYPREP_PAGE_STYLE_DARK: dark colours
 * @PYPREP_PAGE_STYLE_HIGH_CONTRAST: high-contrast colours
 *
 * Flags for the page's colour scheme, following libadwaita's style.
 */
typedef enum
{
  PYPREP_PAGE_STYLE_DARK = 1 << 0,
  PYPREP_PAGE_STYLE_HIGH_CONTRAST = 1 << 1,
} PyprepPageStyle;

/* The scheme and hosts of Pyprep's own pages. */
#define PYPREP_URI_SCHEME "pyprep"
#define PYPREP_ENTRY_URI_PREFIX "pyprep://entry/"
/* A web or mail link in a page: see pyprep-render-passages.c. */
#define PYPREP_WEB_URI_PREFIX "pyprep://web/"

char   *pyprep_render_markdown   (const char      *markdown,
                                  const char      *entry_id);
char   *pyprep_render_entry      (PyprepEntry     *entry,
                                  const char      *language,
                                  PyprepPageStyle  style);
char   *pyprep_render_message    (const char      *title,
                                  const char      *message,
                                  const char      *language,
                                  PyprepPageStyle  style);
const char *pyprep_render_csp   (void);
const char *pyprep_render_style_classes (PyprepPageStyle style);
char   *pyprep_render_dup_script (const char      *name);
char   *pyprep_entry_uri         (const char      *entry_id);
char   *pyprep_entry_id_from_uri (const char      *uri);
char   *pyprep_render_web_link_uri    (const char *url);
char   *pyprep_render_web_link_target (const char *uri);

G_END_DECLS
