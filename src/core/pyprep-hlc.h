/* pyprep-hlc.h: hybrid logical clocks: a total order of changes across devices.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The length of a stamp's fixed part: 16 hex digits of wall time, a dash,
 * 8 hex digits of counter, a dash; the device ID follows. */
#define PYPREP_HLC_PREFIX_LENGTH 26

typedef struct _PyprepHlc PyprepHlc;

PyprepHlc  *pyprep_hlc_new         (const char  *device_id);
void        pyprep_hlc_free        (PyprepHlc   *self);
const char *pyprep_hlc_get_device  (PyprepHlc   *self);
char       *pyprep_hlc_tick        (PyprepHlc   *self,
                                    gint64       now);
void        pyprep_hlc_observe     (PyprepHlc   *self,
                                    const char  *stamp);
int         pyprep_hlc_compare     (const char  *a,
                                    const char  *b);
gboolean    pyprep_hlc_parse       (const char  *stamp,
                                    gint64      *wall,
                                    guint32     *counter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepHlc, pyprep_hlc_free)

G_END_DECLS
