/* crm-demo-writer.h — writing sample customers in one pass each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-contact.h"
#include "crm-cooperation.h"
#include "crm-customer.h"
#include "crm-database.h"

G_BEGIN_DECLS

/*
 * A CrmDemoWriter writes new sample customers inside the caller's
 * transaction (between crm_bulk_insert_begin() and its end), each with
 * one INSERT that already holds what the customer store's separate
 * steps would write after it: the derived columns, the annual spend, the
 * approval with its customer code and the planned first contact. It is
 * not a GObject; it lives for one transaction.
 */
typedef struct _CrmDemoWriter CrmDemoWriter;

CrmDemoWriter *crm_demo_writer_new  (CrmDatabase         *database,
                                     GError             **error);
gint64         crm_demo_writer_add  (CrmDemoWriter       *self,
                                     CrmCustomer         *customer,
                                     GPtrArray           *contacts,
                                     const char * const  *tags,
                                     GPtrArray           *cooperations,
                                     gboolean             approve,
                                     GError             **error);
void           crm_demo_writer_free (CrmDemoWriter       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmDemoWriter, crm_demo_writer_free)

G_END_DECLS
