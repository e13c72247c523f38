/* pyprep-hlc.c: hybrid logical clocks: a total order of changes across devices.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change to a synced record carries a stamp of a hybrid logical
 * clock: the wall time in microseconds, a counter that orders changes made
 * within one microsecond (or while the wall clock stands behind a stamp
 * seen from another device), and the ID of the device that made it. A
 * device's clock never goes back, and it moves past every stamp it reads,
 * so a change made after seeing another always gets the larger stamp, even
 * when the two machines' clocks disagree.
 *
 * A stamp is text, `WWWWWWWWWWWWWWWW-CCCCCCCC-DEVICE`: the wall time and
 * the counter in fixed-width lower-case hex, then the device ID. Comparing
 * two stamps as byte strings compares wall time, then counter, then
 * device: a total order, the same on every machine.
 */
#include "config.h"

#include <string.h>

#include "pyprep-hlc.h"

struct _PyprepHlc
{
  char *device;
  gint64 wall;
  guint32 counter;
};

/**
 * pyprep_hlc_new:
 * @device_id: the ID of this device, which ends every stamp it makes
 *
 * Returns: (transfer full): a clock that has seen nothing yet
 */
PyprepHlc *
pyprep_hlc_new (const char *device_id)
{
  PyprepHlc *self;

  g_return_val_if_fail (device_id != NULL, NULL);

  self = g_new0 (PyprepHlc, 1);
  self->device = g_strdup (device_id);
  return self;
}

void
pyprep_hlc_free (PyprepHlc *self)
{
  if (self == NULL)
    return;
  g_free (self->device);
  g_free (self);
}

/**
 * pyprep_hlc_get_device:
 *
 * Returns: the device ID of the clock's stamps
 */
const char *
pyprep_hlc_get_device (PyprepHlc *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->device;
}

/**
 * pyprep_hlc_tick:
 * @now: the wall clock, in microseconds since the epoch
 *
 * Returns: (transfer full): a stamp larger than every stamp this clock
 *   made or observed before
 */
char *
pyprep_hlc_tick (PyprepHlc *self,
                 gint64     now)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (now > self->wall)
    {
      self->wall = now;
      self->counter = 0;
    }
  else if (self->counter == G_MAXUINT32)
    {
      /* Four billion changes in one microsecond: borrow the next one. */
      self->wall++;
      self->counter = 0;
    }
  else
    self->counter++;

  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x-%08x-%s",
                          MAX (self->wall, 0), self->counter, self->device);
}

/**
 * pyprep_hlc_parse:
 * @stamp: a stamp
 * @wall: (out) (optional): its wall time
 * @counter: (out) (optional): its counter
 *
 * Returns: whether @stamp has the form pyprep_hlc_tick() gives
 */
gboolean
pyprep_hlc_parse (const char *stamp,
                  gint64     *wall,
                  guint32    *counter)
{
  gint64 w = 0;
  guint32 c = 0;

  if (stamp == NULL || strlen (stamp) < PYPREP_HLC_PREFIX_LENGTH
      || stamp[16] != '-' || stamp[25] != '-')
    return FALSE;
  for (guint i = 0; i < 25; i++)
    {
      int digit;

      if (i == 16)
        continue;
      digit = g_ascii_xdigit_value (stamp[i]);
      if (digit < 0 || g_ascii_isupper (stamp[i]))
        return FALSE;
      if (i < 16)
        w = (w << 4) | digit;
      else
        c = (c << 4) | (guint32) digit;
    }
  if (w < 0)
    return FALSE;
  if (wall != NULL)
    *wall = w;
  if (counter != NULL)
    *counter = c;
  return TRUE;
}

/**
 * pyprep_hlc_observe:
 * @stamp: (nullable): a stamp read from another device or process
 *
 * Moves the clock past @stamp, so that the next tick orders after it. A
 * stamp that does not parse is ignored.
 */
void
pyprep_hlc_observe (PyprepHlc  *self,
                    const char *stamp)
{
  gint64 wall;
  guint32 counter;

  g_return_if_fail (self != NULL);

  if (!pyprep_hlc_parse (stamp, &wall, &counter))
    return;
  if (wall > self->wall || (wall == self->wall && counter > self->counter))
    {
      self->wall = wall;
      self->counter = counter;
    }
}

/**
 * pyprep_hlc_compare:
 * @a: (nullable): a stamp, or %NULL for a record that has none (written
 *   before clocks), which is older than any
 * @b: (nullable): another
 *
 * Returns: less than, equal to or greater than 0 as @a orders before, with
 *   or after @b
 */
int
pyprep_hlc_compare (const char *a,
                    const char *b)
{
  int c = g_strcmp0 (a, b);

  return (c > 0) - (c < 0);
}
