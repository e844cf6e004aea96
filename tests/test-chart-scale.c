/* test-chart-scale.c — nice ticks, periods on the time axis, gaps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "vecinos-test.h"

#include "vecinos-chart-scale.h"

static void
assert_ticks (double        low,
              double        high,
              guint         max_ticks,
              double        expected_step,
              const double *expected,
              guint         n_expected)
{
  double step = 0;
  g_autoptr(GArray) ticks = vecinos_chart_nice_ticks (low, high, max_ticks, &step);

  g_assert_cmpfloat_with_epsilon (step, expected_step, 1e-9);
  g_assert_cmpuint (ticks->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (ticks, double, i), expected[i], 1e-9);
}

static void
test_nice_ticks (void)
{
  /* Homicides: 0 to 36,773 in at most 8 ticks */
  assert_ticks (0, 36773, 8, 10000, (double[]) { 0, 10000, 20000, 30000, 40000 }, 5);
  assert_ticks (0, 36773, 10, 5000,
                (double[]) { 0, 5000, 10000, 15000, 20000, 25000, 30000, 35000, 40000 }, 9);
  /* GDP growth: negative values, a step of 2 */
  assert_ticks (-8.4, 6.2, 10, 2, (double[]) { -10, -8, -6, -4, -2, 0, 2, 4, 6, 8 }, 10);
  assert_ticks (-8.4, 6.2, 9, 5, (double[]) { -10, -5, 0, 5, 10 }, 5);
  /* Small decimals never accumulate errors: 0.3 is 3 × 0.1 */
  assert_ticks (0, 0.3, 4, 0.1, (double[]) { 0, 0.1, 0.2, 0.3 }, 4);
  /* A range that is already a tick each end */
  assert_ticks (100, 500, 5, 100, (double[]) { 100, 200, 300, 400, 500 }, 5);
  /* One value: a band around it */
  assert_ticks (7, 7, 5, 0.5, (double[]) { 6.0, 6.5, 7.0, 7.5, 8.0 }, 5);
}

static void
test_tick_decimals (void)
{
  g_assert_cmpint (vecinos_chart_tick_decimals (10000), ==, 0);
  g_assert_cmpint (vecinos_chart_tick_decimals (1), ==, 0);
  g_assert_cmpint (vecinos_chart_tick_decimals (0.5), ==, 1);
  g_assert_cmpint (vecinos_chart_tick_decimals (0.2), ==, 1);
  g_assert_cmpint (vecinos_chart_tick_decimals (0.05), ==, 2);
}

static void
test_period_time (void)
{
  /* A calendar year's figure in the middle of the year; a fiscal year's in
   * the middle of October to September */
  g_assert_cmpfloat (vecinos_chart_period_time (2017, VECINOS_PERIOD_CALENDAR_YEAR), ==, 2017.5);
  g_assert_cmpfloat (vecinos_chart_period_time (2017, VECINOS_PERIOD_FISCAL_YEAR), ==, 2017.25);
  g_assert_cmpfloat (vecinos_chart_day_time (vecinos_test_day ("2018-01-01")), ==, 2018.0);
  /* 1 July 2018 is day 181 of 365 */
  g_assert_cmpfloat_with_epsilon (vecinos_chart_day_time (vecinos_test_day ("2018-07-01")),
                                  2018 + 181.0 / 365, 1e-9);
  /* A leap year has 366 days */
  g_assert_cmpfloat_with_epsilon (vecinos_chart_day_time (vecinos_test_day ("2020-12-31")),
                                  2020 + 365.0 / 366, 1e-9);
  /* The last day there is: its year has no next year to measure against */
  g_assert_cmpfloat_with_epsilon (vecinos_chart_day_time (vecinos_test_day ("9999-12-31")),
                                  9999 + 364.0 / 365, 1e-9);
  g_assert_cmpfloat (vecinos_chart_day_time (vecinos_test_day ("0001-01-01")), ==, 1.0);
  /* A view can reach past the last date and before the first */
  g_assert_cmpfloat_with_epsilon (vecinos_chart_day_time (vecinos_test_day ("9999-12-31") + 1),
                                  10000, 1e-9);
  g_assert_cmpfloat (vecinos_chart_day_time (0), <, 1);
  g_assert_cmpfloat (vecinos_chart_day_time (-400000), <, 0);
  g_assert_cmpfloat (vecinos_chart_day_time (G_MAXINT32), >, 10000);
}

static void
test_mapping (void)
{
  VecinosChartScale scale = { .left = 100, .right = 1100, .top = 50, .bottom = 550,
                              .start = 2000, .end = 2020, .low = 0, .high = 1000 };

  g_assert_cmpfloat (vecinos_chart_x (&scale, 2000), ==, 100);
  g_assert_cmpfloat (vecinos_chart_x (&scale, 2010), ==, 600);
  g_assert_cmpfloat (vecinos_chart_x (&scale, 2020), ==, 1100);
  g_assert_cmpfloat (vecinos_chart_y (&scale, 0), ==, 550);
  g_assert_cmpfloat (vecinos_chart_y (&scale, 500), ==, 300);
  g_assert_cmpfloat (vecinos_chart_y (&scale, 1000), ==, 50);
}

static void
assert_log_ticks (double        low,
                  double        high,
                  guint         max_ticks,
                  const double *expected,
                  guint         n_expected)
{
  g_autoptr(GArray) ticks = vecinos_chart_log_ticks (low, high, max_ticks);

  g_assert_cmpuint (ticks->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (ticks, double, i), expected[i],
                                    expected[i] * 1e-12);
}

static void
test_log_ticks (void)
{
  /* Fentanyl seizures, 2,000 to 27,000 pounds: 1,000 to 100,000, with 2
   * and 5 between while they fit */
  assert_log_ticks (2000, 27000, 8, (double[]) { 1000, 2000, 5000, 10000, 20000, 50000, 100000 }, 7);
  /* Only the powers when the steps between do not fit */
  assert_log_ticks (2000, 27000, 4, (double[]) { 1000, 10000, 100000 }, 3);
  /* Below one: 0.1 is exact */
  assert_log_ticks (0.15, 0.9, 4, (double[]) { 0.1, 0.2, 0.5, 1 }, 4);
  /* Nine decades in six ticks: every second power, from an even one */
  assert_log_ticks (3, 2e8, 6, (double[]) { 1, 100, 1e4, 1e6, 1e8, 1e10 }, 6);
  /* … in five: every fifth */
  assert_log_ticks (3, 2e8, 5, (double[]) { 1, 1e5, 1e10 }, 3);
  /* A value that is a power of ten is a tick */
  assert_log_ticks (10, 10, 5, (double[]) { 10, 20, 50, 100 }, 4);
}

static void
test_log_mapping (void)
{
  VecinosChartScale scale = { .left = 0, .right = 100, .top = 0, .bottom = 300,
                              .low = 10, .high = 10000, .log_scale = TRUE };

  /* Every factor of ten is the same distance */
  g_assert_cmpfloat_with_epsilon (vecinos_chart_y (&scale, 10), 300, 1e-9);
  g_assert_cmpfloat_with_epsilon (vecinos_chart_y (&scale, 100), 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (vecinos_chart_y (&scale, 1000), 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (vecinos_chart_y (&scale, 10000), 0, 1e-9);
}

/* Any pair of doubles gives a usable axis: ascending, finite ticks, at
 * least two and a bounded number, covering the values it can hold. Before
 * this, an infinite range gave no ticks (the chart read tick 0 of none) and
 * values equal to fifteen digits looped for ever */
static const double awkward[] = {
  0, 1, -1, 5, 5.000000000000001, 100, 100.00000000000001, 36773,
  5e-324, -5e-324, 1e-310, 2.2250738585072014e-308, 1e-300, 1e-15,
  1e15, 1e300, 1.7976931348623157e308, -1.7976931348623157e308, -1e300,
  INFINITY, -INFINITY, NAN,
};

static gboolean
holdable (double value)
{
  return isfinite (value) && fabs (value) <= 1e300;
}

static void
test_nice_ticks_total (void)
{
  static const guint max_ticks[] = { 0, 1, 2, 5, 8, 12 };

  for (guint a = 0; a < G_N_ELEMENTS (awkward); a++)
    for (guint b = 0; b < G_N_ELEMENTS (awkward); b++)
      for (guint m = 0; m < G_N_ELEMENTS (max_ticks); m++)
        {
          double low = awkward[a], high = awkward[b], step = -1;
          g_autoptr(GArray) ticks = vecinos_chart_nice_ticks (low, high, max_ticks[m], &step);
          double first, last;

          g_assert_true (isfinite (step) && step > 0);
          g_assert_cmpuint (ticks->len, >=, 2);
          g_assert_cmpuint (ticks->len, <=, MAX (max_ticks[m], 2) + 1);
          for (guint i = 0; i < ticks->len; i++)
            {
              g_assert_true (isfinite (g_array_index (ticks, double, i)));
              if (i > 0)
                g_assert_cmpfloat (g_array_index (ticks, double, i), >, g_array_index (ticks, double, i - 1));
            }
          first = g_array_index (ticks, double, 0);
          last = g_array_index (ticks, double, ticks->len - 1);
          if (holdable (low) && holdable (high) && max_ticks[m] >= 5)
            {
              /* Within the billionth of a step the ticks round by */
              g_assert_cmpfloat (first, <=, MIN (low, high) + step * 1e-6);
              g_assert_cmpfloat (last, >=, MAX (low, high) - step * 1e-6);
            }
        }
}

/* Nearly equal values, as an index or a percentage, are one value: a band
 * around it, not ticks 1e-15 apart */
static void
test_nice_ticks_nearly_equal (void)
{
  assert_ticks (5, 5.000000000000001, 5, 0.5, (double[]) { 4.5, 5.0, 5.5 }, 3);
  assert_ticks (100, 100.00000000000001, 5, 5, (double[]) { 90, 95, 100, 105, 110 }, 5);
  /* All the figures at the smallest double: a band of ±1 around zero */
  assert_ticks (5e-324, 5e-324, 5, 0.5, (double[]) { -1, -0.5, 0, 0.5, 1 }, 5);
  /* Beyond ±1e300 is ±1e300 */
  assert_ticks (0, INFINITY, 5, 5e299, (double[]) { 0, 5e299, 1e300 }, 3);
}

static void
test_log_ticks_total (void)
{
  for (guint a = 0; a < G_N_ELEMENTS (awkward); a++)
    for (guint b = 0; b < G_N_ELEMENTS (awkward); b++)
      {
        g_autoptr(GArray) ticks = vecinos_chart_log_ticks (awkward[a], awkward[b], 8);

        g_assert_cmpuint (ticks->len, >=, 2);
        g_assert_cmpuint (ticks->len, <=, 9);
        for (guint i = 0; i < ticks->len; i++)
          {
            double tick = g_array_index (ticks, double, i);

            g_assert_true (isfinite (tick) && tick > 0);
            if (i > 0)
              g_assert_cmpfloat (tick, >, g_array_index (ticks, double, i - 1));
          }
      }
}

/* Pixels are finite whatever the scale and value */
static void
test_mapping_total (void)
{
  for (guint a = 0; a < G_N_ELEMENTS (awkward); a++)
    for (guint b = 0; b < G_N_ELEMENTS (awkward); b++)
      for (guint v = 0; v < G_N_ELEMENTS (awkward); v++)
        for (int log_scale = 0; log_scale <= 1; log_scale++)
          {
            VecinosChartScale scale = { .left = 10, .right = 110, .top = 5, .bottom = 305,
                                        .start = awkward[a], .end = awkward[b],
                                        .low = awkward[a], .high = awkward[b],
                                        .log_scale = log_scale };

            g_assert_true (isfinite (vecinos_chart_x (&scale, awkward[v])));
            g_assert_true (isfinite (vecinos_chart_y (&scale, awkward[v])));
          }
  for (guint a = 0; a < G_N_ELEMENTS (awkward); a++)
    {
      int decimals = vecinos_chart_tick_decimals (awkward[a]);

      g_assert_cmpint (decimals, >=, 0);
      g_assert_cmpint (decimals, <=, 6);
    }
}

/* A line joins consecutive years only: a missing year is a gap */
static void
test_runs (void)
{
  const int merida[] = { 2008, 2009, 2012, 2018 };
  const int homicides[] = { 1990, 1991, 1992 };
  const int poppy[] = { 2005, 2006, 2007, 2008, 2011, 2012 };

  g_assert_cmpuint (vecinos_chart_run_length (merida, 4, 0), ==, 2);
  g_assert_cmpuint (vecinos_chart_run_length (merida, 4, 2), ==, 1);
  g_assert_cmpuint (vecinos_chart_run_length (merida, 4, 3), ==, 1);
  g_assert_cmpuint (vecinos_chart_run_length (homicides, 3, 0), ==, 3);
  g_assert_cmpuint (vecinos_chart_run_length (poppy, 6, 0), ==, 4);
  g_assert_cmpuint (vecinos_chart_run_length (poppy, 6, 4), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  vecinos_test_init_translations ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-scale/nice-ticks", test_nice_ticks);
  g_test_add_func ("/chart-scale/tick-decimals", test_tick_decimals);
  g_test_add_func ("/chart-scale/period-time", test_period_time);
  g_test_add_func ("/chart-scale/mapping", test_mapping);
  g_test_add_func ("/chart-scale/runs", test_runs);
  g_test_add_func ("/chart-scale/log-ticks", test_log_ticks);
  g_test_add_func ("/chart-scale/log-mapping", test_log_mapping);
  g_test_add_func ("/chart-scale/nice-ticks-total", test_nice_ticks_total);
  g_test_add_func ("/chart-scale/nice-ticks-nearly-equal", test_nice_ticks_nearly_equal);
  g_test_add_func ("/chart-scale/log-ticks-total", test_log_ticks_total);
  g_test_add_func ("/chart-scale/mapping-total", test_mapping_total);
  return g_test_run ();
}
