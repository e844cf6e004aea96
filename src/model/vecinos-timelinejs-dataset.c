/* vecinos-timelinejs-dataset.c — a TimelineJS timeline written as a
 * dataset folder and compiled by the importer
 *
 * The timeline becomes a dataset "imported" from another format
 * (docs/DATASET.md): its groups are categories, coloured from the bundled
 * dataset's palette (legible in light and dark, vecinos-contrast.c); its
 * eras are the bands at the top of the timeline in place of the U.S.
 * presidencies; each event's media is its source, named by its credit and
 * caption. The texts are the teacher's, in the one language they were
 * written in; they are given under both of the interface's languages so
 * that switching the interface shows them still, and the dataset records
 * which language they really are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "vecinos-importer.h"
#include "vecinos-timelinejs-private.h"

/* The bundled categories' colours (Okabe–Ito), in the order groups get them */
static const char * const palette[] = {
  "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#999999",
};

static const char * const interface_languages[] = { "en", "es", NULL };

static void
add_texts (JsonBuilder *builder,
           const char  *member,
           const char  *text)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  for (guint i = 0; interface_languages[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, interface_languages[i]);
      json_builder_add_string_value (builder, text);
    }
  json_builder_end_object (builder);
}

static gboolean
write_json (GFile       *directory,
            const char  *name,
            JsonBuilder *builder,
            GError     **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(GFile) file = g_file_get_child (directory, name);
  g_autofree char *text = NULL;
  gsize length;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  return g_file_replace_contents (file, text, length, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, NULL, error);
}

/* @text as a JSON string: quotes, backslashes and control characters
 * escaped, the rest (valid UTF-8) as it is */
static void
append_json_string (GString    *json,
                    const char *text)
{
  g_string_append_c (json, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (json, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (json, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (json, *p);
    }
  g_string_append_c (json, '"');
}

/* , "member": {"en": text, "es": text} */
static void
append_texts (GString    *json,
              const char *member,
              const char *text)
{
  g_string_append_printf (json, ", \"%s\": {", member);
  for (guint i = 0; interface_languages[i] != NULL; i++)
    {
      g_string_append_printf (json, "%s\"%s\": ", i > 0 ? ", " : "", interface_languages[i]);
      append_json_string (json, text);
    }
  g_string_append_c (json, '}');
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

static const char *
category_of (GHashTable *groups,
             const char *group)
{
  return g_hash_table_lookup (groups, group != NULL ? group : "");
}

/**
 * vecinos_timeline_write_dataset:
 * @directory: an empty folder
 * @language: the language the timeline is written in ("en" or "es")
 *
 * Writes @timeline as a dataset folder the importer reads.
 */
gboolean
vecinos_timeline_write_dataset (VecinosTimeline  *timeline,
                                GFile            *directory,
                                const char       *language,
                                GError          **error)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) group_names = g_ptr_array_new ();
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (timeline != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (directory), FALSE);

  /* Categories: the groups in the order they first appear; the events
   * without one share a "General" category */
  for (guint i = 0; i < timeline->events->len; i++)
    {
      const VecinosTimelineEvent *event = g_ptr_array_index (timeline->events, i);
      const char *group = event->group != NULL ? event->group : "";

      if (!g_hash_table_contains (groups, group))
        {
          g_hash_table_insert (groups, g_strdup (group), g_strdup_printf ("group-%u", group_names->len + 1));
          g_ptr_array_add (group_names, (gpointer) group);
        }
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, 1);
  add_texts (builder, "title", timeline->title != NULL ? timeline->title : _("Imported timeline"));
  json_builder_set_member_name (builder, "languages");
  json_builder_begin_array (builder);
  for (guint i = 0; interface_languages[i] != NULL; i++)
    json_builder_add_string_value (builder, interface_languages[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "imported");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "content_language");
  json_builder_add_string_value (builder, language);
  json_builder_end_object (builder);
  if (!write_json (directory, "dataset.json", builder, error))
    return FALSE;

  g_clear_object (&builder);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  for (guint i = 0; i < group_names->len; i++)
    {
      const char *group = g_ptr_array_index (group_names, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, category_of (groups, group));
      json_builder_set_member_name (builder, "color");
      json_builder_add_string_value (builder, palette[i % G_N_ELEMENTS (palette)]);
      /* Translators: the category of a teacher's events that have no group */
      add_texts (builder, "name", *group != '\0' ? group : _("General"));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  if (!write_json (directory, "categories.json", builder, error))
    return FALSE;

  /* Eras: the bands along the top, where the bundled dataset has the U.S.
   * presidencies */
  g_clear_object (&builder);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "terms");
  json_builder_begin_array (builder);
  for (guint i = 0; i < timeline->eras->len; i++)
    {
      const VecinosTimelineEra *era = g_ptr_array_index (timeline->eras, i);
      g_autofree char *id = g_strdup_printf ("era-%u", i + 1);
      g_autofree char *start = vecinos_date_to_iso (&era->start);
      g_autofree char *end = vecinos_date_to_iso (&era->end);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "country");
      json_builder_add_string_value (builder, "us");
      json_builder_set_member_name (builder, "person");
      json_builder_add_string_value (builder, *era->headline != '\0' ? era->headline : id);
      add_texts (builder, "party", "");
      json_builder_set_member_name (builder, "start");
      json_builder_add_string_value (builder, start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_string_value (builder, end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  if (!write_json (directory, "terms.json", builder, error))
    return FALSE;

  /* The events, the bulk of the file, written as text: a builder and a
   * generator cost a third of an import of 10 000 events */
  {
    g_autoptr(GString) json = g_string_new ("{\"events\": [\n");
    g_autoptr(GFile) file = g_file_get_child (directory, "events.json");

    for (guint i = 0; i < timeline->events->len; i++)
      {
        const VecinosTimelineEvent *event = g_ptr_array_index (timeline->events, i);
        g_autofree char *start = vecinos_date_to_iso (&event->start);

        g_string_append_printf (json, "%s{\"id\": \"event-%u\", \"date\": \"%s\"", i > 0 ? ",\n" : "", i + 1, start);
        if (event->has_end)
          {
            g_autofree char *end = vecinos_date_to_iso (&event->end);

            g_string_append_printf (json, ", \"end_date\": \"%s\"", end);
          }
        g_string_append_printf (json, ", \"category\": \"%s\", \"importance\": 2, \"actors\": []",
                                category_of (groups, event->group));
        append_texts (json, "title", event->headline);
        append_texts (json, "summary", event->text != NULL ? event->text : "");
        g_string_append (json, ", \"sources\": [");
        if (event->media_url != NULL)
          {
            g_autofree char *name = media_name (event);

            g_string_append (json, "{\"name\": ");
            append_json_string (json, name);
            g_string_append (json, ", \"url\": ");
            append_json_string (json, event->media_url);
            g_string_append (json, "}");
          }
        g_string_append (json, "]}");
      }
    g_string_append (json, "\n]}\n");
    return g_file_replace_contents (file, json->str, json->len, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, NULL,
                                    error);
  }
}

static void
remove_directory (GFile *directory)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (directory, g_file_info_get_name (info));

      g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_file_delete (directory, NULL, NULL);
}

/**
 * vecinos_timeline_import_file:
 * @db: an empty database, open for writing
 * @file: a TimelineJS JSON or CSV file
 * @language: the language the timeline is written in
 * @problems: (out) (optional) (transfer full): the events and eras that
 *   could not be read, #VecinosTimelineProblem each
 *
 * Reads @file and imports it into @db. Fails with
 * %VECINOS_TIMELINE_ERROR_NOT_A_TIMELINE when the file is not a timeline,
 * %VECINOS_TIMELINE_ERROR_NOTHING_READ when no event could be read (the
 * problems say why), or an import error.
 */
gboolean
vecinos_timeline_import_file (sqlite3    *db,
                              GFile      *file,
                              const char *language,
                              GPtrArray **problems,
                              GError    **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(VecinosTimeline) timeline = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GFile) directory = NULL;
  gsize length;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (problems != NULL)
    *problems = NULL;
  if (!(info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                  G_FILE_QUERY_INFO_NONE, NULL, error)))
    return FALSE;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      g_file_info_get_size (info) > VECINOS_MAX_FILE_BYTES)
    {
      g_set_error (error, VECINOS_TIMELINE_ERROR, VECINOS_TIMELINE_ERROR_NOT_A_TIMELINE,
                   _("The file is not an ordinary file, or is larger than 512 MB."));
      return FALSE;
    }
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error) ||
      !(timeline = vecinos_timeline_read (contents, length, error)))
    return FALSE;
  g_clear_pointer (&contents, g_free);

  if (problems != NULL)
    *problems = g_ptr_array_ref (timeline->problems);
  if (timeline->events->len == 0)
    {
      g_set_error (error, VECINOS_TIMELINE_ERROR, VECINOS_TIMELINE_ERROR_NOTHING_READ,
                   timeline->n_read == 0 ? _("The timeline has no events.")
                                         : _("None of the timeline's events could be read."));
      return FALSE;
    }

  if (!(folder = g_dir_make_tmp ("vecinos-import-XXXXXX", error)))
    return FALSE;
  /* A new file, renamed into place only when whole (or in memory): no
   * journal, no waiting for the disk at each page */
  sqlite3_exec (db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", NULL, NULL, NULL);
  directory = g_file_new_for_path (folder);
  ok = vecinos_timeline_write_dataset (timeline, directory, language, error) &&
       vecinos_importer_import_directory (db, directory, error);
  remove_directory (directory);
  return ok;
}

/**
 * vecinos_timeline_is_timeline_file:
 *
 * Returns: whether @file is a file Vecinos reads as a TimelineJS timeline
 *   (by its name: .json or .csv), not a compiled dataset or a folder
 */
gboolean
vecinos_timeline_is_timeline_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return lower != NULL && (g_str_has_suffix (lower, ".json") || g_str_has_suffix (lower, ".csv") ||
                           g_str_has_suffix (lower, ".tsv") || g_str_has_suffix (lower, ".txt"));
}
