/* pyprep-reader-page.h: the reader's side of the window: the page, its find bar, bookmark and annotations.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pyprep-find-bar.h"
#include "pyprep-library.h"
#include "pyprep-reader.h"
#include "pyprep-store.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_READER_PAGE (pyprep_reader_page_get_type ())

G_DECLARE_FINAL_TYPE (PyprepReaderPage, pyprep_reader_page, PYPREP, READER_PAGE, AdwNavigationPage)

PyprepLibrary *pyprep_reader_page_get_library        (PyprepReaderPage *self);
void           pyprep_reader_page_set_library        (PyprepReaderPage *self,
                                                      PyprepLibrary    *library);
PyprepStore   *pyprep_reader_page_get_store          (PyprepReaderPage *self);
void           pyprep_reader_page_set_store          (PyprepReaderPage *self,
                                                      PyprepStore      *store);
PyprepReader  *pyprep_reader_page_get_reader         (PyprepReaderPage *self);
PyprepFindBar *pyprep_reader_page_get_find_bar       (PyprepReaderPage *self);
gboolean       pyprep_reader_page_get_bookmarked     (PyprepReaderPage *self);
void           pyprep_reader_page_set_bookmarked     (PyprepReaderPage *self,
                                                      gboolean          bookmarked);
gboolean       pyprep_reader_page_get_show_annotations (PyprepReaderPage *self);
void           pyprep_reader_page_set_show_annotations (PyprepReaderPage *self,
                                                        gboolean          show);
gboolean       pyprep_reader_page_get_collapsed      (PyprepReaderPage *self);
void           pyprep_reader_page_set_collapsed      (PyprepReaderPage *self,
                                                      gboolean          collapsed);
void           pyprep_reader_page_new_annotation     (PyprepReaderPage *self);
gboolean       pyprep_reader_page_make_card          (PyprepReaderPage *self);
void           pyprep_reader_page_keep_passage       (PyprepReaderPage *self,
                                                      const char       *entry_id,
                                                      const char       *passage);

G_END_DECLS
