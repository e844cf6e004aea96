/* vecinos-series.c — an indicator series and its points, in one language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

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
  g_free (claim->translation);
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
  g_free (series->population);
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
 * @compare: (nullable): a second series, whose rows follow
 *
 * Writes one row per point (series, period, value, preliminary, source,
 * address, note), as displayed; gaps have no row.
 */
gboolean
vecinos_series_write_csv (const VecinosSeries *series,
                          const VecinosSeries *compare,
                          const char          *path,
                          GError             **error)
{
  g_autoptr(GString) csv = g_string_new ("series,period,value,preliminary,source,source_url,note\n");
  const VecinosSeries *both[] = { series, compare };

  for (guint s = 0; s < G_N_ELEMENTS (both) && both[s] != NULL; s++)
    for (guint i = 0; i < both[s]->points->len; i++)
      {
        const VecinosPoint *point = &g_array_index (both[s]->points, VecinosPoint, i);
        g_autofree char *period = both[s]->period_kind == VECINOS_PERIOD_FISCAL_YEAR
                                  ? g_strdup_printf ("FY%d", point->year)
                                  : g_strdup_printf ("%d", point->year);
        char value[G_ASCII_DTOSTR_BUF_SIZE];

        g_string_append_printf (csv, "%s,%s,%s,%s,", both[s]->slug, period,
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

      /* Datasets refuse non-finite figures; one that slips through is
       * left out of the range, not drawn at infinity */
      if (isfinite (point->value))
        {
          series->min = MIN (series->min, point->value);
          series->max = MAX (series->max, point->value);
        }
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

/* A copy of @series' texts, with no points yet. It gets no claims: a
 * document states a count or an amount, and comparing it with a figure
 * per person or an index would compare different things */
static VecinosSeries *
derive (const VecinosSeries *series,
        const char          *suffix,
        const char          *unit_kind,
        char                *unit)
{
  VecinosSeries *derived = vecinos_series_new ();

  derived->slug = g_strconcat (series->slug, suffix, NULL);
  derived->category = g_strdup (series->category);
  derived->category_name = g_strdup (series->category_name);
  derived->color = g_strdup (series->color);
  derived->name = g_strdup (series->name);
  derived->unit = unit;
  derived->unit_kind = g_strdup (unit_kind);
  derived->caveats = g_strdup (series->caveats);
  derived->break_note = g_strdup (series->break_note);
  derived->source_url = g_strdup (series->source_url);
  derived->derived = TRUE;
  derived->population = g_strdup (series->population);
  derived->break_at_start = series->break_at_start;
  derived->break_at_end = series->break_at_end;
  derived->period_kind = series->period_kind;
  return derived;
}

/* Adds @point to @derived with its value times @factor and @note */
static void
add_point (VecinosSeries      *derived,
           const VecinosPoint *point,
           double              factor,
           gboolean            preliminary,
           char               *source,
           char               *note)
{
  VecinosPoint copy = {
    .year = point->year,
    .value = point->value * factor,
    .preliminary = point->preliminary || preliminary,
    .source = source,
    .source_url = NULL,
    .note = note,
  };

  /* A quotient that overflows (a population of almost nothing) is no
   * figure: the year stays a gap */
  if (!isfinite (copy.value))
    {
      g_free (source);
      g_free (note);
      return;
    }
  if (copy.source == NULL)
    copy.source = g_strdup (point->source);
  copy.source_url = g_strdup (point->source_url);
  g_array_append_val (derived->points, copy);
}

/**
 * vecinos_series_can_divide:
 *
 * Returns: whether @series' figures can be divided by @population's:
 *   counts and amounts of money, by a population in millions
 */
gboolean
vecinos_series_can_divide (const VecinosSeries *series,
                           const VecinosSeries *population)
{
  return g_strcmp0 (population->unit_kind, "millions") == 0 &&
         (g_strcmp0 (series->unit_kind, "count") == 0 || g_strcmp0 (series->unit_kind, "usd_millions") == 0);
}

/**
 * vecinos_series_per_person:
 * @population: a population in millions, by year
 *
 * Divides each figure of @series by the population of the same year:
 * counts become a rate per 100,000 people, millions of dollars dollars
 * per person. A year without a population is a gap; a population that is
 * a projection makes the result preliminary. Each point says how it was
 * computed, and the source names both organisations.
 *
 * Returns: (transfer full) (nullable): the series per person, or %NULL
 *   when vecinos_series_can_divide() says no
 */
VecinosSeries *
vecinos_series_per_person (const VecinosSeries *series,
                           const VecinosSeries *population)
{
  gboolean count = g_strcmp0 (series->unit_kind, "count") == 0;
  VecinosSeries *derived;

  if (!vecinos_series_can_divide (series, population))
    return NULL;

  /* Millions of people: a count per 100,000 is value / (millions × 10),
   * millions of dollars per person value / millions */
  derived = derive (series, count ? "_per_100k" : "_per_person", count ? "rate_per_100k" : "other",
                    g_strdup (count ? _("per 100,000 people") : _("U.S. dollars per person")));
  /* Translators: %1$s is what a series measures, %2$s a population series
   * and %3$s who publishes it */
  derived->definition = g_strdup_printf (_("%1$s Vecinos divides each figure by the population of the same year (%2$s, %3$s)."),
                                         series->definition, population->name, population->source_org);
  derived->source_org = g_strdup_printf ("%s; %s", series->source_org, population->source_org);

  for (guint i = 0; i < series->points->len; i++)
    {
      const VecinosPoint *point = &g_array_index (series->points, VecinosPoint, i);
      const VecinosPoint *people = vecinos_series_find_point (population, point->year);
      g_autofree char *figure = NULL, *size = NULL;
      double divisor;

      if (people == NULL || people->value <= 0)
        continue;
      divisor = count ? people->value * 10 : people->value;
      figure = vecinos_format_value (point->value, series->unit_kind, series->unit);
      size = vecinos_format_value (people->value, population->unit_kind, population->unit);
      add_point (derived, point, 1 / divisor, people->preliminary,
                 g_strdup_printf ("%s; %s", point->source, people->source),
                 /* Translators: how a figure per person was computed: %1$s
                  * the figure, %2$s the population */
                 g_strdup_printf (_("Computed by Vecinos: %1$s divided by a population of %2$s."), figure, size));
    }
  return derived;
}

/**
 * vecinos_series_first_common_year:
 *
 * Returns: the first year both series have a figure for, or 0
 */
int
vecinos_series_first_common_year (const VecinosSeries *a,
                                  const VecinosSeries *b)
{
  for (guint i = 0; i < a->points->len; i++)
    {
      int year = g_array_index (a->points, VecinosPoint, i).year;

      if (vecinos_series_find_point (b, year) != NULL)
        return year;
    }
  return 0;
}

/**
 * vecinos_series_index:
 * @base_year: the year whose figure becomes 100
 *
 * Returns: (transfer full) (nullable): @series as an index, every figure
 *   divided by the figure of @base_year and multiplied by 100; %NULL when
 *   that figure is missing or zero
 */
VecinosSeries *
vecinos_series_index (const VecinosSeries *series,
                      int                  base_year)
{
  const VecinosPoint *base = vecinos_series_find_point (series, base_year);
  g_autofree char *period = NULL;
  VecinosSeries *derived;

  if (base == NULL || base->value == 0)
    return NULL;

  period = vecinos_series_format_year (series, base_year);
  /* Translators: the unit of an index, as in "index, 2000 = 100" */
  derived = derive (series, "_index", "index", g_strdup_printf (_("index, %s = 100"), period));
  derived->definition = g_strdup (series->definition);
  derived->source_org = g_strdup (series->source_org);
  for (guint i = 0; i < series->points->len; i++)
    {
      const VecinosPoint *point = &g_array_index (series->points, VecinosPoint, i);
      g_autofree char *figure = vecinos_format_value (point->value, series->unit_kind, series->unit);

      /* Translators: under an index value, the figure it stands for */
      add_point (derived, point, 100 / base->value, base->preliminary, NULL,
                 g_strdup_printf (_("The figure itself: %s."), figure));
    }
  return derived;
}
