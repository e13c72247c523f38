/* pyprep-interview-status.c: where the user stands for the interview date: readiness per topic, the plan, on track or behind.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The interview kept in the store (pyprep-store-interview.c) applied to
 * the cards it covers: their memories go to
 * pyprep_interview_plan_compute(), and what comes back is summed up per
 * topic and turned into "on track" or "behind by N cards". Being behind
 * has two causes, and the count adds them: reviews left over from earlier
 * days, and a plan that cannot reach the target even with every new card
 * started today, whose shortfall in average recall times the cards is how
 * many cards' worth of recall is missing.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "pyprep-deck.h"
#include "pyprep-interview-status.h"
#include "pyprep-review.h"
#include "pyprep-store-interview.h"

typedef struct
{
  PyprepTopic *topic;           /* borrowed from the entries */
  double sum;
  guint n;
} TopicSum;

/* Local midnight at the start of the day of @now. */
static gint64
day_start (gint64 now)
{
  g_autoptr(GDateTime) local = pyprep_time_to_local (now);
  g_autoptr(GDateTime) start = NULL;

  if (local == NULL)
    return now;
  start = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                 g_date_time_get_day_of_month (local), 0, 0, 0);
  return start != NULL ? g_date_time_to_unix (start) * G_USEC_PER_SEC : now;
}

static gboolean
ref_covered (const PyprepCardRef *ref,
             const char * const  *topics)
{
  g_autofree char *topic_id = ref->topic != NULL ? pyprep_interview_dup_topic_id (ref->topic) : NULL;
  PyprepDeck *deck = ref->topic != NULL ? pyprep_topic_get_deck (ref->topic) : NULL;

  return pyprep_interview_covers (topics, deck != NULL ? pyprep_deck_get_id (deck) : NULL, topic_id);
}

static void
add_to_topic (GArray      *topics,
              PyprepTopic *topic,
              double       readiness)
{
  TopicSum *sum = NULL;

  for (guint i = topics->len; i > 0 && sum == NULL; i--)
    if (g_array_index (topics, TopicSum, i - 1).topic == topic)
      sum = &g_array_index (topics, TopicSum, i - 1);
  if (sum == NULL)
    {
      TopicSum fresh = { topic, 0, 0 };

      g_array_append_val (topics, fresh);
      sum = &g_array_index (topics, TopicSum, topics->len - 1);
    }
  sum->sum += readiness;
  sum->n++;
}

/**
 * pyprep_interview_status_compute:
 * @entries: (element-type PyprepEntry): the entries studied, for example
 *   from pyprep_review_collect_entries()
 * @store: the user data, which holds the interview and the card states
 * @params: the scheduler's settings
 * @now: the current time
 *
 * Returns: (transfer full) (nullable): the status, or %NULL when no
 *   interview date is set
 */
PyprepInterviewStatus *
pyprep_interview_status_compute (GListModel             *entries,
                                 PyprepStore            *store,
                                 const PyprepFsrsParams *params,
                                 gint64                  now)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) covered = g_ptr_array_new ();
  g_autoptr(GArray) memories = g_array_new (FALSE, FALSE, sizeof (PyprepCardMemory));
  g_autofree double *shares = NULL;
  g_auto(GStrv) topics = NULL;
  PyprepInterviewStatus *status;
  gint64 today = day_start (now);

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);
  g_return_val_if_fail (PYPREP_IS_STORE (store), NULL);
  g_return_val_if_fail (params != NULL, NULL);

  if (pyprep_store_get_interview_start (store) == 0)
    return NULL;

  status = g_new0 (PyprepInterviewStatus, 1);
  status->interview = pyprep_store_get_interview_start (store);
  status->target = pyprep_store_get_interview_target (store);
  status->topics = g_array_new (FALSE, FALSE, sizeof (TopicSum));
  topics = pyprep_store_dup_interview_topics (store);

  cards = pyprep_review_collect_cards (entries, store);
  for (guint i = 0; i < cards->len; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (cards, i);
      PyprepCardMemory memory;

      if (!ref_covered (ref, (const char * const *) topics))
        continue;
      pyprep_review_load_memory (store, ref->card_id, now, &memory);
      if (memory.state != PYPREP_CARD_STATE_NEW && memory.due < today)
        status->n_overdue++;
      g_array_append_val (memories, memory);
      g_ptr_array_add (covered, ref);
    }

  shares = g_new0 (double, MAX (memories->len, 1));
  pyprep_interview_plan_compute (params, (PyprepCardMemory *) (gpointer) memories->data, memories->len,
                                 now, status->interview, status->target, &status->plan, shares);
  for (guint i = 0; i < covered->len; i++)
    {
      PyprepCardRef *ref = g_ptr_array_index (covered, i);

      if (ref->topic != NULL)
        add_to_topic (status->topics, ref->topic, shares[i]);
    }
  /* The topics are the entries', which outlive the status; the refs
   * holding them go now. */
  for (guint i = 0; i < status->topics->len; i++)
    g_object_ref (g_array_index (status->topics, TopicSum, i).topic);

  status->behind = status->n_overdue;
  if (status->plan.days_left > 0 && status->plan.n_cards > 0 && !status->plan.reachable)
    status->behind += (guint) ceil ((status->target - status->plan.planned_recall) * status->plan.n_cards);
  status->last_days = status->plan.days_left <= PYPREP_INTERVIEW_LAST_DAYS;
  status->passed = status->interview < today;
  return status;
}

void
pyprep_interview_status_free (PyprepInterviewStatus *status)
{
  if (status == NULL)
    return;
  for (guint i = 0; i < status->topics->len; i++)
    g_clear_object (&g_array_index (status->topics, TopicSum, i).topic);
  g_array_unref (status->topics);
  g_free (status);
}

/**
 * pyprep_interview_status_get_topic:
 * @topic: a topic
 *
 * Returns: the predicted recall on the day, averaged over @topic's cards
 *   the interview covers, or -1 when it covers none of them
 */
double
pyprep_interview_status_get_topic (const PyprepInterviewStatus *status,
                                   PyprepTopic                 *topic)
{
  g_return_val_if_fail (status != NULL, -1);

  for (guint i = 0; i < status->topics->len; i++)
    {
      const TopicSum *sum = &g_array_index (status->topics, TopicSum, i);

      if (sum->topic == topic && sum->n > 0)
        return sum->sum / sum->n;
    }
  return -1;
}

/**
 * pyprep_interview_dup_topic_id:
 * @topic: a topic
 *
 * Topic IDs are a deck's own: the interview names a topic with its
 * deck's ID, as entry IDs do.
 *
 * Returns: (transfer full): "deck/topic"
 */
char *
pyprep_interview_dup_topic_id (PyprepTopic *topic)
{
  PyprepDeck *deck;

  g_return_val_if_fail (PYPREP_IS_TOPIC (topic), NULL);

  deck = pyprep_topic_get_deck (topic);
  return g_strconcat (deck != NULL ? pyprep_deck_get_id (deck) : "", "/", pyprep_topic_get_id (topic), NULL);
}

/**
 * pyprep_interview_status_dup_heading:
 *
 * Returns: (transfer full): where the user stands in a few words: "On
 *   Track", "Behind by 4 Cards", or that the day has come or passed
 */
char *
pyprep_interview_status_dup_heading (const PyprepInterviewStatus *status)
{
  g_return_val_if_fail (status != NULL, NULL);

  if (status->plan.days_left == 0)
    return g_strdup (status->passed ? _("The Interview Date Has Passed") : _("The Interview Is Today"));
  if (status->behind == 0)
    return g_strdup (_("On Track"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Behind by %u Card", "Behind by %u Cards",
                                       status->behind),
                          status->behind);
}

/**
 * pyprep_interview_status_dup_advice:
 *
 * Returns: (transfer full): the readiness explained, and what to do today
 */
char *
pyprep_interview_status_dup_advice (const PyprepInterviewStatus *status)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *date = NULL;
  const PyprepInterviewPlan *plan;

  g_return_val_if_fail (status != NULL, NULL);

  plan = &status->plan;
  if (plan->days_left == 0)
    return g_strdup (_("Clear the date, or set the next one, to plan again."));
  day = pyprep_time_to_local (status->interview);
  /* Translators: the interview's date in the status on the review page, see g_date_time_format() */
  /* xgettext:no-c-format */
  date = day != NULL ? g_date_time_format (day, _("%b %-d")) : g_strdup ("");
  /* Translators: %s is the interview's date, then two percentages */
  g_string_append_printf (text, _("Predicted recall on %s: %.0f%% of %u cards, aiming at %.0f%%."), date,
                          floor (plan->readiness * 100), plan->n_cards, round (status->target * 100));
  g_string_append_c (text, ' ');
  if (status->n_overdue > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u review is left from earlier days: do it today.",
                                               "%u reviews are left from earlier days: do them today.",
                                               status->n_overdue),
                            status->n_overdue);
  else if (!plan->reachable)
    g_string_append_printf (text, _("Even starting every new card today only reaches %.0f%%: choose a later "
                                    "date, fewer topics or a lower target."),
                            floor (plan->planned_recall * 100));
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "The plan: %u new card a day, and the reviews due.",
                                               "The plan: %u new cards a day, and the reviews due.",
                                               plan->new_per_day),
                            plan->new_per_day);
  if (status->last_days)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("In these last days the cards you are least likely to recall come first."));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
