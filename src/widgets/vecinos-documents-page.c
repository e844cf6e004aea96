/* vecinos-documents-page.c — the Documents view
 *
 * A sidebar lists the five documents with who wrote them, who published
 * them and when (saying so when the author is not identified or the date
 * was inferred). The chosen one is shown as a class reads it: its title,
 * kind and notes, a link to the original, then its excerpts in order, each
 * with the events and series it discusses and the numbers it claims. A
 * check shows Vecinos' translation of the excerpts, labelled as ours; it is
 * on by default when the interface is in another language than the
 * document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vecinos-documents-page.h"
#include "vecinos-empty-state.h"
#include "vecinos-accessible-names.h"
#include "vecinos-uri.h"
#include "vecinos-language.h"

struct _VecinosDocumentsPage
{
  GtkWidget          parent_instance;

  VecinosDataset    *dataset;
  char              *language;
  char              *translation_language;  /* NULL: the dataset has no other */
  GPtrArray         *documents;             /* of VecinosDocument, as listed */
  int                current;               /* index into documents, or -1 */
  char              *excerpt;               /* the one last opened, in this document */
  double             pending_scroll;        /* to apply once the text is laid out, or < 0 */
  gboolean           excerpts_stale;        /* chosen, not built: the page is hidden */
  guint              reveal_tick;           /* bringing self->excerpt to the top, or 0 */
  gboolean           revealed;              /* the keyboard put on it, and it marked */
  VecinosExcerptView *highlighted;          /* the excerpt last brought there, for a moment */
  guint              highlight_timeout;

  /* Template widgets */
  GtkLabel          *byline;
  GtkBox            *excerpts;
  GtkLabel          *kind;
  GtkLabel          *link;
  GtkLinkButton     *link_button;
  GtkListBox        *list;
  GtkWidget         *list_scrolled;
  GtkLabel          *notes;
  GtkWidget         *paned;
  GtkScrolledWindow *scrolled;
  GtkLabel          *title;
  GtkCheckButton    *translated;
};

G_DEFINE_FINAL_TYPE (VecinosDocumentsPage, vecinos_documents_page, GTK_TYPE_WIDGET)

static void scroll_range_changed (GtkAdjustment        *adjustment,
                                  VecinosDocumentsPage *self);
static void build_excerpts       (VecinosDocumentsPage *self);
static void mark_current         (VecinosDocumentsPage *self);
static void stop_reveal          (VecinosDocumentsPage *self);


/* The language excerpts are translated into: the interface's, or else
 * the dataset's other one */
static const char *
translation_for (VecinosDocumentsPage  *self,
                 const VecinosDocument *document)
{
  const char * const *languages = vecinos_dataset_get_languages (self->dataset);

  if (g_strcmp0 (self->language, document->lang) != 0)
    return self->language;
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    if (g_strcmp0 (languages[i], document->lang) != 0)
      return languages[i];
  return NULL;
}

static void
show_current (VecinosDocumentsPage *self)
{
  const VecinosDocument *document;
  g_autofree char *byline = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *check = NULL;
  const char *translation;
  GtkWidget *child;

  {
    /* The keyboard leaves the excerpts before they go, to the list of
     * documents: a focus left inside removed widgets is lost to GTK */
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

    if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->excerpts)))
      gtk_widget_grab_focus (GTK_WIDGET (self->list));
  }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->excerpts))) != NULL)
    gtk_box_remove (self->excerpts, child);
  stop_reveal (self);
  if (self->current < 0)
    return;

  document = g_ptr_array_index (self->documents, self->current);
  translation = translation_for (self, document);
  g_free (self->translation_language);
  self->translation_language = g_strdup (translation);

  gtk_label_set_text (self->title, document->title);
  byline = vecinos_document_format_byline (document);
  gtk_label_set_text (self->byline, byline);
  /* Translators: a document's kind ("Think-tank report") and how many
   * excerpts of it Vecinos holds */
  kind = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%1$s · %2$u excerpt", "%1$s · %2$u excerpts",
                                       document->n_excerpts),
                          document->kind, document->n_excerpts);
  gtk_label_set_text (self->kind, kind);
  gtk_label_set_text (self->notes, document->notes ? document->notes : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notes), document->notes != NULL);
  /* A link only to a web or e-mail address (vecinos-uri.c) */
  gtk_link_button_set_uri (self->link_button, document->url != NULL ? document->url : "");
  gtk_widget_set_visible (GTK_WIDGET (self->link_button),
                          document->url != NULL && vecinos_uri_is_openable (document->url));
  gtk_widget_set_visible (GTK_WIDGET (self->link), !gtk_widget_get_visible (GTK_WIDGET (self->link_button)));

  if (translation != NULL)
    {
      g_autofree char *name = vecinos_language_get_name (translation);

      /* Translators: %s is a language, as in "Show the Vecinos translation into Spanish" */
      check = g_strdup_printf (_("Show the Vecinos _translation into %s"), name);
      gtk_check_button_set_label (self->translated, check);
      vecinos_accessible_name_mnemonic (GTK_WIDGET (self->translated), check);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->translated), translation != NULL);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
  self->pending_scroll = -1;
  /* The excerpts — dozens of texts to lay out — are built when the page is
   * first seen, not while another view is shown */
  self->excerpts_stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    build_excerpts (self);
}

/* The chosen document's excerpts, one view each, if not built yet */
static void
build_excerpts (VecinosDocumentsPage *self)
{
  const VecinosDocument *document;
  g_autoptr(GPtrArray) excerpts = NULL;

  if (!self->excerpts_stale || self->current < 0)
    return;
  self->excerpts_stale = FALSE;
  document = g_ptr_array_index (self->documents, self->current);
  excerpts = vecinos_dataset_list_document_excerpts (self->dataset, document->slug, self->language,
                                                     self->translation_language != NULL
                                                     ? self->translation_language : document->lang);
  for (guint i = 0; i < excerpts->len; i++)
    {
      GtkWidget *view = vecinos_excerpt_view_new (g_ptr_array_steal_index (excerpts, i--),
                                                  VECINOS_EXCERPT_VIEW_IN_DOCUMENT,
                                                  gtk_check_button_get_active (self->translated));

      /* Text in another language than the interface's is marked with it:
       * the author's words, or our translation into the other language */
      vecinos_excerpt_view_set_languages (VECINOS_EXCERPT_VIEW (view),
                                          g_strcmp0 (document->lang, self->language) != 0 ? document->lang : NULL,
                                          g_strcmp0 (self->translation_language, self->language) != 0
                                          ? self->translation_language : NULL);
      gtk_box_append (self->excerpts, view);
    }
}

/* The view of the excerpt last opened, or NULL */
static VecinosExcerptView *
opened_excerpt (VecinosDocumentsPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->excerpts));
       child != NULL && self->excerpt != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (vecinos_excerpt_view_get_excerpt (VECINOS_EXCERPT_VIEW (child))->slug, self->excerpt))
      return VECINOS_EXCERPT_VIEW (child);
  return NULL;
}

static void
end_highlight (VecinosDocumentsPage *self)
{
  g_clear_handle_id (&self->highlight_timeout, g_source_remove);
  if (self->highlighted != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->highlighted), "highlighted");
  g_clear_weak_pointer (&self->highlighted);
}

static gboolean
highlight_timed_out (gpointer data)
{
  VecinosDocumentsPage *self = data;

  self->highlight_timeout = 0;
  end_highlight (self);
  return G_SOURCE_REMOVE;
}

static void
stop_reveal (VecinosDocumentsPage *self)
{
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
}

/* Each frame until it holds: the excerpt laid out, the keyboard on its
 * quotation and its top at the top of the view (as far as the document
 * scrolls), marked for a moment. Frames come once the page is shown, and
 * laying out dozens of new excerpts may take a few: scrolling before
 * then, or leaving it to the viewport following the focus (which shows
 * only the bottom edge), put it anywhere */
static gboolean
reveal_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  VecinosDocumentsPage *self = VECINOS_DOCUMENTS_PAGE (widget);
  VecinosExcerptView *view = opened_excerpt (self);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  graphene_point_t top;   /* in the scrolled window, as it is scrolled now */
  double target;

  if (view == NULL)
    {
      self->reveal_tick = 0;
      return G_SOURCE_REMOVE;
    }
  if (gtk_widget_get_height (GTK_WIDGET (view)) <= 0 ||
      !gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (self->scrolled), &GRAPHENE_POINT_INIT (0, 0), &top) ||
      gtk_adjustment_get_upper (adjustment) < gtk_adjustment_get_value (adjustment) + top.y +
                                              gtk_widget_get_height (GTK_WIDGET (view)))
    return G_SOURCE_CONTINUE;

  if (!self->revealed || !vecinos_excerpt_view_has_focus (view))
    {
      self->revealed = TRUE;
      vecinos_excerpt_view_focus_quote (view);
      end_highlight (self);
      g_set_weak_pointer (&self->highlighted, view);
      gtk_widget_add_css_class (GTK_WIDGET (view), "highlighted");
      self->highlight_timeout = g_timeout_add_seconds (2, highlight_timed_out, self);
    }
  target = MIN (gtk_adjustment_get_value (adjustment) + top.y,
                gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  if (G_APPROX_VALUE (gtk_adjustment_get_value (adjustment), target, 0.5))
    {
      self->reveal_tick = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_adjustment_set_value (adjustment, target);
  return G_SOURCE_CONTINUE;
}

/* The keyboard, and so the view, on the excerpt last opened: at the next
 * frame, or the first once the page is shown */
static void
reveal_excerpt (VecinosDocumentsPage *self)
{
  self->pending_scroll = -1;
  self->revealed = FALSE;
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick, NULL, NULL);
}

static void
vecinos_documents_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (vecinos_documents_page_parent_class)->map (widget);
  /* Again once shown: the states set before reach AT-SPI as unselected */
  mark_current (VECINOS_DOCUMENTS_PAGE (widget));
  build_excerpts (VECINOS_DOCUMENTS_PAGE (widget));
}

/* The document shown is marked as a selected row is, by hand: the list
 * selects nothing, so that arrows passing over a row open nothing */
static void
mark_current (VecinosDocumentsPage *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    {
      if (i == self->current)
        gtk_widget_set_state_flags (GTK_WIDGET (row), GTK_STATE_FLAG_SELECTED, FALSE);
      else
        gtk_widget_unset_state_flags (GTK_WIDGET (row), GTK_STATE_FLAG_SELECTED);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, i == self->current, -1);
    }
}

static void
open_document (VecinosDocumentsPage *self,
               int                   index)
{
  if (index == self->current)
    return;
  self->current = index;
  mark_current (self);
  g_clear_pointer (&self->excerpt, g_free);
  show_current (self);
}

static void
row_activated (VecinosDocumentsPage *self,
               GtkListBoxRow        *row)
{
  open_document (self, gtk_list_box_row_get_index (row));
}

/* Nothing but a web or e-mail address is ever launched */
static gboolean
link_activated (VecinosDocumentsPage *self,
                GtkLinkButton        *button)
{
  return !vecinos_uri_is_openable (gtk_link_button_get_uri (button));
}

static void
translated_toggled (VecinosDocumentsPage *self)
{
  gboolean translated = gtk_check_button_get_active (self->translated);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->excerpts));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    vecinos_excerpt_view_set_translated (VECINOS_EXCERPT_VIEW (child), translated);
}

/* A document in the sidebar: its title, then who and when */
static GtkWidget *
document_row (const VecinosDocument *document)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *byline = vecinos_document_format_byline (document);
  GtkWidget *title = gtk_label_new (document->title);
  GtkWidget *details = gtk_label_new (byline);

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "event-row-title");
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), details);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, details, NULL, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, FALSE, -1);
  return row;
}

/* The list's one Tab stop: the row of the document shown */
static gboolean
focus_list (VecinosDocumentsPage *self,
            GtkDirectionType      direction)
{
  GtkListBoxRow *shown = self->current >= 0 ? gtk_list_box_get_row_at_index (self->list, self->current) : NULL;

  if (!gtk_widget_is_drawable (GTK_WIDGET (self->list)))
    return FALSE;
  if (shown != NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (shown));
  return gtk_widget_child_focus (GTK_WIDGET (self->list), direction);
}

/* Tab and Shift+Tab: the list, then the document, in that order whatever
 * GTK makes of where they are. The list is one stop (GTK 4.8's list box
 * makes each row one, and Tab over a row used to open its document): Tab
 * comes in on the document shown and goes on out at the next press; the
 * arrows move inside, Enter or Space opens */
static gboolean
vecinos_documents_page_focus (GtkWidget        *widget,
                              GtkDirectionType  direction)
{
  VecinosDocumentsPage *self = VECINOS_DOCUMENTS_PAGE (widget);
  GtkWidget *list = GTK_WIDGET (self->list);
  GtkWidget *document = gtk_paned_get_end_child (GTK_PANED (self->paned));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (vecinos_documents_page_parent_class)->focus (widget, direction);

  if (focus != NULL && (focus == list || gtk_widget_is_ancestor (focus, list)))
    return forward && gtk_widget_child_focus (document, direction);
  if (focus != NULL && gtk_widget_is_ancestor (focus, document))
    return gtk_widget_child_focus (document, direction) || (!forward && focus_list (self, direction));
  /* Coming in */
  if (forward)
    return focus_list (self, direction) || gtk_widget_child_focus (document, direction);
  return gtk_widget_child_focus (document, direction) || focus_list (self, direction);
}

static void
vecinos_documents_page_dispose (GObject *object)
{
  VecinosDocumentsPage *self = VECINOS_DOCUMENTS_PAGE (object);

  stop_reveal (self);
  end_highlight (self);
  vecinos_empty_state_clear (GTK_WIDGET (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), VECINOS_TYPE_DOCUMENTS_PAGE);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->translation_language, g_free);
  g_clear_pointer (&self->excerpt, g_free);

  G_OBJECT_CLASS (vecinos_documents_page_parent_class)->dispose (object);
}

static void
vecinos_documents_page_class_init (VecinosDocumentsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vecinos_documents_page_dispose;
  widget_class->map = vecinos_documents_page_map;
  widget_class->focus = vecinos_documents_page_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* A plain container (else a screen reader hears its class name) */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vecinos/Vecinos/widgets/vecinos-documents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VecinosDocumentsPage, byline);
  gtk_widget_class_bind_template_child (widget_class, VecinosDocumentsPage, excerpts);
  gtk_widget_class_bind_template_child (widget_class, VecinosDocumentsPage, kind);
  gtk_widget_class_bind_template_child (widget_class, VecinosDocumentsPage, link);
  gtk_widget_class_bind_template_child (widget_class, VecinosDocumentsPage, link_button);
  gtk_widget_class_bind_template_child (widget_class, VecinosDocumentsPage, list);
  gtk_widget_class_bind_template_child (widget_class, VecinosDocumentsPage, list_scrolled);
  gtk_widget_class_bind_template_child (widget_class, VecinosDocumentsPage, notes);
  gtk_widget_class_bind_template_child (widget_class, VecinosDocumentsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, VecinosDocumentsPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, VecinosDocumentsPage, title);
  gtk_widget_class_bind_template_child (widget_class, VecinosDocumentsPage, translated);
  gtk_widget_class_bind_template_callback (widget_class, link_activated);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, translated_toggled);
}

static void
vecinos_documents_page_init (VecinosDocumentsPage *self)
{
  self->current = -1;
  self->pending_scroll = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Named for a screen reader, which else hears GTK's class names */
  vecinos_accessible_name_scrollbars (GTK_SCROLLED_WINDOW (self->list_scrolled), _("Scroll the list of documents"));
  vecinos_accessible_name_scrollbars (self->scrolled, _("Scroll the document"));
  vecinos_accessible_hide_decoration (GTK_WIDGET (self->translated));
  vecinos_accessible_hide_decoration (self->paned);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled), "changed",
                           G_CALLBACK (scroll_range_changed), self, 0);
}

/**
 * vecinos_documents_page_set_dataset:
 * @dataset: (nullable):
 * @language: the interface's language
 */
void
vecinos_documents_page_set_dataset (VecinosDocumentsPage *self,
                                    VecinosDataset       *dataset,
                                    const char           *language)
{
  GtkWidget *child;

  g_return_if_fail (VECINOS_IS_DOCUMENTS_PAGE (self));

  g_set_object (&self->dataset, dataset);
  g_free (self->language);
  self->language = g_strdup (language);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  self->current = -1;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  show_current (self);
  if (dataset == NULL)
    return;

  self->documents = vecinos_dataset_list_documents (dataset, language);
  vecinos_empty_state_set (GTK_WIDGET (self), self->documents->len > 0 ? NULL
                           : _("This timeline has no documents. The five policy documents come with the "
                               "bundled dataset: open it from the main menu, Bundled Timeline."));
  /* In another language than the documents', our translation comes first */
  gtk_check_button_set_active (self->translated, self->documents->len > 0 &&
                               g_strcmp0 (language, ((VecinosDocument *) g_ptr_array_index (self->documents, 0))->lang) != 0);
  for (guint i = 0; i < self->documents->len; i++)
    gtk_list_box_append (self->list, document_row (g_ptr_array_index (self->documents, i)));
  if (self->documents->len > 0)
    open_document (self, 0);
}

/**
 * vecinos_documents_page_show_document:
 *
 * Returns: whether the dataset has a document @slug
 */
gboolean
vecinos_documents_page_show_document (VecinosDocumentsPage *self,
                                      const char           *slug)
{
  g_return_val_if_fail (VECINOS_IS_DOCUMENTS_PAGE (self), FALSE);

  for (guint i = 0; self->documents != NULL && i < self->documents->len; i++)
    if (g_str_equal (((VecinosDocument *) g_ptr_array_index (self->documents, i))->slug, slug))
      {
        open_document (self, i);
        return TRUE;
      }
  return FALSE;
}

/**
 * vecinos_documents_page_show_excerpt:
 *
 * Opens the document of excerpt @slug and moves the keyboard (and the
 * view) to the excerpt.
 *
 * Returns: whether the dataset has that excerpt
 */
gboolean
vecinos_documents_page_show_excerpt (VecinosDocumentsPage *self,
                                     const char           *slug)
{
  g_autofree char *document = NULL;

  g_return_val_if_fail (VECINOS_IS_DOCUMENTS_PAGE (self), FALSE);

  g_clear_pointer (&self->excerpt, g_free);
  if (self->dataset == NULL ||
      (document = vecinos_dataset_get_excerpt_document (self->dataset, slug)) == NULL ||
      !vecinos_documents_page_show_document (self, document))
    return FALSE;
  build_excerpts (self);
  self->excerpt = g_strdup (slug);
  reveal_excerpt (self);
  return TRUE;
}

/**
 * vecinos_documents_page_get_document:
 *
 * Returns: (nullable): the slug of the document shown
 */
const char *
vecinos_documents_page_get_document (VecinosDocumentsPage *self)
{
  g_return_val_if_fail (VECINOS_IS_DOCUMENTS_PAGE (self), NULL);

  if (self->current < 0)
    return NULL;
  return ((VecinosDocument *) g_ptr_array_index (self->documents, self->current))->slug;
}

GtkWidget *
vecinos_documents_page_get_list (VecinosDocumentsPage *self)
{
  g_return_val_if_fail (VECINOS_IS_DOCUMENTS_PAGE (self), NULL);
  return GTK_WIDGET (self->list);
}

guint
vecinos_documents_page_get_n_excerpts (VecinosDocumentsPage *self)
{
  guint n = 0;

  g_return_val_if_fail (VECINOS_IS_DOCUMENTS_PAGE (self), 0);

  build_excerpts (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->excerpts));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/**
 * vecinos_documents_page_get_excerpt:
 *
 * Returns: (transfer none) (nullable): the view of excerpt @index, in order
 */
VecinosExcerptView *
vecinos_documents_page_get_excerpt (VecinosDocumentsPage *self,
                                    guint                 index)
{
  GtkWidget *child;

  g_return_val_if_fail (VECINOS_IS_DOCUMENTS_PAGE (self), NULL);

  build_excerpts (self);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->excerpts)); child != NULL && index > 0;
       child = gtk_widget_get_next_sibling (child))
    index--;
  return child != NULL ? VECINOS_EXCERPT_VIEW (child) : NULL;
}

/**
 * vecinos_documents_page_set_translated:
 *
 * Sets the translation check, as a user would.
 */
void
vecinos_documents_page_set_translated (VecinosDocumentsPage *self,
                                       gboolean              translated)
{
  g_return_if_fail (VECINOS_IS_DOCUMENTS_PAGE (self));
  gtk_check_button_set_active (self->translated, translated);
}

/**
 * vecinos_documents_page_get_translation_available:
 *
 * Returns: whether the document shown can be read in a translation
 */
gboolean
vecinos_documents_page_get_translation_available (VecinosDocumentsPage *self)
{
  g_return_val_if_fail (VECINOS_IS_DOCUMENTS_PAGE (self), FALSE);
  return self->translation_language != NULL;
}

/**
 * vecinos_documents_page_get_text:
 * @part: "title", "byline", "kind", "notes" or "link"
 */
const char *
vecinos_documents_page_get_text (VecinosDocumentsPage *self,
                                 const char           *part)
{
  g_return_val_if_fail (VECINOS_IS_DOCUMENTS_PAGE (self), NULL);

  if (g_str_equal (part, "title"))
    return gtk_label_get_text (self->title);
  if (g_str_equal (part, "byline"))
    return gtk_label_get_text (self->byline);
  if (g_str_equal (part, "kind"))
    return gtk_label_get_text (self->kind);
  if (g_str_equal (part, "notes"))
    return gtk_label_get_text (self->notes);
  if (g_str_equal (part, "link"))
    return gtk_widget_get_visible (GTK_WIDGET (self->link_button))
           ? gtk_button_get_label (GTK_BUTTON (self->link_button)) : gtk_label_get_text (self->link);
  g_return_val_if_reached (NULL);
}

/* A scroll position asked for before the text was laid out is applied
 * when the scrolled window learns how tall the text is */
static void
scroll_range_changed (GtkAdjustment        *adjustment,
                      VecinosDocumentsPage *self)
{
  if (self->pending_scroll < 0)
    return;
  gtk_adjustment_set_value (adjustment, self->pending_scroll);
  if (gtk_adjustment_get_value (adjustment) >= self->pending_scroll)
    self->pending_scroll = -1;
}

/**
 * vecinos_documents_page_save_state:
 *
 * Writes the document shown, the excerpt last opened in it and how far
 * down it is read to @context.
 */
void
vecinos_documents_page_save_state (VecinosDocumentsPage *self,
                                   VecinosContext       *context)
{
  g_return_if_fail (VECINOS_IS_DOCUMENTS_PAGE (self));

  vecinos_context_set_document (context, vecinos_documents_page_get_document (self));
  vecinos_context_set_excerpt (context, self->excerpt);
  vecinos_context_set_document_scroll (context,
                                       self->pending_scroll >= 0 ? self->pending_scroll
                                       : gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scrolled)));
}

/**
 * vecinos_documents_page_restore_state:
 *
 * Shows what vecinos_documents_page_save_state() wrote to @context.
 */
void
vecinos_documents_page_restore_state (VecinosDocumentsPage *self,
                                      VecinosContext       *context)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (VECINOS_IS_DOCUMENTS_PAGE (self));

  if (vecinos_context_get_document (context) == NULL)
    return;
  vecinos_documents_page_show_document (self, vecinos_context_get_document (context));
  g_free (self->excerpt);
  self->excerpt = g_strdup (vecinos_context_get_excerpt (context));
  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  self->pending_scroll = vecinos_context_get_document_scroll (context);
  scroll_range_changed (adjustment, self);
}

/**
 * vecinos_documents_page_set_presenting:
 *
 * In front of a class the list of documents steps aside: the document
 * being read takes the page.
 */
void
vecinos_documents_page_set_presenting (VecinosDocumentsPage *self,
                                       gboolean              presenting)
{
  g_return_if_fail (VECINOS_IS_DOCUMENTS_PAGE (self));

  gtk_widget_set_visible (gtk_paned_get_start_child (GTK_PANED (self->paned)), !presenting);
}
