/* pyprep-preferences-dialog.c: style, deck language and text size.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every row is bound to a GSettings key; the application applies them.
 * Keep Study Data In… chooses a folder through the portal and asks
 * before app.set-study-folder moves the data there.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-preferences-dialog.h"

struct _PyprepPreferencesDialog
{
  AdwPreferencesDialog parent_instance;

  /* template children */
  AdwComboRow *style_row;
  AdwComboRow *language_row;
  GtkAdjustment *text_size;
  GtkAdjustment *new_per_day;
  GtkAdjustment *reviews_per_day;
  GtkAdjustment *retention;
  GtkAdjustment *interview_target;
  AdwPreferencesGroup *folders_group;
  AdwActionRow *study_folder_row;
  GtkWidget *stop_study_folder;

  /* owned */
  GSettings *settings;
  GPtrArray *folder_rows;
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
update_folders (PyprepPreferencesDialog *self)
{
  g_auto(GStrv) folders = g_settings_get_strv (self->settings, "folders");

  for (guint i = 0; i < self->folder_rows->len; i++)
    adw_preferences_group_remove (self->folders_group, g_ptr_array_index (self->folder_rows, i));
  g_ptr_array_set_size (self->folder_rows, 0);

  for (guint i = 0; folders[i] != NULL; i++)
    {
      g_autoptr(GFile) folder = g_file_new_for_uri (folders[i]);
      g_autofree char *name = g_file_get_basename (folder);
      g_autofree char *where = g_file_get_parse_name (folder);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove from Pyprep"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove from Pyprep"), -1);
      /* As the banner's Remove: the application drops the deck; the notes
       * on disk are not touched. */
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_string (folders[i]));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "app.remove-folder");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->folders_group, row);
      g_ptr_array_add (self->folder_rows, row);
    }
}

static void
update_study_folder (PyprepPreferencesDialog *self)
{
  g_autofree char *uri = g_settings_get_string (self->settings, "study-data-folder");
  g_autoptr(GFile) folder = *uri != '\0' ? g_file_new_for_uri (uri) : NULL;
  g_autofree char *where = folder != NULL ? g_file_get_parse_name (folder) : NULL;

  adw_action_row_set_subtitle (self->study_folder_row,
                               where != NULL ? where : _("Only on this computer"));
  gtk_widget_set_visible (self->stop_study_folder, folder != NULL);
}

/* changed::study-data-folder, swapped. */
static void
study_folder_changed_cb (PyprepPreferencesDialog *self,
                         const char              *key,
                         GSettings               *settings)
{
  update_study_folder (self);
}

static void
confirm_response_cb (AdwAlertDialog *dialog,
                     const char     *response,
                     gpointer        user_data)
{
  PyprepPreferencesDialog *self = PYPREP_PREFERENCES_DIALOG (user_data);
  GFile *folder = g_object_get_data (G_OBJECT (dialog), "folder");
  g_autofree char *uri = g_file_get_uri (folder);

  if (g_str_equal (response, "keep"))
    gtk_widget_activate_action (GTK_WIDGET (self), "app.set-study-folder", "s", uri);
}

static void
folder_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PyprepPreferencesDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (source), result, &error);
  g_autofree char *where = NULL;
  AdwDialog *dialog;

  if (folder == NULL)
    return;
  where = g_file_get_parse_name (folder);
  dialog = adw_alert_dialog_new (_("Keep Study Data Here?"), NULL);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                _("Your bookmarks, annotations, reading state and reviews will be "
                                  "kept in %s as well, and merged with those of your other computers "
                                  "that use this folder. Choose a folder your sync tool carries "
                                  "between them."),
                                where);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "keep", _("_Keep Data There"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "keep",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "keep");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "folder", g_steal_pointer (&folder), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* The row's activated, swapped. */
static void
choose_study_folder_cb (PyprepPreferencesDialog *self,
                        AdwActionRow            *row)
{
  g_autoptr(GtkFileDialog) chooser = gtk_file_dialog_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_file_dialog_set_title (chooser, _("Keep Study Data In"));
  gtk_file_dialog_set_modal (chooser, TRUE);
  gtk_file_dialog_select_folder (chooser, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                                 folder_chosen_cb, g_object_ref (self));
}

static void
pyprep_preferences_dialog_dispose (GObject *object)
{
  PyprepPreferencesDialog *self = PYPREP_PREFERENCES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PYPREP_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->folder_rows, g_ptr_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesDialog, folders_group);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesDialog, new_per_day);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesDialog, reviews_per_day);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesDialog, retention);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesDialog, interview_target);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesDialog, study_folder_row);
  gtk_widget_class_bind_template_child (widget_class, PyprepPreferencesDialog, stop_study_folder);
  gtk_widget_class_bind_template_callback (widget_class, choose_study_folder_cb);
}

static gboolean
double_from_uint (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
uint_from_double (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) CLAMP (g_value_get_double (value) + 0.5, 0, G_MAXUINT32));
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
  g_settings_bind_with_mapping (self->settings, "new-cards-per-day", self->new_per_day, "value",
                                G_SETTINGS_BIND_DEFAULT, double_from_uint, uint_from_double, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "reviews-per-day", self->reviews_per_day, "value",
                                G_SETTINGS_BIND_DEFAULT, double_from_uint, uint_from_double, NULL, NULL);
  /* The same percent mapping as the text size: 0.9 shows as 90. */
  g_settings_bind_with_mapping (self->settings, "desired-retention", self->retention, "value",
                                G_SETTINGS_BIND_DEFAULT, percent_from_zoom, zoom_from_percent,
                                NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "interview-target", self->interview_target, "value",
                                G_SETTINGS_BIND_DEFAULT, percent_from_zoom, zoom_from_percent,
                                NULL, NULL);

  self->folder_rows = g_ptr_array_new ();
  g_signal_connect_object (self->settings, "changed::folders", G_CALLBACK (update_folders), self,
                           G_CONNECT_SWAPPED);
  update_folders (self);
  g_signal_connect_object (self->settings, "changed::study-data-folder",
                           G_CALLBACK (study_folder_changed_cb), self, G_CONNECT_SWAPPED);
  update_study_folder (self);
}

AdwDialog *
pyprep_preferences_dialog_new (void)
{
  return g_object_new (PYPREP_TYPE_PREFERENCES_DIALOG, NULL);
}
