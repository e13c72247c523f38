/* pyprep-fsrs.h: the FSRS-6 scheduler, which decides when each card is due again.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PYPREP_FSRS_N_WEIGHTS 21
#define PYPREP_FSRS_N_RATINGS 4
/* More learning or relearning steps than this make no sense for a learner. */
#define PYPREP_FSRS_MAX_STEPS 8

#define PYPREP_FSRS_DEFAULT_RETENTION 0.9
#define PYPREP_FSRS_MIN_RETENTION 0.80
#define PYPREP_FSRS_MAX_RETENTION 0.97
/* Days: a hundred years is "never again" for a person. */
#define PYPREP_FSRS_DEFAULT_MAXIMUM_INTERVAL 36500
#define PYPREP_FSRS_MIN_STABILITY 0.001

#define PYPREP_FSRS_ERROR (pyprep_fsrs_error_quark ())

/**
 * PyprepFsrsError:
 * @PYPREP_FSRS_ERROR_RETENTION: the desired retention is outside 0.80–0.97
 * @PYPREP_FSRS_ERROR_MAXIMUM_INTERVAL: the maximum interval is outside 1–36500 days
 * @PYPREP_FSRS_ERROR_STEPS: a step list is too long or has a step shorter than a second
 * @PYPREP_FSRS_ERROR_WEIGHTS: a weight is not a finite number, or w[20] is not positive
 *
 * Why pyprep_fsrs_params_validate() refused a set of parameters.
 */
typedef enum
{
  PYPREP_FSRS_ERROR_RETENTION,
  PYPREP_FSRS_ERROR_MAXIMUM_INTERVAL,
  PYPREP_FSRS_ERROR_STEPS,
  PYPREP_FSRS_ERROR_WEIGHTS,
} PyprepFsrsError;

/**
 * PyprepRating:
 * @PYPREP_RATING_AGAIN: the answer was forgotten
 * @PYPREP_RATING_HARD: recalled with serious difficulty
 * @PYPREP_RATING_GOOD: recalled after some thought
 * @PYPREP_RATING_EASY: recalled at once
 *
 * How well the learner recalled a card; the values are FSRS's grades.
 */
typedef enum
{
  PYPREP_RATING_AGAIN = 1,
  PYPREP_RATING_HARD = 2,
  PYPREP_RATING_GOOD = 3,
  PYPREP_RATING_EASY = 4,
} PyprepRating;

/**
 * PyprepCardState:
 * @PYPREP_CARD_STATE_NEW: never reviewed; stability and difficulty are unset
 * @PYPREP_CARD_STATE_LEARNING: walking the learning steps
 * @PYPREP_CARD_STATE_REVIEW: scheduled in days by its stability
 * @PYPREP_CARD_STATE_RELEARNING: forgotten in review, walking the relearning steps
 *
 * Where a card is in its life. Learning, Review and Relearning keep FSRS's
 * numbers 1, 2 and 3, so stored states and review logs can be replayed by
 * other FSRS implementations.
 */
typedef enum
{
  PYPREP_CARD_STATE_NEW = 0,
  PYPREP_CARD_STATE_LEARNING = 1,
  PYPREP_CARD_STATE_REVIEW = 2,
  PYPREP_CARD_STATE_RELEARNING = 3,
} PyprepCardState;

/**
 * PyprepCardMemory:
 * @state: where the card is in its life
 * @step: index into the learning steps (Learning) or relearning steps
 *   (Relearning); -1 in the New and Review states
 * @stability: days after which recall drops to 90%
 * @difficulty: from 1 (easiest) to 10 (hardest)
 * @due: when the card is due, microseconds since the epoch (UTC)
 * @last_review: when it was last reviewed, microseconds since the epoch
 *   (UTC); 0 for a new card
 * @reps: how many times it was reviewed
 * @lapses: how many times it was forgotten in the Review state
 *
 * What the scheduler knows of one card. A plain value: copy it with `=`.
 * Times use the same unit as g_get_real_time() and the user data store.
 */
typedef struct
{
  PyprepCardState state;
  int step;
  double stability;
  double difficulty;
  gint64 due;
  gint64 last_review;
  guint reps;
  guint lapses;
} PyprepCardMemory;

/**
 * PyprepFsrsParams:
 * @weights: the 21 FSRS-6 weights w[0]..w[20]
 * @desired_retention: probability of recall wanted when a card falls due
 * @maximum_interval: the longest interval in days
 * @learning_steps: intervals between the first reviews of a new card, in
 *   microseconds
 * @n_learning_steps: how many of @learning_steps are used; 0 schedules new
 *   cards by stability at once
 * @relearning_steps: intervals after a card is forgotten, in microseconds
 * @n_relearning_steps: how many of @relearning_steps are used
 * @enable_fuzz: whether intervals of 3 days or more are spread a little, so
 *   cards learnt together do not stay due together
 * @fuzz_seed: the seed of the fuzz; mix the card's ID into it (for example
 *   `base ^ g_str_hash (card_id)`) so two cards with the same history still
 *   get different fuzz
 *
 * The scheduler's settings. A plain value: copy it with `=`. Start from
 * pyprep_fsrs_params_init() and check user-made changes with
 * pyprep_fsrs_params_validate().
 */
typedef struct
{
  double weights[PYPREP_FSRS_N_WEIGHTS];
  double desired_retention;
  int maximum_interval;
  GTimeSpan learning_steps[PYPREP_FSRS_MAX_STEPS];
  guint n_learning_steps;
  GTimeSpan relearning_steps[PYPREP_FSRS_MAX_STEPS];
  guint n_relearning_steps;
  gboolean enable_fuzz;
  guint32 fuzz_seed;
} PyprepFsrsParams;

GQuark    pyprep_fsrs_error_quark          (void);

void      pyprep_fsrs_params_init          (PyprepFsrsParams       *params);
gboolean  pyprep_fsrs_params_validate      (const PyprepFsrsParams *params,
                                            GError                **error);

void      pyprep_card_memory_init          (PyprepCardMemory       *memory,
                                            gint64                  now);

gboolean  pyprep_fsrs_review               (const PyprepFsrsParams *params,
                                            const PyprepCardMemory *before,
                                            PyprepRating            rating,
                                            gint64                  now,
                                            PyprepCardMemory       *after);
void      pyprep_fsrs_preview              (const PyprepFsrsParams *params,
                                            const PyprepCardMemory *memory,
                                            gint64                  now,
                                            gint64                  due[PYPREP_FSRS_N_RATINGS]);
double    pyprep_fsrs_retrievability       (const PyprepFsrsParams *params,
                                            const PyprepCardMemory *memory,
                                            gint64                  now);
int       pyprep_fsrs_interval_days        (const PyprepFsrsParams *params,
                                            double                  stability,
                                            double                  retention);

char     *pyprep_fsrs_format_interval      (GTimeSpan               interval);

G_END_DECLS
