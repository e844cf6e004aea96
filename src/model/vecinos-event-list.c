/* vecinos-event-list.c — the timeline's events as data: a list model that
 * makes an event only when it is asked for one
 *
 * A dataset's events are read once into one flat array — the days, the
 * row, the importance and the id of each, 16 bytes, from the event table
 * alone (no page of texts is read to open) — instead of an object with
 * its texts and sources. The timeline draws from the array and reads the
 * titles of the labels it shows; the list and the event page ask for a
 * #VecinosEvent, which is read from the dataset then, and is the same
 * object for as long as anyone holds it (a selection finds its item
 * again by pointer).
 *
 * The filters are the list's: a category hidden, an importance, words. The
 * words are looked up in the dataset's search index (the title and the
 * summary, by word beginnings, ignoring case and accents, as the search
 * does), not read from each event, and what the filters let through is
 * found in one pass over the array.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "vecinos-dataset-private.h"
#include "vecinos-event-list.h"
#include "vecinos-event-private.h"
#include "vecinos-search.h"

/* The events made last that the list holds on to: more than the rows
 * GTK 4.8's list view makes (about 200) */
#define RECENT_KEPT 512

/* 16 bytes: an id is below 2³² in any file Vecinos wrote */
typedef struct {
  guint32    id;
  VecinosDay first;
  VecinosDay last;
  guint16    row;
  guint8     importance;
} Record;

struct _VecinosEventList
{
  GObject          parent_instance;

  VecinosDataset  *dataset;
  char            *lang;
  guint            search_lang;  /* whose words the index has: its index in the dataset's languages */

  Record          *records;      /* every event, by date */
  guint            n_records;
  /* The titles read so far (the labels on the timeline): index → text,
   * forgotten past TITLES_KEPT */
  GHashTable      *titles;
  guint           *row_counts;
  guint            n_rows;
  /* An event's index from its id: an array where the ids are dense (a
   * compiled dataset's are 1…n), else a table */
  guint32         *index_of_id;  /* both NULL until an id is looked up */
  gint64           n_ids;        /* the largest id, plus one */
  GHashTable      *index_by_id;

  /* What the filters let through: indexes into records, in order; NULL
   * when they let everything through */
  guint32         *visible;
  guint            n_visible;

  /* The events made and still held by someone: index → VecinosEvent */
  GHashTable      *made;
  /* The last events made, held a while longer (see get_item ()) */
  VecinosEvent    *recent[RECENT_KEPT];
  guint            next_recent;

  guint            serial;       /* this list among those made (a lookup's result names it) */
  /* The words last looked up (an FTS5 query) and the events they are in,
   * a mark an event: a filter on the same words reads them from here */
  char            *found_query;
  guint8          *found;
};

static void vecinos_event_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VecinosEventList, vecinos_event_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, vecinos_event_list_model_init))

/* An event's index in records, plus one, on the event */
static GQuark
index_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("vecinos-event-list-index");
  return quark;
}

static guint
record_at (VecinosEventList *self,
           guint             position)
{
  return self->visible != NULL ? self->visible[position] : position;
}

static void
forget_event (gpointer  data,
              GObject  *where_the_object_was)
{
  VecinosEventList *self = data;
  /* Weak references are told in dispose; an object's data goes in
   * finalize, after: its index is still on it */
  guint index = GPOINTER_TO_UINT (g_object_get_qdata (where_the_object_was, index_quark ()));

  g_hash_table_remove (self->made, GUINT_TO_POINTER (index - 1));
}

static void
vecinos_event_list_finalize (GObject *object)
{
  VecinosEventList *self = (VecinosEventList *) object;
  GHashTableIter iter;
  gpointer event;

  g_hash_table_iter_init (&iter, self->made);
  while (g_hash_table_iter_next (&iter, NULL, &event))
    g_object_weak_unref (event, forget_event, self);
  g_hash_table_unref (self->made);
  for (guint i = 0; i < RECENT_KEPT; i++)
    g_clear_object (&self->recent[i]);
  g_clear_object (&self->dataset);
  g_free (self->lang);
  g_free (self->records);
  g_hash_table_unref (self->titles);
  g_free (self->row_counts);
  g_free (self->index_of_id);
  g_clear_pointer (&self->index_by_id, g_hash_table_unref);
  g_free (self->visible);
  g_free (self->found_query);
  g_free (self->found);

  G_OBJECT_CLASS (vecinos_event_list_parent_class)->finalize (object);
}

static void
vecinos_event_list_class_init (VecinosEventListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vecinos_event_list_finalize;
}

static void
vecinos_event_list_init (VecinosEventList *self)
{
  static guint lists_made;

  self->serial = ++lists_made;
  self->made = g_hash_table_new (NULL, NULL);
  self->titles = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

static GType
get_item_type (GListModel *model)
{
  return VECINOS_TYPE_EVENT;
}

static guint
get_n_items (GListModel *model)
{
  VecinosEventList *self = VECINOS_EVENT_LIST (model);

  return self->visible != NULL ? self->n_visible : self->n_records;
}

/* When the dataset cannot be read any more, an event of what the list
 * holds (the window is told, and shows why) */
static VecinosEvent *
event_from_record (VecinosEventList *self,
                   const Record     *record)
{
  VecinosEventFields fields = {
    .slug = "",
    .title = "",
    .summary = "",
    .category = "",
    .category_name = "",
    .color = "#999999",
    .importance = record->importance,
  };

  vecinos_date_from_day (record->first, VECINOS_DATE_PRECISION_DAY, &fields.start);
  fields.has_end = record->last != record->first;
  vecinos_date_from_day (record->last, VECINOS_DATE_PRECISION_DAY, &fields.end);
  return vecinos_event_new (&fields);
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  VecinosEventList *self = VECINOS_EVENT_LIST (model);
  VecinosEvent *event;
  guint index;

  if (position >= get_n_items (model))
    return NULL;
  index = record_at (self, position);
  if ((event = g_hash_table_lookup (self->made, GUINT_TO_POINTER (index))) != NULL)
    return g_object_ref (event);

  event = vecinos_dataset_get_event (self->dataset, self->lang, self->records[index].id);
  if (event == NULL)
    event = event_from_record (self, &self->records[index]);
  g_object_set_qdata (G_OBJECT (event), index_quark (), GUINT_TO_POINTER (index + 1));
  g_object_weak_ref (G_OBJECT (event), forget_event, self);
  g_hash_table_insert (self->made, GUINT_TO_POINTER (index), event);
  /* Held a while: at a change of the filters GTK 4.8 asks for each event
   * it will show, lets it go, and asks for it again to make its row — two
   * reads of the file an event, ~400 at each large change */
  g_clear_object (&self->recent[self->next_recent]);
  self->recent[self->next_recent] = g_object_ref (event);
  self->next_recent = (self->next_recent + 1) % RECENT_KEPT;
  return event;
}

static void
vecinos_event_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The categories' ids, in the order of their rows */
static int
read_category_ids (sqlite3_stmt *stmt,
                   GArray       *ids)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return rc;
}

static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const Record *x = a, *y = b;

  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/* Made ready at once for this many events at most; a file whose ids go
 * higher (not one Vecinos wrote) grows its array as it is read */
#define RECORDS_RESERVED_MAX (1 << 24)

/* Every event's record read from the event table (@rows), by date, into
 * @records (@max_id, the largest id, sizes the array). SQLITE_DONE, or
 * SQLite's error, with @failed the statement that met it */
static int
scan_records (sqlite3_stmt  *max_id,
              sqlite3_stmt  *rows,
              const GArray  *category_ids,
              GArray       **records,
              sqlite3_stmt **failed)
{
  gboolean sorted = TRUE;
  int rc;

  *failed = max_id;
  if ((rc = sqlite3_step (max_id)) != SQLITE_ROW)
    {
      sqlite3_reset (max_id);
      return rc;
    }
  /* The array made at its size (grown by doubling, a million events were
   * copied and their pages touched twice over) */
  *records = g_array_sized_new (FALSE, FALSE, sizeof (Record),
                                CLAMP (sqlite3_column_int64 (max_id, 0), 0, RECORDS_RESERVED_MAX));
  sqlite3_reset (max_id);

  *failed = rows;
  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      VecinosDate start = date_column (rows, 1, 2);
      gint64 category = sqlite3_column_int64 (rows, 6);
      const gint64 *found = bsearch (&category, category_ids->data, category_ids->len, sizeof (gint64),
                                     compare_ids);
      gint64 id = sqlite3_column_int64 (rows, 0);
      Record record = {
        .id = (guint32) id,
        .first = vecinos_date_first_day (&start),
        /* A row fits 16 bits: a file with more categories than that is
         * not one Vecinos wrote, and the others' events go to the first */
        .row = found != NULL && found - (const gint64 *) category_ids->data <= G_MAXUINT16
               ? found - (const gint64 *) category_ids->data : 0,
        .importance = CLAMP (sqlite3_column_int (rows, 5), 1, 3),
      };

      if (sqlite3_column_type (rows, 3) != SQLITE_NULL)
        {
          VecinosDate end = date_column (rows, 3, 4);

          record.last = MAX (vecinos_date_last_day (&end), record.first);
        }
      else
        record.last = record.first;
      if (id < 0 || id > G_MAXUINT32)
        {
          sqlite3_reset (rows);
          return SQLITE_CORRUPT;
        }
      if ((*records)->len > 0 &&
          compare_records (&g_array_index (*records, Record, (*records)->len - 1), &record) > 0)
        sorted = FALSE;
      g_array_append_val (*records, record);
    }
  sqlite3_reset (rows);
  if (rc == SQLITE_DONE && !sorted)
    g_array_sort (*records, compare_records);
  return rc;
}

/* --- The events' order, kept in the file ---
 *
 * A dataset Vecinos writes keeps the array this list reads — every
 * event's record, by date — in its meta table, under "event_order": one
 * value read at open instead of a row an event (a million events: 16 MB
 * read whole, not a million rows of the event table). It is written last,
 * in a transaction of its own, and says which change of the file it goes
 * with: the file's change counter once that transaction is written (the
 * header's bytes 24–27, which SQLite counts up at each change outside WAL
 * mode). A file changed since — by another program — or in WAL mode, or
 * whose value does not hold together, is read from the event table.
 *
 * The value: the change counter and the record's size (16), 32 bits
 * each, then the records, little endian: the id (32 bits), the first and
 * the last day (32 bits, signed), the row (16 bits), the importance
 * (8 bits) and a zero byte */

#define ORDER_KEY "event_order"
#define ORDER_HEADER_BYTES 8
#define ORDER_RECORD_BYTES 16

static void
write_u32 (guint8  *out,
           guint32  value)
{
  value = GUINT32_TO_LE (value);
  memcpy (out, &value, 4);
}

static guint32
read_u32 (const guint8 *in)
{
  guint32 value;

  memcpy (&value, in, 4);
  return GUINT32_FROM_LE (value);
}

/* A record as it is kept: the same 16 bytes as in memory, little endian */
G_STATIC_ASSERT (sizeof (Record) == ORDER_RECORD_BYTES && G_STRUCT_OFFSET (Record, first) == 4 &&
                 G_STRUCT_OFFSET (Record, last) == 8 && G_STRUCT_OFFSET (Record, row) == 12 &&
                 G_STRUCT_OFFSET (Record, importance) == 14);

/* @record read as it was kept, in place: FALSE when it is not one this
 * list could have written (a row past the categories, an importance, days
 * out of order or out of range) */
static gboolean
read_record (Record *record,
             guint   n_rows)
{
  record->id = GUINT32_FROM_LE (record->id);
  record->first = (VecinosDay) GUINT32_FROM_LE ((guint32) record->first);
  record->last = (VecinosDay) GUINT32_FROM_LE ((guint32) record->last);
  record->row = GUINT16_FROM_LE (record->row);
  return record->row < n_rows && record->importance >= 1 && record->importance <= 3 &&
         record->first >= FIRST_DAY && record->first <= record->last && record->last <= LAST_DAY;
}

/* The records kept in the file, by date, or NULL when there are none that
 * go with the file as it is now. Read straight into the array (a million
 * events: no second copy of 16 MB) */
static GArray *
read_kept_order (VecinosDataset *dataset,
                 guint           n_rows)
{
  sqlite3_stmt *stmt = dataset->queries[QUERY_EVENT_ORDER];
  g_autoptr(GArray) records = NULL;
  sqlite3_blob *blob = NULL;
  guint8 header[ORDER_HEADER_BYTES];
  gint64 rowid, length;
  gsize n;
  gboolean ok;

  if (!dataset->change_counter_known || sqlite3_step (stmt) != SQLITE_ROW || !sqlite3_column_int (stmt, 2))
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  rowid = sqlite3_column_int64 (stmt, 0);
  length = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  /* The length a record's header claims: no more than the file holds */
  if (length < ORDER_HEADER_BYTES || length > MIN (G_MAXINT, (gint64) dataset->stat.st_size) ||
      (length - ORDER_HEADER_BYTES) % ORDER_RECORD_BYTES != 0)
    return NULL;
  n = (length - ORDER_HEADER_BYTES) / ORDER_RECORD_BYTES;
  records = g_array_sized_new (FALSE, FALSE, sizeof (Record), n);
  g_array_set_size (records, n);
  ok = sqlite3_blob_open (dataset->db, "main", "meta", "value", rowid, 0, &blob) == SQLITE_OK &&
       sqlite3_blob_read (blob, header, sizeof header, 0) == SQLITE_OK &&
       read_u32 (header) == dataset->change_counter && read_u32 (header + 4) == ORDER_RECORD_BYTES &&
       (n == 0 ||
        sqlite3_blob_read (blob, records->data, (int) (n * ORDER_RECORD_BYTES), ORDER_HEADER_BYTES) == SQLITE_OK);
  sqlite3_blob_close (blob);
  if (!ok)
    return NULL;
  for (gsize i = 0; i < n; i++)
    {
      Record *record = &g_array_index (records, Record, i);

      if (!read_record (record, n_rows) || (i > 0 && compare_records (record - 1, record) >= 0))
        return NULL;
    }
  return g_steal_pointer (&records);
}

/**
 * vecinos_event_list_keep_order:
 * @db: a dataset just written, its file closed to every other writer
 *
 * Keeps in @db's meta table the array a #VecinosEventList reads at open
 * (see "The events' order, kept in the file" above), in a transaction of
 * its own: the last change made to the file. A database in memory keeps
 * nothing.
 *
 * Returns: SQLITE_OK, or SQLite's error
 */
int
vecinos_event_list_keep_order (sqlite3 *db)
{
  const char *path = sqlite3_db_filename (db, "main");
  sqlite3_stmt *categories = NULL, *max_id = NULL, *rows = NULL, *insert = NULL, *failed;
  g_autoptr(GArray) category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) records = NULL;
  g_autofree guint8 *bytes = NULL;
  guint8 header[28];
  gsize size;
  FILE *file;
  int rc;

  if (path == NULL || *path == '\0')
    return SQLITE_OK;
  if ((rc = sqlite3_prepare_v2 (db, vecinos_dataset_query_sql (QUERY_CATEGORY_IDS), -1, &categories, NULL)) ||
      (rc = sqlite3_prepare_v2 (db, vecinos_dataset_query_sql (QUERY_EVENT_MAX_ID), -1, &max_id, NULL)) ||
      (rc = sqlite3_prepare_v2 (db, vecinos_dataset_query_sql (QUERY_EVENT_ROWS), -1, &rows, NULL)) ||
      (rc = sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('" ORDER_KEY "', ?1)", -1,
                                &insert, NULL)))
    goto out;
  if ((rc = read_category_ids (categories, category_ids)) != SQLITE_DONE ||
      (rc = scan_records (max_id, rows, category_ids, &records, &failed)) != SQLITE_DONE)
    goto out;

  /* The change counter as the last transaction left it */
  rc = SQLITE_IOERR;
  if ((file = g_fopen (path, "rb")) == NULL)
    goto out;
  size = fread (header, 1, sizeof header, file);
  fclose (file);
  if (size != sizeof header)
    goto out;

  size = ORDER_HEADER_BYTES + (gsize) records->len * ORDER_RECORD_BYTES;
  bytes = g_malloc (size);
  write_u32 (bytes, sqlite_header_u32 (header, 24) + 1);
  write_u32 (bytes + 4, ORDER_RECORD_BYTES);
  for (guint i = 0; i < records->len; i++)
    {
      const Record *record = &g_array_index (records, Record, i);
      guint8 *out = bytes + ORDER_HEADER_BYTES + (gsize) i * ORDER_RECORD_BYTES;

      write_u32 (out, record->id);
      write_u32 (out + 4, (guint32) record->first);
      write_u32 (out + 8, (guint32) record->last);
      out[12] = record->row & 0xff;
      out[13] = record->row >> 8;
      out[14] = record->importance;
      out[15] = 0;
    }
  sqlite3_bind_blob64 (insert, 1, bytes, size, SQLITE_STATIC);
  /* One transaction: the counter goes up by one, to what the value says */
  if ((rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL)) != SQLITE_OK)
    goto out;
  if ((rc = sqlite3_step (insert)) != SQLITE_DONE ||
      (rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);

out:
  sqlite3_finalize (categories);
  sqlite3_finalize (max_id);
  sqlite3_finalize (rows);
  sqlite3_finalize (insert);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static gboolean
read_records (VecinosEventList  *self,
              GError           **error)
{
  VecinosDataset *dataset = self->dataset;
  g_autoptr(GArray) category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) records = NULL;
  sqlite3_stmt *failed;
  gint64 max_id = 0;
  int rc;

  if ((rc = read_category_ids (dataset->queries[QUERY_CATEGORY_IDS], category_ids)) != SQLITE_DONE)
    return vecinos_dataset_read_failed (dataset, dataset->queries[QUERY_CATEGORY_IDS], rc, error);
  self->n_rows = MAX (category_ids->len, 1);
  self->row_counts = g_new0 (guint, self->n_rows);

  if ((records = read_kept_order (dataset, self->n_rows)) == NULL &&
      (rc = scan_records (dataset->queries[QUERY_EVENT_MAX_ID], dataset->queries[QUERY_EVENT_ROWS], category_ids,
                          &records, &failed)) != SQLITE_DONE)
    return vecinos_dataset_read_failed (dataset, failed, rc, error);

  self->n_records = records->len;
  self->records = (Record *) g_array_free (g_steal_pointer (&records), FALSE);
  for (guint i = 0; i < self->n_records; i++)
    {
      self->row_counts[self->records[i].row]++;
      max_id = MAX (max_id, self->records[i].id);
    }
  self->n_ids = max_id + 1;
  return TRUE;
}

/* An event's index from its id, made the first time one is looked up (a
 * window opened without a selection nor a filter never does) */
static void
index_ids (VecinosEventList *self)
{
  if (self->n_ids - 1 < (gint64) self->n_records * 4 + 1024)
    {
      self->index_of_id = g_new (guint32, self->n_ids);
      memset (self->index_of_id, 0xff, self->n_ids * sizeof (guint32));
      for (guint i = 0; i < self->n_records; i++)
        self->index_of_id[self->records[i].id] = i;
    }
  else
    {
      self->index_by_id = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < self->n_records; i++)
        g_hash_table_insert (self->index_by_id, GUINT_TO_POINTER (self->records[i].id), GUINT_TO_POINTER (i + 1));
    }
}

/**
 * vecinos_event_list_new:
 * @lang: the language of the texts; a text missing in it is English
 *
 * Returns: (transfer full) (nullable): the dataset's events, by date,
 *   none filtered out
 */
VecinosEventList *
vecinos_event_list_new (VecinosDataset  *dataset,
                        const char      *lang,
                        GError         **error)
{
  g_autoptr(VecinosEventList) self = NULL;

  g_return_val_if_fail (VECINOS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  self = g_object_new (VECINOS_TYPE_EVENT_LIST, NULL);
  self->dataset = g_object_ref (dataset);
  self->lang = g_strdup (lang);
  /* An imported timeline's words are indexed once, in the first language
   * (its one language is the same text under every code) */
  if (vecinos_dataset_get_content_language (dataset) == NULL)
    for (guint l = 0; dataset->languages[l] != NULL; l++)
      if (g_str_equal (dataset->languages[l], lang))
        self->search_lang = l;
  if (!vecinos_dataset_begin_call (dataset, error) || !read_records (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* All the events, before the filters */
guint
vecinos_event_list_get_n_events (VecinosEventList *self)
{
  g_return_val_if_fail (VECINOS_IS_EVENT_LIST (self), 0);

  return self->n_records;
}

/* How many events a row (a category) has, before the filters */
guint
vecinos_event_list_count_row (VecinosEventList *self,
                              guint             row)
{
  g_return_val_if_fail (VECINOS_IS_EVENT_LIST (self), 0);

  return row < self->n_rows ? self->row_counts[row] : 0;
}

static guint
index_of (VecinosEventList *self,
          gint64            id)
{
  if (self->index_of_id == NULL && self->index_by_id == NULL)
    index_ids (self);
  if (self->index_of_id != NULL)
    return id >= 0 && id < self->n_ids ? self->index_of_id[id] : G_MAXUINT32;
  if (id < 0 || id > G_MAXUINT32)
    return G_MAXUINT32;
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->index_by_id, GUINT_TO_POINTER ((guint32) id))) - 1;
}

typedef struct {
  VecinosEventList *list;
  gint64            block;
  guint8           *found;
} Marking;

static void
mark_found (gpointer data,
            gint64   rowid)
{
  Marking *marking = data;
  guint index = index_of (marking->list, rowid - marking->block);

  if (index < marking->list->n_records)
    marking->found[index] = TRUE;
}

static void
keep_found (VecinosEventList *self,
            char             *query,
            guint8           *found)
{
  g_free (self->found_query);
  g_free (self->found);
  self->found_query = query;
  self->found = found;
}

/* The events the search index finds @query in: a mark an event, kept
 * with @query; NULL when the index cannot be read (the dataset says why) */
static const guint8 *
find_words (VecinosEventList *self,
            const char       *query)
{
  g_autofree guint8 *found = NULL;
  gint64 block = VECINOS_SEARCH_EVENT_ROWID (self->search_lang, 0);
  Marking marking = { self, block, NULL };
  VecinosRowSink sink = { mark_found, &marking };

  if (g_strcmp0 (query, self->found_query) == 0)
    return self->found;
  marking.found = found = g_new0 (guint8, MAX (self->n_records, 1));
  if (!vecinos_dataset_find_rows (self->dataset, query, block, block + VECINOS_SEARCH_BLOCK - 1, &sink))
    return NULL;
  keep_found (self, g_strdup (query), g_steal_pointer (&found));
  return self->found;
}

/* --- Words looked up in another thread ---
 *
 * A large timeline's words are looked up while the user pauses in typing
 * (vecinos-workspace.c), on the dataset's second connection: the main
 * thread goes on drawing and reading its own meanwhile, and the filter
 * that follows finds them kept.
 *
 * The thread is given nothing of the list: it gathers the ids of the
 * events found, which the list marks when the lookup ends, in the main
 * thread. So the list is never freed, nor its events let go, in another
 * thread (a task's last reference may be dropped there), and a list gone
 * or replaced meanwhile (another language) is not read: the result names
 * the list it was made for by a serial number, never by its address. */

typedef struct {
  VecinosDataset       *dataset;  /* kept while its reader is read */
  VecinosDatasetReader *reader;
  gint64                time_limit;  /* the dataset's, when it started */
  guint                 list;     /* the serial number of the list it is for */
  char                 *query;
  gint64                block;
  GArray               *ids;      /* guint32: the events found */
} LookUp;

static void
look_up_free (gpointer data)
{
  LookUp *look_up = data;

  g_clear_object (&look_up->dataset);
  g_free (look_up->query);
  g_array_unref (look_up->ids);
  g_free (look_up);
}

static void
gather_row (gpointer data,
            gint64   rowid)
{
  LookUp *look_up = data;
  gint64 id = rowid - look_up->block;

  if (id >= 0 && id <= G_MAXUINT32)
    g_array_append_val (look_up->ids, (guint32) { id });
}

static void
look_up_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  LookUp *look_up = data;
  VecinosRowSink sink = { gather_row, look_up };

  if (vecinos_dataset_reader_find_rows (look_up->reader, look_up->query, look_up->block,
                                        look_up->block + VECINOS_SEARCH_BLOCK - 1, &sink, look_up->time_limit,
                                        cancellable))
    g_task_return_boolean (task, TRUE);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, FALSE);
}

/**
 * vecinos_event_list_look_up_async:
 * @text: (nullable): words, as vecinos_event_list_set_filter() takes them
 *
 * Looks the events with @text's words up in another thread, for a filter
 * on them that follows (vecinos_event_list_look_up_finish() keeps them).
 * Where there is no second reader (a dataset in memory, a file that
 * failed or changed) it ends at once, and the filter reads them itself.
 */
void
vecinos_event_list_look_up_async (VecinosEventList    *self,
                                  const char          *text,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *query = vecinos_search_build_filter_query (text);
  VecinosDatasetReader *reader;
  LookUp *look_up;

  g_return_if_fail (VECINOS_IS_EVENT_LIST (self));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vecinos_event_list_look_up_async);
  if (query == NULL || g_strcmp0 (query, self->found_query) == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  /* The reader is opened here, in the main thread; the thread reads it */
  if ((reader = vecinos_dataset_get_reader (self->dataset)) == NULL)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }
  look_up = g_new0 (LookUp, 1);
  look_up->dataset = g_object_ref (self->dataset);
  look_up->reader = reader;
  look_up->time_limit = self->dataset->time_limit;
  look_up->list = self->serial;
  look_up->query = g_steal_pointer (&query);
  look_up->block = VECINOS_SEARCH_EVENT_ROWID (self->search_lang, 0);
  look_up->ids = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_task_set_task_data (task, look_up, look_up_free);
  g_task_run_in_thread (task, look_up_in_thread);
}

/**
 * vecinos_event_list_look_up_finish:
 *
 * Keeps what the lookup found, for the filter that follows. In the main
 * thread.
 *
 * Returns: whether the events with the words are known: FALSE, with
 *   @error set, when it was cancelled; FALSE without when the filter is to
 *   read them itself (there was no second reader, or the lookup was for
 *   another list)
 */
gboolean
vecinos_event_list_look_up_finish (VecinosEventList  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  LookUp *look_up;
  guint8 *found;

  g_return_val_if_fail (VECINOS_IS_EVENT_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if ((look_up = g_task_get_task_data (G_TASK (result))) == NULL)
    return TRUE;
  if (look_up->list != self->serial)
    return FALSE;
  found = g_new0 (guint8, MAX (self->n_records, 1));
  for (guint i = 0; i < look_up->ids->len; i++)
    {
      guint index = index_of (self, g_array_index (look_up->ids, guint32, i));

      if (index < self->n_records)
        found[index] = TRUE;
    }
  keep_found (self, g_steal_pointer (&look_up->query), found);
  return TRUE;
}

/* Where index @index is among what the filters let through */
static guint
position_of (const guint32 *visible,
             guint          n,
             guint          index)
{
  guint low = 0, high = n;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (visible[middle] < index)
        low = middle + 1;
      else
        high = middle;
    }
  return low < n && visible[low] == index ? low : G_MAXUINT;
}

/* The rows GTK 4.8's list view makes at most, with a margin */
#define ROWS_MADE 256

/* Tells that the list went from @before (@n_before events) to @after
 * (@n_after; NULL: every event), @removed events at @position replaced by
 * @added, and leaves it at @after (owned by the list when it is the final
 * one). When more are added than the list view has rows, in two changes:
 * the events removed, then those added. Told both at once, GTK 4.8's list
 * view looks for each row it let go among every event added — read from
 * the file one by one: a million when a word changed what a million events
 * showed */
static void
tell_change (VecinosEventList *self,
             const guint32    *before,
             guint             n_before,
             guint32          *after,
             guint             n_after,
             guint             position,
             guint             removed,
             guint             added)
{
  g_autofree guint32 *between = NULL;

  /* A few added: one change, GTK's rows found again among them (and made
   * for them anyway) */
  if (added <= ROWS_MADE)
    {
      self->visible = after;
      self->n_visible = n_after;
      if (removed > 0 || added > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }
  if (removed > 0)
    {
      between = g_new (guint32, MAX (n_before - removed, 1));
      memcpy (between, before, position * sizeof (guint32));
      memcpy (between + position, before + position + removed,
              (n_before - position - removed) * sizeof (guint32));
      self->visible = between;
      self->n_visible = n_before - removed;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, 0);
    }
  self->visible = after;
  self->n_visible = n_after;
  if (added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
}

static gboolean
any_hidden (const gboolean *hidden_rows,
            guint           n_rows)
{
  for (guint r = 0; hidden_rows != NULL && r < n_rows; r++)
    if (hidden_rows[r])
      return TRUE;
  return FALSE;
}

/**
 * vecinos_event_list_set_filter:
 * @hidden_rows: (array length=n_rows) (nullable): the rows (categories)
 *   hidden
 * @max_importance: the least important level shown (1 to 3)
 * @text: (nullable): words each event shown has the beginnings of, in
 *   its title or summary
 * @keep: (nullable): an event held elsewhere (the selected one): if it
 *   stays, the change is told around it, so that a selection keeps it
 *   without asking for every event that changed
 *
 * Returns: whether what the list holds changed
 */
gboolean
vecinos_event_list_set_filter (VecinosEventList *self,
                               const gboolean   *hidden_rows,
                               guint             n_rows,
                               int               max_importance,
                               const char       *text,
                               VecinosEvent     *keep)
{
  g_autofree char *query = vecinos_search_build_filter_query (text);
  const guint8 *words = NULL;
  g_autofree guint32 *old = NULL;
  guint32 *visible;
  guint n = 0, old_n, prefix = 0, suffix = 0, kept;
  gboolean unfiltered;

  g_return_val_if_fail (VECINOS_IS_EVENT_LIST (self), FALSE);

  /* Nothing filtered, nor was it: no pass over the events (a window opens
   * on all of them) */
  unfiltered = query == NULL && max_importance >= 3 && !any_hidden (hidden_rows, n_rows);
  if (unfiltered && self->visible == NULL)
    return FALSE;

  /* Nothing filtered now (the filter cleared): every event, without a pass */
  if (unfiltered)
    {
      visible = NULL;
      n = self->n_records;
    }
  else
    {
      if (query != NULL)
        words = find_words (self, query);
      visible = g_new (guint32, MAX (self->n_records, 1));
      for (guint i = 0; i < self->n_records; i++)
        {
          const Record *record = &self->records[i];

          if (record->importance > max_importance ||
              (hidden_rows != NULL && record->row < n_rows && hidden_rows[record->row]) ||
              (query != NULL && (words == NULL || !words[i])))
            continue;
          visible[n++] = i;
        }
      if (n == self->n_records)
        g_clear_pointer (&visible, g_free);
    }

  /* The old list, written out */
  old_n = get_n_items (G_LIST_MODEL (self));
  old = self->visible;
  if (old == NULL)
    {
      old = g_new (guint32, MAX (old_n, 1));
      for (guint i = 0; i < old_n; i++)
        old[i] = i;
    }
  /* visible is NULL for every event */
#define VISIBLE_AT(i) (visible != NULL ? visible[i] : (i))
  while (prefix < MIN (old_n, n) && old[prefix] == VISIBLE_AT (prefix))
    prefix++;
  while (suffix < MIN (old_n, n) - prefix && old[old_n - 1 - suffix] == VISIBLE_AT (n - 1 - suffix))
    suffix++;

  if (prefix == old_n && prefix == n)
    {
      self->visible = visible;
      self->n_visible = n;
      return FALSE;
    }

  kept = keep != NULL ? GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (keep), index_quark ())) : 0;
  if (kept > 0 && g_hash_table_lookup (self->made, GUINT_TO_POINTER (kept - 1)) == keep)
    {
      guint old_at = position_of (old, old_n, kept - 1);
      guint new_at = visible != NULL ? position_of (visible, n, kept - 1) : kept - 1 < n ? kept - 1 : G_MAXUINT;

      if (old_at != G_MAXUINT && new_at == G_MAXUINT && old_at >= prefix && old_at < old_n - suffix)
        {
          /* Filtered out: its removal told alone, first. Told within a
           * change that adds events, GTK 4.8's GtkSingleSelection asks for
           * every event added to look for it */
          g_autofree guint32 *without = g_new (guint32, MAX (old_n - 1, 1));
          guint p = 0, q = 0;

          memcpy (without, old, old_at * sizeof (guint32));
          memcpy (without + old_at, old + old_at + 1, (old_n - old_at - 1) * sizeof (guint32));
          tell_change (self, old, old_n, without, old_n - 1, old_at, 1, 0);
          while (p < MIN (old_n - 1, n) && without[p] == VISIBLE_AT (p))
            p++;
          while (q < MIN (old_n - 1, n) - p &&
                 without[old_n - 2 - q] == VISIBLE_AT (n - 1 - q))
            q++;
          tell_change (self, without, old_n - 1, visible, n, p, old_n - 1 - p - q, n - p - q);
          return TRUE;
        }
      if (old_at != G_MAXUINT && new_at != G_MAXUINT && old_at >= prefix && old_at < old_n - suffix)
        {
          /* The events before it, then those after: it is never in a
           * change. In between, the list is the new one up to it and the
           * old one after it */
          guint n_between = new_at + 1 + (old_n - old_at - 1);
          g_autofree guint32 *between = g_new (guint32, n_between);

          for (guint i = 0; i <= new_at; i++)
            between[i] = VISIBLE_AT (i);
          memcpy (between + new_at + 1, old + old_at + 1, (old_n - old_at - 1) * sizeof (guint32));
          tell_change (self, old, old_n, between, n_between, prefix, old_at - prefix, new_at - prefix);
          tell_change (self, between, n_between, visible, n, new_at + 1, old_n - old_at - 1 - suffix,
                       n - new_at - 1 - suffix);
          return TRUE;
        }
    }
  tell_change (self, old, old_n, visible, n, prefix, old_n - prefix - suffix, n - prefix - suffix);
  return TRUE;
#undef VISIBLE_AT
}

/**
 * vecinos_event_list_find:
 *
 * Returns: the position of the event @slug among what the filters let
 *   through, or %VECINOS_EVENT_LIST_NONE
 */
guint
vecinos_event_list_find (VecinosEventList *self,
                         const char       *slug)
{
  sqlite3_stmt *stmt;
  guint index = G_MAXUINT32;
  int rc;

  g_return_val_if_fail (VECINOS_IS_EVENT_LIST (self), VECINOS_EVENT_LIST_NONE);

  if (slug == NULL || !vecinos_dataset_begin_call (self->dataset, NULL))
    return VECINOS_EVENT_LIST_NONE;
  stmt = self->dataset->queries[QUERY_EVENT_ID];
  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    index = index_of (self, sqlite3_column_int64 (stmt, 0));
  else if (rc != SQLITE_DONE)
    return vecinos_dataset_read_failed (self->dataset, stmt, rc, NULL), VECINOS_EVENT_LIST_NONE;
  sqlite3_reset (stmt);
  if (index >= self->n_records)
    return VECINOS_EVENT_LIST_NONE;
  if (self->visible == NULL)
    return index;
  return position_of (self->visible, self->n_visible, index);
}

/**
 * vecinos_event_list_get_spans:
 * @spans: (out caller-allocates) (array length=n): where they are written
 *
 * The events at @position to @position + @n - 1, as
 * vecinos_event_list_get_span() gives each: the timeline reads a million
 * of them at each change of the filters.
 */
void
vecinos_event_list_get_spans (VecinosEventList *self,
                              guint             position,
                              guint             n,
                              VecinosEventSpan *spans)
{
  g_return_if_fail (VECINOS_IS_EVENT_LIST (self));
  g_return_if_fail (position <= get_n_items (G_LIST_MODEL (self)) &&
                    n <= get_n_items (G_LIST_MODEL (self)) - position);

  for (guint i = 0; i < n; i++)
    {
      const Record *record = &self->records[record_at (self, position + i)];

      spans[i] = (VecinosEventSpan) { record->first, record->last, record->row, record->importance };
    }
}

/* The event at @position on the timeline, without making it */
VecinosEventSpan
vecinos_event_list_get_span (VecinosEventList *self,
                             guint             position)
{
  VecinosEventSpan span = { 0 };

  g_return_val_if_fail (VECINOS_IS_EVENT_LIST (self), span);
  g_return_val_if_fail (position < get_n_items (G_LIST_MODEL (self)), span);

  vecinos_event_list_get_spans (self, position, 1, &span);
  return span;
}

/* Titles read and kept, at most: those of the labels a timeline shows */
#define TITLES_KEPT 8192

/**
 * vecinos_event_list_get_title:
 *
 * The title of the event at @position, without making the event (the
 * timeline's labels)
 *
 * Returns: (transfer full): the title; "" when it cannot be read
 */
char *
vecinos_event_list_get_title (VecinosEventList *self,
                              guint             position)
{
  const char *title;
  sqlite3_stmt *stmt;
  guint index;
  int rc;

  g_return_val_if_fail (VECINOS_IS_EVENT_LIST (self), g_strdup (""));
  g_return_val_if_fail (position < get_n_items (G_LIST_MODEL (self)), g_strdup (""));

  index = record_at (self, position);
  if ((title = g_hash_table_lookup (self->titles, GUINT_TO_POINTER (index))) != NULL)
    return g_strdup (title);
  if (!vecinos_dataset_begin_call (self->dataset, NULL))
    return g_strdup ("");
  stmt = self->dataset->queries[QUERY_EVENT_TITLE_OF];
  sqlite3_bind_text (stmt, 1, self->lang, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, self->records[index].id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return vecinos_dataset_read_failed (self->dataset, stmt, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, NULL),
           g_strdup ("");
  if (g_hash_table_size (self->titles) >= TITLES_KEPT)
    g_hash_table_remove_all (self->titles);
  g_hash_table_insert (self->titles, GUINT_TO_POINTER (index), text_column (stmt, 0, SHORT_TEXT));
  sqlite3_reset (stmt);
  return g_strdup (g_hash_table_lookup (self->titles, GUINT_TO_POINTER (index)));
}
