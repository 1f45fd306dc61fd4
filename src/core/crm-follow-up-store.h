/* crm-follow-up-store.h — recording follow-ups with customers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-customer-store.h"
#include "crm-follow-up.h"

G_BEGIN_DECLS

/**
 * CrmFollowUpError:
 * @CRM_FOLLOW_UP_ERROR_INVALID: a field failed validation; the message
 *   names the field and the reason.
 * @CRM_FOLLOW_UP_ERROR_NOT_FOUND: no follow-up (or customer) has that id.
 */
typedef enum
{
  CRM_FOLLOW_UP_ERROR_INVALID,
  CRM_FOLLOW_UP_ERROR_NOT_FOUND,
} CrmFollowUpError;

#define CRM_FOLLOW_UP_ERROR (crm_follow_up_error_quark ())

#define CRM_TYPE_FOLLOW_UP_STORE (crm_follow_up_store_get_type ())

G_DECLARE_FINAL_TYPE (CrmFollowUpStore, crm_follow_up_store, CRM, FOLLOW_UP_STORE, GObject)

/*
 * Follow-ups change through the customer store's journal, so each change
 * is one undoable action and the customer store's "changed" signal
 * announces it (with the customer's id) to every view.
 *
 * Property: customer-store (construct-only).
 */

GQuark            crm_follow_up_error_quark              (void);
CrmFollowUpStore *crm_follow_up_store_new                (CrmCustomerStore *customers);
CrmCustomerStore *crm_follow_up_store_get_customer_store (CrmFollowUpStore *self);

const char       *crm_follow_up_channel_get_label        (const char       *channel);
const char       *crm_follow_up_feedback_get_label       (const char       *feedback);

gboolean          crm_follow_up_store_check              (CrmFollowUpStore *self,
                                                          CrmFollowUp      *follow_up,
                                                          GError          **error);
CrmFollowUp      *crm_follow_up_store_get                (CrmFollowUpStore *self,
                                                          gint64            id,
                                                          GError          **error);
gint64            crm_follow_up_store_add                (CrmFollowUpStore *self,
                                                          CrmFollowUp      *follow_up,
                                                          GError          **error);
gboolean          crm_follow_up_store_update             (CrmFollowUpStore *self,
                                                          CrmFollowUp      *follow_up,
                                                          GError          **error);
gboolean          crm_follow_up_store_delete             (CrmFollowUpStore *self,
                                                          gint64            id,
                                                          GError          **error);
gboolean          crm_follow_up_store_update_last_contact (CrmDatabase     *db,
                                                          gint64            customer_id,
                                                          const char       *removed_at,
                                                          GError          **error);
gboolean          crm_follow_up_store_update_last_contact_after (CrmDatabase *db,
                                                          gint64            after_id,
                                                          GError          **error);
gint64            crm_follow_up_store_write              (CrmDatabase      *db,
                                                          CrmFollowUp      *follow_up,
                                                          GError          **error);

G_END_DECLS
