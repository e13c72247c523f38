/* test-own-answers.c: the user's annotation answers a question the notes leave unanswered, as a recall card.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The notes are shape B of tests/decks/shapes (three questions without an
 * answer); the store and the clock come from review-harness.c. An
 * annotation quoting a passage can also be made a card of its own.
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

/* The queue's cards made of annotations, as "front|back" lines. */
static char *
annotation_cards (Notes *n)
{
  g_autoptr(GPtrArray) cards = pyprep_review_collect_cards (n->entries, n->base.store);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (cards, i);

      if (ref->annotation_id != NULL)
        g_string_append_printf (out, "%s|%s\n", pyprep_card_ref_get_card (ref)->prompt,
                                pyprep_card_ref_get_card (ref)->answer);
    }
  return g_string_free (out, FALSE);
}

/* An annotation quoting a passage becomes a card: the note (or a typed
 * question) on the front, the passage on the back, scheduled under an ID
 * of its own; deleted, it keeps its card or loses it; undone, it is back. */
static void
test_annotation_made_card (Notes         *n,
                           gconstpointer  data)
{
  Fixture *f = &n->base;
  const char *entry = pyprep_entry_get_id (n->args);
  g_autofree char *plain = pyprep_store_add_annotation (f->store, entry, "No quote here.", NULL, NULL, NULL);
  g_autofree char *id = NULL;
  g_autofree char *cards = NULL;
  g_autofree char *card_id = NULL;
  g_autofree char *expected_id = NULL;
  g_autoptr(PyprepAnnotation) annotation = NULL;
  g_autoptr(PyprepAnnotation) before = NULL;
  g_auto(GStrv) log = NULL;
  g_autoptr(GError) error = NULL;

  /* A card needs a passage for its back, and a front. */
  g_assert_false (pyprep_store_make_annotation_card (f->store, plain, NULL));
  g_assert_false (pyprep_store_make_annotation_card (f->store, "no-such-annotation", "Q?"));
  f->now += MINUTE;
  id = pyprep_store_add_annotation (f->store, entry, "", "the extra positional\narguments",
                                    "", ", as a tuple.");
  g_assert_false (pyprep_store_make_annotation_card (f->store, id, "   "));
  g_assert_true (pyprep_store_make_annotation_card (f->store, id, " What does *args hold? "));
  cards = annotation_cards (n);
  g_assert_cmpstr (cards, ==, "What does *args hold?|the extra positional arguments\n");
  annotation = pyprep_store_dup_annotation (f->store, id);
  g_assert_true (annotation->has_card);
  g_assert_cmpint (annotation->card_created, ==, f->now);
  card_id = pyprep_annotation_dup_card_id (annotation);
  expected_id = g_strconcat (entry, "#annotation-", id, NULL);
  g_assert_cmpstr (card_id, ==, expected_id);

  /* Scheduled like any card, under its own ID. */
  g_assert_true (pyprep_review_answer (f->store, &f->params, card_id, PYPREP_RATING_AGAIN, f->now, 2000, &error));
  g_assert_no_error (error);
  g_assert_nonnull (pyprep_store_get_card_state (f->store, card_id));

  /* Without a typed question, the note is the front. */
  pyprep_store_update_annotation (f->store, id, "The *extra* ones.");
  g_assert_true (pyprep_store_make_annotation_card (f->store, id, NULL));
  g_free (cards);
  cards = annotation_cards (n);
  g_assert_cmpstr (cards, ==, "The *extra* ones.|the extra positional arguments\n");

  /* Deleted keeping the card: no annotation any more, the card stays. */
  before = pyprep_store_remove_annotation_keep_card (f->store, id);
  g_assert_nonnull (before);
  g_assert_false (before->card_only);
  g_assert_cmpuint (pyprep_store_count_annotations (f->store, entry), ==, 1);
  g_free (cards);
  cards = annotation_cards (n);
  g_assert_cmpstr (cards, ==, "The *extra* ones.|the extra positional arguments\n");
  /* Undone: the annotation is back, a card as before. */
  pyprep_store_restore_annotation (f->store, before);
  g_assert_cmpuint (pyprep_store_count_annotations (f->store, entry), ==, 2);
  g_clear_pointer (&annotation, pyprep_annotation_free);
  annotation = pyprep_store_dup_annotation (f->store, id);
  g_assert_false (annotation->card_only);
  g_assert_true (annotation->has_card);

  /* Deleted with its card: gone from the queue; the log keeps the answer. */
  pyprep_annotation_free (pyprep_store_remove_annotation (f->store, id));
  g_free (cards);
  cards = annotation_cards (n);
  g_assert_cmpstr (cards, ==, "");
  log = read_log_lines (f);
  g_assert_cmpuint (g_strv_length (log), ==, 1);

  /* A card alone, removed, goes altogether. */
  pyprep_store_restore_annotation (f->store, before);
  pyprep_annotation_free (pyprep_store_remove_annotation_keep_card (f->store, id));
  g_clear_pointer (&before, pyprep_annotation_free);
  before = pyprep_store_remove_annotation_card (f->store, id);
  g_assert_true (before->card_only);
  g_assert_null (pyprep_store_dup_annotation (f->store, id));
}

/* Export and import carry the card, kept cards of deleted annotations too. */
static void
test_annotation_card_travels (Notes         *n,
                              gconstpointer  data)
{
  Fixture *f = &n->base;
  const char *entry = pyprep_entry_get_id (n->args);
  g_autofree char *kept = pyprep_store_add_annotation (f->store, entry, "Kept.", "positional", "extra ", "");
  g_autofree char *card = pyprep_store_add_annotation (f->store, entry, "Note.", "tuple", "a ", ".");
  g_autofree char *path = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *other_dir = g_build_filename (f->dir, "other", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other_folder = g_file_new_for_path (other_dir);
  g_autoptr(PyprepStore) other = NULL;
  g_autoptr(PyprepAnnotation) a = NULL;
  g_autoptr(PyprepAnnotation) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_text = NULL;

  g_assert_true (pyprep_store_make_annotation_card (f->store, kept, NULL));
  g_assert_true (pyprep_store_make_annotation_card (f->store, card, "What kind of sequence?"));
  pyprep_annotation_free (pyprep_store_remove_annotation_keep_card (f->store, kept));
  g_assert_true (pyprep_store_export (f->store, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data_text, NULL, NULL));
  g_assert_nonnull (strstr (data_text, "\"question\" : \"What kind of sequence?\""));
  g_assert_nonnull (strstr (data_text, "\"card_only\" : true"));

  g_assert_cmpint (g_mkdir_with_parents (other_dir, 0700), ==, 0);
  other = pyprep_store_new (other_folder);
  g_assert_true (pyprep_store_load (other, &error));
  g_assert_no_error (error);
  g_assert_true (pyprep_store_import (other, file, NULL, &error));
  g_assert_no_error (error);
  a = pyprep_store_dup_annotation (other, kept);
  b = pyprep_store_dup_annotation (other, card);
  g_assert_true (a->has_card && a->card_only);
  g_assert_cmpstr (pyprep_annotation_get_card_front (a), ==, "Kept.");
  g_assert_true (b->has_card && !b->card_only);
  g_assert_cmpstr (b->card_question, ==, "What kind of sequence?");
  g_assert_cmpint (b->card_created, ==, f->now);
  g_assert_cmpuint (pyprep_store_count_annotations (other, entry), ==, 1);
  g_assert_true (pyprep_store_flush (other, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  review_test_init (&argc, &argv);

  g_test_add ("/pyprep/own-answers/annotation-is-card", Notes, NULL, notes_set_up,
              test_annotation_is_card, notes_tear_down);
  g_test_add ("/pyprep/own-answers/annotation-made-card", Notes, NULL, notes_set_up,
              test_annotation_made_card, notes_tear_down);
  g_test_add ("/pyprep/own-answers/annotation-card-travels", Notes, NULL, notes_set_up,
              test_annotation_card_travels, notes_tear_down);

  return g_test_run ();
}
