/* pyprep-followups.c: the follow-up questions of an entry, from a ```followups block.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ```followups
 * - And under the free-threaded build?
 *   The answer, indented under the question. [see](entry:os/gil)
 * ```
 *
 * Each list item is one follow-up: its first line the question, the rest
 * of the item the answer. The first link to an entry in the answer
 * (`entry:` or `#id`) is the entry the follow-up points to.
 */
#include "config.h"

#include <string.h>

#include "pyprep-entry-private.h"
#include "pyprep-followups.h"
#include "pyprep-id.h"
#include "pyprep-markdown.h"

/**
 * pyprep_followups_resolve_see:
 * @reference: what a link names: `id`, `topic/id` or `deck/topic/id`,
 *   after its `entry:` or `#`
 * @deck_id: the deck of the entry holding the link
 * @topic_id: its topic
 *
 * Returns: (transfer full) (nullable): the full entry ID, or %NULL when
 *   @reference is not one
 */
char *
pyprep_followups_resolve_see (const char *reference,
                              const char *deck_id,
                              const char *topic_id)
{
  g_auto(GStrv) parts = g_strsplit (reference, "/", -1);
  guint n = g_strv_length (parts);

  for (guint i = 0; i < n; i++)
    if (!pyprep_id_is_valid (parts[i]))
      return NULL;
  if (n == 1)
    return g_strdup_printf ("%s/%s/%s", deck_id, topic_id, parts[0]);
  if (n == 2)
    return g_strdup_printf ("%s/%s/%s", deck_id, parts[0], parts[1]);
  if (n == 3)
    return g_strdup (reference);
  return NULL;
}

/* The first link to an entry in @node, made an `entry:` link if written
 * as `#id`; returns its full ID, or NULL when there is none. */
static char *
find_see (cmark_node *node,
          cmark_node *stop,
          const char *deck_id,
          const char *topic_id,
          gboolean   *bad)
{
  char *see = NULL;

  for (cmark_node *block = node; block != NULL && block != stop; block = cmark_node_next (block))
    {
      g_autoptr(cmark_iter) iter = cmark_iter_new (block);
      cmark_event_type ev;

      while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
        {
          cmark_node *cur = cmark_iter_get_node (iter);
          const char *url;
          const char *reference = NULL;
          char *resolved;

          if (ev != CMARK_EVENT_ENTER || cmark_node_get_type (cur) != CMARK_NODE_LINK)
            continue;
          url = cmark_node_get_url (cur);
          if (url != NULL && g_str_has_prefix (url, "entry:"))
            reference = url + strlen ("entry:");
          else if (url != NULL && url[0] == '#')
            reference = url + 1;
          if (reference == NULL)
            continue;
          resolved = pyprep_followups_resolve_see (reference, deck_id, topic_id);
          if (resolved == NULL)
            {
              *bad = TRUE;
              continue;
            }
          if (url[0] == '#')
            {
              g_autofree char *as_entry = g_strconcat ("entry:", reference, NULL);

              cmark_node_set_url (cur, as_entry);
            }
          if (see == NULL)
            see = resolved;
          else
            g_free (resolved);
        }
    }

  return see;
}

/* One follow-up from a list item, or NULL after a problem. */
static PyprepFollowup *
parse_item (cmark_node     *item,
            const char     *deck_id,
            const char     *topic_id,
            const char     *file,
            int             line,
            PyprepProblems *problems)
{
  cmark_node *first = cmark_node_first_child (item);
  g_autoptr(PyprepFollowup) followup = NULL;
  g_autofree char *md = NULL;
  g_autofree char *rest = NULL;
  gboolean bad = FALSE;
  char *newline;

  if (first == NULL || cmark_node_get_type (first) != CMARK_NODE_PARAGRAPH)
    {
      pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_FOLLOWUPS, file, line,
                                 "follow-up does not start with its question");
      return NULL;
    }

  followup = g_new0 (PyprepFollowup, 1);
  followup->line = line;
  followup->see = find_see (first, NULL, deck_id, topic_id, &bad);
  if (bad)
    pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_FOLLOWUPS, file, line,
                               "follow-up links to an entry with an ID that is not valid");

  /* As in a quiz choice: the first line is the question, the rest of the
   * paragraph and the item's further blocks are the answer. */
  md = pyprep_markdown_commonmark_range (first, cmark_node_next (first));
  rest = pyprep_markdown_commonmark_range (cmark_node_next (first), NULL);
  newline = strchr (md, '\n');
  if (newline != NULL)
    {
      *newline = '\0';
      followup->answer = *rest != '\0' ? g_strconcat (g_strstrip (newline + 1), "\n\n", rest, NULL)
                                       : g_strdup (g_strstrip (newline + 1));
    }
  else
    followup->answer = g_steal_pointer (&rest);
  followup->question = g_strstrip (g_strdup (md));

  if (*followup->answer == '\0')
    {
      pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_FOLLOWUPS, file, line,
                                 "follow-up “%s” has no answer; write it on the lines indented under the question",
                                 followup->question);
      return NULL;
    }
  return g_steal_pointer (&followup);
}

/**
 * pyprep_followups_parse:
 * @entry: the entry the block belongs to
 * @literal: the block's text, without its fences
 * @deck_id: the deck's ID, to resolve links
 * @topic_id: the topic's ID, to resolve links
 * @file: the source file, for problems
 * @fence_line: the line of the block's opening fence
 * @problems: where problems go
 *
 * Adds each follow-up of the block to @entry; a broken item is reported
 * and left out, the others are kept.
 *
 * Returns: how many follow-ups were added
 */
guint
pyprep_followups_parse (PyprepEntry    *entry,
                        const char     *literal,
                        const char     *deck_id,
                        const char     *topic_id,
                        const char     *file,
                        int             fence_line,
                        PyprepProblems *problems)
{
  g_autoptr(cmark_node) doc = NULL;
  guint added = 0;
  gboolean listed = FALSE;

  g_return_val_if_fail (PYPREP_IS_ENTRY (entry), 0);

  doc = cmark_parse_document (literal != NULL ? literal : "", literal != NULL ? strlen (literal) : 0,
                              CMARK_OPT_DEFAULT);
  for (cmark_node *block = cmark_node_first_child (doc); block != NULL; block = cmark_node_next (block))
    {
      /* Inner line n is file line fence_line + n: the fence line comes first. */
      int line = fence_line + cmark_node_get_start_line (block);

      if (cmark_node_get_type (block) != CMARK_NODE_LIST)
        {
          pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_FOLLOWUPS, file, line,
                                     "followups block holds something other than its list of questions");
          continue;
        }
      listed = TRUE;
      for (cmark_node *item = cmark_node_first_child (block); item != NULL; item = cmark_node_next (item))
        {
          PyprepFollowup *followup = parse_item (item, deck_id, topic_id, file,
                                                 fence_line + cmark_node_get_start_line (item), problems);

          if (followup == NULL)
            continue;
          pyprep_entry_take_followup (entry, followup);
          added++;
        }
    }

  if (!listed)
    pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_FOLLOWUPS, file, fence_line,
                               "followups block holds no list of questions");
  return added;
}
