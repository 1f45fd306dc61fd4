/* crm-chart-bar.c — bar charts: one value per category
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "crm-chart-private.h"

/* A "nice" axis maximum: 1, 2 or 5 times a power of ten, at least @max. */
static double
nice_ceiling (double max)
{
  double power = 1;

  if (max <= 0)
    return 1;

  while (power * 10 <= max)
    power *= 10;
  while (power > max)
    power /= 10;

  if (max <= power)
    return power;
  if (max <= 2 * power)
    return 2 * power;
  if (max <= 5 * power)
    return 5 * power;
  return 10 * power;
}

/* Vertical bars with their values written on top and their category
 * written (and wrapped) below; each bar has its own grey and hatch. */
void
crm_chart_draw_bar (CrmChartData   *data,
                    CrmChartCanvas *canvas)
{
  cairo_t *cr = canvas->cr;
  guint n = crm_chart_data_get_n_categories (data);
  double max = 0;
  double axis_max;
  double label_height = 0;
  double slot = canvas->width / n;
  double bar_width = MIN (slot * 0.6, 48);
  double top = 14;
  double plot_height;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    max = MAX (max, crm_chart_data_get_value (data, 0, i));
  axis_max = nice_ceiling (max);

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *layout = crm_chart_layout (canvas, crm_chart_data_get_category (data, i),
                                              CRM_CHART_FONT_SIZE, FALSE);
      int h;

      pango_layout_set_width (layout, (int)((slot - 2) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_get_size (layout, NULL, &h);
      label_height = MAX (label_height, (double)h / PANGO_SCALE);
      g_ptr_array_add (layouts, layout);
    }

  plot_height = canvas->height - label_height - top - 4;
  if (plot_height < 10)
    return;

  /* The base line. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, 0, top + plot_height);
  cairo_line_to (cr, canvas->width, top + plot_height);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      double value = crm_chart_data_get_value (data, 0, i);
      double h = value / axis_max * plot_height;
      double x = slot * i + (slot - bar_width) / 2;
      g_autofree char *text = crm_chart_format_value (data, value);

      if (h > 0)
        {
          cairo_rectangle (cr, x, top + plot_height - h, bar_width, h);
          crm_chart_fill_style (canvas, i, x, top + plot_height - h, bar_width, h);
        }

      crm_chart_text (canvas, text, x + bar_width / 2, top + plot_height - h - 1,
                      0.5, 1, CRM_CHART_FONT_SIZE, FALSE);

      cairo_move_to (cr, slot * i + 1, top + plot_height + 3);
      pango_cairo_show_layout (cr, g_ptr_array_index (layouts, i));
    }
}
