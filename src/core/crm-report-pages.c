/* crm-report-pages.c — laying a report out on pages and drawing a page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-report"

#include <glib/gi18n-lib.h>

#include "crm-report-document-private.h"

#define TEXT_WIDTH   (CRM_REPORT_PAGE_WIDTH - 2 * CRM_REPORT_MARGIN_X)
#define CONTENT_TOP  CRM_REPORT_MARGIN_TOP
#define CONTENT_END  (CRM_REPORT_PAGE_HEIGHT - CRM_REPORT_MARGIN_BOTTOM)

#define BODY_SIZE    9.5
#define NOTE_SIZE    8.0
#define TABLE_SIZE   8.5

/* Room a heading needs below it, so that it is never the last thing on
 * a page. */
#define KEEP_WITH_NEXT 48.0

static double
heading_size (guint level)
{
  return level == 1 ? 15.0 : 11.0;
}

static double
space_after (Block *block)
{
  switch (block->kind)
    {
    case BLOCK_HEADING:
      return block->level == 1 ? 8 : 4;
    case BLOCK_TEXT:
      return 6;
    case BLOCK_TABLE:
    case BLOCK_CHARTS:
      return 10;
    case BLOCK_PAGE_BREAK:
    default:
      return 0;
    }
}

typedef struct
{
  CrmReportDocument *self;
  GArray            *page;
  double             y;
} Cursor;

static void
next_page (Cursor *cursor)
{
  g_ptr_array_add (cursor->self->pages, cursor->page);
  cursor->page = g_array_new (FALSE, TRUE, sizeof (Placement));
  cursor->y = CONTENT_TOP;
}

static gboolean
page_is_empty (Cursor *cursor)
{
  return cursor->page->len == 0;
}

static void
place (Cursor *cursor,
       Block  *block,
       guint   first,
       guint   end,
       double  offset,
       double  height)
{
  Placement placement = { block, cursor->y, first, end, offset, height };

  g_array_append_val (cursor->page, placement);
  cursor->y += height;
}

static void
layout_text (CrmReportDocument *self,
             Block             *block)
{
  g_clear_object (&block->layout);

  if (block->kind == BLOCK_HEADING)
    block->layout = crm_report_document_layout (self, block->text, heading_size (block->level),
                                                TRUE, TEXT_WIDTH);
  else
    block->layout = crm_report_document_layout (self, block->text,
                                                block->style == CRM_REPORT_TEXT_NOTE ? NOTE_SIZE : BODY_SIZE,
                                                FALSE, TEXT_WIDTH);
}

static void
paginate_heading (Cursor *cursor,
                  Block  *block)
{
  double before = block->level == 1 ? 14 : 8;
  double height;

  layout_text (cursor->self, block);
  height = crm_report_layout_height (block->layout);

  if (page_is_empty (cursor))
    before = 0;
  else if (cursor->y + before + height + KEEP_WITH_NEXT > CONTENT_END)
    {
      next_page (cursor);
      before = 0;
    }

  cursor->y += before;
  place (cursor, block, 0, 1, 0, height);
}

/* Splits the text between lines wherever a page ends. */
static void
paginate_text (Cursor *cursor,
               Block  *block)
{
  g_autoptr(GArray) tops = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter;
  guint n, i = 0;

  layout_text (cursor->self, block);

  iter = pango_layout_get_iter (block->layout);
  do
    {
      int top, bottom;
      double t, b;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      t = (double)top / PANGO_SCALE;
      b = (double)bottom / PANGO_SCALE;
      g_array_append_val (tops, t);
      g_array_append_val (bottoms, b);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  n = tops->len;
  while (i < n)
    {
      double start = g_array_index (tops, double, i);
      guint end = i;

      while (end < n && cursor->y + g_array_index (bottoms, double, end) - start <= CONTENT_END)
        end++;

      if (end == i)
        {
          if (!page_is_empty (cursor))
            {
              next_page (cursor);
              continue;
            }
          end = i + 1;  /* a line taller than a page: it is cut */
        }

      place (cursor, block, i, end, start, g_array_index (bottoms, double, end - 1) - start);
      i = end;
      if (i < n)
        next_page (cursor);
    }
}

static void
measure_table (CrmReportDocument *self,
               Block             *block)
{
  g_clear_pointer (&block->row_heights, g_array_unref);
  block->row_heights = g_array_sized_new (FALSE, FALSE, sizeof (double), block->rows->len + 1);

  for (guint r = 0; r <= block->rows->len; r++)
    {
      char **cells = r == 0 ? block->headers : g_ptr_array_index (block->rows, r - 1);
      double height = 0;

      for (guint c = 0; c < block->n_columns; c++)
        {
          double width = block->widths[c] * TEXT_WIDTH - 2 * CRM_REPORT_CELL_PAD;
          g_autoptr(PangoLayout) layout = crm_report_document_layout (self, cells[c], TABLE_SIZE,
                                                                      r == 0, width);

          height = MAX (height, crm_report_layout_height (layout));
        }

      height += 2 * CRM_REPORT_CELL_PAD;
      g_array_append_val (block->row_heights, height);
    }
}

/* Splits the table between rows; each page's part starts with the header
 * row. */
static void
paginate_table (Cursor *cursor,
                Block  *block)
{
  GArray *heights;
  double header;
  guint n_rows = block->rows->len;
  guint i = 0;

  measure_table (cursor->self, block);
  heights = block->row_heights;
  header = g_array_index (heights, double, 0);

  do
    {
      double first = i < n_rows ? g_array_index (heights, double, i + 1) : 0;
      double y;
      guint end = i;

      if (!page_is_empty (cursor) && cursor->y + header + first > CONTENT_END)
        next_page (cursor);

      y = cursor->y + header;
      while (end < n_rows && y + g_array_index (heights, double, end + 1) <= CONTENT_END)
        y += g_array_index (heights, double, ++end);

      if (end == i && i < n_rows)
        y += g_array_index (heights, double, ++end);  /* a row taller than a page: it is cut */

      place (cursor, block, i, end, 0, y - cursor->y);
      i = end;
      if (i < n_rows)
        next_page (cursor);
    }
  while (i < n_rows);
}

/**
 * crm_report_document_paginate:
 * @self: a report
 *
 * Lays the report out on A4 pages, the title page first. Drawing a page
 * paginates first when the report changed since.
 *
 * Returns: the number of pages
 */
guint
crm_report_document_paginate (CrmReportDocument *self)
{
  Cursor cursor = { self, NULL, CONTENT_TOP };

  g_return_val_if_fail (CRM_IS_REPORT_DOCUMENT (self), 0);

  if (self->pages != NULL)
    return self->pages->len;

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_ptr_array_add (self->pages, g_array_new (FALSE, TRUE, sizeof (Placement)));
  cursor.page = g_array_new (FALSE, TRUE, sizeof (Placement));

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      switch (block->kind)
        {
        case BLOCK_PAGE_BREAK:
          if (!page_is_empty (&cursor))
            next_page (&cursor);
          break;

        case BLOCK_HEADING:
          paginate_heading (&cursor, block);
          break;

        case BLOCK_TEXT:
          paginate_text (&cursor, block);
          break;

        case BLOCK_TABLE:
          paginate_table (&cursor, block);
          break;

        case BLOCK_CHARTS:
          if (!page_is_empty (&cursor) && cursor.y + block->height > CONTENT_END)
            next_page (&cursor);
          place (&cursor, block, 0, 1, 0, block->height);
          break;

        default:
          g_assert_not_reached ();
        }

      cursor.y += space_after (block);
    }

  if (page_is_empty (&cursor))
    g_array_unref (cursor.page);
  else
    g_ptr_array_add (self->pages, cursor.page);

  return self->pages->len;
}

guint
crm_report_document_get_n_pages (CrmReportDocument *self)
{
  g_return_val_if_fail (CRM_IS_REPORT_DOCUMENT (self), 0);

  return crm_report_document_paginate (self);
}

static void
show_text (CrmReportDocument *self,
           cairo_t           *cr,
           const char        *text,
           double             size,
           gboolean           bold,
           double             x,
           double             y,
           double             align_x)
{
  g_autoptr(PangoLayout) layout = crm_report_document_layout (self, text, size, bold, -1);
  int width;

  pango_layout_get_size (layout, &width, NULL);
  cairo_move_to (cr, x - align_x * width / PANGO_SCALE, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_title_page (CrmReportDocument *self,
                 cairo_t           *cr)
{
  g_autoptr(PangoLayout) title = crm_report_document_layout (self, self->title, 26, TRUE, TEXT_WIDTH);
  double y = CRM_REPORT_PAGE_HEIGHT / 3;

  pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
  cairo_move_to (cr, CRM_REPORT_MARGIN_X, y);
  pango_cairo_show_layout (cr, title);
  y += crm_report_layout_height (title) + 12;

  cairo_set_line_width (cr, 1.2);
  cairo_move_to (cr, CRM_REPORT_MARGIN_X + TEXT_WIDTH / 4, y);
  cairo_line_to (cr, CRM_REPORT_MARGIN_X + 3 * TEXT_WIDTH / 4, y);
  cairo_stroke (cr);
  y += 16;

  if (self->subtitle != NULL)
    {
      show_text (self, cr, self->subtitle, 14, FALSE, CRM_REPORT_PAGE_WIDTH / 2, y, 0.5);
      y += 30;
    }

  for (guint i = 0; i < self->title_lines->len; i++)
    {
      show_text (self, cr, g_ptr_array_index (self->title_lines, i), 10, FALSE,
                 CRM_REPORT_PAGE_WIDTH / 2, y, 0.5);
      y += 18;
    }
}

static void
draw_header_and_footer (CrmReportDocument *self,
                        cairo_t           *cr,
                        guint              page)
{
  g_autofree char *number = NULL;

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  show_text (self, cr, self->title, 8, FALSE, CRM_REPORT_MARGIN_X, 36, 0);
  if (self->subtitle != NULL)
    show_text (self, cr, self->subtitle, 8, FALSE, CRM_REPORT_PAGE_WIDTH - CRM_REPORT_MARGIN_X, 36, 1);

  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, CRM_REPORT_MARGIN_X, 50);
  cairo_line_to (cr, CRM_REPORT_PAGE_WIDTH - CRM_REPORT_MARGIN_X, 50);
  cairo_stroke (cr);

  /* Translators: the page number at the foot of each report page, e.g.
   * "Page 2 of 9" (第 2 页，共 9 页). */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  show_text (self, cr, number, 8, FALSE, CRM_REPORT_PAGE_WIDTH / 2, CRM_REPORT_PAGE_HEIGHT - 40, 0.5);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

static void
draw_text_lines (cairo_t   *cr,
                 Placement *p)
{
  /* The lines of this page only: the layout is shifted up to its first
   * line here and cut off below its last. */
  cairo_save (cr);
  if (p->block->kind == BLOCK_TEXT && p->block->style == CRM_REPORT_TEXT_NOTE)
    cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_rectangle (cr, CRM_REPORT_MARGIN_X - 2, p->y, TEXT_WIDTH + 4, p->height + 0.5);
  cairo_clip (cr);
  cairo_move_to (cr, CRM_REPORT_MARGIN_X, p->y - p->offset);
  pango_cairo_show_layout (cr, p->block->layout);
  cairo_restore (cr);
}

static double
draw_table_row (CrmReportDocument *self,
                cairo_t           *cr,
                Block             *block,
                guint              row,
                double             y)
{
  char **cells = row == 0 ? block->headers : g_ptr_array_index (block->rows, row - 1);
  double height = g_array_index (block->row_heights, double, row);
  double x = CRM_REPORT_MARGIN_X;

  if (row == 0)
    {
      cairo_rectangle (cr, x, y, TEXT_WIDTH, height);
      cairo_set_source_rgb (cr, 0.86, 0.86, 0.86);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }

  for (guint c = 0; c < block->n_columns; c++)
    {
      double width = block->widths[c] * TEXT_WIDTH;
      g_autoptr(PangoLayout) layout = crm_report_document_layout (self, cells[c], TABLE_SIZE, row == 0,
                                                                  width - 2 * CRM_REPORT_CELL_PAD);

      cairo_move_to (cr, x + CRM_REPORT_CELL_PAD, y + CRM_REPORT_CELL_PAD);
      pango_cairo_show_layout (cr, layout);
      x += width;
    }

  cairo_set_line_width (cr, row == 0 ? 0.8 : 0.3);
  cairo_move_to (cr, CRM_REPORT_MARGIN_X, y + height);
  cairo_line_to (cr, CRM_REPORT_MARGIN_X + TEXT_WIDTH, y + height);
  cairo_stroke (cr);

  return height;
}

static void
draw_table (CrmReportDocument *self,
            cairo_t           *cr,
            Placement         *p)
{
  double y = p->y;

  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, CRM_REPORT_MARGIN_X, y);
  cairo_line_to (cr, CRM_REPORT_MARGIN_X + TEXT_WIDTH, y);
  cairo_stroke (cr);

  y += draw_table_row (self, cr, p->block, 0, y);
  for (guint r = p->first; r < p->end; r++)
    y += draw_table_row (self, cr, p->block, r + 1, y);
}

static void
draw_charts (CrmReportDocument *self,
             cairo_t           *cr,
             Placement         *p)
{
  Block *block = p->block;
  guint n = block->charts[1] != NULL ? 2 : 1;
  double width = (TEXT_WIDTH - (n - 1) * 12) / n;

  for (guint i = 0; i < n; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, CRM_REPORT_MARGIN_X + i * (width + 12), p->y);
      crm_chart_draw (block->charts[i], cr, width, block->height, self->font_family);
      cairo_restore (cr);
    }
}

/**
 * crm_report_document_draw_page:
 * @self: a report
 * @cr: a cairo context whose units are points, with the page's top left
 *   corner at the origin (a PDF surface, a GtkPrintContext's context set
 *   to points, a scaled widget)
 * @page: the page, from 0 (the title page)
 *
 * Draws one page on a white background.
 */
void
crm_report_document_draw_page (CrmReportDocument *self,
                               cairo_t           *cr,
                               guint              page)
{
  GArray *placements;

  g_return_if_fail (CRM_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (page < crm_report_document_paginate (self));

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, CRM_REPORT_PAGE_WIDTH, CRM_REPORT_PAGE_HEIGHT);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  if (page == 0)
    {
      draw_title_page (self, cr);
      cairo_restore (cr);
      return;
    }

  draw_header_and_footer (self, cr, page);

  placements = g_ptr_array_index (self->pages, page);
  for (guint i = 0; i < placements->len; i++)
    {
      Placement *p = &g_array_index (placements, Placement, i);

      switch (p->block->kind)
        {
        case BLOCK_HEADING:
        case BLOCK_TEXT:
          draw_text_lines (cr, p);
          break;

        case BLOCK_TABLE:
          draw_table (self, cr, p);
          break;

        case BLOCK_CHARTS:
          draw_charts (self, cr, p);
          break;

        case BLOCK_PAGE_BREAK:
        default:
          g_assert_not_reached ();
        }
    }

  cairo_restore (cr);
}
