/* crm-requirement-store-write.c — checking, saving and merging requirements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-requirement-store"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "crm-requirement-store-private.h"
#include "crm-sql-bind.h"

/* Checking -------------------------------------------------------------- */

static gboolean
invalid (GError     **error,
         const char  *field,
         const char  *reason)
{
  /* Translators: “Title: enter a title.” — a field, then why it was refused. */
  g_set_error (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_INVALID,
               _("%s: %s"), field, reason);
  return FALSE;
}

static gboolean
check_length (const char  *value,
              glong        max,
              const char  *field,
              GError     **error)
{
  glong length;
  g_autofree char *reason = NULL;

  if (value == NULL)
    return TRUE;

  if (!g_utf8_validate (value, -1, NULL))
    return invalid (error, field, _("the text is not valid UTF-8."));

  length = g_utf8_strlen (value, -1);
  if (length <= max)
    return TRUE;

  reason = g_strdup_printf (_("at most %ld characters (this text has %ld)."), max, length);

  return invalid (error, field, reason);
}

/* An ISO date that exists: "2024-02-30" is refused. */
static gboolean
is_date (const char *value)
{
  int year, month, day;
  char tail;

  if (sscanf (value, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3 || strlen (value) != 10)
    return FALSE;

  return g_date_valid_dmy (day, month, year);
}

/**
 * crm_requirement_store_check:
 * @requirement: the record to check
 * @error: return location for a CRM_REQUIREMENT_STORE_ERROR_INVALID error
 *   whose message names the field and the reason
 *
 * Returns: whether @requirement can be saved
 */
gboolean
crm_requirement_store_check (CrmRequirementStore  *self,
                             CrmRequirement       *requirement,
                             GError              **error)
{
  static const struct
  {
    const char *property;
    const char *label;
  } texts[] = {
    { "description", N_("Description") },
    { "user-story", N_("User story") },
    { "who", N_("Who") },
    { "what", N_("What") },
    { "when", N_("When") },
    { "where", N_("Where") },
    { "why", N_("Why") },
    { "how", N_("How") },
    { "owner", N_("Owner") },
    { "acceptance", N_("Acceptance criteria") },
    { "resolution", N_("Resolution") },
  };
  g_autofree char *title = NULL;
  const char *due_on;
  gint64 customer_id;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), FALSE);
  g_return_val_if_fail (CRM_IS_REQUIREMENT (requirement), FALSE);

  title = g_strstrip (g_strdup (crm_requirement_get_title (requirement) ?: ""));
  if (title[0] == '\0')
    return invalid (error, _("Title"), _("enter a short title."));
  if (!check_length (title, CRM_REQUIREMENT_TITLE_MAX, _("Title"), error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (!check_length (crm_requirement_get_string (requirement, texts[i].property),
                         CRM_REQUIREMENT_TEXT_MAX, _(texts[i].label), error))
        return FALSE;
    }

  if (crm_requirement_get_number (requirement, "value") < -1)
    return invalid (error, _("Value"), _("enter an amount of zero or more."));
  if (crm_requirement_get_number (requirement, "cost") < -1)
    return invalid (error, _("Cost"), _("enter an amount of zero or more."));

  due_on = crm_requirement_get_due_on (requirement);
  if (due_on != NULL && !is_date (due_on))
    {
      g_autofree char *reason =
        /* Translators: %s is what the user typed as a date. */
        g_strdup_printf (_("“%s” is not a date; write it as 2024-03-31."), due_on);

      return invalid (error, _("Due date"), reason);
    }

  customer_id = crm_requirement_get_customer_id (requirement);
  if (customer_id > 0)
    {
      sqlite3_stmt *stmt = crm_database_prepare (self->database,
                                                 "SELECT 1 FROM customer WHERE id = ?", error);
      gboolean found;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, customer_id);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);

      if (!found)
        return invalid (error, _("Customer"), _("that customer no longer exists; choose another."));
    }

  return TRUE;
}

/* Writing --------------------------------------------------------------- */

static void
bind_enum (sqlite3_stmt       *stmt,
           int                 index,
           CrmRequirementEnum  type,
           CrmRequirement     *requirement,
           const char         *property)
{
  crm_sql_bind_text_or_null (stmt, index,
                     crm_requirement_enum_to_string (type, crm_requirement_get_number (requirement, property)));
}

/* The counter is the customer codes' table, under a key no industry can
 * have (year 0): bumped in the same transaction that uses it and outside
 * the journal, so an undone "Add requirement" keeps its number spent. */
static char *
next_code (CrmDatabase  *db,
           GError      **error)
{
  gint64 seq = crm_database_next_code_number (db, 0, "REQ", error);

  if (seq == 0)
    return NULL;

  return g_strdup_printf ("REQ-%04" G_GINT64_FORMAT, seq);
}

gboolean
crm_requirement_store_write_history (CrmDatabase  *db,
                                     gint64        id,
                                     int           from_status,
                                     int           to_status,
                                     const char   *who,
                                     const char   *note,
                                     GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db,
                               "INSERT INTO requirement_status_history"
                               "  (requirement_id, from_status, to_status, changed_by, note)"
                               "  VALUES (?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  crm_sql_bind_text_or_null (stmt, 2, from_status < 0 ? NULL
                     : crm_requirement_enum_to_string (CRM_REQUIREMENT_ENUM_STATUS, from_status));
  sqlite3_bind_text (stmt, 3, crm_requirement_enum_to_string (CRM_REQUIREMENT_ENUM_STATUS, to_status),
                     -1, SQLITE_STATIC);
  crm_sql_bind_text_or_null (stmt, 4, who);
  crm_sql_bind_text_or_null (stmt, 5, note);

  return crm_database_step_done (db, stmt, error);
}

static gboolean
link_customer (CrmDatabase  *db,
               gint64        requirement_id,
               gint64        customer_id,
               GError      **error)
{
  sqlite3_stmt *stmt;

  if (customer_id <= 0)
    return TRUE;

  stmt = crm_database_prepare (db,
                               "INSERT OR IGNORE INTO requirement_customer (requirement_id, customer_id)"
                               "  VALUES (?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, requirement_id);
  sqlite3_bind_int64 (stmt, 2, customer_id);

  return crm_database_step_done (db, stmt, error);
}

/**
 * crm_requirement_store_write:
 * @requirement: the record; added when its id is 0
 *
 * Writes @requirement inside a transaction the caller holds (see
 * crm_requirement_store_record()), without checking it. A new requirement
 * gets its code, goes to the end of its column and starts its status
 * history; its id and code are set on @requirement.
 *
 * Returns: the requirement's id, or 0 with @error set
 */
gint64
crm_requirement_store_write (CrmRequirementStore  *self,
                             CrmRequirement       *requirement,
                             GError              **error)
{
  CrmDatabase *db = self->database;
  gint64 id = crm_requirement_get_id (requirement);
  gboolean is_new = id <= 0;
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  CrmRequirementStatus status = crm_requirement_get_status (requirement);
  int old_status = -1;
  int old_satisfaction = 0;
  sqlite3_stmt *stmt;
  int n;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), 0);
  g_return_val_if_fail (crm_database_in_transaction (db), 0);

  if (is_new)
    {
      code = next_code (db, error);
      if (code == NULL)
        return 0;
      stmt = crm_database_prepare (db,
                                   "INSERT INTO requirement (title, description, user_story, who, what,"
                                   "  when_, where_, why, how, source, nature, category, kano, relation,"
                                   "  importance, urgency, moscow, value, cost, status, owner, due_on,"
                                   "  acceptance, resolution, satisfaction, customer_id, code, position)"
                                   "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                                   "  ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)",
                                   error);
    }
  else
    {
      if (!crm_requirement_store_exists (db, id, &old_status, error))
        return 0;
      stmt = crm_database_prepare (db, "SELECT ifnull (satisfaction, 0) FROM requirement WHERE id = ?", error);
      if (stmt == NULL)
        return 0;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        old_satisfaction = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      /* A status change from the editor goes to the end of the new column,
       * like a card moved there; otherwise the card keeps its place. */
      stmt = crm_database_prepare (db,
                                   "UPDATE requirement SET title = ?1, description = ?2, user_story = ?3,"
                                   "  who = ?4, what = ?5, when_ = ?6, where_ = ?7, why = ?8, how = ?9,"
                                   "  source = ?10, nature = ?11, category = ?12, kano = ?13, relation = ?14,"
                                   "  importance = ?15, urgency = ?16, moscow = ?17, value = ?18, cost = ?19,"
                                   "  status = ?20, owner = ?21, due_on = ?22, acceptance = ?23,"
                                   "  resolution = ?24, satisfaction = ?25, customer_id = ?26,"
                                   "  position = CASE WHEN status = ?20 THEN position ELSE ?28 END,"
                                   "  updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
                                   "  WHERE id = ?27",
                                   error);
    }
  if (stmt == NULL)
    return 0;

  title = g_strstrip (g_strdup (crm_requirement_get_title (requirement) ?: ""));
  n = 1;
  sqlite3_bind_text (stmt, n++, title, -1, SQLITE_TRANSIENT);
  {
    static const char *texts[] = { "description", "user-story", "who", "what", "when", "where", "why", "how" };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      crm_sql_bind_text_or_null (stmt, n++, crm_requirement_get_string (requirement, texts[i]));
  }
  bind_enum (stmt, n++, CRM_REQUIREMENT_ENUM_SOURCE, requirement, "source");
  bind_enum (stmt, n++, CRM_REQUIREMENT_ENUM_NATURE, requirement, "nature");
  bind_enum (stmt, n++, CRM_REQUIREMENT_ENUM_CATEGORY, requirement, "category");
  bind_enum (stmt, n++, CRM_REQUIREMENT_ENUM_KANO, requirement, "kano");
  bind_enum (stmt, n++, CRM_REQUIREMENT_ENUM_RELATION, requirement, "relation");
  sqlite3_bind_int (stmt, n++, crm_requirement_get_importance (requirement));
  sqlite3_bind_int (stmt, n++, crm_requirement_get_urgency (requirement));
  bind_enum (stmt, n++, CRM_REQUIREMENT_ENUM_MOSCOW, requirement, "moscow");
  crm_sql_bind_int_or_null (stmt, n++, crm_requirement_get_number (requirement, "value"), -1);
  crm_sql_bind_int_or_null (stmt, n++, crm_requirement_get_number (requirement, "cost"), -1);
  sqlite3_bind_text (stmt, n++, crm_requirement_enum_to_string (CRM_REQUIREMENT_ENUM_STATUS, status),
                     -1, SQLITE_STATIC);
  crm_sql_bind_text_or_null (stmt, n++, crm_requirement_get_owner (requirement));
  crm_sql_bind_text_or_null (stmt, n++, crm_requirement_get_due_on (requirement));
  crm_sql_bind_text_or_null (stmt, n++, crm_requirement_get_string (requirement, "acceptance"));
  crm_sql_bind_text_or_null (stmt, n++, crm_requirement_get_resolution (requirement));
  crm_sql_bind_int_or_null (stmt, n++, crm_requirement_get_satisfaction (requirement), 0);
  crm_sql_bind_int_or_null (stmt, n++, crm_requirement_get_customer_id (requirement), 0);
  if (is_new)
    sqlite3_bind_text (stmt, n++, code, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, n++, id);
  sqlite3_bind_double (stmt, n++, crm_requirement_store_end_position (db, status, id));

  if (!crm_database_step_done (db, stmt, error))
    return 0;

  if (is_new)
    id = sqlite3_last_insert_rowid (crm_database_get_handle (db));

  if (old_status != (int)status &&
      !crm_requirement_store_write_history (db, id, old_status, status, self->actor, NULL, error))
    return 0;

  if (!link_customer (db, id, crm_requirement_get_customer_id (requirement), error))
    return 0;

  /* As a move to Done does, a new low satisfaction score saved from the
   * editor flags the requirement's customers. */
  if (crm_requirement_get_satisfaction (requirement) != old_satisfaction &&
      !crm_requirement_store_raise_key_follow_ups (db, id, crm_requirement_get_satisfaction (requirement), error))
    return 0;

  if (is_new)
    g_object_set (requirement, "id", id, "code", code, NULL);

  return id;
}

typedef struct
{
  CrmRequirementStore *self;
  CrmRequirement      *requirement;
  gint64               id;
} SaveData;

static gboolean
save_in_transaction (CrmDatabase  *db,
                     gpointer      user_data,
                     GError      **error)
{
  SaveData *data = user_data;

  data->id = crm_requirement_store_write (data->self, data->requirement, error);

  return data->id > 0;
}

/**
 * crm_requirement_store_save:
 * @requirement: the record; added when its id is 0
 * @error: return location for a #CrmRequirementStoreError
 *
 * Checks, then saves @requirement as one undoable action ("Add
 * requirement" or "Edit requirement"). A new one gets its code REQ-0001,
 * REQ-0002 …, never handed out twice.
 *
 * Returns: the requirement's id, or 0 with @error set
 */
gint64
crm_requirement_store_save (CrmRequirementStore  *self,
                            CrmRequirement       *requirement,
                            GError              **error)
{
  SaveData data = { self, requirement, 0 };
  gboolean is_new;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), 0);
  g_return_val_if_fail (CRM_IS_REQUIREMENT (requirement), 0);

  if (!crm_requirement_store_check (self, requirement, error))
    return 0;

  is_new = crm_requirement_get_id (requirement) <= 0;
  if (!crm_requirement_store_run (self, is_new ? N_("Add requirement") : N_("Edit requirement"),
                                  save_in_transaction, &data,
                                  is_new ? 0 : crm_requirement_get_id (requirement), error))
    return 0;

  return data.id;
}

/* Evidence and customers ------------------------------------------------ */

typedef struct
{
  CrmRequirementStore *self;
  gint64               requirement_id;
  CrmEvidenceKind      kind;
  gint64               source_id;
  const char          *excerpt;
  gint64               id;
} EvidenceData;

/**
 * crm_requirement_store_write_evidence:
 *
 * Adds a piece of evidence inside a transaction the caller holds.
 *
 * A submitted questionnaire calls this with CRM_EVIDENCE_KIND_ANSWER and
 * the response's id, in the same action that creates the requirement.
 *
 * Returns: its id, or 0 with @error set
 */
gint64
crm_requirement_store_write_evidence (CrmRequirementStore  *self,
                                      gint64                requirement_id,
                                      CrmEvidenceKind       kind,
                                      gint64                source_id,
                                      const char           *excerpt,
                                      GError              **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), 0);

  if (!crm_requirement_store_exists (self->database, requirement_id, NULL, error))
    return 0;

  stmt = crm_database_prepare (self->database,
                               "INSERT INTO requirement_evidence (requirement_id, kind, source_id, excerpt)"
                               "  VALUES (?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, requirement_id);
  sqlite3_bind_text (stmt, 2, crm_requirement_enum_to_string (CRM_REQUIREMENT_ENUM_EVIDENCE_KIND, kind),
                     -1, SQLITE_STATIC);
  crm_sql_bind_int_or_null (stmt, 3, source_id, 0);
  sqlite3_bind_text (stmt, 4, excerpt != NULL ? excerpt : "", -1, SQLITE_TRANSIENT);
  if (!crm_database_step_done (self->database, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (crm_database_get_handle (self->database));
}

static gboolean
evidence_in_transaction (CrmDatabase  *db,
                         gpointer      user_data,
                         GError      **error)
{
  EvidenceData *data = user_data;

  data->id = crm_requirement_store_write_evidence (data->self, data->requirement_id, data->kind,
                                                   data->source_id, data->excerpt, error);

  return data->id > 0;
}

/**
 * crm_requirement_store_add_evidence:
 * @requirement_id: the requirement
 * @kind: what @source_id names
 * @source_id: the follow-up or questionnaire answer, 0 for a note
 * @excerpt: (nullable): the words that show the requirement
 *
 * Records where a requirement came from, as one undoable action.
 *
 * Returns: the evidence's id, or 0 with @error set
 */
gint64
crm_requirement_store_add_evidence (CrmRequirementStore  *self,
                                    gint64                requirement_id,
                                    CrmEvidenceKind       kind,
                                    gint64                source_id,
                                    const char           *excerpt,
                                    GError              **error)
{
  EvidenceData data = { self, requirement_id, kind, source_id, excerpt, 0 };

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), 0);

  if (!check_length (excerpt, CRM_REQUIREMENT_TEXT_MAX, _("Evidence"), error))
    return 0;

  if (!crm_requirement_store_run (self, N_("Add evidence"), evidence_in_transaction, &data,
                                  requirement_id, error))
    return 0;

  return data.id;
}

typedef struct
{
  gint64 requirement_id;
  gint64 customer_id;
} LinkData;

static gboolean
link_in_transaction (CrmDatabase  *db,
                     gpointer      user_data,
                     GError      **error)
{
  LinkData *data = user_data;

  if (!crm_requirement_store_exists (db, data->requirement_id, NULL, error))
    return FALSE;

  return link_customer (db, data->requirement_id, data->customer_id, error);
}

/**
 * crm_requirement_store_link_customer:
 *
 * Adds @customer_id to the customers a requirement belongs to, as one
 * undoable action.
 *
 * Returns: %TRUE when linked (or linked already)
 */
gboolean
crm_requirement_store_link_customer (CrmRequirementStore  *self,
                                     gint64                requirement_id,
                                     gint64                customer_id,
                                     GError              **error)
{
  LinkData data = { requirement_id, customer_id };

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), FALSE);
  g_return_val_if_fail (customer_id > 0, FALSE);

  return crm_requirement_store_run (self, N_("Link customer"), link_in_transaction, &data,
                                    requirement_id, error);
}

/* Merging --------------------------------------------------------------- */

typedef struct
{
  gint64 survivor;
  gint64 duplicate;
} MergeData;

static gboolean
merge_in_transaction (CrmDatabase  *db,
                      gpointer      user_data,
                      GError      **error)
{
  MergeData *data = user_data;
  /* The survivor takes the duplicate's evidence and customers, and its
   * empty fields from the duplicate; the duplicate is kept, marked as
   * merged, so what it was stays on record (DESIGN: merged, not deleted). */
  static const char *statements[] = {
    "UPDATE requirement_evidence SET requirement_id = ?1 WHERE requirement_id = ?2",
    "INSERT OR IGNORE INTO requirement_customer (requirement_id, customer_id)"
    "  SELECT ?1, customer_id FROM requirement_customer WHERE requirement_id = ?2",
    "UPDATE requirement SET"
    "  description = ifnull (description, (SELECT description FROM requirement WHERE id = ?2)),"
    "  user_story = ifnull (user_story, (SELECT user_story FROM requirement WHERE id = ?2)),"
    "  acceptance = ifnull (acceptance, (SELECT acceptance FROM requirement WHERE id = ?2)),"
    "  customer_id = ifnull (customer_id, (SELECT customer_id FROM requirement WHERE id = ?2)),"
    "  owner = ifnull (owner, (SELECT owner FROM requirement WHERE id = ?2)),"
    "  importance = max (importance, (SELECT importance FROM requirement WHERE id = ?2)),"
    "  urgency = max (urgency, (SELECT urgency FROM requirement WHERE id = ?2)),"
    "  updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
    "  WHERE id = ?1",
    "UPDATE requirement SET merged_into = ?1,"
    "  updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?2",
  };

  if (data->survivor == data->duplicate)
    {
      g_set_error (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_STATE,
                   _("A requirement cannot be merged into itself."));
      return FALSE;
    }

  if (!crm_requirement_store_exists (db, data->survivor, NULL, error) ||
      !crm_requirement_store_exists (db, data->duplicate, NULL, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = crm_database_prepare (db, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, data->survivor);
      sqlite3_bind_int64 (stmt, 2, data->duplicate);
      if (!crm_database_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * crm_requirement_store_merge:
 * @survivor_id: the requirement to keep
 * @duplicate_id: the duplicate to fold into it
 * @error: return location for a #CrmRequirementStoreError
 *
 * Moves the duplicate's evidence and customers to the survivor, fills the
 * survivor's empty fields from it and marks it merged (it leaves the
 * board but stays on record), as one undoable action ("Merge
 * requirements").
 *
 * Returns: %TRUE when merged
 */
gboolean
crm_requirement_store_merge (CrmRequirementStore  *self,
                             gint64                survivor_id,
                             gint64                duplicate_id,
                             GError              **error)
{
  MergeData data = { survivor_id, duplicate_id };

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), FALSE);

  return crm_requirement_store_run (self, N_("Merge requirements"), merge_in_transaction, &data,
                                    0, error);
}
