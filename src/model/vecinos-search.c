/* vecinos-search.c — what a user types, made safe for FTS5
 *
 * FTS5 has a query language of its own: quotes, `*`, `-`, `^`, `:`, `AND`,
 * `OR`, `NOT`, `NEAR(…)`. Passed raw, "NAFTA -" or a lone quote is a syntax
 * error. So the query is never what the user typed: the text is cut into
 * words here (letters and digits only, whatever the script), each word is
 * quoted as an FTS5 string and matched as a prefix (from two characters
 * on), and every word must match. Operators typed by the user are words like any other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

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
  /* A quoted string is never an operator; the word holds no quote. Words
   * are matched as prefixes from two characters on: a single letter would
   * match most of the dataset */
  g_string_append_printf (builder->query, builder->letters || g_utf8_strlen (word, -1) > 1 ? "\"%s\"*" : "\"%s\"",
                          word);
  return ++builder->n_tokens < VECINOS_SEARCH_MAX_TOKENS;
}

/**
 * vecinos_search_build_query:
 * @text: (nullable): what the user typed, in any encoding (invalid UTF-8
 *   from a clipboard is repaired first)
 *
 * Returns: (transfer full) (nullable): an FTS5 query that matches records
 *   holding every word of @text as a word or the start of one, such as
 *   `"lopez"* "obra"*`; %NULL when @text has no word to search for
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
  each_word (valid, add_query_word, &builder);
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
