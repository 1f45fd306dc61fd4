/* crm-tier-rules.h — the rules that grade customers S/A/B/C (客户等级)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "crm-customer-types.h"

G_BEGIN_DECLS

/**
 * CrmTierRules:
 * @s_min_spend: yuan a year from which a customer is S …
 * @s_min_years: … when it has also cooperated with us this many full years
 * @a_min_spend: yuan a year from which a customer is A
 * @b_min_spend: yuan a year from which a customer is B; below it, C
 *
 * Plain data, read and written by crm-follow-up-store.c.
 */
typedef struct
{
  gint64 s_min_spend;
  int    s_min_years;
  gint64 a_min_spend;
  gint64 b_min_spend;
} CrmTierRules;

void     crm_tier_rules_init_defaults (CrmTierRules       *rules);
gboolean crm_tier_rules_check         (const CrmTierRules *rules,
                                       char              **reason);
CrmTier  crm_tier_rules_grade         (const CrmTierRules *rules,
                                       gint64              annual_spend,
                                       int                 years);
int      crm_cooperation_full_years   (const GDate        *first_started,
                                       const GDate        *as_of);
gboolean crm_quarter_parse            (const char         *text,
                                       GDate              *first_day,
                                       GDate              *last_day);
char    *crm_quarter_for_date         (const GDate        *date);
int      crm_tier_compare             (CrmTier             a,
                                       CrmTier             b);

G_END_DECLS
