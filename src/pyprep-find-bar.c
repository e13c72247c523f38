/* pyprep-find-bar.c: find in the entry shown: the field, the match count, next and previous.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-find-bar.h"

struct _PyprepFindBar
{
  GtkWidget parent_instance;

  /* template children */
  GtkSearchBar *search_bar;
  GtkSearchEntry *find_entry;
  GtkLabel *find_count;

  /* owned */
  PyprepReader *reader;

  /* state */
  guint matches;
  guint index;                  /* 1-based; 0 when nothing is selected */
};

G_DEFINE_FINAL_TYPE (PyprepFindBar, pyprep_find_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_READER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_count (PyprepFindBar *self)
{
  g_autofree char *text = NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));

  if (*query == '\0')
    text = g_strdup ("");
  else if (self->matches == 0)
    text = g_strdup (_("No matches"));
  else
    /* Translators: the position of the selected match among all, as in "2 of 5". */
    text = g_strdup_printf (_("%u of %u"), self->index, self->matches);

  gtk_label_set_label (self->find_count, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->find_entry), "error");
  if (*query != '\0' && self->matches == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->find_entry), "error");
}

static void
found_cb (PyprepFindBar *self,
          guint          count)
{
  self->matches = count;
  if (count == 0)
    self->index = 0;
  else if (self->index == 0 || self->index > count)
    self->index = 1;
  update_count (self);
}

/* A search belongs to the page it was made in. */
static void
entry_changed_cb (PyprepFindBar *self)
{
  if (pyprep_reader_get_entry (self->reader) != NULL)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
find_changed_cb (PyprepFindBar *self)
{
  self->index = 0;
  pyprep_reader_find (self->reader, gtk_editable_get_text (GTK_EDITABLE (self->find_entry)));
}

static void
step (PyprepFindBar *self,
      gboolean       backwards)
{
  if (self->matches == 0)
    return;
  if (backwards)
    {
      self->index = self->index <= 1 ? self->matches : self->index - 1;
      pyprep_reader_find_previous (self->reader);
    }
  else
    {
      self->index = self->index % self->matches + 1;
      pyprep_reader_find_next (self->reader);
    }
  update_count (self);
}

static void
next_cb (PyprepFindBar *self)
{
  step (self, FALSE);
}

static void
previous_cb (PyprepFindBar *self)
{
  step (self, TRUE);
}

static void
mode_changed_cb (PyprepFindBar *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar) && self->reader != NULL)
    {
      /* Closing the bar clears the highlights. */
      pyprep_reader_find (self->reader, NULL);
      gtk_widget_grab_focus (pyprep_reader_get_view (self->reader));
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PyprepFindBar         *self)
{
  /* Enter goes forward (the entry's own activate); Shift+Enter back. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      step (self, TRUE);
      return TRUE;
    }
  return FALSE;
}

static void
pyprep_find_bar_dispose (GObject *object)
{
  PyprepFindBar *self = PYPREP_FIND_BAR (object);

  if (self->reader != NULL)
    g_signal_handlers_disconnect_by_data (self->reader, self);
  g_clear_object (&self->reader);
  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_FIND_BAR);

  G_OBJECT_CLASS (pyprep_find_bar_parent_class)->dispose (object);
}

static void
pyprep_find_bar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PyprepFindBar *self = PYPREP_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_READER:
      g_value_set_object (value, self->reader);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_find_bar_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PyprepFindBar *self = PYPREP_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_READER:
      pyprep_find_bar_set_reader (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pyprep_find_bar_class_init (PyprepFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_find_bar_dispose;
  object_class->get_property = pyprep_find_bar_get_property;
  object_class->set_property = pyprep_find_bar_set_property;

  /**
   * PyprepFindBar:reader:
   *
   * The reader whose page the bar searches.
   */
  properties[PROP_READER] =
    g_param_spec_object ("reader", NULL, NULL, PYPREP_TYPE_READER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/Pyprep/ui/pyprep-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepFindBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PyprepFindBar, find_entry);
  gtk_widget_class_bind_template_child (widget_class, PyprepFindBar, find_count);
  gtk_widget_class_bind_template_callback (widget_class, find_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_changed_cb);
}

/* GtkSearchBar's own close button has an icon and no name: a screen
 * reader would say "button". */
static void
name_close_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child)
          && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "window-close-symbolic") == 0)
        {
          gtk_widget_set_tooltip_text (child, _("Close Find Bar (Escape)"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Close Find Bar"), -1);
        }
      else
        name_close_button (child);
    }
}

void
pyprep_find_bar_init (PyprepFindBar *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), keys);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->find_entry));
  name_close_button (GTK_WIDGET (self->search_bar));
}

/**
 * pyprep_find_bar_get_reader:
 *
 * Returns: (transfer none) (nullable): the reader the bar searches
 */
PyprepReader *
pyprep_find_bar_get_reader (PyprepFindBar *self)
{
  g_return_val_if_fail (PYPREP_IS_FIND_BAR (self), NULL);
  return self->reader;
}

void
pyprep_find_bar_set_reader (PyprepFindBar *self,
                            PyprepReader  *reader)
{
  g_return_if_fail (PYPREP_IS_FIND_BAR (self));
  g_return_if_fail (reader == NULL || PYPREP_IS_READER (reader));

  if (self->reader == reader)
    return;
  if (self->reader != NULL)
    g_signal_handlers_disconnect_by_data (self->reader, self);
  g_set_object (&self->reader, reader);
  if (reader != NULL)
    {
      g_signal_connect_swapped (reader, "found", G_CALLBACK (found_cb), self);
      g_signal_connect_swapped (reader, "notify::entry", G_CALLBACK (entry_changed_cb), self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READER]);
}

/**
 * pyprep_find_bar_open:
 *
 * Shows the bar with its text selected, ready for a new search.
 */
void
pyprep_find_bar_open (PyprepFindBar *self)
{
  g_return_if_fail (PYPREP_IS_FIND_BAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->find_entry), 0, -1);
}

/**
 * pyprep_find_bar_search:
 * @text: what to find
 *
 * Shows the bar searching the page for @text.
 */
void
pyprep_find_bar_search (PyprepFindBar *self,
                        const char    *text)
{
  g_return_if_fail (PYPREP_IS_FIND_BAR (self));
  g_return_if_fail (text != NULL);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), text);
}

/**
 * pyprep_find_bar_next:
 *
 * Selects the next match, or opens the bar when it is closed.
 */
void
pyprep_find_bar_next (PyprepFindBar *self)
{
  g_return_if_fail (PYPREP_IS_FIND_BAR (self));

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    pyprep_find_bar_open (self);
  else
    step (self, FALSE);
}

/**
 * pyprep_find_bar_previous:
 *
 * Selects the previous match, or opens the bar when it is closed.
 */
void
pyprep_find_bar_previous (PyprepFindBar *self)
{
  g_return_if_fail (PYPREP_IS_FIND_BAR (self));

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    pyprep_find_bar_open (self);
  else
    step (self, TRUE);
}
