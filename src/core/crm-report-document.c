/* crm-report-document.c — a paginated report for paper and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A report is a list of blocks (headings, text, tables, charts) laid out
 * on A4 pages by crm_report_document_paginate() and drawn one page at a
 * time by crm_report_document_draw_page() on any cairo context whose units
 * are points: a PDF surface here, a GtkPrintContext when printing, a
 * widget when previewing. So what is printed is what is saved as PDF.
 */

#define G_LOG_DOMAIN "crm-report"

#include <cairo-pdf.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "crm-report-document-private.h"

G_DEFINE_FINAL_TYPE (CrmReportDocument, crm_report_document, G_TYPE_OBJECT)

/**
 * crm_report_default_font_family:
 *
 * The CJK family for the user's language: Traditional Chinese glyph forms
 * for zh_TW and zh_HK, Simplified ones otherwise (customer data is
 * Chinese whatever the interface language). fontconfig's own pick depends
 * on the locale and may be a font without bold, so it is named.
 *
 * Returns: a font family name
 */
const char *
crm_report_default_font_family (void)
{
  const char * const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (g_str_has_prefix (languages[i], "zh_TW") || g_str_has_prefix (languages[i], "zh_HK"))
        return "Noto Sans CJK TC";
      if (g_str_has_prefix (languages[i], "zh"))
        return "Noto Sans CJK SC";
    }

  return "Noto Sans CJK SC";
}

void
crm_report_block_free (Block *block)
{
  g_free (block->text);
  g_clear_object (&block->layout);
  g_strfreev (block->headers);
  g_free (block->widths);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_clear_pointer (&block->row_heights, g_array_unref);
  g_clear_pointer (&block->charts[0], crm_chart_data_unref);
  g_clear_pointer (&block->charts[1], crm_chart_data_unref);
  g_free (block);
}

static void
crm_report_document_finalize (GObject *object)
{
  CrmReportDocument *self = (CrmReportDocument *)object;

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->font_family);
  g_ptr_array_unref (self->title_lines);
  g_ptr_array_unref (self->blocks);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (crm_report_document_parent_class)->finalize (object);
}

static void
crm_report_document_class_init (CrmReportDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_report_document_finalize;
}

static void
crm_report_document_init (CrmReportDocument *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  self->title_lines = g_ptr_array_new_with_free_func (g_free);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)crm_report_block_free);
  self->font_family = g_strdup (crm_report_default_font_family ());

  /* Text is measured once and drawn on surfaces of any resolution:
   * unhinted metrics keep every line where pagination put it. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
}

/**
 * crm_report_document_new:
 * @title: the report's title, on the title page and each page's header
 * @subtitle: (nullable): the period and segment, under the title and in
 *   each page's header
 *
 * Returns: (transfer full): an empty report
 */
CrmReportDocument *
crm_report_document_new (const char *title,
                         const char *subtitle)
{
  CrmReportDocument *self = g_object_new (CRM_TYPE_REPORT_DOCUMENT, NULL);

  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);

  return self;
}

void
crm_report_document_set_font_family (CrmReportDocument *self,
                                     const char        *family)
{
  g_return_if_fail (CRM_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (family != NULL);

  g_free (self->font_family);
  self->font_family = g_strdup (family);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
}

const char *
crm_report_document_get_font_family (CrmReportDocument *self)
{
  g_return_val_if_fail (CRM_IS_REPORT_DOCUMENT (self), NULL);

  return self->font_family;
}

/* A line under the subtitle on the title page (the date it was made,
 * whether personal data is masked). */
void
crm_report_document_add_title_line (CrmReportDocument *self,
                                    const char        *text)
{
  g_return_if_fail (CRM_IS_REPORT_DOCUMENT (self));

  g_ptr_array_add (self->title_lines, g_strdup (text));
}

static Block *
add_block (CrmReportDocument *self,
           BlockKind          kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  return block;
}

/**
 * crm_report_document_add_heading:
 * @self: a report
 * @level: 1 for a section, 2 for a part of a section
 * @text: the heading
 *
 * A heading is never left alone at the bottom of a page.
 */
void
crm_report_document_add_heading (CrmReportDocument *self,
                                 guint              level,
                                 const char        *text)
{
  Block *block;

  g_return_if_fail (CRM_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (level == 1 || level == 2);

  block = add_block (self, BLOCK_HEADING);
  block->level = level;
  block->text = g_strdup (text);
}

/* Text flows over as many pages as it needs, split between lines. */
void
crm_report_document_add_text (CrmReportDocument  *self,
                              CrmReportTextStyle  style,
                              const char         *text)
{
  Block *block;

  g_return_if_fail (CRM_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  block = add_block (self, BLOCK_TEXT);
  block->style = style;
  block->text = g_strdup (text);
}

/**
 * crm_report_document_add_table:
 * @self: a report
 * @headers: the column headers, %NULL-terminated
 * @widths: (nullable): each column's share of the text width (summing to
 *   1); %NULL for equal columns
 *
 * Starts a table; crm_report_document_add_row() adds its rows. A table
 * longer than a page continues on the next under its header row again.
 */
void
crm_report_document_add_table (CrmReportDocument  *self,
                               const char * const *headers,
                               const double       *widths)
{
  Block *block;

  g_return_if_fail (CRM_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (headers != NULL && headers[0] != NULL);

  block = add_block (self, BLOCK_TABLE);
  block->headers = g_strdupv ((char **)headers);
  block->n_columns = g_strv_length (block->headers);
  block->widths = g_new (double, block->n_columns);
  for (guint i = 0; i < block->n_columns; i++)
    block->widths[i] = widths != NULL ? widths[i] : 1.0 / block->n_columns;
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
}

/* @cells: as many as the table has columns; a NULL cell is empty. */
void
crm_report_document_add_row (CrmReportDocument  *self,
                             const char * const *cells)
{
  Block *block;
  GStrv row;

  g_return_if_fail (CRM_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (self->blocks->len > 0);

  block = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  g_return_if_fail (block->kind == BLOCK_TABLE);

  row = g_new0 (char *, block->n_columns + 1);
  for (guint i = 0; i < block->n_columns; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (block->rows, row);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
}

/* One or two charts side by side, @height points high. */
void
crm_report_document_add_charts (CrmReportDocument *self,
                                CrmChartData      *first,
                                CrmChartData      *second,
                                double             height)
{
  Block *block;

  g_return_if_fail (CRM_IS_REPORT_DOCUMENT (self));
  g_return_if_fail (first != NULL);

  block = add_block (self, BLOCK_CHARTS);
  block->charts[0] = crm_chart_data_ref (first);
  block->charts[1] = second != NULL ? crm_chart_data_ref (second) : NULL;
  block->height = height;
}

void
crm_report_document_add_page_break (CrmReportDocument *self)
{
  g_return_if_fail (CRM_IS_REPORT_DOCUMENT (self));

  add_block (self, BLOCK_PAGE_BREAK);
}

PangoLayout *
crm_report_document_layout (CrmReportDocument *self,
                            const char        *text,
                            double             size,
                            gboolean           bold,
                            double             width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, self->font_family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);

  return layout;
}

double
crm_report_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);

  return (double)height / PANGO_SCALE;
}

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  GOutputStream *stream = closure;

  /* cairo offers no way to pass on the reason; the caller reports that
   * the file could not be written. */
  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, NULL))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/**
 * crm_report_document_write_pdf:
 * @self: a report
 * @path: the PDF file to write
 * @flags: whether an existing file may be replaced
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GIOError (%G_IO_ERROR_EXISTS when @path
 *   exists and @flags lacks %CRM_REPORT_WRITE_OVERWRITE)
 *
 * Writes every page as A4 PDF with its fonts embedded. A replaced file is
 * swapped in only once the new one is complete; a file that could not be
 * written completely is removed.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
crm_report_document_write_pdf (CrmReportDocument    *self,
                               const char           *path,
                               CrmReportWriteFlags   flags,
                               GCancellable         *cancellable,
                               GError              **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (CRM_IS_REPORT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  if (flags & CRM_REPORT_WRITE_OVERWRITE)
    stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  else
    stream = g_file_create (file, G_FILE_CREATE_NONE, cancellable, error);

  if (stream == NULL)
    {
      if (error != NULL && g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_clear_error (error);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("“%s” exists already; it was not replaced."), path);
        }
      return FALSE;
    }

  n_pages = crm_report_document_paginate (self);

  surface = cairo_pdf_surface_create_for_stream (write_to_stream, stream,
                                                 CRM_REPORT_PAGE_WIDTH, CRM_REPORT_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Rapport " PACKAGE_VERSION);

  {
    cairo_t *cr = cairo_create (surface);

    for (guint i = 0; i < n_pages; i++)
      {
        crm_report_document_draw_page (self, cr, i);
        cairo_show_page (cr);
      }
    cairo_destroy (cr);
  }

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("“%s” could not be written: %s"), path, cairo_status_to_string (status));
      {
        /* Closing a replacing stream through a cancelled cancellable
         * drops the new file and keeps the old one. */
        g_autoptr(GCancellable) abandon = g_cancellable_new ();

        g_cancellable_cancel (abandon);
        g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      }
      if (!(flags & CRM_REPORT_WRITE_OVERWRITE))
        g_file_delete (file, NULL, NULL);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    {
      if (!(flags & CRM_REPORT_WRITE_OVERWRITE))
        g_file_delete (file, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}
