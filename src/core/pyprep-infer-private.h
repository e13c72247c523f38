/* pyprep-infer-private.h: what the files of the notes inference share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pyprep-infer.c walks the folder, pyprep-infer-file.c finds each file's
 * structure, pyprep-infer-entry.c makes the entries, pyprep-infer-readme.c
 * tells a README about the folder from a README of notes.
 */
#pragma once

#include "pyprep-entry-private.h"
#include "pyprep-markdown.h"
#include "pyprep-parsers-private.h"

G_BEGIN_DECLS

/* Where the entries of one file go. */
typedef struct
{
  const char *deck_id;
  const char *file;            /* relative to the deck folder */
  const char *stem;            /* the file without ".md" */
  int line_offset;             /* lines of front matter cut before parsing */
  PyprepProblems *problems;
  GHashTable *topic_ids;       /* every topic ID of the deck so far */
  GHashTable *entry_ids;       /* local entry IDs of this file */
  GPtrArray *topics;           /* out: PyprepTopic */
  PyprepTopic *topic;          /* the topic being filled (borrowed from topics) */
  PyprepEntry *last;           /* for further-reading items */
  guint n_entries;
  guint n_unanswered;

  /* While set, an answer of top-level blocks is taken from the source as
   * written: faster than writing the blocks back, and the author's own
   * text (cmark would escape "1." at a line start, say). */
  const char *source;
  GArray *source_lines;        /* gsize: where each line starts, from line 1 at index 1 */
} PyprepInferBuilder;

/* pyprep-infer-entry.c */
gboolean     pyprep_infer_is_question         (const char  *text);
char        *pyprep_infer_split_number        (const char  *text,
                                               char       **rest,
                                               gboolean    *labelled);
void         pyprep_infer_start_topic         (PyprepInferBuilder *b,
                                               const char         *id_text,
                                               const char         *title);
void         pyprep_infer_add_entry           (PyprepInferBuilder *b,
                                               const char         *question,
                                               const char         *number,
                                               const char         *first_answer,
                                               GPtrArray          *answers,
                                               cmark_node         *heading,
                                               int                 line);
guint        pyprep_infer_add_question_list   (PyprepInferBuilder *b,
                                               cmark_node         *first,
                                               cmark_node         *stop);
gboolean     pyprep_infer_is_question_section (cmark_node  *first,
                                               cmark_node  *stop,
                                               guint       *n_items,
                                               guint       *n_questions);
char        *pyprep_infer_item_question       (cmark_node  *item,
                                               gboolean    *link_only,
                                               char       **rest);

/* pyprep-infer-file.c */
void         pyprep_infer_file                (PyprepInferBuilder *b,
                                               const char         *text,
                                               gsize               length,
                                               int                 question_level);
void         pyprep_infer_remove_tocs         (cmark_node  *doc);
int          pyprep_infer_front_matter_level  (const char  *text,
                                               gsize        length);

/* pyprep-infer-readme.c */
typedef struct
{
  char *title;
  char *description;
  GPtrArray *links;            /* char *: local targets in order, relative to the README's folder */
} PyprepNotesIndex;

void         pyprep_notes_index_clear         (PyprepNotesIndex *index);
gboolean     pyprep_infer_readme              (const char       *text,
                                               gsize             length,
                                               gboolean          has_others,
                                               PyprepNotesIndex *index);

G_END_DECLS
