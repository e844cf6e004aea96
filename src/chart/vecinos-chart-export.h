/* vecinos-chart-export.h — PDF files written as the chart's exports are
 *
 * The chart's own export is declared in vecinos-chart-draw.h; this is for
 * other drawings (a tour's handout) that want its care: written beside the
 * file asked for and renamed over it once complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Draws every page on @cr, each ended with cairo_show_page() */
typedef void (*VecinosExportDrawFunc) (cairo_t  *cr,
                                       gpointer  user_data);

gboolean vecinos_export_pdf (const char            *path,
                             double                 width,
                             double                 height,
                             const char            *title,
                             VecinosExportDrawFunc  draw,
                             gpointer               user_data,
                             GError               **error);

G_END_DECLS
