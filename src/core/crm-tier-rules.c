/* crm-tier-rules.c — the rules that grade customers S/A/B/C (客户等级)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Pure arithmetic over plain values, so the boundaries are easy to test.
 * Amounts are whole yuan: 50万 is 500 000.
 */

#define G_LOG_DOMAIN "crm-tier-rules"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-tier-rules.h"

/**
 * crm_tier_rules_init_defaults:
 * @rules: the rules to fill
 *
 * S ≥ 50万 a year and ≥ 2 years of cooperation; A 20万–50万; B 5万–20万;
 * C < 5万.
 */
void
crm_tier_rules_init_defaults (CrmTierRules *rules)
{
  g_return_if_fail (rules != NULL);

  rules->s_min_spend = 500000;
  rules->s_min_years = 2;
  rules->a_min_spend = 200000;
  rules->b_min_spend = 50000;
}

/**
 * crm_tier_rules_check:
 * @rules: rules a user entered
 * @reason: (out) (optional): why they are refused
 *
 * Returns: %TRUE when the thresholds rise from B to A to S
 */
gboolean
crm_tier_rules_check (const CrmTierRules  *rules,
                      char               **reason)
{
  g_return_val_if_fail (rules != NULL, FALSE);

  if (rules->b_min_spend < 0 || rules->s_min_years < 0)
    {
      if (reason != NULL)
        *reason = g_strdup (_("Tier rules: amounts and years cannot be negative."));
      return FALSE;
    }

  if (!(rules->b_min_spend < rules->a_min_spend && rules->a_min_spend <= rules->s_min_spend))
    {
      if (reason != NULL)
        *reason = g_strdup (_("Tier rules: the amount for B must be below the one for A, "
                              "and the one for A not above the one for S."));
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_tier_rules_grade:
 * @rules: the rules
 * @annual_spend: what the customer bought over the twelve months graded
 * @years: full years of cooperation
 *
 * A customer with S's spend but fewer years than S asks for is A.
 *
 * Returns: the tier the rules give
 */
CrmTier
crm_tier_rules_grade (const CrmTierRules *rules,
                      gint64              annual_spend,
                      int                 years)
{
  g_return_val_if_fail (rules != NULL, CRM_TIER_NONE);

  if (annual_spend >= rules->s_min_spend && years >= rules->s_min_years)
    return CRM_TIER_S;
  if (annual_spend >= rules->a_min_spend)
    return CRM_TIER_A;
  if (annual_spend >= rules->b_min_spend)
    return CRM_TIER_B;

  return CRM_TIER_C;
}

/**
 * crm_cooperation_full_years:
 * @first_started: the day the first cooperation started
 * @as_of: the day counted to
 *
 * Counted like an age: two years from 2024-09-30 are complete on
 * 2026-09-30; from 29 February, on 28 February of a common year.
 *
 * Returns: the completed years, 0 when @as_of is not after @first_started
 */
int
crm_cooperation_full_years (const GDate *first_started,
                            const GDate *as_of)
{
  int years;
  guint start_month, end_month, start_day, end_day;

  g_return_val_if_fail (g_date_valid (first_started) && g_date_valid (as_of), 0);

  if (g_date_compare (as_of, first_started) <= 0)
    return 0;

  years = g_date_get_year (as_of) - g_date_get_year (first_started);
  start_month = g_date_get_month (first_started);
  end_month = g_date_get_month (as_of);
  start_day = g_date_get_day (first_started);
  end_day = g_date_get_day (as_of);

  /* 29 February counts as complete on the last day of February. */
  if (start_month == 2 && start_day == 29 && !g_date_is_leap_year (g_date_get_year (as_of)))
    start_day = 28;

  if (end_month < start_month || (end_month == start_month && end_day < start_day))
    years--;

  return MAX (years, 0);
}

/**
 * crm_quarter_parse:
 * @text: a quarter such as "2026Q3" (also "2026-Q3", "2026q3")
 * @first_day: (out): its first day
 * @last_day: (out): its last day
 *
 * Returns: %TRUE when @text names a quarter
 */
gboolean
crm_quarter_parse (const char *text,
                   GDate      *first_day,
                   GDate      *last_day)
{
  g_autofree char *copy = NULL;
  char *q;
  char *end = NULL;
  gint64 year;
  int quarter;

  g_return_val_if_fail (first_day != NULL && last_day != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  copy = g_ascii_strup (text, -1);
  q = strchr (copy, 'Q');
  if (q == NULL || q == copy || q[1] < '1' || q[1] > '4' || q[2] != '\0')
    return FALSE;
  quarter = q[1] - '0';
  if (q[-1] == '-')
    q--;
  *q = '\0';

  year = g_ascii_strtoll (copy, &end, 10);
  if (end == copy || *end != '\0' || strlen (copy) != 4 || year < 1900 || year > 9999)
    return FALSE;

  g_date_clear (first_day, 1);
  g_date_clear (last_day, 1);
  g_date_set_dmy (first_day, 1, (quarter - 1) * 3 + 1, year);
  g_date_set_dmy (last_day, 1, (quarter - 1) * 3 + 3, year);
  g_date_set_day (last_day, g_date_get_days_in_month (g_date_get_month (last_day), year));

  return TRUE;
}

/**
 * crm_quarter_for_date:
 * @date: a day
 *
 * Returns: (transfer full): the quarter it falls in, as "2026Q3"
 */
char *
crm_quarter_for_date (const GDate *date)
{
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%04uQ%u", g_date_get_year (date),
                          (g_date_get_month (date) - 1) / 3 + 1);
}

/**
 * crm_tier_compare:
 * @a: a tier
 * @b: another tier
 *
 * Returns: above zero when @a is the higher tier (S above A above B above
 *   C above none), below zero when lower, 0 when the same
 */
int
crm_tier_compare (CrmTier a,
                  CrmTier b)
{
  /* CRM_TIER_S is 1 and CRM_TIER_C is 4; none (0) is lowest. */
  int rank_a = a == CRM_TIER_NONE ? 0 : 5 - (int)a;
  int rank_b = b == CRM_TIER_NONE ? 0 : 5 - (int)b;

  return rank_a - rank_b;
}
