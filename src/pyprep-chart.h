/* pyprep-chart.h: small charts for the progress page: a bar chart and a stacked bar.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PYPREP_TYPE_BAR_CHART (pyprep_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (PyprepBarChart, pyprep_bar_chart, PYPREP, BAR_CHART, GtkWidget)

GtkWidget  *pyprep_bar_chart_new          (void);
void        pyprep_bar_chart_set_values   (PyprepBarChart     *self,
                                           const guint        *values,
                                           guint               n_values,
                                           const char         *first_label,
                                           const char         *last_label,
                                           const char         *description);
guint       pyprep_bar_chart_get_n_values (PyprepBarChart     *self);
guint       pyprep_bar_chart_get_value    (PyprepBarChart     *self,
                                           guint               index);
const char *pyprep_bar_chart_get_description (PyprepBarChart  *self);

#define PYPREP_TYPE_STACK_BAR (pyprep_stack_bar_get_type ())

G_DECLARE_FINAL_TYPE (PyprepStackBar, pyprep_stack_bar, PYPREP, STACK_BAR, GtkWidget)

/**
 * PyprepStackPart:
 * @PYPREP_STACK_PART_NEW: cards never answered
 * @PYPREP_STACK_PART_LEARNING: cards being learned
 * @PYPREP_STACK_PART_KNOWN: cards known
 */
typedef enum
{
  PYPREP_STACK_PART_NEW,
  PYPREP_STACK_PART_LEARNING,
  PYPREP_STACK_PART_KNOWN,
  PYPREP_STACK_N_PARTS,
} PyprepStackPart;

GtkWidget  *pyprep_stack_bar_new          (guint               n_new,
                                           guint               n_learning,
                                           guint               n_known);
guint       pyprep_stack_bar_get_part     (PyprepStackBar     *self,
                                           PyprepStackPart     part);

G_END_DECLS
