/* pyprep-infer-readme.c: tells a README about the folder from a README of notes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A README is read like any other file, except when the folder holds other
 * notes and the README either is an index (its list items link to the
 * folder's files) or asks no question at all. Such a README gives the deck
 * (or the subfolder's group) its title and description, and its links
 * order the topics.
 */
#include "config.h"

#include <string.h>

#include "pyprep-infer-private.h"

void
pyprep_notes_index_clear (PyprepNotesIndex *index)
{
  g_clear_pointer (&index->title, g_free);
  g_clear_pointer (&index->description, g_free);
  g_clear_pointer (&index->links, g_ptr_array_unref);
}

/* A link to a file or folder beside the README, as a path relative to
 * the README's folder; NULL for web links, anchors and absolute paths. */
static char *
local_target (const char *url)
{
  g_autofree char *path = NULL;
  g_autofree char *scheme = NULL;

  if (url == NULL || *url == '\0' || *url == '#' || *url == '/')
    return NULL;
  scheme = g_uri_parse_scheme (url);
  if (scheme != NULL)
    return NULL;
  path = g_uri_unescape_segment (url, url + strcspn (url, "?#"), NULL);
  if (path == NULL || *path == '\0')
    return NULL;
  while (g_str_has_prefix (path, "./"))
    memmove (path, path + 2, strlen (path + 2) + 1);
  if (g_str_has_suffix (path, "/"))
    path[strlen (path) - 1] = '\0';
  return *path != '\0' ? g_steal_pointer (&path) : NULL;
}

/* Counts list items, and those whose first link is local. */
static void
count_items (cmark_node *doc,
             guint      *items,
             guint      *linked,
             GPtrArray  *links)
{
  g_autoptr(cmark_iter) iter = cmark_iter_new (doc);
  cmark_event_type ev;
  cmark_node *item = NULL;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);
      g_autofree char *target = NULL;

      if (ev != CMARK_EVENT_ENTER)
        continue;
      if (cmark_node_get_type (cur) == CMARK_NODE_ITEM)
        {
          (*items)++;
          item = cur;
        }
      if (cmark_node_get_type (cur) != CMARK_NODE_LINK
          || (target = local_target (cmark_node_get_url (cur))) == NULL)
        continue;
      if (item != NULL)
        {
          (*linked)++;
          item = NULL;
        }
      g_ptr_array_add (links, g_steal_pointer (&target));
    }
}

/* Does any heading or list item of @doc ask a question? */
static gboolean
asks_questions (cmark_node *doc)
{
  g_autoptr(cmark_iter) iter = cmark_iter_new (doc);
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);
      g_autofree char *text = NULL;
      g_autofree char *rest = NULL;
      g_autofree char *number = NULL;
      gboolean flag;

      if (ev != CMARK_EVENT_ENTER)
        continue;
      if (cmark_node_get_type (cur) == CMARK_NODE_HEADING)
        text = pyprep_markdown_plain_text (cur);
      else if (cmark_node_get_type (cur) == CMARK_NODE_ITEM)
        text = pyprep_infer_item_question (cur, &flag, &rest);
      else
        continue;
      g_clear_pointer (&rest, g_free);
      number = pyprep_infer_split_number (text, &rest, &flag);
      if ((cmark_node_get_type (cur) == CMARK_NODE_HEADING && number != NULL)
          || flag || pyprep_infer_is_question (rest))
        return TRUE;
    }
  return FALSE;
}

static void
read_title (cmark_node       *doc,
            PyprepNotesIndex *index)
{
  for (cmark_node *node = cmark_node_first_child (doc); node != NULL; node = cmark_node_next (node))
    {
      if (index->title == NULL && cmark_node_get_type (node) == CMARK_NODE_HEADING)
        index->title = pyprep_markdown_plain_text (node);
      else if (index->description == NULL && cmark_node_get_type (node) == CMARK_NODE_PARAGRAPH)
        index->description = pyprep_markdown_plain_text (node);
    }
  if (index->title != NULL && *index->title == '\0')
    g_clear_pointer (&index->title, g_free);
}

/**
 * pyprep_infer_readme:
 * @text: the README, valid UTF-8
 * @has_others: whether the folder holds other notes
 * @index: (out caller-allocates): the README's title, description and
 *   local links, in order; clear it with pyprep_notes_index_clear()
 *
 * Returns: whether the README is about the folder rather than notes
 */
gboolean
pyprep_infer_readme (const char       *text,
                     gsize             length,
                     gboolean          has_others,
                     PyprepNotesIndex *index)
{
  gsize front = pyprep_markdown_front_matter (text, length, NULL);
  g_autoptr(cmark_node) doc = NULL;
  guint items = 0, linked = 0;

  memset (index, 0, sizeof *index);
  index->links = g_ptr_array_new_with_free_func (g_free);
  /* Alone in its folder, a README is notes. */
  if (!has_others)
    return FALSE;

  doc = cmark_parse_document (text + front, length - front, CMARK_OPT_DEFAULT);
  pyprep_infer_remove_tocs (doc);
  read_title (doc, index);
  count_items (doc, &items, &linked, index->links);
  /* An index: most list items link to the folder's files. */
  if (linked >= 2 && linked * 5 >= items * 4)
    return TRUE;
  return !asks_questions (doc);
}
