/* pyprep-review-log.h: the review log, review-log.jsonl: every answer, appended durably and read back.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pyprep-fsrs.h"

G_BEGIN_DECLS

#define PYPREP_REVIEW_LOG_FILE "review-log.jsonl"

/**
 * PyprepReviewLogKind:
 * @PYPREP_REVIEW_LOG_KIND_REVIEW: an answer in a review or practice
 *   session; lines without a "kind" are these
 * @PYPREP_REVIEW_LOG_KIND_MOCK: a question of a mock interview, graded by
 *   the user; it counts for no daily limit or review statistic
 *
 * What a line of the review log records ("kind" in the line).
 */
typedef enum
{
  PYPREP_REVIEW_LOG_KIND_REVIEW,
  PYPREP_REVIEW_LOG_KIND_MOCK,
} PyprepReviewLogKind;

/**
 * PyprepReviewLogAnswer:
 * @line: the whole line, as written
 * @id: (nullable): the answer's ID, which an undo line names
 * @card: the card answered
 * @rating: the rating given
 * @time: when, in microseconds since the epoch
 * @state_before: the card's #PyprepCardState before the answer, or -1
 *   when the line does not say
 * @practice: whether it was given in practice, which changes no schedule
 * @undone: whether a later undo line takes it back
 * @kind: what the line records
 *
 * One answer of the review log. The strings belong to @line.
 */
typedef struct
{
  JsonObject *line;
  const char *id;
  const char *card;
  PyprepRating rating;
  gint64 time;
  int state_before;
  gboolean practice;
  gboolean undone;
  PyprepReviewLogKind kind;
} PyprepReviewLogAnswer;

const char *pyprep_card_state_to_string        (PyprepCardState               state);
gboolean    pyprep_card_state_from_string      (const char                   *text,
                                                PyprepCardState              *state);

GPtrArray  *pyprep_review_log_read             (GFile                        *folder);
gboolean    pyprep_review_log_append           (GFile                        *folder,
                                                JsonObject                   *line,
                                                GError                      **error);
void        pyprep_review_log_format_lines     (GString                      *data,
                                                GPtrArray                    *lines);
gboolean    pyprep_review_log_append_lines     (const char                   *path,
                                                GPtrArray                    *lines,
                                                GError                      **error);
GPtrArray  *pyprep_review_log_read_lines       (const char                   *path,
                                                gboolean                     *complete);
GPtrArray  *pyprep_review_log_parse_lines      (char                         *data,
                                                gboolean                     *complete);
char       *pyprep_review_log_line_identity    (JsonObject                   *line);
void        pyprep_review_log_answer_free      (PyprepReviewLogAnswer        *answer);
gboolean    pyprep_review_log_answer_counts    (const PyprepReviewLogAnswer  *answer);
const char *pyprep_review_log_kind_to_string   (PyprepReviewLogKind           kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepReviewLogAnswer, pyprep_review_log_answer_free)

G_END_DECLS
