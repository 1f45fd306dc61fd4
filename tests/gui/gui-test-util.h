/* gui-test-util.h — what the GUI tests share: finding widgets and
 * running the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <string.h>

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
