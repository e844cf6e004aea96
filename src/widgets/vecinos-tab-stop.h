/* vecinos-tab-stop.h — a list that Tab enters and leaves as one stop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VECINOS_TYPE_TAB_STOP (vecinos_tab_stop_get_type ())
G_DECLARE_FINAL_TYPE (VecinosTabStop, vecinos_tab_stop, VECINOS, TAB_STOP, GtkWidget)

GtkWidget *vecinos_tab_stop_new       (void);
GtkWidget *vecinos_tab_stop_get_child (VecinosTabStop *self);
void       vecinos_tab_stop_set_child (VecinosTabStop *self,
                                       GtkWidget      *child);

G_END_DECLS
