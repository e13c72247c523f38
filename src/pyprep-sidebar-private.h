/* pyprep-sidebar-private.h: what the two files of the sidebar share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-due-counts.h"
#include "pyprep-search-panel.h"
#include "pyprep-sidebar.h"

G_BEGIN_DECLS

typedef enum
{
  FILTER_ALL,
  FILTER_BOOKMARKED,
  FILTER_ANNOTATED,
  FILTER_UNANSWERED,
} Filter;

struct _PyprepSidebar
{
  AdwNavigationPage parent_instance;

  /* template children */
  GtkButton *review_button;
  GtkLabel *due_label;
  GtkSearchEntry *search_entry;
  GtkWidget *filter_box;
  GtkWidget *unanswered_button;
  GtkStack *sidebar_stack;
  GtkListView *entry_list;
  PyprepSearchPanel *search_panel;
  AdwStatusPage *filter_status;
  AdwStatusPage *sidebar_status;

  /* owned */
  PyprepLibrary *library;
  PyprepStore *store;
  GListModel *all_entries;
  GtkCustomFilter *filter;
  GtkCustomSorter *sorter;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkSingleSelection *selection;
  GtkListItemFactory *header_factory;
  GHashTable *bound_headers;    /* GtkListHeader in view, to name groups */
  PyprepEntry *shown;           /* the entry the reader shows */
  PyprepDueCounts *due_counts;  /* the review button's and the topics' counts */
  PyprepReadiness *readiness;   /* the topics' readiness for the interview date */

  /* state */
  Filter filter_mode;
  gboolean syncing_selection;
  guint scroll_source;
  guint scroll_frames;
  gint64 last_click;
  guint due_source;             /* debounced due-count refresh */
  guint due_timer;              /* learning cards fall due as time passes */
  guint n_due;
};

void _pyprep_sidebar_list_init       (PyprepSidebar *self);
void _pyprep_sidebar_list_dispose    (PyprepSidebar *self);
void _pyprep_sidebar_list_set_filter (PyprepSidebar *self,
                                      Filter         mode);
void _pyprep_sidebar_list_refilter   (PyprepSidebar *self);
gboolean _pyprep_sidebar_list_has_unanswered (PyprepSidebar *self);
void _pyprep_sidebar_sync_selection  (PyprepSidebar *self);

G_END_DECLS
