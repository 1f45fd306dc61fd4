/* crm-import-row-converter.h — turning a row of an imported file into a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-customer-store.h"
#include "crm-import-header-map.h"

G_BEGIN_DECLS

/*
 * CrmImportRowConverter: reads the cells of a row into a customer, its
 * contacts and its tags, refusing values a field does not take. It holds
 * the industries of the store by name and by code, so a row names its
 * industry either way.
 */
typedef struct _CrmImportRowConverter CrmImportRowConverter;

CrmImportRowConverter *crm_import_row_converter_new  (CrmCustomerStore       *store);
void                   crm_import_row_converter_free (CrmImportRowConverter  *self);
gboolean               crm_import_row_converter_read (CrmImportRowConverter  *self,
                                                      CrmImportHeaderMap     *columns,
                                                      GPtrArray              *cells,
                                                      CrmCustomer            *customer,
                                                      GPtrArray              *contacts,
                                                      GStrv                  *tags,
                                                      char                  **reason);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmImportRowConverter, crm_import_row_converter_free)

G_END_DECLS
