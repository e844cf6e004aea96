/* test-json-tree.c — the flat JSON reader a teacher's TimelineJS file
 * goes through: what it reads, and each thing it refuses, with its line
 * and path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vecinos-importer.h"
#include "vecinos-json-tree.h"
#include "vecinos-test.h"

static VecinosJsonTree *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  VecinosJsonTree *tree = vecinos_json_tree_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (tree);
  return tree;
}

static void
test_values (void)
{
  g_autoptr(VecinosJsonTree) tree = parse ("\xef\xbb\xbf{ \"a\": [1, -2.5e1, true, false, null, \"x\\ty\"],\n"
                                           "  \"b\": {}, \"c\": [], \"d\": \"caf\\u00e9 \\ud83d\\ude00 \\/ \\\"\" }");
  guint a = vecinos_json_tree_member (tree, VECINOS_JSON_ROOT, "a");
  guint element;

  g_assert_cmpint (vecinos_json_tree_type (tree, VECINOS_JSON_ROOT), ==, VECINOS_JSON_OBJECT);
  g_assert_cmpint (vecinos_json_tree_type (tree, a), ==, VECINOS_JSON_ARRAY);
  element = vecinos_json_tree_first (tree, a);
  g_assert_cmpint (vecinos_json_tree_type (tree, element), ==, VECINOS_JSON_NUMBER);
  g_assert_cmpfloat (vecinos_json_tree_number (tree, element), ==, 1);
  element = vecinos_json_tree_next (tree, element);
  g_assert_cmpfloat (vecinos_json_tree_number (tree, element), ==, -25);
  element = vecinos_json_tree_next (tree, element);
  g_assert_cmpint (vecinos_json_tree_type (tree, element), ==, VECINOS_JSON_BOOLEAN);
  g_assert_cmpfloat (vecinos_json_tree_number (tree, element), ==, 1);
  element = vecinos_json_tree_next (tree, element);
  g_assert_cmpfloat (vecinos_json_tree_number (tree, element), ==, 0);
  element = vecinos_json_tree_next (tree, element);
  g_assert_cmpint (vecinos_json_tree_type (tree, element), ==, VECINOS_JSON_NULL);
  g_assert_null (vecinos_json_tree_string (tree, element));
  element = vecinos_json_tree_next (tree, element);
  g_assert_cmpstr (vecinos_json_tree_string (tree, element), ==, "x\ty");
  g_assert_cmpuint (vecinos_json_tree_next (tree, element), ==, VECINOS_JSON_NONE);

  g_assert_cmpint (vecinos_json_tree_type (tree, vecinos_json_tree_object (tree, VECINOS_JSON_ROOT, "b")), ==,
                   VECINOS_JSON_OBJECT);
  g_assert_cmpuint (vecinos_json_tree_first (tree, vecinos_json_tree_member (tree, VECINOS_JSON_ROOT, "b")), ==,
                    VECINOS_JSON_NONE);
  g_assert_cmpuint (vecinos_json_tree_first (tree, vecinos_json_tree_member (tree, VECINOS_JSON_ROOT, "c")), ==,
                    VECINOS_JSON_NONE);
  g_assert_cmpuint (vecinos_json_tree_object (tree, VECINOS_JSON_ROOT, "c"), ==, VECINOS_JSON_NONE);
  g_assert_cmpstr (vecinos_json_tree_string (tree, vecinos_json_tree_member (tree, VECINOS_JSON_ROOT, "d")), ==,
                   "café 😀 / \"");
  /* Asking what is not there, or asking a value that is not an object */
  g_assert_cmpuint (vecinos_json_tree_member (tree, VECINOS_JSON_ROOT, "e"), ==, VECINOS_JSON_NONE);
  g_assert_cmpuint (vecinos_json_tree_member (tree, a, "a"), ==, VECINOS_JSON_NONE);
  g_assert_cmpuint (vecinos_json_tree_member (tree, VECINOS_JSON_NONE, "a"), ==, VECINOS_JSON_NONE);
  g_assert_cmpuint (vecinos_json_tree_next (tree, VECINOS_JSON_NONE), ==, VECINOS_JSON_NONE);
}

static void
test_top_level_values (void)
{
  const char *texts[] = { "[]", "{}", "3", "\"text\"", " null \n" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(VecinosJsonTree) tree = parse (texts[i]);

      g_assert_cmpuint (vecinos_json_tree_first (tree, VECINOS_JSON_ROOT), ==, VECINOS_JSON_NONE);
    }
}

static void
test_refused (void)
{
  g_autofree char *deep = g_strnfill (VECINOS_MAX_NESTING + 1, '[');
  g_autofree char *long_text = g_strdup_printf ("{\"events\": [{\"text\": \"%0*d\"}]}", 20001, 0);
  GString *many = g_string_new ("{");
  g_autofree char *many_keys = NULL;
  const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "{\"events\": [", "line 1: the file ends before the text, list or object that is open" },
    { "{\"a\": \"open", "line 1: the file ends before the text, list or object that is open" },
    { "{\"a\": 1,}", "line 1: “}” is not allowed here: JSON puts every text in double quotes, has no comments "
                     "and separates values with commas" },
    { "[1, 2,]", "line 1: “]” is not allowed here" },
    { "{\n// a comment\n\"a\": 1}", "line 2: “/” is not allowed here" },
    { "{'a': 1}", "line 1: “'” is not allowed here" },
    { "[1 2]", "line 1: “2” is not allowed here" },
    { "[01]", "line 1: “1” is not allowed here" },
    { "[1.]", "line 1: “]” is not allowed here" },
    { "[-]", "line 1: “]” is not allowed here" },
    { "[tru]", "line 1: “t” is not allowed here" },
    { "[truex]", "line 1: “t” is not allowed here" },
    { "{\"a\" 1}", "line 1: “1” is not allowed here" },
    { "{1: 2}", "line 1: “1” is not allowed here" },
    { "{} {}", "line 1: the file goes on after its JSON value has ended" },
    { "", "line 1: the file ends before the text, list or object that is open" },
    { "{\"events\": [{\"a\": 1},\n {\"b\": 2, \"b\": 3}]}", "line 2, “events[1].b”: the field appears twice" },
    { "{\"events\": [{\"text\": {\"headline\": \"a\\u0000b\"}}]}",
      "line 1, “events[0].text.headline”: the text contains a NUL character (\\u0000)" },
    { "{\"events\": [{}, {}, {\"x\": \"\\ud800\"}]}",
      "line 1, “events[2].x”: the text contains “\\uD800”, half of a character (a lone surrogate)" },
    { "{\"a\": \"\\u12\"}", "line 1: “\\u” must be followed by four hexadecimal digits" },
    { "{\"year\": 1e999}", "line 1, “year”: the number 1e999 is too large to be stored (it reads as infinity)" },
    { "{\"a\": \"caf\xe9\"}", "line 1: the file is not UTF-8 text" },
  };

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (many, "\"key%u\": %u, ", i, i);
  g_string_append (many, "\"key7\": 0}");
  many_keys = g_string_free (many, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VecinosJsonTree) tree = vecinos_json_tree_parse (cases[i].text, strlen (cases[i].text), &error);

      g_test_message ("%s", cases[i].text);
      g_assert_null (tree);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }
  {
    const struct {
      const char *text;
      const char *message;
    } built[] = {
      { deep, "line 1: the data is nested more than 64 levels deep" },
      { long_text, "line 1, “events[0].text”: the text is 20001 bytes long; the limit is 20000" },
      /* Past a few members, a name twice is found in a table */
      { many_keys, "line 1, “key7”: the field appears twice" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (built); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(VecinosJsonTree) tree = vecinos_json_tree_parse (built[i].text, strlen (built[i].text), &error);

        g_assert_null (tree);
        g_assert_cmpstr (error->message, ==, built[i].message);
      }
  }
  /* Nested exactly as deep as allowed is read */
  {
    g_autofree char *open = g_strnfill (VECINOS_MAX_NESTING, '[');
    g_autofree char *close = g_strnfill (VECINOS_MAX_NESTING, ']');
    g_autofree char *text = g_strconcat (open, close, NULL);
    g_autoptr(VecinosJsonTree) tree = parse (text);

    g_assert_cmpint (vecinos_json_tree_type (tree, VECINOS_JSON_ROOT), ==, VECINOS_JSON_ARRAY);
  }
}

int
main (int   argc,
      char *argv[])
{
  vecinos_test_init_translations ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-tree/values", test_values);
  g_test_add_func ("/json-tree/top-level-values", test_top_level_values);
  g_test_add_func ("/json-tree/refused", test_refused);
  return g_test_run ();
}
