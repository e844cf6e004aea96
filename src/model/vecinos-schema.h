/* vecinos-schema.h — the one definition of the dataset's SQLite schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Bumped whenever a table or column changes meaning; stored as
 * PRAGMA user_version and checked when a dataset is opened. */
#define VECINOS_SCHEMA_VERSION 8

/* The search index's tokenizer, as the schema names it and as its
 * arguments (vecinos-search.c cuts what a user types with the same one) */
#define VECINOS_SEARCH_TOKENIZER "unicode61"
#define VECINOS_SEARCH_TOKENIZER_OPTION "remove_diacritics"
#define VECINOS_SEARCH_TOKENIZER_VALUE "2"

/* The rows of the search index have their rowid given (since version 7):
 * an event's is its id in the block of its language — the first of the
 * dataset's languages from 1 × VECINOS_SEARCH_BLOCK, the next from 2 × —
 * so that the timeline's filter finds events from the index alone; every
 * other row's is below VECINOS_SEARCH_BLOCK */
#define VECINOS_SEARCH_BLOCK (G_GINT64_CONSTANT (1) << 40)
#define VECINOS_SEARCH_EVENT_ROWID(language_index, event_id) \
  (((gint64) (language_index) + 1) * VECINOS_SEARCH_BLOCK + (event_id))

/* The tables, then their indexes: a database is the two run in turn */
extern const char vecinos_schema_sql[];
extern const char vecinos_schema_indexes_sql[];

/* The longest texts Vecinos reads from a dataset, in bytes: a longer one is
 * cut at a character with "…" (docs/DATASET.md). Short texts are titles,
 * names, ids and sources; long ones are summaries, excerpts, definitions
 * and notes; an address longer than VECINOS_TEXT_MAX_URL is not a link.
 * The compiler refuses anything longer. */
#define VECINOS_TEXT_MAX_SHORT 500
#define VECINOS_TEXT_MAX_LONG  20000
#define VECINOS_TEXT_MAX_URL   2048

G_END_DECLS
