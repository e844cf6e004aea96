/* vecinos-test.h — what every test program sets up first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libintl.h>
#include <glib.h>
#include <locale.h>
#include <math.h>

#include "vecinos-language.h"
#include "vecinos-series.h"
#include "vecinos-time-scale.h"

/* The catalogues the build just compiled, starting in English */
static inline void
vecinos_test_init_translations (void)
{
  setlocale (LC_ALL, "");
  vecinos_language_bind (VECINOS_BUILD_ROOT "/po");
  vecinos_language_use ("en");
}

/* The first day of a date written YYYY, YYYY-MM or YYYY-MM-DD */
static inline VecinosDay
vecinos_test_day (const char *text)
{
  VecinosDate date;

  g_assert_true (vecinos_date_parse (text, &date, NULL));
  return vecinos_date_first_day (&date);
}

/* A view from @start to @end laid over @width pixels */
static inline VecinosTimeScale
vecinos_test_scale (const char *start,
                    const char *end,
                    double      width)
{
  return (VecinosTimeScale) { vecinos_test_day (start), vecinos_test_day (end), width };
}

/* A series made by hand: @n figures of @unit_kind from @first_year, NAN
 * for a missing year; blue, in the migration category */
static inline VecinosSeries *
vecinos_test_series_new (const char   *slug,
                         const char   *unit_kind,
                         const char   *unit,
                         int           first_year,
                         const double *values,
                         guint         n)
{
  VecinosSeries *series = g_new0 (VecinosSeries, 1);

  series->slug = g_strdup (slug);
  series->name = g_strdup (slug);
  series->unit = g_strdup (unit);
  series->unit_kind = g_strdup (unit_kind);
  series->color = g_strdup ("#0072B2");
  series->category = g_strdup ("migration");
  series->category_name = g_strdup ("Migration");
  series->definition = g_strdup ("A test.");
  series->source_org = g_strdup (slug);
  series->source_url = g_strdup ("https://example.org/");
  series->points = g_array_new (FALSE, TRUE, sizeof (VecinosPoint));
  series->claims = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    if (!isnan (values[i]))
      {
        VecinosPoint point = { first_year + i, values[i], FALSE, g_strdup (slug), g_strdup ("https://example.org/") };
        g_array_append_val (series->points, point);
      }
  return series;
}
