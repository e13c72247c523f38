/* pyprep-html-tag.h: a small reader for the tags in raw HTML that notes carry.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PyprepHtmlTag:
 * @name: the element's name, in lower case
 * @closing: %TRUE for an end tag (`</p>`)
 * @self_closing: %TRUE when written `<name … />`
 * @attributes: (element-type utf8): names (lower case) and values
 *   (character references decoded, "" when the attribute has no value),
 *   alternating, in the order written; only the first of a name is kept,
 *   and only the first 64 names
 *
 * One start or end tag, as an HTML parser would read it.
 */
typedef struct
{
  char      *name;
  gboolean   closing;
  gboolean   self_closing;
  GPtrArray *attributes;
} PyprepHtmlTag;

PyprepHtmlTag *pyprep_html_tag_next    (const char          *html,
                                        gsize                length,
                                        gsize               *pos);
const char    *pyprep_html_tag_get     (const PyprepHtmlTag *tag,
                                        const char          *name);
gboolean       pyprep_html_tag_is      (const PyprepHtmlTag *tag,
                                        const char          *name,
                                        gboolean             closing);
void           pyprep_html_tag_free    (PyprepHtmlTag       *tag);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepHtmlTag, pyprep_html_tag_free)

G_END_DECLS
