/* vecinos-importer-imported.c — a teacher's timeline, read from TimelineJS,
 * inserted into the database as it was read
 *
 * The importer's own transaction, schema, statements and event rows
 * (vecinos-importer.c, -timeline.c) with the timeline's records as the
 * readers give them (vecinos-timelinejs*.c), without writing them as a
 * dataset folder and parsing that again: an import of 10 000 events spent
 * two thirds of its time there.
 *
 * The timeline becomes a dataset "imported" from another format
 * (docs/DATASET.md): its groups are categories, coloured from the bundled
 * dataset's palette (legible in light and dark, vecinos-contrast.c); its
 * eras are the bands at the top of the timeline in place of the U.S.
 * presidencies; each event's media is its source, named by its credit and
 * caption. The texts are the teacher's, in the one language they were
 * written in; they are given under both of the interface's languages so
 * that switching the interface shows them still, and the dataset records
 * which language they really are (meta "content_language").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"
#include <string.h>

#include "vecinos-importer-private.h"
#include "vecinos-language.h"
#include "vecinos-timelinejs-private.h"

/* The bundled categories' colours (Okabe–Ito), in the order groups get them */
static const char * const palette[] = {
  "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#999999",
};

/* Binds @text as every interface language's text of @row and runs @stmt
 * (row, lang, text…) once per language */
static gboolean
insert_texts (Import       *import,
              sqlite3_stmt *stmt,
              gint64        row,
              const char   *first,
              const char   *second)
{
  for (guint l = 0; import->languages[l] != NULL; l++)
    {
      sqlite3_bind_int64 (stmt, 1, row);
      sqlite3_bind_text (stmt, 2, import->languages[l], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, first, -1, SQLITE_STATIC);
      if (second != NULL)
        sqlite3_bind_text (stmt, 4, second, -1, SQLITE_STATIC);
      if (!import_run (import, stmt, ""))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_meta (Import          *import,
             VecinosTimeline *timeline,
             const char      *language)
{
  const char * const *interface_languages = vecinos_language_supported ();
  g_autofree char *languages = g_strjoinv (",", (char **) interface_languages);
  g_autofree char *version = g_strdup_printf ("%d", VECINOS_SCHEMA_VERSION);
  const char *title = timeline->title != NULL ? timeline->title : _("Imported timeline");

  if (!import_run (import, import->insert_meta, "ss", "languages", languages) ||
      !import_run (import, import->insert_meta, "ss", "schema_version", version) ||
      !import_run (import, import->insert_meta, "ss", "content_language", language))
    return FALSE;
  for (guint l = 0; interface_languages[l] != NULL; l++)
    {
      g_autofree char *key = g_strconcat ("title.", interface_languages[l], NULL);

      if (!import_run (import, import->insert_meta, "ss", key, title))
        return FALSE;
    }
  return TRUE;
}

/* Categories: the groups in the order they first appear; the events
 * without one share a "General" category. Returns group → row id. */
/* A name the reader will show cut (a category's or an era's, over
 * VECINOS_TEXT_MAX_SHORT bytes): said, as a note — nothing is left out */
static void
note_long_name (VecinosTimeline *timeline,
                char            *location,
                const char      *name)
{
  if (strlen (name) <= VECINOS_TEXT_MAX_SHORT)
    {
      g_free (location);
      return;
    }
  _vecinos_timeline_add_problem (timeline, location, _("its name is longer than 500 bytes: it is shown cut"));
  ((VecinosTimelineProblem *) g_ptr_array_index (timeline->problems, timeline->problems->len - 1))->note = TRUE;
}

static GHashTable *
insert_categories (Import          *import,
                   VecinosTimeline *timeline,
                   GError         **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) insert_text = NULL;

  import->kind = _("category");
  if (!(insert = import_prepare (import, "INSERT INTO category (slug, color) VALUES (?, ?)", error)) ||
      !(insert_text = import_prepare (import, "INSERT INTO category_text VALUES (?, ?, ?)", error)))
    return NULL;

  for (guint i = 0; i < timeline->events->len; i++)
    {
      const VecinosTimelineEvent *event = g_ptr_array_index (timeline->events, i);
      const char *group = event->group != NULL ? event->group : "";
      guint n = g_hash_table_size (groups);
      g_autofree char *slug = NULL;
      gint64 row;

      if (g_hash_table_contains (groups, group))
        continue;
      slug = g_strdup_printf ("group-%u", n + 1);
      import->record = slug;
      if (!import_run (import, insert, "ss", slug, palette[n % G_N_ELEMENTS (palette)]) ||
          /* Translators: the category of a teacher's events that have no group */
          !insert_texts (import, insert_text, row = sqlite3_last_insert_rowid (import->db),
                         *group != '\0' ? group : _("General"), NULL))
        {
          import_fail_sqlite (import, error);
          return NULL;
        }
      g_hash_table_insert (groups, (gpointer) group, GINT_TO_POINTER ((int) row));
      if (strlen (group) > VECINOS_TEXT_MAX_SHORT)
        {
          g_autofree char *start = g_utf8_substring (group, 0, 30);

          /* Translators: where a problem is: a group of a teacher's
           * timeline, by the start of its name */
          note_long_name (timeline, g_strdup_printf (_("the group “%s…”"), start), group);
        }
    }
  import->record = NULL;
  return g_steal_pointer (&groups);
}

/* Eras: the bands along the top, where the bundled dataset has the U.S.
 * presidencies; each lasts to the last day of its end */
static gboolean
insert_eras (Import          *import,
             VecinosTimeline *timeline,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) insert_text = NULL;

  import->kind = _("term");
  if (!(insert = import_prepare (import, "INSERT INTO term (slug, country, person, short_name, start_day, end_day)"
                                         " VALUES (?, 'us', ?, ?, ?, ?)", error)) ||
      !(insert_text = import_prepare (import, "INSERT INTO term_text VALUES (?, ?, ?)", error)))
    return FALSE;

  for (guint i = 0; i < timeline->eras->len; i++)
    {
      const VecinosTimelineEra *era = g_ptr_array_index (timeline->eras, i);
      g_autofree char *slug = g_strdup_printf ("era-%u", i + 1);
      const char *name = *era->headline != '\0' ? era->headline : slug;

      import->record = slug;
      /* Translators: where a problem is: the eras of a timeline, counted from 1 */
      note_long_name (timeline, g_strdup_printf (_("era %u"), i + 1), name);
      if (!import_run (import, insert, "sssii", slug, name, name,
                       vecinos_date_first_day (&era->start), vecinos_date_last_day (&era->end)) ||
          !insert_texts (import, insert_text, sqlite3_last_insert_rowid (import->db), "", NULL))
        return import_fail_sqlite (import, error);
    }
  import->record = NULL;
  return TRUE;
}

/* A media link's name: its credit and caption, or its address */
static char *
media_name (const VecinosTimelineEvent *event)
{
  gboolean credit = event->media_credit != NULL && *event->media_credit != '\0';
  gboolean caption = event->media_caption != NULL && *event->media_caption != '\0';

  if (credit && caption)
    return g_strdup_printf ("%s – %s", event->media_credit, event->media_caption);
  if (credit || caption)
    return g_strdup (credit ? event->media_credit : event->media_caption);
  return g_strdup (event->media_url);
}

/* What the database cannot hold is listed, not cut: an event whose
 * headline or text is too long is left out, a link too long or not well
 * formed is left off its event */
static const char *
event_too_long (const VecinosTimelineEvent *event)
{
  if (strlen (event->headline) > VECINOS_TEXT_MAX_SHORT)
    return _("its headline is longer than 500 bytes");
  if (event->text != NULL && strlen (event->text) > VECINOS_TEXT_MAX_LONG)
    return _("its text is longer than 20 000 bytes");
  return NULL;
}

static const char *
media_problem (const VecinosTimelineEvent *event,
               const char                 *name)
{
  const char *problem = NULL;

  if (strlen (event->media_url) > VECINOS_TEXT_MAX_URL)
    return _("its media address is longer than 2048 bytes, so it is not linked");
  if (strlen (name) > VECINOS_TEXT_MAX_SHORT)
    return _("its media credit and caption are longer than 500 bytes, so the media is not linked");
  if (!vecinos_importer_check_url_form (event->media_url, &problem))
    return problem;
  return NULL;
}

static gboolean
insert_events (Import          *import,
               VecinosTimeline *timeline,
               GHashTable      *groups,
               GError         **error)
{
  g_auto(ImportEventStatements) statements = { NULL };
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (ImportDatedRecord), timeline->events->len);

  import->kind = _("event");
  if (!import_prepare_events (import, &statements, error))
    return FALSE;

  for (guint i = 0; i < timeline->events->len; i++)
    {
      const VecinosTimelineEvent *event = g_ptr_array_index (timeline->events, i);
      ImportDatedRecord record = { vecinos_date_first_day (&event->start), i };

      g_array_append_val (order, record);
    }
  import_sort_by_day (order);

  for (guint n = 0; n < order->len; n++)
    {
      guint i = g_array_index (order, ImportDatedRecord, n).index;
      const VecinosTimelineEvent *event = g_ptr_array_index (timeline->events, i);
      const char *group = event->group != NULL ? event->group : "";
      const char *summary = event->text != NULL ? event->text : "";
      const char *reason;
      char slug[32];
      gint64 row;

      if ((reason = event_too_long (event)) != NULL)
        {
          _vecinos_timeline_add_problem (timeline, g_strdup (event->location), reason);
          continue;
        }
      g_snprintf (slug, sizeof slug, "event-%u", i + 1);
      import->record = slug;
      if (!import_insert_event (import, &statements, &event->start, event->has_end ? &event->end : NULL,
                                GPOINTER_TO_INT (g_hash_table_lookup (groups, group)), 2))
        return import_fail_sqlite (import, error);
      row = sqlite3_last_insert_rowid (import->db);
      /* The texts are the same in every language: the search finds them
       * once (it searches every language's words) */
      if (!insert_texts (import, statements.text, row, event->headline, summary) ||
          !import_add_event_to_search (import, row, import->languages[0], event->headline, summary))
        return import_fail_sqlite (import, error);

      if (event->media_url != NULL)
        {
          g_autofree char *name = media_name (event);

          if ((reason = media_problem (event, name)) != NULL)
            _vecinos_timeline_add_problem (timeline, g_strdup (event->location), reason);
          else if (!import_run (import, statements.source, "Iiss", row, 0, name, event->media_url))
            return import_fail_sqlite (import, error);
        }
    }
  import->record = NULL;
  return TRUE;
}

/**
 * vecinos_importer_import_timeline:
 * @db: an empty database, open for writing
 * @timeline: what a TimelineJS reader read; what cannot be stored is
 *   added to its problems
 * @language: the language the timeline is written in ("en" or "es")
 *
 * Creates the schema in @db and imports @timeline into it, in one
 * transaction: on error nothing is left in @db.
 */
gboolean
vecinos_importer_import_timeline (sqlite3          *db,
                                  VecinosTimeline  *timeline,
                                  const char       *language,
                                  GError          **error)
{
  Import import = {
    .db = db,
    .imported = TRUE,
    .file = "",
  };
  g_autoptr(GHashTable) groups = NULL;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (timeline != NULL, FALSE);
  g_return_val_if_fail (vecinos_language_is_supported (language), FALSE);

  import.languages = g_strdupv ((char **) vecinos_language_supported ());
  ok = import_start (&import, error) &&
       (insert_meta (&import, timeline, language) || import_fail_sqlite (&import, error)) &&
       (groups = insert_categories (&import, timeline, error)) != NULL &&
       insert_eras (&import, timeline, error) &&
       insert_events (&import, timeline, groups, error);
  return import_finish (&import, ok, error);
}
