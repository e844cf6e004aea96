/* vecinos-timelinejs-csv.c — the TimelineJS spreadsheet template, as CSV
 *
 * Teachers fill in TimelineJS's Google Sheets template and export it, or
 * save it from LibreOffice or Excel: comma- or semicolon-separated (the
 * latter where the decimal mark is a comma, as in Mexico), UTF-8 with or
 * without a byte order mark, or Windows-1252 from an older Excel; fields
 * quoted with "…" may hold the separator, doubled quotes and line breaks.
 * The first row names the columns, in any order: Year, Month, Day, Time,
 * End Year, End Month, End Day, End Time, Display Date, Headline, Text,
 * Media, Media Credit, Media Caption, Media Thumbnail, Type, Group,
 * Background. A row whose Type is "title" is the title slide, "era" an
 * era; any other is an event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"
#include <string.h>

#include "vecinos-timelinejs-private.h"

enum {
  COLUMN_YEAR, COLUMN_MONTH, COLUMN_DAY, COLUMN_END_YEAR, COLUMN_END_MONTH, COLUMN_END_DAY,
  COLUMN_HEADLINE, COLUMN_TEXT, COLUMN_MEDIA, COLUMN_MEDIA_CREDIT, COLUMN_MEDIA_CAPTION,
  COLUMN_TYPE, COLUMN_GROUP, COLUMN_BACKGROUND, COLUMN_MEDIA_THUMBNAIL, COLUMN_DISPLAY_DATE, N_COLUMNS
};

static const char * const column_names[N_COLUMNS] = {
  "year", "month", "day", "end year", "end month", "end day",
  "headline", "text", "media", "media credit", "media caption", "type", "group",
  "background", "media thumbnail", "display date",
};

/* The separator: the one of , ; and tab found most often in the first row,
 * outside quotes */
static char
find_separator (const char *text,
                const char *end)
{
  guint counts[3] = { 0 };
  const char separators[] = { ',', ';', '\t' };
  gboolean quoted = FALSE;
  guint best = 0;

  for (const char *p = text; p < end && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      for (guint i = 0; !quoted && i < G_N_ELEMENTS (separators); i++)
        counts[i] += *p == separators[i];
    }
  for (guint i = 1; i < G_N_ELEMENTS (separators); i++)
    if (counts[i] > counts[best])
      best = i;
  return separators[best];
}

/* The next row of @p, up to @end (RFC 4180): NULL at the end of the text */
static GPtrArray *
read_row (const char **p,
          const char  *end,
          char         separator,
          guint       *line)
{
  GPtrArray *fields;
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  if (*p >= end)
    return g_string_free (field, TRUE), NULL;
  fields = g_ptr_array_new_with_free_func (g_free);
  while (*p < end)
    {
      char c = *(*p)++;

      if (quoted)
        {
          if (c == '"' && *p < end && **p == '"')
            g_string_append_c (field, '"'), (*p)++;
          else if (c == '"')
            quoted = FALSE;
          else
            {
              *line += c == '\n';
              g_string_append_c (field, c);
            }
        }
      else if (c == '"')
        quoted = TRUE;
      else if (c == separator)
        {
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          field = g_string_new (NULL);
        }
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && *p < end && **p == '\n')
            (*p)++;
          (*line)++;
          break;
        }
      else
        g_string_append_c (field, c);
    }
  g_ptr_array_add (fields, g_string_free (field, FALSE));
  return fields;
}

static const char *
cell (GPtrArray *fields,
      const int *columns,
      int        column)
{
  int index = columns[column];

  return index >= 0 && (guint) index < fields->len ? g_ptr_array_index (fields, index) : NULL;
}

static gboolean
row_is_empty (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *text = g_ptr_array_index (fields, i);

      for (; *text != '\0'; text++)
        if (!g_ascii_isspace (*text))
          return FALSE;
    }
  return TRUE;
}

/* A date from the row's Year, Month and Day (or End …) columns; the
 * problem, if any, at that line and the year's column */
static gboolean
row_date (VecinosTimeline *timeline,
          GPtrArray       *fields,
          const int       *columns,
          int              year_column,
          guint            line,
          VecinosDate     *date)
{
  const char *reason = NULL;
  const char *names[] = { N_("Year"), N_("End Year") };
  const char *name = _(names[year_column == COLUMN_YEAR ? 0 : 1]);

  if (_vecinos_timeline_make_date (cell (fields, columns, year_column), cell (fields, columns, year_column + 1),
                                   cell (fields, columns, year_column + 2), date, &reason))
    return TRUE;
  _vecinos_timeline_add_problem (timeline,
                                 columns[year_column] >= 0
                                 /* Translators: where a spreadsheet row has a problem: %1$u a line,
                                  * %2$u a column, %3$s the column's name */
                                 ? g_strdup_printf (_("line %1$u, column %2$u (%3$s)"), line,
                                                    columns[year_column] + 1, name)
                                 /* Translators: where a spreadsheet row has a problem, in a
                                  * column the spreadsheet does not have: %1$u a line, %2$s the
                                  * column's name */
                                 : g_strdup_printf (_("line %1$u, no column %2$s"), line, name),
                                 reason);
  return FALSE;
}

static void
read_data_row (VecinosTimeline *timeline,
               GPtrArray       *fields,
               const int       *columns,
               guint            line)
{
  g_autofree char *type = g_ascii_strdown (cell (fields, columns, COLUMN_TYPE) != NULL
                                           ? cell (fields, columns, COLUMN_TYPE) : "", -1);
  VecinosTimelineEvent *event;
  VecinosDate start, end;
  g_autofree char *end_year = _vecinos_timeline_field (cell (fields, columns, COLUMN_END_YEAR));
  gboolean has_end = end_year != NULL;
  g_autofree char *background = _vecinos_timeline_field (cell (fields, columns, COLUMN_BACKGROUND));
  g_autofree char *thumbnail = _vecinos_timeline_field (cell (fields, columns, COLUMN_MEDIA_THUMBNAIL));
  g_autofree char *display_date = _vecinos_timeline_field (cell (fields, columns, COLUMN_DISPLAY_DATE));

  timeline->n_images += background != NULL || thumbnail != NULL || display_date != NULL;
  g_strstrip (type);
  if (g_str_equal (type, "title"))
    {
      g_autofree char *unused = NULL;

      g_clear_pointer (&timeline->title, g_free);
      _vecinos_timeline_set_texts (cell (fields, columns, COLUMN_HEADLINE), NULL, &timeline->title, &unused);
      return;
    }
  timeline->n_read++;
  if (g_str_equal (type, "era"))
    {
      if (row_date (timeline, fields, columns, COLUMN_YEAR, line, &start) &&
          row_date (timeline, fields, columns, COLUMN_END_YEAR, line, &end))
        /* Translators: where a spreadsheet row is, %u its line */
        _vecinos_timeline_add_era (timeline, &start, &end,
                                   cell (fields, columns, COLUMN_HEADLINE) != NULL
                                   ? cell (fields, columns, COLUMN_HEADLINE) : "",
                                   g_strdup_printf (_("line %u"), line));
      return;
    }
  if (!row_date (timeline, fields, columns, COLUMN_YEAR, line, &start) ||
      (has_end && !row_date (timeline, fields, columns, COLUMN_END_YEAR, line, &end)))
    return;
  event = g_new0 (VecinosTimelineEvent, 1);
  event->start = start;
  event->has_end = has_end;
  if (has_end)
    event->end = end;
  _vecinos_timeline_set_texts (cell (fields, columns, COLUMN_HEADLINE), cell (fields, columns, COLUMN_TEXT),
                               &event->headline, &event->text);
  event->group = _vecinos_timeline_field (cell (fields, columns, COLUMN_GROUP));
  _vecinos_timeline_set_media (event, cell (fields, columns, COLUMN_MEDIA),
                               cell (fields, columns, COLUMN_MEDIA_CREDIT), cell (fields, columns, COLUMN_MEDIA_CAPTION));
  _vecinos_timeline_finish_event (timeline, event, g_strdup_printf (_("line %u"), line));
}

/**
 * _vecinos_timeline_read_csv:
 *
 * Reads the TimelineJS spreadsheet template saved as CSV into @timeline,
 * row by row.
 */
gboolean
_vecinos_timeline_read_csv (VecinosTimeline  *timeline,
                            const char       *text,
                            gsize             length,
                            GError          **error)
{
  g_autofree char *converted = NULL;
  g_autoptr(GPtrArray) header = NULL;
  int columns[N_COLUMNS];
  const char *p, *end;
  char separator;
  guint line = 1;
  gboolean has_nul;

  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    text += 3, length -= 3;
  /* Not UTF-8: an older Excel's Windows-1252 */
  if (!_vecinos_timeline_check_text (timeline, text, length, &has_nul) && !has_nul &&
      (converted = g_convert (text, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL)) == NULL)
    {
      g_set_error (error, VECINOS_TIMELINE_ERROR, VECINOS_TIMELINE_ERROR_NOT_A_TIMELINE,
                   _("The file's text is neither UTF-8 nor Windows-1252."));
      return FALSE;
    }
  if (has_nul)
    {
      g_set_error (error, VECINOS_TIMELINE_ERROR, VECINOS_TIMELINE_ERROR_NOT_A_TIMELINE,
                   _("The file is not text: it is neither TimelineJS JSON nor a spreadsheet saved as CSV."));
      return FALSE;
    }
  /* Read where it is, up to its length (a copy was as large as the file) */
  p = converted != NULL ? converted : text;
  end = converted != NULL ? converted + strlen (converted) : text + length;
  if (converted == NULL)
    timeline->release_from = p;
  separator = find_separator (p, end);
  header = read_row (&p, end, separator, &line);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      columns[c] = -1;
      for (guint i = 0; header != NULL && i < header->len; i++)
        {
          g_autofree char *name = g_ascii_strdown (g_strstrip ((char *) g_ptr_array_index (header, i)), -1);

          if (g_str_equal (name, column_names[c]))
            columns[c] = i;
        }
    }
  if (columns[COLUMN_YEAR] < 0 || columns[COLUMN_HEADLINE] < 0)
    {
      g_set_error (error, VECINOS_TIMELINE_ERROR, VECINOS_TIMELINE_ERROR_NOT_A_TIMELINE,
                   _("The file is not a TimelineJS spreadsheet: its first row must name the template's columns "
                     "(Year, Month, Day, … Headline, Text, Media, … Group)."));
      return FALSE;
    }

  while (!timeline->stopped)
    {
      guint row_line = line;
      g_autoptr(GPtrArray) fields = read_row (&p, end, separator, &line);

      if (fields == NULL)
        break;
      if (!row_is_empty (fields))
        read_data_row (timeline, fields, columns, row_line);
      _vecinos_timeline_release (timeline, p);
    }
  return TRUE;
}

/**
 * vecinos_timeline_read_csv:
 *
 * Reads the TimelineJS spreadsheet template saved as CSV.
 */
VecinosTimeline *
vecinos_timeline_read_csv (const char  *text,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(VecinosTimeline) timeline = _vecinos_timeline_new ();

  if (!_vecinos_timeline_read_csv (timeline, text, length, error))
    return NULL;
  return g_steal_pointer (&timeline);
}
