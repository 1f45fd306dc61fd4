/* crm-follow-up.h — one follow-up with a customer (跟进记录)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_TYPE_FOLLOW_UP (crm_follow_up_get_type ())

G_DECLARE_FINAL_TYPE (CrmFollowUp, crm_follow_up, CRM, FOLLOW_UP, GObject)

/*
 * Properties (read-write, explicit notify): id, customer-id (gint64);
 * happened-at and next-action-due (UTC times as stored, next-action-due
 * nullable); owner; channel ("phone", "visit", "email" or "meeting" —
 * 电话/拜访/邮件/线上会议); content; feedback ("clear-need", "pending" or
 * "refused" — 明确需求/待确认/拒绝); refusal-reason; next-action.
 */

CrmFollowUp *crm_follow_up_new                 (void);
gint64      crm_follow_up_get_id              (CrmFollowUp *self);
void        crm_follow_up_set_id              (CrmFollowUp *self,
                                               gint64 id);
gint64      crm_follow_up_get_customer_id     (CrmFollowUp *self);
void        crm_follow_up_set_customer_id     (CrmFollowUp *self,
                                               gint64 customer_id);
const char *crm_follow_up_get_happened_at     (CrmFollowUp *self);
void        crm_follow_up_set_happened_at     (CrmFollowUp *self,
                                               const char *happened_at);
const char *crm_follow_up_get_owner           (CrmFollowUp *self);
void        crm_follow_up_set_owner           (CrmFollowUp *self,
                                               const char *owner);
const char *crm_follow_up_get_channel         (CrmFollowUp *self);
void        crm_follow_up_set_channel         (CrmFollowUp *self,
                                               const char *channel);
const char *crm_follow_up_get_content         (CrmFollowUp *self);
void        crm_follow_up_set_content         (CrmFollowUp *self,
                                               const char *content);
const char *crm_follow_up_get_feedback        (CrmFollowUp *self);
void        crm_follow_up_set_feedback        (CrmFollowUp *self,
                                               const char *feedback);
const char *crm_follow_up_get_refusal_reason  (CrmFollowUp *self);
void        crm_follow_up_set_refusal_reason  (CrmFollowUp *self,
                                               const char *refusal_reason);
const char *crm_follow_up_get_next_action     (CrmFollowUp *self);
void        crm_follow_up_set_next_action     (CrmFollowUp *self,
                                               const char *next_action);
const char *crm_follow_up_get_next_action_due (CrmFollowUp *self);
void        crm_follow_up_set_next_action_due (CrmFollowUp *self,
                                               const char *next_action_due);

G_END_DECLS
