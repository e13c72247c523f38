/* pyprep-study-sheet.c: every annotation as one Markdown study sheet, grouped by topic.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pyprep-study-sheet.h"

static void
append_annotations (GString   *out,
                    GPtrArray *annotations)
{
  for (guint i = 0; i < annotations->len; i++)
    {
      const PyprepAnnotation *annotation = g_ptr_array_index (annotations, i);

      if (annotation->quote != NULL)
        {
          g_auto(GStrv) lines = g_strsplit (annotation->quote, "\n", -1);

          for (guint l = 0; lines[l] != NULL; l++)
            g_string_append_printf (out, "> %s\n", lines[l]);
          g_string_append_c (out, '\n');
        }
      if (annotation->text != NULL && *annotation->text != '\0')
        g_string_append_printf (out, "%s\n\n", annotation->text);
    }
}

/**
 * pyprep_study_sheet_new:
 * @title: the sheet's heading
 *
 * Returns: (transfer full): Markdown with every annotation under its topic
 *   and entry, in deck order; annotations of entries no open deck has come
 *   last, under their IDs
 */
char *
pyprep_study_sheet_new (PyprepStore   *store,
                        PyprepLibrary *library,
                        const char    *title)
{
  GString *out = g_string_new (NULL);
  GListModel *decks = pyprep_library_get_decks (library);
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) all = pyprep_store_dup_annotations (store, NULL);
  gboolean other_heading = FALSE;

  g_return_val_if_fail (PYPREP_IS_STORE (store), NULL);
  g_return_val_if_fail (PYPREP_IS_LIBRARY (library), NULL);

  g_string_append_printf (out, "# %s\n\n", title);

  for (guint d = 0; d < g_list_model_get_n_items (decks); d++)
    {
      g_autoptr(PyprepDeck) deck = g_list_model_get_item (decks, d);
      GListModel *topics = pyprep_deck_get_topics (deck);

      for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
        {
          g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, t);
          GListModel *entries = pyprep_topic_get_entries (topic);
          gboolean topic_heading = FALSE;

          for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
            {
              g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, e);
              g_autoptr(GPtrArray) annotations = pyprep_store_dup_annotations (store, pyprep_entry_get_id (entry));

              if (annotations->len == 0)
                continue;
              if (!topic_heading)
                {
                  g_string_append_printf (out, "## %s\n\n", pyprep_topic_get_title (topic));
                  topic_heading = TRUE;
                }
              g_string_append_printf (out, "### %s\n\n", pyprep_entry_get_title (entry));
              append_annotations (out, annotations);
              g_hash_table_add (shown, (gpointer) pyprep_entry_get_id (entry));
            }
        }
    }

  /* Entries removed from their deck keep their notes, under their IDs. */
  for (guint i = 0; i < all->len; i++)
    {
      const PyprepAnnotation *annotation = g_ptr_array_index (all, i);
      g_autoptr(GPtrArray) annotations = NULL;

      if (g_hash_table_contains (shown, annotation->entry_id))
        continue;
      if (!other_heading)
        {
          g_string_append_printf (out, "## %s\n\n", _("Other Entries"));
          other_heading = TRUE;
        }
      g_string_append_printf (out, "### %s\n\n", annotation->entry_id);
      annotations = pyprep_store_dup_annotations (store, annotation->entry_id);
      append_annotations (out, annotations);
      g_hash_table_add (shown, annotation->entry_id);
    }

  return g_string_free (out, FALSE);
}
