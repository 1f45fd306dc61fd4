/* crm-requirement-store-move.c — moving cards between and within board columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The order of the cards in a column is their `position`, a double, and
 * positions are sparse: a new card goes GAP after the last one, and a card
 * dropped between two others takes the midpoint of theirs. So a move
 * writes one row, not the whole column ("no renumbering storm").
 *
 * Midpoints halve the gap each time; after some twenty moves into the very
 * same gap it gets too small for a double to split. Only then are
 * positions respaced, and only around the drop: a window of neighbours
 * that grows (8, 32, 128 … cards each side) until the room between its
 * ends gives every card in it a comfortable gap again. Respacing is rare
 * and touches few rows, so its cost amortises to a few rows per move.
 */

#define G_LOG_DOMAIN "crm-requirement-store"

#include <glib/gi18n-lib.h>

#include "crm-key-follow-up.h"
#include "crm-requirement-store-private.h"

/* The gap between neighbours in a fresh column. */
#define GAP 1024.0
/* Below this a gap is not split again: the window is respaced instead. */
#define MIN_GAP 1e-4
/* Respacing aims at least this gap, so the next respacing is far off. */
#define RESPACE_GAP 0.5

typedef struct
{
  gint64 id;
  double position;
} Slot;

/**
 * crm_requirement_store_end_position:
 * @excluded_id: a requirement not to count (the one being moved), or 0
 *
 * Returns: a position after every card of the column
 */
double
crm_requirement_store_end_position (CrmDatabase          *db,
                                    CrmRequirementStatus  status,
                                    gint64                excluded_id)
{
  sqlite3_stmt *stmt;
  double position = 0;

  stmt = crm_database_prepare (db,
                               "SELECT position FROM requirement"
                               "  WHERE merged_into IS NULL AND status = ? AND id != ?"
                               "  ORDER BY position DESC, id DESC LIMIT 1",
                               NULL);
  if (stmt == NULL)
    return GAP;

  sqlite3_bind_text (stmt, 1, crm_requirement_enum_to_string (CRM_REQUIREMENT_ENUM_STATUS, status),
                     -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, excluded_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_double (stmt, 0);
  sqlite3_reset (stmt);

  return position + GAP;
}

/* Up to @limit cards of the column before (or from, when @after) the card
 * @anchor, nearest first, leaving out @excluded_id. */
static GArray *
neighbours (CrmDatabase *db,
            const char  *status,
            double       anchor_position,
            gint64       anchor_id,
            gint64       excluded_id,
            gboolean     after,
            guint        limit)
{
  GArray *slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db,
                               after
                               ? "SELECT id, position FROM requirement"
                                 "  WHERE merged_into IS NULL AND status = ?1 AND id != ?4"
                                 "    AND (position, id) >= (?2, ?3)"
                                 "  ORDER BY position, id LIMIT ?5"
                               : "SELECT id, position FROM requirement"
                                 "  WHERE merged_into IS NULL AND status = ?1 AND id != ?4"
                                 "    AND (position, id) < (?2, ?3)"
                                 "  ORDER BY position DESC, id DESC LIMIT ?5",
                               NULL);
  if (stmt == NULL)
    return slots;

  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 2, anchor_position);
  sqlite3_bind_int64 (stmt, 3, anchor_id);
  sqlite3_bind_int64 (stmt, 4, excluded_id);
  sqlite3_bind_int64 (stmt, 5, limit);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Slot slot = { sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1) };

      g_array_append_val (slots, slot);
    }
  sqlite3_reset (stmt);

  return slots;
}

static gboolean
set_position (CrmDatabase  *db,
              gint64        id,
              double        position,
              GError      **error)
{
  sqlite3_stmt *stmt = crm_database_prepare (db, "UPDATE requirement SET position = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_double (stmt, 1, position);
  sqlite3_bind_int64 (stmt, 2, id);

  return crm_database_step_done (db, stmt, error);
}

/* Spreads a window of cards around the drop point evenly and returns the
 * position for the moved card between the two halves. */
static gboolean
respace (CrmDatabase  *db,
         const char   *status,
         double        anchor_position,
         gint64        anchor_id,
         gint64        moving_id,
         double       *position,
         GError      **error)
{
  for (guint w = 8; ; w *= 4)
    {
      g_autoptr(GArray) before = neighbours (db, status, anchor_position, anchor_id, moving_id, FALSE, w + 1);
      g_autoptr(GArray) after = neighbours (db, status, anchor_position, anchor_id, moving_id, TRUE, w + 1);
      guint n_before = MIN (before->len, w);
      guint n_after = MIN (after->len, w);
      guint n = n_before + n_after + 1;
      gboolean whole = before->len <= w && after->len <= w;
      double low, high, step;
      guint slot = 0;

      low = before->len > w ? g_array_index (before, Slot, w).position
            : (n_before > 0 ? g_array_index (before, Slot, n_before - 1).position
                              : g_array_index (after, Slot, 0).position) - GAP * n;
      high = after->len > w ? g_array_index (after, Slot, w).position
             : g_array_index (after, Slot, n_after - 1).position + GAP * n;
      step = (high - low) / (n + 1);

      if (step < RESPACE_GAP && !whole)
        continue;

      g_debug ("Respacing %u cards around %" G_GINT64_FORMAT, n, anchor_id);

      for (guint i = n_before; i > 0; i--)
        if (!set_position (db, g_array_index (before, Slot, i - 1).id, low + step * ++slot, error))
          return FALSE;
      *position = low + step * ++slot;
      for (guint i = 0; i < n_after; i++)
        if (!set_position (db, g_array_index (after, Slot, i).id, low + step * ++slot, error))
          return FALSE;

      return TRUE;
    }
}

/* The position for a card dropped just before @before_id (0: at the end)
 * in the column @status; may respace a few neighbours. */
static gboolean
position_before (CrmDatabase           *db,
                 CrmRequirementStatus   status,
                 gint64                 before_id,
                 gint64                 moving_id,
                 double                *position,
                 gboolean              *respaced,
                 GError               **error)
{
  const char *status_text = crm_requirement_enum_to_string (CRM_REQUIREMENT_ENUM_STATUS, status);
  g_autoptr(GArray) previous = NULL;
  sqlite3_stmt *stmt;
  double anchor;
  gboolean found = FALSE;
  gboolean same_column = FALSE;

  if (before_id <= 0)
    {
      *position = crm_requirement_store_end_position (db, status, moving_id);
      return TRUE;
    }

  stmt = crm_database_prepare (db,
                               "SELECT position, status = ? FROM requirement"
                               "  WHERE id = ? AND merged_into IS NULL",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, status_text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, before_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      anchor = sqlite3_column_double (stmt, 0);
      same_column = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);

  if (!found)
    {
      g_set_error (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_NOT_FOUND,
                   _("The card to place it before no longer exists."));
      return FALSE;
    }
  if (!same_column)
    {
      g_set_error (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_STATE,
                   _("The card to place it before is in another column."));
      return FALSE;
    }

  previous = neighbours (db, status_text, anchor, before_id, moving_id, FALSE, 1);
  if (previous->len == 0)
    {
      *position = anchor - GAP;
      return TRUE;
    }

  if (anchor - g_array_index (previous, Slot, 0).position >= 2 * MIN_GAP)
    {
      *position = (anchor + g_array_index (previous, Slot, 0).position) / 2;
      return TRUE;
    }

  *respaced = TRUE;

  return respace (db, status_text, anchor, before_id, moving_id, position, error);
}

typedef struct
{
  CrmRequirementStore         *self;
  gint64                       id;
  CrmRequirementStatus         status;
  gint64                       before_id;
  const CrmRequirementClosure *closure;
  gboolean                     respaced;
} MoveData;

/* A satisfaction below 3 flags every customer of the requirement for key
 * follow-up (重点跟进), inside the caller's transaction; the move to Done
 * and a save from the editor call this. */
gboolean
crm_requirement_store_raise_key_follow_ups (CrmDatabase  *db,
                                            gint64        requirement_id,
                                            int           satisfaction,
                                            GError      **error)
{
  g_autoptr(GArray) customers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *title = NULL;
  g_autofree char *source = NULL;
  sqlite3_stmt *stmt;
  int rc;

  /* 0 is a skipped score, which says nothing. */
  if (satisfaction < 1 || satisfaction >= CRM_KEY_FOLLOW_UP_MIN_SATISFACTION)
    return TRUE;

  stmt = crm_database_prepare (db,
                               "SELECT rc.customer_id, r.title FROM requirement_customer rc"
                               "  JOIN requirement r ON r.id = rc.requirement_id"
                               "  WHERE rc.requirement_id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, requirement_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 customer_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (customers, customer_id);
      if (title == NULL)
        title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      crm_database_set_sql_error (db, error, "requirement_customer");
      return FALSE;
    }

  /* Translators: %s is a requirement's title; the reason a customer is
   * flagged for key follow-up reads "Satisfaction 2 of 5: requirement “…” closed". */
  source = g_strdup_printf (_("requirement “%s” closed"), title != NULL ? title : "");
  for (guint i = 0; i < customers->len; i++)
    if (!crm_key_follow_up_check_satisfaction (db, g_array_index (customers, gint64, i),
                                               satisfaction, source, error))
      return FALSE;

  return TRUE;
}

static gboolean
move_in_transaction (CrmDatabase  *db,
                     gpointer      user_data,
                     GError      **error)
{
  MoveData *data = user_data;
  sqlite3_stmt *stmt;
  int old_status;
  double position;
  gboolean closing = data->status == CRM_REQUIREMENT_STATUS_DONE ||
                     data->status == CRM_REQUIREMENT_STATUS_REJECTED;

  if (!crm_requirement_store_exists (db, data->id, &old_status, error))
    return FALSE;

  if (data->before_id == data->id)
    {
      g_set_error (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_STATE,
                   _("A card cannot be placed before itself."));
      return FALSE;
    }

  if (!position_before (db, data->status, data->before_id, data->id, &position,
                        &data->respaced, error))
    return FALSE;

  if (old_status != (int)data->status && closing)
    {
      stmt = crm_database_prepare (db,
                                   "UPDATE requirement SET status = ?, position = ?, resolution = ?,"
                                   "  satisfaction = ?, updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
                                   "  WHERE id = ?",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 3, data->closure->resolution, -1, SQLITE_TRANSIENT);
      if (data->status == CRM_REQUIREMENT_STATUS_DONE && data->closure->satisfaction > 0)
        sqlite3_bind_int (stmt, 4, data->closure->satisfaction);
      else
        sqlite3_bind_null (stmt, 4);
      sqlite3_bind_int64 (stmt, 5, data->id);
    }
  else
    {
      stmt = crm_database_prepare (db,
                                   "UPDATE requirement SET status = ?, position = ?,"
                                   "  updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
                                   "  WHERE id = ?",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 3, data->id);
    }
  sqlite3_bind_text (stmt, 1, crm_requirement_enum_to_string (CRM_REQUIREMENT_ENUM_STATUS, data->status),
                     -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 2, position);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;

  if (old_status == (int)data->status)
    return TRUE;

  if (!crm_requirement_store_write_history (db, data->id, old_status, data->status,
                                            data->self->actor,
                                            closing ? data->closure->resolution : NULL,
                                            error))
    return FALSE;

  if (data->status == CRM_REQUIREMENT_STATUS_DONE &&
      data->closure->satisfaction > 0 && data->closure->satisfaction < 3)
    {
      /* A satisfaction below 3 raises the key follow-up flag (重点跟进)
       * of every customer of the requirement, in this same transaction,
       * so that undoing the move lowers it again. */
      if (!crm_requirement_store_raise_key_follow_ups (db, data->id, data->closure->satisfaction, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * crm_requirement_store_move:
 * @id: the requirement (card) to move
 * @status: the column to move it to (its own to reorder it)
 * @before_id: the card it should come just before, which must be in that
 *   column; 0 puts it at the end
 * @closure: (nullable): required when moving to Done or Rejected: the
 *   resolution (or the reason for rejecting) and the satisfaction
 * @error: return location for a #CrmRequirementStoreError
 *
 * Moves a card as one undoable action ("Move requirement", or "Reorder
 * requirement" within a column). A change of status is written to the
 * status history with the time and the store's #CrmRequirementStore:actor.
 * Normally only the moved card's row is written.
 *
 * Returns: %TRUE when moved
 */
gboolean
crm_requirement_store_move (CrmRequirementStore          *self,
                            gint64                        id,
                            CrmRequirementStatus          status,
                            gint64                        before_id,
                            const CrmRequirementClosure  *closure,
                            GError                      **error)
{
  MoveData data = { self, id, status, before_id, closure, FALSE };
  int old_status = -1;
  gboolean ok;
  gboolean closing = status == CRM_REQUIREMENT_STATUS_DONE || status == CRM_REQUIREMENT_STATUS_REJECTED;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (self), FALSE);
  g_return_val_if_fail (status <= CRM_REQUIREMENT_STATUS_REJECTED, FALSE);

  if (!crm_requirement_store_exists (self->database, id, &old_status, error))
    return FALSE;

  if (closing && old_status != (int)status)
    {
      g_autofree char *resolution = NULL;

      if (closure != NULL && closure->resolution != NULL)
        resolution = g_strstrip (g_strdup (closure->resolution));

      if (resolution == NULL || resolution[0] == '\0')
        {
          g_set_error_literal (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_INVALID,
                               status == CRM_REQUIREMENT_STATUS_DONE
                               ? _("Resolution: say how the requirement was resolved.")
                               : _("Reason: say why the requirement is rejected."));
          return FALSE;
        }
      if (g_utf8_strlen (closure->resolution, -1) > CRM_REQUIREMENT_TEXT_MAX)
        {
          g_set_error (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_INVALID,
                       _("Resolution: at most %d characters."), CRM_REQUIREMENT_TEXT_MAX);
          return FALSE;
        }
      if (closure->satisfaction < 0 || closure->satisfaction > 5)
        {
          g_set_error_literal (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_INVALID,
                               _("Satisfaction: choose 1 to 5, or skip it."));
          return FALSE;
        }
    }

  self->recording++;
  ok = crm_journal_record (self->journal,
                           old_status == (int)status ? N_("Reorder requirement") : N_("Move requirement"),
                           move_in_transaction, &data, error);
  self->recording--;

  /* Respacing moved neighbours too: views reload rather than patch. */
  if (ok)
    crm_requirement_store_emit_changed (self, data.respaced ? 0 : id);

  return ok;
}
