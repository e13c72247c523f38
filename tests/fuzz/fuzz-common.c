/* fuzz-common.c: helpers shared by the fuzz targets: a scratch folder per process, input splitting.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every target works in one scratch folder made the first time it is
 * needed and removed at exit, so nothing is written anywhere else and
 * nothing piles up: each input starts from an empty folder.
 */
#include "config.h"

#include "fuzz-common.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "pyprep-deck.h"
#include "pyprep-id.h"

static char *scratch;

static void
check_id (const char *kind,
          const char *id)
{
  if (!pyprep_id_is_valid (id))
    g_error ("invalid %s ID “%s”", kind, id);
}

/* Text may be missing (an untitled topic), but what is there is UTF-8. */
static void
check_text (const char *text)
{
  g_assert_true (text == NULL || g_utf8_validate (text, -1, NULL));
}

/**
 * pyprep_fuzz_split:
 * @max_parts: at most this many parts; the last one keeps any further separators
 *
 * Returns: (transfer full) (element-type GBytes): @data cut at each
 *   %PYPREP_FUZZ_SEPARATOR, always at least one (maybe empty) part
 */
GPtrArray *
pyprep_fuzz_split (const uint8_t *data,
                   size_t         size,
                   guint          max_parts)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  const gsize sep_len = strlen (PYPREP_FUZZ_SEPARATOR);
  gsize start = 0;

  for (gsize i = 0; i + sep_len <= size && parts->len + 1 < max_parts; i++)
    if (memcmp (data + i, PYPREP_FUZZ_SEPARATOR, sep_len) == 0)
      {
        g_ptr_array_add (parts, g_bytes_new (data + start, i - start));
        start = i + sep_len;
        i = start - 1;
      }
  g_ptr_array_add (parts, g_bytes_new (data + start, size - start));

  return parts;
}

static void
remove_tree (const char *path,
             gboolean    keep_top)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child, FALSE);
      else
        g_unlink (child);
    }
  if (!keep_top)
    g_rmdir (path);
}

static void
remove_scratch (void)
{
  if (scratch != NULL)
    remove_tree (scratch, FALSE);
  g_clear_pointer (&scratch, g_free);
}

/**
 * pyprep_fuzz_scratch:
 *
 * Returns: the process's scratch folder, made on the first call
 */
const char *
pyprep_fuzz_scratch (void)
{
  if (scratch == NULL)
    {
      g_autoptr(GError) error = NULL;

      scratch = g_dir_make_tmp ("pyprep-fuzz-XXXXXX", &error);
      if (scratch == NULL)
        g_error ("cannot make a scratch folder: %s", error->message);
      atexit (remove_scratch);
    }
  return scratch;
}

/**
 * pyprep_fuzz_write:
 * @relative: a path under the scratch folder; its folders are made
 * @contents: the bytes to write
 */
void
pyprep_fuzz_write (const char *relative,
                   GBytes     *contents)
{
  g_autofree char *path = g_build_filename (pyprep_fuzz_scratch (), relative, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (contents, &length);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_error ("cannot make %s", dir);
  /* No fsync: the files live for one input, and speed is coverage. */
  if (!g_file_set_contents_full (path, data != NULL ? data : "", length,
                                 G_FILE_SET_CONTENTS_NONE, 0600, &error))
    g_error ("cannot write %s: %s", path, error->message);
}

/**
 * pyprep_fuzz_clear:
 *
 * Empties the scratch folder, so the next input sees no leftovers.
 */
void
pyprep_fuzz_clear (void)
{
  remove_tree (pyprep_fuzz_scratch (), TRUE);
}

/**
 * pyprep_fuzz_check_deck:
 * @deck: a #PyprepDeck just loaded
 *
 * Walks everything a deck exposes and aborts when something the UI relies
 * on does not hold: valid UTF-8 text, IDs that find their entry, problems
 * that say where.
 */
void
pyprep_fuzz_check_deck (gpointer deck)
{
  GListModel *topics = pyprep_deck_get_topics (deck);
  GPtrArray *problems = pyprep_deck_get_problems (deck);
  guint n_entries = 0;

  check_id ("deck", pyprep_deck_get_id (deck));
  check_text (pyprep_deck_get_title (deck));
  g_assert_nonnull (pyprep_deck_get_language (deck));
  g_assert_true (g_strv_contains (pyprep_deck_get_languages (deck), pyprep_deck_get_language (deck)));

  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, t);
      GListModel *entries = pyprep_topic_get_entries (topic);

      check_id ("topic", pyprep_topic_get_id (topic));
      check_text (pyprep_topic_get_title (topic));
      for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
        {
          g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, e);
          const PyprepCard *card = pyprep_entry_get_card (entry);

          n_entries++;
          g_assert_true (pyprep_deck_lookup_entry (deck, pyprep_entry_get_id (entry)) == entry);
          g_assert_nonnull (pyprep_entry_get_title (entry));
          check_text (pyprep_entry_get_title (entry));
          check_text (pyprep_entry_get_body (entry));
          g_assert_true (pyprep_entry_get_topic (entry) == topic);
          if (card != NULL)
            {
              check_text (card->prompt);
              check_text (card->answer);
            }
          for (guint q = 0; q < pyprep_entry_get_n_questions (entry); q++)
            {
              const PyprepQuestion *question = pyprep_entry_get_question (entry, q);

              check_text (question->question);
              g_assert_cmpuint (question->choices->len, >, 0);
            }
          for (guint l = 0; l < pyprep_entry_get_n_links (entry); l++)
            g_assert_nonnull (pyprep_entry_get_link (entry, l)->url);
        }
    }
  g_assert_cmpuint (n_entries, ==, pyprep_deck_get_n_entries (deck));

  for (guint i = 0; i < problems->len; i++)
    {
      GError *problem = g_ptr_array_index (problems, i);

      g_assert_true (problem->domain == PYPREP_DECK_ERROR);
      g_assert_nonnull (strchr (problem->message, ':'));
    }
}
