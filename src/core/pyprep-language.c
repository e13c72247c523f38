/* pyprep-language.c: picks the language a deck is shown in.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pyprep-language.h"

/**
 * pyprep_pick_language:
 * @available: the deck's languages, in the author's order
 * @wanted: (nullable): the user's languages, best first, as from
 *   g_get_language_names()
 *
 * Returns: (transfer full): the best language of @available for @wanted:
 *   an exact match, else one with the same language part ("zh" for
 *   "zh_TW"), else English, else the first available one
 */
char *
pyprep_pick_language (const char * const *available,
                      const char * const *wanted)
{
  g_return_val_if_fail (available != NULL && available[0] != NULL, NULL);

  for (guint i = 0; wanted != NULL && wanted[i] != NULL; i++)
    {
      /* "zh_CN.UTF-8" and "zh_CN@variant" compare as "zh_CN". */
      g_autofree char *plain = g_strndup (wanted[i], strcspn (wanted[i], ".@"));

      if (g_strv_contains (available, plain))
        return g_strdup (plain);
    }

  for (guint i = 0; wanted != NULL && wanted[i] != NULL; i++)
    {
      g_autofree char *lang = g_strndup (wanted[i], strcspn (wanted[i], "_.@"));

      if (g_str_equal (lang, "C") || g_str_equal (lang, "POSIX"))
        continue;
      for (guint j = 0; available[j] != NULL; j++)
        {
          if (strncmp (available[j], lang, strlen (lang)) == 0
              && (available[j][strlen (lang)] == '\0' || available[j][strlen (lang)] == '_'))
            return g_strdup (available[j]);
        }
    }

  if (g_strv_contains (available, "en"))
    return g_strdup ("en");

  return g_strdup (available[0]);
}
