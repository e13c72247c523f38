/* pyprep-merge.c: merging user data by record: last writer wins by clock, deletes as tombstones, answers replayed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One merge serves two processes sharing a data folder and several
 * devices sharing a synced folder (docs/sync.md). The user data is a set
 * of records of four kinds (bookmarks, annotations, reading state, card
 * states), each keyed by its ID. The document's "clocks" map each record,
 * as "kind:id", to the stamp of the hybrid logical clock of its last
 * change (pyprep-hlc.c); the records themselves are left as the rest of
 * Pyprep writes them. A delete keeps the clock of the record gone: a
 * tombstone.
 *
 * Merging offers each record (or tombstone) of the other side to ours:
 * the one with the larger stamp wins, whole. Equal stamps (two processes
 * of one device in the same microsecond) fall back to the record's text,
 * and a tombstone wins over a record, so every side picks the same. The
 * merge is thus commutative, associative and idempotent: whatever order
 * the files arrive in, and however often, every device ends equal.
 *
 * Records are merged as JSON, whole: members this version does not know
 * (an annotation's card, written by a newer Pyprep) ride along.
 *
 * Card states are the exception to the rule: two devices answering one
 * card offline each computed a state that misses the other's answer.
 * Review logs merge as a union, and a card's state is recomputed by
 * replaying its answers in time order (pyprep_merge_replay()).
 */
#include "config.h"

#include <string.h>

#include "pyprep-merge.h"

#include "pyprep-hlc.h"
#include "pyprep-review-log.h"

/**
 * pyprep_merge_kinds:
 *
 * The kinds of synced record, %NULL-terminated.
 */
const char * const pyprep_merge_kinds[] = {
  "bookmarks", "annotations", "reading", "cards", PYPREP_MERGE_INTERVIEW, NULL
};

static gboolean
is_kind (const char *kind)
{
  return kind != NULL && g_strv_contains (pyprep_merge_kinds, kind);
}

/**
 * pyprep_merge_is_record:
 * @kind: a kind of record
 * @id: a member of the kind's container
 *
 * The interview is one record, the member "interview" of the document's
 * root: its kind's container is the root, where every other member is
 * something else (and must never be taken from a change record).
 *
 * Returns: whether @id names a record of @kind
 */
gboolean
pyprep_merge_is_record (const char *kind,
                        const char *id)
{
  if (!is_kind (kind) || id == NULL)
    return FALSE;
  return !g_str_equal (kind, PYPREP_MERGE_INTERVIEW) || g_str_equal (id, PYPREP_MERGE_INTERVIEW);
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * pyprep_merge_get_container:
 * @root: a user data document
 * @kind: a kind of record
 *
 * Returns: (transfer none) (nullable): the object holding the records of
 *   @kind in @root: "reading" records are under "reading"/"entries", the
 *   interview is a member of @root itself (pyprep_merge_is_record())
 */
JsonObject *
pyprep_merge_get_container (JsonObject *root,
                            const char *kind)
{
  if (g_strcmp0 (kind, "reading") == 0)
    return object_member (object_member (root, "reading"), "entries");
  if (g_strcmp0 (kind, PYPREP_MERGE_INTERVIEW) == 0)
    return root;
  return object_member (root, kind);
}

static char *
clock_key (const char *kind,
           const char *id)
{
  return g_strconcat (kind, ":", id, NULL);
}

/* Splits a key of the clocks into its kind (owned) and ID (in @key). */
static char *
split_key (const char  *key,
           const char **id)
{
  const char *colon = strchr (key, ':');
  char *kind = colon != NULL ? g_strndup (key, colon - key) : NULL;

  if (!is_kind (kind))
    {
      g_free (kind);
      return NULL;
    }
  *id = colon + 1;
  return kind;
}

/**
 * pyprep_merge_get_stamp:
 * @root: a document
 *
 * Returns: (nullable): the stamp of the last change of @kind @id (its
 *   delete when the record is gone), or %NULL for a record written before
 *   clocks, older than any stamped one
 */
const char *
pyprep_merge_get_stamp (JsonObject *root,
                        const char *kind,
                        const char *id)
{
  g_autofree char *key = clock_key (kind, id);
  JsonObject *clocks = object_member (root, PYPREP_MERGE_CLOCKS);

  if (clocks == NULL)
    return NULL;
  return json_object_get_string_member_with_default (clocks, key, NULL);
}

/**
 * pyprep_merge_set_stamp:
 * @root: a document, whose clocks are mutable
 * @stamp: the stamp of the last change of @kind @id
 */
void
pyprep_merge_set_stamp (JsonObject *root,
                        const char *kind,
                        const char *id,
                        const char *stamp)
{
  g_autofree char *key = clock_key (kind, id);
  JsonObject *clocks = object_member (root, PYPREP_MERGE_CLOCKS);

  g_return_if_fail (clocks != NULL && stamp != NULL);
  json_object_set_string_member (clocks, key, stamp);
}

/* Orders two candidates for one record: larger stamp first, then a
 * tombstone (@a or @b %NULL) before a record, then the larger text. */
static int
compare_candidates (JsonNode   *a,
                    const char *a_stamp,
                    JsonNode   *b,
                    const char *b_stamp)
{
  g_autofree char *a_text = NULL;
  g_autofree char *b_text = NULL;
  int c = pyprep_hlc_compare (a_stamp, b_stamp);

  if (c != 0)
    return c;
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  if (json_node_equal (a, b))
    return 0;
  a_text = json_to_string (a, FALSE);
  b_text = json_to_string (b, FALSE);
  c = strcmp (a_text, b_text);
  return (c > 0) - (c < 0);
}

/**
 * pyprep_merge_offer:
 * @root: our document, whose containers and clocks are mutable
 * @kind: the kind of record
 * @id: its ID
 * @record: (nullable): the other side's record, or %NULL for its delete
 * @stamp: (nullable): the stamp of @record or of the delete
 *
 * Takes the other side's version of one record when it wins over ours.
 * A record taken is sealed and shared, not copied.
 *
 * Returns: whether our record changed
 */
gboolean
pyprep_merge_offer (JsonObject *root,
                    const char *kind,
                    const char *id,
                    JsonNode   *record,
                    const char *stamp)
{
  JsonObject *container = pyprep_merge_get_container (root, kind);
  JsonNode *ours;
  const char *our_stamp;
  gboolean changed;

  g_return_val_if_fail (container != NULL && object_member (root, PYPREP_MERGE_CLOCKS) != NULL, FALSE);
  g_return_val_if_fail (record != NULL || stamp != NULL, FALSE);

  if (!pyprep_merge_is_record (kind, id))
    return FALSE;
  ours = json_object_get_member (container, id);
  our_stamp = pyprep_merge_get_stamp (root, kind, id);
  if ((ours != NULL || our_stamp != NULL)
      && compare_candidates (record, stamp, ours, our_stamp) <= 0)
    return FALSE;

  if (stamp != NULL)
    pyprep_merge_set_stamp (root, kind, id, stamp);
  if (record == NULL)
    {
      changed = ours != NULL;
      if (changed)
        json_object_remove_member (container, id);
      return changed;
    }
  changed = ours == NULL || !json_node_equal (ours, record);
  json_node_seal (record);
  json_object_set_member (container, id, json_node_ref (record));
  return changed;
}

/**
 * pyprep_merge_document:
 * @ours: our document, whose containers and clocks are mutable
 * @theirs: another version of it (read from disk: sealed)
 * @changed: (nullable) (scope call): called for each record of @ours
 *   changed
 *
 * Merges every record and tombstone of @theirs into @ours.
 *
 * Returns: how many records of @ours changed
 */
guint
pyprep_merge_document (JsonObject             *ours,
                       JsonObject             *theirs,
                       PyprepMergeChangedFunc  changed,
                       gpointer                user_data)
{
  JsonObject *clocks = object_member (theirs, PYPREP_MERGE_CLOCKS);
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  guint n = 0;

  for (guint k = 0; pyprep_merge_kinds[k] != NULL; k++)
    {
      const char *kind = pyprep_merge_kinds[k];
      JsonObject *container = pyprep_merge_get_container (theirs, kind);

      if (container == NULL)
        continue;
      json_object_iter_init (&iter, container);
      while (json_object_iter_next (&iter, &key, &member))
        if (JSON_NODE_HOLDS_OBJECT (member) && pyprep_merge_is_record (kind, key)
            && pyprep_merge_offer (ours, kind, key, member, pyprep_merge_get_stamp (theirs, kind, key)))
          {
            n++;
            if (changed != NULL)
              changed (kind, key, user_data);
          }
    }

  if (clocks == NULL)
    return n;
  /* Their tombstones: clocks of records they no longer have. */
  json_object_iter_init (&iter, clocks);
  while (json_object_iter_next (&iter, &key, &member))
    {
      const char *id = NULL;
      g_autofree char *kind = split_key (key, &id);
      JsonObject *container = kind != NULL ? pyprep_merge_get_container (theirs, kind) : NULL;

      if (kind == NULL || !pyprep_merge_is_record (kind, id)
          || json_node_get_value_type (member) != G_TYPE_STRING
          || (container != NULL && json_object_has_member (container, id)))
        continue;
      if (pyprep_merge_offer (ours, kind, id, NULL, json_node_get_string (member)))
        {
          n++;
          if (changed != NULL)
            changed (kind, id, user_data);
        }
    }
  return n;
}

/**
 * pyprep_merge_change_line:
 * @root: a document
 * @kind: the kind of record
 * @id: its ID
 *
 * The change record of @kind @id as it is in @root, for a device's change
 * file: `{"hlc", "kind", "id", "record"}`, or `"deleted": true` in place
 * of the record for a tombstone.
 *
 * Returns: (transfer full) (nullable): the line, or %NULL when @root has
 *   neither a stamped record nor a tombstone for it
 */
JsonObject *
pyprep_merge_change_line (JsonObject *root,
                          const char *kind,
                          const char *id)
{
  JsonObject *container = pyprep_merge_get_container (root, kind);
  JsonNode *record = container != NULL ? json_object_get_member (container, id) : NULL;
  const char *stamp = pyprep_merge_get_stamp (root, kind, id);
  JsonObject *line;

  if (stamp == NULL || !pyprep_merge_is_record (kind, id))
    return NULL;
  line = json_object_new ();
  json_object_set_string_member (line, PYPREP_MERGE_STAMP, stamp);
  json_object_set_string_member (line, "kind", kind);
  json_object_set_string_member (line, "id", id);
  if (record != NULL)
    json_object_set_member (line, "record", json_node_ref (record));
  else
    json_object_set_boolean_member (line, "deleted", TRUE);
  return line;
}

/**
 * pyprep_merge_new_document:
 *
 * Returns: (transfer full): an empty document with mutable containers,
 *   to merge into
 */
JsonObject *
pyprep_merge_new_document (void)
{
  JsonObject *root = json_object_new ();
  JsonObject *reading = json_object_new ();

  json_object_set_object_member (reading, "entries", json_object_new ());
  json_object_set_object_member (root, "bookmarks", json_object_new ());
  json_object_set_object_member (root, "annotations", json_object_new ());
  json_object_set_object_member (root, "reading", reading);
  json_object_set_object_member (root, "cards", json_object_new ());
  json_object_set_object_member (root, PYPREP_MERGE_CLOCKS, json_object_new ());
  return root;
}

/**
 * pyprep_merge_dup_change_lines:
 * @root: a document
 *
 * Returns: (transfer full) (element-type JsonObject): the change record
 *   of every stamped record and tombstone of @root
 */
GPtrArray *
pyprep_merge_dup_change_lines (JsonObject *root)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  JsonObject *clocks = object_member (root, PYPREP_MERGE_CLOCKS);
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  if (clocks == NULL)
    return lines;
  json_object_iter_init (&iter, clocks);
  while (json_object_iter_next (&iter, &key, &member))
    {
      const char *id = NULL;
      g_autofree char *kind = split_key (key, &id);
      JsonObject *line = kind != NULL ? pyprep_merge_change_line (root, kind, id) : NULL;

      if (line != NULL)
        g_ptr_array_add (lines, line);
    }
  return lines;
}

/**
 * pyprep_merge_offer_line:
 * @ours: our document, whose containers and clocks are mutable
 * @line: a change record, as pyprep_merge_change_line() makes them
 * @changed: (nullable) (scope call): called when a record of @ours changed
 *
 * Returns: %FALSE when @line is no valid change record (it is then
 *   skipped), %TRUE otherwise
 */
gboolean
pyprep_merge_offer_line (JsonObject             *ours,
                         JsonObject             *line,
                         PyprepMergeChangedFunc  changed,
                         gpointer                user_data)
{
  const char *stamp = json_object_get_string_member_with_default (line, PYPREP_MERGE_STAMP, NULL);
  const char *kind = json_object_get_string_member_with_default (line, "kind", NULL);
  const char *id = json_object_get_string_member_with_default (line, "id", NULL);
  JsonNode *record = json_object_get_member (line, "record");
  gboolean deleted = json_object_get_boolean_member_with_default (line, "deleted", FALSE);

  if (!pyprep_hlc_parse (stamp, NULL, NULL) || !pyprep_merge_is_record (kind, id)
      || (record == NULL) != deleted || (record != NULL && !JSON_NODE_HOLDS_OBJECT (record)))
    return FALSE;

  if (pyprep_merge_offer (ours, kind, id, record, stamp) && changed != NULL)
    changed (kind, id, user_data);
  return TRUE;
}

/**
 * pyprep_merge_foreach_stamp:
 * @root: a document
 * @func: (scope call): called with each stamp (a `const char *`) of
 *   @root's records and tombstones
 *
 * So that a clock can observe every stamp it reads.
 */
void
pyprep_merge_foreach_stamp (JsonObject *root,
                            GFunc       func,
                            gpointer    user_data)
{
  JsonObject *clocks = object_member (root, PYPREP_MERGE_CLOCKS);
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  if (clocks == NULL)
    return;
  json_object_iter_init (&iter, clocks);
  while (json_object_iter_next (&iter, &key, &member))
    if (json_node_get_value_type (member) == G_TYPE_STRING)
      func ((gpointer) json_node_get_string (member), user_data);
}

/**
 * pyprep_merge_replay:
 * @params: the scheduler's settings, the same on every device
 * @answers: (element-type PyprepReviewLogAnswer): a review log, as
 *   pyprep_review_log_read() gives it
 * @cards: (nullable) (element-type utf8 utf8): the cards to replay, or
 *   %NULL for every card answered
 *
 * Replays the answers that count (neither undone nor practice) of each
 * card in time order through the scheduler, from a new card, as
 * pyprep_review_answer() applied them one by one: the state every device
 * agrees on once it has every answer, whichever device gave them.
 *
 * Returns: (transfer full) (element-type utf8 PyprepCardMemory): each
 *   card's state
 */
/* Time order, and answers of one microsecond (two devices) by ID, so that
 * every device replays them alike whatever the order of its log. */
static int
replay_order (gconstpointer a,
              gconstpointer b)
{
  const PyprepReviewLogAnswer *x = *(PyprepReviewLogAnswer **) a;
  const PyprepReviewLogAnswer *y = *(PyprepReviewLogAnswer **) b;

  if (x->time != y->time)
    return x->time < y->time ? -1 : 1;
  return g_strcmp0 (x->id, y->id);
}

GHashTable *
pyprep_merge_replay (const PyprepFsrsParams *params,
                     GPtrArray              *answers,
                     GHashTable             *cards)
{
  GHashTable *states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) ordered = NULL;

  g_return_val_if_fail (params != NULL && answers != NULL, states);

  /* A copy of the pointers only: the answers stay @answers'. */
  ordered = g_ptr_array_sized_new (answers->len);
  for (guint i = 0; i < answers->len; i++)
    g_ptr_array_add (ordered, g_ptr_array_index (answers, i));
  g_ptr_array_sort (ordered, replay_order);
  for (guint i = 0; i < ordered->len; i++)
    {
      PyprepReviewLogAnswer *answer = g_ptr_array_index (ordered, i);
      PyprepCardMemory *memory;
      PyprepFsrsParams card_params;
      PyprepCardMemory after;

      if (!pyprep_review_log_answer_counts (answer)
          || (cards != NULL && !g_hash_table_contains (cards, answer->card)))
        continue;
      memory = g_hash_table_lookup (states, answer->card);
      if (memory == NULL)
        {
          memory = g_new0 (PyprepCardMemory, 1);
          pyprep_card_memory_init (memory, answer->time);
          g_hash_table_insert (states, g_strdup (answer->card), memory);
        }
      /* As pyprep_review_answer() mixes the card into the fuzz seed. */
      card_params = *params;
      card_params.fuzz_seed ^= g_str_hash (answer->card);
      pyprep_fsrs_review (&card_params, memory, answer->rating, answer->time, &after);
      *memory = after;
    }
  return states;
}
