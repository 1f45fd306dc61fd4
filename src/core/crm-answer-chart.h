/* crm-answer-chart.h — the share of each answer to a question, as horizontal bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *label;
  double      value;
} CrmAnswerBar;

/* Height, in the units of the cairo context, that crm_answer_chart_draw_bars()
 * takes for @n_bars bars. */
double crm_answer_chart_bars_height (guint              n_bars);
void   crm_answer_chart_draw_bars   (cairo_t           *cr,
                              double             width,
                              const char        *font,
                              const CrmAnswerBar *bars,
                              guint              n_bars,
                              double             total,
                              const double       rgb[3],
                              const double       text_rgb[3]);

G_END_DECLS
