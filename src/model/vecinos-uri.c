/* vecinos-uri.c — which addresses from a dataset Vecinos lets a user open
 *
 * A dataset file can come from anyone, and a link in it is handed to the
 * desktop, which opens whatever its scheme names (a javascript: address in
 * a browser, a file: address in a viewer). So every link the interface
 * makes goes through vecinos_uri_link_markup(): web pages and e-mail
 * addresses become links, anything else stays text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "vecinos-uri.h"

#include <string.h>

#include "vecinos-schema.h"

/**
 * vecinos_uri_is_openable:
 * @uri: (nullable): an address as a dataset holds it
 *
 * Returns: whether @uri is an https, http or mailto address with something
 *   after its scheme (a host for the web), valid UTF-8 and free of spaces,
 *   control characters and the characters that end an address in markup
 */
gboolean
vecinos_uri_is_openable (const char *uri)
{
  static const char * const schemes[] = { "https://", "http://", "mailto:" };
  gsize length;
  const char *rest = NULL;

  if (uri == NULL)
    return FALSE;
  length = strlen (uri);
  if (length > VECINOS_TEXT_MAX_URL || !g_utf8_validate (uri, length, NULL))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (schemes) && rest == NULL; i++)
    if (g_ascii_strncasecmp (uri, schemes[i], strlen (schemes[i])) == 0)
      rest = uri + strlen (schemes[i]);
  /* A web address needs a host; an e-mail address, someone */
  if (rest == NULL || *rest == '\0' || *rest == '/' || *rest == '?' || *rest == '#' || *rest == '@')
    return FALSE;

  for (const char *p = uri; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\')
        return FALSE;
    }
  return TRUE;
}

/**
 * vecinos_uri_link_markup:
 * @uri: (nullable): where @text links to, as a dataset holds it
 * @text: what the link says
 *
 * Returns: (transfer full): Pango markup: @text as a link to @uri when
 *   vecinos_uri_is_openable() accepts it; otherwise @text followed by
 *   the address in parentheses (when there is one), as plain text that
 *   nothing launches
 */
char *
vecinos_uri_link_markup (const char *uri,
                         const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (vecinos_uri_is_openable (uri))
    return g_markup_printf_escaped ("<a href=\"%s\">%s</a>", uri, text);
  if (uri == NULL || *uri == '\0' || g_strcmp0 (uri, text) == 0 ||
      !g_utf8_validate (uri, -1, NULL))
    return g_markup_escape_text (text, -1);
  return g_markup_printf_escaped ("%s (%s)", text, uri);
}
