/* pyprep-merge.h: merging user data by record: last writer wins by clock, deletes as tombstones, answers replayed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pyprep-fsrs.h"

G_BEGIN_DECLS

/* The member of a change record that holds its clock stamp (pyprep-hlc.c). */
#define PYPREP_MERGE_STAMP "hlc"
/* The member of a document that maps "kind:id" to the stamp of its last
 * change, records gone (tombstones) included. */
#define PYPREP_MERGE_CLOCKS "clocks"
/* The kind, and the only ID, of the interview record: the member of a
 * document's root that holds the interview date. */
#define PYPREP_MERGE_INTERVIEW "interview"
/* The member of a document that counts its saves. */
#define PYPREP_MERGE_GENERATION "generation"

/**
 * PyprepMergeChangedFunc:
 * @kind: the kind of record: "bookmarks", "annotations", "reading", "cards"
 *   or "interview"
 * @id: the record's ID
 * @user_data: data given with the function
 *
 * Called for every record that a merge added, replaced or removed.
 */
typedef void (*PyprepMergeChangedFunc) (const char *kind,
                                        const char *id,
                                        gpointer    user_data);

extern const char * const pyprep_merge_kinds[];

JsonObject *pyprep_merge_get_container  (JsonObject             *root,
                                         const char             *kind);
gboolean    pyprep_merge_is_record      (const char             *kind,
                                         const char             *id);
const char *pyprep_merge_get_stamp      (JsonObject             *root,
                                         const char             *kind,
                                         const char             *id);
void        pyprep_merge_set_stamp      (JsonObject             *root,
                                         const char             *kind,
                                         const char             *id,
                                         const char             *stamp);
gboolean    pyprep_merge_offer          (JsonObject             *root,
                                         const char             *kind,
                                         const char             *id,
                                         JsonNode               *record,
                                         const char             *stamp);
guint       pyprep_merge_document       (JsonObject             *ours,
                                         JsonObject             *theirs,
                                         PyprepMergeChangedFunc  changed,
                                         gpointer                user_data);
JsonObject *pyprep_merge_change_line    (JsonObject             *root,
                                         const char             *kind,
                                         const char             *id);
JsonObject *pyprep_merge_new_document   (void);
GPtrArray  *pyprep_merge_dup_change_lines (JsonObject           *root);
gboolean    pyprep_merge_offer_line     (JsonObject             *ours,
                                         JsonObject             *line,
                                         PyprepMergeChangedFunc  changed,
                                         gpointer                user_data);
void        pyprep_merge_foreach_stamp  (JsonObject             *root,
                                         GFunc                   func,
                                         gpointer                user_data);
GHashTable *pyprep_merge_replay         (const PyprepFsrsParams *params,
                                         GPtrArray              *answers,
                                         GHashTable             *cards);

G_END_DECLS
