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

  /* Template children */
  GtkWidget        *actions;      /* Show Data, Copy Citation, Export */
  GtkLabel         *caveats;
  VecinosChartView *chart;
  GtkDropDown      *compare;      /* "Nothing", then the series as listed */
  GtkLabel         *definition;
  GtkMenuButton    *export_button;
  GtkDropDown      *export_size;
  GtkCheckButton   *follow;       /* the timeline's years */
  GtkCheckButton   *index;
  GtkListBox       *list;
  GtkWidget        *options;      /* compare, index, per person… */
  GtkWidget        *paned;
  GtkCheckButton   *per_person;
  GListStore       *rows;         /* of VecinosChartTableRow: the table's */
  GtkSearchEntry   *search;
  GtkLabel         *source;
  GtkStack         *stack;        /* the chart, or its figures as a table */
  GtkColumnView    *table;
};

void _vecinos_charts_page_class_actions_init (VecinosChartsPageClass *klass);

G_END_DECLS
