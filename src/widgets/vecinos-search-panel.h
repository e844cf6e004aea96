/* vecinos-search-panel.h — one search over the whole dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vecinos-dataset.h"
#include "vecinos-search.h"

G_BEGIN_DECLS

#define VECINOS_TYPE_SEARCH_PANEL (vecinos_search_panel_get_type ())

G_DECLARE_FINAL_TYPE (VecinosSearchPanel, vecinos_search_panel, VECINOS, SEARCH_PANEL, GtkWidget)

void                       vecinos_search_panel_set_dataset  (VecinosSearchPanel *self,
                                                              VecinosDataset     *dataset,
                                                              const char         *language);
void                       vecinos_search_panel_set_text     (VecinosSearchPanel *self,
                                                              const char         *text);
GtkWidget                 *vecinos_search_panel_get_entry    (VecinosSearchPanel *self);
GtkWidget                 *vecinos_search_panel_get_list     (VecinosSearchPanel *self);
guint                      vecinos_search_panel_get_n_results (VecinosSearchPanel *self);
const VecinosSearchResult *vecinos_search_panel_get_result   (VecinosSearchPanel *self,
                                                              guint               index);
const char                *vecinos_search_panel_get_status   (VecinosSearchPanel *self);
void                       vecinos_search_panel_activate_result (VecinosSearchPanel *self,
                                                                 guint               index);

G_END_DECLS
