/* gui-test-util.h — what the GUI tests share: finding widgets and
 * running the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <string.h>

#include "crm-text-cell.h"

/* The first widget of @type (with the CSS class @css_class, if not
 * %NULL) at or below @widget. */
static inline GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline GtkWidget *
find_by_type (GtkWidget *widget,
              GType      type)
{
  return find_widget (widget, type, NULL);
}

/* The first mapped label under @widget whose text contains @text. */
static inline GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) &&
      gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first mapped list cell under @widget whose text contains @text. */
static inline CrmTextCell *
find_text_cell (GtkWidget  *widget,
                const char *text)
{
  if (CRM_IS_TEXT_CELL (widget) &&
      gtk_widget_get_mapped (widget) &&
      crm_text_cell_get_text (CRM_TEXT_CELL (widget)) != NULL &&
      strstr (crm_text_cell_get_text (CRM_TEXT_CELL (widget)), text) != NULL)
    return CRM_TEXT_CELL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CrmTextCell *found = find_text_cell (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether @widget is its window's focus widget. Unlike
 * gtk_widget_has_focus(), this does not depend on the window being the
 * active one, which another test's window on the same display can take. */
static inline gboolean
is_focus_widget (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return root != NULL && gtk_root_get_focus (root) == widget;
}

static inline void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline gboolean
count_frame (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  (*(guint *)user_data)++;
  return G_SOURCE_CONTINUE;
}

/* Lets @widget draw @n frames: list views lay out and scroll in frames,
 * and a new window width changes what is shown in the frame after. */
static inline void
wait_frames (GtkWidget *widget,
             guint      n)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_frame, &frames, NULL);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (frames < n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
  g_assert_cmpint (frames, >=, n);
}

/* @widget as drawn on screen (the paintable takes each widget's drawing
 * as kept for the screen), over a grey of @background (0 black, 1 white). */
static inline cairo_surface_t *
draw_widget (GtkWidget *widget,
             double     background)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, background, background, background);
  cairo_paint (cr);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* The lightness (0–255) of @widget's pixels as drawn on screen over a
 * grey of @background (0 black, 1 white): the darkest and the lightest,
 * and the one at (16, 16), such as a card's background. */
static inline void
widget_lightness (GtkWidget *widget,
                  double     background,
                  guint     *corner,
                  guint     *darkest,
                  guint     *lightest)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_surface_t *surface = draw_widget (widget, background);
  const guchar *data;
  int stride;

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  *darkest = 255;
  *lightest = 0;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = ((const guint32 *)(gconstpointer)(data + y * stride))[x];
        guint lightness = (((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff)) / 3;

        if (x == 16 && y == 16)
          *corner = lightness;
        *darkest = MIN (*darkest, lightness);
        *lightest = MAX (*lightest, lightness);
      }
  cairo_surface_destroy (surface);
}
