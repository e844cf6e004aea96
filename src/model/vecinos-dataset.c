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
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <math.h>
#include <string.h>

#include "vecinos-dataset.h"
#include "vecinos-dataset-private.h"
#include "vecinos-search.h"

/* At most this many matches of a search are ranked (see QUERY_SEARCH) */
#define SEARCH_CANDIDATES 2000
#include "vecinos-event-private.h"
#include "vecinos-excerpt.h"
#include "vecinos-series-private.h"
#include "vecinos-importer.h"
#include "vecinos-schema.h"
#include "vecinos-uri.h"

typedef enum {
  QUERY_LANGUAGES,
  QUERY_EVENTS,
  QUERY_EVENT_SOURCES,
  QUERY_SOURCE_ORGANISATIONS,
  QUERY_TERMS,
  QUERY_CATEGORIES,
  QUERY_EVENT_EXCERPTS,
  QUERY_EXCERPT_CLAIMS,
  QUERY_EVENT_SERIES,
  QUERY_SERIES_LIST,
  QUERY_SERIES,
  QUERY_SERIES_POINTS,
  QUERY_SERIES_CLAIMS,
  QUERY_SERIES_NEIGHBOURS,
  QUERY_DOCUMENTS,
  QUERY_DOCUMENT_EXCERPTS,
  QUERY_EXCERPT_DOCUMENT,
  QUERY_EXCERPT_EVENTS,
  QUERY_EXCERPT_SERIES,
  QUERY_SEARCH,
  QUERY_SEARCH_ROW,
  QUERY_EVENT_TITLE,
  QUERY_SERIES_NAME,
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
    "SELECT t.slug, t.country, t.person, coalesce (tt.party, te.party), t.start_day, t.end_day,"
    " t.short_name"
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
  /* ?1 language, ?2 event slug; the translation is NULL in the document's
   * own language */
  [QUERY_EVENT_EXCERPTS] =
    "SELECT x.id, x.slug, x.text, CASE WHEN d.lang = ?1 THEN NULL ELSE t.text END,"
    " d.slug, d.title, d.authors, d.publisher, d.published_day, d.published_precision,"
    " d.date_inferred, d.url"
    " FROM event e JOIN event_excerpt ee ON ee.event_id = e.id"
    " JOIN excerpt x ON x.id = ee.excerpt_id JOIN document d ON d.id = x.document_id"
    " LEFT JOIN excerpt_text t ON t.excerpt_id = x.id AND t.lang = ?1"
    " WHERE e.slug = ?2 ORDER BY d.published_day, d.id, x.ordinal",
  /* ?1 language, ?2 excerpt row; the official figure is the series' point
   * for the claim's period */
  [QUERY_EXCERPT_CLAIMS] =
    "SELECT c.text, c.value, s.slug, coalesce (st.name, ste.name), coalesce (st.unit, ste.unit),"
    " s.source_org, s.frequency, c.period_day, p.value, p.preliminary, p.source, p.source_url,"
    " c.measure_differs, coalesce (ct.note, cte.note), s.unit_kind"
    " FROM claim c LEFT JOIN series s ON s.id = c.series_id"
    " LEFT JOIN series_text ste ON ste.series_id = s.id AND ste.lang = 'en'"
    " LEFT JOIN series_text st ON st.series_id = s.id AND st.lang = ?1"
    " LEFT JOIN point p ON p.series_id = c.series_id AND p.period_day = c.period_day"
    " LEFT JOIN claim_text cte ON cte.claim_id = c.id AND cte.lang = 'en'"
    " LEFT JOIN claim_text ct ON ct.claim_id = c.id AND ct.lang = ?1"
    " WHERE c.excerpt_id = ?2 ORDER BY c.ordinal",
  /* ?1 language, ?2 event slug: the series its excerpts discuss or check
   * a claim against, and those its tour steps point at */
  [QUERY_EVENT_SERIES] =
    "SELECT s.slug, coalesce (st.name, ste.name) FROM series s"
    " JOIN series_text ste ON ste.series_id = s.id AND ste.lang = 'en'"
    " LEFT JOIN series_text st ON st.series_id = s.id AND st.lang = ?1"
    " WHERE s.id IN ("
    "  SELECT se.series_id FROM series_excerpt se"
    "   JOIN event_excerpt ee ON ee.excerpt_id = se.excerpt_id JOIN event e ON e.id = ee.event_id"
    "   WHERE e.slug = ?2"
    "  UNION SELECT c.series_id FROM claim c"
    "   JOIN event_excerpt ee ON ee.excerpt_id = c.excerpt_id JOIN event e ON e.id = ee.event_id"
    "   WHERE e.slug = ?2 AND c.series_id IS NOT NULL"
    "  UNION SELECT ts.series_id FROM tour_step ts JOIN event e ON e.id = ts.event_id"
    "   WHERE e.slug = ?2 AND ts.series_id IS NOT NULL)"
    " ORDER BY 2",
  [QUERY_SERIES_LIST] =
    "SELECT s.slug, coalesce (st.name, ste.name), c.slug, coalesce (ct.name, cte.name),"
    " s.population_id IS NOT NULL"
    " FROM series s JOIN category c ON c.id = s.category_id"
    " JOIN series_text ste ON ste.series_id = s.id AND ste.lang = 'en'"
    " LEFT JOIN series_text st ON st.series_id = s.id AND st.lang = ?1"
    " JOIN category_text cte ON cte.category_id = c.id AND cte.lang = 'en'"
    " LEFT JOIN category_text ct ON ct.category_id = c.id AND ct.lang = ?1"
    " ORDER BY c.id, 2",
  /* ?1 language, ?2 series slug */
  [QUERY_SERIES] =
    "SELECT s.id, s.slug, c.slug, coalesce (ct.name, cte.name), c.color,"
    " coalesce (st.name, ste.name), coalesce (st.unit, ste.unit), s.unit_kind,"
    " coalesce (st.definition, ste.definition), coalesce (st.caveats, ste.caveats),"
    " coalesce (st.break_note, ste.break_note), s.source_org, s.source_url, s.frequency,"
    " (SELECT slug FROM series WHERE id = s.population_id)"
    " FROM series s JOIN category c ON c.id = s.category_id"
    " JOIN series_text ste ON ste.series_id = s.id AND ste.lang = 'en'"
    " LEFT JOIN series_text st ON st.series_id = s.id AND st.lang = ?1"
    " JOIN category_text cte ON cte.category_id = c.id AND cte.lang = 'en'"
    " LEFT JOIN category_text ct ON ct.category_id = c.id AND ct.lang = ?1"
    " WHERE s.slug = ?2",
  /* ?1 language, ?2 series row */
  [QUERY_SERIES_POINTS] =
    "SELECT p.period_day, p.value, p.preliminary, p.source, p.source_url,"
    " coalesce (t.note, te.note)"
    " FROM point p"
    " LEFT JOIN point_text te ON te.series_id = p.series_id AND te.period_day = p.period_day AND te.lang = 'en'"
    " LEFT JOIN point_text t ON t.series_id = p.series_id AND t.period_day = p.period_day AND t.lang = ?1"
    " WHERE p.series_id = ?2 ORDER BY p.period_day",
  /* ?1 language: the documents, oldest first */
  [QUERY_DOCUMENTS] =
    "SELECT d.slug, d.title, d.authors, d.publisher, d.published_day, d.published_precision,"
    " d.date_inferred, d.url, coalesce (t.kind, te.kind), coalesce (t.notes, te.notes), d.lang,"
    " (SELECT count (*) FROM excerpt x WHERE x.document_id = d.id)"
    " FROM document d JOIN document_text te ON te.document_id = d.id AND te.lang = 'en'"
    " LEFT JOIN document_text t ON t.document_id = d.id AND t.lang = ?1"
    " ORDER BY d.published_day, d.id",
  /* ?1 language of the translation, ?2 document slug, ?3 language of the
   * category names: the excerpts in order */
  [QUERY_DOCUMENT_EXCERPTS] =
    "SELECT x.id, x.slug, x.text, CASE WHEN d.lang = ?1 THEN NULL ELSE t.text END,"
    " d.slug, d.title, d.authors, d.publisher, d.published_day, d.published_precision,"
    " d.date_inferred, d.url, x.ordinal,"
    " (SELECT group_concat (name, ', ') FROM (SELECT coalesce (ct.name, cte.name) AS name"
    "   FROM excerpt_category ec"
    "   JOIN category_text cte ON cte.category_id = ec.category_id AND cte.lang = 'en'"
    "   LEFT JOIN category_text ct ON ct.category_id = ec.category_id AND ct.lang = ?3"
    "   WHERE ec.excerpt_id = x.id ORDER BY ec.category_id))"
    " FROM excerpt x JOIN document d ON d.id = x.document_id"
    " LEFT JOIN excerpt_text t ON t.excerpt_id = x.id AND t.lang = ?1"
    " WHERE d.slug = ?2 ORDER BY x.ordinal",
  /* ?1 excerpt slug */
  [QUERY_EXCERPT_DOCUMENT] =
    "SELECT d.slug FROM excerpt x JOIN document d ON d.id = x.document_id WHERE x.slug = ?1",
  /* ?1 language, ?2 excerpt row: the events it discusses, by date */
  [QUERY_EXCERPT_EVENTS] =
    "SELECT e.slug, coalesce (t.title, te.title) FROM event_excerpt ee JOIN event e ON e.id = ee.event_id"
    " JOIN event_text te ON te.event_id = e.id AND te.lang = 'en'"
    " LEFT JOIN event_text t ON t.event_id = e.id AND t.lang = ?1"
    " WHERE ee.excerpt_id = ?2 ORDER BY e.start_day",
  /* ?1 language, ?2 excerpt row: the series it discusses or checks a
   * number against */
  [QUERY_EXCERPT_SERIES] =
    "SELECT s.slug, coalesce (st.name, ste.name) FROM series s"
    " JOIN series_text ste ON ste.series_id = s.id AND ste.lang = 'en'"
    " LEFT JOIN series_text st ON st.series_id = s.id AND st.lang = ?1"
    " WHERE s.id IN (SELECT series_id FROM series_excerpt WHERE excerpt_id = ?2"
    "  UNION SELECT series_id FROM claim WHERE excerpt_id = ?2 AND series_id IS NOT NULL)"
    " ORDER BY 2",
  /* ?1 an FTS5 query built by vecinos_search_build_query(), ?2 how many
   * rows: the best by the table's rank (bm25, titles weighing eight times
   * the text) among the first SEARCH_CANDIDATES matches. Ranking costs
   * about a microsecond a match: a common word in a large dataset matches
   * tens of thousands of texts, and the first ones are the events, series
   * and documents (they are indexed before the excerpts) */
  [QUERY_SEARCH] =
    "SELECT rowid, rank FROM (SELECT rowid, rank FROM search WHERE search MATCH ?1"
    " LIMIT " G_STRINGIFY (SEARCH_CANDIDATES) ") ORDER BY rank LIMIT ?2",
  /* ?1 a row of the search table: what it is, its texts, and for an
   * excerpt its document's title */
  [QUERY_SEARCH_ROW] =
    "SELECT s.kind, s.ref, s.lang, s.title, s.body,"
    " (SELECT d.title FROM excerpt x JOIN document d ON d.id = x.document_id WHERE x.slug = s.ref)"
    " FROM search s WHERE s.rowid = ?1",
  /* ?1 language, ?2 slug: a title in the interface's language for a
   * record found through another's words */
  [QUERY_EVENT_TITLE] =
    "SELECT t.title FROM event e JOIN event_text t ON t.event_id = e.id WHERE t.lang = ?1 AND e.slug = ?2",
  [QUERY_SERIES_NAME] =
    "SELECT t.name FROM series s JOIN series_text t ON t.series_id = s.id WHERE t.lang = ?1 AND s.slug = ?2",
  /* ?1 series row: the first and last periods of each related series */
  [QUERY_SERIES_NEIGHBOURS] =
    "SELECT min (p.period_day), max (p.period_day) FROM series_related r"
    " JOIN point p ON p.series_id = r.related_id WHERE r.series_id = ?1 GROUP BY r.related_id",
  /* ?1 series row: the claims with a number, in the series' unit */
  [QUERY_SERIES_CLAIMS] =
    "SELECT c.period_day, c.value, c.text, d.title, d.published_day, c.measure_differs"
    " FROM claim c JOIN excerpt x ON x.id = c.excerpt_id JOIN document d ON d.id = x.document_id"
    " WHERE c.series_id = ?1 AND c.value IS NOT NULL AND c.period_day IS NOT NULL"
    " ORDER BY c.period_day, c.id",
};

struct _VecinosDataset
{
  GObject        parent_instance;

  GFile         *file;
  sqlite3       *db;
  sqlite3_stmt  *queries[N_QUERIES];
  char         **languages;

  char          *path;         /* of the file, to notice it change */
  GStatBuf       stat;         /* the file as it was opened */
  gint64         time_limit;   /* microseconds a call may take */
  gint64         deadline;     /* when the current call must stop */
  GError        *failure;      /* the first read that failed, once the file is open */
  gboolean       opened;
};

G_DEFINE_FINAL_TYPE (VecinosDataset, vecinos_dataset, G_TYPE_OBJECT)

G_DEFINE_QUARK (vecinos-dataset-error-quark, vecinos_dataset_error)

enum {
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How many SQLite instructions run between two looks at the clock */
#define PROGRESS_STEPS 1000

/* No value Vecinos writes comes near this; a larger one is refused as
 * SQLITE_TOOBIG rather than read into memory */
#define MAX_VALUE_BYTES (16 * 1024 * 1024)

static void
vecinos_dataset_finalize (GObject *object)
{
  VecinosDataset *self = (VecinosDataset *) object;

  for (guint i = 0; i < N_QUERIES; i++)
    sqlite3_finalize (self->queries[i]);
  sqlite3_close (self->db);
  g_clear_object (&self->file);
  g_free (self->path);
  g_strfreev (self->languages);
  g_clear_error (&self->failure);

  G_OBJECT_CLASS (vecinos_dataset_parent_class)->finalize (object);
}

static void
vecinos_dataset_class_init (VecinosDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vecinos_dataset_finalize;

  /**
   * VecinosDataset::failed:
   * @error: what went wrong, with a message for the user
   *
   * Emitted (from an idle, once) when a read fails after the dataset was
   * opened: the file was damaged, truncated or replaced under the running
   * program, or a query took too long. The calls that have no #GError go
   * on returning what they could read; the window shows @error.
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
vecinos_dataset_init (VecinosDataset *self)
{
  self->time_limit = VECINOS_DATASET_TIME_LIMIT;
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
    /* A read error is a file cut short or replaced under the program */
    case SQLITE_CORRUPT:
    case SQLITE_IOERR:
    case SQLITE_FORMAT:
    case SQLITE_RANGE:
    case SQLITE_SCHEMA:
      g_set_error (error, VECINOS_DATASET_ERROR, VECINOS_DATASET_ERROR_CORRUPT,
                   /* Translators: %s is a file name */
                   _("The dataset “%s” is damaged and cannot be read. "
                     "Reinstall Vecinos or choose another dataset file."), name);
      break;
    case SQLITE_INTERRUPT:
    case SQLITE_TOOBIG:
    case SQLITE_NOMEM:
      g_set_error (error, VECINOS_DATASET_ERROR, VECINOS_DATASET_ERROR_TOO_LARGE,
                   /* Translators: %s is a file name */
                   _("The dataset “%s” is too large or damaged, so Vecinos stopped reading it. "
                     "Choose another dataset file."), name);
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
set_foreign_error (VecinosDataset  *self,
                   GError         **error)
{
  g_autofree char *name = display_name (self->file);

  g_set_error (error, VECINOS_DATASET_ERROR, VECINOS_DATASET_ERROR_SCHEMA,
               /* Translators: %s is a file name */
               _("“%s” was made by another program or is damaged, so Vecinos cannot read it. "
                 "Choose a dataset file made by Vecinos."), name);
  return FALSE;
}

/* Every query stops at the deadline of the call that runs it, so that a
 * crafted file (a recursive view, a table of a billion rows) cannot hang
 * the program: SQLite then ends the query with SQLITE_INTERRUPT */
static int
check_deadline (void *data)
{
  VecinosDataset *self = data;

  return g_get_monotonic_time () > self->deadline;
}

static gboolean read_failed (VecinosDataset  *self,
                             sqlite3_stmt    *stmt,
                             int              rc,
                             GError         **error);

/* Whether the file was written in place since it was opened (truncated,
 * copied over). SQLite is told the file never changes (immutable=1), so
 * it would go on reading pages of the new contents as pages of the old;
 * a file renamed over it is another file, and the old one reads on */
static gboolean
file_changed (VecinosDataset *self)
{
  GStatBuf now;

  if (self->path == NULL)
    return FALSE;
  if (g_stat (self->path, &now) != 0)
    return FALSE;
  return now.st_dev == self->stat.st_dev && now.st_ino == self->stat.st_ino &&
         (now.st_size != self->stat.st_size ||
          now.st_mtim.tv_sec != self->stat.st_mtim.tv_sec ||
          now.st_mtim.tv_nsec != self->stat.st_mtim.tv_nsec);
}

/* At the start of every public call: its time starts now. FALSE, with
 * @error set, when the file can no longer be read: a file that failed
 * once is not read again, as each call would wait for its deadline or
 * meet the same damage */
static gboolean
begin_call (VecinosDataset  *self,
            GError         **error)
{
  self->deadline = g_get_monotonic_time () + self->time_limit;
  if (self->failure == NULL && file_changed (self))
    read_failed (self, NULL, SQLITE_CORRUPT, NULL);
  if (self->failure != NULL)
    {
      self->deadline = G_MININT64;
      if (error != NULL)
        *error = g_error_copy (self->failure);
      return FALSE;
    }
  return TRUE;
}

static gboolean
emit_failed (gpointer data)
{
  VecinosDataset *self = data;

  g_signal_emit (self, signals[FAILED], 0, self->failure);
  return G_SOURCE_REMOVE;
}

/* A read that failed: @error (when asked for) says why; the first failure
 * of an open dataset is kept and told to the window */
static gboolean
read_failed (VecinosDataset  *self,
             sqlite3_stmt    *stmt,
             int              rc,
             GError         **error)
{
  g_autoptr(GError) local = NULL;

  if (stmt != NULL)
    sqlite3_reset (stmt);
  /* What comes after a failure is its consequence */
  if (self->failure != NULL)
    {
      if (error != NULL)
        *error = g_error_copy (self->failure);
      return FALSE;
    }
  /* The queries were prepared on a file that passed every check: a read
   * that fails later (a short read, a schema gone) is the file truncated,
   * copied over or damaged under the program */
  if (self->opened && (rc & 0xff) != SQLITE_INTERRUPT && (rc & 0xff) != SQLITE_TOOBIG &&
      (rc & 0xff) != SQLITE_NOMEM)
    rc = SQLITE_CORRUPT;
  set_sqlite_error (self, rc, &local);
  if (self->opened && self->failure == NULL)
    {
      self->failure = g_error_copy (local);
      g_idle_add_full (G_PRIORITY_DEFAULT, emit_failed, g_object_ref (self), g_object_unref);
    }
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* Steps @stmt: TRUE for a row; at its end or on a failure (recorded as
 * read_failed() does, @stmt reset), FALSE */
static gboolean
next_row (VecinosDataset *self,
          sqlite3_stmt   *stmt)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    read_failed (self, stmt, rc, NULL);
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
  gint64 version = 0;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    return set_sqlite_error (self, rc, error);

  if (version == 0)
    {
      g_set_error (error, VECINOS_DATASET_ERROR, VECINOS_DATASET_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file name */
                   _("“%s” is a database, but not a Vecinos dataset. "
                     "Choose a dataset file made by Vecinos."), name);
      return FALSE;
    }

  /* No Vecinos wrote a negative format, nor one this far ahead */
  if (version < 0 || version > VECINOS_SCHEMA_VERSION + 1000)
    return set_foreign_error (self, error);

  if (version != VECINOS_SCHEMA_VERSION)
    {
      g_set_error (error, VECINOS_DATASET_ERROR, VECINOS_DATASET_ERROR_VERSION,
                   /* Translators: %1$s is a file name; %2$d and %3$d are version numbers */
                   _("The dataset “%1$s” was made for another version of Vecinos "
                     "(dataset format %2$d; this version reads format %3$d). "
                     "Update Vecinos or use a dataset made for this version."),
                   name, (int) version, VECINOS_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* The tables FTS5 makes for the search index: SQLite writes their
 * definitions, which may differ between its versions, so only their kind
 * and names are compared (their indexes and triggers would still show) */
static gboolean
is_search_shadow_table (const char *type,
                        const char *name)
{
  static const char * const shadows[] = {
    "search_data", "search_idx", "search_content", "search_docsize", "search_config", NULL
  };

  return g_strcmp0 (type, "table") == 0 && name != NULL && g_strv_contains (shadows, name);
}

/* The schema of @db as sorted strings "type name table sql", or NULL with
 * @rc set when it cannot be read */
static GPtrArray *
describe_schema (sqlite3 *db,
                 int     *rc)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  *rc = sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema"
                                " ORDER BY name, type", -1, &stmt, NULL);
  while (*rc == SQLITE_OK && (*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *sql = (const char *) sqlite3_column_text (stmt, 3);

      /* ANALYZE's statistics are SQLite's own, only a hint to its planner */
      if (g_strcmp0 (type, "table") == 0 &&
          (g_strcmp0 (name, "sqlite_stat1") == 0 || g_strcmp0 (name, "sqlite_stat4") == 0))
        {
          *rc = SQLITE_OK;
          continue;
        }
      if (is_search_shadow_table (type, name))
        sql = "(search index)";
      g_ptr_array_add (rows, g_strdup_printf ("%s\x1f%s\x1f%s\x1f%s", type ? type : "\x1e", name ? name : "\x1e",
                                              sqlite3_column_type (stmt, 2) != SQLITE_NULL
                                              ? (const char *) sqlite3_column_text (stmt, 2) : "\x1e",
                                              sql ? sql : "\x1e"));
      *rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (*rc != SQLITE_DONE)
    return NULL;
  *rc = SQLITE_OK;
  return g_steal_pointer (&rows);
}

/* What vecinos_schema_sql makes in a database of its own, once */
static GPtrArray *
expected_schema (void)
{
  static GPtrArray *expected = NULL;

  if (g_once_init_enter (&expected))
    {
      GPtrArray *rows = NULL;
      sqlite3 *db = NULL;
      int rc;

      if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
          sqlite3_exec (db, vecinos_schema_sql, NULL, NULL, NULL) == SQLITE_OK)
        rows = describe_schema (db, &rc);
      sqlite3_close (db);
      if (rows == NULL)
        g_error ("Vecinos's own schema cannot be made: is SQLite built without FTS5?");
      g_once_init_leave (&expected, rows);
    }
  return expected;
}

/* Tables are tables, with the columns, constraints, indexes and nothing
 * else that Vecinos writes: the compiler runs vecinos_schema_sql, so
 * SQLite stores exactly its text. Anything else (a view in a table's
 * place, a trigger, a column without NOT NULL) was not made by Vecinos,
 * and the queries cannot trust it */
static gboolean
check_schema (VecinosDataset  *self,
              GError         **error)
{
  GPtrArray *expected = expected_schema ();
  g_autoptr(GPtrArray) found = NULL;
  int rc;

  if ((found = describe_schema (self->db, &rc)) == NULL)
    return set_sqlite_error (self, rc, error);
  if (found->len != expected->len)
    return set_foreign_error (self, error);
  for (guint i = 0; i < found->len; i++)
    if (!g_str_equal (g_ptr_array_index (found, i), g_ptr_array_index (expected, i)))
      return set_foreign_error (self, error);
  return TRUE;
}

static gboolean
prepare_queries (VecinosDataset  *self,
                 GError         **error)
{
  sqlite3_stmt *stmt;
  const char *languages;
  int rc;

  for (guint i = 0; i < N_QUERIES; i++)
    {
      rc = sqlite3_prepare_v3 (self->db, query_sql[i], -1,
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

  stmt = self->queries[QUERY_LANGUAGES];
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && (languages = (const char *) sqlite3_column_text (stmt, 0)) != NULL &&
      g_utf8_validate (languages, -1, NULL))
    self->languages = g_strsplit (languages, ",", -1);
  sqlite3_reset (stmt);
  if (self->languages == NULL || self->languages[0] == NULL)
    return set_sqlite_error (self, rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);

  return TRUE;
}

/* Turns off what a crafted file could use against its reader: triggers,
 * views, functions called from its schema, a writable schema; and bounds
 * every query in time and every value in size */
static void
defend_connection (VecinosDataset *self)
{
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_limit (self->db, SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES);
  sqlite3_progress_handler (self->db, PROGRESS_STEPS, check_deadline, self);
}

static VecinosDataset *
finish_opening (VecinosDataset  *self,
                gboolean         checked,
                GError         **error)
{
  g_autoptr(VecinosDataset) dataset = self;

  defend_connection (dataset);
  begin_call (dataset, NULL);
  /* The schema before anything else reads a table: a query on a file
   * that is not what Vecinos wrote could run for ever */
  if (!check_version (dataset, error) ||
      (checked && !check_schema (dataset, error)) ||
      (checked && !check_integrity (dataset, error)) ||
      !prepare_queries (dataset, error))
    return NULL;

  dataset->opened = TRUE;
  return g_steal_pointer (&dataset);
}

static VecinosDataset *
open_file (GFile    *file,
           gboolean  checked,
           GError  **error)
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
   * may skip locking, and nothing is ever written next to it (nor read: a
   * journal beside a crafted file is not rolled into it). A file changed
   * in place all the same is noticed by file_changed() */
  if (g_stat (path, &self->stat) == 0)
    self->path = g_strdup (path);
  file_uri = g_filename_to_uri (path, NULL, NULL);
  uri = g_strconcat (file_uri, "?immutable=1", NULL);

  rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error), NULL;
  /* No memory map (SQLite's default): a mapped file that is truncated or
   * copied over while the program runs ends it with SIGBUS at the next
   * read, where read() gives an error that becomes a message. Any file can
   * be opened here, the bundled one too can be replaced by an upgrade, and
   * the whole dataset fits SQLite's page cache anyway */
  sqlite3_exec (self->db, "PRAGMA mmap_size = 0", NULL, NULL, NULL);

  return finish_opening (g_steal_pointer (&self), checked, error);
}

/**
 * vecinos_dataset_new_for_file:
 * @file: a compiled dataset (vecinos.sqlite)
 *
 * Opens @file read-only. Every way a file can be wrong — missing, not a
 * database, damaged, of another format version, made by another program
 * — is reported as a %VECINOS_DATASET_ERROR with a message for the user.
 */
VecinosDataset *
vecinos_dataset_new_for_file (GFile   *file,
                              GError **error)
{
  return open_file (file, TRUE, error);
}

VecinosDataset *
vecinos_dataset_new_for_file_unchecked (GFile   *file,
                                        GError **error)
{
  return open_file (file, FALSE, error);
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

  return finish_opening (g_steal_pointer (&self), TRUE, error);
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

/**
 * vecinos_dataset_get_failure:
 *
 * Returns: (transfer none) (nullable): the first read that failed since
 *   the dataset was opened (see #VecinosDataset::failed), or %NULL
 */
const GError *
vecinos_dataset_get_failure (VecinosDataset *self)
{
  g_return_val_if_fail (VECINOS_IS_DATASET (self), NULL);
  return self->failure;
}

/**
 * vecinos_dataset_set_time_limit:
 * @usec: how long one call may read, in microseconds
 *
 * %VECINOS_DATASET_TIME_LIMIT by default, far more than any real dataset
 * needs; tests and fuzzers shorten it.
 */
void
vecinos_dataset_set_time_limit (VecinosDataset *self,
                                gint64          usec)
{
  g_return_if_fail (VECINOS_IS_DATASET (self));
  self->time_limit = MAX (usec, 0);
}

/* --- Reading: every column as if the file were hostile --- */

/* A valid colour is "#RRGGBB" (what the compiler accepts); any other
 * would reach CSS, Pango markup and GdkRGBA as is */
static gboolean
is_color (const char *text)
{
  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

static char *
color_column (sqlite3_stmt *stmt,
              int           column)
{
  const char *color = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (is_color (color) ? color : VECINOS_DATASET_FALLBACK_COLOR);
}

/* @length bytes of @text as valid UTF-8 of at most about @limit bytes: a
 * longer text is cut at a character, with "…" */
static char *
clean_text (const char *text,
            gsize       length,
            gsize       limit)
{
  if (length > limit)
    {
      g_autofree char *start = NULL;
      gsize cut = limit - strlen ("…");

      while (cut > 0 && ((guchar) text[cut] & 0xc0) == 0x80)
        cut--;
      start = g_utf8_make_valid (text, cut);
      return g_strconcat (start, "…", NULL);
    }
  if (g_utf8_validate_len (text, length, NULL))
    return g_strndup (text, length);
  return g_utf8_make_valid (text, length);
}

/* A text that may be missing: NULL stays NULL */
static char *
nullable_column (sqlite3_stmt *stmt,
                 int           column,
                 gsize         limit)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL)
    return NULL;
  return clean_text (text, sqlite3_column_bytes (stmt, column), limit);
}

/* A text the schema says is never NULL: "" if it is anyway, so that no
 * view ever meets a NULL title, name or identifier */
static char *
text_column (sqlite3_stmt *stmt,
             int           column,
             gsize         limit)
{
  char *text = nullable_column (stmt, column, limit);

  return text != NULL ? text : g_strdup ("");
}

/* The compiler refuses longer texts (vecinos-importer.c), so a file it
 * made is read whole; one made otherwise is cut */
#define SHORT_TEXT VECINOS_TEXT_MAX_SHORT
#define LONG_TEXT VECINOS_TEXT_MAX_LONG
#define URL_TEXT VECINOS_TEXT_MAX_URL

/* The first and last days a date can have, 0001-01-01 and 9999-12-31 */
#define FIRST_DAY 1
#define LAST_DAY 3652059

static VecinosDate
date_column (sqlite3_stmt *stmt,
             int           day_column,
             int           precision_column)
{
  VecinosDate date = { 0 };
  sqlite3_int64 day = sqlite3_column_int64 (stmt, day_column);
  int precision = sqlite3_column_int (stmt, precision_column);

  vecinos_date_from_day ((VecinosDay) CLAMP (day, FIRST_DAY, LAST_DAY),
                         CLAMP (precision, VECINOS_DATE_PRECISION_YEAR, VECINOS_DATE_PRECISION_DAY),
                         &date);
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

  if (!begin_call (self, error))
    return NULL;
  stmt = self->queries[QUERY_EVENTS];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(VecinosEvent) event = NULL;
      g_autofree char *slug = text_column (stmt, 1, SHORT_TEXT);
      g_autofree char *category = text_column (stmt, 7, SHORT_TEXT);
      g_autofree char *color = color_column (stmt, 8);
      g_autofree char *title = text_column (stmt, 9, SHORT_TEXT);
      g_autofree char *summary = text_column (stmt, 10, LONG_TEXT);
      g_autofree char *category_name = text_column (stmt, 11, SHORT_TEXT);
      VecinosEventFields fields = {
        .slug = slug,
        .start = date_column (stmt, 2, 3),
        .has_end = sqlite3_column_type (stmt, 4) != SQLITE_NULL,
        .importance = CLAMP (sqlite3_column_int (stmt, 6), 1, 3),
        .category = category,
        .color = color,
        .title = title,
        .summary = summary,
        .category_name = category_name,
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
        {
          g_autofree char *name = text_column (stmt, 1, SHORT_TEXT);
          g_autofree char *url = text_column (stmt, 2, URL_TEXT);

          vecinos_event_add_source (event, name, url);
        }
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

  if (!begin_call (self, NULL))
    return 0;
  /* The table name comes from the fixed list above, never from a user */
  sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      next_row (self, stmt))
    count = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
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

  if (!begin_call (self, NULL))
    return g_strv_builder_end (builder);
  stmt = self->queries[QUERY_SOURCE_ORGANISATIONS];
  while (next_row (self, stmt))
    {
      g_autofree char *name = text_column (stmt, 0, SHORT_TEXT);
      g_autofree char *url = text_column (stmt, 1, URL_TEXT);
      g_autofree char *credit = NULL;

      /* The About dialog makes a link of the address: only one that may
       * be opened (see vecinos-uri.c) */
      if (*name == '\0')
        continue;
      credit = vecinos_uri_is_openable (url) ? g_strdup_printf ("%s %s", name, url) : g_strdup (name);
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
  g_free (term->short_name);
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

  if (!begin_call (self, NULL))
    return terms;
  stmt = self->queries[QUERY_TERMS];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  while (next_row (self, stmt))
    {
      VecinosTerm *term = g_new0 (VecinosTerm, 1);
      g_autofree char *country = text_column (stmt, 1, SHORT_TEXT);

      term->slug = text_column (stmt, 0, SHORT_TEXT);
      /* "us" or "mx"; anything else is no country the timeline draws */
      if (strlen (country) == 2 && g_ascii_isalpha (country[0]) && g_ascii_isalpha (country[1]))
        g_strlcpy (term->country, country, sizeof term->country);
      term->person = text_column (stmt, 2, SHORT_TEXT);
      term->party = text_column (stmt, 3, SHORT_TEXT);
      term->start = CLAMP (sqlite3_column_int64 (stmt, 4), FIRST_DAY, LAST_DAY);
      term->end = sqlite3_column_type (stmt, 5) == SQLITE_NULL
                  ? 0 : CLAMP (sqlite3_column_int64 (stmt, 5), term->start, LAST_DAY);
      term->short_name = text_column (stmt, 6, SHORT_TEXT);
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

  if (!begin_call (self, NULL))
    return categories;
  stmt = self->queries[QUERY_CATEGORIES];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  while (next_row (self, stmt))
    {
      VecinosCategory *category = g_new0 (VecinosCategory, 1);

      category->slug = text_column (stmt, 0, SHORT_TEXT);
      category->color = color_column (stmt, 1);
      category->name = text_column (stmt, 2, SHORT_TEXT);
      g_ptr_array_add (categories, category);
    }
  sqlite3_reset (stmt);
  return categories;
}

/* An excerpt from a row of QUERY_EVENT_EXCERPTS or QUERY_DOCUMENT_EXCERPTS,
 * whose first twelve columns are the same */
static VecinosExcerpt *
excerpt_from_row (sqlite3_stmt *stmt)
{
  VecinosExcerpt *excerpt = g_new0 (VecinosExcerpt, 1);

  excerpt->slug = text_column (stmt, 1, SHORT_TEXT);
  excerpt->text = text_column (stmt, 2, LONG_TEXT);
  excerpt->translation = nullable_column (stmt, 3, LONG_TEXT);
  excerpt->document_slug = text_column (stmt, 4, SHORT_TEXT);
  excerpt->document_title = text_column (stmt, 5, SHORT_TEXT);
  excerpt->authors = nullable_column (stmt, 6, SHORT_TEXT);
  excerpt->publisher = text_column (stmt, 7, SHORT_TEXT);
  excerpt->has_date = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
  if (excerpt->has_date)
    excerpt->date = date_column (stmt, 8, 9);
  excerpt->date_inferred = sqlite3_column_int (stmt, 10);
  excerpt->url = nullable_column (stmt, 11, URL_TEXT);
  return excerpt;
}

static GPtrArray *
list_claims (VecinosDataset *self,
             gint64          excerpt_row,
             const char     *lang)
{
  GPtrArray *claims = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_claim_free);
  sqlite3_stmt *stmt = self->queries[QUERY_EXCERPT_CLAIMS];

  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, excerpt_row);
  while (next_row (self, stmt))
    {
      VecinosClaim *claim = g_new0 (VecinosClaim, 1);

      claim->text = text_column (stmt, 0, LONG_TEXT);
      claim->value = sqlite3_column_double (stmt, 1);
      /* A value that is no number is no value: the words alone are shown */
      claim->has_value = sqlite3_column_type (stmt, 1) != SQLITE_NULL && isfinite (claim->value);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          claim->series_slug = text_column (stmt, 2, SHORT_TEXT);
          claim->series_name = text_column (stmt, 3, SHORT_TEXT);
          claim->series_unit = text_column (stmt, 4, SHORT_TEXT);
          claim->source_org = text_column (stmt, 5, SHORT_TEXT);
          claim->period_kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 6), "fiscal") == 0
                               ? VECINOS_PERIOD_FISCAL_YEAR : VECINOS_PERIOD_CALENDAR_YEAR;
          claim->period_year = vecinos_period_year (sqlite3_column_int (stmt, 7), claim->period_kind);
          claim->has_official = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
          claim->official = sqlite3_column_double (stmt, 8);
          claim->official_preliminary = sqlite3_column_int (stmt, 9);
          /* NULL without an official figure */
          claim->official_source = claim->has_official ? text_column (stmt, 10, SHORT_TEXT) : NULL;
          claim->official_source_url = claim->has_official ? text_column (stmt, 11, URL_TEXT) : NULL;
          claim->unit_kind = text_column (stmt, 14, SHORT_TEXT);
        }
      claim->measure_differs = sqlite3_column_int (stmt, 12);
      claim->note = nullable_column (stmt, 13, LONG_TEXT);
      g_ptr_array_add (claims, claim);
    }
  sqlite3_reset (stmt);
  return claims;
}

/**
 * vecinos_dataset_list_event_excerpts:
 * @event: the slug of an event
 * @lang: the language of translations, series names and notes
 *
 * Returns: (transfer full) (element-type VecinosExcerpt): the excerpts that
 *   discuss @event, oldest document first, each with its claims
 */
GPtrArray *
vecinos_dataset_list_event_excerpts (VecinosDataset *self,
                                     const char     *event,
                                     const char     *lang)
{
  GPtrArray *excerpts = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_excerpt_free);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), excerpts);
  g_return_val_if_fail (event != NULL && lang != NULL, excerpts);

  if (!begin_call (self, NULL))
    return excerpts;
  stmt = self->queries[QUERY_EVENT_EXCERPTS];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, event, -1, SQLITE_TRANSIENT);
  while (next_row (self, stmt))
    {
      VecinosExcerpt *excerpt = excerpt_from_row (stmt);
      gint64 row = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (excerpts, excerpt);
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);

  /* One statement at a time: the claims are read once the excerpts are */
  for (guint i = 0; i < excerpts->len; i++)
    ((VecinosExcerpt *) g_ptr_array_index (excerpts, i))->claims =
      list_claims (self, g_array_index (rows, gint64, i), lang);
  return excerpts;
}

/**
 * vecinos_dataset_list_event_series:
 * @event: the slug of an event
 * @lang: the language of the names
 *
 * Returns: (transfer full) (element-type VecinosSeriesRef): the series
 *   related to @event, by name
 */
GPtrArray *
vecinos_dataset_list_event_series (VecinosDataset *self,
                                   const char     *event,
                                   const char     *lang)
{
  GPtrArray *series = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_series_ref_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), series);
  g_return_val_if_fail (event != NULL && lang != NULL, series);

  if (!begin_call (self, NULL))
    return series;
  stmt = self->queries[QUERY_EVENT_SERIES];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, event, -1, SQLITE_TRANSIENT);
  while (next_row (self, stmt))
    {
      VecinosSeriesRef *ref = g_new0 (VecinosSeriesRef, 1);

      ref->slug = text_column (stmt, 0, SHORT_TEXT);
      ref->name = text_column (stmt, 1, SHORT_TEXT);
      g_ptr_array_add (series, ref);
    }
  sqlite3_reset (stmt);
  return series;
}

/**
 * vecinos_dataset_list_series:
 * @lang: the language of the names
 *
 * Returns: (transfer full) (element-type VecinosSeriesRef): every series,
 *   by category (in the categories' order) and then by name, each with its
 *   category
 */
GPtrArray *
vecinos_dataset_list_series (VecinosDataset *self,
                             const char     *lang)
{
  GPtrArray *series = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_series_ref_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), series);

  if (!begin_call (self, NULL))
    return series;
  stmt = self->queries[QUERY_SERIES_LIST];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  while (next_row (self, stmt))
    {
      VecinosSeriesRef *ref = g_new0 (VecinosSeriesRef, 1);

      ref->slug = text_column (stmt, 0, SHORT_TEXT);
      ref->name = text_column (stmt, 1, SHORT_TEXT);
      ref->category = text_column (stmt, 2, SHORT_TEXT);
      ref->category_name = text_column (stmt, 3, SHORT_TEXT);
      ref->has_population = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (series, ref);
    }
  sqlite3_reset (stmt);
  return series;
}

/**
 * vecinos_dataset_get_series:
 * @slug: a series id, as the reference files and the command line name it
 * @lang: the language of its texts
 *
 * Returns: (transfer full) (nullable): the series with its points and the
 *   numbers documents claim for it, or %NULL with @error set when no series
 *   has that id
 */
VecinosSeries *
vecinos_dataset_get_series (VecinosDataset  *self,
                            const char      *slug,
                            const char      *lang,
                            GError         **error)
{
  g_autoptr(VecinosSeries) series = NULL;
  sqlite3_stmt *stmt;
  gint64 row;
  int first_day = 0, last_day = 0;
  int rc;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), NULL);
  g_return_val_if_fail (slug != NULL && lang != NULL, NULL);

  if (!begin_call (self, error))
    return NULL;
  stmt = self->queries[QUERY_SERIES];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, slug, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        return read_failed (self, stmt, rc, error), NULL;
      sqlite3_reset (stmt);
      g_set_error (error, VECINOS_DATASET_ERROR, VECINOS_DATASET_ERROR_NOT_FOUND,
                   /* Translators: %s is what the user typed as a series id */
                   _("There is no series “%s” in this dataset."), slug);
      return NULL;
    }
  series = vecinos_series_new ();
  row = sqlite3_column_int64 (stmt, 0);
  series->slug = text_column (stmt, 1, SHORT_TEXT);
  series->category = text_column (stmt, 2, SHORT_TEXT);
  series->category_name = text_column (stmt, 3, SHORT_TEXT);
  series->color = color_column (stmt, 4);
  series->name = text_column (stmt, 5, SHORT_TEXT);
  series->unit = text_column (stmt, 6, SHORT_TEXT);
  series->unit_kind = text_column (stmt, 7, SHORT_TEXT);
  series->definition = text_column (stmt, 8, LONG_TEXT);
  series->caveats = nullable_column (stmt, 9, LONG_TEXT);
  series->break_note = nullable_column (stmt, 10, LONG_TEXT);
  series->source_org = text_column (stmt, 11, SHORT_TEXT);
  series->source_url = text_column (stmt, 12, URL_TEXT);
  series->period_kind = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 13), "fiscal") == 0
                        ? VECINOS_PERIOD_FISCAL_YEAR : VECINOS_PERIOD_CALENDAR_YEAR;
  series->population = nullable_column (stmt, 14, SHORT_TEXT);
  sqlite3_reset (stmt);

  stmt = self->queries[QUERY_SERIES_POINTS];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row);
  while (next_row (self, stmt))
    {
      int day = CLAMP (sqlite3_column_int64 (stmt, 0), FIRST_DAY, LAST_DAY);
      VecinosPoint point = {
        .year = vecinos_period_year (day, series->period_kind),
        .value = sqlite3_column_double (stmt, 1),
        .preliminary = sqlite3_column_int (stmt, 2) != 0,
        .source = text_column (stmt, 3, SHORT_TEXT),
        .source_url = text_column (stmt, 4, URL_TEXT),
        .note = nullable_column (stmt, 5, LONG_TEXT),
      };
      /* A figure that is no number is a gap; years out of order (clamped
       * days can meet) would break every line drawn through them */
      if (!isfinite (point.value) ||
          (series->points->len > 0 &&
           point.year <= g_array_index (series->points, VecinosPoint, series->points->len - 1).year))
        {
          g_free (point.source);
          g_free (point.source_url);
          g_free (point.note);
          continue;
        }
      if (series->points->len == 0)
        first_day = day;
      last_day = day;
      g_array_append_val (series->points, point);
    }
  sqlite3_reset (stmt);

  /* A definitional break: the series stops where a related one, measured
   * another way, takes over within a year (or starts where one stopped) */
  stmt = self->queries[QUERY_SERIES_NEIGHBOURS];
  sqlite3_bind_int64 (stmt, 1, row);
  while (series->break_note != NULL && series->points->len > 0 && next_row (self, stmt))
    {
      int first = sqlite3_column_int (stmt, 0), last = sqlite3_column_int (stmt, 1);

      series->break_at_start |= last < first_day && last >= first_day - 400;
      series->break_at_end |= first > last_day && first <= last_day + 400;
    }
  sqlite3_reset (stmt);

  stmt = self->queries[QUERY_SERIES_CLAIMS];
  sqlite3_bind_int64 (stmt, 1, row);
  while (next_row (self, stmt))
    {
      VecinosSeriesClaim *claim = g_new0 (VecinosSeriesClaim, 1);
      VecinosDate published = { 0 };

      claim->year = vecinos_period_year (CLAMP (sqlite3_column_int64 (stmt, 0), FIRST_DAY, LAST_DAY),
                                         series->period_kind);
      claim->value = sqlite3_column_double (stmt, 1);
      claim->text = text_column (stmt, 2, LONG_TEXT);
      claim->document = text_column (stmt, 3, SHORT_TEXT);
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        vecinos_date_from_day (CLAMP (sqlite3_column_int64 (stmt, 4), FIRST_DAY, LAST_DAY),
                               VECINOS_DATE_PRECISION_YEAR, &published);
      claim->document_year = published.year;
      claim->measure_differs = sqlite3_column_int (stmt, 5);
      /* Drawn at its value: one that is no number is not drawn */
      if (!isfinite (claim->value))
        {
          g_free (claim->text);
          g_free (claim->document);
          g_free (claim);
          continue;
        }
      g_ptr_array_add (series->claims, claim);
    }
  sqlite3_reset (stmt);
  vecinos_series_summarise (series);
  return g_steal_pointer (&series);
}

/**
 * vecinos_dataset_list_documents:
 * @lang: the language of their kinds and notes
 *
 * Returns: (transfer full) (element-type VecinosDocument): the documents,
 *   oldest first
 */
GPtrArray *
vecinos_dataset_list_documents (VecinosDataset *self,
                                const char     *lang)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_document_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), documents);

  if (!begin_call (self, NULL))
    return documents;
  stmt = self->queries[QUERY_DOCUMENTS];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  while (next_row (self, stmt))
    {
      VecinosDocument *document = g_new0 (VecinosDocument, 1);

      document->slug = text_column (stmt, 0, SHORT_TEXT);
      document->title = text_column (stmt, 1, SHORT_TEXT);
      document->authors = nullable_column (stmt, 2, SHORT_TEXT);
      document->publisher = text_column (stmt, 3, SHORT_TEXT);
      document->has_date = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      if (document->has_date)
        document->date = date_column (stmt, 4, 5);
      document->date_inferred = sqlite3_column_int (stmt, 6);
      document->url = nullable_column (stmt, 7, URL_TEXT);
      document->kind = text_column (stmt, 8, SHORT_TEXT);
      document->notes = nullable_column (stmt, 9, LONG_TEXT);
      document->lang = text_column (stmt, 10, SHORT_TEXT);
      document->n_excerpts = (guint) CLAMP (sqlite3_column_int64 (stmt, 11), 0, G_MAXINT);
      g_ptr_array_add (documents, document);
    }
  sqlite3_reset (stmt);
  return documents;
}

/* The (slug, name) pairs a query of ?1 language and ?2 row gives */
static GPtrArray *
list_refs (VecinosDataset *self,
           Query           query,
           gint64          row,
           const char     *lang)
{
  GPtrArray *refs = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_series_ref_free);
  sqlite3_stmt *stmt = self->queries[query];

  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row);
  while (next_row (self, stmt))
    {
      VecinosSeriesRef *ref = g_new0 (VecinosSeriesRef, 1);

      ref->slug = text_column (stmt, 0, SHORT_TEXT);
      ref->name = text_column (stmt, 1, SHORT_TEXT);
      g_ptr_array_add (refs, ref);
    }
  sqlite3_reset (stmt);
  return refs;
}

/**
 * vecinos_dataset_list_document_excerpts:
 * @document: a document's slug
 * @lang: the language of the names of events, series and categories, and
 *   of the claims' notes
 * @translation_lang: the language of the translations (none when it is the
 *   document's own)
 *
 * Returns: (transfer full) (element-type VecinosExcerpt): @document's
 *   excerpts in order, each with its claims, categories, events and series
 */
GPtrArray *
vecinos_dataset_list_document_excerpts (VecinosDataset *self,
                                        const char     *document,
                                        const char     *lang,
                                        const char     *translation_lang)
{
  GPtrArray *excerpts = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_excerpt_free);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), excerpts);
  g_return_val_if_fail (document != NULL && lang != NULL && translation_lang != NULL, excerpts);

  if (!begin_call (self, NULL))
    return excerpts;
  stmt = self->queries[QUERY_DOCUMENT_EXCERPTS];
  sqlite3_bind_text (stmt, 1, translation_lang, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, document, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, lang, -1, SQLITE_TRANSIENT);
  while (next_row (self, stmt))
    {
      VecinosExcerpt *excerpt = excerpt_from_row (stmt);
      gint64 row = sqlite3_column_int64 (stmt, 0);
      excerpt->ordinal = sqlite3_column_int (stmt, 12);
      excerpt->categories = nullable_column (stmt, 13, LONG_TEXT);
      g_ptr_array_add (excerpts, excerpt);
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < excerpts->len; i++)
    {
      VecinosExcerpt *excerpt = g_ptr_array_index (excerpts, i);
      gint64 row = g_array_index (rows, gint64, i);

      excerpt->claims = list_claims (self, row, lang);
      excerpt->events = list_refs (self, QUERY_EXCERPT_EVENTS, row, lang);
      excerpt->series = list_refs (self, QUERY_EXCERPT_SERIES, row, lang);
    }
  return excerpts;
}

/* @words one space apart */
static char *
join_words (GPtrArray *words)
{
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? " " : "", (const char *) g_ptr_array_index (words, i));
  return g_string_free (joined, FALSE);
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const VecinosSearchResult *x = *(VecinosSearchResult **) a;
  const VecinosSearchResult *y = *(VecinosSearchResult **) b;

  return (x->rank > y->rank) - (x->rank < y->rank);
}

/**
 * vecinos_dataset_search:
 * @text: (nullable): what the user typed, anything at all
 * @lang: the interface language: when a record matches in several
 *   languages, its title and snippet are shown in this one
 * @limit: at most this many results
 *
 * Searches events (titles and summaries), excerpts, series (names and
 * definitions) and documents (titles and authors) in every language of the
 * dataset, ignoring accents and case, each word as the start of a word
 * (see vecinos_search_build_query()). Nothing typed is an error: text with
 * no word finds nothing.
 *
 * Returns: (transfer full) (element-type VecinosSearchResult): the results,
 *   best first, one per record
 */
GPtrArray *
vecinos_dataset_search (VecinosDataset *self,
                        const char     *text,
                        const char     *lang,
                        guint           limit)
{
  return vecinos_dataset_search_full (self, text, lang, limit, NULL);
}

/* A search that failed: a damaged index is the search's own trouble (the
 * rest of the dataset reads well, and SQLite's quick check does not look
 * into FTS5's tables); anything else is the file's */
static void
search_failed (VecinosDataset  *self,
               sqlite3_stmt    *stmt,
               int              rc,
               GError         **error)
{
  g_autofree char *name = display_name (self->file);

  if ((rc & 0xff) != SQLITE_CORRUPT)
    {
      read_failed (self, stmt, rc, error);
      return;
    }
  sqlite3_reset (stmt);
  g_debug ("Search in %s failed: %s", name, sqlite3_errmsg (self->db));
  g_set_error (error, VECINOS_DATASET_ERROR, VECINOS_DATASET_ERROR_SEARCH_INDEX,
               /* Translators: %s is a file name */
               _("The search index of the dataset “%s” is damaged, so search cannot find anything. "
                 "Reinstall Vecinos or choose another dataset file."), name);
}

/**
 * vecinos_dataset_search_full:
 * @error: set when the search could not be made (a damaged index, a
 *   damaged file), with a message for the user
 *
 * As vecinos_dataset_search().
 *
 * Returns: (transfer full) (element-type VecinosSearchResult): the results,
 *   best first, one per record; none with @error set
 */
GPtrArray *
vecinos_dataset_search_full (VecinosDataset  *self,
                             const char      *text,
                             const char      *lang,
                             guint            limit,
                             GError         **error)
{
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) vecinos_search_result_free);
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) retitle = g_ptr_array_new ();   /* found in another language */
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *query = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), results);
  g_return_val_if_fail (error == NULL || *error == NULL, results);

  if ((query = vecinos_search_build_query (text)) == NULL || limit == 0)
    return results;

  if (!begin_call (self, error))
    return results;
  /* The best rows first; a record can match in each language: room for both */
  stmt = self->queries[QUERY_SEARCH];
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, MIN (limit, G_MAXINT / 4) * 2 + 2);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      double rank = sqlite3_column_double (stmt, 1);

      if (!isfinite (rank))
        rank = G_MAXDOUBLE;
      g_array_append_val (rows, row);
      g_array_append_val (ranks, rank);
    }
  if (rc != SQLITE_DONE)
    {
      search_failed (self, stmt, rc, error);
      return results;
    }
  sqlite3_reset (stmt);

  /* Then what they are, with a snippet of the words that matched: made
   * here, for the few rows shown, not by FTS5 for every match */
  words = vecinos_search_fold_words (text);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  stmt = self->queries[QUERY_SEARCH_ROW];
  for (guint i = 0; i < rows->len; i++)
    {
      const char *kind_name;
      g_autofree char *ref = NULL;
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;
      g_autofree char *key = NULL;
      g_autofree char *snippet = NULL;
      VecinosSearchResult *result;
      VecinosSearchKind kind;
      gboolean in_lang, found = FALSE;

      sqlite3_bind_int64 (stmt, 1, g_array_index (rows, gint64, i));
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        {
          if (rc != SQLITE_DONE)
            {
              search_failed (self, stmt, rc, error);
              g_ptr_array_set_size (results, 0);
              return results;
            }
          sqlite3_reset (stmt);
          continue;
        }
      kind_name = (const char *) sqlite3_column_text (stmt, 0);
      ref = text_column (stmt, 1, SHORT_TEXT);
      in_lang = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), lang) == 0;
      title = text_column (stmt, 3, SHORT_TEXT);
      body = text_column (stmt, 4, LONG_TEXT);
      if (kind_name == NULL || !vecinos_search_kind_from_string (kind_name, &kind))
        {
          sqlite3_reset (stmt);
          continue;
        }
      key = g_strconcat (kind_name, ":", ref, NULL);
      result = g_hash_table_lookup (seen, key);
      /* The body's words around a match, or its start when only the title
       * matched */
      snippet = vecinos_search_make_snippet (body, words, 16, &found);
      if (!found && (body == NULL || *body == '\0'))
        {
          g_free (snippet);
          snippet = vecinos_search_make_snippet (title, words, 16, NULL);
        }

      if (result != NULL)
        {
          /* Seen in another language: keep its rank, show this one's words */
          if (in_lang && kind != VECINOS_SEARCH_EXCERPT)
            {
              g_free (result->title);
              result->title = g_strdup (title);
              g_ptr_array_remove (retitle, result);
            }
          if (in_lang)
            {
              g_free (result->snippet);
              result->snippet = g_steal_pointer (&snippet);
            }
        }
      else if (results->len < limit)
        {
          result = g_new0 (VecinosSearchResult, 1);
          result->kind = kind;
          result->ref = g_strdup (ref);
          result->title = kind == VECINOS_SEARCH_EXCERPT ? text_column (stmt, 5, SHORT_TEXT) : g_strdup (title);
          result->snippet = g_steal_pointer (&snippet);
          result->rank = g_array_index (ranks, double, i);
          g_hash_table_insert (seen, g_steal_pointer (&key), result);
          g_ptr_array_add (results, result);
          if (!in_lang && (kind == VECINOS_SEARCH_EVENT || kind == VECINOS_SEARCH_SERIES))
            g_ptr_array_add (retitle, result);
        }
      sqlite3_reset (stmt);
    }

  /* A title that is exactly what was typed comes first, whatever FTS5
   * thinks of a longer text that mentions the words more often */
  {
    g_autofree char *typed = join_words (words);

    for (guint i = 0; i < results->len; i++)
      {
        VecinosSearchResult *result = g_ptr_array_index (results, i);
        g_autoptr(GPtrArray) title_words = vecinos_search_fold_words (result->title);
        g_autofree char *title = join_words (title_words);

        if (result->kind != VECINOS_SEARCH_EXCERPT && g_str_equal (title, typed))
          result->rank -= 1e6;
      }
    g_ptr_array_sort (results, compare_results);
  }

  /* Found through another language's words: the title in this one, the
   * snippet in the words that matched */
  for (guint i = 0; i < retitle->len; i++)
    {
      VecinosSearchResult *result = g_ptr_array_index (retitle, i);

      stmt = self->queries[result->kind == VECINOS_SEARCH_EVENT ? QUERY_EVENT_TITLE : QUERY_SERIES_NAME];
      sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, result->ref, -1, SQLITE_TRANSIENT);
      if (next_row (self, stmt))
        {
          g_free (result->title);
          result->title = text_column (stmt, 0, SHORT_TEXT);
        }
      sqlite3_reset (stmt);
    }
  return results;
}

/**
 * vecinos_dataset_get_excerpt_document:
 * @excerpt: an excerpt's slug
 *
 * Returns: (transfer full) (nullable): the slug of its document, or %NULL
 *   when the dataset has no such excerpt
 */
char *
vecinos_dataset_get_excerpt_document (VecinosDataset *self,
                                      const char     *excerpt)
{
  sqlite3_stmt *stmt;
  char *document = NULL;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), NULL);

  if (!begin_call (self, NULL))
    return NULL;
  stmt = self->queries[QUERY_EXCERPT_DOCUMENT];
  sqlite3_bind_text (stmt, 1, excerpt, -1, SQLITE_TRANSIENT);
  if (next_row (self, stmt))
    document = nullable_column (stmt, 0, SHORT_TEXT);
  sqlite3_reset (stmt);
  return document;
}
