/* test-annotation-index.c: the store's index of each entry's annotations follows every change.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Counting and listing an entry's annotations answer from an index the
 * store keeps (src/core/pyprep-store-annotation-index.c). Each case below
 * asks it first, so that it is built, then changes the store and asks
 * again: a change the index missed shows as a count or an order that a
 * scan of every annotation would not give.
 */
#include "config.h"

#include "pyprep-annotation.h"
#include "store-harness.h"

#define A "d/t/a"
#define B "d/t/b"

/* What the index says, as one string: "count: id id ...". */
static char *
listed (PyprepStore *store,
        const char  *entry_id)
{
  g_auto(GStrv) ids = pyprep_store_dup_annotation_ids (store, entry_id);
  g_autofree char *joined = g_strjoinv (" ", ids);

  return g_strdup_printf ("%u: %s", pyprep_store_count_annotations (store, entry_id), joined);
}

/* What a scan of every annotation says, in the same form. */
static char *
scanned (PyprepStore *store,
         const char  *entry_id)
{
  g_autoptr(GPtrArray) all = pyprep_store_dup_annotations (store, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_autofree char *joined = NULL;
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    {
      const PyprepAnnotation *annotation = g_ptr_array_index (all, i);

      if (g_strcmp0 (annotation->entry_id, entry_id) != 0)
        continue;
      g_strv_builder_add (builder, annotation->id);
      n++;
    }
  ids = g_strv_builder_end (builder);
  joined = g_strjoinv (" ", ids);
  return g_strdup_printf ("%u: %s", n, joined);
}

static void
assert_true_to_store (PyprepStore *store)
{
  const char * const entries[] = { A, B, "d/t/none" };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autofree char *index = listed (store, entries[i]);
      g_autofree char *scan = scanned (store, entries[i]);

      g_assert_cmpstr (index, ==, scan);
    }
}

/* Adding, editing, deleting, keeping a card, restoring. */
static void
test_index_follows_edits (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PyprepStore) store = open_store (f);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *now = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(PyprepAnnotation) removed = NULL;
  g_autoptr(PyprepAnnotation) kept = NULL;

  g_assert_cmpuint (pyprep_store_count_annotations (store, A), ==, 0);

  first = pyprep_store_add_annotation (store, A, "first", "a passage", NULL, NULL);
  f->now += G_USEC_PER_SEC;
  second = pyprep_store_add_annotation (store, A, "second", NULL, NULL, NULL);
  f->now += G_USEC_PER_SEC;
  third = pyprep_store_add_annotation (store, B, "third", NULL, NULL, NULL);
  now = listed (store, A);
  expected = g_strdup_printf ("2: %s %s", second, first);
  g_assert_cmpstr (now, ==, expected);
  g_assert_cmpuint (pyprep_store_count_annotations (store, B), ==, 1);
  assert_true_to_store (store);

  /* An edit keeps its place (ordered by creation). */
  g_assert_true (pyprep_store_update_annotation (store, first, "first, edited"));
  assert_true_to_store (store);

  /* Deleted, then put back: gone, then in its place again. */
  removed = pyprep_store_remove_annotation (store, second);
  g_assert_cmpuint (pyprep_store_count_annotations (store, A), ==, 1);
  assert_true_to_store (store);
  pyprep_store_restore_annotation (store, removed);
  g_assert_cmpuint (pyprep_store_count_annotations (store, A), ==, 2);
  assert_true_to_store (store);

  /* A card kept of a deleted annotation lists no more; undone, it does. */
  g_assert_true (pyprep_store_make_annotation_card (store, first, NULL));
  kept = pyprep_store_remove_annotation_keep_card (store, first);
  g_assert_nonnull (kept);
  g_assert_cmpuint (pyprep_store_count_annotations (store, A), ==, 1);
  assert_true_to_store (store);
  pyprep_store_restore_annotation (store, kept);
  g_assert_cmpuint (pyprep_store_count_annotations (store, A), ==, 2);
  assert_true_to_store (store);

  /* The last of an entry's annotations gone: the entry has none. */
  pyprep_annotation_free (pyprep_store_remove_annotation (store, third));
  g_assert_cmpuint (pyprep_store_count_annotations (store, B), ==, 0);
  assert_true_to_store (store);
}

/* Changes of many records at once: an import, a store loaded again. */
static void
test_index_follows_import (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(PyprepStore) store = open_store (f);
  g_autoptr(PyprepStore) other = NULL;
  g_autofree char *exported = g_build_filename (f->dir, "exported.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (exported);
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = pyprep_store_add_annotation (store, A, "mine", NULL, NULL, NULL);

  g_assert_cmpuint (pyprep_store_count_annotations (store, A), ==, 1);
  g_assert_nonnull (mine);

  /* Another folder's annotations come in by Import Data. */
  {
    g_autofree char *dir = g_build_filename (f->dir, "other", NULL);
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    g_autofree char *theirs = NULL;

    other = pyprep_store_new (folder);
    g_assert_true (pyprep_store_load (other, &error));
    f->now += G_USEC_PER_SEC;
    theirs = pyprep_store_add_annotation (other, A, "theirs", NULL, NULL, NULL);
    g_assert_nonnull (theirs);
    g_assert_true (pyprep_store_export (other, file, &error));
    g_assert_no_error (error);
  }
  g_assert_true (pyprep_store_import (store, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pyprep_store_count_annotations (store, A), ==, 2);
  assert_true_to_store (store);
}

/* Another process's save, merged before this one's own. */
static void
test_index_follows_merge (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PyprepStore) store = open_store (f);
  g_autoptr(PyprepStore) second = open_store (f);
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;

  g_assert_cmpuint (pyprep_store_count_annotations (store, A), ==, 0);
  theirs = pyprep_store_add_annotation (second, A, "from the second process", NULL, NULL, NULL);
  flush (second);
  f->now += G_USEC_PER_SEC;
  mine = pyprep_store_add_annotation (store, A, "mine", NULL, NULL, NULL);
  flush (store);
  g_assert_cmpuint (pyprep_store_count_annotations (store, A), ==, 2);
  {
    g_auto(GStrv) ids = pyprep_store_dup_annotation_ids (store, A);

    g_assert_true (g_strv_contains ((const char * const *) ids, theirs));
    g_assert_true (g_strv_contains ((const char * const *) ids, mine));
  }
  assert_true_to_store (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pyprep/annotation-index/edits", Fixture, NULL, fixture_set_up, test_index_follows_edits,
              fixture_tear_down);
  g_test_add ("/pyprep/annotation-index/import", Fixture, NULL, fixture_set_up, test_index_follows_import,
              fixture_tear_down);
  g_test_add ("/pyprep/annotation-index/merge", Fixture, NULL, fixture_set_up, test_index_follows_merge,
              fixture_tear_down);

  return g_test_run ();
}
