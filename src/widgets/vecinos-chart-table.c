/* vecinos-chart-table.c — the rows of "Show Data": one per figure of a chart
 *
 * Each row is a figure as the table shows it: period, value with its unit,
 * status, note and source, worded once when the chart is drawn. The
 * table's columns (vecinos-charts-page.ui) bind their labels to these
 * properties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <gtk/gtk.h>

#include "vecinos-chart-table.h"
#include "vecinos-excerpt.h"

struct _VecinosChartTableRow
{
  GObject  parent_instance;

  char    *period;
  char    *value;
  char    *status;
  char    *note;
  char    *source;
};

enum {
  PROP_0,
  PROP_PERIOD,
  PROP_VALUE,
  PROP_STATUS,
  PROP_NOTE,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VecinosChartTableRow, vecinos_chart_table_row, G_TYPE_OBJECT)

static void
vecinos_chart_table_row_finalize (GObject *object)
{
  VecinosChartTableRow *self = VECINOS_CHART_TABLE_ROW (object);

  g_free (self->period);
  g_free (self->value);
  g_free (self->status);
  g_free (self->note);
  g_free (self->source);

  G_OBJECT_CLASS (vecinos_chart_table_row_parent_class)->finalize (object);
}

static void
vecinos_chart_table_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  VecinosChartTableRow *self = VECINOS_CHART_TABLE_ROW (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      g_value_set_string (value, self->period);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vecinos_chart_table_row_class_init (VecinosChartTableRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[N_PROPS] = { NULL, "period", "value", "status", "note", "source" };

  object_class->finalize = vecinos_chart_table_row_finalize;
  object_class->get_property = vecinos_chart_table_row_get_property;

  for (guint i = PROP_PERIOD; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, "",
                                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vecinos_chart_table_row_init (VecinosChartTableRow *self)
{
}

/* @named: the chart compares two series, so the period says whose */
static VecinosChartTableRow *
vecinos_chart_table_row_new (const VecinosSeries *series,
                             const VecinosPoint  *point,
                             gboolean             named)
{
  VecinosChartTableRow *self = g_object_new (VECINOS_TYPE_CHART_TABLE_ROW, NULL);

  self->period = vecinos_series_format_year (series, point->year);
  if (named)
    {
      char *period = self->period;

      /* Translators: Show Data's period of a figure of one of two compared
       * series: %1$s the series, %2$s the period */
      self->period = g_strdup_printf (_("%1$s: %2$s"), series->name, period);
      g_free (period);
    }
  self->value = vecinos_format_value (point->value, series->unit_kind, series->unit);
  /* Only the preliminary ones are marked: the others are as published,
   * not always a final revision */
  self->status = g_strdup (point->preliminary ? _("Preliminary") : "");
  self->note = g_strdup (point->note ? point->note : "");
  /* A figure with no source of its own has its series' */
  self->source = g_strdup (point->source != NULL && *point->source != '\0' ? point->source : series->source_org);
  return self;
}

/**
 * vecinos_chart_table_fill:
 * @rows: (element-type VecinosChartTableRow): the table's model
 * @series: (nullable): the chart's series; %NULL empties the table
 * @compare: (nullable): the series compared with it
 *
 * Replaces @rows with one row per figure of @series, in order, then one
 * per figure of @compare, each period then naming its series.
 */
void
vecinos_chart_table_fill (GListStore          *rows,
                          const VecinosSeries *series,
                          const VecinosSeries *compare)
{
  const VecinosSeries *both[] = { series, series != NULL ? compare : NULL };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (G_IS_LIST_STORE (rows));

  for (guint s = 0; s < G_N_ELEMENTS (both) && both[s] != NULL; s++)
    for (guint i = 0; i < both[s]->points->len; i++)
      g_ptr_array_add (items, vecinos_chart_table_row_new (both[s],
                                                           &g_array_index (both[s]->points, VecinosPoint, i),
                                                           compare != NULL));
  g_list_store_splice (rows, 0, g_list_model_get_n_items (G_LIST_MODEL (rows)), items->pdata, items->len);
}

/* The table's cells: a label of one or two lines, the whole text in a
 * tooltip; the cell and its row named for a screen reader (GTK 4.8 names
 * them by their class otherwise) */
static const char * const column_properties[] = { "period", "value", "status", "note", "source" };

/* The whole text of a cell cut short; nothing for one shown whole */
static gboolean
query_cell_tooltip (GtkWidget  *label,
                    int         x,
                    int         y,
                    gboolean    keyboard_mode,
                    GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (GTK_LABEL (label)));
  return TRUE;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  guint column = GPOINTER_TO_UINT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), column >= 3 ? 40 : 24);
  if (column >= 3)
    {
      /* Long notes and sources are cut at two lines: whole in a tooltip,
       * asked for when the pointer rests on one. Setting each cell's
       * tooltip as it is bound asks the X server where the pointer is,
       * once per cell (a tenth of a language switch) */
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (query_cell_tooltip), NULL);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  guint column = GPOINTER_TO_UINT (data);
  VecinosChartTableRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  GtkWidget *cell = gtk_widget_get_parent (label);
  g_autofree char *text = NULL;
  /* An empty cell shows a dash, not nothing a screen reader names by class */
  const char *shown;

  g_object_get (row, column_properties[column], &text, NULL);
  shown = text != NULL && *text != '\0' ? text : "—";
  gtk_label_set_text (GTK_LABEL (label), shown);
  if (cell == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
  if (column == 0 && gtk_widget_get_parent (cell) != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s, %s", row->period, row->value);

      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (cell)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

/**
 * _vecinos_chart_table_set_up_columns:
 * @table: Show Data's column view, with its five columns: period, value,
 *   status, note, source
 *
 * Gives each column its cells, and names the header and the rows' list.
 */
void
_vecinos_chart_table_set_up_columns (GtkColumnView *table)
{
  GListModel *columns = gtk_column_view_get_columns (table);
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (table));
  GtkWidget *title = header != NULL ? gtk_widget_get_first_child (header) : NULL;
  g_autoptr(GString) titles = g_string_new (NULL);

  g_return_if_fail (g_list_model_get_n_items (columns) == G_N_ELEMENTS (column_properties));

  for (guint i = 0; i < G_N_ELEMENTS (column_properties); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      const char *name = gtk_column_view_column_get_title (column);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (i));
      gtk_column_view_column_set_factory (column, factory);
      g_string_append_printf (titles, "%s%s", i > 0 ? ", " : "", name);
      /* The header's titles, in the columns' order */
      if (title != NULL)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          title = gtk_widget_get_next_sibling (title);
        }
    }
  if (header != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL, titles->str, -1);
      if (gtk_widget_get_next_sibling (header) != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_next_sibling (header)),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Figures of the chart"), -1);
    }
}
