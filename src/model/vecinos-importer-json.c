/* vecinos-importer-json.c — reading the fields of a record
 *
 * The records of an array one by one, and their fields: texts within
 * their limits, every declared language, dates, numbers and values in
 * range, web addresses, and the ids of other records, resolved to rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"
#include <math.h>

#include "vecinos-importer-private.h"

JsonObject *
import_record_at (Import     *import,
                  JsonArray  *array,
                  guint       index,
                  GError    **error)
{
  JsonNode *node = json_array_get_element (array, index);
  JsonObject *object;

  import->record = NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      import_fail (import, error, _("item %u is not an object"), index + 1);
      return NULL;
    }

  object = json_node_get_object (node);
  if (!json_object_has_member (object, "id") ||
      json_node_get_value_type (json_object_get_member (object, "id")) != G_TYPE_STRING ||
      *json_object_get_string_member (object, "id") == '\0')
    {
      import_fail_code (import, error, VECINOS_IMPORT_ERROR_MISSING_FIELD,
                        _("item %u has no “id”"), index + 1);
      return NULL;
    }

  if (strlen (json_object_get_string_member (object, "id")) > VECINOS_TEXT_MAX_SHORT)
    {
      import_fail (import, error,
                   /* Translators: %1$u is a position in a list, %2$u a size in bytes */
                   _("item %1$u has an “id” longer than %2$u bytes"), index + 1, (guint) VECINOS_TEXT_MAX_SHORT);
      return NULL;
    }

  import->record = json_object_get_string_member (object, "id");
  return object;
}

gboolean
import_missing (Import     *import,
                const char *member,
                GError    **error)
{
  return import_fail_code (import, error, VECINOS_IMPORT_ERROR_MISSING_FIELD,
                           /* Translators: %s is the name of a field in the dataset, such as "date" */
                           _("the field “%s” is missing or empty"), member);
}

/* The limit for the text of @member: paragraphs and addresses have the
 * larger one, everything else (titles, names, ids, sources, units…) is
 * shown on one line */
static gsize
text_limit (const char *member)
{
  static const char * const long_texts[] = {
    "summary", "text", "translations", "definition", "caveats", "break_note",
    "note", "notes", "description", NULL
  };
  static const char * const addresses[] = { "url", "source_url", NULL };

  if (g_strv_contains (addresses, member))
    return VECINOS_TEXT_MAX_URL;
  return g_strv_contains (long_texts, member) ? VECINOS_TEXT_MAX_LONG : VECINOS_TEXT_MAX_SHORT;
}

/* Longer than the reader takes: refused rather than cut. (The first pass
 * over the file already holds every text to VECINOS_TEXT_MAX_LONG.) */
gboolean
import_check_length (Import     *import,
                     const char *member,
                     const char *field,
                     const char *text,
                     GError    **error)
{
  gsize limit = text_limit (member);
  gsize length = strlen (text);

  if (length > limit)
    return import_fail (import, error,
                        /* Translators: %1$s is a field such as "title.es", %2$u and
                         * %3$u sizes in bytes */
                        _("“%1$s” is %2$u bytes long; the limit is %3$u"),
                        field, (guint) length, (guint) limit);
  return TRUE;
}

const char *
import_get_string (Import     *import,
                   JsonObject *object,
                   const char *member,
                   GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING ||
      *(value = json_node_get_string (node)) == '\0')
    {
      import_missing (import, member, error);
      return NULL;
    }
  if (!import_check_length (import, member, member, value, error))
    return NULL;
  return value;
}

/* A member that may be absent or null; present, it must be a non-empty string */
gboolean
import_get_optional_string (Import      *import,
                            JsonObject  *object,
                            const char  *member,
                            const char **value,
                            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  return (*value = import_get_string (import, object, member, error)) != NULL;
}

/* { "en": "…", "es": "…" } with every language the dataset declares */
JsonObject *
import_get_texts (Import     *import,
                  JsonObject *object,
                  const char *member,
                  GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonObject *texts;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      import_missing (import, member, error);
      return NULL;
    }

  texts = json_node_get_object (node);
  for (guint i = 0; import->languages[i] != NULL; i++)
    {
      JsonNode *text = json_object_get_member (texts, import->languages[i]);

      g_autofree char *field = g_strdup_printf ("%s.%s", member, import->languages[i]);

      if (text == NULL || json_node_get_value_type (text) != G_TYPE_STRING ||
          (*json_node_get_string (text) == '\0' &&
           !(import->imported && (g_str_equal (member, "summary") || g_str_equal (member, "party")))))
        {
          import_missing (import, field, error);
          return NULL;
        }
      if (!import_check_length (import, member, field, json_node_get_string (text), error))
        return NULL;
    }
  return texts;
}

gboolean
import_get_date (Import      *import,
                 JsonObject  *object,
                 const char  *member,
                 gboolean     required,
                 VecinosDate *date,
                 gboolean    *present,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *text;

  if (!import_get_optional_string (import, object, member, &text, error))
    return FALSE;

  *present = text != NULL;
  if (text == NULL)
    return required ? import_missing (import, member, error) : TRUE;

  if (!vecinos_date_parse (text, date, &local_error))
    return import_fail (import, error, "%s", local_error->message);

  return TRUE;
}

gboolean
import_is_url (const char *text)
{
  return g_str_has_prefix (text, "https://") || g_str_has_prefix (text, "http://");
}

/* An optional { "en": …, "es": … }: absent or null is fine, present it must
 * be complete */
gboolean
import_get_optional_texts (Import      *import,
                           JsonObject  *object,
                           const char  *member,
                           JsonObject **texts,
                           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *texts = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  return (*texts = import_get_texts (import, object, member, error)) != NULL;
}

const char *
import_text_in (JsonObject *texts,
                const char *lang)
{
  return texts != NULL ? json_object_get_string_member (texts, lang) : NULL;
}

gboolean
import_get_boolean (Import     *import,
                    JsonObject *object,
                    const char *member,
                    gboolean   *value,
                    GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    /* Translators: %s is the name of a field in the dataset */
    return import_fail (import, error, _("“%s” must be true or false"), member);
  *value = json_node_get_boolean (node);
  return TRUE;
}

/* The largest magnitude of a value in @unit: VECINOS_MAX_MAGNITUDE in the
 * unit's base, so that a unit kind in millions has a bound a million times
 * smaller. A claim's unit is free text and gets the plain bound. */
static double
max_magnitude (const char *unit)
{
  if (g_strcmp0 (unit, "usd_millions") == 0 || g_strcmp0 (unit, "millions") == 0)
    return VECINOS_MAX_MAGNITUDE / 1e6;
  if (g_strcmp0 (unit, "usd_billions") == 0)
    return VECINOS_MAX_MAGNITUDE / 1e9;
  return VECINOS_MAX_MAGNITUDE;
}

/* A chart cannot scale to an infinite or absurd value, nor a reader
 * believe one: refused with the value named. @period names the point, or
 * is NULL for a claim. */
gboolean
import_check_value (Import     *import,
                    const char *period,
                    double      value,
                    const char *unit,
                    GError    **error)
{
  char shown[G_ASCII_DTOSTR_BUF_SIZE], limit[G_ASCII_DTOSTR_BUF_SIZE];
  double bound = max_magnitude (unit);

  g_ascii_formatd (shown, sizeof shown, "%g", value);
  g_ascii_formatd (limit, sizeof limit, "%g", bound);
  if (!isfinite (value))
    return period != NULL
           /* Translators: %1$s is a period such as "2017", %2$s a value such as "inf" */
           ? import_fail (import, error, _("the value for %1$s is not a finite number (%2$s)"), period, shown)
           /* Translators: %s is a value such as "inf" */
           : import_fail (import, error, _("the value is not a finite number (%s)"), shown);
  if (fabs (value) > bound)
    return period != NULL
           /* Translators: %1$s is a period such as "2017", %2$s a value such
            * as "1e+300", %3$s the largest one allowed, %4$s a unit kind
            * such as "count" */
           ? import_fail (import, error, _("the value for %1$s, %2$s, is out of range: the limit for “%4$s” is ±%3$s"),
                          period, shown, limit, unit)
           /* Translators: %1$s is a value such as "1e+300", %2$s the largest one allowed */
           : import_fail (import, error, _("the value %1$s is out of range: the limit is ±%2$s"), shown, limit);
  return TRUE;
}

gboolean
import_get_number (Import     *import,
                   JsonObject *object,
                   const char *member,
                   double     *value,
                   GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type = node != NULL ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return import_missing (import, member, error);
  *value = json_node_get_double (node);
  return TRUE;
}

/* The row of a record another one points at, or an error naming it */
gboolean
import_resolve (Import     *import,
                GHashTable *ids,
                const char *kind,
                const char *id,
                gint64     *row,
                GError    **error)
{
  gpointer value;

  if (id == NULL || !g_hash_table_lookup_extended (ids, id, NULL, &value))
    return import_fail_code (import, error, VECINOS_IMPORT_ERROR_UNKNOWN_REFERENCE,
                             /* Translators: %1$s is a kind of record ("event"), %2$s its id */
                             _("it points at the %1$s “%2$s”, which does not exist"), kind, id ? id : "");
  *row = GPOINTER_TO_INT (value);
  return TRUE;
}

/* An optional array of ids of @kind records: inserts (row, each) with @insert */
gboolean
import_link_each (Import       *import,
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
    return import_fail (import, error, _("“%s” must be a list of ids"), member);

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gint64 other;

      if (!import_resolve (import, ids, kind, json_array_get_string_element (array, i), &other, error))
        return FALSE;
      if (!(reversed ? import_run (import, insert, "II", other, row) : import_run (import, insert, "II", row, other)))
        return import_fail (import, error, _("“%s” lists the same id twice"), member);
    }
  return TRUE;
}
