/* pyprep-annotation.c: an annotation, as the store hands it out.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store keeps annotations as records of user-data.json and converts
 * them in pyprep-store-annotations.c; this file knows nothing of the
 * store, so the store's header can name the type without a cycle.
 */
#include "config.h"

#include <string.h>

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
  copy->has_card = annotation->has_card;
  copy->card_question = g_strdup (annotation->card_question);
  copy->card_created = annotation->card_created;
  copy->card_only = annotation->card_only;

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
  g_free (annotation->card_question);
  g_free (annotation);
}

/* Whether a line break between @before and @after is one a reader would
 * not see: Chinese and Japanese text has no spaces between words. */
static gboolean
joins_without_space (gunichar before,
                     gunichar after)
{
  return g_unichar_iswide (before) && g_unichar_iswide (after);
}

/**
 * pyprep_annotation_dup_quote_text:
 * @quote: a quoted passage, as selected in the entry
 *
 * The passage as the entry's page shows it: the line breaks of the
 * Markdown source inside a paragraph (which a selection keeps) joined
 * with a space, or with nothing between two wide (CJK) characters; blank
 * lines stay as breaks between paragraphs.
 *
 * Returns: (transfer full): the quote to show
 */
char *
pyprep_annotation_dup_quote_text (const char *quote)
{
  g_autoptr(GString) out = NULL;
  const char *p;

  g_return_val_if_fail (quote != NULL, NULL);

  out = g_string_sized_new (strlen (quote));
  for (p = quote; *p != '\0';)
    {
      const char *end = p;
      guint newlines = 0;

      /* A run of white space holding line breaks: one break or several. */
      while (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n')
        newlines += *end++ == '\n';
      if (newlines == 0)
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
          continue;
        }
      if (out->len > 0 && *end != '\0')
        {
          gunichar before = g_utf8_get_char (g_utf8_find_prev_char (out->str, out->str + out->len));

          if (newlines > 1)
            g_string_append (out, "\n\n");
          else if (!joins_without_space (before, g_utf8_get_char (end)))
            g_string_append_c (out, ' ');
        }
      p = end;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * pyprep_annotation_dup_card_id:
 * @annotation: an annotation
 *
 * The ID its recall card has in the card states and the review log,
 * `<entry id>#annotation-<annotation id>`: derived from the annotation's
 * own ID, so the card keeps its schedule however its text changes, and
 * carries its entry's ID as every card does.
 *
 * Returns: (transfer full): the card's ID
 */
char *
pyprep_annotation_dup_card_id (const PyprepAnnotation *annotation)
{
  g_return_val_if_fail (annotation != NULL && annotation->id != NULL, NULL);

  return g_strconcat (annotation->entry_id != NULL ? annotation->entry_id : "",
                      "#annotation-", annotation->id, NULL);
}

/**
 * pyprep_annotation_get_card_front:
 * @annotation: an annotation
 *
 * Returns: (transfer none): the Markdown on the front of its card: the
 *   question typed for it, or else the note
 */
const char *
pyprep_annotation_get_card_front (const PyprepAnnotation *annotation)
{
  g_return_val_if_fail (annotation != NULL, NULL);

  if (annotation->card_question != NULL && *annotation->card_question != '\0')
    return annotation->card_question;
  return annotation->text != NULL ? annotation->text : "";
}

/**
 * pyprep_annotation_can_be_card:
 * @annotation: an annotation
 *
 * A card's back is the passage an annotation quotes, so only an
 * annotation quoting one can become a card.
 *
 * Returns: whether @annotation quotes a passage
 */
gboolean
pyprep_annotation_can_be_card (const PyprepAnnotation *annotation)
{
  g_return_val_if_fail (annotation != NULL, FALSE);

  return annotation->quote != NULL && *annotation->quote != '\0';
}
