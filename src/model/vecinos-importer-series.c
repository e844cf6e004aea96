/* vecinos-importer-series.c — the indicator series and their points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"

#include "vecinos-importer-private.h"

static const char * const unit_kinds[] = {
  "count", "usd", "usd_millions", "usd_billions", "percent", "rate_per_100k",
  "rank", "score", "hectares", "kg", "pounds", "millions", "other", NULL
};

static gboolean
import_points (Import       *import,
               JsonObject   *object,
               gint64        row,
               VecinosPeriodKind kind,
               const char   *unit_kind,
               sqlite3_stmt *insert,
               sqlite3_stmt *insert_text,
               GError      **error)
{
  JsonNode *node = json_object_get_member (object, "points");
  JsonArray *points;
  guint n;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      (n = json_array_get_length (points = json_node_get_array (node))) == 0)
    return import_missing (import, "points", error);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *point_node = json_array_get_element (points, i);
      g_autoptr(GError) local_error = NULL;
      const char *period, *source, *source_url;
      JsonObject *point, *note;
      gboolean preliminary;
      VecinosDay day;
      double value;

      if (!JSON_NODE_HOLDS_OBJECT (point_node))
        return import_fail (import, error, _("point %u is not an object"), i + 1);
      point = json_node_get_object (point_node);

      if (!(period = import_get_string (import, point, "period", error)))
        return FALSE;
      if (!vecinos_period_parse (period, kind, &day, &local_error))
        return import_fail (import, error, "%s", local_error->message);
      if (!import_get_number (import, point, "value", &value, error) ||
          !import_check_value (import, period, value, unit_kind, error) ||
          !import_get_boolean (import, point, "preliminary", &preliminary, error) ||
          !(source = import_get_string (import, point, "source", error)) ||
          !(source_url = import_get_string (import, point, "source_url", error)) ||
          !import_get_optional_texts (import, point, "note", &note, error))
        return FALSE;
      if (!import_is_url (source_url))
        /* Translators: %s is a period such as "2017" or "FY2017" */
        return import_fail (import, error, _("the point for %s has no web address for its source"), period);
      if (!import_check_address (import, source_url, error))
        return FALSE;

      if (!import_run (import, insert, "Iidiss", row, day, value, preliminary, source, source_url))
        return import_fail (import, error, _("the period %s appears twice"), period);
      for (guint l = 0; note != NULL && import->languages[l] != NULL; l++)
        if (!import_run (import, insert_text, "Iiss", row, day, import->languages[l],
                         import_text_in (note, import->languages[l])))
          return import_fail_sqlite (import, error);
    }
  return TRUE;
}

gboolean
import_series (Import  *import,
               GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) insert_text = NULL;
  g_autoptr(sqlite3_stmt) insert_point = NULL;
  g_autoptr(sqlite3_stmt) insert_point_text = NULL;
  g_autoptr(sqlite3_stmt) insert_related = NULL;
  g_autoptr(sqlite3_stmt) set_population = NULL;
  JsonArray *array;

  import->file = "series.json";
  import->kind = _("series");
  if (!(array = import_read_array (import, &parser, "series", error)) ||
      !(insert = import_prepare (import, "INSERT INTO series (slug, category_id, unit_kind, frequency,"
                                         " source_org, source_url) VALUES (?, ?, ?, ?, ?, ?)", error)) ||
      !(insert_text = import_prepare (import, "INSERT INTO series_text VALUES (?, ?, ?, ?, ?, ?, ?)", error)) ||
      !(insert_point = import_prepare (import, "INSERT INTO point VALUES (?, ?, ?, ?, ?, ?)", error)) ||
      !(insert_point_text = import_prepare (import, "INSERT INTO point_text VALUES (?, ?, ?, ?)", error)) ||
      !(insert_related = import_prepare (import, "INSERT INTO series_related VALUES (?, ?)", error)) ||
      !(set_population = import_prepare (import, "UPDATE series SET population_id = ? WHERE id = ?", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object, *name, *unit, *definition, *caveats, *break_note;
      const char *category, *unit_kind, *period_kind, *source_org, *source_url;
      VecinosPeriodKind kind;
      gint64 category_row, row;

      if (!(object = import_record_at (import, array, i, error)) ||
          !(category = import_get_string (import, object, "category", error)) ||
          !import_resolve (import, import->categories, _("category"), category, &category_row, error) ||
          !(unit_kind = import_get_string (import, object, "unit_kind", error)) ||
          !(period_kind = import_get_string (import, object, "period_kind", error)) ||
          !(name = import_get_texts (import, object, "name", error)) ||
          !(unit = import_get_texts (import, object, "unit", error)) ||
          !(definition = import_get_texts (import, object, "definition", error)) ||
          !import_get_optional_texts (import, object, "caveats", &caveats, error) ||
          !import_get_optional_texts (import, object, "break_note", &break_note, error) ||
          !(source_org = import_get_string (import, object, "source_org", error)) ||
          !(source_url = import_get_string (import, object, "source_url", error)))
        return FALSE;

      if (!g_strv_contains (unit_kinds, unit_kind))
        return import_fail (import, error, _("unknown unit kind “%s”"), unit_kind);
      if (g_str_equal (period_kind, "calendar"))
        kind = VECINOS_PERIOD_CALENDAR_YEAR;
      else if (g_str_equal (period_kind, "fiscal"))
        kind = VECINOS_PERIOD_FISCAL_YEAR;
      else
        return import_fail (import, error, _("“period_kind” must be “calendar” or “fiscal”"));
      if (!import_is_url (source_url))
        return import_fail (import, error, _("“source_url” must be a web address"));
      if (!import_check_address (import, source_url, error))
        return FALSE;

      if (!import_check_new_id (import, import->series, error))
        return FALSE;
      if (!import_run (import, insert, "sIssss", import->record, category_row, unit_kind, period_kind,
                       source_org, source_url))
        return import_fail_sqlite (import, error);
      row = import_remember_row (import, import->series);

      for (guint l = 0; import->languages[l] != NULL; l++)
        {
          const char *lang = import->languages[l];

          sqlite3_bind_int64 (insert_text, 1, row);
          sqlite3_bind_text (insert_text, 2, lang, -1, SQLITE_STATIC);
          sqlite3_bind_text (insert_text, 3, import_text_in (name, lang), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert_text, 4, import_text_in (unit, lang), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert_text, 5, import_text_in (definition, lang), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert_text, 6, import_text_in (caveats, lang), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert_text, 7, import_text_in (break_note, lang), -1, SQLITE_STATIC);
          if (!import_run (import, insert_text, "") ||
              !import_add_to_search (import, "series", lang, import_text_in (name, lang),
                                     import_text_in (definition, lang)))
            return import_fail_sqlite (import, error);
        }

      if (!import_points (import, object, row, kind, unit_kind, insert_point, insert_point_text, error))
        return FALSE;
    }

  /* Related series and populations may point forward in the file: link
   * them once all exist */
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = import_record_at (import, array, i, error);
      gint64 row = GPOINTER_TO_INT (g_hash_table_lookup (import->series, import->record));
      const char *population;
      gint64 population_row;

      if (!import_link_each (import, object, "related", import->series, _("series"),
                             insert_related, row, FALSE, error))
        return FALSE;
      if (!json_object_has_member (object, "population"))
        continue;
      if (!(population = import_get_string (import, object, "population", error)) ||
          !import_resolve (import, import->series, _("series"), population, &population_row, error))
        return FALSE;
      if (!import_run (import, set_population, "II", population_row, row))
        return import_fail_sqlite (import, error);
    }
  return TRUE;
}
