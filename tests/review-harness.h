/* review-harness.h: a sample deck, a store on a fixed clock and review log helpers for the review tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs in the time zone CST-8 (China, no daylight saving), at
 * 2026-11-21 12:00 UTC, which is 20:00 local: the local day began at
 * 2026-11-20 16:00 UTC and ends at 2026-11-21 16:00 UTC.
 */
#pragma once

#include "core-harness.h"
#include "pyprep-deck.h"
#include "pyprep-library.h"
#include "pyprep-review.h"

#define DAY G_TIME_SPAN_DAY
#define HOUR G_TIME_SPAN_HOUR
#define MINUTE G_TIME_SPAN_MINUTE
/* 2026-11-21 12:00:00 UTC */
#define NOW (G_GINT64_CONSTANT (1795262400) * G_USEC_PER_SEC)

/* The sample deck "sample": topic a has entries a1..a4, topic b has
 * b1..b3; each entry has one recall card, and a1 has a question too
 * (sample/a/a1#q). */
typedef struct
{
  char *dir;
  char *log_path;
  PyprepDeck *deck;
  PyprepLibrary *library;
  GListModel *entries;
  PyprepStore *store;
  PyprepFsrsParams params;
  gint64 now;
} Fixture;

typedef void (*ReviewTest) (Fixture       *f,
                            gconstpointer  data);

void         review_test_init    (int         *argc,
                                  char      ***argv);
void         review_test_add     (const char  *path,
                                  ReviewTest   test);
void         fixture_set_up      (Fixture       *f,
                                  gconstpointer  data);
void         fixture_tear_down   (Fixture       *f,
                                  gconstpointer  data);
PyprepDeck  *load_deck           (const char *dir);
char        *iso                 (gint64      usec);
void         set_review_card     (Fixture    *f,
                                  const char *card_id,
                                  double      s,
                                  double      elapsed,
                                  gint64      due);
void         append_log          (Fixture    *f,
                                  const char *text);
void         append_answer       (Fixture    *f,
                                  const char *id,
                                  const char *card,
                                  int         rating,
                                  gint64      time,
                                  const char *state_before,
                                  gboolean    practice);
char       **read_log_lines      (Fixture    *f);
char        *queue_to_string     (GPtrArray  *queue);
