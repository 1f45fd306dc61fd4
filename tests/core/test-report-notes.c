/* test-report-notes.c — saving a report's conclusions and execution plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "crm-report-notes.h"
#include "test-util.h"

typedef struct
{
  char        *path;
  CrmDatabase *db;
  CrmJournal  *journal;
  CrmPeriod    period;
  CrmSegment   all;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->path = test_tmp_path ("notes.db");
  f->db = crm_database_open (f->path, &error);
  g_assert_no_error (error);
  f->journal = crm_journal_new (f->db);
  crm_period_init_quarter (&f->period, 2026, 3);
  crm_segment_init_all (&f->all);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->journal);
  g_assert_finalize_object (f->db);
  g_free (f->path);
}

static CrmReportNotes *
load (Fixture          *f,
      const CrmSegment *segment)
{
  g_autoptr(GError) error = NULL;
  CrmReportNotes *notes = crm_report_notes_load (f->db, &f->period, segment, &error);

  g_assert_no_error (error);

  return notes;
}

static void
test_conclusion_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *undone = NULL;

  g_assert_true (crm_report_notes_set_conclusion (f->journal, &f->period, &f->all,
                                                  CRM_REPORT_SECTION_PROBLEMS, "流失集中在零售业。", &error));
  g_assert_no_error (error);
  g_assert_true (crm_report_notes_set_conclusion (f->journal, &f->period, &f->all,
                                                  CRM_REPORT_SECTION_PROBLEMS, "流失集中在零售业和贸易。", &error));

  {
    g_autoptr(CrmReportNotes) notes = load (f, &f->all);

    g_assert_cmpstr (crm_report_notes_get_conclusion (notes, CRM_REPORT_SECTION_PROBLEMS), ==,
                     "流失集中在零售业和贸易。");
    g_assert_null (crm_report_notes_get_conclusion (notes, CRM_REPORT_SECTION_STATUS));
  }

  /* Each edit is one undoable action. */
  undone = crm_journal_undo (f->journal, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (undone, ==, "Edit conclusion of “Problems found”");
  {
    g_autoptr(CrmReportNotes) notes = load (f, &f->all);

    g_assert_cmpstr (crm_report_notes_get_conclusion (notes, CRM_REPORT_SECTION_PROBLEMS), ==,
                     "流失集中在零售业。");
  }

  g_free (crm_journal_undo (f->journal, &error));
  {
    g_autoptr(CrmReportNotes) notes = load (f, &f->all);

    g_assert_null (crm_report_notes_get_conclusion (notes, CRM_REPORT_SECTION_PROBLEMS));
    g_assert_cmpint (test_query_int (crm_database_get_handle (f->db), "SELECT count(*) FROM report"), ==, 0);
  }

  g_free (crm_journal_redo (f->journal, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CrmReportNotes) notes = load (f, &f->all);

    g_assert_cmpstr (crm_report_notes_get_conclusion (notes, CRM_REPORT_SECTION_PROBLEMS), ==,
                     "流失集中在零售业。");
  }

  /* Emptying it removes it. */
  g_assert_true (crm_report_notes_set_conclusion (f->journal, &f->period, &f->all,
                                                  CRM_REPORT_SECTION_PROBLEMS, "", &error));
  {
    g_autoptr(CrmReportNotes) notes = load (f, &f->all);

    g_assert_null (crm_report_notes_get_conclusion (notes, CRM_REPORT_SECTION_PROBLEMS));
  }
}

/* Notes belong to their period and segment. */
static void
test_separate_reports (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(CrmSegment) tier_s = { 0 };
  CrmPeriod q2;

  g_assert_true (crm_segment_parse (&tier_s, "tier:S"));
  crm_period_init_quarter (&q2, 2026, 2);

  g_assert_true (crm_report_notes_set_conclusion (f->journal, &f->period, &tier_s,
                                                  CRM_REPORT_SECTION_STRATEGIES, "每周拜访。", NULL));

  {
    g_autoptr(CrmReportNotes) all = load (f, &f->all);
    g_autoptr(CrmReportNotes) s = load (f, &tier_s);
    g_autoptr(CrmReportNotes) earlier = crm_report_notes_load (f->db, &q2, &tier_s, NULL);

    g_assert_null (crm_report_notes_get_conclusion (all, CRM_REPORT_SECTION_STRATEGIES));
    g_assert_cmpstr (crm_report_notes_get_conclusion (s, CRM_REPORT_SECTION_STRATEGIES), ==, "每周拜访。");
    g_assert_null (crm_report_notes_get_conclusion (earlier, CRM_REPORT_SECTION_STRATEGIES));
  }
}

static void
test_plan_items (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmPlanItem first = { 0, "S 级客户", "深度绑定", "季度高层拜访", "王经理", "2026-12-31", "续约率 95%" };
  CrmPlanItem second = { 0, "流失风险客户", "挽回", "专项回访", "李经理", NULL, "挽回 3 家" };
  gint64 id1, id2;

  id1 = crm_report_notes_add_plan_item (f->journal, &f->period, &f->all, &first, &error);
  g_assert_no_error (error);
  id2 = crm_report_notes_add_plan_item (f->journal, &f->period, &f->all, &second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id1, >, 0);
  g_assert_cmpint (id2, >, id1);

  {
    g_autoptr(CrmReportNotes) notes = load (f, &f->all);
    GPtrArray *plan = crm_report_notes_get_plan (notes);
    CrmPlanItem *item;

    g_assert_cmpuint (plan->len, ==, 2);
    item = g_ptr_array_index (plan, 0);
    g_assert_cmpint (item->id, ==, id1);
    g_assert_cmpstr (item->measures, ==, "季度高层拜访");
    g_assert_cmpstr (item->deadline, ==, "2026-12-31");
    item = g_ptr_array_index (plan, 1);
    g_assert_null (item->deadline);
  }

  second.id = id2;
  second.deadline = (char *)"2027-01-15";
  g_assert_true (crm_report_notes_update_plan_item (f->journal, &second, &error));
  g_assert_no_error (error);

  g_assert_true (crm_report_notes_remove_plan_item (f->journal, id1, &error));
  {
    g_autoptr(CrmReportNotes) notes = load (f, &f->all);
    GPtrArray *plan = crm_report_notes_get_plan (notes);

    g_assert_cmpuint (plan->len, ==, 1);
    g_assert_cmpstr (((CrmPlanItem *)g_ptr_array_index (plan, 0))->deadline, ==, "2027-01-15");
  }

  /* Undo brings the removed row back where it was. */
  g_free (crm_journal_undo (f->journal, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CrmReportNotes) notes = load (f, &f->all);
    GPtrArray *plan = crm_report_notes_get_plan (notes);

    g_assert_cmpuint (plan->len, ==, 2);
    g_assert_cmpint (((CrmPlanItem *)g_ptr_array_index (plan, 0))->id, ==, id1);
  }

  /* A removed row cannot be edited. */
  g_assert_true (crm_report_notes_remove_plan_item (f->journal, id1, NULL));
  first.id = id1;
  g_assert_false (crm_report_notes_update_plan_item (f->journal, &first, &error));
  g_assert_error (error, CRM_REPORT_NOTES_ERROR, CRM_REPORT_NOTES_ERROR_NOT_FOUND);
}

static void
test_plan_item_invalid (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = NULL;
  CrmPlanItem item = { 0, "S 级客户", "深度绑定", NULL, NULL, "2026-02-30", NULL };
  GString *text = g_string_new (NULL);

  g_assert_cmpint (crm_report_notes_add_plan_item (f->journal, &f->period, &f->all, &item, &error), ==, 0);
  g_assert_error (error, CRM_REPORT_NOTES_ERROR, CRM_REPORT_NOTES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Deadline"));
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);

  for (guint i = 0; i <= CRM_REPORT_PLAN_FIELD_MAX; i++)
    g_string_append (text, "措");
  long_text = g_string_free (text, FALSE);
  item.deadline = NULL;
  item.measures = long_text;
  g_assert_cmpint (crm_report_notes_add_plan_item (f->journal, &f->period, &f->all, &item, &error), ==, 0);
  g_assert_error (error, CRM_REPORT_NOTES_ERROR, CRM_REPORT_NOTES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Measures"));

  /* Nothing was written, nothing to undo. */
  g_assert_false (crm_journal_can_undo (f->journal));
  g_assert_cmpint (test_query_int (crm_database_get_handle (f->db), "SELECT count(*) FROM report_plan_item"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/report-notes/conclusion/undo", Fixture, NULL, fixture_setup, test_conclusion_undo,
              fixture_teardown);
  g_test_add ("/report-notes/separate-reports", Fixture, NULL, fixture_setup, test_separate_reports,
              fixture_teardown);
  g_test_add ("/report-notes/plan/items", Fixture, NULL, fixture_setup, test_plan_items, fixture_teardown);
  g_test_add ("/report-notes/plan/invalid", Fixture, NULL, fixture_setup, test_plan_item_invalid,
              fixture_teardown);

  return g_test_run ();
}
