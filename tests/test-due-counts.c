/* test-due-counts.c: cards due now, in all, per deck and per topic, on a fixed clock.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-due-counts.h"
#include "review-harness.h"

typedef struct
{
  guint changed;
  guint notified;
} Events;

static void
changed_cb (PyprepDueCounts *counts,
            Events          *events)
{
  events->changed++;
}

static void
notify_total_cb (PyprepDueCounts *counts,
                 GParamSpec      *pspec,
                 Events          *events)
{
  events->notified++;
}

/* A second deck, "other", with one topic "c" of one entry. */
static PyprepDeck *
add_other_deck (Fixture *f)
{
  g_autofree char *dir = g_build_filename (f->dir, "other", NULL);
  PyprepDeck *deck;

  write_file (dir, "deck.json",
              "{ \"format\": 1, \"id\": \"other\", \"title\": \"Other\",\n"
              "  \"languages\": [\"en\"], \"topics\": [ { \"id\": \"c\" } ] }\n");
  write_file (dir, "en/c.md", "# C\n\n## C one {#c1}\n\nText.\n\n```card\nQ c1\n---\nA c1\n```\n");
  deck = load_deck (dir);
  pyprep_library_add_deck (f->library, deck);
  return deck;
}

static PyprepTopic *
topic_of (PyprepDeck *deck,
          guint       index)
{
  g_autoptr(PyprepTopic) topic = g_list_model_get_item (pyprep_deck_get_topics (deck), index);

  return topic;
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PyprepDeck) other = add_other_deck (f);
  g_autoptr(PyprepDueCounts) counts = pyprep_due_counts_new (f->library, f->store);
  PyprepTopic *a = topic_of (f->deck, 0);
  PyprepTopic *b = topic_of (f->deck, 1);
  PyprepTopic *c = topic_of (other, 0);

  /* Nothing counted before the first update. */
  set_review_card (f, "sample/a/a1#card", 5, 15, f->now - 10 * DAY);
  g_assert_cmpuint (pyprep_due_counts_get_total (counts), ==, 0);
  g_assert_cmpuint (pyprep_due_counts_get_for_topic (counts, a), ==, 0);

  /* Due: a1 (overdue), a2 (due this very moment), b1 and c1. Not due:
   * a3 (tomorrow), a learning card in ten minutes (b2), new cards. */
  set_review_card (f, "sample/a/a2#card", 2, 4, f->now);
  set_review_card (f, "sample/a/a3#card", 20, 1, f->now + DAY);
  set_review_card (f, "sample/b/b1#card", 20, 21, f->now - DAY);
  set_review_card (f, "other/c/c1#card", 3, 3, f->now - HOUR);
  {
    g_autoptr(JsonObject) object = NULL;
    PyprepCardMemory memory;

    pyprep_card_memory_init (&memory, f->now);
    memory.state = PYPREP_CARD_STATE_LEARNING;
    memory.step = 0;
    memory.stability = 1;
    memory.difficulty = 5;
    memory.last_review = f->now;
    memory.due = f->now + 10 * MINUTE;
    object = pyprep_card_memory_to_json (&memory, NULL);
    pyprep_store_set_card_state (f->store, "sample/b/b2#card", object);
  }

  pyprep_due_counts_update (counts);
  g_assert_cmpuint (pyprep_due_counts_get_total (counts), ==, 4);
  g_assert_cmpuint (pyprep_due_counts_get_for_deck (counts, f->deck), ==, 3);
  g_assert_cmpuint (pyprep_due_counts_get_for_deck (counts, other), ==, 1);
  g_assert_cmpuint (pyprep_due_counts_get_for_topic (counts, a), ==, 2);
  g_assert_cmpuint (pyprep_due_counts_get_for_topic (counts, b), ==, 1);
  g_assert_cmpuint (pyprep_due_counts_get_for_topic (counts, c), ==, 1);

  /* Ten minutes on, the learning card is due too. */
  f->now += 10 * MINUTE;
  pyprep_due_counts_update (counts);
  g_assert_cmpuint (pyprep_due_counts_get_total (counts), ==, 5);
  g_assert_cmpuint (pyprep_due_counts_get_for_topic (counts, b), ==, 2);

  /* A closed deck is counted no more. */
  pyprep_library_remove_deck (f->library, other);
  pyprep_due_counts_update (counts);
  g_assert_cmpuint (pyprep_due_counts_get_total (counts), ==, 4);
  g_assert_cmpuint (pyprep_due_counts_get_for_deck (counts, other), ==, 0);
  g_assert_cmpuint (pyprep_due_counts_get_for_topic (counts, c), ==, 0);
}

static void
test_changed (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PyprepDueCounts) counts = pyprep_due_counts_new (f->library, f->store);
  g_autoptr(GError) error = NULL;
  Events events = { 0, 0 };
  guint total;

  g_signal_connect (counts, "changed", G_CALLBACK (changed_cb), &events);
  g_signal_connect (counts, "notify::total", G_CALLBACK (notify_total_cb), &events);
  g_object_get (counts, "total", &total, NULL);
  g_assert_cmpuint (total, ==, 0);

  /* No card due: nothing changed. */
  pyprep_due_counts_update (counts);
  g_assert_cmpuint (events.changed, ==, 0);
  g_assert_cmpuint (events.notified, ==, 0);

  set_review_card (f, "sample/a/a1#card", 5, 15, f->now - 10 * DAY);
  set_review_card (f, "sample/b/b1#card", 20, 21, f->now + DAY);
  pyprep_due_counts_update (counts);
  g_assert_cmpuint (events.changed, ==, 1);
  g_assert_cmpuint (events.notified, ==, 1);
  g_object_get (counts, "total", &total, NULL);
  g_assert_cmpuint (total, ==, 1);

  /* The same counts again: no signal. */
  pyprep_due_counts_update (counts);
  g_assert_cmpuint (events.changed, ==, 1);

  /* A day on, b1 is due and a1 is answered: the total stays 1, but the
   * topics changed, so the counts did. */
  f->now += DAY;
  g_assert_true (pyprep_review_answer (f->store, &f->params, "sample/a/a1#card",
                                       PYPREP_RATING_GOOD, f->now, 1000, &error));
  g_assert_no_error (error);
  pyprep_due_counts_update (counts);
  g_assert_cmpuint (pyprep_due_counts_get_total (counts), ==, 1);
  g_assert_cmpuint (pyprep_due_counts_get_for_topic (counts, topic_of (f->deck, 0)), ==, 0);
  g_assert_cmpuint (pyprep_due_counts_get_for_topic (counts, topic_of (f->deck, 1)), ==, 1);
  g_assert_cmpuint (events.changed, ==, 2);
  g_assert_cmpuint (events.notified, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  review_test_init (&argc, &argv);

  g_test_add ("/pyprep/due-counts/counts", Fixture, NULL, fixture_set_up, test_counts, fixture_tear_down);
  g_test_add ("/pyprep/due-counts/changed", Fixture, NULL, fixture_set_up, test_changed, fixture_tear_down);

  return g_test_run ();
}
