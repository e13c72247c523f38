/* pyprep-review-private.h: what the review's files share: the review log and local days.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pyprep-review.c reads the log and answers; pyprep-review-queue.c counts
 * today's answers against the daily limits and pyprep-review-stats.c
 * counts them per day, both through these.
 */
#pragma once

#include "pyprep-review.h"
#include "pyprep-review-log.h"
#include "pyprep-time.h"

G_BEGIN_DECLS

G_END_DECLS
