/* test-store-interview.c: the interview date, topics and target survive save and load, export and import.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-store-interview.h"
#include "store-harness.h"

static void
set_date (PyprepStore *store,
          int          year,
          int          month,
          int          day,
          const char * const *topics,
          double       target)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  pyprep_store_set_interview (store, &date, topics, target);
}

static void
assert_date (PyprepStore *store,
             int          year,
             int          month,
             int          day)
{
  GDate date;

  g_assert_true (pyprep_store_get_interview_date (store, &date));
  g_assert_cmpint (g_date_get_year (&date), ==, year);
  g_assert_cmpint (g_date_get_month (&date), ==, month);
  g_assert_cmpint (g_date_get_day (&date), ==, day);
}

/* A fresh store has no date and the default target. */
static void
test_store_interview_none (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(PyprepStore) store = open_store (f);
  g_auto(GStrv) topics = pyprep_store_dup_interview_topics (store);

  g_assert_false (pyprep_store_get_interview_date (store, NULL));
  g_assert_cmpint (pyprep_store_get_interview_start (store), ==, 0);
  g_assert_cmpfloat (pyprep_store_get_interview_target (store), ==, PYPREP_INTERVIEW_DEFAULT_TARGET);
  g_assert_false (pyprep_store_has_interview_target (store));
  g_assert_cmpuint (g_strv_length (topics), ==, 0);
}

/* Set, saved, loaded by another store; then cleared, which also lasts. */
static void
test_store_interview_save_load (Fixture       *f,
                                gconstpointer  data)
{
  const char * const topics[] = { "pyprep/os", "other-deck", NULL };
  g_autoptr(PyprepStore) store = open_store (f);
  g_autoptr(PyprepStore) again = NULL;
  g_autoptr(PyprepStore) third = NULL;
  g_auto(GStrv) read = NULL;
  GDate date;

  set_date (store, 2026, 12, 20, topics, 0.85);
  flush (store);

  again = open_store (f);
  assert_date (again, 2026, 12, 20);
  g_assert_cmpfloat_with_epsilon (pyprep_store_get_interview_target (again), 0.85, 1e-9);
  read = pyprep_store_dup_interview_topics (again);
  g_assert_true (g_strv_equal ((const char * const *) read, topics));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 20, 12, 2026);
  g_assert_cmpint (pyprep_store_get_interview_start (again), ==, pyprep_interview_date_to_start (&date));

  pyprep_store_set_interview (again, NULL, NULL, 0.85);
  flush (again);
  third = open_store (f);
  g_assert_false (pyprep_store_get_interview_date (third, NULL));
  /* The target stays the user's choice for the next date. */
  g_assert_true (pyprep_store_has_interview_target (third));
  g_assert_cmpfloat_with_epsilon (pyprep_store_get_interview_target (third), 0.85, 1e-9);
}

/* An export carries the interview; importing it brings it in where it is
 * newer, and an older one never replaces a newer change (a clear included). */
static void
test_store_interview_export_import (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(PyprepStore) store = open_store (f);
  g_autofree char *other_dir = g_build_filename (f->dir, "other", NULL);
  g_autoptr(GFile) other_folder = g_file_new_for_path (other_dir);
  g_autoptr(PyprepStore) other = NULL;
  g_autofree char *export_path = g_build_filename (f->dir, "export.json", NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autoptr(GError) error = NULL;
  PyprepImportSummary summary;

  set_date (store, 2027, 1, 15, NULL, 0.95);
  g_assert_true (pyprep_store_export (store, export_file, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir_with_parents (other_dir, 0700), ==, 0);
  other = pyprep_store_new (other_folder);
  pyprep_store_set_clock (other, fixture_clock, f);
  g_assert_true (pyprep_store_load (other, &error));
  g_assert_true (pyprep_store_import (other, export_file, &summary, &error));
  g_assert_no_error (error);
  g_assert_true (summary.interview_updated);
  assert_date (other, 2027, 1, 15);
  g_assert_cmpfloat_with_epsilon (pyprep_store_get_interview_target (other), 0.95, 1e-9);

  /* Cleared later here: the older export does not bring it back. */
  f->now += G_TIME_SPAN_HOUR;
  pyprep_store_set_interview (other, NULL, NULL, 0.95);
  g_assert_true (pyprep_store_import (other, export_file, &summary, &error));
  g_assert_false (summary.interview_updated);
  g_assert_false (pyprep_store_get_interview_date (other, NULL));

  /* A newer date there comes in. */
  f->now += G_TIME_SPAN_HOUR;
  set_date (store, 2027, 2, 1, NULL, 0.9);
  g_assert_true (pyprep_store_export (store, export_file, &error));
  g_assert_true (pyprep_store_import (other, export_file, &summary, &error));
  g_assert_true (summary.interview_updated);
  assert_date (other, 2027, 2, 1);
  flush (other);
}

/* A malformed member makes the file invalid, as any damaged record does. */
static void
test_store_interview_malformed (Fixture       *f,
                                gconstpointer  data)
{
  static const char * const documents[] = {
    "{\"schema_version\": 1, \"interview\": []}",
    "{\"schema_version\": 1, \"interview\": {\"date\": \"2026-02-30\"}}",
    "{\"schema_version\": 1, \"interview\": {\"date\": \"20261220\"}}",
    "{\"schema_version\": 1, \"interview\": {\"date\": \"2026-12-20\", \"topics\": \"os\"}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(PyprepStore) store = NULL;

      /* Each damaged file is set aside under its own time. */
      f->now += G_TIME_SPAN_MINUTE;
      write_data (f, documents[i], -1);
      store = open_store (f);
      /* Set aside as damaged: the store starts empty. */
      g_assert_nonnull (pyprep_store_get_recovery_message (store));
      g_assert_false (pyprep_store_get_interview_date (store, NULL));
    }
}

static void
test_store_interview_covers (void)
{
  const char * const topics[] = { "pyprep/os", "mine", NULL };
  const char * const none[] = { NULL };

  g_assert_true (pyprep_interview_covers (NULL, "pyprep", "pyprep/misc"));
  g_assert_true (pyprep_interview_covers (none, "pyprep", "pyprep/misc"));
  g_assert_true (pyprep_interview_covers (topics, "pyprep", "pyprep/os"));
  g_assert_true (pyprep_interview_covers (topics, "mine", "mine/a"));
  g_assert_false (pyprep_interview_covers (topics, "pyprep", "pyprep/misc"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pyprep/store-interview/none", Fixture, NULL, fixture_set_up,
              test_store_interview_none, fixture_tear_down);
  g_test_add ("/pyprep/store-interview/save-load", Fixture, NULL, fixture_set_up,
              test_store_interview_save_load, fixture_tear_down);
  g_test_add ("/pyprep/store-interview/export-import", Fixture, NULL, fixture_set_up,
              test_store_interview_export_import, fixture_tear_down);
  g_test_add ("/pyprep/store-interview/malformed", Fixture, NULL, fixture_set_up,
              test_store_interview_malformed, fixture_tear_down);
  g_test_add_func ("/pyprep/store-interview/covers", test_store_interview_covers);

  return g_test_run ();
}
