/* pyprep-history.h: the entries read before and after, for back and forward.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PYPREP_TYPE_HISTORY (pyprep_history_get_type ())
G_DECLARE_FINAL_TYPE (PyprepHistory, pyprep_history, PYPREP, HISTORY, GObject)

/**
 * PyprepHistoryFilter:
 * @entry_id: an entry ID the history holds
 * @user_data: the data given with the filter
 *
 * Returns: whether the entry can still be shown; steps skip those that
 *   cannot (an entry of a deck since closed, say)
 */
typedef gboolean (*PyprepHistoryFilter) (const char *entry_id,
                                         gpointer    user_data);

PyprepHistory *pyprep_history_new               (void);
void           pyprep_history_visit             (PyprepHistory        *self,
                                                 const char           *left_id,
                                                 double                left_scroll);
gboolean       pyprep_history_go_back           (PyprepHistory        *self,
                                                 const char           *current_id,
                                                 double                current_scroll,
                                                 PyprepHistoryFilter   filter,
                                                 gpointer              user_data,
                                                 char                **entry_id,
                                                 double               *scroll);
gboolean       pyprep_history_go_forward        (PyprepHistory        *self,
                                                 const char           *current_id,
                                                 double                current_scroll,
                                                 PyprepHistoryFilter   filter,
                                                 gpointer              user_data,
                                                 char                **entry_id,
                                                 double               *scroll);
gboolean       pyprep_history_get_can_go_back    (PyprepHistory       *self);
gboolean       pyprep_history_get_can_go_forward (PyprepHistory       *self);

G_END_DECLS
