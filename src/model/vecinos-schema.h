/* vecinos-schema.h — the one definition of the dataset's SQLite schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Bumped whenever a table or column changes meaning; stored as
 * PRAGMA user_version and checked when a dataset is opened. */
#define VECINOS_SCHEMA_VERSION 3

extern const char vecinos_schema_sql[];

G_END_DECLS
