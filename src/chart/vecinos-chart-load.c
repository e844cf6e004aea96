/* vecinos-chart-load.c — the series a chart shows, as the user asked, and
 * the events on its time axis
 *
 * The Charts view and `vecinos --export-chart` ask for the same things —
 * a series, perhaps a second to compare, perhaps per person or as indexes —
 * and get them here, so a handout shows what the window showed. The events
 * of the series' category, for the time axis, are picked here too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"
#include "vecinos-chart-load.h"
#include "vecinos-event.h"

/* @series per person when it has a population, as it is otherwise */
static VecinosSeries *
per_person (VecinosDataset *dataset,
            const char     *lang,
            VecinosSeries  *series,
            GError        **error)
{
  g_autoptr(VecinosSeries) population = NULL;
  VecinosSeries *divided;

  if (series->population == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is an indicator */
                   _("“%s” cannot be shown per person: the dataset has no population to divide it by."),
                   series->name);
      return NULL;
    }
  if ((population = vecinos_dataset_get_series (dataset, series->population, lang, error)) == NULL)
    return NULL;
  if ((divided = vecinos_series_per_person (series, population)) == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("“%s” cannot be shown per person: the dataset has no population to divide it by."),
                 series->name);
  return divided;
}

/**
 * vecinos_chart_load:
 * @compare_slug: (nullable): a second series to draw beside the first
 * @series: (out) (transfer full):
 * @compare: (out) (transfer full) (nullable): %NULL without @compare_slug
 *
 * Loads what a chart shows. With %VECINOS_CHART_PER_PERSON each series
 * that has a population is divided by it (the first must have one); with
 * %VECINOS_CHART_INDEX each becomes an index, 100 in the first year both
 * have a figure for (the first year, for one series).
 *
 * Returns: %FALSE with @error set, in the user's language, when a series
 *   does not exist or cannot be shown as asked
 */
gboolean
vecinos_chart_load (VecinosDataset     *dataset,
                    const char         *lang,
                    const char         *slug,
                    const char         *compare_slug,
                    VecinosChartFlags   flags,
                    VecinosSeries     **series,
                    VecinosSeries     **compare,
                    GError            **error)
{
  g_autoptr(VecinosSeries) first = NULL;
  g_autoptr(VecinosSeries) second = NULL;

  if ((first = vecinos_dataset_get_series (dataset, slug, lang, error)) == NULL)
    return FALSE;
  if (compare_slug != NULL && (second = vecinos_dataset_get_series (dataset, compare_slug, lang, error)) == NULL)
    return FALSE;

  if (flags & VECINOS_CHART_PER_PERSON)
    {
      VecinosSeries *divided = per_person (dataset, lang, first, error);

      if (divided == NULL)
        return FALSE;
      vecinos_series_free (first);
      first = divided;
      if (second != NULL && second->population != NULL)
        {
          if ((divided = per_person (dataset, lang, second, error)) == NULL)
            return FALSE;
          vecinos_series_free (second);
          second = divided;
        }
    }

  if (flags & VECINOS_CHART_INDEX)
    {
      int base = second != NULL ? vecinos_series_first_common_year (first, second)
                                : first->points->len > 0 ? g_array_index (first->points, VecinosPoint, 0).year : 0;
      VecinosSeries *indexed = base != 0 ? vecinos_series_index (first, base) : NULL;
      VecinosSeries *other = base != 0 && second != NULL ? vecinos_series_index (second, base) : NULL;

      if (indexed == NULL || (second != NULL && other == NULL))
        {
          g_clear_pointer (&indexed, vecinos_series_free);
          g_clear_pointer (&other, vecinos_series_free);
          if (second != NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         /* Translators: %1$s and %2$s are indicators */
                         _("“%1$s” and “%2$s” have no year with a figure other than zero in common, so they cannot be indexed."),
                         first->name, second->name);
          else
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         /* Translators: %s is an indicator */
                         _("“%s” cannot be indexed: its first figure is zero."), first->name);
          return FALSE;
        }
      vecinos_series_free (first);
      first = indexed;
      if (second != NULL)
        {
          vecinos_series_free (second);
          second = other;
        }
    }

  *series = g_steal_pointer (&first);
  *compare = g_steal_pointer (&second);
  return TRUE;
}

/**
 * vecinos_chart_can_log:
 * @compare: (nullable):
 *
 * Returns: whether the chart can have a logarithmic axis: every figure
 *   and every claimed number above zero
 */
gboolean
vecinos_chart_can_log (const VecinosSeries *series,
                       const VecinosSeries *compare)
{
  const VecinosSeries *both[] = { series, compare };

  for (guint s = 0; s < G_N_ELEMENTS (both) && both[s] != NULL; s++)
    {
      for (guint i = 0; i < both[s]->points->len; i++)
        if (g_array_index (both[s]->points, VecinosPoint, i).value <= 0)
          return FALSE;
      for (guint i = 0; i < both[s]->claims->len; i++)
        if (((VecinosSeriesClaim *) g_ptr_array_index (both[s]->claims, i))->value <= 0)
          return FALSE;
    }
  return TRUE;
}

/**
 * vecinos_chart_events_for_category:
 * @events: (element-type VecinosEvent) (nullable): events by date
 *
 * Returns: (transfer full) (element-type VecinosChartEvent): the events of
 *   @category, for the chart's time axis; their titles belong to @events
 */
GArray *
vecinos_chart_events_for_category (GListModel *events,
                                   const char *category)
{
  GArray *chart_events = g_array_new (FALSE, TRUE, sizeof (VecinosChartEvent));

  for (guint i = 0; events != NULL && i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (events, i);
      VecinosChartEvent chart_event = {
        vecinos_date_first_day (vecinos_event_get_start (event)),
        vecinos_event_get_title (event),
        FALSE,
        event,
      };

      if (g_str_equal (vecinos_event_get_category (event), category))
        g_array_append_val (chart_events, chart_event);
    }
  return chart_events;
}
