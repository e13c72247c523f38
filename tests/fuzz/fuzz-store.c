/* fuzz-store.c: fuzz target for loading the user data file, with its backup.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An input is user-data.json, optionally followed by a
 * PYPREP_FUZZ_SEPARATOR line and the newest daily backup. Whatever loads
 * is read back through the public API and saved to text, and that text
 * must load again to the same data: what the store writes, it can read.
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "fuzz-common.h"
#include "pyprep-store.h"

static const char *files[] = { PYPREP_STORE_FILE, PYPREP_STORE_BACKUPS "/user-data-2020-01-01.json" };

static gint64
fixed_clock (gpointer user_data)
{
  /* 2020-01-02, so runs do not depend on the day. */
  return G_GINT64_CONSTANT (1577923200000000);
}

static void
read_everything (PyprepStore *store)
{
  g_auto(GStrv) bookmarks = pyprep_store_dup_bookmarks (store);
  g_autoptr(GPtrArray) annotations = pyprep_store_dup_annotations (store, NULL);

  for (guint i = 0; bookmarks[i] != NULL; i++)
    {
      g_assert_true (pyprep_store_get_bookmarked (store, bookmarks[i]));
      (void) pyprep_store_get_bookmark_time (store, bookmarks[i]);
      (void) pyprep_store_get_read (store, bookmarks[i]);
      (void) pyprep_store_get_scroll (store, bookmarks[i]);
      (void) pyprep_store_get_card_state (store, bookmarks[i]);
    }
  for (guint i = 0; i < annotations->len; i++)
    {
      PyprepAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autoptr(PyprepAnnotation) copy = pyprep_store_dup_annotation (store, annotation->id);

      g_assert_nonnull (copy);
      g_assert_cmpstr (copy->text, ==, annotation->text);
      (void) pyprep_store_count_annotations (store, annotation->entry_id);
    }
  if (pyprep_store_get_last_entry (store) != NULL)
    (void) pyprep_store_get_scroll (store, pyprep_store_get_last_entry (store));
}

static PyprepStore *
load_store (GFile *folder)
{
  PyprepStore *store = pyprep_store_new (folder);
  g_autoptr(GError) error = NULL;

  pyprep_store_set_clock (store, fixed_clock, NULL);
  if (!pyprep_store_load (store, &error))
    g_assert_true (error != NULL && error->domain == PYPREP_STORE_ERROR);
  return store;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) parts = pyprep_fuzz_split (data, size, G_N_ELEMENTS (files));
  g_autoptr(GFile) folder = g_file_new_for_path (pyprep_fuzz_scratch ());
  g_autoptr(PyprepStore) store = NULL;
  g_autoptr(PyprepStore) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length = 0;

  pyprep_fuzz_clear ();
  for (guint i = 0; i < parts->len; i++)
    pyprep_fuzz_write (files[i], g_ptr_array_index (parts, i));

  store = load_store (folder);
  read_everything (store);
  text = pyprep_store_to_data (store, &length);
  g_assert_nonnull (text);
  g_assert_cmpuint (strlen (text), ==, length);

  /* What was saved loads again, unchanged and without complaint. */
  pyprep_fuzz_clear ();
  saved = g_bytes_new (text, length);
  pyprep_fuzz_write (PYPREP_STORE_FILE, saved);
  again = load_store (folder);
  if (!pyprep_store_get_read_only (store))
    g_assert_null (pyprep_store_get_recovery_message (again));
  read_everything (again);
  text_again = pyprep_store_to_data (again, NULL);
  /* The same data; members may come in another order. */
  {
    g_autoptr(JsonNode) before = json_from_string (text, NULL);
    g_autoptr(JsonNode) after = json_from_string (text_again, NULL);

    g_assert_true (before != NULL && after != NULL && json_node_equal (before, after));
  }

  pyprep_fuzz_clear ();
  return 0;
}
