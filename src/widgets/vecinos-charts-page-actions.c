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

static void
show_error (VecinosChartsPage *self,
            const char        *message)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkAlertDialog) alert = gtk_alert_dialog_new ("%s", _("The chart could not be exported"));

  gtk_alert_dialog_set_detail (alert, message);
  gtk_alert_dialog_show (alert, window);
#else
  GtkWidget *dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s",
                                              _("The chart could not be exported"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
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

static void
export_to_file (VecinosChartsPage *self,
                GFile             *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (file == NULL)
    return;
  /* Written beside the chosen file and renamed over it: a failure keeps
   * the previous file, and the dialog says why in the user's language */
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message =
        /* Translators: %s is where the user chose to export, such as an address */
        g_strdup_printf (_("Cannot export to “%s”: choose a folder on this computer."), name);

      show_error (self, message);
      return;
    }
  if (!vecinos_charts_page_export (self, path, &error))
    show_error (self, error->message);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
export_chosen (GObject      *dialog,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(VecinosChartsPage) self = data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (dialog), result, NULL);

  export_to_file (self, file);
}
#else
static void
export_chosen (GtkNativeDialog *dialog,
               int              response,
               gpointer         data)
{
  g_autoptr(VecinosChartsPage) self = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      export_to_file (self, file);
    }
  g_object_unref (dialog);
}
#endif

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
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Export Chart"));
    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_save (dialog, window, NULL, export_chosen, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Export Chart"), window,
                                                                GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                _("_Export"), _("_Cancel"));

    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
    g_signal_connect (dialog, "response", G_CALLBACK (export_chosen), g_object_ref (self));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  }
#endif
}

void
_vecinos_charts_page_class_actions_init (VecinosChartsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "charts.copy-citation", NULL, copy_citation);
  gtk_widget_class_install_action (widget_class, "charts.export", "s", export_chart);
}
