/* vecinos-excerpt.h — document excerpts, the numbers they claim, and how
 * those numbers compare with the official figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vecinos-date.h"

G_BEGIN_DECLS

/* A number a document states, and the official figure it is checked
 * against when a series measures it (series_slug is NULL otherwise) */
typedef struct {
  char              *text;             /* the document's words */
  char              *translation;      /* the same words in Vecinos' translation into
                                        * the asked language, or NULL */
  gboolean           has_value;
  double             value;
  char              *series_slug;
  char              *series_name;
  char              *series_unit;
  char              *unit_kind;
  char              *source_org;
  VecinosPeriodKind  period_kind;
  int                period_year;      /* 2017, or 2010 for FY2010 */
  gboolean           has_official;
  double             official;
  gboolean           official_preliminary;
  char              *official_source;
  char              *official_source_url;
  gboolean           measure_differs;
  char              *note;             /* may be NULL */
} VecinosClaim;

/* An excerpt in one language: text is always the author's words;
 * translation is Vecinos' translation into the asked language, or NULL
 * when that is the document's own language */
typedef struct {
  char        *slug;
  char        *text;
  char        *translation;
  char        *document_slug;
  char        *document_title;
  char        *authors;                 /* "; "-separated, NULL: not identified */
  char        *publisher;
  gboolean     has_date;
  VecinosDate  date;
  gboolean     date_inferred;
  char        *url;                     /* NULL: original not found */
  GPtrArray   *claims;                  /* of VecinosClaim */
  /* Filled by vecinos_dataset_list_document_excerpts() only */
  guint        ordinal;                 /* 1, 2, … in the document */
  char        *categories;              /* names, ", "-separated, or NULL */
  GPtrArray   *events;                  /* of VecinosSeriesRef: slug and title */
  GPtrArray   *series;                  /* of VecinosSeriesRef */
} VecinosExcerpt;

/* A policy document, in one language (its title stays in its own) */
typedef struct {
  char        *slug;
  char        *title;
  char        *authors;                 /* "; "-separated, NULL: not identified */
  char        *publisher;
  gboolean     has_date;
  VecinosDate  date;
  gboolean     date_inferred;
  char        *url;                     /* NULL: original not found */
  char        *kind;                    /* "think-tank report", translated */
  char        *notes;                   /* may be NULL */
  char        *lang;                    /* the language it is written in */
  guint        n_excerpts;
} VecinosDocument;

/* A series (or an event) named by slug, with its name (or title) in one
 * language */
typedef struct {
  char *slug;
  char *name;
  char *category;        /* set by vecinos_dataset_list_series() only */
  char *category_name;
  gboolean has_population;   /* it can be shown per person (list_series() only) */
} VecinosSeriesRef;

void  vecinos_claim_free              (VecinosClaim         *claim);
void  vecinos_excerpt_free            (VecinosExcerpt       *excerpt);
void  vecinos_series_ref_free         (VecinosSeriesRef     *ref);
void  vecinos_document_free           (VecinosDocument      *document);

char *vecinos_format_number           (double                value);
char *vecinos_format_value            (double                value,
                                       const char           *unit_kind,
                                       const char           *unit);
char *vecinos_format_period           (VecinosPeriodKind     kind,
                                       int                   year);
char *vecinos_claim_format_comparison (const VecinosClaim   *claim);
const char *vecinos_claim_get_words (const VecinosClaim   *claim);
char *vecinos_excerpt_format_attribution (const VecinosExcerpt *excerpt);
char *vecinos_excerpt_format_quotation (const VecinosExcerpt *excerpt,
                                        gboolean              translated);
char *vecinos_document_format_byline  (const VecinosDocument *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VecinosExcerpt, vecinos_excerpt_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VecinosClaim, vecinos_claim_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VecinosDocument, vecinos_document_free)

G_END_DECLS
