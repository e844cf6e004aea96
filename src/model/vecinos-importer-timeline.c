/* vecinos-importer-timeline.c — categories, terms and events
 *
 * What the timeline shows: its category rows, the terms of office behind
 * its era bands, and the events with their sources and actors.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"

#include "vecinos-importer-private.h"

static const char * const countries[] = { "us", "mx", NULL };

gboolean
import_categories (Import  *import,
                   GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) insert_text = NULL;
  JsonArray *array;

  import->file = "categories.json";
  import->kind = _("category");
  if (!(array = import_read_array (import, &parser, "categories", error)) ||
      !(insert = import_prepare (import, "INSERT INTO category (slug, color) VALUES (?, ?)", error)) ||
      !(insert_text = import_prepare (import, "INSERT INTO category_text VALUES (?, ?, ?)", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object, *name;
      const char *color;
      gint64 row;

      if (!(object = import_record_at (import, array, i, error)) ||
          !(color = import_get_string (import, object, "color", error)) ||
          !(name = import_get_texts (import, object, "name", error)))
        return FALSE;

      if (strlen (color) != 7 || color[0] != '#' ||
          strspn (color + 1, "0123456789abcdefABCDEF") != 6)
        return import_fail (import, error, _("“color” must be written #RRGGBB"));

      if (!import_check_new_id (import, import->categories, error))
        return FALSE;
      if (!import_run (import, insert, "ss", import->record, color))
        return import_fail_sqlite (import, error);
      row = import_remember_row (import, import->categories);
      if (!import_insert_texts (import, insert_text, row, &name, 1))
        return import_fail_sqlite (import, error);
    }
  return TRUE;
}

static gboolean
get_country (Import      *import,
             JsonNode    *node,
             const char **country,
             GError     **error)
{
  *country = node != NULL && json_node_get_value_type (node) == G_TYPE_STRING
             ? json_node_get_string (node) : NULL;

  if (*country == NULL || !g_strv_contains (countries, *country))
    return import_fail (import, error, _("the country must be “us” or “mx”"));
  return TRUE;
}

gboolean
import_terms (Import  *import,
              GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) insert_text = NULL;
  JsonArray *array;

  import->file = "terms.json";
  import->kind = _("term");
  if (!(array = import_read_array (import, &parser, "terms", error)) ||
      !(insert = import_prepare (import, "INSERT INTO term (slug, country, person, short_name, start_day, end_day)"
                                         " VALUES (?, ?, ?, ?, ?, ?)", error)) ||
      !(insert_text = import_prepare (import, "INSERT INTO term_text VALUES (?, ?, ?)", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object, *party;
      const char *country, *person, *short_name;
      VecinosDate start, end;
      gboolean has_start, has_end;
      gint64 row;

      if (!(object = import_record_at (import, array, i, error)) ||
          !get_country (import, json_object_get_member (object, "country"), &country, error) ||
          !(person = import_get_string (import, object, "person", error)) ||
          !(party = import_get_texts (import, object, "party", error)) ||
          !import_get_date (import, object, "start", TRUE, &start, &has_start, error) ||
          !import_get_date (import, object, "end", FALSE, &end, &has_end, error))
        return FALSE;

      /* A term that ends in a year or a month lasts to its last day (an
       * imported era "to 1994" covers 1994); a presidency ends on a day */
      if (has_end && vecinos_date_last_day (&end) < vecinos_date_first_day (&start))
        return import_fail (import, error, _("the term ends before it starts"));
      /* The name an era band falls back to when the full one does not fit */
      short_name = person;
      if (json_object_has_member (object, "short") &&
          !(short_name = import_get_string (import, object, "short", error)))
        return FALSE;

      if (!import_check_new_id (import, import->terms, error))
        return FALSE;
      if (!(has_end ? import_run (import, insert, "ssssii", import->record, country, person, short_name,
                                  vecinos_date_first_day (&start), vecinos_date_last_day (&end))
                    : import_run (import, insert, "ssssin", import->record, country, person, short_name,
                                  vecinos_date_first_day (&start))))
        return import_fail_sqlite (import, error);
      row = import_remember_row (import, import->terms);
      if (!import_insert_texts (import, insert_text, row, &party, 1))
        return import_fail_sqlite (import, error);
    }
  return TRUE;
}

static gboolean
import_event_sources (Import       *import,
                      JsonObject   *object,
                      sqlite3_stmt *insert,
                      gint64        row,
                      GError      **error)
{
  JsonNode *node = json_object_get_member (object, "sources");
  JsonArray *sources;
  guint n;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      (n = json_array_get_length (sources = json_node_get_array (node))) == 0)
    return import->imported && node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? TRUE
                                                                           : import_missing (import, "sources", error);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *source_node = json_array_get_element (sources, i);
      JsonObject *source;
      const char *name, *url;

      if (!JSON_NODE_HOLDS_OBJECT (source_node))
        return import_fail (import, error, _("source %u is not an object"), i + 1);
      source = json_node_get_object (source_node);
      if (!(name = import_get_string (import, source, "name", error)) ||
          !(url = import_get_string (import, source, "url", error)))
        return FALSE;
      if (!import_is_url (url))
        return import_fail (import, error, _("source %u has no web address (it must start with https://)"), i + 1);
      if (!import_check_address (import, url, error))
        return FALSE;
      if (!import_run (import, insert, "Iiss", row, (int) i, name, url))
        return import_fail_sqlite (import, error);
    }
  return TRUE;
}

static gboolean
import_event_actors (Import       *import,
                     JsonObject   *object,
                     sqlite3_stmt *insert,
                     gint64        row,
                     GError      **error)
{
  JsonNode *node = json_object_get_member (object, "actors");
  JsonArray *actors;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (actors = json_node_get_array (node)) == 0)
    return import->imported && node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? TRUE
                                                                           : import_missing (import, "actors", error);

  for (guint i = 0; i < json_array_get_length (actors); i++)
    {
      JsonNode *actor = json_array_get_element (actors, i);
      const char *country = json_node_get_value_type (actor) == G_TYPE_STRING
                            ? json_node_get_string (actor) : "";

      /* ISO 3166 codes: besides the two neighbours, Canada in NAFTA,
       * Central American countries in migration, … */
      if (strlen (country) != 2 || !g_ascii_islower (country[0]) || !g_ascii_islower (country[1]))
        return import_fail (import, error, _("actors must be two-letter country codes, such as “us” or “mx”"));
      if (!import_run (import, insert, "Is", row, country))
        return import_fail (import, error, _("an actor is listed twice"));
    }
  return TRUE;
}

static int
compare_dated_records (gconstpointer a,
                       gconstpointer b)
{
  const ImportDatedRecord *x = a, *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Rows go in in date order, the order the app reads them in: a large
 * dataset is then read from the file front to back */
void
import_sort_by_day (GArray *records)
{
  g_array_sort (records, compare_dated_records);
}

gboolean
import_prepare_events (Import                *import,
                       ImportEventStatements *statements,
                       GError               **error)
{
  return (statements->event = import_prepare (import, "INSERT INTO event (slug, start_day, end_day, precision,"
                                                      " end_precision, category_id, importance)"
                                                      " VALUES (?, ?, ?, ?, ?, ?, ?)", error)) != NULL &&
         (statements->text = import_prepare (import, "INSERT INTO event_text VALUES (?, ?, ?, ?)", error)) != NULL &&
         (statements->source = import_prepare (import, "INSERT INTO event_source VALUES (?, ?, ?, ?)",
                                               error)) != NULL &&
         (statements->actor = import_prepare (import, "INSERT INTO event_actor VALUES (?, ?)", error)) != NULL;
}

void
import_clear_events (ImportEventStatements *statements)
{
  g_clear_pointer (&statements->event, sqlite3_finalize);
  g_clear_pointer (&statements->text, sqlite3_finalize);
  g_clear_pointer (&statements->source, sqlite3_finalize);
  g_clear_pointer (&statements->actor, sqlite3_finalize);
}

/**
 * import_insert_event:
 * @end: (nullable): the event's last date
 *
 * Inserts the event import->record names; its texts, sources and actors
 * are the caller's.
 */
gboolean
import_insert_event (Import                *import,
                     ImportEventStatements *statements,
                     const VecinosDate     *start,
                     const VecinosDate     *end,
                     int                    category_id,
                     int                    importance)
{
  sqlite3_stmt *insert = statements->event;

  sqlite3_bind_text (insert, 1, import->record, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 2, vecinos_date_first_day (start));
  sqlite3_bind_int (insert, 4, start->precision);
  if (end != NULL)
    {
      sqlite3_bind_int (insert, 3, vecinos_date_last_day (end));
      sqlite3_bind_int (insert, 5, end->precision);
    }
  sqlite3_bind_int (insert, 6, category_id);
  sqlite3_bind_int (insert, 7, importance);
  return import_run (import, insert, "");
}

gboolean
import_events (Import  *import,
               GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_auto(ImportEventStatements) statements = { NULL };
  g_autoptr(GArray) order = NULL;
  JsonArray *array;

  import->file = "events.json";
  import->kind = _("event");
  if (!(array = import_read_array (import, &parser, "events", error)) ||
      !import_prepare_events (import, &statements, error))
    return FALSE;

  order = g_array_sized_new (FALSE, FALSE, sizeof (ImportDatedRecord), json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object;
      VecinosDate start;
      gboolean has_start;
      ImportDatedRecord record = { 0, i };

      if (!(object = import_record_at (import, array, i, error)) ||
          !import_get_date (import, object, "date", TRUE, &start, &has_start, error))
        return FALSE;
      record.day = vecinos_date_first_day (&start);
      g_array_append_val (order, record);
    }
  import_sort_by_day (order);

  for (guint n = 0; n < order->len; n++)
    {
      guint i = g_array_index (order, ImportDatedRecord, n).index;
      JsonObject *object, *texts[2];
      const char *category;
      VecinosDate start, end;
      gboolean has_start, has_end;
      gint64 importance, row;
      gpointer category_id;
      JsonNode *node;

      if (!(object = import_record_at (import, array, i, error)) ||
          !import_get_date (import, object, "date", TRUE, &start, &has_start, error) ||
          !import_get_date (import, object, "end_date", FALSE, &end, &has_end, error) ||
          !(category = import_get_string (import, object, "category", error)) ||
          !(texts[0] = import_get_texts (import, object, "title", error)) ||
          !(texts[1] = import_get_texts (import, object, "summary", error)))
        return FALSE;

      if (!g_hash_table_lookup_extended (import->categories, category, NULL, &category_id))
        return import_fail_code (import, error, VECINOS_IMPORT_ERROR_UNKNOWN_REFERENCE,
                                 _("unknown category “%s”"), category);

      node = json_object_get_member (object, "importance");
      if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 ||
          (importance = json_node_get_int (node)) < 1 || importance > 3)
        return import_fail (import, error, _("“importance” must be 1, 2 or 3"));

      if (has_end && vecinos_date_last_day (&end) < vecinos_date_first_day (&start))
        return import_fail (import, error, _("the event ends before it starts"));

      if (!import_check_new_id (import, import->events, error))
        return FALSE;
      if (!import_insert_event (import, &statements, &start, has_end ? &end : NULL,
                                GPOINTER_TO_INT (category_id), (int) importance))
        return import_fail_sqlite (import, error);

      row = import_remember_row (import, import->events);
      if (!import_insert_texts (import, statements.text, row, texts, 2))
        return import_fail_sqlite (import, error);
      /* An imported timeline's texts are the same in every language: the
       * search finds them once (it searches every language's words) */
      for (guint l = 0; import->languages[l] != NULL && !(import->imported && l > 0); l++)
        {
          const char *lang = import->languages[l];

          if (!import_add_event_to_search (import, row, lang, import_text_in (texts[0], lang),
                                           import_text_in (texts[1], lang)))
            return import_fail_sqlite (import, error);
        }
      if (!import_event_sources (import, object, statements.source, row, error) ||
          !import_event_actors (import, object, statements.actor, row, error))
        return FALSE;
    }
  return TRUE;
}
