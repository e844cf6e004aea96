/* vecinos-workspace.h — everything inside the window: the header bar and
 * the three views, built from one template for one language
 *
 * The window keeps the state (a VecinosContext) and the actions; switching
 * language builds a new workspace on the same context, so every text is
 * translated afresh and nothing of the state is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vecinos-context.h"

G_BEGIN_DECLS

#define VECINOS_TYPE_WORKSPACE (vecinos_workspace_get_type ())

G_DECLARE_FINAL_TYPE (VecinosWorkspace, vecinos_workspace, VECINOS, WORKSPACE, GtkWidget)

GtkWidget *vecinos_workspace_new           (VecinosContext   *context,
                                            const GError     *error);
void       vecinos_workspace_show_error    (VecinosWorkspace *self,
                                            const GError     *error);
void       vecinos_workspace_save_state    (VecinosWorkspace *self);
gboolean   vecinos_workspace_show_event    (VecinosWorkspace *self,
                                            const char       *slug);
gboolean   vecinos_workspace_show_series   (VecinosWorkspace *self,
                                            const char       *slug);
gboolean   vecinos_workspace_show_excerpt  (VecinosWorkspace *self,
                                            const char       *slug);
gboolean   vecinos_workspace_show_document (VecinosWorkspace *self,
                                            const char       *slug);
void       vecinos_workspace_zoom          (VecinosWorkspace *self,
                                            const char       *action);
void       vecinos_workspace_popup_search  (VecinosWorkspace *self);
void       vecinos_workspace_focus_language (VecinosWorkspace *self);
void       vecinos_workspace_queue_fit_header (VecinosWorkspace *self);
guint      vecinos_workspace_get_tour_length (VecinosWorkspace *self);
gboolean   vecinos_workspace_get_chrome_visible (VecinosWorkspace *self);
gboolean   vecinos_workspace_step_event    (VecinosWorkspace *self,
                                            gboolean          next);

GMenu     *vecinos_workspace_get_primary_menu (VecinosWorkspace *self);

G_END_DECLS
