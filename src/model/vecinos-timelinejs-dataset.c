/* vecinos-timelinejs-dataset.c — a TimelineJS file imported into a
 * database, and how a file is known to be one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"

#include "vecinos-importer.h"
#include "vecinos-timelinejs-private.h"

/**
 * vecinos_timeline_import_file:
 * @db: an empty database, open for writing
 * @file: a TimelineJS JSON or CSV file
 * @language: (nullable): the language the timeline is written in ("en" or
 *   "es"), or %NULL to read it from its texts
 * @fallback: the language taken when @language is %NULL and the texts do
 *   not say clearly
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
                              const char *fallback,
                              GPtrArray **problems,
                              GError    **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(VecinosTimeline) timeline = NULL;
  g_autofree char *contents = NULL;
  gsize length;

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

  /* A new file, renamed into place only when whole (or in memory): no
   * journal, no waiting for the disk at each page */
  sqlite3_exec (db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -131072", NULL, NULL, NULL);
  if (language == NULL)
    language = vecinos_timeline_guess_language (timeline);
  return vecinos_importer_import_timeline (db, timeline, language != NULL ? language : fallback, error);
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
