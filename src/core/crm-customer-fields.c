/* crm-customer-fields.c — the typed getters and setters of CrmCustomer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One getter and one setter per field. Setters notify only when the value
 * really changes (see crm-customer.c), strings through crm_string_field_set().
 */

#define G_LOG_DOMAIN "crm-customer"

#include "crm-customer-private.h"
#include "crm-string-field.h"

gint64
crm_customer_get_id (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), 0);

  return self->id;
}

void
crm_customer_set_id (CrmCustomer *self,
                     gint64       id)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail (id >= 0);

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_ID]);
    }
}

const char *
crm_customer_get_code (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->code;
}

void
crm_customer_set_code (CrmCustomer *self,
                       const char  *code)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_CODE]);
}

const char *
crm_customer_get_name (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->name;
}

void
crm_customer_set_name (CrmCustomer *self,
                       const char  *name)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_NAME]);
}

CrmCustomerKind
crm_customer_get_kind (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), CRM_CUSTOMER_KIND_ENTERPRISE);

  return self->kind;
}

void
crm_customer_set_kind (CrmCustomer     *self,
                       CrmCustomerKind  kind)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail ((guint)kind <= CRM_CUSTOMER_KIND_INDIVIDUAL);

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_KIND]);
    }
}

const char *
crm_customer_get_credit_code (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->credit_code;
}

void
crm_customer_set_credit_code (CrmCustomer *self,
                              const char  *credit_code)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->credit_code, credit_code))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_CREDIT_CODE]);
}

const char *
crm_customer_get_id_number (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->id_number;
}

void
crm_customer_set_id_number (CrmCustomer *self,
                            const char  *id_number)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->id_number, id_number))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_ID_NUMBER]);
}

const char *
crm_customer_get_founded_on (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->founded_on;
}

void
crm_customer_set_founded_on (CrmCustomer *self,
                             const char  *founded_on)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->founded_on, founded_on))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_FOUNDED_ON]);
}

gint64
crm_customer_get_industry_id (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), 0);

  return self->industry_id;
}

void
crm_customer_set_industry_id (CrmCustomer *self,
                              gint64       industry_id)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail (industry_id >= 0);

  if (self->industry_id != industry_id)
    {
      self->industry_id = industry_id;
      g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_INDUSTRY_ID]);
    }
}

const char *
crm_customer_get_industry_name (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->industry_name;
}

void
crm_customer_set_industry_name (CrmCustomer *self,
                                const char  *industry_name)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->industry_name, industry_name))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_INDUSTRY_NAME]);
}

const char *
crm_customer_get_industry_code (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->industry_code;
}

void
crm_customer_set_industry_code (CrmCustomer *self,
                                const char  *industry_code)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->industry_code, industry_code))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_INDUSTRY_CODE]);
}

int
crm_customer_get_employees (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), 0);

  return self->employees;
}

void
crm_customer_set_employees (CrmCustomer *self,
                            int          employees)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail (employees >= -1);

  if (self->employees != employees)
    {
      self->employees = employees;
      g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_EMPLOYEES]);
    }
}

gint64
crm_customer_get_annual_revenue (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), 0);

  return self->annual_revenue;
}

void
crm_customer_set_annual_revenue (CrmCustomer *self,
                                 gint64       annual_revenue)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail (annual_revenue >= -1);

  if (self->annual_revenue != annual_revenue)
    {
      self->annual_revenue = annual_revenue;
      g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_ANNUAL_REVENUE]);
    }
}

CrmCustomerType
crm_customer_get_customer_type (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), CRM_CUSTOMER_TYPE_NEW);

  return self->customer_type;
}

void
crm_customer_set_customer_type (CrmCustomer     *self,
                                CrmCustomerType  customer_type)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail ((guint)customer_type <= CRM_CUSTOMER_TYPE_STRATEGIC);

  if (self->customer_type != customer_type)
    {
      self->customer_type = customer_type;
      g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_CUSTOMER_TYPE]);
    }
}

CrmTier
crm_customer_get_tier (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), CRM_TIER_NONE);

  return self->tier;
}

void
crm_customer_set_tier (CrmCustomer *self,
                       CrmTier      tier)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail ((guint)tier <= CRM_TIER_C);

  if (self->tier != tier)
    {
      self->tier = tier;
      g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_TIER]);
    }
}

const char *
crm_customer_get_province (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->province;
}

void
crm_customer_set_province (CrmCustomer *self,
                           const char  *province)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->province, province))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_PROVINCE]);
}

const char *
crm_customer_get_city (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->city;
}

void
crm_customer_set_city (CrmCustomer *self,
                       const char  *city)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->city, city))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_CITY]);
}

const char *
crm_customer_get_district (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->district;
}

void
crm_customer_set_district (CrmCustomer *self,
                           const char  *district)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->district, district))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_DISTRICT]);
}

const char *
crm_customer_get_street (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->street;
}

void
crm_customer_set_street (CrmCustomer *self,
                         const char  *street)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->street, street))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_STREET]);
}

const char *
crm_customer_get_pain_points (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->pain_points;
}

void
crm_customer_set_pain_points (CrmCustomer *self,
                              const char  *pain_points)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->pain_points, pain_points))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_PAIN_POINTS]);
}

const char *
crm_customer_get_decision_chain (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->decision_chain;
}

void
crm_customer_set_decision_chain (CrmCustomer *self,
                                 const char  *decision_chain)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->decision_chain, decision_chain))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_DECISION_CHAIN]);
}

const char *
crm_customer_get_owner (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->owner;
}

void
crm_customer_set_owner (CrmCustomer *self,
                        const char  *owner)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->owner, owner))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_OWNER]);
}

CrmReviewState
crm_customer_get_review_state (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), CRM_REVIEW_STATE_DRAFT);

  return self->review_state;
}

void
crm_customer_set_review_state (CrmCustomer    *self,
                               CrmReviewState  review_state)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail ((guint)review_state <= CRM_REVIEW_STATE_APPROVED);

  if (self->review_state != review_state)
    {
      self->review_state = review_state;
      g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_REVIEW_STATE]);
    }
}

const char *
crm_customer_get_notes (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->notes;
}

void
crm_customer_set_notes (CrmCustomer *self,
                        const char  *notes)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_NOTES]);
}

gint64
crm_customer_get_annual_spend (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), 0);

  return self->annual_spend;
}

void
crm_customer_set_annual_spend (CrmCustomer *self,
                               gint64       annual_spend)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));
  g_return_if_fail (annual_spend >= 0);

  if (self->annual_spend != annual_spend)
    {
      self->annual_spend = annual_spend;
      g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_ANNUAL_SPEND]);
    }
}

const char *
crm_customer_get_last_contact_at (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->last_contact_at;
}

void
crm_customer_set_last_contact_at (CrmCustomer *self,
                                  const char  *last_contact_at)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->last_contact_at, last_contact_at))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_LAST_CONTACT_AT]);
}

const char *
crm_customer_get_created_at (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->created_at;
}

void
crm_customer_set_created_at (CrmCustomer *self,
                             const char  *created_at)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_CREATED_AT]);
}

const char *
crm_customer_get_updated_at (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->updated_at;
}

void
crm_customer_set_updated_at (CrmCustomer *self,
                             const char  *updated_at)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_UPDATED_AT]);
}

const char *
crm_customer_get_approved_at (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return self->approved_at;
}

void
crm_customer_set_approved_at (CrmCustomer *self,
                              const char  *approved_at)
{
  g_return_if_fail (CRM_IS_CUSTOMER (self));

  if (crm_string_field_set (&self->approved_at, approved_at))
    g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_APPROVED_AT]);
}

/**
 * crm_customer_get_tags:
 * @self: a #CrmCustomer
 *
 * Returns: (nullable) (transfer none): the names of the customer's tags,
 *   or %NULL when it has none
 */
const char * const *
crm_customer_get_tags (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), NULL);

  return (const char * const *)self->tags;
}

/**
 * crm_customer_set_tags:
 * @self: a #CrmCustomer
 * @tags: (nullable) (array zero-terminated=1): tag names
 *
 * Sets the tags. Empty names and repeated names are dropped; an empty list
 * is stored as %NULL.
 */
void
crm_customer_set_tags (CrmCustomer        *self,
                       const char * const *tags)
{
  char **normalized;

  g_return_if_fail (CRM_IS_CUSTOMER (self));

  normalized = crm_customer_normalize_tags (tags);

  if (normalized == NULL && self->tags == NULL)
    return;

  if (normalized != NULL && self->tags != NULL &&
      g_strv_equal ((const char * const *)normalized, (const char * const *)self->tags))
    {
      g_strfreev (normalized);
      return;
    }

  g_strfreev (self->tags);
  self->tags = normalized;

  g_object_notify_by_pspec (G_OBJECT (self), crm_customer_properties[PROP_TAGS]);
}
