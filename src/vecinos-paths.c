/* vecinos-paths.c — where Vecinos finds its files, installed or not
 *
 * Run from the build tree (make run, the tests), Vecinos reads the dataset,
 * the translations and the settings schema that the build just made, so
 * nothing has to be installed first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-paths.h"

/**
 * vecinos_paths_is_uninstalled:
 *
 * Returns: whether the running program lives in the build tree
 */
gboolean
vecinos_paths_is_uninstalled (void)
{
  static gsize initialized = 0;
  static gboolean uninstalled = FALSE;

  if (g_once_init_enter (&initialized))
    {
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

      uninstalled = exe != NULL && g_str_has_prefix (exe, VECINOS_BUILD_ROOT G_DIR_SEPARATOR_S);
      g_once_init_leave (&initialized, 1);
    }
  return uninstalled;
}

GFile *
vecinos_paths_default_dataset (void)
{
  if (vecinos_paths_is_uninstalled ())
    return g_file_new_build_filename (VECINOS_BUILD_ROOT, "data", "vecinos.sqlite", NULL);
  return g_file_new_build_filename (PKGDATADIR, "vecinos.sqlite", NULL);
}

const char *
vecinos_paths_locale_dir (void)
{
  return vecinos_paths_is_uninstalled () ? VECINOS_BUILD_ROOT "/po" : LOCALEDIR;
}

/**
 * vecinos_paths_new_settings:
 *
 * Returns: (transfer full): the app's settings, from the installed schema or,
 *   uninstalled, from the one compiled in the build tree
 */
GSettings *
vecinos_paths_new_settings (void)
{
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *default_source = g_settings_schema_source_get_default ();

  if (default_source != NULL)
    schema = g_settings_schema_source_lookup (default_source, APP_ID, TRUE);

  if (schema == NULL && vecinos_paths_is_uninstalled ())
    {
      source = g_settings_schema_source_new_from_directory (VECINOS_BUILD_ROOT "/data",
                                                            default_source, FALSE, NULL);
      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
    }

  if (schema == NULL)
    g_error ("The settings schema %s is not installed", APP_ID);

  return g_settings_new_full (schema, NULL, NULL);
}
