/* pyprep-review-private.h: what the review's files share: the review log's answers and local days.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pyprep-review.c reads the log and answers; pyprep-review-queue.c counts
 * today's answers against the daily limits and pyprep-review-stats.c
 * counts them per day, both through these.
 */
#pragma once

#include "pyprep-review.h"

G_BEGIN_DECLS

/*
 * PyprepLogAnswer:
 * @line: the log line
 * @id: (nullable): the answer's ID, which an undo line names
 * @card: the card answered
 * @rating: the rating
 * @time: when, in microseconds since the epoch
 * @state_before: a #PyprepCardState, or -1 when unknown
 * @practice: whether it was a practice answer
 * @undone: whether a later line undid it
 *
 * One answer of the review log.
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
} PyprepLogAnswer;

int        pyprep_review_local_day         (gint64                 usec);
GPtrArray *pyprep_review_read_log          (PyprepStore           *store);
gboolean   pyprep_review_log_answer_counts (const PyprepLogAnswer *answer);

G_END_DECLS
