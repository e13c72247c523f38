/* pyprep-anki.h: a deck's cards as a text file that Anki imports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-deck.h"

G_BEGIN_DECLS

char *pyprep_anki_export (PyprepDeck *deck,
                          guint      *n_notes);

G_END_DECLS
