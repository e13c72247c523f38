/* test-json.c: reading members of JSON objects from files, whatever they hold.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-json.h"

/* Every kind of member, including numbers json-glib reads as infinity. */
static const char document[] =
  "{\"text\": \"中文\", \"empty\": \"\", \"whole\": 3, \"decimal\": -0.25,"
  " \"huge\": 1e999, \"true\": true, \"null\": null, \"array\": [1], \"object\": {\"text\": \"x\"}}";

static JsonObject *
load (void)
{
  g_autoptr(JsonNode) root = json_from_string (document, NULL);

  g_assert_nonnull (root);
  return json_object_ref (json_node_get_object (root));
}

static void
test_json_string (void)
{
  g_autoptr(JsonObject) object = load ();
  const char *others[] = { "whole", "decimal", "huge", "true", "null", "array", "object", "missing" };

  g_assert_cmpstr (pyprep_json_get_string (object, "text"), ==, "中文");
  g_assert_cmpstr (pyprep_json_get_string (object, "empty"), ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_null (pyprep_json_get_string (object, others[i]));
}

static void
test_json_number (void)
{
  g_autoptr(JsonObject) object = load ();
  const char *others[] = { "text", "empty", "huge", "true", "null", "array", "object", "missing" };
  double value = 0;

  g_assert_true (pyprep_json_get_number (object, "whole", &value));
  g_assert_cmpfloat (value, ==, 3);
  g_assert_true (pyprep_json_get_number (object, "decimal", &value));
  g_assert_cmpfloat (value, ==, -0.25);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_false (pyprep_json_get_number (object, others[i], &value));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/json/string", test_json_string);
  g_test_add_func ("/pyprep/json/number", test_json_number);

  return g_test_run ();
}
