/* vecinos-event-row.h — one event in the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vecinos-event.h"

G_BEGIN_DECLS

#define VECINOS_TYPE_EVENT_ROW (vecinos_event_row_get_type ())

G_DECLARE_FINAL_TYPE (VecinosEventRow, vecinos_event_row, VECINOS, EVENT_ROW, GtkWidget)

GtkWidget *vecinos_event_row_new       (void);
void       vecinos_event_row_set_event (VecinosEventRow *self,
                                        VecinosEvent    *event);
const char *vecinos_event_row_get_text  (VecinosEventRow *self);

G_END_DECLS
