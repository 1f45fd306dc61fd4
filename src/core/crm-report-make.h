/* crm-report-make.h — the analysis report of a period and segment, from the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "crm-database.h"
#include "crm-figure-set.h"
#include "crm-period.h"
#include "crm-report-document.h"
#include "crm-segment.h"

G_BEGIN_DECLS

char              *crm_report_dup_segment_label (CrmDatabase        *database,
                                                 const CrmSegment   *segment);
CrmReportDocument *crm_report_make_with_figures (CrmDatabase        *database,
                                                 CrmFigureSet       *figures,
                                                 gboolean            mask,
                                                 GError            **error);
CrmReportDocument *crm_report_make              (CrmDatabase        *database,
                                                 const CrmPeriod    *period,
                                                 const CrmSegment   *segment,
                                                 gboolean            mask,
                                                 GError            **error);
gboolean           crm_report_write_pdf         (CrmDatabase        *database,
                                                 const CrmPeriod    *period,
                                                 const CrmSegment   *segment,
                                                 gboolean            mask,
                                                 const char         *path,
                                                 CrmReportWriteFlags flags,
                                                 guint              *n_pages,
                                                 GError            **error);

G_END_DECLS
