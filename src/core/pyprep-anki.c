/* pyprep-anki.c: a deck's cards as a text file that Anki imports.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Anki's plain-text import (Anki 2.1.55 and later) reads file headers,
 * lines starting with `#` at the top, so it asks nothing:
 *
 *   #separator:tab       fields are separated by tabs
 *   #html:true           fields are HTML
 *   #notetype:Basic      every note is a Basic note (Front, Back)
 *   #deck:TITLE          into the deck named like ours
 *   #guid column:1       our card ID, so importing again updates the notes
 *   #tags column:4       the deck and topic, as the tag deck::topic
 *   #columns:GUID	Front	Back	Tags
 *
 * Every field is quoted ("…", a quote inside doubled), so a field may hold
 * tabs and line breaks. A recall card is a note with its prompt and answer;
 * a multiple-choice question has its choices on the front and the right
 * ones, with the explanations, on the back; a predict question has "What
 * does this print?" and its program on the front, the output the deck
 * records on the back. Markdown becomes the same HTML
 * as in the reader, with the code highlighting as inline styles (Anki has
 * not our stylesheet) and links to other entries as plain text.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pyprep-anki.h"
#include "pyprep-highlight.h"
#include "pyprep-html.h"
#include "pyprep-render.h"

/* The light page style's token colours (data/page/pyprep.css). */
static const struct
{
  const char *class_attr;
  const char *style_attr;
} token_styles[] = {
  { "class=\"tok-kw\"", "style=\"color:#a51d2d;font-weight:bold\"" },
  { "class=\"tok-builtin\"", "style=\"color:#1a5fb4\"" },
  { "class=\"tok-str\"", "style=\"color:#26a269\"" },
  { "class=\"tok-num\"", "style=\"color:#c64600\"" },
  { "class=\"tok-com\"", "style=\"color:#77767b;font-style:italic\"" },
  { "class=\"tok-deco\"", "style=\"color:#813d9c\"" },
  { "class=\"tok-def\"", "style=\"color:#0b4e8a\"" },
  { "class=\"tok-interp\"", "style=\"color:inherit\"" },
};

/* Replaces every @from in @s with @to. */
static void
replace_all (GString    *s,
             const char *from,
             const char *to)
{
  g_string_replace (s, from, to, 0);
}

/* Links to our own pages mean nothing in Anki: keep their text. */
static void
unlink_entries (GString *s)
{
  const char *open = "<a href=\"" PYPREP_URI_SCHEME "://";
  char *start;

  while ((start = strstr (s->str, open)) != NULL)
    {
      gsize at = start - s->str;
      char *tag_end = strchr (start, '>');
      char *close;

      if (tag_end == NULL)
        break;
      g_string_erase (s, at, tag_end + 1 - start);
      close = strstr (s->str + at, "</a>");
      if (close != NULL)
        g_string_erase (s, close - s->str, strlen ("</a>"));
    }
}

/* Anki has not our stylesheet: code gets its colours inline. */
static void
inline_colours (GString *s)
{
  for (guint i = 0; i < G_N_ELEMENTS (token_styles); i++)
    replace_all (s, token_styles[i].class_attr, token_styles[i].style_attr);
}

static char *
to_html (const char *markdown,
         const char *entry_id)
{
  g_autofree char *html = pyprep_render_markdown (markdown != NULL ? markdown : "", entry_id);
  GString *s = g_string_new (html);

  inline_colours (s);
  unlink_entries (s);
  g_strstrip (s->str);
  g_string_set_size (s, strlen (s->str));
  return g_string_free (s, FALSE);
}

/* One field, quoted. */
static void
append_field (GString    *out,
              const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_note (GString    *out,
             const char *guid,
             const char *front,
             const char *back,
             const char *tag)
{
  append_field (out, guid);
  g_string_append_c (out, '\t');
  append_field (out, front);
  g_string_append_c (out, '\t');
  append_field (out, back);
  g_string_append_c (out, '\t');
  append_field (out, tag);
  g_string_append_c (out, '\n');
}

static char *
question_front (const PyprepQuestion *q,
                const char           *entry_id)
{
  GString *s = g_string_new (NULL);
  g_autofree char *question = to_html (q->question, entry_id);

  g_string_append (s, question);
  g_string_append (s, "\n<ol type=\"A\">\n");
  for (guint i = 0; i < q->choices->len; i++)
    {
      const PyprepChoice *choice = g_ptr_array_index (q->choices, i);
      g_autofree char *text = to_html (choice->text, entry_id);

      g_string_append_printf (s, "<li>%s</li>\n", text);
    }
  g_string_append (s, "</ol>");
  return g_string_free (s, FALSE);
}

static char *
question_back (const PyprepQuestion *q,
               const char           *entry_id)
{
  GString *s = g_string_new (NULL);
  GString *right = g_string_new (NULL);

  for (guint i = 0; i < q->choices->len; i++)
    if (((const PyprepChoice *) g_ptr_array_index (q->choices, i))->correct)
      g_string_append_printf (right, "%s%c", right->len > 0 ? ", " : "", 'A' + MIN (i, 25));
  {
    /* Translators: %s is the list of correct choices, such as "A, C". */
    g_autofree char *key = g_strdup_printf (_("Correct: %s"), right->str);

    g_string_append (s, "<p><b>");
    pyprep_html_append_escaped (s, key);
    g_string_append (s, "</b></p>\n<ul>\n");
  }
  for (guint i = 0; i < q->choices->len; i++)
    {
      const PyprepChoice *choice = g_ptr_array_index (q->choices, i);
      g_autofree char *why = NULL;

      if (choice->explanation == NULL)
        continue;
      why = to_html (choice->explanation, entry_id);
      g_string_append_printf (s, "<li>%c (", 'A' + MIN (i, 25));
      pyprep_html_append_escaped (s, choice->correct ? _("right") : _("wrong"));
      g_string_append_printf (s, ") %s</li>\n", why);
    }
  g_string_append (s, "</ul>");
  if (q->explanation != NULL)
    {
      g_autofree char *whole = to_html (q->explanation, entry_id);

      g_string_append_printf (s, "\n%s", whole);
    }
  g_string_free (right, TRUE);
  return g_string_free (s, FALSE);
}

/* A predict question: the question, then the program, coloured as in
 * the reader, without its output. */
static char *
predict_front (const PyprepPredict *predict)
{
  GString *s = g_string_new ("<p>");
  g_autofree char *code = pyprep_highlight_python (predict->code);

  /* Translators: the front of a "predict the output" note exported to
   * Anki, above the program */
  pyprep_html_append_escaped (s, _("What does this print?"));
  g_string_append_printf (s, "</p>\n<pre><code class=\"language-python\">%s</code></pre>", code);
  inline_colours (s);
  return g_string_free (s, FALSE);
}

/* Its back: the output the deck records. */
static char *
predict_back (const PyprepPredict *predict)
{
  GString *s = g_string_new (NULL);

  if (predict->output == NULL || *predict->output == '\0')
    {
      g_string_append (s, "<p>");
      pyprep_html_append_escaped (s, _("(nothing: the program prints no output)"));
      g_string_append (s, "</p>");
      return g_string_free (s, FALSE);
    }
  g_string_append (s, "<pre><code>");
  pyprep_html_append_escaped (s, predict->output);
  g_string_append (s, "</code></pre>");
  return g_string_free (s, FALSE);
}

typedef struct
{
  GString *out;
  const char *deck_id;
  guint n_notes;
} Export;

static gboolean
export_entry (PyprepTopic *topic,
              PyprepEntry *entry,
              gpointer     user_data)
{
  Export *e = user_data;
  const char *id = pyprep_entry_get_id (entry);
  const PyprepCard *card = pyprep_entry_get_card (entry);
  g_autofree char *tag = g_strdup_printf ("%s::%s", e->deck_id, pyprep_topic_get_id (topic));

  if (card != NULL)
    {
      g_autofree char *front = to_html (card->prompt, id);
      g_autofree char *back = to_html (card->answer, id);

      append_note (e->out, card->id, front, back, tag);
      e->n_notes++;
    }
  for (guint i = 0; i < pyprep_entry_get_n_questions (entry); i++)
    {
      const PyprepQuestion *q = pyprep_entry_get_question (entry, i);
      g_autofree char *front = question_front (q, id);
      g_autofree char *back = question_back (q, id);

      append_note (e->out, q->id, front, back, tag);
      e->n_notes++;
    }
  for (guint i = 0; i < pyprep_entry_get_n_predicts (entry); i++)
    {
      const PyprepPredict *predict = pyprep_entry_get_predict (entry, i);
      g_autofree char *front = predict_front (predict);
      g_autofree char *back = predict_back (predict);

      append_note (e->out, predict->id, front, back, tag);
      e->n_notes++;
    }
  return FALSE;
}

/* A deck name on one line; "::" would make Anki nest decks. */
static char *
deck_name (PyprepDeck *deck)
{
  g_autofree char *title = g_strdup (pyprep_deck_get_title (deck));
  GString *s;

  g_strdelimit (title, "\t\r\n", ' ');
  s = g_string_new (title);
  g_string_replace (s, "::", ":", 0);
  return g_string_free (s, FALSE);
}

/**
 * pyprep_anki_export:
 * @deck: a deck
 * @n_notes: (out) (optional): where to store how many notes the file holds
 *
 * Returns: (transfer full): every card of @deck, in deck order, as a text
 *   file for Anki's import (see the comment at the top of this file)
 */
char *
pyprep_anki_export (PyprepDeck *deck,
                    guint      *n_notes)
{
  GString *out = g_string_new (NULL);
  g_autofree char *name = NULL;
  Export e = { out, NULL, 0 };

  g_return_val_if_fail (PYPREP_IS_DECK (deck), g_string_free (out, FALSE));

  name = deck_name (deck);
  e.deck_id = pyprep_deck_get_id (deck);
  g_string_append (out, "#separator:tab\n#html:true\n#notetype:Basic\n");
  g_string_append_printf (out, "#deck:%s\n", name);
  g_string_append (out, "#guid column:1\n#tags column:4\n#columns:GUID\tFront\tBack\tTags\n");
  pyprep_deck_foreach_entry (deck, export_entry, &e);
  if (n_notes != NULL)
    *n_notes = e.n_notes;
  return g_string_free (out, FALSE);
}
