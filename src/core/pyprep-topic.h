/* pyprep-topic.h: a topic of a deck and its entries.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-entry.h"

G_BEGIN_DECLS

typedef struct _PyprepDeck PyprepDeck;

#define PYPREP_TYPE_TOPIC (pyprep_topic_get_type ())

G_DECLARE_FINAL_TYPE (PyprepTopic, pyprep_topic, PYPREP, TOPIC, GObject)

const char  *pyprep_topic_get_id      (PyprepTopic *self);
const char  *pyprep_topic_get_title   (PyprepTopic *self);
const char  *pyprep_topic_get_file    (PyprepTopic *self);
PyprepDeck  *pyprep_topic_get_deck    (PyprepTopic *self);
GListModel  *pyprep_topic_get_entries (PyprepTopic *self);
const char  *pyprep_topic_get_group   (PyprepTopic *self);
const char  *pyprep_topic_get_group_title (PyprepTopic *self);

G_END_DECLS
