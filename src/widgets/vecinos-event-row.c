/* vecinos-event-row.c — one event in the list: a category dot, the title,
 * and the date with the category's name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vecinos-event-row.h"

struct _VecinosEventRow
{
  GtkWidget  parent_instance;

  GtkWidget *dot;
  GtkWidget *title;
  GtkWidget *subtitle;
};

G_DEFINE_FINAL_TYPE (VecinosEventRow, vecinos_event_row, GTK_TYPE_WIDGET)

static void
vecinos_event_row_dispose (GObject *object)
{
  VecinosEventRow *self = VECINOS_EVENT_ROW (object);

  g_clear_pointer (&self->dot, gtk_widget_unparent);
  g_clear_pointer (&self->title, gtk_widget_unparent);
  g_clear_pointer (&self->subtitle, gtk_widget_unparent);

  G_OBJECT_CLASS (vecinos_event_row_parent_class)->dispose (object);
}

static void
vecinos_event_row_class_init (VecinosEventRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vecinos_event_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_GRID_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "eventrow");
}

static GtkWidget *
add_label (VecinosEventRow *self,
           int              column,
           int              row,
           GtkAccessibleRole role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", role,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   NULL);
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkGridLayoutChild *child;

  gtk_widget_set_parent (label, GTK_WIDGET (self));
  child = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, label));
  gtk_grid_layout_child_set_column (child, column);
  gtk_grid_layout_child_set_row (child, row);
  return label;
}

static void
vecinos_event_row_init (VecinosEventRow *self)
{
  GtkGridLayout *layout = GTK_GRID_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  gtk_grid_layout_set_column_spacing (layout, 8);
  gtk_grid_layout_set_row_spacing (layout, 2);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);

  /* The colour repeats the category named in the subtitle: decoration only */
  self->dot = add_label (self, 0, 0, GTK_ACCESSIBLE_ROLE_PRESENTATION);
  self->title = add_label (self, 1, 0, GTK_ACCESSIBLE_ROLE_LABEL);
  self->subtitle = add_label (self, 1, 1, GTK_ACCESSIBLE_ROLE_LABEL);

  /* Only the title needs wrapping: a wrapping label is measured for
   * height at each width asked, and GTK 4.8's list view makes a row for
   * up to 200 events at once */
  gtk_label_set_wrap (GTK_LABEL (self->dot), FALSE);
  gtk_label_set_wrap (GTK_LABEL (self->subtitle), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (self->subtitle), PANGO_ELLIPSIZE_END);
  gtk_label_set_use_markup (GTK_LABEL (self->dot), TRUE);
  gtk_widget_set_valign (self->dot, GTK_ALIGN_START);
  gtk_widget_set_hexpand (self->title, TRUE);
  gtk_widget_add_css_class (self->title, "event-row-title");
  gtk_widget_add_css_class (self->subtitle, "dim-label");
}

GtkWidget *
vecinos_event_row_new (void)
{
  return g_object_new (VECINOS_TYPE_EVENT_ROW, NULL);
}

void
vecinos_event_row_set_event (VecinosEventRow *self,
                             VecinosEvent    *event)
{
  g_autofree char *dot = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (VECINOS_IS_EVENT_ROW (self));
  g_return_if_fail (VECINOS_IS_EVENT (event));

  /* The dataset reader lets only #RRGGBB colours through; escaped all the
   * same, as everything that reaches markup */
  dot = g_markup_printf_escaped ("<span foreground=\"%s\">●</span>", vecinos_event_get_color (event));
  date = vecinos_event_format_date (event);
  /* Translators: under an event's title: its date, then its category */
  subtitle = g_strdup_printf (_("%1$s · %2$s"), date, vecinos_event_get_category_name (event));

  gtk_label_set_markup (GTK_LABEL (self->dot), dot);
  gtk_label_set_text (GTK_LABEL (self->title), vecinos_event_get_title (event));
  gtk_label_set_text (GTK_LABEL (self->subtitle), subtitle);
}
