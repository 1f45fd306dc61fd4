/* crm-demo-follow-ups.c — deterministic sample follow-ups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Sample follow-ups for the customers `rapport demo` has just added: a
 * history over the last year for each, by its owner, through varied
 * channels, with the feedback a real pipeline has (mostly needs to be
 * confirmed, some clear needs, a few refusals with their reason) and, for
 * some, a next action due around today, so the agenda shows overdue, due
 * today and due this week at once. Values come from a GRand seeded from
 * the customer's id, so the same database gives the same follow-ups (the
 * dates follow the calendar, as in crm-demo.c).
 *
 * Rows are inserted directly, and the customers' last contact and plan
 * are brought up to date once at the end, for all of them together
 * (crm_follow_up_store_update_last_contact_after()): the same values as
 * updating each customer after its follow-ups, without a statement, a
 * read of the cadence and a time zone per customer.
 */

#define G_LOG_DOMAIN "crm-demo-follow-ups"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-demo.h"
#include "crm-demo-follow-ups.h"
#include "crm-follow-up-plan.h"
#include "crm-follow-up-store.h"
#include "crm-sql-bind.h"

#define SEED 0x46555053u  /* "FUPS" */

static const char *channels[] = { "phone", "phone", "visit", "email", "meeting" };

static const char *contents[] = {
  "电话回访，了解系统上线后的使用情况",
  "上门拜访采购部，介绍新版本功能",
  "邮件发送季度服务报告",
  "线上会议演示数据看板，客户关注报表导出",
  "与财务负责人沟通续约价格",
  "客户反馈审批流程偏慢，记录需求",
  "陪同技术团队现场排查接口问题",
  "节日问候，顺带确认下季度采购计划",
  "参加客户年度供应商大会",
  "确认培训时间与参会人员",
};

static const char *refusals[] = {
  "预算已冻结至下一财年",
  "已选用竞争对手方案",
  "决策人变动，暂不推进",
};

static const char *next_actions[] = {
  "发送报价单",
  "安排技术交流会",
  "寄送合同草稿",
  "回访确认培训效果",
  "提交解决方案",
};

typedef struct
{
  guint   n_customers;
  guint   per_customer;
  guint   n_added;
} Generate;

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* As crm_time_format_utc() writes it, for a time in whole seconds. */
static void
format_utc (gint64  unix_time,
            char    text[21])
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);
  int year, month, day;

  g_date_time_get_ymd (time, &year, &month, &day);
  g_snprintf (text, 21, "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
              g_date_time_get_hour (time), g_date_time_get_minute (time),
              g_date_time_get_second (time));
}

/* One follow-up waiting for its INSERT, with the columns of
 * the follow-up store's INSERT. The texts are static, or the customer's
 * owner (kept for the transaction), but for the two times. */
typedef struct
{
  gint64      customer_id;
  char        happened_at[21];
  const char *owner;
  const char *channel;
  const char *content;
  const char *feedback;
  const char *refusal_reason;
  const char *next_action;
  char        next_action_due[21];  /* empty for none */
} Row;

/* Follow-ups inserted by one statement: a statement per row cost 0.3 to
 * 0.7 s more CPU for 300 000 follow-ups (a second more in user time, a
 * little less in system time). The rows keep their order, so their ids
 * are the same. */
#define BATCH_ROWS 16

typedef struct
{
  CrmDatabase *db;
  Row          rows[BATCH_ROWS];
  guint        n_rows;
} Batch;

static gboolean
flush_rows (Batch   *batch,
            GError **error)
{
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (batch->n_rows == 0)
    return TRUE;

  sql = g_string_new ("INSERT INTO follow_up (customer_id, happened_at, owner, channel,"
                      "  content, feedback, refusal_reason, next_action, next_action_due) VALUES ");
  for (guint i = 0; i < batch->n_rows; i++)
    g_string_append (sql, i == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  stmt = crm_database_prepare (batch->db, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < batch->n_rows; i++)
    {
      const Row *row = &batch->rows[i];
      int column = i * 9;

      sqlite3_bind_int64 (stmt, column + 1, row->customer_id);
      crm_sql_bind_text_or_null (stmt, column + 2, row->happened_at);
      crm_sql_bind_text_or_null (stmt, column + 3, row->owner);
      crm_sql_bind_text_or_null (stmt, column + 4, row->channel);
      crm_sql_bind_text_or_null (stmt, column + 5, row->content);
      crm_sql_bind_text_or_null (stmt, column + 6, row->feedback);
      crm_sql_bind_text_or_null (stmt, column + 7, row->refusal_reason);
      crm_sql_bind_text_or_null (stmt, column + 8, row->next_action);
      crm_sql_bind_text_or_null (stmt, column + 9, row->next_action_due);
    }

  ok = crm_database_step_done (batch->db, stmt, error);
  batch->n_rows = 0;

  return ok;
}

/* Times are counted in whole seconds from @now, which is what the stored
 * text keeps of them: a follow-up some seconds before @now is stored as
 * @now's second minus those seconds. */
static gboolean
generate_for_customer (Batch        *batch,
                       GRand        *rand,
                       gint64        id,
                       const char   *owner,
                       guint         per_customer,
                       gint64        now,
                       GError      **error)
{
  int days_ago;

  g_rand_set_seed (rand, SEED ^ (guint32)id);
  /* The latest follow-up between 1 and 45 days ago: with the tiers'
   * cadence some customers are overdue, some due this week, most later. */
  days_ago = g_rand_int_range (rand, 1, 46);

  for (guint i = 0; i < per_customer; i++)
    {
      gint64 when = now - (days_ago * 86400 + g_rand_int_range (rand, 0, 8 * 3600));
      Row *row = &batch->rows[batch->n_rows++];
      int roll;

      memset (row, 0, sizeof *row);
      row->customer_id = id;
      format_utc (when, row->happened_at);
      roll = g_rand_int_range (rand, 0, 10);
      row->owner = owner;
      row->channel = PICK (rand, channels);
      row->content = PICK (rand, contents);
      row->feedback = roll < 6 ? "pending" : roll < 9 ? "clear-need" : "refused";
      if (roll == 9)
        row->refusal_reason = PICK (rand, refusals);

      /* The newest follow-up of one customer in four names a next action
       * due from three days ago to ten days ahead. */
      if (i == 0 && g_rand_int_range (rand, 0, 4) == 0)
        {
          gint64 due = now + (gint64) g_rand_int_range (rand, -72, 240) * 3600;

          if (due > when)
            {
              row->next_action = PICK (rand, next_actions);
              format_utc (due, row->next_action_due);
            }
        }

      if (batch->n_rows == BATCH_ROWS && !flush_rows (batch, error))
        return FALSE;

      /* Earlier follow-ups every 10 to 40 days before. */
      days_ago += g_rand_int_range (rand, 10, 41);
    }

  return TRUE;
}

static gboolean
generate_in_transaction (CrmDatabase  *db,
                         gpointer      user_data,
                         GError      **error)
{
  Generate *data = user_data;
  g_autoptr(GDateTime) clock = g_date_time_new_now_utc ();
  gint64 now = g_date_time_to_unix (clock);
  g_autoptr(GRand) rand = g_rand_new ();
  g_autofree Batch *batch = g_new0 (Batch, 1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) owners = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  /* The customers just added are the ones with the highest ids. */
  stmt = crm_database_prepare (db, "SELECT id, owner FROM customer ORDER BY id DESC LIMIT ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->n_customers);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (owners, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);

  /* Each row is inserted directly, as the follow-up store's INSERT would
   * insert it, without a CrmFollowUp to fill for it. */
  batch->db = db;
  for (guint i = ids->len; i > 0; i--)
    {
      if (!generate_for_customer (batch, rand, g_array_index (ids, gint64, i - 1),
                                  g_ptr_array_index (owners, i - 1),
                                  data->per_customer, now, error))
        return FALSE;
      data->n_added += data->per_customer;
    }
  if (!flush_rows (batch, error))
    return FALSE;

  /* They are the customers with the highest ids, so every customer above
   * the lowest of them. */
  if (ids->len == 0)
    return TRUE;

  return crm_follow_up_store_update_last_contact_after (db, g_array_index (ids, gint64, ids->len - 1) - 1,
                                                        error);
}

/**
 * crm_demo_follow_ups_generate:
 * @store: the customer store
 * @n_customers: how many of the newest customers get follow-ups (those
 *   crm_demo_generate() just added)
 * @per_customer: follow-ups per customer
 * @n_added: (out) (optional): how many were added
 * @error: return location for an error
 *
 * One undoable action ("Add sample follow-ups") for up to
 * %CRM_DEMO_UNDO_LIMIT customers, a plain transaction beyond, as for the
 * customers themselves.
 *
 * Returns: %TRUE when the follow-ups were added; on failure none is
 */
gboolean
crm_demo_follow_ups_generate (CrmCustomerStore  *store,
                              guint              n_customers,
                              guint              per_customer,
                              guint             *n_added,
                              GError           **error)
{
  Generate data = { n_customers, per_customer, 0 };
  gboolean ok;

  g_return_val_if_fail (CRM_IS_CUSTOMER_STORE (store), FALSE);

  if (n_customers == 0 || per_customer == 0)
    ok = TRUE;
  else if (n_customers <= CRM_DEMO_UNDO_LIMIT)
    ok = crm_customer_store_record (store, N_("Add sample follow-ups"),
                                    generate_in_transaction, &data, error);
  else
    ok = crm_database_transaction (crm_customer_store_get_database (store),
                                   generate_in_transaction, &data, error);

  if (ok && n_added != NULL)
    *n_added = data.n_added;

  return ok;
}
