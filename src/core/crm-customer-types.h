/* crm-customer-types.h — the enumerations of a customer record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 企业客户 / 个人客户 */
typedef enum
{
  CRM_CUSTOMER_KIND_ENTERPRISE,
  CRM_CUSTOMER_KIND_INDIVIDUAL,
} CrmCustomerKind;

/* 新客户 / 老客户 / 战略客户 */
typedef enum
{
  CRM_CUSTOMER_TYPE_NEW,
  CRM_CUSTOMER_TYPE_RETURNING,
  CRM_CUSTOMER_TYPE_STRATEGIC,
} CrmCustomerType;

/* 客户等级; NONE until the customer is graded. */
typedef enum
{
  CRM_TIER_NONE,
  CRM_TIER_S,
  CRM_TIER_A,
  CRM_TIER_B,
  CRM_TIER_C,
} CrmTier;

/* 信息审核与归档: a draft gets its customer code when approved. */
typedef enum
{
  CRM_REVIEW_STATE_DRAFT,
  CRM_REVIEW_STATE_APPROVED,
} CrmReviewState;

const char      *crm_customer_kind_to_string      (CrmCustomerKind  kind);
CrmCustomerKind  crm_customer_kind_from_string    (const char      *text);
const char      *crm_customer_kind_get_label      (CrmCustomerKind  kind);
const char      *crm_customer_type_to_string      (CrmCustomerType  type);
CrmCustomerType  crm_customer_type_from_string    (const char      *text);
const char      *crm_customer_type_get_label      (CrmCustomerType  type);
const char      *crm_tier_to_string               (CrmTier          tier);
CrmTier          crm_tier_from_string             (const char      *text);
const char      *crm_tier_get_label               (CrmTier          tier);
const char      *crm_review_state_to_string       (CrmReviewState   state);
CrmReviewState   crm_review_state_from_string     (const char      *text);
const char      *crm_review_state_get_label       (CrmReviewState   state);

G_END_DECLS
