/* vecinos-link.h — a link a screen reader hears as a link
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *vecinos_link_new (const char *uri,
                             const char *text);

G_END_DECLS
