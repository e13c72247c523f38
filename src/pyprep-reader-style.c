/* pyprep-reader-style.c: the page shown takes libadwaita's style (light, dark, high contrast) in place.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page's colours hang on the classes of its root element
 * (pyprep_render_style_classes()). When the style changes, the reader sets
 * those classes on the page shown (data/page/restyle.js), and everything
 * else that lives in the document stays as it was: the place read, find's
 * matches, the annotations' marks, a passage just marked, the selection.
 *
 * The page is never reloaded for it. A reload is WebKit's, not the
 * reader's: it loads again the page WebKit last committed, and cancels the
 * load on its way. While an entry was still loading, that page was the
 * empty one of the start, or the entry before; while an entry was being
 * swapped in, it was the entry before. The reader then waited for a load
 * that never came, or took the entry before for its own, and Read the
 * Passage on that entry neither scrolled nor marked until another entry
 * was shown. A page on its way takes the style once it is ready
 * (_pyprep_reader_page_ready()), whichever style it was made in.
 */
#include "config.h"

#include "pyprep-reader-private.h"
#include "pyprep-render.h"

static void
update_background (PyprepReader *self)
{
  GdkRGBA color;

  /* The view's own background shows before the page paints; keeping it the
   * page's colour avoids a white flash in dark mode. */
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    gdk_rgba_parse (&color, "#1d1d20");
  else
    gdk_rgba_parse (&color, "#ffffff");
  webkit_web_view_set_background_color (self->view, &color);
}

static void
restyled_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(JSCValue) value = NULL;
  g_autoptr(GError) error = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (value == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Cannot give the page the style: %s", error->message);
}

/* Gives the page shown the colours of the style now. */
void
_pyprep_reader_restyle (PyprepReader *self)
{
  g_autofree char *script = pyprep_render_dup_script ("restyle.js");
  GVariantDict arguments;

  self->restyle = FALSE;
  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "classes", "s", pyprep_web_context_get_page_classes (self->web_context));
  webkit_web_view_call_async_javascript_function (self->view, script, -1, g_variant_dict_end (&arguments),
                                                  "pyprep", NULL, self->cancellable, restyled_cb, NULL);
}

static void
style_changed_cb (PyprepReader *self)
{
  update_background (self);
  if (self->entry == NULL)
    return;
  /* A page on its way may have been made before the change, or after:
   * it takes the style once it is there. */
  if (self->loading)
    {
      self->restyle = TRUE;
      return;
    }
  _pyprep_reader_restyle (self);
  /* The page is drawn again, in its new colours. */
  _pyprep_reader_wait_for_paint (self);
}

void
_pyprep_reader_style_init (PyprepReader *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (style_changed_cb), self);
  g_signal_connect_swapped (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self);
  update_background (self);
}
