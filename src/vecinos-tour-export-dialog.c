/* vecinos-tour-export-dialog.c — Export Tour as PDF…, from the window
 *
 * Asks where to write the handout of a tour (vecinos_tour_export(), the
 * same as `vecinos --export-tour`), suggesting TOUR-ID.pdf, in the
 * window's language and on the locale's paper. As the chart's Export does
 * (vecinos-charts-page-actions.c): GTK 4.10 asks with a GtkFileDialog and
 * says a failure with a GtkAlertDialog; GTK 4.8 with a
 * GtkFileChooserNative (the portal's dialog in the Flatpak) and a
 * GtkMessageDialog. A failure is said in the window, never more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vecinos-tour-export.h"
#include "vecinos-tour-export-dialog.h"

/* What is exported, kept while the dialog is open */
typedef struct {
  GtkWindow      *window;
  VecinosDataset *dataset;
  char           *tour;
  char           *language;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->window);
  g_clear_object (&request->dataset);
  g_free (request->tour);
  g_free (request->language);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static void
show_error (GtkWindow  *window,
            const char *message)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkAlertDialog) alert = gtk_alert_dialog_new ("%s", _("The tour could not be exported"));

  gtk_alert_dialog_set_detail (alert, message);
  gtk_alert_dialog_show (alert, window);
#else
  GtkWidget *dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s",
                                              _("The tour could not be exported"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
#endif
}

static void
export_to_file (Request *request,
                GFile   *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message =
        /* Translators: %s is where the user chose to export, such as an address */
        g_strdup_printf (_("Cannot export to “%s”: choose a folder on this computer."), name);

      show_error (request->window, message);
      return;
    }
  /* Written beside the chosen file and renamed over it: a failure keeps
   * the previous file, and the dialog says why in the user's language */
  if (!vecinos_tour_export (request->dataset, request->tour, request->language, vecinos_paper_default (),
                            path, &error))
    show_error (request->window, error->message);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
export_chosen (GObject      *dialog,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(Request) request = data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (dialog), result, NULL);

  export_to_file (request, file);
}
#else
static void
export_chosen (GtkNativeDialog *dialog,
               int              response,
               gpointer         data)
{
  g_autoptr(Request) request = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      export_to_file (request, file);
    }
  g_object_unref (dialog);
}
#endif

/**
 * vecinos_tour_export_dialog_show:
 * @tour: the id of a tour of @dataset
 * @language: the language of its texts
 *
 * Asks where to write @tour as a PDF handout, then writes it there.
 */
void
vecinos_tour_export_dialog_show (GtkWindow      *window,
                                 VecinosDataset *dataset,
                                 const char     *tour,
                                 const char     *language)
{
  Request *request;
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (VECINOS_IS_DATASET (dataset));
  g_return_if_fail (tour != NULL && language != NULL);

  request = g_new0 (Request, 1);
  request->window = g_object_ref (window);
  request->dataset = g_object_ref (dataset);
  request->tour = g_strdup (tour);
  request->language = g_strdup (language);
  name = g_strconcat (tour, ".pdf", NULL);
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Export Tour as PDF"));
    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_save (dialog, window, NULL, export_chosen, request);
  }
#else
  {
    GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Export Tour as PDF"), window,
                                                                GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                _("_Export"), _("_Cancel"));

    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
    g_signal_connect (dialog, "response", G_CALLBACK (export_chosen), request);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  }
#endif
}
