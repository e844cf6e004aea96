/* vecinos-dataset-documents.c — documents, excerpts, claims
 *
 * The documents; their excerpts, beside an event or in their document,
 * each with its claims and the events and series it names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "vecinos-dataset.h"
#include "vecinos-dataset-private.h"
#include "vecinos-excerpt.h"

/* An excerpt from a row of QUERY_EVENT_EXCERPTS or QUERY_DOCUMENT_EXCERPTS,
 * whose first twelve columns are the same */
static VecinosExcerpt *
excerpt_from_row (sqlite3_stmt *stmt)
{
  VecinosExcerpt *excerpt = g_new0 (VecinosExcerpt, 1);

  excerpt->slug = text_column (stmt, 1, SHORT_TEXT);
  excerpt->text = text_column (stmt, 2, LONG_TEXT);
  excerpt->translation = nullable_column (stmt, 3, LONG_TEXT);
  excerpt->document_slug = text_column (stmt, 4, SHORT_TEXT);
  excerpt->document_title = text_column (stmt, 5, SHORT_TEXT);
  excerpt->authors = nullable_column (stmt, 6, SHORT_TEXT);
  excerpt->publisher = text_column (stmt, 7, SHORT_TEXT);
  excerpt->has_date = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
  if (excerpt->has_date)
    excerpt->date = date_column (stmt, 8, 9);
  excerpt->date_inferred = sqlite3_column_int (stmt, 10);
  excerpt->url = nullable_column (stmt, 11, URL_TEXT);
  return excerpt;
}

static GPtrArray *
list_claims (VecinosDataset *self,
             gint64          excerpt_row,
             const char     *lang)
{
  GPtrArray *claims = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_claim_free);
  sqlite3_stmt *stmt = self->queries[QUERY_EXCERPT_CLAIMS];

  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, excerpt_row);
  while (next_row (self, stmt))
    {
      VecinosClaim *claim = g_new0 (VecinosClaim, 1);

      claim->text = text_column (stmt, 0, LONG_TEXT);
      claim->value = sqlite3_column_double (stmt, 1);
      /* A value that is no number is no value: the words alone are shown */
      claim->has_value = sqlite3_column_type (stmt, 1) != SQLITE_NULL && isfinite (claim->value);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          claim->series_slug = text_column (stmt, 2, SHORT_TEXT);
          claim->series_name = text_column (stmt, 3, SHORT_TEXT);
          claim->series_unit = text_column (stmt, 4, SHORT_TEXT);
          claim->source_org = text_column (stmt, 5, SHORT_TEXT);
          claim->period_kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 6), "fiscal") == 0
                               ? VECINOS_PERIOD_FISCAL_YEAR : VECINOS_PERIOD_CALENDAR_YEAR;
          claim->period_year = vecinos_period_year (sqlite3_column_int (stmt, 7), claim->period_kind);
          claim->has_official = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
          claim->official = sqlite3_column_double (stmt, 8);
          claim->official_preliminary = sqlite3_column_int (stmt, 9);
          /* NULL without an official figure */
          claim->official_source = claim->has_official ? text_column (stmt, 10, SHORT_TEXT) : NULL;
          claim->official_source_url = claim->has_official ? text_column (stmt, 11, URL_TEXT) : NULL;
          claim->unit_kind = text_column (stmt, 14, SHORT_TEXT);
        }
      claim->measure_differs = sqlite3_column_int (stmt, 12);
      claim->note = nullable_column (stmt, 13, LONG_TEXT);
      claim->translation = nullable_column (stmt, 15, LONG_TEXT);
      g_ptr_array_add (claims, claim);
    }
  sqlite3_reset (stmt);
  return claims;
}

/**
 * vecinos_dataset_list_event_excerpts:
 * @event: the slug of an event
 * @lang: the language of translations, series names and notes
 *
 * Returns: (transfer full) (element-type VecinosExcerpt): the excerpts that
 *   discuss @event, oldest document first, each with its claims
 */
GPtrArray *
vecinos_dataset_list_event_excerpts (VecinosDataset *self,
                                     const char     *event,
                                     const char     *lang)
{
  GPtrArray *excerpts = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_excerpt_free);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), excerpts);
  g_return_val_if_fail (event != NULL && lang != NULL, excerpts);

  if (!vecinos_dataset_begin_call (self, NULL))
    return excerpts;
  stmt = self->queries[QUERY_EVENT_EXCERPTS];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, event, -1, SQLITE_TRANSIENT);
  while (next_row (self, stmt))
    {
      VecinosExcerpt *excerpt = excerpt_from_row (stmt);
      gint64 row = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (excerpts, excerpt);
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);

  /* One statement at a time: the claims are read once the excerpts are */
  for (guint i = 0; i < excerpts->len; i++)
    ((VecinosExcerpt *) g_ptr_array_index (excerpts, i))->claims =
      list_claims (self, g_array_index (rows, gint64, i), lang);
  return excerpts;
}

/**
 * vecinos_dataset_list_documents:
 * @lang: the language of their kinds and notes
 *
 * Returns: (transfer full) (element-type VecinosDocument): the documents,
 *   oldest first
 */
GPtrArray *
vecinos_dataset_list_documents (VecinosDataset *self,
                                const char     *lang)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_document_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), documents);

  if (!vecinos_dataset_begin_call (self, NULL))
    return documents;
  stmt = self->queries[QUERY_DOCUMENTS];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  while (next_row (self, stmt))
    {
      VecinosDocument *document = g_new0 (VecinosDocument, 1);

      document->slug = text_column (stmt, 0, SHORT_TEXT);
      document->title = text_column (stmt, 1, SHORT_TEXT);
      document->authors = nullable_column (stmt, 2, SHORT_TEXT);
      document->publisher = text_column (stmt, 3, SHORT_TEXT);
      document->has_date = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      if (document->has_date)
        document->date = date_column (stmt, 4, 5);
      document->date_inferred = sqlite3_column_int (stmt, 6);
      document->url = nullable_column (stmt, 7, URL_TEXT);
      document->kind = text_column (stmt, 8, SHORT_TEXT);
      document->notes = nullable_column (stmt, 9, LONG_TEXT);
      document->lang = text_column (stmt, 10, SHORT_TEXT);
      document->n_excerpts = (guint) CLAMP (sqlite3_column_int64 (stmt, 11), 0, G_MAXINT);
      g_ptr_array_add (documents, document);
    }
  sqlite3_reset (stmt);
  return documents;
}

/* The (slug, name) pairs a query of ?1 language and ?2 row gives */
static GPtrArray *
list_refs (VecinosDataset *self,
           Query           query,
           gint64          row,
           const char     *lang)
{
  GPtrArray *refs = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_series_ref_free);
  sqlite3_stmt *stmt = self->queries[query];

  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row);
  while (next_row (self, stmt))
    {
      VecinosSeriesRef *ref = g_new0 (VecinosSeriesRef, 1);

      ref->slug = text_column (stmt, 0, SHORT_TEXT);
      ref->name = text_column (stmt, 1, SHORT_TEXT);
      g_ptr_array_add (refs, ref);
    }
  sqlite3_reset (stmt);
  return refs;
}

/**
 * vecinos_dataset_list_document_excerpts:
 * @document: a document's slug
 * @lang: the language of the names of events, series and categories, and
 *   of the claims' notes
 * @translation_lang: the language of the translations (none when it is the
 *   document's own)
 *
 * Returns: (transfer full) (element-type VecinosExcerpt): @document's
 *   excerpts in order, each with its claims, categories, events and series
 */
GPtrArray *
vecinos_dataset_list_document_excerpts (VecinosDataset *self,
                                        const char     *document,
                                        const char     *lang,
                                        const char     *translation_lang)
{
  GPtrArray *excerpts = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_excerpt_free);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), excerpts);
  g_return_val_if_fail (document != NULL && lang != NULL && translation_lang != NULL, excerpts);

  if (!vecinos_dataset_begin_call (self, NULL))
    return excerpts;
  stmt = self->queries[QUERY_DOCUMENT_EXCERPTS];
  sqlite3_bind_text (stmt, 1, translation_lang, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, document, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, lang, -1, SQLITE_TRANSIENT);
  while (next_row (self, stmt))
    {
      VecinosExcerpt *excerpt = excerpt_from_row (stmt);
      gint64 row = sqlite3_column_int64 (stmt, 0);
      excerpt->ordinal = sqlite3_column_int (stmt, 12);
      excerpt->categories = nullable_column (stmt, 13, LONG_TEXT);
      g_ptr_array_add (excerpts, excerpt);
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < excerpts->len; i++)
    {
      VecinosExcerpt *excerpt = g_ptr_array_index (excerpts, i);
      gint64 row = g_array_index (rows, gint64, i);

      excerpt->claims = list_claims (self, row, lang);
      excerpt->events = list_refs (self, QUERY_EXCERPT_EVENTS, row, lang);
      excerpt->series = list_refs (self, QUERY_EXCERPT_SERIES, row, lang);
    }
  return excerpts;
}

/**
 * vecinos_dataset_get_excerpt_document:
 * @excerpt: an excerpt's slug
 *
 * Returns: (transfer full) (nullable): the slug of its document, or %NULL
 *   when the dataset has no such excerpt
 */
char *
vecinos_dataset_get_excerpt_document (VecinosDataset *self,
                                      const char     *excerpt)
{
  sqlite3_stmt *stmt;
  char *document = NULL;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), NULL);

  if (!vecinos_dataset_begin_call (self, NULL))
    return NULL;
  stmt = self->queries[QUERY_EXCERPT_DOCUMENT];
  sqlite3_bind_text (stmt, 1, excerpt, -1, SQLITE_TRANSIENT);
  if (next_row (self, stmt))
    document = nullable_column (stmt, 0, SHORT_TEXT);
  sqlite3_reset (stmt);
  return document;
}
