/* test-regrade.c — the quarterly re-grade, its history and its undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "crm-regrade.h"
#include "test-store-fixture.h"

typedef StoreFixture Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  store_fixture_open (f, "regrade.db");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  store_fixture_close (f);
}

static gint64
add_customer (Fixture    *f,
              const char *name,
              CrmTier     tier)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (customer, "name", name, "owner", "王经理", "tier", tier, NULL);
  id = crm_customer_store_save (f->store, customer, NULL, NULL, CRM_SAVE_DEFAULT, NULL, &error);
  g_assert_no_error (error);

  return id;
}

static void
add_cooperation (Fixture    *f,
                 gint64      customer_id,
                 const char *started_on,
                 gint64      amount)
{
  g_autoptr(CrmCooperation) record = g_object_new (CRM_TYPE_COOPERATION,
                                                   "customer-id", customer_id,
                                                   "product", "云服务",
                                                   "started-on", started_on,
                                                   "amount", amount,
                                                   NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (crm_customer_store_add_cooperation (f->store, record, &error), >, 0);
  g_assert_no_error (error);
}

static CrmRegradeProposal *
find (GListModel *proposals,
      gint64      customer_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr(CrmRegradeProposal) p = g_list_model_get_item (proposals, i);

      if (crm_regrade_proposal_get_customer_id (p) == customer_id)
        return g_steal_pointer (&p);
    }

  return NULL;
}

static char *
tier_of (Fixture *f,
         gint64   id)
{
  g_autoptr(CrmCustomer) customer = crm_customer_store_get (f->store, id, NULL);

  return g_strdup (crm_tier_to_string (crm_customer_get_tier (customer)));
}

static void
test_propose_with_figures (Fixture       *f,
                           gconstpointer  data)
{
  gint64 up = add_customer (f, "升级公司", CRM_TIER_A);
  gint64 young = add_customer (f, "新大客户公司", CRM_TIER_A);
  gint64 down = add_customer (f, "降级公司", CRM_TIER_A);
  gint64 same = add_customer (f, "不变公司", CRM_TIER_B);
  g_autoptr(GListModel) proposals = NULL;
  g_autoptr(CrmRegradeProposal) p = NULL;
  g_autoptr(GError) error = NULL;

  /* 2026Q3 ends on 30 September: the twelve months are 2025-10-01 to
   * 2026-09-30, and the years are counted to that day. */
  add_cooperation (f, up, "2024-09-30", 100000);       /* two full years on 30 Sep */
  add_cooperation (f, up, "2025-10-01", 300000);
  add_cooperation (f, up, "2026-09-30", 200000);       /* 500 000 in the year */
  add_cooperation (f, up, "2026-10-01", 900000);       /* after the quarter: not counted */
  add_cooperation (f, young, "2024-10-01", 100000);    /* one day short of two years */
  add_cooperation (f, young, "2026-01-01", 600000);
  add_cooperation (f, down, "2025-09-30", 400000);     /* just outside the twelve months */
  add_cooperation (f, down, "2026-03-01", 49999);
  add_cooperation (f, same, "2026-03-01", 50000);

  proposals = crm_regrade_propose (f->db, "2026Q3", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_list_model_get_n_items (proposals), ==, 2);

  p = find (proposals, up);
  g_assert_nonnull (p);
  g_assert_cmpstr (crm_regrade_proposal_get_from_tier (p), ==, "A");
  g_assert_cmpstr (crm_regrade_proposal_get_to_tier (p), ==, "S");
  g_assert_cmpint (crm_regrade_proposal_get_annual_spend (p), ==, 500000);
  g_assert_cmpint (crm_regrade_proposal_get_years (p), ==, 2);
  g_assert_true (crm_regrade_proposal_get_accepted (p));
  g_clear_object (&p);

  g_assert_null (find (proposals, young));

  p = find (proposals, down);
  g_assert_nonnull (p);
  g_assert_cmpstr (crm_regrade_proposal_get_to_tier (p), ==, "C");
  g_assert_cmpint (crm_regrade_proposal_get_annual_spend (p), ==, 49999);

  g_assert_null (crm_regrade_propose (f->db, "2026Q9", &error));
  g_assert_error (error, CRM_CUSTOMER_STORE_ERROR, CRM_CUSTOMER_STORE_ERROR_INVALID);
}

static void
test_apply_history_and_undo (Fixture       *f,
                             gconstpointer  data)
{
  gint64 up = add_customer (f, "升级公司", CRM_TIER_B);
  gint64 down = add_customer (f, "降级公司", CRM_TIER_A);
  gint64 declined = add_customer (f, "暂缓公司", CRM_TIER_A);
  g_autoptr(GListModel) proposals = NULL;
  g_autoptr(CrmRegradeProposal) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *tier = NULL;
  sqlite3 *handle = crm_database_get_handle (f->db);
  guint applied = 0;

  add_cooperation (f, up, "2026-02-01", 250000);
  add_cooperation (f, down, "2026-02-01", 10000);
  add_cooperation (f, declined, "2026-02-01", 10000);

  proposals = crm_regrade_propose (f->db, "2026Q1", &error);
  g_assert_cmpint (g_list_model_get_n_items (proposals), ==, 3);
  p = find (proposals, declined);
  crm_regrade_proposal_set_accepted (p, FALSE);

  /* A reason is required. */
  g_assert_false (crm_regrade_apply (f->store, proposals, "2026Q1", " ", &applied, &error));
  g_assert_true (g_str_has_prefix (error->message, "Reason:"));
  g_clear_error (&error);

  g_assert_true (crm_regrade_apply (f->store, proposals, "2026Q1", "季度复评", &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpint (applied, ==, 2);

  tier = tier_of (f, up);
  g_assert_cmpstr (tier, ==, "A");
  g_clear_pointer (&tier, g_free);
  tier = tier_of (f, down);
  g_assert_cmpstr (tier, ==, "C");
  g_clear_pointer (&tier, g_free);
  tier = tier_of (f, declined);
  g_assert_cmpstr (tier, ==, "A");
  g_clear_pointer (&tier, g_free);

  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM tier_history"), ==, 2);
  g_assert_cmpint (test_query_int (handle,
                                   "SELECT count(*) FROM tier_history WHERE from_tier = 'B' AND to_tier = 'A'"
                                   "  AND reason = '季度复评' AND quarter = '2026Q1' AND annual_spend = 250000"
                                   "  AND changed_by IS NOT NULL AND changed_at IS NOT NULL"), ==, 1);

  /* One undo takes back every change and its history. */
  label = crm_journal_undo (f->journal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "Re-grade customers");
  tier = tier_of (f, up);
  g_assert_cmpstr (tier, ==, "B");
  g_clear_pointer (&tier, g_free);
  tier = tier_of (f, down);
  g_assert_cmpstr (tier, ==, "A");
  g_assert_cmpint (test_query_int (handle, "SELECT count(*) FROM tier_history"), ==, 0);

  /* A customer graded by hand since the proposal is left alone. */
  g_clear_pointer (&tier, g_free);
  {
    g_autoptr(CrmCustomer) customer = crm_customer_store_get (f->store, up, NULL);

    crm_customer_set_tier (customer, CRM_TIER_S);
    g_assert_cmpint (crm_customer_store_save (f->store, customer, NULL, NULL, CRM_SAVE_DEFAULT, NULL, &error), ==, up);
  }
  g_assert_true (crm_regrade_apply (f->store, proposals, "2026Q1", "季度复评", &applied, &error));
  g_assert_cmpint (applied, ==, 1);
  tier = tier_of (f, up);
  g_assert_cmpstr (tier, ==, "S");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/regrade/propose-with-figures", Fixture, NULL,
              fixture_set_up, test_propose_with_figures, fixture_tear_down);
  g_test_add ("/regrade/apply-history-and-undo", Fixture, NULL,
              fixture_set_up, test_apply_history_and_undo, fixture_tear_down);

  return g_test_run ();
}
