/* pyprep-chart.c: small charts for the progress page: a bar chart, a stacked bar and a line chart.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both are drawn with GtkSnapshot. Colours come from the style: bars use
 * the widget's CSS colour (the accent colour, set in style.css), text and
 * lines the parent's foreground, so light, dark and high-contrast styles
 * all work. A chart is an image to assistive technologies; its
 * description carries the same figures as text.
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "pyprep-chart.h"

#define BAR_CHART_HEIGHT 120
#define STACK_BAR_WIDTH 160
#define STACK_BAR_HEIGHT 10
#define LINE_CHART_HEIGHT 140

static void
foreground (GtkWidget *widget,
            double     alpha,
            GdkRGBA   *color)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  gtk_widget_get_color (parent != NULL ? parent : widget, color);
  color->alpha *= alpha;
}

/* Both charts are as tall as they are drawn and as wide as they are given. */
static void
measure_fixed (GtkOrientation  orientation,
               int             min_width,
               int             natural_width,
               int             height,
               int            *minimum,
               int            *natural)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = min_width;
      *natural = natural_width;
    }
  else
    *minimum = *natural = height;
}

static void
append_text (GtkWidget   *widget,
             GtkSnapshot *snapshot,
             const char  *text,
             float        x,
             float        y,
             float        xalign)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  GdkRGBA color;
  int width, height;

  foreground (widget, 0.7, &color);
  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - xalign * width, y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* The frame both the bar and the line chart draw in: a scale on the left
 * as wide as its top figure, and room at the bottom for the labels under
 * the first and the last value. */
typedef struct
{
  int width;
  int height;
  int text_width;
  int text_height;
  float left;
  float top;
  float bottom;
} ChartFrame;

/* Measures the frame of @widget; FALSE when there is no room to draw. */
static gboolean
chart_frame_init (ChartFrame *frame,
                  GtkWidget  *widget,
                  const char *scale_top)
{
  g_autoptr(PangoLayout) probe = gtk_widget_create_pango_layout (widget, scale_top);

  pango_layout_get_pixel_size (probe, &frame->text_width, &frame->text_height);
  frame->width = gtk_widget_get_width (widget);
  frame->height = gtk_widget_get_height (widget);
  frame->left = frame->text_width + 6;
  frame->top = frame->text_height / 2.0f;
  frame->bottom = frame->height - frame->text_height - 4;
  return frame->bottom > frame->top && frame->width > frame->left;
}

/* The scale's two figures, and the baseline in @line_color. */
static void
chart_frame_draw_scale (const ChartFrame *frame,
                        GtkWidget        *widget,
                        GtkSnapshot      *snapshot,
                        const char       *scale_top,
                        const char       *scale_bottom,
                        const GdkRGBA    *line_color)
{
  append_text (widget, snapshot, scale_top, frame->text_width, 0, 1.0);
  append_text (widget, snapshot, scale_bottom, frame->text_width,
               frame->bottom - frame->text_height / 2.0f, 1.0);
  gtk_snapshot_append_color (snapshot, line_color,
                             &GRAPHENE_RECT_INIT (frame->left, frame->bottom,
                                                  frame->width - frame->left, 1));
}

/* The labels written under the first and the last value. */
typedef struct
{
  char *first;
  char *last;
} ChartLabels;

static void
chart_labels_set (ChartLabels *labels,
                  const char  *first,
                  const char  *last)
{
  g_free (labels->first);
  labels->first = g_strdup (first);
  g_free (labels->last);
  labels->last = g_strdup (last);
}

static void
chart_labels_draw (const ChartLabels *labels,
                   const ChartFrame  *frame,
                   GtkWidget         *widget,
                   GtkSnapshot       *snapshot)
{
  if (labels->first != NULL)
    append_text (widget, snapshot, labels->first, frame->left, frame->bottom + 4, 0.0);
  if (labels->last != NULL)
    append_text (widget, snapshot, labels->last, frame->width, frame->bottom + 4, 1.0);
}

/* Bar chart ------------------------------------------------------------- */

struct _PyprepBarChart
{
  GtkWidget parent_instance;

  GArray *values;      /* guint */
  ChartLabels labels;
  char *description;
};

G_DEFINE_FINAL_TYPE (PyprepBarChart, pyprep_bar_chart, GTK_TYPE_WIDGET)

static void
pyprep_bar_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  measure_fixed (orientation, 120, 480, BAR_CHART_HEIGHT, minimum, natural);
}

static void
pyprep_bar_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  PyprepBarChart *self = PYPREP_BAR_CHART (widget);
  g_autofree char *max_text = NULL;
  GdkRGBA bar_color, line_color;
  ChartFrame frame;
  guint max = 0;
  float slot, gap;

  for (guint i = 0; i < self->values->len; i++)
    max = MAX (max, g_array_index (self->values, guint, i));

  max_text = g_strdup_printf ("%u", max);
  if (!chart_frame_init (&frame, widget, max_text) || self->values->len == 0)
    return;

  gtk_widget_get_color (widget, &bar_color);
  foreground (widget, 0.25, &line_color);

  /* The scale: the highest count at the top, 0 on the baseline. */
  chart_frame_draw_scale (&frame, widget, snapshot, max_text, "0", &line_color);
  line_color.alpha *= 0.4;
  gtk_snapshot_append_color (snapshot, &line_color,
                             &GRAPHENE_RECT_INIT (frame.left, frame.top, frame.width - frame.left, 1));

  slot = (frame.width - frame.left) / self->values->len;
  gap = slot >= 6 ? 2 : slot >= 3 ? 1 : 0;
  for (guint i = 0; i < self->values->len && max > 0; i++)
    {
      guint value = g_array_index (self->values, guint, i);
      float bar_height = (frame.bottom - frame.top) * value / max;

      if (value == 0)
        continue;
      gtk_snapshot_append_color (snapshot, &bar_color,
                                 &GRAPHENE_RECT_INIT (frame.left + i * slot + gap / 2,
                                                      frame.bottom - bar_height,
                                                      slot - gap, bar_height));
    }

  chart_labels_draw (&self->labels, &frame, widget, snapshot);
}

static void
pyprep_bar_chart_finalize (GObject *object)
{
  PyprepBarChart *self = PYPREP_BAR_CHART (object);

  g_array_unref (self->values);
  chart_labels_set (&self->labels, NULL, NULL);
  g_free (self->description);

  G_OBJECT_CLASS (pyprep_bar_chart_parent_class)->finalize (object);
}

static void
pyprep_bar_chart_class_init (PyprepBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pyprep_bar_chart_finalize;
  widget_class->measure = pyprep_bar_chart_measure;
  widget_class->snapshot = pyprep_bar_chart_snapshot;
  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pyprep_bar_chart_init (PyprepBarChart *self)
{
  self->values = g_array_new (FALSE, TRUE, sizeof (guint));
}

GtkWidget *
pyprep_bar_chart_new (void)
{
  return g_object_new (PYPREP_TYPE_BAR_CHART, NULL);
}

/**
 * pyprep_bar_chart_set_values:
 * @values: (array length=n_values): one count per bar, left to right
 * @first_label: (nullable): written under the first bar
 * @last_label: (nullable): written under the last bar
 * @description: the same figures as text, for screen readers
 */
void
pyprep_bar_chart_set_values (PyprepBarChart *self,
                             const guint    *values,
                             guint           n_values,
                             const char     *first_label,
                             const char     *last_label,
                             const char     *description)
{
  g_return_if_fail (PYPREP_IS_BAR_CHART (self));
  g_return_if_fail (values != NULL || n_values == 0);

  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values, n_values);
  chart_labels_set (&self->labels, first_label, last_label);
  g_free (self->description);
  self->description = g_strdup (description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
pyprep_bar_chart_get_n_values (PyprepBarChart *self)
{
  g_return_val_if_fail (PYPREP_IS_BAR_CHART (self), 0);
  return self->values->len;
}

guint
pyprep_bar_chart_get_value (PyprepBarChart *self,
                            guint           index)
{
  g_return_val_if_fail (PYPREP_IS_BAR_CHART (self), 0);
  g_return_val_if_fail (index < self->values->len, 0);
  return g_array_index (self->values, guint, index);
}

const char *
pyprep_bar_chart_get_description (PyprepBarChart *self)
{
  g_return_val_if_fail (PYPREP_IS_BAR_CHART (self), NULL);
  return self->description;
}

/* Stacked bar ----------------------------------------------------------- */

struct _PyprepStackBar
{
  GtkWidget parent_instance;

  guint parts[PYPREP_STACK_N_PARTS];
};

G_DEFINE_FINAL_TYPE (PyprepStackBar, pyprep_stack_bar, GTK_TYPE_WIDGET)

static void
pyprep_stack_bar_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  measure_fixed (orientation, 48, STACK_BAR_WIDTH, STACK_BAR_HEIGHT, minimum, natural);
}

/* New cards are a faint track; learning and known take the warning and
 * success colours of the light or dark style. */
static void
part_color (GtkWidget       *widget,
            PyprepStackPart  part,
            GdkRGBA         *color)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  switch (part)
    {
    case PYPREP_STACK_PART_NEW:
      foreground (widget, 0.15, color);
      break;
    case PYPREP_STACK_PART_LEARNING:
      gdk_rgba_parse (color, dark ? "#f8e45c" : "#e5a50a");
      break;
    case PYPREP_STACK_PART_KNOWN:
    default:
      gdk_rgba_parse (color, dark ? "#57e389" : "#26a269");
      break;
    }
}

static void
pyprep_stack_bar_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  PyprepStackBar *self = PYPREP_STACK_BAR (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float radius = height / 2;
  GskRoundedRect clip;
  guint total = 0;
  float x = 0;

  for (guint i = 0; i < PYPREP_STACK_N_PARTS; i++)
    total += self->parts[i];

  gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (0, 0, width, height), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  if (total == 0)
    {
      GdkRGBA color;

      part_color (widget, PYPREP_STACK_PART_NEW, &color);
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (0, 0, width, height));
    }
  /* Known first, from the left, so progress grows the same way everywhere. */
  for (int i = PYPREP_STACK_N_PARTS - 1; i >= 0 && total > 0; i--)
    {
      float part_width = width * self->parts[i] / total;
      GdkRGBA color;

      if (self->parts[i] == 0)
        continue;
      part_color (widget, i, &color);
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, 0, part_width, height));
      x += part_width;
    }
  gtk_snapshot_pop (snapshot);
}

static void
style_changed_cb (PyprepStackBar *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pyprep_stack_bar_class_init (PyprepStackBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = pyprep_stack_bar_measure;
  widget_class->snapshot = pyprep_stack_bar_snapshot;
  gtk_widget_class_set_css_name (widget_class, "stackbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
pyprep_stack_bar_init (PyprepStackBar *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * pyprep_stack_bar_new:
 *
 * A bar split in new, learning and known parts. It is decoration: the
 * row it sits in says the same in words.
 */
GtkWidget *
pyprep_stack_bar_new (guint n_new,
                      guint n_learning,
                      guint n_known)
{
  PyprepStackBar *self = g_object_new (PYPREP_TYPE_STACK_BAR, NULL);

  self->parts[PYPREP_STACK_PART_NEW] = n_new;
  self->parts[PYPREP_STACK_PART_LEARNING] = n_learning;
  self->parts[PYPREP_STACK_PART_KNOWN] = n_known;
  return GTK_WIDGET (self);
}

guint
pyprep_stack_bar_get_part (PyprepStackBar  *self,
                           PyprepStackPart  part)
{
  g_return_val_if_fail (PYPREP_IS_STACK_BAR (self), 0);
  g_return_val_if_fail (part < PYPREP_STACK_N_PARTS, 0);
  return self->parts[part];
}

/* Line chart ------------------------------------------------------------ */

struct _PyprepLineChart
{
  GtkWidget parent_instance;

  GArray *values[PYPREP_LINE_CHART_N_SERIES];   /* double, 0 to 1 */
  double target;
  ChartLabels labels;
};

G_DEFINE_FINAL_TYPE (PyprepLineChart, pyprep_line_chart, GTK_TYPE_WIDGET)

static void
pyprep_line_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  measure_fixed (orientation, 120, 480, LINE_CHART_HEIGHT, minimum, natural);
}

/* The lowest tenth any value or the target reaches: the scale starts
 * there, so the few points between, say, 80% and 95% stay visible. */
static double
line_chart_floor (PyprepLineChart *self)
{
  double low = self->target > 0 ? self->target : 1;

  for (guint s = 0; s < PYPREP_LINE_CHART_N_SERIES; s++)
    for (guint i = 0; i < self->values[s]->len; i++)
      low = MIN (low, g_array_index (self->values[s], double, i));
  return MAX (floor (low * 10 - 0.0001) / 10, 0);
}

static void
stroke_series (PyprepLineChart       *self,
               GtkSnapshot           *snapshot,
               guint                  series,
               const graphene_rect_t *area,
               double                 low,
               const GdkRGBA         *color)
{
  GArray *values = self->values[series];
  g_autoptr(GskPathBuilder) builder = gsk_path_builder_new ();
  g_autoptr(GskPath) path = NULL;
  g_autoptr(GskStroke) stroke = gsk_stroke_new (2);
  float step = values->len > 1 ? area->size.width / (values->len - 1) : 0;

  if (values->len == 0)
    return;
  for (guint i = 0; i < values->len; i++)
    {
      double v = CLAMP (g_array_index (values, double, i), low, 1);
      float x = area->origin.x + i * step;
      float y = area->origin.y + area->size.height * (float) ((1 - v) / (1 - low));

      if (i == 0)
        gsk_path_builder_move_to (builder, x, y);
      else
        gsk_path_builder_line_to (builder, x, y);
    }
  if (series == PYPREP_LINE_CHART_WITHOUT_PLAN)
    {
      const float dash[] = { 5, 4 };

      gsk_stroke_set_dash (stroke, dash, G_N_ELEMENTS (dash));
    }
  path = gsk_path_builder_free_to_path (g_steal_pointer (&builder));
  gtk_snapshot_append_stroke (snapshot, path, stroke, color);
}

static void
pyprep_line_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  PyprepLineChart *self = PYPREP_LINE_CHART (widget);
  double low = line_chart_floor (self);
  g_autofree char *low_text = g_strdup_printf ("%.0f%%", low * 100);
  GdkRGBA accent, muted, line_color;
  graphene_rect_t area;
  ChartFrame frame;

  if (!chart_frame_init (&frame, widget, "100%") || frame.width <= frame.left + 4
      || self->values[0]->len == 0)
    return;
  area = GRAPHENE_RECT_INIT (frame.left + 2, frame.top, frame.width - frame.left - 4,
                             frame.bottom - frame.top);

  gtk_widget_get_color (widget, &accent);
  foreground (widget, 0.6, &muted);
  foreground (widget, 0.25, &line_color);

  chart_frame_draw_scale (&frame, widget, snapshot, "100%", low_text, &line_color);
  if (self->target > low)
    {
      float y = area.origin.y + area.size.height * (float) ((1 - self->target) / (1 - low));

      line_color.alpha *= 0.6;
      gtk_snapshot_append_color (snapshot, &line_color,
                                 &GRAPHENE_RECT_INIT (frame.left, y, frame.width - frame.left, 1));
    }

  stroke_series (self, snapshot, PYPREP_LINE_CHART_WITHOUT_PLAN, &area, low, &muted);
  stroke_series (self, snapshot, PYPREP_LINE_CHART_WITH_PLAN, &area, low, &accent);

  chart_labels_draw (&self->labels, &frame, widget, snapshot);
}

static void
pyprep_line_chart_finalize (GObject *object)
{
  PyprepLineChart *self = PYPREP_LINE_CHART (object);

  for (guint s = 0; s < PYPREP_LINE_CHART_N_SERIES; s++)
    g_array_unref (self->values[s]);
  chart_labels_set (&self->labels, NULL, NULL);

  G_OBJECT_CLASS (pyprep_line_chart_parent_class)->finalize (object);
}

static void
pyprep_line_chart_class_init (PyprepLineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pyprep_line_chart_finalize;
  widget_class->measure = pyprep_line_chart_measure;
  widget_class->snapshot = pyprep_line_chart_snapshot;
  /* Drawn in the bar chart's colours. */
  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pyprep_line_chart_init (PyprepLineChart *self)
{
  for (guint s = 0; s < PYPREP_LINE_CHART_N_SERIES; s++)
    self->values[s] = g_array_new (FALSE, TRUE, sizeof (double));
}

/**
 * pyprep_line_chart_set_values:
 * @with_plan: (array length=n_values): the first line, drawn in the
 *   accent colour, values from 0 to 1
 * @without_plan: (array length=n_values): the second, dashed
 * @target: a value drawn as a faint line across, or 0 for none
 * @first_label: (nullable): written under the first point
 * @last_label: (nullable): written under the last point
 * @description: the same figures as text, for screen readers
 */
void
pyprep_line_chart_set_values (PyprepLineChart *self,
                              const double    *with_plan,
                              const double    *without_plan,
                              guint            n_values,
                              double           target,
                              const char      *first_label,
                              const char      *last_label,
                              const char      *description)
{
  g_return_if_fail (PYPREP_IS_LINE_CHART (self));
  g_return_if_fail ((with_plan != NULL && without_plan != NULL) || n_values == 0);

  g_array_set_size (self->values[PYPREP_LINE_CHART_WITH_PLAN], 0);
  g_array_append_vals (self->values[PYPREP_LINE_CHART_WITH_PLAN], with_plan, n_values);
  g_array_set_size (self->values[PYPREP_LINE_CHART_WITHOUT_PLAN], 0);
  g_array_append_vals (self->values[PYPREP_LINE_CHART_WITHOUT_PLAN], without_plan, n_values);
  self->target = target;
  chart_labels_set (&self->labels, first_label, last_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
pyprep_line_chart_get_n_values (PyprepLineChart *self)
{
  g_return_val_if_fail (PYPREP_IS_LINE_CHART (self), 0);
  return self->values[0]->len;
}

double
pyprep_line_chart_get_value (PyprepLineChart       *self,
                             PyprepLineChartSeries  series,
                             guint                  index)
{
  g_return_val_if_fail (PYPREP_IS_LINE_CHART (self), 0);
  g_return_val_if_fail (series < PYPREP_LINE_CHART_N_SERIES, 0);
  g_return_val_if_fail (index < self->values[series]->len, 0);
  return g_array_index (self->values[series], double, index);
}
