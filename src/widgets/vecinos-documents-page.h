/* vecinos-documents-page.h — the five policy documents, read excerpt by
 * excerpt
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vecinos-context.h"
#include "vecinos-excerpt-view.h"

G_BEGIN_DECLS

#define VECINOS_TYPE_DOCUMENTS_PAGE (vecinos_documents_page_get_type ())

G_DECLARE_FINAL_TYPE (VecinosDocumentsPage, vecinos_documents_page, VECINOS, DOCUMENTS_PAGE, GtkWidget)

void                vecinos_documents_page_set_dataset      (VecinosDocumentsPage *self,
                                                             VecinosDataset       *dataset,
                                                             const char           *language);
gboolean            vecinos_documents_page_show_document    (VecinosDocumentsPage *self,
                                                             const char           *slug);
gboolean            vecinos_documents_page_show_excerpt     (VecinosDocumentsPage *self,
                                                             const char           *slug);
const char         *vecinos_documents_page_get_document     (VecinosDocumentsPage *self);
void                vecinos_documents_page_save_state       (VecinosDocumentsPage *self,
                                                             VecinosContext       *context);
void                vecinos_documents_page_set_presenting   (VecinosDocumentsPage *self,
                                                             gboolean              presenting);
void                vecinos_documents_page_restore_state    (VecinosDocumentsPage *self,
                                                             VecinosContext       *context);
GtkWidget          *vecinos_documents_page_get_list         (VecinosDocumentsPage *self);
guint               vecinos_documents_page_get_n_excerpts   (VecinosDocumentsPage *self);
VecinosExcerptView *vecinos_documents_page_get_excerpt      (VecinosDocumentsPage *self,
                                                             guint                 index);
void                vecinos_documents_page_set_translated   (VecinosDocumentsPage *self,
                                                             gboolean              translated);
gboolean            vecinos_documents_page_get_translation_available (VecinosDocumentsPage *self);
const char         *vecinos_documents_page_get_text         (VecinosDocumentsPage *self,
                                                             const char           *part);

G_END_DECLS
