/* crm-chart-pie.c — pie charts: shares of a whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "crm-chart-private.h"

typedef struct
{
  guint   index;
  double  angle;   /* middle of the slice */
  double  y;       /* where its label goes */
  char   *text;
} Label;

static int
compare_label_y (gconstpointer a,
                 gconstpointer b)
{
  const Label *la = a, *lb = b;

  return (la->y > lb->y) - (la->y < lb->y);
}

/* Labels on one side, top to bottom, pushed apart so none overlaps the
 * next; a group pushed past the bottom is pulled back up. */
static void
spread_labels (GArray *labels,
               double  line_height,
               double  top,
               double  bottom)
{
  g_array_sort (labels, compare_label_y);

  for (guint i = 0; i < labels->len; i++)
    {
      Label *label = &g_array_index (labels, Label, i);
      double min_y = i == 0 ? top : g_array_index (labels, Label, i - 1).y + line_height;

      label->y = MAX (label->y, min_y);
    }

  for (guint i = labels->len; i-- > 0;)
    {
      Label *label = &g_array_index (labels, Label, i);
      double max_y = i + 1 == labels->len ? bottom - line_height
                                          : g_array_index (labels, Label, i + 1).y - line_height;

      label->y = MIN (label->y, max_y);
    }
}

static void
draw_labels (CrmChartCanvas *canvas,
             GArray         *labels,
             double          cx,
             double          cy,
             double          radius,
             gboolean        right)
{
  cairo_t *cr = canvas->cr;

  for (guint i = 0; i < labels->len; i++)
    {
      Label *label = &g_array_index (labels, Label, i);
      double ex = cx + cos (label->angle) * radius;
      double ey = cy + sin (label->angle) * radius;
      double tx = cx + (right ? 1 : -1) * (radius + 12);
      double ty = label->y;

      cairo_move_to (cr, ex, ey);
      cairo_line_to (cr, cx + cos (label->angle) * (radius + 5), cy + sin (label->angle) * (radius + 5));
      cairo_line_to (cr, tx, ty);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);

      crm_chart_text (canvas, label->text, tx + (right ? 2 : -2), ty, right ? 0 : 1, 0.5,
                      CRM_CHART_FONT_SIZE, FALSE);
      g_free (label->text);
    }
}

/* Each slice has a grey level and a hatch, and its label (name, value and
 * share) is written beside it with a leader line, so no legend and no
 * colour is needed to read it. */
void
crm_chart_draw_pie (CrmChartData   *data,
                    CrmChartCanvas *canvas)
{
  cairo_t *cr = canvas->cr;
  guint n = crm_chart_data_get_n_categories (data);
  double total = crm_chart_data_get_total (data, 0);
  double radius;
  double label_width = 0;
  double cx = canvas->width / 2;
  double cy = canvas->height / 2;
  double angle = -G_PI / 2;
  double line_height;
  g_autoptr(GArray) left = g_array_new (FALSE, FALSE, sizeof (Label));
  g_autoptr(GArray) right = g_array_new (FALSE, FALSE, sizeof (Label));

  {
    g_autoptr(PangoLayout) probe = crm_chart_layout (canvas, "Ag级", CRM_CHART_FONT_SIZE, FALSE);
    int h;

    pango_layout_get_size (probe, NULL, &h);
    line_height = (double)h / PANGO_SCALE;
  }

  /* The labels go beside the pie: it gets what room they leave. */
  for (guint i = 0; i < n; i++)
    {
      double value = crm_chart_data_get_value (data, 0, i);
      g_autofree char *text = NULL;
      g_autofree char *formatted = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      int w;

      if (value <= 0)
        continue;
      formatted = crm_chart_format_value (data, value);
      text = g_strdup_printf ("%s %s (%.0f%%)", crm_chart_data_get_category (data, i),
                              formatted, value / total * 100);
      layout = crm_chart_layout (canvas, text, CRM_CHART_FONT_SIZE, FALSE);
      pango_layout_get_size (layout, &w, NULL);
      label_width = MAX (label_width, (double)w / PANGO_SCALE);
    }
  radius = MIN (canvas->height / 2 - 8, canvas->width / 2 - label_width - 16);
  radius = MAX (radius, 12);

  for (guint i = 0; i < n; i++)
    {
      double value = crm_chart_data_get_value (data, 0, i);
      double sweep = value / total * 2 * G_PI;
      g_autofree char *formatted = NULL;
      Label label;

      if (value <= 0)
        continue;

      cairo_move_to (cr, cx, cy);
      if (sweep >= 2 * G_PI - 1e-9)
        {
          cairo_new_path (cr);
          cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
        }
      else
        {
          cairo_arc (cr, cx, cy, radius, angle, angle + sweep);
          cairo_close_path (cr);
        }
      crm_chart_fill_style (canvas, i, cx - radius, cy - radius, 2 * radius, 2 * radius);

      formatted = crm_chart_format_value (data, value);
      label.index = i;
      label.angle = angle + sweep / 2;
      label.y = cy + sin (label.angle) * (radius + 5);
      label.text = g_strdup_printf ("%s %s (%.0f%%)", crm_chart_data_get_category (data, i),
                                    formatted, value / total * 100);
      g_array_append_val (cos (label.angle) >= 0 ? right : left, label);

      angle += sweep;
    }

  spread_labels (left, line_height, line_height / 2, canvas->height + line_height / 2);
  spread_labels (right, line_height, line_height / 2, canvas->height + line_height / 2);
  draw_labels (canvas, left, cx, cy, radius, FALSE);
  draw_labels (canvas, right, cx, cy, radius, TRUE);
}
