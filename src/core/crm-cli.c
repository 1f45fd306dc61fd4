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
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "crm-cli.h"
#include "crm-cli-upkeep.h"
#include "crm-customer-export.h"
#include "crm-customer-import.h"
#include "crm-database.h"
#include "crm-demo.h"
#include "crm-demo-requirements.h"
#include "crm-requirement-export.h"
#include "crm-report-make.h"
#include "crm-questionnaire-json.h"
#include "crm-questionnaire-results.h"

/* Exit status when the command line itself is wrong or a file is refused. */
#define EXIT_USAGE 64
#define EXIT_REFUSED 4

typedef int (*CrmVerbFunc) (const char  *database_path,
                            char       **args);

/* A verb with a NULL subname takes the words after its name as
 * arguments; @options (nullable) are parsed only when the verb is named. */
typedef struct
{
  const char         *name;
  const char         *subname;
  const char         *usage;
  CrmVerbFunc         func;
  const GOptionEntry *options;
} CrmVerb;

static int verb_db_check         (const char *database_path, char **args);
static int verb_db_backup        (const char *database_path, char **args);
static int verb_demo             (const char *database_path, char **args);
static int verb_import_customers (const char *database_path, char **args);
static int verb_export_customers (const char *database_path, char **args);
static int verb_export_requirements (const char *database_path, char **args);
static int verb_report           (const char *database_path, char **args);
static int verb_questionnaire_list   (const char *database_path, char **args);
static int verb_questionnaire_import (const char *database_path, char **args);
static int verb_questionnaire_export (const char *database_path, char **args);
static int verb_export_responses     (const char *database_path, char **args);

/* The values of the verbs' own options; crm_cli_run() resets them. */
static int opt_customers;
static int opt_requirements;
static gboolean opt_dry_run;
static gboolean opt_mask;
static gboolean opt_force;
static char *opt_output;
static char *opt_period;
static char *opt_segment;

static const GOptionEntry demo_options[] = {
  { "customers", 'n', 0, G_OPTION_ARG_INT, &opt_customers,
    N_("How many sample customers to add (default 200)"), N_("N") },
  { "follow-ups", 0, 0, G_OPTION_ARG_INT, &crm_cli_opt_follow_ups,
    N_("How many follow-ups each sample customer gets (default 3)"), N_("N") },
  { "requirements", 'r', 0, G_OPTION_ARG_INT, &opt_requirements,
    N_("How many sample requirements to add (default 300 when no size is given)"), N_("N") },
  { NULL }
};

static const GOptionEntry import_options[] = {
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, &opt_dry_run,
    N_("Check every row and write the rejected rows, but change nothing"), NULL },
  { NULL }
};

static const GOptionEntry export_options[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
    N_("Write to FILE"), N_("FILE") },
  { "mask", 0, 0, G_OPTION_ARG_NONE, &opt_mask,
    N_("Mask phone numbers, e-mail addresses, personal names and ID numbers"), NULL },
  { "force", 0, 0, G_OPTION_ARG_NONE, &opt_force,
    N_("Overwrite FILE if it exists"), NULL },
  { NULL }
};

static const GOptionEntry report_options[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
    N_("Write to FILE"), N_("FILE") },
  { "period", 'p', 0, G_OPTION_ARG_STRING, &opt_period,
    N_("The period: a quarter (2026Q3), a year (2026) or dates (2026-01-01..2026-06-30); "
       "default: the current quarter"), N_("PERIOD") },
  { "segment", 's', 0, G_OPTION_ARG_STRING, &opt_segment,
    N_("Only the customers of industry:ID, tier:S|A|B|C or owner:NAME"), N_("SEGMENT") },
  { "mask", 0, 0, G_OPTION_ARG_NONE, &opt_mask,
    N_("Mask contacts' names and phone numbers and individuals' names"), NULL },
  { "force", 0, 0, G_OPTION_ARG_NONE, &opt_force,
    N_("Overwrite FILE if it exists"), NULL },
  { NULL }
};

static const GOptionEntry write_options[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
    N_("Write to FILE"), N_("FILE") },
  { "force", 0, 0, G_OPTION_ARG_NONE, &opt_force,
    N_("Overwrite FILE if it exists"), NULL },
  { NULL }
};

static const CrmVerb verbs[] = {
  { "db", "check", N_("db check"), verb_db_check, NULL },
  { "db", "backup", N_("db backup FILE"), verb_db_backup, NULL },
  { "demo", NULL, N_("demo [--customers N] [--follow-ups N] [--requirements N]"), verb_demo, demo_options },
  { "import", "customers", N_("import customers FILE.csv [--dry-run]"),
    verb_import_customers, import_options },
  { "export", "customers", N_("export customers -o FILE.csv [--mask] [--force]"),
    verb_export_customers, export_options },
  { "regrade", NULL, N_("regrade [--quarter 2026Q3] [--apply --reason TEXT]"),
    crm_cli_verb_regrade, crm_cli_regrade_options },
  { "export", "agenda", N_("export agenda -o FILE.ics [--days N] [--force]"),
    crm_cli_verb_export_agenda, crm_cli_export_agenda_options },
  { "export", "requirements", N_("export requirements -o FILE.csv [--mask] [--force]"),
    verb_export_requirements, export_options },
  { "report", NULL, N_("report -o FILE.pdf [--period 2026Q3] [--segment KEY] [--mask] [--force]"),
    verb_report, report_options },
  { "questionnaire", "list", N_("questionnaire list"), verb_questionnaire_list, NULL },
  { "questionnaire", "import", N_("questionnaire import FILE.json"), verb_questionnaire_import, NULL },
  { "questionnaire", "export", N_("questionnaire export TEMPLATE-ID -o FILE.json [--force]"),
    verb_questionnaire_export, write_options },
  { "export", "responses", N_("export responses TEMPLATE-ID -o FILE.csv [--force]"),
    verb_export_responses, write_options },
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

static CrmCustomerStore *
open_store (const char  *database_path,
            GError     **error)
{
  g_autofree char *path = resolve_database_path (database_path);
  g_autoptr(CrmDatabase) database = NULL;
  g_autoptr(CrmJournal) journal = NULL;

  database = crm_database_open (path, error);
  if (database == NULL)
    return NULL;

  journal = crm_journal_new (database);

  return crm_customer_store_new (journal);
}

CrmCustomerStore *
crm_cli_open_store (const char  *database_path,
                    GError     **error)
{
  return open_store (database_path, error);
}

/* Sample requirements for the customers just added (and any before). */
static int
demo_requirements (CrmCustomerStore *store,
                   guint             n_requirements)
{
  g_autoptr(CrmRequirementStore) requirements = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();

  if (n_requirements == 0)
    return 0;

  requirements = crm_requirement_store_new (crm_customer_store_get_journal (store));
  if (!crm_demo_requirements_generate (requirements, n_requirements, &error))
    {
      print_error (error->message);
      return EXIT_FAILURE;
    }

  g_print (ngettext ("Added %u sample requirement (%.1f s).\n",
                     "Added %u sample requirements (%.1f s).\n", n_requirements),
           n_requirements, g_timer_elapsed (timer, NULL));

  return 0;
}

static int
verb_demo (const char  *database_path,
           char       **args)
{
  g_autoptr(CrmCustomerStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  CrmDemoSummary summary;
  guint n_customers;

  if (args[0] != NULL)
    {
      print_error (_("“demo” takes no arguments; say how many customers with --customers N."));
      return EXIT_USAGE;
    }

  /* A million is far beyond any demo; a typo should not fill the disk. */
  if (opt_customers != G_MININT && (opt_customers < 0 || opt_customers > 1000000))
    {
      print_error (_("--customers takes a number from 0 to 1000000."));
      return EXIT_USAGE;
    }
  n_customers = opt_customers == G_MININT ? CRM_DEMO_DEFAULT_CUSTOMERS : (guint) opt_customers;
  if (crm_cli_demo_follow_ups_check () != 0)
    return EXIT_USAGE;
  if (opt_requirements != G_MININT && (opt_requirements < 0 || opt_requirements > 1000000))
    {
      print_error (_("--requirements takes a number from 0 to 1000000."));
      return EXIT_USAGE;
    }

  store = open_store (database_path, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return EXIT_REFUSED;
    }

  timer = g_timer_new ();
  if (!crm_demo_generate (store, n_customers, &summary, &error))
    {
      print_error (error->message);
      return EXIT_FAILURE;
    }

  g_print (ngettext ("Added %u sample customer with %u contacts and %u cooperation records; "
                     "%u approved (%.1f s).\n",
                     "Added %u sample customers with %u contacts and %u cooperation records; "
                     "%u approved (%.1f s).\n",
                     summary.n_customers),
           summary.n_customers, summary.n_contacts, summary.n_cooperations,
           summary.n_approved, g_timer_elapsed (timer, NULL));

  {
    int status = crm_cli_demo_follow_ups (store, summary.n_customers);

    if (status != 0)
      return status;
  }

  return demo_requirements (store, opt_requirements != G_MININT ? (guint) opt_requirements
                                   : opt_customers == G_MININT ? CRM_DEMO_DEFAULT_REQUIREMENTS : 0);
}

typedef struct
{
  int      last_shown;
  gboolean terminal;
} Progress;

/* Every 5%, on stderr so that stdout keeps only the summary. */
static void
show_progress (double   fraction,
               gpointer user_data)
{
  Progress *progress = user_data;
  int percent = (int) (fraction * 100);

  if (percent / 5 == progress->last_shown / 5)
    return;
  progress->last_shown = percent;

  /* Translators: import progress, e.g. "Importing… 35%". */
  g_printerr (_("Importing… %d%%"), percent);
  g_printerr (progress->terminal ? "\r" : "\n");
}

static int
verb_import_customers (const char  *database_path,
                       char       **args)
{
  g_autoptr(CrmCustomerStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CrmImportSummary) summary = { 0 };
  Progress progress = { 0, isatty (STDERR_FILENO) };
  CrmImportFlags flags = opt_dry_run ? CRM_IMPORT_DRY_RUN : CRM_IMPORT_DEFAULT;
  g_autofree char *imported = NULL;

  if (args[0] == NULL || args[1] != NULL)
    {
      print_error (_("Name one CSV file to import: rapport import customers FILE.csv"));
      return EXIT_USAGE;
    }

  store = open_store (database_path, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return EXIT_REFUSED;
    }

  if (!crm_customer_import_run (store, args[0], flags, show_progress, &progress, &summary, &error))
    {
      if (progress.terminal && progress.last_shown > 0)
        g_printerr ("\n");
      print_error (error->message);
      return EXIT_REFUSED;
    }
  if (progress.terminal && progress.last_shown > 0)
    g_printerr ("\n");

  for (guint i = 0; summary.warnings != NULL && summary.warnings[i] != NULL; i++)
    g_printerr ("rapport: %s\n", summary.warnings[i]);

  imported = g_strdup_printf (opt_dry_run
                              ? ngettext ("Would import %u customer", "Would import %u customers",
                                          summary.n_imported)
                              : ngettext ("Imported %u customer", "Imported %u customers",
                                          summary.n_imported),
                              summary.n_imported);

  if (summary.n_rejected > 0)
    /* Translators: the first %s is "Imported N customers". */
    g_print (ngettext ("%s; rejected %u row (see %s)", "%s; rejected %u rows (see %s)",
                       summary.n_rejected),
             imported, summary.n_rejected, summary.rejected_path);
  else
    /* Translators: %s is "Imported N customers". */
    g_print (_("%s; rejected 0 rows"), imported);
  g_print (".\n");

  if (opt_dry_run)
    g_print ("%s\n", _("Nothing was changed (dry run)."));

  return 0;
}

typedef gboolean (*ExportFunc) (CrmCustomerStore  *store,
                                const char        *path,
                                CrmExportFlags     flags,
                                guint             *n_rows,
                                GError           **error);

/* What `export customers` and `export requirements` share: -o, --mask
 * and --force, the messages, the exit status. */
static int
run_export (const char  *database_path,
            char       **args,
            const char  *usage,
            ExportFunc   func,
            guint       *n_rows)
{
  g_autoptr(CrmCustomerStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CrmExportFlags flags = CRM_EXPORT_DEFAULT;

  if (args[0] != NULL || opt_output == NULL)
    {
      print_error (usage);
      return EXIT_USAGE;
    }

  if (opt_mask)
    flags |= CRM_EXPORT_MASK;
  if (opt_force)
    flags |= CRM_EXPORT_OVERWRITE;

  store = open_store (database_path, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return EXIT_REFUSED;
    }

  if (!func (store, opt_output, flags, n_rows, &error))
    {
      print_error (error->message);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        print_error (_("Pass --force to replace it."));
      return EXIT_REFUSED;
    }

  return 0;
}

static int
verb_export_customers (const char  *database_path,
                       char       **args)
{
  guint n_customers = 0;
  int status = run_export (database_path, args,
                           _("Name the file to write with -o: rapport export customers -o FILE.csv"),
                           crm_customer_export_run, &n_customers);

  if (status == 0)
    g_print (ngettext ("Exported %u customer to “%s”.\n", "Exported %u customers to “%s”.\n",
                       n_customers),
             n_customers, opt_output);

  return status;
}

static gboolean
export_requirements (CrmCustomerStore  *store,
                     const char        *path,
                     CrmExportFlags     flags,
                     guint             *n_rows,
                     GError           **error)
{
  g_autoptr(CrmRequirementStore) requirements =
    crm_requirement_store_new (crm_customer_store_get_journal (store));

  return crm_requirement_export_run (requirements, path, flags, n_rows, error);
}

static int
verb_export_requirements (const char  *database_path,
                          char       **args)
{
  guint n_requirements = 0;
  int status = run_export (database_path, args,
                           _("Name the file to write with -o: rapport export requirements -o FILE.csv"),
                           export_requirements, &n_requirements);

  if (status == 0)
    g_print (ngettext ("Exported %u requirement to “%s”.\n", "Exported %u requirements to “%s”.\n",
                       n_requirements),
             n_requirements, opt_output);

  return status;
}

static int
verb_report (const char  *database_path,
             char       **args)
{
  g_autofree char *path = resolve_database_path (database_path);
  g_autoptr(CrmDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CrmSegment) segment = { 0 };
  CrmReportWriteFlags flags = opt_force ? CRM_REPORT_WRITE_OVERWRITE : CRM_REPORT_WRITE_DEFAULT;
  CrmPeriod period;
  guint n_pages = 0;

  if (args[0] != NULL || opt_output == NULL)
    {
      print_error (_("Name the PDF file to write with -o: rapport report -o FILE.pdf"));
      return EXIT_USAGE;
    }

  if (opt_period != NULL)
    {
      if (!crm_period_parse (&period, opt_period, &error))
        {
          print_error (error->message);
          return EXIT_USAGE;
        }
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      crm_period_init_current_quarter (&period, now);
    }

  if (!crm_segment_parse (&segment, opt_segment))
    {
      g_autofree char *message = g_strdup_printf (_("--segment “%s” is not a segment; write industry:ID, "
                                                    "tier:S (or A, B, C) or owner:NAME."), opt_segment);

      print_error (message);
      return EXIT_USAGE;
    }

  database = crm_database_open (path, &error);
  if (database == NULL)
    {
      print_error (error->message);
      return EXIT_REFUSED;
    }

  if (!crm_report_write_pdf (database, &period, &segment, opt_mask, opt_output, flags, &n_pages, &error))
    {
      print_error (error->message);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        print_error (_("Pass --force to replace it."));
      return EXIT_REFUSED;
    }

  g_print (ngettext ("Wrote the report of %s (%u page) to “%s”.\n",
                     "Wrote the report of %s (%u pages) to “%s”.\n", n_pages),
           period.key, n_pages, opt_output);

  return 0;
}

/* Questionnaires ---------------------------------------------------- */

static CrmQuestionnaireStore *
open_questionnaires (const char  *database_path,
                     GError     **error)
{
  g_autoptr(CrmCustomerStore) store = open_store (database_path, error);

  return store != NULL ? crm_questionnaire_store_new (store) : NULL;
}

/* Says why a file was not written; the exit status for it. */
static int
refuse_write (const GError *error)
{
  print_error (error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    print_error (_("Pass --force to replace it."));

  return EXIT_REFUSED;
}

/* The template id named by the one argument, or 0 after saying why. */
static gint64
parse_template_id (char       **args,
                   const char  *usage)
{
  guint64 id = 0;

  if (args[0] == NULL || args[1] != NULL || opt_output == NULL ||
      !g_ascii_string_to_unsigned (args[0], 10, 1, G_MAXINT64, &id, NULL))
    {
      print_error (usage);
      return 0;
    }

  return (gint64)id;
}

static int
verb_questionnaire_list (const char  *database_path,
                         char       **args)
{
  g_autoptr(CrmQuestionnaireStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *templates;

  if (args[0] != NULL)
    {
      print_error (_("“questionnaire list” takes no arguments."));
      return EXIT_USAGE;
    }

  store = open_questionnaires (database_path, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return EXIT_REFUSED;
    }

  templates = crm_questionnaire_store_list_templates (store);
  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(CrmQuestionnaire) questionnaire = g_list_model_get_item (templates, i);

      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, crm_questionnaire_get_id (questionnaire));

      /* Translators: one template per line: its id, name and version,
       * separated by tabs. */
      g_print (_("%s\t%s\tversion %d\n"), id,
               crm_questionnaire_get_name (questionnaire), crm_questionnaire_get_version (questionnaire));
    }

  return 0;
}

static int
verb_questionnaire_import (const char  *database_path,
                           char       **args)
{
  g_autoptr(CrmQuestionnaireStore) store = NULL;
  g_autoptr(CrmQuestionnaire) questionnaire = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (args[0] == NULL || args[1] != NULL)
    {
      print_error (_("Name one template file: rapport questionnaire import FILE.json"));
      return EXIT_USAGE;
    }

  store = open_questionnaires (database_path, &error);
  if (store != NULL)
    id = crm_questionnaire_store_import_template (store, args[0], &error);
  if (store == NULL || id <= 0)
    {
      print_error (error->message);
      print_error (_("Nothing was imported."));
      return EXIT_REFUSED;
    }

  questionnaire = crm_questionnaire_store_get_template (store, id, NULL);
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    /* Translators: the template's name, then its id. */
    g_print (_("Imported the template “%s” as %s.\n"), crm_questionnaire_get_name (questionnaire), number);
  }

  return 0;
}

static int
verb_questionnaire_export (const char  *database_path,
                           char       **args)
{
  g_autoptr(CrmQuestionnaireStore) store = NULL;
  g_autoptr(CrmQuestionnaire) questionnaire = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = parse_template_id (args, _("Name the template and the file: rapport questionnaire export TEMPLATE-ID -o FILE.json"));

  if (id <= 0)
    return EXIT_USAGE;

  store = open_questionnaires (database_path, &error);
  if (store != NULL)
    questionnaire = crm_questionnaire_store_get_template (store, id, &error);
  if (questionnaire == NULL ||
      !crm_questionnaire_save_file (questionnaire, opt_output, opt_force, &error))
    return refuse_write (error);

  g_print (_("Exported the template “%s” to “%s”.\n"), crm_questionnaire_get_name (questionnaire), opt_output);

  return 0;
}

static int
verb_export_responses (const char  *database_path,
                       char       **args)
{
  g_autoptr(CrmQuestionnaireStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = parse_template_id (args, _("Name the template and the file: rapport export responses TEMPLATE-ID -o FILE.csv"));
  guint n = 0;

  if (id <= 0)
    return EXIT_USAGE;

  store = open_questionnaires (database_path, &error);
  if (store == NULL || !crm_questionnaire_results_export_csv (store, id, opt_output, opt_force, &n, &error))
    return refuse_write (error);

  g_print (ngettext ("Exported %u response to “%s”.\n", "Exported %u responses to “%s”.\n", n), n, opt_output);

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

/* The verb the command line names, looked up before the options are
 * parsed: the word at find_verb_index() and, for verbs with a subname,
 * the word after it. */
static const CrmVerb *
find_verb (int    argc,
           char **argv)
{
  int index = find_verb_index (argc, argv);
  const char *next;

  if (index < 0)
    return NULL;

  next = index + 1 < argc ? argv[index + 1] : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      if (g_strcmp0 (argv[index], verbs[i].name) != 0)
        continue;

      if (verbs[i].subname == NULL || g_strcmp0 (next, verbs[i].subname) == 0)
        return &verbs[i];
    }

  return NULL;
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

  opt_customers = G_MININT;  /* not given */
  opt_requirements = G_MININT;
  opt_dry_run = opt_mask = opt_force = FALSE;
  g_clear_pointer (&opt_output, g_free);
  crm_cli_upkeep_reset ();
  g_clear_pointer (&opt_period, g_free);
  g_clear_pointer (&opt_segment, g_free);

  /* Each verb's own options are known only once the verb is: they are
   * added before parsing so they may appear anywhere on the line. */
  {
    const CrmVerb *verb = find_verb (argc, argv);

    if (verb != NULL && verb->options != NULL)
      g_option_context_add_main_entries (context, verb->options, GETTEXT_PACKAGE);
  }

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
      if (g_strcmp0 (args[0], verbs[i].name) != 0)
        continue;

      if (verbs[i].subname == NULL)
        return verbs[i].func (database_path, args + 1);

      if (g_strcmp0 (args[1], verbs[i].subname) == 0)
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
