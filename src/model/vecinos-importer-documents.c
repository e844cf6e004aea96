/* vecinos-importer-documents.c — documents, their excerpts and claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"

#include "vecinos-importer-private.h"

gboolean
import_documents (Import  *import,
                  GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) insert_text = NULL;
  JsonArray *array;

  import->file = "documents.json";
  import->kind = _("document");
  if (!(array = import_read_array (import, &parser, "documents", error)) ||
      !(insert = import_prepare (import, "INSERT INTO document (slug, title, authors, publisher,"
                                         " published_day, published_precision, date_inferred, url, lang)"
                                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error)) ||
      !(insert_text = import_prepare (import, "INSERT INTO document_text VALUES (?, ?, ?, ?)", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object, *kind, *notes;
      const char *title, *publisher, *url, *lang;
      g_autofree char *authors = NULL;
      gboolean has_date, date_inferred;
      VecinosDate date;
      JsonNode *node;
      gint64 row;

      if (!(object = import_record_at (import, array, i, error)) ||
          !(title = import_get_string (import, object, "title", error)) ||
          !(publisher = import_get_string (import, object, "publisher", error)) ||
          !import_get_date (import, object, "date", FALSE, &date, &has_date, error) ||
          !import_get_boolean (import, object, "date_inferred", &date_inferred, error) ||
          !import_get_optional_string (import, object, "url", &url, error) ||
          !(lang = import_get_string (import, object, "lang", error)) ||
          !(kind = import_get_texts (import, object, "kind", error)) ||
          !import_get_optional_texts (import, object, "notes", &notes, error))
        return FALSE;

      if (url != NULL && !import_is_url (url))
        return import_fail (import, error, _("“url” must be a web address, or null when the original is not known"));
      if (url != NULL && !import_check_address (import, url, error))
        return FALSE;

      /* An empty list says no author could be identified */
      node = json_object_get_member (object, "authors");
      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        return import_missing (import, "authors", error);
      {
        JsonArray *names = json_node_get_array (node);
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) strv = NULL;

        for (guint a = 0; a < json_array_get_length (names); a++)
          {
            const char *author = json_array_get_string_element (names, a);

            if (author == NULL || *author == '\0')
              return import_fail (import, error, _("“authors” must list names"));
            g_strv_builder_add (builder, author);
          }
        strv = g_strv_builder_end (builder);
        if (strv[0] != NULL)
          authors = g_strjoinv ("; ", strv);
        if (authors != NULL && !import_check_length (import, "authors", "authors", authors, error))
          return FALSE;
      }

      if (!import_check_new_id (import, import->documents, error))
        return FALSE;
      sqlite3_bind_text (insert, 1, import->record, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 3, authors, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 4, publisher, -1, SQLITE_STATIC);
      if (has_date)
        {
          sqlite3_bind_int (insert, 5, vecinos_date_first_day (&date));
          sqlite3_bind_int (insert, 6, date.precision);
        }
      sqlite3_bind_int (insert, 7, date_inferred);
      sqlite3_bind_text (insert, 8, url, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 9, lang, -1, SQLITE_STATIC);
      if (!import_run (import, insert, ""))
        return import_fail_sqlite (import, error);
      row = import_remember_row (import, import->documents);

      for (guint l = 0; import->languages[l] != NULL; l++)
        if (!import_run (import, insert_text, "Isss", row, import->languages[l],
                         import_text_in (kind, import->languages[l]), import_text_in (notes, import->languages[l])))
          return import_fail_sqlite (import, error);
      if (!import_add_to_search (import, "document", lang, title, authors))
        return import_fail_sqlite (import, error);
    }
  return TRUE;
}

gboolean
import_excerpts (Import  *import,
                 GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) insert_text = NULL;
  g_autoptr(sqlite3_stmt) insert_category = NULL;
  g_autoptr(sqlite3_stmt) insert_event = NULL;
  g_autoptr(sqlite3_stmt) insert_series = NULL;
  g_autoptr(sqlite3_stmt) document_lang = NULL;
  g_autoptr(GHashTable) ordinals = g_hash_table_new (NULL, NULL);
  JsonArray *array;

  import->file = "excerpts.json";
  import->kind = _("excerpt");
  if (!(array = import_read_array (import, &parser, "excerpts", error)) ||
      !(insert = import_prepare (import, "INSERT INTO excerpt (slug, document_id, ordinal, text)"
                                         " VALUES (?, ?, ?, ?)", error)) ||
      !(insert_text = import_prepare (import, "INSERT INTO excerpt_text VALUES (?, ?, ?)", error)) ||
      !(insert_category = import_prepare (import, "INSERT INTO excerpt_category VALUES (?, ?)", error)) ||
      !(insert_event = import_prepare (import, "INSERT INTO event_excerpt VALUES (?, ?)", error)) ||
      !(insert_series = import_prepare (import, "INSERT INTO series_excerpt VALUES (?, ?)", error)) ||
      !(document_lang = import_prepare (import, "SELECT lang FROM document WHERE id = ?", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object, *translations;
      const char *document, *text;
      g_autofree char *lang = NULL;
      gint64 document_row, row;
      int ordinal;
      JsonNode *node;

      if (!(object = import_record_at (import, array, i, error)) ||
          !(document = import_get_string (import, object, "document", error)) ||
          !import_resolve (import, import->documents, _("document"), document, &document_row, error) ||
          !(text = import_get_string (import, object, "text", error)))
        return FALSE;

      sqlite3_bind_int64 (document_lang, 1, document_row);
      if (sqlite3_step (document_lang) == SQLITE_ROW)
        lang = g_strdup ((const char *) sqlite3_column_text (document_lang, 0));
      sqlite3_reset (document_lang);

      /* Every language but the document's own needs our translation */
      node = json_object_get_member (object, "translations");
      translations = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      for (guint l = 0; import->languages[l] != NULL; l++)
        {
          g_autofree char *field = NULL;
          JsonNode *translation;

          if (g_strcmp0 (import->languages[l], lang) == 0)
            continue;
          translation = translations ? json_object_get_member (translations, import->languages[l]) : NULL;
          field = g_strdup_printf ("translations.%s", import->languages[l]);
          if (translation == NULL || json_node_get_value_type (translation) != G_TYPE_STRING ||
              *json_node_get_string (translation) == '\0')
            return import_missing (import, field, error);
          if (!import_check_length (import, "translations", field, json_node_get_string (translation), error))
            return FALSE;
        }

      if (!import_check_new_id (import, import->excerpts, error))
        return FALSE;
      ordinal = GPOINTER_TO_INT (g_hash_table_lookup (ordinals, GINT_TO_POINTER ((int) document_row))) + 1;
      g_hash_table_insert (ordinals, GINT_TO_POINTER ((int) document_row), GINT_TO_POINTER (ordinal));
      if (!import_run (import, insert, "sIis", import->record, document_row, ordinal, text))
        return import_fail_sqlite (import, error);
      row = import_remember_row (import, import->excerpts);

      /* An excerpt has no title of its own: its words are the body, ranked
       * below a title that says the same */
      if (!import_add_to_search (import, "excerpt", lang, NULL, text))
        return import_fail_sqlite (import, error);
      for (guint l = 0; import->languages[l] != NULL; l++)
        {
          const char *translated;

          if (g_strcmp0 (import->languages[l], lang) == 0)
            continue;
          translated = json_object_get_string_member (translations, import->languages[l]);
          if (!import_run (import, insert_text, "Iss", row, import->languages[l], translated) ||
              !import_add_to_search (import, "excerpt", import->languages[l], NULL, translated))
            return import_fail_sqlite (import, error);
        }

      if (!import_link_each (import, object, "categories", import->categories, _("category"),
                             insert_category, row, FALSE, error) ||
          !import_link_each (import, object, "events", import->events, _("event"),
                             insert_event, row, TRUE, error) ||
          !import_link_each (import, object, "series", import->series, _("series"),
                             insert_series, row, TRUE, error))
        return FALSE;
    }
  return TRUE;
}

/* A claim's words in each translation of its excerpt that gives them */
static gboolean
import_claim_wordings (Import       *import,
                       JsonObject   *object,
                       gint64        excerpt_row,
                       gint64        claim_row,
                       sqlite3_stmt *translation_text,
                       sqlite3_stmt *insert_wording,
                       GError      **error)
{
  JsonNode *node = json_object_get_member (object, "translation");
  JsonObject *wordings;
  g_autoptr(GList) languages = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return import_fail (import, error, _("“translation” must map languages to the claim’s words"));
  wordings = json_node_get_object (node);
  languages = json_object_get_members (wordings);
  for (GList *l = languages; l != NULL; l = l->next)
    {
      const char *lang = l->data;
      JsonNode *value = json_object_get_member (wordings, lang);
      const char *words;
      gboolean found = FALSE;

      if (!g_strv_contains ((const char * const *) import->languages, lang))
        /* Translators: %s is a language code found in a dataset file */
        return import_fail (import, error, _("“translation” has a language Vecinos does not use: “%s”"), lang);
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING ||
          *(words = json_node_get_string (value)) == '\0')
        return import_fail (import, error, _("“translation” must map languages to the claim’s words"));
      sqlite3_bind_int64 (translation_text, 1, excerpt_row);
      sqlite3_bind_text (translation_text, 2, lang, -1, SQLITE_STATIC);
      if (sqlite3_step (translation_text) == SQLITE_ROW)
        found = strstr ((const char *) sqlite3_column_text (translation_text, 0), words) != NULL;
      sqlite3_reset (translation_text);
      if (!found)
        /* Translators: %s is a language code */
        return import_fail (import, error, _("its words in “%s” are not found word for word in its excerpt’s translation"),
                            lang);
      if (!import_run (import, insert_wording, "Iss", claim_row, lang, words))
        return import_fail_sqlite (import, error);
    }
  return TRUE;
}

gboolean
import_claims (Import  *import,
               GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) insert_text = NULL;
  g_autoptr(sqlite3_stmt) excerpt_text = NULL;
  g_autoptr(sqlite3_stmt) find_point = NULL;
  g_autoptr(sqlite3_stmt) insert_wording = NULL;
  g_autoptr(sqlite3_stmt) translation_text = NULL;
  g_autoptr(GHashTable) ordinals = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) claims = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  import->file = "claims.json";
  import->kind = _("claim");
  if (!(array = import_read_array (import, &parser, "claims", error)) ||
      !(insert = import_prepare (import, "INSERT INTO claim (excerpt_id, ordinal, text, value, unit,"
                                         " series_id, period_day, measure_differs)"
                                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error)) ||
      !(insert_text = import_prepare (import, "INSERT INTO claim_text VALUES (?, ?, ?)", error)) ||
      !(excerpt_text = import_prepare (import, "SELECT text FROM excerpt WHERE id = ?", error)) ||
      !(insert_wording = import_prepare (import, "INSERT INTO claim_wording VALUES (?, ?, ?)", error)) ||
      !(translation_text = import_prepare (import, "SELECT text FROM excerpt_text WHERE excerpt_id = ? AND lang = ?",
                                           error)) ||
      !(find_point = import_prepare (import, "SELECT s.unit_kind FROM point p JOIN series s ON s.id = p.series_id"
                                             " WHERE p.series_id = ? AND p.period_day = ?", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object, *note;
      const char *excerpt, *text, *unit, *series, *period;
      gboolean measure_differs, quoted = FALSE, has_value;
      gint64 excerpt_row, series_row = 0, claim_row;
      VecinosDay day = 0;
      int ordinal;
      double value;

      if (!(object = import_record_at (import, array, i, error)) ||
          !(excerpt = import_get_string (import, object, "excerpt", error)) ||
          !import_resolve (import, import->excerpts, _("excerpt"), excerpt, &excerpt_row, error) ||
          !(text = import_get_string (import, object, "text", error)))
        return FALSE;

      /* null: the words give no single number */
      has_value = json_object_get_member (object, "value") != NULL &&
                  !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "value"));
      if ((has_value && !import_get_number (import, object, "value", &value, error)) ||
          !(unit = import_get_string (import, object, "unit", error)) ||
          (has_value && !import_check_value (import, NULL, value, unit, error)) ||
          !import_get_optional_string (import, object, "series", &series, error) ||
          !import_get_optional_string (import, object, "period", &period, error) ||
          !import_get_boolean (import, object, "measure_differs", &measure_differs, error) ||
          !import_get_optional_texts (import, object, "note", &note, error))
        return FALSE;

      sqlite3_bind_int64 (excerpt_text, 1, excerpt_row);
      if (sqlite3_step (excerpt_text) == SQLITE_ROW)
        quoted = strstr ((const char *) sqlite3_column_text (excerpt_text, 0), text) != NULL;
      sqlite3_reset (excerpt_text);
      if (!quoted)
        return import_fail (import, error, _("its text is not found word for word in its excerpt"));

      if ((series == NULL) != (period == NULL))
        return import_fail (import, error, _("“series” and “period” go together"));
      if (series != NULL)
        {
          g_autoptr(GError) local_error = NULL;
          g_autofree char *series_unit = NULL;
          gboolean found;

          if (!import_resolve (import, import->series, _("series"), series, &series_row, error))
            return FALSE;
          if (!vecinos_period_parse (period, g_str_has_prefix (period, "FY") ? VECINOS_PERIOD_FISCAL_YEAR
                                                                            : VECINOS_PERIOD_CALENDAR_YEAR,
                                     &day, &local_error))
            return import_fail (import, error, "%s", local_error->message);
          sqlite3_bind_int64 (find_point, 1, series_row);
          sqlite3_bind_int (find_point, 2, day);
          found = sqlite3_step (find_point) == SQLITE_ROW;
          if (found)
            series_unit = g_strdup ((const char *) sqlite3_column_text (find_point, 0));
          sqlite3_reset (find_point);
          if (!found)
            /* Translators: %1$s is a series id, %2$s a period such as "2017" */
            return import_fail (import, error, _("the series “%1$s” has no figure for %2$s"), series, period);
          /* The same period and the same unit, or a note saying how the
           * measures differ */
          if (g_strcmp0 (series_unit, unit) != 0 && !(measure_differs && note != NULL))
            /* Translators: %1$s and %3$s are units such as "usd_millions";
             * %2$s a series id. Leave “measure_differs” and “note” as they are */
            return import_fail (import, error, _("its unit “%1$s” is not the unit of “%2$s” (“%3$s”): mark it "
                                                 "“measure_differs” with a “note” saying how they differ"),
                                unit, series, series_unit);
        }

      if (!import_check_new_id (import, claims, error))
        return FALSE;
      ordinal = GPOINTER_TO_INT (g_hash_table_lookup (ordinals, GINT_TO_POINTER ((int) excerpt_row))) + 1;
      g_hash_table_insert (ordinals, GINT_TO_POINTER ((int) excerpt_row), GINT_TO_POINTER (ordinal));
      sqlite3_bind_int64 (insert, 1, excerpt_row);
      sqlite3_bind_int (insert, 2, ordinal);
      sqlite3_bind_text (insert, 3, text, -1, SQLITE_STATIC);
      if (has_value)
        sqlite3_bind_double (insert, 4, value);
      sqlite3_bind_text (insert, 5, unit, -1, SQLITE_STATIC);
      if (series != NULL)
        {
          sqlite3_bind_int64 (insert, 6, series_row);
          sqlite3_bind_int (insert, 7, day);
        }
      sqlite3_bind_int (insert, 8, measure_differs);
      if (!import_run (import, insert, ""))
        return import_fail_sqlite (import, error);
      claim_row = import_remember_row (import, claims);

      for (guint l = 0; note != NULL && import->languages[l] != NULL; l++)
        if (!import_run (import, insert_text, "Iss", claim_row, import->languages[l],
                         import_text_in (note, import->languages[l])))
          return import_fail_sqlite (import, error);

      /* "translation": {"es": "…"}, the same words as the excerpt's
       * translation into that language has them, found there word for word */
      if (!import_claim_wordings (import, object, excerpt_row, claim_row, translation_text, insert_wording, error))
        return FALSE;
    }
  return TRUE;
}
