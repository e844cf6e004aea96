/* test-usability.c — the rough edges a new user met in the first ten
 * minutes (issue 14), each as it was met
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-test.h"

#include <gtk/gtk.h>

#include "vecinos-language.h"
#include "vecinos-window-private.h"
#include "vecinos-test-gtk.h"

static VecinosWindow *
show_window (const char *path,
             const char *language)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VecinosDataset) dataset = vecinos_dataset_new_for_file (file, &error);

  return vecinos_test_present (dataset, error, language, 1200, 680);
}


static void
settle (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Fresh start, the timeline clicked, Home, Right, Right: the 1929 event's
 * quotation was cut off and the page would not scroll, its quotations'
 * box sized as when it was hidden for the 1917 event (none) */
static void
test_event_page_scrolls (void)
{
  VecinosWindow *window = show_window (g_getenv ("VECINOS_BUNDLED_DATASET"), "en");
  GtkWidget *timeline = GTK_WIDGET (vecinos_window_get_timeline_view (window));
  VecinosEventPage *page = vecinos_window_get_event_page (window);
  GtkWidget *documents = vecinos_event_page_get_documents (page);
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  int needed = 0;

  gtk_widget_grab_focus (timeline);
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.first", NULL));
  settle (0.2);
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.next", NULL));
  settle (0.2);
  /* 1917: no quotation, the box hidden */
  g_assert_false (gtk_widget_get_visible (documents));
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.next", NULL));
  settle (0.5);
  g_assert_cmpstr (vecinos_event_get_slug (vecinos_event_page_get_event (page)), ==, "pnr-pri-founded");

  g_assert_true (gtk_widget_get_visible (documents));
  g_assert_nonnull (gtk_widget_get_first_child (documents));
  gtk_widget_measure (documents, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (documents), &needed, NULL, NULL,
                      NULL);
  g_assert_cmpint (needed, >, 100);
  g_assert_cmpint (gtk_widget_get_height (documents), >=, needed);
  /* Taller than the page: there is somewhere to scroll to */
  scroller = GTK_SCROLLED_WINDOW (find_descendant (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  vecinos_test_close_window (window);
}

/* Filters that match nothing say so, with a button that clears them */
static void
test_empty_filters (gconstpointer data)
{
  const char *language = data;
  VecinosWindow *window = show_window (g_getenv ("VECINOS_BUNDLED_DATASET"), language);
  GListModel *events = G_LIST_MODEL (vecinos_window_get_event_selection (window));
  GtkLabel *count = vecinos_window_get_filter_count (window);
  guint all = g_list_model_get_n_items (events);
  g_autofree char *all_text = g_strdup (gtk_label_get_text (count));
  g_autofree char *expected = NULL;
  g_autofree char *number = NULL;
  GtkWidget *button;

  g_assert_cmpuint (all, >, 100);
  g_assert_cmpuint (all, <, 1000);
  expected = g_strdup_printf (g_str_equal (language, "es") ? "%u acontecimientos" : "%u events", all);
  number = g_strdup_printf ("%u", all);
  g_assert_nonnull (strstr (all_text, number));
  g_assert_cmpstr (all_text, ==, expected);
  /* A status: a screen reader says it when it changes */
  gtk_test_accessible_assert_role (count, GTK_ACCESSIBLE_ROLE_STATUS);
  g_assert_null (vecinos_window_get_clear_filters_button (window));
  g_assert_null (vecinos_window_get_event_list_message (window));

  gtk_editable_set_text (vecinos_window_get_filter_entry (window), "Nafta");
  settle (0.1);
  g_assert_cmpuint (g_list_model_get_n_items (events), <, all);
  {
    g_autofree char *some = g_strdup_printf (g_str_equal (language, "es") ? "%u de %u acontecimientos"
                                                                          : "%u of %u events",
                                             g_list_model_get_n_items (events), all);

    g_assert_cmpstr (gtk_label_get_text (count), ==, some);
  }

  gtk_editable_set_text (vecinos_window_get_filter_entry (window), "zzqqxx");
  settle (0.1);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 0);
  button = vecinos_window_get_clear_filters_button (window);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  /* The list, empty, says why as well */
  g_assert_cmpstr (vecinos_window_get_event_list_message (window), ==,
                   g_str_equal (language, "es") ? "Ningún acontecimiento coincide con estos filtros"
                                                : "No event matches these filters");
  g_signal_emit_by_name (button, "clicked");
  settle (0.1);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, all);
  g_assert_cmpstr (gtk_editable_get_text (vecinos_window_get_filter_entry (window)), ==, "");
  g_assert_null (vecinos_window_get_clear_filters_button (window));
  g_assert_null (vecinos_window_get_event_list_message (window));
  g_assert_cmpstr (gtk_label_get_text (count), ==, all_text);

  /* Hidden by importance and categories alike */
  gtk_drop_down_set_selected (vecinos_window_get_importance_dropdown (window), 0);
  gtk_check_button_set_active (vecinos_window_get_category_toggle (window, "trade"), FALSE);
  gtk_editable_set_text (vecinos_window_get_filter_entry (window), "zzqqxx");
  settle (0.1);
  g_signal_emit_by_name (vecinos_window_get_clear_filters_button (window), "clicked");
  settle (0.1);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, all);
  vecinos_test_close_window (window);
}

/* The error page offers another file, opened in the same window */
static void
test_error_page_opens (void)
{
  g_autofree char *missing = g_build_filename (g_get_tmp_dir (), "vecinos-no-such-dataset.sqlite", NULL);
  VecinosWindow *window = show_window (missing, "en");
  g_autoptr(GFile) good = g_file_new_for_path (g_getenv ("VECINOS_TEST_DATASET"));
  g_autoptr(GFile) bad = g_file_new_for_path (missing);
  GtkWidget *error_label = GTK_WIDGET (vecinos_window_get_error_label (window));
  GtkWidget *page = gtk_widget_get_parent (error_label);
  GtkWidget *button = NULL;

  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "error");
  for (GtkWidget *child = gtk_widget_get_first_child (page); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      button = child;
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.open-dataset");

  /* Another bad file: the page says so again */
  g_assert_false (vecinos_window_open_dataset (window, bad));
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "error");
  /* A good one: its events, in this window */
  g_assert_true (vecinos_window_open_dataset (window, good));
  settle (0.2);
  g_assert_cmpstr (vecinos_window_get_visible_page (window), !=, "error");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vecinos_window_get_event_selection (window))), >, 0);
  g_assert_nonnull (vecinos_window_get_dataset (window));
  vecinos_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  vecinos_test_init_translations ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/usability/event-page-scrolls", test_event_page_scrolls);
  g_test_add_data_func ("/usability/empty-filters/en", "en", test_empty_filters);
  g_test_add_data_func ("/usability/empty-filters/es", "es", test_empty_filters);
  g_test_add_func ("/usability/error-page-opens", test_error_page_opens);
  return g_test_run ();
}
