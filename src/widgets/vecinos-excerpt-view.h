/* vecinos-excerpt-view.h — one document excerpt, as a quotation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vecinos-excerpt.h"

G_BEGIN_DECLS

typedef enum {
  /* Beside an event: who wrote it, the comparisons shown at once, and a
   * way to the whole document */
  VECINOS_EXCERPT_VIEW_IN_EVENT,
  /* In its document: its number and categories, the events and series
   * it discusses, and its numbers highlighted, compared on request */
  VECINOS_EXCERPT_VIEW_IN_DOCUMENT,
} VecinosExcerptViewMode;

#define VECINOS_TYPE_EXCERPT_VIEW (vecinos_excerpt_view_get_type ())

G_DECLARE_FINAL_TYPE (VecinosExcerptView, vecinos_excerpt_view, VECINOS, EXCERPT_VIEW, GtkWidget)

GtkWidget            *vecinos_excerpt_view_new              (VecinosExcerpt        *excerpt,
                                                             VecinosExcerptViewMode mode,
                                                             gboolean               translated);
const VecinosExcerpt *vecinos_excerpt_view_get_excerpt      (VecinosExcerptView    *self);
void                  vecinos_excerpt_view_set_translated   (VecinosExcerptView    *self,
                                                             gboolean               translated);
gboolean              vecinos_excerpt_view_get_translated   (VecinosExcerptView    *self);
const char           *vecinos_excerpt_view_get_quote        (VecinosExcerptView    *self);
void                  vecinos_excerpt_view_show_claim       (VecinosExcerptView    *self,
                                                             guint                  index);
const char           *vecinos_excerpt_view_get_comparison   (VecinosExcerptView    *self,
                                                             guint                  index);
char                 *vecinos_excerpt_view_copy_quotation   (VecinosExcerptView    *self);
gboolean              vecinos_excerpt_view_focus_quote      (VecinosExcerptView    *self);
gboolean              vecinos_excerpt_view_has_focus        (VecinosExcerptView    *self);
void                  vecinos_excerpt_view_set_languages    (VecinosExcerptView    *self,
                                                             const char            *original,
                                                             const char            *translation);

G_END_DECLS
