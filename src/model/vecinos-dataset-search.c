/* vecinos-dataset-search.c — Search everything: ranking and results
 *
 * The matches of an FTS5 query, ranked, one result per record whatever
 * the language it matched in, with a snippet and a title to show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"
#include <math.h>

#include "vecinos-dataset.h"
#include "vecinos-dataset-private.h"
#include "vecinos-search.h"

/* @words one space apart */
static char *
join_words (GPtrArray *words)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? " " : "", (const char *) g_ptr_array_index (words, i));
  return g_string_free (joined, FALSE);
}

/* How much a word found in each column of the search table weighs:
 * kind, ref and lang are not searched; a title weighs eight times the
 * text (the table's 'rank' says the same for FTS5's own bm25) */
static const double column_weights[] = { 0.0, 0.0, 0.0, 8.0, 1.0 };

/* Okapi BM25's constants, as FTS5's bm25 () has them */
#define BM25_K1 1.2
#define BM25_B 0.75

typedef struct {
  int     n_words;
  double  average_length;  /* in words, of a row */
  double *idf;             /* of each word of the query */
} RankQuery;

static void
rank_query_free (gpointer data)
{
  RankQuery *query = data;

  g_free (query->idf);
  g_free (query);
}

static int
count_row (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           gpointer                data)
{
  (*(gint64 *) data)++;
  return SQLITE_OK;
}

/* What a query's words weigh, worked out on its first row: how many rows
 * of the table hold each, and how long a row is */
static RankQuery *
rank_query_new (const Fts5ExtensionApi *api,
                Fts5Context            *fts)
{
  RankQuery *query = g_new0 (RankQuery, 1);
  sqlite3_int64 n_rows = 0, n_tokens = 0;

  query->n_words = api->xPhraseCount (fts);
  query->idf = g_new0 (double, MAX (query->n_words, 1));
  if (api->xRowCount (fts, &n_rows) != SQLITE_OK || api->xColumnTotalSize (fts, -1, &n_tokens) != SQLITE_OK)
    n_rows = n_tokens = 0;
  /* A damaged record of the totals: every row of average length */
  query->average_length = n_rows > 0 && n_tokens > 0 ? (double) n_tokens / n_rows : 1.0;
  for (int w = 0; w < query->n_words; w++)
    {
      gint64 n_hits = 0;

      api->xQueryPhrase (fts, w, &n_hits, count_row);
      /* As FTS5's bm25 (): never below a very small weight */
      query->idf[w] = MAX (log ((n_rows - n_hits + 0.5) / (n_hits + 0.5)), 1e-6);
    }
  return query;
}

/* vecinos_rank (search): a row's BM25 rank (lower is better), from the
 * columns that hold each word of the query. The index keeps which column
 * holds a word, not where nor how often (detail = column): FTS5's own
 * bm25 () reads every candidate's texts again to count the words — twice
 * the time of a search on 100 000 excerpts —, this counts a word once a
 * column */
static void
rank_row (const Fts5ExtensionApi  *api,
          Fts5Context             *fts,
          sqlite3_context         *context,
          int                      n_values,
          sqlite3_value          **values)
{
  RankQuery *query = api->xGetAuxdata (fts, FALSE);
  int row_length = 0;
  double score = 0.0;

  if (query == NULL)
    {
      query = rank_query_new (api, fts);
      if (api->xSetAuxdata (fts, query, rank_query_free) != SQLITE_OK)
        {
          sqlite3_result_error_nomem (context);
          return;
        }
    }
  if (api->xColumnSize (fts, -1, &row_length) != SQLITE_OK)
    row_length = 0;
  for (int w = 0; w < query->n_words; w++)
    {
      Fts5PhraseIter iter;
      double frequency = 0.0;
      int column = -1;

      for (api->xPhraseFirstColumn (fts, w, &iter, &column); column >= 0;
           api->xPhraseNextColumn (fts, &iter, &column))
        if (column < (int) G_N_ELEMENTS (column_weights))
          frequency += column_weights[column];
      score += query->idf[w] * frequency * (BM25_K1 + 1.0) /
               (frequency + BM25_K1 * (1.0 - BM25_B + BM25_B * row_length / query->average_length));
    }
  sqlite3_result_double (context, -score);
}

/* Makes vecinos_rank () on @db (see QUERY_SEARCH) */
void
_vecinos_dataset_add_rank (sqlite3 *db)
{
  fts5_api *api = vecinos_search_fts5_api (db);

  if (api != NULL)
    api->xCreateFunction (api, "vecinos_rank", NULL, rank_row, NULL);
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const VecinosSearchResult *x = *(VecinosSearchResult **) a;
  const VecinosSearchResult *y = *(VecinosSearchResult **) b;

  return (x->rank > y->rank) - (x->rank < y->rank);
}

/**
 * vecinos_dataset_search:
 * @text: (nullable): what the user typed, anything at all
 * @lang: the interface language: when a record matches in several
 *   languages, its title and snippet are shown in this one
 * @limit: at most this many results
 *
 * Searches events (titles and summaries), excerpts, series (names and
 * definitions) and documents (titles and authors) in every language of the
 * dataset, ignoring accents and case, each word as the start of a word
 * (see vecinos_search_build_query()). Nothing typed is an error: text with
 * no word finds nothing.
 *
 * Returns: (transfer full) (element-type VecinosSearchResult): the results,
 *   best first, one per record
 */
GPtrArray *
vecinos_dataset_search (VecinosDataset *self,
                        const char     *text,
                        const char     *lang,
                        guint           limit)
{
  return vecinos_dataset_search_full (self, text, lang, limit, NULL);
}

/* A search that failed: a damaged index is the search's own trouble (the
 * rest of the dataset reads well, and SQLite's quick check does not look
 * into FTS5's tables); anything else is the file's */
static void
search_failed (VecinosDataset  *self,
               sqlite3_stmt    *stmt,
               int              rc,
               GError         **error)
{
  g_autofree char *name = vecinos_dataset_display_name (self->file);

  if ((rc & 0xff) != SQLITE_CORRUPT)
    {
      vecinos_dataset_read_failed (self, stmt, rc, error);
      return;
    }
  sqlite3_reset (stmt);
  g_debug ("Search in %s failed: %s", name, sqlite3_errmsg (self->db));
  g_set_error (error, VECINOS_DATASET_ERROR, VECINOS_DATASET_ERROR_SEARCH_INDEX,
               /* Translators: %s is a file name */
               _("The search index of the dataset “%s” is damaged, so search cannot find anything. "
                 "Reinstall Vecinos or choose another dataset file."), name);
}

/**
 * vecinos_dataset_search_full:
 * @error: set when the search could not be made (a damaged index, a
 *   damaged file), with a message for the user
 *
 * As vecinos_dataset_search().
 *
 * Returns: (transfer full) (element-type VecinosSearchResult): the results,
 *   best first, one per record; none with @error set
 */
GPtrArray *
vecinos_dataset_search_full (VecinosDataset  *self,
                             const char      *text,
                             const char      *lang,
                             guint            limit,
                             GError         **error)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_search_result_free);
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) retitle = g_ptr_array_new ();   /* found in another language */
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *query = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), results);
  g_return_val_if_fail (error == NULL || *error == NULL, results);

  if ((query = vecinos_search_build_query (text)) == NULL || limit == 0)
    return results;

  if (!vecinos_dataset_begin_call (self, error))
    return results;
  /* The best rows first; a record can match in each language: room for both */
  stmt = self->queries[QUERY_SEARCH];
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, MIN (limit, G_MAXINT / 4) * 2 + 2);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      double rank = sqlite3_column_double (stmt, 1);

      if (!isfinite (rank))
        rank = G_MAXDOUBLE;
      g_array_append_val (rows, row);
      g_array_append_val (ranks, rank);
    }
  if (rc != SQLITE_DONE)
    {
      search_failed (self, stmt, rc, error);
      return results;
    }
  sqlite3_reset (stmt);

  /* Then what they are, with a snippet of the words that matched: made
   * here, for the few rows shown, not by FTS5 for every match */
  words = vecinos_search_fold_words (text);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  stmt = self->queries[QUERY_SEARCH_ROW];
  for (guint i = 0; i < rows->len; i++)
    {
      const char *kind_name;
      g_autofree char *ref = NULL;
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;
      g_autofree char *key = NULL;
      g_autofree char *snippet = NULL;
      VecinosSearchResult *result;
      VecinosSearchKind kind;
      gboolean in_lang, found = FALSE;

      sqlite3_bind_int64 (stmt, 1, g_array_index (rows, gint64, i));
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        {
          if (rc != SQLITE_DONE)
            {
              search_failed (self, stmt, rc, error);
              g_ptr_array_set_size (results, 0);
              return results;
            }
          sqlite3_reset (stmt);
          continue;
        }
      kind_name = (const char *) sqlite3_column_text (stmt, 0);
      ref = text_column (stmt, 1, SHORT_TEXT);
      in_lang = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), lang) == 0;
      title = text_column (stmt, 3, SHORT_TEXT);
      body = text_column (stmt, 4, LONG_TEXT);
      if (kind_name == NULL || !vecinos_search_kind_from_string (kind_name, &kind))
        {
          sqlite3_reset (stmt);
          continue;
        }
      key = g_strconcat (kind_name, ":", ref, NULL);
      result = g_hash_table_lookup (seen, key);
      /* The body's words around a match, or its start when only the title
       * matched */
      snippet = vecinos_search_make_snippet (body, words, 16, &found);
      if (!found && (body == NULL || *body == '\0'))
        {
          g_free (snippet);
          snippet = vecinos_search_make_snippet (title, words, 16, NULL);
        }

      if (result != NULL)
        {
          /* Seen in another language: keep its rank, show this one's words */
          if (in_lang && kind != VECINOS_SEARCH_EXCERPT)
            {
              g_free (result->title);
              result->title = g_strdup (title);
              g_ptr_array_remove (retitle, result);
            }
          if (in_lang)
            {
              g_free (result->snippet);
              result->snippet = g_steal_pointer (&snippet);
            }
        }
      else if (results->len < limit)
        {
          result = g_new0 (VecinosSearchResult, 1);
          result->kind = kind;
          result->ref = g_strdup (ref);
          result->title = kind == VECINOS_SEARCH_EXCERPT ? text_column (stmt, 5, SHORT_TEXT) : g_strdup (title);
          result->snippet = g_steal_pointer (&snippet);
          result->rank = g_array_index (ranks, double, i);
          g_hash_table_insert (seen, g_steal_pointer (&key), result);
          g_ptr_array_add (results, result);
          if (!in_lang && (kind == VECINOS_SEARCH_EVENT || kind == VECINOS_SEARCH_SERIES))
            g_ptr_array_add (retitle, result);
        }
      sqlite3_reset (stmt);
    }

  /* A title that is exactly what was typed comes first, whatever FTS5
   * thinks of a longer text that mentions the words more often */
  {
    g_autofree char *typed = join_words (words);

    for (guint i = 0; i < results->len; i++)
      {
        VecinosSearchResult *result = g_ptr_array_index (results, i);
        g_autoptr(GPtrArray) title_words = vecinos_search_fold_words (result->title);
        g_autofree char *title = join_words (title_words);

        if (result->kind != VECINOS_SEARCH_EXCERPT && g_str_equal (title, typed))
          result->rank -= 1e6;
      }
    g_ptr_array_sort (results, compare_results);
  }

  /* Found through another language's words: the title in this one, the
   * snippet in the words that matched */
  for (guint i = 0; i < retitle->len; i++)
    {
      VecinosSearchResult *result = g_ptr_array_index (retitle, i);

      stmt = self->queries[result->kind == VECINOS_SEARCH_EVENT ? QUERY_EVENT_TITLE : QUERY_SERIES_NAME];
      sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, result->ref, -1, SQLITE_TRANSIENT);
      if (next_row (self, stmt))
        {
          g_free (result->title);
          result->title = text_column (stmt, 0, SHORT_TEXT);
        }
      sqlite3_reset (stmt);
    }
  return results;
}
