/* pyprep-deck.c: a deck, loaded from a folder with a deck.json manifest.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The manifest names the deck, its languages and its topics; each topic is
 * one Markdown file per language, `<language>/<topic id>.md`. A broken
 * manifest fails the load; a broken topic file or entry becomes a problem
 * (a GError whose message starts with `file:line:`) and the rest loads.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "pyprep-deck.h"
#include "pyprep-id.h"
#include "pyprep-json-lines.h"
#include "pyprep-parsers-private.h"
#include "pyprep-trace.h"

struct _PyprepDeck
{
  GObject parent_instance;

  /* owned */
  char *id;
  char *title;
  char *language;
  GStrv languages;
  GFile *folder;
  GListStore *topics;
  PyprepProblems *problems;
  GHashTable *entries_by_id;   /* id -> borrowed PyprepEntry */
  char *description;
  GPtrArray *folders;          /* GFile, for a folder of notes */

  /* a folder of notes whose deck.json states only the question level */
  int question_level;
};

G_DEFINE_FINAL_TYPE (PyprepDeck, pyprep_deck, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MANIFEST "deck.json"
#define FORMAT_VERSION 1
#define MAX_MANIFEST_SIZE (1024 * 1024)

static void
pyprep_deck_dispose (GObject *object)
{
  PyprepDeck *self = PYPREP_DECK (object);

  g_clear_pointer (&self->entries_by_id, g_hash_table_unref);
  g_clear_object (&self->topics);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (pyprep_deck_parent_class)->dispose (object);
}

static void
pyprep_deck_finalize (GObject *object)
{
  PyprepDeck *self = PYPREP_DECK (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->language);
  g_strfreev (self->languages);
  g_free (self->description);
  g_clear_pointer (&self->folders, g_ptr_array_unref);
  g_clear_object (&self->problems);

  G_OBJECT_CLASS (pyprep_deck_parent_class)->finalize (object);
}

static void
pyprep_deck_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PyprepDeck *self = PYPREP_DECK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_deck_class_init (PyprepDeckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pyprep_deck_dispose;
  object_class->finalize = pyprep_deck_finalize;
  object_class->get_property = pyprep_deck_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pyprep_deck_init (PyprepDeck *self)
{
  self->topics = g_list_store_new (PYPREP_TYPE_TOPIC);
  self->problems = pyprep_problems_new ();
  self->entries_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static gboolean
require_member (JsonObject   *object,
                const char   *key,
                int           line,
                GError      **error)
{
  if (json_object_has_member (object, key))
    return TRUE;

  g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_MISSING_KEY,
               "%s:%d: missing key “%s”", MANIFEST, line, key);
  return FALSE;
}

static gboolean
load_topic (PyprepDeck   *self,
            JsonObject   *topic_object,
            int           line,
            GHashTable   *topic_ids,
            GCancellable *cancellable,
            GError      **error)
{
  g_autoptr(PyprepTopic) topic = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *contents = NULL;
  JsonNode *id_node;
  const char *topic_id;
  gsize length = 0;

  if (!require_member (topic_object, "id", line, error))
    return FALSE;

  id_node = json_object_get_member (topic_object, "id");
  if (!JSON_NODE_HOLDS_VALUE (id_node) || json_node_get_value_type (id_node) != G_TYPE_STRING
      || !pyprep_id_is_valid (json_node_get_string (id_node)))
    {
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_BAD_VALUE,
                   "%s:%d: topic “id” must be a string of a-z, 0-9, “-” and “_”",
                   MANIFEST, line);
      return FALSE;
    }
  topic_id = json_node_get_string (id_node);

  if (g_hash_table_contains (topic_ids, topic_id))
    {
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_DUPLICATE_ID,
                   "%s:%d: duplicate topic ID “%s”", MANIFEST, line, topic_id);
      return FALSE;
    }
  g_hash_table_add (topic_ids, g_strdup (topic_id));

  relative = g_strdup_printf ("%s/%s.md", self->language, topic_id);
  file = g_file_resolve_relative_path (self->folder, relative);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      pyprep_problems_add_error (self->problems, PYPREP_DECK_ERROR_IO, relative, 1,
                                 "cannot read the topic file: %s", local_error->message);
      topic = pyprep_topic_new (topic_id, relative);
    }
  else
    topic = pyprep_topic_parse (self->id, topic_id, relative, contents, length, self->problems);

  pyprep_topic_set_deck (topic, self);
  for (guint i = 0; i < g_list_model_get_n_items (pyprep_topic_get_entries (topic)); i++)
    {
      g_autoptr(PyprepEntry) entry = g_list_model_get_item (pyprep_topic_get_entries (topic), i);

      g_hash_table_insert (self->entries_by_id, (char *) pyprep_entry_get_id (entry), entry);
    }
  g_list_store_append (self->topics, topic);

  return TRUE;
}

/* The manifest's "languages": folder names, so never paths. */
static gboolean
read_languages (PyprepDeck  *self,
                JsonObject  *root,
                int          root_line,
                GError     **error)
{
  JsonNode *node = json_object_get_member (root, "languages");
  g_autoptr(GPtrArray) languages = NULL;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_NO_LANGUAGE,
                   "%s:%d: “languages” must be a non-empty array such as [\"en\"]",
                   MANIFEST, root_line);
      return FALSE;
    }
  array = json_node_get_array (node);
  languages = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *lang;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_BAD_VALUE,
                       "%s:%d: “languages” must hold strings", MANIFEST, root_line);
          return FALSE;
        }
      lang = json_node_get_string (element);
      /* A language becomes a folder name, so it must not be a path. */
      if (*lang == '\0' || strchr (lang, '/') != NULL || strchr (lang, '\\') != NULL
          || g_str_has_prefix (lang, "."))
        {
          g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_BAD_VALUE,
                       "%s:%d: “%s” is not a language code", MANIFEST, root_line, lang);
          return FALSE;
        }
      g_ptr_array_add (languages, g_strdup (lang));
    }
  g_ptr_array_add (languages, NULL);
  self->languages = (GStrv) g_ptr_array_free (g_steal_pointer (&languages), FALSE);
  return TRUE;
}

/* The manifest's text, checked to be small and UTF-8. */
static char *
read_manifest (PyprepDeck    *self,
               gsize         *length,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFile) file = g_file_get_child (self->folder, MANIFEST);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;

  if (!g_file_load_contents (file, cancellable, &contents, length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_IO,
                     "%s:1: cannot read the deck manifest: %s", MANIFEST, local_error->message);
      return NULL;
    }
  if (*length > MAX_MANIFEST_SIZE)
    {
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_TOO_LARGE,
                   "%s:1: the manifest is over 1 MiB", MANIFEST);
      return NULL;
    }
  if (!g_utf8_validate_len (contents, *length, NULL))
    {
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_ENCODING,
                   "%s:1: the manifest is not valid UTF-8", MANIFEST);
      return NULL;
    }

  return g_steal_pointer (&contents);
}

static gboolean
load_topics (PyprepDeck       *self,
             JsonObject       *root,
             int               root_line,
             PyprepJsonLines  *lines,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autoptr(GHashTable) topic_ids = NULL;
  JsonNode *node;
  JsonArray *array;

  node = json_object_get_member (root, "topics");
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_BAD_VALUE,
                   "%s:%d: “topics” must be an array", MANIFEST, root_line);
      return FALSE;
    }
  array = json_node_get_array (node);
  topic_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_BAD_VALUE,
                       "%s:%d: topic %u must be an object such as {\"id\": \"os\"}",
                       MANIFEST, root_line, i + 1);
          return FALSE;
        }
      if (!load_topic (self, json_node_get_object (element),
                       pyprep_json_lines_get (lines, json_node_get_object (element)),
                       topic_ids, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_manifest (PyprepDeck          *self,
               const char * const  *wanted,
               GCancellable        *cancellable,
               GError             **error)
{
  /* Not json_parser_new_immutable(): json-glib then aborts in
   * json_parser_get_root() on a scalar followed by more text, such as
   * `"deck"{}`. Nothing here changes the tree anyway. */
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(PyprepJsonLines) lines = NULL;
  JsonObject *root;
  JsonNode *node;
  gsize length = 0;
  int root_line;

  contents = read_manifest (self, &length, cancellable, error);
  if (contents == NULL)
    return FALSE;

  lines = pyprep_json_lines_new (parser);

  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    {
      /* json-glib's message already carries "<data>:line:column"; keep the
       * position and name the file instead. */
      const char *msg = local_error->message;

      if (g_str_has_prefix (msg, "<data>:"))
        msg += strlen ("<data>:");
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_SYNTAX,
                   "%s:%s", MANIFEST, msg);
      return FALSE;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_BAD_VALUE,
                   "%s:1: the manifest must be a JSON object", MANIFEST);
      return FALSE;
    }
  root = json_node_get_object (node);
  root_line = pyprep_json_lines_get (lines, root);

  /* {"question-level": 3}: a folder of notes, with its question level. */
  if (!json_object_has_member (root, "format") && json_object_has_member (root, "question-level"))
    {
      self->question_level = json_object_get_int_member_with_default (root, "question-level", 0);
      if (self->question_level >= 1 && self->question_level <= 6)
        return TRUE;
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_BAD_VALUE,
                   "%s:%d: “question-level” must be a heading level, 1 to 6", MANIFEST, root_line);
      return FALSE;
    }

  if (!require_member (root, "format", root_line, error)
      || !require_member (root, "id", root_line, error)
      || !require_member (root, "title", root_line, error)
      || !require_member (root, "languages", root_line, error)
      || !require_member (root, "topics", root_line, error))
    return FALSE;

  if (json_object_get_int_member_with_default (root, "format", 0) != FORMAT_VERSION)
    {
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_BAD_VALUE,
                   "%s:%d: “format” must be %d; this deck needs a newer Pyprep",
                   MANIFEST, root_line, FORMAT_VERSION);
      return FALSE;
    }

  self->id = g_strdup (json_object_get_string_member_with_default (root, "id", NULL));
  if (!pyprep_id_is_valid (self->id))
    {
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_BAD_VALUE,
                   "%s:%d: “id” must be a string of a-z, 0-9, “-” and “_”", MANIFEST, root_line);
      return FALSE;
    }

  if (!read_languages (self, root, root_line, error))
    return FALSE;
  self->language = pyprep_pick_language ((const char * const *) self->languages, wanted);

  self->title = g_strdup (pyprep_json_localized_string (json_object_get_member (root, "title"), self->language));
  if (self->title == NULL || *self->title == '\0')
    {
      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_BAD_VALUE,
                   "%s:%d: “title” must be a string or an object of strings by language",
                   MANIFEST, root_line);
      return FALSE;
    }

  return load_topics (self, root, root_line, lines, cancellable, error);
  return TRUE;
}

static gboolean
has_cjk (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x4E00 && c <= 0x9FFF)
        return TRUE;
    }
  return FALSE;
}

/* Builds the deck from a folder without a manifest (see pyprep-infer.c). */
static gboolean
infer (PyprepDeck    *self,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autofree char *name = g_file_get_basename (self->folder);
  g_autoptr(PyprepInferred) inferred = NULL;
  gboolean chinese = FALSE;

  g_free (self->id);
  self->id = pyprep_id_from_text (name);
  inferred = pyprep_infer_folder (self->id, self->folder, self->question_level, self->problems,
                                  cancellable, error);
  if (inferred == NULL)
    return FALSE;
  self->title = g_strdup (inferred->title != NULL ? inferred->title : name);
  self->description = g_steal_pointer (&inferred->description);
  self->folders = g_steal_pointer (&inferred->folders);

  for (guint i = 0; i < inferred->topics->len; i++)
    {
      PyprepTopic *topic = g_ptr_array_index (inferred->topics, i);
      GListModel *entries = pyprep_topic_get_entries (topic);

      pyprep_topic_set_deck (topic, self);
      chinese |= has_cjk (pyprep_topic_get_title (topic));
      for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
        {
          g_autoptr(PyprepEntry) entry = g_list_model_get_item (entries, e);

          chinese |= has_cjk (pyprep_entry_get_title (entry));
          g_hash_table_insert (self->entries_by_id, (char *) pyprep_entry_get_id (entry), entry);
        }
      g_list_store_append (self->topics, topic);
    }

  /* The notes are in one language; a page's language tag picks its fonts. */
  self->language = g_strdup (chinese ? "zh_CN" : "en");
  self->languages = g_strsplit (self->language, ",", -1);
  return TRUE;
}

/* A follow-up may point to another entry; it must be one the deck has. */
static gboolean
check_followups (PyprepTopic *topic,
                 PyprepEntry *entry,
                 gpointer     user_data)
{
  PyprepDeck *self = user_data;

  for (guint i = 0; i < pyprep_entry_get_n_followups (entry); i++)
    {
      const PyprepFollowup *followup = pyprep_entry_get_followup (entry, i);

      if (followup->see != NULL && !g_hash_table_contains (self->entries_by_id, followup->see))
        pyprep_problems_add_error (self->problems, PYPREP_DECK_ERROR_FOLLOWUPS, pyprep_entry_get_file (entry),
                                   followup->line, "follow-up links to “%s”, which this deck does not have",
                                   followup->see);
    }
  return FALSE;
}

/**
 * pyprep_deck_load:
 * @folder: the deck folder, holding deck.json (may be a resource:// folder)
 * @languages: (nullable): the user's languages, best first
 * @cancellable: (nullable): a #GCancellable
 * @error: the return location for a fatal error
 *
 * Loads a deck. Only an unusable manifest fails the load; problems in topic
 * files are collected and returned by pyprep_deck_get_problems().
 *
 * Returns: (transfer full) (nullable): the deck, or %NULL with @error set
 */
PyprepDeck *
pyprep_deck_load (GFile               *folder,
                  const char * const  *languages,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_autoptr(PyprepDeck) self = NULL;
  g_autoptr(GFile) manifest = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PYPREP_TYPE_DECK, NULL);
  self->folder = g_object_ref (folder);

  /* The folder itself is wrong: the message starts with its name, which
   * the app's dialog leaves out as its title has it. */
  switch (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, cancellable))
    {
    case G_FILE_TYPE_DIRECTORY:
      break;
    case G_FILE_TYPE_UNKNOWN:
      {
        g_autofree char *name = g_file_get_parse_name (folder);

        g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_IO, _("%s: there is no such folder"), name);
        return NULL;
      }
    case G_FILE_TYPE_REGULAR:
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SPECIAL:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      {
        g_autofree char *name = g_file_get_parse_name (folder);

        g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_IO,
                     _("%s: this is a file, not a folder: give the folder of notes that holds it"), name);
        return NULL;
      }
    }

  /* Without a manifest, a folder of notes written for people, not for us. */
  manifest = g_file_get_child (folder, MANIFEST);
  if (!g_file_query_exists (manifest, cancellable))
    return infer (self, cancellable, error) ? g_steal_pointer (&self) : NULL;

  if (!load_manifest (self, languages, cancellable, error))
    return NULL;
  if (self->question_level > 0 && !infer (self, cancellable, error))
    return NULL;
  pyprep_deck_foreach_entry (self, check_followups, self);

  return g_steal_pointer (&self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *folder = g_object_get_data (G_OBJECT (task), "folder");
  GError *error = NULL;
  PyprepDeck *deck;

  pyprep_trace_mark ("deck-parse", NULL);
  deck = pyprep_deck_load (folder, task_data, cancellable, &error);
  /* In the worker: the time the deck waits after this for the main loop
   * is the time the main loop was busy. */
  pyprep_trace_mark ("deck-parsed", NULL);
  if (deck == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, deck, g_object_unref);
}

/**
 * pyprep_deck_load_async:
 *
 * Loads a deck in a worker thread; see pyprep_deck_load().
 */
void
pyprep_deck_load_async (GFile               *folder,
                        const char * const  *languages,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (folder));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pyprep_deck_load_async);
  g_object_set_data_full (G_OBJECT (task), "folder", g_object_ref (folder), g_object_unref);
  g_task_set_task_data (task, g_strdupv ((GStrv) languages), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, load_thread);
}

/**
 * pyprep_deck_load_finish:
 *
 * Returns: (transfer full) (nullable): the deck, or %NULL with @error set
 */
PyprepDeck *
pyprep_deck_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pyprep_deck_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
pyprep_deck_get_id (PyprepDeck *self)
{
  g_return_val_if_fail (PYPREP_IS_DECK (self), NULL);
  return self->id;
}

/**
 * pyprep_deck_get_title:
 *
 * Returns: the deck's title in its chosen language
 */
const char *
pyprep_deck_get_title (PyprepDeck *self)
{
  g_return_val_if_fail (PYPREP_IS_DECK (self), NULL);
  return self->title;
}

/**
 * pyprep_deck_get_language:
 *
 * Returns: the language the deck was loaded in, one of its languages
 */
const char *
pyprep_deck_get_language (PyprepDeck *self)
{
  g_return_val_if_fail (PYPREP_IS_DECK (self), NULL);
  return self->language;
}

/**
 * pyprep_deck_get_languages:
 *
 * Returns: (transfer none): every language the deck has
 */
const char * const *
pyprep_deck_get_languages (PyprepDeck *self)
{
  g_return_val_if_fail (PYPREP_IS_DECK (self), NULL);
  return (const char * const *) self->languages;
}

/**
 * pyprep_deck_get_description:
 *
 * Returns: (nullable): for a folder of notes, the first paragraph of the
 *   README that describes it
 */
const char *
pyprep_deck_get_description (PyprepDeck *self)
{
  g_return_val_if_fail (PYPREP_IS_DECK (self), NULL);
  return self->description;
}

/**
 * pyprep_deck_get_folders:
 *
 * Returns: (transfer none) (nullable) (element-type GFile): for a folder of
 *   notes, every folder that was read (the deck folder and its
 *   subfolders), so that the app can watch them for changes
 */
GPtrArray *
pyprep_deck_get_folders (PyprepDeck *self)
{
  g_return_val_if_fail (PYPREP_IS_DECK (self), NULL);
  return self->folders;
}

/**
 * pyprep_deck_get_folder:
 *
 * Returns: (transfer none): the folder the deck was loaded from
 */
GFile *
pyprep_deck_get_folder (PyprepDeck *self)
{
  g_return_val_if_fail (PYPREP_IS_DECK (self), NULL);
  return self->folder;
}

/**
 * pyprep_deck_get_topics:
 *
 * Returns: (transfer none): a #GListModel of #PyprepTopic in manifest order
 */
GListModel *
pyprep_deck_get_topics (PyprepDeck *self)
{
  g_return_val_if_fail (PYPREP_IS_DECK (self), NULL);
  return G_LIST_MODEL (self->topics);
}

/**
 * pyprep_deck_get_problems:
 *
 * Returns: (transfer none) (element-type GError): the problems found while
 *   loading, each message starting with `file:line:`
 */
GPtrArray *
pyprep_deck_get_problems (PyprepDeck *self)
{
  g_return_val_if_fail (PYPREP_IS_DECK (self), NULL);
  return pyprep_problems_get_errors (self->problems);
}

/**
 * pyprep_deck_get_warnings:
 *
 * Returns: (transfer none) (element-type GError): doubts about notes that
 *   loaded all the same (unanswered questions, entries that look like many
 *   questions), each message starting with `file:line:`
 */
GPtrArray *
pyprep_deck_get_warnings (PyprepDeck *self)
{
  g_return_val_if_fail (PYPREP_IS_DECK (self), NULL);
  return pyprep_problems_get_warnings (self->problems);
}

/**
 * pyprep_deck_get_notes:
 *
 * Returns: (transfer none) (element-type utf8): for a folder of notes, one
 *   line a file saying which structure was inferred
 */
GPtrArray *
pyprep_deck_get_notes (PyprepDeck *self)
{
  g_return_val_if_fail (PYPREP_IS_DECK (self), NULL);
  return pyprep_problems_get_notes (self->problems);
}

guint
pyprep_deck_get_n_entries (PyprepDeck *self)
{
  g_return_val_if_fail (PYPREP_IS_DECK (self), 0);
  return g_hash_table_size (self->entries_by_id);
}

/**
 * pyprep_deck_lookup_entry:
 * @id: a full entry ID, `deck/topic/entry`
 *
 * Returns: (transfer none) (nullable): the entry with that ID
 */
PyprepEntry *
pyprep_deck_lookup_entry (PyprepDeck *self,
                          const char *id)
{
  g_return_val_if_fail (PYPREP_IS_DECK (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->entries_by_id, id);
}
