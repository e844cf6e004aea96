/* vecinos-importer-scan.c — the first pass over a dataset file's text
 *
 * One pass over the text of each file, before json-glib parses it,
 * refuses what json-glib would get wrong or accept silently (below).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"
#include <math.h>
#include <string.h>

#include "vecinos-importer-private.h"
#include "vecinos-json-tree.h"

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
  import_fail_code (import, error, VECINOS_IMPORT_ERROR_INVALID_VALUE, "%s", problem);
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
  return import_fail_code (scan->import, error, VECINOS_IMPORT_ERROR_INVALID_JSON, "%s", message);
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
      int code;
      gsize taken;

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
      if ((taken = vecinos_json_read_escape (text + scan->pos, scan->length - scan->pos, &code)) == 0)
        return scan_fail (scan, error, _("“\\u” must be followed by four hexadecimal digits"));
      scan->pos += taken;
      if (code < 0)
        continue;
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

gboolean
import_check_json_text (Import      *import,
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
