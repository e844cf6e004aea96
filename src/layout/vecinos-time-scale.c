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

/* Tick steps from the coarsest to the finest: centuries to single days */
static const struct {
  VecinosTickUnit unit;
  int             step;
  double          days;   /* typical length, to choose the step */
} steps[] = {
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

static VecinosDay
day_of (int year,
        int month,
        int day)
{
  VecinosDate date = { year, month, day, VECINOS_DATE_PRECISION_DAY };

  return vecinos_date_first_day (&date);
}

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
GArray *
vecinos_time_scale_ticks (const VecinosTimeScale *scale,
                          double                  min_spacing)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (VecinosTick));
  double days_per_pixel = (scale->end - scale->start) / scale->width;
  guint chosen = 0;
  VecinosDate first;
  /* 31 December 9999: a view can reach past it, ticks and their labels
   * cannot */
  const VecinosDay last_day = 3652059;
  VecinosDay first_day = (VecinosDay) CLAMP (floor (scale->start), 1.0, last_day);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (steps[i].days / days_per_pixel >= min_spacing)
      chosen = i;

  vecinos_date_from_day (first_day, VECINOS_DATE_PRECISION_DAY, &first);

  if (steps[chosen].unit == VECINOS_TICK_DAYS)
    {
      int step = steps[chosen].step;
      /* In doubles until it is known to be a day there is: a view can lie
       * wholly before year 1 or after 9999 */
      double from = MAX (ceil (scale->start), 1.0);
      VecinosDay day = from <= last_day ? (VecinosDay) from : last_day + 1;

      /* Weekly ticks fall on the same weekday wherever the view starts */
      day += (step - (day - 1) % step) % step;
      for (; day < scale->end && day <= last_day; day += step)
        {
          VecinosTick tick = { day, vecinos_time_scale_to_x (scale, day), VECINOS_TICK_DAYS, step };
          g_array_append_val (ticks, tick);
        }
    }
  else
    {
      /* Years are counted as months in steps of twelve, so that one loop
       * aligns both: a tick every n years falls in January of a year
       * divisible by n, one every n months on a month index divisible by n */
      int step = steps[chosen].step;
      int months = steps[chosen].unit == VECINOS_TICK_YEARS ? 12 * step : step;
      int index = first.year * 12 + (first.month - 1);

      for (index -= index % months; index / 12 <= 9999; index += months)
        {
          VecinosDay day;
          VecinosTick tick;

          if (index / 12 < 1)
            continue;
          day = day_of (index / 12, index % 12 + 1, 1);
          if (day >= scale->end)
            break;
          if (day < scale->start)
            continue;
          tick = (VecinosTick) { day, vecinos_time_scale_to_x (scale, day), steps[chosen].unit, step };
          g_array_append_val (ticks, tick);
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
