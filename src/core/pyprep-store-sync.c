/* pyprep-store-sync.c: the store's clocks and merges: another process's saves, the synced study folder.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change the store makes stamps its record with the store's hybrid
 * logical clock (pyprep-hlc.c), and a delete leaves a tombstone, so that
 * any two versions of the data merge record by record (pyprep-merge.c).
 *
 * Two processes with one data folder: a save first checks whether
 * user-data.json is still the file this store last read or wrote (its
 * identity); when another process saved since, its document is merged in
 * before writing (pyprep-store-file.c), and then into the store here,
 * with a #PyprepStore::changed for every record that changed. A watcher
 * on the folder does the same as soon as the other process saves
 * (pyprep-store-watch.c).
 *
 * A synced study folder (docs/sync.md): each save also appends the
 * change records of what changed to this device's changes.jsonl there,
 * each answer goes to this device's review-log.jsonl too, and merging
 * reads every device's files. user-data.json and review-log.jsonl in the
 * data folder stay the merged view that the rest of the app reads.
 *
 * Card states are recomputed from the merged review log
 * (pyprep_merge_replay()) for every card that a merge touched: a card
 * answered on two devices offline gets the state of both answers.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

#include "pyprep-store-private.h"

#include "pyprep-merge.h"
#include "pyprep-merge-folder.h"
#include "pyprep-review.h"

#define DEVICE_ID_FILE "device-id"

/* The kinds of change (#PyprepStore::changed) and of record (pyprep-merge.c). */
static const char * const kinds[][2] = {
  { "bookmark", "bookmarks" },
  { "annotation", "annotations" },
  { "reading", "reading" },
  { "card", "cards" },
  { PYPREP_MERGE_INTERVIEW, PYPREP_MERGE_INTERVIEW },
};

static const char *
kind_of (const char *what)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (what, kinds[i][0]) == 0)
      return kinds[i][1];
  return NULL;
}

static const char *
what_of (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i][1]) == 0)
      return kinds[i][0];
  return NULL;
}

/**
 * pyprep_store_sync_init:
 *
 * A clock for a device not known yet (pyprep_store_sync_loaded() reads
 * its ID), and the default scheduler settings.
 */
void
pyprep_store_sync_init (PyprepStore *self)
{
  g_autofree char *id = g_uuid_string_random ();

  self->hlc = pyprep_hlc_new (id);
  self->outbox = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pyprep_fsrs_params_init (&self->params);
}

/**
 * pyprep_store_sync_clear:
 *
 * Frees what this file keeps in the store.
 */
void
pyprep_store_sync_clear (PyprepStore *self)
{
  pyprep_store_watch_stop (self);
  g_clear_pointer (&self->hlc, pyprep_hlc_free);
  g_clear_pointer (&self->outbox, g_hash_table_unref);
  g_clear_pointer (&self->identity, g_free);
  g_clear_pointer (&self->sync, pyprep_sync_folder_free);
  g_clear_pointer (&self->known_reviews, g_hash_table_unref);
}

static char *
device_id_path (PyprepStore *self)
{
  g_autofree char *dir = g_file_get_path (self->folder);

  return g_build_filename (dir, DEVICE_ID_FILE, NULL);
}

static gboolean
valid_device_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static void
observe_cb (gpointer stamp,
            gpointer user_data)
{
  pyprep_hlc_observe (user_data, stamp);
}

/**
 * pyprep_store_sync_loaded:
 *
 * After a load: this device's ID, when the data folder has one, and a
 * clock past every stamp of the data, so that new changes order after
 * everything loaded.
 */
void
pyprep_store_sync_loaded (PyprepStore *self)
{
  g_autofree char *path = device_id_path (self);
  g_autofree char *id = NULL;

  if (g_file_get_contents (path, &id, NULL, NULL) && valid_device_id (g_strstrip (id)))
    {
      pyprep_hlc_free (self->hlc);
      self->hlc = pyprep_hlc_new (id);
      self->device_saved = TRUE;
    }
  pyprep_merge_foreach_stamp (self->root, observe_cb, self->hlc);
  self->generation = json_object_get_int_member_with_default (self->root, PYPREP_MERGE_GENERATION, 0);
  g_clear_pointer (&self->known_reviews, g_hash_table_unref);
}

static void
stamp_record (PyprepStore *self,
              const char  *kind,
              const char  *id)
{
  g_autofree char *stamp = pyprep_hlc_tick (self->hlc, pyprep_store_now (self));

  pyprep_merge_set_stamp (self->root, kind, id, stamp);
  g_hash_table_add (self->outbox, g_strconcat (kind, "\t", id, NULL));
}

/* Stamps every record, or those without a stamp: after an import, which
 * may have changed any, or when data written before clocks moves to a
 * synced folder. */
static void
stamp_all (PyprepStore *self,
           gboolean     unstamped_only)
{
  for (guint k = 0; pyprep_merge_kinds[k] != NULL; k++)
    {
      const char *kind = pyprep_merge_kinds[k];
      JsonObject *container = pyprep_merge_get_container (self->root, kind);
      g_autoptr(GList) ids = json_object_get_members (container);

      for (GList *l = ids; l != NULL; l = l->next)
        if (pyprep_merge_is_record (kind, l->data)
            && (!unstamped_only || pyprep_merge_get_stamp (self->root, kind, l->data) == NULL))
          stamp_record (self, kind, l->data);
    }
}

/**
 * pyprep_store_stamp:
 * @what: the kind of change
 * @id: (nullable): the entry, annotation or card that changed
 *
 * Stamps the record that changed (its tombstone when it is gone), and
 * notes it for the synced folder.
 */
void
pyprep_store_stamp (PyprepStore *self,
                    const char  *what,
                    const char  *id)
{
  const char *kind = kind_of (what);

  if (g_strcmp0 (what, "import") == 0)
    stamp_all (self, FALSE);
  else if (g_strcmp0 (kind, PYPREP_MERGE_INTERVIEW) == 0)
    stamp_record (self, kind, PYPREP_MERGE_INTERVIEW);
  else if (kind != NULL && id != NULL)
    stamp_record (self, kind, id);
}

/**
 * pyprep_store_sync_prepare:
 * @job: a save being prepared
 *
 * Gives @job what it needs to merge another process's save, and the
 * change records for the synced folder.
 */
void
pyprep_store_sync_prepare (PyprepStore        *self,
                           PyprepStoreSaveJob *job)
{
  GHashTableIter iter;
  gpointer key;
  g_autofree char *dir = NULL;

  job->identity = g_strdup (self->identity);
  job->generation = self->generation;
  if (self->sync == NULL || g_hash_table_size (self->outbox) == 0)
    return;

  job->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_hash_table_iter_init (&iter, self->outbox);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\t", 2);
      JsonObject *line = pyprep_merge_change_line (self->root, parts[0], parts[1]);

      if (line != NULL)
        g_ptr_array_add (job->changes, line);
    }
  g_hash_table_remove_all (self->outbox);
  dir = pyprep_sync_folder_dup_device_dir (self->sync);
  job->changes_path = g_build_filename (dir, PYPREP_SYNC_CHANGES, NULL);
}

typedef struct
{
  PyprepStore *self;
  GHashTable *cards;           /* the cards to replay */
} Merge;

static void
merged_cb (const char *kind,
           const char *id,
           gpointer    user_data)
{
  Merge *merge = user_data;

  if (g_str_equal (kind, "cards"))
    g_hash_table_add (merge->cards, g_strdup (id));
  /* The interview is told without an ID, as pyprep_store_set_interview() does. */
  pyprep_store_emit_changed (merge->self, what_of (kind),
                             g_str_equal (kind, PYPREP_MERGE_INTERVIEW) ? NULL : id);
}

static gboolean
same_memory (const PyprepCardMemory *a,
             const PyprepCardMemory *b)
{
  return a->state == b->state && a->step == b->step && a->reps == b->reps
         && a->lapses == b->lapses && a->due == b->due && a->last_review == b->last_review
         && G_APPROX_VALUE (a->stability, b->stability, 1e-9)
         && G_APPROX_VALUE (a->difficulty, b->difficulty, 1e-9);
}

/* Replays the merged review log of @cards and stores each state that
 * differs: a change of this device, stamped and saved. */
static void
recompute_cards (PyprepStore *self,
                 GHashTable  *cards)
{
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GHashTable) states = NULL;
  GHashTableIter iter;
  gpointer card;
  gpointer memory;

  if (g_hash_table_size (cards) == 0)
    return;
  answers = pyprep_review_log_read (self->folder);
  states = pyprep_merge_replay (&self->params, answers, cards);
  g_hash_table_iter_init (&iter, states);
  while (g_hash_table_iter_next (&iter, &card, &memory))
    {
      JsonObject *current = pyprep_store_get_card_state (self, card);
      PyprepCardMemory have;

      if (current != NULL && pyprep_card_memory_from_json (&have, current, 0)
          && same_memory (&have, memory))
        continue;
      json_object_set_member (self->cards, card,
                              pyprep_store_seal_object (pyprep_card_memory_to_json (memory, current)));
      pyprep_store_changed (self, "card", card);
    }
}

/* Merges @theirs, another process's save of the data file, into the store. */
static guint
absorb (PyprepStore *self,
        JsonObject  *theirs)
{
  g_autoptr(GHashTable) cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Merge merge = { self, cards };
  guint n;

  n = pyprep_merge_document (self->root, theirs, merged_cb, &merge);
  pyprep_merge_foreach_stamp (theirs, observe_cb, self->hlc);
  self->generation = MAX (self->generation,
                          json_object_get_int_member_with_default (theirs, PYPREP_MERGE_GENERATION, 0));
  recompute_cards (self, cards);
  return n;
}

/**
 * pyprep_store_sync_saved:
 * @job: a save that ended
 * @ok: whether it wrote the file
 *
 * After a save: what the file is now, and what another process saved,
 * merged into the store too.
 */
void
pyprep_store_sync_saved (PyprepStore        *self,
                         PyprepStoreSaveJob *job,
                         gboolean            ok)
{
  if (!ok)
    {
      /* The change records go again with the next try. */
      for (guint i = 0; job->changes != NULL && i < job->changes->len; i++)
        {
          JsonObject *line = g_ptr_array_index (job->changes, i);

          g_hash_table_add (self->outbox,
                            g_strconcat (json_object_get_string_member (line, "kind"), "\t",
                                         json_object_get_string_member (line, "id"), NULL));
        }
      return;
    }
  self->generation = MAX (self->generation, job->generation);
  g_free (self->identity);
  self->identity = g_steal_pointer (&job->new_identity);
  if (job->theirs != NULL)
    absorb (self, json_node_get_object (job->theirs));
}

static GHashTable *
ensure_known_reviews (PyprepStore *self)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  if (self->known_reviews != NULL)
    return self->known_reviews;
  dir = g_file_get_path (self->folder);
  path = g_build_filename (dir, PYPREP_REVIEW_LOG_FILE, NULL);
  lines = pyprep_review_log_read_lines (path, NULL);
  self->known_reviews = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < lines->len; i++)
    g_hash_table_add (self->known_reviews,
                      pyprep_review_log_line_identity (g_ptr_array_index (lines, i)));
  return self->known_reviews;
}

/**
 * pyprep_store_sync_append_review:
 * @line: a review log line just appended to the local log
 * @error: the return location for a #G_IO_ERROR
 *
 * Appends @line to this device's review log in the synced folder too.
 *
 * Returns: %TRUE on success, or when there is no synced folder
 */
gboolean
pyprep_store_sync_append_review (PyprepStore  *self,
                                 JsonObject   *line,
                                 GError      **error)
{
  g_autoptr(GPtrArray) lines = NULL;

  if (self->known_reviews != NULL)
    g_hash_table_add (self->known_reviews, pyprep_review_log_line_identity (line));
  if (self->sync == NULL)
    return TRUE;
  lines = g_ptr_array_new ();
  g_ptr_array_add (lines, line);
  return pyprep_sync_folder_append (self->sync, PYPREP_SYNC_FILE_REVIEWS, lines, error);
}

/* Public API ---------------------------------------------------------------- */

/**
 * pyprep_store_get_device_id:
 *
 * Returns: the ID of this device: the folder it writes in a synced folder
 *   and the end of its clock stamps
 */
const char *
pyprep_store_get_device_id (PyprepStore *self)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  return pyprep_hlc_get_device (self->hlc);
}

/**
 * pyprep_store_set_fsrs_params:
 * @params: the scheduler's settings
 *
 * The settings with which merges replay the review log to recompute card
 * states: the same as the quiz answers with.
 */
void
pyprep_store_set_fsrs_params (PyprepStore            *self,
                              const PyprepFsrsParams *params)
{
  g_return_if_fail (PYPREP_IS_STORE (self));
  g_return_if_fail (params != NULL);

  self->params = *params;
}

/* The data file, when another process saved it since this store last read
 * or wrote it. */
static guint
merge_data_file (PyprepStore *self)
{
  g_autofree char *target = pyprep_store_file_resolve (self->path, NULL);
  g_autofree char *identity = target != NULL ? pyprep_sync_file_identity (target) : NULL;
  g_autoptr(JsonNode) theirs = NULL;

  if (identity == NULL || g_strcmp0 (identity, self->identity) == 0)
    return 0;
  theirs = pyprep_store_file_read (target, NULL);
  if (theirs == NULL)
    return 0;
  g_free (self->identity);
  self->identity = g_steal_pointer (&identity);
  return absorb (self, json_node_get_object (theirs));
}

/* Every device's files of the synced folder. */
static guint
merge_sync_folder (PyprepStore *self)
{
  g_autoptr(GHashTable) cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Merge merge = { self, cards };
  guint n;

  n = pyprep_sync_folder_merge (self->sync, self->root, ensure_known_reviews (self), reviews,
                                merged_cb, &merge);
  if (reviews->len > 0)
    {
      dir = g_file_get_path (self->folder);
      path = g_build_filename (dir, PYPREP_REVIEW_LOG_FILE, NULL);
      if (!pyprep_review_log_append_lines (path, reviews, &error))
        g_message ("Cannot add other devices' answers to the review log: %s", error->message);
      for (guint i = 0; i < reviews->len; i++)
        {
          const char *card = json_object_get_string_member_with_default (g_ptr_array_index (reviews, i),
                                                                         "card", NULL);

          if (card != NULL)
            g_hash_table_add (cards, g_strdup (card));
        }
    }
  pyprep_merge_foreach_stamp (self->root, observe_cb, self->hlc);
  recompute_cards (self, cards);
  if (n > 0)
    {
      /* The local data file keeps the merged view. */
      self->dirty = TRUE;
      pyprep_store_schedule_save (self);
    }
  return n + reviews->len;
}

/**
 * pyprep_store_merge_now:
 *
 * Merges what another process saved to the data file, and every device's
 * files of the synced folder, into the store, emitting
 * #PyprepStore::changed for each record that changed and for each card
 * whose state the merged review log changed. Watching does it by itself
 * (pyprep_store_set_watched()).
 *
 * Returns: how many records and review log lines came in
 */
guint
pyprep_store_merge_now (PyprepStore *self)
{
  guint n;

  g_return_val_if_fail (PYPREP_IS_STORE (self), 0);

  if (self->read_only)
    return 0;
  n = merge_data_file (self);
  if (self->sync != NULL)
    n += merge_sync_folder (self);
  return n;
}

/* Appends every record of the store, and the answers of the local review
 * log this device's log in the folder lacks: the first time a device
 * writes to the folder, its data moves there. */
static gboolean
push_everything (PyprepStore  *self,
                 GError      **error)
{
  g_autofree char *device_dir = pyprep_sync_folder_dup_device_dir (self->sync);
  g_autofree char *changes = g_build_filename (device_dir, PYPREP_SYNC_CHANGES, NULL);
  g_autofree char *dir = g_file_get_path (self->folder);
  g_autofree char *local_reviews = g_build_filename (dir, PYPREP_REVIEW_LOG_FILE, NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) pushed = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!g_file_test (changes, G_FILE_TEST_EXISTS))
    {
      stamp_all (self, TRUE);
      g_hash_table_remove_all (self->outbox);
      lines = pyprep_merge_dup_change_lines (self->root);
      if (!pyprep_sync_folder_append (self->sync, PYPREP_SYNC_FILE_CHANGES, lines, error))
        return FALSE;
    }

  /* Archived answers were pushed too. */
  pushed = pyprep_sync_folder_dup_own_answers (self->sync);
  for (guint i = 0; i < pushed->len; i++)
    g_hash_table_add (have, pyprep_review_log_line_identity (g_ptr_array_index (pushed, i)));
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = pyprep_review_log_read_lines (local_reviews, NULL);
  missing = g_ptr_array_new ();
  for (guint i = 0; i < lines->len; i++)
    if (g_hash_table_add (have, pyprep_review_log_line_identity (g_ptr_array_index (lines, i))))
      g_ptr_array_add (missing, g_ptr_array_index (lines, i));
  return pyprep_sync_folder_append (self->sync, PYPREP_SYNC_FILE_REVIEWS, missing, error);
}

static gboolean
save_device_id (PyprepStore  *self,
                GError      **error)
{
  g_autofree char *path = device_id_path (self);
  g_autofree char *dir = g_file_get_path (self->folder);
  g_autofree char *text = g_strconcat (pyprep_hlc_get_device (self->hlc), "\n", NULL);

  if (self->device_saved)
    return TRUE;
  g_mkdir_with_parents (dir, 0700);
  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  self->device_saved = TRUE;
  return TRUE;
}

/**
 * pyprep_store_set_sync_folder:
 * @folder: (nullable): a folder that the user's sync tool carries to
 *   their other machines, or %NULL to stop using one
 * @error: the return location for a #G_IO_ERROR or #G_FILE_ERROR
 *
 * Keeps the study data in @folder too, as docs/sync.md describes: this
 * device's ID is saved in the data folder, its folder in @folder is
 * made, the other devices' data is merged in, and, the first time, all
 * of this device's data is written there. Old change records are then
 * compacted. Call it again at each start.
 *
 * Returns: %TRUE when @folder is in use
 */
gboolean
pyprep_store_set_sync_folder (PyprepStore  *self,
                              GFile        *folder,
                              GError      **error)
{
  g_autofree char *path = NULL;
  g_autofree char *device_dir = NULL;
  g_autoptr(GError) compact_error = NULL;
  gboolean watched;

  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), FALSE);

  watched = self->data_monitor != NULL;
  pyprep_store_watch_stop (self);
  g_clear_pointer (&self->sync, pyprep_sync_folder_free);
  if (folder == NULL)
    {
      if (watched)
        pyprep_store_watch_start (self);
      return TRUE;
    }

  if (!pyprep_store_check_writable (self, error) || !save_device_id (self, error))
    return FALSE;
  path = g_file_get_path (folder);
  self->sync = pyprep_sync_folder_new (path, pyprep_hlc_get_device (self->hlc));
  device_dir = pyprep_sync_folder_dup_device_dir (self->sync);
  if (g_mkdir_with_parents (device_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "cannot create %s: %s", device_dir, g_strerror (saved_errno));
      g_clear_pointer (&self->sync, pyprep_sync_folder_free);
      return FALSE;
    }

  pyprep_store_merge_now (self);
  if (!push_everything (self, error))
    {
      g_clear_pointer (&self->sync, pyprep_sync_folder_free);
      return FALSE;
    }
  if (!pyprep_store_compact (self, PYPREP_SYNC_COMPACT_DAYS, &compact_error))
    g_message ("Cannot compact the synced folder: %s", compact_error->message);
  if (watched)
    pyprep_store_watch_start (self);
  return TRUE;
}

/**
 * pyprep_store_dup_sync_folder:
 *
 * Returns: (transfer full) (nullable): the synced folder in use
 */
GFile *
pyprep_store_dup_sync_folder (PyprepStore *self)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);

  if (self->sync == NULL)
    return NULL;
  return g_file_new_for_path (pyprep_sync_folder_get_path (self->sync));
}

/**
 * pyprep_store_compact:
 * @days: how old a change record must be to fold into the snapshot, and
 *   a week of answers to move to an archive
 * @error: the return location for a #G_IO_ERROR or #G_FILE_ERROR
 *
 * Folds this device's change records older than @days into its snapshot
 * in the synced folder, and moves the answers of its review log there of
 * weeks that ended @days ago into archives (pyprep_sync_folder_compact()).
 *
 * Returns: %TRUE unless a file could not be written
 */
gboolean
pyprep_store_compact (PyprepStore  *self,
                      guint         days,
                      GError      **error)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);

  if (self->sync == NULL)
    return TRUE;
  return pyprep_sync_folder_compact (self->sync,
                                     pyprep_store_now (self) - (gint64) days * G_TIME_SPAN_DAY,
                                     error);
}
