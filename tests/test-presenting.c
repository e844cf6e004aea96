/* test-presenting.c — presenting on a 1024 × 768 projector: the window
 * covers the screen, and the text reads from the back of a room
 *
 * Run on its own X server of that size with a window manager (full screen
 * is the window manager's to grant): see tests/run-on-screen.sh.
 *
 * Sizes are a line of text as Pango lays it out (ascent to descent), from
 * the widgets' own layouts, against the screen's height: body text and
 * narration at least 4 %, titles 6 %, the timeline's row names, era
 * names, axis labels and the chart's legend 3 %. Contrast is measured on
 * the rendered pixels (so a theme's "dim" opacity counts): the ink that
 * stands out most from a region's commonest colour, at least 4.5:1, in
 * the light and the dark style.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-test.h"
#include "vecinos-test-gtk.h"

#include <gtk/gtk.h>

#include "vecinos-window-private.h"

static int screen_height;

/* Iterates the main loop until @done says so, for at most five seconds */
static void
wait_until (gboolean (*done) (GtkWidget *),
            GtkWidget *widget,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (widget))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting until %s (full screen: %d, %d × %d)", what,
                 GTK_IS_WINDOW (widget) && gtk_window_is_fullscreen (GTK_WINDOW (widget)),
                 gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Full screen, and the window's surface as large as the screen */
static gboolean
covers_screen (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return gtk_window_is_fullscreen (GTK_WINDOW (window)) &&
         gdk_surface_get_width (surface) == 1024 && gdk_surface_get_height (surface) == screen_height;
}

static void
find_by_class (GtkWidget  *widget,
               const char *css_class,
               GtkWidget **found)
{
  if (*found != NULL || !gtk_widget_get_mapped (widget))
    return;
  if (gtk_widget_has_css_class (widget, css_class))
    {
      *found = widget;
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_by_class (child, css_class, found);
}

static GtkWidget *
shown_with_class (GtkWidget  *root,
                  const char *css_class)
{
  GtkWidget *found = NULL;

  find_by_class (root, css_class, &found);
  g_assert_nonnull (found);
  return found;
}

/* The longest text of the mapped labels under @widget: a card's body */
static void
find_longest_label (GtkWidget  *widget,
                    GtkWidget **longest)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) &&
      (*longest == NULL ||
       strlen (gtk_label_get_text (GTK_LABEL (widget))) > strlen (gtk_label_get_text (GTK_LABEL (*longest)))))
    *longest = widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_longest_label (child, longest);
}

/* A line of @label's text, in pixels */
static double
label_line_height (GtkWidget *label)
{
  PangoRectangle logical;

  pango_layout_line_get_pixel_extents (pango_layout_get_line_readonly (gtk_label_get_layout (GTK_LABEL (label)), 0),
                                       NULL, &logical);
  return logical.height;
}

/* A line of what @widget draws itself, at @scale times its text size */
static double
drawn_line_height (GtkWidget *widget,
                   double     scale)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Ag");
  PangoAttrList *attributes = pango_attr_list_new ();
  int height;

  pango_attr_list_insert (attributes, pango_attr_scale_new (scale));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static void
assert_share (const char *what,
              double      pixels,
              double      share)
{
  g_test_message ("%s: %.0f px, %.1f %% of %d", what, pixels, 100 * pixels / screen_height, screen_height);
  if (pixels < share * screen_height)
    g_error ("%s: a line of %.0f px is under %.0f %% of the screen's %d px", what, pixels, share * 100,
             screen_height);
}

/* WCAG's relative luminance of an 8-bit sRGB colour */
static double
luminance (const int rgb[3])
{
  double channel[3];

  for (int i = 0; i < 3; i++)
    {
      double c = rgb[i] / 255.0;

      channel[i] = c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
    }
  return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
}

static double
contrast (const int a[3],
          const int b[3])
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* In @rect of the window's pixels: the commonest colour is the ground, and
 * the text's contrast is that of the pixel farthest from it */
static double
region_contrast (const Pixels          *pixels,
                 const graphene_rect_t *rect)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint32 ground = 0;
  guint best = 0;
  int ground_rgb[3], ink[4];
  double most = 1;

  for (int y = MAX (0, (int) rect->origin.y); y < MIN (pixels->height, (int) (rect->origin.y + rect->size.height)); y++)
    for (int x = MAX (0, (int) rect->origin.x); x < MIN (pixels->width, (int) (rect->origin.x + rect->size.width)); x++)
      {
        int rgba[4];
        guint32 key;
        guint n;

        pixel_at (pixels, x, y, rgba);
        key = (rgba[0] << 16) | (rgba[1] << 8) | rgba[2];
        n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (key))) + 1;
        g_hash_table_insert (counts, GUINT_TO_POINTER (key), GUINT_TO_POINTER (n));
        if (n > best)
          best = n, ground = key;
      }
  ground_rgb[0] = ground >> 16;
  ground_rgb[1] = (ground >> 8) & 0xff;
  ground_rgb[2] = ground & 0xff;
  for (int y = MAX (0, (int) rect->origin.y); y < MIN (pixels->height, (int) (rect->origin.y + rect->size.height)); y++)
    for (int x = MAX (0, (int) rect->origin.x); x < MIN (pixels->width, (int) (rect->origin.x + rect->size.width)); x++)
      {
        pixel_at (pixels, x, y, ink);
        most = MAX (most, contrast (ground_rgb, ink));
      }
  return most;
}

static void
assert_contrast (const char            *what,
                 const Pixels          *pixels,
                 const graphene_rect_t *rect)
{
  double ratio = region_contrast (pixels, rect);

  g_test_message ("%s: contrast %.1f:1", what, ratio);
  if (ratio < 4.5)
    g_error ("%s: contrast %.2f:1 is under 4.5:1", what, ratio);
}

static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *window)
{
  graphene_rect_t rect;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &rect));
  return rect;
}

/* The sizes and contrasts of the step shown, in the style now in use */
static void
check_step (GtkWidget  *window,
            const char *style)
{
  VecinosWindow *self = VECINOS_WINDOW (window);
  const char *view = vecinos_window_get_visible_page (self);
  GtkWidget *narration;
  Pixels pixels;
  g_autofree char *what = NULL;

  gtk_test_widget_wait_for_draw (window);
  narration = shown_with_class (window, "tour-text");
  pixels = render (window);

  what = g_strdup_printf ("%s, %s: narration", style, view);
  assert_share (what, label_line_height (narration), 0.04);
  assert_contrast (what, &pixels, &GRAPHENE_RECT_INIT (bounds_in (narration, window).origin.x,
                                                        bounds_in (narration, window).origin.y,
                                                        bounds_in (narration, window).size.width,
                                                        bounds_in (narration, window).size.height));

  if (g_str_equal (view, "timeline"))
    {
      GtkWidget *timeline = GTK_WIDGET (vecinos_window_get_timeline_view (self));
      GtkWidget *card = GTK_WIDGET (vecinos_window_get_event_page (self));
      GtkWidget *title = shown_with_class (card, "event-page-title");
      GtkWidget *body = NULL;
      graphene_rect_t area = bounds_in (timeline, window);
      double gutter = vecinos_timeline_view_get_gutter (VECINOS_TIMELINE_VIEW (timeline));
      double line = drawn_line_height (timeline, 1.0);
      g_autofree char *card_title = g_strdup_printf ("%s: the event's title", style);
      g_autofree char *card_body = g_strdup_printf ("%s: the event's summary", style);
      g_autofree char *rows = g_strdup_printf ("%s: the timeline's row names", style);
      g_autofree char *axis = g_strdup_printf ("%s: the timeline's years", style);

      find_longest_label (card, &body);
      g_assert_nonnull (body);
      assert_share (card_title, label_line_height (title), 0.06);
      assert_share (card_body, label_line_height (body), 0.04);
      assert_share (rows, line, 0.03);
      assert_share (axis, line, 0.03);
      assert_contrast (card_title, &pixels, &GRAPHENE_RECT_INIT (bounds_in (title, window).origin.x,
                                                                  bounds_in (title, window).origin.y,
                                                                  bounds_in (title, window).size.width,
                                                                  bounds_in (title, window).size.height));
      assert_contrast (card_body, &pixels, &GRAPHENE_RECT_INIT (bounds_in (body, window).origin.x,
                                                                 bounds_in (body, window).origin.y,
                                                                 bounds_in (body, window).size.width,
                                                                 bounds_in (body, window).size.height));
      g_assert_cmpfloat (gutter, >, line);
      assert_contrast (rows, &pixels, &GRAPHENE_RECT_INIT (area.origin.x, area.origin.y + 2 * line,
                                                            gutter, area.size.height - 4 * line));
      assert_contrast (axis, &pixels, &GRAPHENE_RECT_INIT (area.origin.x + gutter, area.origin.y,
                                                            area.size.width - gutter, line + 4));
    }
  else if (g_str_equal (view, "charts"))
    {
      VecinosChartView *chart = vecinos_charts_page_get_chart (vecinos_window_get_charts_page (self));
      graphene_rect_t area = bounds_in (GTK_WIDGET (chart), window);
      double line = drawn_line_height (GTK_WIDGET (chart), 1.0);
      g_autofree char *title = g_strdup_printf ("%s: the chart's title", style);
      g_autofree char *legend = g_strdup_printf ("%s: the chart's legend and axes", style);

      assert_share (title, drawn_line_height (GTK_WIDGET (chart), vecinos_chart_view_get_title_scale (chart)), 0.06);
      assert_share (legend, line, 0.03);
      /* The title's row, and the legend's at the bottom */
      assert_contrast (title, &pixels, &GRAPHENE_RECT_INIT (area.origin.x, area.origin.y, area.size.width,
                                                             line * 1.5 + 8));
      assert_contrast (legend, &pixels, &GRAPHENE_RECT_INIT (area.origin.x, area.origin.y + area.size.height - line - 8,
                                                              area.size.width, line + 8));
    }
  g_free (pixels.data);
}

static void
test_presenting (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("VECINOS_BUNDLED_DATASET"));
  g_autoptr(GError) error = NULL;
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, &error);
  GtkSettings *settings = gtk_settings_get_default ();
  GtkWidget *window;
  VecinosContext *context;
  GdkRectangle geometry;
  GdkMonitor *monitor;

  g_assert_no_error (error);
  window = vecinos_window_new (NULL, dataset, "en", NULL);
  context = vecinos_window_get_context (VECINOS_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (window),
                                                gtk_native_get_surface (GTK_NATIVE (window)));
  gdk_monitor_get_geometry (monitor, &geometry);
  screen_height = geometry.height;
  g_assert_cmpint (geometry.width, ==, 1024);
  g_assert_cmpint (geometry.height, ==, 768);

  /* The first step of a tour (the timeline), then one on a chart */
  g_assert_true (gtk_widget_activate_action (window, "win.start-tour", "s", "nafta-to-usmca"));
  g_assert_true (gtk_widget_activate_action (window, "win.present", NULL));
  g_assert_true (vecinos_context_get_presenting (context));
  wait_until (covers_screen, window, "the window covers the screen");
  /* … and what it shows fills it, but for the window's own border */
  g_assert_cmpint (gtk_widget_get_width (window), >=, geometry.width - 12);
  g_assert_cmpint (gtk_widget_get_height (window), >=, geometry.height - 12);

  for (int dark = 0; dark <= 1; dark++)
    {
      const char *style = dark ? "dark" : "light";

      g_object_set (settings, "gtk-application-prefer-dark-theme", dark, NULL);
      vecinos_context_set_tour_step (context, 0);
      g_assert_cmpstr (vecinos_window_get_visible_page (VECINOS_WINDOW (window)), ==, "timeline");
      check_step (window, style);
      /* Step 3 charts the trade in goods */
      vecinos_context_set_tour_step (context, 2);
      g_assert_cmpstr (vecinos_window_get_visible_page (VECINOS_WINDOW (window)), ==, "charts");
      check_step (window, style);
    }

  /* Escape gives the window back */
  g_assert_true (gtk_widget_activate_action (window, "win.present", NULL));
  g_assert_false (vecinos_context_get_presenting (context));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  vecinos_test_init_translations ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/presenting/projector", test_presenting);
  return g_test_run ();
}
