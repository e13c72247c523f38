/* pyprep-application-study.c: where the study data is kept: this computer, or a folder synced to others.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The study-data-folder setting names a folder that the user's own sync
 * tool carries to their other computers (docs/sync.md). At start the
 * store is pointed at it and watched, so other devices' changes (and
 * another Pyprep process's saves) show within a moment.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-application-private.h"

/* Merges replay answers with the scheduler's settings the quiz uses
 * (changed::desired-retention, swapped). */
static void
retention_changed_cb (PyprepApplication *self,
                      const char        *key,
                      GSettings         *settings)
{
  PyprepFsrsParams params;

  pyprep_fsrs_params_init (&params);
  params.desired_retention = g_settings_get_double (self->settings, "desired-retention");
  pyprep_store_set_fsrs_params (self->store, &params);
}

static void
show_error (PyprepApplication *self,
            const char        *uri,
            const GError      *error)
{
  g_autoptr(GFile) folder = g_file_new_for_uri (uri);
  g_autofree char *where = g_file_get_parse_name (folder);
  AdwDialog *dialog = adw_alert_dialog_new (_("Cannot Keep Study Data There"), NULL);

  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog), _("%s: %s"), where, error->message);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (self))));
}

/* Points the store at the folder of @uri, or at none for "". */
static gboolean
use_study_folder (PyprepApplication  *self,
                  const char         *uri,
                  GError            **error)
{
  g_autoptr(GFile) folder = *uri != '\0' ? g_file_new_for_uri (uri) : NULL;

  if (folder != NULL && g_file_peek_path (folder) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The folder is not on a local or mounted file system"));
      return FALSE;
    }
  return pyprep_store_set_sync_folder (self->store, folder, error);
}

/**
 * _pyprep_application_study_start:
 *
 * At start: the synced folder in use, and the store watched.
 */
void
_pyprep_application_study_start (PyprepApplication *self)
{
  g_autofree char *uri = g_settings_get_string (self->settings, "study-data-folder");
  g_autoptr(GError) error = NULL;

  retention_changed_cb (self, "desired-retention", self->settings);
  g_signal_connect_object (self->settings, "changed::desired-retention",
                           G_CALLBACK (retention_changed_cb), self, G_CONNECT_SWAPPED);
  if (!use_study_folder (self, uri, &error))
    g_message ("Cannot use the study data folder %s: %s", uri, error->message);
  pyprep_store_set_watched (self->store, TRUE);
}

/**
 * _pyprep_application_set_study_folder:
 *
 * app.set-study-folder(URI): Preferences' Keep Study Data In… after its
 * confirmation, or "" to keep the data on this computer only.
 */
void
_pyprep_application_set_study_folder (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  PyprepApplication *self = user_data;
  const char *uri = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;

  if (!use_study_folder (self, uri, &error))
    {
      show_error (self, uri, error);
      return;
    }
  pyprep_store_set_watched (self->store, TRUE);
  g_settings_set_string (self->settings, "study-data-folder", uri);
}
