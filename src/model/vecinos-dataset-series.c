/* vecinos-dataset-series.c — the indicator series
 *
 * Every series, those related to an event, and one series with its
 * points, its definitional breaks and the numbers documents claim for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"
#include <math.h>

#include "vecinos-dataset.h"
#include "vecinos-dataset-private.h"
#include "vecinos-series-private.h"

/**
 * vecinos_dataset_list_event_series:
 * @event: the slug of an event
 * @lang: the language of the names
 *
 * Returns: (transfer full) (element-type VecinosSeriesRef): the series
 *   related to @event, by name
 */
GPtrArray *
vecinos_dataset_list_event_series (VecinosDataset *self,
                                   const char     *event,
                                   const char     *lang)
{
  GPtrArray *series = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_series_ref_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), series);
  g_return_val_if_fail (event != NULL && lang != NULL, series);

  if (!vecinos_dataset_begin_call (self, NULL))
    return series;
  stmt = self->queries[QUERY_EVENT_SERIES];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, event, -1, SQLITE_TRANSIENT);
  while (next_row (self, stmt))
    {
      VecinosSeriesRef *ref = g_new0 (VecinosSeriesRef, 1);

      ref->slug = text_column (stmt, 0, SHORT_TEXT);
      ref->name = text_column (stmt, 1, SHORT_TEXT);
      g_ptr_array_add (series, ref);
    }
  sqlite3_reset (stmt);
  return series;
}

/**
 * vecinos_dataset_list_series:
 * @lang: the language of the names
 *
 * Returns: (transfer full) (element-type VecinosSeriesRef): every series,
 *   by category (in the categories' order) and then by name, each with its
 *   category
 */
GPtrArray *
vecinos_dataset_list_series (VecinosDataset *self,
                             const char     *lang)
{
  GPtrArray *series = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_series_ref_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), series);

  if (!vecinos_dataset_begin_call (self, NULL))
    return series;
  stmt = self->queries[QUERY_SERIES_LIST];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  while (next_row (self, stmt))
    {
      VecinosSeriesRef *ref = g_new0 (VecinosSeriesRef, 1);

      ref->slug = text_column (stmt, 0, SHORT_TEXT);
      ref->name = text_column (stmt, 1, SHORT_TEXT);
      ref->category = text_column (stmt, 2, SHORT_TEXT);
      ref->category_name = text_column (stmt, 3, SHORT_TEXT);
      ref->has_population = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (series, ref);
    }
  sqlite3_reset (stmt);
  return series;
}

/**
 * vecinos_dataset_get_series:
 * @slug: a series id, as the reference files and the command line name it
 * @lang: the language of its texts
 *
 * Returns: (transfer full) (nullable): the series with its points and the
 *   numbers documents claim for it, or %NULL with @error set when no series
 *   has that id
 */
VecinosSeries *
vecinos_dataset_get_series (VecinosDataset  *self,
                            const char      *slug,
                            const char      *lang,
                            GError         **error)
{
  g_autoptr(VecinosSeries) series = NULL;
  sqlite3_stmt *stmt;
  gint64 row;
  int first_day = 0, last_day = 0;
  int rc;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), NULL);
  g_return_val_if_fail (slug != NULL && lang != NULL, NULL);

  if (!vecinos_dataset_begin_call (self, error))
    return NULL;
  stmt = self->queries[QUERY_SERIES];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, slug, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        return vecinos_dataset_read_failed (self, stmt, rc, error), NULL;
      sqlite3_reset (stmt);
      g_set_error (error, VECINOS_DATASET_ERROR, VECINOS_DATASET_ERROR_NOT_FOUND,
                   /* Translators: %s is what the user typed as a series id */
                   _("There is no series “%s” in this dataset."), slug);
      return NULL;
    }
  series = vecinos_series_new ();
  row = sqlite3_column_int64 (stmt, 0);
  series->slug = text_column (stmt, 1, SHORT_TEXT);
  series->category = text_column (stmt, 2, SHORT_TEXT);
  series->category_name = text_column (stmt, 3, SHORT_TEXT);
  series->color = color_column (stmt, 4);
  series->name = text_column (stmt, 5, SHORT_TEXT);
  series->unit = text_column (stmt, 6, SHORT_TEXT);
  series->unit_kind = text_column (stmt, 7, SHORT_TEXT);
  series->definition = text_column (stmt, 8, LONG_TEXT);
  series->caveats = nullable_column (stmt, 9, LONG_TEXT);
  series->break_note = nullable_column (stmt, 10, LONG_TEXT);
  series->source_org = text_column (stmt, 11, SHORT_TEXT);
  series->source_url = text_column (stmt, 12, URL_TEXT);
  series->period_kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 13), "fiscal") == 0
                        ? VECINOS_PERIOD_FISCAL_YEAR : VECINOS_PERIOD_CALENDAR_YEAR;
  series->population = nullable_column (stmt, 14, SHORT_TEXT);
  sqlite3_reset (stmt);

  stmt = self->queries[QUERY_SERIES_POINTS];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row);
  while (next_row (self, stmt))
    {
      int day = CLAMP (sqlite3_column_int64 (stmt, 0), FIRST_DAY, LAST_DAY);
      VecinosPoint point = {
        .year = vecinos_period_year (day, series->period_kind),
        .value = sqlite3_column_double (stmt, 1),
        .preliminary = sqlite3_column_int (stmt, 2) != 0,
        .source = text_column (stmt, 3, SHORT_TEXT),
        .source_url = text_column (stmt, 4, URL_TEXT),
        .note = nullable_column (stmt, 5, LONG_TEXT),
      };
      /* A figure that is no number is a gap; years out of order (clamped
       * days can meet) would break every line drawn through them */
      if (!isfinite (point.value) ||
          (series->points->len > 0 &&
           point.year <= g_array_index (series->points, VecinosPoint, series->points->len - 1).year))
        {
          g_free (point.source);
          g_free (point.source_url);
          g_free (point.note);
          continue;
        }
      if (series->points->len == 0)
        first_day = day;
      last_day = day;
      g_array_append_val (series->points, point);
    }
  sqlite3_reset (stmt);

  /* A definitional break: the series stops where a related one, measured
   * another way, takes over within a year (or starts where one stopped) */
  stmt = self->queries[QUERY_SERIES_NEIGHBOURS];
  sqlite3_bind_int64 (stmt, 1, row);
  while (series->break_note != NULL && series->points->len > 0 && next_row (self, stmt))
    {
      int first = sqlite3_column_int (stmt, 0), last = sqlite3_column_int (stmt, 1);

      series->break_at_start |= last < first_day && last >= first_day - 400;
      series->break_at_end |= first > last_day && first <= last_day + 400;
    }
  sqlite3_reset (stmt);

  stmt = self->queries[QUERY_SERIES_CLAIMS];
  sqlite3_bind_int64 (stmt, 1, row);
  sqlite3_bind_text (stmt, 2, lang, -1, SQLITE_TRANSIENT);
  while (next_row (self, stmt))
    {
      VecinosSeriesClaim *claim = g_new0 (VecinosSeriesClaim, 1);
      VecinosDate published = { 0 };

      claim->year = vecinos_period_year (CLAMP (sqlite3_column_int64 (stmt, 0), FIRST_DAY, LAST_DAY),
                                         series->period_kind);
      claim->value = sqlite3_column_double (stmt, 1);
      claim->text = text_column (stmt, 2, LONG_TEXT);
      claim->document = text_column (stmt, 3, SHORT_TEXT);
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        vecinos_date_from_day (CLAMP (sqlite3_column_int64 (stmt, 4), FIRST_DAY, LAST_DAY),
                               VECINOS_DATE_PRECISION_YEAR, &published);
      claim->document_year = published.year;
      claim->measure_differs = sqlite3_column_int (stmt, 5);
      claim->translation = nullable_column (stmt, 6, LONG_TEXT);
      /* Drawn at its value: one that is no number is not drawn */
      if (!isfinite (claim->value))
        {
          g_free (claim->text);
          g_free (claim->translation);
          g_free (claim->document);
          g_free (claim);
          continue;
        }
      g_ptr_array_add (series->claims, claim);
    }
  sqlite3_reset (stmt);
  vecinos_series_summarise (series);
  return g_steal_pointer (&series);
}
