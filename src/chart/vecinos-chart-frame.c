/* vecinos-chart-frame.c — what an indicator chart's plot sits in
 *
 * The presidencies as shaded bands and labelled strips behind the plot,
 * the value axes with their ticks (and how a tick is written), the years
 * on the time axis, the legend and the title.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "vecinos-i18n.h"
#include "vecinos-chart-draw-private.h"

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

void
vecinos_chart_draw_terms (cairo_t                 *cr,
                          PangoContext            *context,
                          const VecinosChart      *chart,
                          const VecinosChartScale *scale)
{
  for (guint i = 0; chart->terms != NULL && i < chart->terms->len; i++)
    {
      const VecinosTerm *term = g_ptr_array_index (chart->terms, i);
      gboolean us = g_str_equal (term->country, "us");
      double x0 = vecinos_chart_x (scale, vecinos_chart_day_time (term->start));
      /* A term still running ends today */
      double x1 = vecinos_chart_x (scale, vecinos_chart_day_time (vecinos_term_get_end (term)));
      gboolean starts_here = x0 >= scale->left;
      double band = band_height (context);
      double y = us ? scale->top - band : scale->bottom;
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
      cairo_rectangle (cr, x0, y + 1, x1 - x0 - 1, band - 2);
      cairo_fill (cr);
      /* Where a term begins: a rule at the ink's full contrast */
      if (starts_here)
        {
          set_ink (cr, chart, 1);
          cairo_rectangle (cr, floor (x0), y + 1, 1, band - 2);
          cairo_fill (cr);
        }

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

/* The first layer's ticks on the left with grid lines across; the
 * second's, when it has an axis of its own, on the right */
void
vecinos_chart_draw_value_axis (cairo_t            *cr,
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

void
vecinos_chart_draw_time_axis (cairo_t                 *cr,
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
      show_text (cr, context, label, x, scale->bottom + band_height (context) + 4, 0.5, FALSE);
      last_end = x + width / 2;
    }
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

void
vecinos_chart_draw_legend (cairo_t            *cr,
                           PangoContext       *context,
                           const VecinosChart *chart,
                           const Layer        *layers,
                           guint               n_layers,
                           double              x,
                           double              y,
                           double              right)
{
  double start = x;
  /* The marks are drawn for an 18-pixel line: on a taller one, level with
   * its middle */
  double shift = MAX (0, line_height (context) / 2 - 9);
  gboolean any_preliminary = FALSE, any_claims = FALSE;

  /* The series (or the official figures), then what the marks mean; two
   * compared series get a line each */
  for (guint i = 0; i < n_layers; i++)
    {
      g_autofree char *name = layer_name (chart, &layers[i], i == 1);

      cairo_new_path (cr);
      vecinos_chart_draw_marker (cr, chart, &layers[i], x + 4, y + shift + 9, POINT_RADIUS, FALSE);
      x = legend_entry (cr, context, chart, name, x, y, right);
      any_preliminary |= layers[i].series->has_preliminary;
      any_claims |= layers[i].series->claims->len > 0;
      if (n_layers > 1)
        x = start, y += legend_line_height (context);
    }

  if (any_preliminary)
    {
      cairo_new_path (cr);
      vecinos_chart_draw_marker (cr, chart, &layers[0], x + 4, y + shift + 9, POINT_RADIUS, TRUE);
      x = legend_entry (cr, context, chart, _("Preliminary, to be revised"), x, y, right);
    }
  if (any_claims)
    {
      set_ink (cr, chart, 1);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, x + 4, y + shift + 4);
      cairo_line_to (cr, x + 9, y + shift + 9);
      cairo_line_to (cr, x + 4, y + shift + 14);
      cairo_line_to (cr, x - 1, y + shift + 9);
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
      cairo_move_to (cr, x + 4, y + shift + 4);
      cairo_line_to (cr, x, y + shift + 13);
      cairo_line_to (cr, x + 8, y + shift + 13);
      cairo_close_path (cr);
      cairo_fill (cr);
      legend_entry (cr, context, chart, label, x, y, right);
    }
}

/* The chart's title on up to two lines @width wide (large text, a narrow
 * window), cut short with an ellipsis only beyond that */
static PangoLayout *
title_layout (PangoContext       *context,
              const VecinosChart *chart,
              double              width)
{
  PangoLayout *layout;
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
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Two lines; three at a class's size, where a long unit needs them */
  pango_layout_set_height (layout, chart->title_scale > 1 ? -3 : -2);
  if (chart->title_scale > 1)
    {
      PangoAttrList *attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attributes, pango_attr_scale_new (chart->title_scale));
      pango_layout_set_attributes (layout, attributes);
      pango_attr_list_unref (attributes);
    }
  return layout;
}

/* The title's row: its lines, and room around them */
double
vecinos_chart_title_height (PangoContext       *context,
                            const VecinosChart *chart,
                            double              width)
{
  g_autoptr(PangoLayout) layout = title_layout (context, chart, width);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return MAX (34.0, height + 14);
}

void
vecinos_chart_draw_title (cairo_t            *cr,
                          PangoContext       *context,
                          const VecinosChart *chart,
                          double              width)
{
  g_autoptr(PangoLayout) layout = title_layout (context, chart, width);

  set_ink (cr, chart, 1);
  cairo_move_to (cr, 8, 6);
  pango_cairo_show_layout (cr, layout);
}
