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
 * would get wrong before json-glib sees it (see check_json_text()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* --- Reading a file: untrusted input with limits --- */

/* The files of a dataset, in the order they are read; the compiler refuses
 * an output that would overwrite one of them */
static const char * const file_names[] = {
  "dataset.json", "categories.json", "terms.json", "events.json", "series.json",
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

  return fail_code (import, error, VECINOS_IMPORT_ERROR_READ,
                    /* Translators: %1$s and %2$s are sizes, such as "70.2 MB" */
                    _("the file is too large (%1$s; the limit is %2$s)"), have, limit);
}

static gboolean
fail_not_regular (Import  *import,
                  GError **error)
{
  return fail_code (import, error, VECINOS_IMPORT_ERROR_READ,
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
      return fail_code (import, error, VECINOS_IMPORT_ERROR_READ, _("cannot be read: %s"),
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
          return fail_code (import, error, VECINOS_IMPORT_ERROR_READ, _("cannot be read: %s"),
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
    return fail_code (import, error, VECINOS_IMPORT_ERROR_READ, _("cannot be read: %s"),
                      local_error->message);
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return fail_not_regular (import, error);
  if (g_file_info_get_size (info) > VECINOS_MAX_FILE_BYTES)
    return fail_too_large (import, g_file_info_get_size (info), error);

  if (!(stream = g_file_read (file, NULL, &local_error)))
    return fail_code (import, error, VECINOS_IMPORT_ERROR_READ, _("cannot be read: %s"),
                      local_error->message);
  for (;;)
    {
      guint8 chunk[65536];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, NULL, &local_error);

      if (n < 0)
        return fail_code (import, error, VECINOS_IMPORT_ERROR_READ, _("cannot be read: %s"),
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

/* json-glib parses recursively, keeps the last of two equal keys and turns
 * "\u0000" and a lone "\ud800" into a cut or an invalid string, all
 * silently. So before it sees a file, one pass over the text refuses what
 * it would get wrong: nesting beyond VECINOS_MAX_NESTING, anything that is
 * not plain JSON outside strings (comments and single quotes, which
 * json-glib accepts, would hide brackets from this pass), text that is not
 * UTF-8, NULs, lone surrogates, duplicate keys, overlong texts and numbers
 * beyond a double. A problem inside a record waits until the record ends,
 * so that the message can name it by its id. */

typedef struct {
  gboolean    is_object;
  gboolean    expect_key;  /* in an object: the next string is a key */
  guint       index;       /* in an array: the elements so far */
  char       *key;         /* in an object: the member being read */
  GHashTable *keys;        /* in an object: the keys so far */
} Frame;

typedef struct {
  Import     *import;
  const char *text;
  gsize       length;
  gsize       pos;
  guint       line;

  Frame       frames[VECINOS_MAX_NESTING];
  guint       depth;
  GString    *string;      /* the string just read, decoded */

  /* The record being read: an object in the array of the file's object */
  gboolean    in_record;
  char       *record_id;
  /* The first problem found in it, waiting for its id */
  char       *problem;
  char       *problem_path;       /* from the record */
  char       *problem_full_path;  /* from the top of the file */
  guint       problem_line;
} Scan;

/* The record frame is the third: { "events": [ { … } ] } */
#define RECORD_DEPTH 3

static gboolean
is_record_frame (Scan  *scan,
                 guint  depth)
{
  return depth == RECORD_DEPTH && scan->frames[0].is_object &&
         !scan->frames[1].is_object && scan->frames[2].is_object;
}

/* "points[3].note.en": where the scan is, from frame @from on */
static char *
scan_path (Scan  *scan,
           guint  from)
{
  GString *path = g_string_new (NULL);

  for (guint i = from; i < scan->depth; i++)
    {
      Frame *frame = &scan->frames[i];

      if (frame->is_object && frame->key != NULL)
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, frame->key);
        }
      else if (!frame->is_object && frame->index > 0)
        g_string_append_printf (path, "[%u]", frame->index);
    }
  return g_string_free (path, FALSE);
}

static gboolean
scan_report (Scan    *scan,
             GError **error)
{
  Import *import = scan->import;
  g_autofree char *problem = NULL;

  import->record = scan->record_id;
  problem = g_strdup_printf (/* Translators: %1$u is a line number, %2$s a field such as
                              * "title.es" or "points[3].value", %3$s the problem */
                             _("line %1$u, “%2$s”: %3$s"), scan->problem_line,
                             scan->record_id != NULL ? scan->problem_path : scan->problem_full_path,
                             scan->problem);
  fail_code (import, error, VECINOS_IMPORT_ERROR_INVALID_VALUE, "%s", problem);
  import->record = NULL;
  return FALSE;
}

/* A problem with the value (or key) being read: reported now outside a
 * record, or when the record ends. FALSE stops the scan. */
G_GNUC_PRINTF (3, 4)
static gboolean
scan_problem (Scan       *scan,
              GError    **error,
              const char *format,
              ...)
{
  va_list args;

  if (scan->problem != NULL)
    return TRUE;  /* the first one is the one reported */

  va_start (args, format);
  scan->problem = g_strdup_vprintf (format, args);
  va_end (args);
  scan->problem_line = scan->line;
  scan->problem_path = scan_path (scan, RECORD_DEPTH - 1);
  scan->problem_full_path = scan_path (scan, 0);

  if (!scan->in_record)
    return scan_report (scan, error);
  return TRUE;
}

static gboolean
scan_fail (Scan       *scan,
           GError    **error,
           const char *problem)
{
  g_autofree char *message = g_strdup_printf (/* Translators: %1$u is a line number, %2$s a problem */
                                              _("line %1$u: %2$s"), scan->line, problem);

  scan->import->record = NULL;
  return fail_code (scan->import, error, VECINOS_IMPORT_ERROR_INVALID_JSON, "%s", message);
}

static int
hex_value (const char *text)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (text[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (text[i]);
    }
  return value;
}

/* Reads the string at scan->pos (its opening quote) into scan->string. A
 * NUL or a lone surrogate is kept out of the decoded text and noted. */
static gboolean
scan_string (Scan     *scan,
             gboolean *has_nul,
             int      *lone_surrogate,
             GError  **error)
{
  const char *text = scan->text;

  *has_nul = FALSE;
  *lone_surrogate = -1;
  g_string_truncate (scan->string, 0);
  scan->pos++;
  while (scan->pos < scan->length && text[scan->pos] != '"')
    {
      char c = text[scan->pos];
      int code, low;

      if (c != '\\')
        {
          if (c == '\n')
            scan->line++;
          g_string_append_c (scan->string, c);
          scan->pos++;
          continue;
        }
      if (scan->pos + 1 >= scan->length)
        break;
      c = text[scan->pos + 1];
      if (c != 'u')
        {
          const char *from = "bfnrt", *to = "\b\f\n\r\t";
          const char *known = strchr (from, c);

          g_string_append_c (scan->string, known != NULL && c != '\0' ? to[known - from] : c);
          scan->pos += 2;
          continue;
        }

      if (scan->pos + 6 > scan->length || (code = hex_value (text + scan->pos + 2)) < 0)
        return scan_fail (scan, error, _("“\\u” must be followed by four hexadecimal digits"));
      scan->pos += 6;
      if (code >= 0xD800 && code <= 0xDBFF && scan->pos + 6 <= scan->length &&
          text[scan->pos] == '\\' && text[scan->pos + 1] == 'u' &&
          (low = hex_value (text + scan->pos + 2)) >= 0xDC00 && low <= 0xDFFF)
        {
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          scan->pos += 6;
        }
      if (code == 0)
        *has_nul = TRUE;
      else if (code >= 0xD800 && code <= 0xDFFF)
        {
          if (*lone_surrogate < 0)
            *lone_surrogate = code;
        }
      else
        g_string_append_unichar (scan->string, code);
    }
  scan->pos++;  /* the closing quote */
  return TRUE;
}

/* A number, true, false or null: only a number can be wrong here (the
 * rest json-glib checks) */
static gboolean
scan_word (Scan    *scan,
           GError **error)
{
  gsize start = scan->pos;
  g_autofree char *word = NULL;
  double value;

  while (scan->pos < scan->length &&
         (g_ascii_isalnum (scan->text[scan->pos]) || strchr ("+-.", scan->text[scan->pos]) != NULL))
    scan->pos++;
  if (!g_ascii_isdigit (scan->text[start]) && scan->text[start] != '-')
    return TRUE;

  word = g_strndup (scan->text + start, scan->pos - start);
  value = g_ascii_strtod (word, NULL);
  if (!isfinite (value))
    {
      /* Short enough for a message (the word is ASCII) */
      if (strlen (word) > 40)
        {
          char *shortened = g_strdup_printf ("%.39s…", word);

          g_free (word);
          word = shortened;
        }
      /* Translators: %s is a number as written in the file, such as "1e999" */
      return scan_problem (scan, error, _("the number %s is too large to be stored (it reads as infinity)"), word);
    }
  return TRUE;
}

/* A value starts: it is one more element of an array */
static void
scan_value_starts (Scan *scan)
{
  if (scan->depth > 0 && !scan->frames[scan->depth - 1].is_object)
    scan->frames[scan->depth - 1].index++;
}

static void
scan_pop (Scan *scan)
{
  Frame *frame = &scan->frames[--scan->depth];

  g_clear_pointer (&frame->key, g_free);
  g_clear_pointer (&frame->keys, g_hash_table_unref);
}

static gboolean
scan_text (Scan    *scan,
           GError **error)
{
  const char *text = scan->text;

  /* A byte-order mark, which json-glib skips */
  if (scan->length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    scan->pos = 3;

  while (scan->pos < scan->length)
    {
      char c = text[scan->pos];
      Frame *top = scan->depth > 0 ? &scan->frames[scan->depth - 1] : NULL;

      switch (c)
        {
        case '\n':
          scan->line++;
          G_GNUC_FALLTHROUGH;
        case ' ':
        case '\t':
        case '\r':
        case ':':
          scan->pos++;
          break;

        case ',':
          if (top != NULL && top->is_object)
            top->expect_key = TRUE;
          scan->pos++;
          break;

        case '{':
        case '[':
          if (scan->depth == VECINOS_MAX_NESTING)
            {
              g_autofree char *problem = g_strdup_printf (
                /* Translators: %d is the largest number of levels, such as 64 */
                _("the data is nested more than %d levels deep"), VECINOS_MAX_NESTING);
              return scan_fail (scan, error, problem);
            }
          scan_value_starts (scan);
          top = &scan->frames[scan->depth++];
          *top = (Frame) { .is_object = c == '{', .expect_key = c == '{' };
          if (is_record_frame (scan, scan->depth))
            {
              scan->in_record = TRUE;
              g_clear_pointer (&scan->record_id, g_free);
            }
          scan->pos++;
          break;

        case '}':
        case ']':
          scan->pos++;
          if (scan->depth == 0)
            break;  /* json-glib refuses it */
          if (is_record_frame (scan, scan->depth))
            {
              if (scan->problem != NULL)
                return scan_report (scan, error);
              scan->in_record = FALSE;
            }
          scan_pop (scan);
          break;

        case '"':
          {
            gboolean has_nul, is_key = top != NULL && top->is_object && top->expect_key;
            int surrogate;

            if (!is_key)
              scan_value_starts (scan);
            if (!scan_string (scan, &has_nul, &surrogate, error))
              return FALSE;
            if (is_key)
              {
                top->expect_key = FALSE;
                g_free (top->key);
                top->key = g_strdup (scan->string->str);
                if (top->keys == NULL)
                  top->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
                if (!has_nul && !g_hash_table_add (top->keys, g_strdup (top->key)) &&
                    !scan_problem (scan, error, _("the field appears twice")))
                  return FALSE;
              }
            else if (scan->in_record && scan->depth == RECORD_DEPTH && scan->record_id == NULL &&
                     g_strcmp0 (top->key, "id") == 0 && !has_nul && surrogate < 0)
              scan->record_id = g_strdup (scan->string->str);

            if (has_nul &&
                !scan_problem (scan, error, _("the text contains a NUL character (\\u0000)")))
              return FALSE;
            if (surrogate >= 0 &&
                /* Translators: %04X is a code such as D800: half of a pair
                 * that writes one character, found alone */
                !scan_problem (scan, error, _("the text contains “\\u%04X”, half of a character (a lone surrogate)"),
                               (guint) surrogate))
              return FALSE;
            if (scan->string->len > VECINOS_TEXT_MAX_LONG &&
                /* Translators: %1$u and %2$u are sizes in bytes */
                !scan_problem (scan, error, _("the text is %1$u bytes long; the limit is %2$u"),
                               (guint) scan->string->len, (guint) VECINOS_TEXT_MAX_LONG))
              return FALSE;
          }
          break;

        default:
          if (g_ascii_isalnum (c) || c == '-' || c == '+' || c == '.')
            {
              scan_value_starts (scan);
              if (!scan_word (scan, error))
                return FALSE;
              break;
            }
          {
            gunichar u = g_utf8_get_char (text + scan->pos);
            g_autofree char *shown = g_unichar_isgraph (u) ? g_ucs4_to_utf8 (&u, 1, NULL, NULL, NULL)
                                                           : g_strdup_printf ("U+%04X", u);
            g_autofree char *problem = g_strdup_printf (
              /* Translators: %s is a character such as "/" or "'" */
              _("“%s” is not allowed here: a dataset file is plain JSON, with no comments and "
                "with every text in double quotes"), shown);
            return scan_fail (scan, error, problem);
          }
        }
    }

  /* A file cut short: json-glib refuses it, but a problem found in it
   * comes first */
  if (scan->problem != NULL)
    return scan_report (scan, error);
  return TRUE;
}

static gboolean
check_json_text (Import      *import,
                 const char  *text,
                 gsize        length,
                 GError     **error)
{
  Scan scan = {
    .import = import,
    .text = text,
    .length = length,
    .line = 1,
  };
  const char *end;
  gboolean ok;

  if (!g_utf8_validate_len (text, length, &end))
    {
      for (const char *c = text; c < end; c++)
        scan.line += *c == '\n';
      return scan_fail (&scan, error,
                        _("the file is not UTF-8 text (it may hold a NUL byte, or be in another encoding)"));
    }

  scan.string = g_string_new (NULL);
  ok = scan_text (&scan, error);
  while (scan.depth > 0)
    scan_pop (&scan);
  g_string_free (scan.string, TRUE);
  g_free (scan.record_id);
  g_free (scan.problem);
  g_free (scan.problem_path);
  g_free (scan.problem_full_path);
  import->record = NULL;
  return ok;
}

static JsonArray *
read_array (Import      *import,
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
  if (!check_json_text (import, text != NULL ? text : "", length, error))
    return NULL;

  if (!json_parser_load_from_data (parser, text != NULL ? text : "", length, &local_error))
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

  if (strlen (json_object_get_string_member (object, "id")) > VECINOS_TEXT_MAX_SHORT)
    {
      fail (import, error,
            /* Translators: %1$u is a position in a list, %2$u a size in bytes */
            _("item %1$u has an “id” longer than %2$u bytes"), index + 1, (guint) VECINOS_TEXT_MAX_SHORT);
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
static gboolean
check_length (Import     *import,
              const char *member,
              const char *field,
              const char *text,
              GError    **error)
{
  gsize limit = text_limit (member);
  gsize length = strlen (text);

  if (length > limit)
    return fail (import, error,
                 /* Translators: %1$s is a field such as "title.es", %2$u and
                  * %3$u sizes in bytes */
                 _("“%1$s” is %2$u bytes long; the limit is %3$u"),
                 field, (guint) length, (guint) limit);
  return TRUE;
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
  if (!check_length (import, member, member, value, error))
    return NULL;
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

      g_autofree char *field = g_strdup_printf ("%s.%s", member, import->languages[i]);

      if (text == NULL || json_node_get_value_type (text) != G_TYPE_STRING ||
          *json_node_get_string (text) == '\0')
        {
          missing (import, field, error);
          return NULL;
        }
      if (!check_length (import, member, field, json_node_get_string (text), error))
        return NULL;
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
static gboolean
check_value (Import     *import,
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
           ? fail (import, error, _("the value for %1$s is not a finite number (%2$s)"), period, shown)
           /* Translators: %s is a value such as "inf" */
           : fail (import, error, _("the value is not a finite number (%s)"), shown);
  if (fabs (value) > bound)
    return period != NULL
           /* Translators: %1$s is a period such as "2017", %2$s a value such
            * as "1e+300", %3$s the largest one allowed, %4$s a unit kind
            * such as "count" */
           ? fail (import, error, _("the value for %1$s, %2$s, is out of range: the limit for “%4$s” is ±%3$s"),
                   period, shown, limit, unit)
           /* Translators: %1$s is a value such as "1e+300", %2$s the largest one allowed */
           : fail (import, error, _("the value %1$s is out of range: the limit is ±%2$s"), shown, limit);
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
      /* Else SQLite's bare "UNIQUE constraint failed" at the first text */
      if (g_strv_contains ((const char * const *) import->languages, lang))
        /* Translators: %s is a language code such as "es" */
        return fail (import, error, _("“languages” lists “%s” twice"), lang);
      import->languages[i] = g_strdup (lang);
    }
  if (n == 0 || !g_strv_contains ((const char * const *) import->languages, "en"))
    return fail (import, error, _("“languages” must include “en”"));

  {
    g_autofree char *joined = g_strjoinv (",", import->languages);
    g_autofree char *version = g_strdup_printf ("%d", VECINOS_SCHEMA_VERSION);

    /* prepare() says why it failed; run() leaves that to the caller */
    if (!(meta = prepare (import, "INSERT INTO meta (key, value) VALUES (?, ?)", error)))
      return FALSE;
    if (!run (import, meta, "ss", "languages", joined) ||
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
               const char   *unit_kind,
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
          !check_value (import, period, value, unit_kind, error) ||
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

      if (!import_points (import, object, row, kind, unit_kind, insert_point, insert_point_text, error))
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
        if (authors != NULL && !check_length (import, "authors", "authors", authors, error))
          return FALSE;
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
          g_autofree char *field = NULL;
          JsonNode *translation;

          if (g_strcmp0 (import->languages[l], lang) == 0)
            continue;
          translation = translations ? json_object_get_member (translations, import->languages[l]) : NULL;
          field = g_strdup_printf ("translations.%s", import->languages[l]);
          if (translation == NULL || json_node_get_value_type (translation) != G_TYPE_STRING ||
              *json_node_get_string (translation) == '\0')
            return missing (import, field, error);
          if (!check_length (import, "translations", field, json_node_get_string (translation), error))
            return FALSE;
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
          (has_value && !check_value (import, NULL, value, unit, error)) ||
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
