/* vecinos-test.h — what every test program sets up first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libintl.h>
#include <locale.h>

#include "vecinos-language.h"

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
