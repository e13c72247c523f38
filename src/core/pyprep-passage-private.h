/* pyprep-passage-private.h: the passages of a parsed entry, for the resolver and the renderer.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-markdown.h"
#include "pyprep-passage.h"

G_BEGIN_DECLS

/* One passage: the sibling blocks @first to @last, shown in the page as
 * the element @element_id. */
typedef struct
{
  char *element_id;
  char *heading;               /* nullable: the text of the heading it starts with */
  char *anchor;                /* nullable: its {#anchor} */
  gboolean intro;              /* the text before the first heading */
  cmark_node *first;
  cmark_node *last;
} PyprepPassageSpan;

void       pyprep_passage_span_free (PyprepPassageSpan *span);
GPtrArray *pyprep_passage_spans     (cmark_node        *doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepPassageSpan, pyprep_passage_span_free)

G_END_DECLS
