/* crm-cli.c — the command-line verbs, which need no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * `rapport VERB …` runs here, before any GTK code, so scripts, tests and
 * benchmarks can use Rapport on a machine without a display. Errors go to
 * stderr with a non-zero exit status; results go to stdout.
 */

#define G_LOG_DOMAIN "crm-cli"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-cli.h"
#include "crm-database.h"

/* Exit status when the command line itself is wrong or a file is refused. */
#define EXIT_USAGE 64
#define EXIT_REFUSED 4

typedef int (*CrmVerbFunc) (const char  *database_path,
                            char       **args);

typedef struct
{
  const char  *name;
  const char  *subname;
  const char  *usage;
  CrmVerbFunc  func;
} CrmVerb;

static int verb_db_check  (const char *database_path, char **args);
static int verb_db_backup (const char *database_path, char **args);

static const CrmVerb verbs[] = {
  { "db", "check", N_("db check"), verb_db_check },
  { "db", "backup", N_("db backup FILE"), verb_db_backup },
};

static void
print_error (const char *message)
{
  g_printerr ("rapport: %s\n", message);
}

static char *
resolve_database_path (const char *database_path)
{
  if (database_path != NULL)
    return g_strdup (database_path);

  if (crm_database_path_from_environment () != NULL)
    return g_strdup (crm_database_path_from_environment ());

  return crm_database_default_path ();
}

/* Exit status: the CrmDatabaseHealth value, or EXIT_REFUSED when the file
 * cannot be opened as a Rapport database at all. */
static int
verb_db_check (const char  *database_path,
               char       **args)
{
  g_autofree char *path = resolve_database_path (database_path);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  CrmDatabaseHealth health;

  if (args[0] != NULL)
    {
      print_error (_("“db check” takes no arguments; name the file with --database PATH."));
      return EXIT_USAGE;
    }

  if (!crm_database_check_file (path, &health, report, &error))
    {
      print_error (error->message);
      return EXIT_REFUSED;
    }

  g_print ("%s\n", path);
  g_print ("%s", report->str);

  switch (health)
    {
    case CRM_DATABASE_HEALTH_OK:
      g_print ("%s\n", _("The database is intact and up to date."));
      break;

    case CRM_DATABASE_HEALTH_DAMAGED:
      g_print ("%s\n", _("The database is damaged. Restore it from a backup."));
      break;

    case CRM_DATABASE_HEALTH_OLDER:
      g_print ("%s\n", _("The database is intact and from an older Rapport; "
                         "Rapport upgrades it when it next opens it, after taking a backup copy."));
      break;

    case CRM_DATABASE_HEALTH_NEWER:
      g_print ("%s\n", _("The database is from a newer Rapport; this version will not change it."));
      break;

    default:
      g_assert_not_reached ();
    }

  return (int)health;
}

static int
verb_db_backup (const char  *database_path,
                char       **args)
{
  g_autofree char *path = resolve_database_path (database_path);
  g_autoptr(GError) error = NULL;

  if (args[0] == NULL || args[1] != NULL)
    {
      print_error (_("Name one file to write the backup to: rapport db backup FILE"));
      return EXIT_USAGE;
    }

  if (!crm_database_backup_file (path, args[0], &error))
    {
      print_error (error->message);
      return EXIT_REFUSED;
    }

  g_print (_("Backed up “%s” to “%s”.\n"), path, args[0]);

  return 0;
}

/* The first argument that is neither an option nor the value of
 * --database names the verb. */
static int
find_verb_index (int    argc,
                 char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--database") == 0 || g_strcmp0 (argv[i], "-d") == 0)
        {
          i++;
          continue;
        }

      if (argv[i][0] == '-')
        continue;

      return i;
    }

  return -1;
}

/**
 * crm_cli_is_verb:
 * @argc: the argument count
 * @argv: the arguments of `main()`
 *
 * Returns: %TRUE when the command line names a verb, which crm_cli_run()
 *   handles without starting the graphical application
 */
gboolean
crm_cli_is_verb (int    argc,
                 char **argv)
{
  int index = find_verb_index (argc, argv);

  if (index < 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      if (g_strcmp0 (argv[index], verbs[i].name) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
print_usage (void)
{
  g_printerr ("%s\n", _("Usage:"));
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    g_printerr ("  rapport [--database PATH] %s\n", _(verbs[i].usage));
}

/**
 * crm_cli_run:
 * @argc: the argument count
 * @argv: the arguments of `main()`
 *
 * Runs the verb named on the command line.
 *
 * Returns: the process exit status
 */
int
crm_cli_run (int    argc,
             char **argv)
{
  g_autofree char *database_path = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) copy = NULL;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_path,
      N_("Use the database at PATH"), N_("PATH") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("VERB — run a Rapport command without a window"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  /* GOption rearranges and frees what it parses; keep main()'s intact. */
  copy = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    copy[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &copy, &error))
    {
      print_error (error->message);
      return EXIT_USAGE;
    }

  if (args == NULL || args[0] == NULL)
    {
      print_usage ();
      return EXIT_USAGE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      if (g_strcmp0 (args[0], verbs[i].name) != 0 || g_strcmp0 (args[1], verbs[i].subname) != 0)
        continue;

      return verbs[i].func (database_path, args + 2);
    }

  {
    g_autofree char *line = g_strjoinv (" ", args);
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), line);

    print_error (message);
  }
  print_usage ();

  return EXIT_USAGE;
}
