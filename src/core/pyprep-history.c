/* pyprep-history.c: the entries read before and after, for back and forward.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two stacks of places, a place being an entry ID and how far down its page
 * the reader was, so that Back returns to where the user left the entry
 * (where they clicked a link, for example), not to its top.
 */
#include "config.h"

#include "pyprep-history.h"

typedef struct
{
  char *entry_id;
  double scroll;
} Place;

struct _PyprepHistory
{
  GObject parent_instance;

  /* owned: Place, the most recent last */
  GArray *back;
  GArray *forward;
};

G_DEFINE_FINAL_TYPE (PyprepHistory, pyprep_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
place_clear (gpointer data)
{
  Place *place = data;

  g_clear_pointer (&place->entry_id, g_free);
}

static void
push (GArray     *stack,
      const char *entry_id,
      double      scroll)
{
  Place place = { g_strdup (entry_id), CLAMP (scroll, 0.0, 1.0) };

  g_array_append_val (stack, place);
}

static void
notify_both (PyprepHistory *self,
             gboolean       could_go_back,
             gboolean       could_go_forward)
{
  if (could_go_back != (self->back->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  if (could_go_forward != (self->forward->len > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_FORWARD]);
}

/* Takes the most recent place of @from that @filter accepts, dropping the
 * ones it refuses, and leaves the current place on @to. */
static gboolean
step (PyprepHistory        *self,
      GArray               *from,
      GArray               *to,
      const char           *current_id,
      double                current_scroll,
      PyprepHistoryFilter   filter,
      gpointer              user_data,
      char                **entry_id,
      double               *scroll)
{
  gboolean could_go_back = self->back->len > 0;
  gboolean could_go_forward = self->forward->len > 0;
  gboolean found = FALSE;

  while (from->len > 0 && !found)
    {
      Place *place = &g_array_index (from, Place, from->len - 1);

      if (filter == NULL || filter (place->entry_id, user_data))
        {
          found = TRUE;
          if (entry_id != NULL)
            *entry_id = g_steal_pointer (&place->entry_id);
          if (scroll != NULL)
            *scroll = place->scroll;
        }
      g_array_set_size (from, from->len - 1);
    }

  if (found && current_id != NULL)
    push (to, current_id, current_scroll);
  notify_both (self, could_go_back, could_go_forward);

  return found;
}

static void
pyprep_history_finalize (GObject *object)
{
  PyprepHistory *self = PYPREP_HISTORY (object);

  g_clear_pointer (&self->back, g_array_unref);
  g_clear_pointer (&self->forward, g_array_unref);

  G_OBJECT_CLASS (pyprep_history_parent_class)->finalize (object);
}

static void
pyprep_history_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PyprepHistory *self = PYPREP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, pyprep_history_get_can_go_back (self));
      break;
    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, pyprep_history_get_can_go_forward (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_history_class_init (PyprepHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pyprep_history_finalize;
  object_class->get_property = pyprep_history_get_property;

  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pyprep_history_init (PyprepHistory *self)
{
  self->back = g_array_new (FALSE, FALSE, sizeof (Place));
  self->forward = g_array_new (FALSE, FALSE, sizeof (Place));
  g_array_set_clear_func (self->back, place_clear);
  g_array_set_clear_func (self->forward, place_clear);
}

PyprepHistory *
pyprep_history_new (void)
{
  return g_object_new (PYPREP_TYPE_HISTORY, NULL);
}

/**
 * pyprep_history_visit:
 * @left_id: the entry being left for another
 * @left_scroll: how far down its page the reader was, from 0 to 1
 *
 * Remembers the place left, for pyprep_history_go_back(), and forgets the
 * places ahead, as a browser does when a new page is opened.
 */
void
pyprep_history_visit (PyprepHistory *self,
                      const char    *left_id,
                      double         left_scroll)
{
  gboolean could_go_back, could_go_forward;

  g_return_if_fail (PYPREP_IS_HISTORY (self));
  g_return_if_fail (left_id != NULL);

  could_go_back = self->back->len > 0;
  could_go_forward = self->forward->len > 0;
  push (self->back, left_id, left_scroll);
  g_array_set_size (self->forward, 0);
  notify_both (self, could_go_back, could_go_forward);
}

/**
 * pyprep_history_go_back:
 * @current_id: (nullable): the entry shown, remembered for going forward
 * @current_scroll: how far down its page the reader is
 * @filter: (scope call) (nullable): which entries can still be shown
 * @entry_id: (out) (optional) (transfer full): the entry to show
 * @scroll: (out) (optional): where to scroll to in it
 *
 * Returns: %TRUE when there was a place to go back to
 */
gboolean
pyprep_history_go_back (PyprepHistory        *self,
                        const char           *current_id,
                        double                current_scroll,
                        PyprepHistoryFilter   filter,
                        gpointer              user_data,
                        char                **entry_id,
                        double               *scroll)
{
  g_return_val_if_fail (PYPREP_IS_HISTORY (self), FALSE);
  return step (self, self->back, self->forward, current_id, current_scroll,
               filter, user_data, entry_id, scroll);
}

/**
 * pyprep_history_go_forward:
 *
 * Like pyprep_history_go_back(), the other way.
 *
 * Returns: %TRUE when there was a place to go forward to
 */
gboolean
pyprep_history_go_forward (PyprepHistory        *self,
                           const char           *current_id,
                           double                current_scroll,
                           PyprepHistoryFilter   filter,
                           gpointer              user_data,
                           char                **entry_id,
                           double               *scroll)
{
  g_return_val_if_fail (PYPREP_IS_HISTORY (self), FALSE);
  return step (self, self->forward, self->back, current_id, current_scroll,
               filter, user_data, entry_id, scroll);
}

gboolean
pyprep_history_get_can_go_back (PyprepHistory *self)
{
  g_return_val_if_fail (PYPREP_IS_HISTORY (self), FALSE);
  return self->back->len > 0;
}

gboolean
pyprep_history_get_can_go_forward (PyprepHistory *self)
{
  g_return_val_if_fail (PYPREP_IS_HISTORY (self), FALSE);
  return self->forward->len > 0;
}
