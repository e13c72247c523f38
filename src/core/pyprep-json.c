/* pyprep-json.c: reading members of JSON objects that come from files, whatever they hold.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib's json_object_get_*_member() functions assume the caller knows
 * what a member holds and complain (a critical warning) when it holds
 * something else. User data and review logs come from disk, written by
 * another version or damaged, so these readers check the type first and
 * say "not there" instead.
 */
#include "config.h"

#include <math.h>

#include "pyprep-json.h"

/**
 * pyprep_json_get_string:
 * @object: a JSON object
 * @name: a member name
 *
 * Returns: (transfer none) (nullable): the string @name holds, or %NULL
 *   when it is missing or holds anything else
 */
const char *
pyprep_json_get_string (JsonObject *object,
                        const char *name)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * pyprep_json_get_number:
 * @object: a JSON object
 * @name: a member name
 * @value: (out): the number
 *
 * Reads a whole or decimal number.
 *
 * Returns: %TRUE when @name holds a finite number
 */
gboolean
pyprep_json_get_number (JsonObject *object,
                        const char *name,
                        double     *value)
{
  JsonNode *node;
  GType type;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *value = json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else
    return FALSE;
  return isfinite (*value);
}
