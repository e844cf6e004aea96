/* vecinos-test.h — what every test program sets up first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libintl.h>
#include <glib.h>
#include <locale.h>

#include "vecinos-language.h"
#include "vecinos-time-scale.h"

/* The catalogues the build just compiled, starting in English */
static inline void
vecinos_test_init_translations (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, VECINOS_BUILD_ROOT "/po");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
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
