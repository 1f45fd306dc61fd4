/* crm-reports-page-figures.c — the figure cards and charts of the Reports page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-reports-page"

#include <glib/gi18n.h>

#include "crm-reports-page-private.h"

/* Charts are drawn by src/core in black and greys on paper white, the
 * same picture as in print. On screen that picture becomes a mask: how
 * dark each pixel is says how much of the theme's foreground colour goes
 * onto the card, so a chart reads as ink on the card in light and dark
 * styles alike, greys and hatches included. */
static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  CrmChartData *chart = user_data;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (area));
  cairo_surface_t *paper;
  cairo_surface_t *mask;
  cairo_t *paper_cr;
  const guchar *paper_data;
  guchar *mask_data;
  int paper_stride, mask_stride;
  GdkRGBA ink;

  paper = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * scale, height * scale);
  cairo_surface_set_device_scale (paper, scale, scale);
  paper_cr = cairo_create (paper);
  cairo_set_source_rgb (paper_cr, 1, 1, 1);
  cairo_paint (paper_cr);
  cairo_translate (paper_cr, 8, 8);
  crm_chart_draw (chart, paper_cr, width - 16, height - 16, crm_report_default_font_family ());
  cairo_destroy (paper_cr);
  cairo_surface_flush (paper);

  mask = cairo_image_surface_create (CAIRO_FORMAT_A8, width * scale, height * scale);
  cairo_surface_flush (mask);
  paper_data = cairo_image_surface_get_data (paper);
  paper_stride = cairo_image_surface_get_stride (paper);
  mask_data = cairo_image_surface_get_data (mask);
  mask_stride = cairo_image_surface_get_stride (mask);
  for (int y = 0; y < height * scale; y++)
    {
      const guint32 *row = (const guint32 *)(gconstpointer)(paper_data + y * paper_stride);
      guchar *out = mask_data + y * mask_stride;

      for (int x = 0; x < width * scale; x++)
        {
          guint32 pixel = row[x];
          guint lightness = (((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff)) / 3;

          out[x] = 255 - lightness;
        }
    }
  cairo_surface_mark_dirty (mask);
  cairo_surface_set_device_scale (mask, scale, scale);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &ink);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gdk_cairo_set_source_rgba (cr, &ink);
  cairo_mask_surface (cr, mask, 0, 0);

  cairo_surface_destroy (mask);
  cairo_surface_destroy (paper);
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
  /* The ink follows the style: redraw when it turns light or dark. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), area, G_CONNECT_SWAPPED);
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
