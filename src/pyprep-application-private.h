/* pyprep-application-private.h: what the two files of the application share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pyprep-application.h"
#include "pyprep-endings.h"
#include "pyprep-search-provider.h"

G_BEGIN_DECLS

struct _PyprepApplication
{
  AdwApplication parent_instance;

  /* owned */
  PyprepLibrary *library;
  PyprepStore *store;
  GSettings *settings;
  GFile *deck_folder;
  GCancellable *cancellable;
  GError *load_error;
  GPtrArray *folders;          /* OpenFolder, in pyprep-application-folders.c */
  PyprepSearchProvider *search_provider;
  PyprepEndings *endings;

  /* state */
  gboolean load_started;
  gboolean folders_opened;     /* the folders remembered were opened */
  gboolean review_at_start;    /* pyprep --review */
};

GPtrArray *_pyprep_application_folders_new       (void);
void       _pyprep_application_open_remembered   (PyprepApplication *self);
void       _pyprep_application_folders_changed   (PyprepApplication *self);
void       _pyprep_application_remove_folder     (GSimpleAction     *action,
                                                  GVariant          *parameter,
                                                  gpointer           user_data);
void       _pyprep_application_reload_folder     (GSimpleAction     *action,
                                                  GVariant          *parameter,
                                                  gpointer           user_data);

void       _pyprep_application_study_start       (PyprepApplication *self);
void       _pyprep_application_set_study_folder  (GSimpleAction     *action,
                                                  GVariant          *parameter,
                                                  gpointer           user_data);

G_END_DECLS
