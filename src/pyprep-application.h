/* pyprep-application.h: the application: decks, windows and app-wide actions.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-library.h"
#include "pyprep-store.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_APPLICATION (pyprep_application_get_type ())

/* Changed notes are reloaded this long after the last change. */
#define PYPREP_RELOAD_DELAY_MS 500

G_DECLARE_FINAL_TYPE (PyprepApplication, pyprep_application, PYPREP, APPLICATION, AdwApplication)

PyprepApplication *pyprep_application_new             (void);
PyprepLibrary     *pyprep_application_get_library     (PyprepApplication *self);
PyprepStore       *pyprep_application_get_store       (PyprepApplication *self);
void               pyprep_application_set_deck_folder (PyprepApplication *self,
                                                       GFile             *folder);
void               pyprep_application_open_folder     (PyprepApplication *self,
                                                       GFile             *folder,
                                                       const char        *show_file);

G_END_DECLS
