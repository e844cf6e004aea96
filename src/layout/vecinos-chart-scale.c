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
