/* vecinos-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vecinos-context.h"

G_BEGIN_DECLS

#define VECINOS_TYPE_WINDOW (vecinos_window_get_type ())

G_DECLARE_FINAL_TYPE (VecinosWindow, vecinos_window, VECINOS, WINDOW, GtkApplicationWindow)

GtkWidget *vecinos_window_new        (GtkApplication *application,
                                      VecinosDataset *dataset,
                                      const char     *language,
                                      const GError   *error);
GtkWidget *vecinos_window_new_for_context (GtkApplication *application,
                                           VecinosContext *context,
                                           const GError   *error);
VecinosDataset *vecinos_window_get_dataset (VecinosWindow *self);
VecinosContext *vecinos_window_get_context (VecinosWindow *self);
gboolean        vecinos_window_open_dataset (VecinosWindow *self,
                                             GFile         *file);
void            vecinos_window_remember_timeline (VecinosWindow *self,
                                                  GFile         *file);

G_END_DECLS
