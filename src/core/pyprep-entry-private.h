/* pyprep-entry-private.h: how the deck loader fills an entry.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-entry.h"

G_BEGIN_DECLS

PyprepEntry *pyprep_entry_new          (const char  *id,
                                        const char  *local_id,
                                        const char  *title,
                                        const char  *file,
                                        int          line);
void         pyprep_entry_take_body    (PyprepEntry *self,
                                        char        *body);
void         pyprep_entry_take_card    (PyprepEntry *self,
                                        PyprepCard  *card);
void         pyprep_entry_take_question (PyprepEntry    *self,
                                         PyprepQuestion *question);
void         pyprep_entry_take_followup (PyprepEntry    *self,
                                         PyprepFollowup *followup);
void         pyprep_entry_take_predict (PyprepEntry   *self,
                                        PyprepPredict *predict);
void         pyprep_entry_add_link     (PyprepEntry *self,
                                        const char  *title,
                                        const char  *url);
void         pyprep_entry_set_topic    (PyprepEntry *self,
                                        PyprepTopic *topic);
void         pyprep_entry_set_number   (PyprepEntry *self,
                                        const char  *number);
void         pyprep_entry_set_unanswered (PyprepEntry *self,
                                          gboolean     unanswered);

void         pyprep_card_free          (PyprepCard     *card);
void         pyprep_choice_free        (PyprepChoice   *choice);
void         pyprep_question_free      (PyprepQuestion *question);
void         pyprep_followup_free      (PyprepFollowup *followup);
void         pyprep_predict_free       (PyprepPredict  *predict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepCard, pyprep_card_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepChoice, pyprep_choice_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepQuestion, pyprep_question_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepFollowup, pyprep_followup_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepPredict, pyprep_predict_free)

G_END_DECLS
