/* test-store.c: the user data store keeps every word, whatever happens.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "store-harness.h"

static void
test_store_fresh (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PyprepStore) store = open_store (f);
  g_auto(GStrv) bookmarks = pyprep_store_dup_bookmarks (store);

  g_assert_null (pyprep_store_get_recovery_message (store));
  g_assert_false (pyprep_store_get_read_only (store));
  g_assert_cmpuint (g_strv_length (bookmarks), ==, 0);
  g_assert_null (pyprep_store_get_last_entry (store));
  /* Nothing changed, nothing written. */
  flush (store);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_store_round_trip (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PyprepStore) store = open_store (f);
  g_autoptr(PyprepStore) again = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(JsonObject) card = json_object_new ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_auto(GStrv) bookmarks = NULL;
  PyprepAnnotation *a;
  JsonObject *state;
  struct stat st;

  pyprep_store_set_bookmarked (store, "pyprep/os/gil", TRUE);
  f->now += G_USEC_PER_SEC;
  pyprep_store_set_bookmarked (store, "gone/deck/entry", TRUE);
  first = pyprep_store_add_annotation (store, "pyprep/os/gil", "Remember **this**.",
                                       "global interpreter lock", "The ", " is a mutex");
  f->now += G_USEC_PER_SEC;
  second = pyprep_store_add_annotation (store, "pyprep/os/gil", "中文批注 ✓", NULL, NULL, NULL);
  pyprep_store_set_last_entry (store, "pyprep/os/gil", 0.25);
  pyprep_store_mark_read (store, "pyprep/os/gil");
  json_object_set_double_member (card, "stability", 3.5);
  json_object_set_string_member (card, "last_review", "2026-11-21T12:00:02.000000Z");
  pyprep_store_set_card_state (store, "pyprep/os/gil#card", card);
  g_assert_true (pyprep_store_get_dirty (store));
  flush (store);
  g_assert_false (pyprep_store_get_dirty (store));

  /* Private to the user. */
  g_assert_no_errno (g_stat (f->path, &st));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  again = open_store (f);
  bookmarks = pyprep_store_dup_bookmarks (again);
  g_assert_cmpuint (g_strv_length (bookmarks), ==, 2);
  /* Newest first; data for entries that no longer exist is kept. */
  g_assert_cmpstr (bookmarks[0], ==, "gone/deck/entry");
  g_assert_cmpstr (bookmarks[1], ==, "pyprep/os/gil");
  g_assert_true (pyprep_store_get_bookmarked (again, "pyprep/os/gil"));
  g_assert_false (pyprep_store_get_bookmarked (again, "pyprep/os/thread-join"));

  annotations = pyprep_store_dup_annotations (again, "pyprep/os/gil");
  g_assert_cmpuint (annotations->len, ==, 2);
  a = g_ptr_array_index (annotations, 0);
  g_assert_cmpstr (a->id, ==, second);
  g_assert_cmpstr (a->text, ==, "中文批注 ✓");
  g_assert_null (a->quote);
  a = g_ptr_array_index (annotations, 1);
  g_assert_cmpstr (a->id, ==, first);
  g_assert_cmpstr (a->text, ==, "Remember **this**.");
  g_assert_cmpstr (a->quote, ==, "global interpreter lock");
  g_assert_cmpstr (a->prefix, ==, "The ");
  g_assert_cmpstr (a->suffix, ==, " is a mutex");
  g_assert_cmpint (a->created, ==, G_GINT64_CONSTANT (1795262401) * G_USEC_PER_SEC);
  g_assert_cmpuint (pyprep_store_count_annotations (again, "pyprep/os/gil"), ==, 2);

  g_assert_cmpstr (pyprep_store_get_last_entry (again), ==, "pyprep/os/gil");
  g_assert_cmpfloat_with_epsilon (pyprep_store_get_scroll (again, "pyprep/os/gil"), 0.25, 1e-9);
  g_assert_true (pyprep_store_get_read (again, "pyprep/os/gil"));
  g_assert_false (pyprep_store_get_read (again, "pyprep/os/coroutines"));

  state = pyprep_store_get_card_state (again, "pyprep/os/gil#card");
  g_assert_nonnull (state);
  g_assert_cmpfloat (json_object_get_double_member (state, "stability"), ==, 3.5);
}

static void
test_store_edit_and_undo (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PyprepStore) store = open_store (f);
  g_autofree char *id = pyprep_store_add_annotation (store, "d/t/e", "first", NULL, NULL, NULL);
  g_autoptr(PyprepAnnotation) removed = NULL;
  g_autoptr(PyprepAnnotation) back = NULL;

  f->now += 60 * G_USEC_PER_SEC;
  g_assert_true (pyprep_store_update_annotation (store, id, "second"));
  g_assert_false (pyprep_store_update_annotation (store, "no-such-id", "x"));

  removed = pyprep_store_remove_annotation (store, id);
  g_assert_nonnull (removed);
  g_assert_cmpstr (removed->text, ==, "second");
  g_assert_cmpint (removed->modified - removed->created, ==, 60 * G_USEC_PER_SEC);
  g_assert_cmpuint (pyprep_store_count_annotations (store, "d/t/e"), ==, 0);
  g_assert_null (pyprep_store_remove_annotation (store, id));

  /* Undo puts it back exactly as it was. */
  pyprep_store_restore_annotation (store, removed);
  back = pyprep_store_dup_annotation (store, id);
  g_assert_cmpstr (back->text, ==, "second");
  g_assert_cmpint (back->created, ==, removed->created);
  g_assert_cmpint (back->modified, ==, removed->modified);

  pyprep_store_set_bookmarked (store, "d/t/e", TRUE);
  pyprep_store_set_bookmarked (store, "d/t/e", FALSE);
  g_assert_false (pyprep_store_get_bookmarked (store, "d/t/e"));
}

static void
test_store_unknown_keys (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(PyprepStore) store = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *annotation;

  write_data (f,
              "{\"schema_version\": 1, \"future\": {\"nested\": [1, 2]},"
              " \"annotations\": {\"a1\": {\"entry\": \"d/t/e\", \"text\": \"old\", \"colour\": \"red\","
              "  \"created\": \"2026-01-01T00:00:00Z\", \"modified\": \"2026-01-01T00:00:00Z\"}},"
              " \"bookmarks\": {\"d/t/e\": {\"created\": \"2026-01-01T00:00:00Z\", \"note\": 7}},"
              " \"reading\": {\"last_entry\": \"d/t/e\", \"theme\": \"x\", \"entries\": {}}}", -1);

  store = open_store (f);
  g_assert_true (pyprep_store_update_annotation (store, "a1", "new"));
  pyprep_store_set_bookmarked (store, "d/t/other", TRUE);
  flush (store);

  saved = read_data (f->path);
  json_parser_load_from_data (parser, saved, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (
                     json_object_get_object_member (root, "future"), "nested")), ==, 2);
  annotation = json_object_get_object_member (json_object_get_object_member (root, "annotations"), "a1");
  g_assert_cmpstr (json_object_get_string_member (annotation, "text"), ==, "new");
  g_assert_cmpstr (json_object_get_string_member (annotation, "colour"), ==, "red");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     json_object_get_object_member (root, "bookmarks"), "d/t/e"), "note"), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "reading"), "theme"),
                   ==, "x");
}

static const struct
{
  const char *name;
  const char *data;
  gssize length;
} broken_files[] = {
  { "not JSON", "{\"schema_version\": 1, \"bookmarks\": {", -1 },
  { "empty", "", 0 },
  { "not an object", "[1, 2, 3]", -1 },
  { "no version", "{\"bookmarks\": {}}", -1 },
  { "wrong version type", "{\"schema_version\": \"1\"}", -1 },
  { "bookmarks array", "{\"schema_version\": 1, \"bookmarks\": []}", -1 },
  { "annotation text number", "{\"schema_version\": 1, \"annotations\": {\"a\": {\"entry\": \"e\", \"text\": 5,"
    " \"created\": \"2026-01-01T00:00:00Z\", \"modified\": \"2026-01-01T00:00:00Z\"}}}", -1 },
  { "bad time", "{\"schema_version\": 1, \"bookmarks\": {\"e\": {\"created\": \"yesterday\"}}}", -1 },
  { "scroll string", "{\"schema_version\": 1, \"reading\": {\"entries\": {\"e\": {\"scroll\": \"top\"}}}}", -1 },
  { "invalid UTF-8", "{\"schema_version\": 1, \"x\": \"\xff\xfe\"}", -1 },
  { "NUL bytes", "\0\0\0\0", 4 },
};

static char *
find_set_aside (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, PYPREP_STORE_FILE ".corrupt-"))
      return g_build_filename (f->dir, name, NULL);

  return NULL;
}

static void
test_store_broken_files (Fixture       *f,
                         gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (broken_files); i++)
    {
      g_autoptr(PyprepStore) store = NULL;
      g_autofree char *aside = NULL;
      g_autofree char *kept = NULL;
      gsize length = broken_files[i].length >= 0 ? (gsize) broken_files[i].length
                                                 : strlen (broken_files[i].data);

      g_test_message ("broken file: %s", broken_files[i].name);
      write_data (f, broken_files[i].data, length);
      store = open_store (f);

      /* Told, set aside with its bytes intact, never overwritten. */
      g_assert_nonnull (pyprep_store_get_recovery_message (store));
      g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
      aside = find_set_aside (f);
      g_assert_nonnull (aside);
      g_assert_cmpstr (aside, ==, pyprep_store_get_set_aside_path (store));
      g_assert_nonnull (strstr (pyprep_store_get_recovery_message (store), aside));
      g_assert_true (g_file_get_contents (aside, &kept, NULL, NULL));
      g_assert_cmpmem (kept, length, broken_files[i].data, length);

      /* The user can go on working; the next save writes a fresh file. */
      pyprep_store_set_bookmarked (store, "d/t/e", TRUE);
      flush (store);
      g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
      g_assert_true (g_file_test (f->path, G_FILE_TEST_EXISTS));
      g_unlink (aside);
      g_unlink (f->path);
    }
}

/* The name of a set-aside file tells when, by the store's clock like
 * every other time it writes. */
static void
test_store_set_aside_name (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(PyprepStore) store = NULL;
  g_autofree char *expected = g_strconcat (f->path, ".corrupt-20261121-120000", NULL);

  write_data (f, "garbage", -1);
  store = open_store (f);
  g_assert_cmpstr (pyprep_store_get_set_aside_path (store), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_EXISTS));
}

static void
test_store_newer_version (Fixture       *f,
                          gconstpointer  data)
{
  static const char newer[] = "{\"schema_version\": 99, \"bookmarks\": {\"d/t/e\": {\"created\": \"2026-01-01T00:00:00Z\"}},"
                              " \"whatever\": [\"changed\", \"shape\"]}";
  g_autoptr(PyprepStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  write_data (f, newer, -1);
  store = open_store (f);
  g_assert_true (pyprep_store_get_read_only (store));
  g_assert_nonnull (pyprep_store_get_recovery_message (store));
  g_assert_true (pyprep_store_get_bookmarked (store, "d/t/e"));

  /* Changes stay in memory; the file is not touched. */
  pyprep_store_set_bookmarked (store, "d/t/other", TRUE);
  g_assert_false (pyprep_store_flush (store, &error));
  g_assert_error (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_READ_ONLY);
  after = read_data (f->path);
  g_assert_cmpstr (after, ==, newer);
}

/* What the fuzzer found in the loader, each a regression test. */
static void
test_store_fuzz_findings (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *backups = g_build_filename (f->dir, PYPREP_STORE_BACKUPS, NULL);
  g_autofree char *backup = g_build_filename (backups, "user-data-2026-11-20.json", NULL);
  g_autoptr(GError) error = NULL;

  /* A number beyond a double used to load as infinity and be saved as
   * "inf", which is not JSON: now the file is damaged, set aside, and
   * what is saved afterwards reads back. */
  {
    g_autoptr(PyprepStore) store = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autofree char *saved = NULL;

    write_data (f, "{\"schema_version\": 1, \"bookmarks\": {}, \"big\": 1e999}", -1);
    store = open_store (f);
    g_assert_nonnull (pyprep_store_get_recovery_message (store));
    g_assert_nonnull (pyprep_store_get_set_aside_path (store));
    g_assert_false (pyprep_store_get_read_only (store));
    pyprep_store_set_bookmarked (store, "d/t/e", TRUE);
    flush (store);
    saved = read_data (f->path);
    g_assert_true (json_parser_load_from_data (parser, saved, -1, &error));
    g_assert_no_error (error);
  }

  /* "entry"{} used to abort inside json-glib's immutable parser. */
  {
    g_autoptr(PyprepStore) store = NULL;

    write_data (f, "\"entry\"{}", -1);
    store = open_store (f);
    g_assert_nonnull (pyprep_store_get_recovery_message (store));
    g_assert_false (pyprep_store_get_bookmarked (store, "d/t/e"));
  }

  /* A file from a newer Pyprep in a shape this one does not read (an
   * annotation without its entry) opens read-only and empty, with no
   * criticals, and is left as it was. */
  {
    static const char newer[] = "{\"schema_version\": 99, \"annotations\": {\"a1\": {\"text\": \"no entry\"}}}";
    g_autoptr(PyprepStore) store = NULL;
    g_autofree char *after = NULL;

    write_data (f, newer, -1);
    store = open_store (f);
    g_assert_true (pyprep_store_get_read_only (store));
    g_assert_null (pyprep_store_dup_annotation (store, "a1"));
    after = read_data (f->path);
    g_assert_cmpstr (after, ==, newer);
  }

  /* A damaged file whose newest backup comes from a newer Pyprep: the
   * backup is shown, read-only, so this version never saves over it. */
  {
    g_autoptr(PyprepStore) store = NULL;
    g_autoptr(GError) flush_error = NULL;

    g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
    g_assert_true (g_file_set_contents (backup, "{\"schema_version\": 99, \"bookmarks\": "
                                        "{\"d/t/kept\": {\"created\": \"2026-01-01T00:00:00Z\"}}}", -1, NULL));
    write_data (f, "garbage", -1);
    store = open_store (f);
    g_assert_true (pyprep_store_get_read_only (store));
    g_assert_true (pyprep_store_get_bookmarked (store, "d/t/kept"));
    pyprep_store_set_bookmarked (store, "d/t/new", TRUE);
    g_assert_false (pyprep_store_flush (store, &flush_error));
    g_assert_error (flush_error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_READ_ONLY);
  }
}

static void
test_store_backups (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PyprepStore) store = open_store (f);
  g_autofree char *backups = g_build_filename (f->dir, PYPREP_STORE_BACKUPS, NULL);
  g_autofree char *broken = NULL;
  g_autoptr(PyprepStore) recovered = NULL;
  g_autoptr(GDir) dir = NULL;
  guint n = 0;

  /* Ten days of use, two saves a day. */
  for (guint day = 0; day < 10; day++)
    {
      g_autofree char *entry = g_strdup_printf ("d/t/day%u", day);

      pyprep_store_set_bookmarked (store, entry, TRUE);
      flush (store);
      pyprep_store_set_last_entry (store, entry, 0.5);
      flush (store);
      f->now += G_GINT64_CONSTANT (24 * 60 * 60) * G_USEC_PER_SEC;
    }

  dir = g_dir_open (backups, 0, NULL);
  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  /* The first save had nothing to back up; the last seven days are kept. */
  g_assert_cmpuint (n, ==, PYPREP_STORE_KEEP_BACKUPS);
  {
    g_autofree char *newest = g_build_filename (backups, "user-data-2026-11-30.json", NULL);
    g_autofree char *dropped = g_build_filename (backups, "user-data-2026-11-23.json", NULL);

    g_assert_true (g_file_test (newest, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (dropped, G_FILE_TEST_EXISTS));
  }

  /* A damaged file brings back the newest backup: the start of day ten. */
  write_data (f, "garbage", -1);
  recovered = open_store (f);
  g_assert_true (pyprep_store_get_bookmarked (recovered, "d/t/day8"));
  g_assert_false (pyprep_store_get_bookmarked (recovered, "d/t/day9"));
  g_assert_nonnull (strstr (pyprep_store_get_recovery_message (recovered), "user-data-2026-11-30.json"));
  broken = find_set_aside (f);
  g_assert_nonnull (broken);
}

static gint64
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000;
}

static void
test_store_many_annotations (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(PyprepStore) store = open_store (f);
  g_autoptr(PyprepStore) again = NULL;
  g_autoptr(GPtrArray) all = NULL;
  gint64 start;

  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *entry = g_strdup_printf ("bench/topic%u/entry%u", i % 7, i % 500);
      g_autofree char *text = g_strdup_printf ("Annotation %u: remember the *details* of this entry, "
                                               "and how it relates to the others.", i);
      g_autofree char *id = pyprep_store_add_annotation (store, entry, text, "a quoted passage",
                                                         "before ", " after");

      f->now += 1000;
    }

  start = g_get_monotonic_time ();
  flush (store);
  g_test_message ("saved 10000 annotations in %" G_GINT64_FORMAT " ms", elapsed_ms (start));

  start = g_get_monotonic_time ();
  again = open_store (f);
  g_test_message ("loaded 10000 annotations in %" G_GINT64_FORMAT " ms", elapsed_ms (start));
  all = pyprep_store_dup_annotations (again, NULL);
  g_assert_cmpuint (all->len, ==, 10000);
}

static gboolean
saved_cb (gpointer data)
{
  return *(guint *) data > 0;
}

static void
count_saved_cb (PyprepStore  *store,
                const GError *error,
                guint        *count)
{
  g_assert_no_error (error);
  (*count)++;
}

static void
test_store_debounced (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PyprepStore) store = open_store (f);
  g_autoptr(PyprepStore) again = NULL;
  guint saves = 0;
  gint64 start = g_get_monotonic_time ();

  g_signal_connect (store, "saved", G_CALLBACK (count_saved_cb), &saves);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *entry = g_strdup_printf ("d/t/e%u", i);

      pyprep_store_set_bookmarked (store, entry, TRUE);
    }
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));

  while (!saved_cb (&saves))
    g_main_context_iteration (NULL, TRUE);

  /* One write for the burst, about half a second after the last change. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, PYPREP_STORE_SAVE_DELAY_MS * 1000);
  g_assert_cmpuint (saves, ==, 1);
  g_assert_false (pyprep_store_get_dirty (store));
  again = open_store (f);
  g_assert_true (pyprep_store_get_bookmarked (again, "d/t/e19"));
}

static void
test_store_review_log (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PyprepStore) store = open_store (f);
  g_autofree char *path = g_build_filename (f->dir, PYPREP_STORE_REVIEW_LOG, NULL);
  g_autofree char *log = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JsonObject) review = json_object_new ();

      json_object_set_string_member (review, "card", "d/t/e#card");
      json_object_set_int_member (review, "rating", i + 1);
      g_assert_true (pyprep_store_append_review (store, review, &error));
      g_assert_no_error (error);
    }

  log = read_data (path);
  lines = g_strsplit (log, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "{\"card\":\"d/t/e#card\",\"rating\":1}");
  g_assert_cmpstr (lines[2], ==, "{\"card\":\"d/t/e#card\",\"rating\":3}");
  g_assert_cmpstr (lines[3], ==, "");
}

static void
test_store_export_import (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PyprepStore) store = open_store (f);
  g_autoptr(PyprepStore) other = NULL;
  g_autofree char *export_path = g_build_filename (f->dir, "export.json", NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autofree char *other_dir = g_build_filename (f->dir, "other", NULL);
  g_autoptr(GFile) other_folder = g_file_new_for_path (other_dir);
  g_autofree char *shared = NULL;
  g_autofree char *mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepAnnotation) merged = NULL;
  g_autoptr(JsonObject) card = json_object_new ();
  PyprepImportSummary summary;

  /* This machine: two bookmarks, an annotation, a card. */
  pyprep_store_set_bookmarked (store, "d/t/a", TRUE);
  pyprep_store_set_bookmarked (store, "d/t/b", TRUE);
  shared = pyprep_store_add_annotation (store, "d/t/a", "version 1", NULL, NULL, NULL);
  json_object_set_string_member (card, "last_review", "2026-11-01T00:00:00Z");
  pyprep_store_set_card_state (store, "d/t/a#card", card);
  pyprep_store_mark_read (store, "d/t/a");
  g_assert_true (pyprep_store_export (store, export_file, &error));
  g_assert_no_error (error);

  /* Another machine imports it, then both go on. */
  other = pyprep_store_new (other_folder);
  pyprep_store_set_clock (other, fixture_clock, f);
  g_assert_true (pyprep_store_load (other, NULL));
  pyprep_store_set_bookmarked (other, "d/t/c", TRUE);
  g_assert_true (pyprep_store_import (other, export_file, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.bookmarks_added, ==, 2);
  g_assert_cmpuint (summary.annotations_added, ==, 1);
  g_assert_cmpuint (summary.cards_updated, ==, 1);
  g_assert_cmpuint (summary.entries_read, ==, 1);
  f->now += G_USEC_PER_SEC;
  g_assert_true (pyprep_store_update_annotation (other, shared, "version 2 (newer)"));

  /* Importing the same file again duplicates nothing and keeps the newer text. */
  g_assert_true (pyprep_store_import (other, export_file, &summary, &error));
  g_assert_cmpuint (summary.bookmarks_added, ==, 0);
  g_assert_cmpuint (summary.annotations_added, ==, 0);
  g_assert_cmpuint (summary.annotations_updated, ==, 0);
  g_assert_cmpuint (summary.annotations_kept, ==, 1);
  g_assert_cmpuint (summary.cards_updated, ==, 0);
  merged = pyprep_store_dup_annotation (other, shared);
  g_assert_cmpstr (merged->text, ==, "version 2 (newer)");
  {
    g_autoptr(GPtrArray) all = pyprep_store_dup_annotations (other, NULL);

    g_assert_cmpuint (all->len, ==, 1);
  }

  /* And the newer one flows back the other way. */
  g_assert_true (pyprep_store_export (other, export_file, &error));
  g_assert_true (pyprep_store_import (store, export_file, &summary, &error));
  g_assert_cmpuint (summary.annotations_updated, ==, 1);
  g_assert_cmpuint (summary.bookmarks_added, ==, 1);
  g_clear_pointer (&merged, pyprep_annotation_free);
  merged = pyprep_store_dup_annotation (store, shared);
  g_assert_cmpstr (merged->text, ==, "version 2 (newer)");

  /* A broken import changes nothing. */
  g_file_set_contents (export_path, "{\"schema_version\": 1, \"bookmarks\": 3}", -1, NULL);
  g_assert_false (pyprep_store_import (store, export_file, &summary, &error));
  g_assert_error (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_CORRUPT);
  mine = pyprep_store_to_data (store, NULL);
  g_assert_nonnull (strstr (mine, "version 2 (newer)"));
}

/* Imports @json into @store, which must succeed. */
static void
import_json (Fixture             *f,
             PyprepStore         *store,
             const char          *json,
             PyprepImportSummary *summary)
{
  g_autofree char *path = g_build_filename (f->dir, "import.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  g_assert_true (pyprep_store_import (store, file, summary, &error));
  g_assert_no_error (error);
}

/* Every container of the document is optional, in an import too. */
static void
test_store_import_minimal (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(PyprepStore) store = open_store (f);
  PyprepImportSummary summary;

  pyprep_store_set_bookmarked (store, "d/t/a", TRUE);
  import_json (f, store, "{\"schema_version\": 1}", &summary);
  g_assert_cmpuint (summary.bookmarks_added + summary.annotations_added + summary.cards_updated
                    + summary.entries_read, ==, 0);
  g_assert_true (pyprep_store_get_bookmarked (store, "d/t/a"));

  /* Reading state without its entries, and cards alone. */
  import_json (f, store,
               "{\"schema_version\": 1, \"reading\": {\"last_entry\": \"d/t/b\"},"
               " \"cards\": {\"d/t/b#card\": {}}}",
               &summary);
  g_assert_cmpuint (summary.cards_updated, ==, 1);
  g_assert_cmpuint (summary.entries_read, ==, 0);
  g_assert_nonnull (pyprep_store_get_card_state (store, "d/t/b#card"));
}

/* Card states are the scheduler's and the store does not check what they
 * hold, so import compares their "last_review" whatever it is. */
static void
test_store_import_odd_card_times (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(PyprepStore) store = open_store (f);
  g_autoptr(JsonObject) ours = json_object_new ();
  PyprepImportSummary summary;
  JsonObject *state;

  /* Ours holds an object where a time should be; theirs an array, a number and a time. */
  json_object_set_object_member (ours, "last_review", json_object_new ());
  pyprep_store_set_card_state (store, "d/t/a#card", ours);
  import_json (f, store,
               "{\"schema_version\": 1, \"cards\": {"
               "\"d/t/a#card\": {\"last_review\": [1]},"
               "\"d/t/b#card\": {\"last_review\": 5},"
               "\"d/t/c#card\": {\"last_review\": \"2026-11-01T00:00:00Z\"}}}",
               &summary);
  /* No time is no newer than no time: ours is kept; the new cards come in. */
  g_assert_cmpuint (summary.cards_updated, ==, 2);
  state = pyprep_store_get_card_state (store, "d/t/a#card");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (state, "last_review")));
  g_assert_nonnull (pyprep_store_get_card_state (store, "d/t/b#card"));
  g_assert_nonnull (pyprep_store_get_card_state (store, "d/t/c#card"));
}

/* Crash safety: a child saves in a loop; it is killed at random moments. */

static guint
state_number (PyprepStore *store)
{
  const char *last = pyprep_store_get_last_entry (store);

  return last != NULL ? (guint) g_ascii_strtoull (last + strlen ("d/t/e"), NULL, 10) : 0;
}

/* Each state n is self-consistent: entry n bookmarked and read last, one
 * annotation saying "state n". A torn or mixed file would break that. */
static void
assert_consistent (PyprepStore *store)
{
  guint n = state_number (store);
  g_auto(GStrv) bookmarks = pyprep_store_dup_bookmarks (store);
  g_autoptr(GPtrArray) annotations = pyprep_store_dup_annotations (store, NULL);
  g_autofree char *entry = g_strdup_printf ("d/t/e%u", n);
  g_autofree char *text = g_strdup_printf ("state %u", n);

  if (n == 0)
    {
      g_assert_cmpuint (g_strv_length (bookmarks), ==, 0);
      g_assert_cmpuint (annotations->len, ==, 0);
      return;
    }
  g_assert_cmpuint (g_strv_length (bookmarks), ==, 1);
  g_assert_cmpstr (bookmarks[0], ==, entry);
  g_assert_cmpuint (annotations->len, ==, 1);
  g_assert_cmpstr (((PyprepAnnotation *) g_ptr_array_index (annotations, 0))->text, ==, text);
  g_assert_cmpstr (((PyprepAnnotation *) g_ptr_array_index (annotations, 0))->entry_id, ==, entry);
}

static int
run_saver (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(PyprepStore) store = pyprep_store_new (folder);

  if (!pyprep_store_load (store, NULL) || pyprep_store_get_recovery_message (store) != NULL)
    return 2;
  /* Loaded: the test may kill it from now on. */
  if (write (STDOUT_FILENO, "r", 1) != 1)
    return 4;

  for (guint n = state_number (store) + 1;; n++)
    {
      g_autofree char *previous = g_strdup_printf ("d/t/e%u", n - 1);
      g_autofree char *entry = g_strdup_printf ("d/t/e%u", n);
      g_autofree char *text = g_strdup_printf ("state %u", n);
      g_autoptr(GPtrArray) annotations = pyprep_store_dup_annotations (store, NULL);
      g_autofree char *id = NULL;

      for (guint i = 0; i < annotations->len; i++)
        pyprep_annotation_free (pyprep_store_remove_annotation (store,
                                  ((PyprepAnnotation *) g_ptr_array_index (annotations, i))->id));
      pyprep_store_set_bookmarked (store, previous, FALSE);
      pyprep_store_set_bookmarked (store, entry, TRUE);
      id = pyprep_store_add_annotation (store, entry, text, NULL, NULL, NULL);
      pyprep_store_set_last_entry (store, entry, 0.5);
      if (!pyprep_store_flush (store, NULL))
        return 3;
    }

  return 0;
}

static void
test_store_crash (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  guint kills = g_test_slow () ? 1000 : 200;
  guint last = 0;
  guint killed_with_progress = 0;

  g_assert_nonnull (self);

  for (guint i = 0; i < kills; i++)
    {
      const char *argv[] = { self, "--saver", f->dir, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(PyprepStore) store = NULL;
      GPid pid;
      int status;

      int out = -1;
      char ready = 0;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, NULL, &out, NULL, &error);
      g_assert_no_error (error);
      /* However slow the start (a sanitizer build, a busy machine), the
       * kill lands while the child saves. */
      g_assert_cmpint (read (out, &ready, 1), ==, 1);
      close (out);
      g_usleep (g_test_rand_int_range (1000, 30000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      /* It died from the kill, not on its own. */
      g_assert_true (WIFSIGNALED (status));

      /* Whatever the moment, the file loads, whole, at the old or a newer state. */
      store = open_store (f);
      g_assert_null (pyprep_store_get_recovery_message (store));
      assert_consistent (store);
      g_assert_cmpuint (state_number (store), >=, last);
      if (state_number (store) > last)
        killed_with_progress++;
      last = state_number (store);
    }

  g_test_message ("%u kills, %u states saved, %u runs made progress", kills, last, killed_with_progress);
  /* The loop really saved between kills. */
  g_assert_cmpuint (killed_with_progress, >, kills / 4);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--saver"))
    return run_saver (argv[2]);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pyprep/store/fresh", Fixture, NULL, fixture_set_up, test_store_fresh, fixture_tear_down);
  g_test_add ("/pyprep/store/round-trip", Fixture, NULL, fixture_set_up, test_store_round_trip, fixture_tear_down);
  g_test_add ("/pyprep/store/edit-and-undo", Fixture, NULL, fixture_set_up, test_store_edit_and_undo, fixture_tear_down);
  g_test_add ("/pyprep/store/unknown-keys", Fixture, NULL, fixture_set_up, test_store_unknown_keys, fixture_tear_down);
  g_test_add ("/pyprep/store/broken-files", Fixture, NULL, fixture_set_up, test_store_broken_files, fixture_tear_down);
  g_test_add ("/pyprep/store/set-aside-name", Fixture, NULL, fixture_set_up, test_store_set_aside_name, fixture_tear_down);
  g_test_add ("/pyprep/store/newer-version", Fixture, NULL, fixture_set_up, test_store_newer_version, fixture_tear_down);
  g_test_add ("/pyprep/store/fuzz-findings", Fixture, NULL, fixture_set_up, test_store_fuzz_findings, fixture_tear_down);
  g_test_add ("/pyprep/store/backups", Fixture, NULL, fixture_set_up, test_store_backups, fixture_tear_down);
  g_test_add ("/pyprep/store/many-annotations", Fixture, NULL, fixture_set_up, test_store_many_annotations, fixture_tear_down);
  g_test_add ("/pyprep/store/debounced", Fixture, NULL, fixture_set_up, test_store_debounced, fixture_tear_down);
  g_test_add ("/pyprep/store/review-log", Fixture, NULL, fixture_set_up, test_store_review_log, fixture_tear_down);
  g_test_add ("/pyprep/store/export-import", Fixture, NULL, fixture_set_up, test_store_export_import, fixture_tear_down);
  g_test_add ("/pyprep/store/import-minimal", Fixture, NULL, fixture_set_up, test_store_import_minimal, fixture_tear_down);
  g_test_add ("/pyprep/store/import-odd-card-times", Fixture, NULL, fixture_set_up, test_store_import_odd_card_times, fixture_tear_down);
  g_test_add ("/pyprep/store/crash", Fixture, NULL, fixture_set_up, test_store_crash, fixture_tear_down);

  return g_test_run ();
}
