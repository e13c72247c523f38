/* pyprep-render.c: turns entries into complete, self-contained HTML pages.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deck Markdown is untrusted: it may come from any folder the user opens.
 * It goes through cmark in its default safe mode (raw HTML dropped,
 * javascript:/vbscript:/file:/data: links emptied) with UTF-8 validation.
 * Every other string is escaped by pyprep_html_append_escaped(). The page
 * carries a Content-Security-Policy with no remote sources and no scripts;
 * the reader blocks remote loads again on its side.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pyprep-core-resources.h"
#include "pyprep-deck.h"
#include "pyprep-id.h"
#include "pyprep-highlight.h"
#include "pyprep-html.h"
#include "pyprep-image.h"
#include "pyprep-render-private.h"
#include "pyprep-topic.h"


#define RESOURCE_PAGE "/io/github/pyprep/Pyprep/page/page.html"
#define RESOURCE_CSS "/io/github/pyprep/Pyprep/page/page.css"

#define CMARK_OPTIONS PYPREP_RENDER_CMARK_OPTIONS

/* How much of an image's URL its placeholder shows. */
#define MAX_LABEL_URL 80

static void
ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      pyprep_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static GBytes *
lookup_resource (const char *path)
{
  ensure_resources ();
  /* The resource is compiled into the library: failing here is a build bug. */
  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

/**
 * pyprep_render_dup_script:
 * @name: a script of the page resource (data/page), such as `mark-passages.js`
 *
 * The reader's own scripts live beside the page template they work on.
 *
 * Returns: (transfer full): the script's source
 */
char *
pyprep_render_dup_script (const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  path = g_strconcat ("/io/github/pyprep/Pyprep/page/", name, NULL);
  bytes = lookup_resource (path);
  g_return_val_if_fail (bytes != NULL, g_strdup (""));
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/**
 * pyprep_entry_uri:
 * @entry_id: a full entry ID
 *
 * Returns: (transfer full): the `pyprep://entry/…` URI of the entry's page
 */
char *
pyprep_entry_uri (const char *entry_id)
{
  g_return_val_if_fail (entry_id != NULL, NULL);

  return g_strconcat (PYPREP_ENTRY_URI_PREFIX, entry_id, NULL);
}

/**
 * pyprep_entry_id_from_uri:
 * @uri: a URI
 *
 * Returns: (transfer full) (nullable): the entry ID of a `pyprep://entry/`
 *   URI, or %NULL when @uri is not one; a fragment or query is ignored
 */
char *
pyprep_entry_id_from_uri (const char *uri)
{
  g_autofree char *id = NULL;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  if (!g_str_has_prefix (uri, PYPREP_ENTRY_URI_PREFIX))
    return NULL;

  id = g_strndup (uri + strlen (PYPREP_ENTRY_URI_PREFIX),
                  strcspn (uri + strlen (PYPREP_ENTRY_URI_PREFIX), "?#"));
  parts = g_strsplit (id, "/", -1);
  if (g_strv_length (parts) != 3)
    return NULL;
  for (guint i = 0; parts[i] != NULL; i++)
    if (!pyprep_id_is_valid (parts[i]))
      return NULL;

  return g_steal_pointer (&id);
}

/* Deck links name other entries as `entry:id`, `entry:topic/id` or
 * `entry:deck/topic/id`; the missing parts come from the current entry. */
char *
pyprep_render_resolve_entry_link (const char *target,
                                  const char *entry_id)
{
  g_auto(GStrv) here = g_strsplit (entry_id != NULL ? entry_id : "", "/", -1);
  g_auto(GStrv) there = g_strsplit (target, "/", -1);
  guint n_here = g_strv_length (here);
  guint n_there = g_strv_length (there);
  g_autofree char *full = NULL;

  if (n_there == 0 || n_there > 3 || n_here != 3)
    return n_there == 3 ? pyprep_entry_uri (target) : NULL;

  if (n_there == 1)
    full = g_strdup_printf ("%s/%s/%s", here[0], here[1], there[0]);
  else if (n_there == 2)
    full = g_strdup_printf ("%s/%s/%s", here[0], there[0], there[1]);
  else
    full = g_strdup (target);

  return pyprep_entry_uri (full);
}

static gboolean
is_python (const char *info)
{
  g_autofree char *word = NULL;

  if (info == NULL)
    return FALSE;
  word = g_strndup (info, strcspn (info, " \t{"));
  return g_ascii_strcasecmp (word, "python") == 0 || g_ascii_strcasecmp (word, "py") == 0
         || g_ascii_strcasecmp (word, "python3") == 0;
}

static gboolean
is_local_url (const char *url)
{
  return g_str_has_prefix (url, PYPREP_URI_SCHEME ":") || g_str_has_prefix (url, "data:image/");
}

/*
 * pyprep_render_image_uri:
 * @url: an image's address as the notes wrote it
 * @path: (out) (optional): the image's path relative to the deck folder
 *
 * Returns: (transfer full) (nullable): the `pyprep://image/…` URI for
 *   @url, or %NULL when it is not a relative path inside the deck folder
 */
char *
pyprep_render_image_uri (const PyprepRenderSource *src,
                         const char               *url,
                         char                    **path)
{
  g_autofree char *resolved = NULL;
  g_autofree char *deck_id = NULL;

  if (src->entry_file == NULL || src->entry_id == NULL || strchr (src->entry_id, '/') == NULL)
    return NULL;
  resolved = pyprep_image_resolve (src->entry_file, url);
  if (resolved == NULL)
    return NULL;
  deck_id = g_strndup (src->entry_id, strchr (src->entry_id, '/') - src->entry_id);
  if (path != NULL)
    *path = g_strdup (resolved);
  return pyprep_image_uri (deck_id, resolved);
}

/* An image of the notes folder, by a path relative to the entry's file,
 * is served by our scheme (see pyprep-image.c); others are not loaded. */
static gboolean
localize_image (cmark_node               *image,
                const PyprepRenderSource *src)
{
  const char *url = cmark_node_get_url (image);
  g_autofree char *uri = NULL;

  if (url == NULL || is_local_url (url))
    return TRUE;
  uri = pyprep_render_image_uri (src, url, NULL);
  if (uri == NULL)
    return FALSE;
  cmark_node_set_url (image, uri);
  return TRUE;
}

/*
 * pyprep_render_image_placeholder:
 * @url: (nullable): the address of an image that is not shown
 * @title: (nullable): its title
 * @alt: (nullable): its description
 *
 * Images from anywhere but the notes folder are not loaded, so a deck
 * cannot make the reader fetch anything (the CSP and the reader's content
 * filter would block it anyway). A link takes their place and tells the
 * user what is missing.
 *
 * Returns: (transfer full): the link, a new inline node
 */
cmark_node *
pyprep_render_image_placeholder (const char *url,
                                 const char *title,
                                 const char *alt)
{
  cmark_node *link = cmark_node_new (CMARK_NODE_LINK);
  cmark_node *text = cmark_node_new (CMARK_NODE_TEXT);
  g_autofree char *shown = NULL;
  g_autofree char *label = NULL;

  if (url == NULL)
    url = "";
  if (alt != NULL && *alt != '\0')
    shown = g_strdup (alt);
  else if (g_utf8_strlen (url, -1) > MAX_LABEL_URL)
    {
      /* A data: URL can be megabytes long. */
      g_autofree char *start = g_utf8_substring (url, 0, MAX_LABEL_URL);

      shown = g_strconcat (start, "…", NULL);
    }
  else
    shown = g_strdup (url);
  /* Translators: shown in place of an image that is not loaded (from the
   * web, or from outside the notes folder); %s is the image's description. */
  label = g_strdup_printf (_("Image not loaded: %s"), shown);
  /* An image inside a URL is no link to follow. */
  cmark_node_set_url (link, g_ascii_strncasecmp (url, "data:", 5) == 0 ? "" : url);
  cmark_node_set_title (link, title);
  cmark_node_set_literal (text, label);
  cmark_node_append_child (link, text);
  return link;
}

static void
block_images (GPtrArray *images)
{
  for (guint i = 0; i < images->len; i++)
    {
      cmark_node *image = g_ptr_array_index (images, i);
      cmark_node *link;
      GString *alt = g_string_new (NULL);

      for (cmark_node *child = cmark_node_first_child (image); child != NULL;
           child = cmark_node_next (child))
        {
          const char *literal = cmark_node_get_literal (child);

          if (literal != NULL)
            g_string_append (alt, literal);
        }

      link = pyprep_render_image_placeholder (cmark_node_get_url (image),
                                              cmark_node_get_title (image), alt->str);
      g_string_free (alt, TRUE);
      cmark_node_replace (image, link);
      cmark_node_free (image);
    }
}

/* Rewrites the parsed document before it becomes HTML: entry links point at
 * our scheme, Python is coloured, images are served or blocked. */
static void
rewrite_document (cmark_node               *doc,
                  const PyprepRenderSource *src)
{
  g_autoptr(cmark_iter) iter = cmark_iter_new (doc);
  g_autoptr(GPtrArray) images = g_ptr_array_new ();
  g_autoptr(GPtrArray) python = g_ptr_array_new ();
  cmark_event_type ev;

  while ((ev = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      const char *url;

      if (ev != CMARK_EVENT_ENTER)
        continue;

      if (cmark_node_get_type (node) == CMARK_NODE_LINK)
        {
          url = cmark_node_get_url (node);
          if (url != NULL && g_str_has_prefix (url, "entry:"))
            {
              g_autofree char *uri = pyprep_render_resolve_entry_link (url + strlen ("entry:"), src->entry_id);

              cmark_node_set_url (node, uri != NULL ? uri : "");
            }
        }
      else if (cmark_node_get_type (node) == CMARK_NODE_IMAGE && !localize_image (node, src))
        g_ptr_array_add (images, node);
      else if (cmark_node_get_type (node) == CMARK_NODE_CODE_BLOCK && is_python (cmark_node_get_fence_info (node)))
        g_ptr_array_add (python, node);
    }

  /* Python blocks get coloured; the highlighter escapes every character. */
  for (guint i = 0; i < python->len; i++)
    {
      cmark_node *block = g_ptr_array_index (python, i);
      cmark_node *html = cmark_node_new (CMARK_NODE_CUSTOM_BLOCK);
      g_autofree char *code = pyprep_highlight_python (cmark_node_get_literal (block) != NULL
                                                       ? cmark_node_get_literal (block) : "");
      g_autofree char *enter = g_strconcat ("<pre><code class=\"language-python\">", code, NULL);

      cmark_node_set_on_enter (html, enter);
      cmark_node_set_on_exit (html, "</code></pre>\n");
      cmark_node_replace (block, html);
      cmark_node_free (block);
    }

  block_images (images);
  pyprep_render_gfm (doc);
}

/*
 * pyprep_render_markdown_from:
 * Returns: (transfer full): safe HTML for @markdown, written in @src
 */
char *
pyprep_render_markdown_from (const char               *markdown,
                             const PyprepRenderSource *src)
{
  g_autoptr(cmark_node) doc = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *source = NULL;
  char *html;
  char *result;

  PyprepRenderSource cells = *src;

  /* A table's cells are no entry text of their own. */
  cells.passages = NULL;
  tables = g_ptr_array_new_with_free_func (g_free);
  source = pyprep_render_extract_tables (markdown, &cells, tables);
  doc = cmark_parse_document (source, strlen (source), CMARK_OPTIONS);
  pyprep_render_insert_tables (doc, tables);
  /* Before the rewriting, which replaces code blocks with their HTML, and
   * after the tables, which must be in place to be wrapped. */
  if (src->passages != NULL)
    pyprep_render_passages (doc, src->passages);
  rewrite_document (doc, src);
  pyprep_render_html_images (doc, src);
  pyprep_render_web_links (doc);
  html = cmark_render_html (doc, CMARK_OPTIONS);
  result = g_strdup (html);
  free (html);

  return result;
}

/**
 * pyprep_render_markdown:
 * @markdown: untrusted Markdown
 * @entry_id: (nullable): the entry it belongs to, for relative entry links
 *
 * Returns: (transfer full): safe HTML for @markdown
 */
char *
pyprep_render_markdown (const char *markdown,
                        const char *entry_id)
{
  PyprepRenderSource src = { entry_id, NULL, NULL, NULL };

  g_return_val_if_fail (markdown != NULL, NULL);

  return pyprep_render_markdown_from (markdown, &src);
}

static void
append_markdown (GString                  *out,
                 const char               *markdown,
                 const PyprepRenderSource *src)
{
  g_autofree char *html = NULL;

  if (markdown == NULL || *markdown == '\0')
    return;

  html = pyprep_render_markdown_from (markdown, src);
  g_string_append (out, html);
}

static void
append_card (GString                  *out,
             const PyprepCard         *card,
             const PyprepRenderSource *src)
{
  g_string_append (out, "<section class=\"study card\">\n<h2>");
  pyprep_html_append_escaped (out, _("Recall Card"));
  g_string_append (out, "</h2>\n<div class=\"prompt\">\n");
  append_markdown (out, card->prompt, src);
  g_string_append (out, "</div>\n<details class=\"answer\">\n<summary>");
  pyprep_html_append_escaped (out, _("Show Answer"));
  g_string_append (out, "</summary>\n");
  append_markdown (out, card->answer, src);
  g_string_append (out, "</details>\n</section>\n");
}

/* Whether the entry has follow-ups that its text does not show already. */
static gboolean
has_own_followups (PyprepEntry *entry)
{
  for (guint i = 0; i < pyprep_entry_get_n_followups (entry); i++)
    if (!pyprep_entry_get_followup (entry, i)->in_body)
      return TRUE;
  return FALSE;
}

/* What an interviewer asks next, each with its answer folded. */
static void
append_followups (GString                  *out,
                  PyprepEntry              *entry,
                  const PyprepRenderSource *src)
{
  g_string_append (out, "<section class=\"study followups\">\n<h2>");
  pyprep_html_append_escaped (out, _("Follow-up Questions"));
  g_string_append (out, "</h2>\n<ol class=\"questions\">\n");
  for (guint i = 0; i < pyprep_entry_get_n_followups (entry); i++)
    {
      const PyprepFollowup *followup = pyprep_entry_get_followup (entry, i);

      if (followup->in_body)
        continue;
      g_string_append (out, "<li class=\"question\">\n<div class=\"question-text\">\n");
      append_markdown (out, followup->question, src);
      g_string_append (out, "</div>\n<details class=\"answer\">\n<summary>");
      pyprep_html_append_escaped (out, _("Show Answer"));
      g_string_append (out, "</summary>\n");
      append_markdown (out, followup->answer, src);
      g_string_append (out, "</details>\n</li>\n");
    }
  g_string_append (out, "</ol>\n</section>\n");
}

static char
choice_letter (guint index)
{
  return (char) ('A' + MIN (index, 25));
}

static void
append_question (GString                  *out,
                 const PyprepQuestion     *question,
                 const PyprepRenderSource *src)
{
  GString *correct = g_string_new (NULL);

  g_string_append (out, "<li class=\"question\">\n<div class=\"question-text\">\n");
  append_markdown (out, question->question, src);
  g_string_append (out, "</div>\n<ol class=\"choices\" type=\"A\">\n");
  for (guint i = 0; i < question->choices->len; i++)
    {
      const PyprepChoice *choice = g_ptr_array_index (question->choices, i);

      g_string_append (out, "<li>");
      append_markdown (out, choice->text, src);
      g_string_append (out, "</li>\n");
      if (choice->correct)
        g_string_append_printf (correct, "%s%c", correct->len > 0 ? ", " : "", choice_letter (i));
    }
  g_string_append (out, "</ol>\n<details class=\"answer\">\n<summary>");
  pyprep_html_append_escaped (out, _("Show Answer"));
  g_string_append (out, "</summary>\n<p class=\"key\">");
  {
    /* Translators: %s is the list of correct choices, such as "A, C". */
    g_autofree char *key = g_strdup_printf (_("Correct: %s"), correct->str);

    pyprep_html_append_escaped (out, key);
  }
  g_string_append (out, "</p>\n<ul class=\"explanations\">\n");
  for (guint i = 0; i < question->choices->len; i++)
    {
      const PyprepChoice *choice = g_ptr_array_index (question->choices, i);

      if (choice->explanation == NULL)
        continue;
      g_string_append_printf (out, "<li class=\"%s\"><span class=\"mark\">%c ",
                              choice->correct ? "right" : "wrong", choice_letter (i));
      pyprep_html_append_escaped (out, choice->correct ? _("right") : _("wrong"));
      g_string_append (out, "</span>\n");
      append_markdown (out, choice->explanation, src);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n");
  append_markdown (out, question->explanation, src);
  g_string_append (out, "</details>\n</li>\n");

  g_string_free (correct, TRUE);
}

/**
 * pyprep_render_style_classes:
 * @style: the colour scheme
 *
 * A page's colours hang on the classes of its root element alone, so that
 * a page shown can take another style in place.
 *
 * Returns: the classes of the root element of a page in @style
 */
const char *
pyprep_render_style_classes (PyprepPageStyle style)
{
  if ((style & PYPREP_PAGE_STYLE_DARK) && (style & PYPREP_PAGE_STYLE_HIGH_CONTRAST))
    return "dark hc";
  if (style & PYPREP_PAGE_STYLE_DARK)
    return "dark";
  if (style & PYPREP_PAGE_STYLE_HIGH_CONTRAST)
    return "hc";
  return "light";
}

static GBytes *
stylesheet (void)
{
  static GBytes *css = NULL;

  if (g_once_init_enter (&css))
    g_once_init_leave (&css, lookup_resource (RESOURCE_CSS));

  return css;
}

/* Fills the page template. Its placeholders are @LANG@, @CLASS@, @CSP@,
 * @STYLE@, @TITLE@ and @CONTENT@. @STYLE@ is our own stylesheet, inlined so
 * a page needs no second request; @CONTENT@ is HTML made safe by the
 * caller; everything else is escaped here. */
static char *
fill_template (const char      *title,
               const char      *language,
               PyprepPageStyle  style,
               const char      *content)
{
  g_autoptr(GBytes) bytes = lookup_resource (RESOURCE_PAGE);
  const char *template = g_bytes_get_data (bytes, NULL);
  gsize length = g_bytes_get_size (bytes);
  GString *out = g_string_sized_new (length + strlen (content) + 256);
  const char *p = template;
  const char *end = template + length;

  while (p < end)
    {
      const char *at = memchr (p, '@', end - p);
      const char *close;
      g_autofree char *name = NULL;

      if (at == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, at - p);
      close = memchr (at + 1, '@', end - at - 1);
      if (close == NULL)
        {
          g_string_append_len (out, at, end - at);
          break;
        }

      name = g_strndup (at + 1, close - at - 1);
      if (g_str_equal (name, "LANG"))
        pyprep_html_append_escaped (out, language != NULL ? language : "en");
      else if (g_str_equal (name, "CLASS"))
        pyprep_html_append_escaped (out, pyprep_render_style_classes (style));
      else if (g_str_equal (name, "CSP"))
        pyprep_html_append_escaped (out, pyprep_render_csp ());
      else if (g_str_equal (name, "STYLE"))
        {
          GBytes *css = stylesheet ();

          g_string_append_len (out, g_bytes_get_data (css, NULL), g_bytes_get_size (css));
        }
      else if (g_str_equal (name, "TITLE"))
        pyprep_html_append_escaped (out, title);
      else if (g_str_equal (name, "CONTENT"))
        g_string_append (out, content);
      else
        {
          /* Not a placeholder: keep the first '@' and look on from there. */
          g_string_append_c (out, '@');
          p = at + 1;
          continue;
        }
      p = close + 1;
    }

  return g_string_free (out, FALSE);
}

/* The passages the entry's cards and questions lead to. */
static GStrv
dup_passages (PyprepEntry *entry)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const PyprepCard *card = pyprep_entry_get_card (entry);

  if (card != NULL && card->passage != NULL)
    g_strv_builder_add (builder, card->passage);
  for (guint i = 0; i < pyprep_entry_get_n_questions (entry); i++)
    if (pyprep_entry_get_question (entry, i)->passage != NULL)
      g_strv_builder_add (builder, pyprep_entry_get_question (entry, i)->passage);
  return g_strv_builder_end (builder);
}

/**
 * pyprep_render_entry:
 * @entry: the entry
 * @language: (nullable): the page's language tag, for fonts and hyphenation
 * @style: the colour scheme
 *
 * Returns: (transfer full): a complete HTML page for @entry
 */
char *
pyprep_render_entry (PyprepEntry     *entry,
                     const char      *language,
                     PyprepPageStyle  style)
{
  const char *id;
  PyprepRenderSource src = { NULL, NULL, NULL, NULL };
  PyprepTopic *topic;
  const PyprepCard *card;
  GString *content;
  g_autofree char *body = NULL;
  g_auto(GStrv) passages = NULL;

  g_return_val_if_fail (PYPREP_IS_ENTRY (entry), NULL);

  id = pyprep_entry_get_id (entry);
  src.entry_id = id;
  src.entry_file = pyprep_entry_get_file (entry);
  topic = pyprep_entry_get_topic (entry);
  src.folder = topic != NULL && pyprep_topic_get_deck (topic) != NULL
               ? pyprep_deck_get_folder (pyprep_topic_get_deck (topic)) : NULL;
  card = pyprep_entry_get_card (entry);
  content = g_string_new (NULL);
  passages = dup_passages (entry);

  g_string_append (content, "<header>\n");
  if (topic != NULL)
    {
      g_string_append (content, "<p class=\"topic\">");
      pyprep_html_append_escaped (content, pyprep_topic_get_title (topic));
      g_string_append (content, "</p>\n");
    }
  g_string_append (content, "<h1>");
  if (pyprep_entry_get_number (entry) != NULL)
    {
      g_string_append (content, "<span class=\"number\">");
      pyprep_html_append_escaped (content, pyprep_entry_get_number (entry));
      g_string_append (content, "</span>");
    }
  pyprep_html_append_escaped (content, pyprep_entry_get_title (entry));
  g_string_append (content, "</h1>\n</header>\n<div class=\"body\">\n");
  if (pyprep_entry_is_unanswered (entry))
    {
      g_string_append (content, "<p class=\"unanswered\">");
      /* Translators: in place of the answer to a question that the user's
       * notes ask but do not answer */
      pyprep_html_append_escaped (content, _("No answer in these notes yet. Write your own in an annotation."));
      g_string_append (content, "</p>\n");
    }
  src.passages = (const char * const *) passages;
  append_markdown (content, pyprep_entry_get_body (entry), &src);
  src.passages = NULL;
  g_string_append (content, "</div>\n");

  if (card != NULL)
    append_card (content, card, &src);
  if (has_own_followups (entry))
    append_followups (content, entry, &src);

  if (pyprep_entry_get_n_questions (entry) > 0)
    {
      g_string_append (content, "<section class=\"study quiz\">\n<h2>");
      pyprep_html_append_escaped (content, _("Check Yourself"));
      g_string_append (content, "</h2>\n<ol class=\"questions\">\n");
      for (guint i = 0; i < pyprep_entry_get_n_questions (entry); i++)
        append_question (content, pyprep_entry_get_question (entry, i), &src);
      g_string_append (content, "</ol>\n</section>\n");
    }

  if (pyprep_entry_get_n_links (entry) > 0)
    pyprep_render_append_links (content, entry);

  body = g_string_free (content, FALSE);
  return fill_template (pyprep_entry_get_title (entry), language, style, body);
}

/**
 * pyprep_render_message:
 * @title: the page's heading
 * @message: (nullable): a sentence under it
 *
 * Returns: (transfer full): a complete HTML page showing a message, for
 *   entries that cannot be shown
 */
char *
pyprep_render_message (const char      *title,
                       const char      *message,
                       const char      *language,
                       PyprepPageStyle  style)
{
  GString *content = g_string_new (NULL);
  g_autofree char *body = NULL;

  g_return_val_if_fail (title != NULL, NULL);

  g_string_append (content, "<header class=\"message\">\n<h1>");
  pyprep_html_append_escaped (content, title);
  g_string_append (content, "</h1>\n</header>\n");
  if (message != NULL)
    {
      g_string_append (content, "<p class=\"message\">");
      pyprep_html_append_escaped (content, message);
      g_string_append (content, "</p>\n");
    }

  body = g_string_free (content, FALSE);
  return fill_template (title, language, style, body);
}

/**
 * pyprep_render_csp:
 *
 * The Content-Security-Policy of every page: no scripts, nothing remote,
 * and only the one stylesheet that the pages embed, named by its hash.
 *
 * Returns: (transfer none): the policy
 */
const char *
pyprep_render_csp (void)
{
  static char *csp = NULL;

  if (g_once_init_enter (&csp))
    {
      GBytes *css = stylesheet ();
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
      guint8 digest[32];
      gsize length = sizeof digest;
      g_autofree char *hash = NULL;

      g_checksum_update (checksum, g_bytes_get_data (css, NULL), g_bytes_get_size (css));
      g_checksum_get_digest (checksum, digest, &length);
      hash = g_base64_encode (digest, length);

      g_once_init_leave (&csp, g_strdup_printf ("default-src 'none'; style-src 'sha256-%s'; "
                                                        "img-src pyprep: data:; "
                                                        "base-uri 'none'; form-action 'none'",
                                                        hash));
    }

  return csp;
}
