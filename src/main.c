/* main.c — the rapport program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>

#include <glib/gi18n.h>

#include "crm-application.h"
#include "crm-cli.h"

static void
setup_gettext (void)
{
  /* RAPPORT_LOCALEDIR lets the build tree's catalogues be used without
   * installing, for tests and build-aux/run.sh. */
  const char *localedir = g_getenv ("RAPPORT_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CrmApplication) app = NULL;

  setup_gettext ();

  /* Verbs run before any GTK code, so they work without a display. */
  if (crm_cli_is_verb (argc, argv))
    return crm_cli_run (argc, argv);

  app = crm_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
