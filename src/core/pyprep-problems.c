/* pyprep-problems.c: the errors, warnings and notes of loading a deck.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loaders fill one of these and hand it to the deck, so the parsers
 * never call back into the deck. Errors are what `pyprep --check` fails on;
 * warnings are doubts about notes that still opened (a question without an
 * answer, an entry that looks like many questions); notes say, per file,
 * what structure the inference chose.
 */
#include "config.h"

#include "pyprep-problems.h"

struct _PyprepProblems
{
  GObject parent_instance;

  /* owned */
  GPtrArray *errors;           /* GError */
  GPtrArray *warnings;         /* GError */
  GPtrArray *notes;            /* char * */
};

G_DEFINE_FINAL_TYPE (PyprepProblems, pyprep_problems, G_TYPE_OBJECT)
G_DEFINE_QUARK (pyprep-deck-error-quark, pyprep_deck_error)

static void
pyprep_problems_finalize (GObject *object)
{
  PyprepProblems *self = PYPREP_PROBLEMS (object);

  g_clear_pointer (&self->errors, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);

  G_OBJECT_CLASS (pyprep_problems_parent_class)->finalize (object);
}

static void
pyprep_problems_class_init (PyprepProblemsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pyprep_problems_finalize;
}

static void
pyprep_problems_init (PyprepProblems *self)
{
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
}

PyprepProblems *
pyprep_problems_new (void)
{
  return g_object_new (PYPREP_TYPE_PROBLEMS, NULL);
}

static void
add (GPtrArray  *array,
     int         code,
     const char *file,
     int         line,
     const char *format,
     va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  g_ptr_array_add (array, g_error_new (PYPREP_DECK_ERROR, code, "%s:%d: %s",
                                       file, MAX (line, 1), message));
}

/**
 * pyprep_problems_add_error:
 * @code: a #PyprepDeckError
 * @file: the file, relative to the deck folder
 * @line: the line, 1 or more
 *
 * Adds an error whose message is `file:line: ` and the formatted text.
 */
void
pyprep_problems_add_error (PyprepProblems *self,
                           int             code,
                           const char     *file,
                           int             line,
                           const char     *format,
                           ...)
{
  va_list args;

  g_return_if_fail (PYPREP_IS_PROBLEMS (self));

  va_start (args, format);
  add (self->errors, code, file, line, format, args);
  va_end (args);
}

/**
 * pyprep_problems_add_warning:
 *
 * Adds a warning, formed like an error: something that loaded, but may
 * not be what the author meant.
 */
void
pyprep_problems_add_warning (PyprepProblems *self,
                             int             code,
                             const char     *file,
                             int             line,
                             const char     *format,
                             ...)
{
  va_list args;

  g_return_if_fail (PYPREP_IS_PROBLEMS (self));

  va_start (args, format);
  add (self->warnings, code, file, line, format, args);
  va_end (args);
}

/**
 * pyprep_problems_add_note:
 *
 * Adds a line explaining what the loader chose, such as the structure it
 * found in a file.
 */
void
pyprep_problems_add_note (PyprepProblems *self,
                          const char     *format,
                          ...)
{
  va_list args;

  g_return_if_fail (PYPREP_IS_PROBLEMS (self));

  va_start (args, format);
  g_ptr_array_add (self->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

/**
 * pyprep_problems_get_errors:
 *
 * Returns: (transfer none) (element-type GError): the errors, in order
 */
GPtrArray *
pyprep_problems_get_errors (PyprepProblems *self)
{
  g_return_val_if_fail (PYPREP_IS_PROBLEMS (self), NULL);
  return self->errors;
}

/**
 * pyprep_problems_get_warnings:
 *
 * Returns: (transfer none) (element-type GError): the warnings, in order
 */
GPtrArray *
pyprep_problems_get_warnings (PyprepProblems *self)
{
  g_return_val_if_fail (PYPREP_IS_PROBLEMS (self), NULL);
  return self->warnings;
}

/**
 * pyprep_problems_get_notes:
 *
 * Returns: (transfer none) (element-type utf8): the notes, in order
 */
GPtrArray *
pyprep_problems_get_notes (PyprepProblems *self)
{
  g_return_val_if_fail (PYPREP_IS_PROBLEMS (self), NULL);
  return self->notes;
}
