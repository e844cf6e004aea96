/* vecinos-chart-scale.c — the geometry of an indicator chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "vecinos-chart-scale.h"

/**
 * vecinos_chart_nice_ticks:
 * @low: the smallest value to show
 * @high: the largest
 * @max_ticks: at most this many ticks
 * @step: (out): the distance between ticks, 1, 2 or 5 times a power of ten
 *
 * Returns: (element-type double): the ticks, from the last multiple of
 *   @step at or below @low to the first at or above @high, so that the axis
 *   starts and ends on a labelled value
 */
GArray *
vecinos_chart_nice_ticks (double  low,
                          double  high,
                          guint   max_ticks,
                          double *step)
{
  static const double multiples[] = { 1, 2, 5, 10 };
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (double));
  double range, magnitude, first, last;

  g_return_val_if_fail (max_ticks >= 2, ticks);

  if (!(high > low))
    {
      /* One value: a band around it */
      double pad = low != 0 ? fabs (low) * 0.1 : 1;
      low -= pad;
      high += pad;
    }
  range = high - low;
  magnitude = pow (10, floor (log10 (range / (max_ticks - 1))));
  *step = magnitude * 10;
  for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
    {
      double candidate = magnitude * multiples[i];

      if (ceil (high / candidate - 1e-9) - floor (low / candidate + 1e-9) + 1 <= max_ticks)
        {
          *step = candidate;
          break;
        }
    }

  first = floor (low / *step + 1e-9);
  last = ceil (high / *step - 1e-9);
  for (double k = first; k <= last; k++)
    {
      /* Multiply, never accumulate: 0.1 + 0.2 is not 0.3 */
      double value = k * *step;

      if (fabs (value) < *step * 1e-9)
        value = 0;
      g_array_append_val (ticks, value);
    }
  return ticks;
}

/**
 * vecinos_chart_log_ticks:
 * @low: the smallest value to show, above zero
 * @high: the largest
 *
 * Ticks for a logarithmic axis: the powers of ten around @low and @high,
 * with 2 and 5 times each between them while at most @max_ticks fit, and
 * only every second or fifth power when even the powers are too many.
 *
 * Returns: (element-type double): the ticks, ascending; the first at or
 *   below @low, the last at or above @high
 */
GArray *
vecinos_chart_log_ticks (double low,
                         double high,
                         guint  max_ticks)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (double));
  int first, last, every = 1;
  gboolean between;

  g_return_val_if_fail (low > 0 && max_ticks >= 2, ticks);

  if (!(high > low))
    high = low * 10;
  first = (int) floor (log10 (low) + 1e-9);
  last = (int) ceil (log10 (high) - 1e-9);
  if (last == first)
    last++;
  /* Powers of ten stay at multiples of @every, so the axis reads 1, 100, … */
  while ((int) (ceil ((double) last / every) - floor ((double) first / every)) + 1 > (int) max_ticks)
    every = every == 1 ? 2 : every == 2 ? 5 : every * 2;
  first = (int) floor ((double) first / every) * every;
  last = (int) ceil ((double) last / every) * every;
  between = every == 1 && (last - first) * 3 + 1 <= (int) max_ticks;
  for (int power = first; power <= last; power += every)
    {
      /* pow (10, -1) is not exactly 0.1, but 1 / 10 is the nearest double */
      double decade = power >= 0 ? pow (10, power) : 1 / pow (10, -power);
      double value;

      g_array_append_val (ticks, decade);
      if (!between || power == last)
        continue;
      value = 2 * decade;
      g_array_append_val (ticks, value);
      value = 5 * decade;
      g_array_append_val (ticks, value);
    }
  return ticks;
}

/**
 * vecinos_chart_tick_decimals:
 *
 * Returns: how many decimals tick labels need for ticks @step apart
 */
int
vecinos_chart_tick_decimals (double step)
{
  int decimals = 0;

  while (decimals < 6 && fabs (step * pow (10, decimals) - round (step * pow (10, decimals))) > 1e-6)
    decimals++;
  return decimals;
}

/**
 * vecinos_chart_period_time:
 *
 * Returns: where a period's figure is drawn on the time axis, in fractional
 *   calendar years: the middle of the period, 2017.5 for 2017 and 2017.25
 *   for FY2017 (1 October 2016 to 30 September 2017)
 */
double
vecinos_chart_period_time (int               year,
                           VecinosPeriodKind kind)
{
  return kind == VECINOS_PERIOD_FISCAL_YEAR ? year - 0.25 + 0.5 : year + 0.5;
}

/**
 * vecinos_chart_day_time:
 *
 * Returns: a day in fractional calendar years (1 July 2017 is about 2017.5)
 */
double
vecinos_chart_day_time (VecinosDay day)
{
  VecinosDate date, start = { 0, 1, 1, VECINOS_DATE_PRECISION_DAY }, next;
  VecinosDay first, after;

  vecinos_date_from_day (day, VECINOS_DATE_PRECISION_DAY, &date);
  start.year = date.year;
  next = start;
  next.year++;
  first = vecinos_date_first_day (&start);
  after = vecinos_date_first_day (&next);
  return date.year + (double) (day - first) / (after - first);
}

double
vecinos_chart_x (const VecinosChartScale *scale,
                 double                   time)
{
  return scale->left + (time - scale->start) / (scale->end - scale->start) * (scale->right - scale->left);
}

double
vecinos_chart_y (const VecinosChartScale *scale,
                 double                   value)
{
  if (scale->log_scale)
    return scale->bottom - log10 (value / scale->low) / log10 (scale->high / scale->low) * (scale->bottom - scale->top);
  return scale->bottom - (value - scale->low) / (scale->high - scale->low) * (scale->bottom - scale->top);
}

/**
 * vecinos_chart_run_length:
 * @years: the years of a series' points, ascending
 * @first: where the run starts
 *
 * Returns: how many points from @first follow one another year after year;
 *   a line joins them, and a missing year breaks it
 */
guint
vecinos_chart_run_length (const int *years,
                          guint      n,
                          guint      first)
{
  guint length = 1;

  g_return_val_if_fail (first < n, 0);

  while (first + length < n && years[first + length] == years[first + length - 1] + 1)
    length++;
  return length;
}
