/* pyprep-topic-private.h: how the deck loader fills a topic.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-topic.h"

G_BEGIN_DECLS

PyprepTopic *pyprep_topic_new       (const char  *id,
                                     const char  *file);
void         pyprep_topic_set_title (PyprepTopic *self,
                                     const char  *title);
void         pyprep_topic_add_entry (PyprepTopic *self,
                                     PyprepEntry *entry);
void         pyprep_topic_set_group (PyprepTopic *self,
                                     const char  *group,
                                     const char  *group_title);
void         pyprep_topic_set_deck  (PyprepTopic *self,
                                     PyprepDeck  *deck);

G_END_DECLS
