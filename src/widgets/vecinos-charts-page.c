/* vecinos-charts-page.c — the Charts view
 *
 * A sidebar lists the series by category, with a search field; choosing
 * one draws it beside, with its definition, caveats, definitional break and
 * source under the chart, and a button that copies a citation. Above the
 * chart: a second series to compare, indexes, per person, a logarithmic
 * axis; below it, the figures as a table and export to PNG, SVG, PDF and
 * CSV.
 *
 * The widgets are vecinos-charts-page.ui; the table's rows
 * vecinos-chart-table.c; Copy Citation and Export
 * vecinos-charts-page-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vecinos-charts-page-private.h"
#include "vecinos-chart-table.h"
#include "vecinos-empty-state.h"
#include "vecinos-link.h"
#include "vecinos-uri.h"
#include "vecinos-chart-load.h"

G_DEFINE_FINAL_TYPE (VecinosChartsPage, vecinos_charts_page, GTK_TYPE_WIDGET)

/* The slug of the series compared with the chosen one, or NULL */
static const char *
compare_slug (VecinosChartsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->compare);

  if (self->series == NULL || position == 0 || position == GTK_INVALID_LIST_POSITION ||
      position > self->series->len)
    return NULL;
  return ((VecinosSeriesRef *) g_ptr_array_index (self->series, position - 1))->slug;
}

/* "Show Data": the figures of the chart drawn, the compared series' after */
static void
fill_table (VecinosChartsPage *self)
{
  vecinos_chart_table_fill (self->rows, vecinos_chart_view_get_series (self->chart),
                            vecinos_chart_view_get_compare (self->chart));
}

/* The row open in the list: the chart shows its series */
static GtkListBoxRow *
current_row (VecinosChartsPage *self)
{
  return self->current >= 0 ? gtk_list_box_get_row_at_index (self->list, self->current) : NULL;
}

/* Marks @index as the row open, as a selected row looks and is announced:
 * the list selects nothing itself, so that moving in it opens nothing */
static void
mark_current (VecinosChartsPage *self,
              int                index)
{
  GtkListBoxRow *row = current_row (self);

  if (row != NULL)
    {
      gtk_widget_unset_state_flags (GTK_WIDGET (row), GTK_STATE_FLAG_SELECTED);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, FALSE, -1);
    }
  self->current = index;
  if ((row = current_row (self)) != NULL)
    {
      gtk_widget_set_state_flags (GTK_WIDGET (row), GTK_STATE_FLAG_SELECTED, FALSE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, TRUE, -1);
    }
}

/* A source's link and, with a second series, the name of the series it
 * is the source of */
static GtkWidget *
source_row (const VecinosSeries *series,
            gboolean             named)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_box_append (GTK_BOX (row), vecinos_link_new (series->source_url, series->source_org));
  if (named)
    {
      g_autofree char *text = g_strdup_printf ("(%s)", series->name);
      GtkWidget *name = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_box_append (GTK_BOX (row), name);
    }
  return row;
}

/* "Source: …", or with a second series "Sources: …" naming each series;
 * each source a link of its own */
static void
update_source (VecinosChartsPage   *self,
               const VecinosSeries *series,
               const VecinosSeries *compare)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->source_links))) != NULL)
    gtk_box_remove (self->source_links, child);
  g_free (self->source_text);
  gtk_label_set_text (self->source, compare == NULL ? _("Source:") : _("Sources:"));
  gtk_box_append (self->source_links, source_row (series, compare != NULL));
  if (compare == NULL)
    {
      self->source_text = g_strdup_printf ("%s %s", _("Source:"), series->source_org);
      return;
    }
  gtk_box_append (self->source_links, source_row (compare, TRUE));
  {
    /* Translators: the sources of two compared series: %1$s the first's
     * source, %2$s its name, %3$s the second's source, %4$s its name */
    g_autofree char *both = g_strdup_printf (_("%1$s (%2$s); %3$s (%4$s)"), series->source_org, series->name,
                                             compare->source_org, compare->name);

    self->source_text = g_strdup_printf ("%s %s", _("Sources:"), both);
  }
}

static void
apply_time_range (VecinosChartsPage *self)
{
  if (gtk_check_button_get_active (self->follow))
    vecinos_chart_view_set_time_range (self->chart, self->timeline_start, self->timeline_end);
  else
    vecinos_chart_view_set_time_range (self->chart, 0, 0);
}

/* Draws the chosen series as the controls above the chart ask */
static void
reload (VecinosChartsPage *self)
{
  GtkListBoxRow *row = current_row (self);
  const VecinosSeriesRef *ref;
  g_autoptr(GError) error = NULL;
  VecinosSeries *series = NULL, *compare = NULL;
  VecinosChartFlags flags = 0;
  g_autofree char *caveats = NULL;
  g_autoptr(GPtrArray) terms = NULL;

  if (row == NULL || self->dataset == NULL)
    return;
  ref = g_ptr_array_index (self->series, gtk_list_box_row_get_index (row));
  if (gtk_check_button_get_active (self->per_person))
    flags |= VECINOS_CHART_PER_PERSON;
  if (gtk_check_button_get_active (self->index))
    flags |= VECINOS_CHART_INDEX;
  if (!vecinos_chart_load (self->dataset, self->language, ref->slug, compare_slug (self), flags,
                           &series, &compare, &error))
    {
      /* Said where the definition goes; the chart stays as it was */
      gtk_label_set_text (self->definition, error->message);
      return;
    }

  gtk_label_set_text (self->definition, series->definition);
  if (series->caveats != NULL && series->break_note != NULL)
    caveats = g_strdup_printf ("%s %s", series->caveats, series->break_note);
  else
    caveats = g_strdup (series->caveats != NULL ? series->caveats : series->break_note);
  gtk_label_set_text (self->caveats, caveats ? caveats : "");
  gtk_widget_set_visible (GTK_WIDGET (self->caveats), caveats != NULL && !self->presenting);
  update_source (self, series, compare);
  _vecinos_charts_page_set_status (self, NULL);

  /* What cannot be asked of this chart is not offered (the logarithmic
   * scale follows the chart's log-scale-available: the .ui binds it). The
   * flow box's cell is made unavailable, not only the check: the flow box
   * moves Tab to its next available cell, and stopped at an empty one */
  gtk_widget_set_sensitive (self->per_person_cell, series->population != NULL);

  terms = vecinos_dataset_list_terms (self->dataset, self->language);
  /* The events a chart marks, read when a chart is first drawn (a
   * timeline of a million events without figures never is) */
  if (self->events == NULL)
    self->events = vecinos_dataset_list_events (self->dataset, self->language, NULL);
  vecinos_chart_view_set_series (self->chart, series, terms,
                                 vecinos_chart_events_for_category (self->events, series->category));
  vecinos_chart_view_set_compare (self->chart, compare, (flags & VECINOS_CHART_INDEX) != 0);
  apply_time_range (self);
  fill_table (self);
}

/* Draws the series of row @index and marks it open */
static void
open_row (VecinosChartsPage *self,
          int                index)
{
  const VecinosSeriesRef *ref;

  if (self->series == NULL || index < 0 || index >= (int) self->series->len)
    return;
  mark_current (self, index);
  /* A new indicator: per person only if it has a population */
  ref = g_ptr_array_index (self->series, index);
  if (!ref->has_population && gtk_check_button_get_active (self->per_person))
    {
      gtk_check_button_set_active (self->per_person, FALSE);   /* which reloads */
      return;
    }
  reload (self);
}

/* Enter, Space or a click on a row */
static void
row_activated (VecinosChartsPage *self,
               GtkListBoxRow     *row)
{
  open_row (self, gtk_list_box_row_get_index (row));
}

static void
show_data_toggled (VecinosChartsPage *self,
                   GtkToggleButton   *button)
{
  gtk_stack_set_visible_child_name (self->stack, gtk_toggle_button_get_active (button) ? "table" : "chart");
}

/* The search keeps the rows whose name or category holds every word typed,
 * accents and case ignored */
static gboolean
row_matches (GtkListBoxRow *row,
             gpointer       data)
{
  VecinosChartsPage *self = data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search));
  const VecinosSeriesRef *ref;
  g_autofree char *haystack = NULL;
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) tokens = NULL;
  g_auto(GStrv) alternates = NULL;

  if (query == NULL || *query == '\0')
    return TRUE;
  ref = g_ptr_array_index (self->series, gtk_list_box_row_get_index (row));
  haystack = g_strconcat (ref->name, " ", ref->category_name, " ", ref->slug, NULL);
  words = g_str_tokenize_and_fold (query, NULL, NULL);
  tokens = g_str_tokenize_and_fold (haystack, NULL, &alternates);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint t = 0; !found && tokens[t] != NULL; t++)
        found = g_str_has_prefix (tokens[t], words[i]);
      for (guint t = 0; !found && alternates != NULL && alternates[t] != NULL; t++)
        found = g_str_has_prefix (alternates[t], words[i]);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* The first row the search keeps, or NULL */
static GtkListBoxRow *
first_match (VecinosChartsPage *self)
{
  for (int i = 0; self->series != NULL && i < (int) self->series->len; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row_matches (row, self))
        return row;
    }
  return NULL;
}

/* Enter in the search: the first indicator that matches is drawn, and the
 * keyboard goes to it */
static void
search_activated (VecinosChartsPage *self)
{
  GtkListBoxRow *row = first_match (self);

  if (row == NULL)
    return;
  open_row (self, gtk_list_box_row_get_index (row));
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Down in the search: to the results, the first one, without opening it */
static gboolean
search_key_pressed (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    VecinosChartsPage     *self)
{
  GtkListBoxRow *row;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 ||
      (row = first_match (self)) == NULL)
    return FALSE;
  return gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* The list is one Tab stop. GtkListBox moves Tab from row to row (and
 * another view's list opened each row it passed): Tab in a row leaves the
 * list, and Tab into it lands on the row open */
static gboolean
vecinos_charts_page_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  VecinosChartsPage *self = VECINOS_CHARTS_PAGE (widget);
  GtkWidget *list = GTK_WIDGET (self->list);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkListBoxRow *row;
  gboolean moved;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (vecinos_charts_page_parent_class)->focus (widget, direction);

  if (focus != NULL && gtk_widget_is_ancestor (focus, list))
    {
      /* Skipped while the focus moves past it */
      gtk_widget_set_can_focus (list, FALSE);
      moved = GTK_WIDGET_CLASS (vecinos_charts_page_parent_class)->focus (widget, direction);
      gtk_widget_set_can_focus (list, TRUE);
      return moved;
    }

  moved = GTK_WIDGET_CLASS (vecinos_charts_page_parent_class)->focus (widget, direction);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  row = current_row (self);
  if (moved && focus != NULL && gtk_widget_is_ancestor (focus, list) && row != NULL &&
      focus != GTK_WIDGET (row) && gtk_widget_get_child_visible (GTK_WIDGET (row)))
    gtk_widget_grab_focus (GTK_WIDGET (row));
  return moved;
}

static void
search_changed (VecinosChartsPage *self)
{
  gtk_list_box_invalidate_filter (self->list);
}

/* A category's name above its first series */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       data)
{
  VecinosChartsPage *self = data;
  const VecinosSeriesRef *ref = g_ptr_array_index (self->series, gtk_list_box_row_get_index (row));
  const VecinosSeriesRef *previous = before ? g_ptr_array_index (self->series, gtk_list_box_row_get_index (before)) : NULL;

  if (previous == NULL || !g_str_equal (previous->category, ref->category))
    {
      GtkWidget *header = gtk_label_new (ref->category_name);

      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_set_margin_top (header, 12);
      gtk_widget_set_margin_start (header, 8);
      gtk_widget_set_margin_bottom (header, 4);
      gtk_list_box_row_set_header (row, header);
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

/* @label without its mnemonic underscores: GTK 4.8 names a button or a
 * check by its label as written ("Copy _Citation"), and reads a button's
 * label twice */
static char *
strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *c = label; *c != '\0'; c++)
    {
      if (*c == '_')
        {
          if (c[1] != '_')
            continue;
          c++;
        }
      g_string_append_c (out, *c);
    }
  return g_string_free (out, FALSE);
}

/* Names every button and check under @widget by its label, once and
 * without underscores */
static void
name_buttons (GtkWidget *widget)
{
  const char *label = NULL;

  if (GTK_IS_CHECK_BUTTON (widget))
    label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  else if (GTK_IS_MENU_BUTTON (widget))
    label = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    /* Its label widget names it already: the label as written came first */
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
  if (label != NULL)
    {
      g_autofree char *name = strip_mnemonic (label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_buttons (child);
}

/* A drop-down's button, which takes the focus, is named by the drop-down's
 * label and the value chosen ("Compare with: Nothing"), not "GtkToggleButton" */
static void
name_drop_down (GtkDropDown *drop_down,
                GParamSpec  *pspec,
                GtkLabel    *label)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
  GtkStringObject *item = GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (drop_down));
  g_autofree char *what = strip_mnemonic (gtk_label_get_label (label));
  g_autofree char *name = NULL;

  if (button == NULL)
    return;
  /* Translators: a drop-down as a screen reader names it: %1$s what it
   * chooses, %2$s the value chosen */
  name = item != NULL ? g_strdup_printf (_("%1$s: %2$s"), what, gtk_string_object_get_string (item))
                      : g_strdup (what);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
vecinos_charts_page_dispose (GObject *object)
{
  VecinosChartsPage *self = VECINOS_CHARTS_PAGE (object);

  vecinos_empty_state_clear (GTK_WIDGET (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), VECINOS_TYPE_CHARTS_PAGE);
  g_clear_pointer (&self->source_text, g_free);
  g_clear_object (&self->dataset);
  g_clear_object (&self->events);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (vecinos_charts_page_parent_class)->dispose (object);
}

static void
vecinos_charts_page_class_init (VecinosChartsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vecinos_charts_page_dispose;
  widget_class->focus = vecinos_charts_page_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* A group, not a "filler" named by its class */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (VECINOS_TYPE_CHART_VIEW);
  g_type_ensure (VECINOS_TYPE_CHART_TABLE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/vecinos/Vecinos/widgets/vecinos-charts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, caveats);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, chart);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, compare);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, compare_label);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, definition);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, export_size);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, export_size_label);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, follow);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, index);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, list);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, actions);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, options);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, per_person);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, per_person_cell);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, rows);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, search);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, source);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, source_links);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, status);
  gtk_widget_class_bind_template_child (widget_class, VecinosChartsPage, table);
  gtk_widget_class_bind_template_callback (widget_class, apply_time_range);
  gtk_widget_class_bind_template_callback (widget_class, reload);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
  gtk_widget_class_bind_template_callback (widget_class, search_activated);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, show_data_toggled);

  _vecinos_charts_page_class_actions_init (klass);
}

static void
vecinos_charts_page_init (VecinosChartsPage *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->current = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (self->list, row_matches, self, NULL);
  gtk_list_box_set_header_func (self->list, update_header, self, NULL);
  /* Before the entry's text takes Down for itself */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search), keys);

  name_buttons (GTK_WIDGET (self));
  g_signal_connect (self->compare, "notify::selected", G_CALLBACK (name_drop_down), self->compare_label);
  g_signal_connect (self->export_size, "notify::selected", G_CALLBACK (name_drop_down), self->export_size_label);
  name_drop_down (self->compare, NULL, self->compare_label);
  name_drop_down (self->export_size, NULL, self->export_size_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_stack_get_page (self->stack, GTK_WIDGET (self->chart))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_stack_get_page (self->stack,
                                                                      gtk_stack_get_child_by_name (self->stack, "table"))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Figures of the chart"), -1);
  _vecinos_chart_table_set_up_columns (self->table);
}

/* The series first shown: the one with the longest record (the most
 * figures; of those, the first listed), not a sparse one that happens to
 * be listed first */
static int
longest_record (VecinosChartsPage *self)
{
  int best = -1;
  guint most = 0;

  for (guint i = 0; i < self->series->len; i++)
    {
      const VecinosSeriesRef *ref = g_ptr_array_index (self->series, i);
      g_autoptr(VecinosSeries) series = vecinos_dataset_get_series (self->dataset, ref->slug,
                                                                    self->language, NULL);

      if (series != NULL && (best < 0 || series->points->len > most))
        {
          best = i;
          most = series->points->len;
        }
    }
  return best;
}

/**
 * vecinos_charts_page_set_dataset:
 * @dataset: (nullable): the dataset whose figures are charted
 */
void
vecinos_charts_page_set_dataset (VecinosChartsPage *self,
                                 VecinosDataset    *dataset,
                                 const char        *language)
{
  g_autoptr(GtkStringList) names = NULL;
  GtkWidget *child;

  g_return_if_fail (VECINOS_IS_CHARTS_PAGE (self));

  g_set_object (&self->dataset, dataset);
  g_clear_object (&self->events);
  g_free (self->language);
  self->language = g_strdup (language);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  self->current = -1;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  vecinos_chart_view_set_series (self->chart, NULL, NULL, NULL);
  fill_table (self);
  if (dataset == NULL)
    return;

  self->series = vecinos_dataset_list_series (dataset, language);
  vecinos_empty_state_set (GTK_WIDGET (self), self->series->len > 0 ? NULL
                           : _("This timeline has no figures to chart. The indicators come with the bundled "
                               "dataset: open it from the main menu, Bundled Timeline."));
  names = gtk_string_list_new (NULL);
  /* Translators: in "Compare with", no second series */
  gtk_string_list_append (names, _("Nothing"));
  for (guint i = 0; i < self->series->len; i++)
    {
      const VecinosSeriesRef *ref = g_ptr_array_index (self->series, i);
      GtkWidget *label = gtk_label_new (ref->name);

      gtk_string_list_append (names, ref->name);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_list_box_append (self->list, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (label)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, ref->name, -1);
    }
  g_signal_handlers_block_by_func (self->compare, reload, self);
  gtk_drop_down_set_model (self->compare, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->compare, 0);
  g_signal_handlers_unblock_by_func (self->compare, reload, self);
  open_row (self, longest_record (self));
}

/**
 * vecinos_charts_page_show_series:
 * @slug: a series id
 *
 * Returns: whether the dataset has that series
 */
gboolean
vecinos_charts_page_show_series (VecinosChartsPage *self,
                                 const char        *slug)
{
  g_return_val_if_fail (VECINOS_IS_CHARTS_PAGE (self), FALSE);

  for (guint i = 0; self->series != NULL && i < self->series->len; i++)
    if (g_str_equal (((VecinosSeriesRef *) g_ptr_array_index (self->series, i))->slug, slug))
      {
        open_row (self, i);
        return TRUE;
      }
  return FALSE;
}

/**
 * vecinos_charts_page_set_timeline_range:
 * @start: the first year the timeline shows, fractional
 * @end: the last
 *
 * Kept for "Same years as the timeline", and applied at once when it is on.
 */
void
vecinos_charts_page_set_timeline_range (VecinosChartsPage *self,
                                        double             start,
                                        double             end)
{
  g_return_if_fail (VECINOS_IS_CHARTS_PAGE (self));

  self->timeline_start = start;
  self->timeline_end = end;
  apply_time_range (self);
}

/**
 * vecinos_charts_page_set_follow_timeline:
 */
void
vecinos_charts_page_set_follow_timeline (VecinosChartsPage *self,
                                         gboolean           follow)
{
  g_return_if_fail (VECINOS_IS_CHARTS_PAGE (self));
  gtk_check_button_set_active (self->follow, follow);
}

/**
 * vecinos_charts_page_set_options:
 * @compare: (nullable): a series id to compare with, or %NULL for none
 *
 * Sets the controls above the chart, as a user would.
 *
 * Returns: whether the dataset has the series to compare with
 */
gboolean
vecinos_charts_page_set_options (VecinosChartsPage *self,
                                 const char        *compare,
                                 gboolean           index,
                                 gboolean           per_person,
                                 gboolean           log_scale)
{
  guint position = 0;

  g_return_val_if_fail (VECINOS_IS_CHARTS_PAGE (self), FALSE);

  for (guint i = 0; compare != NULL && self->series != NULL && i < self->series->len; i++)
    if (g_str_equal (((VecinosSeriesRef *) g_ptr_array_index (self->series, i))->slug, compare))
      position = i + 1;
  gtk_drop_down_set_selected (self->compare, position);
  gtk_check_button_set_active (self->index, index);
  gtk_check_button_set_active (self->per_person, per_person);
  vecinos_chart_view_set_log_scale (self->chart, log_scale);
  return compare == NULL || position > 0;
}

/**
 * vecinos_charts_page_get_option_available:
 * @name: "per-person" or "log", the checks that can be unavailable
 *
 * Returns: whether that control can be used for the chart shown
 */
gboolean
vecinos_charts_page_get_option_available (VecinosChartsPage *self,
                                          const char        *name)
{
  g_return_val_if_fail (VECINOS_IS_CHARTS_PAGE (self), FALSE);

  if (g_str_equal (name, "per-person"))
    return gtk_widget_is_sensitive (GTK_WIDGET (self->per_person));
  if (g_str_equal (name, "log"))
    return vecinos_chart_view_get_log_scale_available (self->chart);
  g_return_val_if_reached (FALSE);
}

/**
 * vecinos_charts_page_get_option_active:
 * @name: "index", "per-person", "log" or "same-years"
 *
 * Returns: whether that check above the chart is on
 */
gboolean
vecinos_charts_page_get_option_active (VecinosChartsPage *self,
                                       const char        *name)
{
  static const char * const names[] = { "index", "per-person", "same-years" };
  GtkCheckButton *checks[] = { self->index, self->per_person, self->follow };

  g_return_val_if_fail (VECINOS_IS_CHARTS_PAGE (self), FALSE);

  if (g_str_equal (name, "log"))
    return vecinos_chart_view_get_log_scale (self->chart);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      return gtk_check_button_get_active (checks[i]);
  g_return_val_if_reached (FALSE);
}

VecinosChartView *
vecinos_charts_page_get_chart (VecinosChartsPage *self)
{
  g_return_val_if_fail (VECINOS_IS_CHARTS_PAGE (self), NULL);
  return self->chart;
}

GtkWidget *
vecinos_charts_page_get_list (VecinosChartsPage *self)
{
  g_return_val_if_fail (VECINOS_IS_CHARTS_PAGE (self), NULL);
  return GTK_WIDGET (self->list);
}

/**
 * vecinos_charts_page_get_table:
 *
 * Returns: (transfer none): "Show Data"'s table; its rows are the chart's
 *   figures in order
 */
GtkColumnView *
vecinos_charts_page_get_table (VecinosChartsPage *self)
{
  g_return_val_if_fail (VECINOS_IS_CHARTS_PAGE (self), NULL);
  return self->table;
}

/**
 * vecinos_charts_page_get_text:
 * @part: "definition", "caveats" or "source"
 */
const char *
vecinos_charts_page_get_text (VecinosChartsPage *self,
                              const char        *part)
{
  g_return_val_if_fail (VECINOS_IS_CHARTS_PAGE (self), NULL);

  if (g_str_equal (part, "definition"))
    return gtk_label_get_text (self->definition);
  if (g_str_equal (part, "caveats"))
    return gtk_label_get_text (self->caveats);
  if (g_str_equal (part, "source"))
    return self->source_text != NULL ? self->source_text : "";
  g_return_val_if_reached (NULL);
}

/**
 * vecinos_charts_page_save_state:
 *
 * Writes the chart shown — its series, the one compared with it and the
 * options above it — to @context.
 */
void
vecinos_charts_page_save_state (VecinosChartsPage *self,
                                VecinosContext    *context)
{
  GtkListBoxRow *row;

  g_return_if_fail (VECINOS_IS_CHARTS_PAGE (self));

  row = current_row (self);
  vecinos_context_set_series (context, row != NULL && self->series != NULL
                              ? ((VecinosSeriesRef *) g_ptr_array_index (self->series,
                                                                         gtk_list_box_row_get_index (row)))->slug
                              : NULL);
  vecinos_context_set_compare (context, compare_slug (self));
  vecinos_context_set_index (context, gtk_check_button_get_active (self->index));
  vecinos_context_set_per_person (context, gtk_check_button_get_active (self->per_person));
  vecinos_context_set_log_scale (context, vecinos_chart_view_get_log_scale (self->chart));
  vecinos_context_set_same_years (context, gtk_check_button_get_active (self->follow));
}

/**
 * vecinos_charts_page_restore_state:
 *
 * Shows the chart @context holds, as vecinos_charts_page_save_state() left it.
 */
void
vecinos_charts_page_restore_state (VecinosChartsPage *self,
                                   VecinosContext    *context)
{
  g_return_if_fail (VECINOS_IS_CHARTS_PAGE (self));

  if (vecinos_context_get_series (context) != NULL)
    vecinos_charts_page_show_series (self, vecinos_context_get_series (context));
  vecinos_charts_page_set_options (self, vecinos_context_get_compare (context),
                                   vecinos_context_get_index (context),
                                   vecinos_context_get_per_person (context),
                                   vecinos_context_get_log_scale (context));
  gtk_check_button_set_active (self->follow, vecinos_context_get_same_years (context));
}

/**
 * vecinos_charts_page_set_presenting:
 *
 * In front of a class the list of indicators, the chart's options, its
 * long definition and notes and its buttons step aside: the chart takes
 * the page, with its title, legend and source.
 */
void
vecinos_charts_page_set_presenting (VecinosChartsPage *self,
                                    gboolean           presenting)
{
  g_return_if_fail (VECINOS_IS_CHARTS_PAGE (self));
  self->presenting = presenting;
  gtk_widget_set_visible (gtk_paned_get_start_child (GTK_PANED (self->paned)), !presenting);
  gtk_widget_set_visible (self->options, !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->definition), !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->caveats),
                          !presenting && *gtk_label_get_text (self->caveats) != '\0');
  gtk_widget_set_visible (self->actions, !presenting);
  /* Titles at half as large again as the text: 6 % of the screen's height
   * where the text is 4 % (see vecinos-window.c) */
  vecinos_chart_view_set_title_scale (self->chart, presenting ? 1.5 : 1.0);
}
