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
 * @has_card: whether the annotation is also a recall card: its front the
 *   note (or @card_question), its back the quoted passage
 * @card_question: (nullable): the question the user typed for the card's
 *   front; %NULL when the note is the front
 * @card_created: when the card was made, microseconds since the epoch (UTC)
 * @card_only: the annotation was deleted and its card kept: the record
 *   stays, as a card with its own text, but no longer lists as an annotation
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
  gboolean has_card;
  char *card_question;
  gint64 card_created;
  gboolean card_only;
} PyprepAnnotation;

#define PYPREP_TYPE_ANNOTATION (pyprep_annotation_get_type ())
GType             pyprep_annotation_get_type (void) G_GNUC_CONST;
PyprepAnnotation *pyprep_annotation_copy     (const PyprepAnnotation *annotation);
void              pyprep_annotation_free     (PyprepAnnotation       *annotation);
char             *pyprep_annotation_dup_quote_text (const char         *quote);
char             *pyprep_annotation_dup_card_id    (const PyprepAnnotation *annotation);
const char       *pyprep_annotation_get_card_front (const PyprepAnnotation *annotation);
gboolean          pyprep_annotation_can_be_card    (const PyprepAnnotation *annotation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepAnnotation, pyprep_annotation_free)

G_END_DECLS
