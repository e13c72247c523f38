/* pyprep-review-log.c: the review log, review-log.jsonl: every answer, appended durably and read back.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The log is the history of every quiz answer (docs/user-data.md shows its
 * lines): one JSON object per line, only ever appended to. Undo appends a
 * line naming the answer it takes back, so nothing is rewritten.
 *
 * Writing is an append with O_APPEND and fdatasync(), so a line is on disk
 * before the answer changes a card's schedule. A failed write (a full
 * disk) is cut back, so it leaves no half line. A crash can still leave a
 * last line cut short; the next append starts a fresh line, and the reader
 * skips what it cannot read, so one torn line costs that answer only.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pyprep-review-log.h"

#include "pyprep-json.h"
#include "pyprep-time.h"

/* The names card states have in the user data: in the review log
 * ("state", "state_before") and in the card states of user-data.json. */
static const char * const state_names[] = {
  [PYPREP_CARD_STATE_NEW] = "new",
  [PYPREP_CARD_STATE_LEARNING] = "learning",
  [PYPREP_CARD_STATE_REVIEW] = "review",
  [PYPREP_CARD_STATE_RELEARNING] = "relearning",
};

/**
 * pyprep_card_state_to_string:
 *
 * Returns: the name of @state in the user data: "new", "learning",
 *   "review" or "relearning"
 */
const char *
pyprep_card_state_to_string (PyprepCardState state)
{
  if ((guint) state >= G_N_ELEMENTS (state_names))
    return state_names[PYPREP_CARD_STATE_NEW];
  return state_names[state];
}

/**
 * pyprep_card_state_from_string:
 * @text: (nullable): a state name
 * @state: (out): the state
 *
 * Returns: whether @text names a state
 */
gboolean
pyprep_card_state_from_string (const char      *text,
                               PyprepCardState *state)
{
  g_return_val_if_fail (state != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (strcmp (text, state_names[i]) == 0)
      {
        *state = (PyprepCardState) i;
        return TRUE;
      }
  return FALSE;
}

/* Reading ------------------------------------------------------------------- */

/**
 * pyprep_review_log_answer_free:
 * @answer: (nullable) (transfer full): an answer
 */
void
pyprep_review_log_answer_free (PyprepReviewLogAnswer *answer)
{
  if (answer == NULL)
    return;
  json_object_unref (answer->line);
  g_free (answer);
}

/* The answer on @object, or %NULL when it is not one: a line without a
 * card, a rating from 1 to 4 and a time. */
static PyprepReviewLogAnswer *
parse_answer (JsonObject *object)
{
  PyprepReviewLogAnswer *answer;
  PyprepCardState state;
  double rating;
  gint64 time;

  if (pyprep_json_get_string (object, "card") == NULL
      || !pyprep_json_get_number (object, "rating", &rating)
      || rating < PYPREP_RATING_AGAIN || rating > PYPREP_RATING_EASY
      || !pyprep_time_get_member (object, "time", &time))
    return NULL;

  answer = g_new0 (PyprepReviewLogAnswer, 1);
  answer->line = json_object_ref (object);
  answer->id = pyprep_json_get_string (object, "id");
  answer->card = pyprep_json_get_string (object, "card");
  answer->rating = (PyprepRating) rating;
  answer->time = time;
  answer->state_before = -1;
  if (pyprep_card_state_from_string (pyprep_json_get_string (object, "state_before"), &state))
    answer->state_before = state;
  answer->practice = json_object_get_boolean_member_with_default (object, "practice", FALSE);
  /* Lines older than the kind are review answers; so is a kind from a
   * newer Pyprep, which this one cannot tell apart. */
  answer->kind = g_strcmp0 (pyprep_json_get_string (object, "kind"), "mock") == 0
                 ? PYPREP_REVIEW_LOG_KIND_MOCK : PYPREP_REVIEW_LOG_KIND_REVIEW;
  return answer;
}

/* Reads each line of @data (changed in place) into @answers, and the IDs
 * that undo lines name into @undone. */
static void
parse_lines (char       *data,
             GPtrArray  *answers,
             GHashTable *undone)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char *next;

  for (char *line = data; line != NULL && *line != '\0'; line = next)
    {
      JsonNode *root;
      JsonObject *object;
      PyprepReviewLogAnswer *answer;
      const char *undo;

      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      if (*line == '\0' || !json_parser_load_from_data (parser, line, -1, NULL))
        continue;
      root = json_parser_get_root (parser);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        continue;
      object = json_node_get_object (root);

      undo = pyprep_json_get_string (object, "undo");
      if (undo != NULL)
        g_hash_table_add (undone, g_strdup (undo));
      else if ((answer = parse_answer (object)) != NULL)
        {
          /* The same answer twice (merged from two copies of a device's
           * log) counts once. */
          if (answer->id != NULL && !g_hash_table_add (seen, g_strdup (answer->id)))
            pyprep_review_log_answer_free (answer);
          else
            g_ptr_array_add (answers, answer);
        }
    }
}

/* Time order; answers given in the same microsecond keep their order in
 * the file (the sort is stable). */
static int
answer_order (gconstpointer a,
              gconstpointer b)
{
  const PyprepReviewLogAnswer *x = a;
  const PyprepReviewLogAnswer *y = b;

  return (x->time > y->time) - (x->time < y->time);
}

/**
 * pyprep_review_log_read:
 * @folder: the user data folder, which holds the log
 *
 * Reads every answer of the review log, oldest first (by their time, not
 * their place in the file), with the undone ones marked. The reader is tolerant: a line that is not a JSON object with a
 * card, a rating and a time (a half-written last line after a crash, a
 * line from a newer version) is skipped, and a missing or unreadable log
 * is an empty history.
 *
 * Returns: (transfer full) (element-type PyprepReviewLogAnswer): the answers
 */
GPtrArray *
pyprep_review_log_read (GFile *folder)
{
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GHashTable) undone = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  answers = g_ptr_array_new_with_free_func ((GDestroyNotify) pyprep_review_log_answer_free);
  g_return_val_if_fail (G_IS_FILE (folder), g_steal_pointer (&answers));

  file = g_file_get_child (folder, PYPREP_REVIEW_LOG_FILE);
  if (!g_file_load_contents (file, NULL, &data, NULL, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Cannot read the review log: %s", error->message);
      return g_steal_pointer (&answers);
    }

  undone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  parse_lines (data, answers, undone);
  for (guint i = 0; i < answers->len; i++)
    {
      PyprepReviewLogAnswer *answer = g_ptr_array_index (answers, i);

      answer->undone = answer->id != NULL && g_hash_table_contains (undone, answer->id);
    }
  /* Answers merged from other devices are appended when they arrive, not
   * in time order: readers get them sorted. */
  g_ptr_array_sort_values (answers, answer_order);

  return g_steal_pointer (&answers);
}

/**
 * pyprep_review_log_line_identity:
 * @line: a line of a review log
 *
 * Returns: (transfer full): what makes @line the same line in two logs:
 *   the ID of an answer, the answer an undo names, or else the whole line
 */
char *
pyprep_review_log_line_identity (JsonObject *line)
{
  const char *undo = pyprep_json_get_string (line, "undo");
  const char *id = pyprep_json_get_string (line, "id");
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (line != NULL, NULL);

  if (undo != NULL)
    return g_strconcat ("undo:", undo, NULL);
  if (id != NULL)
    return g_strconcat ("id:", id, NULL);
  node = json_node_init_object (json_node_alloc (), line);
  text = json_to_string (node, FALSE);
  return g_strconcat ("line:", text, NULL);
}

/**
 * pyprep_review_log_parse_lines:
 * @data: (inout): the text of a log of JSON lines, changed in place
 * @complete: (out) (optional): set to %FALSE when a line could not be
 *   read (a copy cut short), %TRUE otherwise
 *
 * Returns: (transfer full) (element-type JsonObject): every line of @data
 *   that is a JSON object, in order
 */
GPtrArray *
pyprep_review_log_parse_lines (char     *data,
                               gboolean *complete)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gboolean whole = TRUE;
  char *next;

  g_return_val_if_fail (data != NULL, lines);

  for (char *line = data; *line != '\0'; line = next)
    {
      JsonNode *root;

      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      else
        next = line + strlen (line);
      if (*line == '\0')
        continue;
      if (!json_parser_load_from_data (parser, line, -1, NULL)
          || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        {
          whole = FALSE;
          continue;
        }
      g_ptr_array_add (lines, json_object_ref (json_node_get_object (root)));
    }
  if (complete != NULL)
    *complete = whole;
  return lines;
}

/**
 * pyprep_review_log_read_lines:
 * @path: a review log
 * @complete: (out) (optional): set to %FALSE when a line could not be
 *   read (a copy cut short), %TRUE otherwise
 *
 * Returns: (transfer full) (element-type JsonObject): every line of the
 *   log that is a JSON object, in file order; none for a missing file
 */
GPtrArray *
pyprep_review_log_read_lines (const char *path,
                              gboolean   *complete)
{
  g_autofree char *data = NULL;

  g_return_val_if_fail (path != NULL, g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref));

  if (!g_file_get_contents (path, &data, NULL, NULL))
    data = g_strdup ("");
  return pyprep_review_log_parse_lines (data, complete);
}

/**
 * pyprep_review_log_answer_counts:
 * @answer: an answer of the log
 *
 * Returns: whether @answer counts for daily limits and statistics: the
 *   scheduler saw it in a review (it is neither undone, practice nor a
 *   mock interview's)
 */
gboolean
pyprep_review_log_answer_counts (const PyprepReviewLogAnswer *answer)
{
  g_return_val_if_fail (answer != NULL, FALSE);

  return !answer->undone && !answer->practice && answer->kind == PYPREP_REVIEW_LOG_KIND_REVIEW;
}

/**
 * pyprep_review_log_kind_to_string:
 *
 * Returns: the "kind" a line of @kind has in the log
 */
const char *
pyprep_review_log_kind_to_string (PyprepReviewLogKind kind)
{
  return kind == PYPREP_REVIEW_LOG_KIND_MOCK ? "mock" : "review";
}

/* Writing ------------------------------------------------------------------- */

/* Whether the file open on @fd, @size bytes long, ends in the middle of a line. */
static gboolean
ends_torn (int   fd,
           off_t size)
{
  char last = '\n';

  return size > 0 && pread (fd, &last, 1, size - 1) == 1 && last != '\n';
}

/* Writes all of @data to @fd. A short write (a full disk, a file size
 * limit) is followed by another, which fails with the real reason; errno
 * after a short write alone is whatever an earlier call left there.
 * Returns 0, or the errno of the failure. */
static int
write_all (int         fd,
           const char *data,
           gsize       length)
{
  gsize written = 0;

  while (written < length)
    {
      ssize_t n = write (fd, data + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return errno;
      if (n == 0)
        return EIO;
      written += n;
    }
  return 0;
}

/* After a failed append, cuts the log back to the @size it had before, so
 * no half record is left. Only when nothing was appended after ours (by
 * another process): their lines matter more than a clean end, and the next
 * append starts a fresh line anyway. */
static void
cut_back (int    fd,
          off_t  size,
          gsize  length)
{
  struct stat st;

  if (fstat (fd, &st) == 0 && st.st_size > size && st.st_size <= size + (off_t) length)
    {
      if (ftruncate (fd, size) == 0)
        fdatasync (fd);
    }
}

/* Opens @path to append, locked against another process's append or
 * compaction (pyprep-merge-folder.c rewrites a device's change file under
 * the same lock): when the file was replaced while this one waited for the
 * lock, the new file is opened instead. Returns the descriptor, or -1 with
 * errno set. */
static int
open_locked (const char *path)
{
  for (guint tries = 0; tries < 8; tries++)
    {
      struct stat open_st;
      struct stat path_st;
      int fd = g_open (path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);

      if (fd < 0)
        return -1;
      while (flock (fd, LOCK_EX) != 0 && errno == EINTR)
        ;
      if (fstat (fd, &open_st) == 0 && g_stat (path, &path_st) == 0
          && open_st.st_ino == path_st.st_ino && open_st.st_dev == path_st.st_dev)
        return fd;
      close (fd);
    }
  errno = EAGAIN;
  return -1;
}

/**
 * pyprep_review_log_format_lines:
 * @data: where the text goes
 * @lines: (element-type JsonObject): lines of a log
 *
 * Appends @lines to @data as JSON lines, each ended by a line break.
 */
void
pyprep_review_log_format_lines (GString   *data,
                                GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), g_ptr_array_index (lines, i));
      g_autofree char *text = json_to_string (node, FALSE);

      g_string_append (data, text);
      g_string_append_c (data, '\n');
    }
}

/**
 * pyprep_review_log_append_lines:
 * @path: a log of JSON lines: a review log or a device's change records
 * @lines: (element-type JsonObject): the lines to append
 * @error: the return location for a #G_IO_ERROR
 *
 * Appends @lines to @path and waits until they are on disk. The file and
 * its folder are created when missing, readable by the user only. When
 * the lines cannot be written whole (a full disk), the error names the
 * real reason and the part written is taken back.
 *
 * Returns: %TRUE on success
 */
gboolean
pyprep_review_log_append_lines (const char  *path,
                                GPtrArray   *lines,
                                GError     **error)
{
  g_autofree char *dir = NULL;
  g_autoptr(GString) data = g_string_new (NULL);
  struct stat st;
  int saved_errno = 0;
  int fd;

  g_return_val_if_fail (path != NULL && lines != NULL, FALSE);

  pyprep_review_log_format_lines (data, lines);

  dir = g_path_get_dirname (path);
  g_mkdir_with_parents (dir, 0700);
  fd = open_locked (path);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "cannot open %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  /* A line cut short by a crash stays alone on its line (the reader skips
   * it) instead of swallowing this one. */
  if (ends_torn (fd, st.st_size))
    g_string_prepend_c (data, '\n');
  saved_errno = write_all (fd, data->str, data->len);
  if (saved_errno == 0 && fdatasync (fd) != 0)
    saved_errno = errno;
  if (saved_errno != 0)
    cut_back (fd, st.st_size, data->len);
  close (fd);
  if (saved_errno != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "cannot append to %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * pyprep_review_log_append:
 * @folder: the user data folder, which holds the log
 * @line: one line of the log: an answer or an undo
 * @error: the return location for a #G_IO_ERROR
 *
 * Appends @line to the review log and waits until it is on disk, as
 * pyprep_review_log_append_lines() does.
 *
 * Returns: %TRUE on success
 */
gboolean
pyprep_review_log_append (GFile       *folder,
                          JsonObject  *line,
                          GError     **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (line != NULL, FALSE);

  dir = g_file_get_path (folder);
  path = g_build_filename (dir, PYPREP_REVIEW_LOG_FILE, NULL);
  g_ptr_array_add (lines, line);
  return pyprep_review_log_append_lines (path, lines, error);
}
