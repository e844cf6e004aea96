/* vecinos-time-scale.c — time ↔ pixels and the ticks of a time axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "vecinos-time-scale.h"

double
vecinos_time_scale_to_x (const VecinosTimeScale *scale,
                         double                  day)
{
  return (day - scale->start) * scale->width / (scale->end - scale->start);
}

double
vecinos_time_scale_to_day (const VecinosTimeScale *scale,
                           double                  x)
{
  return scale->start + x * (scale->end - scale->start) / scale->width;
}

/**
 * vecinos_time_scale_zoom:
 * @factor: > 1 zooms in, < 1 zooms out
 * @anchor_x: the pixel that keeps showing the same day (under the pointer)
 *
 * The span stays between VECINOS_TIME_SCALE_MIN_SPAN and _MAX_SPAN days.
 */
void
vecinos_time_scale_zoom (VecinosTimeScale *scale,
                         double            factor,
                         double            anchor_x)
{
  double anchor = vecinos_time_scale_to_day (scale, anchor_x);
  double span = (scale->end - scale->start) / factor;

  g_return_if_fail (factor > 0);

  span = CLAMP (span, VECINOS_TIME_SCALE_MIN_SPAN, VECINOS_TIME_SCALE_MAX_SPAN);
  scale->start = anchor - anchor_x / scale->width * span;
  scale->end = scale->start + span;
}

/**
 * vecinos_time_scale_pan:
 * @dx: pixels; positive moves the view later in time
 */
void
vecinos_time_scale_pan (VecinosTimeScale *scale,
                        double            dx)
{
  double days = dx * (scale->end - scale->start) / scale->width;

  scale->start += days;
  scale->end += days;
}

/* Tick steps from the coarsest to the finest: ten millennia (a view of
 * the whole calendar, 9999 BCE to 9999, on a narrow window) to single
 * days */
static const struct {
  VecinosTickUnit unit;
  int             step;
  double          days;   /* typical length, to choose the step */
} steps[] = {
  { VECINOS_TICK_YEARS, 10000, 3652425 },
  { VECINOS_TICK_YEARS, 5000, 1826212.5 },
  { VECINOS_TICK_YEARS, 2000, 730485 },
  { VECINOS_TICK_YEARS, 1000, 365242.5 },
  { VECINOS_TICK_YEARS, 500, 182621.25 },
  { VECINOS_TICK_YEARS, 200, 73048.5 },
  { VECINOS_TICK_YEARS, 100, 36524.25 },
  { VECINOS_TICK_YEARS, 50, 18262.125 },
  { VECINOS_TICK_YEARS, 20, 7304.85 },
  { VECINOS_TICK_YEARS, 10, 3652.425 },
  { VECINOS_TICK_YEARS, 5, 1826.2125 },
  { VECINOS_TICK_YEARS, 2, 730.485 },
  { VECINOS_TICK_YEARS, 1, 365.2425 },
  { VECINOS_TICK_MONTHS, 6, 182.62125 },
  { VECINOS_TICK_MONTHS, 3, 91.310625 },
  { VECINOS_TICK_MONTHS, 1, 30.436875 },
  { VECINOS_TICK_DAYS, 7, 7 },
  { VECINOS_TICK_DAYS, 2, 2 },
  { VECINOS_TICK_DAYS, 1, 1 },
};

/**
 * vecinos_time_scale_ticks:
 * @min_spacing: the fewest pixels between two ticks (room for a label)
 *
 * Chooses the finest step whose ticks are at least @min_spacing apart and
 * returns the ticks inside the view, aligned on round dates: years divisible
 * by the step, months starting a quarter or half, days counted from day 1.
 *
 * Returns: (transfer full) (element-type VecinosTick): the ticks, in order
 */
/* The remainder of @a by @b that is never negative */
static int
floor_mod (int a,
           int b)
{
  return ((a % b) + b) % b;
}

static void
add_tick (GArray                 *ticks,
          const VecinosTimeScale *scale,
          VecinosDay              day,
          VecinosTickUnit         unit,
          int                     step)
{
  VecinosTick tick = { day, vecinos_time_scale_to_x (scale, day), unit, step };

  g_array_append_val (ticks, tick);
}

GArray *
vecinos_time_scale_ticks (const VecinosTimeScale *scale,
                          double                  min_spacing)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (VecinosTick));
  double days_per_pixel = (scale->end - scale->start) / scale->width;
  guint chosen = 0;
  VecinosDate first;
  /* 1 January 9999 BCE to 31 December 9999: a view can reach past them,
   * ticks and their labels cannot */
  VecinosDay first_day = (VecinosDay) CLAMP (floor (scale->start), VECINOS_DAY_FIRST, VECINOS_DAY_LAST);
  int step;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i].days / days_per_pixel >= min_spacing)
      chosen = i;
  step = steps[chosen].step;

  vecinos_date_from_day (first_day, VECINOS_DATE_PRECISION_DAY, &first);

  if (steps[chosen].unit == VECINOS_TICK_DAYS)
    {
      /* In doubles until it is known to be a day there is: a view can lie
       * wholly before 9999 BCE or after 9999 */
      double from = MAX (ceil (scale->start), VECINOS_DAY_FIRST);
      VecinosDay day = from <= VECINOS_DAY_LAST ? (VecinosDay) from : VECINOS_DAY_LAST + 1;

      /* Weekly ticks fall on the same weekday wherever the view starts */
      day += floor_mod (step - floor_mod (day - 1, step), step);
      for (; day < scale->end && day <= VECINOS_DAY_LAST; day += step)
        add_tick (ticks, scale, day, VECINOS_TICK_DAYS, step);
    }
  else if (steps[chosen].unit == VECINOS_TICK_YEARS)
    {
      /* A tick every n years falls on 1 January of a year divisible by n,
       * counted as historians count (…, 200 BCE, 100 BCE, 1, 100, 200, …):
       * there is no year 0, and the era turns on 1 January of year 1 */
      for (int n = first.year - floor_mod (first.year, step); n <= VECINOS_DATE_LAST_YEAR; n += step)
        {
          VecinosDate date = { n == 0 ? 1 : n, 1, 1, VECINOS_DATE_PRECISION_YEAR };
          VecinosDay day;

          /* Year by year, the era's turn is year 1's own tick (the
           * fuzzer found it twice) */
          if (n < VECINOS_DATE_FIRST_YEAR || (n == 0 && step == 1))
            continue;
          day = vecinos_date_first_day (&date);
          if (day >= scale->end)
            break;
          if (day >= scale->start)
            add_tick (ticks, scale, day, VECINOS_TICK_YEARS, step);
        }
    }
  else
    {
      /* A tick every n months starts a month whose index in the year is
       * divisible by n: quarters, halves */
      int year = first.year, month = first.month - 1 - (first.month - 1) % step;

      while (year <= VECINOS_DATE_LAST_YEAR)
        {
          VecinosDate date = { year, month + 1, 1, VECINOS_DATE_PRECISION_MONTH };
          VecinosDay day = vecinos_date_first_day (&date);

          if (day >= scale->end)
            break;
          if (day >= scale->start)
            add_tick (ticks, scale, day, VECINOS_TICK_MONTHS, step);
          month += step;
          if (month >= 12)
            {
              month -= 12;
              year = year == -1 ? 1 : year + 1;
            }
        }
    }

  return ticks;
}

/**
 * vecinos_tick_format:
 *
 * Returns: the label of @tick in the interface language: "1990",
 *   "September 1993", "1 January 1994"
 */
char *
vecinos_tick_format (const VecinosTick *tick)
{
  static const VecinosDatePrecision precisions[] = {
    [VECINOS_TICK_YEARS] = VECINOS_DATE_PRECISION_YEAR,
    [VECINOS_TICK_MONTHS] = VECINOS_DATE_PRECISION_MONTH,
    [VECINOS_TICK_DAYS] = VECINOS_DATE_PRECISION_DAY,
  };
  VecinosDate date;

  vecinos_date_from_day (tick->day, precisions[tick->unit], &date);
  return vecinos_date_format (&date);
}
