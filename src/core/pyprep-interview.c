/* pyprep-interview.c: readiness for an interview date, and the plan that reaches it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here follows from the cards' FSRS memory states (FSRS.md):
 * the recall predicted on a day is the retrievability then. A plan is
 * simulated card by card, every answer Good, each review on its due date
 * except that no interval may run past the interview without a review on
 * the day before: that is the rule the last days keep
 * (pyprep_interview_cap_due()). New cards start in the order given, a
 * number a day; the plan is the fewest a day whose predicted recall on the
 * interview day reaches the target.
 */
#include "config.h"

#include <string.h>

#include "pyprep-interview.h"

#define DAY G_TIME_SPAN_DAY
/* Learning steps and reviews of one card before a date: never more. */
#define MAX_REVIEWS 64

typedef struct
{
  gint64 at;
  double stability;
} Review;

typedef struct
{
  guint n;
  Review reviews[MAX_REVIEWS];
} History;

/**
 * pyprep_interview_cap_due:
 * @memory: a card's memory after an answer
 * @now: the time of the answer
 * @interview: the start of the interview day
 *
 * The last-days rule: a review that would fall on or after the interview
 * day is moved to the day before, unless the answer is on that day already.
 *
 * Returns: when the card is due, microseconds since the epoch
 */
gint64
pyprep_interview_cap_due (const PyprepCardMemory *memory,
                          gint64                  now,
                          gint64                  interview)
{
  g_return_val_if_fail (memory != NULL, now);

  if (memory->due < interview || now >= interview - DAY)
    return memory->due;
  return MAX (interview - DAY, now);
}

/* The recall at @at of a card answered as @history says, or from @memory
 * before its first simulated review. */
static double
recall_at (const PyprepFsrsParams *params,
           const PyprepCardMemory *memory,
           const History          *history,
           gint64                  at)
{
  PyprepCardMemory m = *memory;
  const Review *last = NULL;

  for (guint i = 0; i < history->n && history->reviews[i].at <= at; i++)
    last = &history->reviews[i];
  if (last != NULL)
    {
      m.state = PYPREP_CARD_STATE_REVIEW;
      m.last_review = last->at;
      m.stability = last->stability;
    }
  return pyprep_fsrs_retrievability (params, &m, at);
}

/* Answers Good from @start on, on each due date, capped before the
 * interview; @history gets every review. */
static void
simulate (const PyprepFsrsParams *params,
          const PyprepCardMemory *memory,
          gint64                  start,
          gint64                  interview,
          History                *history)
{
  PyprepCardMemory m = *memory;
  gint64 t = start;

  history->n = 0;
  while (t < interview && history->n < MAX_REVIEWS)
    {
      PyprepCardMemory after;

      if (!pyprep_fsrs_review (params, &m, PYPREP_RATING_GOOD, t, &after))
        break;
      history->reviews[history->n].at = t;
      history->reviews[history->n].stability = after.stability;
      history->n++;
      m = after;
      if (after.due >= interview && t >= interview - DAY)
        break;
      t = MAX (pyprep_interview_cap_due (&after, t, interview), t);
    }
}

/* When a card first comes up under a plan of @per_day new cards a day:
 * a new card by its place among the new ones, an answered one when due
 * (capped), or never (G_MAXINT64). */
static gint64
first_review (const PyprepCardMemory *memory,
              guint                   new_index,
              guint                   per_day,
              guint                   days_left,
              gint64                  now,
              gint64                  interview)
{
  if (memory->state == PYPREP_CARD_STATE_NEW)
    {
      guint day = per_day > 0 ? new_index / per_day : G_MAXUINT;

      return day < days_left ? now + (gint64) day * DAY : G_MAXINT64;
    }
  return MAX (pyprep_interview_cap_due (memory, now, interview), now);
}

/* Simulates every card under @per_day; returns the mean recall on the day
 * and, if asked, each card's history and the busiest day's reviews. */
static double
run_plan (const PyprepFsrsParams *params,
          const PyprepCardMemory *cards,
          guint                   n_cards,
          guint                   per_day,
          guint                   days_left,
          gint64                  now,
          gint64                  interview,
          History                *histories,
          guint                  *busiest)
{
  g_autofree guint *per_day_reviews = g_new0 (guint, days_left + 1);
  double sum = 0;
  guint new_index = 0;

  for (guint i = 0; i < n_cards; i++)
    {
      History local;
      History *h = histories != NULL ? &histories[i] : &local;
      gboolean is_new = cards[i].state == PYPREP_CARD_STATE_NEW;
      gint64 start = first_review (&cards[i], new_index, per_day, days_left, now, interview);

      new_index += is_new;
      h->n = 0;
      if (start < interview)
        simulate (params, &cards[i], start, interview, h);
      sum += recall_at (params, &cards[i], h, interview);
      /* A new card's first answer is its start, not a review. */
      for (guint r = is_new ? 1 : 0; r < h->n; r++)
        {
          gint64 day = (h->reviews[r].at - now) / DAY;

          if (day >= 0 && day <= days_left)
            per_day_reviews[day]++;
        }
    }

  if (busiest != NULL)
    {
      *busiest = 0;
      for (guint d = 0; d <= days_left; d++)
        *busiest = MAX (*busiest, per_day_reviews[d]);
    }
  return n_cards > 0 ? sum / n_cards : 0;
}

/**
 * pyprep_interview_plan_compute:
 * @params: the scheduler's parameters (fuzz is not used)
 * @cards: (array length=n_cards): the memories of the cards to plan for,
 *   new ones in the order they should start
 * @n_cards: their number
 * @now: the current time
 * @interview: the start of the interview day
 * @target: the recall wanted on the day, 0 to 1
 * @plan: (out caller-allocates): the readiness, the plan and the forecast
 * @card_readiness: (out caller-allocates) (array length=n_cards) (optional):
 *   each card's share of @plan's readiness, to average per topic
 */
void
pyprep_interview_plan_compute (const PyprepFsrsParams *params,
                               const PyprepCardMemory *cards,
                               guint                   n_cards,
                               gint64                  now,
                               gint64                  interview,
                               double                  target,
                               PyprepInterviewPlan    *plan,
                               double                 *card_readiness)
{
  PyprepFsrsParams p;
  g_autofree History *histories = NULL;
  guint lo, hi;

  g_return_if_fail (params != NULL);
  g_return_if_fail (cards != NULL || n_cards == 0);
  g_return_if_fail (plan != NULL);

  p = *params;
  p.enable_fuzz = FALSE;
  memset (plan, 0, sizeof *plan);
  plan->n_cards = n_cards;
  for (guint i = 0; i < n_cards; i++)
    plan->n_new += cards[i].state == PYPREP_CARD_STATE_NEW;
  plan->days_left = interview > now ? (guint) MIN ((interview - now + DAY - 1) / DAY, PYPREP_INTERVIEW_MAX_DAYS) : 0;
  /* Measured from now, the interview falls at most that many days ahead. */
  interview = MIN (interview, now + (gint64) plan->days_left * DAY);

  /* The fewest new cards a day that reach the target: more a day never
   * lowers the recall on the day, so halve the range. */
  lo = plan->n_new > 0 && plan->days_left > 0 ? 1 : 0;
  hi = plan->days_left > 0 ? plan->n_new : 0;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (run_plan (&p, cards, n_cards, mid, plan->days_left, now, interview, NULL, NULL) >= target)
        hi = mid;
      else
        lo = mid + 1;
    }
  plan->new_per_day = lo;

  histories = g_new0 (History, MAX (n_cards, 1));
  plan->planned_recall = run_plan (&p, cards, n_cards, plan->new_per_day, plan->days_left, now, interview,
                                   histories, &plan->reviews_per_day);
  plan->reachable = n_cards > 0 && plan->days_left > 0 && plan->planned_recall >= target;

  plan->readiness = 0;
  for (guint i = 0; i < n_cards; i++)
    {
      /* An answered card as it stands; a new one as the plan starts it. */
      double r = cards[i].state == PYPREP_CARD_STATE_NEW
                 ? recall_at (&p, &cards[i], &histories[i], interview)
                 : pyprep_fsrs_retrievability (&p, &cards[i], interview);

      if (card_readiness != NULL)
        card_readiness[i] = r;
      plan->readiness += r;
    }
  if (n_cards > 0)
    plan->readiness /= n_cards;

  plan->n_forecast = plan->days_left + 1;
  for (guint d = 0; d < plan->n_forecast; d++)
    {
      gint64 at = MIN (now + (gint64) d * DAY, interview);
      double with = 0, without = 0;

      for (guint i = 0; i < n_cards; i++)
        {
          with += recall_at (&p, &cards[i], &histories[i], at);
          without += pyprep_fsrs_retrievability (&p, &cards[i], at);
        }
      plan->with_plan[d] = n_cards > 0 ? with / n_cards : 0;
      plan->without_plan[d] = n_cards > 0 ? without / n_cards : 0;
    }
}
