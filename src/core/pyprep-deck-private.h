/* pyprep-deck-private.h: helpers shared by the deck loader's files.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cmark.h>

#include "pyprep-deck.h"
#include "pyprep-topic-private.h"

G_BEGIN_DECLS

void         pyprep_deck_add_problem (GPtrArray  *problems,
                                      int         code,
                                      const char *file,
                                      int         line,
                                      const char *format,
                                      ...) G_GNUC_PRINTF (5, 6);

PyprepTopic *pyprep_topic_parse      (const char *deck_id,
                                      const char *topic_id,
                                      const char *file,
                                      const char *text,
                                      gsize       length,
                                      GPtrArray  *problems);

GPtrArray   *pyprep_deck_infer_topics (PyprepDeck    *deck,
                                      const char    *deck_id,
                                      GFile         *folder,
                                      GPtrArray     *problems,
                                      GCancellable  *cancellable,
                                      GError       **error);
char        *pyprep_infer_id         (const char    *text);
char        *pyprep_markdown_plain_text (cmark_node *node);

G_END_DECLS
