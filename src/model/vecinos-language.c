/* vecinos-language.c — the languages Vecinos speaks, and switching them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>
#include <string.h>

#include "vecinos-i18n.h"
#include "vecinos-language.h"

/* The languages of the interface and of the bundled dataset */
static const char * const supported[] = { "en", "es", NULL };

const char * const *
vecinos_language_supported (void)
{
  return supported;
}

gboolean
vecinos_language_is_supported (const char *language)
{
  return language != NULL && g_strv_contains (supported, language);
}

/**
 * vecinos_language_from_names:
 * @names: (nullable): the user's languages in order of preference, as
 *   g_get_language_names() gives them
 *
 * Returns: the first of Vecinos' languages the user reads, else "en"
 */
const char *
vecinos_language_from_names (const char * const *names)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    for (guint j = 0; supported[j] != NULL; j++)
      if (strncmp (names[i], supported[j], 2) == 0 &&
          strchr ("_.@", names[i][2]) != NULL)
        return supported[j];
  return "en";
}

/**
 * vecinos_language_pgettext:
 *
 * Translates @msgid in @context, as pgettext() would
 */
const char *
vecinos_language_pgettext (const char *context,
                           const char *msgid)
{
  g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);
  const char *translation = dgettext (GETTEXT_PACKAGE, key);

  return translation == key ? msgid : translation;
}

/**
 * vecinos_language_use:
 * @language: one of vecinos_language_supported()
 *
 * Makes @language the language of the interface from now on, even after
 * strings have been translated in another one.
 */
/**
 * vecinos_language_bind:
 * @locale_dir: where the catalogues are
 *
 * Makes the program's text domain ours, with its catalogues in @locale_dir.
 */
void
vecinos_language_bind (const char *locale_dir)
{
  /* GLib decides once per process whether g_dgettext() — and so GTK's own
   * words, "Clear entry" — translates at all, and under a C locale, once
   * our domain is set and the language of the moment has no catalogue,
   * it decides never. Asked first, with the default domain still set, it
   * says yes, and GTK's words switch language with ours */
  (void) g_dgettext ("gtk40", "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

void
vecinos_language_use (const char *language)
{
  g_return_if_fail (vecinos_language_is_supported (language));

  g_setenv ("LANGUAGE", language, TRUE);
  /* Setting the text domain again makes glibc drop the translations it has
   * cached, which would otherwise stay in the previous language */
  textdomain (textdomain (NULL));
}

/**
 * vecinos_language_get_name:
 * @language: a language code, "en" or "es"
 *
 * Returns: (transfer full): the language's name in the interface's
 *   language, as it reads inside a sentence ("Spanish", "español"); the
 *   code itself for a language Vecinos does not know
 */
char *
vecinos_language_get_name (const char *language)
{
  if (g_strcmp0 (language, "en") == 0)
    /* Translators: the English language, inside a sentence */
    return g_strdup (_("English"));
  if (g_strcmp0 (language, "es") == 0)
    /* Translators: the Spanish language, inside a sentence */
    return g_strdup (_("Spanish"));
  return g_strdup (language);
}
