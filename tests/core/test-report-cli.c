/* test-report-cli.c — `rapport report` writes the analysis report without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "crm-report-notes.h"
#include "test-pdf.h"
#include "test-rapport.h"
#include "test-report-fixture.h"
#include "test-util.h"

/* The fixture, with c2 a person (whose name is personal data), pain
 * points, a conclusion and an execution plan row saved for 2026Q3. */
static char *
make_database (void)
{
  char *path = test_tmp_path ("report.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmDatabase) db = crm_database_open (path, &error);
  g_autoptr(CrmJournal) journal = NULL;
  CrmPlanItem item = { 0, "S 级客户", "深度绑定", "季度高层拜访", "王经理", "2026-12-31", "续约率提升到 95%" };
  CrmSegment all;
  CrmPeriod period;

  g_assert_no_error (error);
  test_exec (crm_database_get_handle (db), fixture_sql);
  test_exec (crm_database_get_handle (db),
             "UPDATE customer SET kind = 'individual', name = '王小明' WHERE id = 2;"
             "UPDATE customer SET pain_points = '交付周期长，报表不够灵活' WHERE id = 1;");

  journal = crm_journal_new (db);
  crm_segment_init_all (&all);
  crm_period_init_quarter (&period, 2026, 3);
  g_assert_true (crm_report_notes_set_conclusion (journal, &period, &all, CRM_REPORT_SECTION_STATUS,
                                                  "本季度新客户集中在制造业。", &error));
  g_assert_true (crm_report_notes_add_plan_item (journal, &period, &all, &item, &error) > 0);
  g_assert_no_error (error);

  return path;
}

static void
assert_has (const char *text,
            const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” not found in the report:\n%s", needle, text);
}

static void
test_report_masked (void)
{
  g_autofree char *db = make_database ();
  g_autofree char *pdf = test_tmp_path ("masked.pdf");
  g_auto(Run) run = { 0 };
  g_autofree char *text = NULL;
  const char *sections[] = {
    "Customer status analysis", "Core needs summary", "Problems found",
    "Maintenance strategies", "Execution plan", "Expected effect",
    "Appendix: definitions of the figures",
  };
  guint n_pages;

  run_rapport (&run, "--database", db, "report", "-o", pdf, "--period", "2026Q3", "--mask", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "2026Q3"));

  text = pdf_text (pdf);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    assert_has (text, sections[i]);

  /* The figures of the fixture, worked out by hand. */
  assert_has (text, "2026 Q3 · All customers");
  assert_has (text, "Churn rate\n\n25.0%");
  assert_has (text, "Deal value\n\n68.0 × 10k yuan");
  assert_has (text, "New customers\n\n2\n");
  assert_has (text, "Active customers\n\n4\n");
  assert_has (text, "Churned customers\n\n1\n");

  /* Phones and contacts' names are masked, and so is the person's name;
   * companies' names are not. */
  assert_has (text, "138****5678");
  assert_has (text, "136****5432");
  assert_has (text, "张*");
  assert_has (text, "王**");
  assert_has (text, "甲公司");
  g_assert_null (strstr (text, "13812345678"));
  g_assert_null (strstr (text, "王小明"));
  g_assert_null (strstr (text, "张三"));

  /* The manager's notes are printed. */
  assert_has (text, "本季度新客户集中在制造业。");
  assert_has (text, "季度高层拜访");
  assert_has (text, "交付周期长，报表不够灵活");
  assert_has (text, "Personal data is masked.");

  /* Figures whose sources are not in the database are left out. */
  g_assert_null (strstr (text, "Conversion rate"));
  g_assert_null (strstr (text, "Questionnaire response rate"));
  assert_has (text, "Churned customers ÷ active customers.");

  n_pages = pdf_n_pages (pdf);
  g_assert_cmpuint (n_pages, >=, 4);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", page, n_pages);

      g_assert_cmpfloat (pdf_page_ink (pdf, page), >, 0.002);
      if (page > 1)
        assert_has (text, footer);
    }
}

static void
test_report_unmasked (void)
{
  g_autofree char *db = make_database ();
  g_autofree char *pdf = test_tmp_path ("plain.pdf");
  g_auto(Run) run = { 0 };
  g_autofree char *text = NULL;

  run_rapport (&run, "--database", db, "report", "-o", pdf, "--period", "2026Q3", NULL);
  g_assert_cmpint (run.status, ==, 0);

  text = pdf_text (pdf);
  assert_has (text, "13812345678");
  assert_has (text, "王小明");
  assert_has (text, "张三");
  g_assert_null (strstr (text, "Personal data is masked."));
}

/* Like `db backup` and `export`, an existing file is never replaced
 * without --force. */
static void
test_report_existing_file (void)
{
  g_autofree char *db = make_database ();
  g_autofree char *pdf = test_tmp_path ("existing.pdf");
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (pdf, "mine", -1, NULL));

  {
    g_auto(Run) run = { 0 };

    run_rapport (&run, "--database", db, "report", "-o", pdf, NULL);
    g_assert_cmpint (run.status, ==, 4);
    g_assert_nonnull (strstr (run.err, pdf));
    g_assert_nonnull (strstr (run.err, "--force"));
    g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "mine");
  }

  {
    g_auto(Run) run = { 0 };

    run_rapport (&run, "--database", db, "report", "-o", pdf, "--force", "--period", "2026", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (pdf_n_pages (pdf), >=, 4);
  }
}

static void
test_report_bad_arguments (void)
{
  g_autofree char *db = make_database ();
  g_autofree char *pdf = test_tmp_path ("bad.pdf");

  {
    g_auto(Run) run = { 0 };

    run_rapport (&run, "--database", db, "report", "-o", pdf, "--period", "2026Q5", NULL);
    g_assert_cmpint (run.status, ==, 64);
    g_assert_nonnull (strstr (run.err, "2026Q5"));
  }

  {
    g_auto(Run) run = { 0 };

    run_rapport (&run, "--database", db, "report", "-o", pdf, "--segment", "colour:red", NULL);
    g_assert_cmpint (run.status, ==, 64);
    g_assert_nonnull (strstr (run.err, "colour:red"));
  }

  {
    g_auto(Run) run = { 0 };

    run_rapport (&run, "--database", db, "report", NULL);
    g_assert_cmpint (run.status, ==, 64);
    g_assert_nonnull (strstr (run.err, "-o"));
  }

  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* A segment's report counts only its customers. */
static void
test_report_segment (void)
{
  g_autofree char *db = make_database ();
  g_autofree char *pdf = test_tmp_path ("segment.pdf");
  g_auto(Run) run = { 0 };
  g_autofree char *text = NULL;

  run_rapport (&run, "--database", db, "report", "-o", pdf, "--period", "2026Q3",
               "--segment", "owner:王", NULL);
  g_assert_cmpint (run.status, ==, 0);

  text = pdf_text (pdf);
  assert_has (text, "Customers of 王");
  assert_has (text, "Churn rate\n\n0.0%");
  assert_has (text, "No customer churned in this period.");
  /* The notes were saved for all customers, not for this segment. */
  g_assert_null (strstr (text, "季度高层拜访"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/report-cli/masked", test_report_masked);
  g_test_add_func ("/report-cli/unmasked", test_report_unmasked);
  g_test_add_func ("/report-cli/existing-file", test_report_existing_file);
  g_test_add_func ("/report-cli/bad-arguments", test_report_bad_arguments);
  g_test_add_func ("/report-cli/segment", test_report_segment);

  return g_test_run ();
}
