/* vecinos-event-page.c — the detail of the selected event: title, date at
 * its precision, category, summary, sources as links, the figures it
 * relates to, and what the documents say about it, each number they claim
 * beside the official figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vecinos-excerpt.h"
#include "vecinos-excerpt-view.h"

#include "vecinos-event-page.h"
#include "vecinos-language.h"
#include "vecinos-link.h"

struct _VecinosEventPage
{
  GtkWidget       parent_instance;

  VecinosEvent   *event;
  VecinosDataset *dataset;
  char           *language;

  /* Template widgets */
  GtkWidget    *box;
  GtkLabel     *category_label;
  GtkLabel     *date_label;
  GtkBox       *documents_box;
  GtkLabel     *documents_heading;
  GtkLabel     *figures_heading;
  GtkLabel     *figures_label;
  GtkBox       *sources_box;
  char         *sources_text;  /* the sources' names, one a line */
  GtkWidget    *empty_label;
  GtkWidget    *event_scroller;
  GtkLabel     *summary_label;
  GtkLabel     *title_label;
};

G_DEFINE_FINAL_TYPE (VecinosEventPage, vecinos_event_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* Each source a link of its own (a link role, which GTK 4.8 gives no link
 * inside a label) */
static void
update_sources (VecinosEventPage *self)
{
  GPtrArray *sources = vecinos_event_get_sources (self->event);
  GString *text = g_string_new (NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_box))) != NULL)
    gtk_box_remove (self->sources_box, child);
  for (guint i = 0; i < sources->len; i++)
    {
      const VecinosSource *source = g_ptr_array_index (sources, i);

      gtk_box_append (self->sources_box, vecinos_link_new (source->url, source->name));
      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", source->name);
    }
  /* Only a teacher's own timeline may have none: said, not left blank */
  if (sources->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("The timeline gives no source for this event."));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->sources_box, none);
      g_string_append (text, gtk_label_get_text (GTK_LABEL (none)));
    }
  g_free (self->sources_text);
  self->sources_text = g_string_free (text, FALSE);
}

static void
update_documents (VecinosEventPage *self)
{
  g_autoptr(GPtrArray) excerpts = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  gboolean has_excerpts, has_series;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->documents_box))) != NULL)
    gtk_box_remove (self->documents_box, child);

  if (self->dataset != NULL)
    {
      const char *slug = vecinos_event_get_slug (self->event);

      excerpts = vecinos_dataset_list_event_excerpts (self->dataset, slug, self->language);
      series = vecinos_dataset_list_event_series (self->dataset, slug, self->language);
    }

  /* Shown before they are filled: GTK 4.8 keeps the size a hidden box
   * last measured (none) when children come in while it is hidden, and the
   * page then had no room to scroll to the quotations (issue 14) */
  has_excerpts = excerpts != NULL && excerpts->len > 0;
  has_series = series != NULL && series->len > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->figures_heading), has_series);
  gtk_widget_set_visible (GTK_WIDGET (self->figures_label), has_series);
  gtk_widget_set_visible (GTK_WIDGET (self->documents_heading), has_excerpts);
  gtk_widget_set_visible (GTK_WIDGET (self->documents_box), has_excerpts);

  /* Each as a quotation: in the reader's language when Vecinos has
   * translated it (labelled as ours), who wrote it, the numbers it claims
   * beside the official figures, and a way to the whole document */
  for (guint i = 0; excerpts != NULL && i < excerpts->len; i++)
    {
      VecinosExcerpt *excerpt = g_ptr_array_steal_index (excerpts, i--);
      /* Translated: the author wrote in the other of the two languages,
       * and a screen reader is told so */
      const char *original = excerpt->translation != NULL ? (g_strcmp0 (self->language, "es") == 0 ? "en" : "es")
                                                          : NULL;
      GtkWidget *view = vecinos_excerpt_view_new (excerpt, VECINOS_EXCERPT_VIEW_IN_EVENT, TRUE);

      vecinos_excerpt_view_set_languages (VECINOS_EXCERPT_VIEW (view), original, NULL);
      gtk_box_append (self->documents_box, view);
    }
  for (guint i = 0; series != NULL && i < series->len; i++)
    g_string_append_printf (names, "%s• %s", i > 0 ? "\n" : "",
                            ((VecinosSeriesRef *) g_ptr_array_index (series, i))->name);

  gtk_label_set_text (self->figures_label, names->str);
}

static void
update (VecinosEventPage *self)
{
  g_autofree char *date = NULL;
  g_autofree char *category = NULL;
  const char *written_in = self->dataset != NULL ? vecinos_dataset_get_content_language (self->dataset) : NULL;

  gtk_widget_set_visible (self->empty_label, self->event == NULL);
  gtk_widget_set_visible (self->event_scroller, self->event != NULL);
  if (self->event == NULL)
    return;

  date = vecinos_event_format_date (self->event);
  /* Translators: %s is the name of a category, such as "Trade" */
  category = g_strdup_printf (_("Category: %s"), vecinos_event_get_category_name (self->event));
  /* A teacher's timeline is in one language: said where the interface is
   * in the other, so that a reader (and a screen reader) knows */
  if (written_in != NULL && g_strcmp0 (written_in, self->language) != 0)
    {
      g_autofree char *name = vecinos_language_get_name (written_in);
      char *both;

      /* Translators: %1$s is "Category: …", %2$s a language ("Spanish"),
       * as it reads inside a sentence */
      both = g_strdup_printf (_("%1$s\nThis timeline is written in %2$s."), category, name);
      g_free (category);
      category = both;
    }

  gtk_label_set_text (self->title_label, vecinos_event_get_title (self->event));
  gtk_label_set_text (self->date_label, date);
  gtk_label_set_text (self->category_label, category);
  gtk_label_set_text (self->summary_label, vecinos_event_get_summary (self->event));
  update_sources (self);
  update_documents (self);
}

static void
vecinos_event_page_dispose (GObject *object)
{
  VecinosEventPage *self = VECINOS_EVENT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VECINOS_TYPE_EVENT_PAGE);
  g_clear_object (&self->event);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->sources_text, g_free);

  G_OBJECT_CLASS (vecinos_event_page_parent_class)->dispose (object);
}

static void
vecinos_event_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VecinosEventPage *self = VECINOS_EVENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vecinos_event_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VecinosEventPage *self = VECINOS_EVENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      vecinos_event_page_set_event (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vecinos_event_page_class_init (VecinosEventPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vecinos_event_page_dispose;
  object_class->get_property = vecinos_event_page_get_property;
  object_class->set_property = vecinos_event_page_set_property;

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, VECINOS_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vecinos/Vecinos/widgets/vecinos-event-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VecinosEventPage, box);
  gtk_widget_class_bind_template_child (widget_class, VecinosEventPage, category_label);
  gtk_widget_class_bind_template_child (widget_class, VecinosEventPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, VecinosEventPage, documents_box);
  gtk_widget_class_bind_template_child (widget_class, VecinosEventPage, documents_heading);
  gtk_widget_class_bind_template_child (widget_class, VecinosEventPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, VecinosEventPage, event_scroller);
  gtk_widget_class_bind_template_child (widget_class, VecinosEventPage, figures_heading);
  gtk_widget_class_bind_template_child (widget_class, VecinosEventPage, figures_label);
  gtk_widget_class_bind_template_child (widget_class, VecinosEventPage, sources_box);
  gtk_widget_class_bind_template_child (widget_class, VecinosEventPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VecinosEventPage, title_label);
}

static void
vecinos_event_page_init (VecinosEventPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

VecinosEvent *
vecinos_event_page_get_event (VecinosEventPage *self)
{
  g_return_val_if_fail (VECINOS_IS_EVENT_PAGE (self), NULL);
  return self->event;
}

void
vecinos_event_page_set_event (VecinosEventPage *self,
                              VecinosEvent     *event)
{
  g_return_if_fail (VECINOS_IS_EVENT_PAGE (self));
  g_return_if_fail (event == NULL || VECINOS_IS_EVENT (event));

  if (!g_set_object (&self->event, event))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

/**
 * vecinos_event_page_set_dataset:
 * @dataset: (nullable): where the page finds the excerpts and figures
 * @language: the language they are shown in
 */
void
vecinos_event_page_set_dataset (VecinosEventPage *self,
                                VecinosDataset   *dataset,
                                const char       *language)
{
  g_return_if_fail (VECINOS_IS_EVENT_PAGE (self));
  g_return_if_fail (dataset == NULL || VECINOS_IS_DATASET (dataset));
  g_return_if_fail (language != NULL);

  g_set_object (&self->dataset, dataset);
  g_free (self->language);
  self->language = g_strdup (language);
  if (self->event != NULL)
    update (self);
}

/**
 * vecinos_event_page_get_text:
 * @part: "title", "date", "category", "summary", "sources" or "figures"
 *
 * Returns: the text shown for @part, as a reader sees it
 */
const char *
vecinos_event_page_get_text (VecinosEventPage *self,
                             const char       *part)
{
  GtkLabel *label = NULL;

  g_return_val_if_fail (VECINOS_IS_EVENT_PAGE (self), NULL);

  if (g_str_equal (part, "title"))
    label = self->title_label;
  else if (g_str_equal (part, "date"))
    label = self->date_label;
  else if (g_str_equal (part, "category"))
    label = self->category_label;
  else if (g_str_equal (part, "summary"))
    label = self->summary_label;
  else if (g_str_equal (part, "sources"))
    return self->sources_text != NULL ? self->sources_text : "";
  else if (g_str_equal (part, "figures"))
    label = self->figures_label;

  g_return_val_if_fail (label != NULL, NULL);
  return gtk_label_get_text (label);
}

/**
 * vecinos_event_page_get_documents:
 *
 * Returns: (transfer none): the box holding one child per excerpt shown
 */
GtkWidget *
vecinos_event_page_get_documents (VecinosEventPage *self)
{
  g_return_val_if_fail (VECINOS_IS_EVENT_PAGE (self), NULL);
  return GTK_WIDGET (self->documents_box);
}
