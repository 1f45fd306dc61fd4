/* crm-regrade-proposal.c — a proposed tier change of the quarterly re-grade
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A plain value object made by crm_regrade_propose(): the tier a
 * customer has, the one the rules give it, the figures behind that, and
 * whether the manager accepts the change.
 */

#define G_LOG_DOMAIN "crm-regrade-proposal"

#include "crm-regrade-proposal.h"
#include "crm-string-field.h"

struct _CrmRegradeProposal
{
  GObject parent_instance;

  gint64 customer_id;
  char *customer_name;
  char *owner;
  char *from_tier;
  char *to_tier;
  gint64 annual_spend;
  int years;
  gboolean accepted;
};

G_DEFINE_FINAL_TYPE (CrmRegradeProposal, crm_regrade_proposal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CUSTOMER_ID,
  PROP_CUSTOMER_NAME,
  PROP_OWNER,
  PROP_FROM_TIER,
  PROP_TO_TIER,
  PROP_ANNUAL_SPEND,
  PROP_YEARS,
  PROP_ACCEPTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_regrade_proposal_finalize (GObject *object)
{
  CrmRegradeProposal *self = (CrmRegradeProposal *)object;

  g_clear_pointer (&self->customer_name, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->from_tier, g_free);
  g_clear_pointer (&self->to_tier, g_free);

  G_OBJECT_CLASS (crm_regrade_proposal_parent_class)->finalize (object);
}

static void
crm_regrade_proposal_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CrmRegradeProposal *self = CRM_REGRADE_PROPOSAL (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_CUSTOMER_NAME:
      g_value_set_string (value, self->customer_name);
      break;

    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case PROP_FROM_TIER:
      g_value_set_string (value, self->from_tier);
      break;

    case PROP_TO_TIER:
      g_value_set_string (value, self->to_tier);
      break;

    case PROP_ANNUAL_SPEND:
      g_value_set_int64 (value, self->annual_spend);
      break;

    case PROP_YEARS:
      g_value_set_int (value, self->years);
      break;

    case PROP_ACCEPTED:
      g_value_set_boolean (value, self->accepted);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_regrade_proposal_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CrmRegradeProposal *self = CRM_REGRADE_PROPOSAL (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      crm_regrade_proposal_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_CUSTOMER_NAME:
      crm_regrade_proposal_set_customer_name (self, g_value_get_string (value));
      break;

    case PROP_OWNER:
      crm_regrade_proposal_set_owner (self, g_value_get_string (value));
      break;

    case PROP_FROM_TIER:
      crm_regrade_proposal_set_from_tier (self, g_value_get_string (value));
      break;

    case PROP_TO_TIER:
      crm_regrade_proposal_set_to_tier (self, g_value_get_string (value));
      break;

    case PROP_ANNUAL_SPEND:
      crm_regrade_proposal_set_annual_spend (self, g_value_get_int64 (value));
      break;

    case PROP_YEARS:
      crm_regrade_proposal_set_years (self, g_value_get_int (value));
      break;

    case PROP_ACCEPTED:
      crm_regrade_proposal_set_accepted (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_regrade_proposal_class_init (CrmRegradeProposalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_regrade_proposal_finalize;
  object_class->get_property = crm_regrade_proposal_get_property;
  object_class->set_property = crm_regrade_proposal_set_property;

  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CUSTOMER_NAME] =
    g_param_spec_string ("customer-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FROM_TIER] =
    g_param_spec_string ("from-tier", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TO_TIER] =
    g_param_spec_string ("to-tier", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ANNUAL_SPEND] =
    g_param_spec_int64 ("annual-spend", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_YEARS] =
    g_param_spec_int ("years", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACCEPTED] =
    g_param_spec_boolean ("accepted", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_regrade_proposal_init (CrmRegradeProposal *self)
{
}

CrmRegradeProposal *
crm_regrade_proposal_new (void)
{
  return g_object_new (CRM_TYPE_REGRADE_PROPOSAL, NULL);
}

gint64
crm_regrade_proposal_get_customer_id (CrmRegradeProposal *self)
{
  g_return_val_if_fail (CRM_IS_REGRADE_PROPOSAL (self), 0);

  return self->customer_id;
}

void
crm_regrade_proposal_set_customer_id (CrmRegradeProposal *self,
                                      gint64 customer_id)
{
  g_return_if_fail (CRM_IS_REGRADE_PROPOSAL (self));

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

const char *
crm_regrade_proposal_get_customer_name (CrmRegradeProposal *self)
{
  g_return_val_if_fail (CRM_IS_REGRADE_PROPOSAL (self), NULL);

  return self->customer_name;
}

void
crm_regrade_proposal_set_customer_name (CrmRegradeProposal *self,
                                        const char *customer_name)
{
  g_return_if_fail (CRM_IS_REGRADE_PROPOSAL (self));

  if (crm_string_field_set (&self->customer_name, customer_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_NAME]);
}

const char *
crm_regrade_proposal_get_owner (CrmRegradeProposal *self)
{
  g_return_val_if_fail (CRM_IS_REGRADE_PROPOSAL (self), NULL);

  return self->owner;
}

void
crm_regrade_proposal_set_owner (CrmRegradeProposal *self,
                                const char *owner)
{
  g_return_if_fail (CRM_IS_REGRADE_PROPOSAL (self));

  if (crm_string_field_set (&self->owner, owner))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

const char *
crm_regrade_proposal_get_from_tier (CrmRegradeProposal *self)
{
  g_return_val_if_fail (CRM_IS_REGRADE_PROPOSAL (self), NULL);

  return self->from_tier;
}

void
crm_regrade_proposal_set_from_tier (CrmRegradeProposal *self,
                                    const char *from_tier)
{
  g_return_if_fail (CRM_IS_REGRADE_PROPOSAL (self));

  if (crm_string_field_set (&self->from_tier, from_tier))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_TIER]);
}

const char *
crm_regrade_proposal_get_to_tier (CrmRegradeProposal *self)
{
  g_return_val_if_fail (CRM_IS_REGRADE_PROPOSAL (self), NULL);

  return self->to_tier;
}

void
crm_regrade_proposal_set_to_tier (CrmRegradeProposal *self,
                                  const char *to_tier)
{
  g_return_if_fail (CRM_IS_REGRADE_PROPOSAL (self));

  if (crm_string_field_set (&self->to_tier, to_tier))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_TIER]);
}

gint64
crm_regrade_proposal_get_annual_spend (CrmRegradeProposal *self)
{
  g_return_val_if_fail (CRM_IS_REGRADE_PROPOSAL (self), 0);

  return self->annual_spend;
}

void
crm_regrade_proposal_set_annual_spend (CrmRegradeProposal *self,
                                       gint64 annual_spend)
{
  g_return_if_fail (CRM_IS_REGRADE_PROPOSAL (self));

  if (self->annual_spend == annual_spend)
    return;

  self->annual_spend = annual_spend;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNUAL_SPEND]);
}

int
crm_regrade_proposal_get_years (CrmRegradeProposal *self)
{
  g_return_val_if_fail (CRM_IS_REGRADE_PROPOSAL (self), 0);

  return self->years;
}

void
crm_regrade_proposal_set_years (CrmRegradeProposal *self,
                                int years)
{
  g_return_if_fail (CRM_IS_REGRADE_PROPOSAL (self));

  if (self->years == years)
    return;

  self->years = years;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEARS]);
}

gboolean
crm_regrade_proposal_get_accepted (CrmRegradeProposal *self)
{
  g_return_val_if_fail (CRM_IS_REGRADE_PROPOSAL (self), FALSE);

  return self->accepted;
}

void
crm_regrade_proposal_set_accepted (CrmRegradeProposal *self,
                                   gboolean accepted)
{
  g_return_if_fail (CRM_IS_REGRADE_PROPOSAL (self));

  accepted = !!accepted;
  if (self->accepted == accepted)
    return;

  self->accepted = accepted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPTED]);
}
