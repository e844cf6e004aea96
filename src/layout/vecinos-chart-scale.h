/* vecinos-chart-scale.h — the geometry of an indicator chart: nice value
 * ticks, where a period and a date fall on the time axis, and the runs of
 * consecutive periods a line may join (a gap breaks the line)
 *
 * Pure C with GLib only, tested exactly in tests/test-chart-scale.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vecinos-date.h"

G_BEGIN_DECLS

typedef struct {
  double left, right, top, bottom;   /* the plot area, in pixels */
  double start, end;                 /* years, fractional, at left and right */
  double low, high;                  /* values at bottom and top */
  gboolean log_scale;                /* equal ratios at equal distances */
} VecinosChartScale;

GArray *vecinos_chart_nice_ticks   (double                   low,
                                    double                   high,
                                    guint                    max_ticks,
                                    double                  *step);
GArray *vecinos_chart_log_ticks    (double                   low,
                                    double                   high,
                                    guint                    max_ticks);
int     vecinos_chart_tick_decimals (double                  step);
double  vecinos_chart_period_time  (int                      year,
                                    VecinosPeriodKind        kind);
double  vecinos_chart_day_time     (VecinosDay               day);
double  vecinos_chart_x            (const VecinosChartScale *scale,
                                    double                   time);
double  vecinos_chart_y            (const VecinosChartScale *scale,
                                    double                   value);
guint   vecinos_chart_run_length   (const int               *years,
                                    guint                    n,
                                    guint                    first);

G_END_DECLS
