/* crm-requirement-export.h — exporting requirements to a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-customer-export.h"
#include "crm-requirement-store.h"

G_BEGIN_DECLS

gboolean crm_requirement_export_run (CrmRequirementStore  *store,
                                     const char           *path,
                                     CrmExportFlags        flags,
                                     guint                *n_requirements,
                                     GError              **error);

G_END_DECLS
