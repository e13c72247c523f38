/* pyprep-store-schema.c: validation of the user data document against its schema.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store reads records without checking them again (an annotation has
 * an "entry" string, a bookmark a "created" time), so a document is
 * checked whole before the store adopts it: every member the store knows,
 * and nothing else, since members written by a newer Pyprep or another
 * tool are kept as they are. docs/user-data.md describes the document.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "pyprep-store-private.h"

#include "pyprep-time.h"

static gboolean
fail (GError     **error,
      const char  *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError     **error,
      const char  *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_CORRUPT, message);
  return FALSE;
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && (json_node_get_value_type (node) == G_TYPE_DOUBLE
             || json_node_get_value_type (node) == G_TYPE_INT64);
}

static gboolean
is_time (JsonNode *node)
{
  gint64 usec;

  return is_string (node) && pyprep_parse_time (json_node_get_string (node), &usec);
}

static JsonObject *
optional_object (JsonObject  *parent,
                 const char  *name,
                 gboolean    *ok)
{
  JsonNode *node = json_object_get_member (parent, name);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      *ok = FALSE;
      return NULL;
    }
  return json_node_get_object (node);
}

/* Checks one record of a container; @key names it in messages. */
typedef gboolean (*RecordCheck) (const char  *key,
                                 JsonNode    *record,
                                 GError     **error);

static gboolean
validate_records (JsonObject   *container,
                  RecordCheck   check,
                  GError      **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  json_object_iter_init (&iter, container);
  while (json_object_iter_next (&iter, &key, &member))
    if (!check (key, member, error))
      return FALSE;

  return TRUE;
}

static gboolean
check_bookmark (const char  *key,
                JsonNode    *record,
                GError     **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (record)
      || !is_time (json_object_get_member (json_node_get_object (record), "created")))
    return fail (error, _("bookmark “%s” is not an object with a “created” time"), key);
  return TRUE;
}

static gboolean
check_annotation (const char  *key,
                  JsonNode    *record,
                  GError     **error)
{
  JsonObject *a;
  JsonNode *quote;

  if (!JSON_NODE_HOLDS_OBJECT (record))
    return fail (error, _("annotation “%s” is not an object"), key);
  a = json_node_get_object (record);
  if (!is_string (json_object_get_member (a, "entry"))
      || !is_string (json_object_get_member (a, "text"))
      || !is_time (json_object_get_member (a, "created"))
      || !is_time (json_object_get_member (a, "modified")))
    return fail (error, _("annotation “%s” lacks its entry, text or times"), key);
  quote = json_object_get_member (a, "quote");
  if (quote != NULL && !JSON_NODE_HOLDS_NULL (quote)
      && (!JSON_NODE_HOLDS_OBJECT (quote)
          || !is_string (json_object_get_member (json_node_get_object (quote), "exact"))))
    return fail (error, _("annotation “%s” has a malformed quote"), key);
  return TRUE;
}

static gboolean
check_reading_entry (const char  *key,
                     JsonNode    *record,
                     GError     **error)
{
  JsonNode *read, *scroll;

  if (!JSON_NODE_HOLDS_OBJECT (record))
    return fail (error, _("reading state of “%s” is not an object"), key);
  read = json_object_get_member (json_node_get_object (record), "read");
  scroll = json_object_get_member (json_node_get_object (record), "scroll");
  if ((read != NULL && !is_time (read)) || (scroll != NULL && !is_number (scroll)))
    return fail (error, _("reading state of “%s” has a malformed value"), key);
  return TRUE;
}

/* Card states are the scheduler's to read (pyprep_card_memory_from_json()
 * turns anything it cannot use into a new card); the store only needs
 * objects. */
static gboolean
check_card (const char  *key,
            JsonNode    *record,
            GError     **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (record))
    return fail (error, _("card state “%s” is not an object"), key);
  return TRUE;
}

static gboolean
validate_reading (JsonObject  *reading,
                  GError     **error)
{
  JsonNode *last = json_object_get_member (reading, "last_entry");
  JsonObject *entries;
  gboolean ok = TRUE;

  if (last != NULL && !JSON_NODE_HOLDS_NULL (last) && !is_string (last))
    return fail (error, _("“reading.last_entry” is not a string"));
  entries = optional_object (reading, "entries", &ok);
  if (!ok)
    return fail (error, _("“reading.entries” is not an object"));
  return entries == NULL || validate_records (entries, check_reading_entry, error);
}

/**
 * pyprep_store_schema_validate_members:
 * @object: the document's root object
 * @error: the return location for a %PYPREP_STORE_ERROR_CORRUPT error
 *
 * Checks every member the store knows; unknown ones are left alone.
 *
 * Returns: %TRUE when the store can read @object
 */
gboolean
pyprep_store_schema_validate_members (JsonObject  *object,
                                      GError     **error)
{
  JsonObject *container;
  gboolean ok = TRUE;

  container = optional_object (object, "bookmarks", &ok);
  if (!ok)
    return fail (error, _("“bookmarks” is not an object"));
  if (container != NULL && !validate_records (container, check_bookmark, error))
    return FALSE;

  container = optional_object (object, "annotations", &ok);
  if (!ok)
    return fail (error, _("“annotations” is not an object"));
  if (container != NULL && !validate_records (container, check_annotation, error))
    return FALSE;

  container = optional_object (object, "reading", &ok);
  if (!ok)
    return fail (error, _("“reading” is not an object"));
  if (container != NULL && !validate_reading (container, error))
    return FALSE;

  container = optional_object (object, "cards", &ok);
  if (!ok)
    return fail (error, _("“cards” is not an object"));
  if (container != NULL && !validate_records (container, check_card, error))
    return FALSE;

  return pyprep_store_interview_validate (object, error);
}

/* JSON numbers past the range of a double parse as infinity, which
 * json-glib then writes as "inf": a file the store saved could not be
 * read back. Such a number anywhere, even under a key this version does
 * not know, makes the file invalid. */
static gboolean
has_infinite_number (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_VALUE:
      return json_node_get_value_type (node) == G_TYPE_DOUBLE && !isfinite (json_node_get_double (node));
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (has_infinite_number (json_array_get_element (array, i)))
            return TRUE;
        return FALSE;
      }
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &key, &member))
          if (has_infinite_number (member))
            return TRUE;
        return FALSE;
      }
    case JSON_NODE_NULL:
    default:
      return FALSE;
    }
}

/**
 * pyprep_store_schema_validate:
 * @root: (nullable): a parsed data file
 * @error: the return location for a %PYPREP_STORE_ERROR_CORRUPT error
 *
 * Checks a whole document: an object with a "schema_version", no number
 * out of range, and members of the shape the store reads. A document of a
 * newer schema version only needs the first two: a newer schema may have
 * changed anything below, and the file is not damaged for that (the store
 * opens it read-only).
 *
 * Returns: %TRUE when @root is a valid document
 */
gboolean
pyprep_store_schema_validate (JsonNode  *root,
                              GError   **error)
{
  JsonObject *object;
  JsonNode *version;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (error, _("the file does not hold a JSON object"));
  object = json_node_get_object (root);

  version = json_object_get_member (object, "schema_version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version)
      || json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) < 1)
    return fail (error, _("“schema_version” is missing or not a positive whole number"));

  if (has_infinite_number (root))
    return fail (error, _("the file is not valid JSON (%s)"), "number out of range");

  if (json_node_get_int (version) > PYPREP_STORE_SCHEMA_VERSION)
    return TRUE;

  return pyprep_store_schema_validate_members (object, error);
}
