/* pyprep-problems.h: the errors, warnings and notes of loading a deck.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

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
 * @PYPREP_DECK_ERROR_UNANSWERED: (a warning) a question has no answer
 * @PYPREP_DECK_ERROR_LARGE_ENTRY: (a warning) an entry looks like many questions
 * @PYPREP_DECK_ERROR_SINGLE_ENTRY: (a warning) a topic holds one entry
 * @PYPREP_DECK_ERROR_FOLDER: (a warning) a folder or link was not read
 * @PYPREP_DECK_ERROR_FOLLOWUPS: a followups block is malformed, or one of
 *   its links names an entry the deck does not have
 * @PYPREP_DECK_ERROR_PREDICT: a predict block is malformed or has no
 *   output block after it
 * @PYPREP_DECK_ERROR_PASSAGE: a card or question names a passage that its
 *   entry does not have
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
  PYPREP_DECK_ERROR_UNANSWERED,
  PYPREP_DECK_ERROR_LARGE_ENTRY,
  PYPREP_DECK_ERROR_SINGLE_ENTRY,
  PYPREP_DECK_ERROR_FOLDER,
  PYPREP_DECK_ERROR_FOLLOWUPS,
  PYPREP_DECK_ERROR_PREDICT,
  PYPREP_DECK_ERROR_PASSAGE,
} PyprepDeckError;

GQuark pyprep_deck_error_quark (void);

#define PYPREP_TYPE_PROBLEMS (pyprep_problems_get_type ())

G_DECLARE_FINAL_TYPE (PyprepProblems, pyprep_problems, PYPREP, PROBLEMS, GObject)

PyprepProblems *pyprep_problems_new          (void);
void            pyprep_problems_add_error    (PyprepProblems *self,
                                              int             code,
                                              const char     *file,
                                              int             line,
                                              const char     *format,
                                              ...) G_GNUC_PRINTF (5, 6);
void            pyprep_problems_add_warning  (PyprepProblems *self,
                                              int             code,
                                              const char     *file,
                                              int             line,
                                              const char     *format,
                                              ...) G_GNUC_PRINTF (5, 6);
void            pyprep_problems_add_note     (PyprepProblems *self,
                                              const char     *format,
                                              ...) G_GNUC_PRINTF (2, 3);
GPtrArray      *pyprep_problems_get_errors   (PyprepProblems *self);
GPtrArray      *pyprep_problems_get_warnings (PyprepProblems *self);
GPtrArray      *pyprep_problems_get_notes    (PyprepProblems *self);

G_END_DECLS
