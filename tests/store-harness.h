/* store-harness.h: a store in a fresh folder on a fixed clock, for the store's tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-store.h"

G_BEGIN_DECLS

/* 2026-11-21 12:00:00 UTC */
#define STORE_TEST_NOW (G_GINT64_CONSTANT (1795262400) * G_USEC_PER_SEC)

typedef struct
{
  char *dir;                   /* the data folder, fresh for each test */
  char *path;                  /* its user-data.json */
  GFile *folder;
  gint64 now;                  /* the stores' clock */
} Fixture;

gint64       fixture_clock     (gpointer       user_data);
void         fixture_set_up    (Fixture       *f,
                                gconstpointer  data);
void         fixture_tear_down (Fixture       *f,
                                gconstpointer  data);
PyprepStore *open_store        (Fixture       *f);
void         write_data        (Fixture       *f,
                                const char    *data,
                                gssize         length);
char        *read_data         (const char    *path);
void         flush             (PyprepStore   *store);

G_END_DECLS
