/* pyprep-followups.h: the follow-up questions of an entry, from a ```followups block.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-entry.h"
#include "pyprep-problems.h"

G_BEGIN_DECLS

guint  pyprep_followups_parse       (PyprepEntry    *entry,
                                     const char     *literal,
                                     const char     *deck_id,
                                     const char     *topic_id,
                                     const char     *file,
                                     int             fence_line,
                                     PyprepProblems *problems);
char  *pyprep_followups_resolve_see (const char     *reference,
                                     const char     *deck_id,
                                     const char     *topic_id);

G_END_DECLS
