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
#include <math.h>
#include <pango/pangocairo.h>

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
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
    }
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

static char *
tick_label (double value,
            int    decimals)
{
  /* Rounded to the ticks' precision, then grouped */
  return vecinos_format_number (round (value * pow (10, decimals)) / pow (10, decimals));
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

static void
draw_value_axis (cairo_t                 *cr,
                 PangoContext            *context,
                 const VecinosChart      *chart,
                 const VecinosChartScale *scale,
                 GArray                  *ticks,
                 int                      decimals)
{
  for (guint i = 0; i < ticks->len; i++)
    {
      double value = g_array_index (ticks, double, i);
      double y = round (vecinos_chart_y (scale, value)) + 0.5;
      g_autofree char *label = tick_label (value, decimals);

      set_ink (cr, chart, 0.12);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, scale->left, y);
      cairo_line_to (cr, scale->right, y);
      cairo_stroke (cr);
      set_ink (cr, chart, 0.75);
      show_text (cr, context, label, scale->left - 6, y - 8, 1, FALSE);
    }
}

static void
draw_time_axis (cairo_t                 *cr,
                PangoContext            *context,
                const VecinosChart      *chart,
                const VecinosChartScale *scale)
{
  const VecinosSeries *series = chart->series;
  double last_end = -G_MAXDOUBLE;
  guint stride = 1;

  /* With more periods than room, look only at every stride-th: the cost
   * follows the labels that fit, not the points */
  if (series->points->len > 1)
    {
      double per_point = (scale->right - scale->left) / series->points->len;
      stride = MAX (1, (guint) ceil (60 / per_point));
    }
  for (guint i = 0; i < series->points->len; i += stride)
    {
      int year = g_array_index (series->points, VecinosPoint, i).year;
      double x = vecinos_chart_x (scale, vecinos_chart_period_time (year, series->period_kind));
      g_autofree char *label = vecinos_series_format_year (series, year);
      double width = text_width (context, label);

      /* Labels never overlap: a crowded axis skips some */
      if (x - width / 2 < last_end + 8 || x + width / 2 > scale->right + 20)
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
draw_series_collapsed (cairo_t                 *cr,
                       const VecinosChart      *chart,
                       const VecinosChartScale *scale,
                       const Rgb               *color)
{
  const VecinosSeries *series = chart->series;
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
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
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
      top = MIN (top, scale->bottom - (high_value - scale->low) * y_scale);
      bottom = MAX (bottom, scale->bottom - (low_value - scale->low) * y_scale);
      last = scale->bottom - (last_value - scale->low) * y_scale;
      last_year = end_year;
    }
  if (column >= 0)
    column_bar (cr, column, top, bottom, previous);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_series (cairo_t                 *cr,
             const VecinosChart      *chart,
             const VecinosChartScale *scale,
             const Rgb               *color)
{
  const VecinosSeries *series = chart->series;
  GArray *points = series->points;
  g_autofree int *years = NULL;

  if (points->len > (scale->right - scale->left) / 2)
    {
      draw_series_collapsed (cr, chart, scale, color);
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
          cairo_set_source_rgb (cr, color->r, color->g, color->b);
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
      gboolean focused = point->year == chart->focus_year;

      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, focused ? POINT_RADIUS + 2.5 : POINT_RADIUS, 0, 2 * G_PI);
      if (point->preliminary)
        {
          /* Hollow: a figure that will be revised */
          if (chart->dark)
            cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
          else
            cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, color->r, color->g, color->b);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
      else
        {
          cairo_set_source_rgb (cr, color->r, color->g, color->b);
          cairo_fill (cr);
        }
      if (focused)
        {
          set_ink (cr, chart, 0.9);
          cairo_set_line_width (cr, 2);
          cairo_new_path (cr);
          cairo_arc (cr, x, y, POINT_RADIUS + 6, 0, 2 * G_PI);
          cairo_stroke (cr);
        }
    }
}

static void
draw_claims (cairo_t                 *cr,
             const VecinosChart      *chart,
             const VecinosChartScale *scale)
{
  const VecinosSeries *series = chart->series;

  /* A diamond where a document's number stands, in the ink colour so that
   * it never passes for an official figure */
  for (guint i = 0; i < series->claims->len; i++)
    {
      const VecinosSeriesClaim *claim = g_ptr_array_index (series->claims, i);
      double x = vecinos_chart_x (scale, vecinos_chart_period_time (claim->year, series->period_kind));
      double y = vecinos_chart_y (scale, claim->value);

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

static void
draw_legend (cairo_t            *cr,
             PangoContext       *context,
             const VecinosChart *chart,
             const Rgb          *color,
             double              x,
             double              y)
{
  const VecinosSeries *series = chart->series;
  gboolean any_preliminary = series->has_preliminary;

  cairo_new_path (cr);
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
  cairo_arc (cr, x + 4, y + 9, POINT_RADIUS, 0, 2 * G_PI);
  cairo_fill (cr);
  set_ink (cr, chart, 0.85);
  x += 12 + show_text (cr, context, _("Official figure"), x + 12, y, 0, FALSE) + 18;
  if (any_preliminary)
    {
      cairo_new_path (cr);
      cairo_set_source_rgb (cr, color->r, color->g, color->b);
      cairo_set_line_width (cr, 2);
      cairo_arc (cr, x + 4, y + 9, POINT_RADIUS, 0, 2 * G_PI);
      cairo_stroke (cr);
      set_ink (cr, chart, 0.85);
      x += 12 + show_text (cr, context, _("Preliminary, to be revised"), x + 12, y, 0, FALSE) + 18;
    }
  if (series->claims->len > 0)
    {
      set_ink (cr, chart, 1);
      cairo_move_to (cr, x + 4, y + 4);
      cairo_line_to (cr, x + 9, y + 9);
      cairo_line_to (cr, x + 4, y + 14);
      cairo_line_to (cr, x - 1, y + 9);
      cairo_close_path (cr);
      cairo_stroke (cr);
      set_ink (cr, chart, 0.85);
      x += 12 + show_text (cr, context, _("Figure stated in a document"), x + 12, y, 0, FALSE) + 18;
    }
  if (chart->n_events > 0)
    {
      cairo_set_source_rgb (cr, color->r, color->g, color->b);
      cairo_move_to (cr, x + 4, y + 4);
      cairo_line_to (cr, x, y + 13);
      cairo_line_to (cr, x + 8, y + 13);
      cairo_close_path (cr);
      cairo_fill (cr);
      set_ink (cr, chart, 0.85);
      /* Translators: %s is a category, as in "Security events" */
      {
        g_autofree char *label = g_strdup_printf (_("%s events"), series->category_name);
        show_text (cr, context, label, x + 12, y, 0, FALSE);
      }
    }
}

/**
 * vecinos_chart_draw:
 * @context: the Pango context text is laid out with (the widget's, or one
 *   made for the file)
 * @scale: (out) (optional): where the plot went, for pointer and keyboard
 *
 * Draws @chart in a @width × @height area at the origin of @cr.
 */
void
vecinos_chart_draw (cairo_t            *cr,
                    PangoContext       *context,
                    const VecinosChart *chart,
                    double              width,
                    double              height,
                    VecinosChartScale  *scale)
{
  const VecinosSeries *series = chart->series;
  VecinosChartScale plot = { 0 };
  g_autoptr(GArray) ticks = NULL;
  g_autofree char *title = NULL;
  double low = G_MAXDOUBLE, high = -G_MAXDOUBLE, step, widest = 0;
  Rgb color = parse_color (series->color);
  int decimals;

  if (chart->background)
    {
      if (chart->dark)
        cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }

  /* Summarised once, not every frame (the series keeps it) */
  vecinos_series_summarise ((VecinosSeries *) series);

  /* The value range covers the figures and the documents' numbers, and
   * starts at zero for amounts that cannot be negative */
  if (series->points->len > 0)
    {
      low = series->min;
      high = series->max;
    }
  for (guint i = 0; i < series->claims->len; i++)
    {
      double value = ((VecinosSeriesClaim *) g_ptr_array_index (series->claims, i))->value;
      low = MIN (low, value);
      high = MAX (high, value);
    }
  if (low > high)
    low = 0, high = 1;
  if (low > 0 && g_strcmp0 (series->unit_kind, "percent") != 0 && g_strcmp0 (series->unit_kind, "rank") != 0)
    low = 0;
  ticks = vecinos_chart_nice_ticks (low, high, MAX (3, (guint) (height / 70)), &step);
  decimals = vecinos_chart_tick_decimals (step);
  for (guint i = 0; i < ticks->len; i++)
    {
      g_autofree char *label = tick_label (g_array_index (ticks, double, i), decimals);
      widest = MAX (widest, text_width (context, label));
    }

  plot.left = widest + 14;
  plot.right = width - 16;
  plot.top = TITLE_HEIGHT + BAND_HEIGHT + 4;
  plot.bottom = height - LEGEND_HEIGHT - 2 * BAND_HEIGHT - 8;
  plot.low = g_array_index (ticks, double, 0);
  plot.high = g_array_index (ticks, double, ticks->len - 1);
  if (series->points->len > 0)
    {
      int first = g_array_index (series->points, VecinosPoint, 0).year;
      int last = g_array_index (series->points, VecinosPoint, series->points->len - 1).year;

      plot.start = vecinos_chart_period_time (first, series->period_kind) - 1;
      plot.end = vecinos_chart_period_time (last, series->period_kind) + 1;
    }
  else
    plot.start = 1990, plot.end = 2026;

  /* Translators: a chart's title: %1$s the indicator, %2$s its unit (units
   * can hold parentheses of their own, hence the dash) */
  title = g_strdup_printf (_("%1$s — %2$s"), series->name, series->unit);
  set_ink (cr, chart, 1);
  show_text (cr, context, title, 8, 6, 0, TRUE);

  cairo_save (cr);
  cairo_rectangle (cr, plot.left, plot.top - BAND_HEIGHT, plot.right - plot.left,
                   plot.bottom - plot.top + 2 * BAND_HEIGHT);
  cairo_clip (cr);
  draw_terms (cr, context, chart, &plot);
  cairo_restore (cr);

  draw_value_axis (cr, context, chart, &plot, ticks, decimals);
  draw_time_axis (cr, context, chart, &plot);

  cairo_save (cr);
  cairo_rectangle (cr, plot.left - 10, plot.top - 10, plot.right - plot.left + 20, plot.bottom - plot.top + 20);
  cairo_clip (cr);
  draw_events (cr, context, chart, &plot, &color);
  draw_series (cr, chart, &plot, &color);
  draw_claims (cr, chart, &plot);
  cairo_restore (cr);

  draw_legend (cr, context, chart, &color, plot.left, height - LEGEND_HEIGHT + 2);

  if (scale != NULL)
    *scale = plot;
}

/**
 * vecinos_chart_export:
 * @path: ends in .png, .svg or .pdf
 *
 * Draws @chart into a file of @width × @height pixels (points for PDF),
 * without a window.
 */
gboolean
vecinos_chart_export (const VecinosChart *chart,
                      const char         *path,
                      int                 width,
                      int                 height,
                      GError            **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  PangoContext *context;
  PangoFontMap *fontmap = pango_cairo_font_map_get_default ();
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  cairo_surface_t *surface;
  cairo_status_t status;
  double zoom;
  cairo_t *cr;

  if (g_str_has_suffix (lower, ".png"))
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create (path, width, height);
  else if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create (path, width, height);
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is a file name */
                   _("Cannot export to “%s”: the name must end in .png, .svg, .pdf or .csv."), path);
      return FALSE;
    }

  context = pango_font_map_create_context (fontmap);
  pango_context_set_font_description (context, font);
  cr = cairo_create (surface);
  /* Laid out as on a 720-pixel-high screen and scaled up, so that a slide
   * keeps the proportions of the window: text a projector can show */
  zoom = MAX (height / 720.0, 0.5);
  cairo_scale (cr, zoom, zoom);
  pango_cairo_update_context (cr, context);
  vecinos_chart_draw (cr, context, chart, width / zoom, height / zoom, NULL);
  cairo_destroy (cr);
  g_object_unref (context);

  if (g_str_has_suffix (lower, ".png"))
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %1$s is a file name, %2$s the reason */
                   _("Could not write “%1$s”: %2$s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
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
