/* test-review-log.c: the review log's lines, written and read back, torn lines included.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "core-harness.h"
#include "pyprep-review-log.h"
#include "pyprep-time.h"

/* 2026-11-21 12:00:00 UTC */
#define NOON G_GINT64_CONSTANT (1795262400000000)

typedef struct
{
  char *dir;
  char *path;
  GFile *folder;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_dir_make_tmp ("pyprep-review-log-XXXXXX", &error);

  g_assert_no_error (error);
  /* The log's folder does not exist yet: the first append makes it. */
  f->dir = g_build_filename (parent, "data", NULL);
  f->path = g_build_filename (f->dir, PYPREP_REVIEW_LOG_FILE, NULL);
  f->folder = g_file_new_for_path (f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *parent = g_path_get_dirname (f->dir);

  remove_tree (parent);
  g_free (f->dir);
  g_free (f->path);
  g_clear_object (&f->folder);
}

static void
append (Fixture    *f,
        JsonObject *line)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pyprep_review_log_append (f->folder, line, &error));
  g_assert_no_error (error);
}

static JsonObject *
answer_line (const char      *id,
             const char      *card,
             PyprepRating     rating,
             gint64           time,
             PyprepCardState  state_before)
{
  JsonObject *line = json_object_new ();

  json_object_set_string_member (line, "id", id);
  json_object_set_string_member (line, "card", card);
  json_object_set_int_member (line, "rating", rating);
  pyprep_time_set_member (line, "time", time);
  json_object_set_string_member (line, "state_before", pyprep_card_state_to_string (state_before));
  return line;
}

static void
append_answer (Fixture      *f,
               const char   *id,
               PyprepRating  rating,
               gint64        time)
{
  g_autoptr(JsonObject) line = answer_line (id, "d/t/e#card", rating, time, PYPREP_CARD_STATE_REVIEW);

  append (f, line);
}

static char *
read_text (Fixture *f)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (f->path, &text, NULL, NULL));
  return text;
}

static void
test_review_log_round_trip (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(JsonObject) first = answer_line ("a1", "d/t/e#card", PYPREP_RATING_GOOD, NOON,
                                             PYPREP_CARD_STATE_NEW);
  g_autoptr(JsonObject) practice = answer_line ("a2", "d/t/f#card", PYPREP_RATING_AGAIN, NOON + 1,
                                                PYPREP_CARD_STATE_REVIEW);
  g_autoptr(JsonObject) undo = json_object_new ();
  g_autoptr(GPtrArray) answers = NULL;
  g_autofree char *text = NULL;
  PyprepReviewLogAnswer *answer;
  struct stat st;

  json_object_set_double_member (first, "stability", 2.5);
  json_object_set_boolean_member (practice, "practice", TRUE);
  append (f, first);
  append (f, practice);
  append_answer (f, "a3", PYPREP_RATING_EASY, NOON + 2);
  json_object_set_string_member (undo, "undo", "a3");
  json_object_set_string_member (undo, "card", "d/t/e#card");
  pyprep_time_set_member (undo, "time", NOON + 3);
  append (f, undo);

  /* One compact line each, in a file only the user can read. */
  text = read_text (f);
  g_assert_true (g_str_has_prefix (text, "{\"id\":\"a1\",\"card\":\"d/t/e#card\",\"rating\":3,"
                                         "\"time\":\"2026-11-21T12:00:00.000000Z\","
                                         "\"state_before\":\"new\",\"stability\":2.5}\n"));
  g_assert_true (g_str_has_suffix (text, "{\"undo\":\"a3\",\"card\":\"d/t/e#card\","
                                         "\"time\":\"2026-11-21T12:00:00.000003Z\"}\n"));
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  answers = pyprep_review_log_read (f->folder);
  g_assert_cmpuint (answers->len, ==, 3);

  answer = g_ptr_array_index (answers, 0);
  g_assert_cmpstr (answer->id, ==, "a1");
  g_assert_cmpstr (answer->card, ==, "d/t/e#card");
  g_assert_cmpint (answer->rating, ==, PYPREP_RATING_GOOD);
  g_assert_cmpint (answer->time, ==, NOON);
  g_assert_cmpint (answer->state_before, ==, PYPREP_CARD_STATE_NEW);
  g_assert_false (answer->practice);
  g_assert_false (answer->undone);
  g_assert_true (pyprep_review_log_answer_counts (answer));
  /* The whole line stays at hand, members the reader does not know included. */
  g_assert_cmpfloat (json_object_get_double_member (answer->line, "stability"), ==, 2.5);

  answer = g_ptr_array_index (answers, 1);
  g_assert_cmpstr (answer->card, ==, "d/t/f#card");
  g_assert_cmpint (answer->rating, ==, PYPREP_RATING_AGAIN);
  g_assert_true (answer->practice);
  g_assert_false (answer->undone);
  g_assert_false (pyprep_review_log_answer_counts (answer));

  answer = g_ptr_array_index (answers, 2);
  g_assert_cmpstr (answer->id, ==, "a3");
  g_assert_true (answer->undone);
  g_assert_false (pyprep_review_log_answer_counts (answer));
}

/* A crash in the middle of an append leaves a torn last line. The reader
 * skips it, and the next append starts on a line of its own. */
static void
test_review_log_torn_line (Fixture       *f,
                           gconstpointer  data)
{
  static const char torn[] = "{\"id\":\"a3\",\"card\":\"d/t/e#card\",\"rat";
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *with_torn = NULL;
  g_auto(GStrv) lines = NULL;

  append_answer (f, "a1", PYPREP_RATING_GOOD, NOON);
  append_answer (f, "a2", PYPREP_RATING_HARD, NOON + 1);
  text = read_text (f);
  with_torn = g_strconcat (text, torn, NULL);
  g_assert_true (g_file_set_contents (f->path, with_torn, -1, NULL));

  answers = pyprep_review_log_read (f->folder);
  g_assert_cmpuint (answers->len, ==, 2);
  g_assert_cmpstr (((PyprepReviewLogAnswer *) g_ptr_array_index (answers, 1))->id, ==, "a2");

  append_answer (f, "a4", PYPREP_RATING_EASY, NOON + 2);
  g_clear_pointer (&text, g_free);
  text = read_text (f);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[2], ==, torn);
  g_assert_true (g_str_has_prefix (lines[3], "{\"id\":\"a4\","));
  g_assert_cmpstr (lines[4], ==, "");

  after = pyprep_review_log_read (f->folder);
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_cmpstr (((PyprepReviewLogAnswer *) g_ptr_array_index (after, 2))->id, ==, "a4");
}

/* Lines that are not answers are skipped; the rest is read. */
static void
test_review_log_tolerant (Fixture       *f,
                          gconstpointer  data)
{
  static const char log[] =
    "\n"
    "not json\n"
    "[1, 2]\n"
    "\"a string\"\n"
    "{\"card\": \"c\", \"rating\": 3}\n"
    "{\"card\": \"c\", \"time\": \"2026-11-21T12:00:00Z\"}\n"
    "{\"rating\": 3, \"time\": \"2026-11-21T12:00:00Z\"}\n"
    "{\"card\": \"c\", \"rating\": 0, \"time\": \"2026-11-21T12:00:00Z\"}\n"
    "{\"card\": \"c\", \"rating\": 5, \"time\": \"2026-11-21T12:00:00Z\"}\n"
    "{\"card\": \"c\", \"rating\": \"3\", \"time\": \"2026-11-21T12:00:00Z\"}\n"
    "{\"card\": \"c\", \"rating\": 3, \"time\": \"yesterday\"}\n"
    "{\"card\": 7, \"rating\": 3, \"time\": \"2026-11-21T12:00:00Z\"}\n"
    "{\"card\": \"kept\", \"rating\": 1, \"time\": \"2026-11-21T12:00:00Z\","
    " \"state_before\": \"dreaming\", \"from\": \"a newer Pyprep\"}\n"
    "{\"undo\": 5}\n"
    "{\"undo\": \"nothing\"}\n";
  g_autoptr(GPtrArray) answers = NULL;
  PyprepReviewLogAnswer *answer;

  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->path, log, -1, NULL));

  answers = pyprep_review_log_read (f->folder);
  g_assert_cmpuint (answers->len, ==, 1);
  answer = g_ptr_array_index (answers, 0);
  g_assert_cmpstr (answer->card, ==, "kept");
  g_assert_null (answer->id);
  g_assert_cmpint (answer->state_before, ==, -1);
  g_assert_false (answer->undone);
}

/* No log is an empty history; a log that cannot be read too, quietly. */
static void
test_review_log_missing (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) none = pyprep_review_log_read (f->folder);
  g_autoptr(GPtrArray) unreadable = NULL;

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (f->path, 0700), ==, 0);
  unreadable = pyprep_review_log_read (f->folder);
  g_assert_cmpuint (unreadable->len, ==, 0);
}

static void
test_review_log_append_error (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(JsonObject) line = answer_line ("a1", "c", PYPREP_RATING_GOOD, NOON, PYPREP_CARD_STATE_NEW);
  g_autoptr(GError) error = NULL;

  /* The log's name is taken by a folder. */
  g_assert_cmpint (g_mkdir_with_parents (f->path, 0700), ==, 0);
  g_assert_false (pyprep_review_log_append (f->folder, line, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, f->path));
}

/* A full disk, as the kernel shows it: a file size limit makes a write
 * stop short at @limit bytes, and the next one fail (EFBIG). */
static void
limit_file_size (rlim_t limit)
{
  struct rlimit rl;

  g_assert_no_errno (getrlimit (RLIMIT_FSIZE, &rl));
  rl.rlim_cur = limit;
  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &rl));
}

/* The space runs out in the middle of a line: the error names the real
 * reason (not a stale errno such as "File exists"), nothing of the line
 * stays, and the next answer is a whole line of its own. */
static void
test_review_log_short_write (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JsonObject) line = answer_line ("a2", "d/t/e#card", PYPREP_RATING_GOOD, NOON + 1,
                                            PYPREP_CARD_STATE_REVIEW);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  struct rlimit saved;
  struct stat st;

  append_answer (f, "a1", PYPREP_RATING_HARD, NOON);
  before = read_text (f);
  g_assert_no_errno (g_stat (f->path, &st));

  g_assert_no_errno (getrlimit (RLIMIT_FSIZE, &saved));
  signal (SIGXFSZ, SIG_IGN);
  limit_file_size (st.st_size + 20);
  g_assert_false (pyprep_review_log_append (f->folder, line, &error));
  g_assert_no_errno (setrlimit (RLIMIT_FSIZE, &saved));
  signal (SIGXFSZ, SIG_DFL);

  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
  g_assert_null (strstr (error->message, g_strerror (EEXIST)));
  g_assert_nonnull (strstr (error->message, f->path));
  after = read_text (f);
  g_assert_cmpstr (after, ==, before);

  append_answer (f, "a3", PYPREP_RATING_EASY, NOON + 2);
  text = read_text (f);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[1], "{\"id\":\"a3\","));
  answers = pyprep_review_log_read (f->folder);
  g_assert_cmpuint (answers->len, ==, 2);
}

static void
test_review_log_state_names (void)
{
  static const char * const names[] = { "new", "learning", "review", "relearning" };
  PyprepCardState state = PYPREP_CARD_STATE_REVIEW;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (pyprep_card_state_to_string ((PyprepCardState) i), ==, names[i]);
      g_assert_true (pyprep_card_state_from_string (names[i], &state));
      g_assert_cmpint (state, ==, i);
    }
  /* An unknown state is written as new and not read at all. */
  g_assert_cmpstr (pyprep_card_state_to_string ((PyprepCardState) 99), ==, "new");
  state = PYPREP_CARD_STATE_REVIEW;
  g_assert_false (pyprep_card_state_from_string ("Review", &state));
  g_assert_false (pyprep_card_state_from_string (NULL, &state));
  g_assert_cmpint (state, ==, PYPREP_CARD_STATE_REVIEW);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pyprep/review-log/round-trip", Fixture, NULL,
              fixture_set_up, test_review_log_round_trip, fixture_tear_down);
  g_test_add ("/pyprep/review-log/torn-line", Fixture, NULL,
              fixture_set_up, test_review_log_torn_line, fixture_tear_down);
  g_test_add ("/pyprep/review-log/tolerant", Fixture, NULL,
              fixture_set_up, test_review_log_tolerant, fixture_tear_down);
  g_test_add ("/pyprep/review-log/missing", Fixture, NULL,
              fixture_set_up, test_review_log_missing, fixture_tear_down);
  g_test_add ("/pyprep/review-log/append-error", Fixture, NULL,
              fixture_set_up, test_review_log_append_error, fixture_tear_down);
  g_test_add ("/pyprep/review-log/short-write", Fixture, NULL,
              fixture_set_up, test_review_log_short_write, fixture_tear_down);
  g_test_add_func ("/pyprep/review-log/state-names", test_review_log_state_names);

  return g_test_run ();
}
