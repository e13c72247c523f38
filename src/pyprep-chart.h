/* pyprep-chart.h: small charts for the progress page: a bar chart, a stacked bar and a line chart.
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

#define PYPREP_TYPE_LINE_CHART (pyprep_line_chart_get_type ())

G_DECLARE_FINAL_TYPE (PyprepLineChart, pyprep_line_chart, PYPREP, LINE_CHART, GtkWidget)

/**
 * PyprepLineChartSeries:
 * @PYPREP_LINE_CHART_WITH_PLAN: the solid line
 * @PYPREP_LINE_CHART_WITHOUT_PLAN: the dashed line
 */
typedef enum
{
  PYPREP_LINE_CHART_WITH_PLAN,
  PYPREP_LINE_CHART_WITHOUT_PLAN,
  PYPREP_LINE_CHART_N_SERIES,
} PyprepLineChartSeries;

void        pyprep_line_chart_set_values   (PyprepLineChart       *self,
                                            const double          *with_plan,
                                            const double          *without_plan,
                                            guint                  n_values,
                                            double                 target,
                                            const char            *first_label,
                                            const char            *last_label,
                                            const char            *description);
guint       pyprep_line_chart_get_n_values (PyprepLineChart       *self);
double      pyprep_line_chart_get_value    (PyprepLineChart       *self,
                                            PyprepLineChartSeries  series,
                                            guint                  index);

G_END_DECLS
