/* crm-requirement-list-private.h — the query behind CrmRequirementList
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-requirement-list.h"

G_BEGIN_DECLS

/* What orders a card in a list: 24 bytes a card. */
typedef struct
{
  gint64 id;
  int    status;
  double position;
} CrmRequirementEntry;

/* A list's query, its text and parameters, made on the list's thread and
 * runnable on any connection (see crm-requirement-list-query.c). */
typedef struct _CrmRequirementQuery CrmRequirementQuery;

int                  crm_requirement_entry_compare    (const CrmRequirementEntry  *a,
                                                       const CrmRequirementEntry  *b);
CrmRequirementQuery *crm_requirement_query_new        (int                         status,
                                                       const CrmRequirementFilter *filter,
                                                       gint64                      only_id,
                                                       guint                       limit);
void                 crm_requirement_query_free       (CrmRequirementQuery        *query);
GArray              *crm_requirement_query_run        (const CrmRequirementQuery  *query,
                                                       CrmDatabase                *db,
                                                       GError                    **error);
void                 crm_requirement_query_run_async  (CrmRequirementQuery        *query,
                                                       const char                 *path,
                                                       GAsyncReadyCallback         callback,
                                                       gpointer                    user_data);
GArray              *crm_requirement_query_run_finish (GAsyncResult               *result,
                                                       GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmRequirementQuery, crm_requirement_query_free)

G_END_DECLS
