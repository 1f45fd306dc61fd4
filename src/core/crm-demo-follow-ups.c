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

#include <glib/gi18n-lib.h>

#include "crm-demo.h"
#include "crm-demo-follow-ups.h"
#include "crm-follow-up-plan.h"
#include "crm-follow-up-store.h"

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

static gboolean
generate_for_customer (CrmDatabase  *db,
                       gint64        id,
                       const char   *owner,
                       guint         per_customer,
                       GDateTime    *now,
                       GError      **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED ^ (guint32)id);
  /* The latest follow-up between 1 and 45 days ago: with the tiers'
   * cadence some customers are overdue, some due this week, most later. */
  int days_ago = g_rand_int_range (rand, 1, 46);

  for (guint i = 0; i < per_customer; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_seconds (now, -(gdouble)(days_ago * 86400 +
                                                                         g_rand_int_range (rand, 0, 8 * 3600)));
      g_autoptr(CrmFollowUp) follow_up = crm_follow_up_new ();
      g_autofree char *happened_at = crm_time_format_utc (when);
      int roll = g_rand_int_range (rand, 0, 10);

      crm_follow_up_set_customer_id (follow_up, id);
      crm_follow_up_set_happened_at (follow_up, happened_at);
      crm_follow_up_set_owner (follow_up, owner);
      crm_follow_up_set_channel (follow_up, PICK (rand, channels));
      crm_follow_up_set_content (follow_up, PICK (rand, contents));
      crm_follow_up_set_feedback (follow_up, roll < 6 ? "pending" : roll < 9 ? "clear-need" : "refused");
      if (roll == 9)
        crm_follow_up_set_refusal_reason (follow_up, PICK (rand, refusals));

      /* The newest follow-up of one customer in four names a next action
       * due from three days ago to ten days ahead. */
      if (i == 0 && g_rand_int_range (rand, 0, 4) == 0)
        {
          g_autoptr(GDateTime) due = g_date_time_add_hours (now, g_rand_int_range (rand, -72, 240));
          g_autofree char *due_text = crm_time_format_utc (due);

          if (g_date_time_compare (due, when) > 0)
            {
              crm_follow_up_set_next_action (follow_up, PICK (rand, next_actions));
              crm_follow_up_set_next_action_due (follow_up, due_text);
            }
        }

      if (crm_follow_up_store_insert (db, follow_up, error) == 0)
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
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
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

  for (guint i = ids->len; i > 0; i--)
    {
      if (!generate_for_customer (db, g_array_index (ids, gint64, i - 1),
                                  g_ptr_array_index (owners, i - 1),
                                  data->per_customer, now, error))
        return FALSE;
      data->n_added += data->per_customer;
    }

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
