/* core-harness.h: helpers every test program shares: decks, files, entries by title, a hostile notes folder.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-deck.h"
#include "pyprep-fsrs.h"

G_BEGIN_DECLS

/* A folder of notes with the files a hostile folder would have, made in a
 * temporary folder @top:
 *   deck/notes.md          the notes
 *   deck/res/good.png      a picture, 200 × 100
 *   deck/res/clean.svg     a drawing, 120 × 60
 *   deck/res/link.png      a link to outside/secret.png
 *   deck/res/evil.svg      an SVG with a script
 *   deck/res/huge.png      200 MB (taking no room on the disk)
 *   deck/res/fake.png      HTML named .png
 *   outside.png, outside/secret.png   pictures outside the folder */
typedef struct
{
  char *top;
  char *deck;
  char *outside;
} HostileFolder;

PyprepDeck  *load_deck_folder     (const char          *path,
                                   const char * const  *languages);
PyprepDeck  *load_test_deck       (const char          *name,
                                   const char * const  *languages);
PyprepDeck  *load_bundled_deck    (const char * const  *languages);
PyprepEntry *find_entry_by_title  (PyprepDeck    *deck,
                                   const char    *title);
guint        count_occurrences    (const char    *haystack,
                                   const char    *needle);
void         write_bytes          (const char    *path,
                                   const char    *data,
                                   gssize         length);
void         write_file           (const char    *dir,
                                   const char    *name,
                                   const char    *text);
void         remove_tree          (const char    *path);
void         fsrs_params_exact    (PyprepFsrsParams *params);
PyprepCardMemory card_in_review   (double         stability,
                                   double         difficulty,
                                   gint64         last_review,
                                   gint64         due);
void         hostile_folder_make  (HostileFolder *h,
                                   const char    *markdown);
void         hostile_folder_remove (HostileFolder *h);

G_END_DECLS
