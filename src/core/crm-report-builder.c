/* crm-report-builder.c — an analysis report from figures and the manager's notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The six sections of the method's analysis report (客户现状分析, 核心需求
 * 总结, 现存问题, 维护策略, 执行计划, 效果预估), each built from the
 * figures it rests on and closed by the manager's conclusion, then an
 * appendix with the definition of every figure shown. Figures whose
 * sources are not in the database are simply absent (see
 * crm-figure-set-merge.c).
 */

#define G_LOG_DOMAIN "crm-report"

#include <glib/gi18n-lib.h>

#include "crm-mask.h"
#include "crm-report-builder.h"

/* Height of a row of charts, in points. */
#define CHART_HEIGHT 190.0

typedef struct
{
  const CrmReportContent *content;
  CrmReportDocument      *doc;
  GArray                 *shown;  /* CrmFigureId, for the appendix */
} Builder;

static void
add_figures (Builder           *b,
             const CrmFigureId *ids,
             guint              n_ids)
{
  const char *headers[] = { _("Figure"), _("Value"), NULL };
  const double widths[] = { 0.6, 0.4 };
  gboolean started = FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      const CrmFigure *figure = crm_figure_set_get (b->content->figures, ids[i]);
      g_autofree char *value = NULL;
      const char *cells[2];

      if (figure == NULL)
        continue;

      if (!started)
        {
          crm_report_document_add_table (b->doc, headers, widths);
          started = TRUE;
        }

      value = crm_figure_format (figure);
      cells[0] = crm_figure_get_title (ids[i]);
      cells[1] = value;
      crm_report_document_add_row (b->doc, cells);
      g_array_append_val (b->shown, ids[i]);
    }
}

static void
add_charts (Builder      *b,
            CrmChartData *first,
            CrmChartData *second)
{
  if (first == NULL)
    {
      first = second;
      second = NULL;
    }

  if (first != NULL)
    crm_report_document_add_charts (b->doc, first, second, CHART_HEIGHT);
}

static void
add_conclusion (Builder          *b,
                CrmReportSection  section)
{
  const char *text = b->content->conclusions[section];

  crm_report_document_add_heading (b->doc, 2, _("Conclusion"));
  if (text != NULL && *text != '\0')
    crm_report_document_add_text (b->doc, CRM_REPORT_TEXT_BODY, text);
  else
    crm_report_document_add_text (b->doc, CRM_REPORT_TEXT_NOTE, _("Not written yet."));
}

static char *
mask_if (gboolean    mask,
         const char *text,
         char      *(*masker) (const char *))
{
  if (text == NULL)
    return g_strdup ("");

  return mask ? masker (text) : g_strdup (text);
}

static char *
customer_name (Builder           *b,
               CrmReportCustomer *customer)
{
  /* A person's name is personal data; a company's is not. */
  return mask_if (b->content->mask && customer->individual, customer->name, crm_mask_name);
}

static void
add_key_customers (Builder *b)
{
  GPtrArray *customers = crm_figure_set_get_key_customers (b->content->figures);
  const char *headers[] = { _("Customer"), _("Industry"), _("Tier"), _("Annual spend"),
                            _("Contact"), _("Phone"), NULL };
  const double widths[] = { 0.3, 0.12, 0.07, 0.17, 0.14, 0.2 };

  crm_report_document_add_heading (b->doc, 2, _("Key customers by annual spend"));
  if (customers->len == 0)
    {
      crm_report_document_add_text (b->doc, CRM_REPORT_TEXT_NOTE, _("No customer with purchases."));
      return;
    }

  crm_report_document_add_table (b->doc, headers, widths);
  for (guint i = 0; i < customers->len; i++)
    {
      CrmReportCustomer *customer = g_ptr_array_index (customers, i);
      g_autofree char *name = customer_name (b, customer);
      g_autofree char *spend = crm_format_amount (customer->amount);
      g_autofree char *contact = mask_if (b->content->mask, customer->contact, crm_mask_name);
      g_autofree char *phone = mask_if (b->content->mask, customer->phone, crm_mask_phone);
      const char *cells[] = { name, customer->industry, customer->tier, spend, contact, phone };

      crm_report_document_add_row (b->doc, cells);
    }
}

static void
add_pain_points (Builder *b)
{
  GPtrArray *customers = crm_figure_set_get_key_customers (b->content->figures);
  const char *headers[] = { _("Customer"), _("Pain points"), NULL };
  const double widths[] = { 0.3, 0.7 };
  gboolean started = FALSE;

  crm_report_document_add_heading (b->doc, 2, _("Pain points of key customers"));
  for (guint i = 0; i < customers->len; i++)
    {
      CrmReportCustomer *customer = g_ptr_array_index (customers, i);
      g_autofree char *name = NULL;
      const char *cells[2];

      if (customer->pain_points == NULL || *customer->pain_points == '\0')
        continue;

      if (!started)
        {
          crm_report_document_add_table (b->doc, headers, widths);
          started = TRUE;
        }
      name = customer_name (b, customer);
      cells[0] = name;
      cells[1] = customer->pain_points;
      crm_report_document_add_row (b->doc, cells);
    }

  if (!started)
    crm_report_document_add_text (b->doc, CRM_REPORT_TEXT_NOTE, _("No pain points recorded."));
}

static void
add_churned_customers (Builder *b)
{
  GPtrArray *customers = crm_figure_set_get_churned_customers (b->content->figures);
  const char *headers[] = { _("Customer"), _("Tier"), _("Last product"), _("Ended"),
                            _("Amount"), _("Contact"), _("Phone"), NULL };
  const double widths[] = { 0.24, 0.06, 0.15, 0.13, 0.13, 0.12, 0.17 };

  crm_report_document_add_heading (b->doc, 2, _("Churned customers"));
  if (customers->len == 0)
    {
      crm_report_document_add_text (b->doc, CRM_REPORT_TEXT_NOTE, _("No customer churned in this period."));
      return;
    }

  crm_report_document_add_table (b->doc, headers, widths);
  for (guint i = 0; i < customers->len; i++)
    {
      CrmReportCustomer *customer = g_ptr_array_index (customers, i);
      g_autofree char *name = customer_name (b, customer);
      g_autofree char *amount = crm_format_amount (customer->amount);
      g_autofree char *contact = mask_if (b->content->mask, customer->contact, crm_mask_name);
      g_autofree char *phone = mask_if (b->content->mask, customer->phone, crm_mask_phone);
      const char *cells[] = { name, customer->tier, customer->product, customer->date,
                              amount, contact, phone };

      crm_report_document_add_row (b->doc, cells);
    }
}

/* The tier mix at the start and the end of the period, when the tier
 * history gives both (see crm-figure-set-upkeep.c). */
static void
add_tier_change (Builder *b)
{
  CrmChartData *tiers = crm_figure_set_get_tier_mix (b->content->figures);
  const char *headers[] = { _("Tier"), _("At the start"), _("At the end"), _("Change"), NULL };
  const double widths[] = { 0.31, 0.23, 0.23, 0.23 };

  if (tiers == NULL || crm_chart_data_get_n_series (tiers) < 2)
    return;

  crm_report_document_add_heading (b->doc, 2, _("Tier distribution in the period"));
  crm_report_document_add_table (b->doc, headers, widths);
  for (guint i = 0; i < crm_chart_data_get_n_categories (tiers); i++)
    {
      double end = crm_chart_data_get_value (tiers, 0, i);
      double start = crm_chart_data_get_value (tiers, 1, i);
      g_autofree char *start_text = g_strdup_printf ("%.0f", start);
      g_autofree char *end_text = g_strdup_printf ("%.0f", end);
      g_autofree char *change = end != start ? g_strdup_printf ("%+.0f", end - start) : g_strdup ("0");
      const char *cells[] = { crm_chart_data_get_category (tiers, i), start_text, end_text, change };

      crm_report_document_add_row (b->doc, cells);
    }
}

static void
add_key_follow_ups (Builder *b)
{
  GPtrArray *customers = crm_figure_set_get_key_follow_up_customers (b->content->figures);
  const char *headers[] = { _("Customer"), _("Tier"), _("Reason"), _("Flagged"),
                            _("Contact"), _("Phone"), NULL };
  const double widths[] = { 0.22, 0.06, 0.3, 0.13, 0.12, 0.17 };

  if (crm_figure_set_get (b->content->figures, CRM_FIGURE_KEY_FOLLOW_UPS) == NULL)
    return;

  crm_report_document_add_heading (b->doc, 2, _("Customers for key follow-up"));
  if (customers->len == 0)
    {
      crm_report_document_add_text (b->doc, CRM_REPORT_TEXT_NOTE,
                                    _("No customer was flagged for key follow-up at the end of the period."));
      return;
    }

  crm_report_document_add_table (b->doc, headers, widths);
  for (guint i = 0; i < customers->len; i++)
    {
      CrmReportCustomer *customer = g_ptr_array_index (customers, i);
      g_autofree char *name = customer_name (b, customer);
      g_autofree char *contact = mask_if (b->content->mask, customer->contact, crm_mask_name);
      g_autofree char *phone = mask_if (b->content->mask, customer->phone, crm_mask_phone);
      const char *cells[] = { name, customer->tier, customer->reason, customer->date, contact, phone };

      crm_report_document_add_row (b->doc, cells);
    }
}

static void
add_plan (Builder *b)
{
  GPtrArray *plan = b->content->plan;
  const char *headers[] = { _("Segment"), _("Strategy"), _("Measures"), _("Owner"),
                            _("Deadline"), _("Expected effect"), NULL };
  const double widths[] = { 0.13, 0.18, 0.25, 0.1, 0.13, 0.21 };

  if (plan == NULL || plan->len == 0)
    {
      crm_report_document_add_text (b->doc, CRM_REPORT_TEXT_NOTE, _("No execution plan yet."));
      return;
    }

  crm_report_document_add_table (b->doc, headers, widths);
  for (guint i = 0; i < plan->len; i++)
    {
      CrmPlanItem *item = g_ptr_array_index (plan, i);
      const char *cells[] = { item->segment, item->strategy, item->measures, item->owner,
                              item->deadline, item->expected_effect };

      crm_report_document_add_row (b->doc, cells);
    }
}

static void
add_section (Builder          *b,
             CrmReportSection  section)
{
  /* Translators: a numbered section heading, e.g. "1. Customer status analysis". */
  g_autofree char *heading = g_strdup_printf (_("%u. %s"), section + 1, crm_report_section_get_title (section));

  crm_report_document_add_heading (b->doc, 1, heading);
}

static void
add_appendix (Builder *b)
{
  const char *headers[] = { _("Figure"), _("Definition"), NULL };
  const double widths[] = { 0.25, 0.75 };

  crm_report_document_add_page_break (b->doc);
  crm_report_document_add_heading (b->doc, 1, _("Appendix: definitions of the figures"));
  crm_report_document_add_text (b->doc, CRM_REPORT_TEXT_NOTE,
                                _("Dates are whole days from the first to the last day of the period; "
                                  "a customer belongs to the segment by its current industry, tier and owner."));
  crm_report_document_add_table (b->doc, headers, widths);
  for (guint i = 0; i < b->shown->len; i++)
    {
      CrmFigureId id = g_array_index (b->shown, CrmFigureId, i);
      const char *cells[] = { crm_figure_get_title (id), crm_figure_get_definition (id) };

      crm_report_document_add_row (b->doc, cells);
    }
}

/**
 * crm_report_build:
 * @content: the figures and the manager's notes
 *
 * Returns: (transfer full): the report, ready to paginate, print or write
 */
CrmReportDocument *
crm_report_build (const CrmReportContent *content)
{
  static const CrmFigureId status_figures[] = {
    CRM_FIGURE_CUSTOMERS, CRM_FIGURE_NEW_CUSTOMERS, CRM_FIGURE_ACTIVE_CUSTOMERS,
    CRM_FIGURE_DEALS, CRM_FIGURE_DEAL_AMOUNT, CRM_FIGURE_CONVERSION_RATE, CRM_FIGURE_TIER_CHANGES,
  };
  static const CrmFigureId needs_figures[] = {
    CRM_FIGURE_REQUIREMENTS, CRM_FIGURE_CLOSURE_RATE, CRM_FIGURE_MEAN_TIME_TO_CLOSE,
    CRM_FIGURE_SATISFACTION,
  };
  static const CrmFigureId problem_figures[] = {
    CRM_FIGURE_CHURNED, CRM_FIGURE_CHURN_RATE, CRM_FIGURE_OVERDUE_FOLLOW_UPS,
    CRM_FIGURE_KEY_FOLLOW_UPS, CRM_FIGURE_RESPONSE_RATE,
  };
  CrmFigureSet *figures;
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (CrmFigureId));
  g_autofree char *period = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *today = NULL;
  Builder b;

  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (CRM_IS_FIGURE_SET (content->figures), NULL);

  figures = content->figures;
  period = crm_period_get_label (crm_figure_set_get_period (figures));
  /* Translators: the report's subtitle: the period and the customers, e.g.
   * "2026 Q3 · All customers". */
  subtitle = g_strdup_printf (_("%s · %s"), period,
                              content->segment_label != NULL ? content->segment_label : _("All customers"));

  b.content = content;
  b.doc = crm_report_document_new (_("Customer analysis report"), subtitle);
  b.shown = shown;

  if (content->generated_on == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = g_date_time_format (now, "%Y-%m-%d");
    }
  /* Translators: on the report's title page; %s is a date. */
  generated = g_strdup_printf (_("Generated on %s"), content->generated_on != NULL ? content->generated_on : today);
  crm_report_document_add_title_line (b.doc, generated);
  if (content->mask)
    crm_report_document_add_title_line (b.doc, _("Personal data is masked."));

  add_section (&b, CRM_REPORT_SECTION_STATUS);
  add_figures (&b, status_figures, G_N_ELEMENTS (status_figures));
  add_charts (&b, crm_figure_set_get_tier_mix (figures), crm_figure_set_get_industry_mix (figures));
  add_charts (&b, crm_figure_set_get_new_customers_trend (figures), crm_figure_set_get_satisfaction_trend (figures));
  add_tier_change (&b);
  add_charts (&b, crm_figure_set_get_deal_value_by_industry (figures), NULL);
  add_key_customers (&b);
  add_conclusion (&b, CRM_REPORT_SECTION_STATUS);

  add_section (&b, CRM_REPORT_SECTION_NEEDS);
  add_figures (&b, needs_figures, G_N_ELEMENTS (needs_figures));
  add_charts (&b, crm_figure_set_get_requirements_by_category (figures),
              crm_figure_set_get_priority_matrix (figures));
  add_charts (&b, crm_figure_set_get_requirements_by_quadrant (figures),
              crm_figure_set_get_requirements_by_status (figures));
  add_pain_points (&b);
  add_conclusion (&b, CRM_REPORT_SECTION_NEEDS);

  add_section (&b, CRM_REPORT_SECTION_PROBLEMS);
  add_figures (&b, problem_figures, G_N_ELEMENTS (problem_figures));
  add_charts (&b, crm_figure_set_get_churn_reasons (figures), NULL);
  add_churned_customers (&b);
  add_key_follow_ups (&b);
  add_conclusion (&b, CRM_REPORT_SECTION_PROBLEMS);

  add_section (&b, CRM_REPORT_SECTION_STRATEGIES);
  add_conclusion (&b, CRM_REPORT_SECTION_STRATEGIES);

  add_section (&b, CRM_REPORT_SECTION_PLAN);
  add_plan (&b);
  add_conclusion (&b, CRM_REPORT_SECTION_PLAN);

  add_section (&b, CRM_REPORT_SECTION_EFFECT);
  add_conclusion (&b, CRM_REPORT_SECTION_EFFECT);

  add_appendix (&b);

  return b.doc;
}
