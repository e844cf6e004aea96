/* vecinos-importer.c — the one way data enters Vecinos: JSON → SQLite
 *
 * Reads a dataset directory in the format of docs/DATASET.md and writes it,
 * inside one transaction, into an empty SQLite database: the build-time
 * compiler writes a file, the app an in-memory database. Any invalid record
 * stops the import with a message naming the file, the record and the
 * problem, and nothing is committed.
 *
 * A dataset is untrusted input (a teacher's folder is imported by the app
 * too): each file is read only if it is an ordinary file within
 * VECINOS_MAX_FILE_BYTES, and one pass over its text refuses what json-glib
 * would get wrong before json-glib sees it (vecinos-importer-scan.c).
 *
 * This file reads the files and runs the import in its order, with the
 * helpers every part uses (errors, statements, rows); the fields of a
 * record are read in vecinos-importer-json.c, and each group of records
 * is imported by its own file: -timeline.c (categories, terms, events),
 * -series.c, -documents.c (documents, excerpts, claims) and -tours.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vecinos-event-list.h"
#include "vecinos-importer-private.h"

/* The search rows an import merges into one segment at its end */
#define SEARCH_ROWS_MERGED 50000
#include "vecinos-schema.h"

G_DEFINE_QUARK (vecinos-import-error-quark, vecinos_import_error)

static gboolean fail_valist (Import     *import,
                             GError    **error,
                             int         code,
                             const char *format,
                             va_list     args) G_GNUC_PRINTF (4, 0);

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
gboolean
import_fail_code (Import     *import,
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
gboolean
import_fail (Import     *import,
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

gboolean
import_fail_sqlite (Import  *import,
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
    return import_fail_sqlite (import, error);
  return TRUE;
}

/* Binds each argument in turn: 's' text (NULL binds NULL), 'i' int,
 * 'I' gint64 (or NULL through a 0 sentinel is not allowed), 'd' double,
 * 'n' NULL; then runs the statement once and resets it. */
gboolean
import_run (Import       *import,
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
          /* Not copied: the text is the caller's until the step below is
           * done, and the bindings are cleared after it */
          sqlite3_bind_text (stmt, i + 1, va_arg (args, const char *), -1, SQLITE_STATIC);
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

sqlite3_stmt *
import_prepare (Import     *import,
                const char *sql,
                GError    **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (import->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      import_fail_sqlite (import, error);
      return NULL;
    }
  return stmt;
}

/* --- Reading a file: untrusted input with limits --- */

/* The files of a dataset, in the order they are read; the compiler refuses
 * an output that would overwrite one of them */
static const char * const file_names[] = {
  "dataset.json", "publishers.json", "categories.json", "terms.json", "events.json", "series.json",
  "documents.json", "excerpts.json", "claims.json", "tours.json", NULL
};

/**
 * vecinos_importer_get_file_names:
 *
 * Returns: (transfer none): the names of the files the importer reads in a
 *   dataset directory, %NULL-terminated
 */
const char * const *
vecinos_importer_get_file_names (void)
{
  return file_names;
}

static gboolean
fail_too_large (Import  *import,
                goffset  size,
                GError **error)
{
  g_autofree char *have = g_format_size (size);
  g_autofree char *limit = g_format_size (VECINOS_MAX_FILE_BYTES);

  return import_fail_code (import, error, VECINOS_IMPORT_ERROR_READ,
                           /* Translators: %1$s and %2$s are sizes, such as "70.2 MB" */
                           _("the file is too large (%1$s; the limit is %2$s)"), have, limit);
}

static gboolean
fail_not_regular (Import  *import,
                  GError **error)
{
  return import_fail_code (import, error, VECINOS_IMPORT_ERROR_READ,
                           _("this is not an ordinary file (it is a folder, a device or a pipe)"));
}

/* Appends what the file at @path holds to @buffer, at most
 * VECINOS_MAX_FILE_BYTES; anything but an ordinary file is refused unread */
static gboolean
read_local_file (Import      *import,
                 const char  *path,
                 GByteArray  *buffer,
                 GError     **error)
{
  struct stat info;
  int fd, saved_errno;

  /* O_NONBLOCK: opening a FIFO would otherwise wait for a writer */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      /* Translators: %s is the system's explanation, such as "Permission denied" */
      return import_fail_code (import, error, VECINOS_IMPORT_ERROR_READ, _("cannot be read: %s"),
                               g_strerror (saved_errno));
    }
  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode))
    {
      close (fd);
      return fail_not_regular (import, error);
    }
  if (info.st_size > VECINOS_MAX_FILE_BYTES)
    {
      close (fd);
      return fail_too_large (import, info.st_size, error);
    }

  /* The file may grow while it is read: the limit holds whatever fstat said */
  for (;;)
    {
      guint8 chunk[65536];
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          close (fd);
          return import_fail_code (import, error, VECINOS_IMPORT_ERROR_READ, _("cannot be read: %s"),
                                   g_strerror (saved_errno));
        }
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > VECINOS_MAX_FILE_BYTES)
        {
          close (fd);
          return fail_too_large (import, buffer->len + n, error);
        }
      g_byte_array_append (buffer, chunk, n);
    }
  close (fd);
  return TRUE;
}

/* The same for a file that is not on a local disk, through GIO */
static gboolean
read_gio_file (Import      *import,
               GFile       *file,
               GByteArray  *buffer,
               GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    return import_fail_code (import, error, VECINOS_IMPORT_ERROR_READ, _("cannot be read: %s"),
                             local_error->message);
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return fail_not_regular (import, error);
  if (g_file_info_get_size (info) > VECINOS_MAX_FILE_BYTES)
    return fail_too_large (import, g_file_info_get_size (info), error);

  if (!(stream = g_file_read (file, NULL, &local_error)))
    return import_fail_code (import, error, VECINOS_IMPORT_ERROR_READ, _("cannot be read: %s"),
                             local_error->message);
  for (;;)
    {
      guint8 chunk[65536];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, NULL, &local_error);

      if (n < 0)
        return import_fail_code (import, error, VECINOS_IMPORT_ERROR_READ, _("cannot be read: %s"),
                                 local_error->message);
      if (n == 0)
        return TRUE;
      if (buffer->len + (gsize) n > VECINOS_MAX_FILE_BYTES)
        return fail_too_large (import, buffer->len + n, error);
      g_byte_array_append (buffer, chunk, n);
    }
}

static GBytes *
load_file (Import  *import,
           GFile   *file,
           GError **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autofree char *path = g_file_get_path (file);

  if (!(path != NULL ? read_local_file (import, path, buffer, error)
                     : read_gio_file (import, file, buffer, error)))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

JsonArray *
import_read_array (Import      *import,
                   JsonParser **parser_out,
                   const char  *member,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GFile) file = g_file_get_child (import->directory, import->file);
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *text;
  gsize length;
  JsonNode *root;
  JsonObject *object;

  import->record = NULL;

  if (!(contents = load_file (import, file, error)))
    return NULL;
  text = g_bytes_get_data (contents, &length);
  if (!import_check_json_text (import, text != NULL ? text : "", length, error))
    return NULL;

  if (!json_parser_load_from_data (parser, text != NULL ? text : "", length, &local_error))
    {
      import_fail_code (import, error, VECINOS_IMPORT_ERROR_INVALID_JSON, "%s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object == NULL || !json_object_has_member (object, member) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, member)))
    {
      import_fail_code (import, error, VECINOS_IMPORT_ERROR_INVALID_JSON,
                        /* Translators: %s is the name of a JSON member, such as "events" */
                        _("expected an object with an array “%s”"), member);
      return NULL;
    }

  *parser_out = g_steal_pointer (&parser);
  return json_object_get_array_member (object, member);
}

/* --- Writing a record --- */

/* Checked before the insert, so that a repeated id gets our message rather
 * than SQLite's constraint error */
gboolean
import_check_new_id (Import     *import,
                     GHashTable *ids,
                     GError    **error)
{
  if (g_hash_table_contains (ids, import->record))
    return import_fail_code (import, error, VECINOS_IMPORT_ERROR_DUPLICATE_ID, _("the id is used twice"));
  return TRUE;
}

gint64
import_remember_row (Import     *import,
                     GHashTable *ids)
{
  gint64 row = sqlite3_last_insert_rowid (import->db);

  g_hash_table_insert (ids, g_strdup (import->record), GINT_TO_POINTER ((int) row));
  return row;
}

gboolean
import_insert_texts (Import       *import,
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

/* A row of the search index that is not an event's: numbered from 1, below
 * the events' blocks (VECINOS_SEARCH_BLOCK) */
gboolean
import_add_to_search (Import     *import,
                      const char *kind,
                      const char *lang,
                      const char *title,
                      const char *body)
{
  if (++import->search_rows >= VECINOS_SEARCH_BLOCK)
    return FALSE;
  import->search_total++;
  return import_run (import, import->insert_search, "Isssss", import->search_rows, kind, import->record, lang,
                     title != NULL ? title : "", body != NULL ? body : "");
}

/* An event's row of the search index: VECINOS_SEARCH_EVENT_ROWID, so that
 * the timeline's filter reads events from the index alone */
gboolean
import_add_event_to_search (Import     *import,
                            gint64      event,
                            const char *lang,
                            const char *title,
                            const char *body)
{
  guint index = 0;

  while (import->languages[index] != NULL && !g_str_equal (import->languages[index], lang))
    index++;
  if (import->languages[index] == NULL || event <= 0 || event >= VECINOS_SEARCH_BLOCK)
    return FALSE;
  import->search_total++;
  return import_run (import, import->insert_search, "Isssss", VECINOS_SEARCH_EVENT_ROWID (index, event), "event",
                     import->record, lang, title != NULL ? title : "", body != NULL ? body : "");
}

static gboolean
import_manifest (Import  *import,
                 GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  sqlite3_stmt *meta = import->insert_meta;
  /* The one language an imported timeline is written in; NULL: the
   * dataset gives every language's texts */
  const char *content_language = NULL;
  JsonArray *languages;
  guint n;

  import->file = "dataset.json";
  import->kind = _("dataset");
  if (!(languages = import_read_array (import, &parser, "languages", error)))
    return FALSE;

  n = json_array_get_length (languages);
  import->languages = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const char *lang = json_array_get_string_element (languages, i);

      if (lang == NULL || strlen (lang) != 2)
        return import_fail (import, error, _("“languages” must list two-letter language codes"));
      /* Else SQLite's bare "UNIQUE constraint failed" at the first text */
      if (g_strv_contains ((const char * const *) import->languages, lang))
        /* Translators: %s is a language code such as "es" */
        return import_fail (import, error, _("“languages” lists “%s” twice"), lang);
      import->languages[i] = g_strdup (lang);
    }
  if (n == 0 || !g_strv_contains ((const char * const *) import->languages, "en"))
    return import_fail (import, error, _("“languages” must include “en”"));
  {
    JsonObject *root = json_node_get_object (json_parser_get_root (parser));

    if (json_object_has_member (root, "imported") &&
        !import_get_boolean (import, root, "imported", &import->imported, error))
      return FALSE;
    if (!import_get_optional_string (import, root, "content_language", &content_language, error))
      return FALSE;
    if (content_language != NULL &&
        !g_strv_contains ((const char * const *) import->languages, content_language))
      return import_fail (import, error, _("“content_language” must be one of “languages”"));
  }

  {
    g_autofree char *joined = g_strjoinv (",", import->languages);
    g_autofree char *version = g_strdup_printf ("%d", VECINOS_SCHEMA_VERSION);

    if (!import_run (import, meta, "ss", "languages", joined) ||
        !import_run (import, meta, "ss", "schema_version", version) ||
        (content_language != NULL &&
         !import_run (import, meta, "ss", "content_language", content_language)))
      return import_fail_sqlite (import, error);
    /* The timeline's title, by language ("title.es"), for the window */
    {
      JsonObject *root = json_node_get_object (json_parser_get_root (parser));
      JsonObject *titles = NULL;

      if (json_object_has_member (root, "title") &&
          !(titles = import_get_texts (import, root, "title", error)))
        return FALSE;
      for (guint i = 0; titles != NULL && import->languages[i] != NULL; i++)
        {
          g_autofree char *key = g_strconcat ("title.", import->languages[i], NULL);

          if (!import_run (import, meta, "ss", key, import_text_in (titles, import->languages[i])))
            return import_fail_sqlite (import, error);
        }
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
 * import_start:
 *
 * Opens the one transaction an import is and creates the schema in it.
 */
gboolean
import_start (Import  *import,
              GError **error)
{
  g_autofree char *user_version = g_strdup_printf ("PRAGMA user_version = %d", VECINOS_SCHEMA_VERSION);

  if (!exec (import, "BEGIN", error))
    return FALSE;
  /* During the import the search index only appends its segments,
   * merging them when 256 pile up on a level, instead of merging a few at
   * each insert (FTS5's automerge 4): a million events' index is written
   * in half the time (docs/PERFORMANCE.md); import_finish() merges a small
   * one into one segment */
  return exec (import, vecinos_schema_sql, error) &&
         exec (import, user_version, error) &&
         exec (import, "INSERT INTO search (search, rank) VALUES ('automerge', 0);"
                       "INSERT INTO search (search, rank) VALUES ('crisismerge', 256)", error) &&
         (import->insert_search = import_prepare (import, "INSERT INTO search (rowid, kind, ref, lang, title, body)"
                                                          " VALUES (?, ?, ?, ?, ?, ?)", error)) != NULL &&
         (import->insert_meta = import_prepare (import, "INSERT INTO meta (key, value) VALUES (?, ?)",
                                                error)) != NULL;
}

/**
 * import_finish:
 * @ok: whether every part was imported
 *
 * Commits what @import wrote when @ok, else leaves nothing of it.
 */
gboolean
import_finish (Import   *import,
               gboolean  ok,
               GError  **error)
{
  /* A search index of up to SEARCH_ROWS_MERGED rows (the bundled
   * dataset's, a teacher's timeline) merged into one segment, searched
   * four times faster than the segments the import leaves (the bundled
   * dataset's: 2.3 → 0.55 ms a key, bench-search) in less than a fifth of
   * a second; a larger one is left as it is, its merge taking seconds.
   * Then FTS5's defaults again, for whoever writes the file next */
  ok = ok && exec (import, vecinos_schema_indexes_sql, error) &&
       (import->search_total > SEARCH_ROWS_MERGED ||
        exec (import, "INSERT INTO search (search) VALUES ('optimize')", error)) &&
       exec (import, "INSERT INTO search (search, rank) VALUES ('automerge', 4);"
                           "INSERT INTO search (search, rank) VALUES ('crisismerge', 16)", error) &&
       exec (import, "COMMIT", error);
  g_clear_pointer (&import->insert_search, sqlite3_finalize);
  g_clear_pointer (&import->insert_meta, sqlite3_finalize);
  if (!ok)
    sqlite3_exec (import->db, "ROLLBACK", NULL, NULL, NULL);
  /* Then, the last change to the file: the events' order, as the window
   * reads it at open (vecinos-event-list.c) */
  else if (vecinos_event_list_keep_order (import->db) != SQLITE_OK)
    ok = import_fail_sqlite (import, error);

  g_clear_pointer (&import->languages, g_strfreev);
  g_clear_pointer (&import->publishers, g_hash_table_unref);
  g_clear_pointer (&import->refused_hosts, g_hash_table_unref);
  g_clear_pointer (&import->publisher_list, g_ptr_array_unref);
  return ok;
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

  ok = import_start (&import, error) &&
       import_manifest (&import, error) &&
       import_optional (&import, "publishers.json", import_publishers, error) &&
       import_categories (&import, error) &&
       import_terms (&import, error) &&
       import_events (&import, error) &&
       import_optional (&import, "series.json", import_series, error) &&
       import_optional (&import, "documents.json", import_documents, error) &&
       import_optional (&import, "excerpts.json", import_excerpts, error) &&
       import_optional (&import, "claims.json", import_claims, error) &&
       import_optional (&import, "tours.json", import_tours, error);
  return import_finish (&import, ok, error);
}
