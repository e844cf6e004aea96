/* vecinos-importer-private.h — the inside of the importer, shared by its files
 *
 * vecinos-importer.c reads the files and runs the import in order, inside
 * one transaction; vecinos-importer-scan.c checks a file's text before
 * json-glib parses it; vecinos-importer-json.c reads the fields of a
 * record; -timeline.c, -series.c, -documents.c and -tours.c import one
 * group of records each. All of them work on one Import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "vecinos-date.h"
#include "vecinos-importer.h"

G_BEGIN_DECLS

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
  /* publishers.json, when the dataset has one: host → its publisher, and
   * refused host → why (vecinos-importer-publishers.c) */
  GHashTable  *publishers;
  /* dataset.json says "imported": a teacher's timeline brought from
   * another format, where an event may have no source, no actors and no
   * text under its title */
  gboolean     imported;
  GHashTable  *refused_hosts;
  GPtrArray   *publisher_list;

  sqlite3_stmt *insert_search;
  gint64        search_rows;  /* the search rows other than events' so far */
  gint64        search_total; /* every search row so far */
  sqlite3_stmt *insert_meta;

  /* The record being read, for error messages */
  const char  *file;
  const char  *kind;
  const char  *record;
} Import;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* vecinos-importer.c: errors that name the file and the record */
gboolean      import_fail_code           (Import       *import,
                                          GError      **error,
                                          int           code,
                                          const char   *format,
                                          ...) G_GNUC_PRINTF (4, 5);
gboolean      import_fail                (Import       *import,
                                          GError      **error,
                                          const char   *format,
                                          ...) G_GNUC_PRINTF (3, 4);
gboolean      import_fail_sqlite         (Import       *import,
                                          GError      **error);

gboolean      import_start               (Import       *import,
                                          GError      **error);
gboolean      import_finish              (Import       *import,
                                          gboolean      ok,
                                          GError      **error);

/* vecinos-importer.c: statements, files and rows */
gboolean      import_run                 (Import       *import,
                                          sqlite3_stmt *stmt,
                                          const char   *types,
                                          ...);
sqlite3_stmt *import_prepare             (Import       *import,
                                          const char   *sql,
                                          GError      **error);
JsonArray    *import_read_array          (Import       *import,
                                          JsonParser  **parser_out,
                                          const char   *member,
                                          GError      **error);
gboolean      import_check_new_id        (Import       *import,
                                          GHashTable   *ids,
                                          GError      **error);
gint64        import_remember_row        (Import       *import,
                                          GHashTable   *ids);
gboolean      import_insert_texts        (Import       *import,
                                          sqlite3_stmt *stmt,
                                          gint64        row,
                                          JsonObject  **texts,
                                          guint         n_texts);
gboolean      import_add_event_to_search (Import       *import,
                                          gint64        event,
                                          const char   *lang,
                                          const char   *title,
                                          const char   *body);
gboolean      import_add_to_search       (Import       *import,
                                          const char   *kind,
                                          const char   *lang,
                                          const char   *title,
                                          const char   *body);

/* vecinos-importer-publishers.c: the registry of who may be cited */
gboolean      import_publishers          (Import       *import,
                                          GError      **error);
gboolean      import_check_address       (Import       *import,
                                          const char   *url,
                                          GError      **error);

/* vecinos-importer-scan.c: the first pass over a file's text */
gboolean      import_check_json_text     (Import       *import,
                                          const char   *text,
                                          gsize         length,
                                          GError      **error);

/* vecinos-importer-json.c: the records and their fields */
JsonObject   *import_record_at           (Import       *import,
                                          JsonArray    *array,
                                          guint         index,
                                          GError      **error);
gboolean      import_missing             (Import       *import,
                                          const char   *member,
                                          GError      **error);
gboolean      import_check_length        (Import       *import,
                                          const char   *member,
                                          const char   *field,
                                          const char   *text,
                                          GError      **error);
const char   *import_get_string          (Import       *import,
                                          JsonObject   *object,
                                          const char   *member,
                                          GError      **error);
gboolean      import_get_optional_string (Import       *import,
                                          JsonObject   *object,
                                          const char   *member,
                                          const char  **value,
                                          GError      **error);
JsonObject   *import_get_texts           (Import       *import,
                                          JsonObject   *object,
                                          const char   *member,
                                          GError      **error);
gboolean      import_get_optional_texts  (Import       *import,
                                          JsonObject   *object,
                                          const char   *member,
                                          JsonObject  **texts,
                                          GError      **error);
const char   *import_text_in             (JsonObject   *texts,
                                          const char   *lang);
gboolean      import_get_date            (Import       *import,
                                          JsonObject   *object,
                                          const char   *member,
                                          gboolean      required,
                                          VecinosDate  *date,
                                          gboolean     *present,
                                          GError      **error);
gboolean      import_get_boolean         (Import       *import,
                                          JsonObject   *object,
                                          const char   *member,
                                          gboolean     *value,
                                          GError      **error);
gboolean      import_get_number          (Import       *import,
                                          JsonObject   *object,
                                          const char   *member,
                                          double       *value,
                                          GError      **error);
gboolean      import_check_value         (Import       *import,
                                          const char   *period,
                                          double        value,
                                          const char   *unit,
                                          GError      **error);
gboolean      import_is_url              (const char   *text);
gboolean      import_resolve             (Import       *import,
                                          GHashTable   *ids,
                                          const char   *kind,
                                          const char   *id,
                                          gint64       *row,
                                          GError      **error);
gboolean      import_link_each           (Import       *import,
                                          JsonObject   *object,
                                          const char   *member,
                                          GHashTable   *ids,
                                          const char   *kind,
                                          sqlite3_stmt *insert,
                                          gint64        row,
                                          gboolean      reversed,
                                          GError      **error);

/* An event's rows: the event, its texts, sources and actors */
typedef struct {
  sqlite3_stmt *event;
  sqlite3_stmt *text;
  sqlite3_stmt *source;
  sqlite3_stmt *actor;
} ImportEventStatements;

typedef struct {
  VecinosDay day;
  guint      index;     /* in the file */
} ImportDatedRecord;

gboolean      import_prepare_events      (Import                *import,
                                          ImportEventStatements *statements,
                                          GError               **error);
void          import_clear_events        (ImportEventStatements *statements);
gboolean      import_insert_event        (Import                *import,
                                          ImportEventStatements *statements,
                                          const VecinosDate     *start,
                                          const VecinosDate     *end,
                                          int                    category_id,
                                          int                    importance);
void          import_sort_by_day         (GArray                *records);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportEventStatements, import_clear_events)

/* The groups of records, in the order they are imported */
gboolean      import_categories          (Import       *import,
                                          GError      **error);
gboolean      import_terms               (Import       *import,
                                          GError      **error);
gboolean      import_events              (Import       *import,
                                          GError      **error);
gboolean      import_series              (Import       *import,
                                          GError      **error);
gboolean      import_documents           (Import       *import,
                                          GError      **error);
gboolean      import_excerpts            (Import       *import,
                                          GError      **error);
gboolean      import_claims              (Import       *import,
                                          GError      **error);
gboolean      import_tours               (Import       *import,
                                          GError      **error);

G_END_DECLS
