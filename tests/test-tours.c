/* test-tours.c — the four bundled tours played end to end with a
 * presentation clicker's keys, in English and in Spanish, under Xvfb
 *
 * The keys are real key presses sent to the X server (xdotool), so they
 * go the way a clicker's do: through the display, to the focused window,
 * through its capture-phase shortcuts. What each step should show is read
 * from the dataset's source JSON (data/dataset/tours.json, events.json,
 * excerpts.json, the folder given as the first argument) with json-glib,
 * not through the app's own reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-test.h"
#include "vecinos-test-gtk.h"

#include <json-glib/json-glib.h>
#include <gtk/gtk.h>

#include "vecinos-language.h"
#include "vecinos-window-private.h"

/* How long a key press or a step may take to show before the test fails */
#define STEP_SECONDS 5.0
/* How long a key that must change nothing is given to change something */
#define QUIET_SECONDS 0.3

static const char *source_dir;
static JsonObject *tours_root;     /* tours.json */
static GHashTable *events;         /* id → JsonObject, from events.json */
static GHashTable *excerpts;       /* id → JsonObject, from excerpts.json */

/* The clicker's keys, as X keysym names, taken in turn */
static const char * const next_keys[] = { "Page_Down", "Right", "space", "n" };
static const char * const previous_keys[] = { "Page_Up", "Left", "BackSpace", "p" };

typedef struct {
  const char *tour;      /* the tour's id */
  const char *language;  /* the language it starts in */
} Case;

/* --- The source JSON --- */

static JsonObject *
read_object (const char *name)
{
  g_autofree char *path = g_build_filename (source_dir, name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* @member of @name's records, by id */
static GHashTable *
index_records (const char *name,
               const char *member)
{
  g_autoptr(JsonObject) root = read_object (name);
  JsonArray *array = json_object_get_array_member (root, member);
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *record = json_array_get_object_element (array, i);

      g_hash_table_insert (index, g_strdup (json_object_get_string_member (record, "id")),
                           json_object_ref (record));
    }
  g_assert_cmpuint (g_hash_table_size (index), >, 0);
  return index;
}

static JsonObject *
find_tour (const char *id)
{
  JsonArray *tours = json_object_get_array_member (tours_root, "tours");

  for (guint i = 0; i < json_array_get_length (tours); i++)
    {
      JsonObject *tour = json_array_get_object_element (tours, i);

      if (g_str_equal (json_object_get_string_member (tour, "id"), id))
        return tour;
    }
  g_assert_not_reached ();
}

static const char *
member_or_null (JsonObject *object,
                const char *member)
{
  return json_object_has_member (object, member) ? json_object_get_string_member (object, member) : NULL;
}

/* A bilingual text's @language */
static const char *
text_in (JsonObject *object,
         const char *member,
         const char *language)
{
  const char *text = json_object_get_string_member (json_object_get_object_member (object, member), language);

  g_assert_nonnull (text);
  return text;
}

/* The last day a date written YYYY, YYYY-MM or YYYY-MM-DD covers: the
 * day before the next year or month starts */
static VecinosDay
last_day (const char *text)
{
  int year = 0, month = 0, day = 0;
  int n = sscanf (text, "%d-%d-%d", &year, &month, &day);
  g_autofree char *next = NULL;

  g_assert_cmpint (n, >=, 1);
  if (n == 3)
    return vecinos_test_day (text);
  if (n == 2)
    next = month == 12 ? g_strdup_printf ("%04d-01", year + 1) : g_strdup_printf ("%04d-%02d", year, month + 1);
  else
    next = g_strdup_printf ("%04d", year + 1);
  return vecinos_test_day (next) - 1;
}

/* --- The window, the X server and the keys --- */

static VecinosWindow *
show_window (const char *language)
{
  g_autoptr(VecinosDataset) dataset = vecinos_test_open_bundled ();

  return vecinos_test_present (dataset, NULL, language, 0, 0);
}


static gboolean
is_active (VecinosWindow *window,
           gconstpointer  data)
{
  return gtk_window_is_active (GTK_WINDOW (window));
}

static gboolean
step_is_not (VecinosWindow *window,
             gconstpointer  data)
{
  return vecinos_context_get_tour_step (vecinos_window_get_context (window)) != GPOINTER_TO_UINT (data);
}

/* --- One step, as the window shows it --- */

typedef struct {
  JsonObject *tour;
  guint       index;
  const char *language;
  gboolean    strict;    /* assert, rather than say whether it holds */
} Expected;

#define EXPECT(cond, assertion) \
  G_STMT_START { if (e->strict) { assertion; } else if (!(cond)) return FALSE; } G_STMT_END
#define EXPECT_STR(a, b) EXPECT (g_strcmp0 ((a), (b)) == 0, g_assert_cmpstr ((a), ==, (b)))
#define EXPECT_UINT(a, b) EXPECT ((a) == (b), g_assert_cmpuint ((a), ==, (b)))
#define EXPECT_DAY(a, b) EXPECT ((a) == (b), g_assert_cmpfloat ((a), ==, (b)))

/* Everything the step names, shown: its event selected, its view, the
 * timeline's days, the chart's series and comparison, the document and
 * excerpt, the tour bar's place and narration in the language */
static gboolean
shows_step (VecinosWindow *window,
            gconstpointer  data)
{
  const Expected *e = data;
  VecinosContext *context = vecinos_window_get_context (window);
  JsonArray *steps = json_object_get_array_member (e->tour, "steps");
  JsonObject *step = json_array_get_object_element (steps, e->index);
  const char *event_id = json_object_get_string_member (step, "event");
  JsonObject *event = g_hash_table_lookup (events, event_id);
  const char *series = member_or_null (step, "series");
  const char *compare = member_or_null (step, "compare");
  const char *excerpt = member_or_null (step, "excerpt");
  const char *from = member_or_null (step, "from");
  const char *to = member_or_null (step, "to");
  const char *view = member_or_null (step, "view");
  VecinosEventPage *event_page = vecinos_window_get_event_page (window);
  VecinosEvent *shown_event = vecinos_event_page_get_event (event_page);
  const VecinosTimeScale *scale = vecinos_timeline_view_get_scale (vecinos_window_get_timeline_view (window));
  VecinosChartView *chart = vecinos_charts_page_get_chart (vecinos_window_get_charts_page (window));
  g_autofree char *progress = NULL;

  g_assert_nonnull (event);
  if (view == NULL)
    view = series != NULL ? "charts" : excerpt != NULL ? "documents" : "timeline";

  /* Where the class is */
  EXPECT_STR (vecinos_context_get_tour (context), json_object_get_string_member (e->tour, "id"));
  EXPECT_UINT (vecinos_context_get_tour_step (context), e->index);
  EXPECT_STR (vecinos_context_get_language (context), e->language);
  progress = g_strdup_printf (g_str_equal (e->language, "es") ? "%s — paso %u de %u" : "%s — step %u of %u",
                              text_in (e->tour, "title", e->language), e->index + 1,
                              json_array_get_length (steps));
  EXPECT_STR (vecinos_window_get_tour_text (window, "progress"), progress);
  EXPECT_STR (vecinos_window_get_tour_text (window, "text"), text_in (step, "text", e->language));

  /* Its event, told in the language */
  EXPECT (shown_event != NULL, g_assert_nonnull (shown_event));
  EXPECT_STR (vecinos_event_get_slug (shown_event), event_id);
  EXPECT_STR (vecinos_event_page_get_text (event_page, "title"), text_in (event, "title", e->language));

  /* Its view */
  EXPECT_STR (vecinos_window_get_visible_page (window), view);

  /* The timeline's days: the step's, or else on the timeline its event's */
  if (from != NULL)
    {
      g_assert_nonnull (to);
      EXPECT_DAY (scale->start, (double) vecinos_test_day (from));
      EXPECT_DAY (scale->end, (double) last_day (to));
    }
  else if (g_str_equal (view, "timeline"))
    {
      VecinosDay day = vecinos_test_day (json_object_get_string_member (event, "date"));

      EXPECT (scale->start <= day && day <= scale->end,
              g_assert_cmpfloat (scale->start, <=, day); g_assert_cmpfloat (day, <=, scale->end));
    }

  /* The chart, compared with what the step names (or nothing) */
  if (series != NULL)
    {
      const VecinosSeries *shown_series = vecinos_chart_view_get_series (chart);
      const VecinosSeries *shown_compare = vecinos_chart_view_get_compare (chart);

      EXPECT (shown_series != NULL, g_assert_nonnull (shown_series));
      EXPECT_STR (shown_series->slug, series);
      EXPECT_STR (shown_compare != NULL ? shown_compare->slug : NULL, compare);
    }

  /* The excerpt, open in its document with the keyboard on it */
  if (excerpt != NULL)
    {
      JsonObject *record = g_hash_table_lookup (excerpts, excerpt);

      g_assert_nonnull (record);
      EXPECT_STR (vecinos_documents_page_get_document (vecinos_window_get_documents_page (window)),
                  json_object_get_string_member (record, "document"));
      EXPECT_STR (vecinos_window_get_open_excerpt (window), excerpt);
    }
  return TRUE;
}

/* Lets the window settle on step @index, then asserts all of it */
static void
assert_step (VecinosWindow *window,
             JsonObject    *tour,
             guint          index,
             const char    *language)
{
  Expected expected = { tour, index, language, FALSE };

  if (!vecinos_test_wait_until (window, shows_step, &expected, STEP_SECONDS))
    g_printerr ("tour %s, step %u (%s): not shown as the step says in %.0f s\n",
                json_object_get_string_member (tour, "id"), index + 1, language, STEP_SECONDS);
  expected.strict = TRUE;
  shows_step (window, &expected);
}

/* @key moves the tour from where it is to step @to (which it asserts) */
static void
press_to (VecinosWindow *window,
          const char    *key,
          JsonObject    *tour,
          guint          to,
          const char    *language)
{
  guint from = vecinos_context_get_tour_step (vecinos_window_get_context (window));

  g_assert_cmpuint (from, !=, to);
  vecinos_test_press_key (key);
  if (!vecinos_test_wait_until (window, step_is_not, GUINT_TO_POINTER (from), STEP_SECONDS))
    g_error ("tour %s, step %u (%s): the key %s did not move the tour to step %u in %.0f s",
             json_object_get_string_member (tour, "id"), from + 1, language, key, to + 1, STEP_SECONDS);
  if (vecinos_context_get_tour_step (vecinos_window_get_context (window)) != to)
    g_error ("tour %s, step %u (%s): the key %s moved the tour to step %u, not %u",
             json_object_get_string_member (tour, "id"), from + 1, language, key,
             vecinos_context_get_tour_step (vecinos_window_get_context (window)) + 1, to + 1);
  assert_step (window, tour, to, language);
}

/* @key at an end of the tour keeps the step */
static void
press_stays (VecinosWindow *window,
             const char    *key,
             JsonObject    *tour,
             const char    *language)
{
  guint at = vecinos_context_get_tour_step (vecinos_window_get_context (window));

  vecinos_test_press_key (key);
  g_assert_false (vecinos_test_wait_until (window, step_is_not, GUINT_TO_POINTER (at), QUIET_SECONDS));
  assert_step (window, tour, at, language);
}

/* The language switched as the EN | ES buttons do, from an event
 * handler: the main loop then finishes what the switch queued before it
 * reads the next key. (A key the X server delivers before that is lost,
 * not late: see the report of issue 13's tour tests.) */
static void
switch_language (VecinosWindow *window,
                 const char    *language)
{
  vecinos_context_set_language (vecinos_window_get_context (window), language);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* --- The test --- */

/* A tour from its first step to its last with the next keys in turn,
 * the language switched and back in the middle (a step on, a step back
 * in the other); the last key changes nothing; Home, End; back to the
 * first step with the previous keys in turn; before it, nothing */
static void
test_tour (gconstpointer data)
{
  const Case *c = data;
  const char *other = g_str_equal (c->language, "es") ? "en" : "es";
  JsonObject *tour = find_tour (c->tour);
  guint n = json_array_get_length (json_object_get_array_member (tour, "steps"));
  guint middle = n / 2;
  guint keys = 0;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  VecinosWindow *window;

  if (xdotool == NULL)
    {
      g_test_fail_printf ("xdotool is not installed: this test sends real key presses with it "
                          "(tools/install-deps.sh installs it)");
      return;
    }
  g_assert_cmpuint (n, >=, 4);

  window = show_window (c->language);
  if (!vecinos_test_wait_until (window, is_active, NULL, STEP_SECONDS))
    g_error ("the window did not get the keyboard focus of the display in %.0f s", STEP_SECONDS);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-tour", "s", c->tour));
  assert_step (window, tour, 0, c->language);

  for (guint i = 1; i < n; i++)
    {
      press_to (window, next_keys[keys++ % G_N_ELEMENTS (next_keys)], tour, i, c->language);
      if (i == middle)
        {
          /* The same step, told in the other language; the keys still go */
          switch_language (window, other);
          assert_step (window, tour, i, other);
          press_to (window, next_keys[keys++ % G_N_ELEMENTS (next_keys)], tour, i + 1, other);
          press_to (window, previous_keys[keys++ % G_N_ELEMENTS (previous_keys)], tour, i, other);
          switch_language (window, c->language);
          assert_step (window, tour, i, c->language);
        }
    }
  /* Past the last step: nothing */
  press_stays (window, next_keys[keys++ % G_N_ELEMENTS (next_keys)], tour, c->language);

  press_to (window, "Home", tour, 0, c->language);
  press_to (window, "End", tour, n - 1, c->language);

  for (guint i = n - 1; i-- > 0;)
    press_to (window, previous_keys[keys++ % G_N_ELEMENTS (previous_keys)], tour, i, c->language);
  /* Before the first: nothing */
  press_stays (window, previous_keys[keys++ % G_N_ELEMENTS (previous_keys)], tour, c->language);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.stop-tour", NULL);
  g_assert_null (vecinos_window_get_tour_text (window, "progress"));
  vecinos_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const ids[] = {
    "nafta-to-usmca", "merida-to-bicentennial", "migration-2014-2023", "elections-and-transitions",
  };
  static const char * const languages[] = { "en", "es" };
  static Case cases[G_N_ELEMENTS (ids) * G_N_ELEMENTS (languages)];
  JsonArray *tours;
  int status;

  vecinos_test_init_translations ();
  gtk_test_init (&argc, &argv, NULL);

  if (argc < 2)
    g_error ("usage: %s DATASET-SOURCE-FOLDER (data/dataset)", argv[0]);
  source_dir = argv[1];
  tours_root = read_object ("tours.json");
  events = index_records ("events.json", "events");
  excerpts = index_records ("excerpts.json", "excerpts");

  /* The four tours the dataset bundles, every one of them played */
  tours = json_object_get_array_member (tours_root, "tours");
  g_assert_cmpuint (json_array_get_length (tours), ==, G_N_ELEMENTS (ids));
  for (guint t = 0; t < G_N_ELEMENTS (ids); t++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      {
        Case *c = &cases[t * G_N_ELEMENTS (languages) + l];
        g_autofree char *path = g_strdup_printf ("/tours/%s/%s", ids[t], languages[l]);

        find_tour (ids[t]);
        c->tour = ids[t];
        c->language = languages[l];
        g_test_add_data_func (path, c, test_tour);
      }

  status = g_test_run ();
  json_object_unref (tours_root);
  g_hash_table_unref (events);
  g_hash_table_unref (excerpts);
  return status;
}
