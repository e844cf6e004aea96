/* vecinos-search.h — what a user types, made safe for FTS5, and what a
 * search finds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* At most this many words of a query are searched for */
#define VECINOS_SEARCH_MAX_TOKENS 12

typedef enum {
  VECINOS_SEARCH_EVENT,
  VECINOS_SEARCH_EXCERPT,
  VECINOS_SEARCH_SERIES,
  VECINOS_SEARCH_DOCUMENT,
  VECINOS_SEARCH_N_KINDS
} VecinosSearchKind;

typedef struct {
  VecinosSearchKind  kind;
  char              *ref;       /* the record's slug */
  char              *title;     /* plain text; for an excerpt, its document's */
  char              *snippet;   /* Pango markup, matches in bold, escaped */
  double             rank;      /* lower is better */
} VecinosSearchResult;

fts5_api *vecinos_search_fts5_api       (sqlite3             *db);
char     *vecinos_search_build_query     (const char          *text);
char     *vecinos_search_build_filter_query (const char      *text);
GPtrArray *vecinos_search_fold_words    (const char          *text);
char     *vecinos_search_make_snippet    (const char          *text,
                                          GPtrArray           *query,
                                          guint                n_words,
                                          gboolean            *found);
gboolean  vecinos_search_kind_from_string (const char         *name,
                                           VecinosSearchKind  *kind);
void      vecinos_search_result_free     (VecinosSearchResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VecinosSearchResult, vecinos_search_result_free)

G_END_DECLS
