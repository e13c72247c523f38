/* pyprep-due-counts.c: how many cards are due now: in all, per deck and per topic.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A card is due when it has been answered (it is in learning, review or
 * relearning) and its due time has come; new cards are never due. The
 * counts cover every card of every open deck, decks left out of reviews
 * included: callers that honour those sum the decks they want.
 *
 * Counting reads every card's state (some 25 ms on a 10,000-entry deck),
 * so it happens only when the caller asks, through
 * pyprep_due_counts_update(); the caller decides when that is worth it
 * (after answers, on a timer for learning cards that fall due).
 */
#include "config.h"

#include "pyprep-due-counts.h"
#include "pyprep-review.h"

struct _PyprepDueCounts
{
  GObject parent_instance;

  /* owned */
  PyprepLibrary *library;
  PyprepStore *store;
  GHashTable *by_deck;    /* PyprepDeck (ref) -> count */
  GHashTable *by_topic;   /* PyprepTopic (ref) -> count */

  /* state */
  guint total;
};

G_DEFINE_FINAL_TYPE (PyprepDueCounts, pyprep_due_counts, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_STORE,
  PROP_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GHashTable *
new_counts (void)
{
  return g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);
}

static void
add_one (GHashTable *counts,
         gpointer    key)
{
  gpointer value;

  if (key == NULL)
    return;
  if (g_hash_table_lookup_extended (counts, key, NULL, &value))
    g_hash_table_insert (counts, g_object_ref (key), GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + 1));
  else
    g_hash_table_insert (counts, g_object_ref (key), GUINT_TO_POINTER (1));
}

static gboolean
same_counts (GHashTable *a,
             GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_hash_table_lookup (b, key) != value)
      return FALSE;
  return TRUE;
}

static void
pyprep_due_counts_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PyprepDueCounts *self = PYPREP_DUE_COUNTS (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_due_counts_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PyprepDueCounts *self = PYPREP_DUE_COUNTS (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_due_counts_dispose (GObject *object)
{
  PyprepDueCounts *self = PYPREP_DUE_COUNTS (object);

  g_clear_object (&self->library);
  g_clear_object (&self->store);
  g_clear_pointer (&self->by_deck, g_hash_table_unref);
  g_clear_pointer (&self->by_topic, g_hash_table_unref);

  G_OBJECT_CLASS (pyprep_due_counts_parent_class)->dispose (object);
}

static void
pyprep_due_counts_class_init (PyprepDueCountsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pyprep_due_counts_get_property;
  object_class->set_property = pyprep_due_counts_set_property;
  object_class->dispose = pyprep_due_counts_dispose;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PYPREP_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PYPREP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * PyprepDueCounts:total:
   * Cards due now in every open deck, as of the last update.
   */
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PyprepDueCounts::changed:
   * An update changed a count: the total, a deck's or a topic's.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pyprep_due_counts_init (PyprepDueCounts *self)
{
  self->by_deck = new_counts ();
  self->by_topic = new_counts ();
}

/**
 * pyprep_due_counts_new:
 * @library: the open decks
 * @store: the user data holding the cards' states
 *
 * Returns: (transfer full): counts, all zero until the first
 *   pyprep_due_counts_update()
 */
PyprepDueCounts *
pyprep_due_counts_new (PyprepLibrary *library,
                       PyprepStore   *store)
{
  g_return_val_if_fail (PYPREP_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (PYPREP_IS_STORE (store), NULL);

  return g_object_new (PYPREP_TYPE_DUE_COUNTS, "library", library, "store", store, NULL);
}

PyprepLibrary *
pyprep_due_counts_get_library (PyprepDueCounts *self)
{
  g_return_val_if_fail (PYPREP_IS_DUE_COUNTS (self), NULL);
  return self->library;
}

PyprepStore *
pyprep_due_counts_get_store (PyprepDueCounts *self)
{
  g_return_val_if_fail (PYPREP_IS_DUE_COUNTS (self), NULL);
  return self->store;
}

/**
 * pyprep_due_counts_update:
 *
 * Counts again, at the store's current time (pyprep_store_now()). Emits
 * #PyprepDueCounts::changed when a count changed, after the new counts
 * are in place.
 */
void
pyprep_due_counts_update (PyprepDueCounts *self)
{
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GHashTable) by_deck = new_counts ();
  g_autoptr(GHashTable) by_topic = new_counts ();
  gint64 now;
  guint total = 0;
  gboolean changed;

  g_return_if_fail (PYPREP_IS_DUE_COUNTS (self));

  now = pyprep_store_now (self->store);
  entries = pyprep_review_collect_entries (pyprep_library_get_decks (self->library));
  cards = pyprep_review_collect_cards (entries, self->store);
  for (guint i = 0; i < cards->len; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (cards, i);
      PyprepCardMemory memory;

      pyprep_review_load_memory (self->store, ref->card_id, now, &memory);
      if (memory.state == PYPREP_CARD_STATE_NEW || memory.due > now)
        continue;
      total++;
      add_one (by_topic, ref->topic);
      add_one (by_deck, ref->topic != NULL ? pyprep_topic_get_deck (ref->topic) : NULL);
    }

  changed = total != self->total || !same_counts (by_deck, self->by_deck)
            || !same_counts (by_topic, self->by_topic);
  g_hash_table_unref (self->by_deck);
  self->by_deck = g_steal_pointer (&by_deck);
  g_hash_table_unref (self->by_topic);
  self->by_topic = g_steal_pointer (&by_topic);
  if (total != self->total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }
  if (changed)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/**
 * pyprep_due_counts_get_total:
 *
 * Returns: the cards due in every open deck, as of the last update
 */
guint
pyprep_due_counts_get_total (PyprepDueCounts *self)
{
  g_return_val_if_fail (PYPREP_IS_DUE_COUNTS (self), 0);
  return self->total;
}

/**
 * pyprep_due_counts_get_for_deck:
 * @deck: a deck
 *
 * Returns: the cards of @deck due as of the last update; 0 for a deck
 *   that was not open then
 */
guint
pyprep_due_counts_get_for_deck (PyprepDueCounts *self,
                                PyprepDeck      *deck)
{
  g_return_val_if_fail (PYPREP_IS_DUE_COUNTS (self), 0);
  g_return_val_if_fail (PYPREP_IS_DECK (deck), 0);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->by_deck, deck));
}

/**
 * pyprep_due_counts_get_for_topic:
 * @topic: a topic
 *
 * Returns: the cards of @topic due as of the last update; 0 for a topic
 *   that was not open then
 */
guint
pyprep_due_counts_get_for_topic (PyprepDueCounts *self,
                                 PyprepTopic     *topic)
{
  g_return_val_if_fail (PYPREP_IS_DUE_COUNTS (self), 0);
  g_return_val_if_fail (PYPREP_IS_TOPIC (topic), 0);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->by_topic, topic));
}
