/* test-chunked-model.c: the sidebar's chunked fill gives the same rows, in the same order and sections.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-chunked-model.h"
#include "ui-harness.h"

/* What a list view would hold, kept only from the model's signals. */
typedef struct
{
  PyprepChunkedModel *model;
  GPtrArray *rows;
  guint emissions;
  guint largest_added;
} Mirror;

static void
mirror_changed_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   Mirror     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->rows->len);
  g_ptr_array_remove_range (mirror->rows, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror->rows, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (mirror->rows->len, ==, g_list_model_get_n_items (model));
  mirror->emissions++;
  mirror->largest_added = MAX (mirror->largest_added, added);
}

static gboolean
filled (gpointer data)
{
  return pyprep_chunked_model_get_pending (data) == 0;
}

static gboolean
partly_filled (gpointer data)
{
  return pyprep_chunked_model_get_pending (data) < 30000;
}

/* A section of @n strings, named by @name and their place. */
static GListModel *
make_section (const char *name,
              guint       n)
{
  GListStore *store = g_list_store_new (GTK_TYPE_STRING_OBJECT);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s-%u", name, i);
      g_autoptr(GtkStringObject) item = gtk_string_object_new (text);

      g_list_store_append (store, item);
    }
  return G_LIST_MODEL (store);
}

static void
append_section (GListStore *sections,
                const char *name,
                guint       n)
{
  g_autoptr(GListModel) section = make_section (name, n);

  g_list_store_append (sections, section);
}

/* Once filled, the chunked model and the mirror of its signals hold the
 * very items of @source, in its order, with its sections. */
static void
assert_same (Mirror     *mirror,
             GListModel *source)
{
  GListModel *chunked = G_LIST_MODEL (mirror->model);
  guint n = g_list_model_get_n_items (source);

  g_assert_cmpuint (g_list_model_get_n_items (chunked), ==, n);
  g_assert_cmpuint (mirror->rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) expected = g_list_model_get_item (source, i);
      g_autoptr(GObject) got = g_list_model_get_item (chunked, i);
      guint start, end, source_start, source_end;

      g_assert_true (got == expected);
      g_assert_true (g_ptr_array_index (mirror->rows, i) == expected);
      gtk_section_model_get_section (GTK_SECTION_MODEL (chunked), i, &start, &end);
      gtk_section_model_get_section (GTK_SECTION_MODEL (source), i, &source_start, &source_end);
      g_assert_cmpuint (start, ==, source_start);
      g_assert_cmpuint (end, ==, source_end);
    }
  g_assert_null (g_list_model_get_item (chunked, n));
}

static void
mirror_init (Mirror     *mirror,
             GListModel *source)
{
  mirror->model = pyprep_chunked_model_new (g_object_ref (source));
  mirror->rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (mirror->model)); i++)
    g_ptr_array_add (mirror->rows, g_list_model_get_item (G_LIST_MODEL (mirror->model), i));
  g_signal_connect (mirror->model, "items-changed", G_CALLBACK (mirror_changed_cb), mirror);
}

static void
mirror_clear (Mirror *mirror)
{
  g_clear_object (&mirror->model);
  g_clear_pointer (&mirror->rows, g_ptr_array_unref);
}

static void
test_chunked_fill (void)
{
  g_autoptr(GListStore) sections = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListModel) source = NULL;
  Mirror mirror = { NULL };

  source = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (sections))));
  append_section (sections, "bundled", 3);
  mirror_init (&mirror, source);
  assert_same (&mirror, source);

  /* A big folder joins: it is taken on in several steps, none all of it. */
  append_section (sections, "a", 5000);
  append_section (sections, "b", 1);
  append_section (sections, "c", 7000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mirror.model)), <, 12004);
  g_assert_cmpuint (pyprep_chunked_model_get_pending (mirror.model), >, 0);
  wait_until (filled, mirror.model, "the chunked model to fill");
  g_assert_cmpuint (mirror.emissions, >, 1);
  g_assert_cmpuint (mirror.largest_added, <, 12001);
  assert_same (&mirror, source);

  mirror_clear (&mirror);
}

/* Changes to the list while it fills, inside what is shown and beyond. */
static void
test_chunked_changes (void)
{
  g_autoptr(GListStore) sections = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListModel) source = NULL;
  g_autoptr(GListModel) replacement = make_section ("again", 40);
  Mirror mirror = { NULL };

  source = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (sections))));
  mirror_init (&mirror, source);
  append_section (sections, "first", 10);
  append_section (sections, "big", 9000);
  append_section (sections, "last", 3000);
  g_assert_cmpuint (pyprep_chunked_model_get_pending (mirror.model), >, 0);

  /* Inside the prefix: a section replaced, as a deck reloaded in another
   * language is; then one removed beyond it, and one added at the end. */
  g_list_store_splice (sections, 0, 1, (gpointer *) &replacement, 1);
  g_list_store_remove (sections, 2);
  append_section (sections, "end", 500);
  wait_until (filled, mirror.model, "the chunked model to fill");
  assert_same (&mirror, source);

  /* A removal across the end of what is shown, while filling again: a
   * section longer than any chunk is shown in part when it goes. */
  append_section (sections, "more", 30000);
  wait_until (partly_filled, mirror.model, "a first chunk");
  g_assert_cmpuint (pyprep_chunked_model_get_pending (mirror.model), >, 0);
  g_list_store_remove (sections, 3);
  g_list_store_remove (sections, 1);
  wait_until (filled, mirror.model, "the chunked model to fill");
  assert_same (&mirror, source);
  g_assert_cmpuint (g_list_model_get_n_items (source), ==, 40 + 500);

  mirror_clear (&mirror);
}

int
main (int   argc,
      char *argv[])
{
  if (!ui_test_init (&argc, &argv, NULL))
    return g_test_run ();

  g_test_add_func ("/pyprep/ui/chunked-model/fill", test_chunked_fill);
  g_test_add_func ("/pyprep/ui/chunked-model/changes", test_chunked_changes);

  return g_test_run ();
}
