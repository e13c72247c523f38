/* pyprep-review.h: card states, review queues, answers, undo and statistics.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One API in three files: pyprep-review.c (card states, answers, undo),
 * pyprep-review-queue.c (queues and practice selections) and
 * pyprep-review-stats.c (the progress page's figures).
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pyprep-entry.h"
#include "pyprep-fsrs.h"
#include "pyprep-review-log.h"
#include "pyprep-store.h"
#include "pyprep-topic.h"

G_BEGIN_DECLS

#define PYPREP_REVIEW_DEFAULT_NEW_PER_DAY 20
#define PYPREP_REVIEW_DEFAULT_REVIEWS_PER_DAY 200
/* Days shown by the statistics. */
#define PYPREP_REVIEW_FORECAST_DAYS 30
#define PYPREP_REVIEW_HISTORY_DAYS 84
#define PYPREP_REVIEW_RETENTION_DAYS 30
/* Practice of the cards missed lately looks this many days back. */
#define PYPREP_REVIEW_MISSED_DAYS 7
/* A card is known when it is in review and its recall chance is at least this. */
#define PYPREP_REVIEW_KNOWN_RETRIEVABILITY 0.9

#define PYPREP_REVIEW_ERROR (pyprep_review_error_quark ())

/**
 * PyprepReviewError:
 * @PYPREP_REVIEW_ERROR_RATING: the rating is not one of 1–4
 * @PYPREP_REVIEW_ERROR_NOTHING_TO_UNDO: the review log holds no answer to undo
 * @PYPREP_REVIEW_ERROR_NO_CARD: a session has no card waiting for an answer
 */
typedef enum
{
  PYPREP_REVIEW_ERROR_RATING,
  PYPREP_REVIEW_ERROR_NOTHING_TO_UNDO,
  PYPREP_REVIEW_ERROR_NO_CARD,
} PyprepReviewError;

/**
 * PyprepReviewLimits:
 * @new_per_day: how many new cards may be started in one (local) day
 * @reviews_per_day: how many due cards may be answered in one day
 *
 * Start from pyprep_review_limits_init().
 */
typedef struct
{
  guint new_per_day;
  guint reviews_per_day;
} PyprepReviewLimits;

/**
 * PyprepCardRef:
 * @card_id: the card's stable ID
 * @entry: the entry holding the card
 * @topic: (nullable): the entry's topic
 * @question: index of the multiple-choice question in @entry, or -1 for
 *   the entry's recall card
 * @card: (nullable): the user's own recall card, for an entry the notes
 *   leave unanswered: its front is the question, its back the user's
 *   annotation, or an annotation made a card; %NULL for the deck's cards
 *   (see pyprep_card_ref_get_card())
 * @predict: (nullable): for a predict-the-output question, the question
 *   (owned by @entry), and then @question is -1; %NULL for other cards
 * @annotation_id: (nullable): for a card made of an annotation, the
 *   annotation's ID, whose quoted passage the card's back is
 *
 * One card of a quiz queue.
 */
typedef struct
{
  char *card_id;
  PyprepEntry *entry;
  PyprepTopic *topic;
  int question;
  PyprepCard *card;
  const PyprepPredict *predict;
  char *annotation_id;
} PyprepCardRef;

/**
 * PyprepPracticeKind:
 * @PYPREP_PRACTICE_ALL: every card of the given entries (a topic, a deck)
 * @PYPREP_PRACTICE_BOOKMARKED: the cards of bookmarked entries
 * @PYPREP_PRACTICE_MISSED: cards answered Again in the last days
 */
typedef enum
{
  PYPREP_PRACTICE_ALL,
  PYPREP_PRACTICE_BOOKMARKED,
  PYPREP_PRACTICE_MISSED,
} PyprepPracticeKind;

/**
 * PyprepReviewStats:
 * @due_today: cards in learning or review due by the end of today, overdue included
 * @forecast: cards due on each day from today on; [0] equals @due_today
 * @reviews_per_day: answers given on each of the last 84 days; the last is today
 * @retention_reviews: answers in the last 30 days (undone and practice ones left out)
 * @retention_recalled: how many of those were not Again
 * @retention: @retention_recalled / @retention_reviews, or -1 without reviews
 * @mock_answers: mock interview questions graded in the last 30 days,
 *   which no other figure counts
 * @mock_missed: how many of those were missed
 *
 * What the statistics page shows, computed by pyprep_review_stats_compute().
 */
typedef struct
{
  guint due_today;
  guint forecast[PYPREP_REVIEW_FORECAST_DAYS];
  guint reviews_per_day[PYPREP_REVIEW_HISTORY_DAYS];
  guint retention_reviews;
  guint retention_recalled;
  double retention;
  guint mock_answers;
  guint mock_missed;
} PyprepReviewStats;

/**
 * PyprepTopicProgress:
 * @topic: the topic
 * @n_new: cards never answered
 * @n_learning: cards answered but not known yet
 * @n_known: cards in review whose recall chance now is at least 0.9
 * @n_due: cards in learning or review that are due now (they are also
 *   counted in @n_learning or @n_known); PyprepDueCounts counts the same
 *   per topic, per deck and in all, without the other figures
 */
typedef struct
{
  PyprepTopic *topic;
  guint n_new;
  guint n_learning;
  guint n_known;
  guint n_due;
} PyprepTopicProgress;

GQuark         pyprep_review_error_quark       (void);

gboolean       pyprep_card_memory_from_json    (PyprepCardMemory        *memory,
                                                JsonObject              *object,
                                                gint64                   now);
JsonObject    *pyprep_card_memory_to_json      (const PyprepCardMemory  *memory,
                                                JsonObject              *previous);
void           pyprep_review_load_memory       (PyprepStore             *store,
                                                const char              *card_id,
                                                gint64                   now,
                                                PyprepCardMemory        *memory);

#define PYPREP_TYPE_CARD_REF (pyprep_card_ref_get_type ())
GType          pyprep_card_ref_get_type        (void) G_GNUC_CONST;
PyprepCardRef *pyprep_card_ref_new             (PyprepEntry             *entry,
                                                int                      question);
PyprepCardRef *pyprep_card_ref_new_answered    (PyprepEntry             *entry,
                                                const char              *answer);
PyprepCardRef *pyprep_card_ref_new_predict     (PyprepEntry             *entry,
                                                guint                    index);
PyprepCardRef *pyprep_card_ref_new_for_annotation (PyprepEntry           *entry,
                                                  const PyprepAnnotation *annotation);
PyprepCardRef *pyprep_card_ref_copy            (const PyprepCardRef     *ref);
void           pyprep_card_ref_free            (PyprepCardRef           *ref);
gboolean       pyprep_card_ref_is_recall       (const PyprepCardRef     *ref);
const PyprepCard *pyprep_card_ref_get_card     (const PyprepCardRef     *ref);
gboolean       pyprep_card_ref_is_predict      (const PyprepCardRef     *ref);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepCardRef, pyprep_card_ref_free)

void           pyprep_review_limits_init       (PyprepReviewLimits      *limits);
GListModel    *pyprep_review_collect_entries   (GListModel              *decks);
GPtrArray     *pyprep_review_collect_cards     (GListModel              *entries,
                                                PyprepStore             *store);
GPtrArray     *pyprep_review_build_queue       (GListModel              *entries,
                                                PyprepStore             *store,
                                                const PyprepFsrsParams  *params,
                                                const PyprepReviewLimits *limits,
                                                gint64                   now);
GPtrArray     *pyprep_review_build_practice    (GListModel              *entries,
                                                PyprepStore             *store,
                                                PyprepPracticeKind       kind,
                                                guint                    days,
                                                gint64                   now);

PyprepRating   pyprep_review_rating_for_choice (gboolean                 right);
gboolean       pyprep_review_answer            (PyprepStore             *store,
                                                const PyprepFsrsParams  *params,
                                                const char              *card_id,
                                                PyprepRating             rating,
                                                gint64                   now,
                                                gint64                   duration_ms,
                                                GError                 **error);
gboolean       pyprep_review_answer_mock       (PyprepStore             *store,
                                                const PyprepFsrsParams  *params,
                                                const char              *card_id,
                                                PyprepRating             rating,
                                                gint64                   now,
                                                gint64                   duration_ms,
                                                JsonObject              *details,
                                                GError                 **error);
gboolean       pyprep_review_answer_practice   (PyprepStore             *store,
                                                const char              *card_id,
                                                PyprepRating             rating,
                                                gint64                   now,
                                                gint64                   duration_ms,
                                                GError                 **error);
gboolean       pyprep_review_undo              (PyprepStore             *store,
                                                gint64                   now,
                                                char                   **card_id,
                                                GError                 **error);
gboolean       pyprep_review_undo_practice     (PyprepStore             *store,
                                                gint64                   now,
                                                char                   **card_id,
                                                GError                 **error);

void           pyprep_review_stats_compute     (GListModel              *entries,
                                                PyprepStore             *store,
                                                const PyprepFsrsParams  *params,
                                                gint64                   now,
                                                PyprepReviewStats       *stats);
GPtrArray     *pyprep_review_dup_topic_progress (GListModel             *entries,
                                                 PyprepStore            *store,
                                                 const PyprepFsrsParams *params,
                                                 gint64                  now);

G_END_DECLS
