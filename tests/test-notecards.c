/* test-notecards.c: an annotation made a recall card, by keys, and the annotation panel at scale.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "pyprep-annotation-row.h"
#include "pyprep-card-dialog.h"
#include "pyprep-quiz-view.h"
#include "pyprep-recall-card.h"
#include "ui-harness.h"
#include "ui-keys.h"

#define ENTRY "sample/basics/list"
#define QUESTION "What is a list underneath?"

static gboolean
has_focus_in (gpointer data)
{
  GtkWidget *widget = data;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
is_alert_dialog (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_ALERT_DIALOG (widget);
}

static AdwAlertDialog *
find_dialog (Fixture *f)
{
  return ADW_ALERT_DIALOG (find_widget (GTK_WIDGET (f->window), is_alert_dialog, NULL));
}

static gboolean
dialog_open (gpointer data)
{
  return find_widget (GTK_WIDGET (((Fixture *) data)->window), is_alert_dialog, NULL) != NULL;
}

static gboolean
dialog_closed (gpointer data)
{
  return !dialog_open (data);
}

/* The only annotation of the entry, as the store has it now. */
static PyprepAnnotation *
dup_the_annotation (Fixture *f)
{
  g_autoptr(GPtrArray) cards = pyprep_store_dup_annotation_cards (store_of (f));
  g_autoptr(GPtrArray) annotations = pyprep_store_dup_annotations (store_of (f), ENTRY);

  if (annotations->len > 0)
    return pyprep_annotation_copy (g_ptr_array_index (annotations, 0));
  return cards->len > 0 ? pyprep_annotation_copy (g_ptr_array_index (cards, 0)) : NULL;
}

/* Selects the strong text of the entry and writes an annotation on it:
 * Ctrl+N opens the editor. */
static void
annotate_by_keys (Fixture *f)
{
  GtkTextView *composer = template_child (window_annotation_panel (f), PYPREP_TYPE_ANNOTATION_PANEL,
                                          "composer_view");

  select_strong_text (f, "dynamic array");
  press_keys (GTK_WINDOW (f->window), "<Control>n");
  wait_until (has_focus_in, composer, "the annotation editor");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (composer), "Growth is geometric.", -1);
  click_button (GTK_WIDGET (window_annotation_panel (f)), "_Add");
  g_assert_cmpuint (pyprep_store_count_annotations (store_of (f), ENTRY), ==, 1);
}

/* Focuses the annotation's row and makes it a card with Ctrl+M, typing a
 * question in the dialog and pressing Enter. */
static void
make_card_by_keys (Fixture *f)
{
  GtkWidget *row = annotation_row_at (f, 0);
  g_autoptr(PyprepAnnotation) annotation = NULL;
  AdwAlertDialog *dialog;
  GtkWidget *question;

  /* The row's own item takes the focus, as Up and Down in the list give it. */
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (row)));
  press_keys (GTK_WINDOW (f->window), "<Control>m");
  wait_until (dialog_open, f, "the card dialog");
  dialog = find_dialog (f);
  g_assert_true (PYPREP_IS_CARD_DIALOG (dialog));
  question = template_child (dialog, PYPREP_TYPE_CARD_DIALOG, "question_entry");
  g_assert_true (gtk_widget_grab_focus (question));
  gtk_editable_set_text (GTK_EDITABLE (question), QUESTION);
  spin (300);
  save_screenshot (f, "notecards-dialog.png");
  press_keys (GTK_WINDOW (f->window), "Return");
  wait_until (dialog_closed, f, "the card dialog to close");

  annotation = dup_the_annotation (f);
  g_assert_true (annotation->has_card);
  g_assert_cmpstr (annotation->card_question, ==, QUESTION);
  /* The row says it is a card. */
  row = annotation_row_at (f, 0);
  g_assert_true (pyprep_annotation_row_get_annotation (PYPREP_ANNOTATION_ROW (row))->has_card);
  g_assert_cmpstr (gtk_label_get_text (template_child (row, PYPREP_TYPE_ANNOTATION_ROW, "card_label")), ==,
                   "Recall card: " QUESTION);
  save_screenshot (f, "notecards-panel.png");
}

static gboolean
reader_shown (gpointer data)
{
  Fixture *f = data;

  return g_str_equal (gtk_stack_get_visible_child_name (window_child (f, "main_stack")), "library");
}

typedef struct
{
  Fixture *f;
  const char *id;
} Revealed;

static gboolean
passage_revealed (gpointer data)
{
  Revealed *revealed = data;
  g_autofree char *id = NULL;

  if (webkit_web_view_is_loading (window_view (revealed->f)))
    return FALSE;
  id = run_script (window_view (revealed->f),
                   "const m = document.querySelector ('mark.annotation.passage-shown');"
                   "m ? m.dataset.annotation : ''");
  return g_strcmp0 (id, revealed->id) == 0;
}

/* Reviews until the card made of the annotation comes, checks both sides,
 * misses it and reads its passage: the entry, scrolled to it, marked. */
static void
review_and_miss (Fixture *f)
{
  PyprepQuizView *view = window_child (f, "quiz_view");
  g_autoptr(PyprepAnnotation) annotation = dup_the_annotation (f);
  g_autofree char *card_id = pyprep_annotation_dup_card_id (annotation);
  g_autoptr(PyprepReviewSession) session = NULL;
  Revealed revealed = { f, annotation->id };
  GtkWidget *card;
  guint n;

  press_keys (GTK_WINDOW (f->window), "<Control>r");
  spin (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window_child (f, "main_stack")), ==, "quiz");
  g_object_get (view, "session", &session, NULL);
  n = pyprep_review_session_get_n_cards (session);
  for (guint i = 0; i < n && !g_str_equal (pyprep_review_session_get_current (session)->card_id, card_id); i++)
    {
      const PyprepCardRef *ref = pyprep_review_session_get_current (session);

      if (pyprep_card_ref_is_recall (ref))
        {
          press (GTK_WIDGET (view), GDK_KEY_space, 0);
          press (GTK_WIDGET (view), GDK_KEY_3, 0);
        }
      else
        {
          press (GTK_WIDGET (view), GDK_KEY_1, 0);
          press (GTK_WIDGET (view), GDK_KEY_Return, 0);
          press (GTK_WIDGET (view), GDK_KEY_Return, 0);
        }
    }
  g_assert_cmpstr (pyprep_review_session_get_current (session)->card_id, ==, card_id);

  card = adw_bin_get_child (template_child (view, PYPREP_TYPE_QUIZ_VIEW, "card_bin"));
  g_assert_true (PYPREP_IS_RECALL_CARD (card));
  g_assert_cmpstr (gtk_label_get_text (template_child (card, PYPREP_TYPE_RECALL_CARD, "prompt_label")), ==,
                   QUESTION);
  press_keys (GTK_WINDOW (f->window), "space");
  spin (200);
  g_assert_cmpstr (gtk_label_get_text (template_child (card, PYPREP_TYPE_RECALL_CARD, "answer_label")), ==,
                   "dynamic array");

  /* Missed: the passage is offered, and Read the Passage (Alt+R) opens
   * it, as for the deck's cards. */
  press_keys (GTK_WINDOW (f->window), "1");
  g_assert_true (gtk_widget_get_visible (template_child (view, PYPREP_TYPE_QUIZ_VIEW, "passage_button")));
  g_assert_nonnull (pyprep_store_get_card_state (store_of (f), card_id));
  spin (200);
  save_screenshot (f, "notecards-missed.png");
  press_keys (GTK_WINDOW (f->window), "<Alt>r");
  wait_until (reader_shown, f, "the reader");
  g_assert_cmpstr (pyprep_entry_get_id (shown_entry (f)), ==, ENTRY);
  wait_until (passage_revealed, &revealed, "the card's passage to be marked");
  save_screenshot (f, "notecards-passage.png");
}

static gboolean
is_card_in_review (Fixture    *f,
                   const char *card_id)
{
  g_autoptr(GListModel) entries = pyprep_review_collect_entries (pyprep_library_get_decks (
                                                                   pyprep_application_get_library (f->app)));
  g_autoptr(GPtrArray) cards = pyprep_review_collect_cards (entries, store_of (f));

  for (guint i = 0; i < cards->len; i++)
    if (g_str_equal (((PyprepCardRef *) g_ptr_array_index (cards, i))->card_id, card_id))
      return TRUE;
  return FALSE;
}

static void
undo_in_toast (Fixture *f)
{
  spin (300);
  click_button (GTK_WIDGET (window_child (f, "toast_overlay")), "_Undo");
}

static gboolean
no_annotation (gpointer data)
{
  return pyprep_store_count_annotations (store_of (data), ENTRY) == 0;
}

typedef struct
{
  Fixture *f;
  const char *id;
} Gone;

static gboolean
annotation_gone (gpointer data)
{
  Gone *gone = data;
  g_autoptr(PyprepAnnotation) annotation = pyprep_store_dup_annotation (store_of (gone->f), gone->id);

  return annotation == NULL;
}

/* Deleting the annotation asks about its card: kept, then undone; deleted,
 * then undone. */
static void
delete_keeping_and_not (Fixture *f)
{
  PyprepStore *store = store_of (f);
  g_autoptr(PyprepAnnotation) annotation = dup_the_annotation (f);
  g_autofree char *card_id = pyprep_annotation_dup_card_id (annotation);
  g_autoptr(PyprepAnnotation) kept = NULL;
  g_autoptr(PyprepAnnotation) back = NULL;
  Gone gone = { f, annotation->id };

  g_object_set (f->window, "show-annotations", TRUE, NULL);
  click_icon (annotation_row_at (f, 0), "user-trash-symbolic");
  wait_until (dialog_open, f, "the delete question");
  spin (300);
  save_screenshot (f, "notecards-delete-question.png");
  /* Enter keeps the card: the default. */
  press_keys (GTK_WINDOW (f->window), "Return");
  wait_until (dialog_closed, f, "the delete question to close");
  wait_until (no_annotation, f, "the annotation to go");
  g_assert_cmpuint (g_list_model_get_n_items (window_annotation_ids (f)), ==, 0);
  kept = pyprep_store_dup_annotation (store, annotation->id);
  g_assert_true (kept->card_only);
  g_assert_true (is_card_in_review (f, card_id));

  undo_in_toast (f);
  back = pyprep_store_dup_annotation (store, annotation->id);
  g_assert_false (back->card_only);
  g_assert_true (back->has_card);
  g_assert_cmpuint (g_list_model_get_n_items (window_annotation_ids (f)), ==, 1);

  /* Now delete the card with it. */
  click_icon (annotation_row_at (f, 0), "user-trash-symbolic");
  wait_until (dialog_open, f, "the delete question");
  click_button (GTK_WIDGET (find_dialog (f)), "_Delete Card");
  wait_until (dialog_closed, f, "the delete question to close");
  wait_until (annotation_gone, &gone, "the annotation and its card to go");
  g_assert_false (is_card_in_review (f, card_id));
  g_assert_cmpuint (pyprep_store_count_annotations (store, ENTRY), ==, 0);

  undo_in_toast (f);
  g_assert_true (is_card_in_review (f, card_id));
  g_assert_cmpuint (pyprep_store_count_annotations (store, ENTRY), ==, 1);
  g_assert_nonnull (annotation_row_at (f, 0));
}

static void
check_card_life_cycle (Fixture *f)
{
  if (!keys_available (GTK_WINDOW (f->window)))
    {
      g_test_skip ("no X11 display with the XTEST library to press keys on");
      return;
    }
  annotate_by_keys (f);
  make_card_by_keys (f);
  review_and_miss (f);
  delete_keeping_and_not (f);
}

static void
test_card_life_cycle (void)
{
  g_autofree char *deck = test_deck_path ("good");

  forget_user_data ();
  run_app (deck, check_card_life_cycle, NULL);
}

/* 10,000 annotations on one entry ----------------------------------------- */

#define N_MANY 10000

/* Writes a data file holding N_MANY annotations on ENTRY, one of which
 * quotes a passage and is a card. */
static void
write_many_annotations (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "pyprep", NULL);
  g_autoptr(GString) json = g_string_new ("{\"schema_version\": 1, \"annotations\": {");

  for (guint i = 0; i < N_MANY; i++)
    g_string_append_printf (json, "%s\"note-%05u\": {\"entry\": \"" ENTRY "\", \"text\": \"Note %u\","
                                  " \"created\": \"2026-11-01T%02u:%02u:%02u.000000Z\","
                                  " \"modified\": \"2026-11-01T00:00:00.000000Z\"%s}",
                            i == 0 ? "" : ", ", i, i, i / 3600, i / 60 % 60, i % 60,
                            i == 0 ? ", \"quote\": {\"exact\": \"dynamic array\"},"
                                     " \"card\": {\"created\": \"2026-11-01T00:00:00.000000Z\"}" : "");
  g_string_append (json, "}}");
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_file (dir, "user-data.json", json->str);
}

static gboolean
rows_built (gpointer data)
{
  return count_annotation_rows (data) > 0;
}

/* Opening the entry builds no row while the panel is hidden; shown, it
 * builds the rows in sight only, and follows changes item by item. */
static void
check_many_annotations (Fixture *f)
{
  PyprepStore *store = store_of (f);
  GListModel *ids = window_annotation_ids (f);
  g_autofree char *id = NULL;
  g_autoptr(PyprepAnnotation) removed = NULL;
  g_autoptr(GtkStringObject) first = NULL;
  guint built;

  g_assert_cmpuint (pyprep_store_count_annotations (store, ENTRY), ==, N_MANY);
  g_assert_cmpstr (pyprep_entry_get_id (shown_entry (f)), ==, ENTRY);
  g_assert_cmpuint (count_annotation_rows (f), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ids), ==, 0);

  g_object_set (f->window, "show-annotations", TRUE, NULL);
  wait_until (rows_built, f, "the annotation rows");
  spin (300);
  built = count_annotation_rows (f);
  g_test_message ("%u rows built for %u annotations", built, N_MANY);
  g_assert_cmpuint (g_list_model_get_n_items (ids), ==, N_MANY);
  /* GTK keeps some 200 rows around those in sight, for smooth scrolling:
   * a few hundred at most, never one per annotation. */
  g_assert_cmpuint (built, >, 0);
  g_assert_cmpuint (built, <, 400);
  /* Newest first: note 9999 was written last. */
  first = g_list_model_get_item (ids, 0);
  g_assert_cmpstr (gtk_string_object_get_string (first), ==, "note-09999");
  g_assert_cmpstr (pyprep_annotation_row_get_annotation (PYPREP_ANNOTATION_ROW (annotation_row_at (f, 0)))->text,
                   ==, "Note 9999");
  save_screenshot (f, "notecards-many.png");

  /* A new one goes on top; an edit and a removal change one item. */
  id = pyprep_store_add_annotation (store, ENTRY, "The newest", NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (ids), ==, N_MANY + 1);
  g_assert_cmpstr (pyprep_annotation_row_get_annotation (PYPREP_ANNOTATION_ROW (annotation_row_at (f, 0)))->id,
                   ==, id);
  g_assert_true (pyprep_store_update_annotation (store, id, "Edited"));
  spin (100);
  g_assert_cmpstr (pyprep_annotation_row_get_annotation (PYPREP_ANNOTATION_ROW (annotation_row_at (f, 0)))->text,
                   ==, "Edited");
  removed = pyprep_store_remove_annotation (store, "note-05000");
  g_assert_cmpuint (g_list_model_get_n_items (ids), ==, N_MANY);
  /* Restored, it goes back where it was. */
  pyprep_store_restore_annotation (store, removed);
  g_assert_cmpuint (g_list_model_get_n_items (ids), ==, N_MANY + 1);
  {
    g_autoptr(GtkStringObject) item = g_list_model_get_item (ids, 1 + (N_MANY - 1 - 5000));

    g_assert_cmpstr (gtk_string_object_get_string (item), ==, "note-05000");
  }
  g_assert_cmpuint (count_annotation_rows (f), <, 400);
}

static void
test_many_annotations (void)
{
  g_autofree char *deck = test_deck_path ("good");

  forget_user_data ();
  write_many_annotations ();
  run_app (deck, check_many_annotations, NULL);
}

/* Screenshots ---------------------------------------------------------------- */

/* One annotation that is a card and one that is not, on ENTRY. */
static void
write_card_annotations (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "pyprep", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_file (dir, "user-data.json",
              "{\"schema_version\": 1, \"annotations\": {"
              "\"a-card\": {\"entry\": \"" ENTRY "\", \"text\": \"Growth is *geometric*.\","
              " \"quote\": {\"exact\": \"dynamic array\", \"prefix\": \"A list is a \"},"
              " \"created\": \"2026-11-01T10:00:00.000000Z\", \"modified\": \"2026-11-01T10:00:00.000000Z\","
              " \"card\": {\"question\": \"" QUESTION "\", \"created\": \"2026-11-01T10:00:00.000000Z\"}},"
              "\"a-note\": {\"entry\": \"" ENTRY "\", \"text\": \"Appending is amortized O(1).\","
              " \"quote\": {\"exact\": \"references\"},"
              " \"created\": \"2026-11-01T09:00:00.000000Z\", \"modified\": \"2026-11-01T09:00:00.000000Z\"}"
              "}}");
}

static gboolean
panel_filled (gpointer data)
{
  return g_list_model_get_n_items (window_annotation_ids (data)) == 2;
}

static void
shoot (Fixture    *f,
       const char *what,
       const char *style)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *name = g_strdup_printf ("notecards-narrow-%s-%s-%s.png", what, style,
                                           language != NULL ? language : "en");

  spin (500);
  save_screenshot (f, name);
}

/* At 360 px, light and dark: the panel with a card, the card dialog and
 * the delete question. */
static void
check_screens (Fixture *f)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const char *styles[] = { "light", "dark" };

  /* Narrow, the sidebar comes first: open the entry, as Enter does. */
  g_signal_emit_by_name (window_entry_list (f), "activate",
                         gtk_single_selection_get_selected (window_entries (f)));
  g_object_set (f->window, "show-annotations", TRUE, NULL);
  wait_until (panel_filled, f, "the panel's list");
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      GtkWidget *row;

      adw_style_manager_set_color_scheme (manager, i == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                          : ADW_COLOR_SCHEME_FORCE_DARK);
      row = annotation_row_at (f, 0);
      g_assert_true (pyprep_annotation_row_get_annotation (PYPREP_ANNOTATION_ROW (row))->has_card);
      shoot (f, "panel", styles[i]);
      pyprep_annotation_row_make_card (PYPREP_ANNOTATION_ROW (row));
      wait_until (dialog_open, f, "the card dialog");
      shoot (f, "dialog", styles[i]);
      adw_dialog_close (ADW_DIALOG (find_dialog (f)));
      wait_until (dialog_closed, f, "the card dialog to close");
      click_icon (row, "user-trash-symbolic");
      wait_until (dialog_open, f, "the delete question");
      shoot (f, "delete-question", styles[i]);
      adw_dialog_close (ADW_DIALOG (find_dialog (f)));
      wait_until (dialog_closed, f, "the delete question to close");
      /* Closed, the question deleted nothing. */
      g_assert_cmpuint (pyprep_store_count_annotations (store_of (f), ENTRY), ==, 2);
    }
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_screens (void)
{
  g_autofree char *deck = test_deck_path ("good");

  forget_user_data ();
  write_card_annotations ();
  run_app_sized (deck, 360, 700, check_screens, NULL);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("PYPREP_LOCALEDIR");

  /* For the screenshots in another language (LANGUAGE=zh_CN, with
   * PYPREP_LOCALEDIR naming the built translations), as the app's main
   * sets them up; the other cases expect English. */
  if (localedir != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  if (!ui_test_init (&argc, &argv, g_getenv ("LANGUAGE") != NULL ? NULL : "en"))
    return g_test_run ();

  g_test_add_func ("/pyprep/ui/notecards/card-life-cycle", test_card_life_cycle);
  g_test_add_func ("/pyprep/ui/notecards/many-annotations", test_many_annotations);
  g_test_add_func ("/pyprep/ui/notecards/screens", test_screens);

  return g_test_run ();
}
