/* pyprep-markdown.h: small cmark helpers that the parsers and the renderer share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cmark.h>
#include <glib.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_node, cmark_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cmark_iter, cmark_iter_free)

char  *pyprep_markdown_plain_text   (cmark_node *node);
char  *pyprep_markdown_commonmark   (cmark_node *node);
char  *pyprep_markdown_commonmark_range (cmark_node *node,
                                         cmark_node *stop);
gsize  pyprep_markdown_front_matter (const char *text,
                                     gsize       length,
                                     int        *lines);
GArray *pyprep_markdown_index_lines (const char *text,
                                     gsize       length);
char  *pyprep_markdown_resolve_path (const char *folder,
                                     const char *path);

G_END_DECLS
