/* vecinos-importer.c — the one way data enters Vecinos: JSON → SQLite
 *
 * Reads a dataset directory in the format of docs/DATASET.md and writes it,
 * inside one transaction, into an empty SQLite database: the build-time
 * compiler writes a file, the app an in-memory database. Any invalid record
 * stops the import with a message naming the file, the record and the
 * problem, and nothing is committed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"
#include <json-glib/json-glib.h>

#include "vecinos-date.h"
#include "vecinos-importer.h"
#include "vecinos-schema.h"

G_DEFINE_QUARK (vecinos-import-error-quark, vecinos_import_error)

typedef struct {
  sqlite3     *db;
  GFile       *directory;
  char       **languages;
  GHashTable  *categories;  /* slug → row id */
  GHashTable  *events;      /* slug → row id */
  GHashTable  *terms;       /* slug → row id */
  GHashTable  *series;      /* slug → row id */
  GHashTable  *documents;   /* slug → row id */
  GHashTable  *excerpts;    /* slug → row id */

  sqlite3_stmt *insert_search;

  /* The record being read, for error messages */
  const char  *file;
  const char  *kind;
  const char  *record;
} Import;

static const char * const countries[] = { "us", "mx", NULL };

static gboolean
fail_valist (Import     *import,
             GError    **error,
             int         code,
             const char *format,
             va_list     args)
{
  g_autofree char *problem = g_strdup_vprintf (format, args);

  if (import->record != NULL)
    g_set_error (error, VECINOS_IMPORT_ERROR, code,
                 /* Translators: %1$s is a file name, %2$s a kind of record
                  * ("event"), %3$s the record's id and %4$s the problem */
                 _("%1$s: %2$s “%3$s”: %4$s"),
                 import->file, import->kind, import->record, problem);
  else
    g_set_error (error, VECINOS_IMPORT_ERROR, code, "%s: %s", import->file, problem);
  return FALSE;
}

G_GNUC_PRINTF (4, 5)
static gboolean
fail_code (Import     *import,
           GError    **error,
           int         code,
           const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (import, error, code, format, args);
  va_end (args);
  return FALSE;
}

G_GNUC_PRINTF (3, 4)
static gboolean
fail (Import     *import,
      GError    **error,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (import, error, VECINOS_IMPORT_ERROR_INVALID_VALUE, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
fail_sqlite (Import  *import,
             GError **error)
{
  g_set_error (error, VECINOS_IMPORT_ERROR, VECINOS_IMPORT_ERROR_DATABASE,
               /* Translators: %s is SQLite's own explanation */
               _("Could not write the dataset: %s"), sqlite3_errmsg (import->db));
  return FALSE;
}

static gboolean
exec (Import     *import,
      const char *sql,
      GError    **error)
{
  if (sqlite3_exec (import->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return fail_sqlite (import, error);
  return TRUE;
}

/* Binds each argument in turn: 's' text (NULL binds NULL), 'i' int,
 * 'I' gint64 (or NULL through a 0 sentinel is not allowed), 'd' double,
 * 'n' NULL; then runs the statement once and resets it. */
static gboolean
run (Import       *import,
     sqlite3_stmt *stmt,
     const char   *types,
     ...)
{
  va_list args;
  int rc;

  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    {
      switch (types[i])
        {
        case 's':
          sqlite3_bind_text (stmt, i + 1, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
          break;
        case 'i':
          sqlite3_bind_int (stmt, i + 1, va_arg (args, int));
          break;
        case 'I':
          sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
          break;
        case 'd':
          sqlite3_bind_double (stmt, i + 1, va_arg (args, double));
          break;
        case 'n':
          sqlite3_bind_null (stmt, i + 1);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  va_end (args);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE;
}

static sqlite3_stmt *
prepare (Import     *import,
         const char *sql,
         GError    **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (import->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      fail_sqlite (import, error);
      return NULL;
    }
  return stmt;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static JsonArray *
read_array (Import      *import,
            JsonParser **parser_out,
            const char  *member,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GFile) file = g_file_get_child (import->directory, import->file);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  JsonNode *root;
  JsonObject *object;

  import->record = NULL;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      fail_code (import, error, VECINOS_IMPORT_ERROR_READ, "%s", local_error->message);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    {
      fail_code (import, error, VECINOS_IMPORT_ERROR_INVALID_JSON, "%s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object == NULL || !json_object_has_member (object, member) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, member)))
    {
      fail_code (import, error, VECINOS_IMPORT_ERROR_INVALID_JSON,
                 /* Translators: %s is the name of a JSON member, such as "events" */
                 _("expected an object with an array “%s”"), member);
      return NULL;
    }

  *parser_out = g_steal_pointer (&parser);
  return json_object_get_array_member (object, member);
}

static JsonObject *
record_at (Import     *import,
           JsonArray  *array,
           guint       index,
           GError    **error)
{
  JsonNode *node = json_array_get_element (array, index);
  JsonObject *object;

  import->record = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (import, error, _("item %u is not an object"), index + 1);
      return NULL;
    }

  object = json_node_get_object (node);
  if (!json_object_has_member (object, "id") ||
      json_node_get_value_type (json_object_get_member (object, "id")) != G_TYPE_STRING ||
      *json_object_get_string_member (object, "id") == '\0')
    {
      fail_code (import, error, VECINOS_IMPORT_ERROR_MISSING_FIELD,
                 _("item %u has no “id”"), index + 1);
      return NULL;
    }

  import->record = json_object_get_string_member (object, "id");
  return object;
}

static gboolean
missing (Import     *import,
         const char *member,
         GError    **error)
{
  return fail_code (import, error, VECINOS_IMPORT_ERROR_MISSING_FIELD,
                    /* Translators: %s is the name of a field in the dataset, such as "date" */
                    _("the field “%s” is missing or empty"), member);
}

static const char *
get_string (Import     *import,
            JsonObject *object,
            const char *member,
            GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING ||
      *(value = json_node_get_string (node)) == '\0')
    {
      missing (import, member, error);
      return NULL;
    }
  return value;
}

/* A member that may be absent or null; present, it must be a non-empty string */
static gboolean
get_optional_string (Import      *import,
                     JsonObject  *object,
                     const char  *member,
                     const char **value,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  return (*value = get_string (import, object, member, error)) != NULL;
}

/* { "en": "…", "es": "…" } with every language the dataset declares */
static JsonObject *
get_texts (Import     *import,
           JsonObject *object,
           const char *member,
           GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonObject *texts;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      missing (import, member, error);
      return NULL;
    }

  texts = json_node_get_object (node);
  for (guint i = 0; import->languages[i] != NULL; i++)
    {
      JsonNode *text = json_object_get_member (texts, import->languages[i]);

      if (text == NULL || json_node_get_value_type (text) != G_TYPE_STRING ||
          *json_node_get_string (text) == '\0')
        {
          g_autofree char *field = g_strdup_printf ("%s.%s", member, import->languages[i]);
          missing (import, field, error);
          return NULL;
        }
    }
  return texts;
}

static gboolean
get_date (Import      *import,
          JsonObject  *object,
          const char  *member,
          gboolean     required,
          VecinosDate *date,
          gboolean    *present,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *text;

  if (!get_optional_string (import, object, member, &text, error))
    return FALSE;

  *present = text != NULL;
  if (text == NULL)
    return required ? missing (import, member, error) : TRUE;

  if (!vecinos_date_parse (text, date, &local_error))
    return fail (import, error, "%s", local_error->message);

  return TRUE;
}

static gboolean
is_url (const char *text)
{
  return g_str_has_prefix (text, "https://") || g_str_has_prefix (text, "http://");
}

/* Checked before the insert, so that a repeated id gets our message rather
 * than SQLite's constraint error */
static gboolean
check_new_id (Import     *import,
              GHashTable *ids,
              GError    **error)
{
  if (g_hash_table_contains (ids, import->record))
    return fail_code (import, error, VECINOS_IMPORT_ERROR_DUPLICATE_ID, _("the id is used twice"));
  return TRUE;
}

static gint64
remember_row (Import     *import,
              GHashTable *ids)
{
  gint64 row = sqlite3_last_insert_rowid (import->db);

  g_hash_table_insert (ids, g_strdup (import->record), GINT_TO_POINTER ((int) row));
  return row;
}


/* An optional { "en": …, "es": … }: absent or null is fine, present it must
 * be complete */
static gboolean
get_optional_texts (Import      *import,
                    JsonObject  *object,
                    const char  *member,
                    JsonObject **texts,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *texts = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  return (*texts = get_texts (import, object, member, error)) != NULL;
}

static const char *
text_in (JsonObject *texts,
         const char *lang)
{
  return texts != NULL ? json_object_get_string_member (texts, lang) : NULL;
}

static gboolean
get_boolean (Import     *import,
             JsonObject *object,
             const char *member,
             gboolean   *value,
             GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    /* Translators: %s is the name of a field in the dataset */
    return fail (import, error, _("“%s” must be true or false"), member);
  *value = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_number (Import     *import,
            JsonObject *object,
            const char *member,
            double     *value,
            GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type = node != NULL ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return missing (import, member, error);
  *value = json_node_get_double (node);
  return TRUE;
}

/* The row of a record another one points at, or an error naming it */
static gboolean
resolve (Import     *import,
         GHashTable *ids,
         const char *kind,
         const char *id,
         gint64     *row,
         GError    **error)
{
  gpointer value;

  if (id == NULL || !g_hash_table_lookup_extended (ids, id, NULL, &value))
    return fail_code (import, error, VECINOS_IMPORT_ERROR_UNKNOWN_REFERENCE,
                      /* Translators: %1$s is a kind of record ("event"), %2$s its id */
                      _("it points at the %1$s “%2$s”, which does not exist"), kind, id ? id : "");
  *row = GPOINTER_TO_INT (value);
  return TRUE;
}

/* An optional array of ids of @kind records: inserts (row, each) with @insert */
static gboolean
link_each (Import       *import,
           JsonObject   *object,
           const char   *member,
           GHashTable   *ids,
           const char   *kind,
           sqlite3_stmt *insert,
           gint64        row,
           gboolean      reversed,
           GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    /* Translators: %s is the name of a field in the dataset */
    return fail (import, error, _("“%s” must be a list of ids"), member);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64 other;

      if (!resolve (import, ids, kind, json_array_get_string_element (array, i), &other, error))
        return FALSE;
      if (!(reversed ? run (import, insert, "II", other, row) : run (import, insert, "II", row, other)))
        return fail (import, error, _("“%s” lists the same id twice"), member);
    }
  return TRUE;
}

static gboolean
add_to_search (Import     *import,
               const char *kind,
               const char *lang,
               const char *title,
               const char *body)
{
  return run (import, import->insert_search, "sssss", kind, import->record, lang,
              title != NULL ? title : "", body != NULL ? body : "");
}

static gboolean
import_manifest (Import  *import,
                 GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(sqlite3_stmt) meta = NULL;
  JsonArray *languages;
  guint n;

  import->file = "dataset.json";
  import->kind = _("dataset");
  if (!(languages = read_array (import, &parser, "languages", error)))
    return FALSE;

  n = json_array_get_length (languages);
  import->languages = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const char *lang = json_array_get_string_element (languages, i);

      if (lang == NULL || strlen (lang) != 2)
        return fail (import, error, _("“languages” must list two-letter language codes"));
      import->languages[i] = g_strdup (lang);
    }
  if (n == 0 || !g_strv_contains ((const char * const *) import->languages, "en"))
    return fail (import, error, _("“languages” must include “en”"));

  {
    g_autofree char *joined = g_strjoinv (",", import->languages);
    g_autofree char *version = g_strdup_printf ("%d", VECINOS_SCHEMA_VERSION);

    if (!(meta = prepare (import, "INSERT INTO meta (key, value) VALUES (?, ?)", error)) ||
        !run (import, meta, "ss", "languages", joined) ||
        !run (import, meta, "ss", "schema_version", version))
      return fail_sqlite (import, error);
  }
  return TRUE;
}

static gboolean
insert_texts (Import       *import,
              sqlite3_stmt *stmt,
              gint64        row,
              JsonObject  **texts,
              guint         n_texts)
{
  for (guint i = 0; import->languages[i] != NULL; i++)
    {
      const char *lang = import->languages[i];
      int column = 1;

      sqlite3_bind_int64 (stmt, column++, row);
      sqlite3_bind_text (stmt, column++, lang, -1, SQLITE_STATIC);
      for (guint t = 0; t < n_texts; t++)
        sqlite3_bind_text (stmt, column++,
                           json_object_get_string_member (texts[t], lang), -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static gboolean
import_categories (Import  *import,
                   GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) insert_text = NULL;
  JsonArray *array;

  import->file = "categories.json";
  import->kind = _("category");
  if (!(array = read_array (import, &parser, "categories", error)) ||
      !(insert = prepare (import, "INSERT INTO category (slug, color) VALUES (?, ?)", error)) ||
      !(insert_text = prepare (import, "INSERT INTO category_text VALUES (?, ?, ?)", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object, *name;
      const char *color;
      gint64 row;

      if (!(object = record_at (import, array, i, error)) ||
          !(color = get_string (import, object, "color", error)) ||
          !(name = get_texts (import, object, "name", error)))
        return FALSE;

      if (strlen (color) != 7 || color[0] != '#' ||
          strspn (color + 1, "0123456789abcdefABCDEF") != 6)
        return fail (import, error, _("“color” must be written #RRGGBB"));

      if (!check_new_id (import, import->categories, error))
        return FALSE;
      if (!run (import, insert, "ss", import->record, color))
        return fail_sqlite (import, error);
      row = remember_row (import, import->categories);
      if (!insert_texts (import, insert_text, row, &name, 1))
        return fail_sqlite (import, error);
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
    return fail (import, error, _("the country must be “us” or “mx”"));
  return TRUE;
}

static gboolean
import_terms (Import  *import,
              GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) insert_text = NULL;
  JsonArray *array;

  import->file = "terms.json";
  import->kind = _("term");
  if (!(array = read_array (import, &parser, "terms", error)) ||
      !(insert = prepare (import, "INSERT INTO term (slug, country, person, short_name, start_day, end_day)"
                                  " VALUES (?, ?, ?, ?, ?, ?)", error)) ||
      !(insert_text = prepare (import, "INSERT INTO term_text VALUES (?, ?, ?)", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object, *party;
      const char *country, *person, *short_name;
      VecinosDate start, end;
      gboolean has_start, has_end;
      gint64 row;

      if (!(object = record_at (import, array, i, error)) ||
          !get_country (import, json_object_get_member (object, "country"), &country, error) ||
          !(person = get_string (import, object, "person", error)) ||
          !(party = get_texts (import, object, "party", error)) ||
          !get_date (import, object, "start", TRUE, &start, &has_start, error) ||
          !get_date (import, object, "end", FALSE, &end, &has_end, error))
        return FALSE;

      if (has_end && vecinos_date_first_day (&end) < vecinos_date_first_day (&start))
        return fail (import, error, _("the term ends before it starts"));
      /* The name an era band falls back to when the full one does not fit */
      short_name = person;
      if (json_object_has_member (object, "short") &&
          !(short_name = get_string (import, object, "short", error)))
        return FALSE;

      if (!check_new_id (import, import->terms, error))
        return FALSE;
      if (!(has_end ? run (import, insert, "ssssii", import->record, country, person, short_name,
                           vecinos_date_first_day (&start), vecinos_date_first_day (&end))
                    : run (import, insert, "ssssin", import->record, country, person, short_name,
                           vecinos_date_first_day (&start))))
        return fail_sqlite (import, error);
      row = remember_row (import, import->terms);
      if (!insert_texts (import, insert_text, row, &party, 1))
        return fail_sqlite (import, error);
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
    return missing (import, "sources", error);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *source_node = json_array_get_element (sources, i);
      JsonObject *source;
      const char *name, *url;

      if (!JSON_NODE_HOLDS_OBJECT (source_node))
        return fail (import, error, _("source %u is not an object"), i + 1);
      source = json_node_get_object (source_node);
      if (!(name = get_string (import, source, "name", error)) ||
          !(url = get_string (import, source, "url", error)))
        return FALSE;
      if (!is_url (url))
        return fail (import, error, _("source %u has no web address (it must start with https://)"), i + 1);
      if (!run (import, insert, "Iiss", row, (int) i, name, url))
        return fail_sqlite (import, error);
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
    return missing (import, "actors", error);

  for (guint i = 0; i < json_array_get_length (actors); i++)
    {
      JsonNode *actor = json_array_get_element (actors, i);
      const char *country = json_node_get_value_type (actor) == G_TYPE_STRING
                            ? json_node_get_string (actor) : "";

      /* ISO 3166 codes: besides the two neighbours, Canada in NAFTA,
       * Central American countries in migration, … */
      if (strlen (country) != 2 || !g_ascii_islower (country[0]) || !g_ascii_islower (country[1]))
        return fail (import, error, _("actors must be two-letter country codes, such as “us” or “mx”"));
      if (!run (import, insert, "Is", row, country))
        return fail (import, error, _("an actor is listed twice"));
    }
  return TRUE;
}

typedef struct {
  VecinosDay day;
  guint      index;     /* in the file */
} DatedRecord;

static int
compare_dated_records (gconstpointer a,
                       gconstpointer b)
{
  const DatedRecord *x = a, *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static gboolean
import_events (Import  *import,
               GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) insert_text = NULL;
  g_autoptr(sqlite3_stmt) insert_source = NULL;
  g_autoptr(sqlite3_stmt) insert_actor = NULL;
  g_autoptr(GArray) order = NULL;
  JsonArray *array;

  import->file = "events.json";
  import->kind = _("event");
  if (!(array = read_array (import, &parser, "events", error)) ||
      !(insert = prepare (import, "INSERT INTO event (slug, start_day, end_day, precision,"
                                  " end_precision, category_id, importance)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?)", error)) ||
      !(insert_text = prepare (import, "INSERT INTO event_text VALUES (?, ?, ?, ?)", error)) ||
      !(insert_source = prepare (import, "INSERT INTO event_source VALUES (?, ?, ?, ?)", error)) ||
      !(insert_actor = prepare (import, "INSERT INTO event_actor VALUES (?, ?)", error)))
    return FALSE;

  /* Rows go in in date order, the order the app reads them in: a large
   * dataset is then read from the file front to back */
  order = g_array_sized_new (FALSE, FALSE, sizeof (DatedRecord), json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object;
      VecinosDate start;
      gboolean has_start;
      DatedRecord record = { 0, i };

      if (!(object = record_at (import, array, i, error)) ||
          !get_date (import, object, "date", TRUE, &start, &has_start, error))
        return FALSE;
      record.day = vecinos_date_first_day (&start);
      g_array_append_val (order, record);
    }
  g_array_sort (order, compare_dated_records);

  for (guint n = 0; n < order->len; n++)
    {
      guint i = g_array_index (order, DatedRecord, n).index;
      JsonObject *object, *texts[2];
      const char *category;
      VecinosDate start, end;
      gboolean has_start, has_end;
      gint64 importance, row;
      gpointer category_id;
      JsonNode *node;

      if (!(object = record_at (import, array, i, error)) ||
          !get_date (import, object, "date", TRUE, &start, &has_start, error) ||
          !get_date (import, object, "end_date", FALSE, &end, &has_end, error) ||
          !(category = get_string (import, object, "category", error)) ||
          !(texts[0] = get_texts (import, object, "title", error)) ||
          !(texts[1] = get_texts (import, object, "summary", error)))
        return FALSE;

      if (!g_hash_table_lookup_extended (import->categories, category, NULL, &category_id))
        return fail_code (import, error, VECINOS_IMPORT_ERROR_UNKNOWN_REFERENCE,
                          _("unknown category “%s”"), category);

      node = json_object_get_member (object, "importance");
      if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 ||
          (importance = json_node_get_int (node)) < 1 || importance > 3)
        return fail (import, error, _("“importance” must be 1, 2 or 3"));

      if (has_end && vecinos_date_last_day (&end) < vecinos_date_first_day (&start))
        return fail (import, error, _("the event ends before it starts"));

      if (!check_new_id (import, import->events, error))
        return FALSE;
      sqlite3_bind_text (insert, 1, import->record, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 2, vecinos_date_first_day (&start));
      sqlite3_bind_int (insert, 4, start.precision);
      if (has_end)
        {
          sqlite3_bind_int (insert, 3, vecinos_date_last_day (&end));
          sqlite3_bind_int (insert, 5, end.precision);
        }
      sqlite3_bind_int (insert, 6, GPOINTER_TO_INT (category_id));
      sqlite3_bind_int (insert, 7, (int) importance);
      if (!run (import, insert, ""))
        return fail_sqlite (import, error);

      row = remember_row (import, import->events);
      if (!insert_texts (import, insert_text, row, texts, 2))
        return fail_sqlite (import, error);
      for (guint l = 0; import->languages[l] != NULL; l++)
        {
          const char *lang = import->languages[l];

          if (!add_to_search (import, "event", lang, text_in (texts[0], lang), text_in (texts[1], lang)))
            return fail_sqlite (import, error);
        }
      if (!import_event_sources (import, object, insert_source, row, error) ||
          !import_event_actors (import, object, insert_actor, row, error))
        return FALSE;
    }
  return TRUE;
}


static const char * const unit_kinds[] = {
  "count", "usd", "usd_millions", "usd_billions", "percent", "rate_per_100k",
  "rank", "score", "hectares", "kg", "pounds", "millions", "other", NULL
};

static gboolean
import_points (Import       *import,
               JsonObject   *object,
               gint64        row,
               VecinosPeriodKind kind,
               sqlite3_stmt *insert,
               sqlite3_stmt *insert_text,
               GError      **error)
{
  JsonNode *node = json_object_get_member (object, "points");
  JsonArray *points;
  guint n;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      (n = json_array_get_length (points = json_node_get_array (node))) == 0)
    return missing (import, "points", error);

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
        return fail (import, error, _("point %u is not an object"), i + 1);
      point = json_node_get_object (point_node);

      if (!(period = get_string (import, point, "period", error)))
        return FALSE;
      if (!vecinos_period_parse (period, kind, &day, &local_error))
        return fail (import, error, "%s", local_error->message);
      if (!get_number (import, point, "value", &value, error) ||
          !get_boolean (import, point, "preliminary", &preliminary, error) ||
          !(source = get_string (import, point, "source", error)) ||
          !(source_url = get_string (import, point, "source_url", error)) ||
          !get_optional_texts (import, point, "note", &note, error))
        return FALSE;
      if (!is_url (source_url))
        /* Translators: %s is a period such as "2017" or "FY2017" */
        return fail (import, error, _("the point for %s has no web address for its source"), period);

      if (!run (import, insert, "Iidiss", row, day, value, preliminary, source, source_url))
        return fail (import, error, _("the period %s appears twice"), period);
      for (guint l = 0; note != NULL && import->languages[l] != NULL; l++)
        if (!run (import, insert_text, "Iiss", row, day, import->languages[l], text_in (note, import->languages[l])))
          return fail_sqlite (import, error);
    }
  return TRUE;
}

static gboolean
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
  if (!(array = read_array (import, &parser, "series", error)) ||
      !(insert = prepare (import, "INSERT INTO series (slug, category_id, unit_kind, frequency,"
                                  " source_org, source_url) VALUES (?, ?, ?, ?, ?, ?)", error)) ||
      !(insert_text = prepare (import, "INSERT INTO series_text VALUES (?, ?, ?, ?, ?, ?, ?)", error)) ||
      !(insert_point = prepare (import, "INSERT INTO point VALUES (?, ?, ?, ?, ?, ?)", error)) ||
      !(insert_point_text = prepare (import, "INSERT INTO point_text VALUES (?, ?, ?, ?)", error)) ||
      !(insert_related = prepare (import, "INSERT INTO series_related VALUES (?, ?)", error)) ||
      !(set_population = prepare (import, "UPDATE series SET population_id = ? WHERE id = ?", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object, *name, *unit, *definition, *caveats, *break_note;
      const char *category, *unit_kind, *period_kind, *source_org, *source_url;
      VecinosPeriodKind kind;
      gint64 category_row, row;

      if (!(object = record_at (import, array, i, error)) ||
          !(category = get_string (import, object, "category", error)) ||
          !resolve (import, import->categories, _("category"), category, &category_row, error) ||
          !(unit_kind = get_string (import, object, "unit_kind", error)) ||
          !(period_kind = get_string (import, object, "period_kind", error)) ||
          !(name = get_texts (import, object, "name", error)) ||
          !(unit = get_texts (import, object, "unit", error)) ||
          !(definition = get_texts (import, object, "definition", error)) ||
          !get_optional_texts (import, object, "caveats", &caveats, error) ||
          !get_optional_texts (import, object, "break_note", &break_note, error) ||
          !(source_org = get_string (import, object, "source_org", error)) ||
          !(source_url = get_string (import, object, "source_url", error)))
        return FALSE;

      if (!g_strv_contains (unit_kinds, unit_kind))
        return fail (import, error, _("unknown unit kind “%s”"), unit_kind);
      if (g_str_equal (period_kind, "calendar"))
        kind = VECINOS_PERIOD_CALENDAR_YEAR;
      else if (g_str_equal (period_kind, "fiscal"))
        kind = VECINOS_PERIOD_FISCAL_YEAR;
      else
        return fail (import, error, _("“period_kind” must be “calendar” or “fiscal”"));
      if (!is_url (source_url))
        return fail (import, error, _("“source_url” must be a web address"));

      if (!check_new_id (import, import->series, error))
        return FALSE;
      if (!run (import, insert, "sIssss", import->record, category_row, unit_kind, period_kind,
                source_org, source_url))
        return fail_sqlite (import, error);
      row = remember_row (import, import->series);

      for (guint l = 0; import->languages[l] != NULL; l++)
        {
          const char *lang = import->languages[l];

          sqlite3_bind_int64 (insert_text, 1, row);
          sqlite3_bind_text (insert_text, 2, lang, -1, SQLITE_STATIC);
          sqlite3_bind_text (insert_text, 3, text_in (name, lang), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert_text, 4, text_in (unit, lang), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert_text, 5, text_in (definition, lang), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert_text, 6, text_in (caveats, lang), -1, SQLITE_STATIC);
          sqlite3_bind_text (insert_text, 7, text_in (break_note, lang), -1, SQLITE_STATIC);
          if (!run (import, insert_text, "") ||
              !add_to_search (import, "series", lang, text_in (name, lang), text_in (definition, lang)))
            return fail_sqlite (import, error);
        }

      if (!import_points (import, object, row, kind, insert_point, insert_point_text, error))
        return FALSE;
    }

  /* Related series and populations may point forward in the file: link
   * them once all exist */
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = record_at (import, array, i, error);
      gint64 row = GPOINTER_TO_INT (g_hash_table_lookup (import->series, import->record));
      const char *population;
      gint64 population_row;

      if (!link_each (import, object, "related", import->series, _("series"),
                      insert_related, row, FALSE, error))
        return FALSE;
      if (!json_object_has_member (object, "population"))
        continue;
      if (!(population = get_string (import, object, "population", error)) ||
          !resolve (import, import->series, _("series"), population, &population_row, error))
        return FALSE;
      if (!run (import, set_population, "II", population_row, row))
        return fail_sqlite (import, error);
    }
  return TRUE;
}

static gboolean
import_documents (Import  *import,
                  GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) insert_text = NULL;
  JsonArray *array;

  import->file = "documents.json";
  import->kind = _("document");
  if (!(array = read_array (import, &parser, "documents", error)) ||
      !(insert = prepare (import, "INSERT INTO document (slug, title, authors, publisher,"
                                  " published_day, published_precision, date_inferred, url, lang)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error)) ||
      !(insert_text = prepare (import, "INSERT INTO document_text VALUES (?, ?, ?, ?)", error)))
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

      if (!(object = record_at (import, array, i, error)) ||
          !(title = get_string (import, object, "title", error)) ||
          !(publisher = get_string (import, object, "publisher", error)) ||
          !get_date (import, object, "date", FALSE, &date, &has_date, error) ||
          !get_boolean (import, object, "date_inferred", &date_inferred, error) ||
          !get_optional_string (import, object, "url", &url, error) ||
          !(lang = get_string (import, object, "lang", error)) ||
          !(kind = get_texts (import, object, "kind", error)) ||
          !get_optional_texts (import, object, "notes", &notes, error))
        return FALSE;

      if (url != NULL && !is_url (url))
        return fail (import, error, _("“url” must be a web address, or null when the original is not known"));

      /* An empty list says no author could be identified */
      node = json_object_get_member (object, "authors");
      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        return missing (import, "authors", error);
      {
        JsonArray *names = json_node_get_array (node);
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) strv = NULL;

        for (guint a = 0; a < json_array_get_length (names); a++)
          {
            const char *author = json_array_get_string_element (names, a);

            if (author == NULL || *author == '\0')
              return fail (import, error, _("“authors” must list names"));
            g_strv_builder_add (builder, author);
          }
        strv = g_strv_builder_end (builder);
        if (strv[0] != NULL)
          authors = g_strjoinv ("; ", strv);
      }

      if (!check_new_id (import, import->documents, error))
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
      if (!run (import, insert, ""))
        return fail_sqlite (import, error);
      row = remember_row (import, import->documents);

      for (guint l = 0; import->languages[l] != NULL; l++)
        if (!run (import, insert_text, "Isss", row, import->languages[l],
                  text_in (kind, import->languages[l]), text_in (notes, import->languages[l])))
          return fail_sqlite (import, error);
      if (!add_to_search (import, "document", lang, title, authors))
        return fail_sqlite (import, error);
    }
  return TRUE;
}

static gboolean
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
  if (!(array = read_array (import, &parser, "excerpts", error)) ||
      !(insert = prepare (import, "INSERT INTO excerpt (slug, document_id, ordinal, text)"
                                  " VALUES (?, ?, ?, ?)", error)) ||
      !(insert_text = prepare (import, "INSERT INTO excerpt_text VALUES (?, ?, ?)", error)) ||
      !(insert_category = prepare (import, "INSERT INTO excerpt_category VALUES (?, ?)", error)) ||
      !(insert_event = prepare (import, "INSERT INTO event_excerpt VALUES (?, ?)", error)) ||
      !(insert_series = prepare (import, "INSERT INTO series_excerpt VALUES (?, ?)", error)) ||
      !(document_lang = prepare (import, "SELECT lang FROM document WHERE id = ?", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object, *translations;
      const char *document, *text;
      g_autofree char *lang = NULL;
      gint64 document_row, row;
      int ordinal;
      JsonNode *node;

      if (!(object = record_at (import, array, i, error)) ||
          !(document = get_string (import, object, "document", error)) ||
          !resolve (import, import->documents, _("document"), document, &document_row, error) ||
          !(text = get_string (import, object, "text", error)))
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
          JsonNode *translation;

          if (g_strcmp0 (import->languages[l], lang) == 0)
            continue;
          translation = translations ? json_object_get_member (translations, import->languages[l]) : NULL;
          if (translation == NULL || json_node_get_value_type (translation) != G_TYPE_STRING ||
              *json_node_get_string (translation) == '\0')
            {
              g_autofree char *field = g_strdup_printf ("translations.%s", import->languages[l]);
              return missing (import, field, error);
            }
        }

      if (!check_new_id (import, import->excerpts, error))
        return FALSE;
      ordinal = GPOINTER_TO_INT (g_hash_table_lookup (ordinals, GINT_TO_POINTER ((int) document_row))) + 1;
      g_hash_table_insert (ordinals, GINT_TO_POINTER ((int) document_row), GINT_TO_POINTER (ordinal));
      if (!run (import, insert, "sIis", import->record, document_row, ordinal, text))
        return fail_sqlite (import, error);
      row = remember_row (import, import->excerpts);

      /* An excerpt has no title of its own: its words are the body, ranked
       * below a title that says the same */
      if (!add_to_search (import, "excerpt", lang, NULL, text))
        return fail_sqlite (import, error);
      for (guint l = 0; import->languages[l] != NULL; l++)
        {
          const char *translated;

          if (g_strcmp0 (import->languages[l], lang) == 0)
            continue;
          translated = json_object_get_string_member (translations, import->languages[l]);
          if (!run (import, insert_text, "Iss", row, import->languages[l], translated) ||
              !add_to_search (import, "excerpt", import->languages[l], NULL, translated))
            return fail_sqlite (import, error);
        }

      if (!link_each (import, object, "categories", import->categories, _("category"),
                      insert_category, row, FALSE, error) ||
          !link_each (import, object, "events", import->events, _("event"),
                      insert_event, row, TRUE, error) ||
          !link_each (import, object, "series", import->series, _("series"),
                      insert_series, row, TRUE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_claims (Import  *import,
               GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) insert_text = NULL;
  g_autoptr(sqlite3_stmt) excerpt_text = NULL;
  g_autoptr(sqlite3_stmt) find_point = NULL;
  g_autoptr(GHashTable) ordinals = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) claims = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  import->file = "claims.json";
  import->kind = _("claim");
  if (!(array = read_array (import, &parser, "claims", error)) ||
      !(insert = prepare (import, "INSERT INTO claim (excerpt_id, ordinal, text, value, unit,"
                                  " series_id, period_day, measure_differs)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error)) ||
      !(insert_text = prepare (import, "INSERT INTO claim_text VALUES (?, ?, ?)", error)) ||
      !(excerpt_text = prepare (import, "SELECT text FROM excerpt WHERE id = ?", error)) ||
      !(find_point = prepare (import, "SELECT p.period_day FROM point p JOIN series s ON s.id = p.series_id"
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

      if (!(object = record_at (import, array, i, error)) ||
          !(excerpt = get_string (import, object, "excerpt", error)) ||
          !resolve (import, import->excerpts, _("excerpt"), excerpt, &excerpt_row, error) ||
          !(text = get_string (import, object, "text", error)))
        return FALSE;

      /* null: the words give no single number */
      has_value = json_object_get_member (object, "value") != NULL &&
                  !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "value"));
      if ((has_value && !get_number (import, object, "value", &value, error)) ||
          !(unit = get_string (import, object, "unit", error)) ||
          !get_optional_string (import, object, "series", &series, error) ||
          !get_optional_string (import, object, "period", &period, error) ||
          !get_boolean (import, object, "measure_differs", &measure_differs, error) ||
          !get_optional_texts (import, object, "note", &note, error))
        return FALSE;

      sqlite3_bind_int64 (excerpt_text, 1, excerpt_row);
      if (sqlite3_step (excerpt_text) == SQLITE_ROW)
        quoted = strstr ((const char *) sqlite3_column_text (excerpt_text, 0), text) != NULL;
      sqlite3_reset (excerpt_text);
      if (!quoted)
        return fail (import, error, _("its text is not found word for word in its excerpt"));

      if ((series == NULL) != (period == NULL))
        return fail (import, error, _("“series” and “period” go together"));
      if (series != NULL)
        {
          g_autoptr(GError) local_error = NULL;
          gboolean found;

          if (!resolve (import, import->series, _("series"), series, &series_row, error))
            return FALSE;
          if (!vecinos_period_parse (period, g_str_has_prefix (period, "FY") ? VECINOS_PERIOD_FISCAL_YEAR
                                                                            : VECINOS_PERIOD_CALENDAR_YEAR,
                                     &day, &local_error))
            return fail (import, error, "%s", local_error->message);
          sqlite3_bind_int64 (find_point, 1, series_row);
          sqlite3_bind_int (find_point, 2, day);
          found = sqlite3_step (find_point) == SQLITE_ROW;
          sqlite3_reset (find_point);
          if (!found)
            /* Translators: %1$s is a series id, %2$s a period such as "2017" */
            return fail (import, error, _("the series “%1$s” has no figure for %2$s"), series, period);
        }

      if (!check_new_id (import, claims, error))
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
      if (!run (import, insert, ""))
        return fail_sqlite (import, error);
      claim_row = remember_row (import, claims);

      for (guint l = 0; note != NULL && import->languages[l] != NULL; l++)
        if (!run (import, insert_text, "Iss", claim_row, import->languages[l], text_in (note, import->languages[l])))
          return fail_sqlite (import, error);
    }
  return TRUE;
}

static gboolean
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
  if (!(array = read_array (import, &parser, "tours", error)) ||
      !(insert = prepare (import, "INSERT INTO tour (slug) VALUES (?)", error)) ||
      !(insert_text = prepare (import, "INSERT INTO tour_text VALUES (?, ?, ?, ?)", error)) ||
      !(insert_step = prepare (import, "INSERT INTO tour_step VALUES (?, ?, ?, ?)", error)) ||
      !(insert_step_text = prepare (import, "INSERT INTO tour_step_text VALUES (?, ?, ?, ?)", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object, *texts[2];
      JsonArray *steps;
      JsonNode *node;
      gint64 row;

      if (!(object = record_at (import, array, i, error)) ||
          !(texts[0] = get_texts (import, object, "title", error)) ||
          !(texts[1] = get_texts (import, object, "description", error)))
        return FALSE;

      node = json_object_get_member (object, "steps");
      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
          json_array_get_length (steps = json_node_get_array (node)) == 0)
        return missing (import, "steps", error);

      if (!check_new_id (import, tours, error))
        return FALSE;
      if (!run (import, insert, "s", import->record))
        return fail_sqlite (import, error);
      row = remember_row (import, tours);
      if (!insert_texts (import, insert_text, row, texts, 2))
        return fail_sqlite (import, error);

      for (guint s = 0; s < json_array_get_length (steps); s++)
        {
          JsonNode *step_node = json_array_get_element (steps, s);
          JsonObject *step, *text;
          const char *event, *series;
          gint64 event_row, series_row = 0;

          if (!JSON_NODE_HOLDS_OBJECT (step_node))
            return fail (import, error, _("step %u is not an object"), s + 1);
          step = json_node_get_object (step_node);
          if (!(event = get_string (import, step, "event", error)) ||
              !resolve (import, import->events, _("event"), event, &event_row, error) ||
              !get_optional_string (import, step, "series", &series, error) ||
              (series != NULL && !resolve (import, import->series, _("series"), series, &series_row, error)) ||
              !(text = get_texts (import, step, "text", error)))
            return FALSE;

          if (!(series != NULL ? run (import, insert_step, "IiII", row, (int) s + 1, event_row, series_row)
                               : run (import, insert_step, "IiIn", row, (int) s + 1, event_row)))
            return fail_sqlite (import, error);
          for (guint l = 0; import->languages[l] != NULL; l++)
            if (!run (import, insert_step_text, "Iiss", row, (int) s + 1, import->languages[l],
                      text_in (text, import->languages[l])))
              return fail_sqlite (import, error);
        }
    }
  return TRUE;
}

/* Parts of a dataset after the events are optional: a teacher's own
 * dataset may be a timeline only */
static gboolean
import_optional (Import     *import,
                 const char *file,
                 gboolean  (*import_part) (Import *, GError **),
                 GError    **error)
{
  g_autoptr(GFile) child = g_file_get_child (import->directory, file);

  if (!g_file_query_exists (child, NULL))
    return TRUE;
  return import_part (import, error);
}

/**
 * vecinos_importer_import_directory:
 * @db: an empty database, open for writing
 * @directory: a dataset directory (dataset.json, categories.json, …)
 *
 * Creates the schema in @db and imports the dataset into it, all in one
 * transaction: on error nothing is left in @db.
 */
gboolean
vecinos_importer_import_directory (sqlite3  *db,
                                   GFile    *directory,
                                   GError  **error)
{
  g_autoptr(GHashTable) categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) excerpts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *user_version = g_strdup_printf ("PRAGMA user_version = %d", VECINOS_SCHEMA_VERSION);
  Import import = {
    .db = db,
    .directory = directory,
    .categories = categories,
    .events = events,
    .terms = terms,
    .series = series,
    .documents = documents,
    .excerpts = excerpts,
    .file = "",
  };
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (directory), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!exec (&import, "BEGIN", error))
    return FALSE;

  ok = exec (&import, vecinos_schema_sql, error) &&
       exec (&import, user_version, error) &&
       (import.insert_search = prepare (&import, "INSERT INTO search (kind, ref, lang, title, body)"
                                                 " VALUES (?, ?, ?, ?, ?)", error)) != NULL &&
       import_manifest (&import, error) &&
       import_categories (&import, error) &&
       import_terms (&import, error) &&
       import_events (&import, error) &&
       import_optional (&import, "series.json", import_series, error) &&
       import_optional (&import, "documents.json", import_documents, error) &&
       import_optional (&import, "excerpts.json", import_excerpts, error) &&
       import_optional (&import, "claims.json", import_claims, error) &&
       import_optional (&import, "tours.json", import_tours, error) &&
       exec (&import, "COMMIT", error);

  sqlite3_finalize (import.insert_search);
  if (!ok)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);

  g_strfreev (import.languages);
  return ok;
}
