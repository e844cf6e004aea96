/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <sqlite3.h>

#include "vecinos-application.h"
#include "vecinos-language.h"
#include "vecinos-paths.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VecinosApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* SQLite counts its memory under a lock at each allocation, for limits
   * Vecinos sets none of (a timeline imported in a thread of its own
   * allocates for each event) */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
  vecinos_language_bind (vecinos_paths_locale_dir ());

  app = vecinos_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
