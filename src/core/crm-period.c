/* crm-period.c — the period a report covers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-period.h"

G_DEFINE_QUARK (crm-period-error-quark, crm_period_error)

static void
format_date (char        *out,
             const GDate *date)
{
  g_snprintf (out, 11, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* Strict "YYYY-MM-DD" with a real calendar date. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  unsigned year, month, day;
  int end = 0;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%n", &year, &month, &day, &end) != 3 || end != 10 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);

  return TRUE;
}

/* Quarter 1 to 4 of @year. */
void
crm_period_init_quarter (CrmPeriod *period,
                         int        year,
                         int        quarter)
{
  GDate from, to;

  g_return_if_fail (quarter >= 1 && quarter <= 4);
  g_return_if_fail (year >= 1 && year <= 9999);

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, (quarter - 1) * 3 + 1, year);
  to = from;
  g_date_add_months (&to, 3);
  g_date_subtract_days (&to, 1);

  format_date (period->from, &from);
  format_date (period->to, &to);
  g_snprintf (period->key, sizeof period->key, "%04dQ%d", year, quarter);
}

/**
 * crm_period_init_range:
 * @period: the period to set
 * @from: the first day, "YYYY-MM-DD"
 * @to: the last day, "YYYY-MM-DD", not before @from
 * @error: return location for a %CRM_PERIOD_ERROR
 *
 * A range that is exactly a calendar quarter gets the quarter's key.
 *
 * Returns: %TRUE when both are dates in order
 */
gboolean
crm_period_init_range (CrmPeriod   *period,
                       const char  *from,
                       const char  *to,
                       GError     **error)
{
  GDate first, last;
  int year, quarter;

  if (!parse_date (from, &first))
    {
      g_set_error (error, CRM_PERIOD_ERROR, CRM_PERIOD_ERROR_INVALID,
                   _("Period start “%s” is not a date; write it as YYYY-MM-DD."), from);
      return FALSE;
    }
  if (!parse_date (to, &last))
    {
      g_set_error (error, CRM_PERIOD_ERROR, CRM_PERIOD_ERROR_INVALID,
                   _("Period end “%s” is not a date; write it as YYYY-MM-DD."), to);
      return FALSE;
    }
  if (g_date_compare (&first, &last) > 0)
    {
      g_set_error (error, CRM_PERIOD_ERROR, CRM_PERIOD_ERROR_INVALID,
                   _("The period ends (%s) before it starts (%s)."), to, from);
      return FALSE;
    }

  format_date (period->from, &first);
  format_date (period->to, &last);
  g_snprintf (period->key, sizeof period->key, "%s..%s", period->from, period->to);

  if (crm_period_get_quarter (period, &year, &quarter))
    crm_period_init_quarter (period, year, quarter);

  return TRUE;
}

void
crm_period_init_current_quarter (CrmPeriod *period,
                                 GDateTime *now)
{
  crm_period_init_quarter (period, g_date_time_get_year (now),
                           (g_date_time_get_month (now) - 1) / 3 + 1);
}

/**
 * crm_period_parse:
 * @period: the period to set
 * @text: "2026Q3" (also "2026q3", "2026-Q3"), "2026" for a whole year, or
 *   "YYYY-MM-DD..YYYY-MM-DD"
 * @error: return location for a %CRM_PERIOD_ERROR
 *
 * Returns: %TRUE when @text is a period
 */
gboolean
crm_period_parse (CrmPeriod   *period,
                  const char  *text,
                  GError     **error)
{
  unsigned year, quarter;
  int end = 0;
  const char *dots;

  g_return_val_if_fail (period != NULL, FALSE);

  if (text == NULL)
    text = "";

  if ((sscanf (text, "%4u%*[Qq]%1u%n", &year, &quarter, &end) == 2 ||
       sscanf (text, "%4u-%*[Qq]%1u%n", &year, &quarter, &end) == 2) &&
      end == (int)strlen (text) && year >= 1 && quarter >= 1 && quarter <= 4)
    {
      crm_period_init_quarter (period, year, quarter);
      return TRUE;
    }

  if (strlen (text) == 4 && sscanf (text, "%4u%n", &year, &end) == 1 && end == 4 && year >= 1)
    {
      g_autofree char *from = g_strdup_printf ("%04u-01-01", year);
      g_autofree char *to = g_strdup_printf ("%04u-12-31", year);

      return crm_period_init_range (period, from, to, error);
    }

  dots = strstr (text, "..");
  if (dots != NULL)
    {
      g_autofree char *from = g_strndup (text, dots - text);

      return crm_period_init_range (period, from, dots + 2, error);
    }

  g_set_error (error, CRM_PERIOD_ERROR, CRM_PERIOD_ERROR_INVALID,
               _("“%s” is not a period; write a quarter as 2026Q3, a year as 2026 "
                 "or a range as 2026-01-01..2026-06-30."), text);

  return FALSE;
}

/* Whether the period is exactly one calendar quarter, and which. */
gboolean
crm_period_get_quarter (const CrmPeriod *period,
                        int             *year,
                        int             *quarter)
{
  for (int q = 1; q <= 4; q++)
    {
      CrmPeriod candidate;
      int y = atoi (period->from);

      if (y < 1 || y > 9999)
        return FALSE;

      crm_period_init_quarter (&candidate, y, q);
      if (strcmp (candidate.from, period->from) == 0 && strcmp (candidate.to, period->to) == 0)
        {
          *year = y;
          *quarter = q;
          return TRUE;
        }
    }

  return FALSE;
}

/* Returns: (transfer full): "2026 Q3", or "2026-01-01 – 2026-06-30". */
char *
crm_period_get_label (const CrmPeriod *period)
{
  int year, quarter;

  if (crm_period_get_quarter (period, &year, &quarter))
    /* Translators: a calendar quarter, e.g. "2026 Q3" (2026 年第 3 季度). */
    return g_strdup_printf (_("%d Q%d"), year, quarter);

  /* Translators: a range of dates, e.g. "2026-01-01 – 2026-06-30". */
  return g_strdup_printf (_("%s – %s"), period->from, period->to);
}

/* The period of the same length just before @period (the quarter
 * before a quarter), for comparisons. */
void
crm_period_previous (const CrmPeriod *period,
                     CrmPeriod       *previous)
{
  GDate from, to;
  int year, quarter;
  guint days;

  if (crm_period_get_quarter (period, &year, &quarter))
    {
      if (quarter == 1)
        crm_period_init_quarter (previous, year - 1, 4);
      else
        crm_period_init_quarter (previous, year, quarter - 1);
      return;
    }

  parse_date (period->from, &from);
  parse_date (period->to, &to);
  days = g_date_days_between (&from, &to) + 1;
  g_date_subtract_days (&from, days);
  g_date_subtract_days (&to, days);
  format_date (previous->from, &from);
  format_date (previous->to, &to);
  g_snprintf (previous->key, sizeof previous->key, "%s..%s", previous->from, previous->to);
}
