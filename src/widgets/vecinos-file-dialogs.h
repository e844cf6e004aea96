/* vecinos-file-dialogs.h — asking where to save a file, and saying why it
 * could not be written: one place for GTK 4.8's native dialogs and the
 * newer GtkFileDialog / GtkAlertDialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called with the local path chosen; not when the dialog is cancelled */
typedef void (*VecinosFileChosen) (const char *path,
                                   gpointer    data);

void vecinos_save_dialog_show  (GtkWindow         *window,
                                const char        *title,
                                const char        *name,
                                const char        *error_title,
                                VecinosFileChosen  chosen,
                                gpointer           data,
                                GDestroyNotify     destroy);
void vecinos_error_dialog_show (GtkWindow         *window,
                                const char        *title,
                                const char        *message);

G_END_DECLS
