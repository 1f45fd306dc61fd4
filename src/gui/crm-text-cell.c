/* crm-text-cell.c — one line of text in a long list, measured without shaping it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * GTK 4.8's list views keep about 200 rows around the one in view, and
 * measure all of them, though they draw only the rows on screen. A jump
 * to a far place (a scroll bar drag, Home, End) rebinds all of them. A
 * GtkLabel shapes its text to measure itself, so each jump shaped some
 * 1 400 cells of which fewer than 200 are on screen. A GtkInscription
 * measures without shaping, but GTK 4.8's asks Pango for the font's
 * metrics at every measure, which shapes a sample text each time.
 *
 * A CrmTextCell asks for one line of its font, as wide as a number of
 * characters (the column, not the text, sets the width): the same for
 * every cell of a font, so worked out once per font. It shapes its text
 * only when drawn, that is when on screen. The text is ellipsized at the
 * end, with tabular figures for numbers when asked, and is the cell's
 * accessible label.
 */

#include <math.h>

#include <pango/pangocairo.h>

#include "crm-text-cell.h"

/* The width a cell asks for unless told otherwise, in characters: room
 * for "A…". */
#define DEFAULT_WIDTH_CHARS 3

/* Text with a Latin ascender and descender and CJK characters: a line of
 * it is as tall as any line a cell shows in a Chinese or English UI. */
#define LINE_SAMPLE "Ág中文"

struct _CrmTextCell
{
  GtkWidget    parent_instance;

  char        *text;
  float        xalign;
  gboolean     tabular;
  guint        width_chars;

  PangoLayout *layout;      /* NULL until first drawn */
  gboolean     layout_text_stale;
};

G_DEFINE_FINAL_TYPE (CrmTextCell, crm_text_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_XALIGN,
  PROP_TABULAR,
  PROP_WIDTH_CHARS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Line metrics --------------------------------------------------------- */

/* The metrics of the last few fonts cells asked for. The cells of a list
 * share a font or two (a bold one for flagged rows), so these are worked
 * out again only when a font, the font map or the resolution changes.
 * Main thread only, like GTK. */
#define N_LINE_METRICS 4

typedef struct
{
  PangoFontDescription *font;
  PangoFontMap         *font_map;
  double                resolution;
  int                   line_height;  /* pixels */
  int                   char_width;   /* pixels */
} LineMetrics;

static LineMetrics line_metrics[N_LINE_METRICS];
static guint next_line_metrics;

static const LineMetrics *
crm_text_cell_get_line_metrics (CrmTextCell *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PangoFontMap *font_map = pango_context_get_font_map (context);
  double resolution = pango_cairo_context_get_resolution (context);
  g_autoptr(PangoLayout) sample = NULL;
  PangoFontMetrics *metrics;
  LineMetrics *entry;
  PangoRectangle logical;
  int char_width;

  for (guint i = 0; i < N_LINE_METRICS; i++)
    {
      entry = &line_metrics[i];
      if (entry->font != NULL
          && entry->font_map == font_map
          && entry->resolution == resolution
          && pango_font_description_equal (entry->font, font))
        return entry;
    }

  sample = pango_layout_new (context);
  pango_layout_set_text (sample, LINE_SAMPLE, -1);
  pango_layout_get_pixel_extents (sample, NULL, &logical);

  metrics = pango_context_get_metrics (context, font, NULL);
  char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                    pango_font_metrics_get_approximate_digit_width (metrics));
  pango_font_metrics_unref (metrics);

  entry = &line_metrics[next_line_metrics];
  next_line_metrics = (next_line_metrics + 1) % N_LINE_METRICS;

  g_clear_pointer (&entry->font, pango_font_description_free);
  entry->font = pango_font_description_copy (font);
  /* Compared, never dereferenced: GTK keeps one font map for the life of
   * the program, and a new one (a change of font settings) is a miss. */
  entry->font_map = font_map;
  entry->resolution = resolution;
  entry->line_height = logical.height;
  entry->char_width = PANGO_PIXELS_CEIL (char_width);

  return entry;
}

/* Layout --------------------------------------------------------------- */

static void
crm_text_cell_update_alignment (CrmTextCell *self)
{
  float xalign = self->xalign;

  if (self->layout == NULL)
    return;

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    xalign = 1.0f - xalign;

  if (xalign < 0.33f)
    pango_layout_set_alignment (self->layout, PANGO_ALIGN_LEFT);
  else if (xalign < 0.67f)
    pango_layout_set_alignment (self->layout, PANGO_ALIGN_CENTER);
  else
    pango_layout_set_alignment (self->layout, PANGO_ALIGN_RIGHT);
}

static void
crm_text_cell_update_attributes (CrmTextCell *self)
{
  g_autoptr(PangoAttrList) attributes = NULL;

  if (self->layout == NULL)
    return;

  if (self->tabular)
    {
      attributes = pango_attr_list_new ();
      pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
    }

  pango_layout_set_attributes (self->layout, attributes);
}

static PangoLayout *
crm_text_cell_ensure_layout (CrmTextCell *self,
                             int          width)
{
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      crm_text_cell_update_alignment (self);
      crm_text_cell_update_attributes (self);
      self->layout_text_stale = TRUE;
    }

  if (self->layout_text_stale)
    {
      pango_layout_set_text (self->layout, self->text != NULL ? self->text : "", -1);
      self->layout_text_stale = FALSE;
    }

  if (pango_layout_get_width (self->layout) != width * PANGO_SCALE)
    pango_layout_set_width (self->layout, width * PANGO_SCALE);

  return self->layout;
}

/* GtkWidget ------------------------------------------------------------ */

static void
crm_text_cell_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  CrmTextCell *self = CRM_TEXT_CELL (widget);
  const LineMetrics *metrics = crm_text_cell_get_line_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->width_chars * metrics->char_width;
  else
    *minimum = *natural = metrics->line_height;
}

static void
crm_text_cell_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  CrmTextCell *self = CRM_TEXT_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoLayout *layout;
  PangoRectangle logical;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0 || height <= 0)
    return;

  layout = crm_text_cell_ensure_layout (self, width);
  pango_layout_get_pixel_extents (layout, NULL, &logical);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget),
                              0, floor ((height - logical.height) / 2.0), layout);
  gtk_snapshot_pop (snapshot);
}

static void
crm_text_cell_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  CrmTextCell *self = CRM_TEXT_CELL (widget);

  GTK_WIDGET_CLASS (crm_text_cell_parent_class)->css_changed (widget, change);

  /* The font may have changed with the style: the widget's Pango context
   * follows it, the layout made from it has to be told. */
  if (self->layout != NULL)
    pango_layout_context_changed (self->layout);
}

static void
crm_text_cell_direction_changed (GtkWidget        *widget,
                                 GtkTextDirection  previous_direction)
{
  GTK_WIDGET_CLASS (crm_text_cell_parent_class)->direction_changed (widget, previous_direction);

  crm_text_cell_update_alignment (CRM_TEXT_CELL (widget));
}

/* GObject -------------------------------------------------------------- */

static void
crm_text_cell_finalize (GObject *object)
{
  CrmTextCell *self = CRM_TEXT_CELL (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (crm_text_cell_parent_class)->finalize (object);
}

static void
crm_text_cell_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CrmTextCell *self = CRM_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_XALIGN:
      g_value_set_float (value, self->xalign);
      break;

    case PROP_TABULAR:
      g_value_set_boolean (value, self->tabular);
      break;

    case PROP_WIDTH_CHARS:
      g_value_set_uint (value, self->width_chars);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_text_cell_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CrmTextCell *self = CRM_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      crm_text_cell_set_text (self, g_value_get_string (value));
      break;

    case PROP_XALIGN:
      crm_text_cell_set_xalign (self, g_value_get_float (value));
      break;

    case PROP_TABULAR:
      crm_text_cell_set_tabular (self, g_value_get_boolean (value));
      break;

    case PROP_WIDTH_CHARS:
      crm_text_cell_set_width_chars (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_text_cell_class_init (CrmTextCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = crm_text_cell_finalize;
  object_class->get_property = crm_text_cell_get_property;
  object_class->set_property = crm_text_cell_set_property;

  widget_class->measure = crm_text_cell_measure;
  widget_class->snapshot = crm_text_cell_snapshot;
  widget_class->css_changed = crm_text_cell_css_changed;
  widget_class->direction_changed = crm_text_cell_direction_changed;

  /**
   * CrmTextCell:text:
   *
   * The text shown, on one line, ellipsized at the end if it does not fit.
   */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CrmTextCell:xalign:
   *
   * Where the text sits across the cell: 0 at the start, 1 at the end.
   */
  properties[PROP_XALIGN] =
    g_param_spec_float ("xalign", NULL, NULL, 0.0f, 1.0f, 0.0f,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CrmTextCell:tabular:
   *
   * Whether figures all take the same width, so numbers line up in a
   * column.
   */
  properties[PROP_TABULAR] =
    g_param_spec_boolean ("tabular", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CrmTextCell:width-chars:
   *
   * How many characters wide the cell asks to be: the column, not the
   * text, sets its width, and a longer text is ellipsized.
   */
  properties[PROP_WIDTH_CHARS] =
    g_param_spec_uint ("width-chars", NULL, NULL, 1, 100, DEFAULT_WIDTH_CHARS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
crm_text_cell_init (CrmTextCell *self)
{
  self->width_chars = DEFAULT_WIDTH_CHARS;
}

/* Public --------------------------------------------------------------- */

GtkWidget *
crm_text_cell_new (void)
{
  return g_object_new (CRM_TYPE_TEXT_CELL, NULL);
}

const char *
crm_text_cell_get_text (CrmTextCell *self)
{
  g_return_val_if_fail (CRM_IS_TEXT_CELL (self), NULL);

  return self->text;
}

void
crm_text_cell_set_text (CrmTextCell *self,
                        const char  *text)
{
  g_return_if_fail (CRM_IS_TEXT_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  self->layout_text_stale = TRUE;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->text,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

float
crm_text_cell_get_xalign (CrmTextCell *self)
{
  g_return_val_if_fail (CRM_IS_TEXT_CELL (self), 0.0f);

  return self->xalign;
}

void
crm_text_cell_set_xalign (CrmTextCell *self,
                          float        xalign)
{
  g_return_if_fail (CRM_IS_TEXT_CELL (self));

  xalign = CLAMP (xalign, 0.0f, 1.0f);
  if (self->xalign == xalign)
    return;

  self->xalign = xalign;
  crm_text_cell_update_alignment (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_XALIGN]);
}

gboolean
crm_text_cell_get_tabular (CrmTextCell *self)
{
  g_return_val_if_fail (CRM_IS_TEXT_CELL (self), FALSE);

  return self->tabular;
}

void
crm_text_cell_set_tabular (CrmTextCell *self,
                           gboolean     tabular)
{
  g_return_if_fail (CRM_IS_TEXT_CELL (self));

  tabular = !!tabular;
  if (self->tabular == tabular)
    return;

  self->tabular = tabular;
  crm_text_cell_update_attributes (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABULAR]);
}

guint
crm_text_cell_get_width_chars (CrmTextCell *self)
{
  g_return_val_if_fail (CRM_IS_TEXT_CELL (self), DEFAULT_WIDTH_CHARS);

  return self->width_chars;
}

void
crm_text_cell_set_width_chars (CrmTextCell *self,
                               guint        width_chars)
{
  g_return_if_fail (CRM_IS_TEXT_CELL (self));

  width_chars = CLAMP (width_chars, 1, 100);
  if (self->width_chars == width_chars)
    return;

  self->width_chars = width_chars;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH_CHARS]);
}
