/* vecinos-dataset-private.h — the inside of VecinosDataset, shared by its files
 *
 * vecinos-dataset.c opens a file, checks it and prepares the statement
 * table; vecinos-dataset-events.c, -documents.c, -series.c and -search.c
 * read it, each through the helpers below. The tests and the fuzzers use
 * the unchecked open at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "vecinos-dataset.h"
#include "vecinos-event.h"
#include "vecinos-schema.h"

G_BEGIN_DECLS

/* Where QUERY_FILTER_EVENTS hands each row it finds, from inside the
 * query (its ?4, bound with sqlite3_bind_pointer () as this type): a
 * million rows returned one at a time through sqlite3_step () took a
 * quarter more of SQLite's work (797 → 615 million instructions, valgrind) */
typedef struct {
  void     (*found) (gpointer data,
                     gint64   rowid);
  gpointer   data;
} VecinosRowSink;

#define VECINOS_ROW_SINK_TYPE "vecinos-row-sink"

void _vecinos_dataset_add_rank (sqlite3 *db);

/* A second connection to a dataset's file, that another thread reads
 * while the main one goes on with the dataset's (vecinos-dataset.c) */
typedef struct _VecinosDatasetReader VecinosDatasetReader;

gboolean              vecinos_dataset_find_rows        (VecinosDataset       *self,
                                                        const char           *match,
                                                        gint64                first_rowid,
                                                        gint64                last_rowid,
                                                        VecinosRowSink       *sink);
VecinosDatasetReader *vecinos_dataset_get_reader       (VecinosDataset       *self);
gboolean              vecinos_dataset_reader_find_rows (VecinosDatasetReader *reader,
                                                        const char           *match,
                                                        gint64                first_rowid,
                                                        gint64                last_rowid,
                                                        VecinosRowSink       *sink,
                                                        gint64                time_limit,
                                                        GCancellable         *cancellable);

/* The statements, prepared once: their SQL is in vecinos-dataset.c */
typedef enum {
  QUERY_LANGUAGES,
  QUERY_EVENTS,
  QUERY_EVENT_SOURCES,
  QUERY_EVENT_ROWS,
  QUERY_EVENT_MAX_ID,
  QUERY_EVENT_ORDER,
  QUERY_EVENT_TITLE_OF,
  QUERY_EVENT_BY_ID,
  QUERY_EVENT_SOURCES_OF,
  QUERY_EVENT_ID,
  QUERY_CATEGORY_IDS,
  QUERY_FILTER_EVENTS,
  QUERY_SOURCE_ORGANISATIONS,
  QUERY_TITLE,
  QUERY_PUBLISHERS,
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
  QUERY_TOURS,
  QUERY_TOUR_STEPS,
  N_QUERIES
} Query;

struct _VecinosDataset
{
  GObject        parent_instance;

  GFile         *file;
  sqlite3       *db;
  sqlite3_stmt  *queries[N_QUERIES];
  char         **languages;
  char           content_language[3];

  char          *path;         /* of the file */
  int            fd;           /* the file, to notice it change; -1 */
  struct stat    stat;         /* the file as it was opened */
  /* The header's change counter, when the file is not in WAL mode (where
   * it does not count every change): what a kept event order is checked
   * against (vecinos-event-list.c) */
  guint32        change_counter;
  gboolean       change_counter_known;
  gint64         time_limit;   /* microseconds a call may take */
  gint64         deadline;     /* when the current call must stop */
  GError        *failure;      /* the first read that failed, once the file is open */
  gboolean       opened;
  VecinosDatasetReader *reader;  /* a second connection, once asked for */
  gboolean       reader_tried;
};

/* Every public call begins with vecinos_dataset_begin_call() and records
 * a read that fails with vecinos_dataset_read_failed() (vecinos-dataset.c) */
char     *vecinos_dataset_display_name (GFile           *file);
gboolean  vecinos_dataset_begin_call   (VecinosDataset  *self,
                                        GError         **error);
gboolean  vecinos_dataset_read_failed  (VecinosDataset  *self,
                                        sqlite3_stmt    *stmt,
                                        int              rc,
                                        GError         **error);

/* Steps @stmt: TRUE for a row; at its end or on a failure (recorded as
 * vecinos_dataset_read_failed() does, @stmt reset), FALSE */
static inline gboolean
next_row (VecinosDataset *self,
          sqlite3_stmt   *stmt)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    vecinos_dataset_read_failed (self, stmt, rc, NULL);
  return FALSE;
}

/* --- Reading: every column as if the file were hostile --- */

/* A valid colour is "#RRGGBB" (what the compiler accepts); any other
 * would reach CSS, Pango markup and GdkRGBA as is */
static inline gboolean
is_color (const char *text)
{
  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

static inline char *
color_column (sqlite3_stmt *stmt,
              int           column)
{
  const char *color = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (is_color (color) ? color : VECINOS_DATASET_FALLBACK_COLOR);
}

/* @length bytes of @text as valid UTF-8 of at most about @limit bytes: a
 * longer text is cut at a character, with "…" */
static inline char *
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
static inline char *
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
static inline char *
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

/* A 32-bit field of an SQLite file's header (big endian): the change
 * counter at 24, the number of pages at 28 */
static inline guint32
sqlite_header_u32 (const guint8 *header,
                   gsize         offset)
{
  return ((guint32) header[offset] << 24) | ((guint32) header[offset + 1] << 16) |
         ((guint32) header[offset + 2] << 8) | header[offset + 3];
}

/* The first and last days a date can have: 1 January 9999 BCE and
 * 31 December 9999 */
#define FIRST_DAY VECINOS_DAY_FIRST
#define LAST_DAY VECINOS_DAY_LAST

static inline VecinosDate
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

/* Opens @file as vecinos_dataset_new_for_file() does, without its schema
 * and integrity checks (the version is still checked), so that a test can
 * show that the reader itself survives what those checks keep out: NULL
 * where the schema says NOT NULL, values of any type */
VecinosDataset *vecinos_dataset_new_for_file_unchecked (GFile   *file,
                                                        GError **error);

/* The SQL of one of the queries above, for a writer that reads what it
 * wrote as the reader will (vecinos_event_list_keep_order()) */
const char     *vecinos_dataset_query_sql              (int             query);

VecinosEvent   *vecinos_dataset_get_event              (VecinosDataset *self,
                                                        const char     *lang,
                                                        gint64          id);

G_END_DECLS
