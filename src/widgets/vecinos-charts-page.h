/* vecinos-charts-page.h — the Charts view: the series by category, the
 * chosen one's chart, and what it is and where it comes from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vecinos-chart-view.h"
#include "vecinos-context.h"

G_BEGIN_DECLS

#define VECINOS_TYPE_CHARTS_PAGE (vecinos_charts_page_get_type ())

G_DECLARE_FINAL_TYPE (VecinosChartsPage, vecinos_charts_page, VECINOS, CHARTS_PAGE, GtkWidget)

void              vecinos_charts_page_set_dataset (VecinosChartsPage *self,
                                                   VecinosDataset    *dataset,
                                                   const char        *language);
gboolean          vecinos_charts_page_show_series (VecinosChartsPage *self,
                                                   const char        *slug);
gboolean          vecinos_charts_page_set_options (VecinosChartsPage *self,
                                                   const char        *compare,
                                                   gboolean           index,
                                                   gboolean           per_person,
                                                   gboolean           log_scale);
gboolean          vecinos_charts_page_get_option_available (VecinosChartsPage *self,
                                                            const char        *name);
void              vecinos_charts_page_set_timeline_range (VecinosChartsPage *self,
                                                          double             start,
                                                          double             end);
void              vecinos_charts_page_set_presenting (VecinosChartsPage *self,
                                                      gboolean           presenting);
void              vecinos_charts_page_set_follow_timeline (VecinosChartsPage *self,
                                                           gboolean           follow);
gboolean          vecinos_charts_page_export      (VecinosChartsPage *self,
                                                   const char        *path,
                                                   GError           **error);
void              vecinos_charts_page_save_state  (VecinosChartsPage *self,
                                                   VecinosContext    *context);
void              vecinos_charts_page_restore_state (VecinosChartsPage *self,
                                                     VecinosContext    *context);
gboolean          vecinos_charts_page_get_option_active (VecinosChartsPage *self,
                                                         const char        *name);
VecinosChartView *vecinos_charts_page_get_chart   (VecinosChartsPage *self);
GtkWidget        *vecinos_charts_page_get_list    (VecinosChartsPage *self);
GtkColumnView    *vecinos_charts_page_get_table   (VecinosChartsPage *self);
const char       *vecinos_charts_page_get_text    (VecinosChartsPage *self,
                                                   const char        *part);

G_END_DECLS
