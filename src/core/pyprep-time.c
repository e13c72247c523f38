/* pyprep-time.c: times in the user data: ISO 8601 text, calendar days, JSON members.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every time Pyprep keeps is a count of microseconds since the epoch (UTC),
 * the unit of g_get_real_time(). It is written as ISO 8601 text in UTC with
 * microseconds. Calendar days come in two kinds: daily limits and
 * statistics count the user's local days, while the names of daily backups
 * use the UTC date, so a file's name never depends on the time zone it was
 * written in.
 *
 * One conversion serves every use: whole seconds rounded down (toward the
 * past, also before 1970) plus the microseconds left over. Rounding toward
 * zero instead, as GLib's integer division does, would put half a second
 * before the epoch on 1 January 1970.
 */
#include "config.h"

#include "pyprep-time.h"

#include "pyprep-json.h"

static GDateTime *
to_date_time (gint64   usec,
              gboolean local)
{
  gint64 seconds = usec / G_USEC_PER_SEC;
  gint64 rest = usec % G_USEC_PER_SEC;
  g_autoptr(GDateTime) whole = NULL;

  if (rest < 0)
    {
      seconds--;
      rest += G_USEC_PER_SEC;
    }
  whole = local ? g_date_time_new_from_unix_local (seconds) : g_date_time_new_from_unix_utc (seconds);
  if (whole == NULL)
    return NULL;
  return g_date_time_add (whole, rest);
}

/**
 * pyprep_time_to_utc:
 * @usec: microseconds since the epoch
 *
 * Returns: (transfer full) (nullable): @usec in UTC, or %NULL when it is
 *   outside the years 1 to 9999
 */
GDateTime *
pyprep_time_to_utc (gint64 usec)
{
  return to_date_time (usec, FALSE);
}

/**
 * pyprep_time_to_local:
 * @usec: microseconds since the epoch
 *
 * Returns: (transfer full) (nullable): @usec in the local time zone, or
 *   %NULL when it is outside the years 1 to 9999
 */
GDateTime *
pyprep_time_to_local (gint64 usec)
{
  return to_date_time (usec, TRUE);
}

/**
 * pyprep_time_format_utc:
 * @usec: microseconds since the epoch
 * @format: a g_date_time_format() format
 *
 * Returns: (transfer full) (nullable): @usec in UTC as @format says, or
 *   %NULL when it cannot be represented
 */
char *
pyprep_time_format_utc (gint64      usec,
                        const char *format)
{
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (format != NULL, NULL);

  time = pyprep_time_to_utc (usec);
  return time != NULL ? g_date_time_format (time, format) : NULL;
}

/**
 * pyprep_format_time:
 * @usec: microseconds since the epoch
 *
 * Returns: (transfer full) (nullable): @usec as ISO 8601 in UTC with
 *   microseconds, the form of every time in the user data, or %NULL when
 *   it cannot be represented
 */
char *
pyprep_format_time (gint64 usec)
{
  return pyprep_time_format_utc (usec, "%Y-%m-%dT%H:%M:%S.%fZ");
}

/**
 * pyprep_parse_time:
 * @text: (nullable): an ISO 8601 time
 * @usec: (out): microseconds since the epoch
 *
 * Returns: %TRUE when @text is a time; @usec is left alone otherwise
 */
gboolean
pyprep_parse_time (const char *text,
                   gint64     *usec)
{
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (usec != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    return FALSE;

  *usec = g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
  return TRUE;
}

/**
 * pyprep_time_local_day:
 * @usec: microseconds since the epoch
 *
 * The local calendar day of @usec as a Julian day number, so "today" and
 * "N days ago" follow the user's clock and survive changes of daylight
 * saving time: subtracting two days gives the days between them.
 *
 * Returns: the day, or 0 when @usec cannot be represented
 */
int
pyprep_time_local_day (gint64 usec)
{
  g_autoptr(GDateTime) time = pyprep_time_to_local (usec);
  GDate date;
  int year, month, day;

  if (time == NULL)
    return 0;
  g_date_time_get_ymd (time, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_valid (&date) ? (int) g_date_get_julian (&date) : 0;
}

/**
 * pyprep_time_get_member:
 * @object: a JSON object
 * @name: the member holding a time
 * @usec: (out): the time, in microseconds since the epoch
 *
 * Reads a time written by pyprep_time_set_member(). A missing member or
 * one that is not a string holding an ISO 8601 time is no time: files
 * come from disk and may hold anything.
 *
 * Returns: %TRUE when @name holds a time; @usec is left alone otherwise
 */
gboolean
pyprep_time_get_member (JsonObject *object,
                        const char *name,
                        gint64     *usec)
{
  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (usec != NULL, FALSE);

  return pyprep_parse_time (pyprep_json_get_string (object, name), usec);
}

/**
 * pyprep_time_set_member:
 * @object: a JSON object
 * @name: the member to set
 * @usec: microseconds since the epoch
 *
 * Sets @name to @usec as pyprep_format_time() writes it, or to null when
 * @usec cannot be represented.
 */
void
pyprep_time_set_member (JsonObject *object,
                        const char *name,
                        gint64      usec)
{
  g_autofree char *text = NULL;

  g_return_if_fail (object != NULL);
  g_return_if_fail (name != NULL);

  text = pyprep_format_time (usec);
  if (text != NULL)
    json_object_set_string_member (object, name, text);
  else
    json_object_set_null_member (object, name);
}
