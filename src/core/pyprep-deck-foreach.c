/* pyprep-deck-foreach.c: the one walk over decks, topics and entries.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-deck.h"

/**
 * pyprep_deck_foreach_entry:
 * @self: a #PyprepDeck
 * @func: (scope call): called for each entry, in topic and entry order
 * @user_data: data for @func
 *
 * Calls @func for every entry of @self until it returns %TRUE.
 *
 * Returns: (transfer none) (nullable): the entry at which @func stopped,
 *   kept alive by @self, or %NULL if it never did
 */
PyprepEntry *
pyprep_deck_foreach_entry (PyprepDeck      *self,
                           PyprepEntryFunc  func,
                           gpointer         user_data)
{
  GListModel *topics;

  g_return_val_if_fail (PYPREP_IS_DECK (self), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  topics = pyprep_deck_get_topics (self);
  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, t);
      GListModel *entries = pyprep_topic_get_entries (topic);

      for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
        {
          g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, e);

          /* The topic holds a reference, so the borrowed pointer stays valid. */
          if (func (topic, entry, user_data))
            return entry;
        }
    }

  return NULL;
}

/**
 * pyprep_decks_foreach_entry:
 * @decks: (element-type PyprepDeck): decks, for example a library's
 * @func: (scope call): called for each entry, in deck, topic and entry order
 * @user_data: data for @func
 *
 * Calls @func for every entry of every deck of @decks until it returns
 * %TRUE.
 *
 * Returns: (transfer none) (nullable): the entry at which @func stopped,
 *   or %NULL if it never did
 */
PyprepEntry *
pyprep_decks_foreach_entry (GListModel      *decks,
                            PyprepEntryFunc  func,
                            gpointer         user_data)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (decks), NULL);

  for (guint d = 0; d < g_list_model_get_n_items (decks); d++)
    {
      g_autoptr(PyprepDeck) deck = g_list_model_get_item (decks, d);
      PyprepEntry *found = pyprep_deck_foreach_entry (deck, func, user_data);

      if (found != NULL)
        return found;
    }

  return NULL;
}
