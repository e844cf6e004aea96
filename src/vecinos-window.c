/* vecinos-window.c — the main window: header bar, the three views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vecinos-event-page.h"
#include "vecinos-event-row.h"
#include "vecinos-timeline-view.h"
#include "vecinos-paths.h"
#include "vecinos-window-private.h"

struct _VecinosWindow
{
  GtkApplicationWindow  parent_instance;

  VecinosDataset       *dataset;
  char                 *language;
  GSettings            *settings;
  GtkSingleSelection   *event_selection;
  GtkCustomFilter      *filter;
  GHashTable           *hidden_categories;  /* slugs */

  /* Template widgets */
  GtkBox               *category_box;
  GtkLabel             *error_label;
  GtkListView          *event_list;
  GtkSearchEntry       *filter_entry;
  GtkDropDown          *importance_dropdown;
  VecinosEventPage     *event_page;
  VecinosChartsPage    *charts_page;
  VecinosDocumentsPage *documents_page;
  GtkMenuButton        *search_button;
  GtkPopover           *search_popover;
  VecinosSearchPanel   *search_panel;
  GtkStack             *main_stack;
  VecinosTimelineView  *timeline_view;
  GtkStack             *view_stack;
  GtkWidget            *view_switcher;
};

G_DEFINE_FINAL_TYPE (VecinosWindow, vecinos_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void chart_event_activated (VecinosWindow *self,
                                   GObject       *event);
static void document_event_activated (VecinosWindow *self,
                                      const char    *slug);
static void document_series_activated (VecinosWindow *self,
                                       const char    *slug);
static void excerpt_activated (VecinosWindow *self,
                               const char    *slug);
static void search_result_activated (VecinosWindow *self,
                                     int            kind,
                                     const char    *ref);
static void search_shown (VecinosWindow *self);
static void search_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter);

static void
event_selection_changed (VecinosWindow *self)
{
  guint position = gtk_single_selection_get_selected (self->event_selection);

  /* One selection: the chart highlights the event the timeline selected */
  vecinos_chart_view_set_selected_event (vecinos_charts_page_get_chart (self->charts_page),
                                         gtk_single_selection_get_selected_item (self->event_selection));
  vecinos_event_page_set_event (self->event_page,
                                gtk_single_selection_get_selected_item (self->event_selection));
  /* Selected on the timeline, the event shows in the list too
   * (gtk_list_view_scroll_to() needs GTK 4.12) */
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->event_list), "list.scroll-to-item", "u", position);
}

/* The same filter decides what the timeline and the list show */
static gboolean
event_visible (gpointer item,
               gpointer user_data)
{
  VecinosWindow *self = user_data;
  VecinosEvent *event = item;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  guint most_minor = gtk_drop_down_get_selected (self->importance_dropdown) + 1;

  if ((guint) vecinos_event_get_importance (event) > most_minor)
    return FALSE;
  if (g_hash_table_contains (self->hidden_categories, vecinos_event_get_category (event)))
    return FALSE;
  /* Matches word beginnings, ignoring case and accents: "lopez" finds "López" */
  return *text == '\0' ||
         g_str_match_string (text, vecinos_event_get_title (event), TRUE) ||
         g_str_match_string (text, vecinos_event_get_summary (event), TRUE);
}

static void
filters_changed (VecinosWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
category_toggled (GtkCheckButton *button,
                  VecinosWindow  *self)
{
  const char *slug = g_object_get_data (G_OBJECT (button), "category");

  if (gtk_check_button_get_active (button))
    g_hash_table_remove (self->hidden_categories, slug);
  else
    g_hash_table_add (self->hidden_categories, g_strdup (slug));
  filters_changed (self);
}

static void
add_category_toggles (VecinosWindow *self,
                      GListModel    *events,
                      GPtrArray     *categories)
{
  for (guint c = 0; c < categories->len; c++)
    {
      const VecinosCategory *category = g_ptr_array_index (categories, c);
      g_autofree char *label = NULL;
      GtkWidget *button;
      guint count = 0;

      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(VecinosEvent) event = g_list_model_get_item (events, i);
          count += g_str_equal (vecinos_event_get_category (event), category->slug);
        }

      /* Translators: a category and how many events it has, as "Trade (38)" */
      label = g_strdup_printf (_("%1$s (%2$u)"), category->name, count);
      button = gtk_check_button_new_with_label (label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
      gtk_widget_set_name (button, category->slug);
      g_object_set_data_full (G_OBJECT (button), "category", g_strdup (category->slug), g_free);
      g_signal_connect (button, "toggled", G_CALLBACK (category_toggled), self);
      gtk_box_append (self->category_box, button);
    }
}

/* The file was damaged or replaced after it opened: say so rather than
 * show views that have stopped filling */
static void
dataset_failed (VecinosWindow *self,
                const GError  *error)
{
  vecinos_window_show_error (self, error);
}

static void
load_events (VecinosWindow *self)
{
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect_object (self->dataset, "failed", G_CALLBACK (dataset_failed), self, G_CONNECT_SWAPPED);
  events = vecinos_dataset_list_events (self->dataset, self->language, &error);
  if (events == NULL)
    {
      vecinos_window_show_error (self, error);
      return;
    }
  vecinos_event_page_set_dataset (self->event_page, self->dataset, self->language);
  vecinos_charts_page_set_dataset (self->charts_page, self->dataset, self->language, events);
  vecinos_documents_page_set_dataset (self->documents_page, self->dataset, self->language);
  vecinos_search_panel_set_dataset (self->search_panel, self->dataset, self->language);

  {
    g_autoptr(GPtrArray) categories = vecinos_dataset_list_categories (self->dataset, self->language);
    g_autoptr(GPtrArray) terms = vecinos_dataset_list_terms (self->dataset, self->language);
    GtkFilterListModel *filtered = gtk_filter_list_model_new (g_object_ref (events),
                                                              GTK_FILTER (g_object_ref (self->filter)));

    gtk_single_selection_set_model (self->event_selection, G_LIST_MODEL (filtered));
    g_object_unref (filtered);
    add_category_toggles (self, events, categories);
    vecinos_timeline_view_set_data (self->timeline_view, self->event_selection, categories, terms);
  }
}

/**
 * vecinos_window_show_error:
 *
 * Replaces the views with a page that explains @error.
 */
void
vecinos_window_show_error (VecinosWindow *self,
                           const GError  *error)
{
  g_return_if_fail (VECINOS_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  gtk_label_set_text (self->error_label, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  gtk_widget_set_visible (self->view_switcher, FALSE);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VecinosWindow *self = VECINOS_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->view_stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->view_stack, name);
}

/* The Charts view can show the years the timeline shows: it learns them
 * each time it comes up, since the timeline only moves while it is hidden */
static void
view_changed (VecinosWindow *self)
{
  const VecinosTimeScale *scale;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "charts") != 0)
    return;
  scale = vecinos_timeline_view_get_scale (self->timeline_view);
  if (scale->end > scale->start)
    vecinos_charts_page_set_timeline_range (self->charts_page,
                                            vecinos_chart_day_time ((VecinosDay) floor (scale->start)),
                                            vecinos_chart_day_time ((VecinosDay) ceil (scale->end)));
}

/* The buttons outside the timeline reach its own actions */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VecinosWindow *self = VECINOS_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->timeline_view), g_variant_get_string (parameter, NULL), NULL);
}

static void
restore_state (VecinosWindow *self)
{
  int width, height;

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "last-view",
                   self->view_stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
}

static gboolean
vecinos_window_close_request (GtkWindow *window)
{
  VecinosWindow *self = VECINOS_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (vecinos_window_parent_class)->close_request (window);
}

static void
vecinos_window_constructed (GObject *object)
{
  VecinosWindow *self = VECINOS_WINDOW (object);

  G_OBJECT_CLASS (vecinos_window_parent_class)->constructed (object);

  restore_state (self);
  if (self->dataset != NULL)
    load_events (self);
}

static void
vecinos_window_dispose (GObject *object)
{
  VecinosWindow *self = VECINOS_WINDOW (object);

  g_clear_object (&self->event_selection);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->hidden_categories, g_hash_table_unref);
  g_clear_object (&self->dataset);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vecinos_window_parent_class)->dispose (object);
}

static void
vecinos_window_finalize (GObject *object)
{
  VecinosWindow *self = VECINOS_WINDOW (object);

  g_free (self->language);

  G_OBJECT_CLASS (vecinos_window_parent_class)->finalize (object);
}

static void
vecinos_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VecinosWindow *self = VECINOS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vecinos_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VecinosWindow *self = VECINOS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_dup_object (value);
      break;
    case PROP_LANGUAGE:
      self->language = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vecinos_window_class_init (VecinosWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = vecinos_window_constructed;
  object_class->dispose = vecinos_window_dispose;
  object_class->finalize = vecinos_window_finalize;
  object_class->get_property = vecinos_window_get_property;
  object_class->set_property = vecinos_window_set_property;
  window_class->close_request = vecinos_window_close_request;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, VECINOS_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VECINOS_TYPE_CHARTS_PAGE);
  g_type_ensure (VECINOS_TYPE_DOCUMENTS_PAGE);
  g_type_ensure (VECINOS_TYPE_SEARCH_PANEL);
  g_type_ensure (VECINOS_TYPE_EVENT_PAGE);
  g_type_ensure (VECINOS_TYPE_EVENT_ROW);
  g_type_ensure (VECINOS_TYPE_TIMELINE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vecinos/Vecinos/vecinos-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VecinosWindow, category_box);
  gtk_widget_class_bind_template_child (widget_class, VecinosWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, VecinosWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, VecinosWindow, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, VecinosWindow, importance_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VecinosWindow, event_page);
  gtk_widget_class_bind_template_child (widget_class, VecinosWindow, charts_page);
  gtk_widget_class_bind_template_child (widget_class, VecinosWindow, documents_page);
  gtk_widget_class_bind_template_child (widget_class, VecinosWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, VecinosWindow, search_popover);
  gtk_widget_class_bind_template_child (widget_class, VecinosWindow, search_panel);
  gtk_widget_class_bind_template_child (widget_class, VecinosWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, VecinosWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, VecinosWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, VecinosWindow, view_switcher);

  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.zoom", "s", zoom_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

static void
setup_event_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  gtk_list_item_set_child (item, vecinos_event_row_new ());
}

static void
bind_event_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  vecinos_event_row_set_event (VECINOS_EVENT_ROW (gtk_list_item_get_child (item)),
                               gtk_list_item_get_item (item));
}

static void
vecinos_window_init (VecinosWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = vecinos_paths_new_settings ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_event_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_event_row), NULL);
  gtk_list_view_set_factory (self->event_list, factory);

  self->hidden_categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->filter = gtk_custom_filter_new (event_visible, self, NULL);
  g_signal_connect_object (self->filter_entry, "changed", G_CALLBACK (filters_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->importance_dropdown, "notify::selected",
                           G_CALLBACK (filters_changed), self, G_CONNECT_SWAPPED);

  self->event_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->event_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->event_selection, TRUE);
  g_signal_connect_object (self->event_selection, "notify::selected-item",
                           G_CALLBACK (event_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vecinos_charts_page_get_chart (self->charts_page), "event-activated",
                           G_CALLBACK (chart_event_activated), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->event_list, GTK_SELECTION_MODEL (self->event_selection));
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (view_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->documents_page, "event-activated",
                           G_CALLBACK (document_event_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->documents_page, "series-activated",
                           G_CALLBACK (document_series_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_page, "excerpt-activated",
                           G_CALLBACK (excerpt_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_panel, "result-activated",
                           G_CALLBACK (search_result_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_popover, "show",
                           G_CALLBACK (search_shown), self, G_CONNECT_SWAPPED);
}

GtkWidget *
vecinos_window_new (GtkApplication *application,
                    VecinosDataset *dataset,
                    const char     *language,
                    const GError   *error)
{
  VecinosWindow *self;

  g_return_val_if_fail (dataset != NULL || error != NULL, NULL);

  self = g_object_new (VECINOS_TYPE_WINDOW,
                       "application", application,
                       "dataset", dataset,
                       "language", language,
                       NULL);
  if (dataset == NULL)
    vecinos_window_show_error (self, error);

  return GTK_WIDGET (self);
}

GtkSingleSelection *
vecinos_window_get_event_selection (VecinosWindow *self)
{
  return self->event_selection;
}

GtkWidget *
vecinos_window_get_event_list (VecinosWindow *self)
{
  return GTK_WIDGET (self->event_list);
}

VecinosTimelineView *
vecinos_window_get_timeline_view (VecinosWindow *self)
{
  return self->timeline_view;
}

VecinosEventPage *
vecinos_window_get_event_page (VecinosWindow *self)
{
  return self->event_page;
}

GtkEditable *
vecinos_window_get_filter_entry (VecinosWindow *self)
{
  return GTK_EDITABLE (self->filter_entry);
}

GtkDropDown *
vecinos_window_get_importance_dropdown (VecinosWindow *self)
{
  return self->importance_dropdown;
}

GtkCheckButton *
vecinos_window_get_category_toggle (VecinosWindow *self,
                                    const char    *slug)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->category_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (gtk_widget_get_name (child), slug))
      return GTK_CHECK_BUTTON (child);
  return NULL;
}

GtkLabel *
vecinos_window_get_error_label (VecinosWindow *self)
{
  return self->error_label;
}

const char *
vecinos_window_get_visible_page (VecinosWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "error") == 0)
    return "error";
  return gtk_stack_get_visible_child_name (self->view_stack);
}

/**
 * vecinos_window_get_dataset:
 *
 * Returns: (transfer none) (nullable): the dataset shown, or %NULL when it
 *   could not be opened
 */
VecinosDataset *
vecinos_window_get_dataset (VecinosWindow *self)
{
  g_return_val_if_fail (VECINOS_IS_WINDOW (self), NULL);
  return self->dataset;
}

/* Every event shown again: no words, every category, every importance */
static void
clear_filters (VecinosWindow *self)
{
  GListModel *levels = gtk_drop_down_get_model (self->importance_dropdown);

  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->category_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_CHECK_BUTTON (child))
      gtk_check_button_set_active (GTK_CHECK_BUTTON (child), TRUE);
  if (levels != NULL && g_list_model_get_n_items (levels) > 0)
    gtk_drop_down_set_selected (self->importance_dropdown, g_list_model_get_n_items (levels) - 1);
  filters_changed (self);
}

/* An event chosen elsewhere — @event itself, or the one named @slug:
 * selected, and shown on the timeline, zoomed to it (its filters cleared
 * if they hid it) */
static gboolean
show_event (VecinosWindow *self,
            gpointer       event,
            const char    *slug)
{
  GListModel *model = G_LIST_MODEL (self->event_selection);

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(VecinosEvent) item = g_list_model_get_item (model, i);

          if ((gpointer) item == event || (slug != NULL && g_str_equal (vecinos_event_get_slug (item), slug)))
            {
              gtk_single_selection_set_selected (self->event_selection, i);
              gtk_stack_set_visible_child_name (self->view_stack, "timeline");
              gtk_widget_activate_action (GTK_WIDGET (self->timeline_view), "timeline.zoom-to-selection", NULL);
              gtk_widget_grab_focus (GTK_WIDGET (self->timeline_view));
              return TRUE;
            }
        }
      clear_filters (self);
    }
  return FALSE;
}

static void
chart_event_activated (VecinosWindow *self,
                       GObject       *event)
{
  show_event (self, event, NULL);
}

static void
document_event_activated (VecinosWindow *self,
                          const char    *slug)
{
  show_event (self, NULL, slug);
}

/* A series an excerpt discusses: charted */
static void
document_series_activated (VecinosWindow *self,
                           const char    *slug)
{
  if (vecinos_charts_page_show_series (self->charts_page, slug))
    gtk_stack_set_visible_child_name (self->view_stack, "charts");
}

/* Whatever a search found, where it lives */
static void
search_result_activated (VecinosWindow *self,
                         int            kind,
                         const char    *ref)
{
  gtk_popover_popdown (self->search_popover);
  switch (kind)
    {
    case VECINOS_SEARCH_EVENT:
      show_event (self, NULL, ref);
      break;
    case VECINOS_SEARCH_EXCERPT:
      excerpt_activated (self, ref);
      break;
    case VECINOS_SEARCH_SERIES:
      document_series_activated (self, ref);
      gtk_widget_grab_focus (GTK_WIDGET (vecinos_charts_page_get_chart (self->charts_page)));
      break;
    case VECINOS_SEARCH_DOCUMENT:
      gtk_stack_set_visible_child_name (self->view_stack, "documents");
      vecinos_documents_page_show_document (self->documents_page, ref);
      gtk_widget_grab_focus (vecinos_documents_page_get_list (self->documents_page));
      break;
    default:
      break;
    }
}

static void
search_shown (VecinosWindow *self)
{
  gtk_widget_grab_focus (vecinos_search_panel_get_entry (self->search_panel));
}

/* Ctrl+F */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VecinosWindow *self = VECINOS_WINDOW (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->search_button)))
    gtk_menu_button_popup (self->search_button);
}

/* An excerpt beside an event: read in its document */
static void
excerpt_activated (VecinosWindow *self,
                   const char    *slug)
{
  gtk_stack_set_visible_child_name (self->view_stack, "documents");
  vecinos_documents_page_show_excerpt (self->documents_page, slug);
}

VecinosSearchPanel *
vecinos_window_get_search_panel (VecinosWindow *self)
{
  g_return_val_if_fail (VECINOS_IS_WINDOW (self), NULL);
  return self->search_panel;
}

VecinosDocumentsPage *
vecinos_window_get_documents_page (VecinosWindow *self)
{
  g_return_val_if_fail (VECINOS_IS_WINDOW (self), NULL);
  return self->documents_page;
}

VecinosChartsPage *
vecinos_window_get_charts_page (VecinosWindow *self)
{
  g_return_val_if_fail (VECINOS_IS_WINDOW (self), NULL);
  return self->charts_page;
}
