/* pyprep-trace.h: marks on the timeline of a run, for the benchmark and traces.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PYPREP_TRACE_ENV "PYPREP_TRACE_FILE"

gboolean pyprep_trace_enabled (void);
void     pyprep_trace_mark    (const char *name,
                               const char *detail);
void     pyprep_trace_flush   (void);

G_END_DECLS
