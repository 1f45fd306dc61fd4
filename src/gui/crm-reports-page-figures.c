/* crm-reports-page-figures.c — the figure cards and charts of the Reports page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-reports-page"

#include <glib/gi18n.h>

#include "crm-reports-page-private.h"

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  CrmChartData *chart = user_data;

  /* Charts are drawn in black on paper white, on screen as in print. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, 8, 8);
  crm_chart_draw (chart, cr, width - 16, height - 16, crm_report_default_font_family ());
}

static void
add_chart (CrmReportsPage *self,
           CrmChartData   *chart)
{
  GtkWidget *area;

  if (chart == NULL)
    return;

  area = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 320);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 230);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_chart,
                                  crm_chart_data_ref (chart), (GDestroyNotify)crm_chart_data_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, crm_chart_data_get_title (chart),
                                  -1);
  gtk_widget_add_css_class (area, "card");
  gtk_flow_box_append (self->charts_box, area);
}

static void
add_figure_card (CrmReportsPage  *self,
                 const CrmFigure *figure)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (crm_figure_get_title (figure->id));
  g_autofree char *text = crm_figure_format (figure);
  GtkWidget *value = gtk_label_new (text);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_tooltip_text (box, crm_figure_get_definition (figure->id));
  g_object_set (box, "margin-top", 0, NULL);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_widget_add_css_class (title, "caption");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (value, "title-2");
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_justify (GTK_LABEL (value), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_margin_bottom (value, 12);
  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_end (title, 12);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), value);
  gtk_widget_set_name (value, crm_figure_get_title (figure->id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (value),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, crm_figure_get_title (figure->id),
                                  -1);
  gtk_flow_box_append (self->figures_box, box);
}

static void
remove_all (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

/* Shows the cards and charts of self->figures (none while there are
 * none). */
void
crm_reports_page_show_figures (CrmReportsPage *self)
{
  remove_all (self->figures_box);
  remove_all (self->charts_box);

  if (self->figures != NULL)
    {
      for (CrmFigureId id = 0; id < CRM_N_FIGURES; id++)
        {
          const CrmFigure *figure = crm_figure_set_get (self->figures, id);

          if (figure != NULL)
            add_figure_card (self, figure);
        }

      add_chart (self, crm_figure_set_get_tier_mix (self->figures));
      add_chart (self, crm_figure_set_get_industry_mix (self->figures));
      add_chart (self, crm_figure_set_get_new_customers_trend (self->figures));
      add_chart (self, crm_figure_set_get_deal_value_by_industry (self->figures));
      add_chart (self, crm_figure_set_get_satisfaction_trend (self->figures));
      add_chart (self, crm_figure_set_get_requirements_by_category (self->figures));
      add_chart (self, crm_figure_set_get_churn_reasons (self->figures));
      add_chart (self, crm_figure_set_get_priority_matrix (self->figures));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.print", self->figures != NULL);
  crm_reports_page_notes_changed (self);
}
