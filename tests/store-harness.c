/* store-harness.c: a store in a fresh folder on a fixed clock, for the store's tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core-harness.h"
#include "store-harness.h"

/* The clock of the fixture @user_data. */
gint64
fixture_clock (gpointer user_data)
{
  return ((Fixture *) user_data)->now;
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pyprep-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, PYPREP_STORE_FILE, NULL);
  f->folder = g_file_new_for_path (f->dir);
  f->now = STORE_TEST_NOW;
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_clear_object (&f->folder);
}

/* A store on the folder, loaded, on the fixture's clock. */
PyprepStore *
open_store (Fixture *f)
{
  PyprepStore *store = pyprep_store_new (f->folder);
  g_autoptr(GError) error = NULL;

  pyprep_store_set_clock (store, fixture_clock, f);
  g_assert_true (pyprep_store_load (store, &error));
  g_assert_no_error (error);
  return store;
}

/* Writes @data as user-data.json. */
void
write_data (Fixture    *f,
            const char *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (f->path, data, length, &error);
  g_assert_no_error (error);
}

char *
read_data (const char *path)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

void
flush (PyprepStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pyprep_store_flush (store, &error));
  g_assert_no_error (error);
}
