/* vecinos-empty-state.h — a view that has nothing to show says why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void vecinos_empty_state_set   (GtkWidget  *page,
                                const char *message);
void vecinos_empty_state_clear (GtkWidget  *page);

G_END_DECLS
