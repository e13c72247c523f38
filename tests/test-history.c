/* test-history.c: back and forward through the entries read.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-history.h"

typedef struct
{
  guint back_notes;
  guint forward_notes;
} Notes;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Notes      *notes)
{
  if (g_str_equal (pspec->name, "can-go-back"))
    notes->back_notes++;
  else
    notes->forward_notes++;
}

static gboolean
not_removed_cb (const char *entry_id,
                gpointer    user_data)
{
  return !g_str_equal (entry_id, user_data);
}

static void
test_history_steps (void)
{
  g_autoptr(PyprepHistory) history = pyprep_history_new ();
  Notes notes = { 0 };
  char *id = NULL;
  double scroll = -1;

  g_signal_connect (history, "notify", G_CALLBACK (notify_cb), &notes);
  g_assert_false (pyprep_history_get_can_go_back (history));
  g_assert_false (pyprep_history_go_back (history, "d/t/a", 0, NULL, NULL, &id, &scroll));
  g_assert_null (id);

  /* a (left at 40%) -> b (left at 75%) -> c */
  pyprep_history_visit (history, "d/t/a", 0.4);
  pyprep_history_visit (history, "d/t/b", 0.75);
  g_assert_true (pyprep_history_get_can_go_back (history));
  g_assert_false (pyprep_history_get_can_go_forward (history));
  g_assert_cmpuint (notes.back_notes, ==, 1);
  g_assert_cmpuint (notes.forward_notes, ==, 0);

  /* Back returns to where b was left, and remembers c's place. */
  g_assert_true (pyprep_history_go_back (history, "d/t/c", 0.2, NULL, NULL, &id, &scroll));
  g_assert_cmpstr (id, ==, "d/t/b");
  g_assert_cmpfloat_with_epsilon (scroll, 0.75, 1e-9);
  g_clear_pointer (&id, g_free);
  g_assert_true (pyprep_history_get_can_go_forward (history));
  g_assert_cmpuint (notes.forward_notes, ==, 1);

  g_assert_true (pyprep_history_go_back (history, "d/t/b", 0.5, NULL, NULL, &id, &scroll));
  g_assert_cmpstr (id, ==, "d/t/a");
  g_assert_cmpfloat_with_epsilon (scroll, 0.4, 1e-9);
  g_clear_pointer (&id, g_free);
  g_assert_false (pyprep_history_get_can_go_back (history));
  g_assert_cmpuint (notes.back_notes, ==, 2);

  /* Forward: b where it was left this time (50%), then c. */
  g_assert_true (pyprep_history_go_forward (history, "d/t/a", 0.1, NULL, NULL, &id, &scroll));
  g_assert_cmpstr (id, ==, "d/t/b");
  g_assert_cmpfloat_with_epsilon (scroll, 0.5, 1e-9);
  g_clear_pointer (&id, g_free);
  g_assert_true (pyprep_history_go_forward (history, "d/t/b", 0.5, NULL, NULL, &id, &scroll));
  g_assert_cmpstr (id, ==, "d/t/c");
  g_assert_cmpfloat_with_epsilon (scroll, 0.2, 1e-9);
  g_clear_pointer (&id, g_free);
  g_assert_false (pyprep_history_get_can_go_forward (history));

  /* A new visit after going back forgets what was ahead. */
  g_assert_true (pyprep_history_go_back (history, "d/t/c", 0, NULL, NULL, NULL, NULL));
  pyprep_history_visit (history, "d/t/b", 0);
  g_assert_false (pyprep_history_get_can_go_forward (history));
}

static void
test_history_skips_removed (void)
{
  g_autoptr(PyprepHistory) history = pyprep_history_new ();
  char *id = NULL;

  pyprep_history_visit (history, "d/t/a", 0);
  pyprep_history_visit (history, "gone/t/x", 0);
  pyprep_history_visit (history, "d/t/b", 2.5);

  /* b's scroll was clamped to the page. */
  {
    double scroll = -1;

    g_assert_true (pyprep_history_go_back (history, "d/t/c", 0, not_removed_cb, "gone/t/x", &id, &scroll));
    g_assert_cmpstr (id, ==, "d/t/b");
    g_assert_cmpfloat (scroll, ==, 1.0);
    g_clear_pointer (&id, g_free);
  }
  /* The removed entry is skipped on the way back, and dropped. */
  g_assert_true (pyprep_history_go_back (history, "d/t/b", 0, not_removed_cb, "gone/t/x", &id, NULL));
  g_assert_cmpstr (id, ==, "d/t/a");
  g_clear_pointer (&id, g_free);
  g_assert_false (pyprep_history_get_can_go_back (history));

  /* Nothing left to go back to: the current place is not pushed ahead. */
  g_assert_false (pyprep_history_go_back (history, "d/t/a", 0, NULL, NULL, &id, NULL));
  g_assert_null (id);
  g_assert_true (pyprep_history_go_forward (history, "d/t/a", 0, NULL, NULL, &id, NULL));
  g_assert_cmpstr (id, ==, "d/t/b");
  g_clear_pointer (&id, g_free);
  g_assert_true (pyprep_history_go_forward (history, "d/t/b", 0, NULL, NULL, &id, NULL));
  g_assert_cmpstr (id, ==, "d/t/c");
  g_free (id);
  g_assert_false (pyprep_history_get_can_go_forward (history));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/history/steps", test_history_steps);
  g_test_add_func ("/pyprep/history/skips-removed", test_history_skips_removed);

  return g_test_run ();
}
