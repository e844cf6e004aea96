/* test-time-scale.c — time ↔ pixels, zoom, pan and ticks, with exact
 * expectations at every zoom level
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-test.h"

#include "vecinos-time-scale.h"

static void
assert_ticks (const VecinosTimeScale *scale,
              double                  min_spacing,
              const char * const     *expected)
{
  g_autoptr(GArray) ticks = vecinos_time_scale_ticks (scale, min_spacing);

  g_assert_cmpuint (ticks->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < ticks->len; i++)
    {
      VecinosTick *tick = &g_array_index (ticks, VecinosTick, i);
      g_autofree char *label = vecinos_tick_format (tick);

      g_assert_cmpstr (label, ==, expected[i]);
      g_assert_cmpfloat_with_epsilon (tick->x, vecinos_time_scale_to_x (scale, tick->day), 1e-9);
      g_assert_cmpfloat (tick->x, >=, 0);
      g_assert_cmpfloat (tick->x, <, scale->width);
      if (i > 0)
        g_assert_cmpfloat (tick->x - g_array_index (ticks, VecinosTick, i - 1).x, >=, min_spacing * 0.98);
    }
}

static void
test_round_trip (void)
{
  const VecinosTimeScale scales[] = {
    vecinos_test_scale ("1500-01-01", "2000-01-01", 1920),
    vecinos_test_scale ("1990-01-01", "2000-01-01", 1000),
    vecinos_test_scale ("1994-01-01", "1994-01-15", 1280),
  };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    for (double x = -100; x <= scales[i].width + 100; x += 37.5)
      g_assert_cmpfloat_with_epsilon (vecinos_time_scale_to_x (&scales[i], vecinos_time_scale_to_day (&scales[i], x)),
                                      x, 1e-6);

  {
    VecinosTimeScale scale = vecinos_test_scale ("1990-01-01", "2000-01-01", 1000);

    g_assert_cmpfloat (vecinos_time_scale_to_x (&scale, vecinos_test_day ("1990-01-01")), ==, 0);
    g_assert_cmpfloat (vecinos_time_scale_to_x (&scale, vecinos_test_day ("2000-01-01")), ==, 1000);
    g_assert_cmpfloat (vecinos_time_scale_to_day (&scale, 500), ==, (vecinos_test_day ("1990-01-01") + vecinos_test_day ("2000-01-01")) / 2);
  }
}

static void
test_ticks_years (void)
{
  VecinosTimeScale scale = vecinos_test_scale ("1990-01-01", "2000-01-01", 1000);
  const char *every_year[] = { "1990", "1991", "1992", "1993", "1994", "1995", "1996", "1997", "1998", "1999", NULL };
  const char *every_two[] = { "1990", "1992", "1994", "1996", "1998", NULL };

  /* A year is 100 px: yearly ticks fit 80 px of label, half-years do not */
  assert_ticks (&scale, 80, every_year);
  assert_ticks (&scale, 150, every_two);
}

static void
test_ticks_decades_and_centuries (void)
{
  VecinosTimeScale scale = vecinos_test_scale ("1800-01-01", "2000-01-01", 1000);
  const char *twenty[] = { "1800", "1820", "1840", "1860", "1880", "1900", "1920", "1940", "1960", "1980", NULL };
  const char *decades[] = { "1800", "1810", "1820", "1830", "1840", "1850", "1860", "1870", "1880", "1890",
                            "1900", "1910", "1920", "1930", "1940", "1950", "1960", "1970", "1980", "1990", NULL };
  const char *centuries[] = { "1800", "1900", NULL };

  assert_ticks (&scale, 80, twenty);
  assert_ticks (&scale, 45, decades);
  assert_ticks (&scale, 400, centuries);
}

/* Before the common era, ticks fall on years divisible by the step as
 * historians count them; the count goes from 1 BCE to 1, and where a
 * year 0 would be the tick is the turn of the era, year 1 */
static void
test_ticks_before_the_common_era (void)
{
  VecinosTimeScale scale = vecinos_test_scale ("-0350-01-01", "0250-01-01", 600);
  VecinosTimeScale ancient = vecinos_test_scale ("-9999-01-01", "9999-12-31", 1000);
  VecinosTimeScale turn = vecinos_test_scale ("-0002-06-01", "0002-01-01", 1200);
  const char *centuries[] = { "300 BCE", "200 BCE", "100 BCE", "1", "100", "200", NULL };
  const char *millennia[] = { "9000 BCE", "8000 BCE", "7000 BCE", "6000 BCE", "5000 BCE", "4000 BCE",
                              "3000 BCE", "2000 BCE", "1000 BCE", "1", "1000", "2000", "3000", "4000", "5000",
                              "6000", "7000", "8000", "9000", NULL };
  const char *quarters[] = { "July 2 BCE", "October 2 BCE", "January 1 BCE", "April 1 BCE", "July 1 BCE",
                             "October 1 BCE", "January 1", "April 1", "July 1", "October 1", NULL };

  /* The whole calendar with wide labels: steps of 2 000, 5 000 and 10 000
   * years (the fuzzer found ten ticks where four fit) */
  const char *two_millennia[] = { "8000 BCE", "6000 BCE", "4000 BCE", "2000 BCE", "1", "2000", "4000", "6000",
                                  "8000", NULL };
  const char *five_millennia[] = { "5000 BCE", "1", "5000", NULL };
  const char *ten_millennia[] = { "1", NULL };
  VecinosTimeScale years = vecinos_test_scale ("-0003-01-01", "0004-01-01", 1000);
  const char *each_year[] = { "3 BCE", "2 BCE", "1 BCE", "1", "2", "3", NULL };

  assert_ticks (&scale, 80, centuries);
  assert_ticks (&ancient, 50, millennia);
  assert_ticks (&ancient, 100, two_millennia);
  assert_ticks (&ancient, 200, five_millennia);
  assert_ticks (&ancient, 400, ten_millennia);
  assert_ticks (&turn, 90, quarters);
  /* Year by year across the turn of the era: year 1 once */
  assert_ticks (&years, 120, each_year);
}

static void
test_ticks_months (void)
{
  VecinosTimeScale scale = vecinos_test_scale ("1994-01-01", "1995-01-01", 1200);
  const char *months[] = { "January 1994", "February 1994", "March 1994", "April 1994", "May 1994",
                           "June 1994", "July 1994", "August 1994", "September 1994", "October 1994",
                           "November 1994", "December 1994", NULL };
  const char *quarters[] = { "January 1994", "April 1994", "July 1994", "October 1994", NULL };

  assert_ticks (&scale, 80, months);
  assert_ticks (&scale, 250, quarters);
}

static void
test_ticks_days (void)
{
  VecinosTimeScale scale = vecinos_test_scale ("1994-01-01", "1994-01-08", 1400);
  const char *days[] = { "1 January 1994", "2 January 1994", "3 January 1994", "4 January 1994",
                         "5 January 1994", "6 January 1994", "7 January 1994", NULL };

  assert_ticks (&scale, 150, days);
}

/* A view can reach past 31 December 9999 and before 1 January 9999 BCE
 * (an event on the last day, zoomed to); ticks stop at the dates there
 * are, and every one has a label. 1 BCE is followed by 1 CE: no year 0. */
static void
test_ticks_at_the_ends (void)
{
  VecinosTimeScale last = { vecinos_test_day ("9999-12-28"), vecinos_test_day ("9999-12-31") + 5, 1400 };
  VecinosTimeScale first = { VECINOS_DAY_FIRST - 5, VECINOS_DAY_FIRST + 3, 1400 };
  VecinosTimeScale era = { -5, 4, 1400 };
  VecinosTimeScale before = { VECINOS_DAY_FIRST - 40, VECINOS_DAY_FIRST - 10, 1400 };
  VecinosTimeScale beyond = { 4e9, 4e9 + 30, 1400 };
  VecinosTimeScale after = { vecinos_test_day ("9999-12-31") + 10, vecinos_test_day ("9999-12-31") + 20, 1400 };
  const char *end[] = { "28 December 9999", "29 December 9999", "30 December 9999", "31 December 9999", NULL };
  const char *start[] = { "1 January 9999 BCE", "2 January 9999 BCE", "3 January 9999 BCE", NULL };
  const char *turn[] = { "26 December 1 BCE", "27 December 1 BCE", "28 December 1 BCE", "29 December 1 BCE", "30 December 1 BCE",
                         "31 December 1 BCE", "1 January 1", "2 January 1", "3 January 1", NULL };
  g_autoptr(GArray) none = NULL;

  assert_ticks (&last, 150, end);
  assert_ticks (&first, 150, start);
  assert_ticks (&era, 150, turn);
  none = vecinos_time_scale_ticks (&before, 150);
  g_assert_cmpuint (none->len, ==, 0);
  g_clear_pointer (&none, g_array_unref);
  none = vecinos_time_scale_ticks (&beyond, 150);
  g_assert_cmpuint (none->len, ==, 0);
  g_clear_pointer (&none, g_array_unref);
  /* Wholly after the last day: no tick, not the last day off to the left */
  none = vecinos_time_scale_ticks (&after, 150);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_ticks_view_starts_mid_period (void)
{
  /* A view from mid-1993 to mid-1996: the ticks are still 1 January */
  VecinosTimeScale scale = vecinos_test_scale ("1993-07-01", "1996-07-01", 900);
  const char *years[] = { "1994", "1995", "1996", NULL };

  assert_ticks (&scale, 200, years);
}

static void
test_ticks_spanish (void)
{
  VecinosTimeScale scale = vecinos_test_scale ("1993-09-01", "1993-11-01", 600);
  const char *months[] = { "septiembre de 1993", "octubre de 1993", NULL };

  vecinos_language_use ("es");
  assert_ticks (&scale, 200, months);
  vecinos_language_use ("en");
}

static void
test_zoom_keeps_anchor (void)
{
  VecinosTimeScale scale = vecinos_test_scale ("1990-01-01", "2000-01-01", 1000);
  double before = vecinos_time_scale_to_day (&scale, 250);
  double span = scale.end - scale.start;

  vecinos_time_scale_zoom (&scale, 2, 250);
  g_assert_cmpfloat_with_epsilon (vecinos_time_scale_to_day (&scale, 250), before, 1e-6);
  g_assert_cmpfloat_with_epsilon (scale.end - scale.start, span / 2, 1e-6);

  vecinos_time_scale_zoom (&scale, 0.5, 900);
  g_assert_cmpfloat_with_epsilon (scale.end - scale.start, span, 1e-6);
}

static void
test_zoom_limits (void)
{
  VecinosTimeScale scale = vecinos_test_scale ("1990-01-01", "2000-01-01", 1000);

  vecinos_time_scale_zoom (&scale, 1e9, 500);
  g_assert_cmpfloat_with_epsilon (scale.end - scale.start, VECINOS_TIME_SCALE_MIN_SPAN, 1e-6);

  vecinos_time_scale_zoom (&scale, 1e-9, 500);
  g_assert_cmpfloat_with_epsilon (scale.end - scale.start, VECINOS_TIME_SCALE_MAX_SPAN, 1e-6);
}

static void
test_pan (void)
{
  VecinosTimeScale scale = vecinos_test_scale ("1990-01-01", "2000-01-01", 1000);
  double start = scale.start;
  double per_pixel = (scale.end - scale.start) / scale.width;

  vecinos_time_scale_pan (&scale, 100);
  g_assert_cmpfloat_with_epsilon (scale.start, start + 100 * per_pixel, 1e-6);
  vecinos_time_scale_pan (&scale, -100);
  g_assert_cmpfloat_with_epsilon (scale.start, start, 1e-6);
}

int
main (int   argc,
      char *argv[])
{
  vecinos_test_init_translations ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time-scale/round-trip", test_round_trip);
  g_test_add_func ("/time-scale/ticks/years", test_ticks_years);
  g_test_add_func ("/time-scale/ticks/decades-and-centuries", test_ticks_decades_and_centuries);
  g_test_add_func ("/time-scale/ticks/before-the-common-era", test_ticks_before_the_common_era);
  g_test_add_func ("/time-scale/ticks/months", test_ticks_months);
  g_test_add_func ("/time-scale/ticks/days", test_ticks_days);
  g_test_add_func ("/time-scale/ticks/at-the-ends", test_ticks_at_the_ends);
  g_test_add_func ("/time-scale/ticks/view-starts-mid-period", test_ticks_view_starts_mid_period);
  g_test_add_func ("/time-scale/ticks/spanish", test_ticks_spanish);
  g_test_add_func ("/time-scale/zoom/keeps-anchor", test_zoom_keeps_anchor);
  g_test_add_func ("/time-scale/zoom/limits", test_zoom_limits);
  g_test_add_func ("/time-scale/pan", test_pan);

  return g_test_run ();
}
