/* test-charts.c — the Charts view with the keyboard, a screen reader's
 * names, and the defects of issue 14 that belong to it
 *
 * Tab and Shift+Tab go through GTK's own Tab handler
 * (gtk_widget_child_focus() on the window, as GtkWindow does for the key);
 * the search field's Down and Enter and a row's Space are real key presses
 * sent to the X server with xdotool, to the focused window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "vecinos-chart-draw.h"
#include "vecinos-charts-page-private.h"
#include "vecinos-language.h"
#include "vecinos-test-gtk.h"
#include "vecinos-window-private.h"

#define KEY_SECONDS 5.0

static VecinosWindow *
show_window (const char *dataset_variable,
             const char *language)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv (dataset_variable));
  g_autoptr(GError) error = NULL;
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, &error);
  GtkWidget *window;

  g_assert_no_error (error);
  window = GTK_WIDGET (vecinos_test_present (dataset, NULL, language, 1280, 720));
  g_assert_true (gtk_widget_activate_action (window, "win.show-view", "s", "charts"));
  gtk_test_widget_wait_for_draw (window);
  return VECINOS_WINDOW (window);
}


static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static const char *
shown_slug (VecinosChartsPage *page)
{
  const VecinosSeries *series = vecinos_chart_view_get_series (page->chart);

  return series != NULL ? series->slug : NULL;
}

static GtkWidget *
focus_of (VecinosWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* One Tab (or Shift+Tab) as GtkWindow handles the key */
static void
tab (VecinosWindow    *window,
     GtkDirectionType  direction)
{
  if (!gtk_widget_child_focus (GTK_WIDGET (window), direction))
    {
      /* Past the last control GtkWindow starts again from the first */
      gtk_window_set_focus (GTK_WINDOW (window), NULL);
      gtk_widget_child_focus (GTK_WIDGET (window), direction);
    }
  settle ();
}

/* The control that holds @focus among those the view offers, or NULL */
static GtkWidget *
control_of (GtkWidget *focus,
            GtkWidget *controls[],
            guint      n)
{
  for (guint i = 0; i < n; i++)
    if (focus == controls[i] || (focus != NULL && gtk_widget_is_ancestor (focus, controls[i])))
      return controls[i];
  return NULL;
}

/* From @start, Tab in @direction until the focus leaves the view: every
 * stop on the way, in order */
static GPtrArray *
walk (VecinosWindow    *window,
      GtkWidget        *start,
      GtkDirectionType  direction)
{
  VecinosChartsPage *page = vecinos_window_get_charts_page (window);
  GPtrArray *stops = g_ptr_array_new ();
  GtkWidget *previous;

  g_assert_true (gtk_widget_grab_focus (start));
  settle ();
  previous = focus_of (window);
  g_ptr_array_add (stops, previous);
  for (guint i = 0; i < 100; i++)
    {
      GtkWidget *focus;

      tab (window, direction);
      focus = focus_of (window);
      if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (page)))
        return stops;
      /* A control that keeps the focus for two presses is a dead end */
      if (focus == previous)
        g_error ("%s stops at a %s: the next press does not move the focus",
                 direction == GTK_DIR_TAB_FORWARD ? "Tab" : "Shift+Tab", G_OBJECT_TYPE_NAME (focus));
      g_ptr_array_add (stops, focus);
      previous = focus;
    }
  g_error ("the focus never left the Charts view");
}

/* Tab and Shift+Tab through the view for a series that cannot be shown per
 * person (25 of the 29 bundled ones): every control is reached both ways,
 * none holds the focus two presses, the list is one stop, and passing
 * over it opens nothing */
static void
test_tab_chain (gconstpointer data)
{
  const char *language = data;
  VecinosWindow *window = show_window ("VECINOS_BUNDLED_DATASET", language);
  VecinosChartsPage *page = vecinos_window_get_charts_page (window);
  GtkWidget *export_inner = gtk_widget_get_first_child (GTK_WIDGET (page->export_button));
  GtkWidget *show_data = gtk_widget_get_first_child (page->actions);
  GtkWidget *copy = gtk_widget_get_next_sibling (show_data);
  GtkWidget *controls[] = {
    GTK_WIDGET (page->search), GTK_WIDGET (page->list), GTK_WIDGET (page->compare),
    GTK_WIDGET (page->index), GTK_WIDGET (page->follow), show_data, copy, export_inner,
    GTK_WIDGET (page->chart),
  };
  g_autoptr(GPtrArray) forward = NULL;
  g_autoptr(GPtrArray) backward = NULL;
  g_autofree char *slug = NULL;
  guint row_stops = 0;

  g_assert_true (vecinos_charts_page_show_series (page, "us_mx_goods_trade_total"));
  g_assert_false (vecinos_charts_page_get_option_available (page, "per-person"));
  settle ();
  slug = g_strdup (shown_slug (page));

  forward = walk (window, GTK_WIDGET (page->search), GTK_DIR_TAB_FORWARD);
  for (guint c = 0; c < G_N_ELEMENTS (controls); c++)
    {
      gboolean reached = FALSE;

      for (guint i = 0; i < forward->len; i++)
        reached |= control_of (forward->pdata[i], &controls[c], 1) != NULL;
      if (!reached)
        g_error ("Tab from the search never reaches the %s (%u stops)",
                 G_OBJECT_TYPE_NAME (controls[c]), forward->len);
    }
  for (guint i = 0; i < forward->len; i++)
    if (GTK_IS_LIST_BOX_ROW (forward->pdata[i]))
      {
        row_stops++;
        /* Onto the row open, which stays open */
        g_assert_true (forward->pdata[i] == gtk_list_box_get_row_at_index (page->list, page->current));
      }
  g_assert_cmpuint (row_stops, ==, 1);
  g_assert_cmpstr (shown_slug (page), ==, slug);

  /* Back from the last stop: the same controls, in the reverse order */
  backward = walk (window, forward->pdata[forward->len - 1], GTK_DIR_TAB_BACKWARD);
  g_assert_cmpuint (backward->len, ==, forward->len);
  for (guint i = 0; i < forward->len; i++)
    g_assert_true (backward->pdata[i] == forward->pdata[forward->len - 1 - i]);
  g_assert_cmpstr (shown_slug (page), ==, slug);

  vecinos_test_close_window (window);
}

/* --- Real keys --- */

static gboolean
is_active (VecinosWindow *window,
           gconstpointer  data)
{
  return gtk_window_is_active (GTK_WINDOW (window));
}

static gboolean
focus_is_not (VecinosWindow *window,
              gconstpointer  data)
{
  return focus_of (window) != data;
}

static gboolean
shows (VecinosWindow *window,
       gconstpointer  data)
{
  return g_strcmp0 (shown_slug (vecinos_window_get_charts_page (window)), data) == 0;
}

/* Presses @key and waits for the focus to move */
static void
press_moving_focus (VecinosWindow *window,
                    const char    *key)
{
  GtkWidget *before = focus_of (window);

  vecinos_test_press_key (key);
  if (!vecinos_test_wait_until (window, focus_is_not, before, KEY_SECONDS))
    g_error ("%s did not move the focus from a %s", key, before ? G_OBJECT_TYPE_NAME (before) : "nothing");
  settle ();
}

/* In the indicator search, Down reaches the results without opening one;
 * in the list, Down moves and Space opens; Enter in the search opens the
 * first result */
static void
test_search_keys (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  VecinosWindow *window;
  VecinosChartsPage *page;
  GtkListBoxRow *row;

  if (xdotool == NULL)
    {
      g_test_fail_printf ("xdotool is not installed: this test sends real key presses with it");
      return;
    }
  window = show_window ("VECINOS_BUNDLED_DATASET", "en");
  page = vecinos_window_get_charts_page (window);
  if (!vecinos_test_wait_until (window, is_active, NULL, KEY_SECONDS))
    g_error ("the window did not get the keyboard focus of the display");
  g_assert_true (vecinos_charts_page_show_series (page, "mx_population"));

  /* "homicid" keeps the homicides and the homicide rate */
  gtk_editable_set_text (GTK_EDITABLE (page->search), "homicid");
  gtk_widget_grab_focus (GTK_WIDGET (page->search));
  settle ();
  press_moving_focus (window, "Down");
  row = GTK_LIST_BOX_ROW (focus_of (window));
  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  g_assert_cmpstr (((VecinosSeriesRef *) g_ptr_array_index (page->series, gtk_list_box_row_get_index (row)))->slug,
                   ==, "mx_homicide_rate");
  g_assert_cmpstr (shown_slug (page), ==, "mx_population");

  /* Down moves in the list, Space opens */
  press_moving_focus (window, "Down");
  row = GTK_LIST_BOX_ROW (focus_of (window));
  g_assert_cmpstr (((VecinosSeriesRef *) g_ptr_array_index (page->series, gtk_list_box_row_get_index (row)))->slug,
                   ==, "mx_homicides");
  g_assert_cmpstr (shown_slug (page), ==, "mx_population");
  vecinos_test_press_key ("space");
  if (!vecinos_test_wait_until (window, shows, "mx_homicides", KEY_SECONDS))
    g_error ("Space on a row did not open it (%s shown)", shown_slug (page));

  /* Enter in the search: the first result, opened */
  gtk_widget_grab_focus (GTK_WIDGET (page->search));
  settle ();
  vecinos_test_press_key ("Return");
  if (!vecinos_test_wait_until (window, shows, "mx_homicide_rate", KEY_SECONDS))
    g_error ("Enter in the search did not open the first result (%s shown)", shown_slug (page));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus_of (window)));

  vecinos_test_close_window (window);
}

/* --- What else issue 14 found in the view --- */

/* The first chart is a series with a long record, not the first listed */
static void
test_first_chart (void)
{
  VecinosWindow *window = show_window ("VECINOS_BUNDLED_DATASET", "en");
  VecinosChartsPage *page = vecinos_window_get_charts_page (window);
  const VecinosSeries *shown = vecinos_chart_view_get_series (page->chart);
  const VecinosSeriesRef *first = g_ptr_array_index (page->series, 0);
  g_autoptr(VecinosSeries) first_listed = vecinos_dataset_get_series (page->dataset, first->slug, "en", NULL);

  g_assert_nonnull (shown);
  g_assert_cmpuint (first_listed->points->len, <, 20);
  g_assert_cmpuint (shown->points->len, >=, 30);
  vecinos_test_close_window (window);
}

/* The chart says the figure the keyboard is on first, and does not repeat
 * its summary before each one */
static void
test_chart_figure (void)
{
  VecinosWindow *window = show_window ("VECINOS_TEST_DATASET", "en");
  VecinosChartsPage *page = vecinos_window_get_charts_page (window);
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;

  g_assert_true (vecinos_charts_page_show_series (page, "mx_homicides"));
  summary = vecinos_series_describe (vecinos_chart_view_get_series (page->chart));
  description = g_strdup_printf ("%s Left and Right move between figures, Home and End to the first and last.",
                                 summary);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  gtk_widget_activate_action (GTK_WIDGET (page->chart), "chart.next", NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "2012: 25,967 persons. The preliminary count was 26037. "
                                       "Intentional homicides in Mexico");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  gtk_widget_activate_action (GTK_WIDGET (page->chart), "chart.next", NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "2024: 33,241 persons. Preliminary, to be revised. "
                                       "Intentional homicides in Mexico");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page->chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  vecinos_test_close_window (window);
}

static void
clipboard_read (GObject      *clipboard,
                GAsyncResult *result,
                gpointer      data)
{
  char **text = data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
}

/* A comparison keeps the second series' sources: the source line, Show
 * Data, Copy Citation; Copy and Export say what they did in a status */
static void
test_comparison_sources (void)
{
  VecinosWindow *window = show_window ("VECINOS_TEST_DATASET", "en");
  VecinosChartsPage *page = vecinos_window_get_charts_page (window);
  GListModel *rows = G_LIST_MODEL (page->rows);
  g_autofree char *citation = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vecinos-charts-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "both.pdf", NULL);
  g_autofree char *said = g_strdup_printf ("Exported to “%s”.", pdf);
  g_autoptr(GError) error = NULL;
  const VecinosSeries *compare;

  g_assert_true (vecinos_charts_page_show_series (page, "mx_homicides"));
  g_assert_true (vecinos_charts_page_set_options (page, "merida_funding", FALSE, FALSE, FALSE));
  compare = vecinos_chart_view_get_compare (page->chart);
  g_assert_nonnull (compare);

  g_assert_nonnull (strstr (vecinos_charts_page_get_text (page, "source"), "INEGI"));
  g_assert_nonnull (strstr (vecinos_charts_page_get_text (page, "source"), compare->source_org));
  g_assert_true (g_str_has_prefix (vecinos_charts_page_get_text (page, "source"), "Sources: "));

  /* Show Data: both series' figures, the second's named, with sources */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  {
    g_autoptr(GObject) last = g_list_model_get_item (rows, 2);
    g_autofree char *period = NULL;
    g_autofree char *source = NULL;

    g_object_get (last, "period", &period, "source", &source, NULL);
    g_assert_true (g_str_has_prefix (period, compare->name));
    g_assert_cmpstr (source, !=, "");
  }

  /* Copy Citation: both, and a status says so */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (page->status), GTK_ACCESSIBLE_ROLE_STATUS);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->status)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "charts.copy-citation", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (page)), NULL, clipboard_read, &citation);
  while (citation == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (strstr (citation, "INEGI"));
  g_assert_nonnull (strstr (citation, compare->source_org));
  g_assert_nonnull (strstr (citation, compare->name));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->status)));
  g_assert_cmpstr (gtk_label_get_text (page->status), ==, "Both citations copied to the clipboard.");

  /* Export: the status names the file */
  g_assert_true (vecinos_charts_page_export (page, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_label_get_text (page->status), ==, said);
  g_unlink (pdf);
  g_rmdir (dir);

  /* Another chart: the status is of the last one, so it goes */
  g_assert_true (vecinos_charts_page_show_series (page, "merida_funding"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->status)));
  vecinos_test_close_window (window);
}

/* Show Data: after its button, a row of one or two lines each (they were
 * ~125 pixels high, a source wrapped over many lines) */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static void
test_table (void)
{
  VecinosWindow *window = show_window ("VECINOS_BUNDLED_DATASET", "en");
  VecinosChartsPage *page = vecinos_window_get_charts_page (window);
  GtkWidget *show_data = gtk_widget_get_first_child (page->actions);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  graphene_point_t button, table;
  guint cells = 0, cut = 0;

  g_assert_true (vecinos_charts_page_show_series (page, "mx_fdi_inflows_wb"));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (show_data));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (show_data), TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* After its button, on the screen and in the order of the widgets */
  g_assert_true (gtk_widget_compute_point (show_data, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &button));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (page->table), GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &table));
  g_assert_cmpfloat (table.y, >, button.y);

  collect_labels (GTK_WIDGET (page->table), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      PangoLayout *layout = gtk_label_get_layout (labels->pdata[i]);

      g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
      gboolean shown = FALSE;

      g_assert_cmpint (pango_layout_get_line_count (layout), <=, 2);
      cells++;
      /* A text cut short is whole in its tooltip; one shown whole has none */
      if (gtk_widget_get_has_tooltip (labels->pdata[i]))
        g_signal_emit_by_name (labels->pdata[i], "query-tooltip", 1, 1, FALSE, tooltip, &shown);
      g_assert_cmpint (shown, ==, pango_layout_is_ellipsized (layout));
      cut += shown;
    }
  g_assert_cmpuint (cells, >, 20);
  g_assert_cmpuint (cut, >, 0);
  vecinos_test_close_window (window);
}

/* The chart's own node, as the view's snapshot gives it (the focus ring,
 * when drawn, comes after it) */
static GskRenderNode *
chart_node (VecinosChartView *view)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node, *chart;

  GTK_WIDGET_GET_CLASS (view)->snapshot (GTK_WIDGET (view), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  chart = gsk_render_node_get_node_type (node) == GSK_CONTAINER_NODE ? gsk_container_node_get_child (node, 0) : node;
  gsk_render_node_ref (chart);
  gsk_render_node_unref (node);
  return chart;
}

static cairo_surface_t *
new_pixels (int width,
            int height)
{
  cairo_surface_t *pixels = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  g_assert_cmpint (cairo_surface_status (pixels), ==, CAIRO_STATUS_SUCCESS);
  return pixels;
}

/* Switching back to the chart shows it as it was drawn, without drawing
 * it again; the pixels are the drawing's own; what it shows changing
 * (the figure focused, the theme) draws it again */
static void
test_drawn_once (void)
{
  VecinosWindow *window = show_window ("VECINOS_TEST_DATASET", "en");
  VecinosChartsPage *page = vecinos_window_get_charts_page (window);
  GtkWidget *view = GTK_WIDGET (page->chart);
  GtkSettings *settings = gtk_widget_get_settings (view);
  int width = gtk_widget_get_width (view), height = gtk_widget_get_height (view);
  g_autoptr(GskRenderNode) first = chart_node (page->chart);
  g_autoptr(GskRenderNode) again = NULL;
  g_autoptr(GskRenderNode) focused = NULL;
  g_autoptr(GskRenderNode) dark = NULL;
  cairo_surface_t *shown, *drawn;
  cairo_t *cr;
  VecinosChart chart;
  const VecinosSeries *series = vecinos_chart_view_get_series (page->chart);

  g_assert_nonnull (series);
  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 100);

  /* Away and back: the same node */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  again = chart_node (page->chart);
  g_assert_true (again == first);

  /* What it paints is what drawing the chart there paints */
  shown = new_pixels (width, height);
  cr = cairo_create (shown);
  gsk_render_node_draw (first, cr);
  cairo_destroy (cr);
  drawn = new_pixels (width, height);
  cr = cairo_create (drawn);
  vecinos_chart_view_get_chart (page->chart, &chart);
  chart.title_scale = vecinos_chart_view_get_title_scale (page->chart);
  vecinos_chart_draw (cr, gtk_widget_get_pango_context (view), &chart, width, height, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (shown);
  cairo_surface_flush (drawn);
  g_assert_cmpint (cairo_image_surface_get_stride (shown), ==, cairo_image_surface_get_stride (drawn));
  g_assert_cmpmem (cairo_image_surface_get_data (shown), cairo_image_surface_get_stride (shown) * height,
                   cairo_image_surface_get_data (drawn), cairo_image_surface_get_stride (drawn) * height);
  cairo_surface_destroy (shown);
  cairo_surface_destroy (drawn);

  /* A figure focused: drawn again */
  vecinos_chart_view_set_focus_year (page->chart, g_array_index (series->points, VecinosPoint, 0).year);
  focused = chart_node (page->chart);
  g_assert_true (focused != first);

  /* Dark: drawn again, in its colours */
  g_object_set (settings, "gtk-application-prefer-dark-theme", TRUE, NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  dark = chart_node (page->chart);
  g_assert_true (dark != focused);
  g_object_set (settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
  vecinos_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/charts/tab-chain/en", "en", test_tab_chain);
  g_test_add_data_func ("/charts/tab-chain/es", "es", test_tab_chain);
  g_test_add_func ("/charts/search-keys", test_search_keys);
  g_test_add_func ("/charts/first-chart", test_first_chart);
  g_test_add_func ("/charts/chart-figure", test_chart_figure);
  g_test_add_func ("/charts/comparison-sources", test_comparison_sources);
  g_test_add_func ("/charts/table", test_table);
  g_test_add_func ("/charts/drawn-once", test_drawn_once);
  return g_test_run ();
}
