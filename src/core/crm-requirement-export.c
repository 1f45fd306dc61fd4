/* crm-requirement-export.c — exporting requirements to a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * One row per requirement (merged duplicates left out), in board order:
 * by status, then by place in the column. Like the customer export
 * (crm-csv-writer.c does the file), headers and enumerations are Chinese
 * whatever the interface language, since they name data. With masking,
 * the personal names (owner, an individual customer's name) are masked.
 */

#define G_LOG_DOMAIN "crm-requirement-export"

#include <glib/gi18n-lib.h>

#include "crm-csv-writer.h"
#include "crm-mask.h"
#include "crm-requirement-export.h"

static const char *headers[] = {
  "需求编号", "标题", "状态", "客户", "全部客户", "负责人", "截止日期", "重要性", "紧急性",
  "象限", "来源", "性质", "类别", "Kano 分类", "与产品关系", "MoSCoW", "价值（元）", "成本（元）",
  "描述", "用户故事", "谁", "什么", "何时", "何地", "为何", "如何", "验收标准", "处理结果",
  "满意度", "创建时间", "更新时间",
};

typedef struct
{
  gboolean mask;
  guint    n_requirements;
} ExportData;

static const char *
text (sqlite3_stmt *stmt,
      int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

static char *
number (sqlite3_stmt *stmt,
        int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return g_strdup ("");

  return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)sqlite3_column_int64 (stmt, column));
}

static const char *
chinese (CrmRequirementEnum  type,
         sqlite3_stmt       *stmt,
         int                 column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return "";

  return crm_requirement_enum_get_chinese (type, crm_requirement_enum_from_string (type, text (stmt, column)));
}

static gboolean
write_rows (CrmDatabase    *db,
            GOutputStream  *stream,
            gpointer        user_data,
            GError        **error)
{
  ExportData *data = user_data;
  g_autoptr(GString) out = g_string_sized_new (CRM_CSV_FLUSH_SIZE + 4096);
  sqlite3_stmt *stmt;
  int rc;

  crm_csv_append_row (out, headers, G_N_ELEMENTS (headers));

  stmt = crm_database_prepare (db,
                               "SELECT r.code, r.title, r.status, c.name, c.kind,"
                               "       (SELECT group_concat (k.name, '; ') FROM requirement_customer rc"
                               "          JOIN customer k ON k.id = rc.customer_id"
                               "          WHERE rc.requirement_id = r.id),"
                               "       r.owner, r.due_on, r.importance, r.urgency, r.source, r.nature,"
                               "       r.category, r.kano, r.relation, r.moscow, r.value, r.cost,"
                               "       r.description, r.user_story, r.who, r.what, r.when_, r.where_,"
                               "       r.why, r.how, r.acceptance, r.resolution, r.satisfaction,"
                               "       r.created_at, r.updated_at"
                               "  FROM requirement r LEFT JOIN customer c ON c.id = r.customer_id"
                               "  WHERE r.merged_into IS NULL"
                               "  ORDER BY r.status = 'rejected', r.status = 'done',"
                               "    r.status = 'in_progress', r.position, r.id",
                               error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean individual = g_strcmp0 (text (stmt, 4), "individual") == 0;
      CrmQuadrant quadrant = crm_quadrant_for (sqlite3_column_int (stmt, 8), sqlite3_column_int (stmt, 9));
      g_autofree char *customer = NULL;
      g_autofree char *owner = NULL;
      g_autofree char *importance = number (stmt, 8);
      g_autofree char *urgency = number (stmt, 9);
      g_autofree char *value = number (stmt, 16);
      g_autofree char *cost = number (stmt, 17);
      g_autofree char *satisfaction = number (stmt, 28);
      const char *fields[G_N_ELEMENTS (headers)];
      guint n = 0;

      customer = data->mask && individual && text (stmt, 3) != NULL
                 ? crm_mask_name (text (stmt, 3)) : g_strdup (text (stmt, 3));
      owner = data->mask && text (stmt, 6) != NULL ? crm_mask_name (text (stmt, 6)) : g_strdup (text (stmt, 6));

      fields[n++] = text (stmt, 0);
      fields[n++] = text (stmt, 1);
      fields[n++] = chinese (CRM_REQUIREMENT_ENUM_STATUS, stmt, 2);
      fields[n++] = customer;
      /* The list of every customer is masked whole: it may name people. */
      fields[n++] = data->mask ? "" : text (stmt, 5);
      fields[n++] = owner;
      fields[n++] = text (stmt, 7);
      fields[n++] = importance;
      fields[n++] = urgency;
      fields[n++] = crm_requirement_enum_get_chinese (CRM_REQUIREMENT_ENUM_QUADRANT, quadrant);
      fields[n++] = chinese (CRM_REQUIREMENT_ENUM_SOURCE, stmt, 10);
      fields[n++] = chinese (CRM_REQUIREMENT_ENUM_NATURE, stmt, 11);
      fields[n++] = chinese (CRM_REQUIREMENT_ENUM_CATEGORY, stmt, 12);
      fields[n++] = chinese (CRM_REQUIREMENT_ENUM_KANO, stmt, 13);
      fields[n++] = chinese (CRM_REQUIREMENT_ENUM_RELATION, stmt, 14);
      fields[n++] = chinese (CRM_REQUIREMENT_ENUM_MOSCOW, stmt, 15);
      fields[n++] = value;
      fields[n++] = cost;
      for (int column = 18; column <= 27; column++)
        fields[n++] = text (stmt, column);
      fields[n++] = satisfaction;
      fields[n++] = text (stmt, 29);
      fields[n++] = text (stmt, 30);
      g_assert (n == G_N_ELEMENTS (headers));

      crm_csv_append_row (out, fields, n);
      data->n_requirements++;

      if (!crm_csv_flush (stream, out, FALSE, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      crm_database_set_sql_error (db, error, "requirement");
      return FALSE;
    }

  return crm_csv_flush (stream, out, TRUE, error);
}

/**
 * crm_requirement_export_run:
 * @store: the requirements to export
 * @path: the CSV file to write
 * @flags: masking and overwriting
 * @n_requirements: (out) (optional): how many rows were written
 * @error: return location for a #GIOError (%G_IO_ERROR_EXISTS when @path
 *   exists and @flags lacks %CRM_EXPORT_OVERWRITE) or a database error
 *
 * Returns: %TRUE when the file was written
 */
gboolean
crm_requirement_export_run (CrmRequirementStore  *store,
                            const char           *path,
                            CrmExportFlags        flags,
                            guint                *n_requirements,
                            GError              **error)
{
  ExportData data = { (flags & CRM_EXPORT_MASK) != 0, 0 };

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (n_requirements != NULL)
    *n_requirements = 0;

  if (!crm_csv_write_file (crm_requirement_store_get_database (store), path,
                           (flags & CRM_EXPORT_OVERWRITE) != 0, write_rows, &data, error))
    return FALSE;

  if (n_requirements != NULL)
    *n_requirements = data.n_requirements;

  return TRUE;
}
