/* crm-requirement-store.h — reading and changing requirements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "crm-database.h"
#include "crm-journal.h"
#include "crm-requirement.h"

G_BEGIN_DECLS

/**
 * CrmRequirementStoreError:
 * @CRM_REQUIREMENT_STORE_ERROR_INVALID: a field failed validation; the
 *   message names the field and the reason.
 * @CRM_REQUIREMENT_STORE_ERROR_NOT_FOUND: no requirement (or customer) has
 *   that id any more, or it was merged into another.
 * @CRM_REQUIREMENT_STORE_ERROR_STATE: the action does not fit: merging a
 *   requirement into itself, placing a card before a card of another
 *   column.
 */
typedef enum
{
  CRM_REQUIREMENT_STORE_ERROR_INVALID,
  CRM_REQUIREMENT_STORE_ERROR_NOT_FOUND,
  CRM_REQUIREMENT_STORE_ERROR_STATE,
} CrmRequirementStoreError;

#define CRM_REQUIREMENT_STORE_ERROR (crm_requirement_store_error_quark ())

/* Longest text a free-text field takes, in characters. */
#define CRM_REQUIREMENT_TEXT_MAX 10000
#define CRM_REQUIREMENT_TITLE_MAX 200

/**
 * CrmRequirementClosure:
 * @resolution: (nullable): moving to Done: how it was resolved; moving to
 *   Rejected: why it was rejected. Required for both.
 * @satisfaction: the customer's satisfaction 1–5 when moving to Done, 0
 *   when the user skipped it.
 *
 * What a move to Done or Rejected records. Other moves take %NULL.
 */
typedef struct
{
  const char *resolution;
  int         satisfaction;
} CrmRequirementClosure;

/* One row of a requirement's status history. from_status is -1 for the
 * row written when the requirement was created. */
typedef struct
{
  int    from_status;
  int    to_status;
  char  *changed_at;
  char  *changed_by;
  char  *note;
} CrmStatusChange;

void crm_status_change_free (CrmStatusChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmStatusChange, crm_status_change_free)

/* One piece of evidence: the follow-up, questionnaire answer or note a
 * requirement came from. */
typedef struct
{
  gint64           id;
  CrmEvidenceKind  kind;
  gint64           source_id;
  char            *excerpt;
  char            *created_at;
} CrmEvidence;

void crm_evidence_free (CrmEvidence *evidence);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmEvidence, crm_evidence_free)

#define CRM_TYPE_REQUIREMENT_STORE (crm_requirement_store_get_type ())

G_DECLARE_FINAL_TYPE (CrmRequirementStore, crm_requirement_store, CRM, REQUIREMENT_STORE, GObject)

/*
 * Property "actor" (string, read-write, explicit notify): who the status
 * history names for moves; by default the user's real name.
 *
 * Signal "changed" (gint64 requirement_id): a requirement was added,
 * edited or moved; 0 means any number may have changed (an undo, a merge,
 * a demo run), so views reload.
 */

GQuark               crm_requirement_store_error_quark    (void);
CrmRequirementStore *crm_requirement_store_new            (CrmJournal           *journal);
CrmDatabase         *crm_requirement_store_get_database   (CrmRequirementStore  *self);
CrmJournal          *crm_requirement_store_get_journal    (CrmRequirementStore  *self);
const char          *crm_requirement_store_get_actor      (CrmRequirementStore  *self);
void                 crm_requirement_store_set_actor      (CrmRequirementStore  *self,
                                                           const char           *actor);

CrmRequirement      *crm_requirement_store_get            (CrmRequirementStore  *self,
                                                           gint64                id,
                                                           GError              **error);
GPtrArray           *crm_requirement_store_get_many       (CrmRequirementStore  *self,
                                                           const gint64         *ids,
                                                           guint                 n_ids);
guint                crm_requirement_store_count          (CrmRequirementStore  *self);
GStrv                crm_requirement_store_list_owners    (CrmRequirementStore  *self);
GArray              *crm_requirement_store_list_customers (CrmRequirementStore  *self,
                                                           gint64                id);
GPtrArray           *crm_requirement_store_list_evidence  (CrmRequirementStore  *self,
                                                           gint64                id);
GPtrArray           *crm_requirement_store_list_history   (CrmRequirementStore  *self,
                                                           gint64                id);

gboolean             crm_requirement_store_check          (CrmRequirementStore  *self,
                                                           CrmRequirement       *requirement,
                                                           GError              **error);
gint64               crm_requirement_store_save           (CrmRequirementStore  *self,
                                                           CrmRequirement       *requirement,
                                                           GError              **error);
gint64               crm_requirement_store_write          (CrmRequirementStore  *self,
                                                           CrmRequirement       *requirement,
                                                           GError              **error);
gboolean             crm_requirement_store_record         (CrmRequirementStore  *self,
                                                           const char           *label,
                                                           CrmDatabaseFunc       func,
                                                           gpointer              user_data,
                                                           GError              **error);
gboolean             crm_requirement_store_move           (CrmRequirementStore  *self,
                                                           gint64                id,
                                                           CrmRequirementStatus  status,
                                                           gint64                before_id,
                                                           const CrmRequirementClosure *closure,
                                                           GError              **error);
gboolean             crm_requirement_store_merge          (CrmRequirementStore  *self,
                                                           gint64                survivor_id,
                                                           gint64                duplicate_id,
                                                           GError              **error);
gint64               crm_requirement_store_add_evidence   (CrmRequirementStore  *self,
                                                           gint64                requirement_id,
                                                           CrmEvidenceKind       kind,
                                                           gint64                source_id,
                                                           const char           *excerpt,
                                                           GError              **error);
gint64               crm_requirement_store_write_evidence (CrmRequirementStore  *self,
                                                           gint64                requirement_id,
                                                           CrmEvidenceKind       kind,
                                                           gint64                source_id,
                                                           const char           *excerpt,
                                                           GError              **error);
gboolean             crm_requirement_store_link_customer  (CrmRequirementStore  *self,
                                                           gint64                requirement_id,
                                                           gint64                customer_id,
                                                           GError              **error);

G_END_DECLS
