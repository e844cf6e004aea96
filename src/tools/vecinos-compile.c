/* vecinos-compile.c — build-time dataset compiler
 *
 *   vecinos-compile DATASET_DIR OUTPUT.sqlite
 *
 * Runs the importer the app uses on a dataset directory and writes the
 * result to OUTPUT. The database is written beside OUTPUT and renamed into
 * place only when it is complete, so a failed build never leaves a
 * half-written dataset behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "vecinos-importer.h"

static gboolean
compile (const char  *directory,
         const char  *temporary,
         GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_commandline_arg (directory);
  sqlite3 *db = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (temporary, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "%s: %s", temporary, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }

  ok = vecinos_importer_import_directory (db, source, error);
  if (ok && sqlite3_exec (db, "VACUUM", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   "%s: %s", temporary, sqlite3_errmsg (db));
      ok = FALSE;
    }
  if (sqlite3_close (db) != SQLITE_OK && ok)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: could not close", temporary);
      ok = FALSE;
    }
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *temporary = NULL;

  setlocale (LC_ALL, "");
  g_set_prgname ("vecinos-compile");

  if (argc != 3)
    {
      g_printerr ("Usage: %s DATASET_DIR OUTPUT.sqlite\n", argv[0]);
      return 2;
    }

  temporary = g_strconcat (argv[2], ".part", NULL);
  g_unlink (temporary);

  if (!compile (argv[1], temporary, &error))
    {
      g_printerr ("%s: %s: %s\n", g_get_prgname (), argv[1], error->message);
      g_unlink (temporary);
      return 1;
    }

  if (g_rename (temporary, argv[2]) != 0)
    {
      int saved_errno = errno;

      g_printerr ("%s: %s: %s\n", g_get_prgname (), argv[2], g_strerror (saved_errno));
      g_unlink (temporary);
      return 1;
    }
  return 0;
}
