/* vecinos-chart-draw-private.h — what the chart's drawing files share: the
 * sizes of its parts, a layer (one series on its value axis), ink and text,
 * and the frame and marks vecinos_chart_draw() lays out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "vecinos-chart-draw.h"
#include "vecinos-contrast.h"
#include "vecinos-date.h"

G_BEGIN_DECLS

#define POINT_RADIUS 3.5

/* A line of @context's text, in pixels: the frame's strips and rows grow
 * with the text (Ctrl+=, Large Text, presenting), never below the sizes
 * they have at the desktop's */
static inline double
line_height (PangoContext *context)
{
  PangoLayout *layout = pango_layout_new (context);
  int height;

  pango_layout_set_text (layout, "Ag", -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  g_object_unref (layout);
  return height;
}

/* A strip of terms, and the row of years under the plot */
static inline double
band_height (PangoContext *context)
{
  return MAX (18.0, line_height (context) + 2);
}

/* A line of the legend */
static inline double
legend_line_height (PangoContext *context)
{
  return MAX (26.0, line_height (context) + 8);
}

typedef struct {
  double r, g, b;
} Rgb;

/* One series on the chart: its value axis and how it is marked */
typedef struct {
  const VecinosSeries *series;
  VecinosChartScale    scale;
  GArray              *ticks;
  double               step;
  Rgb                  color;
  gboolean             square;     /* the compared series: squares, not dots */
  gboolean             focused;    /* the keyboard is on this one */
} Layer;

static inline void
set_ink (cairo_t            *cr,
         const VecinosChart *chart,
         double              alpha)
{
  double level = vecinos_chart_ink_level (chart);

  /* High contrast: text and rules at full strength, shades twice as strong */
  if (chart->high_contrast)
    alpha = alpha >= 0.5 ? 1 : MIN (1, alpha * 2);
  cairo_set_source_rgba (cr, level, level, level, alpha);
}

static inline void
set_bold (PangoLayout *layout)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
}

/* Text at (x, y); @align 0 left, 0.5 centre, 1 right; returns its width */
static inline double
show_text (cairo_t      *cr,
           PangoContext *context,
           const char   *text,
           double        x,
           double        y,
           double        align,
           gboolean      bold)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  int width, height;

  pango_layout_set_text (layout, text, -1);
  if (bold)
    set_bold (layout);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - align * width, y);
  pango_cairo_show_layout (cr, layout);
  return width;
}

static inline double
text_width (PangoContext *context,
            const char   *text)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  int width;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* A layer's @i-th tick, written as its axis shows it */
static inline char *
layer_tick (const Layer *layer,
            guint        i)
{
  double value = g_array_index (layer->ticks, double, i);
  double top = g_array_index (layer->ticks, double, layer->ticks->len - 1);

  return vecinos_chart_format_tick (value, layer->scale.log_scale ? value : layer->step,
                                    layer->series->unit_kind, top);
}

/* vecinos-chart-frame.c: what the plot sits in */
void vecinos_chart_draw_terms      (cairo_t                 *cr,
                                    PangoContext            *context,
                                    const VecinosChart      *chart,
                                    const VecinosChartScale *scale);
void vecinos_chart_draw_value_axis (cairo_t                 *cr,
                                    PangoContext            *context,
                                    const VecinosChart      *chart,
                                    const Layer             *layer,
                                    gboolean                 right);
void vecinos_chart_draw_time_axis  (cairo_t                 *cr,
                                    PangoContext            *context,
                                    const VecinosChart      *chart,
                                    const VecinosChartScale *scale);
void vecinos_chart_draw_legend     (cairo_t                 *cr,
                                    PangoContext            *context,
                                    const VecinosChart      *chart,
                                    const Layer             *layers,
                                    guint                    n_layers,
                                    double                   x,
                                    double                   y,
                                    double                   right);
double vecinos_chart_title_height (PangoContext            *context,
                                  const VecinosChart      *chart,
                                  double                   width);
void vecinos_chart_draw_title      (cairo_t                 *cr,
                                    PangoContext            *context,
                                    const VecinosChart      *chart,
                                    double                   width);

/* vecinos-chart-marks.c: what is plotted */
void vecinos_chart_draw_events     (cairo_t                 *cr,
                                    PangoContext            *context,
                                    const VecinosChart      *chart,
                                    const VecinosChartScale *scale,
                                    const Rgb               *color);
void vecinos_chart_draw_marker     (cairo_t                 *cr,
                                    const VecinosChart      *chart,
                                    const Layer             *layer,
                                    double                   x,
                                    double                   y,
                                    double                   radius,
                                    gboolean                 hollow);
void vecinos_chart_draw_series     (cairo_t                 *cr,
                                    const VecinosChart      *chart,
                                    const Layer             *layer);
void vecinos_chart_draw_claims     (cairo_t                 *cr,
                                    const VecinosChart      *chart,
                                    const Layer             *layer);
void vecinos_chart_draw_breaks     (cairo_t                 *cr,
                                    PangoContext            *context,
                                    const VecinosChart      *chart,
                                    const Layer             *layer,
                                    GArray                  *drawn);
void vecinos_chart_draw_crosshair  (cairo_t                 *cr,
                                    const VecinosChart      *chart,
                                    const Layer             *layer);

G_END_DECLS
