/* test-dataset.c — the compiler and the dataset: round trip, rejected
 * input, and every way a dataset file can fail to open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-test.h"

#include <glib/gi18n.h>
#include <math.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "vecinos-dataset.h"
#include "vecinos-dataset-private.h"
#include "vecinos-event-list.h"
#include "vecinos-language.h"
#include "vecinos-event.h"
#include "vecinos-importer.h"
#include "vecinos-search.h"
#include "vecinos-timelinejs.h"
#include "vecinos-schema.h"

static const char *compiled_dataset;  /* the mini dataset, compiled by the build */
static const char *source_dir;        /* tests/data/mini */
static const char *compiler;          /* vecinos-compile */

/* --- Round trip: JSON → database → the same records back --- */

static JsonArray *
load_source_events (JsonParser *parser)
{
  g_autofree char *path = g_build_filename (source_dir, "events.json", NULL);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "events");
}

static VecinosEvent *
find_event (GListModel *events,
            const char *slug)
{
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (events, i);

      if (g_str_equal (vecinos_event_get_slug (event), slug))
        return event;
    }
  return NULL;
}

static void
assert_round_trip (VecinosDataset *dataset,
                   const char     *lang)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *source = load_source_events (parser);

  events = vecinos_dataset_list_events (dataset, lang, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, json_array_get_length (source));

  for (guint i = 0; i < json_array_get_length (source); i++)
    {
      JsonObject *record = json_array_get_object_element (source, i);
      const char *slug = json_object_get_string_member (record, "id");
      VecinosEvent *event = find_event (events, slug);
      JsonArray *sources = json_object_get_array_member (record, "sources");
      GPtrArray *read_sources;
      g_autofree char *start = NULL;

      g_assert_nonnull (event);
      g_assert_cmpstr (vecinos_event_get_title (event), ==,
                       json_object_get_string_member (json_object_get_object_member (record, "title"), lang));
      g_assert_cmpstr (vecinos_event_get_summary (event), ==,
                       json_object_get_string_member (json_object_get_object_member (record, "summary"), lang));
      g_assert_cmpstr (vecinos_event_get_category (event), ==,
                       json_object_get_string_member (record, "category"));
      g_assert_cmpint (vecinos_event_get_importance (event), ==,
                       json_object_get_int_member (record, "importance"));

      start = vecinos_date_to_iso (vecinos_event_get_start (event));
      g_assert_cmpstr (start, ==, json_object_get_string_member (record, "date"));
      if (json_object_has_member (record, "end_date"))
        {
          g_autofree char *end = vecinos_date_to_iso (vecinos_event_get_end (event));
          g_assert_cmpstr (end, ==, json_object_get_string_member (record, "end_date"));
        }
      else
        g_assert_null (vecinos_event_get_end (event));

      read_sources = vecinos_event_get_sources (event);
      g_assert_cmpuint (read_sources->len, ==, json_array_get_length (sources));
      for (guint s = 0; s < read_sources->len; s++)
        {
          const VecinosSource *read = g_ptr_array_index (read_sources, s);
          JsonObject *expected = json_array_get_object_element (sources, s);

          g_assert_cmpstr (read->name, ==, json_object_get_string_member (expected, "name"));
          g_assert_cmpstr (read->url, ==, json_object_get_string_member (expected, "url"));
        }
    }
}

static void
test_round_trip_compiled (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (compiled_dataset);
  g_autoptr(GError) error = NULL;
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, &error);
  const char * const *languages;

  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  languages = vecinos_dataset_get_languages (dataset);
  g_assert_cmpstr (languages[0], ==, "en");
  g_assert_cmpstr (languages[1], ==, "es");
  g_assert_null (languages[2]);

  assert_round_trip (dataset, "en");
  assert_round_trip (dataset, "es");

  g_assert_cmpuint (vecinos_dataset_count (dataset, "category"), ==, 2);
  g_assert_cmpuint (vecinos_dataset_count (dataset, "term"), ==, 2);
  g_assert_cmpuint (vecinos_dataset_count (dataset, "event"), ==, 5);
  g_assert_cmpuint (vecinos_dataset_count (dataset, "event_source"), ==, 6);
  /* One search row per event and language, series and language, document,
   * and excerpt in each language */
  g_assert_cmpuint (vecinos_dataset_count (dataset, "search"), ==, 10 + 4 + 2 + 6);

  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_terms_and_categories (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (compiled_dataset);
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, NULL);
  g_autoptr(GPtrArray) terms = vecinos_dataset_list_terms (dataset, "es");
  g_autoptr(GPtrArray) categories = vecinos_dataset_list_categories (dataset, "es");
  VecinosTerm *term;
  VecinosCategory *category;

  g_assert_cmpuint (terms->len, ==, 2);
  term = g_ptr_array_index (terms, 0);
  g_assert_cmpstr (term->country, ==, "us");
  g_assert_cmpstr (term->person, ==, "Bill Clinton");
  g_assert_cmpstr (term->short_name, ==, "Clinton");
  g_assert_cmpstr (term->party, ==, "Demócrata");
  g_assert_cmpint (term->start, ==, vecinos_test_day ("1993-01-20"));
  g_assert_cmpint (term->end, ==, vecinos_test_day ("2001-01-20"));
  g_assert_false (term->in_progress);
  g_assert_cmpint (vecinos_term_get_end (term), ==, term->end);
  term = g_ptr_array_index (terms, 1);
  g_assert_cmpstr (term->country, ==, "mx");
  /* Without "short", the band falls back to the full name */
  g_assert_cmpstr (term->short_name, ==, "Claudia Sheinbaum");
  g_assert_true (term->in_progress);
  g_assert_cmpint (vecinos_term_get_end (term), ==, vecinos_date_today ());

  g_assert_cmpuint (categories->len, ==, 2);
  category = g_ptr_array_index (categories, 0);
  g_assert_cmpstr (category->slug, ==, "trade");
  g_assert_cmpstr (category->name, ==, "Comercio");
  g_assert_cmpstr (category->color, ==, "#E69F00");
}

static void
test_round_trip_in_memory (void)
{
  g_autoptr(GFile) directory = g_file_new_for_path (source_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_from_directory (directory, &error);

  g_assert_no_error (error);
  assert_round_trip (dataset, "es");
}

static void
test_events_sorted_by_date (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (compiled_dataset);
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, NULL);
  g_autoptr(GListModel) events = vecinos_dataset_list_events (dataset, "en", NULL);
  const char *expected[] = { "bracero", "water-treaty", "hold-the-line", "nafta-in-force", "sheinbaum-takes-office" };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (events, i);
      g_assert_cmpstr (vecinos_event_get_slug (event), ==, expected[i]);
    }
}

static void
test_unknown_language_falls_back (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (compiled_dataset);
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, NULL);
  g_autoptr(GListModel) events = vecinos_dataset_list_events (dataset, "fr", NULL);
  g_autoptr(VecinosEvent) event = g_list_model_get_item (events, 3);

  g_assert_cmpstr (vecinos_event_get_title (event), ==, "NAFTA enters into force");
  g_assert_cmpstr (vecinos_event_get_category_name (event), ==, "Trade");
}

static void
test_search_ignores_diacritics (void)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (compiled_dataset, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT ref FROM search WHERE search MATCH 'Lopez' AND lang = 'en'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "sheinbaum-takes-office");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}


/* --- Series, documents, excerpts, claims and tours in the compiled file --- */

static int
query_int (const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (compiled_dataset, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_series_compiled (void)
{
  g_assert_cmpint (query_int ("SELECT count(*) FROM series"), ==, 2);
  g_assert_cmpint (query_int ("SELECT count(*) FROM point"), ==, 3);
  /* One note, in both languages */
  g_assert_cmpint (query_int ("SELECT count(*) FROM point_text"), ==, 2);
  g_assert_cmpint (query_int ("SELECT count(*) FROM series_text WHERE caveats IS NOT NULL"), ==, 2);
  g_assert_cmpint (query_int ("SELECT count(*) FROM series_related"), ==, 1);
  /* The preliminary flag is kept */
  g_assert_cmpint (query_int ("SELECT preliminary FROM point WHERE value = 33241"), ==, 1);
  g_assert_cmpint (query_int ("SELECT preliminary FROM point WHERE value = 25967"), ==, 0);
  /* A calendar year starts on 1 January, a fiscal year on 1 October before */
  g_assert_cmpint (query_int ("SELECT period_day FROM point WHERE value = 25967"), ==, vecinos_test_day ("2012-01-01"));
  g_assert_cmpint (query_int ("SELECT period_day FROM point WHERE value = 400"), ==, vecinos_test_day ("2007-10-01"));
  g_assert_cmpint (query_int ("SELECT count(*) FROM series WHERE frequency = 'fiscal'"), ==, 1);

  {
    g_autoptr(GFile) file = g_file_new_for_path (compiled_dataset);
    g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, NULL);
    g_auto(GStrv) organisations = vecinos_dataset_list_source_organisations (dataset);

    g_assert_cmpuint (g_strv_length (organisations), ==, 2);
    g_assert_cmpstr (organisations[0], ==, "CRS https://crsreports.congress.gov/");
    g_assert_cmpstr (organisations[1], ==, "INEGI https://www.inegi.org.mx/");
  }
  /* The bundled dataset's organisations link to their sites: the About
   * dialog showed a release's long address as text, as wide as the screen */
  {
    g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("VECINOS_BUNDLED_DATASET"));
    g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, NULL);
    g_auto(GStrv) organisations = vecinos_dataset_list_source_organisations (dataset);

    g_assert_cmpuint (g_strv_length (organisations), >, 10);
    for (guint i = 0; organisations[i] != NULL; i++)
      {
        const char *address = strrchr (organisations[i], ' ');

        g_assert_nonnull (address);
        g_assert_true (g_regex_match_simple ("^ https?://[^/?#]+/$", address, 0, 0));
      }
  }
  /* The publishers of its publishers.json, by kind, by name, each with its
   * home (http for one that serves only http) */
  {
    g_autoptr(GFile) file = g_file_new_for_path (compiled_dataset);
    g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, NULL);
    g_auto(GStrv) archives = vecinos_dataset_list_publishers (dataset, "archive");
    g_auto(GStrv) governments = vecinos_dataset_list_publishers (dataset, "government");
    g_auto(GStrv) academic = vecinos_dataset_list_publishers (dataset, "academic");

    g_assert_cmpuint (g_strv_length (archives), ==, 2);
    g_assert_cmpstr (archives[0], ==, "An Old Archive http://old.example.net/");
    g_assert_cmpstr (archives[1], ==, "Example Archive https://example.org/");
    g_assert_cmpuint (g_strv_length (governments), ==, 4);
    g_assert_cmpstr (governments[0], ==, "Diario Oficial de la Federación https://www.dof.gob.mx/");
    g_assert_cmpuint (g_strv_length (academic), ==, 0);
  }
}

static void
test_documents_compiled (void)
{
  g_assert_cmpint (query_int ("SELECT count(*) FROM document"), ==, 2);
  /* No author identified and no original address: NULL, never invented */
  g_assert_cmpint (query_int ("SELECT authors IS NULL AND url IS NULL AND date_inferred FROM document"
                              " WHERE slug = 'doc-b'"), ==, 1);
  g_assert_cmpint (query_int ("SELECT published_precision FROM document WHERE slug = 'doc-b'"), ==,
                   VECINOS_DATE_PRECISION_MONTH);
  g_assert_cmpint (query_int ("SELECT count(*) FROM excerpt"), ==, 3);
  g_assert_cmpint (query_int ("SELECT ordinal FROM excerpt WHERE slug = 'a-2'"), ==, 2);
  g_assert_cmpint (query_int ("SELECT ordinal FROM excerpt WHERE slug = 'b-1'"), ==, 1);
  /* Every excerpt has the Spanish translation, and only that */
  g_assert_cmpint (query_int ("SELECT count(*) FROM excerpt_text WHERE lang = 'es'"), ==, 3);
  g_assert_cmpint (query_int ("SELECT count(*) FROM excerpt_text WHERE lang = 'en'"), ==, 0);
  g_assert_cmpint (query_int ("SELECT count(*) FROM event_excerpt"), ==, 2);
  g_assert_cmpint (query_int ("SELECT count(*) FROM series_excerpt"), ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM excerpt_category"), ==, 4);
}

static void
test_claims_and_tours_compiled (void)
{
  g_assert_cmpint (query_int ("SELECT count(*) FROM claim"), ==, 2);
  g_assert_cmpint (query_int ("SELECT value FROM claim WHERE text = '26,037 in 2012'"), ==, 26037);
  g_assert_cmpint (query_int ("SELECT measure_differs FROM claim WHERE text = '26,037 in 2012'"), ==, 1);
  /* The claim is checked against the official figure of the same period */
  g_assert_cmpint (query_int ("SELECT p.value FROM claim c JOIN point p"
                              " ON p.series_id = c.series_id AND p.period_day = c.period_day"), ==, 25967);
  /* "keep growing" gives no single number */
  g_assert_cmpint (query_int ("SELECT value FROM claim WHERE text = 'keep growing'"), ==, -1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM claim_text"), ==, 2);
  g_assert_cmpint (query_int ("SELECT count(*) FROM tour"), ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM tour_step"), ==, 3);
  g_assert_cmpint (query_int ("SELECT count(*) FROM tour_step_text"), ==, 6);
}

static void
test_search_both_languages (void)
{
  g_assert_cmpint (query_int ("SELECT count(*) FROM search WHERE search MATCH 'remesas' AND kind = 'excerpt'"), ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM search WHERE search MATCH 'remittances' AND kind = 'excerpt'"), ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM search WHERE search MATCH 'homicidio*' AND kind = 'series'"), ==, 1);
  g_assert_cmpint (query_int ("SELECT count(*) FROM search WHERE search MATCH 'Merida' AND kind = 'series'"), ==, 2);
}

/* --- Rejected input: one broken record at a time --- */

typedef struct {
  const char *name;
  const char *file;      /* the file to replace in a copy of the mini dataset */
  const char *contents;
  int         code;
  const char *expected;  /* must appear in the message */
} BadInput;

#define EVENT(fields) "{\"events\": [{" fields "}]}"
#define GOOD_TEXTS "\"title\": {\"en\": \"T\", \"es\": \"T\"}, \"summary\": {\"en\": \"S\", \"es\": \"S\"}"
#define GOOD_SOURCES "\"sources\": [{\"name\": \"N\", \"url\": \"https://example.org/\"}]"
#define GOOD_EVENT(id, date) "\"id\": \"" id "\", \"date\": \"" date "\", \"category\": \"trade\", \"importance\": 1, \"actors\": [\"us\"], " GOOD_TEXTS ", " GOOD_SOURCES

#define GOOD_STEP_TEXT "\"text\": {\"en\": \"T\", \"es\": \"T\"}"
#define TOUR(steps) "{\"tours\": [{\"id\": \"t\", \"title\": {\"en\": \"T\", \"es\": \"T\"}," \
                    " \"description\": {\"en\": \"D\", \"es\": \"D\"}, \"steps\": [" steps "]}]}"

static const BadInput bad_inputs[] = {
  { "bad-date", "events.json", EVENT (GOOD_EVENT ("e1", "1994-02-30")),
    VECINOS_IMPORT_ERROR_INVALID_VALUE, "events.json: event “e1”: “1994-02-30” is not a valid date" },
  { "missing-date", "events.json",
    EVENT ("\"id\": \"e1\", \"category\": \"trade\", \"importance\": 1, \"actors\": [\"us\"], " GOOD_TEXTS ", " GOOD_SOURCES),
    VECINOS_IMPORT_ERROR_MISSING_FIELD, "events.json: event “e1”: the field “date” is missing" },
  { "unknown-category", "events.json",
    EVENT ("\"id\": \"e1\", \"date\": \"1994\", \"category\": \"sports\", \"importance\": 1, \"actors\": [\"us\"], " GOOD_TEXTS ", " GOOD_SOURCES),
    VECINOS_IMPORT_ERROR_UNKNOWN_REFERENCE, "events.json: event “e1”: unknown category “sports”" },
  { "duplicate-id", "events.json",
    "{\"events\": [{" GOOD_EVENT ("e1", "1994") "}, {" GOOD_EVENT ("e1", "1995") "}]}",
    VECINOS_IMPORT_ERROR_DUPLICATE_ID, "events.json: event “e1”: the id is used twice" },
  { "missing-spanish", "events.json",
    EVENT ("\"id\": \"e1\", \"date\": \"1994\", \"category\": \"trade\", \"importance\": 1, \"actors\": [\"us\"],"
           " \"title\": {\"en\": \"T\"}, \"summary\": {\"en\": \"S\", \"es\": \"S\"}, " GOOD_SOURCES),
    VECINOS_IMPORT_ERROR_MISSING_FIELD, "events.json: event “e1”: the field “title.es” is missing" },
  { "no-sources", "events.json",
    EVENT ("\"id\": \"e1\", \"date\": \"1994\", \"category\": \"trade\", \"importance\": 1, \"actors\": [\"us\"], " GOOD_TEXTS ", \"sources\": []"),
    VECINOS_IMPORT_ERROR_MISSING_FIELD, "events.json: event “e1”: the field “sources” is missing" },
  { "source-without-url", "events.json",
    EVENT ("\"id\": \"e1\", \"date\": \"1994\", \"category\": \"trade\", \"importance\": 1, \"actors\": [\"us\"], " GOOD_TEXTS ","
           " \"sources\": [{\"name\": \"N\", \"url\": \"example.org\"}]"),
    VECINOS_IMPORT_ERROR_INVALID_VALUE, "events.json: event “e1”: source 1 has no web address" },
  { "bad-importance", "events.json",
    EVENT ("\"id\": \"e1\", \"date\": \"1994\", \"category\": \"trade\", \"importance\": 4, \"actors\": [\"us\"], " GOOD_TEXTS ", " GOOD_SOURCES),
    VECINOS_IMPORT_ERROR_INVALID_VALUE, "events.json: event “e1”: “importance” must be 1, 2 or 3" },
  { "ends-before-start", "events.json",
    EVENT (GOOD_EVENT ("e1", "1994-05-01") ", \"end_date\": \"1994-04\""),
    VECINOS_IMPORT_ERROR_INVALID_VALUE, "events.json: event “e1”: the event ends before it starts" },
  { "no-id", "events.json", EVENT ("\"date\": \"1994\""),
    VECINOS_IMPORT_ERROR_MISSING_FIELD, "events.json: item 1 has no “id”" },
  { "not-json", "events.json", "{\"events\": [",
    VECINOS_IMPORT_ERROR_INVALID_JSON, "events.json: " },
  { "wrong-shape", "events.json", "[1, 2, 3]",
    VECINOS_IMPORT_ERROR_INVALID_JSON, "events.json: expected an object with an array “events”" },
  { "bad-color", "categories.json",
    "{\"categories\": [{\"id\": \"trade\", \"color\": \"orange\", \"name\": {\"en\": \"Trade\", \"es\": \"Comercio\"}}]}",
    VECINOS_IMPORT_ERROR_INVALID_VALUE, "categories.json: category “trade”: “color” must be written #RRGGBB" },
  { "claim-not-quoted", "claims.json",
    "{\"claims\": [{\"id\": \"c\", \"excerpt\": \"a-1\", \"text\": \"27,000\", \"value\": 27000, \"unit\": \"persons\","
    " \"series\": null, \"period\": null, \"measure_differs\": false}]}",
    VECINOS_IMPORT_ERROR_INVALID_VALUE, "claims.json: claim “c”: its text is not found word for word in its excerpt" },
  { "claim-period-missing", "claims.json",
    "{\"claims\": [{\"id\": \"c\", \"excerpt\": \"a-1\", \"text\": \"26,037\", \"value\": 26037, \"unit\": \"persons\","
    " \"series\": \"mx_homicides\", \"period\": \"2013\", \"measure_differs\": false}]}",
    VECINOS_IMPORT_ERROR_INVALID_VALUE, "claims.json: claim “c”: the series “mx_homicides” has no figure for 2013" },
  { "excerpt-untranslated", "excerpts.json",
    "{\"excerpts\": [{\"id\": \"x\", \"document\": \"doc-a\", \"text\": \"Words.\", \"categories\": []}]}",
    VECINOS_IMPORT_ERROR_MISSING_FIELD, "excerpts.json: excerpt “x”: the field “translations.es” is missing" },
  { "excerpt-unknown-event", "excerpts.json",
    "{\"excerpts\": [{\"id\": \"x\", \"document\": \"doc-a\", \"text\": \"Words.\", \"translations\": {\"es\": \"Palabras.\"},"
    " \"events\": [\"moon-landing\"]}]}",
    VECINOS_IMPORT_ERROR_UNKNOWN_REFERENCE, "excerpts.json: excerpt “x”: it points at the event “moon-landing”, which does not exist" },
  { "fiscal-in-calendar-series", "series.json",
    "{\"series\": [{\"id\": \"s\", \"category\": \"trade\", \"unit_kind\": \"count\", \"period_kind\": \"calendar\","
    " \"unit\": {\"en\": \"u\", \"es\": \"u\"}, \"name\": {\"en\": \"n\", \"es\": \"n\"},"
    " \"definition\": {\"en\": \"d\", \"es\": \"d\"}, \"source_org\": \"O\", \"source_url\": \"https://example.org/\","
    " \"points\": [{\"period\": \"FY2017\", \"value\": 1, \"preliminary\": false, \"source\": \"O\","
    " \"source_url\": \"https://example.org/\"}]}]}",
    VECINOS_IMPORT_ERROR_INVALID_VALUE, "series.json: series “s”: “FY2017” is not a calendar year" },
  { "point-without-source", "series.json",
    "{\"series\": [{\"id\": \"s\", \"category\": \"trade\", \"unit_kind\": \"count\", \"period_kind\": \"calendar\","
    " \"unit\": {\"en\": \"u\", \"es\": \"u\"}, \"name\": {\"en\": \"n\", \"es\": \"n\"},"
    " \"definition\": {\"en\": \"d\", \"es\": \"d\"}, \"source_org\": \"O\", \"source_url\": \"https://example.org/\","
    " \"points\": [{\"period\": \"2017\", \"value\": 1, \"preliminary\": false}]}]}",
    VECINOS_IMPORT_ERROR_MISSING_FIELD, "series.json: series “s”: the field “source” is missing" },
  /* A tour step: every reference checked, the step named */
  { "tour-compare-without-series", "tours.json",
    TOUR ("{\"event\": \"nafta-in-force\", \"compare\": \"merida_funding\", " GOOD_STEP_TEXT "}"),
    VECINOS_IMPORT_ERROR_INVALID_VALUE, "tours.json: tour “t, step 1”: “compare” needs a “series” to compare with" },
  { "tour-unknown-excerpt", "tours.json",
    TOUR ("{\"event\": \"nafta-in-force\", " GOOD_STEP_TEXT "}, {\"event\": \"nafta-in-force\", \"excerpt\": \"z-9\", " GOOD_STEP_TEXT "}"),
    VECINOS_IMPORT_ERROR_UNKNOWN_REFERENCE,
    "tours.json: tour “t, step 2”: it points at the excerpt “z-9”, which does not exist" },
  { "tour-half-range", "tours.json",
    TOUR ("{\"event\": \"nafta-in-force\", \"from\": \"1990\", " GOOD_STEP_TEXT "}"),
    VECINOS_IMPORT_ERROR_INVALID_VALUE, "tours.json: tour “t, step 1”: the days shown need both “from” and “to”" },
  { "tour-range-backwards", "tours.json",
    TOUR ("{\"event\": \"nafta-in-force\", \"from\": \"2000\", \"to\": \"1990\", " GOOD_STEP_TEXT "}"),
    VECINOS_IMPORT_ERROR_INVALID_VALUE, "tours.json: tour “t, step 1”: “to” must come after “from”" },
  { "tour-bad-view", "tours.json",
    TOUR ("{\"event\": \"nafta-in-force\", \"view\": \"map\", " GOOD_STEP_TEXT "}"),
    VECINOS_IMPORT_ERROR_INVALID_VALUE, "tours.json: tour “t, step 1”: “view” must be timeline, charts or documents, not “map”" },
  { "tour-charts-without-series", "tours.json",
    TOUR ("{\"event\": \"nafta-in-force\", \"view\": \"charts\", " GOOD_STEP_TEXT "}"),
    VECINOS_IMPORT_ERROR_INVALID_VALUE, "tours.json: tour “t, step 1”: the charts view needs a “series”" },
  { "bad-country", "terms.json",
    "{\"terms\": [{\"id\": \"t\", \"country\": \"ca\", \"person\": \"P\", \"party\": {\"en\": \"X\", \"es\": \"X\"}, \"start\": \"2000\"}]}",
    VECINOS_IMPORT_ERROR_INVALID_VALUE, "terms.json: term “t”: the country must be “us” or “mx”" },
};

static char *
copy_mini_dataset (const BadInput *bad)
{
  g_autoptr(GError) error = NULL;
  char *directory = g_dir_make_tmp ("vecinos-bad-XXXXXX", &error);
  const char *files[] = { "dataset.json", "categories.json", "terms.json", "events.json", "series.json",
                          "documents.json", "excerpts.json", "claims.json", "tours.json" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *from = g_build_filename (source_dir, files[i], NULL);
      g_autofree char *to = g_build_filename (directory, files[i], NULL);
      g_autofree char *contents = NULL;

      if (g_str_equal (files[i], bad->file))
        contents = g_strdup (bad->contents);
      else
        g_file_get_contents (from, &contents, NULL, &error);
      g_assert_no_error (error);
      g_file_set_contents (to, contents, -1, &error);
      g_assert_no_error (error);
    }
  return directory;
}

static void
remove_directory (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_unlink (path);
    }
  g_rmdir (directory);
}

static void
test_bad_input (gconstpointer data)
{
  const BadInput *bad = data;
  g_autofree char *directory = copy_mini_dataset (bad);
  g_autoptr(GFile) file = g_file_new_for_path (directory);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_false (vecinos_importer_import_directory (db, file, &error));
  g_assert_error (error, VECINOS_IMPORT_ERROR, bad->code);
  if (strstr (error->message, bad->expected) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, bad->expected);

  /* Nothing is left behind: the whole import was rolled back */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_schema", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  remove_directory (directory);
}

static void
test_compiler_fails_cleanly (void)
{
  const BadInput *bad = &bad_inputs[0];
  g_autofree char *directory = copy_mini_dataset (bad);
  g_autofree char *output = g_build_filename (g_get_tmp_dir (), "vecinos-test-bad.sqlite", NULL);
  g_autofree char *partial = g_strconcat (output, ".part", NULL);
  g_autofree char *standard_error = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { compiler, directory, output, NULL };
  int status;

  g_unlink (output);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &standard_error, &status, &error));
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (standard_error, "events.json: event “e1”: “1994-02-30” is not a valid date"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  remove_directory (directory);
}

/* --- Opening a dataset file that is wrong --- */

static char *
copy_compiled_dataset (const char *name)
{
  g_autofree char *contents = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  gsize length;

  g_assert_true (g_file_get_contents (compiled_dataset, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static void
assert_open_fails (const char *path,
                   int         code,
                   const char *expected)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, &error);

  g_assert_null (dataset);
  g_assert_error (error, VECINOS_DATASET_ERROR, code);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, expected);
}

static void
test_open_missing (void)
{
  assert_open_fails ("/nonexistent/vecinos.sqlite", VECINOS_DATASET_ERROR_NOT_FOUND,
                     "The dataset “/nonexistent/vecinos.sqlite” does not exist");
}

static void
test_open_not_sqlite (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "vecinos-not-sqlite.sqlite", NULL);

  g_assert_true (g_file_set_contents (path, "This is a lesson plan, not a database.\n", -1, NULL));
  assert_open_fails (path, VECINOS_DATASET_ERROR_NOT_A_DATABASE, "is not a Vecinos dataset");
  g_unlink (path);

  assert_open_fails (g_get_tmp_dir (), VECINOS_DATASET_ERROR_NOT_A_DATABASE, "is not a Vecinos dataset");
}

static void
test_open_other_database (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "vecinos-other.sqlite", NULL);
  sqlite3 *db = NULL;

  g_unlink (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE grades (student, grade)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_open_fails (path, VECINOS_DATASET_ERROR_NOT_A_DATABASE, "is a database, but not a Vecinos dataset");
  g_unlink (path);
}

static void
test_open_corrupt (void)
{
  g_autofree char *path = copy_compiled_dataset ("vecinos-corrupt.sqlite");
  g_autofree char *contents = NULL;
  gsize length;

  /* Keep the header (page 1) and scribble over every page after it */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char) (i * 37);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  assert_open_fails (path, VECINOS_DATASET_ERROR_CORRUPT, "is damaged and cannot be read");
  g_unlink (path);
}

static void
test_open_truncated (void)
{
  g_autofree char *path = copy_compiled_dataset ("vecinos-truncated.sqlite");
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));

  assert_open_fails (path, VECINOS_DATASET_ERROR_CORRUPT, "is damaged and cannot be read");
  g_unlink (path);
}

/* A page more or less than the header says, found without reading the
 * pages (no quick_check at open) */
static void
test_open_wrong_length (void)
{
  g_autofree char *path = copy_compiled_dataset ("vecinos-wrong-length.sqlite");
  g_autofree char *contents = NULL;
  g_autofree char *longer = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length % 4096, ==, 0);
  g_assert_true (g_file_set_contents (path, contents, length - 4096, NULL));
  assert_open_fails (path, VECINOS_DATASET_ERROR_CORRUPT, "is damaged and cannot be read");

  longer = g_malloc0 (length + 4096);
  memcpy (longer, contents, length);
  g_assert_true (g_file_set_contents (path, longer, length + 4096, NULL));
  assert_open_fails (path, VECINOS_DATASET_ERROR_CORRUPT, "is damaged and cannot be read");

  /* The same bytes at their length open */
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, &error);

    g_assert_no_error (error);
    g_assert_nonnull (dataset);
  }
  g_unlink (path);
}

static void
test_open_other_version (void)
{
  g_autofree char *path = copy_compiled_dataset ("vecinos-version.sqlite");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_open_fails (path, VECINOS_DATASET_ERROR_VERSION,
                     "was made for another version of Vecinos (dataset format 99; this version reads format " G_STRINGIFY (VECINOS_SCHEMA_VERSION) ")");
  g_unlink (path);
}

static VecinosDataset *
open_compiled (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (compiled_dataset);
  g_autoptr(GError) error = NULL;
  VecinosDataset *dataset = vecinos_dataset_new_for_file (file, &error);

  g_assert_no_error (error);
  return dataset;
}

static void
test_format_number (void)
{
  static const struct { double value; const char *text; } cases[] = {
    { 0, "0" }, { 7, "7" }, { 999, "999" }, { 1000, "1,000" }, { 32082, "32,082" },
    { 1734686, "1,734,686" }, { 639.2, "639.2" }, { 14699.88, "14,699.88" },
    { 58867.8, "58,867.8" }, { 2.97, "2.97" }, { 25.90, "25.9" }, { -6.3, "−6.3" },
    { 126.0, "126" }, { 0.004, "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = vecinos_format_number (cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_value (void)
{
  static const struct { double value; const char *kind, *unit, *en, *es; } cases[] = {
    { 720, "usd_millions", "millions of U.S. dollars", "US$720 million", "720 millones de dólares" },
    { 25967, "count", "people", "25,967 people", "25,967 people" },
    { 4.3, "millions", "millions of people", "4.3 million people", "4.3 millones de personas" },
    { 1.5, "percent", "percent change", "1.5%", "1.5 %" },
    { 135, "rank", "rank", "place 135", "lugar 135" },
    { 29, "score", "score", "a score of 29", "una puntuación de 29" },
    { 28000, "hectares", "hectares", "28,000 hectares", "28,000 hectares" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *en = vecinos_format_value (cases[i].value, cases[i].kind, cases[i].unit);
      g_autofree char *es = NULL;

      vecinos_language_use ("es");
      es = vecinos_format_value (cases[i].value, cases[i].kind, cases[i].unit);
      vecinos_language_use ("en");
      g_assert_cmpstr (en, ==, cases[i].en);
      g_assert_cmpstr (es, ==, cases[i].es);
    }
}

static void
test_format_period (void)
{
  g_autofree char *calendar = vecinos_format_period (VECINOS_PERIOD_CALENDAR_YEAR, 2017);
  g_autofree char *fiscal = vecinos_format_period (VECINOS_PERIOD_FISCAL_YEAR, 2010);
  g_autofree char *fiscal_es = NULL;

  g_assert_cmpstr (calendar, ==, "2017");
  g_assert_cmpstr (fiscal, ==, "fiscal year 2010");
  vecinos_language_use ("es");
  fiscal_es = vecinos_format_period (VECINOS_PERIOD_FISCAL_YEAR, 2010);
  vecinos_language_use ("en");
  g_assert_cmpstr (fiscal_es, ==, "año fiscal 2010");
}

/* The document's number beside the official one, in both languages */
static void
test_event_excerpts_and_claims (void)
{
  g_autoptr(VecinosDataset) dataset = open_compiled ();
  g_autoptr(GPtrArray) excerpts = vecinos_dataset_list_event_excerpts (dataset, "nafta-in-force", "en");
  g_autoptr(GPtrArray) excerpts_es = vecinos_dataset_list_event_excerpts (dataset, "nafta-in-force", "es");
  g_autoptr(GPtrArray) none = vecinos_dataset_list_event_excerpts (dataset, "no-such-event", "en");
  VecinosExcerpt *excerpt;
  VecinosClaim *claim;
  g_autofree char *comparison = NULL;
  g_autofree char *comparison_es = NULL;
  g_autofree char *attribution = NULL;

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (excerpts->len, ==, 1);
  excerpt = g_ptr_array_index (excerpts, 0);
  g_assert_cmpstr (excerpt->slug, ==, "a-1");
  g_assert_cmpstr (excerpt->document_title, ==, "Charting the Road Ahead");
  /* In the document's own language there is nothing to translate */
  g_assert_null (excerpt->translation);
  g_assert_true (g_str_has_prefix (excerpt->text, "Homicides reached 26,037"));
  attribution = vecinos_excerpt_format_attribution (excerpt);
  g_assert_cmpstr (attribution, ==, "— Ana Author, “Charting the Road Ahead”, A Foundation, 1 November 2018");

  g_assert_cmpuint (excerpt->claims->len, ==, 1);
  claim = g_ptr_array_index (excerpt->claims, 0);
  g_assert_cmpstr (claim->series_slug, ==, "mx_homicides");
  g_assert_true (claim->has_official);
  g_assert_cmpfloat (claim->official, ==, 25967);
  g_assert_cmpint (claim->period_year, ==, 2012);
  g_assert_true (claim->measure_differs);
  comparison = vecinos_claim_format_comparison (claim);
  g_assert_cmpstr (comparison, ==,
                   "The document says “26,037 in 2012”; the official figure for 2012 is 25,967 persons (INEGI)."
                   " They do not measure exactly the same thing. The report cites the preliminary count.");

  /* In Spanish: our translation, labelled apart from the author's words */
  excerpt = g_ptr_array_index (excerpts_es, 0);
  g_assert_cmpstr (excerpt->translation, ==,
                   "Los homicidios llegaron a 26,037 en 2012, cuando el TLCAN llevaba tiempo en vigor.");
  g_assert_true (g_str_has_prefix (excerpt->text, "Homicides reached"));
  vecinos_language_use ("es");
  comparison_es = vecinos_claim_format_comparison (g_ptr_array_index (excerpt->claims, 0));
  vecinos_language_use ("en");
  /* The document's words as the Spanish translation has them, said to be
   * Vecinos' translation; the author's stay in the claim */
  g_assert_cmpstr (((VecinosClaim *) g_ptr_array_index (excerpt->claims, 0))->text, ==, "26,037 in 2012");
  g_assert_cmpstr (((VecinosClaim *) g_ptr_array_index (excerpt->claims, 0))->translation, ==, "26,037 en 2012");
  g_assert_cmpstr (comparison_es, ==,
                   "El documento dice «26,037 en 2012»; la cifra oficial de 2012 es 25,967 personas (INEGI)."
                   " No miden exactamente lo mismo. (Las palabras del documento, en la traducción de Vecinos.)"
                   " El informe cita el conteo preliminar.");
}

/* What is not known is said: no author, an inferred date, no series */
static void
test_excerpt_unknowns (void)
{
  g_autoptr(VecinosDataset) dataset = open_compiled ();
  g_autoptr(GPtrArray) excerpts = vecinos_dataset_list_event_excerpts (dataset, "sheinbaum-takes-office", "en");
  g_autofree char *attribution = NULL;
  g_autofree char *comparison = NULL;
  VecinosClaim claim = { .text = (char *) "keep growing" };

  g_assert_cmpuint (excerpts->len, ==, 1);
  attribution = vecinos_excerpt_format_attribution (g_ptr_array_index (excerpts, 0));
  g_assert_cmpstr (attribution, ==, "— author not identified, “Stumbling Blocks”, A Magazine, June 2021 (date inferred)");

  comparison = vecinos_claim_format_comparison (&claim);
  g_assert_cmpstr (comparison, ==, "The document says “keep growing”. No official series in Vecinos measures this figure.");
}

static void
test_event_series (void)
{
  g_autoptr(VecinosDataset) dataset = open_compiled ();
  g_autoptr(GPtrArray) series = vecinos_dataset_list_event_series (dataset, "nafta-in-force", "es");
  /* Linked by a tour step rather than by an excerpt */
  g_autoptr(GPtrArray) toured = vecinos_dataset_list_event_series (dataset, "sheinbaum-takes-office", "en");
  g_autoptr(GPtrArray) none = vecinos_dataset_list_event_series (dataset, "no-such-event", "en");
  gboolean found = FALSE;

  for (guint i = 0; i < series->len; i++)
    {
      VecinosSeriesRef *ref = g_ptr_array_index (series, i);

      if (g_str_equal (ref->slug, "mx_homicides"))
        {
          g_assert_cmpstr (ref->name, ==, "Defunciones por homicidio");
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_assert_cmpuint (toured->len, ==, 1);
  g_assert_cmpstr (((VecinosSeriesRef *) g_ptr_array_index (toured, 0))->slug, ==, "mx_homicides");
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_series_model (void)
{
  g_autoptr(VecinosDataset) dataset = open_compiled ();
  g_autoptr(GPtrArray) list = vecinos_dataset_list_series (dataset, "es");
  g_autoptr(VecinosSeries) homicides = vecinos_dataset_get_series (dataset, "mx_homicides", "es", NULL);
  g_autoptr(VecinosSeries) merida = vecinos_dataset_get_series (dataset, "merida_funding", "en", NULL);
  g_autoptr(VecinosSeries) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *citation = NULL;
  g_autofree char *description = NULL;
  g_autofree char *fiscal = NULL;
  const VecinosPoint *point;
  const VecinosSeriesClaim *claim;

  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((VecinosSeriesRef *) g_ptr_array_index (list, 0))->category_name, ==, "Seguridad");

  g_assert_nonnull (homicides);
  g_assert_cmpstr (homicides->name, ==, "Defunciones por homicidio");
  g_assert_cmpstr (homicides->unit, ==, "personas");
  g_assert_cmpint (homicides->period_kind, ==, VECINOS_PERIOD_CALENDAR_YEAR);
  g_assert_cmpuint (homicides->points->len, ==, 2);
  point = vecinos_series_find_point (homicides, 2012);
  g_assert_nonnull (point);
  g_assert_cmpfloat (point->value, ==, 25967);
  g_assert_false (point->preliminary);
  g_assert_cmpstr (point->note, ==, "El conteo preliminar fue de 26037.");
  point = vecinos_series_find_point (homicides, 2024);
  g_assert_true (point->preliminary);
  g_assert_null (point->note);
  /* A year without a figure is a gap, not a zero */
  g_assert_null (vecinos_series_find_point (homicides, 2013));
  /* Summarised once for the charts: range, preliminary, blocks that never
   * cross a gap */
  g_assert_true (homicides->summarised);
  g_assert_cmpfloat (homicides->min, ==, 25967);
  g_assert_cmpfloat (homicides->max, ==, 33241);
  g_assert_true (homicides->has_preliminary);
  g_assert_cmpuint (homicides->blocks->len, ==, 2);

  /* The document's number, for the chart's diamond */
  g_assert_cmpuint (homicides->claims->len, ==, 1);
  claim = g_ptr_array_index (homicides->claims, 0);
  g_assert_cmpint (claim->year, ==, 2012);
  g_assert_cmpfloat (claim->value, ==, 26037);
  g_assert_cmpstr (claim->document, ==, "Charting the Road Ahead");
  g_assert_cmpint (claim->document_year, ==, 2018);

  /* Fiscal years stay fiscal */
  g_assert_cmpint (merida->period_kind, ==, VECINOS_PERIOD_FISCAL_YEAR);
  g_assert_cmpint (g_array_index (merida->points, VecinosPoint, 0).year, ==, 2008);
  fiscal = vecinos_series_format_year (merida, 2008);
  g_assert_cmpstr (fiscal, ==, "FY2008");
  citation = vecinos_series_format_citation (merida);
  g_assert_true (g_str_has_prefix (citation, "CRS, "));
  g_assert_nonnull (strstr (citation, "FY2008–FY2008"));

  vecinos_language_use ("es");
  description = vecinos_series_describe (homicides);
  vecinos_language_use ("en");
  g_assert_cmpstr (description, ==,
                   "Defunciones por homicidio, 2012 a 2024, 2 cifras. Mínimo: 25,967 personas en 2012;"
                   " máximo: 33,241 personas en 2024. Más alto al final que al principio: 33,241 personas en 2024.");

  missing = vecinos_dataset_get_series (dataset, "no_such_series", "en", &error);
  g_assert_null (missing);
  g_assert_error (error, VECINOS_DATASET_ERROR, VECINOS_DATASET_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no series “no_such_series” in this dataset.");
}

/* One row per point, quoted where a field needs it */
static void
test_series_csv (void)
{
  g_autoptr(VecinosDataset) dataset = open_compiled ();
  g_autoptr(VecinosSeries) homicides = vecinos_dataset_get_series (dataset, "mx_homicides", "en", NULL);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "vecinos-test.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (vecinos_series_write_csv (homicides, NULL, path, NULL));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "series,period,value,preliminary,source,source_url,note");
  g_assert_cmpstr (lines[1], ==, "mx_homicides,2012,25967,false,INEGI,https://www.inegi.org.mx/,The preliminary count was 26037.");
  g_assert_cmpstr (lines[2], ==, "mx_homicides,2024,33241,true,INEGI,https://www.inegi.org.mx/,");
  g_assert_cmpstr (lines[3], ==, "");
  g_assert_null (lines[4]);
  g_unlink (path);
}

/* Per person and indexes: computed, never filled in */
static void
test_series_derived (void)
{
  /* Homicides 2010–2013; a population for 2011–2014, the last projected */
  g_autoptr(VecinosSeries) homicides = vecinos_test_series_new ("homicides", "count", "people", 2010,
                                                    (double[]) { 20000, 25000, 26000, 23000 }, 4);
  g_autoptr(VecinosSeries) population = vecinos_test_series_new ("population", "millions", "millions of people", 2011,
                                                     (double[]) { 100, 104, 125, 130 }, 4);
  g_autoptr(VecinosSeries) per_person = NULL;
  g_autoptr(VecinosSeries) index = NULL;
  g_autoptr(VecinosSeries) other = vecinos_test_series_new ("other", "count", "people", 2012, (double[]) { 0, 50 }, 2);
  const VecinosPoint *point;

  /* A document's count for 2011 (the hand-made arrays own no claims) */
  VecinosSeriesClaim claim = { 2011, 26000, (char *) "26,000 homicides", (char *) "A report", 2012, FALSE };

  g_ptr_array_add (homicides->claims, &claim);
  g_array_index (population->points, VecinosPoint, 2).preliminary = TRUE;
  g_assert_true (vecinos_series_can_divide (homicides, population));
  g_assert_false (vecinos_series_can_divide (population, population));
  g_assert_null (vecinos_series_per_person (population, population));

  per_person = vecinos_series_per_person (homicides, population);
  g_assert_false (homicides->derived);
  g_assert_true (per_person->derived);
  /* The documents' numbers are counts: not compared with rates */
  g_assert_cmpuint (per_person->claims->len, ==, 0);
  g_assert_cmpstr (per_person->slug, ==, "homicides_per_100k");
  g_assert_cmpstr (per_person->unit, ==, "per 100,000 people");
  g_assert_cmpstr (per_person->source_org, ==, "homicides; population");
  /* 2010 has no population: a gap, not an estimate */
  g_assert_cmpuint (per_person->points->len, ==, 3);
  g_assert_null (vecinos_series_find_point (per_person, 2010));
  /* 25,000 among 100 million people: 25 per 100,000 */
  point = vecinos_series_find_point (per_person, 2011);
  g_assert_cmpfloat_with_epsilon (point->value, 25, 1e-9);
  g_assert_false (point->preliminary);
  g_assert_cmpstr (point->note, ==, "Computed by Vecinos: 25,000 people divided by a population of 100 million people.");
  g_assert_cmpstr (point->source, ==, "homicides; population");
  /* Divided by a projection: preliminary */
  point = vecinos_series_find_point (per_person, 2013);
  g_assert_cmpfloat_with_epsilon (point->value, 23000.0 / 1250, 1e-9);
  g_assert_true (point->preliminary);

  /* An index: the base year is 100, the figure itself in the note */
  g_assert_cmpint (vecinos_series_first_common_year (homicides, population), ==, 2011);
  g_assert_cmpint (vecinos_series_first_common_year (homicides, other), ==, 2012);
  index = vecinos_series_index (homicides, 2011);
  g_assert_cmpstr (index->slug, ==, "homicides_index");
  g_assert_cmpstr (index->unit, ==, "index, 2011 = 100");
  g_assert_cmpuint (index->claims->len, ==, 0);
  g_assert_cmpfloat_with_epsilon (vecinos_series_find_point (index, 2011)->value, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (vecinos_series_find_point (index, 2010)->value, 80, 1e-9);
  g_assert_cmpstr (vecinos_series_find_point (index, 2012)->note, ==, "The figure itself: 26,000 people.");
  /* No index from a zero or from a missing year */
  g_assert_null (vecinos_series_index (other, 2012));
  g_assert_null (vecinos_series_index (homicides, 2020));
}

/* The bundled dataset: where a series measured another way takes over,
 * and which series can be divided by a population */
static void
test_series_breaks (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("VECINOS_BUNDLED_DATASET"));
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, NULL);
  static const struct { const char *slug; gboolean start, end; const char *population; } expected[] = {
    { "us_sw_border_apprehensions", FALSE, TRUE, NULL },
    { "us_sw_border_usbp_encounters", TRUE, FALSE, NULL },
    { "mx_cpi_score", TRUE, FALSE, NULL },
    { "mx_cpi_score_0_10", FALSE, TRUE, NULL },
    /* A broader measure from FY2020, where apprehensions stop */
    { "us_sw_border_encounters", TRUE, FALSE, NULL },
    /* Related, but no definitional break */
    { "us_overdose_deaths", FALSE, FALSE, NULL },
    { "mx_homicides", FALSE, FALSE, "mx_population" },
    { "mx_remittances", FALSE, FALSE, "mx_population" },
    { "us_exports_to_mx", FALSE, FALSE, NULL },
  };

  g_assert_nonnull (dataset);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(VecinosSeries) series = vecinos_dataset_get_series (dataset, expected[i].slug, "en", NULL);

      g_assert_nonnull (series);
      g_assert_cmpint (series->break_at_start, ==, expected[i].start);
      g_assert_cmpint (series->break_at_end, ==, expected[i].end);
      g_assert_cmpstr (series->population, ==, expected[i].population);
    }
}

static void
test_search_query (void)
{
  static const struct { const char *text, *query; } cases[] = {
    /* The words as the index keeps them: without accents or case */
    { "López", "\"lopez\"*" }, { "Lo\xcc\x81pez", "\"lopez\"*" },
    { "  lopez   OBRADOR ", "\"lopez\"* \"obrador\"*" },
    /* FTS5's own syntax is only words here */
    { "NAFTA AND \"wall\" -border", "\"nafta\"* \"and\"* \"wall\"* \"border\"*" },
    { "NEAR(trade mexico)", "\"near\"* \"trade\"* \"mexico\"*" },
    { "col:value ^start", "\"col\"* \"value\"* \"start\"*" },
    { "remesas🇲🇽2019", "\"remesas\"* \"2019\"*" },
    /* A mark the index cuts words at (a combining overline) makes two
     * words, never a phrase: the index keeps no positions to match one */
    { "trade\xcc\x85mark", "\"trade\"* \"mark\"*" },
    /* One letter is a word of its own, not the start of every word */
    { "l", "\"l\"" }, { "Plan B", "\"plan\"* \"b\"" },
    /* Nothing to search for */
    { "", NULL }, { "\"", NULL }, { "* - ( ) \" ^ :", NULL }, { "🌵🌵", NULL }, { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = vecinos_search_build_query (cases[i].text);
      g_assert_cmpstr (query, ==, cases[i].query);
    }

  /* Invalid UTF-8 from a clipboard is repaired, not passed on */
  {
    g_autofree char *query = vecinos_search_build_query ("M\xe9xico \xff\xfe trade");
    g_assert_true (g_utf8_validate (query, -1, NULL));
    g_assert_nonnull (strstr (query, "\"trade\"*"));
  }
  /* A very long text: at most VECINOS_SEARCH_MAX_TOKENS words */
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autofree char *query = NULL;
    guint words = 0;

    for (guint i = 0; i < 10000; i++)
      g_string_append (text, "border ");
    query = vecinos_search_build_query (text->str);
    for (const char *p = query; (p = strchr (p, '*')) != NULL; p++)
      words++;
    g_assert_cmpuint (words, ==, VECINOS_SEARCH_MAX_TOKENS);
  }

  /* Snippets reach Pango markup escaped, matches in bold: a word's start,
   * accents and case ignored, a single letter only as a whole word */
  {
    g_autoptr(GPtrArray) words = vecinos_search_fold_words ("nafta A lopez");
    g_autofree char *markup = NULL;
    g_autofree char *cut = NULL;
    g_autofree char *none = NULL;
    gboolean found = FALSE;

    g_assert_cmpuint (words->len, ==, 3);
    g_assert_cmpstr (g_ptr_array_index (words, 2), ==, "lopez");
    markup = vecinos_search_make_snippet ("Trade <b>& NAFTA's \"deal\": a López-Obrador plan", words, 20, &found);
    g_assert_true (found);
    g_assert_cmpstr (markup, ==, "Trade &lt;b&gt;&amp; <b>NAFTA</b>&apos;s &quot;deal&quot;: <b>a</b> <b>López</b>-Obrador plan");
    /* A long text: the words around the first match, cut with "…" */
    cut = vecinos_search_make_snippet ("one two three four five six seven NAFTA nine ten eleven twelve", words, 4, &found);
    g_assert_cmpstr (cut, ==, "…five six seven <b>NAFTA</b>…");
    none = vecinos_search_make_snippet ("Nothing here.", words, 4, &found);
    g_assert_false (found);
    g_assert_cmpstr (none, ==, "Nothing here.");
  }
}

/* The first result of @text (in @lang) is @kind @ref */
static void
assert_first_result (VecinosDataset    *dataset,
                     const char        *text,
                     const char        *lang,
                     VecinosSearchKind  kind,
                     const char        *ref)
{
  g_autoptr(GPtrArray) results = vecinos_dataset_search (dataset, text, lang, 20);
  const VecinosSearchResult *first;

  g_assert_cmpuint (results->len, >, 0);
  first = g_ptr_array_index (results, 0);
  g_assert_cmpint (first->kind, ==, kind);
  g_assert_cmpstr (first->ref, ==, ref);
}

/* Whether @text is well-formed markup (what Pango's parser needs first) */
static gboolean
is_markup (const char *text)
{
  static const GMarkupParser parser = { 0 };
  g_autofree char *wrapped = g_strconcat ("<markup>", text, "</markup>", NULL);
  GMarkupParseContext *context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  gboolean ok = g_markup_parse_context_parse (context, wrapped, -1, NULL) &&
                g_markup_parse_context_end_parse (context, NULL);

  g_markup_parse_context_free (context);
  return ok;
}

static void
free_key (gpointer key,
          gpointer value,
          gpointer data)
{
  g_free (key);
}

static gboolean
has_result (GPtrArray         *results,
            VecinosSearchKind  kind,
            const char        *ref)
{
  for (guint i = 0; i < results->len; i++)
    {
      const VecinosSearchResult *result = g_ptr_array_index (results, i);

      if (result->kind == kind && g_str_equal (result->ref, ref))
        return TRUE;
    }
  return FALSE;
}

static void
test_search (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("VECINOS_BUNDLED_DATASET"));
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, NULL);
  static const char * const hostile[] = {
    "\"", "\"\"", "*", "-", "NEAR(", "NEAR(a b", "AND", "OR NOT", "a AND", "^", ":", "(", ")",
    "title:NAFTA", "\"NAFTA", "NAFTA\"", "'", "%", "_", "\\", ";DROP TABLE search;--", "🌵",
    "NAFTA 🇲🇽", "\xff\xfe", "M\xe9xico", "\t\n", "null", "0", "-1", "1e308",
  };

  g_assert_nonnull (dataset);

  /* Accents and case are ignored, in both languages */
  {
    g_autoptr(GPtrArray) plain = vecinos_dataset_search (dataset, "lopez obrador", "en", 50);
    g_autoptr(GPtrArray) accented = vecinos_dataset_search (dataset, "LÓPEZ Obrador", "en", 50);

    g_assert_true (has_result (plain, VECINOS_SEARCH_EVENT, "amlo-elected"));
    g_assert_cmpuint (plain->len, ==, accented->len);
  }
  /* A word's start finds it, as the user types */
  {
    g_autoptr(GPtrArray) results = vecinos_dataset_search (dataset, "remitt", "en", 50);
    g_assert_true (has_result (results, VECINOS_SEARCH_SERIES, "mx_remittances"));
  }
  /* Spanish words find records from an English interface too, shown in
   * the interface's language */
  {
    g_autoptr(GPtrArray) results = vecinos_dataset_search (dataset, "remesas", "en", 50);
    const VecinosSearchResult *result = NULL;

    for (guint i = 0; i < results->len; i++)
      if (g_str_equal (((VecinosSearchResult *) g_ptr_array_index (results, i))->ref, "mx_remittances"))
        result = g_ptr_array_index (results, i);
    g_assert_nonnull (result);
    g_assert_cmpstr (result->title, ==, "Remittances received by Mexico");
  }
  /* A title that is the query ranks above a passing mention */
  assert_first_result (dataset, "Remittances received by Mexico", "en", VECINOS_SEARCH_SERIES, "mx_remittances");
  assert_first_result (dataset, "Homicidios en México", "es", VECINOS_SEARCH_SERIES, "mx_homicides");
  /* Excerpts are found by their words and named by their document */
  {
    g_autoptr(GPtrArray) results = vecinos_dataset_search (dataset, "conocido como AMLO", "es", 50);
    const VecinosSearchResult *first;

    g_assert_cmpuint (results->len, >, 0);
    first = g_ptr_array_index (results, 0);
    g_assert_cmpint (first->kind, ==, VECINOS_SEARCH_EXCERPT);
    g_assert_cmpstr (first->ref, ==, "000-01");
    g_assert_true (g_str_has_prefix (first->title, "After the Election of Andrés Manuel López Obrador"));
    g_assert_nonnull (strstr (first->snippet, "<b>"));
  }
  /* One result per record, however many languages match */
  {
    g_autoptr(GPtrArray) results = vecinos_dataset_search (dataset, "Mexico", "en", 1000);
    g_autoptr(GHashTable) refs = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < results->len; i++)
      {
        const VecinosSearchResult *result = g_ptr_array_index (results, i);
        g_autofree char *key = g_strdup_printf ("%d:%s", result->kind, result->ref);

        g_assert_false (g_hash_table_contains (refs, key));
        g_hash_table_add (refs, g_steal_pointer (&key));
      }
    g_hash_table_foreach (refs, free_key, NULL);
  }
  /* Whatever is typed: results or nothing, never an error */
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GPtrArray) results = vecinos_dataset_search (dataset, hostile[i], "es", 20);

      g_assert_nonnull (results);
      for (guint r = 0; r < results->len; r++)
        {
          const VecinosSearchResult *result = g_ptr_array_index (results, r);
          g_assert_true (is_markup (result->snippet));
        }
    }
  {
    g_autoptr(GPtrArray) results = vecinos_dataset_search (dataset, "\"NAFTA", "en", 20);
    g_assert_true (has_result (results, VECINOS_SEARCH_EVENT, "nafta-in-force"));
  }
  /* A very long paste: the first words are searched for */
  {
    g_autoptr(GString) text = g_string_new ("NAFTA ");
    g_autoptr(GPtrArray) results = NULL;

    for (guint i = 0; i < 20000; i++)
      g_string_append (text, "trade \"* -");
    results = vecinos_dataset_search (dataset, text->str, "en", 20);
    g_assert_true (has_result (results, VECINOS_SEARCH_EVENT, "nafta-in-force"));
  }

  /* Random bytes, as a careless paste: never an error, always markup */
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (1848);

    for (guint n = 0; n < 500; n++)
      {
        char bytes[48];
        guint length = g_rand_int_range (rand, 0, sizeof bytes);
        g_autoptr(GPtrArray) results = NULL;

        for (guint i = 0; i < length; i++)
          /* Mostly letters and FTS5's own punctuation, some of any byte */
          bytes[i] = g_rand_boolean (rand) ? "ab\"*-():^ NEARlopez"[g_rand_int_range (rand, 0, 20)]
                                           : (char) g_rand_int_range (rand, 1, 256);
        bytes[length] = '\0';
        results = vecinos_dataset_search (dataset, bytes, "en", 20);
        for (guint r = 0; r < results->len; r++)
          g_assert_true (is_markup (((VecinosSearchResult *) g_ptr_array_index (results, r))->snippet));
      }
  }

  /* An excerpt's document, looked up (the bundled dataset's own counts
   * are checked by tests/check-dataset.py) */
  {
    g_autoptr(GFile) mini_file = g_file_new_for_path (g_getenv ("VECINOS_TEST_DATASET"));
    g_autoptr(VecinosDataset) mini = vecinos_dataset_new_for_file (mini_file, NULL);
    g_autofree char *document = vecinos_dataset_get_excerpt_document (mini, "b-1");

    g_assert_cmpstr (document, ==, "doc-b");
    g_assert_null (vecinos_dataset_get_excerpt_document (mini, "no-such-excerpt"));
  }
}

static void
test_open_message_in_spanish (void)
{
  vecinos_language_use ("es");
  assert_open_fails ("/nonexistent/vecinos.sqlite", VECINOS_DATASET_ERROR_NOT_FOUND,
                     "El conjunto de datos “/nonexistent/vecinos.sqlite” no existe");
  vecinos_language_use ("en");
}

/* The guided tours, in both languages, and their steps in order */
static void
test_tours (void)
{
  g_autoptr(VecinosDataset) dataset = open_compiled ();
  g_autoptr(GPtrArray) english = vecinos_dataset_list_tours (dataset, "en");
  g_autoptr(GPtrArray) spanish = vecinos_dataset_list_tours (dataset, "es");
  g_autoptr(GPtrArray) steps = vecinos_dataset_get_tour_steps (dataset, "trade", "es");
  g_autoptr(GPtrArray) none = vecinos_dataset_get_tour_steps (dataset, "no-such-tour", "en");
  const VecinosTour *tour;
  const VecinosTourStep *step;

  g_assert_cmpuint (english->len, ==, 1);
  tour = g_ptr_array_index (english, 0);
  g_assert_cmpstr (tour->slug, ==, "trade");
  g_assert_cmpstr (tour->title, ==, "Trade");
  g_assert_cmpstr (tour->description, ==, "From NAFTA on.");
  g_assert_cmpuint (tour->n_steps, ==, 3);
  g_assert_cmpstr (((VecinosTour *) g_ptr_array_index (spanish, 0))->title, ==, "Comercio");

  g_assert_cmpuint (steps->len, ==, 3);
  step = g_ptr_array_index (steps, 0);
  g_assert_cmpstr (step->event, ==, "nafta-in-force");
  g_assert_cmpstr (step->event_title, ==, "Entra en vigor el TLCAN");
  g_assert_null (step->series);
  g_assert_cmpstr (step->text, ==, "Fíjense en la fecha.");
  /* "1990" to "1999": from the first day of the one to the last of the other */
  g_assert_cmpint (step->range_start, ==, vecinos_test_day ("1990-01-01"));
  g_assert_cmpint (step->range_end, ==, vecinos_test_day ("1999-12-31"));
  g_assert_null (step->view);
  step = g_ptr_array_index (steps, 1);
  g_assert_cmpstr (step->event, ==, "sheinbaum-takes-office");
  g_assert_cmpstr (step->series, ==, "mx_homicides");
  g_assert_cmpstr (step->compare, ==, "merida_funding");
  g_assert_cmpint (step->range_end, ==, 0);
  step = g_ptr_array_index (steps, 2);
  g_assert_cmpstr (step->excerpt, ==, "a-1");
  g_assert_cmpuint (none->len, ==, 0);
}

/* The event filter (VecinosEventList: the words looked up in the search
 * index) lets through the events g_str_match_string() says have the
 * words, in the title or the summary, for every bundled event and
 * language — each word in either (the index searches the event whole),
 * the typed words without their accents too, as the index keeps them
 * ("méx" finds "Mexico" as "mex" finds "México"); and the categories and
 * importance in the same pass */
static void
test_event_filter (void)
{
  const char *terms[] = {
    "nafta", "NAFTA", "lopez", "López", "tlc", "méx", "MEX", "de la", "1994", "zzqqxx", "", "   ",
    "trump mexico", "EE. UU.", "acuerdo comercio", "ee", "u.s.", "peña", "pena", "niño", "a",
  };
  const char *languages[] = { "en", "es" };
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("VECINOS_BUNDLED_DATASET"));
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, NULL);
  guint matched = 0;

  g_assert_nonnull (dataset);
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(GListModel) events = vecinos_dataset_list_events (dataset, languages[l], NULL);
      g_autoptr(VecinosEventList) list = vecinos_event_list_new (dataset, languages[l], NULL);
      guint n = g_list_model_get_n_items (events);

      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
      g_assert_cmpuint (vecinos_event_list_get_n_events (list), ==, n);
      for (guint t = 0; t < G_N_ELEMENTS (terms); t++)
        {
          guint shown = 0;
          g_autofree char *plain = g_str_to_ascii (terms[t], "C");
          g_auto(GStrv) words = g_str_tokenize_and_fold (plain, NULL, NULL);

          vecinos_event_list_set_filter (list, NULL, 0, 3, terms[t], NULL);
          for (guint i = 0; i < n; i++)
            {
              g_autoptr(VecinosEvent) event = g_list_model_get_item (events, i);
              gboolean expected = TRUE;
              guint position = vecinos_event_list_find (list, vecinos_event_get_slug (event));

              for (guint w = 0; words[w] != NULL; w++)
                expected &= g_str_match_string (words[w], vecinos_event_get_title (event), TRUE) ||
                            g_str_match_string (words[w], vecinos_event_get_summary (event), TRUE);
              g_test_message ("%s: “%s” in %s", languages[l], terms[t], vecinos_event_get_slug (event));
              g_assert_cmpint (position != VECINOS_EVENT_LIST_NONE, ==, expected);
              if (expected)
                {
                  g_autoptr(VecinosEvent) shown_event = g_list_model_get_item (G_LIST_MODEL (list), position);

                  g_assert_cmpuint (position, ==, shown);
                  g_assert_cmpstr (vecinos_event_get_slug (shown_event), ==, vecinos_event_get_slug (event));
                  g_autofree char *title = vecinos_event_list_get_title (list, position);

                  g_assert_cmpstr (title, ==, vecinos_event_get_title (event));
                  shown++;
                }
            }
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, shown);
          matched += shown;
        }

      /* A category hidden and the importance, with no words */
      {
        g_autoptr(GPtrArray) categories = vecinos_dataset_list_categories (dataset, languages[l]);
        g_autofree gboolean *hidden = g_new0 (gboolean, categories->len);
        guint expected = 0;

        hidden[0] = TRUE;
        for (guint i = 0; i < n; i++)
          {
            g_autoptr(VecinosEvent) event = g_list_model_get_item (events, i);

            expected += vecinos_event_get_importance (event) <= 2 &&
                        !g_str_equal (vecinos_event_get_category (event),
                                      ((VecinosCategory *) g_ptr_array_index (categories, 0))->slug);
          }
        vecinos_event_list_set_filter (list, hidden, categories->len, 2, NULL, NULL);
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected);
        g_assert_cmpuint (expected, >, 0);
        g_assert_cmpuint (expected, <, n);
        for (guint i = 0; i < expected; i++)
          {
            VecinosEventSpan span = vecinos_event_list_get_span (list, i);

            g_assert_cmpuint (span.row, !=, 0);
            g_assert_cmpint (span.importance, <=, 2);
          }
      }
    }
  g_assert_cmpuint (matched, >, 500);
}

/* A selection keeps its event through a change of filters: the change is
 * told around the event kept, and an event is the same object while it
 * is held */
static void
test_event_list_keeps_selection (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("VECINOS_BUNDLED_DATASET"));
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, NULL);
  g_autoptr(VecinosEventList) list = vecinos_event_list_new (dataset, "en", NULL);
  g_autoptr(VecinosEvent) kept = NULL;
  g_autoptr(VecinosEvent) again = NULL;
  guint position = vecinos_event_list_find (list, "nafta-in-force");
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint now;

  g_assert_cmpuint (position, !=, VECINOS_EVENT_LIST_NONE);
  kept = g_list_model_get_item (G_LIST_MODEL (list), position);
  again = g_list_model_get_item (G_LIST_MODEL (list), position);
  g_assert_true (kept == again);
  g_assert_cmpstr (vecinos_event_get_slug (kept), ==, "nafta-in-force");
  g_assert_cmpuint (vecinos_event_get_sources (kept)->len, >, 0);

  /* Narrowed and widened again, the kept event in the middle of the change */
  vecinos_event_list_set_filter (list, NULL, 0, 3, "nafta", kept);
  now = vecinos_event_list_find (list, "nafta-in-force");
  g_assert_cmpuint (now, <, g_list_model_get_n_items (G_LIST_MODEL (list)));
  g_clear_object (&again);
  again = g_list_model_get_item (G_LIST_MODEL (list), now);
  g_assert_true (kept == again);
  g_assert_false (vecinos_event_list_set_filter (list, NULL, 0, 3, "NAFTA", kept));
  g_assert_true (vecinos_event_list_set_filter (list, NULL, 0, 3, NULL, kept));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_all);
  g_assert_cmpuint (vecinos_event_list_find (list, "nafta-in-force"), ==, position);
  g_assert_cmpuint (vecinos_event_list_find (list, "no-such-event"), ==, VECINOS_EVENT_LIST_NONE);
}

typedef struct {
  guint position, removed, added, n_items;
} Change;

static void
record_change (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               GArray     *changes)
{
  Change change = { position, removed, added, g_list_model_get_n_items (model) };

  g_array_append_val (changes, change);
}

/* A filter that hides the selected event tells its removal alone, before
 * the rest: told in a change that adds events, GTK 4.8's GtkSingleSelection
 * reads every event added to look for it (a million, for a word that hid
 * the selected one of a million). Each change leaves the list as long as
 * it says */
static void
test_event_list_hides_selection (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("VECINOS_BUNDLED_DATASET"));
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, NULL);
  g_autoptr(VecinosEventList) list = vecinos_event_list_new (dataset, "en", NULL);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(VecinosEvent) kept = NULL;
  guint position = vecinos_event_list_find (list, "nafta-in-force");
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (list)), n;
  const Change *first, *last;

  kept = g_list_model_get_item (G_LIST_MODEL (list), position);
  g_signal_connect (list, "items-changed", G_CALLBACK (record_change), changes);
  /* Words NAFTA's event does not have; events before and after it do */
  g_assert_true (vecinos_event_list_set_filter (list, NULL, 0, 3, "security", kept));
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (vecinos_event_list_find (list, "nafta-in-force"), ==, VECINOS_EVENT_LIST_NONE);
  g_assert_cmpuint (n, >, 0);
  /* Its removal first, alone; then each change leaves the list as long
   * as it says */
  g_assert_cmpuint (changes->len, >=, 2);
  first = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (first->position, ==, position);
  g_assert_cmpuint (first->removed, ==, 1);
  g_assert_cmpuint (first->added, ==, 0);
  g_assert_cmpuint (first->n_items, ==, n_all - 1);
  for (guint i = 1; i < changes->len; i++)
    {
      const Change *before = &g_array_index (changes, Change, i - 1);
      const Change *change = &g_array_index (changes, Change, i);

      /* More added than GTK's list view has rows: removed first */
      g_assert_true (change->added <= 256 || change->removed == 0);
      g_assert_cmpuint (change->n_items, ==, before->n_items - change->removed + change->added);
      g_assert_cmpuint (change->position + change->removed, <=, before->n_items);
    }
  last = &g_array_index (changes, Change, changes->len - 1);
  g_assert_cmpuint (last->n_items, ==, n);

  /* Widened again: all of them, in their places */
  g_assert_true (vecinos_event_list_set_filter (list, NULL, 0, 3, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_all);
  g_assert_cmpuint (vecinos_event_list_find (list, "nafta-in-force"), ==, position);
}


/* The events the list holds, as a string: their days, rows and
 * importance, which the list has without reading the file */
static char *
list_spans (VecinosEventList *list)
{
  GString *spans = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      VecinosEventSpan span = vecinos_event_list_get_span (list, i);

      g_string_append_printf (spans, "%d-%d/%u/%d ", span.first, span.last, span.row, span.importance);
    }
  return g_string_free (spans, FALSE);
}

static void
looked_up (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* vecinos_event_list_look_up_async () to its end: whether it found the
 * events, with @error */
static gboolean
look_up (VecinosEventList  *list,
         const char        *text,
         GCancellable      *cancellable,
         GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  vecinos_event_list_look_up_async (list, text, cancellable, looked_up, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return vecinos_event_list_look_up_finish (list, result, error);
}

/* A large timeline's words are looked up in another thread, on a second
 * connection to the file, and the filter that follows reads them from
 * there: the same events as the filter's own lookup, found while the
 * dataset's own connection could not have read them. Cancelled, or where
 * there is no second connection (a dataset in memory, a file replaced
 * since it was opened), the filter reads them itself */
static void
test_event_list_looked_up (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("VECINOS_BUNDLED_DATASET"));
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, NULL);
  g_autoptr(VecinosEventList) list = vecinos_event_list_new (dataset, "es", NULL);
  g_autoptr(VecinosEventList) reference = vecinos_event_list_new (dataset, "es", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL, *found = NULL;

  vecinos_event_list_set_filter (reference, NULL, 0, 3, "frontera mé", NULL);
  expected = list_spans (reference);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reference)), >, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reference)), <,
                    vecinos_event_list_get_n_events (reference));

  /* Cancelled: nothing kept, nothing changed */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    g_cancellable_cancel (cancellable);
    g_assert_false (look_up (list, "frontera mé", cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, vecinos_event_list_get_n_events (list));
  }

  /* Found for another list (another language): not taken */
  {
    g_autoptr(VecinosEventList) english = vecinos_event_list_new (dataset, "en", NULL);
    g_autoptr(GAsyncResult) result = NULL;

    vecinos_event_list_look_up_async (english, "frontera mé", NULL, looked_up, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (vecinos_event_list_look_up_finish (list, result, &error));
    g_assert_no_error (error);
  }

  g_assert_true (look_up (list, "frontera mé", NULL, &error));
  g_assert_no_error (error);
  /* The dataset's own connection fails from now on: what the filter
   * shows can only come from the lookup */
  vecinos_dataset_read_failed (dataset, NULL, SQLITE_CORRUPT, NULL);
  vecinos_event_list_set_filter (list, NULL, 0, 3, "frontera mé", NULL);
  found = list_spans (list);
  g_assert_cmpstr (found, ==, expected);
  /* Other words are not known: the filter lets nothing through */
  vecinos_event_list_set_filter (list, NULL, 0, 3, "nafta", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* A dataset in memory has no second connection */
  {
    g_autofree char *directory_path = g_build_filename (source_dir, NULL);
    g_autoptr(GFile) directory = g_file_new_for_path (directory_path);
    g_autoptr(VecinosDataset) in_memory = vecinos_dataset_new_from_directory (directory, NULL);
    g_autoptr(VecinosEventList) memory_list = vecinos_event_list_new (in_memory, "en", NULL);

    g_assert_false (look_up (memory_list, "nafta", NULL, &error));
    g_assert_no_error (error);
    vecinos_event_list_set_filter (memory_list, NULL, 0, 3, "nafta", NULL);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (memory_list)), ==, 1);
  }

  /* A file another was renamed over since it was opened: the second
   * connection would read the other one */
  {
    g_autofree char *path = copy_compiled_dataset ("vecinos-renamed-over.sqlite");
    g_autofree char *other = copy_compiled_dataset ("vecinos-renamed-over-2.sqlite");
    g_autoptr(GFile) copy = g_file_new_for_path (path);
    g_autoptr(VecinosDataset) opened = vecinos_dataset_new_for_file (copy, NULL);
    g_autoptr(VecinosEventList) opened_list = vecinos_event_list_new (opened, "en", NULL);

    g_assert_cmpint (g_rename (other, path), ==, 0);
    g_assert_false (look_up (opened_list, "nafta", NULL, &error));
    g_assert_no_error (error);
    /* The file opened is still read */
    vecinos_event_list_set_filter (opened_list, NULL, 0, 3, "nafta", NULL);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (opened_list)), ==, 1);
    g_unlink (path);
  }
}

/* A teacher's timeline of 2 000 events: the import keeps the events'
 * order too, and a filter that changes more events than GTK's list view
 * has rows tells the removal, then the addition (told at once, GTK 4.8's
 * list view reads every event added to find its rows among them) */
static void
test_event_list_large_change (void)
{
  g_autofree char *directory = g_dir_make_tmp ("vecinos-large-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (directory, "large.csv", NULL);
  g_autofree char *compiled = g_build_filename (directory, "large.sqlite", NULL);
  g_autoptr(GString) rows = g_string_new ("Year,Month,Day,Headline,Text,Group\n");
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VecinosDataset) dataset = NULL;
  g_autoptr(VecinosEventList) list = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  sqlite3 *db = NULL;
  guint n_before;

  /* Alternately "alpha" and "beta", by date */
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (rows, "%u,%u,%u,%s %u,Text %u,G%u\n", 1900 + i / 20, 1 + i % 12, 1 + i % 28,
                            i % 2 == 0 ? "Alpha" : "Beta", i, i, i % 3);
  g_assert_true (g_file_set_contents (csv, rows->str, -1, NULL));
  source = g_file_new_for_path (csv);
  g_assert_cmpint (sqlite3_open (compiled, &db), ==, SQLITE_OK);
  g_assert_true (vecinos_timeline_import_file (db, source, "en", "en", NULL, &error));
  g_assert_no_error (error);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT length (value) FROM meta WHERE key = 'event_order'", -1, &stmt,
                                         NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 8 + 2000 * 16);
    sqlite3_finalize (stmt);
  }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  file = g_file_new_for_path (compiled);
  dataset = vecinos_dataset_new_for_file (file, &error);
  g_assert_no_error (error);
  list = vecinos_event_list_new (dataset, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2000);

  g_signal_connect (list, "items-changed", G_CALLBACK (record_change), changes);
  g_assert_true (vecinos_event_list_set_filter (list, NULL, 0, 3, "alpha", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1000);
  g_assert_true (vecinos_event_list_set_filter (list, NULL, 0, 3, "beta", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1000);
  n_before = 2000;
  for (guint i = 0; i < changes->len; i++)
    {
      const Change *change = &g_array_index (changes, Change, i);

      g_assert_true (change->added <= 256 || change->removed == 0);
      g_assert_cmpuint (change->position + change->removed, <=, n_before);
      g_assert_cmpuint (change->n_items, ==, n_before - change->removed + change->added);
      n_before = change->n_items;
    }
  /* alpha → beta: 1 000 events out, 1 000 in, told in two */
  g_assert_cmpuint (changes->len, >=, 3);
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_true (g_str_has_prefix (vecinos_event_get_title (event), "Beta "));
    }

  /* An event let go is held a while — asked for again, it is the same
   * object, not read again — but not for ever: after 512 others it is
   * freed */
  {
    VecinosEvent *event = g_list_model_get_item (G_LIST_MODEL (list), 0);
    gpointer held = event;
    VecinosEvent *again;

    g_object_add_weak_pointer (G_OBJECT (event), &held);
    g_object_unref (event);
    g_assert_nonnull (held);
    again = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_true (again == held);
    g_object_unref (again);
    for (guint i = 1; i <= 512; i++)
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
    g_assert_null (held);
  }

  g_clear_object (&list);
  g_clear_object (&dataset);
  g_unlink (compiled);
  g_unlink (csv);
  g_rmdir (directory);
}

/* --- The events' order kept in the file (vecinos_event_list_keep_order) --- */

static guint32
change_counter (const char *path)
{
  guint8 header[28];
  FILE *file = g_fopen (path, "rb");

  g_assert_nonnull (file);
  g_assert_cmpuint (fread (header, 1, sizeof header, file), ==, sizeof header);
  fclose (file);
  return ((guint32) header[24] << 24) | (header[25] << 16) | (header[26] << 8) | header[27];
}

/* The kept value of @path, changed by @edit, written back as if it went
 * with the file (its counter the one its own write leaves) */
static void
rewrite_kept_order (const char *path,
                    void      (*edit) (guint8 *bytes, gsize length))
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree guint8 *bytes = NULL;
  gsize length;
  guint32 counter = GUINT32_TO_LE (change_counter (path) + 1);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'event_order'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  length = sqlite3_column_bytes (stmt, 0);
  bytes = g_memdup2 (sqlite3_column_blob (stmt, 0), length);
  sqlite3_finalize (stmt);
  memcpy (bytes, &counter, 4);
  edit (bytes, length);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE meta SET value = ?1 WHERE key = 'event_order'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, bytes, length, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_cmpuint (change_counter (path), ==, GUINT32_FROM_LE (counter));
}

/* The first event's importance: 3 for 1, else 1 */
static void
edit_importance (guint8 *bytes,
                 gsize   length)
{
  bytes[8 + 14] = bytes[8 + 14] == 1 ? 3 : 1;
}

/* The first event's row: past every category */
static void
edit_row (guint8 *bytes,
          gsize   length)
{
  bytes[8 + 12] = bytes[8 + 13] = 0xff;
}

static VecinosEventList *
open_event_list (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, &error);
  VecinosEventList *list;

  g_assert_no_error (error);
  list = vecinos_event_list_new (dataset, "en", &error);
  g_assert_no_error (error);
  return list;
}

static void
assert_same_events (VecinosEventList *a,
                    VecinosEventList *b)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (a));

  g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (b)));
  for (guint i = 0; i < n; i++)
    {
      VecinosEventSpan x = vecinos_event_list_get_span (a, i), y = vecinos_event_list_get_span (b, i);
      g_autoptr(VecinosEvent) ex = g_list_model_get_item (G_LIST_MODEL (a), i);
      g_autoptr(VecinosEvent) ey = g_list_model_get_item (G_LIST_MODEL (b), i);

      g_assert_cmpint (x.first, ==, y.first);
      g_assert_cmpint (x.last, ==, y.last);
      g_assert_cmpuint (x.row, ==, y.row);
      g_assert_cmpint (x.importance, ==, y.importance);
      g_assert_cmpstr (vecinos_event_get_slug (ex), ==, vecinos_event_get_slug (ey));
    }
  for (guint row = 0; row < 16; row++)
    g_assert_cmpuint (vecinos_event_list_count_row (a, row), ==, vecinos_event_list_count_row (b, row));
}

/* A compiled dataset keeps the list's array, and it is what the list reads;
 * a file changed since by another program, or whose value does not hold
 * together, is read from its event table — the same events either way */
static void
test_event_list_kept_order (void)
{
  g_autofree char *kept_path = copy_compiled_dataset ("vecinos-kept-order.sqlite");
  g_autofree char *changed_path = copy_compiled_dataset ("vecinos-changed-order.sqlite");
  g_autoptr(VecinosEventList) kept = open_event_list (kept_path);
  g_autoptr(VecinosEventList) scanned = NULL;
  g_autoptr(VecinosEventList) edited = NULL;
  sqlite3 *db = NULL;
  int importance;

  /* Changed by another program: the value no longer goes with the file */
  g_assert_cmpint (sqlite3_open (changed_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE meta SET value = value WHERE key = 'languages'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  scanned = open_event_list (changed_path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (kept)), >, 1);
  assert_same_events (kept, scanned);

  /* The value is what is read: an importance changed in it shows */
  importance = vecinos_event_list_get_span (kept, 0).importance;
  rewrite_kept_order (kept_path, edit_importance);
  edited = open_event_list (kept_path);
  g_assert_cmpint (vecinos_event_list_get_span (edited, 0).importance, ==, importance == 1 ? 3 : 1);
  g_clear_object (&edited);

  /* A record that cannot be: the table is read instead */
  rewrite_kept_order (kept_path, edit_row);
  edited = open_event_list (kept_path);
  assert_same_events (edited, scanned);

  g_unlink (kept_path);
  g_unlink (changed_path);
}

/* The bundled dataset's search index is one segment (the importer merges
 * a small index at its end): merging it again changes none of its pages,
 * while an index written row by row without the merge is changed by it */
static char *
search_pages (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *pages;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count (*) || ' ' || group_concat (segid || ':' || pgno, ',')"
                                           " FROM search_idx", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pages = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return pages;
}

static void
test_search_index_merged (void)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autofree char *copy = g_build_filename (g_get_tmp_dir (), "vecinos-merged-XXXXXX.sqlite", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;
  int fd;

  g_assert_true (g_file_get_contents (g_getenv ("VECINOS_BUNDLED_DATASET"), &contents, &length, NULL));
  fd = g_mkstemp (copy);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
  before = search_pages (db);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO search (search) VALUES ('optimize')", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  after = search_pages (db);
  g_assert_cmpstr (before, ==, after);

  /* The same rows written one by one, as the import writes them, are
   * many segments, which the merge changes */
  g_assert_cmpint (sqlite3_exec (db, "BEGIN;"
                                     "INSERT INTO search (search, rank) VALUES ('automerge', 0);"
                                     "CREATE TEMP TABLE rows AS SELECT rowid AS r, * FROM search;"
                                     "DELETE FROM search;"
                                     "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    sqlite3_stmt *rows = NULL, *insert = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT * FROM temp.rows", -1, &rows, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO search (rowid, kind, ref, lang, title, body)"
                                             " VALUES (?, ?, ?, ?, ?, ?)", -1, &insert, NULL), ==, SQLITE_OK);
    while (sqlite3_step (rows) == SQLITE_ROW)
      {
        for (int c = 0; c < 6; c++)
          sqlite3_bind_value (insert, c + 1, sqlite3_column_value (rows, c));
        g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
        sqlite3_reset (insert);
      }
    sqlite3_finalize (rows);
    sqlite3_finalize (insert);
  }
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = search_pages (db);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO search (search) VALUES ('optimize')", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  after = search_pages (db);
  g_assert_cmpstr (before, !=, after);
  sqlite3_close (db);
  g_unlink (copy);
}

/* vecinos_rank () of @query on the row @rowid of @db's search table */
static double
rank_of (sqlite3    *db,
         const char *query,
         gint64      rowid)
{
  sqlite3_stmt *stmt = NULL;
  double rank;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT vecinos_rank (search) FROM search WHERE search MATCH ?1 AND rowid = ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rowid);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  rank = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_true (isfinite (rank));
  return rank;
}

/* The search's rank from the columns each word is in (the index keeps
 * no positions): lower is better; a word in the title weighs more than in
 * the text, a shorter text more than a longer one, a rarer word more than
 * a common one */
static void
test_search_rank (void)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, vecinos_schema_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  _vecinos_dataset_add_rank (db);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO search (rowid, kind, ref, lang, title, body) VALUES"
                                 " (1, 'event', 'a', 'en', 'Border wall', 'Built along the river'),"
                                 " (2, 'event', 'b', 'en', 'Built along the river', 'Border wall'),"
                                 " (3, 'event', 'c', 'en', 'Built along the river',"
                                 "  'Border wall, and a great many other words said about it at length'),"
                                 " (4, 'event', 'd', 'en', 'Trade', 'Common words'),"
                                 " (5, 'event', 'e', 'en', 'Trade', 'Common words'),"
                                 " (6, 'event', 'f', 'en', 'Trade', 'Common words, rare ones')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpfloat (rank_of (db, "\"wall\"*", 1), <, rank_of (db, "\"wall\"*", 2));
  g_assert_cmpfloat (rank_of (db, "\"wall\"*", 2), <, rank_of (db, "\"wall\"*", 3));
  g_assert_cmpfloat (rank_of (db, "\"rare\"*", 6), <, rank_of (db, "\"common\"*", 6));
  /* Every word counts */
  g_assert_cmpfloat (rank_of (db, "\"rare\"* \"common\"*", 6), <, rank_of (db, "\"rare\"*", 6));
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  vecinos_test_init_translations ();

  g_test_init (&argc, &argv, NULL);

  compiled_dataset = g_getenv ("VECINOS_TEST_DATASET");
  source_dir = g_getenv ("VECINOS_TEST_SOURCE");
  compiler = g_getenv ("VECINOS_COMPILE");
  g_assert_nonnull (compiled_dataset);
  g_assert_nonnull (source_dir);
  g_assert_nonnull (compiler);

  g_test_add_func ("/dataset/round-trip/compiled", test_round_trip_compiled);
  g_test_add_func ("/dataset/search-index-merged", test_search_index_merged);
  g_test_add_func ("/dataset/round-trip/in-memory", test_round_trip_in_memory);
  g_test_add_func ("/dataset/terms-and-categories", test_terms_and_categories);
  g_test_add_func ("/dataset/events/sorted", test_events_sorted_by_date);
  g_test_add_func ("/dataset/event-filter", test_event_filter);
  g_test_add_func ("/dataset/event-list-keeps-selection", test_event_list_keeps_selection);
  g_test_add_func ("/dataset/event-list-kept-order", test_event_list_kept_order);
  g_test_add_func ("/dataset/event-list-hides-selection", test_event_list_hides_selection);
  g_test_add_func ("/dataset/event-list-large-change", test_event_list_large_change);
  g_test_add_func ("/dataset/event-list-looked-up", test_event_list_looked_up);
  g_test_add_func ("/dataset/events/language-fallback", test_unknown_language_falls_back);
  g_test_add_func ("/dataset/search/diacritics", test_search_ignores_diacritics);
  g_test_add_func ("/dataset/search/both-languages", test_search_both_languages);
  g_test_add_func ("/dataset/series/compiled", test_series_compiled);
  g_test_add_func ("/dataset/documents/compiled", test_documents_compiled);
  g_test_add_func ("/dataset/claims-and-tours/compiled", test_claims_and_tours_compiled);
  g_test_add_func ("/dataset/format/number", test_format_number);
  g_test_add_func ("/dataset/format/period", test_format_period);
  g_test_add_func ("/dataset/format/value", test_format_value);
  g_test_add_func ("/dataset/excerpts/event", test_event_excerpts_and_claims);
  g_test_add_func ("/dataset/excerpts/unknowns", test_excerpt_unknowns);
  g_test_add_func ("/dataset/excerpts/series", test_event_series);
  g_test_add_func ("/dataset/series/model", test_series_model);
  g_test_add_func ("/dataset/series/csv", test_series_csv);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *name = g_strdup_printf ("/dataset/import/rejects/%s", bad_inputs[i].name);
      g_test_add_data_func (name, &bad_inputs[i], test_bad_input);
    }
  g_test_add_func ("/dataset/compiler/fails-cleanly", test_compiler_fails_cleanly);
  g_test_add_func ("/dataset/open/missing", test_open_missing);
  g_test_add_func ("/dataset/open/not-sqlite", test_open_not_sqlite);
  g_test_add_func ("/dataset/open/other-database", test_open_other_database);
  g_test_add_func ("/dataset/open/corrupt", test_open_corrupt);
  g_test_add_func ("/dataset/open/wrong-length", test_open_wrong_length);
  g_test_add_func ("/dataset/open/truncated", test_open_truncated);
  g_test_add_func ("/dataset/open/other-version", test_open_other_version);
  g_test_add_func ("/dataset/open/spanish-message", test_open_message_in_spanish);
  g_test_add_func ("/dataset/series-derived", test_series_derived);
  g_test_add_func ("/dataset/series-breaks", test_series_breaks);
  g_test_add_func ("/dataset/search-query", test_search_query);
  g_test_add_func ("/dataset/search-rank", test_search_rank);
  g_test_add_func ("/dataset/search", test_search);
  g_test_add_func ("/dataset/tours", test_tours);

  return g_test_run ();
}
