/* vecinos-window-private.h — what the tests look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vecinos-charts-page.h"
#include "vecinos-documents-page.h"
#include "vecinos-search-panel.h"
#include "vecinos-event-page.h"
#include "vecinos-timeline-view.h"
#include "vecinos-window.h"

G_BEGIN_DECLS

GtkSingleSelection *vecinos_window_get_event_selection (VecinosWindow *self);
GtkWidget          *vecinos_window_get_event_list      (VecinosWindow *self);
VecinosEventPage   *vecinos_window_get_event_page      (VecinosWindow *self);
VecinosChartsPage  *vecinos_window_get_charts_page     (VecinosWindow *self);
VecinosDocumentsPage *vecinos_window_get_documents_page (VecinosWindow *self);
VecinosSearchPanel *vecinos_window_get_search_panel    (VecinosWindow *self);
VecinosTimelineView *vecinos_window_get_timeline_view  (VecinosWindow *self);
GtkLabel           *vecinos_window_get_error_label     (VecinosWindow *self);
GtkEditable        *vecinos_window_get_filter_entry    (VecinosWindow *self);
GtkDropDown        *vecinos_window_get_importance_dropdown (VecinosWindow *self);
GtkCheckButton     *vecinos_window_get_category_toggle (VecinosWindow *self,
                                                        const char    *slug);
const char         *vecinos_window_get_visible_page    (VecinosWindow *self);
GtkWidget          *vecinos_window_get_workspace       (VecinosWindow *self);
GtkWidget          *vecinos_window_get_language_button (VecinosWindow *self,
                                                        const char    *language);
const char         *vecinos_window_get_tour_text       (VecinosWindow *self,
                                                        const char    *part);
gboolean            vecinos_window_get_chrome_visible  (VecinosWindow *self);
const char         *vecinos_window_get_open_excerpt    (VecinosWindow *self);
GtkLabel           *vecinos_window_get_filter_count    (VecinosWindow *self);
gboolean            vecinos_window_get_filter_pending  (VecinosWindow *self);
GtkWidget          *vecinos_window_get_clear_filters_button (VecinosWindow *self);
const char         *vecinos_window_get_event_list_message (VecinosWindow *self);

G_END_DECLS
