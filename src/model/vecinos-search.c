/* vecinos-search.c — what a user types, made safe for FTS5
 *
 * FTS5 has a query language of its own: quotes, `*`, `-`, `^`, `:`, `AND`,
 * `OR`, `NOT`, `NEAR(…)`. Passed raw, "NAFTA -" or a lone quote is a syntax
 * error. So the query is never what the user typed: the text is cut into
 * words here (letters and digits only, whatever the script), each word is
 * quoted as an FTS5 string and matched as a prefix, and every word must
 * match. Operators typed by the user are words like any other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vecinos-search.h"

/* Where a snippet's matches start and end: characters no text holds */
#define MATCH_START '\x01'
#define MATCH_END '\x02'

/**
 * vecinos_search_build_query:
 * @text: (nullable): what the user typed, in any encoding (invalid UTF-8
 *   from a clipboard is repaired first)
 *
 * Returns: (transfer full) (nullable): an FTS5 query that matches records
 *   holding every word of @text as a word or the start of one, such as
 *   `"lopez"* "obra"*`; %NULL when @text has no word to search for
 */
char *
vecinos_search_build_query (const char *text)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) query = NULL;
  g_autoptr(GString) word = g_string_new (NULL);
  guint n_tokens = 0;

  if (text == NULL)
    return NULL;
  valid = g_utf8_make_valid (text, -1);
  query = g_string_new (NULL);

  /* One more pass over a terminating NUL closes the last word */
  for (const char *p = valid; n_tokens < VECINOS_SEARCH_MAX_TOKENS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Letters, digits and marks (the accent of a decomposed "é") make
       * words; anything else — spaces, quotes, `*`, `-`, `(`, emoji —
       * separates them */
      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          if (query->len > 0)
            g_string_append_c (query, ' ');
          /* A quoted string is never an operator; the word holds no quote */
          g_string_append_printf (query, "\"%s\"*", word->str);
          g_string_truncate (word, 0);
          n_tokens++;
        }
      if (c == 0)
        break;
    }
  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/**
 * vecinos_search_snippet_markup:
 * @snippet: FTS5's snippet() with matches between \x01 and \x02
 *
 * Returns: (transfer full): the snippet as Pango markup, its text escaped
 *   and its matches in bold
 */
char *
vecinos_search_snippet_markup (const char *snippet)
{
  GString *markup = g_string_new (NULL);
  gboolean bold = FALSE;

  if (snippet == NULL)
    return g_string_free (markup, FALSE);
  for (const char *p = snippet; *p != '\0';)
    {
      const char *next = p + strcspn (p, "\x01\x02");
      g_autofree char *escaped = g_markup_escape_text (p, next - p);

      g_string_append (markup, escaped);
      if (*next == MATCH_START && !bold)
        g_string_append (markup, "<b>"), bold = TRUE;
      else if (*next == MATCH_END && bold)
        g_string_append (markup, "</b>"), bold = FALSE;
      p = *next != '\0' ? next + 1 : next;
    }
  if (bold)
    g_string_append (markup, "</b>");
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
