/* vecinos-empty-state.c — a view that has nothing to show says why
 *
 * The Charts and Documents views show the bundled dataset's figures and
 * documents; a teacher's own timeline has none. In place of its content
 * (the page's first child, in a GtkBinLayout) the page shows a sentence
 * saying so, and where the figures are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-empty-state.h"

#define EMPTY_STATE_NAME "vecinos-empty-state"

static GtkWidget *
find_label (GtkWidget *page)
{
  for (GtkWidget *child = gtk_widget_get_first_child (page); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_name (child), EMPTY_STATE_NAME) == 0)
      return child;
  return NULL;
}

/**
 * vecinos_empty_state_set:
 * @page: a view whose layout is a GtkBinLayout, its content its first child
 * @message: (nullable): why it is empty; %NULL shows the content again
 */
void
vecinos_empty_state_set (GtkWidget  *page,
                         const char *message)
{
  GtkWidget *label = find_label (page);
  GtkWidget *content = gtk_widget_get_first_child (page);

  g_return_if_fail (GTK_IS_WIDGET (page));

  if (label == NULL && message != NULL)
    {
      label = gtk_label_new (NULL);
      gtk_widget_set_name (label, EMPTY_STATE_NAME);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      gtk_widget_set_halign (label, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_start (label, 24);
      gtk_widget_set_margin_end (label, 24);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "title-4");
      gtk_widget_set_parent (label, page);
    }
  if (label != NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), message != NULL ? message : "");
      gtk_widget_set_visible (label, message != NULL);
    }
  if (content != NULL && content != label)
    gtk_widget_set_visible (content, message == NULL);
}

/**
 * vecinos_empty_state_clear:
 *
 * Takes the sentence out of @page, for its dispose.
 */
void
vecinos_empty_state_clear (GtkWidget *page)
{
  GtkWidget *label = find_label (page);

  if (label != NULL)
    gtk_widget_unparent (label);
}
