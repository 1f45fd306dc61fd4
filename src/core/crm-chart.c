/* crm-chart.c — chart data and what the chart kinds share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Charts are drawn in points on any cairo context: a widget's snapshot, a
 * GtkPrintContext or a PDF surface. Text goes through pango with the
 * family the caller names, because with several CJK fonts installed
 * fontconfig's own choice depends on the locale (see testing-gui.md).
 */

#include <math.h>

#include <glib/gi18n-lib.h>

#include "crm-chart-private.h"

struct _CrmChartData
{
  gatomicrefcount  ref_count;
  CrmChartKind     kind;
  char            *title;
  char            *value_format;
  GPtrArray       *categories;  /* char * */
  GPtrArray       *series;      /* char * */
  GPtrArray       *values;      /* GArray of double, one per series */
};

G_DEFINE_BOXED_TYPE (CrmChartData, crm_chart_data, crm_chart_data_ref, crm_chart_data_unref)

/**
 * crm_chart_data_new:
 * @kind: how the data is drawn
 * @title: the chart's caption
 *
 * Returns: (transfer full): empty chart data; add categories and series
 */
CrmChartData *
crm_chart_data_new (CrmChartKind  kind,
                    const char   *title)
{
  CrmChartData *self = g_new0 (CrmChartData, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->title = g_strdup (title);
  self->value_format = g_strdup ("%.0f");
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func (g_free);
  self->values = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);

  return self;
}

CrmChartData *
crm_chart_data_ref (CrmChartData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
crm_chart_data_unref (CrmChartData *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->title);
  g_free (self->value_format);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->series);
  g_ptr_array_unref (self->values);
  g_free (self);
}

CrmChartKind
crm_chart_data_get_kind (CrmChartData *self)
{
  return self->kind;
}

const char *
crm_chart_data_get_title (CrmChartData *self)
{
  return self->title;
}

void
crm_chart_data_add_category (CrmChartData *self,
                             const char   *label)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_add (self->categories, g_strdup (label));
  for (guint i = 0; i < self->values->len; i++)
    {
      double zero = 0;

      g_array_append_val (g_ptr_array_index (self->values, i), zero);
    }
}

guint
crm_chart_data_get_n_categories (CrmChartData *self)
{
  return self->categories->len;
}

const char *
crm_chart_data_get_category (CrmChartData *self,
                             guint         index)
{
  g_return_val_if_fail (index < self->categories->len, NULL);

  return g_ptr_array_index (self->categories, index);
}

/**
 * crm_chart_data_add_series:
 * @self: chart data
 * @name: the series' name, written beside its line
 *
 * Pie and bar charts draw the first series only.
 *
 * Returns: the index of the new series
 */
guint
crm_chart_data_add_series (CrmChartData *self,
                           const char   *name)
{
  GArray *values = g_array_sized_new (FALSE, TRUE, sizeof (double), self->categories->len);

  g_array_set_size (values, self->categories->len);
  g_ptr_array_add (self->series, g_strdup (name));
  g_ptr_array_add (self->values, values);

  return self->series->len - 1;
}

guint
crm_chart_data_get_n_series (CrmChartData *self)
{
  return self->series->len;
}

const char *
crm_chart_data_get_series_name (CrmChartData *self,
                                guint         series)
{
  g_return_val_if_fail (series < self->series->len, NULL);

  return g_ptr_array_index (self->series, series);
}

void
crm_chart_data_set_value (CrmChartData *self,
                          guint         series,
                          guint         category,
                          double        value)
{
  g_return_if_fail (series < self->values->len);
  g_return_if_fail (category < self->categories->len);

  g_array_index ((GArray *)g_ptr_array_index (self->values, series), double, category) = value;
}

double
crm_chart_data_get_value (CrmChartData *self,
                          guint         series,
                          guint         category)
{
  g_return_val_if_fail (series < self->values->len, 0);
  g_return_val_if_fail (category < self->categories->len, 0);

  return g_array_index ((GArray *)g_ptr_array_index (self->values, series), double, category);
}

double
crm_chart_data_get_total (CrmChartData *self,
                          guint         series)
{
  double total = 0;

  for (guint i = 0; i < self->categories->len; i++)
    total += crm_chart_data_get_value (self, series, i);

  return total;
}

/**
 * crm_chart_data_set_value_format:
 * @self: chart data
 * @format: a printf format for one double, such as "%.1f"
 *
 * How values are written beside slices, bars and points.
 */
void
crm_chart_data_set_value_format (CrmChartData *self,
                                 const char   *format)
{
  g_free (self->value_format);
  self->value_format = g_strdup (format);
}

char *
crm_chart_format_value (CrmChartData *data,
                        double        value)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (data->value_format, value);
#pragma GCC diagnostic pop
}

PangoLayout *
crm_chart_layout (CrmChartCanvas *canvas,
                  const char     *text,
                  double          size,
                  gboolean        bold)
{
  PangoLayout *layout = pango_cairo_create_layout (canvas->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  /* Points on every surface: the caller's cairo units are points. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);

  pango_font_description_set_family (font, canvas->font_family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* Draws @text with its box aligned on (@x, @y): @align_x 0 puts the left
 * edge there, 0.5 the centre, 1 the right edge; @align_y likewise. */
void
crm_chart_text (CrmChartCanvas *canvas,
                const char     *text,
                double          x,
                double          y,
                double          align_x,
                double          align_y,
                double          size,
                gboolean        bold)
{
  g_autoptr(PangoLayout) layout = crm_chart_layout (canvas, text, size, bold);
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  cairo_move_to (canvas->cr,
                 x - align_x * width / PANGO_SCALE,
                 y - align_y * height / PANGO_SCALE);
  pango_cairo_show_layout (canvas->cr, layout);
}

/* Grey levels and hatches that stay apart in black-and-white print;
 * neighbours differ in both. */
static const double greys[] = { 0.88, 0.45, 0.70, 0.25, 0.95, 0.58 };

typedef enum
{
  HATCH_NONE,
  HATCH_DIAGONAL,
  HATCH_CROSS,
  HATCH_HORIZONTAL,
  HATCH_BACK_DIAGONAL,
  HATCH_DOTS,
  HATCH_VERTICAL,
} Hatch;

static const Hatch hatches[] = {
  HATCH_NONE, HATCH_DIAGONAL, HATCH_DOTS, HATCH_NONE, HATCH_CROSS,
  HATCH_HORIZONTAL, HATCH_BACK_DIAGONAL, HATCH_VERTICAL,
};

/* Fills the current path (and consumes it) with the style of item
 * @index, then outlines it. (@x, @y, @width, @height) bounds the path. */
void
crm_chart_fill_style (CrmChartCanvas *canvas,
                      guint           index,
                      double          x,
                      double          y,
                      double          width,
                      double          height)
{
  cairo_t *cr = canvas->cr;
  double grey = greys[index % G_N_ELEMENTS (greys)];
  Hatch hatch = hatches[index % G_N_ELEMENTS (hatches)];
  cairo_path_t *path = cairo_copy_path (cr);
  double ink = grey < 0.5 ? 1.0 : 0.0;
  const double step = 4.5;

  cairo_save (cr);
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, ink, ink, ink);
  cairo_set_line_width (cr, 0.6);

  switch (hatch)
    {
    case HATCH_NONE:
      break;

    case HATCH_DIAGONAL:
    case HATCH_BACK_DIAGONAL:
    case HATCH_CROSS:
      for (double d = -height; d < width; d += step)
        {
          if (hatch != HATCH_BACK_DIAGONAL)
            {
              cairo_move_to (cr, x + d, y + height);
              cairo_line_to (cr, x + d + height, y);
            }
          if (hatch != HATCH_DIAGONAL)
            {
              cairo_move_to (cr, x + d, y);
              cairo_line_to (cr, x + d + height, y + height);
            }
        }
      cairo_stroke (cr);
      break;

    case HATCH_HORIZONTAL:
      for (double d = y; d < y + height; d += step)
        {
          cairo_move_to (cr, x, d);
          cairo_line_to (cr, x + width, d);
        }
      cairo_stroke (cr);
      break;

    case HATCH_VERTICAL:
      for (double d = x; d < x + width; d += step)
        {
          cairo_move_to (cr, d, y);
          cairo_line_to (cr, d, y + height);
        }
      cairo_stroke (cr);
      break;

    case HATCH_DOTS:
      for (double dy = y; dy < y + height; dy += step)
        for (double dx = x + (fmod (dy - y, 2 * step) > 0.1 ? step / 2 : 0); dx < x + width; dx += step)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, dx, dy, 0.7, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      break;

    default:
      g_assert_not_reached ();
    }

  cairo_restore (cr);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_append_path (cr, path);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_path_destroy (path);
}

static gboolean
chart_is_empty (CrmChartData *data)
{
  if (data->categories->len == 0 || data->series->len == 0)
    return TRUE;

  for (guint s = 0; s < data->series->len; s++)
    for (guint i = 0; i < data->categories->len; i++)
      if (crm_chart_data_get_value (data, s, i) != 0)
        return FALSE;

  return TRUE;
}

/**
 * crm_chart_draw:
 * @data: what to draw
 * @cr: a cairo context whose units are points, origin at the chart's
 *   top left corner
 * @width: the chart's width in points
 * @height: the chart's height in points
 * @font_family: the font family of every text, one with the glyphs of the
 *   labels (for Chinese, "Noto Sans CJK SC" or "Noto Sans CJK TC")
 *
 * Draws the chart's title and the chart in black and greys, for screen
 * and paper alike. A chart without data says so instead of drawing an
 * empty frame.
 */
void
crm_chart_draw (CrmChartData *data,
                cairo_t      *cr,
                double        width,
                double        height,
                const char   *font_family)
{
  CrmChartCanvas canvas = { cr, font_family, width, height };
  double title_height;

  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  {
    g_autoptr(PangoLayout) layout = crm_chart_layout (&canvas, data->title, CRM_CHART_FONT_SIZE + 1.5, TRUE);
    int w, h;

    pango_layout_get_size (layout, &w, &h);
    title_height = (double)h / PANGO_SCALE + 4;
    cairo_move_to (cr, (width - (double)w / PANGO_SCALE) / 2, 0);
    pango_cairo_show_layout (cr, layout);
  }

  cairo_translate (cr, 0, title_height);
  canvas.height = height - title_height;

  if (chart_is_empty (data))
    {
      /* Translators: shown in place of a chart whose figures are all zero. */
      crm_chart_text (&canvas, _("No data for this period"), width / 2, canvas.height / 2,
                      0.5, 0.5, CRM_CHART_FONT_SIZE, FALSE);
    }
  else
    {
      switch (data->kind)
        {
        case CRM_CHART_PIE:
          crm_chart_draw_pie (data, &canvas);
          break;

        case CRM_CHART_BAR:
          crm_chart_draw_bar (data, &canvas);
          break;

        case CRM_CHART_LINE:
          crm_chart_draw_line (data, &canvas);
          break;

        case CRM_CHART_MATRIX:
          crm_chart_draw_matrix (data, &canvas);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  cairo_restore (cr);
}
