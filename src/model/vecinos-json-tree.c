/* vecinos-json-tree.c — a JSON text read once into a flat tree
 *
 * A teacher's TimelineJS file is read in one pass into an array of values
 * (no object per value, no string copied: texts are decoded in place in
 * one copy of the file). It refuses what json-glib would get wrong or
 * accept silently, as the dataset importer's first pass does
 * (vecinos-importer-scan.c): nesting beyond VECINOS_MAX_NESTING (the
 * reader does not recurse), text that is not UTF-8, "\u0000" and lone
 * surrogates, a field twice in one object, texts over
 * VECINOS_TEXT_MAX_LONG bytes, numbers beyond a double, comments, single
 * quotes and trailing commas. A problem is told with its line and, inside
 * a value, its path ("events[12].text.text").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"
#include <math.h>
#include <string.h>

#include "vecinos-importer.h"
#include "vecinos-json-tree.h"
#include "vecinos-schema.h"

typedef struct {
  guint8      type;
  guint32     next;   /* the next member or element, 0 after the last */
  guint32     first;  /* an array's or object's first, 0 when empty */
  const char *key;    /* a member's name; NULL in an array */
  union {
    const char *string;
    double      number;
  };
} Value;

struct _VecinosJsonTree {
  char   *buffer;  /* the file's text, its strings decoded in place; NULL: the caller's */
  GArray *values;  /* of Value; 0 is no value */
};

typedef struct {
  guint       value;  /* the array or object */
  guint       last;   /* its last member or element */
  guint       count;
  const char *key;    /* an object's member being read */
  GHashTable *keys;   /* a large object's names, to find one twice */
} Frame;

/* An object with more members than this finds a name twice in a table */
#define FEW_KEYS 16

typedef struct {
  char   *text;
  gsize   length;
  gsize   pos;
  guint   line;
  GArray *values;
  Frame   frames[VECINOS_MAX_NESTING];
  guint   depth;

  /* Streaming: the root's member whose elements are handed to func one by
   * one and then forgotten (the array, once open) */
  VecinosJsonTree        *tree;
  const char             *member;
  guint                   streamed;
  VecinosJsonElementFunc  func;
  gpointer                data;
} Parser;

static Value *
value_at (GArray *values,
          guint   index)
{
  return &g_array_index (values, Value, index);
}

/* "events[12].text.text": where the parser is */
static char *
parser_path (Parser *parser)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < parser->depth; i++)
    {
      Frame *frame = &parser->frames[i];

      if (value_at (parser->values, frame->value)->type == VECINOS_JSON_OBJECT)
        {
          if (frame->key == NULL)
            break;
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, frame->key);
        }
      else if (frame->count > 0)
        g_string_append_printf (path, "[%u]", frame->count - 1);
    }
  return g_string_free (path, FALSE);
}

/* A problem with the value just read, told with its path */
G_GNUC_PRINTF (3, 4)
static gboolean
value_problem (Parser     *parser,
               GError    **error,
               const char *format,
               ...)
{
  g_autofree char *problem = NULL;
  g_autofree char *path = parser_path (parser);
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  if (*path == '\0')
    g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE,
                 /* Translators: %1$u is a line number, %2$s a problem */
                 _("line %1$u: %2$s"), parser->line, problem);
  else
    g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE,
                 /* Translators: %1$u is a line number, %2$s a field such as
                  * "title.es" or "points[3].value", %3$s the problem */
                 _("line %1$u, “%2$s”: %3$s"), parser->line, path, problem);
  return FALSE;
}

/* What is not JSON where the parser is */
static gboolean
not_allowed (Parser  *parser,
             GError **error)
{
  g_autofree char *shown = NULL;

  if (parser->pos >= parser->length)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE, _("line %1$u: %2$s"), parser->line,
                   _("the file ends before the text, list or object that is open"));
      return FALSE;
    }
  {
    gunichar u = g_utf8_get_char (parser->text + parser->pos);

    shown = g_unichar_isgraph (u) ? g_ucs4_to_utf8 (&u, 1, NULL, NULL, NULL) : g_strdup_printf ("U+%04X", u);
  }
  {
    g_autofree char *problem = g_strdup_printf (
      /* Translators: %s is a character such as "/" or "'" */
      _("“%s” is not allowed here: JSON puts every text in double quotes, has no comments and separates "
        "values with commas"), shown);

    g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE, _("line %1$u: %2$s"), parser->line, problem);
  }
  return FALSE;
}

static void
skip_space (Parser *parser)
{
  while (parser->pos < parser->length)
    {
      char c = parser->text[parser->pos];

      if (c == '\n')
        parser->line++;
      else if (c != ' ' && c != '\t' && c != '\r')
        return;
      parser->pos++;
    }
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

/**
 * vecinos_json_read_escape:
 * @text: a backslash in a JSON string, with at least one byte after it
 * @length: the bytes from @text on
 * @code: (out): the character the escape writes — 0 for "\u0000", a
 *   surrogate's own code when it stands alone — or -1 for none: an escape
 *   JSON does not have loses its backslash, and what follows is read as
 *   it is
 *
 * What the JSON readers share (this one and the dataset importer's first
 * pass, vecinos-importer-scan.c): a surrogate pair is one character.
 *
 * Returns: the bytes the escape takes (1, 2, 6 or 12), or 0 when "\u" is
 *   not followed by four hexadecimal digits
 */
gsize
vecinos_json_read_escape (const char *text,
                          gsize       length,
                          int        *code)
{
  const char *from = "bfnrt\"\\/", *to = "\b\f\n\r\t\"\\/";
  const char *known;
  int low;

  if (text[1] != 'u')
    {
      known = text[1] != '\0' ? strchr (from, text[1]) : NULL;
      *code = known != NULL ? to[known - from] : -1;
      return known != NULL ? 2 : 1;
    }
  if (length < 6 || (*code = hex_value (text + 2)) < 0)
    return 0;
  if (*code >= 0xD800 && *code <= 0xDBFF && length >= 12 && text[6] == '\\' && text[7] == 'u' &&
      (low = hex_value (text + 8)) >= 0xDC00 && low <= 0xDFFF)
    {
      *code = 0x10000 + ((*code - 0xD800) << 10) + (low - 0xDC00);
      return 12;
    }
  return 6;
}

/* Decodes the string at the parser (its opening quote) where it is written
 * (a decoded text is never longer), and ends it with a NUL */
static const char *
read_string (Parser   *parser,
             gboolean *has_nul,
             int      *lone_surrogate,
             GError  **error)
{
  char *text = parser->text;
  char *start = text + parser->pos + 1;
  char *out = start;

  *has_nul = FALSE;
  *lone_surrogate = -1;
  parser->pos++;
  for (;;)
    {
      char c;
      int code;
      gsize taken;

      if (parser->pos >= parser->length)
        return not_allowed (parser, error), NULL;
      c = text[parser->pos];
      if (c == '"')
        break;
      if (c != '\\')
        {
          parser->line += c == '\n';
          *out++ = c;
          parser->pos++;
          continue;
        }
      if (parser->pos + 1 >= parser->length)
        return parser->pos++, not_allowed (parser, error), NULL;
      if ((taken = vecinos_json_read_escape (text + parser->pos, parser->length - parser->pos, &code)) == 0)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE, _("line %1$u: %2$s"), parser->line,
                       _("“\\u” must be followed by four hexadecimal digits"));
          return NULL;
        }
      parser->pos += taken;
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
        out += g_unichar_to_utf8 (code, out);
    }
  parser->pos++;  /* the closing quote */
  *out = '\0';
  return start;
}

/* A new value in the array or object open, or the root */
static guint
add_value (Parser *parser,
           guint8  type)
{
  Value value = { .type = type };
  guint index = parser->values->len;

  if (parser->depth > 0)
    {
      Frame *frame = &parser->frames[parser->depth - 1];

      value.key = frame->key;
      if (frame->last != 0)
        value_at (parser->values, frame->last)->next = index;
      else
        value_at (parser->values, frame->value)->first = index;
      frame->last = index;
      frame->count++;
    }
  g_array_append_val (parser->values, value);
  return index;
}

/* An object's member name and its colon */
static gboolean
read_key (Parser  *parser,
          GError **error)
{
  Frame *frame = &parser->frames[parser->depth - 1];
  gboolean has_nul;
  int surrogate;
  const char *key;
  gboolean twice = FALSE;

  skip_space (parser);
  if (parser->pos >= parser->length || parser->text[parser->pos] != '"')
    return not_allowed (parser, error);
  if ((key = read_string (parser, &has_nul, &surrogate, error)) == NULL)
    return FALSE;
  frame->key = key;
  if (frame->count < FEW_KEYS)
    {
      for (guint i = value_at (parser->values, frame->value)->first; i != 0 && !twice;
           i = value_at (parser->values, i)->next)
        twice = strcmp (value_at (parser->values, i)->key, key) == 0;
    }
  else
    {
      if (frame->keys == NULL)
        {
          frame->keys = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint i = value_at (parser->values, frame->value)->first; i != 0;
               i = value_at (parser->values, i)->next)
            g_hash_table_add (frame->keys, (gpointer) value_at (parser->values, i)->key);
        }
      twice = !g_hash_table_add (frame->keys, (gpointer) key);
    }
  if (twice)
    return value_problem (parser, error, "%s", _("the field appears twice"));
  if (has_nul)
    return value_problem (parser, error, "%s", _("the text contains a NUL character (\\u0000)"));
  if (surrogate >= 0)
    return value_problem (parser, error, _("the text contains “\\u%04X”, half of a character (a lone surrogate)"),
                          (guint) surrogate);
  skip_space (parser);
  if (parser->pos >= parser->length || parser->text[parser->pos] != ':')
    return not_allowed (parser, error);
  parser->pos++;
  return TRUE;
}

static gboolean
read_number (Parser  *parser,
             GError **error)
{
  const char *text = parser->text;
  gsize start = parser->pos, pos = start;
  double number;

  /* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
#define DIGITS(at_least_one) \
  G_STMT_START { \
    gsize from = pos; \
    while (pos < parser->length && g_ascii_isdigit (text[pos])) \
      pos++; \
    if ((at_least_one) && pos == from) \
      return parser->pos = pos, not_allowed (parser, error); \
  } G_STMT_END

  if (text[pos] == '-')
    pos++;
  if (pos < parser->length && text[pos] == '0')
    pos++;
  else
    DIGITS (TRUE);
  if (pos < parser->length && text[pos] == '.')
    {
      pos++;
      DIGITS (TRUE);
    }
  if (pos < parser->length && (text[pos] == 'e' || text[pos] == 'E'))
    {
      pos++;
      if (pos < parser->length && (text[pos] == '+' || text[pos] == '-'))
        pos++;
      DIGITS (TRUE);
    }
#undef DIGITS

  {
    g_autofree char *word = g_strndup (text + start, pos - start);

    number = g_ascii_strtod (word, NULL);
    parser->pos = pos;
    value_at (parser->values, add_value (parser, VECINOS_JSON_NUMBER))->number = number;
    if (!isfinite (number))
      {
        if (strlen (word) > 40)
          word[39] = '\0';
        /* Translators: %s is a number as written in the file, such as "1e999" */
        return value_problem (parser, error, _("the number %s is too large to be stored (it reads as infinity)"),
                              word);
      }
  }
  return TRUE;
}

/* A value: TRUE with a value read, or an array or object opened */
static gboolean
read_value (Parser   *parser,
            gboolean *opened,
            GError  **error)
{
  char *text = parser->text;
  char c;

  *opened = FALSE;
  skip_space (parser);
  if (parser->pos >= parser->length)
    return not_allowed (parser, error);
  c = text[parser->pos];
  if (c == '{' || c == '[')
    {
      guint index;

      if (parser->depth == VECINOS_MAX_NESTING)
        {
          g_autofree char *problem = g_strdup_printf (
            /* Translators: %d is the largest number of levels, such as 64 */
            _("the data is nested more than %d levels deep"), VECINOS_MAX_NESTING);

          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE, _("line %1$u: %2$s"), parser->line, problem);
          return FALSE;
        }
      index = add_value (parser, c == '{' ? VECINOS_JSON_OBJECT : VECINOS_JSON_ARRAY);
      if (parser->member != NULL && parser->depth == 1 && c == '[' && parser->streamed == 0 &&
          value_at (parser->values, VECINOS_JSON_ROOT)->type == VECINOS_JSON_OBJECT &&
          g_strcmp0 (parser->frames[0].key, parser->member) == 0)
        parser->streamed = index;
      parser->frames[parser->depth++] = (Frame) { .value = index };
      parser->pos++;
      *opened = TRUE;
      return TRUE;
    }
  if (c == '"')
    {
      gboolean has_nul;
      int surrogate;
      const char *string = read_string (parser, &has_nul, &surrogate, error);
      gsize length;

      if (string == NULL)
        return FALSE;
      length = text + parser->pos - 1 - string;  /* at most: the decoded text is shorter */
      value_at (parser->values, add_value (parser, VECINOS_JSON_STRING))->string = string;
      if (has_nul)
        return value_problem (parser, error, "%s", _("the text contains a NUL character (\\u0000)"));
      if (surrogate >= 0)
        return value_problem (parser, error,
                              _("the text contains “\\u%04X”, half of a character (a lone surrogate)"),
                              (guint) surrogate);
      if (length > VECINOS_TEXT_MAX_LONG && (length = strlen (string)) > VECINOS_TEXT_MAX_LONG)
        /* Translators: %1$u and %2$u are sizes in bytes */
        return value_problem (parser, error, _("the text is %1$u bytes long; the limit is %2$u"),
                              (guint) length, (guint) VECINOS_TEXT_MAX_LONG);
      return TRUE;
    }
  if (c == '-' || g_ascii_isdigit (c))
    return read_number (parser, error);
  {
    static const struct { const char *word; guint8 type; double number; } words[] = {
      { "true", VECINOS_JSON_BOOLEAN, 1 },
      { "false", VECINOS_JSON_BOOLEAN, 0 },
      { "null", VECINOS_JSON_NULL, 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
      {
        gsize n = strlen (words[i].word);

        if (parser->length - parser->pos >= n && memcmp (text + parser->pos, words[i].word, n) == 0 &&
            (parser->length - parser->pos == n || !g_ascii_isalnum (text[parser->pos + n])))
          {
            parser->pos += n;
            value_at (parser->values, add_value (parser, words[i].type))->number = words[i].number;
            return TRUE;
          }
      }
  }
  return not_allowed (parser, error);
}

static void
pop (Parser *parser)
{
  Frame *frame = &parser->frames[--parser->depth];

  g_clear_pointer (&frame->keys, g_hash_table_unref);
}

/* An element of the streamed array just read: handed on, then forgotten
 * (its values are the last in the array) */
static gboolean
stream_element (Parser  *parser,
                GError **error)
{
  Frame *frame = &parser->frames[1];
  guint element = frame->last;

  if (!parser->func (parser->tree, element, parser->text + parser->pos, parser->data))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped");
      return FALSE;
    }
  g_array_set_size (parser->values, element);
  frame->last = 0;
  value_at (parser->values, frame->value)->first = 0;
  return TRUE;
}

static gboolean
parse (Parser  *parser,
       GError **error)
{
  for (;;)
    {
      gboolean opened;

      if (!read_value (parser, &opened, error))
        return FALSE;
      /* An array or object just opened: empty, or its first member */
      if (opened)
        {
          gboolean is_object = value_at (parser->values, parser->frames[parser->depth - 1].value)->type ==
                               VECINOS_JSON_OBJECT;

          skip_space (parser);
          if (parser->pos < parser->length && parser->text[parser->pos] == (is_object ? '}' : ']'))
            parser->pos++, pop (parser);
          else if (is_object)
            {
              if (!read_key (parser, error))
                return FALSE;
              continue;
            }
          else
            continue;
        }

      /* After a value: a comma and the next, or the end of what holds it */
      for (;;)
        {
          Frame *frame;
          gboolean is_object;

          if (parser->depth == 2 && parser->streamed != 0 && parser->frames[1].value == parser->streamed &&
              !stream_element (parser, error))
            return FALSE;
          skip_space (parser);
          if (parser->depth == 0)
            {
              if (parser->pos < parser->length)
                {
                  g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE, _("line %1$u: %2$s"), parser->line,
                               _("the file goes on after its JSON value has ended"));
                  return FALSE;
                }
              return TRUE;
            }
          if (parser->pos >= parser->length)
            return not_allowed (parser, error);
          frame = &parser->frames[parser->depth - 1];
          is_object = value_at (parser->values, frame->value)->type == VECINOS_JSON_OBJECT;
          if (parser->text[parser->pos] == ',')
            {
              parser->pos++;
              if (is_object && !read_key (parser, error))
                return FALSE;
              break;
            }
          if (parser->text[parser->pos] != (is_object ? '}' : ']'))
            return not_allowed (parser, error);
          parser->pos++;
          pop (parser);
        }
    }
}

/* Parses @text, written to (its strings are decoded where they are) */
static gboolean
parse_text (Parser  *parser,
            char    *text,
            gsize    length,
            GError **error)
{
  gboolean ok;

  /* About one value in twenty bytes of a TimelineJS file */
  parser->values = parser->tree->values = g_array_sized_new (FALSE, FALSE, sizeof (Value),
                                                              parser->member != NULL ? 64 : length / 20 + 2);
  g_array_set_size (parser->values, 1);  /* 0: no value */
  parser->text = text;
  parser->length = length;
  ok = parse (parser, error);
  while (parser->depth > 0)
    pop (parser);
  return ok;
}

/* Whether @text is UTF-8, else the error says on which line it is not */
static gboolean
check_utf8 (const char  *text,
            gsize        length,
            GError     **error)
{
  const char *end;
  guint line = 1;

  if (g_utf8_validate_len (text, length, &end))
    return TRUE;
  for (const char *c = text; c < end; c++)
    line += *c == '\n';
  g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE, _("line %1$u: %2$s"), line,
               _("the file is not UTF-8 text (it may hold a NUL byte, or be in another encoding)"));
  return FALSE;
}

/**
 * vecinos_json_tree_parse:
 * @text: JSON, UTF-8, with or without a byte-order mark
 *
 * Returns: (transfer full) (nullable): the tree, or %NULL with @error
 *   saying the line and the problem
 */
VecinosJsonTree *
vecinos_json_tree_parse (const char  *text,
                         gsize        length,
                         GError     **error)
{
  g_autoptr(VecinosJsonTree) tree = g_new0 (VecinosJsonTree, 1);
  Parser parser = { .line = 1, .tree = tree };

  if (!check_utf8 (text, length, error))
    return NULL;
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    text += 3, length -= 3;

  tree->buffer = g_malloc (length + 1);
  memcpy (tree->buffer, text, length);
  tree->buffer[length] = '\0';
  return parse_text (&parser, tree->buffer, length, error) ? g_steal_pointer (&tree) : NULL;
}

/**
 * vecinos_json_tree_parse_streaming:
 * @text: JSON, UTF-8 (checked), without a byte-order mark: written to, and
 *   kept by the tree
 * @member: a member of the root object, an array
 * @func: called with each element of @member, which is then forgotten
 *
 * Parses @text as vecinos_json_tree_parse() does, except that the elements
 * of the array @member are handed to @func one at a time instead of kept:
 * a file of a million events is read in the memory of one.
 *
 * Returns: (transfer full) (nullable): the tree, without the elements of
 *   @member, or %NULL with @error (%G_IO_ERROR_CANCELLED when @func
 *   stopped the parse)
 */
VecinosJsonTree *
vecinos_json_tree_parse_streaming (char                    *text,
                                   gsize                    length,
                                   const char              *member,
                                   VecinosJsonElementFunc   func,
                                   gpointer                 data,
                                   GError                 **error)
{
  g_autoptr(VecinosJsonTree) tree = g_new0 (VecinosJsonTree, 1);
  Parser parser = { .line = 1, .tree = tree, .member = member, .func = func, .data = data };

  g_return_val_if_fail (member != NULL && func != NULL, NULL);

  return parse_text (&parser, text, length, error) ? g_steal_pointer (&tree) : NULL;
}

void
vecinos_json_tree_free (VecinosJsonTree *tree)
{
  g_free (tree->buffer);
  if (tree->values != NULL)
    g_array_unref (tree->values);
  g_free (tree);
}

VecinosJsonType
vecinos_json_tree_type (VecinosJsonTree *tree,
                        guint            value)
{
  return value != VECINOS_JSON_NONE && value < tree->values->len ? value_at (tree->values, value)->type
                                                                 : VECINOS_JSON_NULL;
}

/**
 * vecinos_json_tree_member:
 *
 * Returns: the member @name of @object, or %VECINOS_JSON_NONE when @object
 *   is not an object or has no such member
 */
guint
vecinos_json_tree_member (VecinosJsonTree *tree,
                          guint            object,
                          const char      *name)
{
  if (vecinos_json_tree_type (tree, object) != VECINOS_JSON_OBJECT)
    return VECINOS_JSON_NONE;
  for (guint i = value_at (tree->values, object)->first; i != 0; i = value_at (tree->values, i)->next)
    if (strcmp (value_at (tree->values, i)->key, name) == 0)
      return i;
  return VECINOS_JSON_NONE;
}

/* The member @name when it is an object */
guint
vecinos_json_tree_object (VecinosJsonTree *tree,
                          guint            object,
                          const char      *name)
{
  guint member = vecinos_json_tree_member (tree, object, name);

  return vecinos_json_tree_type (tree, member) == VECINOS_JSON_OBJECT ? member : VECINOS_JSON_NONE;
}

/* An array's first element or an object's first member */
guint
vecinos_json_tree_first (VecinosJsonTree *tree,
                         guint            container)
{
  VecinosJsonType type = vecinos_json_tree_type (tree, container);

  return type == VECINOS_JSON_ARRAY || type == VECINOS_JSON_OBJECT ? value_at (tree->values, container)->first
                                                                   : VECINOS_JSON_NONE;
}

guint
vecinos_json_tree_next (VecinosJsonTree *tree,
                        guint            value)
{
  return value != VECINOS_JSON_NONE && value < tree->values->len ? value_at (tree->values, value)->next
                                                                 : VECINOS_JSON_NONE;
}

/* A string's text; NULL for any other value */
const char *
vecinos_json_tree_string (VecinosJsonTree *tree,
                          guint            value)
{
  return vecinos_json_tree_type (tree, value) == VECINOS_JSON_STRING ? value_at (tree->values, value)->string
                                                                     : NULL;
}

/* A number's value (a boolean's 1 or 0); 0 for any other value */
double
vecinos_json_tree_number (VecinosJsonTree *tree,
                          guint            value)
{
  VecinosJsonType type = vecinos_json_tree_type (tree, value);

  return type == VECINOS_JSON_NUMBER || type == VECINOS_JSON_BOOLEAN ? value_at (tree->values, value)->number : 0;
}
