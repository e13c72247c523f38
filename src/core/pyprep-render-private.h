/* pyprep-render-private.h: the passes the renderer's files share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-markdown.h"
#include "pyprep-render.h"

G_BEGIN_DECLS

/* Where a piece of Markdown was written: entry links are relative to the
 * entry, image paths to its file. */
typedef struct
{
  const char *entry_id;        /* nullable */
  const char *entry_file;      /* nullable: relative to the deck folder */
  GFile      *folder;          /* nullable: the deck folder */
  const char * const *passages; /* nullable: set for an entry's text, the passages to make */
} PyprepRenderSource;

#define PYPREP_RENDER_CMARK_OPTIONS (CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8)

/* pyprep-render.c */
char *pyprep_render_resolve_entry_link (const char            *target,
                                        const char            *entry_id);
char *pyprep_render_markdown_from   (const char               *markdown,
                                     const PyprepRenderSource *src);
char *pyprep_render_image_uri       (const PyprepRenderSource *src,
                                     const char               *url,
                                     char                    **path);
cmark_node *pyprep_render_image_placeholder (const char       *url,
                                             const char       *title,
                                             const char       *alt);

/* pyprep-render-table.c */
char *pyprep_render_extract_tables  (const char               *markdown,
                                     const PyprepRenderSource *src,
                                     GPtrArray                *tables);
void  pyprep_render_insert_tables   (cmark_node               *doc,
                                     GPtrArray                *tables);

/* pyprep-render-html.c */
void  pyprep_render_html_images     (cmark_node               *doc,
                                     const PyprepRenderSource *src);

/* pyprep-render-passages.c */
void  pyprep_render_passages        (cmark_node               *doc,
                                     const char * const       *wanted);
void  pyprep_render_web_links       (cmark_node               *doc);
void  pyprep_render_append_links    (GString                  *out,
                                     PyprepEntry              *entry);

/* pyprep-render-gfm.c */
void  pyprep_render_gfm             (cmark_node               *doc);

G_END_DECLS
