/* vecinos-window.c — the main window: the state, the actions, and the
 * workspace that shows them
 *
 * The window owns a VecinosContext and the navigation actions; what it
 * shows is a VecinosWorkspace (header bar and views, from one template).
 * When the context's language changes, a workspace is built afresh in the
 * new language on the same context and takes the old one's place, so
 * every text is translated by the same gettext calls that made it, and the
 * selection, the zoom, the chart and the document are where they were.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vecinos-language.h"
#include "vecinos-paths.h"
#include "vecinos-timeline-import.h"
#include "vecinos-timelinejs.h"
#include "vecinos-tour-export-dialog.h"
#include "vecinos-window-private.h"
#include "vecinos-workspace.h"

struct _VecinosWindow
{
  GtkApplicationWindow  parent_instance;

  VecinosContext       *context;
  GSettings            *settings;
  GError               *error;       /* why the dataset could not be opened */
  VecinosWorkspace     *workspace;
  GtkWidget            *blank;           /* a blank screen shown instead, or NULL */
  VecinosWorkspace     *workspace_held;  /* the workspace, kept while blanked */
  guint                 help_overlay_tick; /* the Keyboard Shortcuts, built after the frame */
  guint                 help_overlay_id;
};

G_DEFINE_FINAL_TYPE (VecinosWindow, vecinos_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_LANGUAGE,
  PROP_PRESENTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean unblank (VecinosWindow *self);
static void apply_text_scale (VecinosWindow *self);

/* The Keyboard Shortcuts window, in the language now in use */
static gboolean
load_help_overlay (gpointer data)
{
  VecinosWindow *self = data;
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/vecinos/Vecinos/vecinos-shortcuts.ui");

  self->help_overlay_id = 0;
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  return G_SOURCE_REMOVE;
}

/* Building it takes about as long as a frame: it is built once the window
 * has drawn the frame in hand, in the window's language, rather than before
 * it. A tick comes at the start of the frame; an idle added then runs once
 * the frame is drawn */
static gboolean
frame_started (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  VecinosWindow *self = VECINOS_WINDOW (widget);

  self->help_overlay_tick = 0;
  self->help_overlay_id = g_idle_add_full (G_PRIORITY_LOW, load_help_overlay, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
queue_help_overlay (VecinosWindow *self)
{
  g_clear_handle_id (&self->help_overlay_id, g_source_remove);
  if (self->help_overlay_tick == 0)
    self->help_overlay_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), frame_started, NULL, NULL);
}

/* The main menu's Recent Timelines: the TimelineJS files opened last */
static void
fill_recent (VecinosWindow *self)
{
  GMenu *menu = self->workspace != NULL ? vecinos_workspace_get_primary_menu (self->workspace) : NULL;
  g_auto(GStrv) uris = g_settings_get_strv (self->settings, "recent-timelines");
  g_autoptr(GMenu) section = g_menu_new ();

  if (menu == NULL)
    return;
  if (g_object_get_data (G_OBJECT (menu), "vecinos-recent") != NULL)
    g_menu_remove (menu, 1);
  g_object_set_data (G_OBJECT (menu), "vecinos-recent", NULL);
  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (uris[i]));
      g_menu_append_item (section, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) == 0)
    return;
  g_menu_insert_section (menu, 1, _("Recent Timelines"), G_MENU_MODEL (section));
  g_object_set_data (G_OBJECT (menu), "vecinos-recent", GINT_TO_POINTER (TRUE));
}

/**
 * vecinos_window_remember_timeline:
 * @file: a TimelineJS file just opened
 *
 * Puts @file first in Recent Timelines (at most five, each once).
 */
void
vecinos_window_remember_timeline (VecinosWindow *self,
                                  GFile         *file)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-timelines");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) uris = NULL;
  guint n = 1;

  g_return_if_fail (VECINOS_IS_WINDOW (self));

  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < 5; i++)
    if (!g_str_equal (old[i], uri))
      g_strv_builder_add (builder, old[i]), n++;
  uris = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-timelines", (const char * const *) uris);
  fill_recent (self);
}

/* win.open-recent(s): a timeline of Recent Timelines, by its address */
static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  vecinos_window_open_dataset (VECINOS_WINDOW (widget), file);
}

static void
build_workspace (VecinosWindow *self)
{
  gboolean focus_language = FALSE;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->workspace != NULL)
    {
      /* Whatever the old one holds that is not written as it changes */
      vecinos_workspace_save_state (self->workspace);
      focus_language = focus != NULL && GTK_IS_TOGGLE_BUTTON (focus) &&
                       g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), "win.language") == 0;
    }
  self->workspace = VECINOS_WORKSPACE (vecinos_workspace_new (self->context, self->error));
  gtk_window_set_child (GTK_WINDOW (self), GTK_WIDGET (self->workspace));
  fill_recent (self);
  /* The timeline's title names the window (a teacher's timeline's title
   * slide), in the interface's language */
  {
    VecinosDataset *dataset = vecinos_context_get_dataset (self->context);
    g_autofree char *title = dataset != NULL ? vecinos_dataset_get_title (dataset,
                                                                          vecinos_context_get_language (self->context))
                                             : NULL;
    g_autofree char *window_title = title != NULL ? g_strdup_printf ("%s — Vecinos", title) : g_strdup ("Vecinos");

    gtk_window_set_title (GTK_WINDOW (self), window_title);
  }
  if (focus_language)
    vecinos_workspace_focus_language (self->workspace);
}

/* Presenting is full screen; leaving it gives back the window as it was */
static void
presenting_changed (VecinosWindow *self)
{
  if (vecinos_context_get_presenting (self->context))
    gtk_window_fullscreen (GTK_WINDOW (self));
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
  /* The screen's height sets the text's size */
  apply_text_scale (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
}

static void
language_changed (VecinosWindow *self)
{
  unblank (self);
  /* The interface follows the content language */
  vecinos_language_use (vecinos_context_get_language (self->context));
  queue_help_overlay (self);
  build_workspace (self);
  /* win.language, the header's EN | ES, follows */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VecinosWindow *self = VECINOS_WINDOW (widget);
  const char *view = g_variant_get_string (parameter, NULL);
  static const char * const views[] = { "timeline", "charts", "documents", NULL };

  if (g_strv_contains (views, view))
    vecinos_context_set_view (self->context, view);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VecinosWindow *self = VECINOS_WINDOW (widget);

  vecinos_workspace_zoom (self->workspace, g_variant_get_string (parameter, NULL));
}

/* Ctrl+F */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  vecinos_workspace_popup_search (VECINOS_WINDOW (widget)->workspace);
}

/* win.show-event, win.show-series, win.show-excerpt, win.show-document:
 * a record opened where it lives, from a link, a search, a tour step or
 * the command line alike */
static void
show_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VecinosWindow *self = VECINOS_WINDOW (widget);
  const char *slug = g_variant_get_string (parameter, NULL);
  static const struct {
    const char *name;
    gboolean  (*show) (VecinosWorkspace *, const char *);
  } shows[] = {
    { "win.show-event", vecinos_workspace_show_event },
    { "win.show-series", vecinos_workspace_show_series },
    { "win.show-excerpt", vecinos_workspace_show_excerpt },
    { "win.show-document", vecinos_workspace_show_document },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shows); i++)
    if (g_str_equal (action_name, shows[i].name))
      shows[i].show (self->workspace, slug);
}

/* @language: (nullable): the language a TimelineJS file is written in;
 * %NULL: read from its texts */
static gboolean
open_dataset_in (VecinosWindow *self,
                 GFile         *file,
                 const char    *language)
{
  g_autoptr(VecinosDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (VECINOS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* A teacher's TimelineJS file: compiled first, off the main thread */
  if (vecinos_timeline_is_timeline_file (file))
    {
      vecinos_window_import_timeline (self, file, language);
      return TRUE;
    }
  dataset = vecinos_dataset_new_for_file (file, &error);
  g_clear_error (&self->error);
  self->error = g_steal_pointer (&error);
  vecinos_context_set_dataset (self->context, dataset);
  build_workspace (self);
  return dataset != NULL;
}

/**
 * vecinos_window_open_dataset:
 * @file: a dataset file (ours, or a TimelineJS file)
 *
 * Shows @file in this window, or on the error page why it could not be
 * opened. A TimelineJS file (.json, .csv) is compiled first, off the main
 * thread (vecinos-timeline-import.c), and shown when it is ready.
 *
 * Returns: whether it opened (for a TimelineJS file: that it is being read)
 */
gboolean
vecinos_window_open_dataset (VecinosWindow *self,
                             GFile         *file)
{
  return open_dataset_in (self, file, NULL);
}

static void
dataset_chosen (GtkNativeDialog *dialog,
                int              response,
                VecinosWindow   *self)
{
  g_autoptr(GFile) file = NULL;
  const char *choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "language");
  const char *language = g_strcmp0 (choice, "en") == 0 ? "en" : g_strcmp0 (choice, "es") == 0 ? "es" : NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  if (file != NULL)
    open_dataset_in (self, file, language);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *patterns[])
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

/* win.open-dataset (Ctrl+O): a teacher's timeline (TimelineJS JSON or CSV)
 * or a compiled dataset, in this window; through the portal in a Flatpak,
 * so no file-system permission is needed */
static void
open_dataset_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Open a Timeline"), GTK_WINDOW (widget),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);

  add_filter (GTK_FILE_CHOOSER (dialog), _("Timelines (TimelineJS, Vecinos)"),
              (const char *[]) { "*.json", "*.JSON", "*.csv", "*.CSV", "*.sqlite", NULL });
  add_filter (GTK_FILE_CHOOSER (dialog), _("TimelineJS spreadsheets (CSV)"), (const char *[]) { "*.csv", "*.CSV", NULL });
  add_filter (GTK_FILE_CHOOSER (dialog), _("TimelineJS timelines (JSON)"), (const char *[]) { "*.json", "*.JSON", NULL });
  add_filter (GTK_FILE_CHOOSER (dialog), _("Vecinos datasets"), (const char *[]) { "*.sqlite", NULL });
  /* A TimelineJS file says nothing of its language: read from its texts
   * unless the teacher says */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "language", _("Timeline language"),
                               (const char *[]) { "auto", "en", "es", NULL },
                               (const char *[]) { _("Read from its text"), C_("language to choose", "English"),
                                                  C_("language to choose", "Spanish"), NULL });
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "language", "auto");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (dataset_chosen), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* win.export-timelinejs: the timeline as TimelineJS JSON, for the web */
static void
export_timelinejs_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  vecinos_window_export_timelinejs (VECINOS_WINDOW (widget));
}

/* win.open-bundled: back to the dataset Vecinos comes with */
static void
open_bundled_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(GFile) file = vecinos_paths_default_dataset ();

  vecinos_window_open_dataset (VECINOS_WINDOW (widget), file);
}

/* A file dropped on the window opens in it */
static gboolean
file_dropped (GtkDropTarget *target,
              const GValue  *value,
              double         x,
              double         y,
              VecinosWindow *self)
{
  GSList *files = G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) ? g_value_get_boxed (value) : NULL;

  if (files == NULL || !G_IS_FILE (files->data))
    return FALSE;
  vecinos_window_open_dataset (self, files->data);
  return TRUE;
}

/* win.start-tour(s): the tour from its first step */
static void
start_tour_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VecinosWindow *self = VECINOS_WINDOW (widget);
  VecinosDataset *dataset = vecinos_context_get_dataset (self->context);
  const char *tour = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) steps = NULL;

  if (dataset == NULL)
    return;
  steps = vecinos_dataset_get_tour_steps (dataset, tour, vecinos_context_get_language (self->context));
  if (steps->len == 0)
    return;
  /* The step first: a tour that starts applies the step it finds */
  vecinos_context_set_tour (self->context, NULL);
  vecinos_context_set_tour_step (self->context, 0);
  vecinos_context_set_tour (self->context, tour);
}

/* win.export-tour: the tour being played, as a PDF handout */
static void
export_tour_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VecinosWindow *self = VECINOS_WINDOW (widget);
  VecinosDataset *dataset = vecinos_context_get_dataset (self->context);
  const char *tour = vecinos_context_get_tour (self->context);

  if (dataset != NULL && tour != NULL)
    vecinos_tour_export_dialog_show (GTK_WINDOW (self), dataset, tour, vecinos_context_get_language (self->context));
}

/* win.tour-next, win.tour-previous, win.stop-tour */
static void
tour_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VecinosWindow *self = VECINOS_WINDOW (widget);
  guint n = vecinos_workspace_get_tour_length (self->workspace);
  guint step = vecinos_context_get_tour_step (self->context);

  if (g_str_equal (action_name, "win.stop-tour"))
    vecinos_context_set_tour (self->context, NULL);
  else if (n == 0)
    return;
  else if (g_str_equal (action_name, "win.tour-next") && step + 1 < n)
    vecinos_context_set_tour_step (self->context, step + 1);
  else if (g_str_equal (action_name, "win.tour-previous") && step > 0)
    vecinos_context_set_tour_step (self->context, step - 1);
  else if (g_str_equal (action_name, "win.tour-first"))
    vecinos_context_set_tour_step (self->context, 0);
  else if (g_str_equal (action_name, "win.tour-last"))
    vecinos_context_set_tour_step (self->context, n - 1);
}

/* When a classroom key is the app's rather than the focused widget's */
typedef enum {
  IN_TOUR,      /* a tour's steps */
  CLICKER,      /* a tour's steps, or outside one the timeline's events */
  ALWAYS,       /* the blank screens */
  PRESENTING,   /* Escape: leaves presenting */
} KeyWhen;

/* A presentation clicker sends Page Down and Page Up (some send Right and
 * Left, or "." for a black screen): in a tour they move between its steps
 * wherever the keyboard is — but letters, Space and the arrows stay the
 * text's while an entry is being typed in */
static gboolean
clicker_key (GtkWidget *widget,
             GVariant  *parameter,
             gpointer   user_data)
{
  VecinosWindow *self = VECINOS_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean in_tour = vecinos_context_get_tour (self->context) != NULL;
  const char *action = NULL;
  gboolean typing_keys = FALSE;
  guint when = ALWAYS;

  g_variant_get (parameter, "(&sbu)", &action, &typing_keys, &when);
  if (typing_keys && focus != NULL && GTK_IS_EDITABLE (focus))
    return FALSE;
  switch (when)
    {
    case IN_TOUR:
      if (!in_tour)
        return FALSE;
      break;
    case CLICKER:
      if (!in_tour)
        /* Outside a tour, on the timeline, its events (as Right and Left
         * on it do) */
        return g_strcmp0 (vecinos_context_get_view (self->context), "timeline") == 0 &&
               vecinos_workspace_step_event (self->workspace, g_str_equal (action, "win.tour-next"));
      break;
    case PRESENTING:
      if (!vecinos_context_get_presenting (self->context))
        return FALSE;
      break;
    default:
      break;
    }
  gtk_widget_activate_action (widget, action, NULL);
  return TRUE;
}

static void
add_clicker_keys (VecinosWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  static const struct { guint key; const char *action; gboolean typing; KeyWhen when; } keys[] = {
    { GDK_KEY_Page_Down, "win.tour-next", FALSE, CLICKER },
    { GDK_KEY_Page_Up, "win.tour-previous", FALSE, CLICKER },
    { GDK_KEY_n, "win.tour-next", TRUE, CLICKER },
    { GDK_KEY_p, "win.tour-previous", TRUE, CLICKER },
    { GDK_KEY_Right, "win.tour-next", TRUE, IN_TOUR },
    { GDK_KEY_Left, "win.tour-previous", TRUE, IN_TOUR },
    { GDK_KEY_space, "win.tour-next", TRUE, IN_TOUR },
    { GDK_KEY_BackSpace, "win.tour-previous", TRUE, IN_TOUR },
    { GDK_KEY_Home, "win.tour-first", TRUE, IN_TOUR },
    { GDK_KEY_End, "win.tour-last", TRUE, IN_TOUR },
    { GDK_KEY_b, "win.blank-black", TRUE, ALWAYS },
    { GDK_KEY_period, "win.blank-black", TRUE, ALWAYS },
    { GDK_KEY_w, "win.blank-white", TRUE, ALWAYS },
    { GDK_KEY_comma, "win.blank-white", TRUE, ALWAYS },
    { GDK_KEY_Escape, "win.present", FALSE, PRESENTING },
  };

  /* Before the focused widget: a list would scroll with them instead */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                                gtk_callback_action_new (clicker_key, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new ("(sbu)", keys[i].action, keys[i].typing,
                                                           (guint) keys[i].when));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Any key or click brings the lesson back from a blank screen */
static gboolean
unblank (VecinosWindow *self)
{
  if (self->blank == NULL)
    return FALSE;
  gtk_window_set_child (GTK_WINDOW (self), GTK_WIDGET (self->workspace));
  g_clear_object (&self->workspace_held);
  self->blank = NULL;
  return TRUE;
}

static gboolean
blank_key_pressed (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   VecinosWindow         *self)
{
  return unblank (self);
}

/* win.blank-black, win.blank-white: the screen blanked while the class
 * talks, as presentation programs do with "b" and "w" */
static void
blank_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VecinosWindow *self = VECINOS_WINDOW (widget);
  GtkEventController *keys;
  GtkGesture *click;

  if (unblank (self))
    return;
  self->workspace_held = g_object_ref (self->workspace);
  self->blank = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->blank, g_str_equal (action_name, "win.blank-white") ? "blank-white" : "blank-black");
  gtk_widget_set_focusable (self->blank, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->blank), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The screen is blank; press any key to go back"), -1);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (blank_key_pressed), self);
  gtk_widget_add_controller (self->blank, keys);
  click = gtk_gesture_click_new ();
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (unblank), self);
  gtk_widget_add_controller (self->blank, GTK_EVENT_CONTROLLER (click));
  gtk_window_set_child (GTK_WINDOW (self), self->blank);
  gtk_widget_grab_focus (self->blank);
}

/* --- Text size --- */

/* The sizes Ctrl+= and Ctrl+- step through, 80 % to 250 % */
static const double text_scales[] = { 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5 };

/* The height of the screen the window is on, in pixels, or 0 */
static int
screen_height (VecinosWindow *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkMonitor *monitor;
  GdkRectangle geometry = { 0 };

  if (surface == NULL)
    return 0;
  monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (self)), surface);
  if (monitor != NULL)
    gdk_monitor_get_geometry (monitor, &geometry);
  return geometry.height;
}

/* One style for every window of the app — its style sheet, loaded with
 * the first window (tests and benchmarks make windows without the
 * application) — then the text size remembered, and
 * while presenting a size taken from the screen's height — a line of text
 * is 4 % of it (3.5 % for the letters, the rest between lines), titles
 * half as large again (style.css), so that it reads from the back of a
 * room on any projector; larger still with Ctrl+= */
static void
apply_text_scale (VecinosWindow *self)
{
  static GtkCssProvider *provider;
  static char *loaded_css;
  g_autofree char *css = NULL;
  g_autofree char *presenting = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  double scale = g_settings_get_double (self->settings, "text-scale");
  int height = screen_height (self);

  if (provider == NULL)
    {
      /* The app's style sheet first, so that the size set here wins */
      GtkCssProvider *style = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (style, "/io/github/vecinos/Vecinos/style.css");
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (style),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  if (height > 0)
    presenting = g_strdup_printf (" window.vecinos-main .presenting { font-size: %dpx; }",
                                  (int) ceil (height * 0.035 * MAX (scale, 1.0)));
  /* The desktop's size (and its Large Text) times ours */
  css = g_strdup_printf ("window.vecinos-main { font-size: %sem; }%s",
                         g_ascii_formatd (number, sizeof number, "%.2f", scale),
                         presenting != NULL ? presenting : "");
  /* Reloading restyles every window: only when the style changes */
  if (g_strcmp0 (css, loaded_css) != 0)
    {
#if GTK_CHECK_VERSION (4, 12, 0)
      gtk_css_provider_load_from_string (provider, css);
#else
      gtk_css_provider_load_from_data (provider, css, -1);
#endif
      g_free (loaded_css);
      loaded_css = g_strdup (css);
    }
  /* Does the header still hold the views' switcher? */
  if (self->workspace != NULL)
    vecinos_workspace_queue_fit_header (self->workspace);
}

/* win.text-bigger, win.text-smaller, win.text-reset */
static void
text_scale_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VecinosWindow *self = VECINOS_WINDOW (widget);
  double scale = g_settings_get_double (self->settings, "text-scale");
  guint nearest = 2;

  for (guint i = 0; i < G_N_ELEMENTS (text_scales); i++)
    if (fabs (text_scales[i] - scale) < fabs (text_scales[nearest] - scale))
      nearest = i;
  if (g_str_equal (action_name, "win.text-bigger"))
    nearest = MIN (nearest + 1, G_N_ELEMENTS (text_scales) - 1);
  else if (g_str_equal (action_name, "win.text-smaller"))
    nearest = nearest > 0 ? nearest - 1 : 0;
  else
    nearest = 2;
  g_settings_set_double (self->settings, "text-scale", text_scales[nearest]);
}

static void
restore_size (VecinosWindow *self)
{
  int width, height;

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
vecinos_window_close_request (GtkWindow *window)
{
  VecinosWindow *self = VECINOS_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (vecinos_window_parent_class)->close_request (window);
}

static void
vecinos_window_constructed (GObject *object)
{
  VecinosWindow *self = VECINOS_WINDOW (object);

  G_OBJECT_CLASS (vecinos_window_parent_class)->constructed (object);

  restore_size (self);
  g_settings_bind (self->settings, "last-view", self->context, "view", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::text-scale", G_CALLBACK (apply_text_scale), self,
                           G_CONNECT_SWAPPED);
  apply_text_scale (self);
  /* Presenting, the text's size follows the screen the window is on */
  g_signal_connect_after (self, "realize", G_CALLBACK (apply_text_scale), NULL);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (apply_text_scale), NULL);
  g_signal_connect_object (self->context, "notify::language", G_CALLBACK (language_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::presenting", G_CALLBACK (presenting_changed), self,
                           G_CONNECT_SWAPPED);
}

static void
vecinos_window_dispose (GObject *object)
{
  VecinosWindow *self = VECINOS_WINDOW (object);

  if (self->help_overlay_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->help_overlay_tick);
  self->help_overlay_tick = 0;
  g_clear_handle_id (&self->help_overlay_id, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->workspace_held);

  G_OBJECT_CLASS (vecinos_window_parent_class)->dispose (object);
}

static void
vecinos_window_finalize (GObject *object)
{
  VecinosWindow *self = VECINOS_WINDOW (object);

  g_clear_object (&self->context);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (vecinos_window_parent_class)->finalize (object);
}

static void
vecinos_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VecinosWindow *self = VECINOS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, vecinos_context_get_language (self->context));
      break;
    case PROP_PRESENTING:
      g_value_set_boolean (value, vecinos_context_get_presenting (self->context));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vecinos_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VecinosWindow *self = VECINOS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_LANGUAGE:
      if (vecinos_language_is_supported (g_value_get_string (value)))
        vecinos_context_set_language (self->context, g_value_get_string (value));
      break;
    case PROP_PRESENTING:
      vecinos_context_set_presenting (self->context, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vecinos_window_class_init (VecinosWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = vecinos_window_constructed;
  object_class->dispose = vecinos_window_dispose;
  object_class->finalize = vecinos_window_finalize;
  object_class->get_property = vecinos_window_get_property;
  object_class->set_property = vecinos_window_set_property;
  window_class->close_request = vecinos_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, VECINOS_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The context's language, as a property so that win.language is a
   * stateful action the header's EN | ES buttons show and set */
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The context's presenting, for win.present (F5 and the header button) */
  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.show-event", "s", show_action);
  gtk_widget_class_install_action (widget_class, "win.show-series", "s", show_action);
  gtk_widget_class_install_action (widget_class, "win.show-excerpt", "s", show_action);
  gtk_widget_class_install_action (widget_class, "win.show-document", "s", show_action);
  gtk_widget_class_install_property_action (widget_class, "win.language", "language");
  gtk_widget_class_install_property_action (widget_class, "win.present", "presenting");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_install_action (widget_class, "win.start-tour", "s", start_tour_action);
  gtk_widget_class_install_action (widget_class, "win.tour-next", NULL, tour_action);
  gtk_widget_class_install_action (widget_class, "win.tour-previous", NULL, tour_action);
  gtk_widget_class_install_action (widget_class, "win.stop-tour", NULL, tour_action);
  gtk_widget_class_install_action (widget_class, "win.tour-first", NULL, tour_action);
  gtk_widget_class_install_action (widget_class, "win.tour-last", NULL, tour_action);
  gtk_widget_class_install_action (widget_class, "win.export-tour", NULL, export_tour_action);
  gtk_widget_class_install_action (widget_class, "win.open-dataset", NULL, open_dataset_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-dataset", NULL);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.export-timelinejs", NULL, export_timelinejs_action);
  gtk_widget_class_install_action (widget_class, "win.blank-black", NULL, blank_action);
  gtk_widget_class_install_action (widget_class, "win.blank-white", NULL, blank_action);
  gtk_widget_class_install_action (widget_class, "win.text-bigger", NULL, text_scale_action);
  gtk_widget_class_install_action (widget_class, "win.text-smaller", NULL, text_scale_action);
  gtk_widget_class_install_action (widget_class, "win.text-reset", NULL, text_scale_action);
  /* Bubbling from the focus: on the timeline, Ctrl+0 stays "show every event" */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.text-bigger", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.text-bigger", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.text-bigger", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.text-smaller", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.text-smaller", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.text-reset", NULL);
  gtk_widget_class_install_action (widget_class, "win.zoom", "s", zoom_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
}

/* .vecinos-dark on the window when the style is dark (style.css gives
 * links a lighter blue there) */
static void
style_changed (VecinosWindow *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  g_autofree char *theme = NULL;
  gboolean dark = FALSE;

  g_object_get (settings, "gtk-application-prefer-dark-theme", &dark, "gtk-theme-name", &theme, NULL);
  dark |= theme != NULL && (g_str_has_suffix (theme, "-dark") || g_str_has_suffix (theme, "Inverse"));
  /* GTK_THEME=Adwaita:dark overrides the settings without changing them */
  dark |= g_getenv ("GTK_THEME") != NULL && g_str_has_suffix (g_getenv ("GTK_THEME"), ":dark");
  if (dark)
    gtk_widget_add_css_class (GTK_WIDGET (self), "vecinos-dark");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "vecinos-dark");
}

static void
vecinos_window_init (VecinosWindow *self)
{
  GtkWidget *no_titlebar = gtk_label_new (NULL);

  self->settings = vecinos_paths_new_settings ();
  gtk_window_set_title (GTK_WINDOW (self), "Vecinos");
  gtk_widget_add_css_class (GTK_WIDGET (self), "vecinos-main");
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-application-prefer-dark-theme",
                           G_CALLBACK (style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-theme-name",
                           G_CALLBACK (style_changed), self, G_CONNECT_SWAPPED);
  style_changed (self);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 360);
  /* The header bar is the workspace's, rebuilt with it; an empty titlebar
   * keeps GTK from adding one of its own */
  gtk_widget_set_visible (no_titlebar, FALSE);
  gtk_window_set_titlebar (GTK_WINDOW (self), no_titlebar);
  add_clicker_keys (self);
  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect_object (drop, "drop", G_CALLBACK (file_dropped), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }
  /* Ctrl+F wherever the keyboard is: before the focused widget, as a
   * selectable text (a document's, where "Read in the Document" leaves
   * the keyboard) binds Ctrl+F to "one character forward", Emacs-style,
   * and kept it from the window (issue 14) */
  {
    GtkEventController *search = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (search, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (search),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                            gtk_named_action_new ("win.search")));
    gtk_widget_add_controller (GTK_WIDGET (self), search);
  }
}

/**
 * vecinos_window_new_for_context:
 * @context: the state the window shows; its dataset may be %NULL when
 *   @error says why
 */
GtkWidget *
vecinos_window_new_for_context (GtkApplication *application,
                                VecinosContext *context,
                                const GError   *error)
{
  VecinosWindow *self;

  g_return_val_if_fail (VECINOS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (vecinos_context_get_dataset (context) != NULL || error != NULL, NULL);

  self = g_object_new (VECINOS_TYPE_WINDOW, "application", application, "context", context, NULL);
  self->error = error != NULL ? g_error_copy (error) : NULL;
  queue_help_overlay (self);
  build_workspace (self);
  return GTK_WIDGET (self);
}

/**
 * vecinos_window_new:
 * @dataset: (nullable): the dataset to show, or %NULL when @error says why
 *   it could not be opened
 * @language: the language of the interface and of the dataset's texts
 */
GtkWidget *
vecinos_window_new (GtkApplication *application,
                    VecinosDataset *dataset,
                    const char     *language,
                    const GError   *error)
{
  g_autoptr(VecinosContext) context = vecinos_context_new (dataset, language);

  return vecinos_window_new_for_context (application, context, error);
}

/**
 * vecinos_window_get_dataset:
 *
 * Returns: (transfer none) (nullable): the dataset shown, or %NULL when it
 *   could not be opened
 */
VecinosDataset *
vecinos_window_get_dataset (VecinosWindow *self)
{
  g_return_val_if_fail (VECINOS_IS_WINDOW (self), NULL);
  return vecinos_context_get_dataset (self->context);
}

/**
 * vecinos_window_get_context:
 *
 * Returns: (transfer none): the state the window shows
 */
VecinosContext *
vecinos_window_get_context (VecinosWindow *self)
{
  g_return_val_if_fail (VECINOS_IS_WINDOW (self), NULL);
  return self->context;
}

/**
 * vecinos_window_get_workspace:
 *
 * Returns: (transfer none): the header bar and views shown now; a new one
 *   after each change of language
 */
GtkWidget *
vecinos_window_get_workspace (VecinosWindow *self)
{
  g_return_val_if_fail (VECINOS_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->workspace);
}
