/* vecinos-chart-marks.c — what an indicator chart plots
 *
 * The series as a line broken at every gap (or, with more points than
 * pixels, collapsed into one bar per pixel column), preliminary figures as
 * hollow points, the numbers documents claim as diamonds, where a series
 * is measured another way, the events of the series' category on the time
 * axis, and the crosshair under the pointer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "vecinos-i18n.h"
#include "vecinos-chart-draw-private.h"

void
vecinos_chart_draw_events (cairo_t                 *cr,
                           PangoContext            *context,
                           const VecinosChart      *chart,
                           const VecinosChartScale *scale,
                           const Rgb               *color)
{
  for (guint i = 0; i < chart->n_events; i++)
    {
      const VecinosChartEvent *event = &chart->events[i];
      double x = vecinos_chart_x (scale, vecinos_chart_day_time (event->day));

      if (x < scale->left || x > scale->right)
        continue;
      /* A faint rule through the plot, a tick on the axis */
      cairo_set_source_rgba (cr, color->r, color->g, color->b, event->selected ? 0.9 : 0.25);
      cairo_set_line_width (cr, event->selected ? 2 : 1);
      cairo_move_to (cr, round (x) + 0.5, scale->top);
      cairo_line_to (cr, round (x) + 0.5, scale->bottom);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, color->r, color->g, color->b);
      cairo_move_to (cr, x, scale->bottom - 7);
      cairo_line_to (cr, x - 4, scale->bottom);
      cairo_line_to (cr, x + 4, scale->bottom);
      cairo_close_path (cr);
      cairo_fill (cr);
      if (event->selected)
        {
          /* Its title, in bold as measured, kept inside the plot and cut
           * short with an ellipsis when longer than the plot is wide */
          g_autoptr(PangoLayout) title = pango_layout_new (context);
          int width;

          set_bold (title);
          pango_layout_set_text (title, event->title, -1);
          pango_layout_set_width (title, (int) (MAX (scale->right - scale->left - 8, 1) * PANGO_SCALE));
          pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
          pango_layout_get_pixel_size (title, &width, NULL);
          set_ink (cr, chart, 1);
          cairo_move_to (cr, MAX (scale->left, MIN (x + 4, scale->right - width)), scale->top + 2);
          pango_cairo_show_layout (cr, title);
        }
    }
}

/* One pixel column of a collapsed line: from @top to @bottom (pixels),
 * stretched to meet the previous column's last value */
static void
column_bar (cairo_t *cr,
            double   column,
            double   top,
            double   bottom,
            double   previous)
{
  if (!isnan (previous))
    {
      top = MIN (top, previous);
      bottom = MAX (bottom, previous);
    }
  cairo_rectangle (cr, column - 1, floor (top) - 1, 2, ceil (bottom) - floor (top) + 2);
}

/* More points than pixels: per pixel column, one bar from the lowest to
 * the highest value, all filled at once (Cairo fills pixel-aligned
 * rectangles quickly). The column's shape survives and the cost follows
 * the pixels: with many points a column reads the series' summary blocks
 * instead of every point. Gaps still break the line. */
static void
draw_series_collapsed (cairo_t     *cr,
                       const Layer *layer)
{
  const VecinosSeries *series = layer->series;
  const VecinosChartScale *scale = &layer->scale;
  GArray *blocks = series->blocks;
  double period_offset = vecinos_chart_period_time (0, series->period_kind);
  double x_scale = (scale->right - scale->left) / (scale->end - scale->start);
  double y_scale = (scale->bottom - scale->top) / (scale->high - scale->low);
  gboolean by_block = series->points->len / (scale->right - scale->left) >= VECINOS_SERIES_BLOCK;
  guint n = by_block ? blocks->len : series->points->len;
  double column = -1, top = 0, bottom = 0, last = 0, previous = NAN;
  int last_year = G_MININT;

  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_source_rgb (cr, layer->color.r, layer->color.g, layer->color.b);
  for (guint i = 0; i < n; i++)
    {
      int first_year, end_year;
      double low_value, high_value, last_value, x;

      if (by_block)
        {
          const VecinosPointBlock *block = &g_array_index (blocks, VecinosPointBlock, i);

          first_year = block->first_year;
          end_year = block->last_year;
          low_value = block->min;
          high_value = block->max;
          last_value = block->last;
        }
      else
        {
          const VecinosPoint *point = &g_array_index (series->points, VecinosPoint, i);

          first_year = end_year = point->year;
          low_value = high_value = last_value = point->value;
        }

      /* vecinos_chart_x() and _y(), inlined: this loop sees every block */
      x = floor (scale->left + ((first_year + end_year) / 2.0 + period_offset - scale->start) * x_scale);
      if (x != column || first_year != last_year + 1)
        {
          if (column >= 0)
            column_bar (cr, column, top, bottom, previous);
          /* A gap: the next column does not reach back */
          previous = first_year == last_year + 1 ? last : NAN;
          column = x;
          top = G_MAXDOUBLE;
          bottom = -G_MAXDOUBLE;
        }
      if (scale->log_scale)
        {
          top = MIN (top, vecinos_chart_y (scale, high_value));
          bottom = MAX (bottom, vecinos_chart_y (scale, low_value));
          last = vecinos_chart_y (scale, last_value);
        }
      else
        {
          top = MIN (top, scale->bottom - (high_value - scale->low) * y_scale);
          bottom = MAX (bottom, scale->bottom - (low_value - scale->low) * y_scale);
          last = scale->bottom - (last_value - scale->low) * y_scale;
        }
      last_year = end_year;
    }
  if (column >= 0)
    column_bar (cr, column, top, bottom, previous);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* A point's shape: a dot, or for the compared series a square */
static void
marker_path (cairo_t *cr,
             double   x,
             double   y,
             double   radius,
             gboolean square)
{
  cairo_new_sub_path (cr);
  if (square)
    cairo_rectangle (cr, x - radius, y - radius, 2 * radius, 2 * radius);
  else
    cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
}

/* A figure: filled, or hollow when it is preliminary (to be revised) */
void
vecinos_chart_draw_marker (cairo_t            *cr,
                           const VecinosChart *chart,
                           const Layer        *layer,
                           double              x,
                           double              y,
                           double              radius,
                           gboolean            hollow)
{
  marker_path (cr, x, y, radius, layer->square);
  if (hollow)
    {
      if (chart->dark)
        cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, layer->color.r, layer->color.g, layer->color.b);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  else
    {
      cairo_set_source_rgb (cr, layer->color.r, layer->color.g, layer->color.b);
      cairo_fill (cr);
    }
}

void
vecinos_chart_draw_series (cairo_t            *cr,
                           const VecinosChart *chart,
                           const Layer        *layer)
{
  const VecinosSeries *series = layer->series;
  const VecinosChartScale *scale = &layer->scale;
  GArray *points = series->points;
  g_autofree int *years = NULL;

  if (points->len > (scale->right - scale->left) / 2)
    {
      draw_series_collapsed (cr, layer);
      return;
    }

  years = g_new (int, MAX (points->len, 1));
  for (guint i = 0; i < points->len; i++)
    years[i] = g_array_index (points, VecinosPoint, i).year;

  /* One line per run of consecutive periods: a gap stays a gap */
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint first = 0; first < points->len;)
    {
      guint length = vecinos_chart_run_length (years, points->len, first);

      for (guint i = first; i + 1 < first + length; i++)
        {
          const VecinosPoint *a = &g_array_index (points, VecinosPoint, i);
          const VecinosPoint *b = &g_array_index (points, VecinosPoint, i + 1);
          double dashes[] = { 5, 4 };

          /* A segment to a preliminary figure is dashed */
          cairo_set_dash (cr, dashes, b->preliminary ? 2 : 0, 0);
          cairo_set_source_rgb (cr, layer->color.r, layer->color.g, layer->color.b);
          cairo_move_to (cr, vecinos_chart_x (scale, vecinos_chart_period_time (a->year, series->period_kind)),
                         vecinos_chart_y (scale, a->value));
          cairo_line_to (cr, vecinos_chart_x (scale, vecinos_chart_period_time (b->year, series->period_kind)),
                         vecinos_chart_y (scale, b->value));
          cairo_stroke (cr);
        }
      first += length;
    }
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < points->len; i++)
    {
      const VecinosPoint *point = &g_array_index (points, VecinosPoint, i);
      double x = vecinos_chart_x (scale, vecinos_chart_period_time (point->year, series->period_kind));
      double y = vecinos_chart_y (scale, point->value);
      gboolean focused = layer->focused && point->year == chart->focus_year;

      vecinos_chart_draw_marker (cr, chart, layer, x, y, focused ? POINT_RADIUS + 2.5 : POINT_RADIUS,
                                 point->preliminary);
      if (focused)
        {
          set_ink (cr, chart, 0.9);
          cairo_set_line_width (cr, 2);
          cairo_new_path (cr);
          marker_path (cr, x, y, POINT_RADIUS + 6, layer->square);
          cairo_stroke (cr);
        }
    }
}

void
vecinos_chart_draw_claims (cairo_t            *cr,
                           const VecinosChart *chart,
                           const Layer        *layer)
{
  const VecinosSeries *series = layer->series;

  /* A diamond where a document's number stands, in the ink colour so that
   * it never passes for an official figure */
  for (guint i = 0; i < series->claims->len; i++)
    {
      const VecinosSeriesClaim *claim = g_ptr_array_index (series->claims, i);
      double x = vecinos_chart_x (&layer->scale, vecinos_chart_period_time (claim->year, series->period_kind));
      double y = vecinos_chart_y (&layer->scale, claim->value);

      cairo_move_to (cr, x, y - 6);
      cairo_line_to (cr, x + 6, y);
      cairo_line_to (cr, x, y + 6);
      cairo_line_to (cr, x - 6, y);
      cairo_close_path (cr);
      set_ink (cr, chart, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
}

/* Where a related series measured another way stops or takes over: a
 * dotted rule, labelled, so that two lines are never read as one */
void
vecinos_chart_draw_breaks (cairo_t            *cr,
                           PangoContext       *context,
                           const VecinosChart *chart,
                           const Layer        *layer,
                           GArray             *drawn)
{
  const VecinosSeries *series = layer->series;
  const VecinosChartScale *scale = &layer->scale;
  GArray *points = series->points;
  double dots[] = { 2, 3 };

  for (int end = 0; end < 2 && points->len > 0; end++)
    {
      int year;
      double x;

      if (!(end ? series->break_at_end : series->break_at_start))
        continue;
      year = g_array_index (points, VecinosPoint, end ? points->len - 1 : 0).year;
      x = round (vecinos_chart_x (scale, vecinos_chart_period_time (year, series->period_kind) + (end ? 0.5 : -0.5))) + 0.5;
      /* Two compared series that meet there share one rule */
      for (guint i = 0; i < drawn->len; i++)
        if (fabs (g_array_index (drawn, double, i) - x) < 6)
          x = NAN;
      if (isnan (x))
        continue;
      g_array_append_val (drawn, x);
      set_ink (cr, chart, 0.7);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dots, 2, 0);
      cairo_move_to (cr, x, scale->top);
      cairo_line_to (cr, x, scale->bottom);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      {
        /* Translators: on a chart, where a series is measured another way */
        const char *label = _("Method changes");
        double width = text_width (context, label);
        /* After the rule, or before it: on the side it fits, whole */
        gboolean after = end ? x + 4 + width <= scale->right : x - 4 - width < scale->left;

        show_text (cr, context, label, after ? x + 4 : x - 4, scale->bottom - line_height (context) - 4,
                   after ? 0 : 1, FALSE);
      }
    }
}

/* A thin vertical rule where the pointer is: the period it points at */
void
vecinos_chart_draw_crosshair (cairo_t            *cr,
                              const VecinosChart *chart,
                              const Layer        *layer)
{
  double x;

  if (chart->hover_year == 0)
    return;
  x = round (vecinos_chart_x (&layer->scale, vecinos_chart_period_time (chart->hover_year,
                                                                        layer->series->period_kind))) + 0.5;
  set_ink (cr, chart, 0.45);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x, layer->scale.top);
  cairo_line_to (cr, x, layer->scale.bottom);
  cairo_stroke (cr);
}
