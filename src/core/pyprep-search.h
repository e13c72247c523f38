/* pyprep-search.h: full-text search over every open deck, Chinese and English.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-library.h"
#include "pyprep-store.h"

G_BEGIN_DECLS

/* More results than this are not listed: nobody reads the 201st. */
#define PYPREP_SEARCH_MAX_RESULTS 200

/**
 * PyprepSearchField:
 * @PYPREP_SEARCH_FIELD_TITLE: the entry's title
 * @PYPREP_SEARCH_FIELD_CARD: its recall card
 * @PYPREP_SEARCH_FIELD_BODY: its text and quiz questions
 * @PYPREP_SEARCH_FIELD_ANNOTATION: the user's annotations on it
 *
 * Where a query matched, best first.
 */
typedef enum
{
  PYPREP_SEARCH_FIELD_TITLE,
  PYPREP_SEARCH_FIELD_CARD,
  PYPREP_SEARCH_FIELD_BODY,
  PYPREP_SEARCH_FIELD_ANNOTATION,
} PyprepSearchField;

#define PYPREP_TYPE_SEARCH_RESULT (pyprep_search_result_get_type ())
G_DECLARE_FINAL_TYPE (PyprepSearchResult, pyprep_search_result, PYPREP, SEARCH_RESULT, GObject)

PyprepEntry       *pyprep_search_result_get_entry   (PyprepSearchResult *self);
PyprepSearchField  pyprep_search_result_get_field   (PyprepSearchResult *self);
const char        *pyprep_search_result_get_snippet (PyprepSearchResult *self);
guint              pyprep_search_result_get_match_start (PyprepSearchResult *self);
guint              pyprep_search_result_get_match_length (PyprepSearchResult *self);
int                pyprep_search_result_get_score   (PyprepSearchResult *self);

#define PYPREP_TYPE_SEARCH_INDEX (pyprep_search_index_get_type ())
G_DECLARE_FINAL_TYPE (PyprepSearchIndex, pyprep_search_index, PYPREP, SEARCH_INDEX, GObject)

PyprepSearchIndex *pyprep_search_index_new          (PyprepLibrary        *library,
                                                     PyprepStore          *store);
void               pyprep_search_index_new_async    (PyprepLibrary        *library,
                                                     PyprepStore          *store,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
PyprepSearchIndex *pyprep_search_index_new_finish   (GAsyncResult         *result,
                                                     GError              **error);
guint              pyprep_search_index_get_n_entries (PyprepSearchIndex   *self);
GListModel        *pyprep_search_index_query        (PyprepSearchIndex    *self,
                                                     const char           *query);
char              *pyprep_search_normalize          (const char           *text);
GStrv              pyprep_search_split_query        (const char           *query);

G_END_DECLS
