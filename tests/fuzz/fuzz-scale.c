/* fuzz-scale.c — the chart and time-axis scales with arbitrary numbers
 *
 * Each input is a list of operations, each reading what it needs from the
 * bytes that follow: nice and logarithmic value ticks, tick decimals, where
 * a value, a period or a day falls on a chart, runs of consecutive years,
 * and the timeline's time scale (pixels, zoom, pan, ticks and their labels).
 *
 * Every function must return, whatever the numbers: NaN, infinities,
 * denormals and values near DBL_MAX included (libFuzzer's -timeout catches
 * one that does not). For finite input in each function's domain the
 * results must also be right — the CHECKs below:
 *
 *  - value ticks: at least two, at most max_ticks + 2, finite, strictly
 *    ascending, from at or below the lowest value to at or above the
 *    highest, a finite step above zero;
 *  - logarithmic ticks: the same, and every tick above zero (covering
 *    the values between 1e-100 and 1e100, the axis's documented limits);
 *  - a value or a time inside a scale's range falls inside its pixels;
 *  - a run of consecutive years is as long as the years say;
 *  - time-axis ticks inside the view, in order, spaced as asked, each with
 *    a label; zoom keeps the span within its limits, pan keeps the span.
 *
 * The time scale's domain is the timeline view's: a span between
 * VECINOS_TIME_SCALE_MIN_SPAN and _MAX_SPAN days over up to 20 000 pixels,
 * starting between 300 years before year 1 and year 11000.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <math.h>

#include "fuzz-input.h"
#include "vecinos-chart-scale.h"
#include "vecinos-time-scale.h"

/* Values a chart's data is likely to hold, and the ones that break scales */
static const double specials[] = {
  0, -0.0, 1, -1, 5, 100, 36773, 1e6, 1e15, 9007199254740992.0 /* 2^53 */,
  1e300, 1e308, DBL_MAX, -DBL_MAX, DBL_MIN, 4.9406564584124654e-324, -4.9406564584124654e-324,
  1e-300, INFINITY, -INFINITY, NAN,
};

static double
take_value (FuzzInput *input)
{
  switch (fuzz_input_byte (input) % 4)
    {
    case 0:
      return fuzz_input_double (input);
    case 1:
      /* An ordinary figure with one decimal */
      return (gint32) fuzz_input_uint32 (input) / 10.0;
    case 2:
      /* Any magnitude: a mantissa and a binary exponent */
      return ldexp ((gint16) fuzz_input_uint32 (input), (gint8) fuzz_input_byte (input) * 4);
    default:
      return specials[fuzz_input_byte (input) % G_N_ELEMENTS (specials)];
    }
}

/* A second value: unrelated, or a few units in the last place away from
 * @low (5 and 5.000000000000001), or the same */
static double
take_other (FuzzInput *input,
            double     low)
{
  guint8 mode = fuzz_input_byte (input);

  switch (mode % 4)
    {
    case 0:
      {
        double value = low;

        for (guint i = 0; i < (guint) (mode >> 2) % 8 + 1; i++)
          value = nextafter (value, INFINITY);
        return value;
      }
    case 1:
      return low;
    default:
      return take_value (input);
    }
}

static void
sort_pair (double *low,
           double *high)
{
  if (*high < *low)
    {
      double swap = *low;

      *low = *high;
      *high = swap;
    }
}

static void
check_ascending (GArray     *ticks,
                 const char *what,
                 double      low,
                 double      high)
{
  for (guint i = 0; i < ticks->len; i++)
    {
      double tick = g_array_index (ticks, double, i);

      FUZZ_CHECK (isfinite (tick), "%s (%.17g, %.17g): tick %u is %g", what, low, high, i, tick);
      FUZZ_CHECK (i == 0 || tick > g_array_index (ticks, double, i - 1),
                  "%s (%.17g, %.17g): tick %u (%.17g) not above tick %u (%.17g)",
                  what, low, high, i, tick, i - 1, g_array_index (ticks, double, i - 1));
    }
}

static void
fuzz_nice_ticks (FuzzInput *input)
{
  double low = take_value (input);
  double high = take_other (input, low);
  guint max_ticks = 2 + fuzz_input_byte (input) % 30;
  double step = NAN;
  g_autoptr(GArray) ticks = NULL;
  int decimals;

  sort_pair (&low, &high);
  ticks = vecinos_chart_nice_ticks (low, high, max_ticks, &step);
  FUZZ_CHECK (ticks != NULL, "nice ticks (%.17g, %.17g): NULL", low, high);
  /* Whatever the input: never an unbounded number of ticks */
  FUZZ_CHECK (ticks->len <= max_ticks + 2, "nice ticks (%.17g, %.17g, %u): %u ticks",
              low, high, max_ticks, ticks->len);

  decimals = vecinos_chart_tick_decimals (step);
  FUZZ_CHECK (decimals >= 0 && decimals <= 6, "tick decimals (%.17g): %d", step, decimals);

  if (!isfinite (low) || !isfinite (high))
    return;

  FUZZ_CHECK (ticks->len >= 2, "nice ticks (%.17g, %.17g, %u): %u ticks",
              low, high, max_ticks, ticks->len);
  FUZZ_CHECK (isfinite (step) && step > 0, "nice ticks (%.17g, %.17g): step %g", low, high, step);
  check_ascending (ticks, "nice ticks", low, high);

  /* The axis starts and ends on a tick; values beyond ±1e300 are drawn at
   * its ends (see the function) */
  if (fabs (low) <= 1e300 && fabs (high) <= 1e300)
    {
      double first = g_array_index (ticks, double, 0);
      double last = g_array_index (ticks, double, ticks->len - 1);

      FUZZ_CHECK (first <= low + step * 1e-6, "nice ticks (%.17g, %.17g): first tick %.17g above the lowest",
                  low, high, first);
      FUZZ_CHECK (last >= high - step * 1e-6, "nice ticks (%.17g, %.17g): last tick %.17g below the highest",
                  low, high, last);
    }
}

static void
fuzz_log_ticks (FuzzInput *input)
{
  double low = fabs (take_value (input));
  double high = fabs (take_other (input, low));
  guint max_ticks = 2 + fuzz_input_byte (input) % 30;
  g_autoptr(GArray) ticks = NULL;

  sort_pair (&low, &high);
  /* Only for figures above zero (vecinos_chart_can_log()) */
  if (!(low > 0))
    return;
  ticks = vecinos_chart_log_ticks (low, high, max_ticks);
  FUZZ_CHECK (ticks != NULL, "log ticks (%.17g, %.17g): NULL", low, high);
  FUZZ_CHECK (ticks->len <= max_ticks + 2, "log ticks (%.17g, %.17g, %u): %u ticks",
              low, high, max_ticks, ticks->len);
  if (!isfinite (high))
    return;

  FUZZ_CHECK (ticks->len >= 2, "log ticks (%.17g, %.17g, %u): %u ticks", low, high, max_ticks, ticks->len);
  check_ascending (ticks, "log ticks", low, high);
  FUZZ_CHECK (g_array_index (ticks, double, 0) > 0, "log ticks (%.17g, %.17g): first tick %g",
              low, high, g_array_index (ticks, double, 0));
  /* Values beyond 1e±100 are drawn at the axis's end (see the function) */
  if (low < 1e-100 || high > 1e100)
    return;
  FUZZ_CHECK (g_array_index (ticks, double, 0) <= low * (1 + 1e-9),
              "log ticks (%.17g, %.17g): first tick %.17g above the lowest",
              low, high, g_array_index (ticks, double, 0));
  FUZZ_CHECK (g_array_index (ticks, double, ticks->len - 1) >= high * (1 - 1e-9),
              "log ticks (%.17g, %.17g): last tick %.17g below the highest",
              low, high, g_array_index (ticks, double, ticks->len - 1));
}

/* A chart's scale as vecinos_chart_draw() builds one: plot area, the time
 * shown, and the value range of the axis's ticks; a value and a time in
 * range must land in the plot area */
static void
fuzz_chart_xy (FuzzInput *input)
{
  VecinosChartScale scale = { 0 };
  double low = take_value (input), high = take_other (input, low);
  double t = fuzz_input_range (input, 0, 1), u = fuzz_input_range (input, 0, 1);
  double value, time, x, y;
  g_autoptr(GArray) ticks = NULL;
  double step;

  scale.left = fuzz_input_range (input, 0, 200);
  scale.right = scale.left + fuzz_input_range (input, 1, 10000);
  scale.top = fuzz_input_range (input, 0, 200);
  scale.bottom = scale.top + fuzz_input_range (input, 1, 10000);
  scale.start = fuzz_input_range (input, -1000, 12000);
  scale.end = scale.start + fuzz_input_range (input, 0.25, 600);
  scale.log_scale = fuzz_input_byte (input) & 1;

  sort_pair (&low, &high);
  if (scale.log_scale)
    {
      low = fabs (low);
      high = fabs (high);
      sort_pair (&low, &high);
      if (!(low > 0))
        return;
      ticks = vecinos_chart_log_ticks (low, high, 8);
    }
  else
    ticks = vecinos_chart_nice_ticks (low, high, 8, &step);

  if (ticks->len < 2)
    return;
  scale.low = g_array_index (ticks, double, 0);
  scale.high = g_array_index (ticks, double, ticks->len - 1);

  /* Whatever the numbers, where a time or a value falls is a number or
   * not, and never a crash */
  vecinos_chart_x (&scale, take_value (input));
  vecinos_chart_y (&scale, take_value (input));

  if (!isfinite (low) || !isfinite (high))
    return;
  /* An axis wider than the largest double cannot be drawn to scale */
  if (!isfinite (scale.high - scale.low) || !(scale.high > scale.low) ||
      (scale.log_scale && !(scale.low > 0)))
    return;

  value = scale.log_scale ? scale.low * pow (scale.high / scale.low, t)
                          : scale.low + (scale.high - scale.low) * t;
  value = CLAMP (value, scale.low, scale.high);
  time = CLAMP (scale.start + (scale.end - scale.start) * u, scale.start, scale.end);
  x = vecinos_chart_x (&scale, time);
  y = vecinos_chart_y (&scale, value);
  FUZZ_CHECK (x >= scale.left - 1e-6 && x <= scale.right + 1e-6,
              "chart x (%.17g in %.17g to %.17g): %g outside %g to %g",
              time, scale.start, scale.end, x, scale.left, scale.right);
  FUZZ_CHECK (y >= scale.top - 1e-6 && y <= scale.bottom + 1e-6,
              "chart y (%.17g in %.17g to %.17g, log %d): %g outside %g to %g",
              value, scale.low, scale.high, scale.log_scale, y, scale.top, scale.bottom);
}

/* The days Vecinos reads: 0001-01-01 (day 1) to 9999-12-31 */
#define LAST_DAY 3652059

static void
fuzz_period_day_time (FuzzInput *input)
{
  int year = (gint32) fuzz_input_uint32 (input);
  VecinosPeriodKind kind = fuzz_input_byte (input) & 1 ? VECINOS_PERIOD_FISCAL_YEAR : VECINOS_PERIOD_CALENDAR_YEAR;
  VecinosDay day = 1 + fuzz_input_uint32 (input) % LAST_DAY;
  double time = vecinos_chart_period_time (year, kind);
  double day_time, next_time;
  VecinosDate date;

  FUZZ_CHECK (isfinite (time) && time > year && time < (double) year + 1, "period time (%d, %d): %g", year, kind, time);

  day_time = vecinos_chart_day_time (day);
  vecinos_date_from_day (day, VECINOS_DATE_PRECISION_DAY, &date);
  FUZZ_CHECK (isfinite (day_time) && floor (day_time) == date.year,
              "day time (%d, %04d-%02d-%02d): %.17g", day, date.year, date.month, date.day, day_time);
  if (day < LAST_DAY)
    {
      next_time = vecinos_chart_day_time (day + 1);
      FUZZ_CHECK (next_time > day_time, "day time (%d): %.17g, the next day %.17g", day, day_time, next_time);
    }
}

static void
fuzz_run_length (FuzzInput *input)
{
  int years[64];
  guint n = 1 + fuzz_input_byte (input) % G_N_ELEMENTS (years);
  guint first = fuzz_input_byte (input) % n;
  guint length, expected = 1;

  /* Ascending years, some consecutive, as vecinos_period_year() gives them
   * for the days a dataset can hold */
  years[0] = (int) fuzz_input_range (input, -5900000, 5900000);
  for (guint i = 1; i < n; i++)
    years[i] = years[i - 1] + fuzz_input_byte (input) % 3;

  length = vecinos_chart_run_length (years, n, first);
  while (first + expected < n && years[first + expected] == years[first + expected - 1] + 1)
    expected++;
  FUZZ_CHECK (length == expected, "run length from %u of %u: %u, not %u", first, n, length, expected);
}

static void
check_time_ticks (const VecinosTimeScale *scale,
                  double                  min_spacing)
{
  g_autoptr(GArray) ticks = vecinos_time_scale_ticks (scale, min_spacing);
  /* Months and years vary in length: a tick may be a little closer than
   * the step's typical length */
  guint most = (guint) MAX (scale->width / (min_spacing * 0.8) + 2, 8);

  FUZZ_CHECK (ticks->len <= most, "time ticks (%.17g to %.17g over %g px, %g apart): %u",
              scale->start, scale->end, scale->width, min_spacing, ticks->len);

  for (guint i = 0; i < ticks->len; i++)
    {
      const VecinosTick *tick = &g_array_index (ticks, VecinosTick, i);
      g_autofree char *label = NULL;

      /* 1 January 9999 BCE to 31 December 9999 (issue 16: years before
       * the common era) */
      FUZZ_CHECK (tick->day >= VECINOS_DAY_FIRST && tick->day <= VECINOS_DAY_LAST, "time tick %u: day %d", i,
                  tick->day);
      FUZZ_CHECK (tick->day >= scale->start && tick->day < scale->end,
                  "time tick %u: day %d outside %.17g to %.17g", i, tick->day, scale->start, scale->end);
      FUZZ_CHECK (i == 0 || tick->day > g_array_index (ticks, VecinosTick, i - 1).day,
                  "time tick %u: day %d not after the one before", i, tick->day);
      FUZZ_CHECK (tick->x >= -1e-6 && tick->x <= scale->width + 1e-6,
                  "time tick %u: x %g outside 0 to %g", i, tick->x, scale->width);
      label = vecinos_tick_format (tick);
      FUZZ_CHECK (label != NULL && *label != '\0' && g_utf8_validate (label, -1, NULL),
                  "time tick %u (day %d): no label", i, tick->day);
    }
}

static void
fuzz_time_scale (FuzzInput *input)
{
  VecinosTimeScale scale;
  double span, day, x, min_spacing, factor, anchor_x, dx, before;

  scale.start = fuzz_input_range (input, -300 * 365.2425, 11000 * 365.2425);
  span = fuzz_input_range (input, VECINOS_TIME_SCALE_MIN_SPAN, VECINOS_TIME_SCALE_MAX_SPAN);
  scale.end = scale.start + span;
  scale.width = fuzz_input_range (input, 1, 20000);
  min_spacing = fuzz_input_range (input, 1, 500);

  /* Pixels and days back and forth */
  day = fuzz_input_range (input, scale.start, scale.end);
  x = vecinos_time_scale_to_x (&scale, day);
  FUZZ_CHECK (x >= -1e-6 && x <= scale.width * (1 + 1e-9),
              "time to x (%.17g in %.17g to %.17g): %g", day, scale.start, scale.end, x);
  FUZZ_CHECK (fabs (vecinos_time_scale_to_day (&scale, x) - day) <= 1e-6 * MAX (1, fabs (day)),
              "time to day (x %g): %.17g, not %.17g", x, vecinos_time_scale_to_day (&scale, x), day);

  check_time_ticks (&scale, min_spacing);

  /* A wheel's or a pinch's zoom at the pointer, then a drag */
  factor = exp2 (fuzz_input_range (input, -8, 8));
  anchor_x = fuzz_input_range (input, 0, scale.width);
  vecinos_time_scale_zoom (&scale, factor, anchor_x);
  span = scale.end - scale.start;
  FUZZ_CHECK (isfinite (scale.start) && span >= VECINOS_TIME_SCALE_MIN_SPAN * (1 - 1e-9) &&
              span <= VECINOS_TIME_SCALE_MAX_SPAN * (1 + 1e-9),
              "zoom (%g at %g): %.17g to %.17g", factor, anchor_x, scale.start, scale.end);

  dx = fuzz_input_range (input, -10, 10) * scale.width;
  before = span;
  vecinos_time_scale_pan (&scale, dx);
  span = scale.end - scale.start;
  FUZZ_CHECK (fabs (span - before) <= 1e-6 * before, "pan (%g): span %.17g, was %.17g", dx, span, before);

  /* Still a view the timeline can show: its ticks */
  if (scale.start >= -300 * 365.2425 && scale.end <= 11000 * 365.2425)
    check_time_ticks (&scale, min_spacing);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FuzzInput input = { data, size };

  for (guint n = 0; n < 32 && !fuzz_input_empty (&input); n++)
    switch (fuzz_input_byte (&input) % 6)
      {
      case 0:
        fuzz_nice_ticks (&input);
        break;
      case 1:
        fuzz_log_ticks (&input);
        break;
      case 2:
        fuzz_chart_xy (&input);
        break;
      case 3:
        fuzz_period_day_time (&input);
        break;
      case 4:
        fuzz_run_length (&input);
        break;
      default:
        fuzz_time_scale (&input);
        break;
      }
  return 0;
}
