/* pyprep-predict.h: "predict the output" questions: the deck's blocks and the comparison of answers.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pyprep-entry.h"
#include "pyprep-problems.h"

G_BEGIN_DECLS

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

G_END_DECLS
