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
  GThread *preload;             /* pyprep_library_preload_deck()'s thread */
  GFile *preload_folder;
  GStrv preload_languages;
  PyprepDeck *preload_deck;     /* what it loaded, once joined */
  GError *preload_error;        /* or why it could not */

  /* state */
  guint n_loading;
};

G_DEFINE_FINAL_TYPE (PyprepLibrary, pyprep_library, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pyprep_library_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PyprepLibrary *self = PYPREP_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->n_loading > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clear_preload (PyprepLibrary *self)
{
  /* A thread not joined yet still works on these. */
  g_clear_pointer (&self->preload, g_thread_join);
  g_clear_object (&self->preload_folder);
  g_clear_pointer (&self->preload_languages, g_strfreev);
  g_clear_object (&self->preload_deck);
  g_clear_error (&self->preload_error);
}

static void
pyprep_library_dispose (GObject *object)
{
  PyprepLibrary *self = PYPREP_LIBRARY (object);

  clear_preload (self);
  g_clear_object (&self->decks);

  G_OBJECT_CLASS (pyprep_library_parent_class)->dispose (object);
}

static void
pyprep_library_class_init (PyprepLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pyprep_library_dispose;
  object_class->get_property = pyprep_library_get_property;

  /**
   * PyprepLibrary:loading:
   *
   * Whether a deck is being loaded.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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

static gboolean
stop_at_first (PyprepTopic *topic,
               PyprepEntry *entry,
               gpointer     user_data)
{
  return TRUE;
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
  g_return_val_if_fail (PYPREP_IS_LIBRARY (self), NULL);

  return pyprep_decks_foreach_entry (G_LIST_MODEL (self->decks), stop_at_first, NULL);
}

gboolean
pyprep_library_get_loading (PyprepLibrary *self)
{
  g_return_val_if_fail (PYPREP_IS_LIBRARY (self), FALSE);
  return self->n_loading > 0;
}

static void
set_loading (PyprepLibrary *self,
             gboolean       loading)
{
  if (loading)
    self->n_loading++;
  else
    self->n_loading--;
  if (self->n_loading == (loading ? 1 : 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
deck_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PyprepLibrary *self = g_task_get_source_object (task);
  g_autoptr(PyprepDeck) deck = NULL;
  GError *error = NULL;

  deck = pyprep_deck_load_finish (result, &error);
  if (deck != NULL)
    pyprep_library_add_deck (self, deck);

  set_loading (self, FALSE);

  if (deck == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&deck), g_object_unref);
}

/**
 * pyprep_library_load_deck_async:
 * @folder: the deck folder
 * @languages: (nullable): the user's languages, best first
 *
 * Loads a deck in a worker thread and adds it to the library; see
 * pyprep_deck_load(). #PyprepLibrary:loading is %TRUE meanwhile.
 */
void
pyprep_library_load_deck_async (PyprepLibrary       *self,
                                GFile               *folder,
                                const char * const  *languages,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PYPREP_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (folder));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pyprep_library_load_deck_async);

  set_loading (self, TRUE);

  pyprep_deck_load_async (folder, languages, cancellable, deck_loaded_cb, task);
}

/**
 * pyprep_library_load_deck_finish:
 *
 * Returns: (transfer full) (nullable): the deck, now in the library, or
 *   %NULL with @error set
 */
PyprepDeck *
pyprep_library_load_deck_finish (PyprepLibrary  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (PYPREP_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
preload_thread (gpointer data)
{
  PyprepLibrary *self = data;

  /* Only this thread touches the preload fields until it is joined. */
  self->preload_deck = pyprep_deck_load (self->preload_folder,
                                         (const char * const *) self->preload_languages,
                                         NULL, &self->preload_error);
  return NULL;
}

/**
 * pyprep_library_preload_deck:
 * @folder: the deck folder
 * @languages: (nullable): the user's languages, best first
 *
 * Starts loading a deck in a thread of its own, before the main loop runs
 * and while the window is built; pyprep_library_join_preload() takes it.
 * #PyprepLibrary:loading is %TRUE until then. One preload at a time.
 */
void
pyprep_library_preload_deck (PyprepLibrary      *self,
                             GFile              *folder,
                             const char * const *languages)
{
  g_return_if_fail (PYPREP_IS_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (self->preload == NULL);

  clear_preload (self);
  self->preload_folder = g_object_ref (folder);
  self->preload_languages = g_strdupv ((GStrv) languages);
  set_loading (self, TRUE);
  self->preload = g_thread_new ("pyprep-preload", preload_thread, self);
}

/**
 * pyprep_library_get_preloading:
 *
 * Returns: whether a deck from pyprep_library_preload_deck() waits to be joined
 */
gboolean
pyprep_library_get_preloading (PyprepLibrary *self)
{
  g_return_val_if_fail (PYPREP_IS_LIBRARY (self), FALSE);
  return self->preload != NULL;
}

/**
 * pyprep_library_join_preload:
 *
 * Waits for the deck pyprep_library_preload_deck() started (blocking only
 * while it is still being read) and adds it to the library.
 *
 * Returns: (transfer full) (nullable): the deck, now in the library, or
 *   %NULL with @error set
 */
PyprepDeck *
pyprep_library_join_preload (PyprepLibrary  *self,
                             GError        **error)
{
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PYPREP_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (self->preload != NULL, NULL);

  g_clear_pointer (&self->preload, g_thread_join);
  deck = g_steal_pointer (&self->preload_deck);
  failure = g_steal_pointer (&self->preload_error);
  clear_preload (self);
  if (deck != NULL)
    pyprep_library_add_deck (self, deck);
  set_loading (self, FALSE);

  if (deck == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return NULL;
    }
  return g_steal_pointer (&deck);
}
