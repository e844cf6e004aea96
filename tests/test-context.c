/* test-context.c — the shared state: each property notified once per real
 * change, and never for the same value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-test.h"

#include "vecinos-context.h"

static int
compare_names (const char **a,
                              const char **b)
{
  return strcmp (*a, *b);
}

typedef struct {
  GPtrArray *names;   /* the properties notified, in order */
} Notes;

static void
noted (GObject    *object,
       GParamSpec *pspec,
       Notes      *notes)
{
  g_ptr_array_add (notes->names, g_strdup (pspec->name));
}

static VecinosContext *
context_new (Notes *notes)
{
  VecinosContext *context = vecinos_context_new (NULL, "en");

  notes->names = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (context, "notify", G_CALLBACK (noted), notes);
  return context;
}

static void
assert_notified (Notes      *notes,
                 const char *expected)
{
  g_autofree char *joined = NULL;

  /* GObject thaws queued notifications in no promised order */
  g_ptr_array_sort (notes->names, (GCompareFunc) compare_names);
  g_ptr_array_add (notes->names, NULL);
  joined = g_strjoinv (",", (char **) notes->names->pdata);
  g_assert_cmpstr (joined, ==, expected);
  g_ptr_array_set_size (notes->names, 0);
}

static void
test_strings (void)
{
  static const char * const names[] = {
    "language", "view", "event", "filter-text", "series", "compare", "document", "excerpt", "search-text",
    "tour",
  };
  Notes notes;
  g_autoptr(VecinosContext) context = context_new (&notes);

  /* What a window starts with */
  g_assert_cmpstr (vecinos_context_get_language (context), ==, "en");
  g_assert_cmpstr (vecinos_context_get_view (context), ==, "timeline");
  g_assert_null (vecinos_context_get_event (context));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *read = NULL;

      g_object_set (context, names[i], "es", NULL);
      assert_notified (&notes, names[i]);
      g_object_get (context, names[i], &read, NULL);
      g_assert_cmpstr (read, ==, "es");
      /* The same value again is no change */
      g_object_set (context, names[i], "es", NULL);
      assert_notified (&notes, "");
    }

  /* An empty text and no text are one state */
  vecinos_context_set_search_text (context, "");
  assert_notified (&notes, "search-text");
  g_assert_null (vecinos_context_get_search_text (context));
  vecinos_context_set_search_text (context, NULL);
  assert_notified (&notes, "");

  vecinos_context_set_event (context, "nafta-in-force");
  assert_notified (&notes, "event");
  g_assert_cmpstr (vecinos_context_get_event (context), ==, "nafta-in-force");
  vecinos_context_set_event (context, NULL);
  assert_notified (&notes, "event");

  g_ptr_array_unref (notes.names);
}

static void
test_booleans_and_numbers (void)
{
  static const char * const names[] = { "index", "per-person", "log-scale", "same-years", "presenting" };
  Notes notes;
  g_autoptr(VecinosContext) context = context_new (&notes);
  const char *hidden[] = { "trade", "security", NULL };
  const char *same[] = { "trade", "security", NULL };
  const char *none[] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gboolean value = FALSE;

      g_object_set (context, names[i], TRUE, NULL);
      g_object_set (context, names[i], TRUE, NULL);
      assert_notified (&notes, names[i]);
      g_object_get (context, names[i], &value, NULL);
      g_assert_true (value);
    }
  vecinos_context_set_log_scale (context, FALSE);
  assert_notified (&notes, "log-scale");
  g_assert_false (vecinos_context_get_log_scale (context));
  g_assert_true (vecinos_context_get_index (context));

  /* Every event, at first */
  g_assert_cmpuint (vecinos_context_get_importance (context), ==, 3);
  vecinos_context_set_importance (context, 1);
  vecinos_context_set_importance (context, 1);
  assert_notified (&notes, "importance");
  /* Beyond every event is every event */
  vecinos_context_set_importance (context, 9);
  assert_notified (&notes, "importance");
  g_assert_cmpuint (vecinos_context_get_importance (context), ==, 3);

  vecinos_context_set_tour_step (context, 4);
  vecinos_context_set_tour_step (context, 4);
  assert_notified (&notes, "tour-step");
  g_assert_cmpuint (vecinos_context_get_tour_step (context), ==, 4);

  vecinos_context_set_hidden_categories (context, hidden);
  vecinos_context_set_hidden_categories (context, same);
  assert_notified (&notes, "hidden-categories");
  g_assert_cmpstrv (vecinos_context_get_hidden_categories (context), hidden);
  vecinos_context_set_hidden_categories (context, none);
  assert_notified (&notes, "hidden-categories");
  g_assert_null (vecinos_context_get_hidden_categories (context));
  vecinos_context_set_hidden_categories (context, NULL);
  assert_notified (&notes, "");

  g_ptr_array_unref (notes.names);
}

typedef struct {
  VecinosContext *context;
  double          start, end;   /* as seen when "visible-start" was notified */
} RangeSeen;

static void
range_noted (VecinosContext *context,
             GParamSpec     *pspec,
             RangeSeen      *seen)
{
  vecinos_context_get_visible_range (context, &seen->start, &seen->end);
}

/* Both ends change together: a listener never sees half a range */
static void
test_visible_range (void)
{
  Notes notes;
  g_autoptr(VecinosContext) context = context_new (&notes);
  RangeSeen seen = { context, 0, 0 };
  double start, end;

  g_signal_connect (context, "notify::visible-start", G_CALLBACK (range_noted), &seen);
  vecinos_context_set_visible_range (context, 727000, 740000);
  assert_notified (&notes, "visible-end,visible-start");
  g_assert_cmpfloat (seen.start, ==, 727000);
  g_assert_cmpfloat (seen.end, ==, 740000);

  /* Only what changed */
  vecinos_context_set_visible_range (context, 727000, 741000);
  assert_notified (&notes, "visible-end");
  vecinos_context_set_visible_range (context, 727000, 741000);
  assert_notified (&notes, "");

  /* An empty or infinite range is no range */
  vecinos_context_set_visible_range (context, 741000, 727000);
  vecinos_context_set_visible_range (context, 0, INFINITY);
  vecinos_context_set_visible_range (context, NAN, 1);
  assert_notified (&notes, "");
  vecinos_context_get_visible_range (context, &start, &end);
  g_assert_cmpfloat (start, ==, 727000);
  g_assert_cmpfloat (end, ==, 741000);

  g_ptr_array_unref (notes.names);
}

static void
test_dataset (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("VECINOS_TEST_DATASET"));
  g_autoptr(GError) error = NULL;
  VecinosDataset *dataset = vecinos_dataset_new_for_file (file, &error);
  gpointer weak = dataset;
  Notes notes;
  VecinosContext *context = context_new (&notes);

  g_assert_no_error (error);
  g_object_add_weak_pointer (G_OBJECT (dataset), &weak);
  vecinos_context_set_dataset (context, dataset);
  vecinos_context_set_dataset (context, dataset);
  assert_notified (&notes, "dataset");
  g_assert_true (vecinos_context_get_dataset (context) == dataset);

  /* The context holds its dataset, and lets it go */
  g_object_unref (dataset);
  g_assert_nonnull (weak);
  g_assert_finalize_object (context);
  g_assert_null (weak);
  g_ptr_array_unref (notes.names);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/context/strings", test_strings);
  g_test_add_func ("/context/booleans-and-numbers", test_booleans_and_numbers);
  g_test_add_func ("/context/visible-range", test_visible_range);
  g_test_add_func ("/context/dataset", test_dataset);

  return g_test_run ();
}
