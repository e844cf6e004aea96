/* vecinos-dataset.h — read access to a compiled Vecinos dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vecinos-date.h"
#include "vecinos-excerpt.h"
#include "vecinos-series.h"

G_BEGIN_DECLS

#define VECINOS_DATASET_ERROR (vecinos_dataset_error_quark ())

typedef enum {
  VECINOS_DATASET_ERROR_NOT_FOUND,
  VECINOS_DATASET_ERROR_NOT_A_DATABASE,
  VECINOS_DATASET_ERROR_CORRUPT,
  VECINOS_DATASET_ERROR_VERSION,
  VECINOS_DATASET_ERROR_INVALID,
  VECINOS_DATASET_ERROR_SCHEMA,       /* tables other than those Vecinos writes */
  VECINOS_DATASET_ERROR_TOO_LARGE,    /* a query ran out of time or memory */
  VECINOS_DATASET_ERROR_SEARCH_INDEX, /* the search index is damaged */
} VecinosDatasetError;

/* How long one call may read before it gives up, in microseconds */
#define VECINOS_DATASET_TIME_LIMIT (10 * G_USEC_PER_SEC)

/* What a category or series with an invalid colour is drawn in */
#define VECINOS_DATASET_FALLBACK_COLOR "#808080"

/* A presidency (or an imported timeline's era), drawn as an era band; a
 * term in progress has no end yet: vecinos_term_get_end() gives today */
typedef struct {
  char       *slug;
  char        country[3];
  char       *person;
  char       *short_name;     /* "López Obrador": for a band too narrow for the person */
  char       *party;
  VecinosDay  start;
  VecinosDay  end;
  gboolean    in_progress;
} VecinosTerm;

typedef struct {
  char *slug;
  char *color;
  char *name;
} VecinosCategory;

/* A guided tour, as listed */
typedef struct {
  char  *slug;
  char  *title;
  char  *description;
  guint  n_steps;
} VecinosTour;

/* One step of a tour: an event, and a series when the step charts one */
typedef struct {
  char       *event;
  char       *event_title;
  char       *series;       /* or NULL */
  char       *compare;      /* a series to compare with, or NULL */
  char       *excerpt;      /* or NULL */
  VecinosDay  range_start;  /* the days the timeline shows, or 0 and 0 */
  VecinosDay  range_end;
  char       *view;         /* "timeline", "charts" or "documents", or NULL */
  char       *text;         /* the narration */
} VecinosTourStep;

#define VECINOS_TYPE_DATASET (vecinos_dataset_get_type ())

G_DECLARE_FINAL_TYPE (VecinosDataset, vecinos_dataset, VECINOS, DATASET, GObject)

GQuark          vecinos_dataset_error_quark      (void);

VecinosDataset *vecinos_dataset_new_for_file     (GFile           *file,
                                                  GError         **error);
VecinosDataset *vecinos_dataset_new_from_directory (GFile         *directory,
                                                  GError         **error);
gint64          vecinos_dataset_file_format      (const char      *path);

GFile          *vecinos_dataset_get_file         (VecinosDataset  *self);
const GError   *vecinos_dataset_get_failure      (VecinosDataset  *self);
void            vecinos_dataset_set_time_limit   (VecinosDataset  *self,
                                                  gint64           usec);
const char * const *vecinos_dataset_get_languages (VecinosDataset *self);
const char     *vecinos_dataset_get_content_language (VecinosDataset *self);
GListModel     *vecinos_dataset_list_events      (VecinosDataset  *self,
                                                  const char      *lang,
                                                  GError         **error);
char          **vecinos_dataset_list_source_organisations (VecinosDataset *self);
char           *vecinos_dataset_get_title              (VecinosDataset *self,
                                                       const char     *language);
char          **vecinos_dataset_list_publishers        (VecinosDataset *self,
                                                       const char     *kind);
VecinosDay      vecinos_term_get_end             (const VecinosTerm *term);
GPtrArray      *vecinos_dataset_list_terms       (VecinosDataset  *self,
                                                  const char      *lang);
GPtrArray      *vecinos_dataset_list_categories  (VecinosDataset  *self,
                                                  const char      *lang);
GPtrArray      *vecinos_dataset_list_tours       (VecinosDataset  *self,
                                                  const char      *lang);
GPtrArray      *vecinos_dataset_get_tour_steps   (VecinosDataset  *self,
                                                  const char      *tour,
                                                  const char      *lang);
guint           vecinos_dataset_count            (VecinosDataset  *self,
                                                  const char      *table);
GPtrArray      *vecinos_dataset_list_event_excerpts (VecinosDataset *self,
                                                  const char      *event,
                                                  const char      *lang);
GPtrArray      *vecinos_dataset_list_event_series (VecinosDataset  *self,
                                                  const char      *event,
                                                  const char      *lang);
GPtrArray      *vecinos_dataset_list_series      (VecinosDataset  *self,
                                                  const char      *lang);
GPtrArray      *vecinos_dataset_list_documents   (VecinosDataset  *self,
                                                  const char      *lang);
GPtrArray      *vecinos_dataset_list_document_excerpts (VecinosDataset *self,
                                                  const char      *document,
                                                  const char      *lang,
                                                  const char      *translation_lang);
char           *vecinos_dataset_get_excerpt_document (VecinosDataset *self,
                                                  const char      *excerpt);
GPtrArray      *vecinos_dataset_search           (VecinosDataset  *self,
                                                  const char      *text,
                                                  const char      *lang,
                                                  guint            limit);
GPtrArray      *vecinos_dataset_search_full      (VecinosDataset  *self,
                                                  const char      *text,
                                                  const char      *lang,
                                                  guint            limit,
                                                  GError         **error);
VecinosSeries  *vecinos_dataset_get_series       (VecinosDataset  *self,
                                                  const char      *slug,
                                                  const char      *lang,
                                                  GError         **error);

G_END_DECLS
