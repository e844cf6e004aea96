/* vecinos-series.c — an indicator series and its points, in one language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"
#include "vecinos-excerpt.h"
#include "vecinos-series-private.h"

static void
point_clear (VecinosPoint *point)
{
  g_free (point->source);
  g_free (point->source_url);
  g_free (point->note);
}

static void
series_claim_free (VecinosSeriesClaim *claim)
{
  g_free (claim->text);
  g_free (claim->document);
  g_free (claim);
}

void
vecinos_series_free (VecinosSeries *series)
{
  if (series == NULL)
    return;
  g_free (series->slug);
  g_free (series->category);
  g_free (series->category_name);
  g_free (series->color);
  g_free (series->name);
  g_free (series->unit);
  g_free (series->unit_kind);
  g_free (series->definition);
  g_free (series->caveats);
  g_free (series->break_note);
  g_free (series->source_org);
  g_free (series->source_url);
  if (series->points != NULL)
    {
      for (guint i = 0; i < series->points->len; i++)
        point_clear (&g_array_index (series->points, VecinosPoint, i));
      g_array_unref (series->points);
    }
  g_clear_pointer (&series->claims, g_ptr_array_unref);
  g_clear_pointer (&series->blocks, g_array_unref);
  g_free (series);
}

/* An empty series, for the dataset to fill in */
VecinosSeries *
vecinos_series_new (void)
{
  VecinosSeries *series = g_new0 (VecinosSeries, 1);

  series->points = g_array_new (FALSE, TRUE, sizeof (VecinosPoint));
  series->claims = g_ptr_array_new_with_free_func ((GDestroyNotify) series_claim_free);
  return series;
}

/**
 * vecinos_series_find_point:
 *
 * Returns: (nullable): the point of @year, or %NULL where the series has a gap
 */
const VecinosPoint *
vecinos_series_find_point (const VecinosSeries *series,
                           int                  year)
{
  for (guint i = 0; i < series->points->len; i++)
    if (g_array_index (series->points, VecinosPoint, i).year == year)
      return &g_array_index (series->points, VecinosPoint, i);
  return NULL;
}

/**
 * vecinos_series_format_year:
 *
 * Returns: a period as an axis or a table names it: "2017", or "FY2017"
 *   (translated) for a U.S. fiscal year
 */
char *
vecinos_series_format_year (const VecinosSeries *series,
                            int                  year)
{
  if (series->period_kind == VECINOS_PERIOD_FISCAL_YEAR)
    /* Translators: a short label for a U.S. fiscal year, on an axis */
    return g_strdup_printf (_("FY%d"), year);
  return g_strdup_printf ("%d", year);
}

/**
 * vecinos_series_describe:
 *
 * Returns: what a screen reader says of the chart: the indicator, its unit,
 *   the years covered, its lowest and highest values and the change from
 *   the first to the last
 */
char *
vecinos_series_describe (const VecinosSeries *series)
{
  const VecinosPoint *first, *last, *low, *high;
  g_autofree char *from = NULL, *to = NULL, *low_year = NULL, *high_year = NULL;
  g_autofree char *low_value = NULL, *high_value = NULL, *last_value = NULL;
  GString *out = g_string_new (NULL);

  if (series->points->len == 0)
    {
      /* Translators: %s is the name of an indicator */
      g_string_printf (out, _("%s: no figures."), series->name);
      return g_string_free (out, FALSE);
    }

  first = &g_array_index (series->points, VecinosPoint, 0);
  last = &g_array_index (series->points, VecinosPoint, series->points->len - 1);
  low = high = first;
  for (guint i = 0; i < series->points->len; i++)
    {
      const VecinosPoint *point = &g_array_index (series->points, VecinosPoint, i);

      if (point->value < low->value)
        low = point;
      if (point->value > high->value)
        high = point;
    }
  from = vecinos_series_format_year (series, first->year);
  to = vecinos_series_format_year (series, last->year);
  low_year = vecinos_series_format_year (series, low->year);
  high_year = vecinos_series_format_year (series, high->year);
  low_value = vecinos_format_value (low->value, series->unit_kind, series->unit);
  high_value = vecinos_format_value (high->value, series->unit_kind, series->unit);
  last_value = vecinos_format_value (last->value, series->unit_kind, series->unit);

  /* Translators: %1$s an indicator, %2$s its first period, %3$s its last,
   * %4$u how many figures it has */
  g_string_append_printf (out, _("%1$s, %2$s to %3$s, %4$u figures."), series->name, from, to,
                          series->points->len);
  g_string_append_c (out, ' ');
  /* Translators: %1$s the lowest value, %2$s its period, %3$s the highest,
   * %4$s its period */
  g_string_append_printf (out, _("Lowest %1$s in %2$s; highest %3$s in %4$s."),
                          low_value, low_year, high_value, high_year);
  g_string_append_c (out, ' ');
  if (last->value > first->value)
    /* Translators: %1$s the last period, %2$s its value */
    g_string_append_printf (out, _("Higher at the end than at the start: %1$s in %2$s."), last_value, to);
  else if (last->value < first->value)
    g_string_append_printf (out, _("Lower at the end than at the start: %1$s in %2$s."), last_value, to);
  else
    g_string_append_printf (out, _("The same at the end as at the start: %1$s in %2$s."), last_value, to);
  return g_string_free (out, FALSE);
}

/**
 * vecinos_series_format_citation:
 *
 * Returns: how to cite the series in a handout
 */
char *
vecinos_series_format_citation (const VecinosSeries *series)
{
  g_autofree char *from = NULL, *to = NULL;

  if (series->points->len == 0)
    return g_strdup_printf ("%s, “%s”. %s", series->source_org, series->name, series->source_url);

  from = vecinos_series_format_year (series, g_array_index (series->points, VecinosPoint, 0).year);
  to = vecinos_series_format_year (series, g_array_index (series->points, VecinosPoint,
                                                         series->points->len - 1).year);
  /* Translators: a citation: %1$s the organisation, %2$s the indicator,
   * %3$s its unit, %4$s its first period, %5$s its last, %6$s the address */
  return g_strdup_printf (_("%1$s, “%2$s” (%3$s), %4$s–%5$s, compiled in Vecinos. %6$s"),
                          series->source_org, series->name, series->unit, from, to, series->source_url);
}

static void
append_csv_field (GString    *line,
                  const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\n\r") == NULL)
    {
      g_string_append (line, text);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *c);
    }
  g_string_append_c (line, '"');
}

/**
 * vecinos_series_write_csv:
 *
 * Writes one row per point (period, value, preliminary, source, address,
 * note), as displayed; gaps have no row.
 */
gboolean
vecinos_series_write_csv (const VecinosSeries *series,
                          const char          *path,
                          GError             **error)
{
  g_autoptr(GString) csv = g_string_new ("series,period,value,preliminary,source,source_url,note\n");

  for (guint i = 0; i < series->points->len; i++)
    {
      const VecinosPoint *point = &g_array_index (series->points, VecinosPoint, i);
      g_autofree char *period = series->period_kind == VECINOS_PERIOD_FISCAL_YEAR
                                ? g_strdup_printf ("FY%d", point->year)
                                : g_strdup_printf ("%d", point->year);
      char value[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (csv, "%s,%s,%s,%s,", series->slug, period,
                              g_ascii_dtostr (value, sizeof value, point->value),
                              point->preliminary ? "true" : "false");
      append_csv_field (csv, point->source);
      g_string_append_c (csv, ',');
      append_csv_field (csv, point->source_url);
      g_string_append_c (csv, ',');
      append_csv_field (csv, point->note);
      g_string_append_c (csv, '\n');
    }
  return g_file_set_contents (path, csv->str, csv->len, error);
}

/**
 * vecinos_series_summarise:
 *
 * Computes, once, what every frame of a chart would otherwise recompute:
 * the range of the values, whether any is preliminary, and blocks of up to
 * %VECINOS_SERIES_BLOCK consecutive points with their extremes, so that
 * drawing a million points costs a pass over some fifteen thousand blocks.
 */
void
vecinos_series_summarise (VecinosSeries *series)
{
  GArray *points = series->points;

  if (series->summarised)
    return;
  series->summarised = TRUE;
  series->min = G_MAXDOUBLE;
  series->max = -G_MAXDOUBLE;
  series->blocks = g_array_new (FALSE, FALSE, sizeof (VecinosPointBlock));
  for (guint i = 0; i < points->len; i++)
    {
      const VecinosPoint *point = &g_array_index (points, VecinosPoint, i);
      VecinosPointBlock *block = series->blocks->len > 0
                                 ? &g_array_index (series->blocks, VecinosPointBlock, series->blocks->len - 1)
                                 : NULL;

      series->min = MIN (series->min, point->value);
      series->max = MAX (series->max, point->value);
      series->has_preliminary |= point->preliminary;

      /* A new block after a gap or when the last is full */
      if (block == NULL || point->year != block->last_year + 1 ||
          block->last_year - block->first_year + 1 >= VECINOS_SERIES_BLOCK)
        {
          VecinosPointBlock fresh = { point->year, point->year, point->value, point->value, point->value };
          g_array_append_val (series->blocks, fresh);
          continue;
        }
      block->last_year = point->year;
      block->min = MIN (block->min, point->value);
      block->max = MAX (block->max, point->value);
      block->last = point->value;
    }
}
