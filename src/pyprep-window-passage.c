/* pyprep-window-passage.c: Read the Passage after a miss, and Quiz Me on This Entry.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From a session (a review, a practice or a mock interview's report), the
 * window shows the passage a missed card's answer comes from; Back
 * (win.go-back) returns to the session where it was, as long as the
 * reader still shows that passage's entry. Quiz Me on This Entry
 * (win.quiz-entry) practises the cards of the entry read, and closing the
 * session returns to the entry and the place in it the user left.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-window-private.h"

/**
 * pyprep_window_show_passage:
 * @entry_id: the full ID of the entry holding the passage
 * @passage: (nullable): the passage: a card's or question's passage (see
 *   #PyprepCard), or the ID of an annotation quoting one; %NULL shows the
 *   entry from its top
 *
 * Shows @passage in the reader, scrolled to and marked for a moment. When
 * a session is on screen, Back returns to it.
 *
 * Returns: %FALSE when no open deck has @entry_id
 */
gboolean
pyprep_window_show_passage (PyprepWindow *self,
                            const char   *entry_id,
                            const char   *passage)
{
  const char *page;
  PyprepEntry *entry;

  g_return_val_if_fail (PYPREP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (entry_id != NULL, FALSE);

  entry = pyprep_library_lookup_entry (self->library, entry_id);
  if (entry == NULL)
    return FALSE;

  page = gtk_stack_get_visible_child_name (self->main_stack);
  g_clear_pointer (&self->passage_entry_id, g_free);
  self->session_page = NULL;
  if (g_strcmp0 (page, "quiz") == 0 || g_strcmp0 (page, "mock") == 0)
    {
      self->session_page = g_str_equal (page, "quiz") ? "quiz" : "mock";
      self->passage_entry_id = g_strdup (entry_id);
      /* Short enough for a window 360 px wide. */
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Back (Alt+Left) to the session")));
    }

  gtk_stack_set_visible_child_name (self->main_stack, "library");
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  if (passage != NULL)
    {
      pyprep_reader_page_keep_passage (self->reader_page, entry_id, passage);
      pyprep_reader_show_passage (self->reader, entry, passage);
    }
  else
    pyprep_reader_show_entry (self->reader, entry);
  _pyprep_window_update_back (self);
  return TRUE;
}

/* Whether Back leads to the session a passage was read from. */
static gboolean
back_to_session (PyprepWindow *self)
{
  PyprepEntry *shown = pyprep_reader_get_entry (self->reader);

  return self->session_page != NULL && shown != NULL
         && g_strcmp0 (pyprep_entry_get_id (shown), self->passage_entry_id) == 0
         && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "library") == 0;
}

void
_pyprep_window_update_back (PyprepWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back",
                                 back_to_session (self) || pyprep_reader_get_can_go_back (self->reader));
}

/* win.go-back: to the session, or to the entry read before. */
void
_pyprep_window_go_back (PyprepWindow *self)
{
  if (!back_to_session (self))
    {
      pyprep_reader_go_back (self->reader);
      return;
    }
  gtk_stack_set_visible_child_name (self->main_stack, self->session_page);
  self->session_page = NULL;
  g_clear_pointer (&self->passage_entry_id, g_free);
  _pyprep_window_update_back (self);
}

/* A session ended: Quiz Me on This Entry returns to where the user was. */
void
_pyprep_window_session_closed (PyprepWindow *self)
{
  g_autofree char *id = g_steal_pointer (&self->quiz_entry_id);
  PyprepEntry *entry = id != NULL ? pyprep_library_lookup_entry (self->library, id) : NULL;

  self->session_page = NULL;
  g_clear_pointer (&self->passage_entry_id, g_free);
  if (entry != NULL && entry != pyprep_reader_get_entry (self->reader))
    pyprep_reader_show_entry_at (self->reader, entry, self->quiz_entry_scroll);
  else if (entry != NULL)
    pyprep_reader_scroll_to (self->reader, self->quiz_entry_scroll);
  _pyprep_window_update_back (self);
}

void
_pyprep_window_session_read_passage (PyprepWindow *self,
                                     PyprepEntry  *entry,
                                     const char   *passage)
{
  pyprep_window_show_passage (self, pyprep_entry_get_id (entry), passage);
}

/* A mock interview asks recall cards: an entry to read again leads to its
 * card's passage. */
void
_pyprep_window_mock_read_passage (PyprepWindow *self,
                                  PyprepEntry  *entry)
{
  const PyprepCard *card = pyprep_entry_get_card (entry);

  pyprep_window_show_passage (self, pyprep_entry_get_id (entry), card != NULL ? card->passage : NULL);
}

static void
quiz_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  PyprepEntry *entry = pyprep_reader_get_entry (self->reader);
  g_autoptr(GListStore) entries = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autofree char *title = NULL;

  if (entry == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  entries = g_list_store_new (PYPREP_TYPE_ENTRY);
  g_list_store_append (entries, entry);
  queue = pyprep_review_build_practice (G_LIST_MODEL (entries), self->store, PYPREP_PRACTICE_ALL,
                                        PYPREP_REVIEW_MISSED_DAYS, g_get_real_time ());
  g_free (self->quiz_entry_id);
  self->quiz_entry_id = g_strdup (pyprep_entry_get_id (entry));
  self->quiz_entry_scroll = pyprep_reader_get_scroll (self->reader);
  /* Translators: the header of a practice session over the cards of one
   * entry; %s is the entry's title */
  title = g_strdup_printf (_("Quiz: %s"), pyprep_entry_get_title (entry));
  _pyprep_window_show_page (self, "quiz");
  pyprep_quiz_view_start_practice (_pyprep_window_get_quiz_view (self), self->store, queue, title,
                                   _("This entry has no recall card and no questions."));
}

void
_pyprep_window_passage_class_init (PyprepWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.quiz-entry", NULL, quiz_entry_action);
}

void
_pyprep_window_passage_dispose (PyprepWindow *self)
{
  g_clear_pointer (&self->passage_entry_id, g_free);
  g_clear_pointer (&self->quiz_entry_id, g_free);
}
