/* vecinos-charts-page-actions.c — what the Charts view does with its chart
 *
 * charts.copy-citation puts the series' citation on the clipboard;
 * charts.export(s) asks where to write the chart as an image, drawing,
 * document or its figures (the parameter is the file's extension: png, svg,
 * pdf or csv) at the size chosen in the Export menu. GTK 4.10 asks with a
 * GtkFileDialog and says a failure with a GtkAlertDialog; GTK 4.8 with a
 * GtkFileChooserNative and a GtkMessageDialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vecinos-charts-page-private.h"
#include "vecinos-file-dialogs.h"

/* The sizes a chart is exported at, in the order of the Size list in
 * vecinos-charts-page.ui */
static const struct {
  int width, height;
} export_sizes[] = {
  { 1920, 1080 },       /* for slides */
  { 1280, 720 },        /* for a projector */
  { 3840, 2160 },       /* for print */
  { 1080, 1080 },       /* square */
};

static void
copy_citation (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VecinosChartsPage *self = VECINOS_CHARTS_PAGE (widget);
  const VecinosSeries *series = vecinos_chart_view_get_series (self->chart);
  const VecinosSeries *compare = vecinos_chart_view_get_compare (self->chart);
  g_autofree char *citation = NULL;

  if (series == NULL)
    return;
  citation = vecinos_series_format_citation (series);
  if (compare != NULL)
    {
      /* A comparison cites both series, a line each */
      g_autofree char *first = g_steal_pointer (&citation);
      g_autofree char *second = vecinos_series_format_citation (compare);

      citation = g_strconcat (first, "\n", second, NULL);
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), citation);
  _vecinos_charts_page_set_status (self, compare != NULL ? _("Both citations copied to the clipboard.")
                                                         : _("Citation copied to the clipboard."));
}

/**
 * _vecinos_charts_page_set_status:
 * @text: (nullable): what the last action did, or %NULL to say nothing
 *
 * Shown beside the buttons, in a label a screen reader reads as a status
 */
void
_vecinos_charts_page_set_status (VecinosChartsPage *self,
                                 const char        *text)
{
  gtk_label_set_text (self->status, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status), text != NULL);
#if GTK_CHECK_VERSION (4, 14, 0)
  if (text != NULL)
    gtk_accessible_announce (GTK_ACCESSIBLE (self->status), text,
                             GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#endif
}

/**
 * vecinos_charts_page_export:
 * @path: ends in .png, .svg, .pdf or .csv
 *
 * Writes the chart as shown (compared series, indexes, per person,
 * logarithmic axis and the selected event included) at the size chosen
 * under it, or its figures for .csv, and says so beside the buttons.
 */
gboolean
vecinos_charts_page_export (VecinosChartsPage  *self,
                            const char         *path,
                            GError            **error)
{
  guint size;
  VecinosChart chart = { 0 };

  g_return_val_if_fail (VECINOS_IS_CHARTS_PAGE (self), FALSE);

  size = gtk_drop_down_get_selected (self->export_size);
  if (size >= G_N_ELEMENTS (export_sizes))
    size = 0;
  vecinos_chart_view_get_chart (self->chart, &chart);
  if (chart.series == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Choose an indicator first."));
      return FALSE;
    }
  chart.background = TRUE;
  chart.focus_year = 0;
  chart.hover_year = 0;
  if (!vecinos_chart_export (&chart, path, export_sizes[size].width, export_sizes[size].height, error))
    {
      _vecinos_charts_page_set_status (self, NULL);
      return FALSE;
    }
  {
    g_autofree char *name = g_filename_display_name (path);
    /* Translators: %s is the file the chart was written to */
    g_autofree char *done = g_strdup_printf (_("Exported to “%s”."), name);

    _vecinos_charts_page_set_status (self, done);
  }
  return TRUE;
}

/* A path chosen: written beside it and renamed over it — a failure keeps
 * the previous file, and a dialog says why in the user's language */
static void
export_to_path (const char *path,
                gpointer    data)
{
  VecinosChartsPage *self = data;
  g_autoptr(GError) error = NULL;

  if (!vecinos_charts_page_export (self, path, &error))
    vecinos_error_dialog_show (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                               _("The chart could not be exported"), error->message);
}

/* charts.export: asks where, suggesting the series' id and the extension
 * given */
static void
export_chart (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VecinosChartsPage *self = VECINOS_CHARTS_PAGE (widget);
  const char *extension = g_variant_get_string (parameter, NULL);
  const VecinosSeries *series = vecinos_chart_view_get_series (self->chart);
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autofree char *name = NULL;

  if (series == NULL)
    return;
  gtk_menu_button_popdown (self->export_button);
  name = g_strconcat (series->slug, ".", extension, NULL);
  vecinos_save_dialog_show (window, _("Export Chart"), name, _("The chart could not be exported"),
                            export_to_path, g_object_ref (self), g_object_unref);
}

void
_vecinos_charts_page_class_actions_init (VecinosChartsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "charts.copy-citation", NULL, copy_citation);
  gtk_widget_class_install_action (widget_class, "charts.export", "s", export_chart);
}
