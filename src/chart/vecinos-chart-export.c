/* vecinos-chart-export.c — a chart written to a PNG, SVG, PDF or CSV file
 *
 * Without a window, for the Export button and `vecinos --export-chart`
 * alike: every format is written beside the file asked for and renamed
 * over it once complete, and a failure is said in words a teacher can act
 * on. vecinos_export_pdf() writes other drawings, a tour's handout, the
 * same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "vecinos-i18n.h"
#include "vecinos-chart-draw.h"
#include "vecinos-chart-export.h"

/* The kinds of file vecinos_chart_export() writes */
typedef enum {
  EXPORT_NONE,
  EXPORT_PNG,
  EXPORT_SVG,
  EXPORT_PDF,
  EXPORT_CSV,
} ExportFormat;

static ExportFormat
export_format (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png"))
    return EXPORT_PNG;
  if (g_str_has_suffix (lower, ".svg"))
    return EXPORT_SVG;
  if (g_str_has_suffix (lower, ".pdf"))
    return EXPORT_PDF;
  if (g_str_has_suffix (lower, ".csv"))
    return EXPORT_CSV;
  return EXPORT_NONE;
}

/**
 * vecinos_chart_export_check:
 * @path: the file asked for
 *
 * Whether vecinos_chart_export() can write @path at @width × @height: the
 * name ends in a known extension and the size is within
 * %VECINOS_CHART_EXPORT_MIN_WIDTH … %VECINOS_CHART_EXPORT_MAX_SIDE (and
 * %VECINOS_CHART_EXPORT_MIN_HEIGHT for the height), with at most
 * %VECINOS_CHART_EXPORT_MAX_PIXELS in all. Nothing is written.
 */
gboolean
vecinos_chart_export_check (const char *path,
                            int         width,
                            int         height,
                            GError    **error)
{
  if (export_format (path) == EXPORT_NONE)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is a file name */
                   _("Cannot export to “%s”: the name must end in .png, .svg, .pdf or .csv."), name);
      return FALSE;
    }
  if (width < VECINOS_CHART_EXPORT_MIN_WIDTH || width > VECINOS_CHART_EXPORT_MAX_SIDE ||
      height < VECINOS_CHART_EXPORT_MIN_HEIGHT || height > VECINOS_CHART_EXPORT_MAX_SIDE ||
      (gint64) width * height > VECINOS_CHART_EXPORT_MAX_PIXELS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %1$d × %2$d is the size asked for, in pixels */
                   _("Cannot export a chart of %1$d × %2$d pixels: that size is not possible."),
                   width, height);
      return FALSE;
    }
  return TRUE;
}

/* A file being exported: written beside the one asked for, under a name of
 * its own, and renamed over it only once all of it is on the disk, so that
 * a failure (a full disk, a removed drive) leaves the previous file whole */
typedef struct {
  const char *path;
  char       *tmp_path;
  int         fd;
  int         saved_errno;  /* of the first write that failed */
} ExportFile;

/* Says why @path could not be written, the way a teacher would want to
 * hear it, from the errno of the call that failed */
static void
set_export_error (GError    **error,
                  const char *path,
                  int         saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_name = g_filename_display_name (dir);
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  switch (saved_errno)
    {
    case ENOENT:
    case ENOTDIR:
      if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, G_IO_ERROR, code,
                       /* Translators: %1$s is a file name, %2$s the folder it would be in */
                       _("Cannot export to “%1$s”: the folder “%2$s” does not exist."),
                       name, dir_name);
          return;
        }
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, G_IO_ERROR, code,
                   /* Translators: %1$s is a file name, %2$s the folder it would be in */
                   _("Cannot export to “%1$s”: you cannot write in the folder “%2$s”."),
                   name, dir_name);
      return;
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   /* Translators: %s is a file name */
                   _("Cannot export to “%s”: the disk is full."), name);
      return;
    case EFBIG:
      g_set_error (error, G_IO_ERROR, code,
                   /* Translators: %s is a file name; the disk, or the system, takes
                    * no file that large */
                   _("Cannot export to “%s”: the file is too large for this disk."), name);
      return;
    case EISDIR:
      g_set_error (error, G_IO_ERROR, code,
                   /* Translators: %s is a file name */
                   _("Cannot export to “%s”: that is a folder."), name);
      return;
    default:
      break;
    }
  g_set_error (error, G_IO_ERROR, code,
               /* Translators: %1$s is a file name, %2$s the reason */
               _("Could not write “%1$s”: %2$s"), name, g_strerror (saved_errno));
}

static gboolean
export_file_open (ExportFile *file,
                  const char *path,
                  GError    **error)
{
  file->path = path;
  file->tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  file->saved_errno = 0;
  file->fd = g_mkstemp_full (file->tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (file->fd < 0)
    {
      set_export_error (error, path, errno);
      g_clear_pointer (&file->tmp_path, g_free);
      return FALSE;
    }
  return TRUE;
}

/* Cairo's write function: every byte, or an error Cairo passes on */
static cairo_status_t
export_file_write (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  ExportFile *file = closure;

  if (file->saved_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  while (length > 0)
    {
      gssize written = write (file->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          file->saved_errno = written < 0 ? errno : ENOSPC;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= written;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* On the disk, then in place of the file asked for */
static gboolean
export_file_commit (ExportFile *file,
                    GError    **error)
{
  int fd = file->fd;

  file->fd = -1;
  if (g_fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      set_export_error (error, file->path, saved_errno);
      return FALSE;
    }
  if (close (fd) != 0 && errno != EINTR)
    {
      set_export_error (error, file->path, errno);
      return FALSE;
    }
  if (g_rename (file->tmp_path, file->path) != 0)
    {
      set_export_error (error, file->path, errno);
      return FALSE;
    }
  g_clear_pointer (&file->tmp_path, g_free);
  return TRUE;
}

/* After a failure, or after a commit: nothing of the export stays behind
 * but the file asked for */
static void
export_file_clear (ExportFile *file)
{
  if (file->fd >= 0)
    close (file->fd);
  file->fd = -1;
  if (file->tmp_path != NULL)
    g_unlink (file->tmp_path);
  g_clear_pointer (&file->tmp_path, g_free);
}

/* The figures, through the model's CSV writer into the file set aside.
 * GLib reports a failure with a GFileError; said again as the other
 * formats' failures are */
static gboolean
export_csv (const VecinosChart *chart,
            ExportFile         *file,
            GError            **error)
{
  static const struct { GFileError code; int errno_value; } errnos[] = {
    { G_FILE_ERROR_NOSPC, ENOSPC },
    { G_FILE_ERROR_NOENT, ENOENT },
    { G_FILE_ERROR_NOTDIR, ENOTDIR },
    { G_FILE_ERROR_ACCES, EACCES },
    { G_FILE_ERROR_PERM, EPERM },
    { G_FILE_ERROR_ROFS, EROFS },
    { G_FILE_ERROR_ISDIR, EISDIR },
    { G_FILE_ERROR_IO, EIO },
  };
  g_autoptr(GError) local_error = NULL;

  if (vecinos_series_write_csv (chart->series, chart->compare, file->tmp_path, &local_error))
    return TRUE;
  if (local_error->domain == G_FILE_ERROR)
    {
      for (guint i = 0; i < G_N_ELEMENTS (errnos); i++)
        if (local_error->code == (int) errnos[i].code)
          {
            set_export_error (error, file->path, errnos[i].errno_value);
            return FALSE;
          }
      /* GFileError has no code for these; GLib's message carries
       * strerror()'s wording of them */
      if (strstr (local_error->message, g_strerror (EFBIG)) != NULL)
        {
          set_export_error (error, file->path, EFBIG);
          return FALSE;
        }
#ifdef EDQUOT
      if (strstr (local_error->message, g_strerror (EDQUOT)) != NULL)
        {
          set_export_error (error, file->path, EDQUOT);
          return FALSE;
        }
#endif
    }
  {
    g_autofree char *name = g_filename_display_name (file->path);

    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 /* Translators: %1$s is a file name, %2$s the reason */
                 _("Could not write “%1$s”: %2$s"), name, local_error->message);
  }
  return FALSE;
}

/* SVG and PDF are written as they are finished: a short write shows here,
 * through the write function, as an error status. Takes @surface */
static gboolean
export_surface_finish (cairo_surface_t *surface,
                       cairo_status_t   status,
                       ExportFile      *file,
                       GError         **error)
{
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (file->saved_errno != 0)
    {
      set_export_error (error, file->path, file->saved_errno);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (file->path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %1$s is a file name, %2$s the reason */
                   _("Could not write “%1$s”: %2$s"), name, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* "Source: …" (or "Sources: …, each naming its series"), the years of the
 * figures and "Vecinos": what a chart on a slide or a handout must carry */
static char *
footer_text (const VecinosChart *chart)
{
  const VecinosSeries *both[] = { chart->series, chart->compare };
  GString *text = g_string_new (NULL);
  int first = 0, last = 0;

  if (chart->compare == NULL)
    /* Translators: under an exported chart; %s is the organisation */
    g_string_append_printf (text, _("Source: %s."), chart->series->source_org);
  else
    /* Translators: under an exported chart comparing two series: %1$s the
     * first's source, %2$s its name, %3$s the second's source, %4$s its name */
    g_string_append_printf (text, _("Sources: %1$s (%2$s); %3$s (%4$s)."),
                            chart->series->source_org, chart->series->name,
                            chart->compare->source_org, chart->compare->name);
  for (guint s = 0; s < G_N_ELEMENTS (both) && both[s] != NULL; s++)
    if (both[s]->points->len > 0)
      {
        int from = g_array_index (both[s]->points, VecinosPoint, 0).year;
        int to = g_array_index (both[s]->points, VecinosPoint, both[s]->points->len - 1).year;

        first = first == 0 ? from : MIN (first, from);
        last = MAX (last, to);
      }
  if (first != 0)
    {
      g_autofree char *from = vecinos_series_format_year (chart->series, first);
      g_autofree char *to = vecinos_series_format_year (chart->series, last);

      g_string_append_c (text, ' ');
      if (first == last)
        /* Translators: under an exported chart: the one period its figures are for */
        g_string_append_printf (text, _("Figures for %s."), from);
      else
        /* Translators: under an exported chart: the periods its figures
         * cover, %1$s the first, %2$s the last */
        g_string_append_printf (text, _("Figures for %1$s–%2$s."), from, to);
    }
  g_string_append_c (text, ' ');
  /* Translators: under an exported chart: the program that drew it */
  g_string_append (text, _("Chart: Vecinos."));
  return g_string_free (text, FALSE);
}

/* The footer of an exported chart, wrapped to @width, at the bottom of
 * @height; returns how high it is */
static double
draw_footer (cairo_t            *cr,
             PangoContext       *context,
             const VecinosChart *chart,
             double              width,
             double              height,
             gboolean            paint)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 9");
  g_autofree char *text = footer_text (chart);
  const double margin = 12;
  int text_height;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) ((width - 2 * margin) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  if (paint)
    {
      double top = height - text_height - margin;

      cairo_save (cr);
      if (chart->background)
        {
          /* The chart's own background, continued */
          if (chart->dark)
            cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
          else
            cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_rectangle (cr, 0, top - margin / 2, width, height - top + margin / 2);
          cairo_fill (cr);
        }
      /* 9.7:1 on white, 8.6:1 on the dark background */
      if (chart->dark)
        cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      else
        cairo_set_source_rgb (cr, 0.27, 0.27, 0.27);
      cairo_move_to (cr, margin, top);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }
  return text_height + 1.5 * margin;
}

/* The chart, drawn into a surface whose bytes go to @file */
static gboolean
export_drawing (const VecinosChart *chart,
                ExportFormat        format,
                int                 width,
                int                 height,
                ExportFile         *file,
                GError            **error)
{
  PangoFontMap *fontmap = pango_cairo_font_map_get_default ();
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_status_t status;
  double zoom, footer;
  cairo_t *cr;

  if (format == EXPORT_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  else if (format == EXPORT_SVG)
    surface = cairo_svg_surface_create_for_stream (export_file_write, file, width, height);
  else
    surface = cairo_pdf_surface_create_for_stream (export_file_write, file, width, height);

  context = pango_font_map_create_context (fontmap);
  pango_context_set_font_description (context, font);
  cr = cairo_create (surface);
  /* Laid out as on a 720-pixel-high screen and scaled up, so that a slide
   * keeps the proportions of the window: text a projector can show */
  zoom = MAX (height / 720.0, 0.5);
  cairo_scale (cr, zoom, zoom);
  pango_cairo_update_context (cr, context);
  /* The chart above, its sources, years and maker in a footer below */
  footer = draw_footer (cr, context, chart, width / zoom, height / zoom, FALSE);
  vecinos_chart_draw (cr, context, chart, width / zoom, height / zoom - footer, NULL);
  draw_footer (cr, context, chart, width / zoom, height / zoom, TRUE);
  status = cairo_status (cr);
  cairo_destroy (cr);
  g_object_unref (context);

  if (status == CAIRO_STATUS_SUCCESS && format == EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, export_file_write, file);
  return export_surface_finish (surface, status, file, error);
}

/**
 * vecinos_chart_export:
 * @path: ends in .png, .svg, .pdf, or .csv for the figures
 *
 * Draws @chart into a file of @width × @height pixels (points for PDF),
 * without a window, or writes the figures it shows. Every format is
 * written beside @path and renamed over it once complete: when writing
 * fails (a missing folder, a full disk), the previous file stays whole and
 * nothing else is left behind.
 *
 * Returns: %FALSE with @error set, in the user's language, on failure
 */
gboolean
vecinos_chart_export (const VecinosChart *chart,
                      const char         *path,
                      int                 width,
                      int                 height,
                      GError            **error)
{
  ExportFormat format = export_format (path);
  ExportFile file = { NULL, NULL, -1, 0 };
  gboolean done;

  g_return_val_if_fail (chart != NULL && chart->series != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!vecinos_chart_export_check (path, width, height, error) ||
      !export_file_open (&file, path, error))
    return FALSE;
  if (format == EXPORT_CSV)
    done = export_csv (chart, &file, error);
  else
    done = export_drawing (chart, format, width, height, &file, error);
  done = done && export_file_commit (&file, error);
  export_file_clear (&file);
  return done;
}

/**
 * vecinos_export_pdf:
 * @path: the file to write; its name is the caller's to check
 * @width: the pages' width, in points
 * @height: their height
 * @title: (nullable): the document's title, in its metadata
 * @draw: draws every page on the context it is given, each ended with
 *   cairo_show_page()
 *
 * Writes a PDF the way charts are exported: beside @path, renamed over it
 * once complete, so that a failure keeps the previous file whole and
 * leaves nothing behind.
 *
 * Returns: %FALSE with @error set, in the user's language, on failure
 */
gboolean
vecinos_export_pdf (const char            *path,
                    double                 width,
                    double                 height,
                    const char            *title,
                    VecinosExportDrawFunc  draw,
                    gpointer               user_data,
                    GError               **error)
{
  ExportFile file = { NULL, NULL, -1, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean done;
  cairo_t *cr;

  g_return_val_if_fail (path != NULL && draw != NULL, FALSE);

  if (!export_file_open (&file, path, error))
    return FALSE;
  surface = cairo_pdf_surface_create_for_stream (export_file_write, &file, width, height);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Vecinos");
  cr = cairo_create (surface);
  draw (cr, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  done = export_surface_finish (surface, status, &file, error) &&
         export_file_commit (&file, error);
  export_file_clear (&file);
  return done;
}
