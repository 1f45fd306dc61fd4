/* crm-customer-export.c — exporting customers to a CSV file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The file is for Chinese users and their spreadsheets: UTF-8 with a BOM
 * (without it Excel reads UTF-8 as the ANSI code page and garbles every
 * character), CRLF line ends, every field quoted, and Chinese header names
 * whatever the interface language, since they name data, not interface.
 * They are the first names crm-customer-import.c recognises, and values
 * are written in the forms it reads, so an export imports again into an
 * empty database with the same customer fields, contacts and tags.
 *
 * One row per customer. A customer's contacts share the contact columns,
 * separated by "; ", so the n-th name, title, phone and e-mail belong
 * together; an empty title stays as an empty piece to keep them aligned.
 *
 * A cell that starts with = + - or @ gets an apostrophe in front (see
 * crm-csv-writer.c); the importer removes it again.
 */

#define G_LOG_DOMAIN "crm-customer-export"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "crm-csv-writer.h"
#include "crm-customer-export.h"
#include "crm-mask.h"

/* Written to the stream when this much is buffered. */
#define FLUSH_SIZE (256 * 1024)

/* In the order of the columns; see crm-customer-import.c for the names
 * each field is recognised by. */
static const char *headers[] = {
  "客户编号", "客户名称", "客户类别", "统一社会信用代码", "身份证号", "成立日期", "所属行业",
  "员工数", "年营收（元）", "客户类型", "客户等级", "负责人", "省份", "城市", "区县", "地址",
  "痛点", "决策链", "备注", "标签",
  "联系人", "职务", "电话", "邮箱", "决策角色", "偏好渠道", "联系频率",
  "审核状态", "年采购额（元）",
};

enum
{
  COL_ID,
  COL_CODE,
  COL_NAME,
  COL_KIND,
  COL_CREDIT_CODE,
  COL_ID_NUMBER,
  COL_FOUNDED_ON,
  COL_INDUSTRY,
  COL_EMPLOYEES,
  COL_ANNUAL_REVENUE,
  COL_TYPE,
  COL_TIER,
  COL_OWNER,
  COL_PROVINCE,
  COL_CITY,
  COL_DISTRICT,
  COL_STREET,
  COL_PAIN_POINTS,
  COL_DECISION_CHAIN,
  COL_NOTES,
  COL_TAGS,
  COL_REVIEW_STATE,
  COL_ANNUAL_SPEND,
};

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static char *
column_number (sqlite3_stmt *stmt,
               int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return g_strdup ("");

  return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));
}

static char *
masked (char *(*mask) (const char *),
        const char    *text,
        gboolean       enabled)
{
  if (text == NULL)
    return g_strdup ("");

  return enabled ? mask (text) : g_strdup (text);
}

static char *
identity (const char *text)
{
  return g_strdup (text);
}

/* Appends the customer's contacts as seven "; "-joined cells. */
static gboolean
append_contacts (CrmDatabase  *db,
                 GString      *out,
                 gint64        customer_id,
                 gboolean      mask,
                 GError      **error)
{
  char *(*masks[7]) (const char *) = {
    crm_mask_name, identity, crm_mask_phone, crm_mask_email, identity, identity, identity,
  };
  GString *joined[7];
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  stmt = crm_database_prepare (db,
                               "SELECT name, title, phone, email, role, preferred_channel,"
                               "       preferred_frequency"
                               "  FROM contact WHERE customer_id = ? ORDER BY position, id",
                               error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (joined); i++)
    joined[i] = g_string_new (NULL);

  sqlite3_bind_int64 (stmt, 1, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint i = 0; i < G_N_ELEMENTS (joined); i++)
        {
          g_autofree char *value = masked (masks[i], column_text (stmt, i), mask);

          if (n > 0)
            g_string_append (joined[i], "; ");
          g_string_append (joined[i], value);
        }
      n++;
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < G_N_ELEMENTS (joined); i++)
    {
      crm_csv_append_field (out, joined[i]->str, FALSE);
      g_string_free (joined[i], TRUE);
    }

  if (rc != SQLITE_DONE)
    {
      crm_database_set_sql_error (db, error, "contact");
      return FALSE;
    }

  return TRUE;
}

static gboolean
append_customer (CrmDatabase   *db,
                 GString       *out,
                 sqlite3_stmt  *stmt,
                 gboolean       mask,
                 GError       **error)
{
  gboolean individual = g_strcmp0 (column_text (stmt, COL_KIND), "individual") == 0;
  CrmCustomerType type = crm_customer_type_from_string (column_text (stmt, COL_TYPE));
  g_autofree char *name = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *employees = column_number (stmt, COL_EMPLOYEES);
  g_autofree char *revenue = column_number (stmt, COL_ANNUAL_REVENUE);
  g_autofree char *spend = column_number (stmt, COL_ANNUAL_SPEND);

  /* An individual customer's name is a person's name. */
  name = masked (crm_mask_name, column_text (stmt, COL_NAME), mask && individual);
  id_number = masked (crm_mask_id_number, column_text (stmt, COL_ID_NUMBER), mask);

  crm_csv_append_field (out, column_text (stmt, COL_CODE), TRUE);
  crm_csv_append_field (out, name, FALSE);
  crm_csv_append_field (out, individual ? "个人" : "企业", FALSE);
  crm_csv_append_field (out, column_text (stmt, COL_CREDIT_CODE), FALSE);
  crm_csv_append_field (out, id_number, FALSE);
  crm_csv_append_field (out, column_text (stmt, COL_FOUNDED_ON), FALSE);
  crm_csv_append_field (out, column_text (stmt, COL_INDUSTRY), FALSE);
  crm_csv_append_field (out, employees, FALSE);
  crm_csv_append_field (out, revenue, FALSE);
  crm_csv_append_field (out,
                type == CRM_CUSTOMER_TYPE_STRATEGIC ? "战略客户" :
                type == CRM_CUSTOMER_TYPE_RETURNING ? "老客户" : "新客户",
                FALSE);
  crm_csv_append_field (out, column_text (stmt, COL_TIER), FALSE);
  crm_csv_append_field (out, column_text (stmt, COL_OWNER), FALSE);
  crm_csv_append_field (out, column_text (stmt, COL_PROVINCE), FALSE);
  crm_csv_append_field (out, column_text (stmt, COL_CITY), FALSE);
  crm_csv_append_field (out, column_text (stmt, COL_DISTRICT), FALSE);
  crm_csv_append_field (out, column_text (stmt, COL_STREET), FALSE);
  crm_csv_append_field (out, column_text (stmt, COL_PAIN_POINTS), FALSE);
  crm_csv_append_field (out, column_text (stmt, COL_DECISION_CHAIN), FALSE);
  crm_csv_append_field (out, column_text (stmt, COL_NOTES), FALSE);
  crm_csv_append_field (out, column_text (stmt, COL_TAGS), FALSE);

  if (!append_contacts (db, out, sqlite3_column_int64 (stmt, COL_ID), mask, error))
    return FALSE;

  crm_csv_append_field (out,
                g_strcmp0 (column_text (stmt, COL_REVIEW_STATE), "approved") == 0 ? "已审核" : "草稿",
                FALSE);
  crm_csv_append_field (out, spend, FALSE);
  g_string_append (out, "\r\n");

  return TRUE;
}

static gboolean
write_rows (CrmDatabase    *db,
            GOutputStream  *stream,
            gboolean        mask,
            guint          *n_customers,
            GError        **error)
{
  g_autoptr(GString) out = g_string_sized_new (FLUSH_SIZE + 4096);
  sqlite3_stmt *stmt;
  int rc;

  g_string_append (out, "\xef\xbb\xbf");
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    crm_csv_append_field (out, headers[i], i == 0);
  g_string_append (out, "\r\n");

  /* In the pinyin order of the customer list. */
  stmt = crm_database_prepare (db,
                               "SELECT c.id, c.code, c.name, c.kind, c.credit_code, c.id_number,"
                               "       c.founded_on, i.name, c.employees, c.annual_revenue,"
                               "       c.customer_type, c.tier, c.owner, c.province, c.city,"
                               "       c.district, c.street, c.pain_points, c.decision_chain, c.notes,"
                               "       (SELECT group_concat (name, '; ') FROM"
                               "          (SELECT t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id"
                               "           WHERE ct.customer_id = c.id ORDER BY t.name)),"
                               "       c.review_state, c.annual_spend"
                               "  FROM customer c LEFT JOIN industry i ON i.id = c.industry_id"
                               "  ORDER BY c.sort_key, c.id",
                               error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!append_customer (db, out, stmt, mask, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      (*n_customers)++;

      if (out->len >= FLUSH_SIZE)
        {
          if (!g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
          g_string_truncate (out, 0);
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      crm_database_set_sql_error (db, error, "customer");
      return FALSE;
    }

  return g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
}

/**
 * crm_customer_export_run:
 * @store: the customers to export
 * @path: the CSV file to write
 * @flags: masking and overwriting
 * @n_customers: (out) (optional): how many customers were written
 * @error: return location for a #GIOError (%G_IO_ERROR_EXISTS when @path
 *   exists and @flags lacks %CRM_EXPORT_OVERWRITE) or a database error
 *
 * Writes every customer, in pinyin order, as one row of a CSV file that
 * crm_customer_import_run() reads back. The rows come from one read
 * transaction, so they are consistent even while others write. On failure
 * no file is left behind, and a file being replaced is kept as it was.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
crm_customer_export_run (CrmCustomerStore  *store,
                         const char        *path,
                         CrmExportFlags     flags,
                         guint             *n_customers,
                         GError           **error)
{
  CrmDatabase *db;
  CrmCsvWriter *writer;
  guint count = 0;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_customers != NULL)
    *n_customers = 0;

  db = crm_customer_store_get_database (store);
  writer = crm_csv_writer_open (path, (flags & CRM_EXPORT_OVERWRITE) != 0, error);
  if (writer == NULL)
    return FALSE;

  if (!crm_database_exec (db, "BEGIN", error))
    ok = FALSE;
  else
    {
      ok = write_rows (db, crm_csv_writer_get_stream (writer), (flags & CRM_EXPORT_MASK) != 0, &count, error);
      /* Nothing was written to the database: ending the read transaction
       * either way is the same. */
      sqlite3_exec (crm_database_get_handle (db), ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
    }

  if (!crm_csv_writer_close (writer, ok, error))
    return FALSE;

  if (n_customers != NULL)
    *n_customers = count;

  return TRUE;
}
