/* crm-customer-types.c — the enumerations of a customer record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * to_string() and from_string() map each value to the text stored in the
 * database (see the CHECK constraints in crm-schema.c); get_label() gives
 * the translated text a person reads. from_string() never fails: a value
 * it does not know, say from a newer Rapport or a hand-edited file, reads
 * as the first (default) value of the enumeration.
 */

#define G_LOG_DOMAIN "crm-customer-types"

#include <glib/gi18n-lib.h>

#include "crm-customer-types.h"

const char *
crm_customer_kind_to_string (CrmCustomerKind kind)
{
  switch (kind)
    {
    case CRM_CUSTOMER_KIND_ENTERPRISE:
      return "enterprise";

    case CRM_CUSTOMER_KIND_INDIVIDUAL:
      return "individual";

    default:
      g_return_val_if_reached (NULL);
    }
}

CrmCustomerKind
crm_customer_kind_from_string (const char *text)
{
  if (g_strcmp0 (text, "individual") == 0)
    return CRM_CUSTOMER_KIND_INDIVIDUAL;

  return CRM_CUSTOMER_KIND_ENTERPRISE;
}

const char *
crm_customer_kind_get_label (CrmCustomerKind kind)
{
  switch (kind)
    {
    case CRM_CUSTOMER_KIND_ENTERPRISE:
      /* Translators: a kind of customer: a company or organisation (企业客户). */
      return _("Enterprise");

    case CRM_CUSTOMER_KIND_INDIVIDUAL:
      /* Translators: a kind of customer: a private person (个人客户). */
      return _("Individual");

    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
crm_customer_type_to_string (CrmCustomerType type)
{
  switch (type)
    {
    case CRM_CUSTOMER_TYPE_NEW:
      return "new";

    case CRM_CUSTOMER_TYPE_RETURNING:
      return "returning";

    case CRM_CUSTOMER_TYPE_STRATEGIC:
      return "strategic";

    default:
      g_return_val_if_reached (NULL);
    }
}

CrmCustomerType
crm_customer_type_from_string (const char *text)
{
  if (g_strcmp0 (text, "returning") == 0)
    return CRM_CUSTOMER_TYPE_RETURNING;

  if (g_strcmp0 (text, "strategic") == 0)
    return CRM_CUSTOMER_TYPE_STRATEGIC;

  return CRM_CUSTOMER_TYPE_NEW;
}

const char *
crm_customer_type_get_label (CrmCustomerType type)
{
  switch (type)
    {
    case CRM_CUSTOMER_TYPE_NEW:
      /* Translators: 新客户 */
      return _("New customer");

    case CRM_CUSTOMER_TYPE_RETURNING:
      /* Translators: 老客户, a customer who bought before */
      return _("Returning customer");

    case CRM_CUSTOMER_TYPE_STRATEGIC:
      /* Translators: 战略客户 */
      return _("Strategic customer");

    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
crm_tier_to_string (CrmTier tier)
{
  switch (tier)
    {
    case CRM_TIER_NONE:
      return NULL;

    case CRM_TIER_S:
      return "S";

    case CRM_TIER_A:
      return "A";

    case CRM_TIER_B:
      return "B";

    case CRM_TIER_C:
      return "C";

    default:
      g_return_val_if_reached (NULL);
    }
}

CrmTier
crm_tier_from_string (const char *text)
{
  if (g_strcmp0 (text, "S") == 0)
    return CRM_TIER_S;

  if (g_strcmp0 (text, "A") == 0)
    return CRM_TIER_A;

  if (g_strcmp0 (text, "B") == 0)
    return CRM_TIER_B;

  if (g_strcmp0 (text, "C") == 0)
    return CRM_TIER_C;

  return CRM_TIER_NONE;
}

const char *
crm_tier_get_label (CrmTier tier)
{
  /* A graded customer shows its letter in every language; only the
   * absence of a grade needs words. */
  if (tier != CRM_TIER_NONE)
    return crm_tier_to_string (tier);

  /* Translators: the customer has no tier (客户等级) yet: 未分级. */
  return _("Not graded");
}

const char *
crm_review_state_to_string (CrmReviewState state)
{
  switch (state)
    {
    case CRM_REVIEW_STATE_DRAFT:
      return "draft";

    case CRM_REVIEW_STATE_APPROVED:
      return "approved";

    default:
      g_return_val_if_reached (NULL);
    }
}

CrmReviewState
crm_review_state_from_string (const char *text)
{
  if (g_strcmp0 (text, "approved") == 0)
    return CRM_REVIEW_STATE_APPROVED;

  return CRM_REVIEW_STATE_DRAFT;
}

const char *
crm_review_state_get_label (CrmReviewState state)
{
  switch (state)
    {
    case CRM_REVIEW_STATE_DRAFT:
      /* Translators: the review state of a customer record that is not
       * approved yet (草稿). */
      return _("Draft");

    case CRM_REVIEW_STATE_APPROVED:
      /* Translators: the review state of a customer record that was
       * checked and archived (已审核). */
      return _("Approved");

    default:
      g_return_val_if_reached (NULL);
    }
}
