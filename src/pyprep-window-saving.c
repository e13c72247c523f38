/* pyprep-window-saving.c: the main window when the user's data cannot be written: the banner and the question on quitting.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store keeps changes it could not write and tries again, waiting
 * longer each time. The window shows why in a banner (the disk is full,
 * the folder is read-only, no permission) with the folder, and offers Try
 * Again and Save a Copy… (the export); the banner goes when a save
 * succeeds. Closing the window with changes that still cannot be written
 * asks first, naming what would be lost.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pyprep-window-private.h"

/* Why the store's last save failed, in the user's terms: what they can
 * do something about. */
static char *
describe_cause (PyprepWindow *self)
{
  const GError *error = pyprep_store_get_save_error (self->store);

  if (g_error_matches (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_NO_SPACE))
    return g_strdup (_("the disk is full"));
  if (g_error_matches (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_READ_ONLY_FOLDER))
    return g_strdup (_("the folder is read-only"));
  if (g_error_matches (error, PYPREP_STORE_ERROR, PYPREP_STORE_ERROR_PERMISSION))
    return g_strdup (_("there is no permission to write in the folder"));
  return g_strdup (error->message);
}

static void
update_save_banner (PyprepWindow *self)
{
  g_autofree char *cause = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *text = NULL;

  if (pyprep_store_get_save_error (self->store) == NULL)
    {
      gtk_revealer_set_reveal_child (self->save_banner, FALSE);
      return;
    }
  cause = describe_cause (self);
  folder = g_file_get_parse_name (pyprep_store_get_folder (self->store));
  /* Translators: the first %s is a folder, the second why the save failed, such as "the disk is full". */
  text = g_strdup_printf (_("Your changes cannot be saved in %s: %s."), folder, cause);
  gtk_label_set_text (self->save_banner_label, text);
  gtk_revealer_set_reveal_child (self->save_banner, TRUE);
}

static void
retry_save_cb (PyprepWindow *self)
{
  /* The saved signal updates the banner either way. */
  pyprep_store_flush (self->store, NULL);
}

/* "2 bookmarks, 1 annotation and your reading places": the changes a quit
 * would lose. */
static char *
describe_unsaved (PyprepStore *store)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint bookmarks = pyprep_store_count_unsaved (store, "bookmark");
  guint annotations = pyprep_store_count_unsaved (store, "annotation");
  guint cards = pyprep_store_count_unsaved (store, "card");
  guint answers = pyprep_store_count_unsaved (store, "review");
  g_autofree char *last = NULL;
  g_autofree char *first = NULL;

  if (bookmarks > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u bookmark change", "%u bookmark changes",
                                                       bookmarks), bookmarks));
  if (annotations > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u annotation change", "%u annotation changes",
                                                       annotations), annotations));
  if (cards > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u answered card", "%u answered cards", cards),
                                             cards));
  if (answers > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u answer in the review log",
                                                       "%u answers in the review log", answers), answers));
  if (pyprep_store_count_unsaved (store, "import") > 0)
    g_ptr_array_add (parts, g_strdup (_("the data you imported")));
  if (pyprep_store_count_unsaved (store, "reading") > 0)
    g_ptr_array_add (parts, g_strdup (_("your reading progress")));
  if (parts->len < 2)
    return parts->len == 1 ? g_strdup (g_ptr_array_index (parts, 0)) : g_strdup ("");

  /* "a, b and c": the last joined with "and". */
  last = g_ptr_array_steal_index (parts, parts->len - 1);
  g_ptr_array_add (parts, NULL);
  /* Translators: between the changes a quit would lose, but the last two, as in "1 bookmark change, 2 annotation changes and your reading progress". */
  first = g_strjoinv (_(", "), (char **) parts->pdata);
  /* Translators: the last two of the changes a quit would lose, as in "1 bookmark change and your reading progress". */
  return g_strdup_printf (_("%s and %s"), first, last);
}

static void ask_before_closing (PyprepWindow *self);

static void
close_response_cb (AdwAlertDialog *dialog,
                   const char     *response,
                   PyprepWindow   *self)
{
  if (g_str_equal (response, "quit"))
    {
      self->may_close = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "retry") && pyprep_store_flush (self->store, NULL))
    gtk_window_close (GTK_WINDOW (self));
  else if (g_str_equal (response, "retry"))
    ask_before_closing (self);
  else if (g_str_equal (response, "copy"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.export-data", NULL);
}

static void
ask_before_closing (PyprepWindow *self)
{
  g_autofree char *cause = describe_cause (self);
  g_autofree char *lost = describe_unsaved (self->store);
  g_autofree char *folder = g_file_get_parse_name (pyprep_store_get_folder (self->store));
  g_autofree char *body = NULL;
  AdwDialog *dialog;

  /* Translators: the first %s is a folder, the second says why, such as
   * "the disk is full"; the third lists the changes. */
  body = g_strdup_printf (_("Your changes cannot be saved in %s: %s. Quitting now loses %s."), folder, cause, lost);
  dialog = adw_alert_dialog_new (_("Changes Not Saved"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "quit", _("_Quit Anyway"),
                                  "copy", _("Save a _Copy…"),
                                  "retry", _("_Try Again"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "quit", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "retry", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "retry");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/**
 * _pyprep_window_saving_may_close:
 *
 * Writes the user's changes before the window closes; when they cannot be
 * written, asks the user what to do instead.
 *
 * Returns: whether the window may close now
 */
gboolean
_pyprep_window_saving_may_close (PyprepWindow *self)
{
  if (self->store == NULL || self->may_close || pyprep_store_get_read_only (self->store)
      || !pyprep_store_get_dirty (self->store) || pyprep_store_flush (self->store, NULL))
    return TRUE;

  ask_before_closing (self);
  return FALSE;
}

/**
 * _pyprep_window_saving_setup:
 *
 * Shows the store's failed saves, once the window has its store.
 */
void
_pyprep_window_saving_setup (PyprepWindow *self)
{
  g_signal_connect_object (self->store, "saved", G_CALLBACK (update_save_banner), self, G_CONNECT_SWAPPED);
  update_save_banner (self);
}

void
_pyprep_window_saving_class_init (PyprepWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, save_banner);
  gtk_widget_class_bind_template_child (widget_class, PyprepWindow, save_banner_label);
  gtk_widget_class_bind_template_callback (widget_class, retry_save_cb);
}
