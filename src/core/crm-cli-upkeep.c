/* crm-cli-upkeep.c — the command-line verbs of relationship upkeep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * `rapport regrade --quarter 2026Q3 [--apply --reason TEXT]` shows the
 * proposed tier changes with their figures and, with --apply, makes them
 * one undoable action; `rapport export agenda -o FILE.ics` writes the
 * upcoming follow-ups as an iCalendar file; `rapport demo --follow-ups N`
 * gives each sample customer N follow-ups. crm-cli.c dispatches here.
 */

#define G_LOG_DOMAIN "crm-cli"

#include <glib/gi18n-lib.h>

#include "crm-agenda-export.h"
#include "crm-cli-upkeep.h"
#include "crm-key-follow-up.h"
#include "crm-demo-follow-ups.h"
#include "crm-regrade.h"
#include "crm-tier-rules.h"

#define EXIT_USAGE 64
#define EXIT_REFUSED 4

static char *opt_quarter;
static gboolean opt_apply;
static char *opt_reason;
static char *opt_ics_output;
static gboolean opt_ics_force;
static int opt_days;
int crm_cli_opt_follow_ups;

const GOptionEntry crm_cli_regrade_options[] = {
  { "quarter", 'q', 0, G_OPTION_ARG_STRING, &opt_quarter,
    N_("The quarter to grade, such as 2026Q3 (default: the last one ended)"), N_("QUARTER") },
  { "apply", 0, 0, G_OPTION_ARG_NONE, &opt_apply,
    N_("Make the proposed changes, as one undoable action"), NULL },
  { "reason", 0, 0, G_OPTION_ARG_STRING, &opt_reason,
    N_("Why the tiers change; kept with every change (required with --apply)"), N_("TEXT") },
  { NULL }
};

const GOptionEntry crm_cli_export_agenda_options[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_ics_output,
    N_("Write to FILE"), N_("FILE") },
  { "force", 0, 0, G_OPTION_ARG_NONE, &opt_ics_force,
    N_("Overwrite FILE if it exists"), NULL },
  { "days", 0, 0, G_OPTION_ARG_INT, &opt_days,
    N_("Follow-ups due within N days, overdue ones included (default 30)"), N_("N") },
  { NULL }
};

void
crm_cli_upkeep_reset (void)
{
  g_clear_pointer (&opt_quarter, g_free);
  g_clear_pointer (&opt_reason, g_free);
  g_clear_pointer (&opt_ics_output, g_free);
  opt_apply = opt_ics_force = FALSE;
  opt_days = G_MININT;
  crm_cli_opt_follow_ups = G_MININT;
}

static void
print_error (const char *message)
{
  g_printerr ("rapport: %s\n", message);
}

/* The last quarter that has ended, the one a quarterly re-grade is for. */
static char *
last_quarter (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, g_date_time_get_month (now), g_date_time_get_year (now));
  g_date_subtract_months (&date, 3);

  return crm_quarter_for_date (&date);
}

static char *
format_tier (const char *tier)
{
  /* Translators: a customer without a tier (未分级), in a narrow column. */
  return g_strdup (tier != NULL ? tier : C_("tier", "—"));
}

int
crm_cli_verb_regrade (const char  *database_path,
                      char       **args)
{
  g_autoptr(CrmCustomerStore) store = NULL;
  g_autoptr(GListModel) proposals = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *quarter = NULL;
  g_autoptr(GTimer) timer = NULL;
  guint n, n_up = 0, n_down = 0, n_first = 0;

  if (args[0] != NULL)
    {
      print_error (_("“regrade” takes no arguments; name the quarter with --quarter 2026Q3."));
      return EXIT_USAGE;
    }
  if (opt_apply && (opt_reason == NULL || *g_strstrip (opt_reason) == '\0'))
    {
      print_error (_("--apply needs --reason TEXT: the reason is kept with every tier change."));
      return EXIT_USAGE;
    }

  quarter = opt_quarter != NULL ? g_strdup (opt_quarter) : last_quarter ();

  store = crm_cli_open_store (database_path, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return EXIT_REFUSED;
    }

  timer = g_timer_new ();
  proposals = crm_regrade_propose (crm_customer_store_get_database (store), quarter, &error);
  if (proposals == NULL)
    {
      print_error (error->message);
      return EXIT_USAGE;
    }

  n = g_list_model_get_n_items (proposals);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmRegradeProposal) p = g_list_model_get_item (proposals, i);
      g_autofree char *from = format_tier (crm_regrade_proposal_get_from_tier (p));
      CrmTier from_tier = crm_tier_from_string (crm_regrade_proposal_get_from_tier (p));
      CrmTier to_tier = crm_tier_from_string (crm_regrade_proposal_get_to_tier (p));

      if (from_tier == CRM_TIER_NONE)
        n_first++;
      else if (crm_tier_compare (to_tier, from_tier) > 0)
        n_up++;
      else
        n_down++;

      /* Translators: one proposed tier change: customer, owner, old tier,
       * new tier, purchases over the year in 万元 (ten thousand yuan),
       * full years of cooperation. */
      g_print (_("%s\t%s\t%s → %s\t%.1f万\t%d years\n"),
               crm_regrade_proposal_get_customer_name (p),
               crm_regrade_proposal_get_owner (p) != NULL ? crm_regrade_proposal_get_owner (p) : "",
               from, crm_regrade_proposal_get_to_tier (p),
               crm_regrade_proposal_get_annual_spend (p) / 10000.0,
               crm_regrade_proposal_get_years (p));
    }

  /* Translators: %s is a quarter such as 2026Q3. */
  g_print (_("%s: %u upgrades, %u downgrades and %u first grades proposed (%.2f s).\n"),
           quarter, n_up, n_down, n_first, g_timer_elapsed (timer, NULL));

  if (!opt_apply)
    {
      if (n > 0)
        g_print ("%s\n", _("Nothing changed; apply them with --apply --reason TEXT."));
      return 0;
    }

  {
    guint applied = 0;

    if (!crm_regrade_apply (store, proposals, quarter, opt_reason, &applied, &error))
      {
        print_error (error->message);
        return EXIT_FAILURE;
      }
    g_print (ngettext ("Changed %u tier, as one undoable action.\n",
                       "Changed %u tiers, as one undoable action.\n",
                       applied),
             applied);
  }

  return 0;
}

int
crm_cli_verb_export_agenda (const char  *database_path,
                            char       **args)
{
  g_autoptr(CrmCustomerStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GError) error = NULL;
  int days = opt_days == G_MININT ? CRM_AGENDA_EXPORT_DEFAULT_DAYS : opt_days;
  guint n = 0;

  if (args[0] != NULL || opt_ics_output == NULL)
    {
      print_error (_("Name the file to write with -o: rapport export agenda -o FILE.ics"));
      return EXIT_USAGE;
    }
  if (days < 0 || days > 3660)
    {
      print_error (_("--days takes a number from 0 to 3660."));
      return EXIT_USAGE;
    }

  store = crm_cli_open_store (database_path, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return EXIT_REFUSED;
    }

  /* Customers whose requirements went overdue since the app last ran
   * are flagged before their follow-ups are exported. */
  if (!crm_key_follow_up_flag_overdue (crm_customer_store_get_database (store), &error))
    {
      print_error (error->message);
      return EXIT_REFUSED;
    }

  until = g_date_time_add_days (now, days);
  if (!crm_agenda_export_ics (crm_customer_store_get_database (store), until, opt_ics_output,
                              opt_ics_force, &n, &error))
    {
      print_error (error->message);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        print_error (_("Pass --force to replace it."));
      return EXIT_REFUSED;
    }

  g_print (ngettext ("Exported %u follow-up to “%s”.\n", "Exported %u follow-ups to “%s”.\n", n),
           n, opt_ics_output);

  return 0;
}

/**
 * crm_cli_demo_follow_ups_check:
 *
 * Checks --follow-ups before any sample data is made.
 *
 * Returns: 0, or the exit status of a usage error
 */
int
crm_cli_demo_follow_ups_check (void)
{
  if (crm_cli_opt_follow_ups != G_MININT && (crm_cli_opt_follow_ups < 0 || crm_cli_opt_follow_ups > 100))
    {
      print_error (_("--follow-ups takes a number from 0 to 100."));
      return EXIT_USAGE;
    }

  return 0;
}

/**
 * crm_cli_demo_follow_ups:
 * @store: the store `rapport demo` added customers to
 * @n_customers: how many it added
 *
 * Gives the new customers their sample follow-ups (--follow-ups N).
 *
 * Returns: the exit status
 */
int
crm_cli_demo_follow_ups (CrmCustomerStore *store,
                         guint             n_customers)
{
  g_autoptr(GError) error = NULL;
  guint per_customer = crm_cli_opt_follow_ups == G_MININT ? CRM_DEMO_DEFAULT_FOLLOW_UPS
                                                          : (guint)crm_cli_opt_follow_ups;
  guint n = 0;

  if (!crm_demo_follow_ups_generate (store, n_customers, per_customer, &n, &error))
    {
      print_error (error->message);
      return EXIT_FAILURE;
    }

  if (n > 0)
    g_print (ngettext ("Added %u sample follow-up.\n", "Added %u sample follow-ups.\n", n), n);

  return 0;
}
