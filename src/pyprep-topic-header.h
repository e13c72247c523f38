/* pyprep-topic-header.h: a topic's heading in the sidebar: its group, its title and how many of its cards are due.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-due-counts.h"
#include "pyprep-library.h"
#include "pyprep-readiness.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_TOPIC_HEADER (pyprep_topic_header_get_type ())

G_DECLARE_FINAL_TYPE (PyprepTopicHeader, pyprep_topic_header, PYPREP, TOPIC_HEADER, GtkWidget)

PyprepTopic   *pyprep_topic_header_get_topic   (PyprepTopicHeader *self);
void           pyprep_topic_header_set_topic   (PyprepTopicHeader *self,
                                                PyprepTopic       *topic);
PyprepLibrary *pyprep_topic_header_get_library (PyprepTopicHeader *self);
void           pyprep_topic_header_set_library (PyprepTopicHeader *self,
                                                PyprepLibrary     *library);
gboolean       pyprep_topic_header_get_show_group (PyprepTopicHeader *self);
void           pyprep_topic_header_set_show_group (PyprepTopicHeader *self,
                                                   gboolean           show_group);
PyprepDueCounts *pyprep_topic_header_get_due_counts (PyprepTopicHeader *self);
void           pyprep_topic_header_set_due_counts (PyprepTopicHeader *self,
                                                   PyprepDueCounts   *due_counts);
char          *pyprep_topic_header_dup_title   (PyprepLibrary     *library,
                                                PyprepTopic       *topic);

PyprepReadiness   *pyprep_topic_header_get_readiness  (PyprepTopicHeader *self);
void               pyprep_topic_header_set_readiness  (PyprepTopicHeader *self,
                                                       PyprepReadiness   *readiness);

G_END_DECLS
