/* pyprep-mock-interview.c: a timed mock interview: questions, follow-ups, grades and a report.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An interview asks the main question of an entry (its recall card), then
 * presses with the entry's follow-ups: one after any answer, and another
 * after a follow-up that was not nailed, at most two an entry. Then it
 * moves to another topic, round the topics in a shuffled order, until the
 * time is up or the questions run out. The clock is the caller's: every
 * call that needs the time takes it, so a test can run an interview in
 * no time.
 */
#include "config.h"

#include "pyprep-mock-interview.h"
#include "pyprep-review.h"

#define MAX_FOLLOWUPS_PER_ENTRY 2

struct _PyprepMockInterview
{
  GObject parent_instance;

  guint minutes;
  gint64 started;
  gboolean finished;
  gboolean recorded;

  GPtrArray *topics;         /* PyprepTopic, in the order they take turns */
  GHashTable *waiting;       /* PyprepTopic → GPtrArray of PyprepEntry, shuffled */
  guint next_topic;
  GArray *asked;             /* PyprepMockQuestion */
};

G_DEFINE_FINAL_TYPE (PyprepMockInterview, pyprep_mock_interview, G_TYPE_OBJECT)

static void
clear_question (PyprepMockQuestion *q)
{
  g_clear_object (&q->entry);
  g_clear_pointer (&q->notes, g_free);
}

static void
pyprep_mock_interview_finalize (GObject *object)
{
  PyprepMockInterview *self = PYPREP_MOCK_INTERVIEW (object);

  g_clear_pointer (&self->waiting, g_hash_table_unref);
  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->asked, g_array_unref);

  G_OBJECT_CLASS (pyprep_mock_interview_parent_class)->finalize (object);
}

static void
pyprep_mock_interview_class_init (PyprepMockInterviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pyprep_mock_interview_finalize;
}

static void
pyprep_mock_interview_init (PyprepMockInterview *self)
{
  self->topics = g_ptr_array_new_with_free_func (g_object_unref);
  self->waiting = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->asked = g_array_new (FALSE, TRUE, sizeof (PyprepMockQuestion));
  g_array_set_clear_func (self->asked, (GDestroyNotify) clear_question);
}

static void
shuffle (GPtrArray *array,
         GRand     *rand)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      gpointer t = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = t;
    }
}

static void
ask (PyprepMockInterview *self,
     PyprepEntry         *entry,
     int                  followup,
     gint64               now)
{
  PyprepMockQuestion q = { 0 };

  q.entry = g_object_ref (entry);
  q.followup = followup;
  if (followup < 0)
    {
      q.question = pyprep_entry_get_card (entry)->prompt;
      q.key_points = pyprep_entry_get_card (entry)->answer;
    }
  else
    {
      q.question = pyprep_entry_get_followup (entry, followup)->question;
      q.key_points = pyprep_entry_get_followup (entry, followup)->answer;
    }
  q.started = now;
  g_array_append_val (self->asked, q);
}

/* The next topic's next entry, or FALSE when none is left. */
static gboolean
ask_next_main (PyprepMockInterview *self,
               gint64               now)
{
  for (guint tried = 0; tried < self->topics->len; tried++)
    {
      PyprepTopic *topic = g_ptr_array_index (self->topics, self->next_topic);
      GPtrArray *entries = g_hash_table_lookup (self->waiting, topic);

      self->next_topic = (self->next_topic + 1) % self->topics->len;
      if (entries->len > 0)
        {
          g_autoptr(PyprepEntry) entry = g_ptr_array_steal_index (entries, entries->len - 1);

          ask (self, entry, -1, now);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * pyprep_mock_interview_new:
 * @entries: (element-type PyprepEntry): the entries to ask about; those
 *   without a recall card are left out
 * @minutes: how long the interview lasts
 * @seed: for the order of topics and questions
 * @now: the start
 *
 * Returns: (transfer full): the interview, its first question asked; it is
 *   finished at once when no entry has a card
 */
PyprepMockInterview *
pyprep_mock_interview_new (GListModel *entries,
                           guint       minutes,
                           guint32     seed,
                           gint64      now)
{
  PyprepMockInterview *self;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  g_return_val_if_fail (G_IS_LIST_MODEL (entries), NULL);
  g_return_val_if_fail (minutes > 0, NULL);

  self = g_object_new (PYPREP_TYPE_MOCK_INTERVIEW, NULL);
  self->minutes = minutes;
  self->started = now;
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, i);
      PyprepTopic *topic = pyprep_entry_get_topic (entry);
      GPtrArray *list;

      if (pyprep_entry_get_card (entry) == NULL)
        continue;
      list = g_hash_table_lookup (self->waiting, topic);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (self->waiting, topic, list);
          g_ptr_array_add (self->topics, g_object_ref (topic));
        }
      g_ptr_array_add (list, g_object_ref (entry));
    }
  shuffle (self->topics, rand);
  for (guint i = 0; i < self->topics->len; i++)
    shuffle (g_hash_table_lookup (self->waiting, g_ptr_array_index (self->topics, i)), rand);

  self->finished = !ask_next_main (self, now);
  return self;
}

guint
pyprep_mock_interview_get_minutes (PyprepMockInterview *self)
{
  g_return_val_if_fail (PYPREP_IS_MOCK_INTERVIEW (self), 0);
  return self->minutes;
}

gint64
pyprep_mock_interview_get_started (PyprepMockInterview *self)
{
  g_return_val_if_fail (PYPREP_IS_MOCK_INTERVIEW (self), 0);
  return self->started;
}

/**
 * pyprep_mock_interview_get_current:
 *
 * Returns: (nullable): the question waiting for its grade, or %NULL once
 *   the interview is finished
 */
const PyprepMockQuestion *
pyprep_mock_interview_get_current (PyprepMockInterview *self)
{
  g_return_val_if_fail (PYPREP_IS_MOCK_INTERVIEW (self), NULL);

  if (self->finished || self->asked->len == 0)
    return NULL;
  return &g_array_index (self->asked, PyprepMockQuestion, self->asked->len - 1);
}

gboolean
pyprep_mock_interview_get_finished (PyprepMockInterview *self)
{
  g_return_val_if_fail (PYPREP_IS_MOCK_INTERVIEW (self), TRUE);
  return self->finished;
}

/* How many follow-ups of the current entry were asked in a row. */
static guint
followups_asked (PyprepMockInterview *self)
{
  guint n = 0;

  for (guint i = self->asked->len; i > 0; i--)
    {
      const PyprepMockQuestion *q = &g_array_index (self->asked, PyprepMockQuestion, i - 1);

      if (q->followup < 0)
        break;
      n++;
    }
  return n;
}

/**
 * pyprep_mock_interview_grade:
 * @grade: the user's grade of their answer
 * @notes: (nullable): what they typed
 * @now: when they graded it
 *
 * Grades the current question and asks the next: a follow-up of the same
 * entry, or another entry's question; the interview finishes when its
 * time is up or no question is left.
 *
 * Returns: %FALSE when there was no question to grade
 */
gboolean
pyprep_mock_interview_grade (PyprepMockInterview *self,
                             PyprepMockGrade      grade,
                             const char          *notes,
                             gint64               now)
{
  PyprepMockQuestion *q;
  guint n_followups;
  guint asked_in_row;

  g_return_val_if_fail (PYPREP_IS_MOCK_INTERVIEW (self), FALSE);
  g_return_val_if_fail (grade != PYPREP_MOCK_GRADE_NONE, FALSE);

  if (pyprep_mock_interview_get_current (self) == NULL)
    return FALSE;
  q = &g_array_index (self->asked, PyprepMockQuestion, self->asked->len - 1);
  q->grade = grade;
  q->answered = now;
  q->notes = notes != NULL && *notes != '\0' ? g_strdup (notes) : NULL;

  if (now - self->started >= (gint64) self->minutes * G_TIME_SPAN_MINUTE)
    {
      self->finished = TRUE;
      return TRUE;
    }

  /* Press on: after the main question always, after a follow-up only
   * when it was not nailed. */
  n_followups = pyprep_entry_get_n_followups (q->entry);
  asked_in_row = followups_asked (self);
  if (asked_in_row < MIN (n_followups, MAX_FOLLOWUPS_PER_ENTRY)
      && (q->followup < 0 || grade != PYPREP_MOCK_GRADE_NAILED))
    {
      ask (self, q->entry, (int) asked_in_row, now);
      return TRUE;
    }

  self->finished = !ask_next_main (self, now);
  return TRUE;
}

/**
 * pyprep_mock_interview_finish:
 * @now: the time
 *
 * Ends the interview early; an ungraded question is dropped.
 */
void
pyprep_mock_interview_finish (PyprepMockInterview *self,
                              gint64               now)
{
  g_return_if_fail (PYPREP_IS_MOCK_INTERVIEW (self));

  if (!self->finished && self->asked->len > 0
      && g_array_index (self->asked, PyprepMockQuestion, self->asked->len - 1).grade == PYPREP_MOCK_GRADE_NONE)
    g_array_set_size (self->asked, self->asked->len - 1);
  self->finished = TRUE;
}

/**
 * pyprep_mock_interview_get_n_asked:
 *
 * Returns: the questions asked so far, the current one included
 */
guint
pyprep_mock_interview_get_n_asked (PyprepMockInterview *self)
{
  g_return_val_if_fail (PYPREP_IS_MOCK_INTERVIEW (self), 0);
  return self->asked->len;
}

const PyprepMockQuestion *
pyprep_mock_interview_get_question (PyprepMockInterview *self,
                                    guint                index)
{
  g_return_val_if_fail (PYPREP_IS_MOCK_INTERVIEW (self), NULL);
  g_return_val_if_fail (index < self->asked->len, NULL);
  return &g_array_index (self->asked, PyprepMockQuestion, index);
}

static int
compare_scores (gconstpointer a,
                gconstpointer b)
{
  const PyprepMockTopicScore *x = a;
  const PyprepMockTopicScore *y = b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  return (int) y->n_asked - (int) x->n_asked;
}

/**
 * pyprep_mock_interview_dup_topic_scores:
 *
 * Returns: (transfer full) (element-type PyprepMockTopicScore): each topic
 *   with graded questions, the weakest first
 */
GArray *
pyprep_mock_interview_dup_topic_scores (PyprepMockInterview *self)
{
  GArray *scores = g_array_new (FALSE, TRUE, sizeof (PyprepMockTopicScore));

  g_return_val_if_fail (PYPREP_IS_MOCK_INTERVIEW (self), scores);

  for (guint i = 0; i < self->asked->len; i++)
    {
      const PyprepMockQuestion *q = &g_array_index (self->asked, PyprepMockQuestion, i);
      PyprepTopic *topic = pyprep_entry_get_topic (q->entry);
      PyprepMockTopicScore *score = NULL;
      double points;

      if (q->grade == PYPREP_MOCK_GRADE_NONE)
        continue;
      points = q->grade == PYPREP_MOCK_GRADE_NAILED ? 1.0 : q->grade == PYPREP_MOCK_GRADE_PARTLY ? 0.5 : 0.0;
      for (guint s = 0; s < scores->len && score == NULL; s++)
        if (g_array_index (scores, PyprepMockTopicScore, s).topic == topic)
          score = &g_array_index (scores, PyprepMockTopicScore, s);
      if (score == NULL)
        {
          PyprepMockTopicScore fresh = { topic, 0, 0 };

          g_array_append_val (scores, fresh);
          score = &g_array_index (scores, PyprepMockTopicScore, scores->len - 1);
        }
      /* The running mean. */
      score->score = (score->score * score->n_asked + points) / (score->n_asked + 1);
      score->n_asked++;
    }
  g_array_sort (scores, compare_scores);
  return scores;
}

/**
 * pyprep_mock_interview_dup_to_reread:
 *
 * Returns: (transfer full) (element-type PyprepEntry): each entry with a
 *   question missed or answered only partly, once, in the order asked
 */
GPtrArray *
pyprep_mock_interview_dup_to_reread (PyprepMockInterview *self)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (PYPREP_IS_MOCK_INTERVIEW (self), entries);

  for (guint i = 0; i < self->asked->len; i++)
    {
      const PyprepMockQuestion *q = &g_array_index (self->asked, PyprepMockQuestion, i);

      if ((q->grade == PYPREP_MOCK_GRADE_MISSED || q->grade == PYPREP_MOCK_GRADE_PARTLY)
          && !g_ptr_array_find (entries, q->entry, NULL))
        g_ptr_array_add (entries, g_object_ref (q->entry));
    }
  return entries;
}

static const char *
grade_name (PyprepMockGrade grade)
{
  switch (grade)
    {
    case PYPREP_MOCK_GRADE_NAILED:
      return "nailed";
    case PYPREP_MOCK_GRADE_PARTLY:
      return "partly";
    case PYPREP_MOCK_GRADE_MISSED:
      return "missed";
    case PYPREP_MOCK_GRADE_NONE:
    default:
      return NULL;
    }
}

/**
 * pyprep_mock_interview_grade_to_rating:
 *
 * Returns: the rating a grade stands for: nailed Good, partly Hard,
 *   missed Again
 */
PyprepRating
pyprep_mock_interview_grade_to_rating (PyprepMockGrade grade)
{
  switch (grade)
    {
    case PYPREP_MOCK_GRADE_NAILED:
      return PYPREP_RATING_GOOD;
    case PYPREP_MOCK_GRADE_PARTLY:
      return PYPREP_RATING_HARD;
    case PYPREP_MOCK_GRADE_MISSED:
    case PYPREP_MOCK_GRADE_NONE:
    default:
      return PYPREP_RATING_AGAIN;
    }
}

/**
 * pyprep_mock_interview_record:
 * @store: the user data, whose review log gets the answers
 * @params: (nullable): the scheduler's settings to also update the cards'
 *   schedules with the main questions' grades; %NULL to leave every
 *   schedule as it is
 *
 * Writes each graded question to the review log as a line of kind "mock"
 * (docs/user-data.md): the entry's card, the grade as a rating and
 * itself, the follow-up's index for a follow-up, and the interview's ID.
 * Follow-ups never change a schedule. An interview is recorded once;
 * later calls do nothing.
 *
 * Returns: %TRUE on success; on failure the lines before the one that
 *   failed are written
 */
gboolean
pyprep_mock_interview_record (PyprepMockInterview     *self,
                              PyprepStore             *store,
                              const PyprepFsrsParams  *params,
                              GError                 **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (PYPREP_IS_MOCK_INTERVIEW (self), FALSE);
  g_return_val_if_fail (PYPREP_IS_STORE (store), FALSE);

  if (self->recorded)
    return TRUE;
  self->recorded = TRUE;
  id = g_uuid_string_random ();
  for (guint i = 0; i < self->asked->len; i++)
    {
      const PyprepMockQuestion *q = &g_array_index (self->asked, PyprepMockQuestion, i);
      const PyprepCard *card = pyprep_entry_get_card (q->entry);
      g_autoptr(JsonObject) details = NULL;

      if (q->grade == PYPREP_MOCK_GRADE_NONE || card == NULL)
        continue;
      details = json_object_new ();
      json_object_set_string_member (details, "grade", grade_name (q->grade));
      json_object_set_string_member (details, "interview", id);
      if (q->followup >= 0)
        json_object_set_int_member (details, "followup", q->followup);
      if (!pyprep_review_answer_mock (store, q->followup < 0 ? params : NULL, card->id,
                                      pyprep_mock_interview_grade_to_rating (q->grade), q->answered,
                                      (q->answered - q->started) / 1000, details, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * pyprep_mock_interview_get_recorded:
 *
 * Returns: whether pyprep_mock_interview_record() was called
 */
gboolean
pyprep_mock_interview_get_recorded (PyprepMockInterview *self)
{
  g_return_val_if_fail (PYPREP_IS_MOCK_INTERVIEW (self), FALSE);
  return self->recorded;
}
