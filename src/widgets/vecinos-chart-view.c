/* vecinos-chart-view.c — one indicator series as a chart
 *
 * The drawing is src/chart's, the same as for exported files; this widget
 * adds the pointer (a tooltip with the figure, its unit and note, or with
 * what a document claims beside the official figure) and the keyboard
 * (Left/Right between figures, Home/End to the ends), and keeps what a
 * screen reader says in step: the chart's summary, then the figure the
 * keyboard is on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vecinos-chart-view.h"
#include "vecinos-focus-ring.h"

struct _VecinosChartView
{
  GtkWidget          parent_instance;

  VecinosSeries     *series;
  GPtrArray         *terms;
  GArray            *events;   /* of VecinosChartEvent */
  int                focus_year;
  gpointer           selected; /* the event selected on the timeline */
  VecinosChartScale  scale;    /* where the last frame put the plot */
};

G_DEFINE_FINAL_TYPE (VecinosChartView, vecinos_chart_view, GTK_TYPE_WIDGET)

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The event marker nearest to @time, or -1 */
static int
nearest_event (VecinosChartView *self,
               double            time,
               double            within)
{
  double best = within;
  int found = -1;

  for (guint i = 0; self->events != NULL && i < self->events->len; i++)
    {
      const VecinosChartEvent *event = &g_array_index (self->events, VecinosChartEvent, i);
      double distance = fabs (vecinos_chart_day_time (event->day) - time);

      if (distance < best)
        {
          best = distance;
          found = i;
        }
    }
  return found;
}

static void
activate_event (VecinosChartView *self,
                int               index)
{
  if (index >= 0)
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0,
                   g_array_index (self->events, VecinosChartEvent, index).event);
}

static gboolean
dark_style (GtkWidget *widget)
{
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  return 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;
}

static void
vecinos_chart_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  VecinosChartView *self = VECINOS_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  VecinosChart chart = { 0 };
  cairo_t *cr;

  if (self->series == NULL || width < 100 || height < 100)
    return;

  chart.series = self->series;
  chart.terms = self->terms;
  chart.events = self->events ? (const VecinosChartEvent *) self->events->data : NULL;
  chart.n_events = self->events ? self->events->len : 0;
  chart.focus_year = self->focus_year;
  chart.dark = dark_style (widget);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  vecinos_chart_draw (cr, gtk_widget_get_pango_context (widget), &chart, width, height, &self->scale);
  cairo_destroy (cr);

  vecinos_append_focus_ring (widget, snapshot);
}

/* What a figure is: period, value with its unit, whether it is
 * preliminary, and its note */
static char *
describe_point (const VecinosSeries *series,
                const VecinosPoint  *point)
{
  g_autofree char *period = vecinos_series_format_year (series, point->year);
  g_autofree char *value = vecinos_format_value (point->value, series->unit_kind, series->unit);
  GString *out = g_string_new (NULL);

  /* Translators: a figure of a chart: %1$s its period, %2$s its value and unit */
  g_string_append_printf (out, _("%1$s: %2$s."), period, value);
  if (point->preliminary)
    g_string_append_printf (out, " %s", _("Preliminary, to be revised."));
  if (point->note != NULL)
    g_string_append_printf (out, " %s", point->note);
  return g_string_free (out, FALSE);
}

/* A document's number beside the official one, worded as everywhere else
 * (vecinos_claim_format_comparison()), under the document it comes from */
static char *
describe_claim (const VecinosSeries      *series,
                const VecinosSeriesClaim *claim)
{
  const VecinosPoint *point = vecinos_series_find_point (series, claim->year);
  VecinosClaim comparison = {
    .text = claim->text,
    .series_slug = series->slug,
    .series_unit = series->unit,
    .unit_kind = series->unit_kind,
    .source_org = series->source_org,
    .period_kind = series->period_kind,
    .period_year = claim->year,
    .has_official = point != NULL,
    .official = point ? point->value : 0,
    .official_preliminary = point ? point->preliminary : FALSE,
    .measure_differs = claim->measure_differs,
  };
  g_autofree char *text = vecinos_claim_format_comparison (&comparison);

  return g_strdup_printf ("%s (%d)\n%s", claim->document, claim->document_year, text);
}

/**
 * vecinos_chart_view_describe_focus:
 *
 * Returns: what the figure under the keyboard is: period, value with its
 *   unit, whether it is preliminary, and its note
 */
char *
vecinos_chart_view_describe_focus (VecinosChartView *self)
{
  const VecinosPoint *point;

  g_return_val_if_fail (VECINOS_IS_CHART_VIEW (self), NULL);

  if (self->series == NULL || (point = vecinos_series_find_point (self->series, self->focus_year)) == NULL)
    return NULL;
  return describe_point (self->series, point);
}

static void
update_accessible (VecinosChartView *self)
{
  g_autofree char *summary = self->series ? vecinos_series_describe (self->series) : NULL;
  g_autofree char *focus = vecinos_chart_view_describe_focus (self);
  g_autofree char *description = NULL;

  /* Translators: the keys of a chart, for screen readers */
  description = g_strdup_printf ("%s %s %s", summary ? summary : "", focus ? focus : "",
                                 _("Left and Right move between figures, Home and End to the first and last."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->series ? self->series->name : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
vecinos_chart_view_set_focus_year (VecinosChartView *self,
                                   int               year)
{
  g_return_if_fail (VECINOS_IS_CHART_VIEW (self));

  self->focus_year = year;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
vecinos_chart_view_get_focus_year (VecinosChartView *self)
{
  g_return_val_if_fail (VECINOS_IS_CHART_VIEW (self), 0);
  return self->focus_year;
}

/* Left/Right: the figure before or after the focused one (over gaps) */
static void
move_focus (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  VecinosChartView *self = VECINOS_CHART_VIEW (widget);
  GArray *points;
  int current = -1;

  if (self->series == NULL || self->series->points->len == 0)
    return;
  points = self->series->points;
  for (guint i = 0; i < points->len; i++)
    if (g_array_index (points, VecinosPoint, i).year == self->focus_year)
      current = i;

  if (g_str_equal (action, "chart.event"))
    {
      /* Enter: the event nearest the focused figure, within two years */
      if (self->focus_year != 0)
        activate_event (self, nearest_event (self, vecinos_chart_period_time (self->focus_year,
                                                                              self->series->period_kind), 2));
      return;
    }
  if (g_str_equal (action, "chart.first") || (current < 0 && g_str_equal (action, "chart.next")))
    current = 0;
  else if (g_str_equal (action, "chart.last") || (current < 0 && g_str_equal (action, "chart.previous")))
    current = points->len - 1;
  else if (g_str_equal (action, "chart.next"))
    current = MIN (current + 1, (int) points->len - 1);
  else if (g_str_equal (action, "chart.previous"))
    current = MAX (current - 1, 0);
  vecinos_chart_view_set_focus_year (self, g_array_index (points, VecinosPoint, current).year);
}

static gboolean
query_tooltip (GtkWidget  *widget,
               int         x,
               int         y,
               gboolean    keyboard,
               GtkTooltip *tooltip)
{
  VecinosChartView *self = VECINOS_CHART_VIEW (widget);
  const VecinosSeries *series = self->series;
  double best = 12;
  g_autofree char *text = NULL;

  if (series == NULL)
    return FALSE;

  for (guint i = 0; i < series->points->len; i++)
    {
      const VecinosPoint *point = &g_array_index (series->points, VecinosPoint, i);
      double px = vecinos_chart_x (&self->scale, vecinos_chart_period_time (point->year, series->period_kind));
      double py = vecinos_chart_y (&self->scale, point->value);
      double distance = hypot (px - x, py - y);

      if (distance < best)
        {
          best = distance;
          g_free (text);
          text = describe_point (series, point);
        }
    }
  for (guint i = 0; i < series->claims->len; i++)
    {
      const VecinosSeriesClaim *claim = g_ptr_array_index (series->claims, i);
      double px = vecinos_chart_x (&self->scale, vecinos_chart_period_time (claim->year, series->period_kind));
      double py = vecinos_chart_y (&self->scale, claim->value);

      if (hypot (px - x, py - y) < best)
        {
          best = hypot (px - x, py - y);
          g_free (text);
          text = describe_claim (series, claim);
        }
    }
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
clicked (GtkGestureClick  *gesture,
         int               n_press,
         double            x,
         double            y,
         VecinosChartView *self)
{
  double best = G_MAXDOUBLE;
  int year = 0;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->series == NULL)
    return;
  /* On the time axis, a click picks the event marker under it */
  if (y > self->scale.bottom - 10 && y < self->scale.bottom + 4)
    {
      double per_pixel = (self->scale.end - self->scale.start) / (self->scale.right - self->scale.left);
      int index = nearest_event (self, self->scale.start + (x - self->scale.left) * per_pixel, 5 * per_pixel);

      if (index >= 0)
        {
          activate_event (self, index);
          return;
        }
    }
  /* The nearest figure in time */
  for (guint i = 0; i < self->series->points->len; i++)
    {
      const VecinosPoint *point = &g_array_index (self->series->points, VecinosPoint, i);
      double px = vecinos_chart_x (&self->scale, vecinos_chart_period_time (point->year, self->series->period_kind));

      if (fabs (px - x) < best)
        {
          best = fabs (px - x);
          year = point->year;
        }
    }
  if (year != 0)
    vecinos_chart_view_set_focus_year (self, year);
}

static void
vecinos_chart_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 420;
}

static void
vecinos_chart_view_dispose (GObject *object)
{
  VecinosChartView *self = VECINOS_CHART_VIEW (object);

  g_clear_pointer (&self->series, vecinos_series_free);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_array_unref);

  G_OBJECT_CLASS (vecinos_chart_view_parent_class)->dispose (object);
}

static void
vecinos_chart_view_class_init (VecinosChartViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const struct { const char *action; guint key; } bindings[] = {
    { "chart.next", GDK_KEY_Right },
    { "chart.previous", GDK_KEY_Left },
    { "chart.first", GDK_KEY_Home },
    { "chart.last", GDK_KEY_End },
    { "chart.event", GDK_KEY_Return },
    { "chart.event", GDK_KEY_KP_Enter },
  };

  G_OBJECT_CLASS (klass)->dispose = vecinos_chart_view_dispose;
  widget_class->snapshot = vecinos_chart_view_snapshot;
  widget_class->measure = vecinos_chart_view_measure;
  widget_class->query_tooltip = query_tooltip;

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    {
      if (i == 0 || !g_str_equal (bindings[i].action, bindings[i - 1].action))
        gtk_widget_class_install_action (widget_class, bindings[i].action, NULL, move_focus);
      gtk_widget_class_add_binding_action (widget_class, bindings[i].key, 0, bindings[i].action, NULL);
    }

  /**
   * VecinosChartView::event-activated:
   * @event: the #VecinosEvent chosen on the chart (a click on its marker,
   *   or Enter near it)
   */
  signals[EVENT_ACTIVATED] = g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_OBJECT);
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vecinos_chart_view_init (VecinosChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  update_accessible (self);
}

/**
 * vecinos_chart_view_set_series:
 * @series: (transfer full) (nullable):
 * @terms: (element-type VecinosTerm) (nullable): the presidencies
 * @events: (transfer full) (element-type VecinosChartEvent) (nullable):
 *   the events of the series' category
 */

void
vecinos_chart_view_set_series (VecinosChartView *self,
                               VecinosSeries    *series,
                               GPtrArray        *terms,
                               GArray           *events)
{
  g_return_if_fail (VECINOS_IS_CHART_VIEW (self));

  g_clear_pointer (&self->series, vecinos_series_free);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_array_unref);
  self->series = series;
  self->terms = terms ? g_ptr_array_ref (terms) : NULL;
  self->events = events;
  self->focus_year = 0;
  vecinos_chart_view_set_selected_event (self, self->selected);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const VecinosSeries *
vecinos_chart_view_get_series (VecinosChartView *self)
{
  g_return_val_if_fail (VECINOS_IS_CHART_VIEW (self), NULL);
  return self->series;
}

/**
 * vecinos_chart_view_set_selected_event:
 * @event: (nullable): the event selected elsewhere (the timeline), drawn
 *   highlighted with its title when it is one of the chart's
 */
void
vecinos_chart_view_set_selected_event (VecinosChartView *self,
                                       gpointer          event)
{
  g_return_if_fail (VECINOS_IS_CHART_VIEW (self));

  self->selected = event;
  for (guint i = 0; self->events != NULL && i < self->events->len; i++)
    {
      VecinosChartEvent *chart_event = &g_array_index (self->events, VecinosChartEvent, i);

      chart_event->selected = event != NULL && chart_event->event == event;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
