/* crm-chart-line.c — line charts: values over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "crm-chart-private.h"

static const double dashes[][2] = { { 0, 0 }, { 4, 2 }, { 1, 2 } };

static void
draw_marker (cairo_t *cr,
             guint    series,
             double   x,
             double   y)
{
  /* Text drawn before leaves a current point that a path would join. */
  cairo_new_path (cr);

  switch (series % 3)
    {
    case 0:
      cairo_arc (cr, x, y, 2.2, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case 1:
      cairo_rectangle (cr, x - 2, y - 2, 4, 4);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_stroke (cr);
      break;

    default:
      cairo_move_to (cr, x, y - 2.6);
      cairo_line_to (cr, x + 2.4, y + 1.8);
      cairo_line_to (cr, x - 2.4, y + 1.8);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    }
}

/* Each series has its own dash and marker, its values written above its
 * points and its name at its last point, so no legend and no colour is
 * needed. Each series is scaled to its own maximum when their ranges
 * differ (counts against 1–5 scores): the written values carry the
 * magnitude. */
void
crm_chart_draw_line (CrmChartData   *data,
                     CrmChartCanvas *canvas)
{
  cairo_t *cr = canvas->cr;
  guint n = crm_chart_data_get_n_categories (data);
  guint n_series = crm_chart_data_get_n_series (data);
  double name_width = 0;
  double label_height;
  double top = 12;
  double plot_width, plot_height, step;
  double x0;
  guint label_every;

  for (guint s = 0; s < n_series; s++)
    {
      g_autoptr(PangoLayout) layout = crm_chart_layout (canvas, crm_chart_data_get_series_name (data, s),
                                                        CRM_CHART_FONT_SIZE, FALSE);
      int w;

      pango_layout_get_size (layout, &w, NULL);
      name_width = MAX (name_width, (double)w / PANGO_SCALE);
    }

  {
    g_autoptr(PangoLayout) probe = crm_chart_layout (canvas, "2026-09", CRM_CHART_FONT_SIZE, FALSE);
    int w, h;

    pango_layout_get_size (probe, &w, &h);
    label_height = (double)h / PANGO_SCALE;
    /* Room for half of the first category's label left of the first point. */
    x0 = (double)w / PANGO_SCALE / 2 + 2;
    plot_width = canvas->width - name_width - 10 - x0;
    step = n > 1 ? plot_width / (n - 1) : 0;
    /* Category labels are thinned out so they never overlap. */
    label_every = step > 0 ? (guint)((double)w / PANGO_SCALE / step) + 1 : 1;
  }

  plot_height = canvas->height - label_height - top - 6;
  if (plot_height < 10 || plot_width < 20)
    return;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, x0, top + plot_height);
  cairo_line_to (cr, x0 + plot_width, top + plot_height);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i += label_every)
    crm_chart_text (canvas, crm_chart_data_get_category (data, i), x0 + step * i,
                    top + plot_height + 3, n > 1 ? 0.5 : 0, 0, CRM_CHART_FONT_SIZE, FALSE);

  for (guint s = 0; s < n_series; s++)
    {
      double max = 0;
      int last = -1;

      /* A value that is not a number (a month without a score) is a gap
       * in the line, with no marker and no value. */
      for (guint i = 0; i < n; i++)
        if (!isnan (crm_chart_data_get_value (data, s, i)))
          {
            max = MAX (max, crm_chart_data_get_value (data, s, i));
            last = i;
          }
      if (max <= 0)
        max = 1;

      cairo_save (cr);
      cairo_set_line_width (cr, 1.2);
      if (dashes[s % 3][0] > 0)
        cairo_set_dash (cr, dashes[s % 3], 2, 0);
      for (guint i = 0; i < n; i++)
        {
          double x = x0 + step * i;
          double y = top + plot_height - crm_chart_data_get_value (data, s, i) / max * plot_height;

          if (isnan (y))
            cairo_new_sub_path (cr);
          else if (i == 0 || !cairo_has_current_point (cr))
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
      cairo_restore (cr);

      for (guint i = 0; i < n; i++)
        {
          double value = crm_chart_data_get_value (data, s, i);
          double x = x0 + step * i;
          double y = top + plot_height - value / max * plot_height;
          g_autofree char *text = NULL;

          if (isnan (value))
            continue;

          text = crm_chart_format_value (data, value);
          cairo_set_line_width (cr, 0.6);
          draw_marker (cr, s, x, y);
          crm_chart_text (canvas, text, x, y - 3, 0.5, 1, CRM_CHART_FONT_SIZE - 1, FALSE);

          if ((int)i == last)
            crm_chart_text (canvas, crm_chart_data_get_series_name (data, s), x + 6, y,
                            0, 0.5, CRM_CHART_FONT_SIZE, FALSE);
        }
    }
}
