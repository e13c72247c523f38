/* pyprep-cli.c: `pyprep --check` and `pyprep --list` for deck authors, without a display.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "pyprep-cli.h"
#include "pyprep-deck.h"

/**
 * pyprep_cli_check:
 * @folder: a deck folder
 * @languages: (nullable): the languages to check, best first
 * @out: where the report goes: one `file:line: message` line a problem
 *
 * Returns: the exit status: 1 when the deck has problems or cannot be
 *   loaded, 0 otherwise
 */
int
pyprep_cli_check (GFile              *folder,
                  const char * const *languages,
                  GString            *out)
{
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  g_return_val_if_fail (G_IS_FILE (folder), 2);
  g_return_val_if_fail (out != NULL, 2);

  deck = pyprep_deck_load (folder, languages, NULL, &error);
  if (deck == NULL)
    {
      g_string_append_printf (out, "%s\n", error->message);
      return 1;
    }

  problems = pyprep_deck_get_problems (deck);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (out, "%s\n", ((GError *) g_ptr_array_index (problems, i))->message);

  return problems->len > 0 ? 1 : 0;
}

static void
list_json (PyprepDeck *deck,
           GString    *out)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  GListModel *topics = pyprep_deck_get_topics (deck);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, pyprep_deck_get_id (deck));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, pyprep_deck_get_title (deck));
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, pyprep_deck_get_language (deck));
  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);
  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, t);
      GListModel *entries = pyprep_topic_get_entries (topic);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, pyprep_topic_get_id (topic));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, pyprep_topic_get_title (topic));
      json_builder_set_member_name (builder, "entries");
      json_builder_begin_array (builder);
      for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
        {
          g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, e);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, pyprep_entry_get_id (entry));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, pyprep_entry_get_title (entry));
          json_builder_set_member_name (builder, "questions");
          json_builder_add_int_value (builder, pyprep_entry_get_n_questions (entry));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_string_append_printf (out, "%s\n", text);
}

/**
 * pyprep_cli_list:
 * @folder: a deck folder
 * @languages: (nullable): the languages to list, best first
 * @json: a JSON document instead of lines
 * @out: the listing: for each topic a `deck/topic<TAB>title` line, then
 *   `ID<TAB>title` for each of its entries
 * @err: why the deck could not be loaded, if it could not
 *
 * Returns: the exit status: 0, or 1 when the deck cannot be loaded
 */
int
pyprep_cli_list (GFile              *folder,
                 const char * const *languages,
                 gboolean            json,
                 GString            *out,
                 GString            *err)
{
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *topics;

  g_return_val_if_fail (G_IS_FILE (folder), 2);
  g_return_val_if_fail (out != NULL && err != NULL, 2);

  deck = pyprep_deck_load (folder, languages, NULL, &error);
  if (deck == NULL)
    {
      g_string_append_printf (err, "%s\n", error->message);
      return 1;
    }

  if (json)
    {
      list_json (deck, out);
      return 0;
    }

  topics = pyprep_deck_get_topics (deck);
  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(PyprepTopic) topic = g_list_model_get_item (topics, t);
      GListModel *entries = pyprep_topic_get_entries (topic);

      g_string_append_printf (out, "%s/%s\t%s\n", pyprep_deck_get_id (deck), pyprep_topic_get_id (topic),
                              pyprep_topic_get_title (topic));
      for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
        {
          g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, e);

          g_string_append_printf (out, "%s\t%s\n", pyprep_entry_get_id (entry), pyprep_entry_get_title (entry));
        }
    }

  return 0;
}
