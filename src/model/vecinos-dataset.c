/* vecinos-dataset.c — read access to a compiled Vecinos dataset
 *
 * The bundled database is opened read-only and immutable; every query is
 * prepared once, when the dataset is opened, and kept in a table indexed by
 * the Query enum. Nothing above this file sees SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"
#include <sqlite3.h>

#include "vecinos-dataset.h"
#include "vecinos-event-private.h"
#include "vecinos-importer.h"
#include "vecinos-schema.h"

typedef enum {
  QUERY_LANGUAGES,
  QUERY_EVENTS,
  QUERY_EVENT_SOURCES,
  QUERY_SOURCE_ORGANISATIONS,
  QUERY_TERMS,
  QUERY_CATEGORIES,
  N_QUERIES
} Query;

/* Text is asked for in one language, falling back to English row by row */
static const char * const query_sql[N_QUERIES] = {
  [QUERY_LANGUAGES] =
    "SELECT value FROM meta WHERE key = 'languages'",
  [QUERY_EVENTS] =
    "SELECT e.id, e.slug, e.start_day, e.precision, e.end_day, e.end_precision,"
    " e.importance, c.slug, c.color,"
    " coalesce (t.title, te.title), coalesce (t.summary, te.summary),"
    " coalesce (ct.name, cte.name)"
    " FROM event e JOIN category c ON c.id = e.category_id"
    " JOIN event_text te ON te.event_id = e.id AND te.lang = 'en'"
    " LEFT JOIN event_text t ON t.event_id = e.id AND t.lang = ?1"
    " JOIN category_text cte ON cte.category_id = c.id AND cte.lang = 'en'"
    " LEFT JOIN category_text ct ON ct.category_id = c.id AND ct.lang = ?1"
    " ORDER BY e.start_day, e.id",
  [QUERY_EVENT_SOURCES] =
    "SELECT event_id, name, url FROM event_source ORDER BY event_id, ordinal",
  [QUERY_TERMS] =
    "SELECT t.slug, t.country, t.person, coalesce (tt.party, te.party), t.start_day, t.end_day"
    " FROM term t JOIN term_text te ON te.term_id = t.id AND te.lang = 'en'"
    " LEFT JOIN term_text tt ON tt.term_id = t.id AND tt.lang = ?1"
    " ORDER BY t.country DESC, t.start_day",
  [QUERY_CATEGORIES] =
    "SELECT c.slug, c.color, coalesce (ct.name, cte.name)"
    " FROM category c JOIN category_text cte ON cte.category_id = c.id AND cte.lang = 'en'"
    " LEFT JOIN category_text ct ON ct.category_id = c.id AND ct.lang = ?1"
    " ORDER BY c.id",
  [QUERY_SOURCE_ORGANISATIONS] =
    "SELECT source_org, min (source_url) FROM series GROUP BY source_org ORDER BY source_org",
};

struct _VecinosDataset
{
  GObject        parent_instance;

  GFile         *file;
  sqlite3       *db;
  sqlite3_stmt  *queries[N_QUERIES];
  char         **languages;
};

G_DEFINE_FINAL_TYPE (VecinosDataset, vecinos_dataset, G_TYPE_OBJECT)

G_DEFINE_QUARK (vecinos-dataset-error-quark, vecinos_dataset_error)

static void
vecinos_dataset_finalize (GObject *object)
{
  VecinosDataset *self = (VecinosDataset *) object;

  for (guint i = 0; i < N_QUERIES; i++)
    sqlite3_finalize (self->queries[i]);
  sqlite3_close (self->db);
  g_clear_object (&self->file);
  g_strfreev (self->languages);

  G_OBJECT_CLASS (vecinos_dataset_parent_class)->finalize (object);
}

static void
vecinos_dataset_class_init (VecinosDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vecinos_dataset_finalize;
}

static void
vecinos_dataset_init (VecinosDataset *self)
{
}

static char *
display_name (GFile *file)
{
  return file != NULL ? g_file_get_parse_name (file) : g_strdup (_("the built-in dataset"));
}

/* Maps what SQLite says about a file into a message its user can act on */
static gboolean
set_sqlite_error (VecinosDataset *self,
                  int             rc,
                  GError        **error)
{
  g_autofree char *name = display_name (self->file);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, VECINOS_DATASET_ERROR, VECINOS_DATASET_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file name */
                   _("“%s” is not a Vecinos dataset: it is not a database file. "
                     "Choose a dataset file made by Vecinos."), name);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, VECINOS_DATASET_ERROR, VECINOS_DATASET_ERROR_CORRUPT,
                   /* Translators: %s is a file name */
                   _("The dataset “%s” is damaged and cannot be read. "
                     "Reinstall Vecinos or choose another dataset file."), name);
      break;
    default:
      g_set_error (error, VECINOS_DATASET_ERROR, VECINOS_DATASET_ERROR_INVALID,
                   /* Translators: %1$s is a file name, %2$s SQLite's explanation */
                   _("The dataset “%1$s” could not be read: %2$s"),
                   name, sqlite3_errstr (rc));
      break;
    }
  return FALSE;
}

static gboolean
check_integrity (VecinosDataset  *self,
                 GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  ok = rc == SQLITE_ROW &&
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  if (ok)
    return TRUE;
  return set_sqlite_error (self, rc == SQLITE_ROW ? SQLITE_CORRUPT : rc, error);
}

static gboolean
check_version (VecinosDataset  *self,
               GError         **error)
{
  g_autofree char *name = display_name (self->file);
  sqlite3_stmt *stmt = NULL;
  int version = -1;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (version < 0)
    return set_sqlite_error (self, rc, error);

  if (version == 0)
    {
      g_set_error (error, VECINOS_DATASET_ERROR, VECINOS_DATASET_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file name */
                   _("“%s” is a database, but not a Vecinos dataset. "
                     "Choose a dataset file made by Vecinos."), name);
      return FALSE;
    }

  if (version != VECINOS_SCHEMA_VERSION)
    {
      g_set_error (error, VECINOS_DATASET_ERROR, VECINOS_DATASET_ERROR_VERSION,
                   /* Translators: %1$s is a file name; %2$d and %3$d are version numbers */
                   _("The dataset “%1$s” was made for another version of Vecinos "
                     "(dataset format %2$d; this version reads format %3$d). "
                     "Update Vecinos or use a dataset made for this version."),
                   name, version, VECINOS_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
prepare_queries (VecinosDataset  *self,
                 GError         **error)
{
  for (guint i = 0; i < N_QUERIES; i++)
    {
      int rc = sqlite3_prepare_v3 (self->db, query_sql[i], -1,
                                   SQLITE_PREPARE_PERSISTENT, &self->queries[i], NULL);

      if (rc != SQLITE_OK)
        {
          g_autofree char *name = display_name (self->file);

          g_set_error (error, VECINOS_DATASET_ERROR, VECINOS_DATASET_ERROR_INVALID,
                       /* Translators: %1$s is a file name, %2$s SQLite's explanation */
                       _("The dataset “%1$s” is incomplete: %2$s"),
                       name, sqlite3_errmsg (self->db));
          return FALSE;
        }
    }

  if (sqlite3_step (self->queries[QUERY_LANGUAGES]) == SQLITE_ROW)
    self->languages = g_strsplit ((const char *) sqlite3_column_text (self->queries[QUERY_LANGUAGES], 0),
                                  ",", -1);
  sqlite3_reset (self->queries[QUERY_LANGUAGES]);
  if (self->languages == NULL)
    return set_sqlite_error (self, SQLITE_CORRUPT, error);

  return TRUE;
}

static VecinosDataset *
finish_opening (VecinosDataset  *self,
                GError         **error)
{
  g_autoptr(VecinosDataset) dataset = self;

  if (!check_integrity (dataset, error) ||
      !check_version (dataset, error) ||
      !prepare_queries (dataset, error))
    return NULL;

  return g_steal_pointer (&dataset);
}

/**
 * vecinos_dataset_new_for_file:
 * @file: a compiled dataset (vecinos.sqlite)
 *
 * Opens @file read-only. Every way a file can be wrong — missing, not a
 * database, damaged, of another format version — is reported as a
 * %VECINOS_DATASET_ERROR with a message for the user.
 */
VecinosDataset *
vecinos_dataset_new_for_file (GFile   *file,
                              GError **error)
{
  g_autoptr(VecinosDataset) self = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file_uri = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *name = NULL;
  int rc;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (VECINOS_TYPE_DATASET, NULL);
  self->file = g_object_ref (file);
  name = display_name (file);
  path = g_file_get_path (file);

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, VECINOS_DATASET_ERROR, VECINOS_DATASET_ERROR_NOT_FOUND,
                   /* Translators: %s is a file name */
                   _("The dataset “%s” does not exist. "
                     "Reinstall Vecinos or choose another dataset file."), name);
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, VECINOS_DATASET_ERROR, VECINOS_DATASET_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Vecinos dataset: it is not a database file. "
                     "Choose a dataset file made by Vecinos."), name);
      return NULL;
    }

  /* immutable=1: the bundled file never changes while we read it, so SQLite
   * may skip locking, and nothing is ever written next to it */
  file_uri = g_filename_to_uri (path, NULL, NULL);
  uri = g_strconcat (file_uri, "?immutable=1", NULL);

  rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error), NULL;

  return finish_opening (g_steal_pointer (&self), error);
}

/**
 * vecinos_dataset_new_from_directory:
 * @directory: a dataset in its JSON source form
 *
 * Imports @directory into an in-memory database with the same importer that
 * builds the bundled dataset.
 */
VecinosDataset *
vecinos_dataset_new_from_directory (GFile   *directory,
                                    GError **error)
{
  g_autoptr(VecinosDataset) self = NULL;
  int rc;

  g_return_val_if_fail (G_IS_FILE (directory), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (VECINOS_TYPE_DATASET, NULL);
  self->file = g_object_ref (directory);

  rc = sqlite3_open_v2 (":memory:", &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error), NULL;

  if (!vecinos_importer_import_directory (self->db, directory, error))
    return NULL;

  return finish_opening (g_steal_pointer (&self), error);
}

/**
 * vecinos_dataset_get_file:
 *
 * Returns: (transfer none): the file or directory the dataset was read from
 */
GFile *
vecinos_dataset_get_file (VecinosDataset *self)
{
  g_return_val_if_fail (VECINOS_IS_DATASET (self), NULL);
  return self->file;
}

const char * const *
vecinos_dataset_get_languages (VecinosDataset *self)
{
  g_return_val_if_fail (VECINOS_IS_DATASET (self), NULL);
  return (const char * const *) self->languages;
}

static gboolean
read_failed (VecinosDataset  *self,
             sqlite3_stmt    *stmt,
             int              rc,
             GError         **error)
{
  sqlite3_reset (stmt);
  return set_sqlite_error (self, rc, error);
}

static VecinosDate
date_column (sqlite3_stmt *stmt,
             int           day_column,
             int           precision_column)
{
  VecinosDate date;

  vecinos_date_from_day (sqlite3_column_int (stmt, day_column),
                         sqlite3_column_int (stmt, precision_column), &date);
  return date;
}

/**
 * vecinos_dataset_list_events:
 * @lang: the language of the text ("en", "es"); text missing in it is English
 *
 * Returns: (transfer full) (nullable): a list of #VecinosEvent by date
 */
GListModel *
vecinos_dataset_list_events (VecinosDataset  *self,
                             const char      *lang,
                             GError         **error)
{
  g_autoptr(GListStore) store = g_list_store_new (VECINOS_TYPE_EVENT);
  g_autoptr(GHashTable) by_id = g_hash_table_new (NULL, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  stmt = self->queries[QUERY_EVENTS];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(VecinosEvent) event = NULL;
      VecinosEventFields fields = {
        .slug = (const char *) sqlite3_column_text (stmt, 1),
        .start = date_column (stmt, 2, 3),
        .has_end = sqlite3_column_type (stmt, 4) != SQLITE_NULL,
        .importance = sqlite3_column_int (stmt, 6),
        .category = (const char *) sqlite3_column_text (stmt, 7),
        .color = (const char *) sqlite3_column_text (stmt, 8),
        .title = (const char *) sqlite3_column_text (stmt, 9),
        .summary = (const char *) sqlite3_column_text (stmt, 10),
        .category_name = (const char *) sqlite3_column_text (stmt, 11),
      };

      if (fields.has_end)
        fields.end = date_column (stmt, 4, 5);

      event = vecinos_event_new (&fields);
      g_hash_table_insert (by_id, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)), event);
      g_list_store_append (store, event);
    }
  if (rc != SQLITE_DONE)
    return read_failed (self, stmt, rc, error), NULL;
  sqlite3_reset (stmt);

  stmt = self->queries[QUERY_EVENT_SOURCES];
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VecinosEvent *event = g_hash_table_lookup (by_id, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)));

      if (event != NULL)
        vecinos_event_add_source (event,
                                  (const char *) sqlite3_column_text (stmt, 1),
                                  (const char *) sqlite3_column_text (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    return read_failed (self, stmt, rc, error), NULL;
  sqlite3_reset (stmt);

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * vecinos_dataset_count:
 * @table: one of the schema's table names
 *
 * Returns: how many rows @table has, for tests and the About dialog
 */
guint
vecinos_dataset_count (VecinosDataset *self,
                       const char     *table)
{
  static const char * const tables[] = {
    "category", "event", "event_source", "term", "document", "excerpt",
    "series", "point", "claim", "tour", "search", NULL
  };
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  guint count = 0;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), 0);
  g_return_val_if_fail (g_strv_contains (tables, table), 0);

  /* The table name comes from the fixed list above, never from a user */
  sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

/**
 * vecinos_dataset_list_source_organisations:
 *
 * Returns: (transfer full): the organisations whose figures the dataset
 *   charts, each as "Name https://address" (the form GtkAboutDialog credits
 *   take), in alphabetical order
 */
char **
vecinos_dataset_list_source_organisations (VecinosDataset *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), NULL);

  stmt = self->queries[QUERY_SOURCE_ORGANISATIONS];
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *credit = g_strdup_printf ("%s %s",
                                                 (const char *) sqlite3_column_text (stmt, 0),
                                                 (const char *) sqlite3_column_text (stmt, 1));
      g_strv_builder_add (builder, credit);
    }
  sqlite3_reset (stmt);
  return g_strv_builder_end (builder);
}

static void
vecinos_term_free (VecinosTerm *term)
{
  g_free (term->slug);
  g_free (term->person);
  g_free (term->party);
  g_free (term);
}

/**
 * vecinos_dataset_list_terms:
 * @lang: the language of party names
 *
 * Returns: (transfer full) (element-type VecinosTerm): the presidential
 *   terms, the United States' first, each country's by date
 */
GPtrArray *
vecinos_dataset_list_terms (VecinosDataset *self,
                            const char     *lang)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_term_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), terms);

  stmt = self->queries[QUERY_TERMS];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      VecinosTerm *term = g_new0 (VecinosTerm, 1);

      term->slug = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      g_strlcpy (term->country, (const char *) sqlite3_column_text (stmt, 1), sizeof term->country);
      term->person = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      term->party = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      term->start = sqlite3_column_int (stmt, 4);
      term->end = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? 0 : sqlite3_column_int (stmt, 5);
      g_ptr_array_add (terms, term);
    }
  sqlite3_reset (stmt);
  return terms;
}

static void
vecinos_category_free (VecinosCategory *category)
{
  g_free (category->slug);
  g_free (category->color);
  g_free (category->name);
  g_free (category);
}

/**
 * vecinos_dataset_list_categories:
 * @lang: the language of the names
 *
 * Returns: (transfer full) (element-type VecinosCategory): the categories,
 *   in the order of the dataset (the order of the timeline's rows)
 */
GPtrArray *
vecinos_dataset_list_categories (VecinosDataset *self,
                                 const char     *lang)
{
  GPtrArray *categories = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_category_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), categories);

  stmt = self->queries[QUERY_CATEGORIES];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      VecinosCategory *category = g_new0 (VecinosCategory, 1);

      category->slug = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      category->color = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      category->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (categories, category);
    }
  sqlite3_reset (stmt);
  return categories;
}
