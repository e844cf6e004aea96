/* vecinos-timeline-view-input.c — the timeline's pointer, touch and keys
 *
 * Scrolling pans (with Ctrl it zooms) and a touchpad flick glides on;
 * dragging pans, pinching zooms, a click selects an event or zooms into a
 * cluster, the tooltip names what is under the pointer. The timeline.*
 * actions are the keyboard's. The controllers are added by
 * _vecinos_timeline_view_init_input() and the actions installed by
 * _vecinos_timeline_view_class_init_input().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vecinos-event.h"
#include "vecinos-excerpt.h"
#include "vecinos-timeline-view-private.h"

static void
zoom (VecinosTimelineView *self,
      double               factor,
      double               anchor_x)
{
  vecinos_time_scale_zoom (&self->scale, factor, anchor_x);
  _vecinos_timeline_view_recompute (self);
}

/* The next or previous event after the selected one, or the first or last */
static void
select_step (VecinosTimelineView *self,
             int                  step)
{
  guint position = selected_position (self);
  guint target;

  if (self->n_items == 0)
    return;
  if (position == GTK_INVALID_LIST_POSITION)
    target = step > 0 ? 0 : self->n_items - 1;
  else if (step < 0)
    target = position >= (guint) -step ? position + step : 0;
  else
    target = MIN (position + step, self->n_items - 1);

  gtk_single_selection_set_selected (self->selection, target);
}

static void
key_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  VecinosTimelineView *self = VECINOS_TIMELINE_VIEW (widget);

  if (g_str_equal (action_name, "timeline.next"))
    select_step (self, 1);
  else if (g_str_equal (action_name, "timeline.previous"))
    select_step (self, -1);
  else if (g_str_equal (action_name, "timeline.first") && self->n_items > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  else if (g_str_equal (action_name, "timeline.last") && self->n_items > 0)
    gtk_single_selection_set_selected (self->selection, self->n_items - 1);
  else if (g_str_equal (action_name, "timeline.zoom-in"))
    zoom (self, 2, self->scale.width / 2);
  else if (g_str_equal (action_name, "timeline.zoom-out"))
    zoom (self, 0.5, self->scale.width / 2);
  else if (g_str_equal (action_name, "timeline.zoom-to-fit"))
    vecinos_timeline_view_zoom_to_fit (self);
  else if (g_str_equal (action_name, "timeline.zoom-to-selection"))
    {
      guint position = selected_position (self);

      /* Two years around the selected event, wide enough to see its neighbours */
      if (position != GTK_INVALID_LIST_POSITION && position < self->n_items)
        {
          double middle = (self->items[position].start + self->items[position].end) / 2.0;
          double span = MAX (730.0, 1.2 * (self->items[position].end - self->items[position].start));

          self->scale.start = middle - span / 2;
          self->scale.end = middle + span / 2;
          _vecinos_timeline_view_recompute (self);
        }
    }
  else if (g_str_equal (action_name, "timeline.unselect") && self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

void
_vecinos_timeline_view_stop_kinetic (VecinosTimelineView *self)
{
  if (self->kinetic_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->kinetic_tick);
  self->kinetic_tick = 0;
}

/* After a flick, the view glides on and slows down, as a list does */
static gboolean
kinetic_step (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  VecinosTimelineView *self = VECINOS_TIMELINE_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double dt = self->kinetic_time > 0 ? (now - self->kinetic_time) / 1e6 : 0;

  self->kinetic_time = now;
  vecinos_time_scale_pan (&self->scale, self->kinetic_velocity * 40 * dt);
  _vecinos_timeline_view_recompute (self);
  self->kinetic_velocity *= exp (-4 * dt);
  if (fabs (self->kinetic_velocity) < 0.2)
    {
      self->kinetic_tick = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
decelerate (GtkEventControllerScroll *controller,
            double                    velocity_x,
            double                    velocity_y,
            VecinosTimelineView      *self)
{
  _vecinos_timeline_view_stop_kinetic (self);
  self->kinetic_velocity = velocity_x + velocity_y;
  self->kinetic_time = 0;
  if (fabs (self->kinetic_velocity) >= 0.2)
    self->kinetic_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), kinetic_step, NULL, NULL);
}

static gboolean
scrolled (GtkEventControllerScroll *controller,
          double                    dx,
          double                    dy,
          VecinosTimelineView      *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  _vecinos_timeline_view_stop_kinetic (self);
  if (state & GDK_CONTROL_MASK)
    zoom (self, exp (-dy * 0.15), self->pointer_x);
  else
    {
      vecinos_time_scale_pan (&self->scale, (dx + dy) * 40);
      _vecinos_timeline_view_recompute (self);
    }
  return TRUE;
}

static void
pointer_moved (GtkEventControllerMotion *controller,
               double                    x,
               double                    y,
               VecinosTimelineView      *self)
{
  self->pointer_x = x - self->gutter;
}

static void
drag_begin (GtkGestureDrag      *gesture,
            double               x,
            double               y,
            VecinosTimelineView *self)
{
  _vecinos_timeline_view_stop_kinetic (self);
  self->drag_start = 0;
}

static void
drag_update (GtkGestureDrag      *gesture,
             double               offset_x,
             double               offset_y,
             VecinosTimelineView *self)
{
  vecinos_time_scale_pan (&self->scale, -(offset_x - self->drag_start));
  self->drag_start = offset_x;
  _vecinos_timeline_view_recompute (self);
}

static void
pinch_began (GtkGesture          *gesture,
             GdkEventSequence    *sequence,
             VecinosTimelineView *self)
{
  self->pinch_scale = 1;
}

/* The gesture's scale is relative to where the pinch began */
static void
pinched (GtkGestureZoom      *gesture,
         double               scale,
         VecinosTimelineView *self)
{
  double x, y;

  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    zoom (self, scale / self->pinch_scale, x - self->gutter);
  self->pinch_scale = scale;
}

/* The mark under (x, y), or NULL */
static const VecinosTimelineMark *
mark_at (VecinosTimelineView *self,
         double               x,
         double               y)
{
  const VecinosTimelineMark *hit = NULL;
  double best = G_MAXDOUBLE;

  /* The marks are placed from the gutter's edge */
  x -= self->gutter;
  for (guint i = 0; i < self->marks->len; i++)
    {
      const VecinosTimelineMark *mark = &g_array_index (self->marks, VecinosTimelineMark, i);
      double dy = fabs (y - row_center (self, mark->row));
      double dx = x < mark->x ? mark->x - x : x > mark->x_end ? x - mark->x_end : 0;
      double distance = dx + dy;

      if (dy <= marker_radius (mark) + 4 && dx <= marker_radius (mark) + 4 && distance < best)
        {
          best = distance;
          hit = mark;
        }
    }
  return hit;
}

static gboolean
query_tooltip (GtkWidget  *widget,
               int         x,
               int         y,
               gboolean    keyboard,
               GtkTooltip *tooltip)
{
  VecinosTimelineView *self = VECINOS_TIMELINE_VIEW (widget);
  const VecinosTimelineMark *mark = mark_at (self, x, y);
  g_autofree char *text = NULL;

  if (mark == NULL)
    return FALSE;

  if (mark->count > 1)
    {
      g_autofree char *count = vecinos_format_number (mark->count);

      /* Translators: the tooltip of a cluster of events too close to tell
       * apart; %s is a number such as "12" or "1,200" */
      text = g_strdup_printf (ngettext ("%s event — click to zoom in", "%s events — click to zoom in",
                                        mark->count), count);
    }
  else
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (G_LIST_MODEL (self->selection), mark->first);
      g_autofree char *date = vecinos_event_format_date (event);

      text = g_strdup_printf ("%s\n%s", vecinos_event_get_title (event), date);
    }
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
clicked (GtkGestureClick     *gesture,
         int                  n_press,
         double               x,
         double               y,
         VecinosTimelineView *self)
{
  const VecinosTimelineMark *hit = mark_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (hit == NULL)
    return;
  if (hit->count > 1)
    zoom (self, 4, hit->x);
  else
    gtk_single_selection_set_selected (self->selection, hit->first);
}

/* Called from class_init, as Text Editor's editor-window-actions.c is: the
 * tooltip, the timeline.* actions and the keys bound to them */
void
_vecinos_timeline_view_class_init_input (VecinosTimelineViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const struct { const char *action; guint key; GdkModifierType modifiers; } bindings[] = {
    { "timeline.next", GDK_KEY_Right, 0 },
    { "timeline.previous", GDK_KEY_Left, 0 },
    { "timeline.first", GDK_KEY_Home, 0 },
    { "timeline.last", GDK_KEY_End, 0 },
    { "timeline.zoom-in", GDK_KEY_plus, 0 },
    { "timeline.zoom-in", GDK_KEY_KP_Add, 0 },
    { "timeline.zoom-in", GDK_KEY_equal, 0 },
    { "timeline.zoom-out", GDK_KEY_minus, 0 },
    { "timeline.zoom-out", GDK_KEY_KP_Subtract, 0 },
    { "timeline.zoom-to-fit", GDK_KEY_0, GDK_CONTROL_MASK },
    { "timeline.zoom-to-selection", GDK_KEY_Return, 0 },
    { "timeline.zoom-to-selection", GDK_KEY_KP_Enter, 0 },
    { "timeline.unselect", GDK_KEY_Escape, 0 },
  };
  const char *actions[] = {
    "timeline.next", "timeline.previous", "timeline.first", "timeline.last",
    "timeline.zoom-in", "timeline.zoom-out", "timeline.zoom-to-fit", "timeline.zoom-to-selection",
    "timeline.unselect",
  };

  widget_class->query_tooltip = query_tooltip;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, key_action);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, bindings[i].key, bindings[i].modifiers,
                                         bindings[i].action, NULL);
}

/* Called from init: scrolling (and its glide), focus, pointer, drag, click
 * and pinch */
void
_vecinos_timeline_view_init_input (VecinosTimelineView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES |
                                                GTK_EVENT_CONTROLLER_SCROLL_KINETIC);
  g_signal_connect (controller, "scroll", G_CALLBACK (scrolled), self);
  g_signal_connect (controller, "decelerate", G_CALLBACK (decelerate), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (gtk_widget_queue_draw), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (pointer_moved), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (pinched), self);
  g_signal_connect (gesture, "begin", G_CALLBACK (pinch_began), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}
