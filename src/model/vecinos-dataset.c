/* vecinos-dataset.c — read access to a compiled Vecinos dataset
 *
 * The bundled database is opened read-only and immutable; every query is
 * prepared once, when the dataset is opened, and kept in a table indexed by
 * the Query enum. This file opens and checks the file and holds that table;
 * vecinos-dataset-events.c, -documents.c, -series.c and -search.c read
 * from it. Nothing above these files sees SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vecinos-dataset.h"
#include "vecinos-dataset-private.h"
#include "vecinos-importer.h"
#include "vecinos-schema.h"

/* At most this many matches of a search are ranked (see QUERY_SEARCH) */
#define SEARCH_CANDIDATES 2000

/* An event whole, with its category, in the language ?1 (English where a
 * text has none in it): QUERY_EVENTS and QUERY_EVENT_BY_ID, read by
 * event_from_row() in vecinos-dataset-events.c */
#define EVENT_WHOLE \
    "SELECT e.id, e.slug, e.start_day, e.precision, e.end_day, e.end_precision," \
    " e.importance, c.slug, c.color," \
    " coalesce (t.title, te.title), coalesce (t.summary, te.summary)," \
    " coalesce (ct.name, cte.name)" \
    " FROM event e JOIN category c ON c.id = e.category_id" \
    " JOIN event_text te ON te.event_id = e.id AND te.lang = 'en'" \
    " LEFT JOIN event_text t ON t.event_id = e.id AND t.lang = ?1" \
    " JOIN category_text cte ON cte.category_id = c.id AND cte.lang = 'en'" \
    " LEFT JOIN category_text ct ON ct.category_id = c.id AND ct.lang = ?1"

/* Text is asked for in one language, falling back to English row by row */
static const char * const query_sql[N_QUERIES] = {
  /* The languages of the texts; an imported timeline's one language */
  [QUERY_LANGUAGES] =
    "SELECT (SELECT value FROM meta WHERE key = 'languages'),"
    " (SELECT value FROM meta WHERE key = 'content_language')",
  /* ?1 a language; English where the title has none in it */
  [QUERY_TITLE] =
    "SELECT value FROM meta WHERE key IN ('title.' || ?1, 'title.en') ORDER BY key = 'title.en' LIMIT 1",
  [QUERY_EVENTS] =
    EVENT_WHOLE
    " ORDER BY e.start_day, e.id",
  [QUERY_EVENT_SOURCES] =
    "SELECT event_id, name, url FROM event_source ORDER BY event_id, ordinal",
  /* The timeline's events as VecinosEventList keeps them, in the order
   * of the table (which the compiler writes by date; the list sorts what
   * is not): the table alone, not a page of texts */
  [QUERY_EVENT_ROWS] =
    "SELECT id, start_day, precision, end_day, end_precision, importance, category_id FROM event",
  /* How many events there are, about: ids count up from 1 */
  [QUERY_EVENT_MAX_ID] =
    "SELECT max (id) FROM event",
  /* The event list's array, kept by the writer (vecinos-event-list.c) */
  [QUERY_EVENT_ORDER] =
    "SELECT rowid, length (value), typeof (value) = 'blob' FROM meta WHERE key = 'event_order'",
  /* ?1 a language, ?2 an event's id: its title, English where it has
   * none in the language */
  [QUERY_EVENT_TITLE_OF] =
    "SELECT coalesce (t.title, te.title) FROM event_text te"
    " LEFT JOIN event_text t ON t.event_id = te.event_id AND t.lang = ?1"
    " WHERE te.event_id = ?2 AND te.lang = 'en'",
  /* ?1 a language, ?2 an event's id: the event whole, as QUERY_EVENTS */
  [QUERY_EVENT_BY_ID] =
    EVENT_WHOLE
    " WHERE e.id = ?2",
  [QUERY_EVENT_SOURCES_OF] =
    "SELECT event_id, name, url FROM event_source WHERE event_id = ?1 ORDER BY ordinal",
  [QUERY_EVENT_ID] =
    "SELECT id FROM event WHERE slug = ?1",
  [QUERY_CATEGORY_IDS] =
    "SELECT id FROM category ORDER BY id",
  /* ?1 an FTS5 query (vecinos_search_build_filter_query), ?2 and ?3 the
   * block of rowids of one language's events (VECINOS_SEARCH_EVENT_ROWID),
   * ?4 a VecinosRowSink: the events whose title or summary has the words,
   * from the index alone, handed to the sink */
  [QUERY_FILTER_EVENTS] =
    "SELECT vecinos_hand_rows (rowid, ?4) FROM search WHERE search MATCH ?1 AND rowid BETWEEN ?2 AND ?3",
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
  /* ?1 a kind of publisher */
  [QUERY_PUBLISHERS] =
    "SELECT name, url FROM publisher WHERE kind = ?1 ORDER BY name COLLATE NOCASE",
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
    " c.measure_differs, coalesce (ct.note, cte.note), s.unit_kind, cw.text"
    " FROM claim c LEFT JOIN series s ON s.id = c.series_id"
    " LEFT JOIN series_text ste ON ste.series_id = s.id AND ste.lang = 'en'"
    " LEFT JOIN series_text st ON st.series_id = s.id AND st.lang = ?1"
    " LEFT JOIN point p ON p.series_id = c.series_id AND p.period_day = c.period_day"
    " LEFT JOIN claim_text cte ON cte.claim_id = c.id AND cte.lang = 'en'"
    " LEFT JOIN claim_text ct ON ct.claim_id = c.id AND ct.lang = ?1"
    " LEFT JOIN claim_wording cw ON cw.claim_id = c.id AND cw.lang = ?1"
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
   * rows: the best by vecinos_rank () (BM25, titles weighing eight times
   * the text) among the first SEARCH_CANDIDATES matches. Ranking costs
   * about a microsecond a match: a common word in a large dataset matches
   * tens of thousands of texts, and the first ones are the events, series
   * and documents (they are indexed before the excerpts) */
  [QUERY_SEARCH] =
    "SELECT rowid, score FROM (SELECT rowid, vecinos_rank (search) AS score FROM search WHERE search MATCH ?1"
    " LIMIT " G_STRINGIFY (SEARCH_CANDIDATES) ") ORDER BY score LIMIT ?2",
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
  /* ?1 language: the tours in order, each with its number of steps */
  [QUERY_TOURS] =
    "SELECT t.slug, coalesce (tt.title, te.title), coalesce (tt.description, te.description),"
    " (SELECT count (*) FROM tour_step s WHERE s.tour_id = t.id)"
    " FROM tour t JOIN tour_text te ON te.tour_id = t.id AND te.lang = 'en'"
    " LEFT JOIN tour_text tt ON tt.tour_id = t.id AND tt.lang = ?1"
    " ORDER BY t.id",
  /* ?1 language, ?2 tour: its steps in order */
  [QUERY_TOUR_STEPS] =
    "SELECT e.slug, coalesce (et.title, ete.title), r.slug, coalesce (st.text, ste.text),"
    " c.slug, x.slug, s.range_start, s.range_end, s.view"
    " FROM tour t JOIN tour_step s ON s.tour_id = t.id JOIN event e ON e.id = s.event_id"
    " LEFT JOIN series r ON r.id = s.series_id LEFT JOIN series c ON c.id = s.compare_id"
    " LEFT JOIN excerpt x ON x.id = s.excerpt_id"
    " JOIN tour_step_text ste ON ste.tour_id = s.tour_id AND ste.ordinal = s.ordinal AND ste.lang = 'en'"
    " LEFT JOIN tour_step_text st ON st.tour_id = s.tour_id AND st.ordinal = s.ordinal AND st.lang = ?1"
    " JOIN event_text ete ON ete.event_id = e.id AND ete.lang = 'en'"
    " LEFT JOIN event_text et ON et.event_id = e.id AND et.lang = ?1"
    " WHERE t.slug = ?2 ORDER BY s.ordinal",
  [QUERY_SERIES_NAME] =
    "SELECT t.name FROM series s JOIN series_text t ON t.series_id = s.id WHERE t.lang = ?1 AND s.slug = ?2",
  /* ?1 series row: the first and last periods of each related series */
  [QUERY_SERIES_NEIGHBOURS] =
    "SELECT min (p.period_day), max (p.period_day) FROM series_related r"
    " JOIN point p ON p.series_id = r.related_id WHERE r.series_id = ?1 GROUP BY r.related_id",
  /* ?1 series row: the claims with a number, in the series' unit */
  [QUERY_SERIES_CLAIMS] =
    "SELECT c.period_day, c.value, c.text, d.title, d.published_day, c.measure_differs, cw.text"
    " FROM claim c JOIN excerpt x ON x.id = c.excerpt_id JOIN document d ON d.id = x.document_id"
    " LEFT JOIN claim_wording cw ON cw.claim_id = c.id AND cw.lang = ?2"
    " WHERE c.series_id = ?1 AND c.value IS NOT NULL AND c.period_day IS NOT NULL"
    " ORDER BY c.period_day, c.id",
};

const char *
vecinos_dataset_query_sql (int query)
{
  g_return_val_if_fail (query >= 0 && query < N_QUERIES, NULL);
  return query_sql[query];
}

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

static void reader_free (VecinosDatasetReader *reader);

static void
vecinos_dataset_finalize (GObject *object)
{
  VecinosDataset *self = (VecinosDataset *) object;

  for (guint i = 0; i < N_QUERIES; i++)
    sqlite3_finalize (self->queries[i]);
  sqlite3_close (self->db);
  g_clear_object (&self->file);
  g_free (self->path);
  if (self->fd >= 0)
    close (self->fd);
  g_strfreev (self->languages);
  g_clear_error (&self->failure);
  reader_free (self->reader);

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
  self->fd = -1;
  self->time_limit = VECINOS_DATASET_TIME_LIMIT;
}

/**
 * vecinos_dataset_file_format:
 * @path: a file
 *
 * Reads only the header: a symbolic link, a pipe or a device is not
 * followed nor read.
 *
 * Returns: the dataset format the file at @path was written in (its
 *   PRAGMA user_version, as VECINOS_SCHEMA_VERSION), or -1 when it is not
 *   an ordinary file holding an SQLite database
 */
gint64
vecinos_dataset_file_format (const char *path)
{
  guint8 header[64];
  GStatBuf info;
  gssize n = -1;
  int fd;

  g_return_val_if_fail (path != NULL, -1);

  if ((fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0)) < 0)
    return -1;
  if (fstat (fd, &info) == 0 && S_ISREG (info.st_mode))
    n = read (fd, header, sizeof header);
  close (fd);
  if (n != sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    return -1;
  /* Big-endian at 60; a negative one reads as a large number, another
   * format all the same */
  return sqlite_header_u32 (header, 60);
}

char *
vecinos_dataset_display_name (GFile *file)
{
  return file != NULL ? g_file_get_parse_name (file) : g_strdup (_("the built-in dataset"));
}

/* Maps what SQLite says about a file into a message its user can act on */
static gboolean
set_sqlite_error (VecinosDataset *self,
                  int             rc,
                  GError        **error)
{
  g_autofree char *name = vecinos_dataset_display_name (self->file);

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
  g_autofree char *name = vecinos_dataset_display_name (self->file);

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

/* Whether the file was written in place since it was opened (truncated,
 * copied over). SQLite is told the file never changes (immutable=1), so
 * it would go on reading pages of the new contents as pages of the old;
 * a file renamed over it is another file, and the old one reads on */
/* Whether @now is the file @opened describes, as it was: the same file,
 * the same size, the same time */
static gboolean
is_as_opened (const struct stat *now,
              const struct stat *opened)
{
  return now->st_dev == opened->st_dev && now->st_ino == opened->st_ino && now->st_size == opened->st_size &&
         now->st_mtim.tv_sec == opened->st_mtim.tv_sec && now->st_mtim.tv_nsec == opened->st_mtim.tv_nsec;
}

static gboolean
file_changed (VecinosDataset *self)
{
  struct stat now;

  /* The file opened, not the path: no name looked up at each call, and a
   * file renamed over the path is not seen (the old one is still read) */
  return self->fd >= 0 && fstat (self->fd, &now) == 0 && !is_as_opened (&now, &self->stat);
}

/* At the start of every public call: its time starts now. FALSE, with
 * @error set, when the file can no longer be read: a file that failed
 * once is not read again, as each call would wait for its deadline or
 * meet the same damage */
gboolean
vecinos_dataset_begin_call (VecinosDataset  *self,
                            GError         **error)
{
  self->deadline = g_get_monotonic_time () + self->time_limit;
  if (self->failure == NULL && file_changed (self))
    vecinos_dataset_read_failed (self, NULL, SQLITE_CORRUPT, NULL);
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
gboolean
vecinos_dataset_read_failed (VecinosDataset  *self,
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

/* The file is as long as its header says: a file cut short, or grown by
 * something other than SQLite, is damaged. Reading every page to check it
 * (PRAGMA quick_check) would read the whole file at each start, and pull
 * it into memory; a page damaged inside is met when it is read, and ends
 * in the same message (vecinos_dataset_read_failed) */
static gboolean
check_length (VecinosDataset  *self,
              GError         **error)
{
  guint8 header[100];
  guint32 page_size, n_pages;
  FILE *file;
  gsize n_read = 0;

  if (self->path == NULL)
    return TRUE;  /* in memory: imported just now */
  if ((file = g_fopen (self->path, "rb")) != NULL)
    {
      n_read = fread (header, 1, sizeof header, file);
      fclose (file);
    }
  if (n_read != sizeof header)
    return set_sqlite_error (self, SQLITE_CORRUPT, error);

  /* Big-endian: the page size at 16 (1 is 65 536), the number of pages at
   * 28, valid when the change counter at 24 is the one at 92 */
  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = sqlite_header_u32 (header, 28);
  if (page_size < 512 || (page_size & (page_size - 1)) != 0 ||
      (memcmp (header + 24, header + 92, 4) == 0 && n_pages > 0
       ? (guint64) self->stat.st_size != (guint64) n_pages * page_size
       : self->stat.st_size % page_size != 0))
    return set_sqlite_error (self, SQLITE_CORRUPT, error);
  /* Bytes 18 and 19 are 2 in WAL mode */
  self->change_counter_known = header[18] == 1 && header[19] == 1 && memcmp (header + 24, header + 92, 4) == 0;
  self->change_counter = sqlite_header_u32 (header, 24);
  return TRUE;
}

static gboolean
check_version (VecinosDataset  *self,
               GError         **error)
{
  g_autofree char *name = vecinos_dataset_display_name (self->file);
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

/* What vecinos_schema_sql and its indexes make in a database of its own,
 * once */
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
          sqlite3_exec (db, vecinos_schema_sql, NULL, NULL, NULL) == SQLITE_OK &&
          sqlite3_exec (db, vecinos_schema_indexes_sql, NULL, NULL, NULL) == SQLITE_OK)
        rows = describe_schema (db, &rc);
      sqlite3_close (db);
      if (rows == NULL)
        g_error ("Vecinos's own schema cannot be made: is SQLite built without FTS5?");
      g_once_init_leave (&expected, rows);
    }
  return expected;
}

/* Tables are tables, with the columns, constraints, indexes and nothing
 * else that Vecinos writes: the compiler runs vecinos_schema_sql (and its
 * indexes after the rows), so
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
          g_autofree char *name = vecinos_dataset_display_name (self->file);

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
  if (rc == SQLITE_ROW && sqlite3_column_bytes (stmt, 1) == 2)
    g_strlcpy (self->content_language, (const char *) sqlite3_column_text (stmt, 1), sizeof self->content_language);
  sqlite3_reset (stmt);
  if (self->languages == NULL || self->languages[0] == NULL)
    return set_sqlite_error (self, rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);

  return TRUE;
}

/* vecinos_hand_rows (rowid, sink): each row to the VecinosRowSink bound
 * as the sink, without one does nothing; an aggregate, so that the rows
 * stay inside the query (one row, NULL, is returned) */
static void
hand_row (sqlite3_context  *context,
          int               n_values,
          sqlite3_value   **values)
{
  VecinosRowSink *sink = sqlite3_value_pointer (values[1], VECINOS_ROW_SINK_TYPE);

  if (sink != NULL)
    sink->found (sink->data, sqlite3_value_int64 (values[0]));
}

static void
hand_rows_end (sqlite3_context *context)
{
  sqlite3_result_null (context);
}

/* Turns off what a crafted file could use against its reader: triggers,
 * views, functions called from its schema, a writable schema; and bounds
 * every query in time (@check, asked every PROGRESS_STEPS instructions,
 * stops it) and every value in size */
static void
defend_connection (sqlite3  *db,
                   int     (*check) (void *data),
                   void     *data)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES);
  sqlite3_progress_handler (db, PROGRESS_STEPS, check, data);
  /* Vecinos' own function (QUERY_FILTER_EVENTS), which no schema may call */
  sqlite3_create_function (db, "vecinos_hand_rows", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
                           NULL, hand_row, hand_rows_end);
  _vecinos_dataset_add_rank (db);
}

static VecinosDataset *
finish_opening (VecinosDataset  *self,
                gboolean         checked,
                GError         **error)
{
  g_autoptr(VecinosDataset) dataset = self;

  defend_connection (dataset->db, check_deadline, dataset);
  vecinos_dataset_begin_call (dataset, NULL);
  /* The schema before anything else reads a table: a query on a file
   * that is not what Vecinos wrote could run for ever */
  if (!check_version (dataset, error) ||
      (checked && !check_schema (dataset, error)) ||
      (checked && !check_length (dataset, error)) ||
      !prepare_queries (dataset, error))
    return NULL;

  dataset->opened = TRUE;
  return g_steal_pointer (&dataset);
}

/* A connection to the file at @path, read-only.
 *
 * immutable=1: the bundled file never changes while we read it, so SQLite
 * may skip locking, and nothing is ever written next to it (nor read: a
 * journal beside a crafted file is not rolled into it). A file changed
 * in place all the same is noticed by file_changed().
 *
 * NOMUTEX: a connection is read from one thread at a time (the dataset's
 * from the main one, a reader's under its lock), so SQLite need not lock
 * it at every column read — seven locks an event when the timeline opens.
 *
 * No memory map (SQLite's default): a mapped file that is truncated or
 * copied over while the program runs ends it with SIGBUS at the next
 * read, where read() gives an error that becomes a message. Any file can
 * be opened here, the bundled one too can be replaced by an upgrade, and
 * the whole dataset fits SQLite's page cache anyway */
static int
open_connection (const char  *path,
                 sqlite3    **db)
{
  g_autofree char *file_uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *uri = NULL;
  int rc;

  if (file_uri == NULL)
    return SQLITE_CANTOPEN;
  uri = g_strconcat (file_uri, "?immutable=1", NULL);
  rc = sqlite3_open_v2 (uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    sqlite3_exec (*db, "PRAGMA mmap_size = 0", NULL, NULL, NULL);
  return rc;
}

static VecinosDataset *
open_file (GFile    *file,
           gboolean  checked,
           GError  **error)
{
  g_autoptr(VecinosDataset) self = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  int rc;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (VECINOS_TYPE_DATASET, NULL);
  self->file = g_object_ref (file);
  name = vecinos_dataset_display_name (file);
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

  if ((self->fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0)) >= 0 && fstat (self->fd, &self->stat) == 0)
    self->path = g_strdup (path);
  else if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
  rc = open_connection (path, &self->db);
  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error), NULL;

  return finish_opening (g_steal_pointer (&self), checked, error);
}

/* --- A second reader ---
 *
 * The dataset's own connection is the main thread's. A lookup that takes
 * long on a large timeline (the filter's words among a million events)
 * runs in another thread on a second connection to the same file, opened
 * the first time it is needed: the main thread goes on reading its own
 * (the labels, the list) meanwhile. One lookup at a time reads it, under
 * its lock; each is bounded by the dataset's time limit and stops when it
 * is cancelled. */

struct _VecinosDatasetReader
{
  GMutex         lock;
  sqlite3       *db;
  sqlite3_stmt  *filter;       /* QUERY_FILTER_EVENTS */
  gint64         deadline;     /* of the lookup reading it */
  GCancellable  *cancellable;  /* of the lookup reading it */
};

static int
reader_should_stop (void *data)
{
  VecinosDatasetReader *reader = data;

  return g_get_monotonic_time () > reader->deadline || g_cancellable_is_cancelled (reader->cancellable);
}

static void
reader_free (VecinosDatasetReader *reader)
{
  if (reader == NULL)
    return;
  sqlite3_finalize (reader->filter);
  sqlite3_close (reader->db);
  g_mutex_clear (&reader->lock);
  g_free (reader);
}

/* Whether the path still names the file the dataset opened, as it was */
static gboolean
path_is_as_opened (VecinosDataset *self)
{
  struct stat now;

  return stat (self->path, &now) == 0 && is_as_opened (&now, &self->stat);
}

/*
 * vecinos_dataset_get_reader:
 *
 * In the main thread.
 *
 * Returns: (transfer none) (nullable): a second connection to the file,
 *   or NULL where there cannot be one: a dataset in memory, a file that
 *   failed, or was renamed, replaced or changed since it was opened (a
 *   second connection would read another file). The caller then reads the
 *   dataset's own, which says why it cannot
 */
VecinosDatasetReader *
vecinos_dataset_get_reader (VecinosDataset *self)
{
  VecinosDatasetReader *reader;

  if (self->reader_tried || self->path == NULL || !self->opened || self->failure != NULL)
    return self->reader;
  self->reader_tried = TRUE;

  reader = g_new0 (VecinosDatasetReader, 1);
  g_mutex_init (&reader->lock);
  /* The same file before and after it is opened: the connection's
   * descriptor is the file the dataset reads */
  if (!path_is_as_opened (self) || open_connection (self->path, &reader->db) != SQLITE_OK ||
      !path_is_as_opened (self))
    return reader_free (reader), NULL;
  defend_connection (reader->db, reader_should_stop, reader);
  if (sqlite3_prepare_v3 (reader->db, query_sql[QUERY_FILTER_EVENTS], -1, SQLITE_PREPARE_PERSISTENT,
                          &reader->filter, NULL) != SQLITE_OK)
    return reader_free (reader), NULL;
  self->reader = reader;
  return reader;
}

/* QUERY_FILTER_EVENTS on @stmt, prepared on either connection: each row
 * found is handed to @sink inside the first step (the one row returned is
 * the aggregate's). SQLITE_DONE, or SQLite's error; @stmt reset */
static int
find_rows (sqlite3_stmt   *stmt,
           const char     *match,
           gint64          first_rowid,
           gint64          last_rowid,
           VecinosRowSink *sink)
{
  int rc;

  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, first_rowid);
  sqlite3_bind_int64 (stmt, 3, last_rowid);
  sqlite3_bind_pointer (stmt, 4, sink, VECINOS_ROW_SINK_TYPE, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc;
}

/*
 * vecinos_dataset_find_rows:
 * @match: an FTS5 query
 * @sink: where each row of the search index that @match finds, between
 *   @first_rowid and @last_rowid, is handed
 *
 * On the dataset's own connection, a call of its own (its time limit, a
 * failure recorded and told).
 *
 * Returns: whether every row was handed over
 */
gboolean
vecinos_dataset_find_rows (VecinosDataset *self,
                           const char     *match,
                           gint64          first_rowid,
                           gint64          last_rowid,
                           VecinosRowSink *sink)
{
  int rc;

  if (!vecinos_dataset_begin_call (self, NULL))
    return FALSE;
  rc = find_rows (self->queries[QUERY_FILTER_EVENTS], match, first_rowid, last_rowid, sink);
  return rc == SQLITE_DONE || vecinos_dataset_read_failed (self, NULL, rc, NULL);
}

/*
 * vecinos_dataset_reader_find_rows:
 * @time_limit: microseconds it may take (the dataset's, read in the main
 *   thread)
 *
 * As vecinos_dataset_find_rows(), on @reader, in any thread. A lookup
 * started while another reads waits for it to end.
 *
 * Returns: whether every row was handed over: FALSE when @cancellable was
 *   cancelled, the time limit passed or the file could not be read
 */
gboolean
vecinos_dataset_reader_find_rows (VecinosDatasetReader *reader,
                                  const char           *match,
                                  gint64                first_rowid,
                                  gint64                last_rowid,
                                  VecinosRowSink       *sink,
                                  gint64                time_limit,
                                  GCancellable         *cancellable)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&reader->lock);
  int rc;

  if (g_cancellable_is_cancelled (cancellable))
    return FALSE;
  reader->deadline = g_get_monotonic_time () + time_limit;
  reader->cancellable = cancellable;
  rc = find_rows (reader->filter, match, first_rowid, last_rowid, sink);
  reader->cancellable = NULL;
  return rc == SQLITE_DONE;
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

/**
 * vecinos_dataset_get_title:
 * @language: the language wanted
 *
 * Returns: (transfer full) (nullable): the dataset's title in @language (or
 *   English), %NULL when it has none
 */
char *
vecinos_dataset_get_title (VecinosDataset *self,
                           const char     *language)
{
  sqlite3_stmt *stmt;
  char *title = NULL;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), NULL);

  if (!vecinos_dataset_begin_call (self, NULL))
    return NULL;
  stmt = self->queries[QUERY_TITLE];
  sqlite3_bind_text (stmt, 1, language, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    title = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, 0), -1);
  sqlite3_reset (stmt);
  return title;
}

/**
 * vecinos_dataset_get_content_language:
 *
 * Returns: (nullable): the one language a timeline imported from another
 *   format is written in ("es"), %NULL when the dataset gives its texts in
 *   each of its languages
 */
const char *
vecinos_dataset_get_content_language (VecinosDataset *self)
{
  g_return_val_if_fail (VECINOS_IS_DATASET (self), NULL);
  return self->content_language[0] != '\0' ? self->content_language : NULL;
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

  if (!vecinos_dataset_begin_call (self, NULL))
    return 0;
  /* The table name comes from the fixed list above, never from a user */
  sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      next_row (self, stmt))
    count = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
  sqlite3_finalize (stmt);
  return count;
}
