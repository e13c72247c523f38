/* pyprep-infer.c: makes a deck of a folder of Markdown notes that has no deck.json.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People's notes are not written for us, so their shape is inferred; the
 * rules are in docs/deck-format.md ("Folders without a manifest"). This
 * file walks the folder: every .md file is read, README included, and
 * subfolders depth-first in name order (an index README's order first),
 * skipping hidden folders, node_modules and links that leave the folder.
 * Each subfolder is a group of topics. pyprep-infer-file.c finds the
 * structure of each file.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pyprep-infer-private.h"

/* Files larger than this are refused before they are read. */
#define MAX_NOTES_FILE (8 * 1024 * 1024)
/* Folders nested deeper than this, or more folders than this, are not
 * read: no one keeps notes so, and a hostile tree must not hang the app. */
#define MAX_FOLDER_DEPTH 16
#define MAX_FOLDERS 2000

/* Files beside notes that are about the project, not notes. */
static const char *not_notes[] = {
  "changelog.md", "contributing.md", "code_of_conduct.md", "license.md", "security.md", NULL
};

typedef struct
{
  const char *deck_id;
  GFile *root;
  char *root_real;             /* nullable: the root's real path */
  int question_level;
  PyprepProblems *problems;
  GCancellable *cancellable;
  GHashTable *topic_ids;
  GHashTable *visited;         /* real paths of the folders read */
  GHashTable *rank;            /* relative path -> position in an index README, from 1 */
  PyprepInferred *out;
  guint n_folders;
  guint n_files;
} Walk;

typedef struct
{
  char *name;
  gboolean folder;
  guint rank;
} Item;

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->name);
  g_free (item);
}

void
pyprep_inferred_free (PyprepInferred *inferred)
{
  if (inferred == NULL)
    return;
  g_clear_pointer (&inferred->topics, g_ptr_array_unref);
  g_clear_pointer (&inferred->folders, g_ptr_array_unref);
  g_free (inferred->title);
  g_free (inferred->description);
  g_free (inferred);
}

static char *
join (const char *rel,
      const char *name)
{
  return *rel != '\0' ? g_strconcat (rel, "/", name, NULL) : g_strdup (name);
}

static gboolean
is_markdown (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
         && !g_strv_contains (not_notes, lower);
}

static gboolean
is_readme (const char *name)
{
  return g_ascii_strcasecmp (name, "README.md") == 0;
}

/* An index README's links order the files and folders they lead to (and
 * the folders those are in), first link first. */
static void
rank_links (Walk       *w,
            const char *rel,
            GPtrArray  *links)
{
  for (guint i = 0; i < links->len; i++)
    {
      g_autofree char *path = pyprep_markdown_resolve_path (rel, g_ptr_array_index (links, i));
      char *slash;

      while (path != NULL && *path != '\0')
        {
          if (!g_hash_table_contains (w->rank, path))
            g_hash_table_insert (w->rank, g_strdup (path), GUINT_TO_POINTER (g_hash_table_size (w->rank) + 1));
          slash = strrchr (path, '/');
          if (slash == NULL)
            break;
          *slash = '\0';
        }
    }
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = *(const Item **) a;
  const Item *y = *(const Item **) b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return strcmp (x->name, y->name);
}

/* Reads a file's text, or says why not. */
static char *
read_text (Walk       *w,
           GFile      *file,
           const char *path,
           gsize      *length)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *bad = NULL;
  int line = 1;

  if (!g_file_load_contents (file, w->cancellable, &contents, length, NULL, &error))
    {
      pyprep_problems_add_error (w->problems, PYPREP_DECK_ERROR_IO, path, 1,
                                 "cannot read the file: %s", error->message);
      return NULL;
    }
  if (*length > MAX_NOTES_FILE)
    {
      pyprep_problems_add_error (w->problems, PYPREP_DECK_ERROR_TOO_LARGE, path, 1,
                                 "file is over %d MiB; the file is skipped", MAX_NOTES_FILE / (1024 * 1024));
      return NULL;
    }
  if (!g_utf8_validate_len (contents, *length, &bad))
    {
      for (const char *p = contents; p < bad; p++)
        line += *p == '\n';
      pyprep_problems_add_error (w->problems, PYPREP_DECK_ERROR_ENCODING, path, line,
                                 *bad == '\0' ? "file contains a NUL byte: is it a binary file?"
                                              : "file is not valid UTF-8; the file is skipped");
      return NULL;
    }
  return g_steal_pointer (&contents);
}

static void
infer_text (Walk       *w,
            const char *path,
            const char *text,
            gsize       length,
            const char *group,
            const char *group_title)
{
  g_autofree char *stem = g_strndup (path, strrchr (path, '.') - path);
  g_autoptr(GHashTable) entry_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PyprepInferBuilder b = { 0 };
  guint first = w->out->topics->len;

  b.deck_id = w->deck_id;
  b.file = path;
  b.stem = stem;
  b.problems = w->problems;
  b.topic_ids = w->topic_ids;
  b.entry_ids = entry_ids;
  b.topics = w->out->topics;
  pyprep_infer_file (&b, text, length, w->question_level);
  for (guint i = first; i < w->out->topics->len; i++)
    pyprep_topic_set_group (g_ptr_array_index (w->out->topics, i), group, group_title);
}

static void
infer_path (Walk       *w,
            GFile      *dir,
            const char *rel,
            const char *name,
            const char *group_title)
{
  g_autoptr(GFile) file = g_file_get_child (dir, name);
  g_autofree char *path = join (rel, name);
  g_autofree char *text = NULL;
  gsize length = 0;

  w->n_files++;
  text = read_text (w, file, path, &length);
  if (text != NULL)
    infer_text (w, path, text, length, rel, group_title);
}

/* Whether @child, a link, stays inside the deck folder; a link that leaves
 * it could read any file of the user's, so it is not followed. */
static gboolean
link_stays_inside (Walk       *w,
                   GFile      *child,
                   const char *path)
{
  g_autofree char *local = g_file_get_path (child);
  g_autofree char *real = NULL;

  if (local == NULL || w->root_real == NULL)
    return FALSE;
  real = realpath (local, NULL);
  if (real == NULL)
    {
      pyprep_problems_add_warning (w->problems, PYPREP_DECK_ERROR_FOLDER, path, 1,
                                   "the link leads nowhere (%s); it is not read", g_strerror (errno));
      return FALSE;
    }
  if (g_str_equal (real, w->root_real)
      || (g_str_has_prefix (real, w->root_real) && real[strlen (w->root_real)] == '/')
      || g_str_equal (w->root_real, "/"))
    return TRUE;
  pyprep_problems_add_warning (w->problems, PYPREP_DECK_ERROR_FOLDER, path, 1,
                               "the link leads outside the folder; it is not read");
  return FALSE;
}

static int
compare_infos (gconstpointer a,
               gconstpointer b)
{
  return strcmp (g_file_info_get_name (*(GFileInfo **) a), g_file_info_get_name (*(GFileInfo **) b));
}

/* The children of @dir in name order, so that problems come in that order. */
static GPtrArray *
list_children (Walk       *w,
               GFile      *dir,
               const char *rel)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *infos = g_ptr_array_new_with_free_func (g_object_unref);
  GFileInfo *info;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, w->cancellable, &error);
  if (children == NULL)
    pyprep_problems_add_error (w->problems, PYPREP_DECK_ERROR_IO, *rel != '\0' ? rel : ".", 1,
                               "cannot read the folder: %s", error->message);
  while (children != NULL && (info = g_file_enumerator_next_file (children, w->cancellable, NULL)) != NULL)
    g_ptr_array_add (infos, info);
  g_ptr_array_sort (infos, compare_infos);
  return infos;
}

/* The notes files and subfolders of @dir, in name order. */
static GPtrArray *
list_items (Walk       *w,
            GFile      *dir,
            const char *rel)
{
  g_autoptr(GPtrArray) infos = list_children (w, dir, rel);
  GPtrArray *items = g_ptr_array_new_with_free_func (item_free);

  for (guint i = 0; i < infos->len; i++)
    {
      GFileInfo *info = g_ptr_array_index (infos, i);
      const char *name = g_file_info_get_name (info);
      g_autofree char *path = join (rel, name);
      g_autoptr(GFile) child = g_file_get_child (dir, name);
      GFileType type = g_file_info_get_file_type (info);
      Item *item;

      if (*name == '.' || g_str_equal (name, "node_modules"))
        continue;
      if (g_file_info_get_is_symlink (info))
        {
          g_autoptr(GFileInfo) target = NULL;

          if (!link_stays_inside (w, child, path))
            continue;
          target = g_file_query_info (child, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                      G_FILE_QUERY_INFO_NONE, w->cancellable, NULL);
          if (target == NULL)
            continue;
          type = g_file_info_get_file_type (target);
          g_file_info_set_size (info, g_file_info_get_size (target));
        }
      if (type != G_FILE_TYPE_DIRECTORY && !(type == G_FILE_TYPE_REGULAR && is_markdown (name)))
        continue;
      if (type == G_FILE_TYPE_REGULAR && g_file_info_get_size (info) > MAX_NOTES_FILE)
        {
          pyprep_problems_add_error (w->problems, PYPREP_DECK_ERROR_TOO_LARGE, path, 1,
                                     "file is over %d MiB; the file is skipped", MAX_NOTES_FILE / (1024 * 1024));
          continue;
        }
      item = g_new0 (Item, 1);
      item->name = g_strdup (name);
      item->folder = type == G_FILE_TYPE_DIRECTORY;
      g_ptr_array_add (items, item);
    }
  return items;
}

/* Reads the folder's README; TRUE when it is about the folder, and then
 * its title names the deck or group and its links order the items. */
static gboolean
read_readme (Walk        *w,
             GFile       *dir,
             const char  *rel,
             const char  *name,
             gboolean     has_others,
             char       **title)
{
  g_autoptr(GFile) file = g_file_get_child (dir, name);
  g_autofree char *path = join (rel, name);
  g_autofree char *text = NULL;
  PyprepNotesIndex index;
  gsize length = 0;
  gboolean about;

  text = read_text (w, file, path, &length);
  if (text == NULL)
    return TRUE;
  about = pyprep_infer_readme (text, length, has_others, &index);
  if (about)
    {
      rank_links (w, rel, index.links);
      *title = g_steal_pointer (&index.title);
      if (*rel == '\0')
        w->out->description = g_steal_pointer (&index.description);
      pyprep_problems_add_note (w->problems, "%s: about the folder, not notes%s", path,
                                index.links->len > 0 ? "; its links order the topics" : "");
    }
  pyprep_notes_index_clear (&index);
  return about;
}

static void walk_folder (Walk       *w,
                         GFile      *dir,
                         const char *rel,
                         int         depth);

static void
walk_subfolder (Walk       *w,
                GFile      *dir,
                const char *rel,
                const char *name,
                int         depth)
{
  g_autoptr(GFile) child = g_file_get_child (dir, name);
  g_autofree char *path = join (rel, name);
  g_autofree char *local = g_file_get_path (child);
  g_autofree char *real = local != NULL ? realpath (local, NULL) : NULL;

  if (real != NULL && !g_hash_table_add (w->visited, g_steal_pointer (&real)))
    {
      pyprep_problems_add_warning (w->problems, PYPREP_DECK_ERROR_FOLDER, path, 1,
                                   "this folder was read already (a link loops back); it is not read again");
      return;
    }
  if (depth >= MAX_FOLDER_DEPTH)
    {
      pyprep_problems_add_error (w->problems, PYPREP_DECK_ERROR_TOO_DEEP, path, 1,
                                 "folders nested more than %d levels deep are not read", MAX_FOLDER_DEPTH);
      return;
    }
  if (w->n_folders >= MAX_FOLDERS)
    {
      if (w->n_folders++ == MAX_FOLDERS)
        pyprep_problems_add_error (w->problems, PYPREP_DECK_ERROR_TOO_LARGE, path, 1,
                                   "the notes hold more than %d folders; this one and the rest are not read",
                                   MAX_FOLDERS);
      return;
    }
  walk_folder (w, child, path, depth + 1);
}

static void
walk_folder (Walk       *w,
             GFile      *dir,
             const char *rel,
             int         depth)
{
  g_autoptr(GPtrArray) items = list_items (w, dir, rel);
  g_autofree char *readme = NULL;
  g_autofree char *title = NULL;
  const char *slash = strrchr (rel, '/');

  w->n_folders++;
  g_ptr_array_add (w->out->folders, g_object_ref (dir));
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);

      if (!item->folder && is_readme (item->name) && readme == NULL)
        {
          readme = g_strdup (item->name);
          g_ptr_array_remove_index (items, i--);
        }
    }
  if (readme != NULL && !read_readme (w, dir, rel, readme, items->len > 0, &title))
    infer_path (w, dir, rel, readme, title != NULL ? title : slash != NULL ? slash + 1 : rel);
  if (depth == 0 && title != NULL)
    w->out->title = g_strdup (title);

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      g_autofree char *path = join (rel, item->name);

      item->rank = GPOINTER_TO_UINT (g_hash_table_lookup (w->rank, path));
      if (item->rank == 0)
        item->rank = G_MAXUINT;
    }
  g_ptr_array_sort (items, compare_items);

  for (guint i = 0; i < items->len && !g_cancellable_is_cancelled (w->cancellable); i++)
    {
      Item *item = g_ptr_array_index (items, i);

      if (item->folder)
        walk_subfolder (w, dir, rel, item->name, depth);
      else
        infer_path (w, dir, rel, item->name, title != NULL ? title : slash != NULL ? slash + 1 : rel);
    }
}

/**
 * pyprep_infer_folder:
 * @question_level: the question level a deck.json states, or 0 to infer it
 *
 * Reads every notes file of @folder and its subfolders. Problems in files
 * (too large, not UTF-8, binary) go to @problems; the file is skipped.
 *
 * Returns: (transfer full) (nullable): the topics and what else the folder
 *   says, or %NULL with @error set when it holds no notes at all
 */
PyprepInferred *
pyprep_infer_folder (const char     *deck_id,
                     GFile          *folder,
                     int             question_level,
                     PyprepProblems *problems,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(PyprepInferred) out = g_new0 (PyprepInferred, 1);
  g_autoptr(GHashTable) topic_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) rank = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *local = g_file_get_path (folder);
  Walk w = { 0 };

  out->topics = g_ptr_array_new_with_free_func (g_object_unref);
  out->folders = g_ptr_array_new_with_free_func (g_object_unref);
  w.deck_id = deck_id;
  w.root = folder;
  w.root_real = local != NULL ? realpath (local, NULL) : NULL;
  w.question_level = question_level;
  w.problems = problems;
  w.cancellable = cancellable;
  w.topic_ids = topic_ids;
  w.visited = visited;
  w.rank = rank;
  w.out = out;
  if (w.root_real != NULL)
    g_hash_table_add (visited, g_strdup (w.root_real));

  walk_folder (&w, folder, "", 0);
  free (w.root_real);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (w.n_files == 0)
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, PYPREP_DECK_ERROR, PYPREP_DECK_ERROR_EMPTY,
                   _("%s: the folder has no deck.json and no Markdown notes (.md files), "
                     "nor have its subfolders"), name);
      return NULL;
    }
  return g_steal_pointer (&out);
}
