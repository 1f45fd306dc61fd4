/* crm-demo-requirements.h — deterministic, realistic sample requirements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-requirement-store.h"

G_BEGIN_DECLS

/* How many requirements a plain `rapport demo` adds. */
#define CRM_DEMO_DEFAULT_REQUIREMENTS 300

/* Up to this many, crm_demo_requirements_generate() is one undoable
 * action; larger runs (benchmark databases) are one plain transaction. */
#define CRM_DEMO_REQUIREMENTS_UNDO_LIMIT 10000

gboolean crm_demo_requirements_generate (CrmRequirementStore  *store,
                                         guint                 n_requirements,
                                         GError              **error);

G_END_DECLS
