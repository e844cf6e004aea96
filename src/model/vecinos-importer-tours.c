/* vecinos-importer-tours.c — guided tours: steps through events and series
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"

#include "vecinos-importer-private.h"

/* One step: its event, and what else its author asks for — a series and
 * one to compare it with, an excerpt, the days the timeline shows, the
 * view — each checked against the dataset */
static gboolean
import_step (Import        *import,
             JsonNode      *node,
             sqlite3_stmt  *insert_step,
             sqlite3_stmt  *insert_step_text,
             gint64         row,
             guint          ordinal,
             GError       **error)
{
  static const char * const views[] = { "timeline", "charts", "documents", NULL };
  JsonObject *step, *text;
  const char *event, *series, *compare, *excerpt, *view;
  gint64 event_row, series_row = 0, compare_row = 0, excerpt_row = 0;
  VecinosDate from = { 0 }, to = { 0 };
  gboolean has_from = FALSE, has_to = FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return import_fail (import, error, _("the step is not an object"));
  step = json_node_get_object (node);
  if (!(event = import_get_string (import, step, "event", error)) ||
      !import_resolve (import, import->events, _("event"), event, &event_row, error) ||
      !import_get_optional_string (import, step, "series", &series, error) ||
      (series != NULL && !import_resolve (import, import->series, _("series"), series, &series_row, error)) ||
      !import_get_optional_string (import, step, "compare", &compare, error) ||
      (compare != NULL && !import_resolve (import, import->series, _("series"), compare, &compare_row, error)) ||
      !import_get_optional_string (import, step, "excerpt", &excerpt, error) ||
      (excerpt != NULL && !import_resolve (import, import->excerpts, _("excerpt"), excerpt, &excerpt_row, error)) ||
      !import_get_date (import, step, "from", FALSE, &from, &has_from, error) ||
      !import_get_date (import, step, "to", FALSE, &to, &has_to, error) ||
      !import_get_optional_string (import, step, "view", &view, error) ||
      !(text = import_get_texts (import, step, "text", error)))
    return FALSE;

  if (compare != NULL && series == NULL)
    return import_fail (import, error, _("“compare” needs a “series” to compare with"));
  if (has_from != has_to)
    return import_fail (import, error, _("the days shown need both “from” and “to”"));
  if (has_from && vecinos_date_last_day (&to) <= vecinos_date_first_day (&from))
    return import_fail (import, error, _("“to” must come after “from”"));
  if (view != NULL && !g_strv_contains (views, view))
    return import_fail (import, error, _("“view” must be timeline, charts or documents, not “%s”"), view);
  if (g_strcmp0 (view, "charts") == 0 && series == NULL)
    return import_fail (import, error, _("the charts view needs a “series”"));
  if (g_strcmp0 (view, "documents") == 0 && excerpt == NULL)
    return import_fail (import, error, _("the documents view needs an “excerpt”"));

  /* The optional columns first, then the ones every step has */
  if (series != NULL)
    sqlite3_bind_int64 (insert_step, 4, series_row);
  if (compare != NULL)
    sqlite3_bind_int64 (insert_step, 5, compare_row);
  if (excerpt != NULL)
    sqlite3_bind_int64 (insert_step, 6, excerpt_row);
  if (has_from)
    {
      sqlite3_bind_int64 (insert_step, 7, vecinos_date_first_day (&from));
      sqlite3_bind_int64 (insert_step, 8, vecinos_date_last_day (&to));
    }
  if (view != NULL)
    sqlite3_bind_text (insert_step, 9, view, -1, SQLITE_TRANSIENT);
  if (!import_run (import, insert_step, "IiI", row, (int) ordinal, event_row))
    return import_fail_sqlite (import, error);
  for (guint l = 0; import->languages[l] != NULL; l++)
    if (!import_run (import, insert_step_text, "Iiss", row, (int) ordinal, import->languages[l],
                     import_text_in (text, import->languages[l])))
      return import_fail_sqlite (import, error);
  return TRUE;
}

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
      !(insert_step = import_prepare (import, "INSERT INTO tour_step VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error)) ||
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
          /* Messages name the step: tour “nafta-to-usmca, step 3” */
          const char *tour = import->record;
          /* Translators: a tour's id and one of its steps, in error messages */
          g_autofree char *named = g_strdup_printf (_("%1$s, step %2$u"), tour, s + 1);
          gboolean ok;

          import->record = named;
          ok = import_step (import, json_array_get_element (steps, s), insert_step, insert_step_text,
                            row, s + 1, error);
          import->record = tour;
          if (!ok)
            return FALSE;
        }
    }
  return TRUE;
}
