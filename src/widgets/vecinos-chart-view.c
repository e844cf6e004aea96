/* vecinos-chart-view.c — one indicator series as a chart
 *
 * The drawing is src/chart's, the same as for exported files; this widget
 * adds the pointer (a crosshair and a tooltip with the figure, its unit and
 * note, or with what a document claims beside the official figure) and the
 * keyboard (Left/Right between figures, Home/End to the ends, Up/Down
 * between the series and the one compared with it), and keeps what a
 * screen reader says in step: the chart's summary, then the figure the
 * keyboard is on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "vecinos-chart-view.h"
#include "vecinos-chart-load.h"
#include "vecinos-event.h"
#include "vecinos-focus-ring.h"

struct _VecinosChartView
{
  GtkWidget          parent_instance;

  VecinosSeries     *series;
  VecinosSeries     *compare;  /* or NULL */
  gboolean           shared_axis;
  gboolean           log_scale;      /* as asked */
  gboolean           log_scale_available; /* every figure above zero */
  GPtrArray         *terms;
  GArray            *events;   /* of VecinosChartEvent */
  int                focus_year;
  int                focus_series; /* 1: the compared one */
  double             title_scale;  /* presenting: the title larger */
  int                hover_year;
  double             range_start, range_end;
  VecinosEvent      *selected; /* the event selected on the timeline */
  VecinosChartScale  scale[2]; /* where the last frame put each series */
  /* The chart as last drawn, and at which size and scale: shown again as
   * it is until something it shows, or the style, changes (redraw (),
   * css_changed ()) — switching back to the Charts view drew it all again */
  GskRenderNode     *drawn;
  int                drawn_width, drawn_height, drawn_scale;
};

G_DEFINE_FINAL_TYPE (VecinosChartView, vecinos_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LOG_SCALE,
  PROP_LOG_SCALE_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* GTK's high-contrast themes (Default-hc, HighContrast…) */
static gboolean
high_contrast_style (GtkWidget *widget)
{
  g_autofree char *theme = NULL;

  g_object_get (gtk_widget_get_settings (widget), "gtk-theme-name", &theme, NULL);
  return theme != NULL && (strstr (theme, "-hc") != NULL || strstr (theme, "HighContrast") != NULL);
}

/* The window's pixels per unit, or 0 when they are not a whole number
 * (fractional scaling, GTK 4.12 on): pixels drawn at a whole scale would
 * be resampled, and blurred */
static int
pixel_scale (GtkWidget *widget)
{
  int scale = gtk_widget_get_scale_factor (widget);
#if GTK_CHECK_VERSION (4, 12, 0)
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = native != NULL ? gtk_native_get_surface (native) : NULL;

  if (surface != NULL && gdk_surface_get_scale (surface) != scale)
    return 0;
#endif
  return scale;
}

static void
vecinos_chart_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  VecinosChartView *self = VECINOS_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  VecinosChart chart;
  cairo_t *cr;
  int scale;

  if (self->series == NULL || width < 100 || height < 100)
    return;

  scale = pixel_scale (widget);
  if (self->drawn == NULL || self->drawn_width != (int) width || self->drawn_height != (int) height ||
      self->drawn_scale != scale)
    {
      GtkSnapshot *drawing = gtk_snapshot_new ();

      vecinos_chart_view_get_chart (self, &chart);
      chart.dark = dark_style (widget);
      chart.high_contrast = high_contrast_style (widget);
      chart.title_scale = self->title_scale;

      cr = gtk_snapshot_append_cairo (drawing, &GRAPHENE_RECT_INIT (0, 0, width, height));
      if (scale > 0)
        {
          /* Drawn once in pixels; the node paints them: a copy, where
           * drawing the chart again was a third of the CPU of a switch
           * to the view (2.7 of 8.5 ms, GTK 4.8's Cairo renderer) */
          cairo_surface_t *pixels = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                                ceil (width * scale), ceil (height * scale));
          cairo_t *pixels_cr = cairo_create (pixels);

          cairo_surface_set_device_scale (pixels, scale, scale);
          vecinos_chart_draw (pixels_cr, gtk_widget_get_pango_context (widget), &chart, width, height,
                              self->scale);
          cairo_destroy (pixels_cr);
          cairo_set_source_surface (cr, pixels, 0, 0);
          cairo_paint (cr);
          cairo_surface_destroy (pixels);
        }
      else
        vecinos_chart_draw (cr, gtk_widget_get_pango_context (widget), &chart, width, height, self->scale);
      cairo_destroy (cr);
      g_clear_pointer (&self->drawn, gsk_render_node_unref);
      self->drawn = gtk_snapshot_free_to_node (drawing);
      self->drawn_width = width;
      self->drawn_height = height;
      self->drawn_scale = scale;
    }
  if (self->drawn != NULL)
    gtk_snapshot_append_node (snapshot, self->drawn);

  vecinos_append_focus_ring (widget, snapshot);
}

/* What the chart shows changed: drawn again at the next frame */
static void
redraw (VecinosChartView *self)
{
  g_clear_pointer (&self->drawn, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The theme, the font or the text size changed */
static void
vecinos_chart_view_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  g_clear_pointer (&VECINOS_CHART_VIEW (widget)->drawn, gsk_render_node_unref);
  GTK_WIDGET_CLASS (vecinos_chart_view_parent_class)->css_changed (widget, change);
}

/* The desktop's font, resolution or font rendering changed */
static void
vecinos_chart_view_system_setting_changed (GtkWidget        *widget,
                                           GtkSystemSetting  setting)
{
  g_clear_pointer (&VECINOS_CHART_VIEW (widget)->drawn, gsk_render_node_unref);
  GTK_WIDGET_CLASS (vecinos_chart_view_parent_class)->system_setting_changed (widget, setting);
}

static void
vecinos_chart_view_direction_changed (GtkWidget        *widget,
                                      GtkTextDirection  previous)
{
  g_clear_pointer (&VECINOS_CHART_VIEW (widget)->drawn, gsk_render_node_unref);
  GTK_WIDGET_CLASS (vecinos_chart_view_parent_class)->direction_changed (widget, previous);
}

/**
 * vecinos_chart_view_get_chart:
 * @chart: (out caller-allocates): what the view draws, light style, for
 *   vecinos_chart_draw() or vecinos_chart_export(); it points into the view
 */
void
vecinos_chart_view_get_chart (VecinosChartView *self,
                              VecinosChart     *chart)
{
  g_return_if_fail (VECINOS_IS_CHART_VIEW (self));

  *chart = (VecinosChart) {
    .series = self->series,
    .compare = self->compare,
    .shared_axis = self->shared_axis,
    .log_scale = self->log_scale && self->log_scale_available,
    .terms = self->terms,
    .events = self->events ? (const VecinosChartEvent *) self->events->data : NULL,
    .n_events = self->events ? self->events->len : 0,
    .focus_year = self->focus_year,
    .focus_series = self->focus_series,
    .hover_year = self->hover_year,
    .range_start = self->range_start,
    .range_end = self->range_end,
  };
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
    .translation = claim->translation,
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
  const VecinosSeries *series;
  const VecinosPoint *point;
  g_autofree char *figure = NULL;

  g_return_val_if_fail (VECINOS_IS_CHART_VIEW (self), NULL);

  series = vecinos_chart_view_get_focus_series (self);
  if (series == NULL || (point = vecinos_series_find_point (series, self->focus_year)) == NULL)
    return NULL;
  figure = describe_point (series, point);
  if (self->compare == NULL)
    return g_steal_pointer (&figure);
  /* Translators: a figure of one of two compared series: %1$s the series,
   * %2$s the figure */
  return g_strdup_printf (_("%1$s, %2$s"), series->name, figure);
}

/**
 * vecinos_chart_view_get_focus_series:
 *
 * Returns: (nullable): the series the keyboard is on: the chart's, or the
 *   one compared with it after Up or Down
 */
const VecinosSeries *
vecinos_chart_view_get_focus_series (VecinosChartView *self)
{
  g_return_val_if_fail (VECINOS_IS_CHART_VIEW (self), NULL);
  return self->focus_series == 1 && self->compare != NULL ? self->compare : self->series;
}

/* The name is the chart's, after the figure the keyboard is on: a screen
 * reader says the figure first when it changes. The description, the
 * summary and the keys, stays the same from figure to figure, so that it
 * is not read again before each one */
static void
update_accessible (VecinosChartView *self)
{
  g_autofree char *summary = self->series ? vecinos_series_describe (self->series) : NULL;
  g_autofree char *compared = self->compare ? vecinos_series_describe (self->compare) : NULL;
  g_autofree char *focus = vecinos_chart_view_describe_focus (self);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  const char *parts[] = {
    summary, compared,
    /* Translators: the keys of a chart, for screen readers */
    _("Left and Right move between figures, Home and End to the first and last."),
    self->compare ? _("Up and Down move between the two series.") : NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_string_append_printf (description, "%s%s", description->len > 0 ? " " : "", parts[i]);
  if (self->compare != NULL)
    /* Translators: the name of a chart comparing two series */
    name = g_strdup_printf (_("%1$s and %2$s"), self->series->name, self->compare->name);
  else
    name = g_strdup (self->series ? self->series->name : _("Chart"));
  if (focus != NULL)
    /* Translators: what a screen reader says of a chart as the keyboard
     * moves: %1$s the figure, %2$s the chart's name */
    label = g_strdup_printf (_("%1$s %2$s"), focus, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label != NULL ? label : name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

void
vecinos_chart_view_set_focus_year (VecinosChartView *self,
                                   int               year)
{
  g_return_if_fail (VECINOS_IS_CHART_VIEW (self));

  self->focus_year = year;
  update_accessible (self);
  redraw (self);
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
  const VecinosSeries *series;
  GArray *points;
  int current = -1;

  if (g_str_equal (action, "chart.other-series"))
    {
      /* Up/Down: the other series, at the nearest year it has a figure for */
      if (self->compare == NULL)
        return;
      self->focus_series = !self->focus_series;
      series = vecinos_chart_view_get_focus_series (self);
      if (self->focus_year != 0 && series->points->len > 0)
        {
          int best = g_array_index (series->points, VecinosPoint, 0).year;

          for (guint i = 0; i < series->points->len; i++)
            {
              int year = g_array_index (series->points, VecinosPoint, i).year;

              if (abs (year - self->focus_year) < abs (best - self->focus_year))
                best = year;
            }
          self->focus_year = best;
        }
      vecinos_chart_view_set_focus_year (self, self->focus_year);
      return;
    }

  series = vecinos_chart_view_get_focus_series (self);
  if (series == NULL || series->points->len == 0)
    return;
  points = series->points;
  for (guint i = 0; i < points->len; i++)
    if (g_array_index (points, VecinosPoint, i).year == self->focus_year)
      current = i;

  if (g_str_equal (action, "chart.event"))
    {
      /* Enter: the event nearest the focused figure, within two years */
      if (self->focus_year != 0)
        activate_event (self, nearest_event (self, vecinos_chart_period_time (self->focus_year,
                                                                              series->period_kind), 2));
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
  const VecinosSeries *layers[] = { self->series, self->compare };
  double best = 12;
  g_autofree char *text = NULL;

  for (guint l = 0; l < G_N_ELEMENTS (layers) && layers[l] != NULL; l++)
    {
      const VecinosSeries *series = layers[l];
      const VecinosChartScale *scale = &self->scale[l];

      for (guint i = 0; i < series->points->len; i++)
        {
          const VecinosPoint *point = &g_array_index (series->points, VecinosPoint, i);
          double px = vecinos_chart_x (scale, vecinos_chart_period_time (point->year, series->period_kind));
          double py = vecinos_chart_y (scale, point->value);
          double distance = hypot (px - x, py - y);

          if (distance < best)
            {
              best = distance;
              g_free (text);
              text = describe_point (series, point);
              if (self->compare != NULL)
                {
                  /* Two series: say which */
                  char *named = g_strdup_printf ("%s\n%s", series->name, text);

                  g_free (text);
                  text = named;
                }
            }
        }
      for (guint i = 0; i < series->claims->len; i++)
        {
          const VecinosSeriesClaim *claim = g_ptr_array_index (series->claims, i);
          double px = vecinos_chart_x (scale, vecinos_chart_period_time (claim->year, series->period_kind));
          double py = vecinos_chart_y (scale, claim->value);

          if (hypot (px - x, py - y) < best)
            {
              best = hypot (px - x, py - y);
              g_free (text);
              text = describe_claim (series, claim);
            }
        }
    }
  /* An event's marker on the time axis: its title and date */
  if (text == NULL && self->series != NULL && y > self->scale[0].bottom - 10 && y < self->scale[0].bottom + 4)
    {
      const VecinosChartScale *scale = &self->scale[0];
      double per_pixel = (scale->end - scale->start) / (scale->right - scale->left);
      int index = nearest_event (self, scale->start + (x - scale->left) * per_pixel, 5 * per_pixel);

      if (index >= 0)
        {
          const VecinosChartEvent *event = &g_array_index (self->events, VecinosChartEvent, index);
          VecinosDate date;
          g_autofree char *when = NULL;

          /* At the precision the event is known to, when the chart has it */
          if (event->event != NULL)
            date = *vecinos_event_get_start (event->event);
          else
            vecinos_date_from_day (event->day, VECINOS_DATE_PRECISION_DAY, &date);
          when = vecinos_date_format (&date);
          /* Translators: an event's tooltip on a chart: its title, then its date */
          text = g_strdup_printf (_("%1$s\n%2$s"), event->title, when);
        }
    }
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The year of @series' figure nearest to @x in pixels, within @within, or 0 */
static int
nearest_year (VecinosChartView    *self,
              const VecinosSeries *series,
              double               x,
              double               within)
{
  const VecinosChartScale *scale = &self->scale[series == self->compare ? 1 : 0];
  double best = within;
  int year = 0;

  for (guint i = 0; i < series->points->len; i++)
    {
      const VecinosPoint *point = &g_array_index (series->points, VecinosPoint, i);
      double px = vecinos_chart_x (scale, vecinos_chart_period_time (point->year, series->period_kind));

      if (fabs (px - x) < best)
        {
          best = fabs (px - x);
          year = point->year;
        }
    }
  return year;
}

static void
clicked (GtkGestureClick  *gesture,
         int               n_press,
         double            x,
         double            y,
         VecinosChartView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->series == NULL)
    return;
  /* On the time axis, a click picks the event marker under it */
  if (y > self->scale[0].bottom - 10 && y < self->scale[0].bottom + 4)
    {
      const VecinosChartScale *scale = &self->scale[0];
      double per_pixel = (scale->end - scale->start) / (scale->right - scale->left);
      int index = nearest_event (self, scale->start + (x - scale->left) * per_pixel, 5 * per_pixel);

      if (index >= 0)
        {
          activate_event (self, index);
          return;
        }
    }
  /* The nearest figure in time */
  self->focus_year = nearest_year (self, vecinos_chart_view_get_focus_series (self), x, G_MAXDOUBLE);
  if (self->focus_year != 0)
    vecinos_chart_view_set_focus_year (self, self->focus_year);
}

/* The crosshair follows the pointer from figure to figure */
static void
motion (GtkEventControllerMotion *controller,
        double                    x,
        double                    y,
        VecinosChartView         *self)
{
  int year = 0;

  if (self->series != NULL && x >= self->scale[0].left && x <= self->scale[0].right &&
      y >= self->scale[0].top && y <= self->scale[0].bottom)
    year = nearest_year (self, self->series, x, 40);
  if (year != self->hover_year)
    {
      self->hover_year = year;
      redraw (self);
    }
}

static void
leave (GtkEventControllerMotion *controller,
       VecinosChartView         *self)
{
  motion (controller, -1, -1, self);
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
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Ag");
  int line;

  /* Room for the title, the strips of terms, the years and the legend, in
   * lines of the text's size, and a plot of a hundred pixels or more */
  pango_layout_get_pixel_size (layout, NULL, &line);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (320, 16 * line);
      *natural = MAX (800, 40 * line);
    }
  else
    {
      *minimum = MAX (240, 7 * line + 110);
      *natural = MAX (420, *minimum + 180);
    }
}

static void
vecinos_chart_view_dispose (GObject *object)
{
  VecinosChartView *self = VECINOS_CHART_VIEW (object);

  g_clear_pointer (&self->series, vecinos_series_free);
  g_clear_pointer (&self->compare, vecinos_series_free);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_array_unref);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->drawn, gsk_render_node_unref);

  G_OBJECT_CLASS (vecinos_chart_view_parent_class)->dispose (object);
}

static void
vecinos_chart_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VecinosChartView *self = VECINOS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOG_SCALE:
      g_value_set_boolean (value, self->log_scale);
      break;
    case PROP_LOG_SCALE_AVAILABLE:
      g_value_set_boolean (value, self->log_scale_available);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vecinos_chart_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VecinosChartView *self = VECINOS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOG_SCALE:
      vecinos_chart_view_set_log_scale (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vecinos_chart_view_class_init (VecinosChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const struct { const char *action; guint key; } bindings[] = {
    { "chart.next", GDK_KEY_Right },
    { "chart.previous", GDK_KEY_Left },
    { "chart.first", GDK_KEY_Home },
    { "chart.last", GDK_KEY_End },
    { "chart.event", GDK_KEY_Return },
    { "chart.event", GDK_KEY_KP_Enter },
    { "chart.other-series", GDK_KEY_Up },
    { "chart.other-series", GDK_KEY_Down },
  };

  object_class->dispose = vecinos_chart_view_dispose;
  object_class->get_property = vecinos_chart_view_get_property;
  object_class->set_property = vecinos_chart_view_set_property;
  widget_class->snapshot = vecinos_chart_view_snapshot;
  widget_class->css_changed = vecinos_chart_view_css_changed;
  widget_class->system_setting_changed = vecinos_chart_view_system_setting_changed;
  widget_class->direction_changed = vecinos_chart_view_direction_changed;
  widget_class->measure = vecinos_chart_view_measure;
  widget_class->query_tooltip = query_tooltip;

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    {
      if (i == 0 || !g_str_equal (bindings[i].action, bindings[i - 1].action))
        gtk_widget_class_install_action (widget_class, bindings[i].action, NULL, move_focus);
      gtk_widget_class_add_binding_action (widget_class, bindings[i].key, 0, bindings[i].action, NULL);
    }

  /**
   * VecinosChartView:log-scale:
   *
   * Values by powers of ten, as asked; drawn so only while
   * #VecinosChartView:log-scale-available
   */
  properties[PROP_LOG_SCALE] =
    g_param_spec_boolean ("log-scale", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * VecinosChartView:log-scale-available:
   *
   * Whether the chart shown can have a logarithmic axis: every figure and
   * every claimed number above zero
   */
  properties[PROP_LOG_SCALE_AVAILABLE] =
    g_param_spec_boolean ("log-scale-available", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  GtkEventController *pointer = gtk_event_controller_motion_new ();

  self->log_scale_available = TRUE;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect (click, "pressed", G_CALLBACK (clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (pointer, "motion", G_CALLBACK (motion), self);
  g_signal_connect (pointer, "leave", G_CALLBACK (leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), pointer);
  update_accessible (self);
}

static void
update_log_scale_available (VecinosChartView *self)
{
  gboolean available = vecinos_chart_can_log (self->series, self->compare);

  if (available == self->log_scale_available)
    return;
  self->log_scale_available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOG_SCALE_AVAILABLE]);
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
  g_clear_pointer (&self->compare, vecinos_series_free);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_array_unref);
  self->series = series;
  self->terms = terms ? g_ptr_array_ref (terms) : NULL;
  self->events = events;
  self->focus_year = 0;
  self->focus_series = 0;
  self->hover_year = 0;
  update_log_scale_available (self);
  vecinos_chart_view_set_selected_event (self, self->selected);
  update_accessible (self);
  redraw (self);
}

const VecinosSeries *
vecinos_chart_view_get_series (VecinosChartView *self)
{
  g_return_val_if_fail (VECINOS_IS_CHART_VIEW (self), NULL);
  return self->series;
}

/**
 * vecinos_chart_view_set_compare:
 * @compare: (transfer full) (nullable): a second series, drawn with squares
 * @shared_axis: both on one value axis (indexes), or each on its own
 *
 * Call after vecinos_chart_view_set_series(), which clears it.
 */
void
vecinos_chart_view_set_compare (VecinosChartView *self,
                                VecinosSeries    *compare,
                                gboolean          shared_axis)
{
  g_return_if_fail (VECINOS_IS_CHART_VIEW (self));

  g_clear_pointer (&self->compare, vecinos_series_free);
  self->compare = compare;
  self->shared_axis = shared_axis;
  self->focus_series = 0;
  update_log_scale_available (self);
  update_accessible (self);
  redraw (self);
}

const VecinosSeries *
vecinos_chart_view_get_compare (VecinosChartView *self)
{
  g_return_val_if_fail (VECINOS_IS_CHART_VIEW (self), NULL);
  return self->compare;
}

/**
 * vecinos_chart_view_set_log_scale:
 *
 * Values by powers of ten, where every value is above zero (otherwise the
 * axis stays linear: see #VecinosChartView:log-scale-available)
 */
void
vecinos_chart_view_set_log_scale (VecinosChartView *self,
                                  gboolean          log_scale)
{
  g_return_if_fail (VECINOS_IS_CHART_VIEW (self));

  log_scale = !!log_scale;
  if (log_scale == self->log_scale)
    return;
  self->log_scale = log_scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOG_SCALE]);
  redraw (self);
}

gboolean
vecinos_chart_view_get_log_scale (VecinosChartView *self)
{
  g_return_val_if_fail (VECINOS_IS_CHART_VIEW (self), FALSE);
  return self->log_scale;
}

gboolean
vecinos_chart_view_get_log_scale_available (VecinosChartView *self)
{
  g_return_val_if_fail (VECINOS_IS_CHART_VIEW (self), FALSE);
  return self->log_scale_available;
}

/**
 * vecinos_chart_view_set_time_range:
 * @start: the first year shown, fractional
 * @end: the last; 0 and 0 for the series' own years
 */
void
vecinos_chart_view_set_time_range (VecinosChartView *self,
                                   double            start,
                                   double            end)
{
  g_return_if_fail (VECINOS_IS_CHART_VIEW (self));

  self->range_start = start;
  self->range_end = end;
  redraw (self);
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

  g_set_object (&self->selected, event);
  /* The same event, not the same object: the timeline's list and the
   * charts' are two lists of the dataset's events */
  for (guint i = 0; self->events != NULL && i < self->events->len; i++)
    {
      VecinosChartEvent *chart_event = &g_array_index (self->events, VecinosChartEvent, i);

      chart_event->selected = event != NULL && chart_event->event != NULL &&
                              g_str_equal (vecinos_event_get_slug (chart_event->event),
                                           vecinos_event_get_slug (event));
    }
  redraw (self);
}

/**
 * vecinos_chart_view_set_title_scale:
 * @scale: the title's size against the text's (1.5 in front of a class)
 */
void
vecinos_chart_view_set_title_scale (VecinosChartView *self,
                                    double            scale)
{
  g_return_if_fail (VECINOS_IS_CHART_VIEW (self));

  if (self->title_scale == scale)
    return;
  self->title_scale = scale;
  redraw (self);
}

/**
 * vecinos_chart_view_get_title_scale:
 *
 * Returns: the title's size against the text's
 */
double
vecinos_chart_view_get_title_scale (VecinosChartView *self)
{
  g_return_val_if_fail (VECINOS_IS_CHART_VIEW (self), 1.0);

  return MAX (self->title_scale, 1.0);
}
