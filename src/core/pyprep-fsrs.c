/* pyprep-fsrs.c: the FSRS-6 scheduler, which decides when each card is due again.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FSRS models a card's memory with two numbers: stability S, the days
 * after which recall falls to 90%, and difficulty D, from 1 to 10. Each
 * rating updates both, and the next interval is the time at which recall
 * is predicted to fall to the desired retention. The formulas, defaults
 * and test vectors are those of FSRS-6 as written down in the project's
 * FSRS notes; the behaviour matches the reference scheduler (py-fsrs), so
 * logged reviews can be replayed elsewhere.
 *
 * Everything here is a pure function of its arguments: the clock is passed
 * in, and the fuzz is drawn from a generator seeded by the parameters and
 * the card, so the same review always gives the same result.
 *
 * Card memory and parameters may come from files a user can edit, so
 * nothing in them can make the scheduler crash or produce nonsense: values
 * out of range are clamped, and a card whose memory is unusable starts
 * over as a new card. pyprep_fsrs_params_validate() reports such values
 * to the preferences, which should not store them in the first place.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pyprep-fsrs.h"

/* FSRS-6's weights fitted on the srs-benchmark data, used when a user's
 * own weights are missing or unusable. */
static const double default_weights[PYPREP_FSRS_N_WEIGHTS] = {
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666,
  0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658,
  0.1542,
};

G_DEFINE_QUARK (pyprep-fsrs-error-quark, pyprep_fsrs_error)

/* Parameters and memory ----------------------------------------------- */

static gboolean
weights_are_usable (const double *w)
{
  for (guint i = 0; i < PYPREP_FSRS_N_WEIGHTS; i++)
    {
      if (!isfinite (w[i]))
        return FALSE;
    }

  /* w[20] is the curve's decay: zero or negative has no forgetting curve. */
  return w[20] > 0;
}

static void
sanitize_steps (GTimeSpan *steps,
                guint     *n_steps)
{
  *n_steps = MIN (*n_steps, PYPREP_FSRS_MAX_STEPS);
  for (guint i = 0; i < *n_steps; i++)
    steps[i] = MAX (steps[i], G_TIME_SPAN_SECOND);
}

/* The parameters the scheduler really uses: @in with every value clamped
 * into the range pyprep_fsrs_params_validate() accepts. */
static void
sanitize_params (const PyprepFsrsParams *in,
                 PyprepFsrsParams       *out)
{
  *out = *in;

  if (!weights_are_usable (out->weights))
    memcpy (out->weights, default_weights, sizeof default_weights);

  if (isnan (out->desired_retention))
    out->desired_retention = PYPREP_FSRS_DEFAULT_RETENTION;
  else
    out->desired_retention = CLAMP (out->desired_retention,
                                    PYPREP_FSRS_MIN_RETENTION,
                                    PYPREP_FSRS_MAX_RETENTION);

  out->maximum_interval = CLAMP (out->maximum_interval, 1, PYPREP_FSRS_DEFAULT_MAXIMUM_INTERVAL);

  sanitize_steps (out->learning_steps, &out->n_learning_steps);
  sanitize_steps (out->relearning_steps, &out->n_relearning_steps);
}

/* Makes @card's memory usable: a card that claims to have been reviewed
 * but has no finite, positive stability or no finite difficulty has
 * nothing to schedule by, so it is taken as new. Its counters are kept. */
static void
sanitize_memory (PyprepCardMemory *card)
{
  switch (card->state)
    {
    case PYPREP_CARD_STATE_LEARNING:
    case PYPREP_CARD_STATE_REVIEW:
    case PYPREP_CARD_STATE_RELEARNING:
      if (isfinite (card->stability) && card->stability > 0 && isfinite (card->difficulty))
        {
          card->stability = MAX (card->stability, PYPREP_FSRS_MIN_STABILITY);
          card->difficulty = CLAMP (card->difficulty, 1.0, 10.0);
          if (card->state == PYPREP_CARD_STATE_REVIEW)
            card->step = -1;
          else
            card->step = MAX (card->step, 0);
          return;
        }
      break;

    case PYPREP_CARD_STATE_NEW:
    default:
      break;
    }

  card->state = PYPREP_CARD_STATE_NEW;
  card->step = -1;
  card->stability = 0;
  card->difficulty = 0;
}

/* Formulas ------------------------------------------------------------ */

static double
decay (const double *w)
{
  return -w[20];
}

/* Chosen so that recall is 90% when the elapsed time equals the stability. */
static double
factor (const double *w)
{
  return pow (0.9, 1.0 / decay (w)) - 1.0;
}

static double
forgetting_curve (const double *w,
                  double        elapsed_days,
                  double        stability)
{
  return pow (1.0 + factor (w) * elapsed_days / stability, decay (w));
}

static double
initial_difficulty (const double *w,
                    PyprepRating  rating,
                    gboolean      clamp)
{
  double d = w[4] - exp (w[5] * ((int) rating - 1)) + 1.0;

  return clamp ? CLAMP (d, 1.0, 10.0) : d;
}

static double
next_difficulty (const double *w,
                 double        difficulty,
                 PyprepRating  rating)
{
  /* The casts matter: an enum of positive values is unsigned, and
   * AGAIN - 3 would wrap around. */
  double delta = -w[6] * ((int) rating - 3);
  double damped = difficulty + delta * (10.0 - difficulty) / 9.0;
  /* The mean reversion target is D0(Easy) before clamping, as in the
   * reference scheduler: with the default weights it is about -4.77, and
   * the test vectors (2.1181 -> 2.1112 after Good) only hold with it. */
  double reverted = w[7] * initial_difficulty (w, PYPREP_RATING_EASY, FALSE)
                    + (1.0 - w[7]) * damped;

  return CLAMP (reverted, 1.0, 10.0);
}

static double
recall_stability (const double *w,
                  double        difficulty,
                  double        stability,
                  double        retrievability,
                  PyprepRating  rating)
{
  double hard_penalty = rating == PYPREP_RATING_HARD ? w[15] : 1.0;
  double easy_bonus = rating == PYPREP_RATING_EASY ? w[16] : 1.0;

  return stability * (1.0 + exp (w[8]) * (11.0 - difficulty) * pow (stability, -w[9])
                             * (exp (w[10] * (1.0 - retrievability)) - 1.0)
                             * hard_penalty * easy_bonus);
}

static double
forget_stability (const double *w,
                  double        difficulty,
                  double        stability,
                  double        retrievability)
{
  double long_term = w[11] * pow (difficulty, -w[12]) * (pow (stability + 1.0, w[13]) - 1.0)
                     * exp (w[14] * (1.0 - retrievability));
  /* Forgetting never leaves a card more stable than a same-day Again would. */
  double short_term = stability / exp (w[17] * w[18]);

  return MIN (long_term, short_term);
}

static double
same_day_stability (const double *w,
                    double        stability,
                    PyprepRating  rating)
{
  double multiplier = exp (w[17] * ((int) rating - 3 + w[18])) * pow (stability, -w[19]);

  /* Recalling a card again the same day never makes it less stable. */
  if (rating >= PYPREP_RATING_GOOD)
    multiplier = MAX (multiplier, 1.0);

  return stability * multiplier;
}

/* Whole days since the last review, as the reference scheduler counts
 * them: a review 23 hours later is a same-day review. Computed in double
 * so that absurd stored times cannot overflow. */
static double
elapsed_days (const PyprepCardMemory *card,
              gint64                  now)
{
  double elapsed = ((double) now - (double) card->last_review) / G_TIME_SPAN_DAY;

  return elapsed > 0 ? floor (elapsed) : 0;
}

/* The interval in whole days for @stability at @retention in (0, 1),
 * clamped to [1, maximum interval]. */
static int
interval_for (const PyprepFsrsParams *p,
              double                  stability,
              double                  retention)
{
  const double *w = p->weights;
  double days = stability / factor (w) * (pow (retention, 1.0 / decay (w)) - 1.0);

  /* Round half to even, as Python's round() in the reference scheduler. */
  days = nearbyint (days);
  if (!(days >= 1))
    return 1;
  if (days >= p->maximum_interval)
    return p->maximum_interval;
  return (int) days;
}

/* Fuzz ---------------------------------------------------------------- */

/* The part of @days that lies between @start and @end. */
static double
part_within (double days,
             double start,
             double end)
{
  return MAX (MIN (days, end) - start, 0.0);
}

/* A number in [0, 1) that depends only on the fuzz seed and the card's
 * memory before the review, not on the clock: the interval a button shows
 * is the one its press gives, however long the learner hesitates. GRand
 * is GLib's Mersenne Twister, seeded with every 32-bit word of those. */
static double
fuzz_draw (const PyprepFsrsParams *p,
           const PyprepCardMemory *before)
{
  guint64 last_review = (guint64) before->last_review;
  /* A new card's due time is only when it was first shown: the clock. */
  guint64 due = before->state == PYPREP_CARD_STATE_NEW ? 0 : (guint64) before->due;
  guint32 seed[] = {
    p->fuzz_seed,
    before->reps,
    before->lapses,
    (guint32) (last_review & 0xffffffff),
    (guint32) (last_review >> 32),
    (guint32) (due & 0xffffffff),
    (guint32) (due >> 32),
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));

  return g_rand_double (rand);
}

/* Spreads @days uniformly over the whole days in [days - d, days + d],
 * each end rounded, where the half-width d is 1 day plus 15% of the part of
 * the interval within 2.5-7 days, 10% of the part within 7-20 days and 5%
 * of the part beyond 20 days; never below 2 days nor above the maximum.
 * Intervals under 2.5 days are left alone. */
static int
fuzz_days (const PyprepFsrsParams *p,
           int                     days,
           double                  draw)
{
  double half_width;
  int low;
  int high;

  if (days < 2.5)
    return days;

  half_width = 1.0
               + 0.15 * part_within (days, 2.5, 7.0)
               + 0.10 * part_within (days, 7.0, 20.0)
               + 0.05 * part_within (days, 20.0, INFINITY);
  low = MAX ((int) nearbyint (days - half_width), 2);
  high = MIN ((int) nearbyint (days + half_width), p->maximum_interval);
  low = MIN (low, high);

  return low + MIN ((int) (draw * (high - low + 1)), high - low);
}

/* Scheduling ---------------------------------------------------------- */

/* Moves a Learning or Relearning card along @steps. Returns TRUE when the
 * card graduates and its interval comes from its stability; otherwise sets
 * @interval to the next step. */
static gboolean
walk_steps (const GTimeSpan  *steps,
            guint             n_steps,
            PyprepCardMemory *card,
            PyprepRating      rating,
            GTimeSpan        *interval)
{
  guint step = (guint) card->step;

  if (n_steps == 0)
    return TRUE;

  /* The card sits on a step that no longer exists because the steps were
   * shortened since: any recall graduates it. */
  if (step >= n_steps && rating != PYPREP_RATING_AGAIN)
    return TRUE;

  switch (rating)
    {
    case PYPREP_RATING_AGAIN:
      card->step = 0;
      *interval = steps[0];
      return FALSE;

    case PYPREP_RATING_HARD:
      /* Hard stays on its step; on the first one it waits between the
       * first and second step, or half as long again as a single step. */
      if (step == 0 && n_steps == 1)
        *interval = steps[0] * 3 / 2;
      else if (step == 0)
        *interval = (steps[0] + steps[1]) / 2;
      else
        *interval = steps[step];
      return FALSE;

    case PYPREP_RATING_GOOD:
      if (step + 1 == n_steps)
        return TRUE;
      card->step = step + 1;
      *interval = steps[step + 1];
      return FALSE;

    case PYPREP_RATING_EASY:
      return TRUE;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* Updates @card, a sanitized copy of @before, for @rating at @now. */
static void
schedule (const PyprepFsrsParams *p,
          const PyprepCardMemory *before,
          PyprepRating            rating,
          gint64                  now,
          PyprepCardMemory       *card)
{
  const double *w = p->weights;
  gboolean by_stability = FALSE;
  GTimeSpan interval = 0;

  if (card->state == PYPREP_CARD_STATE_NEW)
    {
      card->stability = MAX (w[rating - 1], PYPREP_FSRS_MIN_STABILITY);
      card->difficulty = initial_difficulty (w, rating, TRUE);
      card->state = PYPREP_CARD_STATE_LEARNING;
      card->step = 0;
    }
  else
    {
      double t = elapsed_days (card, now);
      double stability;

      if (t < 1)
        stability = same_day_stability (w, card->stability, rating);
      else if (rating == PYPREP_RATING_AGAIN)
        stability = forget_stability (w, card->difficulty, card->stability,
                                      forgetting_curve (w, t, card->stability));
      else
        stability = recall_stability (w, card->difficulty, card->stability,
                                      forgetting_curve (w, t, card->stability), rating);

      /* Stability uses the difficulty from before this review. MAX also
       * turns a NaN into the floor. */
      card->stability = MAX (stability, PYPREP_FSRS_MIN_STABILITY);
      card->difficulty = next_difficulty (w, card->difficulty, rating);
    }

  switch (card->state)
    {
    case PYPREP_CARD_STATE_LEARNING:
      by_stability = walk_steps (p->learning_steps, p->n_learning_steps, card, rating, &interval);
      break;

    case PYPREP_CARD_STATE_RELEARNING:
      by_stability = walk_steps (p->relearning_steps, p->n_relearning_steps,
                                 card, rating, &interval);
      break;

    case PYPREP_CARD_STATE_REVIEW:
      if (rating == PYPREP_RATING_AGAIN)
        {
          card->lapses++;
          if (p->n_relearning_steps > 0)
            {
              card->state = PYPREP_CARD_STATE_RELEARNING;
              card->step = 0;
              interval = p->relearning_steps[0];
              break;
            }
        }
      by_stability = TRUE;
      break;

    case PYPREP_CARD_STATE_NEW:
    default:
      g_assert_not_reached ();
    }

  if (by_stability)
    {
      int days = interval_for (p, card->stability, p->desired_retention);

      if (p->enable_fuzz)
        days = fuzz_days (p, days, fuzz_draw (p, before));

      card->state = PYPREP_CARD_STATE_REVIEW;
      card->step = -1;
      interval = days * G_TIME_SPAN_DAY;
    }

  card->reps++;
  card->last_review = now;
  card->due = now <= G_MAXINT64 - interval ? now + interval : G_MAXINT64;
}

/* Public API ---------------------------------------------------------- */

/**
 * pyprep_fsrs_params_init:
 * @params: (out caller-allocates): the parameters to fill
 *
 * Fills @params with FSRS-6's default weights, a desired retention of 0.9,
 * a maximum interval of 36500 days, learning steps of 1 and 10 minutes, a
 * relearning step of 10 minutes, and fuzz on with seed 0.
 */
void
pyprep_fsrs_params_init (PyprepFsrsParams *params)
{
  g_return_if_fail (params != NULL);

  memset (params, 0, sizeof *params);
  memcpy (params->weights, default_weights, sizeof default_weights);
  params->desired_retention = PYPREP_FSRS_DEFAULT_RETENTION;
  params->maximum_interval = PYPREP_FSRS_DEFAULT_MAXIMUM_INTERVAL;
  params->learning_steps[0] = G_TIME_SPAN_MINUTE;
  params->learning_steps[1] = 10 * G_TIME_SPAN_MINUTE;
  params->n_learning_steps = 2;
  params->relearning_steps[0] = 10 * G_TIME_SPAN_MINUTE;
  params->n_relearning_steps = 1;
  params->enable_fuzz = TRUE;
  params->fuzz_seed = 0;
}

static gboolean
steps_are_valid (const GTimeSpan *steps,
                 guint            n_steps)
{
  if (n_steps > PYPREP_FSRS_MAX_STEPS)
    return FALSE;
  for (guint i = 0; i < n_steps; i++)
    {
      if (steps[i] < G_TIME_SPAN_SECOND)
        return FALSE;
    }
  return TRUE;
}

/**
 * pyprep_fsrs_params_validate:
 * @params: the parameters to check
 * @error: return location for a #PYPREP_FSRS_ERROR
 *
 * Checks that every value of @params is in its documented range, for
 * settings made by the user. The scheduler does not need this: it clamps
 * values out of range (retention into 0.80–0.97, the maximum interval into
 * 1–36500 days, steps to at least a second and at most
 * %PYPREP_FSRS_MAX_STEPS of them) and uses the default weights instead of
 * unusable ones, but the user should be told rather than overruled.
 *
 * Returns: %TRUE if @params is valid
 */
gboolean
pyprep_fsrs_params_validate (const PyprepFsrsParams  *params,
                             GError                 **error)
{
  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Written so that NaN fails too. */
  if (!(params->desired_retention >= PYPREP_FSRS_MIN_RETENTION
        && params->desired_retention <= PYPREP_FSRS_MAX_RETENTION))
    {
      g_set_error (error, PYPREP_FSRS_ERROR, PYPREP_FSRS_ERROR_RETENTION,
                   _("The desired retention must be between %.2f and %.2f"),
                   PYPREP_FSRS_MIN_RETENTION, PYPREP_FSRS_MAX_RETENTION);
      return FALSE;
    }

  if (params->maximum_interval < 1
      || params->maximum_interval > PYPREP_FSRS_DEFAULT_MAXIMUM_INTERVAL)
    {
      g_set_error (error, PYPREP_FSRS_ERROR, PYPREP_FSRS_ERROR_MAXIMUM_INTERVAL,
                   _("The maximum interval must be between 1 and %d days"),
                   PYPREP_FSRS_DEFAULT_MAXIMUM_INTERVAL);
      return FALSE;
    }

  if (!steps_are_valid (params->learning_steps, params->n_learning_steps)
      || !steps_are_valid (params->relearning_steps, params->n_relearning_steps))
    {
      g_set_error (error, PYPREP_FSRS_ERROR, PYPREP_FSRS_ERROR_STEPS,
                   _("There can be at most %d steps, each at least a second long"),
                   PYPREP_FSRS_MAX_STEPS);
      return FALSE;
    }

  if (!weights_are_usable (params->weights))
    {
      g_set_error_literal (error, PYPREP_FSRS_ERROR, PYPREP_FSRS_ERROR_WEIGHTS,
                           _("The scheduler’s weights are not valid"));
      return FALSE;
    }

  return TRUE;
}

/**
 * pyprep_card_memory_init:
 * @memory: (out caller-allocates): the memory to fill
 * @now: the current time, microseconds since the epoch (UTC)
 *
 * Fills @memory for a card never reviewed, due at @now.
 */
void
pyprep_card_memory_init (PyprepCardMemory *memory,
                         gint64            now)
{
  g_return_if_fail (memory != NULL);

  memory->state = PYPREP_CARD_STATE_NEW;
  memory->step = -1;
  memory->stability = 0;
  memory->difficulty = 0;
  memory->due = now;
  memory->last_review = 0;
  memory->reps = 0;
  memory->lapses = 0;
}

/**
 * pyprep_fsrs_review:
 * @params: the scheduler's parameters
 * @before: the card's memory before the review
 * @rating: how well the learner recalled the card
 * @now: the time of the review, microseconds since the epoch (UTC)
 * @after: (out caller-allocates): the card's memory after the review; may
 *   be the same as @before
 *
 * Reviews a card. A new or Learning card walks the learning steps; Easy,
 * or Good on the last step, graduates it to Review. Again on a Review card
 * counts a lapse and sends it through the relearning steps. With no steps,
 * every answer is scheduled by stability. Reviews less than a day after
 * the previous one use FSRS's same-day formula.
 *
 * Values of @params out of range are clamped (see
 * pyprep_fsrs_params_validate()), and a @before whose stability or
 * difficulty is unusable is reviewed as a new card, keeping its counters.
 *
 * Returns: %TRUE, or %FALSE if @rating is not a #PyprepRating; then
 *   @after is a copy of @before
 */
gboolean
pyprep_fsrs_review (const PyprepFsrsParams *params,
                    const PyprepCardMemory *before,
                    PyprepRating            rating,
                    gint64                  now,
                    PyprepCardMemory       *after)
{
  PyprepFsrsParams p;
  PyprepCardMemory card;

  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (before != NULL, FALSE);
  g_return_val_if_fail (after != NULL, FALSE);

  card = *before;

  /* A rating can come from a replayed log file, so a bad one is refused
   * quietly rather than with a critical warning. */
  if (rating < PYPREP_RATING_AGAIN || rating > PYPREP_RATING_EASY)
    {
      *after = card;
      return FALSE;
    }

  sanitize_params (params, &p);
  sanitize_memory (&card);
  schedule (&p, before, rating, now, &card);
  *after = card;

  return TRUE;
}

/**
 * pyprep_fsrs_preview:
 * @params: the scheduler's parameters
 * @memory: the card's memory now
 * @now: the time of the review, microseconds since the epoch (UTC)
 * @due: (out caller-allocates) (array fixed-size=4): when the card would
 *   be due after each rating, microseconds since the epoch; `due[rating - 1]`
 *   for each #PyprepRating
 *
 * Tells what each answer button would do, for example to write the
 * interval on it with pyprep_fsrs_format_interval(). The fuzz does not
 * depend on @now, so pressing the button later gives the interval shown.
 */
void
pyprep_fsrs_preview (const PyprepFsrsParams *params,
                     const PyprepCardMemory *memory,
                     gint64                  now,
                     gint64                  due[PYPREP_FSRS_N_RATINGS])
{
  g_return_if_fail (params != NULL);
  g_return_if_fail (memory != NULL);
  g_return_if_fail (due != NULL);

  for (int rating = PYPREP_RATING_AGAIN; rating <= PYPREP_RATING_EASY; rating++)
    {
      PyprepCardMemory after;

      pyprep_fsrs_review (params, memory, rating, now, &after);
      due[rating - 1] = after.due;
    }
}

/**
 * pyprep_fsrs_retrievability:
 * @params: the scheduler's parameters
 * @memory: the card's memory
 * @now: the time asked about, microseconds since the epoch (UTC)
 *
 * The predicted probability that the card is recalled at @now. Time is
 * counted in whole days since the last review, as the scheduler counts it.
 *
 * Returns: a probability from 0 to 1; 0 for a new card
 */
double
pyprep_fsrs_retrievability (const PyprepFsrsParams *params,
                            const PyprepCardMemory *memory,
                            gint64                  now)
{
  PyprepFsrsParams p;
  PyprepCardMemory card;

  g_return_val_if_fail (params != NULL, 0);
  g_return_val_if_fail (memory != NULL, 0);

  sanitize_params (params, &p);
  card = *memory;
  sanitize_memory (&card);
  if (card.state == PYPREP_CARD_STATE_NEW)
    return 0;

  return forgetting_curve (p.weights, elapsed_days (&card, now), card.stability);
}

/**
 * pyprep_fsrs_interval_days:
 * @params: the scheduler's parameters; their weights and maximum interval
 *   are used
 * @stability: a card's stability, in days
 * @retention: the desired retention, any probability; not clamped to the
 *   range of the setting, so a preferences dialog can show what a choice
 *   would mean
 *
 * The interval FSRS gives a card of @stability for @retention, without
 * fuzz. At the limits, a retention of 1 or more gives 1 day and 0 or less
 * the maximum interval; NaN stands for the default retention, and a
 * stability below %PYPREP_FSRS_MIN_STABILITY for that minimum.
 *
 * Returns: whole days, from 1 to the maximum interval
 */
int
pyprep_fsrs_interval_days (const PyprepFsrsParams *params,
                           double                  stability,
                           double                  retention)
{
  PyprepFsrsParams p;

  g_return_val_if_fail (params != NULL, 1);

  sanitize_params (params, &p);

  if (!(stability >= PYPREP_FSRS_MIN_STABILITY))
    stability = PYPREP_FSRS_MIN_STABILITY;
  if (isnan (retention))
    retention = PYPREP_FSRS_DEFAULT_RETENTION;

  if (retention >= 1)
    return 1;
  if (retention <= 0)
    return p.maximum_interval;

  return interval_for (&p, stability, retention);
}

/**
 * pyprep_fsrs_format_interval:
 * @interval: a time span, for example a due time minus now
 *
 * Writes @interval for an answer button, short and rounded to one unit:
 * minutes below an hour, hours below a day, days below 30, months (of
 * 30.44 days) below 365 days, then years (of 365.25 days), each chosen by
 * the rounded value. Anything under a minute is written as 1 minute.
 *
 * Returns: (transfer full): the interval, for example "10 min" or "3 mo"
 */
char *
pyprep_fsrs_format_interval (GTimeSpan interval)
{
  double minutes = MAX (interval, 0) / (double) G_TIME_SPAN_MINUTE;
  double hours = minutes / 60.0;
  double days = hours / 24.0;
  int n;

  /* Each unit is chosen by its rounded value, so 59.7 minutes is "1 h",
   * never "60 min". The comparisons come before any conversion to int. */
  if (minutes < 59.5)
    {
      n = MAX ((int) round (minutes), 1);
      /* Translators: an interval on an answer button, in minutes; keep it short. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min", "%d min", n), n);
    }

  if (hours < 23.5)
    {
      n = (int) round (hours);
      /* Translators: an interval on an answer button, in hours; keep it short. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d h", "%d h", n), n);
    }

  if (days < 29.5)
    {
      n = (int) round (days);
      /* Translators: an interval on an answer button, in days; keep it short. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d d", "%d d", n), n);
    }

  if (days < 364.5)
    {
      n = MAX ((int) round (days / 30.4375), 1);
      /* Translators: an interval on an answer button, in months; keep it short. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d mo", "%d mo", n), n);
    }

  /* Past a thousand years the number means nothing to anyone, and the
   * conversion to int must not overflow. */
  n = (int) MIN (round (days / 365.25), 1000.0);
  /* Translators: an interval on an answer button, in years; keep it short. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d y", "%d y", n), n);
}
