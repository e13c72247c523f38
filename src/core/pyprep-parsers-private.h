/* pyprep-parsers-private.h: the two parsers that turn Markdown into topics.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The deck loader calls them; they report to a #PyprepProblems and never
 * call back into the deck.
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-problems.h"
#include "pyprep-topic-private.h"

G_BEGIN_DECLS

/* Topic files larger than this are refused, so a stray dump cannot hang the app. */
#define PYPREP_DECK_MAX_FILE_SIZE (64 * 1024 * 1024)

PyprepTopic *pyprep_topic_parse  (const char     *deck_id,
                                  const char     *topic_id,
                                  const char     *file,
                                  const char     *text,
                                  gsize           length,
                                  PyprepProblems *problems);

/* What a folder of notes gives. */
typedef struct
{
  GPtrArray *topics;           /* PyprepTopic, in reading order */
  char *title;                 /* nullable: the README's title */
  char *description;           /* nullable: the README's first paragraph */
  GPtrArray *folders;          /* GFile: every folder read, for live reload */
} PyprepInferred;

void            pyprep_inferred_free (PyprepInferred *inferred);
PyprepInferred *pyprep_infer_folder  (const char     *deck_id,
                                      GFile          *folder,
                                      int             question_level,
                                      PyprepProblems *problems,
                                      GCancellable   *cancellable,
                                      GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepInferred, pyprep_inferred_free)

G_END_DECLS
