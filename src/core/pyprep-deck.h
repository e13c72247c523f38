/* pyprep-deck.h: a deck, loaded from a folder with a deck.json manifest.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-topic.h"

G_BEGIN_DECLS

#define PYPREP_DECK_ERROR (pyprep_deck_error_quark ())

/**
 * PyprepDeckError:
 * @PYPREP_DECK_ERROR_IO: a file could not be read
 * @PYPREP_DECK_ERROR_SYNTAX: the manifest is not valid JSON
 * @PYPREP_DECK_ERROR_MISSING_KEY: the manifest lacks a required key
 * @PYPREP_DECK_ERROR_BAD_VALUE: a manifest value has the wrong type or form
 * @PYPREP_DECK_ERROR_ENCODING: a file is not valid UTF-8
 * @PYPREP_DECK_ERROR_EMPTY: a topic file holds nothing
 * @PYPREP_DECK_ERROR_TOO_LARGE: a file is over the size limit
 * @PYPREP_DECK_ERROR_NO_ID: an entry heading lacks its `{#id}`
 * @PYPREP_DECK_ERROR_DUPLICATE_ID: two entries or topics share an ID
 * @PYPREP_DECK_ERROR_CARD: a card block is malformed
 * @PYPREP_DECK_ERROR_QUIZ: a quiz block is malformed
 * @PYPREP_DECK_ERROR_READING: a reading block is malformed
 * @PYPREP_DECK_ERROR_NO_LANGUAGE: the deck has no text in any language
 * @PYPREP_DECK_ERROR_TOO_DEEP: a file nests blocks deeper than the limit
 *
 * Every problem message starts with `file:line: `.
 */
typedef enum
{
  PYPREP_DECK_ERROR_IO,
  PYPREP_DECK_ERROR_SYNTAX,
  PYPREP_DECK_ERROR_MISSING_KEY,
  PYPREP_DECK_ERROR_BAD_VALUE,
  PYPREP_DECK_ERROR_ENCODING,
  PYPREP_DECK_ERROR_EMPTY,
  PYPREP_DECK_ERROR_TOO_LARGE,
  PYPREP_DECK_ERROR_NO_ID,
  PYPREP_DECK_ERROR_DUPLICATE_ID,
  PYPREP_DECK_ERROR_CARD,
  PYPREP_DECK_ERROR_QUIZ,
  PYPREP_DECK_ERROR_READING,
  PYPREP_DECK_ERROR_NO_LANGUAGE,
  PYPREP_DECK_ERROR_TOO_DEEP,
} PyprepDeckError;

/* Topic files larger than this are refused, so a stray dump cannot hang the app. */
#define PYPREP_DECK_MAX_FILE_SIZE (64 * 1024 * 1024)

#define PYPREP_TYPE_DECK (pyprep_deck_get_type ())

G_DECLARE_FINAL_TYPE (PyprepDeck, pyprep_deck, PYPREP, DECK, GObject)

GQuark       pyprep_deck_error_quark   (void);

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
GListModel  *pyprep_deck_get_topics    (PyprepDeck *self);
GPtrArray   *pyprep_deck_get_problems  (PyprepDeck *self);
guint        pyprep_deck_get_n_entries (PyprepDeck *self);
PyprepEntry *pyprep_deck_lookup_entry  (PyprepDeck *self,
                                        const char *id);

gboolean     pyprep_deck_id_is_valid   (const char *id);
char        *pyprep_pick_language      (const char * const *available,
                                        const char * const *wanted);

G_END_DECLS
