/* vecinos-tour-export-dialog.c — Export Tour as PDF…, from the window
 *
 * Asks where to write the handout of a tour (vecinos_tour_export(), the
 * same as `vecinos --export-tour`), suggesting TOUR-ID.pdf, in the
 * window's language and on the locale's paper, through the same dialogs as
 * the chart's Export (vecinos-file-dialogs.c). A failure is said in the
 * window, never more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vecinos-file-dialogs.h"
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

/* A path chosen: written beside it and renamed over it — a failure keeps
 * the previous file, and a dialog says why in the user's language */
static void
export_to_path (const char *path,
                gpointer    data)
{
  Request *request = data;
  g_autoptr(GError) error = NULL;

  if (!vecinos_tour_export (request->dataset, request->tour, request->language, vecinos_paper_default (),
                            path, &error))
    vecinos_error_dialog_show (request->window, _("The tour could not be exported"), error->message);
}

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
  vecinos_save_dialog_show (window, _("Export Tour as PDF"), name, _("The tour could not be exported"),
                            export_to_path, request, (GDestroyNotify) request_free);
}
