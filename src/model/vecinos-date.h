/* vecinos-date.h — partial dates known to the year, month or day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VECINOS_DATE_ERROR (vecinos_date_error_quark ())

typedef enum {
  VECINOS_DATE_ERROR_INVALID,
} VecinosDateError;

typedef enum {
  VECINOS_DATE_PRECISION_YEAR = 1,
  VECINOS_DATE_PRECISION_MONTH = 2,
  VECINOS_DATE_PRECISION_DAY = 3,
} VecinosDatePrecision;

/* A date as precisely as it is known: "1944", "1993-09" or "1994-01-01".
 * Fields finer than the precision are 1. */
typedef struct {
  int year;
  int month;
  int day;
  VecinosDatePrecision precision;
} VecinosDate;

/* Years run from 9999 BCE (−9999) to 9999; −1 is 1 BCE and there is no
 * year 0 */
#define VECINOS_DATE_FIRST_YEAR (-9999)
#define VECINOS_DATE_LAST_YEAR 9999

/* Days are counted from 0001-01-01 (day 1) in the proleptic Gregorian
 * calendar, so that ranges are integer comparisons; days before the common
 * era are 0 and below. */
typedef gint32 VecinosDay;

/* 1 January 9999 BCE and 31 December 9999 */
#define VECINOS_DAY_FIRST (-3652059)
#define VECINOS_DAY_LAST 3652059

GQuark      vecinos_date_error_quark (void);

gboolean    vecinos_date_parse       (const char          *text,
                                      VecinosDate         *date,
                                      GError             **error);
gboolean    vecinos_date_is_valid    (const VecinosDate   *date);
VecinosDay  vecinos_date_first_day   (const VecinosDate   *date);
VecinosDay  vecinos_date_last_day    (const VecinosDate   *date);
VecinosDay  vecinos_date_today       (void);
void        vecinos_date_from_day    (VecinosDay           day,
                                      VecinosDatePrecision precision,
                                      VecinosDate         *date);
char       *vecinos_date_to_iso      (const VecinosDate   *date);
char       *vecinos_date_format      (const VecinosDate   *date);
char       *vecinos_date_format_year (int                  year);
char       *vecinos_date_format_span (const VecinosDate   *start,
                                      const VecinosDate   *end);

/* Periods of indicator series: a calendar year ("2017") or a U.S. federal
 * fiscal year ("FY2017", 1 October 2016 to 30 September 2017) */
typedef enum {
  VECINOS_PERIOD_CALENDAR_YEAR,
  VECINOS_PERIOD_FISCAL_YEAR,
} VecinosPeriodKind;

gboolean    vecinos_period_parse     (const char          *text,
                                      VecinosPeriodKind    kind,
                                      VecinosDay          *first_day,
                                      GError             **error);
int         vecinos_period_year      (VecinosDay           first_day,
                                      VecinosPeriodKind    kind);

G_END_DECLS
