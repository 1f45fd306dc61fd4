/* crm-requirement-store-private.h — what the parts of CrmRequirementStore share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-requirement-store.h"

G_BEGIN_DECLS

/*
 * CrmRequirementStore is one class in three files, split by
 * responsibility: crm-requirement-store.c reads and announces changes,
 * crm-requirement-store-write.c validates, saves and merges, and
 * crm-requirement-store-move.c moves cards between and within the board's
 * columns. Each change is one undoable action.
 */
struct _CrmRequirementStore
{
  GObject      parent_instance;

  CrmJournal  *journal;
  CrmDatabase *database;
  char        *actor;
  /* Non-zero while the store records its own action, whose "changed"
   * it announces itself with the requirement it touched. */
  guint        recording;
};

void     crm_requirement_store_emit_changed     (CrmRequirementStore *self,
                                                 gint64               id);
gboolean crm_requirement_store_run              (CrmRequirementStore *self,
                                                 const char          *label,
                                                 CrmDatabaseFunc      func,
                                                 gpointer             user_data,
                                                 gint64               changed_id,
                                                 GError             **error);
gboolean crm_requirement_store_write_history    (CrmDatabase         *db,
                                                 gint64               id,
                                                 int                  from_status,
                                                 int                  to_status,
                                                 const char          *who,
                                                 const char          *note,
                                                 GError             **error);
double   crm_requirement_store_end_position     (CrmDatabase         *db,
                                                 CrmRequirementStatus status,
                                                 gint64               excluded_id);
gboolean crm_requirement_store_exists           (CrmDatabase         *db,
                                                 gint64               id,
                                                 int                 *status,
                                                 GError             **error);

gboolean crm_requirement_store_raise_key_follow_ups (CrmDatabase  *db,
                                                     gint64        requirement_id,
                                                     int           satisfaction,
                                                     GError      **error);

G_END_DECLS
