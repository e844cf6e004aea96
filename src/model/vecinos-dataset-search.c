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
