/* pyprep-recall-card.h: a recall card: the prompt, then the answer and the four ratings.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pyprep-entry.h"
#include "pyprep-fsrs.h"

G_BEGIN_DECLS

#define PYPREP_TYPE_RECALL_CARD (pyprep_recall_card_get_type ())

G_DECLARE_FINAL_TYPE (PyprepRecallCard, pyprep_recall_card, PYPREP, RECALL_CARD, GtkWidget)

void     pyprep_recall_card_set_card     (PyprepRecallCard *self,
                                          const PyprepCard *card,
                                          const gint64     *due,
                                          gint64            now);
void     pyprep_recall_card_reveal       (PyprepRecallCard *self);
gboolean pyprep_recall_card_get_revealed (PyprepRecallCard *self);

G_END_DECLS
