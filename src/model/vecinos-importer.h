/* vecinos-importer.h — the one way data enters Vecinos: JSON → SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "vecinos-schema.h"

G_BEGIN_DECLS

#define VECINOS_IMPORT_ERROR (vecinos_import_error_quark ())

/* Limits on what a dataset may hold (docs/DATASET.md, "Limits"). The
 * importer refuses anything beyond them, and the reader caps at the same
 * values: a file made by our compiler is always read whole. Lengths are in
 * bytes of UTF-8. */

/* A dataset file larger than this is refused before it is read (a
 * million events, for the benchmarks, is about 240 MB) */
#define VECINOS_MAX_FILE_BYTES (512 * 1024 * 1024)
/* JSON nesting: the format needs 6 levels, json-glib's recursive parser
 * overflows the stack somewhere beyond 70 000 */
#define VECINOS_MAX_NESTING 64
/* Texts: VECINOS_TEXT_MAX_SHORT, _LONG and _URL in vecinos-schema.h */
/* The largest magnitude of a value, in the unit's own base (people,
 * dollars, hectares, percent…); a unit kind counted in millions or
 * billions has its bound scaled down to match */
#define VECINOS_MAX_MAGNITUDE 1e15

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

const char * const *vecinos_importer_get_file_names (void);

gboolean vecinos_importer_import_directory (sqlite3  *db,
                                            GFile    *directory,
                                            GError  **error);
gboolean vecinos_importer_check_url_form   (const char  *url,
                                            const char **problem);

G_END_DECLS
