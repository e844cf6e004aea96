/* vecinos-series.h — an indicator series and its points, in one language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "vecinos-date.h"

G_BEGIN_DECLS

typedef struct {
  int       year;          /* the year a period is named after: 2017, or 2010 for FY2010 */
  double    value;
  gboolean  preliminary;
  char     *source;
  char     *source_url;
  char     *note;          /* may be NULL */
} VecinosPoint;

/* A number a document claims for this series, placed on the chart */
typedef struct {
  int       year;
  double    value;
  char     *text;          /* the document's words */
  char     *document;      /* its title */
  int       document_year;
  gboolean  measure_differs;
  char     *translation;   /* its words in Vecinos' translation into the asked
                            * language, or NULL */
} VecinosSeriesClaim;

/* Up to VECINOS_SERIES_BLOCK consecutive points, summarised: a chart with
 * more points than pixels reads these instead of every point */
#define VECINOS_SERIES_BLOCK 64

typedef struct {
  int    first_year;
  int    last_year;
  double min;
  double max;
  double last;
} VecinosPointBlock;

typedef struct {
  char              *slug;
  char              *category;       /* slug */
  char              *category_name;
  char              *color;          /* the category's */
  char              *name;
  char              *unit;
  char              *unit_kind;
  char              *definition;
  char              *caveats;        /* may be NULL */
  char              *break_note;     /* may be NULL */
  char              *source_org;
  char              *source_url;
  char              *population;     /* the series it can be divided by, or NULL */
  gboolean           derived;        /* computed by Vecinos (per person, index) */
  gboolean           break_at_start; /* a related series measured another way */
  gboolean           break_at_end;   /*   stops or starts there */
  VecinosPeriodKind  period_kind;
  GArray            *points;         /* of VecinosPoint, by year; a missing year is a gap */
  GPtrArray         *claims;         /* of VecinosSeriesClaim */

  /* Filled by vecinos_series_summarise(), once */
  gboolean           summarised;
  double             min;
  double             max;
  gboolean           has_preliminary;
  GArray            *blocks;         /* of VecinosPointBlock; never across a gap */
} VecinosSeries;

void           vecinos_series_free          (VecinosSeries       *series);
void           vecinos_series_summarise     (VecinosSeries       *series);
const VecinosPoint *vecinos_series_find_point (const VecinosSeries *series,
                                             int                  year);
char          *vecinos_series_format_year   (const VecinosSeries *series,
                                             int                  year);
char          *vecinos_series_describe      (const VecinosSeries *series);
char          *vecinos_series_format_citation (const VecinosSeries *series);
gboolean       vecinos_series_write_csv     (const VecinosSeries *series,
                                             const VecinosSeries *compare,
                                             const char          *path,
                                             GError             **error);

gboolean       vecinos_series_can_divide    (const VecinosSeries *series,
                                             const VecinosSeries *population);
VecinosSeries *vecinos_series_per_person    (const VecinosSeries *series,
                                             const VecinosSeries *population);
int            vecinos_series_first_common_year (const VecinosSeries *a,
                                                 const VecinosSeries *b);
VecinosSeries *vecinos_series_index         (const VecinosSeries *series,
                                             int                  base_year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VecinosSeries, vecinos_series_free)

G_END_DECLS
