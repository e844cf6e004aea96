/* test-keyboard-documents.c — the Documents view with the keyboard, on
 * the bundled dataset, in English and in Spanish (issue 14)
 *
 * Tab and Shift+Tab go through GTK's own focus chain
 * (gtk_widget_child_focus on the window, what the window's Tab binding
 * calls): every control of the view is reached both ways, none holds the
 * keyboard for two presses, the list of documents is one stop (only the
 * row of the document shown), and passing opens nothing. "Read in the
 * Document" brings its excerpt to the top of the view with the keyboard
 * on it, at the first press, on a fresh window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-test.h"

#include <gtk/gtk.h>

#include "vecinos-language.h"
#include "vecinos-window-private.h"
#include "vecinos-test-gtk.h"

/* How long a press may take to show what it does */
#define WAIT_SECONDS 5.0
/* How long what is shown must hold */
#define QUIET_SECONDS 0.5
/* More presses than the longest document has stops: a walk that has not
 * come round by then is stuck */
#define MAX_PRESSES 2000

typedef struct {
  const char *language;
  gboolean    translated;   /* the translation check on */
  gboolean    expanded;     /* an "Original text" opened */
} Case;

static VecinosWindow *
show_window (const char *language)
{
  g_autoptr(VecinosDataset) dataset = vecinos_test_open_bundled ();

  return vecinos_test_present (dataset, NULL, language, 1280, 720);
}


static void
settle (GtkWidget *window)
{
  gtk_test_widget_wait_for_draw (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static const char *
describe (GtkWidget *widget)
{
  static char text[200];
  const char *label = "";

  if (GTK_IS_LABEL (widget))
    label = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    label = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL)
    label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  else if (GTK_IS_EXPANDER (widget))
    label = gtk_expander_get_label (GTK_EXPANDER (widget));
  g_snprintf (text, sizeof text, "%s “%.60s”", G_OBJECT_TYPE_NAME (widget), label);
  return text;
}

/* Whether @widget is shown, can take the keyboard, and so is a control
 * Tab must reach */
static gboolean
is_control (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w) || !gtk_widget_get_child_visible (w) ||
        !gtk_widget_get_can_focus (w) || !gtk_widget_is_sensitive (w))
      return FALSE;
  if (!gtk_widget_get_focusable (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_EXPANDER (widget) ||
         GTK_IS_LABEL (widget) || GTK_IS_LIST_BOX_ROW (widget);
}

static void
collect_controls (GtkWidget *widget,
                  GPtrArray *controls)
{
  if (is_control (widget))
    g_ptr_array_add (controls, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_controls (child, controls);
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

/* Presses Tab (or Shift+Tab) from @start until the keyboard is back on
 * it, asserting on the way; returns every widget it stopped on */
static GHashTable *
walk (VecinosWindow *window,
      GtkWidget     *start,
      GtkWidget     *shown_row,
      gboolean       forward)
{
  GtkDirectionType direction = forward ? GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD;
  GHashTable *reached = g_hash_table_new (NULL, NULL);
  GtkWidget *previous = start;
  guint presses;

  g_assert_true (gtk_widget_grab_focus (start));
  for (presses = 1; presses <= MAX_PRESSES; presses++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (window), direction);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL)
        continue;   /* wrapped past the end: the next press starts again */
      if (focus == previous)
        g_error ("%s: %s kept the keyboard for two presses (press %u)",
                 forward ? "Tab" : "Shift+Tab", describe (focus), presses);
      if (GTK_IS_LIST_BOX_ROW (focus) && focus != shown_row)
        g_error ("%s: the list row %s is a Tab stop (press %u)",
                 forward ? "Tab" : "Shift+Tab", describe (focus), presses);
      if (focus == start)
        break;
      g_hash_table_add (reached, focus);
      previous = focus;
    }
  if (presses > MAX_PRESSES)
    g_error ("%s from %s did not come round in %u presses", forward ? "Tab" : "Shift+Tab",
             describe (start), MAX_PRESSES);
  g_test_message ("%s: %u presses round the window", forward ? "Tab" : "Shift+Tab", presses);
  return reached;
}

static void
test_tab_chain (gconstpointer data)
{
  const Case *c = data;
  VecinosWindow *window = show_window (c->language);
  VecinosDocumentsPage *page = vecinos_window_get_documents_page (window);
  GtkListBox *list = GTK_LIST_BOX (vecinos_documents_page_get_list (page));
  g_autofree char *document = NULL;
  g_autoptr(GPtrArray) controls = g_ptr_array_new ();
  GtkWidget *shown_row;
  guint rows = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "documents"));
  if (c->translated)
    vecinos_documents_page_set_translated (page, TRUE);
  settle (GTK_WIDGET (window));
  if (c->expanded)
    {
      GtkWidget *expander = find_descendant (GTK_WIDGET (vecinos_documents_page_get_excerpt (page, 0)),
                                             GTK_TYPE_EXPANDER);

      GtkWidget *original;
      gint64 deadline = g_get_monotonic_time () + (gint64) (WAIT_SECONDS * G_USEC_PER_SEC);

      g_assert_nonnull (expander);
      gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
      original = gtk_expander_get_child (GTK_EXPANDER (expander));
      /* GTK orders Tab stops by where they are: laid out first */
      while ((!gtk_widget_get_mapped (original) || gtk_widget_get_height (original) <= 0) &&
             g_get_monotonic_time () < deadline)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (2000);
      g_assert_cmpint (gtk_widget_get_height (original), >, 0);
      settle (GTK_WIDGET (window));
    }
  /* The document the issue walked: in Spanish, or translated, its
   * excerpts each have an "Original text" */
  g_assert_cmpuint (vecinos_documents_page_get_n_excerpts (page), >, 10);
  /* Tab stops only on what is laid out: on a busy machine the excerpts'
   * first frame may come a few frames later */
  {
    GtkWidget *last = GTK_WIDGET (vecinos_documents_page_get_excerpt (page,
                                                                      vecinos_documents_page_get_n_excerpts (page) - 1));
    gint64 deadline = g_get_monotonic_time () + (gint64) (WAIT_SECONDS * G_USEC_PER_SEC);

    while ((!gtk_widget_get_mapped (last) || gtk_widget_get_height (last) <= 0) &&
           g_get_monotonic_time () < deadline)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    g_assert_true (gtk_widget_get_mapped (last));
    settle (GTK_WIDGET (window));
  }
  g_assert_cmpint (vecinos_documents_page_get_translation_available (page) &&
                   vecinos_excerpt_view_get_translated (vecinos_documents_page_get_excerpt (page, 0)),
                   ==, c->translated || g_str_equal (c->language, "es"));
  document = g_strdup (vecinos_documents_page_get_document (page));
  shown_row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  while (gtk_list_box_get_row_at_index (list, rows) != NULL)
    rows++;
  g_assert_cmpuint (rows, >=, 5);

  collect_controls (GTK_WIDGET (page), controls);
  g_assert_cmpuint (controls->len, >, 87);

  for (int forward = TRUE; forward >= FALSE; forward--)
    {
      g_autoptr(GHashTable) reached = walk (window, shown_row, shown_row, forward);
      guint missed = 0;

      for (guint i = 0; i < controls->len; i++)
        {
          GtkWidget *control = g_ptr_array_index (controls, i);

          if (control == shown_row || g_hash_table_contains (reached, control))
            continue;
          /* Only the document's row is the list's stop */
          if (GTK_IS_LIST_BOX_ROW (control))
            continue;
          g_test_message ("%s does not reach %s", forward ? "Tab" : "Shift+Tab", describe (control));
          missed++;
        }
      g_assert_cmpuint (missed, ==, 0);
      /* Passing changed nothing */
      g_assert_cmpstr (vecinos_documents_page_get_document (page), ==, document);
      g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "documents");
    }
  vecinos_test_close_window (window);
}

/* The arrows move inside the list, opening nothing; Enter opens the row
 * the keyboard is on */
static void
test_list_keys (void)
{
  VecinosWindow *window = show_window ("en");
  VecinosDocumentsPage *page = vecinos_window_get_documents_page (window);
  GtkListBox *list = GTK_LIST_BOX (vecinos_documents_page_get_list (page));
  g_autofree char *first = NULL;
  GtkWidget *focus;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "documents"));
  settle (GTK_WIDGET (window));
  first = g_strdup (vecinos_documents_page_get_document (page));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))));

  /* What the list's Down key binding does */
  g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)));
  g_assert_cmpstr (vecinos_documents_page_get_document (page), ==, first);

  g_signal_emit_by_name (focus, "activate");
  g_assert_cmpstr (vecinos_documents_page_get_document (page), !=, first);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_STATE_SELECTED, TRUE);
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (gtk_list_box_get_row_at_index (list, 0)),
                                    GTK_ACCESSIBLE_STATE_SELECTED, FALSE);
  vecinos_test_close_window (window);
}

/* --- Read in the Document --- */

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action,
                    const char *target)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if (value != NULL && g_str_equal (g_variant_get_string (value, NULL), target))
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action, target);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  VecinosDocumentsPage *page;
  guint                 index;
} Reveal;

/* The view of excerpt @index, its top at the top of the visible area of
 * the scrolled window it is in, with the keyboard inside it */
static gboolean
excerpt_on_top (VecinosWindow *window,
                const Reveal  *reveal,
                double        *offset)
{
  VecinosExcerptView *view = vecinos_documents_page_get_excerpt (reveal->page, reveal->index);
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  graphene_point_t top;

  *offset = G_MAXDOUBLE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (view)) ||
      !gtk_widget_compute_point (GTK_WIDGET (view), scrolled, &GRAPHENE_POINT_INIT (0, 0), &top))
    return FALSE;
  *offset = top.y;
  return fabs (top.y) <= 1 && focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (view));
}

static void
wait_on_top (VecinosWindow *window,
             const Reveal  *reveal,
             const char    *press)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (WAIT_SECONDS * G_USEC_PER_SEC);
  double offset;

  while (!excerpt_on_top (window, reveal, &offset) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
  /* There, and still there once the page has settled */
  for (guint check = 0; check < 2; check++)
    {
      if (!excerpt_on_top (window, reveal, &offset))
        {
          GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

          g_error ("%s press of Read in the Document: excerpt %u is %.0f px from the top of the view%s, "
                   "the keyboard on %s", press, reveal->index + 1, offset, check ? " after a while" : "",
                   focus ? describe (focus) : "nothing");
        }
      deadline = g_get_monotonic_time () + (gint64) (QUIET_SECONDS * G_USEC_PER_SEC);
      while (g_get_monotonic_time () < deadline)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (2000);
    }
  g_assert_cmpstr (vecinos_window_get_open_excerpt (window), ==,
                   vecinos_excerpt_view_get_excerpt (vecinos_documents_page_get_excerpt (reveal->page,
                                                                                          reveal->index))->slug);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (vecinos_documents_page_get_excerpt (reveal->page,
                                                                                           reveal->index)),
                                           "highlighted"));
}

/* The 1929 founding of the PNR is told by excerpt 10 of the first
 * document: the case. From a fresh window, the Documents view
 * never shown; then again, from the event */
static void
test_read_in_document (gconstpointer data)
{
  const char *language = data;
  VecinosWindow *window = show_window (language);
  VecinosDocumentsPage *page = vecinos_window_get_documents_page (window);
  Reveal reveal = { page, 9 };
  GtkWidget *button;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-event", "s", "pnr-pri-founded"));
  settle (GTK_WIDGET (window));
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "timeline");

  for (guint press = 0; press < 2; press++)
    {
      button = find_action_button (GTK_WIDGET (vecinos_window_get_event_page (window)), "win.show-excerpt", "000-10");
      g_assert_nonnull (button);
      g_signal_emit_by_name (button, "clicked");
      g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, "documents");
      wait_on_top (window, &reveal, press == 0 ? "first" : "second");
      g_assert_cmpstr (vecinos_excerpt_view_get_excerpt (vecinos_documents_page_get_excerpt (page, 9))->slug, ==,
                       "000-10");
      /* Back to the event, for the second press */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline"));
      settle (GTK_WIDGET (window));
    }
  vecinos_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  static const Case cases[] = {
    { "en", FALSE, FALSE },
    { "en", TRUE, FALSE },
    { "es", FALSE, FALSE },
    { "es", FALSE, TRUE },
  };

  vecinos_test_init_translations ();
  gtk_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/keyboard/documents/tab-chain/%s%s%s", cases[i].language,
                                               cases[i].translated ? "/translated" : "",
                                               cases[i].expanded ? "/original-open" : "");

      g_test_add_data_func (path, &cases[i], test_tab_chain);
    }
  g_test_add_func ("/keyboard/documents/list-keys", test_list_keys);
  g_test_add_data_func ("/keyboard/documents/read-in-document/en", "en", test_read_in_document);
  g_test_add_data_func ("/keyboard/documents/read-in-document/es", "es", test_read_in_document);
  return g_test_run ();
}
