/* crm-bulk-insert.h — writing many new customers in one transaction, fast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-database.h"

G_BEGIN_DECLS

/*
 * A CrmBulkInsert brackets the insertion of many new customers (an
 * import, sample data) inside one open transaction. It is not a GObject:
 * crm_bulk_insert_begin() and crm_bulk_insert_end() run in the same
 * transaction as the rows, so a failure or a kill in between rolls
 * everything back, the dropped triggers and indexes included.
 */
typedef struct _CrmBulkInsert CrmBulkInsert;

CrmBulkInsert *crm_bulk_insert_begin (CrmDatabase    *database,
                                      guint           expected_rows,
                                      GError        **error);
gboolean       crm_bulk_insert_end   (CrmBulkInsert  *self,
                                      GError        **error);
void           crm_bulk_insert_free  (CrmBulkInsert  *self);

void           crm_bulk_insert_track       (CrmDatabase  *database,
                                            gboolean      tracking);
gboolean       crm_bulk_insert_is_running  (CrmDatabase  *database);
char          *crm_bulk_insert_take_record (CrmDatabase  *database);
gint64         crm_bulk_insert_lookup_tag  (CrmDatabase  *database,
                                            const char   *name);
void           crm_bulk_insert_remember_tag (CrmDatabase *database,
                                             const char  *name,
                                             gint64       id);
gboolean       crm_bulk_insert_undo        (CrmDatabase  *database,
                                            const char   *record,
                                            gboolean     *conflicted,
                                            GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmBulkInsert, crm_bulk_insert_free)

G_END_DECLS
