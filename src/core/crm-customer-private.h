/* crm-customer-private.h — what the two files of CrmCustomer share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-customer.h"

G_BEGIN_DECLS

/*
 * CrmCustomer is one class in two files: crm-customer.c holds the object,
 * its properties, copying and comparing; crm-customer-fields.c the typed
 * getters and setters.
 */
struct _CrmCustomer
{
  GObject          parent_instance;

  gint64           id;
  char            *code;
  char            *name;
  CrmCustomerKind  kind;
  char            *credit_code;
  char            *id_number;
  char            *founded_on;
  gint64           industry_id;
  char            *industry_name;
  char            *industry_code;
  int              employees;
  gint64           annual_revenue;
  CrmCustomerType  customer_type;
  CrmTier          tier;
  char            *province;
  char            *city;
  char            *district;
  char            *street;
  char            *pain_points;
  char            *decision_chain;
  char            *owner;
  CrmReviewState   review_state;
  char            *notes;
  gint64           annual_spend;
  char            *last_contact_at;
  char            *created_at;
  char            *updated_at;
  char            *approved_at;
  char           **tags;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_KIND,
  PROP_CREDIT_CODE,
  PROP_ID_NUMBER,
  PROP_FOUNDED_ON,
  PROP_INDUSTRY_ID,
  PROP_INDUSTRY_NAME,
  PROP_INDUSTRY_CODE,
  PROP_EMPLOYEES,
  PROP_ANNUAL_REVENUE,
  PROP_CUSTOMER_TYPE,
  PROP_TIER,
  PROP_PROVINCE,
  PROP_CITY,
  PROP_DISTRICT,
  PROP_STREET,
  PROP_PAIN_POINTS,
  PROP_DECISION_CHAIN,
  PROP_OWNER,
  PROP_REVIEW_STATE,
  PROP_NOTES,
  PROP_ANNUAL_SPEND,
  PROP_LAST_CONTACT_AT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_APPROVED_AT,
  PROP_TAGS,
  N_PROPS
};

extern GParamSpec *crm_customer_properties[N_PROPS];

char **crm_customer_normalize_tags (const char * const *tags);

G_END_DECLS
