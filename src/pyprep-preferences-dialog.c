/* pyprep-preferences-dialog.c: style, deck language and text size.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every row is bound to a GSettings key; the application applies them.
 */
#include "config.h"

#include "pyprep-preferences-dialog.h"

struct _PyprepPreferencesDialog
{
  AdwPreferencesDialog parent_instance;

  /* template children */
  AdwComboRow *style_row;
  AdwComboRow *language_row;
  GtkAdjustment *text_size;

  /* owned */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (PyprepPreferencesDialog, pyprep_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

static const char *styles[] = { "system", "light", "dark" };
static const char *languages[] = { "", "zh_CN", "en" };

/* Maps a combo row's position to and from a string key, by @user_data's table. */
static gboolean
position_from_string (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char **table = user_data;
  const char *text = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < 3; i++)
    if (g_str_equal (text, table[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
string_from_position (const GValue       *value,
                      const GVariantType *type,
                      gpointer            user_data)
{
  const char **table = user_data;
  guint position = g_value_get_uint (value);

  return g_variant_new_string (table[MIN (position, 2)]);
}

static gboolean
percent_from_zoom (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);
  return TRUE;
}

static GVariant *
zoom_from_percent (const GValue       *value,
                   const GVariantType *type,
                   gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100.0);
}

static void
pyprep_preferences_dialog_dispose (GObject *object)
{
  PyprepPreferencesDialog *self = PYPREP_PREFERENCES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pyprep_preferences_dialog_parent_class)->dispose (object);
}

static void
pyprep_preferences_dialog_class_init (PyprepPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pyprep_preferences_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pyprep/Pyprep/ui/pyprep-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesDialog, style_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesDialog, text_size);
}

static void
pyprep_preferences_dialog_init (PyprepPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new ("io.github.pyprep.Pyprep");
  g_settings_bind_with_mapping (self->settings, "style", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, position_from_string, string_from_position,
                                styles, NULL);
  g_settings_bind_with_mapping (self->settings, "deck-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, position_from_string, string_from_position,
                                languages, NULL);
  g_settings_bind_with_mapping (self->settings, "zoom-level", self->text_size, "value",
                                G_SETTINGS_BIND_DEFAULT, percent_from_zoom, zoom_from_percent,
                                NULL, NULL);
}

AdwDialog *
pyprep_preferences_dialog_new (void)
{
  return g_object_new (PYPREP_TYPE_PREFERENCES_DIALOG, NULL);
}
