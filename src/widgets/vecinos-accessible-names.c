/* vecinos-accessible-names.c — names a screen reader hears where GTK 4.8
 * gives none (or a class name) of its own
 *
 * GTK 4.8's AT-SPI bridge names a node that has no label by its class
 * ("GtkScrollbar", "GtkBuiltinIcon"), reads a button's mnemonic with its
 * underscore, and names a button whose label has a mnemonic twice (its
 * label property, then the label that points at it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-accessible-names.h"

/**
 * vecinos_accessible_name_mnemonic:
 * @mnemonic: the label @widget shows, with its mnemonic ("Copy _Quotation")
 *
 * Names @widget once, by @mnemonic without its underscores.
 */
void
vecinos_accessible_name_mnemonic (GtkWidget  *widget,
                                  const char *mnemonic)
{
  GString *name = g_string_new (NULL);

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (mnemonic != NULL);

  /* "__" is a shown underscore; "_x" marks x */
  for (const char *c = mnemonic; *c != '\0'; c++)
    {
      if (*c == '_')
        {
          if (c[1] == '_')
            c++;
          else
            continue;
        }
      g_string_append_c (name, *c);
    }
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  g_string_free (name, TRUE);
}

/**
 * vecinos_accessible_name_scrollbars:
 * @name: what scrolling it does ("Scroll the document")
 *
 * Names @scrolled's scroll bars, and hides their inner parts.
 */
void
vecinos_accessible_name_scrollbars (GtkScrolledWindow *scrolled,
                                    const char        *name)
{
  GtkWidget *bars[] = { gtk_scrolled_window_get_vscrollbar (scrolled),
                        gtk_scrolled_window_get_hscrollbar (scrolled) };

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scrolled));

  for (guint i = 0; i < G_N_ELEMENTS (bars); i++)
    {
      if (bars[i] == NULL)
        continue;
      gtk_accessible_update_property (GTK_ACCESSIBLE (bars[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      for (GtkWidget *part = gtk_widget_get_first_child (bars[i]); part != NULL;
           part = gtk_widget_get_next_sibling (part))
        gtk_accessible_update_state (GTK_ACCESSIBLE (part), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
    }
}

/**
 * vecinos_accessible_hide_decoration:
 *
 * Hides from a screen reader the parts GTK draws inside @widget (a check
 * box's mark, an expander's arrow, a paned's handle): the widget itself
 * says its state.
 */
void
vecinos_accessible_hide_decoration (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* Private to GTK: known by their names only */
      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkBuiltinIcon") ||
          g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkPanedHandle"))
        gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      else
        vecinos_accessible_hide_decoration (child);
    }
}
