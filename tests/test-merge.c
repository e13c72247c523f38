/* test-merge.c: clocks, the last-writer-wins merge, replayed review logs, conflicted copies and compaction.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "core-harness.h"
#include "pyprep-hlc.h"
#include "pyprep-merge.h"
#include "pyprep-merge-archive.h"
#include "pyprep-merge-folder.h"
#include "pyprep-review.h"
#include "pyprep-time.h"

/* 2026-11-21 12:00:00 UTC */
#define NOON G_GINT64_CONSTANT (1795262400000000)

static void
test_hlc_order (void)
{
  g_autoptr(PyprepHlc) a = pyprep_hlc_new ("a");
  g_autoptr(PyprepHlc) b = pyprep_hlc_new ("b");
  g_autoptr(PyprepHlc) c = pyprep_hlc_new ("c");
  g_autofree char *first = pyprep_hlc_tick (a, NOON);
  g_autofree char *same_time = pyprep_hlc_tick (a, NOON);
  g_autofree char *clock_back = pyprep_hlc_tick (a, NOON - G_USEC_PER_SEC);
  g_autofree char *seen = NULL;
  g_autofree char *slow = NULL;
  gint64 wall = 0;
  guint32 counter = 0;

  /* One device's stamps only grow, even when its clock goes back. */
  g_assert_cmpint (pyprep_hlc_compare (first, same_time), <, 0);
  g_assert_cmpint (pyprep_hlc_compare (same_time, clock_back), <, 0);
  g_assert_true (pyprep_hlc_parse (clock_back, &wall, &counter));
  g_assert_cmpint (wall, ==, NOON);
  g_assert_cmpuint (counter, ==, 2);
  g_assert_true (g_str_has_suffix (first, "-a"));

  /* A device whose clock is an hour slow orders its change after one it
   * has seen. */
  pyprep_hlc_observe (b, clock_back);
  slow = pyprep_hlc_tick (b, NOON - G_TIME_SPAN_HOUR);
  g_assert_cmpint (pyprep_hlc_compare (slow, clock_back), >, 0);

  /* Same wall time and counter: the device decides, the same everywhere. */
  seen = pyprep_hlc_tick (c, NOON);
  g_assert_cmpint (pyprep_hlc_compare (first, seen), <, 0);

  /* Records written before clocks are older than any stamp. */
  g_assert_cmpint (pyprep_hlc_compare (NULL, first), <, 0);
  g_assert_false (pyprep_hlc_parse ("00000000000000zz-00000000-a", NULL, NULL));
  g_assert_false (pyprep_hlc_parse ("short", NULL, NULL));
}

/* A record {"text": @text} with the clock @stamp in @root. */
static void
put (JsonObject *root,
     const char *kind,
     const char *id,
     const char *text,
     const char *stamp)
{
  JsonObject *record = json_object_new ();
  JsonNode *node;

  json_object_set_string_member (record, "text", text);
  node = json_node_init_object (json_node_alloc (), record);
  json_object_unref (record);
  pyprep_merge_offer (root, kind, id, node, stamp);
  json_node_unref (node);
}

static char *
dump (JsonObject *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), root);

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* Two documents hold the same, whatever the order of their members. */
static void
assert_same (JsonObject *a,
             JsonObject *b)
{
  g_autofree char *a_dump = NULL;
  g_autofree char *b_dump = NULL;

  if (json_object_equal (a, b))
    return;
  /* Not equal: show both. */
  a_dump = dump (a);
  b_dump = dump (b);
  g_assert_cmpstr (a_dump, ==, b_dump);
}

static const char *
text_of (JsonObject *root,
         const char *kind,
         const char *id)
{
  JsonNode *node = json_object_get_member (pyprep_merge_get_container (root, kind), id);

  return node != NULL ? json_object_get_string_member (json_node_get_object (node), "text") : NULL;
}

#define T(n) "00066000000000" #n "-00000000-dev"

/* Newer wins, deletes included, whichever side merges into which. */
static void
test_merge_last_writer_wins (void)
{
  g_autoptr(JsonObject) a = pyprep_merge_new_document ();
  g_autoptr(JsonObject) b = pyprep_merge_new_document ();

  put (a, "annotations", "x", "a's edit", T(20));
  put (b, "annotations", "x", "b's older edit", T(10));
  put (a, "annotations", "y", "a's", T(11));
  pyprep_merge_offer (b, "annotations", "y", NULL, T(12));   /* b deleted y after */
  put (b, "bookmarks", "e", "b", T(13));
  put (a, "bookmarks", "e", "a", T(13));                     /* a tie: the text decides */
  pyprep_merge_offer (a, "cards", "c", NULL, T(14));          /* deleted, then put back later */
  put (b, "cards", "c", "back", T(15));
  put (a, "reading", "r", "only a", T(16));

  g_assert_cmpuint (pyprep_merge_document (a, b, NULL, NULL), ==, 3);
  g_assert_cmpuint (pyprep_merge_document (b, a, NULL, NULL), ==, 2);
  /* Merging again changes nothing. */
  g_assert_cmpuint (pyprep_merge_document (a, b, NULL, NULL), ==, 0);

  assert_same (a, b);
  g_assert_cmpstr (text_of (a, "annotations", "x"), ==, "a's edit");
  g_assert_null (text_of (a, "annotations", "y"));
  g_assert_cmpstr (pyprep_merge_get_stamp (a, "annotations", "y"), ==, T(12));
  g_assert_cmpstr (text_of (a, "bookmarks", "e"), ==, "b");
  g_assert_cmpstr (text_of (a, "cards", "c"), ==, "back");
  g_assert_cmpstr (text_of (b, "reading", "r"), ==, "only a");
}

/* A change record carries a record or a delete; a torn or foreign one is
 * refused. */
static void
test_merge_change_lines (void)
{
  g_autoptr(JsonObject) a = pyprep_merge_new_document ();
  g_autoptr(JsonObject) b = pyprep_merge_new_document ();
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(JsonObject) bad = json_object_new ();

  put (a, "annotations", "x", "kept", T(20));
  pyprep_merge_offer (a, "bookmarks", "gone", NULL, T(21));
  lines = pyprep_merge_dup_change_lines (a);
  g_assert_cmpuint (lines->len, ==, 2);
  put (b, "bookmarks", "gone", "older", T(19));
  for (guint i = 0; i < lines->len; i++)
    g_assert_true (pyprep_merge_offer_line (b, g_ptr_array_index (lines, i), NULL, NULL));
  assert_same (a, b);

  json_object_set_string_member (bad, PYPREP_MERGE_STAMP, "not a stamp");
  json_object_set_string_member (bad, "kind", "annotations");
  json_object_set_string_member (bad, "id", "x");
  json_object_set_boolean_member (bad, "deleted", TRUE);
  g_assert_false (pyprep_merge_offer_line (b, bad, NULL, NULL));
  json_object_set_string_member (bad, PYPREP_MERGE_STAMP, T(99));
  json_object_set_string_member (bad, "kind", "settings-of-a-newer-pyprep");
  g_assert_false (pyprep_merge_offer_line (b, bad, NULL, NULL));
  g_assert_cmpstr (text_of (b, "annotations", "x"), ==, "kept");
}

static const struct
{
  const char *name;
  PyprepSyncFile what;
  gboolean conflict;
} file_names[] = {
  { "changes.jsonl", PYPREP_SYNC_FILE_CHANGES, FALSE },
  { "snapshot.jsonl", PYPREP_SYNC_FILE_SNAPSHOT, FALSE },
  { "review-log.jsonl", PYPREP_SYNC_FILE_REVIEWS, FALSE },
  { "changes (conflicted copy 2026-12-07 103000).jsonl", PYPREP_SYNC_FILE_CHANGES, TRUE },
  { "review-log (Laptop's conflicted copy 2026-12-07).jsonl", PYPREP_SYNC_FILE_REVIEWS, TRUE },
  { "changes.sync-conflict-20261207-103000-ABCDEFG.jsonl", PYPREP_SYNC_FILE_CHANGES, TRUE },
  { "snapshot.jsonl~1", PYPREP_SYNC_FILE_SNAPSHOT, TRUE },
  { "review-log.jsonl~12", PYPREP_SYNC_FILE_REVIEWS, TRUE },
  { "changes.jsonl.Ab3dE9", PYPREP_SYNC_FILE_NONE, FALSE },
  { ".changes.jsonl.tmp", PYPREP_SYNC_FILE_NONE, FALSE },
  { "notes.txt", PYPREP_SYNC_FILE_NONE, FALSE },
  { "changes (copy).jsonl", PYPREP_SYNC_FILE_NONE, FALSE },
  { "snapshot.jsonl.gz", PYPREP_SYNC_FILE_PACKED_SNAPSHOT, FALSE },
  { "snapshot.sync-conflict-20261207-103000-ABCDEFG.jsonl.gz", PYPREP_SYNC_FILE_PACKED_SNAPSHOT, TRUE },
  { "reviews-2026-10-01.jsonl.gz", PYPREP_SYNC_FILE_ARCHIVE, FALSE },
  { "reviews-2026-10-01 (conflicted copy 2026-12-07 103000).jsonl.gz", PYPREP_SYNC_FILE_ARCHIVE, TRUE },
  { "reviews-2026-10-01.jsonl.gz~1", PYPREP_SYNC_FILE_ARCHIVE, TRUE },
  { "reviews-2026-10-01.jsonl.gz.Ab3dE9", PYPREP_SYNC_FILE_NONE, FALSE },
  { "reviews-2026-1-01.jsonl.gz", PYPREP_SYNC_FILE_NONE, FALSE },
  { "reviews-2026-10-01.jsonl", PYPREP_SYNC_FILE_NONE, FALSE },
};

static void
test_merge_file_names (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (file_names); i++)
    {
      gboolean conflict = !file_names[i].conflict;

      g_test_message ("%s", file_names[i].name);
      g_assert_cmpint (pyprep_sync_file_classify (file_names[i].name, &conflict), ==, file_names[i].what);
      if (file_names[i].what != PYPREP_SYNC_FILE_NONE)
        g_assert_cmpint (conflict, ==, file_names[i].conflict);
    }
}

static JsonObject *
answer_line (const char *id,
             const char *card,
             int         rating,
             gint64      time)
{
  JsonObject *line = json_object_new ();

  json_object_set_string_member (line, "id", id);
  json_object_set_string_member (line, "card", card);
  json_object_set_int_member (line, "rating", rating);
  pyprep_time_set_member (line, "time", time);
  return line;
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pyprep-merge-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Two devices answer the same cards offline; their logs, appended to one
 * in any order (and one answer twice), replay to the state of one log in
 * time order, answer by answer through the scheduler. */
static void
test_merge_replay (void)
{
  static const char * const cards[] = { "d/t/a#card", "d/t/b#card", "d/t/c#q" };
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autofree char *merged_path = g_build_filename (dir, "review-log.jsonl", NULL);
  g_autoptr(GPtrArray) device0 = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GPtrArray) device1 = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  GPtrArray *device[2] = { device0, device1 };
  g_autoptr(GPtrArray) merged_lines = g_ptr_array_new ();
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (22);
  PyprepFsrsParams params;
  gint64 time = NOON;

  pyprep_fsrs_params_init (&params);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *id = g_strdup_printf ("answer-%02u", i);

      /* Up to two days apart: learning steps and reviews both. */
      time += g_rand_int_range (rand, 1, 48 * 60) * G_TIME_SPAN_MINUTE;
      g_ptr_array_add (device[g_rand_int_range (rand, 0, 2)],
                       answer_line (id, cards[g_rand_int_range (rand, 0, 3)],
                                    g_rand_int_range (rand, 1, 5), time));
    }

  /* The merged log: device 1's lines first, then device 0's, then one of
   * device 1's again, as a second copy of its log would bring it. */
  g_ptr_array_extend (merged_lines, device[1], NULL, NULL);
  g_ptr_array_extend (merged_lines, device[0], NULL, NULL);
  g_ptr_array_add (merged_lines, g_ptr_array_index (device[1], 0));
  g_assert_true (pyprep_review_log_append_lines (merged_path, merged_lines, NULL));
  answers = pyprep_review_log_read (folder);
  g_assert_cmpuint (answers->len, ==, 60);
  states = pyprep_merge_replay (&params, answers, NULL);

  for (guint c = 0; c < G_N_ELEMENTS (cards); c++)
    {
      PyprepCardMemory expected;
      PyprepCardMemory *got = g_hash_table_lookup (states, cards[c]);
      gboolean started = FALSE;
      PyprepFsrsParams card_params = params;
      guint n[2] = { 0, 0 };

      card_params.fuzz_seed ^= g_str_hash (cards[c]);
      /* One log in time order: the answers were made in time order. */
      while (n[0] < device[0]->len || n[1] < device[1]->len)
        {
          JsonObject *line;
          PyprepCardMemory after;
          gint64 t0 = G_MAXINT64;
          gint64 t1 = G_MAXINT64;
          guint d;
          gint64 t;

          if (n[0] < device[0]->len)
            pyprep_time_get_member (g_ptr_array_index (device[0], n[0]), "time", &t0);
          if (n[1] < device[1]->len)
            pyprep_time_get_member (g_ptr_array_index (device[1], n[1]), "time", &t1);
          d = t0 < t1 ? 0 : 1;
          line = g_ptr_array_index (device[d], n[d]++);
          if (g_strcmp0 (json_object_get_string_member (line, "card"), cards[c]) != 0)
            continue;
          pyprep_time_get_member (line, "time", &t);
          if (!started)
            pyprep_card_memory_init (&expected, t);
          started = TRUE;
          pyprep_fsrs_review (&card_params, &expected, json_object_get_int_member (line, "rating"), t,
                              &after);
          expected = after;
        }
      g_assert_true (started);
      g_assert_nonnull (got);
      g_assert_cmpint (got->state, ==, expected.state);
      g_assert_cmpuint (got->reps, ==, expected.reps);
      g_assert_cmpuint (got->lapses, ==, expected.lapses);
      g_assert_cmpint (got->due, ==, expected.due);
      g_assert_cmpfloat (got->stability, ==, expected.stability);
      g_assert_cmpfloat (got->difficulty, ==, expected.difficulty);
    }
  remove_tree (dir);
}

static JsonObject *
merge_folder (const char *path,
              JsonObject *into)
{
  g_autoptr(PyprepSyncFolder) reader = pyprep_sync_folder_new (path, "reader");
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  JsonObject *root = into != NULL ? json_object_ref (into) : pyprep_merge_new_document ();

  pyprep_sync_folder_merge (reader, root, known, reviews, NULL, NULL);
  return root;
}

/* A device's change records over 90 days, compacted at 30: a fresh
 * device, and one that last merged 60 days ago, both merge to what the
 * uncompacted records gave. */
static void
test_merge_compaction (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(PyprepSyncFolder) device = pyprep_sync_folder_new (dir, "a");
  g_autoptr(PyprepHlc) clock = pyprep_hlc_new ("a");
  g_autoptr(JsonObject) root = pyprep_merge_new_document ();
  g_autoptr(JsonObject) offline = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) fresh = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (24);
  g_autofree char *device_dir = pyprep_sync_folder_dup_device_dir (device);
  g_autofree char *changes = g_build_filename (device_dir, PYPREP_SYNC_CHANGES, NULL);
  g_autofree char *snapshot = g_build_filename (device_dir, PYPREP_SYNC_PACKED_SNAPSHOT, NULL);
  g_autofree char *plain = g_build_filename (device_dir, PYPREP_SYNC_SNAPSHOT, NULL);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GError) error = NULL;

  for (guint day = 0; day < 90; day++)
    for (guint i = 0; i < 10; i++)
      {
        g_autofree char *stamp = pyprep_hlc_tick (clock, NOON + day * G_TIME_SPAN_DAY + i);
        g_autofree char *id = g_strdup_printf ("x%d", g_rand_int_range (rand, 0, 40));
        g_autofree char *text = g_strdup_printf ("day %u", day);
        g_autoptr(GPtrArray) line = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

        if (g_rand_int_range (rand, 0, 4) == 0)
          pyprep_merge_offer (root, "annotations", id, NULL, stamp);
        else
          put (root, "annotations", id, text, stamp);
        g_ptr_array_add (line, pyprep_merge_change_line (root, "annotations", id));
        g_assert_true (pyprep_sync_folder_append (device, PYPREP_SYNC_FILE_CHANGES, line, NULL));
        if (day == 30 && i == 9)
          offline = merge_folder (dir, NULL);
      }
  before = merge_folder (dir, NULL);
  kept = pyprep_review_log_read_lines (changes, NULL);
  g_assert_cmpuint (kept->len, ==, 900);
  g_clear_pointer (&kept, g_ptr_array_unref);

  g_assert_true (pyprep_sync_folder_compact (device, NOON + 60 * G_TIME_SPAN_DAY, &error));
  g_assert_no_error (error);
  /* Days 60 to 89 stay as they were; the rest is one line per record. */
  kept = pyprep_review_log_read_lines (changes, NULL);
  g_assert_cmpuint (kept->len, ==, 300);
  g_assert_true (g_file_test (snapshot, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (plain, G_FILE_TEST_EXISTS));

  fresh = merge_folder (dir, NULL);
  assert_same (fresh, before);
  json_object_unref (merge_folder (dir, offline));
  assert_same (offline, before);

  /* Compacting again at the same time has nothing to fold. */
  g_assert_true (pyprep_sync_folder_compact (device, NOON + 60 * G_TIME_SPAN_DAY, &error));
  g_clear_pointer (&kept, g_ptr_array_unref);
  kept = pyprep_review_log_read_lines (changes, NULL);
  g_assert_cmpuint (kept->len, ==, 300);

  /* A plain snapshot of an older Pyprep is merged, then folded into the
   * compressed one and removed. */
  g_assert_true (g_rename (snapshot, plain) == 0);
  g_clear_pointer (&fresh, json_object_unref);
  fresh = merge_folder (dir, NULL);
  assert_same (fresh, before);
  g_assert_true (pyprep_sync_folder_compact (device, NOON + 70 * G_TIME_SPAN_DAY, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (plain, G_FILE_TEST_EXISTS));
  g_clear_pointer (&fresh, json_object_unref);
  fresh = merge_folder (dir, NULL);
  assert_same (fresh, before);
  remove_tree (dir);
}

static void
write_lines_to (const char *path,
                GPtrArray  *lines,
                gssize      cut)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (pyprep_review_log_append_lines (path, lines, NULL));
  if (cut < 0)
    return;
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length - cut, NULL));
}

/* A sync tool kept one version of a device's file and made a conflicted
 * copy of the other: a device that merges takes the copy's records into
 * its own file and removes the copy, so a device that never saw the copy
 * still gets them; a copy cut short stays. */
static void
test_merge_conflicted_copy (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *x_dir = g_build_filename (dir, PYPREP_SYNC_DEVICES, "x", NULL);
  g_autofree char *kept = g_build_filename (x_dir, PYPREP_SYNC_CHANGES, NULL);
  g_autofree char *copy = g_build_filename (x_dir, "changes.sync-conflict-20261207-103000-ABCDEFG.jsonl", NULL);
  g_autofree char *torn = g_build_filename (x_dir, "changes (conflicted copy 2026-12-07).jsonl", NULL);
  g_autoptr(PyprepSyncFolder) reader = pyprep_sync_folder_new (dir, "reader");
  g_autoptr(JsonObject) source = pyprep_merge_new_document ();
  g_autoptr(JsonObject) root = pyprep_merge_new_document ();
  g_autoptr(JsonObject) later = NULL;
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GPtrArray) two = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GPtrArray) three = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  put (source, "annotations", "kept", "in the file kept", T(10));
  put (source, "annotations", "copied", "only in the copy", T(11));
  put (source, "annotations", "torn", "only in a copy cut short", T(12));
  g_ptr_array_add (one, pyprep_merge_change_line (source, "annotations", "kept"));
  g_ptr_array_add (two, pyprep_merge_change_line (source, "annotations", "copied"));
  g_ptr_array_add (three, pyprep_merge_change_line (source, "annotations", "torn"));
  write_lines_to (kept, one, -1);
  write_lines_to (copy, two, -1);
  write_lines_to (torn, three, 5);

  g_assert_cmpuint (pyprep_sync_folder_merge (reader, root, known, reviews, NULL, NULL), ==, 2);
  g_assert_cmpstr (text_of (root, "annotations", "copied"), ==, "only in the copy");
  g_assert_null (text_of (root, "annotations", "torn"));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (torn, G_FILE_TEST_EXISTS));

  /* Another device, later, without the copy: the reader's file has it. */
  later = merge_folder (dir, NULL);
  g_assert_cmpstr (text_of (later, "annotations", "copied"), ==, "only in the copy");
  g_assert_cmpstr (text_of (later, "annotations", "kept"), ==, "in the file kept");
  remove_tree (dir);
}

/* The interview is one record, the root's member "interview": a change
 * record of that kind replaces it, and can reach nothing else of the
 * root, whatever ID it gives. */
static void
test_merge_interview (void)
{
  g_autoptr(JsonObject) root = pyprep_merge_new_document ();
  g_autoptr(JsonObject) theirs = pyprep_merge_new_document ();
  JsonObject *interview;

  put (root, "bookmarks", "d/t/a", "kept", T (11));
  put (theirs, PYPREP_MERGE_INTERVIEW, PYPREP_MERGE_INTERVIEW, "2027-01-11", T (13));
  g_assert_cmpuint (pyprep_merge_document (root, theirs, NULL, NULL), ==, 1);
  interview = json_object_get_object_member (root, PYPREP_MERGE_INTERVIEW);
  g_assert_cmpstr (json_object_get_string_member (interview, "text"), ==, "2027-01-11");
  g_assert_cmpstr (pyprep_merge_get_stamp (root, PYPREP_MERGE_INTERVIEW, PYPREP_MERGE_INTERVIEW),
                   ==, T (13));

  /* An older one loses; a change line of it round-trips. */
  put (root, PYPREP_MERGE_INTERVIEW, PYPREP_MERGE_INTERVIEW, "2026-12-20", T (12));
  g_assert_cmpstr (text_of (root, PYPREP_MERGE_INTERVIEW, PYPREP_MERGE_INTERVIEW), ==, "2027-01-11");
  {
    g_autoptr(JsonObject) line = pyprep_merge_change_line (root, PYPREP_MERGE_INTERVIEW,
                                                           PYPREP_MERGE_INTERVIEW);
    g_autoptr(JsonObject) fresh = pyprep_merge_new_document ();

    g_assert_nonnull (line);
    g_assert_true (pyprep_merge_offer_line (fresh, line, NULL, NULL));
    g_assert_cmpstr (text_of (fresh, PYPREP_MERGE_INTERVIEW, PYPREP_MERGE_INTERVIEW), ==, "2027-01-11");
  }

  /* Nothing else of the root is an interview record. */
  g_assert_false (pyprep_merge_is_record (PYPREP_MERGE_INTERVIEW, "bookmarks"));
  put (root, PYPREP_MERGE_INTERVIEW, "bookmarks", "gone", T (19));
  g_assert_cmpstr (text_of (root, "bookmarks", "d/t/a"), ==, "kept");
  g_assert_null (pyprep_merge_get_stamp (root, PYPREP_MERGE_INTERVIEW, "bookmarks"));
  {
    g_autoptr(JsonObject) line = json_object_new ();

    json_object_set_string_member (line, PYPREP_MERGE_STAMP, T (19));
    json_object_set_string_member (line, "kind", PYPREP_MERGE_INTERVIEW);
    json_object_set_string_member (line, "id", "bookmarks");
    json_object_set_boolean_member (line, "deleted", TRUE);
    g_assert_false (pyprep_merge_offer_line (root, line, NULL, NULL));
    g_assert_cmpstr (text_of (root, "bookmarks", "d/t/a"), ==, "kept");
  }
}

/* A compressed file copied halfway gives the lines before the cut, and
 * says it is not whole; whole, it gives every line. */
static void
test_merge_gzip_cut (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "reviews-2026-10-01.jsonl.gz", NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GPtrArray) read = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean complete = FALSE;

  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *id = g_strdup_printf ("answer-%u-%08x", i, g_str_hash (dir) * (i + 1));

      g_ptr_array_add (lines, answer_line (id, "d/t/a#card", 1 + i % 4, NOON + i * G_TIME_SPAN_MINUTE));
    }
  g_assert_true (pyprep_sync_write_gzip_lines (path, lines, NULL));
  read = pyprep_sync_read_lines (path, &complete);
  g_assert_true (complete);
  g_assert_cmpuint (read->len, ==, 400);
  g_clear_pointer (&read, g_ptr_array_unref);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));
  read = pyprep_sync_read_lines (path, &complete);
  g_assert_false (complete);
  g_assert_cmpuint (read->len, <, 400);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/merge/hlc-order", test_hlc_order);
  g_test_add_func ("/pyprep/merge/last-writer-wins", test_merge_last_writer_wins);
  g_test_add_func ("/pyprep/merge/change-lines", test_merge_change_lines);
  g_test_add_func ("/pyprep/merge/file-names", test_merge_file_names);
  g_test_add_func ("/pyprep/merge/replay", test_merge_replay);
  g_test_add_func ("/pyprep/merge/compaction", test_merge_compaction);
  g_test_add_func ("/pyprep/merge/conflicted-copy", test_merge_conflicted_copy);
  g_test_add_func ("/pyprep/merge/interview", test_merge_interview);
  g_test_add_func ("/pyprep/merge/gzip-cut", test_merge_gzip_cut);

  return g_test_run ();
}
