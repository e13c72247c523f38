/* core-harness.h: helpers the test programs share: entries by title, counting, a hostile notes folder.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-deck.h"

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

PyprepEntry *find_entry_by_title  (PyprepDeck    *deck,
                                   const char    *title);
guint        count_occurrences    (const char    *haystack,
                                   const char    *needle);
void         hostile_folder_make  (HostileFolder *h,
                                   const char    *markdown);
void         hostile_folder_remove (HostileFolder *h);

G_END_DECLS
