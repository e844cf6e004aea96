/* vecinos-dataset-tours.c — the guided tours
 *
 * The tours a teacher plays through, each a list of steps: an event, a
 * series when the step charts one, and the narration.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-dataset.h"
#include "vecinos-dataset-private.h"

static void
tour_free (VecinosTour *tour)
{
  g_free (tour->slug);
  g_free (tour->title);
  g_free (tour->description);
  g_free (tour);
}

static void
tour_step_free (VecinosTourStep *step)
{
  g_free (step->event);
  g_free (step->event_title);
  g_free (step->series);
  g_free (step->compare);
  g_free (step->excerpt);
  g_free (step->view);
  g_free (step->text);
  g_free (step);
}

/**
 * vecinos_dataset_list_tours:
 * @lang: the language of the titles
 *
 * Returns: (transfer full) (element-type VecinosTour): the tours, in the
 *   dataset's order, each with its number of steps
 */
GPtrArray *
vecinos_dataset_list_tours (VecinosDataset *self,
                            const char     *lang)
{
  GPtrArray *tours = g_ptr_array_new_with_free_func ((GDestroyNotify) tour_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), tours);
  g_return_val_if_fail (lang != NULL, tours);

  if (!vecinos_dataset_begin_call (self, NULL))
    return tours;
  stmt = self->queries[QUERY_TOURS];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  while (next_row (self, stmt))
    {
      VecinosTour *tour = g_new0 (VecinosTour, 1);

      tour->slug = text_column (stmt, 0, SHORT_TEXT);
      tour->title = text_column (stmt, 1, SHORT_TEXT);
      tour->description = text_column (stmt, 2, LONG_TEXT);
      tour->n_steps = (guint) CLAMP (sqlite3_column_int64 (stmt, 3), 0, G_MAXINT);
      g_ptr_array_add (tours, tour);
    }
  sqlite3_reset (stmt);
  return tours;
}

/**
 * vecinos_dataset_get_tour_steps:
 * @tour: a tour's id
 * @lang: the language of the narration
 *
 * Returns: (transfer full) (element-type VecinosTourStep): the steps of
 *   @tour in order; none for a tour the dataset does not have
 */
GPtrArray *
vecinos_dataset_get_tour_steps (VecinosDataset *self,
                                const char     *tour,
                                const char     *lang)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func ((GDestroyNotify) tour_step_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VECINOS_IS_DATASET (self), steps);
  g_return_val_if_fail (tour != NULL && lang != NULL, steps);

  if (!vecinos_dataset_begin_call (self, NULL))
    return steps;
  stmt = self->queries[QUERY_TOUR_STEPS];
  sqlite3_bind_text (stmt, 1, lang, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, tour, -1, SQLITE_TRANSIENT);
  while (next_row (self, stmt))
    {
      VecinosTourStep *step = g_new0 (VecinosTourStep, 1);

      step->event = text_column (stmt, 0, SHORT_TEXT);
      step->event_title = text_column (stmt, 1, SHORT_TEXT);
      step->series = nullable_column (stmt, 2, SHORT_TEXT);
      step->text = text_column (stmt, 3, LONG_TEXT);
      step->compare = nullable_column (stmt, 4, SHORT_TEXT);
      step->excerpt = nullable_column (stmt, 5, SHORT_TEXT);
      /* A range the file holds out of order or out of the calendar is none */
      if (sqlite3_column_type (stmt, 6) == SQLITE_INTEGER && sqlite3_column_type (stmt, 7) == SQLITE_INTEGER)
        {
          step->range_start = CLAMP (sqlite3_column_int64 (stmt, 6), FIRST_DAY, LAST_DAY);
          step->range_end = CLAMP (sqlite3_column_int64 (stmt, 7), FIRST_DAY, LAST_DAY);
          if (step->range_end <= step->range_start)
            step->range_start = step->range_end = 0;
        }
      step->view = nullable_column (stmt, 8, SHORT_TEXT);
      g_ptr_array_add (steps, step);
    }
  sqlite3_reset (stmt);
  return steps;
}
