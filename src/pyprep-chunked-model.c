/* pyprep-chunked-model.c: a list model that takes on a long list's new items a chunk at a time.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a folder of 10,000 notes adds 10,000 entries to the sidebar at
 * once; every model after it (the filter, the selection, the list view)
 * would handle them in one main-loop step, several frames long. This model
 * passes its model's items on as a prefix that grows between frames
 * instead: the first items it has not passed on yet, a chunk at a time, in
 * an idle callback below GTK's drawing priority. Each chunk is sized so
 * that handling it takes a few milliseconds, measured as it goes.
 *
 * Items are always the model's own, in its order: the model's first
 * n_shown items. A change inside that prefix is passed on at once; a
 * change beyond it only moves the point the fill goes on to. Sections
 * (one per topic, from a flattened model) are passed on, cut at the prefix.
 */
#include "config.h"

#include "pyprep-chunked-model.h"

/* What one step aims to take, in microseconds: well inside a 16 ms frame. */
#define STEP_TARGET_US 4000
#define MIN_CHUNK 32
#define FIRST_CHUNK 256
#define MAX_CHUNK 8192

struct _PyprepChunkedModel
{
  GObject parent_instance;

  /* owned */
  GListModel *model;

  /* state */
  guint n_shown;      /* the model's first n_shown items are ours */
  guint chunk;        /* how many items the next step takes on */
  guint fill_source;
};

static void list_model_iface_init    (GListModelInterface      *iface);
static void section_model_iface_init (GtkSectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PyprepChunkedModel, pyprep_chunked_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SECTION_MODEL, section_model_iface_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *list)
{
  PyprepChunkedModel *self = PYPREP_CHUNKED_MODEL (list);

  return g_list_model_get_item_type (self->model);
}

static guint
get_n_items (GListModel *list)
{
  return PYPREP_CHUNKED_MODEL (list)->n_shown;
}

static gpointer
get_item (GListModel *list,
          guint       position)
{
  PyprepChunkedModel *self = PYPREP_CHUNKED_MODEL (list);

  if (position >= self->n_shown)
    return NULL;
  return g_list_model_get_item (self->model, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
get_section (GtkSectionModel *model,
             guint            position,
             guint           *out_start,
             guint           *out_end)
{
  PyprepChunkedModel *self = PYPREP_CHUNKED_MODEL (model);
  guint start = 0;
  guint end = g_list_model_get_n_items (self->model);

  if (position >= self->n_shown)
    {
      *out_start = self->n_shown;
      *out_end = G_MAXUINT;
      return;
    }
  if (GTK_IS_SECTION_MODEL (self->model))
    gtk_section_model_get_section (GTK_SECTION_MODEL (self->model), position, &start, &end);
  *out_start = start;
  *out_end = MIN (end, self->n_shown);
}

static void
section_model_iface_init (GtkSectionModelInterface *iface)
{
  iface->get_section = get_section;
}

/* One chunk more, then the next one sized by how long this one took. */
static gboolean
fill_cb (gpointer user_data)
{
  PyprepChunkedModel *self = user_data;
  guint n = g_list_model_get_n_items (self->model);
  gint64 started = g_get_monotonic_time ();
  gint64 took;
  guint position = self->n_shown;
  guint added = MIN (self->chunk, n - MIN (n, self->n_shown));

  if (added > 0)
    {
      self->n_shown += added;
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
      /* The last section grew: whoever shows its header looks again. */
      if (position > 0)
        gtk_section_model_sections_changed (GTK_SECTION_MODEL (self), position - 1, 1);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);

  took = g_get_monotonic_time () - started;
  if (took < STEP_TARGET_US / 2 && self->chunk < MAX_CHUNK)
    self->chunk *= 2;
  else if (took > STEP_TARGET_US && self->chunk > MIN_CHUNK)
    self->chunk /= 2;

  if (self->n_shown < g_list_model_get_n_items (self->model))
    return G_SOURCE_CONTINUE;
  self->fill_source = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule_fill (PyprepChunkedModel *self)
{
  if (self->fill_source != 0 || self->n_shown >= g_list_model_get_n_items (self->model))
    return;
  /* Below GTK's drawing (GDK_PRIORITY_REDRAW), so frames come between steps. */
  self->fill_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_cb, self, NULL);
}

static void
items_changed_cb (GListModel         *model,
                  guint               position,
                  guint               removed,
                  guint               added,
                  PyprepChunkedModel *self)
{
  guint shown_removed, shown_added;

  /* Beyond the prefix: the fill takes it on. */
  if (position >= self->n_shown)
    {
      schedule_fill (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
      return;
    }

  if (position + removed <= self->n_shown)
    {
      /* Inside the prefix: the items after the change stay shown, so the
       * new ones must be too. */
      shown_removed = removed;
      shown_added = added;
    }
  else
    {
      /* Across its end: the prefix ends with what is added, or its start. */
      shown_removed = self->n_shown - position;
      shown_added = MIN (added, self->chunk);
    }
  self->n_shown = self->n_shown - shown_removed + shown_added;
  g_list_model_items_changed (G_LIST_MODEL (self), position, shown_removed, shown_added);
  schedule_fill (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
pyprep_chunked_model_dispose (GObject *object)
{
  PyprepChunkedModel *self = PYPREP_CHUNKED_MODEL (object);

  g_clear_handle_id (&self->fill_source, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (pyprep_chunked_model_parent_class)->dispose (object);
}

static void
pyprep_chunked_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PyprepChunkedModel *self = PYPREP_CHUNKED_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_PENDING:
      g_value_set_uint (value, pyprep_chunked_model_get_pending (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_chunked_model_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PyprepChunkedModel *self = PYPREP_CHUNKED_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      self->model = g_value_dup_object (value);
      g_signal_connect (self->model, "items-changed", G_CALLBACK (items_changed_cb), self);
      /* What is there already: a first chunk at once, the rest to follow. */
      self->n_shown = MIN (self->chunk, g_list_model_get_n_items (self->model));
      schedule_fill (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_chunked_model_class_init (PyprepChunkedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pyprep_chunked_model_dispose;
  object_class->get_property = pyprep_chunked_model_get_property;
  object_class->set_property = pyprep_chunked_model_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * PyprepChunkedModel:pending:
   *
   * How many items of the model are still to be taken on.
   */
  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pyprep_chunked_model_init (PyprepChunkedModel *self)
{
  self->chunk = FIRST_CHUNK;
}

/**
 * pyprep_chunked_model_new:
 * @model: (transfer full): the list to pass on
 *
 * Returns: (transfer full): a model that shows @model's items, taking on
 *   many new ones a chunk at a time between frames
 */
PyprepChunkedModel *
pyprep_chunked_model_new (GListModel *model)
{
  PyprepChunkedModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (PYPREP_TYPE_CHUNKED_MODEL, "model", model, NULL);
  g_object_unref (model);
  return self;
}

/**
 * pyprep_chunked_model_get_model:
 *
 * Returns: (transfer none): the list passed on
 */
GListModel *
pyprep_chunked_model_get_model (PyprepChunkedModel *self)
{
  g_return_val_if_fail (PYPREP_IS_CHUNKED_MODEL (self), NULL);
  return self->model;
}

/**
 * pyprep_chunked_model_get_pending:
 *
 * Returns: how many of the model's items are not passed on yet
 */
guint
pyprep_chunked_model_get_pending (PyprepChunkedModel *self)
{
  guint n;

  g_return_val_if_fail (PYPREP_IS_CHUNKED_MODEL (self), 0);

  n = g_list_model_get_n_items (self->model);
  return n > self->n_shown ? n - self->n_shown : 0;
}
