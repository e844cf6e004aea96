/* vecinos-chart-load.h — the series a chart shows, as the user asked, and
 * the events on its time axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vecinos-chart-draw.h"
#include "vecinos-dataset.h"

G_BEGIN_DECLS

typedef enum {
  VECINOS_CHART_PER_PERSON = 1 << 0,   /* divided by the population */
  VECINOS_CHART_INDEX      = 1 << 1,   /* the first common year = 100 */
} VecinosChartFlags;

gboolean vecinos_chart_load        (VecinosDataset       *dataset,
                                    const char           *lang,
                                    const char           *slug,
                                    const char           *compare_slug,
                                    VecinosChartFlags     flags,
                                    VecinosSeries       **series,
                                    VecinosSeries       **compare,
                                    GError              **error);
gboolean vecinos_chart_can_log     (const VecinosSeries  *series,
                                    const VecinosSeries  *compare);
GArray  *vecinos_chart_events_for_category (GListModel *events,
                                            const char *category);

G_END_DECLS
