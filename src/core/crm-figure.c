/* crm-figure.c — the titles, definitions and formatting of report figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>

#include "crm-figure.h"

typedef struct
{
  const char    *title;
  const char    *definition;
  CrmFigureUnit  unit;
} FigureInfo;

/* In CrmFigureId order. The definitions are printed in the report's
 * appendix, so they say exactly what is counted. */
static const FigureInfo figures[CRM_N_FIGURES] = {
  { N_("New customers"),
    N_("Customers in the segment whose record was created in the period."),
    CRM_FIGURE_UNIT_COUNT },
  { N_("Customers at period end"),
    N_("Customers in the segment whose record was created by the end of the period."),
    CRM_FIGURE_UNIT_COUNT },
  { N_("Active customers"),
    N_("Customers with a cooperation record running on at least one day of the period: "
       "started by its end and not ended before its start."),
    CRM_FIGURE_UNIT_COUNT },
  { N_("Customers with a deal"),
    N_("Customers with a cooperation record that starts in the period."),
    CRM_FIGURE_UNIT_COUNT },
  { N_("Deal value"),
    N_("The sum of the amounts of the cooperation records that start in the period."),
    CRM_FIGURE_UNIT_AMOUNT },
  { N_("Churned customers"),
    N_("Customers whose last cooperation record ended in the period, with none still "
       "running and none started after it."),
    CRM_FIGURE_UNIT_COUNT },
  { N_("Churn rate"),
    N_("Churned customers ÷ active customers. No data when there are no active customers."),
    CRM_FIGURE_UNIT_RATE },
  { N_("Conversion rate"),
    N_("Customers with a deal ÷ customers followed up in the period. No data when no "
       "customer was followed up."),
    CRM_FIGURE_UNIT_RATE },
  { N_("Tier changes"),
    N_("Customers whose tier was raised or lowered in the period, from the tier history; "
       "a first grading is not a change."),
    CRM_FIGURE_UNIT_COUNT },
  { N_("Satisfaction"),
    N_("The average of the satisfaction scores (1–5) given in the period: at the closing of "
       "requirements as done, and in the satisfaction ratings of submitted questionnaires. "
       "No data when none was given."),
    CRM_FIGURE_UNIT_SCORE },
  { N_("Requirements raised"),
    N_("Requirements raised (recorded) in the period, by category, quadrant (important or "
       "urgent from 4 of 5) and current status; merged duplicates are left out. A requirement "
       "belongs to the segment of its customer."),
    CRM_FIGURE_UNIT_COUNT },
  { N_("Closure rate"),
    N_("Requirements closed (moved to done or rejected) in the period, whenever raised, ÷ "
       "requirements raised in it. No data when none was raised."),
    CRM_FIGURE_UNIT_RATE },
  { N_("Mean time to close"),
    N_("The average number of whole days from raising to the last closing in the period, "
       "over the requirements closed in the period. No data when none was closed."),
    CRM_FIGURE_UNIT_DAYS },
  { N_("Overdue follow-ups"),
    N_("Follow-ups whose next action fell due in the period (up to now) with no later "
       "follow-up of the customer logged by the due time."),
    CRM_FIGURE_UNIT_COUNT },
  { N_("Key follow-ups"),
    N_("Customers flagged for key follow-up at the end of the period: a satisfaction score "
       "below 3 or a requirement left unresolved."),
    CRM_FIGURE_UNIT_COUNT },
  { N_("Questionnaire response rate"),
    N_("Questionnaires started in the period and submitted by its end ÷ questionnaires "
       "started in the period. No data when none was started."),
    CRM_FIGURE_UNIT_RATE },
};

const char *
crm_figure_get_title (CrmFigureId id)
{
  g_return_val_if_fail (id < CRM_N_FIGURES, NULL);

  return _(figures[id].title);
}

const char *
crm_figure_get_definition (CrmFigureId id)
{
  g_return_val_if_fail (id < CRM_N_FIGURES, NULL);

  return _(figures[id].definition);
}

CrmFigureUnit
crm_figure_get_unit (CrmFigureId id)
{
  g_return_val_if_fail (id < CRM_N_FIGURES, CRM_FIGURE_UNIT_COUNT);

  return figures[id].unit;
}

void
crm_figure_set_count (CrmFigure *figure,
                      gint64     count)
{
  figure->has_value = TRUE;
  figure->value = (double)count;
  figure->numerator = count;
  figure->denominator = 1;
}

/* A rate or an average; no data (not NaN) when @denominator is 0. */
void
crm_figure_set_ratio (CrmFigure *figure,
                      gint64     numerator,
                      gint64     denominator)
{
  figure->numerator = numerator;
  figure->denominator = denominator;
  figure->has_value = denominator != 0;
  figure->value = denominator != 0 ? (double)numerator / (double)denominator : 0;
}

/* Returns: (transfer full): yuan written in 万元, e.g. "12.5 万元". */
char *
crm_format_amount (gint64 yuan)
{
  /* Translators: an amount in units of 10 000 yuan (万元 / 萬元). */
  return g_strdup_printf (_("%.1f × 10k yuan"), (double)yuan / 10000);
}

/* Returns: (transfer full): the figure as the report writes it. */
char *
crm_figure_format (const CrmFigure *figure)
{
  if (!figure->has_value)
    /* Translators: in place of a figure that cannot be computed, such as
     * a rate over an empty period. */
    return g_strdup (_("no data"));

  switch (figure->unit)
    {
    case CRM_FIGURE_UNIT_COUNT:
      return g_strdup_printf ("%.0f", figure->value);
    case CRM_FIGURE_UNIT_RATE:
      return g_strdup_printf ("%.1f%%", figure->value * 100);
    case CRM_FIGURE_UNIT_AMOUNT:
      return crm_format_amount ((gint64)figure->value);
    case CRM_FIGURE_UNIT_DAYS:
      /* Translators: a duration in days, e.g. "4.5 days". */
      return g_strdup_printf (_("%.1f days"), figure->value);
    case CRM_FIGURE_UNIT_SCORE:
      return g_strdup_printf ("%.2f", figure->value);
    default:
      g_assert_not_reached ();
    }
}
