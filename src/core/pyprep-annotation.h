/* pyprep-annotation.h: an annotation: the user's note on an entry, maybe quoting a passage of it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * PyprepAnnotation:
 * @id: stable ID of the annotation
 * @entry_id: the entry it belongs to
 * @text: Markdown written by the user
 * @quote: (nullable): the passage of the entry it quotes
 * @prefix: (nullable): text just before the quote, to find it again
 * @suffix: (nullable): text just after the quote
 * @created: creation time, microseconds since the epoch (UTC)
 * @modified: last change, microseconds since the epoch (UTC)
 */
typedef struct
{
  char *id;
  char *entry_id;
  char *text;
  char *quote;
  char *prefix;
  char *suffix;
  gint64 created;
  gint64 modified;
} PyprepAnnotation;

#define PYPREP_TYPE_ANNOTATION (pyprep_annotation_get_type ())
GType             pyprep_annotation_get_type (void) G_GNUC_CONST;
PyprepAnnotation *pyprep_annotation_copy     (const PyprepAnnotation *annotation);
void              pyprep_annotation_free     (PyprepAnnotation       *annotation);
char             *pyprep_annotation_dup_quote_text (const char         *quote);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepAnnotation, pyprep_annotation_free)

G_END_DECLS
