/* pyprep-problems-dialog.c: the problems found in the open notes, one line each.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pyprep-problems-dialog.h"

struct _PyprepProblemsDialog
{
  AdwAlertDialog parent_instance;

  /* template children */
  GtkLabel *label;

  /* owned */
  PyprepLibrary *library;
};

G_DEFINE_FINAL_TYPE (PyprepProblemsDialog, pyprep_problems_dialog, ADW_TYPE_ALERT_DIALOG)

enum {
  PROP_0,
  PROP_LIBRARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Every problem of every open deck, as `deck: file:line: message` lines. */
static char *
problems_text (PyprepLibrary *library,
               guint         *count)
{
  GListModel *decks = pyprep_library_get_decks (library);
  GString *text = g_string_new (NULL);

  *count = 0;
  for (guint d = 0; d < g_list_model_get_n_items (decks); d++)
    {
      g_autoptr(PyprepDeck) deck = g_list_model_get_item (decks, d);
      GPtrArray *problems = pyprep_deck_get_problems (deck);

      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "\n" : "", pyprep_deck_get_title (deck),
                                ((GError *) g_ptr_array_index (problems, i))->message);
      *count += problems->len;
    }
  return g_string_free (text, FALSE);
}

static void
pyprep_problems_dialog_dispose (GObject *object)
{
  PyprepProblemsDialog *self = PYPREP_PROBLEMS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_PROBLEMS_DIALOG);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (pyprep_problems_dialog_parent_class)->dispose (object);
}

static void
pyprep_problems_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PyprepProblemsDialog *self = PYPREP_PROBLEMS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_problems_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PyprepProblemsDialog *self = PYPREP_PROBLEMS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      {
        g_autofree char *text = NULL;
        guint count;

        self->library = g_value_dup_object (value);
        text = problems_text (self->library, &count);
        gtk_label_set_label (self->label, text);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_problems_dialog_class_init (PyprepProblemsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_problems_dialog_dispose;
  object_class->get_property = pyprep_problems_dialog_get_property;
  object_class->set_property = pyprep_problems_dialog_set_property;

  /**
   * PyprepProblemsDialog:library:
   *
   * The open decks whose problems the dialog lists, as they were when it
   * was made.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, PYPREP_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pyprep/Pyprep/ui/pyprep-problems-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepProblemsDialog, label);
}

static void
pyprep_problems_dialog_init (PyprepProblemsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pyprep_problems_dialog_new:
 * @library: the open decks
 *
 * Returns: (transfer floating): a dialog listing the problems of @library's decks
 */
AdwDialog *
pyprep_problems_dialog_new (PyprepLibrary *library)
{
  g_return_val_if_fail (PYPREP_IS_LIBRARY (library), NULL);

  return g_object_new (PYPREP_TYPE_PROBLEMS_DIALOG, "library", library, NULL);
}

/**
 * pyprep_problems_dialog_count_problems:
 * @library: the open decks
 *
 * Returns: how many problems the dialog would list for @library
 */
guint
pyprep_problems_dialog_count_problems (PyprepLibrary *library)
{
  g_autofree char *text = NULL;
  guint count;

  g_return_val_if_fail (PYPREP_IS_LIBRARY (library), 0);

  text = problems_text (library, &count);
  return count;
}
