/* crm-drafts.h — unsaved editor input kept in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-database.h"

G_BEGIN_DECLS

/*
 * An editor writes its whole input here (as text, e.g. JSON) each time it
 * changes, under a key naming what is edited ("customer:new",
 * "customer:42"). The write commits at once, so a crash or `kill -9`
 * loses nothing; saving or discarding the edit clears the draft. Drafts
 * are not undoable actions.
 */

gboolean  crm_drafts_set   (CrmDatabase  *db,
                            const char   *key,
                            const char   *value,
                            GError      **error);
char     *crm_drafts_get   (CrmDatabase  *db,
                            const char   *key);
gboolean  crm_drafts_clear (CrmDatabase  *db,
                            const char   *key,
                            GError      **error);
GStrv     crm_drafts_list  (CrmDatabase  *db,
                            const char   *prefix);

G_END_DECLS
