/* crm-customer.h — one customer record (客户)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "crm-customer-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_CUSTOMER (crm_customer_get_type ())

G_DECLARE_FINAL_TYPE (CrmCustomer, crm_customer, CRM, CUSTOMER, GObject)

/*
 * A CrmCustomer is a snapshot of one row of the `customer` table, with one
 * GObject property per field. Amounts are whole yuan; the interface shows
 * them in 万元. Dates are ISO 8601 strings ("2024-03-01"), times ISO 8601
 * UTC ("2024-03-01T08:00:00Z"). An id of 0 means not saved yet. Unknown
 * numbers are -1.
 *
 * Properties (all read-write, explicit notify):
 *   id (gint64), code (string, NULL until approved), name, kind
 *   (CrmCustomerKind as int), credit-code, id-number, founded-on,
 *   industry-id (gint64, 0 for none), industry-name and industry-code
 *   (read from the industry table), employees (int), annual-revenue
 *   (gint64), customer-type (CrmCustomerType as int), tier (CrmTier as
 *   int), province, city, district, street, pain-points, decision-chain,
 *   owner, review-state (CrmReviewState as int), notes, annual-spend
 *   (gint64), last-contact-at, created-at, updated-at, approved-at,
 *   tags (GStrv).
 *
 * Employees and annual-revenue are -1 until known; annual-spend, like the
 * database column, is never unknown and starts at 0. Setters store an
 * empty string as NULL and notify only when the value changes. Tags are a set: empty and repeated names are dropped, and no
 * tags is NULL. crm_customer_equal_fields() compares the fields a person
 * edits: all but id, code, industry-name, industry-code,
 * created-at, updated-at and approved-at.
 */

CrmCustomer        *crm_customer_new                 (void);
CrmCustomer        *crm_customer_copy                (CrmCustomer        *self);
gboolean            crm_customer_equal_fields        (CrmCustomer        *self,
                                                      CrmCustomer        *other);

gint64              crm_customer_get_id              (CrmCustomer        *self);
void                crm_customer_set_id              (CrmCustomer        *self,
                                                      gint64              id);
const char         *crm_customer_get_code            (CrmCustomer        *self);
void                crm_customer_set_code            (CrmCustomer        *self,
                                                      const char         *code);
const char         *crm_customer_get_name            (CrmCustomer        *self);
void                crm_customer_set_name            (CrmCustomer        *self,
                                                      const char         *name);
CrmCustomerKind     crm_customer_get_kind            (CrmCustomer        *self);
void                crm_customer_set_kind            (CrmCustomer        *self,
                                                      CrmCustomerKind     kind);
const char         *crm_customer_get_credit_code     (CrmCustomer        *self);
void                crm_customer_set_credit_code     (CrmCustomer        *self,
                                                      const char         *credit_code);
const char         *crm_customer_get_id_number       (CrmCustomer        *self);
void                crm_customer_set_id_number       (CrmCustomer        *self,
                                                      const char         *id_number);
const char         *crm_customer_get_founded_on      (CrmCustomer        *self);
void                crm_customer_set_founded_on      (CrmCustomer        *self,
                                                      const char         *founded_on);
gint64              crm_customer_get_industry_id     (CrmCustomer        *self);
void                crm_customer_set_industry_id     (CrmCustomer        *self,
                                                      gint64              industry_id);
const char         *crm_customer_get_industry_name   (CrmCustomer        *self);
void                crm_customer_set_industry_name   (CrmCustomer        *self,
                                                      const char         *industry_name);
const char         *crm_customer_get_industry_code   (CrmCustomer        *self);
void                crm_customer_set_industry_code   (CrmCustomer        *self,
                                                      const char         *industry_code);
int                 crm_customer_get_employees       (CrmCustomer        *self);
void                crm_customer_set_employees       (CrmCustomer        *self,
                                                      int                 employees);
gint64              crm_customer_get_annual_revenue  (CrmCustomer        *self);
void                crm_customer_set_annual_revenue  (CrmCustomer        *self,
                                                      gint64              annual_revenue);
CrmCustomerType     crm_customer_get_customer_type   (CrmCustomer        *self);
void                crm_customer_set_customer_type   (CrmCustomer        *self,
                                                      CrmCustomerType     customer_type);
CrmTier             crm_customer_get_tier            (CrmCustomer        *self);
void                crm_customer_set_tier            (CrmCustomer        *self,
                                                      CrmTier             tier);
const char         *crm_customer_get_province        (CrmCustomer        *self);
void                crm_customer_set_province        (CrmCustomer        *self,
                                                      const char         *province);
const char         *crm_customer_get_city            (CrmCustomer        *self);
void                crm_customer_set_city            (CrmCustomer        *self,
                                                      const char         *city);
const char         *crm_customer_get_district        (CrmCustomer        *self);
void                crm_customer_set_district        (CrmCustomer        *self,
                                                      const char         *district);
const char         *crm_customer_get_street          (CrmCustomer        *self);
void                crm_customer_set_street          (CrmCustomer        *self,
                                                      const char         *street);
const char         *crm_customer_get_pain_points     (CrmCustomer        *self);
void                crm_customer_set_pain_points     (CrmCustomer        *self,
                                                      const char         *pain_points);
const char         *crm_customer_get_decision_chain  (CrmCustomer        *self);
void                crm_customer_set_decision_chain  (CrmCustomer        *self,
                                                      const char         *decision_chain);
const char         *crm_customer_get_owner           (CrmCustomer        *self);
void                crm_customer_set_owner           (CrmCustomer        *self,
                                                      const char         *owner);
CrmReviewState      crm_customer_get_review_state    (CrmCustomer        *self);
void                crm_customer_set_review_state    (CrmCustomer        *self,
                                                      CrmReviewState      review_state);
const char         *crm_customer_get_notes           (CrmCustomer        *self);
void                crm_customer_set_notes           (CrmCustomer        *self,
                                                      const char         *notes);
gint64              crm_customer_get_annual_spend    (CrmCustomer        *self);
void                crm_customer_set_annual_spend    (CrmCustomer        *self,
                                                      gint64              annual_spend);
const char         *crm_customer_get_last_contact_at (CrmCustomer        *self);
void                crm_customer_set_last_contact_at (CrmCustomer        *self,
                                                      const char         *last_contact_at);
const char         *crm_customer_get_created_at      (CrmCustomer        *self);
void                crm_customer_set_created_at      (CrmCustomer        *self,
                                                      const char         *created_at);
const char         *crm_customer_get_updated_at      (CrmCustomer        *self);
void                crm_customer_set_updated_at      (CrmCustomer        *self,
                                                      const char         *updated_at);
const char         *crm_customer_get_approved_at     (CrmCustomer        *self);
void                crm_customer_set_approved_at     (CrmCustomer        *self,
                                                      const char         *approved_at);
const char * const *crm_customer_get_tags            (CrmCustomer        *self);
void                crm_customer_set_tags            (CrmCustomer        *self,
                                                      const char * const *tags);

G_END_DECLS
