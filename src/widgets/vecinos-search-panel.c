/* vecinos-search-panel.c — one search over the whole dataset
 *
 * A search entry, a line that says how many results there are (a status a
 * screen reader announces), and the results grouped by kind — events,
 * excerpts, indicators, documents — each group where its best result
 * ranks, each result with its title and a snippet whose matching words are
 * bold. Down moves from the entry to the results (Up from the first goes
 * back), Enter opens the first.
 * What the user types never reaches FTS5 as it is
 * (vecinos_search_build_query()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vecinos-search-panel.h"
#include "vecinos-tab-stop.h"

#define MAX_RESULTS 60

struct _VecinosSearchPanel
{
  GtkWidget       parent_instance;

  VecinosDataset *dataset;
  char           *language;
  GPtrArray      *results;     /* of VecinosSearchResult, as listed */

  /* Template widgets */
  GtkWidget      *box;
  GtkSearchEntry *entry;
  GtkListBox     *list;
  GtkLabel       *status;
};

G_DEFINE_FINAL_TYPE (VecinosSearchPanel, vecinos_search_panel, GTK_TYPE_WIDGET)

enum {
  RESULT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
kind_heading (VecinosSearchKind kind)
{
  switch (kind)
    {
    case VECINOS_SEARCH_EVENT:
      return _("Events");
    case VECINOS_SEARCH_EXCERPT:
      return _("Excerpts");
    case VECINOS_SEARCH_SERIES:
      return _("Indicators");
    case VECINOS_SEARCH_DOCUMENT:
    case VECINOS_SEARCH_N_KINDS:
    default:
      return _("Documents");
    }
}

/* Groups ordered by their best result (@data: the best rank of each
 * kind), results by rank within a group */
static int
compare_grouped (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const VecinosSearchResult *x = *(VecinosSearchResult **) a;
  const VecinosSearchResult *y = *(VecinosSearchResult **) b;
  const double *best_rank = data;

  if (x->kind != y->kind)
    return best_rank[x->kind] < best_rank[y->kind] ? -1 : 1;
  return (x->rank > y->rank) - (x->rank < y->rank);
}

static GtkWidget *
result_row (const VecinosSearchResult *result)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (result->title);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "event-row-title");
  /* Escaped by the dataset, matches in bold */
  gtk_label_set_markup (GTK_LABEL (snippet), result->snippet);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (snippet), 70);
  gtk_widget_add_css_class (snippet, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, result->title, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, snippet, NULL, -1);
  return row;
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       data)
{
  VecinosSearchPanel *self = data;
  const VecinosSearchResult *result = g_ptr_array_index (self->results, gtk_list_box_row_get_index (row));
  const VecinosSearchResult *previous = before != NULL
                                        ? g_ptr_array_index (self->results, gtk_list_box_row_get_index (before))
                                        : NULL;

  if (previous == NULL || previous->kind != result->kind)
    {
      GtkWidget *header = gtk_label_new (kind_heading (result->kind));

      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_set_margin_top (header, 8);
      gtk_widget_set_margin_start (header, 6);
      gtk_list_box_row_set_header (row, header);
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

static void
search_changed (VecinosSearchPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *status = NULL;
  g_autofree char *query = vecinos_search_build_query (text);
  g_autoptr(GError) error = NULL;
  double best_rank[VECINOS_SEARCH_N_KINDS];
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  if (self->dataset == NULL)
    return;

  self->results = vecinos_dataset_search_full (self->dataset, text, self->language, MAX_RESULTS, &error);
  for (guint k = 0; k < VECINOS_SEARCH_N_KINDS; k++)
    best_rank[k] = G_MAXDOUBLE;
  for (guint i = 0; i < self->results->len; i++)
    {
      const VecinosSearchResult *result = g_ptr_array_index (self->results, i);
      best_rank[result->kind] = MIN (best_rank[result->kind], result->rank);
    }
  g_ptr_array_sort_with_data (self->results, compare_grouped, best_rank);
  for (guint i = 0; i < self->results->len; i++)
    gtk_list_box_append (self->list, result_row (g_ptr_array_index (self->results, i)));

  /* A damaged index (or file) says so, rather than "No results." */
  if (error != NULL)
    status = g_strdup (error->message);
  else if (query == NULL)
    status = g_strdup (_("Type words to search events, excerpts, indicators and documents, in English or Spanish."));
  else if (self->results->len == 0)
    status = g_strdup (_("No results."));
  else
    /* Translators: how many results a search found */
    status = g_strdup_printf (ngettext ("%u result", "%u results", self->results->len), self->results->len);
  gtk_label_set_text (self->status, status);
  /* Said by a screen reader as the user types */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status, -1);
#if GTK_CHECK_VERSION (4, 14, 0)
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_accessible_announce (GTK_ACCESSIBLE (self->status), status, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#endif
}

static void
row_activated (VecinosSearchPanel *self,
               GtkListBoxRow      *row)
{
  vecinos_search_panel_activate_result (self, gtk_list_box_row_get_index (row));
}

/* Enter in the entry opens the first result */
static void
entry_activated (VecinosSearchPanel *self)
{
  if (self->results != NULL && self->results->len > 0)
    vecinos_search_panel_activate_result (self, 0);
}

/* Down from the entry: to the results */
static gboolean
entry_key_pressed (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   VecinosSearchPanel    *self)
{
  GtkListBoxRow *first;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (first = gtk_list_box_get_row_at_index (self->list, 0)) == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

/* Up from the first result: back to the entry */
static gboolean
list_keynav_failed (GtkWidget          *list,
                    GtkDirectionType    direction,
                    VecinosSearchPanel *self)
{
  if (direction != GTK_DIR_UP)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return TRUE;
}

static void
vecinos_search_panel_dispose (GObject *object)
{
  VecinosSearchPanel *self = VECINOS_SEARCH_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VECINOS_TYPE_SEARCH_PANEL);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->results, g_ptr_array_unref);

  G_OBJECT_CLASS (vecinos_search_panel_parent_class)->dispose (object);
}

static void
vecinos_search_panel_class_init (VecinosSearchPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vecinos_search_panel_dispose;
  g_type_ensure (VECINOS_TYPE_TAB_STOP);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /**
   * VecinosSearchPanel::result-activated:
   * @kind: a #VecinosSearchKind
   * @ref: the slug of the record found
   */
  signals[RESULT_ACTIVATED] = g_signal_new ("result-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vecinos/Vecinos/widgets/vecinos-search-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, VecinosSearchPanel, box);
  gtk_widget_class_bind_template_child (widget_class, VecinosSearchPanel, entry);
  gtk_widget_class_bind_template_child (widget_class, VecinosSearchPanel, list);
  gtk_widget_class_bind_template_child (widget_class, VecinosSearchPanel, status);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, entry_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, list_keynav_failed);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
}

static void
vecinos_search_panel_init (VecinosSearchPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->list, update_header, self, NULL);
}

void
vecinos_search_panel_set_dataset (VecinosSearchPanel *self,
                                  VecinosDataset     *dataset,
                                  const char         *language)
{
  g_return_if_fail (VECINOS_IS_SEARCH_PANEL (self));

  g_set_object (&self->dataset, dataset);
  g_free (self->language);
  self->language = g_strdup (language);
  search_changed (self);
}

/**
 * vecinos_search_panel_set_text:
 *
 * Searches for @text at once, as if typed.
 */
void
vecinos_search_panel_set_text (VecinosSearchPanel *self,
                               const char         *text)
{
  g_return_if_fail (VECINOS_IS_SEARCH_PANEL (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  search_changed (self);
}

GtkWidget *
vecinos_search_panel_get_entry (VecinosSearchPanel *self)
{
  g_return_val_if_fail (VECINOS_IS_SEARCH_PANEL (self), NULL);
  return GTK_WIDGET (self->entry);
}

GtkWidget *
vecinos_search_panel_get_list (VecinosSearchPanel *self)
{
  g_return_val_if_fail (VECINOS_IS_SEARCH_PANEL (self), NULL);
  return GTK_WIDGET (self->list);
}

guint
vecinos_search_panel_get_n_results (VecinosSearchPanel *self)
{
  g_return_val_if_fail (VECINOS_IS_SEARCH_PANEL (self), 0);
  return self->results != NULL ? self->results->len : 0;
}

/**
 * vecinos_search_panel_get_result:
 *
 * Returns: (nullable): result @index, in the order listed
 */
const VecinosSearchResult *
vecinos_search_panel_get_result (VecinosSearchPanel *self,
                                 guint               index)
{
  g_return_val_if_fail (VECINOS_IS_SEARCH_PANEL (self), NULL);

  if (self->results == NULL || index >= self->results->len)
    return NULL;
  return g_ptr_array_index (self->results, index);
}

const char *
vecinos_search_panel_get_status (VecinosSearchPanel *self)
{
  g_return_val_if_fail (VECINOS_IS_SEARCH_PANEL (self), NULL);
  return gtk_label_get_text (self->status);
}

/**
 * vecinos_search_panel_activate_result:
 *
 * Emits ::result-activated for result @index, as a click or Enter would.
 */
void
vecinos_search_panel_activate_result (VecinosSearchPanel *self,
                                      guint               index)
{
  const VecinosSearchResult *result = vecinos_search_panel_get_result (self, index);

  if (result != NULL)
    g_signal_emit (self, signals[RESULT_ACTIVATED], 0, (int) result->kind, result->ref);
}
