/* pyprep-cli.c: `pyprep --check`, `--list` and `--export-anki` for deck authors, without a display.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "pyprep-anki.h"
#include "pyprep-cli.h"
#include "pyprep-deck.h"

static void
append_messages (GString    *out,
                 GPtrArray  *errors,
                 const char *kind)
{
  for (guint i = 0; i < errors->len; i++)
    {
      const char *message = ((GError *) g_ptr_array_index (errors, i))->message;
      const char *text = strstr (message, ": ");

      /* "file:line: warning: text" */
      if (kind != NULL && text != NULL)
        g_string_append_printf (out, "%.*s: %s: %s\n", (int) (text - message), message, kind, text + 2);
      else
        g_string_append_printf (out, "%s\n", message);
    }
}

/* "Checked “Title”: 2 topics, 5 entries, 9 cards", and how many errors
 * and warnings there are when there are any. */
typedef struct
{
  guint n_entries;
  guint n_cards;
} Counts;

static gboolean
count_entry (PyprepTopic *topic,
             PyprepEntry *entry,
             gpointer     user_data)
{
  Counts *counts = user_data;

  counts->n_entries++;
  /* A review asks each recall card and each question. */
  counts->n_cards += (pyprep_entry_get_card (entry) != NULL) + pyprep_entry_get_n_questions (entry)
                     + pyprep_entry_get_n_predicts (entry);
  return FALSE;
}

static void
append_summary (GString    *out,
                PyprepDeck *deck)
{
  GListModel *topics = pyprep_deck_get_topics (deck);
  guint n_topics = g_list_model_get_n_items (topics);
  Counts counts = { 0 };
  guint n_errors = pyprep_deck_get_problems (deck)->len;
  guint n_warnings = pyprep_deck_get_warnings (deck)->len;
  g_autofree char *topics_text = NULL;
  g_autofree char *entries_text = NULL;
  g_autofree char *cards_text = NULL;

  pyprep_deck_foreach_entry (deck, count_entry, &counts);
  topics_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u topic", "%u topics", n_topics), n_topics);
  entries_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries",
                                               counts.n_entries),
                                  counts.n_entries);
  cards_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card", "%u cards",
                                             counts.n_cards),
                                counts.n_cards);
  if (n_errors == 0 && n_warnings == 0)
    {
      /* Translators: the summary of a check without problems, e.g.
       * Checked “Python notes”: 2 topics, 5 entries, 9 cards */
      g_string_append_printf (out, _("Checked “%s”: %s, %s, %s"), pyprep_deck_get_title (deck),
                              topics_text, entries_text, cards_text);
    }
  else
    {
      g_autofree char *errors_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors",
                                                                   n_errors), n_errors);
      g_autofree char *warnings_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning",
                                                                     "%u warnings", n_warnings), n_warnings);

      /* Translators: the summary of a check with problems, e.g.
       * Checked “Python notes”: 2 topics, 5 entries, 9 cards; 1 error, 0 warnings */
      g_string_append_printf (out, _("Checked “%s”: %s, %s, %s; %s, %s"), pyprep_deck_get_title (deck),
                              topics_text, entries_text, cards_text, errors_text, warnings_text);
    }
  g_string_append_c (out, '\n');
}

/**
 * pyprep_cli_check:
 * @folder: a deck folder
 * @languages: (nullable): the languages to check, best first
 * @out: where the report goes: for a folder of notes, one line a file
 *   saying the structure found; then one `file:line: message` line an
 *   error and one `file:line: warning: message` line a warning; last,
 *   one line that sums up: topics, entries and cards, errors and warnings
 *
 * Returns: the exit status: 1 when the deck has errors or cannot be
 *   loaded, 0 otherwise (warnings alone do not fail)
 */
int
pyprep_cli_check (GFile              *folder,
                  const char * const *languages,
                  GString            *out)
{
  g_autoptr(PyprepDeck) deck = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;
  GPtrArray *warnings;
  GPtrArray *notes;

  g_return_val_if_fail (G_IS_FILE (folder), 2);
  g_return_val_if_fail (out != NULL, 2);

  deck = pyprep_deck_load (folder, languages, NULL, &error);
  if (deck == NULL)
    {
      g_string_append_printf (out, "%s\n", error->message);
      return 1;
    }

  problems = pyprep_deck_get_problems (deck);
  warnings = pyprep_deck_get_warnings (deck);
  notes = pyprep_deck_get_notes (deck);
  for (guint i = 0; i < notes->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (notes, i));
  append_messages (out, problems, NULL);
  append_messages (out, warnings, "warning");
  if (warnings->len > 0)
    g_string_append (out, "If a file opened with the wrong entries, state its question level in one "
                          "line: `pyprep-question-level: N` in its front matter, or a deck.json of "
                          "{\"question-level\": N} for the whole folder (see “Folders without a "
                          "manifest” in docs/deck-format.md).\n");
  append_summary (out, deck);

  return problems->len > 0 ? 1 : 0;
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

typedef void (*AddItemJson) (JsonBuilder *builder,
                             gpointer     item);

/* A member @name holding an array of @items, each written by @add_item. */
static void
add_array_member (JsonBuilder *builder,
                  const char  *name,
                  GListModel  *items,
                  AddItemJson  add_item)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      add_item (builder, item);
    }
  json_builder_end_array (builder);
}

static void
add_entry_json (JsonBuilder *builder,
                gpointer     item)
{
  PyprepEntry *entry = item;

  json_builder_begin_object (builder);
  add_string_member (builder, "id", pyprep_entry_get_id (entry));
  add_string_member (builder, "title", pyprep_entry_get_title (entry));
  json_builder_set_member_name (builder, "questions");
  json_builder_add_int_value (builder, pyprep_entry_get_n_questions (entry));
  if (pyprep_entry_get_number (entry) != NULL)
    add_string_member (builder, "number", pyprep_entry_get_number (entry));
  json_builder_set_member_name (builder, "unanswered");
  json_builder_add_boolean_value (builder, pyprep_entry_is_unanswered (entry));
  json_builder_end_object (builder);
}

static void
add_topic_json (JsonBuilder *builder,
                gpointer     item)
{
  PyprepTopic *topic = item;

  json_builder_begin_object (builder);
  add_string_member (builder, "id", pyprep_topic_get_id (topic));
  add_string_member (builder, "title", pyprep_topic_get_title (topic));
  if (pyprep_topic_get_group (topic) != NULL)
    add_string_member (builder, "group", pyprep_topic_get_group (topic));
  add_array_member (builder, "entries", pyprep_topic_get_entries (topic), add_entry_json);
  json_builder_end_object (builder);
}

static void
list_json (PyprepDeck *deck,
           GString    *out)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  add_string_member (builder, "id", pyprep_deck_get_id (deck));
  add_string_member (builder, "title", pyprep_deck_get_title (deck));
  add_string_member (builder, "language", pyprep_deck_get_language (deck));
  add_array_member (builder, "topics", pyprep_deck_get_topics (deck), add_topic_json);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_string_append_printf (out, "%s\n", text);
}

/* Whether @problem leaves a whole file or folder out of the deck. */
static gboolean
skips_a_file (const GError *problem)
{
  if (problem->domain != PYPREP_DECK_ERROR)
    return FALSE;
  switch ((PyprepDeckError) problem->code)
    {
    case PYPREP_DECK_ERROR_IO:
    case PYPREP_DECK_ERROR_ENCODING:
    case PYPREP_DECK_ERROR_EMPTY:
    case PYPREP_DECK_ERROR_TOO_LARGE:
    case PYPREP_DECK_ERROR_TOO_DEEP:
    case PYPREP_DECK_ERROR_FOLDER:
      return TRUE;
    case PYPREP_DECK_ERROR_SYNTAX:
    case PYPREP_DECK_ERROR_MISSING_KEY:
    case PYPREP_DECK_ERROR_BAD_VALUE:
    case PYPREP_DECK_ERROR_NO_ID:
    case PYPREP_DECK_ERROR_DUPLICATE_ID:
    case PYPREP_DECK_ERROR_CARD:
    case PYPREP_DECK_ERROR_QUIZ:
    case PYPREP_DECK_ERROR_READING:
    case PYPREP_DECK_ERROR_NO_LANGUAGE:
    case PYPREP_DECK_ERROR_UNANSWERED:
    case PYPREP_DECK_ERROR_LARGE_ENTRY:
    case PYPREP_DECK_ERROR_SINGLE_ENTRY:
    case PYPREP_DECK_ERROR_FOLLOWUPS:
    case PYPREP_DECK_ERROR_PREDICT:
    case PYPREP_DECK_ERROR_PASSAGE:
    default:
      return FALSE;
    }
}

/* The files a listing leaves out, as --check reports them, so that a
 * short listing is never mistaken for the whole deck. */
static void
append_skipped (GString    *err,
                PyprepDeck *deck)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new ();
  g_autoptr(GPtrArray) warnings = g_ptr_array_new ();

  for (guint i = 0; i < pyprep_deck_get_problems (deck)->len; i++)
    if (skips_a_file (g_ptr_array_index (pyprep_deck_get_problems (deck), i)))
      g_ptr_array_add (errors, g_ptr_array_index (pyprep_deck_get_problems (deck), i));
  for (guint i = 0; i < pyprep_deck_get_warnings (deck)->len; i++)
    if (skips_a_file (g_ptr_array_index (pyprep_deck_get_warnings (deck), i)))
      g_ptr_array_add (warnings, g_ptr_array_index (pyprep_deck_get_warnings (deck), i));
  append_messages (err, errors, NULL);
  append_messages (err, warnings, "warning");
}

/**
 * pyprep_cli_list:
 * @folder: a deck folder
 * @languages: (nullable): the languages to list, best first
 * @json: a JSON document instead of lines
 * @out: the listing: for each topic a `deck/topic<TAB>title` line, then
 *   `ID<TAB>title` for each of its entries
 * @err: why the deck could not be loaded, if it could not, or else the
 *   files left out of the listing (unreadable, too large, not UTF-8, a
 *   folder not read), one `file:line: message` line each
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

  append_skipped (err, deck);
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

/**
 * pyprep_cli_export_anki:
 * @folder: a deck or notes folder
 * @languages: the user's languages, most preferred first
 * @target: the text file to write, or %NULL for standard output
 * @out: where the text goes when @target is %NULL, or a line saying what
 *   was written
 * @err: where problems go
 *
 * Writes the cards of the deck in @folder as a text file for Anki's
 * import (docs/anki-export.md). The deck's own problems do not stop the
 * export: `--check` reports them.
 *
 * Returns: the exit status: 0, or 1 when the deck cannot be read or the
 *   file cannot be written
 */
int
pyprep_cli_export_anki (GFile              *folder,
                        const char * const *languages,
                        GFile              *target,
                        GString            *out,
                        GString            *err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PyprepDeck) deck = NULL;
  g_autofree char *text = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *name = NULL;
  guint n_notes = 0;

  g_return_val_if_fail (G_IS_FILE (folder), 2);
  g_return_val_if_fail (target == NULL || G_IS_FILE (target), 2);
  g_return_val_if_fail (out != NULL && err != NULL, 2);

  deck = pyprep_deck_load (folder, languages, NULL, &error);
  if (deck == NULL)
    {
      g_string_append_printf (err, "%s\n", error->message);
      return 1;
    }

  append_skipped (err, deck);
  text = pyprep_anki_export (deck, &n_notes);
  if (target == NULL)
    {
      g_string_append (out, text);
      return 0;
    }
  if (!g_file_replace_contents (target, text, strlen (text), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, &error))
    {
      g_string_append_printf (err, "%s\n", error->message);
      return 1;
    }

  notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n_notes), n_notes);
  name = g_file_get_parse_name (target);
  /* Translators: e.g. Exported 135 notes of “Python Interview Notes” to cards.txt */
  g_string_append_printf (out, _("Exported %s of “%s” to %s"), notes, pyprep_deck_get_title (deck), name);
  g_string_append_c (out, '\n');
  return 0;
}

static const char * const cli_options[] = { "--check", "--list", "--export-anki" };

static gboolean
is_cli_option (const char *arg)
{
  for (guint i = 0; i < G_N_ELEMENTS (cli_options); i++)
    {
      gsize len = strlen (cli_options[i]);

      if (strncmp (arg, cli_options[i], len) == 0 && (arg[len] == '\0' || arg[len] == '='))
        return TRUE;
    }
  return FALSE;
}

/* "bundled" names the deck that comes with Pyprep, unless a folder of that
 * name is where the user is. */
static GFile *
deck_folder_for_arg (const char *arg)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (arg);

  if (g_str_equal (arg, "bundled") && !g_file_query_exists (file, NULL))
    return g_file_new_for_uri (PYPREP_BUNDLED_DECK_URI);
  return g_steal_pointer (&file);
}

/**
 * pyprep_cli_main:
 * @argc: the number of arguments
 * @argv: the command line
 *
 * Runs `pyprep --check FOLDER`, `pyprep --list [--json] FOLDER` and
 * `pyprep --export-anki FOLDER|bundled OUT.txt`, with the options in any
 * order, before the application (and GTK) starts. The
 * application declares the same options, only for `--help`: GApplication
 * would take `--json` in `--list --json FOLDER` as the folder, and it
 * hands the arguments it does not know to the running instance as files.
 *
 * Returns: the exit status, or -1 when the command line is not one of these
 */
int
pyprep_cli_main (int    argc,
                 char **argv)
{
  gboolean check = FALSE, list = FALSE, json = FALSE, export_anki = FALSE;
  g_auto(GStrv) folders = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &check, NULL, NULL },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { "export-anki", 0, 0, G_OPTION_ARG_NONE, &export_anki, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &folders, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  int status;
  int i;

  for (i = 1; i < argc && !g_str_equal (argv[i], "--") && !is_cli_option (argv[i]); i++)
    ;
  if (i >= argc || g_str_equal (argv[i], "--"))
    return -1;

  /* --check=FOLDER is --check FOLDER; the folder may come anywhere. */
  for (i = 0; i < argc; i++)
    {
      const char *equals = strchr (argv[i], '=');

      if (i > 0 && is_cli_option (argv[i]) && equals != NULL)
        {
          g_autofree char *option = g_strndup (argv[i], equals - argv[i]);

          g_strv_builder_add (builder, option);
          g_strv_builder_add (builder, equals + 1);
        }
      else
        g_strv_builder_add (builder, argv[i]);
    }
  args = g_strv_builder_end (builder);
  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (export_anki)
    {
      g_autoptr(GFile) target = NULL;

      if (folders == NULL || g_strv_length (folders) != 2)
        {
          g_printerr ("%s\n", _("Give a FOLDER (or “bundled”) and a file to write after --export-anki, "
                                 "or - to write to standard output"));
          return 2;
        }
      folder = deck_folder_for_arg (folders[0]);
      if (!g_str_equal (folders[1], "-"))
        target = g_file_new_for_commandline_arg (folders[1]);
      status = pyprep_cli_export_anki (folder, g_get_language_names (), target, out, err);
      g_print ("%s", out->str);
      g_printerr ("%s", err->str);
      return status;
    }
  if (folders == NULL || folders[0] == NULL || folders[1] != NULL)
    {
      g_printerr ("%s\n", _("Give one FOLDER after --check or --list"));
      return 2;
    }

  folder = g_file_new_for_commandline_arg (folders[0]);
  if (check)
    status = pyprep_cli_check (folder, g_get_language_names (), out);
  else
    status = pyprep_cli_list (folder, g_get_language_names (), json, out, err);
  g_print ("%s", out->str);
  g_printerr ("%s", err->str);
  return status;
}
