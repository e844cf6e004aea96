/* vecinos-application.c — options, actions, language and the dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "vecinos-application.h"
#include "vecinos-chart-draw.h"
#include "vecinos-chart-load.h"
#include "vecinos-dataset.h"
#include "vecinos-first-frame.h"
#include "vecinos-language.h"
#include "vecinos-paths.h"
#include "vecinos-timelinejs.h"
#include "vecinos-tour-export.h"
#include "vecinos-window.h"

struct _VecinosApplication
{
  GtkApplication  parent_instance;

  GFile          *dataset_file;
  char           *language;
  gboolean        language_given;  /* by --language: it wins over the remembered one */
  char           *tour;            /* --tour, to start when the window opens */
  gboolean        present;         /* --present */
  int             step;            /* --step, from 1; 0 when not given */
  GSettings      *settings;
  gboolean        options_parsed;  /* the command line had no usage error GLib saw */
};

/* How `vecinos --export-chart` and `--export-tour` end (README, "Command line") */
enum {
  EXIT_DONE = 0,
  EXIT_FAILED = 1,  /* could not be done: no such series, a file not written… */
  EXIT_USAGE = 2,   /* the command line itself is wrong */
};

G_DEFINE_FINAL_TYPE (VecinosApplication, vecinos_application, GTK_TYPE_APPLICATION)

VecinosApplication *
vecinos_application_new (void)
{
  return g_object_new (VECINOS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/vecinos/Vecinos",
                       NULL);
}

const char *
vecinos_application_get_content_language (VecinosApplication *self)
{
  g_return_val_if_fail (VECINOS_IS_APPLICATION (self), "en");

  if (self->language == NULL)
    self->language = g_strdup (vecinos_language_from_names (g_get_language_names ()));
  return self->language;
}

static GFile *dataset_file (VecinosApplication *self);
static void window_language_changed (VecinosContext     *context,
                                     GParamSpec         *pspec,
                                     VecinosApplication *self);

/* --width or --height: a whole number of pixels, within the sizes
 * exports are drawn at */
static gboolean
parse_size (GVariantDict *options,
            const char   *name,
            int           minimum,
            int          *value)
{
  g_autofree char *option = g_strconcat ("--", name, NULL);
  const char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 number;

  if (!g_variant_dict_lookup (options, name, "&s", &text))
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &number, &error) &&
      !g_error_matches (error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
    {
      /* Translators: %1$s is an option (--width or --height), %2$s what was given for it */
      g_printerr (_("%1$s needs a whole number of pixels, not “%2$s”."), option, text);
      g_printerr ("\n");
      return FALSE;
    }
  if (error != NULL || number < minimum || number > VECINOS_CHART_EXPORT_MAX_SIDE)
    {
      /* Translators: %1$s is an option (--width or --height); %2$d and %3$d are
       * its smallest and largest values */
      g_printerr (_("%1$s must be between %2$d and %3$d pixels."), option, minimum,
                  VECINOS_CHART_EXPORT_MAX_SIDE);
      g_printerr ("\n");
      return FALSE;
    }
  *value = (int) number;
  return TRUE;
}

/* vecinos --export-chart=SERIES --output=FILE: a chart or its figures,
 * written without opening a window, for handouts and scripts */
static int
export_chart (VecinosApplication *self,
              GVariantDict       *options,
              const char         *slug)
{
  const char *language = vecinos_application_get_content_language (self);
  g_autoptr(GFile) file = dataset_file (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(VecinosDataset) dataset = NULL;
  g_autoptr(VecinosSeries) series = NULL;
  g_autoptr(VecinosSeries) compare = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GArray) chart_events = NULL;
  const char *output = NULL, *compare_slug = NULL;
  int width = 1920, height = 1080;
  VecinosChartFlags flags = 0;
  VecinosChart chart = { 0 };

  g_variant_dict_lookup (options, "output", "^&ay", &output);
  g_variant_dict_lookup (options, "compare", "&s", &compare_slug);
  if (g_variant_dict_contains (options, "per-person"))
    flags |= VECINOS_CHART_PER_PERSON;
  if (g_variant_dict_contains (options, "index"))
    flags |= VECINOS_CHART_INDEX;

  /* Usage errors first, before the dataset is opened */
  if (!parse_size (options, "width", VECINOS_CHART_EXPORT_MIN_WIDTH, &width) ||
      !parse_size (options, "height", VECINOS_CHART_EXPORT_MIN_HEIGHT, &height))
    return EXIT_USAGE;
  if ((gint64) width * height > VECINOS_CHART_EXPORT_MAX_PIXELS)
    {
      /* Translators: %1$d × %2$d is the size asked for; %3$d a number of millions */
      g_printerr (_("A chart of %1$d × %2$d pixels is too large: at most %3$d million pixels in all."),
                  width, height, VECINOS_CHART_EXPORT_MAX_PIXELS / 1000000);
      g_printerr ("\n");
      return EXIT_USAGE;
    }
  if (output == NULL)
    {
      g_printerr ("%s\n", _("--export-chart needs --output=FILE (.png, .svg, .pdf or .csv)."));
      return EXIT_USAGE;
    }
  if (!vecinos_chart_export_check (output, width, height, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_USAGE;
    }

  if ((dataset = vecinos_dataset_new_for_file (file, &error)) == NULL ||
      !vecinos_chart_load (dataset, language, slug, compare_slug, flags, &series, &compare, &error) ||
      (events = vecinos_dataset_list_events (dataset, language, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }
  chart.log_scale = g_variant_dict_contains (options, "log");
  if (chart.log_scale && !vecinos_chart_can_log (series, compare))
    {
      g_printerr ("%s\n", _("A logarithmic scale needs every figure above zero; this chart has zero or negative figures."));
      return EXIT_FAILED;
    }

  terms = vecinos_dataset_list_terms (dataset, language);
  chart_events = vecinos_chart_events_for_category (events, series->category);
  chart.series = series;
  chart.compare = compare;
  chart.shared_axis = (flags & VECINOS_CHART_INDEX) != 0;
  chart.terms = terms;
  chart.events = (const VecinosChartEvent *) chart_events->data;
  chart.n_events = chart_events->len;
  chart.background = TRUE;
  if (!vecinos_chart_export (&chart, output, width, height, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }
  return EXIT_DONE;
}

/* vecinos --export-tour=ID --output=FILE.pdf: a guided tour as a handout,
 * a page a step, written without opening a window */
static int
export_tour (VecinosApplication *self,
             GVariantDict       *options,
             const char         *tour)
{
  static const char *chart_options[] = { "width", "height", "compare", "index", "per-person", "log" };
  const char *language = vecinos_application_get_content_language (self);
  g_autoptr(GFile) file = dataset_file (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(VecinosDataset) dataset = NULL;
  const char *output = NULL, *paper_name = NULL;
  VecinosPaper paper = vecinos_paper_default ();

  /* Usage errors first, before the dataset is opened */
  for (guint i = 0; i < G_N_ELEMENTS (chart_options); i++)
    if (g_variant_dict_contains (options, chart_options[i]))
      {
        g_autofree char *option = g_strconcat ("--", chart_options[i], NULL);

        /* Translators: %s is an option, such as --output */
        g_printerr (_("%s only goes with --export-chart=SERIES."), option);
        g_printerr ("\n");
        return EXIT_USAGE;
      }
  if (g_variant_dict_lookup (options, "paper", "&s", &paper_name) &&
      !vecinos_paper_from_name (paper_name, &paper))
    {
      /* Translators: %s is what was given for --paper; a4 and letter are
       * the values it takes, not to be translated */
      g_printerr (_("--paper is a4 or letter, not “%s”."), paper_name);
      g_printerr ("\n");
      return EXIT_USAGE;
    }
  if (!g_variant_dict_lookup (options, "output", "^&ay", &output))
    {
      g_printerr ("%s\n", _("--export-tour needs --output=FILE.pdf."));
      return EXIT_USAGE;
    }
  if (!vecinos_tour_export_check (output, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_USAGE;
    }

  if ((dataset = vecinos_dataset_new_for_file (file, &error)) == NULL ||
      !vecinos_tour_export (dataset, tour, language, paper, output, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }
  return EXIT_DONE;
}

static GFile *dataset_file (VecinosApplication *self);

/* vecinos --export-timelinejs=FILE.json [--dataset=F] [--language=L]: the
 * timeline as TimelineJS JSON, to publish it on the web */
static int
export_timelinejs (VecinosApplication *self,
                   const char         *output)
{
  g_autoptr(GFile) file = dataset_file (self);
  g_autoptr(GFile) destination = g_file_new_for_commandline_arg (output);
  g_autoptr(VecinosDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  if ((dataset = vecinos_dataset_new_for_file (file, &error)) == NULL ||
      !vecinos_timeline_export_json (dataset, vecinos_application_get_content_language (self), destination, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILED;
    }
  return EXIT_DONE;
}

/* GApplication ends with 1 when GOption refuses the command line (an
 * unknown option, a value it cannot parse): a usage error, so 2 */
static gboolean
vecinos_application_local_command_line (GApplication   *application,
                                        char         ***arguments,
                                        int            *exit_status)
{
  VecinosApplication *self = VECINOS_APPLICATION (application);
  gboolean handled;

  self->options_parsed = FALSE;
  handled = G_APPLICATION_CLASS (vecinos_application_parent_class)->local_command_line (application,
                                                                                      arguments,
                                                                                      exit_status);
  if (handled && !self->options_parsed && *exit_status == EXIT_FAILED)
    *exit_status = EXIT_USAGE;
  return handled;
}

static int
vecinos_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  VecinosApplication *self = VECINOS_APPLICATION (application);
  const char *language = NULL;
  const char *dataset = NULL;

  self->options_parsed = TRUE;
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "Vecinos", PACKAGE_VERSION);
      return EXIT_DONE;
    }

  if (g_variant_dict_lookup (options, "language", "&s", &language))
    {
      if (!vecinos_language_is_supported (language))
        {
          g_autofree char *known = g_strjoinv (", ", (char **) vecinos_language_supported ());

          g_printerr (_("Unknown language “%s”. Vecinos can be used in: %s."), language, known);
          g_printerr ("\n");
          return EXIT_USAGE;
        }
      /* The interface follows the content language */
      vecinos_language_use (language);
      g_free (self->language);
      self->language = g_strdup (language);
      self->language_given = TRUE;
    }

  {
    const char *tour = NULL;

    if (g_variant_dict_lookup (options, "tour", "&s", &tour))
      {
        g_free (self->tour);
        self->tour = g_strdup (tour);
      }
    if (g_variant_dict_lookup (options, "step", "i", &self->step) && (self->tour == NULL || self->step < 1))
      {
        g_printerr ("%s\n", _("--step=N goes with --tour=ID, and counts the steps from 1."));
        return EXIT_USAGE;
      }
  }
  self->present = g_variant_dict_contains (options, "present");
  if (g_variant_dict_lookup (options, "dataset", "^&ay", &dataset))
    {
      g_clear_object (&self->dataset_file);
      self->dataset_file = g_file_new_for_commandline_arg (dataset);
    }

  {
    const char *series = NULL, *tour = NULL;

    static const char *export_options[] = {
      "output", "width", "height", "compare", "index", "per-person", "log",
    };

    if (g_variant_dict_lookup (options, "export-tour", "&s", &tour))
      return export_tour (self, options, tour);
    {
      const char *timelinejs = NULL;

      if (g_variant_dict_lookup (options, "export-timelinejs", "^&ay", &timelinejs))
        return export_timelinejs (self, timelinejs);
    }
    if (g_variant_dict_contains (options, "paper"))
      {
        /* Translators: %s is an option, such as --paper */
        g_printerr (_("%s only goes with --export-tour=ID."), "--paper");
        g_printerr ("\n");
        return EXIT_USAGE;
      }
    if (g_variant_dict_lookup (options, "export-chart", "&s", &series))
      return export_chart (self, options, series);
    /* Without --export-chart they would be silently ignored */
    for (guint i = 0; i < G_N_ELEMENTS (export_options); i++)
      if (g_variant_dict_contains (options, export_options[i]))
        {
          g_autofree char *option = g_strconcat ("--", export_options[i], NULL);

          /* Translators: %s is an option, such as --output */
          g_printerr (_("%s only goes with --export-chart=SERIES."), option);
          g_printerr ("\n");
          return EXIT_USAGE;
        }
  }

  /* A Vecinos already running plays the tour, or presents: the options go
   * to it (GLib would hand it only "activate") */
  if (self->tour != NULL || self->present)
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILED;
        }
      if (g_application_get_is_remote (application))
        {
          if (self->tour != NULL)
            g_action_group_change_action_state (G_ACTION_GROUP (application), "tour",
                                                g_variant_new ("(si)", self->tour, MAX (self->step, 1)));
          if (self->present)
            g_action_group_change_action_state (G_ACTION_GROUP (application), "present",
                                                g_variant_new_boolean (TRUE));
        }
    }

  return G_APPLICATION_CLASS (vecinos_application_parent_class)->handle_local_options (application, options);
}

static GFile *
dataset_file (VecinosApplication *self)
{
  const char *from_environment = g_getenv ("VECINOS_DATASET");

  if (self->dataset_file != NULL)
    return g_object_ref (self->dataset_file);
  if (from_environment != NULL && *from_environment != '\0')
    return g_file_new_for_commandline_arg (from_environment);
  return vecinos_paths_default_dataset ();
}

/* --tour=ID [--step=N] (or app.tour): the window plays that tour from that
 * step; a tour the dataset does not have is said, with those it has, and
 * nothing changes */
static void
start_tour (VecinosApplication *self,
            VecinosWindow      *window,
            const char         *tour,
            int                 step)
{
  VecinosContext *context = vecinos_window_get_context (window);
  VecinosDataset *dataset = vecinos_context_get_dataset (context);
  const char *language = vecinos_application_get_content_language (self);
  g_autoptr(GPtrArray) steps = NULL;

  if (dataset == NULL)
    return;
  steps = vecinos_dataset_get_tour_steps (dataset, tour, language);
  if (steps->len == 0)
    {
      g_autoptr(GPtrArray) tours = vecinos_dataset_list_tours (dataset, language);
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; i < tours->len; i++)
        g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", ((VecinosTour *) g_ptr_array_index (tours, i))->slug);
      /* Translators: %1$s is what was asked for, %2$s the tours there are */
      g_printerr (_("There is no guided tour “%1$s”. The tours are: %2$s."), tour, known->str);
      g_printerr ("\n");
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-tour", "s", tour);
  if (step > 1)
    vecinos_context_set_tour_step (context, MIN ((guint) step, steps->len) - 1);
}

/* The window app.tour and app.present act on */
static VecinosWindow *
active_window (VecinosApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return VECINOS_IS_WINDOW (window) ? VECINOS_WINDOW (window) : NULL;
}

/* app.tour, "(si)": play a tour from a step (counted from 1); ("", 0)
 * ends it. Its state is what the active window plays. With app.present
 * (a boolean), what `vecinos --tour=ID --step=N --present` asks of a
 * Vecinos already running — and a script or a class remote on the session
 * bus, or the desktop file's actions */
static void
tour_change_state (GSimpleAction *action,
                   GVariant      *value,
                   gpointer       user_data)
{
  VecinosApplication *self = VECINOS_APPLICATION (user_data);
  VecinosWindow *window = active_window (self);
  const char *tour;
  int step;

  if (window == NULL)
    return;
  g_variant_get (value, "(&si)", &tour, &step);
  if (*tour == '\0')
    gtk_widget_activate_action (GTK_WIDGET (window), "win.stop-tour", NULL);
  else
    start_tour (self, window, tour, step);
}

static void
present_change_state (GSimpleAction *action,
                      GVariant      *value,
                      gpointer       user_data)
{
  VecinosWindow *window = active_window (VECINOS_APPLICATION (user_data));

  if (window != NULL)
    vecinos_context_set_presenting (vecinos_window_get_context (window), g_variant_get_boolean (value));
}

/* The window's tour, step and presenting, as app.tour's and app.present's
 * states */
static void
window_lesson_changed (VecinosContext     *context,
                       GParamSpec         *pspec,
                       VecinosApplication *self)
{
  const char *tour = vecinos_context_get_tour (context);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "tour");

  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action),
                               g_variant_new ("(si)", tour != NULL ? tour : "",
                                              tour != NULL ? (int) vecinos_context_get_tour_step (context) + 1 : 0));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "present");
  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action),
                               g_variant_new_boolean (vecinos_context_get_presenting (context)));
}

static void vecinos_application_activate (GApplication *application);

/* vecinos FILE, and the file manager's Open With: the timeline or dataset
 * in the window (a second launch hands the file to the running Vecinos) */
static void
vecinos_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  GtkWindow *window;

  vecinos_application_activate (application);
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (n_files > 0 && VECINOS_IS_WINDOW (window))
    vecinos_window_open_dataset (VECINOS_WINDOW (window), files[0]);
}

static void
vecinos_application_activate (GApplication *application)
{
  VecinosApplication *self = VECINOS_APPLICATION (application);
  g_autoptr(VecinosDataset) dataset = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (window == NULL)
    {
      file = dataset_file (self);
      dataset = vecinos_dataset_new_for_file (file, &error);
      if (dataset == NULL)
        g_warning ("%s", error->message);

      window = GTK_WINDOW (vecinos_window_new (GTK_APPLICATION (application),
                                               dataset,
                                               vecinos_application_get_content_language (self),
                                               error));
      VecinosContext *context = vecinos_window_get_context (VECINOS_WINDOW (window));

      /* The window's EN | ES switches the whole app */
      g_signal_connect_object (context, "notify::language", G_CALLBACK (window_language_changed), self, 0);
      g_signal_connect_object (context, "notify::tour", G_CALLBACK (window_lesson_changed), self, 0);
      g_signal_connect_object (context, "notify::tour-step", G_CALLBACK (window_lesson_changed), self, 0);
      g_signal_connect_object (context, "notify::presenting", G_CALLBACK (window_lesson_changed), self, 0);
      if (self->tour != NULL)
        start_tour (self, VECINOS_WINDOW (window), self->tour, self->step);
      if (self->present)
        vecinos_context_set_presenting (context, TRUE);
      vecinos_first_frame_watch (window, application);
    }

  gtk_window_present (window);
}

/* The publishers the dataset cites (its publishers.json), a section a kind */
static void
add_publisher_sections (GtkAboutDialog *dialog,
                        VecinosDataset *dataset)
{
  const struct {
    const char *kind;
    const char *title;
  } kinds[] = {
    { "government", N_("Sources: governments and agencies") },
    { "intergovernmental", N_("Sources: intergovernmental bodies") },
    { "court-or-legislature", N_("Sources: courts and legislatures") },
    { "statistical-office", N_("Sources: statistical offices") },
    { "research-institute", N_("Sources: research institutes") },
    { "academic", N_("Sources: universities and journals") },
    { "archive", N_("Sources: archives") },
    { "news", N_("Sources: news media and agencies") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_auto(GStrv) publishers = vecinos_dataset_list_publishers (dataset, kinds[i].kind);

      if (publishers[0] != NULL)
        gtk_about_dialog_add_credit_section (dialog, _(kinds[i].title), (const char **) publishers);
    }
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *dialog;
  const char *developers[] = { _("The Vecinos contributors"), NULL };
  const char *data_credits[] = {
    _("Events: the sources listed with each event"),
    NULL
  };
  g_auto(GStrv) organisations = NULL;
  const char *software_credits[] = {
    "GTK https://gtk.org",
    "GLib https://gitlab.gnome.org/GNOME/glib",
    "JSON-GLib https://gitlab.gnome.org/GNOME/json-glib",
    "SQLite https://sqlite.org",
    NULL
  };

  dialog = g_object_new (GTK_TYPE_ABOUT_DIALOG,
                         "transient-for", window,
                         "modal", TRUE,
                         "program-name", "Vecinos",
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("The relationship between Mexico and the United States "
                                       "since 1994: events, figures and documents, in English "
                                       "and Spanish"),
                         "website", "https://github.com/vecinos/vecinos",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
  gtk_about_dialog_add_credit_section (GTK_ABOUT_DIALOG (dialog), _("Data"), data_credits);
  if (VECINOS_IS_WINDOW (window) && vecinos_window_get_dataset (VECINOS_WINDOW (window)) != NULL)
    {
      organisations = vecinos_dataset_list_source_organisations (vecinos_window_get_dataset (VECINOS_WINDOW (window)));
      if (organisations[0] != NULL)
        gtk_about_dialog_add_credit_section (GTK_ABOUT_DIALOG (dialog), _("Figures"),
                                             (const char **) organisations);
    }
  if (VECINOS_IS_WINDOW (window) && vecinos_window_get_dataset (VECINOS_WINDOW (window)) != NULL)
    add_publisher_sections (GTK_ABOUT_DIALOG (dialog), vecinos_window_get_dataset (VECINOS_WINDOW (window)));
  gtk_about_dialog_add_credit_section (GTK_ABOUT_DIALOG (dialog), _("Built with"), software_credits);
  gtk_about_dialog_set_system_information (GTK_ABOUT_DIALOG (dialog),
    _("Program code: GNU General Public License, version 3 or later.\n"
      "Event titles, summaries and translations written for Vecinos: "
      "Creative Commons Attribution 4.0 (CC BY 4.0).\n"
      "Figures and quoted excerpts remain the work of their sources, credited where they are shown.\n"
      "GTK, GLib and JSON-GLib: GNU LGPL 2.1 or later. SQLite: public domain."));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Closing windows (rather than g_application_quit) lets them save their state */
  while (windows != NULL)
    {
      GList *next = windows->next;

      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }
}

/* app.language: the whole app, every window, in another language. The
 * state is the language in use; activating it from outside (a class
 * remote, `gdbus call … org.gtk.Actions.Activate language "[<'es'>]" {}`)
 * switches the running app */
static void
language_change_state (GSimpleAction *action,
                       GVariant      *state,
                       gpointer       user_data)
{
  VecinosApplication *self = VECINOS_APPLICATION (user_data);
  const char *language = g_variant_get_string (state, NULL);

  if (!vecinos_language_is_supported (language) || g_strcmp0 (language, self->language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  vecinos_language_use (language);
  g_simple_action_set_state (action, state);
  g_settings_set_string (self->settings, "language", language);

  for (GList *windows = gtk_application_get_windows (GTK_APPLICATION (self)); windows != NULL;
       windows = windows->next)
    if (VECINOS_IS_WINDOW (windows->data))
      vecinos_context_set_language (vecinos_window_get_context (windows->data), language);
}

/* A window switched language (its EN | ES): the app, and so every other
 * window, follows, and the choice is remembered */
static void
window_language_changed (VecinosContext     *context,
                         GParamSpec         *pspec,
                         VecinosApplication *self)
{
  g_action_group_change_action_state (G_ACTION_GROUP (self), "language",
                                      g_variant_new_string (vecinos_context_get_language (context)));
}

/* Ctrl+Shift+L: the other language */
static void
toggle_language_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  VecinosApplication *self = VECINOS_APPLICATION (user_data);
  const char *other = g_strcmp0 (vecinos_application_get_content_language (self), "es") == 0 ? "en" : "es";

  g_action_group_change_action_state (G_ACTION_GROUP (self), "language", g_variant_new_string (other));
}

/* --language, then the language chosen last time, then the desktop's */
static void
choose_language (VecinosApplication *self)
{
  g_autofree char *remembered = g_settings_get_string (self->settings, "language");

  if (!self->language_given && vecinos_language_is_supported (remembered))
    {
      g_free (self->language);
      self->language = g_steal_pointer (&remembered);
    }
  vecinos_language_use (vecinos_application_get_content_language (self));
}

static void
vecinos_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *timeline_accels[] = { "<Alt>1", NULL };
  static const char *charts_accels[] = { "<Alt>2", NULL };
  static const char *documents_accels[] = { "<Alt>3", NULL };
  GtkApplication *app = GTK_APPLICATION (application);
  static const char *toggle_language_accels[] = { "<Control><Shift>l", NULL };
  static const GActionEntry entries[] = {
    { .name = "about", .activate = about_activated },
    { .name = "quit", .activate = quit_activated },
    { .name = "toggle-language", .activate = toggle_language_activated },
  };
  VecinosApplication *self = VECINOS_APPLICATION (application);
  g_autoptr(GSimpleAction) language = NULL;
  g_autoptr(GSimpleAction) tour = NULL;
  g_autoptr(GSimpleAction) present = NULL;

  G_APPLICATION_CLASS (vecinos_application_parent_class)->startup (application);

  self->settings = vecinos_paths_new_settings ();
  choose_language (self);
  language = g_simple_action_new_stateful ("language", G_VARIANT_TYPE_STRING,
                                           g_variant_new_string (vecinos_application_get_content_language (self)));
  g_signal_connect (language, "change-state", G_CALLBACK (language_change_state), self);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (language));
  tour = g_simple_action_new_stateful ("tour", G_VARIANT_TYPE ("(si)"), g_variant_new ("(si)", "", 0));
  g_signal_connect (tour, "change-state", G_CALLBACK (tour_change_state), self);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (tour));
  present = g_simple_action_new_stateful ("present", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect (present, "change-state", G_CALLBACK (present_change_state), self);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (present));
  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (app, "app.toggle-language", toggle_language_accels);

  gtk_window_set_default_icon_name (APP_ID);
  gtk_application_set_accels_for_action (app, "app.quit", quit_accels);
  /* What GtkApplication gives a gtk/help-overlay.ui; the window builds
   * its Keyboard Shortcuts itself, after its first frame */
  gtk_application_set_accels_for_action (app, "win.show-help-overlay", shortcuts_accels);
  gtk_application_set_accels_for_action (app, "win.show-view('timeline')", timeline_accels);
  gtk_application_set_accels_for_action (app, "win.show-view('charts')", charts_accels);
  gtk_application_set_accels_for_action (app, "win.show-view('documents')", documents_accels);
}

static void
vecinos_application_finalize (GObject *object)
{
  VecinosApplication *self = (VecinosApplication *) object;

  g_clear_object (&self->dataset_file);
  g_clear_object (&self->settings);
  g_free (self->language);
  g_free (self->tour);

  G_OBJECT_CLASS (vecinos_application_parent_class)->finalize (object);
}

static void
vecinos_application_class_init (VecinosApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = vecinos_application_finalize;
  app_class->activate = vecinos_application_activate;
  app_class->open = vecinos_application_open;
  app_class->startup = vecinos_application_startup;
  app_class->handle_local_options = vecinos_application_handle_local_options;
  app_class->local_command_line = vecinos_application_local_command_line;
}

static void
vecinos_application_init (VecinosApplication *self)
{
  const GOptionEntry options[] = {
    { "dataset", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open this dataset instead of the bundled one"), N_("FILE") },
    { "language", 'l', 0, G_OPTION_ARG_STRING, NULL,
      N_("Show Vecinos in this language (en or es)"), N_("LANGUAGE") },
    { "tour", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Start this guided tour (its id, such as nafta-to-usmca)"), N_("ID") },
    { "step", 0, 0, G_OPTION_ARG_INT, NULL,
      N_("With --tour, start at this step (from 1)"), N_("N") },
    { "present", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start presenting to a class: full screen, large text (Escape leaves)"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print the version and exit"), NULL },
    { "export-chart", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write the chart of this series to --output and exit, without a window"), N_("SERIES") },
    { "export-tour", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write this guided tour to --output as a PDF handout, a page a step, and exit"), N_("ID") },
    { "export-timelinejs", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write the timeline as TimelineJS JSON to this file and exit, to publish it on the web"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("The handout's paper: a4 or letter (by default, the locale's)"), N_("PAPER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The file to export to: .png, .svg, .pdf, or .csv for the figures"), N_("FILE") },
    /* Strings, not G_OPTION_ARG_INT: GApplication drops an integer option
     * that is 0, so --width=0 would be taken for no --width at all */
    { "width", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Width of the exported chart (default 1920)"), N_("PIXELS") },
    { "height", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Height of the exported chart (default 1080)"), N_("PIXELS") },
    { "compare", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Draw this series too, on an axis of its own"), N_("SERIES") },
    { "index", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Draw the series as indexes, the first year they share = 100"), NULL },
    { "per-person", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Divide the figures by the population, where the dataset has one"), NULL },
    { "log", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Use a logarithmic value axis"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Explore the relationship between Mexico and the United States."));
}
