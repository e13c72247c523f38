/* pyprep-entry.h: one entry of a deck, with its card, questions and links.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* An entry knows its topic, and a topic holds its entries: the entry's
 * side only names the type, so the two headers do not include each other. */
typedef struct _PyprepTopic PyprepTopic;
GType pyprep_topic_get_type (void) G_GNUC_CONST;


/**
 * PyprepCard:
 * @id: stable card ID, `<entry id>#card`
 * @prompt: Markdown of the question side
 * @answer: Markdown of the answer side
 * @passage: (nullable): the ID of the element of the entry's page that
 *   shows the passage the answer comes from (see pyprep-passage.h)
 *
 * The entry's recall card.
 */
typedef struct
{
  char *id;
  char *prompt;
  char *answer;
  char *passage;
} PyprepCard;

/**
 * PyprepChoice:
 * @text: Markdown of the choice
 * @correct: whether choosing it is right
 * @explanation: (nullable): Markdown saying why it is right or wrong
 */
typedef struct
{
  char *text;
  gboolean correct;
  char *explanation;
} PyprepChoice;

/**
 * PyprepQuestion:
 * @id: stable card ID, `<entry id>#<question id>`
 * @question: Markdown of the question
 * @choices: (element-type PyprepChoice): the choices in the author's order
 * @explanation: (nullable): Markdown explaining the answer as a whole
 * @line: line of the quiz block in the source file
 * @passage: (nullable): the page element showing the passage the answer
 *   comes from, as for #PyprepCard
 *
 * A multiple-choice question with one or several correct choices.
 */
typedef struct
{
  char *id;
  char *question;
  GPtrArray *choices;
  char *explanation;
  int line;
  char *passage;
} PyprepQuestion;

/**
 * PyprepLink:
 * @title: the link text
 * @url: the target
 *
 * A further-reading link.
 */
typedef struct
{
  char *title;
  char *url;
} PyprepLink;

/**
 * PyprepFollowup:
 * @question: Markdown of the follow-up question, one line
 * @answer: Markdown of its short answer
 * @see: (nullable): the full ID of the entry the answer points to
 * @line: line of the follow-up in the source file
 * @in_body: whether question and answer stand in the entry's text already
 *   (a sub-question found in notes), so the reader does not repeat them
 *
 * A question an interviewer asks after the entry's main one.
 */
typedef struct
{
  char *question;
  char *answer;
  char *see;
  int line;
  gboolean in_body;
} PyprepFollowup;

/**
 * PyprepPredict:
 * @id: stable card ID, `<entry id>#predict-1`, `#predict-2`, … or the
 *   author's `<entry id>#<id>`
 * @code: the program, as written in the deck
 * @output: what the program prints, as recorded in the deck (may be empty)
 * @line: line of the ```` ```python {predict} ```` fence in the source file
 *
 * A question that shows a program and asks what it prints. Pyprep never
 * runs the program: the deck records its output, and the deck's tests
 * check the record against Python.
 */
typedef struct
{
  char *id;
  char *code;
  char *output;
  int line;
} PyprepPredict;

#define PYPREP_TYPE_ENTRY (pyprep_entry_get_type ())

G_DECLARE_FINAL_TYPE (PyprepEntry, pyprep_entry, PYPREP, ENTRY, GObject)

const char       *pyprep_entry_get_id              (PyprepEntry *self);
const char       *pyprep_entry_get_local_id        (PyprepEntry *self);
const char       *pyprep_entry_get_title           (PyprepEntry *self);
const char       *pyprep_entry_get_body            (PyprepEntry *self);
const char       *pyprep_entry_get_file            (PyprepEntry *self);
int               pyprep_entry_get_line            (PyprepEntry *self);
PyprepTopic      *pyprep_entry_get_topic           (PyprepEntry *self);
const PyprepCard *pyprep_entry_get_card            (PyprepEntry *self);
guint             pyprep_entry_get_n_questions     (PyprepEntry *self);
const PyprepQuestion *pyprep_entry_get_question    (PyprepEntry *self,
                                                    guint        index);
guint             pyprep_entry_get_n_followups     (PyprepEntry *self);
const PyprepFollowup *pyprep_entry_get_followup    (PyprepEntry *self,
                                                    guint        index);
guint             pyprep_entry_get_n_predicts      (PyprepEntry *self);
const PyprepPredict *pyprep_entry_get_predict      (PyprepEntry *self,
                                                    guint        index);
guint             pyprep_entry_get_n_links         (PyprepEntry *self);
const PyprepLink *pyprep_entry_get_link            (PyprepEntry *self,
                                                    guint        index);
const char       *pyprep_entry_get_number          (PyprepEntry *self);
gboolean          pyprep_entry_is_unanswered       (PyprepEntry *self);

G_END_DECLS
