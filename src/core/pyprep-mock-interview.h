/* pyprep-mock-interview.h: a timed mock interview: questions, follow-ups, grades and a report.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-entry.h"
#include "pyprep-fsrs.h"
#include "pyprep-store.h"
#include "pyprep-topic.h"

G_BEGIN_DECLS

/**
 * PyprepMockGrade:
 * @PYPREP_MOCK_GRADE_NONE: not graded yet
 * @PYPREP_MOCK_GRADE_NAILED: the answer had every key point
 * @PYPREP_MOCK_GRADE_PARTLY: some of them
 * @PYPREP_MOCK_GRADE_MISSED: none, or wrong
 */
typedef enum
{
  PYPREP_MOCK_GRADE_NONE,
  PYPREP_MOCK_GRADE_NAILED,
  PYPREP_MOCK_GRADE_PARTLY,
  PYPREP_MOCK_GRADE_MISSED,
} PyprepMockGrade;

/**
 * PyprepMockQuestion:
 * @entry: the entry the question comes from
 * @followup: the index of the entry's follow-up asked, or -1 for its main
 *   question (its recall card)
 * @question: Markdown of the question
 * @key_points: Markdown of what a good answer holds
 * @started: when it was asked, microseconds since the epoch
 * @answered: when it was graded, or 0
 * @grade: the user's grade
 * @notes: (nullable): what the user typed while answering
 */
typedef struct
{
  PyprepEntry *entry;
  int followup;
  const char *question;
  const char *key_points;
  gint64 started;
  gint64 answered;
  PyprepMockGrade grade;
  char *notes;
} PyprepMockQuestion;

/**
 * PyprepMockTopicScore:
 * @topic: the topic
 * @n_asked: its questions asked and graded
 * @score: nailed counts 1, partly 0.5, missed 0; this is their mean
 */
typedef struct
{
  PyprepTopic *topic;
  guint n_asked;
  double score;
} PyprepMockTopicScore;

#define PYPREP_TYPE_MOCK_INTERVIEW (pyprep_mock_interview_get_type ())

G_DECLARE_FINAL_TYPE (PyprepMockInterview, pyprep_mock_interview, PYPREP, MOCK_INTERVIEW, GObject)

PyprepMockInterview      *pyprep_mock_interview_new             (GListModel      *entries,
                                                                 guint            minutes,
                                                                 guint32          seed,
                                                                 gint64           now);
guint                     pyprep_mock_interview_get_minutes     (PyprepMockInterview *self);
gint64                    pyprep_mock_interview_get_started     (PyprepMockInterview *self);
const PyprepMockQuestion *pyprep_mock_interview_get_current     (PyprepMockInterview *self);
gboolean                  pyprep_mock_interview_get_finished    (PyprepMockInterview *self);
gboolean                  pyprep_mock_interview_grade           (PyprepMockInterview *self,
                                                                 PyprepMockGrade  grade,
                                                                 const char      *notes,
                                                                 gint64           now);
void                      pyprep_mock_interview_finish          (PyprepMockInterview *self,
                                                                 gint64           now);
guint                     pyprep_mock_interview_get_n_asked     (PyprepMockInterview *self);
const PyprepMockQuestion *pyprep_mock_interview_get_question    (PyprepMockInterview *self,
                                                                 guint            index);
GArray                   *pyprep_mock_interview_dup_topic_scores (PyprepMockInterview *self);
GPtrArray                *pyprep_mock_interview_dup_to_reread   (PyprepMockInterview *self);
PyprepRating              pyprep_mock_interview_grade_to_rating (PyprepMockGrade  grade);
gboolean                  pyprep_mock_interview_record          (PyprepMockInterview    *self,
                                                                 PyprepStore            *store,
                                                                 const PyprepFsrsParams *params,
                                                                 GError                **error);
gboolean                  pyprep_mock_interview_get_recorded    (PyprepMockInterview *self);

G_END_DECLS
