/* crm-priority-chart.c — a priority matrix drawn with cairo, for screen and print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The same picture as the priorities page, drawn on any cairo_t: a PDF
 * surface of the analysis report, an image surface of a test. Row and
 * column headings come from crm-priority.c, so the chart and the page can
 * never disagree on which cell is which. Each cell shows its number of
 * requirements and the titles of its top-ranked ones (the entries come in
 * rank order); the quadrant view tints its four quadrants and names them
 * with their action.
 */

#define G_LOG_DOMAIN "crm-priority-chart"

#include <pango/pangocairo.h>

#include "crm-priority-chart.h"

typedef struct
{
  double r, g, b;
} Colour;

/* Do now, plan, standardise, defer: red, blue, amber, grey, pale enough
 * for black text on paper. */
static const Colour quadrant_colours[CRM_N_QUADRANTS] = {
  { 0.98, 0.84, 0.82 },
  { 0.84, 0.90, 0.98 },
  { 0.99, 0.93, 0.80 },
  { 0.92, 0.92, 0.92 },
};

static void
show_text (cairo_t                    *cr,
           PangoLayout                *layout,
           const char                 *text,
           double                      x,
           double                      y,
           double                      width,
           PangoAlignment              alignment)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, MAX (1, (int)(width * PANGO_SCALE)));
  pango_layout_set_alignment (layout, alignment);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static double
line_height (PangoLayout *layout)
{
  int height;

  pango_layout_set_text (layout, "Ag需", -1);
  pango_layout_get_pixel_size (layout, NULL, &height);

  return height;
}

static void
fill_cell_background (cairo_t         *cr,
                      CrmPriorityView  view,
                      guint            row,
                      guint            column,
                      double           x,
                      double           y,
                      double           w,
                      double           h)
{
  int quadrant = crm_priority_cell_quadrant (view, row, column);
  Colour colour = { 0.96, 0.96, 0.96 };

  if (quadrant >= 0)
    colour = quadrant_colours[quadrant];
  else if (view == CRM_PRIORITY_VIEW_VALUE_COST)
    {
      /* Greener towards high value at low cost, the top-left corner. */
      double closeness = 1.0 - (row + column) / 8.0;

      colour = (Colour) { 0.95 - 0.12 * closeness, 0.97, 0.95 - 0.12 * closeness };
    }

  cairo_set_source_rgb (cr, colour.r, colour.g, colour.b);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
}

/* Thicker lines where the quadrants meet: between rows and columns on
 * either side of CRM_QUADRANT_THRESHOLD. */
static void
stroke_quadrant_borders (cairo_t *cr,
                         double   x0,
                         double   y0,
                         double   cell_w,
                         double   cell_h)
{
  guint split = CRM_PRIORITY_SCALE - CRM_QUADRANT_THRESHOLD + 1;

  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  cairo_set_line_width (cr, 2.0);
  cairo_move_to (cr, x0 + split * cell_w, y0);
  cairo_line_to (cr, x0 + split * cell_w, y0 + CRM_PRIORITY_SCALE * cell_h);
  cairo_move_to (cr, x0, y0 + split * cell_h);
  cairo_line_to (cr, x0 + CRM_PRIORITY_SCALE * cell_w, y0 + split * cell_h);
  cairo_stroke (cr);
}

static void
draw_quadrant_headings (cairo_t     *cr,
                        PangoLayout *layout,
                        double       x0,
                        double       y0,
                        double       cell_w,
                        double       cell_h)
{
  guint split = CRM_PRIORITY_SCALE - CRM_QUADRANT_THRESHOLD + 1;

  for (guint q = 0; q < CRM_N_QUADRANTS; q++)
    {
      gboolean important = q == CRM_QUADRANT_DO_NOW || q == CRM_QUADRANT_PLAN;
      gboolean urgent = q == CRM_QUADRANT_DO_NOW || q == CRM_QUADRANT_STANDARDISE;
      double x = x0 + (urgent ? 0 : split * cell_w);
      double y = y0 + (important ? 0 : split * cell_h);
      double w = (urgent ? split : CRM_PRIORITY_SCALE - split) * cell_w;

      cairo_set_source_rgba (cr, 0.2, 0.2, 0.2, 0.85);
      show_text (cr, layout, crm_quadrant_get_heading (q), x + 4, y + 2, w - 8, PANGO_ALIGN_LEFT);
    }
}

static void
draw_cell_contents (cairo_t                *cr,
                    PangoLayout            *layout,
                    gint64                  n_members,
                    const CrmPriorityEntry *entries,
                    const GArray           *members,
                    double                  x,
                    double                  y,
                    double                  w,
                    double                  h,
                    double                  top)
{
  double line = line_height (layout);
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, n_members);
  guint shown = 0;

  if (n_members == 0)
    return;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  show_text (cr, layout, count, x + 4, y + h - line - 2, w - 8, PANGO_ALIGN_RIGHT);

  for (double ty = y + top; members != NULL && ty + line <= y + h - line - 2 && shown < members->len; ty += line)
    {
      const CrmPriorityEntry *entry = &entries[g_array_index (members, guint, shown++)];

      cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
      show_text (cr, layout, entry->title != NULL ? entry->title : "", x + 4, ty, w - 8, PANGO_ALIGN_LEFT);
    }
}

/* Draws @view's grid. Each cell shows its count from @counts (row by
 * row) and, when @cells is not %NULL, the titles of its @entries listed
 * in @cells as fit. */
static void
draw_matrix (cairo_t                *cr,
             double                  width,
             double                  height,
             CrmPriorityView         view,
             const gint64           *counts,
             const CrmPriorityEntry *entries,
             GPtrArray              *cells,
             const char             *font_family)
{
  guint n_rows = crm_priority_view_get_n_rows (view);
  guint n_columns = crm_priority_view_get_n_columns (view);
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  double font_size = CLAMP (MIN (width, height) / 45.0, 5.0, 12.0);
  double line, head_w, head_h, cell_w, cell_h, x0, y0, top;

  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (font_family != NULL ? font_family : CRM_PRIORITY_CHART_FONT);
  pango_font_description_set_absolute_size (font, font_size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, 0);

  line = line_height (layout);
  head_w = view == CRM_PRIORITY_VIEW_MOSCOW ? 0 : MIN (width * 0.16, font_size * 9);
  head_h = line + 4;
  x0 = head_w;
  y0 = head_h;
  cell_w = (width - x0) / n_columns;
  cell_h = (height - y0) / n_rows;
  /* Room at the top of a cell for the quadrant heading of a corner cell. */
  top = view == CRM_PRIORITY_VIEW_QUADRANT ? line + 4 : 4;

  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      {
        double x = x0 + column * cell_w;
        double y = y0 + row * cell_h;
        /* The top rows of the quadrants carry their headings. */
        gboolean headed = view == CRM_PRIORITY_VIEW_QUADRANT &&
                          (row == 0 || row == CRM_PRIORITY_SCALE - CRM_QUADRANT_THRESHOLD + 1);

        fill_cell_background (cr, view, row, column, x, y, cell_w, cell_h);
        cairo_set_source_rgb (cr, 0.7, 0.7, 0.7);
        cairo_set_line_width (cr, 0.5);
        cairo_rectangle (cr, x, y, cell_w, cell_h);
        cairo_stroke (cr);
        draw_cell_contents (cr, layout, counts[row * n_columns + column], entries,
                            cells != NULL ? g_ptr_array_index (cells, row * n_columns + column) : NULL,
                            x, y, cell_w, cell_h, headed ? top : 4);
      }

  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  for (guint column = 0; column < n_columns; column++)
    {
      g_autofree char *label = crm_priority_dup_column_label (view, column);

      show_text (cr, layout, label, x0 + column * cell_w, 2, cell_w, PANGO_ALIGN_CENTER);
    }
  /* Row headings may take two lines ("Value ¥500k or more"). */
  pango_layout_set_height (layout, -2);
  for (guint row = 0; row < n_rows && head_w > 0; row++)
    {
      g_autofree char *label = crm_priority_dup_row_label (view, row);
      int text_height;

      pango_layout_set_width (layout, MAX (1, (int)((head_w - 4) * PANGO_SCALE)));
      pango_layout_set_text (layout, label, -1);
      pango_layout_get_pixel_size (layout, NULL, &text_height);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      show_text (cr, layout, label, 0, y0 + row * cell_h + (cell_h - text_height) / 2, head_w - 4, PANGO_ALIGN_RIGHT);
    }
  pango_layout_set_height (layout, 0);

  if (view == CRM_PRIORITY_VIEW_QUADRANT)
    {
      stroke_quadrant_borders (cr, x0, y0, cell_w, cell_h);
      draw_quadrant_headings (cr, layout, x0, y0, cell_w, cell_h);
    }

  cairo_restore (cr);
}

/**
 * crm_priority_chart_draw:
 * @cr: where to draw, with its origin at the chart's top-left corner
 * @width: the chart's width in @cr's units
 * @height: its height
 * @view: which matrix
 * @entries: (array length=n_entries): the requirements, in rank order
 * @font_family: (nullable): the font family, %NULL for
 *   %CRM_PRIORITY_CHART_FONT
 *
 * Draws @view with the headings of its rows and columns, the quadrants'
 * names on the quadrant view, and in each cell the number of requirements
 * and as many of their titles as fit.
 */
void
crm_priority_chart_draw (cairo_t                *cr,
                         double                  width,
                         double                  height,
                         CrmPriorityView         view,
                         const CrmPriorityEntry *entries,
                         guint                   n_entries,
                         const char             *font_family)
{
  guint n_rows = crm_priority_view_get_n_rows (view);
  guint n_columns = crm_priority_view_get_n_columns (view);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_autofree gint64 *counts = g_new0 (gint64, n_rows * n_columns);

  g_return_if_fail (cr != NULL);
  g_return_if_fail (entries != NULL || n_entries == 0);

  /* Which entries each cell holds, in rank order. */
  for (guint i = 0; i < n_rows * n_columns; i++)
    g_ptr_array_add (cells, g_array_new (FALSE, FALSE, sizeof (guint)));
  for (guint i = 0; i < n_entries; i++)
    {
      guint row, column;

      if (crm_priority_cell_of (view, &entries[i].scores, &row, &column))
        {
          g_array_append_val (g_ptr_array_index (cells, row * n_columns + column), i);
          counts[row * n_columns + column]++;
        }
    }

  draw_matrix (cr, width, height, view, counts, entries, cells, font_family);
}

/**
 * crm_priority_chart_draw_counts:
 * @cr: where to draw, with its origin at the chart's top-left corner
 * @width: the chart's width in @cr's units
 * @height: its height
 * @counts: how many requirements have each pair of scores:
 *   `counts[(importance - 1) * CRM_PRIORITY_SCALE + urgency - 1]`
 * @font_family: (nullable): the font family, %NULL for
 *   %CRM_PRIORITY_CHART_FONT
 *
 * Draws the importance–urgency quadrant view as crm_priority_chart_draw()
 * does, with each cell's count and no titles: the picture the analysis
 * report prints for a segment too large to list.
 */
void
crm_priority_chart_draw_counts (cairo_t      *cr,
                                double        width,
                                double        height,
                                const gint64 *counts,
                                const char   *font_family)
{
  guint n_columns = crm_priority_view_get_n_columns (CRM_PRIORITY_VIEW_QUADRANT);
  gint64 by_cell[CRM_PRIORITY_SCALE * CRM_PRIORITY_SCALE] = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (counts != NULL);

  for (int importance = 1; importance <= CRM_PRIORITY_SCALE; importance++)
    for (int urgency = 1; urgency <= CRM_PRIORITY_SCALE; urgency++)
      {
        CrmPriorityScores scores = { .importance = importance, .urgency = urgency, .value = -1, .cost = -1 };
        guint row, column;

        if (crm_priority_cell_of (CRM_PRIORITY_VIEW_QUADRANT, &scores, &row, &column))
          by_cell[row * n_columns + column] += counts[(importance - 1) * CRM_PRIORITY_SCALE + urgency - 1];
      }

  draw_matrix (cr, width, height, CRM_PRIORITY_VIEW_QUADRANT, by_cell, NULL, NULL, font_family);
}
