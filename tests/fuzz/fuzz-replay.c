/* fuzz-replay.c: runs a fuzz target once on every file of its corpus, without libFuzzer.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked instead of libFuzzer when the build has no fuzzing, so the normal
 * test suite (any compiler) replays each corpus: the seeds, and every
 * input that once crashed a target. Prints TAP, one case per file.
 *
 * Usage: fuzz-TARGET FILE-OR-FOLDER...
 */
#include "config.h"

#include "fuzz-common.h"

#include <stdio.h>

static void
add_inputs (const char *path,
            GPtrArray  *inputs)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (inputs, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  names = g_ptr_array_new_with_free_func (g_free);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  /* Name order, so every run replays the same sequence. */
  g_ptr_array_sort_values (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    add_inputs (g_ptr_array_index (names, i), inputs);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    add_inputs (argv[i], inputs);

  if (inputs->len == 0)
    {
      printf ("1..0 # SKIP no corpus given\n");
      return 0;
    }

  printf ("1..%u\n", inputs->len);
  for (guint i = 0; i < inputs->len; i++)
    {
      const char *path = g_ptr_array_index (inputs, i);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          printf ("not ok %u - %s: %s\n", i + 1, path, error->message);
          continue;
        }
      /* A crash ends the program here, and the missing cases fail the test. */
      fflush (stdout);
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      printf ("ok %u - %s\n", i + 1, path);
    }

  return 0;
}
