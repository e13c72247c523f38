/* ui-keys.c: real key presses for UI tests, through the X server of the virtual display.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keys go through the X server's XTEST extension, so GTK receives
 * them as it receives a user's: from the window's focused widget up, each
 * shortcut controller in its own phase. (Calling a widget's shortcut
 * directly would skip whatever other widget takes the key first.) The
 * X libraries are opened at run time: the test environment has XTEST
 * without its headers, and GTK may be built without X11 at all.
 */
#include "config.h"

#include <dlfcn.h>

#include "ui-harness.h"
#include "ui-keys.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#ifdef GDK_WINDOWING_X11
typedef struct
{
  int (*fake_key_event) (Display *display, unsigned int keycode, Bool is_press, unsigned long delay);
  KeyCode (*keysym_to_keycode) (Display *display, KeySym keysym);
  int (*set_input_focus) (Display *display, Window focus, int revert_to, Time time);
  int (*sync) (Display *display, Bool discard);
} XFuncs;

static XFuncs x;

static gboolean
load_x_funcs (void)
{
  static gboolean tried, loaded;
  void *xtst, *x11;

  if (tried)
    return loaded;
  tried = TRUE;
  xtst = dlopen ("libXtst.so.6", RTLD_NOW);
  x11 = dlopen ("libX11.so.6", RTLD_NOW);
  if (xtst == NULL || x11 == NULL)
    return FALSE;
  x.fake_key_event = dlsym (xtst, "XTestFakeKeyEvent");
  x.keysym_to_keycode = dlsym (x11, "XKeysymToKeycode");
  x.set_input_focus = dlsym (x11, "XSetInputFocus");
  x.sync = dlsym (x11, "XSync");
  loaded = x.fake_key_event != NULL && x.keysym_to_keycode != NULL
           && x.set_input_focus != NULL && x.sync != NULL;
  return loaded;
}
#endif

/**
 * keys_available:
 *
 * Returns: whether press_keys() can reach @window: an X11 display with
 *   the XTEST library
 */
gboolean
keys_available (GtkWindow *window)
{
#ifdef GDK_WINDOWING_X11
  return GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (window))) && load_x_funcs ();
#else
  return FALSE;
#endif
}

#ifdef GDK_WINDOWING_X11

static void
fake_key (Display *display,
          guint    keysym,
          gboolean press)
{
  KeyCode code = x.keysym_to_keycode (display, keysym);

  g_assert_cmpuint (code, !=, 0);
  x.fake_key_event (display, code, press, 0);
}

static gboolean
is_active (gpointer data)
{
  return gtk_window_is_active (data);
}

/* Runs the main loop until the X server has answered, so that GTK has
 * read every event the keys made. */
static void
sync_with_server (Display *display)
{
  x.sync (display, False);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  x.sync (display, False);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

#endif

/**
 * press_keys:
 * @accelerator: keys as gtk_accelerator_parse() reads them, e.g.
 *   "<Control><Shift>a"
 *
 * Presses the modifiers, then the key, and releases them, as a user on
 * the keyboard does, with @window holding the X input focus.
 */
void
press_keys (GtkWindow  *window,
            const char *accelerator)
{
#ifdef GDK_WINDOWING_X11
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (window)));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  guint keyval;
  GdkModifierType mods;
  static const struct { GdkModifierType mask; guint keysym; } modifiers[] = {
    { GDK_CONTROL_MASK, GDK_KEY_Control_L },
    { GDK_SHIFT_MASK, GDK_KEY_Shift_L },
    { GDK_ALT_MASK, GDK_KEY_Alt_L },
  };

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &mods));
  /* Without a window manager nobody else gives the window the focus. */
  x.set_input_focus (display, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  x.sync (display, False);
  wait_until (is_active, window, "the window to have the keyboard focus");

  for (guint i = 0; i < G_N_ELEMENTS (modifiers); i++)
    if (mods & modifiers[i].mask)
      fake_key (display, modifiers[i].keysym, TRUE);
  fake_key (display, gdk_keyval_to_lower (keyval), TRUE);
  fake_key (display, gdk_keyval_to_lower (keyval), FALSE);
  for (guint i = G_N_ELEMENTS (modifiers); i > 0; i--)
    if (mods & modifiers[i - 1].mask)
      fake_key (display, modifiers[i - 1].keysym, FALSE);
  sync_with_server (display);
#else
  g_assert_not_reached ();
#endif
}
