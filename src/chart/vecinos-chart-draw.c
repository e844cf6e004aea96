/* vecinos-chart-draw.c — an indicator chart drawn with Cairo
 *
 * One function draws the chart for the Charts view (into a GtkSnapshot's
 * Cairo node) and for exported PNG, SVG and PDF files: the presidencies as
 * shaded bands behind the plot, value ticks, the series as a line broken at
 * every gap, preliminary figures as hollow points, the numbers documents
 * claim as diamonds, and the events of the series' category on the time
 * axis. Nothing here needs a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "vecinos-i18n.h"
#include "vecinos-chart-draw.h"
#include "vecinos-event.h"

#define TITLE_HEIGHT 34.0
#define BAND_HEIGHT 18.0
#define LEGEND_HEIGHT 26.0
#define POINT_RADIUS 3.5

typedef struct {
  double r, g, b;
} Rgb;

static Rgb
parse_color (const char *hex)
{
  unsigned int r = 0x66, g = 0x66, b = 0x66;

  if (hex != NULL && strlen (hex) == 7 && hex[0] == '#')
    sscanf (hex + 1, "%2x%2x%2x", &r, &g, &b);
  return (Rgb) { r / 255.0, g / 255.0, b / 255.0 };
}

static void
set_ink (cairo_t            *cr,
         const VecinosChart *chart,
         double              alpha)
{
  double level = chart->dark ? 0.93 : 0.13;

  cairo_set_source_rgba (cr, level, level, level, alpha);
}

static void
set_bold (PangoLayout *layout)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
}

/* Text at (x, y); @align 0 left, 0.5 centre, 1 right; returns its width */
static double
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

static double
text_width (PangoContext *context,
            const char   *text)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  int width;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/**
 * vecinos_chart_format_tick:
 * @value: a tick
 * @step: the distance between ticks (for a logarithmic axis, the tick
 *   itself), which sets the decimals
 * @unit_kind: the series' kind of unit
 * @top: the axis' largest tick, which sets the magnitude
 *
 * Returns: the tick's label: grouped digits, and amounts of money and
 *   large counts abbreviated with their magnitude ("US$400 bn", "1.5 M")
 */
char *
vecinos_chart_format_tick (double      value,
                           double      step,
                           const char *unit_kind,
                           double      top)
{
  enum { PLAIN, DOLLARS, MILLION_DOLLARS, BILLION_DOLLARS, MILLIONS } form = PLAIN;
  static const double divisors[] = { 1, 1, 1e6, 1e9, 1e6 };
  g_autofree char *number = NULL;
  int decimals;

  if (g_strcmp0 (unit_kind, "usd_millions") == 0 || g_strcmp0 (unit_kind, "usd_billions") == 0 ||
      g_strcmp0 (unit_kind, "usd") == 0)
    {
      /* In dollars, then by the largest tick's magnitude */
      double dollars = g_str_equal (unit_kind, "usd_millions") ? 1e6 : g_str_equal (unit_kind, "usd") ? 1 : 1e9;

      value *= dollars;
      step *= dollars;
      top *= dollars;
      form = fabs (top) >= 1e9 ? BILLION_DOLLARS : fabs (top) >= 1e6 ? MILLION_DOLLARS : DOLLARS;
    }
  else if (g_strcmp0 (unit_kind, "millions") != 0 && g_strcmp0 (unit_kind, "index") != 0 &&
           fabs (top) >= 1e6)
    form = MILLIONS;

  decimals = vecinos_chart_tick_decimals (step / divisors[form]);
  /* Rounded to the ticks' precision, then grouped */
  number = vecinos_format_number (round (value / divisors[form] * pow (10, decimals)) / pow (10, decimals));
  switch (form)
    {
    case DOLLARS:
      /* Translators: an axis label in U.S. dollars, as in "US$2,000" */
      return g_strdup_printf (_("US$%s"), number);
    case MILLION_DOLLARS:
      /* Translators: an axis label in millions of U.S. dollars, as in "US$20 M" */
      return g_strdup_printf (_("US$%s M"), number);
    case BILLION_DOLLARS:
      /* Translators: an axis label in billions (thousands of millions) of
       * U.S. dollars, as in "US$400 bn" */
      return g_strdup_printf (_("US$%s bn"), number);
    case MILLIONS:
      /* Translators: an axis label in millions, as in "2.5 M" */
      return g_strdup_printf (_("%s M"), number);
    case PLAIN:
    default:
      return g_steal_pointer (&number);
    }
}

static void
draw_terms (cairo_t                 *cr,
            PangoContext            *context,
            const VecinosChart      *chart,
            const VecinosChartScale *scale)
{
  for (guint i = 0; chart->terms != NULL && i < chart->terms->len; i++)
    {
      const VecinosTerm *term = g_ptr_array_index (chart->terms, i);
      gboolean us = g_str_equal (term->country, "us");
      double x0 = vecinos_chart_x (scale, vecinos_chart_day_time (term->start));
      double x1 = term->end > 0 ? vecinos_chart_x (scale, vecinos_chart_day_time (term->end)) : scale->right;
      double y = us ? scale->top - BAND_HEIGHT : scale->bottom;
      const char *name;

      x0 = MAX (x0, scale->left);
      x1 = MIN (x1, scale->right);
      if (x1 <= x0)
        continue;

      /* Mexico's terms shade the plot itself, alternately; both countries
       * get a labelled strip, the United States above, Mexico below */
      if (!us)
        {
          set_ink (cr, chart, i % 2 == 0 ? 0.035 : 0.07);
          cairo_rectangle (cr, x0, scale->top, x1 - x0, scale->bottom - scale->top);
          cairo_fill (cr);
        }
      set_ink (cr, chart, i % 2 == 0 ? 0.08 : 0.15);
      cairo_rectangle (cr, x0, y + 1, x1 - x0 - 1, BAND_HEIGHT - 2);
      cairo_fill (cr);

      name = term->person;
      if (text_width (context, name) + 6 > x1 - x0)
        name = term->short_name != NULL ? term->short_name : term->person;
      if (text_width (context, name) + 6 <= x1 - x0)
        {
          set_ink (cr, chart, 0.85);
          show_text (cr, context, name, x0 + 3, y + 1, 0, FALSE);
        }
    }
}

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

static char *
layer_tick (const Layer *layer,
            guint        i)
{
  double value = g_array_index (layer->ticks, double, i);
  double top = g_array_index (layer->ticks, double, layer->ticks->len - 1);

  return vecinos_chart_format_tick (value, layer->scale.log_scale ? value : layer->step,
                                    layer->series->unit_kind, top);
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

/* The first layer's ticks on the left with grid lines across; the
 * second's, when it has an axis of its own, on the right */
static void
draw_value_axis (cairo_t            *cr,
                 PangoContext       *context,
                 const VecinosChart *chart,
                 const Layer        *layer,
                 gboolean            right)
{
  const VecinosChartScale *scale = &layer->scale;

  for (guint i = 0; i < layer->ticks->len; i++)
    {
      double y = round (vecinos_chart_y (scale, g_array_index (layer->ticks, double, i))) + 0.5;
      g_autofree char *label = layer_tick (layer, i);

      if (!right)
        {
          set_ink (cr, chart, 0.12);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, scale->left, y);
          cairo_line_to (cr, scale->right, y);
          cairo_stroke (cr);
        }
      set_ink (cr, chart, 0.75);
      show_text (cr, context, label, right ? scale->right + 6 : scale->left - 6, y - 8, right ? 0 : 1, FALSE);
    }
}

static void
draw_time_axis (cairo_t                 *cr,
                PangoContext            *context,
                const VecinosChart      *chart,
                const VecinosChartScale *scale)
{
  const VecinosSeries *series = chart->series;
  int first = (int) ceil (scale->start), last = (int) floor (scale->end);
  double last_end = -G_MAXDOUBLE;
  int stride = 1;

  /* Every year the plot spans (both series' when compared), labelled as
   * the first series' periods are; with more years than room, only every
   * stride-th is looked at: the cost follows the labels that fit */
  if (last > first)
    stride = MAX (1, (int) ceil (60 / ((scale->right - scale->left) / (last - first + 1))));
  for (int year = first; year <= last; year += stride)
    {
      double x = vecinos_chart_x (scale, vecinos_chart_period_time (year, series->period_kind));
      g_autofree char *label = vecinos_series_format_year (series, year);
      double width = text_width (context, label);

      /* Labels never overlap: a crowded axis skips some */
      if (x - width / 2 < last_end + 8 || x + width / 2 > scale->right + 20 || x < scale->left)
        continue;
      set_ink (cr, chart, 0.75);
      show_text (cr, context, label, x, scale->bottom + BAND_HEIGHT + 4, 0.5, FALSE);
      last_end = x + width / 2;
    }
}

static void
draw_events (cairo_t                 *cr,
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
          set_ink (cr, chart, 1);
          show_text (cr, context, event->title, MIN (x + 4, scale->right - text_width (context, event->title)),
                     scale->top + 2, 0, TRUE);
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
static void
draw_marker (cairo_t            *cr,
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

static void
draw_series (cairo_t            *cr,
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

      draw_marker (cr, chart, layer, x, y, focused ? POINT_RADIUS + 2.5 : POINT_RADIUS, point->preliminary);
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

static void
draw_claims (cairo_t            *cr,
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
static void
draw_breaks (cairo_t            *cr,
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
      /* Translators: on a chart, where a series is measured another way */
      show_text (cr, context, _("Method changes"), end ? x + 4 : x - 4, scale->bottom - 20, end ? 0 : 1, FALSE);
    }
}

/* A thin vertical rule where the pointer is: the period it points at */
static void
draw_crosshair (cairo_t            *cr,
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

/* @text on one line at most @width wide, cut short with an ellipsis */
static PangoLayout *
ellipsized_layout (PangoContext *context,
                   const char   *text,
                   double        width,
                   gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);

  if (bold)
    set_bold (layout);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

/* One entry of the legend at @x, cut short with an ellipsis before @right:
 * returns where the next one goes */
static double
legend_entry (cairo_t            *cr,
              PangoContext       *context,
              const VecinosChart *chart,
              const char         *label,
              double              x,
              double              y,
              double              right)
{
  g_autoptr(PangoLayout) layout = ellipsized_layout (context, label, right - x - 12, FALSE);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  set_ink (cr, chart, 0.85);
  cairo_move_to (cr, x + 12, y);
  pango_cairo_show_layout (cr, layout);
  return x + 12 + width + 18;
}

/* The name of a compared series, with the axis it is read on */
static char *
layer_name (const VecinosChart *chart,
            const Layer        *layer,
            gboolean            right)
{
  if (chart->compare == NULL)
    return g_strdup (layer->series->derived ? _("Computed by Vecinos from official figures")
                                            : _("Official figure"));
  if (vecinos_chart_shares_axis (chart))
    return g_strdup (layer->series->name);
  /* Translators: in a chart's legend, %1$s a series, %2$s its unit */
  return g_strdup_printf (right ? _("%1$s (%2$s, right axis)") : _("%1$s (%2$s, left axis)"),
                          layer->series->name, layer->series->unit);
}

static void
draw_legend (cairo_t            *cr,
             PangoContext       *context,
             const VecinosChart *chart,
             const Layer        *layers,
             guint               n_layers,
             double              x,
             double              y,
             double              right)
{
  double start = x;
  gboolean any_preliminary = FALSE, any_claims = FALSE;

  /* The series (or the official figures), then what the marks mean; two
   * compared series get a line each */
  for (guint i = 0; i < n_layers; i++)
    {
      g_autofree char *name = layer_name (chart, &layers[i], i == 1);

      cairo_new_path (cr);
      draw_marker (cr, chart, &layers[i], x + 4, y + 9, POINT_RADIUS, FALSE);
      x = legend_entry (cr, context, chart, name, x, y, right);
      any_preliminary |= layers[i].series->has_preliminary;
      any_claims |= layers[i].series->claims->len > 0;
      if (n_layers > 1)
        x = start, y += LEGEND_HEIGHT;
    }

  if (any_preliminary)
    {
      cairo_new_path (cr);
      draw_marker (cr, chart, &layers[0], x + 4, y + 9, POINT_RADIUS, TRUE);
      x = legend_entry (cr, context, chart, _("Preliminary, to be revised"), x, y, right);
    }
  if (any_claims)
    {
      set_ink (cr, chart, 1);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, x + 4, y + 4);
      cairo_line_to (cr, x + 9, y + 9);
      cairo_line_to (cr, x + 4, y + 14);
      cairo_line_to (cr, x - 1, y + 9);
      cairo_close_path (cr);
      cairo_stroke (cr);
      x = legend_entry (cr, context, chart, _("Figure stated in a document"), x, y, right);
    }
  if (chart->n_events > 0)
    {
      /* Translators: %s is a category, as in "Security events" */
      g_autofree char *label = g_strdup_printf (_("%s events"), chart->series->category_name);
      const Rgb *color = &layers[0].color;

      cairo_set_source_rgb (cr, color->r, color->g, color->b);
      cairo_move_to (cr, x + 4, y + 4);
      cairo_line_to (cr, x, y + 13);
      cairo_line_to (cr, x + 8, y + 13);
      cairo_close_path (cr);
      cairo_fill (cr);
      legend_entry (cr, context, chart, label, x, y, right);
    }
}

/* The chart's title, cut short with an ellipsis if it does not fit */
static void
draw_title (cairo_t            *cr,
            PangoContext       *context,
            const VecinosChart *chart,
            double              width)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *title = NULL;

  if (chart->compare != NULL && vecinos_chart_shares_axis (chart))
    /* Translators: a chart comparing two series in one unit, %3$s */
    title = g_strdup_printf (_("%1$s and %2$s — %3$s"), chart->series->name, chart->compare->name,
                             chart->series->unit);
  else if (chart->compare != NULL)
    /* Translators: a chart comparing two series */
    title = g_strdup_printf (_("%1$s and %2$s"), chart->series->name, chart->compare->name);
  else
    /* Translators: a chart's title: %1$s the indicator, %2$s its unit (units
     * can hold parentheses of their own, hence the dash) */
    title = g_strdup_printf (_("%1$s — %2$s"), chart->series->name, chart->series->unit);
  layout = ellipsized_layout (context, title, width - 16, TRUE);
  set_ink (cr, chart, 1);
  cairo_move_to (cr, 8, 6);
  pango_cairo_show_layout (cr, layout);
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
    return parse_color (chart->compare->color);
  return chart->dark ? (Rgb) { 0.85, 0.85, 0.85 } : (Rgb) { 0.25, 0.25, 0.25 };
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
  gboolean shared = vecinos_chart_shares_axis (chart);
  gboolean right_axis = n_layers == 2 && !shared;
  guint max_ticks;
  double legend_height = (n_layers == 2 ? 3 : 1) * LEGEND_HEIGHT;
  VecinosChartScale plot = { 0 };
  double first = G_MAXDOUBLE, last = -G_MAXDOUBLE;

  if (chart->background)
    {
      if (chart->dark)
        cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }

  plot.top = TITLE_HEIGHT + BAND_HEIGHT + 4;
  plot.bottom = height - legend_height - 2 * BAND_HEIGHT - 8;
  max_ticks = MAX (3, (guint) ((plot.bottom - plot.top) / 40));

  layers[0].series = chart->series;
  layers[0].color = parse_color (chart->series->color);
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

  draw_title (cr, context, chart, width);

  cairo_save (cr);
  cairo_rectangle (cr, plot.left, plot.top - BAND_HEIGHT, plot.right - plot.left,
                   plot.bottom - plot.top + 2 * BAND_HEIGHT);
  cairo_clip (cr);
  draw_terms (cr, context, chart, &layers[0].scale);
  cairo_restore (cr);

  draw_value_axis (cr, context, chart, &layers[0], FALSE);
  if (right_axis)
    draw_value_axis (cr, context, chart, &layers[1], TRUE);
  draw_time_axis (cr, context, chart, &layers[0].scale);

  cairo_save (cr);
  /* Room for a marker's edge at the ends, unless the years are cut short */
  {
    double margin = chart->range_end > chart->range_start ? 0 : 10;

    cairo_rectangle (cr, plot.left - margin, plot.top - 10, plot.right - plot.left + 2 * margin,
                     plot.bottom - plot.top + 20);
  }
  cairo_clip (cr);
  draw_crosshair (cr, chart, &layers[0]);
  draw_events (cr, context, chart, &layers[0].scale, &layers[0].color);
  {
    g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < n_layers; i++)
      draw_breaks (cr, context, chart, &layers[i], breaks);
  }
  for (guint i = n_layers; i-- > 0;)
    {
      draw_series (cr, chart, &layers[i]);
      draw_claims (cr, chart, &layers[i]);
    }
  cairo_restore (cr);

  draw_legend (cr, context, chart, layers, n_layers, plot.left, height - legend_height + 2, width - 8);

  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    {
      if (scales != NULL)
        scales[i] = layers[i < n_layers ? i : 0].scale;
      g_clear_pointer (&layers[i].ticks, g_array_unref);
    }
}

/* The kinds of file vecinos_chart_export() writes */
typedef enum {
  EXPORT_NONE,
  EXPORT_PNG,
  EXPORT_SVG,
  EXPORT_PDF,
  EXPORT_CSV,
} ExportFormat;

static ExportFormat
export_format (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    return EXPORT_PNG;
  if (g_str_has_suffix (lower, ".svg"))
    return EXPORT_SVG;
  if (g_str_has_suffix (lower, ".pdf"))
    return EXPORT_PDF;
  if (g_str_has_suffix (lower, ".csv"))
    return EXPORT_CSV;
  return EXPORT_NONE;
}

/**
 * vecinos_chart_export_check:
 * @path: the file asked for
 *
 * Whether vecinos_chart_export() can write @path at @width × @height: the
 * name ends in a known extension and the size is within
 * %VECINOS_CHART_EXPORT_MIN_WIDTH … %VECINOS_CHART_EXPORT_MAX_SIDE (and
 * %VECINOS_CHART_EXPORT_MIN_HEIGHT for the height), with at most
 * %VECINOS_CHART_EXPORT_MAX_PIXELS in all. Nothing is written.
 */
gboolean
vecinos_chart_export_check (const char *path,
                            int         width,
                            int         height,
                            GError    **error)
{
  if (export_format (path) == EXPORT_NONE)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is a file name */
                   _("Cannot export to “%s”: the name must end in .png, .svg, .pdf or .csv."), name);
      return FALSE;
    }
  if (width < VECINOS_CHART_EXPORT_MIN_WIDTH || width > VECINOS_CHART_EXPORT_MAX_SIDE ||
      height < VECINOS_CHART_EXPORT_MIN_HEIGHT || height > VECINOS_CHART_EXPORT_MAX_SIDE ||
      (gint64) width * height > VECINOS_CHART_EXPORT_MAX_PIXELS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %1$d × %2$d is the size asked for, in pixels */
                   _("Cannot export a chart of %1$d × %2$d pixels: that size is not possible."),
                   width, height);
      return FALSE;
    }
  return TRUE;
}

/* A file being exported: written beside the one asked for, under a name of
 * its own, and renamed over it only once all of it is on the disk, so that
 * a failure (a full disk, a removed drive) leaves the previous file whole */
typedef struct {
  const char *path;
  char       *tmp_path;
  int         fd;
  int         saved_errno;  /* of the first write that failed */
} ExportFile;

/* Says why @path could not be written, the way a teacher would want to
 * hear it, from the errno of the call that failed */
static void
set_export_error (GError    **error,
                  const char *path,
                  int         saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_name = g_filename_display_name (dir);
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  switch (saved_errno)
    {
    case ENOENT:
    case ENOTDIR:
      if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, G_IO_ERROR, code,
                       /* Translators: %1$s is a file name, %2$s the folder it would be in */
                       _("Cannot export to “%1$s”: the folder “%2$s” does not exist."),
                       name, dir_name);
          return;
        }
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, G_IO_ERROR, code,
                   /* Translators: %1$s is a file name, %2$s the folder it would be in */
                   _("Cannot export to “%1$s”: you cannot write in the folder “%2$s”."),
                   name, dir_name);
      return;
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   /* Translators: %s is a file name */
                   _("Cannot export to “%s”: the disk is full."), name);
      return;
    case EFBIG:
      g_set_error (error, G_IO_ERROR, code,
                   /* Translators: %s is a file name; the disk, or the system, takes
                    * no file that large */
                   _("Cannot export to “%s”: the file is too large for this disk."), name);
      return;
    case EISDIR:
      g_set_error (error, G_IO_ERROR, code,
                   /* Translators: %s is a file name */
                   _("Cannot export to “%s”: that is a folder."), name);
      return;
    default:
      break;
    }
  g_set_error (error, G_IO_ERROR, code,
               /* Translators: %1$s is a file name, %2$s the reason */
               _("Could not write “%1$s”: %2$s"), name, g_strerror (saved_errno));
}

static gboolean
export_file_open (ExportFile *file,
                  const char *path,
                  GError    **error)
{
  file->path = path;
  file->tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  file->saved_errno = 0;
  file->fd = g_mkstemp_full (file->tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (file->fd < 0)
    {
      set_export_error (error, path, errno);
      g_clear_pointer (&file->tmp_path, g_free);
      return FALSE;
    }
  return TRUE;
}

/* Cairo's write function: every byte, or an error Cairo passes on */
static cairo_status_t
export_file_write (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  ExportFile *file = closure;

  if (file->saved_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  while (length > 0)
    {
      gssize written = write (file->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          file->saved_errno = written < 0 ? errno : ENOSPC;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= written;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* On the disk, then in place of the file asked for */
static gboolean
export_file_commit (ExportFile *file,
                    GError    **error)
{
  int fd = file->fd;

  file->fd = -1;
  if (g_fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      set_export_error (error, file->path, saved_errno);
      return FALSE;
    }
  if (close (fd) != 0 && errno != EINTR)
    {
      set_export_error (error, file->path, errno);
      return FALSE;
    }
  if (g_rename (file->tmp_path, file->path) != 0)
    {
      set_export_error (error, file->path, errno);
      return FALSE;
    }
  g_clear_pointer (&file->tmp_path, g_free);
  return TRUE;
}

/* After a failure, or after a commit: nothing of the export stays behind
 * but the file asked for */
static void
export_file_clear (ExportFile *file)
{
  if (file->fd >= 0)
    close (file->fd);
  file->fd = -1;
  if (file->tmp_path != NULL)
    g_unlink (file->tmp_path);
  g_clear_pointer (&file->tmp_path, g_free);
}

/* The figures, through the model's CSV writer into the file set aside.
 * GLib reports a failure with a GFileError; said again as the other
 * formats' failures are */
static gboolean
export_csv (const VecinosChart *chart,
            ExportFile         *file,
            GError            **error)
{
  static const struct { GFileError code; int errno_value; } errnos[] = {
    { G_FILE_ERROR_NOSPC, ENOSPC },
    { G_FILE_ERROR_NOENT, ENOENT },
    { G_FILE_ERROR_NOTDIR, ENOTDIR },
    { G_FILE_ERROR_ACCES, EACCES },
    { G_FILE_ERROR_PERM, EPERM },
    { G_FILE_ERROR_ROFS, EROFS },
    { G_FILE_ERROR_ISDIR, EISDIR },
    { G_FILE_ERROR_IO, EIO },
  };
  g_autoptr(GError) local_error = NULL;

  if (vecinos_series_write_csv (chart->series, chart->compare, file->tmp_path, &local_error))
    return TRUE;
  if (local_error->domain == G_FILE_ERROR)
    {
      for (guint i = 0; i < G_N_ELEMENTS (errnos); i++)
        if (local_error->code == (int) errnos[i].code)
          {
            set_export_error (error, file->path, errnos[i].errno_value);
            return FALSE;
          }
      /* GFileError has no code for these; GLib's message carries
       * strerror()'s wording of them */
      if (strstr (local_error->message, g_strerror (EFBIG)) != NULL)
        {
          set_export_error (error, file->path, EFBIG);
          return FALSE;
        }
#ifdef EDQUOT
      if (strstr (local_error->message, g_strerror (EDQUOT)) != NULL)
        {
          set_export_error (error, file->path, EDQUOT);
          return FALSE;
        }
#endif
    }
  {
    g_autofree char *name = g_filename_display_name (file->path);

    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 /* Translators: %1$s is a file name, %2$s the reason */
                 _("Could not write “%1$s”: %2$s"), name, local_error->message);
  }
  return FALSE;
}

/* The chart, drawn into a surface whose bytes go to @file */
static gboolean
export_drawing (const VecinosChart *chart,
                ExportFormat        format,
                int                 width,
                int                 height,
                ExportFile         *file,
                GError            **error)
{
  PangoFontMap *fontmap = pango_cairo_font_map_get_default ();
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_status_t status;
  double zoom;
  cairo_t *cr;

  if (format == EXPORT_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  else if (format == EXPORT_SVG)
    surface = cairo_svg_surface_create_for_stream (export_file_write, file, width, height);
  else
    surface = cairo_pdf_surface_create_for_stream (export_file_write, file, width, height);

  context = pango_font_map_create_context (fontmap);
  pango_context_set_font_description (context, font);
  cr = cairo_create (surface);
  /* Laid out as on a 720-pixel-high screen and scaled up, so that a slide
   * keeps the proportions of the window: text a projector can show */
  zoom = MAX (height / 720.0, 0.5);
  cairo_scale (cr, zoom, zoom);
  pango_cairo_update_context (cr, context);
  vecinos_chart_draw (cr, context, chart, width / zoom, height / zoom, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);
  g_object_unref (context);

  if (status == CAIRO_STATUS_SUCCESS && format == EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, export_file_write, file);
  /* SVG and PDF are written as they are finished: a short write shows
   * here, through the write function, as an error status */
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (file->saved_errno != 0)
    {
      set_export_error (error, file->path, file->saved_errno);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (file->path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %1$s is a file name, %2$s the reason */
                   _("Could not write “%1$s”: %2$s"), name, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * vecinos_chart_export:
 * @path: ends in .png, .svg, .pdf, or .csv for the figures
 *
 * Draws @chart into a file of @width × @height pixels (points for PDF),
 * without a window, or writes the figures it shows. Every format is
 * written beside @path and renamed over it once complete: when writing
 * fails (a missing folder, a full disk), the previous file stays whole and
 * nothing else is left behind.
 *
 * Returns: %FALSE with @error set, in the user's language, on failure
 */
gboolean
vecinos_chart_export (const VecinosChart *chart,
                      const char         *path,
                      int                 width,
                      int                 height,
                      GError            **error)
{
  ExportFormat format = export_format (path);
  ExportFile file = { NULL, NULL, -1, 0 };
  gboolean done;

  g_return_val_if_fail (chart != NULL && chart->series != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!vecinos_chart_export_check (path, width, height, error) ||
      !export_file_open (&file, path, error))
    return FALSE;
  if (format == EXPORT_CSV)
    done = export_csv (chart, &file, error);
  else
    done = export_drawing (chart, format, width, height, &file, error);
  done = done && export_file_commit (&file, error);
  export_file_clear (&file);
  return done;
}

/**
 * vecinos_chart_events_for_category:
 * @events: (element-type VecinosEvent): events by date
 *
 * Returns: (transfer full) (element-type VecinosChartEvent): the events of
 *   @category, for the chart's time axis; their titles belong to @events
 */
GArray *
vecinos_chart_events_for_category (GListModel *events,
                                   const char *category)
{
  GArray *chart_events = g_array_new (FALSE, TRUE, sizeof (VecinosChartEvent));

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (events, i);
      VecinosChartEvent chart_event = {
        vecinos_date_first_day (vecinos_event_get_start (event)),
        vecinos_event_get_title (event),
        FALSE,
        event,
      };

      if (g_str_equal (vecinos_event_get_category (event), category))
        g_array_append_val (chart_events, chart_event);
    }
  return chart_events;
}
