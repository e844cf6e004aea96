/* vecinos-charts-page.c — the Charts view
 *
 * A sidebar lists the series by category, with a search field; choosing
 * one draws it beside, with its definition, caveats, definitional break and
 * source under the chart, and a button that copies a citation. Above the
 * chart: a second series to compare, indexes, per person, a logarithmic
 * axis; below it, the figures as a table and export to PNG, SVG, PDF and
 * CSV.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vecinos-charts-page.h"
#include "vecinos-uri.h"
#include "vecinos-chart-load.h"

struct _VecinosChartsPage
{
  GtkWidget         parent_instance;

  VecinosDataset   *dataset;
  char             *language;
  GListModel       *events;     /* the titles the chart's events point at */
  GPtrArray        *series;     /* of VecinosSeriesRef, as listed */

  GtkWidget        *paned;
  GtkSearchEntry   *search;
  GtkListBox       *list;
  VecinosChartView *chart;
  GtkLabel         *definition;
  GtkLabel         *caveats;
  GtkLabel         *source;
  GtkDropDown      *compare;      /* "Nothing", then the series as listed */
  GtkCheckButton   *index;
  GtkCheckButton   *per_person;
  GtkCheckButton   *log_scale;
  GtkCheckButton   *follow;       /* the timeline's years */
  double            timeline_start, timeline_end;
  GtkDropDown      *export_size;
  GtkStack         *stack;        /* the chart, or its figures as a table */
  GtkColumnView    *table;
  GtkStringList    *rows;         /* "0", "1", …: indexes into the series' points */
};

/* The columns of "Show Data" */
enum {
  COLUMN_PERIOD,
  COLUMN_VALUE,
  COLUMN_STATUS,
  COLUMN_NOTE,
  COLUMN_SOURCE,
  N_COLUMNS
};

G_DEFINE_FINAL_TYPE (VecinosChartsPage, vecinos_charts_page, GTK_TYPE_WIDGET)

static GtkLabel *
info_label (GtkBox *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

static void fill_table (VecinosChartsPage *self);

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
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  const VecinosSeriesRef *ref;
  g_autoptr(GError) error = NULL;
  VecinosSeries *series = NULL, *compare = NULL;
  VecinosChartFlags flags = 0;
  g_autofree char *source = NULL;
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
  gtk_widget_set_visible (GTK_WIDGET (self->caveats), caveats != NULL);
  {
    /* A link only to a web or e-mail address (vecinos-uri.c) */
    g_autofree char *label = g_markup_escape_text (_("Source:"), -1);
    g_autofree char *link = vecinos_uri_link_markup (series->source_url, series->source_org);

    source = g_strdup_printf ("%s %s", label, link);
  }
  gtk_label_set_markup (self->source, source);

  /* What cannot be asked of this chart is not offered */
  gtk_widget_set_sensitive (GTK_WIDGET (self->per_person), series->population != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->log_scale), vecinos_chart_can_log (series, compare));

  terms = vecinos_dataset_list_terms (self->dataset, self->language);
  vecinos_chart_view_set_series (self->chart, series, terms,
                                 vecinos_chart_events_for_category (self->events, series->category));
  vecinos_chart_view_set_compare (self->chart, compare, (flags & VECINOS_CHART_INDEX) != 0);
  vecinos_chart_view_set_log_scale (self->chart, gtk_check_button_get_active (self->log_scale) &&
                                                 gtk_widget_get_sensitive (GTK_WIDGET (self->log_scale)));
  apply_time_range (self);
  fill_table (self);
}

static void
row_selected (VecinosChartsPage *self,
              GtkListBoxRow     *row)
{
  const VecinosSeriesRef *ref;

  if (row == NULL || self->series == NULL)
    return;
  /* A new indicator: per person only if it has a population */
  ref = g_ptr_array_index (self->series, gtk_list_box_row_get_index (row));
  if (!ref->has_population && gtk_check_button_get_active (self->per_person))
    {
      gtk_check_button_set_active (self->per_person, FALSE);   /* which reloads */
      return;
    }
  reload (self);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_list_item_set_child (item, label);
}

/* A cell of the table: its row item is the index of a point */
static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           VecinosChartsPage        *self)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  const VecinosSeries *series = vecinos_chart_view_get_series (self->chart);
  const char *index = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_autofree char *text = NULL;
  const VecinosPoint *point;

  if (series == NULL || (guint) atoi (index) >= series->points->len)
    return;
  point = &g_array_index (series->points, VecinosPoint, atoi (index));
  switch (column)
    {
    case COLUMN_PERIOD:
      text = vecinos_series_format_year (series, point->year);
      break;
    case COLUMN_VALUE:
      text = vecinos_format_value (point->value, series->unit_kind, series->unit);
      break;
    case COLUMN_STATUS:
      /* Only the preliminary ones are marked: the others are as published,
       * not always a final revision */
      text = g_strdup (point->preliminary ? _("Preliminary") : "");
      break;
    case COLUMN_NOTE:
      text = g_strdup (point->note ? point->note : "");
      break;
    case COLUMN_SOURCE:
    default:
      text = g_strdup (point->source);
      break;
    }
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static GtkWidget *
new_table (VecinosChartsPage *self)
{
  const char *titles[N_COLUMNS] = {
    N_("Period"), N_("Value"), N_("Status"), N_("Note"), N_("Source"),
  };
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->rows = gtk_string_list_new (NULL);
  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (
    gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows))))));
  gtk_column_view_set_show_row_separators (self->table, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Figures of the chart"), -1);
  for (int c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      column = gtk_column_view_column_new (_(titles[c]), factory);
      gtk_column_view_column_set_expand (column, c == COLUMN_NOTE);
      gtk_column_view_append_column (self->table, column);
      g_object_unref (column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->table));
  return scrolled;
}

static void
fill_table (VecinosChartsPage *self)
{
  const VecinosSeries *series = vecinos_chart_view_get_series (self->chart);
  guint n = series ? series->points->len : 0;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) indexes = NULL;

  for (guint i = 0; i < n; i++)
    {
      char index[16];

      g_snprintf (index, sizeof index, "%u", i);
      g_strv_builder_add (builder, index);
    }
  indexes = g_strv_builder_end (builder);
  gtk_string_list_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                          (const char * const *) indexes);
}

static void
show_data_toggled (VecinosChartsPage *self,
                   GtkToggleButton   *button)
{
  gtk_stack_set_visible_child_name (self->stack, gtk_toggle_button_get_active (button) ? "table" : "chart");
}

static void
copy_citation (VecinosChartsPage *self)
{
  const VecinosSeries *series = vecinos_chart_view_get_series (self->chart);
  g_autofree char *citation = NULL;

  if (series == NULL)
    return;
  citation = vecinos_series_format_citation (series);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), citation);
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

/* Enter in the search: the first indicator that matches is drawn */
static void
search_activated (VecinosChartsPage *self)
{
  for (int i = 0; self->series != NULL && i < (int) self->series->len; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (row_matches (row, self))
        {
          gtk_list_box_select_row (self->list, row);
          gtk_widget_grab_focus (GTK_WIDGET (row));
          return;
        }
    }
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

/* The sizes a chart is exported at */
static const struct {
  int         width, height;
  const char *label;
} export_sizes[] = {
  { 1920, 1080, N_("1920 × 1080, for slides") },
  { 1280, 720, N_("1280 × 720, for a projector") },
  { 3840, 2160, N_("3840 × 2160, for print") },
  { 1080, 1080, N_("1080 × 1080, square") },
};

static void
show_error (VecinosChartsPage *self,
            const char        *message)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkAlertDialog) alert = gtk_alert_dialog_new ("%s", _("The chart could not be exported"));

  gtk_alert_dialog_set_detail (alert, message);
  gtk_alert_dialog_show (alert, window);
#else
  GtkWidget *dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s",
                                              _("The chart could not be exported"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
#endif
}

/**
 * vecinos_charts_page_export:
 * @path: ends in .png, .svg, .pdf or .csv
 *
 * Writes the chart as shown (compared series, indexes, per person,
 * logarithmic axis and the selected event included) at the size chosen
 * under it, or its figures for .csv.
 */
gboolean
vecinos_charts_page_export (VecinosChartsPage  *self,
                            const char         *path,
                            GError            **error)
{
  guint size = gtk_drop_down_get_selected (self->export_size);
  VecinosChart chart = { 0 };

  g_return_val_if_fail (VECINOS_IS_CHARTS_PAGE (self), FALSE);

  if (size >= G_N_ELEMENTS (export_sizes))
    size = 0;
  vecinos_chart_view_get_chart (self->chart, &chart);
  if (chart.series == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Choose an indicator first."));
      return FALSE;
    }
  chart.background = TRUE;
  chart.focus_year = 0;
  chart.hover_year = 0;
  return vecinos_chart_export (&chart, path, export_sizes[size].width, export_sizes[size].height, error);
}

static void
export_to_file (VecinosChartsPage *self,
                GFile             *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (file == NULL)
    return;
  /* Written beside the chosen file and renamed over it: a failure keeps
   * the previous file, and the dialog says why in the user's language */
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message =
        /* Translators: %s is where the user chose to export, such as an address */
        g_strdup_printf (_("Cannot export to “%s”: choose a folder on this computer."), name);

      show_error (self, message);
      return;
    }
  if (!vecinos_charts_page_export (self, path, &error))
    show_error (self, error->message);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
export_chosen (GObject      *dialog,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(VecinosChartsPage) self = data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (dialog), result, NULL);

  export_to_file (self, file);
}
#else
static void
export_chosen (GtkNativeDialog *dialog,
               int              response,
               gpointer         data)
{
  g_autoptr(VecinosChartsPage) self = data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      export_to_file (self, file);
    }
  g_object_unref (dialog);
}
#endif

/* One of the Export buttons: asks where, suggesting the series' id and
 * the button's extension */
static void
export_clicked (GtkButton         *button,
                VecinosChartsPage *self)
{
  const char *extension = g_object_get_data (G_OBJECT (button), "extension");
  const VecinosSeries *series = vecinos_chart_view_get_series (self->chart);
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  g_autofree char *name = NULL;

  if (series == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
  name = g_strconcat (series->slug, ".", extension, NULL);
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Export Chart"));
    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_save (dialog, window, NULL, export_chosen, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Export Chart"), window,
                                                                GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                _("_Export"), _("_Cancel"));

    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
    g_signal_connect (dialog, "response", G_CALLBACK (export_chosen), g_object_ref (self));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  }
#endif
}

/* The Export menu: a size, then one button per kind of file */
static GtkWidget *
new_export_button (VecinosChartsPage *self)
{
  static const struct { const char *extension, *label; } kinds[] = {
    { "png", N_("_Image (PNG)…") },
    { "svg", N_("_Drawing (SVG)…") },
    { "pdf", N_("_Document (PDF)…") },
    { "csv", N_("_Figures (CSV)…") },
  };
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkStringList *sizes = gtk_string_list_new (NULL);
  GtkWidget *label = gtk_label_new (_("Size"));

  gtk_menu_button_set_label (GTK_MENU_BUTTON (menu_button), _("_Export"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (menu_button), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (export_sizes); i++)
    gtk_string_list_append (sizes, _(export_sizes[i].label));
  self->export_size = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (sizes), NULL));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->export_size));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->export_size),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_(kinds[i].label));

      g_object_set_data (G_OBJECT (button), "extension", (gpointer) kinds[i].extension);
      g_signal_connect (button, "clicked", G_CALLBACK (export_clicked), self);
      gtk_widget_add_css_class (button, "flat");
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);
  return menu_button;
}

static void
setup_compare_label (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* The button shows a name cut short; the list shows it whole */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "short")))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_compare_label (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GtkListItemFactory *
new_compare_factory (gboolean cut_short)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "short", GINT_TO_POINTER (cut_short));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_compare_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_compare_label), NULL);
  return factory;
}

/* Adds @child to the controls' flow box, which wraps them on a narrow
 * window; the flow box's own children take no focus, the controls do */
static void
add_control (GtkFlowBox *controls,
             GtkWidget  *child)
{
  gtk_flow_box_append (controls, child);
  gtk_widget_set_focusable (gtk_widget_get_parent (child), FALSE);
}

static GtkCheckButton *
new_check (GtkFlowBox        *controls,
           const char        *label,
           const char        *tooltip,
           GCallback          toggled,
           VecinosChartsPage *self)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (label);

  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (check, tooltip);
  g_signal_connect_swapped (check, "toggled", toggled, self);
  add_control (controls, check);
  return GTK_CHECK_BUTTON (check);
}

/* Compare, index, per person, logarithmic, the timeline's years: above
 * the chart */
static GtkWidget *
new_controls (VecinosChartsPage *self)
{
  GtkWidget *controls = gtk_flow_box_new ();
  GtkWidget *compare = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("Co_mpare with"));

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (controls), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (controls), 8);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (controls), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (controls), 2);

  self->compare = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (gtk_string_list_new (NULL)), NULL));
  gtk_drop_down_set_factory (self->compare, new_compare_factory (TRUE));
  gtk_drop_down_set_list_factory (self->compare, new_compare_factory (FALSE));
  /* Searchable by name, as the sidebar is */
  gtk_drop_down_set_expression (self->compare,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (self->compare, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->compare));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->compare),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  g_signal_connect_swapped (self->compare, "notify::selected", G_CALLBACK (reload), self);
  gtk_box_append (GTK_BOX (compare), label);
  gtk_box_append (GTK_BOX (compare), GTK_WIDGET (self->compare));
  add_control (GTK_FLOW_BOX (controls), compare);

  self->index = new_check (GTK_FLOW_BOX (controls), _("_Index (first common year = 100)"), NULL,
                           G_CALLBACK (reload), self);
  self->per_person = new_check (GTK_FLOW_BOX (controls), _("_Per person"),
                                _("Divide each figure by the population of the same year, where the dataset has one"),
                                G_CALLBACK (reload), self);
  self->log_scale = new_check (GTK_FLOW_BOX (controls), _("_Logarithmic scale"),
                               _("Equal distances for equal ratios; only where every figure is above zero"),
                               G_CALLBACK (reload), self);
  self->follow = new_check (GTK_FLOW_BOX (controls), _("Same _years as the timeline"),
                            _("Show the years the timeline shows, and follow it as it moves"),
                            G_CALLBACK (apply_time_range), self);
  gtk_widget_set_margin_start (controls, 12);
  gtk_widget_set_margin_end (controls, 12);
  gtk_widget_set_margin_top (controls, 6);
  return controls;
}

static void
vecinos_charts_page_dispose (GObject *object)
{
  VecinosChartsPage *self = VECINOS_CHARTS_PAGE (object);

  g_clear_pointer (&self->paned, gtk_widget_unparent);
  g_clear_object (&self->dataset);
  g_clear_object (&self->events);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->language, g_free);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (vecinos_charts_page_parent_class)->dispose (object);
}

static void
vecinos_charts_page_class_init (VecinosChartsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vecinos_charts_page_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
vecinos_charts_page_init (VecinosChartsPage *self)
{
  GtkWidget *sidebar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *info = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *button;

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search indicators"), NULL);
  gtk_widget_set_margin_start (GTK_WIDGET (self->search), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->search), 6);
  gtk_widget_set_margin_top (GTK_WIDGET (self->search), 6);
  gtk_box_append (GTK_BOX (sidebar), GTK_WIDGET (self->search));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Indicators"), -1);
  gtk_list_box_set_filter_func (self->list, row_matches, self, NULL);
  gtk_list_box_set_header_func (self->list, update_header, self, NULL);
  g_signal_connect_swapped (self->list, "row-selected", G_CALLBACK (row_selected), self);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (gtk_list_box_invalidate_filter), self->list);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (search_activated), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (sidebar), scrolled);

  self->chart = g_object_new (VECINOS_TYPE_CHART_VIEW, NULL);
  gtk_widget_set_margin_top (GTK_WIDGET (self->chart), 6);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->chart), "chart");
  gtk_stack_add_named (self->stack, new_table (self), "table");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (content), new_controls (self));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));

  gtk_widget_set_margin_start (info, 12);
  gtk_widget_set_margin_end (info, 12);
  gtk_widget_set_margin_bottom (info, 12);
  self->definition = info_label (GTK_BOX (info));
  self->caveats = info_label (GTK_BOX (info));
  gtk_widget_add_css_class (GTK_WIDGET (self->caveats), "dim-label");
  self->source = info_label (GTK_BOX (info));
  {
    GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *show_data = gtk_toggle_button_new_with_mnemonic (_("Show _Data"));

    /* The same figures as an accessible table, with their notes and sources */
    g_signal_connect_swapped (show_data, "toggled", G_CALLBACK (show_data_toggled), self);
    gtk_box_append (GTK_BOX (buttons), show_data);
    button = gtk_button_new_with_mnemonic (_("Copy _Citation"));
    g_signal_connect_swapped (button, "clicked", G_CALLBACK (copy_citation), self);
    gtk_box_append (GTK_BOX (buttons), button);
    gtk_box_append (GTK_BOX (buttons), new_export_button (self));
    gtk_box_append (GTK_BOX (info), buttons);
  }
  gtk_box_append (GTK_BOX (content), info);

  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (self->paned), sidebar);
  gtk_paned_set_end_child (GTK_PANED (self->paned), content);
  gtk_paned_set_resize_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);
  gtk_paned_set_position (GTK_PANED (self->paned), 280);
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));
}

/**
 * vecinos_charts_page_set_dataset:
 * @events: (element-type VecinosEvent): the timeline's events, by date
 */
void
vecinos_charts_page_set_dataset (VecinosChartsPage *self,
                                 VecinosDataset    *dataset,
                                 const char        *language,
                                 GListModel        *events)
{
  g_autoptr(GtkStringList) names = NULL;
  GtkWidget *child;

  g_return_if_fail (VECINOS_IS_CHARTS_PAGE (self));

  g_set_object (&self->dataset, dataset);
  g_set_object (&self->events, events);
  g_free (self->language);
  self->language = g_strdup (language);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  vecinos_chart_view_set_series (self->chart, NULL, NULL, NULL);
  if (dataset == NULL)
    return;

  self->series = vecinos_dataset_list_series (dataset, language);
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
    }
  g_signal_handlers_block_by_func (self->compare, reload, self);
  gtk_drop_down_set_model (self->compare, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->compare, 0);
  g_signal_handlers_unblock_by_func (self->compare, reload, self);
  if (self->series->len > 0)
    gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
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
        gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, i));
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
  gtk_check_button_set_active (self->log_scale, log_scale);
  return compare == NULL || position > 0;
}

/**
 * vecinos_charts_page_get_option:
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
    return gtk_widget_get_sensitive (GTK_WIDGET (self->per_person));
  if (g_str_equal (name, "log"))
    return gtk_widget_get_sensitive (GTK_WIDGET (self->log_scale));
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
  static const char * const names[] = { "index", "per-person", "log", "same-years" };
  GtkCheckButton *checks[] = { self->index, self->per_person, self->log_scale, self->follow };

  g_return_val_if_fail (VECINOS_IS_CHARTS_PAGE (self), FALSE);

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
    return gtk_label_get_text (self->source);
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

  row = gtk_list_box_get_selected_row (self->list);
  vecinos_context_set_series (context, row != NULL && self->series != NULL
                              ? ((VecinosSeriesRef *) g_ptr_array_index (self->series,
                                                                         gtk_list_box_row_get_index (row)))->slug
                              : NULL);
  vecinos_context_set_compare (context, compare_slug (self));
  vecinos_context_set_index (context, gtk_check_button_get_active (self->index));
  vecinos_context_set_per_person (context, gtk_check_button_get_active (self->per_person));
  vecinos_context_set_log_scale (context, gtk_check_button_get_active (self->log_scale));
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
