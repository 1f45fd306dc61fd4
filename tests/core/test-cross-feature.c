/* test-cross-feature.c — what one feature does to another: a requirement
 * closed with low satisfaction or left unresolved past its due date raises
 * a key follow-up (重点跟进); the timeline shows requirements; merging two
 * customers carries requirements and questionnaire responses over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "crm-key-follow-up.h"
#include "crm-requirement-store.h"
#include "crm-timeline.h"
#include "test-store-fixture.h"

typedef struct
{
  StoreFixture         base;
  CrmRequirementStore *requirements;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_fixture_open (&f->base, "cross-feature.db");
  f->requirements = crm_requirement_store_new (f->base.journal);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->requirements);
  store_fixture_close (&f->base);
}

static gint64
add_customer (Fixture    *f,
              const char *name)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (customer, "name", name, NULL);
  id = crm_customer_store_save (f->base.store, customer, NULL, NULL, CRM_SAVE_DEFAULT, NULL, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
add_requirement (Fixture    *f,
                 const char *title,
                 gint64      customer_id,
                 const char *due_on)
{
  g_autoptr(CrmRequirement) requirement = crm_requirement_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (requirement, "title", title, "customer-id", customer_id, "due-on", due_on, NULL);
  id = crm_requirement_store_save (f->requirements, requirement, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static char *
local_date (int days_from_today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days_from_today);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
close_done (Fixture *f,
            gint64   id,
            int      satisfaction)
{
  CrmRequirementClosure closure = { "换了对账模板", satisfaction };
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_requirement_store_move (f->requirements, id, CRM_REQUIREMENT_STATUS_DONE, 0,
                                             &closure, &error));
  g_assert_no_error (error);
}

static void
test_low_satisfaction_flags (Fixture       *f,
                             gconstpointer  data)
{
  gint64 unhappy = add_customer (f, "苏州精工机械有限公司");
  gint64 happy = add_customer (f, "无锡远景贸易有限公司");
  gint64 skipped = add_customer (f, "常州同创科技有限公司");
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *label = NULL;

  gint64 slow = add_requirement (f, "月底对账太慢", unhappy, NULL);

  close_done (f, add_requirement (f, "报表导出", happy, NULL), 3);
  close_done (f, add_requirement (f, "发票抬头", skipped, NULL), 0);
  close_done (f, slow, 2);

  reason = crm_key_follow_up_dup_reason (f->base.db, unhappy);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "月底对账太慢"));
  /* 3 is not below 3, and a skipped score says nothing. */
  g_assert_null (crm_key_follow_up_dup_reason (f->base.db, happy));
  g_assert_null (crm_key_follow_up_dup_reason (f->base.db, skipped));

  /* Undoing the move to Done lowers the flag with it. */
  label = crm_journal_undo (f->base.journal, &error);
  g_assert_no_error (error);
  g_assert_null (crm_key_follow_up_dup_reason (f->base.db, unhappy));
}

static void
test_editor_satisfaction_flags (Fixture       *f,
                                gconstpointer  data)
{
  gint64 customer = add_customer (f, "南通海安纺织有限公司");
  gint64 id = add_requirement (f, "交期提醒", customer, NULL);
  g_autoptr(CrmRequirement) requirement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  /* Saving again without a score flags nobody. */
  requirement = crm_requirement_store_get (f->requirements, id, &error);
  g_assert_no_error (error);
  g_object_set (requirement, "description", "按周提醒", NULL);
  g_assert_cmpint (crm_requirement_store_save (f->requirements, requirement, &error), ==, id);
  g_assert_null (crm_key_follow_up_dup_reason (f->base.db, customer));

  /* A score of 1 typed into the editor does. */
  g_object_set (requirement, "satisfaction", 1, NULL);
  g_assert_cmpint (crm_requirement_store_save (f->requirements, requirement, &error), ==, id);
  g_assert_no_error (error);
  reason = crm_key_follow_up_dup_reason (f->base.db, customer);
  g_assert_nonnull (reason);
}

static void
test_overdue_requirement_flags (Fixture       *f,
                                gconstpointer  data)
{
  gint64 late = add_customer (f, "宁波港城物流有限公司");
  gint64 on_time = add_customer (f, "温州鹿城鞋业有限公司");
  gint64 closed = add_customer (f, "嘉兴南湖电子有限公司");
  g_autofree char *yesterday = local_date (-1);
  g_autofree char *tomorrow = local_date (1);
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  add_requirement (f, "仓库扫码枪对接", late, yesterday);
  add_requirement (f, "移动端审批", on_time, tomorrow);
  close_done (f, add_requirement (f, "电子合同", closed, yesterday), 4);

  g_assert_true (crm_key_follow_up_flag_overdue (f->base.db, &error));
  g_assert_no_error (error);
  reason = crm_key_follow_up_dup_reason (f->base.db, late);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "仓库扫码枪对接"));
  g_assert_null (crm_key_follow_up_dup_reason (f->base.db, on_time));
  g_assert_null (crm_key_follow_up_dup_reason (f->base.db, closed));

  /* Running it again raises nothing twice. */
  g_assert_true (crm_key_follow_up_flag_overdue (f->base.db, &error));
  g_assert_cmpint (test_query_int (crm_database_get_handle (f->base.db),
                                   "SELECT count(*) FROM key_follow_up"), ==, 1);

  /* A manager who clears the flag has decided about that requirement: the
   * next start does not raise it again for the same requirement. */
  g_assert_true (crm_key_follow_up_clear (f->base.store, late, "客户同意延期到下月", &error));
  g_assert_no_error (error);
  g_assert_true (crm_key_follow_up_flag_overdue (f->base.db, &error));
  g_assert_null (crm_key_follow_up_dup_reason (f->base.db, late));
}

static void
flag_overdue_done_cb (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  int *flagged = user_data;
  g_autoptr(GError) error = NULL;

  *flagged = crm_key_follow_up_flag_overdue_finish (result, &error);
  g_assert_no_error (error);
}

/* Runs the check the window runs after its first frame; returns whether
 * it flagged customers. */
static gboolean
flag_overdue_async (Fixture *f)
{
  int flagged = -1;

  crm_key_follow_up_flag_overdue_async (f->base.store, NULL, flag_overdue_done_cb, &flagged);
  while (flagged < 0)
    g_main_context_iteration (NULL, TRUE);

  return flagged;
}

static void
count_changed_cb (CrmCustomerStore *store,
                  gint64            customer_id,
                  guint            *n_changed)
{
  (*n_changed)++;
}

/* The window's check, which reads in a worker, flags what the synchronous
 * check flags and tells the customer lists. */
static void
test_overdue_requirement_flags_async (Fixture       *f,
                                      gconstpointer  data)
{
  gint64 late = add_customer (f, "宁波港城物流有限公司");
  gint64 on_time = add_customer (f, "温州鹿城鞋业有限公司");
  g_autofree char *yesterday = local_date (-1);
  g_autofree char *tomorrow = local_date (1);
  g_autofree char *reason = NULL;
  guint n_changed = 0;

  g_signal_connect (f->base.store, "changed", G_CALLBACK (count_changed_cb), &n_changed);

  /* Nothing overdue: nothing written, nothing to reload. */
  add_requirement (f, "移动端审批", on_time, tomorrow);
  g_assert_false (flag_overdue_async (f));
  g_assert_cmpuint (n_changed, ==, 0);

  add_requirement (f, "仓库扫码枪对接", late, yesterday);
  n_changed = 0;
  g_assert_true (flag_overdue_async (f));
  g_assert_cmpuint (n_changed, ==, 1);
  reason = crm_key_follow_up_dup_reason (f->base.db, late);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "仓库扫码枪对接"));
  g_assert_null (crm_key_follow_up_dup_reason (f->base.db, on_time));

  /* Flagged once: the next start finds nothing to do. */
  n_changed = 0;
  g_assert_false (flag_overdue_async (f));
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpint (test_query_int (crm_database_get_handle (f->base.db),
                                   "SELECT count(*) FROM key_follow_up"), ==, 1);
}

static void
test_timeline_shows_requirements (Fixture       *f,
                                  gconstpointer  data)
{
  gint64 customer = add_customer (f, "绍兴柯桥纺织有限公司");
  gint64 id = add_requirement (f, "面料库存同步", customer, NULL);
  g_autoptr(CrmPagedList) timeline = NULL;
  g_autoptr(CrmTimelineEntry) newest = NULL;
  g_autoptr(CrmTimelineEntry) oldest = NULL;
  guint n;

  close_done (f, id, 5);
  timeline = crm_timeline_new (f->base.store, customer);
  n = g_list_model_get_n_items (G_LIST_MODEL (timeline));

  /* Created (into Pending), then moved to Done: newest first. */
  g_assert_cmpuint (n, ==, 2);
  newest = g_list_model_get_item (G_LIST_MODEL (timeline), 0);
  oldest = g_list_model_get_item (G_LIST_MODEL (timeline), n - 1);
  g_assert_cmpstr (crm_timeline_entry_get_kind (newest), ==, "requirement");
  g_assert_cmpstr (crm_timeline_entry_get_detail (newest), ==, "pending\x1f" "done");
  g_assert_nonnull (strstr (crm_timeline_entry_get_title (newest), "面料库存同步"));
  g_assert_cmpstr (crm_timeline_entry_get_detail (oldest), ==, "\x1f" "pending");
}

static void
test_merge_carries_requirements (Fixture       *f,
                                 gconstpointer  data)
{
  gint64 survivor = add_customer (f, "合肥高新软件有限公司");
  gint64 duplicate = add_customer (f, "合肥高新软件股份公司");
  gint64 requirement = add_requirement (f, "接口文档", duplicate, NULL);
  sqlite3 *handle = crm_database_get_handle (f->base.db);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (crm_customer_store_merge (f->base.store, survivor, duplicate, &error));
  g_assert_no_error (error);

  sql = g_strdup_printf ("SELECT count(*) FROM requirement_customer"
                         "  WHERE requirement_id = %" G_GINT64_FORMAT " AND customer_id = %" G_GINT64_FORMAT,
                         requirement, survivor);
  g_assert_cmpint (test_query_int (handle, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT customer_id FROM requirement WHERE id = %" G_GINT64_FORMAT, requirement);
  g_assert_cmpint (test_query_int (handle, sql), ==, survivor);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cross-feature/low-satisfaction", Fixture, NULL,
              fixture_set_up, test_low_satisfaction_flags, fixture_tear_down);
  g_test_add ("/cross-feature/editor-satisfaction", Fixture, NULL,
              fixture_set_up, test_editor_satisfaction_flags, fixture_tear_down);
  g_test_add ("/cross-feature/overdue-requirement", Fixture, NULL,
              fixture_set_up, test_overdue_requirement_flags, fixture_tear_down);
  g_test_add ("/cross-feature/overdue-requirement-async", Fixture, NULL,
              fixture_set_up, test_overdue_requirement_flags_async, fixture_tear_down);
  g_test_add ("/cross-feature/timeline-requirements", Fixture, NULL,
              fixture_set_up, test_timeline_shows_requirements, fixture_tear_down);

  g_test_add ("/cross-feature/merge-carries-requirements", Fixture, NULL,
              fixture_set_up, test_merge_carries_requirements, fixture_tear_down);

  return g_test_run ();
}
