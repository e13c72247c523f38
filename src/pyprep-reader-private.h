/* pyprep-reader-private.h: what the reader's files share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-history.h"
#include "pyprep-reader.h"
#include "pyprep-web-context.h"

G_BEGIN_DECLS

struct _PyprepReader
{
  AdwBin parent_instance;

  /* owned */
  PyprepWebContext *web_context;
  PyprepHistory *history;
  PyprepLibrary *library;
  PyprepEntry *entry;
  GCancellable *cancellable;
  char *pending_uri;
  char *passages;              /* JSON array of the quotes to mark */
  char *show_passage;          /* the passage to scroll to once the page is marked */

  /* borrowed: the child of the bin */
  WebKitWebView *view;

  /* state */
  guint generation;
  double restore_scroll;       /* where to scroll once the page loads, or < 0 */
  double scroll;               /* how far down the page is, from 0 to 1 */
  gboolean loading;
  char *pending_find;          /* what to find once the page loads */
  gboolean loaded_unfiltered;  /* the first page went before the content filter */
  gboolean load_filtered;      /* the page loading started with the filter in place */
  gboolean swappable;          /* the page may take another entry in place */
  gboolean restyle;            /* the style changed while the page was on its way */
};

enum {
  PYPREP_READER_SIGNAL_PAINTED,
  PYPREP_READER_SIGNAL_PASSAGES_MARKED,
  PYPREP_READER_SIGNAL_SCROLLED,
  PYPREP_READER_SIGNAL_FOUND,
  PYPREP_READER_SIGNAL_PASSAGE_SHOWN,
  N_READER_SIGNALS
};

extern guint _pyprep_reader_signals[N_READER_SIGNALS];

void _pyprep_reader_mark_passages (PyprepReader *self);
void _pyprep_reader_passages_class_init (PyprepReaderClass *klass);
void _pyprep_reader_page_ready    (PyprepReader *self);
void _pyprep_reader_load_uri      (PyprepReader *self,
                                   const char   *uri);
void _pyprep_reader_find_init     (PyprepReader *self);
void _pyprep_reader_wait_for_paint (PyprepReader *self);

/* pyprep-reader-style.c */
void _pyprep_reader_style_init    (PyprepReader *self);
void _pyprep_reader_restyle       (PyprepReader *self);

/* pyprep-reader-swap.c */
gboolean _pyprep_reader_swap_entry         (PyprepReader    *self,
                                            PyprepEntry     *entry,
                                            const char      *uri,
                                            double           scroll);
void     _pyprep_reader_swap_html          (PyprepReader    *self,
                                            const char      *html,
                                            const char      *uri,
                                            double           scroll);
void     _pyprep_reader_swap_load_started  (PyprepReader    *self);
void     _pyprep_reader_swap_load_finished (PyprepReader    *self);
gboolean _pyprep_reader_swap_load_failed_cb (WebKitWebView  *view,
                                             WebKitLoadEvent event,
                                             char           *failing_uri,
                                             GError         *error,
                                             PyprepReader   *self);

G_END_DECLS
