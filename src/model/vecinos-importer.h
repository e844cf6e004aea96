/* vecinos-importer.h — the one way data enters Vecinos: JSON → SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define VECINOS_IMPORT_ERROR (vecinos_import_error_quark ())

typedef enum {
  VECINOS_IMPORT_ERROR_READ,
  VECINOS_IMPORT_ERROR_INVALID_JSON,
  VECINOS_IMPORT_ERROR_MISSING_FIELD,
  VECINOS_IMPORT_ERROR_INVALID_VALUE,
  VECINOS_IMPORT_ERROR_DUPLICATE_ID,
  VECINOS_IMPORT_ERROR_UNKNOWN_REFERENCE,
  VECINOS_IMPORT_ERROR_DATABASE,
} VecinosImportError;

GQuark   vecinos_import_error_quark        (void);

gboolean vecinos_importer_import_directory (sqlite3  *db,
                                            GFile    *directory,
                                            GError  **error);

G_END_DECLS
