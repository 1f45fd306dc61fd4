/* test-requirement-store.c — requirements: codes, checks, status moves and
 * their history, card order, merging, and the board's column lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "crm-requirement-list.h"
#include "crm-requirement-store.h"
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
  store_fixture_open (&f->base, "requirements.db");
  f->requirements = crm_requirement_store_new (f->base.journal);
  crm_requirement_store_set_actor (f->requirements, "王经理");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->requirements);
  store_fixture_close (&f->base);
}

static sqlite3 *
handle (Fixture *f)
{
  return crm_database_get_handle (f->base.db);
}

static gint64
add_customer (Fixture    *f,
              const char *name,
              const char *tier)
{
  g_autoptr(CrmCustomer) customer = crm_customer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (customer, "name", name, "tier", crm_tier_from_string (tier), NULL);
  id = crm_customer_store_save (f->base.store, customer, NULL, NULL, CRM_SAVE_DEFAULT, NULL, &error);
  g_assert_no_error (error);

  return id;
}

static gint64
add_requirement (Fixture    *f,
                 const char *title,
                 gint64      customer_id)
{
  g_autoptr(CrmRequirement) requirement = crm_requirement_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (requirement, "title", title, "customer-id", customer_id, NULL);
  id = crm_requirement_store_save (f->requirements, requirement, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static char *
status_of (Fixture *f,
           gint64   id)
{
  g_autoptr(CrmRequirement) requirement = crm_requirement_store_get (f->requirements, id, NULL);

  g_assert_nonnull (requirement);

  return g_strdup (crm_requirement_enum_to_string (CRM_REQUIREMENT_ENUM_STATUS,
                                                   crm_requirement_get_status (requirement)));
}

static void
test_codes_never_reused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CrmRequirement) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  id = add_requirement (f, "批量导出报表", 0);
  first = crm_requirement_store_get (f->requirements, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_requirement_get_code (first), ==, "REQ-0001");
  g_assert_cmpint (crm_requirement_get_status (first), ==, CRM_REQUIREMENT_STATUS_PENDING);
  g_assert_cmpint (crm_requirement_get_importance (first), ==, 3);

  add_requirement (f, "移动端审批", 0);
  label = crm_journal_undo (f->base.journal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "Add requirement");

  /* The undone REQ-0002 stays spent. */
  id = add_requirement (f, "单点登录", 0);
  g_clear_object (&first);
  first = crm_requirement_store_get (f->requirements, id, NULL);
  g_assert_cmpstr (crm_requirement_get_code (first), ==, "REQ-0003");
}

static void
test_invalid_fields_named (Fixture       *f,
                           gconstpointer  data)
{
  struct
  {
    const char *property;
    const char *value;
    const char *message_part;
  } cases[] = {
    { "title", "   ", "Title" },
    { "due-on", "2024-02-30", "Due date" },
    { "due-on", "next week", "2024-03-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CrmRequirement) requirement = crm_requirement_new ();
      g_autoptr(GError) error = NULL;

      g_object_set (requirement, "title", "有效标题", NULL);
      g_object_set (requirement, cases[i].property, cases[i].value, NULL);
      g_assert_cmpint (crm_requirement_store_save (f->requirements, requirement, &error), ==, 0);
      g_assert_error (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }

  {
    g_autoptr(CrmRequirement) requirement = crm_requirement_new ();
    g_autoptr(GString) long_title = g_string_new (NULL);
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < CRM_REQUIREMENT_TITLE_MAX + 1; i++)
      g_string_append (long_title, "需");
    g_object_set (requirement, "title", long_title->str, "customer-id", (gint64)999, NULL);
    g_assert_cmpint (crm_requirement_store_save (f->requirements, requirement, &error), ==, 0);
    g_assert_nonnull (strstr (error->message, "Title"));
    g_assert_nonnull (strstr (error->message, "201"));
  }

  {
    g_autoptr(CrmRequirement) requirement = crm_requirement_new ();
    g_autoptr(GError) error = NULL;

    g_object_set (requirement, "title", "有效标题", "customer-id", (gint64)999, NULL);
    g_assert_cmpint (crm_requirement_store_save (f->requirements, requirement, &error), ==, 0);
    g_assert_nonnull (strstr (error->message, "Customer"));
  }

  g_assert_cmpint (crm_requirement_store_count (f->requirements), ==, 0);
}

static void
test_status_transitions_and_history (Fixture       *f,
                                     gconstpointer  data)
{
  gint64 customer = add_customer (f, "杭州云帆科技有限公司", "A");
  gint64 id = add_requirement (f, "对接钉钉审批", customer);
  CrmRequirementClosure no_resolution = { "  ", 4 };
  CrmRequirementClosure done = { "已上线审批对接", 2 };
  CrmRequirementClosure rejected = { "与产品方向不符", 0 };
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(CrmRequirement) requirement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *status = NULL;
  CrmStatusChange *change;

  /* Creation starts the history. */
  history = crm_requirement_store_list_history (f->requirements, id);
  g_assert_cmpuint (history->len, ==, 1);
  change = g_ptr_array_index (history, 0);
  g_assert_cmpint (change->from_status, ==, -1);
  g_assert_cmpint (change->to_status, ==, CRM_REQUIREMENT_STATUS_PENDING);
  g_assert_cmpstr (change->changed_by, ==, "王经理");
  g_clear_pointer (&history, g_ptr_array_unref);

  g_assert_true (crm_requirement_store_move (f->requirements, id, CRM_REQUIREMENT_STATUS_IN_PROGRESS,
                                             0, NULL, &error));
  g_assert_no_error (error);

  /* Done and Rejected need a resolution or a reason; nothing changes
   * without one. */
  g_assert_false (crm_requirement_store_move (f->requirements, id, CRM_REQUIREMENT_STATUS_DONE,
                                              0, NULL, &error));
  g_assert_error (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Resolution"));
  g_clear_error (&error);
  g_assert_false (crm_requirement_store_move (f->requirements, id, CRM_REQUIREMENT_STATUS_DONE,
                                              0, &no_resolution, &error));
  g_clear_error (&error);
  g_assert_false (crm_requirement_store_move (f->requirements, id, CRM_REQUIREMENT_STATUS_REJECTED,
                                              0, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Reason"));
  g_clear_error (&error);
  status = status_of (f, id);
  g_assert_cmpstr (status, ==, "in_progress");
  g_clear_pointer (&status, g_free);

  crm_requirement_store_set_actor (f->requirements, "李工");
  g_assert_true (crm_requirement_store_move (f->requirements, id, CRM_REQUIREMENT_STATUS_DONE,
                                             0, &done, &error));
  g_assert_no_error (error);
  requirement = crm_requirement_store_get (f->requirements, id, NULL);
  g_assert_cmpint (crm_requirement_get_status (requirement), ==, CRM_REQUIREMENT_STATUS_DONE);
  g_assert_cmpstr (crm_requirement_get_resolution (requirement), ==, "已上线审批对接");
  g_assert_cmpint (crm_requirement_get_satisfaction (requirement), ==, 2);

  history = crm_requirement_store_list_history (f->requirements, id);
  g_assert_cmpuint (history->len, ==, 3);
  change = g_ptr_array_index (history, 1);
  g_assert_cmpint (change->from_status, ==, CRM_REQUIREMENT_STATUS_PENDING);
  g_assert_cmpint (change->to_status, ==, CRM_REQUIREMENT_STATUS_IN_PROGRESS);
  g_assert_cmpstr (change->changed_by, ==, "王经理");
  change = g_ptr_array_index (history, 2);
  g_assert_cmpint (change->from_status, ==, CRM_REQUIREMENT_STATUS_IN_PROGRESS);
  g_assert_cmpint (change->to_status, ==, CRM_REQUIREMENT_STATUS_DONE);
  g_assert_cmpstr (change->changed_by, ==, "李工");
  g_assert_cmpstr (change->note, ==, "已上线审批对接");
  g_assert_nonnull (change->changed_at);
  /* Times are ordered, so lead and cycle times can be computed. */
  g_assert_cmpstr (((CrmStatusChange *)g_ptr_array_index (history, 1))->changed_at, <=, change->changed_at);
  g_clear_pointer (&history, g_ptr_array_unref);

  /* Undoing a move takes its history row with it. */
  label = crm_journal_undo (f->base.journal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "Move requirement");
  status = status_of (f, id);
  g_assert_cmpstr (status, ==, "in_progress");
  g_clear_pointer (&status, g_free);
  history = crm_requirement_store_list_history (f->requirements, id);
  g_assert_cmpuint (history->len, ==, 2);
  g_clear_pointer (&history, g_ptr_array_unref);

  g_assert_true (crm_requirement_store_move (f->requirements, id, CRM_REQUIREMENT_STATUS_REJECTED,
                                             0, &rejected, &error));
  g_assert_no_error (error);
  g_clear_object (&requirement);
  requirement = crm_requirement_store_get (f->requirements, id, NULL);
  g_assert_cmpstr (crm_requirement_get_resolution (requirement), ==, "与产品方向不符");
  g_assert_cmpint (crm_requirement_get_satisfaction (requirement), ==, 0);

  /* A rejected requirement can be reopened. */
  g_assert_true (crm_requirement_store_move (f->requirements, id, CRM_REQUIREMENT_STATUS_PENDING,
                                             0, NULL, &error));
  history = crm_requirement_store_list_history (f->requirements, id);
  g_assert_cmpuint (history->len, ==, 4);
  g_assert_cmpint (((CrmStatusChange *)g_ptr_array_index (history, 3))->to_status, ==,
                   CRM_REQUIREMENT_STATUS_PENDING);
}

/* The ids of a column in board order, straight from the table. */
static GArray *
column_ids (Fixture    *f,
            const char *status)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle (f),
                                       "SELECT id FROM requirement WHERE status = ? AND merged_into IS NULL"
                                       "  ORDER BY position, id", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);

  return ids;
}

static GHashTable *
positions (Fixture *f)
{
  GHashTable *table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle (f), "SELECT id, position FROM requirement",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      double *position = g_new (double, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      *position = sqlite3_column_double (stmt, 1);
      g_hash_table_insert (table, id, position);
    }
  sqlite3_finalize (stmt);

  return table;
}

static guint
count_moved (GHashTable *before,
             GHashTable *after)
{
  GHashTableIter iter;
  gpointer key, value;
  guint moved = 0;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double *old = g_hash_table_lookup (before, key);

      if (old == NULL || *old != *(double *)value)
        moved++;
    }

  return moved;
}

static guint
index_of (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  g_assert_not_reached ();
}

static void
test_order_without_renumbering_storm (Fixture       *f,
                                      gconstpointer  data)
{
  const guint n_cards = 300;
  const guint n_moves = 600;
  g_autoptr(GArray) model = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GHashTable) before = NULL;
  guint total_moved = 0;
  guint max_moved = 0;

  crm_journal_set_limit (f->base.journal, 5);
  for (guint i = 0; i < n_cards; i++)
    {
      g_autofree char *title = g_strdup_printf ("需求 %u", i);
      gint64 id = add_requirement (f, title, 0);

      g_array_append_val (model, id);
    }

  before = positions (f);
  for (guint m = 0; m < n_moves; m++)
    {
      g_autoptr(GHashTable) after = NULL;
      g_autoptr(GError) error = NULL;
      guint from, to;
      gint64 id, before_id;
      guint moved;

      /* Half the moves go to the very same gap, near the top, which wears
       * down the gap fastest; the rest are random. */
      from = g_rand_int_range (rand, 0, n_cards);
      to = m % 2 == 0 ? 1 : (guint)g_rand_int_range (rand, 0, n_cards);
      id = g_array_index (model, gint64, from);
      g_array_remove_index (model, from);
      if (to > model->len)
        to = model->len;
      before_id = to < model->len ? g_array_index (model, gint64, to) : 0;
      g_array_insert_val (model, to, id);

      g_assert_true (crm_requirement_store_move (f->requirements, id, CRM_REQUIREMENT_STATUS_PENDING,
                                                 before_id, NULL, &error));
      g_assert_no_error (error);

      after = positions (f);
      moved = count_moved (before, after);
      total_moved += moved;
      max_moved = MAX (max_moved, moved);
      g_clear_pointer (&before, g_hash_table_unref);
      before = g_steal_pointer (&after);
    }

  {
    g_autoptr(GArray) stored = column_ids (f, "pending");

    g_assert_cmpuint (stored->len, ==, model->len);
    for (guint i = 0; i < model->len; i++)
      g_assert_cmpint (g_array_index (stored, gint64, i), ==, g_array_index (model, gint64, i));
  }

  g_test_message ("%u moves wrote %u positions; the largest respacing wrote %u",
                  n_moves, total_moved, max_moved);
  /* Most moves write only the moved card; a respacing now and then writes
   * a small window, never the column. */
  g_assert_cmpuint (total_moved, <=, 2 * n_moves);
  g_assert_cmpuint (max_moved, <, n_cards / 4);
}

static void
test_move_between_columns_in_place (Fixture       *f,
                                    gconstpointer  data)
{
  gint64 a = add_requirement (f, "A", 0);
  gint64 b = add_requirement (f, "B", 0);
  gint64 c = add_requirement (f, "C", 0);
  g_autoptr(GArray) pending = NULL;
  g_autoptr(GArray) doing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_requirement_store_move (f->requirements, c, CRM_REQUIREMENT_STATUS_IN_PROGRESS, 0, NULL, &error));
  g_assert_true (crm_requirement_store_move (f->requirements, a, CRM_REQUIREMENT_STATUS_IN_PROGRESS, c, NULL, &error));
  g_assert_no_error (error);

  /* Before a card of another column: refused, nothing changed. */
  g_assert_false (crm_requirement_store_move (f->requirements, b, CRM_REQUIREMENT_STATUS_IN_PROGRESS, b, NULL, &error));
  g_clear_error (&error);
  g_assert_false (crm_requirement_store_move (f->requirements, b, CRM_REQUIREMENT_STATUS_DONE, a,
                                              &(CrmRequirementClosure) { "ok", 0 }, &error));
  g_assert_error (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_STATE);

  pending = column_ids (f, "pending");
  doing = column_ids (f, "in_progress");
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpint (g_array_index (pending, gint64, 0), ==, b);
  g_assert_cmpuint (doing->len, ==, 2);
  g_assert_cmpint (index_of (doing, a), ==, 0);
  g_assert_cmpint (index_of (doing, c), ==, 1);
}

static void
test_merge_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  gint64 one = add_customer (f, "北京星辰商贸有限公司", "S");
  gint64 two = add_customer (f, "上海明德物流有限公司", "B");
  gint64 survivor = add_requirement (f, "批量导出订单", one);
  gint64 duplicate = add_requirement (f, "订单导出为 Excel", two);
  g_autoptr(GArray) customers = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(CrmRequirementList) list = crm_requirement_list_new (f->requirements, CRM_REQUIREMENT_STATUS_PENDING);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmRequirement) gone = NULL;
  g_autofree char *label = NULL;

  g_assert_cmpint (crm_requirement_store_add_evidence (f->requirements, survivor, CRM_EVIDENCE_KIND_FOLLOW_UP,
                                                       17, "客户说每月要导出三次", &error), >, 0);
  g_assert_cmpint (crm_requirement_store_add_evidence (f->requirements, duplicate, CRM_EVIDENCE_KIND_ANSWER,
                                                       5, "问卷：希望能导出 Excel", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  g_assert_false (crm_requirement_store_merge (f->requirements, survivor, survivor, &error));
  g_assert_error (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_STATE);
  g_clear_error (&error);

  g_assert_true (crm_requirement_store_merge (f->requirements, survivor, duplicate, &error));
  g_assert_no_error (error);

  customers = crm_requirement_store_list_customers (f->requirements, survivor);
  g_assert_cmpuint (customers->len, ==, 2);
  g_assert_cmpint (g_array_index (customers, gint64, 0), ==, one);
  g_assert_cmpint (g_array_index (customers, gint64, 1), ==, two);
  evidence = crm_requirement_store_list_evidence (f->requirements, survivor);
  g_assert_cmpuint (evidence->len, ==, 2);
  g_assert_cmpint (((CrmEvidence *)g_ptr_array_index (evidence, 1))->kind, ==, CRM_EVIDENCE_KIND_ANSWER);
  g_assert_cmpstr (((CrmEvidence *)g_ptr_array_index (evidence, 1))->excerpt, ==, "问卷：希望能导出 Excel");

  /* The duplicate is kept on record but leaves the board. */
  gone = crm_requirement_store_get (f->requirements, duplicate, &error);
  g_assert_null (gone);
  g_assert_error (error, CRM_REQUIREMENT_STORE_ERROR, CRM_REQUIREMENT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (handle (f), "SELECT count(*) FROM requirement"), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (crm_requirement_store_count (f->requirements), ==, 1);

  /* Both customers' lists show the survivor. */
  {
    CrmRequirementFilter filter = CRM_REQUIREMENT_FILTER_INIT;
    g_autoptr(CrmRequirementList) of_two = crm_requirement_list_new (f->requirements, -1);

    filter.customer_id = two;
    crm_requirement_list_set_filter (of_two, &filter);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (of_two)), ==, 1);
    g_assert_cmpint (crm_requirement_list_get_id (of_two, 0), ==, survivor);
  }

  label = crm_journal_undo (f->base.journal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "Merge requirements");
  g_clear_pointer (&customers, g_array_unref);
  customers = crm_requirement_store_list_customers (f->requirements, survivor);
  g_assert_cmpuint (customers->len, ==, 1);
  g_clear_pointer (&evidence, g_ptr_array_unref);
  evidence = crm_requirement_store_list_evidence (f->requirements, duplicate);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
}

static void
test_customer_merge_keeps_requirements (Fixture       *f,
                                        gconstpointer  data)
{
  gint64 one = add_customer (f, "广州华南贸易有限公司", NULL);
  gint64 two = add_customer (f, "广州华南贸易公司", NULL);
  gint64 requirement = add_requirement (f, "开具电子发票", two);
  g_autoptr(CrmRequirement) read = NULL;
  g_autoptr(GArray) customers = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_customer_store_merge (f->base.store, one, two, &error));
  g_assert_no_error (error);

  read = crm_requirement_store_get (f->requirements, requirement, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_requirement_get_customer_id (read), ==, one);
  customers = crm_requirement_store_list_customers (f->requirements, requirement);
  g_assert_cmpuint (customers->len, ==, 1);
  g_assert_cmpint (g_array_index (customers, gint64, 0), ==, one);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
test_lists_follow_moves (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CrmRequirementList) pending = crm_requirement_list_new (f->requirements, CRM_REQUIREMENT_STATUS_PENDING);
  g_autoptr(CrmRequirementList) doing = crm_requirement_list_new (f->requirements, CRM_REQUIREMENT_STATUS_IN_PROGRESS);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GError) error = NULL;
  gint64 ids[5];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *title = g_strdup_printf ("卡片 %u", i);

      ids[i] = add_requirement (f, title, 0);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pending)), ==, 5);

  g_signal_connect (pending, "items-changed", G_CALLBACK (on_items_changed), changes);
  g_assert_true (crm_requirement_store_move (f->requirements, ids[3], CRM_REQUIREMENT_STATUS_IN_PROGRESS,
                                             0, NULL, &error));
  g_assert_no_error (error);

  /* One precise removal, not a reload of the column. */
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, 3);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (doing)), ==, 1);

  /* Reordering within a column: out at 4, in at 0. */
  g_array_set_size (changes, 0);
  g_assert_true (crm_requirement_store_move (f->requirements, ids[4], CRM_REQUIREMENT_STATUS_PENDING,
                                             ids[0], NULL, &error));
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpint (crm_requirement_list_get_id (pending, 0), ==, ids[4]);
  {
    g_autoptr(CrmRequirement) first = g_list_model_get_item (G_LIST_MODEL (pending), 0);

    g_assert_cmpstr (crm_requirement_get_title (first), ==, "卡片 4");
  }

  /* Undo reloads. */
  g_free (crm_journal_undo (f->base.journal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_requirement_list_get_id (pending, 3), ==, ids[4]);
}

static void
test_list_filters (Fixture       *f,
                   gconstpointer  data)
{
  gint64 s_customer = add_customer (f, "深圳前海金融服务有限公司", "S");
  gint64 c_customer = add_customer (f, "成都小微零售店", "C");
  g_autoptr(CrmRequirementList) list = crm_requirement_list_new (f->requirements, CRM_REQUIREMENT_STATUS_PENDING);
  CrmRequirementFilter filter = CRM_REQUIREMENT_FILTER_INIT;
  g_autoptr(GError) error = NULL;
  struct
  {
    const char *title;
    gint64      customer;
    int         importance;
    int         urgency;
    const char *owner;
    int         category;
  } rows[] = {
    { "风控报表自动生成", s_customer, 5, 5, "张伟", CRM_REQUIREMENT_CATEGORY_FUNCTIONAL },
    { "会员积分", c_customer, 4, 2, "李娜", CRM_REQUIREMENT_CATEGORY_COMMERCIAL },
    { "打印小票更快", c_customer, 2, 5, NULL, CRM_REQUIREMENT_CATEGORY_PERFORMANCE },
    { "界面换肤", 0, 1, 1, "张伟", CRM_REQUIREMENT_CATEGORY_EXPERIENCE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(CrmRequirement) requirement = crm_requirement_new ();

      g_object_set (requirement, "title", rows[i].title, "customer-id", rows[i].customer,
                    "importance", rows[i].importance, "urgency", rows[i].urgency,
                    "owner", rows[i].owner, "category", rows[i].category, NULL);
      g_assert_cmpint (crm_requirement_store_save (f->requirements, requirement, &error), >, 0);
    }

#define EXPECT(n) \
  crm_requirement_list_set_filter (list, &filter); \
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n); \
  filter = (CrmRequirementFilter) CRM_REQUIREMENT_FILTER_INIT

  EXPECT (4);
  filter.quadrant = CRM_QUADRANT_DO_NOW; EXPECT (1);
  filter.quadrant = CRM_QUADRANT_PLAN; EXPECT (1);
  filter.quadrant = CRM_QUADRANT_STANDARDISE; EXPECT (1);
  filter.quadrant = CRM_QUADRANT_DEFER; EXPECT (1);
  filter.owner = "张伟"; EXPECT (2);
  filter.owner = ""; EXPECT (1);
  filter.tier = CRM_TIER_C; EXPECT (2);
  filter.tier = CRM_TIER_NONE; EXPECT (1);
  filter.customer_id = s_customer; EXPECT (1);
  filter.category = CRM_REQUIREMENT_CATEGORY_PERFORMANCE; EXPECT (1);
  filter.search_text = "报表"; EXPECT (1);
  filter.search_text = "成都"; EXPECT (2);
  filter.search_text = "REQ-0004"; EXPECT (1);
  filter.search_text = "张伟 积分"; EXPECT (0);
  filter.owner = "张伟"; filter.quadrant = CRM_QUADRANT_DEFER; EXPECT (1);

#undef EXPECT
}

/* @n pending requirements at once, positions 1 to @n. */
static void
insert_many (Fixture *f,
             guint    n)
{
  g_autofree char *sql = g_strdup_printf ("WITH RECURSIVE k (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < %u)"
                                          "  INSERT INTO requirement (code, title, position)"
                                          "  SELECT printf ('T-%%05d', i), printf ('卡片 %%d', i), i FROM k",
                                          n);

  g_assert_cmpint (sqlite3_exec (handle (f), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
wait_complete (CrmRequirementList *list)
{
  while (!crm_requirement_list_is_complete (list))
    g_main_context_iteration (NULL, TRUE);
}

/* A board's list reads its first rows at once and the rest from an idle,
 * and until then says it is not complete; what it holds in the end is
 * what a list read at once holds. */
static void
test_board_list_reads_rest_later (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(CrmRequirementList) whole = NULL;
  g_autoptr(CrmRequirementList) list = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  guint first;

  insert_many (f, 250);
  whole = crm_requirement_list_new (f->requirements, CRM_REQUIREMENT_STATUS_PENDING);
  g_assert_true (crm_requirement_list_is_complete (whole));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (whole)), ==, 250);

  list = crm_requirement_list_new_for_board (f->requirements, CRM_REQUIREMENT_STATUS_PENDING, NULL);
  first = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_false (crm_requirement_list_is_complete (list));
  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (first, <, 250);
  for (guint i = 0; i < first; i++)
    g_assert_cmpint (crm_requirement_list_get_id (list, i), ==, crm_requirement_list_get_id (whole, i));

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), changes);
  wait_complete (list);

  /* The rest is appended after the first rows, which stay. */
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).position, ==, first);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 0);
  g_assert_cmpuint (g_array_index (changes, Change, 0).added, ==, 250 - first);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 250);
  for (guint i = 0; i < 250; i++)
    g_assert_cmpint (crm_requirement_list_get_id (list, i), ==, crm_requirement_list_get_id (whole, i));
}

/* Finding a card or moving one before the rest is read reads it at once,
 * so the answer and the card's place are those of the whole column. */
static void
test_board_list_complete_on_demand (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(CrmRequirementList) list = NULL;
  g_autoptr(CrmRequirementList) doing = NULL;
  g_autoptr(GError) error = NULL;
  CrmRequirementFilter few = CRM_REQUIREMENT_FILTER_INIT;
  gint64 last;
  gint64 first_id;

  insert_many (f, 250);
  last = test_query_int (handle (f), "SELECT id FROM requirement WHERE position = 250");

  list = crm_requirement_list_new_for_board (f->requirements, CRM_REQUIREMENT_STATUS_PENDING, NULL);
  g_assert_false (crm_requirement_list_is_complete (list));
  g_assert_cmpuint (crm_requirement_list_find (list, last), ==, 249);
  g_assert_true (crm_requirement_list_is_complete (list));

  /* A move while the rest is unread: the last card goes to the top. */
  g_clear_object (&list);
  list = crm_requirement_list_new_for_board (f->requirements, CRM_REQUIREMENT_STATUS_PENDING, NULL);
  first_id = crm_requirement_list_get_id (list, 0);
  g_assert_true (crm_requirement_store_move (f->requirements, last, CRM_REQUIREMENT_STATUS_PENDING,
                                             first_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (crm_requirement_list_is_complete (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 250);
  g_assert_cmpint (crm_requirement_list_get_id (list, 0), ==, last);
  g_assert_cmpint (crm_requirement_list_get_id (list, 1), ==, first_id);

  /* A column with fewer cards than the first rows is complete at once. */
  few.search_text = "T-0000";
  doing = crm_requirement_list_new_for_board (f->requirements, CRM_REQUIREMENT_STATUS_PENDING, &few);
  g_assert_true (crm_requirement_list_is_complete (doing));
  /* Codes T-00001 to T-00009. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (doing)), ==, 9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/requirement-store/codes-never-reused", test_codes_never_reused);
  ADD ("/requirement-store/invalid-fields-named", test_invalid_fields_named);
  ADD ("/requirement-store/status-transitions-and-history", test_status_transitions_and_history);
  ADD ("/requirement-store/order-without-renumbering-storm", test_order_without_renumbering_storm);
  ADD ("/requirement-store/move-between-columns", test_move_between_columns_in_place);
  ADD ("/requirement-store/merge-and-undo", test_merge_and_undo);
  ADD ("/requirement-store/customer-merge-keeps-requirements", test_customer_merge_keeps_requirements);
  ADD ("/requirement-store/lists-follow-moves", test_lists_follow_moves);
  ADD ("/requirement-store/list-filters", test_list_filters);
  ADD ("/requirement-store/board-list-reads-rest-later", test_board_list_reads_rest_later);
  ADD ("/requirement-store/board-list-complete-on-demand", test_board_list_complete_on_demand);

#undef ADD

  return g_test_run ();
}
