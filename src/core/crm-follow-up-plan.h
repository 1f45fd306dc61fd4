/* crm-follow-up-plan.h — planning each customer's next follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-cadence.h"
#include "crm-customer-store.h"
#include "crm-tier-rules.h"

G_BEGIN_DECLS

void      crm_upkeep_rules_load          (CrmDatabase        *db,
                                          CrmCadence         *cadence,
                                          CrmTierRules       *rules);
gboolean  crm_upkeep_rules_write         (CrmDatabase        *db,
                                          const CrmCadence   *cadence,
                                          const CrmTierRules *rules,
                                          GError            **error);
gboolean  crm_upkeep_rules_save          (CrmCustomerStore   *store,
                                          const CrmCadence   *cadence,
                                          const CrmTierRules *rules,
                                          GError            **error);
gboolean  crm_follow_up_replan           (CrmDatabase        *db,
                                          gint64              customer_id,
                                          GError            **error);
gboolean  crm_follow_up_replan_with      (CrmDatabase        *db,
                                          gint64              customer_id,
                                          const CrmCadence   *cadence,
                                          GTimeZone          *zone,
                                          GError            **error);
gboolean  crm_follow_up_replan_all       (CrmDatabase        *db,
                                          GError            **error);
gboolean  crm_follow_up_replan_after     (CrmDatabase        *db,
                                          gint64              after_id,
                                          GError            **error);
char     *crm_follow_up_read_tier        (CrmDatabase        *db,
                                          gint64              customer_id);
char     *crm_follow_up_dup_first_contact_delay (CrmDatabase *db);
gboolean  crm_follow_up_customer_written (CrmDatabase        *db,
                                          gint64              customer_id,
                                          const char         *old_tier,
                                          GError            **error);
gboolean  crm_follow_up_read_plan        (CrmDatabase        *db,
                                          gint64              customer_id,
                                          char              **next_due_at,
                                          char              **next_action);
char     *crm_upkeep_current_user        (void);
char     *crm_upkeep_now_utc             (void);
gboolean  crm_upkeep_is_blank            (const char         *text);

G_END_DECLS
