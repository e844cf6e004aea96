/* vecinos-charts-page-private.h — what the Charts view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vecinos-charts-page.h"

G_BEGIN_DECLS

struct _VecinosChartsPage
{
  GtkWidget         parent_instance;

  VecinosDataset   *dataset;
  char             *language;
  GListModel       *events;     /* the titles the chart's events point at */
  GPtrArray        *series;     /* of VecinosSeriesRef, as listed */
  double            timeline_start, timeline_end;
  gboolean          presenting;   /* only the chart, its title, legend and source */
  int               current;      /* the row open in the list, or -1 */

  /* Template children */
  GtkWidget        *actions;      /* Show Data, Copy Citation, Export */
  GtkLabel         *caveats;
  VecinosChartView *chart;
  GtkDropDown      *compare;      /* "Nothing", then the series as listed */
  GtkLabel         *compare_label;
  GtkLabel         *definition;
  GtkMenuButton    *export_button;
  GtkDropDown      *export_size;
  GtkLabel         *export_size_label;
  GtkCheckButton   *follow;       /* the timeline's years */
  GtkCheckButton   *index;
  GtkListBox       *list;
  GtkWidget        *options;      /* compare, index, per person… */
  GtkWidget        *paned;
  GtkCheckButton   *per_person;
  GtkWidget        *per_person_cell;  /* unavailable with the check, so focus skips it */
  GListStore       *rows;         /* of VecinosChartTableRow: the table's */
  GtkSearchEntry   *search;
  GtkLabel         *source;
  GtkBox           *source_links;
  char             *source_text;  /* the source line as one text */
  GtkLabel         *status;       /* what Copy Citation or Export did */
  GtkStack         *stack;        /* the chart, or its figures as a table */
  GtkColumnView    *table;
};

void _vecinos_charts_page_class_actions_init (VecinosChartsPageClass *klass);
void _vecinos_charts_page_set_status         (VecinosChartsPage      *self,
                                              const char             *text);

G_END_DECLS
