/* test-import.c — a teacher's timeline opened in the window (issue 16):
 * a CSV and a JSON file through the path the file chooser, a dropped file
 * and "vecinos FILE" all take (vecinos_window_open_dataset), the timeline,
 * its title and what could not be read shown, then back to the bundled
 * dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include "vecinos-test.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <sqlite3.h>
#include <string.h>

#include "vecinos-event.h"
#include "vecinos-language.h"
#include "vecinos-schema.h"
#include "vecinos-search.h"
#include "vecinos-timeline-import.h"
#include "vecinos-timelinejs.h"
#include "vecinos-window-private.h"
#include "vecinos-workspace.h"
#include "vecinos-test-gtk.h"

static guint
n_events (VecinosWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (vecinos_window_get_event_selection (window)));
}

static gboolean
has_events (VecinosWindow *window,
            gconstpointer  data)
{
  return n_events (window) == GPOINTER_TO_UINT (data);
}

static char *
event_titles (VecinosWindow *window)
{
  GListModel *events = G_LIST_MODEL (vecinos_window_get_event_selection (window));
  GString *titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (events, i);

      g_string_append_printf (titles, "%s%s", i > 0 ? " | " : "", vecinos_event_get_title (event));
    }
  return g_string_free (titles, FALSE);
}

/* What a view says in place of its content, when it says it */
static const char *
empty_state (GtkWidget *page)
{
  for (GtkWidget *child = gtk_widget_get_first_child (page); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_name (child), "vecinos-empty-state") == 0 && gtk_widget_get_visible (child))
      return gtk_label_get_text (GTK_LABEL (child));
  return NULL;
}

static GtkWindow *toplevel_named (const char *name);

/* The window that lists what could not be read, if it is shown */
static GtkWindow *
problems_window (void)
{
  return toplevel_named ("vecinos-import-problems");
}

static gboolean
problems_shown (VecinosWindow *window,
                gconstpointer  data)
{
  return problems_window () != NULL;
}

static char *
text_of (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      char *text;

      if (GTK_IS_TEXT_VIEW (child))
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child));
          GtkTextIter start, end;

          gtk_text_buffer_get_bounds (buffer, &start, &end);
          return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        }
      if ((text = text_of (child)) != NULL)
        return text;
    }
  return NULL;
}

static char *
write_file (const char *directory,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (directory, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* A CSV of @n events, "Event 0" to "Event @n - 1", in eight groups */
static char *
write_large_timeline (const char *directory,
                      guint       n)
{
  g_autoptr(GString) rows = g_string_new ("Year,Month,Day,Headline,Text,Group\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (rows, "%u,%u,%u,Event %u,<p>Text of event %u</p>,G%u\n",
                            1900 + i % 120, 1 + i % 12, 1 + i % 28, i, i, i % 8);
  return write_file (directory, "large.csv", rows->str);
}

/* A window on the bundled dataset in @language, compiling timelines into
 * @cache */
static GtkWidget *
bundled_window (const char *cache,
                const char *language)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("VECINOS_BUNDLED_DATASET"));
  g_autoptr(VecinosDataset) bundled = vecinos_dataset_new_for_file (file, NULL);

  g_assert_nonnull (bundled);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  vecinos_language_use (language);
  return vecinos_window_new (NULL, bundled, language, NULL);
}

static void
test_open_timelines (void)
{
  g_autofree char *cache = g_dir_make_tmp ("vecinos-cache-XXXXXX", NULL);
  g_autofree char *directory = g_dir_make_tmp ("vecinos-files-XXXXXX", NULL);
  g_autofree char *csv = write_file (directory, "lesson.csv",
                                     "Year;Month;Day;Headline;Text;Group;Type\n"
                                     ";;;La Revolución;;;title\n"
                                     "1910;11;20;Inicia la Revolución;<p>Madero llama a las armas.</p>;Política;\n"
                                     "1917;2;5;Nueva Constitución;;Política;\n"
                                     "19x7;;;Mal año;;;\n");
  g_autofree char *json = write_file (directory, "lesson.json",
                                      "{\"title\": {\"text\": {\"headline\": \"Trade\"}}, \"events\": ["
                                      "{\"start_date\": {\"year\": 1994}, \"text\": {\"headline\": \"NAFTA\","
                                      " \"text\": \"The agreement between the United States, Mexico and Canada"
                                      " takes effect on the first day of the year.\"}}]}");
  g_autofree char *titles = NULL;
  g_autofree char *problems = NULL;
  GtkWidget *window = bundled_window (cache, "es");
  guint all;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 680);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  all = n_events (VECINOS_WINDOW (window));
  g_assert_cmpuint (all, >, 100);

  /* The CSV: its two events, its title on the window, what was left out */
  {
    g_autoptr(GFile) file = g_file_new_for_path (csv);

    g_assert_true (vecinos_window_open_dataset (VECINOS_WINDOW (window), file));
  }
  g_assert_true (vecinos_test_wait_until (VECINOS_WINDOW (window), has_events, GUINT_TO_POINTER (2), 10));
  /* Searched in the interface's language (Spanish), its texts indexed once */
  {
    VecinosDataset *dataset = vecinos_context_get_dataset (vecinos_window_get_context (VECINOS_WINDOW (window)));
    g_autoptr(GPtrArray) results = vecinos_dataset_search (dataset, "madero", "es", 10);
    const VecinosSearchResult *result;

    g_assert_cmpuint (results->len, ==, 1);
    result = g_ptr_array_index (results, 0);
    g_assert_cmpstr (result->title, ==, "Inicia la Revolución");
  }
  titles = event_titles (VECINOS_WINDOW (window));
  g_assert_cmpstr (titles, ==, "Inicia la Revolución | Nueva Constitución");
  /* Too few words to tell: taken to be in the window's language, and the
   * event says nothing more */
  g_assert_cmpstr (vecinos_dataset_get_content_language (
                     vecinos_context_get_dataset (vecinos_window_get_context (VECINOS_WINDOW (window)))), ==, "es");
  gtk_single_selection_set_selected (vecinos_window_get_event_selection (VECINOS_WINDOW (window)), 0);
  g_assert_cmpstr (vecinos_event_page_get_text (vecinos_window_get_event_page (VECINOS_WINDOW (window)), "category"),
                   ==, "Categoría: Política");
  /* No media in the row: no source, and the page says so */
  g_assert_cmpstr (vecinos_event_page_get_text (vecinos_window_get_event_page (VECINOS_WINDOW (window)), "sources"),
                   ==, "La línea del tiempo no da ninguna fuente para este acontecimiento.");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "La Revolución — Vecinos");
  g_assert_nonnull (vecinos_window_get_category_toggle (VECINOS_WINDOW (window), "group-1"));
  g_assert_true (vecinos_test_wait_until (VECINOS_WINDOW (window), problems_shown, NULL, 5));
  problems = text_of (GTK_WIDGET (problems_window ()));
  g_assert_cmpstr (problems, ==, "línea 5, columna 1 (Año): su año no es un número entero\n");
  gtk_window_destroy (problems_window ());
  /* Charts and Documents say they have nothing, and where it is */
  g_assert_nonnull (strstr (empty_state (GTK_WIDGET (vecinos_window_get_charts_page (VECINOS_WINDOW (window)))),
                            "Línea del tiempo incluida"));
  g_assert_nonnull (strstr (empty_state (GTK_WIDGET (vecinos_window_get_documents_page (VECINOS_WINDOW (window)))),
                            "no tiene documentos"));

  /* Compiled once: in the cache, and the file stays as it was */
  {
    g_autofree char *folder = g_build_filename (cache, "vecinos", "timelines", NULL);
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    guint compiled = 0;
    const char *name;

    g_assert_nonnull (dir);
    while ((name = g_dir_read_name (dir)) != NULL)
      compiled += g_str_has_suffix (name, ".sqlite");
    g_assert_cmpuint (compiled, ==, 1);
  }

  /* The JSON, all read: no list of problems */
  {
    g_autoptr(GFile) file = g_file_new_for_path (json);

    g_assert_true (vecinos_window_open_dataset (VECINOS_WINDOW (window), file));
  }
  g_assert_true (vecinos_test_wait_until (VECINOS_WINDOW (window), has_events, GUINT_TO_POINTER (1), 10));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Trade — Vecinos");
  g_assert_null (problems_window ());
  /* Read from its words as English: a Spanish reader is told */
  g_assert_cmpstr (vecinos_dataset_get_content_language (
                     vecinos_context_get_dataset (vecinos_window_get_context (VECINOS_WINDOW (window)))), ==, "en");
  gtk_single_selection_set_selected (vecinos_window_get_event_selection (VECINOS_WINDOW (window)), 0);
  g_assert_cmpstr (vecinos_event_page_get_text (vecinos_window_get_event_page (VECINOS_WINDOW (window)), "category"),
                   ==, "Categoría: General\nEsta línea del tiempo está escrita en inglés.");

  /* Both in Recent Timelines, the newest first; one opens from there */
  {
    GMenu *menu = vecinos_workspace_get_primary_menu (VECINOS_WORKSPACE (vecinos_window_get_workspace (VECINOS_WINDOW (window))));
    g_autoptr(GMenuModel) recent = g_menu_model_get_item_link (G_MENU_MODEL (menu), 1, G_MENU_LINK_SECTION);
    g_autofree char *label = NULL;
    g_autofree char *first = NULL;
    g_autofree char *csv_uri = g_filename_to_uri (csv, NULL, NULL);

    g_assert_nonnull (recent);
    g_assert_cmpint (g_menu_model_get_n_items (recent), ==, 2);
    g_assert_true (g_menu_model_get_item_attribute (recent, 0, G_MENU_ATTRIBUTE_LABEL, "s", &first));
    g_assert_cmpstr (first, ==, "lesson.json");
    g_assert_true (g_menu_model_get_item_attribute (recent, 1, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_cmpstr (label, ==, "lesson.csv");
    gtk_widget_activate_action (window, "win.open-recent", "s", csv_uri);
    g_assert_true (vecinos_test_wait_until (VECINOS_WINDOW (window), has_events, GUINT_TO_POINTER (2), 10));
    g_assert_true (vecinos_test_wait_until (VECINOS_WINDOW (window), problems_shown, NULL, 5));
    gtk_window_destroy (problems_window ());
  }

  /* Back to the bundled dataset */
  gtk_widget_activate_action (window, "win.open-bundled", NULL);
  g_assert_true (vecinos_test_wait_until (VECINOS_WINDOW (window), has_events, GUINT_TO_POINTER (all), 10));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Relaciones México–Estados Unidos — Vecinos");
  g_assert_null (empty_state (GTK_WIDGET (vecinos_window_get_charts_page (VECINOS_WINDOW (window)))));
  g_assert_null (empty_state (GTK_WIDGET (vecinos_window_get_documents_page (VECINOS_WINDOW (window)))));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (csv);
  g_unlink (json);
}

static GtkWindow *
toplevel_named (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), name) == 0 && gtk_widget_get_visible (window))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static gboolean
progress_shown (VecinosWindow *window,
                gconstpointer  data)
{
  return (toplevel_named ("vecinos-import-progress") != NULL) == GPOINTER_TO_INT (data);
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button;

      if (GTK_IS_BUTTON (child))
        return child;
      if ((button = find_button (child)) != NULL)
        return button;
    }
  return NULL;
}

/* Escape in the progress window: its shortcut, whose trigger must be
 * Escape alone, activated as GTK would on that key */
static void
press_escape (GtkWidget *window)
{
  GListModel *controllers = gtk_widget_observe_controllers (window);
  gboolean pressed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !pressed; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      for (guint j = 0; GTK_IS_SHORTCUT_CONTROLLER (controller) &&
                        j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !pressed; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autoptr(GtkShortcutTrigger) escape = gtk_keyval_trigger_new (GDK_KEY_Escape, 0);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), escape))
            pressed = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, window, NULL);
        }
    }
  g_object_unref (controllers);
  g_assert_true (pressed);
}

/* Timelines an earlier Vecinos compiled, in another dataset format, are
 * removed when a timeline is compiled (this one can no longer open them);
 * this format's, and a file that is not a compiled timeline, stay */
static guint
n_compiled (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_suffix (name, ".sqlite");
  return n;
}

static void
test_other_formats_forgotten (void)
{
  static const struct { const char *name; int format; gboolean stays; } files[] = {
    { "earlier.sqlite", VECINOS_SCHEMA_VERSION - 1, FALSE },
    { "this.sqlite", VECINOS_SCHEMA_VERSION, TRUE },
    { "notes.sqlite", -1, TRUE },
  };
  g_autofree char *cache = g_dir_make_tmp ("vecinos-cache-XXXXXX", NULL);
  g_autofree char *directory = g_dir_make_tmp ("vecinos-files-XXXXXX", NULL);
  g_autofree char *csv = write_file (directory, "lesson.csv",
                                     "Year;Month;Day;Headline;Text;Group\n"
                                     "1910;11;20;Inicia la Revolución;;Política\n");
  g_autofree char *folder = NULL;
  g_autofree char *earlier_problems = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  GtkWidget *window = bundled_window (cache, "es");
  guint before;

  /* GLib reads the cache folder once a process: the first test's */
  folder = g_build_filename (g_get_user_cache_dir (), "vecinos", "timelines", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (folder, files[i].name, NULL);
      g_autofree char *sql = g_strdup_printf ("CREATE TABLE t (x); PRAGMA user_version = %d", files[i].format);
      sqlite3 *db = NULL;

      if (files[i].format < 0)
        {
          g_assert_true (g_file_set_contents (path, "not a database", -1, NULL));
          continue;
        }
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
    }
  earlier_problems = write_file (folder, "earlier.problems", "línea 3: …\n");
  before = n_compiled (folder);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  g_assert_true (vecinos_window_open_dataset (VECINOS_WINDOW (window), file));
  g_assert_true (vecinos_test_wait_until (VECINOS_WINDOW (window), has_events, GUINT_TO_POINTER (1), 10));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (folder, files[i].name, NULL);

      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, files[i].stays);
      if (files[i].stays)
        g_unlink (path);
    }
  g_assert_false (g_file_test (earlier_problems, G_FILE_TEST_EXISTS));
  /* The earlier one gone, the timeline just compiled come */
  g_assert_cmpuint (n_compiled (folder), ==, before - 2);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (csv);
}

/* A large file: after half a second the window says it is opening it, and
 * Cancel (or Escape) leaves the timeline as it was, with nothing to say */
static void
test_cancel (gconstpointer data)
{
  g_autofree char *cache = g_dir_make_tmp ("vecinos-cache-XXXXXX", NULL);
  g_autofree char *directory = g_dir_make_tmp ("vecinos-files-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWidget *window;
  guint all;

  path = write_large_timeline (directory, 200000);
  file = g_file_new_for_path (path);
  window = bundled_window (cache, "en");
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  all = n_events (VECINOS_WINDOW (window));

  g_assert_true (vecinos_window_open_dataset (VECINOS_WINDOW (window), file));
  g_assert_true (vecinos_test_wait_until (VECINOS_WINDOW (window), progress_shown, GINT_TO_POINTER (TRUE), 20));
  if (g_str_equal (data, "escape"))
    press_escape (GTK_WIDGET (toplevel_named ("vecinos-import-progress")));
  else
    g_signal_emit_by_name (find_button (GTK_WIDGET (toplevel_named ("vecinos-import-progress"))), "clicked");
  g_assert_true (vecinos_test_wait_until (VECINOS_WINDOW (window), progress_shown, GINT_TO_POINTER (FALSE), 60));
  /* Let the cancelled task's callback run, then nothing has changed */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (n_events (VECINOS_WINDOW (window)), ==, all);
  g_assert_null (toplevel_named ("vecinos-import-problems"));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

static gboolean
filter_applied (VecinosWindow *window,
                gconstpointer  data)
{
  return !vecinos_window_get_filter_pending (window);
}

/* Every event shown is titled "Event N" with N beginning with @digits */
static void
assert_numbers_begin (VecinosWindow *window,
                      const char    *digits)
{
  GListModel *events = G_LIST_MODEL (vecinos_window_get_event_selection (window));

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(VecinosEvent) event = g_list_model_get_item (events, i);

      g_assert_true (g_str_has_prefix (vecinos_event_get_title (event), "Event "));
      g_assert_true (g_str_has_prefix (vecinos_event_get_title (event) + strlen ("Event "), digits));
    }
}

/* The filter of a large timeline (25 000 events): the words are looked up
 * as they are typed, in another thread, and applied after a pause in
 * typing; words typed before the pause ends replace those before */
static void
test_filter_large (void)
{
  g_autofree char *cache = g_dir_make_tmp ("vecinos-cache-XXXXXX", NULL);
  g_autofree char *directory = g_dir_make_tmp ("vecinos-files-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  GtkEditable *entry;
  GtkWidget *window;

  path = write_large_timeline (directory, 25000);
  file = g_file_new_for_path (path);
  window = bundled_window (cache, "en");
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  g_assert_true (vecinos_window_open_dataset (VECINOS_WINDOW (window), file));
  g_assert_true (vecinos_test_wait_until (VECINOS_WINDOW (window), has_events, GUINT_TO_POINTER (25000), 60));
  entry = vecinos_window_get_filter_entry (VECINOS_WINDOW (window));

  /* Typed a key at a time: 12, 120–129, 1200–1299, 12000–12999 */
  gtk_editable_set_text (entry, "e");
  gtk_editable_set_text (entry, "ev");
  g_main_context_iteration (NULL, FALSE);
  gtk_editable_set_text (entry, "event 1");
  gtk_editable_set_text (entry, "event 12");
  g_assert_true (vecinos_window_get_filter_pending (VECINOS_WINDOW (window)));
  g_assert_cmpuint (n_events (VECINOS_WINDOW (window)), ==, 25000);
  g_assert_true (vecinos_test_wait_until (VECINOS_WINDOW (window), filter_applied, NULL, 10));
  g_assert_cmpuint (n_events (VECINOS_WINDOW (window)), ==, 1111);
  assert_numbers_begin (VECINOS_WINDOW (window), "12");

  /* Other words before the pause ends: the last ones are shown (130,
   * 1300–1309, 13000–13099) */
  gtk_editable_set_text (entry, "event 13");
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  gtk_editable_set_text (entry, "event 130");
  g_assert_true (vecinos_test_wait_until (VECINOS_WINDOW (window), filter_applied, NULL, 10));
  g_assert_cmpuint (n_events (VECINOS_WINDOW (window)), ==, 111);
  assert_numbers_begin (VECINOS_WINDOW (window), "130");

  /* A category hidden keeps the words (G0: every eighth event) */
  vecinos_context_set_hidden_categories (vecinos_window_get_context (VECINOS_WINDOW (window)),
                                         (const char *[]) { "group-1", NULL });
  g_assert_cmpuint (n_events (VECINOS_WINDOW (window)), <, 111);
  g_assert_cmpuint (n_events (VECINOS_WINDOW (window)), >, 0);
  assert_numbers_begin (VECINOS_WINDOW (window), "130");
  vecinos_context_set_hidden_categories (vecinos_window_get_context (VECINOS_WINDOW (window)), NULL);
  g_assert_cmpuint (n_events (VECINOS_WINDOW (window)), ==, 111);

  gtk_editable_set_text (entry, "");
  g_assert_true (vecinos_test_wait_until (VECINOS_WINDOW (window), filter_applied, NULL, 10));
  g_assert_cmpuint (n_events (VECINOS_WINDOW (window)), ==, 25000);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
}

/* The compile the window runs in a thread, for a file that is no timeline:
 * one message, nothing in the cache */
static void
test_not_a_timeline (void)
{
  g_autofree char *cache = g_dir_make_tmp ("vecinos-cache-XXXXXX", NULL);
  g_autofree char *directory = g_dir_make_tmp ("vecinos-files-XXXXXX", NULL);
  g_autofree char *path = write_file (directory, "notes.csv", "Name,Date\nA,1994\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *compiled = NULL;

  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  vecinos_language_use ("en");
  compiled = vecinos_timeline_import_sync (file, "en", "en", &problems, &error);
  g_assert_null (compiled);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "not a TimelineJS spreadsheet"));
  g_unlink (path);

  /* A pipe named like a spreadsheet: refused before it is read (it would
   * be read forever, nobody writing to it) */
  {
    g_autofree char *pipe = g_build_filename (directory, "pipe.csv", NULL);
    g_autoptr(GFile) pipe_file = g_file_new_for_path (pipe);
    g_autoptr(GError) pipe_error = NULL;
    g_autofree char *pipe_problems = NULL;
    g_autofree char *pipe_compiled = NULL;

    g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
    pipe_compiled = vecinos_timeline_import_sync (pipe_file, "en", "en", &pipe_problems, &pipe_error);
    g_assert_null (pipe_compiled);
    g_assert_error (pipe_error, VECINOS_TIMELINE_ERROR, VECINOS_TIMELINE_ERROR_NOT_A_TIMELINE);
    g_assert_nonnull (strstr (pipe_error->message, "not an ordinary file"));
    g_unlink (pipe);
  }
}

/* A file none of whose events can be read: the window stays as it was,
 * and the list says why, event by event (a bare "none could be read"
 * told a teacher nothing to fix) */
static void
test_nothing_read_listed (void)
{
  g_autofree char *cache = g_dir_make_tmp ("vecinos-cache-XXXXXX", NULL);
  g_autofree char *directory = g_dir_make_tmp ("vecinos-files-XXXXXX", NULL);
  g_autofree char *csv = write_file (directory, "dates.csv",
                                     "Year,Headline\n"
                                     "mil novecientos,Uno\n"
                                     "1917x,Dos\n");
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autofree char *problems = NULL;
  GtkWidget *window = bundled_window (cache, "en");
  GtkWindow *list;
  guint all;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  all = n_events (VECINOS_WINDOW (window));

  g_assert_true (vecinos_window_open_dataset (VECINOS_WINDOW (window), file));
  g_assert_true (vecinos_test_wait_until (VECINOS_WINDOW (window), problems_shown, NULL, 10));
  list = problems_window ();
  g_assert_cmpstr (gtk_window_get_title (list), ==, "None of the Timeline Could Be Read");
  problems = text_of (GTK_WIDGET (list));
  g_assert_cmpstr (problems, ==, "line 2, column 1 (Year): its year is not a whole number\n"
                                 "line 3, column 1 (Year): its year is not a whole number\n");
  g_assert_cmpuint (n_events (VECINOS_WINDOW (window)), ==, all);
  gtk_window_destroy (list);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (csv);
}

int
main (int   argc,
      char *argv[])
{
  vecinos_test_init_translations ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/open-timelines", test_open_timelines);
  g_test_add_func ("/import/not-a-timeline", test_not_a_timeline);
  g_test_add_func ("/import/nothing-read-listed", test_nothing_read_listed);
  g_test_add_func ("/import/other-formats-forgotten", test_other_formats_forgotten);
  g_test_add_func ("/import/filter-large", test_filter_large);
  g_test_add_data_func ("/import/cancel/button", "button", test_cancel);
  g_test_add_data_func ("/import/cancel/escape", "escape", test_cancel);
  return g_test_run ();
}
