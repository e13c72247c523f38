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
  char *reveal;                /* the annotation whose passage to scroll to when next marked */

  /* borrowed: the child of the bin */
  WebKitWebView *view;

  /* state */
  guint generation;
  double restore_scroll;       /* where to scroll once the page loads, or < 0 */
  double scroll;               /* how far down the page is, from 0 to 1 */
  gboolean loading;
  char *pending_find;          /* what to find once the page loads */
  gboolean loaded_unfiltered;  /* the first page went before the content filter */
};

enum {
  PYPREP_READER_SIGNAL_PAINTED,
  PYPREP_READER_SIGNAL_PASSAGES_MARKED,
  PYPREP_READER_SIGNAL_SCROLLED,
  PYPREP_READER_SIGNAL_FOUND,
  N_READER_SIGNALS
};

extern guint _pyprep_reader_signals[N_READER_SIGNALS];

void _pyprep_reader_mark_passages (PyprepReader *self);

G_END_DECLS
