/* vecinos-tour-export.h — a guided tour as a printed handout (PDF)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vecinos-dataset.h"

G_BEGIN_DECLS

typedef enum {
  VECINOS_PAPER_A4,
  VECINOS_PAPER_LETTER,
} VecinosPaper;

VecinosPaper vecinos_paper_default      (void);
gboolean     vecinos_paper_from_name    (const char      *name,
                                         VecinosPaper    *paper);

gboolean     vecinos_tour_export_check  (const char      *path,
                                         GError         **error);
gboolean     vecinos_tour_export        (VecinosDataset  *dataset,
                                         const char      *tour,
                                         const char      *lang,
                                         VecinosPaper     paper,
                                         const char      *path,
                                         GError         **error);

G_END_DECLS
