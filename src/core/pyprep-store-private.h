/* pyprep-store-private.h: what the files of PyprepStore share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PyprepStore is one object in several files: pyprep-store.c (the object,
 * loading, save scheduling, bookmarks, reading state, card states),
 * pyprep-store-schema.c (validation of the document). Nothing outside
 * these files includes this header.
 */
#pragma once

#include "pyprep-store.h"

G_BEGIN_DECLS

struct _PyprepStore
{
  GObject parent_instance;

  /* owned */
  GFile *folder;
  char *path;
  JsonObject *root;            /* mutable */
  JsonObject *bookmarks;       /* mutable, borrowed from root */
  JsonObject *annotations;
  JsonObject *reading;
  JsonObject *reading_entries;
  JsonObject *cards;
  char *recovery_message;
  char *set_aside_path;
  GCancellable *cancellable;

  /* state */
  PyprepClockFunc clock;
  gpointer clock_data;
  guint save_source;
  gboolean dirty;
  gboolean saving;
  gboolean read_only;
  char *last_backup_day;
};

/* pyprep-store-schema.c */
gboolean pyprep_store_schema_validate         (JsonNode    *root,
                                               GError     **error);
gboolean pyprep_store_schema_validate_members (JsonObject  *object,
                                               GError     **error);

G_END_DECLS
