/* crm-import-values.h — reading the values of imported cells as people write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-customer-types.h"

G_BEGIN_DECLS

gboolean  crm_import_parse_kind   (const char      *text,
                                   CrmCustomerKind *kind);
gboolean  crm_import_parse_type   (const char      *text,
                                   CrmCustomerType *type);
gboolean  crm_import_parse_tier   (const char      *text,
                                   CrmTier         *tier);
char     *crm_import_parse_date   (const char      *text);
gint64    crm_import_parse_amount (const char      *text,
                                   gint64           multiplier,
                                   gboolean         whole);
GStrv     crm_import_split_list   (const char      *text,
                                   const char      *separators,
                                   gboolean         keep_empty);

G_END_DECLS
