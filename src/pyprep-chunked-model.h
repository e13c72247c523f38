/* pyprep-chunked-model.h: a list model that takes on a long list's new items a chunk at a time.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PYPREP_TYPE_CHUNKED_MODEL (pyprep_chunked_model_get_type ())

G_DECLARE_FINAL_TYPE (PyprepChunkedModel, pyprep_chunked_model, PYPREP, CHUNKED_MODEL, GObject)

PyprepChunkedModel *pyprep_chunked_model_new         (GListModel         *model);
GListModel         *pyprep_chunked_model_get_model   (PyprepChunkedModel *self);
guint               pyprep_chunked_model_get_pending (PyprepChunkedModel *self);

G_END_DECLS
