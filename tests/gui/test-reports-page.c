/* test-reports-page.c — the Reports page: figures, notes, preview and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>

#include "crm-report-notes.h"
#include "crm-report-print.h"
#include "crm-reports-page.h"
#include "crm-window.h"
#include "gui-test-util.h"
#include "../core/test-pdf.h"
#include "../core/test-report-fixture.h"

typedef struct
{
  char           *folder;
  CrmDatabase    *db;
  CrmJournal     *journal;
  CrmWindow      *window;
  CrmReportsPage *page;
} Fixture;

/* Figures are computed in a worker thread. */
static void
wait_for_figures (Fixture *f)
{
  while (crm_reports_page_is_busy (f->page))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (crm_reports_page_get_figures (f->page));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  sqlite3 *handle;

  g_settings_reset (settings, "mask-personal-data");

  f->folder = g_dir_make_tmp ("rapport-test-reports-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->folder, "rapport.db", NULL);
  f->db = crm_database_open (path, &error);
  g_assert_no_error (error);

  handle = crm_database_get_handle (f->db);
  g_assert_cmpint (sqlite3_exec (handle, fixture_sql, NULL, NULL, NULL), ==, SQLITE_OK);

  f->journal = crm_journal_new (f->db);
  f->window = crm_window_new (NULL, f->db, f->journal);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  f->page = CRM_REPORTS_PAGE (find_by_type (GTK_WIDGET (f->window), CRM_TYPE_REPORTS_PAGE));
  g_assert_nonnull (f->page);
  /* A hidden page computes no figures (data: the test keeps it hidden). */
  if (data == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "reports");
      gtk_window_present (GTK_WINDOW (f->window));
    }
  g_assert_true (crm_reports_page_set_period (f->page, "2026Q3"));
  if (data == NULL)
    wait_for_figures (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_object_ref (f->window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->journal);
  g_assert_finalize_object (f->db);

  dir = g_dir_open (f->folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (f->folder, name, NULL);

      g_unlink (file);
    }
  g_rmdir (f->folder);
  g_free (f->folder);
}

static char *
export_through_print (Fixture    *f,
                      const char *name)
{
  g_autofree char *path = g_build_filename (f->folder, name, NULL);
  CrmReportDocument *document = crm_reports_page_get_document (f->page);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_assert_nonnull (document);
  result = crm_report_print (document, GTK_WINDOW (f->window), GTK_PRINT_OPERATION_ACTION_EXPORT, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  return g_steal_pointer (&path);
}

/* The page computes the figures of the chosen period and segment. */
static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  CrmFigureSet *figures = crm_reports_page_get_figures (f->page);

  g_assert_nonnull (figures);
  g_assert_cmpfloat (crm_figure_set_get (figures, CRM_FIGURE_NEW_CUSTOMERS)->value, ==, 2);
  g_assert_cmpfloat (crm_figure_set_get (figures, CRM_FIGURE_CHURN_RATE)->value, ==, 0.25);

  g_assert_true (crm_reports_page_set_segment (f->page, "owner:王"));
  wait_for_figures (f);
  figures = crm_reports_page_get_figures (f->page);
  g_assert_cmpfloat (crm_figure_set_get (figures, CRM_FIGURE_CUSTOMERS)->value, ==, 3);
  g_assert_cmpfloat (crm_figure_set_get (figures, CRM_FIGURE_CHURN_RATE)->value, ==, 0);

  g_assert_true (crm_reports_page_set_period (f->page, "2020Q1"));
  wait_for_figures (f);
  figures = crm_reports_page_get_figures (f->page);
  g_assert_false (crm_figure_set_get (figures, CRM_FIGURE_CHURN_RATE)->has_value);
}

/* On screen a chart is ink on its card: dark on light in the light
 * style, light on dark in the dark style, never a white box. */
static void
test_charts_follow_the_style (Fixture       *f,
                              gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *chart = find_widget (GTK_WIDGET (f->page), GTK_TYPE_DRAWING_AREA, "card");
  guint corner, darkest, lightest;

  g_assert_nonnull (chart);
  while (gtk_widget_get_width (chart) == 0)
    g_main_context_iteration (NULL, TRUE);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* The new style reaches the widgets' colours in the next frame. */
  wait_frames (chart, 2);
  widget_lightness (chart, 0, &corner, &darkest, &lightest);
  g_assert_cmpuint (corner, >, 200);
  g_assert_cmpuint (darkest, <, 100);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  /* The new style reaches the widgets' colours in the next frame. */
  wait_frames (chart, 2);
  widget_lightness (chart, 0, &corner, &darkest, &lightest);
  g_assert_cmpuint (corner, <, 100);
  g_assert_cmpuint (lightest, >, 200);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* GtkPrintOperation, exporting to PDF as the print dialog's "Print to
 * File" does, writes the same pages as the PDF writer. */
static void
test_print_to_pdf (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = export_through_print (f, "printed.pdf");
  g_autofree char *text = pdf_text (path);
  const char *sections[] = {
    "Customer status analysis", "Core needs summary", "Problems found",
    "Maintenance strategies", "Execution plan", "Expected effect",
  };
  guint n_pages = pdf_n_pages (path);

  g_assert_cmpuint (n_pages, ==, crm_report_document_get_n_pages (crm_reports_page_get_document (f->page)));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    g_assert_nonnull (strstr (text, sections[i]));
  g_assert_nonnull (strstr (text, "25.0%"));
  g_assert_nonnull (strstr (text, "13812345678"));
  for (guint page = 1; page <= n_pages; page++)
    g_assert_cmpfloat (pdf_page_ink (path, page), >, 0.002);
}

/* With masking on in Preferences, what is printed is masked. */
static void
test_print_masked (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  /* Made before masking is turned on: the change must reach it. */
  g_assert_nonnull (crm_reports_page_get_document (f->page));
  g_settings_set_boolean (settings, "mask-personal-data", TRUE);

  path = export_through_print (f, "masked.pdf");
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "138****5678"));
  g_assert_null (strstr (text, "13812345678"));
  g_assert_nonnull (strstr (text, "Personal data is masked."));
}

/* A conclusion typed on the page is saved as one undoable action and
 * printed; undo takes it off the page and the report. */
static void
test_conclusion (Fixture       *f,
                 gconstpointer  data)
{
  GtkTextBuffer *buffer = crm_reports_page_get_conclusion_buffer (f->page, CRM_REPORT_SECTION_PROBLEMS);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *undone = NULL;
  CrmPeriod period;
  CrmSegment all;

  gtk_text_buffer_set_text (buffer, "零售业客户流失偏高。", -1);
  g_assert_true (crm_reports_page_save_conclusions (f->page));

  crm_period_init_quarter (&period, 2026, 3);
  crm_segment_init_all (&all);
  {
    g_autoptr(CrmReportNotes) notes = crm_report_notes_load (f->db, &period, &all, &error);

    g_assert_cmpstr (crm_report_notes_get_conclusion (notes, CRM_REPORT_SECTION_PROBLEMS), ==,
                     "零售业客户流失偏高。");
  }

  path = export_through_print (f, "notes.pdf");
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "零售业客户流失偏高。"));

  undone = crm_journal_undo (f->journal, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (undone, "Problems found"));
  {
    GtkTextIter start, end;
    g_autofree char *left = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    left = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (left, ==, "");
  }
}

/* A plan item added on the page is in the report. */
static void
test_plan_item (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmPlanItem item = { 0, "S 级客户", "高层拜访", "每季度一次", "王经理", "2026-12-31", "续约" };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  CrmPeriod period;
  CrmSegment all;

  gtk_widget_activate_action (GTK_WIDGET (f->page), "reports.add-plan-item", NULL);
  g_assert_true (crm_journal_can_undo (f->journal));

  /* An item written elsewhere (another window, a redo) shows up too. */
  crm_period_init_quarter (&period, 2026, 3);
  crm_segment_init_all (&all);
  g_assert_cmpint (crm_report_notes_add_plan_item (f->journal, &period, &all, &item, &error), >, 0);

  path = export_through_print (f, "plan.pdf");
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "每季度一次"));
}

static AdwEntryRow *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ENTRY_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkLabel *
find_visible_error (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error") &&
      gtk_widget_get_visible (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_visible_error (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A plan field is saved when applied; a bad deadline is refused with
 * the field named, and what was typed stays. */
static void
test_plan_fields (Fixture       *f,
                  gconstpointer  data)
{
  AdwEntryRow *strategy, *deadline;
  GtkLabel *error;
  CrmPeriod period;
  CrmSegment all;

  gtk_widget_activate_action (GTK_WIDGET (f->page), "reports.add-plan-item", NULL);
  strategy = find_entry_row (GTK_WIDGET (f->page), "Strategy");
  deadline = find_entry_row (GTK_WIDGET (f->page), "Deadline");
  g_assert_nonnull (strategy);
  g_assert_nonnull (deadline);

  gtk_editable_set_text (GTK_EDITABLE (strategy), "季度高层拜访");
  g_signal_emit_by_name (strategy, "apply");

  gtk_editable_set_text (GTK_EDITABLE (deadline), "2026-02-30");
  g_signal_emit_by_name (deadline, "apply");
  error = find_visible_error (GTK_WIDGET (f->page));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (gtk_label_get_text (error), "Deadline"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (deadline), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (deadline)), ==, "2026-02-30");

  crm_period_init_quarter (&period, 2026, 3);
  crm_segment_init_all (&all);
  {
    g_autoptr(CrmReportNotes) notes = crm_report_notes_load (f->db, &period, &all, NULL);
    CrmPlanItem *item = g_ptr_array_index (crm_report_notes_get_plan (notes), 0);

    g_assert_cmpstr (item->strategy, ==, "季度高层拜访");
    g_assert_null (item->deadline);
  }

  gtk_editable_set_text (GTK_EDITABLE (deadline), "2026-12-31");
  g_signal_emit_by_name (deadline, "apply");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (deadline), "error"));
  {
    g_autoptr(CrmReportNotes) notes = crm_report_notes_load (f->db, &period, &all, NULL);
    CrmPlanItem *item = g_ptr_array_index (crm_report_notes_get_plan (notes), 0);

    g_assert_cmpstr (item->deadline, ==, "2026-12-31");
    g_assert_cmpstr (item->strategy, ==, "季度高层拜访");
  }
}

/* The window opens on the customers page: the reports page starts no
 * figure computation at start-up, only when it first shows. */
static void
test_hidden_until_shown (Fixture       *f,
                         gconstpointer  data)
{
  gtk_window_present (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  g_assert_false (crm_reports_page_is_busy (f->page));
  g_assert_null (crm_reports_page_get_figures (f->page));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "reports");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
  g_assert_true (crm_reports_page_is_busy (f->page));
  wait_for_figures (f);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/reports-page/figures", Fixture, NULL, fixture_set_up, test_figures, fixture_tear_down);
  g_test_add ("/reports-page/charts-follow-the-style", Fixture, NULL, fixture_set_up, test_charts_follow_the_style,
              fixture_tear_down);
  g_test_add ("/reports-page/print-to-pdf", Fixture, NULL, fixture_set_up, test_print_to_pdf, fixture_tear_down);
  g_test_add ("/reports-page/print-masked", Fixture, NULL, fixture_set_up, test_print_masked, fixture_tear_down);
  g_test_add ("/reports-page/conclusion", Fixture, NULL, fixture_set_up, test_conclusion, fixture_tear_down);
  g_test_add ("/reports-page/plan-item", Fixture, NULL, fixture_set_up, test_plan_item, fixture_tear_down);
  g_test_add ("/reports-page/plan-fields", Fixture, NULL, fixture_set_up, test_plan_fields, fixture_tear_down);
  g_test_add ("/reports-page/hidden-until-shown", Fixture, "hidden", fixture_set_up, test_hidden_until_shown,
              fixture_tear_down);

  return g_test_run ();
}
