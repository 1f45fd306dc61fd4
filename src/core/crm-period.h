/* crm-period.h — the period a report covers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CrmPeriodError:
 * @CRM_PERIOD_ERROR_INVALID: the text is not a period; the message says
 *   which forms are understood.
 */
typedef enum
{
  CRM_PERIOD_ERROR_INVALID,
} CrmPeriodError;

#define CRM_PERIOD_ERROR (crm_period_error_quark ())

/**
 * CrmPeriod:
 * @from: the first day, "YYYY-MM-DD"
 * @to: the last day (included), "YYYY-MM-DD"
 * @key: how the period is written and stored: "2026Q3" for a quarter,
 *   "2026-01-01..2026-03-31" for any other range
 *
 * A range of whole days. Dates are compared as ISO 8601 text, as the
 * database stores them.
 */
typedef struct
{
  char from[11];
  char to[11];
  char key[24];
} CrmPeriod;

GQuark    crm_period_error_quark       (void);
void      crm_period_init_quarter      (CrmPeriod       *period,
                                        int              year,
                                        int              quarter);
gboolean  crm_period_init_range        (CrmPeriod       *period,
                                        const char      *from,
                                        const char      *to,
                                        GError         **error);
void      crm_period_init_current_quarter (CrmPeriod    *period,
                                        GDateTime       *now);
gboolean  crm_period_parse             (CrmPeriod       *period,
                                        const char      *text,
                                        GError         **error);
gboolean  crm_period_get_quarter       (const CrmPeriod *period,
                                        int             *year,
                                        int             *quarter);
char     *crm_period_get_label         (const CrmPeriod *period);
void      crm_period_previous          (const CrmPeriod *period,
                                        CrmPeriod       *previous);

G_END_DECLS
