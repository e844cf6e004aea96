/* vecinos-link.c — a link a screen reader hears as a link
 *
 * GTK 4.8 gives the links inside a label no accessible role of their own:
 * Orca reads "• USTR" as text. A GtkLinkButton is a link, so a source
 * stands alone as one; its label wraps like the text around it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-link.h"

#include "vecinos-uri.h"

/**
 * vecinos_link_new:
 * @uri: the address, from a dataset (untrusted)
 * @text: what the link says
 *
 * Returns: (transfer floating): a link button to @uri, or, for an address
 *   Vecinos does not open (vecinos_uri_is_openable()), a label with @text
 */
GtkWidget *
vecinos_link_new (const char *uri,
                  const char *text)
{
  GtkWidget *link;
  GtkWidget *label;

  g_return_val_if_fail (text != NULL, NULL);

  if (uri != NULL && vecinos_uri_is_openable (uri))
    {
      link = gtk_link_button_new_with_label (uri, text);
      /* Its tooltip is the address */
      label = gtk_button_get_child (GTK_BUTTON (link));
    }
  else
    {
      link = label = gtk_label_new (text);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
    }
  gtk_widget_set_halign (link, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (link, "vecinos-link");
  return link;
}
