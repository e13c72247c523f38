/* pyprep-entry-row.c: a sidebar row: an entry's title with its bookmark and annotation marks.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-entry-row.h"

struct _PyprepEntryRow
{
  GtkWidget parent_instance;

  /* template children */
  GtkLabel *title_label;
  GtkWidget *annotations_box;
  GtkLabel *annotations_label;
  GtkWidget *bookmark_image;

  /* owned */
  PyprepEntry *entry;
  PyprepStore *store;

  /* state */
  char *marks;
};

G_DEFINE_FINAL_TYPE (PyprepEntryRow, pyprep_entry_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENTRY,
  PROP_STORE,
  PROP_MARKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_marks (PyprepEntryRow *self,
           const char     *marks)
{
  if (g_set_str (&self->marks, marks))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARKS]);
}

/* The title, after the question's number in the notes when it has one:
 * dimmed, apart from the text, as the page shows it. One label keeps the
 * number on the first line's baseline however the title wraps. */
static void
set_title (PyprepEntryRow *self)
{
  const char *number = pyprep_entry_get_number (self->entry);
  g_autofree char *markup = NULL;

  if (number != NULL)
    markup = g_markup_printf_escaped ("<span alpha=\"55%%\" font_features=\"tnum\">%s</span>  %s",
                                      number, pyprep_entry_get_title (self->entry));
  else
    markup = g_markup_escape_text (pyprep_entry_get_title (self->entry), -1);
  gtk_label_set_markup (self->title_label, markup);
}

static void
update (PyprepEntryRow *self)
{
  const char *id;
  gboolean bookmarked;
  guint n_annotations;
  g_autofree char *count = NULL;
  GString *description;

  if (self->entry == NULL)
    {
      gtk_label_set_label (self->title_label, NULL);
      gtk_widget_set_visible (self->bookmark_image, FALSE);
      gtk_widget_set_visible (self->annotations_box, FALSE);
      set_marks (self, "");
      return;
    }

  id = pyprep_entry_get_id (self->entry);
  bookmarked = self->store != NULL && pyprep_store_get_bookmarked (self->store, id);
  n_annotations = self->store != NULL ? pyprep_store_count_annotations (self->store, id) : 0;

  set_title (self);
  gtk_widget_set_visible (self->bookmark_image, bookmarked);
  gtk_widget_set_visible (self->annotations_box, n_annotations > 0);
  count = g_strdup_printf ("%u", n_annotations);
  gtk_label_set_label (self->annotations_label, count);

  /* The marks are pictures; say them to screen readers in words (the
   * window gives them to the list item, which is what they read). */
  description = g_string_new (NULL);
  if (bookmarked)
    g_string_append (description, _("Bookmarked"));
  if (n_annotations > 0)
    {
      g_autofree char *annotations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation",
                                                                   "%u annotations", n_annotations),
                                                      n_annotations);

      if (description->len > 0)
        g_string_append (description, ", ");
      g_string_append (description, annotations);
    }
  set_marks (self, description->str);
  g_string_free (description, TRUE);
}

static void
store_changed_cb (PyprepEntryRow *self,
                  const char     *what,
                  const char     *id)
{
  /* Annotation changes carry the annotation's ID, so any of them may
   * concern this row; other changes name the entry. */
  if (self->entry != NULL
      && (id == NULL || g_strcmp0 (what, "annotation") == 0
          || g_strcmp0 (id, pyprep_entry_get_id (self->entry)) == 0))
    update (self);
}

static void
pyprep_entry_row_dispose (GObject *object)
{
  PyprepEntryRow *self = PYPREP_ENTRY_ROW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_ENTRY_ROW);
  g_clear_object (&self->entry);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pyprep_entry_row_parent_class)->dispose (object);
}

static void
pyprep_entry_row_finalize (GObject *object)
{
  PyprepEntryRow *self = PYPREP_ENTRY_ROW (object);

  g_free (self->marks);

  G_OBJECT_CLASS (pyprep_entry_row_parent_class)->finalize (object);
}

static void
pyprep_entry_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PyprepEntryRow *self = PYPREP_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MARKS:
      g_value_set_string (value, self->marks);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_entry_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PyprepEntryRow *self = PYPREP_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      pyprep_entry_row_set_entry (self, g_value_get_object (value));
      break;
    case PROP_STORE:
      pyprep_entry_row_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_entry_row_class_init (PyprepEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_entry_row_dispose;
  object_class->finalize = pyprep_entry_row_finalize;
  object_class->get_property = pyprep_entry_row_get_property;
  object_class->set_property = pyprep_entry_row_set_property;

  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, PYPREP_TYPE_ENTRY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PYPREP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The bookmark and annotation marks in words, such as "Bookmarked, 2
   * annotations"; empty without marks. */
  properties[PROP_MARKS] =
    g_param_spec_string ("marks", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/Pyprep/ui/pyprep-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepEntryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepEntryRow, annotations_box);
  gtk_widget_class_bind_template_child (widget_class, PyprepEntryRow, annotations_label);
  gtk_widget_class_bind_template_child (widget_class, PyprepEntryRow, bookmark_image);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "entryrow");
}

static void
pyprep_entry_row_init (PyprepEntryRow *self)
{
  self->marks = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
}

/**
 * pyprep_entry_row_get_entry:
 *
 * Returns: (transfer none) (nullable): the entry shown
 */
PyprepEntry *
pyprep_entry_row_get_entry (PyprepEntryRow *self)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY_ROW (self), NULL);
  return self->entry;
}

void
pyprep_entry_row_set_entry (PyprepEntryRow *self,
                            PyprepEntry    *entry)
{
  g_return_if_fail (PYPREP_IS_ENTRY_ROW (self));

  if (!g_set_object (&self->entry, entry))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}

/**
 * pyprep_entry_row_get_marks:
 *
 * Returns: (transfer none): the entry's marks in words, empty without any
 */
const char *
pyprep_entry_row_get_marks (PyprepEntryRow *self)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY_ROW (self), NULL);
  return self->marks;
}

/**
 * pyprep_entry_row_get_store:
 *
 * Returns: (transfer none) (nullable): where the marks come from
 */
PyprepStore *
pyprep_entry_row_get_store (PyprepEntryRow *self)
{
  g_return_val_if_fail (PYPREP_IS_ENTRY_ROW (self), NULL);
  return self->store;
}

void
pyprep_entry_row_set_store (PyprepEntryRow *self,
                            PyprepStore    *store)
{
  g_return_if_fail (PYPREP_IS_ENTRY_ROW (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
