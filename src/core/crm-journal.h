/* crm-journal.h — undo and redo of user actions, kept in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-database.h"

G_BEGIN_DECLS

/**
 * CrmJournalError:
 * @CRM_JOURNAL_ERROR_NOTHING: there is nothing to undo or redo.
 * @CRM_JOURNAL_ERROR_CONFLICT: the rows the action touched were changed since,
 *   so undoing or redoing it would overwrite newer data; nothing was changed.
 * @CRM_JOURNAL_ERROR_FAILED: the session extension reported an error.
 */
typedef enum
{
  CRM_JOURNAL_ERROR_NOTHING,
  CRM_JOURNAL_ERROR_CONFLICT,
  CRM_JOURNAL_ERROR_FAILED,
} CrmJournalError;

#define CRM_JOURNAL_ERROR (crm_journal_error_quark ())

/* How many actions are kept for undo; older ones are dropped. */
#define CRM_JOURNAL_DEFAULT_LIMIT 200

/*
 * CrmJournal has the read-only properties "can-undo" and "can-redo"
 * (notified when they change) and the signal "changed" (no arguments),
 * emitted after an action was recorded, undone or redone, so views can
 * reload what they show.
 */
#define CRM_TYPE_JOURNAL (crm_journal_get_type ())

G_DECLARE_FINAL_TYPE (CrmJournal, crm_journal, CRM, JOURNAL, GObject)

GQuark       crm_journal_error_quark   (void);
CrmJournal  *crm_journal_new           (CrmDatabase      *database);
CrmDatabase *crm_journal_get_database  (CrmJournal       *self);
guint        crm_journal_get_limit     (CrmJournal       *self);
void         crm_journal_set_limit     (CrmJournal       *self,
                                        guint             limit);

gboolean     crm_journal_record        (CrmJournal       *self,
                                        const char       *label,
                                        CrmDatabaseFunc   func,
                                        gpointer          user_data,
                                        GError          **error);

gboolean     crm_journal_can_undo      (CrmJournal       *self);
gboolean     crm_journal_can_redo      (CrmJournal       *self);
char        *crm_journal_dup_undo_label (CrmJournal      *self);
char        *crm_journal_dup_redo_label (CrmJournal      *self);
char        *crm_journal_undo          (CrmJournal       *self,
                                        GError          **error);
char        *crm_journal_redo          (CrmJournal       *self,
                                        GError          **error);
guint        crm_journal_count         (CrmJournal       *self);
gboolean     crm_journal_touched       (CrmJournal       *self,
                                        const char       *table);

G_END_DECLS
