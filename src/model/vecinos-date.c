/* vecinos-date.c — partial dates known to the year, month or day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"

#include "vecinos-date.h"

G_DEFINE_QUARK (vecinos-date-error-quark, vecinos_date_error)

static gboolean
parse_digits (const char *text,
              guint       n_digits,
              int        *value)
{
  int result = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      result = result * 10 + g_ascii_digit_value (text[i]);
    }

  *value = result;
  return TRUE;
}

/* Years are numbered as historians and TimelineJS number them: −1 is
 * 1 BCE, followed by 1 CE; there is no year 0. The calendar's arithmetic
 * counts astronomically (1 BCE is year 0, 2 BCE is −1), in the proleptic
 * Gregorian calendar. */
static int
astronomical_year (int year)
{
  return year < 0 ? year + 1 : year;
}

static gboolean
is_leap_year (int year)
{
  int y = astronomical_year (year);

  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month (int year,
               int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  return month == 2 && is_leap_year (year) ? 29 : days[month - 1];
}

/* Days since 1 March of astronomical year 0, counted in 400-year eras of
 * 146 097 days; floor division keeps the years before 0 regular */
static gint64
day_number (int year,
            int month,
            int day)
{
  gint64 y = astronomical_year (year) - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 year_of_era = y - era * 400;
  gint64 day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  gint64 day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  return era * 146097 + day_of_era;
}

/* 1 January of year 1 is day 1, as GDate counts */
#define DAY_ONE_OFFSET (306 - 1)

static VecinosDay
day_of (int year,
        int month,
        int day)
{
  return (VecinosDay) (day_number (year, month, day) - DAY_ONE_OFFSET);
}

static void
date_of (VecinosDay  vday,
         int        *year,
         int        *month,
         int        *day)
{
  gint64 n = (gint64) vday + DAY_ONE_OFFSET;
  gint64 era = (n >= 0 ? n : n - 146096) / 146097;
  gint64 day_of_era = n - era * 146097;
  gint64 year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  gint64 day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  gint64 shifted_month = (5 * day_of_year + 2) / 153;
  gint64 y;

  *day = (int) (day_of_year - (153 * shifted_month + 2) / 5 + 1);
  *month = (int) (shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  y = year_of_era + era * 400 + (*month <= 2);
  *year = (int) (y <= 0 ? y - 1 : y);
}

gboolean
vecinos_date_is_valid (const VecinosDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  if (date->year < VECINOS_DATE_FIRST_YEAR || date->year > VECINOS_DATE_LAST_YEAR || date->year == 0)
    return FALSE;

  switch (date->precision)
    {
    case VECINOS_DATE_PRECISION_YEAR:
      return date->month == 1 && date->day == 1;
    case VECINOS_DATE_PRECISION_MONTH:
      return date->month >= 1 && date->month <= 12 && date->day == 1;
    case VECINOS_DATE_PRECISION_DAY:
      return date->month >= 1 && date->month <= 12 &&
             date->day >= 1 && date->day <= days_in_month (date->year, date->month);
    default:
      return FALSE;
    }
}

/**
 * vecinos_date_parse:
 * @text: "YYYY", "YYYY-MM" or "YYYY-MM-DD", with a leading "-" before the
 *   common era ("-0500" is 500 BCE: there is no year 0)
 *
 * The length of @text is its precision. Anything else — other separators,
 * missing zero padding, trailing text, a day that does not exist — is
 * rejected with %VECINOS_DATE_ERROR_INVALID.
 */
gboolean
vecinos_date_parse (const char   *text,
                    VecinosDate  *date,
                    GError      **error)
{
  VecinosDate parsed = { 0, 1, 1, VECINOS_DATE_PRECISION_YEAR };
  const char *digits;
  gsize length;
  gboolean ok;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL)
    {
      g_set_error_literal (error, VECINOS_DATE_ERROR, VECINOS_DATE_ERROR_INVALID,
                           _("The date is missing"));
      return FALSE;
    }

  digits = text[0] == '-' ? text + 1 : text;
  length = strlen (digits);
  ok = parse_digits (digits, MIN (length, 4), &parsed.year) && length >= 4;
  if (digits != text)
    parsed.year = -parsed.year;

  if (ok && length == 4)
    parsed.precision = VECINOS_DATE_PRECISION_YEAR;
  else if (ok && length == 7 && digits[4] == '-')
    {
      parsed.precision = VECINOS_DATE_PRECISION_MONTH;
      ok = parse_digits (digits + 5, 2, &parsed.month);
    }
  else if (ok && length == 10 && digits[4] == '-' && digits[7] == '-')
    {
      parsed.precision = VECINOS_DATE_PRECISION_DAY;
      ok = parse_digits (digits + 5, 2, &parsed.month) &&
           parse_digits (digits + 8, 2, &parsed.day);
    }
  else
    ok = FALSE;

  if (!ok || !vecinos_date_is_valid (&parsed))
    {
      g_set_error (error, VECINOS_DATE_ERROR, VECINOS_DATE_ERROR_INVALID,
                   /* Translators: %s is the text that was read as a date */
                   _("“%s” is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
                   text);
      return FALSE;
    }

  *date = parsed;
  return TRUE;
}

VecinosDay
vecinos_date_first_day (const VecinosDate *date)
{
  g_return_val_if_fail (vecinos_date_is_valid (date), 0);

  return day_of (date->year, date->month, date->day);
}

VecinosDay
vecinos_date_last_day (const VecinosDate *date)
{
  g_return_val_if_fail (vecinos_date_is_valid (date), 0);

  switch (date->precision)
    {
    case VECINOS_DATE_PRECISION_YEAR:
      return day_of (date->year, 12, 31);
    case VECINOS_DATE_PRECISION_MONTH:
      return day_of (date->year, date->month, days_in_month (date->year, date->month));
    case VECINOS_DATE_PRECISION_DAY:
    default:
      return day_of (date->year, date->month, date->day);
    }
}

void
vecinos_date_from_day (VecinosDay            day,
                       VecinosDatePrecision  precision,
                       VecinosDate          *date)
{
  int month, day_of_month;

  g_return_if_fail (date != NULL);
  g_return_if_fail (day >= VECINOS_DAY_FIRST && day <= VECINOS_DAY_LAST);

  date_of (day, &date->year, &month, &day_of_month);
  date->month = precision >= VECINOS_DATE_PRECISION_MONTH ? month : 1;
  date->day = precision >= VECINOS_DATE_PRECISION_DAY ? day_of_month : 1;
  date->precision = precision;
}

char *
vecinos_date_to_iso (const VecinosDate *date)
{
  g_return_val_if_fail (vecinos_date_is_valid (date), NULL);

  switch (date->precision)
    {
    case VECINOS_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%s%04d", date->year < 0 ? "-" : "", ABS (date->year));
    case VECINOS_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%s%04d-%02d", date->year < 0 ? "-" : "", ABS (date->year), date->month);
    case VECINOS_DATE_PRECISION_DAY:
    default:
      return g_strdup_printf ("%s%04d-%02d-%02d", date->year < 0 ? "-" : "", ABS (date->year),
                              date->month, date->day);
    }
}

/* Month names are ours, not the C library's: the machines a class uses may
 * have no Spanish locale installed, and LANGUAGE alone must be enough. */
static const char *
month_name (int month)
{
  static const char * const names[] = {
    NC_("month name", "January"), NC_("month name", "February"),
    NC_("month name", "March"), NC_("month name", "April"),
    NC_("month name", "May"), NC_("month name", "June"),
    NC_("month name", "July"), NC_("month name", "August"),
    NC_("month name", "September"), NC_("month name", "October"),
    NC_("month name", "November"), NC_("month name", "December"),
  };

  g_return_val_if_fail (month >= 1 && month <= 12, "");

  return C_("month name", names[month - 1]);
}

/**
 * vecinos_date_format:
 *
 * Formats @date at its own precision in the user interface language:
 * "1944", "September 1993", "1 January 1994".
 */
char *
vecinos_date_format (const VecinosDate *date)
{
  g_autofree char *year = NULL;

  g_return_val_if_fail (vecinos_date_is_valid (date), NULL);

  year = vecinos_date_format_year (date->year);
  switch (date->precision)
    {
    case VECINOS_DATE_PRECISION_YEAR:
      return g_steal_pointer (&year);
    case VECINOS_DATE_PRECISION_MONTH:
      /* Translators: a date known to the month: %1$s is the month name,
       * %2$s the year, as in "September 1993" */
      return g_strdup_printf (C_("date known to the month", "%1$s %2$s"), month_name (date->month), year);
    case VECINOS_DATE_PRECISION_DAY:
    default:
      /* Translators: a full date: %1$d is the day, %2$s the month name,
       * %3$s the year, as in "1 January 1994" */
      return g_strdup_printf (_("%1$d %2$s %3$s"), date->day,
                              month_name (date->month), year);
    }
}

/**
 * vecinos_date_format_year:
 *
 * Returns: "1994", or "500 BCE" for a year before the common era
 */
char *
vecinos_date_format_year (int year)
{
  if (year > 0)
    return g_strdup_printf ("%d", year);

  /* Translators: a year before the common era, as in "500 BCE" */
  return g_strdup_printf (_("%d BCE"), -year);
}

/**
 * vecinos_date_format_span:
 * @end: (nullable): the last date, or %NULL for a single date
 */
char *
vecinos_date_format_span (const VecinosDate *start,
                          const VecinosDate *end)
{
  g_autofree char *first = vecinos_date_format (start);
  g_autofree char *last = NULL;

  if (end == NULL)
    return g_steal_pointer (&first);

  last = vecinos_date_format (end);
  /* Translators: a period of time, from the first date to the last */
  return g_strdup_printf (_("%1$s – %2$s"), first, last);
}

/**
 * vecinos_period_parse:
 * @text: "2017" for a calendar year, "FY2017" for a fiscal year
 * @first_day: (out): the first day of the period
 *
 * A fiscal year is never read as a calendar year, nor the other way round.
 */
gboolean
vecinos_period_parse (const char         *text,
                      VecinosPeriodKind   kind,
                      VecinosDay         *first_day,
                      GError            **error)
{
  gboolean fiscal = kind == VECINOS_PERIOD_FISCAL_YEAR;
  VecinosDate date;

  g_return_val_if_fail (first_day != NULL, FALSE);

  if (text == NULL ||
      (fiscal && !g_str_has_prefix (text, "FY")) ||
      strlen (text) != (fiscal ? 6 : 4) ||
      !vecinos_date_parse (text + (fiscal ? 2 : 0), &date, NULL) ||
      date.year < 2)
    {
      g_set_error (error, VECINOS_DATE_ERROR, VECINOS_DATE_ERROR_INVALID,
                   fiscal
                   /* Translators: %s is the text that was read as a period */
                   ? _("“%s” is not a fiscal year (expected FYYYYY, such as FY2017)")
                   : _("“%s” is not a calendar year (expected YYYY, such as 2017)"),
                   text != NULL ? text : "");
      return FALSE;
    }

  if (fiscal)
    {
      date.year -= 1;
      date.month = 10;
      date.precision = VECINOS_DATE_PRECISION_MONTH;
    }
  *first_day = vecinos_date_first_day (&date);
  return TRUE;
}

/**
 * vecinos_period_year:
 *
 * Returns: the year a period is named after (2017 for FY2017)
 */
int
vecinos_period_year (VecinosDay         first_day,
                     VecinosPeriodKind  kind)
{
  VecinosDate date;

  vecinos_date_from_day (first_day, VECINOS_DATE_PRECISION_DAY, &date);
  return kind == VECINOS_PERIOD_FISCAL_YEAR ? date.year + 1 : date.year;
}

/**
 * vecinos_date_today:
 *
 * Returns: today's day, where a term still running ends for now
 */
VecinosDay
vecinos_date_today (void)
{
  /* Asked for each running term at each frame: the local time is read
   * again once a minute, not each time */
  static gint64 minute = -1;
  static VecinosDay day;
  G_LOCK_DEFINE_STATIC (today);
  gint64 now_minute = g_get_real_time () / G_USEC_PER_SEC / 60;
  VecinosDay result;

  G_LOCK (today);
  if (now_minute != minute)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      VecinosDate today = {
        g_date_time_get_year (now), g_date_time_get_month (now), g_date_time_get_day_of_month (now),
        VECINOS_DATE_PRECISION_DAY,
      };

      day = vecinos_date_first_day (&today);
      minute = now_minute;
    }
  result = day;
  G_UNLOCK (today);
  return result;
}
