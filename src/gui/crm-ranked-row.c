/* crm-ranked-row.c — one row of the priorities page's ranked list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n.h>

#include "crm-ranked-row.h"

/* Room between the rank and the text, and between the two lines. */
#define SPACING 8
#define LINE_SPACING 2
/* The rank column holds this many digits. */
#define RANK_DIGITS "0000"
/* The rank as libadwaita's "heading", the details line as its "caption"
 * with the alpha of "dim-label". */
#define RANK_SIZE (11 * PANGO_SCALE)
#define DETAILS_SIZE (9 * PANGO_SCALE)
#define DIM_ALPHA 0.55

struct _CrmRankedRow
{
  GtkWidget    parent_instance;

  char        *rank;
  char        *title;
  char        *details;

  /* Made when the row is first drawn. */
  PangoLayout *rank_layout;
  PangoLayout *title_layout;
  PangoLayout *details_layout;
};

G_DEFINE_FINAL_TYPE (CrmRankedRow, crm_ranked_row, GTK_TYPE_WIDGET)

/* Sizes ------------------------------------------------------------------- */

/* The font's line heights and the rank column's width, measured once on
 * sample text (Latin and Han, whose fallback font is taller) for each
 * font and resolution the rows are given, and shared by all of them. */
typedef struct
{
  char *font;
  int   title_height;
  int   details_height;
  int   rank_width;
  int   min_text_width;
} Metrics;

static Metrics metrics;

static PangoAttrList *
rank_attributes (void)
{
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_size_new (RANK_SIZE));
  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));

  return attributes;
}

static PangoAttrList *
details_attributes (void)
{
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_size_new (DETAILS_SIZE));

  return attributes;
}

static int
line_height (PangoLayout *layout,
             const char  *text)
{
  int height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, NULL, &height);

  return height;
}

static const Metrics *
get_metrics (CrmRankedRow *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  g_autofree char *description = pango_font_description_to_string (pango_context_get_font_description (context));
  /* The same font is bigger at a higher resolution (text scaling). */
  g_autofree char *font = g_strdup_printf ("%s@%g", description, pango_cairo_context_get_resolution (context));
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoAttrList) rank = NULL;
  g_autoptr(PangoAttrList) details = NULL;

  if (g_strcmp0 (metrics.font, font) == 0)
    return &metrics;

  layout = pango_layout_new (context);
  metrics.title_height = line_height (layout, "Ag 需求");
  pango_layout_set_text (layout, "…", -1);
  pango_layout_get_pixel_size (layout, &metrics.min_text_width, NULL);

  details = details_attributes ();
  pango_layout_set_attributes (layout, details);
  metrics.details_height = line_height (layout, "Ag 需求");

  rank = rank_attributes ();
  pango_layout_set_attributes (layout, rank);
  pango_layout_set_text (layout, RANK_DIGITS, -1);
  pango_layout_get_pixel_size (layout, &metrics.rank_width, NULL);

  g_free (metrics.font);
  metrics.font = g_steal_pointer (&font);

  return &metrics;
}

static void
crm_ranked_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  const Metrics *m = get_metrics (CRM_RANKED_ROW (widget));

  /* The title and details are ellipsized: the row asks for no more width
   * than its rank and an ellipsis. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = m->rank_width + SPACING + m->min_text_width;
  else
    *minimum = *natural = m->title_height + LINE_SPACING + m->details_height;
}

/* Drawing ----------------------------------------------------------------- */

static void
clear_layouts (CrmRankedRow *self)
{
  g_clear_object (&self->rank_layout);
  g_clear_object (&self->title_layout);
  g_clear_object (&self->details_layout);
}

static PangoLayout *
ensure_layout (CrmRankedRow   *self,
               PangoLayout   **layout,
               const char     *text,
               PangoAttrList  *attributes)
{
  if (*layout == NULL)
    {
      *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      pango_layout_set_single_paragraph_mode (*layout, TRUE);
      if (attributes != NULL)
        pango_layout_set_attributes (*layout, attributes);
    }

  return *layout;
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               int            x,
               int            y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
crm_ranked_row_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  CrmRankedRow *self = CRM_RANKED_ROW (widget);
  const Metrics *m = get_metrics (self);
  int width = gtk_widget_get_width (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int text_width = MAX (0, width - m->rank_width - SPACING);
  int rank_width;
  int text_x = rtl ? 0 : m->rank_width + SPACING;
  GdkRGBA color, dim;
  PangoLayout *layout;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = color;
  dim.alpha *= DIM_ALPHA;

  if (self->rank_layout == NULL)
    {
      g_autoptr(PangoAttrList) attributes = rank_attributes ();

      ensure_layout (self, &self->rank_layout, self->rank, attributes);
    }
  pango_layout_get_pixel_size (self->rank_layout, &rank_width, NULL);
  /* The rank is aligned to the text's side of its column. */
  append_layout (snapshot, self->rank_layout,
                 rtl ? width - m->rank_width : m->rank_width - rank_width, 0, &color);

  layout = ensure_layout (self, &self->title_layout, self->title, NULL);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, text_width * PANGO_SCALE);
  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  append_layout (snapshot, layout, text_x, 0, &color);

  if (self->details_layout == NULL)
    {
      g_autoptr(PangoAttrList) attributes = details_attributes ();

      ensure_layout (self, &self->details_layout, self->details, attributes);
    }
  layout = self->details_layout;
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, text_width * PANGO_SCALE);
  pango_layout_set_alignment (layout, rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  append_layout (snapshot, layout, text_x, m->title_height + LINE_SPACING, &dim);
}

static void
crm_ranked_row_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (crm_ranked_row_parent_class)->css_changed (widget, change);

  /* Another font, size or colour: lay the text out again. */
  clear_layouts (CRM_RANKED_ROW (widget));
  gtk_widget_queue_resize (widget);
}

static void
crm_ranked_row_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous_direction)
{
  clear_layouts (CRM_RANKED_ROW (widget));
  gtk_widget_queue_draw (widget);
}

/* GObject ----------------------------------------------------------------- */

static void
crm_ranked_row_finalize (GObject *object)
{
  CrmRankedRow *self = (CrmRankedRow *)object;

  clear_layouts (self);
  g_free (self->rank);
  g_free (self->title);
  g_free (self->details);

  G_OBJECT_CLASS (crm_ranked_row_parent_class)->finalize (object);
}

static void
crm_ranked_row_class_init (CrmRankedRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = crm_ranked_row_finalize;
  widget_class->measure = crm_ranked_row_measure;
  widget_class->snapshot = crm_ranked_row_snapshot;
  widget_class->css_changed = crm_ranked_row_css_changed;
  widget_class->direction_changed = crm_ranked_row_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "rankedrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
crm_ranked_row_init (CrmRankedRow *self)
{
}

GtkWidget *
crm_ranked_row_new (void)
{
  return g_object_new (CRM_TYPE_RANKED_ROW, NULL);
}

/**
 * crm_ranked_row_set_text:
 * @rank: the rank, "12"
 * @title: the requirement's title
 * @details: the line under it
 *
 * Shows a requirement; a screen reader reads "Rank 12: title, details".
 */
void
crm_ranked_row_set_text (CrmRankedRow *self,
                         const char   *rank,
                         const char   *title,
                         const char   *details)
{
  g_autofree char *accessible = NULL;

  g_return_if_fail (CRM_IS_RANKED_ROW (self));

  g_free (self->rank);
  self->rank = g_strdup (rank != NULL ? rank : "");
  g_free (self->title);
  self->title = g_strdup (title != NULL ? title : "");
  g_free (self->details);
  self->details = g_strdup (details != NULL ? details : "");
  clear_layouts (self);
  /* The height does not depend on the text. */
  gtk_widget_queue_draw (GTK_WIDGET (self));

  /* Translators: a row of the ranked list for a screen reader: rank,
   * title, then the details. */
  accessible = g_strdup_printf (_("Rank %s: %s, %s"), self->rank, self->title, self->details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

const char *
crm_ranked_row_get_rank (CrmRankedRow *self)
{
  g_return_val_if_fail (CRM_IS_RANKED_ROW (self), NULL);

  return self->rank;
}

const char *
crm_ranked_row_get_title (CrmRankedRow *self)
{
  g_return_val_if_fail (CRM_IS_RANKED_ROW (self), NULL);

  return self->title;
}

const char *
crm_ranked_row_get_details (CrmRankedRow *self)
{
  g_return_val_if_fail (CRM_IS_RANKED_ROW (self), NULL);

  return self->details;
}
