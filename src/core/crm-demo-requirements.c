/* crm-demo-requirements.c — deterministic, realistic sample requirements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Requirements as a customer-success team writes them down: a title built
 * from a subject and a wish, a user story (作为…我希望…以便…), a source,
 * a Kano class, importance and urgency, an owner and a due date around
 * today, spread over the board's columns (45% pending, 25% in progress,
 * 20% done with a resolution and most with a satisfaction score, 10%
 * rejected with a reason), each belonging to a customer already in the
 * database (or none when there are no customers yet) with a note of where
 * it was heard. Like crm-demo.c, every value comes from one GRand seeded
 * from a constant and the number of requirements already there, and
 * every row is written through the store.
 */

#define G_LOG_DOMAIN "crm-demo"

#include <glib/gi18n-lib.h>

#include "crm-demo-requirements.h"

/* "REQS" */
#define DEMO_SEED 0x52455153u

static const char *subjects[] = {
  "订单", "报表", "审批流程", "发票", "库存", "会员积分", "移动端", "客服工单", "合同",
  "对账单", "物流跟踪", "权限管理", "数据看板", "消息通知", "价格策略", "供应商门户",
};

static const char *wishes[] = {
  "支持批量导出", "自动生成", "接入企业微信", "支持多级审批", "响应更快", "支持离线使用",
  "增加提醒", "与 ERP 对接", "按区域汇总", "支持自定义字段", "保留修改记录", "支持电子签章",
};

static const char *roles[] = {
  "财务主管", "销售经理", "仓库管理员", "客服专员", "采购负责人", "区域经理", "老板",
};

static const char *benefits[] = {
  "节省每周的手工时间", "及时发现问题", "减少出错", "让管理层随时掌握情况",
  "缩短回款周期", "提升客户满意度",
};

static const char *owners[] = { "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "周杰" };

static const char *resolutions[] = {
  "已在 3.2 版上线", "通过配置解决，已培训客户", "已提供定制脚本", "合并到季度版本发布",
};

static const char *reasons[] = {
  "与产品方向不符", "投入产出比过低", "客户已改用其他方案", "可用现有功能实现",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

typedef struct
{
  CrmRequirementStore *store;
  GRand               *rand;
  guint                n_requirements;
  GArray              *customers;
  GDate                today;
} Demo;

static char *
date_from_today (Demo *demo,
                 int   days)
{
  GDate date = demo->today;
  char buffer[16];

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);

  return g_strdup (buffer);
}

static gboolean
generate_one (Demo    *demo,
              GError **error)
{
  GRand *rand = demo->rand;
  g_autoptr(CrmRequirement) requirement = crm_requirement_new ();
  const char *subject = PICK (rand, subjects);
  const char *wish = PICK (rand, wishes);
  const char *role = PICK (rand, roles);
  g_autofree char *title = g_strdup_printf ("%s%s", subject, wish);
  g_autofree char *story = g_strdup_printf ("作为%s，我希望%s%s，以便%s。", role, subject, wish,
                                            PICK (rand, benefits));
  g_autofree char *due_on = date_from_today (demo, g_rand_int_range (rand, -30, 90));
  g_autofree char *evidence = g_strdup_printf ("%s提到：“%s最好能%s”", role, subject, wish);
  guint roll = g_rand_int_range (rand, 0, 100);
  CrmRequirementStatus status = roll < 45 ? CRM_REQUIREMENT_STATUS_PENDING
                                : roll < 70 ? CRM_REQUIREMENT_STATUS_IN_PROGRESS
                                : roll < 90 ? CRM_REQUIREMENT_STATUS_DONE
                                : CRM_REQUIREMENT_STATUS_REJECTED;
  gint64 customer_id = 0;
  gint64 id;

  if (demo->customers->len > 0)
    customer_id = g_array_index (demo->customers, gint64,
                                 g_rand_int_range (rand, 0, demo->customers->len));

  g_object_set (requirement,
                "title", title,
                "description", story,
                "user-story", story,
                "who", role,
                "what", wish,
                "why", PICK (rand, benefits),
                "source", g_rand_int_range (rand, 1, CRM_REQUIREMENT_SOURCE_COMPETITOR_ANALYSIS + 1),
                "nature", g_rand_int_range (rand, 1, CRM_REQUIREMENT_NATURE_PAIN_POINT + 1),
                "category", g_rand_int_range (rand, 1, CRM_REQUIREMENT_CATEGORY_PERFORMANCE + 1),
                "kano", g_rand_int_range (rand, 1, CRM_KANO_ATTRACTIVE + 1),
                "relation", g_rand_int_range (rand, 1, CRM_REQUIREMENT_RELATION_REPLACEMENT + 1),
                "moscow", g_rand_int_range (rand, 1, CRM_MOSCOW_WONT + 1),
                "importance", g_rand_int_range (rand, 1, 6),
                "urgency", g_rand_int_range (rand, 1, 6),
                "value", (gint64)g_rand_int_range (rand, 1, 100) * 10000,
                "cost", (gint64)g_rand_int_range (rand, 1, 50) * 5000,
                "status", status,
                "owner", g_rand_int_range (rand, 0, 10) == 0 ? NULL : PICK (rand, owners),
                "due-on", due_on,
                "acceptance", "客户确认功能可用，且不影响现有流程",
                "customer-id", customer_id,
                NULL);

  if (status == CRM_REQUIREMENT_STATUS_DONE)
    g_object_set (requirement,
                  "resolution", PICK (rand, resolutions),
                  "satisfaction", g_rand_int_range (rand, 0, 10) < 2 ? 0 : g_rand_int_range (rand, 1, 6),
                  NULL);
  else if (status == CRM_REQUIREMENT_STATUS_REJECTED)
    g_object_set (requirement, "resolution", PICK (rand, reasons), NULL);

  id = crm_requirement_store_write (demo->store, requirement, error);
  if (id == 0)
    return FALSE;

  return crm_requirement_store_write_evidence (demo->store, id, CRM_EVIDENCE_KIND_NOTE, 0,
                                               evidence, error) > 0;
}

static gboolean
generate_in_transaction (CrmDatabase  *db,
                         gpointer      user_data,
                         GError      **error)
{
  Demo *demo = user_data;
  sqlite3_stmt *stmt;

  stmt = crm_database_prepare (db, "SELECT id FROM customer ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (demo->customers, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < demo->n_requirements; i++)
    {
      if (!generate_one (demo, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * crm_demo_requirements_generate:
 * @store: the store to add the requirements to
 * @n_requirements: how many
 * @error: return location for an error
 *
 * Adds @n_requirements sample requirements for the customers in the
 * database, in one transaction: one undoable action ("Add sample
 * requirements") up to %CRM_DEMO_REQUIREMENTS_UNDO_LIMIT, a plain
 * transaction beyond (see crm_demo_generate() for why).
 *
 * Returns: %TRUE when added; on failure nothing is
 */
gboolean
crm_demo_requirements_generate (CrmRequirementStore  *store,
                                guint                 n_requirements,
                                GError              **error)
{
  g_autoptr(GArray) customers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  Demo demo = { store, NULL, n_requirements, customers };
  guint32 seed[2] = { DEMO_SEED, crm_requirement_store_count (store) };
  gboolean ok;

  g_return_val_if_fail (CRM_IS_REQUIREMENT_STORE (store), FALSE);

  demo.rand = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));
  g_date_clear (&demo.today, 1);
  g_date_set_dmy (&demo.today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));

  if (n_requirements <= CRM_DEMO_REQUIREMENTS_UNDO_LIMIT)
    ok = crm_requirement_store_record (store, N_("Add sample requirements"),
                                       generate_in_transaction, &demo, error);
  else
    ok = crm_database_transaction (crm_requirement_store_get_database (store),
                                   generate_in_transaction, &demo, error);

  g_rand_free (demo.rand);

  return ok;
}
