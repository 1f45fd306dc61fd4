/* crm-report-make.c — the analysis report of a period and segment, from the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * What `rapport report`, the Reports page's preview, Print and Save as
 * PDF all call, so they all produce the same pages: the figures of the
 * period and segment, with the conclusions and execution plan the manager
 * saved for them.
 */

#define G_LOG_DOMAIN "crm-report"

#include <glib/gi18n-lib.h>

#include "crm-report-builder.h"
#include "crm-report-make.h"
#include "crm-report-notes.h"

/**
 * crm_report_dup_segment_label:
 * @database: the database (for industry names)
 * @segment: a segment
 *
 * Returns: (transfer full): the segment as the reader knows it: "全部客户",
 *   an industry's name, "S 级", an owner's name
 */
char *
crm_report_dup_segment_label (CrmDatabase      *database,
                              const CrmSegment *segment)
{
  switch (segment->kind)
    {
    case CRM_SEGMENT_INDUSTRY:
      {
        sqlite3_stmt *stmt = crm_database_prepare (database, "SELECT name FROM industry WHERE id = ?", NULL);
        char *name = NULL;

        if (stmt != NULL)
          {
            sqlite3_bind_int64 (stmt, 1, segment->industry_id);
            if (sqlite3_step (stmt) == SQLITE_ROW)
              name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
            sqlite3_reset (stmt);
          }
        return name != NULL ? name : g_strdup (_("Unknown industry"));
      }

    case CRM_SEGMENT_TIER:
      return g_strdup (crm_tier_get_label (segment->tier));

    case CRM_SEGMENT_OWNER:
      /* Translators: a segment of a report: the customers of one account
       * manager, e.g. "Customers of 王经理". */
      return g_strdup_printf (_("Customers of %s"), segment->owner);

    case CRM_SEGMENT_ALL:
    default:
      return g_strdup (_("All customers"));
    }
}

/**
 * crm_report_make_with_figures:
 * @database: the database (for the saved notes and industry names)
 * @figures: figures already computed for a period and segment
 * @mask: mask personal data
 * @error: return location for a database error
 *
 * Returns: (transfer full) (nullable): the report of the figures' period
 *   and segment
 */
CrmReportDocument *
crm_report_make_with_figures (CrmDatabase   *database,
                              CrmFigureSet  *figures,
                              gboolean       mask,
                              GError       **error)
{
  const CrmPeriod *period = crm_figure_set_get_period (figures);
  const CrmSegment *segment = crm_figure_set_get_segment (figures);
  g_autoptr(CrmReportNotes) notes = NULL;
  g_autofree char *label = NULL;
  CrmReportContent content = { 0 };

  g_return_val_if_fail (CRM_IS_DATABASE (database), NULL);
  g_return_val_if_fail (CRM_IS_FIGURE_SET (figures), NULL);

  notes = crm_report_notes_load (database, period, segment, error);
  if (notes == NULL)
    return NULL;

  label = crm_report_dup_segment_label (database, segment);

  content.figures = figures;
  content.segment_label = label;
  content.mask = mask;
  content.plan = crm_report_notes_get_plan (notes);
  for (guint i = 0; i < CRM_REPORT_N_SECTIONS; i++)
    content.conclusions[i] = crm_report_notes_get_conclusion (notes, i);

  return crm_report_build (&content);
}

/**
 * crm_report_make:
 * @database: the database
 * @period: the period
 * @segment: (nullable): the customers; %NULL for all
 * @mask: mask personal data
 * @error: return location for a database error
 *
 * Returns: (transfer full) (nullable): the report
 */
CrmReportDocument *
crm_report_make (CrmDatabase      *database,
                 const CrmPeriod  *period,
                 const CrmSegment *segment,
                 gboolean          mask,
                 GError          **error)
{
  g_autoptr(CrmFigureSet) figures = NULL;

  g_return_val_if_fail (CRM_IS_DATABASE (database), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  figures = crm_figure_set_compute (database, period, segment, error);
  if (figures == NULL)
    return NULL;

  return crm_report_make_with_figures (database, figures, mask, error);
}

/**
 * crm_report_write_pdf:
 * @database: the database
 * @period: the period
 * @segment: (nullable): the customers; %NULL for all
 * @mask: mask personal data
 * @path: the PDF file to write
 * @flags: whether an existing file may be replaced
 * @n_pages: (out) (optional): the number of pages written
 * @error: return location for a database or #GIOError
 *
 * Returns: %TRUE when the file was written
 */
gboolean
crm_report_write_pdf (CrmDatabase         *database,
                      const CrmPeriod     *period,
                      const CrmSegment    *segment,
                      gboolean             mask,
                      const char          *path,
                      CrmReportWriteFlags  flags,
                      guint               *n_pages,
                      GError             **error)
{
  g_autoptr(CrmReportDocument) doc = crm_report_make (database, period, segment, mask, error);

  if (doc == NULL)
    return FALSE;

  if (!crm_report_document_write_pdf (doc, path, flags, NULL, error))
    return FALSE;

  if (n_pages != NULL)
    *n_pages = crm_report_document_get_n_pages (doc);

  return TRUE;
}
