/* crm-answer-chart.c — the share of each answer to a question, as horizontal bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The questionnaire results draw these on screen in the theme's accent
 * colour; the report's print charts (pie, bar, line in black and greys)
 * are crm-chart.c. In src/core, with no GTK, so a GtkDrawingArea, a PDF report and a test
 * drawing into an image surface draw the same chart. Labels go through
 * pango, which picks a CJK font for Chinese labels; the caller names the
 * font family (reports name theirs, screens take the interface font).
 */

#define G_LOG_DOMAIN "crm-chart"

#include "config.h"

#include <pango/pangocairo.h>

#include "crm-answer-chart.h"

#define BAR_HEIGHT 22.0
#define BAR_GAP 8.0

double
crm_answer_chart_bars_height (guint n_bars)
{
  return n_bars * (BAR_HEIGHT + BAR_GAP);
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *font,
             const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font != NULL ? font : "Sans 10");

  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  return layout;
}

/**
 * crm_answer_chart_draw_bars:
 * @cr: where to draw, from its current origin
 * @width: the width to fill
 * @font: (nullable): a pango font description, such as "Noto Sans CJK SC 10"
 * @bars: the bars, drawn top to bottom
 * @total: what a full-width bar stands for (the number of answers for
 *   counts, 5 for ratings); each bar is labelled with its value and, for
 *   counts, its share of @total
 * @rgb: the bars' colour
 * @text_rgb: the labels' colour (the theme's foreground on screen)
 *
 * Draws a horizontal bar chart: the label on the left, the bar, the value.
 */
void
crm_answer_chart_draw_bars (cairo_t           *cr,
                     double             width,
                     const char        *font,
                     const CrmAnswerBar *bars,
                     guint              n_bars,
                     double             total,
                     const double       rgb[3],
                     const double       text_rgb[3])
{
  double label_width = MIN (width * 0.35, 220);
  double value_width = 90;
  double bar_space = MAX (width - label_width - value_width - 16, 10);

  g_return_if_fail (cr != NULL);

  cairo_save (cr);

  for (guint i = 0; i < n_bars; i++)
    {
      double y = i * (BAR_HEIGHT + BAR_GAP);
      double fraction = total > 0 ? CLAMP (bars[i].value / total, 0, 1) : 0;
      g_autoptr(PangoLayout) label = make_layout (cr, font, bars[i].label);
      g_autoptr(PangoLayout) value = NULL;
      g_autofree char *value_text = NULL;
      int text_width, text_height;

      pango_layout_set_width (label, (int)(label_width * PANGO_SCALE));
      pango_layout_get_pixel_size (label, &text_width, &text_height);
      cairo_set_source_rgb (cr, text_rgb[0], text_rgb[1], text_rgb[2]);
      cairo_move_to (cr, 0, y + (BAR_HEIGHT - text_height) / 2);
      pango_cairo_show_layout (cr, label);

      /* The track, then the bar over it. */
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.15);
      cairo_rectangle (cr, label_width + 8, y, bar_space, BAR_HEIGHT);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_rectangle (cr, label_width + 8, y, bar_space * fraction, BAR_HEIGHT);
      cairo_fill (cr);

      if (bars[i].value == (gint64)bars[i].value && total > 0)
        value_text = g_strdup_printf ("%" G_GINT64_FORMAT " · %.0f%%", (gint64)bars[i].value, fraction * 100);
      else
        value_text = g_strdup_printf ("%.1f", bars[i].value);
      value = make_layout (cr, font, value_text);
      pango_layout_get_pixel_size (value, &text_width, &text_height);
      cairo_set_source_rgb (cr, text_rgb[0], text_rgb[1], text_rgb[2]);
      cairo_move_to (cr, label_width + 16 + bar_space, y + (BAR_HEIGHT - text_height) / 2);
      pango_cairo_show_layout (cr, value);
    }

  cairo_restore (cr);
}
