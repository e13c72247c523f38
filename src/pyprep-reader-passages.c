/* pyprep-reader-passages.c: the selection, and the passages annotations quote.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader asks the page for the text the user selected, to quote it in
 * a new annotation, and marks the passages its annotations quote. Both run
 * scripts of data/page in the reader's own script world; text from a deck
 * or the user never becomes script source, it is passed as an argument.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "pyprep-reader-private.h"
#include "pyprep-render.h"
#include "pyprep-store.h"

static GStrv
parse_id_array (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv result;
  JsonNode *root;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL)
      && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }

  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

static void
passages_marked_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PyprepReader) self = user_data;
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) found = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (value == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Cannot mark the quoted passages: %s", error->message);
      return;
    }

  json = jsc_value_to_string (value);
  found = parse_id_array (json);
  g_signal_emit (self, _pyprep_reader_signals[PYPREP_READER_SIGNAL_PASSAGES_MARKED], 0, found);
}

void
_pyprep_reader_mark_passages (PyprepReader *self)
{
  g_autofree char *script = NULL;
  GVariantDict arguments;

  if (self->entry == NULL || webkit_web_view_is_loading (self->view))
    return;

  script = pyprep_render_dup_script ("mark-passages.js");
  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "passages", "s", self->passages != NULL ? self->passages : "[]");
  g_variant_dict_insert (&arguments, "reveal", "s", self->reveal != NULL ? self->reveal : "");
  webkit_web_view_call_async_javascript_function (self->view, script, -1,
                                                  g_variant_dict_end (&arguments), "pyprep", NULL,
                                                  self->cancellable, passages_marked_cb,
                                                  g_object_ref (self));
  /* Revealed once: later markings leave the page where the user scrolled. */
  g_clear_pointer (&self->reveal, g_free);
}

static void
selection_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JSCValue) value = NULL;
  GError *error = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (value == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, jsc_value_to_string (value), g_free);
}

/**
 * pyprep_reader_get_selection_async:
 *
 * Asks the page for the text the user selected.
 */
void
pyprep_reader_get_selection_async (PyprepReader        *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *script = NULL;
  GTask *task;

  g_return_if_fail (PYPREP_IS_READER (self));

  script = pyprep_render_dup_script ("get-selection.js");
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pyprep_reader_get_selection_async);
  webkit_web_view_call_async_javascript_function (self->view, script, -1, NULL,
                                                  "pyprep", NULL, cancellable, selection_cb, task);
}

/**
 * pyprep_reader_get_selection_finish:
 * @quote: (out) (optional) (nullable): the selected text, or %NULL when none
 * @prefix: (out) (optional) (nullable): text just before it
 * @suffix: (out) (optional) (nullable): text just after it
 *
 * Returns: %TRUE unless the page could not be asked
 */
gboolean
pyprep_reader_get_selection_finish (PyprepReader  *self,
                                    GAsyncResult  *result,
                                    char         **quote,
                                    char         **prefix,
                                    char         **suffix,
                                    GError       **error)
{
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object = NULL;
  JsonNode *root;

  g_return_val_if_fail (PYPREP_IS_READER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  json = g_task_propagate_pointer (G_TASK (result), error);
  if (json == NULL)
    return FALSE;

  if (*json != '\0' && json_parser_load_from_data (parser, json, -1, NULL)
      && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    object = json_node_get_object (root);

#define TAKE(out, key) \
  if (out != NULL) \
    *out = object != NULL ? g_strdup (json_object_get_string_member_with_default (object, key, NULL)) : NULL
  TAKE (quote, "exact");
  TAKE (prefix, "prefix");
  TAKE (suffix, "suffix");
#undef TAKE

  if (quote != NULL && *quote != NULL && **quote == '\0')
    g_clear_pointer (quote, g_free);

  return TRUE;
}

/**
 * pyprep_reader_set_passages:
 * @annotations: (element-type PyprepAnnotation): the annotations of the
 *   entry shown; those quoting a passage get it marked in the page
 *
 * #PyprepReader::passages-marked tells which passages were found.
 */
void
pyprep_reader_set_passages (PyprepReader *self,
                            GPtrArray    *annotations)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_if_fail (PYPREP_IS_READER (self));

  json_builder_begin_array (builder);
  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      const PyprepAnnotation *annotation = g_ptr_array_index (annotations, i);

      if (annotation->quote == NULL)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, annotation->id);
      json_builder_set_member_name (builder, "exact");
      json_builder_add_string_value (builder, annotation->quote);
      json_builder_set_member_name (builder, "prefix");
      json_builder_add_string_value (builder, annotation->prefix != NULL ? annotation->prefix : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  g_free (self->passages);
  self->passages = json_generator_to_data (generator, NULL);

  _pyprep_reader_mark_passages (self);
}

/**
 * pyprep_reader_reveal_passage:
 * @annotation_id: an annotation among the passages set with
 *   pyprep_reader_set_passages()
 *
 * When the passages are next marked (at once, or when the page loads),
 * scrolls to the one @annotation_id quotes and marks it briefly, instead
 * of going back to where the entry was last read.
 */
void
pyprep_reader_reveal_passage (PyprepReader *self,
                              const char   *annotation_id)
{
  g_return_if_fail (PYPREP_IS_READER (self));
  g_return_if_fail (annotation_id != NULL);

  g_free (self->reveal);
  self->reveal = g_strdup (annotation_id);
  self->restore_scroll = -1;
  _pyprep_reader_mark_passages (self);
}
