/* vecinos-chart-scale.c — the geometry of an indicator chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "vecinos-chart-scale.h"

/* No figure Vecinos draws comes near this: beyond it a range or a padding
 * could overflow to infinity, so a scale is clamped to it */
#define LARGEST_VALUE 1e300
/* Two values closer than this, relative to their size, are one value: a
 * range of 5 to 5.000000000000001 would otherwise ask for ticks 1e-15
 * apart, numbered beyond 2^53 where k + 1 == k */
#define SMALLEST_RELATIVE_RANGE 1e-9

static double
clamp_value (double value)
{
  if (isnan (value))
    return 0;
  return CLAMP (value, -LARGEST_VALUE, LARGEST_VALUE);
}

/**
 * vecinos_chart_nice_ticks:
 * @low: the smallest value to show
 * @high: the largest
 * @max_ticks: at most this many ticks
 * @step: (out): the distance between ticks, 1, 2 or 5 times a power of ten
 *
 * Total: any pair of doubles, infinite, not a number, nearly equal or
 * denormal, gives at least two and at most @max_ticks + 1 ticks. Values
 * beyond ±1e300 are taken as ±1e300, a NaN as 0, and a range too narrow
 * to divide (one value, or values equal to nine digits) becomes a band
 * around its middle.
 *
 * Returns: (element-type double): the ticks, ascending, from the last
 *   multiple of @step at or below @low to the first at or above @high, so
 *   that the axis starts and ends on a labelled value
 */
GArray *
vecinos_chart_nice_ticks (double  low,
                          double  high,
                          guint   max_ticks,
                          double *step)
{
  static const double multiples[] = { 1, 2, 5, 10 };
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (double));
  double range, magnitude, first, last, middle;
  guint count;

  max_ticks = MAX (max_ticks, 2);
  low = clamp_value (low);
  high = clamp_value (high);
  if (low > high)
    {
      double swap = low;
      low = high;
      high = swap;
    }

  middle = low / 2 + high / 2;
  if (high - low <= fabs (middle) * SMALLEST_RELATIVE_RANGE || high - low < 1e-290)
    {
      /* One value: a band around it (a tenth of it, or ±1 around zero and
       * around values too small to take a tenth of) */
      double pad = fabs (middle) >= 1e-280 ? fabs (middle) * 0.1 : 1;

      low = middle - pad;
      high = middle + pad;
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

  /* The range is at least a billionth of the values, so the tick numbers
   * stay far below 2^53 and counting them is exact; the count is bounded
   * all the same */
  first = floor (low / *step + 1e-9);
  last = ceil (high / *step - 1e-9);
  count = (guint) CLAMP (last - first + 1, 2, max_ticks + 1);
  for (guint i = 0; i < count; i++)
    {
      /* Multiply, never accumulate: 0.1 + 0.2 is not 0.3 */
      double value = (first + i) * *step;

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
 * Total like vecinos_chart_nice_ticks(): values are taken between 1e-100
 * and 1e100 (a NaN or a value at or below zero as 1e-100), so that even
 * the powers an axis rounds out to stay far from overflow, and there are
 * at most @max_ticks + 1 ticks (three when @max_ticks is two and the
 * values lie either side of 1).
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

  max_ticks = MAX (max_ticks, 2);
  low = isnan (low) ? 1e-100 : CLAMP (low, 1e-100, 1e100);
  high = isnan (high) ? low : CLAMP (high, 1e-100, 1e100);
  if (!(high > low))
    high = low * 10;
  first = (int) floor (log10 (low) + 1e-9);
  last = (int) ceil (log10 (high) - 1e-9);
  if (last <= first)
    last = first + 1;
  /* Powers of ten stay at multiples of @every, so the axis reads 1, 100, …;
   * from 200 on, the rounded ends already hold every value */
  while ((int) (ceil ((double) last / every) - floor ((double) first / every)) + 1 > (int) max_ticks &&
         every < 200)
    every = every == 1 ? 2 : every == 2 ? 5 : MIN (every * 2, 200);
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

/* 31 December 9999, the last day a dataset can name, and 2 Jan 10100:
 * a view may reach past the one, never past the other */
#define LAST_DAY 3652059
#define FAR_DAY (LAST_DAY + 36525)

/**
 * vecinos_chart_day_time:
 *
 * Returns: a day in fractional calendar years (1 July 2017 is about 2017.5);
 *   days before year 1 or long after 9999, which only a view can reach,
 *   in years of 365.2425 days
 */
double
vecinos_chart_day_time (VecinosDay day)
{
  g_autoptr(GDate) date = NULL;
  guint first, year;

  if (day < 1 || day > FAR_DAY)
    return 1 + (day - 1) / 365.2425;
  date = g_date_new_julian (day);
  year = g_date_get_year (date);
  g_date_set_dmy (date, 1, 1, year);
  first = g_date_get_julian (date);
  return year + (double) (day - first) / (g_date_is_leap_year (year) ? 366 : 365);
}

/* Where @fraction of the way from @from to @to falls, kept finite: an
 * empty scale puts everything at @from, and a value far outside it lands
 * a long way off the plot rather than at infinity */
static double
interpolate (double from,
             double to,
             double fraction)
{
  if (!isfinite (fraction))
    fraction = isnan (fraction) ? 0 : fraction > 0 ? 1e6 : -1e6;
  return from + CLAMP (fraction, -1e6, 1e6) * (to - from);
}

/**
 * vecinos_chart_x:
 *
 * Returns: the pixel column of @time; finite for any scale and time
 */
double
vecinos_chart_x (const VecinosChartScale *scale,
                 double                   time)
{
  double span = scale->end - scale->start;

  return interpolate (scale->left, scale->right, span > 0 ? (time - scale->start) / span : 0);
}

/**
 * vecinos_chart_y:
 *
 * Returns: the pixel row of @value; finite for any scale and value (on a
 *   logarithmic scale a value at or below zero is at the bottom)
 */
double
vecinos_chart_y (const VecinosChartScale *scale,
                 double                   value)
{
  double fraction = 0;

  if (scale->log_scale)
    {
      if (value > 0 && scale->low > 0 && scale->high > scale->low)
        fraction = log10 (value / scale->low) / log10 (scale->high / scale->low);
    }
  else if (scale->high > scale->low)
    fraction = (value - scale->low) / (scale->high - scale->low);
  return interpolate (scale->bottom, scale->top, fraction);
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
