/* pyprep-readiness.c: the interview status of the open decks, kept up to date for the pages that show it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar's topic headers, the review page and the progress page show
 * the same figures; one object computes them (pyprep-interview-status.c)
 * when told that cards, the decks or the interview changed, and says so
 * with ::changed.
 */
#include "config.h"

#include "pyprep-readiness.h"
#include "pyprep-review.h"
#include "pyprep-store-interview.h"

struct _PyprepReadiness
{
  GObject parent_instance;

  /* owned */
  PyprepLibrary *library;
  PyprepStore *store;
  PyprepInterviewStatus *status;

  /* state */
  PyprepFsrsParams params;
};

G_DEFINE_FINAL_TYPE (PyprepReadiness, pyprep_readiness, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pyprep_readiness_dispose (GObject *object)
{
  PyprepReadiness *self = PYPREP_READINESS (object);

  g_clear_object (&self->library);
  g_clear_object (&self->store);
  g_clear_pointer (&self->status, pyprep_interview_status_free);

  G_OBJECT_CLASS (pyprep_readiness_parent_class)->dispose (object);
}

static void
pyprep_readiness_class_init (PyprepReadinessClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pyprep_readiness_dispose;

  /**
   * PyprepReadiness::changed:
   *
   * The figures were computed anew.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pyprep_readiness_init (PyprepReadiness *self)
{
  pyprep_fsrs_params_init (&self->params);
}

/**
 * pyprep_readiness_new:
 * @library: the open decks
 * @store: the user data, with the interview and the card states
 *
 * Returns: (transfer full): the readiness, not computed yet
 */
PyprepReadiness *
pyprep_readiness_new (PyprepLibrary *library,
                      PyprepStore   *store)
{
  PyprepReadiness *self;

  g_return_val_if_fail (PYPREP_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (PYPREP_IS_STORE (store), NULL);

  self = g_object_new (PYPREP_TYPE_READINESS, NULL);
  self->library = g_object_ref (library);
  self->store = g_object_ref (store);
  return self;
}

/**
 * pyprep_readiness_set_params:
 * @params: the scheduler's settings the plan follows
 */
void
pyprep_readiness_set_params (PyprepReadiness        *self,
                             const PyprepFsrsParams *params)
{
  g_return_if_fail (PYPREP_IS_READINESS (self));
  g_return_if_fail (params != NULL);

  self->params = *params;
}

/**
 * pyprep_readiness_update:
 *
 * Computes the status anew at the store's time and emits ::changed.
 */
void
pyprep_readiness_update (PyprepReadiness *self)
{
  g_autoptr(GListModel) entries = NULL;

  g_return_if_fail (PYPREP_IS_READINESS (self));

  g_clear_pointer (&self->status, pyprep_interview_status_free);
  if (pyprep_store_get_interview_start (self->store) != 0)
    {
      entries = pyprep_review_collect_entries (pyprep_library_get_decks (self->library));
      self->status = pyprep_interview_status_compute (entries, self->store, &self->params,
                                                      pyprep_store_now (self->store));
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/**
 * pyprep_readiness_get_status:
 *
 * Returns: (nullable): the status as last computed, %NULL without an
 *   interview date
 */
const PyprepInterviewStatus *
pyprep_readiness_get_status (PyprepReadiness *self)
{
  g_return_val_if_fail (PYPREP_IS_READINESS (self), NULL);
  return self->status;
}

/**
 * pyprep_readiness_get_for_topic:
 *
 * Returns: @topic's predicted recall on the interview day, or -1 without
 *   a date or when the interview does not cover the topic
 */
double
pyprep_readiness_get_for_topic (PyprepReadiness *self,
                                PyprepTopic     *topic)
{
  g_return_val_if_fail (PYPREP_IS_READINESS (self), -1);

  if (self->status == NULL)
    return -1;
  return pyprep_interview_status_get_topic (self->status, topic);
}

/**
 * pyprep_readiness_follow:
 * @slot: where a widget keeps its readiness
 * @readiness: (nullable): the readiness to keep there
 * @changed: called, swapped, on @data at each ::changed
 * @data: the widget
 *
 * Replaces the readiness in @slot, moving the ::changed handler from the
 * old one to the new one: what every page that shows it does.
 *
 * Returns: whether @slot changed
 */
gboolean
pyprep_readiness_follow (PyprepReadiness **slot,
                         PyprepReadiness  *readiness,
                         GCallback         changed,
                         gpointer          data)
{
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (readiness == NULL || PYPREP_IS_READINESS (readiness), FALSE);

  if (*slot == readiness)
    return FALSE;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, data);
  g_set_object (slot, readiness);
  if (readiness != NULL)
    g_signal_connect_swapped (readiness, "changed", changed, data);
  return TRUE;
}
