/* vecinos-workspace.c — the header bar and the three views, for one language
 *
 * Built from vecinos-workspace.ui on a VecinosContext: it shows the state
 * the context holds when it is built (the selected event, the timeline's
 * range, the filters, the view, the chart, the document and the search)
 * and writes every change back to it, so that another workspace — in the
 * other language — can take its place without the class losing anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vecinos-event-page.h"
#include "vecinos-event-row.h"
#include "vecinos-tab-stop.h"
#include "vecinos-timeline-view.h"
#include "vecinos-window-private.h"
#include "vecinos-workspace.h"
#include "vecinos-event-list.h"
#include "vecinos-excerpt.h"

struct _VecinosWorkspace
{
  GtkWidget             parent_instance;

  VecinosContext       *context;
  GtkSingleSelection   *event_selection;
  VecinosEventList     *events;        /* the selection's model */
  GPtrArray            *categories;    /* of VecinosCategory: the rows */
  /* A large timeline's words: looked up in another thread as they are
   * typed (look_up), applied after a pause in typing (filter_timeout), or
   * when the lookup ends if the pause ended first (filter_waiting) */
  guint                 filter_timeout;
  GCancellable         *look_up;
  gboolean              filter_waiting;
  gboolean              restoring;     /* the state is being applied, not changed */
  GPtrArray            *tour_steps;    /* of VecinosTourStep: the context's tour, or NULL */
  char                 *tour_title;
  guint                 n_events;      /* before the filters */

  /* Template widgets */
  GtkBox               *category_box;
  GtkWidget            *event_list_scroller;
  GtkWidget            *filter_bar;
  GtkLabel             *filter_count;
  GtkWidget            *filter_empty;
  GtkWidget            *event_list_empty;
  GtkWidget            *clear_filters_button;
  VecinosChartsPage    *charts_page;     /* built when first shown, see charts_page () */
  VecinosDocumentsPage *documents_page;  /* the same, see documents_page () */
  GtkBox               *charts_slot;     /* the stack's page, which holds it */
  GtkBox               *documents_slot;
  GtkToggleButton      *english_button;
  GtkLabel             *error_label;
  VecinosEventPage     *event_page;
  GtkListView          *event_list;
  GtkSearchEntry       *filter_entry;
  GtkWidget            *header_bar;
  GtkPaned             *timeline_paned;  /* the timeline and list | the event */
  int                   paned_position;  /* as it was before presenting */
  GtkDropDown          *importance_dropdown;
  GtkBox               *language_box;
  GtkStack             *main_stack;
  GtkMenuButton        *search_button;
  GMenu                *primary_menu;
  GtkMenuButton        *main_menu_button;
  VecinosSearchPanel   *search_panel;
  GtkPopover           *search_popover;
  GtkToggleButton      *spanish_button;
  VecinosTimelineView  *timeline_view;
  GtkRevealer          *tour_bar;
  GtkButton            *tour_next;
  GtkButton            *tour_previous;
  GtkLabel             *tour_progress;
  GtkDropDown          *tour_steps_dropdown;
  GtkLabel             *tour_text;
  GtkBox               *tours_box;
  GtkMenuButton        *tours_button;
  GtkWidget            *view_switcher;
  GtkWidget            *view_switcher_bar;  /* the same, under the header */
  GtkWidget            *views_scroller;     /* scrolls only with large text */
  guint                 fit_header_tick;
  guint                 fit_header_id;
  GtkStack             *view_stack;
};

G_DEFINE_FINAL_TYPE (VecinosWorkspace, vecinos_workspace, GTK_TYPE_WIDGET)

static void clear_filters   (VecinosWorkspace *self);
static void add_tours       (VecinosWorkspace *self,
                             VecinosDataset   *dataset,
                             const char       *language);
static void load_tour       (VecinosWorkspace *self);
static void update_tour_bar (VecinosWorkspace *self);
static gboolean reveal_selection (gpointer data);
static void focus_tour_view (VecinosWorkspace *self);
static VecinosChartsPage *charts_page (VecinosWorkspace *self);
static void chart_event_activated (VecinosWorkspace *self,
                                   GObject          *event);
static VecinosDocumentsPage *documents_page (VecinosWorkspace *self);

/* Selected on the timeline, the event shows in the list too
 * (gtk_list_view_scroll_to() needs GTK 4.12) */
static void
scroll_list_to_selection (VecinosWorkspace *self)
{
  guint position = gtk_single_selection_get_selected (self->event_selection);

  if (position != GTK_INVALID_LIST_POSITION && gtk_list_view_get_model (self->event_list) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->event_list), "list.scroll-to-item", "u", position);
}

static void
event_selection_changed (VecinosWorkspace *self)
{
  VecinosEvent *event = gtk_single_selection_get_selected_item (self->event_selection);

  /* One selection: the chart highlights the event the timeline selected */
  if (self->charts_page != NULL)
    vecinos_chart_view_set_selected_event (vecinos_charts_page_get_chart (self->charts_page), event);
  vecinos_event_page_set_event (self->event_page, event);
  scroll_list_to_selection (self);
  if (!self->restoring)
    vecinos_context_set_event (self->context, event != NULL ? vecinos_event_get_slug (event) : NULL);
}

/* How many events the filters let through, said as it changes (a status:
 * GTK 4.14 also announces it); none, and the timeline says so with the
 * way back */
static void
update_filter_count (VecinosWorkspace *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->event_selection));
  g_autofree char *shown_text = vecinos_format_number (shown);
  g_autofree char *all_text = vecinos_format_number (self->n_events);
  g_autofree char *text = NULL;

  /* The numbers grouped by thousands: "100,000 events", not "100000" */
  if (shown == self->n_events)
    /* Translators: how many events the timeline shows, when no filter
     * hides any; %s is a number such as "185" or "100,000" */
    text = g_strdup_printf (ngettext ("%s event", "%s events", shown), shown_text);
  else
    /* Translators: how many events the filters let through, of all of
     * them: "12 of 185 events"; the numbers are written "100,000" */
    text = g_strdup_printf (ngettext ("%1$s of %2$s event", "%1$s of %2$s events", self->n_events),
                            shown_text, all_text);
  gtk_widget_set_visible (self->filter_empty, shown == 0 && self->n_events > 0);
  gtk_widget_set_visible (self->event_list_empty, shown == 0 && self->n_events > 0);
  if (g_strcmp0 (gtk_label_get_text (self->filter_count), text) == 0)
    return;
  gtk_label_set_text (self->filter_count, text);
#if GTK_CHECK_VERSION (4, 14, 0)
  if (!self->restoring)
    gtk_accessible_announce (GTK_ACCESSIBLE (self->filter_count), text, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#endif
}

/* The context's filters applied to the events: the same filter decides
 * what the timeline and the list show. Words match the beginnings of the
 * title's and the summary's words, ignoring case and accents ("lopez"
 * finds "López") */
static void
apply_filters (VecinosWorkspace *self)
{
  const char * const *hidden = vecinos_context_get_hidden_categories (self->context);
  g_autofree gboolean *hidden_rows = NULL;

  /* The words are read now, if a lookup has not found them yet */
  g_clear_handle_id (&self->filter_timeout, g_source_remove);
  g_cancellable_cancel (self->look_up);
  g_clear_object (&self->look_up);
  self->filter_waiting = FALSE;
  if (self->events == NULL)
    return;
  hidden_rows = g_new0 (gboolean, MAX (self->categories->len, 1));
  for (guint c = 0; hidden != NULL && c < self->categories->len; c++)
    hidden_rows[c] = g_strv_contains (hidden, ((VecinosCategory *) g_ptr_array_index (self->categories, c))->slug);
  vecinos_event_list_set_filter (self->events, hidden_rows, self->categories->len,
                                 vecinos_context_get_importance (self->context),
                                 vecinos_context_get_filter_text (self->context),
                                 gtk_single_selection_get_selected_item (self->event_selection));
  update_filter_count (self);
}

static gboolean
filter_pause_over (gpointer data)
{
  VecinosWorkspace *self = data;

  self->filter_timeout = 0;
  if (self->look_up != NULL)
    self->filter_waiting = TRUE;
  else
    apply_filters (self);
  return G_SOURCE_REMOVE;
}

static void
words_looked_up (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(VecinosWorkspace) self = data;
  g_autoptr(GError) error = NULL;

  /* Cancelled: other words were typed, the filter read them itself, or
   * the workspace was disposed (its events let go) */
  if (self->events == NULL)
    return;
  if (!vecinos_event_list_look_up_finish (self->events, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->look_up);
  if (self->filter_waiting)
    apply_filters (self);
}

/* Past this many events, the words typed are looked up after a pause in
 * typing, not at each key; the entry shows each key at once */
#define FILTER_PAUSE_EVENTS 20000
#define FILTER_PAUSE_MS 150

static void
filter_text_applies (VecinosWorkspace *self)
{
  if (self->n_events < FILTER_PAUSE_EVENTS || self->restoring)
    {
      apply_filters (self);
      return;
    }
  /* The lookup starts at each key, in another thread (a million events:
   * some 50 ms), so that the pause is not followed by it */
  g_cancellable_cancel (self->look_up);
  g_clear_object (&self->look_up);
  self->look_up = g_cancellable_new ();
  self->filter_waiting = FALSE;
  vecinos_event_list_look_up_async (self->events, vecinos_context_get_filter_text (self->context), self->look_up,
                                    words_looked_up, g_object_ref (self));
  g_clear_handle_id (&self->filter_timeout, g_source_remove);
  self->filter_timeout = g_timeout_add (FILTER_PAUSE_MS, filter_pause_over, self);
}

/* The keyboard comes into the list on the selected event, not on the row
 * it left last (GTK 4.8's list keeps that one, whatever the timeline
 * selected since); coming in selects nothing. A list given its rows after
 * it was shown (fill_list ()) has no row of its own to go to yet: the
 * keyboard lands on the list itself, and is put on the selected row, or
 * the first */
static gboolean
focus_selected_row (gpointer data)
{
  VecinosWorkspace *self = data;
  guint selected = gtk_single_selection_get_selected (self->event_selection);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->event_list));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *list = GTK_WIDGET (self->event_list);

  if (focus == list && selected == GTK_INVALID_LIST_POSITION && gtk_widget_get_first_child (list) != NULL)
    {
      gtk_widget_grab_focus (gtk_widget_get_first_child (list));
      return G_SOURCE_REMOVE;
    }
  if (selected == GTK_INVALID_LIST_POSITION || focus == NULL ||
      (focus != list && !gtk_widget_is_ancestor (focus, list)))
    return G_SOURCE_REMOVE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->event_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);
      GtkListItem *item = child != NULL ? g_object_get_data (G_OBJECT (child), "vecinos-list-item") : NULL;

      if (item != NULL && gtk_list_item_get_position (item) == selected)
        {
          if (focus != row)
            gtk_widget_grab_focus (row);
          return G_SOURCE_REMOVE;
        }
    }
  return G_SOURCE_REMOVE;
}

/* Once the list has put the keyboard where it wanted */
static void
event_list_entered (VecinosWorkspace *self)
{
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, focus_selected_row, g_object_ref (self), g_object_unref);
}

/* Enter on a row (Space selects it too): the event, on the timeline */
static void
event_row_activated (VecinosWorkspace *self,
                     guint             position)
{
  gtk_single_selection_set_selected (self->event_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->timeline_view), "timeline.zoom-to-selection", NULL);
}

/* GTK 4.8's drop-down gives the keyboard to a button inside it, which a
 * screen reader heard as "GtkToggleButton", never with its value: the
 * button takes the drop-down's name and the value chosen */
static void
name_drop_down (GtkDropDown *drop_down,
                GParamSpec  *pspec,
                const char  *name)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
  gpointer item = gtk_drop_down_get_selected_item (drop_down);
  g_autofree char *label = NULL;

  if (button == NULL || !GTK_IS_TOGGLE_BUTTON (button))
    return;
  if (item != NULL && GTK_IS_STRING_OBJECT (item))
    /* Translators: a drop-down's name, then the value chosen in it */
    label = g_strdup_printf (_("%1$s: %2$s"), name, gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : name, -1);
  /* What the button shows (GTK's stack of list items) is in its name */
  if (gtk_widget_get_first_child (button) != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (gtk_widget_get_first_child (button)),
                                 GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
}

static void
watch_drop_down (GtkDropDown *drop_down,
                 const char  *name)
{
  g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (name_drop_down), (gpointer) name);
  name_drop_down (drop_down, NULL, name);
}

/* The parts GTK draws inside its widgets, with no name of their own, were
 * heard by their class names ("GtkScrollbar", "GtkBuiltinIcon"): hidden
 * from screen readers, which scroll by moving the focus and hear a menu
 * button's arrow in its role */
static void
hide_unnamed_parts (GtkWidget *widget)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);

  if (GTK_IS_SCROLLBAR (widget) || g_str_equal (type, "GtkBuiltinIcon") || g_str_equal (type, "GtkPanedHandle"))
    gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    hide_unnamed_parts (child);
}

/* While the search is open: Escape closes it (the entry kept it), and the
 * window's keys — the views, F10 — still go */
static gboolean
search_key_pressed (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    VecinosWorkspace      *self)
{
  static const char * const views[] = { "timeline", "charts", "documents" };

  state &= gtk_accelerator_get_default_mod_mask ();
  if (state == 0 && keyval == GDK_KEY_Escape)
    {
      gtk_popover_popdown (self->search_popover);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_button));
      return TRUE;
    }
  if (state == GDK_ALT_MASK && keyval >= GDK_KEY_1 && keyval <= GDK_KEY_3)
    {
      gtk_popover_popdown (self->search_popover);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-view", "s", views[keyval - GDK_KEY_1]);
      return TRUE;
    }
  if (state == 0 && keyval == GDK_KEY_F10)
    {
      gtk_popover_popdown (self->search_popover);
      gtk_menu_button_popup (self->main_menu_button);
      return TRUE;
    }
  return FALSE;
}

static void
filter_text_changed (VecinosWorkspace *self)
{
  vecinos_context_set_filter_text (self->context, gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
}

static void
importance_changed (VecinosWorkspace *self)
{
  vecinos_context_set_importance (self->context, gtk_drop_down_get_selected (self->importance_dropdown) + 1);
}

static void
category_toggled (VecinosWorkspace *self)
{
  g_autoptr(GStrvBuilder) hidden = g_strv_builder_new ();
  g_auto(GStrv) slugs = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->category_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      g_strv_builder_add (hidden, gtk_widget_get_name (child));
  slugs = g_strv_builder_end (hidden);
  vecinos_context_set_hidden_categories (self->context, (const char * const *) slugs);
}

static void
add_category_toggles (VecinosWorkspace *self,
                      GPtrArray        *categories)
{
  const char * const *hidden = vecinos_context_get_hidden_categories (self->context);

  for (guint c = 0; c < categories->len; c++)
    {
      const VecinosCategory *category = g_ptr_array_index (categories, c);
      g_autofree char *label = NULL;
      GtkWidget *button;

      /* Translators: a category and how many events it has, as "Trade (38)" */
      label = g_strdup_printf (_("%1$s (%2$u)"), category->name, vecinos_event_list_count_row (self->events, c));
      button = gtk_check_button_new_with_label (label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                                   hidden == NULL || !g_strv_contains (hidden, category->slug));
      gtk_widget_set_name (button, category->slug);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (category_toggled), self);
      gtk_box_append (self->category_box, button);
    }
}

/* The file was damaged or replaced after it opened: say so rather than
 * show views that have stopped filling */
static void
dataset_failed (VecinosWorkspace *self,
                const GError     *error)
{
  vecinos_workspace_show_error (self, error);
}

static guint
find_event (VecinosWorkspace *self,
            const char       *slug)
{
  return self->events != NULL ? vecinos_event_list_find (self->events, slug) : GTK_INVALID_LIST_POSITION;
}

/* What the context says, shown: the workspace is new, the state is not */
static void
restore_state (VecinosWorkspace *self)
{
  VecinosContext *context = self->context;
  double start, end;

  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry),
                         vecinos_context_get_filter_text (context) != NULL
                         ? vecinos_context_get_filter_text (context) : "");
  gtk_drop_down_set_selected (self->importance_dropdown, vecinos_context_get_importance (context) - 1);
  gtk_single_selection_set_selected (self->event_selection,
                                     find_event (self, vecinos_context_get_event (context)));
  vecinos_context_get_visible_range (context, &start, &end);
  if (end > start)
    vecinos_timeline_view_set_visible_range (self->timeline_view, start, end);

  if (vecinos_context_get_search_text (context) != NULL)
    vecinos_search_panel_set_text (self->search_panel, vecinos_context_get_search_text (context));
  /* The step is where it was: only its words are read again */
  load_tour (self);
  update_tour_bar (self);
}

static void
load_events (VecinosWorkspace *self)
{
  VecinosDataset *dataset = vecinos_context_get_dataset (self->context);
  const char *language = vecinos_context_get_language (self->context);
  g_autoptr(GError) error = NULL;

  g_signal_connect_object (dataset, "failed", G_CALLBACK (dataset_failed), self, G_CONNECT_SWAPPED);
  self->events = vecinos_event_list_new (dataset, language, &error);
  if (self->events == NULL)
    {
      vecinos_workspace_show_error (self, error);
      return;
    }
  vecinos_event_page_set_dataset (self->event_page, dataset, language);
  vecinos_search_panel_set_dataset (self->search_panel, dataset, language);

  {
    g_autoptr(GPtrArray) terms = vecinos_dataset_list_terms (dataset, language);

    self->categories = vecinos_dataset_list_categories (dataset, language);
    self->n_events = vecinos_event_list_get_n_events (self->events);
    gtk_single_selection_set_model (self->event_selection, G_LIST_MODEL (self->events));
    apply_filters (self);
    add_category_toggles (self, self->categories);
    add_tours (self, dataset, language);
    vecinos_timeline_view_set_data (self->timeline_view, self->event_selection, self->categories, terms);
  }
  restore_state (self);
}

/**
 * vecinos_workspace_show_error:
 *
 * Replaces the views with a page that explains @error.
 */
void
vecinos_workspace_show_error (VecinosWorkspace *self,
                              const GError     *error)
{
  g_return_if_fail (VECINOS_IS_WORKSPACE (self));
  g_return_if_fail (error != NULL);

  gtk_label_set_text (self->error_label, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  gtk_widget_set_visible (self->view_switcher, FALSE);
  gtk_widget_set_visible (self->view_switcher_bar, FALSE);
}

/* The Charts view can show the years the timeline shows */
static void
visible_range_changed (VecinosWorkspace *self)
{
  const VecinosTimeScale *scale = vecinos_timeline_view_get_scale (self->timeline_view);

  if (!(scale->end > scale->start))
    return;
  if (!self->restoring)
    vecinos_context_set_visible_range (self->context, scale->start, scale->end);
  if (self->charts_page != NULL)
    vecinos_charts_page_set_timeline_range (self->charts_page,
                                            vecinos_chart_day_time ((VecinosDay) floor (scale->start)),
                                            vecinos_chart_day_time ((VecinosDay) ceil (scale->end)));
}

/* --- Presenting --- */

/* In front of a class: the chrome steps aside (the header bar, the
 * filters, the list, the indicators), the text grows (style.css,
 * .presenting), and the header comes back while the pointer is at the
 * top edge */
/* The header holds the views' switcher in its middle, the tours, the
 * language and the menus either side: with large text on a narrow screen
 * (200 % on 1024 pixels) that is wider than the screen, and the window
 * would be too. The switcher then goes to a bar of its own under the
 * header. Measured once the frame that follows a change (of text size,
 * of language, of screen) is drawn, when the text has its new size */
static void
fit_header (VecinosWorkspace *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GdkSurface *surface = native != NULL ? gtk_native_get_surface (native) : NULL;
  GdkMonitor *monitor;
  GdkRectangle screen = { 0 };
  gboolean shown = gtk_stack_get_visible_child (self->main_stack) != NULL &&
                   !g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "error");
  int needed;

  if (surface == NULL)
    return;
  monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (self)), surface);
  if (monitor == NULL)
    return;
  gdk_monitor_get_geometry (monitor, &screen);

  gtk_widget_set_visible (self->view_switcher, shown);
  gtk_widget_measure (self->header_bar, GTK_ORIENTATION_HORIZONTAL, -1, &needed, NULL, NULL, NULL);
  if (needed > screen.width)
    gtk_widget_set_visible (self->view_switcher, FALSE);
  gtk_widget_set_visible (self->view_switcher_bar,
                          shown && !gtk_widget_get_visible (self->view_switcher) &&
                          gtk_widget_get_visible (self->header_bar));
}

/* The list beside the timeline gets its events once the workspace's first
 * frame is drawn: GTK 4.8's list view makes and measures a row for up to
 * 200 items whatever it shows (GTK 4.12 makes only the rows in sight) —
 * for the bundled dataset a row for every event, a third of the work of
 * the window's first frame. The list shows them a frame later */
static void
fill_list (VecinosWorkspace *self)
{
  if (gtk_list_view_get_model (self->event_list) != NULL)
    return;
  gtk_list_view_set_model (self->event_list, GTK_SELECTION_MODEL (self->event_selection));
  scroll_list_to_selection (self);
}

static gboolean
frame_drawn (gpointer data)
{
  VecinosWorkspace *self = data;

  self->fit_header_id = 0;
  fill_list (self);
  fit_header (self);
  return G_SOURCE_REMOVE;
}

static gboolean
fit_header_after_frame (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       data)
{
  VecinosWorkspace *self = VECINOS_WORKSPACE (widget);

  self->fit_header_tick = 0;
  g_clear_handle_id (&self->fit_header_id, g_source_remove);
  self->fit_header_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, frame_drawn, self, NULL);
  return G_SOURCE_REMOVE;
}

/**
 * vecinos_workspace_queue_fit_header:
 *
 * After a change of text size or of screen: the views' switcher moves
 * under the header, or back into it, once the next frame is drawn.
 */
void
vecinos_workspace_queue_fit_header (VecinosWorkspace *self)
{
  g_return_if_fail (VECINOS_IS_WORKSPACE (self));

  if (self->fit_header_tick == 0)
    self->fit_header_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), fit_header_after_frame, NULL, NULL);
}

/* Presenting, the event beside the timeline is a card: half of the
 * screen, whatever its size once full screen */
static void
fit_event_card (VecinosWorkspace *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->timeline_paned));
  int max = 0;

  g_object_get (self->timeline_paned, "max-position", &max, NULL);
  if (vecinos_context_get_presenting (self->context) && max > 0 && width > 0)
    gtk_paned_set_position (self->timeline_paned, MIN (width * 0.5, max));
}

static void
presenting_changed (VecinosWorkspace *self)
{
  gboolean presenting = vecinos_context_get_presenting (self->context);

  if (presenting)
    gtk_widget_add_css_class (GTK_WIDGET (self), "presenting");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "presenting");
  gtk_widget_set_visible (self->header_bar, !presenting);
  if (presenting)
    gtk_widget_set_visible (self->view_switcher_bar, FALSE);
  else
    vecinos_workspace_queue_fit_header (self);
  gtk_widget_set_visible (self->filter_bar, !presenting);
  gtk_widget_set_visible (self->event_list_scroller, !presenting);
  if (self->charts_page != NULL)
    vecinos_charts_page_set_presenting (self->charts_page, presenting);
  if (self->documents_page != NULL)
    vecinos_documents_page_set_presenting (self->documents_page, presenting);
  if (presenting && self->paned_position == 0)
    {
      self->paned_position = gtk_paned_get_position (self->timeline_paned);
      fit_event_card (self);
    }
  else if (!presenting && self->paned_position > 0)
    {
      gtk_paned_set_position (self->timeline_paned, self->paned_position);
      self->paned_position = 0;
    }
  /* The list comes back where the selection is */
  if (!presenting && gtk_widget_get_mapped (GTK_WIDGET (self)))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reveal_selection, g_object_ref (self), g_object_unref);
}

static void
pointer_moved (GtkEventControllerMotion *motion,
               double                    x,
               double                    y,
               VecinosWorkspace         *self)
{
  if (!vecinos_context_get_presenting (self->context))
    return;
  if (y <= 4)
    gtk_widget_set_visible (self->header_bar, TRUE);
  else if (gtk_widget_get_visible (self->header_bar) && y > gtk_widget_get_height (self->header_bar) + 24)
    gtk_widget_set_visible (self->header_bar, FALSE);
}

/**
 * vecinos_workspace_get_chrome_visible:
 *
 * Returns: whether the header bar, the filters and the list show (not
 *   while presenting)
 */
gboolean
vecinos_workspace_get_chrome_visible (VecinosWorkspace *self)
{
  g_return_val_if_fail (VECINOS_IS_WORKSPACE (self), FALSE);
  return gtk_widget_get_visible (self->header_bar) && gtk_widget_get_visible (self->filter_bar) &&
         gtk_widget_get_visible (self->event_list_scroller);
}

/* --- Guided tours --- */

/* The Guided Tours menu: each tour with its length, its description as
 * a tooltip */
static void
add_tours (VecinosWorkspace *self,
           VecinosDataset   *dataset,
           const char       *language)
{
  g_autoptr(GPtrArray) tours = vecinos_dataset_list_tours (dataset, language);

  for (guint i = 0; i < tours->len; i++)
    {
      const VecinosTour *tour = g_ptr_array_index (tours, i);
      /* Translators: a guided tour and its number of steps, as "Trade and money (12 steps)" */
      g_autofree char *label = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%1$s (%2$u step)", "%1$s (%2$u steps)",
                                                           tour->n_steps),
                                                tour->title, tour->n_steps);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, tour->description);
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.start-tour");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", tour->slug);
      gtk_box_append (self->tours_box, button);
    }
  /* A dataset with no tours offers none */
  gtk_widget_set_visible (GTK_WIDGET (self->tours_button), tours->len > 0);
}

/* The context's tour in this workspace's language: its steps, its title
 * and the list of steps to jump to, read once per tour, not per step */
static void
load_tour (VecinosWorkspace *self)
{
  VecinosDataset *dataset = vecinos_context_get_dataset (self->context);
  const char *tour = vecinos_context_get_tour (self->context);
  const char *language = vecinos_context_get_language (self->context);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  g_clear_pointer (&self->tour_steps, g_ptr_array_unref);
  g_clear_pointer (&self->tour_title, g_free);
  if (tour == NULL || dataset == NULL)
    return;
  self->tour_steps = vecinos_dataset_get_tour_steps (dataset, tour, language);
  {
    g_autoptr(GPtrArray) tours = vecinos_dataset_list_tours (dataset, language);

    for (guint i = 0; i < tours->len && self->tour_title == NULL; i++)
      if (g_str_equal (((VecinosTour *) g_ptr_array_index (tours, i))->slug, tour))
        self->tour_title = g_strdup (((VecinosTour *) g_ptr_array_index (tours, i))->title);
  }
  for (guint i = 0; i < self->tour_steps->len; i++)
    {
      /* Translators: a step in the list of a tour's steps: its number and its event */
      g_autofree char *title = g_strdup_printf (_("%1$u. %2$s"), i + 1,
                                                ((VecinosTourStep *) g_ptr_array_index (self->tour_steps, i))->event_title);

      gtk_string_list_append (titles, title);
    }
  self->restoring = TRUE;
  gtk_drop_down_set_model (self->tour_steps_dropdown, G_LIST_MODEL (titles));
  self->restoring = FALSE;
}

/**
 * vecinos_workspace_get_tour_length:
 *
 * Returns: how many steps the tour being played has, or 0
 */
guint
vecinos_workspace_get_tour_length (VecinosWorkspace *self)
{
  g_return_val_if_fail (VECINOS_IS_WORKSPACE (self), 0);
  return self->tour_steps != NULL ? self->tour_steps->len : 0;
}

/* The bar under the views: where the class is in the tour, what to say */
static void
update_tour_bar (VecinosWorkspace *self)
{
  guint n = vecinos_workspace_get_tour_length (self);
  guint step = MIN (vecinos_context_get_tour_step (self->context), n > 0 ? n - 1 : 0);
  g_autofree char *progress = NULL;

  /* Shown, then slid up; hidden once slid down (tour_bar_slid): an
   * unrevealed bar kept its buttons in the Tab chain, where the keyboard
   * went out of sight and stayed */
  if (n > 0)
    gtk_widget_set_visible (GTK_WIDGET (self->tour_bar), TRUE);
  gtk_revealer_set_reveal_child (self->tour_bar, n > 0);
  if (n == 0)
    return;

  /* Translators: %1$s is a guided tour; then which step of how many */
  progress = g_strdup_printf (_("%1$s — step %2$u of %3$u"), self->tour_title != NULL ? self->tour_title : "",
                              step + 1, n);
  gtk_label_set_text (self->tour_progress, progress);
  gtk_label_set_text (self->tour_text, ((VecinosTourStep *) g_ptr_array_index (self->tour_steps, step))->text);
  self->restoring = TRUE;
  gtk_drop_down_set_selected (self->tour_steps_dropdown, step);
  self->restoring = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->tour_previous), step > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tour_next), step + 1 < n);
}

static void
tour_bar_slid (VecinosWorkspace *self)
{
  if (!gtk_revealer_get_reveal_child (self->tour_bar) && !gtk_revealer_get_child_revealed (self->tour_bar))
    gtk_widget_set_visible (GTK_WIDGET (self->tour_bar), FALSE);
}

/* The keyboard on what a tour's step shows, not in a search entry nor on
 * a selectable text (which would select it all), so that a clicker's keys
 * move the tour rather than type */
static void
focus_tour_view (VecinosWorkspace *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (view, "charts") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (vecinos_charts_page_get_chart (charts_page (self))));
  else if (g_strcmp0 (view, "timeline") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->timeline_view));
}

/* Whether the keyboard is where the window put it first: the filter
 * entry (the first in its Tab order), or nowhere. A text entry the user
 * did not go to — this one, or the first of a view switched to — is left
 * for what the view shows: its cursor would blink, and repaint, for ever
 * while the class looks on */
static gboolean
focus_is_first (VecinosWorkspace *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus == NULL || (GTK_IS_TEXT (focus) && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->filter_entry)));
}

static void
view_switched_to_start (VecinosWorkspace *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "documents") == 0)
    gtk_widget_grab_focus (vecinos_documents_page_get_list (documents_page (self)));
  else
    focus_tour_view (self);
}

/* --- The views not shown at first ---
 *
 * The Charts and Documents views are built the first time they are shown
 * or asked for (a tour's step, a search result, a test): a class that stays
 * on the timeline never builds them, and the window's first frame does not
 * wait for them. Built, a view takes the state the context holds and what
 * the timeline shows now; from then on it is kept up to date as it was */

static VecinosChartsPage *
charts_page (VecinosWorkspace *self)
{
  VecinosDataset *dataset = vecinos_context_get_dataset (self->context);
  const VecinosTimeScale *scale;

  if (self->charts_page != NULL)
    return self->charts_page;

  self->charts_page = g_object_new (VECINOS_TYPE_CHARTS_PAGE, "hexpand", TRUE, "vexpand", TRUE, NULL);
  gtk_box_append (self->charts_slot, GTK_WIDGET (self->charts_page));
  g_signal_connect_object (vecinos_charts_page_get_chart (self->charts_page), "event-activated",
                           G_CALLBACK (chart_event_activated), self, G_CONNECT_SWAPPED);
  if (dataset != NULL)
    vecinos_charts_page_set_dataset (self->charts_page, dataset, vecinos_context_get_language (self->context));
  vecinos_charts_page_set_presenting (self->charts_page, vecinos_context_get_presenting (self->context));
  scale = vecinos_timeline_view_get_scale (self->timeline_view);
  if (scale->end > scale->start)
    vecinos_charts_page_set_timeline_range (self->charts_page,
                                            vecinos_chart_day_time ((VecinosDay) floor (scale->start)),
                                            vecinos_chart_day_time ((VecinosDay) ceil (scale->end)));
  vecinos_chart_view_set_selected_event (vecinos_charts_page_get_chart (self->charts_page),
                                         gtk_single_selection_get_selected_item (self->event_selection));
  vecinos_charts_page_restore_state (self->charts_page, self->context);
  return self->charts_page;
}

static VecinosDocumentsPage *
documents_page (VecinosWorkspace *self)
{
  VecinosDataset *dataset = vecinos_context_get_dataset (self->context);

  if (self->documents_page != NULL)
    return self->documents_page;

  self->documents_page = g_object_new (VECINOS_TYPE_DOCUMENTS_PAGE, "hexpand", TRUE, "vexpand", TRUE, NULL);
  gtk_box_append (self->documents_slot, GTK_WIDGET (self->documents_page));
  if (dataset != NULL)
    vecinos_documents_page_set_dataset (self->documents_page, dataset,
                                        vecinos_context_get_language (self->context));
  vecinos_documents_page_set_presenting (self->documents_page, vecinos_context_get_presenting (self->context));
  vecinos_documents_page_restore_state (self->documents_page, self->context);
  return self->documents_page;
}

static void
view_switched (VecinosWorkspace *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->view_stack);
  GtkWidget *page = gtk_stack_get_visible_child (self->view_stack);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus;
  gboolean built = FALSE;

  if (g_strcmp0 (name, "charts") == 0 && self->charts_page == NULL)
    built = charts_page (self) != NULL;
  else if (g_strcmp0 (name, "documents") == 0 && self->documents_page == NULL)
    built = documents_page (self) != NULL;

  /* GtkStack gave the new page's first focusable widget the focus the
   * old page had; a page built just now had none to take it, and the
   * focus stayed behind in the page left */
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (page != NULL && focus != NULL &&
      ((GTK_IS_TEXT (focus) && gtk_widget_is_ancestor (focus, page)) ||
       (built && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->view_stack)) &&
        !gtk_widget_is_ancestor (focus, page))))
    view_switched_to_start (self);
}

/* The step's event selected, without leaving the view shown (its filters
 * cleared if they hid it) */
static void
select_event (VecinosWorkspace *self,
              const char       *slug)
{
  guint position = find_event (self, slug);

  if (position == GTK_INVALID_LIST_POSITION)
    {
      clear_filters (self);
      position = find_event (self, slug);
    }
  gtk_single_selection_set_selected (self->event_selection, position);
}

/* A step sets the app as its author meant: its event selected; its series
 * charted (with the one to compare), its excerpt open in its document, the
 * timeline on its days; and shows the view it names — or the chart, the
 * document or the timeline, in that order, by what it has */
static void
apply_tour_step (VecinosWorkspace *self)
{
  guint n = vecinos_workspace_get_tour_length (self);
  const VecinosTourStep *step;
  const char *view;

  if (n == 0)
    return;
  step = g_ptr_array_index (self->tour_steps, MIN (vecinos_context_get_tour_step (self->context), n - 1));
  view = step->view != NULL ? step->view : step->series != NULL ? "charts"
         : step->excerpt != NULL ? "documents" : "timeline";

  if (g_str_equal (view, "timeline"))
    vecinos_workspace_show_event (self, step->event);
  else
    select_event (self, step->event);
  if (step->range_end > step->range_start)
    vecinos_timeline_view_set_visible_range (self->timeline_view, step->range_start, step->range_end);
  if (step->series != NULL && vecinos_charts_page_show_series (charts_page (self), step->series))
    vecinos_charts_page_set_options (charts_page (self), step->compare, FALSE, FALSE, FALSE);
  if (step->excerpt != NULL)
    vecinos_documents_page_show_excerpt (documents_page (self), step->excerpt);
  gtk_stack_set_visible_child_name (self->view_stack, view);

  focus_tour_view (self);
}

static void
tour_changed (VecinosWorkspace *self)
{
  load_tour (self);
  apply_tour_step (self);
  update_tour_bar (self);
}

static void
tour_step_changed (VecinosWorkspace *self)
{
  apply_tour_step (self);
  update_tour_bar (self);
}

/* The chosen step, on the button: short, so the narration keeps the room */
static void
setup_step_label (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  max_width)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (max_width) > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (max_width));
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_step_label (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GtkListItemFactory *
step_factory (int max_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_step_label), GINT_TO_POINTER (max_width));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_step_label), NULL);
  return factory;
}

static void
tour_step_chosen (VecinosWorkspace *self)
{
  guint chosen = gtk_drop_down_get_selected (self->tour_steps_dropdown);

  if (!self->restoring && chosen != GTK_INVALID_LIST_POSITION)
    vecinos_context_set_tour_step (self->context, chosen);
}

/**
 * vecinos_workspace_save_state:
 *
 * Writes to the context what the views hold that is not written as it
 * changes: the chart's series and options, the document's excerpt and
 * scroll position.
 */
void
vecinos_workspace_save_state (VecinosWorkspace *self)
{
  g_return_if_fail (VECINOS_IS_WORKSPACE (self));

  /* A view never shown has changed nothing: the context has its state */
  if (self->charts_page != NULL)
    vecinos_charts_page_save_state (self->charts_page, self->context);
  if (self->documents_page != NULL)
    vecinos_documents_page_save_state (self->documents_page, self->context);
}

static void
search_text_changed (VecinosWorkspace *self)
{
  GtkWidget *entry = vecinos_search_panel_get_entry (self->search_panel);

  vecinos_context_set_search_text (self->context, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Every event shown again: no words, every category, every importance */
static void
clear_filters (VecinosWorkspace *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->category_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (child), TRUE);
  gtk_drop_down_set_selected (self->importance_dropdown, 2);
  /* Now, not after a pause in typing: the caller looks for an event next */
  apply_filters (self);
}

/**
 * vecinos_workspace_show_event:
 * @slug: an event's id
 *
 * Selects the event and shows it on the timeline, zoomed to it, clearing
 * the filters if they hid it.
 *
 * Returns: whether the dataset has that event
 */
gboolean
vecinos_workspace_show_event (VecinosWorkspace *self,
                              const char       *slug)
{
  guint position;

  g_return_val_if_fail (VECINOS_IS_WORKSPACE (self), FALSE);

  position = find_event (self, slug);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      clear_filters (self);
      position = find_event (self, slug);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (self->event_selection, position);
  gtk_stack_set_visible_child_name (self->view_stack, "timeline");
  gtk_widget_activate_action (GTK_WIDGET (self->timeline_view), "timeline.zoom-to-selection", NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline_view));
  return TRUE;
}

/**
 * vecinos_workspace_show_series:
 *
 * Returns: whether the dataset has that series, now charted
 */
gboolean
vecinos_workspace_show_series (VecinosWorkspace *self,
                               const char       *slug)
{
  g_return_val_if_fail (VECINOS_IS_WORKSPACE (self), FALSE);

  if (!vecinos_charts_page_show_series (charts_page (self), slug))
    return FALSE;
  gtk_stack_set_visible_child_name (self->view_stack, "charts");
  return TRUE;
}

/**
 * vecinos_workspace_show_excerpt:
 *
 * Returns: whether the dataset has that excerpt, now shown in its document
 */
gboolean
vecinos_workspace_show_excerpt (VecinosWorkspace *self,
                                const char       *slug)
{
  g_return_val_if_fail (VECINOS_IS_WORKSPACE (self), FALSE);

  gtk_stack_set_visible_child_name (self->view_stack, "documents");
  return vecinos_documents_page_show_excerpt (documents_page (self), slug);
}

/**
 * vecinos_workspace_show_document:
 *
 * Returns: whether the dataset has that document, now shown
 */
gboolean
vecinos_workspace_show_document (VecinosWorkspace *self,
                                 const char       *slug)
{
  g_return_val_if_fail (VECINOS_IS_WORKSPACE (self), FALSE);

  gtk_stack_set_visible_child_name (self->view_stack, "documents");
  if (!vecinos_documents_page_show_document (documents_page (self), slug))
    return FALSE;
  gtk_widget_grab_focus (vecinos_documents_page_get_list (documents_page (self)));
  return TRUE;
}

/* The buttons outside the timeline reach its own actions */
void
vecinos_workspace_zoom (VecinosWorkspace *self,
                        const char       *action)
{
  g_return_if_fail (VECINOS_IS_WORKSPACE (self));
  gtk_widget_activate_action (GTK_WIDGET (self->timeline_view), action, NULL);
}

void
vecinos_workspace_popup_search (VecinosWorkspace *self)
{
  g_return_if_fail (VECINOS_IS_WORKSPACE (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->search_button)))
    gtk_menu_button_popup (self->search_button);
}

/* Once in the window: the list scrolls to the selected event (while the
 * workspace was built, the list had no size to scroll in) */
static gboolean
reveal_selection (gpointer data)
{
  VecinosWorkspace *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  scroll_list_to_selection (self);
  /* The window's first focus: what the view shows, not the filter */
  if (vecinos_context_get_tour (self->context) == NULL && focus_is_first (self))
    view_switched_to_start (self);
  /* A tour applied before the window was shown could not place the focus
   * (the tour bar's own buttons keep it) */
  else if (vecinos_context_get_tour (self->context) != NULL &&
      (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->tour_bar))))
    {
      /* The window gave its first focus to a selectable text, which
       * selected it all: not what a projector should show */
      if (focus != NULL && GTK_IS_LABEL (focus) && gtk_label_get_selectable (GTK_LABEL (focus)))
        gtk_label_select_region (GTK_LABEL (focus), 0, 0);
      focus_tour_view (self);
    }
  return G_SOURCE_REMOVE;
}

static void
workspace_mapped (VecinosWorkspace *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reveal_selection, g_object_ref (self), g_object_unref);
}

/**
 * vecinos_workspace_step_event:
 * @next: the next event, or the one before
 *
 * Moves the selection along the timeline, as Right and Left on it do.
 *
 * Returns: whether the timeline took it (the timeline view is shown)
 */
gboolean
vecinos_workspace_step_event (VecinosWorkspace *self,
                              gboolean          next)
{
  g_return_val_if_fail (VECINOS_IS_WORKSPACE (self), FALSE);

  if (gtk_widget_get_mapped (GTK_WIDGET (self->timeline_view)) &&
      gtk_widget_activate_action (GTK_WIDGET (self->timeline_view), next ? "timeline.next" : "timeline.previous",
                                  NULL))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->timeline_view));
      return TRUE;
    }
  return FALSE;
}

/* The language switch keeps the keyboard where it was: on the language */
void
vecinos_workspace_focus_language (VecinosWorkspace *self)
{
  g_return_if_fail (VECINOS_IS_WORKSPACE (self));

  if (g_strcmp0 (vecinos_context_get_language (self->context), "es") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->spanish_button));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->english_button));
}

static void
search_result_activated (VecinosWorkspace *self,
                         int               kind,
                         const char       *ref)
{
  gtk_popover_popdown (self->search_popover);
  switch (kind)
    {
    case VECINOS_SEARCH_EVENT:
      vecinos_workspace_show_event (self, ref);
      break;
    case VECINOS_SEARCH_EXCERPT:
      vecinos_workspace_show_excerpt (self, ref);
      break;
    case VECINOS_SEARCH_SERIES:
      if (vecinos_workspace_show_series (self, ref))
        gtk_widget_grab_focus (GTK_WIDGET (vecinos_charts_page_get_chart (charts_page (self))));
      break;
    case VECINOS_SEARCH_DOCUMENT:
      vecinos_workspace_show_document (self, ref);
      break;
    default:
      break;
    }
}

static void
chart_event_activated (VecinosWorkspace *self,
                       GObject          *event)
{
  vecinos_workspace_show_event (self, vecinos_event_get_slug (VECINOS_EVENT (event)));
}

static void
search_shown (VecinosWorkspace *self)
{
  gtk_widget_grab_focus (vecinos_search_panel_get_entry (self->search_panel));
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
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "vecinos-list-item", item);
  vecinos_event_row_set_event (VECINOS_EVENT_ROW (gtk_list_item_get_child (item)),
                               gtk_list_item_get_item (item));
}

static void
vecinos_workspace_dispose (GObject *object)
{
  VecinosWorkspace *self = VECINOS_WORKSPACE (object);

  if (self->fit_header_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fit_header_tick);
  self->fit_header_tick = 0;
  g_clear_handle_id (&self->fit_header_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VECINOS_TYPE_WORKSPACE);
  g_clear_handle_id (&self->filter_timeout, g_source_remove);
  g_cancellable_cancel (self->look_up);
  g_clear_object (&self->look_up);
  g_clear_object (&self->event_selection);
  g_clear_object (&self->events);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->tour_steps, g_ptr_array_unref);
  g_clear_pointer (&self->tour_title, g_free);

  G_OBJECT_CLASS (vecinos_workspace_parent_class)->dispose (object);
}

static void
vecinos_workspace_class_init (VecinosWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vecinos_workspace_dispose;

  g_type_ensure (VECINOS_TYPE_CHARTS_PAGE);
  g_type_ensure (VECINOS_TYPE_DOCUMENTS_PAGE);
  g_type_ensure (VECINOS_TYPE_SEARCH_PANEL);
  g_type_ensure (VECINOS_TYPE_TAB_STOP);
  g_type_ensure (VECINOS_TYPE_EVENT_PAGE);
  g_type_ensure (VECINOS_TYPE_EVENT_ROW);
  g_type_ensure (VECINOS_TYPE_TIMELINE_VIEW);

  /* A container only: a screen reader hears what it holds, not its name */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/vecinos/Vecinos/vecinos-workspace.ui");
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, category_box);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, charts_slot);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, documents_slot);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, english_button);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, error_label);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, event_page);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, event_list);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, event_list_scroller);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, filter_count);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, filter_empty);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, event_list_empty);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, header_bar);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, timeline_paned);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, importance_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, language_box);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, main_stack);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, search_button);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, search_panel);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, search_popover);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, spanish_button);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, tour_bar);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, tour_next);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, tour_previous);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, tour_progress);
  gtk_widget_class_bind_template_child_full (widget_class, "tour_steps", FALSE,
                                             G_STRUCT_OFFSET (VecinosWorkspace, tour_steps_dropdown));
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, tour_text);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, tours_box);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, tours_button);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, view_switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, views_scroller);
  gtk_widget_class_bind_template_child (widget_class, VecinosWorkspace, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters);
  gtk_widget_class_bind_template_callback (widget_class, event_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, search_shown);
}

static void
vecinos_workspace_init (VecinosWorkspace *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_event_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_event_row), NULL);
  gtk_list_view_set_factory (self->event_list, factory);

  self->event_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->event_selection, FALSE);
  /* Space on the selected row would unselect it (GtkListItemWidget's
   * listitem.select toggles): a list of events always keeps the one
   * chosen. Escape on the timeline clears it with set_selected() */
  gtk_single_selection_set_can_unselect (self->event_selection, FALSE);
  /* The list's model is set once the first frame is drawn: fill_list () */

  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_swapped (focus, "enter", G_CALLBACK (event_list_entered), self);
    gtk_widget_add_controller (GTK_WIDGET (self->event_list), focus);
  }
  watch_drop_down (self->importance_dropdown, _("Which events to show, by importance"));
  watch_drop_down (self->tour_steps_dropdown, _("Go to a step of the tour"));
  hide_unnamed_parts (self->header_bar);
  hide_unnamed_parts (GTK_WIDGET (self->timeline_paned));
  hide_unnamed_parts (GTK_WIDGET (self->tour_bar));
  hide_unnamed_parts (GTK_WIDGET (self->search_popover));
  hide_unnamed_parts (gtk_scrolled_window_get_vscrollbar (GTK_SCROLLED_WINDOW (self->views_scroller)));
  hide_unnamed_parts (gtk_scrolled_window_get_hscrollbar (GTK_SCROLLED_WINDOW (self->views_scroller)));
  /* The pages with no title of their own were heard as "GtkStackPage" */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_stack_get_page (self->main_stack,
                                                                      gtk_stack_get_child_by_name (self->main_stack,
                                                                                                   "content"))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Views"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_stack_get_page (self->main_stack,
                                                                      gtk_stack_get_child_by_name (self->main_stack,
                                                                                                   "error"))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("The Dataset Could Not Be Opened"), -1);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self->search_popover), keys);
  }
}

/**
 * vecinos_workspace_get_primary_menu:
 *
 * Returns: (transfer none): the main menu's model, for the window to add
 *   what it keeps (the recent timelines)
 */
GMenu *
vecinos_workspace_get_primary_menu (VecinosWorkspace *self)
{
  g_return_val_if_fail (VECINOS_IS_WORKSPACE (self), NULL);
  return self->primary_menu;
}

/**
 * vecinos_workspace_new:
 * @context: the state to show, and to keep up to date
 * @error: (nullable): why the dataset could not be opened, if it could not
 */
GtkWidget *
vecinos_workspace_new (VecinosContext *context,
                       const GError   *error)
{
  VecinosWorkspace *self;

  g_return_val_if_fail (VECINOS_IS_CONTEXT (context), NULL);

  self = g_object_new (VECINOS_TYPE_WORKSPACE, NULL);
  self->context = g_object_ref (context);

  g_signal_connect_object (self->filter_entry, "changed", G_CALLBACK (filter_text_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->importance_dropdown, "notify::selected", G_CALLBACK (importance_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::filter-text", G_CALLBACK (filter_text_applies), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::importance", G_CALLBACK (apply_filters), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::hidden-categories", G_CALLBACK (apply_filters), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_selection, "notify::selected-item",
                           G_CALLBACK (event_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline_view, "range-changed",
                           G_CALLBACK (visible_range_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_panel, "result-activated",
                           G_CALLBACK (search_result_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vecinos_search_panel_get_entry (self->search_panel), "changed",
                           G_CALLBACK (search_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (view_switched), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_object_bind_property (context, "view", self->view_stack, "visible-child-name",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect (self, "map", G_CALLBACK (workspace_mapped), NULL);
  g_signal_connect_object (context, "notify::tour", G_CALLBACK (tour_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tour_bar, "notify::child-revealed", G_CALLBACK (tour_bar_slid), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::presenting", G_CALLBACK (presenting_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline_paned, "notify::max-position", G_CALLBACK (fit_event_card), self,
                           G_CONNECT_SWAPPED);
  {
    GtkEventController *motion = gtk_event_controller_motion_new ();

    g_signal_connect (motion, "motion", G_CALLBACK (pointer_moved), self);
    gtk_widget_add_controller (GTK_WIDGET (self), motion);
  }
  presenting_changed (self);
  g_signal_connect_object (context, "notify::tour-step", G_CALLBACK (tour_step_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tour_steps_dropdown, "notify::selected", G_CALLBACK (tour_step_chosen), self,
                           G_CONNECT_SWAPPED);
  {
    g_autoptr(GtkListItemFactory) button = step_factory (24);
    g_autoptr(GtkListItemFactory) list = step_factory (0);

    gtk_drop_down_set_factory (self->tour_steps_dropdown, button);
    gtk_drop_down_set_list_factory (self->tour_steps_dropdown, list);
  }

  /* Building the views moves them (the timeline fits its events, the list
   * selects nothing): none of that is a change of the state */
  self->restoring = TRUE;
  if (vecinos_context_get_dataset (context) != NULL)
    load_events (self);
  else if (error != NULL)
    vecinos_workspace_show_error (self, error);
  self->restoring = FALSE;
  vecinos_workspace_queue_fit_header (self);

  return GTK_WIDGET (self);
}

/* What the tests look at (vecinos-window-private.h): the workspace the
 * window shows now */
static VecinosWorkspace *
shown (VecinosWindow *window)
{
  return VECINOS_WORKSPACE (vecinos_window_get_workspace (window));
}

GtkSingleSelection *
vecinos_window_get_event_selection (VecinosWindow *window)
{
  return shown (window)->event_selection;
}

/* The list as a user has it a frame after the window is shown: with its
 * rows (fill_list ()) */
GtkWidget *
vecinos_window_get_event_list (VecinosWindow *window)
{
  fill_list (shown (window));
  return GTK_WIDGET (shown (window)->event_list);
}

VecinosTimelineView *
vecinos_window_get_timeline_view (VecinosWindow *window)
{
  return shown (window)->timeline_view;
}

VecinosEventPage *
vecinos_window_get_event_page (VecinosWindow *window)
{
  return shown (window)->event_page;
}

GtkEditable *
vecinos_window_get_filter_entry (VecinosWindow *window)
{
  return GTK_EDITABLE (shown (window)->filter_entry);
}

GtkDropDown *
vecinos_window_get_importance_dropdown (VecinosWindow *window)
{
  return shown (window)->importance_dropdown;
}

GtkCheckButton *
vecinos_window_get_category_toggle (VecinosWindow *window,
                                    const char    *slug)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (shown (window)->category_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (gtk_widget_get_name (child), slug))
      return GTK_CHECK_BUTTON (child);
  return NULL;
}

GtkLabel *
vecinos_window_get_error_label (VecinosWindow *window)
{
  return shown (window)->error_label;
}

const char *
vecinos_window_get_visible_page (VecinosWindow *window)
{
  VecinosWorkspace *self = shown (window);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "error") == 0)
    return "error";
  return gtk_stack_get_visible_child_name (self->view_stack);
}

VecinosSearchPanel *
vecinos_window_get_search_panel (VecinosWindow *window)
{
  return shown (window)->search_panel;
}

VecinosDocumentsPage *
vecinos_window_get_documents_page (VecinosWindow *window)
{
  return documents_page (shown (window));
}

VecinosChartsPage *
vecinos_window_get_charts_page (VecinosWindow *window)
{
  return charts_page (shown (window));
}

GtkWidget *
vecinos_window_get_language_button (VecinosWindow *window,
                                    const char    *language)
{
  VecinosWorkspace *self = shown (window);

  return GTK_WIDGET (g_strcmp0 (language, "es") == 0 ? self->spanish_button : self->english_button);
}

/**
 * vecinos_window_get_tour_text:
 * @part: "progress" or "text"
 *
 * Returns: (nullable): what the tour bar says, or %NULL when it is hidden
 */
const char *
vecinos_window_get_tour_text (VecinosWindow *window,
                              const char    *part)
{
  VecinosWorkspace *self = shown (window);

  if (!gtk_revealer_get_reveal_child (self->tour_bar))
    return NULL;
  return gtk_label_get_text (g_str_equal (part, "progress") ? self->tour_progress : self->tour_text);
}

/**
 * vecinos_window_get_open_excerpt:
 *
 * Returns: (nullable): the excerpt the Documents view has opened and put
 *   the keyboard on, or %NULL
 */
const char *
vecinos_window_get_open_excerpt (VecinosWindow *window)
{
  GtkWidget *page = GTK_WIDGET (shown (window)->documents_page);

  if (page == NULL)
    return NULL;
  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (window)); w != NULL && w != page; w = gtk_widget_get_parent (w))
    if (VECINOS_IS_EXCERPT_VIEW (w) && gtk_widget_is_ancestor (w, page))
      return vecinos_excerpt_view_get_excerpt (VECINOS_EXCERPT_VIEW (w))->slug;
  return NULL;
}

gboolean
vecinos_window_get_chrome_visible (VecinosWindow *window)
{
  return vecinos_workspace_get_chrome_visible (shown (window));
}

GtkLabel *
vecinos_window_get_filter_count (VecinosWindow *window)
{
  return shown (window)->filter_count;
}

/* Whether words typed wait for a pause in typing to be looked up */
gboolean
vecinos_window_get_filter_pending (VecinosWindow *window)
{
  return shown (window)->filter_timeout != 0 || shown (window)->filter_waiting;
}

/**
 * vecinos_window_get_event_list_message:
 *
 * Returns: (nullable): what the event list says in place of its rows, when
 *   it shows it (the filters hide every event)
 */
const char *
vecinos_window_get_event_list_message (VecinosWindow *window)
{
  VecinosWorkspace *self = shown (window);

  return gtk_widget_get_mapped (self->event_list_empty)
         ? gtk_label_get_text (GTK_LABEL (self->event_list_empty)) : NULL;
}

/**
 * vecinos_window_get_clear_filters_button:
 *
 * Returns: (nullable): the button that clears the filters, when they hide
 *   every event and the timeline says so; %NULL when it is not shown
 */
GtkWidget *
vecinos_window_get_clear_filters_button (VecinosWindow *window)
{
  VecinosWorkspace *self = shown (window);

  return gtk_widget_get_visible (self->filter_empty) ? self->clear_filters_button : NULL;
}
