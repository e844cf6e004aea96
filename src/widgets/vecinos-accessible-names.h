/* vecinos-accessible-names.h — names a screen reader hears where GTK 4.8
 * gives none (or a class name) of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void vecinos_accessible_name_mnemonic    (GtkWidget         *widget,
                                          const char        *mnemonic);
void vecinos_accessible_name_scrollbars  (GtkScrolledWindow *scrolled,
                                          const char        *name);
void vecinos_accessible_hide_decoration  (GtkWidget         *widget);

G_END_DECLS
