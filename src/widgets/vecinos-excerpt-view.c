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
#include "vecinos-accessible-names.h"
#include "vecinos-language.h"
#include "vecinos-link.h"
#include "vecinos-uri.h"

struct _VecinosExcerptView
{
  GtkWidget               parent_instance;

  VecinosExcerpt         *excerpt;
  VecinosExcerptViewMode  mode;
  gboolean                translated;
  char                   *original_language;     /* the author's, when not the interface's */
  char                   *translation_language;  /* ours, when not the interface's */
  GPtrArray              *comparisons;   /* of GtkLabel, one per claim */
  GPtrArray              *claim_buttons; /* of GtkButton, in a document */

  /* Template widgets */
  GtkWidget              *actions;
  GtkLabel               *attribution;
  GtkBox                 *box;
  GtkWidget              *copy;
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
                 gboolean              links,
                 const char           *language)
{
  GString *markup = g_string_new (NULL);
  const char *rest = excerpt->text;

  /* Their language, for Pango (hyphenation, fonts) and what reads it */
  if (language != NULL)
    g_string_append_printf (markup, "<span lang=\"%s\">", language);

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
  if (language != NULL)
    g_string_append (markup, "</span>");
  return g_string_free (markup, FALSE);
}

/* The comparison of a claim, with a link to where the official figure is
 * published */
static GtkWidget *
comparison_label (const VecinosClaim *claim)
{
  g_autofree char *comparison = vecinos_claim_format_comparison (claim);

  return text_label (comparison, "claim");
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

/* A flow box's cell for @button: it takes no focus (the button does), and
 * is a plain group, not a table's cell */
static GtkWidget *
button_cell (GtkWidget *button)
{
  GtkWidget *cell = g_object_new (GTK_TYPE_FLOW_BOX_CHILD, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                  "focusable", FALSE, "child", button, NULL);

  return cell;
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
  /* A group of buttons, not a table (GTK's role for a flow box) */
  GtkWidget *flow = g_object_new (GTK_TYPE_FLOW_BOX, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);

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
      gtk_flow_box_append (GTK_FLOW_BOX (flow), button_cell (button));
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
  GtkWidget *button;

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
      /* A heading, not text to copy: no Tab stop */
      gtk_label_set_selectable (self->attribution, FALSE);
      gtk_box_reorder_child_after (self->box, GTK_WIDGET (self->attribution), NULL);
    }
  else
    {
      g_autofree char *attribution = vecinos_excerpt_format_attribution (excerpt);
      gtk_label_set_text (self->attribution, attribution);
    }

  /* The numbers it claims: beside an event all compared at once; in the
   * document each behind its button (and its link in the text) */
  self->comparisons = g_ptr_array_new ();
  self->claim_buttons = g_ptr_array_new ();
  for (guint i = 0; i < excerpt->claims->len; i++)
    {
      const VecinosClaim *claim = g_ptr_array_index (excerpt->claims, i);
      GtkWidget *label = comparison_label (claim);

      if (in_document)
        {
          g_autofree char *text = NULL;

          /* Translators: a button under an excerpt: %s is the number the
           * document states */
          text = g_strdup_printf (_("Check “%s”"), vecinos_claim_get_words (claim));
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
          g_ptr_array_add (self->claim_buttons, button);
          gtk_widget_set_visible (label, FALSE);
        }
      append_part (self, label);
      g_ptr_array_add (self->comparisons, label);
      /* The official figure's source under it, a link of its own (GTK 4.8
       * gives a link inside a label no link role), shown with it */
      if (claim->official_source_url != NULL)
        {
          GtkWidget *link = vecinos_link_new (claim->official_source_url, _("Official source"));

          g_object_bind_property (label, "visible", link, "visible", G_BINDING_SYNC_CREATE);
          append_part (self, link);
        }
    }

  if (in_document && excerpt->events != NULL && excerpt->events->len > 0)
    append_part (self, refs_row (self, _("Events it discusses"), excerpt->events, "win.show-event"));
  if (in_document && excerpt->series != NULL && excerpt->series->len > 0)
    append_part (self, refs_row (self, _("Figures it discusses"), excerpt->series, "win.show-series"));

  if (!in_document)
    {
      const char *read = _("Read in the _Document");

      button = gtk_button_new_with_mnemonic (read);
      vecinos_accessible_name_mnemonic (button, read);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-excerpt");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", excerpt->slug);
      gtk_flow_box_append (GTK_FLOW_BOX (self->actions), button_cell (button));
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

/* Sets @widget's description to the language of the text it shows
 * (the author's words if @original, else our translation) when that is
 * not the interface's ("In English: the author's words"); else none.
 * GTK 4.8 passes neither Pango's lang nor any other text attribute of a
 * label to AT-SPI: the description is what a screen reader can say */
static void
describe_language (VecinosExcerptView *self,
                   GtkWidget          *widget,
                   gboolean            original)
{
  const char *language = original ? self->original_language : self->translation_language;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  if (language == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }
  name = vecinos_language_get_name (language);
  if (original)
    /* Translators: what a screen reader says of the author's words shown in
     * another language than the interface: %s is that language ("English") */
    description = g_strdup_printf (_("In %s: the author’s words"), name);
  else
    /* Translators: what a screen reader says of Vecinos' translation shown
     * in another language than the interface: %s is that language */
    description = g_strdup_printf (_("In %s: Vecinos translation"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
update_text (VecinosExcerptView *self)
{
  gboolean translated = self->translated && self->excerpt->translation != NULL;
  gboolean links = self->mode == VECINOS_EXCERPT_VIEW_IN_DOCUMENT;
  g_autofree char *original = original_markup (self->excerpt, links, self->original_language);

  if (translated && self->translation_language != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (self->excerpt->translation, -1);
      g_autofree char *markup = g_strdup_printf ("<span lang=\"%s\">%s</span>", self->translation_language, escaped);

      gtk_label_set_markup (self->quote, markup);
    }
  else if (translated)
    gtk_label_set_text (self->quote, self->excerpt->translation);
  else
    gtk_label_set_markup (self->quote, original);
  gtk_label_set_markup (self->original_label, original);
  gtk_widget_set_visible (self->translation_note, translated);
  gtk_widget_set_visible (self->original, translated);

  /* The quotation, the author's words under it, and each number quoted
   * from them, said in their language */
  describe_language (self, GTK_WIDGET (self->quote), !translated);
  describe_language (self, GTK_WIDGET (self->original_label), TRUE);
  /* A button quotes the translation's words when Vecinos' translation has
   * them; else the author's, in their language */
  for (guint i = 0; i < self->claim_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->claim_buttons, i);
      const VecinosClaim *claim = g_ptr_array_index (self->excerpt->claims,
                                                     GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "claim")));

      if (claim->translation != NULL)
        gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      else
        describe_language (self, button, TRUE);
    }
  for (guint i = 0; i < self->comparisons->len; i++)
    describe_language (self, g_ptr_array_index (self->comparisons, i), TRUE);
}

/* GTK 4.8's expander offers Tab to its child even when collapsed, out of
 * the window: the author's words, a selectable label, then say they took
 * the focus and Tab stays on the expander for good. Folded, they are no
 * place for the keyboard */
static void
original_expanded (VecinosExcerptView *self)
{
  gtk_widget_set_can_focus (GTK_WIDGET (self->original_label),
                            gtk_expander_get_expanded (GTK_EXPANDER (self->original)));
}

static void
vecinos_excerpt_view_dispose (GObject *object)
{
  VecinosExcerptView *self = VECINOS_EXCERPT_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VECINOS_TYPE_EXCERPT_VIEW);
  g_clear_pointer (&self->comparisons, g_ptr_array_unref);
  g_clear_pointer (&self->claim_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->original_language, g_free);
  g_clear_pointer (&self->translation_language, g_free);
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
  gtk_widget_class_bind_template_child (widget_class, VecinosExcerptView, copy);
  gtk_widget_class_bind_template_child (widget_class, VecinosExcerptView, original);
  gtk_widget_class_bind_template_child (widget_class, VecinosExcerptView, original_label);
  gtk_widget_class_bind_template_child (widget_class, VecinosExcerptView, quote);
  gtk_widget_class_bind_template_child (widget_class, VecinosExcerptView, translation_note);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked);
  gtk_widget_class_bind_template_callback (widget_class, link_activated);
  gtk_widget_class_bind_template_callback (widget_class, original_expanded);
}

static void
vecinos_excerpt_view_init (VecinosExcerptView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  original_expanded (self);
  /* Named for a screen reader: GTK 4.8 calls an expander "GtkExpander",
   * and a button with a mnemonic "Copy _Quotation Copy Quotation" */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->original), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_expander_get_label (GTK_EXPANDER (self->original)), -1);
  vecinos_accessible_hide_decoration (self->original);
  vecinos_accessible_name_mnemonic (self->copy, gtk_button_get_label (GTK_BUTTON (self->copy)));
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

/**
 * vecinos_excerpt_view_set_languages:
 * @original: (nullable): the language the author wrote in, when it is not
 *   the interface's
 * @translation: (nullable): the language of Vecinos' translation, when it
 *   is not the interface's
 *
 * Marks text in another language than the interface's with it: for Pango,
 * and for a screen reader, which hears "In English: the author's words"
 * after it.
 */
void
vecinos_excerpt_view_set_languages (VecinosExcerptView *self,
                                    const char         *original,
                                    const char         *translation)
{
  g_return_if_fail (VECINOS_IS_EXCERPT_VIEW (self));

  g_free (self->original_language);
  self->original_language = g_strdup (original);
  g_free (self->translation_language);
  self->translation_language = g_strdup (translation);
  update_text (self);
}

/**
 * vecinos_excerpt_view_has_focus:
 *
 * Returns: whether the keyboard is on the excerpt (on any of its parts)
 */
gboolean
vecinos_excerpt_view_has_focus (VecinosExcerptView *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (VECINOS_IS_EXCERPT_VIEW (self), FALSE);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
}
