/* test-keyboard.c — Vecinos with the keyboard alone (issue 14)
 *
 * The Tab walk: each view, in English and in Spanish, walked with Tab and
 * then with Shift+Tab through GTK's own focus chain
 * (gtk_widget_child_focus on the window is what GtkWindow's Tab binding
 * calls), once round the whole window. It asserts that every control the
 * view shows is reached both ways, that no press leaves the focus where it
 * was (a dead end), that a list is one stop (its rows are not Tab stops)
 * and that passing the focus along changes nothing the views hold.
 * A view is added with one line in main(): walk_view() takes its name.
 *
 * Then the keys GTK 4.8 cannot synthesize, sent for real with xdotool to
 * the window the X server has focused (as tests/test-tours.c does): Escape
 * closes the search, Alt+2 and F10 go through it, Ctrl+F opens it from a
 * selectable text, Space keeps the selected event, Enter opens one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-test.h"
#include "vecinos-test-gtk.h"

#include <gtk/gtk.h>

#include "vecinos-language.h"
#include "vecinos-window-private.h"
#include "vecinos-workspace.h"

#define WAIT_SECONDS 5.0
/* More than any view's stops: a walk that has not come round by then is
 * stuck in a loop */
#define MAX_PRESSES 400

/* --- The window --- */

static VecinosWindow *
show_window (const char *language)
{
  g_autoptr(VecinosDataset) dataset = vecinos_test_open_bundled ();

  return vecinos_test_present (dataset, NULL, language, 1280, 760);
}


/* The main loop for @seconds: what the last change queued is done */
static void
settle (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

/* --- What a control is --- */

static gboolean
is_list (GtkWidget *widget)
{
  return GTK_IS_LIST_VIEW (widget) || GTK_IS_LIST_BOX (widget) || GTK_IS_GRID_VIEW (widget) ||
         GTK_IS_COLUMN_VIEW (widget);
}

/* Focusable, but only to pass the focus on to what they hold */
static gboolean
is_container (GtkWidget *widget)
{
  return GTK_IS_WINDOW (widget) || GTK_IS_SCROLLED_WINDOW (widget) || GTK_IS_VIEWPORT (widget) ||
         GTK_IS_PANED (widget) || GTK_IS_FLOW_BOX (widget) || GTK_IS_FLOW_BOX_CHILD (widget) ||
         GTK_IS_STACK (widget) || GTK_IS_POPOVER (widget);
}

/* The control the focus is on, when it is on @widget: a list for any of
 * its rows (a list is one control), else the focusable widget itself */
static GtkWidget *
control_of (GtkWidget *widget)
{
  GtkWidget *control = NULL;

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (is_list (w))
      control = w;
  return control != NULL ? control : widget;
}

/* Every control the window shows that the keyboard should reach: mapped,
 * sensitive, focusable, not inside a control (a button's contents) */
static void
collect_controls (GtkWidget  *widget,
                  GHashTable *controls)
{
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget) || !gtk_widget_get_can_focus (widget))
    return;
  if (is_list (widget) || (gtk_widget_get_focusable (widget) && !is_container (widget)))
    {
      g_hash_table_add (controls, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_controls (child, controls);
}

/* A control, as a failure names it */
static char *
describe (GtkWidget *widget)
{
  const char *text = NULL;

  if (widget == NULL)
    return g_strdup ("(nothing)");
  for (GtkWidget *w = gtk_widget_get_first_child (widget); w != NULL && GTK_IS_BUTTON (widget);
       w = gtk_widget_get_first_child (w))
    if (GTK_IS_LABEL (w))
      return g_strdup_printf ("%s “%.60s”", G_OBJECT_TYPE_NAME (widget), gtk_label_get_text (GTK_LABEL (w)));
  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    text = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL)
    text = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  else if (gtk_widget_get_tooltip_text (widget) != NULL)
    text = gtk_widget_get_tooltip_text (widget);
  else if (gtk_widget_get_tooltip_text (gtk_widget_get_parent (widget)) != NULL)
    text = gtk_widget_get_tooltip_text (gtk_widget_get_parent (widget));
  else if (GTK_IS_TEXT (widget) && gtk_text_get_placeholder_text (GTK_TEXT (widget)) != NULL)
    text = gtk_text_get_placeholder_text (GTK_TEXT (widget));
  return g_strdup_printf ("%s “%.60s”", G_OBJECT_TYPE_NAME (widget), text != NULL ? text : "");
}

/* All the views hold, as one string: the context's every property (after
 * the views have written to it what they keep to themselves) and the
 * event shown */
static char *
state_of (VecinosWindow *window)
{
  VecinosContext *context = vecinos_window_get_context (window);
  VecinosEvent *event = vecinos_event_page_get_event (vecinos_window_get_event_page (window));
  g_autofree GParamSpec **specs = NULL;
  GString *state = g_string_new (NULL);
  guint n = 0;

  vecinos_workspace_save_state (VECINOS_WORKSPACE (vecinos_window_get_workspace (window)));
  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (context), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *contents = NULL;

      if (!(specs[i]->flags & G_PARAM_READABLE) || g_type_is_a (specs[i]->value_type, G_TYPE_OBJECT))
        continue;
      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (G_OBJECT (context), specs[i]->name, &value);
      contents = g_strdup_value_contents (&value);
      g_string_append_printf (state, "%s=%s\n", specs[i]->name, contents);
    }
  g_string_append_printf (state, "event page=%s\n", event != NULL ? vecinos_event_get_slug (event) : "(none)");
  return g_string_free (state, FALSE);
}

/* --- The walk --- */

typedef struct {
  const char *view;
  const char *language;
} Walk;

/* Once round the window with Tab (or Shift+Tab) from @start: the controls
 * reached, in order, each as control_of() its focus */
static GPtrArray *
walk_round (VecinosWindow    *window,
            GtkWidget        *start,
            GtkDirectionType  direction)
{
  GPtrArray *stops = g_ptr_array_new ();
  GtkWidget *previous = start;
  g_autofree char *previous_link = NULL;

  gtk_widget_grab_focus (start);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == start);
  for (guint i = 0; i < MAX_PRESSES; i++)
    {
      GtkWidget *focus;
      const char *link;

      gtk_widget_child_focus (GTK_WIDGET (window), direction);
      settle (0.005);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (g_test_verbose ())
        {
          g_autofree char *what = describe (focus);

          g_test_message ("%s %u: %s", direction == GTK_DIR_TAB_FORWARD ? "Tab" : "Shift+Tab", i + 1, what);
        }
      /* A text's links are stops of their own, in the same widget */
      link = focus != NULL && GTK_IS_LABEL (focus) ? gtk_label_get_current_uri (GTK_LABEL (focus)) : NULL;
      if (focus == NULL || (focus == previous && g_strcmp0 (link, previous_link) == 0))
        {
          g_autofree char *where = describe (previous);

          g_error ("%s press %u: the focus stays on %s (a dead end)",
                   direction == GTK_DIR_TAB_FORWARD ? "Tab" : "Shift+Tab", i + 1, where);
        }
      if (focus == start)
        return stops;
      g_ptr_array_add (stops, control_of (focus));
      previous = focus;
      g_free (previous_link);
      previous_link = g_strdup (link);
    }
  g_error ("%s: the focus did not come round in %d presses",
           direction == GTK_DIR_TAB_FORWARD ? "Tab" : "Shift+Tab", MAX_PRESSES);
  return stops;
}

/* Every control in @controls reached, each list once and in one stop */
static void
assert_walk (GPtrArray        *stops,
             GHashTable       *controls,
             GtkWidget        *start,
             GtkDirectionType  direction)
{
  const char *keys = direction == GTK_DIR_TAB_FORWARD ? "Tab" : "Shift+Tab";
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer control;

  g_hash_table_add (reached, control_of (start));
  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *stop = g_ptr_array_index (stops, i);

      if (is_list (stop) && g_hash_table_contains (reached, stop))
        {
          g_autofree char *what = describe (stop);

          g_error ("%s: the list %s is a stop more than once in a round (its rows are Tab stops)", keys, what);
        }
      g_hash_table_add (reached, stop);
    }
  g_hash_table_iter_init (&iter, controls);
  while (g_hash_table_iter_next (&iter, &control, NULL))
    if (!g_hash_table_contains (reached, control))
      {
        g_autofree char *what = describe (control);

        g_error ("%s: %s is never reached (%u stops in a round)", keys, what, stops->len + 1);
      }
}

/**
 * walk_view:
 *
 * The Tab walk of one view in one language: the test of every view.
 */
static void
walk_view (gconstpointer data)
{
  const Walk *walk = data;
  VecinosWindow *window = show_window (walk->language);
  g_autoptr(GHashTable) controls = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) forward = NULL;
  g_autoptr(GPtrArray) backward = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *start;

  /* With an event chosen: the event page has its sources and quotations */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-event", "s", "pnr-pri-founded"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", walk->view));
  settle (0.3);
  g_assert_cmpstr (vecinos_window_get_visible_page (window), ==, walk->view);

  collect_controls (GTK_WIDGET (window), controls);
  g_assert_cmpuint (g_hash_table_size (controls), >, 5);
  /* From the first control of the window, as a first Tab finds it */
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  start = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (start);

  before = state_of (window);
  forward = walk_round (window, start, GTK_DIR_TAB_FORWARD);
  assert_walk (forward, controls, start, GTK_DIR_TAB_FORWARD);
  backward = walk_round (window, start, GTK_DIR_TAB_BACKWARD);
  assert_walk (backward, controls, start, GTK_DIR_TAB_BACKWARD);
  /* Round and round, the same stops either way */
  g_assert_cmpuint (forward->len, ==, backward->len);
  after = state_of (window);
  g_assert_cmpstr (after, ==, before);

  vecinos_test_close_window (window);
}

/* --- The event list --- */

static GtkWidget *
focused_row (VecinosWindow *window)
{
  GtkWidget *list = vecinos_window_get_event_list (window);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, list));
  return focus;
}

/* Space on the selected event keeps it (GTK's row toggled it off); Enter
 * on another opens it */
static void
test_list_keys (void)
{
  VecinosWindow *window = show_window ("en");
  GtkSingleSelection *selection = vecinos_window_get_event_selection (window);
  GtkWidget *list = vecinos_window_get_event_list (window);

  gtk_single_selection_set_selected (selection, 2);
  settle (0.2);
  gtk_widget_grab_focus (list);
  settle (0.1);
  /* What Space does on a row: listitem.select, toggling */
  g_assert_true (gtk_widget_activate_action (focused_row (window), "listitem.select", "(bb)", TRUE, FALSE));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
  g_assert_nonnull (vecinos_event_page_get_event (vecinos_window_get_event_page (window)));

  /* What Enter does: list.activate-item */
  g_assert_true (gtk_widget_activate_action (focused_row (window), "list.activate-item", "u", 5));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 5);
  vecinos_test_close_window (window);
}

/* --- Real keys --- */

static gboolean
is_active (VecinosWindow *window,
           gconstpointer  data)
{
  return gtk_window_is_active (GTK_WINDOW (window));
}

static GtkWidget *
search_popover (VecinosWindow *window)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (vecinos_window_get_search_panel (window)), GTK_TYPE_POPOVER);
}

static gboolean
search_open (VecinosWindow *window,
             gconstpointer  data)
{
  return gtk_widget_get_visible (search_popover (window)) == GPOINTER_TO_INT (data);
}

static gboolean
view_is (VecinosWindow *window,
         gconstpointer  data)
{
  return g_strcmp0 (vecinos_window_get_visible_page (window), data) == 0;
}

static gboolean
menu_open (VecinosWindow *window,
           gconstpointer  data)
{
  GtkRoot *root = GTK_ROOT (window);
  GtkWidget *focus = gtk_root_get_focus (root);

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER_MENU) != NULL;
}

static VecinosWindow *
show_window_with_keyboard (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  VecinosWindow *window;

  if (xdotool == NULL)
    g_error ("xdotool is not installed: this test sends real key presses with it "
             "(tools/install-deps.sh installs it)");
  window = show_window ("en");
  if (!vecinos_test_wait_until (window, is_active, NULL, WAIT_SECONDS))
    g_error ("the window did not get the keyboard focus of the display in %.0f s", WAIT_SECONDS);
  return window;
}

/* Escape in the search entry closes the search; Alt+2 and F10 reach the
 * window through it; Ctrl+F opens it wherever the keyboard is, a
 * selectable text too (which took Ctrl+F as "a character forward") */
static void
test_search_keys (void)
{
  VecinosWindow *window = show_window_with_keyboard ();
  VecinosEventPage *page = vecinos_window_get_event_page (window);
  GtkWidget *entry = vecinos_search_panel_get_entry (vecinos_window_get_search_panel (window));
  GtkWidget *title = NULL;

  vecinos_test_press_key ("ctrl+f");
  g_assert_true (vecinos_test_wait_until (window, search_open, GINT_TO_POINTER (TRUE), WAIT_SECONDS));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  vecinos_test_press_key ("Escape");
  g_assert_true (vecinos_test_wait_until (window, search_open, GINT_TO_POINTER (FALSE), WAIT_SECONDS));
  settle (0.3);

  vecinos_test_press_key ("ctrl+f");
  g_assert_true (vecinos_test_wait_until (window, search_open, GINT_TO_POINTER (TRUE), WAIT_SECONDS));
  vecinos_test_press_key ("alt+2");
  g_assert_true (vecinos_test_wait_until (window, view_is, "charts", WAIT_SECONDS));
  g_assert_true (vecinos_test_wait_until (window, search_open, GINT_TO_POINTER (FALSE), WAIT_SECONDS));
  settle (0.3);

  vecinos_test_press_key ("ctrl+f");
  g_assert_true (vecinos_test_wait_until (window, search_open, GINT_TO_POINTER (TRUE), WAIT_SECONDS));
  vecinos_test_press_key ("F10");
  g_assert_true (vecinos_test_wait_until (window, menu_open, NULL, WAIT_SECONDS));
  vecinos_test_press_key ("Escape");
  settle (0.3);

  /* From the event's selectable title (Alt+1 outside the search is the
   * application's, and this window has none) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "timeline"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-event", "s", "pnr-pri-founded"));
  settle (0.3);
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (page)); w != NULL && title == NULL;)
    {
      if (GTK_IS_LABEL (w) && gtk_label_get_selectable (GTK_LABEL (w)) && gtk_widget_get_mapped (w))
        title = w;
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = w == GTK_WIDGET (page) ? NULL : gtk_widget_get_parent (w);
          w = w != NULL ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_nonnull (title);
  g_assert_true (gtk_widget_grab_focus (title));
  settle (0.2);
  vecinos_test_press_key ("ctrl+f");
  g_assert_true (vecinos_test_wait_until (window, search_open, GINT_TO_POINTER (TRUE), WAIT_SECONDS));
  vecinos_test_press_key ("Escape");
  g_assert_true (vecinos_test_wait_until (window, search_open, GINT_TO_POINTER (FALSE), WAIT_SECONDS));
  settle (0.3);

  vecinos_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  /* The views walked; the charts and documents views add theirs here */
  static const char * const views[] = { "timeline" };
  static const char * const languages[] = { "en", "es" };
  static Walk walks[G_N_ELEMENTS (views) * G_N_ELEMENTS (languages)];

  vecinos_test_init_translations ();
  gtk_test_init (&argc, &argv, NULL);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      {
        Walk *walk = &walks[v * G_N_ELEMENTS (languages) + l];
        g_autofree char *path = g_strdup_printf ("/keyboard/tab-walk/%s/%s", views[v], languages[l]);

        walk->view = views[v];
        walk->language = languages[l];
        g_test_add_data_func (path, walk, walk_view);
      }
  g_test_add_func ("/keyboard/event-list", test_list_keys);
  g_test_add_func ("/keyboard/search", test_search_keys);
  return g_test_run ();
}
