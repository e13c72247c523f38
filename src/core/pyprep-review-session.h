/* pyprep-review-session.h: one review or practice session: its queue, answers, undo and tallies.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-review.h"

G_BEGIN_DECLS

/**
 * PyprepTopicResult:
 * @topic: (nullable): the topic
 * @n_answered: the topic's cards answered in the session
 * @n_correct: how many of those were not Again
 */
typedef struct
{
  PyprepTopic *topic;
  guint n_answered;
  guint n_correct;
} PyprepTopicResult;

/**
 * PyprepMissedEntry:
 * @entry: an entry with a card answered Again
 * @n_missed: how many of its cards' answers in the session were Again
 * @passage: (nullable): the passage the first card missed answers from
 *   (see #PyprepCard)
 */
typedef struct
{
  PyprepEntry *entry;
  guint n_missed;
  char *passage;
} PyprepMissedEntry;

#define PYPREP_TYPE_REVIEW_SESSION (pyprep_review_session_get_type ())

G_DECLARE_FINAL_TYPE (PyprepReviewSession, pyprep_review_session, PYPREP, REVIEW_SESSION, GObject)

PyprepReviewSession *pyprep_review_session_new_review     (PyprepStore              *store,
                                                           GListModel               *decks,
                                                           const PyprepReviewLimits *limits,
                                                           const PyprepFsrsParams   *params,
                                                           const char * const       *skipped_decks);
PyprepReviewSession *pyprep_review_session_new_practice   (PyprepStore              *store,
                                                           GPtrArray                *queue);
PyprepReviewSession *pyprep_review_session_practice_again (PyprepReviewSession      *self);

PyprepStore            *pyprep_review_session_get_store      (PyprepReviewSession *self);
const PyprepFsrsParams *pyprep_review_session_get_params     (PyprepReviewSession *self);
gboolean                pyprep_review_session_get_practice   (PyprepReviewSession *self);
guint                   pyprep_review_session_get_n_cards    (PyprepReviewSession *self);
guint                   pyprep_review_session_get_position   (PyprepReviewSession *self);
const PyprepCardRef    *pyprep_review_session_get_current    (PyprepReviewSession *self);
const PyprepCardRef    *pyprep_review_session_get_card       (PyprepReviewSession *self,
                                                              guint                position);
PyprepRating            pyprep_review_session_get_rating     (PyprepReviewSession *self,
                                                              guint                position);
gboolean                pyprep_review_session_get_answered   (PyprepReviewSession *self);
gboolean                pyprep_review_session_get_finished   (PyprepReviewSession *self);

gboolean                pyprep_review_session_answer         (PyprepReviewSession *self,
                                                              PyprepRating         rating,
                                                              GError             **error);
gboolean                pyprep_review_session_next           (PyprepReviewSession *self);
gboolean                pyprep_review_session_can_undo       (PyprepReviewSession *self);
gboolean                pyprep_review_session_undo           (PyprepReviewSession *self,
                                                              GError             **error);

guint                   pyprep_review_session_get_n_answered (PyprepReviewSession *self);
guint                   pyprep_review_session_get_n_correct  (PyprepReviewSession *self);
gint64                  pyprep_review_session_get_duration   (PyprepReviewSession *self);
GPtrArray              *pyprep_review_session_dup_topic_results  (PyprepReviewSession *self);
GPtrArray              *pyprep_review_session_dup_missed         (PyprepReviewSession *self);

G_END_DECLS
