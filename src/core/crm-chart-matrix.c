/* crm-chart-matrix.c — the priority matrix (四象限)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>

#include "crm-chart-private.h"

/* Quadrants in category order and where they sit: column, row (row 0 is
 * the important half, column 1 the urgent half). */
static const struct { int column; int row; } cells[4] = {
  { 1, 0 },  /* important and urgent: do now */
  { 0, 0 },  /* important, not urgent: plan */
  { 1, 1 },  /* urgent, not important: standardise */
  { 0, 1 },  /* neither: defer */
};

/* A 2×2 grid; each quadrant carries the grey of its category, its name
 * and its count, so it reads without colour. */
void
crm_chart_draw_matrix (CrmChartData   *data,
                       CrmChartCanvas *canvas)
{
  cairo_t *cr = canvas->cr;
  double axis = 14;
  double size = MIN (canvas->width - axis - 4, canvas->height - axis - 4);
  double x0 = (canvas->width - size - axis) / 2 + axis;
  double half = size / 2;

  for (guint i = 0; i < MIN (crm_chart_data_get_n_categories (data), 4); i++)
    {
      double x = x0 + cells[i].column * half;
      double y = cells[i].row * half;
      g_autofree char *value = crm_chart_format_value (data, crm_chart_data_get_value (data, 0, i));

      cairo_rectangle (cr, x, y, half, half);
      crm_chart_fill_style (canvas, i + 4, x, y, half, half);

      /* A white box under the text keeps it readable over any hatch. */
      {
        g_autoptr(PangoLayout) layout = crm_chart_layout (canvas, crm_chart_data_get_category (data, i),
                                                          CRM_CHART_FONT_SIZE, FALSE);
        int w, h;

        pango_layout_set_width (layout, (int)((half - 8) * PANGO_SCALE));
        pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_get_size (layout, &w, &h);
        cairo_rectangle (cr, x + 4, y + half / 2 - (double)h / PANGO_SCALE - 2,
                         half - 8, (double)h / PANGO_SCALE + 22);
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_fill (cr);
        cairo_set_source_rgb (cr, 0, 0, 0);
        cairo_move_to (cr, x + 4, y + half / 2 - (double)h / PANGO_SCALE);
        pango_cairo_show_layout (cr, layout);
      }
      crm_chart_text (canvas, value, x + half / 2, y + half / 2 + 2, 0.5, 0, CRM_CHART_FONT_SIZE + 4, TRUE);
    }

  /* Translators: the axes of the priority matrix. */
  crm_chart_text (canvas, _("Urgency →"), x0 + size / 2, size + 2, 0.5, 0, CRM_CHART_FONT_SIZE, FALSE);
  cairo_save (cr);
  cairo_translate (cr, x0 - 3, size / 2);
  cairo_rotate (cr, -G_PI / 2);
  crm_chart_text (canvas, _("Importance →"), 0, 0, 0.5, 1, CRM_CHART_FONT_SIZE, FALSE);
  cairo_restore (cr);
}
