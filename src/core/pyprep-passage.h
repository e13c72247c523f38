/* pyprep-passage.h: the passage of an entry that a card's answer comes from.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The passage of an inferred entry's card: the first block of the
 * entry's text, which the page shows as the first child of its body. */
#define PYPREP_PASSAGE_FIRST_BLOCK "first-block"

gboolean pyprep_passage_parse_info (const char  *info,
                                    char       **kind,
                                    char       **id,
                                    char       **passage,
                                    GError     **error);
char    *pyprep_passage_resolve    (const char  *body,
                                    const char  *title,
                                    const char  *name,
                                    GError     **error);

G_END_DECLS
