/* core-harness.c: helpers every test program shares: decks, files, entries by title, a hostile notes folder.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "core-harness.h"

/* The deck in the folder @path, in @languages (NULL: the notes' own); the
 * test fails when it does not load. */
PyprepDeck *
load_deck_folder (const char          *path,
                  const char * const  *languages)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PyprepDeck *deck = pyprep_deck_load (folder, languages, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (deck);
  return deck;
}

/* The deck tests/decks/@name. */
PyprepDeck *
load_test_deck (const char          *name,
                const char * const  *languages)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "decks", name, NULL);

  return load_deck_folder (path, languages);
}

/* The deck the app bundles, data/deck. */
PyprepDeck *
load_bundled_deck (const char * const *languages)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "deck", NULL);

  return load_deck_folder (path, languages);
}

/* The entry of @deck titled @title; the test fails when there is none. */
static gboolean
is_titled (PyprepTopic *topic,
           PyprepEntry *entry,
           gpointer     title)
{
  return g_str_equal (pyprep_entry_get_title (entry), title);
}

PyprepEntry *
find_entry_by_title (PyprepDeck *deck,
                     const char *title)
{
  PyprepEntry *entry = pyprep_deck_foreach_entry (deck, is_titled, (gpointer) title);

  if (entry == NULL)
    g_error ("no entry “%s”", title);
  return entry;
}

/* How many times @needle occurs in @haystack. */
guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* Writes @data to @path, making its folder first. */
void
write_bytes (const char *path,
             const char *data,
             gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* Writes @text to the file @name (which may hold folders) under @dir. */
void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  write_bytes (path, text, -1);
}

/* The FSRS settings whose intervals are exact: default weights, no
 * learning or relearning steps, fuzz off. */
void
fsrs_params_exact (PyprepFsrsParams *params)
{
  pyprep_fsrs_params_init (params);
  params->n_learning_steps = 0;
  params->n_relearning_steps = 0;
  params->enable_fuzz = FALSE;
}

/* A card in the Review state, answered three times, the last at
 * @last_review, and due at @due. */
PyprepCardMemory
card_in_review (double stability,
                double difficulty,
                gint64 last_review,
                gint64 due)
{
  PyprepCardMemory card;

  pyprep_card_memory_init (&card, due);
  card.state = PYPREP_CARD_STATE_REVIEW;
  card.stability = stability;
  card.difficulty = difficulty;
  card.last_review = last_review;
  card.due = due;
  card.reps = 3;
  return card;
}

/* Writes tests/decks/typora's list.png, 200 × 100, at @path. */
static void
write_picture (const char *path)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "decks", "typora", "res", "day02",
                                                   "list.png", NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (source, &data, &length, &error);
  g_assert_no_error (error);
  write_bytes (path, data, length);
}

#define CLEAN_SVG "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"60\">" \
  "<rect width=\"120\" height=\"60\" fill=\"#3584e4\"/></svg>"
#define SCRIPTED_SVG "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"60\">" \
  "<script>fetch('http://127.0.0.1:9/svg')</script><rect width=\"120\" height=\"60\"/></svg>"

void
hostile_folder_make (HostileFolder *h,
                     const char    *markdown)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *outside_png = NULL;
  g_autofree char *res = NULL;
  g_autofree char *link = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *notes = NULL;
  FILE *f;

  h->top = g_dir_make_tmp ("pyprep-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  h->deck = g_build_filename (h->top, "hostile", NULL);
  h->outside = g_build_filename (h->top, "outside", NULL);
  secret = g_build_filename (h->outside, "secret.png", NULL);
  outside_png = g_build_filename (h->top, "outside.png", NULL);
  res = g_build_filename (h->deck, "res", NULL);
  link = g_build_filename (res, "link.png", NULL);
  huge = g_build_filename (res, "huge.png", NULL);
  notes = g_build_filename (h->deck, "notes.md", NULL);

  write_picture (secret);
  write_picture (outside_png);
  {
    g_autofree char *good = g_build_filename (res, "good.png", NULL);
    g_autofree char *clean = g_build_filename (res, "clean.svg", NULL);
    g_autofree char *evil = g_build_filename (res, "evil.svg", NULL);
    g_autofree char *fake = g_build_filename (res, "fake.png", NULL);

    write_picture (good);
    write_bytes (clean, CLEAN_SVG, -1);
    write_bytes (evil, SCRIPTED_SVG, -1);
    write_bytes (fake, "<html><script>alert(1)</script></html>", -1);
  }
  g_assert_no_errno (symlink (secret, link));
  /* The length is all that matters: a sparse file takes no room. */
  f = fopen (huge, "wb");
  g_assert_nonnull (f);
  fwrite ("\x89PNG\r\n\x1a\n", 1, 8, f);
  g_assert_no_errno (ftruncate (fileno (f), 200 * 1000 * 1000));
  fclose (f);
  write_bytes (notes, markdown, -1);
}

/* Removes @path and, for a folder, all it holds; links are removed, never
 * followed. */
void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

void
hostile_folder_remove (HostileFolder *h)
{
  remove_tree (h->top);
  g_clear_pointer (&h->top, g_free);
  g_clear_pointer (&h->deck, g_free);
  g_clear_pointer (&h->outside, g_free);
}
