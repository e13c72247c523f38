/* test-own-answers.c: the user's annotation answers a question the notes leave unanswered, as a recall card.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The notes are shape B of tests/decks/shapes (three questions without an
 * answer); the store and the clock come from review-harness.c.
 */
#include "config.h"

#include <string.h>

#include "review-harness.h"

typedef struct
{
  Fixture base;
  PyprepDeck *notes;
  GListModel *entries;
  PyprepEntry *generator;       /* "What is a generator?", unanswered */
  PyprepEntry *args;            /* "What does *args collect?", answered */
} Notes;

static PyprepEntry *
find_entry (GListModel *entries,
            const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, i);

      if (g_str_equal (pyprep_entry_get_title (entry), title))
        return entry;
    }
  g_assert_not_reached ();
}

static void
notes_set_up (Notes         *n,
              gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", "shapes", "b", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(PyprepLibrary) library = pyprep_library_new ();
  g_autoptr(GError) error = NULL;

  fixture_set_up (&n->base, data);
  n->notes = pyprep_deck_load (folder, NULL, NULL, &error);
  g_assert_no_error (error);
  pyprep_library_add_deck (library, n->notes);
  n->entries = pyprep_review_collect_entries (pyprep_library_get_decks (library));
  n->generator = find_entry (n->entries, "What is a generator?");
  n->args = find_entry (n->entries, "What does *args collect?");
  g_assert_true (pyprep_entry_is_unanswered (n->generator));
  g_assert_null (pyprep_entry_get_card (n->generator));
}

static void
notes_tear_down (Notes         *n,
                 gconstpointer  data)
{
  g_clear_object (&n->entries);
  g_clear_object (&n->notes);
  fixture_tear_down (&n->base, data);
}

/* The card of @entry in today's review queue, or NULL. */
static PyprepCardRef *
queued_card (Notes       *n,
             PyprepEntry *entry)
{
  g_autoptr(GPtrArray) queue = pyprep_review_build_queue (n->entries, n->base.store, &n->base.params,
                                                           NULL, n->base.now);

  for (guint i = 0; i < queue->len; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (queue, i);

      if (ref->entry == entry)
        return pyprep_card_ref_copy (ref);
    }
  return NULL;
}

static void
test_annotation_is_card (Notes         *n,
                         gconstpointer  data)
{
  Fixture *f = &n->base;
  const char *id = pyprep_entry_get_id (n->generator);
  g_autofree char *card_id = g_strconcat (id, "#card", NULL);
  g_autoptr(PyprepCardRef) none = queued_card (n, n->generator);
  g_autoptr(PyprepCardRef) ref = NULL;
  g_autoptr(PyprepCardRef) copy = NULL;
  g_autoptr(PyprepCardRef) args = NULL;
  g_autoptr(PyprepCardRef) gone = NULL;
  g_autoptr(GPtrArray) without_store = pyprep_review_collect_cards (n->entries, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *older = NULL;
  g_autofree char *newer = NULL;
  g_auto(GStrv) log = NULL;

  /* Unanswered and unannotated: no card. */
  g_assert_null (none);

  /* Annotated: a card keyed by the entry, the question on the front and
   * the newest annotation on the back. */
  older = pyprep_store_add_annotation (f->store, id, "A list.", NULL, NULL, NULL);
  f->now += MINUTE;
  newer = pyprep_store_add_annotation (f->store, id, "  A function that *yields* values lazily.\n", NULL, NULL, NULL);
  ref = queued_card (n, n->generator);
  g_assert_nonnull (ref);
  g_assert_cmpstr (ref->card_id, ==, card_id);
  g_assert_true (pyprep_card_ref_is_recall (ref));
  g_assert_cmpstr (pyprep_card_ref_get_card (ref)->id, ==, card_id);
  g_assert_cmpstr (pyprep_card_ref_get_card (ref)->prompt, ==, "What is a generator?");
  g_assert_cmpstr (pyprep_card_ref_get_card (ref)->answer, ==, "A function that *yields* values lazily.");
  copy = pyprep_card_ref_copy (ref);
  g_assert_cmpstr (pyprep_card_ref_get_card (copy)->answer, ==, "A function that *yields* values lazily.");
  /* An entry the notes answer keeps its own card. */
  g_free (pyprep_store_add_annotation (f->store, pyprep_entry_get_id (n->args), "Mine.", NULL, NULL, NULL));
  args = queued_card (n, n->args);
  g_assert_null (args->card);
  g_assert_true (pyprep_card_ref_get_card (args) == pyprep_entry_get_card (n->args));
  /* Without the store's annotations there is none. */
  for (guint i = 0; i < without_store->len; i++)
    g_assert_false (((PyprepCardRef *) g_ptr_array_index (without_store, i))->entry == n->generator);

  /* It is scheduled like any card: answered, it leaves today's queue. */
  g_assert_true (pyprep_review_answer (f->store, &f->params, card_id, PYPREP_RATING_EASY, f->now, 3000, &error));
  g_assert_no_error (error);
  g_assert_nonnull (pyprep_store_get_card_state (f->store, card_id));
  g_clear_pointer (&ref, pyprep_card_ref_free);
  ref = queued_card (n, n->generator);
  g_assert_null (ref);
  f->now += 30 * DAY;
  ref = queued_card (n, n->generator);
  g_assert_nonnull (ref);
  g_assert_cmpstr (pyprep_card_ref_get_card (ref)->answer, ==, "A function that *yields* values lazily.");

  /* The newest annotation gone, the older one answers; both gone, no
   * card, and the log keeps its answer. */
  pyprep_annotation_free (pyprep_store_remove_annotation (f->store, newer));
  g_clear_pointer (&ref, pyprep_card_ref_free);
  ref = queued_card (n, n->generator);
  g_assert_cmpstr (pyprep_card_ref_get_card (ref)->answer, ==, "A list.");
  pyprep_annotation_free (pyprep_store_remove_annotation (f->store, older));
  gone = queued_card (n, n->generator);
  g_assert_null (gone);
  log = read_log_lines (f);
  g_assert_cmpuint (g_strv_length (log), ==, 1);
  g_assert_nonnull (strstr (log[0], card_id));
}

int
main (int   argc,
      char *argv[])
{
  review_test_init (&argc, &argv);

  g_test_add ("/pyprep/own-answers/annotation-is-card", Notes, NULL, notes_set_up,
              test_annotation_is_card, notes_tear_down);

  return g_test_run ();
}
