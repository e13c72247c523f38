/* pyprep-topic-header.c: a topic's heading in the sidebar: its group, its title, how many of its cards are due and its readiness.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pyprep-topic-header.h"

struct _PyprepTopicHeader
{
  GtkWidget parent_instance;

  /* template children */
  GtkLabel *group_label;
  GtkWidget *title_box;
  GtkLabel *title_label;
  GtkLabel *due_label;
  GtkLabel *readiness_label;

  /* owned */
  PyprepTopic *topic;
  PyprepLibrary *library;
  PyprepDueCounts *due_counts;
  PyprepReadiness *readiness;

  /* state */
  gboolean show_group;
};

G_DEFINE_FINAL_TYPE (PyprepTopicHeader, pyprep_topic_header, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TOPIC,
  PROP_LIBRARY,
  PROP_SHOW_GROUP,
  PROP_DUE_COUNTS,
  PROP_READINESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (PyprepTopicHeader *self)
{
  g_autofree char *title = NULL;

  if (self->topic != NULL)
    title = pyprep_topic_header_dup_title (self->library, self->topic);
  gtk_label_set_label (self->title_label, title);
}

/* Appends the title the group @group (its first @length bytes) has in
 * @deck: that of a topic in it, else the folder's name. */
static void
append_group_title (GString    *path,
                    PyprepDeck *deck,
                    const char *group,
                    gsize       length)
{
  GListModel *topics = deck != NULL ? pyprep_deck_get_topics (deck) : NULL;
  const char *name;

  for (guint i = 0; topics != NULL && i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, i);
      const char *other = pyprep_topic_get_group (topic);

      if (other != NULL && strlen (other) == length && strncmp (other, group, length) == 0
          && pyprep_topic_get_group_title (topic) != NULL)
        {
          g_string_append (path, pyprep_topic_get_group_title (topic));
          return;
        }
    }
  name = g_strrstr_len (group, length, "/");
  name = name != NULL ? name + 1 : group;
  g_string_append_len (path, name, group + length - name);
}

static void
update_group (PyprepTopicHeader *self)
{
  const char *group = self->topic != NULL ? pyprep_topic_get_group (self->topic) : NULL;
  PyprepDeck *deck = self->topic != NULL ? pyprep_topic_get_deck (self->topic) : NULL;
  g_autoptr(GString) path = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->group_label), self->show_group && group != NULL);
  if (!self->show_group || group == NULL)
    return;

  /* A nested group is named with the groups holding it, as a path. */
  path = g_string_new (NULL);
  for (const char *slash = strchr (group, '/'); slash != NULL; slash = strchr (slash + 1, '/'))
    {
      append_group_title (path, deck, group, slash - group);
      g_string_append (path, " / ");
    }
  append_group_title (path, deck, group, strlen (group));
  gtk_label_set_label (self->group_label, path->str);
}

static void
update_due (PyprepTopicHeader *self)
{
  guint n_due = self->topic != NULL && self->due_counts != NULL
                ? pyprep_due_counts_get_for_topic (self->due_counts, self->topic) : 0;
  g_autofree char *text = NULL;

  if (n_due > 0)
    /* Translators: cards due for review in a topic, beside its name in the sidebar */
    text = g_strdup_printf (ngettext ("%u due", "%u due", n_due), n_due);
  gtk_label_set_label (self->due_label, text != NULL ? text : "");
}

/* While an interview date is set: the topic's predicted recall on the day. */
static void
update_readiness (PyprepTopicHeader *self)
{
  double readiness = self->topic != NULL && self->readiness != NULL
                     ? pyprep_readiness_get_for_topic (self->readiness, self->topic) : -1;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->readiness_label), readiness >= 0);
  if (readiness < 0)
    return;
  /* Translators: a topic's readiness for the interview, beside its name in the sidebar */
  text = g_strdup_printf (_("%.0f%%"), floor (readiness * 100));
  /* Translators: what a topic's readiness in the sidebar means; %s is like "87%" */
  description = g_strdup_printf (_("Predicted recall on the interview day: %s"), text);
  gtk_label_set_label (self->readiness_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->readiness_label), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->readiness_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
pyprep_topic_header_dispose (GObject *object)
{
  PyprepTopicHeader *self = PYPREP_TOPIC_HEADER (object);

  pyprep_topic_header_set_topic (self, NULL);
  pyprep_topic_header_set_library (self, NULL);
  pyprep_topic_header_set_due_counts (self, NULL);
  pyprep_topic_header_set_readiness (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_TOPIC_HEADER);

  G_OBJECT_CLASS (pyprep_topic_header_parent_class)->dispose (object);
}

static void
pyprep_topic_header_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PyprepTopicHeader *self = PYPREP_TOPIC_HEADER (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      g_value_set_object (value, self->topic);
      break;
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_SHOW_GROUP:
      g_value_set_boolean (value, self->show_group);
      break;
    case PROP_DUE_COUNTS:
      g_value_set_object (value, self->due_counts);
      break;
    case PROP_READINESS:
      g_value_set_object (value, self->readiness);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_topic_header_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PyprepTopicHeader *self = PYPREP_TOPIC_HEADER (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      pyprep_topic_header_set_topic (self, g_value_get_object (value));
      break;
    case PROP_LIBRARY:
      pyprep_topic_header_set_library (self, g_value_get_object (value));
      break;
    case PROP_SHOW_GROUP:
      pyprep_topic_header_set_show_group (self, g_value_get_boolean (value));
      break;
    case PROP_DUE_COUNTS:
      pyprep_topic_header_set_due_counts (self, g_value_get_object (value));
      break;
    case PROP_READINESS:
      pyprep_topic_header_set_readiness (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_topic_header_class_init (PyprepTopicHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_topic_header_dispose;
  object_class->get_property = pyprep_topic_header_get_property;
  object_class->set_property = pyprep_topic_header_set_property;

  properties[PROP_TOPIC] =
    g_param_spec_object ("topic", NULL, NULL, PYPREP_TYPE_TOPIC,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PyprepTopicHeader:library:
   *
   * The open decks: with several, the title names the topic's deck too.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PYPREP_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PyprepTopicHeader:show-group:
   *
   * Whether the topic's group (its subfolder) is named above it: the
   * sidebar sets it on the first topic listed of each group.
   */
  properties[PROP_SHOW_GROUP] =
    g_param_spec_boolean ("show-group", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PyprepTopicHeader:due-counts:
   *
   * Where the topic's count of cards due comes from.
   */
  properties[PROP_DUE_COUNTS] =
    g_param_spec_object ("due-counts", NULL, NULL, PYPREP_TYPE_DUE_COUNTS,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * PyprepTopicHeader:readiness:
   *
   * Where the topic's readiness for the interview date comes from.
   */
  properties[PROP_READINESS] =
    g_param_spec_object ("readiness", NULL, NULL, PYPREP_TYPE_READINESS,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/Pyprep/ui/pyprep-topic-header.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepTopicHeader, group_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepTopicHeader, title_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepTopicHeader, title_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepTopicHeader, due_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepTopicHeader, readiness_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
pyprep_topic_header_init (PyprepTopicHeader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

/**
 * pyprep_topic_header_get_topic:
 *
 * Returns: (transfer none) (nullable): the topic headed
 */
PyprepTopic *
pyprep_topic_header_get_topic (PyprepTopicHeader *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC_HEADER (self), NULL);
  return self->topic;
}

void
pyprep_topic_header_set_topic (PyprepTopicHeader *self,
                               PyprepTopic       *topic)
{
  g_return_if_fail (PYPREP_IS_TOPIC_HEADER (self));
  g_return_if_fail (topic == NULL || PYPREP_IS_TOPIC (topic));

  if (self->topic == topic)
    return;
  if (self->topic != NULL)
    g_signal_handlers_disconnect_by_data (self->topic, self);
  g_set_object (&self->topic, topic);
  if (topic != NULL)
    {
      g_signal_connect_swapped (topic, "notify::title", G_CALLBACK (update_title), self);
    }
  update_group (self);
  update_title (self);
  update_due (self);
  update_readiness (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
}

/**
 * pyprep_topic_header_get_library:
 *
 * Returns: (transfer none) (nullable): the open decks
 */
PyprepLibrary *
pyprep_topic_header_get_library (PyprepTopicHeader *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC_HEADER (self), NULL);
  return self->library;
}

void
pyprep_topic_header_set_library (PyprepTopicHeader *self,
                                 PyprepLibrary     *library)
{
  g_return_if_fail (PYPREP_IS_TOPIC_HEADER (self));
  g_return_if_fail (library == NULL || PYPREP_IS_LIBRARY (library));

  if (self->library == library)
    return;
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (pyprep_library_get_decks (self->library), self);
  g_set_object (&self->library, library);
  if (library != NULL)
    g_signal_connect_swapped (pyprep_library_get_decks (library), "items-changed",
                              G_CALLBACK (update_title), self);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

gboolean
pyprep_topic_header_get_show_group (PyprepTopicHeader *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC_HEADER (self), FALSE);
  return self->show_group;
}

/**
 * pyprep_topic_header_set_show_group:
 * @show_group: whether to name the topic's group above it
 *
 * A topic of the notes folder's top level has no group to name.
 */
void
pyprep_topic_header_set_show_group (PyprepTopicHeader *self,
                                    gboolean           show_group)
{
  g_return_if_fail (PYPREP_IS_TOPIC_HEADER (self));

  show_group = !!show_group;
  if (self->show_group == show_group)
    return;
  self->show_group = show_group;
  update_group (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_GROUP]);
}

/**
 * pyprep_topic_header_get_due_counts:
 *
 * Returns: (transfer none) (nullable): the counts of cards due shown
 */
PyprepDueCounts *
pyprep_topic_header_get_due_counts (PyprepTopicHeader *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC_HEADER (self), NULL);
  return self->due_counts;
}

void
pyprep_topic_header_set_due_counts (PyprepTopicHeader *self,
                                    PyprepDueCounts   *due_counts)
{
  g_return_if_fail (PYPREP_IS_TOPIC_HEADER (self));
  g_return_if_fail (due_counts == NULL || PYPREP_IS_DUE_COUNTS (due_counts));

  if (self->due_counts == due_counts)
    return;
  if (self->due_counts != NULL)
    g_signal_handlers_disconnect_by_data (self->due_counts, self);
  g_set_object (&self->due_counts, due_counts);
  if (due_counts != NULL)
    g_signal_connect_swapped (due_counts, "changed", G_CALLBACK (update_due), self);
  update_due (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_COUNTS]);
}

/**
 * pyprep_topic_header_get_readiness:
 *
 * Returns: (transfer none) (nullable): the readiness shown
 */
PyprepReadiness *
pyprep_topic_header_get_readiness (PyprepTopicHeader *self)
{
  g_return_val_if_fail (PYPREP_IS_TOPIC_HEADER (self), NULL);
  return self->readiness;
}

void
pyprep_topic_header_set_readiness (PyprepTopicHeader *self,
                                   PyprepReadiness   *readiness)
{
  g_return_if_fail (PYPREP_IS_TOPIC_HEADER (self));

  if (!pyprep_readiness_follow (&self->readiness, readiness, G_CALLBACK (update_readiness), self))
    return;
  update_readiness (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READINESS]);
}

/**
 * pyprep_topic_header_dup_title:
 * @library: (nullable): the open decks
 * @topic: a topic of one of them
 *
 * Returns: (transfer full): @topic's title, after its deck's when
 *   @library has several decks, as in "Deck · Topic"
 */
char *
pyprep_topic_header_dup_title (PyprepLibrary *library,
                               PyprepTopic   *topic)
{
  PyprepDeck *deck;

  g_return_val_if_fail (library == NULL || PYPREP_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (PYPREP_IS_TOPIC (topic), NULL);

  deck = pyprep_topic_get_deck (topic);
  if (library != NULL && deck != NULL && g_list_model_get_n_items (pyprep_library_get_decks (library)) > 1)
    return g_strdup_printf ("%s · %s", pyprep_deck_get_title (deck), pyprep_topic_get_title (topic));
  return g_strdup (pyprep_topic_get_title (topic));
}
