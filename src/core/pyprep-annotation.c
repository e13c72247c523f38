/* pyprep-annotation.c: an annotation, as the store hands it out.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store keeps annotations as records of user-data.json and converts
 * them in pyprep-store-annotations.c; this file knows nothing of the
 * store, so the store's header can name the type without a cycle.
 */
#include "config.h"

#include "pyprep-annotation.h"

G_DEFINE_BOXED_TYPE (PyprepAnnotation, pyprep_annotation, pyprep_annotation_copy, pyprep_annotation_free)

/**
 * pyprep_annotation_copy:
 * @annotation: an annotation
 *
 * Returns: (transfer full): a copy of @annotation
 */
PyprepAnnotation *
pyprep_annotation_copy (const PyprepAnnotation *annotation)
{
  PyprepAnnotation *copy;

  g_return_val_if_fail (annotation != NULL, NULL);

  copy = g_new0 (PyprepAnnotation, 1);
  copy->id = g_strdup (annotation->id);
  copy->entry_id = g_strdup (annotation->entry_id);
  copy->text = g_strdup (annotation->text);
  copy->quote = g_strdup (annotation->quote);
  copy->prefix = g_strdup (annotation->prefix);
  copy->suffix = g_strdup (annotation->suffix);
  copy->created = annotation->created;
  copy->modified = annotation->modified;

  return copy;
}

/**
 * pyprep_annotation_free:
 * @annotation: (nullable) (transfer full): an annotation
 */
void
pyprep_annotation_free (PyprepAnnotation *annotation)
{
  if (annotation == NULL)
    return;

  g_free (annotation->id);
  g_free (annotation->entry_id);
  g_free (annotation->text);
  g_free (annotation->quote);
  g_free (annotation->prefix);
  g_free (annotation->suffix);
  g_free (annotation);
}
