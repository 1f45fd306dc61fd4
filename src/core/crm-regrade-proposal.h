/* crm-regrade-proposal.h — a proposed tier change of the quarterly re-grade
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_TYPE_REGRADE_PROPOSAL (crm_regrade_proposal_get_type ())

G_DECLARE_FINAL_TYPE (CrmRegradeProposal, crm_regrade_proposal, CRM, REGRADE_PROPOSAL, GObject)

/*
 * Properties (read-write, explicit notify): customer-id, customer-name,
 * owner, from-tier (NULL when not graded yet), to-tier, annual-spend
 * (yuan over the twelve months up to the quarter's end), years (full
 * years of cooperation at the quarter's end), accepted (whether to apply
 * it; TRUE when proposed).
 */

CrmRegradeProposal *crm_regrade_proposal_new               (void);
gint64      crm_regrade_proposal_get_customer_id   (CrmRegradeProposal *self);
void        crm_regrade_proposal_set_customer_id   (CrmRegradeProposal *self,
                                                    gint64 customer_id);
const char *crm_regrade_proposal_get_customer_name (CrmRegradeProposal *self);
void        crm_regrade_proposal_set_customer_name (CrmRegradeProposal *self,
                                                    const char *customer_name);
const char *crm_regrade_proposal_get_owner         (CrmRegradeProposal *self);
void        crm_regrade_proposal_set_owner         (CrmRegradeProposal *self,
                                                    const char *owner);
const char *crm_regrade_proposal_get_from_tier     (CrmRegradeProposal *self);
void        crm_regrade_proposal_set_from_tier     (CrmRegradeProposal *self,
                                                    const char *from_tier);
const char *crm_regrade_proposal_get_to_tier       (CrmRegradeProposal *self);
void        crm_regrade_proposal_set_to_tier       (CrmRegradeProposal *self,
                                                    const char *to_tier);
gint64      crm_regrade_proposal_get_annual_spend  (CrmRegradeProposal *self);
void        crm_regrade_proposal_set_annual_spend  (CrmRegradeProposal *self,
                                                    gint64 annual_spend);
int         crm_regrade_proposal_get_years         (CrmRegradeProposal *self);
void        crm_regrade_proposal_set_years         (CrmRegradeProposal *self,
                                                    int years);
gboolean    crm_regrade_proposal_get_accepted      (CrmRegradeProposal *self);
void        crm_regrade_proposal_set_accepted      (CrmRegradeProposal *self,
                                                    gboolean accepted);

G_END_DECLS
