/* test-window.c — the window on the test dataset, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-test.h"
#include "vecinos-test-gtk.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "vecinos-application.h"
#include "vecinos-language.h"
#include "vecinos-event-private.h"
#include "vecinos-event-row.h"
#include "vecinos-window-private.h"

static VecinosDataset *
open_test_dataset (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("VECINOS_TEST_DATASET"));
  g_autoptr(GError) error = NULL;
  VecinosDataset *dataset = vecinos_dataset_new_for_file (file, &error);

  g_assert_no_error (error);
  return dataset;
}

static VecinosWindow *
show_window (const char *language)
{
  g_autoptr(VecinosDataset) dataset = open_test_dataset ();

  return vecinos_test_present (dataset, NULL, language, 0, 0);
}


static guint
find_row (GtkSingleSelection *selection,
          const char         *slug)
{
  GListModel *model = G_LIST_MODEL (selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (model, i);

      if (g_str_equal (vecinos_event_get_slug (event), slug))
        return i;
    }
  g_assert_not_reached ();
}

/* The text of the first label under @root with @css_class, depth first */
static const char *
label_text_with_class (GtkWidget  *root,
                       const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, css_class))
        return gtk_label_get_text (GTK_LABEL (child));
      if ((text = label_text_with_class (child, css_class)) != NULL)
        return text;
    }
  return NULL;
}

/* The first link button under @root */
static GtkLinkButton *
find_link_button (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLinkButton *link;

      if (GTK_IS_LINK_BUTTON (child) && gtk_widget_get_visible (child))
        return GTK_LINK_BUTTON (child);
      if ((link = find_link_button (child)) != NULL)
        return link;
    }
  return NULL;
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* The button under @root that opens @target through @action, as a click
 * would reach it */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action,
                    const char *target)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0 &&
          g_strcmp0 (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (child)), NULL),
                     target) == 0)
        return child;
      if ((found = find_action_button (child, action, target)) != NULL)
        return found;
    }
  return NULL;
}

static void
click_action_button (GtkWidget  *root,
                     const char *action,
                     const char *target)
{
  GtkWidget *button = find_action_button (root, action, target);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* Every text a user sees or hears in @widget and below: labels, button
 * labels, tooltips, stack page titles, entry texts and placeholders, the
 * event list's rows */
static void
collect_texts (GtkWidget  *widget,
               GHashTable *texts)
{
  const char *text = NULL;

  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (VECINOS_IS_EVENT_ROW (widget))
    text = vecinos_event_row_get_text (VECINOS_EVENT_ROW (widget));
  if (text != NULL && *text != '\0')
    g_hash_table_add (texts, g_strdup (text));
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    g_hash_table_add (texts, g_strdup (gtk_widget_get_tooltip_text (widget)));
  if (GTK_IS_STACK (widget))
    {
      g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (widget)));

      for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
        {
          GtkStackPage *page = g_list_model_get_item (pages, i);

          if (gtk_stack_page_get_title (page) != NULL)
            g_hash_table_add (texts, g_strdup (gtk_stack_page_get_title (page)));
          g_object_unref (page);
        }
    }
  if (GTK_IS_TEXT (widget) && gtk_text_get_placeholder_text (GTK_TEXT (widget)) != NULL)
    g_hash_table_add (texts, g_strdup (gtk_text_get_placeholder_text (GTK_TEXT (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* Texts that read the same in both languages: names, numbers, sources and
 * the documents' own words */
static gboolean
same_in_both (const char *text)
{
  static const char * const names[] = {
    "Vecinos", "EN", "ES", "INEGI", "Ana Author", "Claudia Sheinbaum (Morena)", "Enrique Peña Nieto (PRI)",
    "Homicides reached 26,037 in 2012, after NAFTA had long been in force.", "Remittances keep growing.",
    "The new president took office.", "Charting the Road Ahead", "Stumbling Blocks", "A Foundation",
    "A Magazine", "General",
  };
  gboolean has_lower = FALSE;

  /* No lower-case letter: a number, a date, an acronym ("• USTR") */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    has_lower |= g_unichar_islower (g_utf8_get_char (p));
  return !has_lower || g_strv_contains (names, text);
}

typedef struct {
  char  *event;
  double start, end;
  char  *series;
  char  *document;
  char  *view;
} Shown;

static void
shown_clear (Shown *shown)
{
  g_free (shown->event);
  g_free (shown->series);
  g_free (shown->document);
  g_free (shown->view);
}

/* What the window shows now, read from its widgets (not its context) */
static void
read_shown (VecinosWindow *window,
            Shown         *shown)
{
  VecinosEvent *event = vecinos_event_page_get_event (vecinos_window_get_event_page (window));
  const VecinosTimeScale *scale = vecinos_timeline_view_get_scale (vecinos_window_get_timeline_view (window));
  const VecinosSeries *series = vecinos_chart_view_get_series (vecinos_charts_page_get_chart (vecinos_window_get_charts_page (window)));

  shown->event = event != NULL ? g_strdup (vecinos_event_get_slug (event)) : NULL;
  shown->start = scale->start;
  shown->end = scale->end;
  shown->series = series != NULL ? g_strdup (series->slug) : NULL;
  shown->document = g_strdup (vecinos_documents_page_get_document (vecinos_window_get_documents_page (window)));
  shown->view = g_strdup (vecinos_window_get_visible_page (window));
}

static void
assert_shown (VecinosWindow *window,
              const Shown   *expected)
{
  Shown now = { 0 };

  read_shown (window, &now);
  g_assert_cmpstr (now.event, ==, expected->event);
  g_assert_cmpfloat_with_epsilon (now.start, expected->start, 1e-6);
  g_assert_cmpfloat_with_epsilon (now.end, expected->end, 1e-6);
  g_assert_cmpstr (now.series, ==, expected->series);
  g_assert_cmpstr (now.document, ==, expected->document);
  g_assert_cmpstr (now.view, ==, expected->view);
  g_assert_cmpstr (gtk_editable_get_text (vecinos_window_get_filter_entry (window)), ==, "tra");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vecinos_search_panel_get_entry (vecinos_window_get_search_panel (window)))),
                   ==, "homicid");
  g_assert_true (vecinos_charts_page_get_option_active (vecinos_window_get_charts_page (window), "index"));
  shown_clear (&now);
}

/* The titles of the Keyboard Shortcuts window (shown or not), which the
 * window builds after its first frame */
static void
collect_shortcut_titles (GtkWidget  *widget,
                         GHashTable *texts)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget) || GTK_IS_SHORTCUTS_GROUP (widget))
    {
      g_autofree char *title = NULL;

      g_object_get (widget, "title", &title, NULL);
      if (title != NULL && *title != '\0')
        g_hash_table_add (texts, g_steal_pointer (&title));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcut_titles (child, texts);
}

static void
collect_shortcuts (VecinosWindow *window,
                   GHashTable    *texts)
{
  GtkShortcutsWindow *overlay;

  while (g_main_context_iteration (NULL, FALSE))
    ;
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  collect_shortcut_titles (GTK_WIDGET (overlay), texts);
}

/* English ⇄ Spanish in place: every text of the interface and the dataset
 * in the other language, and the selection, the zoom, the filters, the
 * chart, the document and the search where they were */
static void
test_language_switch (void)
{
  VecinosWindow *window = show_window ("en");
  VecinosContext *context = vecinos_window_get_context (window);
  GtkWidget *english_workspace = vecinos_window_get_workspace (window);
  g_autoptr(GHashTable) english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) spanish = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) leftovers = g_ptr_array_new ();
  Shown before = { 0 };
  GHashTableIter iter;
  gpointer text;

  /* A class in the middle of a lesson */
  /* A word whose start is in both languages: "trade", "tratado" */
  gtk_editable_set_text (vecinos_window_get_filter_entry (window), "tra");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-event", "s", "nafta-in-force"));
  gtk_widget_activate_action (GTK_WIDGET (vecinos_window_get_timeline_view (window)), "timeline.zoom-in", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-series", "s", "mx_homicides"));
  g_assert_true (vecinos_charts_page_set_options (vecinos_window_get_charts_page (window), "merida_funding",
                                                  TRUE, FALSE, FALSE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-excerpt", "s", "b-1"));
  vecinos_search_panel_set_text (vecinos_window_get_search_panel (window), "homicid");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  read_shown (window, &before);
  g_assert_cmpstr (before.view, ==, "documents");
  collect_texts (GTK_WIDGET (window), english);
  collect_texts (GTK_WIDGET (vecinos_window_get_search_panel (window)), english);
  collect_shortcuts (window, english);
  g_assert_true (g_hash_table_contains (english, "NAFTA enters into force\n1 January 1994 · Trade"));
  g_assert_true (g_hash_table_contains (english, "Next step of a tour"));

  vecinos_context_set_language (context, "es");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* A new workspace, the same state */
  g_assert_true (vecinos_window_get_workspace (window) != english_workspace);
  assert_shown (window, &before);
  g_assert_cmpstr (vecinos_event_page_get_text (vecinos_window_get_event_page (window), "title"), ==,
                   "Entra en vigor el TLCAN");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (vecinos_window_get_language_button (window, "es"))));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (vecinos_window_get_language_button (window, "es")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Mostrar Vecinos en español");

  /* Nothing of the English interface or dataset is left */
  collect_texts (GTK_WIDGET (window), spanish);
  collect_texts (GTK_WIDGET (vecinos_window_get_search_panel (window)), spanish);
  collect_shortcuts (window, spanish);
  g_hash_table_iter_init (&iter, english);
  while (g_hash_table_iter_next (&iter, &text, NULL))
    if (g_hash_table_contains (spanish, text) && !same_in_both (text))
      g_ptr_array_add (leftovers, text);
  for (guint i = 0; i < leftovers->len; i++)
    g_printerr ("still in English: “%s”\n", (char *) g_ptr_array_index (leftovers, i));
  g_assert_cmpuint (leftovers->len, ==, 0);
  g_assert_cmpuint (g_hash_table_size (spanish), >, 40);

  /* And back */
  vecinos_context_set_language (context, "en");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  assert_shown (window, &before);
  g_assert_cmpstr (vecinos_event_page_get_text (vecinos_window_get_event_page (window), "title"), ==,
                   "NAFTA enters into force");

  shown_clear (&before);
  vecinos_test_close_window (window);
}

/* A guided tour: each step sets the app (its event, on the timeline or
 * on its chart), the bar says where the class is, a language switch keeps
 * the step */
static void
test_tour (void)
{
  VecinosWindow *window = show_window ("en");
  VecinosContext *context = vecinos_window_get_context (window);

  g_assert_null (vecinos_window_get_tour_text (window, "progress"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-tour", "s", "trade"));
  g_assert_cmpstr (vecinos_context_get_tour (context), ==, "trade");
  g_assert_cmpuint (vecinos_context_get_tour_step (context), ==, 0);
  g_assert_cmpstr (vecinos_event_get_slug (vecinos_event_page_get_event (vecinos_window_get_event_page (window))),
                   ==, "nafta-in-force");
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "timeline");
  g_assert_cmpstr (vecinos_window_get_tour_text (window, "progress"), ==, "Trade — step 1 of 3");
  g_assert_cmpstr (vecinos_window_get_tour_text (window, "text"), ==, "Notice the date.");
  /* The days the step asks for: 1990 to 1999 */
  {
    const VecinosTimeScale *scale = vecinos_timeline_view_get_scale (vecinos_window_get_timeline_view (window));

    g_assert_cmpfloat (scale->start, ==, vecinos_test_day ("1990-01-01"));
    g_assert_cmpfloat (scale->end, ==, vecinos_test_day ("1999-12-31"));
  }
  /* Nothing before the first step */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tour-previous", NULL);
  g_assert_cmpuint (vecinos_context_get_tour_step (context), ==, 0);

  /* A step that names a series shows its chart, its event picked out */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tour-next", NULL);
  g_assert_cmpuint (vecinos_context_get_tour_step (context), ==, 1);
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "charts");
  g_assert_cmpstr (vecinos_chart_view_get_series (vecinos_charts_page_get_chart (vecinos_window_get_charts_page (window)))->slug,
                   ==, "mx_homicides");
  g_assert_cmpstr (vecinos_event_get_slug (vecinos_event_page_get_event (vecinos_window_get_event_page (window))),
                   ==, "sheinbaum-takes-office");
  /* … compared with the series the step names */
  g_assert_cmpstr (vecinos_chart_view_get_compare (vecinos_charts_page_get_chart (vecinos_window_get_charts_page (window)))->slug,
                   ==, "merida_funding");

  /* A step with an excerpt opens it in its document */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tour-next", NULL);
  g_assert_cmpuint (vecinos_context_get_tour_step (context), ==, 2);
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "documents");
  g_assert_cmpstr (vecinos_documents_page_get_document (vecinos_window_get_documents_page (window)), ==, "doc-a");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tour-next", NULL);
  g_assert_cmpuint (vecinos_context_get_tour_step (context), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tour-previous", NULL);
  g_assert_cmpuint (vecinos_context_get_tour_step (context), ==, 1);

  /* In Spanish, the same step, told in Spanish */
  vecinos_context_set_language (context, "es");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (vecinos_context_get_tour_step (context), ==, 1);
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "charts");
  g_assert_cmpstr (vecinos_window_get_tour_text (window, "progress"), ==, "Comercio — paso 2 de 3");
  g_assert_cmpstr (vecinos_window_get_tour_text (window, "text"), ==, "Observen la cifra.");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tour-previous", NULL);
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "timeline");
  g_assert_cmpstr (vecinos_window_get_tour_text (window, "text"), ==, "Fíjense en la fecha.");

  /* Home and End: the first and the last step */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tour-last", NULL);
  g_assert_cmpuint (vecinos_context_get_tour_step (context), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tour-first", NULL);
  g_assert_cmpuint (vecinos_context_get_tour_step (context), ==, 0);

  /* "b": a black screen instead of the lesson; again, the lesson as it was */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.blank-black", NULL);
  g_assert_true (gtk_window_get_child (GTK_WINDOW (window)) != vecinos_window_get_workspace (window));
  g_assert_true (gtk_widget_has_css_class (gtk_window_get_child (GTK_WINDOW (window)), "blank-black"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.blank-black", NULL);
  g_assert_true (gtk_window_get_child (GTK_WINDOW (window)) == vecinos_window_get_workspace (window));
  g_assert_cmpstr (vecinos_window_get_tour_text (window, "text"), ==, "Fíjense en la fecha.");

  /* Ended: the bar goes; a tour the dataset does not have starts nothing */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.stop-tour", NULL);
  g_assert_null (vecinos_window_get_tour_text (window, "progress"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-tour", "s", "no-such-tour");
  g_assert_null (vecinos_context_get_tour (context));

  vecinos_test_close_window (window);
}

/* Presenting: the chrome steps aside and the text grows; a language
 * switch keeps it; leaving gives the layout back */
static void
test_presenting (void)
{
  VecinosWindow *window = show_window ("en");
  VecinosContext *context = vecinos_window_get_context (window);

  g_assert_true (vecinos_window_get_chrome_visible (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  g_assert_true (vecinos_context_get_presenting (context));
  g_assert_false (vecinos_window_get_chrome_visible (window));
  g_assert_true (gtk_widget_has_css_class (vecinos_window_get_workspace (window), "presenting"));

  vecinos_context_set_language (context, "es");
  g_assert_true (vecinos_context_get_presenting (context));
  g_assert_false (vecinos_window_get_chrome_visible (window));
  g_assert_true (gtk_widget_has_css_class (vecinos_window_get_workspace (window), "presenting"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  g_assert_false (vecinos_context_get_presenting (context));
  g_assert_true (vecinos_window_get_chrome_visible (window));
  g_assert_false (gtk_widget_has_css_class (vecinos_window_get_workspace (window), "presenting"));

  vecinos_test_close_window (window);
}

static double
font_size (GtkWidget *widget)
{
  const PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));

  return pango_font_description_get_size (font);
}

/* Ctrl+= and Ctrl+-: every text of the window larger or smaller, 80 % to
 * 250 %, remembered; Ctrl+0 back to the desktop's size */
static void
test_text_scale (void)
{
  VecinosWindow *window = show_window ("en");
  g_autoptr(GSettings) settings = g_settings_new ("io.github.vecinos.Vecinos");
  GtkWidget *label = GTK_WIDGET (vecinos_window_get_error_label (window));
  double normal = font_size (label);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.text-bigger", NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.text-bigger", NULL);
  g_assert_cmpfloat (g_settings_get_double (settings, "text-scale"), ==, 1.25);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpfloat_with_epsilon (font_size (label), normal * 1.25, PANGO_SCALE);

  for (guint i = 0; i < 12; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.text-bigger", NULL);
  g_assert_cmpfloat (g_settings_get_double (settings, "text-scale"), ==, 2.5);
  for (guint i = 0; i < 12; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.text-smaller", NULL);
  g_assert_cmpfloat (g_settings_get_double (settings, "text-scale"), ==, 0.8);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.text-reset", NULL);
  g_assert_cmpfloat (g_settings_get_double (settings, "text-scale"), ==, 1.0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpfloat_with_epsilon (font_size (label), normal, PANGO_SCALE);

  vecinos_test_close_window (window);
}

/* The selected event is always named: beside its marker when there is
 * room, in a callout when it sits in a cluster */
static void
test_selected_title (void)
{
  VecinosWindow *window = show_window ("en");
  GtkWidget *timeline = GTK_WIDGET (vecinos_window_get_timeline_view (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-event", "s", "nafta-in-force"));
  gtk_test_widget_wait_for_draw (timeline);
  /* Zoomed to it, its title fits beside it */
  g_assert_false (vecinos_timeline_view_get_callout_shown (VECINOS_TIMELINE_VIEW (timeline)));
  /* Five centuries on a few hundred pixels: the events gather in clusters */
  vecinos_timeline_view_set_visible_range (VECINOS_TIMELINE_VIEW (timeline),
                                           vecinos_test_day ("1500-01-01"), vecinos_test_day ("2100-01-01"));
  gtk_widget_queue_draw (timeline);
  gtk_test_widget_wait_for_draw (timeline);
  g_assert_true (vecinos_timeline_view_get_callout_shown (VECINOS_TIMELINE_VIEW (timeline)));
  vecinos_test_close_window (window);
}

static void
count_frame (GdkFrameClock *clock,
             guint         *frames)
{
  (*frames)++;
}

/* Frames painted in @ms of idling: none is asked for when nothing changes */
static guint
frames_while_idle (GtkWidget *window,
                   guint      ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  guint frames = 0;
  gulong handler;
  gint64 end;

  /* Settle first: what the switch itself draws */
  for (gint64 settle = g_get_monotonic_time () + 500 * 1000; g_get_monotonic_time () < settle;)
    g_main_context_iteration (NULL, FALSE);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame), &frames);
  end = g_get_monotonic_time () + ms * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_signal_handler_disconnect (clock, handler);
  return frames;
}

/* Idle means idle (issue 17): after each view is shown, nothing repaints
 * while nobody does anything — no blinking cursor in an entry the user
 * did not go to, no animation that does not end */
static void
test_idle (void)
{
  VecinosWindow *window = show_window ("en");
  const char *views[] = { "timeline", "charts", "documents", "timeline" };

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      g_test_message ("%s, focus on %s", views[i],
                      gtk_window_get_focus (GTK_WINDOW (window)) != NULL
                      ? G_OBJECT_TYPE_NAME (gtk_window_get_focus (GTK_WINDOW (window))) : "nothing");
      g_assert_cmpuint (frames_while_idle (GTK_WIDGET (window), 1500), ==, 0);
    }
  vecinos_test_close_window (window);
}

/* A copy of the test dataset changed by @sql, shown in a window */
static VecinosWindow *
show_window_changed (const char *sql,
                     char      **path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(VecinosDataset) dataset = NULL;
  gsize length;
  sqlite3 *db = NULL;
  GtkWidget *window;
  int fd;

  g_assert_true (g_file_get_contents (g_getenv ("VECINOS_TEST_DATASET"), &contents, &length, &error));
  fd = g_file_open_tmp ("vecinos-XXXXXX.sqlite", path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (*path, contents, length, &error));
  g_assert_cmpint (sqlite3_open (*path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  file = g_file_new_for_path (*path);
  dataset = vecinos_dataset_new_for_file (file, &error);
  g_assert_no_error (error);
  window = vecinos_window_new (NULL, dataset, "en", NULL);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  return VECINOS_WINDOW (window);
}

/* A dataset with no events has a timeline all the same (it had no range,
 * and laying it out was a critical), and one with an event on the last
 * day there is charts it (its year had no next year to measure against) */
static void
test_edge_datasets (void)
{
  g_autofree char *path = NULL;
  VecinosWindow *window;
  const VecinosTimeScale *scale;

  window = show_window_changed ("DELETE FROM event_text; DELETE FROM event_source; DELETE FROM event_actor;"
                                " DELETE FROM event_excerpt; DELETE FROM tour_step_text; DELETE FROM tour_step;"
                                " DELETE FROM event;", &path);
  scale = vecinos_timeline_view_get_scale (vecinos_window_get_timeline_view (window));
  g_assert_cmpfloat (scale->end, >, scale->start);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vecinos_window_get_event_selection (window))), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  vecinos_test_close_window (window);
  g_unlink (path);
  g_clear_pointer (&path, g_free);

  window = show_window_changed ("UPDATE event SET start_day = 3652059, precision = 3, end_day = NULL,"
                                " end_precision = NULL, category_id = (SELECT id FROM category WHERE slug = 'security')",
                                &path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts"));
  g_assert_true (vecinos_charts_page_show_series (vecinos_window_get_charts_page (window), "mx_homicides"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (vecinos_window_get_timeline_view (window)),
                                             "timeline.last", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  vecinos_test_close_window (window);
  g_unlink (path);
}

/* A dataset truncated under the running window (a copy over it, a full
 * disk) ends in the error page with the "damaged" message — it was a
 * SIGBUS through the memory map */
static void
test_dataset_replaced (void)
{
  g_autofree char *path = NULL;
  VecinosWindow *window = show_window_changed ("SELECT 1", &path);
  GtkSingleSelection *selection = vecinos_window_get_event_selection (window);
  const char *message;

  g_assert_cmpint (truncate (path, 2048), ==, 0);
  /* Choosing an event reads its excerpts, which are no longer there */
  gtk_single_selection_set_selected (selection, 1);
  while (g_strcmp0 (vecinos_window_get_visible_page (window), "error") != 0 &&
         g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "error");
  message = gtk_label_get_text (vecinos_window_get_error_label (window));
  g_assert_true (strstr (message, "is damaged") != NULL);
  vecinos_test_close_window (window);
  g_unlink (path);
}

static void
test_lists_and_selects (void)
{
  VecinosWindow *window = show_window ("en");
  GtkSingleSelection *selection = vecinos_window_get_event_selection (window);
  VecinosEventPage *page = vecinos_window_get_event_page (window);

  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "timeline");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 5);
  g_assert_null (vecinos_event_page_get_event (page));

  gtk_single_selection_set_selected (selection, find_row (selection, "nafta-in-force"));
  g_assert_cmpstr (vecinos_event_page_get_text (page, "title"), ==, "NAFTA enters into force");
  g_assert_cmpstr (vecinos_event_page_get_text (page, "date"), ==, "1 January 1994");
  g_assert_cmpstr (vecinos_event_page_get_text (page, "category"), ==, "Category: Trade");
  g_assert_cmpstr (vecinos_event_page_get_text (page, "summary"), ==, "The trade agreement takes effect.");
  g_assert_cmpstr (vecinos_event_page_get_text (page, "sources"), ==, "USTR\nSE");
  /* What the documents say, their number beside the official one */
  g_assert_cmpstr (vecinos_event_page_get_text (page, "figures"), ==, "• Intentional homicides in Mexico");
  g_assert_cmpuint (count_children (vecinos_event_page_get_documents (page)), ==, 1);
  g_assert_true (gtk_widget_get_visible (vecinos_event_page_get_documents (page)));
  g_assert_cmpstr (label_text_with_class (vecinos_event_page_get_documents (page), "excerpt-quote"), ==,
                   "Homicides reached 26,037 in 2012, after NAFTA had long been in force.");
  g_assert_cmpstr (label_text_with_class (vecinos_event_page_get_documents (page), "claim"), ==,
                   "The document says “26,037 in 2012”; the official figure for 2012 is 25,967 persons (INEGI)."
                   " They do not measure exactly the same thing. The report cites the preliminary count.");
  /* Its official source, a link a screen reader hears as one */
  {
    GtkLinkButton *link = find_link_button (vecinos_event_page_get_documents (page));

    g_assert_nonnull (link);
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (link)), ==, "Official source");
    g_assert_true (g_str_has_prefix (gtk_link_button_get_uri (link), "https://"));
  }

  gtk_single_selection_set_selected (selection, find_row (selection, "hold-the-line"));
  g_assert_cmpstr (vecinos_event_page_get_text (page, "date"), ==, "September 1993");
  g_assert_cmpuint (count_children (vecinos_event_page_get_documents (page)), ==, 0);
  g_assert_false (gtk_widget_get_visible (vecinos_event_page_get_documents (page)));

  gtk_single_selection_set_selected (selection, find_row (selection, "bracero"));
  g_assert_cmpstr (vecinos_event_page_get_text (page, "date"), ==, "4 August 1942 – 31 December 1964");

  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_assert_null (vecinos_event_page_get_event (page));

  vecinos_test_close_window (window);
}

static void
test_spanish (void)
{
  VecinosWindow *window = show_window ("es");
  GtkSingleSelection *selection = vecinos_window_get_event_selection (window);
  VecinosEventPage *page = vecinos_window_get_event_page (window);

  gtk_single_selection_set_selected (selection, find_row (selection, "nafta-in-force"));
  g_assert_cmpstr (vecinos_event_page_get_text (page, "title"), ==, "Entra en vigor el TLCAN");
  g_assert_cmpstr (vecinos_event_page_get_text (page, "date"), ==, "1 de enero de 1994");
  g_assert_cmpstr (vecinos_event_page_get_text (page, "category"), ==, "Categoría: Comercio");
  /* Our translation first, labelled as ours */
  g_assert_cmpstr (label_text_with_class (vecinos_event_page_get_documents (page), "excerpt-quote"), ==,
                   "Los homicidios llegaron a 26,037 en 2012, cuando el TLCAN llevaba tiempo en vigor.");
  g_assert_cmpstr (label_text_with_class (vecinos_event_page_get_documents (page), "dim-label"), ==,
                   "Traducción de Vecinos, no son palabras del autor");

  gtk_single_selection_set_selected (selection, find_row (selection, "water-treaty"));
  g_assert_cmpstr (vecinos_event_page_get_text (page, "date"), ==, "1944");

  vecinos_test_close_window (window);
}

static void
test_accessible (void)
{
  VecinosWindow *window = show_window ("en");
  GtkWidget *list = vecinos_window_get_event_list (window);
  GtkWidget *page = GTK_WIDGET (vecinos_window_get_event_page (window));

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_ROLE_LIST);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, "Events");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL, "Event details");
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_CONTROLS));
  /* The timeline, too, says it drives the detail page beside it */
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (vecinos_window_get_timeline_view (window)),
                                                   GTK_ACCESSIBLE_RELATION_CONTROLS));

  vecinos_test_close_window (window);
}

static guint
count_widgets (GtkWidget *root,
               GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, type);
  return n;
}

/* The views switched; Charts and Documents are built when first shown
 * (the window's first frame does not wait for them), and once only */
static void
test_views (void)
{
  VecinosWindow *window = show_window ("en");

  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "timeline");
  gtk_widget_grab_focus (GTK_WIDGET (vecinos_window_get_timeline_view (window)));
  g_assert_cmpuint (count_widgets (GTK_WIDGET (window), VECINOS_TYPE_CHARTS_PAGE), ==, 0);
  g_assert_cmpuint (count_widgets (GTK_WIDGET (window), VECINOS_TYPE_DOCUMENTS_PAGE), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts"));
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "charts");
  g_assert_cmpuint (count_widgets (GTK_WIDGET (window), VECINOS_TYPE_CHARTS_PAGE), ==, 1);
  g_assert_cmpuint (count_widgets (GTK_WIDGET (window), VECINOS_TYPE_DOCUMENTS_PAGE), ==, 0);
  /* Built, it shows the first chart, and the keyboard went with the view */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 GTK_WIDGET (vecinos_charts_page_get_chart (vecinos_window_get_charts_page (window))));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (vecinos_charts_page_get_chart (vecinos_window_get_charts_page (window)))));
  g_assert_cmpstr (vecinos_charts_page_get_text (vecinos_window_get_charts_page (window), "source"), !=, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "documents"));
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "documents");
  g_assert_cmpuint (count_widgets (GTK_WIDGET (window), VECINOS_TYPE_DOCUMENTS_PAGE), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts"));
  g_assert_cmpuint (count_widgets (GTK_WIDGET (window), VECINOS_TYPE_CHARTS_PAGE), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "documents"));
  /* An unknown view changes nothing */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "nowhere");
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "documents");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline"));
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "timeline");

  vecinos_test_close_window (window);
}

static void
test_error_page (gconstpointer data)
{
  const char *language = data;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/vecinos.sqlite");
  g_autoptr(GError) error = NULL;
  g_autoptr(VecinosDataset) dataset = NULL;
  GtkWidget *window;

  vecinos_language_use (language);
  dataset = vecinos_dataset_new_for_file (file, &error);
  g_assert_null (dataset);

  window = vecinos_window_new (NULL, NULL, language, error);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  g_assert_cmpstr (vecinos_window_get_visible_page (VECINOS_WINDOW (window)), ==, "error");
  g_assert_cmpstr (gtk_label_get_text (vecinos_window_get_error_label (VECINOS_WINDOW (window))), ==,
                   error->message);
  if (g_str_equal (language, "es"))
    g_assert_true (g_str_has_prefix (error->message, "El conjunto de datos"));

  vecinos_test_close_window (VECINOS_WINDOW (window));
}

static void
test_timeline (void)
{
  VecinosWindow *window = show_window ("en");
  GtkWidget *timeline = GTK_WIDGET (vecinos_window_get_timeline_view (window));
  GtkSingleSelection *selection = vecinos_window_get_event_selection (window);
  VecinosEventPage *page = vecinos_window_get_event_page (window);
  const VecinosTimeScale *scale = vecinos_timeline_view_get_scale (VECINOS_TIMELINE_VIEW (timeline));
  double span;

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_PROPERTY_LABEL, "Timeline");
  g_assert_true (gtk_widget_get_focusable (timeline));

  /* Right from nothing selects the first event; the list and detail follow */
  g_assert_true (gtk_widget_activate_action (timeline, "timeline.next", NULL));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  g_assert_cmpstr (vecinos_event_page_get_text (page, "title"), ==, "Bracero Program");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Bracero Program, 4 August 1942 – 31 December 1964, 1 of 5");

  gtk_widget_activate_action (timeline, "timeline.next", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Water treaty, 1944, 2 of 5");
  gtk_widget_activate_action (timeline, "timeline.last", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 4);
  gtk_widget_activate_action (timeline, "timeline.next", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 4);
  gtk_widget_activate_action (timeline, "timeline.previous", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 3);
  gtk_widget_activate_action (timeline, "timeline.first", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);

  /* The selected event is always in view */
  g_assert_cmpfloat (scale->start, <=, vecinos_test_day ("1942-08-04"));
  g_assert_cmpfloat (scale->end, >, vecinos_test_day ("1942-08-04"));

  gtk_widget_activate_action (timeline, "timeline.unselect", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_null (vecinos_event_page_get_event (page));

  span = scale->end - scale->start;
  gtk_widget_activate_action (timeline, "timeline.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (scale->end - scale->start, span / 2, 1e-6);
  gtk_widget_activate_action (timeline, "timeline.zoom-out", NULL);
  gtk_widget_activate_action (timeline, "timeline.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (scale->end - scale->start, span * 2, 1e-6);

  /* The window's zoom buttons reach the timeline */
  span = scale->end - scale->start;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom", "s", "timeline.zoom-in"));
  g_assert_cmpfloat_with_epsilon (scale->end - scale->start, span / 2, 1e-6);

  /* Enter: two years around the selected event */
  gtk_widget_activate_action (timeline, "timeline.last", NULL);
  gtk_widget_activate_action (timeline, "timeline.zoom-to-selection", NULL);
  g_assert_cmpfloat_with_epsilon (scale->end - scale->start, 730, 1e-6);
  g_assert_cmpfloat_with_epsilon ((scale->start + scale->end) / 2, vecinos_test_day ("2024-10-01"), 1e-6);

  /* Fitting shows every event, 1942 to 2024 */
  gtk_widget_activate_action (timeline, "timeline.zoom-to-fit", NULL);
  g_assert_cmpfloat (scale->start, <, vecinos_test_day ("1942-08-04"));
  g_assert_cmpfloat (scale->end, >, vecinos_test_day ("2024-10-01"));

  /* A touchpad flick: the view glides on to the right, then stops */
  {
    GListModel *controllers = gtk_widget_observe_controllers (timeline);
    double before = scale->start, after;
    gint64 until;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller))
          g_signal_emit_by_name (controller, "decelerate", 0.0, 20.0);
      }
    g_object_unref (controllers);
    /* Frame by frame until it stops (at most ten seconds, for a slow
     * machine): it moved, and it came to rest */
    until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    do
      {
        after = scale->start;
        gtk_test_widget_wait_for_draw (timeline);
        gtk_widget_queue_draw (timeline);
        gtk_test_widget_wait_for_draw (timeline);
      }
    while ((scale->start != after || after == before) && g_get_monotonic_time () < until);
    g_assert_cmpfloat (after, >, before);
    g_assert_cmpfloat (scale->start, ==, after);
  }

  vecinos_test_close_window (window);
}

static int
brightness (const int rgb[3])
{
  return rgb[0] + rgb[1] + rgb[2];
}

static void
test_timeline_pixels (void)
{
  VecinosWindow *window = show_window ("en");
  GtkWidget *timeline = GTK_WIDGET (vecinos_window_get_timeline_view (window));
  GtkSingleSelection *selection = vecinos_window_get_event_selection (window);
  guint nafta = find_row (selection, "nafta-in-force");
  int marker[4], ring[4], band[4], empty[4];
  double x, y;
  Pixels pixels;

  gtk_single_selection_set_selected (selection, nafta);
  gtk_widget_activate_action (timeline, "timeline.zoom-to-selection", NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (vecinos_timeline_view_get_event_point (VECINOS_TIMELINE_VIEW (timeline), nafta, &x, &y));

  pixels = render (timeline);

  /* The landmark's marker is filled with the trade colour, #E69F00 */
  pixel_at (&pixels, x, y, marker);
  g_assert_cmpint (ABS (marker[0] - 0xE6), <=, 8);
  g_assert_cmpint (ABS (marker[1] - 0x9F), <=, 8);
  g_assert_cmpint (ABS (marker[2] - 0x00), <=, 8);

  g_assert_cmpint (marker[3], ==, 255);

  /* The timeline draws no background: where nothing is, nothing is drawn */
  pixel_at (&pixels, MIN (x + 200, pixels.width - 2), y - 20, empty);
  g_assert_cmpint (empty[3], ==, 0);

  /* The selection ring (radius 12, 2 px) is opaque, in the theme's dark
   * text colour */
  /* (the marker is placed on whole pixels: the ring's darkest pixel is
   * 11 to 13 pixels right of the event's exact point) */
  ring[3] = 0;
  for (int dx = 11; dx <= 13; dx++)
    {
      int here[4];

      pixel_at (&pixels, x + dx, y, here);
      if (here[3] > ring[3])
        memcpy (ring, here, sizeof ring);
    }
  g_assert_cmpint (ring[3], >=, 200);
  g_assert_cmpint (brightness (ring), <, 300);

  /* Clinton's term (1993–2001) is shaded, faintly, in the band above the rows */
  pixel_at (&pixels, x, 28 + 12, band);
  g_assert_cmpint (band[3], >, 10);
  g_assert_cmpint (band[3], <, 80);

  g_free (pixels.data);
  vecinos_test_close_window (window);
}

static guint
n_shown (VecinosWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (vecinos_window_get_event_selection (window)));
}

static void
test_filters (void)
{
  VecinosWindow *window = show_window ("en");
  GtkWidget *timeline = GTK_WIDGET (vecinos_window_get_timeline_view (window));
  GtkSingleSelection *selection = vecinos_window_get_event_selection (window);
  GtkCheckButton *trade = vecinos_window_get_category_toggle (window, "trade");
  GtkCheckButton *security = vecinos_window_get_category_toggle (window, "security");

  g_assert_cmpuint (n_shown (window), ==, 5);

  /* Text: word beginnings, ignoring case and accents */
  gtk_editable_set_text (vecinos_window_get_filter_entry (window), "lopez");
  g_assert_cmpuint (n_shown (window), ==, 1);
  gtk_editable_set_text (vecinos_window_get_filter_entry (window), "treaty");
  g_assert_cmpuint (n_shown (window), ==, 1);
  gtk_editable_set_text (vecinos_window_get_filter_entry (window), "");
  g_assert_cmpuint (n_shown (window), ==, 5);

  /* Categories, with their counts */
  g_assert_nonnull (trade);
  g_assert_cmpstr (gtk_check_button_get_label (trade), ==, "Trade (3)");
  g_assert_cmpstr (gtk_check_button_get_label (security), ==, "Security (2)");
  gtk_check_button_set_active (trade, FALSE);
  g_assert_cmpuint (n_shown (window), ==, 2);

  /* The timeline shows the same events: its last is the list's last */
  gtk_widget_activate_action (timeline, "timeline.last", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
  g_assert_cmpstr (vecinos_event_get_slug (gtk_single_selection_get_selected_item (selection)), ==, "hold-the-line");
  gtk_check_button_set_active (trade, TRUE);
  g_assert_cmpuint (n_shown (window), ==, 5);

  /* Importance: landmarks only, then landmark and major */
  gtk_drop_down_set_selected (vecinos_window_get_importance_dropdown (window), 0);
  g_assert_cmpuint (n_shown (window), ==, 1);
  gtk_drop_down_set_selected (vecinos_window_get_importance_dropdown (window), 1);
  g_assert_cmpuint (n_shown (window), ==, 3);

  /* Filters combine */
  gtk_check_button_set_active (security, FALSE);
  g_assert_cmpuint (n_shown (window), ==, 2);
  gtk_drop_down_set_selected (vecinos_window_get_importance_dropdown (window), 2);
  gtk_check_button_set_active (security, TRUE);
  g_assert_cmpuint (n_shown (window), ==, 5);

  vecinos_test_close_window (window);
}

/* The Charts view: the series listed, one chosen and drawn, the keyboard
 * moving between its figures and a screen reader told each one */
static void
test_charts (void)
{
  VecinosWindow *window = show_window ("en");
  VecinosChartsPage *charts = vecinos_window_get_charts_page (window);
  VecinosChartView *chart = vecinos_charts_page_get_chart (charts);
  GtkWidget *list = vecinos_charts_page_get_list (charts);
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);

  g_assert_nonnull (first);
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, "Indicators");

  g_assert_true (vecinos_charts_page_show_series (charts, "mx_homicides"));
  g_assert_false (vecinos_charts_page_show_series (charts, "no_such_series"));
  g_assert_cmpstr (vecinos_chart_view_get_series (chart)->slug, ==, "mx_homicides");
  g_assert_cmpstr (vecinos_charts_page_get_text (charts, "definition"), ==, "Deaths registered as homicides.");
  g_assert_cmpstr (vecinos_charts_page_get_text (charts, "caveats"), ==, "Preliminary figures are revised.");
  g_assert_cmpstr (vecinos_charts_page_get_text (charts, "source"), ==, "Source: INEGI");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Intentional homicides in Mexico");

  /* Right from nothing: the first figure; End: the last */
  g_assert_cmpint (vecinos_chart_view_get_focus_year (chart), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.next", NULL);
  g_assert_cmpint (vecinos_chart_view_get_focus_year (chart), ==, 2012);
  {
    g_autofree char *focus = vecinos_chart_view_describe_focus (chart);
    g_assert_cmpstr (focus, ==, "2012: 25,967 persons. The preliminary count was 26037.");
  }
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.next", NULL);
  g_assert_cmpint (vecinos_chart_view_get_focus_year (chart), ==, 2024);
  {
    g_autofree char *focus = vecinos_chart_view_describe_focus (chart);
    g_assert_cmpstr (focus, ==, "2024: 33,241 persons. Preliminary, to be revised.");
  }
  /* Over the last figure the keyboard stays put */
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.next", NULL);
  g_assert_cmpint (vecinos_chart_view_get_focus_year (chart), ==, 2024);
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.first", NULL);
  g_assert_cmpint (vecinos_chart_view_get_focus_year (chart), ==, 2012);
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.last", NULL);
  g_assert_cmpint (vecinos_chart_view_get_focus_year (chart), ==, 2024);

  /* "Show Data": the same figures as a table, one row each */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (vecinos_charts_page_get_table (charts)))), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (vecinos_charts_page_get_table (charts))), ==, 5);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (vecinos_charts_page_get_table (charts)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Figures of the chart");

  /* An event chosen on the chart is selected and shown on the timeline,
   * even when a filter hid it */
  {
    GtkSingleSelection *selection = vecinos_window_get_event_selection (window);
    g_autoptr(VecinosEvent) event = g_list_model_get_item (G_LIST_MODEL (selection),
                                                           find_row (selection, "hold-the-line"));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts"));
    gtk_editable_set_text (vecinos_window_get_filter_entry (window), "NAFTA");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
    g_signal_emit_by_name (chart, "event-activated", event);
    g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "timeline");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 5);
    g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) event);
  }

  g_assert_true (vecinos_charts_page_show_series (charts, "merida_funding"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (vecinos_charts_page_get_table (charts)))), ==, 1);
  g_assert_cmpint (vecinos_chart_view_get_focus_year (chart), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.last", NULL);
  {
    g_autofree char *focus = vecinos_chart_view_describe_focus (chart);
    g_assert_cmpstr (focus, ==, "FY2008: US$400 million.");
  }

  /* Compared with a second series: two axes, Up/Down between them */
  g_assert_true (vecinos_charts_page_show_series (charts, "mx_homicides"));
  g_assert_false (vecinos_charts_page_get_option_available (charts, "per-person"));
  g_assert_true (vecinos_charts_page_get_option_available (charts, "log"));
  g_assert_false (vecinos_charts_page_set_options (charts, "no_such_series", FALSE, FALSE, FALSE));
  g_assert_null (vecinos_chart_view_get_compare (chart));
  g_assert_true (vecinos_charts_page_set_options (charts, "merida_funding", FALSE, FALSE, TRUE));
  g_assert_cmpstr (vecinos_chart_view_get_compare (chart)->slug, ==, "merida_funding");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Intentional homicides in Mexico and Mérida Initiative funding");
  {
    VecinosChart drawn;

    vecinos_chart_view_get_chart (chart, &drawn);
    g_assert_true (drawn.log_scale);
    g_assert_false (drawn.shared_axis);
  }
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.last", NULL);
  g_assert_cmpint (vecinos_chart_view_get_focus_year (chart), ==, 2024);
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.other-series", NULL);
  g_assert_cmpstr (vecinos_chart_view_get_focus_series (chart)->slug, ==, "merida_funding");
  {
    g_autofree char *focus = vecinos_chart_view_describe_focus (chart);
    g_assert_cmpstr (focus, ==, "Mérida Initiative funding, FY2008: US$400 million.");
  }
  gtk_widget_activate_action (GTK_WIDGET (chart), "chart.other-series", NULL);
  g_assert_cmpstr (vecinos_chart_view_get_focus_series (chart)->slug, ==, "mx_homicides");
  g_assert_cmpint (vecinos_chart_view_get_focus_year (chart), ==, 2012);

  /* Exported as shown: the image at the chosen size, the figures of both */
  {
    g_autofree char *dir = g_dir_make_tmp ("vecinos-export-XXXXXX", NULL);
    g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
    g_autofree char *csv = g_build_filename (dir, "chart.csv", NULL);
    g_autofree char *gif = g_build_filename (dir, "chart.gif", NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GError) error = NULL;
    cairo_surface_t *image;

    g_assert_true (vecinos_charts_page_export (charts, png, &error));
    g_assert_no_error (error);
    image = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1920);
    g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1080);
    cairo_surface_destroy (image);
    g_assert_true (vecinos_charts_page_export (charts, csv, NULL));
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "\nmx_homicides,2024,33241,true,"));
    g_assert_nonnull (strstr (contents, "\nmerida_funding,FY2008,400,false,"));
    g_assert_false (vecinos_charts_page_export (charts, gif, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_unlink (png);
    g_unlink (csv);
    g_rmdir (dir);
  }

  /* Indexes need a year both have: said where the definition goes */
  vecinos_charts_page_set_options (charts, "merida_funding", TRUE, FALSE, FALSE);
  g_assert_nonnull (strstr (vecinos_charts_page_get_text (charts, "definition"), "no year"));
  vecinos_charts_page_set_options (charts, NULL, TRUE, FALSE, FALSE);
  g_assert_null (vecinos_chart_view_get_compare (chart));
  g_assert_cmpstr (vecinos_chart_view_get_series (chart)->slug, ==, "mx_homicides_index");
  g_assert_cmpstr (vecinos_chart_view_get_series (chart)->unit, ==, "index, 2012 = 100");

  /* One time range: the chart shows the timeline's years when asked */
  {
    VecinosChart drawn;

    vecinos_timeline_view_set_visible_range (vecinos_window_get_timeline_view (window),
                                             vecinos_test_day ("2010-01-01"), vecinos_test_day ("2016-01-01"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts"));
    vecinos_chart_view_get_chart (chart, &drawn);
    g_assert_cmpfloat (drawn.range_end, ==, 0);
    vecinos_charts_page_set_follow_timeline (charts, TRUE);
    vecinos_chart_view_get_chart (chart, &drawn);
    g_assert_cmpfloat_with_epsilon (drawn.range_start, 2010, 1e-9);
    g_assert_cmpfloat_with_epsilon (drawn.range_end, 2016, 1e-9);
    vecinos_charts_page_set_follow_timeline (charts, FALSE);
    vecinos_chart_view_get_chart (chart, &drawn);
    g_assert_cmpfloat (drawn.range_end, ==, 0);
  }

  vecinos_test_close_window (window);
}

static void
test_documents (void)
{
  VecinosWindow *window = show_window ("en");
  VecinosDocumentsPage *documents = vecinos_window_get_documents_page (window);
  GtkWidget *list = vecinos_documents_page_get_list (documents);
  VecinosExcerptView *excerpt;
  g_autofree char *quotation = NULL;

  /* The documents, oldest first, with who wrote them and when */
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, "Documents");
  g_assert_cmpstr (vecinos_documents_page_get_document (documents), ==, "doc-a");
  g_assert_cmpstr (vecinos_documents_page_get_text (documents, "title"), ==, "Charting the Road Ahead");
  g_assert_cmpstr (vecinos_documents_page_get_text (documents, "byline"), ==,
                   "Ana Author · A Foundation · 1 November 2018");
  g_assert_cmpstr (vecinos_documents_page_get_text (documents, "kind"), ==, "Report · 2 excerpts");
  g_assert_cmpstr (vecinos_documents_page_get_text (documents, "link"), ==, "Read the original document");

  /* Its excerpts in order, the author's words first in English */
  g_assert_cmpuint (vecinos_documents_page_get_n_excerpts (documents), ==, 2);
  excerpt = vecinos_documents_page_get_excerpt (documents, 0);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (excerpt), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (excerpt), GTK_ACCESSIBLE_PROPERTY_LABEL, "Excerpt 1");
  g_assert_false (vecinos_excerpt_view_get_translated (excerpt));
  g_assert_cmpstr (vecinos_excerpt_view_get_quote (excerpt), ==,
                   "Homicides reached 26,037 in 2012, after NAFTA had long been in force.");
  g_assert_cmpstr (vecinos_excerpt_view_get_quote (vecinos_documents_page_get_excerpt (documents, 1)), ==,
                   "Remittances keep growing.");

  /* A claimed number: its comparison on request */
  g_assert_null (vecinos_excerpt_view_get_comparison (excerpt, 0));
  vecinos_excerpt_view_show_claim (excerpt, 0);
  g_assert_cmpstr (vecinos_excerpt_view_get_comparison (excerpt, 0), ==,
                   "The document says “26,037 in 2012”; the official figure for 2012 is 25,967 persons (INEGI)."
                   " They do not measure exactly the same thing. The report cites the preliminary count.");

  /* The translation, labelled, and back */
  g_assert_true (vecinos_documents_page_get_translation_available (documents));
  vecinos_documents_page_set_translated (documents, TRUE);
  g_assert_true (vecinos_excerpt_view_get_translated (excerpt));
  g_assert_cmpstr (vecinos_excerpt_view_get_quote (excerpt), ==,
                   "Los homicidios llegaron a 26,037 en 2012, cuando el TLCAN llevaba tiempo en vigor.");
  g_assert_cmpstr (label_text_with_class (GTK_WIDGET (excerpt), "dim-label"), ==, "Excerpt 1 · Trade, Security");
  quotation = vecinos_excerpt_view_copy_quotation (excerpt);
  g_assert_cmpstr (quotation, ==,
                   "“Los homicidios llegaron a 26,037 en 2012, cuando el TLCAN llevaba tiempo en vigor.” (translated by Vecinos)\n"
                   "— Ana Author, “Charting the Road Ahead”, A Foundation, 1 November 2018. https://example.org/a");
  vecinos_documents_page_set_translated (documents, FALSE);
  g_clear_pointer (&quotation, g_free);
  quotation = vecinos_excerpt_view_copy_quotation (excerpt);
  g_assert_cmpstr (quotation, ==,
                   "“Homicides reached 26,037 in 2012, after NAFTA had long been in force.”\n"
                   "— Ana Author, “Charting the Road Ahead”, A Foundation, 1 November 2018. https://example.org/a");

  /* Links: an event opens on the timeline, selected; a series on a chart */
  click_action_button (GTK_WIDGET (excerpt), "win.show-series", "mx_homicides");
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "charts");
  g_assert_cmpstr (vecinos_chart_view_get_series (vecinos_charts_page_get_chart (vecinos_window_get_charts_page (window)))->slug,
                   ==, "mx_homicides");
  click_action_button (GTK_WIDGET (excerpt), "win.show-event", "nafta-in-force");
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "timeline");
  g_assert_cmpstr (vecinos_event_get_slug (vecinos_event_page_get_event (vecinos_window_get_event_page (window))),
                   ==, "nafta-in-force");

  /* From the event, its excerpt in the document */
  click_action_button (GTK_WIDGET (vecinos_window_get_event_page (window)), "win.show-excerpt", "a-1");
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "documents");
  g_assert_cmpstr (vecinos_documents_page_get_document (documents), ==, "doc-a");
  /* The same action as the button's, from anywhere */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-excerpt", "s", "b-1"));
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "documents");
  g_assert_cmpstr (vecinos_documents_page_get_document (documents), ==, "doc-b");
  g_assert_cmpstr (vecinos_documents_page_get_text (documents, "byline"), ==,
                   "author not identified · A Magazine · June 2021 (date inferred)");
  g_assert_cmpstr (vecinos_documents_page_get_text (documents, "link"), ==, "The original could not be found online.");
  g_assert_false (vecinos_documents_page_show_excerpt (documents, "no-such-excerpt"));

  vecinos_test_close_window (window);
}

/* In Spanish, our translation comes first, labelled */
static void
test_documents_spanish (void)
{
  VecinosWindow *window = show_window ("es");
  VecinosDocumentsPage *documents = vecinos_window_get_documents_page (window);
  VecinosExcerptView *excerpt = vecinos_documents_page_get_excerpt (documents, 0);

  g_assert_cmpstr (vecinos_documents_page_get_text (documents, "kind"), ==, "Informe · 2 fragmentos");
  g_assert_true (vecinos_excerpt_view_get_translated (excerpt));
  g_assert_cmpstr (vecinos_excerpt_view_get_quote (excerpt), ==,
                   "Los homicidios llegaron a 26,037 en 2012, cuando el TLCAN llevaba tiempo en vigor.");
  vecinos_documents_page_set_translated (documents, FALSE);
  g_assert_cmpstr (vecinos_excerpt_view_get_quote (excerpt), ==,
                   "Homicides reached 26,037 in 2012, after NAFTA had long been in force.");
  vecinos_test_close_window (window);
}

/* A search entry has the keyboard when its text part has */
static gboolean
entry_has_focus (GtkWidget *entry)
{
  for (GtkWidget *child = gtk_widget_get_first_child (entry); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TEXT (child))
      return gtk_widget_has_focus (child);
  return FALSE;
}

static void
test_search (void)
{
  VecinosWindow *window = show_window ("en");
  VecinosSearchPanel *search = vecinos_window_get_search_panel (window);
  const VecinosSearchResult *result;
  static const char * const hostile[] = {
    "\"", "*", "-", "NEAR(", "AND", "OR NOT (", "title:x", "^", "\xff\xfe\xfd", "🌵🇲🇽", "'; DROP TABLE event; --",
  };

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (vecinos_search_panel_get_list (search)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Search results");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (vecinos_search_panel_get_entry (search)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Search events, excerpts, indicators and documents");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));

  /* Accents ignored, a word's start is enough, both languages */
  vecinos_search_panel_set_text (search, "lopez obra");
  g_assert_cmpuint (vecinos_search_panel_get_n_results (search), ==, 1);
  result = vecinos_search_panel_get_result (search, 0);
  g_assert_cmpint (result->kind, ==, VECINOS_SEARCH_EVENT);
  g_assert_cmpstr (result->ref, ==, "sheinbaum-takes-office");
  g_assert_cmpstr (result->title, ==, "López Obrador hands over");
  g_assert_cmpstr (vecinos_search_panel_get_status (search), ==, "1 result");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (vecinos_search_panel_get_list (search)),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "1 result");
  /* Up from the first result goes back to the entry */
  {
    GtkWidget *list = vecinos_search_panel_get_list (search);
    GtkWidget *entry = vecinos_search_panel_get_entry (search);
    gboolean handled = FALSE;

    while (!gtk_widget_get_mapped (entry))
      g_main_context_iteration (NULL, TRUE);
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)));
    g_assert_false (entry_has_focus (entry));
    g_signal_emit_by_name (list, "keynav-failed", GTK_DIR_UP, &handled);
    g_assert_true (handled);
    g_assert_true (entry_has_focus (entry));
  }
  vecinos_search_panel_set_text (search, "TLCAN");
  g_assert_cmpuint (vecinos_search_panel_get_n_results (search), >=, 1);
  g_assert_cmpstr (vecinos_search_panel_get_result (search, 0)->title, ==, "NAFTA enters into force");

  /* Choosing a result takes the user to it */
  vecinos_search_panel_set_text (search, "homicides");
  for (guint i = 0; (result = vecinos_search_panel_get_result (search, i)) != NULL; i++)
    if (result->kind == VECINOS_SEARCH_SERIES)
      {
        vecinos_search_panel_activate_result (search, i);
        break;
      }
  g_assert_nonnull (result);
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "charts");
  g_assert_cmpstr (vecinos_chart_view_get_series (vecinos_charts_page_get_chart (vecinos_window_get_charts_page (window)))->slug,
                   ==, "mx_homicides");
  vecinos_search_panel_set_text (search, "remittances keep");
  g_assert_cmpint (vecinos_search_panel_get_result (search, 0)->kind, ==, VECINOS_SEARCH_EXCERPT);
  vecinos_search_panel_activate_result (search, 0);
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "documents");
  g_assert_cmpstr (vecinos_documents_page_get_document (vecinos_window_get_documents_page (window)), ==, "doc-a");
  vecinos_search_panel_set_text (search, "Stumbling");
  vecinos_search_panel_activate_result (search, 0);
  g_assert_cmpstr (vecinos_documents_page_get_document (vecinos_window_get_documents_page (window)), ==, "doc-b");
  vecinos_search_panel_set_text (search, "water treaty");
  vecinos_search_panel_activate_result (search, 0);
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "timeline");
  g_assert_cmpstr (vecinos_event_get_slug (vecinos_event_page_get_event (vecinos_window_get_event_page (window))),
                   ==, "water-treaty");

  /* Nothing typed, nothing found, anything typed: a clear line, no error */
  vecinos_search_panel_set_text (search, "");
  g_assert_cmpuint (vecinos_search_panel_get_n_results (search), ==, 0);
  g_assert_true (g_str_has_prefix (vecinos_search_panel_get_status (search), "Type words"));
  vecinos_search_panel_set_text (search, "zzzqqq");
  g_assert_cmpstr (vecinos_search_panel_get_status (search), ==, "No results.");
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *count = NULL;
      const char *status;

      vecinos_search_panel_set_text (search, hostile[i]);
      /* Said as a count of what is listed, or as nothing found: never an
       * error (any critical fails the test too) */
      status = vecinos_search_panel_get_status (search);
      count = g_strdup_printf ("%u", vecinos_search_panel_get_n_results (search));
      if (vecinos_search_panel_get_n_results (search) == 0)
        g_assert_true (g_str_equal (status, "No results.") || g_str_has_prefix (status, "Type words"));
      else
        g_assert_true (g_str_has_prefix (status, count));
    }

  vecinos_test_close_window (window);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  return *(const VecinosDay *) a - *(const VecinosDay *) b;
}

/* What the view's own snapshot draws now, by the window's renderer
 * (GtkWidgetPaintable would give the frame last painted) */
static Pixels
render_now (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  return render_node (widget, node);
}

/* Block by block, the same ink: markers placed a pixel apart change a
 * block's sum by its edges at most, a missing marker by far more */
static void
assert_same_ink (const Pixels *a,
                 const Pixels *b)
{
  g_assert_cmpint (a->width, ==, b->width);
  g_assert_cmpint (a->height, ==, b->height);
  for (int top = 0; top < a->height; top += 16)
    for (int left = 0; left < a->width; left += 16)
      {
        gint64 sum_a = 0, sum_b = 0;

        for (int y = top; y < MIN (top + 16, a->height); y++)
          for (int x = left; x < MIN (left + 16, a->width); x++)
            for (int c = 0; c < 4; c++)
              {
                sum_a += a->data[(y * a->width + x) * 4 + c];
                sum_b += b->data[(y * b->width + x) * 4 + c];
              }
        /* One column of a 16-pixel block, wholly different: a marker edge
         * a pixel away */
        g_assert_cmpint (ABS (sum_a - sum_b), <=, 16 * 4 * 255);
      }
}

/* While panning, the rows' markers are drawn once and shifted: what the
 * screen shows is what drawing them afresh shows */
static void
test_timeline_row_cache (void)
{
  /* Eight dense rows: more than 200 marks, where Cairo draws them in strips */
  static const char * const colors[] = { "#E69F00", "#D55E00", "#0072B2", "#CC79A7",
                                         "#009E73", "#F0E442", "#56B4E9", "#999999" };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = g_object_new (VECINOS_TYPE_TIMELINE_VIEW, NULL);
  GListStore *store = g_list_store_new (VECINOS_TYPE_EVENT);
  GtkSingleSelection *selection;
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  g_autoptr(GPtrArray) terms = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (2000);
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (VecinosDay));
  VecinosCategory rows[8];
  double start = vecinos_test_day ("2003-01-01"), end = vecinos_test_day ("2005-01-01");
  double shift = 7 * (end - start) / 1000;
  Pixels fresh, cached;

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      rows[r] = (VecinosCategory) { (char *) colors[r], (char *) colors[r], (char *) colors[r] };
      g_ptr_array_add (categories, &rows[r]);
    }
  for (guint i = 0; i < 12000; i++)
    {
      VecinosDay day = vecinos_test_day ("2000-01-01") + g_rand_int_range (rand, 0, 10 * 365);
      g_array_append_val (days, day);
    }
  g_array_sort (days, (GCompareFunc) compare_days);
  for (guint i = 0; i < days->len; i++)
    {
      guint row = g_rand_int_range (rand, 0, G_N_ELEMENTS (rows));
      VecinosEventFields fields = {
        .slug = "e", .title = "Event", .summary = "", .category = colors[row],
        .category_name = colors[row], .color = colors[row], .importance = 3,
      };
      g_autoptr(VecinosEvent) event = NULL;

      vecinos_date_from_day (g_array_index (days, VecinosDay, i), VECINOS_DATE_PRECISION_DAY, &fields.start);
      if (i % 100 == 0)
        {
          fields.has_end = TRUE;
          vecinos_date_from_day (g_array_index (days, VecinosDay, i) + 200, VECINOS_DATE_PRECISION_DAY, &fields.end);
        }
      event = vecinos_event_new (&fields);
      g_list_store_append (store, event);
    }
  selection = gtk_single_selection_new (G_LIST_MODEL (store));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_widget_set_size_request (view, 1000, 600);
  gtk_window_set_child (GTK_WINDOW (window), view);
  vecinos_timeline_view_set_data (VECINOS_TIMELINE_VIEW (view), selection, categories, terms);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  /* Drawn afresh, then (the zoom held) from the row images */
  vecinos_timeline_view_set_visible_range (VECINOS_TIMELINE_VIEW (view), start, end);
  vecinos_timeline_view_set_row_cache (VECINOS_TIMELINE_VIEW (view), FALSE);
  fresh = render_now (view);
  g_assert_false (vecinos_timeline_view_get_row_cache_drawn (VECINOS_TIMELINE_VIEW (view)));
  vecinos_timeline_view_set_row_cache (VECINOS_TIMELINE_VIEW (view), TRUE);
  cached = render_now (view);
  g_assert_true (vecinos_timeline_view_get_row_cache_drawn (VECINOS_TIMELINE_VIEW (view)));
  assert_same_ink (&fresh, &cached);
  g_free (fresh.data);
  g_free (cached.data);

  /* Panned by 7 pixels: the images are placed further left */
  vecinos_timeline_view_set_visible_range (VECINOS_TIMELINE_VIEW (view), start + shift, end + shift);
  cached = render_now (view);
  g_assert_true (vecinos_timeline_view_get_row_cache_drawn (VECINOS_TIMELINE_VIEW (view)));
  vecinos_timeline_view_set_row_cache (VECINOS_TIMELINE_VIEW (view), FALSE);
  fresh = render_now (view);
  assert_same_ink (&fresh, &cached);
  g_free (fresh.data);
  g_free (cached.data);

  /* A zoom draws afresh */
  vecinos_timeline_view_set_row_cache (VECINOS_TIMELINE_VIEW (view), TRUE);
  vecinos_timeline_view_set_visible_range (VECINOS_TIMELINE_VIEW (view), start, start + (end - start) / 2);
  cached = render_now (view);
  g_assert_false (vecinos_timeline_view_get_row_cache_drawn (VECINOS_TIMELINE_VIEW (view)));
  g_free (cached.data);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (selection);
}

static void
test_language_from_names (void)
{
  const char *spanish[] = { "es_MX.UTF-8", "es_MX", "es", "C", NULL };
  const char *english_first[] = { "en_GB", "es", "C", NULL };
  const char *french[] = { "fr_FR", "fr", "C", NULL };
  const char *esperanto[] = { "eo", "C", NULL };

  g_assert_cmpstr (vecinos_language_from_names (spanish), ==, "es");
  g_assert_cmpstr (vecinos_language_from_names (english_first), ==, "en");
  g_assert_cmpstr (vecinos_language_from_names (french), ==, "en");
  g_assert_cmpstr (vecinos_language_from_names (esperanto), ==, "en");
  g_assert_cmpstr (vecinos_language_from_names (NULL), ==, "en");
}

int
main (int   argc,
      char *argv[])
{
  vecinos_test_init_translations ();

  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/lists-and-selects", test_lists_and_selects);
  g_test_add_func ("/window/spanish", test_spanish);
  g_test_add_func ("/window/accessible", test_accessible);
  g_test_add_func ("/window/views", test_views);
  g_test_add_func ("/window/timeline", test_timeline);
  g_test_add_func ("/window/filters", test_filters);
  g_test_add_func ("/window/timeline-pixels", test_timeline_pixels);
  g_test_add_data_func ("/window/error-page/english", "en", test_error_page);
  g_test_add_data_func ("/window/error-page/spanish", "es", test_error_page);
  g_test_add_func ("/window/charts", test_charts);
  g_test_add_func ("/window/documents", test_documents);
  g_test_add_func ("/window/documents/spanish", test_documents_spanish);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/timeline-row-cache", test_timeline_row_cache);
  g_test_add_func ("/window/language-from-names", test_language_from_names);
  g_test_add_func ("/window/edge-datasets", test_edge_datasets);
  g_test_add_func ("/window/dataset-replaced", test_dataset_replaced);
  g_test_add_func ("/window/language-switch", test_language_switch);
  g_test_add_func ("/window/tour", test_tour);
  g_test_add_func ("/window/presenting", test_presenting);
  g_test_add_func ("/window/text-scale", test_text_scale);
  g_test_add_func ("/window/selected-title", test_selected_title);
  g_test_add_func ("/window/idle", test_idle);

  return g_test_run ();
}
