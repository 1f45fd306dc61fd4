/* crm-customer-store.h — reading and changing customer records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crm-contact.h"
#include "crm-cooperation.h"
#include "crm-customer.h"
#include "crm-database.h"
#include "crm-industry.h"
#include "crm-journal.h"
#include "crm-tag.h"

G_BEGIN_DECLS

/**
 * CrmCustomerStoreError:
 * @CRM_CUSTOMER_STORE_ERROR_INVALID: a field failed validation; the message
 *   names the field and the reason.
 * @CRM_CUSTOMER_STORE_ERROR_DUPLICATE: another customer has the same credit
 *   code, ID number or normalised name; the message names it.
 * @CRM_CUSTOMER_STORE_ERROR_NOT_FOUND: no customer has that id (any more).
 * @CRM_CUSTOMER_STORE_ERROR_STATE: the action does not fit the record's
 *   review state (approving an approved customer, say).
 */
typedef enum
{
  CRM_CUSTOMER_STORE_ERROR_INVALID,
  CRM_CUSTOMER_STORE_ERROR_DUPLICATE,
  CRM_CUSTOMER_STORE_ERROR_NOT_FOUND,
  CRM_CUSTOMER_STORE_ERROR_STATE,
} CrmCustomerStoreError;

#define CRM_CUSTOMER_STORE_ERROR (crm_customer_store_error_quark ())

/**
 * CrmSaveFlags:
 * @CRM_SAVE_DEFAULT: refuse duplicates.
 * @CRM_SAVE_ALLOW_DUPLICATE: the user saw the duplicate warning and saves
 *   anyway.
 */
typedef enum
{
  CRM_SAVE_DEFAULT = 0,
  CRM_SAVE_ALLOW_DUPLICATE = 1 << 0,
} CrmSaveFlags;

#define CRM_TYPE_CUSTOMER_STORE (crm_customer_store_get_type ())

G_DECLARE_FINAL_TYPE (CrmCustomerStore, crm_customer_store, CRM, CUSTOMER_STORE, GObject)

/*
 * Signal "changed" (gint64 customer_id): a customer was added, edited or
 * removed; 0 means any number of customers may have changed (an undo, an
 * import), so views reload.
 */

GQuark            crm_customer_store_error_quark       (void);
CrmCustomerStore *crm_customer_store_new               (CrmJournal        *journal);
CrmDatabase      *crm_customer_store_get_database      (CrmCustomerStore  *self);
CrmJournal       *crm_customer_store_get_journal       (CrmCustomerStore  *self);

CrmCustomer      *crm_customer_store_get               (CrmCustomerStore  *self,
                                                        gint64             id,
                                                        GError           **error);
GPtrArray        *crm_customer_store_get_many_brief    (CrmCustomerStore  *self,
                                                        const gint64      *ids,
                                                        guint              n_ids);
GPtrArray        *crm_customer_store_list_contacts     (CrmCustomerStore  *self,
                                                        gint64             customer_id);
GPtrArray        *crm_customer_store_list_cooperations (CrmCustomerStore  *self,
                                                        gint64             customer_id);
GListModel       *crm_customer_store_list_industries   (CrmCustomerStore  *self);
GListModel       *crm_customer_store_list_tags         (CrmCustomerStore  *self);
GStrv             crm_customer_store_list_owners       (CrmCustomerStore  *self);
guint             crm_customer_store_count             (CrmCustomerStore  *self);

gboolean          crm_customer_store_check             (CrmCustomerStore  *self,
                                                        CrmCustomer       *customer,
                                                        GPtrArray         *contacts,
                                                        GStrv             *warnings,
                                                        GError           **error);
CrmCustomer      *crm_customer_store_find_duplicate    (CrmCustomerStore  *self,
                                                        CrmCustomer       *customer,
                                                        char             **reason);
gint64            crm_customer_store_save              (CrmCustomerStore  *self,
                                                        CrmCustomer       *customer,
                                                        GPtrArray         *contacts,
                                                        const char * const *tags,
                                                        CrmSaveFlags       flags,
                                                        GStrv             *warnings,
                                                        GError           **error);
gint64            crm_customer_store_write             (CrmCustomerStore  *self,
                                                        CrmCustomer       *customer,
                                                        GPtrArray         *contacts,
                                                        const char * const *tags,
                                                        GError           **error);
gboolean          crm_customer_store_record            (CrmCustomerStore  *self,
                                                        const char        *label,
                                                        CrmDatabaseFunc    func,
                                                        gpointer           user_data,
                                                        GError           **error);
char             *crm_customer_store_approve           (CrmCustomerStore  *self,
                                                        gint64             id,
                                                        GError           **error);
gboolean          crm_customer_store_delete            (CrmCustomerStore  *self,
                                                        gint64             id,
                                                        GError           **error);
gboolean          crm_customer_store_merge             (CrmCustomerStore  *self,
                                                        gint64             survivor_id,
                                                        gint64             duplicate_id,
                                                        GError           **error);
gint64            crm_customer_store_add_cooperation   (CrmCustomerStore  *self,
                                                        CrmCooperation    *cooperation,
                                                        GError           **error);
gboolean          crm_customer_store_update_annual_spend (CrmCustomerStore *self,
                                                        gint64             customer_id,
                                                        GError           **error);
gboolean          crm_customer_store_remove_cooperation (CrmCustomerStore *self,
                                                        gint64             cooperation_id,
                                                        GError           **error);
gint64            crm_customer_store_add_industry      (CrmCustomerStore  *self,
                                                        const char        *code,
                                                        const char        *name,
                                                        GError           **error);

gboolean          crm_customer_store_rename_industry   (CrmCustomerStore  *self,
                                                        gint64             id,
                                                        const char        *name,
                                                        GError           **error);

G_END_DECLS
