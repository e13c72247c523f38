/* pyprep-bench.h: hooks for the benchmark, idle unless its variables are set.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-window.h"

G_BEGIN_DECLS

void pyprep_bench_attach (PyprepWindow *window);

G_END_DECLS
