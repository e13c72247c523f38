/* pyprep-window.c: the main window: topic sidebar, reader and annotations.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-entry-row.h"
#include "pyprep-problems-dialog.h"
#include "pyprep-quiz-view.h"
#include "pyprep-reader-page.h"
#include "pyprep-stats-view.h"
#include "pyprep-search-panel.h"
#include "pyprep-study-sheet.h"
#include "pyprep-topic-header.h"
#include "pyprep-window-private.h"

typedef enum
{
  FILTER_ALL,
  FILTER_BOOKMARKED,
  FILTER_ANNOTATED,
} Filter;

static const char *filter_names[] = { "all", "bookmarked", "annotated" };

struct _PyprepWindow
{
  AdwApplicationWindow parent_instance;

  /* template children */
  AdwToastOverlay *toast_overlay;
  AdwBanner *banner;
  AdwBanner *problems_banner;
  AdwNavigationSplitView *split_view;
  GtkStack *main_stack;
  PyprepQuizView *quiz_view;
  PyprepStatsView *stats_view;
  GtkButton *review_button;
  GtkLabel *due_label;
  PyprepReaderPage *reader_page;
  GtkStack *sidebar_stack;
  GtkListView *entry_list;
  AdwStatusPage *sidebar_status;
  AdwStatusPage *filter_status;
  GtkSearchEntry *search_entry;
  PyprepSearchPanel *search_panel;
  GtkWidget *filter_box;

  /* owned */
  GSettings *settings;
  GtkSingleSelection *selection;
  GtkCustomFilter *filter;
  GtkCustomSorter *sorter;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GListModel *all_entries;
  GtkListItemFactory *header_factory;

  /* borrowed */
  PyprepLibrary *library;
  PyprepStore *store;
  PyprepReader *reader;         /* the reader page's */
  PyprepFindBar *find_bar;      /* the reader page's */

  /* state */
  Filter filter_mode;
  gboolean syncing_selection;
  guint scroll_source;
  guint scroll_frames;
  gint64 last_click;
  guint due_source;           /* debounced due-count refresh */
  guint due_timer;            /* learning cards fall due as time passes */
  guint n_due;
};

G_DEFINE_FINAL_TYPE (PyprepWindow, pyprep_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BOOKMARKED,
  PROP_FILTER,
  PROP_SHOW_ANNOTATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gpointer
deck_topics_cb (gpointer item,
                gpointer user_data)
{
  g_autoptr(PyprepDeck) deck = item;

  return g_object_ref (pyprep_deck_get_topics (deck));
}

static gpointer
topic_entries_cb (gpointer item,
                  gpointer user_data)
{
  g_autoptr(PyprepTopic) topic = item;

  return g_object_ref (pyprep_topic_get_entries (topic));
}

/* The sidebar shows every entry of every deck, one section per topic. */
static GListModel *
create_entries_model (PyprepLibrary *library)
{
  GListModel *decks = g_object_ref (pyprep_library_get_decks (library));
  GtkMapListModel *topics_per_deck = gtk_map_list_model_new (decks, deck_topics_cb, NULL, NULL);
  GtkFlattenListModel *topics = gtk_flatten_list_model_new (G_LIST_MODEL (topics_per_deck));
  GtkMapListModel *entries_per_topic = gtk_map_list_model_new (G_LIST_MODEL (topics),
                                                               topic_entries_cb, NULL, NULL);

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (entries_per_topic)));
}

static gboolean
filter_entry_cb (gpointer item,
                 gpointer user_data)
{
  PyprepWindow *self = user_data;
  const char *id = pyprep_entry_get_id (PYPREP_ENTRY (item));

  switch (self->filter_mode)
    {
    case FILTER_BOOKMARKED:
      return pyprep_store_get_bookmarked (self->store, id);
    case FILTER_ANNOTATED:
      return pyprep_store_count_annotations (self->store, id) > 0;
    case FILTER_ALL:
    default:
      return TRUE;
    }
}

static int
sort_entry_cb (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  PyprepWindow *self = user_data;
  gint64 x, y;

  /* Only bookmarks are sorted, newest first; otherwise deck order stays. */
  if (self->filter_mode != FILTER_BOOKMARKED)
    return GTK_ORDERING_EQUAL;

  x = pyprep_store_get_bookmark_time (self->store, pyprep_entry_get_id (PYPREP_ENTRY ((gpointer) a)));
  y = pyprep_store_get_bookmark_time (self->store, pyprep_entry_get_id (PYPREP_ENTRY ((gpointer) b)));
  return x > y ? GTK_ORDERING_SMALLER : x < y ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
update_sidebar_state (PyprepWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  gboolean has_entries = pyprep_library_get_first_entry (self->library) != NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (*query != '\0' && has_entries)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "search");
  else if (n > 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "entries");
  else if (has_entries)
    {
      /* The filter hides everything: say what would show up here. */
      if (self->filter_mode == FILTER_BOOKMARKED)
        {
          adw_status_page_set_icon_name (self->filter_status, "starred-symbolic");
          adw_status_page_set_title (self->filter_status, _("No Bookmarks"));
          adw_status_page_set_description (self->filter_status,
                                           _("Press Ctrl+D or the star to bookmark the entry you are reading."));
        }
      else
        {
          adw_status_page_set_icon_name (self->filter_status, "document-edit-symbolic");
          adw_status_page_set_title (self->filter_status, _("No Annotations"));
          adw_status_page_set_description (self->filter_status,
                                           _("Press Ctrl+N to write a note on the entry you are reading."));
        }
      gtk_stack_set_visible_child_name (self->sidebar_stack, "no-matches");
    }
  else if (pyprep_library_get_loading (self->library))
    gtk_stack_set_visible_child_name (self->sidebar_stack, "loading");
  else
    gtk_stack_set_visible_child_name (self->sidebar_stack, "empty");
}

/* A list view places rows it has not measured yet by an estimate, so a
 * scroll to a row far down (at start, or after the model refilled) can
 * stop short of it. Scrolling again for a few frames, once the rows near
 * it are laid out, brings it fully into view. */
#define SCROLL_FRAMES 4

static gboolean
scroll_to_selected_tick (GtkWidget     *widget,
                         GdkFrameClock *clock,
                         gpointer       data)
{
  PyprepWindow *self = PYPREP_WINDOW (data);
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_list_view_scroll_to (self->entry_list, position, GTK_LIST_SCROLL_NONE, NULL);
  if (--self->scroll_frames > 0)
    return G_SOURCE_CONTINUE;
  self->scroll_source = 0;
  return G_SOURCE_REMOVE;
}

static void
select_entry_in_sidebar (PyprepWindow *self,
                         PyprepEntry  *entry)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  self->syncing_selection = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PyprepEntry) item = g_list_model_get_item (model, i);

      if (item == entry)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_list_view_scroll_to (self->entry_list, i, GTK_LIST_SCROLL_NONE, NULL);
          self->scroll_frames = SCROLL_FRAMES;
          if (self->scroll_source == 0)
            self->scroll_source = gtk_widget_add_tick_callback (GTK_WIDGET (self->entry_list),
                                                                scroll_to_selected_tick, self, NULL);
          self->syncing_selection = FALSE;
          return;
        }
    }
  /* Filtered out: nothing in the sidebar is the entry shown. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->syncing_selection = FALSE;
}

static void
entries_changed_cb (PyprepWindow *self)
{
  update_sidebar_state (self);

  /* As soon as there is something to read: the entry read last, where it
   * was left, or else the first entry. */
  if (pyprep_reader_get_entry (self->reader) == NULL)
    {
      const char *last = pyprep_store_get_last_entry (self->store);
      PyprepEntry *entry = last != NULL ? pyprep_library_lookup_entry (self->library, last) : NULL;

      if (entry != NULL)
        pyprep_reader_show_entry_at (self->reader, entry, pyprep_store_get_scroll (self->store, last));
      else if ((entry = pyprep_library_get_first_entry (self->library)) != NULL)
        pyprep_window_show_entry (self, entry);
    }
  else
    {
      PyprepEntry *shown = pyprep_reader_get_entry (self->reader);
      PyprepEntry *now = pyprep_library_lookup_entry (self->library, pyprep_entry_get_id (shown));

      /* A deck reloaded (in another language, say) has new entry objects
       * under the same IDs: show the new one in place. */
      if (now != NULL && now != shown)
        pyprep_reader_replace_entry (self->reader, now);
      else
        select_entry_in_sidebar (self, shown);
    }
}

static void
selection_changed_cb (PyprepWindow *self)
{
  PyprepEntry *entry = gtk_single_selection_get_selected_item (self->selection);

  if (entry == NULL || self->syncing_selection)
    return;

  pyprep_reader_show_entry (self->reader, entry);
  /* On a narrow window the sidebar covers the reader: a click on an entry
   * moves on to it. Keyboard focus alone (arrow keys, the focus landing in
   * the list) does not; Enter does, through list_activate_cb(). */
  if (g_get_monotonic_time () - self->last_click < 500 * G_TIME_SPAN_MILLISECOND)
    adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
list_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 PyprepWindow    *self)
{
  self->last_click = g_get_monotonic_time ();
}

static void
list_activate_cb (PyprepWindow *self,
                  guint         position)
{

  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

/* The sidebar follows the reader, whatever made it change entry. */
static void
reader_entry_changed_cb (PyprepWindow *self)
{
  PyprepEntry *entry = pyprep_reader_get_entry (self->reader);

  if (entry != NULL)
    select_entry_in_sidebar (self, entry);
}

static void
bookmarked_changed_cb (PyprepWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOKMARKED]);
}

/* Search ------------------------------------------------------------------ */

static void
search_changed_cb (PyprepWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->filter_box),
                          *pyprep_search_panel_get_query (self->search_panel) == '\0');
  update_sidebar_state (self);
}

/* Opens a result: the entry, scrolled to the first match, every match
 * highlighted, the find bar saying how many. */
static void
result_activated_cb (PyprepWindow *self,
                     PyprepEntry  *entry,
                     const char   *term)
{
  pyprep_window_show_entry (self, entry);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  if (term != NULL)
    pyprep_find_bar_search (self->find_bar, term);
}

static void
search_stop_cb (PyprepWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->entry_list));
}

static gboolean
window_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       PyprepWindow          *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* "/" starts a search, unless the user is typing text somewhere. */
  if (keyval == GDK_KEY_slash && !(state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
      && (focus == NULL || (!GTK_IS_EDITABLE (focus) && !GTK_IS_TEXT_VIEW (focus)
                            && gtk_widget_get_ancestor (focus, GTK_TYPE_EDITABLE) == NULL)))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.search", NULL);
      return TRUE;
    }
  return FALSE;
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pyprep_find_bar_open (PYPREP_WINDOW (widget)->find_bar);
}

/* Due counts: per topic in the sidebar's section headers, the total on
 * the review button. Cards due now, from every open deck. */
static gboolean
refresh_due_counts (gpointer data)
{
  PyprepWindow *self = data;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *label = NULL;
  g_autofree char *count = NULL;
  PyprepFsrsParams params;
  guint total = 0;

  self->due_source = 0;
  if (self->library == NULL || self->store == NULL)
    return G_SOURCE_REMOVE;

  pyprep_fsrs_params_init (&params);
  entries = pyprep_review_collect_entries (pyprep_library_get_decks (self->library));
  progress = pyprep_review_dup_topic_progress (entries, self->store, &params, g_get_real_time ());
  for (guint i = 0; i < progress->len; i++)
    {
      PyprepTopicProgress *topic = g_ptr_array_index (progress, i);

      if (topic->topic != NULL)
        pyprep_topic_set_n_due (topic->topic, topic->n_due);
      total += topic->n_due;
    }

  self->n_due = total;
  count = g_strdup_printf ("%u", total);
  gtk_label_set_text (self->due_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), total > 0);
  if (total > 0)
    {
      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Review Cards: %u due (Ctrl+R)",
                                              "Review Cards: %u due (Ctrl+R)", total), total);
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Review Cards, %u due", "Review Cards, %u due", total), total);
    }
  else
    {
      tooltip = g_strdup (_("Review Cards (Ctrl+R)"));
      label = g_strdup (_("Review Cards"));
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->review_button), tooltip);
  /* Screen readers hear the count too. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->review_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return G_SOURCE_REMOVE;
}

static void
schedule_due_counts (PyprepWindow *self)
{
  if (self->due_source == 0)
    self->due_source = g_timeout_add (250, refresh_due_counts, self);
}

static gboolean
due_timer_cb (gpointer data)
{
  schedule_due_counts (data);
  return G_SOURCE_CONTINUE;
}

/* Review: the quiz takes the whole window; the reader stays where it was. */
static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->main_stack, "quiz");
  pyprep_quiz_view_start (self->quiz_view, self->library, self->store);
}

static void
progress_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  pyprep_stats_view_refresh (self->stats_view, self->library, self->store);
  gtk_stack_set_visible_child_name (self->main_stack, "stats");
}

/* Practice: @topic for a topic's cards, else the bookmarked entries or the
 * cards missed lately across every deck. */
static void
start_practice (PyprepWindow       *self,
                PyprepPracticeKind  kind,
                PyprepTopic        *topic)
{
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autofree char *title = NULL;
  g_autofree char *empty = NULL;

  if (topic != NULL)
    entries = g_object_ref (pyprep_topic_get_entries (topic));
  else
    entries = pyprep_review_collect_entries (pyprep_library_get_decks (self->library));
  queue = pyprep_review_build_practice (entries, self->store, kind, PYPREP_REVIEW_MISSED_DAYS,
                                        g_get_real_time ());

  switch (kind)
    {
    case PYPREP_PRACTICE_BOOKMARKED:
      title = g_strdup (_("Practice: Bookmarked Entries"));
      empty = g_strdup (_("Bookmark entries with the star (Ctrl+D) to practise their cards here."));
      break;
    case PYPREP_PRACTICE_MISSED:
      title = g_strdup (_("Practice: Cards Missed Lately"));
      empty = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "No card was answered Again in the last %d day.",
                                            "No card was answered Again in the last %d days.",
                                            PYPREP_REVIEW_MISSED_DAYS),
                               PYPREP_REVIEW_MISSED_DAYS);
      break;
    case PYPREP_PRACTICE_ALL:
    default:
      {
        g_autofree char *name = topic != NULL ? pyprep_topic_header_dup_title (self->library, topic) : NULL;

        /* Translators: the header of a practice session over one topic */
        title = g_strdup_printf (_("Practice: %s"), name != NULL ? name : _("All Cards"));
        empty = g_strdup (_("This topic has no cards."));
      }
      break;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "quiz");
  pyprep_quiz_view_start_practice (self->quiz_view, self->store, queue, title, empty);
}

static void
practice_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  const char *what = g_variant_get_string (parameter, NULL);

  if (g_strcmp0 (what, "bookmarked") == 0)
    start_practice (self, PYPREP_PRACTICE_BOOKMARKED, NULL);
  else if (g_strcmp0 (what, "missed") == 0)
    start_practice (self, PYPREP_PRACTICE_MISSED, NULL);
  else if (g_strcmp0 (what, "topic") == 0)
    {
      PyprepEntry *entry = pyprep_reader_get_entry (self->reader);
      PyprepTopic *topic = entry != NULL ? pyprep_entry_get_topic (entry) : NULL;

      if (topic != NULL)
        start_practice (self, PYPREP_PRACTICE_ALL, topic);
      else
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("Open an entry first: its topic is the one practised")));
    }
}

static void
quiz_closed_cb (PyprepWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "library");
  refresh_due_counts (self);
}

static void
stats_closed_cb (PyprepWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "library");
}

static void
stats_review_cb (PyprepWindow *self)
{
  review_action (GTK_WIDGET (self), "win.review", NULL);
}

static void
stats_practice_cb (PyprepWindow *self,
                   int           kind,
                   PyprepTopic  *topic)
{
  start_practice (self, kind, topic);
}

static void
quiz_open_entry_cb (PyprepWindow *self,
                    PyprepEntry  *entry)
{
  gtk_stack_set_visible_child_name (self->main_stack, "library");
  pyprep_window_show_entry (self, entry);
}

static void
find_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);

  if (g_str_equal (action_name, "win.find-previous"))
    pyprep_find_bar_previous (self->find_bar);
  else
    pyprep_find_bar_next (self->find_bar);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  pyprep_reader_print (PYPREP_WINDOW (widget)->reader);
}

static void
history_changed_cb (PyprepWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back",
                                 pyprep_reader_get_can_go_back (self->reader));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-forward",
                                 pyprep_reader_get_can_go_forward (self->reader));
}

static void
store_changed_cb (PyprepWindow *self,
                  const char   *what,
                  const char   *id)
{
  /* During a session the counts are out of sight; closing it counts
   * again (on a 10,000-entry deck a count takes some 25 ms). */
  if ((g_strcmp0 (what, "card") == 0 || g_strcmp0 (what, "import") == 0)
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "quiz") != 0)
    schedule_due_counts (self);
  if (g_strcmp0 (what, "reading") == 0 || g_strcmp0 (what, "card") == 0)
    return;

  if (self->filter_mode != FILTER_ALL)
    {
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
    }
}

static void
banner_dismissed_cb (PyprepWindow *self)
{
  adw_banner_set_revealed (self->banner, FALSE);
}

static void
update_problems (PyprepWindow *self)
{
  guint count = pyprep_problems_dialog_count_problems (self->library);
  g_autofree char *title = NULL;

  if (count == 0)
    {
      adw_banner_set_revealed (self->problems_banner, FALSE);
      return;
    }
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The notes have %u problem; what could be read is shown",
                                        "The notes have %u problems; what could be read is shown", count),
                           count);
  adw_banner_set_title (self->problems_banner, title);
  adw_banner_set_revealed (self->problems_banner, TRUE);
}

static void
show_problems_cb (PyprepWindow *self)
{
  adw_dialog_present (pyprep_problems_dialog_new (self->library), GTK_WIDGET (self));
}

static void
show_toast (PyprepWindow *self,
            const char   *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
show_error (PyprepWindow *self,
            const char   *heading,
            const char   *body)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* Actions ----------------------------------------------------------------- */

static void
new_annotation_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  pyprep_reader_page_new_annotation (PYPREP_WINDOW (widget)->reader_page);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  pyprep_reader_go_back (PYPREP_WINDOW (widget)->reader);
}

static void
go_forward_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  pyprep_reader_go_forward (PYPREP_WINDOW (widget)->reader);
}

/* The entry before or after the one shown, in deck and topic order. */
static void
step_entry (PyprepWindow *self,
            int           direction)
{
  PyprepEntry *current = pyprep_reader_get_entry (self->reader);
  guint n = g_list_model_get_n_items (self->all_entries);

  for (guint i = 0; current != NULL && i < n; i++)
    {
      g_autoptr(PyprepEntry) entry = g_list_model_get_item (self->all_entries, i);

      if (entry == current)
        {
          g_autoptr(PyprepEntry) next = NULL;

          if ((direction < 0 && i == 0) || (direction > 0 && i + 1 >= n))
            {
              gtk_widget_error_bell (GTK_WIDGET (self));
              return;
            }
          next = g_list_model_get_item (self->all_entries, i + direction);
          pyprep_window_show_entry (self, next);
          return;
        }
    }
}

static void
previous_entry_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  step_entry (PYPREP_WINDOW (widget), -1);
}

static void
next_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  step_entry (PYPREP_WINDOW (widget), 1);
}

/* Zoom steps as in GNOME's other readers. */
static const double zoom_steps[] = { 0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.2, 1.33, 1.5, 1.7, 2.0, 2.4, 3.0 };

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  double zoom = pyprep_reader_get_zoom_level (self->reader);

  if (g_str_equal (action_name, "win.zoom-reset"))
    zoom = 1.0;
  else if (g_str_equal (action_name, "win.zoom-in"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
        if (zoom_steps[i] > zoom + 0.001)
          {
            zoom = zoom_steps[i];
            break;
          }
    }
  else
    {
      for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
        if (zoom_steps[i - 1] < zoom - 0.001)
          {
            zoom = zoom_steps[i - 1];
            break;
          }
    }

  pyprep_reader_set_zoom_level (self->reader, zoom);
}

/* The mouse's back and forward buttons. */
static void
mouse_button_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 PyprepWindow    *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == 8)
    pyprep_reader_go_back (self->reader);
  else if (button == 9)
    pyprep_reader_go_forward (self->reader);
}

/* Export and import through the file chooser (a portal in the Flatpak). */

typedef void (*FileHandler) (PyprepWindow *self,
                             GFile        *file);

typedef struct
{
  const char *action;
  const char *title;
  const char *initial_name;    /* NULL to open a file instead of saving one */
  const char *filter_name;
  const char *mime_type;
  const char *suffix;
  FileHandler handler;
} FileAction;

static const FileAction file_actions[] = {
  { "win.export-data", N_("Export Data"), "pyprep-data.json",
    N_("Pyprep data (JSON)"), "application/json", "json", pyprep_window_export_data_to },
  { "win.import-data", N_("Import Data"), NULL,
    N_("Pyprep data (JSON)"), "application/json", "json", pyprep_window_import_data_from },
  { "win.export-annotations", N_("Export Annotations"), "pyprep-annotations.md",
    N_("Markdown"), "text/markdown", "md", pyprep_window_export_annotations_to },
};

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PyprepWindow) self = user_data;
  const FileAction *action = g_object_get_data (object, "file-action");
  g_autoptr(GFile) file = NULL;

  /* A dismissed dialog is not an error; it just does nothing. */
  if (action->initial_name != NULL)
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);
  if (file != NULL)
    action->handler (self, file);
}

static void
file_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PyprepWindow *self = PYPREP_WINDOW (widget);
  const FileAction *action = NULL;
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  for (guint i = 0; i < G_N_ELEMENTS (file_actions); i++)
    if (g_str_equal (file_actions[i].action, action_name))
      action = &file_actions[i];
  g_return_if_fail (action != NULL);

  gtk_file_filter_set_name (filter, _(action->filter_name));
  gtk_file_filter_add_mime_type (filter, action->mime_type);
  gtk_file_filter_add_suffix (filter, action->suffix);
  g_list_store_append (filters, filter);

  gtk_file_dialog_set_title (dialog, _(action->title));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  g_object_set_data (G_OBJECT (dialog), "file-action", (gpointer) action);
  if (action->initial_name != NULL)
    {
      gtk_file_dialog_set_initial_name (dialog, action->initial_name);
      gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, file_chosen_cb, g_object_ref (self));
    }
  else
    gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, file_chosen_cb, g_object_ref (self));
}

/* Sidebar rows ------------------------------------------------------------ */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PyprepWindow             *self)
{
  GtkWidget *row = g_object_new (PYPREP_TYPE_ENTRY_ROW, NULL);

  pyprep_entry_row_set_store (PYPREP_ENTRY_ROW (row), self->store);
  gtk_list_item_set_child (item, row);
  /* Screen readers speak the list item, not the row inside it: the item
   * carries the entry's title and its marks in words. */
  g_object_bind_property (row, "marks", item, "accessible-description", G_BINDING_SYNC_CREATE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PyprepWindow             *self)
{
  PyprepEntry *entry = gtk_list_item_get_item (item);

  pyprep_entry_row_set_entry (PYPREP_ENTRY_ROW (gtk_list_item_get_child (item)), entry);
  gtk_list_item_set_accessible_label (item, pyprep_entry_get_title (entry));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PyprepWindow             *self)
{
  pyprep_entry_row_set_entry (PYPREP_ENTRY_ROW (gtk_list_item_get_child (item)), NULL);
  gtk_list_item_set_accessible_label (item, NULL);
}

/* Topic headers: the topic of a section's first entry. */
static void
setup_header_cb (GtkSignalListItemFactory *factory,
                 GtkListHeader            *header,
                 PyprepWindow             *self)
{
  gtk_list_header_set_child (header, g_object_new (PYPREP_TYPE_TOPIC_HEADER, "library", self->library, NULL));
}

static void
bind_header_cb (GtkSignalListItemFactory *factory,
                GtkListHeader            *header,
                PyprepWindow             *self)
{
  PyprepEntry *entry = gtk_list_header_get_item (header);

  pyprep_topic_header_set_topic (PYPREP_TOPIC_HEADER (gtk_list_header_get_child (header)),
                                 entry != NULL ? pyprep_entry_get_topic (entry) : NULL);
}

static void
unbind_header_cb (GtkSignalListItemFactory *factory,
                  GtkListHeader            *header,
                  PyprepWindow             *self)
{
  pyprep_topic_header_set_topic (PYPREP_TOPIC_HEADER (gtk_list_header_get_child (header)), NULL);
}

/* Window state ------------------------------------------------------------ */

static void
load_window_state (PyprepWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
close_request_cb (PyprepWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);

  return FALSE;
}

/* Called once the window knows its application, which holds the library
 * and the store. */
static void
setup_models (PyprepWindow      *self,
              PyprepApplication *app)
{
  GListModel *entries;
  GtkListItemFactory *factory;
  const char *message;

  self->library = pyprep_application_get_library (app);
  self->store = pyprep_application_get_store (app);
  pyprep_reader_page_set_library (self->reader_page, self->library);
  pyprep_reader_page_set_store (self->reader_page, self->store);
  pyprep_search_panel_set_library (self->search_panel, self->library);
  pyprep_search_panel_set_store (self->search_panel, self->store);

  entries = create_entries_model (self->library);
  self->all_entries = g_object_ref (entries);
  self->filter = gtk_custom_filter_new (filter_entry_cb, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_entry_cb, self, NULL);
  /* Filtering keeps the topic sections; the sorted model (bookmarks,
   * newest first) is one flat list and is used only for bookmarks. */
  self->filtered = gtk_filter_list_model_new (entries, GTK_FILTER (g_object_ref (self->filter)));
  /* The sorted model follows the filtered one only while bookmarks are
   * listed: otherwise every change to a large deck would sort it for
   * nothing (the benchmark found that). */
  self->sorted = gtk_sort_list_model_new (NULL, GTK_SORTER (g_object_ref (self->sorter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->entry_list, factory);
  g_object_unref (factory);
  self->header_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (self->header_factory, "setup", G_CALLBACK (setup_header_cb), self);
  g_signal_connect (self->header_factory, "bind", G_CALLBACK (bind_header_cb), self);
  g_signal_connect (self->header_factory, "unbind", G_CALLBACK (unbind_header_cb), self);
  gtk_list_view_set_header_factory (self->entry_list, self->header_factory);
  gtk_list_view_set_model (self->entry_list, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (entries_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "notify::loading",
                           G_CALLBACK (update_sidebar_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed",
                           G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pyprep_library_get_decks (self->library), "items-changed",
                           G_CALLBACK (update_problems), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pyprep_library_get_decks (self->library), "items-changed",
                           G_CALLBACK (schedule_due_counts), self, G_CONNECT_SWAPPED);
  schedule_due_counts (self);
  self->due_timer = g_timeout_add_seconds (300, due_timer_cb, self);

  /* What the store had to do at load time, the user hears about. */
  message = pyprep_store_get_recovery_message (self->store);
  if (message != NULL)
    {
      adw_banner_set_title (self->banner, message);
      adw_banner_set_revealed (self->banner, TRUE);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-annotation",
                                 !pyprep_store_get_read_only (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-data",
                                 !pyprep_store_get_read_only (self->store));

  entries_changed_cb (self);
  update_problems (self);
}

/* GObject ----------------------------------------------------------------- */

static void
pyprep_window_dispose (GObject *object)
{
  PyprepWindow *self = PYPREP_WINDOW (object);

  if (self->scroll_source != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->entry_list), self->scroll_source);
      self->scroll_source = 0;
    }
  self->reader = NULL;
  self->find_bar = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
  g_clear_object (&self->all_entries);
  g_clear_handle_id (&self->due_source, g_source_remove);
  g_clear_handle_id (&self->due_timer, g_source_remove);
  g_clear_object (&self->header_factory);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pyprep_window_parent_class)->dispose (object);
}

static void
pyprep_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PyprepWindow *self = PYPREP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BOOKMARKED:
      g_value_set_boolean (value, pyprep_window_get_bookmarked (self));
      break;
    case PROP_FILTER:
      g_value_set_string (value, filter_names[self->filter_mode]);
      break;
    case PROP_SHOW_ANNOTATIONS:
      g_value_set_boolean (value, self->reader_page != NULL
                                  && pyprep_reader_page_get_show_annotations (self->reader_page));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PyprepWindow *self = PYPREP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BOOKMARKED:
      pyprep_window_set_bookmarked (self, g_value_get_boolean (value));
      break;
    case PROP_FILTER:
      pyprep_window_set_filter (self, g_value_get_string (value));
      break;
    case PROP_SHOW_ANNOTATIONS:
      pyprep_reader_page_set_show_annotations (self->reader_page, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
show_sidebar_changed_cb (PyprepWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ANNOTATIONS]);
}

static void
pyprep_window_class_init (PyprepWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_window_dispose;
  object_class->get_property = pyprep_window_get_property;
  object_class->set_property = pyprep_window_set_property;

  properties[PROP_BOOKMARKED] =
    g_param_spec_boolean ("bookmarked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_ANNOTATIONS] =
    g_param_spec_boolean ("show-annotations", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PYPREP_TYPE_READER_PAGE);
  g_type_ensure (PYPREP_TYPE_QUIZ_VIEW);
  g_type_ensure (PYPREP_TYPE_STATS_VIEW);
  g_type_ensure (PYPREP_TYPE_SEARCH_PANEL);
  g_type_ensure (PYPREP_TYPE_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/Pyprep/ui/pyprep-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, problems_banner);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, quiz_view);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, stats_view);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, review_button);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, due_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, reader_page);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, entry_list);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, sidebar_status);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, filter_status);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, search_panel);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, filter_box);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
  gtk_widget_class_bind_template_callback (widget_class, banner_dismissed_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_problems_cb);
  gtk_widget_class_bind_template_callback (widget_class, quiz_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, quiz_open_entry_cb);
  gtk_widget_class_bind_template_callback (widget_class, stats_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stats_review_cb);
  gtk_widget_class_bind_template_callback (widget_class, stats_practice_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);

  gtk_widget_class_install_property_action (widget_class, "win.bookmark", "bookmarked");
  gtk_widget_class_install_property_action (widget_class, "win.filter", "filter");
  gtk_widget_class_install_property_action (widget_class, "win.show-annotations", "show-annotations");
  gtk_widget_class_install_action (widget_class, "win.new-annotation", NULL, new_annotation_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, go_forward_action);
  gtk_widget_class_install_action (widget_class, "win.previous-entry", NULL, previous_entry_action);
  gtk_widget_class_install_action (widget_class, "win.next-entry", NULL, next_entry_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "win.progress", NULL, progress_action);
  gtk_widget_class_install_action (widget_class, "win.practice", "s", practice_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_step_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_step_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  for (guint i = 0; i < G_N_ELEMENTS (file_actions); i++)
    gtk_widget_class_install_action (widget_class, file_actions[i].action, NULL, file_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.bookmark", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-annotations", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-annotation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.review", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.progress", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.go-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.previous-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.next-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.filter", "s", "all");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.filter", "s", "bookmarked");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.filter", "s", "annotated");
}

static void
pyprep_window_init (PyprepWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->reader = pyprep_reader_page_get_reader (self->reader_page);
  self->find_bar = pyprep_reader_page_get_find_bar (self->reader_page);

  self->settings = g_settings_new ("io.github.pyprep.Pyprep");
  load_window_state (self);
  g_settings_bind (self->settings, "zoom-level", self->reader, "zoom-level", G_SETTINGS_BIND_DEFAULT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-forward", FALSE);
  {
    GtkEventController *window_keys = gtk_event_controller_key_new ();

    g_signal_connect (window_keys, "key-pressed", G_CALLBACK (window_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), window_keys);
  }
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect (click, "pressed", G_CALLBACK (list_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->entry_list), GTK_EVENT_CONTROLLER (click));
  }
  {
    GtkGesture *mouse = gtk_gesture_click_new ();

    /* Buttons 8 and 9 are the mouse's back and forward. */
    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (mouse), 0);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (mouse), GTK_PHASE_CAPTURE);
    g_signal_connect (mouse, "pressed", G_CALLBACK (mouse_button_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (mouse));
  }
  g_signal_connect_object (self->reader_page, "notify::show-annotations",
                           G_CALLBACK (show_sidebar_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader_page, "notify::bookmarked",
                           G_CALLBACK (bookmarked_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "notify::entry",
                           G_CALLBACK (reader_entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "notify::can-go-back",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "notify::can-go-forward",
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

PyprepWindow *
pyprep_window_new (PyprepApplication *application)
{
  PyprepWindow *self;

  g_return_val_if_fail (PYPREP_IS_APPLICATION (application), NULL);

  self = g_object_new (PYPREP_TYPE_WINDOW, "application", application, NULL);
  setup_models (self, application);

  return self;
}

/**
 * pyprep_window_set_load_error:
 * @error: (nullable): why the deck could not be opened
 *
 * Shows why there is nothing to read, when there is nothing.
 */
void
pyprep_window_set_load_error (PyprepWindow *self,
                              const GError *error)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));

  adw_status_page_set_description (self->sidebar_status, error != NULL ? error->message : NULL);
  update_sidebar_state (self);
}

/**
 * pyprep_window_show_entry:
 * @entry: the entry to read
 *
 * Shows @entry in the reader and selects it in the sidebar.
 */
void
pyprep_window_show_entry (PyprepWindow *self,
                          PyprepEntry  *entry)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));
  g_return_if_fail (PYPREP_IS_ENTRY (entry));

  pyprep_reader_show_entry (self->reader, entry);
}

/**
 * pyprep_window_get_bookmarked:
 *
 * Returns: whether the entry shown is bookmarked
 */
gboolean
pyprep_window_get_bookmarked (PyprepWindow *self)
{
  g_return_val_if_fail (PYPREP_IS_WINDOW (self), FALSE);

  /* The property action asks before the template is built. */
  return self->reader_page != NULL && pyprep_reader_page_get_bookmarked (self->reader_page);
}

void
pyprep_window_set_bookmarked (PyprepWindow *self,
                              gboolean      bookmarked)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));

  pyprep_reader_page_set_bookmarked (self->reader_page, bookmarked);
}

/**
 * pyprep_window_set_filter:
 * @filter: "all", "bookmarked" or "annotated"
 *
 * Chooses which entries the sidebar lists.
 */
void
pyprep_window_set_filter (PyprepWindow *self,
                          const char   *filter)
{
  Filter mode = FILTER_ALL;

  g_return_if_fail (PYPREP_IS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (filter_names); i++)
    if (g_strcmp0 (filter, filter_names[i]) == 0)
      mode = i;

  if (mode == self->filter_mode)
    return;
  self->filter_mode = mode;

  /* Bookmarks are listed newest first, across topics, so without headers. */
  gtk_list_view_set_header_factory (self->entry_list,
                                    mode == FILTER_BOOKMARKED ? NULL : self->header_factory);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  self->syncing_selection = TRUE;
  if (mode == FILTER_BOOKMARKED)
    gtk_sort_list_model_set_model (self->sorted, G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_model (self->selection,
                                  mode == FILTER_BOOKMARKED ? G_LIST_MODEL (self->sorted)
                                                            : G_LIST_MODEL (self->filtered));
  if (mode != FILTER_BOOKMARKED)
    gtk_sort_list_model_set_model (self->sorted, NULL);
  self->syncing_selection = FALSE;
  update_sidebar_state (self);
  if (pyprep_reader_get_entry (self->reader) != NULL)
    select_entry_in_sidebar (self, pyprep_reader_get_entry (self->reader));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

PyprepReader *
pyprep_window_get_reader (PyprepWindow *self)
{
  g_return_val_if_fail (PYPREP_IS_WINDOW (self), NULL);
  return self->reader;
}

GtkSingleSelection *
pyprep_window_get_selection (PyprepWindow *self)
{
  g_return_val_if_fail (PYPREP_IS_WINDOW (self), NULL);
  return self->selection;
}

/**
 * pyprep_window_export_data_to:
 * @file: the file the user chose
 *
 * Writes all user data to @file and tells the user how it went.
 */
void
pyprep_window_export_data_to (PyprepWindow *self,
                              GFile        *file)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PYPREP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!pyprep_store_export (self->store, file, &error))
    show_error (self, _("Could Not Export Your Data"), error->message);
  else
    show_toast (self, _("Data exported"));
}

/**
 * pyprep_window_import_data_from:
 * @file: the file the user chose
 *
 * Merges @file into the user data and says what was merged.
 */
void
pyprep_window_import_data_from (PyprepWindow *self,
                                GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  PyprepImportSummary summary;

  g_return_if_fail (PYPREP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!pyprep_store_import (self->store, file, &summary, &error))
    {
      show_error (self, _("Could Not Import the File"), error->message);
      return;
    }

  /* Translators: a summary after importing data; the numbers are counts. */
  message = g_strdup_printf (_("Imported %u bookmarks, %u new and %u updated annotations, %u card states"),
                             summary.bookmarks_added, summary.annotations_added,
                             summary.annotations_updated, summary.cards_updated);
  show_toast (self, message);
}

/**
 * pyprep_window_export_annotations_to:
 * @file: the file the user chose
 *
 * Writes the Markdown study sheet of all annotations to @file.
 */
void
pyprep_window_export_annotations_to (PyprepWindow *self,
                                     GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet = NULL;

  g_return_if_fail (PYPREP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  sheet = pyprep_study_sheet_new (self->store, self->library, _("My Pyprep Annotations"));
  if (!g_file_replace_contents (file, sheet, strlen (sheet), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    show_error (self, _("Could Not Export the Annotations"), error->message);
  else
    show_toast (self, _("Annotations exported"));
}

/**
 * pyprep_window_report:
 * @title: what failed
 * @message: why
 *
 * Tells the user about a failure in a dialog.
 */
void
pyprep_window_report (PyprepWindow *self,
                      const char   *title,
                      const char   *message)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));

  show_error (self, title, message);
}

/**
 * pyprep_window_get_n_due:
 *
 * Returns: how many cards the review button says are due
 */
guint
pyprep_window_get_n_due (PyprepWindow *self)
{
  g_return_val_if_fail (PYPREP_IS_WINDOW (self), 0);
  return self->n_due;
}

static void
review_when_loaded_cb (PyprepWindow *self)
{
  if (pyprep_library_get_loading (self->library))
    return;
  g_signal_handlers_disconnect_by_func (self->library, review_when_loaded_cb, self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.review", NULL);
}

/**
 * pyprep_window_review_when_loaded:
 *
 * Starts a review session once the decks being opened are there (for
 * `pyprep --review` and the desktop file's Review Cards action).
 */
void
pyprep_window_review_when_loaded (PyprepWindow *self)
{
  g_return_if_fail (PYPREP_IS_WINDOW (self));

  if (!pyprep_library_get_loading (self->library))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.review", NULL);
      return;
    }
  g_signal_handlers_disconnect_by_func (self->library, review_when_loaded_cb, self);
  g_signal_connect_object (self->library, "notify::loading",
                           G_CALLBACK (review_when_loaded_cb), self, G_CONNECT_SWAPPED);
}
