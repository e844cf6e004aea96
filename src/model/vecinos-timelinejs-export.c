/* vecinos-timelinejs-export.c — a Vecinos timeline written as TimelineJS
 * JSON, so that a timeline made or corrected in Vecinos can be published
 * on the web with TimelineJS
 *
 * Each event keeps its date as precise as it is known, its title as the
 * headline, its summary as the text (in paragraphs, escaped), its category
 * as the group and its first source as the media link, its credit the
 * source's name; the presidencies (or a teacher's eras) are the eras.
 * Reading the file back with vecinos_timeline_read() gives the same events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"
#include <json-glib/json-glib.h>

#include "vecinos-dataset.h"
#include "vecinos-event.h"
#include "vecinos-timelinejs.h"

static void
add_date (JsonBuilder       *builder,
          const char        *member,
          const VecinosDate *date)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, date->year);
  if (date->precision >= VECINOS_DATE_PRECISION_MONTH)
    {
      json_builder_set_member_name (builder, "month");
      json_builder_add_int_value (builder, date->month);
    }
  if (date->precision >= VECINOS_DATE_PRECISION_DAY)
    {
      json_builder_set_member_name (builder, "day");
      json_builder_add_int_value (builder, date->day);
    }
  json_builder_end_object (builder);
}

/* Plain text as TimelineJS's HTML: escaped, a paragraph a block */
static char *
text_as_html (const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);
  GString *html = g_string_new (NULL);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (g_strstrip (paragraphs[i]), -1);

      if (*escaped == '\0')
        continue;
      g_strdelimit (escaped, "\n", ' ');
      g_string_append_printf (html, "<p>%s</p>", escaped);
    }
  return g_string_free (html, FALSE);
}

static void
add_text (JsonBuilder *builder,
          const char  *headline,
          const char  *text)
{
  g_autofree char *escaped = g_markup_escape_text (headline, -1);

  json_builder_set_member_name (builder, "text");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "headline");
  json_builder_add_string_value (builder, escaped);
  if (text != NULL && *text != '\0')
    {
      g_autofree char *html = text_as_html (text);

      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, html);
    }
  json_builder_end_object (builder);
}

/**
 * vecinos_timeline_export_json:
 * @dataset: the timeline to write
 * @language: the language of the texts written
 * @output: where to write the TimelineJS JSON
 */
gboolean
vecinos_timeline_export_json (VecinosDataset  *dataset,
                              const char      *language,
                              GFile           *output,
                              GError         **error)
{
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (VECINOS_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  if (!(events = vecinos_dataset_list_events (dataset, language, error)))
    return FALSE;
  terms = vecinos_dataset_list_terms (dataset, language);
  title = vecinos_dataset_get_title (dataset, language);

  json_builder_begin_object (builder);
  if (title != NULL)
    {
      json_builder_set_member_name (builder, "title");
      json_builder_begin_object (builder);
      add_text (builder, title, NULL);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (events, i);
      GPtrArray *sources = vecinos_event_get_sources (event);

      json_builder_begin_object (builder);
      add_date (builder, "start_date", vecinos_event_get_start (event));
      if (vecinos_event_get_end (event) != NULL)
        add_date (builder, "end_date", vecinos_event_get_end (event));
      add_text (builder, vecinos_event_get_title (event), vecinos_event_get_summary (event));
      json_builder_set_member_name (builder, "group");
      json_builder_add_string_value (builder, vecinos_event_get_category_name (event));
      json_builder_set_member_name (builder, "unique_id");
      json_builder_add_string_value (builder, vecinos_event_get_slug (event));
      if (sources != NULL && sources->len > 0)
        {
          const VecinosSource *source = g_ptr_array_index (sources, 0);

          json_builder_set_member_name (builder, "media");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "url");
          json_builder_add_string_value (builder, source->url);
          json_builder_set_member_name (builder, "credit");
          json_builder_add_string_value (builder, source->name);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "eras");
  json_builder_begin_array (builder);
  for (guint i = 0; i < terms->len; i++)
    {
      const VecinosTerm *term = g_ptr_array_index (terms, i);
      VecinosDate start, end;

      /* A term still running ends today */
      vecinos_date_from_day (term->start, VECINOS_DATE_PRECISION_DAY, &start);
      vecinos_date_from_day (vecinos_term_get_end (term), VECINOS_DATE_PRECISION_DAY, &end);
      json_builder_begin_object (builder);
      add_date (builder, "start_date", &start);
      add_date (builder, "end_date", &end);
      add_text (builder, term->person, NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  return g_file_replace_contents (output, text, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}
