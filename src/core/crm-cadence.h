/* crm-cadence.h — when a customer is due for its next follow-up (跟进频率)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "crm-customer-types.h"

G_BEGIN_DECLS

/**
 * CrmCadence:
 * @interval_days: days between follow-ups, indexed by #CrmTier; the
 *   %CRM_TIER_NONE entry is used for customers not graded yet
 * @prospect_hours: hours after creation a prospect (潜在客户: a record
 *   still in draft, never contacted) must first be contacted
 * @intent_hours: the same for an intent customer (意向客户: an approved
 *   record never contacted yet)
 *
 * The follow-up cadence. Plain data: crm-follow-up-store.c reads and
 * writes it, this file only does the arithmetic.
 */
typedef struct
{
  int interval_days[CRM_TIER_C + 1];
  int prospect_hours;
  int intent_hours;
} CrmCadence;

/**
 * CrmDueState:
 * @CRM_DUE_OVERDUE: the due time has passed (shown in red).
 * @CRM_DUE_TODAY: due later today, in the user's time zone.
 * @CRM_DUE_THIS_WEEK: due after today but before the week ends (Sunday
 *   midnight, local time).
 * @CRM_DUE_LATER: due after this week.
 */
typedef enum
{
  CRM_DUE_OVERDUE,
  CRM_DUE_TODAY,
  CRM_DUE_THIS_WEEK,
  CRM_DUE_LATER,
} CrmDueState;

/* Hours before the due time from which a follow-up counts as due soon
 * (shown in amber). */
#define CRM_CADENCE_SOON_HOURS 48

void         crm_cadence_init_defaults  (CrmCadence       *cadence);
int          crm_cadence_shortest_days  (const CrmCadence *cadence);
GDateTime   *crm_cadence_next_due       (const CrmCadence *cadence,
                                         CrmTier           tier,
                                         gboolean          key_follow_up,
                                         gboolean          prospect,
                                         GDateTime        *created_at,
                                         GDateTime        *last_contact_at,
                                         GDateTime        *explicit_due,
                                         GTimeZone        *zone);
CrmDueState  crm_cadence_classify       (GDateTime        *due,
                                         GDateTime        *now,
                                         GTimeZone        *zone);
gboolean     crm_cadence_is_due_soon    (GDateTime        *due,
                                         GDateTime        *now);
GDateTime   *crm_cadence_end_of_week    (GDateTime        *now,
                                         GTimeZone        *zone);
GDateTime   *crm_cadence_end_of_day     (GDateTime        *now,
                                         GTimeZone        *zone);

GDateTime   *crm_time_parse_utc         (const char       *text);
char        *crm_time_format_utc        (GDateTime        *time);
GDateTime   *crm_time_parse_local       (const char       *text,
                                         GTimeZone        *zone,
                                         int               default_hour);
char        *crm_time_format_local      (const char       *utc_text,
                                         GTimeZone        *zone,
                                         gboolean          with_time);

G_END_DECLS
