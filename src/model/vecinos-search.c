/* vecinos-search.c — what a user types, made safe for FTS5
 *
 * FTS5 has a query language of its own: quotes, `*`, `-`, `^`, `:`, `AND`,
 * `OR`, `NOT`, `NEAR(…)`. Passed raw, "NAFTA -" or a lone quote is a syntax
 * error. So the query is never what the user typed: the text is cut into
 * words by the index's own tokenizer (the one the schema names, so a word
 * of the query is a word of the index, never two: the index keeps no
 * positions, and a phrase would be an error), each word is quoted as an
 * FTS5 string and matched as a prefix (from two characters on), and every
 * word must match. Operators typed by the user are words like any other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "vecinos-schema.h"
#include "vecinos-search.h"

/* Calls @func for each word of @text (letters, digits and marks — the
 * accent of a decomposed "é" —; anything else, spaces, quotes, `*`, `-`,
 * `(`, emoji, separates words) with its byte offsets, until @func returns
 * FALSE. @text must be valid UTF-8. */
typedef gboolean (*WordFunc) (const char *start,
                              gsize       length,
                              gpointer    data);

static void
each_word (const char *text,
           WordFunc    func,
           gpointer    data)
{
  const char *start = NULL;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          if (start == NULL)
            start = p;
          continue;
        }
      if (start != NULL && !func (start, p - start, data))
        return;
      start = NULL;
      if (c == 0)
        return;
    }
}

typedef struct {
  GString *query;
  guint    n_tokens;
  gboolean letters;  /* a single letter is a prefix too */
} QueryBuilder;

static gboolean
add_query_word (const char *start,
                gsize       length,
                gpointer    data)
{
  QueryBuilder *builder = data;
  g_autofree char *word = g_strndup (start, length);

  if (builder->query->len > 0)
    g_string_append_c (builder->query, ' ');
  /* A quoted string is never an operator; the word holds no quote (the
   * tokenizer keeps letters and digits only). Words are matched as
   * prefixes from two characters on: a single letter would match most of
   * the dataset */
  g_string_append_printf (builder->query, builder->letters || g_utf8_strlen (word, -1) > 1 ? "\"%s\"*" : "\"%s\"",
                          word);
  return ++builder->n_tokens < VECINOS_SEARCH_MAX_TOKENS;
}

/* The search index's tokenizer, on a database of its own in memory: made
 * once, used under its lock (a tokenizer keeps its working buffer) */
typedef struct {
  GMutex          lock;
  sqlite3        *db;
  fts5_tokenizer  methods;
  Fts5Tokenizer  *tokenizer;
} IndexTokenizer;

/**
 * vecinos_search_fts5_api:
 * @db: a connection
 *
 * Returns: (nullable): its FTS5, for Vecinos' own tokenizer and
 *   functions; %NULL when this SQLite has no FTS5
 */
fts5_api *
vecinos_search_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5 (?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  return api;
}

/* NULL when this SQLite has no FTS5 (no dataset can be read then) */
static IndexTokenizer *
index_tokenizer (void)
{
  static gsize made = 0;
  static IndexTokenizer *shared = NULL;

  if (g_once_init_enter (&made))
    {
      const char *arguments[] = { VECINOS_SEARCH_TOKENIZER_OPTION, VECINOS_SEARCH_TOKENIZER_VALUE };
      IndexTokenizer *candidate = g_new0 (IndexTokenizer, 1);
      fts5_api *api = NULL;
      void *user_data = NULL;

      if (sqlite3_open_v2 (":memory:", &candidate->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) == SQLITE_OK &&
          (api = vecinos_search_fts5_api (candidate->db)) != NULL &&
          api->xFindTokenizer (api, VECINOS_SEARCH_TOKENIZER, &user_data, &candidate->methods) == SQLITE_OK &&
          candidate->methods.xCreate (user_data, arguments, G_N_ELEMENTS (arguments), &candidate->tokenizer) == SQLITE_OK)
        {
          g_mutex_init (&candidate->lock);
          shared = candidate;
        }
      else
        {
          sqlite3_close (candidate->db);
          g_free (candidate);
        }
      g_once_init_leave (&made, 1);
    }
  return shared;
}

static int
add_query_token (void       *data,
                 int         flags,
                 const char *token,
                 int         length,
                 int         start,
                 int         end)
{
  /* A second form of the same word (a synonym): unicode61 gives none */
  if ((flags & FTS5_TOKEN_COLOCATED) != 0 || length <= 0)
    return SQLITE_OK;
  return add_query_word (token, length, data) ? SQLITE_OK : SQLITE_DONE;
}

/* The words of @text (valid UTF-8) as the index cuts and folds them */
static void
each_index_word (QueryBuilder *builder,
                 const char   *text)
{
  IndexTokenizer *shared = index_tokenizer ();
  gsize length = strlen (text);

  /* No FTS5: the words as the snippets cut them (no query can run) */
  if (shared == NULL || length > G_MAXINT)
    {
      each_word (text, add_query_word, builder);
      return;
    }
  g_mutex_lock (&shared->lock);
  shared->methods.xTokenize (shared->tokenizer, builder, FTS5_TOKENIZE_QUERY, text, (int) length, add_query_token);
  g_mutex_unlock (&shared->lock);
}

/**
 * vecinos_search_build_query:
 * @text: (nullable): what the user typed, in any encoding (invalid UTF-8
 *   from a clipboard is repaired first)
 *
 * Returns: (transfer full) (nullable): an FTS5 query that matches records
 *   holding every word of @text as a word or the start of one, such as
 *   `"lopez"* "obra"*` for "López Obra" (the words folded as the index
 *   keeps them); %NULL when @text has no word to search for
 */
static char *
build_query (const char *text,
             gboolean    letters)
{
  g_autofree char *valid = NULL;
  QueryBuilder builder = { .letters = letters };

  if (text == NULL)
    return NULL;
  valid = g_utf8_make_valid (text, -1);
  builder.query = g_string_new (NULL);
  each_index_word (&builder, valid);
  if (builder.query->len == 0)
    {
      g_string_free (builder.query, TRUE);
      return NULL;
    }
  return g_string_free (builder.query, FALSE);
}

char *
vecinos_search_build_query (const char *text)
{
  return build_query (text, FALSE);
}

/**
 * vecinos_search_build_filter_query:
 *
 * The query of the timeline's filter, which narrows the events as the
 * user types: as vecinos_search_build_query(), with a single letter the
 * start of a word too ("m" keeps the events with a word in m, as the
 * first key typed; the search would rather wait for a second)
 *
 * Returns: (transfer full) (nullable): an FTS5 query, or %NULL
 */
char *
vecinos_search_build_filter_query (const char *text)
{
  return build_query (text, TRUE);
}

/* A word without accents or case, as the index keeps it */
static char *
fold (const char *word,
      gssize      length)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean ascii = TRUE;

  /* Most words are plain ASCII: lower case is all they need */
  for (gssize i = 0; ascii && (length < 0 ? word[i] != '\0' : i < length); i++)
    ascii = (guchar) word[i] < 0x80;
  if (ascii)
    return g_ascii_strdown (word, length);

  decomposed = g_utf8_normalize (word, length, G_NORMALIZE_NFD);
  folded = g_utf8_casefold (decomposed, -1);
  out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_ismark (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static gboolean
add_folded_word (const char *start,
                 gsize       length,
                 gpointer    data)
{
  GPtrArray *words = data;

  g_ptr_array_add (words, fold (start, length));
  return words->len < VECINOS_SEARCH_MAX_TOKENS;
}

/**
 * vecinos_search_fold_words:
 * @text: (nullable): what the user typed
 *
 * Returns: (transfer full) (element-type utf8): its words as the search
 *   compares them, without accents or case
 */
GPtrArray *
vecinos_search_fold_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  each_word (valid, add_folded_word, words);
  return words;
}

typedef struct {
  gsize start, length;
} Span;

typedef struct {
  const char *text;
  GPtrArray  *query;     /* folded words */
  GArray     *words;     /* of Span: every word of the text */
  GArray     *matches;   /* of gboolean, per word */
} Snippet;

static gboolean
add_text_word (const char *start,
               gsize       length,
               gpointer    data)
{
  Snippet *snippet = data;
  Span span = { start - snippet->text, length };
  g_autofree char *folded = fold (start, length);
  gboolean match = FALSE;

  /* As FTS5 matches: the whole word for a single letter, else its start */
  for (guint i = 0; !match && i < snippet->query->len; i++)
    {
      const char *word = g_ptr_array_index (snippet->query, i);

      match = g_utf8_strlen (word, -1) > 1 ? g_str_has_prefix (folded, word) : g_str_equal (folded, word);
    }
  g_array_append_val (snippet->words, span);
  g_array_append_val (snippet->matches, match);
  return TRUE;
}

/**
 * vecinos_search_make_snippet:
 * @text: a record's text
 * @query: (element-type utf8): words from vecinos_search_fold_words()
 * @n_words: how many words of @text to show
 * @found: (out) (optional): whether any word of @text matched
 *
 * Returns: (transfer full): Pango markup: @n_words words of @text around
 *   the first that matches a word of @query, matches in bold, the text
 *   escaped, and "…" where it is cut
 */
char *
vecinos_search_make_snippet (const char *text,
                             GPtrArray  *query,
                             guint       n_words,
                             gboolean   *found)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  Snippet snippet = { valid, query, g_array_new (FALSE, FALSE, sizeof (Span)),
                      g_array_new (FALSE, FALSE, sizeof (gboolean)) };
  GString *markup = g_string_new (NULL);
  guint first = 0, last;
  gsize from;

  each_word (valid, add_text_word, &snippet);
  if (found != NULL)
    *found = FALSE;
  for (guint i = 0; i < snippet.matches->len; i++)
    if (g_array_index (snippet.matches, gboolean, i))
      {
        /* A little of what comes before the first match */
        first = i > 3 ? i - 3 : 0;
        if (found != NULL)
          *found = TRUE;
        break;
      }

  if (snippet.words->len > 0)
    {
      last = MIN (first + n_words, snippet.words->len) - 1;
      from = first > 0 ? g_array_index (snippet.words, Span, first).start : 0;
      if (first > 0)
        g_string_append (markup, "…");
      for (guint i = first; i <= last; i++)
        {
          const Span *span = &g_array_index (snippet.words, Span, i);
          g_autofree char *before = g_markup_escape_text (valid + from, span->start - from);
          g_autofree char *word = g_markup_escape_text (valid + span->start, span->length);

          g_string_append (markup, before);
          if (g_array_index (snippet.matches, gboolean, i))
            g_string_append_printf (markup, "<b>%s</b>", word);
          else
            g_string_append (markup, word);
          from = span->start + span->length;
        }
      if (last + 1 < snippet.words->len)
        g_string_append (markup, "…");
      else
        {
          g_autofree char *tail = g_markup_escape_text (valid + from, -1);
          g_string_append (markup, tail);
        }
    }
  g_array_unref (snippet.words);
  g_array_unref (snippet.matches);
  return g_string_free (markup, FALSE);
}

gboolean
vecinos_search_kind_from_string (const char        *name,
                                 VecinosSearchKind *kind)
{
  static const char * const names[] = { "event", "excerpt", "series", "document" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

void
vecinos_search_result_free (VecinosSearchResult *result)
{
  if (result == NULL)
    return;
  g_free (result->ref);
  g_free (result->title);
  g_free (result->snippet);
  g_free (result);
}
