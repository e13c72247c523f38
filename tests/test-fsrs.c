/* test-fsrs.c: the FSRS-6 scheduler, against the test vectors of the FSRS notes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected numbers come from the FSRS notes (shared/FSRS.md) where they
 * give them; the others were worked out by hand from the formulas there,
 * to four decimals, and say so.
 */
#include "config.h"

#include <math.h>

#include "core-harness.h"
#include "pyprep-fsrs.h"

/* 2025-01-01 00:00:00 UTC. */
#define T0 (G_GINT64_CONSTANT (1735689600) * G_TIME_SPAN_SECOND)
#define DAY G_TIME_SPAN_DAY
#define MINUTE G_TIME_SPAN_MINUTE
#define HOUR G_TIME_SPAN_HOUR

/* The notes give four decimals. */
#define EPSILON 5e-5

/* The notes' test vectors use fsrs_params_exact()'s settings: default
 * weights, no learning or relearning steps, fuzz off, retention 0.9. */

/* Default settings without fuzz, so intervals are exact. */
static void
stepped_params (PyprepFsrsParams *params)
{
  pyprep_fsrs_params_init (params);
  params->enable_fuzz = FALSE;
}

static void
review (const PyprepFsrsParams *params,
        PyprepCardMemory       *card,
        PyprepRating            rating,
        gint64                  now)
{
  g_assert_true (pyprep_fsrs_review (params, card, rating, now, card));
  g_assert_cmpint (card->last_review, ==, now);
}

/* A card in the Review state, last reviewed at T0. */
static PyprepCardMemory
review_card (double stability,
             double difficulty)
{
  return card_in_review (stability, difficulty, T0, T0 + (gint64) round (stability) * DAY);
}

static int
interval_days (const PyprepCardMemory *card)
{
  g_assert_cmpint ((card->due - card->last_review) % DAY, ==, 0);
  return (int) ((card->due - card->last_review) / DAY);
}

/* Test vectors -------------------------------------------------------- */

#define MAX_REVIEWS 5

typedef struct
{
  double stability;
  double difficulty;
  int interval;
} Expected;

typedef struct
{
  const char *path;
  guint n_reviews;
  PyprepRating ratings[MAX_REVIEWS];
  Expected after[MAX_REVIEWS];
} Vector;

#define AGAIN PYPREP_RATING_AGAIN
#define HARD PYPREP_RATING_HARD
#define GOOD PYPREP_RATING_GOOD
#define EASY PYPREP_RATING_EASY

/* Every row of the table in the notes, each review on its due date. */
static const Vector vectors[] = {
  { "/pyprep/fsrs/vector/good-x5", 5,
    { GOOD, GOOD, GOOD, GOOD, GOOD },
    { { 2.3065, 2.1181, 2 }, { 10.9643, 2.1112, 11 }, { 46.2802, 2.1043, 46 },
      { 162.8622, 2.0975, 163 }, { 497.4472, 2.0906, 497 } } },
  { "/pyprep/fsrs/vector/again-good-good", 3,
    { AGAIN, GOOD, GOOD },
    { { 0.212, 6.4133, 1 }, { 1.8868, 6.4021, 2 }, { 6.2692, 6.3909, 6 } } },
  { "/pyprep/fsrs/vector/easy-good", 2,
    { EASY, GOOD },
    { { 8.2956, 1.0, 8 }, { 38.9051, 1.0, 39 } } },
  { "/pyprep/fsrs/vector/hard-hard-good", 3,
    { HARD, HARD, GOOD },
    { { 1.2931, 5.1122, 1 }, { 3.2494, 6.7405, 3 }, { 9.0341, 6.7289, 9 } } },
  { "/pyprep/fsrs/vector/good-good-again-good", 4,
    { GOOD, GOOD, AGAIN, GOOD },
    { { 2.3065, 2.1181, 2 }, { 10.9643, 2.1112, 11 }, { 1.5383, 7.3922, 2 },
      { 4.8763, 7.3801, 5 } } },
};

static void
test_vector (gconstpointer data)
{
  const Vector *vector = data;
  PyprepFsrsParams params;
  PyprepCardMemory card;
  gint64 now = T0;
  guint lapses = 0;

  fsrs_params_exact (&params);
  pyprep_card_memory_init (&card, T0);

  for (guint i = 0; i < vector->n_reviews; i++)
    {
      const Expected *expected = &vector->after[i];

      if (vector->ratings[i] == AGAIN && card.state == PYPREP_CARD_STATE_REVIEW)
        lapses++;

      review (&params, &card, vector->ratings[i], now);

      g_test_message ("review %u: S %.4f D %.4f, %d d", i + 1,
                      card.stability, card.difficulty, interval_days (&card));
      g_assert_cmpfloat_with_epsilon (card.stability, expected->stability, EPSILON);
      g_assert_cmpfloat_with_epsilon (card.difficulty, expected->difficulty, EPSILON);
      g_assert_cmpint (interval_days (&card), ==, expected->interval);
      /* With no steps every answer is scheduled by stability. */
      g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_REVIEW);
      g_assert_cmpint (card.step, ==, -1);
      g_assert_cmpuint (card.reps, ==, i + 1);
      g_assert_cmpuint (card.lapses, ==, lapses);

      now = card.due;
    }
}

/* The notes: S = 10, and t = 10, 5 and 30 days. */
static void
test_retrievability (void)
{
  PyprepFsrsParams params;
  PyprepCardMemory card = review_card (10, 5);
  PyprepCardMemory fresh;

  pyprep_fsrs_params_init (&params);

  g_assert_cmpfloat_with_epsilon (pyprep_fsrs_retrievability (&params, &card, T0 + 10 * DAY),
                                  0.9000, EPSILON);
  g_assert_cmpfloat_with_epsilon (pyprep_fsrs_retrievability (&params, &card, T0 + 5 * DAY),
                                  0.9403, EPSILON);
  g_assert_cmpfloat_with_epsilon (pyprep_fsrs_retrievability (&params, &card, T0 + 30 * DAY),
                                  0.8094, EPSILON);

  /* Whole days count, as in the scheduler: 10 days and 23 hours is 10 days. */
  g_assert_cmpfloat_with_epsilon (pyprep_fsrs_retrievability (&params, &card,
                                                              T0 + 10 * DAY + 23 * HOUR),
                                  0.9000, EPSILON);
  /* Just reviewed, or a clock gone backwards: certain recall. */
  g_assert_cmpfloat (pyprep_fsrs_retrievability (&params, &card, T0), ==, 1.0);
  g_assert_cmpfloat (pyprep_fsrs_retrievability (&params, &card, T0 - DAY), ==, 1.0);
  /* Retrievability falls with time. */
  g_assert_cmpfloat (pyprep_fsrs_retrievability (&params, &card, T0 + 100 * DAY), <, 0.8094);

  /* A card never reviewed has nothing to recall. */
  pyprep_card_memory_init (&fresh, T0);
  g_assert_cmpfloat (pyprep_fsrs_retrievability (&params, &fresh, T0 + DAY), ==, 0.0);
}

/* The notes: stability 100 d at retention 0.95, 0.97, 0.99 and 0.80. */
static void
test_retention_vectors (void)
{
  static const struct
  {
    double retention;
    int days;
  } cases[] = {
    { 0.90, 100 },  /* I = S at r = 0.9 */
    { 0.95, 40 },
    { 0.97, 22 },
    { 0.99, 7 },
    { 0.80, 332 },
  };
  PyprepFsrsParams params;

  pyprep_fsrs_params_init (&params);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (pyprep_fsrs_interval_days (&params, 100, cases[i].retention), ==,
                     cases[i].days);

  /* Rounded to whole days, at least 1. */
  g_assert_cmpint (pyprep_fsrs_interval_days (&params, 2.3065, 0.9), ==, 2);
  g_assert_cmpint (pyprep_fsrs_interval_days (&params, 0.212, 0.9), ==, 1);
}

/* Through the scheduler, at the setting's limits: a higher retention means
 * shorter intervals. S = 10, D = 5 recalled with Good 10 days later gives
 * S = 32.0267 (worked out by hand). */
static void
test_retention_direction (void)
{
  static const struct
  {
    double retention;
    int days;
  } cases[] = {
    { 0.80, 106 },
    { 0.90, 32 },
    { 0.97, 7 },
  };
  PyprepFsrsParams params;
  int previous = G_MAXINT;

  fsrs_params_exact (&params);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PyprepCardMemory card = review_card (10, 5);

      params.desired_retention = cases[i].retention;
      review (&params, &card, GOOD, T0 + 10 * DAY);
      g_assert_cmpfloat_with_epsilon (card.stability, 32.0267, EPSILON);
      g_assert_cmpint (interval_days (&card), ==, cases[i].days);
      g_assert_cmpint (interval_days (&card), <, previous);
      previous = interval_days (&card);
    }
}

/* Learning and relearning steps ---------------------------------------- */

static void
test_learning_steps (void)
{
  PyprepFsrsParams params;
  PyprepCardMemory card;
  PyprepCardMemory fresh;

  stepped_params (&params);
  pyprep_card_memory_init (&fresh, T0);
  g_assert_cmpint (fresh.state, ==, PYPREP_CARD_STATE_NEW);
  g_assert_cmpint (fresh.due, ==, T0);

  /* Again: the first step, 1 minute. */
  card = fresh;
  review (&params, &card, AGAIN, T0);
  g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_LEARNING);
  g_assert_cmpint (card.step, ==, 0);
  g_assert_cmpint (card.due, ==, T0 + MINUTE);
  g_assert_cmpfloat_with_epsilon (card.stability, 0.212, EPSILON);
  g_assert_cmpfloat_with_epsilon (card.difficulty, 6.4133, EPSILON);

  /* Hard on the first of two steps: halfway between them, 5.5 minutes. */
  card = fresh;
  review (&params, &card, HARD, T0);
  g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_LEARNING);
  g_assert_cmpint (card.step, ==, 0);
  g_assert_cmpint (card.due, ==, T0 + 330 * G_TIME_SPAN_SECOND);

  /* Easy graduates at once, by stability: 8 days. */
  card = fresh;
  review (&params, &card, EASY, T0);
  g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_REVIEW);
  g_assert_cmpint (card.step, ==, -1);
  g_assert_cmpint (card.due, ==, T0 + 8 * DAY);

  /* Good walks to the second step, 10 minutes... */
  card = fresh;
  review (&params, &card, GOOD, T0);
  g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_LEARNING);
  g_assert_cmpint (card.step, ==, 1);
  g_assert_cmpint (card.due, ==, T0 + 10 * MINUTE);
  g_assert_cmpfloat_with_epsilon (card.stability, 2.3065, EPSILON);
  g_assert_cmpfloat_with_epsilon (card.difficulty, 2.1181, EPSILON);

  {
    PyprepCardMemory second = card;

    /* ...where Hard stays on it for its 10 minutes... */
    review (&params, &second, HARD, T0 + 10 * MINUTE);
    g_assert_cmpint (second.state, ==, PYPREP_CARD_STATE_LEARNING);
    g_assert_cmpint (second.step, ==, 1);
    g_assert_cmpint (second.due, ==, T0 + 20 * MINUTE);

    /* ...and Again goes back to the first step. */
    second = card;
    review (&params, &second, AGAIN, T0 + 10 * MINUTE);
    g_assert_cmpint (second.state, ==, PYPREP_CARD_STATE_LEARNING);
    g_assert_cmpint (second.step, ==, 0);
    g_assert_cmpint (second.due, ==, T0 + 11 * MINUTE);
  }

  /* Good on the last step graduates. The same-day formula for Good would
   * shrink S (multiplier 0.99), so the floor of 1 keeps S = 2.3065; D
   * reverts a little towards D0(Easy), to 2.1112. */
  review (&params, &card, GOOD, T0 + 10 * MINUTE);
  g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_REVIEW);
  g_assert_cmpint (card.step, ==, -1);
  g_assert_cmpfloat_with_epsilon (card.stability, 2.3065, EPSILON);
  g_assert_cmpfloat_with_epsilon (card.difficulty, 2.1112, EPSILON);
  g_assert_cmpint (card.due, ==, T0 + 10 * MINUTE + 2 * DAY);
  g_assert_cmpuint (card.reps, ==, 2);
  g_assert_cmpuint (card.lapses, ==, 0);

  /* With a single step, Hard on it waits half as long again. */
  params.learning_steps[0] = 4 * MINUTE;
  params.n_learning_steps = 1;
  card = fresh;
  review (&params, &card, HARD, T0);
  g_assert_cmpint (card.due, ==, T0 + 6 * MINUTE);
  /* Good on the only step graduates. */
  card = fresh;
  review (&params, &card, GOOD, T0);
  g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_REVIEW);

  /* A card left on a step that no longer exists graduates on recall... */
  card = fresh;
  review (&params, &card, AGAIN, T0);
  card.step = 5;
  review (&params, &card, HARD, T0 + MINUTE);
  g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_REVIEW);
  /* ...and starts the steps again on Again. */
  card = fresh;
  review (&params, &card, AGAIN, T0);
  card.step = 5;
  review (&params, &card, AGAIN, T0 + MINUTE);
  g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_LEARNING);
  g_assert_cmpint (card.step, ==, 0);
  g_assert_cmpint (card.due, ==, T0 + 5 * MINUTE);
}

static void
test_relearning (void)
{
  PyprepFsrsParams params;
  PyprepCardMemory card = review_card (10, 5);
  PyprepCardMemory relearning;
  gint64 now = T0 + 10 * DAY;

  stepped_params (&params);

  /* Again on a Review card is a lapse: S from the forgetting formula,
   * 1.3920 (worked out by hand), D 8.3418, and the 10-minute relearning step. */
  review (&params, &card, AGAIN, now);
  g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_RELEARNING);
  g_assert_cmpint (card.step, ==, 0);
  g_assert_cmpuint (card.lapses, ==, 1);
  g_assert_cmpuint (card.reps, ==, 4);
  g_assert_cmpfloat_with_epsilon (card.stability, 1.3920, EPSILON);
  g_assert_cmpfloat_with_epsilon (card.difficulty, 8.3418, EPSILON);
  g_assert_cmpint (card.due, ==, now + 10 * MINUTE);
  relearning = card;

  /* Hard on the only relearning step: 15 minutes. */
  review (&params, &card, HARD, now + 10 * MINUTE);
  g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_RELEARNING);
  g_assert_cmpint (card.step, ==, 0);
  g_assert_cmpint (card.due, ==, now + 25 * MINUTE);

  /* Again while relearning: the step again, and no new lapse. */
  card = relearning;
  review (&params, &card, AGAIN, now + 10 * MINUTE);
  g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_RELEARNING);
  g_assert_cmpint (card.due, ==, now + 20 * MINUTE);
  g_assert_cmpuint (card.lapses, ==, 1);

  /* Good on the last relearning step graduates, same-day: S 1.4311,
   * one day. */
  card = relearning;
  review (&params, &card, GOOD, now + 10 * MINUTE);
  g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_REVIEW);
  g_assert_cmpint (card.step, ==, -1);
  g_assert_cmpfloat_with_epsilon (card.stability, 1.4311, EPSILON);
  g_assert_cmpint (card.due, ==, now + 10 * MINUTE + DAY);
  g_assert_cmpuint (card.lapses, ==, 1);

  /* Without relearning steps, a lapse stays in Review, scheduled by S. */
  params.n_relearning_steps = 0;
  card = review_card (10, 5);
  review (&params, &card, AGAIN, now);
  g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_REVIEW);
  g_assert_cmpuint (card.lapses, ==, 1);
  g_assert_cmpfloat_with_epsilon (card.stability, 1.3920, EPSILON);
  g_assert_cmpint (card.due, ==, now + DAY);
}

/* Reviews less than a day apart: S = 10, D = 5, reviewed again 2 hours
 * later. Expected values worked out by hand from the same-day formula. */
static void
test_same_day (void)
{
  static const struct
  {
    PyprepRating rating;
    double stability;
    double difficulty;
  } cases[] = {
    { AGAIN, 3.05125, 8.34176 },
    { HARD, 5.24907, 6.66600 },
    { GOOD, 10.0, 4.99023 },     /* the multiplier, 0.90, is raised to 1 */
    { EASY, 15.53431, 3.31446 },
  };
  PyprepFsrsParams params;

  fsrs_params_exact (&params);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PyprepCardMemory card = review_card (10, 5);

      review (&params, &card, cases[i].rating, T0 + 2 * HOUR);
      g_assert_cmpfloat_with_epsilon (card.stability, cases[i].stability, EPSILON);
      g_assert_cmpfloat_with_epsilon (card.difficulty, cases[i].difficulty, EPSILON);
    }

  /* 23 hours 59 minutes later is still the same day... */
  {
    PyprepCardMemory card = review_card (10, 5);

    review (&params, &card, GOOD, T0 + DAY - MINUTE);
    g_assert_cmpfloat_with_epsilon (card.stability, 10.0, EPSILON);
  }

  /* ...24 hours later is not: the recall formula makes S grow. */
  {
    PyprepCardMemory card = review_card (10, 5);

    review (&params, &card, GOOD, T0 + DAY);
    g_assert_cmpfloat (card.stability, >, 10.5);
  }

  /* A clock that went backwards counts as the same day. */
  {
    PyprepCardMemory card = review_card (10, 5);

    review (&params, &card, EASY, T0 - HOUR);
    g_assert_cmpfloat_with_epsilon (card.stability, 15.5343, EPSILON);
  }
}

static void
test_maximum_interval (void)
{
  static const int expected[] = { 2, 11, 46, 100, 100 };
  PyprepFsrsParams params;
  PyprepCardMemory card;
  gint64 now = T0;

  fsrs_params_exact (&params);
  params.maximum_interval = 100;
  pyprep_card_memory_init (&card, T0);

  /* Good x5 as in the notes, but 163 and 497 days are cut to 100. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      review (&params, &card, GOOD, now);
      g_assert_cmpint (interval_days (&card), ==, expected[i]);
      now = card.due;
    }
  g_assert_cmpfloat (card.stability, >, 100);

  g_assert_cmpint (pyprep_fsrs_interval_days (&params, 1000, 0.9), ==, 100);
  g_assert_cmpint (pyprep_fsrs_interval_days (&params, 100, 0.80), ==, 100);
  params.maximum_interval = 30;
  g_assert_cmpint (pyprep_fsrs_interval_days (&params, 100, 0.90), ==, 30);
}

/* Fuzz ------------------------------------------------------------------ */

/* The Good x5 vector: before each of its reviews, the card and the
 * unfuzzed interval that review gives, with the fuzz range the notes
 * define, worked out by hand: 2 d is not fuzzed; 11 d +-2.075;
 * 46 d +-4.275; 163 d +-10.1; 497 d +-26.825. */
static const struct
{
  int days;
  int low;
  int high;
} fuzz_ranges[] = {
  { 2, 2, 2 },
  { 11, 9, 13 },
  { 46, 42, 50 },
  { 163, 153, 173 },
  { 497, 470, 524 },
};

static void
test_fuzz (void)
{
  PyprepFsrsParams params;
  PyprepFsrsParams fuzzed;
  PyprepCardMemory card;
  gint64 now = T0;

  fsrs_params_exact (&params);
  pyprep_card_memory_init (&card, T0);

  for (guint i = 0; i < G_N_ELEMENTS (fuzz_ranges); i++)
    {
      PyprepCardMemory plain;
      gboolean seen_low = FALSE;
      gboolean seen_high = FALSE;
      guint n_distinct = 0;
      int counts[64] = { 0, };

      plain = card;
      review (&params, &plain, GOOD, now);
      g_assert_cmpint (interval_days (&plain), ==, fuzz_ranges[i].days);

      fuzzed = params;
      fuzzed.enable_fuzz = TRUE;
      for (guint32 seed = 0; seed < 1000; seed++)
        {
          PyprepCardMemory a;
          PyprepCardMemory b;
          int days;

          fuzzed.fuzz_seed = seed;
          a = card;
          b = card;
          review (&fuzzed, &a, GOOD, now);
          review (&fuzzed, &b, GOOD, now);

          /* Deterministic: the same seed and card give the same interval. */
          g_assert_cmpint (a.due, ==, b.due);
          /* Only the interval is fuzzed, never the memory. */
          g_assert_cmpfloat (a.stability, ==, plain.stability);
          g_assert_cmpfloat (a.difficulty, ==, plain.difficulty);

          days = interval_days (&a);
          g_assert_cmpint (days, >=, fuzz_ranges[i].low);
          g_assert_cmpint (days, <=, fuzz_ranges[i].high);
          seen_low |= days == fuzz_ranges[i].low;
          seen_high |= days == fuzz_ranges[i].high;
          if (counts[days - fuzz_ranges[i].low]++ == 0)
            n_distinct++;
        }

      /* A thousand seeds reach both ends and every day in between. */
      g_assert_true (seen_low);
      g_assert_true (seen_high);
      g_assert_cmpuint (n_distinct, ==, fuzz_ranges[i].high - fuzz_ranges[i].low + 1);

      card = plain;
      now = card.due;
    }

  /* Different cards with the same seed are spread too: the draw depends on
   * the card's history, not only on the seed. */
  {
    guint n_distinct = 0;
    int counts[64] = { 0, };

    fuzzed = params;
    fuzzed.enable_fuzz = TRUE;
    fuzzed.fuzz_seed = 42;
    for (guint i = 0; i < 200; i++)
      {
        PyprepCardMemory other = review_card (46, 2);
        int days;

        other.last_review = T0 + i * HOUR;
        other.due = other.last_review + 46 * DAY;
        review (&fuzzed, &other, GOOD, other.last_review + 46 * DAY);
        days = interval_days (&other);
        g_assert_cmpint (days, >=, 2);
        if (counts[MIN (days / 10, 63)]++ == 0)
          n_distinct++;
      }
    g_assert_cmpuint (n_distinct, >, 1);
  }

  /* Never above the maximum: 163 d is cut to 100 first, and fuzzing 100
   * (+-6.975) with a maximum of 100 gives 93 to 100 days. */
  fuzzed = params;
  fuzzed.enable_fuzz = TRUE;
  fuzzed.maximum_interval = 100;
  pyprep_card_memory_init (&card, T0);
  now = T0;
  for (guint i = 0; i < 3; i++)
    {
      review (&params, &card, GOOD, now);
      now = card.due;
    }
  {
    gboolean seen_maximum = FALSE;

    for (guint32 seed = 0; seed < 100; seed++)
      {
        PyprepCardMemory a = card;

        fuzzed.fuzz_seed = seed;
        review (&fuzzed, &a, GOOD, now);
        g_assert_cmpint (interval_days (&a), >=, 93);
        g_assert_cmpint (interval_days (&a), <=, 100);
        seen_maximum |= interval_days (&a) == 100;
      }
    g_assert_true (seen_maximum);
  }

  /* Steps are never fuzzed. */
  {
    PyprepFsrsParams stepped;
    PyprepCardMemory fresh;

    pyprep_fsrs_params_init (&stepped);
    g_assert_true (stepped.enable_fuzz);
    pyprep_card_memory_init (&fresh, T0);
    review (&stepped, &fresh, GOOD, T0);
    g_assert_cmpint (fresh.due, ==, T0 + 10 * MINUTE);
  }
}

/* Preview and formatting ---------------------------------------------- */

static void
test_preview (void)
{
  PyprepFsrsParams params;
  PyprepCardMemory card = review_card (46.2802, 2.1043);
  gint64 due[PYPREP_FSRS_N_RATINGS];
  gint64 now = T0 + 46 * DAY;

  pyprep_fsrs_params_init (&params);
  params.fuzz_seed = 7;

  pyprep_fsrs_preview (&params, &card, now, due);
  for (int rating = AGAIN; rating <= EASY; rating++)
    {
      PyprepCardMemory after;

      /* Pressing the button a minute after the preview gives the same
       * interval, fuzz included. */
      g_assert_true (pyprep_fsrs_review (&params, &card, rating, now + MINUTE, &after));
      g_assert_cmpint (after.due - (now + MINUTE), ==, due[rating - 1] - now);
    }

  /* Again: the relearning step; then Hard < Good < Easy. */
  g_assert_cmpint (due[AGAIN - 1], ==, now + 10 * MINUTE);
  g_assert_cmpint (due[HARD - 1], <, due[GOOD - 1]);
  g_assert_cmpint (due[GOOD - 1], <, due[EASY - 1]);

  /* The preview leaves the card alone. */
  g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_REVIEW);
  g_assert_cmpuint (card.reps, ==, 3);

  /* A new card with the default steps: 1 min, 5.5 min, 10 min, 8 days. */
  pyprep_card_memory_init (&card, T0);
  pyprep_fsrs_preview (&params, &card, T0, due);
  g_assert_cmpint (due[0], ==, T0 + MINUTE);
  g_assert_cmpint (due[1], ==, T0 + 330 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (due[2], ==, T0 + 10 * MINUTE);
  g_assert_cmpint (due[3], >=, T0 + 6 * DAY);
  g_assert_cmpint (due[3], <=, T0 + 10 * DAY);
}

static void
test_format (void)
{
  static const struct
  {
    GTimeSpan interval;
    const char *text;
  } cases[] = {
    { 0, "1 min" },
    { -HOUR, "1 min" },
    { 20 * G_TIME_SPAN_SECOND, "1 min" },
    { MINUTE, "1 min" },
    { 330 * G_TIME_SPAN_SECOND, "6 min" },
    { 10 * MINUTE, "10 min" },
    { 59 * MINUTE, "59 min" },
    { 59 * MINUTE + 40 * G_TIME_SPAN_SECOND, "1 h" },
    { 5 * HOUR, "5 h" },
    { 23 * HOUR + 40 * MINUTE, "1 d" },
    { DAY, "1 d" },
    { 11 * DAY, "11 d" },
    { 29 * DAY, "29 d" },
    { 30 * DAY, "1 mo" },
    { 91 * DAY, "3 mo" },
    { 364 * DAY, "12 mo" },
    { 365 * DAY, "1 y" },
    { 497 * DAY, "1 y" },
    { 36500 * DAY, "100 y" },
    { G_MAXINT64, "1000 y" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pyprep_fsrs_format_interval (cases[i].interval);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Invalid input --------------------------------------------------------- */

static int
good_interval_with (const PyprepFsrsParams *params)
{
  PyprepCardMemory card = review_card (10, 5);

  review (params, &card, GOOD, T0 + 10 * DAY);
  return interval_days (&card);
}

static void
test_invalid_params (void)
{
  PyprepFsrsParams params;
  PyprepFsrsParams bad;
  g_autoptr(GError) error = NULL;

  fsrs_params_exact (&params);
  g_assert_true (pyprep_fsrs_params_validate (&params, &error));
  g_assert_no_error (error);

  /* Retention: refused by validation, clamped by the scheduler. */
  bad = params;
  bad.desired_retention = 0.5;
  g_assert_false (pyprep_fsrs_params_validate (&bad, &error));
  g_assert_error (error, PYPREP_FSRS_ERROR, PYPREP_FSRS_ERROR_RETENTION);
  g_clear_error (&error);
  g_assert_cmpint (good_interval_with (&bad), ==, 106);   /* as at 0.80 */

  bad.desired_retention = 0.99;
  g_assert_false (pyprep_fsrs_params_validate (&bad, &error));
  g_assert_error (error, PYPREP_FSRS_ERROR, PYPREP_FSRS_ERROR_RETENTION);
  g_clear_error (&error);
  g_assert_cmpint (good_interval_with (&bad), ==, 7);     /* as at 0.97 */

  bad.desired_retention = 1.5;
  g_assert_cmpint (good_interval_with (&bad), ==, 7);

  bad.desired_retention = NAN;
  g_assert_false (pyprep_fsrs_params_validate (&bad, &error));
  g_assert_error (error, PYPREP_FSRS_ERROR, PYPREP_FSRS_ERROR_RETENTION);
  g_clear_error (&error);
  g_assert_cmpint (good_interval_with (&bad), ==, 32);    /* the default, 0.9 */

  /* The limits of the setting are valid. */
  bad.desired_retention = PYPREP_FSRS_MIN_RETENTION;
  g_assert_true (pyprep_fsrs_params_validate (&bad, NULL));
  bad.desired_retention = PYPREP_FSRS_MAX_RETENTION;
  g_assert_true (pyprep_fsrs_params_validate (&bad, NULL));

  /* The formula itself takes any retention, and stops at its limits. */
  g_assert_cmpint (pyprep_fsrs_interval_days (&params, 100, 1.0), ==, 1);
  g_assert_cmpint (pyprep_fsrs_interval_days (&params, 100, 0.0), ==, 36500);
  g_assert_cmpint (pyprep_fsrs_interval_days (&params, 100, -3), ==, 36500);
  g_assert_cmpint (pyprep_fsrs_interval_days (&params, 100, NAN), ==, 100);
  g_assert_cmpint (pyprep_fsrs_interval_days (&params, NAN, 0.9), ==, 1);
  g_assert_cmpint (pyprep_fsrs_interval_days (&params, -5, 0.9), ==, 1);
  g_assert_cmpint (pyprep_fsrs_interval_days (&params, INFINITY, 0.9), ==, 36500);

  /* Maximum interval: clamped into 1-36500 days. */
  bad = params;
  bad.maximum_interval = 0;
  g_assert_false (pyprep_fsrs_params_validate (&bad, &error));
  g_assert_error (error, PYPREP_FSRS_ERROR, PYPREP_FSRS_ERROR_MAXIMUM_INTERVAL);
  g_clear_error (&error);
  g_assert_cmpint (good_interval_with (&bad), ==, 1);
  bad.maximum_interval = G_MAXINT;
  g_assert_false (pyprep_fsrs_params_validate (&bad, NULL));
  g_assert_cmpint (pyprep_fsrs_interval_days (&bad, 1e9, 0.9), ==, 36500);

  /* Steps: too many are cut to the maximum, too short ones last a second. */
  bad = params;
  bad.n_learning_steps = 1000;
  g_assert_false (pyprep_fsrs_params_validate (&bad, &error));
  g_assert_error (error, PYPREP_FSRS_ERROR, PYPREP_FSRS_ERROR_STEPS);
  g_clear_error (&error);
  {
    PyprepCardMemory card;

    for (guint i = 0; i < PYPREP_FSRS_MAX_STEPS; i++)
      bad.learning_steps[i] = (i + 1) * MINUTE;
    pyprep_card_memory_init (&card, T0);
    for (guint i = 0; i < PYPREP_FSRS_MAX_STEPS - 1; i++)
      review (&bad, &card, GOOD, T0);
    g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_LEARNING);
    g_assert_cmpint (card.step, ==, PYPREP_FSRS_MAX_STEPS - 1);
    review (&bad, &card, GOOD, T0);
    g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_REVIEW);
  }
  bad = params;
  bad.relearning_steps[0] = -MINUTE;
  bad.n_relearning_steps = 1;
  g_assert_false (pyprep_fsrs_params_validate (&bad, &error));
  g_assert_error (error, PYPREP_FSRS_ERROR, PYPREP_FSRS_ERROR_STEPS);
  g_clear_error (&error);
  {
    PyprepCardMemory card = review_card (10, 5);

    review (&bad, &card, AGAIN, T0 + 10 * DAY);
    g_assert_cmpint (card.due, ==, T0 + 10 * DAY + G_TIME_SPAN_SECOND);
  }

  /* Weights: unusable ones are replaced by the defaults. */
  bad = params;
  bad.weights[8] = NAN;
  g_assert_false (pyprep_fsrs_params_validate (&bad, &error));
  g_assert_error (error, PYPREP_FSRS_ERROR, PYPREP_FSRS_ERROR_WEIGHTS);
  g_clear_error (&error);
  g_assert_cmpint (good_interval_with (&bad), ==, 32);
  bad = params;
  bad.weights[20] = 0;
  g_assert_false (pyprep_fsrs_params_validate (&bad, NULL));
  g_assert_cmpint (good_interval_with (&bad), ==, 32);
}

static void
assert_same_memory (const PyprepCardMemory *a,
                    const PyprepCardMemory *b)
{
  g_assert_cmpint (a->state, ==, b->state);
  g_assert_cmpint (a->step, ==, b->step);
  g_assert_cmpfloat (a->stability, ==, b->stability);
  g_assert_cmpfloat (a->difficulty, ==, b->difficulty);
  g_assert_cmpint (a->due, ==, b->due);
  g_assert_cmpint (a->last_review, ==, b->last_review);
  g_assert_cmpuint (a->reps, ==, b->reps);
  g_assert_cmpuint (a->lapses, ==, b->lapses);
}

static void
test_invalid_memory (void)
{
  PyprepFsrsParams params;
  PyprepCardMemory card = review_card (10, 5);
  PyprepCardMemory after;
  PyprepCardMemory fresh;

  fsrs_params_exact (&params);

  /* A rating out of range is refused and leaves the card as it was. */
  g_assert_false (pyprep_fsrs_review (&params, &card, 0, T0 + DAY, &after));
  assert_same_memory (&after, &card);
  g_assert_false (pyprep_fsrs_review (&params, &card, 5, T0 + DAY, &after));
  assert_same_memory (&after, &card);

  /* Memory with no usable stability or an unknown state is reviewed as a
   * new card, keeping its counters. */
  pyprep_card_memory_init (&fresh, T0);
  review (&params, &fresh, GOOD, T0 + DAY);

  card.stability = NAN;
  review (&params, &card, GOOD, T0 + DAY);
  g_assert_cmpfloat (card.stability, ==, fresh.stability);
  g_assert_cmpfloat (card.difficulty, ==, fresh.difficulty);
  g_assert_cmpuint (card.reps, ==, 4);

  card = review_card (-1, 5);
  review (&params, &card, GOOD, T0 + DAY);
  g_assert_cmpfloat (card.stability, ==, fresh.stability);

  card = review_card (10, INFINITY);
  review (&params, &card, GOOD, T0 + DAY);
  g_assert_cmpfloat (card.stability, ==, fresh.stability);

  card = review_card (10, 5);
  card.state = 42;
  review (&params, &card, GOOD, T0 + DAY);
  g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_REVIEW);
  g_assert_cmpfloat (card.stability, ==, fresh.stability);

  /* A difficulty out of range is clamped: 50 acts as 10. */
  {
    PyprepCardMemory ten = review_card (10, 10);

    card = review_card (10, 50);
    review (&params, &card, GOOD, T0 + 10 * DAY);
    review (&params, &ten, GOOD, T0 + 10 * DAY);
    g_assert_cmpfloat (card.stability, ==, ten.stability);
    g_assert_cmpfloat (card.difficulty, ==, ten.difficulty);
  }

  /* A negative step while learning counts as the first step. */
  stepped_params (&params);
  pyprep_card_memory_init (&card, T0);
  review (&params, &card, AGAIN, T0);
  card.step = -7;
  review (&params, &card, GOOD, T0 + MINUTE);
  g_assert_cmpint (card.step, ==, 1);

  /* Absurd times neither crash nor overflow. */
  card = review_card (10, 5);
  card.last_review = G_MININT64;
  review (&params, &card, GOOD, G_MAXINT64 - HOUR);
  g_assert_cmpint (card.due, ==, G_MAXINT64);
  g_assert_cmpint (card.state, ==, PYPREP_CARD_STATE_REVIEW);
  g_assert_true (isfinite (card.stability));
}

/* A new card's memory is made when it is first shown, so its due time is
 * the clock's; the interval a button shows must still be the one its press
 * gives, a moment later. */
static void
test_fuzz_new_card (void)
{
  PyprepFsrsParams params;

  pyprep_fsrs_params_init (&params);
  params.fuzz_seed = 7;
  for (gint64 offset = 1; offset <= 50; offset++)
    {
      gint64 shown = T0 + offset * 997 * G_USEC_PER_SEC;
      gint64 pressed = shown + 5 * G_USEC_PER_SEC;
      PyprepCardMemory at_show, at_press, after;
      gint64 due[PYPREP_FSRS_N_RATINGS];

      pyprep_card_memory_init (&at_show, shown);
      pyprep_card_memory_init (&at_press, pressed);
      pyprep_fsrs_preview (&params, &at_show, shown, due);
      g_assert_true (pyprep_fsrs_review (&params, &at_press, PYPREP_RATING_EASY, pressed, &after));
      g_assert_cmpint (after.due - pressed, ==, due[PYPREP_RATING_EASY - 1] - shown);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    g_test_add_data_func (vectors[i].path, &vectors[i], test_vector);

  g_test_add_func ("/pyprep/fsrs/retrievability", test_retrievability);
  g_test_add_func ("/pyprep/fsrs/retention/vectors", test_retention_vectors);
  g_test_add_func ("/pyprep/fsrs/retention/direction", test_retention_direction);
  g_test_add_func ("/pyprep/fsrs/learning-steps", test_learning_steps);
  g_test_add_func ("/pyprep/fsrs/relearning", test_relearning);
  g_test_add_func ("/pyprep/fsrs/same-day", test_same_day);
  g_test_add_func ("/pyprep/fsrs/maximum-interval", test_maximum_interval);
  g_test_add_func ("/pyprep/fsrs/fuzz", test_fuzz);
  g_test_add_func ("/pyprep/fsrs/preview", test_preview);
  g_test_add_func ("/pyprep/fsrs/format", test_format);
  g_test_add_func ("/pyprep/fsrs/fuzz/new-card", test_fuzz_new_card);
  g_test_add_func ("/pyprep/fsrs/invalid/params", test_invalid_params);
  g_test_add_func ("/pyprep/fsrs/invalid/memory", test_invalid_memory);

  return g_test_run ();
}
