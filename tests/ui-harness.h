/* ui-harness.h: runs the real app on a virtual display and waits for what a user would see.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <webkit/webkit.h>

#include "pyprep-application.h"
#include "pyprep-window-private.h"

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
void         forget_user_data (void);
void         write_file       (const char   *dir,
                               const char   *name,
                               const char   *text);

G_END_DECLS
