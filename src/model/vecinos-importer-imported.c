/* vecinos-importer-imported.c — a teacher's timeline, read from TimelineJS,
 * inserted into the database as it was read
 *
 * The importer's own transaction, schema, statements and event rows
 * (vecinos-importer.c, -timeline.c) with the timeline's records as the
 * readers give them (vecinos-timelinejs*.c), without writing them as a
 * dataset folder and parsing that again: an import of 10 000 events spent
 * two thirds of its time there. The events are inserted one at a time, as
 * they are read, in the file's order (the window reads them in date order
 * from the order kept at the end, vecinos-event-list.c): nothing grows
 * with the timeline but the file.
 *
 * The timeline becomes a dataset "imported" from another format
 * (docs/DATASET.md): its groups are categories, coloured from the bundled
 * dataset's palette (legible in light and dark, vecinos-contrast.c); its
 * eras are the bands at the top of the timeline in place of the U.S.
 * presidencies; each event's media is its source, named by its credit and
 * caption. The texts are the teacher's, in the one language they were
 * written in; the few names (groups, eras) are given under each of the
 * interface's languages, the events' texts once, under English — the
 * language every reader falls back to (vecinos-dataset.c) —, so that
 * switching the interface shows them still; the dataset records which
 * language they really are (meta "content_language").
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

/* Runs @stmt (row, lang, text) once per interface language, with @text
 * as each language's text of @row */
static gboolean
insert_texts (Import       *import,
              sqlite3_stmt *stmt,
              gint64        row,
              const char   *text)
{
  for (guint l = 0; import->languages[l] != NULL; l++)
    if (!import_run (import, stmt, "Iss", row, import->languages[l], text))
      return FALSE;
  return TRUE;
}

struct _VecinosTimelineImport {
  Import                import;
  ImportEventStatements statements;
  sqlite3_stmt         *insert_category;
  sqlite3_stmt         *insert_category_text;
  GHashTable           *groups;      /* group → category row id */
  VecinosTimeline      *notes;       /* what the database could not hold, in its problems */
  VecinosLanguageCount  language;
  guint                 n_events;    /* events read, stored or not */
  guint                 n_stored;
};

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

/* The category of a group, made when the group is first met: the groups
 * in the order they first appear in the file; the events without one
 * share a "General" category. 0 with @error when it cannot be made. */
static int
category_of (VecinosTimelineImport  *self,
             const char             *group,
             GError                **error)
{
  Import *import = &self->import;
  guint n = g_hash_table_size (self->groups);
  gpointer row;
  char slug[32];

  if (g_hash_table_lookup_extended (self->groups, group, NULL, &row))
    return GPOINTER_TO_INT (row);
  g_snprintf (slug, sizeof slug, "group-%u", n + 1);
  import->kind = _("category");
  import->record = slug;
  if (!import_run (import, self->insert_category, "ss", slug, palette[n % G_N_ELEMENTS (palette)]) ||
      !(row = GINT_TO_POINTER ((int) sqlite3_last_insert_rowid (import->db))) ||
      /* Translators: the category of a teacher's events that have no group */
      !insert_texts (import, self->insert_category_text, GPOINTER_TO_INT (row),
                     *group != '\0' ? group : _("General")))
    return import_fail_sqlite (import, error), 0;
  g_hash_table_insert (self->groups, g_strdup (group), row);
  if (strlen (group) > VECINOS_TEXT_MAX_SHORT)
    {
      g_autofree char *start = g_utf8_substring (group, 0, 30);

      /* Translators: where a problem is: a group of a teacher's
       * timeline, by the start of its name */
      note_long_name (self->notes, g_strdup_printf (_("the group “%s…”"), start), group);
    }
  import->kind = _("event");
  return GPOINTER_TO_INT (row);
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
          !insert_texts (import, insert_text, sqlite3_last_insert_rowid (import->db), ""))
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

/**
 * vecinos_timeline_import_begin:
 * @db: an empty database, open for writing
 *
 * Starts importing a teacher's timeline into @db, in one transaction: its
 * events are given one at a time as they are read
 * (vecinos_timeline_import_event()), then the rest of the timeline
 * (vecinos_timeline_import_end()). Nothing is left in @db unless the end
 * commits.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL with @error
 */
VecinosTimelineImport *
vecinos_timeline_import_begin (sqlite3  *db,
                               GError  **error)
{
  VecinosTimelineImport *self = g_new0 (VecinosTimelineImport, 1);
  Import *import = &self->import;

  g_return_val_if_fail (db != NULL, NULL);

  import->db = db;
  import->imported = TRUE;
  import->file = "";
  import->languages = g_strdupv ((char **) vecinos_language_supported ());
  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->notes = _vecinos_timeline_new ();
  import->kind = _("event");
  if (!import_start (import, error) ||
      !import_prepare_events (import, &self->statements, error) ||
      !(self->insert_category = import_prepare (import, "INSERT INTO category (slug, color) VALUES (?, ?)",
                                                error)) ||
      !(self->insert_category_text = import_prepare (import, "INSERT INTO category_text VALUES (?, ?, ?)",
                                                     error)))
    {
      vecinos_timeline_import_end (self, NULL, NULL, NULL, FALSE, NULL);
      return NULL;
    }
  return self;
}

/**
 * vecinos_timeline_import_event:
 * @event: an event as a reader read it
 *
 * Inserts @event, with its category (its group, made when first met), its
 * texts, search row and media link. An event whose texts the database
 * cannot hold is left out and a link it cannot hold left off, each said
 * among the timeline's problems.
 *
 * Returns: FALSE with @error when the database refused it
 */
gboolean
vecinos_timeline_import_event (VecinosTimelineImport       *self,
                               const VecinosTimelineEvent  *event,
                               GError                     **error)
{
  Import *import = &self->import;
  const char *summary = event->text != NULL ? event->text : "";
  const char *reason;
  char slug[32];
  gint64 row;
  int category;

  /* Numbered in the file's order, among the events read */
  g_snprintf (slug, sizeof slug, "event-%u", ++self->n_events);
  _vecinos_timeline_count_language (&self->language, event);
  if ((reason = event_too_long (event)) != NULL)
    {
      _vecinos_timeline_add_problem (self->notes, g_strdup (event->location), reason);
      return TRUE;
    }
  if ((category = category_of (self, event->group != NULL ? event->group : "", error)) == 0)
    return FALSE;
  import->record = slug;
  if (!import_insert_event (import, &self->statements, &event->start, event->has_end ? &event->end : NULL,
                            category, 2))
    return import_fail_sqlite (import, error);
  row = sqlite3_last_insert_rowid (import->db);
  /* The texts are the same in every language: written once, where every
   * language reads them (a fifth fewer rows an event), and found once by
   * the search (it searches every language's words) */
  if (!import_run (import, self->statements.text, "Isss", row, "en", event->headline, summary) ||
      !import_add_event_to_search (import, row, import->languages[0], event->headline, summary))
    return import_fail_sqlite (import, error);

  if (event->media_url != NULL)
    {
      g_autofree char *name = media_name (event);

      if ((reason = media_problem (event, name)) != NULL)
        _vecinos_timeline_add_problem (self->notes, g_strdup (event->location), reason);
      else if (!import_run (import, self->statements.source, "Iiss", row, 0, name, event->media_url))
        return import_fail_sqlite (import, error);
    }
  import->record = NULL;
  self->n_stored++;
  return TRUE;
}

/**
 * vecinos_timeline_import_end:
 * @timeline: (nullable): what the reader read besides the events (title,
 *   eras, problems; the problems of the import are added to them); %NULL
 *   when the import is given up
 * @language: (nullable): the language the timeline is written in ("en"
 *   or "es"), or %NULL to read it from the events' texts
 * @fallback: (nullable): the language taken when the texts do not say
 * @ok: whether to commit: every event was read and imported
 *
 * Ends the import and frees it: commits, or leaves nothing in the
 * database. A timeline without an event stored is not committed
 * (%VECINOS_TIMELINE_ERROR_NOTHING_READ; its problems say why).
 */
gboolean
vecinos_timeline_import_end (VecinosTimelineImport  *self,
                             VecinosTimeline        *timeline,
                             const char             *language,
                             const char             *fallback,
                             gboolean                ok,
                             GError                **error)
{
  Import *import = &self->import;

  /* The record an event left behind is not one any more */
  import->record = NULL;
  ok = ok && timeline != NULL;
  /* What the database could not hold, after what could not be read */
  if (timeline != NULL)
    {
      gsize n;
      g_autofree gpointer *notes = g_ptr_array_steal (self->notes->problems, &n);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (timeline->problems, notes[i]);
    }
  /* Events read but none the database can hold (each too long): nothing
   * to open either */
  if (ok && self->n_stored == 0)
    {
      g_set_error (error, VECINOS_TIMELINE_ERROR, VECINOS_TIMELINE_ERROR_NOTHING_READ,
                   timeline->n_read == 0 ? _("The timeline has no events.")
                                         : _("None of the timeline's events could be read."));
      ok = FALSE;
    }
  if (ok)
    {
      if (language == NULL)
        language = _vecinos_timeline_language_counted (&self->language, timeline->title);
      if (language == NULL)
        language = fallback;
      if (!vecinos_language_is_supported (language))
        {
          g_autofree char *known = g_strjoinv (", ", (char **) vecinos_language_supported ());

          g_set_error (error, VECINOS_TIMELINE_ERROR, VECINOS_TIMELINE_ERROR_NOT_A_TIMELINE,
                       _("Unknown language “%s”. Vecinos can be used in: %s."),
                       language != NULL ? language : "", known);
          ok = FALSE;
        }
      ok = ok &&
           (insert_meta (import, timeline, language) || import_fail_sqlite (import, error)) &&
           insert_eras (import, timeline, error);
    }
  import_clear_events (&self->statements);
  g_clear_pointer (&self->insert_category, sqlite3_finalize);
  g_clear_pointer (&self->insert_category_text, sqlite3_finalize);
  ok = import_finish (import, ok, error);
  g_hash_table_unref (self->groups);
  vecinos_timeline_free (self->notes);
  g_free (self);
  return ok;
}
