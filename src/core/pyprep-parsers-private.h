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

GPtrArray   *pyprep_infer_topics (const char     *deck_id,
                                  GFile          *folder,
                                  PyprepProblems *problems,
                                  GCancellable   *cancellable,
                                  GError        **error);

G_END_DECLS
