/* crm-customer-export.h — exporting customers to a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-customer-store.h"

G_BEGIN_DECLS

/**
 * CrmExportFlags:
 * @CRM_EXPORT_DEFAULT: write every field as stored; refuse to replace an
 *   existing file.
 * @CRM_EXPORT_MASK: mask phone numbers, e-mail addresses, the names of
 *   contacts and of individual customers, and ID numbers (脱敏).
 * @CRM_EXPORT_OVERWRITE: replace the file if it exists.
 */
typedef enum
{
  CRM_EXPORT_DEFAULT = 0,
  CRM_EXPORT_MASK = 1 << 0,
  CRM_EXPORT_OVERWRITE = 1 << 1,
} CrmExportFlags;

gboolean crm_customer_export_run (CrmCustomerStore  *store,
                                  const char        *path,
                                  CrmExportFlags     flags,
                                  guint             *n_customers,
                                  GError           **error);

G_END_DECLS
