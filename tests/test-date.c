/* test-date.c — partial dates: parsing, day numbers, formatting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-test.h"

#include <glib/gi18n.h>

#include "vecinos-date.h"
#include "vecinos-language.h"

static void
test_parse_precisions (void)
{
  g_autoptr(GError) error = NULL;
  VecinosDate date;

  g_assert_true (vecinos_date_parse ("1944", &date, &error));
  g_assert_no_error (error);
  g_assert_cmpint (date.precision, ==, VECINOS_DATE_PRECISION_YEAR);
  g_assert_cmpint (date.year, ==, 1944);
  g_assert_cmpint (date.month, ==, 1);
  g_assert_cmpint (date.day, ==, 1);

  g_assert_true (vecinos_date_parse ("1993-09", &date, &error));
  g_assert_cmpint (date.precision, ==, VECINOS_DATE_PRECISION_MONTH);
  g_assert_cmpint (date.year, ==, 1993);
  g_assert_cmpint (date.month, ==, 9);

  g_assert_true (vecinos_date_parse ("1994-01-01", &date, &error));
  g_assert_cmpint (date.precision, ==, VECINOS_DATE_PRECISION_DAY);
  g_assert_cmpint (date.day, ==, 1);

  g_assert_true (vecinos_date_parse ("2024-02-29", &date, &error));
  g_assert_cmpint (date.day, ==, 29);
}

static void
test_parse_invalid (void)
{
  const char *invalid[] = {
    "", "94", "19944", "1994-1", "1994-13", "1994-00", "1994-02-30",
    "2023-02-29", "1994/01/01", "1994-01-01T00:00", "1994-01-01 ", " 1994",
    "abcd", "0000", "1994-1-01", "1994-01-1", "-994", "1e94",
    /* Before the common era: no year 0, no −10000, and 500 BCE (astronomical
     * −499) is not a leap year */
    "-0000", "-10000", "--0500", "-0500-02-29", "+1994", "-0500-13",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      VecinosDate date = { 7, 7, 7, VECINOS_DATE_PRECISION_DAY };

      g_assert_false (vecinos_date_parse (invalid[i], &date, &error));
      g_assert_error (error, VECINOS_DATE_ERROR, VECINOS_DATE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, invalid[i]));
      /* A rejected date leaves the output untouched */
      g_assert_cmpint (date.year, ==, 7);
    }

  {
    g_autoptr(GError) error = NULL;
    VecinosDate date;

    g_assert_false (vecinos_date_parse (NULL, &date, &error));
    g_assert_error (error, VECINOS_DATE_ERROR, VECINOS_DATE_ERROR_INVALID);
  }
}

static void
test_days (void)
{
  VecinosDate date, back;

  vecinos_date_parse ("0001-01-01", &date, NULL);
  g_assert_cmpint (vecinos_date_first_day (&date), ==, 1);

  vecinos_date_parse ("1994-01-01", &date, NULL);
  g_assert_cmpint (vecinos_date_first_day (&date), ==, 727929);
  g_assert_cmpint (vecinos_date_last_day (&date), ==, 727929);

  /* A year spans 365 or 366 days; a month its own length */
  vecinos_date_parse ("1944", &date, NULL);
  g_assert_cmpint (vecinos_date_last_day (&date) - vecinos_date_first_day (&date), ==, 365);
  vecinos_date_parse ("1993", &date, NULL);
  g_assert_cmpint (vecinos_date_last_day (&date) - vecinos_date_first_day (&date), ==, 364);
  vecinos_date_parse ("2024-02", &date, NULL);
  g_assert_cmpint (vecinos_date_last_day (&date) - vecinos_date_first_day (&date), ==, 28);

  /* Round trip at every precision, from the first or the last day */
  vecinos_date_parse ("1993-09", &date, NULL);
  vecinos_date_from_day (vecinos_date_last_day (&date), VECINOS_DATE_PRECISION_MONTH, &back);
  g_assert_cmpmem (&date, sizeof date, &back, sizeof back);

  vecinos_date_parse ("1944", &date, NULL);
  vecinos_date_from_day (vecinos_date_last_day (&date), VECINOS_DATE_PRECISION_YEAR, &back);
  g_assert_cmpmem (&date, sizeof date, &back, sizeof back);

  vecinos_date_parse ("2018-07-01", &date, NULL);
  vecinos_date_from_day (vecinos_date_first_day (&date), VECINOS_DATE_PRECISION_DAY, &back);
  g_assert_cmpmem (&date, sizeof date, &back, sizeof back);
}

/* Before the common era, years count down to 1 BCE, which is followed by
 * 1 CE; leap years are those of the proleptic Gregorian calendar counted
 * astronomically (1 BCE, 5 BCE, 401 BCE) */
static void
test_days_before_the_common_era (void)
{
  VecinosDate date, back;

  vecinos_date_parse ("-0001-12-31", &date, NULL);
  g_assert_cmpint (vecinos_date_first_day (&date), ==, 0);
  vecinos_date_parse ("-0001", &date, NULL);
  g_assert_cmpint (vecinos_date_first_day (&date), ==, -365);
  g_assert_cmpint (vecinos_date_last_day (&date) - vecinos_date_first_day (&date), ==, 365);
  vecinos_date_parse ("-0002", &date, NULL);
  g_assert_cmpint (vecinos_date_last_day (&date) - vecinos_date_first_day (&date), ==, 364);
  vecinos_date_parse ("-0401-02", &date, NULL);
  g_assert_cmpint (vecinos_date_last_day (&date) - vecinos_date_first_day (&date), ==, 28);
  vecinos_date_parse ("-0101-02", &date, NULL);
  g_assert_cmpint (vecinos_date_last_day (&date) - vecinos_date_first_day (&date), ==, 27);

  vecinos_date_parse ("-9999-01-01", &date, NULL);
  g_assert_cmpint (vecinos_date_first_day (&date), ==, VECINOS_DAY_FIRST);
  vecinos_date_parse ("9999-12-31", &date, NULL);
  g_assert_cmpint (vecinos_date_first_day (&date), ==, VECINOS_DAY_LAST);

  /* Every day from 9999 BCE to 9999 comes back as itself, in order */
  for (VecinosDay day = VECINOS_DAY_FIRST; day <= VECINOS_DAY_LAST; day++)
    {
      vecinos_date_from_day (day, VECINOS_DATE_PRECISION_DAY, &back);
      g_assert_true (vecinos_date_is_valid (&back));
      g_assert_cmpint (vecinos_date_first_day (&back), ==, day);
      if (day >= 1 && day % 997 == 0)
        {
          g_autoptr(GDate) gdate = g_date_new_julian ((guint32) day);

          g_assert_cmpint (back.year, ==, g_date_get_year (gdate));
          g_assert_cmpint (back.month, ==, g_date_get_month (gdate));
          g_assert_cmpint (back.day, ==, g_date_get_day (gdate));
        }
    }
}

static void
test_iso (void)
{
  const char *texts[] = { "1944", "1993-09", "1994-01-01", "0850-12-31", "-0500", "-0044-03-15", "-9999-01" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *iso = NULL;
      VecinosDate date;

      g_assert_true (vecinos_date_parse (texts[i], &date, NULL));
      iso = vecinos_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, texts[i]);
    }
}

static void
assert_formats (const char *text,
                const char *expected)
{
  g_autofree char *formatted = NULL;
  VecinosDate date;

  g_assert_true (vecinos_date_parse (text, &date, NULL));
  formatted = vecinos_date_format (&date);
  g_assert_cmpstr (formatted, ==, expected);
}

static void
test_format_english (void)
{
  vecinos_language_use ("en");

  assert_formats ("1944", "1944");
  assert_formats ("1993-09", "September 1993");
  assert_formats ("1994-01-01", "1 January 1994");
  assert_formats ("2018-07-31", "31 July 2018");
  assert_formats ("-0500", "500 BCE");
  assert_formats ("-0044-03-15", "15 March 44 BCE");
  assert_formats ("-0001-12", "December 1 BCE");
}

static void
test_format_spanish (void)
{
  VecinosDate start, end;
  g_autofree char *span = NULL;

  vecinos_language_use ("es");

  assert_formats ("1944", "1944");
  assert_formats ("1993-09", "septiembre de 1993");
  assert_formats ("1994-01-01", "1 de enero de 1994");
  assert_formats ("2018-07-31", "31 de julio de 2018");
  assert_formats ("-0500", "500 a. C.");
  assert_formats ("-0044-03-15", "15 de marzo de 44 a. C.");

  vecinos_date_parse ("1942-08-04", &start, NULL);
  vecinos_date_parse ("1964", &end, NULL);
  span = vecinos_date_format_span (&start, &end);
  g_assert_cmpstr (span, ==, "4 de agosto de 1942 – 1964");

  vecinos_language_use ("en");
}

int
main (int   argc,
      char *argv[])
{
  vecinos_test_init_translations ();

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/precisions", test_parse_precisions);
  g_test_add_func ("/date/parse/invalid", test_parse_invalid);
  g_test_add_func ("/date/days", test_days);
  g_test_add_func ("/date/days/before-the-common-era", test_days_before_the_common_era);
  g_test_add_func ("/date/iso", test_iso);
  g_test_add_func ("/date/format/english", test_format_english);
  g_test_add_func ("/date/format/spanish", test_format_spanish);

  return g_test_run ();
}
