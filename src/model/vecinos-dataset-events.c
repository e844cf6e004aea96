/* vecinos-dataset-events.c — the timeline's records: events, terms, categories
 *
 * The events with their sources, the presidential terms, the categories,
 * and the organisations whose figures the dataset charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vecinos-dataset.h"
#include "vecinos-dataset-private.h"
#include "vecinos-event-private.h"
#include "vecinos-uri.h"

/* The event of a row of QUERY_EVENTS or QUERY_EVENT_BY_ID */
static VecinosEvent *
event_from_row (sqlite3_stmt *stmt)
{
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
  return vecinos_event_new (&fields);
}

/* Adds the sources of the rows of @stmt (event id, name, address) to the
 * events @by_id finds */
static gboolean
add_sources (VecinosDataset  *self,
             sqlite3_stmt    *stmt,
             GHashTable      *by_id,
             GError         **error)
{
  int rc;

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
    return vecinos_dataset_read_failed (self, stmt, rc, error);
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * vecinos_dataset_list_events:
 * @lang: the language of the text ("en", "es"); text missing in it is English
 *
 * Every event, each a #VecinosEvent (a list to hold whole, for the
 * bundled dataset's charts and handouts; the window's timeline reads a
 * #VecinosEventList, which makes an event only when it is shown).
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

  if (!vecinos_dataset_begin_call (self, error))
    return NULL;
  stmt = self->queries[QUERY_EVENTS];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(VecinosEvent) event = event_from_row (stmt);

      g_hash_table_insert (by_id, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)), event);
      g_list_store_append (store, event);
    }
  if (rc != SQLITE_DONE)
    return vecinos_dataset_read_failed (self, stmt, rc, error), NULL;
  sqlite3_reset (stmt);

  if (!add_sources (self, self->queries[QUERY_EVENT_SOURCES], by_id, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* The event whose id is @id, whole, with its sources; NULL when it cannot
 * be read (the dataset then says it failed) */
VecinosEvent *
vecinos_dataset_get_event (VecinosDataset *self,
                           const char     *lang,
                           gint64          id)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (NULL, NULL);
  g_autoptr(VecinosEvent) event = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!vecinos_dataset_begin_call (self, NULL))
    return NULL;
  stmt = self->queries[QUERY_EVENT_BY_ID];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return vecinos_dataset_read_failed (self, stmt, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, NULL), NULL;
  event = event_from_row (stmt);
  sqlite3_reset (stmt);

  g_hash_table_insert (by_id, GINT_TO_POINTER (id), event);
  stmt = self->queries[QUERY_EVENT_SOURCES_OF];
  sqlite3_bind_int64 (stmt, 1, id);
  if (!add_sources (self, stmt, by_id, NULL))
    return NULL;
  return g_steal_pointer (&event);
}

/* A web address's site, "https://host/": a credit links to the
 * organisation, and GtkAboutDialog shows a long address with a query as
 * text, a line as wide as the screen */
static char *
site_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL || g_str_equal (g_uri_get_scheme (uri), "mailto"))
    return g_strdup (url);
  return g_strdup_printf ("%s://%s/", g_uri_get_scheme (uri), g_uri_get_host (uri));
}

/* Each row's name and address as a GtkAboutDialog credit, "Name
 * https://site/": the dialog makes a link of the address, so only one
 * that may be opened (see vecinos-uri.c) */
static char **
list_credits (VecinosDataset *self,
              sqlite3_stmt   *stmt)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  while (next_row (self, stmt))
    {
      g_autofree char *name = text_column (stmt, 0, SHORT_TEXT);
      g_autofree char *url = text_column (stmt, 1, URL_TEXT);
      g_autofree char *credit = NULL;

      if (*name == '\0')
        continue;
      if (vecinos_uri_is_openable (url))
        {
          g_autofree char *site = site_of (url);

          credit = g_strdup_printf ("%s %s", name, site);
        }
      else
        credit = g_strdup (name);
      g_strv_builder_add (builder, credit);
    }
  sqlite3_reset (stmt);
  return g_strv_builder_end (builder);
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
  g_return_val_if_fail (VECINOS_IS_DATASET (self), NULL);

  if (!vecinos_dataset_begin_call (self, NULL))
    return g_new0 (char *, 1);
  return list_credits (self, self->queries[QUERY_SOURCE_ORGANISATIONS]);
}

/**
 * vecinos_dataset_list_publishers:
 * @kind: a kind of publisher: "government", "intergovernmental",
 *   "court-or-legislature", "statistical-office", "news",
 *   "research-institute", "archive" or "academic"
 *
 * Returns: (transfer full): the publishers of that kind the dataset cites
 *   (its publishers.json), each as "Name https://address", in alphabetical
 *   order; none for a dataset without a registry
 */
char **
vecinos_dataset_list_publishers (VecinosDataset *self,
                                 const char     *kind)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (!vecinos_dataset_begin_call (self, NULL))
    return g_new0 (char *, 1);
  stmt = self->queries[QUERY_PUBLISHERS];
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_TRANSIENT);
  return list_credits (self, stmt);
}

/**
 * vecinos_term_get_end:
 *
 * Returns: the last day of @term, today for a term in progress
 */
VecinosDay
vecinos_term_get_end (const VecinosTerm *term)
{
  return term->in_progress ? MAX (vecinos_date_today (), term->start) : term->end;
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

  if (!vecinos_dataset_begin_call (self, NULL))
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
      term->in_progress = sqlite3_column_type (stmt, 5) == SQLITE_NULL;
      term->end = term->in_progress ? term->start : CLAMP (sqlite3_column_int64 (stmt, 5), term->start, LAST_DAY);
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

  if (!vecinos_dataset_begin_call (self, NULL))
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
