/* crm-customer-store-private.h — what the parts of CrmCustomerStore share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-customer-store.h"

G_BEGIN_DECLS

/*
 * CrmCustomerStore is one class in three files, split by responsibility:
 * crm-customer-store.c reads records and announces changes,
 * crm-customer-store-check.c validates and finds duplicates, and
 * crm-customer-store-write.c changes records, each change one undoable
 * action.
 */
struct _CrmCustomerStore
{
  GObject      parent_instance;

  CrmJournal  *journal;
  CrmDatabase *database;
  GListStore  *industries;
  GListStore  *tags;
  gulong       journal_changed_id;
  /* Non-zero while the store records its own action, whose "changed"
   * it announces itself with the customer it touched. */
  guint        recording;
};

const char *crm_customer_store_column_text        (sqlite3_stmt     *stmt,
                                                   int               column);
void        crm_customer_store_emit_changed       (CrmCustomerStore *self,
                                                   gint64            customer_id);
void        crm_customer_store_reload_industries  (CrmCustomerStore *self);
char       *crm_customer_store_draw_code          (CrmDatabase      *db,
                                                   int               year,
                                                   const char       *industry_code,
                                                   GError          **error);
gboolean    crm_customer_store_write_tags         (CrmDatabase         *db,
                                                   gint64               customer_id,
                                                   gboolean             is_new,
                                                   const char * const  *tags,
                                                   GError             **error);
gboolean    crm_customer_store_write_contacts     (CrmDatabase      *db,
                                                   gint64            customer_id,
                                                   gboolean          is_new,
                                                   GPtrArray        *contacts,
                                                   GError          **error);
void        crm_customer_store_bind_record        (sqlite3_stmt     *stmt,
                                                   CrmCustomer      *customer);

G_END_DECLS
