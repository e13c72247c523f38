/* review-harness.c: a sample deck, a store on a fixed clock and review log helpers for the review tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "review-harness.h"

/**
 * review_test_init:
 *
 * g_test_init() in China Standard Time without daylight saving, as a POSIX
 * rule, so no time zone database is needed.
 */
void
review_test_init (int    *argc,
                  char ***argv)
{
  g_setenv ("TZ", "CST-8", TRUE);
  g_test_init (argc, argv, NULL);
}

/* Adds the test @test at @path, run in a fresh fixture. */
void
review_test_add (const char *path,
                 ReviewTest  test)
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

static gint64
fixed_clock (gpointer user_data)
{
  return ((Fixture *) user_data)->now;
}

static void
write_deck (const char *dir)
{
  write_file (dir, "deck.json",
              "{ \"format\": 1, \"id\": \"sample\", \"title\": \"Sample\",\n"
              "  \"languages\": [\"en\"], \"topics\": [ { \"id\": \"a\" }, { \"id\": \"b\" } ] }\n");
  write_file (dir, "en/a.md",
              "# A\n\n"
              "## A one {#a1}\n\nText.\n\n```card\nQ a1\n---\nA a1\n```\n\n"
              "```quiz {#q}\nPick one.\n\n- [x] Right\n- [ ] Wrong\n```\n\n"
              "## A two {#a2}\n\nText.\n\n```card\nQ a2\n---\nA a2\n```\n\n"
              "## A three {#a3}\n\nText.\n\n```card\nQ a3\n---\nA a3\n```\n\n"
              "## A four {#a4}\n\nText.\n\n```card\nQ a4\n---\nA a4\n```\n");
  write_file (dir, "en/b.md",
              "# B\n\n"
              "## B one {#b1}\n\nText.\n\n```card\nQ b1\n---\nA b1\n```\n\n"
              "## B two {#b2}\n\nText.\n\n```card\nQ b2\n---\nA b2\n```\n\n"
              "## B three {#b3}\n\nText.\n\n```card\nQ b3\n---\nA b3\n```\n");
}

/* The deck in @dir, in English, which must load without problems. */
PyprepDeck *
load_deck (const char *dir)
{
  static const char *english[] = { "en", NULL };
  PyprepDeck *deck = load_deck_folder (dir, english);

  g_assert_cmpuint (pyprep_deck_get_problems (deck)->len, ==, 0);
  return deck;
}

static PyprepStore *
open_store (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "data", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PyprepStore *store;

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  store = pyprep_store_new (folder);

  pyprep_store_set_clock (store, fixed_clock, f);
  g_assert_true (pyprep_store_load (store, &error));
  g_assert_no_error (error);
  return store;
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *deck_dir = NULL;

  f->dir = g_dir_make_tmp ("pyprep-review-XXXXXX", &error);
  g_assert_no_error (error);
  deck_dir = g_build_filename (f->dir, "deck", NULL);
  write_deck (deck_dir);
  f->deck = load_deck (deck_dir);
  g_assert_cmpuint (pyprep_deck_get_n_entries (f->deck), ==, 7);
  f->library = pyprep_library_new ();
  pyprep_library_add_deck (f->library, f->deck);
  f->entries = pyprep_review_collect_entries (pyprep_library_get_decks (f->library));

  f->now = NOW;
  f->store = open_store (f);
  f->log_path = g_build_filename (f->dir, "data", PYPREP_STORE_REVIEW_LOG, NULL);
  pyprep_fsrs_params_init (&f->params);
  f->params.enable_fuzz = FALSE;
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->entries);
  g_clear_object (&f->library);
  g_clear_object (&f->deck);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->log_path);
}

char *
iso (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S.000000Z");
}

/* A card in review, last seen @elapsed days before now with stability @s. */
void
set_review_card (Fixture    *f,
                 const char *card_id,
                 double      s,
                 double      elapsed,
                 gint64      due)
{
  g_autoptr(JsonObject) object = NULL;
  PyprepCardMemory memory;

  pyprep_card_memory_init (&memory, f->now);
  memory.state = PYPREP_CARD_STATE_REVIEW;
  memory.stability = s;
  memory.difficulty = 5;
  memory.last_review = f->now - (gint64) (elapsed * DAY);
  memory.due = due;
  memory.reps = 3;
  object = pyprep_card_memory_to_json (&memory, NULL);
  pyprep_store_set_card_state (f->store, card_id, object);
}

void
append_log (Fixture    *f,
            const char *text)
{
  g_autofree char *old = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (f->log_path, &old, NULL, NULL);
  data = g_strconcat (old != NULL ? old : "", text, NULL);
  g_file_set_contents (f->log_path, data, -1, &error);
  g_assert_no_error (error);
}

void
append_answer (Fixture    *f,
               const char *id,
               const char *card,
               int         rating,
               gint64      time,
               const char *state_before,
               gboolean    practice)
{
  g_autofree char *when = iso (time);
  g_autofree char *line = g_strdup_printf ("{\"id\":\"%s\",\"card\":\"%s\",\"rating\":%d,"
                                           "\"time\":\"%s\",\"duration_ms\":1000,"
                                           "\"state_before\":\"%s\"%s}\n",
                                           id, card, rating, when, state_before,
                                           practice ? ",\"practice\":true" : "");

  append_log (f, line);
}

/* The review log's lines; none when there is no log. */
char **
read_log_lines (Fixture *f)
{
  g_autofree char *data = NULL;

  if (!g_file_get_contents (f->log_path, &data, NULL, NULL))
    return g_new0 (char *, 1);
  g_strchomp (data);
  return g_strsplit (data, "\n", -1);
}

/* The cards of @queue by their local IDs ("a1#card"), separated by spaces. */
char *
queue_to_string (GPtrArray *queue)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < queue->len; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (queue, i);
      const char *local = strrchr (ref->card_id, '/') + 1;

      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, local);
    }
  return g_string_free (text, FALSE);
}
