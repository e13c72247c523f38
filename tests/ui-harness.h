/* ui-harness.h: runs the real app on a virtual display and waits for what a user would see.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <webkit/webkit.h>

#include "core-harness.h"
#include "pyprep-annotation-panel.h"
#include "pyprep-application.h"
#include "pyprep-quiz-view.h"
#include "pyprep-reader.h"
#include "pyprep-window.h"

G_BEGIN_DECLS

typedef struct
{
  PyprepApplication *app;
  PyprepWindow *window;
  gpointer data;
} Fixture;

typedef struct _PaintWatch PaintWatch;

typedef struct
{
  PyprepEntry *painted;
} PaintedState;

struct _PaintWatch
{
  Fixture *f;
  PaintedState state;
  gulong handler;
};

typedef void (*WindowCheck) (Fixture *f);

/* A loopback HTTP server that only counts the connections it gets. */
typedef struct
{
  GSocketService *service;
  guint16 port;
  guint connections;
} LoopbackServer;

#define TIMEOUT_SECONDS 60

gboolean     ui_test_init     (int          *argc,
                               char       ***argv,
                               const char   *language);
void         wait_until       (gboolean    (*done) (gpointer),
                               gpointer      data,
                               const char   *what);
void         spin             (guint         ms);
gboolean     has_entries      (gpointer      data);
gboolean     window_allocated (gpointer      data);
gboolean     dialog_shown     (gpointer      data);
void         run_app          (const char   *deck_path,
                               WindowCheck   check,
                               gpointer      data);
PyprepEntry *select_and_wait  (Fixture      *f,
                               guint         position);
void         save_screenshot  (Fixture      *f,
                               const char   *name);
GtkWidget   *find_widget      (GtkWidget    *root,
                               gboolean    (*match) (GtkWidget *widget, gconstpointer data),
                               gconstpointer data);
void         collect_labels   (GtkWidget    *widget,
                               const char   *css_class,
                               GPtrArray    *out);
char        *run_script       (WebKitWebView *view,
                               const char   *code);
void         watch_paint      (Fixture      *f,
                               PaintWatch   *watch);
void         wait_paint       (PaintWatch   *watch,
                               const char   *id);
void         act_and_wait     (Fixture      *f,
                               const char   *action,
                               const char   *id);
void         forget_user_data (void);
char        *test_deck_path   (const char   *name);
void         run_app_restarted (const char  *deck_path,
                               WindowCheck   before,
                               WindowCheck   after);
void         run_app_sized    (const char   *deck_path,
                               int           width,
                               int           height,
                               WindowCheck   check,
                               gpointer      data);
void         click_button     (GtkWidget    *root,
                               const char   *label);
void         click_icon       (GtkWidget    *root,
                               const char   *icon);
void         press            (GtkWidget    *view,
                               guint         keyval,
                               GdkModifierType state);
gboolean     press_if_bound   (GtkWidget    *view,
                               guint         keyval,
                               GdkModifierType state);

/* The window's parts, found the way its templates name them. */
gpointer               template_child        (gpointer    widget,
                                              GType       widget_type,
                                              const char *name);
gpointer               window_child          (Fixture    *f,
                                              const char *name);
PyprepReader          *window_reader         (Fixture    *f);
WebKitWebView         *window_view           (Fixture    *f);
PyprepEntry           *shown_entry           (Fixture    *f);
GtkListView           *window_entry_list     (Fixture    *f);
GtkSingleSelection    *window_entries        (Fixture    *f);
PyprepAnnotationPanel *window_annotation_panel (Fixture  *f);
GListModel            *window_annotation_ids (Fixture    *f);
guint                  count_annotation_rows (Fixture    *f);
GtkWidget             *annotation_row_at     (Fixture    *f,
                                              guint       position);
GtkSearchEntry        *window_find_entry     (Fixture    *f);
GtkLabel              *window_find_count     (Fixture    *f);
GtkSearchEntry        *window_search_entry   (Fixture    *f);
GListModel            *window_results        (Fixture    *f);
gboolean               window_search_ready   (Fixture    *f);
guint                  window_n_due          (Fixture    *f);
PyprepStore           *store_of              (Fixture    *f);
PyprepReviewSession   *session_of            (PyprepQuizView *view);

void         select_strong_text    (Fixture        *f,
                                    const char     *expected);
void         loopback_server_start (LoopbackServer *server);
void         loopback_server_stop  (LoopbackServer *server);

G_END_DECLS
