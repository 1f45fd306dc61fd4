/* crm-paged-list.h — a list model that reads an SQL query a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crm-customer-store.h"

G_BEGIN_DECLS

/**
 * CrmPagedRowFunc:
 * @stmt: a statement positioned on a row of the page query
 *
 * Returns: (transfer full): the item for that row
 */
typedef gpointer (*CrmPagedRowFunc) (sqlite3_stmt *stmt);

#define CRM_TYPE_PAGED_LIST (crm_paged_list_get_type ())

G_DECLARE_FINAL_TYPE (CrmPagedList, crm_paged_list, CRM, PAGED_LIST, GObject)

/*
 * A GListModel over one SQL query. The count query gives n-items; the
 * page query is run with ?3 = how many rows and ?4 = from which row, so
 * only the rows a view asks for are read. Both queries may use ?1, bound
 * to the "key" property (gint64), and ?2, bound to the "text" property.
 *
 * The list reloads when the customer store announces a change of the
 * customer named by "key" or of any customer (0), and when "key" or
 * "text" change; a reload replaces every item (items-changed from 0).
 *
 * Properties: key (gint64, read-write, explicit notify), text (string,
 * read-write, explicit notify), n-items (read-only).
 */

CrmPagedList *crm_paged_list_new      (CrmCustomerStore *store,
                                       GType             item_type,
                                       const char       *count_sql,
                                       const char       *page_sql,
                                       CrmPagedRowFunc   row_func);
gint64        crm_paged_list_get_key  (CrmPagedList     *self);
void          crm_paged_list_set_key  (CrmPagedList     *self,
                                       gint64            key);
const char   *crm_paged_list_get_text (CrmPagedList     *self);
void          crm_paged_list_set_text (CrmPagedList     *self,
                                       const char       *text);
void          crm_paged_list_reload   (CrmPagedList     *self);
guint         crm_paged_list_get_n_loaded (CrmPagedList *self);

G_END_DECLS
