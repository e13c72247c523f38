/* pyprep-cli.h: `pyprep --check`, `--list` and `--export-anki`, without a display.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int pyprep_cli_check (GFile              *folder,
                      const char * const *languages,
                      GString            *out);
int pyprep_cli_list  (GFile              *folder,
                      const char * const *languages,
                      gboolean            json,
                      GString            *out,
                      GString            *err);
int pyprep_cli_export_anki (GFile              *folder,
                            const char * const *languages,
                            GFile              *target,
                            GString            *out,
                            GString            *err);
int pyprep_cli_main  (int                 argc,
                      char              **argv);

G_END_DECLS
