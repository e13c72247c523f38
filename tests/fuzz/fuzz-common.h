/* fuzz-common.h: helpers shared by the fuzz targets: a scratch folder per process, input splitting.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

G_BEGIN_DECLS

/* Inputs made of several files separate them with this line. */
#define PYPREP_FUZZ_SEPARATOR "\n--8<--\n"

int         LLVMFuzzerTestOneInput     (const uint8_t *data,
                                        size_t         size);

GPtrArray  *pyprep_fuzz_split          (const uint8_t *data,
                                        size_t         size,
                                        guint          max_parts);
const char *pyprep_fuzz_scratch        (void);
void        pyprep_fuzz_write          (const char    *relative,
                                        GBytes        *contents);
void        pyprep_fuzz_clear          (void);
void        pyprep_fuzz_check_deck     (gpointer       deck);

G_END_DECLS
