/* pyprep-review-stats.c: the progress page's figures: forecast, answers per day, retention, topics.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Counted from the store's card states and the review log at a time given
 * by the caller. Days are local days; undone and practice answers are not
 * counted, and mock interviews' answers only in their own figures.
 */
#include "config.h"

#include <string.h>

#include "pyprep-review.h"
#include "pyprep-review-private.h"

/**
 * pyprep_review_stats_compute:
 * @entries: (element-type PyprepEntry): the entries whose cards are counted
 * @store: the user data
 * @params: the scheduler's settings
 * @now: the current time
 * @stats: (out caller-allocates): the statistics
 *
 * Counts what the statistics page shows. Days are local days. Undone and
 * practice answers are not counted.
 */
void
pyprep_review_stats_compute (GListModel             *entries,
                             PyprepStore            *store,
                             const PyprepFsrsParams *params,
                             gint64                  now,
                             PyprepReviewStats      *stats)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  gint64 retention_since = now - (gint64) PYPREP_REVIEW_RETENTION_DAYS * G_TIME_SPAN_DAY;
  int today;

  g_return_if_fail (stats != NULL);
  memset (stats, 0, sizeof *stats);
  stats->retention = -1;
  g_return_if_fail (G_IS_LIST_MODEL (entries));
  g_return_if_fail (PYPREP_IS_STORE (store));
  g_return_if_fail (params != NULL);

  today = pyprep_time_local_day (now);

  cards = pyprep_review_collect_cards (entries, store);
  for (guint i = 0; i < cards->len; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (cards, i);
      PyprepCardMemory memory;
      int offset;

      pyprep_review_load_memory (store, ref->card_id, now, &memory);
      if (memory.state == PYPREP_CARD_STATE_NEW)
        continue;
      offset = MAX (pyprep_time_local_day (memory.due) - today, 0);
      if (offset < PYPREP_REVIEW_FORECAST_DAYS)
        stats->forecast[offset]++;
    }
  stats->due_today = stats->forecast[0];

  answers = pyprep_review_log_read (pyprep_store_get_folder (store));
  for (guint i = 0; i < answers->len; i++)
    {
      PyprepReviewLogAnswer *answer = g_ptr_array_index (answers, i);
      int ago;

      if (answer->kind == PYPREP_REVIEW_LOG_KIND_MOCK && !answer->undone
          && answer->time > retention_since && answer->time <= now)
        {
          stats->mock_answers++;
          stats->mock_missed += answer->rating == PYPREP_RATING_AGAIN;
        }
      if (!pyprep_review_log_answer_counts (answer) || answer->time > now)
        continue;

      ago = today - pyprep_time_local_day (answer->time);
      if (ago >= 0 && ago < PYPREP_REVIEW_HISTORY_DAYS)
        stats->reviews_per_day[PYPREP_REVIEW_HISTORY_DAYS - 1 - ago]++;

      /* Every answer counts, a new card's first one included: right after
       * a first session the page shows how it went, not "no reviews". */
      if (answer->time > retention_since)
        {
          stats->retention_reviews++;
          if (answer->rating != PYPREP_RATING_AGAIN)
            stats->retention_recalled++;
        }
    }
  if (stats->retention_reviews > 0)
    stats->retention = (double) stats->retention_recalled / stats->retention_reviews;
}

static void
topic_progress_free (PyprepTopicProgress *progress)
{
  g_clear_object (&progress->topic);
  g_free (progress);
}

/**
 * pyprep_review_dup_topic_progress:
 * @entries: (element-type PyprepEntry): the entries whose cards are counted
 * @store: the user data
 * @params: the scheduler's settings
 * @now: the current time
 *
 * Returns: (transfer full) (element-type PyprepTopicProgress): one
 *   record per topic, in the order topics appear in @entries
 */
GPtrArray *
pyprep_review_dup_topic_progress (GListModel             *entries,
                                  PyprepStore            *store,
                                  const PyprepFsrsParams *params,
                                  gint64                  now)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GHashTable) by_topic = g_hash_table_new (NULL, NULL);
  GPtrArray *progress = g_ptr_array_new_with_free_func ((GDestroyNotify) topic_progress_free);

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), progress);
  g_return_val_if_fail (PYPREP_IS_STORE (store), progress);
  g_return_val_if_fail (params != NULL, progress);

  cards = pyprep_review_collect_cards (entries, store);
  for (guint i = 0; i < cards->len; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (cards, i);
      PyprepTopicProgress *topic = g_hash_table_lookup (by_topic, ref->topic);
      PyprepCardMemory memory;

      if (topic == NULL)
        {
          topic = g_new0 (PyprepTopicProgress, 1);
          topic->topic = ref->topic != NULL ? g_object_ref (ref->topic) : NULL;
          g_hash_table_insert (by_topic, ref->topic, topic);
          g_ptr_array_add (progress, topic);
        }

      pyprep_review_load_memory (store, ref->card_id, now, &memory);
      if (memory.state != PYPREP_CARD_STATE_NEW && memory.due <= now)
        topic->n_due++;
      if (memory.state == PYPREP_CARD_STATE_NEW)
        topic->n_new++;
      else if (memory.state == PYPREP_CARD_STATE_REVIEW
               && pyprep_fsrs_retrievability (params, &memory, now)
                  >= PYPREP_REVIEW_KNOWN_RETRIEVABILITY)
        topic->n_known++;
      else
        topic->n_learning++;
    }

  return progress;
}
