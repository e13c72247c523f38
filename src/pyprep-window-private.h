/* pyprep-window-private.h: what the two files of the main window share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-mock-view.h"
#include "pyprep-quiz-view.h"
#include "pyprep-reader-page.h"
#include "pyprep-review.h"
#include "pyprep-sidebar.h"
#include "pyprep-stats-view.h"
#include "pyprep-window.h"

G_BEGIN_DECLS

struct _PyprepWindow
{
  AdwApplicationWindow parent_instance;

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwBanner *banner;
  AdwBanner *problems_banner;
  GtkRevealer *save_banner;
  GtkLabel *save_banner_label;
  GtkRevealer *folder_banner;
  GtkLabel *folder_banner_label;
  GtkButton *folder_remove_button;
  GtkButton *folder_retry_button;
  AdwNavigationSplitView *split_view;
  GtkStack *main_stack;
  PyprepSidebar *sidebar;
  PyprepReaderPage *reader_page;

  /* owned */
  GSettings *settings;

  /* the stack's pages built when first shown: NULL until then */
  PyprepQuizView *quiz_view;
  PyprepMockView *mock_view;
  PyprepStatsView *stats_view;

  /* state */
  gboolean may_close;           /* the user chose to quit with unwritten changes */
  const char *session_page;     /* the session a passage was read from, or NULL */
  char *passage_entry_id;       /* the entry of that passage */
  char *quiz_entry_id;          /* the entry Quiz Me on This Entry started from */
  double quiz_entry_scroll;     /* and how far down it was read */

  /* borrowed */
  PyprepLibrary *library;
  PyprepStore *store;
  PyprepReader *reader;         /* the reader page's */
  PyprepFindBar *find_bar;      /* the reader page's */
};

void _pyprep_window_class_actions_init (PyprepWindowClass  *klass);
void _pyprep_window_actions_init       (PyprepWindow       *self);
void _pyprep_window_start_practice     (PyprepWindow       *self,
                                        PyprepPracticeKind  kind,
                                        PyprepTopic        *topic);
void _pyprep_window_show_error         (PyprepWindow       *self,
                                        const char         *heading,
                                        const char         *body);

/* pyprep-window-passage.c */
void     _pyprep_window_passage_class_init (PyprepWindowClass *klass);
void     _pyprep_window_passage_dispose    (PyprepWindow      *self);
void     _pyprep_window_update_back        (PyprepWindow      *self);
void     _pyprep_window_go_back            (PyprepWindow      *self);
void     _pyprep_window_session_closed     (PyprepWindow      *self);
void     _pyprep_window_session_read_passage (PyprepWindow    *self,
                                              PyprepEntry     *entry,
                                              const char      *passage);
void     _pyprep_window_mock_read_passage  (PyprepWindow      *self,
                                            PyprepEntry       *entry);

/* pyprep-window-pages.c */
PyprepQuizView  *_pyprep_window_get_quiz_view  (PyprepWindow *self);
PyprepMockView  *_pyprep_window_get_mock_view  (PyprepWindow *self);
PyprepStatsView *_pyprep_window_get_stats_view (PyprepWindow *self);
void             _pyprep_window_show_page      (PyprepWindow *self,
                                                const char   *name);

/* pyprep-window-saving.c */
void     _pyprep_window_saving_class_init (PyprepWindowClass *klass);
void     _pyprep_window_saving_setup      (PyprepWindow      *self);
gboolean _pyprep_window_saving_may_close  (PyprepWindow      *self);

G_END_DECLS
