/* crm-report-notes.c — the manager's conclusions and execution plan of a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Notes belong to a period and a segment (the report row is made by the
 * first edit, inside that edit's undoable action). Every edit is one
 * action of the undo journal.
 */

#define G_LOG_DOMAIN "crm-report"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-report-notes.h"

struct _CrmReportNotes
{
  GObject    parent_instance;

  char      *conclusions[CRM_REPORT_N_SECTIONS];
  GPtrArray *plan;
};

G_DEFINE_FINAL_TYPE (CrmReportNotes, crm_report_notes, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-report-notes-error-quark, crm_report_notes_error)

static void
crm_report_notes_finalize (GObject *object)
{
  CrmReportNotes *self = (CrmReportNotes *)object;

  for (guint i = 0; i < CRM_REPORT_N_SECTIONS; i++)
    g_free (self->conclusions[i]);
  g_ptr_array_unref (self->plan);

  G_OBJECT_CLASS (crm_report_notes_parent_class)->finalize (object);
}

static void
crm_report_notes_class_init (CrmReportNotesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_report_notes_finalize;
}

static void
crm_report_notes_init (CrmReportNotes *self)
{
  self->plan = g_ptr_array_new_with_free_func ((GDestroyNotify)crm_plan_item_free);
}

static void
bind_report_key (sqlite3_stmt     *stmt,
                 const CrmPeriod  *period,
                 const CrmSegment *segment)
{
  g_autofree char *key = crm_segment_to_key (segment);

  sqlite3_bind_text (stmt, 1, period->key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

/**
 * crm_report_notes_load:
 * @database: the database
 * @period: the period
 * @segment: the segment
 * @error: return location for a database error
 *
 * Returns: (transfer full) (nullable): what the manager saved for the
 *   report of @period and @segment (empty when nothing was)
 */
CrmReportNotes *
crm_report_notes_load (CrmDatabase       *database,
                       const CrmPeriod   *period,
                       const CrmSegment  *segment,
                       GError           **error)
{
  g_autoptr(CrmReportNotes) self = g_object_new (CRM_TYPE_REPORT_NOTES, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CRM_IS_DATABASE (database), NULL);

  stmt = crm_database_prepare (database,
                               "SELECT n.section, n.body FROM report_conclusion n"
                               "  JOIN report r ON r.id = n.report_id"
                               "  WHERE r.period = ?1 AND r.segment = ?2",
                               error);
  if (stmt == NULL)
    return NULL;
  bind_report_key (stmt, period, segment);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmReportSection section = crm_report_section_from_string ((const char *)sqlite3_column_text (stmt, 0));

      if (section < CRM_REPORT_N_SECTIONS)
        self->conclusions[section] = dup_column (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      crm_database_set_sql_error (database, error, "report_conclusion");
      return NULL;
    }

  stmt = crm_database_prepare (database,
                               "SELECT p.id, p.segment, p.strategy, p.measures, p.owner, p.deadline,"
                               "       p.expected_effect"
                               "  FROM report_plan_item p JOIN report r ON r.id = p.report_id"
                               "  WHERE r.period = ?1 AND r.segment = ?2 ORDER BY p.position, p.id",
                               error);
  if (stmt == NULL)
    return NULL;
  bind_report_key (stmt, period, segment);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrmPlanItem *item = crm_plan_item_new ();

      item->id = sqlite3_column_int64 (stmt, 0);
      item->segment = dup_column (stmt, 1);
      item->strategy = dup_column (stmt, 2);
      item->measures = dup_column (stmt, 3);
      item->owner = dup_column (stmt, 4);
      item->deadline = dup_column (stmt, 5);
      item->expected_effect = dup_column (stmt, 6);
      g_ptr_array_add (self->plan, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      crm_database_set_sql_error (database, error, "report_plan_item");
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* Returns: (nullable): the conclusion, %NULL when none was written. */
const char *
crm_report_notes_get_conclusion (CrmReportNotes   *self,
                                 CrmReportSection  section)
{
  g_return_val_if_fail (CRM_IS_REPORT_NOTES (self), NULL);
  g_return_val_if_fail (section < CRM_REPORT_N_SECTIONS, NULL);

  return self->conclusions[section];
}

/* Returns: (transfer none) (element-type CrmPlanItem): the plan, in order. */
GPtrArray *
crm_report_notes_get_plan (CrmReportNotes *self)
{
  g_return_val_if_fail (CRM_IS_REPORT_NOTES (self), NULL);

  return self->plan;
}

/* Validation ------------------------------------------------------------ */

static gboolean
check_length (const char  *field,
              const char  *text,
              glong        max,
              GError     **error)
{
  if (text != NULL && g_utf8_strlen (text, -1) > max)
    {
      g_set_error (error, CRM_REPORT_NOTES_ERROR, CRM_REPORT_NOTES_ERROR_INVALID,
                   /* Translators: %s is a field such as "Measures". */
                   _("%s is too long: at most %ld characters."), field, max);
      return FALSE;
    }

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CRM_REPORT_NOTES_ERROR, CRM_REPORT_NOTES_ERROR_INVALID,
                   _("%s is not valid UTF-8 text."), field);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_date (const char *text)
{
  unsigned year, month, day;
  int end = 0;

  return strlen (text) == 10 &&
         sscanf (text, "%4u-%2u-%2u%n", &year, &month, &day, &end) == 3 && end == 10 &&
         text[4] == '-' && text[7] == '-' &&
         g_date_valid_dmy (day, month, year);
}

/**
 * crm_report_notes_check_plan_item:
 * @item: a plan row as typed
 * @error: return location for a %CRM_REPORT_NOTES_ERROR_INVALID naming the
 *   field
 *
 * Returns: %TRUE when @item can be saved
 */
gboolean
crm_report_notes_check_plan_item (const CrmPlanItem  *item,
                                  GError            **error)
{
  if (!check_length (_("Segment"), item->segment, CRM_REPORT_PLAN_FIELD_MAX, error) ||
      !check_length (_("Strategy"), item->strategy, CRM_REPORT_PLAN_FIELD_MAX, error) ||
      !check_length (_("Measures"), item->measures, CRM_REPORT_PLAN_FIELD_MAX, error) ||
      !check_length (_("Owner"), item->owner, CRM_REPORT_PLAN_FIELD_MAX, error) ||
      !check_length (_("Expected effect"), item->expected_effect, CRM_REPORT_PLAN_FIELD_MAX, error))
    return FALSE;

  if (item->deadline != NULL && *item->deadline != '\0' && !is_date (item->deadline))
    {
      g_set_error (error, CRM_REPORT_NOTES_ERROR, CRM_REPORT_NOTES_ERROR_INVALID,
                   _("Deadline “%s” is not a date; write it as YYYY-MM-DD."), item->deadline);
      return FALSE;
    }

  return TRUE;
}

/* Writing --------------------------------------------------------------- */

typedef struct
{
  const CrmPeriod   *period;
  const CrmSegment  *segment;
  CrmReportSection   section;
  const char        *text;
  const CrmPlanItem *item;
  gint64             id;
} Edit;

static gint64
ensure_report (CrmDatabase  *db,
               Edit         *edit,
               GError      **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = crm_database_prepare (db, "INSERT OR IGNORE INTO report (period, segment) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return 0;
  bind_report_key (stmt, edit->period, edit->segment);
  if (!crm_database_step_done (db, stmt, error))
    return 0;

  stmt = crm_database_prepare (db, "SELECT id FROM report WHERE period = ?1 AND segment = ?2", error);
  if (stmt == NULL)
    return 0;
  bind_report_key (stmt, edit->period, edit->segment);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  g_autofree char *stripped = text != NULL ? g_strstrip (g_strdup (text)) : NULL;

  if (stripped == NULL || *stripped == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, stripped, -1, SQLITE_TRANSIENT);
}

static gboolean
set_conclusion_cb (CrmDatabase  *db,
                   gpointer      user_data,
                   GError      **error)
{
  Edit *edit = user_data;
  gint64 report = ensure_report (db, edit, error);
  gboolean empty = edit->text == NULL || *edit->text == '\0';
  sqlite3_stmt *stmt;

  if (report == 0)
    return FALSE;

  if (empty)
    stmt = crm_database_prepare (db, "DELETE FROM report_conclusion WHERE report_id = ?1 AND section = ?2",
                                 error);
  else
    stmt = crm_database_prepare (db,
                                 "INSERT INTO report_conclusion (report_id, section, body) VALUES (?1, ?2, ?3)"
                                 "  ON CONFLICT (report_id, section) DO UPDATE SET body = ?3",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, report);
  sqlite3_bind_text (stmt, 2, crm_report_section_to_string (edit->section), -1, SQLITE_STATIC);
  if (!empty)
    sqlite3_bind_text (stmt, 3, edit->text, -1, SQLITE_TRANSIENT);

  return crm_database_step_done (db, stmt, error);
}

/**
 * crm_report_notes_set_conclusion:
 * @journal: the undo journal of the database
 * @period: the report's period
 * @segment: the report's segment
 * @section: the section
 * @text: (nullable): the conclusion; empty or %NULL removes it
 * @error: return location for an error
 *
 * Saves the conclusion as one undoable action.
 *
 * Returns: %TRUE when saved
 */
gboolean
crm_report_notes_set_conclusion (CrmJournal        *journal,
                                 const CrmPeriod   *period,
                                 const CrmSegment  *segment,
                                 CrmReportSection   section,
                                 const char        *text,
                                 GError           **error)
{
  Edit edit = { period, segment, section, text, NULL, 0 };
  g_autofree char *label = NULL;

  g_return_val_if_fail (CRM_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (section < CRM_REPORT_N_SECTIONS, FALSE);

  if (!check_length (crm_report_section_get_title (section), text, CRM_REPORT_CONCLUSION_MAX, error))
    return FALSE;

  /* Translators: an undoable action; %s is a report section such as
   * "Problems found". */
  label = g_strdup_printf (_("Edit conclusion of “%s”"), crm_report_section_get_title (section));

  return crm_journal_record (journal, label, set_conclusion_cb, &edit, error);
}

static gboolean
bind_plan_item (sqlite3_stmt      *stmt,
                const CrmPlanItem *item)
{
  bind_text_or_null (stmt, 1, item->segment);
  bind_text_or_null (stmt, 2, item->strategy);
  bind_text_or_null (stmt, 3, item->measures);
  bind_text_or_null (stmt, 4, item->owner);
  bind_text_or_null (stmt, 5, item->deadline);
  bind_text_or_null (stmt, 6, item->expected_effect);

  return TRUE;
}

static gboolean
add_plan_item_cb (CrmDatabase  *db,
                  gpointer      user_data,
                  GError      **error)
{
  Edit *edit = user_data;
  gint64 report = ensure_report (db, edit, error);
  sqlite3_stmt *stmt;

  if (report == 0)
    return FALSE;

  stmt = crm_database_prepare (db,
                               "INSERT INTO report_plan_item (segment, strategy, measures, owner, deadline,"
                               "  expected_effect, report_id, position)"
                               "  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                               "    (SELECT ifnull (max (position), -1) + 1 FROM report_plan_item"
                               "     WHERE report_id = ?7))",
                               error);
  if (stmt == NULL)
    return FALSE;

  bind_plan_item (stmt, edit->item);
  sqlite3_bind_int64 (stmt, 7, report);
  if (!crm_database_step_done (db, stmt, error))
    return FALSE;

  edit->id = sqlite3_last_insert_rowid (crm_database_get_handle (db));

  return TRUE;
}

/**
 * crm_report_notes_add_plan_item:
 * @journal: the undo journal of the database
 * @period: the report's period
 * @segment: the report's segment
 * @item: the new row (its id is ignored)
 * @error: return location for an error
 *
 * Appends a row to the execution plan as one undoable action.
 *
 * Returns: the new row's id, or 0 with @error set
 */
gint64
crm_report_notes_add_plan_item (CrmJournal         *journal,
                                const CrmPeriod    *period,
                                const CrmSegment   *segment,
                                const CrmPlanItem  *item,
                                GError            **error)
{
  Edit edit = { period, segment, 0, NULL, item, 0 };

  g_return_val_if_fail (CRM_IS_JOURNAL (journal), 0);
  g_return_val_if_fail (item != NULL, 0);

  if (!crm_report_notes_check_plan_item (item, error) ||
      !crm_journal_record (journal, _("Add execution plan item"), add_plan_item_cb, &edit, error))
    return 0;

  return edit.id;
}

static gboolean
require_changed_row (CrmDatabase  *db,
                     GError      **error)
{
  if (sqlite3_changes (crm_database_get_handle (db)) == 0)
    {
      g_set_error_literal (error, CRM_REPORT_NOTES_ERROR, CRM_REPORT_NOTES_ERROR_NOT_FOUND,
                           _("This execution plan item no longer exists."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
update_plan_item_cb (CrmDatabase  *db,
                     gpointer      user_data,
                     GError      **error)
{
  Edit *edit = user_data;
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db,
                               "UPDATE report_plan_item SET segment = ?1, strategy = ?2, measures = ?3,"
                               "  owner = ?4, deadline = ?5, expected_effect = ?6 WHERE id = ?7",
                               error);
  if (stmt == NULL)
    return FALSE;

  bind_plan_item (stmt, edit->item);
  sqlite3_bind_int64 (stmt, 7, edit->item->id);

  return crm_database_step_done (db, stmt, error) && require_changed_row (db, error);
}

/* Saves the fields of @item (by its id) as one undoable action. */
gboolean
crm_report_notes_update_plan_item (CrmJournal         *journal,
                                   const CrmPlanItem  *item,
                                   GError            **error)
{
  Edit edit = { NULL, NULL, 0, NULL, item, 0 };

  g_return_val_if_fail (CRM_IS_JOURNAL (journal), FALSE);
  g_return_val_if_fail (item != NULL && item->id > 0, FALSE);

  return crm_report_notes_check_plan_item (item, error) &&
         crm_journal_record (journal, _("Edit execution plan item"), update_plan_item_cb, &edit, error);
}

static gboolean
remove_plan_item_cb (CrmDatabase  *db,
                     gpointer      user_data,
                     GError      **error)
{
  Edit *edit = user_data;
  sqlite3_stmt *stmt = crm_database_prepare (db, "DELETE FROM report_plan_item WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);

  return crm_database_step_done (db, stmt, error) && require_changed_row (db, error);
}

gboolean
crm_report_notes_remove_plan_item (CrmJournal  *journal,
                                   gint64       id,
                                   GError     **error)
{
  Edit edit = { NULL, NULL, 0, NULL, NULL, id };

  g_return_val_if_fail (CRM_IS_JOURNAL (journal), FALSE);

  return crm_journal_record (journal, _("Remove execution plan item"), remove_plan_item_cb, &edit, error);
}
