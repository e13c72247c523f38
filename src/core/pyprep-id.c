/* pyprep-id.c: the IDs of decks, topics, entries and questions.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both the manifest loader and the parsers of notes need these, so they live
 * apart from either: nothing here calls back into the deck.
 */
#include "config.h"

#include <string.h>

#include "pyprep-id.h"

/**
 * pyprep_id_is_valid:
 * @id: (nullable): a deck, topic, entry or question ID
 *
 * IDs end up in URIs, file names of exported data and JSON keys, so they are
 * kept to a small, unambiguous alphabet: a-z, 0-9, "-" and "_", starting
 * with a letter or digit, at most 64 bytes.
 *
 * Returns: whether @id is a valid ID
 */
gboolean
pyprep_id_is_valid (const char *id)
{
  gsize n;

  if (id == NULL || *id == '\0')
    return FALSE;

  n = strlen (id);
  if (n > 64 || !g_ascii_isalnum (id[0]))
    return FALSE;

  for (gsize i = 0; i < n; i++)
    {
      char c = id[i];

      if (!(g_ascii_islower (c) || g_ascii_isdigit (c) || c == '-' || c == '_'))
        return FALSE;
    }

  return TRUE;
}

/**
 * pyprep_id_from_text:
 * @text: a name, a heading or a question, in any script
 *
 * Returns: (transfer full): a stable ID for @text: its ASCII letters and
 *   digits, lower-cased and joined by "-", followed by a short hash of the
 *   whole text when that drops anything (Chinese text, say)
 */
char *
pyprep_id_from_text (const char *text)
{
  GString *slug = g_string_new (NULL);
  gboolean lossy = FALSE;
  gboolean dash = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (g_ascii_isalnum (c))
        {
          gboolean separate = dash && slug->len > 0;

          /* The "-" joins two words only when the second one fits too:
           * past 40 bytes every word boundary used to add one, so a long
           * heading gave an ID over 64 bytes that no URI could name. */
          dash = FALSE;
          if (slug->len + separate < 40)
            {
              if (separate)
                g_string_append_c (slug, '-');
              g_string_append_c (slug, g_ascii_tolower (c));
            }
          else
            lossy = TRUE;
        }
      else
        {
          dash = TRUE;
          if ((guchar) c >= 0x80)
            lossy = TRUE;
        }
    }

  if (lossy || slug->len == 0)
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, text, -1);

      if (slug->len > 0)
        g_string_append_c (slug, '-');
      g_string_append_len (slug, hash, 8);
    }

  return g_string_free (slug, FALSE);
}
