/* test-large-text.c — the desktop's Large Text and Ctrl+= at 150 % and
 * 200 % on a small screen: nothing clipped, hidden or drawn over
 *
 * Run on an X server of the screen's size with a window manager: see
 * tests/run-on-screen.sh and tests/meson.build.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-test.h"

#include <string.h>

#include <gtk/gtk.h>

#include "vecinos-window-private.h"

/* The mapped labels under @widget */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* The labels of @bar: inside the window, whole (no narrower than they ask
 * to be), none over another */
static void
assert_bar_fits (GtkWidget  *window,
                 GtkWidget  *bar,
                 const char *what)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  graphene_rect_t inside;

  g_assert_true (gtk_widget_compute_bounds (window, window, &inside));
  collect_labels (bar, labels);
  g_assert_cmpuint (labels->len, >, 0);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      graphene_rect_t bounds;
      int minimum;

      g_assert_true (gtk_widget_compute_bounds (label, window, &bounds));
      gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (!graphene_rect_contains_rect (&inside, &bounds) || bounds.size.width < minimum)
        g_error ("%s: “%s” is clipped (%.0f,%.0f %.0f×%.0f, asks %d)", what,
                 gtk_label_get_text (GTK_LABEL (label)), bounds.origin.x, bounds.origin.y,
                 bounds.size.width, bounds.size.height, minimum);
      for (guint j = 0; j < i; j++)
        {
          graphene_rect_t other;

          g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (labels, j), window, &other));
          /* (a pixel's touch between neighbours is not an overlap) */
          graphene_rect_inset (&other, 1, 1);
          if (graphene_rect_intersection (&bounds, &other, NULL))
            g_error ("%s: “%s” overlaps “%s”", what, gtk_label_get_text (GTK_LABEL (label)),
                     gtk_label_get_text (GTK_LABEL (g_ptr_array_index (labels, j))));
        }
    }
}

/* Larger text (the desktop's Large Text, Ctrl+=) at 150 % and 200 %, on
 * the screen this runs on (1024 × 768 and 1280 × 720 in tests/meson.build),
 * in Spanish (the longer words): the window still fits the screen, the
 * header's and the toolbar's labels are whole and apart, the timeline's row
 * names have their column and a line each, and the chart keeps a plot */
static void
test_large_text (void)
{
  static const double scales[] = { 1.5, 2.0 };
  int sizes[1][2];
  g_autoptr(GSettings) settings = g_settings_new ("io.github.vecinos.Vecinos");
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("VECINOS_BUNDLED_DATASET"));
  g_autoptr(GError) error = NULL;
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, &error);
  g_autoptr(GPtrArray) categories = NULL;

  g_assert_no_error (error);
  {
    GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
    g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
    GdkRectangle screen;

    gdk_monitor_get_geometry (monitor, &screen);
    sizes[0][0] = screen.width;
    sizes[0][1] = screen.height;
  }
  categories = vecinos_dataset_list_categories (dataset, "es");
  vecinos_language_use ("es");
  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        GtkWidget *window = vecinos_window_new (NULL, dataset, "es", NULL);
        VecinosWindow *self = VECINOS_WINDOW (window);
        GtkWidget *workspace = vecinos_window_get_workspace (self);
        GtkWidget *timeline = GTK_WIDGET (vecinos_window_get_timeline_view (self));
        GtkWidget *chart;
        g_autoptr(PangoLayout) line_layout = NULL;
        g_autofree char *what = g_strdup_printf ("%.0f %% at %d × %d", scales[s] * 100, sizes[z][0], sizes[z][1]);
        double widest = 0;
        int minimum, line;

        g_settings_set_double (settings, "text-scale", scales[s]);
        gtk_window_set_default_size (GTK_WINDOW (window), sizes[z][0], sizes[z][1]);
        gtk_window_present (GTK_WINDOW (window));
        g_assert_true (gtk_widget_activate_action (window, "win.show-event", "s", "nafta-in-force"));
        gtk_test_widget_wait_for_draw (window);
        /* (the header is fitted once the first frame is drawn) */
        while (g_main_context_iteration (NULL, FALSE))
          ;
        gtk_test_widget_wait_for_draw (window);

        /* Nothing asks for more than the screen */
        gtk_widget_measure (workspace, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
        if (minimum > sizes[z][0])
          g_error ("%s: the window needs %d pixels across", what, minimum);
        gtk_widget_measure (workspace, GTK_ORIENTATION_VERTICAL, sizes[z][0], &minimum, NULL, NULL, NULL);
        if (minimum > sizes[z][1])
          g_error ("%s: the window needs %d pixels down", what, minimum);
        g_assert_cmpint (gtk_widget_get_width (window), <=, sizes[z][0]);
        g_assert_cmpint (gtk_widget_get_height (window), <=, sizes[z][1]);

        assert_bar_fits (window, gtk_widget_get_ancestor (GTK_WIDGET (vecinos_window_get_language_button (self, "es")),
                                                          GTK_TYPE_HEADER_BAR), what);
        assert_bar_fits (window, gtk_widget_get_ancestor (GTK_WIDGET (vecinos_window_get_filter_entry (self)),
                                                          GTK_TYPE_FLOW_BOX), what);

        /* The timeline: each row's name in the column, a line for each */
        line_layout = gtk_widget_create_pango_layout (timeline, "Ag");
        pango_layout_get_pixel_size (line_layout, NULL, &line);
        for (guint i = 0; i < categories->len; i++)
          {
            const VecinosCategory *category = g_ptr_array_index (categories, i);
            g_autoptr(PangoLayout) name = gtk_widget_create_pango_layout (timeline, category->name);
            int width;

            pango_layout_get_pixel_size (name, &width, NULL);
            widest = MAX (widest, width);
          }
        if (vecinos_timeline_view_get_gutter (VECINOS_TIMELINE_VIEW (timeline)) < widest)
          g_error ("%s: the rows' names (%.0f px) are wider than their column (%.0f px)", what, widest,
                   vecinos_timeline_view_get_gutter (VECINOS_TIMELINE_VIEW (timeline)));
        /* the axis, two era bands and the rows */
        if (gtk_widget_get_height (timeline) < (int) (categories->len + 3) * line)
          g_error ("%s: %u rows of %d-pixel names on a timeline %d pixels high", what, categories->len, line,
                   gtk_widget_get_height (timeline));

        /* The chart: its title, its strips, its years and its legend, and
         * a plot of at least a hundred pixels */
        g_assert_true (gtk_widget_activate_action (window, "win.show-series", "s", "mx_homicides"));
        gtk_test_widget_wait_for_draw (window);
        chart = GTK_WIDGET (vecinos_charts_page_get_chart (vecinos_window_get_charts_page (self)));
        if (gtk_widget_get_height (chart) < 7 * line + 100)
          g_error ("%s: a chart %d pixels high for %d-pixel text", what, gtk_widget_get_height (chart), line);
        assert_bar_fits (window, gtk_widget_get_ancestor (GTK_WIDGET (vecinos_window_get_language_button (self, "es")),
                                                          GTK_TYPE_HEADER_BAR), what);

        g_test_message ("%s: fits; text %d px a line, rows' column %.0f px, chart %d px high", what, line,
                        vecinos_timeline_view_get_gutter (VECINOS_TIMELINE_VIEW (timeline)),
                        gtk_widget_get_height (chart));
        gtk_window_destroy (GTK_WINDOW (window));
        while (g_main_context_iteration (NULL, FALSE))
          ;
        vecinos_language_use ("es");
      }
  g_settings_reset (settings, "text-scale");
  vecinos_language_use ("en");
}

int
main (int   argc,
      char *argv[])
{
  vecinos_test_init_translations ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/large-text/fits", test_large_text);
  return g_test_run ();
}
