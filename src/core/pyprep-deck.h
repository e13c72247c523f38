/* pyprep-deck.h: a deck, loaded from a folder with a deck.json manifest.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-language.h"
#include "pyprep-problems.h"
#include "pyprep-topic.h"

G_BEGIN_DECLS

/* The deck that comes with Pyprep, compiled into the program. */
#define PYPREP_BUNDLED_DECK_URI "resource:///io/github/pyprep/Pyprep/deck"

#define PYPREP_TYPE_DECK (pyprep_deck_get_type ())

G_DECLARE_FINAL_TYPE (PyprepDeck, pyprep_deck, PYPREP, DECK, GObject)

/**
 * PyprepEntryFunc:
 * @topic: the topic holding @entry
 * @entry: an entry
 * @user_data: the data given with the function
 *
 * Called for each entry in turn by pyprep_deck_foreach_entry().
 *
 * Returns: %TRUE to stop at @entry, %FALSE to go on
 */
typedef gboolean (*PyprepEntryFunc) (PyprepTopic *topic,
                                     PyprepEntry *entry,
                                     gpointer     user_data);

PyprepDeck  *pyprep_deck_load          (GFile               *folder,
                                        const char * const  *languages,
                                        GCancellable        *cancellable,
                                        GError             **error);
void         pyprep_deck_load_async    (GFile               *folder,
                                        const char * const  *languages,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
PyprepDeck  *pyprep_deck_load_finish   (GAsyncResult        *result,
                                        GError             **error);

const char  *pyprep_deck_get_id        (PyprepDeck *self);
const char  *pyprep_deck_get_title     (PyprepDeck *self);
const char  *pyprep_deck_get_language  (PyprepDeck *self);
const char * const *pyprep_deck_get_languages (PyprepDeck *self);
GFile       *pyprep_deck_get_folder    (PyprepDeck *self);
GPtrArray   *pyprep_deck_get_folders   (PyprepDeck *self);
const char  *pyprep_deck_get_description (PyprepDeck *self);
GListModel  *pyprep_deck_get_topics    (PyprepDeck *self);
GPtrArray   *pyprep_deck_get_problems  (PyprepDeck *self);
GPtrArray   *pyprep_deck_get_warnings  (PyprepDeck *self);
GPtrArray   *pyprep_deck_get_notes     (PyprepDeck *self);
guint        pyprep_deck_get_n_entries (PyprepDeck *self);
PyprepEntry *pyprep_deck_lookup_entry  (PyprepDeck *self,
                                        const char *id);
PyprepEntry *pyprep_deck_foreach_entry (PyprepDeck      *self,
                                        PyprepEntryFunc  func,
                                        gpointer         user_data);
PyprepEntry *pyprep_decks_foreach_entry (GListModel      *decks,
                                         PyprepEntryFunc  func,
                                         gpointer         user_data);

G_END_DECLS
