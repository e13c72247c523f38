/* pyprep-predict.h: "predict the output" questions: the deck's blocks and the comparison of answers.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-entry.h"
#include "pyprep-problems.h"

G_BEGIN_DECLS

/**
 * PyprepPredict:
 * @id: stable card ID, `<entry id>#predict-1`, `#predict-2`, … or the
 *   author's `<entry id>#<id>`
 * @code: the program, as written in the deck
 * @output: what the program prints, as recorded in the deck (may be empty)
 * @line: line of the ```` ```python {predict} ```` fence in the source file
 *
 * A question that shows a program and asks what it prints. Pyprep never
 * runs the program: the deck records its output, and the deck's tests
 * check the record against Python.
 */
struct _PyprepPredict
{
  char *id;
  char *code;
  char *output;
  int line;
};

/**
 * PyprepDiffKind:
 * @PYPREP_DIFF_SAME: a line both texts have
 * @PYPREP_DIFF_MISSING: a line of the real output the answer lacks
 * @PYPREP_DIFF_EXTRA: a line of the answer the real output lacks
 */
typedef enum
{
  PYPREP_DIFF_SAME,
  PYPREP_DIFF_MISSING,
  PYPREP_DIFF_EXTRA,
} PyprepDiffKind;

/**
 * PyprepDiffLine:
 * @kind: where the line comes from
 * @text: the line, without its line break and trailing whitespace
 */
typedef struct
{
  PyprepDiffKind kind;
  char *text;
} PyprepDiffLine;

/* Outputs longer than this many lines are compared but not diffed line by
 * line, so that a pasted log cannot make the diff take long. */
#define PYPREP_PREDICT_MAX_DIFF_LINES 2000

void      pyprep_predict_free            (PyprepPredict *predict);
gboolean  pyprep_predict_is_predict_info (const char    *info);
gboolean  pyprep_predict_parse           (PyprepEntry    *entry,
                                          const char     *info,
                                          const char     *code,
                                          int             line,
                                          const char     *output,
                                          const char     *file,
                                          PyprepProblems *problems);

char     *pyprep_predict_normalize       (const char    *text);
gboolean  pyprep_predict_matches         (const char    *expected,
                                          const char    *answer);
GPtrArray *pyprep_predict_diff           (const char    *expected,
                                          const char    *answer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PyprepPredict, pyprep_predict_free)

G_END_DECLS
