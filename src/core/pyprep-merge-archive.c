/* pyprep-merge-archive.c: a device's old answers in the synced folder, folded into weekly gzip archives.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A device's review-log.jsonl in the synced folder (docs/sync.md) only
 * grows: a year of 150 answers a day is some 30 MB. Compaction moves the
 * answers of every week that ended more than PYPREP_SYNC_COMPACT_DAYS ago
 * into an archive of that week, devices/<id>/reviews-YYYY-MM-DD.jsonl.gz
 * (the week's first day, UTC; weeks counted from the epoch):
 *
 * - The same JSON lines as the log, gzip-compressed, sorted by time, each
 *   answer once. The merge reads an archive exactly like a review log, so
 *   a device offline for months still gets every answer and replays them
 *   in time order with everyone's.
 * - Without the card states an answer carries (before and after): they
 *   serve only to undo the last answer, and every device recomputes card
 *   states by replaying the answers (pyprep_merge_replay()). What the
 *   statistics read of a line (card, rating, time, state before, practice,
 *   kind, duration) and any member this version does not know stay.
 * - Written once, atomically, before the answers leave the log: a reader
 *   in between sees an answer twice, which merges the same, and never
 *   misses one. An archive is rewritten only in the rare case that an
 *   answer of its week reaches the log later (a conflicted copy merged
 *   months after), and then with every answer it held.
 *
 * The data folder's own review-log.jsonl, the merged view the statistics
 * read, is never compacted: the history stays whole on every device.
 *
 * This file also owns the folder's file names, the lock that appends and
 * rewrites share (pyprep_sync_lock()) and the atomic rewrite of a file of
 * lines (pyprep_sync_write_lines()): the folder code above it
 * (pyprep-merge-folder.c) builds on them.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pyprep-merge-archive.h"
#include "pyprep-review-log.h"
#include "pyprep-time.h"

#define ARCHIVE_PREFIX "reviews-"
#define ARCHIVE_SUFFIX ".jsonl.gz"
#define WEEK (7 * G_TIME_SPAN_DAY)

/* What an answer carries that replaying the log gives back. */
static const char * const derived_members[] = {
  "before", "due_before", "stability_before", "difficulty_before",
  "state", "due", "stability", "difficulty",
};

/**
 * pyprep_sync_archive_name_valid:
 * @name: a file name, without a sync tool's conflict mark
 *
 * Returns: whether @name is the name of a review log archive,
 *   reviews-YYYY-MM-DD.jsonl.gz
 */
gboolean
pyprep_sync_archive_name_valid (const char *name)
{
  const char *date;
  gsize len;

  if (!g_str_has_prefix (name, ARCHIVE_PREFIX) || !g_str_has_suffix (name, ARCHIVE_SUFFIX))
    return FALSE;
  date = name + strlen (ARCHIVE_PREFIX);
  len = strlen (date) - strlen (ARCHIVE_SUFFIX);
  if (len != 10)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (i == 4 || i == 7 ? date[i] != '-' : !g_ascii_isdigit (date[i]))
      return FALSE;
  return TRUE;
}

/* The archive of the week that starts at @week (microseconds since the
 * epoch, a multiple of a week). */
static char *
archive_name (gint64 week)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (week / G_USEC_PER_SEC);

  return g_strdup_printf (ARCHIVE_PREFIX "%04d-%02d-%02d" ARCHIVE_SUFFIX, g_date_time_get_year (start),
                          g_date_time_get_month (start), g_date_time_get_day_of_month (start));
}

/**
 * pyprep_sync_read_lines:
 * @path: a file of JSON lines, plain or gzip-compressed (an archive, a
 *   snapshot)
 * @complete: (out) (optional): set to %FALSE when the file could not be
 *   read to its end (a copy cut short), %TRUE otherwise
 *
 * Returns: (transfer full) (element-type JsonObject): the lines that
 *   could be read; none for a missing file
 */
GPtrArray *
pyprep_sync_read_lines (const char *path,
                        gboolean   *complete)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GInputStream) raw = NULL;
  g_autoptr(GZlibDecompressor) gunzip = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) text = NULL;
  gboolean lines_whole = TRUE;
  gboolean whole = TRUE;
  guint8 buffer[16384];
  GPtrArray *lines;

  if (!g_file_get_contents (path, &data, &length, NULL))
    data = g_strdup ("");
  /* Not gzip's magic number: plain lines. */
  if (length < 2 || (guint8) data[0] != 0x1f || (guint8) data[1] != 0x8b)
    return pyprep_review_log_parse_lines (data, complete);

  text = g_byte_array_new ();
  raw = g_memory_input_stream_new_from_data (data, length, NULL);
  gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  stream = g_converter_input_stream_new (raw, G_CONVERTER (gunzip));
  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, NULL);

      if (n <= 0)
        {
          /* A gzip stream cut short ends in an error, not at its end. */
          whole = n == 0;
          break;
        }
      g_byte_array_append (text, buffer, n);
    }
  g_byte_array_append (text, (const guint8 *) "", 1);
  lines = pyprep_review_log_parse_lines ((char *) text->data, &lines_whole);
  if (complete != NULL)
    *complete = whole && lines_whole;
  return lines;
}

/**
 * pyprep_sync_write_gzip_lines:
 * @path: where the file goes
 * @lines: (element-type JsonObject): its lines
 * @error: the return location for a #G_IO_ERROR or #G_FILE_ERROR
 *
 * Writes @lines, gzip-compressed, as the whole of @path, atomically and
 * durably.
 *
 * Returns: %TRUE on success
 */
gboolean
pyprep_sync_write_gzip_lines (const char  *path,
                              GPtrArray   *lines,
                              GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) stream = g_converter_output_stream_new (memory, G_CONVERTER (gzip));

  pyprep_review_log_format_lines (text, lines);
  if (!g_output_stream_write_all (stream, text->str, text->len, NULL, NULL, error)
      || !g_output_stream_close (stream, NULL, error))
    return FALSE;
  return g_file_set_contents_full (path,
                                   g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)),
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

static gint64
line_time (JsonObject *line)
{
  gint64 time = G_MAXINT64;

  pyprep_time_get_member (line, "time", &time);
  return time;
}

/* Time order, then identity: the same archive from the same answers. */
static int
archive_order (gconstpointer a,
               gconstpointer b)
{
  JsonObject *x = *(JsonObject **) a;
  JsonObject *y = *(JsonObject **) b;
  gint64 tx = line_time (x);
  gint64 ty = line_time (y);
  g_autofree char *ix = NULL;
  g_autofree char *iy = NULL;

  if (tx != ty)
    return tx < ty ? -1 : 1;
  ix = pyprep_review_log_line_identity (x);
  iy = pyprep_review_log_line_identity (y);
  return strcmp (ix, iy);
}

/* @line without the members a replay gives back. */
static JsonObject *
slim (JsonObject *line)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init (&iter, line);
  while (json_object_iter_next (&iter, &name, &member))
    {
      gboolean derived = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (derived_members) && !derived; i++)
        derived = g_str_equal (name, derived_members[i]);
      if (!derived)
        json_object_set_member (copy, name, json_node_copy (member));
    }
  return copy;
}

/* Writes @lines as a review log archive: sorted, without the card states
 * they carry, gzip-compressed, atomically and durably. */
static gboolean
archive_write (const char  *path,
               GPtrArray   *lines,
               GError     **error)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (sorted, slim (g_ptr_array_index (lines, i)));
  g_ptr_array_sort (sorted, archive_order);
  return pyprep_sync_write_gzip_lines (path, sorted, error);
}

/* Adds @lines to the archive of @week in @dir (made, or rewritten with
 * what it held). Returns %FALSE, with @error set or not, when the lines
 * must stay in the log: the archive is there but cannot be read whole. */
static gboolean
archive_week (const char  *dir,
              gint64       week,
              GPtrArray   *lines,
              GError     **error)
{
  g_autofree char *name = archive_name (week);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) all = NULL;
  gboolean complete = TRUE;
  guint held;

  all = pyprep_sync_read_lines (path, &complete);
  if (!complete)
    return FALSE;
  held = all->len;
  for (guint i = 0; i < all->len; i++)
    g_hash_table_add (have, pyprep_review_log_line_identity (g_ptr_array_index (all, i)));
  for (guint i = 0; i < lines->len; i++)
    if (g_hash_table_add (have, pyprep_review_log_line_identity (g_ptr_array_index (lines, i))))
      g_ptr_array_add (all, json_object_ref (g_ptr_array_index (lines, i)));
  if (all->len == held)
    return TRUE;
  return archive_write (path, all, error);
}

/* The weeks (start -> lines) of the lines of @lines older than @before;
 * the others go to @keep. */
static GHashTable *
split_weeks (GPtrArray *lines,
             gint64     before,
             GPtrArray *keep)
{
  GHashTable *weeks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  gint64 boundary = before - before % WEEK;

  for (guint i = 0; i < lines->len; i++)
    {
      JsonObject *line = g_ptr_array_index (lines, i);
      gint64 time = line_time (line);
      gint64 week = time - time % WEEK;
      GPtrArray *group;

      if (time == G_MAXINT64 || time < 0 || time >= boundary)
        {
          g_ptr_array_add (keep, json_object_ref (line));
          continue;
        }
      group = g_hash_table_lookup (weeks, &week);
      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
          g_hash_table_insert (weeks, g_memdup2 (&week, sizeof week), group);
        }
      g_ptr_array_add (group, json_object_ref (line));
    }
  return weeks;
}

/**
 * pyprep_sync_compact_reviews:
 * @dir: a device's folder in the synced folder, its own
 * @before: the wall time (microseconds since the epoch) before which
 *   whole weeks of answers move to archives
 * @error: the return location for a #G_IO_ERROR or #G_FILE_ERROR
 *
 * Moves the answers (and undos) of @dir's review log whose week ended
 * before @before into the archives of their weeks, then rewrites the log
 * with the rest, under the lock that appends take.
 *
 * Returns: %TRUE unless a file could not be written
 */
gboolean
pyprep_sync_compact_reviews (const char  *dir,
                             gint64       before,
                             GError     **error)
{
  g_autofree char *log = g_build_filename (dir, PYPREP_SYNC_REVIEWS, NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GHashTable) weeks = NULL;
  GHashTableIter iter;
  gpointer week;
  gpointer group;
  gboolean ok = TRUE;
  int fd;

  fd = pyprep_sync_lock (log);
  if (fd < 0)
    return TRUE;
  lines = pyprep_review_log_read_lines (log, NULL);
  weeks = split_weeks (lines, before, keep);
  g_hash_table_iter_init (&iter, weeks);
  while (ok && g_hash_table_iter_next (&iter, &week, &group))
    if (!archive_week (dir, *(gint64 *) week, group, error))
      {
        /* An archive cut short (never by this device, which writes whole
         * files): its week's answers stay in the log. */
        if (error != NULL && *error != NULL)
          ok = FALSE;
        g_hash_table_iter_steal (&iter);
        g_ptr_array_extend_and_steal (keep, group);
        g_free (week);
      }
  if (ok && g_hash_table_size (weeks) > 0)
    ok = pyprep_sync_write_lines (log, keep, error);
  close (fd);
  return ok;
}

/**
 * pyprep_sync_lock:
 * @path: a file of this device that appends lock too
 *
 * Opens @path and waits for its lock, which appends take too
 * (pyprep_review_log_append_lines()), to rewrite it.
 *
 * Returns: the descriptor, to close to unlock, or -1 when @path is not
 *   there
 */
int
pyprep_sync_lock (const char *path)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  while (fd >= 0 && flock (fd, LOCK_EX) != 0 && errno == EINTR)
    ;
  return fd;
}

/**
 * pyprep_sync_write_lines:
 * @path: a file of JSON lines
 * @lines: (element-type JsonObject): its lines
 * @error: the return location for a #G_FILE_ERROR
 *
 * Writes @lines as the whole of @path, atomically and durably.
 *
 * Returns: %TRUE on success
 */
gboolean
pyprep_sync_write_lines (const char  *path,
                         GPtrArray   *lines,
                         GError     **error)
{
  g_autoptr(GString) data = g_string_new (NULL);

  pyprep_review_log_format_lines (data, lines);
  return g_file_set_contents_full (path, data->str, data->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}
