/* pyprep-json-lines.c: JSON helpers for the deck manifest: object lines, translated strings.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-json-lines.h"

/* json-glib keeps no positions in its nodes, so the parser's signals are
 * used to remember the line where each object starts, for messages. */
struct _PyprepJsonLines
{
  JsonParser *parser;          /* borrowed: it outlives the tracker */
  GArray *stack;
  GHashTable *lines;           /* JsonObject* -> line */
};

static void
object_start_cb (JsonParser      *parser,
                 PyprepJsonLines *tracker)
{
  int line = (int) json_parser_get_current_line (parser);

  g_array_append_val (tracker->stack, line);
}

static void
object_end_cb (JsonParser      *parser,
               JsonObject      *object,
               PyprepJsonLines *tracker)
{
  int line = 1;

  if (tracker->stack->len > 0)
    {
      line = g_array_index (tracker->stack, int, tracker->stack->len - 1);
      g_array_set_size (tracker->stack, tracker->stack->len - 1);
    }
  g_hash_table_insert (tracker->lines, object, GINT_TO_POINTER (line));
}

/**
 * pyprep_json_lines_new:
 * @parser: a parser that has not parsed yet
 *
 * Returns: (transfer full): a tracker of the line where each object of
 *   @parser's document starts; free it before @parser
 */
PyprepJsonLines *
pyprep_json_lines_new (JsonParser *parser)
{
  PyprepJsonLines *self = g_new0 (PyprepJsonLines, 1);

  self->parser = parser;
  self->stack = g_array_new (FALSE, FALSE, sizeof (int));
  self->lines = g_hash_table_new (NULL, NULL);
  g_signal_connect (parser, "object-start", G_CALLBACK (object_start_cb), self);
  g_signal_connect (parser, "object-end", G_CALLBACK (object_end_cb), self);
  return self;
}

void
pyprep_json_lines_free (PyprepJsonLines *self)
{
  if (self == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->parser, self);
  g_array_unref (self->stack);
  g_hash_table_unref (self->lines);
  g_free (self);
}

/**
 * pyprep_json_lines_get:
 *
 * Returns: the line where @object starts, 1 or more
 */
int
pyprep_json_lines_get (PyprepJsonLines *tracker,
                       JsonObject      *object)
{
  return MAX (1, GPOINTER_TO_INT (g_hash_table_lookup (tracker->lines, object)));
}

/**
 * pyprep_json_localized_string:
 * @node: (nullable): a translatable manifest string: either a plain string
 *   or an object keyed by language
 *
 * Returns: (nullable): the string in @language, else in English, else the
 *   first one
 */
const char *
pyprep_json_localized_string (JsonNode   *node,
                              const char *language)
{
  JsonObject *object;
  GList *members;
  const char *found = NULL;
  const char *fallback = NULL;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *member = json_object_get_member (object, l->data);

      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
        continue;
      if (g_str_equal (l->data, language))
        {
          found = json_node_get_string (member);
          break;
        }
      if (fallback == NULL || g_str_equal (l->data, "en"))
        fallback = json_node_get_string (member);
    }
  g_list_free (members);

  if (found != NULL)
    return found;
  return fallback;
}
