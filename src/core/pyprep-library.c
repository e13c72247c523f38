/* pyprep-library.c: every open deck.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-library.h"

struct _PyprepLibrary
{
  GObject parent_instance;

  /* owned */
  GListStore *decks;
};

G_DEFINE_FINAL_TYPE (PyprepLibrary, pyprep_library, G_TYPE_OBJECT)

static void
pyprep_library_dispose (GObject *object)
{
  PyprepLibrary *self = PYPREP_LIBRARY (object);

  g_clear_object (&self->decks);

  G_OBJECT_CLASS (pyprep_library_parent_class)->dispose (object);
}

static void
pyprep_library_class_init (PyprepLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pyprep_library_dispose;
}

static void
pyprep_library_init (PyprepLibrary *self)
{
  self->decks = g_list_store_new (PYPREP_TYPE_DECK);
}

PyprepLibrary *
pyprep_library_new (void)
{
  return g_object_new (PYPREP_TYPE_LIBRARY, NULL);
}

/**
 * pyprep_library_get_decks:
 *
 * Returns: (transfer none): a #GListModel of #PyprepDeck
 */
GListModel *
pyprep_library_get_decks (PyprepLibrary *self)
{
  g_return_val_if_fail (PYPREP_IS_LIBRARY (self), NULL);
  return G_LIST_MODEL (self->decks);
}

/**
 * pyprep_library_add_deck:
 *
 * Adds @deck, replacing an open deck with the same ID so that reloading a
 * deck keeps its place in the list.
 */
void
pyprep_library_add_deck (PyprepLibrary *self,
                         PyprepDeck    *deck)
{
  guint n;

  g_return_if_fail (PYPREP_IS_LIBRARY (self));
  g_return_if_fail (PYPREP_IS_DECK (deck));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->decks));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PyprepDeck) other = g_list_model_get_item (G_LIST_MODEL (self->decks), i);

      if (g_str_equal (pyprep_deck_get_id (other), pyprep_deck_get_id (deck)))
        {
          g_list_store_splice (self->decks, i, 1, (gpointer *) &deck, 1);
          return;
        }
    }

  g_list_store_append (self->decks, deck);
}

void
pyprep_library_remove_deck (PyprepLibrary *self,
                            PyprepDeck    *deck)
{
  guint position;

  g_return_if_fail (PYPREP_IS_LIBRARY (self));
  g_return_if_fail (PYPREP_IS_DECK (deck));

  if (g_list_store_find (self->decks, deck, &position))
    g_list_store_remove (self->decks, position);
}

/**
 * pyprep_library_lookup_entry:
 * @id: a full entry ID, `deck/topic/entry`
 *
 * Returns: (transfer none) (nullable): the entry, in whichever deck has it
 */
PyprepEntry *
pyprep_library_lookup_entry (PyprepLibrary *self,
                             const char    *id)
{
  guint n;

  g_return_val_if_fail (PYPREP_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->decks));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PyprepDeck) deck = g_list_model_get_item (G_LIST_MODEL (self->decks), i);
      PyprepEntry *entry = pyprep_deck_lookup_entry (deck, id);

      if (entry != NULL)
        return entry;
    }

  return NULL;
}

/**
 * pyprep_library_get_first_entry:
 *
 * Returns: (transfer none) (nullable): the first entry of the first topic
 *   that has one, in library order
 */
PyprepEntry *
pyprep_library_get_first_entry (PyprepLibrary *self)
{
  GListModel *decks;

  g_return_val_if_fail (PYPREP_IS_LIBRARY (self), NULL);

  decks = G_LIST_MODEL (self->decks);
  for (guint i = 0; i < g_list_model_get_n_items (decks); i++)
    {
      g_autoptr(PyprepDeck) deck = g_list_model_get_item (decks, i);
      GListModel *topics = pyprep_deck_get_topics (deck);

      for (guint j = 0; j < g_list_model_get_n_items (topics); j++)
        {
          g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, j);
          GListModel *entries = pyprep_topic_get_entries (topic);

          if (g_list_model_get_n_items (entries) > 0)
            {
              g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, 0);

              /* The deck holds a reference, so the borrowed pointer stays valid. */
              return entry;
            }
        }
    }

  return NULL;
}
