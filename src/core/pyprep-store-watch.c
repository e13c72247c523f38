/* pyprep-store-watch.c: the store watches its data folder and the synced study folder, and merges what lands.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Another Pyprep process saving user-data.json, or another device's files
 * arriving in the synced folder (docs/sync.md), are merged a moment after
 * the last write of a burst (pyprep_store_merge_now(), in
 * pyprep-store-sync.c).
 */
#include "config.h"

#include "pyprep-store-private.h"

#include "pyprep-merge-folder.h"

/* Waits this long after a file changed, so a burst of writes is one merge. */
#define MERGE_DELAY_MS 300

/**
 * pyprep_store_watch_stop:
 *
 * Stops watching the data folder and the synced folder.
 */
void
pyprep_store_watch_stop (PyprepStore *self)
{
  if (self->data_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->data_monitor, self);
      g_file_monitor_cancel (self->data_monitor);
      g_clear_object (&self->data_monitor);
    }
  for (guint i = 0; self->sync_monitors != NULL && i < self->sync_monitors->len; i++)
    {
      GFileMonitor *monitor = g_ptr_array_index (self->sync_monitors, i);

      g_signal_handlers_disconnect_by_data (monitor, self);
      g_file_monitor_cancel (monitor);
    }
  g_clear_pointer (&self->sync_monitors, g_ptr_array_unref);
  g_clear_handle_id (&self->merge_source, g_source_remove);
}

static gboolean
merge_timeout_cb (gpointer user_data)
{
  PyprepStore *self = PYPREP_STORE (user_data);

  self->merge_source = 0;
  pyprep_store_merge_now (self);
  return G_SOURCE_REMOVE;
}

static void
folder_changed_cb (GFileMonitor      *monitor,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event_type,
                   gpointer           user_data)
{
  PyprepStore *self = PYPREP_STORE (user_data);
  g_autofree char *name = g_file_get_basename (file);

  if (monitor == self->data_monitor && !g_str_has_prefix (name, PYPREP_STORE_FILE))
    return;
  /* A new device's folder gets a watcher of its own. */
  if (event_type == G_FILE_MONITOR_EVENT_CREATED && monitor != self->data_monitor
      && g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      pyprep_store_watch_stop (self);
      pyprep_store_watch_start (self);
    }
  g_clear_handle_id (&self->merge_source, g_source_remove);
  self->merge_source = g_timeout_add (MERGE_DELAY_MS, merge_timeout_cb, self);
}

static void
watch (PyprepStore *self,
       GFile       *dir)
{
  GFileMonitor *monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);

  if (monitor == NULL)
    return;
  g_signal_connect (monitor, "changed", G_CALLBACK (folder_changed_cb), self);
  g_ptr_array_add (self->sync_monitors, monitor);
}

static void
watch_sync_folder (PyprepStore *self)
{
  g_autoptr(GFile) devices = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  devices = g_file_new_build_filename (pyprep_sync_folder_get_path (self->sync), PYPREP_SYNC_DEVICES, NULL);
  watch (self, devices);
  children = g_file_enumerate_children (devices, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                                        NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL)
         && info != NULL)
    if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
      watch (self, child);
}

/**
 * pyprep_store_watch_start:
 *
 * Watches the data folder for another process's saves, and every
 * device's folder of the synced folder in use.
 */
void
pyprep_store_watch_start (PyprepStore *self)
{
  self->data_monitor = g_file_monitor_directory (self->folder, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->data_monitor != NULL)
    g_signal_connect (self->data_monitor, "changed", G_CALLBACK (folder_changed_cb), self);
  self->sync_monitors = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->sync != NULL)
    watch_sync_folder (self);
}

/**
 * pyprep_store_set_watched:
 * @watched: whether to watch
 *
 * Watches the data file for another process's saves, and the synced
 * folder for other devices' changes, merging them a moment after they
 * land (pyprep_store_merge_now()).
 */
void
pyprep_store_set_watched (PyprepStore *self,
                          gboolean     watched)
{
  g_return_if_fail (PYPREP_IS_STORE (self));

  pyprep_store_watch_stop (self);
  if (watched)
    pyprep_store_watch_start (self);
}
