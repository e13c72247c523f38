/* main.c: starts Pyprep.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pyprep-application.h"
#include "pyprep-cli.h"
#include "pyprep-trace.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PyprepApplication) app = NULL;
  const char *localedir;
  int status;

  pyprep_trace_mark ("main", NULL);
  setlocale (LC_ALL, "");
  /* meson devenv and the tests point this at the build tree's catalogues. */
  localedir = g_getenv ("PYPREP_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* pyprep --check and --list: no display, no application. */
  status = pyprep_cli_main (argc, argv);
  if (status >= 0)
    return status;

  g_set_application_name (_("Pyprep"));

  app = pyprep_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
