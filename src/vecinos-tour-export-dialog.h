/* vecinos-tour-export-dialog.h — Export Tour as PDF…, from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vecinos-dataset.h"

G_BEGIN_DECLS

void vecinos_tour_export_dialog_show (GtkWindow      *window,
                                      VecinosDataset *dataset,
                                      const char     *tour,
                                      const char     *language);

G_END_DECLS
