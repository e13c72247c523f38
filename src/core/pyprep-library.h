/* pyprep-library.h: every open deck.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-deck.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_LIBRARY (pyprep_library_get_type ())

G_DECLARE_FINAL_TYPE (PyprepLibrary, pyprep_library, PYPREP, LIBRARY, GObject)

PyprepLibrary *pyprep_library_new           (void);
GListModel    *pyprep_library_get_decks     (PyprepLibrary *self);
void           pyprep_library_add_deck      (PyprepLibrary *self,
                                             PyprepDeck    *deck);
void           pyprep_library_remove_deck   (PyprepLibrary *self,
                                             PyprepDeck    *deck);
PyprepEntry   *pyprep_library_lookup_entry  (PyprepLibrary *self,
                                             const char    *id);
PyprepEntry   *pyprep_library_get_first_entry (PyprepLibrary *self);
gboolean       pyprep_library_get_loading   (PyprepLibrary *self);
void           pyprep_library_load_deck_async  (PyprepLibrary       *self,
                                                GFile               *folder,
                                                const char * const  *languages,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
PyprepDeck    *pyprep_library_load_deck_finish (PyprepLibrary       *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void           pyprep_library_preload_deck   (PyprepLibrary       *self,
                                              GFile               *folder,
                                              const char * const  *languages);
gboolean       pyprep_library_get_preloading (PyprepLibrary       *self);
PyprepDeck    *pyprep_library_join_preload   (PyprepLibrary       *self,
                                              GError             **error);

G_END_DECLS
