/* vecinos-importer-publishers.c — who a dataset may cite: publishers.json
 *
 * A dataset may name its publishers (docs/DATASET.md, "Publishers"): each
 * organisation with its kind and the hosts its pages are on, and the hosts
 * it refuses — mirrors, aggregators, content farms, wikis, blogs — each with
 * the reason. With a registry every address the dataset gives (an event's
 * sources, a series' and each point's source, a document) must be on a
 * registered host, and use https unless its publisher serves only http.
 * Without one (a teacher's own folder) only the form of an address is
 * checked: a host that does not end in a dot, no user name, and a path
 * percent-encoded as RFC 3986 asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vecinos-i18n.h"

#include "vecinos-importer-private.h"

typedef struct {
  char     *slug;
  gboolean  http_only;
} Publisher;

static void
publisher_free (Publisher *publisher)
{
  g_free (publisher->slug);
  g_free (publisher);
}

static const char * const kinds[] = {
  "government", "intergovernmental", "court-or-legislature", "statistical-office",
  "news", "research-institute", "archive", "academic", NULL
};

/* The host of @url, lower case, or %NULL with why not in @problem */
static char *
url_host (const char  *url,
          const char **problem)
{
  const char *start = strstr (url, "://");
  gsize length;
  g_autofree char *host = NULL;

  *problem = NULL;
  if (start == NULL)
    return NULL;
  start += 3;
  length = strcspn (start, "/?#");
  host = g_ascii_strdown (start, length);
  if (strchr (host, '@') != NULL)
    *problem = _("it names a user before its host");
  else if (*host == '\0' || host[0] == '.' || host[0] == ':')
    *problem = _("it has no host");
  else if (g_str_has_suffix (host, ".") || strstr (host, ".:") != NULL)
    *problem = _("its host ends in a dot");
  else if (strstr (host, "..") != NULL)
    *problem = _("its host is not a name");
  if (*problem != NULL)
    return NULL;
  /* The port is not part of the host */
  if (strchr (host, ':') != NULL)
    *strchr (host, ':') = '\0';
  return g_steal_pointer (&host);
}

/* RFC 3986: what an address may hold as it is; anything else, a space or a
 * letter with an accent, is written %XX */
static gboolean
is_encoded (const char *url)
{
  for (const char *p = url; *p != '\0'; p++)
    {
      if (*p == '%')
        {
          if (!g_ascii_isxdigit (p[1]) || !g_ascii_isxdigit (p[2]))
            return FALSE;
          p += 2;
        }
      else if (!g_ascii_isalnum (*p) && strchr ("-._~:/?#[]@!$&'()*+,;=", *p) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* The host of a well-formed @url, or %NULL with why not in @problem */
static char *
well_formed_host (const char  *url,
                  const char **problem)
{
  g_autofree char *host = url_host (url, problem);

  if (host == NULL)
    {
      if (*problem == NULL)
        *problem = _("it has no host");
      return NULL;
    }
  if (!is_encoded (url))
    {
      *problem = _("it has characters that must be percent-encoded");
      return NULL;
    }
  return g_steal_pointer (&host);
}

/**
 * vecinos_importer_check_url_form:
 * @problem: (out): what is wrong with @url, when something is
 *
 * Returns: whether @url (known to start with http:// or https://) is well
 *   formed: a host that is a name, no user name, every character that must
 *   be percent-encoded encoded
 */
gboolean
vecinos_importer_check_url_form (const char  *url,
                                 const char **problem)
{
  g_autofree char *host = well_formed_host (url, problem);

  return host != NULL;
}

/**
 * import_check_address:
 * @url: an address the dataset gives, already known to start with
 *   http:// or https://
 *
 * Refuses a malformed address and, when the dataset has a registry, one on
 * a host it refuses or does not list, or over http where the publisher
 * serves https.
 */
gboolean
import_check_address (Import      *import,
                      const char  *url,
                      GError     **error)
{
  const char *problem = NULL;
  g_autofree char *host = well_formed_host (url, &problem);
  Publisher *publisher;
  const char *reason;

  if (host == NULL)
    /* Translators: %1$s is a web address, %2$s what is wrong with it */
    return import_fail (import, error, _("the address “%1$s” is not well formed: %2$s"), url, problem);
  if (import->publishers == NULL)
    return TRUE;

  if ((reason = g_hash_table_lookup (import->refused_hosts, host)) != NULL)
    /* Translators: %1$s is a web address, %2$s its host, %3$s why the
     * dataset's registry refuses that host */
    return import_fail (import, error, _("the address “%1$s” is on %2$s, which publishers.json refuses (%3$s)"),
                        url, host, reason);
  if ((publisher = g_hash_table_lookup (import->publishers, host)) == NULL)
    return import_fail (import, error, _("the address “%1$s” is on %2$s, which is not in publishers.json"),
                        url, host);
  if (g_str_has_prefix (url, "http://") && !publisher->http_only)
    return import_fail (import, error,
                        _("the address “%1$s” uses http://, but publishers.json does not say %2$s serves only http"),
                        url, host);
  return TRUE;
}

/* A registry entry's hosts: each well formed, each in one entry only */
static gboolean
import_hosts (Import     *import,
              JsonObject *object,
              Publisher  *publisher,
              GError    **error)
{
  JsonNode *node = json_object_get_member (object, "hosts");
  JsonArray *hosts;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (hosts = json_node_get_array (node)) == 0)
    return import_missing (import, "hosts", error);
  for (guint i = 0; i < json_array_get_length (hosts); i++)
    {
      JsonNode *element = json_array_get_element (hosts, i);
      const char *host = JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING
                         ? json_node_get_string (element) : NULL;
      g_autofree char *url = host != NULL ? g_strconcat ("https://", host, "/", NULL) : NULL;
      g_autofree char *found = NULL;
      const char *problem = NULL;

      if (host == NULL || (found = url_host (url, &problem)) == NULL || g_strcmp0 (found, host) != 0 ||
          !is_encoded (url))
        /* Translators: %s is what a registry gives as a host */
        return import_fail (import, error, _("“%s” is not a host name in lower case"), host != NULL ? host : "");
      if (g_hash_table_contains (import->publishers, host) || g_hash_table_contains (import->refused_hosts, host))
        return import_fail (import, error, _("the host “%s” is listed twice"), host);
      g_hash_table_insert (import->publishers, g_strdup (host), publisher);
    }
  return TRUE;
}

static gboolean
import_refused (Import     *import,
                JsonObject *root,
                GError    **error)
{
  JsonNode *node = json_object_get_member (root, "refused");
  JsonArray *refused;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return import_fail (import, error, _("expected an object with an array “%s”"), "refused");
  refused = json_node_get_array (node);
  import->kind = _("refused host");
  for (guint i = 0; i < json_array_get_length (refused); i++)
    {
      JsonObject *object;
      const char *reason;
      g_autofree char *url = NULL;
      g_autofree char *found = NULL;
      const char *problem = NULL;

      import->record = NULL;
      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (refused, i)))
        return import_fail (import, error, _("refused host %u is not an object"), i + 1);
      object = json_array_get_object_element (refused, i);
      if (!(import->record = import_get_string (import, object, "host", error)) ||
          !(reason = import_get_string (import, object, "reason", error)))
        return FALSE;
      url = g_strconcat ("https://", import->record, "/", NULL);
      if ((found = url_host (url, &problem)) == NULL || !g_str_equal (found, import->record) || !is_encoded (url))
        return import_fail (import, error, _("“%s” is not a host name in lower case"), import->record);
      if (g_hash_table_contains (import->publishers, import->record) ||
          g_hash_table_contains (import->refused_hosts, import->record))
        return import_fail (import, error, _("the host “%s” is listed twice"), import->record);
      g_hash_table_insert (import->refused_hosts, g_strdup (import->record), g_strdup (reason));
    }
  return TRUE;
}

/**
 * import_publishers:
 *
 * Reads publishers.json: the registry every later address is checked
 * against, kept in the database for the About dialog.
 */
gboolean
import_publishers (Import  *import,
                   GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(GHashTable) slugs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  import->file = "publishers.json";
  import->kind = _("publisher");
  if (!(array = import_read_array (import, &parser, "publishers", error)) ||
      !(insert = import_prepare (import, "INSERT INTO publisher (slug, name, kind, url) VALUES (?, ?, ?, ?)",
                                 error)))
    return FALSE;

  import->publishers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->refused_hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import->publisher_list = g_ptr_array_new_with_free_func ((GDestroyNotify) publisher_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object;
      const char *name, *kind;
      gboolean http_only = FALSE;
      Publisher *publisher;
      g_autofree char *url = NULL;

      if (!(object = import_record_at (import, array, i, error)) ||
          !(name = import_get_string (import, object, "name", error)) ||
          !(kind = import_get_string (import, object, "kind", error)) ||
          (json_object_has_member (object, "http_only") &&
           !import_get_boolean (import, object, "http_only", &http_only, error)))
        return FALSE;
      if (!g_strv_contains (kinds, kind))
        /* Translators: %s is a kind of publisher as the file gives it */
        return import_fail (import, error, _("“%s” is not a kind of publisher (government, intergovernmental, "
                                             "court-or-legislature, statistical-office, news, "
                                             "research-institute, archive or academic)"), kind);
      if (!import_check_new_id (import, slugs, error))
        return FALSE;
      g_hash_table_add (slugs, g_strdup (import->record));

      publisher = g_new0 (Publisher, 1);
      publisher->slug = g_strdup (import->record);
      publisher->http_only = http_only;
      g_ptr_array_add (import->publisher_list, publisher);
      if (!import_hosts (import, object, publisher, error))
        return FALSE;
      /* Its home: the first host */
      url = g_strdup_printf ("%s://%s/", http_only ? "http" : "https",
                             json_array_get_string_element (json_object_get_array_member (object, "hosts"), 0));
      if (!import_run (import, insert, "ssss", import->record, name, kind, url))
        return import_fail_sqlite (import, error);
    }
  return import_refused (import, json_node_get_object (json_parser_get_root (parser)), error);
}
