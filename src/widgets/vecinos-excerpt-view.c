/* vecinos-excerpt-view.c — one document excerpt, as a quotation
 *
 * The same excerpt appears beside an event (with who wrote it and every
 * number it claims compared at once) and in its document (numbered, with
 * the events and series it discusses as buttons and its numbers
 * highlighted in the text: activating one shows the official figure).
 * Vecinos' translation is always labelled as ours, with the author's words
 * one click away. Text is real, selectable text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vecinos-excerpt-view.h"
#include "vecinos-uri.h"

struct _VecinosExcerptView
{
  GtkWidget               parent_instance;

  VecinosExcerpt         *excerpt;
  VecinosExcerptViewMode  mode;
  gboolean                translated;
  GPtrArray              *comparisons;   /* of GtkLabel, one per claim */

  /* Template widgets */
  GtkWidget              *actions;
  GtkLabel               *attribution;
  GtkBox                 *box;
  GtkWidget              *original;      /* an expander with the author's words */
  GtkLabel               *original_label;
  GtkLabel               *quote;
  GtkWidget              *translation_note;
};

G_DEFINE_FINAL_TYPE (VecinosExcerptView, vecinos_excerpt_view, GTK_TYPE_WIDGET)


static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The author's words as markup, each number a claim states made a link
 * ("claim:N") that shows its comparison */
static char *
original_markup (const VecinosExcerpt *excerpt,
                 gboolean              links)
{
  GString *markup = g_string_new (NULL);
  const char *rest = excerpt->text;

  for (guint i = 0; links && i < excerpt->claims->len; i++)
    {
      const VecinosClaim *claim = g_ptr_array_index (excerpt->claims, i);
      const char *found = claim->text != NULL && *claim->text != '\0' ? strstr (rest, claim->text) : NULL;
      g_autofree char *before = NULL, *words = NULL;

      /* Claims are verbatim and in order; one that is not found further
       * on is left unmarked (its comparison is still offered below) */
      if (found == NULL)
        continue;
      before = g_markup_escape_text (rest, found - rest);
      words = g_markup_escape_text (claim->text, -1);
      g_string_append_printf (markup, "%s<a href=\"claim:%u\">%s</a>", before, i, words);
      rest = found + strlen (claim->text);
    }
  {
    g_autofree char *tail = g_markup_escape_text (rest, -1);
    g_string_append (markup, tail);
  }
  return g_string_free (markup, FALSE);
}

/* The comparison of a claim, with a link to where the official figure is
 * published */
static GtkWidget *
comparison_label (const VecinosClaim *claim)
{
  g_autofree char *comparison = vecinos_claim_format_comparison (claim);
  g_autofree char *markup = NULL;
  GtkWidget *label = text_label (NULL, "claim");

  if (claim->official_source_url != NULL)
    {
      /* A link only to a web or e-mail address (vecinos-uri.c) */
      g_autofree char *text = g_markup_escape_text (comparison, -1);
      g_autofree char *link = vecinos_uri_link_markup (claim->official_source_url, _("Official source"));

      markup = g_strdup_printf ("%s %s", text, link);
    }
  else
    markup = g_markup_escape_text (comparison, -1);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  return label;
}

static gboolean
link_activated (GtkLabel           *label,
                const char         *uri,
                VecinosExcerptView *self)
{
  guint64 index;

  /* A web or e-mail address: the default handler opens it; nothing else
   * is ever launched (only vecinos_uri_link_markup() makes links) */
  if (!g_str_has_prefix (uri, "claim:"))
    return !vecinos_uri_is_openable (uri);
  if (g_ascii_string_to_unsigned (uri + strlen ("claim:"), 10, 0, G_MAXUINT, &index, NULL))
    vecinos_excerpt_view_show_claim (self, index);
  return TRUE;
}

static void
claim_button_clicked (GtkButton          *button,
                      VecinosExcerptView *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "claim"));
  GtkWidget *label = g_ptr_array_index (self->comparisons, index);

  gtk_widget_set_visible (label, !gtk_widget_get_visible (label));
}

/* A row of buttons, one per event or series, wrapping on a narrow page;
 * each opens its record through the window's @action (win.show-event,
 * win.show-series) */
static GtkWidget *
refs_row (VecinosExcerptView *self,
          const char         *heading,
          GPtrArray          *refs,
          const char         *action)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 6);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  for (guint i = 0; i < refs->len; i++)
    {
      const VecinosSeriesRef *ref = g_ptr_array_index (refs, i);
      GtkWidget *button = gtk_button_new_with_label (ref->name);

      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", ref->slug);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), button);
      /* The flow box's own cells take no focus: the buttons do */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), flow);
  return box;
}

static void
copy_clicked (VecinosExcerptView *self)
{
  g_autofree char *quotation = vecinos_excerpt_view_copy_quotation (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), quotation);
}

/* Adds @part below the excerpt's text, before its actions */
static void
append_part (VecinosExcerptView *self,
             GtkWidget          *part)
{
  gtk_box_insert_child_after (self->box, part, gtk_widget_get_prev_sibling (self->actions));
}

static void
build (VecinosExcerptView *self)
{
  const VecinosExcerpt *excerpt = self->excerpt;
  gboolean in_document = self->mode == VECINOS_EXCERPT_VIEW_IN_DOCUMENT;
  GtkWidget *button, *cell;

  if (in_document)
    {
      g_autofree char *heading = NULL;

      if (excerpt->categories != NULL)
        /* Translators: an excerpt's number in its document, then its categories */
        heading = g_strdup_printf (_("Excerpt %1$u · %2$s"), excerpt->ordinal, excerpt->categories);
      else
        /* Translators: an excerpt's number in its document */
        heading = g_strdup_printf (_("Excerpt %u"), excerpt->ordinal);
      gtk_label_set_text (self->attribution, heading);
      gtk_box_reorder_child_after (self->box, GTK_WIDGET (self->attribution), NULL);
    }
  else
    {
      g_autofree char *attribution = vecinos_excerpt_format_attribution (excerpt);
      gtk_label_set_text (self->attribution, attribution);
    }

  {
    g_autofree char *markup = original_markup (excerpt, in_document);

    gtk_label_set_markup (self->original_label, markup);
  }

  /* The numbers it claims: beside an event all compared at once; in the
   * document each behind its button (and its link in the text) */
  self->comparisons = g_ptr_array_new ();
  for (guint i = 0; i < excerpt->claims->len; i++)
    {
      const VecinosClaim *claim = g_ptr_array_index (excerpt->claims, i);
      GtkWidget *label = comparison_label (claim);

      if (in_document)
        {
          g_autofree char *text = NULL;

          /* Translators: a button under an excerpt: %s is the number the
           * document states */
          text = g_strdup_printf (_("Check “%s”"), claim->text);
          button = gtk_button_new_with_label (text);
          gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
          gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_halign (button, GTK_ALIGN_START);
          g_object_set_data (G_OBJECT (button), "claim", GUINT_TO_POINTER (i));
          g_signal_connect (button, "clicked", G_CALLBACK (claim_button_clicked), self);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_CONTROLS,
                                          label, NULL, -1);
          append_part (self, button);
          gtk_widget_set_visible (label, FALSE);
        }
      append_part (self, label);
      g_ptr_array_add (self->comparisons, label);
    }

  if (in_document && excerpt->events != NULL && excerpt->events->len > 0)
    append_part (self, refs_row (self, _("Events it discusses"), excerpt->events, "win.show-event"));
  if (in_document && excerpt->series != NULL && excerpt->series->len > 0)
    append_part (self, refs_row (self, _("Figures it discusses"), excerpt->series, "win.show-series"));

  if (!in_document)
    {
      button = gtk_button_new_with_mnemonic (_("Read in the _Document"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-excerpt");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", excerpt->slug);
      cell = gtk_flow_box_child_new ();
      gtk_widget_set_focusable (cell, FALSE);
      gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (cell), button);
      gtk_flow_box_append (GTK_FLOW_BOX (self->actions), cell);
    }

  /* What a screen reader calls it: its number in its document, or beside
   * an event the document */
  if (in_document)
    {
      /* Translators: what a screen reader calls an excerpt: its number */
      g_autofree char *label = g_strdup_printf (_("Excerpt %u"), excerpt->ordinal);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    excerpt->document_title, -1);
}

static void
update_text (VecinosExcerptView *self)
{
  gboolean translated = self->translated && self->excerpt->translation != NULL;

  if (translated)
    gtk_label_set_text (self->quote, self->excerpt->translation);
  else
    {
      g_autofree char *markup = original_markup (self->excerpt,
                                                 self->mode == VECINOS_EXCERPT_VIEW_IN_DOCUMENT);
      gtk_label_set_markup (self->quote, markup);
    }
  gtk_widget_set_visible (self->translation_note, translated);
  gtk_widget_set_visible (self->original, translated);
}

static void
vecinos_excerpt_view_dispose (GObject *object)
{
  VecinosExcerptView *self = VECINOS_EXCERPT_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VECINOS_TYPE_EXCERPT_VIEW);
  g_clear_pointer (&self->comparisons, g_ptr_array_unref);
  g_clear_pointer (&self->excerpt, vecinos_excerpt_free);

  G_OBJECT_CLASS (vecinos_excerpt_view_parent_class)->dispose (object);
}

static void
vecinos_excerpt_view_class_init (VecinosExcerptViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vecinos_excerpt_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vecinos/Vecinos/widgets/vecinos-excerpt-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VecinosExcerptView, actions);
  gtk_widget_class_bind_template_child (widget_class, VecinosExcerptView, attribution);
  gtk_widget_class_bind_template_child (widget_class, VecinosExcerptView, box);
  gtk_widget_class_bind_template_child (widget_class, VecinosExcerptView, original);
  gtk_widget_class_bind_template_child (widget_class, VecinosExcerptView, original_label);
  gtk_widget_class_bind_template_child (widget_class, VecinosExcerptView, quote);
  gtk_widget_class_bind_template_child (widget_class, VecinosExcerptView, translation_note);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked);
  gtk_widget_class_bind_template_callback (widget_class, link_activated);
}

static void
vecinos_excerpt_view_init (VecinosExcerptView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vecinos_excerpt_view_new:
 * @excerpt: (transfer full): the excerpt, with its claims (and, in a
 *   document, its events and series)
 * @translated: show Vecinos' translation first, when there is one
 */
GtkWidget *
vecinos_excerpt_view_new (VecinosExcerpt         *excerpt,
                          VecinosExcerptViewMode  mode,
                          gboolean                translated)
{
  VecinosExcerptView *self = g_object_new (VECINOS_TYPE_EXCERPT_VIEW, NULL);

  self->excerpt = excerpt;
  self->mode = mode;
  self->translated = translated;
  build (self);
  update_text (self);
  return GTK_WIDGET (self);
}

const VecinosExcerpt *
vecinos_excerpt_view_get_excerpt (VecinosExcerptView *self)
{
  g_return_val_if_fail (VECINOS_IS_EXCERPT_VIEW (self), NULL);
  return self->excerpt;
}

/**
 * vecinos_excerpt_view_set_translated:
 * @translated: Vecinos' translation (labelled) with the author's words in
 *   an expander, or the author's words alone
 */
void
vecinos_excerpt_view_set_translated (VecinosExcerptView *self,
                                     gboolean            translated)
{
  g_return_if_fail (VECINOS_IS_EXCERPT_VIEW (self));

  self->translated = translated;
  update_text (self);
}

/**
 * vecinos_excerpt_view_get_translated:
 *
 * Returns: whether Vecinos' translation is what is shown
 */
gboolean
vecinos_excerpt_view_get_translated (VecinosExcerptView *self)
{
  g_return_val_if_fail (VECINOS_IS_EXCERPT_VIEW (self), FALSE);
  return self->translated && self->excerpt->translation != NULL;
}

/**
 * vecinos_excerpt_view_get_quote:
 *
 * Returns: the text shown as the quotation, without markup
 */
const char *
vecinos_excerpt_view_get_quote (VecinosExcerptView *self)
{
  g_return_val_if_fail (VECINOS_IS_EXCERPT_VIEW (self), NULL);
  return gtk_label_get_text (self->quote);
}

/**
 * vecinos_excerpt_view_show_claim:
 * @index: a claim of the excerpt
 *
 * Shows the official figure beside the number the document states, and
 * moves the keyboard there so that a screen reader reads it.
 */
void
vecinos_excerpt_view_show_claim (VecinosExcerptView *self,
                                 guint               index)
{
  GtkWidget *label;

  g_return_if_fail (VECINOS_IS_EXCERPT_VIEW (self));

  if (index >= self->comparisons->len)
    return;
  label = g_ptr_array_index (self->comparisons, index);
  gtk_widget_set_visible (label, TRUE);
  gtk_widget_grab_focus (label);
  gtk_label_select_region (GTK_LABEL (label), 0, 0);
}

/**
 * vecinos_excerpt_view_get_comparison:
 *
 * Returns: (nullable): the comparison of claim @index when it is shown
 */
const char *
vecinos_excerpt_view_get_comparison (VecinosExcerptView *self,
                                     guint               index)
{
  GtkWidget *label;

  g_return_val_if_fail (VECINOS_IS_EXCERPT_VIEW (self), NULL);

  if (index >= self->comparisons->len)
    return NULL;
  label = g_ptr_array_index (self->comparisons, index);
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/**
 * vecinos_excerpt_view_copy_quotation:
 *
 * Returns: what Copy Quotation puts on the clipboard: the quotation as
 *   shown (our translation is labelled as ours) with its full citation
 */
char *
vecinos_excerpt_view_copy_quotation (VecinosExcerptView *self)
{
  g_return_val_if_fail (VECINOS_IS_EXCERPT_VIEW (self), NULL);
  return vecinos_excerpt_format_quotation (self->excerpt, vecinos_excerpt_view_get_translated (self));
}

/**
 * vecinos_excerpt_view_focus_quote:
 *
 * Moves the keyboard to the quotation (the view scrolls to it).
 */
gboolean
vecinos_excerpt_view_focus_quote (VecinosExcerptView *self)
{
  gboolean focused;

  g_return_val_if_fail (VECINOS_IS_EXCERPT_VIEW (self), FALSE);

  focused = gtk_widget_grab_focus (GTK_WIDGET (self->quote));
  /* Focused, not selected: a selectable label selects all it holds */
  gtk_label_select_region (self->quote, 0, 0);
  return focused;
}
