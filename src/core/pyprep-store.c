/* pyprep-store.c: the user's data: bookmarks, annotations, reading state and card states.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One JSON document, user-data.json (docs/user-data.md describes it), kept
 * in memory as json-glib nodes (pyprep-store-document.c). A change
 * replaces a record and schedules a save; the save takes a snapshot on the
 * main thread and a worker thread writes it (pyprep-store-file.c).
 *
 * This file holds the object, loading, save scheduling, bookmarks, reading
 * state and card states. pyprep-store-private.h lists the other files of
 * the store.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pyprep-store.h"
#include "pyprep-store-private.h"
#include "pyprep-time.h"
#include "pyprep-trace.h"

G_DEFINE_FINAL_TYPE (PyprepStore, pyprep_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (pyprep-store-error-quark, pyprep_store_error)

enum {
  CHANGED,
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
real_clock (gpointer user_data)
{
  return g_get_real_time ();
}

/* Changes ----------------------------------------------------------------- */

/**
 * pyprep_store_changed:
 * @what: the kind of change, the detail of #PyprepStore::changed
 * @id: (nullable): the entry, annotation or card that changed
 *
 * Marks the store dirty, schedules a save and tells the listeners.
 */
void
pyprep_store_changed (PyprepStore *self,
                      const char  *what,
                      const char  *id)
{
  self->dirty = TRUE;
  pyprep_store_stamp (self, what, id);
  pyprep_store_count_change (self, what);
  pyprep_store_schedule_save (self);
  /* The endings test waits for this mark to stop the app inside the save
   * delay, so it is written out at once rather than when the loop is idle. */
  pyprep_trace_mark ("store-changed", what);
  pyprep_trace_flush ();
  pyprep_store_index_note (self, what, id);
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (what), what, id);
}

/**
 * pyprep_store_emit_changed:
 * @what: the kind of change, the detail of #PyprepStore::changed
 * @id: (nullable): the entry, annotation or card that changed
 *
 * Tells the listeners of a change merged from another process or device:
 * no save is needed for it.
 */
void
pyprep_store_emit_changed (PyprepStore *self,
                           const char  *what,
                           const char  *id)
{
  pyprep_store_index_note (self, what, id);
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (what), what, id);
}

/**
 * pyprep_store_emit_saved:
 * @error: (nullable): why the save failed
 *
 * Emits #PyprepStore::saved.
 */
void
pyprep_store_emit_saved (PyprepStore  *self,
                         const GError *error)
{
  g_signal_emit (self, signals[SAVED], 0, error);
}

/**
 * pyprep_store_check_writable:
 * @error: the return location for a %PYPREP_STORE_ERROR_READ_ONLY error
 *
 * Returns: %TRUE unless the store is read-only (a newer or unreadable file)
 */
gboolean
pyprep_store_check_writable (PyprepStore  *self,
                             GError      **error)
{
  if (!self->read_only)
    return TRUE;
  g_set_error_literal (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_READ_ONLY,
                       _("Changes cannot be saved: the data file is read-only for this version"));
  return FALSE;
}

/* GObject ----------------------------------------------------------------- */

static void
pyprep_store_dispose (GObject *object)
{
  PyprepStore *self = PYPREP_STORE (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (pyprep_store_parent_class)->dispose (object);
}

static void
pyprep_store_finalize (GObject *object)
{
  PyprepStore *self = PYPREP_STORE (object);

  pyprep_store_sync_clear (self);
  g_clear_pointer (&self->annotation_index, pyprep_annotation_index_free);
  g_clear_pointer (&self->root, json_object_unref);
  g_free (self->path);
  g_free (self->recovery_message);
  g_free (self->set_aside_path);
  g_free (self->offered_backup);
  g_clear_error (&self->save_error);
  g_clear_pointer (&self->pending_reviews, g_ptr_array_unref);
  g_free (self->last_backup_day);

  G_OBJECT_CLASS (pyprep_store_parent_class)->finalize (object);
}

static void
pyprep_store_class_init (PyprepStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pyprep_store_dispose;
  object_class->finalize = pyprep_store_finalize;

  /**
   * PyprepStore::changed:
   * @what: "bookmark", "annotation", "reading" or "card"
   * @id: (nullable): the entry, annotation or card that changed
   *
   * Emitted after every change, with the kind as detail.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * PyprepStore::saved:
   * @error: (nullable): why the save failed
   *
   * Emitted when a background save finishes.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
pyprep_store_init (PyprepStore *self)
{
  self->clock = real_clock;
  self->cancellable = g_cancellable_new ();
  self->pending_reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  pyprep_store_document_reset (self);
  pyprep_store_sync_init (self);
}

/**
 * pyprep_store_new:
 * @folder: the folder of the data, usually `$XDG_DATA_HOME/pyprep`
 *
 * Returns: (transfer full): an empty store; call pyprep_store_load()
 */
PyprepStore *
pyprep_store_new (GFile *folder)
{
  PyprepStore *self;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (PYPREP_TYPE_STORE, NULL);
  self->folder = g_object_ref (folder);
  dir = g_file_get_path (folder);
  self->path = g_build_filename (dir, PYPREP_STORE_FILE, NULL);

  return self;
}

/**
 * pyprep_store_get_folder:
 *
 * Returns: (transfer none): the folder of the data files
 */
GFile *
pyprep_store_get_folder (PyprepStore *self)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  return self->folder;
}

/**
 * pyprep_store_get_recovery_message:
 *
 * Returns: (nullable): what the user should be told about the last load:
 *   a damaged file set aside and a backup loaded, or a read-only file
 */
const char *
pyprep_store_get_recovery_message (PyprepStore *self)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  return self->recovery_message;
}

/**
 * pyprep_store_get_set_aside_path:
 *
 * Returns: (nullable): where a damaged data file was moved at the last load
 */
const char *
pyprep_store_get_set_aside_path (PyprepStore *self)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  return self->set_aside_path;
}

/**
 * pyprep_store_get_read_only:
 *
 * Returns: whether changes are kept in memory only (a newer or unreadable file)
 */
gboolean
pyprep_store_get_read_only (PyprepStore *self)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);
  return self->read_only;
}

/**
 * pyprep_store_set_clock:
 * @clock: (nullable): the clock, or %NULL for the real one
 *
 * Replaces the clock, so tests run at fixed times.
 */
void
pyprep_store_set_clock (PyprepStore     *self,
                        PyprepClockFunc  clock,
                        gpointer         user_data)
{
  g_return_if_fail (PYPREP_IS_STORE (self));

  self->clock = clock != NULL ? clock : real_clock;
  self->clock_data = user_data;
}

/**
 * pyprep_store_now:
 *
 * Returns: the time by the store's clock (see pyprep_store_set_clock()),
 *   in microseconds since the epoch
 */
gint64
pyprep_store_now (PyprepStore *self)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), 0);
  return self->clock (self->clock_data);
}

/* Bookmarks --------------------------------------------------------------- */

/**
 * pyprep_store_get_bookmarked:
 * @entry_id: an entry
 *
 * Returns: whether @entry_id is bookmarked
 */
gboolean
pyprep_store_get_bookmarked (PyprepStore *self,
                             const char  *entry_id)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry_id != NULL, FALSE);

  return json_object_has_member (self->bookmarks, entry_id);
}

/**
 * pyprep_store_set_bookmarked:
 * @entry_id: an entry
 * @bookmarked: whether it is to be bookmarked
 *
 * Bookmarks @entry_id (now) or removes its bookmark. Nothing changes, and
 * #PyprepStore::changed is not emitted, when it already is as asked.
 */
void
pyprep_store_set_bookmarked (PyprepStore *self,
                             const char  *entry_id,
                             gboolean     bookmarked)
{
  g_return_if_fail (PYPREP_IS_STORE (self));
  g_return_if_fail (entry_id != NULL);

  if (bookmarked == pyprep_store_get_bookmarked (self, entry_id))
    return;

  if (bookmarked)
    {
      JsonObject *record = json_object_new ();

      pyprep_time_set_member (record, "created", pyprep_store_now (self));
      json_object_set_member (self->bookmarks, entry_id, pyprep_store_seal_object (record));
    }
  else
    json_object_remove_member (self->bookmarks, entry_id);

  pyprep_store_changed (self, "bookmark", entry_id);
}

/**
 * pyprep_store_get_bookmark_time:
 *
 * Returns: when @entry_id was bookmarked (microseconds since the epoch), or
 *   0 when it is not
 */
gint64
pyprep_store_get_bookmark_time (PyprepStore *self,
                                const char  *entry_id)
{
  JsonNode *node;
  gint64 created = 0;

  g_return_val_if_fail (PYPREP_IS_STORE (self), 0);
  g_return_val_if_fail (entry_id != NULL, 0);

  node = json_object_get_member (self->bookmarks, entry_id);
  if (node != NULL)
    pyprep_time_get_member (json_node_get_object (node), "created", &created);
  return created;
}

typedef struct
{
  const char *id;
  gint64 time;
} Dated;

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const Dated *x = a;
  const Dated *y = b;

  if (x->time != y->time)
    return x->time > y->time ? -1 : 1;
  return g_strcmp0 (x->id, y->id);
}

/**
 * pyprep_store_dup_bookmarks:
 *
 * Returns: (transfer full): the bookmarked entry IDs, newest first
 */
GStrv
pyprep_store_dup_bookmarks (PyprepStore *self)
{
  g_autoptr(GArray) dated = g_array_new (FALSE, FALSE, sizeof (Dated));
  GStrvBuilder *builder = g_strv_builder_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;
  GStrv result;

  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);

  json_object_iter_init (&iter, self->bookmarks);
  while (json_object_iter_next (&iter, &key, &member))
    {
      Dated d = { key, 0 };

      pyprep_time_get_member (json_node_get_object (member), "created", &d.time);

      g_array_append_val (dated, d);
    }
  g_array_sort (dated, newest_first);
  for (guint i = 0; i < dated->len; i++)
    g_strv_builder_add (builder, g_array_index (dated, Dated, i).id);

  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

/* Reading state ----------------------------------------------------------- */

static void
update_reading_entry (PyprepStore *self,
                      const char  *entry_id,
                      gboolean     read,
                      gboolean     set_scroll,
                      double       scroll)
{
  JsonNode *old = json_object_get_member (self->reading_entries, entry_id);
  JsonObject *record = pyprep_store_record_from (old);

  if (read)
    pyprep_time_set_member (record, "read", pyprep_store_now (self));
  if (set_scroll)
    json_object_set_double_member (record, "scroll", CLAMP (scroll, 0.0, 1.0));
  json_object_set_member (self->reading_entries, entry_id, pyprep_store_seal_object (record));
}

/**
 * pyprep_store_set_last_entry:
 * @entry_id: the entry on screen
 * @scroll: how far down it is scrolled, from 0 (top) to 1 (bottom)
 */
void
pyprep_store_set_last_entry (PyprepStore *self,
                             const char  *entry_id,
                             double       scroll)
{
  g_return_if_fail (PYPREP_IS_STORE (self));
  g_return_if_fail (entry_id != NULL);

  if (g_strcmp0 (pyprep_store_get_last_entry (self), entry_id) == 0
      && G_APPROX_VALUE (pyprep_store_get_scroll (self, entry_id), scroll, 0.001))
    return;

  json_object_set_string_member (self->reading, "last_entry", entry_id);
  update_reading_entry (self, entry_id, FALSE, TRUE, scroll);
  pyprep_store_changed (self, "reading", entry_id);
}

/**
 * pyprep_store_get_last_entry:
 *
 * Returns: (nullable): the entry read last
 */
const char *
pyprep_store_get_last_entry (PyprepStore *self)
{
  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  return json_object_get_string_member_with_default (self->reading, "last_entry", NULL);
}

/**
 * pyprep_store_get_scroll:
 * @entry_id: an entry
 *
 * Returns: how far down @entry_id was last scrolled, from 0 (top, also
 *   for an entry never read) to 1 (bottom)
 */
double
pyprep_store_get_scroll (PyprepStore *self,
                         const char  *entry_id)
{
  JsonNode *node;

  g_return_val_if_fail (PYPREP_IS_STORE (self), 0.0);
  g_return_val_if_fail (entry_id != NULL, 0.0);

  node = json_object_get_member (self->reading_entries, entry_id);
  if (node == NULL)
    return 0.0;
  return json_object_get_double_member_with_default (json_node_get_object (node), "scroll", 0.0);
}

/**
 * pyprep_store_mark_read:
 * @entry_id: an entry
 *
 * Marks @entry_id read, now. An entry read before keeps its first time.
 */
void
pyprep_store_mark_read (PyprepStore *self,
                        const char  *entry_id)
{
  g_return_if_fail (PYPREP_IS_STORE (self));
  g_return_if_fail (entry_id != NULL);

  if (pyprep_store_get_read (self, entry_id))
    return;

  update_reading_entry (self, entry_id, TRUE, FALSE, 0.0);
  pyprep_store_changed (self, "reading", entry_id);
}

/**
 * pyprep_store_get_read:
 * @entry_id: an entry
 *
 * Returns: whether @entry_id was ever marked read
 */
gboolean
pyprep_store_get_read (PyprepStore *self,
                       const char  *entry_id)
{
  JsonNode *node;

  g_return_val_if_fail (PYPREP_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry_id != NULL, FALSE);

  node = json_object_get_member (self->reading_entries, entry_id);
  return node != NULL && json_object_has_member (json_node_get_object (node), "read");
}

/* Card states ------------------------------------------------------------- */

/**
 * pyprep_store_get_card_state:
 *
 * Returns: (transfer none) (nullable): the scheduler's state of @card_id,
 *   immutable; replace it with pyprep_store_set_card_state()
 */
JsonObject *
pyprep_store_get_card_state (PyprepStore *self,
                             const char  *card_id)
{
  JsonNode *node;

  g_return_val_if_fail (PYPREP_IS_STORE (self), NULL);
  g_return_val_if_fail (card_id != NULL, NULL);

  node = json_object_get_member (self->cards, card_id);
  return node != NULL ? json_node_get_object (node) : NULL;
}

/**
 * pyprep_store_set_card_state:
 * @state: (nullable) (transfer none): the new state, or %NULL to forget it
 */
void
pyprep_store_set_card_state (PyprepStore *self,
                             const char  *card_id,
                             JsonObject  *state)
{
  g_return_if_fail (PYPREP_IS_STORE (self));
  g_return_if_fail (card_id != NULL);

  if (state == NULL)
    json_object_remove_member (self->cards, card_id);
  else
    json_object_set_member (self->cards, card_id, pyprep_store_seal_object (json_object_ref (state)));
  pyprep_store_changed (self, "card", card_id);
}
