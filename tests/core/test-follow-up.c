/* test-follow-up.c — follow-ups, the plan, the timeline, the agenda, key
 * follow-ups and the calendar export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <libical/ical.h>

#include "crm-agenda.h"
#include "crm-agenda-export.h"
#include "crm-follow-up-plan.h"
#include "crm-follow-up-store.h"
#include "crm-key-follow-up.h"
#include "crm-timeline.h"
#include "test-store-fixture.h"

typedef struct
{
  StoreFixture      s;
  CrmFollowUpStore *follow_ups;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_fixture_open (&f->s, "follow-ups.db");
  f->follow_ups = crm_follow_up_store_new (f->s.store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->follow_ups);
  store_fixture_close (&f->s);
}

static char *
query_text (Fixture    *f,
            const char *sql,
            gint64      id)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (crm_database_get_handle (f->s.db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

static gint64
add_customer (Fixture    *f,
              const char *name,
              const char *owner,
              CrmTier     tier)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (customer, "name", name, "owner", owner, "tier", tier, NULL);
  id = crm_customer_store_save (f->s.store, customer, NULL, NULL, CRM_SAVE_DEFAULT, NULL, &error);
  g_assert_no_error (error);

  return id;
}

static CrmFollowUp *
follow_up_new (gint64      customer_id,
               const char *happened_at,
               const char *content)
{
  return g_object_new (CRM_TYPE_FOLLOW_UP,
                       "customer-id", customer_id,
                       "happened-at", happened_at,
                       "owner", "王经理",
                       "channel", "visit",
                       "content", content,
                       "feedback", "clear-need",
                       NULL);
}

static char *
hours_ago (int hours)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_hours (now, -hours);

  return crm_time_format_utc (then);
}

static void
assert_invalid (Fixture     *f,
                CrmFollowUp *follow_up,
                const char  *field)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (crm_follow_up_store_add (f->follow_ups, follow_up, &error), ==, 0);
  g_assert_error (error, CRM_FOLLOW_UP_ERROR, CRM_FOLLOW_UP_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, field));
}

static void
test_validation_names_the_field (Fixture       *f,
                                 gconstpointer  data)
{
  gint64 id = add_customer (f, "北京星河科技有限公司", "王经理", CRM_TIER_B);
  g_autofree char *when = hours_ago (2);
  g_autoptr(CrmFollowUp) follow_up = follow_up_new (id, when, "   ");
  g_autofree char *tomorrow_plus = NULL;

  assert_invalid (f, follow_up, "Content:");

  crm_follow_up_set_content (follow_up, "介绍新版本");
  crm_follow_up_set_feedback (follow_up, "refused");
  assert_invalid (f, follow_up, "Reason for refusal:");

  crm_follow_up_set_feedback (follow_up, "pending");
  crm_follow_up_set_next_action_due (follow_up, "2099-01-01T00:00:00Z");
  assert_invalid (f, follow_up, "Next action:");

  crm_follow_up_set_next_action (follow_up, "发报价");
  crm_follow_up_set_next_action_due (follow_up, "2000-01-01T00:00:00Z");
  assert_invalid (f, follow_up, "Next action due:");

  crm_follow_up_set_next_action_due (follow_up, NULL);
  crm_follow_up_set_channel (follow_up, "fax");
  assert_invalid (f, follow_up, "Channel:");

  crm_follow_up_set_channel (follow_up, "phone");
  tomorrow_plus = hours_ago (-50);
  crm_follow_up_set_happened_at (follow_up, tomorrow_plus);
  assert_invalid (f, follow_up, "Date and time:");

  crm_follow_up_set_happened_at (follow_up, "not a time");
  assert_invalid (f, follow_up, "Date and time:");

  g_assert_cmpint (test_query_int (crm_database_get_handle (f->s.db), "SELECT count(*) FROM follow_up"), ==, 0);
}

static void
test_log_moves_last_contact_and_plan (Fixture       *f,
                                      gconstpointer  data)
{
  gint64 id = add_customer (f, "上海云帆贸易有限公司", "李经理", CRM_TIER_S);
  g_autoptr(CrmFollowUp) follow_up = follow_up_new (id, "2026-03-02T02:00:00Z", "拜访采购部");
  g_autoptr(GError) error = NULL;
  g_autofree char *first_due = NULL;
  g_autofree char *last = NULL;
  g_autofree char *due = NULL;
  g_autofree char *label = NULL;

  /* Never contacted, a draft: a prospect, due 24 hours after creation. */
  first_due = query_text (f, "SELECT next_due_at FROM customer WHERE id = ?", id);
  g_assert_nonnull (first_due);
  g_assert_cmpint (test_query_int (crm_database_get_handle (f->s.db),
                                   "SELECT round ((julianday (next_due_at) - julianday (created_at)) * 24)"
                                   "  FROM customer"), ==, 24);

  g_assert_cmpint (crm_follow_up_store_add (f->follow_ups, follow_up, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (crm_follow_up_get_id (follow_up), >, 0);

  last = query_text (f, "SELECT last_contact_at FROM customer WHERE id = ?", id);
  due = query_text (f, "SELECT next_due_at FROM customer WHERE id = ?", id);
  g_assert_cmpstr (last, ==, "2026-03-02T02:00:00Z");
  g_assert_cmpstr (due, ==, "2026-03-09T02:00:00Z");

  /* One undoable action takes all of it back. */
  label = crm_journal_undo (f->s.journal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "Log follow-up");
  g_clear_pointer (&last, g_free);
  g_clear_pointer (&due, g_free);
  last = query_text (f, "SELECT last_contact_at FROM customer WHERE id = ?", id);
  due = query_text (f, "SELECT next_due_at FROM customer WHERE id = ?", id);
  g_assert_null (last);
  g_assert_cmpstr (due, ==, first_due);
  g_assert_cmpint (test_query_int (crm_database_get_handle (f->s.db), "SELECT count(*) FROM follow_up"), ==, 0);
}

static void
test_explicit_due_and_tier_change (Fixture       *f,
                                   gconstpointer  data)
{
  gint64 id = add_customer (f, "深圳华信电子有限公司", "王经理", CRM_TIER_C);
  g_autoptr(CrmFollowUp) first = follow_up_new (id, "2026-03-02T02:00:00Z", "电话沟通");
  g_autoptr(CrmFollowUp) second = follow_up_new (id, "2026-03-05T02:00:00Z", "发送方案");
  g_autoptr(CrmCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  g_autofree char *action = NULL;

  crm_follow_up_set_next_action (first, "寄送样品");
  crm_follow_up_set_next_action_due (first, "2026-03-20T01:00:00Z");
  g_assert_cmpint (crm_follow_up_store_add (f->follow_ups, first, &error), >, 0);
  due = query_text (f, "SELECT next_due_at FROM customer WHERE id = ?", id);
  action = query_text (f, "SELECT next_action FROM customer WHERE id = ?", id);
  g_assert_cmpstr (due, ==, "2026-03-20T01:00:00Z");
  g_assert_cmpstr (action, ==, "寄送样品");

  /* A tier change keeps the explicit due date… */
  customer = crm_customer_store_get (f->s.store, id, &error);
  crm_customer_set_tier (customer, CRM_TIER_S);
  g_assert_cmpint (crm_customer_store_save (f->s.store, customer, NULL, NULL, CRM_SAVE_DEFAULT, NULL, &error), ==, id);
  g_clear_pointer (&due, g_free);
  due = query_text (f, "SELECT next_due_at FROM customer WHERE id = ?", id);
  g_assert_cmpstr (due, ==, "2026-03-20T01:00:00Z");
  /* …and is kept in the tier history. */
  g_assert_cmpint (test_query_int (crm_database_get_handle (f->s.db),
                                   "SELECT count(*) FROM tier_history WHERE from_tier = 'C' AND to_tier = 'S'"), ==, 1);

  /* A later follow-up without a due date: the cadence of the new tier. */
  g_assert_cmpint (crm_follow_up_store_add (f->follow_ups, second, &error), >, 0);
  g_clear_pointer (&due, g_free);
  due = query_text (f, "SELECT next_due_at FROM customer WHERE id = ?", id);
  g_assert_cmpstr (due, ==, "2026-03-12T02:00:00Z");

  /* Deleting it brings the first one's plan back. */
  g_assert_true (crm_follow_up_store_delete (f->follow_ups, crm_follow_up_get_id (second), &error));
  g_assert_no_error (error);
  g_clear_pointer (&due, g_free);
  due = query_text (f, "SELECT next_due_at FROM customer WHERE id = ?", id);
  g_assert_cmpstr (due, ==, "2026-03-20T01:00:00Z");

  /* Editing the first one's date moves the last contact. */
  crm_follow_up_set_happened_at (first, "2026-03-03T02:00:00Z");
  crm_follow_up_set_next_action_due (first, NULL);
  g_assert_true (crm_follow_up_store_update (f->follow_ups, first, &error));
  g_assert_no_error (error);
  g_clear_pointer (&due, g_free);
  due = query_text (f, "SELECT last_contact_at FROM customer WHERE id = ?", id);
  g_assert_cmpstr (due, ==, "2026-03-03T02:00:00Z");
}

static void
test_cadence_change_replans (Fixture       *f,
                             gconstpointer  data)
{
  gint64 id = add_customer (f, "杭州远景软件有限公司", "王经理", CRM_TIER_B);
  g_autoptr(CrmFollowUp) follow_up = follow_up_new (id, "2026-03-02T02:00:00Z", "电话");
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  CrmCadence cadence;
  CrmTierRules rules;

  g_assert_cmpint (crm_follow_up_store_add (f->follow_ups, follow_up, &error), >, 0);
  crm_upkeep_rules_load (f->s.db, &cadence, &rules);
  g_assert_cmpint (cadence.interval_days[CRM_TIER_B], ==, 30);

  cadence.interval_days[CRM_TIER_B] = 10;
  g_assert_true (crm_upkeep_rules_save (f->s.store, &cadence, &rules, &error));
  g_assert_no_error (error);
  due = query_text (f, "SELECT next_due_at FROM customer WHERE id = ?", id);
  g_assert_cmpstr (due, ==, "2026-03-12T02:00:00Z");

  crm_upkeep_rules_load (f->s.db, &cadence, NULL);
  g_assert_cmpint (cadence.interval_days[CRM_TIER_B], ==, 10);

  /* Bad rules are refused with the field named. */
  cadence.interval_days[CRM_TIER_S] = 0;
  g_assert_false (crm_upkeep_rules_save (f->s.store, &cadence, &rules, &error));
  g_assert_true (g_str_has_prefix (error->message, "Follow-up interval for S"));
  g_clear_error (&error);

  /* Undo restores the old interval and the old plan. */
  g_free (crm_journal_undo (f->s.journal, &error));
  g_assert_no_error (error);
  crm_upkeep_rules_load (f->s.db, &cadence, NULL);
  g_assert_cmpint (cadence.interval_days[CRM_TIER_B], ==, 30);
  g_clear_pointer (&due, g_free);
  due = query_text (f, "SELECT next_due_at FROM customer WHERE id = ?", id);
  g_assert_cmpstr (due, ==, "2026-04-01T02:00:00Z");
}

static void
test_timeline_newest_first_and_lazy (Fixture       *f,
                                     gconstpointer  data)
{
  gint64 id = add_customer (f, "成都天府物流有限公司", "王经理", CRM_TIER_A);
  gint64 other = add_customer (f, "重庆山城食品有限公司", "王经理", CRM_TIER_A);
  g_autoptr(CrmPagedList) timeline = crm_timeline_new (f->s.store, id);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 0);

  for (int day = 1; day <= 100; day++)
    {
      g_autofree char *when = g_strdup_printf ("2025-%02d-%02dT02:00:00Z", 1 + (day - 1) / 28, 1 + (day - 1) % 28);
      g_autoptr(CrmFollowUp) follow_up = follow_up_new (day % 2 ? id : other, when, "例行回访");

      g_assert_cmpint (crm_follow_up_store_add (f->follow_ups, follow_up, &error), >, 0);
    }

  /* The list reloaded itself on each change, and holds only this
   * customer's entries. */
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 50);
  g_assert_cmpint (crm_paged_list_get_n_loaded (timeline), ==, 0);

  {
    g_autoptr(CrmTimelineEntry) newest = g_list_model_get_item (G_LIST_MODEL (timeline), 0);
    g_autoptr(CrmTimelineEntry) next = g_list_model_get_item (G_LIST_MODEL (timeline), 1);

    g_assert_cmpstr (crm_timeline_entry_get_kind (newest), ==, "follow-up");
    g_assert_cmpstr (crm_timeline_entry_get_at (newest), ==, "2025-04-15T02:00:00Z");
    g_assert_cmpstr (crm_timeline_entry_get_title (newest), ==, "visit");
    g_assert_cmpstr (crm_timeline_entry_get_body (newest), ==, "例行回访");
    g_assert_cmpint (strcmp (crm_timeline_entry_get_at (next), crm_timeline_entry_get_at (newest)), <, 0);
  }
  /* One page was read, not the whole timeline. */
  g_assert_cmpint (crm_paged_list_get_n_loaded (timeline), <, 50);
  g_assert_cmpint (crm_paged_list_get_n_loaded (timeline), >, 0);

  /* Tier changes and key follow-ups show on the timeline too. */
  g_assert_true (crm_key_follow_up_mark (f->s.store, id, "客户投诉", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, 51);
  {
    g_autoptr(CrmTimelineEntry) newest = g_list_model_get_item (G_LIST_MODEL (timeline), 0);

    g_assert_cmpstr (crm_timeline_entry_get_kind (newest), ==, "key-raised");
    g_assert_cmpstr (crm_timeline_entry_get_body (newest), ==, "客户投诉");
  }
}

static void
test_agenda_by_owner (Fixture       *f,
                      gconstpointer  data)
{
  gint64 a = add_customer (f, "甲公司", "赵经理", CRM_TIER_S);
  gint64 b = add_customer (f, "乙公司", "钱经理", CRM_TIER_S);
  gint64 c = add_customer (f, "丙公司", "赵经理", CRM_TIER_C);
  g_autoptr(CrmPagedList) agenda = crm_agenda_new (f->s.store);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) week = g_date_time_add_days (now, 7);
  g_autoptr(GError) error = NULL;
  g_autofree char *recent = hours_ago (1);
  g_autoptr(CrmFollowUp) follow_up = follow_up_new (c, recent, "电话确认需求");

  /* All three are new prospects, due within 24 hours. */
  crm_agenda_set_until (agenda, week);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (agenda)), ==, 3);
  {
    g_autoptr(CrmAgendaItem) first = g_list_model_get_item (G_LIST_MODEL (agenda), 0);
    g_autoptr(CrmAgendaItem) second = g_list_model_get_item (G_LIST_MODEL (agenda), 1);
    g_autoptr(CrmAgendaItem) third = g_list_model_get_item (G_LIST_MODEL (agenda), 2);

    /* Grouped by owner (赵 U+8D75 sorts before 钱 U+94B1), then by due. */
    g_assert_cmpint (crm_agenda_item_get_customer_id (first), ==, a);
    g_assert_cmpstr (crm_agenda_item_get_owner (second), ==, "赵经理");
    g_assert_cmpint (crm_agenda_item_get_customer_id (second), ==, c);
    g_assert_cmpint (crm_agenda_item_get_customer_id (third), ==, b);
  }

  /* Logging a follow-up with the C customer moves it 90 days out. */
  g_assert_cmpint (crm_follow_up_store_add (f->follow_ups, follow_up, &error), >, 0);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (agenda)), ==, 2);
}

static gboolean
raise_in_transaction (CrmDatabase  *db,
                      gpointer      user_data,
                      GError      **error)
{
  gint64 id = *(gint64 *)user_data;

  /* What a requirement closure with a score of 2 would do. */
  return crm_key_follow_up_check_satisfaction (db, id, 2, "需求“发票格式”关闭", error) &&
         crm_key_follow_up_check_satisfaction (db, id, 4, "问卷", error);
}

static void
test_key_follow_up_raised_and_cleared (Fixture       *f,
                                       gconstpointer  data)
{
  gint64 id = add_customer (f, "武汉江城机械有限公司", "王经理", CRM_TIER_C);
  g_autoptr(CrmFollowUp) follow_up = follow_up_new (id, "2026-03-02T02:00:00Z", "回访");
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *due = NULL;
  g_autofree char *label = NULL;

  g_assert_cmpint (crm_follow_up_store_add (f->follow_ups, follow_up, &error), >, 0);
  due = query_text (f, "SELECT next_due_at FROM customer WHERE id = ?", id);
  g_assert_cmpstr (due, ==, "2026-05-31T02:00:00Z");
  g_assert_null (crm_key_follow_up_dup_reason (f->s.db, id));

  g_assert_true (crm_customer_store_record (f->s.store, "Close requirement", raise_in_transaction, &id, &error));
  g_assert_no_error (error);
  reason = crm_key_follow_up_dup_reason (f->s.db, id);
  g_assert_cmpstr (reason, ==, "Satisfaction 2 of 5: 需求“发票格式”关闭");
  /* The shortest interval (S's 7 days) replaces C's 90. */
  g_clear_pointer (&due, g_free);
  due = query_text (f, "SELECT next_due_at FROM customer WHERE id = ?", id);
  g_assert_cmpstr (due, ==, "2026-03-09T02:00:00Z");

  /* Raising again keeps one open flag. */
  g_assert_true (crm_customer_store_record (f->s.store, "Close requirement", raise_in_transaction, &id, &error));
  g_assert_cmpint (test_query_int (crm_database_get_handle (f->s.db),
                                   "SELECT count(*) FROM key_follow_up WHERE cleared_at IS NULL"), ==, 1);

  /* Clearing needs a reason. */
  g_assert_false (crm_key_follow_up_clear (f->s.store, id, "  ", &error));
  g_assert_true (g_str_has_prefix (error->message, "Reason:"));
  g_clear_error (&error);

  g_assert_true (crm_key_follow_up_clear (f->s.store, id, "已上门道歉并解决", &error));
  g_assert_no_error (error);
  g_assert_null (crm_key_follow_up_dup_reason (f->s.db, id));
  g_clear_pointer (&due, g_free);
  due = query_text (f, "SELECT next_due_at FROM customer WHERE id = ?", id);
  g_assert_cmpstr (due, ==, "2026-05-31T02:00:00Z");
  g_clear_pointer (&reason, g_free);
  reason = query_text (f, "SELECT clear_reason FROM key_follow_up WHERE customer_id = ?", id);
  g_assert_cmpstr (reason, ==, "已上门道歉并解决");

  /* Clearing a customer that is not flagged is refused. */
  g_assert_false (crm_key_follow_up_clear (f->s.store, id, "再次", &error));
  g_assert_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_STATE);
  g_clear_error (&error);

  /* Undo flags it again. */
  label = crm_journal_undo (f->s.journal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "Clear key follow-up");
  g_clear_pointer (&reason, g_free);
  reason = crm_key_follow_up_dup_reason (f->s.db, id);
  g_assert_nonnull (reason);
}

static void
test_merge_keeps_follow_ups (Fixture       *f,
                             gconstpointer  data)
{
  gint64 survivor = add_customer (f, "广州宏达物流有限公司", "王经理", CRM_TIER_NONE);
  gint64 duplicate = add_customer (f, "广州宏达物流", "王经理", CRM_TIER_B);
  g_autoptr(CrmFollowUp) follow_up = follow_up_new (duplicate, "2026-03-02T02:00:00Z", "拜访");
  g_autoptr(CrmCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = crm_database_get_handle (f->s.db);

  /* A first grade in the editor is kept in the history too. */
  customer = crm_customer_store_get (f->s.store, survivor, &error);
  crm_customer_set_tier (customer, CRM_TIER_A);
  g_assert_cmpint (crm_customer_store_save (f->s.store, customer, NULL, NULL, CRM_SAVE_ALLOW_DUPLICATE, NULL, &error), ==, survivor);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM tier_history"
                                           "  WHERE from_tier IS NULL AND to_tier = 'A'"), ==, 1);

  g_assert_cmpint (crm_follow_up_store_add (f->follow_ups, follow_up, &error), >, 0);
  g_assert_true (crm_key_follow_up_mark (f->s.store, survivor, "投诉", &error));
  g_assert_true (crm_key_follow_up_mark (f->s.store, duplicate, "满意度低", &error));

  g_assert_true (crm_customer_store_merge (f->s.store, survivor, duplicate, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM follow_up WHERE customer_id = (SELECT min (id) FROM customer)"), ==, 1);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM key_follow_up WHERE cleared_at IS NULL"), ==, 1);
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM customer"), ==, 1);
  /* The survivor's plan follows the follow-up it inherited, at the key
   * follow-up's shortest interval. */
  {
    g_autofree char *due = query_text (f, "SELECT next_due_at FROM customer WHERE id = ?", survivor);

    g_assert_cmpstr (due, ==, "2026-03-09T02:00:00Z");
  }
}

static void
test_ics_parsed_back (Fixture       *f,
                      gconstpointer  data)
{
  gint64 a = add_customer (f, "南京紫金科技有限公司", "王经理", CRM_TIER_A);
  gint64 b = add_customer (f, "苏州园林设计有限公司, 分公司", "李经理", CRM_TIER_B);
  g_autoptr(CrmFollowUp) follow_up = follow_up_new (a, "2026-03-02T02:00:00Z", "拜访");
  g_autoptr(GDateTime) until = crm_time_parse_utc ("2100-01-01T00:00:00Z");
  g_autofree char *path = test_tmp_path ("agenda.ics");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  icalcomponent *calendar;
  guint n = 0;
  guint seen = 0;

  crm_follow_up_set_next_action (follow_up, "发送合同; 确认付款");
  crm_follow_up_set_next_action_due (follow_up, "2026-03-10T06:30:00Z");
  g_assert_cmpint (crm_follow_up_store_add (f->follow_ups, follow_up, &error), >, 0);
  g_assert_true (crm_key_follow_up_mark (f->s.store, b, "满意度低", &error));

  g_hash_table_insert (expected, g_strdup ("南京紫金科技有限公司"), g_strdup ("2026-03-10T06:30:00Z"));
  g_hash_table_insert (expected, g_strdup ("苏州园林设计有限公司, 分公司"),
                       query_text (f, "SELECT next_due_at FROM customer WHERE id = ?", b));

  g_assert_true (crm_agenda_export_ics (f->s.db, until, path, FALSE, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 2);

  /* Never overwritten unless asked. */
  g_assert_false (crm_agenda_export_ics (f->s.db, until, path, FALSE, &n, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  calendar = icalparser_parse_string (contents);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);

  for (icalcomponent *todo = icalcomponent_get_first_component (calendar, ICAL_VTODO_COMPONENT);
       todo != NULL;
       todo = icalcomponent_get_next_component (calendar, ICAL_VTODO_COMPONENT))
    {
      struct icaltimetype due = icalcomponent_get_due (todo);
      const char *summary = icalcomponent_get_summary (todo);
      g_autoptr(GDateTime) due_time = g_date_time_new_from_unix_utc (icaltime_as_timet_with_zone (due, icaltimezone_get_utc_timezone ()));
      g_autofree char *due_text = crm_time_format_utc (due_time);
      GHashTableIter iter;
      gpointer name, expected_due;
      gboolean matched = FALSE;

      g_assert_true (icaltime_is_utc (due));
      g_hash_table_iter_init (&iter, expected);
      while (g_hash_table_iter_next (&iter, &name, &expected_due))
        {
          if (strstr (summary, name) != NULL)
            {
              g_assert_cmpstr (due_text, ==, expected_due);
              matched = TRUE;
            }
        }
      g_assert_true (matched);
      if (strstr (summary, "南京") != NULL)
        g_assert_nonnull (strstr (summary, "发送合同; 确认付款"));
      else
        g_assert_cmpint (icalproperty_get_priority (icalcomponent_get_first_property (todo, ICAL_PRIORITY_PROPERTY)), ==, 1);
      seen++;
    }
  g_assert_cmpint (seen, ==, 2);
  icalcomponent_free (calendar);
}

int
main (int   argc,
      char *argv[])
{
  /* Days are counted in the user's zone; pin it. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/follow-up/validation-names-the-field", test_validation_names_the_field);
  ADD ("/follow-up/log-moves-last-contact-and-plan", test_log_moves_last_contact_and_plan);
  ADD ("/follow-up/explicit-due-and-tier-change", test_explicit_due_and_tier_change);
  ADD ("/follow-up/cadence-change-replans", test_cadence_change_replans);
  ADD ("/follow-up/timeline-newest-first-and-lazy", test_timeline_newest_first_and_lazy);
  ADD ("/follow-up/agenda-by-owner", test_agenda_by_owner);
  ADD ("/follow-up/key-follow-up-raised-and-cleared", test_key_follow_up_raised_and_cleared);
  ADD ("/follow-up/merge-keeps-follow-ups", test_merge_keeps_follow_ups);
  ADD ("/follow-up/ics-parsed-back", test_ics_parsed_back);
#undef ADD

  return g_test_run ();
}
