/* test-journal.c — undo and redo of user actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "crm-journal.h"
#include "test-util.h"

typedef struct
{
  char        *path;
  CrmDatabase *db;
  CrmJournal  *journal;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = test_tmp_path ("journal.db");
  f->db = crm_database_open (f->path, &error);
  g_assert_no_error (error);

  f->journal = crm_journal_new (f->db);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->journal);
  g_assert_finalize_object (f->db);
  g_free (f->path);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return test_query_int (crm_database_get_handle (f->db), sql);
}

static gboolean
run_sql (CrmDatabase  *db,
         gpointer      user_data,
         GError      **error)
{
  return crm_database_exec (db, user_data, error);
}

static void
record (Fixture    *f,
        const char *label,
        const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_journal_record (f->journal, label, run_sql, (gpointer)sql, &error));
  g_assert_no_error (error);
}

static void
assert_undo (Fixture    *f,
             const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *undone = crm_journal_undo (f->journal, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (undone, ==, label);
}

static void
assert_redo (Fixture    *f,
             const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *redone = crm_journal_redo (f->journal, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (redone, ==, label);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_signal_connect_swapped (f->journal, "changed", G_CALLBACK (g_atomic_int_inc), &changed);

  g_assert_false (crm_journal_can_undo (f->journal));
  g_assert_false (crm_journal_can_redo (f->journal));
  g_assert_null (crm_journal_undo (f->journal, &error));
  g_assert_error (error, CRM_JOURNAL_ERROR, CRM_JOURNAL_ERROR_NOTHING);
  g_clear_error (&error);

  record (f, "Add customer", "INSERT INTO customer (id, name) VALUES (1, '张三')");
  record (f, "Rename customer", "UPDATE customer SET name = '张三丰' WHERE id = 1");
  record (f, "Delete customer", "DELETE FROM customer WHERE id = 1");
  g_assert_cmpuint (changed, ==, 3);
  g_assert_true (crm_journal_can_undo (f->journal));

  {
    g_autofree char *label = crm_journal_dup_undo_label (f->journal);
    g_assert_cmpstr (label, ==, "Delete customer");
  }

  assert_undo (f, "Delete customer");
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer WHERE name = '张三丰'"), ==, 1);
  g_assert_true (crm_journal_can_redo (f->journal));

  assert_undo (f, "Rename customer");
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer WHERE name = '张三'"), ==, 1);

  assert_undo (f, "Add customer");
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 0);
  g_assert_false (crm_journal_can_undo (f->journal));

  {
    g_autofree char *label = crm_journal_dup_redo_label (f->journal);
    g_assert_cmpstr (label, ==, "Add customer");
  }

  assert_redo (f, "Add customer");
  assert_redo (f, "Rename customer");
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer WHERE name = '张三丰'"), ==, 1);
  assert_redo (f, "Delete customer");
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 0);
  g_assert_false (crm_journal_can_redo (f->journal));
  g_assert_null (crm_journal_redo (f->journal, &error));
  g_assert_error (error, CRM_JOURNAL_ERROR, CRM_JOURNAL_ERROR_NOTHING);
  g_assert_cmpuint (changed, ==, 9);
}

static void
test_cascade (Fixture       *f,
              gconstpointer  data)
{
  record (f, "Add customer",
          "INSERT INTO customer (id, name) VALUES (7, '深圳网络科技');"
          "INSERT INTO contact (customer_id, name) VALUES (7, '李四');"
          "INSERT INTO contact (customer_id, name) VALUES (7, '王五')");
  record (f, "Delete customer", "DELETE FROM customer WHERE id = 7");
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact"), ==, 0);

  /* Undoing the delete brings back the rows the cascade removed. */
  assert_undo (f, "Delete customer");
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact WHERE customer_id = 7"), ==, 2);

  assert_redo (f, "Delete customer");
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact"), ==, 0);
  assert_undo (f, "Delete customer");
  assert_undo (f, "Add customer");
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_new_action_clears_redo (Fixture       *f,
                             gconstpointer  data)
{
  record (f, "Add customer", "INSERT INTO customer (id, name) VALUES (1, '甲')");
  assert_undo (f, "Add customer");
  g_assert_true (crm_journal_can_redo (f->journal));

  record (f, "Add customer", "INSERT INTO customer (id, name) VALUES (2, '乙')");
  g_assert_false (crm_journal_can_redo (f->journal));
  g_assert_cmpuint (crm_journal_count (f->journal), ==, 1);
}

static void
test_survives_restart (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  record (f, "Add customer", "INSERT INTO customer (id, name) VALUES (1, '甲')");
  record (f, "Add customer", "INSERT INTO customer (id, name) VALUES (2, '乙')");
  assert_undo (f, "Add customer");

  g_assert_finalize_object (f->journal);
  g_assert_finalize_object (f->db);

  f->db = crm_database_open (f->path, &error);
  g_assert_no_error (error);
  f->journal = crm_journal_new (f->db);

  g_assert_true (crm_journal_can_undo (f->journal));
  g_assert_true (crm_journal_can_redo (f->journal));
  assert_redo (f, "Add customer");
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 2);
  assert_undo (f, "Add customer");
  assert_undo (f, "Add customer");
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 0);
}

static void
test_limit (Fixture       *f,
            gconstpointer  data)
{
  crm_journal_set_limit (f->journal, 5);

  for (guint i = 1; i <= 12; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO customer (id, name) VALUES (%u, 'c%u')", i, i);
      record (f, "Add customer", sql);
    }

  g_assert_cmpuint (crm_journal_count (f->journal), ==, 5);

  for (guint i = 0; i < 5; i++)
    assert_undo (f, "Add customer");

  g_assert_false (crm_journal_can_undo (f->journal));
  /* The seven oldest actions are beyond undo and stay. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 7);
  g_assert_cmpint (count (f, "SELECT max(id) FROM customer"), ==, 7);
}

static void
test_conflict_changes_nothing (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  record (f, "Add customers",
          "INSERT INTO customer (id, name) VALUES (1, '甲');"
          "INSERT INTO customer (id, name) VALUES (2, '乙')");
  /* Someone edits a row outside the journal (another window, a script). */
  g_assert_true (crm_database_exec (f->db, "UPDATE customer SET name = '丙' WHERE id = 2", &error));

  label = crm_journal_undo (f->journal, &error);
  g_assert_null (label);
  g_assert_error (error, CRM_JOURNAL_ERROR, CRM_JOURNAL_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Add customers"));

  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer WHERE name = '丙'"), ==, 1);
  g_assert_true (crm_journal_can_undo (f->journal));
  g_assert_false (crm_database_in_transaction (f->db));
}

static gboolean
fail_after_insert (CrmDatabase  *db,
                   gpointer      user_data,
                   GError      **error)
{
  g_assert_true (crm_database_exec (db, "INSERT INTO customer (name) VALUES ('半途')", NULL));
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "invalid");

  return FALSE;
}

static void
test_failed_action_leaves_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (crm_journal_record (f->journal, "Add customer", fail_after_insert, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpint (count (f, "SELECT count(*) FROM customer"), ==, 0);
  g_assert_cmpuint (crm_journal_count (f->journal), ==, 0);
  g_assert_false (crm_database_in_transaction (f->db));
}

static void
test_empty_action_not_recorded (Fixture       *f,
                                gconstpointer  data)
{
  record (f, "Rename customer", "UPDATE customer SET name = 'x' WHERE id = 999");
  g_assert_cmpuint (crm_journal_count (f->journal), ==, 0);
  g_assert_false (crm_journal_can_undo (f->journal));
}

/* Views skip reloading for actions on tables they do not show. */
static void
test_touched_tables (Fixture       *f,
                     gconstpointer  data)
{
  record (f, "Add customer", "INSERT INTO customer (name) VALUES ('杭州测试有限公司')");
  g_assert_true (crm_journal_touched (f->journal, "customer"));
  g_assert_false (crm_journal_touched (f->journal, "setting"));

  record (f, "Add tag", "INSERT INTO tag (name) VALUES ('老朋友')");
  g_assert_true (crm_journal_touched (f->journal, "tag"));
  g_assert_false (crm_journal_touched (f->journal, "customer"));

  /* Undoing the customer's action touches the customer table again. */
  assert_undo (f, "Add tag");
  g_assert_true (crm_journal_touched (f->journal, "tag"));
  assert_undo (f, "Add customer");
  g_assert_true (crm_journal_touched (f->journal, "customer"));
  g_assert_false (crm_journal_touched (f->journal, "tag"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/journal/round-trip", test_round_trip);
  ADD ("/journal/cascade", test_cascade);
  ADD ("/journal/new-action-clears-redo", test_new_action_clears_redo);
  ADD ("/journal/survives-restart", test_survives_restart);
  ADD ("/journal/limit", test_limit);
  ADD ("/journal/conflict-changes-nothing", test_conflict_changes_nothing);
  ADD ("/journal/failed-action-leaves-nothing", test_failed_action_leaves_nothing);
  ADD ("/journal/empty-action-not-recorded", test_empty_action_not_recorded);
  ADD ("/journal/touched-tables", test_touched_tables);

#undef ADD

  return g_test_run ();
}
