/* pyprep-store-interview.c: the interview date, the topics it covers and its target, kept in the user data.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One member of user-data.json, "interview" (docs/user-data.md):
 *
 *   { "date": "2026-12-20", "target": 0.9, "topics": ["pyprep/os"],
 *     "modified": "2026-12-07T20:00:00.000000Z" }
 *
 * The date is a calendar date: the interview starts at local midnight of
 * that day, wherever the user is. Clearing the date keeps the member with
 * "date": null and a new "modified" time, so that an import of an older
 * export does not bring a cleared date back. The topics are deck and
 * topic IDs; none means every open deck.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pyprep-store-interview.h"
#include "pyprep-store-private.h"

#include "pyprep-json.h"
#include "pyprep-time.h"

#define MEMBER "interview"

/* The member, or NULL when the store has none. */
static JsonObject *
get_record (PyprepStore *self)
{
  JsonNode *node = json_object_get_member (self->root, MEMBER);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Reads "YYYY-MM-DD" into @date; anything else is no date. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  unsigned year, month, day;
  char end;

  if (text == NULL || strlen (text) != 10
      || sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/**
 * pyprep_store_get_interview_date:
 * @date: (out caller-allocates) (optional): the interview's date
 *
 * Returns: whether an interview date is set
 */
gboolean
pyprep_store_get_interview_date (PyprepStore *self,
                                 GDate       *date)
{
  JsonObject *record;
  GDate parsed;

  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);

  record = get_record (self);
  if (record == NULL || !parse_date (pyprep_json_get_string (record, "date"), &parsed))
    return FALSE;
  if (date != NULL)
    *date = parsed;
  return TRUE;
}

/**
 * pyprep_interview_date_to_start:
 * @date: a valid date
 *
 * Returns: local midnight at the start of @date, microseconds since the
 *   epoch
 */
gint64
pyprep_interview_date_to_start (const GDate *date)
{
  g_autoptr(GDateTime) start = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  start = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                 g_date_get_day (date), 0, 0, 0);
  return start != NULL ? g_date_time_to_unix (start) * G_USEC_PER_SEC : 0;
}

/**
 * pyprep_store_get_interview_start:
 *
 * Returns: when the interview day starts (local midnight), microseconds
 *   since the epoch; 0 when no date is set
 */
gint64
pyprep_store_get_interview_start (PyprepStore *self)
{
  GDate date;

  g_return_val_if_fail (PYPREP_IS_STORE (self), 0);

  if (!pyprep_store_get_interview_date (self, &date))
    return 0;
  return pyprep_interview_date_to_start (&date);
}

/**
 * pyprep_store_get_interview_target:
 *
 * Returns: the recall wanted on the interview day, 0 to 1;
 *   %PYPREP_INTERVIEW_DEFAULT_TARGET when none was chosen
 */
double
pyprep_store_get_interview_target (PyprepStore *self)
{
  JsonObject *record;
  double target;

  g_return_val_if_fail (PYPREP_IS_STORE (self), PYPREP_INTERVIEW_DEFAULT_TARGET);

  record = get_record (self);
  if (record == NULL || !pyprep_json_get_number (record, "target", &target)
      || target < PYPREP_INTERVIEW_MIN_TARGET || target > PYPREP_INTERVIEW_MAX_TARGET)
    return PYPREP_INTERVIEW_DEFAULT_TARGET;
  return target;
}

/**
 * pyprep_store_has_interview_target:
 *
 * Returns: whether the user chose a target for an interview, now or for
 *   an earlier date
 */
gboolean
pyprep_store_has_interview_target (PyprepStore *self)
{
  JsonObject *record;
  double target;

  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);

  record = get_record (self);
  return record != NULL && pyprep_json_get_number (record, "target", &target);
}

/**
 * pyprep_store_dup_interview_topics:
 *
 * Returns: (transfer full): the IDs of the decks and topics the interview
 *   covers; empty for every deck
 */
GStrv
pyprep_store_dup_interview_topics (PyprepStore *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonObject *record;
  JsonNode *node;

  g_return_val_if_fail (PYPREP_IS_STORE (self), g_strv_builder_end (builder));

  record = get_record (self);
  node = record != NULL ? json_object_get_member (record, "topics") : NULL;
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }
  return g_strv_builder_end (builder);
}

/**
 * pyprep_store_set_interview:
 * @date: (nullable): the interview's date, or %NULL to clear it
 * @topics: (nullable) (array zero-terminated=1): deck and topic IDs the
 *   interview covers; %NULL or empty for every deck
 * @target: the recall wanted on the day, clamped to
 *   %PYPREP_INTERVIEW_MIN_TARGET–%PYPREP_INTERVIEW_MAX_TARGET
 *
 * Keeps the interview in the user data; #PyprepStore::changed is emitted
 * with "interview".
 */
void
pyprep_store_set_interview (PyprepStore        *self,
                            const GDate        *date,
                            const char * const *topics,
                            double              target)
{
  JsonObject *record;
  JsonArray *array = json_array_new ();

  g_return_if_fail (PYPREP_IS_STORE (self));
  g_return_if_fail (date == NULL || g_date_valid (date));

  record = pyprep_store_record_from (json_object_get_member (self->root, MEMBER));
  if (date != NULL)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (date),
                  (unsigned) g_date_get_month (date), (unsigned) g_date_get_day (date));
      json_object_set_string_member (record, "date", text);
    }
  else
    {
      json_object_set_null_member (record, "date");
    }
  json_object_set_double_member (record, "target",
                                 CLAMP (target, PYPREP_INTERVIEW_MIN_TARGET, PYPREP_INTERVIEW_MAX_TARGET));
  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    json_array_add_string_element (array, topics[i]);
  json_object_set_array_member (record, "topics", array);
  pyprep_time_set_member (record, "modified", pyprep_store_now (self));
  json_object_set_member (self->root, MEMBER, pyprep_store_seal_object (record));
  pyprep_store_changed (self, MEMBER, NULL);
}

/**
 * pyprep_interview_covers:
 * @topics: (nullable) (array zero-terminated=1): what an interview covers,
 *   as pyprep_store_dup_interview_topics() gives it
 * @deck_id: (nullable): a deck's ID
 * @topic_id: (nullable): the topic's ID with its deck's, "deck/topic"
 *   (pyprep_interview_dup_topic_id())
 *
 * Returns: whether the interview covers the topic: no topics means every
 *   deck; otherwise its own ID or its deck's is listed
 */
gboolean
pyprep_interview_covers (const char * const *topics,
                         const char         *deck_id,
                         const char         *topic_id)
{
  if (topics == NULL || topics[0] == NULL)
    return TRUE;
  return (deck_id != NULL && g_strv_contains (topics, deck_id))
         || (topic_id != NULL && g_strv_contains (topics, topic_id));
}

/**
 * pyprep_store_interview_validate:
 * @root: the document's root object
 *
 * Returns: %TRUE when "interview" is absent or of the shape read here
 */
gboolean
pyprep_store_interview_validate (JsonObject  *root,
                                 GError     **error)
{
  JsonNode *node = json_object_get_member (root, MEMBER);
  JsonObject *record;
  JsonNode *member;
  GDate date;
  gint64 usec;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    goto malformed;
  record = json_node_get_object (node);
  member = json_object_get_member (record, "date");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member)
      && (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING
          || !parse_date (json_node_get_string (member), &date)))
    goto malformed;
  member = json_object_get_member (record, "topics");
  if (member != NULL && !JSON_NODE_HOLDS_ARRAY (member))
    goto malformed;
  member = json_object_get_member (record, "modified");
  if (member != NULL && !pyprep_time_get_member (record, "modified", &usec))
    goto malformed;
  return TRUE;

malformed:
  g_set_error_literal (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_CORRUPT,
                       _("“interview” is not an object with a date (YYYY-MM-DD), topics and a time"));
  return FALSE;
}

/**
 * pyprep_store_interview_merge:
 * @theirs: the root of an imported document, validated
 *
 * An import brings the interview in when it was changed after this
 * store's.
 *
 * Returns: whether it did
 */
gboolean
pyprep_store_interview_merge (PyprepStore *self,
                              JsonObject  *theirs)
{
  JsonNode *node = json_object_get_member (theirs, MEMBER);
  JsonObject *ours = get_record (self);
  gint64 their_time = 0, our_time = 0;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  pyprep_time_get_member (json_node_get_object (node), "modified", &their_time);
  if (ours != NULL)
    pyprep_time_get_member (ours, "modified", &our_time);
  if (ours != NULL && their_time <= our_time)
    return FALSE;
  json_object_set_member (self->root, MEMBER,
                          pyprep_store_seal_object (pyprep_store_record_from (node)));
  return TRUE;
}
