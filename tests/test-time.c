/* test-time.c: times in the user data: ISO text, UTC dates, local days, JSON members.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-time.h"

/* 2026-11-21 12:00:00 UTC */
#define NOON G_GINT64_CONSTANT (1795262400000000)
#define HOUR G_TIME_SPAN_HOUR
#define DAY G_TIME_SPAN_DAY

static const struct
{
  gint64 usec;
  const char *text;
} iso_cases[] = {
  { 0, "1970-01-01T00:00:00.000000Z" },
  { NOON, "2026-11-21T12:00:00.000000Z" },
  { NOON + 123456, "2026-11-21T12:00:00.123456Z" },
  /* Before the epoch the microseconds still count forward from a whole second. */
  { -1, "1969-12-31T23:59:59.999999Z" },
  { -G_USEC_PER_SEC / 2, "1969-12-31T23:59:59.500000Z" },
  { -G_USEC_PER_SEC, "1969-12-31T23:59:59.000000Z" },
};

static void
test_time_iso_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (iso_cases); i++)
    {
      g_autofree char *text = pyprep_format_time (iso_cases[i].usec);
      gint64 back = 42;

      g_assert_cmpstr (text, ==, iso_cases[i].text);
      g_assert_true (pyprep_parse_time (text, &back));
      g_assert_cmpint (back, ==, iso_cases[i].usec);
    }
}

static void
test_time_parse (void)
{
  gint64 usec = 42;

  /* Any offset is read as the same instant in UTC. */
  g_assert_true (pyprep_parse_time ("2026-11-21T20:00:00+08:00", &usec));
  g_assert_cmpint (usec, ==, NOON);
  g_assert_true (pyprep_parse_time ("2026-11-21T12:00:00Z", &usec));
  g_assert_cmpint (usec, ==, NOON);

  /* What is not a time leaves the value alone. */
  usec = 42;
  g_assert_false (pyprep_parse_time (NULL, &usec));
  g_assert_false (pyprep_parse_time ("", &usec));
  g_assert_false (pyprep_parse_time ("yesterday", &usec));
  g_assert_false (pyprep_parse_time ("2026-11-21", &usec));
  g_assert_false (pyprep_parse_time ("2026-13-01T00:00:00Z", &usec));
  g_assert_cmpint (usec, ==, 42);
}

/* Outside the years 1 to 9999 there is no text; nothing crashes. */
static void
test_time_out_of_range (void)
{
  g_autoptr(GDateTime) utc = pyprep_time_to_utc (G_MAXINT64);
  g_autoptr(GDateTime) local = pyprep_time_to_local (G_MININT64);
  g_autofree char *text = pyprep_format_time (G_MAXINT64);
  g_autofree char *date = pyprep_time_format_utc (G_MININT64, "%Y-%m-%d");

  g_assert_null (utc);
  g_assert_null (local);
  g_assert_null (text);
  g_assert_null (date);
  g_assert_cmpint (pyprep_time_local_day (G_MAXINT64), ==, 0);
}

/* The UTC date (backup names) changes exactly at midnight UTC, also just
 * before the epoch, where dividing toward zero once put the last half
 * second of 1969 on 1 January 1970. */
static void
test_time_utc_date (void)
{
  static const struct
  {
    gint64 usec;
    const char *date;
  } cases[] = {
    { NOON, "2026-11-21" },
    { NOON + 12 * HOUR - 1, "2026-11-21" },
    { NOON + 12 * HOUR, "2026-11-22" },
    { NOON - 12 * HOUR, "2026-11-21" },
    { NOON - 12 * HOUR - 1, "2026-11-20" },
    { 0, "1970-01-01" },
    { -1, "1969-12-31" },
    { -G_USEC_PER_SEC / 2, "1969-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = pyprep_time_format_utc (cases[i].usec, "%Y-%m-%d");

      g_assert_cmpstr (date, ==, cases[i].date);
    }
}

/* A zone without daylight saving time, eight hours ahead of UTC. */
static void
test_time_local_day_fixed_zone (void)
{
  /* Local midnight of 22 November is 16:00 UTC on the 21st. */
  gint64 midnight = NOON + 4 * HOUR;
  int day;

  g_setenv ("TZ", "CST-8", TRUE);
  day = pyprep_time_local_day (midnight);
  g_assert_cmpint (day, >, 0);
  g_assert_cmpint (pyprep_time_local_day (midnight - 1), ==, day - 1);
  g_assert_cmpint (pyprep_time_local_day (midnight + DAY - 1), ==, day);
  g_assert_cmpint (pyprep_time_local_day (midnight + DAY), ==, day + 1);
  /* Noon UTC is the evening of the 21st there, a day before midnight. */
  g_assert_cmpint (pyprep_time_local_day (NOON), ==, day - 1);
  /* Days subtract. */
  g_assert_cmpint (pyprep_time_local_day (midnight + 30 * DAY) - day, ==, 30);
  g_assert_cmpint (day - pyprep_time_local_day (midnight - 365 * DAY), ==, 365);
}

/* Central Europe: summer time from 29 March 2026 (a 23-hour day) to
 * 25 October 2026 (a 25-hour day). A day is from local midnight to local
 * midnight, whatever its length. */
static void
test_time_local_day_dst (void)
{
  /* Local midnights: 29 March at 23:00 UTC on the 28th, 30 March at 22:00 UTC. */
  gint64 march_29 = G_GINT64_CONSTANT (1774738800) * G_USEC_PER_SEC;
  gint64 march_30 = march_29 + 23 * HOUR;
  /* 25 October at 22:00 UTC on the 24th, 26 October at 23:00 UTC on the 25th. */
  gint64 october_25 = G_GINT64_CONSTANT (1792879200) * G_USEC_PER_SEC;
  gint64 october_26 = october_25 + 25 * HOUR;
  int day;

  g_setenv ("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", TRUE);
  day = pyprep_time_local_day (march_29);
  g_assert_cmpint (pyprep_time_local_day (march_29 - 1), ==, day - 1);
  g_assert_cmpint (pyprep_time_local_day (march_30 - 1), ==, day);
  g_assert_cmpint (pyprep_time_local_day (march_30), ==, day + 1);

  day = pyprep_time_local_day (october_25);
  g_assert_cmpint (pyprep_time_local_day (october_25 - 1), ==, day - 1);
  g_assert_cmpint (pyprep_time_local_day (october_26 - 1), ==, day);
  g_assert_cmpint (pyprep_time_local_day (october_26), ==, day + 1);
  /* 24 hours after the start of the long day is still that day. */
  g_assert_cmpint (pyprep_time_local_day (october_25 + DAY), ==, day);
}

static void
test_time_members (void)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  gint64 usec = 42;

  pyprep_time_set_member (object, "created", NOON + 5);
  pyprep_time_set_member (object, "epoch", 0);
  pyprep_time_set_member (object, "never", G_MAXINT64);
  json_object_set_int_member (object, "number", 5);
  json_object_set_object_member (object, "object", json_object_new ());
  json_object_set_string_member (object, "text", "soon");

  node = json_node_init_object (json_node_alloc (), object);
  json = json_to_string (node, FALSE);
  g_assert_cmpstr (json, ==, "{\"created\":\"2026-11-21T12:00:00.000005Z\","
                             "\"epoch\":\"1970-01-01T00:00:00.000000Z\",\"never\":null,"
                             "\"number\":5,\"object\":{},\"text\":\"soon\"}");

  g_assert_true (pyprep_time_get_member (object, "created", &usec));
  g_assert_cmpint (usec, ==, NOON + 5);
  g_assert_true (pyprep_time_get_member (object, "epoch", &usec));
  g_assert_cmpint (usec, ==, 0);

  /* Anything else is no time, without a warning, and leaves the value alone. */
  usec = 42;
  g_assert_false (pyprep_time_get_member (object, "never", &usec));
  g_assert_false (pyprep_time_get_member (object, "number", &usec));
  g_assert_false (pyprep_time_get_member (object, "object", &usec));
  g_assert_false (pyprep_time_get_member (object, "text", &usec));
  g_assert_false (pyprep_time_get_member (object, "missing", &usec));
  g_assert_cmpint (usec, ==, 42);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/time/iso-round-trip", test_time_iso_round_trip);
  g_test_add_func ("/pyprep/time/parse", test_time_parse);
  g_test_add_func ("/pyprep/time/out-of-range", test_time_out_of_range);
  g_test_add_func ("/pyprep/time/utc-date", test_time_utc_date);
  g_test_add_func ("/pyprep/time/local-day-fixed-zone", test_time_local_day_fixed_zone);
  g_test_add_func ("/pyprep/time/local-day-dst", test_time_local_day_dst);
  g_test_add_func ("/pyprep/time/members", test_time_members);

  return g_test_run ();
}
