/* pyprep-search.c: full-text search over every open deck, Chinese and English.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every entry's title, card, text (with its quiz) and the user's
 * annotations are kept normalized: NFKC, so full-width and half-width forms
 * are the same characters, then case-folded. A query is normalized the same
 * way and split at spaces; an entry matches when it contains every term as
 * a substring. Substrings need no word segmentation, so one- and
 * two-character Chinese queries work as Chinese readers expect. Results are
 * ranked by where the terms matched: title above card above the rest.
 */
#include "config.h"

#include <string.h>

#include "pyprep-search.h"
#include "pyprep-search-private.h"

#define N_FIELDS 4

static const int field_weight[N_FIELDS] = { 1000, 100, 10, 10 };

/* Result ----------------------------------------------------------------- */

struct _PyprepSearchResult
{
  GObject parent_instance;

  PyprepEntry *entry;
  PyprepSearchField field;
  char *snippet;
  guint match_start;
  guint match_length;
  int score;
};

G_DEFINE_FINAL_TYPE (PyprepSearchResult, pyprep_search_result, G_TYPE_OBJECT)

enum {
  RESULT_PROP_0,
  RESULT_PROP_TITLE,
  RESULT_PROP_TOPIC,
  RESULT_PROP_SNIPPET_MARKUP,
  RESULT_N_PROPS
};

static GParamSpec *result_properties[RESULT_N_PROPS];

/* The snippet as Pango markup, the match in bold; every piece escaped. */
static char *
snippet_markup (PyprepSearchResult *self)
{
  const char *s = self->snippet;
  const char *start = g_utf8_offset_to_pointer (s, self->match_start);
  const char *end = g_utf8_offset_to_pointer (start, self->match_length);
  g_autofree char *before = g_markup_escape_text (s, start - s);
  g_autofree char *match = g_markup_escape_text (start, end - start);
  g_autofree char *after = g_markup_escape_text (end, -1);

  return g_strconcat (before, "<b>", match, "</b>", after, NULL);
}

static void
pyprep_search_result_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PyprepSearchResult *self = PYPREP_SEARCH_RESULT (object);
  PyprepTopic *topic;

  switch (prop_id)
    {
    case RESULT_PROP_TITLE:
      g_value_set_string (value, pyprep_entry_get_title (self->entry));
      break;
    case RESULT_PROP_TOPIC:
      topic = pyprep_entry_get_topic (self->entry);
      g_value_set_string (value, topic != NULL ? pyprep_topic_get_title (topic) : NULL);
      break;
    case RESULT_PROP_SNIPPET_MARKUP:
      g_value_take_string (value, snippet_markup (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_search_result_finalize (GObject *object)
{
  PyprepSearchResult *self = PYPREP_SEARCH_RESULT (object);

  g_clear_object (&self->entry);
  g_free (self->snippet);

  G_OBJECT_CLASS (pyprep_search_result_parent_class)->finalize (object);
}

static void
pyprep_search_result_class_init (PyprepSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pyprep_search_result_finalize;
  object_class->get_property = pyprep_search_result_get_property;

  result_properties[RESULT_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  result_properties[RESULT_PROP_TOPIC] =
    g_param_spec_string ("topic", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * PyprepSearchResult:snippet-markup:
   *
   * The snippet as escaped Pango markup with the match in bold.
   */
  result_properties[RESULT_PROP_SNIPPET_MARKUP] =
    g_param_spec_string ("snippet-markup", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, RESULT_N_PROPS, result_properties);
}

static void
pyprep_search_result_init (PyprepSearchResult *self)
{
}

/**
 * pyprep_search_result_get_entry:
 *
 * Returns: (transfer none): the entry found
 */
PyprepEntry *
pyprep_search_result_get_entry (PyprepSearchResult *self)
{
  g_return_val_if_fail (PYPREP_IS_SEARCH_RESULT (self), NULL);
  return self->entry;
}

/**
 * pyprep_search_result_get_field:
 *
 * Returns: the best field a query term matched in
 */
PyprepSearchField
pyprep_search_result_get_field (PyprepSearchResult *self)
{
  g_return_val_if_fail (PYPREP_IS_SEARCH_RESULT (self), PYPREP_SEARCH_FIELD_BODY);
  return self->field;
}

/**
 * pyprep_search_result_get_snippet:
 *
 * Returns: a line of plain text around the first match
 */
const char *
pyprep_search_result_get_snippet (PyprepSearchResult *self)
{
  g_return_val_if_fail (PYPREP_IS_SEARCH_RESULT (self), NULL);
  return self->snippet;
}

/**
 * pyprep_search_result_get_match_start:
 *
 * Returns: where the match starts in the snippet, in characters
 */
guint
pyprep_search_result_get_match_start (PyprepSearchResult *self)
{
  g_return_val_if_fail (PYPREP_IS_SEARCH_RESULT (self), 0);
  return self->match_start;
}

/**
 * pyprep_search_result_get_match_length:
 *
 * Returns: how long the match is, in characters
 */
guint
pyprep_search_result_get_match_length (PyprepSearchResult *self)
{
  g_return_val_if_fail (PYPREP_IS_SEARCH_RESULT (self), 0);
  return self->match_length;
}

int
pyprep_search_result_get_score (PyprepSearchResult *self)
{
  g_return_val_if_fail (PYPREP_IS_SEARCH_RESULT (self), 0);
  return self->score;
}

/* Index ------------------------------------------------------------------- */

/* Every pair of neighbouring bytes of a document's normalized text sets
 * one bit of this many. A term can only be in the document when all of
 * its own pairs' bits are set, so most documents are passed over without
 * reading their text: a query that matches little costs a fraction of a
 * scan of all the text (about 20 MB for 10,000 entries). */
#define BIGRAM_BITS 4096
#define BIGRAM_WORDS (BIGRAM_BITS / 64)

typedef struct
{
  PyprepEntry *entry;
  char *clean[N_FIELDS];       /* readable text, for snippets */
  char *norm[N_FIELDS];        /* normalized, for matching */
  guint64 bigrams[BIGRAM_WORDS];
} Doc;

static inline guint
bigram_bit (guchar a,
            guchar b)
{
  return ((((guint32) a << 8) | b) * 2654435761u) >> (32 - 12);
}

static void
add_bigrams (guint64    *bits,
             const char *text)
{
  const guchar *p = (const guchar *) text;

  for (; p[0] != '\0' && p[1] != '\0'; p++)
    {
      guint bit = bigram_bit (p[0], p[1]);

      bits[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
    }
}

static void
doc_free (Doc *doc)
{
  g_clear_object (&doc->entry);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_free (doc->clean[i]);
      g_free (doc->norm[i]);
    }
  g_free (doc);
}

struct _PyprepSearchIndex
{
  GObject parent_instance;

  GPtrArray *docs;             /* in deck order */
};

G_DEFINE_FINAL_TYPE (PyprepSearchIndex, pyprep_search_index, G_TYPE_OBJECT)

static void
pyprep_search_index_finalize (GObject *object)
{
  PyprepSearchIndex *self = PYPREP_SEARCH_INDEX (object);

  g_clear_pointer (&self->docs, g_ptr_array_unref);

  G_OBJECT_CLASS (pyprep_search_index_parent_class)->finalize (object);
}

static void
pyprep_search_index_class_init (PyprepSearchIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pyprep_search_index_finalize;
}

static void
pyprep_search_index_init (PyprepSearchIndex *self)
{
  self->docs = g_ptr_array_new_with_free_func ((GDestroyNotify) doc_free);
}

static void
append_question (GString              *out,
                 const PyprepQuestion *question)
{
  g_string_append_printf (out, "\n%s\n", question->question);
  for (guint i = 0; i < question->choices->len; i++)
    {
      const PyprepChoice *choice = g_ptr_array_index (question->choices, i);

      g_string_append_printf (out, "%s\n%s\n", choice->text,
                              choice->explanation != NULL ? choice->explanation : "");
    }
  if (question->explanation != NULL)
    g_string_append_printf (out, "%s\n", question->explanation);
}

static Doc *
doc_new (PyprepEntry *entry,
         const char  *annotations)
{
  Doc *doc = g_new0 (Doc, 1);
  const PyprepCard *card = pyprep_entry_get_card (entry);
  GString *body = g_string_new (pyprep_entry_get_body (entry));
  g_autofree char *card_text = NULL;
  g_autofree char *title = NULL;
  const char *raw[N_FIELDS];

  for (guint i = 0; i < pyprep_entry_get_n_questions (entry); i++)
    append_question (body, pyprep_entry_get_question (entry, i));
  card_text = card != NULL ? g_strconcat (card->prompt, "\n", card->answer, NULL) : g_strdup ("");

  /* A numbered question is found by its number too: "12" finds "12. …". */
  if (pyprep_entry_get_number (entry) != NULL)
    title = g_strdup_printf ("%s. %s", pyprep_entry_get_number (entry), pyprep_entry_get_title (entry));
  raw[PYPREP_SEARCH_FIELD_TITLE] = title != NULL ? title : pyprep_entry_get_title (entry);
  raw[PYPREP_SEARCH_FIELD_CARD] = card_text;
  raw[PYPREP_SEARCH_FIELD_BODY] = body->str;
  raw[PYPREP_SEARCH_FIELD_ANNOTATION] = annotations != NULL ? annotations : "";

  doc->entry = g_object_ref (entry);
  for (guint i = 0; i < N_FIELDS; i++)
    {
      doc->clean[i] = _pyprep_search_clean_markdown (raw[i]);
      doc->norm[i] = pyprep_search_normalize (doc->clean[i]);
      add_bigrams (doc->bigrams, doc->norm[i]);
    }
  g_string_free (body, TRUE);

  return doc;
}

typedef struct
{
  GPtrArray *entries;          /* PyprepEntry, deck order */
  GHashTable *annotations;     /* entry id -> text */
} BuildData;

static void
build_data_free (BuildData *data)
{
  g_ptr_array_unref (data->entries);
  g_hash_table_unref (data->annotations);
  g_free (data);
}

static gboolean
add_entry (PyprepTopic *topic,
           PyprepEntry *entry,
           gpointer     user_data)
{
  g_ptr_array_add (user_data, g_object_ref (entry));
  return FALSE;
}

/* Gathers on the calling (main) thread what the index is built from: the
 * entries, which are immutable, and a copy of the annotation texts, since
 * the store belongs to the main thread. */
static BuildData *
gather (PyprepLibrary *library,
        PyprepStore   *store)
{
  BuildData *data = g_new0 (BuildData, 1);
  GListModel *decks = pyprep_library_get_decks (library);

  data->entries = g_ptr_array_new_with_free_func (g_object_unref);
  data->annotations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  pyprep_decks_foreach_entry (decks, add_entry, data->entries);

  if (store != NULL)
    {
      g_autoptr(GPtrArray) all = pyprep_store_dup_annotations (store, NULL);
      /* Appended to, not copied whole for each: 10,000 annotations on one
       * entry made that a second of copying on the main thread. */
      g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
      GHashTableIter iter;
      gpointer entry_id, text;

      for (guint i = 0; i < all->len; i++)
        {
          const PyprepAnnotation *a = g_ptr_array_index (all, i);
          GString *before = g_hash_table_lookup (texts, a->entry_id);

          if (before == NULL)
            g_hash_table_insert (texts, a->entry_id, before = g_string_new (NULL));
          else
            g_string_append_c (before, '\n');
          g_string_append_printf (before, "%s\n%s", a->quote != NULL ? a->quote : "", a->text);
        }
      g_hash_table_iter_init (&iter, texts);
      while (g_hash_table_iter_next (&iter, &entry_id, &text))
        g_hash_table_insert (data->annotations, g_strdup (entry_id), g_string_free (text, FALSE));
    }

  return data;
}

static PyprepSearchIndex *
build (BuildData *data)
{
  PyprepSearchIndex *self = g_object_new (PYPREP_TYPE_SEARCH_INDEX, NULL);

  for (guint i = 0; i < data->entries->len; i++)
    {
      PyprepEntry *entry = g_ptr_array_index (data->entries, i);

      g_ptr_array_add (self->docs, doc_new (entry, g_hash_table_lookup (data->annotations,
                                                                      pyprep_entry_get_id (entry))));
    }

  return self;
}

/**
 * pyprep_search_index_new:
 * @library: the decks to search
 * @store: (nullable): the user data whose annotations to search
 *
 * Builds the index in the calling thread; see pyprep_search_index_new_async().
 *
 * Returns: (transfer full): the index
 */
PyprepSearchIndex *
pyprep_search_index_new (PyprepLibrary *library,
                         PyprepStore   *store)
{
  BuildData *data;
  PyprepSearchIndex *self;

  g_return_val_if_fail (PYPREP_IS_LIBRARY (library), NULL);

  data = gather (library, store);
  self = build (data);
  build_data_free (data);

  return self;
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_task_return_pointer (task, build (task_data), g_object_unref);
}

/**
 * pyprep_search_index_new_async:
 *
 * Builds the index in a worker thread.
 */
void
pyprep_search_index_new_async (PyprepLibrary       *library,
                               PyprepStore         *store,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PYPREP_IS_LIBRARY (library));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pyprep_search_index_new_async);
  g_task_set_task_data (task, gather (library, store), (GDestroyNotify) build_data_free);
  g_task_run_in_thread (task, build_thread);
}

/**
 * pyprep_search_index_new_finish:
 *
 * Returns: (transfer full) (nullable): the index, or %NULL with @error set
 */
PyprepSearchIndex *
pyprep_search_index_new_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
pyprep_search_index_get_n_entries (PyprepSearchIndex *self)
{
  g_return_val_if_fail (PYPREP_IS_SEARCH_INDEX (self), 0);
  return self->docs->len;
}

#define SNIPPET_BEFORE 16
#define SNIPPET_AFTER 72

static PyprepSearchResult *
make_result (Doc               *doc,
             PyprepSearchField  field,
             const char        *hit,
             const char        *term,
             int                score)
{
  PyprepSearchResult *result = g_object_new (PYPREP_TYPE_SEARCH_RESULT, NULL);
  const char *clean = doc->clean[field];
  glong clean_chars = g_utf8_strlen (clean, -1);
  glong norm_at = g_utf8_pointer_to_offset (doc->norm[field], hit);
  glong at = _pyprep_search_clean_offset (clean, norm_at);
  glong length = _pyprep_search_clean_offset (clean, norm_at + g_utf8_strlen (term, -1) - 1) + 1 - at;
  glong from, to;
  GString *snippet = g_string_new (NULL);

  at = MIN (at, clean_chars);
  length = CLAMP (length, 0, clean_chars - at);
  from = MAX (0, at - SNIPPET_BEFORE);
  to = MIN (clean_chars, at + length + SNIPPET_AFTER);

  if (from > 0)
    g_string_append (snippet, "…");
  g_string_append_len (snippet, g_utf8_offset_to_pointer (clean, from),
                       g_utf8_offset_to_pointer (clean, to) - g_utf8_offset_to_pointer (clean, from));
  if (to < clean_chars)
    g_string_append (snippet, "…");

  result->entry = g_object_ref (doc->entry);
  result->field = field;
  result->snippet = g_string_free (snippet, FALSE);
  result->match_start = (from > 0 ? 1 : 0) + (guint) (at - from);
  result->match_length = (guint) length;
  result->score = score;

  return result;
}

typedef struct
{
  Doc *doc;
  const char *hit;
  const char *term;
  PyprepSearchField field;
  int score;
  guint order;
} Match;

static int
by_score (gconstpointer a,
          gconstpointer b)
{
  const Match *x = a;
  const Match *y = b;

  if (x->score != y->score)
    return y->score - x->score;
  return x->order < y->order ? -1 : x->order > y->order;
}

/**
 * pyprep_search_index_query:
 * @query: what the user typed
 *
 * Returns: (transfer full): a #GListModel of #PyprepSearchResult, best
 *   first, deck order among equals, at most %PYPREP_SEARCH_MAX_RESULTS;
 *   empty for an empty query
 */
GListModel *
pyprep_search_index_query (PyprepSearchIndex *self,
                           const char        *query)
{
  g_auto(GStrv) terms = NULL;
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  GListStore *store = g_list_store_new (PYPREP_TYPE_SEARCH_RESULT);
  guint64 wanted[BIGRAM_WORDS];

  g_return_val_if_fail (PYPREP_IS_SEARCH_INDEX (self), G_LIST_MODEL (store));

  terms = pyprep_search_split_query (query);
  if (terms[0] == NULL)
    return G_LIST_MODEL (store);

  /* The pairs of bytes of all the terms: a document lacking one lacks a term. */
  memset (wanted, 0, sizeof wanted);
  for (guint t = 0; terms[t] != NULL; t++)
    add_bigrams (wanted, terms[t]);

  for (guint d = 0; d < self->docs->len; d++)
    {
      Doc *doc = g_ptr_array_index (self->docs, d);
      Match match = { doc, NULL, NULL, PYPREP_SEARCH_FIELD_BODY, 0, d };
      gboolean all = TRUE;

      for (guint w = 0; w < BIGRAM_WORDS && all; w++)
        all = (doc->bigrams[w] & wanted[w]) == wanted[w];
      if (!all)
        continue;

      for (guint t = 0; terms[t] != NULL && all; t++)
        {
          gboolean found = FALSE;

          for (guint f = 0; f < N_FIELDS && !found; f++)
            {
              const char *hit = strstr (doc->norm[f], terms[t]);

              if (hit == NULL)
                continue;
              found = TRUE;
              match.score += field_weight[f];
              /* A title that starts with the term ranks higher still. */
              if (f == PYPREP_SEARCH_FIELD_TITLE && hit == doc->norm[f])
                match.score += 500;
              if (match.hit == NULL || f < match.field)
                {
                  match.hit = hit;
                  match.field = f;
                  match.term = terms[t];
                }
            }
          all = found;
        }

      if (all)
        g_array_append_val (matches, match);
    }

  /* Results are objects with snippets: only the ones anybody will look
   * at are made. */
  g_array_sort (matches, by_score);
  for (guint i = 0; i < MIN (matches->len, PYPREP_SEARCH_MAX_RESULTS); i++)
    {
      Match *m = &g_array_index (matches, Match, i);
      g_autoptr(PyprepSearchResult) result = make_result (m->doc, m->field, m->hit, m->term, m->score);

      g_list_store_append (store, result);
    }

  return G_LIST_MODEL (store);
}
