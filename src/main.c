/* main.c — the rapport program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "crm-application.h"
#include "crm-bench-hooks.h"
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

/* The startup benchmark (tests/bench/bench-startup.py) sets
 * RAPPORT_BENCH_FIRST_FRAME. The first window's first painted frame then
 * prints its g_get_monotonic_time() — the clock of Python's
 * time.monotonic() — and the application quits, so the benchmark measures
 * what a person waits for and nothing after it.
 *
 * With RAPPORT_BENCH_SCROLL set as well (tests/bench/bench-customer-list.py),
 * it does not quit there: crm_bench_hooks_scroll_list() scrolls the
 * customer list to its end and back, prints what each step cost and the
 * peak memory, and quits. */
static void
bench_after_paint_cb (GdkFrameClock *frame_clock,
                      GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (frame_clock, bench_after_paint_cb, app);

  g_print ("first-frame-monotonic-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);

  if (g_getenv ("RAPPORT_BENCH_SCROLL") != NULL)
    {
      GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

      if (windows != NULL)
        {
          crm_bench_hooks_scroll_list (windows->data, app);
          return;
        }
    }

  g_application_quit (app);
}

static void
bench_window_realize_cb (GtkWidget    *window,
                         GApplication *app)
{
  /* A widget has a frame clock only once it is realized. */
  g_signal_connect_object (gtk_widget_get_frame_clock (window),
                           "after-paint",
                           G_CALLBACK (bench_after_paint_cb),
                           app,
                           0);
}

static void
bench_window_added_cb (GtkApplication *app,
                       GtkWindow      *window)
{
  const char *page = g_getenv ("RAPPORT_BENCH_PAGE");

  /* Only the first window counts. */
  g_signal_handlers_disconnect_by_func (app, bench_window_added_cb, NULL);

  /* RAPPORT_BENCH_PAGE (tests/bench/bench-requirement-board.py) measures
   * the first frame of another page, such as "requirements". */
  if (page != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page);

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    bench_window_realize_cb (GTK_WIDGET (window), G_APPLICATION (app));
  else
    g_signal_connect (window, "realize", G_CALLBACK (bench_window_realize_cb), app);
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

  if (g_getenv ("RAPPORT_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (app, "window-added", G_CALLBACK (bench_window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
