/* vecinos-time-scale.h — time ↔ pixels and the ticks of a time axis
 *
 * Pure geometry over plain structs: no GTK, unit-tested and benchmarked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vecinos-date.h"

G_BEGIN_DECLS

/* The visible stretch of time [start, end) in days (vecinos-date.h), fractional
 * so that zooming is smooth, laid over width pixels */
typedef struct {
  double start;
  double end;
  double width;
} VecinosTimeScale;

typedef enum {
  VECINOS_TICK_YEARS,
  VECINOS_TICK_MONTHS,
  VECINOS_TICK_DAYS,
} VecinosTickUnit;

typedef struct {
  VecinosDay      day;
  double          x;
  VecinosTickUnit unit;
  int             step;     /* in units: 10 for a decade tick */
} VecinosTick;

/* The narrowest and widest views that stay meaningful: a week, twenty
 * millennia (a timeline may run from 9999 BCE to 9999) */
#define VECINOS_TIME_SCALE_MIN_SPAN 7.0
#define VECINOS_TIME_SCALE_MAX_SPAN (20000.0 * 365.2425)

double  vecinos_time_scale_to_x      (const VecinosTimeScale *scale,
                                      double                  day);
double  vecinos_time_scale_to_day    (const VecinosTimeScale *scale,
                                      double                  x);
void    vecinos_time_scale_zoom      (VecinosTimeScale       *scale,
                                      double                  factor,
                                      double                  anchor_x);
void    vecinos_time_scale_pan       (VecinosTimeScale       *scale,
                                      double                  dx);
GArray *vecinos_time_scale_ticks     (const VecinosTimeScale *scale,
                                      double                  min_spacing);
char   *vecinos_tick_format          (const VecinosTick      *tick);

G_END_DECLS
