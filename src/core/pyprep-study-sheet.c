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

typedef struct
{
  PyprepStore *store;
  GString     *out;
  GHashTable  *shown;
  PyprepTopic *topic;   /* whose heading was written last */
} Sheet;

static gboolean
add_entry_notes (PyprepTopic *topic,
                 PyprepEntry *entry,
                 gpointer     user_data)
{
  Sheet *sheet = user_data;
  g_autoptr(GPtrArray) annotations = pyprep_store_dup_annotations (sheet->store, pyprep_entry_get_id (entry));

  if (annotations->len == 0)
    return FALSE;
  if (sheet->topic != topic)
    {
      g_string_append_printf (sheet->out, "## %s\n\n", pyprep_topic_get_title (topic));
      sheet->topic = topic;
    }
  g_string_append_printf (sheet->out, "### %s\n\n", pyprep_entry_get_title (entry));
  append_annotations (sheet->out, annotations);
  g_hash_table_add (sheet->shown, (gpointer) pyprep_entry_get_id (entry));
  return FALSE;
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
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  Sheet sheet = { store, out, shown, NULL };
  g_autoptr(GPtrArray) all = pyprep_store_dup_annotations (store, NULL);
  gboolean other_heading = FALSE;

  g_return_val_if_fail (PYPREP_IS_STORE (store), NULL);
  g_return_val_if_fail (PYPREP_IS_LIBRARY (library), NULL);

  g_string_append_printf (out, "# %s\n\n", title);

  pyprep_decks_foreach_entry (pyprep_library_get_decks (library), add_entry_notes, &sheet);

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
