/* test-report-document.c — report pages, charts and PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "crm-priority.h"
#include "crm-report-document.h"
#include "test-util.h"
#include "test-pdf.h"

static CrmChartData *
make_pie (void)
{
  CrmChartData *pie = crm_chart_data_new (CRM_CHART_PIE, "客户等级分布");
  const char *tiers[] = { "S 级", "A 级", "B 级", "C 级" };
  const double counts[] = { 3, 10, 25, 62 };

  crm_chart_data_add_series (pie, "客户数");
  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    {
      crm_chart_data_add_category (pie, tiers[i]);
      crm_chart_data_set_value (pie, 0, i, counts[i]);
    }

  return pie;
}

static CrmChartData *
make_line (void)
{
  CrmChartData *line = crm_chart_data_new (CRM_CHART_LINE, "新增客户趋势");

  crm_chart_data_add_series (line, "新增客户");
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *month = g_strdup_printf ("2026-%02u", i + 1);

      crm_chart_data_add_category (line, month);
      crm_chart_data_set_value (line, 0, i, (i * 7) % 11 + 1);
    }

  return line;
}

static CrmReportDocument *
make_report (guint n_rows)
{
  CrmReportDocument *doc = crm_report_document_new ("客户分析报告", "2026 年第 3 季度");
  g_autoptr(CrmChartData) pie = make_pie ();
  g_autoptr(CrmChartData) line = make_line ();
  g_autoptr(CrmChartData) bar = crm_chart_data_new (CRM_CHART_BAR, "合作金额（万元）");
  const char *headers[] = { "客户名称", "联系人", "电话", NULL };
  const double widths[] = { 0.5, 0.2, 0.3 };

  crm_chart_data_add_series (bar, "金额");
  crm_chart_data_add_category (bar, "制造业");
  crm_chart_data_add_category (bar, "零售业");
  crm_chart_data_set_value (bar, 0, 0, 120);
  crm_chart_data_set_value (bar, 0, 1, 45);

  crm_report_document_add_title_line (doc, "生成于 2026-09-30");
  crm_report_document_add_heading (doc, 1, "客户现状分析");
  crm_report_document_add_text (doc, CRM_REPORT_TEXT_BODY, "本季度新增客户 42 个，流失率 3.5%。");
  crm_report_document_add_charts (doc, pie, bar, 200);
  crm_report_document_add_charts (doc, line, NULL, 160);
  crm_report_document_add_heading (doc, 1, "重点客户");
  crm_report_document_add_table (doc, headers, widths);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *name = g_strdup_printf ("北京第%u科技有限公司", i + 1);
      g_autofree char *phone = g_strdup_printf ("138****%04u", i);
      const char *cells[] = { name, "张*", phone };

      crm_report_document_add_row (doc, cells);
    }
  crm_report_document_add_heading (doc, 1, "效果预估");
  crm_report_document_add_text (doc, CRM_REPORT_TEXT_NOTE, "预计续约率提升 5 个百分点。");

  return doc;
}

static void
test_paginate_title_page (void)
{
  g_autoptr(CrmReportDocument) doc = crm_report_document_new ("空报告", NULL);

  /* Nothing but the title page. */
  g_assert_cmpuint (crm_report_document_paginate (doc), ==, 1);

  crm_report_document_add_heading (doc, 1, "客户现状分析");
  g_assert_cmpuint (crm_report_document_paginate (doc), ==, 2);

  crm_report_document_add_page_break (doc);
  crm_report_document_add_heading (doc, 1, "核心需求总结");
  g_assert_cmpuint (crm_report_document_paginate (doc), ==, 3);
}

/* A table of 200 rows runs over several pages, each with the header row
 * on top, and every row is there exactly once. */
static void
test_table_splits_with_header (void)
{
  g_autoptr(CrmReportDocument) doc = make_report (200);
  g_autofree char *path = test_tmp_path ("table.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_pages, table_pages = 0;

  g_assert_true (crm_report_document_write_pdf (doc, path, CRM_REPORT_WRITE_DEFAULT, NULL, &error));
  g_assert_no_error (error);

  n_pages = pdf_n_pages (path);
  g_assert_cmpuint (n_pages, ==, crm_report_document_get_n_pages (doc));
  g_assert_cmpuint (n_pages, >=, 5);

  for (guint page = 2; page <= n_pages; page++)
    {
      g_autofree char *page_text = pdf_page_text (path, page);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", page, n_pages);

      g_assert_nonnull (strstr (page_text, footer));
      if (strstr (page_text, "北京第") != NULL)
        {
          table_pages++;
          g_assert_nonnull (strstr (page_text, "客户名称"));
        }
    }
  g_assert_cmpuint (table_pages, >=, 3);

  text = pdf_text (path);
  for (guint i = 1; i <= 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("北京第%u科技有限公司", i);
      g_autofree char *with_break = g_strconcat (name, "\n", NULL);

      g_assert_cmpuint (count_occurrences (text, with_break), ==, 1);
    }
  g_assert_cmpuint (count_occurrences (text, "客户名称"), ==, table_pages);
  g_assert_nonnull (strstr (text, "客户现状分析"));
  g_assert_nonnull (strstr (text, "效果预估"));
  g_assert_nonnull (strstr (text, "138****0199"));
  g_assert_nonnull (strstr (text, "生成于 2026-09-30"));
}

/* Every page has ink (the title page, the charts, the tables); charts
 * put their labels in the text. */
static void
test_pages_not_blank (void)
{
  g_autoptr(CrmReportDocument) doc = make_report (30);
  g_autofree char *path = test_tmp_path ("ink.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_pages;

  g_assert_true (crm_report_document_write_pdf (doc, path, CRM_REPORT_WRITE_DEFAULT, NULL, &error));
  g_assert_no_error (error);

  n_pages = pdf_n_pages (path);
  for (guint page = 1; page <= n_pages; page++)
    g_assert_cmpfloat (pdf_page_ink (path, page), >, 0.002);

  /* The charts page carries grey fills and hatches, far more ink than
   * text alone. */
  g_assert_cmpfloat (pdf_page_ink (path, 2), >, 0.05);

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "客户等级分布"));
  g_assert_nonnull (strstr (text, "C 级 62 (62%)"));
  g_assert_nonnull (strstr (text, "制造业"));
  g_assert_nonnull (strstr (text, "新增客户趋势"));
}

/* The CJK font is embedded (a subset), so the file prints anywhere. */
static void
test_fonts_embedded (void)
{
  g_autoptr(CrmReportDocument) doc = make_report (3);
  g_autofree char *path = test_tmp_path ("fonts.pdf");
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_cjk = 0;

  crm_report_document_set_font_family (doc, "Noto Sans CJK SC");
  g_assert_true (crm_report_document_write_pdf (doc, path, CRM_REPORT_WRITE_DEFAULT, NULL, NULL));

  fonts = pdf_run (argv);
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      /* Columns: name type encoding emb sub uni object ID */
      g_assert_nonnull (strstr (lines[i], " yes "));
      if (strstr (lines[i], "NotoSansCJK") != NULL)
        n_cjk++;
    }
  g_assert_cmpuint (n_cjk, >, 0);
}

static void
test_refuses_to_overwrite (void)
{
  g_autoptr(CrmReportDocument) doc = make_report (3);
  g_autofree char *path = test_tmp_path ("exists.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "keep me", -1, NULL));

  g_assert_false (crm_report_document_write_pdf (doc, path, CRM_REPORT_WRITE_DEFAULT, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");

  g_clear_error (&error);
  g_assert_true (crm_report_document_write_pdf (doc, path, CRM_REPORT_WRITE_OVERWRITE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_n_pages (path), ==, crm_report_document_get_n_pages (doc));
}

/* An empty chart says so rather than drawing nothing. */
static void
test_empty_chart (void)
{
  g_autoptr(CrmReportDocument) doc = crm_report_document_new ("空图表", NULL);
  g_autoptr(CrmChartData) pie = crm_chart_data_new (CRM_CHART_PIE, "行业分布");
  g_autofree char *path = test_tmp_path ("empty-chart.pdf");
  g_autofree char *text = NULL;

  crm_chart_data_add_series (pie, "客户数");
  crm_chart_data_add_category (pie, "制造业");
  crm_report_document_add_charts (doc, pie, NULL, 120);
  g_assert_true (crm_report_document_write_pdf (doc, path, CRM_REPORT_WRITE_DEFAULT, NULL, NULL));

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "No data for this period"));
  g_assert_null (strstr (text, "制造业 0"));
}

/* The priority matrix is the Priorities page's quadrant view: each
 * quadrant's name, the score headings and each cell's count. */
static void
test_matrix_chart (void)
{
  g_autoptr(CrmReportDocument) doc = crm_report_document_new ("四象限", NULL);
  g_autoptr(CrmChartData) matrix = crm_chart_data_new (CRM_CHART_MATRIX, "需求优先级矩阵");
  g_autofree char *path = test_tmp_path ("matrix.pdf");
  g_autofree char *text = NULL;

  crm_chart_data_add_series (matrix, "需求数");
  for (guint i = 0; i < 25; i++)
    crm_chart_data_add_category (matrix, "");
  /* Importance 5 and urgency 5; importance 1 and urgency 1. */
  crm_chart_data_set_value (matrix, 0, 4 * 5 + 4, 37);
  crm_chart_data_set_value (matrix, 0, 0, 58);
  crm_report_document_add_charts (doc, matrix, NULL, 220);
  g_assert_true (crm_report_document_write_pdf (doc, path, CRM_REPORT_WRITE_DEFAULT, NULL, NULL));

  text = pdf_text (path);
  for (CrmQuadrant q = 0; q < CRM_N_QUADRANTS; q++)
    g_assert_nonnull (strstr (text, crm_quadrant_get_heading (q)));
  g_assert_nonnull (strstr (text, "37"));
  g_assert_nonnull (strstr (text, "58"));
  g_assert_cmpfloat (pdf_page_ink (path, 2), >, 0.02);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/report-document/paginate/title-page", test_paginate_title_page);
  g_test_add_func ("/report-document/table/splits-with-header", test_table_splits_with_header);
  g_test_add_func ("/report-document/pages/not-blank", test_pages_not_blank);
  g_test_add_func ("/report-document/pdf/fonts-embedded", test_fonts_embedded);
  g_test_add_func ("/report-document/pdf/refuses-to-overwrite", test_refuses_to_overwrite);
  g_test_add_func ("/report-document/chart/empty", test_empty_chart);
  g_test_add_func ("/report-document/chart/matrix", test_matrix_chart);

  return g_test_run ();
}
