/* test-cli.c: what `pyprep --check`, `--list` and `--export-anki` print, and their exit codes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <json-glib/json-glib.h>

#include "core-harness.h"
#include "pyprep-cli.h"

static const char *english[] = { "en", NULL };

/* Checks the folder @dir and compares the exit status and what is printed
 * with @status and @format, where a %s stands for the folder's name. */
static void
assert_check (const char *dir,
              int         status,
              const char *format)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *name = g_path_get_basename (dir);
  g_autofree char *expected = NULL;

  g_assert_cmpint (pyprep_cli_check (folder, english, out), ==, status);
  expected = g_strdup_printf (format, name);
  g_assert_cmpstr (out->str, ==, expected);
}

/* Runs the pyprep program with @args; returns its wait status, with what it
 * printed in @out and @err. */
static int
run_pyprep (const char * const  *args,
            char               **out,
            char               **err)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_strv_builder_add (builder, g_getenv ("PYPREP_EXE"));
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return status;
}

static void
test_cli_check_good (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", "good", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GString) out = g_string_new (NULL);

  /* A clean check sums up what it read: 2 recall cards and 2 questions. */
  g_assert_cmpint (pyprep_cli_check (folder, english, out), ==, 0);
  g_assert_cmpstr (out->str, ==, "Checked “Sample Deck”: 2 topics, 3 entries, 4 cards\n");
}

/* A folder that is not there, and a file given for a folder, say so. */
static void
test_cli_check_not_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-cli-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "gone", NULL);
  g_autofree char *file = g_build_filename (dir, "notes.md", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GFile) missing_folder = g_file_new_for_path (missing);
  g_autoptr(GFile) file_folder = g_file_new_for_path (file);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (file, "# Notes\n\n## What is a list?\n\nAn array.\n", -1, NULL));

  g_assert_cmpint (pyprep_cli_check (missing_folder, english, out), ==, 1);
  expected = g_strdup_printf ("%s: there is no such folder\n", missing);
  g_assert_cmpstr (out->str, ==, expected);
  g_assert_cmpint (pyprep_cli_list (missing_folder, english, FALSE, out, err), ==, 1);
  g_assert_cmpstr (err->str, ==, expected);

  g_string_truncate (out, 0);
  g_assert_cmpint (pyprep_cli_check (file_folder, english, out), ==, 1);
  g_free (expected);
  expected = g_strdup_printf ("%s: this is a file, not a folder: give the folder of notes that holds it\n", file);
  g_assert_cmpstr (out->str, ==, expected);

  g_unlink (file);
  g_rmdir (dir);
}

/* pyprep --help names what the command line takes besides its options. */
static void
test_cli_help (void)
{
  const char *args[] = { "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (g_getenv ("PYPREP_EXE") == NULL)
    {
      g_test_skip ("PYPREP_EXE is not set: run it through meson test");
      return;
    }
  g_assert_true (g_spawn_check_wait_status (run_pyprep (args, &out, &err), NULL));
  g_assert_true (g_str_has_prefix (out, "Usage:\n  pyprep [OPTION…] [FOLDER | FILE.md]\n\n"
                                        "Opens the Markdown notes in FOLDER, or the folder of FILE.md"));
  g_assert_nonnull (strstr (out, "--check=FOLDER"));
}

static void
test_cli_check_broken (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-cli-XXXXXX", &error);
  g_autofree char *manifest = g_build_filename (dir, "deck.json", NULL);
  g_autofree char *topic_dir = g_build_filename (dir, "en", NULL);
  g_autofree char *topic = g_build_filename (topic_dir, "t.md", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  g_file_set_contents (manifest, "{\"format\": 1, \"id\": \"b\", \"title\": \"B\", \"languages\": [\"en\"],"
                       " \"topics\": [{\"id\": \"t\"}]}", -1, NULL);
  g_mkdir (topic_dir, 0755);
  g_file_set_contents (topic, "# T\n\n## No ID\n\n## Fine {#fine}\n\n```quiz\nQ?\n```\n", -1, NULL);

  g_assert_cmpint (pyprep_cli_check (folder, english, out), ==, 1);
  g_assert_cmpstr (out->str, ==,
                   "en/t.md:3: entry “No ID” has no ID: end its heading with {#an-id}\n"
                   "en/t.md:7: quiz block has no list of choices\n"
                   "Checked “B”: 1 topic, 1 entry, 0 cards; 2 errors, 0 warnings\n");

  /* A folder that is not a deck: the message names it. */
  g_unlink (manifest);
  g_unlink (topic);
  g_string_truncate (out, 0);
  g_assert_cmpint (pyprep_cli_check (folder, english, out), ==, 1);
  {
    g_autofree char *expected = g_strdup_printf ("%s: the folder has no deck.json and no Markdown notes "
                                                 "(.md files), nor have its subfolders\n", dir);

    g_assert_cmpstr (out->str, ==, expected);
  }

  remove_tree (dir);
}

static void
test_cli_list (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", "good", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_assert_cmpint (pyprep_cli_list (folder, english, FALSE, out, err), ==, 0);
  g_assert_cmpstr (out->str, ==,
                   "sample/basics\tBasics\n"
                   "sample/basics/list\tWhat is a list?\n"
                   "sample/basics/dict\tHow does a dict work?\n"
                   "sample/more\tMore\n"
                   "sample/more/gil\tThe GIL\n");
  g_assert_cmpstr (err->str, ==, "");

  g_string_truncate (out, 0);
  g_assert_cmpint (pyprep_cli_list (folder, english, TRUE, out, err), ==, 0);
  json_parser_load_from_data (parser, out->str, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "id"), ==, "sample");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "topics")), ==, 2);
}

/* A file the deck leaves out is named on the error stream, so a listing
 * is never mistaken for the whole folder. */
static void
test_cli_list_skipped (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-cli-XXXXXX", &error);
  g_autofree char *good = g_build_filename (dir, "good.md", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.md", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);

  g_assert_no_error (error);
  g_file_set_contents (good, "# Notes\n\n## Lists\n\n### What is append?\n\nAdds one.\n\n"
                       "### What is extend?\n\nAdds many.\n", -1, NULL);
  g_file_set_contents (bad, "# Broken\n\n## \xff\xfe\n", -1, NULL);

  g_assert_cmpint (pyprep_cli_list (folder, english, FALSE, out, err), ==, 0);
  g_assert_nonnull (strstr (out->str, "What is append?"));
  g_assert_cmpstr (err->str, ==, "bad.md:3: file is not valid UTF-8; the file is skipped\n");

  /* The same with --json: the document on the output, the skipped file
   * beside it. */
  g_string_truncate (out, 0);
  g_string_truncate (err, 0);
  g_assert_cmpint (pyprep_cli_list (folder, english, TRUE, out, err), ==, 0);
  g_assert_true (g_str_has_prefix (out->str, "{"));
  g_assert_nonnull (strstr (err->str, "bad.md:3: "));

  remove_tree (dir);
}

/* A folder of notes: the structure found, warnings that do not fail, and
 * the one-line fix. */
static void
test_cli_check_notes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", "shapes", "b", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_cmpint (pyprep_cli_check (folder, english, out), ==, 0);
  g_assert_true (g_str_has_prefix (out->str,
                                   "README.md: questions are the level-3 headings (numbered across their "
                                   "parents); 4 topics, 9 entries, 3 unanswered\n"
                                   "README.md:24: warning: “What is a generator?” has no answer in these "
                                   "notes yet\n"));
  g_assert_nonnull (strstr (out->str, "README.md:52: warning: topic “Part Two: Systems · Storage” holds a "
                                      "single entry\n"));
  g_assert_nonnull (strstr (out->str, "`pyprep-question-level: N` in its front matter, or a deck.json of "
                                      "{\"question-level\": N}"));
}

/* The one-line fix works: a deck.json that states only the level. */
static void
test_cli_check_stated_level (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-cli-XXXXXX", &error);
  g_autofree char *notes = g_build_filename (dir, "notes.md", NULL);
  g_autofree char *manifest = g_build_filename (dir, "deck.json", NULL);

  g_assert_no_error (error);
  g_file_set_contents (notes, "# Notes\n\n## Lists\n\n### append\n\nAdds one.\n\n### extend\n\nAdds many.\n\n"
                       "## Dicts\n\n### get\n\nReads with a default.\n\n### setdefault\n\nReads or sets.\n",
                       -1, NULL);
  /* A folder without a README is named after itself. */
  assert_check (dir, 0, "notes.md: entries are the level-2 sections (no level reads as questions); 1 topics, "
                "2 entries\nChecked “%s”: 1 topic, 2 entries, 2 cards\n");

  g_file_set_contents (manifest, "{\"question-level\": 3}\n", -1, NULL);
  assert_check (dir, 0, "notes.md: questions are the level-3 headings, as deck.json states; 2 topics, "
                "4 entries\nChecked “%s”: 2 topics, 4 entries, 4 cards\n");

  /* A level that is no heading level is an error, in deck.json. */
  g_file_set_contents (manifest, "{\"question-level\": 9}\n", -1, NULL);
  assert_check (dir, 1, "deck.json:1: “question-level” must be a heading level, 1 to 6\n");

  g_unlink (manifest);
  g_unlink (notes);
  g_rmdir (dir);
}

/* --export-anki writes the deck's notes to the file, or to standard output
 * when there is none, and says what it wrote. */
static void
test_cli_export_anki (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", "good", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pyprep-cli-XXXXXX", &error);
  g_autofree char *out_path = g_build_filename (dir, "cards.txt", NULL);
  g_autofree char *nowhere_path = g_build_filename (dir, "no-such-folder", "cards.txt", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (out_path);
  g_autofree char *missing_path = g_build_filename (dir, "no-such-deck", NULL);
  g_autoptr(GFile) nowhere = g_file_new_for_path (nowhere_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);

  /* Standard output: the file's headers, then one note a card. */
  g_assert_cmpint (pyprep_cli_export_anki (folder, english, NULL, text, err), ==, 0);
  g_assert_cmpstr (err->str, ==, "");
  g_assert_true (g_str_has_prefix (text->str, "#separator:tab\n#html:true\n#notetype:Basic\n"
                                              "#deck:Sample Deck\n"));

  /* A file: the same text, and one line on what was written. */
  g_assert_cmpint (pyprep_cli_export_anki (folder, english, target, out, err), ==, 0);
  g_assert_cmpstr (err->str, ==, "");
  expected = g_strdup_printf ("Exported 4 notes of “Sample Deck” to %s\n", out_path);
  g_assert_cmpstr (out->str, ==, expected);
  g_assert_true (g_file_get_contents (out_path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, text->str);

  /* A file that cannot be written, and a deck that is not there. */
  g_string_truncate (out, 0);
  g_assert_cmpint (pyprep_cli_export_anki (folder, english, nowhere, out, err), ==, 1);
  g_assert_cmpstr (out->str, ==, "");
  g_assert_nonnull (strstr (err->str, "No such file or directory"));
  g_string_truncate (err, 0);
  g_assert_cmpint (pyprep_cli_export_anki (missing, english, target, out, err), ==, 1);
  g_assert_cmpstr (out->str, ==, "");
  g_assert_cmpstr (err->str, !=, "");

  g_unlink (out_path);
  g_rmdir (dir);
}

/* The real command line: "bundled" is the deck that comes with Pyprep,
 * "-" standard output; anything but two arguments is a usage error. */
static void
test_cli_export_anki_command (void)
{
  const char *bundled[] = { "--export-anki", "bundled", "-", NULL };
  const char *one[] = { "--export-anki", "bundled", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  if (g_getenv ("PYPREP_EXE") == NULL)
    {
      g_test_skip ("PYPREP_EXE is not set: run it through meson test");
      return;
    }

  g_assert_true (g_spawn_check_wait_status (run_pyprep (bundled, &out, &err), NULL));
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "#separator:tab\n#html:true\n#notetype:Basic\n#deck:"));
  /* Every bundled entry has a recall card, tagged deck::topic. */
  g_assert_nonnull (strstr (out, "\t\"pyprep::os\"\n"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  status = run_pyprep (one, &out, &err);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "Give a FOLDER"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pyprep/cli/check-good", test_cli_check_good);
  g_test_add_func ("/pyprep/cli/check-broken", test_cli_check_broken);
  g_test_add_func ("/pyprep/cli/list-skipped", test_cli_list_skipped);
  g_test_add_func ("/pyprep/cli/check-not-folder", test_cli_check_not_folder);
  g_test_add_func ("/pyprep/cli/help", test_cli_help);
  g_test_add_func ("/pyprep/cli/list", test_cli_list);
  g_test_add_func ("/pyprep/cli/check-notes", test_cli_check_notes);
  g_test_add_func ("/pyprep/cli/check-stated-level", test_cli_check_stated_level);
  g_test_add_func ("/pyprep/cli/export-anki", test_cli_export_anki);
  g_test_add_func ("/pyprep/cli/export-anki-command", test_cli_export_anki_command);

  return g_test_run ();
}
