/* test-sync.c: two processes on one data folder, and devices sharing a synced folder, nothing lost.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <glib/gstdio.h>

#include "pyprep-merge-folder.h"
#include "pyprep-review.h"
#include "pyprep-store-interview.h"
#include "store-harness.h"

#define CHILD_CHANGES 60

/* The child of the two-process test: bookmarks and annotations named by
 * @prefix in the data folder @dir, each saved at once, every third
 * bookmark taken back again. */
static int
run_child (const char *dir,
           const char *prefix)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(PyprepStore) store = pyprep_store_new (folder);
  g_autoptr(GError) error = NULL;

  if (!pyprep_store_load (store, &error))
    return 1;
  for (guint i = 0; i < CHILD_CHANGES; i++)
    {
      g_autofree char *entry = g_strdup_printf ("%s/t/e%u", prefix, i);
      g_autofree char *id = NULL;

      pyprep_store_set_bookmarked (store, entry, TRUE);
      id = pyprep_store_add_annotation (store, entry, prefix, NULL, NULL, NULL);
      if (i % 3 == 2)
        {
          g_autofree char *earlier = g_strdup_printf ("%s/t/e%u", prefix, i - 1);

          pyprep_store_set_bookmarked (store, earlier, FALSE);
        }
      if (!pyprep_store_flush (store, &error))
        return 2;
    }
  return 0;
}

/* Two processes on one data folder save in turn, each its whole document:
 * nothing either acknowledged is lost, deletes included (issue 24). */
static void
test_two_processes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GSubprocess) a = NULL;
  g_autoptr(GSubprocess) b = NULL;
  g_autoptr(PyprepStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  const char *prefixes[] = { "a", "b" };

  g_assert_nonnull (self_exe);
  a = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self_exe, "--child", f->dir, "a", NULL);
  g_assert_no_error (error);
  b = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, self_exe, "--child", f->dir, "b", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (a, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (b, NULL, &error));
  g_assert_no_error (error);

  store = open_store (f);
  for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
    {
      g_autoptr(GPtrArray) annotations = pyprep_store_dup_annotations (store, NULL);
      guint mine = 0;

      for (guint i = 0; i < CHILD_CHANGES; i++)
        {
          g_autofree char *entry = g_strdup_printf ("%s/t/e%u", prefixes[p], i);

          g_assert_cmpint (pyprep_store_get_bookmarked (store, entry), ==, i % 3 != 1);
        }
      for (guint i = 0; i < annotations->len; i++)
        mine += g_str_equal (((PyprepAnnotation *) g_ptr_array_index (annotations, i))->text, prefixes[p]);
      g_assert_cmpuint (mine, ==, CHILD_CHANGES);
    }
}

/* Devices ------------------------------------------------------------------ */

/* One simulated machine: its own data folder and its own copy of the
 * synced folder, which the test's "sync tool" copies files into. */
typedef struct
{
  char *data;
  char *sync;
  PyprepStore *store;
} Device;

static void
device_free (Device *device)
{
  g_clear_object (&device->store);
  g_free (device->data);
  g_free (device->sync);
  g_free (device);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Device, device_free)

static Device *
device_new (Fixture    *f,
            const char *name,
            const char *shared_sync)
{
  Device *device = g_new0 (Device, 1);
  g_autoptr(GFile) data = NULL;
  g_autoptr(GFile) sync = NULL;
  g_autoptr(GError) error = NULL;

  device->data = g_build_filename (f->dir, name, "data", NULL);
  device->sync = shared_sync != NULL ? g_strdup (shared_sync) : g_build_filename (f->dir, name, "sync", NULL);
  g_assert_cmpint (g_mkdir_with_parents (device->sync, 0700), ==, 0);
  data = g_file_new_for_path (device->data);
  sync = g_file_new_for_path (device->sync);
  device->store = pyprep_store_new (data);
  pyprep_store_set_clock (device->store, fixture_clock, f);
  g_assert_true (pyprep_store_load (device->store, &error));
  g_assert_true (pyprep_store_set_sync_folder (device->store, sync, &error));
  g_assert_no_error (error);
  return device;
}

static void
answer (Fixture      *f,
        Device       *device,
        const char   *card,
        PyprepRating  rating)
{
  g_autoptr(GError) error = NULL;
  PyprepFsrsParams params;

  pyprep_fsrs_params_init (&params);
  g_assert_true (pyprep_review_answer (device->store, &params, card, rating, f->now, 1000, &error));
  g_assert_no_error (error);
}

static guint
count_answers (Device *device)
{
  g_autoptr(GFile) folder = g_file_new_for_path (device->data);
  g_autoptr(GPtrArray) answers = pyprep_review_log_read (folder);

  return answers->len;
}

/* Two devices on one synced folder (a network drive): each sees the
 * other's bookmarks, annotations, deletes and answers after a merge, and
 * a card answered on both gets the state of both answers. */
static void
test_two_devices (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *shared = g_build_filename (f->dir, "shared", NULL);
  g_autoptr(Device) a = device_new (f, "a", shared);
  g_autoptr(Device) b = device_new (f, "b", shared);
  g_autoptr(PyprepAnnotation) seen = NULL;
  g_autofree char *id = NULL;
  JsonObject *state;

  g_assert_cmpstr (pyprep_store_get_device_id (a->store), !=, pyprep_store_get_device_id (b->store));
  pyprep_store_set_bookmarked (a->store, "d/t/gil", TRUE);
  id = pyprep_store_add_annotation (a->store, "d/t/gil", "the GIL", NULL, NULL, NULL);
  answer (f, a, "d/t/gil#card", PYPREP_RATING_GOOD);
  flush (a->store);

  f->now += G_TIME_SPAN_MINUTE;
  g_assert_cmpuint (pyprep_store_merge_now (b->store), >=, 3);
  g_assert_true (pyprep_store_get_bookmarked (b->store, "d/t/gil"));
  seen = pyprep_store_dup_annotation (b->store, id);
  g_assert_nonnull (seen);
  g_assert_cmpstr (seen->text, ==, "the GIL");
  g_assert_cmpuint (count_answers (b), ==, 1);
  state = pyprep_store_get_card_state (b->store, "d/t/gil#card");
  g_assert_nonnull (state);
  g_assert_cmpint (json_object_get_int_member (state, "reps"), ==, 1);

  /* b answers the card again and deletes the annotation. */
  f->now += G_TIME_SPAN_DAY;
  answer (f, b, "d/t/gil#card", PYPREP_RATING_GOOD);
  g_clear_pointer (&seen, pyprep_annotation_free);
  seen = pyprep_store_remove_annotation (b->store, id);
  flush (b->store);
  pyprep_store_merge_now (a->store);
  g_assert_null (pyprep_store_dup_annotation (a->store, id));
  g_assert_cmpuint (count_answers (a), ==, 2);
  state = pyprep_store_get_card_state (a->store, "d/t/gil#card");
  g_assert_cmpint (json_object_get_int_member (state, "reps"), ==, 2);
}

static void
changed_cb (PyprepStore *store,
            const char  *what,
            const char  *id,
            gpointer     user_data)
{
  GPtrArray *seen = user_data;

  g_ptr_array_add (seen, g_strdup_printf ("%s %s", what, id));
}

static gboolean
has_string (GPtrArray  *array,
            const char *text)
{
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (g_ptr_array_index (array, i), text))
      return TRUE;
  return FALSE;
}

/* A watched store picks up, by itself, another device's change in the
 * synced folder and another process's save of its data file, without
 * counting them as its own unsaved changes. */
static void
test_live (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *shared = g_build_filename (f->dir, "shared", NULL);
  g_autoptr(Device) a = device_new (f, "a", shared);
  g_autoptr(Device) b = device_new (f, "b", shared);
  g_autoptr(GFile) a_data = g_file_new_for_path (a->data);
  g_autoptr(PyprepStore) second = pyprep_store_new (a_data);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (pyprep_store_load (second, &error));
  pyprep_store_set_watched (a->store, TRUE);
  g_signal_connect (a->store, "changed", G_CALLBACK (changed_cb), seen);

  pyprep_store_set_bookmarked (b->store, "d/t/from-b", TRUE);
  flush (b->store);
  while (!pyprep_store_get_bookmarked (a->store, "d/t/from-b"))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (has_string (seen, "bookmark d/t/from-b"));
  g_assert_cmpuint (pyprep_store_count_unsaved (a->store, "bookmark"), ==, 0);

  pyprep_store_set_bookmarked (second, "d/t/from-a-second-process", TRUE);
  flush (second);
  while (!pyprep_store_get_bookmarked (a->store, "d/t/from-a-second-process"))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (has_string (seen, "bookmark d/t/from-a-second-process"));
  g_signal_handlers_disconnect_by_data (a->store, seen);
}

/* The property test ---------------------------------------------------------- */

static const char * const entries[] = { "d/t/a", "d/t/b", "d/t/c", "d/u/d" };
static const char * const cards[] = { "d/t/a#card", "d/t/b#card", "d/u/d#q1" };

typedef struct
{
  const char *card;
  PyprepRating rating;
  gint64 time;
} ModelAnswer;

/* What every device must hold once all files went everywhere: each record
 * as its last change left it, in the order the changes were made (the
 * test's clock moves on before each), and every answer. */
typedef struct
{
  GHashTable *bookmarks;       /* entry IDs */
  GHashTable *annotations;     /* ID -> text */
  GHashTable *read;            /* entry IDs */
  GArray *answers;             /* ModelAnswer */
} Model;

static void
model_clear (Model *model)
{
  g_clear_pointer (&model->bookmarks, g_hash_table_unref);
  g_clear_pointer (&model->annotations, g_hash_table_unref);
  g_clear_pointer (&model->read, g_hash_table_unref);
  g_clear_pointer (&model->answers, g_array_unref);
}

static void
model_init (Model *model)
{
  model->bookmarks = g_hash_table_new (g_str_hash, g_str_equal);
  model->annotations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  model->read = g_hash_table_new (g_str_hash, g_str_equal);
  model->answers = g_array_new (FALSE, FALSE, sizeof (ModelAnswer));
}

/* One random edit on @device, offline, recorded in @model. */
static void
random_edit (Fixture *f,
             GRand   *rand,
             Device  *device,
             Model   *model)
{
  const char *entry = entries[g_rand_int_range (rand, 0, G_N_ELEMENTS (entries))];
  g_autoptr(GPtrArray) annotations = pyprep_store_dup_annotations (device->store, NULL);
  PyprepAnnotation *some = annotations->len > 0
    ? g_ptr_array_index (annotations, g_rand_int_range (rand, 0, annotations->len)) : NULL;
  int kind = g_rand_int_range (rand, 0, 6);

  f->now += G_TIME_SPAN_MILLISECOND;
  if (kind == 0)
    {
      gboolean bookmarked = !pyprep_store_get_bookmarked (device->store, entry);

      pyprep_store_set_bookmarked (device->store, entry, bookmarked);
      if (bookmarked)
        g_hash_table_add (model->bookmarks, (gpointer) entry);
      else
        g_hash_table_remove (model->bookmarks, entry);
    }
  else if (kind == 1 || (some == NULL && kind < 4))
    {
      g_autofree char *text = g_strdup_printf ("note %" G_GINT64_FORMAT, f->now);
      char *id = pyprep_store_add_annotation (device->store, entry, text, NULL, NULL, NULL);

      g_hash_table_insert (model->annotations, id, g_steal_pointer (&text));
    }
  else if (kind == 2)
    {
      g_autofree char *text = g_strdup_printf ("edit %" G_GINT64_FORMAT, f->now);

      g_assert_true (pyprep_store_update_annotation (device->store, some->id, text));
      g_hash_table_insert (model->annotations, g_strdup (some->id), g_steal_pointer (&text));
    }
  else if (kind == 3)
    {
      g_autoptr(PyprepAnnotation) removed = pyprep_store_remove_annotation (device->store, some->id);

      g_hash_table_remove (model->annotations, some->id);
    }
  else if (kind == 4 && !pyprep_store_get_read (device->store, entry))
    {
      pyprep_store_mark_read (device->store, entry);
      g_hash_table_add (model->read, (gpointer) entry);
    }
  else
    {
      ModelAnswer a = { cards[g_rand_int_range (rand, 0, G_N_ELEMENTS (cards))],
                        g_rand_int_range (rand, 1, 5), f->now };

      answer (f, device, a.card, a.rating);
      g_array_append_val (model->answers, a);
    }
}

static char *
read_file (const char *path,
           gsize      *length)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, length, NULL))
    {
      *length = 0;
      return NULL;
    }
  return contents;
}

static void
write_file (const char *path,
            const char *contents,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents != NULL ? contents : "", length, &error);
  g_assert_no_error (error);
}

static const char * const conflict_names[] = {
  "%s (conflicted copy 2026-12-07 103000).jsonl",
  "%s.sync-conflict-20261207-103000-ABCDEFG.jsonl",
  "%s.jsonl~1",
};

/* Copies one file of a device's folder as a sync tool would: whole,
 * halfway (the copy cut short), or beside the older one as a conflicted
 * copy. With @whole, always whole. */
static void
copy_file (GRand      *rand,
           const char *from,
           const char *to_dir,
           const char *name,
           gboolean    whole)
{
  g_autofree char *to = g_build_filename (to_dir, name, NULL);
  gsize from_length;
  gsize to_length;
  g_autofree char *contents = read_file (from, &from_length);
  g_autofree char *old = read_file (to, &to_length);
  int how = whole ? 0 : g_rand_int_range (rand, 0, 10);

  /* The files only grow: a shorter one is an older copy. */
  if (from_length <= to_length)
    return;
  if (how < 6)
    write_file (to, contents, from_length);
  else if (how < 8)
    write_file (to, contents, g_rand_int_range (rand, to_length, from_length));
  else
    {
      g_autofree char *stem = g_strndup (name, strcspn (name, "."));
      g_autofree char *conflict = g_strdup_printf (conflict_names[how - 8 + g_rand_int_range (rand, 0, 2)],
                                                   stem);
      g_autofree char *path = g_build_filename (to_dir, conflict, NULL);

      write_file (path, contents, from_length);
    }
}

/* The sync tool carries @from's copies of every device's files (but
 * @to's own) to @to. */
static void
exchange (GRand    *rand,
          Device   *from,
          Device   *to,
          gboolean  whole)
{
  g_autofree char *devices = g_build_filename (from->sync, PYPREP_SYNC_DEVICES, NULL);
  g_autoptr(GDir) d = g_dir_open (devices, 0, NULL);
  const char *id;

  while (d != NULL && (id = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *dir = g_build_filename (devices, id, NULL);
      g_autofree char *to_dir = g_build_filename (to->sync, PYPREP_SYNC_DEVICES, id, NULL);
      g_autoptr(GDir) files = NULL;
      const char *name;

      if (g_str_equal (id, pyprep_store_get_device_id (to->store)))
        continue;
      g_assert_cmpint (g_mkdir_with_parents (to_dir, 0700), ==, 0);
      files = g_dir_open (dir, 0, NULL);
      while (files != NULL && (name = g_dir_read_name (files)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          gboolean conflict;

          if (pyprep_sync_file_classify (name, &conflict) != PYPREP_SYNC_FILE_NONE && !conflict)
            copy_file (rand, path, to_dir, name, whole);
        }
    }
}

/* The names and sizes of every file of every device's synced folder. */
static char *
folders_signature (GPtrArray *devices)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) signature = g_string_new (NULL);

  for (guint i = 0; i < devices->len; i++)
    {
      Device *device = g_ptr_array_index (devices, i);
      g_autofree char *root = g_build_filename (device->sync, PYPREP_SYNC_DEVICES, NULL);
      g_autoptr(GDir) d = g_dir_open (root, 0, NULL);
      const char *id;

      while (d != NULL && (id = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *dir = g_build_filename (root, id, NULL);
          g_autoptr(GDir) files = g_dir_open (dir, 0, NULL);
          const char *name;

          while (files != NULL && (name = g_dir_read_name (files)) != NULL)
            {
              g_autofree char *path = g_build_filename (dir, name, NULL);
              GStatBuf st;

              g_assert_cmpint (g_stat (path, &st), ==, 0);
              g_ptr_array_add (names, g_strdup_printf ("%u %s/%s %jd", i, id, name, (intmax_t) st.st_size));
            }
        }
    }
  g_ptr_array_sort_values (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (signature, "%s\n", (char *) g_ptr_array_index (names, i));
  return g_string_free (g_steal_pointer (&signature), FALSE);
}

/* Every file goes everywhere, whole, and every device merges and saves,
 * until nothing changes any more. */
static void
settle (GRand     *rand,
        GPtrArray *devices)
{
  for (guint round = 0; round < 10; round++)
    {
      g_autofree char *before = folders_signature (devices);
      g_autofree char *after = NULL;

      for (guint i = 0; i < devices->len; i++)
        for (guint j = 0; j < devices->len; j++)
          if (i != j)
            exchange (rand, g_ptr_array_index (devices, i), g_ptr_array_index (devices, j), TRUE);
      for (guint i = 0; i < devices->len; i++)
        {
          Device *device = g_ptr_array_index (devices, i);

          pyprep_store_merge_now (device->store);
          flush (device->store);
        }
      after = folders_signature (devices);
      if (g_str_equal (before, after))
        return;
    }
  g_assert_not_reached ();
}

static gboolean
same_memory (const PyprepCardMemory *a,
             const PyprepCardMemory *b)
{
  return a->state == b->state && a->reps == b->reps && a->lapses == b->lapses && a->due == b->due
         && G_APPROX_VALUE (a->stability, b->stability, 1e-9)
         && G_APPROX_VALUE (a->difficulty, b->difficulty, 1e-9);
}

/* Whether @device holds what @model says; if not, why. */
static char *
check_device (Device *device,
              Model  *model)
{
  g_auto(GStrv) bookmarks = pyprep_store_dup_bookmarks (device->store);
  g_autoptr(GPtrArray) annotations = pyprep_store_dup_annotations (device->store, NULL);
  PyprepFsrsParams params;

  pyprep_fsrs_params_init (&params);
  if (g_strv_length (bookmarks) != g_hash_table_size (model->bookmarks))
    return g_strdup_printf ("%u bookmarks, not %u", g_strv_length (bookmarks),
                            g_hash_table_size (model->bookmarks));
  for (guint i = 0; bookmarks[i] != NULL; i++)
    if (!g_hash_table_contains (model->bookmarks, bookmarks[i]))
      return g_strdup_printf ("bookmark %s should be gone", bookmarks[i]);
  if (annotations->len != g_hash_table_size (model->annotations))
    return g_strdup_printf ("%u annotations, not %u", annotations->len,
                            g_hash_table_size (model->annotations));
  for (guint i = 0; i < annotations->len; i++)
    {
      PyprepAnnotation *annotation = g_ptr_array_index (annotations, i);

      if (g_strcmp0 (g_hash_table_lookup (model->annotations, annotation->id), annotation->text) != 0)
        return g_strdup_printf ("annotation %s says %s", annotation->id, annotation->text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (pyprep_store_get_read (device->store, entries[i]) != g_hash_table_contains (model->read, entries[i]))
      return g_strdup_printf ("%s read: %d", entries[i], pyprep_store_get_read (device->store, entries[i]));
  if (count_answers (device) != model->answers->len)
    return g_strdup_printf ("%u answers, not %u", count_answers (device), model->answers->len);
  for (guint c = 0; c < G_N_ELEMENTS (cards); c++)
    {
      JsonObject *state = pyprep_store_get_card_state (device->store, cards[c]);
      PyprepCardMemory expected;
      PyprepCardMemory got;
      gboolean answered = FALSE;

      for (guint i = 0; i < model->answers->len; i++)
        {
          ModelAnswer *a = &g_array_index (model->answers, ModelAnswer, i);
          PyprepFsrsParams card_params = params;
          PyprepCardMemory after;

          if (!g_str_equal (a->card, cards[c]))
            continue;
          if (!answered)
            pyprep_card_memory_init (&expected, a->time);
          answered = TRUE;
          card_params.fuzz_seed ^= g_str_hash (cards[c]);
          pyprep_fsrs_review (&card_params, &expected, a->rating, a->time, &after);
          expected = after;
        }
      if (answered != (state != NULL))
        return g_strdup_printf ("card %s has %s state", cards[c], state != NULL ? "a" : "no");
      if (answered && (!pyprep_card_memory_from_json (&got, state, 0) || !same_memory (&got, &expected)))
        return g_strdup_printf ("card %s: %u reps, not %u", cards[c], got.reps, expected.reps);
    }
  return NULL;
}

/* Whether every one of @devices holds what @model says; if not, which
 * and why. */
static char *
check_devices (GPtrArray *devices,
               Model     *model)
{
  for (guint i = 0; i < devices->len; i++)
    {
      g_autofree char *problem = check_device (g_ptr_array_index (devices, i), model);

      if (problem != NULL)
        return g_strdup_printf ("device %u: %s", i, problem);
    }
  return NULL;
}

/* One schedule: devices edit offline and exchange files in a random order,
 * halfway and as conflicted copies; then everything goes everywhere.
 * Returns why a device differs from the model, or %NULL. */
static char *
run_schedule (Fixture *f,
              guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) device_free);
  g_autofree char *dir = g_strdup_printf ("%s/%u", f->dir, seed);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
  Model model;
  char *why = NULL;
  guint n_devices = g_rand_int_range (rand, 2, 5);

  model_init (&model);
  for (guint i = 0; i < n_devices; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u/%u", seed, i);

      g_ptr_array_add (devices, device_new (f, name, NULL));
    }
  for (guint step = 0; step < 24; step++)
    {
      Device *one = g_ptr_array_index (devices, g_rand_int_range (rand, 0, n_devices));
      Device *other = g_ptr_array_index (devices, g_rand_int_range (rand, 0, n_devices));

      if (g_rand_int_range (rand, 0, 3) > 0)
        {
          random_edit (f, rand, one, &model);
          if (g_rand_boolean (rand))
            flush (one->store);
        }
      else if (one != other)
        {
          exchange (rand, one, other, FALSE);
          if (g_rand_boolean (rand))
            pyprep_store_merge_now (other->store);
        }
    }
  for (guint i = 0; i < n_devices; i++)
    flush (((Device *) g_ptr_array_index (devices, i))->store);
  settle (rand, devices);

  why = check_devices (devices, &model);
  model_clear (&model);
  g_clear_pointer (&devices, g_ptr_array_unref);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
  return why;
}

/* Issue 22's property: after full exchange every device equals the
 * reference model, over at least 1,000 random schedules
 * (PYPREP_SYNC_SCHEDULES to change; PYPREP_SYNC_SEED to rerun one). */
static void
test_property (Fixture       *f,
               gconstpointer  data)
{
  const char *count = g_getenv ("PYPREP_SYNC_SCHEDULES");
  const char *only = g_getenv ("PYPREP_SYNC_SEED");
  guint n = count != NULL ? (guint) g_ascii_strtoull (count, NULL, 10) : 1000;
  guint32 first = only != NULL ? (guint32) g_ascii_strtoull (only, NULL, 10)
                                : (guint32) g_test_rand_int ();

  if (only != NULL)
    n = 1;
  for (guint i = 0; i < n; i++)
    {
      guint32 seed = first + i;
      g_autofree char *why = run_schedule (f, seed);

      if (why != NULL)
        {
          g_test_fail_printf ("schedule with seed %u (PYPREP_SYNC_SEED=%u): %s", seed, seed, why);
          return;
        }
    }
  g_test_message ("%u schedules from seed %u", n, first);
}

/* The interview date ----------------------------------------------------------- */

static void
set_interview_date (Device     *device,
                    GDateYear   year,
                    GDateMonth  month,
                    GDateDay    day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  pyprep_store_set_interview (device->store, &date, NULL, 0.9);
}

static char *
dup_interview_date (Device *device)
{
  GDate date;
  char text[16];

  if (!pyprep_store_get_interview_date (device->store, &date))
    return NULL;
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

/* The interview date is one record of the synced data: the last date set
 * on any device wins on all of them, whichever merges first, and a
 * cleared date clears it everywhere. */
static void
test_interview (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *shared = g_build_filename (f->dir, "shared", NULL);
  g_autoptr(Device) a = device_new (f, "a", shared);
  g_autoptr(Device) b = device_new (f, "b", shared);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *date = NULL;

  set_interview_date (a, 2026, G_DATE_DECEMBER, 20);
  flush (a->store);
  g_signal_connect (b->store, "changed", G_CALLBACK (changed_cb), seen);
  g_assert_cmpuint (pyprep_store_merge_now (b->store), >=, 1);
  g_assert_true (has_string (seen, "interview (null)"));
  date = dup_interview_date (b);
  g_assert_cmpstr (date, ==, "2026-12-20");
  g_clear_pointer (&date, g_free);
  g_signal_handlers_disconnect_by_data (b->store, seen);

  /* Both change it offline, b later: b's wins on both, in either order. */
  f->now += G_TIME_SPAN_HOUR;
  set_interview_date (a, 2027, G_DATE_JANUARY, 4);
  f->now += G_TIME_SPAN_HOUR;
  set_interview_date (b, 2027, G_DATE_JANUARY, 11);
  flush (b->store);
  pyprep_store_merge_now (a->store);
  flush (a->store);
  pyprep_store_merge_now (b->store);
  date = dup_interview_date (a);
  g_assert_cmpstr (date, ==, "2027-01-11");
  g_clear_pointer (&date, g_free);
  date = dup_interview_date (b);
  g_assert_cmpstr (date, ==, "2027-01-11");
  g_clear_pointer (&date, g_free);

  /* Clearing it is a change like any other. */
  f->now += G_TIME_SPAN_HOUR;
  pyprep_store_set_interview (a->store, NULL, NULL, 0.9);
  flush (a->store);
  pyprep_store_merge_now (b->store);
  g_assert_false (pyprep_store_get_interview_date (b->store, NULL));
}

/* Compaction of review logs ----------------------------------------------------- */

/* The total size of the files under @path, and how many review log
 * archives there are among them. */
static guint64
tree_size (const char *path,
           guint      *n_archives)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;
  guint64 size = 0;
  GStatBuf st;

  if (d == NULL)
    return g_stat (path, &st) == 0 ? (guint64) st.st_size : 0;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (n_archives != NULL && pyprep_sync_file_classify (name, NULL) == PYPREP_SYNC_FILE_ARCHIVE)
        (*n_archives)++;
      size += tree_size (child, n_archives);
    }
  return size;
}

/* Copies every file of the devices' folders of @from_sync to @to_sync,
 * whole, as a sync tool does once a computer is back online. */
static void
copy_devices (const char *from_sync,
              const char *to_sync)
{
  g_autofree char *devices = g_build_filename (from_sync, PYPREP_SYNC_DEVICES, NULL);
  g_autoptr(GDir) d = g_dir_open (devices, 0, NULL);
  const char *id;

  while (d != NULL && (id = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *dir = g_build_filename (devices, id, NULL);
      g_autofree char *to_dir = g_build_filename (to_sync, PYPREP_SYNC_DEVICES, id, NULL);
      g_autoptr(GDir) files = g_dir_open (dir, 0, NULL);
      const char *name;

      g_assert_cmpint (g_mkdir_with_parents (to_dir, 0700), ==, 0);
      while (files != NULL && (name = g_dir_read_name (files)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autofree char *to = g_build_filename (to_dir, name, NULL);
          gsize length;
          g_autofree char *contents = read_file (path, &length);

          write_file (to, contents, length);
        }
    }
}

/* One random history of some months: devices on a shared folder edit and
 * answer, days apart, and one more device edits offline the whole time,
 * its folder arriving only at the end. With @compact, devices compact
 * their folders now and then. Returns why a device, or a new device
 * reading the folder, differs from the model, or %NULL. Counts the
 * archives made in @n_archives. */
static char *
run_history (Fixture  *f,
             guint32   seed,
             gboolean  compact,
             guint    *n_archives)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) device_free);
  g_autofree char *top = g_strdup_printf ("%s/h%u-%d", f->dir, seed, compact);
  g_autofree char *shared = g_build_filename (top, "shared", NULL);
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", top);
  g_autoptr(Device) observer = NULL;
  g_autofree char *observer_name = NULL;
  guint n_online = g_rand_int_range (rand, 1, 3);
  Device *offline;
  Model model;
  char *why = NULL;

  f->now = STORE_TEST_NOW;
  model_init (&model);
  for (guint i = 0; i <= n_online; i++)
    {
      g_autofree char *name = g_strdup_printf ("h%u-%d/%u", seed, compact, i);

      g_ptr_array_add (devices, device_new (f, name, i < n_online ? shared : NULL));
    }
  offline = g_ptr_array_index (devices, n_online);
  for (guint step = 0; step < 80; step++)
    {
      Device *one = g_ptr_array_index (devices, g_rand_int_range (rand, 0, devices->len));

      f->now += g_rand_int_range (rand, 0, 5 * 24) * G_TIME_SPAN_HOUR;
      random_edit (f, rand, one, &model);
      flush (one->store);
      if (g_rand_int_range (rand, 0, 3) == 0)
        pyprep_store_merge_now (((Device *) g_ptr_array_index (devices, 0))->store);
      if (g_rand_int_range (rand, 0, 4) == 0 && compact)
        g_assert_true (pyprep_store_compact (one->store, PYPREP_SYNC_COMPACT_DAYS, NULL));
    }

  /* Months later the offline device comes back: its files and the
   * others' go both ways until nothing changes. */
  for (guint round = 0; round < 3; round++)
    {
      copy_devices (offline->sync, shared);
      copy_devices (shared, offline->sync);
      for (guint i = 0; i < devices->len; i++)
        {
          Device *device = g_ptr_array_index (devices, i);

          pyprep_store_merge_now (device->store);
          flush (device->store);
        }
    }
  observer_name = g_strdup_printf ("h%u-%d/observer", seed, compact);
  observer = device_new (f, observer_name, shared);
  why = check_device (observer, &model);
  if (why == NULL)
    why = check_devices (devices, &model);
  tree_size (shared, n_archives);
  model_clear (&model);
  g_clear_pointer (&observer, device_free);
  g_clear_pointer (&devices, g_ptr_array_unref);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL));
  return why;
}

/* Compaction keeps the merge: for random histories with a device offline
 * for months, every device and a new one reading the folder end equal to
 * the reference model with compaction as without (PYPREP_SYNC_SEED to
 * rerun one). */
static void
test_compaction_property (Fixture       *f,
                          gconstpointer  data)
{
  const char *only = g_getenv ("PYPREP_SYNC_SEED");
  guint32 first = only != NULL ? (guint32) g_ascii_strtoull (only, NULL, 10)
                                : (guint32) g_test_rand_int ();
  guint n = only != NULL ? 1 : 40;
  guint n_archives = 0;

  for (guint i = 0; i < n; i++)
    for (int compact = 1; compact >= 0; compact--)
      {
        guint32 seed = first + i;
        g_autofree char *why = run_history (f, seed, compact, compact ? &n_archives : NULL);

        if (why != NULL)
          {
            g_test_fail_printf ("history with seed %u (PYPREP_SYNC_SEED=%u), %s compaction: %s",
                                seed, seed, compact ? "with" : "without", why);
            return;
          }
      }
  /* The histories did compact answers. */
  g_assert_cmpuint (n_archives, >, 0);
  g_test_message ("%u histories from seed %u, %u archives", n, first, n_archives);
}

static void
answer_at (Fixture      *f,
           Device       *device,
           const char   *card,
           PyprepRating  rating,
           gint64        when)
{
  gint64 now = f->now;

  f->now = when;
  answer (f, device, card, rating);
  f->now = now;
}

/* Compaction makes the files smaller, and a device that joins afterwards
 * still gets every answer and the same card states; compacting again
 * changes nothing. */
static void
test_compaction_shrinks (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *shared = g_build_filename (f->dir, "shared", NULL);
  g_autoptr(Device) a = device_new (f, "a", shared);
  g_autoptr(Device) late = NULL;
  g_autofree char *dir = g_build_filename (shared, PYPREP_SYNC_DEVICES,
                                           pyprep_store_get_device_id (a->store), NULL);
  g_autofree char *log = g_build_filename (dir, PYPREP_SYNC_REVIEWS, NULL);
  g_autofree char *signature = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GFile) shared_file = g_file_new_for_path (shared);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  guint64 before_size, log_before;
  guint n_archives = 0;
  PyprepFsrsParams params;

  for (guint day = 0; day < 120; day++)
    {
      for (guint i = 0; i < 20; i++)
        {
          g_autofree char *card = g_strdup_printf ("d/t/e%u#card", (day * 7 + i * 13) % 200);

          f->now += G_TIME_SPAN_MINUTE;
          answer (f, a, card, 1 + (day + i) % 4);
        }
      flush (a->store);
      f->now += G_TIME_SPAN_DAY - 20 * G_TIME_SPAN_MINUTE;
    }
  before_size = tree_size (dir, NULL);
  log_before = tree_size (log, NULL);
  g_assert_true (pyprep_store_compact (a->store, PYPREP_SYNC_COMPACT_DAYS, NULL));
  g_assert_cmpuint (tree_size (dir, &n_archives), <, before_size / 2);
  g_assert_cmpuint (tree_size (log, NULL), <, log_before / 2);
  /* About 13 weeks older than 30 days, an archive each. */
  g_assert_cmpuint (n_archives, >=, 12);
  g_test_message ("%u answers: %" G_GUINT64_FORMAT " bytes, %" G_GUINT64_FORMAT " compacted",
                  count_answers (a), before_size, tree_size (dir, NULL));

  /* Nothing is pushed again at the next start, and compacting again
   * writes nothing. */
  g_ptr_array_add (list, a);
  signature = folders_signature (list);
  g_assert_true (pyprep_store_set_sync_folder (a->store, shared_file, NULL));
  g_assert_true (pyprep_store_compact (a->store, PYPREP_SYNC_COMPACT_DAYS, NULL));
  again = folders_signature (list);
  g_assert_cmpstr (again, ==, signature);

  late = device_new (f, "late", shared);
  g_assert_cmpuint (count_answers (late), ==, 120 * 20);
  pyprep_fsrs_params_init (&params);
  for (guint c = 0; c < 200; c++)
    {
      g_autofree char *card = g_strdup_printf ("d/t/e%u#card", c);
      JsonObject *mine = pyprep_store_get_card_state (a->store, card);
      JsonObject *theirs = pyprep_store_get_card_state (late->store, card);
      PyprepCardMemory x, y;

      g_assert_true ((mine == NULL) == (theirs == NULL));
      if (mine == NULL)
        continue;
      g_assert_true (pyprep_card_memory_from_json (&x, mine, 0));
      g_assert_true (pyprep_card_memory_from_json (&y, theirs, 0));
      g_assert_true (same_memory (&x, &y));
    }

  /* An answer that reaches the log late (a conflicted copy found months
   * after) joins its week's archive at the next compaction. */
  answer_at (f, a, "d/t/e0#card", PYPREP_RATING_GOOD, STORE_TEST_NOW + 3 * G_TIME_SPAN_DAY);
  g_assert_true (pyprep_store_compact (a->store, PYPREP_SYNC_COMPACT_DAYS, NULL));
  g_clear_pointer (&late, device_free);
  late = device_new (f, "later", shared);
  g_assert_cmpuint (count_answers (late), ==, 120 * 20 + 1);
}

static const char * const words[] = {
  "the", "GIL", "thread", "lock", "is", "released", "around", "blocking", "I/O", "so", "asyncio",
  "event", "loop", "generator", "yields", "a", "value", "dict", "keeps", "insertion", "order",
  "hash", "table", "list", "append", "amortized", "O(1)", "copy", "deep", "shallow", "reference",
  "count", "garbage", "collector", "cycles", "weakref", "slots", "memory", "decorator", "closure",
};

/* A note of 40 to 240 characters. */
static char *
random_note (GRand *rand)
{
  GString *text = g_string_new (NULL);
  guint length = g_rand_int_range (rand, 40, 241);

  while (text->len < length)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  g_string_truncate (text, length);
  return g_string_free (text, FALSE);
}

/* Issue 22's figure: 10,000 annotations and a year of 150 answers a day
 * (a seeded history, through the store) stay under 10 MB in the synced
 * folder once compacted. The store saves once a week, and daily in the
 * last 45 days, so the change records that stay uncompacted are as many
 * as daily study makes (a save per answer would add no line: a card
 * changed twice between saves has one record, and records older than 30
 * days fold to one a record). */
static void
test_size (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (22);
  g_autofree char *shared = g_build_filename (f->dir, "shared", NULL);
  g_autoptr(Device) a = device_new (f, "a", shared);
  guint64 size;
  guint n_archives = 0;
  guint n_notes = 0;

  for (guint day = 0; day < 365; day++)
    {
      guint cards_known = MIN (3000, 20 * (day + 1));
      guint notes_today = (10000 * (day + 1)) / 365 - n_notes;

      for (guint i = 0; i < 150; i++)
        {
          guint card = g_rand_int_range (rand, 0, cards_known);
          g_autofree char *id = g_strdup_printf ("pyprep/topic%u/entry-%u#card", card % 12, card);
          guint32 roll = g_rand_int_range (rand, 0, 100);
          PyprepRating rating = roll < 10 ? PYPREP_RATING_AGAIN : roll < 25 ? PYPREP_RATING_HARD
                                : roll < 90 ? PYPREP_RATING_GOOD : PYPREP_RATING_EASY;

          f->now += 12 * G_TIME_SPAN_SECOND;
          answer (f, a, id, rating);
        }
      for (guint i = 0; i < notes_today; i++, n_notes++)
        {
          guint entry = g_rand_int_range (rand, 0, 3000);
          g_autofree char *id = g_strdup_printf ("pyprep/topic%u/entry-%u", entry % 12, entry);
          g_autofree char *text = random_note (rand);
          g_autofree char *note = NULL;

          f->now += G_TIME_SPAN_SECOND;
          note = pyprep_store_add_annotation (a->store, id, text, NULL, NULL, NULL);
        }
      if (day % 7 == 6 || day >= 365 - 45)
        flush (a->store);
      f->now += G_TIME_SPAN_DAY - 150 * 12 * G_TIME_SPAN_SECOND - notes_today * G_TIME_SPAN_SECOND;
    }
  flush (a->store);
  g_assert_cmpuint (n_notes, ==, 10000);
  g_assert_true (pyprep_store_compact (a->store, PYPREP_SYNC_COMPACT_DAYS, NULL));
  size = tree_size (shared, &n_archives);
  g_test_message ("10,000 annotations and %u answers: %" G_GUINT64_FORMAT " bytes in the synced "
                  "folder after compaction, %u archives", count_answers (a), size, n_archives);
  g_assert_cmpuint (count_answers (a), ==, 365 * 150);
  g_assert_cmpuint (size, <, 10 * 1000 * 1000);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pyprep/sync/two-processes", Fixture, NULL, fixture_set_up, test_two_processes,
              fixture_tear_down);
  g_test_add ("/pyprep/sync/two-devices", Fixture, NULL, fixture_set_up, test_two_devices,
              fixture_tear_down);
  g_test_add ("/pyprep/sync/live", Fixture, NULL, fixture_set_up, test_live, fixture_tear_down);
  g_test_add ("/pyprep/sync/property", Fixture, NULL, fixture_set_up, test_property,
              fixture_tear_down);
  g_test_add ("/pyprep/sync/interview", Fixture, NULL, fixture_set_up, test_interview,
              fixture_tear_down);
  g_test_add ("/pyprep/sync/compaction-shrinks", Fixture, NULL, fixture_set_up,
              test_compaction_shrinks, fixture_tear_down);
  g_test_add ("/pyprep/sync/compaction-property", Fixture, NULL, fixture_set_up,
              test_compaction_property, fixture_tear_down);
  g_test_add ("/pyprep/sync/size", Fixture, NULL, fixture_set_up, test_size, fixture_tear_down);

  return g_test_run ();
}
