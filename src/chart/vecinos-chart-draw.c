/* vecinos-chart-draw.c — an indicator chart drawn with Cairo
 *
 * One function draws the chart for the Charts view (into a GtkSnapshot's
 * Cairo node) and for exported PNG, SVG and PDF files: the presidencies as
 * shaded bands behind the plot, value ticks, the series as a line broken at
 * every gap, preliminary figures as hollow points, the numbers documents
 * claim as diamonds, and the events of the series' category on the time
 * axis. Nothing here needs a display.
 *
 * Here the plot is laid out and its layers drawn in order; what frames the
 * plot (terms, axes, legend, title) is in vecinos-chart-frame.c, what is
 * plotted in vecinos-chart-marks.c, and the writing of files in
 * vecinos-chart-export.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "vecinos-chart-draw-private.h"

static Rgb
parse_color (const char *hex)
{
  unsigned int r = 0x66, g = 0x66, b = 0x66;

  if (hex != NULL && strlen (hex) == 7 && hex[0] == '#')
    sscanf (hex + 1, "%2x%2x%2x", &r, &g, &b);
  return (Rgb) { r / 255.0, g / 255.0, b / 255.0 };
}

/**
 * vecinos_chart_series_color:
 * @hex: a series' or a category's colour, #RRGGBB
 *
 * Returns: the colour its line, points and event marks are drawn in:
 *   darkened on a light background (lightened on a dark one) until it
 *   stands out 3:1 from it — a category's yellow stays a yellow as far as
 *   it can
 */
VecinosRgb
vecinos_chart_series_color (const VecinosChart *chart,
                            const char         *hex)
{
  Rgb color = parse_color (hex);

  return vecinos_contrast_adjust ((VecinosRgb) { color.r, color.g, color.b },
                                  chart->dark ? VECINOS_BACKGROUND_DARK : VECINOS_BACKGROUND_LIGHT,
                                  VECINOS_CONTRAST_GRAPHICS);
}

/**
 * vecinos_chart_ink_level:
 *
 * Returns: the grey (0 black, 1 white) of the chart's text and axes: near
 *   black on the light style, near white on the dark; its text is drawn
 *   at alpha 0.75 or more, which keeps 4.5:1 (tests/test-contrast.c)
 */
double
vecinos_chart_ink_level (const VecinosChart *chart)
{
  if (chart->high_contrast)
    return chart->dark ? 1 : 0;
  return chart->dark ? 0.93 : 0.13;
}

static Rgb
line_color (const VecinosChart *chart,
            const char         *hex)
{
  VecinosRgb color = vecinos_chart_series_color (chart, hex);

  return (Rgb) { color.r, color.g, color.b };
}

/* The widest of a layer's tick labels */
static double
widest_tick (PangoContext *context,
             const Layer  *layer)
{
  double widest = 0;

  for (guint i = 0; i < layer->ticks->len; i++)
    {
      g_autofree char *label = layer_tick (layer, i);
      widest = MAX (widest, text_width (context, label));
    }
  return widest;
}

/* Values and ticks: the figures and the documents' numbers of @series (and
 * of @also, sharing the axis), from zero for amounts that cannot be
 * negative, or by powers of ten on a logarithmic axis */
static void
layer_axis (Layer               *layer,
            const VecinosSeries *also,
            gboolean             log_scale,
            guint                max_ticks)
{
  const VecinosSeries *both[] = { layer->series, also };
  double low = G_MAXDOUBLE, high = -G_MAXDOUBLE;
  const char *kind = layer->series->unit_kind;

  for (guint s = 0; s < G_N_ELEMENTS (both) && both[s] != NULL; s++)
    {
      const VecinosSeries *series = both[s];

      /* Summarised once, not every frame (the series keeps it) */
      vecinos_series_summarise ((VecinosSeries *) series);
      if (series->points->len > 0 && isfinite (series->min) && isfinite (series->max))
        {
          low = MIN (low, series->min);
          high = MAX (high, series->max);
        }
      for (guint i = 0; i < series->claims->len; i++)
        {
          double value = ((VecinosSeriesClaim *) g_ptr_array_index (series->claims, i))->value;

          /* A claim is drawn only where the axis can hold it */
          if (!isfinite (value))
            continue;
          low = MIN (low, value);
          high = MAX (high, value);
        }
    }
  if (low > high)
    low = 0, high = 1;

  layer->scale.log_scale = log_scale && low > 0;
  if (layer->scale.log_scale)
    {
      layer->ticks = vecinos_chart_log_ticks (low, high, max_ticks);
      layer->step = 0;
    }
  else
    {
      if (low > 0 && g_strcmp0 (kind, "percent") != 0 && g_strcmp0 (kind, "rank") != 0 &&
          g_strcmp0 (kind, "index") != 0)
        low = 0;
      layer->ticks = vecinos_chart_nice_ticks (low, high, max_ticks, &layer->step);
    }
  layer->scale.low = g_array_index (layer->ticks, double, 0);
  layer->scale.high = g_array_index (layer->ticks, double, layer->ticks->len - 1);
}

/**
 * vecinos_chart_shares_axis:
 *
 * Returns: whether @chart's two series are read on one value axis: when
 *   asked (indexes), or when they are in the same unit, so that equal
 *   heights mean equal amounts
 */
gboolean
vecinos_chart_shares_axis (const VecinosChart *chart)
{
  if (chart->compare == NULL)
    return FALSE;
  return chart->shared_axis ||
         (g_strcmp0 (chart->series->unit_kind, chart->compare->unit_kind) == 0 &&
          g_strcmp0 (chart->series->unit, chart->compare->unit) == 0);
}

/* A colour for the compared series that is not the first one's: its own
 * category's, or else the ink */
static Rgb
compare_color (const VecinosChart *chart)
{
  if (g_strcmp0 (chart->compare->color, chart->series->color) != 0)
    return line_color (chart, chart->compare->color);
  return chart->dark ? (Rgb) { 0.85, 0.85, 0.85 } : (Rgb) { 0.25, 0.25, 0.25 };
}

/* The legend's height: one line, or for two series a line each and one
 * for what the marks mean */
static double
legend_height (PangoContext *context,
               guint         n_layers)
{
  return (n_layers == 2 ? 3 : 1) * legend_line_height (context);
}

/* Where the plot goes, below the title and between the terms' strips, the
 * tick labels and the legend; each layer's value axis (the compared
 * series' on the first's, or on its own at the right) and the years shown */
static VecinosChartScale
layout_plot (PangoContext       *context,
             const VecinosChart *chart,
             Layer              *layers,
             guint               n_layers,
             double              width,
             double              height)
{
  gboolean shared = vecinos_chart_shares_axis (chart);
  gboolean right_axis = n_layers == 2 && !shared;
  guint max_ticks;
  VecinosChartScale plot = { 0 };
  double first = G_MAXDOUBLE, last = -G_MAXDOUBLE;

  plot.top = vecinos_chart_title_height (context, chart, width) + band_height (context) + 4;
  plot.bottom = height - legend_height (context, n_layers) - 2 * band_height (context) - 8;
  max_ticks = MAX (3, (guint) ((plot.bottom - plot.top) / 40));

  layers[0].series = chart->series;
  layers[0].color = line_color (chart, chart->series->color);
  layers[0].focused = chart->focus_series == 0;
  layer_axis (&layers[0], shared ? chart->compare : NULL, chart->log_scale, max_ticks);
  if (n_layers == 2)
    {
      layers[1].series = chart->compare;
      layers[1].color = compare_color (chart);
      layers[1].square = TRUE;
      layers[1].focused = chart->focus_series == 1;
      if (right_axis)
        layer_axis (&layers[1], NULL, chart->log_scale, max_ticks);
      else
        {
          layers[1].ticks = g_array_ref (layers[0].ticks);
          layers[1].step = layers[0].step;
          layers[1].scale = layers[0].scale;
        }
    }

  /* Time: both series' periods, a year of room each side */
  for (guint i = 0; i < n_layers; i++)
    {
      const VecinosSeries *series = layers[i].series;

      if (series->points->len == 0)
        continue;
      first = MIN (first, vecinos_chart_period_time (g_array_index (series->points, VecinosPoint, 0).year,
                                                     series->period_kind) - 1);
      last = MAX (last, vecinos_chart_period_time (g_array_index (series->points, VecinosPoint,
                                                                  series->points->len - 1).year,
                                                   series->period_kind) + 1);
    }
  plot.start = first < last ? first : 1990;
  plot.end = first < last ? last : 2026;
  if (chart->range_end > chart->range_start)
    {
      /* The years another view shows (the timeline's, when linked) */
      plot.start = chart->range_start;
      plot.end = chart->range_end;
    }
  plot.left = widest_tick (context, &layers[0]) + 14;
  plot.right = width - 16 - (right_axis ? widest_tick (context, &layers[1]) + 6 : 0);
  for (guint i = 0; i < n_layers; i++)
    {
      double low = layers[i].scale.low, high = layers[i].scale.high;
      gboolean log_scale = layers[i].scale.log_scale;

      layers[i].scale = plot;
      layers[i].scale.low = low;
      layers[i].scale.high = high;
      layers[i].scale.log_scale = log_scale;
    }
  return plot;
}

/* The layers, back to front: the title, the terms behind the plot, the
 * axes; then, clipped to the plot, the crosshair, the events, where
 * methods change, and the series with their claims, the first on top;
 * the legend last */
static void
draw_layers (cairo_t                 *cr,
             PangoContext            *context,
             const VecinosChart      *chart,
             const Layer             *layers,
             guint                    n_layers,
             const VecinosChartScale *plot,
             double                   width,
             double                   height)
{
  gboolean right_axis = n_layers == 2 && !vecinos_chart_shares_axis (chart);

  vecinos_chart_draw_title (cr, context, chart, width);

  cairo_save (cr);
  cairo_rectangle (cr, plot->left, plot->top - band_height (context), plot->right - plot->left,
                   plot->bottom - plot->top + 2 * band_height (context));
  cairo_clip (cr);
  vecinos_chart_draw_terms (cr, context, chart, &layers[0].scale);
  cairo_restore (cr);

  vecinos_chart_draw_value_axis (cr, context, chart, &layers[0], FALSE);
  if (right_axis)
    vecinos_chart_draw_value_axis (cr, context, chart, &layers[1], TRUE);
  vecinos_chart_draw_time_axis (cr, context, chart, &layers[0].scale);

  cairo_save (cr);
  /* Room for a marker's edge at the ends, unless the years are cut short */
  {
    double margin = chart->range_end > chart->range_start ? 0 : 10;

    cairo_rectangle (cr, plot->left - margin, plot->top - 10, plot->right - plot->left + 2 * margin,
                     plot->bottom - plot->top + 20);
  }
  cairo_clip (cr);
  vecinos_chart_draw_crosshair (cr, chart, &layers[0]);
  vecinos_chart_draw_events (cr, context, chart, &layers[0].scale, &layers[0].color);
  {
    g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < n_layers; i++)
      vecinos_chart_draw_breaks (cr, context, chart, &layers[i], breaks);
  }
  for (guint i = n_layers; i-- > 0;)
    {
      vecinos_chart_draw_series (cr, chart, &layers[i]);
      vecinos_chart_draw_claims (cr, chart, &layers[i]);
    }
  cairo_restore (cr);

  vecinos_chart_draw_legend (cr, context, chart, layers, n_layers, plot->left,
                             height - legend_height (context, n_layers) + 2, width - 8);
}

/**
 * vecinos_chart_draw:
 * @context: the Pango context text is laid out with (the widget's, or one
 *   made for the file)
 * @scales: (out caller-allocates) (array fixed-size=2) (optional): where
 *   the plot went for the series and for the compared one, for pointer and
 *   keyboard
 *
 * Draws @chart in a @width × @height area at the origin of @cr.
 */
void
vecinos_chart_draw (cairo_t            *cr,
                    PangoContext       *context,
                    const VecinosChart *chart,
                    double              width,
                    double              height,
                    VecinosChartScale  *scales)
{
  Layer layers[2] = { { 0 } };
  guint n_layers = chart->compare != NULL ? 2 : 1;
  VecinosChartScale plot;

  if (chart->background)
    {
      if (chart->dark)
        cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }

  plot = layout_plot (context, chart, layers, n_layers, width, height);
  draw_layers (cr, context, chart, layers, n_layers, &plot, width, height);

  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    {
      if (scales != NULL)
        scales[i] = layers[i < n_layers ? i : 0].scale;
      g_clear_pointer (&layers[i].ticks, g_array_unref);
    }
}
