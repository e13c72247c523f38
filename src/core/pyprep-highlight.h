/* pyprep-highlight.h: a Python tokenizer that colours code blocks for the reader.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *pyprep_highlight_python (const char *code);

G_END_DECLS
