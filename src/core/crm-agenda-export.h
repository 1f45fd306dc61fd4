/* crm-agenda-export.h — upcoming follow-ups as an iCalendar file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-database.h"

G_BEGIN_DECLS

/* How far ahead `rapport export agenda` looks when not told. */
#define CRM_AGENDA_EXPORT_DEFAULT_DAYS 30

gboolean crm_agenda_export_ics (CrmDatabase  *db,
                                GDateTime    *until,
                                const char   *path,
                                gboolean      overwrite,
                                guint        *n_exported,
                                GError      **error);

G_END_DECLS
