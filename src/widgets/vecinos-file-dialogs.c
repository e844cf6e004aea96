/* vecinos-file-dialogs.c — asking where to save a file (the portal's
 * dialog in the Flatpak), and saying why it could not be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vecinos-file-dialogs.h"

typedef struct {
  GtkWindow        *window;
  char             *error_title;
  VecinosFileChosen chosen;
  gpointer          data;
  GDestroyNotify    destroy;
} Pending;

static void
pending_free (Pending *pending)
{
  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_clear_object (&pending->window);
  g_free (pending->error_title);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

/* Files are written beside the chosen one and renamed over it: only a
 * folder on this computer will do */
static void
file_chosen (Pending *pending,
             GFile   *file)
{
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

      vecinos_error_dialog_show (pending->window, pending->error_title, message);
      return;
    }
  pending->chosen (path, pending->data);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
save_chosen (GObject      *dialog,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(Pending) pending = data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (dialog), result, NULL);

  file_chosen (pending, file);
}
#else
static void
save_chosen (GtkNativeDialog *dialog,
             int              response,
             gpointer         data)
{
  g_autoptr(Pending) pending = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      file_chosen (pending, file);
    }
  g_object_unref (dialog);
}
#endif

/**
 * vecinos_save_dialog_show:
 * @title: the dialog's title
 * @name: the file name it suggests
 * @error_title: what a failure is called ("The chart could not be exported")
 * @chosen: called with the local path chosen, if one is
 * @destroy: (nullable): frees @data once the dialog is done
 */
void
vecinos_save_dialog_show (GtkWindow         *window,
                          const char        *title,
                          const char        *name,
                          const char        *error_title,
                          VecinosFileChosen  chosen,
                          gpointer           data,
                          GDestroyNotify     destroy)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->window = g_object_ref (window);
  pending->error_title = g_strdup (error_title);
  pending->chosen = chosen;
  pending->data = data;
  pending->destroy = destroy;
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_save (dialog, window, NULL, save_chosen, pending);
  }
#else
  {
    GtkFileChooserNative *dialog = gtk_file_chooser_native_new (title, window, GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                _("_Export"), _("_Cancel"));

    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
    g_signal_connect (dialog, "response", G_CALLBACK (save_chosen), pending);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  }
#endif
}

/**
 * vecinos_error_dialog_show:
 * @title: what could not be done ("The chart could not be exported")
 * @message: why, in the user's language
 */
void
vecinos_error_dialog_show (GtkWindow  *window,
                           const char *title,
                           const char *message)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkAlertDialog) alert = gtk_alert_dialog_new ("%s", title);

  gtk_alert_dialog_set_detail (alert, message);
  gtk_alert_dialog_show (alert, window);
#else
  GtkWidget *dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", title);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
#endif
}
