/* crm-requirement-store-scores.c — re-scoring a requirement from a priority matrix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A drop on a priority matrix changes the fields its cell stands for —
 * importance and urgency together, value and cost together, or the MoSCoW
 * lane — as one transaction and one undoable action, writing one row.
 * These functions belong to CrmRequirementStore but live apart from the
 * board's files: the priorities page is their only user.
 */

#define G_LOG_DOMAIN "crm-requirement-store"

#include <glib/gi18n-lib.h>

#include "crm-requirement-store-private.h"
#include "crm-requirement-store-scores.h"

/* Reads the scores of requirement @id, or sets a NOT_FOUND error. */
static gboolean
read_scores (CrmDatabase        *db,
             gint64              id,
             CrmPriorityScores  *scores,
             GError            **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = crm_database_prepare (db,
                               "SELECT importance, urgency, ifnull (value, -1), ifnull (cost, -1), moscow"
                               "  FROM requirement WHERE id = ? AND merged_into IS NULL",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      scores->importance = sqlite3_column_int (stmt, 0);
      scores->urgency = sqlite3_column_int (stmt, 1);
      scores->value = sqlite3_column_int64 (stmt, 2);
      scores->cost = sqlite3_column_int64 (stmt, 3);
      scores->moscow = crm_requirement_enum_from_string (CRM_REQUIREMENT_ENUM_MOSCOW,
                                                         (const char *)sqlite3_column_text (stmt, 4));
    }
  sqlite3_reset (stmt);

  if (!found)
    g_set_error (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_NOT_FOUND,
                 _("The requirement no longer exists."));

  return found;
}

static gboolean
check_scores (const CrmPriorityScores  *scores,
              GError                  **error)
{
  const char *message = NULL;

  if (scores->importance < 1 || scores->importance > CRM_PRIORITY_SCALE)
    message = _("Importance: choose 1 to 5.");
  else if (scores->urgency < 1 || scores->urgency > CRM_PRIORITY_SCALE)
    message = _("Urgency: choose 1 to 5.");
  else if (scores->value < -1)
    message = _("Value: enter an amount of zero or more.");
  else if (scores->cost < -1)
    message = _("Cost: enter an amount of zero or more.");
  else if (scores->moscow < 0 ||
           (guint)scores->moscow >= crm_requirement_enum_n_values (CRM_REQUIREMENT_ENUM_MOSCOW))
    message = _("MoSCoW: choose Must, Should, Could or Won’t.");

  if (message != NULL)
    g_set_error_literal (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_INVALID, message);

  return message == NULL;
}

static void
bind_amount (sqlite3_stmt *stmt,
             int           index,
             gint64        yuan)
{
  if (yuan < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, yuan);
}

static gboolean
write_scores (CrmDatabase              *db,
              gint64                    id,
              const CrmPriorityScores  *scores,
              GError                  **error)
{
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db,
                               "UPDATE requirement SET importance = ?, urgency = ?, value = ?, cost = ?,"
                               "  moscow = ?, updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
                               "  WHERE id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, scores->importance);
  sqlite3_bind_int (stmt, 2, scores->urgency);
  bind_amount (stmt, 3, scores->value);
  bind_amount (stmt, 4, scores->cost);
  sqlite3_bind_text (stmt, 5, crm_requirement_enum_to_string (CRM_REQUIREMENT_ENUM_MOSCOW, scores->moscow),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, id);

  return crm_database_step_done (db, stmt, error);
}

typedef struct
{
  gint64                   id;
  const CrmPriorityScores *scores;  /* set_scores: the new scores */
  CrmPriorityView          view;    /* move_to_cell: the cell */
  guint                    row;
  guint                    column;
} ScoresData;

static gboolean
set_in_transaction (CrmDatabase  *db,
                    gpointer      user_data,
                    GError      **error)
{
  ScoresData *data = user_data;
  CrmPriorityScores old;

  return read_scores (db, data->id, &old, error) &&
         write_scores (db, data->id, data->scores, error);
}

/**
 * crm_requirement_store_get_scores:
 * @scores: (out): the requirement's scores
 *
 * Returns: %TRUE when requirement @id exists
 */
gboolean
crm_requirement_store_get_scores (CrmRequirementStore  *self,
                                  gint64                id,
                                  CrmPriorityScores    *scores,
                                  GError              **error)
{
  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), FALSE);
  g_return_val_if_fail (scores != NULL, FALSE);

  return read_scores (self->database, id, scores, error);
}

/**
 * crm_requirement_store_set_scores:
 * @scores: the new importance, urgency, value, cost and MoSCoW lane
 * @error: return location for a #CrmRequirementStoreError
 *
 * Writes all of @scores to requirement @id as one undoable action
 * ("Re-prioritise requirement"). A score out of range is refused with an
 * INVALID error naming the field.
 *
 * Returns: %TRUE when saved
 */
gboolean
crm_requirement_store_set_scores (CrmRequirementStore      *self,
                                  gint64                    id,
                                  const CrmPriorityScores  *scores,
                                  GError                  **error)
{
  ScoresData data = { id, scores, 0, 0, 0 };

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), FALSE);
  g_return_val_if_fail (scores != NULL, FALSE);

  if (!check_scores (scores, error))
    return FALSE;

  return crm_requirement_store_run (self, N_("Re-prioritise requirement"),
                                    set_in_transaction, &data, id, error);
}

static gboolean
move_in_transaction (CrmDatabase  *db,
                     gpointer      user_data,
                     GError      **error)
{
  ScoresData *data = user_data;
  CrmPriorityScores scores;

  if (!read_scores (db, data->id, &scores, error))
    return FALSE;

  crm_priority_apply_cell (data->view, data->row, data->column, &scores);

  return write_scores (db, data->id, &scores, error);
}

/**
 * crm_requirement_store_move_to_cell:
 * @view: the matrix
 * @row: the cell's row on @view
 * @column: the cell's column on @view
 * @error: return location for a #CrmRequirementStoreError
 *
 * What a drop on a matrix cell does: gives requirement @id the scores of
 * that cell (see crm_priority_apply_cell()) as one undoable action. A drop
 * on the cell the requirement is already in changes nothing and records
 * no action.
 *
 * Returns: %TRUE when the requirement is in that cell now
 */
gboolean
crm_requirement_store_move_to_cell (CrmRequirementStore  *self,
                                    gint64                id,
                                    CrmPriorityView       view,
                                    guint                 row,
                                    guint                 column,
                                    GError              **error)
{
  ScoresData data = { id, NULL, view, row, column };
  CrmPriorityScores scores;
  guint old_row, old_column;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), FALSE);
  g_return_val_if_fail (row < crm_priority_view_get_n_rows (view), FALSE);
  g_return_val_if_fail (column < crm_priority_view_get_n_columns (view), FALSE);

  if (!read_scores (self->database, id, &scores, error))
    return FALSE;

  if (crm_priority_cell_of (view, &scores, &old_row, &old_column) &&
      old_row == row && old_column == column)
    return TRUE;

  return crm_requirement_store_run (self, N_("Re-prioritise requirement"),
                                    move_in_transaction, &data, id, error);
}
