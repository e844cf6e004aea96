/* vecinos-importer-tours.c — guided tours: steps through events and series
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"

#include "vecinos-importer-private.h"

gboolean
import_tours (Import  *import,
              GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) insert_text = NULL;
  g_autoptr(sqlite3_stmt) insert_step = NULL;
  g_autoptr(sqlite3_stmt) insert_step_text = NULL;
  g_autoptr(GHashTable) tours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  import->file = "tours.json";
  import->kind = _("tour");
  if (!(array = import_read_array (import, &parser, "tours", error)) ||
      !(insert = import_prepare (import, "INSERT INTO tour (slug) VALUES (?)", error)) ||
      !(insert_text = import_prepare (import, "INSERT INTO tour_text VALUES (?, ?, ?, ?)", error)) ||
      !(insert_step = import_prepare (import, "INSERT INTO tour_step VALUES (?, ?, ?, ?)", error)) ||
      !(insert_step_text = import_prepare (import, "INSERT INTO tour_step_text VALUES (?, ?, ?, ?)", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object, *texts[2];
      JsonArray *steps;
      JsonNode *node;
      gint64 row;

      if (!(object = import_record_at (import, array, i, error)) ||
          !(texts[0] = import_get_texts (import, object, "title", error)) ||
          !(texts[1] = import_get_texts (import, object, "description", error)))
        return FALSE;

      node = json_object_get_member (object, "steps");
      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
          json_array_get_length (steps = json_node_get_array (node)) == 0)
        return import_missing (import, "steps", error);

      if (!import_check_new_id (import, tours, error))
        return FALSE;
      if (!import_run (import, insert, "s", import->record))
        return import_fail_sqlite (import, error);
      row = import_remember_row (import, tours);
      if (!import_insert_texts (import, insert_text, row, texts, 2))
        return import_fail_sqlite (import, error);

      for (guint s = 0; s < json_array_get_length (steps); s++)
        {
          JsonNode *step_node = json_array_get_element (steps, s);
          JsonObject *step, *text;
          const char *event, *series;
          gint64 event_row, series_row = 0;

          if (!JSON_NODE_HOLDS_OBJECT (step_node))
            return import_fail (import, error, _("step %u is not an object"), s + 1);
          step = json_node_get_object (step_node);
          if (!(event = import_get_string (import, step, "event", error)) ||
              !import_resolve (import, import->events, _("event"), event, &event_row, error) ||
              !import_get_optional_string (import, step, "series", &series, error) ||
              (series != NULL && !import_resolve (import, import->series, _("series"), series, &series_row, error)) ||
              !(text = import_get_texts (import, step, "text", error)))
            return FALSE;

          if (!(series != NULL ? import_run (import, insert_step, "IiII", row, (int) s + 1, event_row, series_row)
                               : import_run (import, insert_step, "IiIn", row, (int) s + 1, event_row)))
            return import_fail_sqlite (import, error);
          for (guint l = 0; import->languages[l] != NULL; l++)
            if (!import_run (import, insert_step_text, "Iiss", row, (int) s + 1, import->languages[l],
                             import_text_in (text, import->languages[l])))
              return import_fail_sqlite (import, error);
        }
    }
  return TRUE;
}
