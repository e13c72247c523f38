/* pyprep-topic.c: a topic of a deck and its entries.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-entry-private.h"
#include "pyprep-topic-private.h"

struct _PyprepTopic
{
  GObject parent_instance;

  /* owned */
  char *id;
  char *title;
  char *file;
  char *group;
  char *group_title;
  GListStore *entries;

  /* borrowed: the deck owns its topics */
  PyprepDeck *deck;
};

G_DEFINE_FINAL_TYPE (PyprepTopic, pyprep_topic, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pyprep_topic_dispose (GObject *object)
{
  PyprepTopic *self = PYPREP_TOPIC (object);

  g_clear_object (&self->entries);

  G_OBJECT_CLASS (pyprep_topic_parent_class)->dispose (object);
}

static void
pyprep_topic_finalize (GObject *object)
{
  PyprepTopic *self = PYPREP_TOPIC (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->file);
  g_free (self->group);
  g_free (self->group_title);

  G_OBJECT_CLASS (pyprep_topic_parent_class)->finalize (object);
}

static void
pyprep_topic_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PyprepTopic *self = PYPREP_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_topic_class_init (PyprepTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pyprep_topic_dispose;
  object_class->finalize = pyprep_topic_finalize;
  object_class->get_property = pyprep_topic_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pyprep_topic_init (PyprepTopic *self)
{
  self->entries = g_list_store_new (PYPREP_TYPE_ENTRY);
}

PyprepTopic *
pyprep_topic_new (const char *id,
                  const char *file)
{
  PyprepTopic *self = g_object_new (PYPREP_TYPE_TOPIC, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (id);
  self->file = g_strdup (file);

  return self;
}

void
pyprep_topic_set_title (PyprepTopic *self,
                        const char  *title)
{
  g_return_if_fail (PYPREP_IS_TOPIC (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
pyprep_topic_add_entry (PyprepTopic *self,
                        PyprepEntry *entry)
{
  g_return_if_fail (PYPREP_IS_TOPIC (self));
  g_return_if_fail (PYPREP_IS_ENTRY (entry));

  pyprep_entry_set_topic (entry, self);
  g_list_store_append (self->entries, entry);
}

void
pyprep_topic_set_group (PyprepTopic *self,
                        const char  *group,
                        const char  *group_title)
{
  g_return_if_fail (PYPREP_IS_TOPIC (self));

  g_free (self->group);
  g_free (self->group_title);
  self->group = group != NULL && *group != '\0' ? g_strdup (group) : NULL;
  self->group_title = self->group != NULL ? g_strdup (group_title) : NULL;
}

void
pyprep_topic_set_deck (PyprepTopic *self,
                       PyprepDeck  *deck)
{
  g_return_if_fail (PYPREP_IS_TOPIC (self));

  self->deck = deck;
}

/**
 * pyprep_topic_get_id:
 *
 * Returns: the topic's ID, unique within its deck
 */
const char *
pyprep_topic_get_id (PyprepTopic *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC (self), NULL);
  return self->id;
}

/**
 * pyprep_topic_get_title:
 *
 * Returns: the title from the topic file's level-one heading, or the ID
 */
const char *
pyprep_topic_get_title (PyprepTopic *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC (self), NULL);
  return self->title;
}

/**
 * pyprep_topic_get_file:
 *
 * Returns: the topic's Markdown file, relative to the deck folder
 */
const char *
pyprep_topic_get_file (PyprepTopic *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC (self), NULL);
  return self->file;
}

/**
 * pyprep_topic_get_deck:
 *
 * Returns: (transfer none) (nullable): the deck holding the topic
 */
PyprepDeck *
pyprep_topic_get_deck (PyprepTopic *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC (self), NULL);
  return self->deck;
}

/**
 * pyprep_topic_get_group:
 *
 * A folder of notes may hold subfolders; each subfolder is a group of
 * topics. Groups nest as their paths do ("os" holds "os/memory").
 *
 * Returns: (nullable): the subfolder the topic's file is in, relative to
 *   the deck folder with "/" between names, or %NULL for the deck folder
 *   itself and for decks with a manifest
 */
const char *
pyprep_topic_get_group (PyprepTopic *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC (self), NULL);
  return self->group;
}

/**
 * pyprep_topic_get_group_title:
 *
 * Returns: (nullable): the title of the topic's group: the title of the
 *   subfolder's README, else the subfolder's name; %NULL without a group
 */
const char *
pyprep_topic_get_group_title (PyprepTopic *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC (self), NULL);
  return self->group_title;
}

/**
 * pyprep_topic_get_entries:
 *
 * Returns: (transfer none): a #GListModel of #PyprepEntry in file order
 */
GListModel *
pyprep_topic_get_entries (PyprepTopic *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC (self), NULL);
  return G_LIST_MODEL (self->entries);
}
