/* pyprep-predict.c: "predict the output" questions: the deck's blocks and the comparison of answers.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a topic file, a question is a program and the output recorded after it:
 *
 *   ```python {predict}
 *   print([1, 2] * 2)
 *   ```
 *
 *   ```output
 *   [1, 2, 1, 2]
 *   ```
 *
 * The reader shows the program without its output; a session asks what it
 * prints and compares the answer with the record. The comparison forgives
 * what a person typing cannot see: line-break styles, whitespace at the ends
 * of lines and blank lines at the end.
 */
#include "config.h"

#include <string.h>

#include "pyprep-entry-private.h"
#include "pyprep-id.h"
#include "pyprep-predict.h"

/* The words of @info, empty ones left out. */
static GStrv
info_words (const char *info)
{
  g_auto(GStrv) all = g_strsplit_set (info != NULL ? info : "", " \t", -1);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();

  for (guint i = 0; all[i] != NULL; i++)
    if (*all[i] != '\0')
      g_strv_builder_add (words, all[i]);
  return g_strv_builder_end (words);
}

/**
 * pyprep_predict_is_predict_info:
 * @info: (nullable): a fenced block's info string
 *
 * Returns: whether @info marks a predict question: a `python` block with
 *   a word starting with `{predict`, well formed or not (see
 *   pyprep_predict_parse())
 */
gboolean
pyprep_predict_is_predict_info (const char *info)
{
  g_auto(GStrv) words = info_words (info);

  if (words[0] == NULL || !g_str_equal (words[0], "python"))
    return FALSE;
  for (guint i = 1; words[i] != NULL; i++)
    if (g_str_has_prefix (words[i], "{predict"))
      return TRUE;
  return FALSE;
}

/* Reads `python {predict}` or `python {predict #id}`; FALSE for anything
 * else. */
static gboolean
read_info (const char  *info,
           char       **explicit_id)
{
  g_auto(GStrv) words = info_words (info);
  guint n = g_strv_length (words);

  *explicit_id = NULL;
  if (n == 2)
    return g_str_equal (words[1], "{predict}");
  if (n != 3 || !g_str_equal (words[1], "{predict") || words[2][0] != '#'
      || !g_str_has_suffix (words[2], "}"))
    return FALSE;
  *explicit_id = g_strndup (words[2] + 1, strlen (words[2]) - 2);
  return TRUE;
}

/* Predict and quiz questions share the entry's card IDs: the review
 * keeps their schedules by ID. */
static gboolean
has_card_id (PyprepEntry *entry,
             const char  *id)
{
  for (guint i = 0; i < pyprep_entry_get_n_predicts (entry); i++)
    if (g_str_equal (pyprep_entry_get_predict (entry, i)->id, id))
      return TRUE;
  for (guint i = 0; i < pyprep_entry_get_n_questions (entry); i++)
    if (g_str_equal (pyprep_entry_get_question (entry, i)->id, id))
      return TRUE;
  return FALSE;
}

/**
 * pyprep_predict_parse:
 * @entry: the entry the block belongs to
 * @info: the predict block's info string
 * @code: the program
 * @line: the line of the predict block's fence
 * @output: (nullable): the text of the ```` ```output ```` block right after
 *   it, or %NULL when none follows
 * @file: the topic file, for problems
 * @problems: where problems go
 *
 * Adds the question to @entry, or reports why it cannot.
 *
 * Returns: whether the question was added
 */
gboolean
pyprep_predict_parse (PyprepEntry    *entry,
                      const char     *info,
                      const char     *code,
                      int             line,
                      const char     *output,
                      const char     *file,
                      PyprepProblems *problems)
{
  g_autofree char *explicit_id = NULL;
  g_autofree char *qid = NULL;
  g_autoptr(PyprepPredict) predict = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (PYPREP_IS_ENTRY (entry), FALSE);
  g_return_val_if_fail (PYPREP_IS_PROBLEMS (problems), FALSE);

  if (!read_info (info, &explicit_id))
    {
      pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_PREDICT, file, line,
                                 "predict block’s info string is not “python {predict}” "
                                 "or “python {predict #id}”");
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (code != NULL ? code : ""));
  if (*stripped == '\0')
    {
      pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_PREDICT, file, line,
                                 "predict block holds no program");
      return FALSE;
    }
  if (output == NULL)
    {
      pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_PREDICT, file, line,
                                 "predict block has no “output” block right after it "
                                 "with what the program prints");
      return FALSE;
    }
  if (explicit_id != NULL && !pyprep_id_is_valid (explicit_id))
    {
      pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_PREDICT, file, line,
                                 "predict ID “%s” may only use a-z, 0-9, “-” and “_”", explicit_id);
      return FALSE;
    }

  qid = explicit_id != NULL
        ? g_strdup (explicit_id)
        : g_strdup_printf ("predict-%u", pyprep_entry_get_n_predicts (entry) + 1);
  predict = g_new0 (PyprepPredict, 1);
  predict->id = g_strdup_printf ("%s#%s", pyprep_entry_get_id (entry), qid);
  if (has_card_id (entry, predict->id))
    {
      pyprep_problems_add_error (problems, PYPREP_DECK_ERROR_DUPLICATE_ID, file, line,
                                 "predict ID “%s” is used twice in entry “%s”",
                                 qid, pyprep_entry_get_local_id (entry));
      return FALSE;
    }
  predict->code = g_strdup (code);
  predict->output = g_strdup (output);
  predict->line = line;
  pyprep_entry_take_predict (entry, g_steal_pointer (&predict));
  return TRUE;
}

/* Comparison ------------------------------------------------------------- */

/* Cuts the whitespace off the end of @line (in place): ASCII and Unicode
 * spaces alike, as an input method may type an ideographic space. */
static void
strip_line_end (char *line)
{
  char *end = line + strlen (line);

  while (end > line)
    {
      char *prev = g_utf8_find_prev_char (line, end);

      if (prev == NULL || !g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  *end = '\0';
}

/* The lines of @text as compared: valid UTF-8 in composed form, "\r\n"
 * and "\r" read as "\n", trailing whitespace cut from every line and
 * blank lines cut from the end. Empty text has no lines. */
static GStrv
compared_lines (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *composed = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  GStrv lines;
  guint n;

  /* "\r\n" -> "\n", and a lone "\r" -> "\n" */
  for (char *r = strchr (composed, '\r'); r != NULL; r = strchr (r, '\r'))
    {
      if (r[1] == '\n')
        memmove (r, r + 1, strlen (r + 1) + 1);
      else
        *r = '\n';
    }

  lines = g_strsplit (composed, "\n", -1);
  n = g_strv_length (lines);
  for (guint i = 0; i < n; i++)
    strip_line_end (lines[i]);
  while (n > 0 && *lines[n - 1] == '\0')
    {
      g_free (lines[n - 1]);
      lines[--n] = NULL;
    }
  return lines;
}

/**
 * pyprep_predict_normalize:
 * @text: (nullable): an output or an answer
 *
 * Returns: (transfer full): @text as the comparison sees it: line breaks as
 *   "\n", no whitespace at the end of a line, no blank lines at the end and
 *   no final line break; Unicode in composed form (NFC)
 */
char *
pyprep_predict_normalize (const char *text)
{
  g_auto(GStrv) lines = compared_lines (text);

  return g_strjoinv ("\n", lines);
}

/**
 * pyprep_predict_matches:
 * @expected: the output recorded in the deck
 * @answer: what the user typed
 *
 * Returns: whether @answer is @expected, as pyprep_predict_normalize() sees
 *   both
 */
gboolean
pyprep_predict_matches (const char *expected,
                        const char *answer)
{
  g_autofree char *a = pyprep_predict_normalize (expected);
  g_autofree char *b = pyprep_predict_normalize (answer);

  return g_str_equal (a, b);
}

static void
diff_line_free (PyprepDiffLine *line)
{
  g_free (line->text);
  g_free (line);
}

static void
add_line (GPtrArray      *diff,
          PyprepDiffKind  kind,
          const char     *text)
{
  PyprepDiffLine *line = g_new0 (PyprepDiffLine, 1);

  line->kind = kind;
  line->text = g_strdup (text);
  g_ptr_array_add (diff, line);
}

/* The longest common subsequence table: lcs[i * (m + 1) + j] is the length
 * of that of a[i..] and b[j..]. */
static guint *
lcs_table (GStrv a,
           guint n,
           GStrv b,
           guint m)
{
  guint *lcs = g_new0 (guint, (gsize) (n + 1) * (m + 1));

  for (guint i = n; i-- > 0;)
    for (guint j = m; j-- > 0;)
      {
        gsize here = (gsize) i * (m + 1) + j;

        if (g_str_equal (a[i], b[j]))
          lcs[here] = lcs[here + (m + 1) + 1] + 1;
        else
          lcs[here] = MAX (lcs[here + (m + 1)], lcs[here + 1]);
      }
  return lcs;
}

/**
 * pyprep_predict_diff:
 * @expected: the output recorded in the deck
 * @answer: what the user typed
 *
 * A line diff of the two texts, as pyprep_predict_normalize() sees them:
 * the lines they share, those of @expected that @answer lacks and those
 * @answer has in excess, in reading order (a missing line before the extra
 * one that stands in its place). Past %PYPREP_PREDICT_MAX_DIFF_LINES lines,
 * every line of @expected is missing and every line of @answer extra.
 *
 * Returns: (transfer full) (element-type PyprepDiffLine): the diff
 */
GPtrArray *
pyprep_predict_diff (const char *expected,
                     const char *answer)
{
  g_auto(GStrv) a = compared_lines (expected);
  g_auto(GStrv) b = compared_lines (answer);
  guint n = g_strv_length (a);
  guint m = g_strv_length (b);
  GPtrArray *diff = g_ptr_array_new_with_free_func ((GDestroyNotify) diff_line_free);
  g_autofree guint *lcs = NULL;
  guint i = 0, j = 0;

  if (n > PYPREP_PREDICT_MAX_DIFF_LINES || m > PYPREP_PREDICT_MAX_DIFF_LINES)
    {
      for (i = 0; i < n; i++)
        add_line (diff, PYPREP_DIFF_MISSING, a[i]);
      for (j = 0; j < m; j++)
        add_line (diff, PYPREP_DIFF_EXTRA, b[j]);
      return diff;
    }

  lcs = lcs_table (a, n, b, m);
  while (i < n || j < m)
    {
      if (i < n && j < m && g_str_equal (a[i], b[j]))
        {
          add_line (diff, PYPREP_DIFF_SAME, a[i]);
          i++, j++;
        }
      else if (i < n && (j == m || lcs[(gsize) (i + 1) * (m + 1) + j] >= lcs[(gsize) i * (m + 1) + j + 1]))
        add_line (diff, PYPREP_DIFF_MISSING, a[i++]);
      else
        add_line (diff, PYPREP_DIFF_EXTRA, b[j++]);
    }
  return diff;
}
